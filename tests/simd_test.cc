// The SIMD fast paths of the text front end must be bit-identical to the
// portable paths: the 64-byte ASCII block scan of the tokeniser against
// the byte-at-a-time scan, and the inline short-token hash against its
// own buffered (end-of-text) path.
#include <algorithm>
#include <bit>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "internal/hash.h"
#include "internal/token_scan.h"

namespace neardup {
namespace {

std::vector<std::pair<size_t, size_t>> Scan(const std::string& text,
                                            bool blocks) {
  std::vector<std::pair<size_t, size_t>> tokens;
  auto add = [&](const char* begin, size_t length) {
    tokens.emplace_back(begin - text.data(), length);
  };
  if (blocks) {
    internal::ForEachToken<true>(text, add);
  } else {
    internal::ForEachToken<false>(text, add);
  }
  return tokens;
}

// The same scan with the newline flag; checks the flag against the bytes
// between consecutive tokens.
std::vector<std::pair<size_t, size_t>> ScanLines(const std::string& text,
                                                 bool blocks) {
  std::vector<std::pair<size_t, size_t>> tokens;
  size_t gap = 0;
  auto add = [&](const char* begin, size_t length, bool newline) {
    const size_t pos = static_cast<size_t>(begin - text.data());
    EXPECT_EQ(newline,
              text.substr(gap, pos - gap).find('\n') != std::string::npos)
        << "token at " << pos;
    gap = pos + length;
    tokens.emplace_back(pos, length);
  };
  if (blocks) {
    internal::ForEachToken<true>(text, add);
  } else {
    internal::ForEachToken<false>(text, add);
  }
  return tokens;
}

// Random text mixing long ASCII runs (which take the block path) with
// punctuation, line breaks, Latin-1, Arabic, CJK, combining marks, Thai
// and ill-formed bytes, at every alignment.
std::string RandomText(std::mt19937_64& rng) {
  static const char* const kPieces[] = {
      "the",
      "Quick",
      "brown",
      "fox",
      "2024",
      " ",
      " ",
      " ",
      "\n",
      ", ",
      "-",
      "'s",
      "caf\xC3\xA9",
      "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7",
      "\xE6\x9D\xB1\xE4\xBA\xAC",
      "e\xCC\x81",
      "\xE0\xB8\x81\xE0\xB8\xB2",
      "\xFF",
      "\xE2\x82",
      "\xCC\x81",
      "word123abc",
      "a",
      "Z",
      "internationalisation"};
  std::string text;
  const size_t pieces = rng() % 200;
  for (size_t i = 0; i < pieces; ++i) {
    text += kPieces[rng() % (sizeof(kPieces) / sizeof(kPieces[0]))];
    if (rng() % 8 == 0) text += std::string(rng() % 90, 'x');
  }
  return text;
}

TEST(SimdTest, TokeniserBlockPathMatchesPortablePath) {
  std::mt19937_64 rng(2024);
  size_t tokens = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::string text = RandomText(rng);
    const auto fast = Scan(text, true);
    ASSERT_EQ(fast, Scan(text, false)) << "trial " << trial;
    ASSERT_EQ(fast, ScanLines(text, true)) << "trial " << trial;
    ASSERT_EQ(fast, ScanLines(text, false)) << "trial " << trial;
    tokens += fast.size();
  }
  EXPECT_GT(tokens, 100000u);
}

TEST(SimdTest, ShortTokenHashSameInsideAndAtEndOfBuffer) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 20000; ++trial) {
    const size_t length = 1 + rng() % 20;
    std::string token;
    for (size_t i = 0; i < length; ++i) token += static_cast<char>(rng());
    // Inside a longer buffer (direct 16-byte loads, masked) ...
    std::string padded = token + std::string(32, static_cast<char>(rng()));
    const uint64_t inside = internal::HashToken(
        padded.data(), length, padded.data() + padded.size(), 7);
    // ... and at the very end (copied to a zeroed buffer).
    const uint64_t at_end = internal::HashToken(token.data(), length,
                                                token.data() + token.size(), 7);
    ASSERT_EQ(inside, at_end) << "length " << length;
  }
}

TEST(SimdTest, ShortTokenHashSeparatesLengthsAndSeeds) {
  const std::string text = "aaaaaaaaaaaaaaaaaaaa";
  const char* end = text.data() + text.size();
  std::vector<uint64_t> seen;
  for (size_t length = 1; length <= 20; ++length) {
    seen.push_back(internal::HashToken(text.data(), length, end, 0));
    seen.push_back(internal::HashToken(text.data(), length, end, 1));
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

}  // namespace
}  // namespace neardup

#include "internal/bitmap.h"

namespace neardup {
namespace {

TEST(SimdTest, AndPopcountPathsAgree) {
  std::mt19937_64 rng(9);
  std::vector<uint64_t> a(32), b(32);
  for (int trial = 0; trial < 2000; ++trial) {
    for (size_t i = 0; i < a.size(); ++i) {
      // Sparse, dense and random words.
      a[i] = trial % 3 == 0 ? rng() & rng() & rng() : rng();
      b[i] = trial % 3 == 1 ? ~uint64_t{0} : rng() | rng();
    }
    uint64_t want = 0;
    for (size_t i = 0; i < a.size(); ++i) want += std::popcount(a[i] & b[i]);
    ASSERT_EQ(internal::AndPopcountPortable(a.data(), b.data(), a.size()),
              want);
    ASSERT_EQ(internal::AndPopcount(a.data(), b.data(), a.size()), want);
#if defined(__x86_64__) && defined(__GNUC__)
    if (internal::HavePopcnt()) {
      ASSERT_EQ(internal::AndPopcountPopcnt(a.data(), b.data(), a.size()),
                want);
    }
#endif
  }
}

}  // namespace
}  // namespace neardup

#include "internal/oph_hash.h"

namespace neardup {
namespace {

TEST(SimdTest, OphHashToBinsPathsAgree) {
  std::mt19937_64 rng(11);
  for (uint32_t k : {8u, 128u, 1000u, 4096u}) {
    for (size_t n : {0, 1, 3, 4, 5, 17, 256}) {
      std::vector<uint64_t> in(n);
      for (uint64_t& x : in) x = rng();
      const uint64_t seed = rng();
      std::vector<uint32_t> bins(n), values(n), bins2(n), values2(n);
      internal::HashToBinsPortable(in.data(), n, seed, k, bins.data(),
                                   values.data());
      for (size_t i = 0; i < n; ++i) ASSERT_LT(bins[i], k);
      internal::HashToBins(in.data(), n, seed, k, bins2.data(), values2.data());
      ASSERT_EQ(bins, bins2);
      ASSERT_EQ(values, values2);
#if defined(__x86_64__) && defined(__GNUC__)
      if (internal::HaveAvx2()) {
        internal::HashToBinsAvx2(in.data(), n, seed, k, bins2.data(),
                                 values2.data());
        ASSERT_EQ(bins, bins2);
        ASSERT_EQ(values, values2);
      }
#endif
    }
  }
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

TEST(SimdTest, Ngrams3PathsAgree) {
  std::mt19937_64 rng(13);
  for (size_t shingles = 1; shingles < 40; ++shingles) {
    std::vector<uint64_t> t(shingles + 2);
    for (uint64_t& x : t) x = rng();
    const uint64_t tag = rng();
    std::vector<uint64_t> want(shingles), got(shingles);
    for (size_t i = 0; i < shingles; ++i) {
      want[i] = internal::CombineNgram(t.data() + i, 3, tag);
    }
    internal::Ngrams3Portable(t.data(), shingles, tag, got.data());
    ASSERT_EQ(got, want);
    internal::Ngrams3(t.data(), shingles, tag, got.data());
    ASSERT_EQ(got, want);
#if defined(__x86_64__) && defined(__GNUC__)
    if (internal::HaveAvx2()) {
      internal::Ngrams3Avx2(t.data(), shingles, tag, got.data());
      ASSERT_EQ(got, want);
    }
#endif
  }
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

TEST(SimdTest, OphFirstProbeHitsMatchScalar) {
  std::mt19937_64 rng(17);
  for (uint32_t k : {8u, 12u, 64u, 100u, 128u}) {
    for (int trial = 0; trial < 200; ++trial) {
      std::vector<uint8_t> probes8((k * 8 + 31) / 32 * 32, 0);
      for (size_t i = 0; i < size_t{k} * 8; ++i) probes8[i] = rng() % k;
      uint64_t empty_bits[2] = {0, 0};
      std::vector<bool> filled(k);
      for (uint32_t b = 0; b < k; ++b) {
        filled[b] = rng() % (1 + trial % 4) == 0;
        if (!filled[b]) empty_bits[b / 64] |= uint64_t{1} << (b % 64);
      }
      uint8_t hits[128];
      if (!internal::FirstProbeHits(probes8.data(), k, empty_bits, hits)) {
        GTEST_SKIP() << "no AVX2 on this CPU";
      }
      for (uint32_t b = 0; b < k; ++b) {
        uint8_t want = 0;
        for (int s = 0; s < 8; ++s) {
          want |= static_cast<uint8_t>(filled[probes8[b * 8 + s]] << s);
        }
        ASSERT_EQ(hits[b], want) << "k=" << k << " bin=" << b;
      }
    }
  }
}

}  // namespace
}  // namespace neardup

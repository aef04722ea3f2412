#include "neardup/lsh_index.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "gtest/gtest.h"
#include "neardup/sketch.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::MakeSetPair;
using testing::TestRng;

TEST(LshParamsTest, ProbabilityFormula) {
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, 9, 13), 1.0);
  EXPECT_DOUBLE_EQ(CandidateProbability(0.0, 9, 13), 0.0);
  EXPECT_NEAR(CandidateProbability(0.5, 2, 2), 1 - 0.75 * 0.75, 1e-12);
}

TEST(LshParamsTest, FalsePositiveAreaMatchesClosedForm) {
  // b = 1, r = 2: ∫₀ᵗ s² ds = t³/3.
  EXPECT_NEAR(FalsePositiveArea(0.8, 1, 2), 0.8 * 0.8 * 0.8 / 3, 1e-9);
}

TEST(LshParamsTest, AutoChoiceMeetsTargetAndIsOptimal) {
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    for (int k : {64, 128, 256}) {
      auto params = ChooseLshParams(t, k, 0.95);
      ASSERT_TRUE(params.ok()) << t << " " << k;
      EXPECT_LE(params->bands * params->rows, k);
      EXPECT_GE(CandidateProbability(t, params->bands, params->rows), 0.95);
      const double area = FalsePositiveArea(t, params->bands, params->rows);
      // No feasible (b, r) has a smaller false-positive area.
      for (int r = 1; r <= k; ++r) {
        for (int b = 1; b * r <= k; ++b) {
          if (CandidateProbability(t, b, r) < 0.95) continue;
          EXPECT_GE(FalsePositiveArea(t, b, r), area - 1e-9)
              << "t=" << t << " k=" << k << " b=" << b << " r=" << r;
        }
      }
    }
  }
}

TEST(LshParamsTest, UnreachableTargetIsAnError) {
  EXPECT_FALSE(ChooseLshParams(0.1, 8, 0.999999).ok());
}

TEST(LshOptionsTest, Validation) {
  EXPECT_TRUE(LshOptions{}.Validate().ok());
  EXPECT_FALSE(LshOptions{.threshold = 0}.Validate().ok());
  EXPECT_FALSE(LshOptions{.threshold = 1.5}.Validate().ok());
  EXPECT_FALSE(LshOptions{.bands = 4}.Validate().ok());
  const LshOptions too_many{.num_perm = 128, .bands = 20, .rows = 8};
  EXPECT_FALSE(too_many.Validate().ok());
  const LshOptions fits{.num_perm = 128, .bands = 16, .rows = 8};
  EXPECT_TRUE(fits.Validate().ok());
  auto index = LshIndex::Create({.num_perm = 128, .bands = 16, .rows = 8});
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->params().bands, 16);
  EXPECT_EQ(index->params().rows, 8);
}

TEST(LshIndexTest, AddQueryRemove) {
  auto index = *LshIndex::Create({.num_perm = 8, .bands = 2, .rows = 4});
  const std::vector<uint32_t> sig_a = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<uint32_t> sig_b = {1, 2, 3, 4, 9, 9, 9, 9};  // band 0
  const std::vector<uint32_t> sig_c = {0, 0, 0, 0, 0, 0, 0, 0};
  std::vector<uint64_t> ka(2), kb(2), kc(2);
  index.BandKeys(sig_a, ka);
  index.BandKeys(sig_b, kb);
  index.BandKeys(sig_c, kc);
  EXPECT_EQ(ka[0], kb[0]);
  EXPECT_NE(ka[1], kb[1]);
  index.Add(10, ka);
  index.Add(3, kb);
  EXPECT_EQ(index.size(), 2u);
  std::vector<uint32_t> candidates;
  index.Query(ka, &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{3, 10}));
  index.Query(kc, &candidates);
  EXPECT_TRUE(candidates.empty());
  EXPECT_TRUE(index.Remove(10));
  EXPECT_FALSE(index.Remove(10));
  EXPECT_FALSE(index.Contains(10));
  index.Query(ka, &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{3}));
  EXPECT_TRUE(index.Remove(3));
  index.Query(ka, &candidates);
  EXPECT_TRUE(candidates.empty());
  EXPECT_EQ(index.size(), 0u);
}

TEST(LshIndexTest, RemoveFromMiddleOfBucket) {
  auto index = *LshIndex::Create({.num_perm = 4, .bands = 1, .rows = 4});
  std::vector<uint64_t> keys(1);
  index.BandKeys(std::vector<uint32_t>{1, 2, 3, 4}, keys);
  for (uint32_t d = 0; d < 5; ++d) index.Add(d, keys);
  EXPECT_TRUE(index.Remove(2));
  EXPECT_TRUE(index.Remove(0));
  EXPECT_TRUE(index.Remove(4));
  std::vector<uint32_t> candidates;
  index.Query(keys, &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{1, 3}));
}

TEST(LshIndexTest, BucketScanIsBounded) {
  auto index = *LshIndex::Create(
      {.num_perm = 4, .bands = 1, .rows = 4, .max_bucket_scan = 3});
  std::vector<uint64_t> keys(1);
  index.BandKeys(std::vector<uint32_t>{1, 2, 3, 4}, keys);
  for (uint32_t d = 0; d < 10; ++d) index.Add(d, keys);
  std::vector<uint32_t> candidates;
  index.Query(keys, &candidates);
  // Most recent first: 9, 8, 7.
  EXPECT_EQ(candidates, (std::vector<uint32_t>{7, 8, 9}));
  EXPECT_EQ(index.truncated_scans(), 1u);
}

// The measured candidate rate at Jaccard s must lie within the 99.9%
// binomial interval around P(s) = 1 - (1 - s^r)^b.
class LshRateTest : public ::testing::TestWithParam<SketchAlgorithm> {};

TEST_P(LshRateTest, CandidateRateMatchesTheory) {
  constexpr int kK = 128, kTrials = 3000;
  constexpr size_t kUnion = 1000;  // |A| >= 4k for every s below
  auto sketcher = *Sketcher::Create({.num_perm = kK, .algorithm = GetParam()});
  auto index = *LshIndex::Create({.num_perm = kK, .bands = 16, .rows = 8});
  std::vector<uint32_t> sig_a(kK), sig_b(kK);
  std::vector<uint64_t> keys_a(16), keys_b(16);
  std::vector<uint32_t> candidates;
  TestRng rng(4242);
  for (double s : {0.5, 0.6, 0.7, 0.8, 0.9}) {
    const size_t common = static_cast<size_t>(std::lround(s * kUnion));
    const size_t only_each = (kUnion - common) / 2;
    ASSERT_GE(common + only_each, 4u * kK);
    int hits = 0;
    for (int t = 0; t < kTrials; ++t) {
      auto [a, b] = MakeSetPair(rng, common, only_each);
      sketcher.Sign(a, sig_a);
      sketcher.Sign(b, sig_b);
      index.BandKeys(sig_a, keys_a);
      index.BandKeys(sig_b, keys_b);
      index.Add(0, keys_a);
      index.Query(keys_b, &candidates);
      hits += !candidates.empty();
      index.Remove(0);
    }
    const double exact_s =
        static_cast<double>(common) / (common + 2 * only_each);
    const double p = CandidateProbability(exact_s, 16, 8);
    const double half_width = 3.29 * std::sqrt(p * (1 - p) / kTrials);  // 99.9%
    EXPECT_NEAR(static_cast<double>(hits) / kTrials, p,
                half_width + 0.5 / kTrials)
        << "s=" << exact_s;
  }
}

INSTANTIATE_TEST_SUITE_P(Algorithms, LshRateTest,
                         ::testing::Values(SketchAlgorithm::kOph,
                                           SketchAlgorithm::kClassic),
                         [](const auto& info) {
                           return std::string(SketchAlgorithmName(info.param));
                         });

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

TEST(LshIndexTest, ClearEmptiesAndStaysUsable) {
  LshIndex index = *LshIndex::Create({.threshold = 0.5, .num_perm = 16});
  const size_t b = index.params().bands;
  std::vector<uint64_t> keys(b, 42);
  std::vector<uint32_t> candidates;
  index.Add(0, keys);
  index.Add(1, keys);
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_FALSE(index.Contains(0));
  index.Query(keys, &candidates);
  EXPECT_TRUE(candidates.empty());
  index.QueryAndAdd(5, keys, &candidates);
  EXPECT_TRUE(candidates.empty());
  index.QueryAndAdd(6, keys, &candidates);
  EXPECT_EQ(candidates, std::vector<uint32_t>{5});
  EXPECT_TRUE(index.Remove(5));
  index.Query(keys, &candidates);
  EXPECT_EQ(candidates, std::vector<uint32_t>{6});
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// Lazy removal returns the same candidates as eager removal: a reference
// that keeps each band's buckets as lists (most recent last) and erases
// removed documents at once, under random adds, removes, reuse of removed
// numbers, explicit compactions and truncated bucket scans.
TEST(LshIndexTest, LazyRemovalMatchesEagerReference) {
  constexpr int kBands = 4, kLimit = 5;
  auto index = *LshIndex::Create({.num_perm = 4 * kBands,
                                  .bands = kBands,
                                  .rows = 4,
                                  .max_bucket_scan = kLimit});
  std::vector<std::map<uint32_t, std::vector<uint32_t>>> buckets(kBands);
  std::map<uint32_t, std::vector<uint64_t>> live;  // doc -> band keys
  auto reference = [&](const std::vector<uint64_t>& keys, bool* truncated) {
    std::vector<uint32_t> out;
    *truncated = false;
    for (int band = 0; band < kBands; ++band) {
      auto it = buckets[band].find(LshIndex::FoldKey(keys[band]));
      if (it == buckets[band].end()) continue;
      const std::vector<uint32_t>& docs = it->second;
      for (size_t i = 0; i < docs.size(); ++i) {
        if (static_cast<int>(i) == kLimit) {
          *truncated = true;
          break;
        }
        out.push_back(docs[docs.size() - 1 - i]);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto random_keys = [](TestRng& rng) {
    std::vector<uint64_t> keys(kBands);
    for (auto& key : keys) key = rng.Below(12) * 0x9E3779B97F4A7C15ull;
    return keys;
  };
  TestRng rng(77);
  std::vector<uint32_t> candidates;
  uint64_t truncations = 0;
  for (int step = 0; step < 20000; ++step) {
    const uint64_t action = rng.Below(10);
    if (action < 4) {  // add (or query-and-add) a number not in the index
      uint32_t doc = static_cast<uint32_t>(rng.Below(400));
      if (live.count(doc)) continue;
      const std::vector<uint64_t> keys = random_keys(rng);
      bool truncated;
      const std::vector<uint32_t> expected = reference(keys, &truncated);
      if (action == 0) {
        truncations += truncated;
        index.QueryAndAdd(doc, keys, &candidates);
        EXPECT_EQ(candidates, expected) << step;
      } else {
        index.Add(doc, keys);
      }
      for (int band = 0; band < kBands; ++band) {
        buckets[band][LshIndex::FoldKey(keys[band])].push_back(doc);
      }
      live[doc] = keys;
    } else if (action < 7) {  // remove a random held document
      if (live.empty()) continue;
      auto it = live.begin();
      std::advance(it, rng.Below(live.size()));
      const uint32_t doc = it->first;
      for (int band = 0; band < kBands; ++band) {
        auto& docs = buckets[band][LshIndex::FoldKey(it->second[band])];
        docs.erase(std::find(docs.begin(), docs.end(), doc));
      }
      live.erase(it);
      EXPECT_TRUE(index.Remove(doc));
      EXPECT_FALSE(index.Remove(doc));
      EXPECT_FALSE(index.Contains(doc));
    } else if (action < 9) {  // query
      const std::vector<uint64_t> keys = random_keys(rng);
      bool truncated;
      const std::vector<uint32_t> expected = reference(keys, &truncated);
      truncations += truncated;
      index.Query(keys, &candidates);
      EXPECT_EQ(candidates, expected) << step;
    } else if (rng.Below(20) == 0) {
      index.Compact();
      EXPECT_EQ(index.dead(), 0u);
    }
    ASSERT_EQ(index.size(), live.size());
    ASSERT_LE(index.dead(), std::max<size_t>(64, live.size() / 4));
  }
  EXPECT_EQ(index.truncated_scans(), truncations);
  EXPECT_GT(truncations, 100u);
  // Every held document is found by its own keys; no removed one is.
  for (uint32_t doc = 0; doc < 400; ++doc) {
    EXPECT_EQ(index.Contains(doc), live.count(doc) > 0);
  }
}

TEST(LshIndexTest, CompactUnlinksAndShrinks) {
  auto index = *LshIndex::Create({.num_perm = 8, .bands = 2, .rows = 4});
  std::vector<uint64_t> keys(2);
  for (uint32_t d = 0; d < 5000; ++d) {
    keys = {d, d + 1000000};  // distinct buckets
    index.Add(d, keys);
  }
  const size_t full = index.MemoryBreakdown().tables;
  for (uint32_t d = 0; d < 4900; ++d) ASSERT_TRUE(index.Remove(d));
  index.Compact();
  EXPECT_EQ(index.dead(), 0u);
  EXPECT_LT(index.MemoryBreakdown().tables, full / 8);
  for (uint32_t d = 0; d < 5000; ++d) {
    EXPECT_EQ(index.Linked(d), d >= 4900) << d;
  }
  std::vector<uint32_t> candidates;
  keys = {4950, 0};
  index.Query(keys, &candidates);
  EXPECT_EQ(candidates, std::vector<uint32_t>{4950});
  // Unlinked numbers are added again like new ones.
  keys = {4950, 7};
  index.Add(7, keys);
  index.Query(keys, &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{7, 4950}));
}

}  // namespace
}  // namespace neardup

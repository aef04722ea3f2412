#include "internal/band_join.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "neardup/lsh_index.h"
#include "test_rng.h"

namespace neardup {
namespace {

using Pairs = std::set<std::pair<uint32_t, uint32_t>>;

// Band keys drawn from a small alphabet, so that buckets hold many
// documents and pairs share several bands.
std::vector<uint64_t> RandomKeys(size_t n, size_t b, uint64_t alphabet,
                                 uint64_t seed) {
  testing::TestRng rng(seed);
  std::vector<uint64_t> keys(n * b);
  for (uint64_t& k : keys)
    k = 0x9E3779B97F4A7C15ull * (1 + rng.Below(alphabet));
  return keys;
}

Pairs FromIndex(const std::vector<uint64_t>& keys, size_t n, size_t b,
                int cap) {
  auto index = LshIndex::Create({.threshold = 0.5,
                                 .num_perm = static_cast<int>(b),
                                 .bands = static_cast<int>(b),
                                 .rows = 1,
                                 .max_bucket_scan = cap,
                                 .removable = false});
  EXPECT_TRUE(index.ok()) << index.status();
  Pairs pairs;
  std::vector<uint32_t> found;
  for (uint32_t y = 0; y < n; ++y) {
    index->QueryAndAdd(y, std::span<const uint64_t>(&keys[size_t{y} * b], b),
                       &found);
    for (uint32_t x : found) pairs.emplace(x, y);
  }
  return pairs;
}

Pairs FromJoin(const std::vector<uint64_t>& keys, size_t n, size_t b, int cap,
               int threads, uint64_t* truncated, size_t* calls) {
  std::vector<uint32_t> folded(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    folded[i] = LshIndex::FoldKey(keys[i]);
  }
  std::mutex mutex;
  Pairs pairs;
  *calls = 0;
  *truncated = internal::BandJoin(folded, n, b, cap, threads,
                                  [&](int, uint32_t x, uint32_t y) {
                                    std::lock_guard<std::mutex> lock(mutex);
                                    EXPECT_LT(x, y);
                                    pairs.emplace(x, y);
                                    ++*calls;
                                  });
  return pairs;
}

TEST(BandJoinTest, SameCandidatesAsTheIndexInInputOrder) {
  for (int threads : {1, 2, 3}) {
    for (uint64_t seed : {1, 2, 3}) {
      const size_t n = 600, b = 7;
      const std::vector<uint64_t> keys = RandomKeys(n, b, 40, seed);
      uint64_t truncated = 0;
      size_t calls = 0;
      const Pairs want = FromIndex(keys, n, b, /*cap=*/4096);
      const Pairs got = FromJoin(keys, n, b, 4096, threads, &truncated, &calls);
      EXPECT_EQ(got, want) << "threads " << threads << " seed " << seed;
      EXPECT_EQ(calls, got.size()) << "a pair was reported twice";
      EXPECT_EQ(truncated, 0u);
      EXPECT_GT(want.size(), 10000u);  // the alphabet makes many pairs
    }
  }
}

TEST(BandJoinTest, CapKeepsTheMostRecentDocumentsOfABucket) {
  // One band: the cap is the only thing that differs between buckets.
  const size_t n = 500, b = 1;
  const std::vector<uint64_t> keys = RandomKeys(n, b, 3, 9);
  uint64_t truncated = 0;
  size_t calls = 0;
  const Pairs want = FromIndex(keys, n, b, /*cap=*/16);
  const Pairs got = FromJoin(keys, n, b, 16, 2, &truncated, &calls);
  EXPECT_EQ(got, want);
  // Three buckets of ~167 documents: all but their first 16 are cut.
  EXPECT_GT(truncated, 400u);
  EXPECT_EQ(got.size(), calls);
}

TEST(BandJoinTest, StableSortKeepsDocumentOrderWithinAKey) {
  testing::TestRng rng(5);
  std::vector<uint64_t> entries, scratch;
  for (uint32_t d = 0; d < 100000; ++d) {
    entries.push_back(rng.Below(1000) << 40 | rng.Below(1 << 20) << 32 | d);
  }
  std::vector<uint64_t> want = entries;
  std::stable_sort(want.begin(), want.end(), [](uint64_t a, uint64_t b) {
    return (a >> 32) < (b >> 32);
  });
  internal::SortByKeyStable(&entries, &scratch);
  EXPECT_EQ(entries, want);
}

TEST(BandJoinTest, NoDocumentsNoPairs) {
  uint64_t truncated = 1;
  size_t calls = 1;
  EXPECT_TRUE(FromJoin({}, 0, 5, 10, 2, &truncated, &calls).empty());
  EXPECT_EQ(calls, 0u);
  EXPECT_EQ(truncated, 0u);
}

}  // namespace
}  // namespace neardup

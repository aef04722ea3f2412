#include "neardup/verify.h"

#include <algorithm>
#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "test_util.h"

namespace neardup {
namespace {

TEST(VerifyTest, SmallCases) {
  const std::vector<uint64_t> a = {1, 2, 3, 4}, b = {3, 4, 5, 6, 7, 8}, e;
  Similarity s = Compare(a, b);
  EXPECT_EQ(s.intersection, 2u);
  EXPECT_DOUBLE_EQ(s.jaccard, 2.0 / 8);
  EXPECT_DOUBLE_EQ(s.containment, 2.0 / 4);
  s = Compare(a, a);
  EXPECT_DOUBLE_EQ(s.jaccard, 1.0);
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  s = Compare(a, e);
  EXPECT_EQ(s.jaccard, 0);
  EXPECT_EQ(s.containment, 0);
  s = Compare(e, e);
  EXPECT_EQ(s.jaccard, 0);
}

TEST(VerifyTest, ContainedSetHasFullContainment) {
  std::vector<uint64_t> big, small;
  for (uint64_t i = 0; i < 1000; ++i) big.push_back(i * 7);
  for (uint64_t i = 0; i < 10; ++i) small.push_back(i * 70);  // ⊂ big
  const Similarity s = Compare(small, big);
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  EXPECT_DOUBLE_EQ(s.jaccard, 10.0 / 1000);
}

TEST(VerifyTest, MatchesStdSetIntersectionOnRandomSets) {
  testing::TestRng rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    std::set<uint64_t> sa, sb;
    const size_t na = rng.Below(300), nb = rng.Below(trial % 2 ? 20 : 3000);
    for (size_t i = 0; i < na; ++i) sa.insert(rng.Below(2000));
    for (size_t i = 0; i < nb; ++i) sb.insert(rng.Below(2000));
    std::vector<uint64_t> a(sa.begin(), sa.end()), b(sb.begin(), sb.end());
    std::vector<uint64_t> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                          std::back_inserter(both));
    EXPECT_EQ(IntersectionSize(a, b), both.size());
    EXPECT_EQ(IntersectionSize(b, a), both.size());
  }
}

}  // namespace
}  // namespace neardup

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

namespace neardup {
namespace {

Similarity Scores(double j, double c, uint64_t shared) {
  return Similarity{shared, j, c};
}

TEST(ClassifyTest, KindsByPrecedence) {
  const MatchOptions options{.threshold = 0.8,
                             .containment_threshold = 0.7,
                             .reworded_threshold = 0.5,
                             .min_shared = 20};
  auto near = Classify(1, 2, Scores(0.85, 0.9, 100), options);
  ASSERT_TRUE(near.has_value());
  EXPECT_EQ(near->kind, MatchKind::kNear);
  EXPECT_FLOAT_EQ(near->similarity, 0.85f);
  EXPECT_EQ(near->a, 1u);
  EXPECT_EQ(near->b, 2u);
  auto contained = Classify(1, 2, Scores(0.5, 0.95, 100), options);
  ASSERT_TRUE(contained.has_value());
  EXPECT_EQ(contained->kind, MatchKind::kContained);
  EXPECT_FLOAT_EQ(contained->similarity, 0.95f);
  auto reworded = Classify(1, 2, Scores(0.3, 0.55, 30), options);
  ASSERT_TRUE(reworded.has_value());
  EXPECT_EQ(reworded->kind, MatchKind::kReworded);
  EXPECT_FLOAT_EQ(reworded->similarity, 0.55f);
  // Too few shared shingles for a reworded match.
  EXPECT_FALSE(Classify(1, 2, Scores(0.3, 0.55, 19), options).has_value());
  EXPECT_FALSE(Classify(1, 2, Scores(0.3, 0.45, 100), options).has_value());
  // Exactly at a threshold passes (4/5 computed in floating point).
  EXPECT_TRUE(Classify(1, 2, Scores(4.0 / 5.0, 0.8, 4), options).has_value());
}

TEST(ClassifyTest, RulesCanBeTurnedOff) {
  const MatchOptions near_only{.threshold = 0.8};
  EXPECT_TRUE(near_only.Validate().ok());
  EXPECT_FALSE(Classify(1, 2, Scores(0.5, 1.0, 100), near_only).has_value());
  EXPECT_DOUBLE_EQ(near_only.LowestContainment(), 1.0);
  const MatchOptions all{.threshold = 0.8,
                         .containment_threshold = 0.7,
                         .reworded_threshold = 0.5};
  EXPECT_DOUBLE_EQ(all.LowestContainment(), 0.5);
  EXPECT_FALSE(MatchOptions{.threshold = 0}.Validate().ok());
  EXPECT_FALSE(MatchOptions{.containment_threshold = 2}.Validate().ok());
  EXPECT_EQ(MatchKindName(MatchKind::kReworded), "reworded");
}

}  // namespace
}  // namespace neardup

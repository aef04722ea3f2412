#include "neardup/verify.h"

#include <algorithm>
#include <random>
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

TEST(ClassifyTest, RewordedNeedsMinimumJaccard) {
  // A short text sharing one long sentence with a longer one: half of the
  // short one is shared (containment 0.5) but J is 0.1.
  MatchOptions options{.threshold = 0.8,
                       .containment_threshold = 0.7,
                       .reworded_threshold = 0.5,
                       .min_shared = 20};
  EXPECT_TRUE(Classify(1, 2, Scores(0.1, 0.5, 40), options).has_value());
  options.reworded_min_jaccard = 0.15;
  EXPECT_FALSE(Classify(1, 2, Scores(0.1, 0.5, 40), options).has_value());
  auto reworded = Classify(1, 2, Scores(0.15, 0.5, 40), options);
  ASSERT_TRUE(reworded.has_value());
  EXPECT_EQ(reworded->kind, MatchKind::kReworded);
  // Contained copies need no Jaccard floor (a short truncated copy).
  EXPECT_TRUE(Classify(1, 2, Scores(0.05, 0.9, 40), options).has_value());
  // The early-exit bound agrees with the rule: for sizes 100 and 300,
  // J >= 0.15 needs |A∩B| >= 0.15 * 400 / 1.15 = 52.2 (contained: 70,
  // C >= 0.5: 50).
  EXPECT_EQ(MinIntersectionToMatch(100, 300, options), 53u);
  options.reworded_min_jaccard = 0;
  EXPECT_EQ(MinIntersectionToMatch(100, 300, options), 50u);
  options.reworded_min_jaccard = 1.5;
  EXPECT_FALSE(options.Validate().ok());
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

namespace neardup {
namespace {

// CompareAndClassify stops early on hopeless pairs; it must agree exactly
// with Classify(Compare(...)) on every pair, passing or not.
TEST(CompareAndClassifyTest, AgreesWithClassifyOfCompare) {
  std::mt19937_64 rng(7);
  const MatchOptions rules[] = {
      {.threshold = 0.8,
       .containment_threshold = 0.7,
       .reworded_threshold = 0.5,
       .min_shared = 20},
      {.threshold = 0.8},
      {.threshold = 0.8,
       .containment_threshold = 0.7,
       .reworded_threshold = 0.1,
       .min_shared = 20},
  };
  int passed = 0, failed = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const size_t n_a = 1 + rng() % 700, n_b = 1 + rng() % 700;
    const size_t shared = rng() % (std::min(n_a, n_b) + 1);
    std::vector<uint64_t> a, b;
    for (size_t i = 0; i < shared; ++i) {
      const uint64_t x = rng();
      a.push_back(x);
      b.push_back(x);
    }
    while (a.size() < n_a) a.push_back(rng());
    while (b.size() < n_b) b.push_back(rng());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    for (const MatchOptions& options : rules) {
      const std::optional<Edge> want = Classify(3, 9, Compare(a, b), options);
      const std::optional<Edge> got = CompareAndClassify(3, 9, a, b, options);
      ASSERT_EQ(want.has_value(), got.has_value())
          << "trial " << trial << " sizes " << n_a << " " << n_b << " shared "
          << shared;
      if (!want) {
        ++failed;
        continue;
      }
      ++passed;
      EXPECT_EQ(want->a, got->a);
      EXPECT_EQ(want->b, got->b);
      EXPECT_EQ(want->kind, got->kind);
      EXPECT_EQ(want->jaccard, got->jaccard);
      EXPECT_EQ(want->containment, got->containment);
      EXPECT_EQ(want->similarity, got->similarity);
    }
  }
  EXPECT_GT(passed, 1000);
  EXPECT_GT(failed, 1000);
}

// The batch pipeline compares sets cut to their top 32 bits: where that
// cut keeps the values distinct, every score and decision is the 64-bit one.
TEST(CompareAndClassifyTest, ThirtyTwoBitSetsAgreeWithSixtyFourBit) {
  std::mt19937_64 rng(11);
  const MatchOptions rules{.threshold = 0.8,
                           .containment_threshold = 0.7,
                           .reworded_threshold = 0.5,
                           .min_shared = 20,
                           .reworded_min_jaccard = 0.15};
  auto top = [](const std::vector<uint64_t>& set) {
    std::vector<uint32_t> out;
    for (uint64_t h : set) out.push_back(static_cast<uint32_t>(h >> 32));
    return out;
  };
  int matched = 0;
  for (int trial = 0; trial < 1000; ++trial) {
    // Sizes up to 40x apart, so the galloping path runs too.
    const size_t n_a = 1 + rng() % 600,
                 n_b = 1 + rng() % (trial % 3 ? 600 : 24000);
    const size_t shared = rng() % (std::min(n_a, n_b) + 1);
    std::set<uint32_t> tops;  // draws with distinct top halves
    auto draw = [&] {
      uint64_t h;
      do h = rng();
      while (!tops.insert(static_cast<uint32_t>(h >> 32)).second);
      return h;
    };
    std::vector<uint64_t> a, b;
    for (size_t i = 0; i < shared; ++i) a.push_back(draw());
    b = a;
    while (a.size() < n_a) a.push_back(draw());
    while (b.size() < n_b) b.push_back(draw());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const std::vector<uint32_t> a32 = top(a), b32 = top(b);
    EXPECT_EQ(IntersectionSize(a32, b32), shared);
    const Similarity s64 = Compare(a, b), s32 = Compare(a32, b32);
    EXPECT_EQ(s32.intersection, s64.intersection);
    EXPECT_EQ(s32.jaccard, s64.jaccard);
    const std::optional<Edge> want = CompareAndClassify(3, 9, a, b, rules);
    const std::optional<Edge> got = CompareAndClassify(3, 9, a32, b32, rules);
    ASSERT_EQ(want.has_value(), got.has_value()) << "trial " << trial;
    if (want) {
      ++matched;
      EXPECT_EQ(want->kind, got->kind);
      EXPECT_EQ(want->similarity, got->similarity);
    }
  }
  EXPECT_GT(matched, 100);
}

TEST(CompareAndClassifyTest, MinIntersectionIsTheFirstAccepted) {
  const MatchOptions options{.threshold = 0.8,
                             .containment_threshold = 0.7,
                             .reworded_threshold = 0.5,
                             .min_shared = 20};
  for (uint64_t a : {1, 5, 19, 20, 40, 100, 999}) {
    for (uint64_t b : {1, 7, 20, 41, 100, 5000}) {
      const uint64_t m = MinIntersectionToMatch(a, b, options);
      Similarity s;
      auto accepts = [&](uint64_t i) {
        s.intersection = i;
        s.jaccard = static_cast<double>(i) / static_cast<double>(a + b - i);
        s.containment = static_cast<double>(i) / std::min(a, b);
        return Classify(0, 1, s, options).has_value();
      };
      if (m <= std::min(a, b)) EXPECT_TRUE(accepts(m)) << a << " " << b;
      if (m > 0) EXPECT_FALSE(accepts(m - 1)) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace neardup

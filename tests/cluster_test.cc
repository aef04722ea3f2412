#include "neardup/cluster.h"

#include <vector>

#include "gtest/gtest.h"

namespace neardup {
namespace {

std::vector<uint32_t> Docs(const Cluster& c) {
  std::vector<uint32_t> docs;
  for (const ClusterMember& m : c.members) docs.push_back(m.doc);
  return docs;
}

Edge E(uint32_t a, uint32_t b, float j) {
  return Edge{a, b, j, j, MatchKind::kNear, j};
}

TEST(ClusterTest, ParsesMethod) {
  EXPECT_EQ(*ParseClusterMethod("star"), ClusterMethod::kStar);
  EXPECT_EQ(*ParseClusterMethod("union-find"), ClusterMethod::kUnionFind);
  EXPECT_FALSE(ParseClusterMethod("louvain").ok());
  EXPECT_EQ(MatchKindName(MatchKind::kContained), "contained");
}

TEST(ClusterTest, StarDoesNotChain) {
  // A path 0 ~ 1 ~ 2 ~ 3 with no other similar pairs. The centre is a
  // document with the most neighbours (1 or 2); it gathers only its own
  // neighbours, so the far end of the path is left out.
  std::vector<uint64_t> lengths = {10, 10, 10, 10};
  std::vector<Edge> edges = {E(0, 1, 0.9f), E(1, 2, 0.85f), E(2, 3, 0.9f)};
  auto clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 1u);  // degree tie: earliest
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1, 2}));
  for (const auto& m : clusters[0].members) EXPECT_TRUE(m.verified);

  // Degree ties go to the longer document: now 2 is the centre.
  lengths = {10, 10, 30, 10};
  clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 2u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_FLOAT_EQ(clusters[0].members[0].jaccard, 0.85f);
}

TEST(ClusterTest, CentreIsTheMostConnectedCopy) {
  // 0 is the original; 1 is a longer page (say, with a repeated headline
  // and caption) matching only 0; 2 and 3 are truncated copies of 0 that
  // do not match 1. Longest-first would make 1 a centre taking 0 away from
  // 2 and 3 and split the story; the most connected document keeps it
  // whole.
  const std::vector<uint64_t> lengths = {50, 80, 30, 30};
  const std::vector<Edge> edges = {E(0, 1, 0.6f), E(0, 2, 0.6f), E(0, 3, 0.6f),
                                   E(2, 3, 0.9f)};
  auto clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 0u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1, 2, 3}));
}

TEST(ClusterTest, UnionFindChains) {
  std::vector<uint64_t> lengths = {30, 10, 10, 5};
  std::vector<Edge> edges = {E(0, 1, 0.9f), E(1, 2, 0.85f)};
  auto clusters =
      BuildClusters(lengths, edges, {.method = ClusterMethod::kUnionFind});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 0u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_TRUE(clusters[0].members[0].verified);   // the representative
  EXPECT_TRUE(clusters[0].members[1].verified);   // direct edge 0-1
  EXPECT_FALSE(clusters[0].members[2].verified);  // reached through 1
}

TEST(ClusterTest, PartitionAndOrdering) {
  // Two groups; the second group's first member comes first in input.
  std::vector<uint64_t> lengths = {5, 9, 9, 7, 1, 9};
  std::vector<Edge> edges = {E(2, 5, 1.0f), E(1, 3, 0.8f), E(0, 2, 0.8f)};
  auto clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 2u);
  // Representative: most neighbours, then longest, then earliest.
  EXPECT_EQ(clusters[0].representative, 2u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 2, 5}));
  EXPECT_EQ(clusters[1].representative, 1u);
  EXPECT_EQ(Docs(clusters[1]), (std::vector<uint32_t>{1, 3}));
  std::vector<int> seen(lengths.size(), 0);
  for (const auto& c : clusters) {
    for (const auto& m : c.members) ++seen[m.doc];
  }
  for (int count : seen) EXPECT_LE(count, 1);
}

TEST(ClusterTest, EdgeOrderDoesNotMatter) {
  std::vector<uint64_t> lengths = {4, 4, 4, 4, 4, 4};
  std::vector<Edge> edges = {E(0, 1, 0.9f), E(1, 2, 0.9f), E(3, 4, 0.9f),
                             E(2, 3, 0.9f), E(4, 5, 0.9f)};
  auto forward = BuildClusters(lengths, edges, {});
  std::vector<Edge> reversed(edges.rbegin(), edges.rend());
  auto backward = BuildClusters(lengths, reversed, {});
  ASSERT_EQ(forward.size(), backward.size());
  for (size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(Docs(forward[i]), Docs(backward[i]));
    EXPECT_EQ(forward[i].representative, backward[i].representative);
  }
}

TEST(ClusterTest, MultiStoryPageJoinsItsBestMatchOnly) {
  // Page 0 holds stories A (docs 1, 2) and B (docs 3, 4). Without the flag
  // the page, being longest, would gather both stories into one cluster.
  const std::vector<uint64_t> lengths = {100, 50, 45, 48, 40};
  const std::vector<Edge> edges = {
      {0, 1, 0.5f, 1.0f, MatchKind::kContained, 1.0f},
      {0, 2, 0.45f, 0.95f, MatchKind::kContained, 0.95f},
      {0, 3, 0.48f, 0.9f, MatchKind::kContained, 0.9f},
      {0, 4, 0.4f, 0.92f, MatchKind::kContained, 0.92f},
      E(1, 2, 0.9f),
      E(3, 4, 0.85f)};
  auto merged = BuildClusters(lengths, edges, {});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].members.size(), 5u);

  std::vector<bool> multi(5, false);
  multi[0] = true;
  auto clusters = BuildClusters(lengths, edges, {}, multi);
  ASSERT_EQ(clusters.size(), 2u);
  // The page matches representative 1 (1.0) better than 3 (0.9).
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(clusters[0].representative, 1u);
  EXPECT_TRUE(clusters[0].members[0].multi_story);
  EXPECT_EQ(Docs(clusters[1]), (std::vector<uint32_t>{3, 4}));
  EXPECT_EQ(clusters[1].representative, 3u);
}

}  // namespace
}  // namespace neardup

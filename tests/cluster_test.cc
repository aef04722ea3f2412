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
  // 0 ~ 1 ~ 2 but 0 !~ 2; 1 is the longest, so it is the centre of all.
  std::vector<uint64_t> lengths = {10, 30, 10, 5};
  std::vector<Edge> edges = {E(0, 1, 0.9f), E(1, 2, 0.85f)};
  auto clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 1u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1, 2}));

  // Now 0 is the longest: 2 is not similar to 0 and stays out of its
  // cluster; with no other partner left it is a singleton.
  lengths = {30, 10, 10, 5};
  clusters = BuildClusters(lengths, edges, {});
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 0u);
  EXPECT_EQ(Docs(clusters[0]), (std::vector<uint32_t>{0, 1}));
  EXPECT_FLOAT_EQ(clusters[0].members[1].jaccard, 0.9f);
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
  // Representative: longest, ties by input order (2 before 5).
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

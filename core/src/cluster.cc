#include "neardup/cluster.h"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "absl/strings/str_cat.h"

namespace neardup {

absl::StatusOr<ClusterMethod> ParseClusterMethod(std::string_view name) {
  if (name == "star") return ClusterMethod::kStar;
  if (name == "union-find") return ClusterMethod::kUnionFind;
  return absl::InvalidArgumentError(
      absl::StrCat("cluster method must be 'star' or 'union-find', got '",
                   std::string(name), "'"));
}

std::string_view ClusterMethodName(ClusterMethod method) {
  return method == ClusterMethod::kStar ? "star" : "union-find";
}

namespace {

// Adjacency in compressed sparse row form: the edges incident to document d
// are adjacency[offsets[d] .. offsets[d + 1]), as indices into `edges`.
struct Adjacency {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> edge_index;
};

Adjacency BuildAdjacency(size_t num_docs, std::span<const Edge> edges) {
  Adjacency adj;
  adj.offsets.assign(num_docs + 1, 0);
  for (const Edge& e : edges) {
    ++adj.offsets[e.a + 1];
    ++adj.offsets[e.b + 1];
  }
  std::partial_sum(adj.offsets.begin(), adj.offsets.end(), adj.offsets.begin());
  adj.edge_index.resize(edges.size() * 2);
  std::vector<uint32_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
  for (uint32_t i = 0; i < edges.size(); ++i) {
    adj.edge_index[fill[edges[i].a]++] = i;
    adj.edge_index[fill[edges[i].b]++] = i;
  }
  return adj;
}

// Documents that have at least one edge, in the order star clustering
// takes centres: most neighbours first (the document most copies were
// verified against: usually the fullest copy of the story), then longest,
// then earliest. Neighbours that are multi-story pages do not count.
std::vector<uint32_t> CentreOrder(std::span<const uint64_t> lengths,
                                  std::span<const Edge> edges,
                                  const Adjacency& adj,
                                  const std::vector<bool>& multi_story) {
  const size_t n = lengths.size();
  std::vector<uint32_t> order;
  std::vector<uint32_t> degree(n, 0);
  for (uint32_t d = 0; d < n; ++d) {
    if (adj.offsets[d + 1] == adj.offsets[d]) continue;
    order.push_back(d);
    for (uint32_t k = adj.offsets[d]; k < adj.offsets[d + 1]; ++k) {
      const Edge& e = edges[adj.edge_index[k]];
      const uint32_t other = e.a == d ? e.b : e.a;
      degree[d] += multi_story.empty() || !multi_story[other];
    }
  }
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (degree[x] != degree[y]) return degree[x] > degree[y];
    return lengths[x] != lengths[y] ? lengths[x] > lengths[y] : x < y;
  });
  return order;
}

ClusterMember MemberFromEdge(uint32_t doc, const Edge& e) {
  return {doc, e.jaccard, e.containment, e.kind, e.similarity, true};
}

void SortMembers(Cluster* cluster) {
  std::sort(cluster->members.begin(), cluster->members.end(),
            [](const ClusterMember& x, const ClusterMember& y) {
              return x.doc < y.doc;
            });
}

std::vector<Cluster> StarClusters(std::span<const uint64_t> lengths,
                                  std::span<const Edge> edges,
                                  const std::vector<bool>& multi_story) {
  const Adjacency adj = BuildAdjacency(lengths.size(), edges);
  // Multi-story pages start out "assigned" so that nobody gathers them.
  std::vector<bool> assigned(lengths.size(), false);
  for (size_t d = 0; d < multi_story.size(); ++d) assigned[d] = multi_story[d];
  std::vector<Cluster> clusters;
  for (uint32_t centre : CentreOrder(lengths, edges, adj, multi_story)) {
    if (assigned[centre]) continue;
    Cluster cluster;
    cluster.representative = centre;
    cluster.members.push_back({centre});
    for (uint32_t k = adj.offsets[centre]; k < adj.offsets[centre + 1]; ++k) {
      const Edge& e = edges[adj.edge_index[k]];
      const uint32_t other = e.a == centre ? e.b : e.a;
      if (assigned[other]) continue;
      assigned[other] = true;  // also skips duplicate edges to `other`
      cluster.members.push_back(MemberFromEdge(other, e));
    }
    if (cluster.members.size() < 2) continue;
    assigned[centre] = true;
    clusters.push_back(std::move(cluster));
  }
  // Each multi-story page joins the cluster of the representative it
  // matches best (highest similarity; ties: earlier cluster); one that
  // matches no representative joins the cluster of its best-matching
  // member, unverified (the caller scores it against the representative).
  std::vector<uint32_t> cluster_of(lengths.size(), UINT32_MAX);
  std::vector<bool> is_rep(lengths.size(), false);
  for (uint32_t k = 0; k < clusters.size(); ++k) {
    is_rep[clusters[k].representative] = true;
    for (const ClusterMember& m : clusters[k].members) cluster_of[m.doc] = k;
  }
  for (uint32_t page = 0; page < multi_story.size(); ++page) {
    if (!multi_story[page]) continue;
    const Edge* best = nullptr;
    uint32_t best_cluster = UINT32_MAX;
    bool best_is_rep = false;
    for (uint32_t k = adj.offsets[page]; k < adj.offsets[page + 1]; ++k) {
      const Edge& e = edges[adj.edge_index[k]];
      const uint32_t other = e.a == page ? e.b : e.a;
      const uint32_t c = cluster_of[other];
      if (c == UINT32_MAX || multi_story[other]) continue;
      const bool rep = is_rep[other];
      if (best == nullptr || (rep && !best_is_rep) ||
          (rep == best_is_rep &&
           (e.similarity > best->similarity ||
            (e.similarity == best->similarity && c < best_cluster)))) {
        best = &e;
        best_cluster = c;
        best_is_rep = rep;
      }
    }
    if (best != nullptr) {
      ClusterMember member = MemberFromEdge(page, *best);
      member.multi_story = true;
      member.verified = best_is_rep;
      clusters[best_cluster].members.push_back(member);
    }
  }
  for (Cluster& cluster : clusters) SortMembers(&cluster);
  return clusters;
}

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

std::vector<Cluster> UnionFindClusters(std::span<const uint64_t> lengths,
                                       std::span<const Edge> edges) {
  const size_t n = lengths.size();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (const Edge& e : edges) {
    const uint32_t x = Find(parent, e.a), y = Find(parent, e.b);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  // Group members by root; roots are visited in input order of first member
  // because a root is always the smallest document of its component.
  std::vector<uint32_t> cluster_of(n, UINT32_MAX);
  std::vector<Cluster> clusters;
  std::vector<bool> has_edge(n, false);
  for (const Edge& e : edges) has_edge[e.a] = has_edge[e.b] = true;
  for (uint32_t d = 0; d < n; ++d) {
    if (!has_edge[d]) continue;
    const uint32_t root = Find(parent, d);
    if (cluster_of[root] == UINT32_MAX) {
      cluster_of[root] = clusters.size();
      clusters.emplace_back();
    }
    ClusterMember member;
    member.doc = d;
    member.verified = false;
    clusters[cluster_of[root]].members.push_back(member);
  }
  for (Cluster& cluster : clusters) {
    uint32_t rep = cluster.members.front().doc;
    for (const ClusterMember& m : cluster.members) {
      if (lengths[m.doc] > lengths[rep]) rep = m.doc;
    }
    cluster.representative = rep;
  }
  // Fill similarities from direct edges to the representative.
  for (const Edge& e : edges) {
    Cluster& cluster = clusters[cluster_of[Find(parent, e.a)]];
    const uint32_t rep = cluster.representative;
    if (e.a != rep && e.b != rep) continue;
    const uint32_t other = e.a == rep ? e.b : e.a;
    auto it = std::lower_bound(
        cluster.members.begin(), cluster.members.end(), other,
        [](const ClusterMember& m, uint32_t doc) { return m.doc < doc; });
    assert(it != cluster.members.end() && it->doc == other);
    if (!it->verified) *it = MemberFromEdge(other, e);
  }
  for (Cluster& cluster : clusters) {
    for (ClusterMember& m : cluster.members) {
      if (m.doc == cluster.representative) m = ClusterMember{m.doc};
    }
  }
  return clusters;
}

}  // namespace

std::vector<Cluster> BuildClusters(std::span<const uint64_t> lengths,
                                   std::span<const Edge> edges,
                                   const ClusterOptions& options,
                                   const std::vector<bool>& multi_story) {
  assert(multi_story.empty() || multi_story.size() == lengths.size());
#ifndef NDEBUG
  for (const Edge& e : edges) assert(e.a < e.b && e.b < lengths.size());
#endif
  std::vector<Cluster> clusters =
      options.method == ClusterMethod::kStar
          ? StarClusters(lengths, edges, multi_story)
          : UnionFindClusters(lengths, edges);
  std::sort(clusters.begin(), clusters.end(),
            [](const Cluster& x, const Cluster& y) {
              return x.members.front().doc < y.members.front().doc;
            });
  return clusters;
}

}  // namespace neardup

// Clustering verified pairs into groups of copies of one story.
//
// Input: the verified edges (pairs whose exact similarity passed the match
// rule) and each document's length. Output: clusters that partition the
// documents (each in at most one cluster; documents in no cluster are
// singletons), deterministic for any input edge order.
//
// Methods:
//   * ClusterMethod::kStar (default): centres are taken most verified
//     neighbours first (ties: longest, then earliest in input order; cf.
//     the star clustering of Aslam et al., JGAA 2004); each centre gathers
//     its still-unclustered neighbours. The most connected copy is usually
//     the fullest one: taking the longest first instead lets a page with a
//     long wrapper but part of the story split the story's copies. Every member
//     is therefore directly verified against its representative, and A~B, B~C
//     never pulls in an unrelated C: no chaining through templated text.
//   * ClusterMethod::kUnionFind: connected components (the usual tool
//     behaviour, e.g. datatrove, text-dedup); chains. Members may lack a
//     direct edge to the representative (ClusterMember::verified == false),
//     the caller can score them afterwards.
// The representative is the centre (star) or the longest member (ties:
// earliest; union-find); members are listed in input order.
//
// Pages that hold several stories, and short fragments found inside
// several stories (flagged by the caller in `multi_story`, see
// FindMultiStoryPages in pipeline.cc), must not merge those stories: in
// star clustering they are never centres and are not gathered; afterwards
// each joins the one cluster whose representative it matches best, or,
// matching no representative, the cluster of its best-matching member
// (unverified: ClusterMember::verified == false); its other matches stay
// visible as pairs. They do not count as neighbours when centres are
// ordered.
//
// Example:
//   std::vector<neardup::Edge> edges = {{0, 2, 0.9f, 0.95f}};
//   auto clusters = neardup::BuildClusters(lengths, edges, {});
//   // clusters[0].representative is 0 or 2, whichever is longer
#ifndef NEARDUP_CLUSTER_H_
#define NEARDUP_CLUSTER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/verify.h"

namespace neardup {

enum class ClusterMethod { kStar, kUnionFind };
absl::StatusOr<ClusterMethod> ParseClusterMethod(std::string_view name);
std::string_view ClusterMethodName(ClusterMethod method);

struct ClusterOptions {
  ClusterMethod method = ClusterMethod::kStar;
};

struct ClusterMember {
  uint32_t doc = 0;
  /// Similarity to the representative (1 for the representative itself);
  /// meaningful only when `verified`.
  float jaccard = 1;
  float containment = 1;
  MatchKind kind = MatchKind::kExact;
  float similarity = 1;
  bool verified = true;
  /// A page holding several stories that joined this cluster as its best
  /// match (it may be longer than the representative).
  bool multi_story = false;
  /// A short text found inside documents of several stories that do not
  /// match each other (e.g. one sentence or quote they all carry); like a
  /// multi-story page it joined its best match only. Set by the pipeline.
  bool shared_fragment = false;
};

struct Cluster {
  uint32_t representative = 0;
  std::vector<ClusterMember> members;  ///< input order, representative included
};

/// Clusters `num_docs` documents numbered in input order. `lengths[d]` is
/// document d's length (any unit; breaks ties between centres). Edges
/// must have a < b < num_docs; duplicates are allowed (the first of equal
/// (a, b) wins). Returns clusters of size >= 2 ordered by their first
/// member.
/// `multi_story`: empty, or one flag per document (see above).
std::vector<Cluster> BuildClusters(std::span<const uint64_t> lengths,
                                   std::span<const Edge> edges,
                                   const ClusterOptions& options,
                                   const std::vector<bool>& multi_story = {});

}  // namespace neardup

#endif  // NEARDUP_CLUSTER_H_

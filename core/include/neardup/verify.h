// Exact verification of candidate pairs on their shingle sets.
//
// LSH only proposes candidates; each one is scored exactly:
//   Jaccard      J(A, B) = |A∩B| / |A∪B|
//   containment  C(A, B) = |A∩B| / min(|A|, |B|)
// (containment is symmetric here: how much of the smaller set lies in the
// larger, e.g. a truncated copy inside the full story.)
//
// MatchOptions turns the scores into a match kind, by precedence: exact
// (same normalised text, decided before scoring) > near (J >= threshold) >
// contained (C >= containment_threshold) > reworded (C >=
// reworded_threshold, where the shingles are DF-filtered short n-grams
// that survive rewording). A pair passing none is not a match.
//
// Example:
//   neardup::Similarity s = neardup::Compare(set_a.hashes, set_b.hashes);
//   if (s.jaccard >= 0.8) ...
#ifndef NEARDUP_VERIFY_H_
#define NEARDUP_VERIFY_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "absl/status/status.h"

namespace neardup {

struct Similarity {
  uint64_t intersection = 0;  ///< |A∩B|
  double jaccard = 0;         ///< in [0, 1]; 0 when both sets are empty
  double containment = 0;     ///< in [0, 1]; 0 when either set is empty
};

/// How two documents match, by precedence: exact > near > contained >
/// reworded.
enum class MatchKind : uint8_t {
  kExact,      ///< same normalised text
  kNear,       ///< Jaccard >= threshold
  kContained,  ///< containment >= containment threshold
  kReworded,   ///< the reworded score passed its threshold
};
std::string_view MatchKindName(MatchKind kind);

/// A verified pair of documents (a < b, dense document numbers).
struct Edge {
  uint32_t a = 0;
  uint32_t b = 0;
  float jaccard = 0;
  float containment = 0;
  MatchKind kind = MatchKind::kNear;
  float similarity = 0;  ///< the score of `kind` that passed its threshold
};

struct MatchOptions {
  double threshold = 0.8;  ///< near: Jaccard >= threshold, in (0, 1]
  /// contained: containment >= this, in [0, 1]; 0 turns the rule off.
  double containment_threshold = 0;
  /// reworded: containment >= this, in [0, 1]; 0 turns the rule off.
  double reworded_threshold = 0;
  /// reworded also needs at least this many shared shingles: on a handful
  /// of shingles a middling containment is noise (templated briefs that
  /// share a few slot values).
  uint32_t min_shared = 0;
  /// reworded also needs Jaccard >= this, in [0, 1]: a short story sharing
  /// one long sentence or quote with a longer, different story reaches
  /// containment 0.5 at a Jaccard of 0.05-0.15, while a reworded copy
  /// keeps most of its words (J >= 0.15; measured in README).
  double reworded_min_jaccard = 0;

  absl::Status Validate() const;
  /// The lowest score any rule accepts (for tuning candidate generation).
  double LowestContainment() const;
};

/// The match kind of a scored pair, or nullopt when no rule passes.
/// Precondition: the pair is not an exact duplicate (decided elsewhere).
std::optional<Edge> Classify(uint32_t a, uint32_t b, const Similarity& s,
                             const MatchOptions& options);

/// Scores two sorted, duplicate-free sets of shingle hashes. O(|A| + |B|),
/// with galloping when one set is much smaller than the other. The 32-bit
/// forms take sets of hashes cut to their top 32 bits (how the batch
/// pipeline keeps them: half the memory; distinct shingles of two sets
/// collide with probability about |A|·|B| / 2^32, e.g. 3e-5 for two
/// 400-shingle articles, and a collision adds one to |A∩B|).
Similarity Compare(std::span<const uint64_t> a, std::span<const uint64_t> b);
Similarity Compare(std::span<const uint32_t> a, std::span<const uint32_t> b);

/// |A∩B| of two sorted, duplicate-free sets.
uint64_t IntersectionSize(std::span<const uint64_t> a,
                          std::span<const uint64_t> b);
uint64_t IntersectionSize(std::span<const uint32_t> a,
                          std::span<const uint32_t> b);

/// The smallest |A∩B| for which Classify accepts sets of sizes `size_a` and
/// `size_b` under `options` (every rule accepts more shared shingles once it
/// accepts some), or min(size_a, size_b) + 1 when no intersection passes.
uint64_t MinIntersectionToMatch(uint64_t size_a, uint64_t size_b,
                                const MatchOptions& options);

/// Classify(a, b, Compare(set_a, set_b), options), but stops scoring as soon
/// as the shingles left cannot reach MinIntersectionToMatch: the same
/// result, several times faster on the (many) candidate pairs that fail.
/// Preconditions as for Compare (sorted, unique).
std::optional<Edge> CompareAndClassify(uint32_t a, uint32_t b,
                                       std::span<const uint64_t> set_a,
                                       std::span<const uint64_t> set_b,
                                       const MatchOptions& options);
std::optional<Edge> CompareAndClassify(uint32_t a, uint32_t b,
                                       std::span<const uint32_t> set_a,
                                       std::span<const uint32_t> set_b,
                                       const MatchOptions& options);

}  // namespace neardup

#endif  // NEARDUP_VERIFY_H_

// Exact verification of candidate pairs on their shingle sets.
//
// LSH only proposes candidates; each one is scored exactly:
//   Jaccard      J(A, B) = |A∩B| / |A∪B|
//   containment  C(A, B) = |A∩B| / min(|A|, |B|)
// (containment is symmetric here: how much of the smaller set lies in the
// larger, e.g. a truncated copy inside the full story.)
//
// Example:
//   neardup::Similarity s = neardup::Compare(set_a.hashes, set_b.hashes);
//   if (s.jaccard >= 0.8) ...
#ifndef NEARDUP_VERIFY_H_
#define NEARDUP_VERIFY_H_

#include <cstdint>
#include <span>

namespace neardup {

struct Similarity {
  uint64_t intersection = 0;  ///< |A∩B|
  double jaccard = 0;         ///< in [0, 1]; 0 when both sets are empty
  double containment = 0;     ///< in [0, 1]; 0 when either set is empty
};

/// Scores two sorted, duplicate-free sets of shingle hashes. O(|A| + |B|),
/// with galloping when one set is much smaller than the other.
Similarity Compare(std::span<const uint64_t> a, std::span<const uint64_t> b);

/// |A∩B| of two sorted, duplicate-free sets.
uint64_t IntersectionSize(std::span<const uint64_t> a,
                          std::span<const uint64_t> b);

}  // namespace neardup

#endif  // NEARDUP_VERIFY_H_

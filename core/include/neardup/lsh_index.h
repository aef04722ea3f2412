// Locality-sensitive hashing index over MinHash signatures (banding).
//
// A signature of k values is cut into b bands of r rows (b·r <= k); each band
// is hashed (XXH3, seeded by the band number) to a 64-bit key. Two
// documents become candidates when any band key matches, which for sets of
// Jaccard similarity s happens with probability
//     P(s) = 1 - (1 - s^r)^b                       (Leskovec et al., MMDS ch. 3)
// Auto mode (bands = rows = 0) picks (b, r) that minimise the false-positive
// area ∫₀ᵗ P(s) ds subject to P(t) >= min_candidate_probability, so pairs at
// the threshold t are found with high probability and candidates are then
// verified exactly.
//
// The index maps dense uint32 document numbers to their band keys; buckets
// are Abseil flat hash maps from key to the most recent document, chained
// through a per-(document, band) "next" array, so memory is about
// b·(8 + 4 + ~14) bytes per document. The same index serves the batch
// pipeline (Query then Add in input order) and online use (crawlers: Add,
// Query, Remove at any time). Const calls (BandKeys, Query) may run
// concurrently; Add and Remove need exclusive access.
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto index, neardup::LshIndex::Create(
//       {.threshold = 0.8, .num_perm = 128}));
//   std::vector<uint64_t> keys(index.params().bands);
//   index.BandKeys(signature, keys);
//   std::vector<uint32_t> candidates;
//   index.Query(keys, &candidates);   // earlier documents sharing a band
//   index.Add(doc_number, keys);
#ifndef NEARDUP_LSH_INDEX_H_
#define NEARDUP_LSH_INDEX_H_

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

/// Banding parameters: b bands of r rows.
struct LshParams {
  int bands = 0;  ///< b >= 1
  int rows = 0;   ///< r >= 1
};

/// P(candidate | Jaccard s) = 1 - (1 - s^r)^b, for s in [0, 1].
double CandidateProbability(double s, int bands, int rows);

/// ∫₀ᵗ P(s) ds, the false-positive area below threshold t.
double FalsePositiveArea(double t, int bands, int rows);

/// The (b, r) with b·r <= k minimising FalsePositiveArea(t) subject to
/// CandidateProbability(t) >= min_probability (ties: fewer bands).
/// Errors: InvalidArgument if no (b, r) reaches min_probability.
absl::StatusOr<LshParams> ChooseLshParams(double threshold, int num_perm,
                                          double min_probability);

struct LshOptions {
  double threshold = 0.8;  ///< t, Jaccard threshold in (0, 1]
  int num_perm = 128;      ///< k, signature length
  int bands = 0;           ///< b; 0 with rows = 0 chooses automatically
  int rows = 0;            ///< r
  /// Auto mode: P(candidate | J = t) must reach this, in (0, 1).
  double min_candidate_probability = 0.95;
  /// A query walks at most this many documents per bucket (most recent
  /// first), bounding work on huge buckets of templated text; >= 1.
  int max_bucket_scan = 4096;
  uint64_t seed = 0;  ///< seed of the band-key hash

  absl::Status Validate() const;
};

class LshIndex {
 public:
  /// Validates options and resolves (b, r).
  static absl::StatusOr<LshIndex> Create(const LshOptions& options);

  const LshParams& params() const { return params_; }
  const LshOptions& options() const { return options_; }

  /// Band keys of `signature` (size k) into `keys` (size b).
  void BandKeys(std::span<const uint32_t> signature,
                std::span<uint64_t> keys) const;

  /// Inserts document `doc` with its band keys (size b).
  /// Precondition: `doc` is not in the index.
  void Add(uint32_t doc, std::span<const uint64_t> keys);

  /// Inserts many documents at once, as Add(docs[i], keys[i·b .. i·b+b))
  /// in order would (same buckets, same chain order), but band by band so
  /// that one band's table is built at a time (cache-friendly), on up to
  /// `threads` threads. Precondition: no doc is in the index or repeated;
  /// keys.size() == docs.size() · b.
  void AddBulk(std::span<const uint32_t> docs, std::span<const uint64_t> keys,
               int threads = 1);

  /// Appends to `*candidates` (cleared first) every indexed document sharing
  /// at least one band key, ascending, without duplicates. Returns the
  /// number of bucket entries visited (the work done).
  size_t Query(std::span<const uint64_t> keys,
               std::vector<uint32_t>* candidates) const;

  /// Removes `doc`; false if it is not in the index.
  bool Remove(uint32_t doc);

  bool Contains(uint32_t doc) const {
    return doc < present_.size() && present_[doc];
  }
  size_t size() const { return size_; }
  /// The band keys (size b) `doc` was added with. Precondition:
  /// Contains(doc). (Snapshots store these to rebuild the index.)
  std::span<const uint64_t> Keys(uint32_t doc) const {
    return std::span<const uint64_t>(keys_).subspan(size_t{doc} * params_.bands,
                                                    params_.bands);
  }
  /// Pre-allocates the per-document arrays for documents 0..docs-1.
  void Reserve(size_t docs);
  /// Number of queries that hit max_bucket_scan (recall may be lost there).
  uint64_t truncated_scans() const {
    return truncated_scans_.value.load(std::memory_order_relaxed);
  }

  /// Approximate heap bytes held by the index.
  size_t MemoryUsage() const;

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  LshIndex(const LshOptions& options, LshParams params);

  LshOptions options_;
  LshParams params_;
  /// buckets_[band]: band key -> most recently added document.
  std::vector<absl::flat_hash_map<uint64_t, uint32_t>> buckets_;
  /// next_[doc * b + band]: the next (older) document in that bucket.
  std::vector<uint32_t> next_;
  /// keys_[doc * b + band]: band keys of every document ever added.
  std::vector<uint64_t> keys_;
  std::vector<bool> present_;
  size_t size_ = 0;
  /// A relaxed atomic counter that copies and moves by value, so that
  /// concurrent const Query calls (under a reader lock) stay race-free.
  struct Counter {
    std::atomic<uint64_t> value{0};
    Counter() = default;
    Counter(const Counter& other) : value(other.value.load()) {}
    Counter& operator=(const Counter& other) {
      value.store(other.value.load());
      return *this;
    }
  };
  mutable Counter truncated_scans_;
};

}  // namespace neardup

#endif  // NEARDUP_LSH_INDEX_H_

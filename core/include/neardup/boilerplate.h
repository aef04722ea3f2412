// Boilerplate suppression: shingles that many distinct documents share.
//
// Outlet wrappers (datelines, bylines, copyright and promo footers, "read
// more" links), photo captions and the fixed frame of templated reports
// (share prices, weather, results) are shared by many documents that are not
// copies of one story. Left in the shingle sets they make different stories
// look alike and keep copies with different wrappers apart. The remedy is
// document frequency (DF): a shingle found in at least
//     T = max(min_documents, ceil(min_document_fraction · documents))
// documents is boilerplate and is dropped from sets before sketching and
// verification.
//
// A story republished more than T times is not boilerplate of itself, and
// is told apart from a template by how much of a document is common: in a
// template the slot values (names, numbers) leave a good share of shingles
// rare, while in a copy of a popular story nearly every shingle is common.
// So when more than 1 - popular_quantile of a document's shingles have
// DF >= T, the document's own threshold becomes
//     T_doc = popular_factor · (DF at quantile popular_quantile of its set)
// which removes the outlet wrapper around a popular story (DF far above the
// story's) but keeps the story. A document is never emptied: if filtering
// would remove every shingle it keeps them all.
//
// DocumentFrequencyCounter learns DF from shingle sets with a direct-mapped
// table of 16-bit saturating counters (a one-row count-min sketch:
// collisions can only overestimate). Learning takes two passes over the
// sample, so that the result does not depend on the order (or the threads)
// in which documents arrive: AddDocument() counts, then Collect() picks the
// shingles whose count reaches T, then Finish() builds the filter.
// BoilerplateFilter answers membership with a 2^20-bit prefilter (L2
// resident) in front of a hash set. The batch pipeline learns from the first
// BoilerplateOptions::sample_bytes of text.
//
// Example:
//   neardup::DocumentFrequencyCounter counter(expected_shingles, options);
//   for (const auto& set : sample) counter.AddDocument(set.hashes);
//   for (const auto& set : sample) counter.Collect(set.hashes);
//   neardup::BoilerplateFilter filter = counter.Finish();
//   filter.Apply(&set.hashes);  // before Sketcher::Sign
#ifndef NEARDUP_BOILERPLATE_H_
#define NEARDUP_BOILERPLATE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"

namespace neardup {

struct BoilerplateOptions {
  bool enabled = true;
  /// A shingle in fewer documents is never boilerplate (>= 2). Must exceed
  /// the number of copies one story usually has.
  uint32_t min_documents = 10;
  /// ... nor one in fewer than this fraction of the documents, in [0, 1).
  double min_document_fraction = 0.002;
  /// A document whose rare (DF < T) shingles are at most this fraction of
  /// its set is a copy of a popular story (see above), in [0, 1).
  double popular_quantile = 0.2;
  /// T_doc = popular_factor · DF at popular_quantile, >= 1.
  double popular_factor = 2.0;
  /// Batch pipeline: learn DF from the first this many bytes of text (the
  /// whole corpus when it is smaller); >= 1.
  uint64_t sample_bytes = uint64_t{64} << 20;

  absl::Status Validate() const;
};

/// The suppression rule of the file comment, shared by BoilerplateFilter and
/// the online model (online_boilerplate.h). `df[i]` is the document
/// frequency of `(*shingles)[i]` when it is at least `threshold` (T), else 0;
/// `df.size() == shingles->size()`. Removes the boilerplate shingles (order
/// kept) and returns how many were removed; a document is never emptied.
size_t SuppressBoilerplate(std::vector<uint64_t>* shingles,
                           std::span<const uint32_t> df, uint32_t threshold,
                           const BoilerplateOptions& options);

class BoilerplateFilter {
 public:
  /// An empty filter: nothing is boilerplate.
  BoilerplateFilter() = default;
  /// `frequencies`: (shingle, DF) for every shingle with DF >= threshold.
  BoilerplateFilter(
      const std::vector<std::pair<uint64_t, uint32_t>>& frequencies,
      uint32_t threshold, const BoilerplateOptions& options);

  /// DF of `shingle` if it is at least the threshold T, else 0.
  uint32_t Frequency(uint64_t shingle) const {
    const uint64_t bit = shingle >> (64 - kPrefilterBits);
    if (!((prefilter_[bit >> 6] >> (bit & 63)) & 1)) return 0;
    return Lookup(shingle);
  }
  bool IsBoilerplate(uint64_t shingle) const { return Frequency(shingle) > 0; }

  /// Removes the boilerplate shingles of one document's set `*shingles`
  /// (order kept), by the rules in the file comment. Returns how many were
  /// removed.
  size_t Apply(std::vector<uint64_t>* shingles) const;

  size_t size() const { return size_; }
  uint32_t threshold() const { return threshold_; }
  /// (shingle, DF) of every boilerplate shingle, ascending by shingle.
  std::vector<std::pair<uint64_t, uint32_t>> Frequencies() const;

 private:
  static constexpr int kPrefilterBits = 20;
  std::vector<uint64_t> prefilter_ =
      std::vector<uint64_t>(size_t{1} << (kPrefilterBits - 6), 0);
  /// Open addressing (linear probing) from the shingle's low bits: keys_
  /// and dfs_ side by side, df 0 marks a free slot; at most half full.
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> dfs_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
  uint32_t Lookup(uint64_t shingle) const {
    if (keys_.empty()) return 0;
    for (uint64_t i = shingle & mask_;; i = (i + 1) & mask_) {
      if (dfs_[i] == 0) return 0;
      if (keys_[i] == shingle) return dfs_[i];
    }
  }
  uint32_t threshold_ = 0;
  BoilerplateOptions options_;
};

class DocumentFrequencyCounter {
 public:
  /// `expected_shingles`: about how many shingle occurrences will be added
  /// (sizes the table: 2 bytes per slot, at least 2 slots per occurrence,
  /// at most 2^26 slots).
  DocumentFrequencyCounter(uint64_t expected_shingles,
                           const BoilerplateOptions& options);

  /// Pass 1: counts one document's distinct shingles (sorted unique).
  /// Thread-safe.
  void AddDocument(std::span<const uint64_t> shingles);

  uint64_t documents() const { return documents_.load(); }
  /// T for the documents counted so far.
  uint32_t Threshold() const;

  /// Pass 2, after every AddDocument: remembers the shingles of one
  /// document whose DF reaches T. Thread-safe.
  void Collect(std::span<const uint64_t> shingles);

  /// The filter of the collected shingles (see the file comment).
  BoilerplateFilter Finish();

 private:
  size_t Slot(uint64_t shingle) const { return shingle >> shift_; }
  static constexpr uint32_t kSaturation = UINT16_MAX - 1024;

  BoilerplateOptions options_;
  int shift_;
  std::unique_ptr<std::atomic<uint16_t>[]> counts_;
  std::atomic<uint64_t> documents_{0};
  std::mutex candidates_mutex_;
  absl::flat_hash_set<uint64_t> candidates_;
};

}  // namespace neardup

#endif  // NEARDUP_BOILERPLATE_H_

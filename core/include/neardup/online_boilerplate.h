// Online boilerplate model: document frequency (DF) of shingles learnt as
// documents arrive, forgetting the old ones.
//
// The batch pipeline learns DF once from a sample (boilerplate.h). A
// crawler sees an endless stream in which outlets change their wrappers and
// templates come and go, so here DF is counted over a sliding window of
// epochs. The table is a one-row count-min sketch (Cormode & Muthukrishnan
// 2005; collisions can only overestimate) of 2^table_bits 64-bit words; each
// word packs four 16-bit saturating counters, one per epoch field, used in
// rotation:
//   DF(s) = the counters of the current epoch and the two before it;
//   the fourth field, the oldest, is cleared when an epoch starts and
//   becomes the next epoch's counter.
// So DF covers between 2 and 3 epochs of documents. An epoch ends after
// `epoch_documents` documents, or when the document time passed to
// AddDocument reaches the epoch start + `epoch_time` (the Deduper derives
// both from its window: half of max_documents, half of the horizon);
// neither set means nothing is forgotten.
//
// Suppression applies the batch rule (SuppressBoilerplate in
// boilerplate.h) to the windowed DF: T = max(min_documents,
// ceil(min_document_fraction · documents in the window)), with the
// popular-story guard.
//
// Thread safety: Apply, Frequency, threshold and documents may run
// concurrently with each other and with one writer (AddDocument, Save,
// Load, Clear); writers must be serialised by the caller (the Deduper calls
// them under its exclusive lock). Counters are relaxed atomics, so a reader
// racing with a writer sees each counter either before or after an update.
//
// Memory: 8 · 2^table_bits bytes (32 MiB by default), whatever the stream
// length.
//
// Example:
//   neardup::OnlineBoilerplateModel model({}, {.epoch_documents = 100000});
//   model.Apply(&set.hashes);          // before Sketcher::Sign
//   model.AddDocument(raw_set, time);  // learn from the unfiltered set
#ifndef NEARDUP_ONLINE_BOILERPLATE_H_
#define NEARDUP_ONLINE_BOILERPLATE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "neardup/boilerplate.h"
#include "neardup/snapshot.h"

namespace neardup {

struct OnlineBoilerplateOptions {
  /// log2 of the number of counter words (8 bytes each), in [10, 30].
  int table_bits = 22;
  /// An epoch ends after this many documents; 0 = not by count.
  uint64_t epoch_documents = 0;
  /// An epoch ends when the document time reaches its start + this (units
  /// of the time passed to AddDocument); 0 = not by time.
  int64_t epoch_time = 0;

  absl::Status Validate() const;
};

class OnlineBoilerplateModel {
 public:
  /// Preconditions: options validated.
  OnlineBoilerplateModel(const BoilerplateOptions& boilerplate,
                         const OnlineBoilerplateOptions& options);

  /// Counts one document's distinct shingles (as shingled, before
  /// suppression), at `time`, starting new epochs as needed. Writer.
  void AddDocument(std::span<const uint64_t> shingles, int64_t time);

  /// DF of `shingle` in the window (an overestimate by collisions).
  uint32_t Frequency(uint64_t shingle) const;

  /// Removes the boilerplate shingles of `*shingles` by the rule of
  /// boilerplate.h; returns how many were removed. Thread-safe reader.
  size_t Apply(std::vector<uint64_t>* shingles) const;

  /// T for the current window (see the file comment).
  uint32_t threshold() const;
  /// Documents counted in the window.
  uint64_t documents() const;
  /// Epochs started so far (0 for the first).
  uint64_t epoch() const { return epoch_.load(std::memory_order_relaxed); }
  size_t MemoryUsage() const { return table_size_ * sizeof(uint64_t); }

  /// Forgets everything. Writer.
  void Clear();
  /// Takes the state of `other` (same table_bits). Writer.
  void CopyFrom(const OnlineBoilerplateModel& other);
  /// Appends the model state to `out`.
  void Save(SnapshotWriter* out) const;
  /// Replaces the state with one saved by Save (same table_bits); errors go
  /// to `in` (DataLoss), leaving this model cleared.
  void Load(SnapshotReader* in);

 private:
  static constexpr int kFields = 4;
  size_t Slot(uint64_t shingle) const { return shingle >> shift_; }
  uint32_t WindowCount(uint64_t word) const;
  void StartEpoch(int64_t time);

  BoilerplateOptions boilerplate_;
  OnlineBoilerplateOptions options_;
  int shift_;
  size_t table_size_;
  struct Free {
    void operator()(std::atomic<uint64_t>* p) const;
  };
  /// 2 MiB-aligned, with transparent huge pages requested: lookups are
  /// random, and 4 KiB pages would cost a TLB miss each.
  std::unique_ptr<std::atomic<uint64_t>[], Free> table_;
  /// Epoch number (its field is epoch % 4) and documents per field.
  std::atomic<uint64_t> epoch_{0};
  std::atomic<uint64_t> field_documents_[kFields] = {};
  int64_t epoch_start_time_ = 0;
  bool has_time_ = false;
};

}  // namespace neardup

#endif  // NEARDUP_ONLINE_BOILERPLATE_H_

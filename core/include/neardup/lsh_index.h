// Locality-sensitive hashing index over MinHash signatures (banding).
//
// A signature of k values is cut into b bands of r rows (b·r <= k); each band
// is hashed (XXH3, seeded by the band number) to a 64-bit key. Two
// documents become candidates when any band key matches, which for sets of
// Jaccard similarity s happens with probability
//     P(s) = 1 - (1 - s^r)^b                       (Leskovec et al., MMDS ch.
//     3)
// Auto mode (bands = rows = 0) picks (b, r) that minimise the false-positive
// area ∫₀ᵗ P(s) ds subject to P(t) >= min_candidate_probability, so pairs at
// the threshold t are found with high probability and candidates are then
// verified exactly.
//
// The index maps dense uint32 document numbers to their band keys. Buckets
// are compact: each band has an open-addressing table of 8-byte slots
// (the band key folded to 32 bits, the most recent document), chained
// through a per-(document, band) "next" array kept in fixed-size blocks.
// Tables grow by a quarter at load 3/4 (so their load stays in 0.6..0.75)
// and sit on transparent huge pages, so memory is about b·(4 + 8/load) ≈
// b·15 bytes per document (825 for b = 55). Folding keys to 32 bits
// can add, very rarely (about n/2^32 per band and query for n indexed
// documents), a candidate that shares no full band key; candidates are
// verified exactly, so this costs nothing but the check.
//
// Removal is lazy: Remove marks the document dead in O(1) (queries skip
// it); its chain entries are unlinked in bulk by Compact, which walks every
// band's chains and runs by itself once the dead entries reach
// max(64, a quarter of the live ones): amortised O(b) per removal. A removed
// number may be added again only once it is unlinked (!Linked(doc)); Add and
// QueryAndAdd compact first if it is not. So no per-document band keys are
// kept. The same index serves the batch pipeline (QueryAndAdd in input order)
// and online use (crawlers: Add, Query, Remove at any time). Const calls
// (BandKeys, Query, ForEachEntry) may run concurrently with each other; every
// other call needs exclusive access.
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
#include <memory>
#include <span>
#include <vector>

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
  /// Allow Remove (false: Remove always returns false). Removal is lazy
  /// and costs no memory either way; a batch run that never removes sets
  /// it false.
  bool removable = true;

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

  /// Inserts document `doc` with its band keys (size b). Precondition:
  /// !Contains(doc). If `doc` was removed but is still linked, compacts
  /// first (Compact).
  void Add(uint32_t doc, std::span<const uint64_t> keys);

  /// Inserts many documents at once, as Add(docs[i], ...) in order would
  /// (same buckets, same chain order), but band by band so that one band's
  /// table is built at a time (cache-friendly), on up to `threads` threads.
  /// `folded_keys` holds b folded keys per document (FoldKey of the band
  /// keys). Preconditions: no doc is in the
  /// index or linked, or repeated; folded_keys.size() == docs.size() · b.
  void AddBulk(std::span<const uint32_t> docs,
               std::span<const uint32_t> folded_keys, int threads = 1);
  /// AddBulk with the folded keys band-major: keys_by_band[band ·
  /// docs.size() + i] is the key of docs[i] in `band` (how snapshots store
  /// them).
  void AddBulkBandMajor(std::span<const uint32_t> docs,
                        std::span<const uint32_t> keys_by_band,
                        int threads = 1);

  /// Appends to `*candidates` (cleared first) every indexed document sharing
  /// at least one band key, ascending, without duplicates. Returns the
  /// number of bucket entries visited (the work done).
  size_t Query(std::span<const uint64_t> keys,
               std::vector<uint32_t>* candidates) const;

  /// Query(keys, candidates) then Add(doc, keys) in one pass over the
  /// buckets (the batch pipeline's step). Returns what Query returns.
  /// Precondition: !Contains(doc) (compacts first if `doc` is linked).
  size_t QueryAndAdd(uint32_t doc, std::span<const uint64_t> keys,
                     std::vector<uint32_t>* candidates);

  /// Removes `doc` (marks it dead: queries no longer return it); false if
  /// it is not in the index or the index was created with removable =
  /// false. Compacts when dead() reaches max(64, size() / 4); callers
  /// reusing document numbers check dead() == 0 (or !Linked) afterwards.
  bool Remove(uint32_t doc);

  /// Unlinks every removed document from every band's chains (O(table
  /// slots + linked entries)); afterwards dead() == 0 and every removed
  /// number may be added again. Candidates of queries do not change.
  void Compact();

  /// Removed documents still linked in the chains.
  size_t dead() const { return dead_; }
  /// `doc` is in the chains: in the index, or removed and not compacted.
  bool Linked(uint32_t doc) const { return TestBit(linked_, doc); }

  /// Removes every document and releases the memory (options and params
  /// stay; truncated_scans() is kept).
  void Clear();

  bool Contains(uint32_t doc) const { return TestBit(live_, doc); }
  size_t size() const { return size_; }

  /// The 32-bit form in which buckets hold a band key.
  static uint32_t FoldKey(uint64_t key) {
    return static_cast<uint32_t>(key ^ (key >> 32));
  }
  /// Calls f(doc, folded_key) for every document in the index (dead ones
  /// skipped), band by band; within a band, bucket by bucket, most recent
  /// document first. (Snapshots use it to store each document's folded
  /// keys without keeping them in memory.)
  template <typename F>
  void ForEachEntry(size_t band, F&& f) const {
    const SlotVector& slots = tables_[band].slots;
    constexpr size_t kAhead = 8;  // chain heads' next entries, prefetched
    for (size_t i = 0; i < slots.size(); ++i) {
      if (i + kAhead < slots.size() && slots[i + kAhead].head != kNone) {
        const uint32_t ahead = slots[i + kAhead].head;
        __builtin_prefetch(
            &next_[ahead >> kBlockBits]
                  [(band << kBlockBits) + (ahead & ((1u << kBlockBits) - 1))]);
      }
      const Slot& slot = slots[i];
      if (slot.head == kNone) continue;
      for (uint32_t doc = slot.head; doc != kNone; doc = Next(doc, band)) {
        if (Contains(doc)) f(doc, slot.key);
      }
    }
  }

  /// Pre-allocates for documents 0..docs-1 (per-document arrays and band
  /// tables sized for `docs` distinct keys per band).
  void Reserve(size_t docs);

  /// Number of queries that hit max_bucket_scan (recall may be lost there).
  uint64_t truncated_scans() const {
    return truncated_scans_.value.load(std::memory_order_relaxed);
  }

  /// Approximate heap bytes held by the index.
  size_t MemoryUsage() const;
  /// The same, split: next arrays, band tables, bitmaps and scratch.
  struct Memory {
    size_t next = 0, tables = 0, other = 0;
  };
  Memory MemoryBreakdown() const;

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  /// Documents per next_ block: 2^13 (b·32 KiB, 1.8 MB for b = 55).
  static constexpr int kBlockBits = 13;
  LshIndex(const LshOptions& options, LshParams params);

  /// One band's buckets: linear probing over slots of (32-bit key, most
  /// recent document); head == kNone marks a free slot.
  struct Slot {
    uint32_t key;
    uint32_t head;
  };
  /// Allocates arrays of 2 MiB and more on 2 MiB boundaries and asks for
  /// transparent huge pages: band tables are probed at random, and with
  /// 4 KiB pages every probe would also miss the TLB.
  template <typename T>
  struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) {}
    T* allocate(size_t n) {
      return static_cast<T*>(AllocateHuge(n * sizeof(T)));
    }
    void deallocate(T* p, size_t n) { FreeHuge(p, n * sizeof(T)); }
    bool operator==(const HugePageAllocator&) const { return true; }
  };
  static void* AllocateHuge(size_t bytes);
  static void FreeHuge(void* p, size_t bytes);
  using SlotVector = std::vector<Slot, HugePageAllocator<Slot>>;
  /// Any size (not only powers of two): a table grows by a quarter, so
  /// its load stays between 0.6 and 3/4 rather than 3/8 and 3/4.
  struct Table {
    SlotVector slots;  ///< size >= 16 (or 0)
    uint32_t used = 0;
  };
  /// The home slot of key32: the high half of (hash · size), "fast range"
  /// (Lemire 2019), since the size is not a power of two.
  static uint32_t Home(const Table& table, uint32_t key32) {
    return static_cast<uint32_t>(
        (uint64_t{key32 * 0x9E3779B1u} * table.slots.size()) >> 32);
  }
  /// Prefetches the first two cache lines of key32's probe run.
  static void PrefetchProbe(const Table& table, uint32_t key32);
  static uint32_t After(const Table& table, uint32_t i) {
    return i + 1 == table.slots.size() ? 0 : i + 1;
  }
  /// A table size of at least `slots`: a multiple of 16, and of 4 KiB of
  /// slots from 4 KiB on (whole pages).
  static size_t RoundSize(size_t slots);
  /// Slot holding key32 in `table`, or the free slot where it would go.
  static Slot* Find(Table& table, uint32_t key32);
  static const Slot* FindConst(const Table& table, uint32_t key32);
  /// Grows the table by a quarter (at least 16 slots, at least
  /// `min_slots`).
  static void Grow(Table* table, size_t min_slots = 0);
  /// The slot for key32 in `table`, claimed if new (grows as needed).
  static Slot* Claim(Table* table, uint32_t key32);
  /// Erases `slot` (backward-shift deletion keeps probe runs intact).
  static void Erase(Table* table, Slot* slot);
  void EnsureDocument(uint32_t doc);
  /// AddBulk with the key of docs[i] in `band` at
  /// keys[i · doc_stride + band · band_stride].
  void AddBulkStrided(std::span<const uint32_t> docs,
                      std::span<const uint32_t> keys, size_t doc_stride,
                      size_t band_stride, int threads);
  uint32_t& Next(uint32_t doc, size_t band) {
    return next_[doc >> kBlockBits]
                [(band << kBlockBits) + (doc & ((1u << kBlockBits) - 1))];
  }
  uint32_t Next(uint32_t doc, size_t band) const {
    return next_[doc >> kBlockBits]
                [(band << kBlockBits) + (doc & ((1u << kBlockBits) - 1))];
  }
  static bool TestBit(const std::vector<uint64_t>& bits, uint32_t doc) {
    return (doc >> 6) < bits.size() && ((bits[doc >> 6] >> (doc & 63)) & 1);
  }
  static void SetBit(std::vector<uint64_t>& bits, uint32_t doc, bool on) {
    const uint64_t mask = uint64_t{1} << (doc & 63);
    bits[doc >> 6] = on ? (bits[doc >> 6] | mask) : (bits[doc >> 6] & ~mask);
  }
  /// Documents 0..capacity()-1 have next_ entries and bitmap bits.
  size_t capacity() const { return next_.size() << kBlockBits; }

  /// Chain-walk state: each band's chain position, scan count, live bands.
  struct WalkScratch {
    std::vector<uint32_t> heads;  ///< kNone: no bucket for that band
    std::vector<int> scanned;
    std::vector<uint32_t> active;
  };
  /// Walks the chains from scratch->heads, appending documents to
  /// *candidates. With `seen` (exclusive callers), a document is appended
  /// once (seen[doc] set to `epoch`); without, duplicates are left for the
  /// caller to remove.
  void WalkChains(WalkScratch* scratch, uint32_t* seen, uint32_t epoch,
                  std::vector<uint32_t>* candidates, size_t* visited,
                  bool* truncated) const;

  LshOptions options_;
  LshParams params_;
  std::vector<Table> tables_;  ///< one per band
  /// Blocks of 2^kBlockBits documents, band-major inside: entry
  /// band · 2^kBlockBits + doc % 2^kBlockBits of a block is the next
  /// (older) document in doc's bucket of that band. Band-major keeps the
  /// bulk paths (AddBulk, Compact, ForEachEntry: one band at a time)
  /// within b times less memory than a document-major layout (which,
  /// measured at 1M documents, made Save and Load 5-10x slower); a block
  /// keeps a document's b entries within 1.8 MB (b = 55) for Add.
  std::vector<std::unique_ptr<uint32_t[]>> next_;
  /// QueryAndAdd's scratch (exclusive access): seen_[doc] == epoch_ marks
  /// a document already collected, so documents sharing several bands are
  /// listed once without sorting duplicates away.
  std::vector<uint32_t> seen_;
  uint32_t epoch_ = 0;
  WalkScratch scratch_;
  /// Bitmaps by document: in the index (live), in the chains (linked =
  /// live or removed and not yet compacted).
  std::vector<uint64_t> live_;
  std::vector<uint64_t> linked_;
  size_t size_ = 0;
  size_t dead_ = 0;
  /// A relaxed atomic counter that copies and moves by value, so that
  /// concurrent const Query calls stay race-free.
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

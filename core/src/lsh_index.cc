#include "neardup/lsh_index.h"

#include <sys/mman.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <new>
#include <thread>

#include "absl/strings/str_cat.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {

double CandidateProbability(double s, int bands, int rows) {
  return 1.0 - std::pow(1.0 - std::pow(s, rows), bands);
}

double FalsePositiveArea(double t, int bands, int rows) {
  // Composite Simpson's rule; P is smooth, 256 intervals are plenty.
  constexpr int kIntervals = 256;
  const double h = t / kIntervals;
  double sum = CandidateProbability(0.0, bands, rows) +
               CandidateProbability(t, bands, rows);
  for (int i = 1; i < kIntervals; ++i) {
    sum += (i % 2 ? 4.0 : 2.0) * CandidateProbability(i * h, bands, rows);
  }
  return sum * h / 3.0;
}

absl::StatusOr<LshParams> ChooseLshParams(double threshold, int num_perm,
                                          double min_probability) {
  LshParams best;
  double best_area = 0;
  for (int rows = 1; rows <= num_perm; ++rows) {
    for (int bands = 1; bands * rows <= num_perm; ++bands) {
      if (CandidateProbability(threshold, bands, rows) < min_probability) {
        continue;
      }
      // The smallest b reaching the target is the best for this r: more
      // bands only add false positives.
      const double area = FalsePositiveArea(threshold, bands, rows);
      if (best.bands == 0 || area < best_area - 1e-12) {
        best = {bands, rows};
        best_area = area;
      }
      break;
    }
  }
  if (best.bands == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "no banding of k = ", num_perm, " reaches P(candidate | J = ",
        threshold, ") >= ", min_probability, "; raise num_perm"));
  }
  return best;
}

absl::Status LshOptions::Validate() const {
  if (!(threshold > 0.0 && threshold <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("threshold must be in (0, 1], got ", threshold));
  }
  if (num_perm < 1) {
    return absl::InvalidArgumentError("num_perm must be positive");
  }
  if ((bands == 0) != (rows == 0)) {
    return absl::InvalidArgumentError(
        "set both bands and rows, or neither (automatic choice)");
  }
  if (bands < 0 || rows < 0) {
    return absl::InvalidArgumentError("bands and rows must be positive");
  }
  if (bands > 0 && static_cast<int64_t>(bands) * rows > num_perm) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bands x rows = ", bands * rows, " exceeds num_perm = ", num_perm));
  }
  if (!(min_candidate_probability > 0.0 && min_candidate_probability < 1.0)) {
    return absl::InvalidArgumentError(
        "min_candidate_probability must be in (0, 1)");
  }
  if (max_bucket_scan < 1) {
    return absl::InvalidArgumentError("max_bucket_scan must be >= 1");
  }
  return absl::OkStatus();
}

absl::StatusOr<LshIndex> LshIndex::Create(const LshOptions& options) {
  if (absl::Status status = options.Validate(); !status.ok()) return status;
  LshParams params{options.bands, options.rows};
  if (params.bands == 0) {
    absl::StatusOr<LshParams> chosen = ChooseLshParams(
        options.threshold, options.num_perm, options.min_candidate_probability);
    if (!chosen.ok()) return chosen.status();
    params = *chosen;
  }
  return LshIndex(options, params);
}

LshIndex::LshIndex(const LshOptions& options, LshParams params)
    : options_(options), params_(params), tables_(params.bands) {}

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kPage = size_t{4} << 10;
// Whole 4 KiB pages: the last, partial huge page of an array stays in
// small pages (THP backs only aligned 2 MiB ranges inside the mapping), so
// no memory is wasted past its end.
size_t PageRounded(size_t bytes) { return (bytes + kPage - 1) / kPage * kPage; }
}  // namespace

// Arrays from kMapped bytes on are mapped (and unmapped when freed) rather
// than taken from malloc, whose heap would keep the pages of the many
// tables a growing index frees.
constexpr size_t kMapped = size_t{64} << 10;

void* LshIndex::AllocateHuge(size_t bytes) {
  if (bytes < kMapped) return ::operator new(bytes);
  if (bytes < kHugePage) {
    void* p = ::mmap(nullptr, PageRounded(bytes), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
  }
  // mmap a huge page more than needed and unmap the ends, so that the
  // array starts on a 2 MiB boundary and no other data shares its pages.
  const size_t size = PageRounded(bytes);
  void* raw = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > start) ::munmap(raw, aligned - start);
  const size_t tail = start + size + kHugePage - (aligned + size);
  if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + size), tail);
  void* p = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
  ::madvise(p, size, MADV_HUGEPAGE);
#endif
  return p;
}

void LshIndex::FreeHuge(void* p, size_t bytes) {
  if (bytes < kMapped) {
    ::operator delete(p);
  } else {
    ::munmap(p, PageRounded(bytes));
  }
}

void LshIndex::PrefetchProbe(const Table& table, uint32_t key32) {
  // A probe run at load 3/4 often crosses into the next cache line.
  const Slot* home = &table.slots[Home(table, key32)];
  __builtin_prefetch(home);
  __builtin_prefetch(reinterpret_cast<const char*>(home) + 64);
}

void LshIndex::BandKeys(std::span<const uint32_t> signature,
                        std::span<uint64_t> keys) const {
  assert(keys.size() == static_cast<size_t>(params_.bands));
  assert(signature.size() >= static_cast<size_t>(params_.bands) * params_.rows);
  const size_t row_bytes = sizeof(uint32_t) * params_.rows;
  for (int band = 0; band < params_.bands; ++band) {
    keys[band] = XXH3_64bits_withSeed(signature.data() + band * params_.rows,
                                      row_bytes, options_.seed + band);
  }
}

LshIndex::Slot* LshIndex::Find(Table& table, uint32_t key32) {
  uint32_t i = Home(table, key32);
  while (true) {
    Slot& slot = table.slots[i];
    if (slot.head == kNone || slot.key == key32) return &slot;
    i = After(table, i);
  }
}

const LshIndex::Slot* LshIndex::FindConst(const Table& table, uint32_t key32) {
  if (table.slots.empty()) return nullptr;
  uint32_t i = Home(table, key32);
  while (true) {
    const Slot& slot = table.slots[i];
    if (slot.head == kNone) return nullptr;
    if (slot.key == key32) return &slot;
    i = After(table, i);
  }
}

size_t LshIndex::RoundSize(size_t slots) {
  constexpr size_t kPageSlots = (size_t{4} << 10) / sizeof(Slot);
  slots = std::max<size_t>(16, slots);
  const size_t unit = slots >= kPageSlots ? kPageSlots : 16;
  return (slots + unit - 1) / unit * unit;
}

void LshIndex::Grow(Table* table, size_t min_slots) {
  const size_t current = table->slots.size();
  const size_t size = RoundSize(std::max(current + current / 4, min_slots));
  SlotVector old(size, Slot{0, kNone});
  old.swap(table->slots);
  for (const Slot& slot : old) {
    if (slot.head != kNone) *Find(*table, slot.key) = slot;
  }
}

LshIndex::Slot* LshIndex::Claim(Table* table, uint32_t key32) {
  // Load factor <= 3/4 keeps linear-probing runs short.
  if ((table->used + 1) * 4 > table->slots.size() * 3) Grow(table);
  Slot* slot = Find(*table, key32);
  if (slot->head == kNone) {
    slot->key = key32;
    ++table->used;
  }
  return slot;
}

void LshIndex::Erase(Table* table, Slot* slot) {
  Slot* const slots = table->slots.data();
  uint32_t hole = static_cast<uint32_t>(slot - slots);
  for (uint32_t j = After(*table, hole); slots[j].head != kNone;
       j = After(*table, j)) {
    const uint32_t home = Home(*table, slots[j].key);
    // Slot j may move into the hole unless its home lies cyclically in
    // (hole, j].
    const bool stays =
        hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
    if (!stays) {
      slots[hole] = slots[j];
      hole = j;
    }
  }
  slots[hole].head = kNone;
  --table->used;
}

void LshIndex::EnsureDocument(uint32_t doc) {
  const size_t block = doc >> kBlockBits;
  const size_t entries = size_t{1} << kBlockBits;
  while (next_.size() <= block) {
    next_.push_back(
        std::make_unique_for_overwrite<uint32_t[]>(entries * params_.bands));
  }
  const size_t words = capacity() / 64;
  if (live_.size() < words) {
    live_.resize(words, 0);
    linked_.resize(words, 0);
  }
}

void LshIndex::WalkChains(WalkScratch* scratch, uint32_t* seen, uint32_t epoch,
                          std::vector<uint32_t>* candidates, size_t* visited,
                          bool* truncated) const {
  // The chains of all bands are walked in lock step, one document each per
  // round: their next-pointer loads are independent, so the cache misses
  // of a round overlap instead of following one another. Each chain still
  // yields its first max_bucket_scan documents, most recent first.
  const int limit = options_.max_bucket_scan;
  std::vector<uint32_t>& heads = scratch->heads;
  std::vector<int>& scanned = scratch->scanned;
  std::vector<uint32_t>& active = scratch->active;
  active.clear();
  for (size_t band = 0; band < heads.size(); ++band) {
    if (heads[band] != kNone) active.push_back(static_cast<uint32_t>(band));
  }
  scanned.assign(heads.size(), 0);
  // Removed documents still linked are stepped over: they neither count
  // towards the limit nor become candidates.
  const uint64_t* const live = live_.data();
  const bool any_dead = dead_ != 0;
  size_t steps = 0;
  while (!active.empty()) {
    size_t kept = 0;
    for (uint32_t band : active) {
      const uint32_t doc = heads[band];
      ++steps;
      if (!any_dead || ((live[doc >> 6] >> (doc & 63)) & 1)) {
        if (scanned[band]++ == limit) {
          *truncated = true;
          continue;
        }
        if (seen == nullptr) {
          candidates->push_back(doc);
        } else if (seen[doc] != epoch) {
          seen[doc] = epoch;
          candidates->push_back(doc);
        }
      }
      const uint32_t next = Next(doc, band);
      heads[band] = next;
      if (next == kNone) continue;
      active[kept++] = band;
    }
    active.resize(kept);
  }
  *visited += steps;
}

void LshIndex::Add(uint32_t doc, std::span<const uint64_t> keys) {
  const size_t b = params_.bands;
  assert(keys.size() == b);
  assert(!Contains(doc));
  if (Linked(doc)) Compact();
  EnsureDocument(doc);
  for (size_t band = 0; band < b; ++band) {
    Table& table = tables_[band];
    if ((table.used + 1) * 4 > table.slots.size() * 3) Grow(&table);
    PrefetchProbe(table, FoldKey(keys[band]));
  }
  for (size_t band = 0; band < b; ++band) {
    const uint32_t key32 = FoldKey(keys[band]);
    Slot* slot = Claim(&tables_[band], key32);
    Next(doc, band) = slot->head;
    slot->head = doc;
  }
  SetBit(live_, doc, true);
  SetBit(linked_, doc, true);
  ++size_;
}

void LshIndex::AddBulk(std::span<const uint32_t> docs,
                       std::span<const uint32_t> folded_keys, int threads) {
  AddBulkStrided(docs, folded_keys, params_.bands, 1, threads);
}

void LshIndex::AddBulkBandMajor(std::span<const uint32_t> docs,
                                std::span<const uint32_t> keys_by_band,
                                int threads) {
  AddBulkStrided(docs, keys_by_band, 1, docs.size(), threads);
}

void LshIndex::AddBulkStrided(std::span<const uint32_t> docs,
                              std::span<const uint32_t> folded_keys,
                              size_t doc_stride, size_t band_stride,
                              int threads) {
  const size_t b = params_.bands;
  assert(folded_keys.size() == docs.size() * b);
  if (docs.empty()) return;
  for (uint32_t doc : docs) {
    if (Linked(doc)) {
      Compact();
      break;
    }
  }
  EnsureDocument(*std::max_element(docs.begin(), docs.end()));
  for (uint32_t doc : docs) {
    assert(!Contains(doc));
    SetBit(live_, doc, true);
    SetBit(linked_, doc, true);
  }
  size_ += docs.size();
  // Each thread takes a contiguous range of bands (their tables, and their
  // entries of the document-major chain array: threads share only the
  // cache lines at the range boundaries).
  const int workers = std::max(1, std::min<int>(threads, static_cast<int>(b)));
  auto work = [&](int worker) {
    const size_t first = b * worker / workers;
    const size_t last = b * (worker + 1) / workers;
    for (size_t band = first; band < last; ++band) {
      Table& table = tables_[band];
      // Room for the documents at a load of 2/3 (3/4 would make the
      // next Add grow every table at once).
      if ((table.used + docs.size()) * 4 > table.slots.size() * 3) {
        Grow(&table, (table.used + docs.size()) * 3 / 2 + 1);
      }
      // Home slots are prefetched a few documents ahead: the table is
      // larger than the caches and each insert is one random access.
      constexpr size_t kAhead = 16;
      const uint32_t* const keys = folded_keys.data() + band * band_stride;
      for (size_t i = 0; i < std::min(kAhead, docs.size()); ++i) {
        __builtin_prefetch(&table.slots[Home(table, keys[i * doc_stride])], 1);
      }
      for (size_t i = 0; i < docs.size(); ++i) {
        if (i + kAhead < docs.size()) {
          __builtin_prefetch(
              &table.slots[Home(table, keys[(i + kAhead) * doc_stride])], 1);
        }
        const uint32_t doc = docs[i];
        const uint32_t key32 = keys[i * doc_stride];
        Slot* slot = Claim(&table, key32);
        Next(doc, band) = slot->head;
        slot->head = doc;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < workers; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
}

void LshIndex::Reserve(size_t docs) {
  if (docs == 0) return;
  EnsureDocument(static_cast<uint32_t>(docs - 1));
  for (Table& table : tables_) {
    if (docs * 4 > table.slots.size() * 3) Grow(&table, docs * 4 / 3 + 1);
  }
}

size_t LshIndex::Query(std::span<const uint64_t> keys,
                       std::vector<uint32_t>* candidates) const {
  const size_t b = params_.bands;
  assert(keys.size() == b);
  candidates->clear();
  // Concurrent const calls: per-thread scratch, duplicates sorted away.
  thread_local WalkScratch scratch;
  scratch.heads.resize(b);
  // Every band's home slot first, so the b cache misses overlap.
  for (size_t band = 0; band < b; ++band) {
    const Table& table = tables_[band];
    if (!table.slots.empty()) {
      PrefetchProbe(table, FoldKey(keys[band]));
    }
  }
  for (size_t band = 0; band < b; ++band) {
    const Slot* slot = FindConst(tables_[band], FoldKey(keys[band]));
    scratch.heads[band] = slot != nullptr ? slot->head : kNone;
  }
  size_t visited = 0;
  bool truncated = false;
  WalkChains(&scratch, nullptr, 0, candidates, &visited, &truncated);
  if (truncated) {
    truncated_scans_.value.fetch_add(1, std::memory_order_relaxed);
  }
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()),
                    candidates->end());
  return visited;
}

size_t LshIndex::QueryAndAdd(uint32_t doc, std::span<const uint64_t> keys,
                             std::vector<uint32_t>* candidates) {
  const size_t b = params_.bands;
  assert(keys.size() == b);
  assert(!Contains(doc));
  if (Linked(doc)) Compact();
  EnsureDocument(doc);
  candidates->clear();
  if (++epoch_ == 0) {  // wrapped: forget every stamp
    std::fill(seen_.begin(), seen_.end(), 0);
    epoch_ = 1;
  }
  if (seen_.size() < capacity()) seen_.resize(capacity(), 0);
  // Grow first, then prefetch every band's home slot so the b cache misses
  // overlap instead of following one another.
  for (size_t band = 0; band < b; ++band) {
    Table& table = tables_[band];
    if ((table.used + 1) * 4 > table.slots.size() * 3) Grow(&table);
    PrefetchProbe(table, FoldKey(keys[band]));
  }
  scratch_.heads.resize(b);
  for (size_t band = 0; band < b; ++band) {
    const uint32_t key32 = FoldKey(keys[band]);
    Slot* slot = Claim(&tables_[band], key32);
    scratch_.heads[band] = slot->head;  // the chain before `doc` joins it
    Next(doc, band) = slot->head;
    slot->head = doc;
  }
  SetBit(live_, doc, true);
  SetBit(linked_, doc, true);
  ++size_;
  size_t visited = 0;
  bool truncated = false;
  WalkChains(&scratch_, seen_.data(), epoch_, candidates, &visited, &truncated);
  if (truncated) {
    truncated_scans_.value.fetch_add(1, std::memory_order_relaxed);
  }
  std::sort(candidates->begin(), candidates->end());
  return visited;
}

bool LshIndex::Remove(uint32_t doc) {
  if (!Contains(doc) || !options_.removable) return false;
  SetBit(live_, doc, false);
  --size_;
  ++dead_;
  if (dead_ >= std::max<size_t>(64, size_ / 4)) Compact();
  return true;
}

void LshIndex::Compact() {
  if (dead_ == 0) return;
  const size_t b = params_.bands;
  for (size_t band = 0; band < b; ++band) {
    Table& table = tables_[band];
    const size_t size = table.slots.size();
    for (size_t i = 0; i < size;) {
      Slot& slot = table.slots[i];
      if (slot.head == kNone) {
        ++i;
        continue;
      }
      // Unlink the dead documents of this chain, keeping the order.
      uint32_t* link = &slot.head;
      for (uint32_t doc = slot.head; doc != kNone;) {
        const uint32_t next = Next(doc, band);
        if (!Contains(doc)) {
          *link = next;
        } else {
          link = &Next(doc, band);
        }
        doc = next;
      }
      if (slot.head != kNone) {
        ++i;
        continue;
      }
      // The chain emptied: backward-shift deletion may move a later slot
      // (not yet visited) into i, so i is looked at again. A slot moved
      // from the wrapped-around front of the table was visited already;
      // walking its (clean) chain again changes nothing.
      slot.head = 0;  // Erase expects an occupied slot
      Erase(&table, &slot);
    }
    // Shrink once the load fell below 3/16, to a load of 3/8.
    if (table.used * 16 < size * 3) {
      const size_t shrunk = RoundSize(size_t{table.used} * 8 / 3 + 1);
      if (shrunk < size) {
        SlotVector old(shrunk, Slot{0, kNone});
        old.swap(table.slots);
        for (const Slot& slot : old) {
          if (slot.head != kNone) *Find(table, slot.key) = slot;
        }
      }
    }
  }
  for (size_t w = 0; w < linked_.size(); ++w) linked_[w] = live_[w];
  dead_ = 0;
}

void LshIndex::Clear() {
  std::vector<Table>(params_.bands).swap(tables_);
  std::vector<std::unique_ptr<uint32_t[]>>().swap(next_);
  std::vector<uint32_t>().swap(seen_);
  std::vector<uint64_t>().swap(live_);
  std::vector<uint64_t>().swap(linked_);
  size_ = 0;
  dead_ = 0;
}

LshIndex::Memory LshIndex::MemoryBreakdown() const {
  Memory m;
  const size_t block_bytes = (size_t{1} << kBlockBits) * sizeof(uint32_t);
  m.next = next_.size() * block_bytes * params_.bands;
  for (const Table& table : tables_) {
    m.tables += table.slots.capacity() * sizeof(Slot);
  }
  m.other = (live_.capacity() + linked_.capacity()) * sizeof(uint64_t) +
            seen_.capacity() * sizeof(uint32_t);
  return m;
}

size_t LshIndex::MemoryUsage() const {
  const Memory m = MemoryBreakdown();
  return m.next + m.tables + m.other;
}

}  // namespace neardup

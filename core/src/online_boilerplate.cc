#include "neardup/online_boilerplate.h"

#include <sys/mman.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <new>

#include "absl/strings/str_cat.h"

namespace neardup {

namespace {

constexpr uint64_t kCounterMax = 0xFFFF;

uint64_t FieldOf(uint64_t word, int field) {
  return (word >> (16 * field)) & kCounterMax;
}

std::atomic<uint64_t>* Allocate(size_t words) {
  static_assert(sizeof(std::atomic<uint64_t>) == sizeof(uint64_t));
  constexpr size_t kHugePage = size_t{2} << 20;
  const size_t bytes =
      (words * sizeof(uint64_t) + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, bytes);
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  ::madvise(p, bytes, MADV_HUGEPAGE);
#endif
  auto* table = static_cast<std::atomic<uint64_t>*>(p);
  for (size_t i = 0; i < words; ++i) new (&table[i]) std::atomic<uint64_t>(0);
  return table;
}

}  // namespace

absl::Status OnlineBoilerplateOptions::Validate() const {
  if (table_bits < 10 || table_bits > 30) {
    return absl::InvalidArgumentError(absl::StrCat(
        "online boilerplate table_bits must be in [10, 30], got ", table_bits));
  }
  if (epoch_time < 0) {
    return absl::InvalidArgumentError(
        "online boilerplate epoch_time must be >= 0");
  }
  return absl::OkStatus();
}

OnlineBoilerplateModel::OnlineBoilerplateModel(
    const BoilerplateOptions& boilerplate,
    const OnlineBoilerplateOptions& options)
    : boilerplate_(boilerplate),
      options_(options),
      shift_(64 - options.table_bits),
      table_size_(size_t{1} << options.table_bits),
      table_(Allocate(table_size_)) {}  // Allocate zeroes the table

void OnlineBoilerplateModel::Free::operator()(std::atomic<uint64_t>* p) const {
  std::free(p);
}

void OnlineBoilerplateModel::Clear() {
  for (size_t i = 0; i < table_size_; ++i) {
    table_[i].store(0, std::memory_order_relaxed);
  }
  epoch_.store(0, std::memory_order_relaxed);
  for (auto& d : field_documents_) d.store(0, std::memory_order_relaxed);
  epoch_start_time_ = 0;
  has_time_ = false;
}

void OnlineBoilerplateModel::CopyFrom(const OnlineBoilerplateModel& other) {
  assert(other.table_size_ == table_size_);
  for (size_t i = 0; i < table_size_; ++i) {
    table_[i].store(other.table_[i].load(std::memory_order_relaxed),
                    std::memory_order_relaxed);
  }
  epoch_.store(other.epoch_.load(std::memory_order_relaxed),
               std::memory_order_relaxed);
  for (int f = 0; f < kFields; ++f) {
    field_documents_[f].store(
        other.field_documents_[f].load(std::memory_order_relaxed),
        std::memory_order_relaxed);
  }
  epoch_start_time_ = other.epoch_start_time_;
  has_time_ = other.has_time_;
}

uint32_t OnlineBoilerplateModel::WindowCount(uint64_t word) const {
  const int current =
      static_cast<int>(epoch_.load(std::memory_order_relaxed) % kFields);
  const int stale = (current + 1) % kFields;  // cleared, next to be used
  uint32_t sum = 0;
  for (int f = 0; f < kFields; ++f) {
    if (f != stale) sum += static_cast<uint32_t>(FieldOf(word, f));
  }
  return sum;
}

uint32_t OnlineBoilerplateModel::Frequency(uint64_t shingle) const {
  return WindowCount(table_[Slot(shingle)].load(std::memory_order_relaxed));
}

uint64_t OnlineBoilerplateModel::documents() const {
  const uint64_t current = epoch_.load(std::memory_order_relaxed) % kFields;
  const uint64_t stale = (current + 1) % kFields;
  uint64_t sum = 0;
  for (uint64_t f = 0; f < kFields; ++f) {
    if (f != stale) sum += field_documents_[f].load(std::memory_order_relaxed);
  }
  return sum;
}

uint32_t OnlineBoilerplateModel::threshold() const {
  return static_cast<uint32_t>(std::max<double>(
      boilerplate_.min_documents, std::ceil(boilerplate_.min_document_fraction *
                                            static_cast<double>(documents()))));
}

void OnlineBoilerplateModel::StartEpoch(int64_t time) {
  const uint64_t next = epoch_.load(std::memory_order_relaxed) + 1;
  // The field after the new current one leaves the window: clear it so it
  // is zero when its turn comes. Readers skip it from now on.
  const int clear = static_cast<int>((next + 1) % kFields);
  epoch_.store(next, std::memory_order_relaxed);
  const uint64_t keep = ~(kCounterMax << (16 * clear));
  for (size_t i = 0; i < table_size_; ++i) {
    const uint64_t word = table_[i].load(std::memory_order_relaxed);
    if (word & ~keep) table_[i].store(word & keep, std::memory_order_relaxed);
  }
  field_documents_[clear].store(0, std::memory_order_relaxed);
  epoch_start_time_ = time;
}

void OnlineBoilerplateModel::AddDocument(std::span<const uint64_t> shingles,
                                         int64_t time) {
  if (!has_time_) {
    has_time_ = true;
    epoch_start_time_ = time;
  }
  if (options_.epoch_time > 0 &&
      time >= epoch_start_time_ + options_.epoch_time) {
    // Skipped epochs are empty: starting at most kFields of them clears
    // every stale field.
    const int64_t start = epoch_start_time_;
    const int64_t elapsed = (time - start) / options_.epoch_time;
    const int64_t epochs = std::min<int64_t>(elapsed, kFields);
    for (int64_t e = 0; e < epochs; ++e) StartEpoch(time);
    epoch_start_time_ = start + elapsed * options_.epoch_time;
  }
  const uint64_t epoch = epoch_.load(std::memory_order_relaxed);
  const int field = static_cast<int>(epoch % kFields);
  if (options_.epoch_documents > 0 &&
      field_documents_[field].load(std::memory_order_relaxed) >=
          options_.epoch_documents) {
    StartEpoch(time);
    AddDocument(shingles, time);
    return;
  }
  field_documents_[field].fetch_add(1, std::memory_order_relaxed);
  const uint64_t one = uint64_t{1} << (16 * field);
  // Prefetch every word first: the updates then overlap their misses.
  for (uint64_t s : shingles) __builtin_prefetch(&table_[Slot(s)], 1);
  for (uint64_t s : shingles) {
    std::atomic<uint64_t>& word = table_[Slot(s)];
    const uint64_t w = word.load(std::memory_order_relaxed);
    if (FieldOf(w, field) < kCounterMax) {
      word.store(w + one, std::memory_order_relaxed);
    }
  }
}

size_t OnlineBoilerplateModel::Apply(std::vector<uint64_t>* shingles) const {
  if (!boilerplate_.enabled || shingles->empty()) return 0;
  const uint32_t t = threshold();
  const size_t n = shingles->size();
  const uint64_t* const hashes = shingles->data();
  thread_local std::vector<uint32_t> df;
  df.resize(n);
  // The window's fields, read once: WindowCount of every word with the
  // same epoch.
  const int current =
      static_cast<int>(epoch_.load(std::memory_order_relaxed) % kFields);
  const uint64_t window = ~(kCounterMax << (16 * ((current + 1) % kFields)));
  // Each lookup is a cache miss in a table larger than the caches: keep
  // kAhead of them in flight, a rolling window rather than all at once (a
  // core has only so many outstanding misses; prefetches beyond them are
  // dropped or stall).
  constexpr size_t kAhead = 64;
  for (size_t i = 0; i < std::min(kAhead, n); ++i) {
    __builtin_prefetch(&table_[Slot(hashes[i])], 0);
  }
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n)
      __builtin_prefetch(&table_[Slot(hashes[i + kAhead])], 0);
    const uint64_t w =
        table_[Slot(hashes[i])].load(std::memory_order_relaxed) & window;
    const uint32_t f =
        static_cast<uint32_t>((w & kCounterMax) + ((w >> 16) & kCounterMax) +
                              ((w >> 32) & kCounterMax) + (w >> 48));
    df[i] = f >= t ? f : 0;
    any |= df[i] != 0;
  }
  if (!any) return 0;
  return SuppressBoilerplate(shingles, df, t, boilerplate_);
}

void OnlineBoilerplateModel::Save(SnapshotWriter* out) const {
  out->PutU32(static_cast<uint32_t>(options_.table_bits));
  out->PutU64(epoch_.load(std::memory_order_relaxed));
  for (const auto& d : field_documents_) {
    out->PutU64(d.load(std::memory_order_relaxed));
  }
  out->PutI64(epoch_start_time_);
  out->PutBool(has_time_);
  // The table, dense (every word) or sparse ((u32 index, u64 word) for the
  // non-zero words, ascending) whichever is smaller: a young index has a
  // mostly empty table.
  uint64_t nonzero = 0;
  for (size_t i = 0; i < table_size_; ++i) {
    nonzero += table_[i].load(std::memory_order_relaxed) != 0;
  }
  const bool sparse = nonzero * 12 < table_size_ * 8;
  out->PutBool(sparse);
  if (sparse) {
    out->PutU64(nonzero);
    for (size_t i = 0; i < table_size_; ++i) {
      const uint64_t word = table_[i].load(std::memory_order_relaxed);
      if (word == 0) continue;
      out->PutU32(static_cast<uint32_t>(i));
      out->PutU64(word);
    }
    return;
  }
  constexpr size_t kChunk = 4096;
  uint64_t buffer[kChunk];
  for (size_t i = 0; i < table_size_; i += kChunk) {
    const size_t n = std::min(kChunk, table_size_ - i);
    for (size_t j = 0; j < n; ++j) {
      buffer[j] = table_[i + j].load(std::memory_order_relaxed);
    }
    out->PutU64Array(std::span<const uint64_t>(buffer, n));
  }
}

void OnlineBoilerplateModel::Load(SnapshotReader* in) {
  const uint32_t bits = in->GetU32("boilerplate table bits");
  if (in->ok() && bits != static_cast<uint32_t>(options_.table_bits)) {
    in->Fail(absl::StrCat("boilerplate table of 2^", bits,
                          " words, the options say 2^", options_.table_bits));
  }
  const uint64_t epoch = in->GetU64("boilerplate epoch");
  uint64_t docs[kFields];
  for (auto& d : docs) d = in->GetU64("boilerplate epoch documents");
  const int64_t start = in->GetI64("boilerplate epoch start");
  const bool has_time = in->GetBool("boilerplate has time");
  const bool sparse = in->GetBool("boilerplate table encoding");
  if (!in->ok()) {
    Clear();
    return;
  }
  if (sparse) {
    Clear();
    const uint64_t nonzero = in->GetU64("boilerplate table words");
    if (in->CheckCount(nonzero, 12, "boilerplate table word") &&
        nonzero > table_size_) {
      in->Fail("boilerplate table has more words than slots");
    }
    int64_t last = -1;
    for (uint64_t k = 0; k < nonzero && in->ok(); ++k) {
      const uint32_t index = in->GetU32("boilerplate table index");
      const uint64_t word = in->GetU64("boilerplate table word");
      if (!in->ok()) break;
      if (static_cast<int64_t>(index) <= last || index >= table_size_) {
        in->Fail("boilerplate table indexes out of order or range");
        break;
      }
      last = index;
      table_[index].store(word, std::memory_order_relaxed);
    }
  } else {
    in->CheckCount(table_size_, sizeof(uint64_t), "boilerplate table");
    constexpr size_t kChunk = 4096;
    uint64_t buffer[kChunk];
    for (size_t i = 0; i < table_size_ && in->ok(); i += kChunk) {
      const size_t n = std::min(kChunk, table_size_ - i);
      in->GetU64Array(std::span<uint64_t>(buffer, n), "boilerplate table");
      for (size_t j = 0; j < n; ++j) {
        table_[i + j].store(buffer[j], std::memory_order_relaxed);
      }
    }
  }
  if (!in->ok()) {
    Clear();
    return;
  }
  epoch_.store(epoch, std::memory_order_relaxed);
  for (int f = 0; f < kFields; ++f) {
    field_documents_[f].store(docs[f], std::memory_order_relaxed);
  }
  epoch_start_time_ = start;
  has_time_ = has_time;
}

}  // namespace neardup

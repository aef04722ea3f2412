#include "neardup/boilerplate.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"

namespace neardup {

absl::Status BoilerplateOptions::Validate() const {
  if (min_documents < 2) {
    return absl::InvalidArgumentError("boilerplate min_documents must be >= 2");
  }
  if (!(min_document_fraction >= 0 && min_document_fraction < 1)) {
    return absl::InvalidArgumentError(
        "boilerplate min_document_fraction must be in [0, 1)");
  }
  if (!(popular_quantile >= 0 && popular_quantile < 1)) {
    return absl::InvalidArgumentError(
        "boilerplate popular_quantile must be in [0, 1)");
  }
  if (!(popular_factor >= 1)) {
    return absl::InvalidArgumentError(
        "boilerplate popular_factor must be >= 1");
  }
  if (sample_bytes < 1) {
    return absl::InvalidArgumentError("boilerplate sample_bytes must be >= 1");
  }
  return absl::OkStatus();
}

BoilerplateFilter::BoilerplateFilter(
    const std::vector<std::pair<uint64_t, uint32_t>>& frequencies,
    uint32_t threshold, const BoilerplateOptions& options)
    : threshold_(threshold), options_(options) {
  size_t slots = 16;
  while (slots < 2 * frequencies.size()) slots *= 2;
  if (!frequencies.empty()) {
    keys_.assign(slots, 0);
    dfs_.assign(slots, 0);
    mask_ = slots - 1;
  }
  for (const auto& [shingle, df] : frequencies) {
    assert(df > 0);
    uint64_t i = shingle & mask_;
    while (dfs_[i] != 0 && keys_[i] != shingle) i = (i + 1) & mask_;
    size_ += dfs_[i] == 0;
    keys_[i] = shingle;
    dfs_[i] = df;
    const uint64_t bit = shingle >> (64 - kPrefilterBits);
    prefilter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

namespace {

// The rule of SuppressBoilerplate, given only the common shingles: their
// positions in *shingles (ascending) and DFs (> 0).
size_t SuppressCommon(std::vector<uint64_t>* shingles,
                      std::span<const uint32_t> positions,
                      std::span<const uint32_t> dfs, uint32_t threshold,
                      const BoilerplateOptions& options) {
  if (dfs.empty()) return 0;
  const size_t n = shingles->size();
  const size_t rare = n - dfs.size();
  uint32_t cut = threshold;
  const size_t quantile_rank =
      static_cast<size_t>(options.popular_quantile * static_cast<double>(n));
  if (rare <= quantile_rank) {
    // A popular story: the quantile falls among its common shingles.
    thread_local std::vector<uint32_t> sorted;
    sorted.assign(dfs.begin(), dfs.end());
    auto nth = sorted.begin() + (quantile_rank - rare);
    std::nth_element(sorted.begin(), nth, sorted.end());
    cut = static_cast<uint32_t>(std::min<double>(
        UINT32_MAX, options.popular_factor * static_cast<double>(*nth)));
    cut = std::max(cut, threshold);
  }
  size_t removed = 0;
  for (uint32_t f : dfs) removed += f >= cut;
  if (removed == 0 || removed == n) return 0;
  // Compact in place: only the common positions need a decision.
  uint64_t* data = shingles->data();
  size_t out = positions[0];
  size_t from = positions[0];
  for (size_t c = 0; c < positions.size(); ++c) {
    const size_t at = positions[c];
    if (dfs[c] < cut) continue;  // kept: stays in the run being moved
    // The run before `at` moves down (ranges may overlap).
    std::memmove(data + out, data + from, (at - from) * sizeof(uint64_t));
    out += at - from;
    from = at + 1;
  }
  std::memmove(data + out, data + from, (n - from) * sizeof(uint64_t));
  out += n - from;
  shingles->resize(out);
  return removed;
}

}  // namespace

size_t SuppressBoilerplate(std::vector<uint64_t>* shingles,
                           std::span<const uint32_t> df, uint32_t threshold,
                           const BoilerplateOptions& options) {
  assert(df.size() == shingles->size());
  thread_local std::vector<uint32_t> positions, dfs;
  positions.clear();
  dfs.clear();
  for (size_t i = 0; i < df.size(); ++i) {
    if (df[i]) {
      positions.push_back(static_cast<uint32_t>(i));
      dfs.push_back(df[i]);
    }
  }
  return SuppressCommon(shingles, positions, dfs, threshold, options);
}

size_t BoilerplateFilter::Apply(std::vector<uint64_t>* shingles) const {
  if (size_ == 0 || shingles->empty()) return 0;
  // The prefilter bitmap (in cache) rules out almost every shingle; the
  // table slots of its hits are prefetched, then looked up, so that their
  // cache misses overlap.
  // Stack buffers (a thread_local here costs a TLS lookup per push).
  absl::InlinedVector<uint32_t, 256> positions, dfs;
  const uint64_t* data = shingles->data();
  const uint64_t* prefilter = prefilter_.data();
  for (size_t i = 0, n = shingles->size(); i < n; ++i) {
    const uint64_t bit = data[i] >> (64 - kPrefilterBits);
    if (!((prefilter[bit >> 6] >> (bit & 63)) & 1)) continue;
    positions.push_back(static_cast<uint32_t>(i));
    const uint64_t slot = data[i] & mask_;
    __builtin_prefetch(&keys_[slot]);
    __builtin_prefetch(&dfs_[slot]);
  }
  size_t kept = 0;
  for (uint32_t at : positions) {
    if (const uint32_t df = Lookup(data[at])) {
      positions[kept++] = at;
      dfs.push_back(df);
    }
  }
  positions.resize(kept);
  return SuppressCommon(shingles, positions, dfs, threshold_, options_);
}

std::vector<std::pair<uint64_t, uint32_t>> BoilerplateFilter::Frequencies()
    const {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(size_);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (dfs_[i] != 0) out.emplace_back(keys_[i], dfs_[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

DocumentFrequencyCounter::DocumentFrequencyCounter(
    uint64_t expected_shingles, const BoilerplateOptions& options)
    : options_(options) {
  const uint64_t slots = std::clamp<uint64_t>(
      std::bit_ceil(std::max<uint64_t>(expected_shingles, 1) * 2),
      uint64_t{1} << 16, uint64_t{1} << 26);
  shift_ = 64 - std::countr_zero(slots);
  counts_ = std::make_unique<std::atomic<uint16_t>[]>(slots);  // zeroed
}

void DocumentFrequencyCounter::AddDocument(std::span<const uint64_t> shingles) {
  documents_.fetch_add(1, std::memory_order_relaxed);
  // The table is far larger than the caches: fetch kAhead slots ahead so
  // that the misses overlap.
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < shingles.size(); ++i) {
    if (i + kAhead < shingles.size()) {
      __builtin_prefetch(&counts_[Slot(shingles[i + kAhead])], 1);
    }
    std::atomic<uint16_t>& count = counts_[Slot(shingles[i])];
    // Saturate well below 2^16: concurrent adders can overshoot the check
    // by at most one each.
    if (count.load(std::memory_order_relaxed) < kSaturation) {
      count.fetch_add(1, std::memory_order_relaxed);
    }
  }
}

uint32_t DocumentFrequencyCounter::Threshold() const {
  return static_cast<uint32_t>(
      std::max<double>(options_.min_documents,
                       std::ceil(options_.min_document_fraction *
                                 static_cast<double>(documents_.load()))));
}

void DocumentFrequencyCounter::Collect(std::span<const uint64_t> shingles) {
  const uint32_t threshold = Threshold();
  thread_local std::vector<uint64_t> reached;
  reached.clear();
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < shingles.size(); ++i) {
    if (i + kAhead < shingles.size()) {
      __builtin_prefetch(&counts_[Slot(shingles[i + kAhead])]);
    }
    if (counts_[Slot(shingles[i])].load(std::memory_order_relaxed) >=
        threshold) {
      reached.push_back(shingles[i]);
    }
  }
  if (reached.empty()) return;
  std::lock_guard<std::mutex> lock(candidates_mutex_);
  candidates_.insert(reached.begin(), reached.end());
}

BoilerplateFilter DocumentFrequencyCounter::Finish() {
  const uint32_t threshold = Threshold();
  std::vector<std::pair<uint64_t, uint32_t>> boilerplate;
  boilerplate.reserve(candidates_.size());
  for (uint64_t s : candidates_) {
    boilerplate.emplace_back(s,
                             counts_[Slot(s)].load(std::memory_order_relaxed));
  }
  std::sort(boilerplate.begin(), boilerplate.end());
  return BoilerplateFilter(boilerplate, threshold, options_);
}

}  // namespace neardup

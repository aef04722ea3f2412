#include "neardup/boilerplate.h"

#include <algorithm>
#include <bit>
#include <cmath>

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
  frequencies_.reserve(frequencies.size());
  for (const auto& [shingle, df] : frequencies) {
    frequencies_.emplace(shingle, df);
    const uint64_t bit = shingle >> (64 - kPrefilterBits);
    prefilter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

size_t BoilerplateFilter::Apply(std::vector<uint64_t>* shingles) const {
  if (frequencies_.empty() || shingles->empty()) return 0;
  // One pass finds the common shingles (position and DF); removal then
  // touches only those positions.
  thread_local std::vector<uint32_t> common;  // DF of the common shingles
  thread_local std::vector<uint32_t> where;   // their positions
  common.clear();
  where.clear();
  const uint64_t* data = shingles->data();
  const size_t n = shingles->size();
  for (size_t i = 0; i < n; ++i) {
    if (const uint32_t df = Frequency(data[i])) {
      common.push_back(df);
      where.push_back(static_cast<uint32_t>(i));
    }
  }
  if (common.empty()) return 0;
  const size_t rare = n - common.size();
  uint32_t cut = threshold_;
  const size_t quantile_rank =
      static_cast<size_t>(options_.popular_quantile * static_cast<double>(n));
  if (rare <= quantile_rank) {
    // A popular story: the quantile falls among its common shingles.
    thread_local std::vector<uint32_t> sorted;
    sorted.assign(common.begin(), common.end());
    auto nth = sorted.begin() + (quantile_rank - rare);
    std::nth_element(sorted.begin(), nth, sorted.end());
    cut = static_cast<uint32_t>(std::min<double>(
        UINT32_MAX, options_.popular_factor * static_cast<double>(*nth)));
    cut = std::max(cut, threshold_);
  }
  size_t removed = 0;
  for (uint32_t df : common) removed += df >= cut;
  if (removed == 0 || removed == n) return 0;
  // Compact in place, skipping the removed positions (ascending).
  uint64_t* out = shingles->data();
  size_t write = where[0];
  size_t next_common = 0;
  for (size_t i = where[0]; i < n; ++i) {
    if (next_common < where.size() && where[next_common] == i) {
      if (common[next_common++] >= cut) continue;
    }
    out[write++] = out[i];
  }
  shingles->resize(write);
  return removed;
}

std::vector<std::pair<uint64_t, uint32_t>> BoilerplateFilter::Frequencies()
    const {
  std::vector<std::pair<uint64_t, uint32_t>> out(frequencies_.begin(),
                                                 frequencies_.end());
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
  counts_ = std::make_unique<std::atomic<uint16_t>[]>(slots);
  for (uint64_t i = 0; i < slots; ++i) {
    counts_[i].store(0, std::memory_order_relaxed);
  }
}

void DocumentFrequencyCounter::AddDocument(std::span<const uint64_t> shingles) {
  documents_.fetch_add(1, std::memory_order_relaxed);
  // Shingles whose count reaches min_documents become candidates; collect
  // them locally and take the lock once per document.
  thread_local std::vector<uint64_t> reached;
  reached.clear();
  for (uint64_t s : shingles) {
    std::atomic<uint16_t>& count = counts_[Slot(s)];
    // Saturate well below 2^16: concurrent adders can overshoot the check
    // by at most one each.
    uint32_t now = count.load(std::memory_order_relaxed);
    if (now < kSaturation) {
      now = count.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    if (now >= options_.min_documents) reached.push_back(s);
  }
  if (reached.empty()) return;
  std::lock_guard<std::mutex> lock(candidates_mutex_);
  candidates_.insert(reached.begin(), reached.end());
}

void DocumentFrequencyCounter::CountDocument(
    std::span<const uint64_t> shingles) {
  documents_.fetch_add(1, std::memory_order_relaxed);
  for (uint64_t s : shingles) {
    std::atomic<uint16_t>& count = counts_[Slot(s)];
    if (count.load(std::memory_order_relaxed) < kSaturation) {
      count.fetch_add(1, std::memory_order_relaxed);
    }
  }
}

void DocumentFrequencyCounter::CollectCandidates(
    std::span<const uint64_t> shingles) {
  second_pass_.store(true, std::memory_order_relaxed);
  const uint32_t threshold = Threshold();
  thread_local std::vector<uint64_t> reached;
  reached.clear();
  for (uint64_t s : shingles) {
    if (counts_[Slot(s)].load(std::memory_order_relaxed) >= threshold) {
      reached.push_back(s);
    }
  }
  if (reached.empty()) return;
  std::lock_guard<std::mutex> lock(candidates_mutex_);
  collected_.insert(reached.begin(), reached.end());
}

uint32_t DocumentFrequencyCounter::Threshold() const {
  const uint64_t docs = documents_.load();
  return static_cast<uint32_t>(std::max<double>(
      options_.min_documents,
      std::ceil(options_.min_document_fraction * static_cast<double>(docs))));
}

BoilerplateFilter DocumentFrequencyCounter::Finish() {
  const uint32_t threshold = Threshold();
  std::vector<std::pair<uint64_t, uint32_t>> boilerplate;
  for (uint64_t s : second_pass_.load() ? collected_ : candidates_) {
    const uint32_t df = counts_[Slot(s)].load(std::memory_order_relaxed);
    if (df >= threshold) boilerplate.emplace_back(s, df);
  }
  std::sort(boilerplate.begin(), boilerplate.end());
  return BoilerplateFilter(boilerplate, threshold, options_);
}

}  // namespace neardup

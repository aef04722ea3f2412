#include "neardup/lsh_index.h"

#include <algorithm>
#include <cassert>
#include <cmath>
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
    : options_(options), params_(params), buckets_(params.bands) {}

void LshIndex::BandKeys(std::span<const uint32_t> signature,
                        std::span<uint64_t> keys) const {
  assert(keys.size() == static_cast<size_t>(params_.bands));
  assert(signature.size() >=
         static_cast<size_t>(params_.bands) * params_.rows);
  const size_t row_bytes = sizeof(uint32_t) * params_.rows;
  for (int band = 0; band < params_.bands; ++band) {
    keys[band] = XXH3_64bits_withSeed(signature.data() + band * params_.rows,
                                      row_bytes, options_.seed + band);
  }
}

void LshIndex::Add(uint32_t doc, std::span<const uint64_t> keys) {
  const size_t b = params_.bands;
  assert(keys.size() == b);
  assert(!Contains(doc));
  if (doc >= present_.size()) {
    present_.resize(doc + 1, false);
    next_.resize((doc + 1) * b, kNone);
    keys_.resize((doc + 1) * b, 0);
  }
  for (size_t band = 0; band < b; ++band) {
    auto [it, inserted] = buckets_[band].try_emplace(keys[band], doc);
    next_[doc * b + band] = inserted ? kNone : it->second;
    it->second = doc;
    keys_[doc * b + band] = keys[band];
  }
  present_[doc] = true;
  ++size_;
}

void LshIndex::AddBulk(std::span<const uint32_t> docs,
                       std::span<const uint64_t> keys, int threads) {
  const size_t b = params_.bands;
  assert(keys.size() == docs.size() * b);
  if (docs.empty()) return;
  const uint32_t max_doc = *std::max_element(docs.begin(), docs.end());
  if (max_doc >= present_.size()) {
    present_.resize(size_t{max_doc} + 1, false);
    next_.resize((size_t{max_doc} + 1) * b, kNone);
    keys_.resize((size_t{max_doc} + 1) * b, 0);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    assert(!Contains(docs[i]));
    std::copy_n(keys.begin() + i * b, b, keys_.begin() + size_t{docs[i]} * b);
    present_[docs[i]] = true;
  }
  size_ += docs.size();
  std::atomic<size_t> next_band{0};
  auto work = [&] {
    for (size_t band; (band = next_band.fetch_add(1)) < b;) {
      auto& bucket = buckets_[band];
      bucket.reserve(bucket.size() + docs.size());
      for (size_t i = 0; i < docs.size(); ++i) {
        const uint32_t doc = docs[i];
        auto [it, inserted] = bucket.try_emplace(keys[i * b + band], doc);
        next_[size_t{doc} * b + band] = inserted ? kNone : it->second;
        it->second = doc;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::min<int>(threads, static_cast<int>(b)); ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& th : pool) th.join();
}

size_t LshIndex::Query(std::span<const uint64_t> keys,
                       std::vector<uint32_t>* candidates) const {
  const size_t b = params_.bands;
  assert(keys.size() == b);
  candidates->clear();
  size_t visited = 0;
  bool truncated = false;
  for (size_t band = 0; band < b; ++band) {
    auto it = buckets_[band].find(keys[band]);
    if (it == buckets_[band].end()) continue;
    int scanned = 0;
    for (uint32_t doc = it->second; doc != kNone; doc = next_[doc * b + band]) {
      if (scanned++ == options_.max_bucket_scan) {
        truncated = true;
        break;
      }
      candidates->push_back(doc);
    }
    visited += scanned;
  }
  if (truncated) {
    truncated_scans_.value.fetch_add(1, std::memory_order_relaxed);
  }
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()),
                    candidates->end());
  return visited;
}

bool LshIndex::Remove(uint32_t doc) {
  if (!Contains(doc)) return false;
  const size_t b = params_.bands;
  for (size_t band = 0; band < b; ++band) {
    auto it = buckets_[band].find(keys_[doc * b + band]);
    assert(it != buckets_[band].end());
    const uint32_t after = next_[doc * b + band];
    if (it->second == doc) {
      if (after == kNone) {
        buckets_[band].erase(it);
      } else {
        it->second = after;
      }
    } else {
      uint32_t prev = it->second;
      while (next_[prev * b + band] != doc) prev = next_[prev * b + band];
      next_[prev * b + band] = after;
    }
    next_[doc * b + band] = kNone;
  }
  present_[doc] = false;
  --size_;
  return true;
}

void LshIndex::Reserve(size_t docs) {
  const size_t b = params_.bands;
  next_.reserve(docs * b);
  keys_.reserve(docs * b);
  present_.reserve(docs);
  for (auto& bucket : buckets_) bucket.reserve(docs);
}

size_t LshIndex::MemoryUsage() const {
  size_t bytes = next_.capacity() * sizeof(uint32_t) +
                 keys_.capacity() * sizeof(uint64_t) + present_.capacity() / 8;
  for (const auto& bucket : buckets_) {
    bytes += bucket.capacity() * (sizeof(uint64_t) + sizeof(uint32_t) + 1);
  }
  return bytes;
}

}  // namespace neardup

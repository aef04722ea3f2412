#include "neardup/sketch.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "internal/mix.h"

namespace neardup {

using internal::FastRange32;
using internal::Mix64;

absl::Status SketchOptions::Validate() const {
  if (num_perm < 8 || num_perm > 4096) {
    return absl::InvalidArgumentError(
        absl::StrCat("num_perm (k) must be in [8, 4096], got ", num_perm));
  }
  return absl::OkStatus();
}

absl::StatusOr<SketchAlgorithm> ParseSketchAlgorithm(std::string_view name) {
  if (name == "oph") return SketchAlgorithm::kOph;
  if (name == "classic") return SketchAlgorithm::kClassic;
  return absl::InvalidArgumentError(
      absl::StrCat("sketch algorithm must be 'oph' or 'classic', got '",
                   std::string(name), "'"));
}

std::string_view SketchAlgorithmName(SketchAlgorithm algorithm) {
  return algorithm == SketchAlgorithm::kOph ? "oph" : "classic";
}

absl::StatusOr<Sketcher> Sketcher::Create(const SketchOptions& options) {
  if (absl::Status status = options.Validate(); !status.ok()) return status;
  return Sketcher(options);
}

Sketcher::Sketcher(const SketchOptions& options) : options_(options) {
  if (options_.algorithm == SketchAlgorithm::kOph) {
    // The densification probe sequences of SignOph, first kProbes steps.
    const uint32_t k = static_cast<uint32_t>(options_.num_perm);
    const uint64_t seed = Mix64(options_.seed);
    probes_.resize(size_t{k} * kProbes);
    for (uint32_t bin = 0; bin < k; ++bin) {
      uint64_t probe_state = Mix64(seed ^ (uint64_t{bin} << 32));
      for (int step = 0; step < kProbes; ++step) {
        probe_state = Mix64(probe_state + 0x9e3779b97f4a7c15ULL);
        probes_[size_t{bin} * kProbes + step] = static_cast<uint16_t>(
            FastRange32(static_cast<uint32_t>(probe_state >> 32), k));
      }
      probe_states_.push_back(probe_state);
    }
    if (k <= kMaxFirstStepK) {
      first_step_.assign(size_t{k} * k, 0xFF);
      for (uint32_t bin = 0; bin < k; ++bin) {
        for (int step = kProbes - 1; step >= 0; --step) {
          first_step_[size_t{bin} * k + probes_[size_t{bin} * kProbes + step]] =
              static_cast<uint8_t>(step);
        }
      }
    }
  }
  if (options_.algorithm == SketchAlgorithm::kClassic) {
    internal::SplitMix64 rng(options_.seed ^ 0x6a09e667f3bcc908ULL);
    multipliers_.resize(options_.num_perm);
    offsets_.resize(options_.num_perm);
    for (int i = 0; i < options_.num_perm; ++i) {
      multipliers_[i] = rng.Next() | 1;
      offsets_[i] = rng.Next();
    }
  }
}

void Sketcher::Sign(std::span<const uint64_t> shingles,
                    std::span<uint32_t> signature) const {
  assert(!shingles.empty());
  assert(signature.size() == static_cast<size_t>(options_.num_perm));
  if (options_.algorithm == SketchAlgorithm::kOph) {
    SignOph(shingles, signature);
  } else {
    SignClassic(shingles, signature);
  }
}

void Sketcher::SignOph(std::span<const uint64_t> shingles,
                       std::span<uint32_t> signature) const {
  const uint32_t k = static_cast<uint32_t>(options_.num_perm);
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  // empty[bin] is 0xFF until a shingle lands in the bin (tracked apart from
  // the value, so a genuine value of 0xFFFFFFFF is not mistaken for an
  // empty bin), then 0.
  alignas(64) uint8_t empty[4096];
  std::memset(empty, 0xFF, k);
  std::fill(signature.begin(), signature.end(), kEmpty);
  uint32_t* const sig = signature.data();
  const uint64_t seed = Mix64(options_.seed);
  for (uint64_t shingle : shingles) {
    const uint64_t x = Mix64(shingle ^ seed);
    const uint32_t bin = FastRange32(static_cast<uint32_t>(x >> 32), k);
    const uint32_t value = static_cast<uint32_t>(x);
    sig[bin] = std::min(sig[bin], value);
    empty[bin] = 0;
  }
  // Optimal densification: empty bin i probes bins h(i, 1), h(i, 2), ...
  // (a sequence fixed by i and the seed, the same for every set) and copies
  // the value of the first filled one. The first kProbes steps of every
  // bin's sequence are precomputed (probes_); with first_step_ (small k)
  // the first filled bin among them is found without branches: the
  // smallest step at which the sequence reaches a filled bin, a byte-wise
  // minimum over k bytes. Longer searches (sets much smaller than k)
  // continue the same sequence by hashing.
  for (uint32_t bin = 0; bin < k; ++bin) {
    if (!empty[bin]) continue;
    const uint16_t* probes = &probes_[size_t{bin} * kProbes];
    int step;
    if (!first_step_.empty()) {
      const uint8_t* row = &first_step_[size_t{bin} * k];
      uint8_t m = 0xFF;
      for (uint32_t t = 0; t < k; ++t) {
        m = std::min<uint8_t>(m, row[t] | empty[t]);
      }
      step = m == 0xFF ? kProbes : m;
    } else {
      step = 0;
      while (step < kProbes && empty[probes[step]]) ++step;
    }
    if (step < kProbes) {
      sig[bin] = sig[probes[step]];
      continue;
    }
    uint64_t probe_state = probe_states_[bin];
    while (true) {
      probe_state = Mix64(probe_state + 0x9e3779b97f4a7c15ULL);
      const uint32_t source =
          FastRange32(static_cast<uint32_t>(probe_state >> 32), k);
      if (!empty[source]) {
        sig[bin] = sig[source];
        break;
      }
    }
  }
}

void Sketcher::SignClassic(std::span<const uint64_t> shingles,
                           std::span<uint32_t> signature) const {
  const size_t k = signature.size();
  std::fill(signature.begin(), signature.end(),
            std::numeric_limits<uint32_t>::max());
  const uint64_t* a = multipliers_.data();
  const uint64_t* b = offsets_.data();
  uint32_t* out = signature.data();
  for (uint64_t shingle : shingles) {
    // Inner loop over k is branch-free so the compiler can vectorise it.
    for (size_t i = 0; i < k; ++i) {
      const uint32_t h = static_cast<uint32_t>((a[i] * shingle + b[i]) >> 32);
      out[i] = h < out[i] ? h : out[i];
    }
  }
}

double EstimateJaccard(std::span<const uint32_t> a,
                       std::span<const uint32_t> b) {
  assert(a.size() == b.size() && !a.empty());
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace neardup

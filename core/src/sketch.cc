#include "neardup/sketch.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "internal/mix.h"
#include "internal/oph_hash.h"

namespace neardup {

using internal::FastRange32;
using internal::Mix64;

namespace {

// min(a, b) without a branch (a mispredicted branch per shingle costs more
// than the arithmetic).
inline uint32_t BranchFreeMin(uint32_t a, uint32_t b) {
  return a ^ ((a ^ b) & (0u - static_cast<uint32_t>(b < a)));
}

}  // namespace

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
    // Byte copies of the first eight steps for FirstProbeHits, padded to
    // whole 32-byte vectors (the padding probes bin 0 and is ignored).
    if (k <= kMaxShuffleK && internal::HaveShuffleHits()) {
      probes8_.assign((size_t{k} * 8 + 31) / 32 * 32, 0);
      for (uint32_t bin = 0; bin < k; ++bin) {
        for (int step = 0; step < 8; ++step) {
          probes8_[size_t{bin} * 8 + step] =
              static_cast<uint8_t>(probes_[size_t{bin} * kProbes + step]);
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
  // filled[bin] becomes 1 when a shingle lands in the bin (tracked apart
  // from the value, so a genuine value of 0xFFFFFFFF is not mistaken for an
  // empty bin). Bytes from k up to the next multiple of 64 read as filled,
  // so the empty-bin bitmap below needs no tail handling.
  alignas(64) uint8_t filled[4096];
  const uint32_t words = (k + 63) / 64;
  std::memset(filled, 0, k);
  std::memset(filled + k, 1, size_t{words} * 64 - k);
  std::fill(signature.begin(), signature.end(), kEmpty);
  uint32_t* const sig = signature.data();
  const uint64_t seed = Mix64(options_.seed);
  // Hashes go through HashToBins (AVX2 when the CPU has it) in blocks, then
  // each bin keeps its minimum.
  constexpr size_t kBlock = 256;
  alignas(32) uint32_t bins[kBlock];
  alignas(32) uint32_t values[kBlock];
  const uint64_t* in = shingles.data();
  alignas(64) uint32_t copy_storage[512];
  uint32_t* copy = nullptr;
  if (shingles.size() >= 512 && k <= 512) {
    copy = copy_storage;
    std::fill_n(copy, k, kEmpty);
  }
  for (size_t left = shingles.size(); left > 0;) {
    const size_t m = std::min(left, kBlock);
    internal::HashToBins(in, m, seed, k, bins, values);
    if (copy != nullptr) {
      size_t i = 0;
      for (; i + 2 <= m; i += 2) {
        const uint32_t b0 = bins[i], b1 = bins[i + 1];
        sig[b0] = BranchFreeMin(sig[b0], values[i]);
        copy[b1] = BranchFreeMin(copy[b1], values[i + 1]);
        filled[b0] = 1;
        filled[b1] = 1;
      }
      for (; i < m; ++i) {
        sig[bins[i]] = std::min(sig[bins[i]], values[i]);
        filled[bins[i]] = 1;
      }
    } else {
      for (size_t i = 0; i < m; ++i) {
        const uint32_t bin = bins[i];
        sig[bin] = BranchFreeMin(sig[bin], values[i]);
        filled[bin] = 1;
      }
    }
    in += m;
    left -= m;
  }
  if (copy != nullptr) {
    for (uint32_t b = 0; b < k; ++b) sig[b] = std::min(sig[b], copy[b]);
  }
  // Optimal densification: empty bin i probes bins h(i, 1), h(i, 2), ...
  // (a sequence fixed by i and the seed, the same for every set) and copies
  // the value of the first filled one. Empty bins are visited through a
  // bitmap (no branch per bin); the first kProbes steps of every bin's
  // sequence are precomputed (probes_), and the first eight are tested at
  // once, without branches. Longer searches (sets much smaller than k)
  // continue the same sequence by hashing.
  uint64_t empty_bits[64];
  uint32_t num_empty = 0;
  for (uint32_t w = 0; w < words; ++w) {
    empty_bits[w] = internal::ZeroByteMask64(filled + w * 64);
    num_empty += static_cast<uint32_t>(std::popcount(empty_bits[w]));
  }
  if (num_empty == 0) return;
  // hits[bin] bit s: step s of bin's sequence reaches a filled bin, s < 8.
  // With AVX2 and k <= 128 it is computed for all bins at once (a 16-byte
  // filled bitmap looked up by byte shuffles), worth it when many bins
  // are empty; otherwise per empty bin.
  alignas(32) uint8_t hits[kMaxShuffleK];
  const bool all_hits =
      !probes8_.empty() && num_empty >= k / 16 &&
      internal::FirstProbeHits(probes8_.data(), k, empty_bits, hits);
  for (uint32_t w = 0; w < words; ++w) {
    uint64_t empty = empty_bits[w];
    while (empty != 0) {
      const uint32_t bin =
          w * 64 + static_cast<uint32_t>(std::countr_zero(empty));
      empty &= empty - 1;
      const uint16_t* probes = &probes_[size_t{bin} * kProbes];
      uint32_t hit;
      if (all_hits) {
        hit = hits[bin];
      } else {
        hit = 0;
        for (int step = 0; step < 8; ++step) {
          hit |= uint32_t{filled[probes[step]]} << step;
        }
      }
      int step;
      if (hit != 0) [[likely]] {
        step = std::countr_zero(hit);
      } else {
        step = 8;
        while (step < kProbes && !filled[probes[step]]) ++step;
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
        if (filled[source]) {
          sig[bin] = sig[source];
          break;
        }
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

#include "neardup/sketch.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "absl/strings/str_cat.h"
#include "internal/mix.h"

namespace neardup {

using internal::FastRange32;
using internal::Mix64;

absl::Status SketchOptions::Validate() const {
  if (num_perm < 8 || num_perm > 4096) {
    return absl::InvalidArgumentError(absl::StrCat(
        "num_perm (k) must be in [8, 4096], got ", num_perm));
  }
  return absl::OkStatus();
}

absl::StatusOr<SketchAlgorithm> ParseSketchAlgorithm(std::string_view name) {
  if (name == "oph") return SketchAlgorithm::kOph;
  if (name == "classic") return SketchAlgorithm::kClassic;
  return absl::InvalidArgumentError(absl::StrCat(
      "sketch algorithm must be 'oph' or 'classic', got '", std::string(name),
      "'"));
}

std::string_view SketchAlgorithmName(SketchAlgorithm algorithm) {
  return algorithm == SketchAlgorithm::kOph ? "oph" : "classic";
}

absl::StatusOr<Sketcher> Sketcher::Create(const SketchOptions& options) {
  if (absl::Status status = options.Validate(); !status.ok()) return status;
  return Sketcher(options);
}

Sketcher::Sketcher(const SketchOptions& options) : options_(options) {
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
  // A bin is empty iff it still holds kEmpty and no shingle landed in it;
  // track occupancy separately so a genuine value of 0xFFFFFFFF is not
  // mistaken for an empty bin.
  uint64_t filled_words[4096 / 64] = {};
  std::fill(signature.begin(), signature.end(), kEmpty);
  const uint64_t seed = Mix64(options_.seed);
  for (uint64_t shingle : shingles) {
    const uint64_t x = Mix64(shingle ^ seed);
    const uint32_t bin = FastRange32(static_cast<uint32_t>(x >> 32), k);
    const uint32_t value = static_cast<uint32_t>(x);
    signature[bin] = std::min(signature[bin], value);
    filled_words[bin >> 6] |= uint64_t{1} << (bin & 63);
  }
  auto filled = [&](uint32_t bin) {
    return (filled_words[bin >> 6] >> (bin & 63)) & 1;
  };
  // Optimal densification: empty bin i probes bins h(i, 1), h(i, 2), ...
  // (a sequence fixed by i and the seed, the same for every set) and copies
  // the value of the first filled one.
  for (uint32_t bin = 0; bin < k; ++bin) {
    if (filled(bin)) continue;
    uint64_t probe_state = Mix64(seed ^ (uint64_t{bin} << 32));
    while (true) {
      probe_state = Mix64(probe_state + 0x9e3779b97f4a7c15ULL);
      const uint32_t source =
          FastRange32(static_cast<uint32_t>(probe_state >> 32), k);
      if (filled(source)) {
        signature[bin] = signature[source];
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

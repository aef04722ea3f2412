// MinHash sketches: a set of 64-bit shingle hashes -> k 32-bit values whose
// pairwise agreement rate estimates Jaccard similarity J(A, B) = |A∩B|/|A∪B|.
//
// Two algorithms:
//   * SketchAlgorithm::kOph (default): one-permutation hashing with optimal
//     densification (Shrivastava, "Optimal Densification for Fast and
//     Accurate Minwise Hashing", ICML 2017). Each shingle hash is remixed
//     with the seed; its high 32 bits pick one of k bins, its low 32 bits are
//     the value; each bin keeps its minimum. Empty bins borrow the value of
//     the first non-empty bin on a per-bin pseudo-random probe sequence that
//     is the same for every set, which keeps the estimator unbiased.
//     O(n + k) per set of n shingles.
//   * SketchAlgorithm::kClassic: k independent multiply-shift hash functions
//     h_i(x) = high32(a_i·x + b_i), min over the set (Broder 1997). O(n·k).
// Both are deterministic functions of (shingle hashes, k, seed): golden
// tests pin them, and kSignatureVersion changes only on purpose when the
// text -> signature path changes.
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto sketcher, neardup::Sketcher::Create({}));
//   std::vector<uint32_t> a(sketcher.k()), b(sketcher.k());
//   sketcher.Sign(set_a.hashes, a);
//   sketcher.Sign(set_b.hashes, b);
//   double j = neardup::EstimateJaccard(a, b);
#ifndef NEARDUP_SKETCH_H_
#define NEARDUP_SKETCH_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

/// Version of the whole text -> signature path (normalisation, tokenising,
/// shingling and sketching). Stored results are comparable only between
/// equal versions.
inline constexpr int kSignatureVersion = 2;

enum class SketchAlgorithm { kOph, kClassic };

struct SketchOptions {
  int num_perm = 128;  ///< k, the signature length, 8..4096
  SketchAlgorithm algorithm = SketchAlgorithm::kOph;
  uint64_t seed = 1;  ///< seed of the permutations

  absl::Status Validate() const;
};

/// Parses "oph" or "classic".
absl::StatusOr<SketchAlgorithm> ParseSketchAlgorithm(std::string_view name);
std::string_view SketchAlgorithmName(SketchAlgorithm algorithm);

class Sketcher {
 public:
  static absl::StatusOr<Sketcher> Create(const SketchOptions& options);

  int k() const { return options_.num_perm; }
  const SketchOptions& options() const { return options_; }

  /// Writes the signature of the set `shingles` (distinct 64-bit hashes, any
  /// order) to `signature` (size k). Precondition: shingles is not empty.
  void Sign(std::span<const uint64_t> shingles,
            std::span<uint32_t> signature) const;

 private:
  explicit Sketcher(const SketchOptions& options);
  void SignOph(std::span<const uint64_t> shingles,
               std::span<uint32_t> signature) const;
  void SignClassic(std::span<const uint64_t> shingles,
                   std::span<uint32_t> signature) const;

  SketchOptions options_;
  std::vector<uint64_t> multipliers_;  ///< classic: odd a_i, size k
  std::vector<uint64_t> offsets_;      ///< classic: b_i, size k
  /// OPH: the first kProbes bins of each bin's densification probe
  /// sequence, k x kProbes (bins < 4096 fit 16 bits).
  static constexpr int kProbes = 64;
  std::vector<uint16_t> probes_;
  /// OPH, k <= kMaxShuffleK with AVX2: the first 8 probes of each bin as
  /// bytes (internal::FirstProbeHits), else empty.
  static constexpr uint32_t kMaxShuffleK = 128;
  std::vector<uint8_t> probes8_;
  /// OPH: each bin's probe-sequence state after kProbes steps, size k.
  std::vector<uint64_t> probe_states_;
};

/// Fraction of positions where `a` and `b` agree: an unbiased estimate of
/// J for both algorithms. Precondition: a.size() == b.size() > 0.
double EstimateJaccard(std::span<const uint32_t> a,
                       std::span<const uint32_t> b);

}  // namespace neardup

#endif  // NEARDUP_SKETCH_H_

#include "neardup/verify.h"

#include <algorithm>
#include <cassert>

#include "absl/strings/str_cat.h"

namespace neardup {

namespace {

// Counts elements of `small` found in `large` by binary search from a moving
// lower bound: O(|small| log |large|), better when |small| << |large|.
template <typename T>
uint64_t GallopingIntersection(std::span<const T> small,
                               std::span<const T> large) {
  uint64_t count = 0;
  auto begin = large.begin();
  for (T x : small) {
    begin = std::lower_bound(begin, large.end(), x);
    if (begin == large.end()) break;
    if (*begin == x) {
      ++count;
      ++begin;
    }
  }
  return count;
}

}  // namespace

namespace {

template <typename T>
uint64_t IntersectionSizeOf(std::span<const T> a, std::span<const T> b) {
  assert(std::is_sorted(a.begin(), a.end()));
  assert(std::is_sorted(b.begin(), b.end()));
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return 0;
  if (a.size() * 32 < b.size()) return GallopingIntersection(a, b);
  uint64_t count = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const T x = a[i], y = b[j];
    count += x == y;
    i += x <= y;
    j += y <= x;
  }
  return count;
}

}  // namespace

uint64_t IntersectionSize(std::span<const uint64_t> a,
                          std::span<const uint64_t> b) {
  return IntersectionSizeOf(a, b);
}
uint64_t IntersectionSize(std::span<const uint32_t> a,
                          std::span<const uint32_t> b) {
  return IntersectionSizeOf(a, b);
}

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kNear:
      return "near";
    case MatchKind::kContained:
      return "contained";
    case MatchKind::kReworded:
      return "reworded";
  }
  return "unknown";
}

absl::Status MatchOptions::Validate() const {
  if (!(threshold > 0 && threshold <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("threshold must be in (0, 1], got ", threshold));
  }
  if (!(containment_threshold >= 0 && containment_threshold <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("containment threshold must be in [0, 1], got ",
                     containment_threshold));
  }
  if (!(reworded_min_jaccard >= 0 && reworded_min_jaccard <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("reworded minimum Jaccard must be in [0, 1], got ",
                     reworded_min_jaccard));
  }
  if (!(reworded_threshold >= 0 && reworded_threshold <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "reworded threshold must be in [0, 1], got ", reworded_threshold));
  }
  return absl::OkStatus();
}

double MatchOptions::LowestContainment() const {
  double lowest = 1.0;
  if (containment_threshold > 0)
    lowest = std::min(lowest, containment_threshold);
  if (reworded_threshold > 0) lowest = std::min(lowest, reworded_threshold);
  return lowest;
}

std::optional<Edge> Classify(uint32_t a, uint32_t b, const Similarity& s,
                             const MatchOptions& options) {
  // A hair of slack so that 0.8 computed as 4/5 passes a threshold of 0.8.
  constexpr double kSlack = 1e-9;
  Edge e{a,
         b,
         static_cast<float>(s.jaccard),
         static_cast<float>(s.containment),
         MatchKind::kNear,
         static_cast<float>(s.jaccard)};
  if (s.jaccard + kSlack >= options.threshold) return e;
  e.similarity = static_cast<float>(s.containment);
  if (options.containment_threshold > 0 &&
      s.containment + kSlack >= options.containment_threshold) {
    e.kind = MatchKind::kContained;
    return e;
  }
  if (options.reworded_threshold > 0 &&
      s.containment + kSlack >= options.reworded_threshold &&
      s.intersection >= options.min_shared &&
      s.jaccard + kSlack >= options.reworded_min_jaccard) {
    e.kind = MatchKind::kReworded;
    return e;
  }
  return std::nullopt;
}

namespace {

template <typename T>
Similarity CompareOf(std::span<const T> a, std::span<const T> b) {
  Similarity s;
  s.intersection = IntersectionSize(a, b);
  const uint64_t union_size = a.size() + b.size() - s.intersection;
  const uint64_t smaller = std::min(a.size(), b.size());
  s.jaccard = union_size ? static_cast<double>(s.intersection) / union_size : 0;
  s.containment = smaller ? static_cast<double>(s.intersection) / smaller : 0;
  return s;
}

}  // namespace

Similarity Compare(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  return CompareOf(a, b);
}
Similarity Compare(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  return CompareOf(a, b);
}

}  // namespace neardup

namespace neardup {

namespace {

Similarity SimilarityOf(uint64_t intersection, uint64_t size_a,
                        uint64_t size_b) {
  Similarity s;
  s.intersection = intersection;
  const uint64_t union_size = size_a + size_b - intersection;
  const uint64_t smaller = std::min(size_a, size_b);
  s.jaccard = union_size ? static_cast<double>(intersection) / union_size : 0;
  s.containment = smaller ? static_cast<double>(intersection) / smaller : 0;
  return s;
}

}  // namespace

uint64_t MinIntersectionToMatch(uint64_t size_a, uint64_t size_b,
                                const MatchOptions& options) {
  // Classify's acceptance is monotone in the intersection for fixed sizes
  // (Jaccard and containment both grow with it): binary search for the
  // first accepted value with Classify itself, so the bound is exact,
  // floating-point slack included.
  const uint64_t smaller = std::min(size_a, size_b);
  uint64_t lo = 0, hi = smaller + 1;  // answer in [lo, hi]
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (Classify(0, 1, SimilarityOf(mid, size_a, size_b), options)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

namespace {

template <typename T>
std::optional<Edge> CompareAndClassifyOf(uint32_t a, uint32_t b,
                                         std::span<const T> set_a,
                                         std::span<const T> set_b,
                                         const MatchOptions& options) {
  const uint64_t size_a = set_a.size(), size_b = set_b.size();
  const uint64_t needed = MinIntersectionToMatch(size_a, size_b, options);
  if (needed > std::min(size_a, size_b)) return std::nullopt;
  std::span<const T> x = set_a, y = set_b;
  if (x.size() > y.size()) std::swap(x, y);
  uint64_t count;
  if (x.size() * 32 < y.size()) {
    count = GallopingIntersection(x, y);
  } else {
    // Branch-free merge in blocks; between blocks, give up once even
    // matching every remaining element of the shorter side falls short.
    count = 0;
    size_t i = 0, j = 0;
    constexpr size_t kBlock = 32;
    while (i < x.size() && j < y.size()) {
      const size_t left = std::min(x.size() - i, y.size() - j);
      if (count + left < needed) return std::nullopt;
      // At most kBlock steps, none of which can run off either end: each
      // step advances i or j (or both) by one.
      const size_t steps = std::min(left, kBlock);
      for (size_t s = 0; s < steps; ++s) {
        const T u = x[i], v = y[j];
        count += u == v;
        i += u <= v;
        j += v <= u;
      }
    }
  }
  if (count < needed) return std::nullopt;
  return Classify(a, b, SimilarityOf(count, size_a, size_b), options);
}

}  // namespace

std::optional<Edge> CompareAndClassify(uint32_t a, uint32_t b,
                                       std::span<const uint64_t> set_a,
                                       std::span<const uint64_t> set_b,
                                       const MatchOptions& options) {
  return CompareAndClassifyOf(a, b, set_a, set_b, options);
}
std::optional<Edge> CompareAndClassify(uint32_t a, uint32_t b,
                                       std::span<const uint32_t> set_a,
                                       std::span<const uint32_t> set_b,
                                       const MatchOptions& options) {
  return CompareAndClassifyOf(a, b, set_a, set_b, options);
}

}  // namespace neardup

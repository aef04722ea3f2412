#include "neardup/verify.h"

#include <algorithm>
#include <cassert>

namespace neardup {

namespace {

// Counts elements of `small` found in `large` by binary search from a moving
// lower bound: O(|small| log |large|), better when |small| << |large|.
uint64_t GallopingIntersection(std::span<const uint64_t> small,
                               std::span<const uint64_t> large) {
  uint64_t count = 0;
  auto begin = large.begin();
  for (uint64_t x : small) {
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

uint64_t IntersectionSize(std::span<const uint64_t> a,
                          std::span<const uint64_t> b) {
  assert(std::is_sorted(a.begin(), a.end()));
  assert(std::is_sorted(b.begin(), b.end()));
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return 0;
  if (a.size() * 32 < b.size()) return GallopingIntersection(a, b);
  uint64_t count = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const uint64_t x = a[i], y = b[j];
    count += x == y;
    i += x <= y;
    j += y <= x;
  }
  return count;
}

Similarity Compare(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  Similarity s;
  s.intersection = IntersectionSize(a, b);
  const uint64_t union_size = a.size() + b.size() - s.intersection;
  const uint64_t smaller = std::min(a.size(), b.size());
  s.jaccard = union_size ? static_cast<double>(s.intersection) / union_size : 0;
  s.containment =
      smaller ? static_cast<double>(s.intersection) / smaller : 0;
  return s;
}

}  // namespace neardup

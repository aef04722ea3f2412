// Popcount of the AND of two bitmaps, with run-time dispatch: a version
// compiled for POPCNT (x86-64-v2 and later) when the CPU has it, else the
// portable one (the baseline x86-64 target has no popcount instruction, so
// std::popcount there is a library call per word). Both return the same
// number; tests/simd_test.cc checks it.
#ifndef NEARDUP_INTERNAL_BITMAP_H_
#define NEARDUP_INTERNAL_BITMAP_H_

#include <bit>
#include <cstddef>
#include <cstdint>

namespace neardup::internal {

/// Portable: SWAR popcount (no library call).
inline uint64_t AndPopcountPortable(const uint64_t* a, const uint64_t* b,
                                    size_t words) {
  uint64_t total = 0;
  for (size_t i = 0; i < words; ++i) {
    uint64_t x = a[i] & b[i];
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    total += (x * 0x0101010101010101ULL) >> 56;
  }
  return total;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("popcnt"))) inline uint64_t AndPopcountPopcnt(
    const uint64_t* a, const uint64_t* b, size_t words) {
  uint64_t total = 0;
  for (size_t i = 0; i < words; ++i) {
    total += static_cast<uint64_t>(__builtin_popcountll(a[i] & b[i]));
  }
  return total;
}

inline bool HavePopcnt() {
  static const bool have = __builtin_cpu_supports("popcnt");
  return have;
}
#endif

/// popcount(a & b) over `words` 64-bit words, the fastest path this CPU has.
inline uint64_t AndPopcount(const uint64_t* a, const uint64_t* b,
                            size_t words) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (HavePopcnt()) return AndPopcountPopcnt(a, b, words);
#endif
  return AndPopcountPortable(a, b, words);
}

/// popcount(a) over `words` words.
inline uint64_t Popcount(const uint64_t* a, size_t words) {
  return AndPopcount(a, a, words);
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_BITMAP_H_

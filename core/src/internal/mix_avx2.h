// AVX2 versions of the integer mixers of mix.h and hash.h, four 64-bit
// lanes at a time, for run-time dispatch (callers check HaveAvx2()). AVX2
// has no 64 x 64-bit multiply; MulLo64 builds the low 64 bits of the
// product from three 32 x 32 -> 64-bit multiplies, so every lane equals the
// scalar result exactly. tests/simd_test.cc checks the paths agree.
#ifndef NEARDUP_INTERNAL_MIX_AVX2_H_
#define NEARDUP_INTERNAL_MIX_AVX2_H_

#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

namespace neardup::internal {

inline bool HaveAvx2() {
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
}

/// x * c mod 2^64 in each lane, for a constant c.
__attribute__((target("avx2"))) inline __m256i MulLo64(__m256i x, uint64_t c) {
  const __m256i c_lo = _mm256_set1_epi64x(static_cast<int64_t>(c & 0xFFFFFFFF));
  const __m256i c_hi = _mm256_set1_epi64x(static_cast<int64_t>(c >> 32));
  const __m256i lo = _mm256_mul_epu32(x, c_lo);
  const __m256i cross =
      _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), c_lo),
                       _mm256_mul_epu32(x, c_hi));
  return _mm256_add_epi64(lo, _mm256_slli_epi64(cross, 32));
}

/// Mix64 (mix.h) in each lane.
__attribute__((target("avx2"))) inline __m256i Mix64Avx2(__m256i x) {
  x = _mm256_xor_si256(x, _mm256_srli_epi64(x, 30));
  x = MulLo64(x, 0xbf58476d1ce4e5b9ULL);
  x = _mm256_xor_si256(x, _mm256_srli_epi64(x, 27));
  x = MulLo64(x, 0x94d049bb133111ebULL);
  return _mm256_xor_si256(x, _mm256_srli_epi64(x, 31));
}

}  // namespace neardup::internal

#endif  // x86-64 GCC/Clang

#endif  // NEARDUP_INTERNAL_MIX_AVX2_H_

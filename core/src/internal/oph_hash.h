// The hashing step of one-permutation MinHash (sketch.cc): each shingle hash
// s becomes x = Mix64(s ^ seed), its bin FastRange32(high32(x), k) and its
// value low32(x). A portable loop and an AVX2 one (four shingles per
// instruction, 64-bit multiplies built from 32-bit ones) compute the same
// numbers; HashToBins picks the AVX2 one at run time when the CPU has it.
// tests/simd_test.cc checks that the paths agree.
#ifndef NEARDUP_INTERNAL_OPH_HASH_H_
#define NEARDUP_INTERNAL_OPH_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "internal/mix.h"
#include "internal/mix_avx2.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup::internal {

/// bins[i], values[i] of shingles[i], i < n. k in [1, 2^32).
inline void HashToBinsPortable(const uint64_t* shingles, size_t n,
                               uint64_t seed, uint32_t k, uint32_t* bins,
                               uint32_t* values) {
  for (size_t i = 0; i < n; ++i) {
    const uint64_t x = Mix64(shingles[i] ^ seed);
    bins[i] = FastRange32(static_cast<uint32_t>(x >> 32), k);
    values[i] = static_cast<uint32_t>(x);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)

__attribute__((target("avx2"))) inline void HashToBinsAvx2(
    const uint64_t* shingles, size_t n, uint64_t seed, uint32_t k,
    uint32_t* bins, uint32_t* values) {
  const __m256i s = _mm256_set1_epi64x(static_cast<int64_t>(seed));
  const __m256i range = _mm256_set1_epi64x(k);
  // Gathers the low (even) 32-bit halves of four lanes into 128 bits.
  const __m256i even = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256i x = Mix64Avx2(_mm256_xor_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(shingles + i)), s));
    const __m256i bin = _mm256_srli_epi64(
        _mm256_mul_epu32(_mm256_srli_epi64(x, 32), range), 32);
    _mm_storeu_si128(
        reinterpret_cast<__m128i*>(values + i),
        _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(x, even)));
    _mm_storeu_si128(
        reinterpret_cast<__m128i*>(bins + i),
        _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(bin, even)));
  }
  HashToBinsPortable(shingles + i, n - i, seed, k, bins + i, values + i);
}

#endif

/// Bit b set if p[b] == 0, b < 64.
inline uint64_t ZeroByteMask64(const uint8_t* p) {
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    mask |= uint64_t{static_cast<uint16_t>(
                _mm_movemask_epi8(_mm_cmpeq_epi8(x, zero)))}
            << (16 * i);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (int b = 0; b < 64; ++b) mask |= uint64_t{p[b] == 0} << b;
  return mask;
#endif
}

/// True if FirstProbeHits can run (AVX2).
inline bool HaveShuffleHits() {
#if defined(__x86_64__) && defined(__GNUC__)
  return HaveAvx2();
#else
  return false;
#endif
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) inline void FirstProbeHitsAvx2(
    const uint8_t* probes8, uint32_t k, const uint64_t* empty_bits,
    uint8_t* hits) {
  const uint64_t filled_lo = ~empty_bits[0];
  const uint64_t filled_hi = k > 64 ? ~empty_bits[1] : ~uint64_t{0};
  const __m128i filled128 = _mm_set_epi64x(static_cast<int64_t>(filled_hi),
                                           static_cast<int64_t>(filled_lo));
  const __m256i filled = _mm256_broadcastsi128_si256(filled128);
  const __m256i bit_of = _mm256_setr_epi8(
      1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8,
      16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
  const __m256i seven = _mm256_set1_epi8(7);
  const __m256i fifteen = _mm256_set1_epi8(15);
  const size_t bytes = (size_t{k} * 8 + 31) / 32 * 32;
  for (size_t j = 0; j < bytes; j += 32) {
    const __m256i p =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(probes8 + j));
    const __m256i byte = _mm256_shuffle_epi8(
        filled, _mm256_and_si256(_mm256_srli_epi16(p, 3), fifteen));
    const __m256i bit = _mm256_shuffle_epi8(bit_of, _mm256_and_si256(p, seven));
    const __m256i hit = _mm256_cmpeq_epi8(_mm256_and_si256(byte, bit), bit);
    const uint32_t mask = static_cast<uint32_t>(_mm256_movemask_epi8(hit));
    // Byte b of the mask belongs to bin j / 8 + b.
    std::memcpy(hits + j / 8, &mask, 4);
  }
}
#endif

/// hits[bin] (bins < k, k <= 128; room for k rounded up to 4) gets bit s
/// set when probe s of the bin, probes8[8 * bin + s] (< k), is a filled
/// bin, i.e. bit of it clear in empty_bits (k bits). Returns false, doing
/// nothing, when the CPU lacks AVX2.
inline bool FirstProbeHits(const uint8_t* probes8, uint32_t k,
                           const uint64_t* empty_bits, uint8_t* hits) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (k <= 128 && HaveAvx2()) {
    FirstProbeHitsAvx2(probes8, k, empty_bits, hits);
    return true;
  }
#endif
  (void)probes8;
  (void)k;
  (void)empty_bits;
  (void)hits;
  return false;
}

/// The fastest path this CPU has.
inline void HashToBins(const uint64_t* shingles, size_t n, uint64_t seed,
                       uint32_t k, uint32_t* bins, uint32_t* values) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (HaveAvx2()) return HashToBinsAvx2(shingles, n, seed, k, bins, values);
#endif
  HashToBinsPortable(shingles, n, seed, k, bins, values);
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_OPH_HASH_H_

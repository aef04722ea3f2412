// Fast deterministic hashes of the word-shingling hot loop (signature
// version 2): tokens and word n-grams.
//
//   * HashToken: tokens of at most 16 bytes (nearly all words) are read as
//     two 64-bit words and mixed with two 64x64->128-bit multiplies (the
//     "mum" step of wyhash); longer tokens go through seeded XXH3-64.
//   * CombineNgram: an n-gram of token hashes t_0..t_{w-1} is
//     Mix64(sum_i t_i * C_i + tag(w, seed)) with distinct odd constants
//     C_i: one multiply per token instead of XXH3 over 8·w bytes.
// Both are pure functions of their inputs (no CPU-dependent path), so every
// machine computes the same shingles.
#ifndef NEARDUP_INTERNAL_HASH_H_
#define NEARDUP_INTERNAL_HASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "internal/mix.h"
#include "internal/mix_avx2.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup::internal {

inline uint64_t Mum(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline constexpr uint64_t kTokenK1 = 0xa0761d6478bd642fULL;
inline constexpr uint64_t kTokenK2 = 0xe7037ed1a0b428dbULL;
inline constexpr uint64_t kTokenK3 = 0x8ebc6af09c88c6e3ULL;

/// Masks keeping the first len bytes of a 16-byte load, len <= 16.
struct TokenMasks {
  uint64_t lo[17];
  uint64_t hi[17];
};

constexpr TokenMasks MakeTokenMasks() {
  TokenMasks m{};
  for (int len = 0; len <= 16; ++len) {
    const int lo_bytes = len < 8 ? len : 8;
    const int hi_bytes = len > 8 ? len - 8 : 0;
    m.lo[len] =
        lo_bytes == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * lo_bytes)) - 1;
    m.hi[len] =
        hi_bytes == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * hi_bytes)) - 1;
  }
  return m;
}

inline constexpr TokenMasks kTokenMasks = MakeTokenMasks();

/// Hash of the token [p, p + len) (len >= 1). `end` is the end of the
/// buffer holding it: when 16 bytes from p are readable, short tokens are
/// loaded directly and masked.
inline uint64_t HashToken(const char* p, size_t len, const char* end,
                          uint64_t seed) {
  if (len > 16) return XXH3_64bits_withSeed(p, len, seed);
  uint64_t lo, hi;
  if (end - p >= 16) {
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + 8, 8);
    lo &= kTokenMasks.lo[len];
    hi &= kTokenMasks.hi[len];
  } else {
    char buffer[16] = {};
    std::memcpy(buffer, p, len);
    std::memcpy(&lo, buffer, 8);
    std::memcpy(&hi, buffer + 8, 8);
  }
  const unsigned __int128 r =
      static_cast<unsigned __int128>(lo ^ kTokenK1) * (hi ^ seed ^ kTokenK2);
  return Mum(static_cast<uint64_t>(r) ^ kTokenK3 ^ len,
             static_cast<uint64_t>(r >> 64) ^ kTokenK1);
}

/// Maximum n-gram width (ShingleOptions::n).
inline constexpr int kMaxNgram = 64;

constexpr std::array<uint64_t, kMaxNgram> MakeNgramMultipliers() {
  std::array<uint64_t, kMaxNgram> c{};
  uint64_t state = 0x243f6a8885a308d3ULL;  // pi
  for (int i = 0; i < kMaxNgram; ++i) {
    state += 0x9e3779b97f4a7c15ULL;
    uint64_t x = state;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    c[i] = (x ^ (x >> 31)) | 1;
  }
  return c;
}

inline constexpr std::array<uint64_t, kMaxNgram> kNgramMultipliers =
    MakeNgramMultipliers();

/// The additive tag of n-grams of `width` tokens under `seed`.
inline uint64_t NgramTag(size_t width, uint64_t seed) {
  return Mix64(seed ^ (uint64_t{width} * 0xd6e8feb86659fd93ULL));
}

/// Hash of the n-gram of `width` token hashes starting at t.
inline uint64_t CombineNgram(const uint64_t* t, size_t width, uint64_t tag) {
  uint64_t sum = tag;
  for (size_t i = 0; i < width; ++i) sum += t[i] * kNgramMultipliers[i];
  return Mix64(sum);
}

/// Word 3-gram hashes o[i] = CombineNgram(t + i, 3, tag), i < shingles
/// (t holds shingles + 2 hashes): the default shingle width, unrolled.
inline void Ngrams3Portable(const uint64_t* t, size_t shingles, uint64_t tag,
                            uint64_t* o) {
  constexpr uint64_t c0 = kNgramMultipliers[0];
  constexpr uint64_t c1 = kNgramMultipliers[1];
  constexpr uint64_t c2 = kNgramMultipliers[2];
  for (size_t i = 0; i < shingles; ++i) {
    o[i] = Mix64(tag + t[i] * c0 + t[i + 1] * c1 + t[i + 2] * c2);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
/// Ngrams3Portable, four shingles at a time (AVX2; check HaveAvx2()).
__attribute__((target("avx2"))) inline void Ngrams3Avx2(const uint64_t* t,
                                                        size_t shingles,
                                                        uint64_t tag,
                                                        uint64_t* o) {
  const __m256i vtag = _mm256_set1_epi64x(static_cast<int64_t>(tag));
  size_t i = 0;
  for (; i + 4 <= shingles; i += 4) {
    const __m256i a =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i));
    const __m256i b =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i + 1));
    const __m256i c =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i + 2));
    __m256i sum = _mm256_add_epi64(vtag, MulLo64(a, kNgramMultipliers[0]));
    sum = _mm256_add_epi64(sum, MulLo64(b, kNgramMultipliers[1]));
    sum = _mm256_add_epi64(sum, MulLo64(c, kNgramMultipliers[2]));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(o + i), Mix64Avx2(sum));
  }
  Ngrams3Portable(t + i, shingles - i, tag, o + i);
}
#endif

/// The fastest Ngrams3 path this CPU has.
inline void Ngrams3(const uint64_t* t, size_t shingles, uint64_t tag,
                    uint64_t* o) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (shingles >= 8 && HaveAvx2()) return Ngrams3Avx2(t, shingles, tag, o);
#endif
  Ngrams3Portable(t, shingles, tag, o);
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_HASH_H_

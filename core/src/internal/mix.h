// Small deterministic integer mixers shared by the sketch and the index.
#ifndef NEARDUP_INTERNAL_MIX_H_
#define NEARDUP_INTERNAL_MIX_H_

#include <cstdint>

namespace neardup::internal {

/// SplitMix64 finaliser (Steele et al. 2014): a bijection on 64-bit values
/// with full avalanche.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/// Deterministic pseudo-random stream (SplitMix64).
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix64(state_ += 0x9e3779b97f4a7c15ULL); }

 private:
  uint64_t state_;
};

/// Maps a 32-bit value uniformly onto [0, range) (Lemire's fast range).
inline uint32_t FastRange32(uint32_t x, uint32_t range) {
  return static_cast<uint32_t>((static_cast<uint64_t>(x) * range) >> 32);
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_MIX_H_

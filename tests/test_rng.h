// The tests' pseudo-random stream (also used by the stress test and the
// Deduper benchmark, which cannot include test_util.h).
#ifndef NEARDUP_TESTS_TEST_RNG_H_
#define NEARDUP_TESTS_TEST_RNG_H_

#include <cstdint>

namespace neardup::testing {

/// SplitMix64: a fixed, portable pseudo-random stream for tests.
class TestRng {
 public:
  explicit TestRng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  uint64_t Below(uint64_t n) { return Next() % n; }
  /// Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_TEST_RNG_H_

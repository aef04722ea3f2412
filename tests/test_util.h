// Helpers shared by the test files.
#ifndef NEARDUP_TESTS_TEST_UTIL_H_
#define NEARDUP_TESTS_TEST_UTIL_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

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

 private:
  uint64_t state_;
};

/// Two sets of random 64-bit hashes with |A∩B| = common and |A \ B| =
/// |B \ A| = only_each, hence Jaccard common / (common + 2·only_each).
inline std::pair<std::vector<uint64_t>, std::vector<uint64_t>> MakeSetPair(
    TestRng& rng, size_t common, size_t only_each) {
  std::vector<uint64_t> a, b;
  for (size_t i = 0; i < common; ++i) {
    const uint64_t x = rng.Next();
    a.push_back(x);
    b.push_back(x);
  }
  for (size_t i = 0; i < only_each; ++i) a.push_back(rng.Next());
  for (size_t i = 0; i < only_each; ++i) b.push_back(rng.Next());
  return {a, b};
}

/// The shared corpora folder, or "" when it is absent.
inline std::string SharedDatasets() {
  const std::filesystem::path dir =
      std::filesystem::path(NEARDUP_SHARED_DIR) / "datasets";
  return std::filesystem::is_directory(dir) ? dir.string() : std::string();
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_TEST_UTIL_H_

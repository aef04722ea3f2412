// Helpers shared by the test files.
#ifndef NEARDUP_TESTS_TEST_UTIL_H_
#define NEARDUP_TESTS_TEST_UTIL_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
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

/// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "neardup_test.XXXXXX")
            .string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const {
    return (std::filesystem::path(path_) / name).string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_TEST_UTIL_H_

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

#include "neardup/json.h"
#include "test_rng.h"

namespace neardup::testing {

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
/// One JSONL corpus line {"id": id, "text": text}, newline included.
inline std::string JsonLine(const std::string& id, const std::string& text) {
  std::string line = "{\"id\": ";
  AppendJsonString(&line, id);
  line += ", \"text\": ";
  AppendJsonString(&line, text);
  return line + "}\n";
}

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

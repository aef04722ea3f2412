// Sketching: shingle hash set -> MinHash signature, OPH vs classic, over k
// and set size. Bytes processed = 8 bytes per shingle hash.
#include <vector>

#include "benchmark/benchmark.h"
#include "neardup/sketch.h"

namespace neardup {
namespace {

std::vector<uint64_t> RandomSet(size_t n) {
  std::vector<uint64_t> set(n);
  uint64_t x = 12345;
  for (uint64_t& v : set) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    v = z ^ (z >> 31);
  }
  return set;
}

void BM_Sign(benchmark::State& state, SketchAlgorithm algorithm) {
  const int k = static_cast<int>(state.range(0));
  const size_t n = static_cast<size_t>(state.range(1));
  auto sketcher = *Sketcher::Create({.num_perm = k, .algorithm = algorithm});
  const std::vector<uint64_t> set = RandomSet(n);
  std::vector<uint32_t> signature(k);
  for (auto _ : state) {
    sketcher.Sign(set, signature);
    benchmark::DoNotOptimize(signature.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(state.iterations() * n * sizeof(uint64_t));
}

// Set sizes: a 60-word brief, a ~3 KB article (~500 shingles), a long one.
#define SKETCH_ARGS ArgsProduct({{64, 128, 256}, {60, 500, 5000}})
BENCHMARK_CAPTURE(BM_Sign, oph, SketchAlgorithm::kOph)->SKETCH_ARGS;
BENCHMARK_CAPTURE(BM_Sign, classic, SketchAlgorithm::kClassic)->SKETCH_ARGS;

}  // namespace
}  // namespace neardup

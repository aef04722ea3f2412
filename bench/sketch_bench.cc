// Sketching: shingle hash set -> MinHash signature of k 32-bit values.
//   BM_Sign/oph      one-permutation hashing + optimal densification, O(n+k)
//   BM_Sign/classic  k multiply-shift hashes per shingle, O(n·k)
// over k = 64, 128, 256 and sets of 60, 500 and 5000 shingles (about the
// word 5-gram sets of 300 B, 3 KB and 30 KB of English news). With small
// sets and large k most OPH bins are empty and densification dominates:
// the counter empty_bins shows how many bins were borrowed.
// Bytes processed = 8 bytes per shingle hash; items = shingles.
//
//   ./neardup_bench --benchmark_filter=BM_Sign/ --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "neardup/sketch.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

void BM_Sign(benchmark::State& state, SketchAlgorithm algorithm) {
  const int k = static_cast<int>(state.range(0));
  const size_t n = static_cast<size_t>(state.range(1));
  auto sketcher = *Sketcher::Create({.num_perm = k, .algorithm = algorithm});
  const std::vector<uint64_t> set = bench::RandomValues(n, 12345);
  std::vector<uint32_t> signature(k);
  for (auto _ : state) {
    sketcher.Sign(set, signature);
    benchmark::DoNotOptimize(signature.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * n * sizeof(uint64_t)));
  if (algorithm == SketchAlgorithm::kOph) {
    // Expected empty bins for n balls in k bins: k (1 - 1/k)^n.
    state.counters["empty_bins"] = k * std::pow(1.0 - 1.0 / k, n);
  }
}

#define SKETCH_ARGS \
  ArgsProduct({{64, 128, 256}, {60, 500, 5000}})->ArgNames({"k", "shingles"})
BENCHMARK_CAPTURE(BM_Sign, oph, SketchAlgorithm::kOph)->SKETCH_ARGS;
BENCHMARK_CAPTURE(BM_Sign, classic, SketchAlgorithm::kClassic)->SKETCH_ARGS;

void BM_EstimateJaccard(benchmark::State& state) {
  const size_t k = static_cast<size_t>(state.range(0));
  std::vector<uint32_t> a(k), b(k);
  const std::vector<uint64_t> r = bench::RandomValues(2 * k, 3);
  for (size_t i = 0; i < k; ++i) {
    a[i] = static_cast<uint32_t>(r[i]);
    b[i] = i % 4 == 0 ? static_cast<uint32_t>(r[k + i]) : a[i];
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(EstimateJaccard(a, b));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_EstimateJaccard)->ArgName("k")->Arg(64)->Arg(128)->Arg(256);

}  // namespace
}  // namespace neardup

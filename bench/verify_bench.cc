// Exact verification of candidate pairs: Compare (|A∩B|, Jaccard,
// containment) on sorted shingle-hash sets.
//   BM_Compare      two sets of equal size n (60, 500, 5000: word 5-grams of
//                   300 B, 3 KB, 30 KB of text) at Jaccard 0, 0.5, 0.9
//                   (linear merge)
//   BM_CompareSkew  a small set against a large one (|B| = 5000), half of
//                   the small set inside the large one: |A| = 50 takes the
//                   galloping path (|A|·32 < |B|), |A| = 200 and 1000 the
//                   merge.
// Items = pairs compared; bytes = 8 bytes per element of both sets.
//
//   ./neardup_bench --benchmark_filter=Compare --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "neardup/verify.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

// A pair of sorted sets: |A| = a, |B| = b, |A∩B| = common.
struct SetPair {
  std::vector<uint64_t> a, b;
};

SetPair MakePair(size_t a, size_t b, size_t common) {
  const std::vector<uint64_t> values =
      bench::RandomValues(a + b - common, a * 1000003 + b * 31 + common);
  SetPair p;
  p.a.assign(values.begin(), values.begin() + a);
  p.b.assign(values.begin(), values.begin() + common);
  p.b.insert(p.b.end(), values.begin() + a, values.end());
  std::sort(p.a.begin(), p.a.end());
  std::sort(p.b.begin(), p.b.end());
  return p;
}

void Run(benchmark::State& state, const SetPair& p) {
  Similarity s;
  for (auto _ : state) {
    s = Compare(p.a, p.b);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(
      state.iterations() * (p.a.size() + p.b.size()) * sizeof(uint64_t)));
  state.counters["jaccard"] = s.jaccard;
  state.counters["containment"] = s.containment;
}

void BM_Compare(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const double j = static_cast<double>(state.range(1)) / 100.0;
  // Equal sizes: J = m / (2n - m)  =>  m = 2nJ / (1 + J).
  const size_t common = static_cast<size_t>(std::lround(2.0 * n * j / (1 + j)));
  Run(state, MakePair(n, n, common));
}
BENCHMARK(BM_Compare)
    ->ArgNames({"n", "jaccard_pct"})
    ->ArgsProduct({{60, 500, 5000}, {0, 50, 90}});

void BM_CompareSkew(benchmark::State& state) {
  const size_t small = static_cast<size_t>(state.range(0));
  Run(state, MakePair(small, 5000, small / 2));
}
BENCHMARK(BM_CompareSkew)->ArgName("small")->Arg(50)->Arg(200)->Arg(1000);

}  // namespace
}  // namespace neardup

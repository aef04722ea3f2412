// Throughput of Normalise (UTF-8 repair, HTML entities, NFKC, case folding,
// typography, whitespace folding) on news text of 300 B, 3 KB and 30 KB, in
// English (pure ASCII), mostly-ASCII, Urdu and Japanese text (see
// text_fixtures.h), plus a walk over the real documents one by one.
//
//   ./neardup_bench --benchmark_filter=Normalise --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>

#include "neardup/normalise.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;

// One buffer of `bytes` bytes, normalised again and again.
void BM_Normalise(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::string doc =
      bench::Text(kind, static_cast<size_t>(state.range(1)));
  std::string out;
  NormaliseStats stats;
  for (auto _ : state) {
    Normalise(doc, {}, &out, &stats);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  bench::LabelKind(state, kind);
  state.counters["out_bytes_per_in"] =
      static_cast<double>(out.size()) / doc.size();
}
BENCHMARK(BM_Normalise)->Apply([](auto* b) { bench::KindsAndSizes(b); });

// The real documents one after another (cold-ish caches, real lengths).
void BM_NormaliseCorpus(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::vector<std::string>& docs = bench::Documents(kind);
  std::string out;
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      Normalise(doc, {}, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bench::TotalBytes(kind)));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * docs.size()));
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_NormaliseCorpus)
    ->ArgName("kind")
    ->DenseRange(bench::kEnglish, bench::kJapanese)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup

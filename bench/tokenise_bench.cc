// Throughput of Tokenise (words; one token per character in CJK and Thai)
// on already-normalised text, and of Normalise + Tokenise together, over
// 300 B / 3 KB / 30 KB of English, mostly-ASCII, Urdu and Japanese news (see
// text_fixtures.h). Bytes processed are input bytes (normalised bytes for
// BM_Tokenise, raw bytes for BM_NormaliseTokenise).
//
//   ./neardup_bench --benchmark_filter=Tokenise --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "neardup/normalise.h"
#include "neardup/tokenise.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;

void BM_Tokenise(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::string doc =
      Normalise(bench::Text(kind, static_cast<size_t>(state.range(1))));
  std::vector<std::string_view> tokens;
  for (auto _ : state) {
    Tokenise(doc, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * tokens.size()));
  bench::LabelKind(state, kind);
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenise)->Apply([](auto* b) { bench::KindsAndSizes(b); });

void BM_NormaliseTokenise(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::string doc =
      bench::Text(kind, static_cast<size_t>(state.range(1)));
  std::string normalised;
  std::vector<std::string_view> tokens;
  for (auto _ : state) {
    Normalise(doc, {}, &normalised);
    Tokenise(normalised, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * tokens.size()));
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_NormaliseTokenise)->Apply([](auto* b) {
  bench::KindsAndSizes(b);
});

}  // namespace
}  // namespace neardup

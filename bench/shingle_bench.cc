// Shingling: text -> sorted set of 64-bit shingle hashes, with word 5-grams
// (the default) and character 5-grams, over 300 B / 3 KB / 30 KB of English,
// Urdu and Japanese news (see text_fixtures.h).
//   BM_ShingleNormalised  tokenise + hash + sort/unique on normalised text
//   BM_Shingle            the whole front end: Shingler::Shingle on raw
//                         bytes (normalise + tokenise + shingle)
//   BM_HashWordNgrams     the n-gram hashing step alone (token hashes in)
//   BM_SortUnique         the sort + unique step alone
// Bytes processed are input text bytes; items are shingles produced.
//
//   ./neardup_bench --benchmark_filter=Shingle --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "neardup/normalise.h"
#include "neardup/shingle.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;

ShingleOptions Unit(int64_t unit) {
  ShingleOptions options;
  options.unit = unit == 0 ? ShingleUnit::kWord : ShingleUnit::kChar;
  options.n = 5;
  return options;
}

void UnitsKindsSizes(benchmark::internal::Benchmark* b) {
  for (int unit : {0, 1}) {
    for (int kind : {bench::kEnglish, bench::kUrdu, bench::kJapanese}) {
      for (int size : {300, 3000, 30000}) b->Args({unit, kind, size});
    }
  }
  b->ArgNames({"char", "kind", "bytes"});
}

void Label(benchmark::State& state, TextKind kind) {
  bench::LabelKind(state, kind);
}

void BM_ShingleNormalised(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(1));
  const std::string doc =
      Normalise(bench::Text(kind, static_cast<size_t>(state.range(2))));
  Shingler shingler = *Shingler::Create(Unit(state.range(0)));
  ShingleSet set;
  for (auto _ : state) {
    shingler.ShingleNormalised(doc, &set);
    benchmark::DoNotOptimize(set.hashes.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * set.hashes.size()));
  state.counters["shingles"] = static_cast<double>(set.hashes.size());
  Label(state, kind);
}
BENCHMARK(BM_ShingleNormalised)->Apply(UnitsKindsSizes);

void BM_Shingle(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(1));
  const std::string doc =
      bench::Text(kind, static_cast<size_t>(state.range(2)));
  Shingler shingler = *Shingler::Create(Unit(state.range(0)));
  ShingleSet set;
  for (auto _ : state) {
    shingler.Shingle(doc, &set);
    benchmark::DoNotOptimize(set.hashes.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * set.hashes.size()));
  state.counters["shingles"] = static_cast<double>(set.hashes.size());
  Label(state, kind);
}
BENCHMARK(BM_Shingle)->Apply(UnitsKindsSizes);

// n-gram hashing of `tokens` token hashes (a 3 KB English article has ~500).
void BM_HashWordNgrams(benchmark::State& state) {
  const std::vector<uint64_t> token_hashes =
      bench::RandomValues(static_cast<size_t>(state.range(0)), 7);
  std::vector<uint64_t> out;
  for (auto _ : state) {
    out.clear();
    HashWordNgrams(token_hashes, 5, 0, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_HashWordNgrams)->ArgName("tokens")->Arg(50)->Arg(500)->Arg(5000);

void BM_SortUnique(benchmark::State& state) {
  const std::vector<uint64_t> values =
      bench::RandomValues(static_cast<size_t>(state.range(0)), 11);
  std::vector<uint64_t> work;
  for (auto _ : state) {
    work = values;
    SortUnique(&work);
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_SortUnique)->ArgName("shingles")->Arg(50)->Arg(500)->Arg(5000);

}  // namespace
}  // namespace neardup

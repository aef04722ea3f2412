// "Sign": raw UTF-8 bytes in -> MinHash signature out, on one thread, the
// per-document work of the pipeline's parallel stage: Shingler::Shingle
// (normalise + tokenise + shingle hashing + sort/unique) then
// Sketcher::Sign (OPH, k = 128), with the pipeline's default options.
//   BM_SignCorpus  the real documents one by one (Reuters English, BBC,
//                  COUNTER Urdu, livedoor Japanese; see text_fixtures.h),
//                  word 5-grams (char:0) or character 5-grams (char:1).
//                  Its MB/s is the single-core signing rate to quote.
//   BM_SignText    one buffer of 300 B / 3 KB / 30 KB, word 5-grams.
// Bytes = raw input bytes; items = documents.
//
//   ./neardup_bench --benchmark_filter=BM_Sign[CT] --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;

struct Signer {
  explicit Signer(ShingleUnit unit)
      : shingler(*Shingler::Create({.unit = unit, .n = 5})),
        sketcher(*Sketcher::Create({})),
        signature(sketcher.k()) {}

  // Returns the number of shingles (0: empty document, no signature).
  size_t Sign(std::string_view text) {
    shingler.Shingle(text, &set);
    if (set.empty()) return 0;
    sketcher.Sign(set.hashes, signature);
    return set.hashes.size();
  }

  Shingler shingler;
  Sketcher sketcher;
  ShingleSet set;
  std::vector<uint32_t> signature;
};

void BM_SignCorpus(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::vector<std::string>& docs = bench::Documents(kind);
  Signer signer(state.range(1) == 0 ? ShingleUnit::kWord : ShingleUnit::kChar);
  uint64_t shingles = 0;
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      shingles += signer.Sign(doc);
      benchmark::DoNotOptimize(signer.signature.data());
    }
  }
  const double passes = static_cast<double>(state.iterations());
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bench::TotalBytes(kind)));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * docs.size()));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["bytes_per_doc"] =
      static_cast<double>(bench::TotalBytes(kind)) / docs.size();
  state.counters["shingles_per_doc"] = shingles / passes / docs.size();
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_SignCorpus)
    ->ArgNames({"kind", "char"})
    ->ArgsProduct({{bench::kEnglish, bench::kMostlyAscii, bench::kUrdu,
                    bench::kJapanese},
                   {0, 1}})
    ->Unit(benchmark::kMillisecond);

void BM_SignText(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::string doc =
      bench::Text(kind, static_cast<size_t>(state.range(1)));
  Signer signer(ShingleUnit::kWord);
  size_t shingles = 0;
  for (auto _ : state) {
    shingles = signer.Sign(doc);
    benchmark::DoNotOptimize(signer.signature.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["shingles"] = static_cast<double>(shingles);
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_SignText)->Apply([](auto* b) {
  bench::KindsAndSizes(b, {bench::kEnglish, bench::kUrdu, bench::kJapanese});
});

}  // namespace
}  // namespace neardup

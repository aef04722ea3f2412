// "Sign": raw UTF-8 bytes in -> MinHash signature out, on one thread, the
// per-document work of the pipeline's parallel stage: Shingler::Shingle
// (normalise + tokenise + shingle hashing + sort/unique) then
// Sketcher::Sign (OPH, k = 128), with the pipeline's default options.
//   BM_SignCorpus  the real documents one by one (Reuters English, BBC,
//                  COUNTER Urdu, livedoor Japanese; see text_fixtures.h),
//                  word 5-grams (char:0) or character 5-grams (char:1).
//                  Its MB/s is the single-core signing rate to quote.
//   BM_SignText    one buffer of 300 B / 3 KB / 30 KB, word 5-grams.
//   BM_SignStages  where the time goes: the corpus walk of BM_SignCorpus
//                  (word 5-grams) cut after stage 1 normalise, 2 +tokenise,
//                  3 +token hashes, 4 +n-gram hashes, 5 +sort/unique,
//                  6 +OPH signature (= the whole of BM_SignCorpus). The
//                  cost of a stage is the difference to the previous one.
// Bytes = raw input bytes; items = documents.
//
//   ./neardup_bench --benchmark_filter=BM_Sign[CT] --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "neardup/normalise.h"
#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "neardup/tokenise.h"
#include "text_fixtures.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

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

// The stages of Shingler::Shingle (shingle.cc) spelled out through the
// public API, with the same buffers reused, so the walk can stop after any.
void BM_SignStages(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const int stages = static_cast<int>(state.range(1));
  const std::vector<std::string>& docs = bench::Documents(kind);
  const Sketcher sketcher = *Sketcher::Create({});
  const uint64_t seed = ShingleOptions{}.seed;
  std::string normalised;
  std::vector<std::string_view> tokens;
  std::vector<uint64_t> token_hashes, shingles;
  std::vector<uint32_t> signature(sketcher.k());
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      Normalise(doc, {}, &normalised);
      benchmark::DoNotOptimize(
          XXH3_64bits_withSeed(normalised.data(), normalised.size(), seed));
      if (stages < 2) continue;
      Tokenise(normalised, &tokens);
      benchmark::DoNotOptimize(tokens.data());
      if (stages < 3 || tokens.empty()) continue;
      token_hashes.clear();
      for (std::string_view t : tokens) {
        token_hashes.push_back(XXH3_64bits_withSeed(t.data(), t.size(), seed));
      }
      benchmark::DoNotOptimize(token_hashes.data());
      if (stages < 4) continue;
      shingles.clear();
      HashWordNgrams(token_hashes, 5, seed, &shingles);
      benchmark::DoNotOptimize(shingles.data());
      if (stages < 5) continue;
      SortUnique(&shingles);
      if (stages < 6) continue;
      sketcher.Sign(shingles, signature);
      benchmark::DoNotOptimize(signature.data());
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bench::TotalBytes(kind)));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * docs.size()));
  static constexpr const char* kStageNames[] = {
      "",      "normalise", "+tokenise", "+token_hash", "+ngram_hash",
      "+sort", "+oph"};
  state.SetLabel(std::string(bench::KindName(kind)) + " " +
                 kStageNames[stages]);
}
BENCHMARK(BM_SignStages)
    ->ArgNames({"kind", "stages"})
    ->ArgsProduct({{bench::kEnglish, bench::kUrdu, bench::kJapanese},
                   {1, 2, 3, 4, 5, 6}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup

// "Sign": raw UTF-8 bytes in -> MinHash signature out, on one thread, the
// per-document work of the pipeline's parallel stage: Shingler::Shingle
// (normalise + tokenise + shingle hashing + sort/unique) then
// Sketcher::Sign (OPH, k = 128), with the pipeline's default options.
//   BM_SignCorpus  the real documents one by one (Reuters English, BBC,
//                  COUNTER Urdu, livedoor Japanese; see text_fixtures.h),
//                  word 5-grams (char:0) or character 5-grams (char:1).
//                  Its MB/s is the single-core signing rate to quote.
//   BM_SignText    one buffer of 300 B / 3 KB / 30 KB, word 5-grams.
//   BM_SignBreakdown  where the time goes: the corpus walk of
//                  BM_SignCorpus (word 5-grams) stage by stage (normalise,
//                  tokenise, token hashes, n-gram hashes, sort/unique,
//                  OPH), with ns per document and share of each stage.
// Bytes = raw input bytes; items = documents.
//
//   ./neardup_bench --benchmark_filter=BM_Sign[CT] --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <time.h>

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

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         1e-9 * static_cast<double>(ts.tv_nsec);
}

// The stages of Shingler::Shingle (shingle.cc) spelled out through the
// public API and run stage by stage over the whole walk (every document
// normalised, then every one tokenised, ...), each stage timed in thread
// CPU time. Interleaving the stages within each iteration makes the shares
// robust to a busy machine, which shifts all stages alike. Counters:
// <stage>_ns_per_doc and <stage>_pct (share of the total).
void BM_SignBreakdown(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const std::vector<std::string>& docs = bench::Documents(kind);
  const size_t n = docs.size();
  const Sketcher sketcher = *Sketcher::Create({});
  const uint64_t seed = ShingleOptions{}.seed;
  std::vector<std::string> normalised(n);
  std::vector<std::vector<std::string_view>> tokens(n);
  std::vector<std::vector<uint64_t>> token_hashes(n), shingles(n);
  std::vector<uint32_t> signature(sketcher.k());
  constexpr int kStages = 6;
  static constexpr const char* kNames[kStages] = {
      "normalise", "tokenise", "token_hash", "ngram_hash", "sort", "oph"};
  double seconds[kStages] = {};
  for (auto _ : state) {
    double t = ThreadCpuSeconds();
    auto lap = [&](int stage) {
      const double now = ThreadCpuSeconds();
      seconds[stage] += now - t;
      t = now;
    };
    for (size_t i = 0; i < n; ++i) {
      Normalise(docs[i], {}, &normalised[i]);
      benchmark::DoNotOptimize(XXH3_64bits_withSeed(
          normalised[i].data(), normalised[i].size(), seed));
    }
    lap(0);
    for (size_t i = 0; i < n; ++i) Tokenise(normalised[i], &tokens[i]);
    lap(1);
    for (size_t i = 0; i < n; ++i) {
      token_hashes[i].clear();
      for (std::string_view tok : tokens[i]) {
        token_hashes[i].push_back(
            XXH3_64bits_withSeed(tok.data(), tok.size(), seed));
      }
    }
    lap(2);
    for (size_t i = 0; i < n; ++i) {
      shingles[i].clear();
      HashWordNgrams(token_hashes[i], 5, seed, &shingles[i]);
    }
    lap(3);
    for (size_t i = 0; i < n; ++i) SortUnique(&shingles[i]);
    lap(4);
    for (size_t i = 0; i < n; ++i) {
      if (shingles[i].empty()) continue;
      sketcher.Sign(shingles[i], signature);
      benchmark::DoNotOptimize(signature.data());
    }
    lap(5);
  }
  double total = 0;
  for (double s : seconds) total += s;
  const double per_doc = 1e9 / (static_cast<double>(state.iterations()) * n);
  for (int s = 0; s < kStages; ++s) {
    state.counters[std::string(kNames[s]) + "_ns_per_doc"] =
        seconds[s] * per_doc;
    state.counters[std::string(kNames[s]) + "_pct"] = 100 * seconds[s] / total;
  }
  state.counters["total_ns_per_doc"] = total * per_doc;
  state.counters["total_MB_per_s"] =
      static_cast<double>(bench::TotalBytes(kind)) * state.iterations() /
      total / 1e6;
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bench::TotalBytes(kind)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_SignBreakdown)
    ->ArgName("kind")
    ->Arg(bench::kEnglish)
    ->Arg(bench::kMostlyAscii)
    ->Arg(bench::kUrdu)
    ->Arg(bench::kJapanese)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup

// Signing as the batch pipeline does it with the default mode (syndicated:
// word 3-grams inside lines, unsorted sets, OPH k = 128): raw UTF-8 in ->
// signature out, one thread, the real documents one by one.
//
//   BM_SignDefault/kind:K/stage:S  S = 1 normalise only, 2 + shingle
//                                  (tokenise, token and n-gram hashes),
//                                  3 + OPH signature (the whole front end).
//
//   ./neardup_bench --benchmark_filter=BM_SignDefault --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "neardup/normalise.h"
#include "neardup/pipeline.h"
#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;

void BM_SignDefault(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const int stage = static_cast<int>(state.range(1));
  const std::vector<std::string>& docs = bench::Documents(kind);
  const DedupOptions options = DedupOptions::ForMode(Mode::kSyndicated);
  Shingler shingler = *Shingler::Create(options.shingle, options.normalise);
  const Sketcher sketcher = *Sketcher::Create(options.sketch);
  ShingleSet set;
  std::string normalised;
  std::vector<uint32_t> signature(sketcher.k());
  uint64_t shingles = 0;
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      if (stage == 1) {
        Normalise(doc, options.normalise, &normalised);
        benchmark::DoNotOptimize(normalised.data());
        continue;
      }
      shingler.Shingle(doc, &set, nullptr, SetOrder::kAnyOrder);
      shingles += set.hashes.size();
      if (stage < 3 || set.empty()) continue;
      sketcher.Sign(set.hashes, signature);
      benchmark::DoNotOptimize(signature.data());
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bench::TotalBytes(kind)));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * docs.size()));
  state.counters["shingles_per_doc"] =
      static_cast<double>(shingles) /
      static_cast<double>(state.iterations() * docs.size());
  static constexpr const char* kStageNames[] = {"", "normalise", "+shingle",
                                                "+oph"};
  state.SetLabel(std::string(bench::KindName(kind)) + " " + kStageNames[stage]);
}
BENCHMARK(BM_SignDefault)
    ->ArgNames({"kind", "stage"})
    ->ArgsProduct({{bench::kEnglish, bench::kMostlyAscii, bench::kUrdu,
                    bench::kJapanese},
                   {1, 2, 3}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup

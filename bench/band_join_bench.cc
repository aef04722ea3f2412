// Batch LSH candidate generation, the two ways (b = 55, r = 2: the default
// syndicated mode's banding), over the band keys of 200k documents:
//   BM_CandidatesChained   LshIndex::QueryAndAdd for every document in
//                          order (chained buckets; how the batch pipeline
//                          found candidates before BandJoin)
//   BM_CandidatesBandJoin  internal::BandJoin (sort each band's keys), on
//                          1 and 2 threads: what the pipeline runs now
// Both report the same pairs (counter candidates_per_doc). Signatures are
// synthetic, drawn directly (MinHash agrees at each position with
// probability J): stories of 5 copies at J = 0.85, and every document also
// takes a few positions (J about 0.06 each) from four unrelated earlier
// documents, like different stories sharing a sentence, so that most
// candidates are false ones, as in a large news corpus.
//
//   ./neardup_bench --benchmark_filter=Candidates --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <vector>

#include "../tests/test_rng.h"
#include "internal/band_join.h"
#include "neardup/lsh_index.h"

namespace neardup {
namespace {

constexpr int kBands = 55;
constexpr int kRows = 2;
constexpr int kNumPerm = 128;
constexpr size_t kDocs = 200000;

struct Corpus {
  std::vector<uint64_t> keys;    // kDocs x kBands
  std::vector<uint32_t> folded;  // the same, folded
};

const Corpus& TheCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    auto index = LshIndex::Create({.threshold = 0.23,
                                   .num_perm = kNumPerm,
                                   .bands = kBands,
                                   .rows = kRows});
    std::vector<std::vector<uint32_t>> sigs(kDocs,
                                            std::vector<uint32_t>(kNumPerm));
    testing::TestRng rng(42);
    for (size_t d = 0; d < kDocs; ++d) {
      std::vector<uint32_t>& sig = sigs[d];
      const size_t story = d / 5 * 5;  // the first copy of d's story
      for (int i = 0; i < kNumPerm; ++i) {
        sig[i] = d != story && rng.Uniform() < 0.85
                     ? sigs[story][i]
                     : static_cast<uint32_t>(rng.Next());
      }
      if (d >= 100) {
        for (int k = 0; k < 4; ++k) {
          const size_t other = rng.Below(d - 50);
          for (int i = 0; i < kNumPerm; ++i) {
            if (rng.Uniform() < 0.06) sig[i] = sigs[other][i];
          }
        }
      }
    }
    c->keys.resize(kDocs * kBands);
    for (size_t d = 0; d < kDocs; ++d) {
      index->BandKeys(sigs[d],
                      std::span<uint64_t>(&c->keys[d * kBands], kBands));
    }
    c->folded.resize(c->keys.size());
    for (size_t i = 0; i < c->keys.size(); ++i) {
      c->folded[i] = LshIndex::FoldKey(c->keys[i]);
    }
    return c;
  }();
  return *corpus;
}

void BM_CandidatesChained(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  uint64_t pairs = 0;
  for (auto _ : state) {
    auto index = LshIndex::Create({.threshold = 0.23,
                                   .num_perm = kNumPerm,
                                   .bands = kBands,
                                   .rows = kRows,
                                   .removable = false});
    std::vector<uint32_t> found;
    pairs = 0;
    for (uint32_t d = 0; d < kDocs; ++d) {
      index->QueryAndAdd(
          d, std::span<const uint64_t>(&c.keys[size_t{d} * kBands], kBands),
          &found);
      pairs += found.size();
    }
    benchmark::DoNotOptimize(pairs);
  }
  state.SetItemsProcessed(state.iterations() * kDocs);
  state.counters["candidates_per_doc"] = static_cast<double>(pairs) / kDocs;
}
BENCHMARK(BM_CandidatesChained)->Unit(benchmark::kMillisecond);

void BM_CandidatesBandJoin(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  const int threads = static_cast<int>(state.range(0));
  uint64_t pairs = 0;
  for (auto _ : state) {
    std::vector<uint64_t> per_worker(threads * 8, 0);  // 64 bytes apart
    internal::BandJoin(
        c.folded, kDocs, kBands, 4096, threads,
        [&](int worker, uint32_t, uint32_t) { ++per_worker[worker * 8]; });
    pairs = 0;
    for (int w = 0; w < threads; ++w) pairs += per_worker[w * 8];
    benchmark::DoNotOptimize(pairs);
  }
  state.SetItemsProcessed(state.iterations() * kDocs);
  state.counters["candidates_per_doc"] = static_cast<double>(pairs) / kDocs;
}
BENCHMARK(BM_CandidatesBandJoin)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace neardup

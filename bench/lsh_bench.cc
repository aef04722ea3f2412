// LSH banding index (k = 128, t = 0.8, (b, r) chosen automatically):
//   BM_LshBandKeys  signature -> b band keys (XXH3 per band), k = 64..256
//   BM_LshAdd       building an index of 100k / 1M documents from band keys
//   BM_LshQuery     querying an index of 100k / 1M documents, for a near
//                   copy of an indexed document (hit:1) or an unrelated one
//                   (hit:0); counters candidates_per_query and
//                   visited_per_query show the work done.
// Signatures are synthetic: an unrelated document's MinHash values are
// independent uniform 32-bit values, and a copy at Jaccard J agrees with its
// original at each position with probability J (what MinHash guarantees),
// so signatures are drawn directly instead of hashing text. A fifth of the
// indexed documents are copies (J = 0.9) of an earlier one, so buckets hold
// real clusters.
//
//   ./neardup_bench --benchmark_filter=Lsh --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/lsh_index.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

constexpr int kNumPerm = 128;
constexpr double kThreshold = 0.8;
constexpr double kCopyJaccard = 0.9;

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Signature of an unrelated document `id` (independent of every other id).
void RandomSignature(uint64_t id, std::vector<uint32_t>* sig) {
  uint64_t state = id * 0x632be59bd9b4e019ULL + 17;
  for (uint32_t& v : *sig) v = static_cast<uint32_t>(SplitMix(&state));
}

// Replaces each value with probability 1 - j (a copy at Jaccard ~j).
void Perturb(uint64_t seed, double j, std::vector<uint32_t>* sig) {
  uint64_t state = seed ^ 0xa0761d6478bd642fULL;
  const uint64_t keep = static_cast<uint64_t>(j * 18446744073709551615.0);
  for (uint32_t& v : *sig) {
    if (SplitMix(&state) > keep) v = static_cast<uint32_t>(SplitMix(&state));
  }
}

// Signature of indexed document `doc`: every fifth is a copy of an earlier
// unrelated document.
void IndexedSignature(uint32_t doc, std::vector<uint32_t>* sig) {
  if (doc % 5 == 4) {
    uint64_t state = doc;
    const uint64_t original = SplitMix(&state) % doc;
    RandomSignature(original - original % 5, sig);  // a non-copy
    Perturb(doc, kCopyJaccard, sig);
  } else {
    RandomSignature(doc, sig);
  }
}

LshIndex NewIndex(int num_perm = kNumPerm) {
  LshOptions options;
  options.threshold = kThreshold;
  options.num_perm = num_perm;
  return *LshIndex::Create(options);
}

std::string ParamsLabel(const LshIndex& index) {
  return absl::StrFormat("k=%d b=%d r=%d", index.options().num_perm,
                         index.params().bands, index.params().rows);
}

// Band keys of documents 0..n-1, cached per n (n x b values).
const std::vector<uint64_t>& IndexedKeys(uint32_t n) {
  static std::map<uint32_t, std::vector<uint64_t>> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  const LshIndex index = NewIndex();
  const size_t b = index.params().bands;
  std::vector<uint64_t> keys(size_t{n} * b);
  std::vector<uint32_t> sig(kNumPerm);
  for (uint32_t doc = 0; doc < n; ++doc) {
    IndexedSignature(doc, &sig);
    index.BandKeys(sig, std::span<uint64_t>(&keys[size_t{doc} * b], b));
  }
  return cache.emplace(n, std::move(keys)).first->second;
}

// A built index of n documents, cached per n.
const LshIndex& BuiltIndex(uint32_t n) {
  static std::map<uint32_t, std::unique_ptr<LshIndex>> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return *it->second;
  auto index = std::make_unique<LshIndex>(NewIndex());
  const size_t b = index->params().bands;
  const std::vector<uint64_t>& keys = IndexedKeys(n);
  for (uint32_t doc = 0; doc < n; ++doc) {
    index->Add(doc, std::span<const uint64_t>(&keys[size_t{doc} * b], b));
  }
  return *cache.emplace(n, std::move(index)).first->second;
}

void BM_LshBandKeys(benchmark::State& state) {
  const int k = static_cast<int>(state.range(0));
  const LshIndex index = NewIndex(k);
  std::vector<uint32_t> sig(k);
  RandomSignature(1, &sig);
  std::vector<uint64_t> keys(index.params().bands);
  for (auto _ : state) {
    index.BandKeys(sig, keys);
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * k * sizeof(uint32_t)));
  state.SetLabel(ParamsLabel(index));
}
BENCHMARK(BM_LshBandKeys)->ArgName("k")->Arg(64)->Arg(128)->Arg(256);

// Builds an index of n documents per iteration; items = documents added.
void BM_LshAdd(benchmark::State& state) {
  const uint32_t n = static_cast<uint32_t>(state.range(0));
  const std::vector<uint64_t>& keys = IndexedKeys(n);
  size_t memory = 0;
  std::string label;
  for (auto _ : state) {
    LshIndex index = NewIndex();
    const size_t b = index.params().bands;
    for (uint32_t doc = 0; doc < n; ++doc) {
      index.Add(doc, std::span<const uint64_t>(&keys[size_t{doc} * b], b));
    }
    state.PauseTiming();  // exclude the destructor
    memory = index.MemoryUsage();
    label = ParamsLabel(index);
    { LshIndex gone = std::move(index); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.counters["index_bytes_per_doc"] = static_cast<double>(memory) / n;
  state.SetLabel(label);
}
BENCHMARK(BM_LshAdd)->ArgName("docs")->Arg(100000)->Arg(1000000)->Unit(
    benchmark::kMillisecond);

void BM_LshQuery(benchmark::State& state) {
  const uint32_t n = static_cast<uint32_t>(state.range(0));
  const bool hit = state.range(1) != 0;
  const LshIndex& index = BuiltIndex(n);
  const size_t b = index.params().bands;
  // 4096 queries: copies of random indexed documents, or new documents.
  constexpr size_t kQueries = 4096;
  std::vector<uint64_t> queries(kQueries * b);
  std::vector<uint32_t> sig(kNumPerm);
  uint64_t rng = 99;
  for (size_t q = 0; q < kQueries; ++q) {
    if (hit) {
      IndexedSignature(static_cast<uint32_t>(SplitMix(&rng) % n), &sig);
      Perturb(1000 + q, kCopyJaccard, &sig);
    } else {
      RandomSignature(uint64_t{1} << 40 | q, &sig);
    }
    index.BandKeys(sig, std::span<uint64_t>(&queries[q * b], b));
  }
  std::vector<uint32_t> candidates;
  size_t q = 0;
  uint64_t visited = 0, found = 0;
  for (auto _ : state) {
    visited +=
        index.Query(std::span<const uint64_t>(&queries[q * b], b), &candidates);
    found += candidates.size();
    benchmark::DoNotOptimize(candidates.data());
    q = (q + 1) % kQueries;
  }
  const double iters = static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["candidates_per_query"] = found / iters;
  state.counters["visited_per_query"] = visited / iters;
  state.SetLabel(ParamsLabel(index));
}
BENCHMARK(BM_LshQuery)
    ->ArgNames({"docs", "hit"})
    ->ArgsProduct({{100000, 1000000}, {0, 1}});

}  // namespace
}  // namespace neardup

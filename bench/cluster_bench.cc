// Clustering verified pairs: BuildClusters, star vs union-find, on synthetic
// edge lists shaped like the pipeline's output (edges sorted by (a, b)).
// Of `docs` documents, a third are singletons (no edge); the rest form
// groups of 2-8 copies of one story whose pairs are all verified (a clique),
// and one group in 50 is a long chain of templated text (each document
// matches only its neighbours, 10-40 long), where star and union-find give
// different clusters. Document lengths are random, so representatives vary.
// Items = edges; counters clusters and edges.
//
//   ./neardup_bench --benchmark_filter=Cluster --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "neardup/cluster.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

struct Graph {
  std::vector<uint64_t> lengths;
  std::vector<Edge> edges;
};

Graph MakeGraph(uint32_t docs) {
  Graph g;
  const std::vector<uint64_t> r = bench::RandomValues(docs * 2 + 16, docs);
  size_t ri = 0;
  auto next = [&] { return r[ri++ % r.size()]; };
  g.lengths.resize(docs);
  for (uint64_t& len : g.lengths) len = 200 + next() % 5000;
  // Documents of each group are scattered: assign group members from a
  // shuffled permutation so edges join distant document numbers.
  std::vector<uint32_t> perm(docs);
  for (uint32_t i = 0; i < docs; ++i) perm[i] = i;
  for (uint32_t i = docs - 1; i > 0; --i) {
    std::swap(perm[i], perm[next() % (i + 1)]);
  }
  size_t pos = docs / 3;  // perm[0 .. docs/3) stay singletons
  uint64_t group = 0;
  while (pos + 2 <= docs) {
    const bool chain = group++ % 50 == 49;
    size_t size = chain ? 10 + next() % 31 : 2 + next() % 7;
    size = std::min(size, docs - pos);
    std::vector<uint32_t> members(perm.begin() + pos,
                                  perm.begin() + pos + size);
    pos += size;
    auto add = [&](uint32_t x, uint32_t y, float j) {
      g.edges.push_back(
          Edge{std::min(x, y), std::max(x, y), j, j, MatchKind::kNear, j});
    };
    if (chain) {
      for (size_t i = 0; i + 1 < size; ++i)
        add(members[i], members[i + 1], 0.82f);
    } else {
      for (size_t i = 0; i < size; ++i) {
        for (size_t k = i + 1; k < size; ++k) add(members[i], members[k], 0.9f);
      }
    }
  }
  std::sort(g.edges.begin(), g.edges.end(), [](const Edge& x, const Edge& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return g;
}

void BM_BuildClusters(benchmark::State& state, ClusterMethod method) {
  const Graph g = MakeGraph(static_cast<uint32_t>(state.range(0)));
  size_t clusters = 0;
  for (auto _ : state) {
    std::vector<Cluster> result = BuildClusters(g.lengths, g.edges, {method});
    clusters = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * g.edges.size()));
  state.counters["edges"] = static_cast<double>(g.edges.size());
  state.counters["clusters"] = static_cast<double>(clusters);
}
BENCHMARK_CAPTURE(BM_BuildClusters, star, ClusterMethod::kStar)
    ->ArgName("docs")
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BuildClusters, union_find, ClusterMethod::kUnionFind)
    ->ArgName("docs")
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace neardup

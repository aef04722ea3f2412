// Streaming Deduper: Add latency into a large index, memory per document,
// Save/Load of the whole index.
//
//   build/bin/neardup_bench --benchmark_filter=Deduper
//   NEARDUP_BENCH_DOCS=1000000 build/bin/neardup_bench \
//       --benchmark_filter=Deduper --benchmark_min_time=1
//
// The index is filled once per (docs, mode) with synthetic ~3 KB articles:
// 40 lines of 12 words drawn from a pool of 400,000 random lines (a
// 20,000-word Zipf-like vocabulary), so articles are distinct but lines
// recur like quotes and wire phrases. Counters:
//   p50_us, p99_us   latency of one Add (a new ~3 KB article) on one core
//   bytes_per_doc    resident memory added by the index / documents (ids
//                    are short: their bytes are under 1% of this)
//   stats_bytes_per_doc  the Deduper's own accounting
//   save_s, load_s, file_MB  Save and Load of the whole index
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../tests/article_text.h"
#include "neardup/deduper.h"

namespace {

using Clock = std::chrono::steady_clock;
using neardup::testing::ArticleRng;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

size_t ResidentBytes() {
  long pages = 0, resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<size_t>(resident) * sysconf(_SC_PAGESIZE);
}

class ArticleSource {
 public:
  ArticleSource() : rng_(7) {
    lines_.reserve(kLines);
    for (int i = 0; i < kLines; ++i) {
      std::string line;
      for (int w = 0; w < 12; ++w) {
        if (w) line += ' ';
        line += neardup::testing::RandomWord(rng_);
      }
      line += ".\n";
      lines_.push_back(std::move(line));
    }
  }
  /// A new ~3 KB article.
  const std::string& Next() {
    text_.clear();
    for (int l = 0; l < 40; ++l) text_ += lines_[rng_.Below(kLines)];
    return text_;
  }

 private:
  static constexpr int kLines = 400000;
  ArticleRng rng_;
  std::vector<std::string> lines_;
  std::string text_;
};

struct Filled {
  std::unique_ptr<neardup::Deduper> deduper;
  size_t docs = 0;
  double bytes_per_doc = 0;
  double fill_seconds = 0;
};

ArticleSource& Source() {
  static ArticleSource* source = new ArticleSource();
  return *source;
}

size_t BenchDocs() {
  const char* env = std::getenv("NEARDUP_BENCH_DOCS");
  return env ? std::strtoull(env, nullptr, 10) : 100000;
}

// One filled index per mode, kept for the process.
Filled& Index(neardup::Mode mode) {
  static std::map<int, Filled> cache;
  auto it = cache.find(static_cast<int>(mode));
  if (it != cache.end()) return it->second;
  Filled& f = cache[static_cast<int>(mode)];
  ArticleSource& source = Source();
  const size_t before = ResidentBytes();
  f.deduper = *neardup::Deduper::Create(neardup::DeduperOptions::ForMode(mode));
  const size_t empty = ResidentBytes();
  const Clock::time_point start = Clock::now();
  f.docs = BenchDocs();
  for (size_t i = 0; i < f.docs; ++i) {
    auto r = f.deduper->Add("d" + std::to_string(i), source.Next(),
                            static_cast<int64_t>(i));
    benchmark::DoNotOptimize(r);
  }
  f.fill_seconds = Seconds(start);
  f.bytes_per_doc =
      static_cast<double>(ResidentBytes() - empty) / static_cast<double>(f.docs);
  (void)before;
  return f;
}

void AddLatency(benchmark::State& state, neardup::Mode mode) {
  Filled& f = Index(mode);
  ArticleSource& source = Source();
  std::vector<double> us;
  us.reserve(1 << 16);
  uint64_t n = 0, bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string text = source.Next();
    const std::string id = "q" + std::to_string(n++);
    state.ResumeTiming();
    const Clock::time_point start = Clock::now();
    auto r = f.deduper->Add(id, text, static_cast<int64_t>(f.docs + n));
    us.push_back(Seconds(start) * 1e6);
    benchmark::DoNotOptimize(r);
    bytes += text.size();
    state.PauseTiming();
    f.deduper->Remove(id);  // keep the index at its size
    state.ResumeTiming();
  }
  std::sort(us.begin(), us.end());
  auto quantile = [&](double q) {
    return us.empty() ? 0.0 : us[static_cast<size_t>(q * (us.size() - 1))];
  };
  state.counters["docs"] = static_cast<double>(f.docs);
  state.counters["p50_us"] = quantile(0.5);
  state.counters["p99_us"] = quantile(0.99);
  state.counters["bytes_per_doc"] = f.bytes_per_doc;
  state.counters["stats_bytes_per_doc"] =
      static_cast<double>(f.deduper->stats().memory_bytes) /
      static_cast<double>(f.docs);
  state.counters["fill_s"] = f.fill_seconds;
  state.counters["bands"] = f.deduper->stats().lsh.bands;
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_DeduperAdd_Syndicated(benchmark::State& state) {
  AddLatency(state, neardup::Mode::kSyndicated);
}
void BM_DeduperAdd_Classic(benchmark::State& state) {
  AddLatency(state, neardup::Mode::kClassic);
}
BENCHMARK(BM_DeduperAdd_Syndicated)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DeduperAdd_Classic)->Unit(benchmark::kMicrosecond);

void SaveLoad(benchmark::State& state, neardup::Mode mode) {
  Filled& f = Index(mode);
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("neardup_bench_" + std::to_string(::getpid()) + ".ndx"))
          .string();
  double save = 0, load = 0;
  int rounds = 0;
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    if (!f.deduper->Save(path).ok()) state.SkipWithError("save failed");
    save += Seconds(start);
    start = Clock::now();
    auto loaded = neardup::Deduper::Open(path);
    load += Seconds(start);
    if (!loaded.ok() || (*loaded)->size() != f.deduper->size()) {
      state.SkipWithError("load failed");
    }
    ++rounds;
  }
  state.counters["docs"] = static_cast<double>(f.docs);
  state.counters["save_s"] = save / std::max(rounds, 1);
  state.counters["load_s"] = load / std::max(rounds, 1);
  state.counters["file_MB"] =
      static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
}

void BM_DeduperSaveLoad_Syndicated(benchmark::State& state) {
  SaveLoad(state, neardup::Mode::kSyndicated);
}
void BM_DeduperSaveLoad_Classic(benchmark::State& state) {
  SaveLoad(state, neardup::Mode::kClassic);
}
BENCHMARK(BM_DeduperSaveLoad_Syndicated)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_DeduperSaveLoad_Classic)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

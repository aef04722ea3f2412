// Streaming Deduper: Add latency into a large index, memory per document,
// Save/Load of the whole index.
//
//   build/bin/neardup_bench --benchmark_filter=Deduper
//   NEARDUP_BENCH_DOCS=1000000 build/bin/neardup_bench
//       --benchmark_filter=Deduper --benchmark_min_time=1   (one line)
//
// The index is filled once per (docs, mode) with synthetic ~3 KB articles:
// 40 lines of 12 words (a 20,000-word Zipf-like vocabulary), 36 of them the
// article's own and 4 drawn from a pool of 20,000 recurring lines, like
// quotes, wire phrases and wrappers. Counters:
//   p50_us, p99_us   latency of one Add (a new ~3 KB article) on one core
//   cpu_p50_us, cpu_p99_us  the same in thread CPU time (immune to other
//                    processes sharing the cores)
//   bytes_per_doc    resident memory added by the index / documents (ids
//                    are short: their bytes are under 1% of this)
//   stats_bytes_per_doc  the Deduper's own accounting after the fill, split
//                    into
//                    lsh_next_B, lsh_tables_B (LSH chain arrays and band
//                    tables), df_model_B (the fixed DF table / documents)
//                    and per_doc_rest_B (ids, signatures, times, id set...;
//                    of which ids_B: the id strings and their references)
//   save_s, load_s, file_MB  Save and Load of the whole index (wall;
//                    save includes fsync); save_cpu_s, load_cpu_s: CPU
//                    seconds of all threads
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
#include "absl/strings/str_cat.h"
#include "neardup/deduper.h"

namespace {

using Clock = std::chrono::steady_clock;
using neardup::testing::TestRng;

// CPU seconds of the calling thread: unlike wall time, not inflated when
// other processes share the cores.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         1e-9 * static_cast<double>(ts.tv_nsec);
}

// CPU seconds of the whole process (all threads).
double ProcessCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         1e-9 * static_cast<double>(ts.tv_nsec);
}

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
    lines_.reserve(kPoolLines);
    for (int i = 0; i < kPoolLines; ++i) lines_.push_back(FreshLine());
  }
  /// A new ~3 KB article: 36 lines of its own and 4 from a pool of 20,000
  /// recurring lines (quotes, wire phrases, wrapper lines).
  const std::string& Next() {
    text_.clear();
    for (int l = 0; l < 40; ++l) {
      if (l % 10 == 9) {
        text_ += lines_[rng_.Below(kPoolLines)];
      } else {
        text_ += FreshLine();
      }
    }
    return text_;
  }

 private:
  static constexpr int kPoolLines = 20000;
  std::string FreshLine() {
    std::string line;
    for (int w = 0; w < 12; ++w) {
      if (w) line += ' ';
      line += neardup::testing::RandomWord(rng_);
    }
    line += ".\n";
    return line;
  }
  TestRng rng_;
  std::vector<std::string> lines_;
  std::string text_;
};

struct Filled {
  std::unique_ptr<neardup::Deduper> deduper;
  size_t docs = 0;
  double bytes_per_doc = 0;
  double fill_seconds = 0;
  /// The Deduper's own accounting right after the fill (the latency runs
  /// then add and lazily remove documents, which grows its arrays).
  neardup::DeduperStats filled;
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
    auto r = f.deduper->Add(absl::StrCat("d", i), source.Next(),
                            static_cast<int64_t>(i));
    benchmark::DoNotOptimize(r);
  }
  f.fill_seconds = Seconds(start);
  f.bytes_per_doc = static_cast<double>(ResidentBytes() - empty) /
                    static_cast<double>(f.docs);
  f.filled = f.deduper->stats();
  (void)before;
  return f;
}

void AddLatency(benchmark::State& state, neardup::Mode mode) {
  Filled& f = Index(mode);
  ArticleSource& source = Source();
  std::vector<double> us, cpu_us;
  us.reserve(1 << 16);
  cpu_us.reserve(1 << 16);
  uint64_t n = 0, bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string text = source.Next();
    const std::string id = absl::StrCat("q", n++);
    state.ResumeTiming();
    const double cpu_start = ThreadCpuSeconds();
    const Clock::time_point start = Clock::now();
    auto r = f.deduper->Add(id, text, static_cast<int64_t>(f.docs + n));
    us.push_back(Seconds(start) * 1e6);
    cpu_us.push_back((ThreadCpuSeconds() - cpu_start) * 1e6);
    benchmark::DoNotOptimize(r);
    bytes += text.size();
    state.PauseTiming();
    f.deduper->Remove(id);  // keep the index at its size
    state.ResumeTiming();
  }
  std::sort(us.begin(), us.end());
  std::sort(cpu_us.begin(), cpu_us.end());
  auto quantile = [](const std::vector<double>& v, double q) {
    return v.empty() ? 0.0 : v[static_cast<size_t>(q * (v.size() - 1))];
  };
  state.counters["docs"] = static_cast<double>(f.docs);
  state.counters["p50_us"] = quantile(us, 0.5);
  state.counters["p99_us"] = quantile(us, 0.99);
  state.counters["cpu_p50_us"] = quantile(cpu_us, 0.5);
  state.counters["cpu_p99_us"] = quantile(cpu_us, 0.99);
  state.counters["bytes_per_doc"] = f.bytes_per_doc;
  {
    // Where the bytes go, per document (the Deduper's own accounting at
    // the end of the fill).
    const neardup::DeduperStats& st = f.filled;
    const double docs = static_cast<double>(f.docs);
    state.counters["stats_bytes_per_doc"] =
        static_cast<double>(st.memory_bytes) / docs;
    state.counters["lsh_next_B"] =
        static_cast<double>(st.lsh_next_bytes) / docs;
    state.counters["lsh_tables_B"] =
        static_cast<double>(st.lsh_table_bytes) / docs;
    state.counters["df_model_B"] =
        static_cast<double>(st.boilerplate_bytes) / docs;
    state.counters["ids_B"] = static_cast<double>(st.id_bytes) / docs;
    state.counters["per_doc_rest_B"] =
        static_cast<double>(st.memory_bytes - st.lsh_next_bytes -
                            st.lsh_table_bytes - st.boilerplate_bytes) /
        docs;
  }
  state.counters["fill_s"] = f.fill_seconds;
  {
    const neardup::DeduperStats st = f.deduper->stats();
    state.counters["candidates_per_call"] =
        static_cast<double>(st.candidates) /
        static_cast<double>(std::max<uint64_t>(1, st.added + st.queries));
  }
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
  double save = 0, load = 0, save_cpu = 0, load_cpu = 0;
  int rounds = 0;
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    double cpu = ProcessCpuSeconds();
    if (!f.deduper->Save(path).ok()) state.SkipWithError("save failed");
    save += Seconds(start);
    save_cpu += ProcessCpuSeconds() - cpu;
    start = Clock::now();
    cpu = ProcessCpuSeconds();
    auto loaded = neardup::Deduper::Open(path);
    load += Seconds(start);
    load_cpu += ProcessCpuSeconds() - cpu;
    if (!loaded.ok() || (*loaded)->size() != f.deduper->size()) {
      state.SkipWithError("load failed");
    }
    ++rounds;
  }
  state.counters["docs"] = static_cast<double>(f.docs);
  state.counters["save_s"] = save / std::max(rounds, 1);
  state.counters["load_s"] = load / std::max(rounds, 1);
  state.counters["save_cpu_s"] = save_cpu / std::max(rounds, 1);
  state.counters["load_cpu_s"] = load_cpu / std::max(rounds, 1);
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

namespace {

// The stages of one Add, timed apart on the same ~3 KB articles
// (syndicated options): shingling (normalise, tokenise, hash, sort),
// DF lookup + suppression, DF update, signing, band keys.
void BM_DeduperStages(benchmark::State& state) {
  const neardup::DeduperOptions o;
  auto shingler = *neardup::Shingler::Create(o.shingle, o.normalise);
  auto sketcher = *neardup::Sketcher::Create(o.sketch);
  auto lsh = *neardup::LshIndex::Create(o.EffectiveLshOptions());
  neardup::OnlineBoilerplateModel model(o.boilerplate, o.online_boilerplate);
  ArticleSource& source = Source();
  for (int i = 0; i < 20000; ++i) {
    neardup::ShingleSet set;
    shingler.Shingle(source.Next(), &set);
    model.AddDocument(set.hashes, i);
  }
  neardup::ShingleSet set;
  std::vector<uint64_t> raw;
  std::vector<uint32_t> signature(sketcher.k());
  std::vector<uint64_t> keys(lsh.params().bands);
  double t_shingle = 0, t_apply = 0, t_learn = 0, t_sign = 0, t_keys = 0;
  int64_t n = 0;
  for (auto _ : state) {
    const std::string& text = source.Next();
    Clock::time_point t0 = Clock::now();
    shingler.Shingle(text, &set);
    Clock::time_point t1 = Clock::now();
    raw = set.hashes;
    model.Apply(&set.hashes);
    Clock::time_point t2 = Clock::now();
    model.AddDocument(raw, n);
    Clock::time_point t3 = Clock::now();
    sketcher.Sign(set.hashes, signature);
    Clock::time_point t4 = Clock::now();
    lsh.BandKeys(signature, keys);
    Clock::time_point t5 = Clock::now();
    auto us = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double>(b - a).count() * 1e6;
    };
    t_shingle += us(t0, t1);
    t_apply += us(t1, t2);
    t_learn += us(t2, t3);
    t_sign += us(t3, t4);
    t_keys += us(t4, t5);
    ++n;
  }
  state.counters["shingle_us"] = t_shingle / n;
  state.counters["df_apply_us"] = t_apply / n;
  state.counters["df_learn_us"] = t_learn / n;
  state.counters["sign_us"] = t_sign / n;
  state.counters["bandkeys_us"] = t_keys / n;
  state.counters["shingles"] = static_cast<double>(raw.size());
}
BENCHMARK(BM_DeduperStages)->Unit(benchmark::kMicrosecond);

}  // namespace

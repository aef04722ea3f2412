// Throughput of Normalise and Tokenise on news text of 300 B, 3 KB and
// 30 KB, in four kinds of text:
//   ascii        Reuters-21578 newswire (pure ASCII, upper-case headlines,
//                indented paragraphs, &lt; entities)
//   mostly_ascii BBC News (ASCII with the odd '£')
//   urdu         COUNTER Urdu news (Arabic script, some harakat)
//   japanese     livedoor news (kanji, kana, full-width punctuation)
// The texts come from ../shared/datasets when that folder exists (set
// NEARDUP_SHARED_DIR to point elsewhere); otherwise from the short built-in
// samples below, repeated.
//
//   ./neardup_bench --benchmark_filter=Normalise --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/normalise.h"
#include "neardup/tokenise.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBuiltinAscii =
    "LONDON, March 3 - The Bank of England said it provided the money market "
    "with "
    "a further 437 mln stg assistance in the afternoon session. This brings "
    "the "
    "Bank's total help so far today to 1.07 billion stg and compares with its "
    "revised shortage forecast of 1.25 billion stg.\n    The central bank "
    "bought "
    "bills outright in band one at 10-7/8 pct and in band two at 10-13/16 "
    "pct.\n"
    "    Earlier, the Bank said it had made no change to its money market "
    "intervention rates, and dealers said &lt;Barclays> was expected to "
    "follow.\n\n";

constexpr const char* kBuiltinMostlyAscii =
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn "
    "(\xC2\xA3"
    "600m) for the three months to December, from $639m year-earlier. "
    "The firm, which is now one of the biggest investors in Google, benefited "
    "from sales of high-speed internet connections and higher advert "
    "sales.\n\n";

constexpr const char* kBuiltinUrdu =
    "\xD8\xA8\xD9\x86\xDA\xAF\xD8\xA7\xD9\x84 "
    "\xD9\xB9\xD8\xA7\xD8\xA6\xDB\x8C\xDA\xAF\xD8\xB1"
    "\xD8\xB2 \xD9\x86\xDB\x92 \xDA\xA9\xD9\x85\xD8\xB2\xD9\x88\xD8\xB1 "
    "\xD8\xB2\xD9\x85\xD8\xA8"
    "\xD8\xA7\xD8\xA8\xD9\x88\xDB\x92 \xDA\xA9\xD9\x88 "
    "\xD9\xB9\xDB\x8C\xD8\xB3\xD9\xB9 \xDA\xA9"
    "\xDB\x92 \xD8\xA8\xD8\xB9\xD8\xAF \xD9\x88\xD9\x86 \xDA\x88\xDB\x92 "
    "\xD8\xB3\xDB\x8C\xD8\xB1"
    "\xDB\x8C\xD8\xB2 \xD9\x85\xDB\x8C\xDA\xBA \xD8\xA8\xDA\xBE\xDB\x8C "
    "\xD9\x88\xD8\xA7\xD8\xA6"
    "\xD9\xB9 \xD9\x88\xD8\xA7\xD8\xB4 \xDA\xA9\xD8\xB1 "
    "\xD8\xAF\xDB\x8C\xD8\xA7\xD8\x8C "
    "\xD9\xBE\xD8\xA7\xD9\x86\xDA\x86\xD9\x88\xDB\x8C\xDA\xBA "
    "\xD8\xA7\xD9\x88\xD8\xB1 \xD8\xA2"
    "\xD8\xAE\xD8\xB1\xDB\x8C \xD9\x88\xD9\x86 \xDA\x88\xDB\x92 "
    "\xD9\x85\xDB\x8C\xDA\x86 \xD9\x85"
    "\xDB\x8C\xDA\xBA 5 \xD9\x88\xDA\xA9\xD9\xB9\xD9\x88\xDA\xBA "
    "\xD8\xB3\xDB\x92 \xD9\x81\xD8\xAA"
    "\xD8\xAD \xDB\x8C\xD8\xA7\xD8\xA8\xDB\x94\n\n";

constexpr const char* kBuiltinJapanese =
    "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF\xEF\xBC\x93\xE6\x97\xA5"
    "\xE3\x80\x81"
    "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE3\x82\xA4\xE3\x83\xB3\xE3\x83\x95"
    "\xE3\x83\xA9"
    "\xE6\x95\xB4\xE5\x82\x99\xE8\xA8\x88\xE7\x94\xBB\xE3\x82\x92\xE7\x99\xBA"
    "\xE8\xA1\xA8"
    "\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82\xE3\x80\x8C\xE3\x83\x87\xE3\x82\xB8"
    "\xE3\x82\xBF"
    "\xE3\x83\xAB\xE5\x8C\x96\xE3\x80\x8D\xE3\x82\x92\xE9\x80\xB2\xE3\x82\x81"
    "\xE3\x82\x8B"
    "\xE3\x81\x9F\xE3\x82\x81\xE3\x80\x81\xEF\xBC\xA9\xEF\xBC\xB4\xE4\xBC\x81"
    "\xE6\xA5\xAD"
    "\xE3\x81\xA8\xE9\x80\xA3\xE6\x90\xBA\xE3\x81\x99\xE3\x82\x8B\xE3\x80\x82\n"
    "\n";

fs::path SharedDir() {
  if (const char* env = std::getenv("NEARDUP_SHARED_DIR")) return env;
  // <repo>/bench/normalise_bench.cc -> <repo>/../shared
  return fs::path(__FILE__).parent_path().parent_path().parent_path() /
         "shared";
}

// The "text" fields of a JSON Lines file (just enough JSON for the corpora).
std::string ReadJsonlTexts(const fs::path& path, size_t want) {
  std::ifstream in(path);
  std::string line, all;
  while (all.size() < want && std::getline(in, line)) {
    const size_t key = line.find("\"text\": \"");
    if (key == std::string::npos) continue;
    for (size_t p = key + 9; p < line.size() && line[p] != '"'; ++p) {
      if (line[p] == '\\' && p + 1 < line.size()) {
        const char e = line[++p];
        all += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // \uXXXX is rare here
      } else {
        all += line[p];
      }
    }
    all += "\n\n";
  }
  return all;
}

std::string ReadTextFiles(const fs::path& dir, size_t want) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    if (all.size() >= want) break;
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    all += ss.str();
    all += "\n\n";
  }
  return all;
}

enum Kind { kAscii, kMostlyAscii, kUrdu, kJapanese };
constexpr const char* kKindNames[] = {"ascii", "mostly_ascii", "urdu",
                                      "japanese"};

// Text of `kind`, at least 64 KB, from the corpora when present.
const std::string& Source(Kind kind) {
  static std::string sources[4];
  std::string& s = sources[kind];
  if (!s.empty()) return s;
  constexpr size_t kWant = 64 * 1024;
  const fs::path shared = SharedDir() / "datasets";
  std::error_code ec;
  switch (kind) {
    case kAscii:
      if (fs::exists(shared / "reuters21578/corpus.jsonl", ec))
        s = ReadJsonlTexts(shared / "reuters21578/corpus.jsonl", kWant);
      break;
    case kMostlyAscii:
      if (fs::exists(shared / "bbc/corpus.jsonl", ec))
        s = ReadJsonlTexts(shared / "bbc/corpus.jsonl", kWant);
      break;
    case kUrdu:
      if (fs::exists(shared / "counter/corpus.jsonl", ec))
        s = ReadJsonlTexts(shared / "counter/corpus.jsonl", kWant);
      break;
    case kJapanese:
      if (fs::is_directory(shared / "livedoor_ja/topic-news", ec))
        s = ReadTextFiles(shared / "livedoor_ja/topic-news", kWant);
      break;
  }
  const char* builtin[] = {kBuiltinAscii, kBuiltinMostlyAscii, kBuiltinUrdu,
                           kBuiltinJapanese};
  while (s.size() < kWant) s += builtin[kind];
  return s;
}

// The first `size` bytes of the source, cut back to a character boundary.
std::string Document(Kind kind, size_t size) {
  const std::string& src = Source(kind);
  size_t n = std::min(size, src.size());
  while (n > 0 && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) --n;
  return src.substr(0, n);
}

void BM_Normalise(benchmark::State& state) {
  const auto kind = static_cast<Kind>(state.range(0));
  const std::string doc = Document(kind, static_cast<size_t>(state.range(1)));
  std::string out;
  NormaliseStats stats;
  for (auto _ : state) {
    Normalise(doc, {}, &out, &stats);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetLabel(kKindNames[kind]);
  state.counters["out_bytes_per_in"] =
      static_cast<double>(out.size()) / doc.size();
}

void BM_Tokenise(benchmark::State& state) {
  const auto kind = static_cast<Kind>(state.range(0));
  const std::string doc =
      Normalise(Document(kind, static_cast<size_t>(state.range(1))));
  std::vector<std::string_view> tokens;
  for (auto _ : state) {
    Tokenise(doc, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetLabel(kKindNames[kind]);
  state.counters["tokens"] = static_cast<double>(tokens.size());
}

void BM_NormaliseAndTokenise(benchmark::State& state) {
  const auto kind = static_cast<Kind>(state.range(0));
  const std::string doc = Document(kind, static_cast<size_t>(state.range(1)));
  std::string out;
  std::vector<std::string_view> tokens;
  for (auto _ : state) {
    Normalise(doc, {}, &out);
    Tokenise(out, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetLabel(kKindNames[kind]);
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (int kind = kAscii; kind <= kJapanese; ++kind) {
    for (int size : {300, 3000, 30000}) b->Args({kind, size});
  }
  b->ArgNames({"kind", "bytes"});
}

BENCHMARK(BM_Normalise)->Apply(Sizes);
BENCHMARK(BM_Tokenise)->Apply(Sizes);
BENCHMARK(BM_NormaliseAndTokenise)->Apply(Sizes);

}  // namespace
}  // namespace neardup

// Corpus input, the serial front of the pipeline: CorpusReader::Next over a
// JSON Lines file in the page cache (line splitting, JSON scanning, string
// decoding, duplicate-id check), ReadAgain (what verification does for
// every document in a candidate pair) and ScanJsonObject alone.
// The file (~32 MB) is written once to $TMPDIR (else /tmp) from the real
// documents of each kind (see text_fixtures.h), repeated with fresh ids,
// and removed at exit. Bytes = JSONL bytes; items = documents.
//
//   ./neardup_bench --benchmark_filter=Corpus --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "neardup/corpus.h"
#include "neardup/json.h"
#include "text_fixtures.h"

namespace neardup {
namespace {

using bench::TextKind;
namespace fs = std::filesystem;

constexpr size_t kFileBytes = 32 << 20;

struct JsonlFile {
  std::string path;
  uint64_t bytes = 0;
  uint64_t docs = 0;
  std::vector<std::string> lines;  // a sample for BM_ScanJsonObject
  ~JsonlFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

const JsonlFile& File(TextKind kind) {
  static std::map<int, std::unique_ptr<JsonlFile>> files;
  auto it = files.find(kind);
  if (it != files.end()) return *it->second;
  auto file = std::make_unique<JsonlFile>();
  const char* tmp = std::getenv("TMPDIR");
  file->path = (fs::path(tmp && *tmp ? tmp : "/tmp") /
                absl::StrFormat("neardup-corpus-bench-%d-%s.jsonl", getpid(),
                                bench::KindName(kind)))
                   .string();
  std::ofstream out(file->path, std::ios::binary | std::ios::trunc);
  const std::vector<std::string>& docs = bench::Documents(kind);
  std::string line;
  while (file->bytes < kFileBytes) {
    const std::string& text = docs[file->docs % docs.size()];
    line = absl::StrFormat("{\"id\": \"d%08d\", \"text\": ", file->docs);
    AppendJsonString(&line, text);
    line += "}\n";
    out << line;
    if (file->lines.size() < 1000) file->lines.push_back(line);
    file->bytes += line.size();
    ++file->docs;
  }
  return *files.emplace(kind, std::move(file)).first->second;
}

void BM_CorpusRead(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const JsonlFile& file = File(kind);
  Document doc;
  uint64_t docs = 0;
  for (auto _ : state) {
    auto reader = *CorpusReader::Open({file.path}, {});
    docs = 0;
    while (*reader->Next(&doc)) ++docs;
  }
  if (docs != file.docs) state.SkipWithError("wrong document count");
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * file.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs));
  state.counters["bytes_per_doc"] = static_cast<double>(file.bytes) / file.docs;
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_CorpusRead)
    ->ArgName("kind")
    ->Arg(bench::kEnglish)
    ->Arg(bench::kJapanese)
    ->Unit(benchmark::kMillisecond);

// Every document read again by location, in input order (as verification
// does for the documents of candidate pairs).
void BM_CorpusReadAgain(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const JsonlFile& file = File(kind);
  auto reader = *CorpusReader::Open({file.path}, {});
  std::vector<DocumentLocation> locations;
  Document doc;
  while (*reader->Next(&doc)) locations.push_back(doc.location);
  for (auto _ : state) {
    for (const DocumentLocation& location : locations) {
      if (!reader->ReadAgain(location, &doc).ok()) {
        state.SkipWithError("ReadAgain failed");
        return;
      }
      benchmark::DoNotOptimize(doc.text.data());
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * file.bytes));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * locations.size()));
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_CorpusReadAgain)
    ->ArgName("kind")
    ->Arg(bench::kEnglish)
    ->Arg(bench::kJapanese)
    ->Unit(benchmark::kMillisecond);

void BM_ScanJsonObject(benchmark::State& state) {
  const auto kind = static_cast<TextKind>(state.range(0));
  const JsonlFile& file = File(kind);
  std::string id, text;
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& line : file.lines) {
      JsonField fields[] = {{"id", &id}, {"text", &text}};
      benchmark::DoNotOptimize(ScanJsonObject(line, fields).ok());
      bytes += line.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * file.lines.size()));
  bench::LabelKind(state, kind);
}
BENCHMARK(BM_ScanJsonObject)
    ->ArgName("kind")
    ->Arg(bench::kEnglish)
    ->Arg(bench::kJapanese);

}  // namespace
}  // namespace neardup

// Benchmark inputs; see text_fixtures.h.
#include "text_fixtures.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "neardup/json.h"
#include "synth/synth.h"

namespace neardup::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMinBytes = 64 * 1024;
constexpr size_t kMaxBytes = 4 * 1024 * 1024;

// Built-in samples, used when ../shared/datasets is absent. English comes
// from the synth generator's built-in articles.
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
  // <repo>/bench/text_fixtures.cc -> <repo>/../shared
  return fs::path(__FILE__).parent_path().parent_path().parent_path() /
         "shared";
}

// The "text" field of each line of a JSON Lines corpus, until `max_bytes`.
std::vector<std::string> ReadJsonl(const fs::path& path, size_t max_bytes) {
  std::vector<std::string> docs;
  std::ifstream in(path, std::ios::binary);
  std::string line, text;
  size_t total = 0;
  while (total < max_bytes && std::getline(in, line)) {
    JsonField fields[] = {{"text", &text}};
    if (!ScanJsonObject(line, fields).ok() ||
        fields[0].type != JsonType::kString || text.empty()) {
      continue;
    }
    total += text.size();
    docs.push_back(text);
  }
  return docs;
}

// Each *.txt file of `dir` (sorted by name) as one document.
std::vector<std::string> ReadTextFiles(const fs::path& dir, size_t max_bytes) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt" &&
        e.path().filename() != "LICENSE.txt") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  size_t total = 0;
  for (const fs::path& f : files) {
    if (total >= max_bytes) break;
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    if (text.empty()) continue;
    total += text.size();
    docs.push_back(std::move(text));
  }
  return docs;
}

struct Loaded {
  std::vector<std::string> docs;
  uint64_t bytes = 0;
  bool from_datasets = false;
};

Loaded Load(TextKind kind) {
  Loaded loaded;
  const fs::path shared = SharedDir() / "datasets";
  std::error_code ec;
  switch (kind) {
    case kEnglish:
      if (fs::exists(shared / "reuters21578/corpus.jsonl", ec))
        loaded.docs =
            ReadJsonl(shared / "reuters21578/corpus.jsonl", kMaxBytes);
      break;
    case kMostlyAscii:
      if (fs::exists(shared / "bbc/corpus.jsonl", ec))
        loaded.docs = ReadJsonl(shared / "bbc/corpus.jsonl", kMaxBytes);
      break;
    case kUrdu:
      if (fs::exists(shared / "counter/corpus.jsonl", ec))
        loaded.docs = ReadJsonl(shared / "counter/corpus.jsonl", kMaxBytes);
      break;
    case kJapanese:
      if (fs::is_directory(shared / "livedoor_ja/topic-news", ec))
        loaded.docs =
            ReadTextFiles(shared / "livedoor_ja/topic-news", kMaxBytes);
      break;
  }
  loaded.from_datasets = !loaded.docs.empty();
  if (!loaded.from_datasets) {
    // Built-in: documents of 1..8 paragraphs, until kMinBytes.
    std::vector<std::string_view> paragraphs;
    if (kind == kEnglish) {
      for (std::string_view a : synth::GetBuiltinTables().articles) {
        paragraphs.push_back(a);
      }
    } else {
      const char* text[] = {nullptr, kBuiltinMostlyAscii, kBuiltinUrdu,
                            kBuiltinJapanese};
      paragraphs.push_back(text[kind]);
    }
    size_t total = 0;
    for (size_t i = 0; total < kMinBytes; ++i) {
      std::string doc;
      for (size_t p = 0; p <= i % 8; ++p) {
        doc += paragraphs[(i + p) % paragraphs.size()];
        doc += "\n\n";
      }
      total += doc.size();
      loaded.docs.push_back(std::move(doc));
    }
  }
  for (const std::string& d : loaded.docs) loaded.bytes += d.size();
  return loaded;
}

const Loaded& Get(TextKind kind) {
  static Loaded loaded[kNumTextKinds];
  static bool done[kNumTextKinds] = {};
  if (!done[kind]) {
    loaded[kind] = Load(kind);
    done[kind] = true;
  }
  return loaded[kind];
}

}  // namespace

const char* KindName(TextKind kind) {
  static constexpr const char* kNames[] = {"english", "mostly_ascii", "urdu",
                                           "japanese"};
  return kNames[kind];
}

bool FromDatasets(TextKind kind) { return Get(kind).from_datasets; }

const std::vector<std::string>& Documents(TextKind kind) {
  return Get(kind).docs;
}

uint64_t TotalBytes(TextKind kind) { return Get(kind).bytes; }

std::string Text(TextKind kind, size_t bytes) {
  const std::vector<std::string>& docs = Documents(kind);
  std::string out;
  out.reserve(bytes + 4);
  for (size_t i = 0; out.size() < bytes; i = (i + 1) % docs.size()) {
    if (!out.empty()) out += "\n\n";
    out += docs[i];
  }
  size_t n = std::min(bytes, out.size());
  while (n > 0 && n < out.size() &&
         (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) {
    --n;
  }
  out.resize(n);
  return out;
}

void KindsAndSizes(benchmark::internal::Benchmark* b,
                   std::initializer_list<TextKind> kinds) {
  for (TextKind kind : kinds) {
    for (int size : {300, 3000, 30000}) b->Args({kind, size});
  }
  b->ArgNames({"kind", "bytes"});
}

void LabelKind(benchmark::State& state, TextKind kind) {
  state.SetLabel(FromDatasets(kind)
                     ? std::string(KindName(kind))
                     : std::string(KindName(kind)) + " (built-in text)");
}

std::vector<uint64_t> RandomValues(size_t n, uint64_t seed) {
  std::vector<uint64_t> values(n);
  uint64_t x = seed;
  for (uint64_t& v : values) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    v = z ^ (z >> 31);
  }
  return values;
}

}  // namespace neardup::bench

#include "neardup/corpus.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "neardup/json.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- helpers

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "neardup-test-XXXXXX");
    char* made = mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(std::string_view name) const {
    return (fs::path(path_) / name).string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, std::string_view data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// gzip with one member per part.
std::string Gzip(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view part : parts) {
    z_stream s{};
    EXPECT_EQ(
        deflateInit2(&s, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
        Z_OK);
    std::string buf(deflateBound(&s, part.size()) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(part.data()));
    s.avail_in = static_cast<uInt>(part.size());
    s.next_out = reinterpret_cast<Bytef*>(buf.data());
    s.avail_out = static_cast<uInt>(buf.size());
    EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
    buf.resize(s.total_out);
    deflateEnd(&s);
    out += buf;
  }
  return out;
}

// zstd with one frame per part, with content checksums.
std::string Zstd(const std::vector<std::string_view>& parts) {
  std::string out;
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 3);
  for (std::string_view part : parts) {
    std::string buf(ZSTD_compressBound(part.size()), '\0');
    const size_t n =
        ZSTD_compress2(cctx, buf.data(), buf.size(), part.data(), part.size());
    EXPECT_FALSE(ZSTD_isError(n)) << ZSTD_getErrorName(n);
    buf.resize(n);
    out += buf;
  }
  ZSTD_freeCCtx(cctx);
  return out;
}

std::vector<std::string_view> Halves(std::string_view s) {
  // Split at a line boundary in the middle, so members end mid-corpus.
  size_t mid = s.find('\n', s.size() / 2);
  if (mid == std::string_view::npos) mid = s.size() / 2;
  return {s.substr(0, mid + 1), s.substr(mid + 1)};
}

struct Result {
  absl::Status status;
  std::vector<Document> docs;
  CorpusStats stats;
};

Result ReadAll(std::vector<std::string> inputs, CorpusOptions options = {},
               std::unique_ptr<CorpusReader>* keep = nullptr) {
  Result r;
  auto reader = CorpusReader::Open(std::move(inputs), options);
  if (!reader.ok()) {
    r.status = reader.status();
    return r;
  }
  Document doc;
  while (true) {
    absl::StatusOr<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) {
      r.status = more.status();
      break;
    }
    if (!*more) break;
    r.docs.push_back(doc);
  }
  r.stats = (*reader)->stats();
  if (keep != nullptr) *keep = std::move(*reader);
  return r;
}

// Runs `fn` with `data` readable on file descriptor 0 through a pipe.
void WithStdin(std::string data, const std::function<void()>& fn) {
  signal(SIGPIPE, SIG_IGN);
  // Make sure fd 0 is open, so that pipe() cannot return it.
  if (fcntl(STDIN_FILENO, F_GETFD) == -1) {
    const int null_fd = open("/dev/null", O_RDONLY);
    ASSERT_EQ(null_fd, STDIN_FILENO);
  }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([fd = fds[1], data = std::move(data)] {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = write(fd, data.data() + done, data.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(fd);
  });
  const int saved = dup(STDIN_FILENO);
  dup2(fds[0], STDIN_FILENO);
  close(fds[0]);
  fn();
  dup2(saved, STDIN_FILENO);  // drops the last reference to the pipe
  close(saved);
  writer.join();
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Abseil 20220623 has its own string_view (Status::message()).
bool StartsWith(absl::string_view s, std::string_view prefix) {
  return StartsWith(std::string_view(s.data(), s.size()), prefix);
}
bool Contains(absl::string_view s, std::string_view part) {
  return Contains(std::string_view(s.data(), s.size()), part);
}
bool StartsWith(const std::string& s, std::string_view prefix) {
  return StartsWith(std::string_view(s), prefix);
}
bool Contains(const std::string& s, std::string_view part) {
  return Contains(std::string_view(s), part);
}

struct Expected {
  std::string id;
  std::string text;
};

// A deterministic test corpus exercising escapes, Unicode, integer ids,
// nested fields, field order and blank lines. Returns the JSONL and fills
// the expected documents.
std::string MakeCorpus(int n, std::vector<Expected>* expected,
                       uint32_t seed = 42) {
  std::mt19937 rng(seed);
  const char* words[] = {"market",      "shares",     "rose",  "minister",
                         "said",        "café",       "東京",  "وزير",
                         "समाचार",      "\"quoted\"", "tab\t", "back\\slash",
                         "line\nbreak", "€100"};
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    std::string text;
    const int len = 5 + static_cast<int>(rng() % 60);
    for (int w = 0; w < len; ++w) {
      if (w > 0) text += ' ';
      text += words[rng() % std::size(words)];
    }
    if (i % 9 == 0) text += " \xF0\x9F\x98\x80";  // astral: surrogate pair
    std::string id;
    std::string id_json;
    if (i % 5 == 3) {
      id = std::to_string(1000 + i);  // integer id
      id_json = id;
    } else {
      id = "doc-" + std::to_string(i);
      AppendJsonString(&id_json, id);
    }
    std::string text_json;
    AppendJsonString(&text_json, text);
    if (i % 3 == 0) {
      // ensure_ascii style escapes for the astral character.
      const std::string emoji = "\xF0\x9F\x98\x80";
      for (size_t p = text_json.find(emoji); p != std::string::npos;
           p = text_json.find(emoji)) {
        text_json.replace(p, emoji.size(), "\\ud83d\\ude00");
      }
    }
    std::string line;
    switch (i % 4) {
      case 0:
        line = "{\"id\": " + id_json + ", \"text\": " + text_json + "}";
        break;
      case 1:
        line = "{\"text\":" + text_json + ",\"meta\":{\"id\":\"nested\"," +
               "\"text\":[1,{\"a\":null}]},\"id\":" + id_json + "}";
        break;
      case 2:
        line = "  {\"lang\":\"en\", \"id\" : " + id_json +
               " ,\"n\":-1.5e3,\"ok\":true, \"text\" : " + text_json + " } ";
        break;
      default:
        line = "{\"id\":" + id_json + ",\"text\":" + text_json +
               ",\"tags\":[\"a\",[],{}]}";
    }
    jsonl += line;
    jsonl += (i % 7 == 0) ? "\r\n" : "\n";
    if (i % 10 == 4) jsonl += "\n   \t\n";  // blank lines
    expected->push_back({id, text});
  }
  return jsonl;
}

void ExpectDocs(const Result& r, const std::vector<Expected>& expected,
                const std::string& label) {
  ASSERT_TRUE(r.status.ok()) << label << ": " << r.status;
  ASSERT_EQ(r.docs.size(), expected.size()) << label;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.docs[i].id, expected[i].id) << label << " doc " << i;
    EXPECT_EQ(r.docs[i].text, expected[i].text) << label << " doc " << i;
  }
}

void ExpectReadAgain(const CorpusReader& reader, const Result& r,
                     const std::string& label) {
  Document again;
  for (const Document& d : r.docs) {
    absl::Status s = reader.ReadAgain(d.location, &again);
    ASSERT_TRUE(s.ok()) << label << ": " << s;
    EXPECT_EQ(again.id, d.id) << label;
    EXPECT_EQ(again.text, d.text) << label;
    EXPECT_EQ(again.raw, d.raw) << label;
    EXPECT_EQ(again.input_index, d.input_index) << label;
  }
}

// ------------------------------------------------------------------ tests

TEST(CorpusOptionsTest, Validate) {
  EXPECT_TRUE(CorpusOptions{}.Validate().ok());
  CorpusOptions o;
  o.id_field = "";
  EXPECT_EQ(o.Validate().code(), absl::StatusCode::kInvalidArgument);
  o = {};
  o.text_field = "id";
  EXPECT_EQ(o.Validate().code(), absl::StatusCode::kInvalidArgument);
  o = {};
  o.include.clear();
  EXPECT_EQ(o.Validate().code(), absl::StatusCode::kInvalidArgument);
  o = {};
  o.exclude = {""};
  EXPECT_EQ(o.Validate().code(), absl::StatusCode::kInvalidArgument);
  // Open() validates too.
  EXPECT_EQ(CorpusReader::Open({"-"}, o).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CorpusReaderTest, AllFormatsGiveIdenticalDocuments) {
  TempDir dir;
  std::vector<Expected> expected;
  const std::string jsonl = MakeCorpus(300, &expected);
  WriteFile(dir / "c.jsonl", jsonl);
  WriteFile(dir / "c.jsonl.gz", Gzip(Halves(jsonl)));
  WriteFile(dir / "c.jsonl.zst", Zstd(Halves(jsonl)));
  WriteFile(dir / "sniffed-gzip.jsonl", Gzip({jsonl}));
  WriteFile(dir / "sniffed-zstd.data", Zstd({jsonl}));

  std::vector<Document> plain_docs;
  for (const char* name : {"c.jsonl", "c.jsonl.gz", "c.jsonl.zst",
                           "sniffed-gzip.jsonl", "sniffed-zstd.data"}) {
    std::unique_ptr<CorpusReader> reader;
    Result r = ReadAll({dir / name}, {}, &reader);
    ExpectDocs(r, expected, name);
    ExpectReadAgain(*reader, r, name);
    if (plain_docs.empty()) {
      plain_docs = r.docs;
    } else {
      for (size_t i = 0; i < r.docs.size(); ++i) {
        EXPECT_EQ(r.docs[i].raw, plain_docs[i].raw) << name;
        EXPECT_EQ(r.docs[i].line, plain_docs[i].line) << name;
      }
    }
    const uint64_t size = fs::file_size(dir / name);
    EXPECT_EQ(r.stats.bytes_read, size) << name;
    ASSERT_TRUE(r.stats.total_bytes.has_value()) << name;
    EXPECT_EQ(*r.stats.total_bytes, size) << name;
    EXPECT_EQ(r.stats.records, expected.size()) << name;
    EXPECT_EQ(r.stats.skipped(), 0u) << name;
  }

  // Standard input: plain, gzip and zstd (sniffed).
  const std::vector<std::pair<std::string, std::string>> streams = {
      {"stdin plain", jsonl},
      {"stdin gzip", Gzip(Halves(jsonl))},
      {"stdin zstd", Zstd(Halves(jsonl))}};
  for (const auto& stream : streams) {
    const std::string& label = stream.first;
    WithStdin(stream.second, [&] {
      std::unique_ptr<CorpusReader> reader;
      Result r = ReadAll({"-"}, {}, &reader);
      ExpectDocs(r, expected, label);
      ExpectReadAgain(*reader, r, label);
      EXPECT_FALSE(r.stats.total_bytes.has_value()) << label;
      for (size_t i = 0; i < r.docs.size() && i < plain_docs.size(); ++i) {
        EXPECT_EQ(r.docs[i].raw, plain_docs[i].raw) << label;
      }
    });
  }
}

TEST(CorpusReaderTest, DocumentFields) {
  TempDir dir;
  WriteFile(
      dir / "a.jsonl",
      "{\"id\":\"x\",\"text\":\"one\"}\n\n{\"id\":\"y\",\"text\":\"two\"}");
  WriteFile(dir / "b.jsonl", "{\"id\":\"z\",\"text\":\"three\"}\n");
  Result r = ReadAll({dir / "a.jsonl", dir / "b.jsonl"});
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].raw, "{\"id\":\"x\",\"text\":\"one\"}");
  EXPECT_EQ(r.docs[0].line, 1u);
  EXPECT_EQ(r.docs[0].input_index, 0u);
  EXPECT_EQ(r.docs[0].location.offset, 0u);
  EXPECT_EQ(r.docs[0].location.length, r.docs[0].raw.size());
  EXPECT_EQ(r.docs[1].id, "y");
  EXPECT_EQ(r.docs[1].line, 3u);  // blank line 2 is skipped but counted
  EXPECT_EQ(r.docs[1].location.offset, r.docs[0].raw.size() + 2);
  EXPECT_EQ(r.docs[2].id, "z");
  EXPECT_EQ(r.docs[2].input_index, 1u);
  EXPECT_EQ(r.docs[2].line, 1u);
  EXPECT_EQ(*r.stats.total_bytes,
            fs::file_size(dir / "a.jsonl") + fs::file_size(dir / "b.jsonl"));
}

TEST(CorpusReaderTest, CrlfBlankLinesAndByteOrderMark) {
  TempDir dir;
  WriteFile(dir / "crlf.jsonl",
            "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n"
            "\r\n"
            "   \t \r\n"
            "{\"id\":\"b\",\"text\":\"y\\r\"}\r\n"
            "\n"
            "{\"id\":\"c\",\"text\":\"z\"}\r\n"
            "\r\n");
  std::unique_ptr<CorpusReader> reader;
  Result r = ReadAll({dir / "crlf.jsonl"}, {}, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].id, "a");
  EXPECT_EQ(r.docs[0].raw, "{\"id\":\"a\",\"text\":\"x\"}");
  EXPECT_EQ(r.docs[1].text, "y\r");
  EXPECT_EQ(r.docs[1].line, 4u);
  EXPECT_EQ(r.docs[2].line, 6u);
  EXPECT_EQ(r.stats.records, 3u);
  EXPECT_EQ(r.stats.skipped(), 0u);
  ExpectReadAgain(*reader, r, "crlf");
}

TEST(CorpusReaderTest, IdsAndEscapes) {
  TempDir dir;
  WriteFile(
      dir / "e.jsonl",
      R"({"id": 42, "text": "caf\u00e9 \u6771\u4eac \ud83d\ude00"})"
      "\n"
      R"({"id": -7, "text": "lone \ud800 high, lone \udc00 low"})"
      "\n"
      R"({"id": "s\"q", "text": "tab\tnl\nq\" bs\\ sl\/ nul\u0000!"})"
      "\n"
      R"({"meta": {"id": "inner", "text": "inner"}, "text": "outer", "id": "o"})"
      "\n");
  Result r = ReadAll({dir / "e.jsonl"});
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].id, "42");
  EXPECT_EQ(r.docs[0].text,
            "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80");
  EXPECT_EQ(r.docs[1].id, "-7");
  EXPECT_EQ(r.docs[1].text, "lone \xEF\xBF\xBD high, lone \xEF\xBF\xBD low");
  EXPECT_EQ(r.docs[2].id, "s\"q");
  EXPECT_EQ(r.docs[2].text, std::string("tab\tnl\nq\" bs\\ sl/ nul") +
                                std::string(1, '\0') + "!");
  EXPECT_EQ(r.docs[3].id, "o");
  EXPECT_EQ(r.docs[3].text, "outer");
}

TEST(CorpusReaderTest, CustomFieldNames) {
  TempDir dir;
  WriteFile(dir / "f.jsonl",
            R"({"id": "ignored", "url": "http://x/1", "body": "B1"})"
            "\n");
  CorpusOptions options;
  options.id_field = "url";
  options.text_field = "body";
  Result r = ReadAll({dir / "f.jsonl"}, options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "http://x/1");
  EXPECT_EQ(r.docs[0].text, "B1");
}

TEST(CorpusReaderTest, ErrorsNameFileAndLine) {
  TempDir dir;
  const std::string good = R"({"id":"g","text":"ok"})";
  struct Case {
    std::string bad_line;
    std::string expect;  // part of the message after "file:3: "
  } cases[] = {
      {R"({"id":"a","text":"x"} junk)", "malformed JSON (offset 22: "},
      {R"({"id":"a","text":"x")", "malformed JSON"},
      {R"(["id","text"])", "not a JSON object"},
      {R"({"text":"x"})", "missing id field \"id\""},
      {R"({"id":null,"text":"x"})", "must be a string or an integer, not null"},
      {R"({"id":1.5,"text":"x"})", "not the number 1.5"},
      {R"({"id":"","text":"x"})", "is empty"},
      {R"({"id":"a"})", "missing text field \"text\""},
      {R"({"id":"a","text":["x"]})", "must be a string, not array"},
      {R"({"id":"g","text":"again"})", "duplicate id \"g\""},
  };
  for (const Case& c : cases) {
    const std::string path = dir / "err.jsonl";
    WriteFile(path, good + "\n\n" + c.bad_line + "\n" +
                        R"({"id":"h","text":"after"})" + "\n");
    Result r = ReadAll({path});
    ASSERT_FALSE(r.status.ok()) << c.bad_line;
    EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
    const std::string message(r.status.message());
    EXPECT_TRUE(StartsWith(message, path + ":3: ")) << message;
    EXPECT_TRUE(Contains(message, c.expect)) << message;
    EXPECT_EQ(r.docs.size(), 1u) << message;  // stopped at the bad line
  }
}

TEST(CorpusReaderTest, StdinErrorsSayStdin) {
  WithStdin("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}\n", [] {
    Result r = ReadAll({"-"});
    ASSERT_FALSE(r.status.ok());
    EXPECT_EQ(r.status.message(), "<stdin>:2: missing text field \"text\"");
  });
}

TEST(CorpusReaderTest, NextKeepsReturningTheError) {
  TempDir dir;
  WriteFile(dir / "x.jsonl",
            "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n"
            "{\"id\":\"b\",\"text\":\"y\"}\n");
  auto reader = CorpusReader::Open({dir / "x.jsonl"}, {});
  ASSERT_TRUE(reader.ok());
  Document doc;
  ASSERT_TRUE((*reader)->Next(&doc).value());
  absl::StatusOr<bool> first = (*reader)->Next(&doc);
  ASSERT_FALSE(first.ok());
  absl::StatusOr<bool> second = (*reader)->Next(&doc);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(first.status(), second.status());
}

TEST(CorpusReaderTest, SkipModeCountsByReason) {
  TempDir dir;
  std::string a;
  a += R"({"id":"1","text":"one"})"
       "\n";
  a += "garbage\n";  // malformed
  a += R"({"id":"2","text":"two"}})"
       "\n";  // malformed
  a += R"({"text":"no id"})"
       "\n";  // missing id
  a += R"({"id":"3"})"
       "\n";  // missing text
  a += R"({"id":"4","text":5})"
       "\n";  // text not a string
  a += "\n";  // blank: not counted
  a += R"({"id":"1","text":"dup"})"
       "\n";  // duplicate
  a += R"({"id":"5","text":"five"})"
       "\n";
  WriteFile(dir / "a.jsonl", a);
  WriteFile(dir / "b.jsonl", R"({"id":5,"text":"dup of string 5"})"
                             "\n"
                             R"({"id":"6","text":"six"})"
                             "\n");
  CorpusOptions options;
  options.on_error = OnError::kSkip;
  Result r = ReadAll({dir / "a.jsonl", dir / "b.jsonl"}, options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  std::vector<std::string> ids;
  for (const Document& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "5", "6"}));
  EXPECT_EQ(r.stats.records, 3u);
  EXPECT_EQ(r.stats.skipped_malformed, 2u);
  EXPECT_EQ(r.stats.skipped_missing_id, 1u);
  EXPECT_EQ(r.stats.skipped_missing_text, 2u);
  EXPECT_EQ(r.stats.skipped_duplicate_id, 2u);
  EXPECT_EQ(r.stats.skipped(), 7u);
  ASSERT_EQ(r.stats.first_skipped.size(), 5u);
  EXPECT_TRUE(StartsWith(r.stats.first_skipped[0],
                         dir / "a.jsonl" + ":2: malformed JSON"))
      << r.stats.first_skipped[0];
  EXPECT_TRUE(StartsWith(r.stats.first_skipped[1], dir / "a.jsonl" + ":3: "));
  EXPECT_EQ(r.stats.first_skipped[2],
            dir / "a.jsonl" + ":4: missing id field \"id\"");
  EXPECT_EQ(r.stats.first_skipped[3],
            dir / "a.jsonl" + ":5: missing text field \"text\"");
  EXPECT_EQ(r.stats.first_skipped[4], dir / "a.jsonl" +
                                          ":6: text field \"text\" must be "
                                          "a string, not number");
}

TEST(CorpusReaderTest, DuplicateIdsAcrossInputs) {
  TempDir dir;
  WriteFile(dir / "a.jsonl", R"({"id":"x","text":"1"})"
                             "\n"
                             R"({"id":7,"text":"2"})"
                             "\n");
  WriteFile(dir / "b.jsonl", R"({"id":"y","text":"3"})"
                             "\n"
                             R"({"id":"x","text":"4"})"
                             "\n");
  Result r = ReadAll({dir / "a.jsonl", dir / "b.jsonl"});
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(), dir / "b.jsonl" + ":2: duplicate id \"x\"");
  EXPECT_EQ(r.docs.size(), 3u);

  // Integer 7 and string "7" are the same id.
  WriteFile(dir / "c.jsonl", R"({"id":"7","text":"5"})"
                             "\n");
  r = ReadAll({dir / "a.jsonl", dir / "c.jsonl"});
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(), dir / "c.jsonl" + ":1: duplicate id \"7\"");

  // The same file twice.
  r = ReadAll({dir / "c.jsonl", dir / "c.jsonl"});
  ASSERT_FALSE(r.status.ok());
  EXPECT_TRUE(Contains(r.status.message(), "duplicate id \"7\""));

  // Two directories with the same relative paths.
  WriteFile(dir / "d1/a.txt", "first");
  WriteFile(dir / "d2/a.txt", "second");
  r = ReadAll({dir / "d1", dir / "d2"});
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(),
            dir / "d2/a.txt" + ":1: duplicate id \"a.txt\"");
}

TEST(CorpusReaderTest, MissingInputIsNotFound) {
  TempDir dir;
  auto reader = CorpusReader::Open({dir / "nope.jsonl"}, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(Contains(reader.status().message(), dir / "nope.jsonl"));
  EXPECT_EQ(CorpusReader::Open({}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CorpusReader::Open({"-", "-"}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CorpusReaderTest, DirectoryTraversalOrderAndGlobs) {
  TempDir dir;
  const std::string root = dir / "news";
  WriteFile(root + "/b.txt", "bee");
  WriteFile(root + "/a.txt", "ay");
  WriteFile(root + "/a-b.txt", "a dash b");
  WriteFile(root + "/sub.txt", "sub file");
  WriteFile(root + "/sub/c.txt", "sea");
  WriteFile(root + "/sub/deeper/d.txt", "dee");
  WriteFile(root + "/sub/LICENSE.txt", "licence");
  WriteFile(root + "/LICENSE.txt", "licence");
  WriteFile(root + "/notes.md", "markdown");
  WriteFile(root + "/empty.txt", "");

  std::unique_ptr<CorpusReader> reader;
  CorpusOptions options;
  Result r = ReadAll({root + "/"}, options, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  std::vector<std::string> ids;
  for (const Document& d : r.docs) ids.push_back(d.id);
  // Byte order of relative paths: '-' < '.' < '/' and upper < lower case.
  EXPECT_EQ(
      ids, (std::vector<std::string>{"LICENSE.txt", "a-b.txt", "a.txt", "b.txt",
                                     "empty.txt", "sub.txt", "sub/LICENSE.txt",
                                     "sub/c.txt", "sub/deeper/d.txt"}));
  ASSERT_EQ(r.docs.size(), 9u);
  EXPECT_EQ(r.docs[2].text, "ay");
  EXPECT_EQ(r.docs[2].raw, "");
  EXPECT_EQ(r.docs[2].line, 1u);
  EXPECT_EQ(r.docs[4].text, "");
  EXPECT_EQ(r.docs[8].text, "dee");
  ExpectReadAgain(*reader, r, "dir");
  uint64_t total = 0;
  for (const Document& d : r.docs) total += d.text.size();
  EXPECT_EQ(*r.stats.total_bytes, total);
  EXPECT_EQ(r.stats.bytes_read, total);

  options.exclude = {"LICENSE.txt"};
  r = ReadAll({root}, options);
  ids.clear();
  for (const Document& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a-b.txt", "a.txt", "b.txt",
                                           "empty.txt", "sub.txt", "sub/c.txt",
                                           "sub/deeper/d.txt"}));

  options.exclude = {"sub/*", "a*"};
  r = ReadAll({root}, options);
  ids.clear();
  for (const Document& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"LICENSE.txt", "b.txt", "empty.txt",
                                           "sub.txt"}));

  options.exclude = {"deeper"};  // prunes the directory
  options.include = {"*.md", "sub/*"};
  r = ReadAll({root}, options);
  ids.clear();
  for (const Document& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"notes.md", "sub/LICENSE.txt",
                                           "sub/c.txt"}));

  // A subdirectory as input: ids are relative to it.
  options = {};
  r = ReadAll({root + "/sub"}, options);
  ids.clear();
  for (const Document& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"LICENSE.txt", "c.txt", "deeper/d.txt"}));

  // JSONL format forced on a directory is refused.
  options.format = InputFormat::kJsonl;
  EXPECT_EQ(CorpusReader::Open({root}, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CorpusReaderTest, TextFormatReadsWholeFiles) {
  TempDir dir;
  WriteFile(dir / "one.txt", "{not json}\nsecond line\n");
  CorpusOptions options;
  options.format = InputFormat::kText;
  std::unique_ptr<CorpusReader> reader;
  Result r = ReadAll({dir / "one.txt"}, options, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, dir / "one.txt");
  EXPECT_EQ(r.docs[0].text, "{not json}\nsecond line\n");
  ExpectReadAgain(*reader, r, "text");
}

TEST(CorpusReaderTest, TruncatedCompressedStreamsAreDataLoss) {
  TempDir dir;
  std::vector<Expected> expected;
  // Random words compress poorly, so half the file holds many records.
  const std::string jsonl = MakeCorpus(3000, &expected, 7);
  const std::vector<std::pair<std::string, std::string>> files = {
      {"t.jsonl.gz", Gzip({jsonl})}, {"t.jsonl.zst", Zstd({jsonl})}};
  for (const auto& file : files) {
    const std::string& name = file.first;
    const std::string& data = file.second;
    const std::string half = data.substr(0, data.size() / 2);
    WriteFile(dir / name, half);
    Result r = ReadAll({dir / name});
    ASSERT_FALSE(r.status.ok()) << name;
    EXPECT_EQ(r.status.code(), absl::StatusCode::kDataLoss) << r.status;
    const std::string message(r.status.message());
    EXPECT_TRUE(StartsWith(message, dir / name + ": truncated")) << message;
    EXPECT_TRUE(Contains(message, "offset " + std::to_string(half.size())))
        << message;
    EXPECT_LT(r.docs.size(), expected.size()) << name;

    // The same through stdin names <stdin>.
    WithStdin(half, [&] {
      Result s = ReadAll({"-"});
      EXPECT_EQ(s.status.code(), absl::StatusCode::kDataLoss) << name;
      EXPECT_TRUE(StartsWith(s.status.message(), "<stdin>: truncated"))
          << s.status;
    });

    // Cut inside the header, and an empty file.
    WriteFile(dir / name, data.substr(0, 3));
    EXPECT_EQ(ReadAll({dir / name}).status.code(), absl::StatusCode::kDataLoss);
    WriteFile(dir / name, "");
    EXPECT_EQ(ReadAll({dir / name}).status.code(), absl::StatusCode::kDataLoss);
  }
}

TEST(CorpusReaderTest, CorruptCompressedStreamsAreDataLoss) {
  TempDir dir;
  std::vector<Expected> expected;
  const std::string jsonl = MakeCorpus(2000, &expected, 9);
  CorpusOptions skip;
  skip.on_error = OnError::kSkip;  // garbage lines must not hide the error
  const std::vector<std::pair<std::string, std::string>> files = {
      {"k.jsonl.gz", Gzip({jsonl})}, {"k.jsonl.zst", Zstd({jsonl})}};
  for (const auto& file : files) {
    const std::string& name = file.first;
    const std::string& data = file.second;
    // Corrupt bytes in the middle.
    std::string bad = data;
    for (size_t i = bad.size() / 2; i < bad.size() / 2 + 16; ++i) {
      bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    }
    WriteFile(dir / name, bad);
    Result r = ReadAll({dir / name}, skip);
    EXPECT_EQ(r.status.code(), absl::StatusCode::kDataLoss)
        << name << ": " << r.status;
    EXPECT_TRUE(StartsWith(r.status.message(), dir / name + ": corrupt"))
        << r.status;
    EXPECT_TRUE(Contains(r.status.message(), "compressed byte offset"));

    // Not compressed at all, despite the name.
    WriteFile(dir / name, jsonl);
    r = ReadAll({dir / name});
    EXPECT_EQ(r.status.code(), absl::StatusCode::kDataLoss) << r.status;
    EXPECT_TRUE(Contains(r.status.message(), "compressed byte offset"))
        << r.status;

    // Garbage after a complete stream.
    WriteFile(dir / name, data + "trailing junk");
    r = ReadAll({dir / name});
    EXPECT_EQ(r.status.code(), absl::StatusCode::kDataLoss) << r.status;
  }
}

TEST(CorpusReaderTest, HugeLine) {
  TempDir dir;
  std::string text;
  text.reserve(9u << 20);
  std::mt19937 rng(3);
  while (text.size() < (9u << 20)) {
    text += "word";
    text += static_cast<char>('a' + rng() % 26);
    text += (rng() % 50 == 0) ? '\n' : ' ';
  }
  std::string jsonl = R"({"id":"small1","text":"x"})"
                      "\n";
  jsonl += "{\"id\":\"huge\",\"text\":";
  AppendJsonString(&jsonl, text);
  jsonl += "}\n";
  jsonl += R"({"id":"small2","text":"y"})"
           "\n";
  WriteFile(dir / "h.jsonl", jsonl);
  WriteFile(dir / "h.jsonl.zst", Zstd({jsonl}));
  for (const char* name : {"h.jsonl", "h.jsonl.zst"}) {
    std::unique_ptr<CorpusReader> reader;
    Result r = ReadAll({dir / name}, {}, &reader);
    ASSERT_TRUE(r.status.ok()) << r.status;
    ASSERT_EQ(r.docs.size(), 3u);
    EXPECT_EQ(r.docs[1].id, "huge");
    EXPECT_EQ(r.docs[1].text.size(), text.size());
    EXPECT_TRUE(r.docs[1].text == text);
    EXPECT_EQ(r.docs[2].id, "small2");
    ExpectReadAgain(*reader, r, name);
  }
}

TEST(CorpusReaderTest, ReadAgainWhileReadingAndAcrossInputs) {
  TempDir dir;
  std::vector<Expected> e1, e2, e3;
  WriteFile(dir / "p.jsonl", MakeCorpus(200, &e1, 1));
  WriteFile(dir / "q.jsonl.gz", Gzip({MakeCorpus(200, &e2, 2)}));
  // Distinct ids for the third input.
  std::string third;
  for (int i = 0; i < 50; ++i) {
    third += "{\"id\":\"third-" + std::to_string(i) + "\",\"text\":\"t" +
             std::to_string(i) + "\"}\n";
  }
  WriteFile(dir / "r.jsonl.zst", Zstd({third}));
  CorpusOptions skip;
  skip.on_error = OnError::kSkip;  // p and q share ids
  auto reader = CorpusReader::Open(
      {dir / "p.jsonl", dir / "q.jsonl.gz", dir / "r.jsonl.zst"}, skip);
  ASSERT_TRUE(reader.ok()) << reader.status();
  Document doc, again;
  std::vector<Document> all;
  while (true) {
    absl::StatusOr<bool> more = (*reader)->Next(&doc);
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    ASSERT_TRUE((*reader)->ReadAgain(doc.location, &again).ok());
    EXPECT_EQ(again.id, doc.id);
    EXPECT_EQ(again.text, doc.text);
    all.push_back(doc);
  }
  EXPECT_EQ(all.size(), 200u + 50u);  // q's ids all repeat p's
  EXPECT_EQ((*reader)->stats().skipped_duplicate_id, 200u);
  // Earlier documents are still readable after later inputs were read.
  for (const Document& d : all) {
    ASSERT_TRUE((*reader)->ReadAgain(d.location, &again).ok());
    EXPECT_EQ(again.text, d.text);
  }
  // A location that was never returned.
  DocumentLocation bogus;
  bogus.store = 99;
  EXPECT_EQ((*reader)->ReadAgain(bogus, &again).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CorpusReaderTest, ConcurrentReadAgain) {
  TempDir dir;
  std::vector<Expected> e1, e2;
  WriteFile(dir / "p.jsonl", MakeCorpus(500, &e1, 11));
  std::string second;
  for (int i = 0; i < 500; ++i) {
    second += "{\"id\":\"z" + std::to_string(i) + "\",\"text\":\"zz " +
              std::to_string(i * 7919) + "\"}\n";
  }
  WriteFile(dir / "z.jsonl.zst", Zstd(Halves(second)));
  WriteFile(dir / "d/x.txt", "directory text");
  std::unique_ptr<CorpusReader> reader;
  Result r =
      ReadAll({dir / "p.jsonl", dir / "z.jsonl.zst", dir / "d"}, {}, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 1001u);
  std::atomic<int> mismatches{0}, errors{0};
  auto work = [&](uint32_t seed) {
    std::mt19937 rng(seed);
    Document again;
    for (int round = 0; round < 4000; ++round) {
      const Document& d = r.docs[rng() % r.docs.size()];
      if (!reader->ReadAgain(d.location, &again).ok()) {
        ++errors;
        continue;
      }
      if (again.id != d.id || again.text != d.text || again.raw != d.raw) {
        ++mismatches;
      }
    }
  };
  std::thread t1(work, 1), t2(work, 2);
  t1.join();
  t2.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(CorpusReaderTest, SpillFileIsUnlinkedInTmpdir) {
  TempDir dir;
  const std::string spill_dir = dir / "spill";
  fs::create_directories(spill_dir);
  WriteFile(dir / "s.jsonl.gz", Gzip({R"({"id":"a","text":"b"})"
                                      "\n"}));
  const char* old = getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", spill_dir.c_str(), 1);
  std::unique_ptr<CorpusReader> reader;
  Result r = ReadAll({dir / "s.jsonl.gz"}, {}, &reader);
  if (old != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_TRUE(fs::is_empty(spill_dir));  // created there, then unlinked
  ExpectReadAgain(*reader, r, "spill");
}

// ------------------------------------------------ the committed sample

#ifdef NEARDUP_SOURCE_DIR
TEST(CorpusReaderSampleTest, SampleCorpusMatchesItsTruth) {
  const std::string dir = std::string(NEARDUP_SOURCE_DIR) + "/datasets/sample";
  Result corpus = ReadAll({dir + "/corpus.jsonl"});
  ASSERT_TRUE(corpus.status.ok()) << corpus.status;
  EXPECT_EQ(corpus.docs.size(), 45u);
  // truth.jsonl read with the same reader: id + story (as "text").
  CorpusOptions options;
  options.text_field = "story";
  Result truth = ReadAll({dir + "/truth.jsonl"}, options);
  ASSERT_TRUE(truth.status.ok()) << truth.status;
  ASSERT_EQ(truth.docs.size(), corpus.docs.size());
  std::map<std::string, std::string> story;
  for (const Document& d : truth.docs) story[d.id] = d.text;
  std::map<std::string, std::vector<std::string>> versions;
  for (const Document& d : corpus.docs) {
    ASSERT_TRUE(story.count(d.id)) << d.id;
    versions[story[d.id]].push_back(d.id);
    EXPECT_GT(d.text.size(), 150u) << d.id;
  }
  size_t clusters = 0;
  for (const auto& [name, ids] : versions) clusters += ids.size() > 1;
  EXPECT_EQ(clusters, 15u);
  EXPECT_EQ(versions["en-quake"].size(), 4u);
  // The edit labels are the documented ones.
  options.text_field = "edit";
  Result edits = ReadAll({dir + "/truth.jsonl"}, options);
  ASSERT_TRUE(edits.status.ok()) << edits.status;
  std::map<std::string, int> counts;
  for (const Document& d : edits.docs) ++counts[d.text];
  EXPECT_EQ(counts, (std::map<std::string, int>{{"edited", 6},
                                                {"original", 20},
                                                {"reworded", 1},
                                                {"template", 6},
                                                {"truncated", 5},
                                                {"typography", 1},
                                                {"verbatim", 6}}));
}
#endif

// --------------------------------------------------- shared real corpora

#ifdef NEARDUP_SHARED_DIR
TEST(CorpusReaderSharedTest, LivedoorDirectory) {
  const std::string root =
      std::string(NEARDUP_SHARED_DIR) + "/datasets/livedoor_ja";
  if (!fs::is_directory(root)) GTEST_SKIP() << root << " not present";
  CorpusOptions options;
  options.exclude = {"LICENSE.txt"};
  std::unique_ptr<CorpusReader> reader;
  // The folder holds README.txt and CHANGES.txt at the top and 770 articles
  // plus LICENSE.txt in topic-news/.
  Result r = ReadAll({root}, options, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.docs.size(), 772u);
  EXPECT_EQ(r.docs[0].id, "CHANGES.txt");
  EXPECT_EQ(r.docs[1].id, "README.txt");
  EXPECT_TRUE(StartsWith(r.docs[2].id, "topic-news/topic-news-"));
  for (size_t i = 1; i < r.docs.size(); ++i) {
    EXPECT_LT(r.docs[i - 1].id, r.docs[i].id);
  }
  // Article files: line 1 URL, line 2 date, line 3 title.
  EXPECT_TRUE(StartsWith(r.docs[2].text, "http")) << r.docs[2].text;
  ExpectReadAgain(*reader, r, "livedoor");

  options.exclude = {"LICENSE.txt", "README.txt", "CHANGES.txt"};
  r = ReadAll({root}, options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.docs.size(), 770u);
  r = ReadAll({root + "/topic-news"}, {});
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.docs.size(), 771u);  // LICENSE.txt included
}

TEST(CorpusReaderSharedTest, BbcJsonl) {
  const std::string path =
      std::string(NEARDUP_SHARED_DIR) + "/datasets/bbc/corpus.jsonl";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not present";
  std::unique_ptr<CorpusReader> reader;
  Result r = ReadAll({path}, {}, &reader);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.docs.size(), 2225u);
  EXPECT_EQ(r.docs[0].id, "bbc-business-001");
  EXPECT_TRUE(StartsWith(r.docs[0].text, "Ad sales boost Time Warner profit"));
  EXPECT_EQ(r.stats.bytes_read, fs::file_size(path));
  ExpectReadAgain(*reader, r, "bbc");
}
#endif

}  // namespace
}  // namespace neardup

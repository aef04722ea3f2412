// Tests of the `neardup` binary itself: output contract, errors, exit codes.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "neardup/json.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `neardup ARGS` through the shell (ARGS is shell syntax).
RunResult RunNeardup(const TempDir& dir, const std::string& args) {
  const std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  const std::string command =
      absl::StrCat(NEARDUP_BINARY, " ", args, " >", out, " 2>", err);
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

// Runs a shell command line (stdout and stderr captured).
RunResult RunNeardupRaw(const TempDir& dir, const std::string& command_line) {
  const std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  const std::string command = absl::StrCat(command_line, " >", out, " 2>", err);
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

std::string Line(const std::string& id, const std::string& text) {
  std::string line = "{\"id\": ";
  AppendJsonString(&line, id);
  line += ", \"text\": ";
  AppendJsonString(&line, text);
  return line + "}\n";
}

constexpr char kStory[] =
    "The central bank raised its main interest rate by a quarter of a "
    "percentage point on Thursday, the third increase this year, saying "
    "that inflation remained well above its target and that further rises "
    "could not be ruled out if prices kept climbing through the winter.";
constexpr char kOther[] =
    "Heavy rain flooded several villages in the north of the country "
    "overnight, forcing hundreds of families to leave their homes while "
    "rescue teams used boats to reach people stranded on rooftops.";

// "b" repeats "a" with typography changes; "d" is "a" with a dateline.
std::string SampleCorpus() {
  return Line("a", kStory) + Line("c", kOther) +
         Line("b", absl::StrCat("  ", kStory, "\n")) +
         Line("d", absl::StrCat("LONDON - ", kStory)) + Line("e", "short note");
}

TEST(CliTest, DedupFollowsTheOutputContract) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const RunResult r = RunNeardup(dir, "dedup --quiet " + dir.File("in.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines =
      absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u) << r.out;
  std::string cluster, size, representative;
  JsonField fields[] = {{"cluster", &cluster},
                        {"size", &size},
                        {"representative", &representative},
                        {"members", nullptr}};
  ASSERT_TRUE(ScanJsonObject(lines[0], fields).ok()) << lines[0];
  EXPECT_EQ(cluster, "0");
  EXPECT_EQ(size, "3");
  EXPECT_EQ(representative, "d");  // the longest member
  EXPECT_EQ(fields[3].type, JsonType::kArray);
  // Members in input order, each with 4-decimal similarities and a kind.
  const std::regex member(
      "\\{\"id\": \"([a-z])\", \"jaccard\": ([01]\\.\\d{4}), \"containment\": "
      "([01]\\.\\d{4}), \"kind\": \"(exact|near|contained|reworded)\", "
      "\"similarity\": ([01]\\.\\d{4})\\}");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(lines[0].begin(), lines[0].end(), member), end;
       it != end; ++it) {
    ids.push_back((*it)[1]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "d"}));
  EXPECT_NE(lines[0].find("{\"id\": \"d\", \"jaccard\": 1.0000, "
                          "\"containment\": 1.0000, \"kind\": \"exact\""),
            std::string::npos);
}

TEST(CliTest, StdinAndOutputFileGiveTheSameBytes) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const RunResult file = RunNeardup(dir, "dedup -q " + dir.File("in.jsonl"));
  const RunResult piped =
      RunNeardup(dir, "dedup -q - <" + dir.File("in.jsonl"));
  const RunResult to_file = RunNeardup(
      dir, "dedup -q " + dir.File("in.jsonl") + " -o " + dir.File("out.jsonl"));
  ASSERT_EQ(file.exit_code, 0) << file.err;
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(file.out, piped.out);
  EXPECT_EQ(ReadFile(dir.File("out.jsonl")), file.out);
  EXPECT_TRUE(to_file.out.empty());
}

TEST(CliTest, ThreadCountDoesNotChangeOutput) {
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 50; ++i) {
    corpus += Line(absl::StrCat("x", i), absl::StrCat(kStory, " ", i % 7));
    corpus += Line(absl::StrCat("y", i), absl::StrCat(kOther, " ", i % 5));
  }
  WriteFile(dir.File("many.jsonl"), corpus);
  const RunResult one =
      RunNeardup(dir, "dedup -q -j 1 " + dir.File("many.jsonl"));
  const RunResult two =
      RunNeardup(dir, "dedup -q -j 2 " + dir.File("many.jsonl"));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_FALSE(one.out.empty());
}

TEST(CliTest, SummaryAddsUp) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const RunResult r = RunNeardup(dir, "dedup " + dir.File("in.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 documents read: 3 in 1 clusters, 2 singletons, 0 "
                       "empty, 0 skipped"),
            std::string::npos)
      << r.err;
}

struct ErrorCase {
  const char* name;
  std::string corpus;
  const char* expected;  // substring of stderr
};

TEST(CliTest, BadInputNamesFileAndLineAndExitsOne) {
  const std::vector<ErrorCase> cases = {
      {"malformed", Line("a", kStory) + "{\"id\": \"b\", \"text\": \n", ":2:"},
      {"missing id", Line("a", kStory) + "{\"text\": \"x\"}\n", ":2:"},
      {"missing text", Line("a", kStory) + "{\"id\": \"b\"}\n", ":2:"},
      {"duplicate id", Line("a", kStory) + Line("c", kOther) + Line("a", "x"),
       ":3:"},
  };
  for (const ErrorCase& c : cases) {
    TempDir dir;
    const std::string path = dir.File("bad.jsonl");
    WriteFile(path, c.corpus);
    const RunResult r =
        RunNeardup(dir, "dedup -q " + path + " -o " + dir.File("o"));
    EXPECT_EQ(r.exit_code, 1) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(path + c.expected), std::string::npos)
        << c.name << ": " << r.err;
    // Nothing partial is left behind.
    EXPECT_FALSE(std::filesystem::exists(dir.File("o"))) << c.name;
  }
}

TEST(CliTest, MissingFileExitsOne) {
  TempDir dir;
  const RunResult r = RunNeardup(dir, "dedup " + dir.File("nope.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.jsonl"), std::string::npos) << r.err;
}

TEST(CliTest, UsageErrorsExitTwo) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const std::string in = dir.File("in.jsonl");
  const std::vector<std::string> usage_errors = {
      "dedup",
      "dedup --no-such-flag " + in,
      "dedup --threshold 1.5 " + in,
      "dedup --shingle line:3 " + in,
      "dedup --bands 50 --rows 50 " + in,
      "dedup --algorithm fast " + in,
      "dedup --cluster louvain " + in,
      "dedup --threshold abc " + in,
      "frobnicate",
      ""};
  for (const std::string& args : usage_errors) {
    const RunResult r = RunNeardup(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
}

TEST(CliTest, HelpAndVersion) {
  TempDir dir;
  RunResult r = RunNeardup(dir, "--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("dedup"), std::string::npos);
  r = RunNeardup(dir, "dedup --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--threshold"), std::string::npos);
  EXPECT_NE(r.out.find("Examples:"), std::string::npos);
  r = RunNeardup(dir, "--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("neardup "), std::string::npos);
}

TEST(CliTest, PairsContract) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const RunResult r = RunNeardup(dir, "pairs -q " + dir.File("in.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines =
      absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_TRUE(lines[0].starts_with("{\"a\": \"a\", \"b\": \"b\", "))
      << lines[0];
  EXPECT_TRUE(lines[1].starts_with("{\"a\": \"a\", \"b\": \"d\", "))
      << lines[1];
  EXPECT_TRUE(lines[2].starts_with("{\"a\": \"b\", \"b\": \"d\", "))
      << lines[2];
  EXPECT_NE(lines[0].find("\"kind\": \"exact\", \"similarity\": 1.0000}"),
            std::string::npos);
}

// ---------------------------------------------------------------------------
// Real-corpus input: formats, compression, directories, accounting.

namespace fs = std::filesystem;

// gzip of `data` as `members` concatenated gzip members (zlib).
std::string Gzip(std::string_view data, int members = 1) {
  std::string out;
  const size_t part = data.size() / members + 1;
  for (int m = 0; m < members; ++m) {
    const std::string_view chunk =
        data.substr(std::min(data.size(), m * part), part);
    z_stream z{};
    EXPECT_EQ(
        deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
        Z_OK);
    std::string buf(deflateBound(&z, chunk.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    z.avail_in = static_cast<uInt>(chunk.size());
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    buf.resize(z.total_out);
    deflateEnd(&z);
    out += buf;
  }
  return out;
}

// Every member of a gzip stream, decompressed; "<error>" if corrupt.
std::string Gunzip(const std::string& data) {
  std::string out;
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 16 + MAX_WBITS), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  char buf[1 << 14];
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    const int ret = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (ret == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      inflateReset(&z);
    } else if (ret != Z_OK) {
      out = "<error>";
      break;
    }
  }
  inflateEnd(&z);
  return out;
}

// zstd of `data` as `frames` concatenated frames.
std::string Zstd(std::string_view data, int frames = 1) {
  std::string out;
  const size_t part = data.size() / frames + 1;
  for (int f = 0; f < frames; ++f) {
    const std::string_view chunk =
        data.substr(std::min(data.size(), f * part), part);
    std::string buf(ZSTD_compressBound(chunk.size()), '\0');
    const size_t n =
        ZSTD_compress(buf.data(), buf.size(), chunk.data(), chunk.size(), 3);
    EXPECT_FALSE(ZSTD_isError(n));
    out.append(buf.data(), n);
  }
  return out;
}

// Every frame of a zstd stream, decompressed; "<error>" if corrupt.
std::string Unzstd(const std::string& data) {
  std::string out;
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  ZSTD_inBuffer in = {data.data(), data.size(), 0};
  char buf[1 << 14];
  size_t ret = 0;
  while (in.pos < in.size) {
    ZSTD_outBuffer o = {buf, sizeof buf, 0};
    ret = ZSTD_decompressStream(ctx, &o, &in);
    if (ZSTD_isError(ret)) {
      out = "<error>";
      break;
    }
    out.append(buf, o.pos);
  }
  ZSTD_freeDCtx(ctx);
  return ret == 0 ? out : "<error>";
}

// The integer value of "key" inside the object that follows "object": in a
// JSON text written by neardup (keys are unique within an object and the
// objects looked up here hold no nested objects). -1 if absent.
int64_t JsonNumber(const std::string& json, const std::string& object,
                   const std::string& key) {
  size_t begin = 0, end = json.size();
  if (!object.empty()) {
    begin = json.find("\"" + object + "\": {");
    if (begin == std::string::npos) return -1;
    end = json.find('}', begin);
  }
  const std::string needle = "\"" + key + "\": ";
  const size_t at = json.find(needle, begin);
  if (at == std::string::npos || at > end) return -1;
  return std::stoll(json.substr(at + needle.size()));
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// Writes `files` (relative path -> contents) below `root`.
void WriteTree(const std::string& root,
               const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [rel, contents] : files) {
    const fs::path path = fs::path(root) / rel;
    fs::create_directories(path.parent_path());
    WriteFile(path.string(), contents);
  }
}

// The JSONL corpus a directory input stands for: every *.txt file below
// `root` except those named in `excluded`, sorted by relative path, as
// {"id": relative path, "text": contents} lines.
std::string DirectoryAsJsonl(const std::string& root,
                             const std::vector<std::string>& excluded) {
  std::vector<std::string> rels;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    const std::string name = e.path().filename().string();
    if (std::find(excluded.begin(), excluded.end(), name) != excluded.end()) {
      continue;
    }
    rels.push_back(fs::relative(e.path(), root).generic_string());
  }
  std::sort(rels.begin(), rels.end());
  std::string jsonl;
  for (const std::string& rel : rels) {
    jsonl += Line(rel, ReadFile((fs::path(root) / rel).string()));
  }
  return jsonl;
}

constexpr char kJapanese[] =
    "東京都は二十日、都内の主要な駅周辺で大規模な再開発計画を発表した。"
    "計画では今後十年間で商業施設と住宅を整備し、歩行者のための広場を新たに"
    "設ける。都の担当者は記者会見で、地元の住民や事業者と協議を重ねながら"
    "進めていきたいと述べた。";

// A small folder of articles: copies in subfolders, a Japanese pair that only
// per-character tokenisation can match, empty documents, and files that the
// default globs (or --exclude LICENSE.txt) leave out.
std::vector<std::pair<std::string, std::string>> ArticleTree() {
  return {
      {"a/wire-1.txt", kStory},
      {"a/wire-2.txt", absl::StrCat("  ", kStory, "\n")},
      {"b/wire-3.txt", absl::StrCat("LONDON - ", kStory)},
      {"flood.txt", kOther},
      {"flood-update.txt", absl::StrCat(kOther, " Officials said.")},
      {"ja/1.txt", kJapanese},
      {"ja/2.txt", absl::StrCat(kJapanese, "以上。")},
      {"ja/other.txt", "大阪の天気は晴れ、最高気温は二十八度の見込み。"},
      {"blank.txt", "  \n\t \n"},
      {"punctuation.txt", "!!! ... ---"},
      {"note.txt", "short note"},
      {"LICENSE.txt", "Licensed under the terms of a licence. Do not copy."},
      {"b/LICENSE.txt", "Licensed under the terms of a licence. Do not copy."},
      {"README.md", "not an article"},
  };
}

struct Outputs {
  std::string clusters, pairs, kept, stats;
};

// Runs dedup (with --keep-out and --stats) and pairs on `input_args`.
Outputs RunBoth(const TempDir& dir, const std::string& input_args) {
  Outputs o;
  const std::string keep = dir.File("kept.jsonl"), stats = dir.File("s.json");
  RunResult r =
      RunNeardup(dir, absl::StrCat("dedup -q ", input_args, " --keep-out ",
                                   keep, " --stats ", stats));
  EXPECT_EQ(r.exit_code, 0) << input_args << ": " << r.err;
  o.clusters = r.out;
  o.kept = ReadFile(keep);
  o.stats = ReadFile(stats);
  r = RunNeardup(dir, absl::StrCat("pairs -q ", input_args));
  EXPECT_EQ(r.exit_code, 0) << input_args << ": " << r.err;
  o.pairs = r.out;
  return o;
}

TEST(CliCorpusTest, DirectoryJsonlGzipZstdAndStdinGiveIdenticalOutput) {
  TempDir dir;
  const std::string root = dir.File("articles");
  WriteTree(root, ArticleTree());
  const std::string jsonl = DirectoryAsJsonl(root, {"LICENSE.txt"});
  WriteFile(dir.File("c.jsonl"), jsonl);
  WriteFile(dir.File("c.jsonl.gz"), Gzip(jsonl, /*members=*/2));
  WriteFile(dir.File("c.jsonl.zst"), Zstd(jsonl, /*frames=*/3));
  WriteFile(dir.File("sniffed"), Zstd(jsonl));  // no telling name

  const Outputs want = RunBoth(dir, root + " --exclude LICENSE.txt");
  // Ids are relative paths; the Japanese pair matches (one token per
  // character); LICENSE.txt and README.md are not read.
  const std::vector<std::string> clusters = Lines(want.clusters);
  ASSERT_EQ(clusters.size(), 3u) << want.clusters;
  EXPECT_NE(clusters[0].find("\"representative\": \"b/wire-3.txt\""),
            std::string::npos)
      << clusters[0];
  EXPECT_NE(clusters[0].find("\"a/wire-2.txt\""), std::string::npos);
  EXPECT_NE(clusters[1].find("\"flood-update.txt\""), std::string::npos);
  EXPECT_NE(clusters[2].find("\"representative\": \"ja/2.txt\""),
            std::string::npos)
      << clusters[2];
  EXPECT_EQ(want.clusters.find("LICENSE"), std::string::npos);
  EXPECT_EQ(JsonNumber(want.stats, "documents", "read"), 11);
  EXPECT_EQ(JsonNumber(want.stats, "documents", "empty"), 2);
  EXPECT_EQ(JsonNumber(want.stats, "documents", "kept"), 2 + 2 + 3);
  // The folder's kept corpus is in the same {"id", "text"} form as c.jsonl.
  EXPECT_EQ(Lines(want.kept).size(), 7u);
  for (const std::string& line : Lines(want.kept)) {
    EXPECT_NE(jsonl.find(line + "\n"), std::string::npos) << line;
  }

  const std::vector<std::string> same_corpus = {
      dir.File("c.jsonl"),
      "--format jsonl " + dir.File("c.jsonl"),
      dir.File("c.jsonl.gz"),
      dir.File("c.jsonl.zst"),
      dir.File("sniffed"),
      "- <" + dir.File("c.jsonl"),
      "- <" + dir.File("c.jsonl.gz"),
      "- <" + dir.File("c.jsonl.zst"),
  };
  for (const std::string& args : same_corpus) {
    const Outputs got = RunBoth(dir, args);
    EXPECT_EQ(got.clusters, want.clusters) << args;
    EXPECT_EQ(got.pairs, want.pairs) << args;
    EXPECT_EQ(got.kept, want.kept) << args;
    for (const char* key : {"read", "skipped", "empty", "in_clusters",
                            "singletons", "clusters", "kept"}) {
      EXPECT_EQ(JsonNumber(got.stats, "documents", key),
                JsonNumber(want.stats, "documents", key))
          << args << " " << key;
    }
  }
}

TEST(CliCorpusTest, IncludeExcludeAndTextFormat) {
  TempDir dir;
  const std::string root = dir.File("articles");
  WriteTree(root, ArticleTree());
  // Without --exclude the two LICENSE.txt files are documents (and copies).
  RunResult r = RunNeardup(dir, "dedup " + root);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"b/LICENSE.txt\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("13 documents read"), std::string::npos) << r.err;
  // --include replaces the default *.txt; globs also match relative paths.
  r = RunNeardup(dir, "dedup " + root +
                          " --include '*.md' --include 'a/*' --stats " +
                          dir.File("s.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonNumber(ReadFile(dir.File("s.json")), "documents", "read"), 3);
  EXPECT_NE(ReadFile(dir.File("s.json"))
                .find("\"include\": [\"*.md\", \"a/*\"], \"exclude\": []"),
            std::string::npos);
  // Excluding a folder by relative path.
  r = RunNeardup(dir, "dedup -q " + root + " --exclude a --exclude ja " +
                          "--exclude LICENSE.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 1u) << r.out;  // only the flood pair
  // --format txt: each named file is one document, id = the path as given.
  const std::string a = root + "/a/wire-1.txt", b = root + "/b/wire-3.txt";
  r = RunNeardup(dir, "pairs -q --format txt " + a + " " + b);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string expected = "{\"a\": ";
  AppendJsonString(&expected, a);
  expected += ", \"b\": ";
  AppendJsonString(&expected, b);
  EXPECT_TRUE(r.out.starts_with(expected)) << r.out;
  // A directory is not JSON Lines; standard input is not a text file.
  r = RunNeardup(dir, "dedup -q --format jsonl " + root);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
  r = RunNeardup(dir, "dedup -q --format txt - </dev/null");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(CliCorpusTest, SeveralInputsAreOneCorpus) {
  TempDir dir;
  const std::string root = dir.File("articles");
  WriteTree(root, ArticleTree());
  WriteFile(dir.File("more.jsonl"),
            Line("wire-4", absl::StrCat(kStory, " Markets fell.")) +
                Line("flood.txt", "an id that the folder already used"));
  // The duplicate id is reported where it occurs (fail) or skipped.
  RunResult r =
      RunNeardup(dir, "dedup -q " + root + " " + dir.File("more.jsonl") +
                          " --exclude LICENSE.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir.File("more.jsonl") + ":2: duplicate id"),
            std::string::npos)
      << r.err;
  r = RunNeardup(dir, "dedup " + root + " " + dir.File("more.jsonl") +
                          " --exclude LICENSE.txt --on-error skip");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"wire-4\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"members\": [{\"id\": \"a/wire-1.txt\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("13 documents read: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 skipped"), std::string::npos) << r.err;
}

TEST(CliCorpusTest, LivedoorJapaneseFolder) {
  const std::string shared = testing::SharedDatasets();
  if (shared.empty() || !fs::is_directory(shared + "/livedoor_ja")) {
    GTEST_SKIP() << "../shared/datasets/livedoor_ja is absent";
  }
  const std::string root = shared + "/livedoor_ja";
  TempDir dir;
  // The command as a user types it (plus the kept corpus).
  const std::string kept = dir.File("kept.jsonl");
  const RunResult r = RunNeardup(
      dir, "dedup " + root + " --exclude LICENSE.txt --keep-out " + kept);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string want_kept = ReadFile(kept);
  const std::string jsonl = DirectoryAsJsonl(root, {"LICENSE.txt"});
  const size_t files = Lines(jsonl).size();
  EXPECT_GT(files, 700u);
  EXPECT_NE(r.err.find(absl::StrCat(files, " documents read")),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(" 0 empty, 0 skipped"), std::string::npos) << r.err;
  // Ids are relative paths; the near-duplicate articles of the folder are
  // found, which needs per-character tokens (Japanese has no spaces).
  EXPECT_NE(r.out.find("\"representative\": \"topic-news/topic-news-"),
            std::string::npos)
      << r.out;
  // The same corpus as compressed JSON Lines, from a file and from a pipe.
  WriteFile(dir.File("c.jsonl.gz"), Gzip(jsonl));
  WriteFile(dir.File("c.jsonl.zst"), Zstd(jsonl));
  for (const std::string& input :
       {dir.File("c.jsonl.gz"), "- <" + dir.File("c.jsonl.zst")}) {
    const RunResult got =
        RunNeardup(dir, "dedup -q " + input + " --keep-out " + kept);
    ASSERT_EQ(got.exit_code, 0) << got.err;
    EXPECT_EQ(got.out, r.out) << input;
    EXPECT_EQ(ReadFile(kept), want_kept) << input;
  }
}

constexpr char kSport[] =
    "The national football team qualified for the world cup finals after a "
    "two to one victory over their neighbours in a tense match played in "
    "front of a sold out stadium on Saturday evening, with the winning goal "
    "scored in the final minute.";
constexpr char kShares[] =
    "Shares in the country's largest carmaker dropped sharply after the "
    "company warned that a shortage of computer chips would cut production "
    "at its three main factories for at least another month, hitting sales "
    "in its most profitable markets.";
constexpr char kMuseum[] =
    "A new exhibition of early photographs opened at the city museum this "
    "week, showing streets, markets and harbours as they looked more than a "
    "century ago, many of them printed for the first time from the original "
    "glass plates.";

// Four stories, each three times (as is, an exact copy after normalisation,
// with a dateline), with extra fields and CRLF endings; two singletons and
// three empty documents.
std::string KeepCorpus() {
  const char* stories[] = {kStory, kOther, kSport, kShares};
  std::string corpus;
  for (int i = 0; i < 12; ++i) {
    const char* story = stories[i / 3];
    const std::string text = i % 3 == 0   ? std::string(story)
                             : i % 3 == 1 ? absl::StrCat(" ", story, " \n")
                                          : absl::StrCat("PARIS - ", story);
    std::string line = "{\"source\": \"wire\", \"id\": ";
    AppendJsonString(&line, absl::StrCat("s", i));
    line += ", \"text\": ";
    AppendJsonString(&line, text);
    line += ", \"tags\": [1, {\"x\": null}]}";
    corpus += line + (i % 2 ? "\r\n" : "\n");
  }
  corpus += Line("o1", kMuseum) + Line("e1", "") + Line("e2", " -- ") +
            Line("n1", "short note") + Line("e3", "");
  return corpus;
}

TEST(CliKeepOutTest, KeptCorpusIsSingletonsEmptyAndRepresentatives) {
  TempDir dir;
  const std::string corpus = KeepCorpus();
  WriteFile(dir.File("in.jsonl"), corpus);
  std::vector<std::string> kept_text;
  for (const char* name : {"k.jsonl", "k.jsonl.gz", "k.jsonl.zst"}) {
    const RunResult r = RunNeardup(
        dir, absl::StrCat("dedup ", dir.File("in.jsonl"), " -o ",
                          dir.File("c.jsonl"), " --keep-out ", dir.File(name),
                          " --stats ", dir.File("s.json")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(absl::StrCat("kept 9 documents (2 singletons, 3 "
                                      "empty, 4 cluster representatives) in ",
                                      dir.File(name))),
              std::string::npos)
        << r.err;
    const std::string bytes = ReadFile(dir.File(name));
    kept_text.push_back(std::string_view(name).ends_with(".gz") ? Gunzip(bytes)
                        : std::string_view(name).ends_with(".zst")
                            ? Unzstd(bytes)
                            : bytes);
  }
  EXPECT_EQ(kept_text[1], kept_text[0]);
  EXPECT_EQ(kept_text[2], kept_text[0]);
  const std::string stats = ReadFile(dir.File("s.json"));
  const int64_t singletons = JsonNumber(stats, "documents", "singletons");
  const int64_t clusters = JsonNumber(stats, "documents", "clusters");
  const int64_t empty = JsonNumber(stats, "documents", "empty");
  EXPECT_EQ(clusters, 4);
  EXPECT_EQ(JsonNumber(stats, "documents", "in_clusters"), 12);
  EXPECT_EQ(JsonNumber(stats, "documents", "kept"),
            singletons + clusters + empty);

  // The kept lines are the original records (extra fields kept, CR and BOM
  // dropped), in input order; no cluster member but the representative.
  const std::vector<std::string> kept = Lines(kept_text[0]);
  ASSERT_EQ(static_cast<int64_t>(kept.size()), singletons + clusters + empty);
  std::vector<std::string> original;
  for (std::string line : Lines(corpus)) {
    if (line.ends_with("\r")) line.pop_back();
    original.push_back(line);
  }
  size_t next = 0;
  for (const std::string& line : kept) {
    while (next < original.size() && original[next] != line) ++next;
    ASSERT_LT(next, original.size())
        << "not an input line, or out of order: " << line;
  }
  const std::string clusters_out = ReadFile(dir.File("c.jsonl"));
  for (const std::string& c : Lines(clusters_out)) {
    std::string representative;
    JsonField fields[] = {{"representative", &representative}};
    ASSERT_TRUE(ScanJsonObject(c, fields).ok());
    int reps_kept = 0, members_kept = 0;
    for (const std::string& line : kept) {
      std::string id;
      JsonField f[] = {{"id", &id}};
      ASSERT_TRUE(ScanJsonObject(line, f).ok());
      if (id == representative) ++reps_kept;
      if (c.find("{\"id\": \"" + id + "\"") != std::string::npos) {
        ++members_kept;
      }
    }
    EXPECT_EQ(reps_kept, 1) << c;
    EXPECT_EQ(members_kept, 1) << c;
  }

  // Round trip: the kept corpus reads back as a corpus without duplicates,
  // from the plain and from the compressed file.
  for (const char* name : {"k.jsonl", "k.jsonl.zst", "k.jsonl.gz"}) {
    const RunResult again =
        RunNeardup(dir, absl::StrCat("dedup ", dir.File(name), " --stats ",
                                     dir.File("s2.json")));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, "") << name;
    const std::string s2 = ReadFile(dir.File("s2.json"));
    EXPECT_EQ(JsonNumber(s2, "documents", "read"),
              static_cast<int64_t>(kept.size()));
    EXPECT_EQ(JsonNumber(s2, "documents", "empty"), empty);
  }
}

TEST(CliKeepOutTest, MainOutputIsCompressedByItsName) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const std::string in = dir.File("in.jsonl");
  for (const char* command : {"dedup", "pairs"}) {
    const RunResult plain = RunNeardup(dir, absl::StrCat(command, " -q ", in));
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_FALSE(plain.out.empty());
    RunResult r = RunNeardup(
        dir, absl::StrCat(command, " -q ", in, " -o ", dir.File("o.gz")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Gunzip(ReadFile(dir.File("o.gz"))), plain.out) << command;
    r = RunNeardup(
        dir, absl::StrCat(command, " -q ", in, " -o ", dir.File("o.zst")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Unzstd(ReadFile(dir.File("o.zst"))), plain.out) << command;
  }
}

TEST(CliKeepOutTest, OnlyDedupTakesKeepOutAndOutputsMustDiffer) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const std::string in = dir.File("in.jsonl");
  for (const std::string& args :
       {"pairs --keep-out " + dir.File("k") + " " + in,
        "dedup --keep-out - " + in,  // both on standard output
        "dedup -o " + dir.File("x") + " --keep-out " + dir.File("x") + " " + in,
        "dedup -o " + dir.File("x") + " --stats " + dir.path() + "/./x " + in,
        "dedup --format xml " + in, "dedup --on-error ignore " + in,
        "dedup --include '' " + dir.path(),
        "dedup --progress-interval -1 " + in}) {
    const RunResult r = RunNeardup(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
  // --keep-out to stdout is fine when the clusters go to a file.
  const RunResult r =
      RunNeardup(dir, "dedup -q -o " + dir.File("c") + " --keep-out - " + in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 3u) << r.out;  // c, e and the representative d
}

// ---------------------------------------------------------------------------
// Accounting and bad input.

// Four kinds of bad record, twice a duplicate id, blank lines (not records),
// two empty documents, and invalid UTF-8.
std::string MessyCorpus() {
  return Line("a", kStory) + "{\"id\": \"b\", \"text\": \n" +
         Line("c", kOther) + "\n   \n" + "{\"text\": \"no id\"}\n" +
         Line("d", absl::StrCat("LONDON - ", kStory)) + "{\"id\": \"e\"}\n" +
         Line("a", "again") + Line("f", "") + "[1, 2]\n" + Line("c", "again") +
         Line("g", "...") + "{\"id\": 1.5, \"text\": \"x\"}\n" +
         "{\"id\": \"h\", \"text\": \"caf\xE9 cr\xE8me br\xFBl\xE9"
         "e\"}\n" +
         Line("i", "short note");
}

TEST(CliAccountingTest, SkippedRecordsAreCountedByReasonAndAddUp) {
  TempDir dir;
  const std::string path = dir.File("messy.jsonl");
  WriteFile(path, MessyCorpus());
  // By default the first bad record stops the run.
  RunResult r = RunNeardup(dir, "dedup " + path + " -o " + dir.File("o"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(path + ":2: malformed JSON"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir.File("o")));

  r = RunNeardup(
      dir, "dedup --on-error skip " + path + " --stats " + dir.File("s.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("14 documents read: 2 in 1 clusters, 3 singletons, 2 "
                       "empty, 7 skipped"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("skipped: 2 malformed, 2 missing id, 1 missing text, "
                       "2 duplicate id"),
            std::string::npos)
      << r.err;
  // The first five are named by file:line.
  for (const char* where :
       {":2: malformed", ":6: missing id", ":8: missing text",
        ":9: duplicate id \"a\"", ":11: malformed"}) {
    EXPECT_NE(r.err.find(path + where), std::string::npos) << where << r.err;
  }
  EXPECT_EQ(r.err.find(path + ":12:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("invalid UTF-8 sequences replaced: 4"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("read+sign"), std::string::npos);
  EXPECT_NE(r.err.find("candidates"), std::string::npos);
  EXPECT_NE(r.err.find("MB/s"), std::string::npos);

  const std::string stats = ReadFile(dir.File("s.json"));
  std::string command;
  JsonField top[] = {{"command", &command}, {"documents", nullptr},
                     {"skipped", nullptr},  {"seconds", nullptr},
                     {"options", nullptr},  {"lsh", nullptr}};
  ASSERT_TRUE(ScanJsonObject(stats, top).ok()) << stats;  // valid JSON
  EXPECT_EQ(command, "dedup");
  for (const JsonField& f : std::span(top).subspan(1)) {
    EXPECT_EQ(f.type, JsonType::kObject) << f.name;
  }
  const int64_t read = JsonNumber(stats, "documents", "read");
  const int64_t skipped = JsonNumber(stats, "documents", "skipped");
  EXPECT_EQ(read, 14);
  EXPECT_EQ(read, skipped + JsonNumber(stats, "documents", "empty") +
                      JsonNumber(stats, "documents", "in_clusters") +
                      JsonNumber(stats, "documents", "singletons"));
  EXPECT_EQ(skipped, JsonNumber(stats, "skipped", "malformed") +
                         JsonNumber(stats, "skipped", "missing_id") +
                         JsonNumber(stats, "skipped", "missing_text") +
                         JsonNumber(stats, "skipped", "duplicate_id"));
  EXPECT_EQ(skipped, 7);
  EXPECT_EQ(JsonNumber(stats, "", "invalid_utf8"), 4);
  EXPECT_LE(
      JsonNumber(stats, "lsh", "bands") * JsonNumber(stats, "lsh", "rows"),
      128);
  EXPECT_GT(JsonNumber(stats, "lsh", "bands"), 0);
  EXPECT_NE(stats.find("\"on_error\": \"skip\""), std::string::npos);
  EXPECT_NE(stats.find("\"mode\": \"syndicated\", \"threshold\": 0.8, "
                       "\"containment_threshold\": 0.7, "
                       "\"reworded_threshold\": 0.5"),
            std::string::npos)
      << stats;
  EXPECT_NE(stats.find("\"shingle\": \"word:3\", \"cross_lines\": false, "
                       "\"num_perm\": 128"),
            std::string::npos)
      << stats;
  for (const char* key : {"read_sign_index", "candidates", "verify", "cluster",
                          "write", "total"}) {
    EXPECT_GE(JsonNumber(stats, "seconds", key), 0) << key;
  }
  EXPECT_NE(stats.find("\"mb_per_s\": "), std::string::npos);
  EXPECT_NE(stats.find("\"docs_per_s\": "), std::string::npos);
  EXPECT_TRUE(stats.ends_with("}\n"));
}

TEST(CliAccountingTest, InvalidUtf8InFilesIsReplacedNotFatal) {
  TempDir dir;
  WriteTree(dir.File("d"), {{"latin1.txt", "Caf\xE9 na\xEFve \xE0 la carte"},
                            {"ok.txt", "plain text"}});
  const RunResult r = RunNeardup(
      dir, "dedup " + dir.File("d") + " --keep-out " + dir.File("k.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("invalid UTF-8 sequences replaced: 3"),
            std::string::npos)
      << r.err;
  // The kept corpus is valid JSON: invalid bytes written as U+FFFD.
  const std::vector<std::string> kept = Lines(ReadFile(dir.File("k.jsonl")));
  ASSERT_EQ(kept.size(), 2u);
  std::string text;
  JsonField fields[] = {{"text", &text}};
  ASSERT_TRUE(ScanJsonObject(kept[0], fields).ok());
  EXPECT_EQ(text, "Caf\uFFFD na\uFFFDve \uFFFD la carte");
}

TEST(CliAccountingTest, TruncatedOrCorruptCompressedInputFailsCleanly) {
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 300; ++i) {
    corpus += Line(absl::StrCat("d", i), absl::StrCat(kStory, " ", i));
  }
  const std::string gz = Gzip(corpus), zst = Zstd(corpus);
  std::string gz_corrupt = gz, zst_corrupt = zst;
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 16; ++i) {
    gz_corrupt[i] = static_cast<char>(gz_corrupt[i] ^ 0x5A);
  }
  for (size_t i = zst.size() / 2; i < zst.size() / 2 + 16; ++i) {
    zst_corrupt[i] = static_cast<char>(zst_corrupt[i] ^ 0x5A);
  }
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"truncated.jsonl.gz", gz.substr(0, gz.size() * 2 / 3)},
      {"corrupt.jsonl.gz", gz_corrupt},
      {"truncated.jsonl.zst", zst.substr(0, zst.size() * 2 / 3)},
      {"corrupt.jsonl.zst", zst_corrupt},
      {"cut-in-header.jsonl.gz", gz.substr(0, 5)},
  };
  for (const auto& [name, bytes] : cases) {
    TempDir work;
    const std::string path = work.File(name);
    WriteFile(path, bytes);
    for (const std::string& input : {path, "- <" + path}) {
      const RunResult r = RunNeardup(
          work, absl::StrCat("dedup -q ", input, " -o ", work.File("o.jsonl"),
                             " --keep-out ", work.File("k.jsonl.zst"),
                             " --stats ", work.File("s.json")));
      EXPECT_EQ(r.exit_code, 1) << input << ": " << r.err;
      EXPECT_NE(r.err.find(input == path ? path : "<stdin>"), std::string::npos)
          << r.err;
      EXPECT_NE(r.err.find("byte offset "), std::string::npos) << r.err;
      // No output and no temporary file is left behind.
      std::vector<std::string> left;
      for (const fs::directory_entry& e : fs::directory_iterator(work.path())) {
        left.push_back(e.path().filename().string());
      }
      std::sort(left.begin(), left.end());
      std::vector<std::string> expected = {name, "stderr.txt", "stdout.txt"};
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(left, expected) << input;
    }
  }
}

TEST(CliAccountingTest, FailedRunKeepsEarlierOutputs) {
  TempDir dir;
  WriteFile(dir.File("o.jsonl"), "earlier\n");
  WriteFile(dir.File("bad.jsonl"), Line("a", kStory) + "{oops}\n");
  const RunResult r = RunNeardup(
      dir, "dedup -q " + dir.File("bad.jsonl") + " -o " + dir.File("o.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadFile(dir.File("o.jsonl")), "earlier\n");
}

TEST(CliAccountingTest, OutputsToDevicesFifosAndLinks) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), SampleCorpus());
  const std::string in = dir.File("in.jsonl");
  const RunResult plain = RunNeardup(dir, "dedup -q " + in);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_FALSE(plain.out.empty());
  // A FIFO is written in place (a rename over it would replace it).
  ASSERT_EQ(mkfifo(dir.File("fifo").c_str(), 0600), 0);
  RunResult r = RunNeardupRaw(
      dir, absl::StrCat("cat ", dir.File("fifo"), " >", dir.File("got"),
                        " & reader=$!; ", NEARDUP_BINARY, " dedup -q ", in,
                        " -o ", dir.File("fifo"), "; status=$?; wait $reader; ",
                        "exit $status"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir.File("got")), plain.out);
  EXPECT_EQ(fs::status(dir.File("fifo")).type(), fs::file_type::fifo);
  // So is a character device (a private copy of /dev/null; needs root).
  if (mknod(dir.File("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    r = RunNeardup(dir, "dedup -q " + in + " -o " + dir.File("null") +
                            " --stats " + dir.File("null"));
    EXPECT_EQ(r.exit_code, 2) << r.err;  // the same file twice
    r = RunNeardup(dir, "dedup -q " + in + " -o " + dir.File("null"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(fs::status(dir.File("null")).type(), fs::file_type::character);
  }
  // A symbolic link stays a link; the file it points to is replaced.
  WriteFile(dir.File("real.jsonl"), "old\n");
  fs::create_symlink(dir.File("real.jsonl"), dir.File("link.jsonl"));
  r = RunNeardup(dir, "dedup -q " + in + " -o " + dir.File("link.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.File("link.jsonl")));
  EXPECT_EQ(ReadFile(dir.File("real.jsonl")), plain.out);
  // A directory is an error, before any work.
  r = RunNeardup(dir, "dedup -q " + in + " --keep-out " + dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------
// Progress on a terminal.

bool HaveScript() {
  return std::system("command -v script >/dev/null 2>&1") == 0;
}

// Runs `neardup ARGS` with stdin, stdout and stderr on a pseudo-terminal
// (util-linux `script`); returns what the terminal showed.
RunResult RunOnTerminal(const TempDir& dir, const std::string& args) {
  const std::string command = absl::StrCat(NEARDUP_BINARY, " ", args);
  std::string quoted = "'";
  for (char c : command)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  return RunNeardupRaw(dir, "script -qec " + quoted + " /dev/null </dev/null");
}

TEST(CliProgressTest, ProgressLineOnATerminalOnly) {
  if (!HaveScript()) GTEST_SKIP() << "util-linux `script` is not installed";
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 5000; ++i) {
    corpus += Line(absl::StrCat("d", i), absl::StrCat(kStory, " ", i % 97));
  }
  WriteFile(dir.File("in.jsonl"), corpus);
  const std::string in = dir.File("in.jsonl");
  RunResult r = RunOnTerminal(
      dir, "dedup --progress-interval 0 " + in + " -o " + dir.File("o"));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\rread+sign "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" docs "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" MB/s "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ETA"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\r\x1b[K"), std::string::npos);  // cleared at the end
  EXPECT_NE(r.out.find("5000 documents read"), std::string::npos) << r.out;
  // --quiet: neither progress nor summary.
  r = RunOnTerminal(
      dir, "dedup -q --progress-interval 0 " + in + " -o " + dir.File("o"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find("read+sign"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("documents read"), std::string::npos) << r.out;
  // Not a terminal: a summary but no progress line.
  r = RunNeardup(dir,
                 "dedup --progress-interval 0 " + in + " -o " + dir.File("o"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
  EXPECT_NE(r.err.find("5000 documents read"), std::string::npos);
}

// `neardup bench ARGS` on a corpus synthesised from the built-in text (the
// shared datasets are hidden so that synth stays small and fast), its
// temporary files in `dir`.
RunResult RunBench(const TempDir& dir, const std::string& args) {
  return RunNeardupRaw(
      dir, absl::StrCat("NEARDUP_SHARED_DIR=", dir.File("no-shared"), " ",
                        NEARDUP_BINARY, " bench --work-dir ", dir.path(), " ",
                        args));
}

TEST(CliBenchTest, TimesDedupWithThePassedThroughOptions) {
  TempDir dir;
  const std::string result = dir.File("r.json");
  const RunResult r =
      RunBench(dir, "--docs 300 --repeat 1 --mode classic -j 1 -o " + result +
                        " -- --seed 7");
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const std::string json = ReadFile(result);
  // The options bench does not know went to dedup, which recorded them.
  EXPECT_NE(json.find("\"engine_flags\": [\"--mode\", \"classic\", \"-j\", "
                      "\"1\", \"--seed\", \"7\"]"),
            std::string::npos)
      << json;
  // After `--` even bench's own names go to dedup: --seed is the MinHash
  // seed there, while the synth seed stays bench's default.
  EXPECT_NE(json.find("\"cluster\": \"star\", \"seed\": 7,"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"remix\": true"), std::string::npos) << json;
  EXPECT_EQ(JsonNumber(json, "synth", "seed"), 0);
  EXPECT_NE(json.find("\"mode\": \"classic\", \"threshold\": 0.8"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"boilerplate\": false"), std::string::npos) << json;
  EXPECT_EQ(JsonNumber(json, "options", "threads"), 1);
  EXPECT_GT(JsonNumber(json, "options", "lsh_bands"), 0);
  EXPECT_NE(json.find("dedup " + dir.path()), std::string::npos) << json;
  EXPECT_NE(r.out.find("dedup options: --mode classic -j 1 --seed 7"),
            std::string::npos)
      << r.out;
  // Sane counts, from dedup's --stats.
  const auto count = [&](const char* key) {
    return JsonNumber(json, "counts", key);
  };
  EXPECT_EQ(count("documents"), 300);
  EXPECT_EQ(count("empty") + count("in_clusters") + count("singletons"), 300);
  EXPECT_GT(count("clusters"), 0);
  EXPECT_GE(count("in_clusters"), 2 * count("clusters"));
  EXPECT_GE(count("lsh_candidate_pairs"), count("candidate_pairs"));
  EXPECT_GE(count("candidate_pairs"), count("verified_pairs"));
  EXPECT_GT(count("verified_pairs"), 0);
  EXPECT_EQ(JsonNumber(json, "corpus", "docs"), 300);
  EXPECT_GT(JsonNumber(json, "wc", "words"), 0);
  EXPECT_GT(JsonNumber(json, "", "peak_rss_bytes"), 1000000);
  EXPECT_NE(json.find("\"deterministic\": true"), std::string::npos);
  EXPECT_EQ(JsonNumber(json, "accuracy", "docs"), 300);
  EXPECT_NE(r.out.find("LSH candidate pairs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("boilerplate"), std::string::npos) << r.out;
  // The temporary directory is gone.
  size_t left = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    left += entry.path().filename().string().starts_with("neardup-bench-");
  }
  EXPECT_EQ(left, 0u);
}

TEST(CliBenchTest, OptionsDedupRejectsStopTheBenchmark) {
  TempDir dir;
  const std::string result = dir.File("r.json");
  for (const char* bad : {"--shingle word:0", "--no-such-option 3",
                          "--mode fast", "--stats x.json"}) {
    const RunResult r =
        RunBench(dir, absl::StrCat("--docs 300 ", bad, " -o ", result));
    EXPECT_EQ(r.exit_code, 2) << bad << r.err;
    EXPECT_NE(r.err.find("neardup dedup: "), std::string::npos)  // its own
        << bad << r.err;
    EXPECT_NE(r.err.find("neardup bench: `neardup dedup` rejected"),
              std::string::npos)
        << bad << r.err;
    EXPECT_EQ(r.err.find("synth"), std::string::npos) << bad << r.err;
    EXPECT_FALSE(fs::exists(result)) << bad;
  }
  // A stray word would become a second dedup input.
  const RunResult r = RunBench(dir, "--docs 300 corpus.jsonl -o " + result);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unexpected argument 'corpus.jsonl'"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace neardup

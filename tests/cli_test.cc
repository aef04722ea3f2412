// Tests of the `neardup` binary itself: output contract, errors, exit codes.
#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <string>
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
         Line("d", absl::StrCat("LONDON - ", kStory)) +
         Line("e", "short note");
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
  const RunResult piped = RunNeardup(dir, "dedup -q - <" + dir.File("in.jsonl"));
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
  const RunResult one = RunNeardup(dir, "dedup -q -j 1 " + dir.File("many.jsonl"));
  const RunResult two = RunNeardup(dir, "dedup -q -j 2 " + dir.File("many.jsonl"));
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
    const RunResult r = RunNeardup(dir, "dedup -q " + path + " -o " + dir.File("o"));
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
       "dedup", "dedup --no-such-flag " + in, "dedup --threshold 1.5 " + in,
        "dedup --shingle line:3 " + in, "dedup --bands 50 --rows 50 " + in,
        "dedup --algorithm fast " + in, "dedup --cluster louvain " + in,
        "dedup --threshold abc " + in, "frobnicate", ""};
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
  EXPECT_TRUE(lines[0].starts_with("{\"a\": \"a\", \"b\": \"b\", ")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with("{\"a\": \"a\", \"b\": \"d\", ")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("{\"a\": \"b\", \"b\": \"d\", ")) << lines[2];
  EXPECT_NE(lines[0].find("\"kind\": \"exact\", \"similarity\": 1.0000}"),
            std::string::npos);
}

}  // namespace
}  // namespace neardup

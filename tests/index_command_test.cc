// `neardup index build` and `neardup query`, run as the real binary.
#include <sys/wait.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "article_text.h"
#include "gtest/gtest.h"
#include "neardup/json.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::JsonLine;
using testing::ReadFile;
using testing::TempDir;
using testing::TestRng;
using testing::WriteFile;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

CliRun Neardup(const TempDir& dir, const std::string& args) {
  const std::string out = dir.File("out.txt"), err = dir.File("err.txt");
  const int status = std::system(
      absl::StrCat(NEARDUP_BINARY, " ", args, " >", out, " 2>", err).c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out),
          ReadFile(err)};
}

class IndexCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestRng rng(77);
    std::string corpus, news;
    for (int i = 0; i < 40; ++i) {
      stories_.push_back(testing::RandomArticle(rng, 200));
      corpus += JsonLine(absl::StrCat("old", i), stories_.back());
    }
    news += JsonLine("copy-of-3", stories_[3]);
    news += JsonLine("edit-of-5", testing::EditWords(rng, stories_[5], 0.02));
    news +=
        JsonLine("half-of-7", stories_[7].substr(0, stories_[7].size() / 2));
    news += JsonLine("fresh", testing::RandomArticle(rng, 200));
    WriteFile(dir_.File("corpus.jsonl"), corpus);
    WriteFile(dir_.File("new.jsonl"), news);
  }
  TempDir dir_;
  std::vector<std::string> stories_;
};

// The streaming cap on bands: 24 by default, --max-bands 0 for the batch's
// 55; query takes the bands from the file either way.
TEST_F(IndexCommandTest, MaxBandsSetsTheIndexBands) {
  for (const auto& [flag, bands] :
       std::vector<std::pair<std::string, std::string>>{
           {"", "24 bands"}, {" --max-bands 0", "55 bands"}}) {
    CliRun build =
        Neardup(dir_, absl::StrCat("index build ", dir_.File("corpus.jsonl"),
                                   flag, " -o ", dir_.File("idx.ndx")));
    ASSERT_EQ(build.exit_code, 0) << build.err;
    EXPECT_NE(build.err.find(bands), std::string::npos) << build.err;
    CliRun query = Neardup(dir_, absl::StrCat("query ", dir_.File("idx.ndx"),
                                              " ", dir_.File("new.jsonl")));
    ASSERT_EQ(query.exit_code, 0) << query.err;
    EXPECT_NE(query.out.find("\"a\": \"copy-of-3\", \"b\": \"old3\""),
              std::string::npos)
        << query.out;
  }
  CliRun bad =
      Neardup(dir_, absl::StrCat("index build ", dir_.File("corpus.jsonl"),
                                 " --max-bands -1 -o ", dir_.File("bad.ndx")));
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("max_bands"), std::string::npos) << bad.err;
}

TEST_F(IndexCommandTest, BuildThenQueryReportsPairs) {
  CliRun build =
      Neardup(dir_, absl::StrCat("index build ", dir_.File("corpus.jsonl"),
                                 " -o ", dir_.File("idx.ndx")));
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("40 documents"), std::string::npos) << build.err;
  CliRun query = Neardup(dir_, absl::StrCat("query ", dir_.File("idx.ndx"), " ",
                                            dir_.File("new.jsonl")));
  ASSERT_EQ(query.exit_code, 0) << query.err;
  std::vector<std::string> lines =
      absl::StrSplit(query.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u) << query.out;
  EXPECT_EQ(lines[0],
            "{\"a\": \"copy-of-3\", \"b\": \"old3\", \"jaccard\": 1.0000, "
            "\"containment\": 1.0000, \"kind\": \"exact\", \"similarity\": "
            "1.0000}");
  EXPECT_NE(lines[1].find("\"a\": \"edit-of-5\", \"b\": \"old5\""),
            std::string::npos);
  EXPECT_NE(lines[1].find("\"estimated\": true"), std::string::npos);
  EXPECT_NE(lines[2].find("\"a\": \"half-of-7\", \"b\": \"old7\""),
            std::string::npos);
  EXPECT_NE(lines[2].find("\"kind\": \"contained\""), std::string::npos);
  EXPECT_NE(query.err.find("4 documents against 40 indexed"), std::string::npos)
      << query.err;

  // --keep-sets: exact scores, no "estimated".
  build = Neardup(dir_, absl::StrCat("index build --keep-sets -q ",
                                     dir_.File("corpus.jsonl"), " -o ",
                                     dir_.File("sets.ndx")));
  ASSERT_EQ(build.exit_code, 0) << build.err;
  query = Neardup(dir_, absl::StrCat("query -q ", dir_.File("sets.ndx"), " ",
                                     dir_.File("new.jsonl")));
  ASSERT_EQ(query.exit_code, 0) << query.err;
  EXPECT_EQ(query.out.find("estimated"), std::string::npos);
  EXPECT_EQ(std::count(query.out.begin(), query.out.end(), '\n'), 3);
}

TEST_F(IndexCommandTest, DamagedOrMissingIndexIsExit1) {
  CliRun build =
      Neardup(dir_, absl::StrCat("index build -q ", dir_.File("corpus.jsonl"),
                                 " -o ", dir_.File("idx.ndx")));
  ASSERT_EQ(build.exit_code, 0) << build.err;
  std::string bytes = ReadFile(dir_.File("idx.ndx"));
  WriteFile(dir_.File("short.ndx"), bytes.substr(0, bytes.size() / 3));
  bytes[bytes.size() / 2] ^= 0x40;
  WriteFile(dir_.File("flipped.ndx"), bytes);
  for (const char* name : {"short.ndx", "flipped.ndx", "missing.ndx"}) {
    CliRun query = Neardup(dir_, absl::StrCat("query ", dir_.File(name), " ",
                                              dir_.File("new.jsonl")));
    EXPECT_EQ(query.exit_code, 1) << name;
    EXPECT_TRUE(query.out.empty());
    EXPECT_NE(query.err.find("neardup query: "), std::string::npos) << name;
    EXPECT_NE(query.err.find(name), std::string::npos) << query.err;
  }
  WriteFile(dir_.File("text.ndx"), "not an index\n");
  CliRun query = Neardup(dir_, absl::StrCat("query ", dir_.File("text.ndx"),
                                            " ", dir_.File("new.jsonl")));
  EXPECT_EQ(query.exit_code, 1);
  EXPECT_NE(query.err.find("not a neardup snapshot"), std::string::npos)
      << query.err;
}

TEST_F(IndexCommandTest, UsageErrorsAreExit2) {
  EXPECT_EQ(Neardup(dir_, "index").exit_code, 2);
  EXPECT_EQ(
      Neardup(dir_, absl::StrCat("index build ", dir_.File("corpus.jsonl")))
          .exit_code,
      2);  // no -o
  EXPECT_EQ(Neardup(dir_, absl::StrCat("query ", dir_.File("x.ndx"))).exit_code,
            2);  // no input
  EXPECT_EQ(Neardup(dir_, "index build --help").exit_code, 0);
}

}  // namespace
}  // namespace neardup

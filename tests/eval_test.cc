// Tests for neardup/eval.h: hand-computed cases, and agreement with the
// reference scorer shared/tools/score.py when it and python3 are present.
#include "neardup/eval.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace neardup {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) /
                 ("neardup_eval_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

GroundTruth MakeTruth(
    const std::vector<std::tuple<std::string, std::string, std::string>>&
        rows) {
  GroundTruth t;
  for (const auto& [id, story, edit] : rows) t.Set(id, story, edit);
  return t;
}

TEST(FormatRound4Test, MatchesPythonRepr) {
  EXPECT_EQ(FormatRound4(1.0), "1.0");
  EXPECT_EQ(FormatRound4(0.0), "0.0");
  EXPECT_EQ(FormatRound4(0.5), "0.5");
  EXPECT_EQ(FormatRound4(2.0 / 3.0), "0.6667");
  EXPECT_EQ(FormatRound4(0.12345), "0.1235");  // binary value is above .5
  EXPECT_EQ(FormatRound4(0.00015), "0.0001");  // binary value is below .5
  EXPECT_EQ(FormatRound4(0.0001), "0.0001");
  EXPECT_EQ(FormatRound4(-0.00001), "-0.0");
  EXPECT_EQ(FormatRound4(-0.31818), "-0.3182");
  EXPECT_EQ(FormatRound4(0.99996), "1.0");
}

TEST(StreamScorerTest, ScoresEachAnswer) {
  GroundTruth truth;
  truth.Set("a1", "A", "original");
  truth.Set("a2", "A", "verbatim");
  truth.Set("a3", "A", "reworded");
  truth.Set("b1", "B", "truncated");
  truth.Set("b2", "B", "edited");
  truth.Set("t1", "T1", "template");
  truth.Set("t2", "T2", "template");
  StreamScorer scorer(&truth);
  scorer.Add("b1", "");    // first of B, kept new: right
  scorer.Add("a2", "b1");  // first of A, reported as a repeat of B: wrong
  scorer.Add("a1", "a2");  // repeat, right match
  scorer.Add("t1", "");    // template, new
  scorer.Add("t2", "t1");  // template reported as a repeat: wrong
  scorer.Add("a3", "");    // repeat missed
  scorer.Add("b2", "a1");  // repeat, wrong story
  scorer.Add("zz", "a1");  // not in the truth
  const StreamScores& s = scorer.scores();
  EXPECT_EQ(s.docs, 7u);
  EXPECT_EQ(s.unknown_ids, 1u);
  EXPECT_EQ(s.repeat_recall.hits, 1u);   // a1
  EXPECT_EQ(s.repeat_recall.total, 3u);  // a1, a3, b2
  EXPECT_EQ(s.repeat_precision.hits, 1u);
  EXPECT_EQ(s.repeat_precision.total, 4u);  // a2, a1, t2, b2
  EXPECT_EQ(s.new_kept.hits, 2u);           // b1, t1
  EXPECT_EQ(s.new_kept.total, 4u);          // b1, a2, t1, t2
  EXPECT_EQ(s.templates_reported.hits, 1u);
  EXPECT_EQ(s.templates_reported.total, 2u);
  EXPECT_EQ(s.recall_by_edit.at("original").hits, 1u);
  EXPECT_EQ(s.recall_by_edit.at("reworded").hits, 0u);
  EXPECT_EQ(s.recall_by_edit.at("edited").total, 1u);
  EXPECT_EQ(s.recall_by_edit.count("template"), 0u);
  EXPECT_EQ(StreamScoresJson(s),
            "{\"docs\": 7, \"repeat_recall\": 0.3333, \"repeat_precision\": "
            "0.25, \"new_kept\": 0.5, \"recall_by_edit\": {\"edited\": 0.0, "
            "\"original\": 1.0, \"reworded\": 0.0}, \"templates_reported\": "
            "\"1/2\", \"unknown_ids\": 1}");
}

TEST(StreamScorerTest, WarmupOnlyMarksStories) {
  GroundTruth truth;
  truth.Set("a1", "A");
  truth.Set("a2", "A");
  StreamScorer scorer(&truth);
  scorer.Add("a1", "", /*scored=*/false);
  scorer.Add("a2", "a1");
  EXPECT_EQ(scorer.scores().docs, 1u);
  EXPECT_EQ(scorer.scores().repeat_recall.hits, 1u);
  EXPECT_EQ(scorer.scores().repeat_recall.total, 1u);
  EXPECT_EQ(scorer.scores().new_kept.total, 0u);
}

TEST(ClusterScoresTest, PerfectClustering) {
  GroundTruth truth = MakeTruth({{"a", "s1", "original"},
                                 {"b", "s1", "verbatim"},
                                 {"c", "s1", "reworded"},
                                 {"d", "s2", "original"},
                                 {"e", "s2", "truncated"},
                                 {"f", "s3", "template"}});
  absl::StatusOr<ClusterScores> s =
      ScoreClusters(truth, {{"a", "b", "c"}, {"d", "e"}});
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->docs, 6u);
  EXPECT_EQ(s->pair_precision, 1.0);
  EXPECT_EQ(s->pair_recall, 1.0);
  EXPECT_EQ(s->pair_f1, 1.0);
  EXPECT_EQ(s->ari, 1.0);
  EXPECT_EQ(s->true_pairs, 4u);
  ASSERT_EQ(s->recall_by_edit.size(), 3u);
  EXPECT_EQ(s->recall_by_edit["reworded"].hits, 1u);
  EXPECT_EQ(s->templates_wrongly_clustered.hits, 0u);
  EXPECT_EQ(s->templates_wrongly_clustered.total, 1u);
  EXPECT_EQ(ClusterScoresJson(*s),
            "{\"docs\": 6, \"pair_precision\": 1.0, \"pair_recall\": 1.0, "
            "\"pair_f1\": 1.0, \"ari\": 1.0, \"recall_by_edit\": "
            "{\"reworded\": 1.0, \"truncated\": 1.0, \"verbatim\": 1.0}, "
            "\"templates_wrongly_clustered\": \"0/1\", "
            "\"ids_in_two_clusters\": 0, \"unknown_ids\": 0}");
}

TEST(ClusterScoresTest, HandComputedAri) {
  // Truth: A = {1,2,3}, B = {4,5}, C = {6}. Predicted: {1,2}, {3,4,5}, {6}.
  // TP = C(2,2) + C(2,2) = 2; TP+FP = C(2,2) + C(3,2) = 4;
  // TP+FN = C(3,2) + C(2,2) = 4; n = 6, C(6,2) = 15.
  // expected = 4 * 4 / 15 = 16/15, max = 4,
  // ARI = (2 - 16/15) / (4 - 16/15) = 14/44 = 0.31818...
  GroundTruth truth = MakeTruth({{"1", "A", "original"},
                                 {"2", "A", "edited"},
                                 {"3", "A", "edited"},
                                 {"4", "B", "original"},
                                 {"5", "B", "verbatim"},
                                 {"6", "C", "original"}});
  ClusterScorer scorer(&truth);
  scorer.AddCluster({"1", "2"});
  scorer.AddCluster({"3", "4", "5"});
  absl::StatusOr<ClusterScores> s = scorer.Finish();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->true_pairs, 2u);
  EXPECT_EQ(s->predicted_pairs, 4u);
  EXPECT_EQ(s->same_story_pairs, 4u);
  EXPECT_DOUBLE_EQ(s->pair_precision, 0.5);
  EXPECT_DOUBLE_EQ(s->pair_recall, 0.5);
  EXPECT_DOUBLE_EQ(s->pair_f1, 0.5);
  EXPECT_NEAR(s->ari, 14.0 / 44.0, 1e-15);
  EXPECT_EQ(FormatRound4(s->ari), "0.3182");
  // edited: "2" is with original "1", "3" is not -> 1/2; verbatim 1/1.
  EXPECT_EQ(s->recall_by_edit["edited"].hits, 1u);
  EXPECT_EQ(s->recall_by_edit["edited"].total, 2u);
  EXPECT_EQ(s->recall_by_edit["verbatim"].hits, 1u);
}

TEST(ClusterScoresTest, AllSingletonsAndOneBigCluster) {
  GroundTruth truth = MakeTruth(
      {{"a", "s1", ""}, {"b", "s1", ""}, {"c", "s2", ""}, {"d", "s3", ""}});
  // No predicted pairs: precision 1 by convention, recall 0, ARI 0.
  absl::StatusOr<ClusterScores> none = ScoreClusters(truth, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->pair_precision, 1.0);
  EXPECT_EQ(none->pair_recall, 0.0);
  EXPECT_EQ(none->pair_f1, 0.0);
  EXPECT_EQ(none->ari, 0.0);
  EXPECT_TRUE(none->recall_by_edit.empty());  // empty edits are not scored
  // Everything together: recall 1, precision 1/6, ARI 0.
  absl::StatusOr<ClusterScores> all =
      ScoreClusters(truth, {{"a", "b", "c", "d"}});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->pair_recall, 1.0);
  EXPECT_DOUBLE_EQ(all->pair_precision, 1.0 / 6.0);
  EXPECT_EQ(all->ari, 0.0);
}

TEST(ClusterScoresTest, CountsOddities) {
  GroundTruth truth = MakeTruth({{"a", "s1", "original"},
                                 {"b", "s1", "verbatim"},
                                 {"t1", "s2", "template"},
                                 {"t2", "s3", "template"},
                                 {"t3", "s4", "template"}});
  truth.Set("b", "s1", "edited");  // a later record replaces the earlier
  ClusterScorer scorer(&truth);
  scorer.AddCluster({"a", "t1", "zzz"});  // zzz unknown
  scorer.AddCluster({"t2"});  // listed alone: still "clustered" (score.py)
  scorer.AddCluster({"b", "a", "a"});  // a moves here, counted twice
  absl::StatusOr<ClusterScores> s = scorer.Finish();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->docs, 5u);
  EXPECT_EQ(s->unknown_ids, 1u);
  EXPECT_EQ(s->ids_in_two_clusters, 2u);
  EXPECT_EQ(s->templates_wrongly_clustered.hits, 2u);
  EXPECT_EQ(s->templates_wrongly_clustered.total, 3u);
  EXPECT_EQ(s->recall_by_edit.count("verbatim"), 0u);
  EXPECT_EQ(s->recall_by_edit["edited"].hits, 1u);  // b with a
  EXPECT_EQ(s->true_pairs, 1u);
  EXPECT_EQ(s->predicted_pairs, 1u);  // {a, b}; t1 is alone in cluster 1
}

TEST(ClusterScoresTest, TooSmallTruthIsAnError) {
  GroundTruth truth = MakeTruth({{"a", "s1", "original"}});
  EXPECT_EQ(ScoreClusters(truth, {{"a"}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ClusterScoresTest, LargeCountsDoNotOverflow) {
  // 3 stories of 100k docs each, predicted as one cluster of 300k:
  // C(300000, 2) ~ 4.5e10 pairs, products ~ 2e21 (beyond uint64).
  GroundTruth truth;
  std::vector<std::string> ids;
  for (int i = 0; i < 300000; ++i) {
    ids.push_back("d" + std::to_string(i));
    truth.Set(ids.back(), "s" + std::to_string(i % 3));
  }
  absl::StatusOr<ClusterScores> s = ScoreClusters(truth, {ids});
  ASSERT_TRUE(s.ok());
  const double n = 300000, k = 100000;
  const double tp = 3 * k * (k - 1) / 2, all = n * (n - 1) / 2;
  EXPECT_DOUBLE_EQ(s->pair_precision, tp / all);
  EXPECT_EQ(s->pair_recall, 1.0);
  EXPECT_NEAR(s->ari, 0.0, 1e-12);
}

TEST(PairScoresTest, HandComputedRetrievalWithTies) {
  std::vector<ReportedPair> reported = {
      {"D1", "S1", 0.9},  {"S2", "D1", 0.9},  // tie, identical texts: hit
      {"D2", "S1", 0.5},  {"D2", "S3", 0.5},  // tie, different texts: miss
      {"D4", "S3", 0.2},  {"D4", "S3", 0.7},  // repeated: max kept; hit
      {"D5", "S1", 0.8},  {"D5", "S2", 0.3},  // labelled source S2: miss
      {"D6", "S3", -0.5},                     // stored as 0: not a hit
  };
  std::vector<LabelledPair> labelled = {{"S1", "D1", "WD"}, {"S1", "D2", "PD"},
                                        {"S3", "D3", "PD"}, {"S3", "D4", "WD"},
                                        {"S2", "D5", "ND"}, {"S3", "D6", "ND"}};
  absl::flat_hash_map<std::string, std::string> texts = {
      {"S1", "Same  text\nhere"},
      {"S2", " Same text\xC2\xA0here "},
      {"S3", "Other text"}};
  absl::StatusOr<PairScores> s = ScorePairs(reported, labelled, texts);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->reported_pairs, 8u);
  EXPECT_EQ(s->detected_by_label["WD"].hits, 2u);
  EXPECT_EQ(s->detected_by_label["PD"].hits, 1u);
  EXPECT_EQ(s->detected_by_label["PD"].total, 2u);
  EXPECT_EQ(s->detected_by_label["ND"].hits, 2u);
  EXPECT_EQ(s->source_retrieval_at1["WD"].hits, 2u);
  EXPECT_EQ(s->source_retrieval_at1["PD"].hits, 0u);
  EXPECT_EQ(s->source_retrieval_at1["ND"].hits, 0u);
  EXPECT_EQ(
      PairScoresJson(*s),
      "{\"reported_pairs\": 8, \"detected_by_label\": {\"ND\": 1.0, "
      "\"PD\": 0.5, \"WD\": 1.0}, \"source_retrieval_at1\": {\"ND\": 0.0, "
      "\"PD\": 0.0, \"WD\": 1.0}}");
}

TEST(EvalOptionsTest, Validate) {
  EvalOptions o;
  EXPECT_FALSE(o.Validate().ok());
  o.clusters_path = "c";
  EXPECT_FALSE(o.Validate().ok());
  o.truth_path = "t";
  EXPECT_TRUE(o.Validate().ok());
  EXPECT_EQ(o.mode(), EvalOptions::Mode::kClusters);
  o.pairs_path = "p";
  EXPECT_FALSE(o.Validate().ok());
  EvalOptions p;
  p.pairs_path = "p";
  p.labels_path = "l";
  EXPECT_FALSE(p.Validate().ok());
  p.corpus_path = "c";
  EXPECT_TRUE(p.Validate().ok());
  EXPECT_EQ(p.mode(), EvalOptions::Mode::kPairs);
}

TEST(EvalFilesTest, LoadersAndErrors) {
  const fs::path dir = TempDir("files");
  WriteFile(dir / "truth.jsonl",
            "{\"id\": \"a\", \"story\": \"s1\", \"edit\": \"original\"}\n"
            "\n"
            "{\"id\": \"b\", \"story\": \"s1\", \"edit\": \"verbatim\"}\r\n"
            "{\"id\": 7, \"story\": 2}\n");
  WriteFile(dir / "clusters.jsonl",
            "{\"cluster\": 0, \"members\": [{\"id\": \"a\", \"x\": 1}, "
            "\"b\"]}\n{\"members\": []}\n{\"members\": [7, \"q\"]}");
  EvalOptions options;
  options.truth_path = (dir / "truth.jsonl").string();
  options.clusters_path = (dir / "clusters.jsonl").string();
  absl::StatusOr<EvalReport> report = EvaluateFiles(options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->json,
            "{\"docs\": 3, \"pair_precision\": 1.0, \"pair_recall\": 1.0, "
            "\"pair_f1\": 1.0, \"ari\": 1.0, \"recall_by_edit\": "
            "{\"verbatim\": 1.0}, \"templates_wrongly_clustered\": \"0/0\", "
            "\"ids_in_two_clusters\": 0, \"unknown_ids\": 1}");
  EXPECT_NE(report->text.find("adjusted Rand index"), std::string::npos);

  WriteFile(dir / "bad.jsonl",
            "{\"id\": \"a\", \"story\": \"s\"}\n{\"id\": \"b\"}\n");
  options.truth_path = (dir / "bad.jsonl").string();
  absl::StatusOr<EvalReport> bad = EvaluateFiles(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.jsonl:2"), std::string::npos)
      << bad.status();
  options.truth_path = (dir / "missing.jsonl").string();
  EXPECT_EQ(EvaluateFiles(options).status().code(),
            absl::StatusCode::kNotFound);

  WriteFile(dir / "labels.tsv", "a\tb\tlabel\nS\tD\tWD\nS\tD\n");
  EXPECT_FALSE(LoadLabelledPairs((dir / "labels.tsv").string()).ok());
  fs::remove_all(dir);
}

// --------------------------------------------------------------------------
// Agreement with score.py.

std::string Python() {
  for (const char* p : {"/usr/bin/python3", "python3"}) {
    const std::string cmd =
        std::string(p) + " -c 'import json' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return p;
  }
  return "";
}

std::string RunCapture(const std::string& cmd, const fs::path& out) {
  const std::string full = cmd + " > " + out.string() + " 2>&1";
  const int status = std::system(full.c_str());
  std::string text = ReadFile(out);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ADD_FAILURE() << "command failed: " << full << "\n" << text;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

class ScorePyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    score_py_ = fs::path(NEARDUP_SHARED_DIR) / "tools/score.py";
    if (!fs::exists(score_py_)) GTEST_SKIP() << "no " << score_py_;
    python_ = Python();
    if (python_.empty()) GTEST_SKIP() << "python3 unavailable";
  }
  fs::path score_py_;
  std::string python_;
};

std::string Id(const char* prefix, uint64_t i) {
  return prefix + std::to_string(i);
}

TEST_F(ScorePyTest, ClustersAgreeOnRandomCases) {
  const fs::path dir = TempDir("pyclusters");
  const char* kEdits[] = {"verbatim",           "truncated", "edited",
                          "reworded",           "multi",     "",
                          "weird kind \xC3\xA9"};
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    std::mt19937_64 rng(seed);
    const uint64_t n = seed == 6 ? 20000 : 50 + rng() % 400;
    const uint64_t stories = 1 + n / (2 + rng() % 5);
    std::string truth, clusters;
    std::vector<std::vector<uint64_t>> by_story(stories);
    for (uint64_t d = 0; d < n; ++d) {
      const uint64_t s = rng() % stories;
      std::string edit;
      if (by_story[s].empty()) {
        edit = rng() % 10 == 0 ? "verbatim" : "original";
      } else {
        edit = kEdits[rng() % 7];
      }
      if (rng() % 20 == 0) edit = "template";
      by_story[s].push_back(d);
      truth +=
          "{\"id\": \"" + Id("d", d) + "\", \"story\": \"" + Id("s", s) + "\"";
      if (!edit.empty() || rng() % 2) {
        truth += ", \"edit\": \"" + edit + "\"";
      }
      truth += "}\n";
    }
    // A repeated record: the later one wins.
    truth += "{\"id\": \"d0\", \"story\": \"s1\", \"edit\": \"edited\"}\n";
    // Predicted: mostly by story, with splits, merges, strays and noise.
    for (uint64_t s = 0; s < stories; ++s) {
      std::vector<std::string> members;
      for (uint64_t d : by_story[s]) {
        if (rng() % 8 == 0) continue;  // missed
        members.push_back(Id("d", d));
        if (rng() % 30 == 0) members.push_back(Id("d", rng() % n));  // stray
      }
      if (rng() % 6 == 0) members.push_back(Id("x", rng()));  // unknown
      if (rng() % 5 == 0 && s + 1 < stories) {                // merge next
        for (uint64_t d : by_story[s + 1]) members.push_back(Id("d", d));
      }
      if (members.empty()) continue;
      clusters += "{\"cluster\": " + std::to_string(s) + ", \"members\": [";
      for (size_t i = 0; i < members.size(); ++i) {
        if (i > 0) clusters += ", ";
        if (rng() % 2) {
          clusters += "{\"id\": \"" + members[i] + "\", \"similarity\": 0.5}";
        } else {
          clusters += "\"" + members[i] + "\"";
        }
      }
      clusters += "]}\n";
      if (rng() % 10 == 0) clusters += "\n";
    }
    WriteFile(dir / "truth.jsonl", truth);
    WriteFile(dir / "clusters.jsonl", clusters);
    const std::string args = " " + (dir / "clusters.jsonl").string() + " " +
                             (dir / "truth.jsonl").string();
    const std::string expected =
        RunCapture(python_ + " " + score_py_.string() + " clusters" + args,
                   dir / "py.out");
    const std::string actual =
        RunCapture(std::string(NEARDUP_BINARY) + " eval --json --clusters " +
                       (dir / "clusters.jsonl").string() + " --truth " +
                       (dir / "truth.jsonl").string(),
                   dir / "nd.out");
    EXPECT_EQ(actual, expected) << "seed " << seed;
    // The library agrees with the binary.
    EvalOptions options;
    options.clusters_path = (dir / "clusters.jsonl").string();
    options.truth_path = (dir / "truth.jsonl").string();
    absl::StatusOr<EvalReport> report = EvaluateFiles(options);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->json, expected);
  }
  fs::remove_all(dir);
}

TEST_F(ScorePyTest, PairsAgreeOnRandomCases) {
  const fs::path dir = TempDir("pypairs");
  const char* kLabels[] = {"WD", "PD", "ND"};
  const char* kTexts[] = {"alpha beta",
                          "alpha  beta\n",
                          "alpha\xC2\xA0"
                          "beta",
                          "gamma",
                          "gamma delta",
                          " gamma "};
  const double kSims[] = {0.2, 0.5, 0.5, 0.9, 1.0, 0.0, -0.3};
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    std::mt19937_64 rng(seed * 7919);
    const uint64_t sources = 5 + rng() % 30;
    const uint64_t derived = 10 + rng() % 60;
    std::string labels = "source\tderived\tlabel\n", corpus, pairs;
    for (uint64_t s = 0; s < sources; ++s) {
      if (rng() % 8 == 0) continue;  // missing from the corpus
      corpus += "{\"id\": \"" + Id("S", s) + "\", \"text\": \"";
      const std::string t = kTexts[rng() % 6];
      for (char c : t)
        corpus += c == '\n' ? std::string("\\n") : std::string(1, c);
      corpus += "\"}\n";
    }
    for (uint64_t d = 0; d < derived; ++d) {
      corpus += "{\"id\": \"" + Id("D", d) + "\", \"text\": \"x\"}\n";
      labels += Id("S", rng() % sources) + "\t" + Id("D", d) + "\t" +
                kLabels[rng() % 3] + "\n";
    }
    const uint64_t reported = rng() % (4 * derived);
    for (uint64_t r = 0; r < reported; ++r) {
      std::string a = Id("D", rng() % derived);
      std::string b =
          rng() % 5 == 0 ? Id("D", rng() % derived) : Id("S", rng() % sources);
      if (rng() % 2) std::swap(a, b);
      pairs += "{\"a\": \"" + a + "\", \"b\": \"" + b + "\"";
      switch (rng() % 4) {
        case 0:
          break;  // default similarity 1.0
        case 1:
          pairs += ", \"similarity\": \"0.5\"";
          break;
        default: {
          char buf[32];
          std::snprintf(buf, sizeof(buf), "%.17g", kSims[rng() % 7]);
          pairs += std::string(", \"similarity\": ") + buf;
        }
      }
      pairs += "}\n";
    }
    WriteFile(dir / "labels.tsv", labels);
    WriteFile(dir / "corpus.jsonl", corpus);
    WriteFile(dir / "pairs.jsonl", pairs);
    const std::string expected =
        RunCapture(python_ + " " + score_py_.string() + " pairs " +
                       (dir / "pairs.jsonl").string() + " " +
                       (dir / "labels.tsv").string() + " " +
                       (dir / "corpus.jsonl").string(),
                   dir / "py.out");
    const std::string actual =
        RunCapture(std::string(NEARDUP_BINARY) + " eval --json --pairs " +
                       (dir / "pairs.jsonl").string() + " --labels " +
                       (dir / "labels.tsv").string() + " --corpus " +
                       (dir / "corpus.jsonl").string(),
                   dir / "nd.out");
    EXPECT_EQ(actual, expected) << "seed " << seed;
  }
  fs::remove_all(dir);
}

TEST_F(ScorePyTest, AgreesOnCounterLabels) {
  const fs::path counter = fs::path(NEARDUP_SHARED_DIR) / "datasets/counter";
  if (!fs::exists(counter / "pairs.tsv")) GTEST_SKIP() << "no COUNTER data";
  // Report every labelled pair with a similarity that ties often.
  const fs::path dir = TempDir("pycounter");
  std::ifstream in(counter / "pairs.tsv");
  std::string line, pairs;
  std::getline(in, line);
  int i = 0;
  while (std::getline(in, line)) {
    const size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (++i % 4 == 0) continue;
    pairs += "{\"a\": \"" + line.substr(0, t1) + "\", \"b\": \"" +
             line.substr(t1 + 1, t2 - t1 - 1) +
             "\", \"similarity\": " + std::to_string((i % 3) / 4.0 + 0.25) +
             "}\n";
  }
  WriteFile(dir / "pairs.jsonl", pairs);
  const std::string files = (dir / "pairs.jsonl").string() + " " +
                            (counter / "pairs.tsv").string() + " " +
                            (counter / "corpus.jsonl").string();
  const std::string expected = RunCapture(
      python_ + " " + score_py_.string() + " pairs " + files, dir / "py.out");
  const std::string actual =
      RunCapture(std::string(NEARDUP_BINARY) + " eval --json --pairs " +
                     (dir / "pairs.jsonl").string() + " --labels " +
                     (counter / "pairs.tsv").string() + " --corpus " +
                     (counter / "corpus.jsonl").string(),
                 dir / "nd.out");
  EXPECT_EQ(actual, expected);
  fs::remove_all(dir);
}

TEST(EvalCommandTest, ExitCodesAndOutputFile) {
  const fs::path dir = TempDir("cli");
  WriteFile(dir / "truth.jsonl",
            "{\"id\": \"a\", \"story\": \"s\", \"edit\": \"original\"}\n"
            "{\"id\": \"b\", \"story\": \"s\", \"edit\": \"verbatim\"}\n");
  WriteFile(dir / "clusters.jsonl", "{\"members\": [\"a\", \"b\"]}\n");
  const std::string bin = std::string(NEARDUP_BINARY) + " eval ";
  auto run = [](const std::string& cmd) {
    const int status = std::system((cmd + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const std::string files = "--clusters " + (dir / "clusters.jsonl").string() +
                            " --truth " + (dir / "truth.jsonl").string();
  EXPECT_EQ(run(bin + files + " -o " + (dir / "out.json").string()), 0);
  EXPECT_EQ(ReadFile(dir / "out.json"),
            "{\"docs\": 2, \"pair_precision\": 1.0, \"pair_recall\": 1.0, "
            "\"pair_f1\": 1.0, \"ari\": 1.0, \"recall_by_edit\": "
            "{\"verbatim\": 1.0}, \"templates_wrongly_clustered\": \"0/0\", "
            "\"ids_in_two_clusters\": 0, \"unknown_ids\": 0}\n");
  EXPECT_EQ(run(bin), 2);
  EXPECT_EQ(run(bin + "--clusters x"), 2);
  EXPECT_EQ(run(bin + "--nope"), 2);
  EXPECT_EQ(run(bin + "--clusters /nonexistent --truth /nonexistent"), 1);
  fs::remove_all(dir);
}

// `eval --stream` replays a generated corpus through the streaming index:
// copies of one story repeat it, templates do not.
TEST(EvalCommandTest, StreamScoresAGeneratedCorpus) {
  const fs::path dir = TempDir("stream");
  const std::string bin(NEARDUP_BINARY);
  ASSERT_EQ(std::system((bin + " synth --docs 3000 --seed 9 -o " +
                         dir.string() + " >/dev/null 2>&1")
                            .c_str()),
            0);
  const std::string args = " eval --stream --json --warmup 500 --truth " +
                           (dir / "truth.jsonl").string() + " " +
                           (dir / "corpus.jsonl").string() + " -o " +
                           (dir / "stream.json").string();
  ASSERT_EQ(std::system((bin + args + " >/dev/null 2>&1").c_str()), 0);
  const std::string json = ReadFile(dir / "stream.json");
  auto number = [&](const std::string& key) {
    const size_t at = json.find("\"" + key + "\": ");
    EXPECT_NE(at, std::string::npos) << key << " in " << json;
    return std::atof(json.c_str() + at + key.size() + 4);
  };
  EXPECT_EQ(number("docs"), 2500);
  EXPECT_GT(number("repeat_recall"), 0.95) << json;
  EXPECT_GT(number("repeat_precision"), 0.98) << json;
  EXPECT_GT(number("new_kept"), 0.95) << json;  // templates count here
  // Templates: the online DF model needs a frame seen in 10 documents to
  // call it boilerplate, so early templates of rare frames may still match
  // each other (a cold start; see README); most must not.
  const size_t t = json.find("\"templates_reported\": \"");
  ASSERT_NE(t, std::string::npos) << json;
  const int reported = std::atoi(json.c_str() + t + 23);
  const int templates = std::atoi(json.c_str() + json.find('/', t) + 1);
  EXPECT_GT(templates, 50) << json;
  EXPECT_LT(reported, templates / 5) << json;
  // --stream needs --truth and inputs.
  EXPECT_NE(std::system((bin + " eval --stream " +
                         (dir / "corpus.jsonl").string() + " >/dev/null 2>&1")
                            .c_str()),
            0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace neardup

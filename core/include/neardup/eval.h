// Evaluation: scores predicted clusters against ground truth, and reported
// pairs against labelled pairs. The numbers are exactly those of the
// project's independent reference scorer (shared/tools/score.py), to the
// 4 decimals it prints; the JSON forms below are byte-identical to its
// output.
//
// Clusters vs truth (pairwise, over the truth documents):
//   * a predicted cluster is a list of document ids; ids absent from every
//     cluster are singletons; an id given again later moves to the later
//     cluster (and counts in ids_in_two_clusters); ids not in the truth are
//     counted in unknown_ids and otherwise ignored;
//   * pair precision = same-story pairs within predicted clusters / pairs
//     within predicted clusters (1 when there are none), pair recall =
//     same-story pairs within predicted clusters / same-story pairs (1 when
//     there are none), F1, and the adjusted Rand index (Hubert & Arabie
//     1985);
//   * recall by edit kind: a copy counts as found when it shares a predicted
//     cluster with its story's "original" document (edits "original",
//     "template" and "" are not scored);
//   * templates wrongly clustered: documents with edit "template" placed in
//     any predicted cluster (as score.py does: a cluster listed with a
//     single member counts too).
//
// Pairs vs labels (e.g. COUNTER source/derived pairs):
//   * detected_by_label: share of labelled pairs (a, b) reported in either
//     order;
//   * source_retrieval_at1: for labelled (source a, derived b), the best
//     reported similarity between b and any source (sources = every first
//     column id); a hit when it is > 0, a is among the top-scoring sources
//     and every top-scoring source has the same whitespace-folded text as a
//     (sources missing from the corpus compare equal to each other only).
//
// Example (in memory):
//   neardup::GroundTruth truth;
//   truth.Set("d1", "s1", "original");
//   truth.Set("d2", "s1", "verbatim");
//   truth.Set("d3", "s2", "original");
//   neardup::ClusterScorer scorer(&truth);
//   scorer.AddCluster({"d1", "d2"});
//   NEARDUP_ASSIGN_OR_RETURN(neardup::ClusterScores scores, scorer.Finish());
//   // scores.pair_f1 == 1.0, scores.ari == 1.0
//   std::puts(neardup::ClusterScoresJson(scores).c_str());
//
// Example (files, as `neardup eval` does):
//   neardup::EvalOptions options;
//   options.clusters_path = "clusters.jsonl";
//   options.truth_path = "truth.jsonl";
//   NEARDUP_ASSIGN_OR_RETURN(neardup::EvalReport report,
//                            neardup::EvaluateFiles(options));
#ifndef NEARDUP_EVAL_H_
#define NEARDUP_EVAL_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "neardup/verify.h"

namespace neardup {

/// Ground truth: document id -> story id and edit kind. Ids are byte
/// strings (a JSON number id is taken as its literal text).
class GroundTruth {
 public:
  /// Adds `id`, or replaces its record if present (the later record wins,
  /// as in score.py). `edit` may be empty.
  void Set(std::string_view id, std::string_view story,
           std::string_view edit = "");

  size_t size() const { return story_.size(); }
  /// Index of `id` in [0, size()), or -1 if absent.
  int64_t Find(std::string_view id) const;
  /// Story number (dense, in order of first appearance) and edit kind of
  /// document `doc` (an index from Find).
  uint32_t story(size_t doc) const { return story_[doc]; }
  std::string_view edit(size_t doc) const { return edit_names_[edit_[doc]]; }

 private:
  friend class ClusterScorer;
  static uint32_t Intern(std::string_view key,
                         absl::flat_hash_map<std::string, uint32_t>* index,
                         std::vector<std::string>* names);

  absl::flat_hash_map<std::string, uint32_t> doc_index_;
  std::vector<uint32_t> story_;  ///< per document: story number
  std::vector<uint32_t> edit_;   ///< per document: edit number
  absl::flat_hash_map<std::string, uint32_t> story_index_;
  std::vector<std::string> story_names_;
  absl::flat_hash_map<std::string, uint32_t> edit_index_;
  std::vector<std::string> edit_names_;
};

/// Reads TRUTH.jsonl: one object per line with "id", "story" (strings or
/// numbers) and optional "edit" (string; null or absent = ""). Blank lines
/// are skipped. Errors name path:line.
absl::StatusOr<GroundTruth> LoadGroundTruth(const std::string& path);

/// hits out of total; value() = hits / total (0 when total == 0).
struct Rate {
  uint64_t hits = 0;
  uint64_t total = 0;
  double value() const;
};

struct ClusterScores {
  uint64_t docs = 0;              ///< truth documents (n)
  uint64_t same_story_pairs = 0;  ///< pairs sharing a story (TP + FN)
  uint64_t predicted_pairs = 0;   ///< pairs sharing a cluster (TP + FP)
  uint64_t true_pairs = 0;        ///< pairs sharing both (TP)
  double pair_precision = 0;      ///< TP / (TP + FP), 1 if no predicted pair
  double pair_recall = 0;         ///< TP / (TP + FN), 1 if no same-story pair
  double pair_f1 = 0;
  double ari = 0;  ///< adjusted Rand index, in [-1, 1]
  std::map<std::string, Rate> recall_by_edit;  ///< edit kind -> found copies
  Rate templates_wrongly_clustered;  ///< template docs in a predicted cluster
  uint64_t ids_in_two_clusters = 0;  ///< repeated member ids (occurrences)
  uint64_t unknown_ids = 0;          ///< member ids not in the truth
};

/// Accumulates predicted clusters, then scores them against a truth.
/// Memory: O(truth size + clustered documents).
class ClusterScorer {
 public:
  /// `truth` must outlive the scorer.
  explicit ClusterScorer(const GroundTruth* truth);

  /// Adds one predicted cluster (member ids, any order; may be empty).
  void AddCluster(absl::Span<const std::string_view> member_ids);
  void AddCluster(std::initializer_list<std::string_view> member_ids) {
    AddCluster(absl::MakeConstSpan(member_ids.begin(), member_ids.size()));
  }
  void AddCluster(absl::Span<const std::string> member_ids);

  /// Scores the clusters added so far. InvalidArgument when the truth has
  /// fewer than 2 documents (the adjusted Rand index is undefined).
  absl::StatusOr<ClusterScores> Finish() const;

 private:
  const GroundTruth* truth_;
  std::vector<uint32_t> cluster_of_;  ///< per truth doc: 0 = singleton
  uint32_t clusters_ = 0;
  uint64_t ids_in_two_clusters_ = 0;
  uint64_t unknown_ids_ = 0;
  void AddMember(std::string_view id);
};

/// One-shot form of ClusterScorer.
absl::StatusOr<ClusterScores> ScoreClusters(
    const GroundTruth& truth,
    const std::vector<std::vector<std::string>>& clusters);

/// Reads CLUSTERS.jsonl (one object per line, "members": [{"id": ..}, ..]
/// or [id, ..]; other fields ignored; blank lines skipped) into `scorer`.
absl::Status AddClustersFromFile(const std::string& path,
                                 ClusterScorer* scorer);

/// score.py's JSON object for clusters (keys docs, pair_precision,
/// pair_recall, pair_f1, ari, recall_by_edit, templates_wrongly_clustered,
/// ids_in_two_clusters, unknown_ids), no trailing newline.
std::string ClusterScoresJson(const ClusterScores& scores);
/// A human-readable report (several lines, trailing newline).
std::string ClusterScoresReport(const ClusterScores& scores);

struct ReportedPair {
  std::string a, b;
  double similarity = 1.0;  ///< any real; the larger of repeats is kept
};

struct LabelledPair {
  std::string a;  ///< source
  std::string b;  ///< derived
  std::string label;
};

struct PairScores {
  uint64_t reported_pairs = 0;  ///< distinct unordered pairs reported
  std::map<std::string, Rate> detected_by_label;
  std::map<std::string, Rate> source_retrieval_at1;
};

/// Scores `reported` against `labelled`. `source_texts` maps source ids to
/// their raw text (whitespace is folded here); sources absent from it count
/// as having no text.
absl::StatusOr<PairScores> ScorePairs(
    absl::Span<const ReportedPair> reported,
    absl::Span<const LabelledPair> labelled,
    const absl::flat_hash_map<std::string, std::string>& source_texts);

/// PAIRS.jsonl: {"a", "b", "similarity"?} per line (blank lines skipped;
/// similarity defaults to 1, may be a number or a numeric string).
absl::StatusOr<std::vector<ReportedPair>> LoadReportedPairs(
    const std::string& path);
/// LABELS.tsv: a header line, then a<TAB>b<TAB>label per line (exactly three
/// fields; "\r\n" endings accepted).
absl::StatusOr<std::vector<LabelledPair>> LoadLabelledPairs(
    const std::string& path);
/// The "text" of every corpus record whose "id" is in `ids` (later records
/// win). Every line must be an object with an "id".
absl::StatusOr<absl::flat_hash_map<std::string, std::string>> LoadTexts(
    const std::string& corpus_path,
    const absl::flat_hash_set<std::string>& ids);

/// score.py's JSON object for pairs (keys reported_pairs, detected_by_label,
/// source_retrieval_at1), no trailing newline.
std::string PairScoresJson(const PairScores& scores);
std::string PairScoresReport(const PairScores& scores);

/// Python's `json.dumps(round(x, 4))` for a finite x: the value rounded to
/// 4 decimals (half to even on the exact binary value), in the shortest
/// form that reads back ("1.0", "0.5", "0.1235", "-0.0").
std::string FormatRound4(double x);

/// LSH recall against brute force at the same settings: of the pairs that
/// match exactly (every pair found through an inverted index), the share
/// the LSH candidates also found, by band of Jaccard relative to the near
/// threshold t and by the kind of the weaker rules.
struct RecallBand {
  std::string name;    ///< e.g. "near J in [t, t+0.05)"
  uint64_t exact = 0;  ///< matching pairs found by brute force
  uint64_t found = 0;  ///< ... of which LSH found
  double value() const {
    return exact ? static_cast<double>(found) / static_cast<double>(exact) : 1;
  }
};
struct LshRecall {
  std::vector<RecallBand> bands;
  uint64_t lsh_only = 0;  ///< LSH edges missing from brute force (must be 0)
};
/// `lsh` and `exact`: matching pairs (a < b), any order; `threshold`: t.
LshRecall ScoreLshRecall(absl::Span<const Edge> lsh,
                         absl::Span<const Edge> exact, double threshold);
std::string LshRecallJson(const LshRecall& recall);
std::string LshRecallReport(const LshRecall& recall);

/// Streaming decisions vs truth (a crawler's question, as Deduper::Add
/// answers it): documents arrive in some order; each is reported new or a
/// repeat of an earlier one (its best match). Per document of the truth:
///   * a repeat is a document whose story appeared earlier in the stream;
///   * repeat recall: repeats reported as repeats whose best match is of
///     their story; repeat precision: documents reported as repeats whose
///     best match is of their story;
///   * recall by edit kind, over repeats (edits "template" and "" are not
///     scored), and templates reported as repeats (a template's story is
///     its own).
struct StreamScores {
  uint64_t docs = 0;      ///< documents added that are in the truth
  Rate repeat_recall;     ///< found repeats / repeats
  Rate repeat_precision;  ///< right best matches / reported repeats
  Rate new_kept;          ///< first-of-story documents reported new
  std::map<std::string, Rate> recall_by_edit;
  Rate templates_reported;   ///< templates reported as repeats / templates
  uint64_t unknown_ids = 0;  ///< added ids not in the truth (ignored)
};

class StreamScorer {
 public:
  /// `truth` must outlive the scorer.
  explicit StreamScorer(const GroundTruth* truth);
  /// The next document of the stream: its id and, when it was reported as
  /// a repeat, the id of its best match ("" when reported new). With
  /// `scored` false the document only marks its story as seen (a warm-up
  /// prefix of the stream).
  void Add(std::string_view id, std::string_view best_match,
           bool scored = true);
  const StreamScores& scores() const { return scores_; }

 private:
  const GroundTruth* truth_;
  std::vector<bool> story_seen_;
  StreamScores scores_;
};

std::string StreamScoresJson(const StreamScores& scores);
std::string StreamScoresReport(const StreamScores& scores);

/// Options of `neardup eval` in its file-based modes.
struct EvalOptions {
  // Clusters mode.
  std::string clusters_path;  ///< CLUSTERS.jsonl
  std::string truth_path;     ///< TRUTH.jsonl
  // Pairs mode.
  std::string pairs_path;   ///< PAIRS.jsonl
  std::string labels_path;  ///< LABELS.tsv
  std::string corpus_path;  ///< CORPUS.jsonl (texts for the tie rule)

  enum class Mode { kClusters, kPairs };
  /// Valid only after Validate() succeeded.
  Mode mode() const {
    return clusters_path.empty() ? Mode::kPairs : Mode::kClusters;
  }
  /// Exactly one mode, with all of its files named.
  absl::Status Validate() const;
};

struct EvalReport {
  std::string text;  ///< human-readable report
  std::string json;  ///< score.py's JSON object (no trailing newline)
};

/// Loads the files named by `options` (validated here) and scores them.
absl::StatusOr<EvalReport> EvaluateFiles(const EvalOptions& options);

}  // namespace neardup

#endif  // NEARDUP_EVAL_H_

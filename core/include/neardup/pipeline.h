// The batch pipeline: a corpus in, clusters of near-duplicate documents out.
//
//   read (CorpusReader) -> learn boilerplate (document frequency of
//   shingles over the first BoilerplateOptions::sample_bytes) -> sign
//   (thread pool: normalise, tokenise, shingle, drop boilerplate, MinHash,
//   band keys; exact-text map in input order) -> candidates (LSH banding
//   over the whole corpus, band by band on all threads; a shared-shingle
//   bound drops pairs no rule can accept) -> verify candidates exactly
//   (MatchOptions decides the kind) -> cluster (star; multi-story pages
//   and shared fragments join only their best match) -> result.
//
// Memory: the corpus text is never held. Per document the pipeline keeps
// its id, its location in the input, a few counters, its b folded band
// keys (4 bytes each), a 256-byte shingle bitmap (until candidates are
// found) and its final shingle set with hashes cut to 32 bits (4 bytes per
// shingle, until clustering ends). Exact duplicates (same normalised text)
// are recognised by a text hash, kept out of LSH and attached to their
// first occurrence's cluster.
//
// Results are deterministic for any thread count: parallel stages write per
// document, and every decision is taken in input order.
//
// Example:
//   neardup::DedupOptions options;
//   options.match.threshold = 0.8;
//   NEARDUP_ASSIGN_OR_RETURN(neardup::DedupResult result,
//                            neardup::RunDedup({"news.jsonl"}, options));
//   for (const neardup::Cluster& c : result.clusters)
//     std::cout << result.docs[c.representative].id << "\n";
#ifndef NEARDUP_PIPELINE_H_
#define NEARDUP_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/boilerplate.h"
#include "neardup/cluster.h"
#include "neardup/corpus.h"
#include "neardup/lsh_index.h"
#include "neardup/normalise.h"
#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "neardup/verify.h"

namespace neardup {

/// Progress of a running pipeline, passed to DedupOptions::progress.
struct Progress {
  uint64_t documents = 0;               ///< documents read so far
  uint64_t bytes = 0;                   ///< input bytes consumed so far
  std::optional<uint64_t> total_bytes;  ///< when the input size is known
  double seconds = 0;                   ///< since the start
  std::string_view stage;               ///< "read+sign", "verify", "cluster"
};

/// Preset defaults for a kind of duplicate.
enum class Mode {
  /// Syndicated news (the default): verbatim, wrapped, truncated, lightly
  /// edited and lightly reworded copies. Word 3-grams inside lines,
  /// boilerplate suppression, near + contained + reworded matches.
  kSyndicated,
  /// Heavier rewriting (e.g. the COUNTER corpus): character 5-grams inside
  /// lines, boilerplate at 5% of documents, reworded down to containment
  /// 0.1, LSH candidates from Jaccard 0.05. Built for ranking sources
  /// (`pairs`); slower, and its clusters are looser.
  kReworded,
  /// The usual MinHash near-duplicate setting of other tools: word 5-grams
  /// across lines, Jaccard >= 0.8 only, no boilerplate handling.
  kClassic,
};
absl::StatusOr<Mode> ParseMode(std::string_view name);
std::string_view ModeName(Mode mode);

struct DedupOptions {
  /// The defaults of `mode` (DedupOptions{} is ForMode(kSyndicated)).
  static DedupOptions ForMode(Mode mode);

  CorpusOptions corpus;
  NormaliseOptions normalise;
  ShingleOptions shingle{
      .unit = ShingleUnit::kWord, .n = 3, .cross_lines = false};
  BoilerplateOptions boilerplate;
  SketchOptions sketch;
  /// LSH settings; lsh.threshold and lsh.num_perm are overwritten from
  /// `candidate_threshold` and `sketch.num_perm`.
  LshOptions lsh;
  /// Jaccard at which a pair must become an LSH candidate with probability
  /// lsh.min_candidate_probability; 0 = derived from the match rules.
  double candidate_threshold = 0;
  MatchOptions match{.threshold = 0.8,
                     .containment_threshold = 0.7,
                     .reworded_threshold = 0.5,
                     .min_shared = 25,
                     .reworded_min_jaccard = 0.15};
  ClusterOptions cluster;
  int threads = 0;  ///< worker threads; 0 = all hardware threads
  /// Collect every verified pair (exact copies expanded) in
  /// DedupResult::pairs.
  bool collect_pairs = false;
  /// Research: also find every matching pair by brute force (an inverted
  /// index over all shingle sets, so memory grows with the corpus) to
  /// measure LSH recall; fills DedupResult::lsh_edges and exact_edges.
  bool exact_pairs = false;
  /// Hand the corpus reader over in DedupResult::reader, so that the caller
  /// can read documents again (e.g. to write the deduplicated corpus). Off by
  /// default: the reader keeps its set of seen ids (16 bytes per document)
  /// and any spill file until it is released.
  bool keep_reader = false;
  /// Called from the calling thread about every `progress_interval_seconds`.
  std::function<void(const Progress&)> progress;
  double progress_interval_seconds = 0.5;

  absl::Status Validate() const;
  /// The LSH options actually used (threshold and k filled in).
  LshOptions EffectiveLshOptions() const;
  /// candidate_threshold, or the value derived from the match rules.
  double EffectiveCandidateThreshold() const;
};

/// What the pipeline knows about each document, by dense number (input
/// order).
struct DocumentRecord {
  std::string id;
  DocumentLocation location;
  uint64_t length = 0;    ///< bytes of normalised text
  uint64_t shingles = 0;  ///< |set|
  uint32_t input_index = 0;
  /// For an exact duplicate, the number of its first occurrence; otherwise
  /// its own number.
  uint32_t canonical = 0;
  bool empty() const { return shingles == 0; }
};

struct StageSeconds {
  double boilerplate = 0;  ///< reading the sample and learning DF
  /// reading, signing, keeping band keys, filters and sets
  double read_sign_index = 0;
  double candidates = 0;  ///< LSH candidate pairs and their bound
  double verify = 0;
  double cluster = 0;
  double total = 0;
};

struct DedupStats {
  CorpusStats corpus;             ///< read, skipped by reason, bytes
  uint64_t documents = 0;         ///< documents accepted (= corpus.records)
  uint64_t empty = 0;             ///< documents without any token
  uint64_t exact_duplicates = 0;  ///< documents equal to an earlier one
  uint64_t in_clusters = 0;
  uint64_t singletons = 0;  ///< non-empty documents in no cluster
  uint64_t clusters = 0;
  uint64_t candidate_pairs = 0;  ///< LSH candidates verified
  /// LSH candidates before the exact shared-shingle bound dropped those
  /// that cannot pass any rule (>= candidate_pairs).
  uint64_t lsh_candidate_pairs = 0;
  uint64_t verified_pairs = 0;  ///< candidates that passed (exact excluded)
  uint64_t truncated_bucket_scans = 0;
  uint64_t invalid_utf8 = 0;                  ///< invalid sequences replaced
  uint64_t text_bytes = 0;                    ///< bytes of document text
  uint64_t boilerplate_sample_documents = 0;  ///< documents DF was learnt on
  uint64_t boilerplate_shingles = 0;          ///< distinct boilerplate shingles
  uint32_t boilerplate_threshold = 0;         ///< T, documents
  uint64_t boilerplate_documents = 0;         ///< documents that lost shingles
  uint64_t boilerplate_removed = 0;  ///< shingles removed, all documents
  LshParams lsh;                     ///< (b, r) used
  StageSeconds seconds;
};

struct DedupResult {
  std::vector<DocumentRecord> docs;  ///< by dense number
  std::vector<Cluster> clusters;     ///< ordered by first member
  std::vector<Edge> pairs;           ///< if collect_pairs; sorted by (a, b)
  /// If exact_pairs: matching pairs among first occurrences (exact copies
  /// left out) found through LSH, and found by brute force; sorted.
  std::vector<Edge> lsh_edges;
  std::vector<Edge> exact_edges;
  /// The boilerplate learnt (empty when disabled): shingle sets compared
  /// were filtered by it.
  BoilerplateFilter boilerplate;
  DedupStats stats;
  /// If DedupOptions::keep_reader: the reader that read the corpus, for
  /// CorpusReader::ReadAgain(docs[d].location, ...); otherwise null.
  std::shared_ptr<CorpusReader> reader;
};

/// Runs the pipeline over `inputs` (see CorpusReader::Open).
absl::StatusOr<DedupResult> RunDedup(const std::vector<std::string>& inputs,
                                     const DedupOptions& options);

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_H_

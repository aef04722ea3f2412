// Streaming near-duplicate detection for crawlers: one article at a time,
// from many threads, for months.
//
// A Deduper answers, for each article as it arrives, whether it repeats a
// story already seen and which one, and remembers it:
//   Add(id, text, time)  checks and records atomically;
//   Query(text)          checks only;
//   Remove(id)           forgets one article;
//   Save(path)/Load(path) snapshot the whole state (snapshot.h format).
// It runs the engine's own stages — Shingler (normalise, tokenise,
// shingle), boilerplate suppression (the batch rule over an online DF
// model, online_boilerplate.h), Sketcher, LshIndex, and MatchOptions /
// Classify for the match kinds (exact > near > contained > reworded) — with
// the options of the batch pipeline's modes (DedupOptions::ForMode), so a
// pair matches in the stream exactly when the same rule accepts it in a
// batch run over the same shingle sets.
//
// Per document it keeps, by default, only compact state: a b-bit MinHash
// signature (Li & König, "b-Bit Minwise Hashing", WWW 2010; 8 bits × k by
// default), the set size, the normalised-text hash, the time, the id and
// the document's LSH band keys. Candidates are then scored from the
// signatures: J is estimated by the b-bit collision correction
//     J = (j0 - 2^-b) / (1 - 2^-b),  j0 = fraction of equal b-bit values,
// the intersection as J(|A| + |B|)/(1 + J), containment from it; such
// matches carry `estimated = true`. With `keep_sets` the (filtered)
// shingle sets are kept and every candidate is verified exactly (Compare).
// Exact copies (same normalised text) are recognised by the text hash among
// the LSH candidates (their signatures are equal, so they share every
// band) and reported with kind exact, never estimated.
//
// Windows: with `max_documents` and/or `horizon` set, the oldest documents
// (smallest time, then earliest added) are evicted after each Add so that
// at most max_documents remain and none is older than horizon before the
// latest time seen. The DF model forgets on the same window.
//
// Threads: every method is thread-safe. Add shingles and signs the text
// without a lock, then takes an exclusive lock for query + verify + insert
// (+ DF update and eviction): two copies added at once cannot both come
// back new. Query and Save hold a shared lock; Save copies a consistent
// state into memory and writes the file after releasing it.
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto deduper, neardup::Deduper::Create({}));
//   NEARDUP_ASSIGN_OR_RETURN(neardup::AddResult r,
//                            deduper->Add("url-1", article_text, now));
//   if (!r.is_new) std::cout << "repeats " << r.matches[0].id << "\n";
//   NEARDUP_RETURN_IF_ERROR(deduper->Save("crawler.ndx"));
#ifndef NEARDUP_DEDUPER_H_
#define NEARDUP_DEDUPER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/boilerplate.h"
#include "neardup/lsh_index.h"
#include "neardup/normalise.h"
#include "neardup/online_boilerplate.h"
#include "neardup/pipeline.h"
#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "neardup/verify.h"

namespace neardup {

struct DeduperOptions {
  /// The sub-options of a batch mode (DeduperOptions{} is
  /// ForMode(Mode::kSyndicated)).
  static DeduperOptions ForMode(Mode mode);
  /// Takes normalise, shingle, boilerplate, sketch, lsh,
  /// candidate_threshold and match from `batch`; the rest keep defaults.
  static DeduperOptions FromDedupOptions(const DedupOptions& batch);
  /// The batch options holding the same shared sub-options.
  DedupOptions ToDedupOptions() const;

  // Shared with the batch pipeline (defaults are DedupOptions{}'s).
  NormaliseOptions normalise = DedupOptions{}.normalise;
  ShingleOptions shingle = DedupOptions{}.shingle;
  BoilerplateOptions boilerplate = DedupOptions{}.boilerplate;
  SketchOptions sketch = DedupOptions{}.sketch;
  /// lsh.threshold and lsh.num_perm are derived as in the pipeline
  /// (DedupOptions::EffectiveLshOptions); see also max_bands.
  LshOptions lsh = DedupOptions{}.lsh;
  double candidate_threshold = DedupOptions{}.candidate_threshold;
  MatchOptions match = DedupOptions{}.match;

  // Streaming only.
  /// With automatic banding (lsh.bands = lsh.rows = 0): use at most this
  /// many bands, each of the rows the batch rule picks; 0 = the batch
  /// choice. A batch run must find every pair, but in a stream an article
  /// only needs to meet one earlier copy of its story, so fewer bands lose
  /// little: measured with `neardup eval --stream` on a 20,000-document
  /// Reuters remix (synth --remix --seed 3), syndicated mode, repeat recall
  /// 0.9953 at the batch's 55 bands x 2 rows and 0.9937 at 24 x 2
  /// (precision 0.9975 / 0.9976), while the index's memory and snapshot
  /// size fall by ~55% of their band share (~15 bytes per band and
  /// document in memory, 4 on disk) and Add probes fewer buckets.
  /// Ignored when lsh.bands / lsh.rows are given.
  int max_bands = 24;
  /// DF table size and epoch lengths; epochs of 0 are derived from the
  /// window (half of max_documents / half of horizon) when one is set.
  OnlineBoilerplateOptions online_boilerplate;
  /// Keep each document's shingle set and verify candidates exactly
  /// (memory grows with document length); otherwise estimate from b-bit
  /// signatures.
  bool keep_sets = false;
  /// b of the stored b-bit signature: 8 or 16.
  int signature_bits = 8;
  /// Keep at most this many documents (oldest evicted); 0 = no bound.
  uint64_t max_documents = 0;
  /// Keep only documents with time >= latest time - horizon; 0 = no bound.
  /// Same units as the `time` passed to Add (e.g. seconds).
  int64_t horizon = 0;
  /// Report at most this many matches per article, best first (>= 1). An
  /// output setting: not stored in snapshots.
  uint32_t max_matches = 10;

  absl::Status Validate() const;
  /// The LSH options used (threshold from the match rules, k from sketch).
  LshOptions EffectiveLshOptions() const;
  /// online_boilerplate with epochs derived from the window.
  OnlineBoilerplateOptions EffectiveOnlineBoilerplate() const;
};

/// One earlier document an article matches.
struct Match {
  std::string id;
  MatchKind kind = MatchKind::kNear;
  double jaccard = 0;      ///< in [0, 1]
  double containment = 0;  ///< |A∩B| / min(|A|, |B|), in [0, 1]
  double similarity = 0;   ///< the score of `kind` that passed
  /// Scores estimated from b-bit signatures (compact mode), not exact.
  bool estimated = false;
  int64_t time = 0;  ///< the time the matched document was added with
};

struct AddResult {
  /// No earlier document matches.
  bool is_new = true;
  /// Matches, best first (exact, then near, contained, reworded; higher
  /// similarity first; then the most recent), at most max_matches.
  std::vector<Match> matches;
  /// The text had no token: it is recorded (Add) but never matches.
  bool empty = false;
  /// LSH candidates scored for this article.
  uint32_t candidates = 0;
};

struct DeduperStats {
  uint64_t documents = 0;   ///< held now (= size())
  uint64_t added = 0;       ///< Add calls that recorded a document
  uint64_t duplicates = 0;  ///< of those, not new
  uint64_t queries = 0;
  uint64_t removed = 0;     ///< by Remove
  uint64_t evicted = 0;     ///< by the window
  uint64_t candidates = 0;  ///< scored, Add and Query
  uint64_t truncated_bucket_scans = 0;
  uint32_t boilerplate_threshold = 0;  ///< T of the DF model now
  uint64_t boilerplate_documents = 0;  ///< documents in the DF window
  LshParams lsh;
  int64_t latest_time = 0;
  size_t memory_bytes = 0;  ///< approximate heap bytes held
  /// Of memory_bytes: the LSH index's chain arrays and band tables, and the
  /// DF model (a fixed-size table).
  size_t lsh_next_bytes = 0;
  size_t lsh_table_bytes = 0;
  size_t boilerplate_bytes = 0;
  /// Of memory_bytes: the id strings (their bytes and an 8-byte reference
  /// per document slot; the id set's index is not included).
  size_t id_bytes = 0;
};

class Deduper {
 public:
  static absl::StatusOr<std::unique_ptr<Deduper>> Create(
      const DeduperOptions& options);
  /// A Deduper with the options and state of the snapshot at `path`,
  /// reporting at most `max_matches` matches per article.
  static absl::StatusOr<std::unique_ptr<Deduper>> Open(
      const std::string& path, uint32_t max_matches = 10);
  /// The options a snapshot was built with.
  static absl::StatusOr<DeduperOptions> ReadOptions(const std::string& path);

  ~Deduper();
  Deduper(const Deduper&) = delete;
  Deduper& operator=(const Deduper&) = delete;

  /// Checks `text` against the documents held and records it under `id` at
  /// `time`, atomically. Errors: AlreadyExists if `id` is held,
  /// InvalidArgument if `id` is longer than kMaxIdBytes.
  absl::StatusOr<AddResult> Add(std::string_view id, std::string_view text,
                                int64_t time = 0);
  /// Checks `text` without recording it (nothing changes).
  AddResult Query(std::string_view text) const;
  /// Forgets `id`; false if it is not held.
  bool Remove(std::string_view id);
  bool Contains(std::string_view id) const;
  /// Documents held.
  size_t size() const;

  /// Writes the state to `path` atomically (snapshot.h). Other threads may
  /// keep adding: the snapshot is the state at one instant.
  absl::Status Save(const std::string& path) const;
  /// Replaces the state with the snapshot at `path`. Errors: NotFound,
  /// DataLoss (truncated, corrupted), FailedPrecondition (unknown version,
  /// or options that differ from this Deduper's, naming each difference);
  /// on error the state is unchanged.
  absl::Status Load(const std::string& path);

  DeduperStats stats() const;
  const DeduperOptions& options() const { return options_; }
  const LshParams& lsh_params() const;

  /// Longest document id, in bytes (1 MiB).
  static constexpr size_t kMaxIdBytes = size_t{1} << 20;
  /// Snapshot format version written by Save.
  static constexpr uint32_t kSnapshotVersion = 4;

  struct State;   // internal
  struct Worker;  // internal: per-call scratch

 private:
  struct Loaded;  // internal: a parsed snapshot
  /// `model` null: a new, empty DF model.
  Deduper(const DeduperOptions& options, Sketcher sketcher, LshIndex keyer,
          std::unique_ptr<State> state,
          std::unique_ptr<OnlineBoilerplateModel> model = nullptr);
  /// Shingles, filters and signs `text` into `w`.
  void Sign(std::string_view text, Worker* w) const;
  /// Scores the candidates of `w` against the held documents. Caller holds
  /// the lock (shared or exclusive).
  void Score(const Worker& w, AddResult* result) const;
  std::unique_ptr<Worker> AcquireWorker() const;
  void ReleaseWorker(std::unique_ptr<Worker> w) const;
  /// Parses the snapshot at `path`; with `expected`, its options must equal
  /// them.
  static absl::StatusOr<Loaded> ReadSnapshot(const std::string& path,
                                             const DeduperOptions* expected);

  const DeduperOptions options_;
  const Sketcher sketcher_;
  /// An empty index used only for BandKeys (outside the lock).
  const LshIndex keyer_;
  /// The DF model: read outside the lock, written under the exclusive lock.
  std::unique_ptr<OnlineBoilerplateModel> model_;
  mutable std::shared_mutex mutex_;
  std::unique_ptr<State> state_;
  mutable std::mutex workers_mutex_;
  mutable std::vector<std::unique_ptr<Worker>> workers_;
};

/// Options visitor for snapshots: the stored option fields, by name, in a
/// fixed order (exposed for tests and tools).
std::vector<std::pair<std::string, std::string>> DescribeOptions(
    const DeduperOptions& options);

}  // namespace neardup

#endif  // NEARDUP_DEDUPER_H_

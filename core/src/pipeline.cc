#include "neardup/pipeline.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "internal/parallel.h"
#include "neardup/status_macros.h"
#include "neardup/verify.h"

namespace neardup {

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr uint32_t kNoSlot = 0xFFFFFFFFu;
constexpr size_t kBatchDocuments = 4096;
constexpr size_t kBatchBytes = 16 << 20;

// Per-worker front end: one Shingler (it owns scratch buffers) and a
// signature buffer.
struct Worker {
  Shingler shingler;
  ShingleSet set;
  std::vector<uint32_t> signature;
  NormaliseStats normalise_stats;
};

// What signing produces for one document of a batch.
struct Signed {
  uint64_t text_hash = 0;
  uint64_t shingles = 0;
  uint64_t length = 0;
};

class Pipeline {
 public:
  Pipeline(const DedupOptions& options, LshIndex index, Sketcher sketcher,
           int threads)
      : options_(options),
        index_(std::move(index)),
        sketcher_(std::move(sketcher)),
        threads_(threads) {}

  absl::StatusOr<DedupResult> Run(const std::vector<std::string>& inputs);

 private:
  absl::Status ReadSignIndex();
  absl::Status SignBatch(size_t count);
  void IndexBatch(size_t count);
  absl::Status Verify();
  void Cluster();
  void ReportProgress(std::string_view stage, bool force);

  const DedupOptions& options_;
  LshIndex index_;
  Sketcher sketcher_;
  int threads_;
  std::unique_ptr<CorpusReader> reader_;
  std::vector<Worker> workers_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = start_;

  // Batch buffers, reused.
  std::vector<Document> batch_;
  std::vector<Signed> signed_;
  std::vector<uint64_t> band_keys_;  // batch size x b

  absl::flat_hash_map<uint64_t, uint32_t> first_with_text_;
  std::vector<std::pair<uint32_t, uint32_t>> candidates_;  // (a < b)
  std::vector<uint32_t> query_result_;
  std::vector<Edge> edges_;  // verified, between canonical documents
  /// Shingle sets of documents in candidate pairs, by slot.
  std::vector<std::vector<uint64_t>> sets_;
  std::vector<uint32_t> slot_of_;

  DedupResult result_;
};

absl::StatusOr<DedupResult> Pipeline::Run(
    const std::vector<std::string>& inputs) {
  NEARDUP_ASSIGN_OR_RETURN(reader_, CorpusReader::Open(inputs, options_.corpus));
  for (int t = 0; t < threads_; ++t) {
    NEARDUP_ASSIGN_OR_RETURN(
        Shingler shingler,
        Shingler::Create(options_.shingle, options_.normalise));
    workers_.push_back(Worker{std::move(shingler), {},
                              std::vector<uint32_t>(sketcher_.k()), {}});
  }
  DedupStats& stats = result_.stats;
  stats.lsh = index_.params();

  Clock::time_point stage = Clock::now();
  NEARDUP_RETURN_IF_ERROR(ReadSignIndex());
  stats.seconds.read_sign_index = SecondsSince(stage);

  stage = Clock::now();
  NEARDUP_RETURN_IF_ERROR(Verify());
  stats.seconds.verify = SecondsSince(stage);

  stage = Clock::now();
  Cluster();
  stats.seconds.cluster = SecondsSince(stage);
  stats.seconds.total = SecondsSince(start_);

  stats.corpus = reader_->stats();
  stats.documents = result_.docs.size();
  for (const Worker& w : workers_) {
    stats.invalid_utf8 += w.normalise_stats.invalid_utf8;
  }
  stats.truncated_bucket_scans = index_.truncated_scans();
  stats.clusters = result_.clusters.size();
  for (const neardup::Cluster& c : result_.clusters) {
    stats.in_clusters += c.members.size();
  }
  stats.singletons = stats.documents - stats.empty - stats.in_clusters;
  ReportProgress("done", /*force=*/true);
  if (options_.keep_reader) result_.reader = std::move(reader_);
  return std::move(result_);
}

void Pipeline::ReportProgress(std::string_view stage, bool force) {
  if (!options_.progress) return;
  const Clock::time_point now = Clock::now();
  if (!force && std::chrono::duration<double>(now - last_progress_).count() <
                    options_.progress_interval_seconds) {
    return;
  }
  last_progress_ = now;
  Progress p;
  p.documents = result_.docs.size();
  p.bytes = reader_->stats().bytes_read;
  p.total_bytes = reader_->stats().total_bytes;
  p.seconds = SecondsSince(start_);
  p.stage = stage;
  options_.progress(p);
}

absl::Status Pipeline::ReadSignIndex() {
  batch_.resize(kBatchDocuments);
  signed_.resize(kBatchDocuments);
  band_keys_.resize(kBatchDocuments * index_.params().bands);
  while (true) {
    size_t count = 0, bytes = 0;
    bool more = true;
    while (count < kBatchDocuments && bytes < kBatchBytes) {
      NEARDUP_ASSIGN_OR_RETURN(more, reader_->Next(&batch_[count]));
      if (!more) break;
      bytes += batch_[count].text.size();
      ++count;
    }
    result_.stats.text_bytes += bytes;
    NEARDUP_RETURN_IF_ERROR(SignBatch(count));
    IndexBatch(count);
    ReportProgress("read+sign", /*force=*/false);
    if (!more) return absl::OkStatus();
  }
}

absl::Status Pipeline::SignBatch(size_t count) {
  const size_t b = index_.params().bands;
  internal::ParallelFor(count, threads_, 16, [&](size_t begin, size_t end,
                                                 int worker) {
    Worker& w = workers_[worker];
    for (size_t i = begin; i < end; ++i) {
      w.shingler.Shingle(batch_[i].text, &w.set, &w.normalise_stats);
      Signed& s = signed_[i];
      s.text_hash = w.set.text_hash;
      s.shingles = w.set.hashes.size();
      s.length = w.shingler.last_normalised().size();
      if (w.set.empty()) continue;
      sketcher_.Sign(w.set.hashes, w.signature);
      index_.BandKeys(w.signature, std::span<uint64_t>(&band_keys_[i * b], b));
    }
  });
  return absl::OkStatus();
}

void Pipeline::IndexBatch(size_t count) {
  const size_t b = index_.params().bands;
  for (size_t i = 0; i < count; ++i) {
    const uint32_t number = static_cast<uint32_t>(result_.docs.size());
    Document& doc = batch_[i];
    const Signed& s = signed_[i];
    DocumentRecord record;
    record.id = std::move(doc.id);
    record.location = doc.location;
    record.length = s.length;
    record.shingles = s.shingles;
    record.input_index = doc.input_index;
    record.canonical = number;
    if (record.empty()) {
      ++result_.stats.empty;
      result_.docs.push_back(std::move(record));
      continue;
    }
    auto [it, first] = first_with_text_.try_emplace(s.text_hash, number);
    if (!first) {
      record.canonical = it->second;
      ++result_.stats.exact_duplicates;
      result_.docs.push_back(std::move(record));
      continue;
    }
    const std::span<const uint64_t> keys(&band_keys_[i * b], b);
    index_.Query(keys, &query_result_);
    for (uint32_t other : query_result_) candidates_.emplace_back(other, number);
    index_.Add(number, keys);
    result_.docs.push_back(std::move(record));
  }
}

absl::Status Pipeline::Verify() {
  DedupStats& stats = result_.stats;
  stats.candidate_pairs = candidates_.size();
  // Documents that take part in any candidate pair get a slot.
  slot_of_.assign(result_.docs.size(), kNoSlot);
  std::vector<uint32_t> involved;
  for (const auto& [a, b] : candidates_) {
    for (uint32_t d : {a, b}) {
      if (slot_of_[d] == kNoSlot) {
        slot_of_[d] = 0;
        involved.push_back(d);
      }
    }
  }
  std::sort(involved.begin(), involved.end());
  for (uint32_t slot = 0; slot < involved.size(); ++slot) {
    slot_of_[involved[slot]] = slot;
  }
  sets_.assign(involved.size(), {});

  // Re-read and re-shingle the involved documents in parallel.
  std::mutex error_mutex;
  absl::Status error;
  internal::ParallelFor(
      involved.size(), threads_, 64, [&](size_t begin, size_t end, int worker) {
        Worker& w = workers_[worker];
        Document doc;
        NormaliseStats ignored;  // already counted during signing
        for (size_t slot = begin; slot < end; ++slot) {
          absl::Status status = reader_->ReadAgain(
              result_.docs[involved[slot]].location, &doc);
          if (!status.ok()) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (error.ok()) error = status;
            return;
          }
          w.shingler.Shingle(doc.text, &w.set, &ignored);
          sets_[slot] = w.set.hashes;
        }
        if (worker == 0) ReportProgress("verify", false);
      });
  NEARDUP_RETURN_IF_ERROR(error);

  // Score every candidate exactly; keep those passing the threshold.
  std::vector<std::vector<Edge>> per_worker(threads_);
  internal::ParallelFor(
      candidates_.size(), threads_, 256,
      [&](size_t begin, size_t end, int worker) {
        for (size_t i = begin; i < end; ++i) {
          const auto [a, b] = candidates_[i];
          const Similarity s = Compare(sets_[slot_of_[a]], sets_[slot_of_[b]]);
          if (s.jaccard + 1e-12 < options_.threshold) continue;
          per_worker[worker].push_back(
              Edge{a, b, static_cast<float>(s.jaccard),
                   static_cast<float>(s.containment), MatchKind::kNear,
                   static_cast<float>(s.jaccard)});
        }
      });
  for (auto& part : per_worker) {
    edges_.insert(edges_.end(), part.begin(), part.end());
  }
  std::sort(edges_.begin(), edges_.end(), [](const Edge& x, const Edge& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  stats.verified_pairs = edges_.size();
  std::vector<std::pair<uint32_t, uint32_t>>().swap(candidates_);
  return absl::OkStatus();
}

void Pipeline::Cluster() {
  const std::vector<DocumentRecord>& docs = result_.docs;
  std::vector<uint64_t> lengths(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) lengths[d] = docs[d].length;
  std::vector<neardup::Cluster> clusters =
      BuildClusters(lengths, edges_, options_.cluster);

  // Members not verified against their representative (union-find chains)
  // are scored now, while the sets are still at hand.
  for (neardup::Cluster& c : clusters) {
    for (ClusterMember& m : c.members) {
      if (m.verified) continue;
      const Similarity s = Compare(sets_[slot_of_[c.representative]],
                                   sets_[slot_of_[m.doc]]);
      m = ClusterMember{m.doc,
                        static_cast<float>(s.jaccard),
                        static_cast<float>(s.containment),
                        MatchKind::kNear,
                        static_cast<float>(s.jaccard),
                        true};
    }
  }
  std::vector<std::vector<uint64_t>>().swap(sets_);

  // Attach exact duplicates to the cluster of their first occurrence (or
  // make one with it); they share its similarity to the representative.
  constexpr uint32_t kNone = 0xFFFFFFFFu;
  std::vector<uint32_t> cluster_of(docs.size(), kNone);
  std::vector<uint32_t> member_of(docs.size(), kNone);
  for (uint32_t k = 0; k < clusters.size(); ++k) {
    for (uint32_t m = 0; m < clusters[k].members.size(); ++m) {
      cluster_of[clusters[k].members[m].doc] = k;
      member_of[clusters[k].members[m].doc] = m;
    }
  }
  bool added = false;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    const uint32_t canonical = docs[d].canonical;
    if (canonical == d || docs[d].empty()) continue;
    added = true;
    if (cluster_of[canonical] == kNone) {
      cluster_of[canonical] = clusters.size();
      member_of[canonical] = 0;
      neardup::Cluster c;
      c.representative = canonical;
      c.members.push_back(ClusterMember{canonical});
      clusters.push_back(std::move(c));
    }
    neardup::Cluster& c = clusters[cluster_of[canonical]];
    ClusterMember copy = c.members[member_of[canonical]];
    copy.doc = d;
    if (canonical == c.representative) copy = ClusterMember{d};
    c.members.push_back(copy);
  }
  if (added) {
    for (neardup::Cluster& c : clusters) {
      std::sort(c.members.begin(), c.members.end(),
                [](const ClusterMember& x, const ClusterMember& y) {
                  return x.doc < y.doc;
                });
    }
    std::sort(clusters.begin(), clusters.end(),
              [](const neardup::Cluster& x, const neardup::Cluster& y) {
                return x.members.front().doc < y.members.front().doc;
              });
  }
  result_.clusters = std::move(clusters);

  if (options_.collect_pairs) {
    // Expand exact copies: every document of group(a) x group(b), plus the
    // exact pairs inside each group.
    std::vector<std::vector<uint32_t>> copies(docs.size());
    for (uint32_t d = 0; d < docs.size(); ++d) {
      if (docs[d].canonical != d) copies[docs[d].canonical].push_back(d);
    }
    std::vector<Edge>& pairs = result_.pairs;
    for (uint32_t c = 0; c < docs.size(); ++c) {
      std::vector<uint32_t> group = copies[c];
      group.insert(group.begin(), c);
      for (size_t x = 0; x < group.size(); ++x) {
        for (size_t y = x + 1; y < group.size(); ++y) {
          pairs.push_back(Edge{group[x], group[y], 1, 1, MatchKind::kExact, 1});
        }
      }
    }
    for (const Edge& e : edges_) {
      for (uint32_t x : copies[e.a]) {
        for (uint32_t y : copies[e.b]) {
          pairs.push_back(Edge{std::min(x, y), std::max(x, y), e.jaccard,
                               e.containment, e.kind, e.similarity});
        }
      }
      for (uint32_t x : copies[e.a]) {
        pairs.push_back(Edge{std::min(x, e.b), std::max(x, e.b), e.jaccard,
                             e.containment, e.kind, e.similarity});
      }
      for (uint32_t y : copies[e.b]) {
        pairs.push_back(Edge{std::min(e.a, y), std::max(e.a, y), e.jaccard,
                             e.containment, e.kind, e.similarity});
      }
      pairs.push_back(e);
    }
    std::sort(pairs.begin(), pairs.end(), [](const Edge& x, const Edge& y) {
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
  }
}

}  // namespace

absl::Status DedupOptions::Validate() const {
  NEARDUP_RETURN_IF_ERROR(corpus.Validate());
  NEARDUP_RETURN_IF_ERROR(normalise.Validate());
  NEARDUP_RETURN_IF_ERROR(shingle.Validate());
  NEARDUP_RETURN_IF_ERROR(sketch.Validate());
  NEARDUP_RETURN_IF_ERROR(EffectiveLshOptions().Validate());
  if (!(threshold > 0.0 && threshold <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("threshold must be in (0, 1], got ", threshold));
  }
  if (threads < 0 || threads > 1024) {
    return absl::InvalidArgumentError(
        absl::StrCat("threads must be in [0, 1024], got ", threads));
  }
  return absl::OkStatus();
}

LshOptions DedupOptions::EffectiveLshOptions() const {
  LshOptions effective = lsh;
  effective.threshold = threshold;
  effective.num_perm = sketch.num_perm;
  return effective;
}

absl::StatusOr<DedupResult> RunDedup(const std::vector<std::string>& inputs,
                                     const DedupOptions& options) {
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  NEARDUP_ASSIGN_OR_RETURN(LshIndex index,
                           LshIndex::Create(options.EffectiveLshOptions()));
  NEARDUP_ASSIGN_OR_RETURN(Sketcher sketcher, Sketcher::Create(options.sketch));
  int threads = options.threads;
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  Pipeline pipeline(options, std::move(index), std::move(sketcher), threads);
  return pipeline.Run(inputs);
}

}  // namespace neardup

#include "neardup/pipeline.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "internal/band_join.h"
#include "internal/bitmap.h"
#include "internal/parallel.h"
#include "neardup/status_macros.h"
#include "neardup/verify.h"

namespace neardup {

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr size_t kBatchDocuments = 4096;
constexpr size_t kBatchBytes = 16 << 20;

// Per-worker front end: one Shingler (it owns scratch buffers) and a
// signature buffer.
struct Worker {
  Shingler shingler;
  ShingleSet set;
  std::vector<uint32_t> signature;
  std::vector<uint64_t> band_keys;
  NormaliseStats normalise_stats;
};

// Shingle sets are kept from signing to verification with each hash cut to
// its top 32 bits (sorted, unique): half the memory of the 64-bit hashes,
// and no second read and shingling of the text (see Compare in verify.h
// for the collision rate).
constexpr int kSetShift = 32;

// What signing produces for one document of a batch.
struct Signed {
  uint64_t text_hash = 0;
  uint64_t shingles = 0;  ///< size of the 32-bit set
  uint64_t length = 0;
  /// The 32-bit set: set_size values at Batch::sets[worker][set_offset].
  uint32_t set_worker = 0;
  uint64_t set_offset = 0;
};

// Every document's final shingle set (sorted, unique, boilerplate removed:
// exactly the set verification compares) is summarised at signing time by
// a bitmap of kFilterBins bins (bin = the hash scaled to [0, kFilterBins)).
// For sets A and
// B with bitmaps FA, FB, each shared shingle occupies the same bin in both,
// so
//   |A∩B| <= popcount(FA & FB) + min(|A| - popcount(FA), |B| - popcount(FB))
// (a bin holding c_A and c_B shingles holds at most min(c_A, c_B) shared
// ones, and min(c_A, c_B) <= 1 + min(c_A - 1, c_B - 1)). Candidates whose
// bound is below the least intersection any rule accepts are dropped
// before verification: they would fail it, so the result is unchanged.
// A document's filter is one 256-byte record (four cache lines): 31 words
// of bitmap, then |A| and |A| - popcount(FA) in the last word, so that a
// candidate's bound costs one record fetch.
constexpr int kFilterWords = 32;
constexpr int kFilterBitmapWords = kFilterWords - 1;
constexpr uint64_t kFilterBins = 64 * kFilterBitmapWords;  // 1984
constexpr size_t kFilterBlockDocs = 4096;
uint64_t FilterSize(const uint64_t* filter) {
  return filter[kFilterBitmapWords] >> 32;
}
uint64_t FilterExtra(const uint64_t* filter) {
  return filter[kFilterBitmapWords] & 0xFFFFFFFFu;
}

// A lower bound (never above) on the least |A∩B| for which Classify
// accepts sets of sizes na and nb: the closed forms of the rules, less one
// for floating-point slack.
uint64_t NeededLowerBound(uint64_t na, uint64_t nb,
                          const MatchOptions& options) {
  const double smaller = static_cast<double>(std::min(na, nb));
  const double t = options.threshold;
  double lo = t * static_cast<double>(na + nb) / (1.0 + t);
  if (options.containment_threshold > 0) {
    lo = std::min(lo, options.containment_threshold * smaller);
  }
  if (options.reworded_threshold > 0) {
    const double jf = options.reworded_min_jaccard;
    lo = std::min(lo,
                  std::max({options.reworded_threshold * smaller,
                            static_cast<double>(options.min_shared),
                            jf * static_cast<double>(na + nb) / (1.0 + jf)}));
  }
  return lo >= 2 ? static_cast<uint64_t>(lo) - 1 : 0;
}

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
  struct Batch;
  absl::Status LearnBoilerplate();
  absl::Status FillBatch(Batch* batch);
  absl::Status ReadSignIndex();
  void SignBatch(Batch* batch);
  void IndexBatch(Batch* batch);
  absl::Status Verify();
  /// Documents that must join only their best match: multi-story pages,
  /// and shared fragments (also flagged in *fragments).
  std::vector<bool> FindMultiStoryPages(std::vector<bool>* fragments) const;
  absl::Status FindExactEdges();
  void Cluster();
  void ReportProgress(std::string_view stage, bool force);

  const DedupOptions& options_;
  /// Computes band keys and holds (b, r) and the bucket cap; candidates
  /// come from internal::BandJoin over the keys of the whole corpus.
  LshIndex index_;
  /// Document numbers of the documents that take part in LSH (non-empty,
  /// not exact duplicates), in input order, and their folded band keys
  /// (b per document, in the same order).
  std::vector<uint32_t> indexed_;
  std::vector<uint32_t> indexed_keys_;
  void FindCandidates();
  Sketcher sketcher_;
  int threads_;
  std::unique_ptr<CorpusReader> reader_;
  std::vector<Worker> workers_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = start_;

  // Batch buffers, reused.
  // Batch buffers, reused: two, so that one is signed (workers) while the
  // other is indexed and refilled (the calling thread).
  struct Batch {  // NOLINT: declared above
    std::vector<Document> docs;
    /// from_prefix[i]: index into prefix_sets_, or -1.
    std::vector<int64_t> from_prefix;
    std::vector<Signed> signed_docs;
    std::vector<uint32_t> band_keys;  // batch size x b, folded
    std::vector<uint64_t> filters;    // batch size x kFilterWords
    /// Per signing worker: the 32-bit sets it produced, back to back.
    std::vector<std::vector<uint32_t>> sets;
    size_t count = 0;
    bool has_prefix = false;
  };
  Batch batches_[2];

  absl::flat_hash_map<uint64_t, uint32_t> first_with_text_;
  /// Filter records by position in indexed_, in blocks of
  /// kFilterBlockDocs.
  std::vector<std::unique_ptr<uint64_t[]>> filter_blocks_;
  uint64_t* Filter(uint32_t position) {
    return filter_blocks_[position / kFilterBlockDocs].get() +
           (position % kFilterBlockDocs) * kFilterWords;
  }
  std::vector<std::pair<uint32_t, uint32_t>> candidates_;  // (a < b)
  std::vector<Edge> edges_;  // verified, between canonical documents
  /// Shingle sets (32-bit, sorted, unique, boilerplate removed) by
  /// document number: set_data_[doc] points into set_blocks_, set_size_[doc]
  /// values (null and 0 for empty documents and exact duplicates).
  std::vector<const uint32_t*> set_data_;
  std::vector<uint32_t> set_size_;
  std::vector<std::unique_ptr<uint32_t[]>> set_blocks_;
  size_t set_block_used_ = 0;
  void KeepSet(uint32_t doc, std::span<const uint32_t> set);
  std::span<const uint32_t> Set(uint32_t doc) const {
    return {set_data_[doc], set_size_[doc]};
  }

  /// Documents read while learning boilerplate, processed first, with
  /// their shingle sets and normalised lengths (so they are not shingled
  /// twice).
  std::vector<Document> prefix_;
  std::vector<ShingleSet> prefix_sets_;
  std::vector<uint64_t> prefix_lengths_;
  size_t prefix_next_ = 0;
  BoilerplateFilter boilerplate_;
  std::atomic<uint64_t> boilerplate_documents_{0};
  std::atomic<uint64_t> boilerplate_removed_{0};

  DedupResult result_;
};

absl::StatusOr<DedupResult> Pipeline::Run(
    const std::vector<std::string>& inputs) {
  NEARDUP_ASSIGN_OR_RETURN(reader_,
                           CorpusReader::Open(inputs, options_.corpus));
  for (int t = 0; t < threads_; ++t) {
    NEARDUP_ASSIGN_OR_RETURN(
        Shingler shingler,
        Shingler::Create(options_.shingle, options_.normalise));
    workers_.push_back(Worker{
        std::move(shingler), {}, std::vector<uint32_t>(sketcher_.k()), {}, {}});
  }
  DedupStats& stats = result_.stats;
  stats.lsh = index_.params();

  Clock::time_point stage = Clock::now();
  if (options_.boilerplate.enabled) {
    NEARDUP_RETURN_IF_ERROR(LearnBoilerplate());
  }
  stats.seconds.boilerplate = SecondsSince(stage);

  stage = Clock::now();
  NEARDUP_RETURN_IF_ERROR(ReadSignIndex());
  stats.seconds.read_sign_index = SecondsSince(stage);
  // Candidates are known: the index, the text hashes and the filters are
  // no longer needed.
  stage = Clock::now();
  FindCandidates();
  stats.seconds.candidates = SecondsSince(stage);
  absl::flat_hash_map<uint64_t, uint32_t>().swap(first_with_text_);
  std::vector<std::unique_ptr<uint64_t[]>>().swap(filter_blocks_);
  for (Batch& batch : batches_) batch = Batch();

  stage = Clock::now();
  NEARDUP_RETURN_IF_ERROR(Verify());
  stats.seconds.verify = SecondsSince(stage);

  if (options_.exact_pairs) {
    result_.lsh_edges = edges_;
    NEARDUP_RETURN_IF_ERROR(FindExactEdges());
  }

  stage = Clock::now();
  Cluster();
  stats.seconds.cluster = SecondsSince(stage);
  stats.seconds.total = SecondsSince(start_);

  stats.corpus = reader_->stats();
  stats.documents = result_.docs.size();
  for (const Worker& w : workers_) {
    stats.invalid_utf8 += w.normalise_stats.invalid_utf8;
  }
  stats.boilerplate_shingles = boilerplate_.size();
  stats.boilerplate_threshold = boilerplate_.threshold();
  stats.boilerplate_documents = boilerplate_documents_.load();
  stats.boilerplate_removed = boilerplate_removed_.load();
  stats.clusters = result_.clusters.size();
  for (const neardup::Cluster& c : result_.clusters) {
    stats.in_clusters += c.members.size();
  }
  stats.singletons = stats.documents - stats.empty - stats.in_clusters;
  result_.boilerplate = std::move(boilerplate_);
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

absl::Status Pipeline::LearnBoilerplate() {
  uint64_t bytes = 0;
  while (bytes < options_.boilerplate.sample_bytes) {
    Document doc;
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader_->Next(&doc));
    if (!more) break;
    bytes += doc.text.size();
    prefix_.push_back(std::move(doc));
    ReportProgress("boilerplate", /*force=*/false);
  }
  // About one shingle per 6 bytes of text.
  DocumentFrequencyCounter counter(bytes / 6 + 1, options_.boilerplate);
  prefix_sets_.resize(prefix_.size());
  prefix_lengths_.resize(prefix_.size());
  internal::ParallelFor(
      prefix_.size(), threads_, 16, [&](size_t begin, size_t end, int worker) {
        Worker& w = workers_[worker];
        for (size_t i = begin; i < end; ++i) {
          w.shingler.Shingle(prefix_[i].text, &prefix_sets_[i],
                             &w.normalise_stats);
          prefix_lengths_[i] = w.shingler.last_normalised().size();
          counter.AddDocument(prefix_sets_[i].hashes);
        }
      });
  internal::ParallelFor(prefix_.size(), threads_, 64,
                        [&](size_t begin, size_t end, int) {
                          for (size_t i = begin; i < end; ++i) {
                            counter.Collect(prefix_sets_[i].hashes);
                          }
                        });
  result_.stats.boilerplate_sample_documents = counter.documents();
  boilerplate_ = counter.Finish();
  return absl::OkStatus();
}

absl::Status Pipeline::FillBatch(Batch* batch) {
  size_t count = 0, bytes = 0;
  batch->has_prefix = false;
  while (count < kBatchDocuments && bytes < kBatchBytes) {
    Document& doc = batch->docs[count];
    if (prefix_next_ < prefix_.size()) {
      batch->from_prefix[count] = static_cast<int64_t>(prefix_next_);
      batch->has_prefix = true;
      doc = std::move(prefix_[prefix_next_++]);
    } else {
      batch->from_prefix[count] = -1;
      NEARDUP_ASSIGN_OR_RETURN(bool more, reader_->Next(&doc));
      if (!more) break;
    }
    bytes += doc.text.size();
    ++count;
  }
  result_.stats.text_bytes += bytes;
  batch->count = count;
  return absl::OkStatus();
}

absl::Status Pipeline::ReadSignIndex() {
  for (Batch& batch : batches_) {
    batch.docs.resize(kBatchDocuments);
    batch.from_prefix.resize(kBatchDocuments);
    batch.signed_docs.resize(kBatchDocuments);
    batch.band_keys.resize(kBatchDocuments * index_.params().bands);
    batch.filters.resize(kBatchDocuments * kFilterWords);
    batch.sets.resize(threads_);
  }
  // A pipeline over two batches: while the workers sign batch `current`,
  // this thread records the batch signed before it (in input order: exact
  // copies, sets, filters and band keys) and reads the next one.
  Batch* current = &batches_[0];
  Batch* other = &batches_[1];
  other->count = 0;  // nothing signed yet
  NEARDUP_RETURN_IF_ERROR(FillBatch(current));
  while (current->count > 0) {
    std::thread signer([this, current] { SignBatch(current); });
    IndexBatch(other);
    absl::Status read = FillBatch(other);
    signer.join();
    NEARDUP_RETURN_IF_ERROR(read);
    if (prefix_next_ == prefix_.size() && !prefix_.empty() &&
        !other->has_prefix) {
      // Every sample document has been signed: release the sample.
      std::vector<Document>().swap(prefix_);
      std::vector<ShingleSet>().swap(prefix_sets_);
      std::vector<uint64_t>().swap(prefix_lengths_);
      prefix_next_ = 0;
    }
    ReportProgress("read+sign", /*force=*/false);
    std::swap(current, other);
  }
  IndexBatch(other);
  return absl::OkStatus();
}

void Pipeline::FindCandidates() {
  // Pairs sharing a band, each reported once; those whose shared-shingle
  // bound is below the least intersection any rule accepts are dropped
  // at once (most LSH candidates of a large corpus are such pairs).
  const size_t b = index_.params().bands;
  const size_t n = indexed_.size();
  struct alignas(64) Found {  // per worker, a cache line apart
    std::vector<std::pair<uint32_t, uint32_t>> kept;
    uint64_t raw = 0;
  };
  std::vector<Found> found(threads_);
  result_.stats.truncated_bucket_scans = internal::BandJoin(
      indexed_keys_, n, b, index_.options().max_bucket_scan, threads_,
      [&](int worker, uint32_t x, uint32_t y) {
        Found& mine = found[worker];
        ++mine.raw;
        const uint64_t* fa = Filter(x);
        const uint64_t* fc = Filter(y);
        const uint64_t both = internal::AndPopcount(fa, fc, kFilterBitmapWords);
        const uint64_t bound =
            both + std::min(FilterExtra(fa), FilterExtra(fc));
        if (bound >=
            NeededLowerBound(FilterSize(fa), FilterSize(fc), options_.match)) {
          mine.kept.emplace_back(indexed_[x], indexed_[y]);
        }
        if (worker == 0 && (mine.raw & 0xFFFF) == 0) {
          ReportProgress("candidates", false);
        }
      });
  for (Found& f : found) {
    result_.stats.lsh_candidate_pairs += f.raw;
    candidates_.insert(candidates_.end(), f.kept.begin(), f.kept.end());
    std::vector<std::pair<uint32_t, uint32_t>>().swap(f.kept);
  }
  // Which worker found a pair depends on scheduling: sort for a fixed
  // order.
  std::sort(candidates_.begin(), candidates_.end());
  std::vector<uint32_t>().swap(indexed_);
  std::vector<uint32_t>().swap(indexed_keys_);
}

void Pipeline::SignBatch(Batch* batch) {
  const size_t b = index_.params().bands;
  for (std::vector<uint32_t>& sets : batch->sets) sets.clear();
  internal::ParallelFor(
      batch->count, threads_, 16, [&](size_t begin, size_t end, int worker) {
        Worker& w = workers_[worker];
        for (size_t i = begin; i < end; ++i) {
          uint64_t length;
          if (const int64_t p = batch->from_prefix[i]; p >= 0) {
            std::swap(w.set, prefix_sets_[p]);
            length = prefix_lengths_[p];
          } else {
            // Sorted and unique, so that boilerplate removal and the
            // filter below see exactly the set verification compares.
            w.shingler.Shingle(batch->docs[i].text, &w.set, &w.normalise_stats);
            length = w.shingler.last_normalised().size();
          }
          if (const size_t removed = boilerplate_.Apply(&w.set.hashes)) {
            boilerplate_documents_.fetch_add(1, std::memory_order_relaxed);
            boilerplate_removed_.fetch_add(removed, std::memory_order_relaxed);
          }
          Signed& s = batch->signed_docs[i];
          s.text_hash = w.set.text_hash;
          s.length = length;
          // The set verification will compare: top 32 bits, still sorted;
          // two hashes sharing them become one value.
          std::vector<uint32_t>& out = batch->sets[worker];
          s.set_worker = static_cast<uint32_t>(worker);
          s.set_offset = out.size();
          for (uint64_t h : w.set.hashes) {
            const auto v = static_cast<uint32_t>(h >> kSetShift);
            if (out.size() == s.set_offset || out.back() != v) out.push_back(v);
          }
          s.shingles = out.size() - s.set_offset;
          if (w.set.empty()) continue;
          uint64_t* filter = &batch->filters[i * kFilterWords];
          std::fill_n(filter, kFilterWords, 0);
          for (size_t j = s.set_offset; j < out.size(); ++j) {
            const uint64_t bin = (uint64_t{out[j]} * kFilterBins) >> 32;
            filter[bin >> 6] |= uint64_t{1} << (bin & 63);
          }
          const uint64_t occupied =
              internal::Popcount(filter, kFilterBitmapWords);
          filter[kFilterBitmapWords] =
              s.shingles << 32 | (s.shingles - occupied);
          sketcher_.Sign(w.set.hashes, w.signature);
          w.band_keys.resize(b);
          index_.BandKeys(w.signature, w.band_keys);
          for (size_t j = 0; j < b; ++j) {
            batch->band_keys[i * b + j] = LshIndex::FoldKey(w.band_keys[j]);
          }
        }
      });
}

void Pipeline::KeepSet(uint32_t doc, std::span<const uint32_t> set) {
  constexpr size_t kSetBlock = size_t{1} << 20;  // values (4 MB)
  if (set_blocks_.empty() || set.size() > kSetBlock - set_block_used_) {
    set_blocks_.push_back(std::make_unique_for_overwrite<uint32_t[]>(
        std::max(set.size(), kSetBlock)));
    set_block_used_ = 0;
  }
  uint32_t* out = set_blocks_.back().get() + set_block_used_;
  std::copy(set.begin(), set.end(), out);
  // An oversized set fills its own block.
  set_block_used_ = std::min(set_block_used_ + set.size(), kSetBlock);
  set_data_[doc] = out;
  set_size_[doc] = static_cast<uint32_t>(set.size());
}

void Pipeline::IndexBatch(Batch* batch) {
  const size_t count = batch->count;
  const size_t b = index_.params().bands;
  for (size_t i = 0; i < count; ++i) {
    const uint32_t number = static_cast<uint32_t>(result_.docs.size());
    Document& doc = batch->docs[i];
    const Signed& s = batch->signed_docs[i];
    DocumentRecord record;
    record.id = std::move(doc.id);
    record.location = doc.location;
    record.length = s.length;
    record.shingles = s.shingles;
    record.input_index = doc.input_index;
    record.canonical = number;
    set_data_.push_back(nullptr);
    set_size_.push_back(0);
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
    KeepSet(number,
            std::span<const uint32_t>(
                batch->sets[s.set_worker].data() + s.set_offset, s.shingles));
    // Keep the document's filter and band keys for FindCandidates.
    const auto position = static_cast<uint32_t>(indexed_.size());
    if (position / kFilterBlockDocs >= filter_blocks_.size()) {
      filter_blocks_.push_back(std::make_unique_for_overwrite<uint64_t[]>(
          kFilterBlockDocs * kFilterWords));
    }
    std::copy_n(&batch->filters[i * kFilterWords], kFilterWords,
                Filter(position));
    indexed_.push_back(number);
    indexed_keys_.insert(indexed_keys_.end(), &batch->band_keys[i * b],
                         &batch->band_keys[(i + 1) * b]);
    result_.docs.push_back(std::move(record));
  }
}

absl::Status Pipeline::Verify() {
  DedupStats& stats = result_.stats;
  stats.candidate_pairs = candidates_.size();
  // Score every candidate exactly; keep those passing the threshold.
  std::vector<std::vector<Edge>> per_worker(threads_);
  internal::ParallelFor(
      candidates_.size(), threads_, 256,
      [&](size_t begin, size_t end, int worker) {
        constexpr size_t kAhead = 8;
        for (size_t i = begin; i < end; ++i) {
          // The sets of candidate i + kAhead are (mostly) cold: fetch
          // their first lines while this pair is scored.
          if (i + kAhead < end) {
            const auto [pa, pb] = candidates_[i + kAhead];
            __builtin_prefetch(set_data_[pa]);
            __builtin_prefetch(set_data_[pa] + 16);  // the next line
            __builtin_prefetch(set_data_[pb]);
          }
          if (i + 2 * kAhead < end) {
            __builtin_prefetch(&set_data_[candidates_[i + 2 * kAhead].first]);
          }
          const auto [a, b] = candidates_[i];
          if (auto edge =
                  CompareAndClassify(a, b, Set(a), Set(b), options_.match)) {
            per_worker[worker].push_back(*edge);
          }
        }
        if (worker == 0) ReportProgress("verify", false);
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

// A page is multi-story when the smaller documents matching it fall into
// groups (connected by verified edges among themselves) that cover
// disjoint parts of it: two stories pasted together, each matched by its
// own copies. Truncated, edited and reworded copies of one story cover
// overlapping parts, so a story is not mistaken for a page.
std::vector<bool> Pipeline::FindMultiStoryPages(
    std::vector<bool>* fragments) const {
  constexpr size_t kMaxNeighbours = 32;
  constexpr double kMinCoverage = 0.1;  // of the page, per story
  constexpr double kMaxOverlap = 0.2;   // of the smaller coverage
  // A fragment is at most 1/kFragmentRatio of the documents it sits in
  // (two rewordings of one story are about its size and need not match
  // each other; one sentence inside several stories is much smaller).
  constexpr double kFragmentRatio = 1.5;
  const size_t n = result_.docs.size();
  std::vector<bool> multi(n, false);
  std::vector<std::vector<std::pair<float, uint32_t>>> smaller(n), larger(n);
  absl::flat_hash_set<uint64_t> linked;
  for (const Edge& e : edges_) {
    linked.insert(uint64_t{e.a} << 32 | e.b);
    const uint64_t size_a = set_size_[e.a];
    const uint64_t size_b = set_size_[e.b];
    if (size_a > size_b) {
      smaller[e.a].emplace_back(e.similarity, e.b);
      if (size_a >= kFragmentRatio * size_b) {
        larger[e.b].emplace_back(e.similarity, e.a);
      }
    }
    if (size_b > size_a) {
      smaller[e.b].emplace_back(e.similarity, e.a);
      if (size_b >= kFragmentRatio * size_a) {
        larger[e.a].emplace_back(e.similarity, e.b);
      }
    }
  }
  auto are_linked = [&](uint32_t x, uint32_t y) {
    return linked.contains(uint64_t{std::min(x, y)} << 32 | std::max(x, y));
  };
  // Pages are independent: score them in parallel (each writes only its
  // own flag).
  std::vector<uint8_t> is_multi(n, 0);  // 1: multi-story page, 2: fragment
  internal::ParallelFor(n, threads_, 1024, [&](size_t first, size_t last, int) {
    std::vector<uint32_t> parent;
    std::vector<uint8_t> covered;
    auto find = [&](uint32_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    // Groups `docs` (the best kMaxNeighbours, sorted best first) by the
    // edges among them (union-find); find() then gives a document's group.
    // Returns the number of groups.
    auto group = [&](std::vector<std::pair<float, uint32_t>>& docs) {
      std::sort(docs.begin(), docs.end(), std::greater<>());
      if (docs.size() > kMaxNeighbours) docs.resize(kMaxNeighbours);
      parent.resize(docs.size());
      for (uint32_t i = 0; i < docs.size(); ++i) parent[i] = i;
      uint32_t groups = docs.size();
      for (uint32_t i = 0; i < docs.size(); ++i) {
        for (uint32_t j = i + 1; j < docs.size(); ++j) {
          if (find(i) != find(j) &&
              are_linked(docs[i].second, docs[j].second)) {
            parent[find(j)] = find(i);
            --groups;
          }
        }
      }
      return groups;
    };
    for (uint32_t page = first; page < last; ++page) {
      // A fragment: a short document (a sentence or quote) inside much
      // larger documents of several stories that do not match each other.
      // It matches all of them, but it belongs with one: treated like a
      // multi-story page, it joins its best match and is no centre.
      if (larger[page].size() >= 2 && group(larger[page]) >= 2) {
        is_multi[page] = 2;
        continue;
      }
      auto& parts = smaller[page];
      if (parts.size() < 2) continue;
      group(parts);
      // Groups, numbered in order of their best member (the first 8).
      std::vector<uint32_t> group_bit(parts.size(), 8);
      uint32_t groups = 0;
      for (uint32_t i = 0; i < parts.size(); ++i) {
        const uint32_t root = find(i);
        if (group_bit[root] == 8 && groups < 8) group_bit[root] = groups++;
      }
      if (groups < 2) continue;  // one story's copies: not a page
      // Mark which shingles of the page each group covers (bit per group).
      const std::span<const uint32_t> page_set = Set(page);
      covered.assign(page_set.size(), 0);
      for (uint32_t i = 0; i < parts.size(); ++i) {
        const uint32_t bit = group_bit[find(i)];
        if (bit == 8) continue;
        const std::span<const uint32_t> part = Set(parts[i].second);
        // Branch-free merge: each step advances p or q (or both).
        for (size_t p = 0, q = 0; p < page_set.size() && q < part.size();) {
          const uint32_t u = page_set[p], v = part[q];
          covered[p] |= static_cast<uint8_t>((u == v) << bit);
          p += u <= v;
          q += v <= u;
        }
      }
      std::vector<size_t> coverage(groups, 0);
      for (uint8_t c : covered) {
        for (uint32_t g = 0; g < groups; ++g) coverage[g] += (c >> g) & 1;
      }
      const size_t min_coverage = static_cast<size_t>(
          kMinCoverage * static_cast<double>(page_set.size()));
      for (uint32_t g = 0; g < groups && !is_multi[page]; ++g) {
        for (uint32_t h = g + 1; h < groups; ++h) {
          if (coverage[g] < min_coverage || coverage[h] < min_coverage)
            continue;
          size_t both = 0;
          for (uint8_t c : covered) both += ((c >> g) & (c >> h) & 1);
          if (both <= kMaxOverlap * std::min(coverage[g], coverage[h])) {
            is_multi[page] = 1;
            break;
          }
        }
      }
    }
  });
  fragments->assign(n, false);
  for (uint32_t page = 0; page < n; ++page) {
    multi[page] = is_multi[page] != 0;
    (*fragments)[page] = is_multi[page] == 2;
  }
  return multi;
}

absl::Status Pipeline::FindExactEdges() {
  const std::vector<DocumentRecord>& docs = result_.docs;
  std::vector<std::vector<uint64_t>> sets(docs.size());
  std::mutex error_mutex;
  absl::Status error;
  internal::ParallelFor(
      docs.size(), threads_, 64, [&](size_t begin, size_t end, int worker) {
        Worker& w = workers_[worker];
        Document doc;
        for (size_t d = begin; d < end; ++d) {
          if (docs[d].canonical != d || docs[d].empty()) continue;
          absl::Status status = reader_->ReadAgain(docs[d].location, &doc);
          if (!status.ok()) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (error.ok()) error = status;
            return;
          }
          w.shingler.Shingle(doc.text, &w.set);
          boilerplate_.Apply(&w.set.hashes);
          sets[d] = w.set.hashes;
        }
      });
  NEARDUP_RETURN_IF_ERROR(error);
  // Inverted index: for each document, count shared shingles with every
  // earlier one through the postings of its shingles.
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> postings;
  std::vector<uint32_t> shared(docs.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (uint64_t s : sets[d]) {
      std::vector<uint32_t>& list = postings[s];
      for (uint32_t other : list) {
        if (shared[other]++ == 0) touched.push_back(other);
      }
      list.push_back(d);
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t other : touched) {
      Similarity s;
      s.intersection = shared[other];
      const uint64_t a = sets[other].size(), b = sets[d].size();
      s.jaccard = static_cast<double>(s.intersection) /
                  static_cast<double>(a + b - s.intersection);
      s.containment = static_cast<double>(s.intersection) /
                      static_cast<double>(std::min(a, b));
      if (auto edge = Classify(other, d, s, options_.match)) {
        result_.exact_edges.push_back(*edge);
      }
      shared[other] = 0;
    }
    touched.clear();
  }
  return absl::OkStatus();
}

void Pipeline::Cluster() {
  const std::vector<DocumentRecord>& docs = result_.docs;
  std::vector<uint64_t> lengths(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) lengths[d] = docs[d].length;
  std::vector<bool> fragments;
  std::vector<neardup::Cluster> clusters = BuildClusters(
      lengths, edges_, options_.cluster, FindMultiStoryPages(&fragments));
  for (neardup::Cluster& c : clusters) {
    for (ClusterMember& m : c.members) {
      if (m.multi_story && fragments[m.doc]) {
        m.multi_story = false;
        m.shared_fragment = true;
      }
    }
  }

  // Members not verified against their representative are scored now,
  // while the sets are still at hand. A member reached only through a
  // union-find chain gets the weakest kind if no rule passes; a multi-story
  // page or fragment that joined through a member stays only if a rule
  // passes against the representative (otherwise it is left alone).
  for (neardup::Cluster& c : clusters) {
    std::erase_if(c.members, [&](ClusterMember& m) {
      if (m.verified) return false;
      const Similarity s = Compare(Set(c.representative), Set(m.doc));
      const std::optional<Edge> passed = Classify(0, 1, s, options_.match);
      if (!passed && (m.multi_story || m.shared_fragment)) return true;
      const Edge e = passed.value_or(Edge{0, 1, static_cast<float>(s.jaccard),
                                          static_cast<float>(s.containment),
                                          MatchKind::kReworded,
                                          static_cast<float>(s.containment)});
      m.jaccard = e.jaccard;
      m.containment = e.containment;
      m.kind = e.kind;
      m.similarity = e.similarity;
      m.verified = true;
      return false;
    });
  }
  std::vector<const uint32_t*>().swap(set_data_);
  std::vector<uint32_t>().swap(set_size_);
  set_blocks_.clear();

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
  NEARDUP_RETURN_IF_ERROR(boilerplate.Validate());
  NEARDUP_RETURN_IF_ERROR(match.Validate());
  if (!(candidate_threshold >= 0 && candidate_threshold <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "candidate threshold must be in [0, 1], got ", candidate_threshold));
  }
  NEARDUP_RETURN_IF_ERROR(EffectiveLshOptions().Validate());
  if (threads < 0 || threads > 1024) {
    return absl::InvalidArgumentError(
        absl::StrCat("threads must be in [0, 1024], got ", threads));
  }
  return absl::OkStatus();
}

double DedupOptions::EffectiveCandidateThreshold() const {
  if (candidate_threshold > 0) return candidate_threshold;
  // A pair with containment c whose smaller set is 60% of the larger has
  // Jaccard c / (1/0.6 + 1 - c); aim LSH there for the lowest rule.
  const double c = match.LowestContainment();
  const double from_containment = c / (1.0 / 0.6 + 1.0 - c);
  return std::min(match.threshold, from_containment);
}

LshOptions DedupOptions::EffectiveLshOptions() const {
  LshOptions effective = lsh;
  effective.threshold = EffectiveCandidateThreshold();
  effective.num_perm = sketch.num_perm;
  return effective;
}

absl::StatusOr<Mode> ParseMode(std::string_view name) {
  if (name == "syndicated") return Mode::kSyndicated;
  if (name == "reworded") return Mode::kReworded;
  if (name == "classic") return Mode::kClassic;
  return absl::InvalidArgumentError(
      absl::StrCat("mode must be syndicated, reworded or classic, got '",
                   std::string(name), "'"));
}

std::string_view ModeName(Mode mode) {
  switch (mode) {
    case Mode::kSyndicated:
      return "syndicated";
    case Mode::kReworded:
      return "reworded";
    case Mode::kClassic:
      return "classic";
  }
  return "unknown";
}

DedupOptions DedupOptions::ForMode(Mode mode) {
  DedupOptions options;
  switch (mode) {
    case Mode::kSyndicated:
      break;
    case Mode::kReworded:
      // Character 5-grams survive rewording of word forms; n-grams in 5% of
      // documents are function-word fragments; rank by containment down to
      // 0.1, with LSH candidates from Jaccard 0.05 (measured on COUNTER).
      options.shingle = {
          .unit = ShingleUnit::kChar, .n = 5, .cross_lines = false};
      options.boilerplate.min_document_fraction = 0.05;
      options.match = {.threshold = 0.8,
                       .containment_threshold = 0.7,
                       .reworded_threshold = 0.1,
                       .min_shared = 20};
      options.candidate_threshold = 0.05;
      break;
    case Mode::kClassic:
      options.shingle = {.unit = ShingleUnit::kWord, .n = 5};
      options.boilerplate.enabled = false;
      options.match = {.threshold = 0.8};
      break;
  }
  return options;
}

absl::StatusOr<DedupResult> RunDedup(const std::vector<std::string>& inputs,
                                     const DedupOptions& options) {
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  LshOptions lsh = options.EffectiveLshOptions();
  lsh.removable = false;  // a batch run never removes
  NEARDUP_ASSIGN_OR_RETURN(LshIndex index, LshIndex::Create(lsh));
  NEARDUP_ASSIGN_OR_RETURN(Sketcher sketcher, Sketcher::Create(options.sketch));
  int threads = options.threads;
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  Pipeline pipeline(options, std::move(index), std::move(sketcher), threads);
  return pipeline.Run(inputs);
}

}  // namespace neardup

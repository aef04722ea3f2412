#include "neardup/deduper.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <span>
#include <string_view>
#include <thread>
#include <type_traits>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "internal/parallel.h"
#include "neardup/snapshot.h"
#include "neardup/status_macros.h"

namespace neardup {

namespace {

constexpr char kSnapshotKind[] = "DEDUPER";

// Every stored option field, by name, in a fixed order. `f(name, field)` is
// called with a reference to each field. max_matches (output only) and
// the batch-only settings are not listed.
template <typename Options, typename F>
void ForEachOption(Options& o, F&& f) {
  f("normalise.nfkc", o.normalise.nfkc);
  f("normalise.case_fold", o.normalise.case_fold);
  f("normalise.decode_html_entities", o.normalise.decode_html_entities);
  f("normalise.map_typography", o.normalise.map_typography);
  f("shingle.unit", o.shingle.unit);
  f("shingle.n", o.shingle.n);
  f("shingle.seed", o.shingle.seed);
  f("shingle.cross_lines", o.shingle.cross_lines);
  f("boilerplate.enabled", o.boilerplate.enabled);
  f("boilerplate.min_documents", o.boilerplate.min_documents);
  f("boilerplate.min_document_fraction", o.boilerplate.min_document_fraction);
  f("boilerplate.popular_quantile", o.boilerplate.popular_quantile);
  f("boilerplate.popular_factor", o.boilerplate.popular_factor);
  f("sketch.num_perm", o.sketch.num_perm);
  f("sketch.algorithm", o.sketch.algorithm);
  f("sketch.seed", o.sketch.seed);
  f("lsh.bands", o.lsh.bands);
  f("lsh.rows", o.lsh.rows);
  f("lsh.min_candidate_probability", o.lsh.min_candidate_probability);
  f("lsh.max_bucket_scan", o.lsh.max_bucket_scan);
  f("lsh.seed", o.lsh.seed);
  f("candidate_threshold", o.candidate_threshold);
  f("match.threshold", o.match.threshold);
  f("match.containment_threshold", o.match.containment_threshold);
  f("match.reworded_threshold", o.match.reworded_threshold);
  f("match.min_shared", o.match.min_shared);
  f("match.reworded_min_jaccard", o.match.reworded_min_jaccard);
  f("online_boilerplate.table_bits", o.online_boilerplate.table_bits);
  f("online_boilerplate.epoch_documents", o.online_boilerplate.epoch_documents);
  f("online_boilerplate.epoch_time", o.online_boilerplate.epoch_time);
  f("keep_sets", o.keep_sets);
  f("signature_bits", o.signature_bits);
  f("max_documents", o.max_documents);
  f("horizon", o.horizon);
  f("max_bands", o.max_bands);  // since version 4
}

// Fields added after version 2, with the value that gives older snapshots
// their meaning: `f(name, first version storing it, set old value)`.
template <typename F>
void ForEachAddedOption(F&& f) {
  f("max_bands", 4u, [](DeduperOptions& o) { o.max_bands = 0; });
}

template <typename T>
std::string FormatField(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_enum_v<T>) {
    return absl::StrCat(static_cast<int>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    return absl::StrFormat("%.17g", value);
  } else {
    return absl::StrCat(value);
  }
}

template <typename T>
bool ParseField(const std::string& text, T* value) {
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "true" || text == "false") {
      *value = text == "true";
      return true;
    }
    return false;
  } else if constexpr (std::is_enum_v<T>) {
    int v;
    if (!absl::SimpleAtoi(text, &v) || v < 0 || v > 1) return false;
    *value = static_cast<T>(v);
    return true;
  } else if constexpr (std::is_floating_point_v<T>) {
    return absl::SimpleAtod(text, value);
  } else {
    return absl::SimpleAtoi(text, value);
  }
}

// Time differences without overflow.
bool OlderThan(int64_t time, int64_t latest, int64_t horizon) {
  return static_cast<__int128>(latest) - time > horizon;
}

// Document ids by slot, back to back in one arena: a packed (offset,
// length) word per slot instead of a std::string (32 bytes, plus a heap
// block for ids longer than 15 bytes). Cleared ids leave garbage, copied
// away once it is half the arena (amortised O(1) per byte removed).
class IdStore {
 public:
  /// Longest id: 2^24 - 1 bytes (Add accepts up to kMaxIdBytes).
  static constexpr int kLengthBits = 24;

  size_t slots() const { return refs_.size(); }
  void Resize(size_t slots) { refs_.resize(slots, 0); }
  void PushBack() { refs_.push_back(0); }
  std::string_view Get(uint32_t slot) const {
    const uint64_t ref = refs_[slot];
    return std::string_view(arena_.data() + (ref >> kLengthBits),
                            ref & ((uint64_t{1} << kLengthBits) - 1));
  }
  /// Precondition: slot is empty (never set, or cleared).
  void Set(uint32_t slot, std::string_view id) {
    assert(id.size() < (size_t{1} << kLengthBits));
    refs_[slot] = (uint64_t{arena_.size()} << kLengthBits) | id.size();
    arena_.append(id.data(), id.size());
  }
  void Clear(uint32_t slot) {
    garbage_ += Get(slot).size();
    refs_[slot] = 0;
    if (garbage_ > std::max<size_t>(size_t{1} << 20, arena_.size() / 2)) {
      Compact();
    }
  }
  /// Sets slots 0..lengths.size()-1 (empty before) to consecutive ids of
  /// `blob`; lengths must sum to blob.size().
  void Assign(std::string blob, std::span<const uint32_t> lengths) {
    arena_ = std::move(blob);
    garbage_ = 0;
    uint64_t at = 0;
    for (size_t i = 0; i < lengths.size(); ++i) {
      refs_[i] = (at << kLengthBits) | lengths[i];
      at += lengths[i];
    }
  }
  size_t MemoryUsage() const {
    return arena_.capacity() + refs_.capacity() * sizeof(uint64_t);
  }

 private:
  void Compact() {
    std::string fresh;
    fresh.reserve(arena_.size() - garbage_ + (arena_.size() - garbage_) / 4);
    for (uint64_t& ref : refs_) {
      const std::string_view id = Get(static_cast<uint32_t>(&ref - &refs_[0]));
      ref = (uint64_t{fresh.size()} << kLengthBits) | id.size();
      fresh.append(id.data(), id.size());
    }
    arena_.swap(fresh);
    garbage_ = 0;
  }

  std::string arena_;
  std::vector<uint64_t> refs_;  // offset << kLengthBits | length
  size_t garbage_ = 0;          // bytes of cleared ids in arena_
};

// Heterogeneous hashing of slot numbers by their id string.
struct IdHash {
  using is_transparent = void;
  const IdStore* ids;
  size_t operator()(uint32_t slot) const {
    const std::string_view id = ids->Get(slot);
    return absl::Hash<absl::string_view>{}(
        absl::string_view(id.data(), id.size()));
  }
  size_t operator()(std::string_view id) const {
    return absl::Hash<absl::string_view>{}(
        absl::string_view(id.data(), id.size()));
  }
};
struct IdEq {
  using is_transparent = void;
  const IdStore* ids;
  bool operator()(uint32_t a, uint32_t b) const { return a == b; }
  bool operator()(uint32_t a, std::string_view b) const {
    return ids->Get(a) == b;
  }
  bool operator()(std::string_view a, uint32_t b) const {
    return a == ids->Get(b);
  }
};

struct HeapEntry {
  int64_t time;
  uint64_t seq;
  uint32_t slot;
};
// std::push_heap keeps the largest first: "larger" = older here.
struct OlderFirst {
  bool operator()(const HeapEntry& a, const HeapEntry& b) const {
    return a.time != b.time ? a.time > b.time : a.seq > b.seq;
  }
};

bool BetterMatch(const Match& a, const Match& b, uint64_t seq_a,
                 uint64_t seq_b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  return seq_a > seq_b;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DescribeOptions(
    const DeduperOptions& options) {
  std::vector<std::pair<std::string, std::string>> out;
  ForEachOption(options, [&](const char* name, const auto& field) {
    out.emplace_back(name, FormatField(field));
  });
  return out;
}

// ---------------------------------------------------------------------------
// Options

DeduperOptions DeduperOptions::ForMode(Mode mode) {
  return FromDedupOptions(DedupOptions::ForMode(mode));
}

DeduperOptions DeduperOptions::FromDedupOptions(const DedupOptions& batch) {
  DeduperOptions o;
  o.normalise = batch.normalise;
  o.shingle = batch.shingle;
  o.boilerplate = batch.boilerplate;
  o.sketch = batch.sketch;
  o.lsh = batch.lsh;
  o.candidate_threshold = batch.candidate_threshold;
  o.match = batch.match;
  return o;
}

DedupOptions DeduperOptions::ToDedupOptions() const {
  DedupOptions batch;
  batch.normalise = normalise;
  batch.shingle = shingle;
  batch.boilerplate = boilerplate;
  batch.sketch = sketch;
  batch.lsh = lsh;
  batch.candidate_threshold = candidate_threshold;
  batch.match = match;
  return batch;
}

LshOptions DeduperOptions::EffectiveLshOptions() const {
  LshOptions effective = ToDedupOptions().EffectiveLshOptions();
  if (max_bands > 0 && effective.bands == 0 && effective.rows == 0) {
    // The batch choice, capped (its errors are Validate's to report).
    absl::StatusOr<LshParams> params =
        ChooseLshParams(effective.threshold, effective.num_perm,
                        effective.min_candidate_probability);
    if (params.ok() && params->bands > max_bands) {
      effective.bands = max_bands;
      effective.rows = params->rows;
    }
  }
  return effective;
}

OnlineBoilerplateOptions DeduperOptions::EffectiveOnlineBoilerplate() const {
  OnlineBoilerplateOptions o = online_boilerplate;
  if (o.epoch_documents == 0 && max_documents > 0) {
    o.epoch_documents = std::max<uint64_t>(1, max_documents / 2);
  }
  if (o.epoch_time == 0 && horizon > 0) {
    o.epoch_time = std::max<int64_t>(1, horizon / 2);
  }
  return o;
}

absl::Status DeduperOptions::Validate() const {
  NEARDUP_RETURN_IF_ERROR(normalise.Validate());
  NEARDUP_RETURN_IF_ERROR(shingle.Validate());
  NEARDUP_RETURN_IF_ERROR(boilerplate.Validate());
  NEARDUP_RETURN_IF_ERROR(sketch.Validate());
  NEARDUP_RETURN_IF_ERROR(match.Validate());
  NEARDUP_RETURN_IF_ERROR(EffectiveLshOptions().Validate());
  NEARDUP_RETURN_IF_ERROR(online_boilerplate.Validate());
  if (!(candidate_threshold >= 0 && candidate_threshold <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "candidate_threshold must be in [0, 1], got ", candidate_threshold));
  }
  if (signature_bits != 8 && signature_bits != 16) {
    return absl::InvalidArgumentError(
        absl::StrCat("signature_bits must be 8 or 16, got ", signature_bits));
  }
  if (horizon < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("horizon must be >= 0, got ", horizon));
  }
  if (max_bands < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_bands must be >= 0, got ", max_bands));
  }
  if (max_matches < 1) {
    return absl::InvalidArgumentError("max_matches must be >= 1");
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// State

struct Deduper::Worker {
  Shingler shingler;
  ShingleSet set;
  std::vector<uint64_t> raw;  // the set before boilerplate suppression
  std::vector<uint32_t> signature;
  std::vector<uint64_t> keys;
  std::vector<uint8_t> bbit;
  std::vector<uint32_t> candidates;
  struct Scored {
    Match match;
    uint64_t seq;
    uint32_t slot;
  };
  std::vector<Scored> scored;
  bool empty = true;
};

struct Deduper::State {
  State(LshIndex lsh, int sig_bytes_in, bool keep_sets_in)
      : index(std::move(lsh)),
        sig_bytes(sig_bytes_in),
        keep_sets(keep_sets_in),
        id_set(0, IdHash{&ids}, IdEq{&ids}) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  LshIndex index;
  const int sig_bytes;
  const bool keep_sets;
  // Per slot (dense document number; freed slots are reused).
  IdStore ids;
  std::vector<uint8_t> sigs;  // slot * sig_bytes
  std::vector<uint32_t> set_sizes;
  std::vector<int64_t> times;
  std::vector<uint64_t> text_hashes;
  std::vector<uint64_t> seqs;               // insertion sequence; 0 = free slot
  std::vector<std::vector<uint64_t>> sets;  // keep_sets only
  std::vector<uint32_t> free_slots;
  // Removed slots the index still links (lazy removal): reusable once it
  // has compacted (index.dead() == 0).
  std::vector<uint32_t> pending_slots;
  absl::flat_hash_set<uint32_t, IdHash, IdEq> id_set;
  std::vector<HeapEntry> heap;  // window only: oldest on top
  uint64_t next_seq = 1;
  int64_t latest_time = 0;
  bool has_time = false;
  size_t live = 0;
  // Counters.
  uint64_t added = 0, duplicates = 0, removed = 0, evicted = 0;
  mutable std::atomic<uint64_t> queries{0};
  mutable std::atomic<uint64_t> candidates{0};

  size_t slots() const { return seqs.size(); }

  uint32_t AllocateSlot() {
    if (!free_slots.empty()) {
      const uint32_t slot = free_slots.back();
      free_slots.pop_back();
      return slot;
    }
    const uint32_t slot = static_cast<uint32_t>(seqs.size());
    ids.PushBack();
    sigs.resize(sigs.size() + sig_bytes);
    set_sizes.push_back(0);
    times.push_back(0);
    text_hashes.push_back(0);
    seqs.push_back(0);
    if (keep_sets) sets.emplace_back();
    return slot;
  }

  void Insert(uint32_t slot, std::string_view id, int64_t time, uint64_t seq,
              uint64_t text_hash, uint32_t set_size, const uint8_t* sig) {
    ids.Set(slot, id);
    times[slot] = time;
    seqs[slot] = seq;
    text_hashes[slot] = text_hash;
    set_sizes[slot] = set_size;
    std::memcpy(&sigs[size_t{slot} * sig_bytes], sig, sig_bytes);
    id_set.insert(slot);
    ++live;
  }

  void Erase(uint32_t slot) {
    assert(seqs[slot] != 0);
    id_set.erase(slot);
    ids.Clear(slot);
    if (keep_sets) std::vector<uint64_t>().swap(sets[slot]);
    seqs[slot] = 0;
    --live;
    if (!index.Remove(slot)) {  // never indexed (empty text)
      free_slots.push_back(slot);
      return;
    }
    pending_slots.push_back(slot);
    if (index.dead() == 0) {  // Remove compacted: every pending slot is free
      free_slots.insert(free_slots.end(), pending_slots.begin(),
                        pending_slots.end());
      pending_slots.clear();
    }
  }

  void PushHeap(uint32_t slot) {
    heap.push_back({times[slot], seqs[slot], slot});
    std::push_heap(heap.begin(), heap.end(), OlderFirst{});
  }

  void RebuildHeap() {
    heap.clear();
    for (uint32_t slot = 0; slot < slots(); ++slot) {
      if (seqs[slot] != 0) heap.push_back({times[slot], seqs[slot], slot});
    }
    std::make_heap(heap.begin(), heap.end(), OlderFirst{});
  }

  // Evicts the oldest documents until the window holds.
  void Evict(uint64_t max_documents, int64_t horizon) {
    while (!heap.empty()) {
      const HeapEntry top = heap.front();
      const bool stale = seqs[top.slot] != top.seq;
      const bool over = max_documents > 0 && live > max_documents;
      const bool old =
          horizon > 0 && has_time && OlderThan(top.time, latest_time, horizon);
      if (!stale && !over && !old) break;
      std::pop_heap(heap.begin(), heap.end(), OlderFirst{});
      heap.pop_back();
      if (stale) continue;
      Erase(top.slot);
      ++evicted;
    }
    // Entries of removed documents linger until they surface: compact when
    // they outnumber the live ones.
    if (heap.size() > 2 * live + 1024) RebuildHeap();
  }

  size_t MemoryUsage() const {
    size_t bytes = index.MemoryUsage();
    bytes += ids.MemoryUsage();
    bytes += sigs.capacity() + set_sizes.capacity() * 4 + times.capacity() * 8 +
             text_hashes.capacity() * 8 + seqs.capacity() * 8 +
             (free_slots.capacity() + pending_slots.capacity()) * 4 +
             heap.capacity() * sizeof(HeapEntry) +
             id_set.capacity() * (sizeof(uint32_t) + 1);
    bytes += sets.capacity() * sizeof(std::vector<uint64_t>);
    for (const auto& set : sets) bytes += set.capacity() * sizeof(uint64_t);
    return bytes;
  }
};

struct Deduper::Loaded {
  DeduperOptions options;
  std::unique_ptr<State> state;
  std::unique_ptr<OnlineBoilerplateModel> model;
};

// ---------------------------------------------------------------------------
// Deduper

absl::StatusOr<std::unique_ptr<Deduper>> Deduper::Create(
    const DeduperOptions& options) {
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  NEARDUP_ASSIGN_OR_RETURN(Sketcher sketcher, Sketcher::Create(options.sketch));
  NEARDUP_ASSIGN_OR_RETURN(LshIndex keyer,
                           LshIndex::Create(options.EffectiveLshOptions()));
  NEARDUP_ASSIGN_OR_RETURN(LshIndex index,
                           LshIndex::Create(options.EffectiveLshOptions()));
  NEARDUP_RETURN_IF_ERROR(
      Shingler::Create(options.shingle, options.normalise).status());
  auto state = std::make_unique<State>(
      std::move(index), options.sketch.num_perm * options.signature_bits / 8,
      options.keep_sets);
  return std::unique_ptr<Deduper>(new Deduper(
      options, std::move(sketcher), std::move(keyer), std::move(state)));
}

Deduper::Deduper(const DeduperOptions& options, Sketcher sketcher,
                 LshIndex keyer, std::unique_ptr<State> state,
                 std::unique_ptr<OnlineBoilerplateModel> model)
    : options_(options),
      sketcher_(std::move(sketcher)),
      keyer_(std::move(keyer)),
      model_(model != nullptr ? std::move(model)
                              : std::make_unique<OnlineBoilerplateModel>(
                                    options.boilerplate,
                                    options.EffectiveOnlineBoilerplate())),
      state_(std::move(state)) {}

Deduper::~Deduper() = default;

const LshParams& Deduper::lsh_params() const { return keyer_.params(); }

std::unique_ptr<Deduper::Worker> Deduper::AcquireWorker() const {
  {
    std::lock_guard<std::mutex> lock(workers_mutex_);
    if (!workers_.empty()) {
      std::unique_ptr<Worker> w = std::move(workers_.back());
      workers_.pop_back();
      return w;
    }
  }
  // Options were validated by Create: Shingler::Create cannot fail.
  auto w = std::unique_ptr<Worker>(
      new Worker{*Shingler::Create(options_.shingle, options_.normalise),
                 {},
                 {},
                 {},
                 {},
                 {},
                 {},
                 {},
                 true});
  w->signature.resize(sketcher_.k());
  w->keys.resize(keyer_.params().bands);
  w->bbit.resize(state_->sig_bytes);
  return w;
}

void Deduper::ReleaseWorker(std::unique_ptr<Worker> w) const {
  std::lock_guard<std::mutex> lock(workers_mutex_);
  workers_.push_back(std::move(w));
}

void Deduper::Sign(std::string_view text, Worker* w) const {
  w->shingler.Shingle(text, &w->set);
  if (options_.boilerplate.enabled) {
    w->raw = w->set.hashes;
    model_->Apply(&w->set.hashes);
  }
  w->empty = w->set.hashes.empty();
  if (w->empty) return;
  sketcher_.Sign(w->set.hashes, w->signature);
  keyer_.BandKeys(w->signature, w->keys);
  const int k = sketcher_.k();
  if (options_.signature_bits == 8) {
    for (int i = 0; i < k; ++i)
      w->bbit[i] = static_cast<uint8_t>(w->signature[i]);
  } else {
    for (int i = 0; i < k; ++i) {
      const uint16_t v = static_cast<uint16_t>(w->signature[i]);
      w->bbit[2 * i] = static_cast<uint8_t>(v);
      w->bbit[2 * i + 1] = static_cast<uint8_t>(v >> 8);
    }
  }
}

void Deduper::Score(const Worker& w, AddResult* result) const {
  const State& s = *state_;
  std::vector<Worker::Scored>& scored = const_cast<Worker&>(w).scored;
  scored.clear();
  const int k = sketcher_.k();
  const double p = std::ldexp(1.0, -options_.signature_bits);
  const uint64_t size_a = w.set.hashes.size();
  // A candidate's fields are cache misses in arrays larger than the
  // caches: fetch those of the candidates a few places ahead, so that a
  // document with many candidates (a large bucket) overlaps its misses.
  constexpr size_t kAhead = 4;
  auto prefetch = [&](uint32_t c) {
    __builtin_prefetch(&s.text_hashes[c]);
    __builtin_prefetch(&s.set_sizes[c]);
    __builtin_prefetch(&s.times[c]);
    __builtin_prefetch(&s.seqs[c]);
    if (s.keep_sets) return;
    const uint8_t* sig = &s.sigs[size_t{c} * s.sig_bytes];
    for (int at = 0; at < s.sig_bytes; at += 64) __builtin_prefetch(sig + at);
  };
  const size_t count = w.candidates.size();
  for (size_t i = 0; i < std::min(kAhead, count); ++i) {
    prefetch(w.candidates[i]);
  }
  for (size_t i = 0; i < count; ++i) {
    const uint32_t c = w.candidates[i];
    if (i + kAhead < count) prefetch(w.candidates[i + kAhead]);
    Match m;
    if (s.text_hashes[c] == w.set.text_hash) {
      m.kind = MatchKind::kExact;
      m.jaccard = m.containment = m.similarity = 1.0;
    } else {
      Similarity sim;
      if (s.keep_sets) {
        sim = Compare(w.set.hashes, s.sets[c]);
      } else {
        const uint8_t* sig = &s.sigs[size_t{c} * s.sig_bytes];
        int equal = 0;
        if (options_.signature_bits == 8) {
          for (int i = 0; i < k; ++i) equal += sig[i] == w.bbit[i];
        } else {
          for (int i = 0; i < k; ++i) {
            equal += (sig[2 * i] == w.bbit[2 * i]) &
                     (sig[2 * i + 1] == w.bbit[2 * i + 1]);
          }
        }
        const double j0 = static_cast<double>(equal) / k;
        const double j = std::clamp((j0 - p) / (1.0 - p), 0.0, 1.0);
        const uint64_t size_b = s.set_sizes[c];
        const double smaller = static_cast<double>(std::min(size_a, size_b));
        const double inter = std::min(
            smaller, j * static_cast<double>(size_a + size_b) / (1.0 + j));
        sim.jaccard = j;
        sim.intersection = static_cast<uint64_t>(std::llround(inter));
        sim.containment = smaller > 0 ? inter / smaller : 0;
        m.estimated = true;
      }
      std::optional<Edge> edge = Classify(0, 0, sim, options_.match);
      if (!edge) continue;
      m.kind = edge->kind;
      m.jaccard = sim.jaccard;
      m.containment = sim.containment;
      m.similarity =
          edge->kind == MatchKind::kNear ? sim.jaccard : sim.containment;
    }
    m.time = s.times[c];
    scored.push_back({std::move(m), s.seqs[c], c});
  }
  const size_t keep = std::min<size_t>(scored.size(), options_.max_matches);
  auto better = [](const Worker::Scored& a, const Worker::Scored& b) {
    return BetterMatch(a.match, b.match, a.seq, b.seq);
  };
  std::partial_sort(scored.begin(), scored.begin() + keep, scored.end(),
                    better);
  result->matches.clear();
  for (size_t i = 0; i < keep; ++i) {
    // Ids are copied only for the matches reported.
    scored[i].match.id = s.ids.Get(scored[i].slot);
    result->matches.push_back(std::move(scored[i].match));
  }
  result->candidates = static_cast<uint32_t>(w.candidates.size());
  result->is_new = result->matches.empty();
}

absl::StatusOr<AddResult> Deduper::Add(std::string_view id,
                                       std::string_view text, int64_t time) {
  std::unique_ptr<Worker> w = AcquireWorker();
  Sign(text, w.get());
  AddResult result;
  absl::Status status;
  {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    State& s = *state_;
    if (id.size() > kMaxIdBytes) {
      status = absl::InvalidArgumentError(absl::StrCat(
          "document id of ", id.size(), " bytes; at most ", kMaxIdBytes));
    } else if (s.id_set.contains(id)) {
      status = absl::AlreadyExistsError(
          absl::StrCat("document id '", absl::string_view(id.data(), id.size()),
                       "' is already held"));
    } else {
      if (!w->empty) {
        const size_t visited = s.index.Query(w->keys, &w->candidates);
        (void)visited;
        s.candidates.fetch_add(w->candidates.size(), std::memory_order_relaxed);
        Score(*w, &result);
      }
      result.empty = w->empty;
      const uint32_t slot = s.AllocateSlot();
      const uint64_t seq = s.next_seq++;
      s.Insert(slot, id, time, seq, w->set.text_hash,
               static_cast<uint32_t>(w->set.hashes.size()), w->bbit.data());
      if (!w->empty) {
        s.index.Add(slot, w->keys);
        if (s.keep_sets) s.sets[slot] = w->set.hashes;
        if (options_.boilerplate.enabled) model_->AddDocument(w->raw, time);
      }
      if (!s.has_time || time > s.latest_time) s.latest_time = time;
      s.has_time = true;
      ++s.added;
      s.duplicates += !result.is_new;
      if (options_.max_documents > 0 || options_.horizon > 0) {
        s.PushHeap(slot);
        s.Evict(options_.max_documents, options_.horizon);
      }
    }
  }
  ReleaseWorker(std::move(w));
  if (!status.ok()) return status;
  return result;
}

AddResult Deduper::Query(std::string_view text) const {
  std::unique_ptr<Worker> w = AcquireWorker();
  Sign(text, w.get());
  AddResult result;
  result.empty = w->empty;
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    const State& s = *state_;
    s.queries.fetch_add(1, std::memory_order_relaxed);
    if (!w->empty) {
      s.index.Query(w->keys, &w->candidates);
      s.candidates.fetch_add(w->candidates.size(), std::memory_order_relaxed);
      Score(*w, &result);
    }
  }
  ReleaseWorker(std::move(w));
  return result;
}

bool Deduper::Remove(std::string_view id) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  State& s = *state_;
  auto it = s.id_set.find(id);
  if (it == s.id_set.end()) return false;
  s.Erase(*it);
  ++s.removed;
  return true;
}

bool Deduper::Contains(std::string_view id) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return state_->id_set.contains(id);
}

size_t Deduper::size() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return state_->live;
}

DeduperStats Deduper::stats() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  const State& s = *state_;
  DeduperStats out;
  out.documents = s.live;
  out.added = s.added;
  out.duplicates = s.duplicates;
  out.queries = s.queries.load(std::memory_order_relaxed);
  out.removed = s.removed;
  out.evicted = s.evicted;
  out.candidates = s.candidates.load(std::memory_order_relaxed);
  out.truncated_bucket_scans = s.index.truncated_scans();
  out.boilerplate_threshold = model_->threshold();
  out.boilerplate_documents = model_->documents();
  out.lsh = keyer_.params();
  out.latest_time = s.latest_time;
  out.boilerplate_bytes =
      options_.boilerplate.enabled ? model_->MemoryUsage() : 0;
  out.memory_bytes = s.MemoryUsage() + out.boilerplate_bytes;
  const LshIndex::Memory lsh = s.index.MemoryBreakdown();
  out.lsh_next_bytes = lsh.next;
  out.lsh_table_bytes = lsh.tables;
  out.id_bytes = s.ids.MemoryUsage();
  return out;
}

// ---------------------------------------------------------------------------
// Snapshots
//
// Payload (version 4), all little-endian:
//   u32 option count, then (string name, string value) per stored option
//   (ForEachOption's fields, in its order)
//   u64 next_seq, i64 latest_time, bool has_time
//   u64 added, duplicates, queries, removed, evicted
//   u32 bands, u32 signature bytes, u64 documents n
//   then column by column, documents oldest first (numbered 0..n-1):
//     u64 total id bytes, u32 × n id lengths, the id bytes back to back,
//     i64 × n time, u64 × n seq, u64 × n text_hash, u32 × n set size,
//     n × signature bytes,
//     u64 m (documents with set size > 0: the indexed ones), then per band
//     u32 × m folded band keys (indexed documents oldest first),
//     [keep_sets] per document u64 count + u64 × count
//   the DF model (OnlineBoilerplateModel::Save)
// Version 3 (still read) is version 4 without the max_bands option (such
// files were built with the batch's bands: max_bands = 0).
// Version 2 (still read) stored the same fields document by document: per
// document string id, i64 time, u64 seq, u64 text_hash, u32 set size, bool
// indexed, signature bytes, [indexed] u32 × bands folded band keys,
// [keep_sets] u64 count + u64 × count.

absl::Status Deduper::Save(const std::string& path) const {
  SnapshotWriter out;
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    const State& s = *state_;
    const size_t b = keyer_.params().bands;
    const auto described = DescribeOptions(options_);
    std::vector<std::pair<uint64_t, uint32_t>> order;
    order.reserve(s.live);
    size_t id_bytes = 0;
    for (uint32_t slot = 0; slot < s.slots(); ++slot) {
      if (s.seqs[slot] != 0) {
        order.emplace_back(s.seqs[slot], slot);
        id_bytes += s.ids.Get(slot).size();
      }
    }
    // Slots are mostly allocated in sequence order already.
    if (!std::is_sorted(order.begin(), order.end())) {
      std::sort(order.begin(), order.end());
    }
    const size_t n = order.size();
    // The indexed slots (set size > 0), in file order.
    std::vector<uint32_t> indexed;
    indexed.reserve(n);
    for (const auto& [seq, slot] : order) {
      if (s.set_sizes[slot] > 0) indexed.push_back(slot);
    }
    const uint32_t m = static_cast<uint32_t>(indexed.size());
    out.Reserve(
        n * (s.sig_bytes + 4 + 8 + 8 + 8 + 4) + id_bytes + size_t{m} * b * 4 +
        (options_.boilerplate.enabled ? model_->MemoryUsage() : 0) + 4096);
    out.PutU32(static_cast<uint32_t>(described.size()));
    for (const auto& [name, value] : described) {
      out.PutString(name);
      out.PutString(value);
    }
    out.PutU64(s.next_seq);
    out.PutI64(s.latest_time);
    out.PutBool(s.has_time);
    for (uint64_t counter :
         {s.added, s.duplicates, s.queries.load(std::memory_order_relaxed),
          s.removed, s.evicted}) {
      out.PutU64(counter);
    }
    out.PutU32(static_cast<uint32_t>(b));
    out.PutU32(static_cast<uint32_t>(s.sig_bytes));
    out.PutU64(n);
    // One column at a time through a reused buffer.
    std::vector<uint64_t> column(n);
    std::vector<uint32_t> column32(n);
    out.PutU64(id_bytes);
    for (size_t i = 0; i < n; ++i) {
      column32[i] = static_cast<uint32_t>(s.ids.Get(order[i].second).size());
    }
    out.PutU32Array(std::span<const uint32_t>(column32.data(), n));
    for (const auto& [seq, slot] : order) {
      const std::string_view id = s.ids.Get(slot);
      out.PutBytes(std::span<const uint8_t>(
          reinterpret_cast<const uint8_t*>(id.data()), id.size()));
    }
    auto put_u64_column = [&](auto field) {
      for (size_t i = 0; i < n; ++i) column[i] = field(order[i].second);
      out.PutU64Array(column);
    };
    put_u64_column(
        [&](uint32_t slot) { return static_cast<uint64_t>(s.times[slot]); });
    put_u64_column([&](uint32_t slot) { return s.seqs[slot]; });
    put_u64_column([&](uint32_t slot) { return s.text_hashes[slot]; });
    for (size_t i = 0; i < n; ++i) column32[i] = s.set_sizes[order[i].second];
    out.PutU32Array(std::span<const uint32_t>(column32.data(), n));
    for (const auto& [seq, slot] : order) {
      out.PutBytes(std::span<const uint8_t>(&s.sigs[size_t{slot} * s.sig_bytes],
                                            s.sig_bytes));
    }
    // Band keys are not kept per document: each band's chains give them.
    out.PutU64(m);
    {
      // Bands are independent: a few threads fill their columns straight
      // into the payload (each walk is bound by random reads).
      const size_t at = out.payload().size();
      out.mutable_payload().resize(at + size_t{m} * b * sizeof(uint32_t));
      char* const keys = out.mutable_payload().data() + at;
      const int workers = static_cast<int>(std::min<size_t>(
          b, std::max(1u, std::min(4u, std::thread::hardware_concurrency()))));
      // Per band: the (slot, key) entries in table order (a sequential
      // scan), scattered into a by-slot array with the targets prefetched
      // ahead (the misses overlap), then gathered in file order (sequential
      // when slots follow the sequence numbers, as they mostly do).
      struct Buffers {
        std::vector<uint64_t> entries;
        std::vector<uint32_t> by_slot;
      };
      std::vector<Buffers> buffers(workers);
      internal::ParallelFor(
          b, workers, 1, [&](size_t first, size_t last, int worker) {
            std::vector<uint64_t>& entries = buffers[worker].entries;
            std::vector<uint32_t>& by_slot = buffers[worker].by_slot;
            by_slot.resize(s.slots());
            for (size_t band = first; band < last; ++band) {
              entries.clear();
              s.index.ForEachEntry(band, [&](uint32_t slot, uint32_t key) {
                entries.push_back(uint64_t{slot} << 32 | key);
              });
              assert(entries.size() == m);
              constexpr size_t kAhead = 16;
              const size_t count = entries.size();
              for (size_t i = 0; i < count; ++i) {
                if (i + kAhead < count) {
                  __builtin_prefetch(&by_slot[entries[i + kAhead] >> 32], 1);
                }
                by_slot[entries[i] >> 32] = static_cast<uint32_t>(entries[i]);
              }
              char* const column = keys + band * size_t{m} * sizeof(uint32_t);
              for (size_t i = 0; i < m; ++i) {
                SnapshotWriter::StoreLittle(by_slot[indexed[i]],
                                            column + i * sizeof(uint32_t));
              }
            }
          });
    }
    if (s.keep_sets) {
      for (const auto& [seq, slot] : order) {
        out.PutU64(s.sets[slot].size());
        out.PutU64Array(s.sets[slot]);
      }
    }
    if (options_.boilerplate.enabled) model_->Save(&out);
  }
  return WriteSnapshotFile(path, kSnapshotKind, kSnapshotVersion,
                           out.payload());
}

namespace {

// Version 2 documents: one record per document (see Save).
// Reads one document's stored shingle set (keep_sets) into *set; fails the
// reader unless it holds `size` sorted values. False once the reader
// failed.
bool ReadStoredSet(SnapshotReader& in, uint32_t size,
                   std::vector<uint64_t>* set) {
  const uint64_t count = in.GetU64("document set size");
  if (!in.CheckCount(count, 8, "set shingle")) return false;
  set->resize(count);
  in.GetU64Array(*set, "document set");
  if (in.ok() && (count != size || !std::is_sorted(set->begin(), set->end()))) {
    in.Fail("a stored shingle set is inconsistent");
  }
  return in.ok();
}

void ReadDocumentsV2(SnapshotReader* reader, uint64_t docs, size_t b,
                     Deduper::State* state, int threads) {
  SnapshotReader& in = *reader;
  Deduper::State& s = *state;
  const int sig_bytes = s.sig_bytes;
  // Band keys of the indexed documents, inserted in bulk at the end.
  std::vector<uint32_t> indexed_slots;
  std::vector<uint32_t> all_keys;
  indexed_slots.reserve(docs);
  all_keys.reserve(docs * b);
  std::vector<uint32_t> keys(b);
  uint64_t last_seq = 0;
  for (uint32_t slot = 0; slot < docs && in.ok(); ++slot) {
    s.ids.Set(slot, in.GetString("document id", Deduper::kMaxIdBytes));
    s.times[slot] = in.GetI64("document time");
    s.seqs[slot] = in.GetU64("document sequence");
    s.text_hashes[slot] = in.GetU64("document text hash");
    s.set_sizes[slot] = in.GetU32("document set size");
    const bool indexed = in.GetBool("document indexed flag");
    in.GetBytes(
        std::span<uint8_t>(&s.sigs[size_t{slot} * sig_bytes], sig_bytes),
        "document signature");
    if (indexed) in.GetU32Array(keys, "document band keys");
    if (s.keep_sets) ReadStoredSet(in, s.set_sizes[slot], &s.sets[slot]);
    if (!in.ok()) break;
    if (s.seqs[slot] <= last_seq || s.seqs[slot] >= s.next_seq) {
      in.Fail("document sequence numbers out of order");
      break;
    }
    last_seq = s.seqs[slot];
    if (indexed != (s.set_sizes[slot] > 0)) {
      in.Fail("indexed flag disagrees with the set size");
      break;
    }
    if (!s.id_set.insert(slot).second) {
      in.Fail(absl::StrCat("duplicate document id '",
                           std::string(s.ids.Get(slot)), "'"));
      break;
    }
    ++s.live;
    if (indexed) {
      indexed_slots.push_back(slot);
      all_keys.insert(all_keys.end(), keys.begin(), keys.end());
    }
  }
  if (!in.ok()) return;
  s.index.AddBulk(indexed_slots, all_keys, threads);
}

// Version 3 documents: column by column (see Save). The caller has sized
// the per-slot arrays for `docs` slots.
void ReadDocumentsV3(SnapshotReader* reader, uint64_t docs, size_t b,
                     Deduper::State* state, int threads) {
  SnapshotReader& in = *reader;
  Deduper::State& s = *state;
  const size_t n = docs;
  const uint64_t id_bytes = in.GetU64("id bytes");
  std::vector<uint32_t> lengths(n);
  in.GetU32Array(lengths, "id lengths");
  if (!in.CheckCount(id_bytes, 1, "id byte")) return;
  uint64_t total = 0;
  for (uint32_t length : lengths) {
    if (length > Deduper::kMaxIdBytes) {
      in.Fail("a document id is longer than 1 MiB");
      return;
    }
    total += length;
  }
  if (total != id_bytes) {
    in.Fail("id lengths disagree with the id bytes");
    return;
  }
  {
    std::string blob(id_bytes, '\0');
    in.GetBytes(std::span<uint8_t>(reinterpret_cast<uint8_t*>(blob.data()),
                                   blob.size()),
                "ids");
    if (!in.ok()) return;
    s.ids.Assign(std::move(blob), lengths);
  }
  static_assert(sizeof(int64_t) == sizeof(uint64_t));
  in.GetU64Array(
      std::span<uint64_t>(reinterpret_cast<uint64_t*>(s.times.data()), n),
      "document times");
  in.GetU64Array(s.seqs, "document sequences");
  in.GetU64Array(s.text_hashes, "document text hashes");
  in.GetU32Array(s.set_sizes, "document set sizes");
  in.GetBytes(s.sigs, "document signatures");
  const uint64_t indexed = in.GetU64("indexed documents");
  if (!in.ok()) return;
  std::vector<uint32_t> indexed_slots;
  indexed_slots.reserve(n);
  uint64_t last_seq = 0;
  for (uint32_t slot = 0; slot < n; ++slot) {
    if (s.seqs[slot] <= last_seq || s.seqs[slot] >= s.next_seq) {
      in.Fail("document sequence numbers out of order");
      return;
    }
    last_seq = s.seqs[slot];
    if (s.set_sizes[slot] > 0) indexed_slots.push_back(slot);
  }
  if (indexed != indexed_slots.size()) {
    in.Fail("indexed document count disagrees with the set sizes");
    return;
  }
  if (!in.CheckCount(indexed * b, 4, "band key")) return;
  std::vector<uint32_t> keys(indexed * b);
  in.GetU32Array(keys, "band keys");
  if (s.keep_sets) {
    for (uint32_t slot = 0; slot < n; ++slot) {
      if (!ReadStoredSet(in, s.set_sizes[slot], &s.sets[slot])) return;
    }
  }
  if (!in.ok()) return;
  for (uint32_t slot = 0; slot < n; ++slot) {
    if (!s.id_set.insert(slot).second) {
      in.Fail(absl::StrCat("duplicate document id '",
                           std::string(s.ids.Get(slot)), "'"));
      return;
    }
  }
  s.live = n;
  s.index.AddBulkBandMajor(indexed_slots, keys, threads);
}

}  // namespace

absl::StatusOr<Deduper::Loaded> Deduper::ReadSnapshot(
    const std::string& path, const DeduperOptions* expected) {
  NEARDUP_ASSIGN_OR_RETURN(
      SnapshotFile file,
      ReadSnapshotFile(path, kSnapshotKind, kSnapshotVersion));
  SnapshotReader in(file.payload);
  auto damaged = [&](const absl::Status& status) {
    return absl::DataLossError(
        absl::StrCat("snapshot ", path, " is damaged: ", status.message()));
  };

  // Options: every stored field must be known and parse.
  Loaded loaded;
  if (expected != nullptr) loaded.options = *expected;
  const uint32_t count = in.GetU32("option count");
  if (!in.CheckCount(count, 16, "option")) return damaged(in.status());
  std::vector<std::pair<std::string, std::string>> stored;
  for (uint32_t i = 0; i < count && in.ok(); ++i) {
    std::string name = in.GetString("option name", 256);
    std::string value = in.GetString("option value", 256);
    stored.emplace_back(std::move(name), std::move(value));
  }
  if (!in.ok()) return damaged(in.status());
  {
    DeduperOptions parsed;
    // Fields newer than the file take the value that keeps its meaning.
    std::vector<std::string> absent;
    ForEachAddedOption([&](const char* name, uint32_t since, auto set_old) {
      if (file.version < since) {
        set_old(parsed);
        absent.emplace_back(name);
      }
    });
    std::string error;
    size_t i = 0;
    ForEachOption(parsed, [&](const char* name, auto& field) {
      if (!error.empty()) return;
      if (std::find(absent.begin(), absent.end(), name) != absent.end()) {
        return;
      }
      if (i >= stored.size() || stored[i].first != name) {
        error = absl::StrCat("option '", name, "' missing");
      } else if (!ParseField(stored[i].second, &field)) {
        error = absl::StrCat("option '", name, "' has a bad value '",
                             stored[i].second, "'");
      }
      ++i;
    });
    if (error.empty() && i != stored.size()) {
      error = absl::StrCat("unknown option '", stored[i].first, "'");
    }
    if (!error.empty()) {
      return absl::DataLossError(
          absl::StrCat("snapshot ", path, " is damaged: ", error));
    }
    if (expected != nullptr) {
      const auto wanted = DescribeOptions(*expected);
      const auto found = DescribeOptions(parsed);
      std::string differences;
      for (size_t f = 0; f < wanted.size(); ++f) {
        if (wanted[f].second != found[f].second) {
          absl::StrAppend(&differences, differences.empty() ? "" : ", ",
                          wanted[f].first, " = ", found[f].second,
                          " in the snapshot, ", wanted[f].second, " here");
        }
      }
      if (!differences.empty()) {
        return absl::FailedPreconditionError(absl::StrCat(
            "snapshot ", path, " was built with other options: ", differences));
      }
    } else {
      parsed.max_matches = loaded.options.max_matches;
      loaded.options = parsed;
    }
    if (absl::Status status = loaded.options.Validate(); !status.ok()) {
      return damaged(status);
    }
  }
  const DeduperOptions& options = loaded.options;

  NEARDUP_ASSIGN_OR_RETURN(LshIndex index,
                           LshIndex::Create(options.EffectiveLshOptions()));
  const size_t b = index.params().bands;
  const int sig_bytes = options.sketch.num_perm * options.signature_bits / 8;
  loaded.state =
      std::make_unique<State>(std::move(index), sig_bytes, options.keep_sets);
  State& s = *loaded.state;
  s.next_seq = in.GetU64("next sequence");
  s.latest_time = in.GetI64("latest time");
  s.has_time = in.GetBool("has time");
  s.added = in.GetU64("added");
  s.duplicates = in.GetU64("duplicates");
  s.queries.store(in.GetU64("queries"));
  s.removed = in.GetU64("removed");
  s.evicted = in.GetU64("evicted");
  const uint32_t bands = in.GetU32("bands");
  const uint32_t stored_sig_bytes = in.GetU32("signature bytes");
  const uint64_t docs = in.GetU64("documents");
  if (in.ok() &&
      (bands != b || stored_sig_bytes != static_cast<uint32_t>(sig_bytes))) {
    in.Fail(absl::StrCat("layout of ", bands, " bands and ", stored_sig_bytes,
                         "-byte signatures does not follow from the options"));
  }
  // Version 2: id length + time + seq + hash + size + flag + signature;
  // version 3: id length (u32) + time + seq + hash + size + signature.
  const uint64_t min_doc_bytes =
      (file.version < 3 ? 8 + 1 : 4) + 8 + 8 + 8 + 4 + sig_bytes;
  if (!in.CheckCount(docs, min_doc_bytes, "document") ||
      docs >= uint64_t{0xFFFFFFFF}) {
    in.Fail("document count out of range");
    return damaged(in.status());
  }
  s.ids.Resize(docs);
  s.sigs.resize(docs * sig_bytes);
  s.set_sizes.resize(docs);
  s.times.resize(docs);
  s.text_hashes.resize(docs);
  s.seqs.resize(docs);
  if (s.keep_sets) s.sets.resize(docs);
  s.id_set.reserve(docs);
  const int threads =
      static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (file.version >= 3) {
    ReadDocumentsV3(&in, docs, b, &s, threads);
  } else {
    ReadDocumentsV2(&in, docs, b, &s, threads);
  }
  if (!in.ok()) return damaged(in.status());
  loaded.model = std::make_unique<OnlineBoilerplateModel>(
      options.boilerplate, options.EffectiveOnlineBoilerplate());
  if (options.boilerplate.enabled) loaded.model->Load(&in);
  if (!in.ok()) return damaged(in.status());
  if (in.remaining() != 0) {
    in.Fail(absl::StrCat(in.remaining(), " unexpected bytes at the end"));
    return damaged(in.status());
  }
  if (options.max_documents > 0 || options.horizon > 0) s.RebuildHeap();
  return loaded;
}

absl::Status Deduper::Load(const std::string& path) {
  NEARDUP_ASSIGN_OR_RETURN(Loaded loaded, ReadSnapshot(path, &options_));
  std::unique_lock<std::shared_mutex> lock(mutex_);
  state_ = std::move(loaded.state);
  model_->CopyFrom(*loaded.model);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Deduper>> Deduper::Open(const std::string& path,
                                                       uint32_t max_matches) {
  NEARDUP_ASSIGN_OR_RETURN(Loaded loaded, ReadSnapshot(path, nullptr));
  loaded.options.max_matches = max_matches;
  NEARDUP_RETURN_IF_ERROR(loaded.options.Validate());
  // As Create, but with the loaded state and model (no empty ones built).
  NEARDUP_ASSIGN_OR_RETURN(Sketcher sketcher,
                           Sketcher::Create(loaded.options.sketch));
  NEARDUP_ASSIGN_OR_RETURN(
      LshIndex keyer, LshIndex::Create(loaded.options.EffectiveLshOptions()));
  NEARDUP_RETURN_IF_ERROR(
      Shingler::Create(loaded.options.shingle, loaded.options.normalise)
          .status());
  return std::unique_ptr<Deduper>(
      new Deduper(loaded.options, std::move(sketcher), std::move(keyer),
                  std::move(loaded.state), std::move(loaded.model)));
}

absl::StatusOr<DeduperOptions> Deduper::ReadOptions(const std::string& path) {
  NEARDUP_ASSIGN_OR_RETURN(Loaded loaded, ReadSnapshot(path, nullptr));
  return loaded.options;
}

}  // namespace neardup

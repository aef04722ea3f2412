// Synthetic syndicated-news corpora with ground truth (`neardup synth`).
//
// A corpus is made of *stories*. Each story is either one real base article
// or a "remix" of 6-25 real sentences drawn from the whole base; without a
// base (`--base` not given) every story is generated instead by the
// built-in news grammar (GenerateBuiltinArticle: a headline and 6-25
// sentences, an unbounded supply of distinct stories). A story appears
// as 1-8 documents: the original (truth edit "original") and copies that are
//   verbatim   (30%)  same body;
//   truncated  (30%)  the first 50-80% of the sentences;
//   edited     (30%)  1-2 sentences dropped, ~3% of the words changed
//                     (synonym or typo);
//   reworded   (10%)  up to a fifth of the sentences dropped, two adjacent
//                     sentences swapped, ~12% of the words changed (synonyms,
//                     function words, typos).
// Every copy (and, half the time, the original) is dressed by an outlet: a
// dateline, byline, copyright line or promo footer whose text is fixed per
// outlet, or nothing. Copies may also get an edited headline (~20%), the
// scraped-page pattern of a repeated headline and photo caption (~15%), and
// typography variants (~30%: curly quotes, em dashes, NFD accents, NBSP,
// `&amp;`). About 5% of the documents are templated distractors (market,
// weather, sports and currency reports that share a frame and footer and
// differ only in slot values; truth edit "template", each its own story), and
// optionally ~3% are pages concatenating copies of two stories (edit "multi",
// story of the first).
//
// Output: DIR/corpus.jsonl ({"id", "text"}) and DIR/truth.jsonl ({"id",
// "story", "edit"}), in the same order. Documents are shuffled within blocks
// of `shuffle_block` documents (so copies of a story are never adjacent but
// memory stays bounded); ids are assigned in output order ("d0000001"),
// stories are numbered in generation order ("s000001").
//
// Deterministic: the output depends only on the options and the base bytes.
// All randomness comes from the Rng below (xoshiro256** seeded by
// splitmix64), never from <random> distributions or per-process hashes.
//
// Example:
//   neardup::synth::SynthOptions options;
//   options.docs = 100000;
//   options.seed = 7;
//   options.remix = true;
//   options.output_dir = "/tmp/synth";
//   NEARDUP_ASSIGN_OR_RETURN(neardup::synth::SynthStats stats,
//                            neardup::synth::WriteCorpus(options));
#ifndef NEARDUP_DATASETS_SYNTH_SYNTH_H_
#define NEARDUP_DATASETS_SYNTH_SYNTH_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup::synth {

// ---------------------------------------------------------------------------
// Randomness

/// splitmix64 step: advances `*state` and returns the next output.
uint64_t SplitMix64(uint64_t* state);

/// A seed for an independent stream: a strong mix of (seed, stream, index).
uint64_t DeriveSeed(uint64_t seed, uint64_t stream, uint64_t index);

/// xoshiro256** (Blackman & Vigna 2018). Same sequence on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed);
  uint64_t Next();
  /// Uniform in [0, n), n >= 1 (multiply-shift; bias < n / 2^64).
  uint64_t Uniform(uint64_t n);
  /// Uniform in [lo, hi], lo <= hi.
  uint64_t Range(uint64_t lo, uint64_t hi) { return lo + Uniform(hi - lo + 1); }
  /// Uniform in [0, 1) with 53 random bits.
  double Double();
  /// True with probability p (p <= 0: never, p >= 1: always).
  bool Bernoulli(double p) { return Double() < p; }

 private:
  uint64_t s_[4];
};

// ---------------------------------------------------------------------------
// Base text

/// An article split into sentences. `paragraph[i]` numbers the paragraph of
/// sentence i (non-decreasing, from 0).
struct Article {
  std::string headline;  ///< may be empty when the source has none
  std::vector<std::string> sentences;
  std::vector<uint32_t> paragraph;
};

/// Splits one paragraph (whitespace already folded to single spaces) into
/// sentences at '.', '!' or '?' (plus closing quotes or brackets) followed by
/// a space and an upper-case letter, digit or opening quote. Does not split
/// after abbreviations ("Mr.", "Jan.", "Corp."), initials ("J."), dotted
/// forms ("U.S.", "a.m.") or inside numbers ("3.5").
std::vector<std::string> SplitSentences(std::string_view paragraph);

/// Parses article text: the first block (up to a blank line) is the
/// headline if it is a single line of at most 200 bytes and more text
/// follows; blank lines, and line breaks followed by indentation (Reuters),
/// start paragraphs; other line breaks are spaces.
Article ParseArticle(std::string_view text);

/// Extracts the string value of top-level key `key` from one JSON object
/// (`line`), decoding escapes (\uXXXX with surrogate pairs) to UTF-8. A key
/// given twice yields the last value (as Python's json does). NotFound if
/// the key is absent; InvalidArgument if the line is not a JSON object or
/// the value is not a string.
absl::StatusOr<std::string> ExtractJsonStringField(std::string_view line,
                                                   std::string_view key);

/// The base text stories are drawn from: parsed articles, of which those
/// with at least 3 sentences are used whole, and a pool of sentence-like
/// sentences (4-80 words, terminal punctuation) for remixed stories; or, for
/// the built-in base, no stored text at all: every story is generated (see
/// GenerateBuiltinArticle).
class BaseText {
 public:
  /// Reads field `field` of every line of a JSONL file (blank lines skipped).
  /// Errors name file:line. InvalidArgument if no sentence is usable.
  static absl::StatusOr<BaseText> LoadJsonl(const std::string& path,
                                            std::string_view field = "text");
  /// The built-in English news-like text: generated() is true, articles()
  /// and sentence_pool() are empty, and story k of a corpus with seed s is
  /// GenerateBuiltinArticle(DeriveSeed(s, kBuiltinStoryStream, k)) whether
  /// or not `remix` is set.
  static BaseText Builtin();
  /// From article texts in memory (see ParseArticle).
  static absl::StatusOr<BaseText> FromTexts(
      const std::vector<std::string>& texts);

  /// Articles with >= 3 sentences, in input order, without repeats: an
  /// article sharing >= 30% of the word 3-grams of the smaller of the two
  /// with an earlier one (a re-filed or corrected story) is dropped, so
  /// that one story never carries two truth labels.
  const std::vector<Article>& articles() const { return articles_; }
  /// Number of articles dropped as repeats of earlier ones.
  size_t repeats_dropped() const { return repeats_dropped_; }
  /// Sentences usable in remixed stories.
  const std::vector<std::string>& sentence_pool() const { return pool_; }
  /// True for the built-in base, whose stories are generated.
  bool generated() const { return generated_; }

 private:
  std::vector<Article> articles_;
  std::vector<std::string> pool_;
  size_t repeats_dropped_ = 0;
  bool generated_ = false;
};

/// DeriveSeed stream of built-in stories ("bstory").
inline constexpr uint64_t kBuiltinStoryStream = 0x6273746f7279;

/// Generates one invented English news story from `seed` into `*out`
/// (replacing its contents; its strings' capacity is reused): a headline
/// and 6-25 sentences of 8-40 words (about 19 on average) in paragraphs of
/// 1-3 sentences. The text comes from a grammar (builtin_text.cc) over 14
/// topics (politics, diplomacy, economy, business, technology, science,
/// health, weather, courts, crime, sport, transport, education, culture)
/// with large vocabularies of invented people, organisations and places,
/// numbers and dates. A story binds its cast, organisation, town, day and
/// subject once, so they recur across its sentences; stories from
/// different seeds almost never share a sentence and share few word
/// 3-grams beyond common phrases ("said in a statement", "a year
/// earlier"). Same seed, same story on every platform; about 50,000
/// stories a second on one core. Returns the topic name.
std::string_view GenerateBuiltinArticle(uint64_t seed, Article* out);

/// Appends v in decimal with thousands separators ("1,234,567").
void AppendGrouped(uint64_t v, std::string* out);
/// English ordinal suffix of n: "st", "nd", "rd" or "th".
const char* OrdinalSuffix(uint64_t n);

/// OK if the built-in grammar is well formed (every rule referenced is
/// defined, for every topic; brackets balance); otherwise Internal with the
/// first problem. Generation from an ill-formed grammar drops the broken
/// parts.
absl::Status CheckBuiltinGrammar();

// ---------------------------------------------------------------------------
// Generation

enum class EditKind : uint8_t {
  kOriginal,
  kVerbatim,
  kTruncated,
  kEdited,
  kReworded,
  kTemplate,
  kMulti,
};
inline constexpr int kNumEditKinds = 7;
/// "original", "verbatim", "truncated", "edited", "reworded", "template",
/// "multi".
std::string_view EditKindName(EditKind kind);

struct SynthOptions {
  std::string base_path;  ///< JSONL base corpus ("text" field); empty: built-in
  uint64_t docs = 0;      ///< documents to write, >= 1
  uint64_t seed = 0;      ///< any value; same seed, same output
  bool remix = false;     ///< every story is remixed from base sentences (no
                          ///< effect on the built-in base: always generated)
  bool multi_story_pages = false;  ///< ~3% of docs concatenate two stories
  std::string output_dir;          ///< created if missing; must be set
  uint32_t shuffle_block = 10000;  ///< shuffle window in documents, >= 1

  absl::Status Validate() const;
};

/// One generated document before shuffling and id assignment.
struct SynthDoc {
  std::string text;
  uint64_t story = 0;  ///< story number (0-based, in generation order)
  EditKind edit = EditKind::kOriginal;
  // Structure, for tests: filled only when the generator keeps structure.
  uint32_t story_sentences = 0;   ///< sentences in the story body
  std::vector<uint32_t> kept;     ///< story sentence index of each body
                                  ///< sentence of this copy, in order
  std::vector<std::string> body;  ///< body sentences after word edits,
                                  ///< before typography
  bool headline_edited = false;
  bool scraped = false;     ///< repeated headline + photo caption
  bool typography = false;  ///< typography variants applied
  int outlet = -1;          ///< index of the outlet wrapper, -1 for none
};

/// Produces the documents of one unit at a time: a story's copies (original
/// first) or one template document. Deterministic in (base, options, number
/// of units generated so far).
class StoryGenerator {
 public:
  /// `base` must outlive the generator. Options must be valid.
  StoryGenerator(const BaseText& base, const SynthOptions& options,
                 bool keep_structure = false);
  ~StoryGenerator();
  StoryGenerator(const StoryGenerator&) = delete;
  StoryGenerator& operator=(const StoryGenerator&) = delete;

  /// Appends the next unit's documents to `*out`; at most `max_docs` (>= 1)
  /// are appended (a story cut short keeps its original). Returns the
  /// number appended.
  size_t NextUnit(size_t max_docs, std::vector<SynthDoc>* out);

  /// Stories (including templates) numbered so far.
  uint64_t stories() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct SynthStats {
  uint64_t docs = 0;
  uint64_t stories = 0;  ///< distinct story ids, templates included
  uint64_t corpus_bytes = 0;
  uint64_t truth_bytes = 0;
  double seconds = 0;  ///< wall time, base loading included
  std::array<uint64_t, kNumEditKinds> by_edit{};  ///< docs per EditKind
};

/// Generates the corpus described by `options` (which are validated) from
/// `base`, writing DIR/corpus.jsonl and DIR/truth.jsonl. Memory is bounded
/// by the base and the shuffle block, whatever `options.docs`.
absl::StatusOr<SynthStats> WriteCorpus(const BaseText& base,
                                       const SynthOptions& options);
/// As above, loading the base named by options.base_path (or the built-in
/// text).
absl::StatusOr<SynthStats> WriteCorpus(const SynthOptions& options);

// ---------------------------------------------------------------------------
// Built-in tables (builtin_text.cc), exposed for tests.

enum class WrapperKind : uint8_t {
  kDateline,
  kByline,
  kCopyright,
  kPromo,
  kNone
};

struct Outlet {
  std::string_view name;
  WrapperKind kind;
  std::string_view text;  ///< the wrapper, identical on every copy
};

struct BuiltinTables {
  /// Hand-written articles: fixed text fixtures (splitter features,
  /// benchmarks). The built-in base does not use them: it generates its
  /// stories (GenerateBuiltinArticle).
  std::vector<std::string_view> articles;
  std::vector<Outlet> outlets;  ///< index = SynthDoc::outlet
  /// Synonym groups, words separated by '|': any word of a group may
  /// stand for any other. Lower case ASCII.
  std::vector<std::string_view> synonym_groups;
  std::vector<std::string_view> function_word_groups;  ///< same format
  /// Distractor frames with "{slot}" placeholders (see synth.cc).
  std::vector<std::string_view> template_frames;
  // Slot values and decoration.
  std::vector<std::string_view> companies, cities, teams, players, venues,
      weather_conditions, currencies, captions, photo_credits, layout_tokens,
      headline_prefixes, weekdays, months;
};
/// The tables, built once.
const BuiltinTables& GetBuiltinTables();

}  // namespace neardup::synth

#endif  // NEARDUP_DATASETS_SYNTH_SYNTH_H_

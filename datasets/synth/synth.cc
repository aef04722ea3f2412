// Synthetic syndicated-news corpus generator. See synth.h.
#include "synth.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "neardup/json.h"
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup::synth {
namespace {

absl::string_view AV(std::string_view s) { return {s.data(), s.size()}; }

// Streams of DeriveSeed (any distinct constants).
constexpr uint64_t kUnitStream = 0x756e6974;     // "unit"
constexpr uint64_t kStoryStream = 0x73746f7279;  // "story"
constexpr uint64_t kShuffleStream = 0x73687566;  // "shuf"

// Recipe (synth.h).
constexpr int kMinCopies = 1;
constexpr int kMaxCopies = 8;
constexpr double kMeanCopies = (kMinCopies + kMaxCopies) / 2.0;
constexpr double kTemplateShare = 0.05;  // of documents
constexpr double kMultiShare = 0.03;     // of documents, when enabled
constexpr double kOriginalWrapped = 0.5;
constexpr double kCopyUnwrapped = 0.1;
constexpr double kHeadlineEdited = 0.20;
constexpr double kScraped = 0.15;
constexpr double kTypography = 0.30;
constexpr double kEditedWordRate = 0.03;
constexpr double kRewordedWordRate = 0.12;
constexpr int kMinRemixSentences = 6;
constexpr int kMaxRemixSentences = 25;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsDigit(c); }
char ToLower(char c) { return IsAsciiUpper(c) ? c + ('a' - 'A') : c; }
char ToUpper(char c) { return IsAsciiLower(c) ? c - ('a' - 'A') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Appends `s` with every run of ASCII whitespace folded to one space (a
// space is added before `s` when `*out` is not empty and does not end in
// one).
void AppendFolded(std::string_view s, std::string* out) {
  s = Trim(s);
  if (s.empty()) return;
  if (!out->empty() && out->back() != ' ') out->push_back(' ');
  bool in_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      in_space = true;
    } else {
      if (in_space) out->push_back(' ');
      in_space = false;
      out->push_back(c);
    }
  }
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// Sentences.

const absl::flat_hash_set<std::string>& Abbreviations() {
  static const auto* const set = new absl::flat_hash_set<std::string>{
      "mr",   "mrs",    "ms",   "dr",   "prof",   "sen",  "rep", "gov",
      "gen",  "col",    "lt",   "sgt",  "capt",   "cmdr", "adm", "st",
      "rev",  "hon",    "jr",   "sr",   "messrs", "mt",   "ft",  "no",
      "nos",  "vs",     "v",    "jan",  "feb",    "mar",  "apr", "jun",
      "jul",  "aug",    "sep",  "sept", "oct",    "nov",  "dec", "dept",
      "est",  "approx", "fig",  "univ", "ave",    "blvd", "rd",  "etc",
      "gens", "reps",   "sens", "supt", "insp",   "det",  "cpl", "pvt"};
  return *set;
}

// Length of a closing quote or bracket at s[i], 0 if none.
size_t CloserLength(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // U+201D right double quote, U+2019 right single quote.
  if (i + 2 < s.size() && static_cast<unsigned char>(c) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x9D ||
       static_cast<unsigned char>(s[i + 2]) == 0x99)) {
    return 3;
  }
  return 0;
}

// Can a sentence start at s[i]?
bool CanStartSentence(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  char c = s[i];
  if (IsAsciiUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(' ||
      c == '[') {
    return true;
  }
  // Non-ASCII: accented capitals and opening curly quotes; not a lower-case
  // Latin-1 letter (lead byte 0xC3 followed by 0xA0..0xBF).
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0xC0) {
    if (u == 0xC3 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
      return false;
    }
    return true;
  }
  return false;
}

// Is the '.' at s[dot] the end of an abbreviation, an initial or a dotted
// form rather than the end of a sentence?
bool IsAbbreviationDot(std::string_view s, size_t dot) {
  size_t start = dot;
  while (start > 0 && s[start - 1] != ' ') --start;
  // Strip opening punctuation.
  while (start < dot && !IsAsciiAlnum(s[start]) &&
         static_cast<unsigned char>(s[start]) < 0x80) {
    ++start;
  }
  std::string_view token = s.substr(start, dot - start);
  if (token.empty()) return false;
  // Single capital letter: an initial ("J. Smith").
  if (token.size() == 1 && IsAsciiUpper(token[0])) return true;
  // Letters and dots only, with a dot inside: "U.S", "a.m".
  if (token.find('.') != std::string_view::npos) {
    bool letters_and_dots = true;
    for (char c : token) {
      if (!IsAsciiAlpha(c) && c != '.') letters_and_dots = false;
    }
    if (letters_and_dots) return true;
  }
  if (token.size() > 6) return false;
  std::string lower;
  for (char c : token) {
    if (!IsAsciiAlpha(c)) return false;
    lower.push_back(ToLower(c));
  }
  return Abbreviations().contains(lower);
}

bool IsPoolSentence(std::string_view s) {
  size_t words = CountWords(s);
  if (words < 4 || words > 80) return false;
  if (!CanStartSentence(s, 0)) return false;
  // Ends with terminal punctuation, possibly followed by closers.
  size_t end = s.size();
  while (end > 0) {
    size_t k = end - 1;
    // Step back over a 3-byte closing curly quote.
    if (end >= 3 && CloserLength(s, end - 3) == 3) {
      end -= 3;
      continue;
    }
    if (s[k] == '"' || s[k] == '\'' || s[k] == ')' || s[k] == ']') {
      end = k;
      continue;
    }
    break;
  }
  if (end == 0) return false;
  char last = s[end - 1];
  return last == '.' || last == '!' || last == '?';
}

// Words a headline should not end with.
bool IsWeakEnding(std::string_view w) {
  static const auto* const set = new absl::flat_hash_set<std::string>{
      "the",  "a",     "an",     "of",    "to",    "in",    "on",     "at",
      "for",  "and",   "or",     "but",   "was",   "were",  "is",     "are",
      "be",   "been",  "with",   "by",    "from",  "that",  "which",  "as",
      "has",  "have",  "had",    "will",  "would", "its",   "their",  "his",
      "her",  "it",    "this",   "than",  "who",   "said",  "says",   "not",
      "into", "after", "before", "about", "over",  "we",    "they",   "he",
      "she",  "our",   "if",     "when",  "while", "could", "should", "can"};
  std::string lower;
  for (char c : w) lower.push_back(ToLower(c));
  return set->contains(lower);
}

// Makes a headline from the first `words` words of a sentence, dropping
// weak trailing words and punctuation.
std::string HeadlineFromSentence(std::string_view sentence, size_t words) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < sentence.size() && tokens.size() < words) {
    while (i < sentence.size() && sentence[i] == ' ') ++i;
    size_t start = i;
    while (i < sentence.size() && sentence[i] != ' ') ++i;
    if (i > start) tokens.push_back(sentence.substr(start, i - start));
  }
  const auto is_punct = [](char c) {
    return c == ',' || c == ';' || c == ':' || c == '.' || c == '"' ||
           c == '\'' || c == '(' || c == ')' || c == '-';
  };
  while (tokens.size() > 3) {
    std::string_view last = tokens.back();
    while (!last.empty() && is_punct(last.back())) last.remove_suffix(1);
    if (!last.empty() && !IsWeakEnding(last)) break;
    tokens.pop_back();
  }
  std::string out;
  for (std::string_view t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(t);
  }
  while (!out.empty() && is_punct(out.back())) out.pop_back();
  size_t lead = 0;
  while (lead < out.size() &&
         (out[lead] == '"' || out[lead] == '\'' || out[lead] == '(')) {
    ++lead;
  }
  out.erase(0, lead);
  if (!out.empty()) out[0] = ToUpper(out[0]);
  return out;
}

// ---------------------------------------------------------------------------
// Word edits.

struct WordTables {
  // word -> alternatives (excluding the word itself)
  absl::flat_hash_map<std::string, std::vector<std::string_view>> synonyms;
  absl::flat_hash_map<std::string, std::vector<std::string_view>> function;

  static void Build(
      const std::vector<std::string_view>& groups,
      absl::flat_hash_map<std::string, std::vector<std::string_view>>* map) {
    for (std::string_view g : groups) {
      std::vector<std::string_view> words;
      size_t start = 0;
      while (start <= g.size()) {
        size_t bar = g.find('|', start);
        if (bar == std::string_view::npos) bar = g.size();
        if (bar > start) words.push_back(g.substr(start, bar - start));
        start = bar + 1;
      }
      for (std::string_view w : words) {
        std::string key(w);
        if (map->contains(key)) continue;  // first group wins
        std::vector<std::string_view> alts;
        for (std::string_view o : words) {
          if (o != w) alts.push_back(o);
        }
        if (!alts.empty()) map->emplace(std::move(key), std::move(alts));
      }
    }
  }

  static const WordTables& Get() {
    static const WordTables* const t = [] {
      auto* w = new WordTables;
      Build(GetBuiltinTables().synonym_groups, &w->synonyms);
      Build(GetBuiltinTables().function_word_groups, &w->function);
      return w;
    }();
    return *t;
  }
};

enum class CaseShape { kLower, kCapitalised, kUpper };

// Applies the case shape of the original word to `word` (lower case).
void AppendWithCase(std::string_view word, CaseShape shape, std::string* out) {
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (shape == CaseShape::kUpper ||
        (shape == CaseShape::kCapitalised && i == 0)) {
      c = ToUpper(c);
    }
    out->push_back(c);
  }
}

constexpr std::string_view kKeyboardRows[] = {"qwertyuiop", "asdfghjkl",
                                              "zxcvbnm"};

char KeyboardNeighbour(char c, Rng* rng) {
  char lower = ToLower(c);
  for (std::string_view row : kKeyboardRows) {
    size_t p = row.find(lower);
    if (p == std::string_view::npos) continue;
    char n;
    if (p == 0) {
      n = row[1];
    } else if (p + 1 == row.size()) {
      n = row[p - 1];
    } else {
      n = rng->Bernoulli(0.5) ? row[p - 1] : row[p + 1];
    }
    return IsAsciiUpper(c) ? ToUpper(n) : n;
  }
  return c == 'x' ? 'z' : 'x';
}

// Writes a typo of `core` (>= 4 ASCII letters) to `*out`; always differs.
void AppendTypo(std::string_view core, Rng* rng, std::string* out) {
  size_t n = core.size();
  size_t start = out->size();
  switch (rng->Uniform(4)) {
    case 0: {                              // swap two adjacent interior letters
      size_t p = 1 + rng->Uniform(n - 2);  // p in [1, n-2], swap p, p+1
      if (p + 1 < n && core[p] != core[p + 1]) {
        out->append(core);
        std::swap((*out)[start + p], (*out)[start + p + 1]);
        return;
      }
      [[fallthrough]];
    }
    case 1: {  // drop an interior letter
      size_t p = 1 + rng->Uniform(n - 2);
      out->append(core.substr(0, p));
      out->append(core.substr(p + 1));
      return;
    }
    case 2: {  // double a letter
      size_t p = 1 + rng->Uniform(n - 1);
      out->append(core.substr(0, p + 1));
      out->append(core.substr(p));
      return;
    }
    default: {  // hit a neighbouring key
      size_t p = 1 + rng->Uniform(n - 1);
      out->append(core);
      (*out)[start + p] = KeyboardNeighbour(core[p], rng);
      return;
    }
  }
}

enum class WordEditMode { kEdited, kReworded };

// Rewrites `sentence` into `*out` with about `rate` of its words changed.
// Returns the number of words changed. Words keep their count and order.
size_t EditWords(std::string_view sentence, WordEditMode mode, double rate,
                 Rng* rng, std::string* out, std::string* lower) {
  const WordTables& tables = WordTables::Get();
  out->clear();
  size_t changed = 0;
  int pending = 0;
  size_t i = 0;
  while (i < sentence.size()) {
    if (sentence[i] == ' ') {
      out->push_back(' ');
      ++i;
      continue;
    }
    size_t end = sentence.find(' ', i);
    if (end == std::string_view::npos) end = sentence.size();
    std::string_view token = sentence.substr(i, end - i);
    const bool first_token = i == 0;
    i = end;
    if (rng->Bernoulli(rate) && pending < 3) ++pending;
    if (pending == 0) {
      out->append(token);
      continue;
    }
    // Split into prefix, core (ASCII letters, inner apostrophes/hyphens are
    // not allowed: such words are left alone) and suffix.
    size_t a = 0;
    while (a < token.size() && !IsAsciiAlnum(token[a]) &&
           static_cast<unsigned char>(token[a]) < 0x80) {
      ++a;
    }
    size_t b = a;
    while (b < token.size() && IsAsciiAlpha(token[b])) ++b;
    std::string_view core = token.substr(a, b - a);
    std::string_view suffix = token.substr(b);
    bool suffix_ok = true;
    for (char c : suffix) {
      if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
        suffix_ok = false;
      }
    }
    if (core.empty() || !suffix_ok) {
      out->append(token);
      continue;
    }
    lower->assign(core);
    bool all_upper = core.size() > 1;
    for (char& c : *lower) {
      if (!IsAsciiUpper(c)) all_upper = false;
      c = ToLower(c);
    }
    CaseShape shape = all_upper               ? CaseShape::kUpper
                      : IsAsciiUpper(core[0]) ? CaseShape::kCapitalised
                                              : CaseShape::kLower;
    const std::vector<std::string_view>* alts = nullptr;
    // A capitalised word inside a sentence is likely a name: typos only.
    const bool name = shape != CaseShape::kLower && !first_token;
    if (name) {
      // no synonym
    } else if (auto it = tables.synonyms.find(*lower);
               it != tables.synonyms.end()) {
      alts = &it->second;
    } else if (mode == WordEditMode::kReworded) {
      if (auto f = tables.function.find(*lower); f != tables.function.end()) {
        alts = &f->second;
      }
    }
    bool typo = false;
    if (alts == nullptr) {
      bool eligible = core.size() >= 4 && shape != CaseShape::kUpper;
      // Rewording prefers real words; a typo takes some of the changes.
      typo = eligible && (mode == WordEditMode::kEdited || rng->Bernoulli(0.4));
      if (!typo) {
        out->append(token);
        continue;
      }
    }
    out->append(token.substr(0, a));
    if (typo) {
      AppendTypo(core, rng, out);
    } else {
      AppendWithCase((*alts)[rng->Uniform(alts->size())], shape, out);
    }
    out->append(suffix);
    --pending;
    ++changed;
  }
  return changed;
}

// ---------------------------------------------------------------------------
// Typography.

// NFD of U+00C0..U+00FF: base letter and the second byte of the combining
// mark (U+03xx encoded as 0xCC xx); 0 = no decomposition.
struct Decomposition {
  char base;
  unsigned char mark;
};
constexpr unsigned char kGrave = 0x80, kAcute = 0x81, kCirc = 0x82,
                        kTilde = 0x83, kDiaer = 0x88, kRing = 0x8A,
                        kCedil = 0xA7;
constexpr Decomposition kLatin1Nfd[64] = {
    {'A', kGrave}, {'A', kAcute}, {'A', kCirc},  {'A', kTilde}, {'A', kDiaer},
    {'A', kRing},  {0, 0},        {'C', kCedil}, {'E', kGrave}, {'E', kAcute},
    {'E', kCirc},  {'E', kDiaer}, {'I', kGrave}, {'I', kAcute}, {'I', kCirc},
    {'I', kDiaer}, {0, 0},        {'N', kTilde}, {'O', kGrave}, {'O', kAcute},
    {'O', kCirc},  {'O', kTilde}, {'O', kDiaer}, {0, 0},        {0, 0},
    {'U', kGrave}, {'U', kAcute}, {'U', kCirc},  {'U', kDiaer}, {'Y', kAcute},
    {0, 0},        {0, 0},        {'a', kGrave}, {'a', kAcute}, {'a', kCirc},
    {'a', kTilde}, {'a', kDiaer}, {'a', kRing},  {0, 0},        {'c', kCedil},
    {'e', kGrave}, {'e', kAcute}, {'e', kCirc},  {'e', kDiaer}, {'i', kGrave},
    {'i', kAcute}, {'i', kCirc},  {'i', kDiaer}, {0, 0},        {'n', kTilde},
    {'o', kGrave}, {'o', kAcute}, {'o', kCirc},  {'o', kTilde}, {'o', kDiaer},
    {0, 0},        {0, 0},        {'u', kGrave}, {'u', kAcute}, {'u', kCirc},
    {'u', kDiaer}, {'y', kAcute}, {0, 0},        {'y', kDiaer},
};

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";
constexpr std::string_view kLeftSingle = "\xE2\x80\x98";
constexpr std::string_view kRightSingle = "\xE2\x80\x99";
constexpr std::string_view kEmDash = "\xE2\x80\x94";
constexpr std::string_view kNbsp = "\xC2\xA0";

enum TypographyFlag : unsigned {
  kCurlyQuotes = 1,
  kEmDashes = 2,
  kNfd = 4,
  kNbspFlag = 8,
  kAmpEntity = 16,
  kAllTypography = 31,
};

// Appends in[*i..) up to (not including) the next byte in `stops`; leaves
// *i at that byte (or at the end).
void CopyUntil(std::string_view in, std::string_view stops, size_t* i,
               std::string* out) {
  size_t next;
  if (stops.size() == 1) {
    const void* p = std::memchr(in.data() + *i, stops[0], in.size() - *i);
    next = p == nullptr ? in.size() : static_cast<const char*>(p) - in.data();
  } else {
    next = in.find_first_of(stops, *i);
    if (next == std::string_view::npos) next = in.size();
  }
  out->append(in.data() + *i, next - *i);
  *i = next;
}

void CurlyQuotes(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (true) {
    CopyUntil(in, "\"'", &i, out);
    if (i >= in.size()) return;
    const char c = in[i];
    const char prev = i == 0 ? ' ' : in[i - 1];
    const bool opening =
        IsSpace(prev) || prev == '(' || prev == '[' || prev == '-';
    if (c == '"') {
      out->append(opening ? kLeftDouble : kRightDouble);
    } else {
      out->append(opening ? kLeftSingle : kRightSingle);
    }
    ++i;
  }
}

// " - " and " -- " become " — ".
void EmDashes(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (true) {
    CopyUntil(in, "-", &i, out);
    if (i >= in.size()) return;
    size_t j = i;
    while (j < in.size() && in[j] == '-') ++j;
    if (i > 0 && in[i - 1] == ' ' && j - i <= 2 && j < in.size() &&
        in[j] == ' ') {
      out->append(kEmDash);
    } else {
      out->append(in.data() + i, j - i);
    }
    i = j;
  }
}

void DecomposeLatin1(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (true) {
    CopyUntil(in, "\xC3", &i, out);
    if (i >= in.size()) return;
    if (i + 1 < in.size()) {
      const unsigned char d = static_cast<unsigned char>(in[i + 1]);
      if (d >= 0x80 && d <= 0xBF && kLatin1Nfd[d - 0x80].base != 0) {
        const Decomposition& nfd = kLatin1Nfd[d - 0x80];
        out->push_back(nfd.base);
        out->push_back(static_cast<char>(0xCC));
        out->push_back(static_cast<char>(nfd.mark));
        i += 2;
        continue;
      }
    }
    out->push_back(in[i++]);
  }
}

// Replaces spaces after numbers and titles by NBSP (70%) and a few other
// spaces (3%); never a space before a line break or another space.
void NonBreakingSpaces(std::string_view in, Rng* rng, std::string* out) {
  out->clear();
  size_t i = 0;
  while (true) {
    CopyUntil(in, " ", &i, out);
    if (i >= in.size()) return;
    if (i == 0 || i + 1 >= in.size() || in[i + 1] == ' ' || in[i + 1] == '\n') {
      out->push_back(' ');
      ++i;
      continue;
    }
    const char prev = in[i - 1];
    const bool after_title =
        prev == '.' && i >= 3 &&
        (in.substr(i - 3, 3) == "Mr." || in.substr(i - 3, 3) == "Dr." ||
         in.substr(i - 3, 3) == "Ms.");
    const double p = (IsDigit(prev) || after_title) ? 0.7 : 0.03;
    if (rng->Bernoulli(p)) {
      out->append(kNbsp);
    } else {
      out->push_back(' ');
    }
    ++i;
  }
}

void AmpEntities(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (true) {
    CopyUntil(in, "&", &i, out);
    if (i >= in.size()) return;
    out->append("&amp;");
    ++i;
  }
}

void ApplyTypography(unsigned flags, Rng* rng, std::string* text,
                     std::string* scratch) {
  if (flags & kCurlyQuotes) {
    CurlyQuotes(*text, scratch);
    text->swap(*scratch);
  }
  if (flags & kEmDashes) {
    EmDashes(*text, scratch);
    text->swap(*scratch);
  }
  if (flags & kNfd) {
    DecomposeLatin1(*text, scratch);
    text->swap(*scratch);
  }
  if (flags & kNbspFlag) {
    NonBreakingSpaces(*text, rng, scratch);
    text->swap(*scratch);
  }
  if (flags & kAmpEntity) {
    AmpEntities(*text, scratch);
    text->swap(*scratch);
  }
}

// ---------------------------------------------------------------------------
// Templated distractors.

void AppendInt(uint64_t v, std::string* out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof(buf), "%llu",
                        static_cast<unsigned long long>(v));
  out->append(buf, n);
}

// v / 10^decimals, formatted from integers (no floating point).
void AppendFixed(uint64_t v, int decimals, std::string* out) {
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  AppendInt(v / scale, out);
  if (decimals > 0) {
    out->push_back('.');
    char buf[24];
    int n = std::snprintf(buf, sizeof(buf), "%0*llu", decimals,
                          static_cast<unsigned long long>(v % scale));
    out->append(buf, n);
  }
}

template <typename T>
std::string_view Pick(const std::vector<T>& v, Rng* rng) {
  return v[rng->Uniform(v.size())];
}

// Slot values of one distractor, all drawn up front so that repeated slots
// agree and related slots are consistent.
class TemplateSlots {
 public:
  explicit TemplateSlots(Rng* rng) {
    const BuiltinTables& t = GetBuiltinTables();
    std::string_view company = Pick(t.companies, rng);
    Set("company", company);
    std::string ticker;
    for (size_t i = 0; i < company.size() && ticker.size() < 4; ++i) {
      if (IsAsciiAlpha(company[i]) &&
          (ticker.size() < 3 || i == 0 || company[i - 1] == ' ')) {
        ticker.push_back(ToUpper(company[i]));
      }
    }
    Set("ticker", ticker);
    bool up = rng->Bernoulli(0.5);
    Set("moved", up ? "rose" : "fell");
    Fixed("pct", rng->Range(1, 150), 1);
    uint64_t price = rng->Range(500, 50000);  // cents
    Fixed("price", price, 2);
    Fixed("low52", price * rng->Range(50, 95) / 100, 2);
    Fixed("high52", price * rng->Range(105, 180) / 100, 2);
    Set("city", Pick(t.cities, rng));
    Set("weekday", Pick(t.weekdays, rng));
    Grouped("volume", rng->Range(100000, 9999999));
    Grouped("avg_volume", rng->Range(100000, 9999999));
    Set("index_moved", rng->Bernoulli(0.5) ? "rose" : "fell");
    Fixed("index_pct", rng->Range(1, 30), 1);
    // Weather.
    Set("condition", Pick(t.weather_conditions, rng));
    uint64_t low = rng->Range(0, 25);
    Int("low", low);
    Int("high", low + rng->Range(3, 14));
    static const std::vector<std::string_view> kDirections = {
        "north", "north-east", "east", "south-east",
        "south", "south-west", "west", "north-west"};
    Set("wind_dir", Pick(kDirections, rng));
    Int("wind", rng->Range(5, 60));
    Int("rain", rng->Range(0, 20) * 5);
    // One draw per statement: argument evaluation order is unspecified.
    const uint64_t sunrise_h = rng->Range(5, 7);
    const uint64_t sunrise_m = rng->Range(0, 59);
    Clock("sunrise", sunrise_h, sunrise_m);
    const uint64_t sunset_h = rng->Range(17, 21);
    const uint64_t sunset_m = rng->Range(0, 59);
    Clock("sunset", sunset_h, sunset_m);
    // Sports.
    size_t t1 = rng->Uniform(t.teams.size());
    size_t t2 = (t1 + 1 + rng->Uniform(t.teams.size() - 1)) % t.teams.size();
    Set("team1", t.teams[t1]);
    Set("team2", t.teams[t2]);
    uint64_t s1 = rng->Range(1, 5);
    Int("score1", s1);
    Int("score2", rng->Range(0, s1 - 1));
    Set("player", Pick(t.players, rng));
    static const std::vector<std::string_view> kBeat = {
        "beat", "edged past", "saw off", "overcame", "defeated"};
    Set("beat", Pick(kBeat, rng));
    Set("venue", Pick(t.venues, rng));
    Int("minute", rng->Range(4, 89));
    Grouped("attendance", rng->Range(3000, 75000));
    uint64_t position = rng->Range(1, 20);
    std::string pos;
    AppendInt(position, &pos);
    pos += OrdinalSuffix(position);
    Set("position", pos);
    uint64_t played = rng->Range(10, 38);
    Int("played", played);
    Int("points", rng->Range(played / 2, played * 2));
    Int("points2", rng->Range(played / 3, played * 2));
    // Currencies.
    Set("currency", Pick(t.currencies, rng));
    bool fx_up = rng->Bernoulli(0.5);
    Set("fx_moved", fx_up ? "strengthened" : "weakened");
    Fixed("fx_pct", rng->Range(1, 25), 1);
    Fixed("fx_rate", rng->Range(5000, 1500000), 4);
    static const std::vector<std::string_view> kStreak = {
        "second", "third", "fourth", "fifth", "sixth"};
    Set("streak", Pick(kStreak, rng));
    Set("direction_noun", fx_up ? "gains" : "losses");
    static const std::vector<std::string_view> kVolumes = {
        "thin", "light", "moderate", "heavy", "above average"};
    Set("volume_adj", Pick(kVolumes, rng));
    static const std::vector<std::string_view> kEvents = {
        "inflation", "jobs",   "retail sales",
        "trade",     "growth", "manufacturing"};
    Set("event", Pick(kEvents, rng));
  }

  std::string_view Get(std::string_view name) const {
    for (const auto& [k, v] : values_) {
      if (k == name) return v;
    }
    assert(false && "unknown template slot");
    return {};
  }

 private:
  void Set(std::string_view name, std::string_view v) {
    values_.emplace_back(name, std::string(v));
  }
  void Int(std::string_view name, uint64_t v) {
    std::string s;
    AppendInt(v, &s);
    Set(name, s);
  }
  void Grouped(std::string_view name, uint64_t v) {
    std::string s;
    AppendGrouped(v, &s);
    Set(name, s);
  }
  void Fixed(std::string_view name, uint64_t v, int decimals) {
    std::string s;
    AppendFixed(v, decimals, &s);
    Set(name, s);
  }
  void Clock(std::string_view name, uint64_t h, uint64_t m) {
    char buf[8];
    std::snprintf(buf, sizeof(buf), "%02u:%02u", static_cast<unsigned>(h),
                  static_cast<unsigned>(m));
    Set(name, buf);
  }

  std::vector<std::pair<std::string_view, std::string>> values_;
};

// Replaces "{slot}" in `frame` by slot values.
void FillFrame(std::string_view frame, const TemplateSlots& slots,
               std::string* out) {
  size_t i = 0;
  while (i < frame.size()) {
    size_t open = frame.find('{', i);
    if (open == std::string_view::npos) {
      out->append(frame.substr(i));
      return;
    }
    out->append(frame.substr(i, open - i));
    size_t close = frame.find('}', open);
    assert(close != std::string_view::npos);
    out->append(slots.Get(frame.substr(open + 1, close - open - 1)));
    i = close + 1;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Public helpers.

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t DeriveSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  uint64_t s = seed;
  uint64_t a = SplitMix64(&s);
  s = a ^ (stream * 0xD1B54A32D192ED03ull);
  uint64_t b = SplitMix64(&s);
  s = b ^ (index * 0xAEF17502108EF2D9ull);
  return SplitMix64(&s);
}

Rng::Rng(uint64_t seed) {
  uint64_t s = seed;
  for (uint64_t& word : s_) word = SplitMix64(&s);
}

uint64_t Rng::Next() {
  auto rotl = [](uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Rng::Uniform(uint64_t n) {
  assert(n >= 1);
  return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >>
                               64);
}

double Rng::Double() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

std::string_view EditKindName(EditKind kind) {
  switch (kind) {
    case EditKind::kOriginal:
      return "original";
    case EditKind::kVerbatim:
      return "verbatim";
    case EditKind::kTruncated:
      return "truncated";
    case EditKind::kEdited:
      return "edited";
    case EditKind::kReworded:
      return "reworded";
    case EditKind::kTemplate:
      return "template";
    case EditKind::kMulti:
      return "multi";
  }
  return "?";
}

absl::StatusOr<std::string> ExtractJsonStringField(std::string_view line,
                                                   std::string_view key) {
  std::string value;
  JsonField fields[] = {{key, &value}};
  if (absl::Status status = ScanJsonObject(line, fields); !status.ok()) {
    return status;
  }
  if (fields[0].type == JsonType::kMissing) {
    return absl::NotFoundError(absl::StrCat("no \"", AV(key), "\" field"));
  }
  if (fields[0].type != JsonType::kString) {
    return absl::InvalidArgumentError(
        absl::StrCat("field \"", AV(key), "\" is not a string"));
  }
  return value;
}

std::vector<std::string> SplitSentences(std::string_view p) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (c == '.' && i + 1 < p.size() && p[i + 1] == '.') continue;  // "..."
    size_t j = i + 1;
    while (j < p.size()) {
      size_t len = CloserLength(p, j);
      if (len == 0) break;
      j += len;
    }
    if (j >= p.size() || p[j] != ' ') continue;
    size_t k = j;
    while (k < p.size() && p[k] == ' ') ++k;
    if (!CanStartSentence(p, k)) continue;
    if (c == '.' && IsAbbreviationDot(p, i)) continue;
    std::string_view s = Trim(p.substr(start, j - start));
    if (!s.empty()) out.emplace_back(s);
    start = k;
    i = k - 1;
  }
  std::string_view rest = Trim(p.substr(std::min(start, p.size())));
  if (!rest.empty()) out.emplace_back(rest);
  return out;
}

Article ParseArticle(std::string_view text) {
  // Split into lines; blank lines separate blocks.
  std::vector<std::vector<std::string_view>> blocks(1);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
    pos = nl + 1;
  }
  if (blocks.back().empty()) blocks.pop_back();

  Article article;
  size_t first = 0;
  if (blocks.size() >= 2 && blocks[0].size() == 1 &&
      Trim(blocks[0][0]).size() <= 200) {
    std::string headline;
    AppendFolded(blocks[0][0], &headline);
    article.headline = std::move(headline);
    first = 1;
  }
  uint32_t paragraph = 0;
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    if (para != "Reuter" && para != "REUTER") {
      for (std::string& s : SplitSentences(para)) {
        article.sentences.push_back(std::move(s));
        article.paragraph.push_back(paragraph);
      }
      ++paragraph;
    }
    para.clear();
  };
  for (size_t b = first; b < blocks.size(); ++b) {
    for (size_t l = 0; l < blocks[b].size(); ++l) {
      std::string_view line = blocks[b][l];
      if (l > 0 && IsSpace(line[0])) flush();  // indented: new paragraph
      AppendFolded(line, &para);
    }
    flush();
  }
  return article;
}

const char* OrdinalSuffix(uint64_t n) {
  if (n % 100 >= 11 && n % 100 <= 13) return "th";
  switch (n % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

void AppendGrouped(uint64_t v, std::string* out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof(buf), "%llu",
                        static_cast<unsigned long long>(v));
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out->push_back(',');
    out->push_back(buf[i]);
  }
}

// ---------------------------------------------------------------------------
// BaseText.

namespace {

// Word 3-grams of an article's sentences (lower-cased ASCII letters and
// digits form words), sorted and unique.
std::vector<uint64_t> ArticleTrigrams(const Article& article) {
  std::vector<uint64_t> words, grams;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (const std::string& sentence : article.sentences) {
    for (char c : sentence) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80) {
        word.push_back(static_cast<char>(std::tolower(u)));
      } else {
        flush();
      }
    }
    flush();
  }
  for (size_t i = 2; i < words.size(); ++i) {
    const uint64_t three[3] = {words[i - 2], words[i - 1], words[i]};
    grams.push_back(XXH3_64bits(three, sizeof(three)));
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

// Finds articles that repeat an earlier kept one: a re-filed, corrected or
// updated wire story shares much of its text with the first filing, and as
// a separate base story it would put copies of one story under two truth
// labels. Overlap coefficient of word 3-grams |A∩B| / min(|A|, |B|) >=
// kRepeatOverlap counts as a repeat (unrelated stories on one topic share a
// few stock phrases, well below it). Trigrams shared by more than
// kMaxPosting kept articles are stock phrases and are not counted.
class RepeatFinder {
 public:
  static constexpr double kRepeatOverlap = 0.3;
  static constexpr size_t kMaxPosting = 64;

  // True if `grams` repeats a kept article; otherwise keeps it.
  bool RepeatsOrKeep(const std::vector<uint64_t>& grams) {
    shared_.clear();
    for (uint64_t g : grams) {
      auto it = postings_.find(g);
      if (it == postings_.end() || it->second.size() > kMaxPosting) continue;
      for (uint32_t kept : it->second) ++shared_[kept];
    }
    for (const auto& [kept, shared] : shared_) {
      const size_t smaller = std::min(grams.size(), sizes_[kept]);
      if (shared >= kRepeatOverlap * static_cast<double>(smaller)) return true;
    }
    const uint32_t id = static_cast<uint32_t>(sizes_.size());
    sizes_.push_back(grams.size());
    for (uint64_t g : grams) postings_[g].push_back(id);
    return false;
  }

 private:
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> postings_;
  std::vector<size_t> sizes_;
  absl::flat_hash_map<uint32_t, uint32_t> shared_;
};

}  // namespace

absl::StatusOr<BaseText> BaseText::FromTexts(
    const std::vector<std::string>& texts) {
  BaseText base;
  absl::flat_hash_set<uint64_t> seen_sentences;
  RepeatFinder repeats;
  for (const std::string& text : texts) {
    Article a = ParseArticle(text);
    for (const std::string& s : a.sentences) {
      if (IsPoolSentence(s) &&
          seen_sentences.insert(XXH3_64bits(s.data(), s.size())).second) {
        base.pool_.push_back(s);
      }
    }
    if (a.sentences.size() < 3) continue;
    if (repeats.RepeatsOrKeep(ArticleTrigrams(a))) {
      ++base.repeats_dropped_;
      continue;
    }
    base.articles_.push_back(std::move(a));
  }
  if (base.pool_.empty()) {
    return absl::InvalidArgumentError(
        "base text has no usable sentence (need sentences of 4-80 words "
        "ending in . ! or ?)");
  }
  return base;
}

BaseText BaseText::Builtin() {
  BaseText base;
  base.generated_ = true;
  return base;
}

absl::StatusOr<BaseText> BaseText::LoadJsonl(const std::string& path,
                                             std::string_view field) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open base corpus ", path,
                                            ": ", std::strerror(errno)));
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    return absl::DataLossError(absl::StrCat("error reading ", path));
  }
  std::vector<std::string> texts;
  size_t pos = 0;
  uint64_t line_no = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (Trim(line).empty()) continue;
    absl::StatusOr<std::string> text = ExtractJsonStringField(line, field);
    if (!text.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_no, ": ", text.status().message()));
    }
    texts.push_back(*std::move(text));
  }
  absl::StatusOr<BaseText> base = FromTexts(texts);
  if (!base.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", base.status().message()));
  }
  return base;
}

// ---------------------------------------------------------------------------
// Options.

absl::Status SynthOptions::Validate() const {
  if (docs == 0) return absl::InvalidArgumentError("--docs must be >= 1");
  if (docs > 10'000'000'000ull) {
    return absl::InvalidArgumentError("--docs must be <= 10000000000");
  }
  if (output_dir.empty()) {
    return absl::InvalidArgumentError("an output directory (-o) is required");
  }
  if (shuffle_block == 0) {
    return absl::InvalidArgumentError("shuffle_block must be >= 1");
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// StoryGenerator.

struct StoryGenerator::Impl {
  const BaseText& base;
  SynthOptions options;
  bool keep_structure;
  uint64_t unit = 0;
  uint64_t next_story = 0;
  uint64_t next_article = 0;
  double p_template;
  double p_multi;

  Article remix;  // storage for a remixed story
  std::string headline;
  Article prev;  // previous story, for multi-story pages
  std::string prev_headline;
  bool has_prev = false;

  // Story-level decoration for scraped pages (same on every copy).
  std::string caption;
  std::string_view layout_token;

  // Scratch.
  std::vector<uint32_t> kept;
  std::vector<std::string> edited;  // word-edited sentences (by kept index)
  std::vector<uint8_t> is_edited;
  std::string word_out, lower, scratch, copy_headline;
  std::vector<size_t> outlet_order;

  Impl(const BaseText& b, const SynthOptions& o, bool keep)
      : base(b), options(o), keep_structure(keep) {
    const double copies_share =
        1.0 - kTemplateShare - (options.multi_story_pages ? kMultiShare : 0);
    const double r = kTemplateShare * kMeanCopies / copies_share;
    p_template = r / (1 + r);
    p_multi = options.multi_story_pages
                  ? kMultiShare * kMeanCopies / copies_share
                  : 0.0;
  }

  void MakeRemix(Rng* rng) {
    const std::vector<std::string>& pool = base.sentence_pool();
    size_t k = rng->Range(kMinRemixSentences, kMaxRemixSentences);
    remix.headline.clear();
    remix.sentences.clear();
    remix.paragraph.clear();
    // Distinct sentences when the pool allows it.
    std::vector<size_t> chosen;
    const bool distinct = pool.size() >= 2 * k;
    while (chosen.size() < k) {
      size_t pick = rng->Uniform(pool.size());
      if (distinct &&
          std::find(chosen.begin(), chosen.end(), pick) != chosen.end()) {
        continue;
      }
      chosen.push_back(pick);
    }
    uint32_t paragraph = 0;
    size_t left_in_paragraph = rng->Range(1, 3);
    for (size_t s : chosen) {
      if (left_in_paragraph == 0) {
        ++paragraph;
        left_in_paragraph = rng->Range(1, 3);
      }
      remix.sentences.push_back(pool[s]);
      remix.paragraph.push_back(paragraph);
      --left_in_paragraph;
    }
  }

  // Picks the story of the next unit (number `story_number`).
  const Article& NextStory(uint64_t story_number, Rng* rng) {
    const Article* story;
    if (base.generated()) {
      GenerateBuiltinArticle(
          DeriveSeed(options.seed, kBuiltinStoryStream, story_number), &remix);
      story = &remix;
    } else if (!options.remix && next_article < base.articles().size()) {
      story = &base.articles()[next_article++];
    } else {
      MakeRemix(rng);
      story = &remix;
    }
    headline = story->headline;
    if (headline.empty()) {
      headline = HeadlineFromSentence(story->sentences[0], rng->Range(5, 9));
    }
    return *story;
  }

  void MakeCaption(uint64_t story_number) {
    Rng rng(DeriveSeed(options.seed, kStoryStream, story_number));
    const BuiltinTables& t = GetBuiltinTables();
    std::string_view frame = Pick(t.captions, &rng);
    std::string_view city = Pick(t.cities, &rng);
    std::string_view weekday = Pick(t.weekdays, &rng);
    caption.clear();
    size_t i = 0;
    while (i < frame.size()) {
      size_t open = frame.find('{', i);
      if (open == std::string_view::npos) {
        caption.append(frame.substr(i));
        break;
      }
      caption.append(frame.substr(i, open - i));
      size_t close = frame.find('}', open);
      std::string_view slot = frame.substr(open + 1, close - open - 1);
      caption.append(slot == "city" ? city : weekday);
      i = close + 1;
    }
    caption.push_back(' ');
    caption.append(Pick(t.photo_credits, &rng));
    layout_token = Pick(t.layout_tokens, &rng);
  }

  // Sentence selection for an edit kind (into `kept`), word edits (into
  // `edited`). Returns words changed.
  void PlanBody(const Article& story, EditKind kind, Rng* rng) {
    const uint32_t n = static_cast<uint32_t>(story.sentences.size());
    kept.clear();
    for (uint32_t i = 0; i < n; ++i) kept.push_back(i);
    switch (kind) {
      case EditKind::kTruncated: {
        uint32_t lo = (n + 1) / 2;  // ceil(n / 2)
        uint32_t hi = (4 * n) / 5;  // floor(0.8 n)
        if (hi < lo) hi = lo;
        kept.resize(rng->Range(lo, hi));
        break;
      }
      case EditKind::kEdited: {
        uint32_t drop = static_cast<uint32_t>(rng->Range(1, 2));
        while (drop-- > 0 && kept.size() > 1) {
          kept.erase(kept.begin() + rng->Uniform(kept.size()));
        }
        break;
      }
      case EditKind::kReworded: {
        uint32_t drop = static_cast<uint32_t>(rng->Range(0, n / 5));
        while (drop-- > 0 && kept.size() > 1) {
          kept.erase(kept.begin() + rng->Uniform(kept.size()));
        }
        if (kept.size() >= 2) {
          size_t p = rng->Uniform(kept.size() - 1);
          std::swap(kept[p], kept[p + 1]);
        }
        break;
      }
      default:
        break;
    }
    is_edited.assign(kept.size(), 0);
    if (kind == EditKind::kEdited || kind == EditKind::kReworded) {
      const bool reword = kind == EditKind::kReworded;
      if (edited.size() < kept.size()) edited.resize(kept.size());
      for (size_t i = 0; i < kept.size(); ++i) {
        size_t changed =
            EditWords(story.sentences[kept[i]],
                      reword ? WordEditMode::kReworded : WordEditMode::kEdited,
                      reword ? kRewordedWordRate : kEditedWordRate, rng,
                      &word_out, &lower);
        if (changed > 0) {
          edited[i].swap(word_out);
          is_edited[i] = 1;
        }
      }
    }
  }

  std::string_view BodySentence(const Article& story, size_t i) const {
    return is_edited[i] ? std::string_view(edited[i])
                        : std::string_view(story.sentences[kept[i]]);
  }

  void EditHeadline(const Article& story, int outlet, Rng* rng) {
    (void)story;
    const BuiltinTables& t = GetBuiltinTables();
    std::string h = copy_headline;
    switch (rng->Uniform(5)) {
      case 0:
        copy_headline = absl::StrCat(AV(Pick(t.headline_prefixes, rng)), h);
        break;
      case 1: {  // one word by a synonym (or a prefix if none)
        size_t changed =
            EditWords(h, WordEditMode::kEdited, 0.5, rng, &word_out, &lower);
        if (changed > 0 && word_out != h) {
          copy_headline = word_out;
        } else {
          copy_headline = absl::StrCat(AV(Pick(t.headline_prefixes, rng)), h);
        }
        break;
      }
      case 2: {  // change case: Title Case, or sentence case if already
        bool title = true;
        bool at_word = true;
        for (char c : h) {
          if (at_word && IsAsciiLower(c)) title = false;
          at_word = c == ' ';
        }
        copy_headline.clear();
        at_word = true;
        bool first = true;
        for (char c : h) {
          if (title) {
            copy_headline.push_back(first ? ToUpper(c) : ToLower(c));
          } else {
            copy_headline.push_back(at_word ? ToUpper(c) : ToLower(c));
          }
          at_word = c == ' ';
          if (c != ' ' && c != '"' && c != '\'') first = false;
        }
        break;
      }
      case 3:  // outlet suffix
        if (outlet >= 0) {
          copy_headline =
              absl::StrCat(h, rng->Bernoulli(0.5) ? " - " : " | ",
                           AV(t.outlets[static_cast<size_t>(outlet)].name));
        } else {
          copy_headline = absl::StrCat(h, " (video)");
        }
        break;
      default: {  // shortened: up to a colon, or the first words
        size_t colon = h.find(": ");
        if (colon != std::string::npos && colon >= 8) {
          copy_headline = h.substr(0, colon);
        } else {
          size_t words = CountWords(h);
          if (words >= 5) {
            copy_headline = HeadlineFromSentence(h, words * 2 / 3);
          } else {
            copy_headline = absl::StrCat(h, " - latest");
          }
        }
        break;
      }
    }
  }

  // Renders a copy of `story` into doc->text. `kind` decides the body;
  // decoration flags as given.
  void RenderCopy(const Article& story, std::string_view story_headline,
                  EditKind kind, int outlet, bool edit_headline, bool scraped,
                  unsigned typography, Rng* rng, SynthDoc* doc) {
    PlanBody(story, kind, rng);
    copy_headline.assign(story_headline);
    if (edit_headline) EditHeadline(story, outlet, rng);
    const Outlet* o =
        outlet >= 0 ? &GetBuiltinTables().outlets[static_cast<size_t>(outlet)]
                    : nullptr;
    WrapperKind wrapper = o != nullptr ? o->kind : WrapperKind::kNone;
    std::string& out = doc->text;
    out.clear();
    size_t estimate = 256 + copy_headline.size();
    for (uint32_t k : kept) estimate += story.sentences[k].size() + 2;
    out.reserve(estimate);
    if (scraped) {
      for (int rep = 0; rep < 2; ++rep) {
        out += copy_headline;
        out += "\n\n";
        out += caption;
        out += '\n';
        out += caption;
        out += rep == 0 ? "\n" : "\n\n";
        if (rep == 0) {
          out.append(layout_token);
          out += "\n\n";
        }
      }
    } else {
      out += copy_headline;
      out += "\n\n";
    }
    if (wrapper == WrapperKind::kByline) {
      out.append(o->text);
      out += "\n\n";
    }
    for (size_t i = 0; i < kept.size(); ++i) {
      if (i == 0) {
        if (wrapper == WrapperKind::kDateline) out.append(o->text);
      } else if (story.paragraph[kept[i]] != story.paragraph[kept[i - 1]]) {
        out += "\n\n";
      } else {
        out += ' ';
      }
      out.append(BodySentence(story, i));
    }
    if (wrapper == WrapperKind::kCopyright || wrapper == WrapperKind::kPromo) {
      out += "\n\n";
      out.append(o->text);
    }
    if (typography != 0) ApplyTypography(typography, rng, &out, &scratch);

    doc->edit = kind;
    doc->outlet = outlet;
    doc->headline_edited = edit_headline;
    doc->scraped = scraped;
    doc->typography = typography != 0;
    if (keep_structure) {
      doc->story_sentences = static_cast<uint32_t>(story.sentences.size());
      doc->kept = kept;
      doc->body.clear();
      for (size_t i = 0; i < kept.size(); ++i) {
        doc->body.emplace_back(BodySentence(story, i));
      }
    }
  }

  size_t StoryUnit(Rng* rng, size_t max_docs, std::vector<SynthDoc>* out) {
    const uint64_t story_number = next_story++;
    const Article& story = NextStory(story_number, rng);
    MakeCaption(story_number);
    const std::vector<Outlet>& outlets = GetBuiltinTables().outlets;
    const size_t copies =
        std::min<size_t>(rng->Range(kMinCopies, kMaxCopies), max_docs);
    // Distinct outlets for the copies of one story.
    outlet_order.resize(outlets.size());
    for (size_t i = 0; i < outlets.size(); ++i) outlet_order[i] = i;
    for (size_t i = 0; i < copies && i + 1 < outlets.size(); ++i) {
      size_t j = i + rng->Uniform(outlets.size() - i);
      std::swap(outlet_order[i], outlet_order[j]);
    }
    size_t appended = 0;
    for (size_t c = 0; c < copies; ++c) {
      SynthDoc& doc = out->emplace_back();
      doc.story = story_number;
      int outlet = static_cast<int>(outlet_order[c % outlets.size()]);
      if (c == 0) {
        if (!rng->Bernoulli(kOriginalWrapped)) outlet = -1;
        RenderCopy(story, headline, EditKind::kOriginal, outlet, false, false,
                   0, rng, &doc);
      } else {
        if (rng->Bernoulli(kCopyUnwrapped)) outlet = -1;
        double u = rng->Double();
        EditKind kind = u < 0.3   ? EditKind::kVerbatim
                        : u < 0.6 ? EditKind::kTruncated
                        : u < 0.9 ? EditKind::kEdited
                                  : EditKind::kReworded;
        bool edit_headline = rng->Bernoulli(kHeadlineEdited);
        bool scraped = rng->Bernoulli(kScraped);
        unsigned typography = 0;
        if (rng->Bernoulli(kTypography)) {
          for (unsigned f = 1; f <= kAmpEntity; f <<= 1) {
            if (rng->Bernoulli(0.5)) typography |= f;
          }
          if (typography == 0) typography = 1u << rng->Uniform(5);
        }
        RenderCopy(story, headline, kind, outlet, edit_headline, scraped,
                   typography, rng, &doc);
      }
      ++appended;
    }
    // A page holding a copy of this story and one of the previous story.
    if (has_prev && appended < max_docs && rng->Bernoulli(p_multi)) {
      SynthDoc& doc = out->emplace_back();
      doc.story = story_number;
      int outlet = static_cast<int>(outlet_order[rng->Uniform(copies)]);
      EditKind first =
          rng->Bernoulli(0.5) ? EditKind::kVerbatim : EditKind::kTruncated;
      RenderCopy(story, headline, first, outlet, false, false, 0, rng, &doc);
      std::vector<uint32_t> first_kept = std::move(doc.kept);
      std::vector<std::string> first_body = std::move(doc.body);
      const uint32_t first_sentences = doc.story_sentences;
      SynthDoc second;
      EditKind second_kind =
          rng->Bernoulli(0.5) ? EditKind::kVerbatim : EditKind::kTruncated;
      RenderCopy(prev, prev_headline, second_kind, -1, false, false, 0, rng,
                 &second);
      doc.text += "\n\n\n";
      doc.text += second.text;
      doc.edit = EditKind::kMulti;
      doc.kept = std::move(first_kept);
      doc.body = std::move(first_body);
      doc.story_sentences = first_sentences;
      ++appended;
    }
    if (options.multi_story_pages) {
      prev = story;
      prev_headline = headline;
      has_prev = true;
    }
    return appended;
  }

  size_t TemplateUnit(Rng* rng, std::vector<SynthDoc>* out) {
    const std::vector<std::string_view>& frames =
        GetBuiltinTables().template_frames;
    std::string_view frame = frames[rng->Uniform(frames.size())];
    TemplateSlots slots(rng);
    SynthDoc& doc = out->emplace_back();
    doc.story = next_story++;
    doc.edit = EditKind::kTemplate;
    FillFrame(frame, slots, &doc.text);
    return 1;
  }

  size_t NextUnit(size_t max_docs, std::vector<SynthDoc>* out) {
    assert(max_docs >= 1);
    Rng rng(DeriveSeed(options.seed, kUnitStream, unit++));
    if (rng.Bernoulli(p_template)) return TemplateUnit(&rng, out);
    return StoryUnit(&rng, max_docs, out);
  }
};

StoryGenerator::StoryGenerator(const BaseText& base,
                               const SynthOptions& options, bool keep_structure)
    : impl_(std::make_unique<Impl>(base, options, keep_structure)) {}

StoryGenerator::~StoryGenerator() = default;

size_t StoryGenerator::NextUnit(size_t max_docs, std::vector<SynthDoc>* out) {
  return impl_->NextUnit(max_docs, out);
}

uint64_t StoryGenerator::stories() const { return impl_->next_story; }

// ---------------------------------------------------------------------------
// Writing.

namespace {

class OutputFile {
 public:
  absl::Status Open(const std::string& path) {
    path_ = path;
    f_ = std::fopen(path.c_str(), "wb");
    if (f_ == nullptr) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot create ", path, ": ", std::strerror(errno)));
    }
    buffer_.reserve(kFlushAt + (1 << 16));
    return absl::OkStatus();
  }
  ~OutputFile() {
    if (f_ != nullptr) std::fclose(f_);
  }
  std::string* buffer() { return &buffer_; }
  uint64_t bytes() const { return bytes_ + buffer_.size(); }
  absl::Status MaybeFlush() {
    return buffer_.size() >= kFlushAt ? Flush() : absl::OkStatus();
  }
  absl::Status Flush() {
    if (!buffer_.empty() &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), f_) != buffer_.size()) {
      return absl::DataLossError(
          absl::StrCat("error writing ", path_, ": ", std::strerror(errno)));
    }
    bytes_ += buffer_.size();
    buffer_.clear();
    return absl::OkStatus();
  }
  absl::Status Close() {
    absl::Status s = Flush();
    if (std::fclose(f_) != 0 && s.ok()) {
      s = absl::DataLossError(
          absl::StrCat("error closing ", path_, ": ", std::strerror(errno)));
    }
    f_ = nullptr;
    return s;
  }

 private:
  static constexpr size_t kFlushAt = 4 << 20;
  std::string path_;
  std::FILE* f_ = nullptr;
  std::string buffer_;
  uint64_t bytes_ = 0;
};

void AppendId(char prefix, int width, uint64_t n, std::string* out) {
  char buf[32];
  int len = std::snprintf(buf, sizeof(buf), "%c%0*llu", prefix, width,
                          static_cast<unsigned long long>(n));
  out->append(buf, len);
}

}  // namespace

absl::StatusOr<SynthStats> WriteCorpus(const BaseText& base,
                                       const SynthOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (absl::Status s = options.Validate(); !s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(options.output_dir, ec);
  if (ec) {
    return absl::PermissionDeniedError(absl::StrCat(
        "cannot create directory ", options.output_dir, ": ", ec.message()));
  }
  const std::filesystem::path dir(options.output_dir);
  OutputFile corpus, truth;
  if (absl::Status s = corpus.Open((dir / "corpus.jsonl").string()); !s.ok()) {
    return s;
  }
  if (absl::Status s = truth.Open((dir / "truth.jsonl").string()); !s.ok()) {
    return s;
  }

  SynthStats stats;
  StoryGenerator generator(base, options);
  std::vector<SynthDoc> block;
  std::vector<uint32_t> order;
  std::string id;
  uint64_t block_index = 0;
  while (stats.docs < options.docs) {
    block.clear();
    const uint64_t left = options.docs - stats.docs;
    const uint64_t target = std::min<uint64_t>(options.shuffle_block, left);
    while (block.size() < target) {
      generator.NextUnit(left - block.size(), &block);
    }
    order.resize(block.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = static_cast<uint32_t>(i);
    Rng shuffle(DeriveSeed(options.seed, kShuffleStream, block_index++));
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[shuffle.Uniform(i)]);
    }
    for (uint32_t k : order) {
      const SynthDoc& doc = block[k];
      id.clear();
      AppendId('d', 7, stats.docs, &id);
      std::string* c = corpus.buffer();
      c->append("{\"id\": \"");
      c->append(id);
      c->append("\", \"text\": ");
      AppendJsonString(c, doc.text);
      c->append("}\n");
      std::string* t = truth.buffer();
      t->append("{\"id\": \"");
      t->append(id);
      t->append("\", \"story\": \"");
      AppendId('s', 6, doc.story, t);
      t->append("\", \"edit\": \"");
      t->append(EditKindName(doc.edit));
      t->append("\"}\n");
      ++stats.docs;
      ++stats.by_edit[static_cast<size_t>(doc.edit)];
      if (absl::Status s = corpus.MaybeFlush(); !s.ok()) return s;
      if (absl::Status s = truth.MaybeFlush(); !s.ok()) return s;
    }
  }
  stats.corpus_bytes = corpus.bytes();
  stats.truth_bytes = truth.bytes();
  if (absl::Status s = corpus.Close(); !s.ok()) return s;
  if (absl::Status s = truth.Close(); !s.ok()) return s;
  stats.stories = generator.stories();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return stats;
}

absl::StatusOr<SynthStats> WriteCorpus(const SynthOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (absl::Status s = options.Validate(); !s.ok()) return s;
  absl::StatusOr<BaseText> base = options.base_path.empty()
                                      ? BaseText::Builtin()
                                      : BaseText::LoadJsonl(options.base_path);
  if (!base.ok()) return base.status();
  absl::StatusOr<SynthStats> stats = WriteCorpus(*base, options);
  if (stats.ok()) {
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
  }
  return stats;
}

}  // namespace neardup::synth

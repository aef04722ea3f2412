// Scoring of clusters and pairs; see neardup/eval.h.
//
// Exactness with score.py: Python divides integers with correct rounding,
// rounds to 4 decimals on the exact binary value (half to even) and prints
// the shortest repr. IntDiv() and FormatRound4() reproduce both, and the
// remaining floating-point steps are done in the same order in double.
#include "neardup/eval.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "neardup/status_macros.h"

namespace neardup {
namespace {

using u128 = unsigned __int128;

absl::string_view AV(std::string_view s) { return {s.data(), s.size()}; }

// ---------------------------------------------------------------------------
// Exact arithmetic.

int BitLength(u128 x) {
  int n = 0;
  while (x != 0) {
    x >>= 1;
    ++n;
  }
  return n;
}

// q * 2^exp rounded to the nearest double (ties to even); `sticky` says the
// true value is slightly above q * 2^exp (a non-zero remainder was dropped).
double RoundToDouble(u128 q, bool sticky, int exp) {
  const int len = BitLength(q);
  if (len <= 53) {
    // Exact unless sticky, in which case q has been made >= 2^54 by the
    // caller, so this branch only sees exact values.
    return std::ldexp(static_cast<double>(static_cast<uint64_t>(q)), exp);
  }
  const int shift = len - 53;
  uint64_t mant = static_cast<uint64_t>(q >> shift);
  const u128 rem = q & ((u128{1} << shift) - 1);
  const u128 half = u128{1} << (shift - 1);
  if (rem > half || (rem == half && (sticky || (mant & 1) != 0))) ++mant;
  return std::ldexp(static_cast<double>(mant), exp + shift);
}

// Correctly rounded n / d for integers (Python's int / int), d > 0.
double IntDiv(u128 n, u128 d) {
  if (n == 0) return 0.0;
  u128 q = n / d;
  u128 r = n % d;
  int exp = 0;
  // Produce quotient bits until there are at least 55 (53 + guard + round),
  // so that `sticky` can only matter below the rounding position.
  while (q < (u128{1} << 54)) {
    r <<= 1;
    q <<= 1;
    if (r >= d) {
      r -= d;
      q |= 1;
    }
    --exp;
  }
  return RoundToDouble(q, r != 0, exp);
}

double IntToDouble(uint64_t n) { return IntDiv(n, 1); }

uint64_t Choose2(uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// ---------------------------------------------------------------------------
// Minimal JSON (one value per line; Python's json.loads dialect: also
// accepts NaN, Infinity and -Infinity).

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  ///< string value, or a number's literal
  std::vector<JsonValue> items;
  std::vector<std::string> keys;  ///< object member names, in order
  std::vector<JsonValue> values;  ///< object member values (same order)

  /// Last member named `key` (Python keeps the last duplicate), or null.
  const JsonValue* Get(std::string_view key) const {
    for (size_t i = keys.size(); i-- > 0;) {
      if (keys[i] == key) return &values[i];
    }
    return nullptr;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}

  absl::Status Parse(JsonValue* out) {
    SkipWs();
    NEARDUP_RETURN_IF_ERROR(Value(out, 0));
    SkipWs();
    if (i_ != s_.size()) return Error("extra data after the JSON value");
    return absl::OkStatus();
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid JSON at column ", i_ + 1, ": ", AV(what)));
  }
  void SkipWs() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  absl::Status Value(JsonValue* v, int depth) {
    if (depth > 200) return Error("nesting too deep");
    if (i_ >= s_.size()) return Error("unexpected end");
    char c = s_[i_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') {
      v->type = JsonValue::Type::kString;
      return String(&v->text);
    }
    if (Literal("true")) {
      v->type = JsonValue::Type::kBool;
      v->boolean = true;
      return absl::OkStatus();
    }
    if (Literal("false")) {
      v->type = JsonValue::Type::kBool;
      return absl::OkStatus();
    }
    if (Literal("null")) {
      v->type = JsonValue::Type::kNull;
      return absl::OkStatus();
    }
    for (std::string_view special : {"NaN", "Infinity", "-Infinity"}) {
      if (Literal(special)) {
        v->type = JsonValue::Type::kNumber;
        v->text = std::string(special);
        return absl::OkStatus();
      }
    }
    return Number(v);
  }

  absl::Status Number(JsonValue* v) {
    const size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const size_t int_start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    if (i_ == int_start) return Error("expected a value");
    if (s_[int_start] == '0' && i_ - int_start > 1) {
      return Error("leading zero in a number");
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      const size_t frac = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == frac) return Error("expected digits after '.'");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      const size_t exp = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == exp) return Error("expected exponent digits");
    }
    v->type = JsonValue::Type::kNumber;
    v->text.assign(s_.substr(start, i_ - start));
    return absl::OkStatus();
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(uint32_t* out) {
    if (i_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      int h = Hex(s_[i_ + k]);
      if (h < 0) return false;
      v = v << 4 | static_cast<uint32_t>(h);
    }
    i_ += 4;
    *out = v;
    return true;
  }
  static void Utf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | cp >> 6));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | cp >> 12));
      out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | cp >> 18));
      out->push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  absl::Status String(std::string* out) {
    ++i_;  // opening quote
    out->clear();
    while (true) {
      const size_t start = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' &&
             static_cast<unsigned char>(s_[i_]) >= 0x20) {
        ++i_;
      }
      out->append(s_.data() + start, i_ - start);
      if (i_ >= s_.size()) return Error("unterminated string");
      const char c = s_[i_];
      if (c == '"') {
        ++i_;
        return absl::OkStatus();
      }
      if (c != '\\') return Error("control character in string");
      if (++i_ >= s_.size()) return Error("unterminated escape");
      const char e = s_[i_++];
      switch (e) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return Error("bad \\u escape");
          if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() &&
              s_[i_] == '\\' && s_[i_ + 1] == 'u') {
            const size_t save = i_;
            i_ += 2;
            uint32_t lo;
            if (Hex4(&lo) && lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              i_ = save;
            }
          }
          // A lone surrogate cannot be UTF-8: U+FFFD.
          if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
          Utf8(cp, out);
          break;
        }
        default:
          return Error("bad escape");
      }
    }
  }

  absl::Status Array(JsonValue* v, int depth) {
    ++i_;
    v->type = JsonValue::Type::kArray;
    SkipWs();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return absl::OkStatus();
    }
    while (true) {
      SkipWs();
      NEARDUP_RETURN_IF_ERROR(Value(&v->items.emplace_back(), depth + 1));
      SkipWs();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
      } else if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return absl::OkStatus();
      } else {
        return Error("expected ',' or ']'");
      }
    }
  }

  absl::Status Object(JsonValue* v, int depth) {
    ++i_;
    v->type = JsonValue::Type::kObject;
    SkipWs();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return absl::OkStatus();
    }
    while (true) {
      SkipWs();
      if (i_ >= s_.size() || s_[i_] != '"') return Error("expected a key");
      NEARDUP_RETURN_IF_ERROR(String(&v->keys.emplace_back()));
      SkipWs();
      if (i_ >= s_.size() || s_[i_] != ':') return Error("expected ':'");
      ++i_;
      SkipWs();
      NEARDUP_RETURN_IF_ERROR(Value(&v->values.emplace_back(), depth + 1));
      SkipWs();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
      } else if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return absl::OkStatus();
      } else {
        return Error("expected ',' or '}'");
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

// An id or story value: strings as is, numbers as their literal.
absl::StatusOr<std::string> ScalarKey(const JsonValue& v,
                                      std::string_view what) {
  if (v.type == JsonValue::Type::kString ||
      v.type == JsonValue::Type::kNumber) {
    return v.text;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", AV(what), "\" must be a string or a number"));
}

// Reads a text file line by line ('\n'; a '\r' before it is dropped).
class LineReader {
 public:
  absl::Status Open(const std::string& path) {
    path_ = path;
    f_ = std::fopen(path.c_str(), "rb");
    if (f_ == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
    }
    return absl::OkStatus();
  }
  ~LineReader() {
    if (f_ != nullptr) std::fclose(f_);
  }
  /// False at the end of the file.
  absl::StatusOr<bool> Next(std::string* line) {
    line->clear();
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        len_ = std::fread(buf_.get(), 1, kBufSize, f_);
        pos_ = 0;
        if (len_ == 0) {
          if (std::ferror(f_)) {
            return absl::DataLossError(absl::StrCat("error reading ", path_));
          }
          break;
        }
      }
      any = true;
      const char* start = buf_.get() + pos_;
      const void* nl = std::memchr(start, '\n', len_ - pos_);
      if (nl == nullptr) {
        line->append(start, len_ - pos_);
        pos_ = len_;
        continue;
      }
      const size_t n = static_cast<const char*>(nl) - start;
      line->append(start, n);
      pos_ += n + 1;
      ++line_no_;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
    if (!any && line->empty()) return false;
    ++line_no_;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }
  uint64_t line_no() const { return line_no_; }
  const std::string& path() const { return path_; }
  absl::Status LineError(const absl::Status& s) const {
    return absl::InvalidArgumentError(
        absl::StrCat(path_, ":", line_no_, ": ", s.message()));
  }

 private:
  static constexpr size_t kBufSize = 1 << 20;
  std::string path_;
  std::FILE* f_ = nullptr;
  std::unique_ptr<char[]> buf_{new char[kBufSize]};
  size_t pos_ = 0;
  size_t len_ = 0;
  uint64_t line_no_ = 0;
};

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' &&
        c != '\f') {
      return false;
    }
  }
  return true;
}

// Python's " ".join(text.split()): str.isspace() characters separate words.
std::string FoldWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    bool space = false;
    if (c < 0x80) {
      space = c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    } else if (c == 0xC2 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      space = d == 0x85 || d == 0xA0;
      len = 2;
    } else if (c == 0xE1 && i + 2 < s.size()) {
      space = static_cast<unsigned char>(s[i + 1]) == 0x9A &&
              static_cast<unsigned char>(s[i + 2]) == 0x80;  // U+1680
      len = 3;
    } else if (c == 0xE2 && i + 2 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      const unsigned char e = static_cast<unsigned char>(s[i + 2]);
      space = (d == 0x80 && (e <= 0x8A || e == 0xA8 || e == 0xA9 ||
                             e == 0xAF)) ||  // U+2000-200A, 2028/9, 202F
              (d == 0x81 && e == 0x9F);      // U+205F
      len = 3;
    } else if (c == 0xE3 && i + 2 < s.size()) {
      space = static_cast<unsigned char>(s[i + 1]) == 0x80 &&
              static_cast<unsigned char>(s[i + 2]) == 0x80;  // U+3000
      len = 3;
    }
    if (space) {
      pending_space = true;
    } else {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// json.dumps of a string (ensure_ascii=True).
void AppendPyJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto escape16 = [&](uint32_t u) {
    out->append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out->push_back(kHex[(u >> shift) & 15]);
    }
  };
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            escape16(c);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence (invalid bytes become U+FFFD).
    uint32_t cp = 0xFFFD;
    size_t len = 1;
    if (c >= 0xC2 && c < 0xE0 && i + 1 < s.size()) {
      cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
      cp = (c & 0x0Fu) << 12 |
           (static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6 |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      len = 3;
    } else if (c >= 0xF0 && c < 0xF5 && i + 3 < s.size()) {
      cp = (c & 0x07u) << 18 |
           (static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12 |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6 |
           (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
      len = 4;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      escape16(0xD800 + (cp >> 10));
      escape16(0xDC00 + (cp & 0x3FF));
    } else {
      escape16(cp);
    }
    i += len;
  }
  out->push_back('"');
}

void AppendRateMap(const std::map<std::string, Rate>& m, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out->append(", ");
    first = false;
    AppendPyJsonString(k, out);
    out->append(": ");
    out->append(FormatRound4(v.value()));
  }
  out->push_back('}');
}

void AppendRateLines(const std::map<std::string, Rate>& m, std::string* out) {
  if (m.empty()) {
    out->append("  (none)\n");
    return;
  }
  for (const auto& [k, v] : m) {
    absl::StrAppendFormat(out, "  %-14s %-7s (%d/%d)\n", k,
                          FormatRound4(v.value()), v.hits, v.total);
  }
}

// Python's float(x) for a similarity value.
absl::StatusOr<double> ToDouble(const JsonValue& v) {
  if (v.type == JsonValue::Type::kBool) return v.boolean ? 1.0 : 0.0;
  if (v.type != JsonValue::Type::kNumber &&
      v.type != JsonValue::Type::kString) {
    return absl::InvalidArgumentError("\"similarity\" is not a number");
  }
  std::string t = v.text;
  // Python accepts surrounding whitespace and "inf"/"nan" spellings.
  while (!t.empty() && IsBlank(std::string_view(&t.back(), 1))) t.pop_back();
  size_t lead = 0;
  while (lead < t.size() && IsBlank(std::string_view(&t[lead], 1))) ++lead;
  t.erase(0, lead);
  if (t == "Infinity") return HUGE_VAL;
  if (t == "-Infinity") return -HUGE_VAL;
  errno = 0;
  char* end = nullptr;
  const double d = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size() ||
      (t.size() > 1 && (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')))) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"similarity\" is not a number: ", t));
  }
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------
// GroundTruth.

uint32_t GroundTruth::Intern(std::string_view key,
                             absl::flat_hash_map<std::string, uint32_t>* index,
                             std::vector<std::string>* names) {
  auto [it, inserted] = index->try_emplace(
      std::string(key), static_cast<uint32_t>(names->size()));
  if (inserted) names->emplace_back(key);
  return it->second;
}

void GroundTruth::Set(std::string_view id, std::string_view story,
                      std::string_view edit) {
  const uint32_t s = Intern(story, &story_index_, &story_names_);
  const uint32_t e = Intern(edit, &edit_index_, &edit_names_);
  auto [it, inserted] = doc_index_.try_emplace(
      std::string(id), static_cast<uint32_t>(story_.size()));
  if (inserted) {
    story_.push_back(s);
    edit_.push_back(e);
  } else {
    story_[it->second] = s;
    edit_[it->second] = e;
  }
}

int64_t GroundTruth::Find(std::string_view id) const {
  auto it = doc_index_.find(AV(id));
  return it == doc_index_.end() ? -1 : static_cast<int64_t>(it->second);
}

absl::StatusOr<GroundTruth> LoadGroundTruth(const std::string& path) {
  LineReader reader;
  NEARDUP_RETURN_IF_ERROR(reader.Open(path));
  GroundTruth truth;
  std::string line;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (IsBlank(line)) continue;
    JsonValue v;
    if (absl::Status s = JsonParser(line).Parse(&v); !s.ok()) {
      return reader.LineError(s);
    }
    const JsonValue* id = v.Get("id");
    const JsonValue* story = v.Get("story");
    if (v.type != JsonValue::Type::kObject || id == nullptr ||
        story == nullptr) {
      return reader.LineError(absl::InvalidArgumentError(
          "expected an object with \"id\" and \"story\""));
    }
    absl::StatusOr<std::string> id_key = ScalarKey(*id, "id");
    if (!id_key.ok()) return reader.LineError(id_key.status());
    absl::StatusOr<std::string> story_key = ScalarKey(*story, "story");
    if (!story_key.ok()) return reader.LineError(story_key.status());
    std::string_view edit;
    if (const JsonValue* e = v.Get("edit");
        e != nullptr && e->type != JsonValue::Type::kNull) {
      if (e->type != JsonValue::Type::kString) {
        return reader.LineError(
            absl::InvalidArgumentError("\"edit\" must be a string"));
      }
      edit = e->text;
    }
    truth.Set(*id_key, *story_key, edit);
  }
  return truth;
}

double Rate::value() const { return total == 0 ? 0.0 : IntDiv(hits, total); }

// ---------------------------------------------------------------------------
// Clusters.

ClusterScorer::ClusterScorer(const GroundTruth* truth)
    : truth_(truth), cluster_of_(truth->size(), 0) {}

void ClusterScorer::AddMember(std::string_view id) {
  const int64_t d = truth_->Find(id);
  if (d < 0) {
    ++unknown_ids_;
    return;
  }
  if (cluster_of_[static_cast<size_t>(d)] != 0) ++ids_in_two_clusters_;
  cluster_of_[static_cast<size_t>(d)] = clusters_;
}

void ClusterScorer::AddCluster(absl::Span<const std::string_view> member_ids) {
  ++clusters_;
  for (std::string_view id : member_ids) AddMember(id);
}

void ClusterScorer::AddCluster(absl::Span<const std::string> member_ids) {
  ++clusters_;
  for (const std::string& id : member_ids) AddMember(id);
}

absl::StatusOr<ClusterScores> ClusterScorer::Finish() const {
  const GroundTruth& t = *truth_;
  const uint64_t n = t.size();
  if (n < 2) {
    return absl::InvalidArgumentError(
        "the truth needs at least 2 documents to score clusters");
  }
  ClusterScores out;
  out.docs = n;
  out.ids_in_two_clusters = ids_in_two_clusters_;
  out.unknown_ids = unknown_ids_;

  // Marginals and the contingency table (clustered documents only:
  // singletons contribute no pair).
  std::vector<uint64_t> story_size(t.story_names_.size(), 0);
  std::vector<uint64_t> cluster_size(static_cast<size_t>(clusters_) + 1, 0);
  std::vector<uint64_t> cells;  // cluster << 32 | story
  for (size_t d = 0; d < n; ++d) {
    ++story_size[t.story_[d]];
    if (cluster_of_[d] != 0) {
      ++cluster_size[cluster_of_[d]];
      cells.push_back(static_cast<uint64_t>(cluster_of_[d]) << 32 |
                      t.story_[d]);
    }
  }
  for (uint64_t a : story_size) out.same_story_pairs += Choose2(a);
  for (size_t c = 1; c < cluster_size.size(); ++c) {
    out.predicted_pairs += Choose2(cluster_size[c]);
  }
  std::sort(cells.begin(), cells.end());
  for (size_t i = 0; i < cells.size();) {
    size_t j = i;
    while (j < cells.size() && cells[j] == cells[i]) ++j;
    out.true_pairs += Choose2(j - i);
    i = j;
  }

  const uint64_t tp = out.true_pairs;
  const uint64_t tpfp = out.predicted_pairs;
  const uint64_t tpfn = out.same_story_pairs;
  out.pair_precision = tpfp != 0 ? IntDiv(tp, tpfp) : 1.0;
  out.pair_recall = tpfn != 0 ? IntDiv(tp, tpfn) : 1.0;
  const double prec = out.pair_precision;
  const double rec = out.pair_recall;
  out.pair_f1 = prec + rec != 0 ? 2 * prec * rec / (prec + rec) : 0.0;
  const double expected = IntDiv(static_cast<u128>(tpfp) * tpfn, Choose2(n));
  const double max_index = IntDiv(static_cast<u128>(tpfp) + tpfn, 2);
  out.ari = max_index != expected
                ? (IntToDouble(tp) - expected) / (max_index - expected)
                : 1.0;

  // Recall by edit kind, against the story's original (the last one, in
  // truth order, if a story has several).
  const auto edit_id = [&](std::string_view name) -> int64_t {
    auto it = t.edit_index_.find(AV(name));
    return it == t.edit_index_.end() ? -1 : static_cast<int64_t>(it->second);
  };
  const int64_t original = edit_id("original");
  const int64_t templ = edit_id("template");
  const int64_t empty = edit_id("");
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> original_of(t.story_names_.size(), kNone);
  for (size_t d = 0; d < n; ++d) {
    if (static_cast<int64_t>(t.edit_[d]) == original) {
      original_of[t.story_[d]] = static_cast<uint32_t>(d);
    }
  }
  std::vector<Rate> by_edit(t.edit_names_.size());
  for (size_t d = 0; d < n; ++d) {
    const int64_t e = t.edit_[d];
    if (e == templ) {
      ++out.templates_wrongly_clustered.total;
      if (cluster_of_[d] != 0) ++out.templates_wrongly_clustered.hits;
      continue;
    }
    if (e == original || e == empty) continue;
    Rate& r = by_edit[static_cast<size_t>(e)];
    ++r.total;
    const uint32_t o = original_of[t.story_[d]];
    if (o != kNone && cluster_of_[o] != 0 && cluster_of_[o] == cluster_of_[d]) {
      ++r.hits;
    }
  }
  for (size_t e = 0; e < by_edit.size(); ++e) {
    if (by_edit[e].total > 0) out.recall_by_edit[t.edit_names_[e]] = by_edit[e];
  }
  return out;
}

absl::StatusOr<ClusterScores> ScoreClusters(
    const GroundTruth& truth,
    const std::vector<std::vector<std::string>>& clusters) {
  ClusterScorer scorer(&truth);
  for (const auto& c : clusters) scorer.AddCluster(absl::MakeConstSpan(c));
  return scorer.Finish();
}

absl::Status AddClustersFromFile(const std::string& path,
                                 ClusterScorer* scorer) {
  LineReader reader;
  NEARDUP_RETURN_IF_ERROR(reader.Open(path));
  std::string line;
  std::vector<std::string> ids;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (IsBlank(line)) continue;
    JsonValue v;
    if (absl::Status s = JsonParser(line).Parse(&v); !s.ok()) {
      return reader.LineError(s);
    }
    if (v.type != JsonValue::Type::kObject) {
      return reader.LineError(
          absl::InvalidArgumentError("a cluster line must be an object"));
    }
    ids.clear();
    if (const JsonValue* members = v.Get("members"); members != nullptr) {
      if (members->type != JsonValue::Type::kArray) {
        return reader.LineError(
            absl::InvalidArgumentError("\"members\" must be an array"));
      }
      for (const JsonValue& m : members->items) {
        const JsonValue* id = &m;
        if (m.type == JsonValue::Type::kObject) {
          id = m.Get("id");
          if (id == nullptr) {
            return reader.LineError(
                absl::InvalidArgumentError("a member object has no \"id\""));
          }
        }
        absl::StatusOr<std::string> key = ScalarKey(*id, "id");
        if (!key.ok()) return reader.LineError(key.status());
        ids.push_back(*std::move(key));
      }
    }
    scorer->AddCluster(absl::MakeConstSpan(ids));
  }
  return absl::OkStatus();
}

std::string FormatRound4(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  // "%.4f" rounds the exact binary value half to even, like Python's round;
  // the shortest repr of the rounded double is then that decimal without
  // trailing zeros (4-decimal values are far apart compared with a double's
  // precision below 1e11).
  std::string s = absl::StrFormat("%.4f", x);
  while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') {
    s.pop_back();
  }
  return s;
}

std::string ClusterScoresJson(const ClusterScores& s) {
  std::string out = absl::StrCat(
      "{\"docs\": ", s.docs,
      ", \"pair_precision\": ", FormatRound4(s.pair_precision),
      ", \"pair_recall\": ", FormatRound4(s.pair_recall),
      ", \"pair_f1\": ", FormatRound4(s.pair_f1),
      ", \"ari\": ", FormatRound4(s.ari), ", \"recall_by_edit\": ");
  AppendRateMap(s.recall_by_edit, &out);
  absl::StrAppend(&out, ", \"templates_wrongly_clustered\": \"",
                  s.templates_wrongly_clustered.hits, "/",
                  s.templates_wrongly_clustered.total,
                  "\", \"ids_in_two_clusters\": ", s.ids_in_two_clusters,
                  ", \"unknown_ids\": ", s.unknown_ids, "}");
  return out;
}

std::string ClusterScoresReport(const ClusterScores& s) {
  std::string out;
  absl::StrAppendFormat(&out, "documents                    %d\n", s.docs);
  absl::StrAppendFormat(&out,
                        "pair precision               %s  (%d of %d "
                        "predicted pairs share a story)\n",
                        FormatRound4(s.pair_precision), s.true_pairs,
                        s.predicted_pairs);
  absl::StrAppendFormat(&out,
                        "pair recall                  %s  (%d of %d "
                        "same-story pairs predicted)\n",
                        FormatRound4(s.pair_recall), s.true_pairs,
                        s.same_story_pairs);
  absl::StrAppendFormat(&out, "pair F1                      %s\n",
                        FormatRound4(s.pair_f1));
  absl::StrAppendFormat(&out, "adjusted Rand index          %s\n",
                        FormatRound4(s.ari));
  out.append("recall by edit (copy clustered with its original):\n");
  AppendRateLines(s.recall_by_edit, &out);
  absl::StrAppendFormat(&out, "templates wrongly clustered  %d/%d\n",
                        s.templates_wrongly_clustered.hits,
                        s.templates_wrongly_clustered.total);
  absl::StrAppendFormat(&out, "ids in two clusters          %d\n",
                        s.ids_in_two_clusters);
  absl::StrAppendFormat(&out, "unknown ids                  %d\n",
                        s.unknown_ids);
  return out;
}

// ---------------------------------------------------------------------------
// Pairs.

absl::StatusOr<PairScores> ScorePairs(
    absl::Span<const ReportedPair> reported,
    absl::Span<const LabelledPair> labelled,
    const absl::flat_hash_map<std::string, std::string>& source_texts) {
  // Intern ids.
  absl::flat_hash_map<std::string, uint32_t> index;
  const auto intern = [&](const std::string& id) {
    return index.try_emplace(id, static_cast<uint32_t>(index.size()))
        .first->second;
  };
  // sim[(x, y)] = max(0.0, similarities reported for {x, y}), as score.py.
  absl::flat_hash_map<uint64_t, double> sim;
  const auto key = [](uint32_t x, uint32_t y) {
    return static_cast<uint64_t>(x) << 32 | y;
  };
  for (const ReportedPair& p : reported) {
    const uint32_t a = intern(p.a);
    const uint32_t b = intern(p.b);
    for (uint64_t k : {key(a, b), key(b, a)}) {
      auto [it, inserted] = sim.try_emplace(k, 0.0);
      if (p.similarity > it->second) it->second = p.similarity;
    }
  }
  PairScores out;
  out.reported_pairs = sim.size() / 2;

  // Sources, their folded texts, and each id's reported neighbours.
  std::vector<uint32_t> label_a(labelled.size()), label_b(labelled.size());
  for (size_t i = 0; i < labelled.size(); ++i) {
    label_a[i] = intern(labelled[i].a);
    label_b[i] = intern(labelled[i].b);
  }
  std::vector<uint8_t> is_source(index.size(), 0);
  for (uint32_t a : label_a) is_source[a] = 1;
  std::vector<std::optional<std::string>> text(index.size());
  for (size_t i = 0; i < labelled.size(); ++i) {
    const uint32_t a = label_a[i];
    if (text[a].has_value()) continue;
    if (auto it = source_texts.find(labelled[i].a); it != source_texts.end()) {
      text[a] = FoldWhitespace(it->second);
    }
  }
  std::vector<std::vector<std::pair<uint32_t, double>>> neighbours(
      index.size());
  for (const auto& [k, s] : sim) {
    const uint32_t x = static_cast<uint32_t>(k >> 32);
    const uint32_t y = static_cast<uint32_t>(k);
    if (is_source[y]) neighbours[x].emplace_back(y, s);
  }

  std::vector<uint32_t> tops;
  for (size_t i = 0; i < labelled.size(); ++i) {
    const std::string& label = labelled[i].label;
    const uint32_t a = label_a[i];
    const uint32_t b = label_b[i];
    Rate& det = out.detected_by_label[label];
    ++det.total;
    if (sim.contains(key(a, b))) ++det.hits;
    // Stored similarities are >= 0 and sources never reported with b score
    // 0, so the best is positive only through a reported neighbour.
    double best = 0.0;
    for (const auto& [s, v] : neighbours[b]) best = std::max(best, v);
    bool hit = false;
    if (best > 0) {
      tops.clear();
      for (const auto& [s, v] : neighbours[b]) {
        if (v == best) tops.push_back(s);
      }
      hit = std::find(tops.begin(), tops.end(), a) != tops.end();
      for (uint32_t s : tops) {
        if (!hit) break;
        if (text[s] != text[a]) hit = false;
      }
    }
    Rate& ret = out.source_retrieval_at1[label];
    ++ret.total;
    if (hit) ++ret.hits;
  }
  return out;
}

absl::StatusOr<std::vector<ReportedPair>> LoadReportedPairs(
    const std::string& path) {
  LineReader reader;
  NEARDUP_RETURN_IF_ERROR(reader.Open(path));
  std::vector<ReportedPair> pairs;
  std::string line;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (IsBlank(line)) continue;
    JsonValue v;
    if (absl::Status s = JsonParser(line).Parse(&v); !s.ok()) {
      return reader.LineError(s);
    }
    const JsonValue* a = v.Get("a");
    const JsonValue* b = v.Get("b");
    if (v.type != JsonValue::Type::kObject || a == nullptr || b == nullptr) {
      return reader.LineError(absl::InvalidArgumentError(
          "expected an object with \"a\" and \"b\""));
    }
    ReportedPair p;
    absl::StatusOr<std::string> ka = ScalarKey(*a, "a");
    if (!ka.ok()) return reader.LineError(ka.status());
    absl::StatusOr<std::string> kb = ScalarKey(*b, "b");
    if (!kb.ok()) return reader.LineError(kb.status());
    p.a = *std::move(ka);
    p.b = *std::move(kb);
    if (const JsonValue* s = v.Get("similarity"); s != nullptr) {
      absl::StatusOr<double> d = ToDouble(*s);
      if (!d.ok()) return reader.LineError(d.status());
      p.similarity = *d;
    }
    pairs.push_back(std::move(p));
  }
  return pairs;
}

absl::StatusOr<std::vector<LabelledPair>> LoadLabelledPairs(
    const std::string& path) {
  LineReader reader;
  NEARDUP_RETURN_IF_ERROR(reader.Open(path));
  std::vector<LabelledPair> rows;
  std::string line;
  bool header = true;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    const size_t t1 = line.find('\t');
    const size_t t2 =
        t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    if (t2 == std::string::npos ||
        line.find('\t', t2 + 1) != std::string::npos) {
      return reader.LineError(absl::InvalidArgumentError(
          "expected three tab-separated fields: a, b, label"));
    }
    rows.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1),
                    line.substr(t2 + 1)});
  }
  return rows;
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> LoadTexts(
    const std::string& corpus_path,
    const absl::flat_hash_set<std::string>& ids) {
  LineReader reader;
  NEARDUP_RETURN_IF_ERROR(reader.Open(corpus_path));
  absl::flat_hash_map<std::string, std::string> texts;
  std::string line;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (IsBlank(line)) continue;
    JsonValue v;
    if (absl::Status s = JsonParser(line).Parse(&v); !s.ok()) {
      return reader.LineError(s);
    }
    const JsonValue* id = v.Get("id");
    if (v.type != JsonValue::Type::kObject || id == nullptr) {
      return reader.LineError(
          absl::InvalidArgumentError("expected an object with \"id\""));
    }
    absl::StatusOr<std::string> key = ScalarKey(*id, "id");
    if (!key.ok()) return reader.LineError(key.status());
    if (!ids.contains(*key)) continue;
    const JsonValue* text = v.Get("text");
    if (text == nullptr || text->type != JsonValue::Type::kString) {
      return reader.LineError(
          absl::InvalidArgumentError("\"text\" missing or not a string"));
    }
    texts[*key] = text->text;
  }
  return texts;
}

std::string PairScoresJson(const PairScores& s) {
  std::string out = absl::StrCat("{\"reported_pairs\": ", s.reported_pairs,
                                 ", \"detected_by_label\": ");
  AppendRateMap(s.detected_by_label, &out);
  out.append(", \"source_retrieval_at1\": ");
  AppendRateMap(s.source_retrieval_at1, &out);
  out.push_back('}');
  return out;
}

std::string PairScoresReport(const PairScores& s) {
  std::string out;
  absl::StrAppendFormat(&out, "reported pairs               %d\n",
                        s.reported_pairs);
  out.append("labelled pairs reported, by label:\n");
  AppendRateLines(s.detected_by_label, &out);
  out.append("source retrieval@1, by label:\n");
  AppendRateLines(s.source_retrieval_at1, &out);
  return out;
}

// ---------------------------------------------------------------------------
// Files.

absl::Status EvalOptions::Validate() const {
  const bool clusters = !clusters_path.empty() || !truth_path.empty();
  const bool pairs =
      !pairs_path.empty() || !labels_path.empty() || !corpus_path.empty();
  if (clusters && pairs) {
    return absl::InvalidArgumentError(
        "give either --clusters and --truth, or --pairs, --labels and "
        "--corpus, not both");
  }
  if (clusters) {
    if (clusters_path.empty() || truth_path.empty()) {
      return absl::InvalidArgumentError("--clusters and --truth go together");
    }
    return absl::OkStatus();
  }
  if (pairs) {
    if (pairs_path.empty() || labels_path.empty() || corpus_path.empty()) {
      return absl::InvalidArgumentError(
          "--pairs, --labels and --corpus go together");
    }
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      "nothing to evaluate: give --clusters and --truth, or --pairs, "
      "--labels and --corpus");
}

absl::StatusOr<EvalReport> EvaluateFiles(const EvalOptions& options) {
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  EvalReport report;
  if (options.mode() == EvalOptions::Mode::kClusters) {
    NEARDUP_ASSIGN_OR_RETURN(GroundTruth truth,
                             LoadGroundTruth(options.truth_path));
    ClusterScorer scorer(&truth);
    NEARDUP_RETURN_IF_ERROR(
        AddClustersFromFile(options.clusters_path, &scorer));
    NEARDUP_ASSIGN_OR_RETURN(ClusterScores scores, scorer.Finish());
    report.text = ClusterScoresReport(scores);
    report.json = ClusterScoresJson(scores);
    return report;
  }
  NEARDUP_ASSIGN_OR_RETURN(std::vector<ReportedPair> reported,
                           LoadReportedPairs(options.pairs_path));
  NEARDUP_ASSIGN_OR_RETURN(std::vector<LabelledPair> labelled,
                           LoadLabelledPairs(options.labels_path));
  absl::flat_hash_set<std::string> sources;
  for (const LabelledPair& p : labelled) sources.insert(p.a);
  NEARDUP_ASSIGN_OR_RETURN(auto texts, LoadTexts(options.corpus_path, sources));
  NEARDUP_ASSIGN_OR_RETURN(PairScores scores,
                           ScorePairs(reported, labelled, texts));
  report.text = PairScoresReport(scores);
  report.json = PairScoresJson(scores);
  return report;
}

LshRecall ScoreLshRecall(absl::Span<const Edge> lsh,
                         absl::Span<const Edge> exact, double threshold) {
  LshRecall recall;
  recall.bands = {{absl::StrCat("near J in [t, t+0.05)")},
                  {absl::StrCat("near J >= t+0.05")},
                  {"contained"},
                  {"reworded"}};
  absl::flat_hash_set<uint64_t> found;
  for (const Edge& e : lsh) found.insert(uint64_t{e.a} << 32 | e.b);
  absl::flat_hash_set<uint64_t> exact_keys;
  for (const Edge& e : exact) {
    const uint64_t key = uint64_t{e.a} << 32 | e.b;
    exact_keys.insert(key);
    RecallBand* band = nullptr;
    switch (e.kind) {
      case MatchKind::kExact:
      case MatchKind::kNear:
        band = &recall.bands[e.jaccard + 1e-9 < threshold + 0.05 ? 0 : 1];
        break;
      case MatchKind::kContained:
        band = &recall.bands[2];
        break;
      case MatchKind::kReworded:
        band = &recall.bands[3];
        break;
    }
    ++band->exact;
    band->found += found.contains(key);
  }
  for (uint64_t key : found) recall.lsh_only += !exact_keys.contains(key);
  return recall;
}

std::string LshRecallJson(const LshRecall& recall) {
  std::string out = "{";
  for (const RecallBand& band : recall.bands) {
    absl::StrAppend(&out, out.size() > 1 ? ", " : "", "\"", band.name,
                    "\": {\"exact_pairs\": ", band.exact,
                    ", \"lsh_found\": ", band.found,
                    ", \"recall\": ", FormatRound4(band.value()), "}");
  }
  absl::StrAppend(&out, ", \"lsh_only\": ", recall.lsh_only, "}");
  return out;
}

std::string LshRecallReport(const LshRecall& recall) {
  std::string out = "LSH recall against brute force (same settings):\n";
  for (const RecallBand& band : recall.bands) {
    absl::StrAppendFormat(&out, "  %-26s %.4f  (%d of %d pairs)\n", band.name,
                          band.value(), band.found, band.exact);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Streaming decisions.

StreamScorer::StreamScorer(const GroundTruth* truth)
    : truth_(truth), story_seen_(truth->size(), false) {}

void StreamScorer::Add(std::string_view id, std::string_view best_match,
                       bool scored) {
  const int64_t doc = truth_->Find(id);
  if (doc < 0) {
    ++scores_.unknown_ids;
    return;
  }
  if (!scored) {
    story_seen_[truth_->story(doc)] = true;
    return;
  }
  ++scores_.docs;
  const uint32_t story = truth_->story(doc);
  const std::string_view edit = truth_->edit(doc);
  const bool reported = !best_match.empty();
  const int64_t match = reported ? truth_->Find(best_match) : -1;
  const bool right = match >= 0 && truth_->story(match) == story;
  const bool repeat = story_seen_[story];
  story_seen_[story] = true;
  if (reported) {
    ++scores_.repeat_precision.total;
    scores_.repeat_precision.hits += right;
  }
  if (edit == "template") {
    ++scores_.templates_reported.total;
    scores_.templates_reported.hits += reported;
  }
  if (!repeat) {
    ++scores_.new_kept.total;
    scores_.new_kept.hits += !reported;
    return;
  }
  ++scores_.repeat_recall.total;
  scores_.repeat_recall.hits += right;
  if (!edit.empty() && edit != "template") {
    Rate& rate = scores_.recall_by_edit[std::string(edit)];
    ++rate.total;
    rate.hits += right;
  }
}

std::string StreamScoresJson(const StreamScores& s) {
  std::string out;
  absl::StrAppendFormat(
      &out,
      "{\"docs\": %d, \"repeat_recall\": %s, \"repeat_precision\": %s, "
      "\"new_kept\": %s, \"recall_by_edit\": ",
      s.docs, FormatRound4(s.repeat_recall.value()),
      FormatRound4(s.repeat_precision.value()),
      FormatRound4(s.new_kept.value()));
  AppendRateMap(s.recall_by_edit, &out);
  absl::StrAppendFormat(&out,
                        ", \"templates_reported\": \"%d/%d\", "
                        "\"unknown_ids\": %d}",
                        s.templates_reported.hits, s.templates_reported.total,
                        s.unknown_ids);
  return out;
}

std::string StreamScoresReport(const StreamScores& s) {
  std::string out;
  absl::StrAppendFormat(&out, "documents                    %d\n", s.docs);
  absl::StrAppendFormat(&out,
                        "repeat recall                %s  (%d of %d "
                        "repeats matched to their story)\n",
                        FormatRound4(s.repeat_recall.value()),
                        s.repeat_recall.hits, s.repeat_recall.total);
  absl::StrAppendFormat(&out,
                        "repeat precision             %s  (%d of %d "
                        "reported repeats matched to their story)\n",
                        FormatRound4(s.repeat_precision.value()),
                        s.repeat_precision.hits, s.repeat_precision.total);
  absl::StrAppendFormat(&out, "first copies reported new    %s  (%d of %d)\n",
                        FormatRound4(s.new_kept.value()), s.new_kept.hits,
                        s.new_kept.total);
  out.append("repeat recall by edit:\n");
  AppendRateLines(s.recall_by_edit, &out);
  absl::StrAppendFormat(&out, "templates reported as repeats %d/%d\n",
                        s.templates_reported.hits, s.templates_reported.total);
  absl::StrAppendFormat(&out, "unknown ids                  %d\n",
                        s.unknown_ids);
  return out;
}

}  // namespace neardup

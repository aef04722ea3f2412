#include "neardup/json.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup {
namespace {

inline bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// First '"' or '\\' in [p, end), or end.
inline const char* FindQuoteOrBackslash(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (end - p >= 32) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
    const unsigned ma = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(a, quote), _mm_cmpeq_epi8(a, backslash))));
    const unsigned mb = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(b, quote), _mm_cmpeq_epi8(b, backslash))));
    const uint32_t m = ma | (mb << 16);
    if (m != 0) return p + __builtin_ctz(m);
    p += 32;
  }
  if (end - p >= 16) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const int m = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(a, quote), _mm_cmpeq_epi8(a, backslash)));
    if (m != 0) return p + __builtin_ctz(static_cast<unsigned>(m));
    p += 16;
  }
#endif
  while (p < end && *p != '"' && *p != '\\') ++p;
  return p;
}

// Value of each byte as a hex digit, or -1.
constexpr auto kHexValues = [] {
  std::array<int8_t, 256> t{};
  for (int i = 0; i < 256; ++i) {
    t[i] = i >= '0' && i <= '9'   ? static_cast<int8_t>(i - '0')
           : i >= 'a' && i <= 'f' ? static_cast<int8_t>(i - 'a' + 10)
           : i >= 'A' && i <= 'F' ? static_cast<int8_t>(i - 'A' + 10)
                                  : int8_t{-1};
  }
  return t;
}();

// Parses 4 hex digits at p; -1 if they are not all hex digits.
inline int32_t Hex4(const char* p) {
  const int a = kHexValues[static_cast<unsigned char>(p[0])];
  const int b = kHexValues[static_cast<unsigned char>(p[1])];
  const int c = kHexValues[static_cast<unsigned char>(p[2])];
  const int d = kHexValues[static_cast<unsigned char>(p[3])];
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

// Writes the UTF-8 encoding of `cp` (< 0x110000, not a surrogate) to `buf`;
// returns its length.
inline int EncodeUtf8(uint32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// A single-pass validating scanner over one line. Errors record a static
// reason and the position; the Status is built only once, at the end.
class Scanner {
 public:
  Scanner(std::string_view text)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()) {}

  absl::Status ScanObject(std::span<JsonField> fields);

 private:
  bool Fail(const char* reason) {
    if (error_ == nullptr) {
      error_ = reason;
      error_offset_ = static_cast<size_t>(p_ - begin_);
    }
    return false;
  }

  void SkipSpace() {
    while (p_ < end_ && IsJsonSpace(*p_)) ++p_;
  }

  // *p_ == '"'. Validates the string and appends its decoded value to `out`
  // if not null; leaves p_ after the closing quote.
  bool String(std::string* out);
  // Same as String(out) with out != null, faster for long values: finds the
  // closing quote first, then decodes into the pre-sized output with raw
  // pointer writes (decoded text is never longer than the escaped text).
  bool DecodeString(std::string* out);
  // Validates a number at p_ and leaves p_ after it.
  bool Number();
  // Validates `word` (true/false/null) at p_.
  bool Literal(std::string_view word);
  // Validates and skips any value at p_ (after whitespace).
  bool SkipValue();

  const char* const begin_;
  const char* p_;
  const char* const end_;
  const char* error_ = nullptr;
  size_t error_offset_ = 0;
};

bool Scanner::String(std::string* out) {
  ++p_;  // opening quote
  while (true) {
    const char* q = FindQuoteOrBackslash(p_, end_);
    if (q == end_) {
      p_ = end_;
      return Fail("unterminated string");
    }
    if (out != nullptr && q != p_) out->append(p_, static_cast<size_t>(q - p_));
    p_ = q;
    if (*p_ == '"') {
      ++p_;
      return true;
    }
    // Backslash escape.
    if (end_ - p_ < 2) return Fail("unterminated string");
    char c;
    switch (p_[1]) {
      case '"':
        c = '"';
        break;
      case '\\':
        c = '\\';
        break;
      case '/':
        c = '/';
        break;
      case 'b':
        c = '\b';
        break;
      case 'f':
        c = '\f';
        break;
      case 'n':
        c = '\n';
        break;
      case 'r':
        c = '\r';
        break;
      case 't':
        c = '\t';
        break;
      case 'u': {
        if (end_ - p_ < 6) return Fail("truncated \\u escape");
        int32_t cp = Hex4(p_ + 2);
        if (cp < 0) return Fail("invalid \\u escape");
        p_ += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          // High surrogate: combine with a following low surrogate escape.
          int32_t low = -1;
          if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
            low = Hex4(p_ + 2);
          }
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p_ += 6;
          } else {
            cp = 0xFFFD;  // lone high surrogate
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;  // lone low surrogate
        }
        if (out != nullptr) {
          char buf[4];
          out->append(buf, static_cast<size_t>(
                               EncodeUtf8(static_cast<uint32_t>(cp), buf)));
        }
        continue;
      }
      default:
        ++p_;
        return Fail("invalid escape in string");
    }
    if (out != nullptr) out->push_back(c);
    p_ += 2;
  }
}

bool Scanner::DecodeString(std::string* out) {
  const char* const s = p_ + 1;
  // The closing quote is the first '"' preceded by an even number of
  // backslashes.
  const char* q = s;
  while (true) {
    q = static_cast<const char*>(
        std::memchr(q, '"', static_cast<size_t>(end_ - q)));
    if (q == nullptr) {
      p_ = end_;
      return Fail("unterminated string");
    }
    const char* b = q;
    while (b > s && b[-1] == '\\') --b;
    if (((q - b) & 1) == 0) break;
    ++q;
  }
  const size_t base = out->size();
  out->resize(base + static_cast<size_t>(q - s));
  char* const w0 = out->data() + base;
  char* w = w0;
  const char* r = s;
  while (true) {
    const char* e = r;
    if (r < q && *r != '\\') {
      e = FindQuoteOrBackslash(r, q);  // only backslashes remain
      std::memcpy(w, r, static_cast<size_t>(e - r));
      w += e - r;
    }
    if (e == q) break;
    // e[0] == '\\' and e + 1 < q (q is not escaped).
    switch (e[1]) {
      case '"':
      case '\\':
      case '/':
        *w++ = e[1];
        r = e + 2;
        continue;
      case 'b':
        *w++ = '\b';
        r = e + 2;
        continue;
      case 'f':
        *w++ = '\f';
        r = e + 2;
        continue;
      case 'n':
        *w++ = '\n';
        r = e + 2;
        continue;
      case 'r':
        *w++ = '\r';
        r = e + 2;
        continue;
      case 't':
        *w++ = '\t';
        r = e + 2;
        continue;
      case 'u':
        break;
      default:
        p_ = e + 1;
        return Fail("invalid escape in string");
    }
    if (q - e < 6) {
      p_ = e;
      return Fail("truncated \\u escape");
    }
    int32_t cp = Hex4(e + 2);
    if (cp < 0) {
      p_ = e;
      return Fail("invalid \\u escape");
    }
    r = e + 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      int32_t low = -1;
      if (q - r >= 6 && r[0] == '\\' && r[1] == 'u') low = Hex4(r + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        r += 6;
      } else {
        cp = 0xFFFD;  // lone high surrogate
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;  // lone low surrogate
    }
    w += EncodeUtf8(static_cast<uint32_t>(cp), w);
  }
  out->resize(base + static_cast<size_t>(w - w0));
  p_ = q + 1;
  return true;
}

bool Scanner::Number() {
  if (*p_ == '-') ++p_;
  if (p_ == end_) return Fail("invalid number");
  if (*p_ == '0') {
    ++p_;
  } else if (*p_ >= '1' && *p_ <= '9') {
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  } else {
    return Fail("invalid number");
  }
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return Fail("invalid number");
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return Fail("invalid number");
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  }
  return true;
}

bool Scanner::Literal(std::string_view word) {
  if (static_cast<size_t>(end_ - p_) < word.size() ||
      std::memcmp(p_, word.data(), word.size()) != 0) {
    return Fail("invalid literal");
  }
  p_ += word.size();
  return true;
}

bool Scanner::SkipValue() {
  // Bit i of `stack` is 1 if the container at depth i+1 is an object.
  uint64_t stack[kMaxJsonDepth / 64] = {};
  int depth = 0;
  enum { kValue, kKey, kAfterValue } state = kValue;
  while (true) {
    switch (state) {
      case kValue:
        SkipSpace();
        if (p_ == end_) return Fail("expected a value");
        switch (*p_) {
          case '"':
            if (!String(nullptr)) return false;
            state = kAfterValue;
            break;
          case '{':
          case '[': {
            const bool object = *p_ == '{';
            // The enclosing top-level object already uses one level.
            if (depth + 1 >= kMaxJsonDepth) return Fail("nesting too deep");
            if (object) {
              stack[depth >> 6] |= uint64_t{1} << (depth & 63);
            } else {
              stack[depth >> 6] &= ~(uint64_t{1} << (depth & 63));
            }
            ++depth;
            ++p_;
            SkipSpace();
            if (p_ < end_ && *p_ == (object ? '}' : ']')) {
              ++p_;
              --depth;
              state = kAfterValue;
            } else {
              state = object ? kKey : kValue;
            }
            break;
          }
          case 't':
            if (!Literal("true")) return false;
            state = kAfterValue;
            break;
          case 'f':
            if (!Literal("false")) return false;
            state = kAfterValue;
            break;
          case 'n':
            if (!Literal("null")) return false;
            state = kAfterValue;
            break;
          default:
            if (*p_ == '-' || IsDigit(*p_)) {
              if (!Number()) return false;
              state = kAfterValue;
            } else {
              return Fail("unexpected character, expected a value");
            }
        }
        break;
      case kKey:
        SkipSpace();
        if (p_ == end_ || *p_ != '"') return Fail("expected a string key");
        if (!String(nullptr)) return false;
        SkipSpace();
        if (p_ == end_ || *p_ != ':') return Fail("expected ':' after key");
        ++p_;
        state = kValue;
        break;
      case kAfterValue: {
        if (depth == 0) return true;
        SkipSpace();
        if (p_ == end_) return Fail("unterminated object or array");
        const int top = depth - 1;
        const bool object = (stack[top >> 6] >> (top & 63)) & 1;
        if (*p_ == ',') {
          ++p_;
          state = object ? kKey : kValue;
        } else if (*p_ == (object ? '}' : ']')) {
          ++p_;
          --depth;
        } else {
          return Fail(object ? "expected ',' or '}' in object"
                             : "expected ',' or ']' in array");
        }
        break;
      }
    }
  }
}

absl::Status Scanner::ScanObject(std::span<JsonField> fields) {
  for (JsonField& f : fields) {
    f.type = JsonType::kMissing;
    if (f.value != nullptr) f.value->clear();
  }
  auto error = [this]() {
    return absl::InvalidArgumentError(
        absl::StrCat("offset ", error_offset_, ": ", error_));
  };
  std::string decoded_key;  // only used for keys containing escapes
  SkipSpace();
  if (p_ == end_ || *p_ != '{') {
    Fail("not a JSON object");
    return error();
  }
  ++p_;
  SkipSpace();
  if (p_ < end_ && *p_ == '}') {
    ++p_;
  } else {
    while (true) {
      if (p_ == end_ || *p_ != '"') {
        Fail("expected a string key");
        return error();
      }
      // Key: fast path without escapes.
      std::string_view key;
      const char* q = FindQuoteOrBackslash(p_ + 1, end_);
      if (q < end_ && *q == '"') {
        key = std::string_view(p_ + 1, static_cast<size_t>(q - p_ - 1));
        p_ = q + 1;
      } else {
        decoded_key.clear();
        if (!String(&decoded_key)) return error();
        key = decoded_key;
      }
      SkipSpace();
      if (p_ == end_ || *p_ != ':') {
        Fail("expected ':' after key");
        return error();
      }
      ++p_;
      SkipSpace();
      JsonField* field = nullptr;
      for (JsonField& f : fields) {
        if (f.name == key) {
          field = &f;
          break;
        }
      }
      if (field == nullptr) {
        if (!SkipValue()) return error();
      } else {
        if (field->value != nullptr) field->value->clear();
        if (p_ == end_) {
          Fail("expected a value");
          return error();
        }
        const char c = *p_;
        if (c == '"') {
          if (!(field->value != nullptr ? DecodeString(field->value)
                                        : String(nullptr))) {
            return error();
          }
          field->type = JsonType::kString;
        } else if (c == '-' || IsDigit(c)) {
          const char* start = p_;
          if (!Number()) return error();
          if (field->value != nullptr) {
            field->value->assign(start, static_cast<size_t>(p_ - start));
          }
          field->type = JsonType::kNumber;
        } else {
          const char* start = p_;
          if (!SkipValue()) return error();
          field->type = c == '{'   ? JsonType::kObject
                        : c == '[' ? JsonType::kArray
                        : c == 't' ? JsonType::kTrue
                        : c == 'f' ? JsonType::kFalse
                                   : JsonType::kNull;
          if (field->value != nullptr && (c == '{' || c == '[')) {
            field->value->assign(start, static_cast<size_t>(p_ - start));
          }
        }
      }
      SkipSpace();
      if (p_ == end_) {
        Fail("unterminated object");
        return error();
      }
      if (*p_ == ',') {
        ++p_;
        SkipSpace();
        continue;
      }
      if (*p_ == '}') {
        ++p_;
        break;
      }
      Fail("expected ',' or '}' in object");
      return error();
    }
  }
  SkipSpace();
  if (p_ != end_) {
    Fail("unexpected data after the object");
    return error();
  }
  return absl::OkStatus();
}

// Length of the valid UTF-8 sequence starting at p (p[0] >= 0x80), or 0 if
// the bytes there are not valid UTF-8 (overlong forms, surrogates and code
// points above U+10FFFF are invalid).
inline size_t ValidUtf8Length(const unsigned char* p,
                              const unsigned char* end) {
  const unsigned char c = p[0];
  const size_t avail = static_cast<size_t>(end - p);
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    return avail >= 2 && cont(p[1]) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3 || !cont(p[1]) || !cont(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

// First byte in [p, end) that is a control character, '"', '\\' or
// non-ASCII; end if none.
inline const unsigned char* FindJsonSpecial(const unsigned char* p,
                                            const unsigned char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes >= 0x80 are negative, so "v < 0x20" catches both
    // control characters and non-ASCII bytes.
    const __m128i special = _mm_or_si128(
        _mm_cmplt_epi8(v, space),
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int m = _mm_movemask_epi8(special);
    if (m != 0) return p + __builtin_ctz(static_cast<unsigned>(m));
    p += 16;
  }
#endif
  while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') ++p;
  return p;
}

}  // namespace

std::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kMissing:
      return "missing";
    case JsonType::kString:
      return "string";
    case JsonType::kNumber:
      return "number";
    case JsonType::kTrue:
      return "true";
    case JsonType::kFalse:
      return "false";
    case JsonType::kNull:
      return "null";
    case JsonType::kObject:
      return "object";
    case JsonType::kArray:
      return "array";
  }
  return "unknown";
}

absl::Status ScanJsonObject(std::string_view line,
                            std::span<JsonField> fields) {
  Scanner scanner(line);
  return scanner.ScanObject(fields);
}

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  while (p < end) {
    const unsigned char* q = FindJsonSpecial(p, end);
    if (q != p)
      out->append(reinterpret_cast<const char*>(p), static_cast<size_t>(q - p));
    p = q;
    if (p == end) break;
    const unsigned char c = *p;
    if (c >= 0x80) {
      const size_t n = ValidUtf8Length(p, end);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");
        ++p;
      } else {
        out->append(reinterpret_cast<const char*>(p), n);
        p += n;
      }
      continue;
    }
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
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, 6);
      }
    }
    ++p;
  }
  out->push_back('"');
}

}  // namespace neardup

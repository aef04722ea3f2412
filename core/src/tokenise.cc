// Implementation notes
//
// ASCII bytes are classified through a 256-entry table and word runs are
// scanned with a tight loop. Other code points are decoded (ill-formed bytes
// count as U+FFFD, a separator, so arbitrary input is safe) and classified
// through a 2-bit table over U+0000..U+2FFFF built once from utf8proc's
// general categories; code points above fall back to utf8proc_category().
#include "neardup/tokenise.h"

#include <utf8proc.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "internal/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup {
namespace {

enum CharClass : uint8_t {
  kSeparator = 0,
  kWord = 1,     // letter or number
  kMark = 2,     // combining mark: extends the token before it
  kPerChar = 3,  // letter or number of a script tokenised per character
};

constexpr std::array<bool, 256> MakeAsciiWord() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  return t;
}

constexpr std::array<bool, 256> kAsciiWord = MakeAsciiWord();

CharClass Classify(char32_t cp) {
  // Halfwidth voiced sound marks are letters (Lm) but act as the combining
  // marks U+3099/U+309A they become under NFKC.
  if (cp == 0xFF9E || cp == 0xFF9F) return kMark;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return IsPerCharacterScript(cp) ? kPerChar : kWord;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return kMark;
    default:
      return kSeparator;
  }
}

constexpr char32_t kTableLimit = 0x30000;

class ClassTable {
 public:
  ClassTable() : bits_(kTableLimit / 4) {
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      bits_[cp >> 2] |= static_cast<uint8_t>(Classify(cp) << ((cp & 3) * 2));
    }
  }
  CharClass Get(char32_t cp) const {
    if (cp >= kTableLimit) return Classify(cp);
    return static_cast<CharClass>((bits_[cp >> 2] >> ((cp & 3) * 2)) & 3);
  }

 private:
  std::vector<uint8_t> bits_;
};

const ClassTable& GetClassTable() {
  static const ClassTable* const table = new ClassTable();
  return *table;
}

}  // namespace

bool IsPerCharacterScript(char32_t cp) {
  if (cp < 0x0E00) return false;
  if (cp <= 0x0EFF) return true;  // Thai U+0E00..0E7F, Lao U+0E80..0EFF
  if (cp < 0x1000) return false;
  if (cp <= 0x109F) return true;                  // Myanmar
  if (cp >= 0x1780 && cp <= 0x17FF) return true;  // Khmer
  if (cp >= 0x19E0 && cp <= 0x19FF) return true;  // Khmer Symbols
  if (cp < 0x2E80) return false;
  if (cp <= 0x2FDF) return true;  // CJK Radicals Supplement, Kangxi Radicals
  if (cp >= 0x3005 && cp <= 0x3007) return true;  // 々 〆 〇
  if (cp >= 0x3021 && cp <= 0x3029) return true;  // Hangzhou numerals
  if (cp >= 0x3038 && cp <= 0x303B) return true;  // 〸 〹 〺 〻
  if (cp >= 0x3040 && cp <= 0x30FF) return true;  // Hiragana, Katakana (ー)
  if (cp >= 0x31F0 && cp <= 0x31FF) return true;  // Katakana Phonetic Ext.
  if (cp >= 0x3400 && cp <= 0x4DBF) return true;  // CJK Ext. A
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // CJK Unified Ideographs
  if (cp >= 0xA9E0 && cp <= 0xA9FF) return true;  // Myanmar Extended-B
  if (cp >= 0xAA60 && cp <= 0xAA7F) return true;  // Myanmar Extended-A
  if (cp >= 0xF900 && cp <= 0xFAFF)
    return true;  // CJK Compatibility Ideographs
  if (cp >= 0xFF66 && cp <= 0xFF9F) return true;    // Halfwidth Katakana
  if (cp >= 0x116D0 && cp <= 0x116FF) return true;  // Myanmar Extended-C
  if (cp >= 0x1AFF0 && cp <= 0x1B16F)
    return true;  // Kana Ext.-B, Supplement, Ext.-A, Small Kana
  if (cp >= 0x20000 && cp <= 0x323AF)
    return true;  // CJK Ext. B..H, Compat. Supplement
  return false;
}

#if defined(__SSE2__)
namespace {

// Bit k set if byte k of the 16 is an ASCII letter or digit.
inline unsigned WordMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
  const __m128i alpha =
      _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                    _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digit =
      _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                    _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
}

inline unsigned HighBitMask16(const char* p) {
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
}

}  // namespace
#endif

void Tokenise(std::string_view text, std::vector<std::string_view>* tokens) {
  tokens->clear();
  const char* const s = text.data();
  const size_t n = text.size();
  const ClassTable* table = nullptr;  // built on the first non-ASCII byte
  enum { kNone, kWordToken, kPerCharToken } open = kNone;
  size_t start = 0;
  size_t i = 0;
  size_t scalar_until = 0;  // no 64-byte block attempt before this offset
  auto close = [&](size_t end) {
    if (open != kNone) tokens->emplace_back(s + start, end - start);
    open = kNone;
  };
  while (i < n) {
#if defined(__SSE2__)
    // 64 ASCII bytes at a time: word starts and ends from bit masks.
    if (i >= scalar_until && i + 64 <= n) {
      const char* p = s + i;
      const uint64_t high = HighBitMask16(p) |
                            (uint64_t{HighBitMask16(p + 16)} << 16) |
                            (uint64_t{HighBitMask16(p + 32)} << 32) |
                            (uint64_t{HighBitMask16(p + 48)} << 48);
      if (high == 0) {
        const uint64_t word = WordMask16(p) |
                              (uint64_t{WordMask16(p + 16)} << 16) |
                              (uint64_t{WordMask16(p + 32)} << 32) |
                              (uint64_t{WordMask16(p + 48)} << 48);
        if (open == kPerCharToken) close(i);  // its marks ended before i
        const uint64_t prev = (word << 1) | (open == kWordToken ? 1 : 0);
        uint64_t starts = word & ~prev;
        uint64_t ends = ~word & prev;
        // Starts and ends alternate; a token open at entry ends first.
        while (true) {
          if (open == kNone) {
            if (starts == 0) break;
            start = i + static_cast<size_t>(__builtin_ctzll(starts));
            starts &= starts - 1;
            open = kWordToken;
          }
          if (ends == 0) break;
          const size_t end = i + static_cast<size_t>(__builtin_ctzll(ends));
          ends &= ends - 1;
          tokens->emplace_back(s + start, end - start);
          open = kNone;
        }
        i += 64;
        continue;
      }
      scalar_until = i + 64;
    }
#endif
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!kAsciiWord[c]) {
        close(i);
        ++i;
        continue;
      }
      if (open != kWordToken) {
        close(i);
        open = kWordToken;
        start = i;
      }
      ++i;
      while (i < n && kAsciiWord[static_cast<unsigned char>(s[i])]) ++i;
      continue;
    }
    const internal::Utf8Decoded d = internal::DecodeUtf8(s + i, n - i);
    if (table == nullptr) table = &GetClassTable();
    const CharClass cls = d.valid ? table->Get(d.code_point) : kSeparator;
    switch (cls) {
      case kSeparator:
        close(i);
        break;
      case kMark:
        if (open == kNone) {
          open = kWordToken;
          start = i;
        }
        break;
      case kWord:
        if (open != kWordToken) {
          close(i);
          open = kWordToken;
          start = i;
        }
        break;
      case kPerChar:
        close(i);
        open = kPerCharToken;
        start = i;
        break;
    }
    i += d.length;
  }
  close(n);
}

}  // namespace neardup

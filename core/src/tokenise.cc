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

#include "internal/token_scan.h"
#include "internal/utf8.h"

namespace neardup {
namespace {

using internal::CharClass;
using internal::kMark;
using internal::kPerChar;
using internal::kSeparator;
using internal::kWord;

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

constexpr char32_t kTableLimit = internal::kClassTableLimit;

class ClassTable {
 public:
  ClassTable() : bits_(kTableLimit / 4) {
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      bits_[cp >> 2] |= static_cast<uint8_t>(Classify(cp) << ((cp & 3) * 2));
    }
  }
  const uint8_t* bits() const { return bits_.data(); }

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

namespace internal {

const uint8_t* ClassTableBits() { return GetClassTable().bits(); }

CharClass ClassifySlow(char32_t code_point) { return Classify(code_point); }

}  // namespace internal

void Tokenise(std::string_view text, std::vector<std::string_view>* tokens) {
  tokens->clear();
  internal::ForEachToken(text, [tokens](const char* begin, size_t length) {
    tokens->emplace_back(begin, length);
  });
}

}  // namespace neardup

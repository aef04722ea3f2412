// Implementation notes
//
// One pass over the input bytes, in two alternating modes:
//   * the ASCII loop maps each byte through a 256-entry table (lower case,
//     whitespace and control classes) and folds whitespace on the fly; it
//     writes into `*out`, which is sized once to the input length;
//   * the Unicode loop takes over at the first byte >= 0x80 (or an entity
//     that decodes to a non-ASCII character). Code points that are their own
//     NFKC_Casefold form, are starters and never combine with a preceding
//     character ("quick" code points, a bit table built once from utf8proc)
//     are copied straight through. Everything else is collected into a
//     segment of decomposed code points (utf8proc_decompose_char with COMPAT
//     and CASEFOLD), canonically ordered and recomposed
//     (utf8proc_normalize_utf32) when the next quick code point or ASCII byte
//     arrives. A segment starts with the last starter already written (an
//     ASCII letter or a quick code point), popped back from the output, so
//     "e" + U+0301 still composes to "é".
// A segment may end before any ASCII byte or quick code point: both are
// starters that never combine backwards, so composition and canonical
// ordering never cross such a boundary, and the result equals whole-string
// normalisation.
#include "neardup/normalise.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "internal/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup {
namespace {

using internal::DecodeUtf8;
using internal::EncodeUtf8;
using internal::kReplacementCharacter;
using internal::Utf8Decoded;

// Extra bytes kept at the end of the output buffer.
constexpr size_t kSlack = 16;
// Upper bound on re-normalisation rounds for text whose output still holds a
// decodable entity (see Normalise()).
constexpr int kMaxEntityRounds = 16;
// The quick-code-point table covers U+0000..U+2FFFF (BMP, SMP, and the CJK
// extension plane); code points above are always treated as not quick.
constexpr char32_t kQuickLimit = 0x30000;

// ------------------------------------------------------------ ASCII tables

// Output byte for each input byte. Letters are lower-cased in `fold`; tab,
// space and the other C0 controls and DEL map to ' '; LF, CR, VT and FF
// (mandatory line breaks in UAX #14) map to '\n'. 0 marks the bytes the ASCII
// loop does not handle itself: '&' and every byte >= 0x80.
struct AsciiMaps {
  std::array<uint8_t, 256> fold{};
  std::array<uint8_t, 256> keep{};
};

constexpr AsciiMaps MakeAsciiMaps() {
  AsciiMaps m;
  for (int c = 0; c < 0x80; ++c) {
    uint8_t v = static_cast<uint8_t>(c);
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      v = '\n';
    } else if (c < 0x20 || c == 0x7F) {
      v = ' ';
    }
    m.keep[c] = v;
    m.fold[c] = (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c + 32) : v;
  }
  m.keep['&'] = m.fold['&'] = 0;
  return m;
}

constexpr AsciiMaps kAsciiMaps = MakeAsciiMaps();

// ------------------------------------------------------- HTML entities

struct NamedEntity {
  const char* name;
  char32_t code_point;
};

// The 252 HTML 4.01 character entities plus &apos; (generated from Python's
// html.entities.name2codepoint), sorted by name in byte order.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0x00C6},   {"Aacute", 0x00C1},  {"Acirc", 0x00C2},
    {"Agrave", 0x00C0},  {"Alpha", 0x0391},   {"Aring", 0x00C5},
    {"Atilde", 0x00C3},  {"Auml", 0x00C4},    {"Beta", 0x0392},
    {"Ccedil", 0x00C7},  {"Chi", 0x03A7},     {"Dagger", 0x2021},
    {"Delta", 0x0394},   {"ETH", 0x00D0},     {"Eacute", 0x00C9},
    {"Ecirc", 0x00CA},   {"Egrave", 0x00C8},  {"Epsilon", 0x0395},
    {"Eta", 0x0397},     {"Euml", 0x00CB},    {"Gamma", 0x0393},
    {"Iacute", 0x00CD},  {"Icirc", 0x00CE},   {"Igrave", 0x00CC},
    {"Iota", 0x0399},    {"Iuml", 0x00CF},    {"Kappa", 0x039A},
    {"Lambda", 0x039B},  {"Mu", 0x039C},      {"Ntilde", 0x00D1},
    {"Nu", 0x039D},      {"OElig", 0x0152},   {"Oacute", 0x00D3},
    {"Ocirc", 0x00D4},   {"Ograve", 0x00D2},  {"Omega", 0x03A9},
    {"Omicron", 0x039F}, {"Oslash", 0x00D8},  {"Otilde", 0x00D5},
    {"Ouml", 0x00D6},    {"Phi", 0x03A6},     {"Pi", 0x03A0},
    {"Prime", 0x2033},   {"Psi", 0x03A8},     {"Rho", 0x03A1},
    {"Scaron", 0x0160},  {"Sigma", 0x03A3},   {"THORN", 0x00DE},
    {"Tau", 0x03A4},     {"Theta", 0x0398},   {"Uacute", 0x00DA},
    {"Ucirc", 0x00DB},   {"Ugrave", 0x00D9},  {"Upsilon", 0x03A5},
    {"Uuml", 0x00DC},    {"Xi", 0x039E},      {"Yacute", 0x00DD},
    {"Yuml", 0x0178},    {"Zeta", 0x0396},    {"aacute", 0x00E1},
    {"acirc", 0x00E2},   {"acute", 0x00B4},   {"aelig", 0x00E6},
    {"agrave", 0x00E0},  {"alefsym", 0x2135}, {"alpha", 0x03B1},
    {"amp", 0x0026},     {"and", 0x2227},     {"ang", 0x2220},
    {"apos", 0x0027},    {"aring", 0x00E5},   {"asymp", 0x2248},
    {"atilde", 0x00E3},  {"auml", 0x00E4},    {"bdquo", 0x201E},
    {"beta", 0x03B2},    {"brvbar", 0x00A6},  {"bull", 0x2022},
    {"cap", 0x2229},     {"ccedil", 0x00E7},  {"cedil", 0x00B8},
    {"cent", 0x00A2},    {"chi", 0x03C7},     {"circ", 0x02C6},
    {"clubs", 0x2663},   {"cong", 0x2245},    {"copy", 0x00A9},
    {"crarr", 0x21B5},   {"cup", 0x222A},     {"curren", 0x00A4},
    {"dArr", 0x21D3},    {"dagger", 0x2020},  {"darr", 0x2193},
    {"deg", 0x00B0},     {"delta", 0x03B4},   {"diams", 0x2666},
    {"divide", 0x00F7},  {"eacute", 0x00E9},  {"ecirc", 0x00EA},
    {"egrave", 0x00E8},  {"empty", 0x2205},   {"emsp", 0x2003},
    {"ensp", 0x2002},    {"epsilon", 0x03B5}, {"equiv", 0x2261},
    {"eta", 0x03B7},     {"eth", 0x00F0},     {"euml", 0x00EB},
    {"euro", 0x20AC},    {"exist", 0x2203},   {"fnof", 0x0192},
    {"forall", 0x2200},  {"frac12", 0x00BD},  {"frac14", 0x00BC},
    {"frac34", 0x00BE},  {"frasl", 0x2044},   {"gamma", 0x03B3},
    {"ge", 0x2265},      {"gt", 0x003E},      {"hArr", 0x21D4},
    {"harr", 0x2194},    {"hearts", 0x2665},  {"hellip", 0x2026},
    {"iacute", 0x00ED},  {"icirc", 0x00EE},   {"iexcl", 0x00A1},
    {"igrave", 0x00EC},  {"image", 0x2111},   {"infin", 0x221E},
    {"int", 0x222B},     {"iota", 0x03B9},    {"iquest", 0x00BF},
    {"isin", 0x2208},    {"iuml", 0x00EF},    {"kappa", 0x03BA},
    {"lArr", 0x21D0},    {"lambda", 0x03BB},  {"lang", 0x2329},
    {"laquo", 0x00AB},   {"larr", 0x2190},    {"lceil", 0x2308},
    {"ldquo", 0x201C},   {"le", 0x2264},      {"lfloor", 0x230A},
    {"lowast", 0x2217},  {"loz", 0x25CA},     {"lrm", 0x200E},
    {"lsaquo", 0x2039},  {"lsquo", 0x2018},   {"lt", 0x003C},
    {"macr", 0x00AF},    {"mdash", 0x2014},   {"micro", 0x00B5},
    {"middot", 0x00B7},  {"minus", 0x2212},   {"mu", 0x03BC},
    {"nabla", 0x2207},   {"nbsp", 0x00A0},    {"ndash", 0x2013},
    {"ne", 0x2260},      {"ni", 0x220B},      {"not", 0x00AC},
    {"notin", 0x2209},   {"nsub", 0x2284},    {"ntilde", 0x00F1},
    {"nu", 0x03BD},      {"oacute", 0x00F3},  {"ocirc", 0x00F4},
    {"oelig", 0x0153},   {"ograve", 0x00F2},  {"oline", 0x203E},
    {"omega", 0x03C9},   {"omicron", 0x03BF}, {"oplus", 0x2295},
    {"or", 0x2228},      {"ordf", 0x00AA},    {"ordm", 0x00BA},
    {"oslash", 0x00F8},  {"otilde", 0x00F5},  {"otimes", 0x2297},
    {"ouml", 0x00F6},    {"para", 0x00B6},    {"part", 0x2202},
    {"permil", 0x2030},  {"perp", 0x22A5},    {"phi", 0x03C6},
    {"pi", 0x03C0},      {"piv", 0x03D6},     {"plusmn", 0x00B1},
    {"pound", 0x00A3},   {"prime", 0x2032},   {"prod", 0x220F},
    {"prop", 0x221D},    {"psi", 0x03C8},     {"quot", 0x0022},
    {"rArr", 0x21D2},    {"radic", 0x221A},   {"rang", 0x232A},
    {"raquo", 0x00BB},   {"rarr", 0x2192},    {"rceil", 0x2309},
    {"rdquo", 0x201D},   {"real", 0x211C},    {"reg", 0x00AE},
    {"rfloor", 0x230B},  {"rho", 0x03C1},     {"rlm", 0x200F},
    {"rsaquo", 0x203A},  {"rsquo", 0x2019},   {"sbquo", 0x201A},
    {"scaron", 0x0161},  {"sdot", 0x22C5},    {"sect", 0x00A7},
    {"shy", 0x00AD},     {"sigma", 0x03C3},   {"sigmaf", 0x03C2},
    {"sim", 0x223C},     {"spades", 0x2660},  {"sub", 0x2282},
    {"sube", 0x2286},    {"sum", 0x2211},     {"sup", 0x2283},
    {"sup1", 0x00B9},    {"sup2", 0x00B2},    {"sup3", 0x00B3},
    {"supe", 0x2287},    {"szlig", 0x00DF},   {"tau", 0x03C4},
    {"there4", 0x2234},  {"theta", 0x03B8},   {"thetasym", 0x03D1},
    {"thinsp", 0x2009},  {"thorn", 0x00FE},   {"tilde", 0x02DC},
    {"times", 0x00D7},   {"trade", 0x2122},   {"uArr", 0x21D1},
    {"uacute", 0x00FA},  {"uarr", 0x2191},    {"ucirc", 0x00FB},
    {"ugrave", 0x00F9},  {"uml", 0x00A8},     {"upsih", 0x03D2},
    {"upsilon", 0x03C5}, {"uuml", 0x00FC},    {"weierp", 0x2118},
    {"xi", 0x03BE},      {"yacute", 0x00FD},  {"yen", 0x00A5},
    {"yuml", 0x00FF},    {"zeta", 0x03B6},    {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

static_assert(std::is_sorted(std::begin(kNamedEntities),
                             std::end(kNamedEntities),
                             [](const NamedEntity& a, const NamedEntity& b) {
                               return std::string_view(a.name) <
                                      std::string_view(b.name);
                             }),
              "kNamedEntities must be sorted for binary search");

constexpr size_t kMaxEntityName = 8;  // "thetasym"

// HTML5 maps numeric references 0x80..0x9F through Windows-1252 (the bytes
// old pages meant); 0 keeps the C1 control.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t LookupNamedEntity(const char* name, size_t len) {
  const std::string_view key(name, len);
  const auto* begin = std::begin(kNamedEntities);
  const auto* end = std::end(kNamedEntities);
  const auto* it = std::lower_bound(
      begin, end, key,
      [](const NamedEntity& e, std::string_view k) { return e.name < k; });
  if (it != end && it->name == key) return it->code_point;
  return 0;
}

// Parses the part of a character reference after '&' ("amp;", "#8217;",
// "#x2014;") starting at s[p]. On success stores the code point and returns
// the position after ';'; otherwise returns 0. A ';' is required.
size_t ParseEntityBody(const unsigned char* s, size_t n, size_t p,
                       char32_t* code_point) {
  if (p >= n) return 0;
  if (s[p] == '#') {
    ++p;
    const bool hex = p < n && (s[p] | 0x20) == 'x';
    if (hex) ++p;
    uint32_t v = 0;
    size_t digits = 0;
    for (; p < n; ++p, ++digits) {
      const unsigned c = s[p];
      unsigned d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      v = v * (hex ? 16 : 10) + d;
      if (v > internal::kMaxCodePoint) v = internal::kMaxCodePoint + 1;
    }
    if (digits == 0 || p >= n || s[p] != ';') return 0;
    if (v == 0 || v > internal::kMaxCodePoint || (v >= 0xD800 && v <= 0xDFFF)) {
      v = kReplacementCharacter;
    } else if (v >= 0x80 && v <= 0x9F && kWindows1252[v - 0x80] != 0) {
      v = kWindows1252[v - 0x80];
    }
    *code_point = v;
    return p + 1;
  }
  char name[kMaxEntityName + 1];
  size_t len = 0;
  while (p < n && len <= kMaxEntityName) {
    const unsigned c = s[p];
    const bool alnum =
        (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!alnum) break;
    name[len++] = static_cast<char>(c);
    ++p;
  }
  if (len == 0 || len > kMaxEntityName || p >= n || s[p] != ';') return 0;
  char32_t cp = LookupNamedEntity(name, len);
  if (cp == 0) {
    // "&AMP;", "&Eacute;" typed in capitals: case folding would otherwise
    // turn them into decodable entities on a second pass.
    for (size_t k = 0; k < len; ++k) {
      if (name[k] >= 'A' && name[k] <= 'Z')
        name[k] = static_cast<char>(name[k] + 32);
    }
    cp = LookupNamedEntity(name, len);
    if (cp == 0) return 0;
  }
  *code_point = cp;
  return p + 1;
}

// Parses a character reference at s[i] == '&'. A reference that decodes to
// '&' is joined with a following one ("&amp;lt;" -> '<', "&amp;amp;" -> '&'),
// so double-escaped text decodes fully in one pass.
bool ParseEntity(const unsigned char* s, size_t n, size_t i,
                 char32_t* code_point, size_t* end) {
  char32_t cp;
  size_t e = ParseEntityBody(s, n, i + 1, &cp);
  if (e == 0) return false;
  while (cp == '&') {
    char32_t next;
    const size_t e2 = ParseEntityBody(s, n, e, &next);
    if (e2 == 0) break;
    cp = next;
    e = e2;
  }
  *code_point = cp;
  *end = e;
  return true;
}

bool HasDecodableEntity(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const void* hit = n ? std::memchr(s, '&', n) : nullptr;
  while (hit != nullptr) {
    const size_t i = static_cast<const unsigned char*>(hit) - s;
    char32_t cp;
    if (ParseEntityBody(s, n, i + 1, &cp) != 0) return true;
    hit = i + 1 < n ? std::memchr(s + i + 1, '&', n - i - 1) : nullptr;
  }
  return false;
}

// ----------------------------------------------- typography and spacing

// What happens to one non-ASCII code point before and after NFKC.
struct Mapped {
  int8_t len;  ///< -1: keep; 0: remove; 1..3: replace with ascii[0..len)
  char ascii[3];
};

constexpr Mapped kKeep{-1, {}};
constexpr Mapped kRemove{0, {}};
constexpr Mapped kSpace{1, {' '}};
constexpr Mapped kLineBreak{1, {'\n'}};
constexpr Mapped kApostrophe{1, {'\''}};
constexpr Mapped kQuote{1, {'"'}};
constexpr Mapped kDash{1, {'-'}};
constexpr Mapped kEllipsis{3, {'.', '.', '.'}};

// Precondition: cp >= 0x80. Spaces, line separators, C1 controls and
// format characters are handled whatever `typography` says; quotes, primes,
// dashes and the ellipsis only when it is set.
Mapped PreMap(char32_t cp, bool typography) {
  if (cp < 0xA0) return cp == 0x85 ? kLineBreak : kSpace;  // C1 controls
  if (cp < 0x2000) {
    switch (cp) {
      case 0x00A0:  // NO-BREAK SPACE
      case 0x1680:  // OGHAM SPACE MARK
        return kSpace;
      case 0x00AD:  // SOFT HYPHEN
        return kRemove;
      case 0x00AB:  // «
      case 0x00BB:  // »
        return typography ? kQuote : kKeep;
      default:
        break;
    }
  } else if (cp <= 0x2E3B) {
    if (cp <= 0x200A) return kSpace;   // EN QUAD .. HAIR SPACE
    if (cp <= 0x200F) return kRemove;  // ZWSP, ZWNJ, ZWJ, LRM, RLM
    if (cp == 0x2028 || cp == 0x2029) return kLineBreak;
    if (cp >= 0x202A && cp <= 0x202E) return kRemove;  // bidi embeddings
    if (cp == 0x202F || cp == 0x205F) return kSpace;   // narrow/math space
    if ((cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F)) {
      return kRemove;  // WORD JOINER, invisible operators, bidi isolates
    }
    if (typography) {
      switch (cp) {
        case 0x2010:  // ‐
        case 0x2011:  // ‑
        case 0x2012:  // ‒
        case 0x2013:  // –
        case 0x2014:  // —
        case 0x2015:  // ―
        case 0x2212:  // −
        case 0x2E3A:  // ⸺
        case 0x2E3B:  // ⸻
          return kDash;
        case 0x2018:  // ‘
        case 0x2019:  // ’
        case 0x201A:  // ‚
        case 0x201B:  // ‛
        case 0x2032:  // ′
        case 0x2035:  // ‵
        case 0x2039:  // ‹
        case 0x203A:  // ›
          return kApostrophe;
        case 0x201C:  // “
        case 0x201D:  // ”
        case 0x201E:  // „
        case 0x201F:  // ‟
        case 0x2033:  // ″
        case 0x2036:  // ‶
          return kQuote;
        case 0x2026:  // …
          return kEllipsis;
        default:
          break;
      }
    }
  } else if (cp == 0x3000) {  // IDEOGRAPHIC SPACE
    return kSpace;
  } else if (cp == 0xFEFF) {  // BYTE ORDER MARK / ZWNBSP
    return kRemove;
  }
  const utf8proc_category_t cat =
      utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (cat == UTF8PROC_CATEGORY_CF) return kRemove;
  if (cat == UTF8PROC_CATEGORY_ZS) return kSpace;
  if (cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
    return kLineBreak;
  return kKeep;
}

// ------------------------------------------------------ Unicode helpers

constexpr utf8proc_option_t kCanonicalDecompose = UTF8PROC_COMPOSE;
// Canonical composition. Without UTF8PROC_STABLE, utf8proc 2.8 also composes
// the composition exclusions (U+0958 क़, U+1D15E 𝅗𝅥), which NFC must not.
constexpr auto kCompose =
    static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE);

inline int CombiningClass(int32_t cp) {
  return cp < 0x300 ? 0 : utf8proc_get_property(cp)->combining_class;
}

// Puts every run of non-starters into canonical order (stable by combining
// class), as required before composition (UAX #15). `scratch` is reused.
void CanonicalOrder(int32_t* b, size_t n,
                    std::vector<std::pair<int, int32_t>>* scratch) {
  size_t k = 0;
  while (k < n) {
    if (CombiningClass(b[k]) == 0) {
      ++k;
      continue;
    }
    const size_t start = k;
    bool sorted = true;
    int last = 0;
    for (; k < n; ++k) {
      const int ccc = CombiningClass(b[k]);
      if (ccc == 0) break;
      if (ccc < last) sorted = false;
      last = ccc;
    }
    if (sorted) continue;
    scratch->clear();
    for (size_t m = start; m < k; ++m)
      scratch->emplace_back(CombiningClass(b[m]), b[m]);
    std::stable_sort(
        scratch->begin(), scratch->end(),
        [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t m = start; m < k; ++m) b[m] = (*scratch)[m - start].second;
  }
}

// Bit tables built once from utf8proc.
class Tables {
 public:
  Tables() : quick_(kQuickLimit / 64) {
    std::vector<uint64_t> second(kQuickLimit / 64);
    int32_t buf[64];
    // Any code point that is not first in a canonical decomposition may
    // combine with the character before it (this covers the combining
    // marks, Hangul vowel and final jamo, and the ccc=0 vowel signs of
    // Indic scripts that compose, such as U+0BBE).
    for (char32_t cp = 0; cp < kQuickLimit; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      const auto r = utf8proc_decompose_char(static_cast<int32_t>(cp), buf, 64,
                                             kCanonicalDecompose, nullptr);
      for (utf8proc_ssize_t k = 1; k < r && k < 64; ++k) {
        if (buf[k] >= 0 && static_cast<char32_t>(buf[k]) < kQuickLimit)
          Set(&second, buf[k]);
      }
    }
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                       UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    std::vector<std::pair<int, int32_t>> scratch;
    for (char32_t cp = 0x80; cp < kQuickLimit; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      if (Get(second, cp)) continue;
      if (PreMap(cp, true).len != -1) continue;
      const auto c = static_cast<int32_t>(cp);
      if (CombiningClass(c) != 0) continue;
      auto r = utf8proc_decompose_char(c, buf, 64, options, nullptr);
      if (r <= 0 || r > 64) continue;
      CanonicalOrder(buf, static_cast<size_t>(r), &scratch);
      r = utf8proc_normalize_utf32(buf, r, kCompose);
      if (r == 1 && buf[0] == c) Set(&quick_, cp);
    }
  }

  /// True if `cp` (>= 0x80) is its own normal form, a starter, and never
  /// combines with a preceding character; such code points are copied.
  bool IsQuick(char32_t cp) const { return IsQuick(quick_.data(), cp); }
  static bool IsQuick(const uint64_t* bits, char32_t cp) {
    return cp < kQuickLimit && ((bits[cp >> 6] >> (cp & 63)) & 1) != 0;
  }
  const uint64_t* quick_bits() const { return quick_.data(); }

 private:
  static void Set(std::vector<uint64_t>* bits, char32_t cp) {
    (*bits)[cp >> 6] |= uint64_t{1} << (cp & 63);
  }
  static bool Get(const std::vector<uint64_t>& bits, char32_t cp) {
    return (bits[cp >> 6] >> (cp & 63)) & 1;
  }

  std::vector<uint64_t> quick_;
};

const Tables& GetTables() {
  static const Tables* const tables = new Tables();
  return *tables;
}

// Per-thread buffers reused across calls.
struct Scratch {
  std::vector<int32_t> segment;
  std::vector<std::pair<int, int32_t>> sort;
  std::string rerun;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// ------------------------------------------------------------ Normaliser

class Normaliser {
 public:
  Normaliser(const NormaliseOptions& options, std::string* out,
             Scratch* scratch)
      : map_(options.case_fold ? kAsciiMaps.fold.data()
                               : kAsciiMaps.keep.data()),
        typography_(options.map_typography),
        entities_(options.decode_html_entities),
        decompose_options_(static_cast<utf8proc_option_t>(
            UTF8PROC_COMPOSE | UTF8PROC_IGNORE |
            (options.nfkc ? UTF8PROC_COMPAT : 0) |
            (options.case_fold ? UTF8PROC_CASEFOLD : 0))),
        tables_(GetTables()),
        out_(out),
        segment_(&scratch->segment),
        sort_(&scratch->sort) {}

  /// Normalises `text` (which must not alias *out) into *out; returns the
  /// number of ill-formed UTF-8 subsequences replaced.
  uint64_t Run(std::string_view text) {
    s_ = reinterpret_cast<const unsigned char*>(text.data());
    n_ = text.size();
    i_ = 0;
    j_ = 0;
    prev_ws_ = true;  // drops leading whitespace
    invalid_ = 0;
    out_->clear();
    out_->resize(n_ + kSlack);
    while (true) {
      AsciiLoop();
      if (i_ >= n_) break;
      if (s_[i_] == '&' && HandleAmpersand()) continue;
      UnicodeLoop();
      // The ASCII loop writes at most one byte per input byte.
      Reserve(n_ - i_ + kSlack);
    }
    if (prev_ws_ && j_ > 0) --j_;  // trailing whitespace
    out_->resize(j_);
    return invalid_;
  }

 private:
  // Makes room for `extra` more bytes after the write position.
  void Reserve(size_t extra) {
    if (out_->size() < j_ + extra)
      out_->resize(std::max(j_ + extra, 2 * out_->size()));
  }

  // Writes mapped ASCII byte `v` (never 0), folding whitespace. Needs room
  // for one byte.
  void EmitAscii(uint8_t v) {
    const bool ws = v <= ' ';
    char* o = out_->data();
    if (ws && prev_ws_) {
      if (j_ > 0) o[j_ - 1] = std::min(o[j_ - 1], static_cast<char>(v));
    } else {
      o[j_++] = static_cast<char>(v);
    }
    prev_ws_ = ws;
  }

  // The hot loop for ASCII text. Whitespace is written as ' ' or '\n' at
  // once; a whitespace byte after whitespace only turns the written one into
  // '\n' when it is a line break ('\n' < ' '). With SSE2, blocks of 16
  // bytes that hold only printable characters other than '&' and single
  // spaces or '\n's (the bulk of prose) are lower-cased and copied at once;
  // any other block goes through the table byte by byte.
  void AsciiLoop() {
    const unsigned char* const s = s_;
    const size_t n = n_;
    const uint8_t* const map = map_;
    char* const base = out_->data();
    char* dst = base + j_;
    size_t i = i_;
    bool prev_ws = prev_ws_;
#if defined(__SSE2__)
    const __m128i fold =
        _mm_set1_epi8(map == kAsciiMaps.fold.data() ? 0x20 : 0);
    const __m128i upper_lo = _mm_set1_epi8('A' - 1);
    const __m128i upper_hi = _mm_set1_epi8('Z' + 1);
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i del = _mm_set1_epi8(0x7F);
    const __m128i amp = _mm_set1_epi8('&');
#endif
    while (i < n) {
#if defined(__SSE2__)
      // Capacity: *out_ has room for n - i more bytes, so 16 when i + 16 <= n.
      while (i + 16 <= n) {
        const __m128i x =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i ws =
            _mm_or_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(x, newline));
        // Signed compares: bytes >= 0x80 are negative, so not graphic.
        const __m128i graphic = _mm_andnot_si128(
            _mm_cmpeq_epi8(x, amp),
            _mm_and_si128(_mm_cmpgt_epi8(x, space), _mm_cmplt_epi8(x, del)));
        const unsigned ok =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(graphic, ws)));
        const unsigned w = static_cast<unsigned>(_mm_movemask_epi8(ws));
        if (ok != 0xFFFF ||
            (w & ((w << 1) | static_cast<unsigned>(prev_ws))) != 0)
          break;
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, upper_lo),
                                            _mm_cmplt_epi8(x, upper_hi));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst),
                         _mm_add_epi8(x, _mm_and_si128(upper, fold)));
        dst += 16;
        i += 16;
        prev_ws = (w >> 15) != 0;
      }
      const size_t stop = std::min(n, i + 16);
#else
      const size_t stop = n;
#endif
      while (i < stop) {
        const uint8_t v = map[s[i]];
        if (v == 0) goto done;
        ++i;
        const bool ws = v <= ' ';
        if (ws & prev_ws) {
          if (dst != base) dst[-1] = std::min(dst[-1], static_cast<char>(v));
        } else {
          *dst++ = static_cast<char>(v);
        }
        prev_ws = ws;
      }
    }
  done:
    i_ = i;
    j_ = static_cast<size_t>(dst - base);
    prev_ws_ = prev_ws;
  }

  // s_[i_] == '&'. Handles a literal '&' and references that decode to
  // ASCII (or to typography mapped to ASCII); returns false, consuming
  // nothing, when the reference needs the Unicode loop. Never writes more
  // bytes than it consumes.
  bool HandleAmpersand() {
    char32_t cp;
    size_t end;
    if (!entities_ || !ParseEntity(s_, n_, i_, &cp, &end)) {
      EmitAscii('&');
      ++i_;
      return true;
    }
    if (cp < 0x80) {
      EmitAscii(cp == '&' ? '&' : map_[cp]);
      i_ = end;
      return true;
    }
    const Mapped m = PreMap(cp, typography_);
    if (m.len <= 0) return false;  // removal must not split a segment
    for (int k = 0; k < m.len; ++k) EmitAscii(static_cast<uint8_t>(m.ascii[k]));
    i_ = end;
    return true;
  }

  // Handles text from a non-ASCII byte (or a reference to a non-ASCII
  // character) up to the next run of two or more ASCII bytes. Keeps the
  // capacity invariant of AsciiLoop: room for n_ - i_ + kSlack more bytes.
  void UnicodeLoop() {
    segment_->clear();
    // The ASCII letter just written may combine with what follows.
    tail_ = (!prev_ws_ && j_ > 0 &&
             static_cast<unsigned char>((*out_)[j_ - 1]) < 0x80)
                ? 1
                : 0;
    while (i_ < n_) {
      Reserve(n_ - i_ + kSlack);
      if (segment_->empty()) {
        QuickRun();
        if (i_ >= n_) break;
      }
      const unsigned char c = s_[i_];
      if (c < 0x80) {
        if (c == '&') {
          char32_t cp;
          size_t end;
          if (entities_ && ParseEntity(s_, n_, i_, &cp, &end) && cp >= 0x80) {
            i_ = end;
            AddSlow(cp);
            continue;
          }
          break;
        }
        // A lone ASCII byte between non-ASCII ones: QuickRun writes it.
        if (!segment_->empty() && i_ + 1 < n_ && s_[i_ + 1] >= 0x80) {
          Flush();
          continue;
        }
        break;
      }
      const Utf8Decoded d =
          DecodeUtf8(reinterpret_cast<const char*>(s_) + i_, n_ - i_);
      if (tables_.IsQuick(d.code_point)) {
        if (!segment_->empty()) {
          Flush();
          continue;  // QuickRun copies it
        }
        // Only U+FFFD for an ill-formed sequence gets here.
        char* o = out_->data() + j_;
        size_t len;
        if (d.valid) {
          std::memcpy(o, s_ + i_, d.length);
          len = d.length;
        } else {
          ++invalid_;
          len = EncodeUtf8(kReplacementCharacter, o);
        }
        j_ += len;
        prev_ws_ = false;
        tail_ = len;
        i_ += d.length;
        continue;
      }
      i_ += d.length;
      AddSlow(d.code_point);
    }
    if (!segment_->empty()) Flush();
    tail_ = 0;
  }

  // Precondition: the segment is empty. Copies well-formed quick code points
  // and writes single ASCII bytes that sit between non-ASCII ones (the spaces
  // between Urdu words), all in local variables. Stops, consuming nothing
  // more, at anything else. Writes at most as many bytes as it reads.
  void QuickRun() {
    const unsigned char* const s = s_;
    const size_t n = n_;
    const uint8_t* const map = map_;
    const uint64_t* const quick = tables_.quick_bits();
    char* const base = out_->data();
    char* dst = base + j_;
    size_t i = i_;
    bool prev_ws = prev_ws_;
    size_t tail = tail_;
    while (i < n) {
      const unsigned char c = s[i];
      if (c < 0x80) {
        if (c == '&' || i + 1 >= n || s[i + 1] < 0x80) break;
        const uint8_t v = map[c];
        const bool ws = v <= ' ';
        if (ws & prev_ws) {
          if (dst != base) dst[-1] = std::min(dst[-1], static_cast<char>(v));
        } else {
          *dst++ = static_cast<char>(v);
        }
        prev_ws = ws;
        tail = ws ? 0 : 1;
        ++i;
        continue;
      }
      const Utf8Decoded d =
          DecodeUtf8(reinterpret_cast<const char*>(s) + i, n - i);
      if (!d.valid || !Tables::IsQuick(quick, d.code_point)) break;
      dst[0] = static_cast<char>(c);
      dst[1] = static_cast<char>(s[i + 1]);
      if (d.length > 2) dst[2] = static_cast<char>(s[i + 2]);
      if (d.length > 3) dst[3] = static_cast<char>(s[i + 3]);
      dst += d.length;
      i += d.length;
      prev_ws = false;
      tail = d.length;
    }
    i_ = i;
    j_ = static_cast<size_t>(dst - base);
    prev_ws_ = prev_ws;
    tail_ = tail;
  }

  // Adds non-ASCII, non-quick code point `cp` to the segment.
  void AddSlow(char32_t cp) {
    const Mapped m = PreMap(cp, typography_);
    if (m.len == 0) return;
    if (segment_->empty()) StartSegment();
    if (m.len > 0) {
      for (int k = 0; k < m.len; ++k) segment_->push_back(m.ascii[k]);
      return;
    }
    Decompose(cp);
  }

  // Moves the last starter written (if it may combine) back into the
  // segment.
  void StartSegment() {
    if (tail_ == 0) return;
    const size_t start = j_ - tail_;
    const Utf8Decoded d = DecodeUtf8(out_->data() + start, tail_);
    j_ = start;
    tail_ = 0;
    if (d.code_point < 0x80) {
      segment_->push_back(static_cast<int32_t>(d.code_point));
    } else {
      Decompose(d.code_point);
    }
  }

  void Decompose(char32_t cp) {
    std::vector<int32_t>& seg = *segment_;
    const size_t k = seg.size();
    constexpr utf8proc_ssize_t kRoom = 32;
    seg.resize(k + kRoom);
    auto r = utf8proc_decompose_char(static_cast<int32_t>(cp), seg.data() + k,
                                     kRoom, decompose_options_, nullptr);
    if (r > kRoom) {
      seg.resize(k + static_cast<size_t>(r));
      r = utf8proc_decompose_char(static_cast<int32_t>(cp), seg.data() + k, r,
                                  decompose_options_, nullptr);
    }
    if (r < 0) {  // not reachable for scalar values; keep the code point
      seg[k] = static_cast<int32_t>(cp);
      r = 1;
    }
    seg.resize(k + static_cast<size_t>(r));
  }

  // Composes the segment and writes it out.
  void Flush() {
    std::vector<int32_t>& seg = *segment_;
    CanonicalOrder(seg.data(), seg.size(), sort_);
    const auto len = utf8proc_normalize_utf32(
        seg.data(), static_cast<utf8proc_ssize_t>(seg.size()), kCompose);
    const size_t count = len > 0 ? static_cast<size_t>(len) : 0;
    Reserve(4 * count + kSlack);
    for (size_t k = 0; k < count; ++k) {
      const auto cp = static_cast<char32_t>(seg[k]);
      if (cp < 0x80) {
        EmitAscii(cp == '&' ? '&' : map_[cp]);
        continue;
      }
      if (!tables_.IsQuick(cp)) {
        // NFKC can produce typography: U+FE58 -> U+2014, U+FF02 -> '"'.
        const Mapped m = PreMap(cp, typography_);
        if (m.len == 0) continue;
        if (m.len > 0) {
          for (int t = 0; t < m.len; ++t)
            EmitAscii(static_cast<uint8_t>(m.ascii[t]));
          continue;
        }
      }
      j_ += EncodeUtf8(cp, out_->data() + j_);
      prev_ws_ = false;
    }
    seg.clear();
  }

  const uint8_t* const map_;
  const bool typography_;
  const bool entities_;
  const utf8proc_option_t decompose_options_;
  const Tables& tables_;
  std::string* const out_;
  std::vector<int32_t>* const segment_;
  std::vector<std::pair<int, int32_t>>* const sort_;

  const unsigned char* s_ = nullptr;
  size_t n_ = 0;
  size_t i_ = 0;  // read position in s_
  size_t j_ = 0;  // write position in *out_
  bool prev_ws_ = true;
  size_t tail_ = 0;  // bytes of the last starter written that may be popped
  uint64_t invalid_ = 0;
};

}  // namespace

void Normalise(std::string_view text, const NormaliseOptions& options,
               std::string* out, NormaliseStats* stats) {
  Scratch& scratch = ThreadScratch();
  // Tolerate `text` pointing into *out.
  if (!text.empty() && text.data() >= out->data() &&
      text.data() < out->data() + out->size()) {
    scratch.rerun.assign(text.data(), text.size());
    text = scratch.rerun;
  }
  Normaliser normaliser(options, out, &scratch);
  const uint64_t invalid = normaliser.Run(text);
  if (options.decode_html_entities) {
    // Decoding is repeated while the result still holds a character
    // reference, e.g. one formed by case folding, NFKC or removing an
    // invisible character, or escapes nested deeper than "&amp;" chains.
    for (int round = 0; round < kMaxEntityRounds && HasDecodableEntity(*out);
         ++round) {
      scratch.rerun.swap(*out);
      normaliser.Run(scratch.rerun);
    }
  }
  if (stats != nullptr) stats->invalid_utf8 += invalid;
  // Do not keep the memory of one huge document for the thread's lifetime.
  constexpr size_t kKeepBytes = size_t{16} << 20;
  if (scratch.segment.capacity() * sizeof(int32_t) > kKeepBytes) {
    std::vector<int32_t>().swap(scratch.segment);
  }
  if (scratch.rerun.capacity() > kKeepBytes) std::string().swap(scratch.rerun);
}

std::string Normalise(std::string_view text, const NormaliseOptions& options) {
  std::string out;
  Normalise(text, options, &out, nullptr);
  return out;
}

}  // namespace neardup

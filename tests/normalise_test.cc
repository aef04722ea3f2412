#include "neardup/normalise.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/tokenise.h"

namespace neardup {
namespace {

std::string N(std::string_view s, const NormaliseOptions& options = {}) {
  return Normalise(s, options);
}

uint64_t InvalidCount(std::string_view s) {
  NormaliseStats stats;
  std::string out;
  Normalise(s, {}, &out, &stats);
  return stats.invalid_utf8;
}

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// Decodes well-formed UTF-8; returns false on any ill-formed sequence.
bool DecodeAll(std::string_view s, std::vector<char32_t>* cps) {
  cps->clear();
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) return false;
    cps->push_back(static_cast<char32_t>(cp));
    i += static_cast<size_t>(n);
  }
  return true;
}

bool IsValidUtf8(std::string_view s) {
  std::vector<char32_t> cps;
  return DecodeAll(s, &cps);
}

// Format characters (Cf) become ZWSP, which UTF8PROC_IGNORE then drops.
utf8proc_int32_t DropFormatCharacters(utf8proc_int32_t cp, void*) {
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_CF ? 0x200B : cp;
}

// utf8proc's own whole-string NFKC + case folding, removing default
// ignorables and format characters: the reference for the Unicode part of
// Normalise.
std::string ReferenceNfkcCasefold(std::string_view s) {
  utf8proc_uint8_t* result = nullptr;
  const auto n = utf8proc_map_custom(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
      static_cast<utf8proc_ssize_t>(s.size()), &result,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                     UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_IGNORE),
      &DropFormatCharacters, nullptr);
  std::string out;
  if (n >= 0)
    out.assign(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
  std::free(result);
  return out;
}

// Folds runs of ' ' and trims them, as Normalise does.
std::string FoldSpaces(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == ' ') {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

void ExpectIdempotent(std::string_view input) {
  const std::string once = N(input);
  ASSERT_TRUE(IsValidUtf8(once))
      << "input: " << testing::PrintToString(std::string(input));
  EXPECT_EQ(N(once), once) << "input: "
                           << testing::PrintToString(std::string(input));
  EXPECT_EQ(InvalidCount(once), 0u);
}

TEST(NormaliseTest, HeaderExample) {
  NormaliseStats stats;
  std::string out;
  Normalise("\xE2\x80\x9CHello\xE2\x80\x9D &amp; WORLD", {}, &out, &stats);
  EXPECT_EQ(out, "\"hello\" & world");
  EXPECT_EQ(stats.invalid_utf8, 0u);
}

TEST(NormaliseTest, EmptyAndBlank) {
  EXPECT_EQ(N(""), "");
  EXPECT_EQ(N("   \t\n\r\n  "), "");
  EXPECT_EQ(N("\xC2\xA0\xE2\x80\x8B\xE3\x80\x80"),
            "");  // NBSP ZWSP ideographic space
}

TEST(NormaliseTest, AsciiLowercaseAndWhitespaceFolding) {
  EXPECT_EQ(N("Hello World"), "hello world");
  EXPECT_EQ(N("  Hello   World \t\n  Foo  "), "hello world\nfoo");
  EXPECT_EQ(N("a\r\nb"), "a\nb");
  EXPECT_EQ(N("a \n \n\n b"), "a\nb");
  EXPECT_EQ(N("a\tb"), "a b");
  EXPECT_EQ(N("a\vb\fc"), "a\nb\nc");
  EXPECT_EQ(N("para one.\n\n\npara two."), "para one.\npara two.");
  EXPECT_EQ(N("MiXeD 123 CaSe!"), "mixed 123 case!");
  // Reuters style: indented lines.
  EXPECT_EQ(N("BAHIA COCOA REVIEW\n\n    Showers continued"),
            "bahia cocoa review\nshowers continued");
}

TEST(NormaliseTest, ControlCharactersSeparate) {
  EXPECT_EQ(N(std::string("a\0b", 3)), "a b");
  EXPECT_EQ(N("a\x01\x02\x1F\x7F"
              "b"),
            "a b");
  EXPECT_EQ(N("a\xC2\x80"
              "b"),
            "a b");  // U+0080 (C1)
  EXPECT_EQ(N("a\xC2\x9F"
              "b"),
            "a b");  // U+009F (C1)
  EXPECT_EQ(N("a\xC2\x85"
              "b"),
            "a\nb");  // U+0085 NEXT LINE
  EXPECT_EQ(N("a\xE2\x80\xA8"
              "b"),
            "a\nb");  // U+2028 LINE SEPARATOR
  EXPECT_EQ(N("a\xE2\x80\xA9"
              "b"),
            "a\nb");  // U+2029 PARAGRAPH SEPARATOR
  EXPECT_EQ(N("a \xC2\xA0\n\xE3\x80\x80 b"), "a\nb");
  EXPECT_EQ(N(std::string("\0\0x\0", 4)), "x");
}

TEST(NormaliseTest, LatinAccentsLigaturesAndCaseFolding) {
  EXPECT_EQ(N("Caf\xC3\xA9"), "caf\xC3\xA9");    // precomposed é
  EXPECT_EQ(N("Cafe\xCC\x81"), "caf\xC3\xA9");   // e + U+0301
  EXPECT_EQ(N("CAF\xC3\x89"), "caf\xC3\xA9");    // É
  EXPECT_EQ(N("\xEF\xAC\x81nance"), "finance");  // ﬁ ligature
  EXPECT_EQ(N("\xEF\xAC\x83"), "ffi");           // ﬃ
  EXPECT_EQ(N("Stra\xC3\x9F"
              "e"),
            "strasse");                // ß -> ss
  EXPECT_EQ(N("\xE1\xBA\x9E"), "ss");  // ẞ capital sharp s
  EXPECT_EQ(N("\xE2\x84\xAA"), "k");   // KELVIN SIGN
  EXPECT_EQ(N("\xC3\x85ngstr\xC3\xB6m"), "\xC3\xA5ngstr\xC3\xB6m");
  EXPECT_EQ(N("\xE2\x84\xAB"), "\xC3\xA5");      // ANGSTROM SIGN -> å
  EXPECT_EQ(N("\xC5\x92uvre"), "\xC5\x93uvre");  // Œ -> œ
  EXPECT_EQ(N("\xCE\xA3\xCE\x99\xCE\xA3"),
            "\xCF\x83\xCE\xB9\xCF\x83");  // ΣΙΣ -> σισ
  EXPECT_EQ(N("\xCF\x82"), "\xCF\x83");   // final sigma folds to σ
  EXPECT_EQ(N("x\xC2\xB2"), "x2");        // superscript two (NFKC)
  EXPECT_EQ(N("\xC2\xBD"),
            "1\xE2\x81\x84"
            "2");  // ½ -> 1⁄2
}

TEST(NormaliseTest, TurkishDottedI) {
  // Default (non-Turkic) case folding: I -> i, İ -> i + U+0307, ı stays.
  EXPECT_EQ(N("ISTANBUL"), "istanbul");
  EXPECT_EQ(N("\xC4\xB0stanbul"), "i\xCC\x87stanbul");
  EXPECT_EQ(N("\xC4\xB1"), "\xC4\xB1");
  ExpectIdempotent("\xC4\xB0STANBUL \xC4\xB1I");
  std::vector<std::string_view> tokens;
  const std::string s = N("\xC4\xB0stanbul");
  Tokenise(s, &tokens);
  ASSERT_EQ(tokens.size(), 1u);  // the combining dot stays inside the word
}

TEST(NormaliseTest, TypographyMapping) {
  EXPECT_EQ(N("\xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x9A\xE2\x80\x9B"),
            "'single' ''");
  EXPECT_EQ(N("\xE2\x80\x9C"
              "double\xE2\x80\x9D \xE2\x80\x9E\xE2\x80\x9F"),
            "\"double\" \"\"");
  EXPECT_EQ(N("5\xE2\x80\xB2 6\xE2\x80\xB3"), "5' 6\"");  // primes
  EXPECT_EQ(N("\xC2\xAB"
              "bonjour\xC2\xBB"),
            "\"bonjour\"");
  EXPECT_EQ(N("it\xE2\x80\x99s"), "it's");
  EXPECT_EQ(N("a\xE2\x80\x90"
              "b\xE2\x80\x91"
              "c\xE2\x80\x92"
              "d\xE2\x80\x93"
              "e\xE2\x80\x94"
              "f\xE2\x80\x95"
              "g\xE2\x88\x92"
              "h"),
            "a-b-c-d-e-f-g-h");
  EXPECT_EQ(N("wait\xE2\x80\xA6"), "wait...");
  EXPECT_EQ(N("100\xC2\xA0km"), "100 km");  // NBSP
  EXPECT_EQ(N("a\xE2\x80\x89"
              "b\xE2\x80\xAF"
              "c"),
            "a b c");  // thin, narrow NBSP
  EXPECT_EQ(N("co\xC2\xAD"
              "operate"),
            "cooperate");                                // soft hyphen
  EXPECT_EQ(N("zero\xE2\x80\x8Bwidth"), "zerowidth");    // ZWSP
  EXPECT_EQ(N("\xEF\xBB\xBFHello"), "hello");            // BOM
  EXPECT_EQ(N("word\xE2\x81\xA0joiner"), "wordjoiner");  // WORD JOINER
  EXPECT_EQ(N("a\xE2\x80\x8E"
              "b\xE2\x80\x8F"
              "c"),
            "abc");                   // LRM, RLM
  EXPECT_EQ(N("\xEF\xB9\x98"), "-");  // small em dash (NFKC -> U+2014)
  EXPECT_EQ(N("\xEF\xBC\x82quoted\xEF\xBC\x82"),
            "\"quoted\"");  // full-width quotes
  // The same story typeset two ways normalises to one string.
  EXPECT_EQ(N("\xE2\x80\x9CIt\xE2\x80\x99s over\xE2\x80\xA6\xE2\x80\x9D "
              "\xE2\x80\x94 he said"),
            N("\"It's over...\" - he said"));
}

TEST(NormaliseTest, TypographyOptionOff) {
  NormaliseOptions options;
  options.map_typography = false;
  EXPECT_EQ(N("it\xE2\x80\x99s \xE2\x80\x94", options),
            "it\xE2\x80\x99s \xE2\x80\x94");
  EXPECT_EQ(N("a\xC2\xA0"
              "b",
              options),
            "a b");  // spaces still fold
  EXPECT_EQ(N("a\xC2\xAD"
              "b",
              options),
            "ab");  // Cf still removed
  EXPECT_EQ(N("wait\xE2\x80\xA6", options),
            "wait...");  // NFKC expands … itself
  options.nfkc = false;
  EXPECT_EQ(N("wait\xE2\x80\xA6", options), "wait\xE2\x80\xA6");
}

TEST(NormaliseTest, OtherOptions) {
  NormaliseOptions no_fold;
  no_fold.case_fold = false;
  EXPECT_EQ(N("Hello  WORLD \xC3\x89t\xC3\xA9", no_fold),
            "Hello WORLD \xC3\x89t\xC3\xA9");
  EXPECT_EQ(N("\xEF\xBC\xA1", no_fold), "A");  // full-width A, NFKC only
  EXPECT_TRUE(no_fold.Validate().ok());

  NormaliseOptions nfc;
  nfc.nfkc = false;
  EXPECT_EQ(N("x\xC2\xB2 \xE2\x91\xA0", nfc),
            "x\xC2\xB2 \xE2\x91\xA0");      // x² ① kept
  EXPECT_EQ(N("\xEF\xAC\x81", nfc), "fi");  // full case folding still splits ﬁ
  nfc.case_fold = false;
  EXPECT_EQ(N("\xEF\xAC\x81", nfc), "\xEF\xAC\x81");
  EXPECT_EQ(N("Cafe\xCC\x81", nfc), "Caf\xC3\xA9");  // still composed

  NormaliseOptions no_entities;
  no_entities.decode_html_entities = false;
  EXPECT_EQ(N("A &AMP; B &#8217;", no_entities), "a &amp; b &#8217;");
}

TEST(NormaliseTest, NfdEqualsNfc) {
  const char* pairs[][2] = {
      {"Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t",
       "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"},
      {"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE"
       "\xBA\xCE\xB1\xCC\x81",
       "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE"
       "\xBA\xCE\xAC"},  // Ελληνικά
      // 한국어: conjoining jamo vs syllables.
      {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1"
       "\x85\xAE\xE1\x86\xA8\xE1\x84\x8B"
       "\xE1\x85\xA5",
       "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"},
      {"\xE3\x81\x8B\xE3\x82\x99", "\xE3\x81\x8C"},  // か + voiced mark = が
      {"\xD8\xA7\xD9\x93", "\xD8\xA2"},              // alef + maddah = آ
      {"Zu\xCC\x88rich", "Z\xC3\xBCrich"},
  };
  for (const auto& p : pairs) {
    EXPECT_EQ(N(p[0]), N(p[1])) << p[1];
    EXPECT_EQ(N(p[1]), N(N(p[1])));
  }
  // Canonical ordering: dot below (ccc 220) before acute (ccc 230).
  EXPECT_EQ(N("a\xCC\x81\xCC\xA3"), N("a\xCC\xA3\xCC\x81"));
  // The mark composes with a letter that ends an ASCII run or a full word.
  EXPECT_EQ(N("Resume\xCC\x81 CAFE\xCC\x81"), "resum\xC3\xA9 caf\xC3\xA9");
}

TEST(NormaliseTest, HtmlEntities) {
  EXPECT_EQ(N("Tom &amp; Jerry"), "tom & jerry");
  EXPECT_EQ(N("&lt;b&gt; &quot;x&quot; &apos;y&apos;"), "<b> \"x\" 'y'");
  EXPECT_EQ(N("a&nbsp;&nbsp;b"), "a b");
  EXPECT_EQ(N("&#8217;&#x2014;&#X2014;&#65;"), "'--a");
  EXPECT_EQ(N("1&ndash;2&mdash;3"), "1-2-3");
  EXPECT_EQ(N("&lsquo;a&rsquo; &ldquo;b&rdquo; &sbquo;&bdquo;"),
            "'a' \"b\" '\"");
  EXPECT_EQ(N("wait&hellip;"), "wait...");
  EXPECT_EQ(N("caf&eacute; CAF&Eacute; &Agrave;&ccedil;&ntilde;&ouml;&szlig;"),
            "caf\xC3\xA9 caf\xC3\xA9 \xC3\xA0\xC3\xA7\xC3\xB1\xC3\xB6ss");
  EXPECT_EQ(N("&copy; &reg; &euro; &pound;"),
            "\xC2\xA9 \xC2\xAE \xE2\x82\xAC \xC2\xA3");
  EXPECT_EQ(N("Brand&trade;"), "brandtm");  // ™ is NFKC "TM"
  EXPECT_EQ(N("&AMP; &LT;"), "& <");        // capitals are accepted
  EXPECT_EQ(N("&#151;"), "-");              // Windows-1252 em dash
  EXPECT_EQ(N("&#146;"), "'");
  EXPECT_EQ(N("co&shy;operate"), "cooperate");
  EXPECT_EQ(N("e&#769;"),
            "\xC3\xA9");  // a reference to a combining mark composes
  EXPECT_EQ(N("&#10;x&#9;y"), "x y");
  // Not references: kept literally.
  EXPECT_EQ(N("AT&T"), "at&t");
  EXPECT_EQ(N("a & b"), "a & b");
  EXPECT_EQ(N("&amp"), "&amp");
  EXPECT_EQ(N("&unknown; &;"), "&unknown; &;");
  EXPECT_EQ(N("&#; &#x; &#12a;"), "&#; &#x; &#12a;");
  EXPECT_EQ(N("&toolongname;"), "&toolongname;");
  // Invalid numeric values become U+FFFD (not counted as invalid UTF-8).
  EXPECT_EQ(N("&#0;"), "\xEF\xBF\xBD");
  EXPECT_EQ(N("&#xD800;"), "\xEF\xBF\xBD");
  EXPECT_EQ(N("&#1114112;"), "\xEF\xBF\xBD");
  EXPECT_EQ(N("&#99999999999999999999;"), "\xEF\xBF\xBD");
  EXPECT_EQ(InvalidCount("&#0;"), 0u);
  // Entities inside non-ASCII text.
  EXPECT_EQ(N("\xD8\xA7&nbsp;\xD8\xA8&#1600;"), "\xD8\xA7 \xD8\xA8\xD9\x80");
}

TEST(NormaliseTest, DoubleEscapedEntitiesDecodeFully) {
  EXPECT_EQ(N("&amp;amp;"), "&");
  EXPECT_EQ(N("&amp;quot;quoted&amp;quot;"), "\"quoted\"");
  EXPECT_EQ(N("&amp;amp;lt;"), "<");
  EXPECT_EQ(N("&#38;lt;"), "<");
  EXPECT_EQ(N("&amp;#8217;"), "'");
  // Formed by case folding, NFKC or removing an invisible character.
  EXPECT_EQ(N("&Amp;"), "&");
  EXPECT_EQ(N("\xEF\xBC\x86"
              "amp\xEF\xBC\x9B"),
            "&");  // ＆amp；
  EXPECT_EQ(N("&am\xC2\xADp;"), "&");
  EXPECT_EQ(N("&amp;&#35;38;"), "&");  // "&#38;" after one decoding
  for (const char* s :
       {"&amp;amp;", "&amp;#8217;", "&amp;&#35;38;", "&am\xC2\xADp;lt;",
        "\xEF\xBC\x86"
        "amp\xEF\xBC\x9B"
        "amp;"}) {
    ExpectIdempotent(s);
  }
}

struct InvalidCase {
  const char* input;
  size_t length;
  const char* expected;
  uint64_t invalid;
};

TEST(NormaliseTest, InvalidUtf8) {
  const std::string r = "\xEF\xBF\xBD";
  const InvalidCase cases[] = {
      {"\xE2\x82", 2, "\xEF\xBF\xBD", 1},  // truncated 3-byte
      {"a\xE2\x82"
       "b",
       4,
       "a\xEF\xBF\xBD"
       "b",
       1},                                     // truncated, then ASCII
      {"\xF0\x9F\x98", 3, "\xEF\xBF\xBD", 1},  // truncated 4-byte
      {"\xF0\x9F\x98 x", 5, "\xEF\xBF\xBD x", 1},
      {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},  // overlong '/'
      {"\xC1\xBF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"\xE0\x80\xAF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       3},  // overlong 3-byte
      {"\xF0\x80\x80\xAF", 4,
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
      {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       3},  // surrogate D800
      {"\xED\xBF\xBF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       3},                             // surrogate DFFF
      {"\x80", 1, "\xEF\xBF\xBD", 1},  // lone continuation
      {"ab\xBF\x80"
       "cd",
       6,
       "ab\xEF\xBF\xBD\xEF\xBF\xBD"
       "cd",
       2},
      {"\xF4\x90\x80\x80", 4,
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},  // > U+10FFFF
      {"\xFE\xFF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"\xF8\x88\x80\x80\x80", 5,
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       5},                                             // 5-byte form
      {"caf\xE9 ok", 7, "caf\xEF\xBF\xBD ok", 1},      // Latin-1 é
      {"\xE2\x82\xAC", 3, "\xE2\x82\xAC", 0},          // valid €
      {"\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0},  // valid 😀
      {"\xF4\x8F\xBF\xBF", 4, "\xF4\x8F\xBF\xBF", 0},  // valid U+10FFFF
  };
  for (const auto& c : cases) {
    const std::string_view input(c.input, c.length);
    NormaliseStats stats;
    std::string out;
    Normalise(input, {}, &out, &stats);
    EXPECT_EQ(out, c.expected) << testing::PrintToString(std::string(input));
    EXPECT_EQ(stats.invalid_utf8, c.invalid)
        << testing::PrintToString(std::string(input));
    ExpectIdempotent(input);
  }
  // Counters accumulate across calls.
  NormaliseStats stats;
  std::string out;
  Normalise("\x80", {}, &out, &stats);
  Normalise("\x80\x80", {}, &out, &stats);
  EXPECT_EQ(stats.invalid_utf8, 3u);
  Normalise("\x80", {}, &out, nullptr);  // null stats is fine
  EXPECT_EQ(out, r);
}

TEST(NormaliseTest, OutputMayAliasInput) {
  std::string s = "  Caf\xC3\xA9 &AMP; MORE  ";
  Normalise(s, {}, &s);
  EXPECT_EQ(s, "caf\xC3\xA9 & more");
  s = "\xD8\xA7\xD9\x93 X";
  Normalise(std::string_view(s).substr(0, 4), {}, &s);
  EXPECT_EQ(s, "\xD8\xA2");
}

TEST(NormaliseTest, OutputBufferIsReused) {
  std::string out;
  Normalise(std::string(10000, 'x'), {}, &out);
  const char* data = out.data();
  Normalise("short TEXT", {}, &out);
  EXPECT_EQ(out, "short text");
  EXPECT_EQ(out.data(), data);
}

// Urdu (Arabic script) written inline so the test runs without ../shared.
constexpr const char* kUrdu[] = {
    // "Pakistan's cricket team won the match." with harakat and a superscript
    // alef.
    "\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86 \xDA\xA9\xDB\x8C "
    "\xDA\xA9\xD8\xB1\xDA\xA9\xD9\xB9 \xD9\xB9\xDB\x8C\xD9\x85 "
    "\xD9\x86\xDB\x92 "
    "\xD9\x85\xDB\x8C\xDA\x86 \xD8\xAC\xDB\x8C\xD8\xAA "
    "\xD9\x84\xDB\x8C\xD8\xA7\xDB\x94",
    // بِسْمِ اللّٰہِ (kasra, sukun, shadda, superscript alef)
    "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90 "
    "\xD8\xA7\xD9\x84\xD9\x84\xD9\x91\xD9\xB0\xDB\x81\xD9\x90",
    // (اے پی پی) with an ASCII bracket and full stop ۔
    "\xDA\x88\xDA\xBE\xD8\xA7\xDA\xA9\xDB\x81 \xDB\x94 (\xD8\xA7\xDB\x92 "
    "\xD9\xBE\xDB\x8C \xD9\xBE\xDB\x8C)",
    // Urdu digits and Latin digits.
    "\xDB\xB2\xDB\xB0\xDB\xB1\xDB\xB4 \xD9\x85\xDB\x8C\xDA\xBA 2014",
};

TEST(NormaliseTest, UrduInline) {
  for (const char* s : kUrdu) {
    const std::string out = N(s);
    EXPECT_EQ(out.find("\xEF\xBF\xBD"), std::string::npos);
    ExpectIdempotent(s);
  }
  // Text without anything to change comes back byte for byte.
  EXPECT_EQ(N(kUrdu[0]), kUrdu[0]);
  EXPECT_EQ(N(kUrdu[1]), kUrdu[1]);
  // Marks stay inside the words.
  std::vector<std::string_view> tokens;
  const std::string bismillah = N(kUrdu[1]);
  Tokenise(bismillah, &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90");
  EXPECT_EQ(tokens[1],
            "\xD8\xA7\xD9\x84\xD9\x84\xD9\x91\xD9\xB0\xDB\x81\xD9\x90");
  // Alef + maddah composes; ZWNJ is removed without splitting the word.
  EXPECT_EQ(N("\xD8\xA7\xD9\x93\xD9\xBE"), "\xD8\xA2\xD9\xBE");
  const std::string persian =
      N("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85");
  EXPECT_EQ(persian,
            "\xD9\x85\xDB\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85");
  Tokenise(persian, &tokens);
  EXPECT_EQ(tokens.size(), 1u);
}

// Reads the "text" field of each line of a JSON Lines file (enough JSON for
// the corpora under ../shared/datasets).
std::vector<std::string> ReadJsonlTexts(const std::string& path, size_t limit) {
  std::vector<std::string> texts;
  std::ifstream in(path);
  std::string line;
  while (texts.size() < limit && std::getline(in, line)) {
    const size_t key = line.find("\"text\":");
    if (key == std::string::npos) continue;
    size_t p = line.find('"', key + 7);
    if (p == std::string::npos) continue;
    std::string text;
    for (++p; p < line.size() && line[p] != '"'; ++p) {
      if (line[p] != '\\') {
        text += line[p];
        continue;
      }
      if (++p >= line.size()) break;
      switch (line[p]) {
        case 'n':
          text += '\n';
          break;
        case 't':
          text += '\t';
          break;
        case 'r':
          text += '\r';
          break;
        case 'b':
          text += '\b';
          break;
        case 'f':
          text += '\f';
          break;
        case 'u': {
          if (p + 4 >= line.size()) break;
          char32_t cp = std::stoul(line.substr(p + 1, 4), nullptr, 16);
          p += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF && p + 6 < line.size() &&
              line[p + 1] == '\\' && line[p + 2] == 'u') {
            const char32_t lo = std::stoul(line.substr(p + 3, 4), nullptr, 16);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
          }
          text += Utf8(cp);
          break;
        }
        default:
          text += line[p];
          break;
      }
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

size_t CountCategory(std::string_view s, utf8proc_category_t category) {
  std::vector<char32_t> cps;
  if (!DecodeAll(s, &cps)) return 0;
  size_t n = 0;
  for (char32_t cp : cps)
    n += utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == category;
  return n;
}

TEST(NormaliseTest, UrduCorpus) {
  const std::string path =
      std::string(NEARDUP_SHARED_DIR) + "/datasets/counter/corpus.jsonl";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "corpus not found: " << path;
  const std::vector<std::string> texts = ReadJsonlTexts(path, 600);
  ASSERT_GT(texts.size(), 100u);
  size_t marks = 0;
  std::vector<std::string_view> tokens;
  for (const std::string& text : texts) {
    ASSERT_TRUE(IsValidUtf8(text));
    NormaliseStats stats;
    std::string out;
    Normalise(text, {}, &out, &stats);
    EXPECT_EQ(stats.invalid_utf8, 0u);
    EXPECT_EQ(out.find("\xEF\xBF\xBD"), std::string::npos);
    ASSERT_EQ(N(out), out) << text.substr(0, 200);
    // Every mark survives: as many Mn as utf8proc's own NFKC_Casefold keeps.
    const size_t mn = CountCategory(out, UTF8PROC_CATEGORY_MN);
    EXPECT_EQ(mn,
              CountCategory(ReferenceNfkcCasefold(text), UTF8PROC_CATEGORY_MN));
    marks += mn;
    // ... and every one of them is inside a token.
    Tokenise(out, &tokens);
    size_t mn_in_tokens = 0;
    for (std::string_view t : tokens) {
      ASSERT_FALSE(t.empty());
      mn_in_tokens += CountCategory(t, UTF8PROC_CATEGORY_MN);
    }
    EXPECT_EQ(mn_in_tokens, mn);
    // Word structure is unchanged: the reference's spaces and words agree.
    std::vector<std::string_view> ref_tokens;
    const std::string ref = ReferenceNfkcCasefold(text);
    Tokenise(ref, &ref_tokens);
    EXPECT_EQ(tokens.size(), ref_tokens.size());
  }
  EXPECT_GT(marks, 50u);  // the corpus does carry harakat
}

// Every document of the other shared corpora: valid, idempotent, and no
// U+FFFD where the input had none.
TEST(NormaliseTest, SharedCorporaIdempotent) {
  const std::filesystem::path datasets =
      std::filesystem::path(NEARDUP_SHARED_DIR) / "datasets";
  if (!std::filesystem::exists(datasets))
    GTEST_SKIP() << "corpora not found: " << datasets;
  std::vector<std::string> texts;
  for (const char* name : {"reuters21578", "bbc"}) {
    const auto path = datasets / name / "corpus.jsonl";
    if (!std::filesystem::exists(path)) continue;
    for (std::string& t : ReadJsonlTexts(path.string(), 3000))
      texts.push_back(std::move(t));
  }
  const auto livedoor = datasets / "livedoor_ja" / "topic-news";
  if (std::filesystem::is_directory(livedoor)) {
    for (const auto& entry : std::filesystem::directory_iterator(livedoor)) {
      std::ifstream in(entry.path(), std::ios::binary);
      texts.emplace_back(std::istreambuf_iterator<char>(in),
                         std::istreambuf_iterator<char>());
    }
  }
  if (texts.empty()) GTEST_SKIP() << "no corpus under " << datasets;
  std::string once;
  std::string twice;
  for (const std::string& text : texts) {
    NormaliseStats stats;
    Normalise(text, {}, &once, &stats);
    ASSERT_TRUE(IsValidUtf8(once));
    Normalise(once, {}, &twice);
    ASSERT_EQ(once, twice) << text.substr(0, 200);
    if (IsValidUtf8(text) && text.find("\xEF\xBF\xBD") == std::string::npos) {
      EXPECT_EQ(stats.invalid_utf8, 0u);
      EXPECT_EQ(once.find("\xEF\xBF\xBD"), std::string::npos);
    }
  }
}

TEST(NormaliseTest, Cjk) {
  const std::string tokyo =
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAB\xE4\xBD\x8F\xE3\x82"
      "\x80";
  EXPECT_EQ(N(tokyo), tokyo);  // 東京都に住む unchanged
  // Full-width Latin letters and digits fold to ASCII.
  EXPECT_EQ(N("\xEF\xBC\xB4\xEF\xBC\xAF\xEF\xBC\xAB\xEF\xBC\xB9\xEF\xBC\xAF"
              "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90"),
            "tokyo2020");
  // Half-width katakana -> full width, with the voiced mark composed: ｶﾞｲﾄﾞ ->
  // ガイド.
  EXPECT_EQ(N("\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB2\xEF\xBE\x84\xEF\xBE\x9E"),
            "\xE3\x82\xAC\xE3\x82\xA4\xE3\x83\x89");
  // Ideographic space and full stop.
  EXPECT_EQ(N("\xE6\x9D\xB1\xE3\x80\x80\xE4\xBA\xAC\xE3\x80\x82"),
            "\xE6\x9D\xB1 \xE4\xBA\xAC\xE3\x80\x82");
  // CJK compatibility ideograph U+F900 -> U+8C48; squared ㌀ -> アパート.
  EXPECT_EQ(N("\xEF\xA4\x80"), "\xE8\xB1\x88");
  EXPECT_EQ(N("\xE3\x8C\x80"),
            "\xE3\x82\xA2\xE3\x83\x91\xE3\x83\xBC\xE3\x83\x88");
  ExpectIdempotent("\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBE\x9E x \xE3\x8C\x80");
}

TEST(NormaliseTest, Devanagari) {
  // हिन्दी: virama and vowel signs stay attached.
  const std::string hindi =
      "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5"
      "\x80";
  EXPECT_EQ(N(hindi), hindi);
  std::vector<std::string_view> tokens;
  const std::string out =
      N(hindi + " \xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB7\xE0\xA4\xBE");
  Tokenise(out, &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], hindi);
  // क़ U+0958 is excluded from composition: it normalises to क + nukta.
  EXPECT_EQ(N("\xE0\xA5\x98"), "\xE0\xA4\x95\xE0\xA4\xBC");
  EXPECT_EQ(N("\xE0\xA4\x95\xE0\xA4\xBC"), "\xE0\xA4\x95\xE0\xA4\xBC");
  // ZWJ/ZWNJ inside a conjunct are removed, the word stays one token.
  const std::string zwj = N("\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7");
  EXPECT_EQ(zwj, "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7");
}

TEST(NormaliseTest, LongCombiningSequences) {
  // 20,000 marks with alternating combining classes must be ordered
  // canonically (and quickly).
  std::string s = "a";
  for (int k = 0; k < 10000; ++k)
    s += "\xCC\x81\xCC\xA3";  // acute (230), dot below (220)
  const std::string out = N(s);
  std::string expected = "\xE1\xBA\xA1";  // ạ (a + dot below composes first)
  for (int k = 0; k < 9999; ++k) expected += "\xCC\xA3";
  for (int k = 0; k < 10000; ++k) expected += "\xCC\x81";
  EXPECT_EQ(out, expected);
  EXPECT_EQ(N(out), out);
}

TEST(NormaliseTest, IdempotentOnAssortedStrings) {
  const char* inputs[] = {
      "Hello, World!",
      "  leading and trailing  ",
      "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 dash \xE2\x80\xA6",
      "&amp;lt;p&amp;gt;",
      "x\xCC\x81\xCC\xA3 y\xCC\xA3\xCC\x81",
      "\xC2\xA8 \xC2\xA8"
      "a",  // ¨ is NFKC " ̈"
      " \xCC\x81"
      "leading mark",
      "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",  // conjoining jamo
      "\xE3\x85\xA4\xE1\x85\xA1",              // Hangul filler + vowel
      "\xEF\xBE\xA0\xE1\x85\xA1",
      "\xCD\x85",                  // U+0345 ypogegrammeni alone
      "\xCE\xB1\xCD\x85\xCC\x81",  // α + ypogegrammeni + acute
      "\xE1\xBE\xB3\xCC\x81",
      "\xC7\xB0\xCC\xA3",                  // ǰ + dot below
      "\xE2\x84\xA6\xCC\x81",              // OHM SIGN + acute
      "\xE0\xAD\x87\xE0\xAC\xBE",          // Oriya two-part vowel
      "\xE0\xAE\x92\xE0\xAF\x97",          // Tamil au length mark
      "\xF0\x91\x84\xB1\xF0\x91\x84\xA7",  // Chakma
      "a\xEF\xB8\x8F"
      "b",                      // variation selector
      "e\xE2\x80\x8B\xCC\x81",  // ZWSP between letter and mark
      "e&shy;\xCC\x81",
      "e\x01\xCC\x81",
      "\xEF\xBC\xA5\xCC\x81",  // full-width E + acute
      "\xEF\xAC\x81\xCC\x81",  // ligature + mark
      "\xE2\x80\x99\xCC\x81",  // apostrophe + mark
      "\xC3\x9F\xCC\x81",
      "&#x301;",
      "\xD8\xA7&#x653;",
      "A\n\xCC\x81",
  };
  for (const char* s : inputs) ExpectIdempotent(s);
  EXPECT_EQ(N("e\xE2\x80\x8B\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(N("e&shy;\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(N("\xEF\xBC\xA5\xCC\x81"), "\xC3\xA9");
}

// Every code point, alone and between a letter and a combining mark.
TEST(NormaliseTest, IdempotentOnEveryCodePoint) {
  std::string once;
  std::string twice;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    // Planes 4-13 are unassigned; sample them.
    if (cp >= 0x40000 && cp < 0xE0000 && (cp & 0xFFF) != 0) continue;
    for (const std::string& s : {Utf8(cp), "A" + Utf8(cp) + "\xCC\x81"}) {
      Normalise(s, {}, &once);
      Normalise(once, {}, &twice);
      ASSERT_EQ(once, twice) << "U+" << std::hex << static_cast<uint32_t>(cp);
    }
  }
}

// Random strings over an alphabet rich in what normalisation touches.
std::string RandomText(std::mt19937_64& rng, size_t max_len) {
  static const std::vector<char32_t> kInteresting = {
      'a',    'E',    'z',    ' ',    '\n',   '&',     ';',     '#',    'x',
      '1',    '0',    0x00A0, 0x00AD, 0x00C5, 0x00E9,  0x0130,  0x0131, 0x01F0,
      0x0300, 0x0301, 0x0307, 0x0316, 0x0323, 0x0345,  0x0344,  0x0385, 0x03B1,
      0x03A3, 0x03C2, 0x0627, 0x0653, 0x0654, 0x0670,  0x064B,  0x06C1, 0x06D2,
      0x0915, 0x093C, 0x094D, 0x0958, 0x0B47, 0x0B3E,  0x0BC6,  0x0BBE, 0x0E01,
      0x0E31, 0x1100, 0x1161, 0x11A8, 0x1E9E, 0x200B,  0x200C,  0x200D, 0x2019,
      0x201C, 0x2014, 0x2026, 0x2028, 0x2126, 0x212B,  0x3000,  0x3099, 0x304B,
      0x3164, 0x3300, 0xAC00, 0xAC01, 0xFB01, 0xFE58,  0xFEFF,  0xFF21, 0xFF06,
      0xFF1B, 0xFF76, 0xFF9E, 0xFFA0, 0xFFFD, 0x1D15E, 0x1F600, 0x2F800};
  std::uniform_int_distribution<size_t> len_dist(0, max_len);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<size_t> pick(0, kInteresting.size() - 1);
  std::uniform_int_distribution<uint32_t> any(0, 0x2FFFF);
  std::string s;
  const size_t len = len_dist(rng);
  for (size_t k = 0; k < len; ++k) {
    const int r = kind(rng);
    char32_t cp;
    if (r < 6) {
      cp = kInteresting[pick(rng)];
    } else if (r < 8) {
      cp = 0x300 + any(rng) % 0x70;  // combining diacritics
    } else {
      cp = any(rng);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'q';
    }
    s += Utf8(cp);
  }
  return s;
}

TEST(NormaliseTest, RandomCodePointsIdempotent) {
  std::mt19937_64 rng(20240601);
  std::string once;
  std::string twice;
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string s = RandomText(rng, 24);
    NormaliseStats stats;
    Normalise(s, {}, &once, &stats);
    ASSERT_EQ(stats.invalid_utf8, 0u);
    ASSERT_TRUE(IsValidUtf8(once));
    Normalise(once, {}, &twice);
    ASSERT_EQ(once, twice) << testing::PrintToString(s);
  }
}

// Against utf8proc's whole-string NFKC_Casefold: with typography mapping
// off and no whitespace, controls or format characters in the input, the
// only difference left is whitespace folding of the spaces NFKC produces.
TEST(NormaliseTest, MatchesUtf8procReference) {
  std::mt19937_64 rng(7);
  NormaliseOptions options;
  options.map_typography = false;
  options.decode_html_entities = false;
  std::string out;
  int compared = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s = RandomText(rng, 16);
    std::vector<char32_t> cps;
    ASSERT_TRUE(DecodeAll(s, &cps));
    bool skip = false;
    for (char32_t cp : cps) {
      const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      skip |= cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
              cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZS ||
              cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
    }
    if (skip) continue;
    Normalise(s, options, &out);
    ASSERT_EQ(out, FoldSpaces(ReferenceNfkcCasefold(s)))
        << testing::PrintToString(s);
    ++compared;
  }
  EXPECT_GT(compared, 5000);
}

// ASCII without '&': lower case, controls as spaces, whitespace folded.
std::string SimpleAsciiReference(std::string_view s) {
  std::string out;
  int pending = 0;  // 0 none, 1 space, 2 line break
  for (unsigned char c : s) {
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      pending = 2;
    } else if (c <= ' ' || c == 0x7F) {
      pending = std::max(pending, 1);
    } else {
      if (pending != 0 && !out.empty()) out += pending == 2 ? '\n' : ' ';
      pending = 0;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  return out;
}

// Long ASCII texts so that 16-byte blocks meet whitespace runs, line breaks
// and upper case at every alignment.
TEST(NormaliseTest, AsciiMatchesSimpleReference) {
  std::mt19937_64 rng(31337);
  const std::string alphabet =
      "aaaaaaaaeeeeeeettttnnnssoiAEZQ    ..,,''\"\"--\n\n\t\r\v\f\x01\x7F"
      "0123456789!?()[]{}@`~";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> len_dist(0, 300);
  std::string out;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int len = len_dist(rng);
    for (int k = 0; k < len; ++k) s += alphabet[pick(rng)];
    Normalise(s, {}, &out);
    ASSERT_EQ(out, SimpleAsciiReference(s)) << testing::PrintToString(s);
  }
}

// Long texts alternating ASCII and other scripts, so the ASCII, quick-copy
// and composing paths hand over to each other in every order.
TEST(NormaliseTest, LongMixedTextIdempotent) {
  std::mt19937_64 rng(777);
  std::uniform_int_distribution<int> len_dist(0, 80);
  std::uniform_int_distribution<int> coin(0, 2);
  std::string once;
  std::string twice;
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int parts = len_dist(rng) / 8;
    for (int k = 0; k < parts; ++k) {
      s += coin(rng) == 0 ? RandomText(rng, 12)
                          : std::string(kUrdu[k % 4]).substr(0, 40);
      if (coin(rng) == 0) s += " The Quick  Brown Fox &amp; Friends\n";
    }
    Normalise(s, {}, &once);
    ASSERT_TRUE(IsValidUtf8(once));
    Normalise(once, {}, &twice);
    ASSERT_EQ(once, twice) << testing::PrintToString(s);
  }
}

TEST(NormaliseTest, RandomBytes) {
  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<int> len_dist(0, 64);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> kind(0, 3);
  const char* fragments[] = {"&amp;",    "&#",       "&#x",          ";",  "&",
                             "\xE2\x80", "\xCC\x81", "\xC3",         "A",  " ",
                             "\n",       "\xF0\x9F", "\xED\xA0\x80", "lt;"};
  std::string once;
  std::string twice;
  for (int iter = 0; iter < 50000; ++iter) {
    std::string s;
    const int len = len_dist(rng);
    for (int k = 0; k < len; ++k) {
      if (kind(rng) == 0) {
        s += fragments[static_cast<size_t>(byte(rng)) % std::size(fragments)];
      } else {
        s += static_cast<char>(byte(rng));
      }
    }
    NormaliseStats stats;
    Normalise(s, {}, &once, &stats);
    ASSERT_TRUE(IsValidUtf8(once)) << testing::PrintToString(s);
    NormaliseStats stats2;
    Normalise(once, {}, &twice, &stats2);
    ASSERT_EQ(once, twice) << testing::PrintToString(s);
    ASSERT_EQ(stats2.invalid_utf8, 0u);
    if (!IsValidUtf8(s)) ASSERT_GT(stats.invalid_utf8, 0u);
  }
}

}  // namespace
}  // namespace neardup

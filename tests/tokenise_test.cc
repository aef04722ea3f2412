#include "neardup/tokenise.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/normalise.h"

namespace neardup {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string_view> views;
  Tokenise(text, &views);
  return {views.begin(), views.end()};
}

using V = std::vector<std::string>;

TEST(TokeniseTest, HeaderExample) {
  EXPECT_EQ(Tokens("the cat's 2 hats"), (V{"the", "cat", "s", "2", "hats"}));
}

TEST(TokeniseTest, EmptyAndSeparatorsOnly) {
  EXPECT_EQ(Tokens(""), V{});
  EXPECT_EQ(Tokens("  ,.;!? \n-"), V{});
  EXPECT_EQ(Tokens("\xEF\xBF\xBD"), V{});  // U+FFFD separates
}

TEST(TokeniseTest, AsciiPunctuationAndSymbols) {
  EXPECT_EQ(Tokens("a-b_c.d/e"), (V{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(Tokens("U.S. $4.5bn (2020)"), (V{"U", "S", "4", "5bn", "2020"}));
  EXPECT_EQ(Tokens("  lead and trail  "), (V{"lead", "and", "trail"}));
  EXPECT_EQ(Tokens("line\nbreak"), (V{"line", "break"}));
}

TEST(TokeniseTest, UnicodeLettersNumbersAndMarks) {
  EXPECT_EQ(Tokens("caf\xC3\xA9 na\xC3\xAFve"),
            (V{"caf\xC3\xA9", "na\xC3\xAFve"}));
  EXPECT_EQ(Tokens("cafe\xCC\x81!"),
            (V{"cafe\xCC\x81"}));  // combining acute kept
  EXPECT_EQ(Tokens("e=mc\xC2\xB2"), (V{"e", "mc\xC2\xB2"}));  // ² is No
  EXPECT_EQ(Tokens("\xCC\x81"
                   "abc"),
            (V{"\xCC\x81"
               "abc"}));  // mark starts a word
  EXPECT_EQ(Tokens("ab\xEF\xBF\xBD"
                   "cd"),
            (V{"ab", "cd"}));
  EXPECT_EQ(Tokens("x\xE2\x80\x94y\xC2\xA0z"),
            (V{"x", "y", "z"}));                             // em dash, NBSP
  EXPECT_EQ(Tokens("\xF0\x9F\x98\x80smile"), (V{"smile"}));  // emoji is So
  // Hangul is written with spaces: whole words.
  EXPECT_EQ(Tokens("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 "
                   "\xED\x85\x8D\xEC\x8A\xA4\xED\x8A\xB8"),
            (V{"\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",
               "\xED\x85\x8D\xEC\x8A\xA4\xED\x8A\xB8"}));
}

TEST(TokeniseTest, ArabicAndUrduKeepMarks) {
  // بِسْمِ اللّٰہِ
  EXPECT_EQ(
      Tokens(
          "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90 "
          "\xD8\xA7\xD9\x84\xD9\x84\xD9\x91\xD9\xB0\xDB\x81\xD9\x90\xDB\x94"),
      (V{"\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90",
         "\xD8\xA7\xD9\x84\xD9\x84\xD9\x91\xD9\xB0\xDB\x81\xD9\x90"}));
  // Urdu digits are numbers; ۔ (U+06D4) and ، (U+060C) are punctuation.
  EXPECT_EQ(
      Tokens("\xDB\xB2\xDB\xB0\xDB\xB1\xDB\xB4\xD8\x8C "
             "\xD9\x85\xDB\x8C\xDA\xBA\xDB\x94"),
      (V{"\xDB\xB2\xDB\xB0\xDB\xB1\xDB\xB4", "\xD9\x85\xDB\x8C\xDA\xBA"}));
}

TEST(TokeniseTest, DevanagariKeepsViramaAndMatras) {
  // हिन्दी भाषा, क्षेत्र
  EXPECT_EQ(
      Tokens("\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0"
             "\xA5\x80 "
             "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB7\xE0\xA4\xBE\xE0\xA5\xA4"),
      (V{"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5"
         "\x80",
         "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB7\xE0\xA4\xBE"}));
  EXPECT_EQ(Tokens("\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA5\x87\xE0\xA4"
                   "\xA4\xE0\xA5\x8D"
                   "\xE0\xA4\xB0"),
            (V{"\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA5\x87\xE0\xA4\xA4"
               "\xE0\xA5\x8D"
               "\xE0\xA4\xB0"}));
}

TEST(TokeniseTest, JapanesePerCharacter) {
  // 東京都に住む
  EXPECT_EQ(Tokens("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAB\xE4\xBD"
                   "\x8F\xE3\x82\x80"),
            (V{"\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE9\x83\xBD", "\xE3\x81\xAB",
               "\xE4\xBD\x8F", "\xE3\x82\x80"}));
  // 2020年, 年2020, ABC株式会社
  EXPECT_EQ(Tokens("2020\xE5\xB9\xB4"), (V{"2020", "\xE5\xB9\xB4"}));
  EXPECT_EQ(Tokens("\xE5\xB9\xB4"
                   "2020"),
            (V{"\xE5\xB9\xB4", "2020"}));
  EXPECT_EQ(Tokens("abc\xE6\xA0\xAA\xE5\xBC\x8F"),
            (V{"abc", "\xE6\xA0\xAA", "\xE5\xBC\x8F"}));
  // コーヒー: the prolonged sound mark is a character of its own.
  EXPECT_EQ(
      Tokens("\xE3\x82\xB3\xE3\x83\xBC\xE3\x83\x92\xE3\x83\xBC"),
      (V{"\xE3\x82\xB3", "\xE3\x83\xBC", "\xE3\x83\x92", "\xE3\x83\xBC"}));
  // Decomposed が (か + U+3099) stays one token; 「」 and 。 separate.
  EXPECT_EQ(
      Tokens("\xE3\x80\x8C\xE3\x81\x8B\xE3\x82\x99\xE3\x80\x8D\xE3\x80\x82"),
      (V{"\xE3\x81\x8B\xE3\x82\x99"}));
  // Half-width katakana with its voiced mark (before normalisation).
  EXPECT_EQ(Tokens("\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB2"),
            (V{"\xEF\xBD\xB6\xEF\xBE\x9E", "\xEF\xBD\xB2"}));
  // 々 (iteration mark), CJK Ext. B 𠀋, compatibility ideograph 豈 U+F900.
  EXPECT_EQ(
      Tokens("\xE4\xBA\xBA\xE3\x80\x85\xF0\xA0\x80\x8B\xEF\xA4\x80"),
      (V{"\xE4\xBA\xBA", "\xE3\x80\x85", "\xF0\xA0\x80\x8B", "\xEF\xA4\x80"}));
}

TEST(TokeniseTest, SoutheastAsianScriptsPerCharacter) {
  // Thai กิน: ก + SARA I (Mn) is one token, น another.
  EXPECT_EQ(Tokens("\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x99"),
            (V{"\xE0\xB8\x81\xE0\xB8\xB4", "\xE0\xB8\x99"}));
  // Lao ລາວ, Khmer ខ្មែរ (coeng is Mn), Myanmar မြန်မာ.
  EXPECT_EQ(Tokens("\xE0\xBA\xA5\xE0\xBA\xB2\xE0\xBA\xA7").size(), 3u);
  EXPECT_EQ(
      Tokens("\xE1\x9E\x81\xE1\x9F\x92\xE1\x9E\x98\xE1\x9F\x82\xE1\x9E\x9A"),
      (V{"\xE1\x9E\x81\xE1\x9F\x92", "\xE1\x9E\x98\xE1\x9F\x82",
         "\xE1\x9E\x9A"}));
  EXPECT_EQ(Tokens("\xE1\x80\x99\xE1\x80\xBC\xE1\x80\x94\xE1\x80\xBA\xE1\x80"
                   "\x99\xE1\x80\xAC"),
            (V{"\xE1\x80\x99\xE1\x80\xBC", "\xE1\x80\x94\xE1\x80\xBA",
               "\xE1\x80\x99\xE1\x80\xAC"}));
}

TEST(TokeniseTest, IsPerCharacterScript) {
  for (char32_t cp :
       {0x4E00u,  0x9FFFu, 0x3400u, 0x20000u, 0x2A6DFu, 0x30000u, 0xF900u,
        0x2F800u, 0x3042u, 0x30A2u, 0x30FCu,  0xFF76u,  0x1B001u, 0x0E01u,
        0x0E81u,  0x1780u, 0x1000u, 0xAA60u,  0x3005u,  0x3007u}) {
    EXPECT_TRUE(IsPerCharacterScript(cp))
        << std::hex << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {0x41u, 0xE9u, 0x0627u, 0x0915u, 0xAC00u, 0x1100u, 0x3000u,
                      0x3002u, 0xFF21u, 0x1F600u, 0x0E00u - 1, 0x10FFFFu}) {
    EXPECT_FALSE(IsPerCharacterScript(cp))
        << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(TokeniseTest, VectorIsClearedAndReused) {
  std::vector<std::string_view> tokens;
  Tokenise("one two three four", &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  const auto capacity = tokens.capacity();
  Tokenise("five", &tokens);
  EXPECT_EQ(tokens, (std::vector<std::string_view>{"five"}));
  EXPECT_EQ(tokens.capacity(), capacity);
}

std::string Utf8(char32_t cp) {
  std::string s;
  char buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp),
                                      reinterpret_cast<utf8proc_uint8_t*>(buf));
  s.assign(buf, static_cast<size_t>(n));
  return s;
}

// Straightforward reference: one utf8proc_category() call per code point.
std::vector<std::string_view> ReferenceTokenise(std::string_view text) {
  std::vector<std::string_view> out;
  enum { kNone, kWord, kPerChar } open = kNone;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) n = 1;  // inputs here are valid; be safe
    const auto cat = utf8proc_category(cp);
    const bool letter_or_number =
        (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
        (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    const bool mark =
        (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
        cp == 0xFF9E || cp == 0xFF9F;
    if (mark) {
      if (open == kNone) {
        open = kWord;
        start = i;
      }
    } else if (letter_or_number) {
      const bool per_char = IsPerCharacterScript(static_cast<char32_t>(cp));
      if (per_char || open != kWord) {
        if (open != kNone) out.push_back(text.substr(start, i - start));
        open = per_char ? kPerChar : kWord;
        start = i;
      }
    } else {
      if (open != kNone) out.push_back(text.substr(start, i - start));
      open = kNone;
    }
    i += static_cast<size_t>(n);
  }
  if (open != kNone) out.push_back(text.substr(start));
  return out;
}

TEST(TokeniseTest, MatchesReferenceOnRandomText) {
  std::mt19937_64 rng(99);
  const std::vector<char32_t> alphabet = {
      'a',    'Z',    '5',    ' ',    '\'',   '-',     '_',     0x00E9,
      0x0301, 0x0627, 0x064E, 0x0670, 0x06F2, 0x0915,  0x094D,  0x093E,
      0x0E01, 0x0E31, 0x0E32, 0x0E81, 0x1780, 0x17D2,  0x1000,  0x103A,
      0x3042, 0x3099, 0x30FC, 0x30FB, 0x3002, 0x4E00,  0x4E8C,  0xAC00,
      0xFF76, 0xFF9E, 0xFFFD, 0x00B2, 0x2160, 0x20000, 0x1F600, 0x200C};
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<uint32_t> any(0x80, 0x32000);
  std::uniform_int_distribution<int> len_dist(0, 30);
  std::vector<std::string_view> tokens;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int len = len_dist(rng);
    for (int k = 0; k < len; ++k) {
      char32_t cp = (k % 5 == 4) ? any(rng) : alphabet[pick(rng)];
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
      s += Utf8(cp);
    }
    Tokenise(s, &tokens);
    ASSERT_EQ(tokens, ReferenceTokenise(s)) << testing::PrintToString(s);
  }
}

// Long texts mixing runs of ASCII (so 64-byte ASCII blocks occur at every
// alignment, next to open per-character and word tokens) with other scripts.
TEST(TokeniseTest, LongMixedTextMatchesReference) {
  std::mt19937_64 rng(2024);
  const std::vector<std::string> pieces = {
      "The quick brown fox ",
      "jumps over the lazy dog. ",
      "2020",
      "  ",
      "\n",
      "-",
      "x",
      "\xE5\xB9\xB4",              // 年
      "\xE3\x81\x8B\xE3\x82\x99",  // か + voiced mark
      "\xCC\x81",                  // combining acute
      "caf\xC3\xA9",
      "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85",  // Arabic with harakat
      "\xE0\xB8\x81\xE0\xB8\xB4",                  // Thai
      "\xEF\xBF\xBD",
      "Mixed123Case",
      "a_b",
      "\xED\x95\x9C\xEA\xB5\xAD"};
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 60);
  std::vector<std::string_view> tokens;
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int k = count(rng);
    for (int m = 0; m < k; ++m) s += pieces[pick(rng)];
    Tokenise(s, &tokens);
    ASSERT_EQ(tokens, ReferenceTokenise(s)) << testing::PrintToString(s);
  }
}

TEST(TokeniseTest, RandomBytesAreSafe) {
  std::mt19937_64 rng(4242);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> len_dist(0, 100);
  std::vector<std::string_view> tokens;
  for (int iter = 0; iter < 50000; ++iter) {
    std::string s;
    const int len = len_dist(rng);
    for (int k = 0; k < len; ++k) s += static_cast<char>(byte(rng));
    Tokenise(s, &tokens);
    const char* prev_end = s.data();
    for (std::string_view t : tokens) {
      ASSERT_FALSE(t.empty());
      ASSERT_GE(t.data(), prev_end);  // in order, not overlapping, inside s
      ASSERT_LE(t.data() + t.size(), s.data() + s.size());
      prev_end = t.data() + t.size();
    }
    // After normalisation the same holds, and tokens are valid UTF-8.
    const std::string normalised = Normalise(s);
    Tokenise(normalised, &tokens);
    for (std::string_view t : tokens) {
      size_t i = 0;
      while (i < t.size()) {
        utf8proc_int32_t cp;
        const auto n = utf8proc_iterate(
            reinterpret_cast<const utf8proc_uint8_t*>(t.data()) + i,
            static_cast<utf8proc_ssize_t>(t.size() - i), &cp);
        ASSERT_GT(n, 0) << testing::PrintToString(std::string(t));
        i += static_cast<size_t>(n);
      }
    }
  }
}

}  // namespace
}  // namespace neardup

#include "neardup/shingle.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "neardup/sketch.h"
#include "test_util.h"

namespace neardup {
namespace {

ShingleSet ShingleText(const ShingleOptions& options, const std::string& text) {
  auto shingler = *Shingler::Create(options);
  ShingleSet set;
  shingler.Shingle(text, &set);
  return set;
}

TEST(ShingleOptionsTest, Parse) {
  auto word = ShingleOptions::Parse("word:5");
  ASSERT_TRUE(word.ok());
  EXPECT_EQ(word->unit, ShingleUnit::kWord);
  EXPECT_EQ(word->n, 5);
  EXPECT_EQ(word->ToString(), "word:5");
  auto chars = ShingleOptions::Parse("char:3");
  ASSERT_TRUE(chars.ok());
  EXPECT_EQ(chars->unit, ShingleUnit::kChar);
  EXPECT_EQ(chars->ToString(), "char:3");
  EXPECT_FALSE(ShingleOptions::Parse("line:3").ok());
  EXPECT_FALSE(ShingleOptions::Parse("word:0").ok());
  EXPECT_FALSE(ShingleOptions::Parse("word:x").ok());
  EXPECT_FALSE(ShingleOptions::Parse("word:65").ok());
}

TEST(ShingleTest, WordNgramCounts) {
  const ShingleOptions five{.n = 5};
  // 8 tokens -> 4 distinct 5-grams.
  EXPECT_EQ(ShingleText(five, "one two three four five six seven eight")
                .hashes.size(),
            4u);
  // Fewer than n tokens: one shingle of all of them.
  EXPECT_EQ(ShingleText(five, "just three words").hashes.size(), 1u);
  // No token at all: empty.
  EXPECT_TRUE(ShingleText(five, " ... -- !!").empty());
  // A repeated phrase counts once (a set).
  EXPECT_EQ(ShingleText({.n = 2}, "a b a b a b").hashes.size(), 2u);
}

TEST(ShingleTest, SetsAreSortedUniqueAndOrderOptionalForSigning) {
  testing::TestRng rng(11);
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "w" + std::to_string(rng.Below(400)) + (i % 17 ? " " : "\n");
  }
  auto shingler = *Shingler::Create({.n = 3});
  ShingleSet sorted, any;
  shingler.Shingle(text, &sorted);
  shingler.Shingle(text, &any, nullptr, SetOrder::kAnyOrder);
  EXPECT_TRUE(std::is_sorted(sorted.hashes.begin(), sorted.hashes.end()));
  EXPECT_EQ(std::adjacent_find(sorted.hashes.begin(), sorted.hashes.end()),
            sorted.hashes.end());
  const std::set<uint64_t> distinct(any.hashes.begin(), any.hashes.end());
  EXPECT_EQ(std::vector<uint64_t>(distinct.begin(), distinct.end()),
            sorted.hashes);
  EXPECT_EQ(sorted.text_hash, any.text_hash);
}

TEST(ShingleTest, SortUniqueMatchesStdSort) {
  testing::TestRng rng(12);
  for (size_t n : {0, 1, 5, 63, 64, 65, 500, 4096, 30000}) {
    std::vector<uint64_t> values(n);
    for (uint64_t& v : values) v = rng.Next();
    // Repeats, as repeated lines produce.
    for (size_t i = 0; i < n / 4; ++i)
      values[rng.Below(n)] = values[rng.Below(n)];
    std::vector<uint64_t> expected = values;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()),
                   expected.end());
    SortUnique(&values);
    EXPECT_EQ(values, expected) << n;
  }
}

TEST(ShingleTest, NormalisationMakesVariantsEqual) {
  const ShingleOptions options{.n = 3};
  const ShingleSet plain =
      ShingleText(options, "The \"quick\" brown fox - it's fast & free");
  const ShingleSet fancy = ShingleText(options,
                                       "THE \xE2\x80\x9C"
                                       "quick\xE2\x80\x9D\xC2\xA0"
                                       "brown fox \xE2\x80\x94 "
                                       "it\xE2\x80\x99s fast &amp; free");
  EXPECT_EQ(plain.hashes, fancy.hashes);
  EXPECT_EQ(plain.text_hash, fancy.text_hash);
}

TEST(ShingleTest, LinesBoundNgramsWhenAsked) {
  const std::string text = "alpha beta gamma\ndelta epsilon zeta";
  // Across lines: 6 tokens -> 4 trigrams; within lines: 1 + 1.
  EXPECT_EQ(ShingleText({.n = 3, .cross_lines = true}, text).hashes.size(), 4u);
  const ShingleSet within = ShingleText({.n = 3, .cross_lines = false}, text);
  EXPECT_EQ(within.hashes.size(), 2u);
  // A headline added above a story changes only its own shingles.
  const std::string story = "one two three four five six seven";
  const ShingleSet bare = ShingleText({.n = 3, .cross_lines = false}, story);
  const ShingleSet headed = ShingleText({.n = 3, .cross_lines = false},
                                        "Breaking news today\n" + story);
  std::vector<uint64_t> shared;
  std::set_intersection(bare.hashes.begin(), bare.hashes.end(),
                        headed.hashes.begin(), headed.hashes.end(),
                        std::back_inserter(shared));
  EXPECT_EQ(shared, bare.hashes);
  EXPECT_EQ(headed.hashes.size(), bare.hashes.size() + 1);
}

TEST(ShingleTest, CharacterNgrams) {
  // "ab cd" -> code points a,b,' ',c,d -> 3-grams "ab ", "b c", " cd".
  EXPECT_EQ(ShingleText({.unit = ShingleUnit::kChar, .n = 3}, "AB, cd!")
                .hashes.size(),
            3u);
  // Multi-byte characters count as one each, and touching CJK characters
  // get no space between them: 4 kanji -> 2 trigrams.
  EXPECT_EQ(ShingleText({.unit = ShingleUnit::kChar, .n = 3},
                        "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE5\xBA\x81")
                .hashes.size(),
            2u);
}

TEST(ShingleTest, SeedChangesHashes) {
  const std::string text = "a b c d e f g";
  EXPECT_NE(ShingleText({.n = 3, .seed = 0}, text).hashes,
            ShingleText({.n = 3, .seed = 9}, text).hashes);
}

// Golden text -> signature: the whole front end (normalisation, tokenising,
// shingling, sketching) is pinned for this kSignatureVersion. If it fails,
// stored signatures no longer match: change kSignatureVersion on purpose.
TEST(ShingleGoldenTest, TextToSignature) {
  const std::string text =
      "Caf\xC3\xA9 owners in Lyon said on Monday that \xE2\x80\x9C"
      "prices\xE2\x80\x9D rose 3.5% &amp; more.\n"
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE5\x8F\xB0\xE9\xA2\xA8 "
      "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";
  auto shingler = *Shingler::Create({.n = 3});
  ShingleSet set;
  shingler.Shingle(text, &set);
  auto sketcher = *Sketcher::Create({.num_perm = 16});
  std::vector<uint32_t> signature(16);
  sketcher.Sign(set.hashes, signature);
  EXPECT_EQ(kSignatureVersion, 2);
  EXPECT_EQ(set.hashes.size(), 17u);
  const std::vector<uint32_t> expected = {
      4204345823u, 793360444u,  1992247205u, 1377436064u,
      793360444u,  4204345823u, 1952385267u, 2495906250u,
      3371239744u, 3371239744u, 793360444u,  2495906250u,
      3377152358u, 1400261425u, 2495906250u, 3426891845u};
  EXPECT_EQ(signature, expected);
}

// The default (syndicated) shingling: word 3-grams inside lines, with a
// token longer than 16 bytes (hashed by XXH3, the others inline) and a line
// shorter than n; pinned shingle values, not only the signature.
TEST(ShingleGoldenTest, LineBoundedShingles) {
  const std::string text =
      "Internationalisation of the markets\nUPDATE 2\n"
      "Shares rose sharply on Tuesday in Tokyo.";
  auto shingler = *Shingler::Create({.n = 3, .cross_lines = false});
  ShingleSet set;
  shingler.Shingle(text, &set);
  EXPECT_EQ(set.num_tokens, 13u);
  const std::vector<uint64_t> expected = {
      0x19684484587318c6ULL, 0x1e9e84fb9a01ada8ULL, 0x5815ca881ee8c632ULL,
      0x7cb55b8758807fe8ULL, 0x86dbc80a6e2387b7ULL, 0xae01c45c54a6901cULL,
      0xbe77ba991ef83f12ULL, 0xda11c57b41d9cc86ULL};
  EXPECT_EQ(set.hashes, expected);
}

}  // namespace
}  // namespace neardup

// Tokenisation of normalised text into words.
//
// A word is a maximal run of code points whose Unicode general category is a
// letter (L*), a mark (M*) or a number (N*). Marks are kept inside words:
// they carry vowels in Arabic, Urdu and Devanagari (virama and matras stay in
// the word). Everything else (punctuation, symbols, spaces, format
// characters, U+FFFD) separates words. A mark after a separator starts a
// word.
//
// Scripts written without spaces — Han (including the extensions and the
// CJK compatibility ideographs), Hiragana, Katakana (with the prolonged sound
// mark U+30FC and half-width forms), Thai, Lao, Khmer, Myanmar; Hangul is NOT
// among them — yield one token per character, with any following combining
// marks attached, so "東京都に住む" gives 東, 京, 都, に, 住, む. A digit or
// Latin run next to such characters is its own token ("2020年" -> "2020",
// "年").
//
// Example:
//   std::vector<std::string_view> words;
//   neardup::Tokenise("the cat's 2 hats", &words);
//   // words == {"the", "cat", "s", "2", "hats"}
//
// Tokens are views into the input; the input must outlive them. Tokenise
// does no allocation per token: pass the same vector again and it reuses its
// capacity. ASCII is classified through a 256-entry table; the first call
// that meets non-ASCII text builds a 48 KB class table (about a millisecond).
#ifndef NEARDUP_TOKENISE_H_
#define NEARDUP_TOKENISE_H_

#include <string_view>
#include <vector>

namespace neardup {

/// Appends the tokens of `text` (valid UTF-8, normally the output of
/// Normalise) to `*tokens` (cleared first), in text order. Ill-formed UTF-8
/// is tolerated: each ill-formed sequence separates words like U+FFFD.
void Tokenise(std::string_view text, std::vector<std::string_view>* tokens);

/// True if `code_point` belongs to a script tokenised per character (see
/// above; defined by code point blocks, so it is also true for the
/// punctuation of those blocks, which Tokenise treats as separators anyway).
bool IsPerCharacterScript(char32_t code_point);

}  // namespace neardup

#endif  // NEARDUP_TOKENISE_H_

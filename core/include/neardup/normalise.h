// Text normalisation: the first stage of the pipeline.
//
// Turns raw article bytes into a canonical UTF-8 string so that copies that
// differ only in encoding, typography or case compare equal:
//   * UTF-8 is decoded; each ill-formed byte sequence becomes U+FFFD and is
//     counted in NormaliseStats (never an error). Sequences are replaced per
//     "maximal subpart" (Unicode section 3.9, as the WHATWG decoder does):
//     "\xE2\x82" (truncated) is one U+FFFD, "\xC0\xAF" (overlong) two,
//     "\xED\xA0\x80" (an encoded surrogate) three, a lone continuation byte
//     one;
//   * HTML character references are decoded: all 252 HTML 4.01 named
//     entities plus &apos; (&amp; &lt; &nbsp; &mdash; &rsquo; &hellip;
//     &eacute; &copy; &euro; ...), decimal &#8217; and hex &#x2014;. The
//     closing ';' is required. Names are matched exactly, then in lower case
//     (&AMP; is &amp;). Numeric references to 0, surrogates or beyond
//     U+10FFFF give U+FFFD; &#128;..&#159; are read as Windows-1252 (&#151;
//     is an em dash), as browsers do. Double-escaped text is decoded fully:
//     "&amp;quot;" -> '"', "&amp;amp;" -> '&' (see Idempotence);
//   * Unicode NFKC and full case folding (utf8proc): "ﬁ" -> "fi",
//     "Straße" -> "strasse", full-width "ＡＢＣ１２３" -> "abc123",
//     half-width "ｶﾞ" -> "ガ"; NFD and NFC input give the same output.
//     Turkish: 'I' folds to 'i' (not dotless 'ı'), and 'İ' (U+0130) to
//     "i̇" (i + U+0307 COMBINING DOT ABOVE), per the default (non-Turkic)
//     Unicode case folding;
//   * typographic variants are mapped to one ASCII form: the quotes ‘ ’ ‚ ‛
//     ‹ › and primes ′ ‵ to ', the quotes “ ” „ ‟ « » and primes ″ ‶ to ",
//     the dashes ‐ ‑ ‒ – — ― ⸺ ⸻ and minus − to -, the ellipsis … to ...;
//   * invisible characters are removed: soft hyphen, zero-width space,
//     ZWNJ and ZWJ, word joiner, BOM, bidi controls, every other format
//     character (category Cf) and the remaining Unicode default-ignorable
//     code points (variation selectors, Hangul fillers, CGJ, tags).
//     ZWNJ/ZWJ only control glyph joining: removing them keeps the letters
//     of a Persian or Devanagari word together as one word ("می‌خواهم"
//     -> "میخواهم", the same as writers who omit it), where keeping them would
//     split the word at tokenisation. Writers who type a space instead of a
//     ZWNJ still produce two words;
//   * NUL and all other C0/C1 control characters act as spaces;
//   * whitespace is folded: a run of whitespace (ASCII, Unicode Zs spaces
//     such as NBSP and U+3000, control characters) containing a line break
//     (LF, CR, VT, FF, U+0085, U+2028, U+2029) becomes one '\n', any other
//     run one ' '; leading and trailing whitespace is removed. Line
//     structure survives because boilerplate handling works on lines.
// Combining marks are kept (Arabic harakat, Devanagari matras and viramas).
//
// Speed: ASCII text is mapped byte by byte through a table (lower case,
// whitespace folding, entity decoding) with no Unicode library call and no
// allocation beyond sizing `*out` once. Non-ASCII code points that are
// already in normal form are copied; only the rest go through utf8proc.
// The first call builds lookup tables (a few milliseconds).
//
// Idempotence: Normalise(Normalise(x)) == Normalise(x) for any input,
// including invalid UTF-8. When the output of one pass still holds a
// character reference (formed by case folding "&AMP;", NFKC of full-width
// "＆ａｍｐ；", a removed invisible character inside "&am<ZWSP>p;", or escapes
// nested as "&amp;#38;..."), the pass is repeated, at most 16 times; only
// input nesting escapes deeper than that can break idempotence. Natural text
// never does.
//
// Example:
//   neardup::NormaliseStats stats;
//   std::string out;
//   neardup::Normalise("\xE2\x80\x9CHello\xE2\x80\x9D &amp; WORLD", {}, &out,
//                      &stats);
//   // out == "\"hello\" & world", stats.invalid_utf8 == 0
#ifndef NEARDUP_NORMALISE_H_
#define NEARDUP_NORMALISE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace neardup {

/// What Normalise does. Whitespace folding, control characters, invisible
/// (Cf, default-ignorable) characters and U+FFFD replacement are always on.
struct NormaliseOptions {
  /// Apply Unicode NFKC; when false, NFC (canonical composition only), so
  /// NFD and NFC input still agree.
  bool nfkc = true;
  /// Apply Unicode full case folding (ASCII: lower case).
  bool case_fold = true;
  /// Decode HTML character references (&amp; &#8217; ...) before NFKC.
  bool decode_html_entities = true;
  /// Map curly quotes, primes, dashes and the ellipsis to ASCII. Spaces
  /// (NBSP, U+2009, ...) become ' ' regardless, by whitespace folding.
  bool map_typography = true;

  /// Every combination of the flags is valid.
  absl::Status Validate() const { return absl::OkStatus(); }
};

/// Counters filled by Normalise; they accumulate across calls.
struct NormaliseStats {
  uint64_t invalid_utf8 = 0;  ///< ill-formed byte sequences replaced by U+FFFD
};

/// Normalises `text` (any bytes) into `*out` (cleared first; valid UTF-8 on
/// return). `stats` may be null. `text` may point into `*out` (it is copied
/// first then). Idempotent: Normalise(Normalise(x)) == Normalise(x).
/// Thread-safe; reuses per-thread scratch buffers, so calling it in a loop
/// with the same `out` does not allocate once buffers have grown.
void Normalise(std::string_view text, const NormaliseOptions& options,
               std::string* out, NormaliseStats* stats = nullptr);

/// Convenience overload returning the normalised string.
std::string Normalise(std::string_view text,
                      const NormaliseOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_NORMALISE_H_

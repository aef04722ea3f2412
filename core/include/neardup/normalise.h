// Text normalisation: the first stage of the pipeline.
//
// Turns raw article bytes into a canonical UTF-8 string so that copies that
// differ only in encoding, typography or case compare equal:
//   * UTF-8 is decoded; each invalid byte sequence becomes U+FFFD and is
//     counted in NormaliseStats (never an error);
//   * HTML character entities are decoded (`&amp;`, `&nbsp;`, `&#8217;`,
//     `&#x2014;`, and the common named ones);
//   * Unicode NFKC and full case folding (utf8proc);
//   * typographic variants are mapped to one form: curly single/double quotes
//     and primes to ' and ", all dashes (en, em, figure, minus, horizontal
//     bar) to -, ellipsis to ..., NBSP and other spaces to ' ';
//     soft hyphen, zero-width space/joiners, BOM and other format controls
//     (category Cf) are removed;
//   * whitespace is folded: a run of whitespace containing a line break
//     becomes one '\n', any other run one ' '; leading and trailing
//     whitespace is removed. Line structure survives because boilerplate
//     handling works on lines.
// Pure ASCII input without '&' and without upper-case letters or runs of
// whitespace takes a fast path that does no Unicode work.
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

struct NormaliseOptions {
  bool nfkc = true;                  ///< apply Unicode NFKC
  bool case_fold = true;             ///< apply Unicode full case folding
  bool decode_html_entities = true;  ///< decode &amp; &#8217; ... before NFKC
  bool map_typography = true;        ///< curly quotes, dashes, spaces -> ASCII

  absl::Status Validate() const { return absl::OkStatus(); }
};

/// Counters filled by Normalise; they accumulate across calls.
struct NormaliseStats {
  uint64_t invalid_utf8 = 0;  ///< invalid byte sequences replaced by U+FFFD
};

/// Normalises `text` (any bytes) into `*out` (cleared first; valid UTF-8 on
/// return). `stats` may be null. Idempotent: Normalise(Normalise(x)) ==
/// Normalise(x).
void Normalise(std::string_view text, const NormaliseOptions& options,
               std::string* out, NormaliseStats* stats = nullptr);

/// Convenience overload returning the normalised string.
std::string Normalise(std::string_view text,
                      const NormaliseOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_NORMALISE_H_

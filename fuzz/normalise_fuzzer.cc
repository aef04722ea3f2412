// Fuzzes the text front end: Normalise, Tokenise and Shingler. The first
// byte picks NormaliseOptions (bits 0-3) and the shingle unit (bit 4) and
// n (bits 5-7: 1..8); the rest is the text. Checks: the normalised text is
// valid UTF-8 and normalising it again changes nothing (the documented
// idempotence, which holds unless the input nests more than 16 levels of
// character references, so inputs with more than 16 ampersands are not
// checked for it); tokens are non-empty, ordered, non-overlapping views of
// the text holding no whitespace; shingle sets are sorted and unique, empty
// exactly when there is no token, and the same for the raw and the
// normalised text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "neardup/normalise.h"
#include "neardup/shingle.h"
#include "neardup/tokenise.h"

namespace {

using neardup::fuzz::IsValidUtf8;

// Occurrences of characters that are or become '&' (U+0026, U+FE60 small,
// U+FF06 full-width).
size_t Ampersands(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&' || s.substr(i, 3) == "\xEF\xB9\xA0" ||
        s.substr(i, 3) == "\xEF\xBC\x86") {
      ++n;
    }
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  neardup::NormaliseOptions options;
  options.nfkc = flags & 1;
  options.case_fold = flags & 2;
  options.decode_html_entities = flags & 4;
  options.map_typography = flags & 8;

  static std::string* normalised = new std::string;
  static std::string* twice = new std::string;
  neardup::NormaliseStats stats;
  neardup::Normalise(text, options, normalised, &stats);
  FUZZ_CHECK(IsValidUtf8(*normalised));
  FUZZ_CHECK((stats.invalid_utf8 == 0) == IsValidUtf8(text));
  if (Ampersands(text) <= 16) {
    neardup::NormaliseStats again;
    neardup::Normalise(*normalised, options, twice, &again);
    FUZZ_CHECK(*twice == *normalised);
    FUZZ_CHECK(again.invalid_utf8 == 0);
  }

  static std::vector<std::string_view>* tokens =
      new std::vector<std::string_view>;
  neardup::Tokenise(*normalised, tokens);
  const char* end = normalised->data();
  for (std::string_view t : *tokens) {
    FUZZ_CHECK(!t.empty());
    FUZZ_CHECK(t.data() >= end);
    FUZZ_CHECK(t.data() + t.size() <= normalised->data() + normalised->size());
    FUZZ_CHECK(t.find_first_of(" \n\t") == std::string_view::npos);
    end = t.data() + t.size();
  }

  neardup::ShingleOptions shingle;
  shingle.unit =
      flags & 16 ? neardup::ShingleUnit::kChar : neardup::ShingleUnit::kWord;
  shingle.n = 1 + (flags >> 5);
  auto shingler = neardup::Shingler::Create(shingle, options);
  FUZZ_CHECK(shingler.ok());
  neardup::ShingleSet set, set2;
  shingler->Shingle(text, &set);
  for (size_t i = 1; i < set.hashes.size(); ++i) {
    FUZZ_CHECK(set.hashes[i - 1] < set.hashes[i]);
  }
  FUZZ_CHECK(set.empty() == tokens->empty());
  FUZZ_CHECK(shingler->last_normalised() == *normalised);
  shingler->ShingleNormalised(*normalised, &set2);
  FUZZ_CHECK(set2.hashes == set.hashes);
  FUZZ_CHECK(set2.text_hash == set.text_hash);
  return 0;
}

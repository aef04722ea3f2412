// Shingling: normalised text -> a set of 64-bit shingle hashes.
//
// A shingle is a contiguous n-gram of words (ShingleUnit::kWord, the default,
// n = 5) or of characters (ShingleUnit::kChar; the characters of the words
// with one space where the text separates two words, so punctuation does
// not count and CJK text stays unbroken). With
// `cross_lines = false` n-grams stay inside one line of the normalised text
// (each line is shingled on its own, a line of fewer than n tokens giving
// one shingle of all of them): a headline, caption, byline or dropped
// paragraph then changes only its own shingles, not those of its
// neighbours. (Hard-wrapped text, where copies break lines in different
// places, wants `cross_lines = true`.) Each shingle is
// hashed with seeded XXH3-64 into a 64-bit value; a document is the *set* of
// its shingle hashes (sorted, unique), so a line repeated inside a document
// counts once. A document with at least one but fewer than n tokens (or
// characters) yields exactly one shingle made of all of them; a document
// with no token is "empty" (zero shingles) and never clustered.
//
// The Shingler runs the whole front end — Normalise, Tokenise, n-gram
// hashing — with reusable buffers; create one per thread.
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto shingler, neardup::Shingler::Create({}));
//   neardup::ShingleSet set;
//   shingler.Shingle("The quick brown fox jumps over the dog", &set);
//   // set.hashes.size() == 4 (word 5-grams), set.text_hash identifies the
//   // normalised text (equal for exact duplicates after normalisation).
#ifndef NEARDUP_SHINGLE_H_
#define NEARDUP_SHINGLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "neardup/normalise.h"

namespace neardup {

enum class ShingleUnit { kWord, kChar };

struct ShingleOptions {
  ShingleUnit unit = ShingleUnit::kWord;
  int n = 5;                ///< tokens (or characters) per shingle, 1..64
  uint64_t seed = 0;        ///< XXH3 seed of token and shingle hashes
  bool cross_lines = true;  ///< n-grams may span line breaks

  absl::Status Validate() const;
  /// Parses "word:N" or "char:N" (e.g. "word:5", "char:5").
  static absl::StatusOr<ShingleOptions> Parse(std::string_view spec);
  /// The inverse of Parse: "word:5".
  std::string ToString() const;
};

/// The shingle set of one document.
struct ShingleSet {
  /// Sorted ascending and unique, unless shingled with
  /// SetOrder::kAnyOrder (then in text order, repeats possible).
  std::vector<uint64_t> hashes;
  uint64_t text_hash = 0;   ///< XXH3-64 of the normalised text
  uint64_t num_tokens = 0;  ///< tokens in the normalised text
  bool empty() const { return hashes.empty(); }
};

/// kAnyOrder skips sorting and de-duplication, for consumers that do not
/// need them (MinHash signing is order- and repeat-insensitive).
enum class SetOrder { kSortedUnique, kAnyOrder };

class Shingler {
 public:
  static absl::StatusOr<Shingler> Create(
      const ShingleOptions& options, const NormaliseOptions& normalise = {});

  /// Normalises, tokenises and shingles raw `text` (any bytes) into `*out`.
  /// Invalid UTF-8 is counted in `stats` (may be null).
  void Shingle(std::string_view text, ShingleSet* out,
               NormaliseStats* stats = nullptr,
               SetOrder order = SetOrder::kSortedUnique);

  /// Shingles already-normalised text (the output of Normalise).
  void ShingleNormalised(std::string_view normalised, ShingleSet* out,
                         SetOrder order = SetOrder::kSortedUnique);

  /// The normalised text of the last Shingle() call.
  std::string_view last_normalised() const { return normalised_; }

  const ShingleOptions& options() const { return options_; }
  const NormaliseOptions& normalise_options() const { return normalise_; }

 private:
  Shingler(const ShingleOptions& options, const NormaliseOptions& normalise)
      : options_(options), normalise_(normalise) {}

  ShingleOptions options_;
  NormaliseOptions normalise_;
  std::string normalised_;
  std::vector<std::string_view> tokens_;
  std::vector<uint64_t> token_hashes_;
  std::vector<uint8_t> newlines_;  ///< per token: a line break before it
  std::vector<uint64_t> offsets_;
  std::string joined_;

  /// Appends the shingles of tokens_[begin, end) to out->hashes.
  void ShingleTokens(size_t begin, size_t end, ShingleSet* out);
};

/// Hashes word n-grams of `token_hashes` into `*out` (appended, unsorted).
/// Fewer than n tokens (but at least one) give one shingle of all of them.
void HashWordNgrams(std::span<const uint64_t> token_hashes, int n,
                    uint64_t seed, std::vector<uint64_t>* out);

/// Sorts `*hashes` and removes duplicates.
void SortUnique(std::vector<uint64_t>* hashes);

}  // namespace neardup

#endif  // NEARDUP_SHINGLE_H_

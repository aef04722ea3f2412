#include "neardup/shingle.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "internal/hash.h"
#include "internal/token_scan.h"
#include "neardup/tokenise.h"

namespace neardup {

absl::Status ShingleOptions::Validate() const {
  if (n < 1 || n > 64) {
    return absl::InvalidArgumentError(
        absl::StrCat("shingle size n must be in [1, 64], got ", n));
  }
  return absl::OkStatus();
}

absl::StatusOr<ShingleOptions> ShingleOptions::Parse(std::string_view spec) {
  ShingleOptions options;
  const size_t colon = spec.find(':');
  const std::string_view unit = spec.substr(0, colon);
  if (unit == "word") {
    options.unit = ShingleUnit::kWord;
  } else if (unit == "char") {
    options.unit = ShingleUnit::kChar;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("shingle spec must be word:N or char:N, got '",
                     std::string(spec), "'"));
  }
  if (colon != std::string_view::npos) {
    const std::string number(spec.substr(colon + 1));
    if (!absl::SimpleAtoi(number, &options.n)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "shingle size must be a whole number, got '", number, "'"));
    }
  }
  if (absl::Status status = options.Validate(); !status.ok()) return status;
  return options;
}

std::string ShingleOptions::ToString() const {
  return absl::StrCat(unit == ShingleUnit::kWord ? "word:" : "char:", n);
}

absl::StatusOr<Shingler> Shingler::Create(const ShingleOptions& options,
                                          const NormaliseOptions& normalise) {
  if (absl::Status status = options.Validate(); !status.ok()) return status;
  if (absl::Status status = normalise.Validate(); !status.ok()) return status;
  return Shingler(options, normalise);
}

void SortUnique(std::vector<uint64_t>* hashes) {
  const size_t n = hashes->size();
  if (n < 64) {
    std::sort(hashes->begin(), hashes->end());
  } else {
    // Shingle hashes are uniform, so a bucket sort on the top bits (about
    // one value per bucket) then insertion sort inside each bucket runs in
    // expected O(n): several times faster than std::sort at n ~ 500.
    const int bits = std::bit_width(n);
    const int shift = 64 - bits;
    thread_local std::vector<uint32_t> starts;
    thread_local std::vector<uint64_t> scratch;
    starts.assign((size_t{1} << bits) + 1, 0);
    for (uint64_t h : *hashes) ++starts[(h >> shift) + 1];
    for (size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
    scratch.resize(n);
    for (uint64_t h : *hashes) scratch[starts[h >> shift]++] = h;
    // starts[b] is now the end of bucket b; insertion sort is correct over
    // the whole array because buckets are already in order.
    for (size_t i = 1; i < n; ++i) {
      const uint64_t x = scratch[i];
      size_t j = i;
      while (j > 0 && scratch[j - 1] > x) {
        scratch[j] = scratch[j - 1];
        --j;
      }
      scratch[j] = x;
    }
    hashes->swap(scratch);
  }
  hashes->erase(std::unique(hashes->begin(), hashes->end()), hashes->end());
}

namespace {

// Writes the n-gram hashes of the `count` (>= 1) token hashes at t to o;
// returns how many (count - min(count, n) + 1).
size_t NgramsInto(const uint64_t* t, size_t count, int n, uint64_t seed,
                  uint64_t* o) {
  const size_t width = std::min<size_t>(count, static_cast<size_t>(n));
  const size_t shingles = count - width + 1;
  const uint64_t tag = internal::NgramTag(width, seed);
  if (width == 3) {  // the default (syndicated mode)
    internal::Ngrams3(t, shingles, tag, o);
    return shingles;
  }
  for (size_t i = 0; i < shingles; ++i) {
    o[i] = internal::CombineNgram(t + i, width, tag);
  }
  return shingles;
}

}  // namespace

void HashWordNgrams(std::span<const uint64_t> token_hashes, int n,
                    uint64_t seed, std::vector<uint64_t>* out) {
  const size_t count = token_hashes.size();
  if (count == 0) return;
  const size_t old_size = out->size();
  out->resize(old_size + count);  // at least the number of n-grams
  const size_t written =
      NgramsInto(token_hashes.data(), count, n, seed, out->data() + old_size);
  out->resize(old_size + written);
}

namespace {

// Byte length of the UTF-8 sequence starting with `lead` (input is valid).
inline size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

}  // namespace

void Shingler::Shingle(std::string_view text, ShingleSet* out,
                       NormaliseStats* stats, SetOrder order) {
  Normalise(text, normalise_, &normalised_, stats);
  ShingleNormalised(normalised_, out, order);
}

void Shingler::ShingleNormalised(std::string_view normalised, ShingleSet* out,
                                 SetOrder order) {
  out->hashes.clear();
  out->text_hash =
      XXH3_64bits_withSeed(normalised.data(), normalised.size(), options_.seed);
  if (options_.unit == ShingleUnit::kWord) {
    // One pass: tokens are hashed as the scan finds them; a line break in
    // the gap before a token closes the line's n-grams.
    const char* const end = normalised.data() + normalised.size();
    const uint64_t seed = options_.seed;
    const bool cross_lines = options_.cross_lines;
    // A token takes at least one byte and two tokens touch only when one
    // of them is a per-character token of three or more bytes, so a text of
    // b bytes has at most b / 2 + 1 tokens: the buffers are sized once and
    // written through raw pointers.
    const size_t max_tokens = normalised.size() / 2 + 16;
    if (token_hashes_.size() < max_tokens) token_hashes_.resize(max_tokens);
    uint64_t* const th = token_hashes_.data();
    size_t count = 0;
    if (cross_lines) {
      internal::ForEachToken(normalised, [&](const char* begin, size_t length) {
        assert(count < max_tokens);
        th[count++] = internal::HashToken(begin, length, end, seed);
      });
    } else {
      // Newline flags per token are stored, not counted, so the scan loop
      // carries no extra state through memory.
      if (newlines_.size() < max_tokens) newlines_.resize(max_tokens);
      uint8_t* const newline_before = newlines_.data();
      internal::ForEachToken(
          normalised, [&](const char* begin, size_t length, bool newline) {
            assert(count < max_tokens);
            newline_before[count] = newline;
            th[count++] = internal::HashToken(begin, length, end, seed);
          });
    }
    const uint64_t num_tokens = count;
    if (count > 0) {
      out->hashes.resize(count);  // at least the number of n-grams
      uint64_t* o = out->hashes.data();
      size_t written = 0;
      if (cross_lines) {
        written = NgramsInto(th, count, options_.n, seed, o);
      } else {
        const uint8_t* const newline_before = newlines_.data();
        size_t line_begin = 0;
        for (size_t t = 1; t < count; ++t) {
          if (newline_before[t]) {
            written += NgramsInto(th + line_begin, t - line_begin, options_.n,
                                  seed, o + written);
            line_begin = t;
          }
        }
        written += NgramsInto(th + line_begin, count - line_begin, options_.n,
                              seed, o + written);
      }
      out->hashes.resize(written);
    }
    out->num_tokens = num_tokens;
    if (order == SetOrder::kSortedUnique) SortUnique(&out->hashes);
    return;
  }
  Tokenise(normalised, &tokens_);
  out->num_tokens = tokens_.size();
  if (tokens_.empty()) return;
  if (options_.cross_lines) {
    ShingleTokens(0, tokens_.size(), out);
  } else {
    // A line break lies in the gap between two consecutive tokens.
    size_t line_begin = 0;
    for (size_t i = 1; i < tokens_.size(); ++i) {
      const char* gap = tokens_[i - 1].data() + tokens_[i - 1].size();
      if (std::memchr(gap, '\n', tokens_[i].data() - gap) != nullptr) {
        ShingleTokens(line_begin, i, out);
        line_begin = i;
      }
    }
    ShingleTokens(line_begin, tokens_.size(), out);
  }
  if (order == SetOrder::kSortedUnique) SortUnique(&out->hashes);
}

void Shingler::ShingleTokens(size_t begin, size_t end, ShingleSet* out) {
  assert(options_.unit == ShingleUnit::kChar);  // words: ShingleNormalised
  // Character n-grams over the words, with one space wherever the text
  // separates two words (none between the per-character tokens of CJK
  // text, which touch).
  joined_.clear();
  for (size_t i = begin; i < end; ++i) {
    if (i > begin &&
        tokens_[i].data() != tokens_[i - 1].data() + tokens_[i - 1].size()) {
      joined_.push_back(' ');
    }
    joined_.append(tokens_[i]);
  }
  // offsets_[i] = byte offset of code point i; a window of n code points
  // spans [offsets_[i], offsets_[i + n]).
  offsets_.clear();
  for (size_t pos = 0; pos < joined_.size();
       pos += SequenceLength(static_cast<unsigned char>(joined_[pos]))) {
    offsets_.push_back(pos);
  }
  const size_t code_points = offsets_.size();
  offsets_.push_back(joined_.size());
  const size_t width =
      std::min<size_t>(code_points, static_cast<size_t>(options_.n));
  for (size_t i = 0; i + width <= code_points; ++i) {
    out->hashes.push_back(
        XXH3_64bits_withSeed(joined_.data() + offsets_[i],
                             offsets_[i + width] - offsets_[i], options_.seed));
  }
}

}  // namespace neardup

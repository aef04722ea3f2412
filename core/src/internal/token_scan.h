// The tokeniser's scan loop as a template, so that callers can consume
// tokens as they are found (the shingler hashes them on the fly) instead of
// collecting string views first. Tokenise() (tokenise.h) is this scan with a
// callback that appends views; the rules are documented there.
#ifndef NEARDUP_INTERNAL_TOKEN_SCAN_H_
#define NEARDUP_INTERNAL_TOKEN_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "internal/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup::internal {

enum CharClass : uint8_t {
  kSeparator = 0,
  kWord = 1,     // letter or number
  kMark = 2,     // combining mark: extends the token before it
  kPerChar = 3,  // letter or number of a script tokenised per character
};

constexpr std::array<bool, 256> MakeAsciiWord() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  return t;
}

inline constexpr std::array<bool, 256> kAsciiWord = MakeAsciiWord();

/// Code points below this have their class in the 2-bit table.
inline constexpr char32_t kClassTableLimit = 0x30000;

/// The 2-bit class table over U+0000..kClassTableLimit-1, built on first
/// use (tokenise.cc).
const uint8_t* ClassTableBits();
/// The class of any code point (slow: utf8proc).
CharClass ClassifySlow(char32_t code_point);

inline CharClass ClassOf(const uint8_t* bits, char32_t cp) {
  if (cp >= kClassTableLimit) return ClassifySlow(cp);
  return static_cast<CharClass>((bits[cp >> 2] >> ((cp & 3) * 2)) & 3);
}

#if defined(__SSE2__)

// Bit k set if byte k of the 16 is an ASCII letter or digit.
inline unsigned WordMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
  const __m128i alpha =
      _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                    _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digit =
      _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                    _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
}

inline unsigned HighBitMask16(const char* p) {
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
}

#endif

// Bit k set if byte k of the 16 is '\n'.
#if defined(__SSE2__)
inline unsigned NewlineMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))));
}
#endif

/// Calls on_token(begin, length) for each token of `text`, in order; or,
/// when on_token also takes a bool, on_token(begin, length, newline_before)
/// where newline_before says whether a '\n' byte lies between the end of
/// the previous token (or the start of the text) and this token (a '\n' is
/// never inside a token).
/// kBlocks = false disables the 64-byte SSE2 block path (the portable
/// byte-at-a-time scan), for tests that both paths agree.
template <bool kBlocks = true, typename OnToken>
inline void ForEachToken(std::string_view text, OnToken&& on_token) {
  constexpr bool kLines =
      std::is_invocable_v<OnToken, const char*, size_t, bool>;
  const char* const s = text.data();
  const size_t n = text.size();
  const uint8_t* table = nullptr;  // built on the first non-ASCII byte
  enum { kNone, kWordToken, kPerCharToken } open = kNone;
  size_t start = 0;
  size_t i = 0;
  size_t scalar_until = 0;  // no 64-byte block attempt before this offset
  // kLines: a '\n' was seen since the last token start (pending), and
  // whether the open token had one before it (token_newline).
  // (size_t, not bool: spilled flags then avoid narrow store-to-load
  // forwarding stalls.)
  size_t pending_newline = 0;
  size_t token_newline = 0;
  auto emit = [&](size_t begin, size_t length) {
    if constexpr (kLines) {
      on_token(s + begin, length, token_newline != 0);
    } else {
      on_token(s + begin, length);
    }
  };
  auto open_at = [&](size_t pos) {
    start = pos;
    if constexpr (kLines) {
      token_newline = pending_newline;
      pending_newline = 0;
    }
  };
  auto close = [&](size_t end) {
    if (open != kNone) emit(start, end - start);
    open = kNone;
  };
  while (i < n) {
#if defined(__SSE2__)
    // 64 ASCII bytes at a time: word starts and ends from bit masks.
    if (kBlocks && i >= scalar_until && i + 64 <= n) {
      const char* p = s + i;
      const uint64_t high = HighBitMask16(p) |
                            (uint64_t{HighBitMask16(p + 16)} << 16) |
                            (uint64_t{HighBitMask16(p + 32)} << 32) |
                            (uint64_t{HighBitMask16(p + 48)} << 48);
      if (high == 0) {
        const uint64_t word = WordMask16(p) |
                              (uint64_t{WordMask16(p + 16)} << 16) |
                              (uint64_t{WordMask16(p + 32)} << 32) |
                              (uint64_t{WordMask16(p + 48)} << 48);
        // Newlines not yet accounted to a token start.
        uint64_t newlines = 0;
        if constexpr (kLines) {
          newlines = NewlineMask16(p) |
                     (uint64_t{NewlineMask16(p + 16)} << 16) |
                     (uint64_t{NewlineMask16(p + 32)} << 32) |
                     (uint64_t{NewlineMask16(p + 48)} << 48);
        }
        if (open == kPerCharToken) close(i);  // its marks ended before i
        const uint64_t prev = (word << 1) | (open == kWordToken ? 1 : 0);
        uint64_t starts = word & ~prev;
        uint64_t ends = ~word & prev;
        // Starts and ends alternate; a token open at entry ends first.
        while (true) {
          if (open == kNone) {
            if (starts == 0) break;
            const unsigned bit = static_cast<unsigned>(__builtin_ctzll(starts));
            starts &= starts - 1;
            open = kWordToken;
            start = i + bit;
            if constexpr (kLines) {
              const uint64_t below = newlines & ((uint64_t{1} << bit) - 1);
              token_newline = pending_newline | below;
              pending_newline = 0;
              newlines &= ~below;
            }
          }
          if (ends == 0) break;
          const size_t end = i + static_cast<size_t>(__builtin_ctzll(ends));
          ends &= ends - 1;
          emit(start, end - start);
          open = kNone;
        }
        if constexpr (kLines) pending_newline |= newlines;
        i += 64;
        continue;
      }
      scalar_until = i + 64;
    }
#endif
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!kAsciiWord[c]) {
        close(i);
        if constexpr (kLines) pending_newline |= c == '\n' ? 1 : 0;
        ++i;
        continue;
      }
      if (open != kWordToken) {
        close(i);
        open = kWordToken;
        open_at(i);
      }
      ++i;
      while (i < n && kAsciiWord[static_cast<unsigned char>(s[i])]) ++i;
      continue;
    }
    const internal::Utf8Decoded d = internal::DecodeUtf8(s + i, n - i);
    if (table == nullptr) table = ClassTableBits();
    const CharClass cls = d.valid ? ClassOf(table, d.code_point) : kSeparator;
    switch (cls) {
      case kSeparator:
        close(i);
        break;
      case kMark:
        if (open == kNone) {
          open = kWordToken;
          open_at(i);
        }
        break;
      case kWord:
        if (open != kWordToken) {
          close(i);
          open = kWordToken;
          open_at(i);
        }
        break;
      case kPerChar:
        close(i);
        open = kPerCharToken;
        open_at(i);
        break;
    }
    i += d.length;
  }
  close(n);
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_TOKEN_SCAN_H_

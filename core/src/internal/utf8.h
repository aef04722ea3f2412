// Small, bounds-safe UTF-8 helpers shared by the text stages.
//
// DecodeUtf8() never reads past the end of its input and never fails: an
// ill-formed sequence yields U+FFFD and consumes exactly one "maximal subpart"
// (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal Subparts"; the
// same rule as the WHATWG Encoding Standard), so
//   "\xE2\x82" + "A"   -> U+FFFD, 'A'          (truncated 3-byte sequence)
//   "\xC0\xAF"         -> U+FFFD, U+FFFD       (overlong: C0 is never valid)
//   "\xED\xA0\x80"     -> U+FFFD x 3           (UTF-16 surrogate D800)
//   "\x80"             -> U+FFFD               (lone continuation byte)
//   "\xF4\x90\x80\x80" -> U+FFFD x 4           (above U+10FFFF)
//
// Example:
//   size_t i = 0;
//   while (i < s.size()) {
//     auto d = neardup::internal::DecodeUtf8(s.data() + i, s.size() - i);
//     Use(d.code_point, d.valid);
//     i += d.length;
//   }
#ifndef NEARDUP_INTERNAL_UTF8_H_
#define NEARDUP_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace neardup::internal {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

struct Utf8Decoded {
  char32_t code_point;  ///< decoded value, or U+FFFD when !valid
  uint32_t length;      ///< bytes consumed, 1..4 (never 0)
  bool valid;           ///< false: an ill-formed subsequence was replaced
};

/// Decodes the code point starting at `s[0]`. Precondition: n >= 1.
/// Reads at most min(n, 4) bytes. Written without loops so that compilers
/// keep everything in registers in hot loops.
inline Utf8Decoded DecodeUtf8(const char* s, size_t n) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  const char32_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  constexpr Utf8Decoded kBad1{kReplacementCharacter, 1, false};
  // Allowed ranges follow Unicode Table 3-7 ("Well-Formed UTF-8 Byte
  // Sequences"): the second byte's range excludes overlongs (E0, F0),
  // surrogates (ED) and values above U+10FFFF (F4).
  if (b0 < 0xC2) return kBad1;  // continuation byte, or overlong C0/C1
  if (b0 < 0xE0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return kBad1;
    return {((b0 & 0x1F) << 6) | (p[1] & 0x3Fu), 2, true};
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (n < 2 || p[1] < lo || p[1] > hi) return kBad1;
    if (n < 3 || (p[2] & 0xC0) != 0x80)
      return {kReplacementCharacter, 2, false};
    return {((b0 & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), 3,
            true};
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (n < 2 || p[1] < lo || p[1] > hi) return kBad1;
    if (n < 3 || (p[2] & 0xC0) != 0x80)
      return {kReplacementCharacter, 2, false};
    if (n < 4 || (p[3] & 0xC0) != 0x80)
      return {kReplacementCharacter, 3, false};
    return {((b0 & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) |
                ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu),
            4, true};
  }
  return kBad1;  // F5..FF never occur in UTF-8
}

/// Number of bytes EncodeUtf8 writes for `cp` (which must be a scalar value:
/// <= U+10FFFF and not a surrogate).
inline size_t Utf8Length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes the UTF-8 form of scalar value `cp` to `out` (room for 4 bytes)
/// and returns the number of bytes written.
inline size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

/// Appends the UTF-8 form of scalar value `cp` to `*out`.
inline void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, EncodeUtf8(cp, buf));
}

/// True if `s[0..n)` is well-formed UTF-8.
inline bool IsValidUtf8(const char* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Decoded d = DecodeUtf8(s + i, n - i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_UTF8_H_

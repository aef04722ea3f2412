// JSON utilities for JSON Lines corpora: a fast scanner that validates one
// JSON object and extracts a few named top-level fields, and an escaper for
// writing JSON strings.
//
// The scanner is built for the input hot path (one call per corpus line):
// it never builds a DOM, never allocates for fields it does not extract,
// finds string ends with SIMD (SSE2 on x86-64), and decodes requested string
// values straight into caller-owned std::strings so that their capacity is
// reused from line to line.
//
// What it accepts: RFC 8259 JSON whose top-level value is an object,
// surrounded by optional whitespace. Nested objects and arrays in any field
// are validated (nesting depth limit kMaxJsonDepth) and skipped, or, when
// requested, returned as their raw JSON text. Two
// leniencies, both common in real exports: raw control characters inside
// strings are accepted as bytes, and a key that occurs twice takes its last
// value. Invalid UTF-8 is passed through unchanged (normalisation deals with
// it later).
//
// String decoding: all escapes including \uXXXX; a surrogate pair becomes
// one code point (4 UTF-8 bytes); a lone surrogate becomes U+FFFD.
//
// Example:
//   std::string id, text;
//   neardup::JsonField fields[] = {{"id", &id}, {"text", &text}};
//   absl::Status s = neardup::ScanJsonObject(
//       R"({"id": 7, "text": "caf\u00e9", "tags": ["a"]})", fields);
//   // s.ok(); fields[0].type == JsonType::kNumber, id == "7";
//   // fields[1].type == JsonType::kString, text == "café"
//
//   // Nested values: a requested object or array comes back as its raw JSON
//   // text, which can be scanned in turn.
//   std::string seconds, total;
//   neardup::JsonField outer[] = {{"seconds", &seconds}};
//   s = neardup::ScanJsonObject(R"({"seconds": {"total": 1.5}})", outer);
//   // outer[0].type == JsonType::kObject, seconds == R"({"total": 1.5})"
//   neardup::JsonField inner[] = {{"total", &total}};
//   s = neardup::ScanJsonObject(seconds, inner);  // total == "1.5"
//
//   std::string out;
//   neardup::AppendJsonString(&out, "say \"hi\"\n");
//   // out == R"("say \"hi\"\n")"
#ifndef NEARDUP_JSON_H_
#define NEARDUP_JSON_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace neardup {

/// Deepest nesting of objects/arrays the scanner accepts (the top-level
/// object counts as depth 1); deeper input is reported as malformed.
inline constexpr int kMaxJsonDepth = 1024;

/// Kind of value a requested field held; kMissing if the key was absent.
enum class JsonType : uint8_t {
  kMissing,
  kString,
  kNumber,
  kTrue,
  kFalse,
  kNull,
  kObject,
  kArray,
};

/// Lower-case JSON name of a type ("string", "number", "missing", ...).
std::string_view JsonTypeName(JsonType type);

/// One top-level field to extract. `name` is compared with each key after
/// the key's escapes are decoded.
struct JsonField {
  std::string_view name;         ///< key to look for (exact, case-sensitive)
  std::string* value = nullptr;  ///< out: decoded string value, the
                                 ///< number's text as written, or an object's
                                 ///< or array's raw JSON text ("{...}" or
                                 ///< "[...]", validated, escapes kept; scan it
                                 ///< again to read inside); cleared for
                                 ///< true/false/null and when the field is
                                 ///< missing. May be null (type only).
  JsonType type = JsonType::kMissing;  ///< out
};

/// Scans `line`, which must hold exactly one JSON object and nothing else
/// except whitespace (space, tab, CR, LF), and fills `fields` from its
/// top-level keys. Field names must be distinct.
/// Returns OK, or InvalidArgument "offset N: <reason>" (N = 0-based byte
/// offset in `line` where the problem was found) if `line` is not a valid
/// JSON object; on error the fields' contents are unspecified.
/// Cost: one pass over `line`; no allocation beyond growing the outputs.
absl::Status ScanJsonObject(std::string_view line, std::span<JsonField> fields);

/// Appends `s` to `*out` as a quoted JSON string: `"` and `\` are escaped,
/// control characters become \b \f \n \r \t or \u00XX, valid UTF-8 is copied
/// as is, and each byte that is not part of a valid UTF-8 sequence becomes
/// U+FFFD, so the output is always valid JSON (and valid UTF-8).
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace neardup

#endif  // NEARDUP_JSON_H_

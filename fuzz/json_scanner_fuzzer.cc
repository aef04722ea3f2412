// Fuzzes the JSON scanner (ScanJsonObject) and the JSON string writer
// (AppendJsonString). Checks: the scanner never crashes and reports errors
// as InvalidArgument "offset N: ..."; a decoded string written back with
// AppendJsonString scans to the same value; AppendJsonString of any bytes is
// a valid JSON string whose value is those bytes when they are valid UTF-8,
// and is always valid UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "neardup/json.h"

namespace {

using neardup::AppendJsonString;
using neardup::JsonField;
using neardup::JsonType;
using neardup::ScanJsonObject;
using neardup::fuzz::IsValidUtf8;

// {"k": <s as JSON>} scanned back; the decoded value.
std::string RoundTrip(std::string_view s) {
  std::string line = "{\"k\": ";
  AppendJsonString(&line, s);
  line += "}";
  FUZZ_CHECK(IsValidUtf8(line));
  std::string back;
  JsonField field[] = {{"k", &back}};
  FUZZ_CHECK(ScanJsonObject(line, field).ok());
  FUZZ_CHECK(field[0].type == JsonType::kString);
  return back;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string id, text;
  JsonField fields[] = {{"id", &id}, {"text", &text}, {"meta", nullptr}};
  const absl::Status s = ScanJsonObject(in, fields);
  if (s.ok()) {
    for (const JsonField& f : fields) {
      if (f.value == nullptr) continue;
      if (f.type == JsonType::kString) {
        // Decoded strings survive being written and read again (bytes
        // that are not UTF-8 come back as U+FFFD).
        const std::string back = RoundTrip(*f.value);
        if (IsValidUtf8(*f.value)) FUZZ_CHECK(back == *f.value);
        FUZZ_CHECK(RoundTrip(back) == back);
      } else if (f.type == JsonType::kObject) {
        // A nested object comes back as its raw text: itself a valid
        // object.
        FUZZ_CHECK(f.value->front() == '{' && f.value->back() == '}');
        FUZZ_CHECK(ScanJsonObject(*f.value, {}).ok());
      } else if (f.type == JsonType::kArray) {
        FUZZ_CHECK(f.value->front() == '[' && f.value->back() == ']');
      } else if (f.type != JsonType::kNumber) {
        FUZZ_CHECK(f.value->empty());
      }
    }
  } else {
    FUZZ_CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(s.message().substr(0, 7) == "offset ");
  }
  const std::string back = RoundTrip(in);
  if (IsValidUtf8(in)) FUZZ_CHECK(back == in);
  return 0;
}

#include "neardup/json.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace neardup {
namespace {

struct Scanned {
  absl::Status status;
  std::string id, text;
  JsonType id_type = JsonType::kMissing, text_type = JsonType::kMissing;
};

Scanned Scan(std::string_view line) {
  Scanned r;
  JsonField fields[] = {{"id", &r.id}, {"text", &r.text}};
  r.status = ScanJsonObject(line, fields);
  r.id_type = fields[0].type;
  r.text_type = fields[1].type;
  return r;
}

TEST(ScanJsonObjectTest, ExtractsStringFields) {
  Scanned r = Scan(R"({"id": "a1", "text": "hello world"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id_type, JsonType::kString);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.text_type, JsonType::kString);
  EXPECT_EQ(r.text, "hello world");
}

TEST(ScanJsonObjectTest, FieldsInAnyOrderAndNestedValuesSkipped) {
  Scanned r = Scan(
      R"(  { "meta" : {"id": "inner", "text": ["x", {"y": [1, 2.5e-3, null]}]},)"
      R"( "text":"T" ,"tags":[], "n": -0.5E+2, "ok": true, "no": false,)"
      R"( "z": null, "e": {}, "id": "outer" }  )");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id, "outer");
  EXPECT_EQ(r.text, "T");
}

TEST(ScanJsonObjectTest, IntegerAndOtherTypes) {
  Scanned r = Scan(R"({"id": 12345678901234567890, "text": null})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id_type, JsonType::kNumber);
  EXPECT_EQ(r.id, "12345678901234567890");
  EXPECT_EQ(r.text_type, JsonType::kNull);
  EXPECT_EQ(r.text, "");

  r = Scan(R"({"id": -7.25, "text": {"a": 1}})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id_type, JsonType::kNumber);
  EXPECT_EQ(r.id, "-7.25");
  EXPECT_EQ(r.text_type, JsonType::kObject);

  r = Scan(R"({"id": [1], "text": true})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id_type, JsonType::kArray);
  EXPECT_EQ(r.text_type, JsonType::kTrue);

  r = Scan(R"({})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id_type, JsonType::kMissing);
  EXPECT_EQ(r.text_type, JsonType::kMissing);
}

TEST(ScanJsonObjectTest, Escapes) {
  Scanned r = Scan(
      R"({"id":"q","text":"a\"b\\c\/d\be\ff\ng\rh\ti \u00e9\u20AC\u0000!"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.text,
            std::string("a\"b\\c/d\be\ff\ng\rh\ti \xC3\xA9\xE2\x82\xAC") +
                std::string(1, '\0') + "!");
}

TEST(ScanJsonObjectTest, BackslashesBeforeClosingQuote) {
  Scanned r = Scan(R"({"id":"a\\","text":"x\\\"y\\"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id, "a\\");
  EXPECT_EQ(r.text, "x\\\"y\\");
  r = Scan(R"({"id":"\"","text":"\\\\"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id, "\"");
  EXPECT_EQ(r.text, "\\\\");
  // An escaped quote is not the end: the string is unterminated.
  EXPECT_FALSE(Scan(R"({"id":"a\"})").status.ok());
}

TEST(ScanJsonObjectTest, SurrogatePairsAndLoneSurrogates) {
  // U+1F600 as a pair.
  Scanned r = Scan(R"({"id":"s","text":"\ud83d\ude00"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.text, "\xF0\x9F\x98\x80");
  // Lone high surrogate at the end, before a normal char, before another
  // high surrogate that does pair up; lone low surrogate.
  r = Scan(R"({"id":"s","text":"\ud83dX\ude00|\ud800\ud83d\ude00|\ud83d"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.text,
            "\xEF\xBF\xBDX\xEF\xBF\xBD|\xEF\xBF\xBD\xF0\x9F\x98\x80|"
            "\xEF\xBF\xBD");
  // A high surrogate followed by a non-surrogate \u escape.
  r = Scan(R"({"id":"s","text":"\ud83d\u0041"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.text,
            "\xEF\xBF\xBD"
            "A");
}

TEST(ScanJsonObjectTest, RawUtf8AndControlBytesPassThrough) {
  Scanned r = Scan("{\"id\":\"\xE6\x9D\xB1\",\"text\":\"a\tb\x01\xFF\"}");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id, "\xE6\x9D\xB1");
  EXPECT_EQ(r.text, "a\tb\x01\xFF");
}

TEST(ScanJsonObjectTest, EscapedKeysMatchAfterDecoding) {
  Scanned r = Scan(R"({"\u0069d":"x","te\u0078t":"y"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.id, "x");
  EXPECT_EQ(r.text, "y");
}

TEST(ScanJsonObjectTest, LastDuplicateKeyWins) {
  Scanned r = Scan(R"({"text":"first","id":"i","text":"second"})");
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.text, "second");
}

TEST(ScanJsonObjectTest, LongStringsCrossSimdBlocks) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += std::string(static_cast<size_t>(i % 40), 'a' + i % 26);
    if (i % 7 == 0) text += "\\n";
    if (i % 11 == 0) text += "\\\"";
  }
  Scanned r = Scan("{\"id\":\"L\",\"text\":\"" + text + "\"}");
  ASSERT_TRUE(r.status.ok()) << r.status;
  std::string expected;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      expected += text[i + 1] == 'n' ? '\n' : '"';
      ++i;
    } else {
      expected += text[i];
    }
  }
  EXPECT_EQ(r.text, expected);
}

TEST(ScanJsonObjectTest, RejectsMalformed) {
  const char* bad[] = {
      "",
      "   ",
      "[1, 2]",
      "\"text\"",
      "{",
      "{\"id\":\"a\"",
      "{\"id\":\"a\",}",
      "{\"id\" \"a\"}",
      "{id:\"a\"}",
      "{\"id\":\"a\"} x",
      "{\"id\":\"a\"}{}",
      "{\"id\":\"unterminated}",
      "{\"id\":\"bad escape \\x\"}",
      "{\"id\":\"\\u12G4\"}",
      "{\"id\":\"\\u12\"}",
      "{\"a\":[1,2}",
      "{\"a\":{\"b\":1]}",
      "{\"a\":[1 2]}",
      "{\"a\":01}",
      "{\"a\":1.}",
      "{\"a\":-}",
      "{\"a\":1e}",
      "{\"a\":tru}",
      "{\"a\":nul}",
      "{\"a\":True}",
      "{\"a\":'x'}",
      "{\"a\":[,]}",
      "{\"a\":{,}}",
      "{\"a\":}",
      "{\"a\":1,\"b\"}",
  };
  for (const char* line : bad) {
    Scanned r = Scan(line);
    EXPECT_FALSE(r.status.ok()) << "accepted: " << line;
    EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument) << line;
  }
}

TEST(ScanJsonObjectTest, ErrorNamesOffsetAndReason) {
  Scanned r = Scan(R"({"id":"a","text":"b"} trailing)");
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(), "offset 22: unexpected data after the object");
  r = Scan(R"({"id" "a"})");
  EXPECT_EQ(r.status.message(), "offset 6: expected ':' after key");
}

TEST(ScanJsonObjectTest, NestingLimit) {
  const int ok_depth = kMaxJsonDepth - 1;  // plus the top-level object
  std::string line =
      "{\"a\":" + std::string(ok_depth, '[') + std::string(ok_depth, ']') + "}";
  EXPECT_TRUE(Scan(line).status.ok());
  line = "{\"a\":" + std::string(ok_depth + 1, '[') +
         std::string(ok_depth + 1, ']') + "}";
  Scanned r = Scan(line);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("nesting too deep"), std::string::npos);
}

TEST(ScanJsonObjectTest, RequestedObjectsAndArraysGiveTheirRawText) {
  const std::string line =
      R"({"a": {"x": [1, {"y": "}\"]"}], "z": {}} , "b":[ 1,2 ],)"
      R"( "c": true, "d": [], "e": null})";
  std::string a = "stale", b, c = "stale", d, e = "stale";
  JsonField fields[] = {{"a", &a}, {"b", &b}, {"c", &c}, {"d", &d}, {"e", &e}};
  ASSERT_TRUE(ScanJsonObject(line, fields).ok());
  EXPECT_EQ(fields[0].type, JsonType::kObject);
  EXPECT_EQ(a, R"({"x": [1, {"y": "}\"]"}], "z": {}})");
  EXPECT_EQ(fields[1].type, JsonType::kArray);
  EXPECT_EQ(b, "[ 1,2 ]");  // the value only: no surrounding spaces
  EXPECT_EQ(fields[2].type, JsonType::kTrue);
  EXPECT_EQ(c, "");
  EXPECT_EQ(d, "[]");
  EXPECT_EQ(fields[4].type, JsonType::kNull);
  EXPECT_EQ(e, "");
  // The raw text scans again: two levels down.
  std::string x, z;
  JsonField inner[] = {{"x", &x}, {"z", &z}};
  ASSERT_TRUE(ScanJsonObject(a, inner).ok());
  EXPECT_EQ(inner[0].type, JsonType::kArray);
  EXPECT_EQ(x, R"([1, {"y": "}\"]"}])");
  EXPECT_EQ(inner[1].type, JsonType::kObject);
  EXPECT_EQ(z, "{}");
}

TEST(ScanJsonObjectTest, NullValuePointerOnlyReportsType) {
  JsonField fields[] = {{"text", nullptr}};
  ASSERT_TRUE(ScanJsonObject(R"({"text":"abc"})", fields).ok());
  EXPECT_EQ(fields[0].type, JsonType::kString);
}

TEST(AppendJsonStringTest, EscapesAndRoundTrips) {
  std::string out = "prefix:";
  AppendJsonString(
      &out, "say \"hi\"\\\n\t\r\b\f\x01\x1f caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(out,
            "prefix:\"say \\\"hi\\\"\\\\\\n\\t\\r\\b\\f\\u0001\\u001f "
            "caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  // Round trip through the scanner.
  const std::string original =
      std::string("x\0y\"z\\\n", 7) + "\xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC";
  std::string line = "{\"text\":";
  AppendJsonString(&line, original);
  line += "}";
  std::string text;
  JsonField fields[] = {{"text", &text}};
  ASSERT_TRUE(ScanJsonObject(line, fields).ok());
  EXPECT_EQ(text, original);
}

TEST(AppendJsonStringTest, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  // Stray continuation, truncated 3-byte sequence, overlong '/', surrogate
  // D800 encoded in UTF-8, code point above U+10FFFF, Latin-1 byte.
  AppendJsonString(&out,
                   "a\x80"
                   "b\xE2\x82"
                   "c\xC0\xAF"
                   "d\xED\xA0\x80"
                   "e\xF4\x90\x80\x80"
                   "f\xE9");
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(out, "\"a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "e" +
                     r + r + r + r + "f" + r + "\"");
}

TEST(AppendJsonStringTest, LongAsciiCrossesSimdBlocks) {
  std::string s(1000, 'x');
  s[500] = '"';
  s[999] = '\n';
  std::string out;
  AppendJsonString(&out, s);
  EXPECT_EQ(out, "\"" + std::string(500, 'x') + "\\\"" + std::string(498, 'x') +
                     "\\n\"");
}

}  // namespace
}  // namespace neardup

// Fuzzes CorpusReader on one input file: JSON Lines, plain or (sniffed from
// the magic bytes) gzip/zstd, or a text file. The first byte picks options:
//   bit 0: OnError::kSkip (else kFail); bit 1: InputFormat::kText;
//   bit 2: id field "text" and text field "id" (swapped keys).
// The rest is the file. Checks: every document returned by Next() reads
// back identically with ReadAgain(), right away and after the whole file;
// counters agree with what was returned; errors have the documented codes
// and name the file.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "neardup/corpus.h"

namespace {

using neardup::CorpusOptions;
using neardup::CorpusReader;
using neardup::Document;
using neardup::fuzz::MemFile;

bool SameDocument(const Document& a, const Document& b) {
  return a.id == b.id && a.text == b.text && a.raw == b.raw &&
         a.input_index == b.input_index &&
         a.location.offset == b.location.offset &&
         a.location.length == b.location.length;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view contents(reinterpret_cast<const char*>(data) + 1,
                                  size - 1);
  CorpusOptions options;
  if (flags & 1) options.on_error = neardup::OnError::kSkip;
  if (flags & 2) options.format = neardup::InputFormat::kText;
  if (flags & 4) std::swap(options.id_field, options.text_field);

  MemFile file(contents);
  const std::string path = file.path();
  auto reader = CorpusReader::Open({path}, options);
  FUZZ_CHECK(reader.ok());

  std::vector<Document> docs;
  Document doc, again;
  absl::Status error;
  while (true) {
    absl::StatusOr<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) {
      error = more.status();
      break;
    }
    if (!*more) break;
    FUZZ_CHECK(!doc.id.empty());
    FUZZ_CHECK((*reader)->ReadAgain(doc.location, &again).ok());
    FUZZ_CHECK(SameDocument(doc, again));
    docs.push_back(doc);
    if (docs.size() > 100000) break;  // a pathological input; enough
  }
  const neardup::CorpusStats& stats = (*reader)->stats();
  FUZZ_CHECK(stats.records == docs.size());
  if (options.on_error == neardup::OnError::kFail) {
    FUZZ_CHECK(stats.skipped() == 0);
  }
  FUZZ_CHECK(stats.first_skipped.size() <= stats.skipped());
  if (!error.ok()) {
    // Bad records (kFail) name file:line; corrupt compressed data is
    // DataLoss naming the file. Both start with the file name.
    FUZZ_CHECK(error.code() == absl::StatusCode::kInvalidArgument ||
               error.code() == absl::StatusCode::kDataLoss);
    FUZZ_CHECK(error.message().substr(0, path.size()) == path);
    // After an error, Next() keeps returning it.
    absl::StatusOr<bool> next = (*reader)->Next(&doc);
    FUZZ_CHECK(!next.ok() && next.status() == error);
  }
  // Every document can still be read again once reading has stopped.
  for (const Document& d : docs) {
    FUZZ_CHECK((*reader)->ReadAgain(d.location, &again).ok());
    FUZZ_CHECK(SameDocument(d, again));
  }
  return 0;
}

// Corpus input: reads documents (id + text) from JSONL files (plain, gzip or
// zstd), folders of text files, or standard input, as one corpus in the
// order given, and can fetch any document again later by its location.
//
// Formats (chosen from the name unless CorpusOptions::format says otherwise):
//   *.jsonl, *.json, *.ndjson, anything else   JSON Lines, one object a line
//   *.gz (e.g. x.jsonl.gz)                     gzip-compressed JSON Lines
//   *.zst                                      zstd-compressed JSON Lines
//   a directory                                every file matching `include`
//                                              and not `exclude` below it,
//                                              sorted by relative path; id =
//                                              the path relative to the
//                                              directory, text = the bytes
//   "-"                                        JSON Lines on standard input
//
// Errors: by default a malformed line, a missing id or text field, or a
// duplicate id stops reading with an error naming `file:line`. With
// `on_error = kSkip` such records are skipped and counted by reason
// (CorpusStats). A truncated or corrupt compressed stream is always an error
// naming the file and the byte offset reached.
//
// Documents can be fetched again (for verification or for writing the kept
// corpus) with ReadAgain(): plain files are read again by offset; streams
// that cannot seek (stdin, compressed input) are spilled to an unlinked
// temporary file as they are read.
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto reader, CorpusReader::Open({"a.jsonl.gz"}, {}));
//   neardup::Document doc;
//   while (true) {
//     NEARDUP_ASSIGN_OR_RETURN(bool more, reader->Next(&doc));
//     if (!more) break;
//     Use(doc.id, doc.text);
//   }
#ifndef NEARDUP_CORPUS_H_
#define NEARDUP_CORPUS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

enum class InputFormat { kAuto, kJsonl, kText };
enum class OnError { kFail, kSkip };

struct CorpusOptions {
  std::string id_field = "id";      ///< JSONL key holding the document id
  std::string text_field = "text";  ///< JSONL key holding the document text
  InputFormat format = InputFormat::kAuto;
  std::vector<std::string> include = {"*.txt"};  ///< directory globs (fnmatch)
  std::vector<std::string> exclude;              ///< directory globs (fnmatch)
  OnError on_error = OnError::kFail;

  absl::Status Validate() const;
};

/// Where a document's record lives, so that it can be read again.
struct DocumentLocation {
  uint32_t store = 0;   ///< internal: which file (input or spill) holds it
  uint64_t offset = 0;  ///< byte offset of the record in that file
  uint64_t length = 0;  ///< byte length of the record
};

struct Document {
  std::string id;
  std::string text;            ///< decoded text field (raw bytes for files)
  std::string raw;             ///< JSONL: the original line; files: empty
  uint32_t input_index = 0;    ///< index into the inputs passed to Open()
  uint64_t line = 0;           ///< 1-based line number (1 for text files)
  DocumentLocation location;
};

struct CorpusStats {
  uint64_t records = 0;           ///< documents returned by Next()
  uint64_t skipped_malformed = 0;  ///< lines that are not a JSON object
  uint64_t skipped_missing_id = 0;
  uint64_t skipped_missing_text = 0;
  uint64_t skipped_duplicate_id = 0;
  std::vector<std::string> first_skipped;  ///< "file:line: reason", first few
  uint64_t bytes_read = 0;  ///< input bytes consumed (compressed bytes for
                            ///< compressed inputs), for progress
  std::optional<uint64_t> total_bytes;  ///< sum of input sizes when known
  uint64_t skipped() const {
    return skipped_malformed + skipped_missing_id + skipped_missing_text +
           skipped_duplicate_id;
  }
};

class CorpusReader {
 public:
  /// Opens `inputs` (paths, directories or "-") after options.Validate().
  /// Errors: NotFound for a missing path, InvalidArgument for bad options.
  static absl::StatusOr<std::unique_ptr<CorpusReader>> Open(
      std::vector<std::string> inputs, const CorpusOptions& options);
  virtual ~CorpusReader() = default;

  /// Reads the next document into `*doc`. Returns false at the end of the
  /// corpus. Errors (fatal ones, or any with OnError::kFail) name file:line.
  virtual absl::StatusOr<bool> Next(Document* doc) = 0;

  /// Reads a document returned earlier by Next() again, into `*doc` (same
  /// id, text and raw). Thread-safe with respect to other ReadAgain calls.
  virtual absl::Status ReadAgain(const DocumentLocation& location,
                                 Document* doc) const = 0;

  virtual const CorpusStats& stats() const = 0;
};

}  // namespace neardup

#endif  // NEARDUP_CORPUS_H_

// Corpus input: reads documents (id + text) from JSONL files (plain, gzip or
// zstd), folders of text files, or standard input, as one corpus in the
// order given, and can fetch any document again later by its location.
//
// Formats (chosen from the name unless CorpusOptions::format says otherwise):
//   *.jsonl, *.json, *.ndjson, anything else   JSON Lines, one object a line
//                                              (gzip/zstd data is also
//                                              recognised by its magic bytes)
//   *.gz (e.g. x.jsonl.gz)                     gzip-compressed JSON Lines
//                                              (several members allowed)
//   *.zst                                      zstd-compressed JSON Lines
//                                              (several frames allowed)
//   a directory                                every file matching `include`
//                                              and not `exclude` below it,
//                                              sorted by relative path; id =
//                                              the path relative to the
//                                              directory, text = the bytes
//   "-"                                        JSON Lines on standard input,
//                                              plain, gzip or zstd (sniffed)
//
// JSON Lines records: one JSON object a line (LF or CRLF; a UTF-8 byte order
// mark at the start of a file is ignored). The id field may be a string or
// an integer (kept as its decimal text); the text field must be a string.
// Other fields, in any order and of any type, are validated and ignored.
// Lines holding only whitespace are skipped silently (not counted). Lines
// may be of any length. See json.h for the accepted JSON.
//
// Errors: by default a malformed line, a missing id or text field, or a
// duplicate id stops reading with an InvalidArgument error whose message
// starts with `file:line: ` (`<stdin>` for standard input, 1-based lines;
// for a directory file `dir/relative/path:1: `). With `on_error = kSkip`
// such records are skipped and counted by reason (CorpusStats). An id is a
// duplicate if an earlier document of any input had the same id (the first
// one is kept). Fatal errors, never skipped: NotFound for a missing input
// (at Open), a DataLoss error naming the file and the compressed byte offset
// reached for a truncated or corrupt gzip/zstd stream (a partial corpus is
// never returned silently), and I/O errors. After an error, Next() keeps
// returning it.
//
// Documents can be fetched again (for verification or for writing the kept
// corpus) with ReadAgain(): plain files are read again with pread() at the
// record's offset; directory files are opened again by relative path;
// streams that cannot seek (stdin, compressed input, pipes) are copied as
// they are read to one unlinked temporary file ($TMPDIR, else /tmp) and read
// back from it. Input is read with large read() calls (4 MiB buffer) rather
// than mmap, so reading costs no memory beyond the buffer and the set of
// seen ids (16 bytes of XXH3-128 hash per document).
//
// Example:
//   NEARDUP_ASSIGN_OR_RETURN(auto reader,
//                            CorpusReader::Open({"a.jsonl.gz"}, {}));
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

/// How inputs that are files are read. kAuto: JSON Lines (compression from
/// the name or the magic bytes). kJsonl: the same, but a directory input is
/// an error. kText: each file is one document (id = the path as given, text
/// = its bytes, no decompression); "-" is an error. Directories are always
/// read as folders of text files (kAuto or kText).
enum class InputFormat { kAuto, kJsonl, kText };
/// What to do with a bad record (malformed line, missing or non-string id or
/// text, duplicate id): stop with an error, or skip it and count it.
enum class OnError { kFail, kSkip };

struct CorpusOptions {
  std::string id_field = "id";      ///< JSONL key holding the document id
  std::string text_field = "text";  ///< JSONL key holding the document text
  InputFormat format = InputFormat::kAuto;
  /// Directory inputs: a file is read if some `include` glob matches its
  /// name or its path relative to the directory, and no `exclude` glob does
  /// (fnmatch without flags, so `*` also matches `/`: `--exclude 'sub/*'`
  /// drops everything below sub/, `--exclude LICENSE.txt` every file of
  /// that name). Subdirectories whose name or relative path matches an
  /// `exclude` glob are not entered. Symbolic links to files are followed,
  /// links to directories are not.
  std::vector<std::string> include = {"*.txt"};
  std::vector<std::string> exclude;  ///< see `include`
  OnError on_error = OnError::kFail;

  /// InvalidArgument if a field name is empty, both fields are the same,
  /// `include` is empty, or a glob is empty.
  absl::Status Validate() const;
};

/// Where a document's record lives, so that it can be read again. Only
/// meaningful to the reader that returned it.
struct DocumentLocation {
  uint32_t store = 0;   ///< internal: the input index (which file holds it)
  uint64_t offset = 0;  ///< byte offset of the line in the input file or the
                        ///< spill file; for directories, the file's index
  uint64_t length = 0;  ///< byte length of the line (no CR/LF) or file
};

/// One document. Reuse one Document across Next() calls: its strings keep
/// their capacity, so reading allocates nothing per record in steady state.
struct Document {
  std::string id;    ///< unique in the corpus; decimal text for integer ids
  std::string text;  ///< decoded text field (raw bytes for files), any bytes
  std::string raw;   ///< JSONL: the original line without CR/LF; files: empty
  uint32_t input_index = 0;  ///< index into the inputs passed to Open()
  uint64_t line = 0;         ///< 1-based line number (1 for text files; 0 after
                             ///< ReadAgain of a JSONL record)
  DocumentLocation location;
};

struct CorpusStats {
  uint64_t records = 0;            ///< documents returned by Next()
  uint64_t skipped_malformed = 0;  ///< lines that are not a JSON object
  uint64_t skipped_missing_id = 0;
  uint64_t skipped_missing_text = 0;
  uint64_t skipped_duplicate_id = 0;
  std::vector<std::string> first_skipped;  ///< "file:line: reason", first few
  uint64_t bytes_read = 0;  ///< input bytes consumed (compressed bytes for
                            ///< compressed inputs), for progress
  std::optional<uint64_t> total_bytes;  ///< sum of input sizes (compressed
                                        ///< for compressed files, matched
                                        ///< files for directories) when all
                                        ///< inputs are regular files; unset
                                        ///< with stdin or pipes
  uint64_t skipped() const {
    return skipped_malformed + skipped_missing_id + skipped_missing_text +
           skipped_duplicate_id;
  }
};

class CorpusReader {
 public:
  /// Opens `inputs` (paths, directories or "-") after options.Validate().
  /// Directories are listed here (so stats().total_bytes is known at once);
  /// files are opened when reading reaches them.
  /// Errors: NotFound for a missing path, InvalidArgument for bad options,
  /// no inputs, or "-" given twice; I/O errors while listing directories.
  static absl::StatusOr<std::unique_ptr<CorpusReader>> Open(
      std::vector<std::string> inputs, const CorpusOptions& options);
  virtual ~CorpusReader() = default;

  /// Reads the next document into `*doc`. Returns false at the end of the
  /// corpus. Errors (fatal ones, or any with OnError::kFail) name file:line.
  virtual absl::StatusOr<bool> Next(Document* doc) = 0;

  /// Reads a document returned earlier by Next() again, into `*doc` (same
  /// id, text, raw, input_index and location). Thread-safe: any number of
  /// threads may call it at once (each with its own `doc`), also while one
  /// thread calls Next(), for locations Next() has already returned.
  /// Errors: InvalidArgument for a location this reader did not return,
  /// DataLoss if the file changed since it was read, I/O errors.
  virtual absl::Status ReadAgain(const DocumentLocation& location,
                                 Document* doc) const = 0;

  /// Counters so far; not thread-safe with respect to Next().
  virtual const CorpusStats& stats() const = 0;
};

}  // namespace neardup

#endif  // NEARDUP_CORPUS_H_

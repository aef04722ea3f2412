// An output destination that never leaves a partial file behind: data goes
// to a temporary file next to the target (`TARGET.tmp.XXXXXX`), renamed over
// it only when the whole run has succeeded. If the command fails first, the
// temporary file is removed and any earlier file at the target is untouched.
// A symbolic link is followed (the file it points to is replaced, the link
// stays). "" and "-" mean standard output, and an existing target that is not
// a regular file (/dev/null, /dev/stdout, a FIFO) is opened and written in
// place: both are written as data comes, so they cannot be atomic.
//
// A name ending in ".gz" is written gzip-compressed (zlib level 1: about 4x
// faster than gzip -6, ~15% larger) and one ending in ".zst" zstd-compressed
// (streaming, level 3, with a checksum; smaller and faster than gzip);
// anything else as is.
//
// Several outputs of one run are committed together: Finish() every file
// (flush, compress, fsync, close — the step that can fail on a full disk),
// then Publish() each (rename). Commit() does both for a single file.
//
//   NEARDUP_ASSIGN_OR_RETURN(auto out, OutputFile::Open("kept.jsonl.zst"));
//   out->Write("{\"id\": \"a\", \"text\": \"...\"}\n");
//   NEARDUP_RETURN_IF_ERROR(out->Commit());
#ifndef NEARDUP_TOOLS_OUTPUT_FILE_H_
#define NEARDUP_TOOLS_OUTPUT_FILE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup::tools {

enum class OutputCompression { kNone, kGzip, kZstd };

/// ".gz" -> kGzip, ".zst" -> kZstd, anything else (and stdout) -> kNone.
OutputCompression CompressionForName(std::string_view path);

class OutputFile {
 public:
  /// Creates the temporary file next to `path` (or selects stdout for "" and
  /// "-"). Errors: FailedPrecondition if the directory is not writable.
  static absl::StatusOr<std::unique_ptr<OutputFile>> Open(
      const std::string& path);
  /// Removes the temporary file unless it was published.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// Buffered (and compressed) write; errors are reported by Finish().
  void Write(std::string_view data);
  /// Ends the compressed stream, flushes, syncs and closes the temporary
  /// file (stdout: flushes). DataLoss on any write error so far.
  absl::Status Finish();
  /// Renames the finished temporary file into place (stdout: nothing).
  absl::Status Publish();
  /// Finish() then Publish().
  absl::Status Commit();

  /// "" for standard output, else the name given to Open().
  const std::string& path() const { return path_; }
  /// Uncompressed bytes written so far.
  uint64_t bytes() const { return bytes_; }

  /// Internal: the streaming gzip/zstd encoder in front of the file.
  class Compressor;

 private:
  enum class Kind {
    kStdout,  ///< standard output
    kAtomic,  ///< temporary file renamed over `target_` by Publish()
    kDirect,  ///< an existing non-regular file, written in place
  };
  OutputFile(Kind kind, std::string path, std::string target,
             std::string temp_path, std::FILE* file);
  void Fail(std::string message);
  void WriteRaw(const char* data, size_t n);

  Kind kind_;
  std::string path_;       ///< as given; "" for stdout
  std::string target_;     ///< kAtomic: the file replaced (links resolved)
  std::string temp_path_;  ///< kAtomic: where data goes until Publish()
  std::FILE* file_;
  std::unique_ptr<Compressor> compressor_;  ///< null: written as is
  std::string error_;                       ///< first error, if any
  uint64_t bytes_ = 0;
  bool finished_ = false;   ///< Finish() was called (file_ is closed)
  bool temp_gone_ = false;  ///< the temporary file was renamed or removed
};

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_OUTPUT_FILE_H_

// An output destination that never leaves a partial file behind: data goes
// to a temporary file next to the target, renamed over it by Commit(). If
// the command fails before Commit(), the temporary file is removed and any
// earlier file at the target is untouched. "" and "-" mean standard output.
#ifndef NEARDUP_TOOLS_OUTPUT_FILE_H_
#define NEARDUP_TOOLS_OUTPUT_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup::tools {

class OutputFile {
 public:
  static absl::StatusOr<std::unique_ptr<OutputFile>> Open(
      const std::string& path);
  ~OutputFile();

  /// Buffered write; errors are reported by Commit().
  void Write(std::string_view data);
  /// Flushes, syncs and renames into place (stdout: flushes).
  absl::Status Commit();

 private:
  OutputFile(std::string path, std::string temp_path, std::FILE* file)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}

  std::string path_;       ///< final name; "" for stdout
  std::string temp_path_;  ///< where data is written until Commit()
  std::FILE* file_;
  bool committed_ = false;
};

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_OUTPUT_FILE_H_

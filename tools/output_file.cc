#include "output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace neardup::tools {

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(
    const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<OutputFile>(new OutputFile("", "", stdout));
  }
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", path, ": ", std::strerror(errno)));
  }
  std::FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    close(fd);
    unlink(temp.c_str());
    return absl::InternalError(absl::StrCat("fdopen: ", std::strerror(errno)));
  }
  static constexpr size_t kBufferBytes = 1 << 20;
  std::setvbuf(file, nullptr, _IOFBF, kBufferBytes);
  return std::unique_ptr<OutputFile>(new OutputFile(path, temp, file));
}

OutputFile::~OutputFile() {
  if (path_.empty() || committed_) return;
  std::fclose(file_);
  unlink(temp_path_.c_str());
}

void OutputFile::Write(std::string_view data) {
  std::fwrite(data.data(), 1, data.size(), file_);
}

absl::Status OutputFile::Commit() {
  committed_ = true;
  if (path_.empty()) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      return absl::DataLossError("error writing to standard output");
    }
    return absl::OkStatus();
  }
  const bool write_failed = std::fflush(file_) != 0 || std::ferror(file_) ||
                            fsync(fileno(file_)) != 0;
  const int saved_errno = errno;
  const bool close_failed = std::fclose(file_) != 0;
  if (write_failed || close_failed) {
    unlink(temp_path_.c_str());
    return absl::DataLossError(absl::StrCat(
        "error writing ", path_, ": ", std::strerror(saved_errno)));
  }
  // mkstemp creates 0600; give the file the usual permissions.
  const mode_t mask = umask(0);
  umask(mask);
  chmod(temp_path_.c_str(), 0666 & ~mask);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int rename_errno = errno;
    unlink(temp_path_.c_str());
    return absl::DataLossError(absl::StrCat("cannot rename to ", path_, ": ",
                                            std::strerror(rename_errno)));
  }
  return absl::OkStatus();
}

}  // namespace neardup::tools

#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cassert>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace neardup::tools {

namespace {

absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr size_t kFileBufferBytes = size_t{1} << 20;
constexpr size_t kCompressedChunk = size_t{1} << 18;  // 256 KiB out buffer
constexpr int kGzipLevel = 1;  // fast: gzip -6 runs at ~20 MB/s
constexpr int kZstdLevel = 3;

}  // namespace

OutputCompression CompressionForName(std::string_view path) {
  if (EndsWith(path, ".gz")) return OutputCompression::kGzip;
  if (EndsWith(path, ".zst")) return OutputCompression::kZstd;
  return OutputCompression::kNone;
}

// Streaming compressor: Compress() feeds bytes, End() closes the stream;
// compressed bytes go to `sink` (OutputFile::WriteRaw). Returns false with
// `*error` set on a library error.
class OutputFile::Compressor {
 public:
  virtual ~Compressor() = default;
  virtual bool Compress(const char* data, size_t n, std::string* error) = 0;
  virtual bool End(std::string* error) = 0;

 protected:
  explicit Compressor(OutputFile* sink)
      : sink_(sink), out_(new char[kCompressedChunk]) {}
  void Emit(const char* data, size_t n) { sink_->WriteRaw(data, n); }

 private:
  OutputFile* sink_;

 protected:
  std::unique_ptr<char[]> out_;
};

namespace {

class GzipCompressor final : public OutputFile::Compressor {
 public:
  explicit GzipCompressor(OutputFile* sink) : Compressor(sink) {}
  ~GzipCompressor() override {
    if (initialised_) deflateEnd(&strm_);
  }
  bool Init(std::string* error) {
    std::memset(&strm_, 0, sizeof strm_);
    if (deflateInit2(&strm_, kGzipLevel, Z_DEFLATED, 16 + MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      *error = "cannot initialise zlib";
      return false;
    }
    initialised_ = true;
    return true;
  }
  bool Compress(const char* data, size_t n, std::string* error) override {
    while (n > 0) {
      const size_t part = std::min<size_t>(n, 1u << 30);
      if (!Run(data, part, Z_NO_FLUSH, error)) return false;
      data += part;
      n -= part;
    }
    return true;
  }
  bool End(std::string* error) override {
    return Run(nullptr, 0, Z_FINISH, error);
  }

 private:
  bool Run(const char* data, size_t n, int flush, std::string* error) {
    strm_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    strm_.avail_in = static_cast<uInt>(n);
    while (true) {
      strm_.next_out = reinterpret_cast<Bytef*>(out_.get());
      strm_.avail_out = static_cast<uInt>(kCompressedChunk);
      const int ret = deflate(&strm_, flush);
      if (ret == Z_STREAM_ERROR) {
        *error = "zlib deflate failed";
        return false;
      }
      Emit(out_.get(), kCompressedChunk - strm_.avail_out);
      if (flush == Z_FINISH) {
        if (ret == Z_STREAM_END) return true;
      } else if (strm_.avail_in == 0 && strm_.avail_out != 0) {
        return true;
      }
    }
  }

  z_stream strm_;
  bool initialised_ = false;
};

class ZstdCompressor final : public OutputFile::Compressor {
 public:
  explicit ZstdCompressor(OutputFile* sink) : Compressor(sink) {}
  ~ZstdCompressor() override { ZSTD_freeCCtx(cctx_); }
  bool Init(std::string* error) {
    cctx_ = ZSTD_createCCtx();
    if (cctx_ == nullptr ||
        ZSTD_isError(ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel,
                                            kZstdLevel)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1))) {
      *error = "cannot initialise zstd";
      return false;
    }
    return true;
  }
  bool Compress(const char* data, size_t n, std::string* error) override {
    ZSTD_inBuffer in = {data, n, 0};
    return Run(&in, ZSTD_e_continue, error);
  }
  bool End(std::string* error) override {
    ZSTD_inBuffer in = {nullptr, 0, 0};
    return Run(&in, ZSTD_e_end, error);
  }

 private:
  bool Run(ZSTD_inBuffer* in, ZSTD_EndDirective mode, std::string* error) {
    while (true) {
      ZSTD_outBuffer out = {out_.get(), kCompressedChunk, 0};
      const size_t left = ZSTD_compressStream2(cctx_, &out, in, mode);
      if (ZSTD_isError(left)) {
        *error = absl::StrCat("zstd: ", ZSTD_getErrorName(left));
        return false;
      }
      Emit(out_.get(), out.pos);
      if (mode == ZSTD_e_end ? left == 0 : in->pos == in->size) return true;
    }
  }

  ZSTD_CCtx* cctx_ = nullptr;
};

}  // namespace

OutputFile::OutputFile(Kind kind, std::string path, std::string target,
                       std::string temp_path, std::FILE* file)
    : kind_(kind),
      path_(std::move(path)),
      target_(std::move(target)),
      temp_path_(std::move(temp_path)),
      file_(file) {}

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(
    const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<OutputFile>(
        new OutputFile(Kind::kStdout, "", "", "", stdout));
  }
  auto cannot = [&](std::string_view what) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot ", AbslView(what), " ", path, ": ", std::strerror(errno)));
  };
  std::unique_ptr<OutputFile> out;
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot write ", path, ": is a directory"));
    }
    // A device (/dev/null, /dev/stdout), FIFO or socket: written in place.
    // Renaming a file over it would replace the device node itself.
    const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return cannot("open");
    std::FILE* file = fdopen(fd, "wb");
    if (file == nullptr) {
      close(fd);
      return cannot("open");
    }
    out.reset(new OutputFile(Kind::kDirect, path, path, "", file));
  } else {
    // A regular file, new or replaced. A symbolic link is followed, so that
    // the link stays and the file it points to is replaced.
    std::string target = path;
    if (char* real = realpath(path.c_str(), nullptr); real != nullptr) {
      target = real;
      std::free(real);
    }
    std::string temp = target + ".tmp.XXXXXX";
    const int fd = mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) return cannot("create");
    std::FILE* file = fdopen(fd, "wb");
    if (file == nullptr) {
      close(fd);
      unlink(temp.c_str());
      return cannot("create");
    }
    out.reset(new OutputFile(Kind::kAtomic, path, target, temp, file));
  }
  std::setvbuf(out->file_, nullptr, _IOFBF, kFileBufferBytes);
  std::string error;
  switch (CompressionForName(path)) {
    case OutputCompression::kGzip: {
      auto c = std::make_unique<GzipCompressor>(out.get());
      if (!c->Init(&error)) return absl::InternalError(error);
      out->compressor_ = std::move(c);
      break;
    }
    case OutputCompression::kZstd: {
      auto c = std::make_unique<ZstdCompressor>(out.get());
      if (!c->Init(&error)) return absl::InternalError(error);
      out->compressor_ = std::move(c);
      break;
    }
    case OutputCompression::kNone:
      break;
  }
  return out;
}

OutputFile::~OutputFile() {
  if (kind_ == Kind::kStdout) return;
  if (!finished_) std::fclose(file_);
  if (kind_ == Kind::kAtomic && !temp_gone_) unlink(temp_path_.c_str());
}

void OutputFile::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

void OutputFile::WriteRaw(const char* data, size_t n) {
  if (n > 0 && std::fwrite(data, 1, n, file_) != n) {
    Fail(std::strerror(errno));
  }
}

void OutputFile::Write(std::string_view data) {
  assert(!finished_);
  bytes_ += data.size();
  if (!error_.empty()) return;
  if (compressor_ == nullptr) {
    WriteRaw(data.data(), data.size());
    return;
  }
  std::string error;
  if (!compressor_->Compress(data.data(), data.size(), &error)) Fail(error);
}

absl::Status OutputFile::Finish() {
  assert(!finished_);
  finished_ = true;
  if (kind_ == Kind::kStdout) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      return absl::DataLossError("error writing to standard output");
    }
    return absl::OkStatus();
  }
  if (compressor_ != nullptr && error_.empty()) {
    std::string error;
    if (!compressor_->End(&error)) Fail(error);
  }
  if (error_.empty() && (std::fflush(file_) != 0 || std::ferror(file_))) {
    Fail(std::strerror(errno));
  }
  if (error_.empty() && kind_ == Kind::kAtomic && fsync(fileno(file_)) != 0) {
    Fail(std::strerror(errno));
  }
  if (std::fclose(file_) != 0 && error_.empty()) Fail(std::strerror(errno));
  if (!error_.empty()) {
    if (kind_ == Kind::kAtomic) unlink(temp_path_.c_str());
    temp_gone_ = true;
    return absl::DataLossError(
        absl::StrCat("error writing ", path_, ": ", error_));
  }
  if (kind_ == Kind::kDirect) return absl::OkStatus();
  // mkstemp creates 0600; give the file the usual permissions.
  const mode_t mask = umask(0);
  umask(mask);
  chmod(temp_path_.c_str(), 0666 & ~mask);
  return absl::OkStatus();
}

absl::Status OutputFile::Publish() {
  assert(finished_);
  if (!error_.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(path_, " was not written completely"));
  }
  if (kind_ != Kind::kAtomic || temp_gone_) return absl::OkStatus();
  temp_gone_ = true;
  if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    const int rename_errno = errno;
    unlink(temp_path_.c_str());
    return absl::DataLossError(absl::StrCat("cannot rename to ", path_, ": ",
                                            std::strerror(rename_errno)));
  }
  return absl::OkStatus();
}

absl::Status OutputFile::Commit() {
  if (absl::Status s = Finish(); !s.ok()) return s;
  return Publish();
}

}  // namespace neardup::tools

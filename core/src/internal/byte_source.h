// Private: sequential byte sources over a file descriptor — plain, gzip
// (zlib, multi-member) and zstd (streaming, multi-frame) — plus small file
// helpers (EINTR-safe read/pread/write, errno to absl::Status).
//
// Header-only because core/CMakeLists.txt compiles core/src/*.cc only; it is
// included by corpus.cc and by no public header.
//
//   NEARDUP_ASSIGN_OR_RETURN(
//       auto src, internal::MakeByteSource(
//                     internal::FdInput(fd, "x.jsonl.gz", /*prefix=*/""),
//                     internal::Compression::kGzip));
//   char buf[1 << 16];
//   while (true) {
//     NEARDUP_ASSIGN_OR_RETURN(size_t n, src->Read(buf, sizeof buf));
//     if (n == 0) break;  // complete stream
//     ...
//   }
#ifndef NEARDUP_INTERNAL_BYTE_SOURCE_H_
#define NEARDUP_INTERNAL_BYTE_SOURCE_H_

#include <errno.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "neardup/status_macros.h"

namespace neardup::internal {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

/// `name: what: strerror(err)` with the canonical code for `err`.
inline absl::Status ErrnoError(int err, std::string_view name,
                               std::string_view what) {
  return absl::ErrnoToStatus(
      err, absl::StrCat(AbslView(name), ": ", AbslView(what)));
}

/// read() that retries on EINTR. Returns bytes read (0 at end of file).
inline absl::StatusOr<size_t> ReadSome(int fd, char* dst, size_t n,
                                       std::string_view name) {
  while (true) {
    const ssize_t got = ::read(fd, dst, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno != EINTR) return ErrnoError(errno, name, "read failed");
  }
}

/// Reads exactly `n` bytes at `offset` with pread (thread-safe). Returns the
/// number of bytes read, < n only at end of file.
inline absl::StatusOr<size_t> PreadFull(int fd, char* dst, size_t n,
                                        uint64_t offset,
                                        std::string_view name) {
  size_t done = 0;
  while (done < n) {
    const ssize_t got =
        ::pread(fd, dst + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      return ErrnoError(errno, name, "read failed");
    }
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  return done;
}

/// Writes all of [data, data + n) to `fd`.
inline absl::Status WriteFull(int fd, const char* data, size_t n,
                              std::string_view name) {
  while (n > 0) {
    const ssize_t put = ::write(fd, data, n);
    if (put < 0) {
      if (errno == EINTR) continue;
      return ErrnoError(errno, name, "write failed");
    }
    data += put;
    n -= static_cast<size_t>(put);
  }
  return absl::OkStatus();
}

enum class Compression { kNone, kGzip, kZstd };

/// Compression announced by the first bytes of a stream (gzip 1f 8b, zstd
/// 28 b5 2f fd), or kNone.
inline Compression SniffCompression(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (head.size() >= 4 &&
      std::memcmp(head.data(), "\x28\xb5\x2f\xfd", 4) == 0) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

/// Raw bytes of a file descriptor, preceded by `prefix` (bytes already read
/// from the descriptor, e.g. to sniff the format). Does not own the fd.
class FdInput {
 public:
  FdInput(int fd, std::string name, std::string prefix)
      : fd_(fd), name_(std::move(name)), prefix_(std::move(prefix)) {}

  absl::StatusOr<size_t> Read(char* dst, size_t n) {
    if (prefix_pos_ < prefix_.size()) {
      const size_t k = std::min(n, prefix_.size() - prefix_pos_);
      std::memcpy(dst, prefix_.data() + prefix_pos_, k);
      prefix_pos_ += k;
      consumed_ += k;
      return k;
    }
    absl::StatusOr<size_t> got = ReadSome(fd_, dst, n, name_);
    if (got.ok()) consumed_ += *got;
    return got;
  }

  /// Bytes returned so far (prefix included).
  uint64_t consumed() const { return consumed_; }
  const std::string& name() const { return name_; }

 private:
  int fd_;
  std::string name_;
  std::string prefix_;
  size_t prefix_pos_ = 0;
  uint64_t consumed_ = 0;
};

/// A sequential stream of (decompressed) bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `n` (> 0) bytes into `dst`. Returns 0 only at the end of a
  /// complete stream; a truncated or corrupt stream is a DataLoss error
  /// naming the file and the compressed byte offset reached.
  virtual absl::StatusOr<size_t> Read(char* dst, size_t n) = 0;
  /// Bytes consumed from the underlying file (compressed bytes).
  virtual uint64_t consumed() const = 0;
};

class PlainSource final : public ByteSource {
 public:
  explicit PlainSource(FdInput in) : in_(std::move(in)) {}
  absl::StatusOr<size_t> Read(char* dst, size_t n) override {
    return in_.Read(dst, n);
  }
  uint64_t consumed() const override { return in_.consumed(); }

 private:
  FdInput in_;
};

inline constexpr size_t kCompressedChunk = size_t{1} << 20;  // 1 MiB

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(FdInput in)
      : in_(std::move(in)), buf_(new char[kCompressedChunk]) {}
  ~GzipSource() override {
    if (initialised_) inflateEnd(&strm_);
  }

  absl::Status Init() {
    std::memset(&strm_, 0, sizeof strm_);
    if (inflateInit2(&strm_, 16 + MAX_WBITS) != Z_OK) {
      return absl::ResourceExhaustedError(
          absl::StrCat(in_.name(), ": cannot initialise zlib"));
    }
    initialised_ = true;
    return absl::OkStatus();
  }

  absl::StatusOr<size_t> Read(char* dst, size_t n) override {
    strm_.next_out = reinterpret_cast<Bytef*>(dst);
    strm_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const size_t want = strm_.avail_out;
    while (strm_.avail_out > 0) {
      if (strm_.avail_in == 0 && !eof_) {
        NEARDUP_ASSIGN_OR_RETURN(size_t got,
                                 in_.Read(buf_.get(), kCompressedChunk));
        if (got == 0) {
          eof_ = true;
        } else {
          strm_.next_in = reinterpret_cast<Bytef*>(buf_.get());
          strm_.avail_in = static_cast<uInt>(got);
        }
      }
      if (member_done_) {
        if (strm_.avail_in == 0 && eof_) break;  // clean end
        if (strm_.avail_in == 0) continue;
        inflateReset(&strm_);  // next gzip member
        member_done_ = false;
      }
      if (strm_.avail_in == 0 && eof_) {
        return absl::DataLossError(
            absl::StrCat(in_.name(),
                         ": truncated gzip stream: input ends at compressed "
                         "byte offset ",
                         consumed(), " before the end of the stream"));
      }
      const int ret = inflate(&strm_, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        member_done_ = true;
      } else if (ret == Z_BUF_ERROR) {
        // No progress possible: more input needed (handled above).
        if (strm_.avail_in != 0) return Corrupt("no progress");
      } else if (ret != Z_OK) {
        return Corrupt(strm_.msg != nullptr ? strm_.msg : zError(ret));
      }
    }
    return want - strm_.avail_out;
  }

  uint64_t consumed() const override { return in_.consumed() - strm_.avail_in; }

 private:
  absl::Status Corrupt(std::string_view what) const {
    return absl::DataLossError(absl::StrCat(
        in_.name(), ": corrupt gzip stream at compressed byte offset ",
        consumed(), ": ", AbslView(what)));
  }

  FdInput in_;
  std::unique_ptr<char[]> buf_;
  z_stream strm_;
  bool initialised_ = false;
  bool eof_ = false;
  bool member_done_ = false;
};

class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(FdInput in)
      : in_(std::move(in)), buf_(new char[kCompressedChunk]) {}
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }

  absl::Status Init() {
    ds_ = ZSTD_createDStream();
    if (ds_ == nullptr) {
      return absl::ResourceExhaustedError(
          absl::StrCat(in_.name(), ": cannot initialise zstd"));
    }
    ZSTD_initDStream(ds_);
    return absl::OkStatus();
  }

  absl::StatusOr<size_t> Read(char* dst, size_t n) override {
    ZSTD_outBuffer out = {dst, n, 0};
    while (out.pos < out.size) {
      if (in_buf_.pos == in_buf_.size && !eof_) {
        NEARDUP_ASSIGN_OR_RETURN(size_t got,
                                 in_.Read(buf_.get(), kCompressedChunk));
        if (got == 0) {
          eof_ = true;
        } else {
          in_buf_ = {buf_.get(), got, 0};
        }
      }
      const bool input_exhausted = in_buf_.pos == in_buf_.size && eof_;
      if (input_exhausted && frame_done_) break;  // clean end
      const size_t before = out.pos;
      const size_t ret = ZSTD_decompressStream(ds_, &out, &in_buf_);
      if (ZSTD_isError(ret)) {
        return absl::DataLossError(absl::StrCat(
            in_.name(), ": corrupt zstd stream at compressed byte offset ",
            consumed(), ": ", ZSTD_getErrorName(ret)));
      }
      frame_done_ = ret == 0;
      if (input_exhausted && !frame_done_ && out.pos == before) {
        return absl::DataLossError(
            absl::StrCat(in_.name(),
                         ": truncated zstd stream: input ends at compressed "
                         "byte offset ",
                         consumed(), " before the end of the frame"));
      }
    }
    return out.pos;
  }

  uint64_t consumed() const override {
    return in_.consumed() - (in_buf_.size - in_buf_.pos);
  }

 private:
  FdInput in_;
  std::unique_ptr<char[]> buf_;
  ZSTD_DStream* ds_ = nullptr;
  ZSTD_inBuffer in_buf_ = {nullptr, 0, 0};
  bool eof_ = false;
  bool frame_done_ = false;  // no frame started yet counts as not done
};

/// Makes the source for `in` with the given compression.
inline absl::StatusOr<std::unique_ptr<ByteSource>> MakeByteSource(
    FdInput in, Compression compression) {
  switch (compression) {
    case Compression::kGzip: {
      auto src = std::make_unique<GzipSource>(std::move(in));
      if (absl::Status s = src->Init(); !s.ok()) return s;
      return std::unique_ptr<ByteSource>(std::move(src));
    }
    case Compression::kZstd: {
      auto src = std::make_unique<ZstdSource>(std::move(in));
      if (absl::Status s = src->Init(); !s.ok()) return s;
      return std::unique_ptr<ByteSource>(std::move(src));
    }
    case Compression::kNone:
      break;
  }
  return std::unique_ptr<ByteSource>(
      std::make_unique<PlainSource>(std::move(in)));
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_BYTE_SOURCE_H_

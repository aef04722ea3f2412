// Private: splits a ByteSource into lines with one large reusable buffer,
// optionally copying every byte read to a spill file (so that records from
// streams that cannot seek can be read again later with pread).
//
//   internal::LineReader lines(source.get(), /*spill_fd=*/-1, "x.jsonl");
//   std::string_view line;
//   uint64_t offset;
//   while (true) {
//     NEARDUP_ASSIGN_OR_RETURN(bool more, lines.Next(&line, &offset));
//     if (!more) break;
//     ...  // `line` has no '\n'; valid until the next call
//   }
#ifndef NEARDUP_INTERNAL_LINE_READER_H_
#define NEARDUP_INTERNAL_LINE_READER_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "internal/byte_source.h"
#include "neardup/status_macros.h"

namespace neardup::internal {

/// Initial buffer size; a longer line doubles the buffer as needed (there is
/// no line-length limit).
inline constexpr size_t kLineChunk = size_t{4} << 20;  // 4 MiB

class LineReader {
 public:
  /// Reads from `source` (not owned). If `spill_fd` >= 0, every byte read is
  /// appended to it; `spill_name` names it in errors.
  LineReader(ByteSource* source, int spill_fd, std::string spill_name,
             size_t chunk = kLineChunk)
      : source_(source),
        spill_fd_(spill_fd),
        spill_name_(std::move(spill_name)),
        buf_(new char[chunk]),
        cap_(chunk) {}

  /// Next line, without its '\n' (a '\r' before it is kept), and the stream
  /// offset of its first byte. The last line needs no '\n'. Returns false at
  /// the end of the stream. `*line` stays valid until the next call.
  absl::StatusOr<bool> Next(std::string_view* line, uint64_t* offset) {
    while (true) {
      const char* nl = static_cast<const char*>(
          std::memchr(buf_.get() + scan_, '\n', end_ - scan_));
      if (nl != nullptr) {
        const size_t pos = static_cast<size_t>(nl - buf_.get());
        *line = std::string_view(buf_.get() + begin_, pos - begin_);
        *offset = base_ + begin_;
        begin_ = scan_ = pos + 1;
        return true;
      }
      scan_ = end_;
      if (eof_) {
        if (begin_ == end_) return false;
        *line = std::string_view(buf_.get() + begin_, end_ - begin_);
        *offset = base_ + begin_;
        begin_ = scan_ = end_;
        return true;
      }
      // Need more bytes: move the partial line to the front, grow if full.
      if (begin_ > 0) {
        std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
        base_ += begin_;
        end_ -= begin_;
        scan_ -= begin_;
        begin_ = 0;
      }
      if (end_ == cap_) {
        std::unique_ptr<char[]> bigger(new char[cap_ * 2]);
        std::memcpy(bigger.get(), buf_.get(), end_);
        buf_ = std::move(bigger);
        cap_ *= 2;
      }
      NEARDUP_ASSIGN_OR_RETURN(size_t got,
                               source_->Read(buf_.get() + end_, cap_ - end_));
      if (got == 0) {
        eof_ = true;
      } else {
        if (spill_fd_ >= 0) {
          NEARDUP_RETURN_IF_ERROR(
              WriteFull(spill_fd_, buf_.get() + end_, got, spill_name_));
        }
        end_ += got;
      }
    }
  }

  /// Stream bytes read from the source so far.
  uint64_t stream_bytes() const { return base_ + end_; }

 private:
  ByteSource* source_;
  int spill_fd_;
  std::string spill_name_;
  std::unique_ptr<char[]> buf_;
  size_t cap_;
  size_t begin_ = 0;   // start of the unreturned data
  size_t scan_ = 0;    // searched for '\n' up to here
  size_t end_ = 0;     // end of valid data
  uint64_t base_ = 0;  // stream offset of buf_[0]
  bool eof_ = false;
};

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_LINE_READER_H_

// Snapshot files: a versioned, checksummed, little-endian container, written
// atomically.
//
// Layout (all integers little-endian):
//   offset  size  field
//        0     8  magic "NDUPSNAP"
//        8     8  kind: what the payload is, 8 ASCII bytes ("DEDUPER\0")
//       16     4  format version of that kind (u32)
//       20     4  reserved, 0
//       24     8  payload size in bytes (u64)
//       32     8  XXH3-64 (seed 0) of the payload (u64)
//       40     n  payload
// A file is accepted only if the magic and kind match, the version is one
// the reader knows, the size equals the bytes present and the checksum
// matches; anything else is a clear absl::Status (DataLoss for damage,
// FailedPrecondition for an unknown version or kind), never a crash.
//
// WriteSnapshotFile writes `PATH.tmp.XXXXXX` next to the target, fsyncs it,
// renames it over PATH and fsyncs the directory: a crash at any point leaves
// either the previous file or the new one, never a torn file.
//
// SnapshotWriter / SnapshotReader encode the payload: fixed-width
// little-endian integers, IEEE-754 doubles, length-prefixed strings and
// arrays. Every read is bounds-checked; the first failure sticks and is
// reported by status(), so a parser can read a whole record and check once.
//
// Example:
//   neardup::SnapshotWriter w;
//   w.PutU32(7); w.PutString("hello");
//   NEARDUP_RETURN_IF_ERROR(neardup::WriteSnapshotFile(
//       "state.snap", "EXAMPLE", 1, w.payload()));
//   NEARDUP_ASSIGN_OR_RETURN(neardup::SnapshotFile f,
//       neardup::ReadSnapshotFile("state.snap", "EXAMPLE", 1));
//   neardup::SnapshotReader r(f.payload);
//   uint32_t seven = r.GetU32(); std::string hello = r.GetString();
//   NEARDUP_RETURN_IF_ERROR(r.status());
#ifndef NEARDUP_SNAPSHOT_H_
#define NEARDUP_SNAPSHOT_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace neardup {

inline constexpr char kSnapshotMagic[8] = {'N', 'D', 'U', 'P',
                                           'S', 'N', 'A', 'P'};
inline constexpr size_t kSnapshotHeaderBytes = 40;

/// Appends little-endian fields to a payload buffer.
class SnapshotWriter {
 public:
  void PutU8(uint8_t v) { payload_.push_back(static_cast<char>(v)); }
  void PutU32(uint32_t v) { PutLittle(v); }
  void PutU64(uint64_t v) { PutLittle(v); }
  void PutI64(int64_t v) { PutLittle(static_cast<uint64_t>(v)); }
  void PutF64(double v) { PutLittle(std::bit_cast<uint64_t>(v)); }
  void PutBool(bool v) { PutU8(v ? 1 : 0); }
  /// u64 length, then the bytes.
  void PutString(std::string_view s) {
    PutU64(s.size());
    payload_.append(s.data(), s.size());
  }
  /// The raw bytes (no length).
  void PutBytes(std::span<const uint8_t> bytes) {
    payload_.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  }
  /// Each value little-endian (no length).
  void PutU64Array(std::span<const uint64_t> values);
  void PutU32Array(std::span<const uint32_t> values);
  void PutU16Array(std::span<const uint16_t> values);
  void Reserve(size_t bytes) { payload_.reserve(bytes); }
  /// Writes `v` little-endian at `out` (sizeof(T) bytes), for callers that
  /// fill a resized part of mutable_payload() themselves.
  template <typename T>
  static void StoreLittle(T v, char* out) {
    if constexpr (std::endian::native == std::endian::big) v = Swap(v);
    std::memcpy(out, &v, sizeof(T));
  }

  const std::string& payload() const { return payload_; }
  std::string& mutable_payload() { return payload_; }

 private:
  template <typename T>
  void PutArray(std::span<const T> values);
  template <typename T>
  void PutLittle(T v) {
    char bytes[sizeof(T)];
    StoreLittle(v, bytes);
    payload_.append(bytes, sizeof(T));
  }
  template <typename T>
  static T Swap(T v) {
    T out = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
      out = static_cast<T>((out << 8) | ((v >> (8 * i)) & 0xFF));
    }
    return out;
  }
  std::string payload_;
};

/// Reads fields written by SnapshotWriter from a payload. After the first
/// out-of-bounds read every getter returns zero/empty and status() is
/// DataLoss naming the field being read.
class SnapshotReader {
 public:
  explicit SnapshotReader(std::string_view payload) : data_(payload) {}

  uint8_t GetU8(const char* what = "u8");
  uint32_t GetU32(const char* what = "u32") {
    return GetLittle<uint32_t>(what);
  }
  uint64_t GetU64(const char* what = "u64") {
    return GetLittle<uint64_t>(what);
  }
  int64_t GetI64(const char* what = "i64") {
    return static_cast<int64_t>(GetLittle<uint64_t>(what));
  }
  double GetF64(const char* what = "f64") {
    return std::bit_cast<double>(GetLittle<uint64_t>(what));
  }
  /// A byte that must be 0 or 1 (anything else fails).
  bool GetBool(const char* what = "bool");
  /// A string of at most `max_size` bytes.
  std::string GetString(const char* what = "string",
                        uint64_t max_size = uint64_t{1} << 32);
  /// `out.size()` raw bytes.
  void GetBytes(std::span<uint8_t> out, const char* what = "bytes");
  /// `out.size()` little-endian values.
  void GetU64Array(std::span<uint64_t> out, const char* what = "u64 array");
  void GetU32Array(std::span<uint32_t> out, const char* what = "u32 array");
  void GetU16Array(std::span<uint16_t> out, const char* what = "u16 array");

  /// Bytes not read yet.
  size_t remaining() const { return data_.size() - pos_; }
  /// Fails (DataLoss) unless `count` items of at least `min_bytes` each can
  /// still be present: rejects absurd counts before allocating for them.
  bool CheckCount(uint64_t count, uint64_t min_bytes, const char* what);
  /// Records a semantic error (DataLoss "snapshot: <message>").
  void Fail(std::string_view message);
  const absl::Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }

 private:
  bool Need(size_t n, const char* what);
  template <typename T>
  void GetArray(std::span<T> out, const char* what);
  template <typename T>
  T GetLittle(const char* what) {
    if (!Need(sizeof(T), what)) return 0;
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    if constexpr (std::endian::native == std::endian::big) {
      T out = 0;
      for (size_t i = 0; i < sizeof(T); ++i) {
        out = static_cast<T>((out << 8) | ((v >> (8 * i)) & 0xFF));
      }
      v = out;
    }
    return v;
  }

  std::string_view data_;
  size_t pos_ = 0;
  absl::Status status_;
};

/// A snapshot file read and checked.
struct SnapshotFile {
  uint32_t version = 0;
  std::string payload;
  uint64_t file_bytes = 0;  ///< header + payload
};

/// Writes header + `payload` to `path` atomically (see the file comment).
/// `kind`: up to 8 ASCII characters. Errors: InvalidArgument for a bad
/// kind, Internal/FailedPrecondition from the file system (the previous
/// file at `path` is then untouched and the temporary removed).
absl::Status WriteSnapshotFile(const std::string& path, std::string_view kind,
                               uint32_t version, std::string_view payload);

/// Reads and checks a snapshot of `kind` with a version in
/// [1, max_version]. Errors: NotFound (no file), DataLoss (not a snapshot,
/// truncated, checksum mismatch), FailedPrecondition (other kind, version
/// newer than max_version).
absl::StatusOr<SnapshotFile> ReadSnapshotFile(const std::string& path,
                                              std::string_view kind,
                                              uint32_t max_version);

/// XXH3-64 (seed 0) of `data`: the payload checksum.
uint64_t SnapshotChecksum(std::string_view data);

}  // namespace neardup

#endif  // NEARDUP_SNAPSHOT_H_

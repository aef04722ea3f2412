#include "neardup/snapshot.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {

namespace {

std::string KindField(std::string_view kind) {
  std::string field(8, '\0');
  std::memcpy(field.data(), kind.data(), std::min<size_t>(kind.size(), 8));
  return field;
}

std::string Printable(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    if (c == '\0') break;
    out += (c >= 32 && c < 127) ? c : '?';
  }
  return out;
}

absl::Status ErrnoStatus(std::string_view what, const std::string& path) {
  const int error = errno;
  return absl::FailedPreconditionError(
      absl::StrCat(std::string(what), " ", path, ": ", std::strerror(error)));
}

// Writes all of `data` to `fd`.
bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    const ssize_t written = ::write(fd, data, std::min<size_t>(n, 1 << 30));
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    n -= static_cast<size_t>(written);
  }
  return true;
}

}  // namespace

template <typename T>
void SnapshotWriter::PutArray(std::span<const T> values) {
  if constexpr (std::endian::native == std::endian::little) {
    payload_.append(reinterpret_cast<const char*>(values.data()),
                    values.size() * sizeof(T));
  } else {
    for (T v : values) PutLittle(v);
  }
}

void SnapshotWriter::PutU64Array(std::span<const uint64_t> values) {
  PutArray(values);
}
void SnapshotWriter::PutU32Array(std::span<const uint32_t> values) {
  PutArray(values);
}
void SnapshotWriter::PutU16Array(std::span<const uint16_t> values) {
  PutArray(values);
}

bool SnapshotReader::Need(size_t n, const char* what) {
  if (!status_.ok()) return false;
  if (n > remaining()) {
    status_ = absl::DataLossError(
        absl::StrCat("snapshot truncated: ", what, " needs ", n,
                     " bytes at offset ", pos_, ", ", remaining(), " left"));
    return false;
  }
  return true;
}

uint8_t SnapshotReader::GetU8(const char* what) {
  if (!Need(1, what)) return 0;
  return static_cast<uint8_t>(data_[pos_++]);
}

bool SnapshotReader::GetBool(const char* what) {
  const uint8_t v = GetU8(what);
  if (v > 1) Fail(absl::StrCat(what, " is ", v, ", not a boolean"));
  return v == 1;
}

std::string SnapshotReader::GetString(const char* what, uint64_t max_size) {
  const uint64_t size = GetU64(what);
  if (!ok()) return {};
  if (size > max_size) {
    Fail(absl::StrCat(what, " of ", size, " bytes exceeds ", max_size));
    return {};
  }
  if (!Need(size, what)) return {};
  std::string out(data_.substr(pos_, size));
  pos_ += size;
  return out;
}

void SnapshotReader::GetBytes(std::span<uint8_t> out, const char* what) {
  if (!Need(out.size(), what) || out.empty()) return;
  std::memcpy(out.data(), data_.data() + pos_, out.size());
  pos_ += out.size();
}

template <typename T>
void SnapshotReader::GetArray(std::span<T> out, const char* what) {
  if (!Need(out.size() * sizeof(T), what) || out.empty()) return;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(out.data(), data_.data() + pos_, out.size() * sizeof(T));
    pos_ += out.size() * sizeof(T);
  } else {
    for (T& v : out) v = GetLittle<T>(what);
  }
}

void SnapshotReader::GetU64Array(std::span<uint64_t> out, const char* what) {
  GetArray(out, what);
}
void SnapshotReader::GetU32Array(std::span<uint32_t> out, const char* what) {
  GetArray(out, what);
}
void SnapshotReader::GetU16Array(std::span<uint16_t> out, const char* what) {
  GetArray(out, what);
}

bool SnapshotReader::CheckCount(uint64_t count, uint64_t min_bytes,
                                const char* what) {
  if (!ok()) return false;
  if (min_bytes > 0 && count > remaining() / min_bytes) {
    Fail(absl::StrCat(what, " count ", count, " cannot fit in the ",
                      remaining(), " bytes left"));
    return false;
  }
  return true;
}

void SnapshotReader::Fail(std::string_view message) {
  if (status_.ok()) {
    status_ = absl::DataLossError(absl::StrCat(
        "snapshot: ", absl::string_view(message.data(), message.size())));
  }
}

uint64_t SnapshotChecksum(std::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

absl::Status WriteSnapshotFile(const std::string& path, std::string_view kind,
                               uint32_t version, std::string_view payload) {
  if (kind.empty() || kind.size() > 8) {
    return absl::InvalidArgumentError("snapshot kind must be 1..8 bytes");
  }
  SnapshotWriter header;
  header.PutBytes(std::span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(kSnapshotMagic), 8));
  const std::string kind_field = KindField(kind);
  header.PutBytes(std::span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(kind_field.data()), 8));
  header.PutU32(version);
  header.PutU32(0);
  header.PutU64(payload.size());
  header.PutU64(SnapshotChecksum(payload));

  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return ErrnoStatus("cannot create a temporary file for", path);
  auto fail = [&](std::string_view what) {
    absl::Status status = ErrnoStatus(what, path);
    ::close(fd);
    ::unlink(temp.c_str());
    return status;
  };
  if (::fchmod(fd, 0644) != 0) return fail("cannot set the mode of");
  if (!WriteAll(fd, header.payload().data(), header.payload().size()) ||
      !WriteAll(fd, payload.data(), payload.size())) {
    return fail("cannot write");
  }
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    absl::Status status = ErrnoStatus("cannot close", path);
    ::unlink(temp.c_str());
    return status;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    absl::Status status = ErrnoStatus("cannot rename the snapshot to", path);
    ::unlink(temp.c_str());
    return status;
  }
  // Make the rename itself durable.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return absl::OkStatus();
}

absl::StatusOr<SnapshotFile> ReadSnapshotFile(const std::string& path,
                                              std::string_view kind,
                                              uint32_t max_version) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    std::string message =
        absl::StrCat("cannot open snapshot ", path, ": ", std::strerror(error));
    return error == ENOENT ? absl::NotFoundError(message)
                           : absl::FailedPreconditionError(message);
  }
  struct stat st;
  if (::fstat(::fileno(file), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::fclose(file);
    return absl::FailedPreconditionError(
        absl::StrCat("snapshot ", path, " is not a regular file"));
  }
  const uint64_t file_size = static_cast<uint64_t>(st.st_size);
  char header[kSnapshotHeaderBytes];
  const size_t head =
      static_cast<size_t>(std::min<uint64_t>(file_size, kSnapshotHeaderBytes));
  if (std::fread(header, 1, head, file) != head) {
    std::fclose(file);
    return absl::DataLossError(absl::StrCat("cannot read snapshot ", path));
  }
  if (std::memcmp(header, kSnapshotMagic, std::min<size_t>(head, 8)) != 0 ||
      head == 0) {
    std::fclose(file);
    return absl::DataLossError(
        absl::StrCat(path, " is not a neardup snapshot (bad magic number)"));
  }
  if (head < kSnapshotHeaderBytes) {
    std::fclose(file);
    return absl::DataLossError(absl::StrCat(
        "snapshot ", path, " is truncated: ", file_size,
        " bytes, shorter than its ", kSnapshotHeaderBytes, "-byte header"));
  }
  SnapshotReader r(std::string_view(header + 8, kSnapshotHeaderBytes - 8));
  char kind_bytes[8];
  r.GetBytes(std::span<uint8_t>(reinterpret_cast<uint8_t*>(kind_bytes), 8));
  SnapshotFile out;
  out.version = r.GetU32();
  const uint32_t reserved = r.GetU32();
  const uint64_t payload_size = r.GetU64();
  const uint64_t checksum = r.GetU64();
  if (std::string_view(kind_bytes, 8) != KindField(kind)) {
    std::fclose(file);
    return absl::FailedPreconditionError(absl::StrCat(
        "snapshot ", path, " holds a '", Printable({kind_bytes, 8}),
        "', not a '", std::string(kind), "'"));
  }
  if (out.version == 0 || out.version > max_version) {
    std::fclose(file);
    return absl::FailedPreconditionError(
        absl::StrCat("snapshot ", path, " has format version ", out.version,
                     "; this build reads versions 1 to ", max_version));
  }
  if (reserved != 0) {
    std::fclose(file);
    return absl::DataLossError(absl::StrCat(
        "snapshot ", path, " is damaged: reserved header field is ", reserved));
  }
  if (payload_size != file_size - kSnapshotHeaderBytes) {
    std::fclose(file);
    return absl::DataLossError(absl::StrCat(
        "snapshot ", path, " is truncated or damaged: header announces ",
        payload_size, " payload bytes, the file holds ",
        file_size - kSnapshotHeaderBytes));
  }
  out.payload.resize(payload_size);
  // Read and checksum chunk by chunk, while each chunk is still in cache
  // (streaming XXH3 gives the one-shot value).
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) {
    std::fclose(file);
    return absl::ResourceExhaustedError("cannot allocate a hash state");
  }
  XXH3_64bits_reset(state);
  constexpr uint64_t kChunk = uint64_t{1} << 20;
  bool read_all = true;
  for (uint64_t at = 0; at < payload_size; at += kChunk) {
    const size_t n = static_cast<size_t>(std::min(kChunk, payload_size - at));
    if (std::fread(out.payload.data() + at, 1, n, file) != n) {
      read_all = false;
      break;
    }
    XXH3_64bits_update(state, out.payload.data() + at, n);
  }
  const uint64_t actual = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  std::fclose(file);
  if (!read_all) {
    return absl::DataLossError(
        absl::StrCat("cannot read snapshot ", path, " in full"));
  }
  if (actual != checksum) {
    return absl::DataLossError(absl::StrCat(
        "snapshot ", path, " is corrupted: payload checksum mismatch"));
  }
  out.file_bytes = file_size;
  return out;
}

}  // namespace neardup

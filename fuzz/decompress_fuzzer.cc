// Fuzzes the decompressing byte sources (gzip via zlib, zstd streaming) and
// the line splitter on top of them. The first byte picks the mode:
//   bit 0: zstd (else gzip);
//   bit 1: round trip: the rest is a payload that is compressed here (as
//          1-3 gzip members or zstd frames) and must decompress to itself;
//          otherwise the rest is decompressed as it is and must either
//          decode or fail with a DataLoss error naming the file and a byte
//          offset;
//   bits 2-3: how many leading bytes are handed over as an already-read
//          prefix (0, 1, 2 or 4), as the reader does after sniffing;
//   bits 4-7: read size (1 << (bits + 1) bytes per Read call).
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "internal/byte_source.h"
#include "internal/line_reader.h"

namespace {

using neardup::fuzz::MemFile;
using neardup::internal::ByteSource;
using neardup::internal::Compression;
using neardup::internal::FdInput;
using neardup::internal::LineReader;
using neardup::internal::MakeByteSource;

constexpr char kName[] = "fuzz.jsonl.gz";

std::string GzipMember(std::string_view data) {
  z_stream z{};
  FUZZ_CHECK(deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8,
                          Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string ZstdFrame(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const size_t n =
      ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1);
  FUZZ_CHECK(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

// Decompresses `compressed` through a ByteSource (`prefix_len` bytes given
// as the prefix, `chunk` bytes per Read). Returns the status; the bytes go
// to `*out`.
absl::Status Decode(std::string_view compressed, Compression compression,
                    size_t prefix_len, size_t chunk, std::string* out) {
  prefix_len = std::min(prefix_len, compressed.size());
  MemFile file(compressed, prefix_len);
  auto source = MakeByteSource(
      FdInput(file.fd(), kName, std::string(compressed.substr(0, prefix_len))),
      compression);
  FUZZ_CHECK(source.ok());
  std::string buf(chunk, '\0');
  while (true) {
    absl::StatusOr<size_t> n = (*source)->Read(buf.data(), buf.size());
    if (!n.ok()) return n.status();
    FUZZ_CHECK(*n <= chunk);
    if (*n == 0) break;
    out->append(buf.data(), *n);
    FUZZ_CHECK((*source)->consumed() <= compressed.size());
  }
  FUZZ_CHECK((*source)->consumed() == compressed.size());
  return absl::OkStatus();
}

// Splits `compressed` into lines with a LineReader (a tiny initial buffer,
// so that it grows); returns them joined with '\n'.
absl::Status Lines(std::string_view compressed, Compression compression,
                   std::string* joined) {
  MemFile file(compressed);
  auto source =
      MakeByteSource(FdInput(file.fd(), kName, std::string()), compression);
  FUZZ_CHECK(source.ok());
  LineReader lines(source->get(), -1, "spill", /*chunk=*/8);
  std::string_view line;
  uint64_t offset = 0, expected_offset = 0;
  while (true) {
    absl::StatusOr<bool> more = lines.Next(&line, &offset);
    if (!more.ok()) return more.status();
    if (!*more) break;
    FUZZ_CHECK(offset == expected_offset);
    FUZZ_CHECK(line.find('\n') == std::string_view::npos);
    expected_offset = offset + line.size() + 1;
    joined->append(line);
    joined->push_back('\n');
  }
  return absl::OkStatus();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  const Compression compression =
      mode & 1 ? Compression::kZstd : Compression::kGzip;
  static constexpr size_t kPrefix[] = {0, 1, 2, 4};
  const size_t prefix_len = kPrefix[(mode >> 2) & 3];
  const size_t chunk = size_t{1} << (((mode >> 4) & 15) + 1);

  if (mode & 2) {
    // Round trip: 1-3 members/frames, split where the payload says.
    const size_t parts =
        rest.empty() ? 1 : 1 + static_cast<uint8_t>(rest[0]) % 3;
    std::string compressed;
    size_t begin = 0;
    for (size_t p = 0; p < parts; ++p) {
      const size_t end = p + 1 == parts
                             ? rest.size()
                             : begin + (rest.size() - begin) / (parts - p);
      const std::string_view piece = rest.substr(begin, end - begin);
      compressed += compression == Compression::kZstd ? ZstdFrame(piece)
                                                      : GzipMember(piece);
      begin = end;
    }
    std::string out;
    const absl::Status s =
        Decode(compressed, compression, prefix_len, chunk, &out);
    FUZZ_CHECK(s.ok());
    FUZZ_CHECK(out == rest);
    std::string joined;
    FUZZ_CHECK(Lines(compressed, compression, &joined).ok());
    std::string expected(rest);
    if (!expected.empty() && expected.back() != '\n') expected += '\n';
    FUZZ_CHECK(joined == expected);
    return 0;
  }

  std::string out;
  const absl::Status s = Decode(rest, compression, prefix_len, chunk, &out);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == absl::StatusCode::kDataLoss);
    FUZZ_CHECK(s.message().substr(0, sizeof kName - 1) == kName);
    FUZZ_CHECK(s.message().find("offset") != std::string_view::npos);
  }
  // The line splitter sees the same bytes and the same verdict.
  std::string joined;
  const absl::Status lines = Lines(rest, compression, &joined);
  FUZZ_CHECK(lines.ok() == s.ok());
  if (s.ok()) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    FUZZ_CHECK(joined == out);
  }
  return 0;
}

#include "neardup/corpus.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "internal/byte_source.h"
#include "internal/line_reader.h"
#include "neardup/json.h"
#include "neardup/status_macros.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {

using internal::AbslView;
using internal::Compression;
using internal::ErrnoError;

absl::Status CorpusOptions::Validate() const {
  if (id_field.empty()) {
    return absl::InvalidArgumentError("id_field must not be empty");
  }
  if (text_field.empty()) {
    return absl::InvalidArgumentError("text_field must not be empty");
  }
  if (id_field == text_field) {
    return absl::InvalidArgumentError(absl::StrCat(
        "id_field and text_field must differ (both are \"", id_field, "\")"));
  }
  if (include.empty()) {
    return absl::InvalidArgumentError(
        "include must hold at least one glob (default: *.txt)");
  }
  for (const std::string& g : include) {
    if (g.empty()) return absl::InvalidArgumentError("empty include glob");
  }
  for (const std::string& g : exclude) {
    if (g.empty()) return absl::InvalidArgumentError("empty exclude glob");
  }
  return absl::OkStatus();
}

namespace {

constexpr size_t kMaxSkippedMessages = 5;
constexpr size_t kMaxIdInMessage = 200;  // bytes of an id quoted in errors
constexpr const char* kStdinName = "<stdin>";
constexpr const char* kSpillName = "temporary spill file";

enum class InputKind { kStdin, kJsonlFile, kTextFile, kDirectory };

// Relative paths of a directory's files, packed into one string, each
// followed by a NUL so that it can be passed to openat() as is.
struct DirListing {
  std::string paths;
  std::vector<uint64_t> ends;   // end of path i in `paths` (at its NUL)
  std::vector<uint64_t> sizes;  // bytes at listing time

  size_t size() const { return ends.size(); }
  std::string_view path(size_t i) const {
    const uint64_t begin = i == 0 ? 0 : ends[i - 1] + 1;
    return std::string_view(paths).substr(begin, ends[i] - begin);
  }
  const char* c_path(size_t i) const {
    return paths.data() + (i == 0 ? 0 : ends[i - 1] + 1);
  }
};

struct Input {
  std::string path;  // as given to Open()
  std::string name;  // in messages: path, or "<stdin>"
  InputKind kind = InputKind::kJsonlFile;
  bool compression_from_name = false;  // else sniffed from the first bytes
  Compression compression = Compression::kNone;
  bool regular = false;  // a regular file (or directory of them)
  uint64_t size = 0;     // bytes (regular files, directories' files)
  DirListing dir;
  // Where ReadAgain() reads this input's records: the file itself, its
  // directory, or the spill file. Set before its first document is returned.
  int read_fd = -1;
  bool owns_read_fd = false;
};

bool MatchesAny(const std::vector<std::string>& globs, const char* name,
                const char* rel) {
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), name, 0) == 0 || fnmatch(g.c_str(), rel, 0) == 0) {
      return true;
    }
  }
  return false;
}

// Lists the files below the directory `root_fd` that match `include` and
// not `exclude`, sorted by relative path bytes. Subdirectories whose name or
// relative path matches `exclude` are not entered; symbolic links to
// directories are not followed (links to files are).
absl::Status ListDirectory(int root_fd, const std::string& display,
                           const CorpusOptions& options, DirListing* out) {
  struct Entry {
    std::string rel;
    uint64_t size;
  };
  std::vector<Entry> files;
  std::vector<std::string> pending = {""};
  while (!pending.empty()) {
    const std::string rel = std::move(pending.back());
    pending.pop_back();
    const int fd = openat(root_fd, rel.empty() ? "." : rel.c_str(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    const std::string shown = rel.empty() ? display : display + "/" + rel;
    if (fd < 0) return ErrnoError(errno, shown, "cannot open directory");
    DIR* dir = fdopendir(fd);
    if (dir == nullptr) {
      const int err = errno;
      close(fd);
      return ErrnoError(err, shown, "cannot open directory");
    }
    while (true) {
      errno = 0;
      const dirent* e = readdir(dir);
      if (e == nullptr) {
        if (errno != 0) {
          const int err = errno;
          closedir(dir);
          return ErrnoError(err, shown, "cannot list directory");
        }
        break;
      }
      const char* name = e->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) {
        continue;
      }
      std::string child = rel.empty() ? std::string(name) : rel + "/" + name;
      bool is_dir = e->d_type == DT_DIR;
      bool is_file = e->d_type == DT_REG;
      struct stat st;
      bool have_stat = false;
      if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
        if (fstatat(dirfd(dir), name, &st, 0) != 0) {
          if (e->d_type == DT_LNK) continue;  // dangling link
          const int err = errno;
          closedir(dir);
          return ErrnoError(err, display + "/" + child, "cannot stat");
        }
        have_stat = true;
        is_file = S_ISREG(st.st_mode);
        is_dir = S_ISDIR(st.st_mode) && e->d_type != DT_LNK;
      }
      if (is_dir) {
        if (!MatchesAny(options.exclude, name, child.c_str())) {
          pending.push_back(std::move(child));
        }
        continue;
      }
      if (!is_file) continue;
      if (!MatchesAny(options.include, name, child.c_str()) ||
          MatchesAny(options.exclude, name, child.c_str())) {
        continue;
      }
      if (!have_stat && fstatat(dirfd(dir), name, &st, 0) != 0) {
        const int err = errno;
        closedir(dir);
        return ErrnoError(err, display + "/" + child, "cannot stat");
      }
      files.push_back({std::move(child), static_cast<uint64_t>(st.st_size)});
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end(),
            [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
  size_t total = 0;
  for (const Entry& f : files) total += f.rel.size() + 1;
  out->paths.reserve(total);
  out->ends.reserve(files.size());
  out->sizes.reserve(files.size());
  for (const Entry& f : files) {
    out->paths += f.rel;
    out->ends.push_back(out->paths.size());
    out->paths.push_back('\0');
    out->sizes.push_back(f.size);
  }
  return absl::OkStatus();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads all of `fd` (from its current position) into `*out`, expecting
// about `size_hint` bytes.
absl::Status ReadWhole(int fd, uint64_t size_hint, std::string_view name,
                       std::string* out) {
  out->resize(size_hint);
  size_t done = 0;
  while (true) {
    if (done == out->size()) {
      // Probe for growth since the size was taken.
      out->resize(std::max<size_t>(done + 4096, done * 2));
    }
    NEARDUP_ASSIGN_OR_RETURN(
        size_t got,
        internal::ReadSome(fd, out->data() + done, out->size() - done, name));
    if (got == 0) break;
    done += got;
  }
  out->resize(done);
  return absl::OkStatus();
}

// Opens file `i` of `dir` (directory descriptor `dir_fd`, called
// `dir_name` in messages) and reads it whole.
absl::Status ReadDirectoryFile(int dir_fd, std::string_view dir_name,
                               const DirListing& dir, size_t i,
                               std::string* out) {
  auto shown = [&] {
    return absl::StrCat(AbslView(dir_name), "/", AbslView(dir.path(i)));
  };
  const int fd = openat(dir_fd, dir.c_path(i), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(errno, shown(), "cannot open");
  struct stat st;
  absl::Status status;
  if (fstat(fd, &st) != 0) {
    status = ErrnoError(errno, shown(), "cannot stat");
  } else {
    status = ReadWhole(fd, static_cast<uint64_t>(st.st_size), "", out);
    if (!status.ok()) {
      status =
          absl::Status(status.code(), absl::StrCat(shown(), status.message()));
    }
  }
  close(fd);
  return status;
}

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// "id" quoted as JSON, shortened if long.
std::string QuoteId(std::string_view id) {
  std::string out;
  AppendJsonString(&out, id.substr(0, kMaxIdInMessage));
  if (id.size() > kMaxIdInMessage) out += "...";
  return out;
}

bool IsIntegerText(std::string_view number) {
  return number.find_first_of(".eE") == std::string_view::npos;
}

struct IdKeyHash {
  size_t operator()(absl::uint128 k) const {
    return static_cast<size_t>(absl::Uint128Low64(k));
  }
};

enum class Reject { kMalformed, kMissingId, kMissingText, kDuplicateId };

// Extracts id and text from one JSONL record into `doc`. Returns the reason
// and message on failure.
struct ParseError {
  Reject reason;
  std::string message;
};

bool ParseRecord(std::string_view line, const CorpusOptions& options,
                 Document* doc, ParseError* error) {
  JsonField fields[2] = {{options.id_field, &doc->id},
                         {options.text_field, &doc->text}};
  absl::Status s = ScanJsonObject(line, fields);
  if (!s.ok()) {
    *error = {Reject::kMalformed,
              absl::StrCat("malformed JSON (", s.message(), ")")};
    return false;
  }
  const JsonField& id = fields[0];
  if (id.type == JsonType::kMissing) {
    *error = {Reject::kMissingId,
              absl::StrCat("missing id field \"", options.id_field, "\"")};
    return false;
  }
  if (id.type == JsonType::kNumber ? !IsIntegerText(doc->id)
                                   : id.type != JsonType::kString) {
    *error = {Reject::kMissingId,
              absl::StrCat("id field \"", options.id_field,
                           "\" must be a string or an integer, not ",
                           id.type == JsonType::kNumber
                               ? absl::StrCat("the number ", doc->id)
                               : std::string(JsonTypeName(id.type)))};
    return false;
  }
  if (doc->id.empty()) {
    *error = {Reject::kMissingId,
              absl::StrCat("id field \"", options.id_field, "\" is empty")};
    return false;
  }
  const JsonField& text = fields[1];
  if (text.type == JsonType::kMissing) {
    *error = {Reject::kMissingText,
              absl::StrCat("missing text field \"", options.text_field, "\"")};
    return false;
  }
  if (text.type != JsonType::kString) {
    *error = {Reject::kMissingText,
              absl::StrCat("text field \"", options.text_field,
                           "\" must be a string, not ",
                           AbslView(JsonTypeName(text.type)))};
    return false;
  }
  return true;
}

class Reader final : public CorpusReader {
 public:
  Reader(std::vector<Input> inputs, const CorpusOptions& options)
      : options_(options), inputs_(std::move(inputs)) {
    bool all_regular = true;
    uint64_t total = 0;
    for (const Input& in : inputs_) {
      all_regular = all_regular && in.regular;
      total += in.size;
    }
    if (all_regular) stats_.total_bytes = total;
  }

  ~Reader() override {
    CloseStream();
    for (Input& in : inputs_) {
      if (in.owns_read_fd && in.read_fd >= 0) close(in.read_fd);
    }
    if (spill_fd_ >= 0) close(spill_fd_);
  }

  absl::StatusOr<bool> Next(Document* doc) override;
  absl::Status ReadAgain(const DocumentLocation& location,
                         Document* doc) const override;
  const CorpusStats& stats() const override { return stats_; }

 private:
  absl::Status StartInput();
  void FinishInput();
  void CloseStream();
  absl::Status EnsureSpill();
  // Handles a rejected record: an error with kFail, else counts it.
  absl::Status RejectRecord(Reject reason, std::string_view where,
                            uint64_t line, std::string_view message);
  // Records the id of a document about to be returned; false if seen.
  bool FirstSighting(std::string_view id);

  absl::StatusOr<bool> NextImpl(Document* doc);

  const CorpusOptions options_;
  std::vector<Input> inputs_;
  absl::Status failed_;  // the error that stopped reading, if any
  CorpusStats stats_;
  absl::flat_hash_set<absl::uint128, IdKeyHash> seen_ids_;

  // Reading state.
  size_t current_ = 0;   // index of the input being read
  bool active_ = false;  // inputs_[current_] has been started
  size_t dir_pos_ = 0;   // next file of a directory input
  bool text_done_ = false;
  int stream_fd_ = -1;  // descriptor of the JSONL stream being read
  bool close_stream_fd_ = false;
  std::unique_ptr<internal::ByteSource> source_;
  std::unique_ptr<internal::LineReader> lines_;
  uint64_t line_no_ = 0;
  uint64_t stream_base_ = 0;  // read_fd offset of the stream's first byte
  uint64_t bytes_done_ = 0;   // bytes_read of finished inputs

  int spill_fd_ = -1;
  uint64_t spill_size_ = 0;
};

absl::Status Reader::EnsureSpill() {
  if (spill_fd_ >= 0) return absl::OkStatus();
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = (tmpdir != nullptr && *tmpdir != '\0') ? tmpdir : "/tmp";
  path += "/neardup-spill-XXXXXX";
  const int fd = mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) {
    return ErrnoError(errno, path, "cannot create temporary spill file");
  }
  unlink(path.c_str());
  spill_fd_ = fd;
  return absl::OkStatus();
}

absl::Status Reader::StartInput() {
  Input& in = inputs_[current_];
  line_no_ = 0;
  dir_pos_ = 0;
  text_done_ = false;
  if (in.kind == InputKind::kDirectory) return absl::OkStatus();
  if (in.kind == InputKind::kTextFile) {
    const int fd = open(in.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, in.name, "cannot open");
    in.read_fd = fd;
    in.owns_read_fd = true;
    return absl::OkStatus();
  }
  int fd = STDIN_FILENO;
  if (in.kind == InputKind::kJsonlFile) {
    fd = open(in.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, in.name, "cannot open");
  }
  stream_fd_ = fd;
  close_stream_fd_ = in.kind == InputKind::kJsonlFile;
  std::string prefix;
  if (!in.compression_from_name) {
    char head[4];
    size_t got = 0;
    if (in.regular) {
      NEARDUP_ASSIGN_OR_RETURN(got,
                               internal::PreadFull(fd, head, 4, 0, in.name));
    } else {
      // A pipe: read the magic bytes and hand them back to the source.
      while (got < 4) {
        NEARDUP_ASSIGN_OR_RETURN(
            size_t n, internal::ReadSome(fd, head + got, 4 - got, in.name));
        if (n == 0) break;
        got += n;
      }
      prefix.assign(head, got);
    }
    in.compression = internal::SniffCompression(std::string_view(head, got));
  }
  const bool seekable = in.regular && in.compression == Compression::kNone;
  if (seekable) {
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    in.read_fd = fd;
    in.owns_read_fd = true;
    close_stream_fd_ = false;  // kept for ReadAgain
    stream_base_ = 0;
  } else {
    if (in.regular) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    NEARDUP_RETURN_IF_ERROR(EnsureSpill());
    in.read_fd = spill_fd_;
    in.owns_read_fd = false;
    stream_base_ = spill_size_;
  }
  NEARDUP_ASSIGN_OR_RETURN(
      source_,
      internal::MakeByteSource(
          internal::FdInput(fd, in.name, std::move(prefix)), in.compression));
  lines_ = std::make_unique<internal::LineReader>(
      source_.get(), seekable ? -1 : spill_fd_, kSpillName);
  return absl::OkStatus();
}

void Reader::CloseStream() {
  lines_.reset();
  source_.reset();
  if (close_stream_fd_ && stream_fd_ >= 0) close(stream_fd_);
  stream_fd_ = -1;
  close_stream_fd_ = false;
}

void Reader::FinishInput() {
  const Input& in = inputs_[current_];
  if (source_ != nullptr) {
    bytes_done_ += source_->consumed();
    if (in.read_fd == spill_fd_ && spill_fd_ >= 0) {
      spill_size_ += lines_->stream_bytes();
    }
  }
  CloseStream();
  stats_.bytes_read = bytes_done_;
  active_ = false;
  ++current_;
}

absl::Status Reader::RejectRecord(Reject reason, std::string_view where,
                                  uint64_t line, std::string_view message) {
  auto text = [&] {
    return absl::StrCat(AbslView(where), ":", line, ": ", AbslView(message));
  };
  if (options_.on_error == OnError::kFail) {
    return absl::InvalidArgumentError(text());
  }
  switch (reason) {
    case Reject::kMalformed:
      ++stats_.skipped_malformed;
      break;
    case Reject::kMissingId:
      ++stats_.skipped_missing_id;
      break;
    case Reject::kMissingText:
      ++stats_.skipped_missing_text;
      break;
    case Reject::kDuplicateId:
      ++stats_.skipped_duplicate_id;
      break;
  }
  if (stats_.first_skipped.size() < kMaxSkippedMessages) {
    stats_.first_skipped.push_back(text());
  }
  return absl::OkStatus();
}

bool Reader::FirstSighting(std::string_view id) {
  const XXH128_hash_t h = XXH3_128bits(id.data(), id.size());
  return seen_ids_.insert(absl::MakeUint128(h.high64, h.low64)).second;
}

absl::StatusOr<bool> Reader::Next(Document* doc) {
  if (!failed_.ok()) return failed_;
  absl::StatusOr<bool> result = NextImpl(doc);
  if (!result.ok()) {
    failed_ = result.status();
    CloseStream();
  }
  return result;
}

absl::StatusOr<bool> Reader::NextImpl(Document* doc) {
  while (true) {
    if (!active_) {
      if (current_ >= inputs_.size()) return false;
      NEARDUP_RETURN_IF_ERROR(StartInput());
      active_ = true;
    }
    Input& in = inputs_[current_];
    const uint32_t index = static_cast<uint32_t>(current_);

    if (in.kind == InputKind::kDirectory) {
      if (dir_pos_ == in.dir.size()) {
        FinishInput();
        continue;
      }
      const size_t i = dir_pos_++;
      NEARDUP_RETURN_IF_ERROR(
          ReadDirectoryFile(in.read_fd, in.name, in.dir, i, &doc->text));
      bytes_done_ += doc->text.size();
      stats_.bytes_read = bytes_done_;
      doc->id.assign(in.dir.path(i));
      if (!FirstSighting(doc->id)) {
        NEARDUP_RETURN_IF_ERROR(RejectRecord(
            Reject::kDuplicateId, absl::StrCat(in.name, "/", doc->id), 1,
            absl::StrCat("duplicate id ", QuoteId(doc->id))));
        continue;
      }
      doc->raw.clear();
      doc->input_index = index;
      doc->line = 1;
      doc->location = {index, i, doc->text.size()};
      ++stats_.records;
      return true;
    }

    if (in.kind == InputKind::kTextFile) {
      if (text_done_) {
        FinishInput();
        continue;
      }
      text_done_ = true;
      NEARDUP_RETURN_IF_ERROR(
          ReadWhole(in.read_fd, in.size, in.name, &doc->text));
      bytes_done_ += doc->text.size();
      stats_.bytes_read = bytes_done_;
      doc->id = in.path;
      if (!FirstSighting(doc->id)) {
        NEARDUP_RETURN_IF_ERROR(
            RejectRecord(Reject::kDuplicateId, in.name, 1,
                         absl::StrCat("duplicate id ", QuoteId(doc->id))));
        continue;
      }
      doc->raw.clear();
      doc->input_index = index;
      doc->line = 1;
      doc->location = {index, 0, doc->text.size()};
      ++stats_.records;
      return true;
    }

    // JSON Lines.
    std::string_view line;
    uint64_t offset = 0;
    NEARDUP_ASSIGN_OR_RETURN(bool more, lines_->Next(&line, &offset));
    stats_.bytes_read = bytes_done_ + source_->consumed();
    if (!more) {
      FinishInput();
      continue;
    }
    ++line_no_;
    if (line_no_ == 1 && line.size() >= 3 &&
        std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0) {
      line.remove_prefix(3);  // UTF-8 byte order mark
      offset += 3;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) continue;
    ParseError error;
    if (!ParseRecord(line, options_, doc, &error)) {
      NEARDUP_RETURN_IF_ERROR(
          RejectRecord(error.reason, in.name, line_no_, error.message));
      continue;
    }
    if (!FirstSighting(doc->id)) {
      NEARDUP_RETURN_IF_ERROR(
          RejectRecord(Reject::kDuplicateId, in.name, line_no_,
                       absl::StrCat("duplicate id ", QuoteId(doc->id))));
      continue;
    }
    doc->raw.assign(line);
    doc->input_index = index;
    doc->line = line_no_;
    doc->location = {index, stream_base_ + offset, line.size()};
    ++stats_.records;
    return true;
  }
}

absl::Status Reader::ReadAgain(const DocumentLocation& location,
                               Document* doc) const {
  if (location.store >= inputs_.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ReadAgain: no input ", location.store));
  }
  const Input& in = inputs_[location.store];
  if (in.read_fd < 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "ReadAgain: ", in.name, " has not been read by Next() yet"));
  }
  auto changed = [&](std::string_view what) {
    return absl::DataLossError(
        absl::StrCat(AbslView(what), " changed since it was read (location ",
                     location.offset, "+", location.length, ")"));
  };
  doc->input_index = location.store;
  doc->location = location;
  switch (in.kind) {
    case InputKind::kDirectory: {
      if (location.offset >= in.dir.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "ReadAgain: ", in.name, " has no file ", location.offset));
      }
      const std::string_view rel = in.dir.path(location.offset);
      NEARDUP_RETURN_IF_ERROR(ReadDirectoryFile(in.read_fd, in.name, in.dir,
                                                location.offset, &doc->text));
      if (doc->text.size() != location.length) {
        return changed(absl::StrCat(in.name, "/", AbslView(rel)));
      }
      doc->id.assign(rel);
      doc->raw.clear();
      doc->line = 1;
      return absl::OkStatus();
    }
    case InputKind::kTextFile: {
      doc->text.resize(location.length);
      NEARDUP_ASSIGN_OR_RETURN(
          size_t got, internal::PreadFull(in.read_fd, doc->text.data(),
                                          location.length, 0, in.name));
      if (got != location.length) return changed(in.name);
      doc->id = in.path;
      doc->raw.clear();
      doc->line = 1;
      return absl::OkStatus();
    }
    case InputKind::kStdin:
    case InputKind::kJsonlFile:
      break;
  }
  const bool spilled = in.read_fd != -1 && !in.owns_read_fd;
  // (Both arms string_view: `kSpillName : in.name` would make a temporary
  // std::string that dies at the end of this statement.)
  const std::string_view fd_name =
      spilled ? std::string_view(kSpillName) : std::string_view(in.name);
  doc->raw.resize(location.length);
  NEARDUP_ASSIGN_OR_RETURN(
      size_t got,
      internal::PreadFull(in.read_fd, doc->raw.data(), location.length,
                          location.offset, fd_name));
  if (got != location.length) return changed(in.name);
  ParseError error;
  if (!ParseRecord(doc->raw, options_, doc, &error)) return changed(in.name);
  doc->line = 0;  // not recorded in the location
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<CorpusReader>> CorpusReader::Open(
    std::vector<std::string> inputs, const CorpusOptions& options) {
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  if (inputs.empty()) return absl::InvalidArgumentError("no inputs given");
  if (inputs.size() > UINT32_MAX) {
    return absl::InvalidArgumentError("too many inputs");
  }
  std::vector<Input> opened;
  opened.reserve(inputs.size());
  bool have_stdin = false;
  // Directory descriptors opened so far, closed if Open() fails.
  struct Cleanup {
    std::vector<Input>* inputs;
    bool armed = true;
    ~Cleanup() {
      if (!armed) return;
      for (Input& in : *inputs) {
        if (in.owns_read_fd && in.read_fd >= 0) close(in.read_fd);
      }
    }
  } cleanup{&opened};
  for (std::string& path : inputs) {
    Input in;
    in.path = std::move(path);
    if (in.path == "-") {
      if (have_stdin) {
        return absl::InvalidArgumentError("\"-\" (stdin) given twice");
      }
      if (options.format == InputFormat::kText) {
        return absl::InvalidArgumentError(
            "standard input can only be read as JSON Lines");
      }
      have_stdin = true;
      in.kind = InputKind::kStdin;
      in.name = kStdinName;
      opened.push_back(std::move(in));
      continue;
    }
    in.name = in.path;
    struct stat st;
    if (stat(in.path.c_str(), &st) != 0) {
      if (errno == ENOENT || errno == ENOTDIR) {
        return absl::NotFoundError(absl::StrCat("input not found: ", in.path));
      }
      return ErrnoError(errno, in.path, "cannot access input");
    }
    if (S_ISDIR(st.st_mode)) {
      if (options.format == InputFormat::kJsonl) {
        return absl::InvalidArgumentError(absl::StrCat(
            in.path,
            ": is a directory; directories are read as text files, not as "
            "JSON Lines (pass the JSONL files themselves)"));
      }
      in.kind = InputKind::kDirectory;
      in.regular = true;
      while (in.name.size() > 1 && in.name.back() == '/') in.name.pop_back();
      const int fd = open(in.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0) return ErrnoError(errno, in.path, "cannot open directory");
      in.read_fd = fd;
      in.owns_read_fd = true;
      opened.push_back(std::move(in));
      Input& dir = opened.back();
      NEARDUP_RETURN_IF_ERROR(
          ListDirectory(dir.read_fd, dir.name, options, &dir.dir));
      for (uint64_t s : dir.dir.sizes) dir.size += s;
      continue;
    }
    in.regular = S_ISREG(st.st_mode);
    if (in.regular) in.size = static_cast<uint64_t>(st.st_size);
    if (options.format == InputFormat::kText) {
      in.kind = InputKind::kTextFile;
      if (!in.regular) {
        return absl::InvalidArgumentError(
            absl::StrCat(in.path, ": text input must be a regular file"));
      }
    } else {
      in.kind = InputKind::kJsonlFile;
      if (EndsWith(in.path, ".gz")) {
        in.compression_from_name = true;
        in.compression = Compression::kGzip;
      } else if (EndsWith(in.path, ".zst")) {
        in.compression_from_name = true;
        in.compression = Compression::kZstd;
      }
    }
    opened.push_back(std::move(in));
  }
  cleanup.armed = false;
  return std::unique_ptr<CorpusReader>(
      std::make_unique<Reader>(std::move(opened), options));
}

}  // namespace neardup

// `neardup bench`: end-to-end benchmark of `neardup dedup` against `wc -w`
// on the same corpus, with accuracy checked against ground truth so that
// speed is never bought with misses.
//
// Steps:
//   1. corpus: `synth --remix` of --docs documents from a base (default
//      ../shared/datasets/reuters21578/corpus.jsonl when present, else the
//      built-in text) written to a temporary directory, or --corpus DIR
//      (DIR/corpus.jsonl, and DIR/truth.jsonl when present);
//   2. one read of the whole file (its XXH3-64 digest, which also puts it in
//      the page cache);
//   3. `wc -w` (LC_ALL=C.UTF-8) and the real command, `neardup dedup CORPUS
//      -o CLUSTERS --stats STATS --quiet ENGINE-FLAGS` (this same binary;
//      ENGINE-FLAGS are the options bench does not know, passed unchanged),
//      interleaved so that both see the same machine load: max(2, --repeat)
//      wc runs, --repeat dedup runs, the best wall time of each kept. Peak
//      RSS is the dedup process's (wait4's ru_maxrss; see LowerPeakRss);
//      the per-stage seconds and counts come from its --stats JSON;
//   4. evaluation of the clusters against truth.jsonl (pairwise precision,
//      recall, F1, ARI, recall per edit kind, templates wrongly clustered).
// Writes a JSON result (-o) and prints a table. Same arguments, same corpus
// (its digest is reported), same clusters (digest too), same accuracy.
// MB are 10^6 bytes of corpus.jsonl, the file both programs read.
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "command.h"
#include "engine_command.h"
#include "neardup/eval.h"
#include "neardup/json.h"
#include "output_file.h"
#include "synth/synth.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

extern char** environ;

namespace neardup::tools {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

constexpr char kUsage[] =
    "Usage: neardup bench [--docs N] [--base FILE] [--corpus DIR] [--seed S]\n"
    "                     [--repeat R] [--keep] [--work-dir DIR]\n"
    "                     -o RESULT.json [DEDUP OPTIONS...] [-- DEDUP "
    "OPTIONS]\n"
    "\n"
    "End-to-end benchmark: builds a corpus with `synth --remix` (or takes\n"
    "--corpus DIR), reads it once (page cache), then times `wc -w` on it\n"
    "(LC_ALL=C.UTF-8; best of max(2, --repeat)) and the real command\n"
    "  neardup dedup CORPUS -o CLUSTERS --stats STATS --quiet DEDUP-OPTIONS\n"
    "(best of --repeat), interleaved, and scores the clusters against the\n"
    "synth truth. Reports seconds per stage, MB/s, docs/s, peak RSS, the\n"
    "speed relative to wc -w and the accuracy; writes RESULT.json and prints\n"
    "a table. MB = 10^6 bytes of corpus.jsonl.\n"
    "\n"
    "Every option not listed below goes unchanged to `neardup dedup` (--mode,\n"
    "--threshold, --shingle, --threads/-j, ...: see `neardup dedup --help`),\n"
    "and so does everything after a bare `--` (e.g. `-- --seed 7`, dedup's\n"
    "MinHash seed; --seed before it is the synth seed). dedup checks them on\n"
    "an empty file first: one it rejects stops the benchmark (exit 2).";

constexpr char kExamples[] =
    "Examples:\n"
    "  neardup bench --docs 200000 --threads 2 -o bench.json\n"
    "  neardup bench --docs 2000 -o /tmp/smoke.json\n"
    "  neardup bench --docs 20000 --mode classic --shingle word:4 -o c.json\n"
    "  neardup bench --corpus /data/synth1m --repeat 3 -o big.json\n";

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double PerSecond(double amount, double seconds) {
  return seconds > 0 ? amount / seconds : 0;
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::string JsonStrings(const std::vector<std::string>& v) {
  std::string out;
  AppendStringArray(&out, v);
  return out;
}

std::string JsonSeconds(const std::vector<double>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    absl::StrAppendFormat(&out, "%s%.4f", i ? ", " : "", v[i]);
  }
  return out + "]";
}

// A count in plain decimal digits (Boost would wrap "-5" around).
bool ParseCount(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// --------------------------------------------------------------------------
// Small system helpers

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  double a = 0, b = 0, c = 0;
  if (!(in >> a >> b >> c)) return "null";
  return absl::StrFormat("[%.2f, %.2f, %.2f]", a, b, c);
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const size_t colon = line.find(':');
      if (colon != std::string::npos) {
        size_t start = colon + 1;
        while (start < line.size() && line[start] == ' ') ++start;
        return line.substr(start);
      }
    }
  }
  return "unknown";
}

std::string SelfExe() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("/proc/self/exe") : p.string();
}

// XXH3-64 of a whole file, as 16 hex digits; `bytes` gets its size.
absl::StatusOr<std::string> FileDigest(const std::string& path,
                                       uint64_t* bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  std::vector<char> buffer(4 << 20);
  uint64_t total = 0;
  while (true) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return absl::InternalError(
          absl::StrCat(path, ": read: ", std::strerror(err)));
    }
    if (got == 0) break;
    XXH3_64bits_update(&state, buffer.data(), static_cast<size_t>(got));
    total += static_cast<uint64_t>(got);
  }
  ::close(fd);
  if (bytes) *bytes = total;
  return absl::StrFormat("%016x", XXH3_64bits_digest(&state));
}

// A posix_spawn'ed child's ru_maxrss also counts the peak RSS of the
// memory it ran on until exec, the parent's (shared by vfork): the kernel
// folds that mark into the child's at exec. So before each timed run this
// process gives its free heap back (malloc_trim) and lowers its own mark to
// its current RSS (/proc/self/clear_refs, Linux >= 4.0). Returns that RSS
// in bytes, the floor under the child's reported peak (0 if unknown).
uint64_t LowerPeakRss() {
  ::malloc_trim(0);
  if (const int fd = ::open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
      fd >= 0) {
    [[maybe_unused]] const ssize_t ignored = ::write(fd, "5", 1);
    ::close(fd);
  }
  std::ifstream statm("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

struct ProcessResult {
  int exit_code = -1;           ///< -1: killed by a signal
  double seconds = 0;           ///< wall time from spawn to exit
  uint64_t peak_rss_bytes = 0;  ///< ru_maxrss (KiB on Linux) * 1024
  std::string out;              ///< standard output when captured
};

// Runs `args` (args[0] looked up in PATH) with environment `env` (null: this
// process's), standard output captured (or sent to /dev/null), standard
// error inherited.
absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& args,
                                         const std::vector<std::string>* env,
                                         bool capture) {
  std::vector<char*> argv, envp;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  if (env != nullptr) {
    for (const std::string& e : *env)
      envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
  }
  int pipe_fds[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (capture) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
      posix_spawn_file_actions_destroy(&actions);
      return absl::InternalError(absl::StrCat("pipe: ", std::strerror(errno)));
    }
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null",
                                     O_WRONLY, 0);
  }
  ProcessResult result;
  const Clock::time_point start = Clock::now();
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(),
                               env != nullptr ? envp.data() : environ);
  posix_spawn_file_actions_destroy(&actions);
  if (capture) ::close(pipe_fds[1]);
  if (err != 0) {
    if (capture) ::close(pipe_fds[0]);
    return absl::InternalError(
        absl::StrCat("cannot run ", args[0], ": ", std::strerror(err)));
  }
  if (capture) {
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(pipe_fds[0], buffer, sizeof(buffer))) != 0) {
      if (got < 0) {
        if (errno == EINTR) continue;
        break;
      }
      result.out.append(buffer, static_cast<size_t>(got));
    }
    ::close(pipe_fds[0]);
  }
  int status = 0;
  struct rusage usage = {};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      return absl::InternalError(absl::StrCat("wait4: ", std::strerror(errno)));
    }
  }
  result.seconds = SecondsSince(start);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.peak_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;
  return result;
}

// The environment with every locale variable replaced by LC_ALL=C.UTF-8.
std::vector<std::string> Utf8LocaleEnvironment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view v(*e);
    if (v.rfind("LC_", 0) == 0 || v.rfind("LANG=", 0) == 0 ||
        v.rfind("LANGUAGE=", 0) == 0) {
      continue;
    }
    env.emplace_back(v);
  }
  env.push_back("LC_ALL=C.UTF-8");
  return env;
}

// The default base: reuters21578 from the shared datasets, if present:
// $NEARDUP_SHARED_DIR if set (then the only place looked at), else
// <repo>/../shared found from this source file's path or from the
// executable's (<repo>/build/bin/neardup), else ./../shared.
std::string DefaultBase() {
  std::vector<fs::path> shared;
  if (const char* env = std::getenv("NEARDUP_SHARED_DIR")) {
    shared.push_back(env);
  } else {
    shared.push_back(
        fs::path(__FILE__).parent_path().parent_path().parent_path() /
        "shared");
    shared.push_back(fs::path(SelfExe())
                         .parent_path()
                         .parent_path()
                         .parent_path()
                         .parent_path() /
                     "shared");
    shared.push_back("../shared");
  }
  for (const fs::path& dir : shared) {
    const fs::path base = dir / "datasets/reuters21578/corpus.jsonl";
    std::error_code ec;
    if (fs::is_regular_file(base, ec)) {
      return fs::weakly_canonical(base, ec).string();
    }
  }
  return "";
}

// Removes the temporary directory on scope exit unless kept.
class TempDir {
 public:
  static absl::StatusOr<TempDir> Create(const std::string& parent) {
    std::string pattern = (fs::path(parent) / "neardup-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      return absl::InternalError(absl::StrCat(
          "cannot create a directory in ", parent, ": ", std::strerror(errno)));
    }
    return TempDir(pattern);
  }
  TempDir(TempDir&& other) noexcept
      : path_(std::move(other.path_)), keep_(other.keep_) {
    other.path_.clear();
  }
  ~TempDir() {
    if (!path_.empty() && !keep_) {
      std::error_code ec;
      fs::remove_all(path_, ec);
    }
  }
  const std::string& path() const { return path_; }
  std::string File(const char* name) const {
    return (fs::path(path_) / name).string();
  }
  void Keep() { keep_ = true; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
  bool keep_ = false;
};

// --------------------------------------------------------------------------
// What the report takes from `neardup dedup --stats` (FormatStatsJson in
// engine_command.cc).

struct DedupRunStats {
  uint64_t documents = 0, empty = 0, exact_duplicates = 0, in_clusters = 0,
           singletons = 0, clusters = 0, lsh_pairs = 0, candidate_pairs = 0,
           verified_pairs = 0, truncated_bucket_scans = 0, invalid_utf8 = 0,
           text_bytes = 0, lsh_bands = 0, lsh_rows = 0, threads = 0;
  double boilerplate_seconds = 0, read_sign_index_seconds = 0,
         candidates_seconds = 0, verify_seconds = 0, cluster_seconds = 0,
         write_seconds = 0,
         total_seconds = 0;  ///< pipeline + write
  std::string options;       ///< dedup's "options" object, raw JSON
};

absl::StatusOr<DedupRunStats> LoadDedupStats(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string json{std::istreambuf_iterator<char>(in), {}};
  auto bad = [&](std::string_view what, const absl::Status& status) {
    return absl::DataLossError(
        absl::StrCat(path, ": ", std::string(what), ": ", status.message()));
  };
  DedupRunStats s;
  JsonField options[] = {{"options", &s.options}};
  if (absl::Status st = ScanJsonObject(json, options); !st.ok()) {
    return bad("not dedup's --stats JSON", st);
  }
  struct Number {
    const char* object;  ///< "" for a top-level field
    const char* key;
    uint64_t* count;  ///< one of these two
    double* seconds;
  } numbers[] = {
      {"documents", "read", &s.documents, nullptr},
      {"documents", "empty", &s.empty, nullptr},
      {"documents", "exact_duplicates", &s.exact_duplicates, nullptr},
      {"documents", "in_clusters", &s.in_clusters, nullptr},
      {"documents", "singletons", &s.singletons, nullptr},
      {"documents", "clusters", &s.clusters, nullptr},
      {"pairs", "lsh", &s.lsh_pairs, nullptr},
      {"pairs", "candidates", &s.candidate_pairs, nullptr},
      {"pairs", "verified", &s.verified_pairs, nullptr},
      {"lsh", "bands", &s.lsh_bands, nullptr},
      {"lsh", "rows", &s.lsh_rows, nullptr},
      {"lsh", "truncated_bucket_scans", &s.truncated_bucket_scans, nullptr},
      {"options", "threads", &s.threads, nullptr},
      {"bytes", "text", &s.text_bytes, nullptr},
      {"", "invalid_utf8", &s.invalid_utf8, nullptr},
      {"seconds", "boilerplate", nullptr, &s.boilerplate_seconds},
      {"seconds", "read_sign_index", nullptr, &s.read_sign_index_seconds},
      {"seconds", "candidates", nullptr, &s.candidates_seconds},
      {"seconds", "verify", nullptr, &s.verify_seconds},
      {"seconds", "cluster", nullptr, &s.cluster_seconds},
      {"seconds", "write", nullptr, &s.write_seconds},
      {"seconds", "total", nullptr, &s.total_seconds}};
  std::string object, text;
  for (const Number& n : numbers) {
    const std::string name =
        absl::StrCat(n.object, *n.object ? "." : "", n.key);
    std::string_view scope = json;
    if (*n.object) {
      JsonField field[] = {{n.object, &object}};
      if (absl::Status st = ScanJsonObject(json, field); !st.ok()) {
        return bad(name, st);
      }
      scope = object;
    }
    JsonField field[] = {{n.key, &text}};
    if (absl::Status st = ScanJsonObject(scope, field); !st.ok()) {
      return bad(name, st);
    }
    const bool ok = field[0].type == JsonType::kNumber &&
                    (n.count ? absl::SimpleAtoi(text, n.count)
                             : absl::SimpleAtod(text, n.seconds));
    if (!ok) return bad(name, absl::DataLossError("missing or not a number"));
  }
  return s;
}

// --------------------------------------------------------------------------
// The benchmark

struct BenchFlags {
  std::string docs = "100000";
  std::string base;        ///< "" = default
  std::string corpus_dir;  ///< "" = synthesise
  uint64_t seed = 0;
  int repeat = 1;
  bool keep = false;
  std::string work_dir;
  std::string output;
  std::vector<std::string> engine_flags;  ///< for `dedup`, as given
};

int Fail(const absl::Status& status, int exit_code = 1) {
  std::cerr << "neardup bench: " << status.message() << "\n";
  return exit_code;
}

// `neardup dedup CORPUS -o CLUSTERS --stats STATS --quiet ENGINE-FLAGS`.
std::vector<std::string> DedupCommand(const std::string& corpus,
                                      const std::string& clusters,
                                      const std::string& stats,
                                      const BenchFlags& flags) {
  std::vector<std::string> args = {SelfExe(), "dedup",   corpus, "-o",
                                   clusters,  "--stats", stats,  "--quiet"};
  args.insert(args.end(), flags.engine_flags.begin(), flags.engine_flags.end());
  return args;
}

// Runs `dedup` once on an empty corpus, so that engine flags it rejects stop
// the benchmark (exit 2 for a usage error) before a corpus is built.
int CheckEngineFlags(const BenchFlags& flags, const TempDir& temp) {
  const std::string empty = temp.File("flags-check.jsonl");
  std::ofstream(empty).close();
  absl::StatusOr<ProcessResult> run =
      RunProcess(DedupCommand(empty, temp.File("flags-check-clusters.jsonl"),
                              temp.File("flags-check-stats.json"), flags),
                 nullptr, false);
  if (!run.ok()) return Fail(run.status());
  if (run->exit_code == 0) return 0;
  return Fail(absl::InvalidArgumentError(
                  absl::StrCat("`neardup dedup` rejected the engine options ",
                               JsonStrings(flags.engine_flags), " (exit code ",
                               run->exit_code, "; its message is above)")),
              run->exit_code == 2 ? 2 : 1);
}

int RunBenchParent(const BenchFlags& flags, const std::string& command_line) {
  uint64_t docs = 0;
  if (flags.corpus_dir.empty() &&
      (!ParseCount(flags.docs, &docs) || docs == 0)) {
    std::cerr << "neardup bench: --docs takes a whole number >= 1, not '"
              << flags.docs << "'\n";
    return 2;
  }
  if (flags.repeat < 1 || flags.repeat > 100) {
    std::cerr << "neardup bench: --repeat must be in [1, 100]\n";
    return 2;
  }
  const std::string loadavg_before = LoadAverage();
  std::string work_dir = flags.work_dir;
  if (work_dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    work_dir = tmp && *tmp ? tmp : "/tmp";
  }
  absl::StatusOr<TempDir> temp = TempDir::Create(work_dir);
  if (!temp.ok()) return Fail(temp.status());
  if (flags.keep) temp->Keep();
  if (int code = CheckEngineFlags(flags, *temp); code != 0) return code;

  // 1. The corpus.
  std::string corpus_path, truth_path, corpus_json;
  if (!flags.corpus_dir.empty()) {
    corpus_path = (fs::path(flags.corpus_dir) / "corpus.jsonl").string();
    const fs::path truth = fs::path(flags.corpus_dir) / "truth.jsonl";
    std::error_code ec;
    if (!fs::is_regular_file(corpus_path, ec)) {
      return Fail(
          absl::NotFoundError(absl::StrCat(corpus_path, ": not found")));
    }
    if (fs::is_regular_file(truth, ec)) truth_path = truth.string();
    corpus_json = absl::StrCat("\"source\": \"given\", \"path\": ",
                               JsonString(corpus_path));
  } else {
    synth::SynthOptions synth;
    synth.base_path = flags.base.empty() ? DefaultBase() : flags.base;
    synth.docs = docs;
    synth.seed = flags.seed;
    synth.remix = true;
    synth.output_dir = temp->File("corpus");
    std::cerr << "neardup bench: synth --remix --docs " << docs << " --seed "
              << flags.seed << " --base "
              << (synth.base_path.empty() ? "(built-in)" : synth.base_path)
              << "\n";
    absl::StatusOr<synth::SynthStats> stats = synth::WriteCorpus(synth);
    if (!stats.ok()) return Fail(stats.status());
    corpus_path = (fs::path(synth.output_dir) / "corpus.jsonl").string();
    truth_path = (fs::path(synth.output_dir) / "truth.jsonl").string();
    corpus_json = absl::StrFormat(
        "\"source\": \"synth\", \"path\": %s, \"synth\": {\"base\": %s, "
        "\"docs\": %d, \"stories\": %d, \"seed\": %d, \"remix\": true, "
        "\"seconds\": %.3f}",
        JsonString(corpus_path),
        synth.base_path.empty() ? "\"built-in\"" : JsonString(synth.base_path),
        stats->docs, stats->stories, flags.seed, stats->seconds);
  }

  // 2. Warm-up read (digest; the file is then in the page cache).
  uint64_t corpus_bytes = 0;
  absl::StatusOr<std::string> corpus_digest =
      FileDigest(corpus_path, &corpus_bytes);
  if (!corpus_digest.ok()) return Fail(corpus_digest.status());
  const double mb = corpus_bytes / 1e6;
  std::cerr << absl::StrFormat("neardup bench: corpus %.1f MB, xxh3 %s\n", mb,
                               *corpus_digest);

  // 3. wc -w and dedup, interleaved so that both see the same machine load:
  // max(2, --repeat) rounds of wc, --repeat of dedup; the best time of each
  // is kept.
  const std::string clusters_path = temp->File("clusters.jsonl");
  const std::string stats_path = temp->File("stats.json");
  const std::vector<std::string> dedup_args =
      DedupCommand(corpus_path, clusters_path, stats_path, flags);
  const std::vector<std::string> wc_env = Utf8LocaleEnvironment();
  std::vector<double> wc_runs, runs;
  uint64_t wc_words = 0, peak_rss = 0, rss_floor = 0;
  std::optional<DedupRunStats> best;
  double best_seconds = 0;
  std::string clusters_digest;
  bool deterministic = true;
  for (int run = 0; run < std::max(2, flags.repeat); ++run) {
    absl::StatusOr<ProcessResult> wc =
        RunProcess({"wc", "-w", corpus_path}, &wc_env, true);
    if (!wc.ok()) return Fail(wc.status());
    const std::string words = wc->out.substr(0, wc->out.find(' '));
    if (wc->exit_code != 0 || !absl::SimpleAtoi(words, &wc_words)) {
      return Fail(absl::InternalError(
          absl::StrCat("wc -w failed (exit code ", wc->exit_code,
                       ", output: ", wc->out, ")")));
    }
    wc_runs.push_back(wc->seconds);
    if (run >= flags.repeat) continue;

    std::cerr << "neardup bench: dedup run " << run + 1 << "/" << flags.repeat
              << "\n";
    rss_floor = std::max(rss_floor, LowerPeakRss());
    absl::StatusOr<ProcessResult> dedup =
        RunProcess(dedup_args, nullptr, false);
    if (!dedup.ok()) return Fail(dedup.status());
    if (dedup->exit_code != 0) {
      return Fail(absl::InternalError(absl::StrCat(
          "`neardup dedup` failed (exit code ", dedup->exit_code,
          "; its message is above): ", absl::StrJoin(dedup_args, " "))));
    }
    absl::StatusOr<DedupRunStats> stats = LoadDedupStats(stats_path);
    if (!stats.ok()) return Fail(stats.status());
    absl::StatusOr<std::string> digest = FileDigest(clusters_path, nullptr);
    if (!digest.ok()) return Fail(digest.status());
    if (run > 0 && *digest != clusters_digest) deterministic = false;
    clusters_digest = *digest;
    runs.push_back(dedup->seconds);
    peak_rss = std::max(peak_rss, dedup->peak_rss_bytes);
    if (!best || dedup->seconds < best_seconds) {
      best = *std::move(stats);
      best_seconds = dedup->seconds;
    }
  }
  const double wc_seconds = *std::min_element(wc_runs.begin(), wc_runs.end());
  const DedupRunStats& s = *best;

  // 4. Accuracy.
  std::string accuracy_json = "null";
  std::optional<ClusterScores> scores;
  if (!truth_path.empty()) {
    absl::StatusOr<GroundTruth> truth = LoadGroundTruth(truth_path);
    if (!truth.ok()) return Fail(truth.status());
    ClusterScorer scorer(&*truth);
    if (absl::Status st = AddClustersFromFile(clusters_path, &scorer);
        !st.ok()) {
      return Fail(st);
    }
    absl::StatusOr<ClusterScores> scored = scorer.Finish();
    if (!scored.ok()) return Fail(scored.status());
    scores = *scored;
    accuracy_json = ClusterScoresJson(*scores);
  }
  const std::string loadavg_after = LoadAverage();

  // The result.
  const double pipeline_seconds = s.total_seconds - s.write_seconds;
  const double other_seconds = std::max(0.0, best_seconds - s.total_seconds);
  const double speed_vs_wc = PerSecond(wc_seconds, best_seconds);
  std::string json = "{\n";
  absl::StrAppendFormat(&json, "  \"neardup_version\": %s,\n",
                        JsonString(NEARDUP_VERSION));
  absl::StrAppendFormat(&json, "  \"command\": %s,\n",
                        JsonString(command_line));
  absl::StrAppendFormat(
      &json,
      "  \"machine\": {\"cpu\": %s, \"hardware_threads\": %d, "
      "\"loadavg_before\": %s, \"loadavg_after\": %s},\n",
      JsonString(CpuModel()), std::thread::hardware_concurrency(),
      loadavg_before, loadavg_after);
  absl::StrAppendFormat(
      &json,
      "  \"corpus\": {%s, \"kept\": %s, \"docs\": %d, \"bytes\": %d, "
      "\"text_bytes\": %d, \"avg_doc_bytes\": %.1f, \"xxh3\": \"%s\"},\n",
      corpus_json, flags.keep ? "true" : "false", s.documents, corpus_bytes,
      s.text_bytes, PerSecond(corpus_bytes, s.documents), *corpus_digest);
  absl::StrAppendFormat(
      &json,
      "  \"options\": {\"engine_flags\": %s, \"threads\": %d, \"lsh_bands\": "
      "%d, \"lsh_rows\": %d,\n    \"dedup\": %s},\n",
      JsonStrings(flags.engine_flags), s.threads, s.lsh_bands, s.lsh_rows,
      s.options);
  absl::StrAppendFormat(
      &json,
      "  \"wc\": {\"command\": %s, \"words\": %d, \"runs_seconds\": %s, "
      "\"seconds\": %.4f, \"mb_per_s\": %.1f, \"docs_per_s\": %.0f},\n",
      JsonString(absl::StrCat("LC_ALL=C.UTF-8 wc -w ", corpus_path)), wc_words,
      JsonSeconds(wc_runs), wc_seconds, PerSecond(mb, wc_seconds),
      PerSecond(s.documents, wc_seconds));
  absl::StrAppendFormat(
      &json,
      "  \"neardup\": {\"command\": %s,\n"
      "    \"runs_seconds\": %s, \"seconds\": %.4f, "
      "\"mb_per_s\": %.1f, \"docs_per_s\": %.0f, \"text_mb_per_s\": %.1f,\n"
      "    \"stages_seconds\": {\"boilerplate\": %.4f, \"read_sign_index\": "
      "%.4f, \"candidates\": %.4f, \"verify\": %.4f, \"cluster\": %.4f, "
      "\"pipeline_total\": %.4f, "
      "\"write_output\": %.4f, \"process_other\": %.4f},\n"
      "    \"peak_rss_bytes\": %d, \"rss_bytes_per_doc\": %.1f, "
      "\"bench_rss_bytes\": %d,\n"
      "    \"counts\": {\"documents\": %d, \"empty\": %d, "
      "\"exact_duplicates\": %d, \"clusters\": %d, \"in_clusters\": %d, "
      "\"singletons\": %d, \"lsh_candidate_pairs\": %d, "
      "\"candidate_pairs\": %d, \"verified_pairs\": %d, "
      "\"truncated_bucket_scans\": %d, \"invalid_utf8\": %d},\n"
      "    \"clusters_xxh3\": \"%s\", \"deterministic\": %s},\n",
      JsonString(absl::StrJoin(dedup_args, " ")), JsonSeconds(runs),
      best_seconds, PerSecond(mb, best_seconds),
      PerSecond(s.documents, best_seconds),
      PerSecond(s.text_bytes / 1e6, pipeline_seconds), s.boilerplate_seconds,
      s.read_sign_index_seconds, s.candidates_seconds, s.verify_seconds,
      s.cluster_seconds, pipeline_seconds, s.write_seconds, other_seconds,
      peak_rss, PerSecond(peak_rss, s.documents), rss_floor, s.documents,
      s.empty, s.exact_duplicates, s.clusters, s.in_clusters, s.singletons,
      s.lsh_pairs, s.candidate_pairs, s.verified_pairs,
      s.truncated_bucket_scans, s.invalid_utf8, clusters_digest,
      deterministic ? "true" : "false");
  absl::StrAppendFormat(&json, "  \"speed_vs_wc\": %.3f,\n", speed_vs_wc);
  absl::StrAppendFormat(&json, "  \"accuracy\": %s\n}\n", accuracy_json);

  absl::StatusOr<std::unique_ptr<OutputFile>> out =
      OutputFile::Open(flags.output);
  if (!out.ok()) return Fail(out.status());
  (*out)->Write(json);
  if (absl::Status st = (*out)->Commit(); !st.ok()) return Fail(st);

  // The table.
  std::string table = absl::StrFormat(
      "neardup bench: %d docs, %.1f MB (%.0f B/doc), %d threads, b=%d r=%d; "
      "load %s -> %s\n",
      s.documents, mb, PerSecond(corpus_bytes, s.documents), s.threads,
      s.lsh_bands, s.lsh_rows, loadavg_before, loadavg_after);
  if (!flags.engine_flags.empty()) {
    absl::StrAppend(&table,
                    "  dedup options: ", absl::StrJoin(flags.engine_flags, " "),
                    "\n");
  }
  table += absl::StrFormat("  %-28s %9s %9s %11s\n", "", "seconds", "MB/s",
                           "docs/s");
  table += absl::StrFormat(
      "  %-28s %9.3f %9.1f %11.0f\n", "wc -w (LC_ALL=C.UTF-8)", wc_seconds,
      PerSecond(mb, wc_seconds), PerSecond(s.documents, wc_seconds));
  table += absl::StrFormat("  %-28s %9.3f %9.1f %11.0f   %.2fx wc -w\n",
                           "neardup dedup (wall)", best_seconds,
                           PerSecond(mb, best_seconds),
                           PerSecond(s.documents, best_seconds), speed_vs_wc);
  auto stage = [&](const char* name, double seconds) {
    table += absl::StrFormat("    %-26s %9.3f %8.0f%%\n", name, seconds,
                             100 * PerSecond(seconds, best_seconds));
  };
  stage("boilerplate", s.boilerplate_seconds);
  stage("read+sign", s.read_sign_index_seconds);
  stage("candidates (LSH)", s.candidates_seconds);
  stage("verify", s.verify_seconds);
  stage("cluster", s.cluster_seconds);
  stage("write output", s.write_seconds);
  stage("other (start, exit)", other_seconds);
  table += absl::StrFormat(
      "  peak RSS %.1f MB%s (%.0f bytes/doc); %d LSH candidate pairs, %d "
      "after the bound, %d verified, %d clusters\n",
      peak_rss / 1e6, peak_rss > rss_floor ? "" : " or less (bench's own)",
      PerSecond(peak_rss, s.documents), s.lsh_pairs, s.candidate_pairs,
      s.verified_pairs, s.clusters);
  if (scores) {
    table += absl::StrFormat(
        "  accuracy: pair precision %.4f, recall %.4f, F1 %.4f, ARI %.4f; "
        "templates wrongly clustered %d/%d\n  recall by edit:",
        scores->pair_precision, scores->pair_recall, scores->pair_f1,
        scores->ari, scores->templates_wrongly_clustered.hits,
        scores->templates_wrongly_clustered.total);
    for (const auto& [edit, rate] : scores->recall_by_edit) {
      table += absl::StrFormat(" %s %.4f (%d/%d)", edit, rate.value(),
                               rate.hits, rate.total);
    }
    table += "\n";
  } else {
    table += "  accuracy: no truth.jsonl, not scored\n";
  }
  table += absl::StrFormat("  corpus xxh3 %s, clusters xxh3 %s%s\n",
                           *corpus_digest, clusters_digest,
                           deterministic ? "" : " (NOT the same in every run)");
  if (flags.keep) table += absl::StrCat("  kept ", temp->path(), "\n");
  std::fputs(table.c_str(), stdout);
  std::fflush(stdout);
  return deterministic ? 0 : 1;
}

// Positional words in the pass-through list are only allowed as the value of
// the option before them ("--mode classic"); a stray one would become a
// second dedup input.
std::optional<std::string> StrayArgument(const std::vector<std::string>& v) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].starts_with('-') && v[i] != "-") continue;
    const bool after_option =
        i > 0 && v[i - 1].starts_with('-') &&
        v[i - 1].find('=') == std::string::npos &&
        (v[i - 1].starts_with("--") || v[i - 1].size() == 2);
    if (!after_option) return v[i];
  }
  return std::nullopt;
}

int RunBench(int argc, char** argv) {
  BenchFlags flags;
  po::options_description visible("Options (all others go to `neardup dedup`)");
  visible.add_options()("help,h", "show this help")(
      "docs", po::value(&flags.docs)->default_value("100000"),
      "synthetic documents to generate")(
      "base", po::value(&flags.base),
      "JSONL base text for synth --remix (default: "
      "../shared/datasets/reuters21578/corpus.jsonl if present, else "
      "built-in text)")(
      "corpus", po::value(&flags.corpus_dir),
      "use DIR/corpus.jsonl (and DIR/truth.jsonl if present) instead of "
      "generating a corpus")("seed", po::value(&flags.seed)->default_value(0),
                             "synth seed")(
      "repeat", po::value(&flags.repeat)->default_value(1),
      "dedup runs; the fastest is reported")(
      "keep", po::bool_switch(&flags.keep),
      "keep the temporary directory (corpus, clusters, dedup stats)")(
      "work-dir", po::value(&flags.work_dir),
      "where to create the temporary directory (default: $TMPDIR or /tmp)")(
      "output,o", po::value(&flags.output), "result JSON file (required)");
  try {
    // No abbreviations: a prefix of one of bench's options must not swallow
    // a dedup option.
    const po::parsed_options parsed =
        po::command_line_parser(argc, argv)
            .options(visible)
            .style(po::command_line_style::default_style &
                   ~po::command_line_style::allow_guessing)
            .allow_unregistered()
            .run();
    po::variables_map vm;
    po::store(parsed, vm);
    if (vm.count("help")) {
      std::cout << kUsage << "\n\n" << visible << "\n" << kExamples;
      return 0;
    }
    po::notify(vm);
    flags.engine_flags =
        po::collect_unrecognized(parsed.options, po::include_positional);
  } catch (const po::error& e) {
    std::cerr << "neardup bench: " << e.what() << "\n"
              << "Try 'neardup bench --help'.\n";
    return 2;
  }
  if (std::optional<std::string> stray = StrayArgument(flags.engine_flags)) {
    std::cerr << "neardup bench: unexpected argument '" << *stray
              << "' (the corpus is --corpus DIR)\n"
              << "Try 'neardup bench --help'.\n";
    return 2;
  }
  if (flags.output.empty()) {
    std::cerr << "neardup bench: -o RESULT.json is required\n"
              << "Try 'neardup bench --help'.\n";
    return 2;
  }
  std::string command_line = "neardup";
  for (int i = 0; i < argc; ++i) absl::StrAppend(&command_line, " ", argv[i]);
  return RunBenchParent(flags, command_line);
}

const CommandRegistration kBenchCommand{
    "bench", 90,
    "end-to-end benchmark: synth corpus, wc -w baseline, dedup, accuracy",
    &RunBench};

}  // namespace
}  // namespace neardup::tools

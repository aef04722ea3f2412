// `neardup bench`: end-to-end benchmark of the dedup pipeline against
// `wc -w` on the same corpus, with accuracy checked against ground truth so
// that speed is never bought with misses.
//
// Steps:
//   1. corpus: `synth --remix` of --docs documents from a base (default
//      ../shared/datasets/reuters21578/corpus.jsonl when present, else the
//      built-in text) written to a temporary directory, or --corpus DIR
//      (DIR/corpus.jsonl, and DIR/truth.jsonl when present);
//   2. one read of the whole file (its XXH3-64 digest, which also puts it in
//      the page cache);
//   3. `wc -w` (a subprocess with LC_ALL=C.UTF-8) and the pipeline (a
//      subprocess of this same binary, `neardup bench --internal-child
//      ...`, which calls neardup::RunDedup in-process and writes the
//      clusters as `dedup` does), interleaved so that both see the same
//      machine load: max(2, --repeat) wc runs, --repeat pipeline runs, the
//      best wall time of each kept. A fresh process gives an honest peak
//      RSS (its own VmHWM from /proc/self/status; wait4's ru_maxrss would
//      also count this parent's memory, shared before exec by
//      posix_spawn's vfork) and per-stage seconds (DedupStats);
//   4. evaluation of the clusters against truth.jsonl (pairwise precision,
//      recall, F1, ARI, recall per edit kind, templates wrongly clustered).
// Writes a JSON result (-o) and prints a table. Same arguments, same corpus
// (its digest is reported), same clusters (digest too), same accuracy.
// MB are 10^6 bytes of corpus.jsonl, the file both programs read.
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
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
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_command.h"
#include "neardup/eval.h"
#include "neardup/json.h"
#include "neardup/pipeline.h"
#include "neardup/status_macros.h"
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
    "Usage: neardup bench [--docs N] [--base FILE] [--corpus DIR]\n"
    "                     [--threads T] [--repeat R] [--keep] -o RESULT.json\n"
    "\n"
    "End-to-end benchmark: builds a corpus with `synth --remix` (or takes\n"
    "--corpus DIR), reads it once (page cache), then runs `wc -w` on it\n"
    "(LC_ALL=C.UTF-8; best of max(2, --repeat)) and the dedup pipeline in a\n"
    "fresh process (best of --repeat), interleaved, and scores the clusters\n"
    "against the synth truth. Reports seconds per stage, MB/s, docs/s, peak\n"
    "RSS, the speed relative to wc -w and the accuracy; writes RESULT.json\n"
    "and prints a table. MB = 10^6 bytes of corpus.jsonl.";

constexpr char kExamples[] =
    "Examples:\n"
    "  neardup bench --docs 200000 --threads 2 -o bench.json\n"
    "  neardup bench --docs 2000 -o /tmp/smoke.json\n"
    "  neardup bench --corpus /data/synth1m --repeat 3 -o big.json\n";

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
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
// Options

struct BenchFlags {
  std::string docs = "100000";
  std::string base;        ///< "" = default
  std::string corpus_dir;  ///< "" = synthesise
  uint64_t seed = 0;
  int threads = 0;
  int repeat = 1;
  bool keep = false;
  std::string work_dir;
  std::string output;
  // Engine options, as in `neardup dedup`.
  double threshold = 0;  // 0: the mode's
  std::string shingle;  // empty: the mode's
  int num_perm = 128;
  std::string algorithm = "oph";
  std::string cluster = "star";
  // Internal: the child process that runs the pipeline.
  bool child = false;
  std::string child_corpus, child_clusters, child_stats;
};

void AddEngineFlags(po::options_description* d, BenchFlags* f) {
  d->add_options()("threads,j", po::value(&f->threads)->default_value(0),
                   "pipeline worker threads (0: all cores)")(
      "threshold,t", po::value(&f->threshold)->default_value(0, "mode's"),
      "Jaccard threshold, as in dedup (0: the default mode's)")(
      "shingle", po::value(&f->shingle)->default_value("", "mode's"),
      "word:N or char:N, as in dedup (empty: the default mode's)")(
      "num-perm,k", po::value(&f->num_perm)->default_value(128),
      "MinHash signature length, as in dedup")(
      "algorithm", po::value(&f->algorithm)->default_value("oph"),
      "oph or classic, as in dedup")(
      "cluster", po::value(&f->cluster)->default_value("star"),
      "star or union-find, as in dedup");
}

absl::StatusOr<DedupOptions> ToOptions(const BenchFlags& f) {
  // The default mode (syndicated), as `dedup` runs it; flags override.
  DedupOptions options = DedupOptions::ForMode(Mode::kSyndicated);
  if (f.threshold > 0) options.match.threshold = f.threshold;
  if (!f.shingle.empty()) {
    NEARDUP_ASSIGN_OR_RETURN(options.shingle,
                             ShingleOptions::Parse(f.shingle));
  }
  options.sketch.num_perm = f.num_perm;
  NEARDUP_ASSIGN_OR_RETURN(options.sketch.algorithm,
                           ParseSketchAlgorithm(f.algorithm));
  NEARDUP_ASSIGN_OR_RETURN(options.cluster.method,
                           ParseClusterMethod(f.cluster));
  options.threads = f.threads;
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  return options;
}

int EffectiveThreads(int threads) {
  return threads > 0 ? threads
                     : static_cast<int>(
                           std::max(1u, std::thread::hardware_concurrency()));
}

// --------------------------------------------------------------------------
// Small system helpers

// A "Key:   123 kB" line of /proc/self/status, in bytes (0 if unavailable).
uint64_t ProcStatusBytes(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':') {
      uint64_t kb = 0;
      std::string digits;
      for (char c : line.substr(n + 1)) {
        if (c >= '0' && c <= '9') digits += c;
      }
      if (absl::SimpleAtoi(digits, &kb)) return kb * 1024;
    }
  }
  return 0;
}

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

struct ProcessResult {
  int exit_code = -1;  ///< -1: killed by a signal
  double seconds = 0;  ///< wall time from spawn to exit
  std::string out;     ///< standard output when captured
};

// Runs `args` (args[0] looked up in PATH) with environment `env`, standard
// output captured (or sent to /dev/null), standard error inherited.
absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& args,
                                         const std::vector<std::string>& env,
                                         bool capture) {
  std::vector<char*> argv, envp;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

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
  const int err =
      posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
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
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return absl::InternalError(
          absl::StrCat("waitpid: ", std::strerror(errno)));
    }
  }
  result.seconds = SecondsSince(start);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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

std::vector<std::string> CurrentEnvironment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
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

// --------------------------------------------------------------------------
// The child: runs the pipeline, writes clusters and stats.

int RunChild(const BenchFlags& flags) {
  absl::StatusOr<DedupOptions> options = ToOptions(flags);
  if (!options.ok()) {
    std::cerr << "neardup bench (child): " << options.status().message()
              << "\n";
    return 2;
  }
  absl::StatusOr<DedupResult> result = RunDedup({flags.child_corpus}, *options);
  if (!result.ok()) {
    std::cerr << "neardup bench (child): " << result.status().message() << "\n";
    return 1;
  }
  // Write the clusters as `neardup dedup` does.
  const Clock::time_point write_start = Clock::now();
  absl::StatusOr<std::unique_ptr<OutputFile>> out =
      OutputFile::Open(flags.child_clusters);
  absl::Status status = out.status();
  if (status.ok()) {
    std::string line;
    for (size_t k = 0; k < result->clusters.size(); ++k) {
      line.clear();
      AppendCluster(k, result->clusters[k], result->docs, &line);
      (*out)->Write(line);
    }
    status = (*out)->Commit();
  }
  if (!status.ok()) {
    std::cerr << "neardup bench (child): " << status.message() << "\n";
    return 1;
  }
  const double write_seconds = SecondsSince(write_start);
  const DedupStats& s = result->stats;
  std::string json = absl::StrFormat(
      "{\"documents\": %d, \"text_bytes\": %d, \"empty\": %d, "
      "\"exact_duplicates\": %d, \"in_clusters\": %d, \"singletons\": %d, "
      "\"clusters\": %d, \"candidate_pairs\": %d, \"verified_pairs\": %d, "
      "\"truncated_bucket_scans\": %d, \"invalid_utf8\": %d, "
      "\"lsh_bands\": %d, \"lsh_rows\": %d, \"threads\": %d, "
      "\"read_sign_index_seconds\": %.6f, \"verify_seconds\": %.6f, "
      "\"cluster_seconds\": %.6f, \"pipeline_seconds\": %.6f, "
      "\"write_seconds\": %.6f, \"vmhwm_bytes\": %d}\n",
      s.documents, s.text_bytes, s.empty, s.exact_duplicates, s.in_clusters,
      s.singletons, s.clusters, s.candidate_pairs, s.verified_pairs,
      s.truncated_bucket_scans, s.invalid_utf8, s.lsh.bands, s.lsh.rows,
      EffectiveThreads(flags.threads), s.seconds.read_sign_index,
      s.seconds.verify, s.seconds.cluster, s.seconds.total, write_seconds,
      ProcStatusBytes("VmHWM"));
  std::ofstream stats(flags.child_stats, std::ios::binary | std::ios::trunc);
  stats << json;
  stats.close();
  if (!stats) {
    std::cerr << "neardup bench (child): cannot write " << flags.child_stats
              << "\n";
    return 1;
  }
  return 0;
}

// --------------------------------------------------------------------------
// The parent

struct ChildStats {
  uint64_t documents = 0, text_bytes = 0, empty = 0, exact_duplicates = 0,
           in_clusters = 0, singletons = 0, clusters = 0, candidate_pairs = 0,
           verified_pairs = 0, truncated_bucket_scans = 0, invalid_utf8 = 0,
           lsh_bands = 0, lsh_rows = 0, threads = 0, vmhwm_bytes = 0;
  double read_sign_index_seconds = 0, verify_seconds = 0, cluster_seconds = 0,
         pipeline_seconds = 0, write_seconds = 0;
};

absl::StatusOr<ChildStats> LoadChildStats(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line)) {
    return absl::DataLossError(absl::StrCat(path, ": no stats written"));
  }
  ChildStats s;
  struct IntField {
    const char* name;
    uint64_t* value;
  } ints[] = {{"documents", &s.documents},
              {"text_bytes", &s.text_bytes},
              {"empty", &s.empty},
              {"exact_duplicates", &s.exact_duplicates},
              {"in_clusters", &s.in_clusters},
              {"singletons", &s.singletons},
              {"clusters", &s.clusters},
              {"candidate_pairs", &s.candidate_pairs},
              {"verified_pairs", &s.verified_pairs},
              {"truncated_bucket_scans", &s.truncated_bucket_scans},
              {"invalid_utf8", &s.invalid_utf8},
              {"lsh_bands", &s.lsh_bands},
              {"lsh_rows", &s.lsh_rows},
              {"threads", &s.threads},
              {"vmhwm_bytes", &s.vmhwm_bytes}};
  struct DoubleField {
    const char* name;
    double* value;
  } doubles[] = {{"read_sign_index_seconds", &s.read_sign_index_seconds},
                 {"verify_seconds", &s.verify_seconds},
                 {"cluster_seconds", &s.cluster_seconds},
                 {"pipeline_seconds", &s.pipeline_seconds},
                 {"write_seconds", &s.write_seconds}};
  constexpr size_t kInts = sizeof(ints) / sizeof(ints[0]);
  constexpr size_t kDoubles = sizeof(doubles) / sizeof(doubles[0]);
  std::vector<std::string> text(kInts + kDoubles);
  std::vector<JsonField> fields;
  for (size_t i = 0; i < kInts; ++i) fields.push_back({ints[i].name, &text[i]});
  for (size_t i = 0; i < kDoubles; ++i) {
    fields.push_back({doubles[i].name, &text[kInts + i]});
  }
  NEARDUP_RETURN_IF_ERROR(ScanJsonObject(line, fields));
  for (size_t i = 0; i < kInts; ++i) {
    if (fields[i].type != JsonType::kNumber ||
        !absl::SimpleAtoi(text[i], ints[i].value)) {
      return absl::DataLossError(
          absl::StrCat(path, ": bad field ", ints[i].name));
    }
  }
  for (size_t i = 0; i < kDoubles; ++i) {
    if (fields[kInts + i].type != JsonType::kNumber ||
        !absl::SimpleAtod(text[kInts + i], doubles[i].value)) {
      return absl::DataLossError(
          absl::StrCat(path, ": bad field ", doubles[i].name));
    }
  }
  return s;
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
  void Keep() { keep_ = true; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
  bool keep_ = false;
};

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::string JsonSeconds(const std::vector<double>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    absl::StrAppendFormat(&out, "%s%.4f", i ? ", " : "", v[i]);
  }
  return out + "]";
}

double PerSecond(double amount, double seconds) {
  return seconds > 0 ? amount / seconds : 0;
}

int Fail(const absl::Status& status) {
  std::cerr << "neardup bench: " << status.message() << "\n";
  return 1;
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
  if (absl::StatusOr<DedupOptions> o = ToOptions(flags); !o.ok()) {
    std::cerr << "neardup bench: " << o.status().message() << "\n";
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
    synth.output_dir = (fs::path(temp->path()) / "corpus").string();
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
  // 3. wc -w and the pipeline (in a fresh process), interleaved so that both
  // see the same machine load: max(2, --repeat) rounds of wc, --repeat of
  // the pipeline; the best time of each is kept.
  const std::string clusters_path =
      (fs::path(temp->path()) / "clusters.jsonl").string();
  const std::string stats_path =
      (fs::path(temp->path()) / "stats.json").string();
  std::vector<std::string> child_args = {
      SelfExe(),
      "bench",
      "--internal-child",
      "--internal-corpus",
      corpus_path,
      "--internal-clusters",
      clusters_path,
      "--internal-stats",
      stats_path,
      "--threads",
      std::to_string(flags.threads),
      "--threshold",
      absl::StrFormat("%.17g", flags.threshold),
      "--shingle",
      flags.shingle,
      "--num-perm",
      std::to_string(flags.num_perm),
      "--algorithm",
      flags.algorithm,
      "--cluster",
      flags.cluster};
  std::vector<double> wc_runs;
  uint64_t wc_words = 0;
  std::vector<double> runs;
  std::optional<ChildStats> best;
  double best_seconds = 0;
  uint64_t peak_rss = 0;
  std::string clusters_digest;
  bool deterministic = true;
  for (int run = 0; run < std::max(2, flags.repeat); ++run) {
    {
      absl::StatusOr<ProcessResult> wc =
          RunProcess({"wc", "-w", corpus_path}, Utf8LocaleEnvironment(), true);
      if (!wc.ok()) return Fail(wc.status());
      if (wc->exit_code != 0) {
        return Fail(absl::InternalError(
            absl::StrCat("wc -w exited with code ", wc->exit_code)));
      }
      const std::string words = wc->out.substr(0, wc->out.find(' '));
      if (!absl::SimpleAtoi(words, &wc_words)) {
        return Fail(absl::InternalError(
            absl::StrCat("unexpected wc output: ", wc->out)));
      }
      wc_runs.push_back(wc->seconds);
    }
    if (run >= flags.repeat) continue;
    std::cerr << "neardup bench: dedup run " << run + 1 << "/" << flags.repeat
              << "\n";
    absl::StatusOr<ProcessResult> child =
        RunProcess(child_args, CurrentEnvironment(), false);
    if (!child.ok()) return Fail(child.status());
    if (child->exit_code != 0) {
      return Fail(absl::InternalError(absl::StrCat(
          "the pipeline process failed (exit code ", child->exit_code, ")")));
    }
    absl::StatusOr<ChildStats> stats = LoadChildStats(stats_path);
    if (!stats.ok()) return Fail(stats.status());
    absl::StatusOr<std::string> digest = FileDigest(clusters_path, nullptr);
    if (!digest.ok()) return Fail(digest.status());
    if (run > 0 && *digest != clusters_digest) deterministic = false;
    clusters_digest = *digest;
    runs.push_back(child->seconds);
    peak_rss = std::max(peak_rss, stats->vmhwm_bytes);
    if (!best || child->seconds < best_seconds) {
      best = *stats;
      best_seconds = child->seconds;
    }
  }
  const double wc_seconds = *std::min_element(wc_runs.begin(), wc_runs.end());

  const ChildStats& s = *best;

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
  const double other_seconds =
      std::max(0.0, best_seconds - s.pipeline_seconds - s.write_seconds);
  const double speed_vs_wc = best_seconds > 0 ? wc_seconds / best_seconds : 0;
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
      "  \"options\": {\"threshold\": %g, \"shingle\": %s, \"num_perm\": %d, "
      "\"algorithm\": %s, \"cluster\": %s, \"threads\": %d, \"lsh_bands\": "
      "%d, \"lsh_rows\": %d},\n",
      flags.threshold, JsonString(flags.shingle), flags.num_perm,
      JsonString(flags.algorithm), JsonString(flags.cluster), s.threads,
      s.lsh_bands, s.lsh_rows);
  absl::StrAppendFormat(
      &json,
      "  \"wc\": {\"command\": %s, \"words\": %d, \"runs_seconds\": %s, "
      "\"seconds\": %.4f, \"mb_per_s\": %.1f, \"docs_per_s\": %.0f},\n",
      JsonString(absl::StrCat("LC_ALL=C.UTF-8 wc -w ", corpus_path)), wc_words,
      JsonSeconds(wc_runs), wc_seconds, PerSecond(mb, wc_seconds),
      PerSecond(s.documents, wc_seconds));
  absl::StrAppendFormat(
      &json,
      "  \"neardup\": {\"runs_seconds\": %s, \"seconds\": %.4f, "
      "\"mb_per_s\": %.1f, \"docs_per_s\": %.0f, \"text_mb_per_s\": %.1f,\n"
      "    \"stages_seconds\": {\"read_sign_index\": %.4f, \"verify\": %.4f, "
      "\"cluster\": %.4f, \"pipeline_total\": %.4f, \"write_output\": %.4f, "
      "\"process_other\": %.4f},\n"
      "    \"peak_rss_bytes\": %d, \"rss_bytes_per_doc\": %.1f,\n"
      "    \"counts\": {\"documents\": %d, \"empty\": %d, "
      "\"exact_duplicates\": %d, \"clusters\": %d, \"in_clusters\": %d, "
      "\"singletons\": %d, \"candidate_pairs\": %d, \"verified_pairs\": %d, "
      "\"truncated_bucket_scans\": %d, \"invalid_utf8\": %d},\n"
      "    \"clusters_xxh3\": \"%s\", \"deterministic\": %s},\n",
      JsonSeconds(runs), best_seconds, PerSecond(mb, best_seconds),
      PerSecond(s.documents, best_seconds),
      PerSecond(s.text_bytes / 1e6, s.pipeline_seconds),
      s.read_sign_index_seconds, s.verify_seconds, s.cluster_seconds,
      s.pipeline_seconds, s.write_seconds, other_seconds, peak_rss,
      PerSecond(peak_rss, s.documents), s.documents, s.empty,
      s.exact_duplicates, s.clusters, s.in_clusters, s.singletons,
      s.candidate_pairs, s.verified_pairs, s.truncated_bucket_scans,
      s.invalid_utf8, clusters_digest, deterministic ? "true" : "false");
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
  table += absl::StrFormat("  %-28s %9s %9s %11s\n", "", "seconds", "MB/s",
                           "docs/s");
  table += absl::StrFormat(
      "  %-28s %9.3f %9.1f %11.0f\n", "wc -w (LC_ALL=C.UTF-8)", wc_seconds,
      PerSecond(mb, wc_seconds), PerSecond(s.documents, wc_seconds));
  table += absl::StrFormat("  %-28s %9.3f %9.1f %11.0f   %.2fx wc -w\n",
                           "neardup (process wall)", best_seconds,
                           PerSecond(mb, best_seconds),
                           PerSecond(s.documents, best_seconds), speed_vs_wc);
  auto stage = [&](const char* name, double seconds) {
    table +=
        absl::StrFormat("    %-26s %9.3f %8.0f%%\n", name, seconds,
                        best_seconds > 0 ? 100 * seconds / best_seconds : 0);
  };
  stage("read+sign+index", s.read_sign_index_seconds);
  stage("verify", s.verify_seconds);
  stage("cluster", s.cluster_seconds);
  stage("write output", s.write_seconds);
  stage("other (start, exit)", other_seconds);
  table += absl::StrFormat(
      "  peak RSS %.1f MB (%.0f bytes/doc); %d candidate pairs, %d verified, "
      "%d clusters\n",
      peak_rss / 1e6, PerSecond(peak_rss, s.documents), s.candidate_pairs,
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

int RunBench(int argc, char** argv) {
  BenchFlags flags;
  po::options_description visible("Options");
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
      "pipeline runs; the fastest is reported")(
      "keep", po::bool_switch(&flags.keep),
      "keep the temporary directory (corpus, clusters)")(
      "work-dir", po::value(&flags.work_dir),
      "where to create the temporary directory (default: $TMPDIR or /tmp)")(
      "output,o", po::value(&flags.output), "result JSON file (required)");
  AddEngineFlags(&visible, &flags);
  po::options_description hidden;
  hidden.add_options()("internal-child", po::bool_switch(&flags.child))(
      "internal-corpus", po::value(&flags.child_corpus))(
      "internal-clusters", po::value(&flags.child_clusters))(
      "internal-stats", po::value(&flags.child_stats));
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).run(), vm);
    if (vm.count("help")) {
      std::cout << kUsage << "\n\n" << visible << "\n" << kExamples;
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "neardup bench: " << e.what() << "\n"
              << "Try 'neardup bench --help'.\n";
    return 2;
  }
  if (flags.child) return RunChild(flags);
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

// What the commands that run the engine (dedup, pairs) share: their options,
// the conversion into neardup::DedupOptions, progress, the accounting
// summary, the --stats JSON, and the parse -> run -> write -> commit flow.
//
// Accounting (summary on stderr and --stats): every record read is exactly
// one of skipped (bad record with --on-error skip, by reason), empty (no
// token), in a cluster, or a singleton:
//   read = skipped + empty + in_clusters + singletons.
//
// Outputs (-o, --keep-out, --stats) are written under temporary names and
// renamed together at the very end, so a failed run (bad input, truncated
// gzip/zstd, full disk) leaves none of them behind.
#ifndef NEARDUP_TOOLS_ENGINE_COMMAND_H_
#define NEARDUP_TOOLS_ENGINE_COMMAND_H_

#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/deduper.h"
#include "neardup/pipeline.h"
#include "output_file.h"

namespace neardup::tools {

/// Raw values as parsed from the command line.
struct EngineFlags {
  std::vector<std::string> inputs;
  std::string output;  ///< "" or "-": stdout
  std::string id_field = "id";
  std::string text_field = "text";
  std::string format = "auto";       ///< auto | jsonl | txt
  std::vector<std::string> include;  ///< empty: CorpusOptions' default
  std::vector<std::string> exclude;
  std::string on_error = "fail";  ///< fail | skip
  std::string mode = "syndicated";
  // Unset: the mode's default.
  std::optional<double> threshold;
  std::optional<double> containment_threshold;
  std::optional<double> reworded_threshold;
  std::optional<double> candidate_threshold;
  std::optional<uint32_t> min_shared;
  std::optional<double> reworded_min_jaccard;
  std::optional<std::string> shingle;
  std::optional<bool> cross_lines;
  std::optional<bool> boilerplate;
  std::optional<uint32_t> boilerplate_min_documents;
  std::optional<double> boilerplate_fraction;
  int num_perm = 128;
  int bands = 0;
  int rows = 0;
  std::string algorithm = "oph";
  std::string cluster = "star";
  int threads = 0;
  uint64_t seed = 1;
  bool quiet = false;
  double progress_interval = 0.5;  ///< seconds between progress lines
  std::string keep_out;  ///< dedup only: "" none, "-" stdout, else a file
  std::string stats;     ///< "" none, "-" stdout, else a file
};

/// Adds the engine options to `description`, bound to `flags`; --keep-out
/// only if `keep_out_option`.
void AddEngineOptions(boost::program_options::options_description* description,
                      EngineFlags* flags, bool keep_out_option = false);

/// Validated DedupOptions from the flags (InvalidArgument on bad values).
absl::StatusOr<DedupOptions> ToDedupOptions(const EngineFlags& flags);

/// Validated options of a streaming Deduper built like the batch engine
/// `batch` (from ToDedupOptions), keeping shingle sets when `keep_sets` and
/// b-bit signatures of `signature_bits`.
absl::StatusOr<DeduperOptions> ToDeduperOptions(const DedupOptions& batch,
                                                bool keep_sets,
                                                int signature_bits);

/// Parses argv for a command taking INPUT... plus `description`. Returns
/// nullopt to go on, or the exit code to return now (0 after --help, 2 on a
/// usage error, with the message printed). `usage` and `examples` are
/// printed by --help.
std::optional<int> ParseCommandLine(
    int argc, char** argv,
    const boost::program_options::options_description& description,
    std::vector<std::string>* inputs, const char* usage, const char* examples);

/// Installs a progress printer on `options` when stderr is a terminal and
/// `quiet` is false: one line, rewritten in place, with documents, MB, MB/s
/// and an ETA when the input size is known.
void InstallProgress(bool quiet, DedupOptions* options);

/// Everything the summary and the --stats JSON report about one run.
struct RunReport {
  std::string command;  ///< "dedup", "pairs"
  const EngineFlags* flags = nullptr;
  const DedupOptions* options = nullptr;  ///< as run (threads resolved)
  const DedupStats* stats = nullptr;
  std::optional<uint64_t> kept;  ///< documents written by --keep-out
  uint64_t output_records = 0;   ///< lines written to the main output
  double write_seconds = 0;      ///< writing and committing the outputs
  /// Pipeline seconds plus write_seconds.
  double total_seconds() const;
  /// Records read: accepted + skipped.
  uint64_t read() const;
};

/// The end-of-run accounting summary (several lines) printed on stderr.
std::string FormatSummary(const RunReport& report);

/// The --stats JSON object (one line, ending in '\n').
std::string FormatStatsJson(const RunReport& report);

/// A command that runs the pipeline and writes its result.
struct EngineCommand {
  const char* usage;
  const char* examples;
  bool collect_pairs = false;
  bool keep_out_option = false;  ///< offers --keep-out (dedup)
  /// Writes the result to `out` (called once, after a successful run);
  /// returns the number of records (lines) written.
  std::function<uint64_t(const DedupResult& result, OutputFile& out)> write;
};

/// Appends cluster `number` as one line of the `dedup` output contract
/// (ending in '\n'): size, representative, members with similarities to it.
void AppendCluster(size_t number, const Cluster& cluster,
                   const std::vector<DocumentRecord>& docs, std::string* line);

/// Appends `values` as a JSON array of strings.
void AppendStringArray(std::string* out,
                       const std::vector<std::string>& values);

/// Parses engine options, runs the pipeline, writes and commits the outputs,
/// prints the summary. Returns the exit code (0, 1 runtime error, 2 usage).
int RunEngineCommand(int argc, char** argv, const EngineCommand& command);

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_ENGINE_COMMAND_H_

// What the commands that run the engine (dedup, pairs) share: their options,
// the conversion into neardup::DedupOptions, progress, the summary, and the
// parse -> run -> write -> commit flow.
#ifndef NEARDUP_TOOLS_ENGINE_COMMAND_H_
#define NEARDUP_TOOLS_ENGINE_COMMAND_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "absl/status/statusor.h"
#include "neardup/pipeline.h"
#include "output_file.h"

namespace neardup::tools {

/// Raw values as parsed from the command line.
struct EngineFlags {
  std::vector<std::string> inputs;
  std::string output;  ///< "" or "-": stdout
  std::string id_field = "id";
  std::string text_field = "text";
  std::string mode = "syndicated";
  // Unset: the mode's default.
  std::optional<double> threshold;
  std::optional<double> containment_threshold;
  std::optional<double> reworded_threshold;
  std::optional<double> candidate_threshold;
  std::optional<uint32_t> min_shared;
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
};

/// Adds the engine options to `description`, bound to `flags`.
void AddEngineOptions(boost::program_options::options_description* description,
                      EngineFlags* flags);

/// Validated DedupOptions from the flags (InvalidArgument on bad values).
absl::StatusOr<DedupOptions> ToDedupOptions(const EngineFlags& flags);

/// Parses argv for a command taking INPUT... plus `description`. Returns
/// nullopt to go on, or the exit code to return now (0 after --help, 2 on a
/// usage error, with the message printed). `usage` and `examples` are
/// printed by --help.
std::optional<int> ParseCommandLine(int argc, char** argv,
                     const boost::program_options::options_description& description,
                     std::vector<std::string>* inputs, const char* usage,
                     const char* examples);

/// Installs a progress printer on `options` when stderr is a terminal and
/// `quiet` is false: one line, rewritten in place, with documents, MB, MB/s
/// and an ETA when the input size is known.
void InstallProgress(bool quiet, DedupOptions* options);

/// Prints the end-of-run accounting summary to stderr.
void PrintSummary(const DedupStats& stats);

/// A command that runs the pipeline and writes its result.
struct EngineCommand {
  const char* usage;
  const char* examples;
  bool collect_pairs = false;
  /// Writes the result to `out` (called once, after a successful run).
  std::function<void(const DedupResult& result, OutputFile& out)> write;
};

/// Parses engine options, runs the pipeline, writes and commits the output,
/// prints the summary. Returns the exit code (0, 1 runtime error, 2 usage).
int RunEngineCommand(int argc, char** argv, const EngineCommand& command);

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_ENGINE_COMMAND_H_

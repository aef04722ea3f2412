// Subcommand registry of the `neardup` tool.
//
// Each subcommand lives in its own `tools/<name>_command.cc` and registers
// itself at static-initialisation time:
//
//   int RunDedup(int argc, char** argv);  // argv[0] is "dedup"
//   const neardup::tools::CommandRegistration kDedup{
//       "dedup", 10, "cluster near-duplicate documents", &RunDedup};
//
// A command returns the process exit code: 0 success, 1 runtime error (bad
// input, I/O), 2 usage error. Boost.Program_options exceptions must not
// escape it.
#ifndef NEARDUP_TOOLS_COMMAND_H_
#define NEARDUP_TOOLS_COMMAND_H_

#include <string_view>
#include <vector>

namespace neardup::tools {

using CommandFunction = int (*)(int argc, char** argv);

struct Command {
  std::string_view name;
  int order;  ///< position in `neardup --help` (ascending)
  std::string_view summary;
  CommandFunction run;
};

/// All registered commands, in registration order.
std::vector<Command>& Commands();

struct CommandRegistration {
  CommandRegistration(std::string_view name, int order,
                      std::string_view summary, CommandFunction run) {
    Commands().push_back({name, order, summary, run});
  }
};

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_COMMAND_H_

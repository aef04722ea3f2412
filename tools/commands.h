// Subcommands of the `neardup` tool. Each takes the arguments after the
// subcommand name (argv[0] is the subcommand) and returns the process exit
// code: 0 success, 1 runtime error (bad input, I/O), 2 usage error.
// Boost.Program_options exceptions must not escape a Run*Command function.
#ifndef NEARDUP_TOOLS_COMMANDS_H_
#define NEARDUP_TOOLS_COMMANDS_H_

namespace neardup::tools {

int RunDedupCommand(int argc, char** argv);
int RunPairsCommand(int argc, char** argv);
int RunSynthCommand(int argc, char** argv);
int RunEvalCommand(int argc, char** argv);

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_COMMANDS_H_

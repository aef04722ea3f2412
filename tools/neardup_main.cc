// `neardup`: command-line front end. Dispatches to the registered
// subcommands (see command.h).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "command.h"

namespace neardup::tools {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

namespace {

void PrintUsage(std::FILE* out) {
  std::vector<Command> commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.order < b.order; });
  std::fprintf(out,
               "neardup: find near-duplicate and syndicated news text\n\n"
               "Usage: neardup COMMAND [OPTIONS] [INPUT...]\n\nCommands:\n");
  for (const Command& c : commands) {
    std::fprintf(out, "  %-10.*s %.*s\n", static_cast<int>(c.name.size()),
                 c.name.data(), static_cast<int>(c.summary.size()),
                 c.summary.data());
  }
  std::fprintf(out,
               "\n'neardup COMMAND --help' describes a command's options.\n");
}

}  // namespace
}  // namespace neardup::tools

int main(int argc, char** argv) {
  using neardup::tools::Commands;
  if (argc < 2) {
    neardup::tools::PrintUsage(stderr);
    return 2;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    neardup::tools::PrintUsage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("neardup %s\n", NEARDUP_VERSION);
    return 0;
  }
  for (const auto& command : Commands()) {
    if (command.name == name) return command.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "neardup: unknown command '%s'\n\n", argv[1]);
  neardup::tools::PrintUsage(stderr);
  return 2;
}

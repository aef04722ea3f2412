// `neardup pairs`: every verified pair at or above the threshold.
#include "command.h"
#include "engine_command.h"
#include "pair_line.h"

namespace neardup::tools {
namespace {

constexpr char kUsage[] =
    "Usage: neardup pairs [OPTIONS] INPUT...\n\n"
    "Writes every verified pair of documents at or above the threshold, one\n"
    "JSON object per line:\n"
    "  {\"a\": ID, \"b\": ID, \"jaccard\": J, \"containment\": C, \"kind\": "
    "K,\n"
    "   \"similarity\": X}\n"
    "with a before b in input order, lines sorted by (a, b) input position,\n"
    "4 decimals; similarity is the score compared to the threshold.\n"
    "Inputs as for `neardup dedup` (JSONL, .gz, .zst, -, directories).";

constexpr char kExamples[] =
    "Examples:\n"
    "  neardup pairs news.jsonl -o pairs.jsonl\n"
    "  neardup pairs corpus.jsonl --threshold 0.5 --shingle word:3\n";

int RunPairs(int argc, char** argv) {
  auto write = [](const DedupResult& result, OutputFile& out) {
    std::string line;
    for (const Edge& e : result.pairs) {
      line.clear();
      AppendPairLine(&line, result.docs[e.a].id, result.docs[e.b].id, e.jaccard,
                     e.containment, e.kind, e.similarity);
      out.Write(line);
    }
    return uint64_t{result.pairs.size()};
  };
  return RunEngineCommand(argc, argv,
                          {.usage = kUsage,
                           .examples = kExamples,
                           .collect_pairs = true,
                           .write = write});
}

const CommandRegistration kPairsCommand{
    "pairs", 20, "list every verified near-duplicate pair (JSON line each)",
    &RunPairs};

}  // namespace
}  // namespace neardup::tools

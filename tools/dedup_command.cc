// `neardup dedup`: clusters of near-duplicate documents, one JSON line each.
#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_command.h"
#include "neardup/json.h"

namespace neardup::tools {
namespace {

constexpr char kUsage[] =
    "Usage: neardup dedup [OPTIONS] INPUT...\n\n"
    "Finds clusters of near-duplicate documents and writes one JSON object "
    "per\n"
    "cluster of two or more:\n"
    "  {\"cluster\": N, \"size\": S, \"representative\": ID, \"members\": [\n"
    "     {\"id\": ID, \"jaccard\": J, \"containment\": C, \"kind\": K,\n"
    "      \"similarity\": X}, ...]}\n"
    "Clusters appear in input order of their first member, numbered from 0;\n"
    "members in input order, the representative (the member with the most\n"
    "matches) included; similarities are exact, to the representative, 4\n"
    "decimals.\n\n"
    "Inputs, read as one corpus in the order given: JSON Lines files (plain,\n"
    ".gz or .zst), - for standard input, or directories (each file matching\n"
    "--include is a document; id = its relative path).\n\n"
    "--keep-out FILE writes the deduplicated corpus: every document in no\n"
    "cluster (empty documents included: they are never compared, so never\n"
    "duplicates) and each cluster's representative, in input order, so\n"
    "kept = singletons + empty + clusters.";

constexpr char kExamples[] =
    "Examples:\n"
    "  neardup dedup news.jsonl -o clusters.jsonl\n"
    "  cat a.jsonl b.jsonl | neardup dedup - --threshold 0.7\n"
    "  neardup dedup corpus.jsonl --shingle char:5 --text-field body\n"
    "  neardup dedup shard-*.jsonl.zst --keep-out dedup.jsonl.zst --stats "
    "s.json\n"
    "  neardup dedup articles/ --exclude LICENSE.txt --on-error skip\n";

int RunDedup(int argc, char** argv) {
  auto write = [](const DedupResult& result, OutputFile& out) {
    std::string line;
    for (size_t k = 0; k < result.clusters.size(); ++k) {
      line.clear();
      AppendCluster(k, result.clusters[k], result.docs, &line);
      out.Write(line);
    }
    return uint64_t{result.clusters.size()};
  };
  return RunEngineCommand(argc, argv,
                          {.usage = kUsage,
                           .examples = kExamples,
                           .keep_out_option = true,
                           .write = write});
}

const CommandRegistration kDedupCommand{
    "dedup", 10, "cluster near-duplicate documents (JSON line per cluster)",
    &RunDedup};

}  // namespace
}  // namespace neardup::tools

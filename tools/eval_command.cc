// `neardup eval`: scores clusters against ground truth, or reported pairs
// against labelled pairs (see core/include/neardup/eval.h).
#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "command.h"
#include "neardup/eval.h"

namespace neardup::tools {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "Usage: neardup eval --clusters CLUSTERS.jsonl --truth TRUTH.jsonl\n"
    "                    [--json] [-o FILE.json]\n"
    "       neardup eval --pairs PAIRS.jsonl --labels LABELS.tsv\n"
    "                    --corpus CORPUS.jsonl [--json] [-o FILE.json]\n\n"
    "Clusters: pairwise precision/recall/F1, adjusted Rand index, recall by\n"
    "edit kind, templates wrongly clustered. Pairs: share of labelled pairs\n"
    "reported, and source retrieval@1, by label. The numbers (and --json\n"
    "output) are those of shared/tools/score.py.\n\nOptions";

int RunEval(int argc, char** argv) {
  EvalOptions options;
  bool json = false;
  std::string output;
  po::options_description desc(kUsage);
  desc.add_options()("help,h", "show this help")(
      "clusters", po::value<std::string>(&options.clusters_path),
      "predicted clusters, one JSON object a line with \"members\"")(
      "truth", po::value<std::string>(&options.truth_path),
      "ground truth, {\"id\",\"story\",\"edit\"} a line")(
      "pairs", po::value<std::string>(&options.pairs_path),
      "reported pairs, {\"a\",\"b\",\"similarity\"} a line")(
      "labels", po::value<std::string>(&options.labels_path),
      "labelled pairs TSV: header, then a<TAB>b<TAB>label")(
      "corpus", po::value<std::string>(&options.corpus_path),
      "corpus JSONL (source texts, for ties)")(
      "json", po::bool_switch(&json),
      "print one JSON object instead of the "
      "report")("output,o", po::value<std::string>(&output),
                "also write the JSON object to this file");
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "neardup eval: %s\n\n", e.what());
    std::cerr << desc << "\n";
    return 2;
  }
  if (absl::Status s = options.Validate(); !s.ok()) {
    std::fprintf(stderr, "neardup eval: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  absl::StatusOr<EvalReport> report = EvaluateFiles(options);
  if (!report.ok()) {
    std::fprintf(stderr, "neardup eval: %s\n",
                 std::string(report.status().message()).c_str());
    return 1;
  }
  if (!output.empty()) {
    std::FILE* f = std::fopen(output.c_str(), "wb");
    bool ok = f != nullptr;
    if (ok) {
      ok = std::fwrite(report->json.data(), 1, report->json.size(), f) ==
               report->json.size() &&
           std::fputc('\n', f) != EOF;
      ok = std::fclose(f) == 0 && ok;
    }
    if (!ok) {
      std::fprintf(stderr, "neardup eval: cannot write %s\n", output.c_str());
      return 1;
    }
  }
  if (json) {
    std::printf("%s\n", report->json.c_str());
  } else {
    std::fputs(report->text.c_str(), stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

const CommandRegistration kEval{
    "eval", 70, "score clusters or pairs against ground truth", &RunEval};

}  // namespace
}  // namespace neardup::tools

// `neardup eval`: scores clusters against ground truth, or reported pairs
// against labelled pairs (see core/include/neardup/eval.h) — read from
// files, or produced here by running the engine on INPUT... — and, with
// --exact, LSH recall against brute force at the same settings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_command.h"
#include "neardup/corpus.h"
#include "neardup/deduper.h"
#include "neardup/eval.h"
#include "neardup/status_macros.h"
#include "output_file.h"

namespace neardup::tools {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "Usage: neardup eval --clusters CLUSTERS.jsonl --truth TRUTH.jsonl "
    "[--json] [-o FILE.json]\n"
    "       neardup eval --truth TRUTH.jsonl [ENGINE OPTIONS] INPUT...\n"
    "       neardup eval --pairs PAIRS.jsonl --labels LABELS.tsv "
    "--corpus CORPUS.jsonl\n"
    "       neardup eval --labels LABELS.tsv --corpus CORPUS.jsonl "
    "[ENGINE OPTIONS] [INPUT...]\n"
    "       neardup eval --exact [ENGINE OPTIONS] INPUT...\n"
    "       neardup eval --stream --truth TRUTH.jsonl [--keep-sets] "
    "[ENGINE OPTIONS] INPUT...\n\n"
    "Clusters: pairwise precision/recall/F1, adjusted Rand index, recall by\n"
    "edit kind, templates wrongly clustered. Pairs: share of labelled pairs\n"
    "reported, and source retrieval@1, by label. Without --clusters or\n"
    "--pairs the engine runs here on INPUT... (pairs: on --corpus when no\n"
    "INPUT is given) with the engine options. --exact adds LSH recall against\n"
    "brute force (an inverted index) at the same settings. The numbers (and\n"
    "--json output) are those of shared/tools/score.py.\n\n"
    "--stream replays INPUT... in order through the streaming index (a\n"
    "Deduper, as `neardup index build` makes it) and scores each Add's\n"
    "answer: repeats (a story seen earlier) found with a best match of their\n"
    "story, reported repeats that are right, first copies kept new, recall\n"
    "by edit kind, templates reported as repeats; plus Add latency.";

constexpr char kExamples[] =
    "Examples:\n"
    "  neardup eval --truth synth/truth.jsonl synth/corpus.jsonl\n"
    "  neardup eval --labels counter/pairs.tsv --corpus counter/corpus.jsonl "
    "--mode reworded\n"
    "  neardup eval --exact reuters/corpus.jsonl bbc/corpus.jsonl\n"
    "  neardup eval --stream --truth synth/truth.jsonl synth/corpus.jsonl\n";

struct EvalFlags {
  std::string clusters, truth, pairs, labels, corpus;
  bool exact = false;
  bool json = false;
  bool stream = false;
  bool keep_sets = false;
  int signature_bits = 8;
  uint64_t warmup = 0;
};

// Replays the inputs through a Deduper and scores its answers.
absl::Status EvaluateStream(const EvalFlags& eval, const EngineFlags& engine,
                            EvalReport* report) {
  NEARDUP_ASSIGN_OR_RETURN(DedupOptions batch, ToDedupOptions(engine));
  NEARDUP_ASSIGN_OR_RETURN(
      DeduperOptions options,
      ToDeduperOptions(batch, eval.keep_sets, eval.signature_bits));
  NEARDUP_ASSIGN_OR_RETURN(GroundTruth truth, LoadGroundTruth(eval.truth));
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<Deduper> deduper,
                           Deduper::Create(options));
  NEARDUP_ASSIGN_OR_RETURN(std::unique_ptr<CorpusReader> reader,
                           CorpusReader::Open(engine.inputs, batch.corpus));
  StreamScorer scorer(&truth);
  std::vector<float> micros;
  Document doc;
  uint64_t bytes = 0;
  while (true) {
    NEARDUP_ASSIGN_OR_RETURN(bool more, reader->Next(&doc));
    if (!more) break;
    const auto start = std::chrono::steady_clock::now();
    NEARDUP_ASSIGN_OR_RETURN(
        AddResult added,
        deduper->Add(doc.id, doc.text, static_cast<int64_t>(micros.size())));
    micros.push_back(std::chrono::duration<float, std::micro>(
                         std::chrono::steady_clock::now() - start)
                         .count());
    bytes += doc.text.size();
    scorer.Add(doc.id, added.is_new ? "" : added.matches[0].id,
               micros.size() > eval.warmup);
  }
  const StreamScores& scores = scorer.scores();
  report->text = StreamScoresReport(scores);
  if (eval.warmup > 0) {
    report->text += absl::StrFormat(
        "(the first %d documents were added without scoring)\n", eval.warmup);
  }
  report->json = StreamScoresJson(scores);
  if (!micros.empty()) {
    const size_t n = micros.size();
    double total = 0;
    for (float m : micros) total += m;
    std::vector<float> sorted = micros;
    std::sort(sorted.begin(), sorted.end());
    const DeduperStats stats = deduper->stats();
    report->text += absl::StrFormat(
        "Add latency                  p50 %.1f us, p99 %.1f us, mean %.1f us "
        "(%d documents, %.1f MB/s, one thread)\n"
        "index                        %d bands x %d rows, ~%.0f bytes/document"
        "%s\n",
        sorted[n / 2], sorted[n * 99 / 100], total / n, n,
        total > 0 ? bytes / total : 0.0, stats.lsh.bands, stats.lsh.rows,
        static_cast<double>(stats.memory_bytes) / n,
        options.keep_sets ? " (shingle sets kept: exact scores)"
                          : " (b-bit signatures: estimated scores)");
  }
  return absl::OkStatus();
}

// Runs the engine as configured and appends its scores to `report`.
absl::Status EvaluateRun(const EvalFlags& eval, const EngineFlags& engine,
                         EvalReport* report) {
  absl::StatusOr<DedupOptions> options = ToDedupOptions(engine);
  if (!options.ok()) return options.status();
  const bool pairs_mode = !eval.labels.empty();
  std::vector<std::string> inputs = engine.inputs;
  if (inputs.empty() && pairs_mode) inputs.push_back(eval.corpus);
  options->collect_pairs = pairs_mode;
  options->exact_pairs = eval.exact;
  InstallProgress(engine.quiet, &*options);
  absl::StatusOr<DedupResult> result = RunDedup(inputs, *options);
  if (!result.ok()) return result.status();
  std::vector<std::string> json_parts;
  if (!eval.truth.empty()) {
    absl::StatusOr<GroundTruth> truth = LoadGroundTruth(eval.truth);
    if (!truth.ok()) return truth.status();
    std::vector<std::vector<std::string>> clusters;
    for (const Cluster& c : result->clusters) {
      clusters.emplace_back();
      for (const ClusterMember& m : c.members) {
        clusters.back().push_back(result->docs[m.doc].id);
      }
    }
    absl::StatusOr<ClusterScores> scores = ScoreClusters(*truth, clusters);
    if (!scores.ok()) return scores.status();
    report->text += ClusterScoresReport(*scores);
    json_parts.push_back(ClusterScoresJson(*scores));
  }
  if (pairs_mode) {
    absl::StatusOr<std::vector<LabelledPair>> labelled =
        LoadLabelledPairs(eval.labels);
    if (!labelled.ok()) return labelled.status();
    std::vector<ReportedPair> reported;
    for (const Edge& e : result->pairs) {
      reported.push_back(
          {result->docs[e.a].id, result->docs[e.b].id, e.similarity});
    }
    absl::flat_hash_set<std::string> sources;
    for (const LabelledPair& p : *labelled) sources.insert(p.a);
    auto texts = LoadTexts(eval.corpus, sources);
    if (!texts.ok()) return texts.status();
    absl::StatusOr<PairScores> scores = ScorePairs(reported, *labelled, *texts);
    if (!scores.ok()) return scores.status();
    report->text += PairScoresReport(*scores);
    json_parts.push_back(PairScoresJson(*scores));
  }
  if (eval.exact) {
    const LshRecall recall = ScoreLshRecall(
        result->lsh_edges, result->exact_edges, options->match.threshold);
    report->text += LshRecallReport(recall);
    json_parts.push_back("{\"lsh_recall\": " + LshRecallJson(recall) + "}");
  }
  // One JSON object: the parts' keys merged.
  report->json = "{";
  for (const std::string& part : json_parts) {
    if (report->json.size() > 1) report->json += ", ";
    report->json += part.substr(1, part.size() - 2);
  }
  report->json += "}";
  if (!engine.quiet) {
    RunReport run{.command = "eval",
                  .flags = &engine,
                  .options = &*options,
                  .stats = &result->stats,
                  .kept = std::nullopt};
    std::fputs(FormatSummary(run).c_str(), stderr);
  }
  return absl::OkStatus();
}

int RunEval(int argc, char** argv) {
  EvalFlags eval;
  EngineFlags engine;
  po::options_description eval_options("Evaluation");
  // One option per line.
  // clang-format off
  eval_options.add_options()
      ("clusters", po::value(&eval.clusters),
       "predicted clusters, one JSON object a line with \"members\"")
      ("truth", po::value(&eval.truth),
       "ground truth, {\"id\",\"story\",\"edit\"} a line")
      ("pairs", po::value(&eval.pairs),
       "reported pairs, {\"a\",\"b\",\"similarity\"} a line")
      ("labels", po::value(&eval.labels),
       "labelled pairs TSV: header, then a<TAB>b<TAB>label")
      ("corpus", po::value(&eval.corpus),
       "corpus JSONL (source texts, for ties)")
      ("exact", po::bool_switch(&eval.exact),
       "also measure LSH recall against brute force (memory: all sets)")
      ("stream", po::bool_switch(&eval.stream),
       "score the streaming index's answers (needs --truth)")
      ("keep-sets", po::bool_switch(&eval.keep_sets),
       "with --stream: keep shingle sets (exact scores)")
      ("signature-bits", po::value(&eval.signature_bits)->default_value(8),
       "with --stream: b of the b-bit signatures, 8 or 16")
      ("warmup", po::value(&eval.warmup)->default_value(0),
       "with --stream: add the first N documents without scoring them (the "
       "online boilerplate model learns from them)")
      ("json", po::bool_switch(&eval.json),
       "print one JSON object instead of the report (-o FILE also writes "
       "it to FILE)");
  // clang-format on
  po::options_description engine_options("Engine (when the engine runs here)");
  AddEngineOptions(&engine_options, &engine);
  po::options_description all;
  all.add(eval_options).add(engine_options);
  all.add_options()("help,h", "show this help")(
      "input", po::value(&engine.inputs), "input files");
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    if (vm.count("help")) {
      std::cout << kUsage << "\n\n"
                << eval_options << "\n"
                << engine_options << "\n"
                << kExamples;
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "neardup eval: " << e.what()
              << "\nTry 'neardup eval --help'.\n";
    return 2;
  }

  const bool from_files = !eval.clusters.empty() || !eval.pairs.empty();
  absl::StatusOr<EvalReport> report;
  if (from_files) {
    if (eval.exact || !engine.inputs.empty()) {
      std::cerr << "neardup eval: --clusters/--pairs take no INPUT or "
                   "--exact\n";
      return 2;
    }
    EvalOptions options{eval.clusters, eval.truth, eval.pairs, eval.labels,
                        eval.corpus};
    if (absl::Status s = options.Validate(); !s.ok()) {
      std::cerr << "neardup eval: " << s.message() << "\n";
      return 2;
    }
    report = EvaluateFiles(options);
  } else if (eval.stream) {
    if (eval.truth.empty() || engine.inputs.empty() || eval.exact ||
        !eval.labels.empty()) {
      std::cerr << "neardup eval: --stream needs --truth and INPUT... (and "
                   "takes no --exact or --labels)\n";
      return 2;
    }
    report = EvalReport{};
    if (absl::Status s = EvaluateStream(eval, engine, &*report); !s.ok()) {
      report = s;
    }
  } else {
    const bool pairs_mode = !eval.labels.empty();
    if (eval.truth.empty() && !pairs_mode && !eval.exact) {
      std::cerr << "neardup eval: give --clusters or --truth, --pairs or "
                   "--labels, or --exact\nTry 'neardup eval --help'.\n";
      return 2;
    }
    if ((pairs_mode && eval.corpus.empty()) ||
        (!pairs_mode && engine.inputs.empty())) {
      std::cerr << "neardup eval: no input to run the engine on (--labels "
                   "needs --corpus; otherwise name INPUT...)\n";
      return 2;
    }
    report = EvalReport{};
    if (absl::Status s = EvaluateRun(eval, engine, &*report); !s.ok()) {
      report = s;
    }
  }
  if (!report.ok()) {
    std::cerr << "neardup eval: " << report.status().message() << "\n";
    return absl::IsInvalidArgument(report.status()) &&
                   report.status().message().find(':') == std::string::npos
               ? 2
               : 1;
  }
  if (!engine.output.empty()) {
    absl::StatusOr<std::unique_ptr<OutputFile>> out =
        OutputFile::Open(engine.output);
    absl::Status status = out.status();
    if (status.ok()) {
      (*out)->Write(report->json + "\n");
      status = (*out)->Commit();
    }
    if (!status.ok()) {
      std::cerr << "neardup eval: " << status.message() << "\n";
      return 1;
    }
  }
  std::fputs(eval.json ? (report->json + "\n").c_str() : report->text.c_str(),
             stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

const CommandRegistration kEval{
    "eval", 70, "score clusters or pairs against ground truth; LSH recall",
    &RunEval};

}  // namespace
}  // namespace neardup::tools

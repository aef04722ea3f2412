#include "engine_command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "absl/strings/str_format.h"
#include "neardup/status_macros.h"

namespace neardup::tools {

namespace po = boost::program_options;

void AddEngineOptions(po::options_description* description,
                      EngineFlags* flags) {
  description->add_options()
      ("output,o", po::value(&flags->output),
       "write results to FILE (default: standard output)")
      ("id-field", po::value(&flags->id_field)->default_value("id"),
       "JSONL key holding the document id")
      ("text-field", po::value(&flags->text_field)->default_value("text"),
       "JSONL key holding the document text")
      ("mode", po::value(&flags->mode)->default_value("syndicated"),
       "preset: syndicated (wrapped, truncated, edited and lightly reworded "
       "copies; word:3 inside lines, boilerplate suppression, thresholds "
       "0.8/0.7/0.5), reworded (heavier rewriting: char:5, 0.8/0.7/0.1) or "
       "classic (word:5, Jaccard >= 0.8 only, no boilerplate handling); the "
       "options below override it")
      ("threshold,t", po::value<double>()->notifier(
           [flags](double v) { flags->threshold = v; }),
       "near: exact Jaccard J >= this, in (0, 1]")
      ("containment-threshold", po::value<double>()->notifier(
           [flags](double v) { flags->containment_threshold = v; }),
       "contained: containment |A∩B|/min(|A|,|B|) >= this (0: off)")
      ("reworded-threshold", po::value<double>()->notifier(
           [flags](double v) { flags->reworded_threshold = v; }),
       "reworded: containment of the DF-filtered shingles >= this (0: off)")
      ("min-shared", po::value<uint32_t>()->notifier(
           [flags](uint32_t v) { flags->min_shared = v; }),
       "contained and reworded matches need at least this many shared "
       "shingles")
      ("candidate-threshold", po::value<double>()->notifier(
           [flags](double v) { flags->candidate_threshold = v; }),
       "Jaccard where LSH finds a pair with probability 0.95 (default: "
       "derived from the thresholds)")
      ("shingle", po::value<std::string>()->notifier(
           [flags](const std::string& v) { flags->shingle = v; }),
       "shingles: word:N (word n-grams) or char:N (character n-grams)")
      ("cross-lines", po::value<bool>()->notifier(
           [flags](bool v) { flags->cross_lines = v; }),
       "true: n-grams may span line breaks (hard-wrapped text); false: "
       "each line is shingled on its own")
      ("boilerplate", po::value<bool>()->notifier(
           [flags](bool v) { flags->boilerplate = v; }),
       "suppress shingles shared by many documents (outlet wrappers, "
       "templates)")
      ("boilerplate-min-docs", po::value<uint32_t>()->notifier(
           [flags](uint32_t v) { flags->boilerplate_min_documents = v; }),
       "boilerplate: shingles in at least this many documents (default 10)")
      ("boilerplate-fraction", po::value<double>()->notifier(
           [flags](double v) { flags->boilerplate_fraction = v; }),
       "boilerplate: ... and in at least this fraction of them")
      ("num-perm,k", po::value(&flags->num_perm)->default_value(128),
       "MinHash signature length k")
      ("bands,b", po::value(&flags->bands)->default_value(0),
       "LSH bands b (0: chosen so that P(candidate | J = threshold) >= 0.95)")
      ("rows,r", po::value(&flags->rows)->default_value(0),
       "LSH rows per band r (with --bands; b*r <= k)")
      ("algorithm", po::value(&flags->algorithm)->default_value("oph"),
       "sketch: oph (one-permutation hashing, fast) or classic (k hashes)")
      ("cluster", po::value(&flags->cluster)->default_value("star"),
       "clustering: star (every member verified against the representative; "
       "no chaining) or union-find (connected components)")
      ("threads,j", po::value(&flags->threads)->default_value(0),
       "worker threads (0: all cores); output is the same for any value")
      ("seed", po::value(&flags->seed)->default_value(1),
       "seed of the MinHash permutations")
      ("quiet,q", po::bool_switch(&flags->quiet),
       "no progress line and no summary on stderr");
}

absl::StatusOr<DedupOptions> ToDedupOptions(const EngineFlags& flags) {
  NEARDUP_ASSIGN_OR_RETURN(const Mode mode, ParseMode(flags.mode));
  DedupOptions options = DedupOptions::ForMode(mode);
  options.corpus.id_field = flags.id_field;
  options.corpus.text_field = flags.text_field;
  if (flags.threshold) options.match.threshold = *flags.threshold;
  if (flags.containment_threshold) {
    options.match.containment_threshold = *flags.containment_threshold;
  }
  if (flags.reworded_threshold) {
    options.match.reworded_threshold = *flags.reworded_threshold;
  }
  if (flags.min_shared) options.match.min_shared = *flags.min_shared;
  if (flags.candidate_threshold) {
    options.candidate_threshold = *flags.candidate_threshold;
  }
  if (flags.shingle) {
    const bool cross_lines = options.shingle.cross_lines;
    NEARDUP_ASSIGN_OR_RETURN(options.shingle,
                             ShingleOptions::Parse(*flags.shingle));
    options.shingle.cross_lines = cross_lines;
  }
  if (flags.cross_lines) options.shingle.cross_lines = *flags.cross_lines;
  if (flags.boilerplate) options.boilerplate.enabled = *flags.boilerplate;
  if (flags.boilerplate_min_documents) {
    options.boilerplate.min_documents = *flags.boilerplate_min_documents;
  }
  if (flags.boilerplate_fraction) {
    options.boilerplate.min_document_fraction = *flags.boilerplate_fraction;
  }
  options.sketch.num_perm = flags.num_perm;
  options.sketch.seed = flags.seed;
  NEARDUP_ASSIGN_OR_RETURN(options.sketch.algorithm,
                           ParseSketchAlgorithm(flags.algorithm));
  options.lsh.bands = flags.bands;
  options.lsh.rows = flags.rows;
  NEARDUP_ASSIGN_OR_RETURN(options.cluster.method,
                           ParseClusterMethod(flags.cluster));
  options.threads = flags.threads;
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  return options;
}

std::optional<int> ParseCommandLine(int argc, char** argv,
                     const po::options_description& description,
                     std::vector<std::string>* inputs, const char* usage,
                     const char* examples) {
  po::options_description all(description);
  all.add_options()("help,h", "show this help")(
      "input", po::value(inputs), "input files");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << description << "\n" << examples;
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "neardup " << argv[0] << ": " << e.what() << "\n"
              << "Try 'neardup " << argv[0] << " --help'.\n";
    return 2;
  }
  if (inputs->empty()) {
    std::cerr << "neardup " << argv[0] << ": no input given (use - for stdin)\n"
              << "Try 'neardup " << argv[0] << " --help'.\n";
    return 2;
  }
  return std::nullopt;
}

void InstallProgress(bool quiet, DedupOptions* options) {
  if (quiet || !isatty(STDERR_FILENO)) return;
  options->progress = [](const Progress& p) {
    const double mb = p.bytes / 1e6;
    const double rate = p.seconds > 0 ? mb / p.seconds : 0;
    std::string line = absl::StrFormat(
        "\r%-9s %12d docs %10.1f MB %8.1f MB/s %6.1f s", std::string(p.stage),
        p.documents, mb, rate, p.seconds);
    if (p.total_bytes && *p.total_bytes > 0 && rate > 0 &&
        p.stage == "read+sign") {
      const double left = (*p.total_bytes / 1e6 - mb) / rate;
      line += absl::StrFormat("  ETA %.0f s", std::max(0.0, left));
    }
    line += "\x1b[K";  // clear to end of line
    if (p.stage == "done") line = "\r\x1b[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  };
}

void PrintSummary(const DedupStats& s) {
  const CorpusStats& c = s.corpus;
  std::string out = absl::StrFormat(
      "neardup: %d documents read: %d in %d clusters, %d singletons, %d "
      "empty, %d skipped\n",
      c.records + c.skipped(), s.in_clusters, s.clusters, s.singletons,
      s.empty, c.skipped());
  if (c.skipped() > 0) {
    out += absl::StrFormat(
        "  skipped: %d malformed, %d missing id, %d missing text, %d "
        "duplicate id\n",
        c.skipped_malformed, c.skipped_missing_id, c.skipped_missing_text,
        c.skipped_duplicate_id);
    for (const std::string& first : c.first_skipped) {
      out += "    " + first + "\n";
    }
  }
  if (s.invalid_utf8 > 0) {
    out += absl::StrFormat("  invalid UTF-8 sequences replaced: %d\n",
                           s.invalid_utf8);
  }
  if (s.boilerplate_sample_documents > 0) {
    out += absl::StrFormat(
        "  boilerplate: %d shingles in >= %d of the %d sampled documents; "
        "removed from %d documents\n",
        s.boilerplate_shingles, s.boilerplate_threshold,
        s.boilerplate_sample_documents, s.boilerplate_documents);
  }
  const double mb = s.text_bytes / 1e6;
  out += absl::StrFormat(
      "  %d exact duplicates, %d LSH candidate pairs, %d verified (b=%d, "
      "r=%d)\n"
      "  %.1f MB text in %.2f s (%.1f MB/s, %.0f docs/s): read+sign+index "
      "%.2f s, verify %.2f s, cluster %.2f s\n",
      s.exact_duplicates, s.candidate_pairs, s.verified_pairs, s.lsh.bands,
      s.lsh.rows, mb, s.seconds.total,
      s.seconds.total > 0 ? mb / s.seconds.total : 0,
      s.seconds.total > 0 ? s.documents / s.seconds.total : 0,
      s.seconds.read_sign_index, s.seconds.verify, s.seconds.cluster);
  std::fputs(out.c_str(), stderr);
}

int RunEngineCommand(int argc, char** argv, const EngineCommand& command) {
  const std::string name = argv[0];
  EngineFlags flags;
  po::options_description description("Options");
  AddEngineOptions(&description, &flags);
  if (auto exit_code = ParseCommandLine(argc, argv, description, &flags.inputs,
                                        command.usage, command.examples)) {
    return *exit_code;
  }
  absl::StatusOr<DedupOptions> options = ToDedupOptions(flags);
  if (!options.ok()) {
    std::cerr << "neardup " << name << ": " << options.status().message()
              << "\n";
    return 2;
  }
  options->collect_pairs = command.collect_pairs;
  InstallProgress(flags.quiet, &*options);
  absl::StatusOr<std::unique_ptr<OutputFile>> out =
      OutputFile::Open(flags.output);
  absl::StatusOr<DedupResult> result =
      out.ok() ? RunDedup(flags.inputs, *options) : out.status();
  absl::Status status = result.status();
  if (status.ok()) {
    command.write(*result, **out);
    status = (*out)->Commit();
  }
  if (!status.ok()) {
    std::cerr << "neardup " << name << ": " << status.message() << "\n";
    return 1;
  }
  if (!flags.quiet) PrintSummary(result->stats);
  return 0;
}

}  // namespace neardup::tools

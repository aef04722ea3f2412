#include "engine_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kept_corpus.h"
#include "neardup/json.h"
#include "neardup/status_macros.h"

namespace neardup::tools {

namespace po = boost::program_options;

void AddEngineOptions(po::options_description* description, EngineFlags* flags,
                      bool keep_out_option) {
  description->add_options()(
      "output,o", po::value(&flags->output)->value_name("FILE"),
      "write results to FILE (default: standard output); FILE.gz and "
      "FILE.zst are compressed");
  if (keep_out_option) {
    description->add_options()(
        "keep-out", po::value(&flags->keep_out)->value_name("FILE"),
        "also write the deduplicated corpus to FILE (JSONL; .gz/.zst "
        "compressed): documents in no cluster, empty ones included, and "
        "each cluster's representative, in input order; JSONL records as "
        "they were, files as {\"id\", \"text\"}");
  }
  description->add_options()(
      "stats", po::value(&flags->stats)->value_name("FILE"),
      "write the run's accounting, options and timings to FILE as one JSON "
      "object")(
      "format", po::value(&flags->format)->default_value("auto"),
      "input format: auto (JSON Lines, gzip/zstd recognised; directories "
      "are folders of text files), jsonl, or txt (each file one document)")(
      "include", po::value(&flags->include)->composing()->value_name("GLOB"),
      "directory inputs: read files whose name or relative path matches "
      "GLOB (repeatable; default *.txt)")(
      "exclude", po::value(&flags->exclude)->composing()->value_name("GLOB"),
      "directory inputs: skip files and subdirectories matching GLOB "
      "(repeatable)")(
      "on-error", po::value(&flags->on_error)->default_value("fail"),
      "bad records (malformed line, missing id or text, duplicate id): "
      "fail (exit 1 naming file:line) or skip (count them by reason)")(
      "id-field", po::value(&flags->id_field)->default_value("id"),
      "JSONL key holding the document id")(
      "text-field", po::value(&flags->text_field)->default_value("text"),
      "JSONL key holding the document text");
  // One option per line.
  // clang-format off
  description->add_options()
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
       "reworded matches need at least this many shared shingles")
      ("reworded-min-jaccard", po::value<double>()->notifier(
           [flags](double v) { flags->reworded_min_jaccard = v; }),
       "reworded matches need Jaccard >= this too (0: off)")
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
       "boilerplate: ... and in at least this fraction of them");
  // clang-format on
  description->add_options()("num-perm,k",
                             po::value(&flags->num_perm)->default_value(128),
                             "MinHash signature length k")(
      "bands,b", po::value(&flags->bands)->default_value(0),
      "LSH bands b (0: chosen so that P(candidate | J = threshold) >= 0.95)")(
      "rows,r", po::value(&flags->rows)->default_value(0),
      "LSH rows per band r (with --bands; b*r <= k)")(
      "algorithm", po::value(&flags->algorithm)->default_value("oph"),
      "sketch: oph (one-permutation hashing, fast) or classic (k hashes)")(
      "cluster", po::value(&flags->cluster)->default_value("star"),
      "clustering: star (every member verified against the representative; "
      "no chaining) or union-find (connected components)")(
      "threads,j", po::value(&flags->threads)->default_value(0),
      "worker threads (0: all cores); output is the same for any value")(
      "seed", po::value(&flags->seed)->default_value(1),
      "seed of the MinHash permutations")(
      "quiet,q", po::bool_switch(&flags->quiet),
      "no progress line and no summary on stderr")(
      "progress-interval",
      po::value(&flags->progress_interval)->default_value(0.5, "0.5"),
      "seconds between updates of the progress line (shown only when "
      "stderr is a terminal)");
}

namespace {

absl::StatusOr<InputFormat> ParseFormat(const std::string& format) {
  if (format == "auto") return InputFormat::kAuto;
  if (format == "jsonl") return InputFormat::kJsonl;
  if (format == "txt") return InputFormat::kText;
  return absl::InvalidArgumentError(absl::StrCat(
      "--format must be auto, jsonl or txt, got \"", format, "\""));
}

std::string_view FormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kText:
      return "txt";
  }
  return "auto";
}

absl::StatusOr<OnError> ParseOnError(const std::string& on_error) {
  if (on_error == "fail") return OnError::kFail;
  if (on_error == "skip") return OnError::kSkip;
  return absl::InvalidArgumentError(
      absl::StrCat("--on-error must be fail or skip, got \"", on_error, "\""));
}

bool IsStdout(const std::string& path) { return path.empty() || path == "-"; }

// InvalidArgument if two of the outputs are the same file or both stdout.
absl::Status CheckOutputsDistinct(const EngineFlags& flags) {
  struct Named {
    const char* option;
    const std::string* path;
    bool used;
  };
  const Named outputs[] = {
      {"-o/--output", &flags.output, true},
      {"--keep-out", &flags.keep_out, !flags.keep_out.empty()},
      {"--stats", &flags.stats, !flags.stats.empty()}};
  auto key = [](const std::string& path) {
    if (IsStdout(path)) return std::string("-");
    std::error_code ignored;
    return std::filesystem::weakly_canonical(path, ignored).string();
  };
  for (size_t i = 0; i < std::size(outputs); ++i) {
    for (size_t j = i + 1; j < std::size(outputs); ++j) {
      if (!outputs[i].used || !outputs[j].used) continue;
      if (key(*outputs[i].path) != key(*outputs[j].path)) continue;
      return absl::InvalidArgumentError(absl::StrCat(
          outputs[i].option, " and ", outputs[j].option, " both write to ",
          IsStdout(*outputs[i].path) ? std::string("standard output")
                                     : *outputs[i].path,
          IsStdout(*outputs[i].path) && i == 0 ? " (give -o FILE)" : ""));
    }
  }
  return absl::OkStatus();
}

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Rate(double amount, double seconds) {
  return seconds > 0 ? amount / seconds : 0;
}

}  // namespace

void AppendStringArray(std::string* out,
                       const std::vector<std::string>& values) {
  *out += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) *out += ", ";
    AppendJsonString(out, values[i]);
  }
  *out += ']';
}

absl::StatusOr<DedupOptions> ToDedupOptions(const EngineFlags& flags) {
  NEARDUP_ASSIGN_OR_RETURN(const Mode mode, ParseMode(flags.mode));
  DedupOptions options = DedupOptions::ForMode(mode);
  options.corpus.id_field = flags.id_field;
  options.corpus.text_field = flags.text_field;
  NEARDUP_ASSIGN_OR_RETURN(options.corpus.format, ParseFormat(flags.format));
  if (!flags.include.empty()) options.corpus.include = flags.include;
  options.corpus.exclude = flags.exclude;
  NEARDUP_ASSIGN_OR_RETURN(options.corpus.on_error,
                           ParseOnError(flags.on_error));
  if (flags.threshold) options.match.threshold = *flags.threshold;
  if (flags.containment_threshold) {
    options.match.containment_threshold = *flags.containment_threshold;
  }
  if (flags.reworded_threshold) {
    options.match.reworded_threshold = *flags.reworded_threshold;
  }
  if (flags.min_shared) options.match.min_shared = *flags.min_shared;
  if (flags.reworded_min_jaccard) {
    options.match.reworded_min_jaccard = *flags.reworded_min_jaccard;
  }
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
  if (!(flags.progress_interval >= 0)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--progress-interval must be >= 0, got ", flags.progress_interval));
  }
  options.progress_interval_seconds = flags.progress_interval;
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  return options;
}

std::optional<int> ParseCommandLine(int argc, char** argv,
                                    const po::options_description& description,
                                    std::vector<std::string>* inputs,
                                    const char* usage, const char* examples) {
  po::options_description all(description);
  all.add_options()("help,h", "show this help")("input", po::value(inputs),
                                                "input files");
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
    std::string line =
        absl::StrFormat("\r%-9s %12d docs %10.1f MB %8.1f MB/s %6.1f s",
                        std::string(p.stage), p.documents, mb, rate, p.seconds);
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

double RunReport::total_seconds() const {
  return stats->seconds.total + write_seconds;
}

uint64_t RunReport::read() const {
  return stats->corpus.records + stats->corpus.skipped();
}

std::string FormatSummary(const RunReport& r) {
  const DedupStats& s = *r.stats;
  const CorpusStats& c = s.corpus;
  std::string out = absl::StrFormat(
      "neardup: %d documents read: %d in %d clusters, %d singletons, %d "
      "empty, %d skipped\n",
      r.read(), s.in_clusters, s.clusters, s.singletons, s.empty, c.skipped());
  if (c.skipped() > 0) {
    out += absl::StrFormat(
        "  skipped: %d malformed, %d missing id, %d missing text, %d "
        "duplicate id; the first:\n",
        c.skipped_malformed, c.skipped_missing_id, c.skipped_missing_text,
        c.skipped_duplicate_id);
    for (const std::string& first : c.first_skipped) {
      out += "    " + first + "\n";
    }
  }
  if (r.kept) {
    out += absl::StrFormat(
        "  kept %d documents (%d singletons, %d empty, %d cluster "
        "representatives) in %s\n",
        *r.kept, s.singletons, s.empty, s.clusters,
        IsStdout(r.flags->keep_out) ? std::string("standard output")
                                    : r.flags->keep_out);
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
  const double total = r.total_seconds();
  out += absl::StrFormat(
      "  %d exact duplicates, %d LSH candidate pairs (%d after the "
      "shared-shingle bound), %d verified (b=%d, r=%d)\n"
      "  %.1f MB text in %.2f s (%.1f MB/s, %.0f docs/s): boilerplate %.2f s, "
      "read+sign %.2f s, candidates %.2f s, verify %.2f s, cluster %.2f s, "
      "write %.2f s\n",
      s.exact_duplicates, s.lsh_candidate_pairs, s.candidate_pairs,
      s.verified_pairs, s.lsh.bands, s.lsh.rows, mb, total, Rate(mb, total),
      Rate(r.read(), total), s.seconds.boilerplate, s.seconds.read_sign_index,
      s.seconds.candidates, s.seconds.verify, s.seconds.cluster,
      r.write_seconds);
  return out;
}

std::string FormatStatsJson(const RunReport& r) {
  const EngineFlags& f = *r.flags;
  const DedupOptions& o = *r.options;
  const DedupStats& s = *r.stats;
  const CorpusStats& c = s.corpus;
  std::string out = "{\"neardup\": ";
  AppendJsonString(&out, NEARDUP_VERSION);
  out += ", \"command\": ";
  AppendJsonString(&out, r.command);
  out += ", \"inputs\": ";
  AppendStringArray(&out, f.inputs);

  out += ", \"options\": {\"format\": ";
  AppendJsonString(&out, FormatName(o.corpus.format));
  out += ", \"include\": ";
  AppendStringArray(&out, o.corpus.include);
  out += ", \"exclude\": ";
  AppendStringArray(&out, o.corpus.exclude);
  absl::StrAppend(&out, ", \"on_error\": \"",
                  o.corpus.on_error == OnError::kSkip ? "skip" : "fail",
                  "\", \"id_field\": ");
  AppendJsonString(&out, o.corpus.id_field);
  out += ", \"text_field\": ";
  AppendJsonString(&out, o.corpus.text_field);
  absl::StrAppendFormat(
      &out,
      ", \"mode\": \"%s\", \"threshold\": %.6g, "
      "\"containment_threshold\": %.6g, \"reworded_threshold\": %.6g, "
      "\"min_shared\": %d, \"reworded_min_jaccard\": %.6g, "
      "\"candidate_threshold\": %.6g, "
      "\"boilerplate\": %s, \"shingle\": \"%s\", \"cross_lines\": %s, "
      "\"num_perm\": %d, "
      "\"algorithm\": \"%s\", \"cluster\": \"%s\", \"seed\": %d, "
      "\"threads\": %d, \"output\": ",
      f.mode, o.match.threshold, o.match.containment_threshold,
      o.match.reworded_threshold, o.match.min_shared,
      o.match.reworded_min_jaccard, o.EffectiveCandidateThreshold(),
      o.boilerplate.enabled ? "true" : "false", o.shingle.ToString(),
      o.shingle.cross_lines ? "true" : "false", o.sketch.num_perm,
      std::string(SketchAlgorithmName(o.sketch.algorithm)),
      std::string(ClusterMethodName(o.cluster.method)), o.sketch.seed,
      o.threads);
  AppendJsonString(&out, IsStdout(f.output) ? "-" : f.output);
  if (r.kept) {
    out += ", \"keep_out\": ";
    AppendJsonString(&out, IsStdout(f.keep_out) ? "-" : f.keep_out);
  }
  out += "}";

  absl::StrAppendFormat(&out,
                        ", \"lsh\": {\"bands\": %d, \"rows\": %d, "
                        "\"truncated_bucket_scans\": %d}",
                        s.lsh.bands, s.lsh.rows, s.truncated_bucket_scans);
  absl::StrAppendFormat(
      &out,
      ", \"documents\": {\"read\": %d, \"skipped\": %d, \"empty\": %d, "
      "\"in_clusters\": %d, \"singletons\": %d, \"clusters\": %d, "
      "\"exact_duplicates\": %d",
      r.read(), c.skipped(), s.empty, s.in_clusters, s.singletons, s.clusters,
      s.exact_duplicates);
  if (r.kept) absl::StrAppendFormat(&out, ", \"kept\": %d", *r.kept);
  absl::StrAppendFormat(
      &out,
      "}, \"skipped\": {\"malformed\": %d, \"missing_id\": %d, "
      "\"missing_text\": %d, \"duplicate_id\": %d, \"first\": ",
      c.skipped_malformed, c.skipped_missing_id, c.skipped_missing_text,
      c.skipped_duplicate_id);
  AppendStringArray(&out, c.first_skipped);
  absl::StrAppendFormat(
      &out,
      "}, \"pairs\": {\"lsh\": %d, \"candidates\": %d, \"verified\": %d}, "
      "\"output_records\": %d, \"invalid_utf8\": %d, "
      "\"bytes\": {\"input\": %d, \"text\": %d}, "
      "\"boilerplate\": {\"sample_documents\": %d, "
      "\"threshold\": %d, \"shingles\": %d, "
      "\"documents\": %d, \"removed\": %d}",
      s.lsh_candidate_pairs, s.candidate_pairs, s.verified_pairs,
      r.output_records, s.invalid_utf8, c.bytes_read, s.text_bytes,
      s.boilerplate_sample_documents, s.boilerplate_threshold,
      s.boilerplate_shingles, s.boilerplate_documents, s.boilerplate_removed);
  const double total = r.total_seconds();
  absl::StrAppendFormat(
      &out,
      ", \"seconds\": {\"boilerplate\": %.6f, \"read_sign_index\": %.6f, "
      "\"candidates\": %.6f, \"verify\": %.6f, "
      "\"cluster\": %.6f, \"write\": %.6f, \"total\": %.6f}, "
      "\"mb_per_s\": %.3f, \"docs_per_s\": %.1f}\n",
      s.seconds.boilerplate, s.seconds.read_sign_index, s.seconds.candidates,
      s.seconds.verify, s.seconds.cluster, r.write_seconds, total,
      Rate(s.text_bytes / 1e6, total), Rate(r.read(), total));
  return out;
}

int RunEngineCommand(int argc, char** argv, const EngineCommand& command) {
  const std::string name = argv[0];
  EngineFlags flags;
  po::options_description description("Options");
  AddEngineOptions(&description, &flags, command.keep_out_option);
  if (auto exit_code = ParseCommandLine(argc, argv, description, &flags.inputs,
                                        command.usage, command.examples)) {
    return *exit_code;
  }
  absl::StatusOr<DedupOptions> options = ToDedupOptions(flags);
  absl::Status usage = options.status();
  if (usage.ok()) usage = CheckOutputsDistinct(flags);
  if (!usage.ok()) {
    std::cerr << "neardup " << name << ": " << usage.message() << "\n";
    return 2;
  }
  options->collect_pairs = command.collect_pairs;
  options->keep_reader = !flags.keep_out.empty();
  if (options->threads == 0) {
    options->threads =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  InstallProgress(flags.quiet, &*options);

  auto fail = [&](const absl::Status& status) {
    std::cerr << "neardup " << name << ": " << status.message() << "\n";
    return 1;
  };
  // All outputs are opened first (so an unwritable path fails before the
  // work) and published last; on any error the destructors remove them.
  std::unique_ptr<OutputFile> out, keep, stats;
  {
    absl::StatusOr<std::unique_ptr<OutputFile>> opened =
        OutputFile::Open(flags.output);
    if (!opened.ok()) return fail(opened.status());
    out = *std::move(opened);
    for (auto [path, file] :
         {std::pair{&flags.keep_out, &keep}, std::pair{&flags.stats, &stats}}) {
      if (path->empty()) continue;
      opened = OutputFile::Open(*path);
      if (!opened.ok()) return fail(opened.status());
      *file = *std::move(opened);
    }
  }

  absl::StatusOr<DedupResult> result = RunDedup(flags.inputs, *options);
  if (!result.ok()) return fail(result.status());

  const Clock::time_point write_start = Clock::now();
  RunReport report;
  report.command = name;
  report.flags = &flags;
  report.options = &*options;
  report.stats = &result->stats;
  report.output_records = command.write(*result, *out);
  if (keep != nullptr) {
    absl::StatusOr<uint64_t> kept = WriteKeptCorpus(*result, *keep);
    if (!kept.ok()) return fail(kept.status());
    report.kept = *kept;
  }
  result->reader.reset();  // closes inputs and the spill file
  for (OutputFile* file : {out.get(), keep.get()}) {
    if (file == nullptr) continue;
    if (absl::Status s = file->Finish(); !s.ok()) return fail(s);
  }
  report.write_seconds = SecondsSince(write_start);
  if (stats != nullptr) {
    stats->Write(FormatStatsJson(report));
    if (absl::Status s = stats->Finish(); !s.ok()) return fail(s);
  }
  for (OutputFile* file : {out.get(), keep.get(), stats.get()}) {
    if (file == nullptr) continue;
    if (absl::Status s = file->Publish(); !s.ok()) return fail(s);
  }
  if (!flags.quiet) std::fputs(FormatSummary(report).c_str(), stderr);
  return 0;
}

absl::StatusOr<DeduperOptions> ToDeduperOptions(const DedupOptions& batch,
                                                bool keep_sets,
                                                int signature_bits) {
  DeduperOptions options = DeduperOptions::FromDedupOptions(batch);
  options.keep_sets = keep_sets;
  options.signature_bits = signature_bits;
  NEARDUP_RETURN_IF_ERROR(options.Validate());
  return options;
}

void AppendCluster(size_t number, const Cluster& cluster,
                   const std::vector<DocumentRecord>& docs, std::string* line) {
  absl::StrAppendFormat(line, "{\"cluster\": %d, \"size\": %d, ", number,
                        cluster.members.size());
  *line += "\"representative\": ";
  AppendJsonString(line, docs[cluster.representative].id);
  *line += ", \"members\": [";
  for (size_t i = 0; i < cluster.members.size(); ++i) {
    const ClusterMember& m = cluster.members[i];
    *line += i > 0 ? ", {\"id\": " : "{\"id\": ";
    AppendJsonString(line, docs[m.doc].id);
    absl::StrAppendFormat(
        line,
        ", \"jaccard\": %.4f, \"containment\": %.4f, "
        "\"kind\": \"%s\", \"similarity\": %.4f%s%s}",
        m.jaccard, m.containment, std::string(MatchKindName(m.kind)),
        m.similarity, m.multi_story ? ", \"multi_story\": true" : "",
        m.shared_fragment ? ", \"shared_fragment\": true" : "");
  }
  *line += "]}\n";
}

}  // namespace neardup::tools

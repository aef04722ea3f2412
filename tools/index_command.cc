// `neardup index build CORPUS... -o INDEX`: a Deduper snapshot of a corpus.
// `neardup query INDEX INPUT...`: each new document's matches in the index,
// in the `pairs` contract (a = new document, b = indexed one).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_command.h"
#include "neardup/corpus.h"
#include "neardup/deduper.h"
#include "neardup/status_macros.h"
#include "output_file.h"
#include "pair_line.h"

namespace neardup::tools {
namespace {

namespace po = boost::program_options;

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr char kBuildUsage[] =
    "Usage: neardup index build [OPTIONS] CORPUS... -o INDEX\n\n"
    "Adds every document of the corpus, in input order, to a streaming\n"
    "Deduper (the engine options below, as for `neardup dedup`) and writes\n"
    "its snapshot to INDEX (atomically). `neardup query INDEX ...` then\n"
    "finds new documents' matches in it. Documents are recorded even when\n"
    "they repeat an earlier one; their time is their input position.";

constexpr char kBuildExamples[] =
    "Examples:\n"
    "  neardup index build archive.jsonl -o archive.ndx\n"
    "  neardup index build shard-*.jsonl.zst -o archive.ndx --keep-sets\n";

constexpr char kQueryUsage[] =
    "Usage: neardup query [OPTIONS] INDEX INPUT...\n\n"
    "For each document of the inputs, in input order, writes its matches\n"
    "among the documents of INDEX (built by `neardup index build`), best\n"
    "first, one JSON object per line in the `pairs` contract:\n"
    "  {\"a\": NEW_ID, \"b\": INDEXED_ID, \"jaccard\": J, \"containment\": C,\n"
    "   \"kind\": K, \"similarity\": X[, \"estimated\": true]}\n"
    "\"estimated\" marks scores estimated from the index's b-bit signatures\n"
    "(indexes built without --keep-sets). The index is not changed. A\n"
    "missing or damaged INDEX is an error (exit 1).";

constexpr char kQueryExamples[] =
    "Examples:\n"
    "  neardup query archive.ndx today.jsonl -o matches.jsonl\n"
    "  cat new.jsonl | neardup query archive.ndx -\n";

int Fail(std::string_view command, const absl::Status& status) {
  std::cerr << "neardup " << command << ": " << status.message() << "\n";
  return 1;
}

int RunIndexBuild(int argc, char** argv) {
  constexpr std::string_view kName = "index build";
  EngineFlags flags;
  bool keep_sets = false;
  int signature_bits = 8;
  int max_bands = DeduperOptions{}.max_bands;
  po::options_description description("Options");
  AddEngineOptions(&description, &flags);
  description.add_options()(
      "max-bands", po::value(&max_bands)->default_value(max_bands),
      "with automatic banding: at most this many LSH bands (a stream needs "
      "to meet one earlier copy of a story; 0 = the batch pipeline's "
      "bands)");
  description.add_options()(
      "keep-sets", po::bool_switch(&keep_sets),
      "keep shingle sets in the index: exact scores at query time, more "
      "memory and a larger file")("signature-bits",
                                  po::value(&signature_bits)->default_value(8),
                                  "b of the stored b-bit signatures: 8 or 16");
  std::string name(kName);
  std::vector<char*> args(argv, argv + argc);
  args[0] = name.data();
  if (auto exit =
          ParseCommandLine(argc, args.data(), description, &flags.inputs,
                           kBuildUsage, kBuildExamples)) {
    return *exit;
  }
  if (flags.output.empty() || flags.output == "-") {
    std::cerr << "neardup index build: give the index file with -o INDEX\n";
    return 2;
  }
  absl::StatusOr<DedupOptions> batch = ToDedupOptions(flags);
  absl::StatusOr<DeduperOptions> options =
      batch.ok() ? ToDeduperOptions(*batch, keep_sets, signature_bits)
                 : batch.status();
  if (options.ok()) {
    options->max_bands = max_bands;
    if (absl::Status valid = options->Validate(); !valid.ok()) {
      options = valid;
    }
  }
  if (!options.ok()) {
    std::cerr << "neardup index build: " << options.status().message() << "\n";
    return 2;
  }
  const Clock::time_point start = Clock::now();
  absl::StatusOr<std::unique_ptr<Deduper>> deduper = Deduper::Create(*options);
  if (!deduper.ok()) return Fail(kName, deduper.status());
  absl::StatusOr<std::unique_ptr<CorpusReader>> reader =
      CorpusReader::Open(flags.inputs, batch->corpus);
  if (!reader.ok()) return Fail(kName, reader.status());
  Document doc;
  uint64_t count = 0, repeats = 0, bytes = 0;
  while (true) {
    absl::StatusOr<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) return Fail(kName, more.status());
    if (!*more) break;
    absl::StatusOr<AddResult> added =
        (*deduper)->Add(doc.id, doc.text, static_cast<int64_t>(count));
    if (!added.ok()) return Fail(kName, added.status());
    ++count;
    bytes += doc.text.size();
    repeats += !added->is_new;
  }
  const double add_seconds = SecondsSince(start);
  const Clock::time_point save_start = Clock::now();
  if (absl::Status saved = (*deduper)->Save(flags.output); !saved.ok()) {
    return Fail(kName, saved);
  }
  const double save_seconds = SecondsSince(save_start);
  if (!flags.quiet) {
    const DeduperStats stats = (*deduper)->stats();
    uint64_t file_bytes = 0;
    if (std::FILE* f = std::fopen(flags.output.c_str(), "rb")) {
      std::fseek(f, 0, SEEK_END);
      file_bytes = static_cast<uint64_t>(std::ftell(f));
      std::fclose(f);
    }
    std::cerr << absl::StrFormat(
        "neardup index build: %d documents (%d repeat earlier ones), %.1f MB "
        "of text in %.2f s (%.1f MB/s); index %s: %.1f MB written in %.2f s; "
        "LSH %d bands x %d rows; ~%.0f bytes/document in memory\n",
        count, repeats, bytes / 1e6, add_seconds,
        add_seconds > 0 ? bytes / 1e6 / add_seconds : 0.0, flags.output,
        file_bytes / 1e6, save_seconds, stats.lsh.bands, stats.lsh.rows,
        count ? static_cast<double>(stats.memory_bytes) / count : 0.0);
  }
  return 0;
}

int RunIndex(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "build") {
    return RunIndexBuild(argc - 1, argv + 1);
  }
  if (argc >= 2 && (std::string_view(argv[1]) == "--help" ||
                    std::string_view(argv[1]) == "-h")) {
    std::cout << kBuildUsage << "\n\nSee `neardup index build --help`.\n";
    return 0;
  }
  std::cerr << "neardup index: expected `neardup index build CORPUS... -o "
               "INDEX`\n";
  return 2;
}

int RunQuery(int argc, char** argv) {
  constexpr std::string_view kName = "query";
  EngineFlags flags;
  uint32_t max_matches = 10;
  po::options_description description("Options");
  description.add_options()(
      "output,o", po::value(&flags.output),
      "write results to FILE (default: standard output); FILE.gz and "
      "FILE.zst are compressed")(
      "format", po::value(&flags.format)->default_value("auto"),
      "input format: auto, jsonl or txt (as for `neardup dedup`)")(
      "include", po::value(&flags.include)->composing(),
      "directory inputs: read files matching GLOB (repeatable)")(
      "exclude", po::value(&flags.exclude)->composing(),
      "directory inputs: skip files matching GLOB (repeatable)")(
      "on-error", po::value(&flags.on_error)->default_value("fail"),
      "bad input records: fail or skip")(
      "id-field", po::value(&flags.id_field)->default_value("id"),
      "JSONL key of the document id")(
      "text-field", po::value(&flags.text_field)->default_value("text"),
      "JSONL key of the document text")(
      "max-matches", po::value(&max_matches)->default_value(10),
      "report at most N matches per document, best first")(
      "quiet,q", po::bool_switch(&flags.quiet), "no summary");
  std::vector<std::string> positional;
  if (auto exit = ParseCommandLine(argc, argv, description, &positional,
                                   kQueryUsage, kQueryExamples)) {
    return *exit;
  }
  if (positional.size() < 2) {
    std::cerr << "neardup query: give INDEX and at least one INPUT\n";
    return 2;
  }
  const std::string index_path = positional[0];
  flags.inputs.assign(positional.begin() + 1, positional.end());
  absl::StatusOr<DedupOptions> batch = ToDedupOptions(flags);
  if (!batch.ok() || max_matches < 1) {
    std::cerr << "neardup query: "
              << (batch.ok() ? "--max-matches must be >= 1"
                             : std::string(batch.status().message()))
              << "\n";
    return 2;
  }
  const Clock::time_point start = Clock::now();
  absl::StatusOr<std::unique_ptr<Deduper>> index =
      Deduper::Open(index_path, max_matches);
  if (!index.ok()) return Fail(kName, index.status());
  const double load_seconds = SecondsSince(start);
  absl::StatusOr<std::unique_ptr<OutputFile>> out =
      OutputFile::Open(flags.output);
  if (!out.ok()) return Fail(kName, out.status());
  absl::StatusOr<std::unique_ptr<CorpusReader>> reader =
      CorpusReader::Open(flags.inputs, batch->corpus);
  if (!reader.ok()) return Fail(kName, reader.status());
  Document doc;
  std::string line;
  uint64_t count = 0, matched = 0, pairs = 0;
  while (true) {
    absl::StatusOr<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) return Fail(kName, more.status());
    if (!*more) break;
    const AddResult result = (*index)->Query(doc.text);
    ++count;
    matched += !result.is_new;
    const size_t n = std::min<size_t>(result.matches.size(), max_matches);
    for (size_t i = 0; i < n; ++i) {
      const Match& m = result.matches[i];
      line.clear();
      AppendPairLine(&line, doc.id, m.id, m.jaccard, m.containment, m.kind,
                     m.similarity, m.estimated);
      (*out)->Write(line);
      ++pairs;
    }
  }
  if (absl::Status committed = (*out)->Commit(); !committed.ok()) {
    return Fail(kName, committed);
  }
  if (!flags.quiet) {
    std::cerr << absl::StrFormat(
        "neardup query: %d documents against %d indexed (loaded in %.2f s): "
        "%d match, %d pairs written; %.2f s in all\n",
        count, (*index)->size(), load_seconds, matched, pairs,
        SecondsSince(start));
  }
  return 0;
}

const CommandRegistration kIndexCommand{
    "index", 50,
    "build a snapshot index of a corpus (`index build CORPUS... -o INDEX`)",
    &RunIndex};
const CommandRegistration kQueryCommand{
    "query", 51, "match new documents against an index (pairs contract)",
    &RunQuery};

}  // namespace
}  // namespace neardup::tools

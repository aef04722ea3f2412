// `neardup synth`: writes a synthetic syndicated-news corpus with ground
// truth (see datasets/synth/synth.h).
#include <boost/program_options.hpp>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "command.h"
#include "synth/synth.h"

namespace neardup::tools {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "Usage: neardup synth [--base FILE] --docs N [--seed S] [--remix]\n"
    "                     [--multi-story-pages] -o DIR\n\n"
    "Writes DIR/corpus.jsonl ({\"id\",\"text\"}) and DIR/truth.jsonl\n"
    "({\"id\",\"story\",\"edit\"}): stories with 1-8 copies each (verbatim,\n"
    "truncated, edited, reworded), outlet wrappers, typography variants and\n"
    "templated distractors. Same options, same bytes.\n\nOptions";

// A count in plain decimal digits (Boost would wrap "-5" around).
bool ParseCount(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

int RunSynth(int argc, char** argv) {
  synth::SynthOptions options;
  std::string docs;
  po::options_description desc(kUsage);
  desc.add_options()("help,h", "show this help")(
      "base", po::value<std::string>(&options.base_path),
      "JSONL corpus of real articles (field \"text\"); default: built-in "
      "text")("docs", po::value<std::string>(&docs)->required(),
              "number of documents to write")(
      "seed", po::value<uint64_t>(&options.seed)->default_value(0),
      "random seed")("remix", po::bool_switch(&options.remix),
                     "every story is 6-25 sentences drawn from the whole "
                     "base (unlimited new stories)")(
      "multi-story-pages", po::bool_switch(&options.multi_story_pages),
      "~3% of documents concatenate copies of two stories")(
      "output,o", po::value<std::string>(&options.output_dir)->required(),
      "output directory")(
      "shuffle-block",
      po::value<uint32_t>(&options.shuffle_block)->default_value(10000),
      "documents are shuffled within blocks of this size");
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "neardup synth: %s\n\n", e.what());
    std::cerr << desc << "\n";
    return 2;
  }
  if (!ParseCount(docs, &options.docs)) {
    std::fprintf(stderr,
                 "neardup synth: --docs takes a whole number, not '%s'\n",
                 docs.c_str());
    return 2;
  }
  if (absl::Status s = options.Validate(); !s.ok()) {
    std::fprintf(stderr, "neardup synth: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  absl::StatusOr<synth::SynthStats> stats = synth::WriteCorpus(options);
  if (!stats.ok()) {
    std::fprintf(stderr, "neardup synth: %s\n",
                 std::string(stats.status().message()).c_str());
    return 1;
  }
  const double mb = static_cast<double>(stats->corpus_bytes) / 1e6;
  const double secs = stats->seconds > 0 ? stats->seconds : 1e-9;
  std::fprintf(stderr,
               "neardup synth: %llu docs, %llu stories, %.1f MB in %.2f s "
               "(%.0f docs/s, %.1f MB/s) -> %s\n",
               static_cast<unsigned long long>(stats->docs),
               static_cast<unsigned long long>(stats->stories), mb,
               stats->seconds, static_cast<double>(stats->docs) / secs,
               mb / secs, options.output_dir.c_str());
  return 0;
}

const CommandRegistration kSynth{
    "synth", 80, "generate a synthetic syndicated-news corpus with truth",
    &RunSynth};

}  // namespace
}  // namespace neardup::tools

// Stress test of neardup::Deduper under many threads (run under
// ThreadSanitizer by scripts/tsan.sh, and plainly by ctest).
//
// 8 threads issue `--ops` operations in all (default 200,000): half Add,
// half Query, plus Remove of scratch documents and periodic Save + Open.
// Every story is added by two threads at about the same moment; exactly
// one of the two may come back new. At the end every id added and not
// removed must be held: nothing lost.
//
//   neardup_deduper_stress [--ops N] [--threads T] [--words W] [--mode M]
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "../article_text.h"
#include "absl/strings/str_cat.h"
#include "neardup/deduper.h"

namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "deduper_stress: FAILED: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  long ops = 200000;
  int threads = 8;
  int words = 60;
  std::string mode = "syndicated";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--ops")) ops = std::atol(argv[i + 1]);
    if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--words")) words = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--mode")) mode = argv[i + 1];
  }
  if (threads < 2 || threads % 2 != 0 || ops < threads * 4) {
    return Fail("need an even --threads >= 2 and --ops >= 4 * threads");
  }
  auto parsed_mode = neardup::ParseMode(mode);
  if (!parsed_mode.ok())
    return Fail(std::string(parsed_mode.status().message()));
  neardup::DeduperOptions options =
      neardup::DeduperOptions::ForMode(*parsed_mode);
  // Boilerplate suppression on in every mode, with epochs short enough to
  // rotate during the run.
  options.boilerplate.enabled = true;
  options.online_boilerplate.table_bits = 18;
  options.online_boilerplate.epoch_documents = 20000;
  auto created = neardup::Deduper::Create(options);
  if (!created.ok()) return Fail(std::string(created.status().message()));
  neardup::Deduper& deduper = **created;

  // Each pair of threads (2p, 2p+1) adds the same stories in the same order.
  const int pairs = threads / 2;
  const long adds_per_thread = ops / threads / 2;
  const long stories = adds_per_thread * pairs;
  std::vector<std::string> texts(stories);
  {
    neardup::testing::TestRng rng(2024);
    for (auto& t : texts) t = neardup::testing::RandomArticle(rng, words);
  }
  std::vector<std::atomic<int>> news(stories);
  for (auto& n : news) n.store(0);
  std::atomic<long> errors{0}, queries{0}, removed{0}, saves{0};
  const std::string dir = (std::filesystem::temp_directory_path() /
                           absl::StrCat("neardup_stress_", ::getpid()))
                              .string();
  std::filesystem::create_directories(dir);

  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const int pair = t / 2;
      neardup::testing::TestRng rng(100 + t);
      for (long i = 0; i < adds_per_thread; ++i) {
        const long story = i * pairs + pair;
        auto r = deduper.Add(absl::StrCat("s", story, "/", t), texts[story], i);
        if (!r.ok()) {
          errors.fetch_add(1);
        } else if (r->is_new) {
          news[story].fetch_add(1);
        }
        // A query of some other story (held or not yet).
        const long other = static_cast<long>(rng.Below(stories));
        deduper.Query(texts[other]);
        queries.fetch_add(1);
        if (i % 50 == 0) {
          // A scratch document, added and removed again.
          const std::string id = absl::StrCat("tmp", t, "/", i);
          if (!deduper.Add(id, neardup::testing::RandomArticle(rng, 20), i)
                   .ok() ||
              !deduper.Remove(id)) {
            errors.fetch_add(1);
          } else {
            removed.fetch_add(1);
          }
        }
        if (t == 0 && i % (adds_per_thread / 4 + 1) == 0) {
          const std::string path = absl::StrCat(dir, "/s.ndx");
          if (!deduper.Save(path).ok()) errors.fetch_add(1);
          auto opened = neardup::Deduper::Open(path);
          if (!opened.ok() ||
              (*opened)->stats().added - (*opened)->stats().removed !=
                  (*opened)->size()) {
            errors.fetch_add(1);
          }
          saves.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  std::filesystem::remove_all(dir);

  if (errors.load() != 0) {
    return Fail(absl::StrCat(errors.load(), " operations failed"));
  }
  long wrong = 0;
  for (long s = 0; s < stories; ++s) wrong += news[s].load() != 1;
  if (wrong != 0) {
    return Fail(absl::StrCat(wrong, " of ", stories,
                             " stories did not come back new exactly once"));
  }
  const size_t expected = static_cast<size_t>(stories * 2);
  if (deduper.size() != expected) {
    return Fail(absl::StrCat("holds ", deduper.size(), " documents, expected ",
                             expected));
  }
  for (long s = 0; s < stories; ++s) {
    for (int copy = 0; copy < 2; ++copy) {
      const int t = static_cast<int>(s % pairs) * 2 + copy;
      if (!deduper.Contains(absl::StrCat("s", s, "/", t))) {
        return Fail(absl::StrCat("lost s", s, "/", t));
      }
    }
  }
  const neardup::DeduperStats stats = deduper.stats();
  std::printf(
      "deduper_stress: %d threads, %ld adds, %ld queries, %ld scratch "
      "add+remove, %ld saves: %zu documents held, %lu duplicates; OK\n",
      threads, stories * 2, queries.load(), removed.load(), saves.load(),
      deduper.size(), static_cast<unsigned long>(stats.duplicates));
  return 0;
}

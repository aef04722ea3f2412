// A crawler's view of neardup: articles arrive one by one from several
// fetcher threads; each is checked against what was seen in the last
// `horizon` seconds and recorded; the state survives a restart through a
// snapshot.
//
//   crawler SNAPSHOT [ARTICLES.tsv]
//
// ARTICLES.tsv (default: a built-in sample): one article per line,
// "id<TAB>unix-time<TAB>text" (\n in the text for line breaks). Prints one
// line per article: "new ID" or "repeat ID of OTHER (kind, similarity)".
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "neardup/deduper.h"

namespace {

struct Article {
  std::string id;
  int64_t time = 0;
  std::string text;
};

const char* const kSample[] = {
    "a1\t1700000000\tThe city council approved the new cycling lanes on "
    "Tuesday after a long debate.\\nWork on the first section starts in "
    "March and should end before the summer holidays, the mayor said.",
    "a2\t1700000060\tTHE CITY COUNCIL APPROVED THE NEW CYCLING LANES ON "
    "TUESDAY AFTER A LONG DEBATE.\\nWork on the first section starts in "
    "March and should end before the summer holidays, the mayor said.",
    "a3\t1700000120\tA storm is expected to reach the coast tonight with "
    "winds of up to 120 km/h.\\nAuthorities closed the harbour and asked "
    "residents to stay at home until Thursday morning.",
    "a4\t1700000180\tThe city council approved the new cycling lanes on "
    "Tuesday after a long debate.\\nWork on the first section starts in "
    "March, the mayor said.",
};

std::vector<Article> Parse(std::istream& in) {
  std::vector<Article> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Article a;
    std::string time;
    if (!std::getline(fields, a.id, '\t') ||
        !std::getline(fields, time, '\t') || !std::getline(fields, a.text)) {
      continue;
    }
    a.time = std::stoll(time);
    for (size_t p; (p = a.text.find("\\n")) != std::string::npos;) {
      a.text.replace(p, 2, "\n");
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: crawler SNAPSHOT [ARTICLES.tsv]\n";
    return 2;
  }
  const std::string snapshot = argv[1];
  std::vector<Article> articles;
  if (argc > 2) {
    std::ifstream in(argv[2]);
    articles = Parse(in);
  } else {
    std::stringstream in;
    for (const char* line : kSample) in << line << "\n";
    articles = Parse(in);
  }

  // Syndicated-news defaults, keeping one week of articles.
  neardup::DeduperOptions options;
  options.horizon = 7 * 24 * 3600;
  auto created = neardup::Deduper::Create(options);
  if (!created.ok()) {
    std::cerr << created.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<neardup::Deduper> deduper = *std::move(created);
  // Resume from the last snapshot, if any.
  if (absl::Status loaded = deduper->Load(snapshot); loaded.ok()) {
    std::cerr << "resumed with " << deduper->size() << " articles\n";
  } else if (loaded.code() != absl::StatusCode::kNotFound) {
    std::cerr << "cannot resume: " << loaded.message() << "\n";
    return 1;
  }

  // Two fetcher threads add articles concurrently; results are printed in
  // input order.
  std::vector<std::string> lines(articles.size());
  std::vector<std::thread> fetchers;
  for (int t = 0; t < 2; ++t) {
    fetchers.emplace_back([&, t] {
      for (size_t i = t; i < articles.size(); i += 2) {
        const Article& a = articles[i];
        auto r = deduper->Add(a.id, a.text, a.time);
        if (!r.ok()) {
          lines[i] = "error " + a.id + ": " + std::string(r.status().message());
        } else if (r->is_new) {
          lines[i] = "new " + a.id;
        } else {
          const neardup::Match& m = r->matches[0];
          char score[32];
          std::snprintf(score, sizeof score, "%.2f", m.similarity);
          lines[i] = "repeat " + a.id + " of " + m.id + " (" +
                     std::string(neardup::MatchKindName(m.kind)) + ", " +
                     score + ")";
        }
      }
    });
  }
  for (auto& f : fetchers) f.join();
  for (const std::string& line : lines) std::cout << line << "\n";

  if (absl::Status saved = deduper->Save(snapshot); !saved.ok()) {
    std::cerr << "cannot save: " << saved.message() << "\n";
    return 1;
  }
  std::cerr << "saved " << deduper->size() << " articles to " << snapshot
            << "\n";
  return 0;
}

#include "neardup/deduper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "article_text.h"
#include "neardup/pipeline.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::EditWords;
using testing::RandomArticle;
using testing::TestRng;

std::unique_ptr<Deduper> Make(const DeduperOptions& options = {}) {
  auto deduper = Deduper::Create(options);
  EXPECT_TRUE(deduper.ok()) << deduper.status();
  return *std::move(deduper);
}

TEST(DeduperOptionsTest, DefaultsAreTheSyndicatedMode) {
  const DeduperOptions streaming;
  const DedupOptions batch = DedupOptions::ForMode(Mode::kSyndicated);
  EXPECT_EQ(streaming.shingle.n, batch.shingle.n);
  EXPECT_EQ(streaming.shingle.cross_lines, batch.shingle.cross_lines);
  EXPECT_EQ(streaming.match.threshold, batch.match.threshold);
  EXPECT_EQ(streaming.match.containment_threshold,
            batch.match.containment_threshold);
  EXPECT_EQ(streaming.match.reworded_threshold, batch.match.reworded_threshold);
  EXPECT_EQ(streaming.match.min_shared, batch.match.min_shared);
  EXPECT_EQ(streaming.boilerplate.enabled, batch.boilerplate.enabled);
  EXPECT_EQ(streaming.EffectiveLshOptions().threshold,
            batch.EffectiveLshOptions().threshold);
  const DeduperOptions classic = DeduperOptions::ForMode(Mode::kClassic);
  EXPECT_EQ(classic.shingle.n, 5);
  EXPECT_FALSE(classic.boilerplate.enabled);
  EXPECT_EQ(DescribeOptions(DeduperOptions{}),
            DescribeOptions(DeduperOptions::ForMode(Mode::kSyndicated)));
}

// Streaming caps the batch's automatic bands (max_bands), keeping its rows;
// explicit bands and rows are used as given.
TEST(DeduperOptionsTest, MaxBandsCapsAutomaticBanding) {
  const DeduperOptions streaming;
  const LshOptions batch = DedupOptions{}.EffectiveLshOptions();
  const LshParams chosen = *ChooseLshParams(batch.threshold, batch.num_perm,
                                            batch.min_candidate_probability);
  ASSERT_GT(chosen.bands, streaming.max_bands);
  const LshOptions capped = streaming.EffectiveLshOptions();
  EXPECT_EQ(capped.bands, streaming.max_bands);
  EXPECT_EQ(capped.rows, chosen.rows);
  EXPECT_EQ(capped.threshold, batch.threshold);
  auto d = *Deduper::Create(streaming);
  EXPECT_EQ(d->lsh_params().bands, streaming.max_bands);
  DeduperOptions uncapped;
  uncapped.max_bands = 0;
  EXPECT_EQ((*Deduper::Create(uncapped))->lsh_params().bands, chosen.bands);
  DeduperOptions generous;
  generous.max_bands = chosen.bands + 10;
  EXPECT_EQ((*Deduper::Create(generous))->lsh_params().bands, chosen.bands);
  DeduperOptions given;
  given.lsh.bands = 40;
  given.lsh.rows = 3;
  EXPECT_EQ((*Deduper::Create(given))->lsh_params().bands, 40);
  EXPECT_EQ((*Deduper::Create(given))->lsh_params().rows, 3);
  // Classic mode's automatic choice is under the cap: unchanged.
  const DeduperOptions classic = DeduperOptions::ForMode(Mode::kClassic);
  const LshOptions classic_batch =
      DedupOptions::ForMode(Mode::kClassic).EffectiveLshOptions();
  const LshParams classic_chosen =
      *ChooseLshParams(classic_batch.threshold, classic_batch.num_perm,
                       classic_batch.min_candidate_probability);
  EXPECT_EQ((*Deduper::Create(classic))->lsh_params().bands,
            std::min(classic_chosen.bands, classic.max_bands));
}

TEST(DeduperOptionsTest, RejectsBadValues) {
  DeduperOptions o;
  o.max_bands = -1;
  EXPECT_FALSE(Deduper::Create(o).ok());
  o = {};
  o.signature_bits = 4;
  EXPECT_FALSE(Deduper::Create(o).ok());
  o = {};
  o.match.threshold = 0;
  EXPECT_FALSE(Deduper::Create(o).ok());
  o = {};
  o.horizon = -1;
  EXPECT_FALSE(Deduper::Create(o).ok());
  o = {};
  o.max_matches = 0;
  EXPECT_FALSE(Deduper::Create(o).ok());
}

TEST(DeduperTest, ExactCopyNearCopyAndNewStory) {
  auto d = Make();
  TestRng rng(1);
  const std::string story = RandomArticle(rng, 400);
  auto first = d->Add("a", story, 10);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->is_new);
  EXPECT_TRUE(first->matches.empty());

  // Same normalised text (case and spacing differ): exact, not estimated.
  std::string shouted = story;
  for (char& c : shouted) c = static_cast<char>(std::toupper(c));
  auto copy = d->Add("b", "  " + shouted, 11);
  ASSERT_TRUE(copy.ok());
  EXPECT_FALSE(copy->is_new);
  ASSERT_EQ(copy->matches.size(), 1u);
  EXPECT_EQ(copy->matches[0].id, "a");
  EXPECT_EQ(copy->matches[0].kind, MatchKind::kExact);
  EXPECT_FALSE(copy->matches[0].estimated);
  EXPECT_EQ(copy->matches[0].time, 10);

  // Lightly edited: a near (or contained) match with both earlier copies,
  // estimated.
  const std::string edited = EditWords(rng, story, 0.01);
  auto near = d->Add("c", edited, 12);
  ASSERT_TRUE(near.ok());
  EXPECT_FALSE(near->is_new);
  ASSERT_EQ(near->matches.size(), 2u);
  std::set<std::string> ids;
  for (const Match& m : near->matches) {
    ids.insert(m.id);
    EXPECT_TRUE(m.estimated);
    EXPECT_TRUE(m.kind == MatchKind::kNear || m.kind == MatchKind::kContained);
    EXPECT_GT(m.jaccard, 0.7);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"a", "b"}));

  // An unrelated story is new.
  auto other = d->Add("d", RandomArticle(rng, 400), 13);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->is_new);
  EXPECT_EQ(d->size(), 4u);
  const DeduperStats stats = d->stats();
  EXPECT_EQ(stats.added, 4u);
  EXPECT_EQ(stats.duplicates, 2u);
  EXPECT_EQ(stats.latest_time, 13);
}

TEST(DeduperTest, TruncatedCopyIsContained) {
  auto d = Make();
  TestRng rng(2);
  const std::string story = RandomArticle(rng, 600);
  ASSERT_TRUE(d->Add("full", story).ok());
  const std::string half = story.substr(0, story.size() / 2);
  AddResult r = d->Query(half);
  ASSERT_FALSE(r.is_new);
  EXPECT_EQ(r.matches[0].id, "full");
  EXPECT_EQ(r.matches[0].kind, MatchKind::kContained);
  EXPECT_GT(r.matches[0].containment, 0.85);
}

TEST(DeduperTest, QueryDoesNotRecordAndRemoveForgets) {
  auto d = Make();
  TestRng rng(3);
  const std::string story = RandomArticle(rng, 300);
  EXPECT_TRUE(d->Query(story).is_new);
  EXPECT_EQ(d->size(), 0u);
  ASSERT_TRUE(d->Add("x", story).ok());
  EXPECT_FALSE(d->Query(story).is_new);
  EXPECT_FALSE(d->Query(story).is_new);
  EXPECT_EQ(d->size(), 1u);
  EXPECT_TRUE(d->Contains("x"));
  EXPECT_TRUE(d->Remove("x"));
  EXPECT_FALSE(d->Remove("x"));
  EXPECT_FALSE(d->Contains("x"));
  EXPECT_EQ(d->size(), 0u);
  EXPECT_TRUE(d->Query(story).is_new);
  // The id can be used again.
  auto again = d->Add("x", story);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->is_new);
  EXPECT_EQ(d->stats().removed, 1u);
}

// Ids live in one arena: removing many long ids compacts it (more than
// 1 MiB of garbage), and every id held stays right, through a snapshot too.
TEST(DeduperTest, LongIdsSurviveRemovalChurn) {
  DeduperOptions o;
  o.online_boilerplate.table_bits = 12;
  auto d = Make(o);
  TestRng rng(17);
  auto id_of = [](int i) {
    return absl::StrCat("https://example.com/", i, "/",
                        std::string(4000 + i % 97, 'a' + i % 26));
  };
  std::vector<std::string> texts;
  for (int i = 0; i < 600; ++i) {
    texts.push_back(RandomArticle(rng, 60));
    ASSERT_TRUE(d->Add(id_of(i), texts.back(), i).ok());
    if (i % 3 != 0) ASSERT_TRUE(d->Remove(id_of(i)));  // ~1.6 MB removed
  }
  EXPECT_EQ(d->size(), 200u);
  for (int i = 0; i < 600; ++i) {
    EXPECT_EQ(d->Contains(id_of(i)), i % 3 == 0) << i;
  }
  for (int i = 0; i < 600; i += 3) {
    const AddResult r = d->Query(texts[i]);
    ASSERT_FALSE(r.is_new) << i;
    EXPECT_EQ(r.matches[0].id, id_of(i));
  }
  testing::TempDir dir;
  ASSERT_TRUE(d->Save(dir.File("d.ndx")).ok());
  auto opened = Deduper::Open(dir.File("d.ndx"));
  ASSERT_TRUE(opened.ok()) << opened.status();
  for (int i = 0; i < 600; i += 3) {
    EXPECT_TRUE((*opened)->Contains(id_of(i)));
    const AddResult r = (*opened)->Query(texts[i]);
    ASSERT_FALSE(r.is_new) << i;
    EXPECT_EQ(r.matches[0].id, id_of(i));
  }
  // Ids up to kMaxIdBytes are taken; longer ones are refused.
  const std::string longest(Deduper::kMaxIdBytes, 'x');
  EXPECT_TRUE(d->Add(longest, "a short text of some words").ok());
  EXPECT_TRUE(d->Contains(longest));
  auto too_long = d->Add(longest + "y", "another text");
  EXPECT_EQ(too_long.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(d->Contains(longest + "y"));
}

TEST(DeduperTest, DuplicateIdIsAnError) {
  auto d = Make();
  ASSERT_TRUE(d->Add("x", "some text of a story here").ok());
  auto again = d->Add("x", "another text entirely");
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(d->size(), 1u);
}

TEST(DeduperTest, EmptyTextIsRecordedButNeverMatches) {
  auto d = Make();
  auto r = d->Add("e1", " ... !!! ");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty);
  EXPECT_TRUE(r->is_new);
  auto r2 = d->Add("e2", "???");
  ASSERT_TRUE(r2.ok());
  EXPECT_TRUE(r2->is_new);
  EXPECT_EQ(d->size(), 2u);
  EXPECT_TRUE(d->Remove("e1"));
}

TEST(DeduperTest, KeepSetsVerifiesExactly) {
  DeduperOptions o;
  o.keep_sets = true;
  o.boilerplate.enabled = false;
  auto d = Make(o);
  TestRng rng(4);
  const std::string story = RandomArticle(rng, 400);
  const std::string edited = EditWords(rng, story, 0.03);
  ASSERT_TRUE(d->Add("a", story).ok());
  AddResult r = d->Query(edited);
  ASSERT_FALSE(r.is_new);
  EXPECT_FALSE(r.matches[0].estimated);
  auto shingler = *Shingler::Create(o.shingle, o.normalise);
  ShingleSet sa, sb;
  shingler.Shingle(story, &sa);
  shingler.Shingle(edited, &sb);
  const Similarity exact = Compare(sa.hashes, sb.hashes);
  EXPECT_DOUBLE_EQ(r.matches[0].jaccard, exact.jaccard);
  EXPECT_DOUBLE_EQ(r.matches[0].containment, exact.containment);
}

// The b-bit estimate is unbiased to within the theory's standard error.
TEST(DeduperTest, EstimatedJaccardTracksExact) {
  for (int bits : {8, 16}) {
    DeduperOptions o = DeduperOptions::ForMode(Mode::kClassic);
    o.signature_bits = bits;
    o.match.threshold = 0.3;  // report low similarities too
    o.candidate_threshold = 0.3;
    auto d = Make(o);
    auto shingler = *Shingler::Create(o.shingle, o.normalise);
    TestRng rng(5 + bits);
    double error_sum = 0, abs_sum = 0;
    int n = 0;
    for (int i = 0; i < 60; ++i) {
      const std::string story = RandomArticle(rng, 500);
      const double fraction = 0.01 + 0.02 * (i % 5);
      const std::string edited = EditWords(rng, story, fraction);
      const std::string id = absl::StrCat("s", i);
      ASSERT_TRUE(d->Add(id, story).ok());
      AddResult r = d->Query(edited);
      ShingleSet sa, sb;
      shingler.Shingle(story, &sa);
      shingler.Shingle(edited, &sb);
      const double exact = Compare(sa.hashes, sb.hashes).jaccard;
      for (const Match& m : r.matches) {
        if (m.id != id) continue;
        error_sum += m.jaccard - exact;
        abs_sum += std::abs(m.jaccard - exact);
        ++n;
      }
      ASSERT_TRUE(d->Remove(id));
    }
    ASSERT_GT(n, 50);
    // sd of one estimate <= sqrt(0.25/128) + b-bit noise ~ 0.05.
    EXPECT_LT(std::abs(error_sum / n), 0.02) << "bits " << bits;
    EXPECT_LT(abs_sum / n, 0.05) << "bits " << bits;
  }
}

TEST(DeduperTest, MaxDocumentsEvictsTheOldest) {
  DeduperOptions o;
  o.max_documents = 50;
  auto d = Make(o);
  TestRng rng(6);
  for (int i = 0; i < 120; ++i) {
    ASSERT_TRUE(d->Add(absl::StrCat("d", i), RandomArticle(rng, 80), i).ok());
    EXPECT_LE(d->size(), 50u);
  }
  EXPECT_EQ(d->size(), 50u);
  EXPECT_FALSE(d->Contains("d69"));
  EXPECT_TRUE(d->Contains("d70"));
  EXPECT_TRUE(d->Contains("d119"));
  EXPECT_EQ(d->stats().evicted, 70u);
}

TEST(DeduperTest, HorizonKeepsRecentDocuments) {
  DeduperOptions o;
  o.horizon = 10;
  auto d = Make(o);
  TestRng rng(7);
  // Times out of order by a little, as from many fetchers.
  std::vector<std::string> texts;
  for (int i = 0; i < 100; ++i) {
    const int64_t time = i * 2 + (i % 3 == 0 ? -3 : 0);
    texts.push_back(RandomArticle(rng, 60));
    ASSERT_TRUE(d->Add(absl::StrCat("d", i), texts.back(), time).ok());
  }
  const int64_t latest = d->stats().latest_time;
  EXPECT_EQ(latest, 196);  // i = 98
  for (int i = 0; i < 100; ++i) {
    const int64_t time = i * 2 + (i % 3 == 0 ? -3 : 0);
    EXPECT_EQ(d->Contains(absl::StrCat("d", i)), time >= latest - 10) << i;
  }
  // An evicted story is new again.
  EXPECT_TRUE(d->Query(texts[0]).is_new);
  EXPECT_FALSE(d->Query(texts[99]).is_new);
}

TEST(DeduperTest, MemoryStaysFlatUnderAWindow) {
  DeduperOptions o;
  o.max_documents = 200;
  o.online_boilerplate.table_bits = 12;
  auto d = Make(o);
  TestRng rng(8);
  size_t memory_at_400 = 0;
  for (int i = 0; i < 2000; ++i) {
    ASSERT_TRUE(
        d->Add(absl::StrCat("doc-", i), RandomArticle(rng, 50), i).ok());
    if (i == 400) memory_at_400 = d->stats().memory_bytes;
  }
  EXPECT_EQ(d->size(), 200u);
  // Slots are reused: no growth after the window filled (hash tables may
  // settle at one capacity step).
  EXPECT_LE(d->stats().memory_bytes, memory_at_400 * 1.25);
}

TEST(DeduperTest, MatchesAreOrderedBestFirstAndCapped) {
  DeduperOptions o;
  o.max_matches = 3;
  auto d = Make(o);
  TestRng rng(9);
  const std::string story = RandomArticle(rng, 400);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        d->Add(absl::StrCat("e", i), EditWords(rng, story, 0.02 * i)).ok());
  }
  AddResult r = d->Query(story);
  ASSERT_EQ(r.matches.size(), 3u);
  EXPECT_EQ(r.matches[0].id, "e0");
  EXPECT_EQ(r.matches[0].kind, MatchKind::kExact);
  for (size_t i = 1; i < r.matches.size(); ++i) {
    EXPECT_TRUE(r.matches[i - 1].kind < r.matches[i].kind ||
                (r.matches[i - 1].kind == r.matches[i].kind &&
                 r.matches[i - 1].similarity >= r.matches[i].similarity));
  }
  EXPECT_GE(r.candidates, 5u);
}

// With keep_sets and no boilerplate, the stream finds the same verified
// pairs as the batch pipeline: one definition of a match.
TEST(DeduperTest, SamePairsAsTheBatchPipeline) {
  testing::TempDir dir;
  TestRng rng(10);
  std::vector<std::string> texts;
  for (int story = 0; story < 30; ++story) {
    const std::string base = RandomArticle(rng, 150 + 10 * story);
    texts.push_back(base);
    for (int copy = 0; copy < story % 4; ++copy) {
      std::string t = EditWords(rng, base, 0.03 + 0.1 * copy);
      if (copy == 2) t = t.substr(0, t.size() / 2);
      texts.push_back(t);
    }
  }
  std::string jsonl;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string text;
    for (char c : texts[i])
      text += c == '\n' ? std::string("\\n") : std::string(1, c);
    absl::StrAppend(&jsonl, "{\"id\": \"t", i, "\", \"text\": \"", text,
                    "\"}\n");
  }
  testing::WriteFile(dir.File("c.jsonl"), jsonl);
  DedupOptions batch = DedupOptions::ForMode(Mode::kSyndicated);
  batch.boilerplate.enabled = false;
  batch.collect_pairs = true;
  batch.threads = 1;
  auto result = RunDedup({dir.File("c.jsonl")}, batch);
  ASSERT_TRUE(result.ok()) << result.status();
  std::set<std::tuple<std::string, std::string, MatchKind>> expected, got;
  for (const Edge& e : result->pairs) {
    expected.emplace(result->docs[e.b].id, result->docs[e.a].id, e.kind);
  }
  // Every pair needs the batch's bands (max_bands = 0); with the streaming
  // cap some pairs may go unseen as candidates, but none is invented.
  for (int max_bands : {0, DeduperOptions{}.max_bands}) {
    DeduperOptions o = DeduperOptions::FromDedupOptions(batch);
    o.keep_sets = true;
    o.max_matches = 1000;
    o.max_bands = max_bands;
    auto d = Make(o);
    got.clear();
    for (size_t i = 0; i < texts.size(); ++i) {
      auto r = d->Add(absl::StrCat("t", i), texts[i]);
      ASSERT_TRUE(r.ok());
      for (const Match& m : r->matches) {
        got.emplace(absl::StrCat("t", i), m.id, m.kind);
      }
    }
    EXPECT_GT(expected.size(), 20u);
    if (max_bands == 0) {
      EXPECT_EQ(got, expected);
    } else {
      EXPECT_TRUE(std::includes(expected.begin(), expected.end(), got.begin(),
                                got.end()));
      EXPECT_GT(got.size(), expected.size() * 9 / 10);
    }
  }
}

// Many threads add and query at once: nothing is lost, and of copies added
// at the same moment exactly one is new.
TEST(DeduperTest, ConcurrentAddsAreAtomic) {
  DeduperOptions o;
  o.online_boilerplate.table_bits = 16;
  auto d = Make(o);
  constexpr int kThreads = 8;
  constexpr int kStories = 300;
  std::vector<std::string> stories;
  TestRng rng(11);
  for (int i = 0; i < kStories; ++i) stories.push_back(RandomArticle(rng, 120));
  std::atomic<int> news{0}, errors{0}, queries_done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Every thread adds a copy of every story under its own id; even
      // threads also query.
      for (int i = 0; i < kStories; ++i) {
        const int story = (i * 7 + t) % kStories;
        auto r = d->Add(absl::StrCat("s", story, "-t", t), stories[story], i);
        if (!r.ok()) {
          errors.fetch_add(1);
          continue;
        }
        if (r->is_new) news.fetch_add(1);
        if (t % 2 == 0) {
          d->Query(stories[(story + 1) % kStories]);
          queries_done.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(news.load(), kStories);
  EXPECT_EQ(d->size(), static_cast<size_t>(kThreads * kStories));
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_TRUE(d->Contains(absl::StrCat("s0-t", t)));
  }
  EXPECT_EQ(d->stats().duplicates,
            static_cast<uint64_t>((kThreads - 1) * kStories));
}

// Removed and evicted documents leave the index lazily and their slots are
// reused only after it compacts: a Deduper that went through heavy churn
// answers exactly like one that only ever held the surviving documents (in
// the same order), before and after a snapshot round trip.
TEST(DeduperTest, ChurnAnswersLikeAFreshIndex) {
  DeduperOptions o;
  o.boilerplate.enabled = false;  // the DF model remembers removed texts
  o.max_documents = 300;
  auto churned = Make(o);
  TestRng rng(31);
  std::vector<std::string> texts;
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) {
    // Every third article reworks an earlier one, so matches exist.
    std::string text =
        i % 3 == 2 && !texts.empty()
            ? EditWords(rng, texts[rng.Below(texts.size())], 0.05)
            : RandomArticle(rng, 80);
    ids.push_back(absl::StrCat("a", i));
    texts.push_back(std::move(text));
    ASSERT_TRUE(churned->Add(ids.back(), texts.back(), i).ok());
    if (i % 7 == 3) churned->Remove(ids[rng.Below(ids.size())]);
  }
  auto fresh = Make(o);
  int held = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!churned->Contains(ids[i])) continue;
    ASSERT_TRUE(fresh->Add(ids[i], texts[i], static_cast<int64_t>(i)).ok());
    ++held;
  }
  EXPECT_EQ(held, static_cast<int>(churned->size()));
  EXPECT_GT(churned->stats().evicted, 2000u);
  const std::string path = ::testing::TempDir() + "/churn.ndx";
  ASSERT_TRUE(churned->Save(path).ok());
  auto reopened = Deduper::Open(path);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  int matched = 0;
  for (size_t i = 0; i < texts.size(); i += 5) {
    const AddResult a = churned->Query(texts[i]);
    const AddResult b = fresh->Query(texts[i]);
    const AddResult c = (*reopened)->Query(texts[i]);
    ASSERT_EQ(a.matches.size(), b.matches.size()) << i;
    ASSERT_EQ(a.matches.size(), c.matches.size()) << i;
    EXPECT_EQ(a.candidates, b.candidates) << i;
    for (size_t m = 0; m < a.matches.size(); ++m) {
      EXPECT_EQ(a.matches[m].id, b.matches[m].id) << i;
      EXPECT_EQ(a.matches[m].id, c.matches[m].id) << i;
      EXPECT_EQ(a.matches[m].jaccard, b.matches[m].jaccard) << i;
    }
    matched += !a.is_new;
  }
  EXPECT_GT(matched, 50);
  std::remove(path.c_str());
}

// LshIndex::AddBulk (used by snapshot loads) builds the same buckets, in
// the same chain order, as Add in document order.
TEST(LshIndexBulkTest, SameAsAddInOrder) {
  LshOptions o{.threshold = 0.5,
               .num_perm = 16,
               .bands = 4,
               .rows = 4,
               .max_bucket_scan = 3};
  auto one = *LshIndex::Create(o);
  auto bulk = *LshIndex::Create(o);
  testing::TestRng rng(3);
  std::vector<uint32_t> docs;
  std::vector<uint32_t> folded;
  for (uint32_t d = 0; d < 600; ++d) {
    const uint32_t doc = d * 2 + 1;  // sparse numbers
    docs.push_back(doc);
    std::vector<uint64_t> k(4);
    for (auto& key : k) key = rng.Below(50);  // many shared keys
    for (uint64_t key : k) folded.push_back(LshIndex::FoldKey(key));
    one.Add(doc, k);
  }
  bulk.AddBulk(docs, folded, 2);
  EXPECT_EQ(bulk.size(), one.size());
  std::vector<uint32_t> a, b;
  for (int probe = 0; probe < 200; ++probe) {
    std::vector<uint64_t> k(4);
    for (auto& key : k) key = rng.Below(60);
    one.Query(k, &a);
    bulk.Query(k, &b);
    EXPECT_EQ(a, b);  // includes which 3 per bucket survive truncation
  }
  for (size_t i = 0; i < docs.size(); i += 7) {
    EXPECT_TRUE(bulk.Contains(docs[i]));
    ASSERT_TRUE(bulk.Remove(docs[i]));
    ASSERT_TRUE(one.Remove(docs[i]));
  }
  for (int probe = 0; probe < 100; ++probe) {
    std::vector<uint64_t> k(4);
    for (auto& key : k) key = rng.Below(60);
    one.Query(k, &a);
    bulk.Query(k, &b);
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace neardup

#include "neardup/boilerplate.h"

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::TestRng;

std::vector<uint64_t> Sorted(std::vector<uint64_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(BoilerplateOptionsTest, Validate) {
  EXPECT_TRUE(BoilerplateOptions{}.Validate().ok());
  EXPECT_FALSE(BoilerplateOptions{.min_documents = 1}.Validate().ok());
  EXPECT_FALSE(BoilerplateOptions{.min_document_fraction = 1}.Validate().ok());
  EXPECT_FALSE(BoilerplateOptions{.popular_quantile = 1}.Validate().ok());
  EXPECT_FALSE(BoilerplateOptions{.popular_factor = 0.5}.Validate().ok());
  EXPECT_FALSE(BoilerplateOptions{.sample_bytes = 0}.Validate().ok());
}

// 100 documents of 40 own shingles each; a footer of 10 shingles in 30 of
// them; a "story" of 20 shingles in 5 of them.
struct Corpus {
  std::vector<std::vector<uint64_t>> docs;
  std::vector<uint64_t> footer, story;
};

Corpus MakeCorpus() {
  TestRng rng(21);
  Corpus c;
  for (int i = 0; i < 10; ++i) c.footer.push_back(rng.Next());
  for (int i = 0; i < 20; ++i) c.story.push_back(rng.Next());
  for (int d = 0; d < 100; ++d) {
    std::vector<uint64_t> doc;
    for (int i = 0; i < 40; ++i) doc.push_back(rng.Next());
    if (d < 30) doc.insert(doc.end(), c.footer.begin(), c.footer.end());
    if (d >= 90 && d < 95)
      doc.insert(doc.end(), c.story.begin(), c.story.end());
    c.docs.push_back(Sorted(doc));
  }
  return c;
}

TEST(DocumentFrequencyCounterTest, FindsSharedShinglesAtThreshold) {
  const Corpus c = MakeCorpus();
  DocumentFrequencyCounter counter(5000, {.min_documents = 10});
  for (const auto& doc : c.docs) counter.AddDocument(doc);
  EXPECT_EQ(counter.documents(), 100u);
  const BoilerplateFilter filter = counter.Finish();
  EXPECT_EQ(filter.threshold(), 10u);  // max(10, 0.002 * 100)
  const auto frequencies = filter.Frequencies();
  ASSERT_EQ(frequencies.size(), c.footer.size());
  for (const auto& [shingle, df] : frequencies) {
    EXPECT_TRUE(std::count(c.footer.begin(), c.footer.end(), shingle));
    EXPECT_EQ(df, 30u);
  }
  for (uint64_t s : c.story) EXPECT_FALSE(filter.IsBoilerplate(s));
}

TEST(DocumentFrequencyCounterTest, FractionRaisesThreshold) {
  const Corpus c = MakeCorpus();
  DocumentFrequencyCounter counter(
      5000, {.min_documents = 2, .min_document_fraction = 0.31});
  for (const auto& doc : c.docs) counter.AddDocument(doc);
  const BoilerplateFilter filter = counter.Finish();
  EXPECT_EQ(filter.threshold(), 31u);
  EXPECT_EQ(filter.size(), 0u);  // the footer is in 30 < 31 documents
}

TEST(DocumentFrequencyCounterTest, ConcurrentAddsCountEveryDocument) {
  const Corpus c = MakeCorpus();
  DocumentFrequencyCounter counter(5000, {.min_documents = 10});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t d = t; d < c.docs.size(); d += 4)
        counter.AddDocument(c.docs[d]);
    });
  }
  for (auto& t : threads) t.join();
  const BoilerplateFilter filter = counter.Finish();
  EXPECT_EQ(filter.size(), c.footer.size());
  for (const auto& [shingle, df] : filter.Frequencies()) EXPECT_EQ(df, 30u);
}

TEST(BoilerplateFilterTest, RemovesBoilerplateKeepsTheRest) {
  const Corpus c = MakeCorpus();
  DocumentFrequencyCounter counter(5000, {.min_documents = 10});
  for (const auto& doc : c.docs) counter.AddDocument(doc);
  const BoilerplateFilter filter = counter.Finish();
  std::vector<uint64_t> doc = c.docs[0];  // 40 own + 10 footer
  EXPECT_EQ(filter.Apply(&doc), 10u);
  EXPECT_EQ(doc.size(), 40u);
  for (uint64_t s : doc) EXPECT_FALSE(filter.IsBoilerplate(s));
  EXPECT_TRUE(std::is_sorted(doc.begin(), doc.end()));  // order kept
  std::vector<uint64_t> clean = c.docs[50];
  EXPECT_EQ(filter.Apply(&clean), 0u);
  EXPECT_EQ(clean, c.docs[50]);
}

TEST(BoilerplateFilterTest, PopularStoryKeepsItsTextLosesItsWrapper) {
  // Story shingles in 20 documents (DF 20), a wrapper in 200 (DF 200): a
  // copy made only of those is a popular story: T_doc = 2 * 20 = 40, so the
  // wrapper goes and the story stays.
  TestRng rng(22);
  std::vector<std::pair<uint64_t, uint32_t>> frequencies;
  std::vector<uint64_t> copy;
  for (int i = 0; i < 50; ++i) {
    copy.push_back(rng.Next());
    frequencies.emplace_back(copy.back(), 20);
  }
  std::vector<uint64_t> wrapper;
  for (int i = 0; i < 8; ++i) {
    wrapper.push_back(rng.Next());
    frequencies.emplace_back(wrapper.back(), 200);
  }
  copy.insert(copy.end(), wrapper.begin(), wrapper.end());
  copy.push_back(rng.Next());  // one rare shingle (a typo)
  std::sort(frequencies.begin(), frequencies.end());
  const BoilerplateFilter filter(frequencies, 10, BoilerplateOptions{});
  std::vector<uint64_t> filtered = copy;
  EXPECT_EQ(filter.Apply(&filtered), 8u);
  EXPECT_EQ(filtered.size(), 51u);

  // A templated report: the frame is common but a third of the shingles
  // (the slot values) are rare, so the plain threshold applies and the
  // frame goes.
  std::vector<uint64_t> report(copy.begin(), copy.begin() + 40);
  for (int i = 0; i < 20; ++i) report.push_back(rng.Next());
  EXPECT_EQ(filter.Apply(&report), 40u);
  EXPECT_EQ(report.size(), 20u);
}

TEST(BoilerplateFilterTest, NeverEmptiesADocument) {
  const std::vector<std::pair<uint64_t, uint32_t>> frequencies = {{1, 50},
                                                                  {2, 50}};
  const BoilerplateFilter filter(frequencies, 10, BoilerplateOptions{});
  std::vector<uint64_t> doc = {1, 2};
  EXPECT_EQ(filter.Apply(&doc), 0u);
  EXPECT_EQ(doc.size(), 2u);
  const BoilerplateFilter empty;
  std::vector<uint64_t> any = {1, 2, 3};
  EXPECT_EQ(empty.Apply(&any), 0u);
  EXPECT_FALSE(empty.IsBoilerplate(1));
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// The two-pass use gives the same filter for any interleaving of
// concurrent counting, including shingles that share a counting slot with
// a common one (a tiny table forces collisions).
TEST(DocumentFrequencyCounterTest, TwoPassesAreOrderIndependent) {
  std::vector<std::vector<uint64_t>> docs;
  std::mt19937_64 rng(11);
  const std::vector<uint64_t> common = {rng(), rng(), rng()};
  for (int d = 0; d < 400; ++d) {
    std::vector<uint64_t> doc;
    for (int i = 0; i < 50; ++i) doc.push_back(rng());
    if (d % 3 == 0) doc.insert(doc.end(), common.begin(), common.end());
    std::sort(doc.begin(), doc.end());
    docs.push_back(doc);
  }
  auto run = [&](bool reverse) {
    DocumentFrequencyCounter counter(1, {.min_documents = 10});
    for (size_t i = 0; i < docs.size(); ++i) {
      counter.CountDocument(docs[reverse ? docs.size() - 1 - i : i]);
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      counter.CollectCandidates(docs[reverse ? i : docs.size() - 1 - i]);
    }
    return counter.Finish().Frequencies();
  };
  const auto forward = run(false);
  EXPECT_EQ(forward, run(true));
  // The three common shingles are found (rare shingles that share their
  // counting slots may be reported too, the same in every order).
  size_t found = 0;
  for (const auto& [s, df] : forward) {
    found += std::find(common.begin(), common.end(), s) != common.end();
  }
  EXPECT_EQ(found, 3u);
}

}  // namespace
}  // namespace neardup

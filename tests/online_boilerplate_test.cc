#include "neardup/online_boilerplate.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "neardup/boilerplate.h"
#include "neardup/shingle.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::TestRng;

// A document: `rare` random shingles plus the shared `footer` shingles.
std::vector<uint64_t> Document(TestRng& rng, size_t rare,
                               const std::vector<uint64_t>& footer) {
  std::vector<uint64_t> set = footer;
  for (size_t i = 0; i < rare; ++i) set.push_back(rng.Next());
  SortUnique(&set);
  return set;
}

std::vector<uint64_t> Footer(TestRng& rng, size_t n) {
  std::vector<uint64_t> footer;
  for (size_t i = 0; i < n; ++i) footer.push_back(rng.Next());
  return footer;
}

TEST(OnlineBoilerplateTest, CountsDocumentFrequency) {
  BoilerplateOptions b;
  OnlineBoilerplateModel model(b, {.table_bits = 16});
  TestRng rng(1);
  const std::vector<uint64_t> footer = Footer(rng, 5);
  for (int i = 0; i < 300; ++i) model.AddDocument(Document(rng, 50, footer), i);
  EXPECT_EQ(model.documents(), 300u);
  for (uint64_t s : footer) EXPECT_GE(model.Frequency(s), 300u);
  // A fresh shingle collides with at most a few counts: 15,000 rare
  // shingles in 65,536 slots.
  int high = 0;
  for (int i = 0; i < 1000; ++i) high += model.Frequency(rng.Next()) >= 3;
  EXPECT_LT(high, 20);
  EXPECT_EQ(model.threshold(), 10u);  // max(10, ceil(0.002 * 300))
}

TEST(OnlineBoilerplateTest, SuppressesTheSharedFooterOnly) {
  BoilerplateOptions b;
  OnlineBoilerplateModel model(b, {.table_bits = 18});
  TestRng rng(2);
  const std::vector<uint64_t> footer = Footer(rng, 8);
  for (int i = 0; i < 200; ++i) model.AddDocument(Document(rng, 60, footer), i);
  std::vector<uint64_t> doc = Document(rng, 60, footer);
  const size_t before = doc.size();
  EXPECT_EQ(model.Apply(&doc), footer.size());
  EXPECT_EQ(doc.size(), before - footer.size());
  for (uint64_t s : footer) {
    EXPECT_FALSE(std::binary_search(doc.begin(), doc.end(), s));
  }
  // A document made only of common shingles is never emptied.
  std::vector<uint64_t> only_footer = footer;
  SortUnique(&only_footer);
  EXPECT_EQ(model.Apply(&only_footer), 0u);
  EXPECT_EQ(only_footer.size(), footer.size());
}

TEST(OnlineBoilerplateTest, SameRuleAsTheBatchFilter) {
  // A popular story: most of its shingles are common; the guard keeps the
  // story and removes only the far more common wrapper.
  BoilerplateOptions b;
  TestRng rng(3);
  const std::vector<uint64_t> wrapper = Footer(rng, 4);
  const std::vector<uint64_t> story = Footer(rng, 40);
  OnlineBoilerplateModel model(b, {.table_bits = 18});
  DocumentFrequencyCounter counter(1 << 16, b);
  std::vector<std::vector<uint64_t>> docs;
  for (int i = 0; i < 400; ++i) {
    std::vector<uint64_t> doc = Document(rng, 30, wrapper);
    if (i % 8 == 0) {
      doc.insert(doc.end(), story.begin(), story.end());
      SortUnique(&doc);
    }
    model.AddDocument(doc, i);
    counter.AddDocument(doc);
    docs.push_back(std::move(doc));
  }
  for (const auto& doc : docs) counter.Collect(doc);
  BoilerplateFilter filter = counter.Finish();
  std::vector<uint64_t> copy = story;
  copy.insert(copy.end(), wrapper.begin(), wrapper.end());
  copy.push_back(rng.Next());
  SortUnique(&copy);
  std::vector<uint64_t> online = copy, batch = copy;
  const size_t removed_online = model.Apply(&online);
  const size_t removed_batch = filter.Apply(&batch);
  EXPECT_EQ(removed_online, wrapper.size());
  EXPECT_EQ(online, batch);
  EXPECT_EQ(removed_online, removed_batch);
}

TEST(OnlineBoilerplateTest, ForgetsOldEpochsByCount) {
  BoilerplateOptions b;
  OnlineBoilerplateModel model(b, {.table_bits = 16, .epoch_documents = 100});
  TestRng rng(4);
  const std::vector<uint64_t> footer = Footer(rng, 3);
  for (int i = 0; i < 100; ++i) model.AddDocument(Document(rng, 20, footer), 0);
  EXPECT_GE(model.Frequency(footer[0]), 100u);
  // Two more epochs still remember it, the third forgets.
  for (int i = 0; i < 200; ++i) model.AddDocument(Document(rng, 20, {}), 0);
  EXPECT_GE(model.Frequency(footer[0]), 100u);
  for (int i = 0; i < 100; ++i) model.AddDocument(Document(rng, 20, {}), 0);
  EXPECT_LT(model.Frequency(footer[0]), 10u);
  EXPECT_EQ(model.epoch(), 3u);
  EXPECT_LE(model.documents(), 300u);
}

TEST(OnlineBoilerplateTest, ForgetsOldEpochsByTime) {
  BoilerplateOptions b;
  OnlineBoilerplateModel model(b, {.table_bits = 16, .epoch_time = 10});
  TestRng rng(5);
  const std::vector<uint64_t> footer = Footer(rng, 3);
  for (int i = 0; i < 50; ++i) model.AddDocument(Document(rng, 20, footer), 5);
  model.AddDocument(Document(rng, 20, {}), 25);  // two epochs later
  EXPECT_GE(model.Frequency(footer[0]), 50u);
  model.AddDocument(Document(rng, 20, {}), 1000);  // long after
  EXPECT_LT(model.Frequency(footer[0]), 5u);
  EXPECT_EQ(model.documents(), 1u);
}

TEST(OnlineBoilerplateTest, SaveLoadRoundTrip) {
  BoilerplateOptions b;
  const OnlineBoilerplateOptions o{.table_bits = 12, .epoch_documents = 30};
  OnlineBoilerplateModel model(b, o);
  TestRng rng(6);
  const std::vector<uint64_t> footer = Footer(rng, 3);
  for (int i = 0; i < 70; ++i) model.AddDocument(Document(rng, 10, footer), i);
  SnapshotWriter w;
  model.Save(&w);
  OnlineBoilerplateModel copy(b, o);
  SnapshotReader r(w.payload());
  copy.Load(&r);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(copy.epoch(), model.epoch());
  EXPECT_EQ(copy.documents(), model.documents());
  EXPECT_EQ(copy.Frequency(footer[1]), model.Frequency(footer[1]));
  // A truncated state fails and leaves the model empty.
  SnapshotReader short_reader(std::string_view(w.payload()).substr(0, 100));
  copy.Load(&short_reader);
  EXPECT_FALSE(short_reader.ok());
  EXPECT_EQ(copy.documents(), 0u);
  // A full table is written densely and reads back the same.
  OnlineBoilerplateModel full(b, {.table_bits = 10});
  for (int i = 0; i < 200; ++i) full.AddDocument(Document(rng, 40, footer), i);
  SnapshotWriter dense;
  full.Save(&dense);
  EXPECT_GT(dense.payload().size(), size_t{8} << 10);   // 1024 words
  EXPECT_LT(dense.payload().size(), size_t{12} << 10);  // not sparse
  OnlineBoilerplateModel full_copy(b, {.table_bits = 10});
  SnapshotReader dense_reader(dense.payload());
  full_copy.Load(&dense_reader);
  ASSERT_TRUE(dense_reader.ok()) << dense_reader.status();
  for (int i = 0; i < 100; ++i) {
    const uint64_t s = rng.Next();
    EXPECT_EQ(full_copy.Frequency(s), full.Frequency(s));
  }
  // Another table size is refused.
  OnlineBoilerplateModel bigger(b, {.table_bits = 13});
  SnapshotReader r2(w.payload());
  bigger.Load(&r2);
  EXPECT_FALSE(r2.ok());
}

}  // namespace
}  // namespace neardup

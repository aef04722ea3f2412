#include "neardup/snapshot.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "absl/strings/str_cat.h"
#include "article_text.h"
#include "neardup/deduper.h"
#include "neardup/lsh_index.h"
#include "neardup/shingle.h"
#include "neardup/sketch.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::RandomArticle;
using testing::ReadFile;
using testing::TempDir;
using testing::TestRng;
using testing::WriteFile;

// Two Dedupers answer a query for text number `text` alike, match by match.
void ExpectSameMatches(const AddResult& a, const AddResult& b, size_t text) {
  ASSERT_EQ(a.matches.size(), b.matches.size()) << text;
  for (size_t m = 0; m < a.matches.size(); ++m) {
    EXPECT_EQ(a.matches[m].id, b.matches[m].id) << text;
    EXPECT_EQ(a.matches[m].kind, b.matches[m].kind) << text;
    EXPECT_EQ(a.matches[m].jaccard, b.matches[m].jaccard) << text;
  }
}

TEST(SnapshotTest, FieldsAreLittleEndian) {
  SnapshotWriter w;
  w.PutU32(0x01020304);
  w.PutU64(0x1122334455667788ULL);
  w.PutString("ab");
  const std::string expected(
      "\x04\x03\x02\x01"
      "\x88\x77\x66\x55\x44\x33\x22\x11"
      "\x02\x00\x00\x00\x00\x00\x00\x00"
      "ab",
      4 + 8 + 8 + 2);
  EXPECT_EQ(w.payload(), expected);
  SnapshotReader r(w.payload());
  EXPECT_EQ(r.GetU32(), 0x01020304u);
  EXPECT_EQ(r.GetU64(), 0x1122334455667788ULL);
  EXPECT_EQ(r.GetString(), "ab");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(SnapshotTest, ReadsPastTheEndFailCleanly) {
  SnapshotWriter w;
  w.PutU32(7);
  w.PutU64(uint64_t{1} << 40);  // an absurd string length
  SnapshotReader r(w.payload());
  EXPECT_EQ(r.GetU32(), 7u);
  EXPECT_EQ(r.GetString("name"), "");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(r.GetU64(), 0u);  // sticky
  SnapshotReader counts(w.payload());
  EXPECT_FALSE(counts.CheckCount(1000, 8, "items"));
  SnapshotReader flags(std::string_view("\x02", 1));
  flags.GetBool("flag");
  EXPECT_FALSE(flags.ok());
}

TEST(SnapshotTest, FileRoundTripAndHeader) {
  TempDir dir;
  const std::string path = dir.File("x.snap");
  ASSERT_TRUE(WriteSnapshotFile(path, "EXAMPLE", 3, "payload!").ok());
  const std::string bytes = ReadFile(path);
  ASSERT_EQ(bytes.size(), kSnapshotHeaderBytes + 8);
  EXPECT_EQ(bytes.substr(0, 8), "NDUPSNAP");
  EXPECT_EQ(bytes.substr(8, 8), std::string("EXAMPLE\0", 8));
  EXPECT_EQ(bytes.substr(16, 4), std::string("\x03\0\0\0", 4));
  auto file = ReadSnapshotFile(path, "EXAMPLE", 3);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->payload, "payload!");
  EXPECT_EQ(file->version, 3u);
  EXPECT_EQ(file->file_bytes, bytes.size());
  // No temporary file is left behind.
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(SnapshotTest, DamageIsAClearError) {
  TempDir dir;
  const std::string path = dir.File("x.snap");
  ASSERT_TRUE(WriteSnapshotFile(path, "EXAMPLE", 1, "0123456789").ok());
  const std::string good = ReadFile(path);
  EXPECT_EQ(ReadSnapshotFile(dir.File("missing"), "EXAMPLE", 1).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ReadSnapshotFile(path, "OTHER", 1).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // A newer version than this build reads.
  ASSERT_TRUE(WriteSnapshotFile(path, "EXAMPLE", 2, "0123456789").ok());
  auto newer = ReadSnapshotFile(path, "EXAMPLE", 1);
  EXPECT_EQ(newer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(newer.status().message().find("version 2"), std::string::npos);
  // Every truncation, and a flipped bit anywhere.
  for (size_t n = 0; n < good.size(); ++n) {
    WriteFile(path, good.substr(0, n));
    EXPECT_FALSE(ReadSnapshotFile(path, "EXAMPLE", 1).ok()) << n;
  }
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= 0x10;
    WriteFile(path, bad);
    EXPECT_FALSE(ReadSnapshotFile(path, "EXAMPLE", 1).ok()) << i;
  }
  WriteFile(path, std::string(100, 'x'));
  EXPECT_EQ(ReadSnapshotFile(path, "EXAMPLE", 1).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(SnapshotTest, FailedWriteKeepsThePreviousFile) {
  TempDir dir;
  const std::string path = dir.File("x.snap");
  ASSERT_TRUE(WriteSnapshotFile(path, "EXAMPLE", 1, "old").ok());
  EXPECT_FALSE(
      WriteSnapshotFile(dir.File("no/such/dir/x.snap"), "EXAMPLE", 1, "new")
          .ok());
  // Renaming over a directory fails after the data was written.
  std::filesystem::create_directory(dir.File("d.snap"));
  EXPECT_FALSE(WriteSnapshotFile(dir.File("d.snap"), "EXAMPLE", 1, "x").ok());
  auto file = ReadSnapshotFile(path, "EXAMPLE", 1);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->payload, "old");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 2);  // x.snap and the directory d.snap
}

// --- Deduper snapshots ------------------------------------------------------

DeduperOptions SmallOptions() {
  DeduperOptions o;
  o.online_boilerplate.table_bits = 12;
  return o;
}

std::unique_ptr<Deduper> Filled(const DeduperOptions& o,
                                std::vector<std::string>* texts, int n) {
  auto d = *Deduper::Create(o);
  TestRng rng(42);
  for (int i = 0; i < n; ++i) {
    texts->push_back(RandomArticle(rng, 100));
    EXPECT_TRUE(d->Add(absl::StrCat("id", i), texts->back(), 1000 + i).ok());
  }
  return d;
}

TEST(DeduperSnapshotTest, SaveLoadRoundTrip) {
  for (bool keep_sets : {false, true}) {
    TempDir dir;
    DeduperOptions o = SmallOptions();
    o.keep_sets = keep_sets;
    o.max_documents = 1000;
    std::vector<std::string> texts;
    auto d = Filled(o, &texts, 200);
    ASSERT_TRUE(d->Remove("id7"));
    const std::string path = dir.File("d.ndx");
    ASSERT_TRUE(d->Save(path).ok());

    auto loaded = *Deduper::Create(o);
    ASSERT_TRUE(loaded->Load(path).ok());
    EXPECT_EQ(loaded->size(), 199u);
    EXPECT_FALSE(loaded->Contains("id7"));
    for (int i = 0; i < 200; i += 13) {
      ExpectSameMatches(d->Query(texts[i]), loaded->Query(texts[i]), i);
    }
    const DeduperStats sa = d->stats(), sb = loaded->stats();
    EXPECT_EQ(sa.added, sb.added);
    EXPECT_EQ(sa.latest_time, sb.latest_time);
    EXPECT_EQ(sa.boilerplate_documents, sb.boilerplate_documents);
    EXPECT_EQ(sa.boilerplate_threshold, sb.boilerplate_threshold);
    // Both go on identically.
    auto ra = d->Add("next", texts[3], 5000);
    auto rb = loaded->Add("next", texts[3], 5000);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(ra->matches.size(), rb->matches.size());
    // Open takes the options from the file.
    auto opened = Deduper::Open(path);
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_EQ(DescribeOptions((*opened)->options()), DescribeOptions(o));
    EXPECT_EQ((*opened)->size(), 199u);
    // Saving the loaded state gives the same bytes.
    ASSERT_TRUE((*opened)->Save(dir.File("again.ndx")).ok());
    EXPECT_EQ(ReadFile(dir.File("again.ndx")), ReadFile(path));
  }
}

// Version 2 files (one record per document, with its folded band keys)
// still load. The file is written here field by field, the band keys and
// signatures computed as the Deduper does (boilerplate off, so that the
// sets are the shingled ones and no DF model is stored).
TEST(DeduperSnapshotTest, Version2FilesStillLoad) {
  TempDir dir;
  DeduperOptions o = SmallOptions();
  o.boilerplate.enabled = false;
  o.max_bands = 0;  // what a version 2 file means: the batch's bands
  std::vector<std::string> texts;
  auto d = Filled(o, &texts, 120);
  auto shingler = *Shingler::Create(o.shingle, o.normalise);
  auto sketcher = *Sketcher::Create(o.sketch);
  auto lsh = *LshIndex::Create(o.EffectiveLshOptions());
  const size_t b = lsh.params().bands;
  EXPECT_EQ(b, 55u);
  SnapshotWriter w;
  auto described = DescribeOptions(o);
  ASSERT_EQ(described.back().first, "max_bands");  // not in version 2
  described.pop_back();
  w.PutU32(static_cast<uint32_t>(described.size()));
  for (const auto& [name, value] : described) {
    w.PutString(name);
    w.PutString(value);
  }
  const DeduperStats stats = d->stats();
  w.PutU64(texts.size() + 1);  // next_seq
  w.PutI64(stats.latest_time);
  w.PutBool(true);
  for (uint64_t counter :
       {stats.added, stats.duplicates, uint64_t{0}, uint64_t{0}, uint64_t{0}}) {
    w.PutU64(counter);
  }
  w.PutU32(static_cast<uint32_t>(b));
  w.PutU32(static_cast<uint32_t>(sketcher.k()));  // 8-bit signatures
  w.PutU64(texts.size());
  ShingleSet set;
  std::vector<uint32_t> signature(sketcher.k());
  std::vector<uint64_t> keys(b);
  std::vector<uint32_t> folded(b);
  for (size_t i = 0; i < texts.size(); ++i) {
    shingler.Shingle(texts[i], &set);
    ASSERT_FALSE(set.hashes.empty());
    sketcher.Sign(set.hashes, signature);
    lsh.BandKeys(signature, keys);
    w.PutString(absl::StrCat("id", i));
    w.PutI64(1000 + static_cast<int64_t>(i));
    w.PutU64(i + 1);
    w.PutU64(set.text_hash);
    w.PutU32(static_cast<uint32_t>(set.hashes.size()));
    w.PutBool(true);
    for (uint32_t v : signature) w.PutU8(static_cast<uint8_t>(v));
    for (size_t band = 0; band < b; ++band) {
      folded[band] = LshIndex::FoldKey(keys[band]);
    }
    w.PutU32Array(folded);
  }
  const std::string path = dir.File("v2.ndx");
  ASSERT_TRUE(WriteSnapshotFile(path, "DEDUPER", 2, w.payload()).ok());
  auto opened = Deduper::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ((*opened)->size(), texts.size());
  EXPECT_EQ((*opened)->options().max_bands, 0);
  EXPECT_EQ((*opened)->lsh_params().bands, 55);
  // Saved again (current version) and reopened: still the same answers.
  ASSERT_TRUE((*opened)->Save(dir.File("v3.ndx")).ok());
  auto v3 = Deduper::Open(dir.File("v3.ndx"));
  ASSERT_TRUE(v3.ok()) << v3.status();
  // The current file of the original equals the one of the v2 load
  // (saved before any Query moves the counters).
  ASSERT_TRUE(d->Save(dir.File("d.ndx")).ok());
  EXPECT_TRUE(ReadFile(dir.File("d.ndx")) == ReadFile(dir.File("v3.ndx")));
  int matched = 0;
  for (size_t i = 0; i < texts.size(); i += 3) {
    const AddResult a = d->Query(texts[i]);
    for (const Deduper* other : {opened->get(), v3->get()}) {
      ExpectSameMatches(a, other->Query(texts[i]), i);
    }
    matched += !a.is_new;
  }
  EXPECT_GT(matched, 0);
}

// `payload` (current version) without the option `name`, as an older
// version stored it.
std::string WithoutOption(const std::string& payload, const std::string& name) {
  SnapshotReader in(payload);
  const uint32_t count = in.GetU32();
  std::vector<std::pair<std::string, std::string>> options;
  for (uint32_t i = 0; i < count; ++i) {
    std::string key = in.GetString();
    std::string value = in.GetString();
    if (key != name) options.emplace_back(std::move(key), std::move(value));
  }
  EXPECT_TRUE(in.ok());
  EXPECT_EQ(options.size() + 1, count);
  SnapshotWriter out;
  out.PutU32(static_cast<uint32_t>(options.size()));
  for (const auto& [key, value] : options) {
    out.PutString(key);
    out.PutString(value);
  }
  return out.payload() + payload.substr(payload.size() - in.remaining());
}

// Version 3 files: version 4 without max_bands (so built with the batch's
// 55 bands). One is made from a version 4 file of a Deduper with
// max_bands = 0, which holds the same bytes otherwise.
TEST(DeduperSnapshotTest, Version3FilesStillLoad) {
  TempDir dir;
  DeduperOptions o = SmallOptions();
  o.max_bands = 0;
  std::vector<std::string> texts;
  auto d = Filled(o, &texts, 150);
  ASSERT_TRUE(d->Remove("id9"));
  ASSERT_TRUE(d->Save(dir.File("v4.ndx")).ok());
  auto v4 = ReadSnapshotFile(dir.File("v4.ndx"), "DEDUPER", 4);
  ASSERT_TRUE(v4.ok()) << v4.status();
  ASSERT_EQ(v4->version, 4u);
  const std::string path = dir.File("v3.ndx");
  ASSERT_TRUE(WriteSnapshotFile(path, "DEDUPER", 3,
                                WithoutOption(v4->payload, "max_bands"))
                  .ok());
  auto opened = Deduper::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ((*opened)->options().max_bands, 0);
  EXPECT_EQ((*opened)->lsh_params().bands, 55);
  EXPECT_EQ((*opened)->size(), 149u);
  // Load into a Deduper of the same options works; into one of today's
  // default (capped bands), it is refused by name.
  auto same = *Deduper::Create(o);
  EXPECT_TRUE(same->Load(path).ok());
  auto capped = *Deduper::Create(SmallOptions());
  const absl::Status status = capped->Load(path);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("max_bands"), std::string::npos) << status;
  int matched = 0;
  for (size_t i = 0; i < texts.size(); i += 7) {
    const AddResult a = d->Query(texts[i]);
    ExpectSameMatches(a, (*opened)->Query(texts[i]), i);
    matched += !a.is_new;
  }
  EXPECT_GT(matched, 0);
  // Saved again: a version 4 file with max_bands = 0.
  ASSERT_TRUE((*opened)->Save(dir.File("again.ndx")).ok());
  auto again = Deduper::ReadOptions(dir.File("again.ndx"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->max_bands, 0);
}

// A snapshot holds its bands: one built with other bands opens with them.
TEST(DeduperSnapshotTest, BandsComeFromTheFile) {
  TempDir dir;
  for (int max_bands : {0, 24, 12}) {
    DeduperOptions o = SmallOptions();
    o.max_bands = max_bands;
    std::vector<std::string> texts;
    auto d = Filled(o, &texts, 40);
    const std::string path = dir.File(absl::StrCat(max_bands, ".ndx"));
    ASSERT_TRUE(d->Save(path).ok());
    auto opened = Deduper::Open(path);
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_EQ((*opened)->options().max_bands, max_bands);
    EXPECT_EQ((*opened)->lsh_params().bands, d->lsh_params().bands);
    EXPECT_EQ((*opened)->lsh_params().bands, max_bands == 0 ? 55 : max_bands);
    const AddResult r = (*opened)->Query(texts[5]);
    ASSERT_FALSE(r.is_new);
    EXPECT_EQ(r.matches[0].id, "id5");
  }
}

TEST(DeduperSnapshotTest, OtherOptionsAreRejectedByName) {
  TempDir dir;
  std::vector<std::string> texts;
  auto d = Filled(SmallOptions(), &texts, 20);
  ASSERT_TRUE(d->Save(dir.File("d.ndx")).ok());
  DeduperOptions other = SmallOptions();
  other.match.threshold = 0.7;
  other.shingle.n = 4;
  auto loaded = *Deduper::Create(other);
  absl::Status status = loaded->Load(dir.File("d.ndx"));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("match.threshold"), std::string::npos)
      << status;
  EXPECT_NE(status.message().find("shingle.n"), std::string::npos);
  EXPECT_EQ(loaded->size(), 0u);  // unchanged
}

TEST(DeduperSnapshotTest, DamagedFilesNeverCrashNorLoad) {
  TempDir dir;
  std::vector<std::string> texts;
  auto d = Filled(SmallOptions(), &texts, 30);
  const std::string path = dir.File("d.ndx");
  ASSERT_TRUE(d->Save(path).ok());
  const std::string good = ReadFile(path);
  auto target = *Deduper::Create(SmallOptions());
  ASSERT_TRUE(target->Add("keep", texts[0]).ok());
  TestRng rng(5);
  for (int trial = 0; trial < 60; ++trial) {
    std::string bad = good;
    if (trial % 2 == 0) {
      bad.resize(rng.Below(good.size()));
    } else {
      bad[rng.Below(good.size())] ^= static_cast<char>(1 + rng.Below(255));
    }
    WriteFile(path, bad);
    absl::Status status = target->Load(path);
    EXPECT_FALSE(status.ok()) << trial;
    EXPECT_TRUE(status.code() == absl::StatusCode::kDataLoss ||
                status.code() == absl::StatusCode::kFailedPrecondition)
        << status;
    EXPECT_EQ(target->size(), 1u);
    EXPECT_FALSE(Deduper::Open(path).ok());
  }
  // A payload with a valid checksum but inconsistent contents (a document
  // count beyond the data) is caught by the parser.
  std::string payload = good.substr(kSnapshotHeaderBytes);
  payload.resize(payload.size() / 2);
  ASSERT_TRUE(WriteSnapshotFile(path, "DEDUPER", 1, payload).ok());
  EXPECT_EQ(target->Load(path).code(), absl::StatusCode::kDataLoss);
  ASSERT_TRUE(WriteSnapshotFile(path, "DEDUPER", 99, payload).ok());
  EXPECT_EQ(target->Load(path).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(target->size(), 1u);
}

TEST(DeduperSnapshotTest, SaveWhileOthersAdd) {
  TempDir dir;
  auto d = *Deduper::Create(SmallOptions());
  TestRng rng(9);
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) texts.push_back(RandomArticle(rng, 60));
  std::atomic<bool> stop{false};
  std::atomic<int> added{0};
  std::vector<std::thread> adders;
  for (int t = 0; t < 3; ++t) {
    adders.emplace_back([&, t] {
      for (int i = t; i < 400 && !stop; i += 3) {
        if (d->Add(absl::StrCat("d", i), texts[i], i).ok()) added.fetch_add(1);
      }
    });
  }
  std::vector<size_t> saved_sizes;
  for (int s = 0; s < 5; ++s) {
    const std::string path = dir.File(absl::StrCat("s", s, ".ndx"));
    ASSERT_TRUE(d->Save(path).ok());
    auto loaded = Deduper::Open(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    saved_sizes.push_back((*loaded)->size());
    // A consistent state: every document held is found by its own text.
    const DeduperStats stats = (*loaded)->stats();
    EXPECT_EQ(stats.added, (*loaded)->size());
  }
  stop = true;
  for (auto& th : adders) th.join();
  for (size_t i = 1; i < saved_sizes.size(); ++i) {
    EXPECT_GE(saved_sizes[i], saved_sizes[i - 1]);
  }
  EXPECT_EQ(d->size(), static_cast<size_t>(added.load()));
}

}  // namespace
}  // namespace neardup

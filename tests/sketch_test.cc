#include "neardup/sketch.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "test_util.h"

namespace neardup {
namespace {

using testing::MakeSetPair;
using testing::TestRng;

TEST(SketchOptionsTest, ValidatesK) {
  EXPECT_FALSE(SketchOptions{.num_perm = 4}.Validate().ok());
  EXPECT_FALSE(SketchOptions{.num_perm = 5000}.Validate().ok());
  EXPECT_TRUE(SketchOptions{.num_perm = 128}.Validate().ok());
  EXPECT_FALSE(Sketcher::Create({.num_perm = 0}).ok());
}

TEST(SketchOptionsTest, ParsesAlgorithm) {
  EXPECT_EQ(*ParseSketchAlgorithm("oph"), SketchAlgorithm::kOph);
  EXPECT_EQ(*ParseSketchAlgorithm("classic"), SketchAlgorithm::kClassic);
  EXPECT_FALSE(ParseSketchAlgorithm("minhash").ok());
  EXPECT_EQ(SketchAlgorithmName(SketchAlgorithm::kClassic), "classic");
}

std::vector<uint32_t> Sign(const Sketcher& sketcher,
                           const std::vector<uint64_t>& set) {
  std::vector<uint32_t> signature(sketcher.k());
  sketcher.Sign(set, signature);
  return signature;
}

class SketchAlgorithmTest : public ::testing::TestWithParam<SketchAlgorithm> {};

TEST_P(SketchAlgorithmTest, IdenticalSetsGiveIdenticalSignatures) {
  auto sketcher = *Sketcher::Create({.algorithm = GetParam()});
  TestRng rng(7);
  auto [a, b] = MakeSetPair(rng, 300, 0);
  std::vector<uint64_t> shuffled(a.rbegin(), a.rend());
  EXPECT_EQ(Sign(sketcher, a), Sign(sketcher, shuffled));
  EXPECT_EQ(EstimateJaccard(Sign(sketcher, a), Sign(sketcher, b)), 1.0);
}

TEST_P(SketchAlgorithmTest, DisjointSetsRarelyAgree) {
  auto sketcher = *Sketcher::Create({.algorithm = GetParam()});
  TestRng rng(8);
  auto [a, b] = MakeSetPair(rng, 0, 400);
  EXPECT_LT(EstimateJaccard(Sign(sketcher, a), Sign(sketcher, b)), 0.05);
}

TEST_P(SketchAlgorithmTest, SeedChangesSignature) {
  auto one = *Sketcher::Create({.algorithm = GetParam(), .seed = 1});
  auto two = *Sketcher::Create({.algorithm = GetParam(), .seed = 2});
  TestRng rng(9);
  auto [a, b] = MakeSetPair(rng, 100, 0);
  EXPECT_NE(Sign(one, a), Sign(two, a));
}

TEST(SketchOphTest, SingleShingleFillsEveryBin) {
  // OPH leaves k - 1 bins empty; densification must copy the one value.
  auto sketcher = *Sketcher::Create({.algorithm = SketchAlgorithm::kOph});
  std::vector<uint32_t> signature = Sign(sketcher, {0x1234567890abcdefULL});
  for (uint32_t v : signature) EXPECT_EQ(v, signature[0]);
}

// RMSE of the estimate over 2,000 seeded trials against the binomial
// standard error sqrt(J(1-J)/k) of classic MinHash.
double MeasuredRmse(const Sketcher& sketcher, size_t common, size_t only_each,
                    uint64_t seed) {
  constexpr int kTrials = 2000;
  const double j = static_cast<double>(common) / (common + 2 * only_each);
  TestRng rng(seed);
  double squared = 0;
  for (int t = 0; t < kTrials; ++t) {
    auto [a, b] = MakeSetPair(rng, common, only_each);
    const double estimate =
        EstimateJaccard(Sign(sketcher, a), Sign(sketcher, b));
    squared += (estimate - j) * (estimate - j);
  }
  return std::sqrt(squared / kTrials);
}

struct RmseCase {
  SketchAlgorithm algorithm;
  size_t union_size;  // |A ∪ B|; set sizes follow from J
  double tolerance;   // allowed RMSE / sqrt(J(1-J)/k)
};

class SketchRmseTest : public ::testing::TestWithParam<RmseCase> {};

TEST_P(SketchRmseTest, RmseWithinTheory) {
  const RmseCase& c = GetParam();
  constexpr int kK = 128;
  auto sketcher = *Sketcher::Create({.num_perm = kK, .algorithm = c.algorithm});
  for (double j : {0.2, 0.5, 0.8, 0.95}) {
    const size_t common = static_cast<size_t>(std::lround(j * c.union_size));
    const size_t only_each = (c.union_size - common) / 2;
    ASSERT_EQ(common + 2 * only_each, c.union_size);
    const double bound = c.tolerance * std::sqrt(j * (1 - j) / kK);
    const double rmse =
        MeasuredRmse(sketcher, common, only_each, 1000 + common);
    EXPECT_LE(rmse, bound) << "J=" << j << " |A|=" << common + only_each;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Theory, SketchRmseTest,
    ::testing::Values(
        // Classic MinHash: the binomial bound itself, 10% slack for sampling.
        RmseCase{SketchAlgorithm::kClassic, 800, 1.1},
        RmseCase{SketchAlgorithm::kClassic, 40, 1.1},
        // OPH with n >= 2k (|A| >= 480 > 256): as good as classic.
        RmseCase{SketchAlgorithm::kOph, 800, 1.1},
        // OPH with n < k (|A| in 24..39): densification costs up to 25%.
        RmseCase{SketchAlgorithm::kOph, 40, 1.25}),
    [](const auto& info) {
      return std::string(SketchAlgorithmName(info.param.algorithm)) + "_union" +
             std::to_string(info.param.union_size);
    });

INSTANTIATE_TEST_SUITE_P(Algorithms, SketchAlgorithmTest,
                         ::testing::Values(SketchAlgorithm::kOph,
                                           SketchAlgorithm::kClassic),
                         [](const auto& info) {
                           return std::string(SketchAlgorithmName(info.param));
                         });

// Golden signatures: the hash set -> signature mapping of each algorithm is
// frozen. If this test fails, stored signatures of earlier versions no
// longer match: bump kSignatureVersion on purpose, never silently.
std::vector<uint64_t> GoldenSet() {
  TestRng rng(20240229);
  std::vector<uint64_t> set;
  for (int i = 0; i < 40; ++i) set.push_back(rng.Next());
  return set;
}

TEST(SketchGoldenTest, Oph) {
  auto sketcher = *Sketcher::Create(
      {.num_perm = 16, .algorithm = SketchAlgorithm::kOph, .seed = 1});
  const std::vector<uint32_t> expected = {
      1418833233u, 1940017386u, 36183720u,   1770124047u,
      1308800420u, 1418833233u, 4271731089u, 2960678184u,
      939082153u,  1308800420u, 381686301u,  1785505112u,
      1694896520u, 297035173u,  2960466419u, 644715510u};
  EXPECT_EQ(Sign(sketcher, GoldenSet()), expected);
}

TEST(SketchGoldenTest, Classic) {
  auto sketcher = *Sketcher::Create(
      {.num_perm = 16, .algorithm = SketchAlgorithm::kClassic, .seed = 1});
  const std::vector<uint32_t> expected = {
      50608873u, 73057502u,  107488632u, 139406189u, 70589849u, 145451932u,
      10817102u, 192950229u, 13498979u,  163707581u, 42731819u, 210147272u,
      73449446u, 13997063u,  137761891u, 73650959u};
  EXPECT_EQ(Sign(sketcher, GoldenSet()), expected);
}

// OPH written out plainly from its definition (sketch.h): no precomputed
// probes, no bitmaps. The optimised Sketcher must agree with it bit for bit
// for every k and set size, including sets much smaller than k (long
// densification searches) and values of 0xFFFFFFFF.
uint64_t RefMix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint32_t RefRange(uint32_t x, uint32_t k) {
  return static_cast<uint32_t>((uint64_t{x} * k) >> 32);
}

std::vector<uint32_t> ReferenceOph(const std::vector<uint64_t>& set, int k,
                                   uint64_t options_seed) {
  const uint64_t seed = RefMix64(options_seed);
  std::vector<uint32_t> sig(k, 0xFFFFFFFFu);
  std::vector<bool> filled(k, false);
  for (uint64_t shingle : set) {
    const uint64_t x = RefMix64(shingle ^ seed);
    const uint32_t bin = RefRange(static_cast<uint32_t>(x >> 32), k);
    sig[bin] = std::min(sig[bin], static_cast<uint32_t>(x));
    filled[bin] = true;
  }
  std::vector<uint32_t> out = sig;
  for (int bin = 0; bin < k; ++bin) {
    if (filled[bin]) continue;
    uint64_t state = RefMix64(seed ^ (uint64_t(bin) << 32));
    while (true) {
      state = RefMix64(state + 0x9e3779b97f4a7c15ULL);
      const uint32_t source = RefRange(static_cast<uint32_t>(state >> 32), k);
      if (filled[source]) {
        out[bin] = sig[source];
        break;
      }
    }
  }
  return out;
}

TEST(SketchOphTest, MatchesPlainDefinition) {
  TestRng rng(31337);
  for (int k : {8, 16, 64, 100, 128, 129, 256, 1000, 4096}) {
    for (uint64_t seed : {uint64_t{1}, uint64_t{77}}) {
      auto sketcher = *Sketcher::Create(
          {.num_perm = k, .algorithm = SketchAlgorithm::kOph, .seed = seed});
      for (size_t n : {1, 2, 3, 5, 10, 40, 115, 128, 300, 2000}) {
        if (k >= 1000 && n < 10) continue;  // the reference is O(k^2 / n)
        std::vector<uint64_t> set;
        for (size_t i = 0; i < n; ++i) set.push_back(rng.Next());
        ASSERT_EQ(Sign(sketcher, set), ReferenceOph(set, k, seed))
            << "k=" << k << " n=" << n << " seed=" << seed;
      }
    }
  }
}

TEST(SketchGoldenTest, VersionIsPinned) { EXPECT_EQ(kSignatureVersion, 2); }

}  // namespace
}  // namespace neardup

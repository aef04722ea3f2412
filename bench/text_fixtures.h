// Benchmark inputs: real news text from ../shared/datasets when that folder
// exists, else short built-in samples, so every suite runs anywhere.
//
// Four kinds of text:
//   kEnglish      Reuters-21578 newswire (ASCII, upper-case headlines,
//                 indented paragraphs, &lt; entities)
//   kMostlyAscii  BBC News (ASCII with the odd '£')
//   kUrdu         COUNTER Urdu news (Arabic script, some harakat)
//   kJapanese     livedoor news (kanji, kana, full-width punctuation)
// The shared folder is $NEARDUP_SHARED_DIR if set, else <repo>/../shared.
//
// Two shapes:
//   * Text(kind, bytes): the first `bytes` of the kind's documents joined by
//     blank lines, cut back to a UTF-8 boundary: for length sweeps
//     (300 B, 3 KB, 30 KB) over one buffer;
//   * Documents(kind): the real documents one by one (up to ~4 MB), for
//     per-document throughput with real length variation.
//
// Example:
//   const std::string doc = neardup::bench::Text(neardup::bench::kUrdu, 3000);
//   state.SetLabel(neardup::bench::KindName(neardup::bench::kUrdu));
#ifndef NEARDUP_BENCH_TEXT_FIXTURES_H_
#define NEARDUP_BENCH_TEXT_FIXTURES_H_

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

namespace neardup::bench {

enum TextKind : int { kEnglish = 0, kMostlyAscii, kUrdu, kJapanese };
inline constexpr int kNumTextKinds = 4;

/// "english", "mostly_ascii", "urdu", "japanese".
const char* KindName(TextKind kind);

/// True if the kind's text came from ../shared/datasets (false: built-in).
bool FromDatasets(TextKind kind);

/// The real documents of `kind` (at least 64 KB of text in total, at most
/// about 4 MB), in corpus order. Built once, then cached.
const std::vector<std::string>& Documents(TextKind kind);

/// Total bytes of Documents(kind).
uint64_t TotalBytes(TextKind kind);

/// The first `bytes` bytes of the kind's documents joined by "\n\n" (text
/// repeated if needed), cut back to a UTF-8 character boundary.
std::string Text(TextKind kind, size_t bytes);

/// Registers Args({kind, bytes}) for `kinds` x {300, 3000, 30000} with arg
/// names "kind" and "bytes".
void KindsAndSizes(benchmark::internal::Benchmark* b,
                   std::initializer_list<TextKind> kinds = {
                       kEnglish, kMostlyAscii, kUrdu, kJapanese});

/// Sets the label "<kind>" or "<kind> (built-in text)".
void LabelKind(benchmark::State& state, TextKind kind);

/// Deterministic 64-bit values (splitmix64 of seed, seed + 1, ...).
std::vector<uint64_t> RandomValues(size_t n, uint64_t seed);

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_TEXT_FIXTURES_H_

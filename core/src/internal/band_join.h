// Batch candidate generation by sorting band keys (the LSH banding step for
// a whole corpus at once).
//
// LshIndex::QueryAndAdd, called for documents 0, 1, ..., n-1 in order,
// makes (x, y), x < y, a candidate when x and y share a band key in some
// band and x is among the `cap` most recent documents of y's bucket there.
// BandJoin finds the same pairs band by band: it sorts the band's (key,
// document) entries (radix sort, stable, so a bucket's run stays in
// document order), and within each run pairs every document with the up
// to `cap` documents before it. A pair sharing several bands is reported
// once, by the first band it shares (keys compared, caps not: a pair cut
// off by the cap in its first shared band but not in a later one is not
// reported, where QueryAndAdd would report it; this only happens in
// buckets of more than `cap` documents).
//
// Against the chained index this needs b·4 bytes per document (the keys)
// instead of about b·15, runs with no pointer chasing, and splits over
// threads by band.
//
// Example:
//   // keys: n x b folded band keys, document-major.
//   internal::BandJoin(keys, n, b, /*cap=*/4096, /*threads=*/2,
//                      [&](int worker, uint32_t x, uint32_t y) { ... });
#ifndef NEARDUP_INTERNAL_BAND_JOIN_H_
#define NEARDUP_INTERNAL_BAND_JOIN_H_

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "internal/parallel.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup::internal {

/// Whether rows x and y hold an equal key in some band in [first, last).
inline bool SharesBand(const uint32_t* x, const uint32_t* y, size_t first,
                       size_t last) {
  size_t i = first;
#if defined(__SSE2__)
  for (; i + 4 <= last; i += 4) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x + i));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi32(a, c)) != 0) return true;
  }
#endif
  for (; i < last; ++i) {
    if (x[i] == y[i]) return true;
  }
  return false;
}

/// Sorts entries (key << 32 | document) by key, stably (documents keep
/// their order within a key), with two 16-bit LSD passes; `scratch` is
/// resized to entries->size().
inline void SortByKeyStable(std::vector<uint64_t>* entries,
                            std::vector<uint64_t>* scratch) {
  constexpr size_t kRadix = size_t{1} << 16;
  std::vector<uint32_t> counts(kRadix);
  scratch->resize(entries->size());
  std::vector<uint64_t>* from = entries;
  std::vector<uint64_t>* to = scratch;
  for (int shift : {32, 48}) {
    std::fill(counts.begin(), counts.end(), 0);
    for (uint64_t e : *from) ++counts[(e >> shift) & (kRadix - 1)];
    uint32_t sum = 0;
    for (uint32_t& c : counts) {
      const uint32_t n = c;
      c = sum;
      sum += n;
    }
    uint64_t* out = to->data();
    for (uint64_t e : *from) out[counts[(e >> shift) & (kRadix - 1)]++] = e;
    std::swap(from, to);
  }
  // Two passes: the result is back in *entries.
  assert(from == entries);
}

/// Calls emit(worker, x, y) once for every candidate pair x < y (see the
/// file comment) of the n documents whose folded band keys are
/// keys[doc * b + band]. `worker` is in [0, threads); calls with the same
/// worker never overlap. Returns the number of documents for which some bucket
/// held more than `cap` earlier documents (truncated scans). Preconditions:
/// keys.size() == n * b, n < 2^32, cap >= 1.
template <typename Emit>
uint64_t BandJoin(std::span<const uint32_t> keys, size_t n, size_t b, int cap,
                  int threads, Emit&& emit) {
  assert(keys.size() == n * b);
  std::unique_ptr<std::atomic<uint8_t>[]> truncated(
      new std::atomic<uint8_t>[n]());
  // The keys of bands 0 and 1 side by side, 8 bytes per document (cache
  // resident far longer than the rows): most pairs of near-duplicates
  // share band 0 or 1, so their repeats in later bands are recognised
  // without fetching either row.
  std::vector<uint64_t> head(n);
  for (size_t d = 0; d < n; ++d) {
    head[d] = keys[d * b] | (b > 1 ? uint64_t{keys[d * b + 1]} << 32 : 0);
  }
  // Bands are taken kBlock at a time, so that one pass over the rows
  // gathers the entries of several bands.
  constexpr size_t kBlock = 4;
  struct Buffers {
    std::vector<uint64_t> entries[kBlock], scratch;
  };
  std::vector<Buffers> buffers(std::max(threads, 1));
  const size_t blocks = (b + kBlock - 1) / kBlock;
  ParallelFor(blocks, threads, 1, [&](size_t first, size_t last, int worker) {
    Buffers& buf = buffers[worker];
    for (size_t block = first; block < last; ++block) {
      const size_t band0 = block * kBlock;
      const size_t width = std::min(kBlock, b - band0);
      for (size_t k = 0; k < width; ++k) buf.entries[k].resize(n);
      for (size_t d = 0; d < n; ++d) {
        const uint32_t* row = &keys[d * b + band0];
        for (size_t k = 0; k < width; ++k) {
          buf.entries[k][d] = uint64_t{row[k]} << 32 | d;
        }
      }
      for (size_t k = 0; k < width; ++k) {
        const size_t band = band0 + k;
        SortByKeyStable(&buf.entries[k], &buf.scratch);
        const uint64_t* e = buf.entries[k].data();
        auto key_at = [e](size_t i) {
          return static_cast<uint32_t>(e[i] >> 32);
        };
        // Documents in buckets of two or more are fetched kAhead entries
        // before they are first paired (their rows are then reused by the
        // rest of the bucket from the cache).
        constexpr size_t kAhead = 16;
        size_t fetched = 0;
        auto fetch_to = [&](size_t limit) {
          for (limit = std::min(limit, n); fetched < limit; ++fetched) {
            const uint32_t key = key_at(fetched);
            if ((fetched > 0 && key_at(fetched - 1) == key) ||
                (fetched + 1 < n && key_at(fetched + 1) == key)) {
              const auto d = static_cast<uint32_t>(e[fetched]);
              __builtin_prefetch(&head[d]);
              __builtin_prefetch(&keys[size_t{d} * b]);
            }
          }
        };
        for (size_t run = 0; run < n;) {
          const uint32_t key = key_at(run);
          size_t end = run + 1;
          while (end < n && key_at(end) == key) ++end;
          fetch_to(run + kAhead);
          for (size_t p = run + 1; p < end; ++p) {
            fetch_to(p + kAhead);
            const auto y = static_cast<uint32_t>(e[p]);
            const uint32_t* ky = &keys[size_t{y} * b];
            size_t q = run;
            if (p - run > static_cast<size_t>(cap)) {
              q = p - cap;
              truncated[y].store(1, std::memory_order_relaxed);
            }
            const uint64_t hy = head[y];
            for (; q < p; ++q) {
              const auto x = static_cast<uint32_t>(e[q]);
              // Reported by an earlier band they share?
              if (band > 0) {
                const uint64_t same = ~(head[x] ^ hy);
                if (static_cast<uint32_t>(same) == 0xFFFFFFFFu) continue;
                if (band > 1 && (same >> 32) == 0xFFFFFFFFu) continue;
                if (band > 2 && SharesBand(&keys[size_t{x} * b], ky, 2, band)) {
                  continue;
                }
              }
              emit(worker, x, y);
            }
          }
          run = end;
        }
      }
    }
  });
  uint64_t count = 0;
  for (size_t d = 0; d < n; ++d) count += truncated[d].load();
  return count;
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_BAND_JOIN_H_

// Minimal fork-join parallelism for the pipeline stages.
#ifndef NEARDUP_INTERNAL_PARALLEL_H_
#define NEARDUP_INTERNAL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace neardup::internal {

/// Runs fn(begin, end, worker) over [0, n) split into chunks of `grain`
/// items, claimed dynamically by `threads` workers (the calling thread is
/// worker 0). Returns when all chunks are done. fn must be thread-safe
/// across distinct chunks.
template <typename Fn>
void ParallelFor(size_t n, int threads, size_t grain, Fn&& fn) {
  if (n == 0) return;
  grain = std::max<size_t>(grain, 1);
  const size_t chunks = (n + grain - 1) / grain;
  const int workers =
      static_cast<int>(std::min<size_t>(std::max(threads, 1), chunks));
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      fn(c * grain, std::min(n, (c + 1) * grain), worker);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_PARALLEL_H_

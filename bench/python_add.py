#!/usr/bin/env python3
"""Python `Deduper.add` per call against the engine's own loop, same articles.

Times two fresh Dedupers over the first N articles of a JSONL corpus: one fed
by `add` in a Python loop (one call, one GIL release per article), one by a
single `dedup(texts)` (the C++ loop over Deduper::Add). The ratio of their
means is the per-call cost of the binding.

  PYTHONPATH=build/python /usr/bin/python3 bench/python_add.py CORPUS.jsonl [N]

e.g. after `build/bin/neardup synth --remix --base \
../shared/datasets/reuters21578/corpus.jsonl --docs 20000 --seed 1 -o /tmp/p`.
"""
import json
import sys
import time

import neardup


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(texts) == n:
                break
            record = json.loads(line)
            ids.append(str(record["id"]))
            texts.append(record["text"])

    loop = neardup.Deduper()
    per_call = []
    start = time.perf_counter()
    for k, (i, t) in enumerate(zip(ids, texts)):
        s = time.perf_counter()
        loop.add(i, t, time=k + 1)
        per_call.append(time.perf_counter() - s)
    loop_mean = (time.perf_counter() - start) / len(texts)

    batch = neardup.Deduper()
    start = time.perf_counter()
    batch.dedup(texts)
    batch_mean = (time.perf_counter() - start) / len(texts)

    per_call.sort()
    print(f"{len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} "
          f"characters each on average")
    print(f"add in a Python loop: mean {loop_mean * 1e6:.2f} us per article "
          f"(p50 {per_call[len(per_call) // 2] * 1e6:.2f} us)")
    print(f"dedup(texts), the C++ loop: mean {batch_mean * 1e6:.2f} us per "
          f"article")
    print(f"ratio: {loop_mean / batch_mean:.2f}x")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Summarises a Google Benchmark JSON file written with repetitions.

For each benchmark: the best (highest) rate over the repetitions, the
median, and the spread (max/min - 1). On a shared machine the best
repetition is the least disturbed one, so that is the number to quote;
a large spread says the machine was busy.

    bench/e2e/summarise.py suites.json [REGEX]
"""
import json
import re
import statistics
import sys


def main():
    data = json.load(open(sys.argv[1]))
    pattern = re.compile(sys.argv[2] if len(sys.argv) > 2 else ".")
    runs = {}
    order = []
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" or b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"])
        if not pattern.search(name):
            continue
        if name not in runs:
            order.append(name)
        runs.setdefault(name, []).append(b)
    print(f"{'benchmark':58} {'best MB/s':>10} {'med MB/s':>9} "
          f"{'best items/s':>13} {'best ns':>11} {'spread':>7}  label")
    for name in order:
        reps = runs[name]
        mbs = [r.get("bytes_per_second", 0) / 1e6 for r in reps]
        items = [r.get("items_per_second", 0) for r in reps]
        times = [r["cpu_time"] * {"ns": 1, "us": 1e3, "ms": 1e6,
                                   "s": 1e9}[r["time_unit"]] for r in reps]
        spread = max(times) / min(times) - 1 if min(times) > 0 else 0
        best = max(range(len(reps)), key=lambda i: -times[i])
        label = reps[best].get("label", "")
        print(f"{name:58} {mbs[best]:10.1f} {statistics.median(mbs):9.1f} "
              f"{items[best]:13.4g} {times[best]:11.0f} {spread:6.0%}  {label}")


if __name__ == "__main__":
    main()

"""Tests of the neardup Python bindings (run with /usr/bin/python3 -m pytest)."""
import os
import random
import threading
import time

import pytest

import neardup


def article(rng, words=300):
    vocabulary = ["w%d" % i for i in range(20000)]
    lines, line = [], []
    for _ in range(words):
        line.append(vocabulary[int(20000 ** rng.random()) - 1])
        if len(line) == 12:
            lines.append(" ".join(line) + ".")
            line = []
    if line:
        lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def edit(rng, text, fraction):
    return " ".join(
        w if rng.random() >= fraction else "x%d" % rng.randrange(10 ** 6)
        for w in text.split(" "))


@pytest.fixture
def rng():
    return random.Random(1)


def test_defaults_find_exact_near_and_new(rng):
    d = neardup.Deduper()
    story = article(rng)
    first = d.add("a", story, time=5)
    assert first.is_new and first.matches == [] and bool(first)
    copy = d.add("b", story.upper())
    assert not copy.is_new
    assert [(m.id, m.kind, m.estimated, m.time) for m in copy.matches] == [
        ("a", "exact", False, 5)]
    near = d.add("c", edit(rng, story, 0.01))
    assert {m.id for m in near.matches} == {"a", "b"}
    assert all(m.estimated and m.jaccard > 0.7 for m in near.matches)
    assert all(m.kind in ("near", "contained") for m in near.matches)
    assert d.add("d", article(rng)).is_new
    assert len(d) == 4 and d.size() == 4
    assert d.stats()["duplicates"] == 2
    assert d.options()["match.threshold"] == "0.80000000000000004"


def test_query_remove_contains(rng):
    d = neardup.Deduper(threshold=0.9)
    story = article(rng)
    assert d.query(story).is_new
    d.add("x", story)
    assert not d.query(story).is_new
    assert "x" in d and len(d) == 1
    assert d.remove("x") is True
    assert d.remove("x") is False
    assert "x" not in d
    assert d.query(story).is_new


def test_errors_become_exceptions(tmp_path, rng):
    d = neardup.Deduper()
    d.add("x", "a short story about a cat")
    with pytest.raises(KeyError, match="already held"):
        d.add("x", "other text")
    with pytest.raises(ValueError, match="threshold"):
        neardup.Deduper(threshold=1.5)
    with pytest.raises(ValueError, match="mode"):
        neardup.Deduper(mode="nonsense")
    with pytest.raises(FileNotFoundError):
        d.load(str(tmp_path / "missing.ndx"))
    bad = tmp_path / "bad.ndx"
    bad.write_bytes(b"NDUPSNAP" + b"\0" * 100)
    with pytest.raises(neardup.Error, match="bad.ndx"):
        d.load(str(bad))
    assert issubclass(neardup.Error, RuntimeError)


def test_save_load_open(tmp_path, rng):
    d = neardup.Deduper(keep_sets=True, table_bits=12)
    texts = [article(rng, 120) for _ in range(50)]
    for i, t in enumerate(texts):
        d.add("id%d" % i, t, time=i)
    path = str(tmp_path / "d.ndx")
    d.save(path)
    e = neardup.Deduper(keep_sets=True, table_bits=12)
    e.load(path)
    assert len(e) == 50
    r = e.query(texts[7])
    assert r.matches[0].id == "id7" and r.matches[0].kind == "exact"
    o = neardup.Deduper.open(path)
    assert len(o) == 50 and o.options()["keep_sets"] == "true"
    # Other options: a clear error naming the option.
    with pytest.raises(neardup.Error, match="keep_sets"):
        neardup.Deduper(table_bits=12).load(path)
    # A truncated file.
    data = open(path, "rb").read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])
    with pytest.raises(neardup.Error, match="truncated|damaged"):
        e.load(path)
    assert len(e) == 50


def test_max_bands(tmp_path, rng):
    # Streaming caps the automatic bands (24 by default); 0 keeps the batch's.
    assert neardup.Deduper(table_bits=12).stats()["bands"] == 24
    d = neardup.Deduper(table_bits=12, max_bands=0)
    assert d.stats()["bands"] == 55
    text = article(rng, 100)
    d.add("a", text)
    path = str(tmp_path / "wide.ndx")
    d.save(path)
    o = neardup.Deduper.open(path)
    assert o.stats()["bands"] == 55 and o.options()["max_bands"] == "0"
    assert o.query(text).matches[0].id == "a"
    with pytest.raises(neardup.Error, match="max_bands"):
        neardup.Deduper(table_bits=12).load(path)


def test_batch_dedup(rng):
    d = neardup.Deduper()
    base = [article(rng, 150) for _ in range(10)]
    texts = base + [edit(rng, t, 0.01) for t in base[:4]]
    results = d.dedup(texts)
    assert [r.is_new for r in results] == [True] * 10 + [False] * 4
    assert [r.matches[0].id for r in results[10:]] == ["0", "1", "2", "3"]
    more = d.dedup(base[:2], ids=["p", "q"], times=[100, 101])
    for i, r in enumerate(more):
        assert r.matches[0].kind == "exact"
        assert str(i) in {m.id for m in r.matches if m.kind == "exact"}
    with pytest.raises(ValueError):
        d.dedup(["a"], ids=["x", "y"])


def test_window(rng):
    d = neardup.Deduper(max_documents=5)
    for i in range(12):
        d.add(str(i), article(rng, 40), time=i)
    assert len(d) == 5 and "6" not in d and "7" in d
    assert d.stats()["evicted"] == 7


def test_threads_add_concurrently(rng):
    d = neardup.Deduper(table_bits=14)
    stories = [article(rng, 80) for _ in range(100)]
    news = []
    lock = threading.Lock()

    def work(t):
        for i, s in enumerate(stories):
            r = d.add("%d/%d" % (i, t), s)
            if r.is_new:
                with lock:
                    news.append(i)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(news) == list(range(100))  # each story new exactly once
    assert len(d) == 400


def test_python_overhead_is_small(rng):
    # Not a timing assertion: reports the per-call cost next to the batch
    # call (which crosses into C++ once) for the same articles.
    texts = [article(rng, 500) for _ in range(300)]
    d1, d2 = neardup.Deduper(), neardup.Deduper()
    start = time.perf_counter()
    for i, t in enumerate(texts):
        d1.add(str(i), t)
    per_call = (time.perf_counter() - start) / len(texts)
    start = time.perf_counter()
    d2.dedup(texts)
    batch = (time.perf_counter() - start) / len(texts)
    print("python add %.1f us/call, batch %.1f us/text" %
          (per_call * 1e6, batch * 1e6))
    assert len(d1) == len(d2) == 300

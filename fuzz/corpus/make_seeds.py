#!/usr/bin/env python3
"""Writes the seed inputs of the fuzzers into fuzz/corpus/<target>/.

Seeds are small, hand-picked inputs that reach the interesting paths at once;
the fuzzers grow their own corpora from them. Inputs that once found a bug are
kept next to them as regression-<what>.bin and are not generated here.
Run from anywhere: /usr/bin/python3 fuzz/corpus/make_seeds.py
"""
import gzip
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def zstd(data: bytes) -> bytes:
    return subprocess.run(["zstd", "-q", "-c", "-3"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def write(target: str, name: str, data: bytes) -> None:
    os.makedirs(os.path.join(HERE, target), exist_ok=True)
    with open(os.path.join(HERE, target, name), "wb") as f:
        f.write(data)


JSONL = (
    '{"id": "a", "text": "The central bank raised rates on Thursday."}\n'
    '{"id": 7, "text": "caf\\u00e9 \\ud83d\\ude00 \\"quoted\\"", "tags": ["x", {"y": null}]}\r\n'
    '\n'
    '   \n'
    '{"text": "text before id", "id": "b", "n": -1.5e3, "ok": true}\n'
    '{"id": "c", "text": ""}'
).encode()
MESSY = (
    b'\xef\xbb\xbf{"id": "a", "text": "first"}\n'
    b'{"id": "b", "text": \n'
    b'{"text": "no id"}\n'
    b'{"id": "c"}\n'
    b'{"id": "a", "text": "duplicate"}\n'
    b'[1, 2]\n'
    b'{"id": 1.5, "text": "x"}\n'
    b'{"id": "d", "text": "caf\xe9 raw latin-1"}\n')

# jsonl_reader_fuzzer: flags byte (bit 0 skip, bit 1 text, bit 2 swapped
# fields) + file contents.
write("jsonl_reader_fuzzer", "plain.bin", b"\x00" + JSONL)
write("jsonl_reader_fuzzer", "messy-skip.bin", b"\x01" + MESSY)
write("jsonl_reader_fuzzer", "messy-fail.bin", b"\x00" + MESSY)
write("jsonl_reader_fuzzer", "gzip.bin", b"\x01" + gz(JSONL) + gz(MESSY))
write("jsonl_reader_fuzzer", "zstd.bin", b"\x01" + zstd(JSONL) + zstd(MESSY))
write("jsonl_reader_fuzzer", "truncated-gzip.bin", b"\x01" + gz(JSONL)[:40])
write("jsonl_reader_fuzzer", "text.bin",
      b"\x02" + "東京都は二十日、計画を発表した。\nLine two.\n".encode())
write("jsonl_reader_fuzzer", "swapped.bin",
      b"\x05" + b'{"id": "body", "text": "key"}\n{"text": 3, "id": "x"}\n')

# decompress_fuzzer: mode byte (bit 0 zstd, bit 1 round trip, bits 2-3
# prefix, bits 4-7 read size) + data.
PAYLOAD = JSONL + b"\n" + bytes(range(256)) + b"\n" * 3 + b"no newline at end"
write("decompress_fuzzer", "gzip.bin", b"\x00" + gz(JSONL) + gz(b"second member\n"))
write("decompress_fuzzer", "zstd.bin", b"\x01" + zstd(JSONL) + zstd(b"second frame\n"))
write("decompress_fuzzer", "gzip-prefix-small-reads.bin", b"\x0c" + gz(PAYLOAD))
write("decompress_fuzzer", "zstd-prefix-small-reads.bin", b"\x0d" + zstd(PAYLOAD))
write("decompress_fuzzer", "gzip-truncated.bin", b"\x40" + gz(PAYLOAD)[:-9])
write("decompress_fuzzer", "zstd-truncated.bin", b"\x41" + zstd(PAYLOAD)[:-5])
write("decompress_fuzzer", "gzip-trailing-garbage.bin", b"\xf0" + gz(JSONL) + b"\x1f\x8b\x08")
write("decompress_fuzzer", "roundtrip-gzip.bin", b"\x22" + PAYLOAD)
write("decompress_fuzzer", "roundtrip-zstd.bin", b"\x33" + PAYLOAD)
write("decompress_fuzzer", "empty-gzip-member.bin", b"\x00" + gz(b""))

# json_scanner_fuzzer: one JSON text.
for name, text in {
    "basic.json": '{"id": 7, "text": "caf\\u00e9", "tags": ["a"]}',
    "escapes.json": '{"id": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000", "text": "\\ud83d\\ude00\\ud800x\\udc00"}',
    "nested.json": '{"meta": {"a": [1, -0.5e-7, 1E+2, true, false, null, {"b": [[[]]]}]}, "id": "x", "text": "y"}',
    "duplicate-keys.json": '{"text": "first", "text": "last", "id": 1}',
    "whitespace.json": ' \t\r\n{ "id" : "a" , "text" : "b" } \n',
    "raw-control.json": '{"id": "a", "text": "tab\there\x01"}',
    "bad-number.json": '{"id": 01, "text": "x"}',
    "unterminated.json": '{"id": "a", "text": "b',
    "utf8.json": '{"id": "ü", "text": "東京 مرحبا"}',
}.items():
    write("json_scanner_fuzzer", name, text.encode())
write("json_scanner_fuzzer", "invalid-utf8.json", b'{"id": "a", "text": "caf\xe9 \xed\xa0\x80 \xc0\xaf"}')
write("json_scanner_fuzzer", "deep.json", b'{"a": ' + b"[" * 1100 + b"]" * 1100 + b"}")

# normalise_fuzzer: flags byte (bits 0-3 options, bit 4 char shingles, bits
# 5-7 n - 1) + text.
for name, flags, text in [
    ("news.bin", 0x8F, "\u201cHello\u201d &amp; WORLD \u2014 it\u2019s 10\u00a0am&hellip; &#8217;&#x2014;&AMP;&amp;quot;"),
    ("japanese-char.bin", 0x5F, "東京都は二十日、２０２０年に計画を発表した。ｶﾞ　ガ"),
    ("arabic.bin", 0x8F, "مرحبا بالعالم ٢٠٢٤ می\u200cخواهم"),
    ("turkish.bin", 0x23, "İSTANBUL ıi Straße ﬁ ＡＢＣ１２３"),
    ("invisible.bin", 0x0F, "soft\u00adhyphen zero\u200bwidth \ufeffbom \u2028line\u2029para\x00nul"),
    ("thai-lao.bin", 0x3F, "ภาษาไทย ພາສາລາວ ភាសាខ្មែរ မြန်မာ"),
    ("nested-entities.bin", 0x0F, "&amp;amp;amp;lt; &amp;#38;#38;x ＆ａｍｐ； &am\u200bp;"),
]:
    write("normalise_fuzzer", name, bytes([flags]) + text.encode())
write("normalise_fuzzer", "invalid-utf8.bin", b"\x0f" + b"caf\xe9 \xe2\x82 \xc0\xaf \xed\xa0\x80 \x80 ok")

#!/usr/bin/env bash
# The README's accuracy tables, measured: synthetic corpora generated from
# the real corpora in ../shared/datasets (and from built-in text) scored by
# `neardup eval`, COUNTER source retrieval, and LSH recall against brute
# force. Prints Markdown rows; takes a few minutes on 2 cores.
#
#   bench/accuracy.sh [--mode MODE] [--docs N]    (after scripts/build.sh)
#
# NEARDUP_BIN (default build/bin/neardup) and NEARDUP_SHARED_DIR (default
# ../shared) may be set. Extra engine options after --mode are passed to
# every dedup run, so variants can be compared with the same command.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${NEARDUP_BIN:-build/bin/neardup}
shared=${NEARDUP_SHARED_DIR:-../shared}
docs=20000
engine=()
while (($#)); do
  case $1 in
    --docs) docs=$2; shift 2 ;;
    *) engine+=("$1"); shift ;;
  esac
done
data=$shared/datasets
if [ ! -d "$data/reuters21578" ] || [ ! -d "$data/bbc" ]; then
  echo "accuracy.sh: $data/reuters21578 and $data/bbc are needed" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

row() {  # label, synth arguments...
  local label=$1
  shift
  "$bin" synth "$@" --docs "$docs" -o "$work/c" >/dev/null 2>&1
  "$bin" eval --quiet ${engine[@]+"${engine[@]}"} --truth "$work/c/truth.jsonl" \
    "$work/c/corpus.jsonl" -o "$work/e.json" >/dev/null
  python3 - "$label" "$work/e.json" <<'EOF'
import json, sys
e = json.load(open(sys.argv[2]))
r = e["recall_by_edit"]
cells = [sys.argv[1], e["pair_precision"], e["pair_recall"], e["pair_f1"],
         r.get("verbatim", "-"), r.get("truncated", "-"), r.get("edited", "-"),
         r.get("reworded", "-"), e["templates_wrongly_clustered"].replace("/", " / ")]
print("| " + " | ".join(str(c) for c in cells) + " |")
EOF
  rm -rf "$work/c"
}

echo "| corpus ($docs documents) | pair precision | pair recall | pair F1 | verbatim | truncated | edited | reworded | templates clustered |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for base in reuters21578:3 reuters21578:11 bbc:4 bbc:12; do
  name=${base%%:*} seed=${base##*:}
  row "${name%21578} remix, seed $seed" --remix --base "$data/$name/corpus.jsonl" --seed "$seed"
done
row "bbc remix + multi-story pages, seed 7" --remix --multi-story-pages \
  --base "$data/bbc/corpus.jsonl" --seed 7
row "reuters articles, seed 3" --base "$data/reuters21578/corpus.jsonl" --seed 3
row "bbc articles, seed 4" --base "$data/bbc/corpus.jsonl" --seed 4
row "built-in text, seed 5" --seed 5

echo
echo "Streaming (neardup eval --stream: each document added in input order, its answer scored):"
echo
echo "| corpus ($docs documents) | scores | warm-up | repeat recall | repeat precision | first copies kept new | reworded recall | templates reported |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
stream_row() {  # label, synth arguments..., then -- and eval arguments
  local label=$1
  shift
  local synth=()
  while [ "$1" != -- ]; do synth+=("$1"); shift; done
  shift
  "$bin" synth "${synth[@]}" --docs "$docs" -o "$work/c" >/dev/null 2>&1
  for variant in "estimated:" "exact:--keep-sets"; do
    for warm in 0 2000; do
      "$bin" eval --quiet --stream --warmup "$warm" ${variant#*:} ${engine[@]+"${engine[@]}"} "$@" \
        --truth "$work/c/truth.jsonl" "$work/c/corpus.jsonl" -o "$work/s.json" >/dev/null
      python3 - "$label" "${variant%%:*}" "$warm" "$work/s.json" <<'EOF2'
import json, sys
e = json.load(open(sys.argv[4]))
cells = [sys.argv[1], sys.argv[2], sys.argv[3], e["repeat_recall"], e["repeat_precision"],
         e["new_kept"], e["recall_by_edit"].get("reworded", "-"),
         e["templates_reported"].replace("/", " / ")]
print("| " + " | ".join(str(c) for c in cells) + " |")
EOF2
    done
  done
  rm -rf "$work/c"
}
stream_row "reuters remix, seed 3" --remix --base "$data/reuters21578/corpus.jsonl" --seed 3 --
stream_row "bbc remix, seed 4" --remix --base "$data/bbc/corpus.jsonl" --seed 4 --

echo
if [ -f "$data/counter/pairs.tsv" ]; then
  echo "COUNTER, --mode reworded:"
  "$bin" eval --quiet --mode reworded --labels "$data/counter/pairs.tsv" \
    --corpus "$data/counter/corpus.jsonl" | grep -iA3 "retrieval"
fi
echo
echo "LSH recall against exact, reuters21578 + bbc:"
"$bin" eval --quiet ${engine[@]+"${engine[@]}"} --exact \
  "$data/reuters21578/corpus.jsonl" "$data/bbc/corpus.jsonl" | grep -iA8 "recall against"

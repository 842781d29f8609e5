#!/usr/bin/env python3
"""load.py — recover the sample's sentences from ../shared/corpus.

sample.tsv keeps only article ids and character offsets (the text belongs to
the outlets and stays in ../shared).  This prints "sid <TAB> text" for the
requested half (dev, test, dev2 — the second dev set of sample_dev2.tsv —,
train — the training set of sample_train.tsv —, train2 and train3 — the
second and third training sets of sample_train2.tsv and sample_train3.tsv —
or all), checking each sentence against the
sample's SHA-1 prefix so a changed corpus cannot silently shift the set.

  python3 test/eval/pledges/load.py dev [CORPUS_DIR] > /tmp/dev.txt
  python3 test/eval/pledges/load.py dev2 [CORPUS_DIR] > /tmp/dev2.txt
  python3 test/eval/pledges/load.py train [CORPUS_DIR] > /tmp/train.txt
  python3 test/eval/pledges/load.py train2 [CORPUS_DIR] > /tmp/train2.txt
"""
import gzip
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from eval_tables import read_table  # noqa: E402,F401  (test/eval/; callers use load.read_table)
FILES = {"ant": "arabic_news_ant.tsv.gz", "snn": "arabic_news_saudinewsnet.tsv.gz"}


# dev and test halves; second dev set; the training sets
SAMPLES = ("sample.tsv", "sample_dev2.tsv", "sample_train.tsv", "sample_train2.tsv", "sample_train3.tsv")
HALVES = ("dev", "test", "dev2", "train", "train2", "train3")


def read_sample():
    """The rows of every sample file present, in order (sids s###, d###, t###, u####, then v####)."""
    return [r for name in SAMPLES if os.path.exists(os.path.join(HERE, name))
            for r in read_table(os.path.join(HERE, name))]


def load(half, corpus_dir):
    """[(sid, text)] of one half in sample order; exits on a mismatch."""
    rows = [r for r in read_sample() if half == "all" or r["half"] == half]
    wanted = {}
    for r in rows:
        wanted.setdefault(r["article_id"], []).append(r)
    text = {}
    for corpus in sorted({r["corpus"] for r in rows}):
        with gzip.open(os.path.join(corpus_dir, FILES[corpus]), "rt", encoding="utf-8") as f:
            for line in f:
                aid, rest = line.split("\t", 1)
                if aid not in wanted:
                    continue
                body = rest.rstrip("\n").split("\t", 2)[2]
                for r in wanted[aid]:
                    s = body[int(r["start"]):int(r["start"]) + int(r["length"])]
                    if hashlib.sha1(s.encode()).hexdigest()[:12] != r["sha1_12"]:
                        sys.exit(f"load.py: {r['sid']} ({aid} @{r['start']}) does not match its checksum: corpus changed?")
                    text[r["sid"]] = s
    missing = [r["sid"] for r in rows if r["sid"] not in text]
    if missing:
        sys.exit(f"load.py: {len(missing)} sentences not found in {corpus_dir} (first: {missing[0]})")
    return [(r["sid"], text[r["sid"]]) for r in rows]


def main():
    half = sys.argv[1] if len(sys.argv) > 1 else "all"
    if half not in HALVES + ("all",):
        sys.exit(f"usage: load.py {'|'.join(HALVES)}|all [CORPUS_DIR]")
    corpus_dir = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus"
    for sid, s in load(half, corpus_dir):
        print(f"{sid}\t{s}")


if __name__ == "__main__":
    main()

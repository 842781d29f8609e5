#!/usr/bin/env python3
"""load.py — recover the ner_dev sentences from ../shared/corpus.

sample.tsv keeps only article ids and character offsets (the text belongs to
the outlets and stays in ../shared).  Prints "sid <TAB> text", checking each
sentence against the sample's SHA-1 prefix so a changed corpus cannot
silently shift the set.

  python3 test/eval/ner_dev/load.py [CORPUS_DIR] > /tmp/ner_dev.txt
"""
import gzip
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from eval_tables import read_table  # noqa: E402,F401  (test/eval/; callers use load.read_table)
FILE = "arabic_news_ant.tsv.gz"
DEFAULT_CORPUS = os.path.join(HERE, "../../../../shared/corpus")


def read_sample():
    return read_table(os.path.join(HERE, "sample.tsv"))


def load(corpus_dir=DEFAULT_CORPUS):
    """[(sid, text)] in sample order; exits on a mismatch or a missing article."""
    rows = read_sample()
    wanted = {r["article_id"]: r for r in rows}
    text = {}
    path = os.path.join(corpus_dir, FILE)
    if not os.path.exists(path):
        sys.exit(f"load.py: {path} not found (the corpus lives in ../shared/corpus)")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            aid, rest = line.split("\t", 1)
            r = wanted.get(aid)
            if r is None:
                continue
            body = rest.rstrip("\n").split("\t", 2)[2]
            s = body[int(r["start"]):int(r["start"]) + int(r["length"])]
            if hashlib.sha1(s.encode()).hexdigest()[:12] != r["sha1_12"]:
                sys.exit(f"load.py: {r['sid']} ({aid} @{r['start']}) does not match its checksum: corpus changed?")
            text[r["sid"]] = s
    missing = [r["sid"] for r in rows if r["sid"] not in text]
    if missing:
        sys.exit(f"load.py: {len(missing)} sentences not found in {corpus_dir} (first: {missing[0]})")
    return [(r["sid"], text[r["sid"]]) for r in rows]


def main():
    corpus_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    for sid, s in load(corpus_dir):
        print(f"{sid}\t{s}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""sample.py — draw the ANT entity development set's sentences from ../shared/corpus.

Seeded (SEED below) and deterministic: the same corpus file gives the same
sample.tsv.  Only arabic_news_ant.tsv.gz is read (not SaudiNewsNet).

Articles are stratified by outlet × ANT category (the first two parts of the
article id, e.g. SK-sport: skynews_arabia, sport).  Every stratum gets
PER_STRATUM articles; the remainder up to TOTAL goes one each to the strata
first in keyed-hash order.  Within a stratum the articles are taken in order
of a keyed SHA-1 of (seed, article id), skipping articles without an
eligible sentence; of each article ONE sentence is taken, the eligible one
with the lowest keyed hash of (seed, article id, offset).  Bodies are split
into sentences at . ! ? ؟ followed by white space; eligible sentences have
MIN_LEN–MAX_LEN characters.

Output (stdout): sample.tsv — sid, article id, character start and length in
the body, SHA-1 prefix of the sentence — never the text (corpus licence;
load.py recovers it).  Strata counts go to stderr.

  cd test/eval/ner_dev && python3 sample.py [CORPUS_DIR] > sample.tsv
"""
import gzip
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = "ner-dev-2026-12-04"
TOTAL = 500
MIN_LEN, MAX_LEN = 60, 400
FILE = "arabic_news_ant.tsv.gz"
STRATUM = re.compile(r"^([A-Z]{2})-([A-Za-z]+)-")   # outlet code, ANT category
SENT_END = re.compile(r"(?<=[.!?؟])\s+")


def keyed_hash(*parts):
    return hashlib.sha1("\x1f".join((SEED,) + parts).encode()).hexdigest()


def sentences(body):
    """(offset, sentence) for each sentence of a body."""
    start = 0
    for m in SENT_END.finditer(body):
        yield start, body[start:m.start()]
        start = m.end()
    if start < len(body):
        yield start, body[start:]


def pick_sentence(aid, body):
    """The article's eligible sentence with the lowest keyed hash, or None."""
    best = None
    for off, s in sentences(body):
        if MIN_LEN <= len(s) <= MAX_LEN:
            h = keyed_hash("sent", aid, str(off))
            if best is None or h < best[0]:
                best = (h, off, len(s), hashlib.sha1(s.encode()).hexdigest()[:12])
    return best


def scan(corpus_dir):
    """Per stratum: [(article hash, article id, offset, length, sha1_12)] of
    every article that has an eligible sentence."""
    strata = {}
    with gzip.open(os.path.join(corpus_dir, FILE), "rt", encoding="utf-8") as f:
        for line in f:
            aid, _src, _title, body = line.rstrip("\n").split("\t", 3)
            m = STRATUM.match(aid)
            if not m:
                continue
            best = pick_sentence(aid, body)
            if best:
                strata.setdefault(m.groups(), []).append((keyed_hash("article", aid), aid) + best[1:])
    return strata


def allocate(strata):
    keys = sorted(strata)
    base = TOTAL // len(keys)
    alloc = {k: min(base, len(strata[k])) for k in keys}
    for k in sorted(keys, key=lambda k: keyed_hash("extra", *k)):
        if sum(alloc.values()) >= TOTAL:
            break
        if alloc[k] < len(strata[k]):
            alloc[k] += 1
    return alloc


def main():
    corpus_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../shared/corpus")
    strata = scan(corpus_dir)
    alloc = allocate(strata)
    rows = []
    for k in sorted(strata):
        rows += sorted(strata[k])[:alloc[k]]
    rows.sort(key=lambda r: keyed_hash("order", r[1]))
    print(f"# ner_dev sample: seed {SEED}, {len(rows)} sentences of {FILE}, one per article; text via load.py")
    print("sid\tarticle_id\tstart\tlength\tsha1_12")
    for n, (_h, aid, off, length, sha) in enumerate(rows, 1):
        print(f"n{n:03d}\t{aid}\t{off}\t{length}\t{sha}")
    print("outlet\tcategory\tarticles_with_a_sentence\tsampled", file=sys.stderr)
    for k in sorted(strata):
        print(f"{k[0]}\t{k[1]}\t{len(strata[k])}\t{alloc[k]}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""to_conll.py — write the ner_dev set as a CoNLL file like ANERcorp's.

From sample.tsv, spans.tsv and the sentences recovered from ../shared/corpus
(load.py): one "token<TAB>tag" line per whitespace token of the sentence
(glued punctuation stays attached, as in ANERcorp), BIO tags from the judged
spans (B-PER, I-ORG …), one blank line after each sentence.

A span's surface is matched as a sequence of whole tokens; occurrence n is
its n-th such match in the sentence.  Fails (exit 1, naming the row) when a
surface is not found at that occurrence, covers only part of a token, or
overlaps another span, and when a sampled sentence has no judgment.

  python3 test/eval/ner_dev/to_conll.py [CORPUS_DIR] > ant_dev.conll
  python3 test/eval/ner_dev/to_conll.py --out FILE [CORPUS_DIR]
  python3 test/eval/ner_dev/to_conll.py --partial …   (only the judged sentences;
                                                      while judging is under way)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load  # noqa: E402

TYPES = ("PER", "ORG", "LOC")


def read_spans():
    """{sid: [row, …]} of spans.tsv (NONE rows included)."""
    spans = {}
    for r in load.read_table(os.path.join(HERE, "spans.tsv")):
        spans.setdefault(r["sid"], []).append(r)
    return spans


def locate(tokens, row):
    """(first, last) token index of the row's surface at its occurrence, or an error string."""
    want = row["surface"].split()
    n = int(row["occurrence"])
    hits = [i for i in range(len(tokens) - len(want) + 1) if tokens[i:i + len(want)] == want]
    if len(hits) >= n:
        return hits[n - 1], hits[n - 1] + len(want) - 1
    joined = " ".join(tokens)
    if joined.count(row["surface"]) >= n:
        return f"{row['surface']!r} does not cover whole tokens"
    return f"{row['surface']!r} not found {n} time(s) as whole tokens ({len(hits)} found)"


def tag_sentence(sid, text, rows):
    """[(token, tag)] of one sentence; raises ValueError on a bad row."""
    tokens = text.split()
    tags = ["O"] * len(tokens)
    for row in rows:
        if row["type"] == "NONE":
            if len(rows) > 1:
                raise ValueError(f"{sid}: NONE next to entity rows")
            continue
        if row["type"] not in TYPES:
            raise ValueError(f"{sid}: type {row['type']!r}")
        where = locate(tokens, row)
        if isinstance(where, str):
            raise ValueError(f"{sid}: {where}")
        first, last = where
        if any(t != "O" for t in tags[first:last + 1]):
            raise ValueError(f"{sid}: {row['surface']!r} overlaps another span")
        tags[first] = "B-" + row["type"]
        for i in range(first + 1, last + 1):
            tags[i] = "I-" + row["type"]
    return list(zip(tokens, tags))


def main():
    args = sys.argv[1:]
    out = sys.stdout
    partial = "--partial" in args
    args = [a for a in args if a != "--partial"]
    if args[:1] == ["--out"]:
        out = open(args[1], "w", encoding="utf-8")
        args = args[2:]
    corpus_dir = args[0] if args else load.DEFAULT_CORPUS
    spans = read_spans()
    errors = []
    for sid, text in load.load(corpus_dir):
        if sid not in spans:
            if not partial:
                errors.append(f"{sid}: not judged")
            continue
        try:
            pairs = tag_sentence(sid, text, spans[sid])
        except ValueError as e:
            errors.append(str(e))
            continue
        out.write("".join(f"{tok}\t{tag}\n" for tok, tag in pairs) + "\n")
    if errors:
        sys.exit(f"to_conll.py: {len(errors)} bad judgments:\n  " + "\n  ".join(errors[:20])
                 + ("\n  …" if len(errors) > 20 else ""))


if __name__ == "__main__":
    main()

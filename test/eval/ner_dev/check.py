#!/usr/bin/env python3
"""check.py — "make test" checks of the ner_dev set that need no corpus.

Prints TAP lines ("ok - …" / "not ok - …"):
  * sample.tsv: sids n001… unique, one sentence per article, ANT article ids,
    lengths within sample.py's bounds, SHA-1 prefixes well formed;
  * spans.tsv: every sampled sid judged and only those; types PER/ORG/LOC
    (or one NONE row and nothing else); surfaces non-empty, without leading
    or trailing white space; occurrences positive integers; no row twice;
  * to_conll.py's tagging on a made-up sentence (BIO tags, a second
    occurrence, and the failures: a partial token, a missing surface).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load  # noqa: E402
import sample  # noqa: E402  (its bounds; importing scans nothing)
import to_conll  # noqa: E402

SHA = re.compile(r"^[0-9a-f]{12}$")


def tap(ok, what):
    print(("ok - " if ok else "not ok - ") + what)


def check_sample():
    rows = load.read_sample()
    sids = [r["sid"] for r in rows]
    tap(len(sids) == len(set(sids)) and all(re.match(r"^n\d{3}$", s) for s in sids) and len(sids) >= 450,
        f"sample.tsv: {len(sids)} sentences, ids n### and unique")
    articles = [r["article_id"] for r in rows]
    tap(len(articles) == len(set(articles)) and all(sample.STRATUM.match(a) for a in articles),
        "sample.tsv: one sentence per article, ANT article ids (outlet-category-…)")
    bad = [r["sid"] for r in rows if not (r["start"].isdigit() and r["length"].isdigit()
                                          and sample.MIN_LEN <= int(r["length"]) <= sample.MAX_LEN
                                          and SHA.match(r["sha1_12"]))]
    tap(not bad, f"sample.tsv: offsets, lengths {sample.MIN_LEN}–{sample.MAX_LEN} and SHA-1 prefixes well formed"
        + (f" (first not: {bad[0]})" if bad else ""))


def row_problem(r):
    if r["type"] == "NONE":
        return None if not (r["surface"] or r["occurrence"]) else "surface or occurrence on a NONE row"
    if r["type"] not in to_conll.TYPES:
        return f"type {r['type']!r}"
    if not r["surface"] or r["surface"] != r["surface"].strip() or "  " in r["surface"]:
        return f"surface {r['surface']!r}"
    if not r["occurrence"].isdigit() or int(r["occurrence"]) < 1:
        return f"occurrence {r['occurrence']!r}"
    return None


def check_spans():
    rows = load.read_table(os.path.join(HERE, "spans.tsv"))
    bad = [f"{r['sid']}: {p}" for r in rows if (p := row_problem(r))]
    tap(not bad, f"spans.tsv: {len(rows)} rows well formed" + (f" ({len(bad)} not, first {bad[0]})" if bad else ""))
    keys = [(r["sid"], r["type"], r["surface"], r["occurrence"]) for r in rows]
    tap(len(keys) == len(set(keys)), "spans.tsv: no row twice")
    by_sid = {}
    for r in rows:
        by_sid.setdefault(r["sid"], []).append(r["type"])
    mixed = [s for s, t in by_sid.items() if "NONE" in t and len(t) > 1]
    tap(not mixed, "spans.tsv: a NONE row stands alone" + (f" (not in {mixed[0]})" if mixed else ""))
    expected = {r["sid"] for r in load.read_sample()}
    missing, extra = sorted(expected - set(by_sid)), sorted(set(by_sid) - expected)
    tap(not missing and not extra, f"spans.tsv judges exactly the {len(expected)} sampled sentences"
        + (f" (unjudged: {len(missing)}, first {missing[0]})" if missing else "")
        + (f" (not sampled: {extra[0]})" if extra else ""))


def check_tagging():
    text = "قال بواشنطن، فلان الفلاني إن شركة «مثال» في واشنطن و بواشنطن، أيضا"
    rows = [{"type": "LOC", "surface": "بواشنطن،", "occurrence": "2"},
            {"type": "PER", "surface": "فلان الفلاني", "occurrence": "1"},
            {"type": "ORG", "surface": "«مثال»", "occurrence": "1"}]
    tags = [t for _tok, t in to_conll.tag_sentence("x", text, rows)]
    tap(tags == ["O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O", "B-LOC", "O"],
        "to_conll: BIO tags, glued punctuation kept, occurrence 2 skips the first match")
    for row, what in (({"type": "LOC", "surface": "واشنطن،", "occurrence": "1"}, "a partial token"),
                      ({"type": "LOC", "surface": "واشنطن", "occurrence": "2"}, "a missing occurrence"),
                      ({"type": "LOC", "surface": "تونس", "occurrence": "1"}, "a surface not in the sentence"),
                      ({"type": "GPE", "surface": "واشنطن", "occurrence": "1"}, "an unknown type")):
        try:
            to_conll.tag_sentence("x", text, [row])
            failed = False
        except ValueError:
            failed = True
        tap(failed, f"to_conll: fails on {what}")


def main():
    try:
        check_sample()
        check_spans()
        check_tagging()
    except (Exception, SystemExit) as e:   # a crash must show as a failure, not as silence
        tap(False, f"check.py stopped: {type(e).__name__}: {e}")


if __name__ == "__main__":
    main()

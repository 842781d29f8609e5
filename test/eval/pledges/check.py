#!/usr/bin/env python3
"""check.py — "make test" checks of the judged pledge set that need no corpus.

Prints TAP lines ("ok - …" / "not ok - …"):
  * sample.tsv: unique sentence ids, halves dev/test, no article in both halves;
  * sample_dev2.tsv (the second dev set): sids d###, half dev2, only articles
    of the dev half (sample.py's split hash), no sentence of sample.tsv;
  * sample_train.tsv (the training set): sids t###, half train, only articles
    of the dev half, no sentence of sample.tsv or sample_dev2.tsv;
  * sample_train2.tsv (the second training set): sids u####, half train2,
    only articles of the dev half, no sentence of the three samples before it;
  * sample_train3.tsv (the third training set): sids v####, half train3,
    the same, no sentence of the four samples before it;
  * dev.tsv, dev2.tsv, train.tsv, train2.tsv, train3.tsv, test.tsv (when present): every sentence of the half judged, and
    only those; pledge rows carry a number and a unit (ISO 4217 code,
    percent or ?); none/drop rows carry nothing else;
  * score.py's matching and actor normalization on made-up cases;
  * agreement/dev_second.tsv well formed and judging exactly the dev half's
    odd-numbered sids; agreement/dev2_second.tsv and test_second.tsv (when
    present) judging exactly their half; agreement.py's kappa on a made-up case.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load   # noqa: E402
import score  # noqa: E402
import agreement  # noqa: E402
import sample  # noqa: E402  (its half hash; importing scans nothing)

UNIT = re.compile(r"^(?:[A-Z]{3}|percent|\?)$")


def tap(ok, what):
    print(("ok - " if ok else "not ok - ") + what)


def check_sample():
    rows = load.read_table(os.path.join(HERE, "sample.tsv"))
    sids = [r["sid"] for r in rows]
    tap(len(sids) == len(set(sids)) and len(sids) >= 460, f"sample.tsv: {len(sids)} sentences, ids unique")
    halves = {}
    for r in rows:
        halves.setdefault(r["article_id"], set()).add(r["half"])
    split = [a for a, h in halves.items() if len(h) > 1]
    tap(all(r["half"] in ("dev", "test") for r in rows) and not split,
        "sample.tsv: every sentence in dev or test, no article in both halves")


def check_dev_sample(name, half, prefix, minimum, earlier, digits=3):
    """A sample drawn from the dev half's articles (dev2, train): ids, half,
    articles, and no sentence of the earlier sample files."""
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        print(f"# {name} not drawn (skipped)")
        return
    rows = load.read_table(path)
    first = load.read_table(os.path.join(HERE, "sample.tsv"))
    sids = [r["sid"] for r in rows]
    tap(len(sids) == len(set(sids)) and all(re.match(rf"^{prefix}\d{{{digits}}}$", s) for s in sids) and len(sids) >= minimum,
        f"{name}: {len(sids)} sentences, ids {prefix}{'#' * digits} and unique")
    test_articles = {r["article_id"] for r in first if r["half"] == "test"}
    bad = [r["sid"] for r in rows if r["half"] != half or sample.half_of(r["article_id"]) != "dev"
           or r["article_id"] in test_articles]
    tap(not bad, f"{name}: half {half}, every article of the dev half" + (f" (first not: {bad[0]})" if bad else ""))
    taken = {(r["article_id"], r["start"]) for e in earlier for r in load.read_table(os.path.join(HERE, e))}
    again = [r["sid"] for r in rows if (r["article_id"], r["start"]) in taken]
    tap(not again, f"{name}: no sentence of {' or '.join(earlier)}" + (f" (first: {again[0]})" if again else ""))


def row_problem(r):
    if r["verdict"] == "pledge":
        try:
            float(r["value"])
        except ValueError:
            return "pledge without a number"
        return None if UNIT.match(r["unit"]) else f"unit {r['unit']!r}"
    if r["verdict"] in ("none", "drop"):
        return None if not (r["value"] or r["unit"] or r["actor"]) else "value, unit or actor on a none/drop row"
    return f"verdict {r['verdict']!r}"


def check_judgments(half):
    path = os.path.join(HERE, f"{half}.tsv")
    if not os.path.exists(path):
        print(f"# {half}.tsv not judged yet (skipped)")
        return
    bad = [f"{r['sid']}: {p}" for r in load.read_table(path) if (p := row_problem(r))]
    tap(not bad, f"{half}.tsv: rows well formed" + (f" ({len(bad)} not, first {bad[0]})" if bad else ""))
    expected = {r["sid"] for r in load.read_sample() if r["half"] == half}
    judged = {r["sid"] for r in load.read_table(path)}
    tap(judged == expected, f"{half}.tsv judges exactly the {len(expected)} sentences of its half")


def check_scorer():
    g = [{"value": 5e6, "unit": "EUR"}, {"value": 3.0, "unit": "percent"}, {"value": 7e6, "unit": "USD"}]
    p = [{"value": 3.0, "unit": "percent"}, {"value": 9e6, "unit": "USD"}, {"value": 5e6, "unit": "?"}]
    pairs = sorted(score.align(g, p))
    tap(pairs == [(0, 2), (1, 0), (2, 1)], f"align: value+unit, then value, then order within a kind ({pairs})")
    pairs = score.align([{"value": 77e6, "unit": "EUR"}], [{"value": 80.0, "unit": "percent"}])
    tap(pairs == [], "align: a percentage never pairs with a money amount")
    tap(score.norm_actor("#الاتحاد_الأوروبي") == score.norm_actor("الاتحاد الاوروبي"),
        "actor: hashtag, underscore and alef forms normalized")
    tap(score.norm_actor("والحكومةُ") == ["الحكومه"], "actor: clitic before ال, diacritics, ة")
    tap(score.copy_unescape(score.copy_escape("a\\b\tc")) == "a\\b\tc" and score.copy_unescape("\\N") is None,
        "COPY text escaping round-trips")


def check_agreement():
    for half in agreement.HALVES:
        path = agreement.second_path(half)
        if half != "dev" and not os.path.exists(path):    # dev's is required, the others optional
            print(f"# agreement/{half}_second.tsv not judged (skipped)")
            continue
        rows = load.read_table(path)
        bad = [f"{r['sid']}: {p}" for r in rows if (p := row_problem(r))]
        # dev: its odd-numbered sids; dev2, test: the whole half
        want = {r["sid"] for r in load.read_sample()
                if r["half"] == half and (half != "dev" or int(r["sid"][1:]) % 2)}
        what = f"{len(want)} odd dev sids" if half == "dev" else f"{len(want)} {half} sids"
        tap(not bad and {r["sid"] for r in rows} == want,
            f"agreement/{half}_second.tsv: well formed, judges the {what}" + (f" (first bad: {bad[0]})" if bad else ""))
    p_o, kappa = agreement.cohen_kappa([("pledge", "pledge"), ("pledge", "none"), ("none", "none"), ("none", "none")])
    tap(abs(p_o - 0.75) < 1e-9 and abs(kappa - 0.5) < 1e-9, f"agreement: Cohen's kappa on a made-up case ({kappa:.3f})")


def main():
    try:
        check_sample()
        check_dev_sample("sample_dev2.tsv", "dev2", "d", 200, ["sample.tsv"])
        check_dev_sample("sample_train.tsv", "train", "t", 700, ["sample.tsv", "sample_dev2.tsv"])
        check_dev_sample("sample_train2.tsv", "train2", "u", 1100, ["sample.tsv", "sample_dev2.tsv", "sample_train.tsv"], 4)
        check_dev_sample("sample_train3.tsv", "train3", "v", 2300,
                         ["sample.tsv", "sample_dev2.tsv", "sample_train.tsv", "sample_train2.tsv"], 4)
        for half in load.HALVES:
            check_judgments(half)
        check_scorer()
        check_agreement()
    except (Exception, SystemExit) as e:   # a crash must show as a failure, not as silence
        tap(False, f"check.py stopped: {type(e).__name__}: {e}")


if __name__ == "__main__":
    main()

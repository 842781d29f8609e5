#!/usr/bin/env python3
"""agreement.py — inter-annotator agreement of the judged pledge set.

  agreement.py [HALF] [--list]

Compares a second, blind judgment of a half (agreement/HALF_second.tsv) with
the first judge's HALF.tsv, on the sentences both judged: dev (the default;
the dev sentences with an odd sid number), dev2 and test (every sentence).
Judgments only: no corpus text is needed.

  * sentence level: each sentence's verdict (pledge when it has a pledge row,
    else none or drop); raw agreement and Cohen's kappa over the three;
  * row level, on the sentences neither judge dropped, with judge 1 as the
    reference: the rows are aligned by score.py's align() (value and unit,
    then value, then the rest of a kind in order), giving P/R/F1 of judge 2
    (F1 is symmetric: swapping the judges swaps P and R); on the aligned rows,
    agreement on value, unit and actor (exact / lenient, score.py's
    actor_match()).

--list prints every disagreement as one line (sid, judge 1 vs judge 2); not
for the test half, whose judgments stay unread while tuning.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402  (same directory)

HALVES = ("dev", "dev2", "test")      # halves with a second judgment
LABELS = ("pledge", "none", "drop")


def second_path(half):
    return os.path.join(HERE, "agreement", f"{half}_second.tsv")


def sentence_label(rows, verdict):
    return "pledge" if rows else verdict


def cohen_kappa(pairs):
    """Cohen's kappa of [(label1, label2)]: (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if not n:
        return 0.0, 0.0
    p_o = sum(a == b for a, b in pairs) / n
    p_e = sum((sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in LABELS)
    return p_o, (p_o - p_e) / (1 - p_e) if p_e < 1 else 1.0


def show(r):
    actor = f" '{r['actor']}'" if r["actor"] else ""
    return f"{r['value']:g} {r['unit']}{actor}"


def compare(first, second):
    """Counts and disagreement lines of two judgments ((rows, verdict) each)."""
    (g1, v1), (g2, v2) = first, second
    common = sorted(set(v1) & set(v2))
    labels = [(sentence_label(g1[s], v1[s]), sentence_label(g2[s], v2[s])) for s in common]
    c = {"sentences": len(common), "labels": labels, "tp": 0, "fp": 0, "fn": 0, "rows": 0,
         "value": 0, "unit": 0, "value+unit": 0, "actor exact": 0, "actor lenient": 0}
    lines = []
    for sid, (l1, l2) in zip(common, labels):
        if l1 != l2:
            lines.append(f"{sid} VERDICT judge1 {l1} vs judge2 {l2}")
        if "drop" in (v1[sid], v2[sid]):
            continue
        a, b = g1[sid], g2[sid]
        pairs = score.align(a, b)
        c["tp"] += len(pairs)
        c["fp"] += len(b) - len(pairs)
        c["fn"] += len(a) - len(pairs)
        for i, j in pairs:
            ok_v = score.same_value(a[i]["value"], b[j]["value"])
            ok_u = a[i]["unit"] == b[j]["unit"]
            exact, lenient = score.actor_match(a[i]["actor"], b[j]["actor"])
            for k, ok in (("value", ok_v), ("unit", ok_u), ("value+unit", ok_v and ok_u),
                          ("actor exact", exact), ("actor lenient", lenient)):
                c[k] += ok
            if not (ok_v and ok_u and exact):
                lines.append(f"{sid} ROW judge1 {show(a[i])} vs judge2 {show(b[j])}")
        if l1 == l2 == "pledge":   # verdict disagreements are already listed
            lines += [f"{sid} ROW judge1 {show(a[i])} vs judge2 (no row)" for i in range(len(a))
                      if i not in {p for p, _ in pairs}]
            lines += [f"{sid} ROW judge1 (no row) vs judge2 {show(b[j])}" for j in range(len(b))
                      if j not in {q for _, q in pairs}]
    return c, lines


def report(c, half="dev"):
    p_o, kappa = cohen_kappa(c["labels"])
    print(f"pledge set agreement: {c['sentences']} {half} sentences judged twice "
          f"(judge 1 {half}.tsv, judge 2 agreement/{half}_second.tsv)")
    print("  sentence verdicts (rows judge 1, columns judge 2):")
    print("    " + " " * 8 + "".join(f"{x:>8}" for x in LABELS))
    for x in LABELS:
        print(f"    {x:<8}" + "".join(f"{sum(l == (x, y) for l in c['labels']):>8}" for y in LABELS))
    print(f"  verdict agreement {p_o:.3f}   Cohen's kappa {kappa:.3f}")
    two = [(a, b) for a, b in c["labels"] if "drop" not in (a, b)]
    p2, k2 = cohen_kappa(two)
    print(f"  pledge/none only (neither dropped, {len(two)}): agreement {p2:.3f}   kappa {k2:.3f}")
    p, r, f = score.prf(c["tp"], c["fp"], c["fn"])
    print(f"  pledge rows, judge 2 against judge 1: P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
          f"(matched {c['tp']}, judge 2 only {c['fp']}, judge 1 only {c['fn']})")
    if c["tp"]:
        print("  on matched rows: " + ", ".join(f"{k} {c[k] / c['tp']:.3f}" for k in
                                               ("value", "unit", "value+unit", "actor exact", "actor lenient"))
              + f"   (of {c['tp']})")


def main():
    args = [a for a in sys.argv[1:] if a != "--list"]
    halves = args or [h for h in HALVES if os.path.exists(second_path(h))]
    for half in halves:
        if half not in HALVES or not os.path.exists(second_path(half)):
            sys.exit(f"agreement.py: no second judgment of '{half}' ({second_path(half)})")
        first = score.read_gold(half)
        if first is None:
            sys.exit(f"agreement.py: {half}.tsv missing")
        c, lines = compare(first, score.read_judgments(second_path(half)))
        report(c, half)
        if "--list" in sys.argv[1:] and half != "test":
            print("\n".join(lines))


if __name__ == "__main__":
    main()

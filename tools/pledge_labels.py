#!/usr/bin/env python3
"""pledge_labels.py — labels and figures for the pledge classifier
(tools/pledge_train.c), with the matching of test/eval/pledges/score.py.

  pledge_labels.py labels CANDS HALF...
        label every candidate of the judged sentences of the halves: 1 when
        score.py's alignment pairs it with a judged pledge (all candidates
        taken as predictions), else 0; "sid -1 n" for n judged pledges no
        candidate pairs with.  Sentences judged "drop" get no labels.
  pledge_labels.py eval CANDS SCORES HALF [SENTENCES]
        detection P/R/F1 of score.py, and its corpus-weighted estimate, for
        the grammar alone (the rule column of CANDS) and for the model
        (SCORES: rows "sid idx pledge …" of pledge_train apply or cv)

CANDS: rows "sid idx kind value unit rule" of pledge_train cands.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "eval", "pledges"))
import score  # noqa: E402  (the scorer's matching rules)

ACCEPTING_RULES = {0, 1, 2}   # ArPledgeRuleAccepts: cue, continued, passive


def read_cands(path):
    """sid -> [candidate dicts] in text order."""
    cands = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            sid, idx, kind, value, unit, rule = line.rstrip("\n").split("\t")
            cands.setdefault(sid, []).append({"idx": int(idx), "value": float(value) if value else None,
                                              "unit": score.norm_unit(unit), "rule": int(rule)})
    return cands


def judged(halves):
    """(gold rows by sid, verdict by sid) of the halves together."""
    gold, verdict = {}, {}
    for h in halves:
        g, v = score.read_judgments(os.path.join(score.HERE, f"{h}.tsv"))
        gold.update(g)
        verdict.update(v)
    return gold, verdict


def labels(cands_path, halves):
    cands = read_cands(cands_path)
    gold, verdict = judged(halves)
    for sid in sorted(verdict):
        if verdict[sid] == "drop":
            continue
        cs = cands.get(sid, [])
        pairs = score.align(gold[sid], cs)
        pos = {pi for _, pi in pairs}
        for i, c in enumerate(cs):
            print(f"{sid}\t{c['idx']}\t{int(i in pos)}")
        if len(gold[sid]) > len(pairs):
            print(f"{sid}\t-1\t{len(gold[sid]) - len(pairs)}")


def figures(half, gold, verdict, cands, chosen, only=None):
    """score.py's detection figures of the chosen candidates, and its
    corpus-weighted estimate (printed by score.weighted); only: the sids
    scored (None: every judged one)."""
    tp = fp = fn = 0
    per_sentence = {}
    for sid in verdict:
        if verdict[sid] == "drop" or (only is not None and sid not in only):
            continue
        ps = [c for c in cands.get(sid, []) if chosen(sid, c)]
        n = len(score.align(gold[sid], ps))
        per_sentence[sid] = (n, len(ps) - n, len(gold[sid]) - n)
        tp, fp, fn = tp + n, fp + len(ps) - n, fn + len(gold[sid]) - n
    p, r, f = score.prf(tp, fp, fn)
    print(f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    sample = {r["sid"]: r for r in score.load.read_sample()}
    score.weighted(per_sentence, sample, score.strata_file(half))


def evaluate(cands_path, decisions_path, half, sentences_path=None):
    cands = read_cands(cands_path)
    gold, verdict = judged([half])
    only = None
    if sentences_path:     # a part of the half: the sids of its sentence file
        with open(sentences_path, encoding="utf-8") as f:
            only = {line.split("\t", 1)[0] for line in f}
    pledge = {}
    with open(decisions_path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            pledge[(c[0], int(c[1]))] = c[2] == "1"
    print(f"{half}: grammar alone  ", end="")
    figures(half, gold, verdict, cands, lambda s, c: c["rule"] in ACCEPTING_RULES, only)
    print(f"{half}: model          ", end="")
    figures(half, gold, verdict, cands, lambda s, c: pledge.get((s, c["idx"]), False), only)


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "labels":
        labels(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) in (5, 6) and sys.argv[1] == "eval":
        evaluate(*sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""score.py — compare ar_pledges output with the judged pledge set.

  score.py sentences OUT.copy                 the sample's sentences (all halves)
                                              as COPY text: sid <TAB> text
  score.py actors OUT.copy                    the judged actors, one a line
  score.py score PRED.tsv HALF ENTITIES.tsv [--errors]
                                              P/R/F1 and accuracies of one half

PRED.tsv: sid, kind, value, unit, actor, cue, surface, the actor's entity
(COPY text format, \\N = NULL), one row per ar_pledges row; ENTITIES.tsv:
judged actor, its entity (the canonical of ar_actor_entity).  HALF is dev,
dev2 (the second dev set, sample_dev2.tsv), train (the training set,
sample_train.tsv), train2 and train3 (the second and third training sets,
sample_train2.tsv and sample_train3.tsv) or test; its judgments are
HALF.tsv next to this file (a missing one is reported, not an error).

Matching, per sentence (sentences judged "drop" are left out, with whatever
ar_pledges says about them):
  1. a predicted pledge pairs with a judged one of equal value and unit;
  2. then with one of equal value;
  3. then the remaining ones of the same kind (money, percent) pair up in
     order (judged rows in the file's order, predicted ones in text order).
Every pair is a true positive for detection; an unpaired prediction is a
false positive, an unpaired judgment a false negative.  Amount, unit and
actor accuracy are over the pairs.  Actors are compared after normalization
(diacritics, tatweel, punctuation, hashtag underscores, alef forms, ة→ه,
ى→ي, a clitic و/ف/ب/ل before ال): exact = same words, lenient = one is a
word prefix of the other (وزير المالية ↔ وزير المالية محمد الجدعان); both
empty counts as equal; entity = where the judged actor names an entity, the
canonical of ar_actor_entity() is the same for both (الحكومة البريطانية ↔
بريطانيا), which is what ar_pledge_rows' actor_canonical groups by.  Sentence level: a sentence is positive when it has at
least one pledge.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load  # noqa: E402  (same directory)

DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")
NON_WORD = re.compile(r"[^\w\u0600-\u06FF]+")


def copy_unescape(s):
    if s == "\\N":
        return None
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(m.group(1), m.group(1)), s)


def copy_escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def norm_actor(a):
    if not a:
        return []
    a = DIACRITICS.sub("", a).replace("_", " ")
    a = re.sub("[أإآٱ]", "ا", a).replace("ة", "ه").replace("ى", "ي")
    words = [w for w in NON_WORD.split(a) if w]
    if words and re.match("^[وفبل]ال", words[0]):
        words[0] = words[0][1:]
    return words


def actor_match(a, b):
    """(exact, lenient) for two actors: same normalized words; or one a word
    prefix of the other (both empty counts as equal)."""
    ga, pa = norm_actor(a), norm_actor(b)
    n = min(len(ga), len(pa))
    return ga == pa, ga == pa or (n > 0 and ga[:n] == pa[:n])


def same_value(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def norm_unit(u):
    return "?" if u in (None, "", "?") else u


def read_judgments(path):
    """(pledge rows by sid, verdict by sid) of a judgment file in dev.tsv's format."""
    name = os.path.basename(path)
    gold, verdict = {}, {}
    for r in load.read_table(path):
        sid, v = r["sid"], r["verdict"]
        if v not in ("pledge", "none", "drop"):
            sys.exit(f"score.py: {name} {sid}: unknown verdict {v!r}")
        if sid in verdict and (v != "pledge" or verdict[sid] != "pledge"):
            sys.exit(f"score.py: {name} {sid}: a none or drop row must be the sentence's only row")
        verdict[sid] = v
        gold.setdefault(sid, [])
        if v == "pledge":
            gold[sid].append({"value": float(r["value"]), "unit": norm_unit(r["unit"]), "actor": r["actor"]})
    return gold, verdict


def strata_file(half):
    """The strata of a half's population: strata.tsv for dev and test (one
    sample), strata_HALF.tsv for the samples drawn after them."""
    return "strata.tsv" if half in ("dev", "test") else f"strata_{half}.tsv"


def read_gold(half):
    path = os.path.join(HERE, f"{half}.tsv")
    if not os.path.exists(path):
        return None
    gold, verdict = read_judgments(path)
    expected = {r["sid"] for r in load.read_sample() if r["half"] == half}
    if half not in ("dev", "test") and set(verdict) < expected:   # judged in batches: score what is judged so far
        print(f"{half}: {len(verdict)} of its {len(expected)} sentences judged so far; scoring those")
    elif set(verdict) != expected:
        odd = sorted(set(verdict) ^ expected)
        sys.exit(f"score.py: {half}.tsv does not judge exactly the {half} half of sample.tsv ({len(odd)} differ, first {odd[0]})")
    return gold, verdict


def read_pred(path):
    pred = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = [copy_unescape(x) for x in line.rstrip("\n").split("\t")]
            sid, kind, value, unit, actor, cue, surface, entity = c[:8]
            pred.setdefault(sid, []).append({"value": float(value) if value else None, "unit": norm_unit(unit),
                                             "actor": actor or "", "cue": cue, "surface": surface, "kind": kind,
                                             "entity": entity})
    return pred


def read_entities(path):
    """judged actor -> the canonical entity ar_actor_entity() gives it (None: names none)."""
    ent = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            actor, canonical = [copy_unescape(x) for x in line.rstrip("\n").split("\t")]
            ent[actor] = canonical
    return ent


def align(g, p):
    """[(gold_index, pred_index)] by the three steps of the module comment."""
    pairs, gl, pl = [], list(range(len(g))), list(range(len(p)))
    for same in (lambda a, b: same_value(a["value"], b["value"]) and a["unit"] == b["unit"],
                 lambda a, b: same_value(a["value"], b["value"])):
        for gi in list(gl):
            for pi in pl:
                if same(g[gi], p[pi]):
                    pairs.append((gi, pi))
                    gl.remove(gi)
                    pl.remove(pi)
                    break
    for kind in ("percent", "money"):
        pairs += list(zip([i for i in gl if kind_of(g[i]["unit"]) == kind],
                          [i for i in pl if kind_of(p[i]["unit"]) == kind]))
    return pairs


def kind_of(unit):
    return "percent" if unit == "percent" else "money"


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pred_path, half, entities_path, show_errors):
    if half == "test":   # never list the test half's errors
        show_errors = False
    g = read_gold(half)
    if g is None:
        print(f"{half}: {half}.tsv not judged yet, skipped")
        return
    gold, verdict = g
    pred = read_pred(pred_path)
    entity_of = read_entities(entities_path)
    ent_ok = ent_n = 0
    texts = dict(load.load(half, os.environ.get("CORPUS_DIR", "../shared/corpus"))) if show_errors else {}
    tp = fp = fn = 0
    stp = sfp = sfn = 0
    acc = {"amount": 0, "unit": 0, "amount+unit": 0, "actor exact": 0, "actor lenient": 0}
    errors = []
    sample = {r["sid"]: r for r in load.read_sample()}
    group = {sid: r["cue_group"] for sid, r in sample.items()}
    by_group = {}
    per_sentence = {}
    sids = [s for s in verdict if verdict[s] != "drop"]
    for sid in sids:
        gs, ps = gold[sid], pred.get(sid, [])
        pairs = align(gs, ps)
        per_sentence[sid] = (len(pairs), len(ps) - len(pairs), len(gs) - len(pairs))
        c = by_group.setdefault(group[sid], [0, 0, 0])
        c[0] += len(pairs)
        c[1] += len(ps) - len(pairs)
        c[2] += len(gs) - len(pairs)
        tp += len(pairs)
        fp += len(ps) - len(pairs)
        fn += len(gs) - len(pairs)
        stp += bool(gs) and bool(ps)
        sfp += (not gs) and bool(ps)
        sfn += bool(gs) and not ps
        for gi, pi in pairs:
            a, b = gs[gi], ps[pi]
            ok_v, ok_u = same_value(a["value"], b["value"]), a["unit"] == b["unit"]
            exact, lenient = actor_match(a["actor"], b["actor"])
            acc["amount"] += ok_v
            acc["unit"] += ok_u
            acc["amount+unit"] += ok_v and ok_u
            acc["actor exact"] += exact
            acc["actor lenient"] += lenient
            if entity_of.get(a["actor"]):
                ent_n += 1
                ent_ok += entity_of[a["actor"]] == b["entity"]
            if show_errors and not (ok_v and ok_u):
                errors.append(f"{sid} AMOUNT judged {a['value']:g} {a['unit']}, ar_pledges {b['value']:g} {b['unit']} ({b['surface']})")
            if show_errors and not lenient:
                errors.append(f"{sid} ACTOR judged '{a['actor']}', ar_pledges '{b['actor']}'")
        if show_errors:
            paired_g = {gi for gi, _ in pairs}
            paired_p = {pi for _, pi in pairs}
            for i, a in enumerate(gs):
                if i not in paired_g:
                    errors.append(f"{sid} MISSED {a['value']:g} {a['unit']} actor '{a['actor']}'")
            for i, b in enumerate(ps):
                if i not in paired_p:
                    errors.append(f"{sid} FALSE {b['value']:g} {b['unit']} ({b['surface']}) cue {b['cue']} actor '{b['actor']}'")
    n_pl = sum(len(gold[s]) for s in sids)
    n_ps = sum(1 for s in sids if gold[s])
    print(f"{half}: {len(sids)} sentences ({len(verdict) - len(sids)} dropped), {n_ps} with pledges, {n_pl} judged pledges, "
          f"{tp + fp} predicted")
    p, r, f = prf(tp, fp, fn)
    print(f"  pledge detection   P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    p, r, f = prf(stp, sfp, sfn)
    print(f"  sentence level     P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {stp}, fp {sfp}, fn {sfn})")
    if tp:
        print("  on detected pledges: " + ", ".join(f"{k} {v / tp:.3f}" for k, v in acc.items()) + f"   (of {tp})")
    if ent_n:
        print(f"  actor entity (ar_actor_entity of both actors equal) {ent_ok / ent_n:.3f}   "
              f"(of {ent_n} detected pledges whose judged actor names an entity)")
    weighted(per_sentence, sample, strata_file(half))
    if half != "test":   # the test half reports headline figures only, nothing to tune on
        print("  by cue group (sampler's): " + ", ".join(f"{g} {c[0]}/{c[0] + c[2]}" + (f" +{c[1]}" if c[1] else "")
                                                    for g, c in sorted(by_group.items()) if any(c))
              + "   (found/judged, +false)")
    for e in errors:
        print("   ", e, "|", texts.get(e.split()[0], ""))


def weighted(per_sentence, sample, strata):
    """P and R over all candidate sentences of the corpus (for dev2 and the training sets: of
    their population, the dev half's articles less earlier samples), estimated by weighting each scored
    sentence by its stratum's candidates / scored sentences."""
    path = os.path.join(HERE, strata)
    if not os.path.exists(path):
        return
    key = lambda r: (r["corpus"], r["cue_group"], r["unit_class"])  # noqa: E731
    cand = {key(r): int(r["candidates"]) for r in load.read_table(path)}
    scored = {}
    for sid in per_sentence:
        scored[key(sample[sid])] = scored.get(key(sample[sid]), 0) + 1
    tp = fp = fn = 0.0
    for sid, (t, f, n) in per_sentence.items():
        w = cand[key(sample[sid])] / scored[key(sample[sid])]
        tp, fp, fn = tp + w * t, fp + w * f, fn + w * n
    covered = sum(cand[k] for k in scored) / sum(cand.values())
    p, r, f = prf(tp, fp, fn)
    print(f"  corpus-weighted    P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (estimate over all candidate sentences; "
          f"strata with a scored sentence hold {covered:.0%} of them)")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "sentences":
        corpus = os.environ.get("CORPUS_DIR", "../shared/corpus")
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for sid, text in load.load("all", corpus):
                out.write(f"{sid}\t{copy_escape(text)}\n")
    elif len(sys.argv) >= 3 and sys.argv[1] == "actors":
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for half in load.HALVES:
                g = read_gold(half) if os.path.exists(os.path.join(HERE, f"{half}.tsv")) else None
                for actor in sorted({a["actor"] for rows in (g[0].values() if g else []) for a in rows if a["actor"]}):
                    out.write(copy_escape(actor) + "\n")
    elif len(sys.argv) >= 5 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], "--errors" in sys.argv[5:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

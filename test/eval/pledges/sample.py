#!/usr/bin/env python3
"""sample.py — draw the judged pledge set's sentences from ../shared/corpus.

Seeded and deterministic: the same corpus files give the same sample.tsv.

Every body is split into sentences; a sentence is a candidate when an
independent, deliberately simple detector (this file's regexes, NOT
ar_pledges or ar_numbers, so the sample is not biased towards what the
grammar already finds) sees a money amount (a number in digits or words
followed within three words by a currency word or symbol) or a percentage
(%, ٪, بالمئة, في المائة …).  Candidates are stratified by corpus, by cue
group (the first group in CUE_GROUPS whose words occur in the sentence, else
"none") and by unit class (USD, SAR, EUR, other money, percent: the first
amount's).  Within a stratum the candidates with the lowest keyed hash of
(seed, article id, offset) are taken; quotas are filled by water-filling
(every stratum gets up to q * weight, q raised until the total is reached;
the "none" group weighs more, since most real sentences have no cue and
precision is measured there).  The half (dev/test) comes from a hash of the
article id, so one article never spans both halves.

Output: sample.tsv (stdout) — ids and character offsets, never the text
(corpus licence; load.py recovers the text) — and strata.tsv (stderr), the
candidates and sampled sentences per stratum.

--dev2 draws the second dev set the same way with its own seed and
DEV2_TOTAL sentences (the last water-filling level is filled only up to it):
only from articles whose half is dev, never a sentence of sample.tsv, sids
d001…, half "dev2".  The test half's articles stay unseen.

--train draws a training set for a learned pledge classifier: its own seed,
TRAIN_TOTAL sentences of dev-half articles, none of sample.tsv's or
sample_dev2.tsv's, sids t001…, half "train".  Same detector and strata, but
shaped more like running news than the evaluation sets: TRAIN_SHARES gives
the "none" cue group half the sample and "qima" (بقيمة … without أعلن, the
commonest cue) an eighth; each part is water-filled over its own strata.

--train2 draws a second training set shaped like the evaluation sets, so
that positives are plentiful: its own seed, TRAIN2_TOTAL sentences of
dev-half articles, none of sample.tsv's, sample_dev2.tsv's or
sample_train.tsv's, the original strata weights (cue groups balanced,
"none" NONE_WEIGHT), the last level filled exactly as for --dev2; sids
u0001…, half "train2".

--train3 draws a third training set like --train2 (the learning curve of
the classifier rose from train alone to train + train2, so more judged data
is the next step): seed TRAIN3_SEED, TRAIN3_TOTAL sentences of dev-half
articles, none of any earlier sample's; sids v0001…, half "train3".

  cd test/eval/pledges && python3 sample.py [CORPUS_DIR] > sample.tsv 2> strata.tsv
  cd test/eval/pledges && python3 sample.py --dev2 [CORPUS_DIR] > sample_dev2.tsv 2> strata_dev2.tsv
  cd test/eval/pledges && python3 sample.py --train [CORPUS_DIR] > sample_train.tsv 2> strata_train.tsv
  cd test/eval/pledges && python3 sample.py --train2 [CORPUS_DIR] > sample_train2.tsv 2> strata_train2.tsv
  cd test/eval/pledges && python3 sample.py --train3 [CORPUS_DIR] > sample_train3.tsv 2> strata_train3.tsv
"""
import gzip
import hashlib
import heapq
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SPLIT_SEED = "pledges-2026-12-04"   # the dev/test split of articles, shared by both samples
SEED = SPLIT_SEED                   # picks and order; --dev2 sets DEV2_SEED
TOTAL = 480
DEV2_SEED = "pledges-dev2-2026-12-04"
DEV2_TOTAL = 240
TRAIN_SEED = "pledges-train-2026-12-04"
TRAIN_TOTAL = 800
# --train: share of the sample per part (cue group, or None = every other group)
TRAIN_SHARES = (("none", 0.5), ("qima", 0.125), (None, 0.375))
TRAIN2_SEED = "pledges-train2-2026-12-04"
TRAIN2_TOTAL = 1200
TRAIN3_SEED = "pledges-train3-2026-12-05"
TRAIN3_TOTAL = 2400
NONE_WEIGHT = 3
KEEP_PER_STRATUM = 200      # candidates kept per stratum before allocation
MIN_LEN, MAX_LEN = 25, 500  # sentence length in characters
FILES = [("ant", "arabic_news_ant.tsv.gz"),
         ("snn", "arabic_news_saudinewsnet.tsv.gz")]

# Sentence ends: . ! ? ؟ followed by white space (a decimal point is not).
SENT_END = re.compile(r"(?<=[.!?؟])\s+")
TOKEN = re.compile(r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*|[\u0621-\u064A\u0671-\u06D3]+|[%٪$€£]|[A-Za-z]+")
DIGITS = re.compile(r"^[0-9٠-٩]")
# clitics in front of a word: و ف ب ل ك and the article
PREFIX = r"^(?:[وف])?(?:[بلك])?(?:ال)?"
NUMBER_WORD = re.compile(PREFIX + r"(?:ألف|الف|آلاف|ألفا|ألفي|مليون|ملايين|مليونا|مليوني|مليار|مليارات|مليارا|ملياري|بليون|تريليون|"
                         r"واحد|اثن(?:ين|ان|ي)|ثلاث[ةه]?|أربع[ةه]?|خمس[ةه]?|ست[ةه]?|سبع[ةه]?|ثما(?:ن|ني)[ةه]?|تسع[ةه]?|عشر[ةه]?|"
                         r"عشر(?:ين|ون)|ثلاث(?:ين|ون)|أربع(?:ين|ون)|خمس(?:ين|ون)|ست(?:ين|ون)|سبع(?:ين|ون)|ثمان(?:ين|ون)|تسع(?:ين|ون)|"
                         r"م[ائ]+[ةه]|مئات|مائتي|مائتا|[أا]?(?:ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)م[ائ]+[ةه]|نصف|ربع)$")
CURRENCY = [
    ("USD", r"دولار(?:ا|ات|ين|ان)?"),
    ("SAR", r"ريال(?:ا|ات|ين|ان)?"),
    ("EUR", r"يورو"),
    ("other", r"درهم(?:ا|ين|ان)?|دراهم|دينار(?:ا|ين|ان)?|دنانير|جنيه(?:ا|ات|ين|ان)?|لير(?:ة|ات|تين)|كرون(?:ة|ات)?|فرنك(?:ا|ات)?|ين|يوان|روبي(?:ة|ات)|روبل(?:ا|ات)?|[إا]سترليني|شيكل|شيقل|تومان"),
]
CURRENCY_RE = [(c, re.compile(PREFIX + "(?:" + p + ")$")) for c, p in CURRENCY]
SYMBOL = {"$": "USD", "€": "EUR", "£": "other", "USD": "USD", "EUR": "EUR", "SAR": "SAR", "AED": "other", "GBP": "other"}
PERCENT_TOKENS = {"%", "٪", "بالمئة", "بالمائة", "بالمية", "وبالمئة", "وبالمائة"}
PERCENT_PAIR = re.compile(r"^(?:في|و?في)$")
PERCENT_NOUN = re.compile(r"^(?:المئة|المائة)$")

# Cue groups, most specific first; a sentence belongs to the first that matches.
V = r"^(?:[وف])?(?:[سل])?(?:[يتنأ])?"     # verb prefixes
CUE_GROUPS = [
    ("taahhud", re.compile(V + r"تعه(?:د|دت|دوا|دان|دون|دات)$|^(?:[وفب])?(?:ال)?تعهد(?:ات|ها|ه)?$")),
    ("waad", re.compile(r"^(?:[وف])?(?:وعد|وعدت|وعدوا|وعود|وعدا|بوعود)$")),
    ("iltizam", re.compile(V + r"(?:لتزم|التزم|لتزمت|التزمت|لتزمون)$|^(?:[وفب])?(?:ال)?(?:التزام|لتزام)(?:ات|ها|ه)?$")),
    ("tabarru", re.compile(V + r"(?:تبرع|تبرعت|تبرعوا)$|^(?:[وفب])?(?:ال)?تبرع(?:ات|ا|ها|ه)?$")),
    ("dakhk", re.compile(V + r"(?:ضخ|ضخت|ضخوا)$|^(?:[وفب])?(?:ال)?ضخ(?:ها|ه)?$")),
    ("rasd", re.compile(V + r"(?:رصد|رصدت|رصدوا)$")),
    ("takhsis", re.compile(V + r"(?:خصص|خصصت|خصصوا)$|^(?:[وفب])?(?:ال)?(?:تخصيص|مخصصات)(?:ها|ه)?$")),
    ("minha", re.compile(r"^(?:[وفب])?(?:ال)?(?:منح[ةه]|منحا?|منحت|يمنح|تمنح|سيمنح|ستمنح)$")),
    ("qard", re.compile(r"^(?:[وفب])?(?:ال)?(?:قرض|قرضا|قروض|قرضين)(?:ها|ه)?$")),
    ("huzma", re.compile(r"^(?:[وفب])?(?:ال)?(?:حزم[ةه]|حزم)$")),
    ("musaadat", re.compile(r"^(?:[وفب])?(?:ال)?(?:مساعدات|معونات|معون[ةه])$")),
    ("qaddama", re.compile(V + r"(?:قدم|قدمت|قدموا)$|^(?:[وفب])?(?:ال)?تقديم$")),
    ("ilan_qima", None),      # أعلن … with بقيمة/قدرها/بمبلغ
    ("qima", None),           # بقيمة/قدرها/بمبلغ without أعلن
]
ILAN = re.compile(V + r"(?:علن|علنت|علنوا|أعلن|أعلنت)$|^(?:[وفب])?(?:ال)?إعلان$")
QIMA = re.compile(r"^(?:[وف])?(?:بقيم[ةه]|قدره|قدرها|بمبلغ|مبلغ)$")
UNIT_CLASSES = ["USD", "SAR", "EUR", "other", "percent"]


def keyed_hash(*parts, seed=None):
    return hashlib.sha1("\x1f".join((seed or SEED,) + parts).encode()).hexdigest()


def first_amount(tokens):
    """The unit class of the first money amount or percentage, else None."""
    for i, t in enumerate(tokens):
        if t in SYMBOL and (i + 1 < len(tokens) and DIGITS.match(tokens[i + 1]) or i > 0 and DIGITS.match(tokens[i - 1])):
            return SYMBOL[t]
        if not (DIGITS.match(t) or NUMBER_WORD.match(t)):
            continue
        for j in range(i + 1, min(i + 5, len(tokens))):
            u = tokens[j]
            if u in PERCENT_TOKENS or (PERCENT_PAIR.match(u) and j + 1 < len(tokens) and PERCENT_NOUN.match(tokens[j + 1])):
                return "percent"
            if u in SYMBOL:
                return SYMBOL[u]
            for cls, rx in CURRENCY_RE:
                if rx.match(u):
                    return cls
            if j - i >= 3:
                break
    return None


def cue_group(tokens):
    for name, rx in CUE_GROUPS:
        if rx is not None and any(rx.match(t) for t in tokens):
            return name
    if any(QIMA.match(t) for t in tokens):
        return "ilan_qima" if any(ILAN.match(t) for t in tokens) else "qima"
    return "none"


def sentences(body):
    start = 0
    for m in SENT_END.finditer(body):
        yield start, body[start:m.start()]
        start = m.end()
    if start < len(body):
        yield start, body[start:]


def half_of(article_id):
    return "dev" if int(keyed_hash("half", article_id, seed=SPLIT_SEED)[:8], 16) % 2 == 0 else "test"


def scan(corpus_dir, eligible=lambda aid, off: True):
    """Per stratum: how many candidates, and the KEEP_PER_STRATUM lowest-hash ones
    (only sentences for which eligible(article id, offset) holds)."""
    counts, kept = {}, {}
    for corpus, name in FILES:
        with gzip.open(f"{corpus_dir}/{name}", "rt", encoding="utf-8") as f:
            for line in f:
                aid, _src, _title, body = line.rstrip("\n").split("\t", 3)
                for off, sent in sentences(body):
                    if not (MIN_LEN <= len(sent) <= MAX_LEN) or not eligible(aid, off):
                        continue
                    toks = TOKEN.findall(sent)
                    unit = first_amount(toks)
                    if unit is None:
                        continue
                    key = (corpus, cue_group(toks), unit)
                    counts[key] = counts.get(key, 0) + 1
                    h = keyed_hash("pick", aid, str(off))
                    heap = kept.setdefault(key, [])
                    item = (-int(h[:15], 16), aid, off, len(sent), hashlib.sha1(sent.encode()).hexdigest()[:12])
                    if len(heap) < KEEP_PER_STRATUM:
                        heapq.heappush(heap, item)
                    elif item > heap[0]:
                        heapq.heapreplace(heap, item)
    return counts, kept


def allocate(counts, total, exact=False):
    """Water-filling: stratum s gets min(count_s, floor(q * w_s)), q raised to reach total.
    exact (--dev2, --train2): the last level is filled only up to total, stratum by stratum
    in keyed-hash order, instead of overshooting it."""
    weight = {k: (NONE_WEIGHT if k[1] == "none" else 1) for k in counts}
    q, prev = 0, None
    while True:
        alloc = {k: min(counts[k], KEEP_PER_STRATUM, int(q * weight[k])) for k in counts}
        if sum(alloc.values()) >= total or all(alloc[k] == min(counts[k], KEEP_PER_STRATUM) for k in counts):
            break
        q, prev = q + 1, alloc
    if exact and prev is not None and sum(alloc.values()) > total:
        room = total - sum(prev.values())
        for k in sorted((k for k in alloc if alloc[k] > prev[k]), key=lambda k: keyed_hash("level", *k)):
            step = min(alloc[k] - prev[k], room)
            prev[k] += step
            room -= step
        alloc = prev
    return alloc


def allocate_shares(counts, total, shares):
    """--train: each part (a cue group, or None for all the others) gets its
    share of total, water-filled exactly over that part's strata."""
    named = {g for g, _ in shares if g is not None}
    alloc = {}
    for group, share in shares:
        part = {k: n for k, n in counts.items() if (k[1] == group if group else k[1] not in named)}
        alloc.update(allocate(part, round(total * share), exact=True))
    return alloc


def dev_half_eligible(*taken_files):
    """--dev2, --train, --train2, --train3: dev-half articles only, and no sentence the given sample files already hold."""
    taken = set()
    for name in taken_files:
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if not line.startswith("#") and c[0] != "sid":
                    taken.add((c[3], int(c[4])))
    return lambda aid, off: half_of(aid) == "dev" and (aid, off) not in taken


def main():
    global SEED
    args = sys.argv[1:]
    dev2, train, train2, train3 = ("--dev2" in args, "--train" in args, "--train2" in args,
                                   "--train3" in args)
    args = [a for a in args if a not in ("--dev2", "--train", "--train2", "--train3")]
    corpus_dir = args[0] if args else os.path.join(HERE, "../../../../shared/corpus")
    if dev2:
        SEED = DEV2_SEED
        counts, kept = scan(corpus_dir, dev_half_eligible("sample.tsv"))
        alloc = allocate(counts, DEV2_TOTAL, exact=True)
    elif train3:
        SEED = TRAIN3_SEED
        counts, kept = scan(corpus_dir, dev_half_eligible("sample.tsv", "sample_dev2.tsv", "sample_train.tsv",
                                                          "sample_train2.tsv"))
        alloc = allocate(counts, TRAIN3_TOTAL, exact=True)
    elif train2:
        SEED = TRAIN2_SEED
        counts, kept = scan(corpus_dir, dev_half_eligible("sample.tsv", "sample_dev2.tsv", "sample_train.tsv"))
        alloc = allocate(counts, TRAIN2_TOTAL, exact=True)
    elif train:
        SEED = TRAIN_SEED
        counts, kept = scan(corpus_dir, dev_half_eligible("sample.tsv", "sample_dev2.tsv"))
        alloc = allocate_shares(counts, TRAIN_TOTAL, TRAIN_SHARES)
    else:
        counts, kept = scan(corpus_dir)
        alloc = allocate(counts, TOTAL)
    rows = []
    for key in sorted(kept):
        best = sorted(kept[key], reverse=True)[:alloc[key]]
        for _negh, aid, off, length, sha in best:
            rows.append((key, aid, off, length, sha))
    rows.sort(key=lambda r: keyed_hash("order", r[1], str(r[2])))
    scope = ("; dev-half articles only, none of sample.tsv's sentences" if dev2 else
             "; dev-half articles only, none of sample.tsv's or sample_dev2.tsv's sentences;"
             " shares none 1/2, qima 1/8, other cue groups 3/8" if train else
             "; dev-half articles only, none of sample.tsv's, sample_dev2.tsv's or sample_train.tsv's sentences;"
             " strata weighted as in sample.tsv" if train2 else
             "; dev-half articles only, none of any earlier sample's sentences; strata weighted as in sample.tsv"
             if train3 else "")
    print(f"# pledge sample: seed {SEED}{scope}, {len(rows)} sentences; columns below; text via load.py")
    print("sid\thalf\tcorpus\tarticle_id\tstart\tlength\tcue_group\tunit_class\tsha1_12")
    for n, ((corpus, cue, unit), aid, off, length, sha) in enumerate(rows, 1):
        sid, half = (f"d{n:03d}", "dev2") if dev2 else (f"t{n:03d}", "train") if train else \
            (f"u{n:04d}", "train2") if train2 else (f"v{n:04d}", "train3") if train3 else \
            (f"s{n:03d}", half_of(aid))
        print(f"{sid}\t{half}\t{corpus}\t{aid}\t{off}\t{length}\t{cue}\t{unit}\t{sha}")
    # strata.tsv: counts only, for the docs and the corpus-weighted estimate in score.py
    print(f"# pledge sample strata: seed {SEED}{scope}; candidates in the corpus, sentences sampled", file=sys.stderr)
    print("corpus\tcue_group\tunit_class\tcandidates\tsampled", file=sys.stderr)
    for key in sorted(counts):
        print("\t".join(key) + f"\t{counts[key]}\t{alloc[key]}", file=sys.stderr)


if __name__ == "__main__":
    main()

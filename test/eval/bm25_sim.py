"""bm25_sim.py — Okapi BM25 over dumped tsvectors, scored as the bm25 index
scores (docs/ranked-search.md), for choosing its default parameters
(rank_sim.py --tune) and for what-ifs (rank_sim.py DUMP bm25:K1:B:LP:LW).

Per document: tf = positions of the lexeme (1 without positions); an
occurrence at position <= LP counts LW instead of 1 (tf' = tf + (LW-1) *
lead); dl = sum of plain tf; lexemes starting with '#' (rarity marks) are no
terms, in documents or queries.  idf = ln(1 + (N - df + 0.5) / (df + 0.5)).
Top 10 by score desc, ties by load order (the index breaks ties by heap TID,
and make eval-search loads passages in file order).

Needs python3-numpy (one array pass per query term keeps a grid search over
the 30,000 news passages to seconds per setting).
"""
import itertools
import math
import sys

try:
    import numpy as np
except ImportError:
    sys.exit('bm25 experiments need numpy (Debian: apt-get install python3-numpy)')

_INDEX = {}


class SetIndex:
    """Postings of one evaluation set: per term, document numbers, tf and
    positions; per document, its length and passage id."""

    def __init__(self, docs):
        self.pids = list(docs)
        post = {}
        dl = np.zeros(len(self.pids))
        for i, pid in enumerate(self.pids):
            for lx, pos in docs[pid].items():
                if lx.startswith('#'):
                    continue
                tf = max(len(pos), 1)
                dl[i] += tf
                post.setdefault(lx, []).append((i, tf, pos))
        self.dl = dl
        self.avgdl = dl.mean() if len(dl) else 1.0
        self.n = len(self.pids)
        self.terms = {}
        for lx, plist in post.items():
            self.terms[lx] = (np.array([p[0] for p in plist], dtype=np.int64),
                              np.array([p[1] for p in plist], dtype=np.float64),
                              [p[2] for p in plist])
        self._lead = {}

    def lead(self, lx, lp):
        """Occurrences of lx at position <= lp, per posting (cached)."""
        key = (lx, lp)
        if key not in self._lead:
            self._lead[key] = np.array([sum(1 for x in pos if x <= lp) for pos in self.terms[lx][2]],
                                       dtype=np.float64)
        return self._lead[key]


def set_index(docs, s):
    if s not in _INDEX:
        _INDEX[s] = SetIndex(docs[s])
    return _INDEX[s]


def top10(ix, terms, k1, b, lp, lw):
    """Document numbers of the best 10, score desc then document number."""
    norm = k1 * (1 - b + b * ix.dl / ix.avgdl)
    scores = np.zeros(ix.n)
    for lx in terms:
        if lx not in ix.terms:
            continue
        idx, tf, _ = ix.terms[lx]
        if lp > 0 and lw != 1:
            tf = tf + (lw - 1) * ix.lead(lx, int(lp))
        df = len(idx)
        idf = math.log(1 + (ix.n - df + 0.5) / (df + 0.5))
        scores[idx] += idf * tf * (k1 + 1) / (tf + norm[idx])
    cand = np.nonzero(scores)[0]
    if len(cand) > 10:
        tenth = np.partition(scores[cand], len(cand) - 10)[len(cand) - 10]
        cand = cand[scores[cand] >= tenth]
    order = np.lexsort((cand, -scores[cand]))
    return cand[order][:10]


def evaluate(docs, queries, qrels, s, k1=1.2, b=0.75, lp=0, lw=1.0):
    """(MRR@10, R@1, R@10) of bm25 on the queries of set s."""
    ix = set_index(docs, s)
    mrr = r1 = r10 = 0.0
    qs = queries[s]
    for qid, q in qs:
        terms = sorted(set(lx for lx in q if not lx.startswith('#')))
        for rank, d in enumerate(top10(ix, terms, k1, b, lp, lw), 1):
            if ix.pids[d] in qrels[s, qid]:
                mrr += 1.0 / rank
                r1 += rank == 1
                r10 += 1
                break
    n = max(len(qs), 1)
    return mrr / n, r1 / n, r10 / n


def _mean_mrr(docs, queries, qrels, sets, params):
    return sum(evaluate(docs, queries, qrels, s, *params)[0] for s in sets) / len(sets)


GRID_K1B = list(itertools.product([0.9, 1.2, 1.5, 1.8], [0.5, 0.65, 0.75, 0.9]))
GRID_LEAD = list(itertools.product([0, 10, 20, 30, 40, 60], [1.25, 1.5, 2.0, 2.5, 3.0]))


def _row(docs, queries, qrels, sets, params):
    """MRR@10 of each set on the odd and the even query lines."""
    out = []
    for s in sets:
        out.append(evaluate(docs, {s: queries[s][0::2]}, qrels, s, *params)[0])
        out.append(evaluate(docs, {s: queries[s][1::2]}, qrels, s, *params)[0])
    return out


def tune(docs, queries, qrels, sets):
    """Grid search on the odd query lines, every grid point printed with its
    even-line figures beside (the even lines confirm or refute the choice):
    k1 and b at the lead prior of the design sketch (30, 1.5), best mean
    MRR@10; then the lead prior at that k1, b: the best mean MRR@10 among the
    settings that lose on no set against no lead prior (a prior that helps
    news must not cost the Wikipedia sets; without that guard the odd-line
    maximum is a sharp peak, lead weight 2.5, that loses on the even lines)."""
    print('%-26s %s %8s %8s' % ('k1 b lead_positions weight',
                                ' '.join('%8s %8s' % (s[:8] + '/o', s[:8] + '/e') for s in sets),
                                'mean/o', 'mean/e'))
    cache = {}

    def run(params):
        if params not in cache:
            r = _row(docs, queries, qrels, sets, params)
            cache[params] = r
            print('%-26s %s %8.4f %8.4f' % (' '.join('%g' % x for x in params),
                                             ' '.join('%8.4f' % x for x in r),
                                             sum(r[0::2]) / len(sets), sum(r[1::2]) / len(sets)), flush=True)
        return cache[params]

    k1, b = max(((g[0], g[1]) for g in GRID_K1B), key=lambda g: sum(run((g[0], g[1], 30, 1.5))[0::2]))
    base = run((k1, b, 0, 1.0))[0::2]
    safe = [p for p in ((k1, b, g[0], g[1] if g[0] else 1.0) for g in GRID_LEAD)
            if all(x >= y for x, y in zip(run(p)[0::2], base))]
    chosen = max(safe, key=lambda p: sum(run(p)[0::2]))
    print('chosen on the odd query lines: k1 %g, b %g, lead_positions %d, lead_weight %g' % chosen)
    print('%-26s %s' % ('whole sets', ' '.join('%22s' % s for s in sets)))
    for params in [(k1, b, 0, 1.0), (1.2, 0.75, 30, 1.5), chosen]:
        print('%-26s %s' % (' '.join('%g' % x for x in params),
                            ' '.join('%22.4f' % evaluate(docs, queries, qrels, s, *params)[0] for s in sets)))

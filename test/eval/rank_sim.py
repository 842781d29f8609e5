#!/usr/bin/env python3
"""rank_sim.py — re-rank dumped tsvectors exactly as ts_rank does, to measure
what a change of the lexemes or positions a text gives would do to MRR@10
before anyone builds it ("make eval-search-sim"; dumps by search_sim.sh).

ts_rank on an OR-query (calc_rank_or in PostgreSQL's tsrank.c): each distinct
query lexeme found in the document adds 0.1 * sum(1/j^2 for j = 1..tf) / 1.6449
(every position has weight D = 0.1), the sum is divided by the number of
distinct query lexemes, then (normalization 1) by log2(1 + number of
positions).  Scores are compared as float4, ties broken by passage id, as in
make eval-search, which this reproduces to the third decimal.

An experiment is NAME[:ARG...]:
  baseline              the dumped lexemes and positions as they are
  lead-dup:K:M          every occurrence at position <= K counts M times
                        (positions added in place: breaks phrase queries)
  lead-echo:K:M:L       a lexeme met at position <= K gets M-1 more
                        occurrences after the text, only in texts of more
                        than L positions (phrase queries longer than L break)
  lead-mark:K           a lexeme met at position <= K also gives a private
                        second lexeme (a GIN key per lead word and document)
  tf-cap:C              at most C occurrences of a lexeme count (drops
                        positions: breaks phrase search and headlines)
  bm25:K1:B:LP:LW       Okapi BM25 as the bm25 index scores (Lucene IDF,
                        tf = positions, dl = sum of tf, '#' marks are not
                        terms; an occurrence at position <= LP counts LW)
A rarity mark ('#xyz') sits at its stem's positions and is weighed like a stem
by the ts_rank experiments, and is no term for bm25.

usage: rank_sim.py [--halves] DUMP_DIR EXPERIMENT...
       rank_sim.py --tune DUMP_DIR
--halves prints MRR@10 on the odd and on the even query lines of each set;
--tune grid-searches the bm25 parameters on the odd query lines (best mean
MRR@10 over the sets) and confirms the choice on the even ones (bm25_sim.py).
DUMP_DIR holds docs.tsv (set, id, tsvector), queries.tsv (set, id, tsquery)
and qrels.tsv (set, query id, passage id).
"""
import collections
import math
import re
import struct
import sys

LEXEME = re.compile(r"'((?:[^']|'')*)'(?::([0-9A-D,]+))?")
NORMALIZATION = {'saudinewsnet_headlines': 1}
SET_ORDER = ['xquad_ar', 'arcd', 'saudinewsnet_headlines']


def lexemes(text):
    """(lexeme, [positions]) of a tsvector or the operands of a tsquery."""
    for m in LEXEME.finditer(text):
        pos = [int(p.rstrip('ABCD')) for p in m.group(2).split(',')] if m.group(2) else []
        yield m.group(1).replace("''", "'"), pos


def read_dump(d):
    docs = collections.defaultdict(dict)
    with open(d + '/docs.tsv', encoding='utf-8') as f:
        for line in f:
            s, pid, tsv = line.rstrip('\n').split('\t')
            docs[s][pid] = dict(lexemes(tsv))
    queries = collections.defaultdict(list)
    with open(d + '/queries.tsv', encoding='utf-8') as f:
        for line in f:
            s, qid, tsq = line.rstrip('\n').split('\t')
            queries[s].append((qid, list(dict.fromkeys(l for l, _ in lexemes(tsq)))))
    qrels = collections.defaultdict(set)
    with open(d + '/qrels.tsv', encoding='utf-8') as f:
        for line in f:
            s, qid, pid = line.rstrip('\n').split('\t')
            qrels[s, qid].add(pid)
    return docs, queries, qrels


def is_mark(lexeme):
    return lexeme.startswith('#')


def weigh(doc, exp, args):
    """lexeme -> occurrence count the experiment gives one document."""
    k = args[0] if args else 0
    ntok = max((max(p) for p in doc.values() if p), default=0)
    out = {}
    for lx, pos in doc.items():
        tf = max(len(pos), 1)
        lead = sum(1 for p in pos if p <= k)
        if exp == 'lead-dup':
            tf += (args[1] - 1) * lead
        elif exp == 'lead-echo' and lead and ntok > args[2]:
            tf += args[1] - 1
        elif exp == 'lead-mark' and lead and not is_mark(lx):
            out['^' + lx] = lead
        elif exp == 'tf-cap':
            tf = min(tf, args[0])
        out[lx] = tf
    return out


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def mrr10(docs, queries, qrels, s, exp, args):
    harm = [0.0]
    for j in range(1, 1024):
        harm.append(harm[-1] + 1.0 / (j * j))
    postings = collections.defaultdict(list)
    length = {}
    for pid, doc in docs[s].items():
        w = weigh(doc, exp, args)
        length[pid] = sum(w.values())
        for lx, tf in w.items():
            postings[lx].append((pid, 0.1 * harm[min(tf, 1023)] / 1.64493406685))
    norm = NORMALIZATION.get(s, 0)
    total = 0.0
    for qid, q in queries[s]:
        if exp == 'lead-mark':
            q = q + ['^' + l for l in q if not is_mark(l)]
        score = collections.defaultdict(float)
        for lx in q:
            for pid, c in postings.get(lx, ()):
                score[pid] += c
        ranked = []
        for pid, r in score.items():
            r /= len(q)
            if norm == 1:
                r /= math.log(length[pid] + 1) / math.log(2.0)
            ranked.append((-f32(r), pid))
        ranked.sort()
        for i, (_, pid) in enumerate(ranked[:10]):
            if pid in qrels[s, qid]:
                total += 1.0 / (i + 1)
                break
    return total / max(len(queries[s]), 1)


def halves(queries, s):
    """The odd and the even query lines of set s (1-based line numbers)."""
    return {'odd': queries[s][0::2], 'even': queries[s][1::2]}


def main():
    argv = sys.argv[1:]
    mode = argv.pop(0) if argv and argv[0] in ('--halves', '--tune') else None
    if not argv or (mode != '--tune' and len(argv) < 2):
        sys.exit(__doc__)
    docs, queries, qrels = read_dump(argv[0])
    sets = [s for s in SET_ORDER if s in docs]
    if mode == '--tune':
        import bm25_sim
        bm25_sim.tune(docs, queries, qrels, sets)
        return
    parts = ['odd', 'even'] if mode == '--halves' else ['all']
    print('%-24s %s' % ('experiment', ' '.join('%22s' % (s if p == 'all' else s[:17] + ' ' + p)
                                               for s in sets for p in parts)))
    for spec in argv[1:]:
        name, *args = spec.split(':')
        if name not in ('baseline', 'lead-dup', 'lead-echo', 'lead-mark', 'tf-cap', 'bm25'):
            sys.exit('rank_sim.py: unknown experiment %s' % spec)
        cells = []
        for s in sets:
            for p in parts:
                qs = {s: queries[s]} if p == 'all' else {s: halves(queries, s)[p]}
                if name == 'bm25':
                    import bm25_sim
                    cells.append(bm25_sim.evaluate(docs, qs, qrels, s, *[float(a) for a in args])[0])
                else:
                    cells.append(mrr10(docs, qs, qrels, s, name, [int(a) for a in args]))
        print('%-24s %s' % (spec, ' '.join('%22.4f' % c for c in cells)), flush=True)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""ner_score.py — score ar_entities output against a CoNLL NER file.

  ner_score.py sentences GOLD.conll OUT.tsv [N]
                                                write one sentence per line
                                                (tokens joined by one space);
                                                with N > 0, a first column
                                                holds the N sentences before
                                                it (document context)
  ner_score.py score GOLD.conll PRED.tsv [NAME] print per-type P/R/F1 and micro F1

PRED.tsv rows: sentence number (1-based) TAB kind TAB start_pos TAB end_pos,
as ar_entities returns them (1-based characters, end exclusive).

Conventions (../shared/eval/ner/README.md): entity-level exact match; gold
chunks read with the conlleval rules (an I-X after O or another type opens an
entity); PERS is PER; only PER, ORG and LOC are scored — MISC (and NewsFANE's
GRP/FAC) dropped on both sides, NAT rows dropped from the predictions; a
predicted span covering only part of a token (the name inside a
clitic-bearing token such as بواشنطن) counts as that whole token.
"""
import os
import sys
from collections import Counter

TYPES = ('PER', 'ORG', 'LOC')


def read_conll(path):
    sents, toks, tags = [], [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            tok, tag = line.split('\t')
            toks.append(tok)
            tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def chunks(tags):
    out, cur = [], None
    for i, t in enumerate(tags + ['O']):
        if t == 'O':
            kind, pre = None, None
        else:
            pre, kind = t.split('-', 1)
            kind = 'PER' if kind == 'PERS' else kind
        if cur and (kind != cur[0] or pre == 'B' or kind is None):
            out.append((cur[0], cur[1], i - 1))
            cur = None
        if kind and cur is None:
            cur = [kind, i]
    return [c for c in out if c[0] in TYPES]


def token_spans(toks):
    spans, pos = [], 1
    for t in toks:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return spans


def to_tokens(spans, s, e):
    first = last = None
    for i, (a, b) in enumerate(spans):
        if first is None and a <= s < b:
            first = i
        if a < e <= b:
            last = i
    return first, last


def main():
    mode, gold = sys.argv[1], read_conll(sys.argv[2])
    if mode == 'sentences':
        with open(sys.argv[3], 'w', encoding='utf-8') as f:
            ctx = int(sys.argv[4]) if len(sys.argv) > 4 else 0
            lines = [' '.join(toks).replace('\\', '\\\\') for toks, _ in gold]
            for n, line in enumerate(lines):
                if ctx > 0:
                    # COPY text format: \n inside a field is a newline
                    f.write('\\n'.join(lines[max(0, n - ctx):n]) + '\t')
                f.write(line + '\n')
        return
    name = sys.argv[4] if len(sys.argv) > 4 else sys.argv[2]
    pred = {}
    with open(sys.argv[3], encoding='utf-8') as f:
        for line in f:
            sid, kind, s, e = line.rstrip('\n').split('\t')[:4]
            if kind in TYPES:
                pred.setdefault(int(sid), set()).add((kind, int(s), int(e)))
    tp, fp, fn = Counter(), Counter(), Counter()
    # NER_ERRORS=file writes every false positive and false negative with
    # its context, for error analysis on the development split.
    dump = open(os.environ['NER_ERRORS'], 'w', encoding='utf-8') if os.environ.get('NER_ERRORS') else None
    for n, (toks, tags) in enumerate(gold, 1):
        g = set(chunks(tags))
        spans = token_spans(toks)
        p = set()
        for kind, s, e in pred.get(n, ()):
            a, b = to_tokens(spans, s, e)
            if a is not None and b is not None:
                p.add((kind, a, b))
        for c in p:
            (tp if c in g else fp)[c[0]] += 1
        for c in g - p:
            fn[c[0]] += 1
        if dump:
            for tag, cs in (('FP', p - g), ('FN', g - p)):
                for kind, a, b in sorted(cs, key=lambda c: c[1]):
                    dump.write('%s\t%s\t%d:%d-%d\t%s\t%s\n' % (tag, kind, n, a, b, ' '.join(toks[a:b + 1]),
                               ' '.join(toks[max(0, a - 4):a]) + ' [' + ' '.join(toks[a:b + 1]) + '] ' + ' '.join(toks[b + 1:b + 4])))

    def prf(t, f_p, f_n):
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print('%s' % name)
    print('  type  gold   pred  correct  P      R      F1')
    for k in TYPES:
        p, r, f = prf(tp[k], fp[k], fn[k])
        print('  %-4s %5d  %5d  %5d    %.3f  %.3f  %.3f' % (k, tp[k] + fn[k], tp[k] + fp[k], tp[k], p, r, f))
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r, f = prf(T, F, N)
    print('  micro %5d  %5d  %5d    %.3f  %.3f  %.3f' % (T + N, T + F, T, p, r, f))


if __name__ == '__main__':
    main()

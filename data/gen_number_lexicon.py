#!/usr/bin/env python3
"""gen_number_lexicon.py — build src/core/numlex_table.h from the word lists.

Reads data/number_words.tsv, data/currencies.tsv, data/number_context.tsv,
data/months.tsv and data/pledge_cues.tsv, folds every word the way
ar_normalize does by default (diacritics and tatweel removed, أ إ آ ٱ → ا,
ى → ي, ة → ه), and writes one open-addressing hash table (FNV-1a over the
folded UTF-8 bytes) shared by the number, date and pledge grammars.

    python3 data/gen_number_lexicon.py data > src/core/numlex_table.h
"""
import os
import sys
from search_form import include_guard, search_form as fold  # data/search_form.py: one search form for every table

CLASSES = [
    # number_words.tsv
    'unit', 'ten', 'tens', 'hundred', 'scale', 'fraction', 'ordinal', 'neg', 'point',
    # currencies.tsv
    'currency', 'adj', 'latin', 'subunit',
    # number_context.tsv
    'approx', 'approxafter', 'pctword', 'pctratio', 'pctpoint', 'pctadj', 'yearcue',
    'yearmark', 'timecue', 'daypart', 'durunit', 'prep', 'from', 'to', 'or', 'between', 'and',
    # months.tsv
    'month', 'monthpre', 'hijripre', 'weekday', 'relday', 'relunit', 'reladj', 'hijrimark',
    'agree', 'defart', 'after', 'durcue', 'durfull', 'monthord', 'monthcue', 'relafter', 'relbefore', 'this', 'ago', 'mid',
    # pledge_cues.tsv
    'cue', 'stat', 'negword', 'actorverb', 'particle',
]
FLAGS = ['fem', 'teenonly', 'construct', 'sing', 'dual', 'acc_or_construct', 'plural',
         'afterand', 'def', 'onlyteen', 'tens', 'hundred', 'withtens', 'needsprep',
         'greg', 'levant', 'maghreb', 'hijri', 'target', 'mul100', 'verb', 'noun', 'clause',
         'needsverb', 'qual', 'expect', 'amount', 'receive', 'passive', 'price']


def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h ^= x
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


# The person, number and tense forms of a verb row of pledge_cues.tsv:
# past (تعهد، تعهدت، تعهدوا، تعهدا، تعهدتا), present and its subjunctive /
# jussive plural (يتعهد، تتعهد، نتعهد، يتعهدون، يتعهدوا، يتعهدان، تتعهدان) and the
# future with س (سيتعهد، ستتعهد، سنتعهد، سيتعهدون، سيتعهدان، ستتعهدان).
PAST_SUFFIXES = ['', 'ت', 'وا', 'ا', 'تا']
PRESENT_FORMS = ['ي%s', 'ت%s', 'ن%s', 'ي%sون', 'ي%sوا', 'ي%sان', 'ت%sان']


def verb_forms(past, present):
    forms = [past + s for s in PAST_SUFFIXES]
    if present != '-':
        for f in PRESENT_FORMS:
            forms += [f % present, 'س' + f % present]
    return forms


# A verbal noun, its definite form (flag def) and its forms with a possessive pronoun:
# the actor's own pledge (أعلنت بريطانيا عن مساهمتها، تقديمها، تعهده); ة
# becomes ت before it.
POSSESSIVES = ['ها', 'ه', 'هم', 'هما']


def noun_forms(noun, definite):
    if noun.startswith('ال') or noun.endswith('ا'):
        return [noun]
    stem = noun[:-1] + 'ت' if noun.endswith('ة') else noun
    return [noun] + (['ال' + noun] if definite else []) + [stem + p for p in POSSESSIVES]


def rows(path):
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            yield path, lineno, cols


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    entries = {}            # folded word -> list of (cls, flags, val, den, code, family)
    families = ['']

    def fam(name):
        if name not in families:
            families.append(name)
        return families.index(name)

    def add(word, cls, flags, val, den, code, family):
        key = fold(word)
        e = (CLASSES.index(cls), flags, val, den, code, fam(family))
        lst = entries.setdefault(key, [])
        if e not in lst:
            lst.append(e)

    def flagbits(s, path, lineno):
        bits = 0
        for f in filter(None, (s or '').split(',')):
            if f not in FLAGS:
                sys.exit('%s:%d: unknown flag %r' % (path, lineno, f))
            bits |= 1 << FLAGS.index(f)
        return bits

    for name in ('number_words.tsv', 'number_context.tsv', 'months.tsv'):
        for path, lineno, c in rows(os.path.join(d, name)):
            word, cls, val = c[0], c[1], c[2]
            flags = flagbits(c[3] if len(c) > 3 else '', path, lineno)
            if cls not in CLASSES:
                sys.exit('%s:%d: unknown class %r' % (path, lineno, cls))
            den = 1
            if '/' in val:
                val, den = val.split('/')
            add(word, cls, flags, int(val), int(den), None, '')
    for path, lineno, c in rows(os.path.join(d, 'currencies.tsv')):
        word, cls, family = c[0], c[1], c[2]
        code = None if c[3] == '-' else c[3]
        flags = flagbits(c[4] if len(c) > 4 else '', path, lineno)
        if cls == 'subunit':
            add(word, cls, flags, 1, int(code), None, family)
            continue
        add(word, cls, flags, 0, 1, code, family)
        if cls == 'adj':
            # feminine and definite forms: دولار أمريكي، ليرة تركية، الدولار الأمريكي
            for w in (word + 'ة', 'ال' + word, 'ال' + word + 'ة'):
                add(w, cls, flags, 0, 1, code, family)
        if cls == 'currency' and not word.startswith('ال'):
            add('ال' + word, cls, flags, 0, 1, code, family)
    for path, lineno, c in rows(os.path.join(d, 'pledge_cues.tsv')):
        word, cls = c[0], c[1]
        flags = flagbits(c[2] if len(c) > 2 else '', path, lineno)
        forms = [word]
        if len(c) > 3:
            # a verb row: word is the past stem, c[3] the present stem (- for none)
            forms = verb_forms(word, c[3])
        elif cls == 'cue' and flags & (1 << FLAGS.index('noun')):
            # the definite form only where asked for (flag def)
            forms = noun_forms(word, flags & (1 << FLAGS.index('def')))
        cls = 'negword' if cls == 'neg' else cls
        for w in forms:
            wflags = flags
            merged = [e for e in entries.get(fold(w), []) if e[0] == CLASSES.index(cls)]
            if merged:
                # one entry per word and class, with every flag it was listed with
                entries[fold(w)].remove(merged[0])
                wflags |= merged[0][1]
            add(w, cls, wflags, 0, 1, None, '')

    keys = sorted(entries)
    size = 1
    while size < 2 * len(keys):
        size *= 2
    slots = [0] * size
    for i, k in enumerate(keys):
        h = fnv1a(k.encode('utf-8')) & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = i + 1

    o = sys.stdout
    o.write('/*\n * numlex_table.h — generated by data/gen_number_lexicon.py from the data/ word lists;\n'
            ' * do not edit (run "make regen").\n */\n')
    guard_open, guard_close = include_guard('numlex_table.h')
    o.write(guard_open + '\n')
    o.write('typedef enum ArLexClass\n{\n')
    for i, c in enumerate(CLASSES):
        o.write('\tLX_%s = %d,\n' % (c.upper(), i))
    o.write('} ArLexClass;\n\n')
    for i, f in enumerate(FLAGS):
        o.write('#define LXF_%s (1u << %d)\n' % (f.upper(), i))
    o.write('\n')
    for i, f in enumerate(families):
        if f:
            o.write('#define LXFAM_%s %d\n' % (f.upper(), i))
    o.write('\ntypedef struct ArLexEntry\n{\n\tuint8_t\t\tcls;\n\tuint8_t\t\tfamily;\n'
            '\tuint32_t\tflags;\n\tint64_t\t\tval;\n\tint32_t\t\tden;\n\tconst char *code;\n} ArLexEntry;\n\n')
    o.write('typedef struct ArLexKey\n{\n\tconst char *word;\n\tuint8_t\t\tlen;\n'
            '\tuint16_t\tfirst;\n\tuint8_t\t\tcount;\n} ArLexKey;\n\n')
    o.write('static const ArLexEntry ar_lex_entries[] = {\n')
    first = []
    n = 0
    for k in keys:
        first.append(n)
        for (cls, flags, val, den, code, family) in entries[k]:
            o.write('\t{%d, %d, 0x%x, %d, %d, %s},\t/* %s */\n' % (
                cls, family, flags, val, den, '"%s"' % code if code else 'NULL', k))
            n += 1
    o.write('};\n\n')
    o.write('static const ArLexKey ar_lex_keys[] = {\n')
    for i, k in enumerate(keys):
        b = k.encode('utf-8')
        o.write('\t{"%s", %d, %d, %d},\n' % (''.join('\\x%02x' % x for x in b), len(b),
                                               first[i], len(entries[k])))
    o.write('};\n\n')
    o.write('#define AR_LEX_SLOTS %d\n' % size)
    o.write('static const uint16_t ar_lex_slots[AR_LEX_SLOTS] = {\n')
    for i in range(0, size, 16):
        o.write('\t' + ', '.join(str(s) for s in slots[i:i + 16]) + ',\n')
    o.write('};\n' + guard_close + '\n')


main()

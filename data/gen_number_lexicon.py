#!/usr/bin/env python3
"""gen_number_lexicon.py — build src/core/numlex_table.h from the word lists.

Reads data/number_words.tsv, data/currencies.tsv + data/currencies_cldr.tsv
(through data/currency_lexicon.py), data/number_context.tsv,
data/months.tsv and data/pledge_cues.tsv, folds every word the way
ar_normalize does by default (diacritics and tatweel removed, أ إ آ ٱ → ا,
ى → ي, ة → ه), and writes one open-addressing hash table (FNV-1a over the
folded UTF-8 bytes) shared by the number, date and pledge grammars, plus
the currency qualifier phrases by family and the currency signs.

    python3 data/gen_number_lexicon.py data > src/core/numlex_table.h
"""
import os
import sys
from search_form import fnv1a, include_guard, search_form as fold  # data/search_form.py: one search form for every table
from currency_lexicon import currency_entries  # data/currency_lexicon.py: CLDR names + hand rules

CLASSES = [
    # number_words.tsv
    'unit', 'ten', 'tens', 'hundred', 'scale', 'fraction', 'ordinal', 'neg', 'point',
    # currencies.tsv
    'currency', 'adj', 'latin', 'subunit', 'place',
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
         'qualified', 'upper', 'needsverb', 'qual', 'expect', 'amount', 'receive', 'passive',
         'price', 'money', 'bi', 'cut', 'spend', 'noala', 'worth', 'cost', 'report', 'pronoun', 'present']


# The person, number and tense forms of a verb row of pledge_cues.tsv:
# past (تعهد، تعهدت، تعهدوا، تعهدا، تعهدتا، تعهدنا), present and its subjunctive /
# jussive plural (يتعهد، تتعهد، نتعهد، يتعهدون، يتعهدوا، يتعهدان، تتعهدان) and the
# future with س (سيتعهد، ستتعهد، سنتعهد، سيتعهدون، سيتعهدان، ستتعهدان).
PAST_SUFFIXES = ['', 'ت', 'وا', 'ا', 'تا', 'نا']
PRESENT_FORMS = ['ي%s', 'ت%s', 'ن%s', 'ي%sون', 'ي%sوا', 'ي%sان', 'ت%sان']


OBJECT_SUFFIXES = ['ها', 'تها', 'وها', 'ناها']


def verb_forms(past, present):
    forms = [past + s for s in PAST_SUFFIXES]
    if present != '-':
        for f in PRESENT_FORMS:
            forms += [f % present, 'س' + f % present]
    return forms


def present_forms(present):
    """The present forms without the future س (flag present: قد يقدم "may give")."""
    return set() if present == '-' else {f % present for f in PRESENT_FORMS}


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


def c_bytes(s):
    return ''.join('\\x%02x' % x for x in s.encode('utf-8'))


def write_currency_tables(o, families, phrases, signs, abbrevs):
    """The qualifiers of each currency family (longest first, so "شيكل
    إسرائيلي جديد" wins over a shorter one), the currency signs and the
    Arabic abbreviations."""
    if len(families) > 255:
        sys.exit('gen_number_lexicon.py: more than 255 currency families')
    rows = sorted((families.index(f), -len(ws), ws, code) for f, ws, code in phrases)
    o.write('/* A qualifier after a currency noun of family `family`: its folded words,\n'
            ' * separated by one space, and the ISO code they settle. */\n')
    o.write('typedef struct ArCurPhrase\n{\n\tconst char *words;\n\tuint8_t\t\tlen;\n'
            '\tuint8_t\t\tnwords;\n\tconst char *code;\n} ArCurPhrase;\n\n')
    o.write('#define AR_CUR_MAX_WORDS %d\n\n' % max(len(ws) for _, _, ws, _ in rows))
    o.write('static const ArCurPhrase ar_cur_phrases[] = {\n')
    first = [0] * (len(families) + 1)
    for i, (fam, _, ws, code) in enumerate(rows):
        text = ' '.join(ws)
        o.write('\t{"%s", %d, %d, "%s"},\t/* %s */\n' % (c_bytes(text), len(text.encode('utf-8')),
                                                        len(ws), code, families[fam] + ' ' + text))
    o.write('};\n\n')
    for fam, _, _, _ in rows:
        first[fam + 1] += 1
    for i in range(len(families)):
        first[i + 1] += first[i]
    o.write('/* ar_cur_phrases[ar_cur_family_first[f] .. ar_cur_family_first[f + 1]) */\n')
    o.write('static const uint16_t ar_cur_family_first[%d] = {\n' % (len(families) + 1))
    for i in range(0, len(first), 16):
        o.write('\t' + ', '.join(str(x) for x in first[i:i + 16]) + ',\n')
    o.write('};\n\n')
    o.write('/* One-character currency signs. */\n')
    o.write('typedef struct ArCurSign\n{\n\tuint32_t\tcp;\n\tconst char *code;\n} ArCurSign;\n\n')
    o.write('static const ArCurSign ar_cur_signs[] = {\n')
    for cp in sorted(signs):
        o.write('\t{0x%04X, "%s"},\n' % (cp, signs[cp]))
    o.write('};\n\n')
    o.write('/* Arabic abbreviations (ج.م، ر.س): their two letters as written (د.إ AED, د.أ JOD). */\n')
    o.write('typedef struct ArCurAbbrev\n{\n\tconst char *letters;\n\tconst char *code;\n} ArCurAbbrev;\n\n')
    o.write('static const ArCurAbbrev ar_cur_abbrevs[] = {\n')
    for letters in sorted(abbrevs):
        o.write('\t{"%s", "%s"},\t/* %s */\n' % (c_bytes(letters), abbrevs[letters], letters))
    o.write('};\n\n')


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
    cur_words, cur_phrases, cur_signs, cur_abbrevs = currency_entries(d, flagbits)
    for family, _, _ in cur_phrases:
        fam(family)
    for word, cls, flags, val, den, code, family in cur_words:
        add(word, cls, flags, val, den, code, family)
        if cls == 'currency' and not word.startswith('ال'):
            add('ال' + word, cls, flags, val, den, code, family)
    for path, lineno, c in rows(os.path.join(d, 'pledge_cues.tsv')):
        word, cls = c[0], c[1]
        flags = flagbits(c[2] if len(c) > 2 else '', path, lineno)
        forms = [word]
        if len(c) > 3:
            # a verb row: word is the past stem, c[3] the present stem (- for none)
            forms = verb_forms(word, c[3])
            if cls == 'cue':
                # with the object pronoun ها pointing back at an amount
                # (… 5 ملايين دولار خصصتها الحكومة); not ه, which folds
                # like ة (منحه = منحة)
                forms += [word + s for s in OBJECT_SUFFIXES]
        elif cls == 'cue' and flags & (1 << FLAGS.index('noun')) and not flags & (1 << FLAGS.index('verb')):
            # the definite form only where asked for (flag def); a word that is
            # also a verb (وضخ) gets no possessive forms (قدمها: presented it)
            forms = noun_forms(word, flags & (1 << FLAGS.index('def')))
        cls = 'negword' if cls == 'neg' else cls
        present = present_forms(c[3]) if len(c) > 3 else set()
        for w in forms:
            wflags = flags | ((1 << FLAGS.index('present')) if w in present else 0)
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
        o.write('#define LXF_%s (UINT64_C(1) << %d)\n' % (f.upper(), i))
    o.write('\n')
    write_currency_tables(o, families, cur_phrases, cur_signs, cur_abbrevs)
    o.write('\ntypedef struct ArLexEntry\n{\n\tuint8_t\t\tcls;\n\tuint8_t\t\tfamily;\n'
            '\tuint64_t\tflags;\n\tint64_t\t\tval;\n\tint32_t\t\tden;\n\tconst char *code;\n} ArLexEntry;\n\n')
    o.write('/* context_only: every entry is a place, a word the grammars read only\n'
            ' * around an open currency noun (numkind.c), never for itself. */\n')
    o.write('typedef struct ArLexKey\n{\n\tconst char *word;\n\tuint8_t\t\tlen;\n'
            '\tuint16_t\tfirst;\n\tuint8_t\t\tcount;\n\tuint8_t\t\tcontext_only;\n} ArLexKey;\n\n')
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
        context_only = all(e[0] == CLASSES.index('place') for e in entries[k])
        o.write('\t{"%s", %d, %d, %d, %d},\n' % (''.join('\\x%02x' % x for x in b), len(b),
                                                   first[i], len(entries[k]), context_only))
    o.write('};\n\n')
    o.write('#define AR_LEX_SLOTS %d\n' % size)
    o.write('static const uint16_t ar_lex_slots[AR_LEX_SLOTS] = {\n')
    for i in range(0, size, 16):
        o.write('\t' + ', '.join(str(s) for s in slots[i:i + 16]) + ',\n')
    o.write('};\n' + guard_close + '\n')


main()

"""currency_lexicon.py — the currency part of the number lexicon, for
data/gen_number_lexicon.py.

Merges data/currencies_cldr.tsv (every ISO 4217 currency's Arabic names
and their derived forms, from ICU/CLDR: data/gen_cldr_currencies.cpp) with
the hand rules of data/currencies.tsv, and gives:
  words    (word, class, flags, val, den, code, family) lexicon entries:
           currency nouns, subunits, Latin codes;
  phrases  (family, code, [words]) the qualifiers that follow a noun of the
           family and settle its code (كرونة + نرويجية → NOK), folded;
  signs    (code point, code) one-character currency signs (₪ ₹ $ …);
  abbrevs  (two letters as written, code) the Arabic abbreviations ج.م، ر.س.
Places: a country or city name (تونس، دبي: "place" rows of the CLDR table
and of the hand list) or a nationality adjective (التونسية, a one-word
qualifier of the CLDR names) whose currency belongs to an OPEN family (the
bare noun has no code: دينار، درهم، جنيه، ليرة …) becomes a "place" entry of
that family; the grammar lets the nearest one settle a bare noun of the
family in the same sentence (src/core/numkind.c, docs/numbers.md).

What a noun means alone: the hand row of the word, else the hand row of the
family's singular, else — a CLDR noun no hand row names — nothing: it is
money only with a qualifier (flag "qualified"), so a CLDR currency name that
is also a common word (بير، سيدي، مارك، أوقية the ounce) never turns a plain
count into money.  A CLDR name without a qualifier (يورو) names its code.
"""
import os

from search_form import search_form as fold

AL = 'ال'


def nisba_forms(word):
    """Every agreement form of a hand qualifier — the rule of
    gen_cldr_currencies.cpp (nisba_forms) for the few qualifiers CLDR lacks."""
    stem = word[:-1] if word.endswith('ة') else word
    forms = [stem + s for s in ('', 'ا', 'ة', 'ان', 'ين', 'تان', 'تين')]
    return forms + [AL + f for f in forms]


def _rows(path):
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                yield lineno, line.split('\t')


def currency_entries(d, flagbits):
    """(words, phrases, signs, abbrevs) from data dir d; flagbits(s, path, lineno)
    turns a flag list into bits (and rejects unknown flags)."""
    hand_path = os.path.join(d, 'currencies.tsv')
    cldr_path = os.path.join(d, 'currencies_cldr.tsv')
    words = []
    phrases = {}            # (family, folded words) -> code
    signs = {}
    abbrevs = {}
    hand_nouns = {}         # word -> (family, code, flags)
    family_code = {}        # family -> bare code of its singular (None: open)
    latin_done = set()
    places = []             # (word, code) names of places
    code_families = {}      # code -> families whose nouns name it
    current = set()         # the current ISO codes (CLDR)

    def phrase(family, code, text):
        key = (family, tuple(fold(w) for w in text.split()))
        phrases.setdefault(key, code)
        code_families.setdefault(code, set()).add(family)

    for lineno, c in _rows(hand_path):
        word, cls, family = c[0], c[1], c[2]
        code = None if c[3] == '-' else c[3]
        flags = flagbits(c[4] if len(c) > 4 else '', hand_path, lineno)
        if cls == 'currency':
            hand_nouns[word] = (family, code, flags)
            if word == family:
                family_code[family] = code
        elif cls == 'adj':
            for f in nisba_forms(word):
                phrase(family, code, f)
        elif cls == 'subunit':
            words.append((word, cls, flags, 1, int(c[3]), None, family))
        elif cls == 'latin':
            words.append((word.lower(), cls, flags, 0, 1, code, ''))
            latin_done.add(code)
        elif cls == 'sign':
            signs[ord(word)] = code
        elif cls == 'place':
            places.append((word, code))
        else:
            raise SystemExit('%s:%d: unknown class %r' % (hand_path, lineno, cls))

    cldr_nouns = []         # (lemma, form, number)
    for lineno, c in _rows(cldr_path):
        if c[0] == 'name':
            code, state, noun, qual = c[1], c[2], c[3], c[4]
            if state == 'current':
                current.add(code)
            if qual:
                phrase(noun, code, qual)
            elif noun not in family_code:
                family_code[noun] = code     # يورو: the name is the noun alone
            if state == 'current' and code not in latin_done:
                words.append((code.lower(), 'latin', flagbits('upper', cldr_path, lineno),
                              0, 1, code, ''))
                latin_done.add(code)
        elif c[0] == 'noun':
            cldr_nouns.append((c[1], c[2], c[3]))
        elif c[0] == 'symbol':
            signs.setdefault(ord(c[2]), c[1])
        elif c[0] == 'place':
            places.append((c[4], c[1]))
        elif c[0] == 'abbrev':
            abbrevs[c[2].replace('.', '')] = c[1]     # as written: د.إ AED, د.أ JOD

    seen = set()
    for word, (family, code, flags) in hand_nouns.items():
        words.append((word, 'currency', flags, 0, 1, code, family))
        seen.add(word)
    for lemma, form, number in cldr_nouns:
        if form in seen:
            continue
        seen.add(form)
        names = ['dual'] if number == 'dual' else []
        if lemma in family_code:
            code = family_code[lemma]
            hand = hand_nouns.get(lemma)
            if hand and hand[2] & flagbits('qualified', cldr_path, 0):
                names.append('qualified')
        else:
            code = None
            names.append('qualified')
        words.append((form, 'currency', flagbits(','.join(names), cldr_path, 0), 0, 1, code, lemma))
    words += place_entries(places, phrases, code_families, family_code, hand_nouns, current)
    return (words, sorted((fam, list(ws), code) for (fam, ws), code in phrases.items()), signs,
            abbrevs)


def place_entries(places, phrases, code_families, family_code, hand_nouns, current):
    """'place' entries: names and nationality adjectives of the places whose
    current currency has an open family (its hand singular has no code)."""
    open_families = {f for f, code in family_code.items() if code is None and f in hand_nouns}
    out = set()
    for word, code in places:
        for family in code_families.get(code, ()):
            if family in open_families:
                out.add((word, family, code))
    for (family, ws), code in phrases.items():
        if family in open_families and len(ws) == 1 and code in current:
            out.add((ws[0], family, code))
    return [(word, 'place', 0, 0, 1, code, family) for word, family, code in sorted(out)]

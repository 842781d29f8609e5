#!/usr/bin/env python3
"""Build src/core/stem_table.h from data/stem_exceptions.tsv, stem_known.tsv,
stem_waw.tsv, stem_own.tsv, and the nationality adjectives of the entity
data (places_cldr.tsv, entities_nisba.tsv, entities_places.tsv).

Each word (and stem) is folded the way ar_normalize folds search text
(diacritics and tatweel removed, alef forms to ا, ى to ي, ة to ه), the
article is kept as written, and the table is sorted by bytes so that
the output is stable; stem.c finds words through the hash slots.
Usage: gen_stem_table.py data/stem_exceptions.tsv data/stem_known.tsv data/stem_waw.tsv data/stem_own.tsv
(the entity files are read from the same folder)
"""
import os
import sys
from search_form import fnv1a, include_guard, search_form as fold, read_lines as data_lines  # data/search_form.py: one search form for every table
from nisba import nisba_stem  # data/nisba.py: one nationality rule for both generators


def nisba_of(name):
    """The nationality adjective of a country name (data/nisba.py, the rule
    the entity tables use too)."""
    return nisba_stem(name)


def read_nisba(folder):
    """(nationality adjective, country word) pairs, both single words: every
    CLDR country and every country of entities_nisba.tsv, its adjectives by
    rule or from that file, a multi-word country through a one-word variant
    in entities_places.tsv (الولايات المتحدة → أمريكا).  An adjective that
    two countries claim is left out."""
    one_word = {}
    for line in data_lines(folder, "entities_places.tsv"):
        cols = line.split("\t")
        one_word[cols[1]] = [v for v in (cols[2].split("|") if len(cols) > 2 else [])
                             if v and " " not in v]
    exceptions = {}
    for line in data_lines(folder, "entities_nisba.tsv"):
        cols = line.split("\t")
        exceptions[cols[0]] = [a for a in (cols[1].split("|") if len(cols) > 1 else []) if a]
    countries = set(exceptions)
    for line in data_lines(folder, "places_cldr.tsv"):
        cols = line.split("\t")
        if cols[0] == "country":
            countries.add(cols[2])
    pairs = {}
    for c in sorted(countries):
        if " " in c:
            # a multi-word country: the adjective of one of its one-word
            # names (أمريكا → أمريكي), never a looser one (إنجليزي)
            targets = {fold(nisba_of(v)): v for v in one_word.get(c, [])}
            adjectives = [a for a in exceptions.get(c, []) if fold(a) in targets]
        else:
            targets = {}
            adjectives = exceptions[c] if c in exceptions else [nisba_of(c)]
        for a in adjectives:
            a = fold(a)
            t = fold(targets.get(a, c))
            if " " in a or len(a) < 4 or a == t:
                continue
            if not all(0x0621 <= ord(ch) <= 0x064A for ch in a + t):
                continue
            pairs.setdefault(a, set()).add(t)
    return sorted(((a, ts.pop()) for a, ts in pairs.items() if len(ts) == 1),
                  key=lambda p: p[0].encode("utf-8"))


def print_hash(name, words):
    """Open-addressing slots (linear probing) over FNV-1a of the UTF-8 bytes;
    each slot holds an index into the sorted table, or -1."""
    size = 16
    while size < 2 * len(words) + 1:
        size *= 2
    slots = [-1] * size
    for i, w in enumerate(words):
        h = fnv1a(w.encode("utf-8")) & (size - 1)
        while slots[h] != -1:
            h = (h + 1) & (size - 1)
        slots[h] = i
    print("#define %s_MASK %d" % (name.upper(), size - 1))
    print("static const int16_t %s[%d] = {" % (name, size))
    for i in range(0, size, 16):
        print("\t" + ", ".join("%d" % v for v in slots[i:i + 16]) + ",")
    print("};")
    print()


def c_string(s):
    return '"' + "".join("\\x%02x" % b for b in s.encode("utf-8")) + '"'


def read_known(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            w = fold(line)
            if not all(0x0621 <= ord(c) <= 0x064A for c in w) or len(w) >= 32:
                sys.exit("%s:%d: not Arabic letters only: %r" % (path, lineno, line))
            words.add(w)
    return sorted(words, key=lambda w: w.encode("utf-8"))


def print_filter(name, words):
    masks = [0] * 42
    for w in words:
        masks[ord(w[0]) - 0x0621] |= 1 << len(w)
    print("/* per first letter (U+0621 + i): bit n set if a listed word has n letters */")
    print("static const uint32_t %s[42] = {" % name)
    for i in range(0, 42, 6):
        print("\t" + ", ".join("0x%08x" % m for m in masks[i:i + 6]) + ",")
    print("};")
    print()


def main(path, known_path, waw_path, own_path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            word = fold(parts[0].strip())
            stem = fold(parts[1].strip()) if len(parts) > 1 else word
            if not all(0x0621 <= ord(c) <= 0x064A for c in word + stem) or len(word) >= 32:
                sys.exit("%s:%d: not Arabic letters only: %r" % (path, lineno, line))
            if word in entries and entries[word] != stem:
                sys.exit("%s:%d: %s listed twice with different stems" % (path, lineno, word))
            entries[word] = stem
    keys = sorted(entries, key=lambda w: w.encode("utf-8"))  # stable output
    print("/*")
    print(" * stem_table.h — generated by data/gen_stem_table.py from")
    print(" * data/stem_exceptions.tsv, stem_known.tsv, stem_waw.tsv, stem_own.tsv and")
    print(" * the entity data (places_cldr.tsv, entities_nisba.tsv, entities_places.tsv);")
    print(" * do not edit")
    print(" * (run \"make regen\").")
    print(" */")
    guard_open, guard_close = include_guard("stem_table.h")
    print(guard_open)
    print("typedef struct ArStemException")
    print("{")
    print("\tconst char *word;")
    print("\tunsigned char wlen;")
    print("\tconst char *stem;")
    print("\tunsigned char slen;")
    print("} ArStemException;")
    print()
    print("#define AR_STEM_N_EXCEPTIONS %d" % len(keys))
    print()
    # A cheap pre-filter: for each first letter, a bit per word length (in
    # letters) that occurs in the table, so most look-ups end at one test.
    print_filter("ar_stem_exception_lengths", keys)
    print_hash("ar_stem_exception_slots", keys)
    print("static const ArStemException ar_stem_exceptions[AR_STEM_N_EXCEPTIONS] = {")
    for w in keys:
        s = entries[w]
        print("\t{%s, %d, %s, %d},\t/* %s → %s */" % (
            c_string(w), len(w.encode()), c_string(s), len(s.encode()), w, s))
    print("};")
    print()
    known = read_known(known_path)
    print("/* words a bare ب ل ك ف is peeled from (data/stem_known.tsv) */")
    print("#define AR_STEM_N_KNOWN %d" % len(known))
    print()
    print_filter("ar_stem_known_lengths", known)
    print_hash("ar_stem_known_slots", known)
    print("static const ArStemException ar_stem_known[AR_STEM_N_KNOWN] = {")
    for w in known:
        print("\t{%s, %d, NULL, 0},\t/* %s */" % (c_string(w), len(w.encode()), w))
    print("};")
    print()
    own = sorted(set(read_known(waw_path)) | set(read_known(own_path)),
                 key=lambda w: w.encode("utf-8"))
    print("/* words whose first letter و ب ل ك ف is their own (data/stem_waw.tsv,")
    print(" * data/stem_own.tsv); stem.c stems them once at first use and searches")
    print(" * those stems */")
    print("#define AR_STEM_N_OWN %d" % len(own))
    print()
    print("static const ArStemException ar_stem_own[AR_STEM_N_OWN] = {")
    for w in own:
        print("\t{%s, %d, NULL, 0},\t/* %s */" % (c_string(w), len(w.encode()), w))
    print("};")
    print()
    nisba = read_nisba(os.path.dirname(os.path.abspath(path)))
    print("/* nationality adjectives and their country (from the entity data);")
    print(" * stem.c gives every form of the adjective the country's stem */")
    print("#define AR_STEM_N_NISBA %d" % len(nisba))
    print()
    print("static const ArStemException ar_stem_nisba[AR_STEM_N_NISBA] = {")
    for a, t in nisba:
        print("\t{%s, %d, %s, %d},\t/* %s → %s */" % (
            c_string(a), len(a.encode()), c_string(t), len(t.encode()), a, t))
    print("};")
    print(guard_close)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])

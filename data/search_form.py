"""search_form.py — the search form of a word as the C core computes it
(ArNormalizeChar(cp, AR_NORM_DEFAULT): marks and tatweel dropped, alef
forms, alef maksura, teh marbuta and Persian letters folded), and the
comment-skipping line reader and the include guard of a generated header,
shared by every table generator in data/ (entities, stemmer, number
lexicon, corpus counts).

The unit tests check the compiled tables against the C normalizer
(test_entities.c, test_stem.c, test_numbers.c).
"""
import collections
import gzip
import os
import re

MARKS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640'
                   '\u200b-\u200f\u2066-\u2069\u061c\ufeff\u00ad]')
FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
                      'ک': 'ك', 'ی': 'ي', 'ہ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ۃ': 'ة'})


def search_form(t):
    """Search form of one token, as the C core computes it."""
    return MARKS.sub('', t).translate(FOLD)


norm_token = search_form


def read_lines(data_dir, name):
    """The lines of data_dir/name that are neither empty nor # comments."""
    with open(os.path.join(data_dir, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                yield line


def include_guard(header):
    """The opening and closing lines of a generated header's include guard:
    include_guard("stem_table.h") guards with AR_STEM_TABLE_H."""
    macro = 'AR_' + re.sub('[^A-Za-z0-9]', '_', header).upper()
    return ('#ifndef %s\n#define %s\n' % (macro, macro),
            '\n#endif\t\t\t\t\t\t\t/* %s */' % macro)


CORPUS_WORD = re.compile('[\u0621-\u064A\u064B-\u0652\u0640\u0670]+')


def corpus_lines(path):
    """The article lines of a corpus file (../shared/corpus: id, source,
    title, body per line; gzip-compressed when the name ends in .gz)."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        yield from f


def corpus_word_counts(paths):
    """Occurrences of each Arabic word, in search form, in the bodies of the
    corpus files."""
    raw = collections.Counter()
    for path in paths:
        for line in corpus_lines(path):
            fields = line.rstrip('\n').split('\t')
            if len(fields) >= 4:
                raw.update(CORPUS_WORD.findall(fields[3]))
    counts = collections.Counter()
    for w, k in raw.items():
        counts[search_form(w)] += k
    return counts


def fnv1a(b):
    """FNV-1a 32 of bytes: ArHashBytes in src/core/arcore.h."""
    h = 0x811c9dc5
    for x in b:
        h ^= x
        h = (h * 0x01000193) & 0xffffffff
    return h

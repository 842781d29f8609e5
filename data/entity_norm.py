"""entity_norm.py — the entity matcher's search form of a word, shared by the
generators that write entity data (gen_entities_table.py,
gen_entities_common.py), and their comment-skipping line reader.

The normalization must match ArNormalizeChar(cp, AR_NORM_DEFAULT) on the
characters that occur in the data (test_entities.c checks the compiled
table against the C normalizer).
"""
import os
import re

MARKS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640'
                   '\u200b-\u200f\u2066-\u2069\u061c\ufeff\u00ad]')
FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
                      'ک': 'ك', 'ی': 'ي', 'ہ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ۃ': 'ة'})


def norm_token(t):
    """Search form of one token, as the matcher computes it."""
    return MARKS.sub('', t).translate(FOLD)


def read_lines(data_dir, name):
    """The lines of data_dir/name that are neither empty nor # comments."""
    with open(os.path.join(data_dir, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                yield line

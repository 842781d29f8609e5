"""nisba.py — the nationality-adjective rule shared by the generators of
the entity tables (gen_entities_table.py) and the stemmer tables
(gen_stem_table.py): the masculine singular adjective of a country name,
ألمانيا → ألماني, العراق → عراقي, السعودية → سعودي."""


def nisba_stem(name):
    w = name[2:] if name.startswith('ال') else name
    if w.endswith('يا'):
        return w[:-1]
    if w.endswith('ا'):
        return w[:-1] + 'ي'
    if w.endswith('ية'):
        return w[:-1]
    if w.endswith('ة'):
        return w[:-1] + 'ي'
    return w + 'ي'

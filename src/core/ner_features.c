/*
 * ner_features.c — hashed features of each word for the trained tagger
 * (the list is in ner_features.h).  The strings of a word (normalized,
 * bare, stem) are hashed once; every feature is then a cheap mix of a
 * feature id with those hashes, so the work per word is a few dozen
 * integer operations and no allocation.
 */
#include "ner_features.h"

#include <string.h>

#include "numlex.h"
#include "stem.h"
#include "utf8.h"

/* A word of the corpus lexicon: its shares, in tenths, of occurrences
 * inside PER, ORG and LOC entities the rules tag. */
typedef struct NerLexEntry
{
	uint32_t	key_off;
	uint8_t		key_len;
	uint8_t		per;
	uint8_t		org;
	uint8_t		loc;
} NerLexEntry;

/* A word of the corpus word classes (ner_clusters.tsv): its coarse and
 * fine class. */
typedef struct NerClusterEntry
{
	uint32_t	key_off;
	uint8_t		key_len;
	uint8_t		coarse;
	uint16_t	fine;
} NerClusterEntry;

#include "ner_lexicon_table.h"

/* Feature ids (values only matter for hashing: keep them stable within a
 * feature-set version). */
enum
{
	F_BIAS = 1,
	F_W0, F_WM1, F_WP1, F_WM2, F_WP2,
	F_BARE, F_STEM0, F_STEMM1, F_STEMP1,
	F_PRE2, F_PRE3, F_SUF2, F_SUF3, F_CLITIC,
	F_LATIN, F_LENGTH, F_ARTICLE,
	F_FLAG0, F_FLAGM1, F_FLAGP1,
	F_PHRASEM1, F_PHRASE0, F_PHRASEP1,
	F_RULEM1, F_RULE0, F_RULEP1, F_RULE_BIGRAM, F_RULE_TRIGRAM,
	F_GAP0, F_GAP1,
	F_BIGRAM_L, F_BIGRAM_R,
	F_RULE_FLAG, F_RULE_PHRASE,
	F_FLAGM2, F_FLAGP2, F_NOFLAG, F_BAREM1, F_BAREP1,
	F_SUF2M1, F_PRE2M1, F_SUF2P1, F_PRE2P1, F_RULEM2, F_RULEP2,
	F_LEX0, F_LEXM1, F_LEXP1,
	F_CLASS0, F_CLASSM1, F_CLASSP1,
	F_CURRENCY
};

#define H_NORM	0
#define H_BARE	1
#define H_STEM	2
#define H_LEX	3				/* lexicon shares: PER | ORG << 8 | LOC << 16, or NO_LEX */
#define H_PRE2	4				/* prefixes and suffixes of the bare form */
#define H_SUF2	5
#define H_PRE3	6
#define H_SUF3	7
#define H_CLASS	8				/* word classes of the bare form: coarse | fine << 8, or NO_CLASS */
#define NO_LEX	0xffffffffu
#define NO_CLASS 0xfffffffeu
#define NO_WORD	0x9e3779b9u		/* the hash of "no word here" */

void
ArNerWordsInit(ArNerWords *w)
{
	ArArrayInit(w, 64);
	ArBufInit(&w->norm, 256);
}

void
ArNerWordsFree(ArNerWords *w)
{
	ArArrayFree(w);
	if (w->norm.data)
		ArFree(w->norm.data);
	w->norm.data = NULL;
}

static inline uint32_t
hash_str(const char *s, size_t len)
{
	return ArHashBytes(s, len);
}

#define mix ArHashMix

/* Bytes of the first (or, with from_end, last) k characters of s[0..len). */
static size_t
char_bytes(const char *s, size_t len, int k, bool from_end)
{
	size_t		p = from_end ? len : 0;
	int			seen = 0;

	while (seen < k)
	{
		if (from_end)
		{
			if (p == 0)
				return len;
			p--;
			while (p > 0 && ((unsigned char) s[p] & 0xC0) == 0x80)
				p--;
		}
		else
		{
			if (p >= len)
				return len;
			p++;
			while (p < len && ((unsigned char) s[p] & 0xC0) == 0x80)
				p++;
		}
		seen++;
	}
	return from_end ? len - p : p;
}

/* The lexicon shares of s[0..len) (whose ArHashBytes is hash), packed, or NO_LEX. */
static uint32_t
lexicon_shares(const char *s, size_t len, uint32_t hash)
{
	uint32_t	h = hash & (AR_NER_LEX_SLOTS - 1);

	for (;; h = (h + 1) & (AR_NER_LEX_SLOTS - 1))
	{
		int32_t		k = ner_lex_slots[h];
		const NerLexEntry *e;

		if (k < 0)
			return NO_LEX;
		e = &ner_lex[k];
		if (e->key_len == len && memcmp(ner_lex_blob + e->key_off, s, len) == 0)
			return e->per | (uint32_t) e->org << 8 | (uint32_t) e->loc << 16;
	}
}

/* The word classes of a bare form (whose ArHashBytes is hash), packed, or NO_CLASS. */
static uint32_t
word_classes(const char *s, size_t len, uint32_t hash)
{
	uint32_t	h = hash & (AR_NER_CLUSTER_SLOTS - 1);

	for (;; h = (h + 1) & (AR_NER_CLUSTER_SLOTS - 1))
	{
		int32_t		k = ner_cluster_slots[h];
		const NerClusterEntry *e;

		if (k < 0)
			return NO_CLASS;
		e = &ner_cluster[k];
		if (e->key_len == len && memcmp(ner_cluster_blob + e->key_off, s, len) == 0)
			return e->coarse | (uint32_t) e->fine << 8;
	}
}

/*
 * Is the word (or its bare form) a currency noun of the number lexicon
 * (ريال، دولار، الين)?  Currencies are not entities, but some share their
 * name with a club or a person (الريال); the training data leaves them out.
 */
static bool
currency_word(const char *norm, size_t len, size_t bare_skip)
{
	ArLexTok	t;

	memset(&t, 0, sizeof(t));
	t.key = ArLexLookup(norm, len);
	t.skey = bare_skip > 0 ? ArLexLookup(norm + bare_skip, len - bare_skip) : -1;
	return ArLexFindStripped(&t, LX_CURRENCY, NULL) != NULL;
}

bool
ArNerIsCurrency(const ArNerWords *w, size_t i)
{
	const ArNerWord *x = &w->items[i];

	return !x->latin && currency_word(w->norm.data + x->norm_off, x->norm_len, x->bare_skip);
}

/* Two- and three-letter prefixes and suffixes of a bare form. */
static void
affix_hashes(const char *bare, size_t blen, uint32_t *h)
{
	size_t		pre2 = char_bytes(bare, blen, 2, false),
				suf2 = char_bytes(bare, blen, 2, true),
				pre3 = char_bytes(bare, blen, 3, false),
				suf3 = char_bytes(bare, blen, 3, true);

	h[H_PRE2] = hash_str(bare, pre2);
	h[H_SUF2] = hash_str(bare + blen - suf2, suf2);
	h[H_PRE3] = hash_str(bare, pre3);
	h[H_SUF3] = hash_str(bare + blen - suf3, suf3);
}

/* Hash the normalized, bare and stemmed forms of every word once. */
void
ArNerWordHashes(const ArNerWords *w, uint32_t *wh)
{
	size_t		i;

	for (i = 0; i < w->n; i++)
	{
		const ArNerWord *x = &w->items[i];
		const char *norm = w->norm.data + x->norm_off;
		size_t		stem_len;
		const char *stem = ArStem(norm, x->norm_len, &stem_len);

		uint32_t   *h = wh + AR_NER_WORD_HASHES * i;

		h[H_NORM] = hash_str(norm, x->norm_len);
		h[H_BARE] = hash_str(norm + x->bare_skip, x->norm_len - x->bare_skip);
		h[H_STEM] = hash_str(stem, stem_len);
		h[H_LEX] = lexicon_shares(norm, x->norm_len, h[H_NORM]);
		affix_hashes(norm + x->bare_skip, x->norm_len - x->bare_skip, h);
		h[H_CLASS] = x->latin ? NO_CLASS :
			word_classes(norm + x->bare_skip, x->norm_len - x->bare_skip, h[H_BARE]);
	}
}

static inline uint32_t
hash_at(const ArNerWords *w, const uint32_t *wh, long i, int which)
{
	return i < 0 || (size_t) i >= w->n ? NO_WORD : wh[AR_NER_WORD_HASHES * i + which];
}

static inline uint32_t
field_at(const ArNerWords *w, long i, int field)
{
	const ArNerWord *x;

	if (i < 0 || (size_t) i >= w->n)
		return 255;
	x = &w->items[i];
	return field == 0 ? x->rule : field == 1 ? x->phrase : x->gap;
}

/* Length buckets in characters: 1, 2, 3, 4-5, 6-8, 9+. */
static uint32_t
length_bucket(size_t chars)
{
	return chars <= 3 ? (uint32_t) chars : chars <= 5 ? 4 : chars <= 8 ? 5 : 6;
}

/* One feature per set word-class bit of flags. */
static int
flag_features(uint32_t id, uint32_t flags, uint32_t *f, int nf)
{
	while (flags != 0 && nf < AR_NER_MAX_FEATS - 1)
	{
		int			b = __builtin_ctz(flags);

		f[nf++] = mix(id, (uint32_t) b, 0);
		flags &= flags - 1;
	}
	return nf;
}

/* The corpus lexicon's view of a word: one feature per kind with its share,
 * or one for a word not in the lexicon. */
static int
lexicon_features(uint32_t id, uint32_t shares, uint32_t *f, int nf)
{
	int			k;

	if (shares == NO_LEX || shares == NO_WORD)
	{
		f[nf++] = mix(id, 255, shares == NO_WORD);
		return nf;
	}
	for (k = 0; k < 3; k++)
		f[nf++] = mix(id, (uint32_t) k, (shares >> (8 * k)) & 0xff);
	return nf;
}

/* Word i's classes: coarse and fine, or "no class" (rare, Latin, none). */
static int
class_features(uint32_t id, uint32_t classes, uint32_t *f, int nf)
{
	if (classes == NO_CLASS || classes == NO_WORD)
	{
		f[nf++] = mix(id, 0xffff, classes == NO_WORD);
		return nf;
	}
	f[nf++] = mix(id, 0, classes & 0xff);
	f[nf++] = mix(id, 1, classes >> 8);
	return nf;
}

/* The coarse class alone (a neighbour's fine class adds nothing in cross-validation). */
static inline uint32_t
coarse_class(uint32_t classes)
{
	return classes == NO_CLASS || classes == NO_WORD ? classes : classes & 0xff;
}

/* Two-letter prefix and suffix of word i's bare form. */
static int
short_affixes(const ArNerWords *w, const uint32_t *wh, long i, uint32_t pre_id, uint32_t suf_id,
			  uint32_t *f, int nf)
{
	if (i < 0 || (size_t) i >= w->n)
		return nf;
	f[nf++] = mix(pre_id, wh[AR_NER_WORD_HASHES * i + H_PRE2], 0);
	f[nf++] = mix(suf_id, wh[AR_NER_WORD_HASHES * i + H_SUF2], 0);
	return nf;
}

/* Affixes, shape and clitics of word i's bare form. */
static int
form_features(const ArNerWords *w, const uint32_t *wh, size_t i, uint32_t *f, int nf)
{
	const ArNerWord *x = &w->items[i];
	const char *norm = w->norm.data + x->norm_off;
	const char *bare = norm + x->bare_skip;
	size_t		blen = x->norm_len - x->bare_skip;
	const uint32_t *h = wh + AR_NER_WORD_HASHES * i;

	f[nf++] = mix(F_PRE2, h[H_PRE2], 0);
	f[nf++] = mix(F_SUF2, h[H_SUF2], 0);
	f[nf++] = mix(F_PRE3, h[H_PRE3], 0);
	f[nf++] = mix(F_SUF3, h[H_SUF3], 0);
	f[nf++] = mix(F_CLITIC, hash_str(norm, x->bare_skip), 0);
	f[nf++] = mix(F_LATIN, x->latin, 0);
	f[nf++] = mix(F_LENGTH, length_bucket(ArUtf8CharCount(bare, blen)), x->latin);
	f[nf++] = mix(F_ARTICLE, blen >= 4 && memcmp(bare, "\xd8\xa7\xd9\x84", 4) == 0, 0);
	return nf;
}

/* The rule matcher's view of words i-1, i, i+1. */
static int
rule_features(const ArNerWords *w, size_t i, uint32_t *f, int nf)
{
	long		j = (long) i;
	uint32_t	r0 = field_at(w, j, 0),
				rm = field_at(w, j - 1, 0),
				rp = field_at(w, j + 1, 0);

	f[nf++] = mix(F_RULEM1, rm, 0);
	f[nf++] = mix(F_RULE0, r0, 0);
	f[nf++] = mix(F_RULEP1, rp, 0);
	f[nf++] = mix(F_PHRASEM1, field_at(w, j - 1, 1), 0);
	f[nf++] = mix(F_PHRASE0, field_at(w, j, 1), 0);
	f[nf++] = mix(F_PHRASEP1, field_at(w, j + 1, 1), 0);
	f[nf++] = mix(F_GAP0, field_at(w, j, 2), 0);
	f[nf++] = mix(F_GAP1, field_at(w, j + 1, 2), 0);
	f[nf++] = mix(F_RULEM2, field_at(w, j - 2, 0), 0);
	f[nf++] = mix(F_RULEP2, field_at(w, j + 2, 0), 0);
	return nf;
}

/* The features of word i into f; returns how many. */
static int
word_features(const ArNerWords *w, const uint32_t *wh, size_t i, uint32_t *f)
{
	long		j = (long) i;
	int			nf = 0;
	uint32_t	w0 = hash_at(w, wh, j, H_NORM);

	f[nf++] = mix(F_BIAS, 0, 0);
	f[nf++] = mix(F_W0, w0, 0);
	f[nf++] = mix(F_WM1, hash_at(w, wh, j - 1, H_NORM), 0);
	f[nf++] = mix(F_WP1, hash_at(w, wh, j + 1, H_NORM), 0);
	f[nf++] = mix(F_WM2, hash_at(w, wh, j - 2, H_NORM), 0);
	f[nf++] = mix(F_WP2, hash_at(w, wh, j + 2, H_NORM), 0);
	f[nf++] = mix(F_BARE, hash_at(w, wh, j, H_BARE), 0);
	f[nf++] = mix(F_STEM0, hash_at(w, wh, j, H_STEM), 0);
	f[nf++] = mix(F_STEMM1, hash_at(w, wh, j - 1, H_STEM), 0);
	f[nf++] = mix(F_STEMP1, hash_at(w, wh, j + 1, H_STEM), 0);
	f[nf++] = mix(F_BIGRAM_L, hash_at(w, wh, j - 1, H_NORM), w0);
	f[nf++] = mix(F_BIGRAM_R, w0, hash_at(w, wh, j + 1, H_NORM));
	f[nf++] = mix(F_BAREM1, hash_at(w, wh, j - 1, H_BARE), 0);
	f[nf++] = mix(F_BAREP1, hash_at(w, wh, j + 1, H_BARE), 0);
	f[nf++] = mix(F_NOFLAG, w->items[i].flags == 0, 0);
	nf = lexicon_features(F_LEX0, hash_at(w, wh, j, H_LEX), f, nf);
	nf = lexicon_features(F_LEXM1, hash_at(w, wh, j - 1, H_LEX), f, nf);
	nf = lexicon_features(F_LEXP1, hash_at(w, wh, j + 1, H_LEX), f, nf);
	nf = class_features(F_CLASS0, hash_at(w, wh, j, H_CLASS), f, nf);
	f[nf++] = mix(F_CLASSM1, coarse_class(hash_at(w, wh, j - 1, H_CLASS)), 0);
	f[nf++] = mix(F_CLASSP1, coarse_class(hash_at(w, wh, j + 1, H_CLASS)), 0);
	nf = form_features(w, wh, i, f, nf);
	if (ArNerIsCurrency(w, i))
		f[nf++] = mix(F_CURRENCY, 1, 0);
	nf = rule_features(w, i, f, nf);
	nf = short_affixes(w, wh, j - 1, F_PRE2M1, F_SUF2M1, f, nf);
	nf = short_affixes(w, wh, j + 1, F_PRE2P1, F_SUF2P1, f, nf);
	nf = flag_features(F_FLAG0, w->items[i].flags, f, nf);
	if (i > 0)
		nf = flag_features(F_FLAGM1, w->items[i - 1].flags, f, nf);
	if (i + 1 < w->n)
		nf = flag_features(F_FLAGP1, w->items[i + 1].flags, f, nf);
	if (i > 1)
		nf = flag_features(F_FLAGM2, w->items[i - 2].flags, f, nf);
	if (i + 2 < w->n)
		nf = flag_features(F_FLAGP2, w->items[i + 2].flags, f, nf);
	return nf;
}

void
ArNerFeatures(const ArNerWords *w, const uint32_t *word_hash, size_t from, size_t to,
			  uint32_t *feats, uint8_t *nfeat)
{
	size_t		i;

	for (i = from; i < to; i++)
		nfeat[i - from] = (uint8_t) word_features(w, word_hash, i,
												  feats + (i - from) * AR_NER_MAX_FEATS);
}

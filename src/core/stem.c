/*
 * stem.c — light stemmer for Arabic search terms (see stem.h for the rules).
 *
 * Every Arabic letter U+0621–U+064A is two bytes in UTF-8, so a word made
 * only of such letters is handled as an array of letters without decoding
 * into a copy: letter i starts at byte 2*i, and stripping letters from the
 * ends is just moving two indexes.  The stem is therefore a substring of the
 * input, which keeps the per-token path free of allocation.
 */
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#include "arletters.h"
#include "stem_table.h"

/* Minimum stem lengths, in letters. */
#define MIN_AFTER_ARTICLE	2	/* الحلف → حلف, الحق → حق */
#define MIN_AFTER_WAW		3	/* وحلف → حلف, but ولد stays */
#define MIN_AFTER_PRONOUN	3	/* زوجها → زوج */
#define MIN_AFTER_PRONOUN2	4	/* بلادهم → بلاد, but محاكم, متهم stay */
#define MIN_AFTER_AT		3	/* مشروبات → مشروب */
#define MIN_AFTER_PLURAL	4	/* لاعبون → لاعب, but برلين, قانون stay */
#define MIN_AFTER_TEH		3	/* حكومت(ها) → حكوم */
#define MIN_AFTER_TANWEEN	3	/* عاما → عام, but معا stays */
#define MIN_AFTER_BARE		5	/* بمناسبة → مناسب, but فرنسا, برلين stay */

typedef struct StemWord
{
	const char *bytes;			/* the input word */
	uint16_t	letter[AR_STEM_MAX_BYTES / 2];
	int			start;			/* first letter of the current stem */
	int			end;			/* one past its last letter */
} StemWord;

/* Letter i counted from the start of the current stem. */
#define AT(w, i)	((w)->letter[(w)->start + (i)])
/* Letter i counted back from the end (0 = last letter). */
#define BACK(w, i)	((w)->letter[(w)->end - 1 - (i)])
#define LEN(w)		((w)->end - (w)->start)

/*
 * Look the letters [s, e) up in a compiled word table: a one-test filter on
 * the first letter and the length, then the table's open-addressing hash.
 */
static const ArStemException *
table_find(const StemWord *w, int s, int e, const ArStemException *table,
		   const int16_t *slots, uint32_t mask, const uint32_t *lengths)
{
	const char *key = w->bytes + 2 * s;
	size_t		klen = 2 * (size_t) (e - s);
	uint32_t	h;
	int			i;

	if (e - s >= 32 || !(lengths[w->letter[s] - 0x0621] & (1u << (e - s))))
		return NULL;
	for (h = ArHashBytes(key, klen) & mask; (i = slots[h]) >= 0; h = (h + 1) & mask)
	{
		if (table[i].wlen == klen && memcmp(table[i].word, key, klen) == 0)
			return &table[i];
	}
	return NULL;
}

/* A listed word (data/stem_exceptions.tsv) at letters [s, e)? */
static inline const ArStemException *
exception_find(const StemWord *w, int s, int e)
{
	return table_find(w, s, e, ar_stem_exceptions, ar_stem_exception_slots,
					  AR_STEM_EXCEPTION_SLOTS_MASK, ar_stem_exception_lengths);
}

static void strip_suffixes(StemWord *w);
static bool load_letters(StemWord *w, const char *word, size_t len);

/*
 * Stems of the words whose first letter is their own: و (data/stem_waw.tsv,
 * by hand) and ل (data/stem_own.tsv, from corpus counts), built
 * once on first use with the stemmer's own suffix rules, so that every
 * suffixed form of a listed word (وزارة, وزارتها, وزارات → وزار) keeps it.
 */
typedef struct OwnStem
{
	const char *bytes;
	size_t		len;
} OwnStem;

static OwnStem own_stems[AR_STEM_N_OWN];
static bool own_stems_ready = false;

/* Order OwnStem entries by bytes, then length. */
static int
own_stem_cmp(const void *a, const void *b)
{
	const OwnStem *x = a,
			   *y = b;
	size_t		n = x->len < y->len ? x->len : y->len;
	int			c = memcmp(x->bytes, y->bytes, n);

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* Stem every listed word once (the table is constant, so this is pure). */
static void
own_stems_init(void)
{
	int			i;

	for (i = 0; i < AR_STEM_N_OWN; i++)
	{
		StemWord	sw;

		if (!load_letters(&sw, ar_stem_own[i].word, ar_stem_own[i].wlen))
			continue;
		strip_suffixes(&sw);
		own_stems[i].bytes = ar_stem_own[i].word + 2 * sw.start;
		own_stems[i].len = 2 * (size_t) LEN(&sw);
	}
	qsort(own_stems, AR_STEM_N_OWN, sizeof(OwnStem), own_stem_cmp);
	own_stems_ready = true;
}

/* True when the current stem, suffixes already stripped, is a listed one. */
static bool
own_stem_find(const StemWord *w)
{
	OwnStem		key;

	if (!own_stems_ready)
		own_stems_init();
	key.bytes = w->bytes + 2 * w->start;
	key.len = 2 * (size_t) LEN(w);
	return bsearch(&key, own_stems, AR_STEM_N_OWN, sizeof(OwnStem),
				   own_stem_cmp) != NULL;
}

/*
 * True when the letter starting the current word is its own (وزير, وافق,
 * لجنة, لاعب): its suffix-stripped stem is a listed one.
 */
static bool
first_is_own(StemWord *w)
{
	int			save_end = w->end;
	bool		found;

	strip_suffixes(w);
	found = own_stem_find(w);
	w->end = save_end;
	return found;
}

/* A known short word (data/stem_known.tsv) at letters [s, e)? */
static inline bool
known_find(const StemWord *w, int s, int e)
{
	return table_find(w, s, e, ar_stem_known, ar_stem_known_slots,
					  AR_STEM_KNOWN_SLOTS_MASK, ar_stem_known_lengths) != NULL;
}

/* True when the stem ends with the letters of suf (n letters). */
static bool
ends_with(const StemWord *w, const uint16_t *suf, int n)
{
	int			i;

	if (LEN(w) < n)
		return false;
	for (i = 0; i < n; i++)
		if (w->letter[w->end - n + i] != suf[i])
			return false;
	return true;
}

/* A heh at the end written as ة (unnormalized input) counts as ه. */
static inline bool
is_heh(uint16_t c)
{
	return c == AR_CP_HEH || c == AR_CP_TEH_MARBUTA;
}

/*
 * Peel proclitics.  Returns an exception entry when a listed word was
 * reached, NULL otherwise; w->start is left after the removed letters.
 */
static const ArStemException *
strip_prefixes(StemWord *w)
{
	for (;;)
	{
		const ArStemException *x;
		int			n = LEN(w);
		uint16_t	c0,
					c1,
					c2;

		if ((x = exception_find(w, w->start, w->end)) != NULL)
			return x;
		if (n < 3)
			return NULL;
		c0 = AT(w, 0);
		c1 = AT(w, 1);
		c2 = n > 2 ? AT(w, 2) : 0;

		/*
		 * A bare ف ب ك ل is too often part of the word (فرنسا, برلين, كتاب,
		 * لبنان) to strip blindly from a short word; strip it before a listed
		 * or known word.  This comes first so that للبنان is ل + لبنان, not
		 * لل + بنان.
		 */
		if (c0 == AR_CP_FEH || c0 == AR_CP_BEH || c0 == AR_CP_KAF || c0 == AR_CP_LAM ||
			c0 == AR_CP_WAW)
		{
			if ((x = exception_find(w, w->start + 1, w->end)) != NULL)
			{
				w->start += 1;
				return x;
			}
			/* a short news word from data/stem_known.tsv: لحلف, بقوة */
			if (known_find(w, w->start + 1, w->end))
			{
				w->start += 1;
				return NULL;
			}
		}

		/* وال فال بال كال: a particle and the article */
		if ((c0 == AR_CP_WAW || c0 == AR_CP_FEH || c0 == AR_CP_BEH || c0 == AR_CP_KAF) &&
			c1 == AR_CP_ALEF && c2 == AR_CP_LAM && n - 3 >= MIN_AFTER_ARTICLE)
		{
			w->start += 3;
			continue;
		}
		/* و or ف before بال كال لل: peel the conjunction, the rest follows */
		if ((c0 == AR_CP_WAW || c0 == AR_CP_FEH) && n >= 4 &&
			(((c1 == AR_CP_BEH || c1 == AR_CP_KAF) && c2 == AR_CP_ALEF &&
			  AT(w, 3) == AR_CP_LAM) ||
			 (c1 == AR_CP_LAM && c2 == AR_CP_LAM)) &&
			!first_is_own(w))	/* وكالة is not و + كالة */
		{
			w->start += 1;
			continue;
		}
		/* ال */
		if (c0 == AR_CP_ALEF && c1 == AR_CP_LAM && n - 2 >= MIN_AFTER_ARTICLE)
		{
			w->start += 2;
			continue;
		}
		/*
		 * لل = ل + ال with the alef dropped; before a word whose own first
		 * letter is ل the article's ل merges into it: للجنة = ل + اللجنة.
		 */
		if (c0 == AR_CP_LAM && c1 == AR_CP_LAM && n - 2 >= MIN_AFTER_ARTICLE)
		{
			w->start += 1;
			if (!first_is_own(w))
				w->start += 1;
			continue;
		}
		/* the conjunction و */
		if (c0 == AR_CP_WAW && n - 1 >= MIN_AFTER_WAW && !first_is_own(w))
		{
			w->start += 1;
			continue;
		}
		return NULL;
	}
}

static const uint16_t S_HUMA[] = {AR_CP_HEH, AR_CP_MEEM, AR_CP_ALEF};
static const uint16_t S_KUMA[] = {AR_CP_KAF, AR_CP_MEEM, AR_CP_ALEF};
static const uint16_t S_HUM[] = {AR_CP_HEH, AR_CP_MEEM};
static const uint16_t S_HUNNA[] = {AR_CP_HEH, AR_CP_NOON};
static const uint16_t S_HA[] = {AR_CP_HEH, AR_CP_ALEF};
static const uint16_t S_KUM[] = {AR_CP_KAF, AR_CP_MEEM};
static const uint16_t S_KUNNA[] = {AR_CP_KAF, AR_CP_NOON};
static const uint16_t S_NA[] = {AR_CP_NOON, AR_CP_ALEF};
static const uint16_t S_AT[] = {AR_CP_ALEF, AR_CP_TEH};
static const uint16_t S_UN[] = {AR_CP_WAW, AR_CP_NOON};
static const uint16_t S_IN[] = {AR_CP_YEH, AR_CP_NOON};
static const uint16_t S_TAN[] = {AR_CP_TEH, AR_CP_ALEF, AR_CP_NOON};
static const uint16_t S_WA[] = {AR_CP_WAW, AR_CP_ALEF};

/* Remove suf (n letters) if at least min letters stay; true if removed. */
static bool
strip_suffix(StemWord *w, const uint16_t *suf, int n, int min)
{
	if (LEN(w) - n >= min && ends_with(w, suf, n))
	{
		w->end -= n;
		return true;
	}
	return false;
}

/* Remove one pronoun suffix (or ة); true if one was removed. */
static bool
strip_pronoun(StemWord *w)
{
	if (strip_suffix(w, S_HUMA, 3, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_KUMA, 3, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_HUM, 2, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_HUNNA, 2, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_HA, 2, MIN_AFTER_PRONOUN) ||
		strip_suffix(w, S_KUM, 2, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_KUNNA, 2, MIN_AFTER_PRONOUN2) ||
		strip_suffix(w, S_NA, 2, MIN_AFTER_PRONOUN))
		return true;
	/* ه: the pronoun "his", or ة folded to ه */
	if (LEN(w) - 1 >= MIN_AFTER_PRONOUN && is_heh(BACK(w, 0)))
	{
		w->end -= 1;
		return true;
	}
	return false;
}

/*
 * Remove one plural, dual or verb-plural ending; true if one was removed.
 * ان alone is left: far more news words end in it (برلمان, رمضان, استيطان)
 * than are duals, and the dual of a ة noun (دولتان) is caught as تان.
 */
static bool
strip_number(StemWord *w)
{
	if (strip_suffix(w, S_AT, 2, MIN_AFTER_AT))
	{
		/* a root ه before ات goes too, as in the singular (توجيهات = توجيه) */
		if (LEN(w) - 1 >= MIN_AFTER_PRONOUN && is_heh(BACK(w, 0)))
			w->end -= 1;
		return true;
	}
	return strip_suffix(w, S_UN, 2, MIN_AFTER_PLURAL) ||
		strip_suffix(w, S_UN, 2, MIN_AFTER_PLURAL) ||
		strip_suffix(w, S_IN, 2, MIN_AFTER_PLURAL) ||
		strip_suffix(w, S_TAN, 3, MIN_AFTER_TEH) ||
		strip_suffix(w, S_WA, 2, MIN_AFTER_PRONOUN);
}

/*
 * ة becomes ت before a suffix (حكومتها, دولتان): after a suffix came off,
 * a final ت is that ة, and ة itself is removed, so drop the ت too.
 */
static void
strip_teh(StemWord *w)
{
	if (LEN(w) - 1 >= MIN_AFTER_TEH && BACK(w, 0) == AR_CP_TEH &&
		!(LEN(w) >= 2 && BACK(w, 1) == AR_CP_ALEF))
		w->end -= 1;
}

/*
 * Is the ن before a final alif the noun's own (ونا, ينا, انا: قانونا, بيانا)
 * rather than the suffix "our/us"?  Not in four letters, which are names
 * (غانا, رانا), nor in ايانا, a plural in ايا with "our" (قضايانا); longer
 * names in انا are in stem_exceptions.tsv.
 */
static bool
own_noon(const StemWord *w)
{
	if (LEN(w) < 4)
		return false;
	if (BACK(w, 2) == AR_CP_WAW || BACK(w, 2) == AR_CP_YEH)
		return true;
	return BACK(w, 2) == AR_CP_ALEF && LEN(w) >= 5 &&
		!(BACK(w, 3) == AR_CP_YEH && BACK(w, 4) == AR_CP_ALEF);
}

/*
 * The accusative alif (tanween fath) of an indefinite noun: عاما, قيودا,
 * جديدا, مليونا.  Not after ي (روسيا, رسميا), ه (ها), هم/كم (هما كما), و (وا) or
 * ن (نا) — unless that ن is the noun's own (قانونا, بيانا: news writes
 * "أصدرت بيانا" far more often than a verb in ا with "us").
 */
static void
strip_tanween(StemWord *w)
{
	uint16_t	prev;

	if (LEN(w) - 1 < MIN_AFTER_TANWEEN || BACK(w, 0) != AR_CP_ALEF)
		return;
	prev = BACK(w, 1);
	if (prev == AR_CP_YEH || prev == AR_CP_HEH || prev == AR_CP_TEH_MARBUTA ||
		prev == AR_CP_WAW || prev == AR_CP_ALEF)
		return;
	if (prev == AR_CP_MEEM && LEN(w) >= 3 &&
		(BACK(w, 2) == AR_CP_HEH || BACK(w, 2) == AR_CP_KAF))
		return;
	if (prev == AR_CP_NOON && !own_noon(w))
		return;
	w->end -= 1;
}

/*
 * A bare ب ل ك ف before a long stem (بمناسبة, لتعزيز, بهارفارد).  Decided on
 * the stem left after the suffixes, so that every form of the word (فرنسي,
 * فرنسية, الفرنسيين) sees the same length and stems alike.
 */
static void
strip_bare_particle(StemWord *w)
{
	uint16_t	c0;

	/* a loop, so that بفيكتوريا and فيكتوريا agree */
	while (LEN(w) - 1 >= MIN_AFTER_BARE)
	{
		c0 = AT(w, 0);
		if (c0 != AR_CP_BEH && c0 != AR_CP_LAM && c0 != AR_CP_KAF && c0 != AR_CP_FEH)
			break;
		/* the letter is the word's own (لاسلكية; only ل words are listed) */
		if (c0 == AR_CP_LAM && own_stem_find(w))
			break;
		w->start += 1;
	}
}

/* The suffix rules, outermost first; only w->end moves. */
static void
strip_suffixes(StemWord *w)
{
	bool		stripped;

	strip_tanween(w);
	stripped = strip_pronoun(w);
	if (strip_number(w))
		stripped = true;
	if (stripped)
		strip_teh(w);
}

/* Map the letters of word into w; false if it is not all Arabic letters. */
static bool
load_letters(StemWord *w, const char *word, size_t len)
{
	size_t		i;

	if (len == 0 || len % 2 != 0 || len > AR_STEM_MAX_BYTES)
		return false;
	for (i = 0; i < len; i += 2)
	{
		unsigned char b0 = (unsigned char) word[i];
		unsigned char b1 = (unsigned char) word[i + 1];
		uint16_t	cp;

		if ((b0 != 0xD8 && b0 != 0xD9) || (b1 & 0xC0) != 0x80)
			return false;
		cp = (uint16_t) (((b0 & 0x1F) << 6) | (b1 & 0x3F));
		if (cp < 0x0621 || cp > 0x064A)
			return false;
		w->letter[i / 2] = cp;
	}
	w->bytes = word;
	w->start = 0;
	w->end = (int) (len / 2);
	return true;
}

/* Stem one normalized word with every rule but the nationality one. */
static const char *
stem_plain(const char *word, size_t len, size_t *stem_len)
{
	StemWord	w;
	const ArStemException *x;

	if (!load_letters(&w, word, len))
	{
		*stem_len = len;
		return word;
	}

	x = strip_prefixes(&w);
	if (x != NULL)
	{
		*stem_len = x->slen;
		return x->stem;
	}

	strip_suffixes(&w);
	strip_bare_particle(&w);

	*stem_len = 2 * (size_t) LEN(&w);
	return word + 2 * w.start;
}

/*
 * Nationality adjectives and their country (src/core/stem_table.h, from the
 * entity data): the stem of the adjective (مصري, which every form — مصرية,
 * المصريين — stems to) and the stem of the country (مصر), built once on
 * first use with the stemmer's own rules, in an open-addressing hash set.
 */
typedef struct NisbaStem
{
	const char *adj;
	size_t		adj_len;
	const char *country;
	size_t		country_len;
} NisbaStem;

#define NISBA_SLOTS 1024		/* a power of two, over 4 × AR_STEM_N_NISBA */

/* the table must leave most slots empty (fails to compile otherwise) */
typedef char nisba_slots_fit[NISBA_SLOTS >= 4 * AR_STEM_N_NISBA ? 1 : -1];

static NisbaStem nisba_stems[AR_STEM_N_NISBA];
static int16_t nisba_slots[NISBA_SLOTS];
static bool nisba_stems_ready = false;

/*
 * A cheap pre-filter, as for the word tables: per letter (U+0621 + i), bit
 * n set if an adjective stem of n letters starts with it (first) or has it
 * just before its final ي (before_yeh).
 */
static uint32_t nisba_first[42];
static uint32_t nisba_before_yeh[42];

/* Index 0–41 of the two-byte Arabic letter at s, or -1. */
static inline int
letter_index(const char *s)
{
	unsigned char b0 = (unsigned char) s[0];
	unsigned char b1 = (unsigned char) s[1];
	int			cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);

	if ((b0 != 0xD8 && b0 != 0xD9) || cp < 0x0621 || cp > 0x064A)
		return -1;
	return cp - 0x0621;
}

/* Stem both sides of every pair once (the table is constant: pure). */
static void
nisba_stems_init(void)
{
	int			i;

	memset(nisba_slots, -1, sizeof(nisba_slots));
	for (i = 0; i < AR_STEM_N_NISBA; i++)
	{
		NisbaStem  *n = &nisba_stems[i];
		uint32_t	h;

		n->adj = stem_plain(ar_stem_nisba[i].word, ar_stem_nisba[i].wlen, &n->adj_len);
		n->country = stem_plain(ar_stem_nisba[i].stem, ar_stem_nisba[i].slen, &n->country_len);
		for (h = ArHashBytes(n->adj, n->adj_len) & (NISBA_SLOTS - 1);
			 nisba_slots[h] >= 0; h = (h + 1) & (NISBA_SLOTS - 1))
			;
		nisba_slots[h] = (int16_t) i;
		if (n->adj_len >= 4 && n->adj_len / 2 < 32 && n->adj_len % 2 == 0 &&
			letter_index(n->adj) >= 0 && letter_index(n->adj + n->adj_len - 4) >= 0)
		{
			nisba_first[letter_index(n->adj)] |= 1u << (n->adj_len / 2);
			nisba_before_yeh[letter_index(n->adj + n->adj_len - 4)] |= 1u << (n->adj_len / 2);
		}
	}
	nisba_stems_ready = true;
}

/* The pair whose adjective stem is stem[0..len), or NULL. */
static const NisbaStem *
nisba_find(const char *stem, size_t len)
{
	uint32_t	h,
				bit;
	int			i,
				a,
				b;

	if (!nisba_stems_ready)
		nisba_stems_init();
	if (len / 2 >= 32 || len % 2 != 0)
		return NULL;
	bit = 1u << (len / 2);
	a = letter_index(stem);
	b = letter_index(stem + len - 4);
	if (a < 0 || b < 0 || !(nisba_first[a] & bit) || !(nisba_before_yeh[b] & bit))
		return NULL;
	for (h = ArHashBytes(stem, len) & (NISBA_SLOTS - 1);
		 (i = nisba_slots[h]) >= 0; h = (h + 1) & (NISBA_SLOTS - 1))
	{
		if (nisba_stems[i].adj_len == len && memcmp(nisba_stems[i].adj, stem, len) == 0)
			return &nisba_stems[i];
	}
	return NULL;
}

/*
 * Stem one normalized word; see stem.h.  A nationality adjective gets its
 * country's stem (الفرنسية → فرنسا), so that a search for either finds both.
 */
const char *
ArStem(const char *word, size_t len, size_t *stem_len)
{
	const char *stem = stem_plain(word, len, stem_len);
	const NisbaStem *n;

	/* every adjective stem has four letters or more and ends in ي (d9 8a) */
	if (*stem_len < 8 || (unsigned char) stem[*stem_len - 1] != 0x8A ||
		(unsigned char) stem[*stem_len - 2] != 0xD9)
		return stem;
	n = nisba_find(stem, *stem_len);
	if (n == NULL)
		return stem;
	*stem_len = n->country_len;
	return n->country;
}

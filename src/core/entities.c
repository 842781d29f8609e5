/*
 * entities.c — the entity matcher behind ar_entities and ar_entity_keys.
 *
 * See entities.h for the shape of the pass.  All gazetteer data lives in
 * entities_table.h (generated, compiled in): nothing is built at run time,
 * so per-word work is one or two hash probes into static arrays.
 *
 * Sections, in the order of the pass's layers:
 *   1. the compiled tables       word_find, phrase_find, the self-check
 *   2. the words of the input    collect_words, word_cands, phrase_at
 *   3. word shapes               verb_like, nisba_shape, common_word …
 *   4. results                   emit, emit_phrase, emit_surface
 *   5. people                    coreference, name_part, read_name
 *   6. organizations and places  club_after_place, org_after_cue, gov_body
 *   7. the pass                  the tag_* taggers, ArEntitiesExtract
 */
#include "entities.h"

#include <ctype.h>
#include <string.h>

#include "arletters.h"
#include "ner_features.h"
#include "ner_tag.h"
#include "normalize.h"
#include "tokenize.h"
#include "utf8.h"

typedef struct ArEntPhrase
{
	uint32_t	key_off;
	uint16_t	key_len;
	uint32_t	canon_off;
	uint16_t	canon_len;
	uint8_t		kind;
	uint8_t		ntok;
} ArEntPhrase;

typedef struct ArEntWord
{
	uint32_t	key_off;
	uint16_t	key_len;
	uint32_t	flags;
	uint8_t		maxtok;			/* longest phrase starting with this word */
} ArEntWord;

/* word classes, as gen_entities_table.py writes them */
#define W_GIVEN		1
#define W_WEAK		2
#define W_STOP		4
#define W_CONNECT	8
#define W_SURNAME	16
#define W_SAY		32
#define W_ORGCUE	64
#define W_ORGART	128
#define W_STOP_YA	256		/* a stopword when written with final ى (على) */
#define W_ORGDESC	512		/* descriptor in front of an organization name (حركة) */
#define W_LOCCUE	1024	/* introduces a place name (مدينة، إقليم) */
#define W_LOCDESC	2048	/* descriptor in front of a place name (قطاع، جنوب) */
#define W_FUNCNAME	4096	/* a given name that is mostly a function word (علي/على) */
#define W_NOCOREF	8192	/* never a surname for coreference (الدين، الله) */
#define W_REGNAL	16384	/* regnal ordinal after a name (محمد السادس) */
#define W_ORGHEAD	32768	/* starts an organization name it belongs to (جامعة) */
#define W_SAYOBJ	65536	/* a verb of saying that mostly takes an object (رفض، كشف) */
#define W_MASCHEAD	131072	/* a masculine noun a place name completes (مطار، ملعب) */
#define W_COMMON	262144	/* a noun or verb of news text (entities_common.txt) */
#define SPORT_WINDOW	15		/* words searched on each side for a sports word */
#define W_SPORT		524288	/* makes the words around it sports news (مباراة، الدوري) */
#define W_LOCAREA	1048576	/* a place cue an article noun often follows (منطقة الجزاء) */

#include "entities_table.h"

#define MAX_PHRASE_TOK	8
#define MAX_NAME_TOK	4		/* name words, connectors not counted */
#define MAX_NAME_ALL	7
#define MAX_NAME_CHAIN	11		/* words of a genealogical chain (بن … بن … آل …) */
#define MAX_CANDS		6
#define MAX_KEY			512
#define MAX_PERSONS		64
#ifndef VERB_NAME_MIN
#define VERB_NAME_MIN	10		/* bytes: an imperfect-verb shape this long after a given name is a surname */
#endif

/* One word of the input (Arabic or Latin), with its search form. */
typedef struct EntTok
{
	size_t		byte_start;
	size_t		byte_len;
	size_t		char_start;
	size_t		char_len;
	size_t		norm_off;		/* into EntDoc.norm */
	size_t		norm_len;
	bool		joined;			/* only white space since the previous word */
	bool		comma;			/* a comma (، or ,) and nothing else since it */
} EntTok;

/* A reading of a word with some proclitics peeled off. */
typedef struct EntCand
{
	const char *s;
	size_t		len;
	int			strip;			/* normalized characters removed in front */
	char		built[64];		/* room for "ال" + rest when لل was split */
} EntCand;

/* A person named earlier in the text, for coreference. */
typedef struct EntPerson
{
	size_t		last_off;		/* normalized last name token, in EntDoc.norm */
	size_t		last_len;
	size_t		canon_off;		/* canonical, in ArEntityList.canon */
	size_t		canon_len;
} EntPerson;

typedef struct EntDoc
{
	const char *src;
	size_t		srclen;
	EntTok	   *tok;
	size_t		ntok;
	ArBuf		norm;
	ArEntityList *out;
	EntPerson	persons[MAX_PERSONS];
	int			npersons;
	/* for the trained tagger: why each entity out->items[first + k] was
	 * tagged (AR_NER_WHY_*), kept only when whys is set */
	uint8_t    *whys;
	size_t		whys_cap;
	size_t		first;
	/* phrase_at with clitics at each word, computed once (memo_done[i]) */
	struct EntMatch *memo;
	bool	   *memo_done;
} EntDoc;

/* A phrase-table hit. */
typedef struct EntMatch
{
	const ArEntPhrase *ph;
	size_t		ntok;
	int			strip;
} EntMatch;

typedef enum NamePart
{
	NP_NONE,
	NP_GIVEN,
	NP_WEAK,
	NP_CONNECT,
	NP_SURNAME,
	NP_UNKNOWN,
	NP_CLOSE					/* read_name: the family name that closes a name */
} NamePart;

/* What comes before a candidate person name. */
typedef enum NameCtx
{
	NC_NONE,					/* nothing: only a given name starts a name */
	NC_TITLE,					/* الرئيس، المستشار: any plausible word */
	NC_CONSTRUCT,				/* رئيس، وزير: a given or known name only */
	NC_SAY						/* وقال، وأضاف: an unknown word without article */
} NameCtx;

/* ----------------------------------------------------------------------
 * 1. The compiled tables
 *
 * Open-addressing look-ups into entities_table.h, and their self-check.
 * ----------------------------------------------------------------------
 */

/* Is the key ent_blob[off..off+klen) the string s[0..len)? */
static inline bool
key_equals(uint32_t off, uint16_t klen, const char *s, size_t len)
{
	return klen == len && memcmp(ent_blob + off, s, len) == 0;
}

/* Look a single normalized word up. */
static const ArEntWord *
word_find(const char *s, size_t len)
{
	uint32_t	h = ArHashBytes(s, len) & (AR_ENT_WORD_SLOTS - 1);
	int32_t		i;

	/* linear probing: the generator placed each key at or after its hash */
	for (; (i = ent_word_slots[h]) >= 0; h = (h + 1) & (AR_ENT_WORD_SLOTS - 1))
		if (key_equals(ent_words[i].key_off, ent_words[i].key_len, s, len))
			return &ent_words[i];
	return NULL;
}

/* Class bits of a normalized word (0 when unknown). */
static inline uint32_t
word_flags(const char *s, size_t len)
{
	const ArEntWord *w = word_find(s, len);

	return w ? w->flags : 0;
}

/* Look a normalized phrase (words joined by one space) up. */
static const ArEntPhrase *
phrase_find(const char *s, size_t len)
{
	uint32_t	h = ArHashBytes(s, len) & (AR_ENT_PHRASE_SLOTS - 1);
	int32_t		i;

	for (; (i = ent_phrase_slots[h]) >= 0; h = (h + 1) & (AR_ENT_PHRASE_SLOTS - 1))
		if (key_equals(ent_phrases[i].key_off, ent_phrases[i].key_len, s, len))
			return &ent_phrases[i];
	return NULL;
}

/* Is key[0..len) unchanged by ArNormalizeChar (spaces kept)? */
static bool
key_is_normalized(const char *key, size_t len)
{
	size_t		p = 0;

	while (p < len)
	{
		uint32_t	cp;
		int			nb = ArUtf8Decode((const unsigned char *) key + p, len - p, &cp);

		if (cp != ' ' && ArNormalizeChar(cp, AR_NORM_DEFAULT) != cp)
			return false;
		p += nb;
	}
	return true;
}

size_t
ArEntitiesCheckTables(void)
{
	size_t		bad = 0,
				i;

	for (i = 0; i < sizeof(ent_phrases) / sizeof(ent_phrases[0]); i++)
	{
		const ArEntPhrase *p = &ent_phrases[i];

		if (!key_is_normalized(ent_blob + p->key_off, p->key_len) ||
			phrase_find(ent_blob + p->key_off, p->key_len) != p)
			bad++;
	}
	for (i = 0; i < sizeof(ent_words) / sizeof(ent_words[0]); i++)
	{
		const ArEntWord *w = &ent_words[i];

		if (!key_is_normalized(ent_blob + w->key_off, w->key_len) ||
			word_find(ent_blob + w->key_off, w->key_len) != w)
			bad++;
	}
	return bad;
}

/* ----------------------------------------------------------------------
 * 2. The words of the input and their readings
 *
 * collect_words splits the text into words with their normalized forms;
 * word_cands gives the readings of a word with proclitics peeled off, and
 * phrase_at the longest gazetteer phrase starting at a word.
 * ----------------------------------------------------------------------
 */

static inline const char *
tok_norm(const EntDoc *d, size_t i)
{
	return d->norm.data + d->tok[i].norm_off;
}

/* Word i as written in the input (marks and all). */
static inline const char *
tok_raw(const EntDoc *d, size_t i)
{
	return d->src + d->tok[i].byte_start;
}

/* Does s[0..len) begin with prefix (a letter string of arletters.h)? */
static inline bool
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

/* Does s[0..len) end with suffix? */
static inline bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t		n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Does s[0..len) begin with the article ال? */
static inline bool
has_article(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_AL);
}

/* Is s[0..len) exactly the word w? */
static inline bool
word_is(const char *s, size_t len, const char *w)
{
	return len == strlen(w) && memcmp(s, w, len) == 0;
}

/* Does s[0..len) begin with the conjunction و or ف? */
static inline bool
has_conjunction(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_WAW) || starts_with(s, len, AR_STR_FEH);
}

/* Does s[0..len) begin with the preposition ب, ك or ل? */
static inline bool
has_preposition(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_BEH) || starts_with(s, len, AR_STR_KAF) ||
		starts_with(s, len, AR_STR_LAM);
}

/* Does the normalized word i begin with the article? */
static inline bool
tok_has_article(const EntDoc *d, size_t i)
{
	return has_article(tok_norm(d, i), d->tok[i].norm_len);
}

/* Does word i as written end with letter (a two-byte letter string)?  For
 * what normalization folds away: ى, ة against ه, marks. */
static inline bool
raw_ends_with(const EntDoc *d, size_t i, const char *letter)
{
	return ends_with(tok_raw(d, i), d->tok[i].byte_len, letter);
}

/* Is letter (two bytes) anywhere in word i as written? */
static bool
raw_has_letter(const EntDoc *d, size_t i, const char *letter)
{
	const char *r = tok_raw(d, i);
	size_t		rl = d->tok[i].byte_len,
				p;

	for (p = 0; p + 1 < rl; p++)
		if (r[p] == letter[0] && r[p + 1] == letter[1])
			return true;
	return false;
}

/* Split the input into words with their normalized forms. */
static void
collect_words(EntDoc *d, const char *s, size_t len)
{
	ArTokenizer tz;
	ArToken		t;
	size_t		cap = 64;
	bool		joined = false;
	int			puncts = 0;		/* punctuation tokens since the last word */
	bool		comma = false;
	unsigned	steps = 0;

	d->tok = ArAlloc(cap * sizeof(EntTok));
	d->ntok = 0;
	ArTokenizerInit(&tz, s, len);
	while (ArTokenizerNext(&tz, &t))
	{
		EntTok	   *w;
		size_t		p;

		AR_CHECK_INTERRUPTS_EVERY(++steps);
		if (t.type == AR_TOK_SPACE)
			continue;
		if (t.type != AR_TOK_ARABIC && t.type != AR_TOK_LATIN)
		{
			const char *p = s + t.byte_start;

			/* a hashtag sign glued to the next word (#ميركل) belongs to it:
			 * it neither parts a name nor counts as punctuation */
			if (t.byte_len == 1 && p[0] == '#' && t.byte_start + 1 < len &&
				!isspace((unsigned char) p[1]) && (unsigned char) p[1] != '#')
				continue;
			joined = false;
			puncts++;
			comma = t.type == AR_TOK_PUNCT &&
				((t.byte_len == 1 && p[0] == ',') ||
				 word_is(p, t.byte_len, AR_STR_COMMA));
			continue;
		}
		if (d->ntok == cap)
			d->tok = ArArrayGrow(d->tok, &cap, d->ntok + 1, sizeof(EntTok));
		w = &d->tok[d->ntok++];
		w->byte_start = t.byte_start;
		w->byte_len = t.byte_len;
		w->char_start = t.char_start;
		w->char_len = t.char_len;
		w->joined = joined;
		w->comma = comma && puncts == 1;
		w->norm_off = d->norm.len;
		for (p = 0; p < t.byte_len;)
		{
			uint32_t	cp;
			int			nb = ArUtf8Decode((const unsigned char *) s + t.byte_start + p,
										  t.byte_len - p, &cp);
			char		enc[4];

			p += nb;
			cp = ArNormalizeChar(cp, AR_NORM_DEFAULT);
			if (cp != 0)
				ArBufAppend(&d->norm, enc, ArUtf8Encode(cp, enc));
		}
		w->norm_len = d->norm.len - w->norm_off;
		joined = true;
		puncts = 0;
		comma = false;
	}
}

/*
 * The readings of word i: as written, without و/ف, without ب/ك/ل, and
 * with لل read as ل + ال (للناتو → الناتو).  The rest must keep at least
 * two letters.  Returns how many readings were written.
 */
static int
word_cands(const EntDoc *d, size_t i, bool clitics, EntCand *c)
{
	const char *s = tok_norm(d, i);
	size_t		len = d->tok[i].norm_len;
	int			n = 0,
				b,
				nbase;

	c[n].s = s;
	c[n].len = len;
	c[n].strip = 0;
	n++;
	if (!clitics || len < 6)
		return n;
	if (has_conjunction(s, len))
	{
		c[n].s = s + 2;
		c[n].len = len - 2;
		c[n].strip = 1;
		n++;
	}
	nbase = n;
	for (b = 0; b < nbase; b++)
	{
		const char *t = c[b].s;
		size_t		tl = c[b].len;

		if (tl < 6)
			continue;
		if (starts_with(t, tl, AR_STR_LAM AR_STR_LAM) && tl - 2 + 2 <= sizeof(c[n].built))	/* لل */
		{
			memcpy(c[n].built, AR_STR_ALEF, 2);	/* ا */
			memcpy(c[n].built + 2, t + 2, tl - 2);
			c[n].s = c[n].built;
			c[n].len = tl;
			c[n].strip = c[b].strip + 1;
			n++;
		}
		else if (has_preposition(t, tl))
		{
			c[n].s = t + 2;
			c[n].len = tl - 2;
			c[n].strip = c[b].strip + 1;
			n++;
		}
	}
	return n;
}

/*
 * Longest phrase starting at word i (with proclitics on word i only when
 * clitics is set).  Ties go to the reading that peels fewer letters.
 */
static bool
phrase_lookup(const EntDoc *d, size_t i, bool clitics, EntMatch *m)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, i, clitics, c),
				k;
	char		key[MAX_KEY];

	m->ph = NULL;
	m->ntok = 0;
	for (k = 0; k < nc; k++)
	{
		const ArEntWord *w = word_find(c[k].s, c[k].len);
		size_t		maxtok,
					L;

		if (w == NULL || w->maxtok == 0)
			continue;
		maxtok = w->maxtok;
		if (maxtok > d->ntok - i)
			maxtok = d->ntok - i;
		for (L = maxtok; L >= 1 && L > m->ntok; L--)
		{
			size_t		klen = 0,
						t;
			const ArEntPhrase *p;
			bool		ok = true;

			if (c[k].len > MAX_KEY)
				break;
			memcpy(key, c[k].s, c[k].len);
			klen = c[k].len;
			for (t = i + 1; t < i + L; t++)
			{
				if (!d->tok[t].joined || klen + 1 + d->tok[t].norm_len > MAX_KEY)
				{
					ok = false;
					break;
				}
				key[klen++] = ' ';
				memcpy(key + klen, tok_norm(d, t), d->tok[t].norm_len);
				klen += d->tok[t].norm_len;
			}
			if (!ok)
				continue;
			p = phrase_find(key, klen);
			if (p != NULL)
			{
				m->ph = p;
				m->ntok = L;
				m->strip = c[k].strip;
				break;
			}
		}
	}
	return m->ph != NULL;
}

/* phrase_lookup, remembered per word when read with clitics (the taggers
 * and the description for the trained tagger ask for the same words). */
static bool
phrase_at(const EntDoc *d, size_t i, bool clitics, EntMatch *m)
{
	if (!clitics || d->memo == NULL)
		return phrase_lookup(d, i, clitics, m);
	if (!d->memo_done[i])
	{
		phrase_lookup(d, i, true, &d->memo[i]);
		d->memo_done[i] = true;
	}
	*m = d->memo[i];
	return m->ph != NULL;
}

/* Flags of word i read with its proclitics peeled off: the first reading
 * in the word table as more than a common word; *strip (when not NULL) is
 * set to the letters that reading peels off. */
static uint32_t
word_flags_cands(const EntDoc *d, size_t i, int *strip)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, i, true, c),
				k;

	if (strip)
		*strip = 0;
	for (k = 0; k < nc; k++)
	{
		const ArEntWord *w = word_find(c[k].s, c[k].len);

		if (w && (w->flags & ~W_COMMON))
		{
			if (strip)
				*strip = c[k].strip;
			return w->flags;
		}
	}
	return 0;
}

/* Is word i, with a proclitic peeled off, a stopword or a title (بوزير،
 * بأعضاء، وقال)? */
static bool
clitic_reading_is_word(const EntDoc *d, size_t i)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, i, true, c),
				k;

	for (k = 1; k < nc; k++)
	{
		const ArEntWord *w = word_find(c[k].s, c[k].len);

		if (w && ((w->flags & (W_STOP | W_SAY)) || w->maxtok > 0))
			return true;
	}
	return false;
}

/* Is word i a verb of saying that introduces its subject (قال، وأضاف،
 * فأكدت; not رفض، كشف, which mostly take an object)? */
static bool
says(const EntDoc *d, size_t i)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, i, true, c),
				k;

	for (k = 0; k < nc && k < 2; k++)
	{
		uint32_t	f = word_flags(c[k].s, c[k].len);

		if (f & W_SAY)
			return !(f & W_SAYOBJ);
	}
	return false;
}

/* ----------------------------------------------------------------------
 * 3. Word shapes
 *
 * Predicates over one word (normalized, or as written where
 * normalization folds the difference away) that tell names from verbs,
 * nouns, adjectives and particles.
 * ----------------------------------------------------------------------
 */

/* Imperfect verbs (يبحث، تؤكد، نعمل) look like unknown names; refuse them
 * where a name is only guessed. */
static bool
verb_like(const char *s, size_t len)
{
	/* 4-6 letters: prefix + root (+ suffix); longer words are foreign names */
	if (len < 8 || len > 12)
		return false;
	return starts_with(s, len, AR_STR_YEH) || starts_with(s, len, AR_STR_TEH) ||
		starts_with(s, len, AR_STR_NOON);	/* ي ت ن */
}

/* Imperfect verbs that no family name looks like: forms V/VI and X
 * (يتحدث، تتضمن، يستطيع) and plural endings (ينكرون، يقولوا). */
static bool
verb_sure(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_YEH AR_STR_TEH) || starts_with(s, len, AR_STR_TEH AR_STR_TEH) ||	/* يت تت */
		starts_with(s, len, AR_STR_YEH AR_STR_SEEN AR_STR_TEH) || starts_with(s, len, AR_STR_TEH AR_STR_SEEN AR_STR_TEH) ||	/* يست تست */
		ends_with(s, len, AR_STR_WAW AR_STR_NOON) ||	/* ون */
		ends_with(s, len, AR_STR_WAW AR_STR_ALEF);	/* وا */
}

/*
 * Shapes of common nouns that an unknown word after a title must not have:
 * teh marbuta (قيمة), a possessive suffix (قادتنا، بلاده).  Given names with
 * these endings (فاطمة، أسامة) are in the given-name list and never get here.
 */
static bool
common_shape(const char *s, size_t len)
{
	static const char *const endings[] = {
		AR_STR_HEH,				/* ه (ة after normalization) */
		AR_STR_NOON AR_STR_ALEF,		/* نا */
		AR_STR_HEH AR_STR_MEEM,		/* هم */
		AR_STR_KAF AR_STR_MEEM,		/* كم */
		AR_STR_ALEF AR_STR_TEH,		/* ات */
		AR_STR_HEH AR_STR_ALEF,		/* ها */
		NULL
	};
	int			i;

	for (i = 0; endings[i]; i++)
	{
		size_t		n = strlen(endings[i]);

		if (len > n + 4 && memcmp(s + len - n, endings[i], n) == 0)
			return true;
	}
	return false;
}

/* An adjective ending (إسلامي، أجنبية): not an organization's own name. */
static bool
nisba_shape(const char *s, size_t len)
{
	return (len > 6 && ends_with(s, len, AR_STR_YEH)) ||	/* ي */
		(len > 8 && ends_with(s, len, AR_STR_YEH AR_STR_HEH));	/* يه */
}

/* Is word i written with a final ى (على, not the name علي)? */
static bool
raw_ends_with_alef_maksura(const EntDoc *d, size_t i)
{
	return raw_ends_with(d, i, AR_STR_ALEF_MAKSURA);
}

/* A family name ending in ة or ات (جمعة، عبادة، بركات); a pronoun ه
 * (صديقه) looks the same after normalization and is let through. */
static bool
taa_marbuta(const char *s, size_t len)
{
	if (len < 6 || has_article(s, len))
		return false;
	return ends_with(s, len, AR_STR_HEH) ||	/* ة */
		(len >= 8 && ends_with(s, len, AR_STR_ALEF AR_STR_TEH));	/* ات */
}

/* A foreign family name that only looks like ب/ك + article (بالاك،
 * بالاسيوس): بال/كال, then a long vowel, at least five letters in all. */
static bool
foreign_bal(const char *s, size_t len)
{
	return (starts_with(s, len, AR_STR_BEH AR_STR_AL) ||	/* بال */
			starts_with(s, len, AR_STR_KAF AR_STR_AL)) &&	/* كال */
		len >= 10 && len <= 18 &&
		(starts_with(s + 6, len - 6, AR_STR_ALEF) || starts_with(s + 6, len - 6, AR_STR_WAW) ||
		 starts_with(s + 6, len - 6, AR_STR_YEH));	/* بالا… بالو… بالي… */
}

/* ال + a given name (الحسين، الرضا after الإمام; السعيد): a name. */
static bool
al_given(const char *s, size_t len)
{
	return len > 8 && has_article(s, len) &&
		(word_flags(s + 4, len - 4) & W_GIVEN) != 0;
}

/* A plural participle (متمردون، مراقبو، مسؤولو): a group, not a person. */
static bool
plural_participle(const char *s, size_t len)
{
	return len >= 8 && starts_with(s, len, AR_STR_MEEM) &&	/* م */
		(ends_with(s, len, AR_STR_WAW) ||	/* …و */
		 ends_with(s, len, AR_STR_WAW AR_STR_NOON));	/* …ون */
}

/* An accusative adverb or participle (مبكرا، موظفا، مستشارا، شرعياً):
 * tanween written on word i, or م…ا of five letters or more. */
static bool
adverbial(const EntDoc *d, size_t i, const char *s, size_t len)
{
	return raw_has_letter(d, i, AR_STR_FATHATAN) ||
		(len >= 10 && starts_with(s, len, AR_STR_MEEM) && ends_with(s, len, AR_STR_ALEF));
}

/* Word i is exactly a nationality adjective of the masculine singular shape
 * (السويدي، كندي): a family name after a given name. */
static bool
nat_surname(const EntDoc *d, size_t i, const char *s, size_t len)
{
	EntMatch	m;

	return phrase_at(d, i, false, &m) && m.ph->kind == AR_ENT_NAT && m.ntok == 1 &&
		len >= 6 && ends_with(s, len, AR_STR_YEH);	/* …ي */
}

/* فان، فون، دي، دو، دا: the particles of European names. */
static bool
european_particle(const char *s, size_t len)
{
	static const char *const particles[] = {
		AR_STR_FEH AR_STR_ALEF AR_STR_NOON,	/* فان */
		AR_STR_FEH AR_STR_WAW AR_STR_NOON,	/* فون */
		AR_STR_DAL AR_STR_YEH,	/* دي */
		AR_STR_DAL AR_STR_WAW,	/* دو */
		AR_STR_DAL AR_STR_ALEF,	/* دا */
		NULL
	};
	int			k;

	for (k = 0; particles[k]; k++)
		if (word_is(s, len, particles[k]))
			return true;
	return false;
}

/* Word i is written with إ or أ (فإن، فأن): a particle, not a name part. */
static bool
raw_has_hamza_alef(const EntDoc *d, size_t i)
{
	return raw_has_letter(d, i, AR_STR_ALEF_HAMZA_ABOVE) ||
		raw_has_letter(d, i, AR_STR_ALEF_HAMZA_BELOW);
}

/* Does s[0..len) begin with one of the proclitics و ب ل ك ف? */
static bool
has_proclitic_letter(const char *s, size_t len)
{
	return has_conjunction(s, len) || has_preposition(s, len);
}

/* How a word reads as a common word of news text (common_word). */
typedef enum CommonReading
{
	CW_NONE,					/* a name word, or unknown */
	CW_BARE,					/* a listed noun or verb (مقر، أشهر، اجتماعا) */
	CW_CLITIC					/* و ب ل ك ف + a listed one (بمقر، لمدة) */
} CommonReading;

/*
 * Is s[0..len) a common word of news text (W_COMMON, counted in the news
 * corpus by data/gen_entities_common.py), alone, with an accusative alif
 * (اجتماعا) or behind one proclitic (بمقر)?  Listed given names and
 * surnames are names whatever the corpus says.
 */
static inline bool
common_flags(uint32_t f)
{
	return (f & W_COMMON) && !(f & (W_GIVEN | W_SURNAME));
}

static CommonReading
common_word(const char *s, size_t len)
{
	uint32_t	f = word_flags(s, len);

	if (f & (W_GIVEN | W_SURNAME))
		return CW_NONE;
	if (f & W_COMMON)
		return CW_BARE;
	if (len >= 8 && ends_with(s, len, AR_STR_ALEF) &&	/* …ا */
		common_flags(word_flags(s, len - 2)))
		return CW_BARE;
	if (len >= 8 && has_proclitic_letter(s, len) &&
		common_flags(word_flags(s + 2, len - 2)))
		return CW_CLITIC;
	return CW_NONE;
}

/*
 * Does the common word s end a name whose previous part was prev?  A
 * proclitic + noun or verb does (سعيد صيام بمقر، إيمرسون لمدة); a bare one
 * (أوفيد أشهر) not after a given name, which a family name that is also a
 * noun often follows (أشرف ممتاز), and a nisba (شيرازي) only after a
 * given name that is itself an everyday word (حكم ذاتي، كامل أراضي).
 * The word after بن/أبو and article words are decided elsewhere.
 */
static bool
common_ends_name(const char *s, size_t len, NamePart prev, bool after_given)
{
	CommonReading c;

	if (prev == NP_CONNECT || has_article(s, len))
		return false;
	c = common_word(s, len);
	return c == CW_CLITIC ||
		(c == CW_BARE && !after_given && (prev == NP_WEAK || !nisba_shape(s, len)));
}

/* ال + a word news never writes as a common word (السقاف، البدري): a
 * family name standing alone. */
static bool
al_family_name(const char *s, size_t len)
{
	return len >= 10 && has_article(s, len) &&
		word_flags(s, len) == 0 &&
		!(word_flags(s + 4, len - 4) & (W_COMMON | W_STOP));
}

/* A name word that starts with و itself (وقاص، وهبي), not و + article. */
static bool
waw_initial_name(const char *s, size_t len)
{
	return len >= 6 && starts_with(s, len, AR_STR_WAW) &&	/* و */
		!starts_with(s, len, AR_STR_WAW AR_STR_AL);	/* وال */
}

/*
 * Word i written with a final ه, not ة: a possessive pronoun on a noun
 * (حلمه، حديثه، مصرعه) after a name.  Normalization folds ة into ه, so the
 * raw text decides.  الله and the Persian ـويه/ـيه names (سيبويه) stay names.
 */
static bool
raw_pronoun_suffix(const EntDoc *d, size_t i, const char *s, size_t len)
{
	if (len < 8 || !raw_ends_with(d, i, AR_STR_HEH))
		return false;
	if (ends_with(s, len, AR_STR_YEH AR_STR_HEH) ||	/* يه */
		ends_with(s, len, AR_STR_LAM AR_STR_HEH))	/* له: الله، عبدالله */
		return false;
	return true;
}

/* Word i is one Arabic letter followed at once by a full stop (ب.). */
static bool
initial_letter(const EntDoc *d, size_t i)
{
	const EntTok *t = &d->tok[i];

	return t->norm_len == 2 && t->char_len == 1 &&
		(unsigned char) d->src[t->byte_start] >= 0xD8 &&
		(unsigned char) d->src[t->byte_start] <= 0xD9 &&
		t->byte_start + t->byte_len < d->srclen &&
		d->src[t->byte_start + t->byte_len] == '.';
}

/* Does word s[0..len) carry a proclitic + article (وال بال فال كال لل) or و? */
static bool
clitic_bearing(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_WAW) ||	/* و */
		starts_with(s, len, AR_STR_BEH AR_STR_AL) ||	/* بال */
		starts_with(s, len, AR_STR_FEH AR_STR_AL) ||	/* فال */
		starts_with(s, len, AR_STR_KAF AR_STR_AL) ||	/* كال */
		starts_with(s, len, AR_STR_LAM AR_STR_LAM);	/* لل */
}

/* ----------------------------------------------------------------------
 * 4. Results
 *
 * Entities appended to the output list, with their canonical names.
 * ----------------------------------------------------------------------
 */

const char *
ArEntKindName(ArEntKind kind)
{
	switch (kind)
	{
		case AR_ENT_PER:
			return "PER";
		case AR_ENT_ORG:
			return "ORG";
		case AR_ENT_LOC:
			return "LOC";
		case AR_ENT_NAT:
			return "NAT";
		default:
			return "?";
	}
}

void
ArEntityListInit(ArEntityList *list)
{
	ArArrayInit(list, 16);
	ArBufInit(&list->canon, 256);
}

void
ArEntityListFree(ArEntityList *list)
{
	ArArrayFree(list);
	if (list->canon.data)
		ArFree(list->canon.data);
	list->canon.data = NULL;
}

/* Byte and character offset in word i after `strip` normalized letters
 * (and any marks riding on them). */
static void
skip_letters(const EntDoc *d, size_t i, int strip, size_t *boff, size_t *coff)
{
	const unsigned char *s = (const unsigned char *) d->src + d->tok[i].byte_start;
	size_t		len = d->tok[i].byte_len,
				p = 0,
				c = 0;
	int			seen = 0;

	while (p < len)
	{
		uint32_t	cp;
		int			nb = ArUtf8Decode(s + p, len - p, &cp);
		bool		removed = ArNormalizeChar(cp, AR_NORM_DEFAULT) == 0;

		if (!removed && seen == strip)
			break;
		if (!removed)
			seen++;
		p += nb;
		c++;
	}
	*boff = p;
	*coff = c;
}

/* Append src[bstart..bend) to canon without marks, line breaks as spaces. */
void
ArEntitiesSurfaceCanon(ArBuf *canon, const char *src, size_t bstart, size_t bend)
{
	const unsigned char *s = (const unsigned char *) src;
	size_t		p = bstart;

	while (p < bend)
	{
		uint32_t	cp;
		int			nb = ArUtf8Decode(s + p, bend - p, &cp);

		if (cp == '\n' || cp == '\t' || cp == '\r')
			ArBufAppendChar(canon, ' ');
		else if (!ArIsWordInternalMark(cp))
			ArBufAppend(canon, (const char *) s + p, nb);
		p += nb;
	}
}

/* Add an entity over words [i, j) with `strip` letters peeled off word i;
 * the caller appends its canonical to out->canon right after. */
static ArEntity *
emit(EntDoc *d, ArEntKind kind, size_t i, size_t j, int strip)
{
	ArEntityList *l = d->out;
	ArEntity   *e;
	size_t		boff,
				coff;
	const EntTok *a = &d->tok[i],
			   *z = &d->tok[j - 1];

	skip_letters(d, i, strip, &boff, &coff);
	e = ArArrayPush(l);
	e->kind = kind;
	e->byte_start = a->byte_start + boff;
	e->byte_len = z->byte_start + z->byte_len - e->byte_start;
	e->char_start = a->char_start + coff;
	e->char_len = z->char_start + z->char_len - e->char_start;
	e->canon_off = l->canon.len;
	e->canon_len = 0;
	if (d->whys)
	{
		if (l->n - d->first > d->whys_cap)
			d->whys = ArArrayGrow(d->whys, &d->whys_cap, l->n - d->first, 1);
		d->whys[l->n - 1 - d->first] = AR_NER_WHY_RULE;
	}
	return e;
}

/* Say why the entity just emitted was tagged (for the trained tagger). */
static void
tagged_because(EntDoc *d, uint8_t why)
{
	if (d->whys && d->out->n > d->first)
		d->whys[d->out->n - 1 - d->first] = why;
}

/* An entity whose canonical is the gazetteer entry ph's. */
static ArEntity *
emit_phrase(EntDoc *d, ArEntKind kind, size_t i, size_t j, int strip,
			const ArEntPhrase *ph)
{
	ArEntity   *e = emit(d, kind, i, j, strip);

	ArBufAppend(&d->out->canon, ent_blob + ph->canon_off, ph->canon_len);
	e->canon_len = ph->canon_len;
	tagged_because(d, AR_NER_WHY_GAZETTEER);
	return e;
}

/* An entity whose canonical is its own surface, normalized. */
static ArEntity *
emit_surface(EntDoc *d, ArEntKind kind, size_t i, size_t j, int strip)
{
	ArEntity   *e = emit(d, kind, i, j, strip);

	ArEntitiesSurfaceCanon(&d->out->canon, d->src, e->byte_start, e->byte_start + e->byte_len);
	e->canon_len = d->out->canon.len - e->canon_off;
	return e;
}

/* Append a copy of an earlier canonical (the buffer may move while it grows,
 * so reserve first and copy by offset). */
static void
append_canon_copy(ArEntityList *l, size_t off, size_t len)
{
	ArBufReserve(&l->canon, len);
	memmove(l->canon.data + l->canon.len, l->canon.data + off, len);
	l->canon.len += len;
	l->canon.data[l->canon.len] = '\0';
}

/* ----------------------------------------------------------------------
 * 5. People
 *
 * Coreference (a later bare surname resolves to the full name seen
 * earlier), and read_name: a person name read word by word from a context
 * (nothing, a title, a governing noun, a verb of saying).
 * ----------------------------------------------------------------------
 */

/* Can the last word of a name stand alone for the person later?  Not a
 * short word, a word never used so (الدين، الله), a function word, or the
 * word after a connector (عبد العظيم، بن علي). */
static bool
surname_for_coref(const EntDoc *d, size_t last)
{
	return d->tok[last].norm_len >= 4 &&
		!(word_flags(tok_norm(d, last), d->tok[last].norm_len) & (W_NOCOREF | W_STOP | W_CONNECT)) &&
		!(last > 0 && (word_flags(tok_norm(d, last - 1), d->tok[last - 1].norm_len) & W_CONNECT));
}

/* Remember a multi-word person so that a later bare surname resolves. */
static void
remember_person(EntDoc *d, size_t last, const ArEntity *e)
{
	EntPerson  *p;
	int			k;

	if (d->npersons >= MAX_PERSONS || !surname_for_coref(d, last))
		return;
	for (k = 0; k < d->npersons; k++)
		if (d->persons[k].last_len == d->tok[last].norm_len &&
			memcmp(d->norm.data + d->persons[k].last_off, tok_norm(d, last),
				   d->tok[last].norm_len) == 0)
			return;				/* the first full name with this surname wins */
	p = &d->persons[d->npersons++];
	p->last_off = d->tok[last].norm_off;
	p->last_len = d->tok[last].norm_len;
	p->canon_off = e->canon_off;
	p->canon_len = e->canon_len;
}

/* A person whose last name is word i (any reading), or NULL. */
static const EntPerson *
person_by_surname(const EntDoc *d, size_t i, int *strip)
{
	EntCand		c[MAX_CANDS];
	int			nc,
				k,
				p;

	if (d->npersons == 0)
		return NULL;
	nc = word_cands(d, i, true, c);
	for (p = d->npersons - 1; p >= 0; p--)
		for (k = 0; k < nc; k++)
			if (c[k].len == d->persons[p].last_len &&
				memcmp(c[k].s, d->norm.data + d->persons[p].last_off, c[k].len) == 0)
			{
				*strip = c[k].strip;
				return &d->persons[p];
			}
	return NULL;
}

/* Word i is the surname of person p named before: a person with p's
 * canonical. */
static void
emit_coref(EntDoc *d, size_t i, int strip, const EntPerson *p)
{
	ArEntity   *e = emit(d, AR_ENT_PER, i, i + 1, strip);

	append_canon_copy(d->out, p->canon_off, p->canon_len);
	e->canon_len = p->canon_len;
}

/* Emit a person over words [i, i+n) and remember it for coreference. */
static void
emit_person(EntDoc *d, size_t i, size_t n, int strip, const ArEntPhrase *known)
{
	ArEntity   *e;
	int			s2;
	const EntPerson *p;

	if (known)
	{
		e = emit_phrase(d, AR_ENT_PER, i, i + n, strip, known);
		if (n > 1 || memchr(ent_blob + known->canon_off, ' ', known->canon_len))
			remember_person(d, i + n - 1, e);
		return;
	}
	/* a single word that is the surname of someone named before */
	if (n == 1 && (p = person_by_surname(d, i, &s2)) != NULL)
	{
		emit_coref(d, i, s2, p);
		return;
	}
	e = emit_surface(d, AR_ENT_PER, i, i + n, strip);
	if (n > 1)
		remember_person(d, i + n - 1, e);
}

/* A word spelled like van/von/de/da/du that is no such particle here: فإن
 * (so, indeed) is written with its hamza, and after a real particle comes
 * a foreign name, never an article word. */
static bool
false_european_particle(const EntDoc *d, size_t i, const char *s, size_t len)
{
	return european_particle(s, len) &&
		(raw_has_hamza_alef(d, i) || (i + 1 < d->ntok && tok_has_article(d, i + 1)));
}

/* Classify word i (reading c) as part of a person name; NP_NONE ends the name. */
static NamePart
name_part(const EntDoc *d, size_t i, const char *s, size_t len, bool clitics)
{
	uint32_t	f = word_flags(s, len);
	EntMatch	m;

	if (f & W_STOP)
		return NP_NONE;
	if ((f & W_STOP_YA) && raw_ends_with_alef_maksura(d, i))
		return NP_NONE;
	if (phrase_at(d, i, clitics, &m) && m.ph->kind != AR_ENT_PER && m.ph->kind != AR_ENT_CLUB)
		return NP_NONE;
	if (f & W_CONNECT)
	{
		return false_european_particle(d, i, s, len) ? NP_NONE : NP_CONNECT;
	}
	if ((f & W_GIVEN) && !(f & W_WEAK))
		return NP_GIVEN;
	if (f & W_GIVEN)
		return NP_WEAK;
	if (f & W_SURNAME)
		return NP_SURNAME;
	if (len < 4)
		return NP_NONE;
	return NP_UNKNOWN;
}

/* A person name being read (read_name and its steps). */
typedef struct NameRead
{
	size_t		j;				/* the first word */
	NameCtx		ctx;
	size_t		k;				/* the next word */
	size_t		parts;			/* words taken, connectors included */
	size_t		words;			/* name words taken, connectors not counted */
	size_t		unknown;		/* unknown words taken */
	NamePart	prev;			/* the part of the last word taken */
	NamePart	first;			/* the part of the first word */
	bool		first_is_func;	/* the first word is mostly a function word (علي/على) */
	int		   *strip;			/* clitic letters peeled off word j */
	const ArEntPhrase **known;	/* the gazetteer entry of a known person */
} NameRead;

/* What a known person phrase inside a name does to the reading. */
typedef enum NameStep
{
	NS_NEXT,					/* taken: read on */
	NS_STOP,					/* the name ends here */
	NS_WHOLE					/* the phrase is the whole name */
} NameStep;

/* Take n words as the family name that closes the name. */
static void
close_with_surname(NameRead *r, size_t n)
{
	r->k += n;
	r->parts += n;
	r->prev = NP_SURNAME;
}

/* Take word k as part np of the name. */
static void
add_part(NameRead *r, NamePart np)
{
	if (r->parts == 0)
		r->first = np;
	if (np == NP_UNKNOWN)
		r->unknown++;
	if (np != NP_CONNECT)
		r->words++;
	/* the word after a connector acts as a given name (عبد الكريم الخطابي) */
	r->prev = (r->prev == NP_CONNECT && np == NP_UNKNOWN) ? NP_GIVEN : np;
	r->k++;
	r->parts++;
}

/* A known surname of m->ntok words may follow the name read so far: after a
 * given name, or after a first unknown word that a title or a verb of
 * saying introduced (الرئيس اوغو شافيز). */
static bool
known_surname_may_follow(const NameRead *r, const EntMatch *m)
{
	return r->words + m->ntok <= MAX_NAME_TOK + 1 &&
		((r->prev != NP_UNKNOWN && r->prev != NP_WEAK) ||
		 ((r->ctx == NC_TITLE || r->ctx == NC_SAY) && r->prev == NP_UNKNOWN && r->words == 1));
}

/* A known person phrase m at word k: a known full name, a known surname,
 * or a multi-word given name (عبد الله، رجب طيب). */
static NameStep
name_phrase(NameRead *r, const EntMatch *m)
{
	if (m->ph->canon_len > 0 && r->parts == 0)
	{
		*r->strip = m->strip;
		*r->known = m->ph;
		return NS_WHOLE;
	}
	if (m->ph->canon_len > 0)
	{
		/* حمدان بن محمد بن راشد آل مكتوم: after بن/ابن a known full name is
		 * the father's, still part of this name */
		if (r->prev == NP_CONNECT && r->parts + m->ntok <= MAX_NAME_CHAIN)
			close_with_surname(r, m->ntok);
		else if (known_surname_may_follow(r, m))
			close_with_surname(r, m->ntok);
		return NS_STOP;
	}
	if (r->parts == 0)
		*r->strip = m->strip;
	r->k += m->ntok;
	r->parts += m->ntok;
	r->words++;
	r->prev = r->first = NP_GIVEN;
	return NS_NEXT;
}

/* The first word with no context in front: only a given name or a
 * connector starts a name, under any of its clitic readings. */
static NamePart
first_part_bare(const EntDoc *d, NameRead *r)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, r->k, true, c),
				q;

	/* بيان is not ب + يان: peel clitics only off words we do not know */
	if (word_flags(c[0].s, c[0].len) & (W_STOP | W_SAY))
		nc = 1;
	for (q = 0; q < nc; q++)
	{
		NamePart	t = name_part(d, r->k, c[q].s, c[q].len, false);

		if (t == NP_GIVEN || t == NP_WEAK || t == NP_CONNECT)
		{
			*r->strip = c[q].strip;
			r->first_is_func = (word_flags(c[q].s, c[q].len) & W_FUNCNAME) != 0;
			return t;
		}
		if (word_flags(c[q].s, c[q].len) & (W_STOP | W_SAY))
			break;				/* وبدأ is و + بدأ, not و + ب + دأ */
	}
	return NP_NONE;
}

/* Begins with ب or ل: a preposition on a noun (بقليل، لمركز). */
static bool
bi_li_prefixed(const char *s, size_t len)
{
	return starts_with(s, len, AR_STR_BEH) || starts_with(s, len, AR_STR_LAM);
}

/* Could an unknown word after a verb of saying be its subject?  Not an
 * article word, a plural participle or a ب/ل noun. */
static bool
say_subject_shape(const char *s, size_t len)
{
	return !has_article(s, len) && !plural_participle(s, len) && !bi_li_prefixed(s, len);
}

/* May an unknown word open a name in context ctx?  After a title, yes;
 * after a verb of saying, when it has a subject's shape or is an ال family
 * name. */
static bool
unknown_may_start(NameCtx ctx, const char *s, size_t len)
{
	return ctx == NC_TITLE ||
		(ctx == NC_SAY && say_subject_shape(s, len)) ||
		(ctx == NC_SAY && al_family_name(s, len));
}

/* May an unknown word follow a lone weak given name?  Not after a function
 * word, and an article word only as a nisba (نور الشمس is no name). */
static bool
unknown_after_weak_first(const NameRead *r, const char *s, size_t len)
{
	return !r->first_is_func && (!has_article(s, len) || nisba_shape(s, len));
}

/* Does the previous part let an unknown word follow?  A given name or a
 * connector does; a title or verb of saying allows a second unknown word
 * without article. */
static bool
prev_takes_unknown(const NameRead *r, const char *s, size_t len)
{
	return r->prev == NP_GIVEN || r->prev == NP_WEAK || r->prev == NP_CONNECT ||
		((r->ctx == NC_SAY || r->ctx == NC_TITLE) && r->prev == NP_UNKNOWN &&
		 r->unknown < 2 && !has_article(s, len));
}

/* سالم مسعود العائدين: past two name words an article word must look like a
 * family name (a nisba or ال + given name). */
static bool
late_article_not_family(const NameRead *r, const char *s, size_t len)
{
	return r->parts >= 2 && r->prev != NP_CONNECT && has_article(s, len) &&
		!nisba_shape(s, len) && !al_given(s, len);
}

/* May the unknown word s join the name where the reading stands? */
static bool
unknown_may_join(const NameRead *r, const char *s, size_t len)
{
	if (r->parts == 0)
		return unknown_may_start(r->ctx, s, len);
	if (r->ctx == NC_NONE && r->parts == 1 && r->first == NP_WEAK)
		return unknown_after_weak_first(r, s, len);
	return prev_takes_unknown(r, s, len) && !late_article_not_family(r, s, len);
}

/* محمد مقلد المريخي: a nisba family name closes a name of a given name and
 * another name word. */
static bool
nisba_closes_given(const EntDoc *d, const NameRead *r, const char *s, size_t len)
{
	return r->parts >= 2 && r->prev == NP_UNKNOWN && r->first == NP_GIVEN &&
		has_article(s, len) && nisba_shape(s, len) && !clitic_reading_is_word(d, r->k);
}

/* An imperfect-verb shape that is no name here: only after a given name may
 * a long non-verb shape or a nisba pass (محمد نجمي، علي تركي). */
static bool
verb_not_name(const char *s, size_t len, bool after_given)
{
	return verb_like(s, len) &&
		!(after_given && len >= VERB_NAME_MIN && !verb_sure(s, len)) &&
		!(after_given && nisba_shape(s, len));
}

/* A proclitic-bearing word, unless a foreign بال name after a given name or
 * a و-initial name after a connector. */
static bool
clitic_not_name(const char *s, size_t len, NamePart prev, bool after_given)
{
	return clitic_bearing(s, len) &&
		!(after_given && foreign_bal(s, len)) &&
		!(prev == NP_CONNECT && waw_initial_name(s, len));
}

/* A noun shape (ة، نا، هم …) unless a ة/ات family name after a given name. */
static bool
noun_not_name(const char *s, size_t len, bool after_given)
{
	return common_shape(s, len) && !(after_given && taa_marbuta(s, len));
}

/* Right after a title: ب/ل + noun or an article word other than ال + given
 * name is what the title governs (الملك بقليل، التنفيذي لمركز). */
static bool
title_object(const NameRead *r, const char *s, size_t len)
{
	return r->parts == 0 && r->ctx == NC_TITLE &&
		(bi_li_prefixed(s, len) || (has_article(s, len) && !al_given(s, len)));
}

/* Is the unknown word s at k, allowed by position, still no name word? */
static bool
unknown_is_not_name(const EntDoc *d, const NameRead *r, const char *s, size_t len,
					bool after_given)
{
	return verb_not_name(s, len, after_given) ||
		(r->parts > 0 && adverbial(d, r->k, s, len)) ||
		(r->parts > 0 && common_ends_name(s, len, r->prev, after_given)) ||
		(r->parts == 0 && r->ctx == NC_SAY && common_word(s, len) != CW_NONE &&
		 !nisba_shape(s, len)) ||
		clitic_not_name(s, len, r->prev, after_given) ||
		(r->parts > 0 && raw_pronoun_suffix(d, r->k, s, len)) ||
		noun_not_name(s, len, after_given) ||
		title_object(r, s, len) ||
		clitic_reading_is_word(d, r->k);
}

/* سعيد محمد الكندي، أبو حمزة المصري: a nisba family name ends a name of two
 * words or more. */
static bool
nisba_ends_name(const NameRead *r, const char *s, size_t len)
{
	return r->parts >= 2 && r->prev != NP_CONNECT && has_article(s, len) &&
		nisba_shape(s, len) && !(word_flags(s, len) & W_STOP);
}

/*
 * Word k (as written, no clitics peeled) after the start of a name or after
 * a context: its part, or NP_CLOSE when it is the family name that closes
 * the name.
 */
static NamePart
next_part(const EntDoc *d, const NameRead *r)
{
	const char *s = tok_norm(d, r->k);
	size_t		len = d->tok[r->k].norm_len;
	bool		after_given = r->parts > 0 && r->prev == NP_GIVEN;
	NamePart	np = name_part(d, r->k, s, len, false);

	/* جون كندي، فيصل السويدي: a nisba right after a given name is the
	 * family name */
	if (np == NP_NONE && after_given && nat_surname(d, r->k, s, len))
		return NP_CLOSE;
	if (np == NP_UNKNOWN)
	{
		bool		ok = unknown_may_join(r, s, len);

		if (!ok && nisba_closes_given(d, r, s, len))
			return NP_CLOSE;
		return (!ok || unknown_is_not_name(d, r, s, len, after_given)) ? NP_NONE : NP_UNKNOWN;
	}
	if (np == NP_NONE && nisba_ends_name(r, s, len))
		return NP_CLOSE;
	if (np == NP_WEAK && r->parts == 0)
		return NP_GIVEN;		/* after a title or a verb of saying */
	if (np != NP_NONE && r->parts >= 2 && (word_flags(s, len) & W_FUNCNAME))
		return NP_NONE;			/* تيم سيباستيان علي ذلك: علي written for على */
	if (np == NP_SURNAME && r->parts == 0 && has_article(s, len) && !al_given(s, len))
		return NP_NONE;			/* الصحابي الجليل: a surname of someone else, an adjective here */
	return np;
}

/* A connector cannot end a name: drop every connector at the end (سعد بن
 * أبي). */
static void
drop_final_connectors(const EntDoc *d, NameRead *r)
{
	while (r->parts > 0 && r->prev == NP_CONNECT)
	{
		r->k--;
		r->parts--;
		r->prev = r->parts > 0 &&
			(word_flags(tok_norm(d, r->k - 1), d->tok[r->k - 1].norm_len) & W_CONNECT) &&
			r->k - 1 >= r->j ? NP_CONNECT : (r->parts > 0 ? NP_GIVEN : NP_NONE);
	}
}

/* محمد السادس، ألفونسو الثالث عشر: take a regnal ordinal after the name. */
static bool
add_regnal(const EntDoc *d, NameRead *r)
{
	size_t		k = r->k;

	if (k >= d->ntok || !d->tok[k].joined || r->prev == NP_UNKNOWN ||
		!(word_flags(tok_norm(d, k), d->tok[k].norm_len) & W_REGNAL))
		return false;
	r->k++;
	r->parts++;
	k = r->k;
	if (k < d->ntok && d->tok[k].joined &&
		word_is(tok_norm(d, k), d->tok[k].norm_len, AR_STR_AIN AR_STR_SHEEN AR_STR_REH))	/* عشر */
	{
		r->k++;
		r->parts++;
	}
	return true;
}

/* Is the finished reading no name after all? */
static bool
name_rejected(const EntDoc *d, const NameRead *r)
{
	/* ولد at the start is the verb "was born", not the connector of ولد الشيخ */
	if (r->first == NP_CONNECT && r->parts > 0 &&
		word_is(tok_norm(d, r->j), d->tok[r->j].norm_len, AR_STR_WAW AR_STR_LAM AR_STR_DAL))
		return true;
	/* a lone weak given name or connector is no name without a title */
	if (r->parts == 1 && r->ctx == NC_NONE && (r->first == NP_WEAK || r->first == NP_CONNECT))
		return true;
	/* after رئيس/وزير a name must start with a name word, not any noun */
	return r->ctx == NC_CONSTRUCT && r->first == NP_UNKNOWN;
}

/*
 * Read a person name starting at word j: given names and connectors (بن،
 * أبو، عبد …) freely; an unknown word after a given name or connector, or
 * first when the context allows it.  At most MAX_NAME_TOK name words.
 * Returns the number of words, 0 when there is no name; *strip is set for a
 * clitic on word j, *known to the gazetteer entry of a known person.
 */
static size_t
read_name(EntDoc *d, size_t j, NameCtx ctx, int *strip, const ArEntPhrase **known)
{
	NameRead	r = {0};
	EntMatch	m;

	r.j = r.k = j;
	r.ctx = ctx;
	r.strip = strip;
	r.known = known;

	*strip = 0;
	*known = NULL;
	while (r.k < d->ntok && r.words < MAX_NAME_TOK && r.parts < MAX_NAME_ALL)
	{
		NamePart	np;

		if (r.parts > 0 && !d->tok[r.k].joined)
			break;
		if (phrase_at(d, r.k, r.parts == 0 && ctx == NC_NONE, &m) && m.ph->kind == AR_ENT_PER)
		{
			NameStep	step = name_phrase(&r, &m);

			if (step == NS_WHOLE)
				return m.ntok;
			if (step == NS_STOP)
				break;
			continue;
		}
		np = (r.parts == 0 && ctx == NC_NONE) ? first_part_bare(d, &r) : next_part(d, &r);
		if (np == NP_CLOSE)
		{
			close_with_surname(&r, 1);
			break;
		}
		if (np == NP_NONE)
			break;
		add_part(&r, np);
	}
	drop_final_connectors(d, &r);
	if (r.parts == 0)
		return 0;
	if (add_regnal(d, &r))
		return r.parts;
	/* محمد ب.: an initial standing for the family name */
	if (r.k < d->ntok && d->tok[r.k].joined && r.prev != NP_CONNECT && initial_letter(d, r.k))
	{
		r.k++;
		r.parts++;
	}
	return name_rejected(d, &r) ? 0 : r.parts;
}

/* Is word k an unknown word of a name's shape, with nothing that makes it
 * a function word, a cue, an article word, a verb, a noun, an adjective or
 * a known phrase? */
static bool
bare_unknown_word(const EntDoc *d, size_t k, const char *s, size_t len)
{
	EntMatch	m;

	return len >= 4 &&
		!(word_flags(s, len) & (W_STOP | W_SAY | W_ORGCUE | W_LOCCUE | W_LOCDESC)) &&
		!has_article(s, len) && !verb_like(s, len) &&
		!clitic_bearing(s, len) && !common_shape(s, len) && !nisba_shape(s, len) &&
		!clitic_reading_is_word(d, k) && !phrase_at(d, k, true, &m);
}

/*
 * Words [i, i+n) (1-2 words, right after punctuation or at the start) that
 * stand between commas before a title: "، ارلن سبيكتر ، رئيس لجنة …".
 * Returns n, or 0.
 */
static size_t
apposition_name(const EntDoc *d, size_t i)
{
	size_t		n;
	EntMatch	m;

	if (d->tok[i].joined)
		return 0;
	for (n = 1; n <= 2 && i + n < d->ntok; n++)
	{
		size_t		k = i + n - 1;
		const char *s = tok_norm(d, k);
		size_t		len = d->tok[k].norm_len;

		if ((n > 1 && !d->tok[k].joined) || !bare_unknown_word(d, k, s, len))
			return 0;
		if (d->tok[k + 1].comma && phrase_at(d, k + 1, true, &m) &&
			(m.ph->kind == AR_ENT_TITLE || m.ph->kind == AR_ENT_TITLEC))
			return n;
	}
	return 0;
}

/*
 * Word i (after a و, or as written) is an unknown word of at least six
 * letters ending in a Slavic or Georgian family-name suffix (-سكي، -يتش،
 * -ينكو، -شفيلي): a person without any other clue; *strip is set.
 */
static bool
foreign_surname(const EntDoc *d, size_t i, int *strip)
{
	static const char *const endings[] = {
		AR_STR_SEEN AR_STR_KAF AR_STR_YEH,	/* سكي */
		AR_STR_YEH AR_STR_TEH AR_STR_SHEEN,	/* يتش */
		AR_STR_YEH AR_STR_NOON AR_STR_KAF AR_STR_WAW,	/* ينكو */
		AR_STR_SHEEN AR_STR_FEH AR_STR_YEH AR_STR_LAM AR_STR_YEH,	/* شفيلي */
		NULL
	};
	EntCand		c[MAX_CANDS];
	int			nc,
				q,
				k;
	EntMatch	m;
	const char *w = tok_norm(d, i);
	size_t		wl = d->tok[i].norm_len;

	/* cheap test first: the word as written ends in one of the suffixes */
	for (k = 0; endings[k]; k++)
		if (wl >= 12 && memcmp(w + wl - strlen(endings[k]), endings[k], strlen(endings[k])) == 0)
			break;
	if (endings[k] == NULL || phrase_at(d, i, true, &m))
		return false;
	nc = word_cands(d, i, true, c);
	/* without a و in front (وأوستروفسكي), else as written (فيشينسكي: V is
	 * written ف, so ف stays) */
	for (q = nc > 1 && starts_with(c[0].s, c[0].len, AR_STR_WAW) ? 1 : 0; q >= 0; q--)	/* و */
	{
		const char *s = c[q].s;
		size_t		len = c[q].len;

		if (len < 12 || has_article(s, len) ||
			word_flags(s, len) != 0)
			continue;
		for (k = 0; endings[k]; k++)
		{
			size_t		n = strlen(endings[k]);

			if (memcmp(s + len - n, endings[k], n) == 0)
			{
				*strip = c[q].strip;
				return true;
			}
		}
	}
	return false;
}

/* ----------------------------------------------------------------------
 * 6. Organizations and places
 *
 * Clubs named after their city, sports context, names after an
 * organization or place cue, government bodies with their country.
 * ----------------------------------------------------------------------
 */

/*
 * A place name followed at once by a masculine singular nationality
 * adjective (ليون الفرنسي، سسكا موسكو الروسي، قطر القطري) is a club or a
 * company: cities and countries are feminine in Arabic (ليون الفرنسية), so
 * the masculine agrees with an unwritten النادي/الفريق.  Places written with
 * the article are left alone: several are masculine themselves (العراق،
 * المغرب، الخليج العربي).
 */
static bool
club_after_place(const EntDoc *d, size_t i, const EntMatch *m)
{
	size_t		j = i + m->ntok;
	const char *canon = ent_blob + m->ph->canon_off;
	EntMatch	nat;


	if (has_article(canon, m->ph->canon_len))
		return false;
	if (i > 0 && d->tok[i].joined && m->strip == 0)
	{
		const char *p = tok_norm(d, i - 1);
		size_t		pl = d->tok[i - 1].norm_len;

		/* شمال أفريقيا الروماني، مطار عمان الأردني: the adjective goes with
		 * the noun in front */
		if (word_flags(p, pl) & (W_LOCDESC | W_LOCCUE | W_MASCHEAD))
			return false;
	}
	if (j >= d->ntok || !d->tok[j].joined || !phrase_at(d, j, false, &nat) ||
		nat.ph->kind != AR_ENT_NAT || nat.ntok != 1)
		return false;
	/* الفرنسي: the article and a final ي as written (not ية، يين، يون) */
	return tok_has_article(d, j) &&
		d->tok[j].byte_len >= 8 && raw_ends_with(d, j, AR_STR_YEH);
}

/*
 * Is there a sports word (W_SPORT: مباراة، الدوري، فاز …) among the
 * SPORT_WINDOW words before word i or after the n words from i?  It makes
 * a club named by an everyday word (النصر، الوحدة) a club.
 */
static bool
sports_context(const EntDoc *d, size_t i, size_t n)
{
	size_t		from = i > SPORT_WINDOW ? i - SPORT_WINDOW : 0,
				to = i + n + SPORT_WINDOW < d->ntok ? i + n + SPORT_WINDOW : d->ntok,
				k;

	for (k = from; k < to; k++)
		if ((k < i || k >= i + n) && (word_flags_cands(d, k, NULL) & W_SPORT))
			return true;
	return false;
}

/* معهد ماساشوستس للتكنولوجيا: one لل-word closes a head's name (the n
 * words before it taken). */
static bool
lil_word_closes_head(const EntDoc *d, size_t k, const char *s, size_t len, uint32_t f,
					 uint32_t cue, size_t n)
{
	return n > 0 && (cue & W_ORGHEAD) && starts_with(s, len, AR_STR_LAM AR_STR_LAM) && len >= 10 &&
		!(f & W_STOP) && !clitic_reading_is_word(d, k);
}

/* Word k (flags f) cannot be part of an organization's or place's own
 * name: a function word, a cue, a given name, a short word, a verb, a
 * clitic-bearing word or an adverb. */
static bool
never_in_cued_name(const EntDoc *d, size_t k, const char *s, size_t len, uint32_t f)
{
	return (f & (W_STOP | W_SAY | W_ORGCUE | W_LOCCUE | W_LOCDESC | W_GIVEN)) || len < 6 ||
		verb_like(s, len) || clitic_bearing(s, len) || clitic_reading_is_word(d, k) ||
		adverbial(d, k, s, len);
}

/* May a place be part of the name (اتحاد طنجة، جامعة بيونغ يانغ): after
 * its first word, or right after a head or an article-taking cue? */
static inline bool
place_may_join(uint32_t cue, size_t n)
{
	return n > 0 || (cue & (W_ORGHEAD | W_ORGART));
}

/* Does the phrase m at the next word end the name?  A known organization
 * first after a cue is read on its own, with its canonical (شركة
 * مايكروسوفت); any other phrase but a place that may join ends it. */
static bool
phrase_ends_cued_name(const EntMatch *m, uint32_t cue, size_t n)
{
	if (m->ph->kind == AR_ENT_ORG)
		return n == 0 && !(cue & W_ORGHEAD);
	return !(place_may_join(cue, n) && m->ph->kind == AR_ENT_LOC);
}

/* Does an article word end the name?  Unless after a head or first after
 * an article-taking cue; منطقة الجزاء، منطقة الحدود: an article noun after
 * منطقة. */
static bool
article_ends_cued_name(const char *s, size_t len, uint32_t cue, size_t n)
{
	return (!(cue & W_ORGHEAD) && (n > 0 || !(cue & (W_ORGART | W_LOCCUE)))) ||
		((cue & W_LOCAREA) && len > 8 && (word_flags(s + 4, len - 4) & W_COMMON));
}

/* Does a noun or adjective shape end the name?  صحيفة الحياة، قناة
 * الجزيرة: a media name may end in ة. */
static bool
shape_ends_cued_name(const char *s, size_t len, bool article, uint32_t cue, size_t n)
{
	return (common_shape(s, len) &&
			!(article && n == 0 && (cue & W_ORGART) && ends_with(s, len, AR_STR_HEH))) ||
		(n == 0 && nisba_shape(s, len) && !article);
}

/*
 * After an organization cue (شركة، صحيفة، فريق …) or a place cue (مدينة،
 * إقليم …) at word i: the words of the organization's or place's own name
 * (1-3, places 1-2), or 0.
 */
static size_t
org_after_cue(const EntDoc *d, size_t i, uint32_t cue)
{
	size_t		k = i + 1,
				n = 0;
	size_t		maxn = (cue & W_LOCCUE) ? 2 : 3;
	EntMatch	m;

	while (k < d->ntok && n < maxn && d->tok[k].joined)
	{
		const char *s = tok_norm(d, k);
		size_t		len = d->tok[k].norm_len;
		uint32_t	f = word_flags(s, len);
		bool		article = has_article(s, len);

		if (lil_word_closes_head(d, k, s, len, f, cue, n))
		{
			n++;
			break;
		}
		if (never_in_cued_name(d, k, s, len, f))
			break;
		if (phrase_at(d, k, false, &m))
		{
			if (phrase_ends_cued_name(&m, cue, n))
				break;
			if (m.ph->kind == AR_ENT_LOC && place_may_join(cue, n))
			{
				k += m.ntok;
				n += m.ntok;
				continue;
			}
		}
		if ((article && article_ends_cued_name(s, len, cue, n)) ||
			shape_ends_cued_name(s, len, article, cue, n))
			break;
		k++;
		n++;
	}
	return n;
}

/* The government body at words [i, i+n) followed by a nationality or a
 * country: one ORG, canonical "head (country)".  Returns the word after
 * it, or 0 when no country follows. */
static size_t
gov_body(EntDoc *d, size_t i, const EntMatch *head)
{
	size_t		j = i + head->ntok;
	EntMatch	m;
	ArEntity   *e;

	if (j < d->ntok && d->tok[j].joined && phrase_at(d, j, false, &m) &&
		(m.ph->kind == AR_ENT_NAT || m.ph->kind == AR_ENT_LOC))
	{
		e = emit(d, AR_ENT_ORG, i, j + m.ntok, head->strip);
		ArBufAppend(&d->out->canon, ent_blob + head->ph->canon_off, head->ph->canon_len);
		ArBufAppend(&d->out->canon, " (", 2);
		ArBufAppend(&d->out->canon, ent_blob + m.ph->canon_off, m.ph->canon_len);
		ArBufAppend(&d->out->canon, ")", 1);
		e->canon_len = d->out->canon.len - e->canon_off;
		tagged_because(d, AR_NER_WHY_CONVENTION);
		return j + m.ntok;
	}
	return 0;
}

/* ----------------------------------------------------------------------
 * 7. The pass
 *
 * Each tag_* looks at word i and returns the word after what it tagged,
 * or 0 when it does not apply (i + 1 is never 0); ArEntitiesExtract tries
 * them in turn at each word.
 * ----------------------------------------------------------------------
 */

/* حركة حماس، قطاع غزة: an organization or place phrase whose first word is
 * its descriptor and whose rest is the same entry; tagged without it. */
static size_t
tag_without_descriptor(EntDoc *d, size_t i, const EntMatch *m)
{
	const ArEntPhrase *ph = m->ph;
	uint32_t	desc = ph->kind == AR_ENT_ORG ? (W_ORGCUE | W_ORGDESC) : W_LOCDESC;
	EntMatch	inner;

	if (m->ntok > 1 && (word_flags_cands(d, i, NULL) & desc) &&
		phrase_at(d, i + 1, false, &inner) && inner.ntok == m->ntok - 1 &&
		inner.ph->kind == ph->kind && inner.ph->canon_off == ph->canon_off)
	{
		emit_phrase(d, ph->kind, i + 1, i + m->ntok, 0, ph);
		return i + m->ntok;
	}
	return 0;
}

/* A known organization or place. */
static size_t
tag_org_or_place(EntDoc *d, size_t i, const EntMatch *m)
{
	size_t		next = tag_without_descriptor(d, i, m);

	if (next > 0)
		return next;
	if (m->ph->kind == AR_ENT_LOC && club_after_place(d, i, m))
	{
		/* ليون الفرنسي، هامبورغ الألماني: a team, not the city */
		emit_surface(d, AR_ENT_ORG, i, i + m->ntok, m->strip);
		tagged_because(d, AR_NER_WHY_CONVENTION);
		return i + m->ntok;
	}
	emit_phrase(d, m->ph->kind, i, i + m->ntok, m->strip, m->ph);
	return i + m->ntok;
}

/* A person name read in context ctx at word j, when joined to what is in
 * front: tagged, and the word after it returned; else j. */
static size_t
tag_name_after(EntDoc *d, size_t j, NameCtx ctx)
{
	size_t		n;
	int			strip;
	const ArEntPhrase *known;

	if (j < d->ntok && d->tok[j].joined && (n = read_name(d, j, ctx, &strip, &known)) > 0)
	{
		emit_person(d, j, n, strip, known);
		return j + n;
	}
	return j;
}

/* A nationality adjective; المندوب الإسرائيلي دان غيلرمان: a name may
 * follow it. */
static size_t
tag_nationality(EntDoc *d, size_t i, const EntMatch *m)
{
	emit_phrase(d, m->ph->kind, i, i + m->ntok, m->strip, m->ph);
	return tag_name_after(d, i + m->ntok, NC_CONSTRUCT);
}

/* فاز النصر على الهلال: a club named by an everyday word, only in a sports
 * report. */
static size_t
tag_club(EntDoc *d, size_t i, const EntMatch *m)
{
	if (!sports_context(d, i, m->ntok))
		return 0;
	emit_phrase(d, AR_ENT_ORG, i, i + m->ntok, m->strip, m->ph);
	tagged_because(d, AR_NER_WHY_CONVENTION);
	return i + m->ntok;
}

/* A government-body head: with a country after it one ORG, alone an ORG
 * only when strong; consumed either way. */
static size_t
tag_gov(EntDoc *d, size_t i, const EntMatch *m)
{
	size_t		next = gov_body(d, i, m);

	if (next > 0)
		return next;
	if (m->ph->kind == AR_ENT_GOVSTRONG)
	{
		emit_phrase(d, AR_ENT_ORG, i, i + m->ntok, m->strip, m->ph);
		tagged_because(d, AR_NER_WHY_CONVENTION);
	}
	return i + m->ntok;
}

/* Can phrase kind modify a title (الرئيس الأمريكي، وزير خارجية فرنسا)? */
static bool
title_modifier(ArEntKind kind)
{
	return kind == AR_ENT_NAT || kind == AR_ENT_LOC || kind == AR_ENT_ORG ||
		kind == AR_ENT_GOV || kind == AR_ENT_GOVSTRONG;
}

/* A title, up to three modifiers (الرئيس الأمريكي، الأمين العام للناتو),
 * then the person's name. */
static size_t
tag_title(EntDoc *d, size_t i, const EntMatch *m)
{
	size_t		j = i + m->ntok;
	int			mods = 0;
	EntMatch	m2;

	while (mods < 3 && j < d->ntok && d->tok[j].joined &&
		   phrase_at(d, j, true, &m2) && title_modifier(m2.ph->kind))
	{
		if (m2.ph->kind != AR_ENT_GOV && m2.ph->kind != AR_ENT_GOVSTRONG)
			emit_phrase(d, m2.ph->kind, j, j + m2.ntok, m2.strip, m2.ph);
		j += m2.ntok;
		mods++;
	}
	return tag_name_after(d, j, m->ph->kind == AR_ENT_TITLEC ? NC_CONSTRUCT : NC_TITLE);
}

/* The longest gazetteer phrase at word i, by its kind. */
static size_t
tag_phrase(EntDoc *d, size_t i)
{
	EntMatch	m;

	if (!phrase_at(d, i, true, &m))
		return 0;
	switch ((ArEntKind) m.ph->kind)
	{
		case AR_ENT_PER:
			if (m.ph->canon_len == 0)
				return 0;		/* a multi-word given name: read_name reads it */
			emit_person(d, i, m.ntok, m.strip, m.ph);
			return i + m.ntok;
		case AR_ENT_ORG:
		case AR_ENT_LOC:
			return tag_org_or_place(d, i, &m);
		case AR_ENT_NAT:
			return tag_nationality(d, i, &m);
		case AR_ENT_CLUB:
			return tag_club(d, i, &m);
		case AR_ENT_GOV:
		case AR_ENT_GOVSTRONG:
			return tag_gov(d, i, &m);
		case AR_ENT_TITLE:
		case AR_ENT_TITLEC:
			return tag_title(d, i, &m);
		default:
			return 0;
	}
}

/* A bare surname of someone named before. */
static size_t
tag_known_surname(EntDoc *d, size_t i)
{
	int			strip;
	const EntPerson *p = person_by_surname(d, i, &strip);

	if (p == NULL)
		return 0;
	emit_coref(d, i, strip, p);
	return i + 1;
}

/* A person name with no context in front. */
static size_t
tag_bare_name(EntDoc *d, size_t i)
{
	size_t		n;
	int			strip;
	const ArEntPhrase *known;

	if ((n = read_name(d, i, NC_NONE, &strip, &known)) == 0)
		return 0;
	emit_person(d, i, n, strip, known);
	return i + n;
}

/* Is word i + 1 joined to word i and the start of a phrase *m of kind? */
static bool
phrase_after(const EntDoc *d, size_t i, ArEntKind kind, EntMatch *m)
{
	return i + 1 < d->ntok && d->tok[i + 1].joined &&
		phrase_at(d, i + 1, false, m) && m->ph->kind == kind;
}

/*
 * A head (منظمة، جامعة، اتحاد …) is part of the name it starts: before a
 * known organization, whose canonical it keeps (منظمة أوبك), or before a
 * name read after it (جامعة القاهرة، اتحاد الكتاب العرب).
 */
static size_t
tag_headed_org(EntDoc *d, size_t i, uint32_t f)
{
	EntMatch	m;
	bool		known;
	size_t		end,
				n;
	int			strip;

	if (!(f & W_ORGHEAD))
		return 0;
	if ((known = phrase_after(d, i, AR_ENT_ORG, &m)))
		end = i + 1 + m.ntok;
	else if ((n = org_after_cue(d, i, f)) > 0)
		end = i + 1 + n;
	else
		return 0;
	word_flags_cands(d, i, &strip);
	if (known)
		emit_phrase(d, AR_ENT_ORG, i, end, strip, m.ph);
	else
		emit_surface(d, AR_ENT_ORG, i, end, strip);
	return end;
}

/* Word k is an article adjective that is no phrase of its own (فريق
 * المغرب الفاسي: it completes the name). */
static bool
article_adjective(const EntDoc *d, size_t k)
{
	EntMatch	m;

	return k < d->ntok && d->tok[k].joined && tok_has_article(d, k) &&
		nisba_shape(tok_norm(d, k), d->tok[k].norm_len) && !phrase_at(d, k, false, &m);
}

/* صحيفة الشرق الأوسط، نادي قطر: a place name after an organization cue
 * names the organization. */
static size_t
tag_org_named_by_place(EntDoc *d, size_t i, uint32_t f)
{
	EntMatch	m;
	size_t		end;

	if (!(f & W_ORGCUE) || !phrase_after(d, i, AR_ENT_LOC, &m))
		return 0;
	end = i + 1 + m.ntok;
	if (article_adjective(d, end))
		end++;
	emit_surface(d, AR_ENT_ORG, i + 1, end, 0);
	return end;
}

/* شركة موتورولا، مدينة …: a cue, then the organization's or place's own
 * name (without the cue). */
static size_t
tag_cued_name(EntDoc *d, size_t i, uint32_t f)
{
	size_t		n;

	if (!(f & (W_ORGCUE | W_LOCCUE)) || (n = org_after_cue(d, i, f)) == 0)
		return 0;
	emit_surface(d, (f & W_LOCCUE) ? AR_ENT_LOC : AR_ENT_ORG, i + 1, i + 1 + n, 0);
	return i + 1 + n;
}

/* An organization or place cue at word i, then the name. */
static size_t
tag_after_cue(EntDoc *d, size_t i)
{
	uint32_t	f = word_flags_cands(d, i, NULL);
	size_t		next;

	if ((next = tag_headed_org(d, i, f)) > 0 ||
		(next = tag_org_named_by_place(d, i, f)) > 0)
		return next;
	return tag_cued_name(d, i, f);
}

/* ميلوسيفيتش، كفاشنيفسكي، تيموشينكو: Slavic family-name endings. */
static size_t
tag_foreign_surname(EntDoc *d, size_t i)
{
	int			strip;

	if (!foreign_surname(d, i, &strip))
		return 0;
	emit_person(d, i, 1, strip, NULL);
	tagged_because(d, AR_NER_WHY_SHAPE);
	return i + 1;
}

/* ، ارلن سبيكتر ، رئيس اللجنة: a name set off before a title. */
static size_t
tag_apposition(EntDoc *d, size_t i)
{
	size_t		n = apposition_name(d, i);

	if (n == 0)
		return 0;
	emit_person(d, i, n, 0, NULL);
	return i + n;
}

/* وقال فارس: a verb of saying, then its subject. */
static size_t
tag_say_subject(EntDoc *d, size_t i)
{
	size_t		next;

	if (i + 1 >= d->ntok || !d->tok[i + 1].joined || !says(d, i))
		return 0;
	next = tag_name_after(d, i + 1, NC_SAY);
	return next > i + 1 ? next : 0;
}

/* ----------------------------------------------------------------------
 * 8. The words for the trained tagger
 *
 * What the rules know about each word, as ner_features.h describes it.
 * ----------------------------------------------------------------------
 */

/*
 * What the readings of word i (ner_features.h) tell the tagger: its word
 * classes (as word_flags_cands), the bytes of proclitics its most peeled
 * reading removes (a reading built for لل counts its first ل only), and
 * the letters before a known word (وبرلين → 1; 0 when the word as
 * written is known or no reading is).
 */
static void
word_readings(const EntDoc *d, size_t i, ArNerWord *w, int *strip)
{
	EntCand		c[MAX_CANDS];
	int			nc = word_cands(d, i, true, c),
				k;
	const char *s = tok_norm(d, i);
	bool		known = false;

	w->flags = 0;
	w->bare_skip = 0;
	*strip = 0;
	for (k = 0; k < nc; k++)
	{
		const ArEntWord *f = word_find(c[k].s, c[k].len);

		if (f != NULL && !known)
		{
			*strip = c[k].strip;
			known = true;
		}
		if (f != NULL && w->flags == 0 && (f->flags & ~W_COMMON))
			w->flags = f->flags;
		if (k > 0 && c[k].s >= s && c[k].s < s + d->tok[i].norm_len)
			w->bare_skip = (uint32_t) (c[k].s - s);
	}
}

/* Mark the gazetteer phrases, longest first from the left. */
static void
mark_phrases(const EntDoc *d, ArNerWord *w)
{
	size_t		i = 0,
				k;
	EntMatch	m;

	while (i < d->ntok)
	{
		if (!phrase_at(d, i, true, &m))
		{
			i++;
			continue;
		}
		for (k = 0; k < m.ntok; k++)
			w[i + k].phrase = (uint8_t) (m.ph->kind * 2 + (k == 0 ? 1 : 2));
		i += m.ntok;
	}
}

/* The rules' BIO tag of each word, from the entities out->items[first…). */
static void
mark_rule_tags(const EntDoc *d, size_t first, ArNerWord *w)
{
	size_t		e,
				i = 0;

	for (e = first; e < d->out->n; e++)
	{
		const ArEntity *x = &d->out->items[e];
		size_t		end = x->byte_start + x->byte_len;
		int			b = x->kind == AR_ENT_NAT ? AR_NER_RULE_B_NAT : 1 + 2 * (int) x->kind;
		bool		begin = true;

		while (i < d->ntok && d->tok[i].byte_start + d->tok[i].byte_len <= x->byte_start)
			i++;
		for (; i < d->ntok && d->tok[i].byte_start < end; i++)
		{
			w[i].rule = (uint8_t) (begin ? b : b + 1);
			if (begin)
			{
				w[i].rule_ent = (int32_t) e;
				w[i].rule_why = d->whys[e - first];
			}
			begin = false;
		}
	}
}

static void
describe_words(const EntDoc *d, size_t first, ArNerWords *words)
{
	size_t		i,
				boff,
				coff;
	int			strip;

	words->n = 0;
	words->norm.len = 0;
	ArArrayReserve(words, d->ntok);
	ArBufAppend(&words->norm, d->norm.data, d->norm.len);
	for (i = 0; i < d->ntok; i++)
	{
		const EntTok *t = &d->tok[i];
		ArNerWord  *w = &words->items[words->n++];

		memset(w, 0, sizeof(*w));
		w->byte_start = t->byte_start;
		w->byte_len = t->byte_len;
		w->char_start = t->char_start;
		w->char_len = t->char_len;
		w->norm_off = t->norm_off;
		w->norm_len = (uint32_t) t->norm_len;
		word_readings(d, i, w, &strip);
		skip_letters(d, i, strip, &boff, &coff);
		w->name_byte_skip = (uint8_t) boff;
		w->name_char_skip = (uint8_t) coff;
		w->gap = i == 0 ? AR_NER_GAP_START : t->joined ? AR_NER_GAP_NONE :
			t->comma ? AR_NER_GAP_COMMA : AR_NER_GAP_OTHER;
		w->latin = (unsigned char) d->src[t->byte_start] < 0x80;
		w->rule_ent = -1;
	}
	mark_phrases(d, words->items);
	mark_rule_tags(d, first, words->items);
}

/* The rules' pass over the words of d. */
static void
rules_pass(EntDoc *d)
{
	size_t		i = 0;
	unsigned	steps = 0;

	while (i < d->ntok)
	{
		size_t		next;

		AR_CHECK_INTERRUPTS_EVERY(++steps);
		if ((next = tag_phrase(d, i)) == 0 &&
			(next = tag_known_surname(d, i)) == 0 &&
			(next = tag_bare_name(d, i)) == 0 &&
			(next = tag_after_cue(d, i)) == 0 &&
			(next = tag_foreign_surname(d, i)) == 0 &&
			(next = tag_apposition(d, i)) == 0 &&
			(next = tag_say_subject(d, i)) == 0)
			next = i + 1;
		i = next;
	}
}

/* Run the rules on s[0..len), appending to *out; with words, describe the
 * words for the trained tagger too. */
static void
run_rules(const char *s, size_t len, ArEntityList *out, ArNerWords *words)
{
	EntDoc		d;
	size_t		first = out->n;

	memset(&d, 0, sizeof(d));
	d.src = s;
	d.srclen = len;
	d.out = out;
	ArBufInit(&d.norm, len + 16);
	d.first = first;
	if (words)
	{
		d.whys_cap = 16;
		d.whys = ArAlloc(d.whys_cap);
	}
	collect_words(&d, s, len);
	d.memo = ArAlloc((d.ntok ? d.ntok : 1) * sizeof(EntMatch));
	d.memo_done = ArAlloc(d.ntok ? d.ntok : 1);
	memset(d.memo_done, 0, d.ntok);
	rules_pass(&d);
	if (words)
	{
		describe_words(&d, first, words);
		ArFree(d.whys);
	}
	ArFree(d.memo);
	ArFree(d.memo_done);
	ArFree(d.tok);
	ArFree(d.norm.data);
}

void
ArEntitiesRules(const char *s, size_t len, ArEntityList *out, ArNerWords *words)
{
	run_rules(s, len, out, words);
}

void
ArEntitiesExtract(const char *s, size_t len, ArEntityList *out)
{
	const ArNerModel *m = ArEntitiesModel();

	if (m == NULL)
		run_rules(s, len, out, NULL);
	else
		ArNerTagExtract(m, s, len, out);
}

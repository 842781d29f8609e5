/*
 * numlex.c — tokens plus lexicon look-ups for the number, date and pledge
 * grammars (see numlex.h).
 */
#include "numlex.h"

#include <string.h>

#include "normalize.h"
#include "utf8.h"

/* Longest folded word worth looking up; every lexicon word is shorter. */
#define LEX_MAX_WORD AR_LEX_MAX_WORD

/* FNV-1a, the hash data/gen_number_lexicon.py uses. */
static uint32_t
lex_hash(const char *s, size_t len)
{
	uint32_t	h = 0x811C9DC5u;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 0x01000193u;
	}
	return h;
}

/*
 * Most words are not in the lexicon.  A bitmap indexed by a cheap mix of a
 * word's length and its first and last four bytes, set for every key,
 * rejects nearly all of them before hashing; a word it rejects cannot equal
 * any key (equal words give equal indexes).  Built on first use from the
 * compiled table.
 */
#define LEX_FILTER_BITS 17
static uint8_t lex_filter[1u << (LEX_FILTER_BITS - 3)];
static bool lex_filter_ready;

static inline uint32_t
filter_index(const unsigned char *w, size_t len)
{
	uint32_t	a,
				b;

	memcpy(&a, w, 4);
	memcpy(&b, w + len - 4, 4);
	a = (a ^ (b * 0x9E3779B1u) ^ ((uint32_t) len * 0x85EBCA6Bu)) * 0xC2B2AE35u;
	return a >> (32 - LEX_FILTER_BITS);
}

static void
lex_filter_build(void)
{
	for (size_t k = 0; k < sizeof(ar_lex_keys) / sizeof(ar_lex_keys[0]); k++)
	{
		if (ar_lex_keys[k].len >= 4)
		{
			uint32_t	i = filter_index((const unsigned char *) ar_lex_keys[k].word,
										 ar_lex_keys[k].len);

			lex_filter[i >> 3] |= (uint8_t) (1u << (i & 7));
		}
	}
	lex_filter_ready = true;
}

/* Look a folded UTF-8 word up; returns the key index or -1. */
int
ArLexLookup(const char *word, size_t len)
{
	uint32_t	h;

	if (len == 0 || len > 255)
		return -1;
	if (len >= 4)
	{
		uint32_t	i = filter_index((const unsigned char *) word, len);

		if (!lex_filter_ready)
			lex_filter_build();
		if (!(lex_filter[i >> 3] & (1u << (i & 7))))
			return -1;
	}
	h = lex_hash(word, len) & (AR_LEX_SLOTS - 1);
	for (;;)
	{
		int			slot = ar_lex_slots[h];

		if (slot == 0)
			return -1;
		if (ar_lex_keys[slot - 1].len == len &&
			memcmp(ar_lex_keys[slot - 1].word, word, len) == 0)
			return slot - 1;
		h = (h + 1) & (AR_LEX_SLOTS - 1);
	}
}

/* UTF-8 of the proclitic letters, as they look after folding. */
#define U_WAW "و"
#define U_FEH "ف"
#define U_BEH "ب"
#define U_LAM "ل"
#define U_KAF "ك"
#define U_ALEF "ا"

/* Which proclitic the 2-byte folded letter at s is, or 0. */
static uint8_t
clitic_of(const char *s)
{
	if (memcmp(s, U_WAW, 2) == 0 || memcmp(s, U_FEH, 2) == 0)
		return AR_PRE_WA;
	if (memcmp(s, U_BEH, 2) == 0)
		return AR_PRE_BI;
	if (memcmp(s, U_LAM, 2) == 0)
		return AR_PRE_LI;
	if (memcmp(s, U_KAF, 2) == 0)
		return AR_PRE_KA;
	return 0;
}

/* Count the raw code points of the first n letters of an Arabic word,
 * including the marks that follow each of them. */
static void
raw_prefix(const unsigned char *s, size_t len, int n, uint8_t *chars, uint8_t *bytes)
{
	size_t		pos = 0;
	int			nch = 0;
	int			letters = 0;

	while (pos < len)
	{
		uint32_t	cp;
		int			k = ArUtf8Decode(s + pos, len - pos, &cp);

		if (!ArIsWordInternalMark(cp))
		{
			if (letters == n)
				break;
			letters++;
		}
		pos += k;
		nch++;
	}
	*chars = (uint8_t) nch;
	*bytes = (uint8_t) pos;
}

/* Fold an Arabic word into out (room for LEX_MAX_WORD bytes); -1 if too long.
 * Inline: it runs on every word of every text (lex_word), and a call per
 * word costs more than the copy ArLexFoldAt gets. */
static inline __attribute__((always_inline)) int
fold_word(const unsigned char *s, size_t len, char *out, bool *tanween)
{
	size_t		pos = 0;
	int			n = 0;

	*tanween = false;
	while (pos < len)
	{
		uint32_t	cp;
		uint32_t	f;
		int			k = ArUtf8Decode(s + pos, len - pos, &cp);

		pos += k;
		if (cp == AR_CP_FATHATAN)
			*tanween = true;
		f = ArNormalizeChar(cp, AR_NORM_DEFAULT);
		if (f == 0)
			continue;
		if (n + 4 > LEX_MAX_WORD)
			return -1;
		if (f < 0x80)
			out[n++] = (char) f;
		else if (f < 0x800)
		{
			out[n++] = (char) (0xC0 | (f >> 6));
			out[n++] = (char) (0x80 | (f & 0x3F));
		}
		else
			n += ArUtf8Encode(f, out + n);
	}
	return n;
}

/* The folded form of Arabic token i into out (room for AR_LEX_MAX_WORD
 * bytes): its length, or -1 (not an Arabic word, or longer than any key). */
int
ArLexFoldAt(const ArLexStream *ls, int i, char *out)
{
	const ArLexTok *t;
	bool		tanween;

	if (i < 0 || i >= ls->n || ls->toks[i].type != AR_TOK_ARABIC)
		return -1;
	t = &ls->toks[i];
	return fold_word((const unsigned char *) ls->buf + t->byte_start, t->byte_len, out, &tanween);
}

/* Fill the lexicon fields of an Arabic or Latin word token. */
static void
lex_word(ArLexStream *ls, ArLexTok *t)
{
	char		w[LEX_MAX_WORD + 8];
	const unsigned char *raw = (const unsigned char *) ls->buf + t->byte_start;
	int			n;

	t->key = t->skey = -1;
	t->pre = t->prechars = t->prebytes = 0;
	if (t->type == AR_TOK_LATIN)
	{
		/* Latin words: lower-case ASCII, looked up as they are */
		if (t->byte_len > 12)
			return;
		for (n = 0; n < (int) t->byte_len; n++)
		{
			char		c = raw[n];

			w[n] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
		}
		t->key = ArLexLookup(w, n);
		return;
	}
	n = fold_word(raw, t->byte_len, w, &t->tanween);
	if (n <= 0)
		return;
	t->key = ArLexLookup(w, n);
	/*
	 * Up to two proclitics (و ب ل ك ف; لل stands for ل + ال), even after a
	 * whole-word hit: وأحد folds to واحد (one), but after a number it is
	 * و + أحد (مائة وأحد عشر).
	 */
	{
		int			off = 0;
		uint8_t		pre = 0;

		for (int round = 0; round < 2 && n - off - 2 > 4; round++)
		{
			uint8_t		c = clitic_of(w + off);
			int			k;

			if (c == 0 || (pre & c) || (round == 1 && !(pre & AR_PRE_WA)))
				break;
			pre |= c;
			off += 2;
			k = ArLexLookup(w + off, n - off);
			if (k < 0 && c == AR_PRE_LI && memcmp(w + off, U_LAM, 2) == 0)
			{
				char		tmp[LEX_MAX_WORD + 8];

				memcpy(tmp, U_ALEF, 2);
				memcpy(tmp + 2, w + off, n - off);
				k = ArLexLookup(tmp, n - off + 2);
			}
			if (k >= 0)
			{
				t->skey = k;
				t->pre = pre;
				raw_prefix(raw, t->byte_len, off / 2, &t->prechars, &t->prebytes);
				return;
			}
		}
	}
}

/* Tokenize and look up buf[0..len). */
void
ArLexStreamInit(ArLexStream *ls, const char *buf, size_t len)
{
	ArTokenizer tz;
	ArToken		tok;
	bool		space = false;
	bool		brk = true;

	ls->buf = buf;
	ls->len = len;
	ls->n = 0;
	ls->cap = 64;
	ls->toks = ArAlloc(sizeof(ArLexTok) * ls->cap);
	ArTokenizerInit(&tz, buf, len);
	while (ArTokenizerNext(&tz, &tok))
	{
		ArLexTok   *t;

		if (tok.type == AR_TOK_SPACE)
		{
			space = true;
			if (memchr(buf + tok.byte_start, '\n', tok.byte_len))
				brk = true;
			continue;
		}
		if (ls->n == ls->cap)
		{
			ls->cap *= 2;
			ls->toks = ArRealloc(ls->toks, sizeof(ArLexTok) * ls->cap);
		}
		t = &ls->toks[ls->n++];
		memset(t, 0, sizeof(*t));
		t->type = tok.type;
		t->byte_start = tok.byte_start;
		t->byte_len = tok.byte_len;
		t->char_start = tok.char_start;
		t->char_len = tok.char_len;
		t->has_decimal = tok.has_decimal;
		t->space_before = space;
		t->break_before = brk;
		t->key = t->skey = -1;
		ArUtf8Decode((const unsigned char *) buf + tok.byte_start, tok.byte_len, &t->first_cp);
		if (tok.type == AR_TOK_ARABIC || tok.type == AR_TOK_LATIN)
			lex_word(ls, t);
		space = false;
		brk = false;
		if (tok.type == AR_TOK_PUNCT && tok.byte_len == 1 &&
			(buf[tok.byte_start] == '.' || buf[tok.byte_start] == '!' ||
			 buf[tok.byte_start] == '?'))
			brk = true;
		else if (tok.type == AR_TOK_PUNCT && t->first_cp == AR_CP_QUESTION)
			brk = true;
	}
}

void
ArLexStreamFree(ArLexStream *ls)
{
	ArFree(ls->toks);
	ls->toks = NULL;
	ls->n = ls->cap = 0;
}

/* The first entry of class cls in key k, or NULL. */
static const ArLexEntry *
key_find(int k, int cls)
{
	if (k < 0)
		return NULL;
	for (int i = 0; i < AR_LEX_COUNT(k); i++)
		if (AR_LEX_ENTRIES(k)[i].cls == cls)
			return &AR_LEX_ENTRIES(k)[i];
	return NULL;
}

const ArLexEntry *
ArLexFind(const ArLexTok *t, int cls)
{
	return key_find(t->key, cls);
}

const ArLexEntry *
ArLexFindStripped(const ArLexTok *t, int cls, uint8_t *pre)
{
	const ArLexEntry *e = key_find(t->key, cls);

	if (e)
	{
		if (pre)
			*pre = 0;
		return e;
	}
	e = key_find(t->skey, cls);
	if (e && pre)
		*pre = t->pre;
	return e;
}

bool
ArLexKnown(const ArLexTok *t)
{
	return t->key >= 0 || t->skey >= 0;
}

bool
ArLexIsPunct(const ArLexStream *ls, int i, uint32_t cp)
{
	if (i < 0 || i >= ls->n)
		return false;
	return (ls->toks[i].type == AR_TOK_PUNCT || ls->toks[i].type == AR_TOK_SYMBOL) &&
		ls->toks[i].char_len == 1 && ls->toks[i].first_cp == cp;
}

/*
 * pg_dict.c — the arabic_news_stem text search dictionary template.
 *
 * Shaped like PostgreSQL's dict_snowball: options are parsed and validated
 * first, stopwords come from a DATA_TSEARCH file (data/arabic_news.stop),
 * a stopword gives an empty lexeme (so phrase queries keep positions), and
 * over-long words are returned without stemming.  Each token is normalized
 * with the same core function as ar_normalize (ArNormalize, default folds)
 * and then stemmed by the core light stemmer (src/core/stem.c); numbers
 * come out as plain ASCII ("٣٬٥٠٠٫٢٥" → "3500.25").
 *
 * A stem that is not common in news also gets its rarity mark ("#" and
 * three hex digits, src/core/rare.h) at the same position, so that a rare
 * query word counts twice in ts_rank; option RareMarks = false turns the
 * marks off.
 *
 * Per token the work is one normalization into a buffer kept with the
 * dictionary, a stopword look-up, a stemmer pass that only moves two
 * indexes and a rarity test (a hash and two bit reads); the only
 * allocations are the ones the API needs (the result array, the lexeme
 * and, for a rare stem, its mark).
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_public.h"
#include "catalog/pg_collation.h"
#include "utils/builtins.h"
#include "utils/formatting.h"

#include <unistd.h>

#include "normalize.h"
#include "numbers.h"
#include "pg_common.h"
#include "rare.h"
#include "stem.h"
#include "tokenize.h"

/* Words longer than this (in bytes) are normalized but not stemmed. */
#define AR_DICT_MAX_STEM_BYTES 1000

/*
 * Stopwords in an open-addressing hash set (searchstoplist's binary search
 * of strcmp calls was the single largest cost of lexize).
 */
typedef struct ArStopSet
{
	const char **slot;			/* NULL = empty; entries are NUL-terminated */
	uint32		mask;			/* table size - 1 (size is a power of two) */
} ArStopSet;

typedef struct ArDict
{
	ArStopSet	stop;
	bool		stemming;		/* false: normalize only */
	bool		rare_marks;		/* rare stems get a rarity mark (rare.h) */
	ArBuf		buf;			/* normalization scratch, lives with the dict */
} ArDict;

/* Build the hash set from a loaded StopList (in the current context). */
static void
stopset_build(ArStopSet *set, const StopList *list)
{
	uint32		size = 16;
	int			i;

	while (size < (uint32) list->len * 2 + 1)
		size <<= 1;
	set->slot = palloc0(sizeof(char *) * size);
	set->mask = size - 1;
	for (i = 0; i < list->len; i++)
	{
		const char *w = list->stop[i];
		uint32		h = ArHashQuick(w, strlen(w)) & set->mask;

		while (set->slot[h] != NULL && strcmp(set->slot[h], w) != 0)
			h = (h + 1) & set->mask;
		set->slot[h] = w;
	}
}

/* True when s[0..len) is a stopword. */
static inline bool
stopset_has(const ArStopSet *set, const char *s, size_t len)
{
	uint32		h = ArHashQuick(s, len) & set->mask;
	const char *w;

	while ((w = set->slot[h]) != NULL)
	{
		if (strncmp(w, s, len) == 0 && w[len] == '\0')
			return true;
		h = (h + 1) & set->mask;
	}
	return false;
}

PG_FUNCTION_INFO_V1(ar_dict_init);
PG_FUNCTION_INFO_V1(ar_dict_lexize);
PG_FUNCTION_INFO_V1(ar_numdict_lexize);

/* Normalize a stopword-file line the way tokens are normalized. */
static char *
normalize_stopword(const char *word
#if PG_VERSION_NUM >= 180000
				   ,size_t len, Oid collation
#endif
)
{
	ArBuf		b;
	char	   *res;

	ArBufInit(&b, strlen(word) + 1);
	ArNormalize(word, strlen(word), AR_NORM_DEFAULT, &b);
	res = pnstrdup(b.data, b.len);
	ArFree(b.data);
	return res;
}

/*
 * Lower-case a word that is not Arabic (other-script words reach this
 * dictionary as "word" tokens): ASCII in place; anything else through
 * str_tolower.  Returns the word to use, *len updated.  Arabic letters
 * (lead bytes D8–DB) have no case and skip all of this.
 */
static char *
lower_non_arabic(char *s, size_t *len)
{
	size_t		i;
	bool		other = false;

	for (i = 0; i < *len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			s[i] = (char) (c + ('a' - 'A'));
		else if (c >= 0xC0 && (c < 0xD8 || c > 0xDB))
			other = true;
	}
	if (other)
	{
		char	   *low = str_tolower(s, *len, DEFAULT_COLLATION_OID);

		*len = strlen(low);
		return low;
	}
	return s;
}

/*
 * A missing list is a user mistake: say which name was not found without
 * the server's file system path (which readstoplist would print).
 */
static void
check_stopword_file(const char *name)
{
	char	   *path;

	if (name[0] == '\0')
		return;
	path = get_tsearch_config_filename(name, "stop");
	if (access(path, R_OK) != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("stopword list \"%s\" not found", name),
				errdetail("Stopword lists are files named \"%s.stop\" in the tsearch_data directory of the server's share directory.", name),
				errhint("Use StopWords = arabic_news for the list shipped with arabic_news, or StopWords = '' for none."));
	pfree(path);
}

/*
 * A Boolean option (Stemming, RareMarks): given once, with a value that
 * parse_bool reads; the error names the option as the user wrote it.
 */
static void
bool_option(DefElem *defel, const char *name, bool *seen, bool *value)
{
	if (*seen)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("multiple %s parameters", name),
				errhint("Give %s once.", name));
	if (defel->arg == NULL || !parse_bool(defGetString(defel), value))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid value for %s parameter: \"%s\"",
					   name, defel->arg ? defGetString(defel) : ""),
				errhint("%s takes a Boolean value: true or false.", name));
	*seen = true;
}

/* INIT: parse and check the options, load the stopwords. */
Datum
ar_dict_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	ArDict	   *d;
	bool		stopwords_seen = false,
				stemming_seen = false,
				marks_seen = false;
	ListCell   *l;

	ArRequireUtf8();
	d = palloc0(sizeof(ArDict));
	d->stemming = true;
	d->rare_marks = true;

	foreach(l, options)
	{
		DefElem    *defel = (DefElem *) lfirst(l);

		if (strcmp(defel->defname, "stopwords") == 0)
		{
			StopList	list;

			if (stopwords_seen)
				ereport(ERROR,
						errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("multiple StopWords parameters"),
						errhint("Give StopWords once."));
			check_stopword_file(defGetString(defel));
			readstoplist(defGetString(defel), &list, normalize_stopword);
			stopset_build(&d->stop, &list);
			stopwords_seen = true;
		}
		else if (strcmp(defel->defname, "stemming") == 0)
			bool_option(defel, "Stemming", &stemming_seen, &d->stemming);
		else if (strcmp(defel->defname, "raremarks") == 0)
			bool_option(defel, "RareMarks", &marks_seen, &d->rare_marks);
		else
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unrecognized arabic_news_stem parameter: \"%s\"",
						   defel->defname),
					errdetail("Valid parameters are StopWords, Stemming and RareMarks."));
	}
	if (!stopwords_seen)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("missing StopWords parameter"),
				errhint("Use StopWords = arabic_news for the shipped list, or StopWords = '' for none."));

	/* the scratch buffer is allocated here, in the dictionary's context */
	ArBufInit(&d->buf, 128);
	PG_RETURN_POINTER(d);
}

/* True when bytes s[0..n) end with the UTF-8 letters of suf. */
static bool
ends_with_bytes(const char *s, size_t n, const char *suf)
{
	size_t		k = strlen(suf);

	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/*
 * How many bytes of the article ArStem took off the front of word: the
 * prefix it removed, when that ends in ال or لل (ال, وال, بال, لل, وبال …);
 * 0 when no article came off.  stem must point into word.
 */
static size_t
article_prefix_len(const char *word, size_t wlen, const char *stem, size_t slen)
{
	size_t		pre;

	if (stem < word || stem + slen > word + wlen)
		return 0;				/* a listed stem, not a substring */
	pre = (size_t) (stem - word);
	if (ends_with_bytes(word, pre, "ال") || ends_with_bytes(word, pre, "لل"))
		return pre;
	return 0;
}

/* True when ArStem took a plural or dual ending (ات ون ين ان) off word. */
static bool
stripped_plural(const char *word, size_t wlen, const char *stem, size_t slen)
{
	if (stem < word || stem + slen > word + wlen || stem + slen == word + wlen)
		return false;
	return ends_with_bytes(word, wlen, "ات") || ends_with_bytes(word, wlen, "ون") ||
		ends_with_bytes(word, wlen, "ين") || ends_with_bytes(word, wlen, "ان");
}

/*
 * The lexeme of one word or number token: normalized, stemmed; NULL for a
 * stopword or a token that normalizes to nothing.  When mark is not NULL
 * and the stem is a rare Arabic lexeme, its rarity mark is written there
 * (src/core/rare.h); otherwise mark[0] is set to '\0'.
 */
static char *
lexize_word(ArDict *d, const char *in, size_t len, char *mark)
{
	char	   *word;
	size_t		wlen;

	d->buf.len = 0;
	ArNormalize(in, len, AR_NORM_DEFAULT, &d->buf);
	ArBufAppendChar(&d->buf, '\0');
	word = d->buf.data;
	wlen = d->buf.len - 1;
	if (mark)
		mark[0] = '\0';

	if (wlen == 0)
		return NULL;			/* nothing left: like a stopword */

	if (word[0] >= '0' && word[0] <= '9')
	{
		/* a number: ASCII digits, '.' decimal point, no group separators */
		char	   *num = palloc(wlen + 1);
		size_t		n = ArNumberTokenAscii(word, wlen, num);

		num[n] = '\0';
		return num;
	}

	word = lower_non_arabic(word, &wlen);
	if (stopset_has(&d->stop, word, wlen))
		return NULL;

	if (d->stemming && wlen <= AR_DICT_MAX_STEM_BYTES)
	{
		size_t		slen;
		const char *stem = ArStem(word, wlen, &slen);

		/*
		 * A function word with a pronoun or particle attached (بعدها, قبله,
		 * كلهم) is still a function word: test the stem against the list too.
		 * Function words take no article and no plural ending, so a stem
		 * that only looks like one after ال or ات came off is a noun
		 * (الأحد ≠ أحد, الإمام ≠ أمام).
		 */
		if (slen != wlen && stopset_has(&d->stop, stem, slen))
		{
			size_t		art = article_prefix_len(word, wlen, stem, slen);

			if (art == 0)
			{
				if (!stripped_plural(word, wlen, stem, slen))
					return NULL;
			}
			else
			{
				/*
				 * A listed stopword with the article (الرغم, البعض, الأول)
				 * stays one with a particle in front too: بالرغم, للبعض.
				 */
				char		tmp[AR_DICT_MAX_STEM_BYTES + 4];
				size_t		rest = wlen - art;

				memcpy(tmp, "ال", 4);
				memcpy(tmp + 4, word + art, rest);
				if (stopset_has(&d->stop, tmp, rest + 4))
					return NULL;
			}
		}
		if (mark)
			ArRareMark(stem, slen, mark);
		return pnstrdup(stem, slen);
	}
	return pnstrdup(word, wlen);
}

/* LEXIZE: normalize, drop stopwords, stem. */
Datum
ar_dict_lexize(PG_FUNCTION_ARGS)
{
	ArDict	   *d = (ArDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 4);
	char		mark[AR_RARE_MARK_LEN + 1] = "";

	res[0].lexeme = lexize_word(d, in, (size_t) len, d->rare_marks ? mark : NULL);

	/*
	 * A rare lexeme gets its rarity mark at the same position, so it counts
	 * twice in ts_rank.  Two variants, (stem & mark) | stem: a tsvector
	 * stores the stem once and the mark, a query ranks with both, but
	 * matches exactly the passages with the stem.  A prefix query (حكو:*)
	 * therefore still finds common words, whose stems carry no mark.
	 */
	if (mark[0] != '\0')
	{
		res[0].nvariant = 1;
		res[1].lexeme = pnstrdup(mark, AR_RARE_MARK_LEN);
		res[1].nvariant = 1;
		res[2].lexeme = pstrdup(res[0].lexeme);
		res[2].nvariant = 2;
	}
	PG_RETURN_POINTER(res);
}

/*
 * LEXIZE of arabic_news_number, for the parser's money, percentage and
 * numexpr tokens (a whole number expression such as "ملياري يورو").  The
 * expression is read again by the number grammar (numbers.c — the same
 * code as ar_numbers) and gives, at one position, two variants:
 *   1. its canonical lexeme: for money the ISO code with the value
 *      ("EUR:2000000000"), for a percentage the value with a sign ("5%"),
 *      otherwise the value in plain digits ("3");
 *   2. for money and percentages the plain value ("2000000000", "5"), and
 *      the lexemes arabic_news_stem gives the words ("ملياري", "يورو").
 * A tsvector stores every lexeme, so a search for the words alone still
 * finds the expression.  In a tsquery the variants are ORed and the
 * lexemes of a variant ANDed: "ملياري يورو", "2 مليار يورو", "€2bn" and
 * "2000000000 يورو" all give 'EUR:2000000000' | (…) and find one another.
 * An expression the grammar gives no value for yields its word lexemes.
 */
Datum
ar_numdict_lexize(PG_FUNCTION_ARGS)
{
	ArDict	   *d = (ArDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	ArLexStream ls;
	ArNumList	nums;
	ArTokenizer tz;
	ArToken		tok;
	TSLexeme   *res;
	int			n = 0,
				cap = 8;
	char	   *v = NULL;

	res = palloc0(sizeof(TSLexeme) * cap);
	ArLexStreamInit(&ls, in, (size_t) len);
	ArNumListInit(&nums);
	ArNumbersExtract(&ls, &nums);
	if (nums.n > 0)
		v = ArNumValString(&nums.items[0].val);
	if (v)
	{
		const ArNumItem *it = &nums.items[0];

		res[n].nvariant = 1;
		if (it->kind == AR_NUM_MONEY && it->unit)
			res[n++].lexeme = psprintf("%s:%s", it->unit, v);
		else if (it->kind == AR_NUM_PERCENT)
			res[n++].lexeme = psprintf("%s%%", v);
		else
			res[n++].lexeme = pstrdup(v);
		if (n == 1 && strcmp(res[0].lexeme, v) != 0)
		{
			res[n].nvariant = 2;
			res[n++].lexeme = pstrdup(v);
		}
	}
	ArNumListFree(&nums);
	ArLexStreamFree(&ls);

	/* the words of the expression, as arabic_news_stem gives them */
	ArTokenizerInit(&tz, in, (size_t) len);
	while (ArTokenizerNext(&tz, &tok))
	{
		char	   *lx;

		if (tok.type != AR_TOK_ARABIC && tok.type != AR_TOK_LATIN &&
			tok.type != AR_TOK_WORD && tok.type != AR_TOK_NUMBER)
			continue;
		lx = lexize_word(d, in + tok.byte_start, tok.byte_len, NULL);
		if (lx == NULL)
			continue;
		{
			/* once per expression: a query must not repeat an operand */
			bool		seen = false;

			for (int i = 0; i < n && !seen; i++)
				seen = strcmp(res[i].lexeme, lx) == 0;
			if (seen)
				continue;
		}
		if (n + 2 >= cap)
		{
			res = repalloc(res, sizeof(TSLexeme) * cap * 2);
			memset(res + cap, 0, sizeof(TSLexeme) * cap);
			cap *= 2;
		}
		res[n].nvariant = v ? 2 : 1;
		res[n++].lexeme = lx;
	}
	res[n].lexeme = NULL;
	PG_RETURN_POINTER(res);
}

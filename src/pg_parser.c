/*
 * pg_parser.c — the arabic_news text search parser.
 *
 * A thin wrapper around the core tokenizer (src/core/tokenize.c), shaped
 * like PostgreSQL's default parser (wparser_def.c): start / gettoken / end
 * / lextype, tokens handed back as pointer + byte length into the caller's
 * buffer, and a static {id, alias, description} table.  Token ids reuse
 * the default parser's where the meaning matches, so prsd_headline (our
 * HEADLINE function), ts_debug and "ALTER ... MAPPING FOR word" behave as
 * users expect; Arabic-specific types come after the default ones (> 23).
 *
 * Number expressions are found by the number grammar itself (numbers.c,
 * the one behind ar_numbers): the parser walks the grammar's token stream
 * (numlex.c) instead of running the tokenizer a second time, and hands a
 * whole amount of money ("ملياري يورو", "€2bn"), a whole percentage
 * ("خمسة في المائة", "5%") and a number written in words or with a scale
 * word ("ثلاثة", "3.5 مليار") to the configuration as ONE token of type
 * money, percentage or numexpr; the arabic_news_number dictionary gives it
 * its canonical lexemes.  The spaces between tokens come back as blank
 * tokens, so headlines rebuild the text exactly.
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

#include "pg_common.h"
#include "numbers.h"
#include "tokenize.h"

/*
 * Token ids; 1–23 mean what they mean in the default parser.  A URL is not
 * id 5: the default parser also emits a URL's host and path as tokens of
 * their own, so prsd_headline skips id 5 — ours is one whole token, which
 * would vanish from headlines under that id.
 */
#define TOK_ASCIIWORD	1
#define TOK_WORD		2
#define TOK_NUMWORD		3
#define TOK_EMAIL		4
#define TOK_BLANK		12
#define TOK_FLOAT		20
#define TOK_UINT		22
#define TOK_CLITIC		24
#define TOK_PERCENT		25
#define TOK_URL			26
#define TOK_MONEY		27
#define TOK_PERCENTAGE	28
#define TOK_NUMEXPR		29

static const struct
{
	int			id;
	const char *alias;
	const char *descr;
}			token_types[] =
{
	{TOK_ASCIIWORD, "asciiword", "Word, all ASCII"},
	{TOK_WORD, "word", "Word, all letters (Arabic and other scripts)"},
	{TOK_NUMWORD, "numword", "Word, letters and digits"},
	{TOK_EMAIL, "email", "Email address"},
	{TOK_BLANK, "blank", "Space symbols"},
	{TOK_FLOAT, "float", "Decimal notation"},
	{TOK_UINT, "uint", "Unsigned integer"},
	{TOK_CLITIC, "clitic", "Arabic proclitic glued to a number"},
	{TOK_PERCENT, "percent", "Percent sign"},
	{TOK_URL, "url", "URL, whole"},
	{TOK_MONEY, "money", "Amount of money, digits or words, with its currency"},
	{TOK_PERCENTAGE, "percentage", "Percentage, digits or words, with its sign or words"},
	{TOK_NUMEXPR, "numexpr", "Number in words or with a scale word"},
};

#define N_TOKEN_TYPES (sizeof(token_types) / sizeof(token_types[0]))

/* A number expression: tokens first..last of the stream, one parser token. */
typedef struct ArNumSpan
{
	int			first;
	int			last;
	int			id;
} ArNumSpan;

typedef struct ArParserState
{
	ArLexStream ls;
	const char *buf;
	size_t		len;
	size_t		pos;			/* bytes handed back so far */
	int			next;			/* next token of the stream */
	ArNumSpan  *spans;			/* in text order, not overlapping */
	int			nspans;
	int			span;			/* next span */
} ArParserState;

PG_FUNCTION_INFO_V1(ar_parser_start);
PG_FUNCTION_INFO_V1(ar_parser_gettoken);
PG_FUNCTION_INFO_V1(ar_parser_end);
PG_FUNCTION_INFO_V1(ar_parser_lextype);

/* Map a Latin token to asciiword, numword or word. */
static int
latin_token_id(const char *s, size_t len)
{
	bool		ascii = true,
				digit = false;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x80)
			ascii = false;
		else if (c >= '0' && c <= '9')
			digit = true;
	}
	if (digit)
		return TOK_NUMWORD;
	return ascii ? TOK_ASCIIWORD : TOK_WORD;
}

/*
 * The number expressions of the stream as token spans: money and
 * percentages with their unit words; numbers, counts and durations written
 * in words or over several tokens, without the counted noun.  Ordinals,
 * years and times keep their ordinary tokens.
 */
static void
find_number_spans(ArParserState *st)
{
	const ArLexStream *ls = &st->ls;
	ArNumList	nums;
	int			k = 0,
				prev_last = -1;

	ArNumListInit(&nums);
	ArNumbersExtract(ls, &nums);
	st->spans = palloc(sizeof(ArNumSpan) * (nums.n + 1));
	st->nspans = 0;
	for (int i = 0; i < nums.n; i++)
	{
		const ArNumItem *it = &nums.items[i];
		ArNumSpan	sp;

		if (it->kind == AR_NUM_MONEY || it->kind == AR_NUM_PERCENT)
		{
			/* the tokens the surface covers (a currency sign may come first) */
			while (k < ls->n && ls->toks[k].byte_start + ls->toks[k].byte_len <= it->byte_start)
				k++;
			sp.first = k;
			sp.last = k;
			while (sp.last + 1 < ls->n && ls->toks[sp.last + 1].byte_start < it->byte_end)
				sp.last++;
			sp.id = it->kind == AR_NUM_MONEY ? TOK_MONEY : TOK_PERCENTAGE;
		}
		else if ((it->kind == AR_NUM_NUMBER || it->kind == AR_NUM_COUNT ||
				  it->kind == AR_NUM_DURATION) &&
				 (it->words || it->tok_last > it->tok_first))
		{
			sp.first = it->tok_first;
			sp.last = it->tok_last;
			sp.id = TOK_NUMEXPR;
		}
		else
			continue;
		if (sp.first >= ls->n || sp.first <= prev_last || sp.last < sp.first)
			continue;
		st->spans[st->nspans++] = sp;
		prev_last = sp.last;
	}
	ArNumListFree(&nums);
}

/* START: read the document into the number grammar's token stream. */
Datum
ar_parser_start(PG_FUNCTION_ARGS)
{
	ArParserState *st;

	ArRequireUtf8();
	st = palloc0(sizeof(ArParserState));
	st->buf = (const char *) PG_GETARG_POINTER(0);
	st->len = (size_t) PG_GETARG_INT32(1);
	ArLexStreamInit(&st->ls, st->buf, st->len);
	find_number_spans(st);
	PG_RETURN_POINTER(st);
}

/* Parser token id of an ordinary token of the stream. */
static int
token_id(const ArLexTok *tok, const char *s)
{
	switch (tok->type)
	{
		case AR_TOK_ARABIC:
		case AR_TOK_WORD:
			return TOK_WORD;
		case AR_TOK_LATIN:
			return latin_token_id(s, tok->byte_len);
		case AR_TOK_NUMBER:
			return tok->has_decimal ? TOK_FLOAT : TOK_UINT;
		case AR_TOK_PERCENT:
			return TOK_PERCENT;
		case AR_TOK_CLITIC:
			return TOK_CLITIC;
		case AR_TOK_URL:
			return TOK_URL;
		case AR_TOK_EMAIL:
			return TOK_EMAIL;
		default:
			/* punctuation, symbols: separators, as in the default parser */
			return TOK_BLANK;
	}
}

/* GETTOKEN: next token as (type id, pointer, byte length); 0 at the end. */
Datum
ar_parser_gettoken(PG_FUNCTION_ARGS)
{
	ArParserState *st = (ArParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	const ArLexTok *tok;
	size_t		end;
	int			id;

	/* the space before the next token (the stream leaves spaces out) */
	end = st->next < st->ls.n ? st->ls.toks[st->next].byte_start : st->len;
	if (st->pos < end)
	{
		*t = (char *) st->buf + st->pos;
		*tlen = (int) (end - st->pos);
		st->pos = end;
		PG_RETURN_INT32(TOK_BLANK);
	}
	if (st->next >= st->ls.n)
		PG_RETURN_INT32(0);

	tok = &st->ls.toks[st->next];
	*t = (char *) st->buf + tok->byte_start;
	if (st->span < st->nspans && st->spans[st->span].first == st->next)
	{
		const ArNumSpan *sp = &st->spans[st->span++];
		const ArLexTok *last = &st->ls.toks[sp->last];

		end = last->byte_start + last->byte_len;
		id = sp->id;
		st->next = sp->last + 1;
	}
	else
	{
		end = tok->byte_start + tok->byte_len;
		id = token_id(tok, *t);
		st->next++;
	}
	*tlen = (int) (end - tok->byte_start);
	st->pos = end;
	PG_RETURN_INT32(id);
}

/* END: free the state. */
Datum
ar_parser_end(PG_FUNCTION_ARGS)
{
	ArParserState *st = (ArParserState *) PG_GETARG_POINTER(0);

	ArLexStreamFree(&st->ls);
	pfree(st->spans);
	pfree(st);
	PG_RETURN_VOID();
}

/* LEXTYPES: the token type table, terminated by a zero id. */
Datum
ar_parser_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *descr = palloc(sizeof(LexDescr) * (N_TOKEN_TYPES + 1));
	size_t		i;

	for (i = 0; i < N_TOKEN_TYPES; i++)
	{
		descr[i].lexid = token_types[i].id;
		descr[i].alias = pstrdup(token_types[i].alias);
		descr[i].descr = pstrdup(token_types[i].descr);
	}
	descr[N_TOKEN_TYPES].lexid = 0;
	PG_RETURN_POINTER(descr);
}

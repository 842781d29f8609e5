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
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

#include "pg_common.h"
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
};

#define N_TOKEN_TYPES (sizeof(token_types) / sizeof(token_types[0]))

typedef struct ArParserState
{
	ArTokenizer tz;
	const char *buf;
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

/* START: set up the tokenizer over the document (buffer, length). */
Datum
ar_parser_start(PG_FUNCTION_ARGS)
{
	ArParserState *st;

	ArRequireUtf8();
	st = palloc(sizeof(ArParserState));
	st->buf = (const char *) PG_GETARG_POINTER(0);
	ArTokenizerInit(&st->tz, st->buf, (size_t) PG_GETARG_INT32(1));
	PG_RETURN_POINTER(st);
}

/* GETTOKEN: next token as (type id, pointer, byte length); 0 at the end. */
Datum
ar_parser_gettoken(PG_FUNCTION_ARGS)
{
	ArParserState *st = (ArParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	ArToken		tok;
	int			id;

	if (!ArTokenizerNext(&st->tz, &tok))
		PG_RETURN_INT32(0);

	*t = (char *) st->buf + tok.byte_start;
	*tlen = (int) tok.byte_len;
	switch (tok.type)
	{
		case AR_TOK_ARABIC:
		case AR_TOK_WORD:
			id = TOK_WORD;
			break;
		case AR_TOK_LATIN:
			id = latin_token_id(*t, tok.byte_len);
			break;
		case AR_TOK_NUMBER:
			id = tok.has_decimal ? TOK_FLOAT : TOK_UINT;
			break;
		case AR_TOK_PERCENT:
			id = TOK_PERCENT;
			break;
		case AR_TOK_CLITIC:
			id = TOK_CLITIC;
			break;
		case AR_TOK_URL:
			id = TOK_URL;
			break;
		case AR_TOK_EMAIL:
			id = TOK_EMAIL;
			break;
		default:
			/* space, punctuation, symbols: separators, as in the default parser */
			id = TOK_BLANK;
			break;
	}
	PG_RETURN_INT32(id);
}

/* END: free the state. */
Datum
ar_parser_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
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

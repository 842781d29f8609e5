/*
 * pg_tokens.c — ar_tokens(input text, with_spaces boolean) → the shared
 * tokenizer's output as rows, for users and tests.
 */
#include "pg_common.h"

#include "utils/builtins.h"

#include "normalize.h"
#include "tokenize.h"

PG_FUNCTION_INFO_V1(ar_tokens);

/* One row per token: token, kind, normalized, start_pos, end_pos (1-based, end exclusive). */
Datum
ar_tokens(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	bool		with_spaces = PG_NARGS() > 1 && PG_GETARG_BOOL(1);
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);
	ArSrf		srf;
	ArTokenizer tz;
	ArToken		tok;
	ArBuf		norm;

	ArRequireUtf8();
	ArCheckInputSize(len, "ar_tokens");
	ArSrfBegin(fcinfo, &srf);
	ArBufInit(&norm, 64);
	ArTokenizerInit(&tz, s, len);
	while (ArTokenizerNext(&tz, &tok))
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		const char *t = s + tok.byte_start;

		if (tok.type == AR_TOK_SPACE && !with_spaces)
			continue;
		norm.len = 0;
		ArNormalize(t, tok.byte_len, AR_NORM_DEFAULT, &norm);
		values[0] = ArTextDatum(t, tok.byte_len);
		values[1] = CStringGetTextDatum(ArTokenTypeName(tok.type));
		values[2] = ArTextDatum(norm.data, norm.len);
		values[3] = Int32GetDatum((int32) (tok.char_start + 1));
		values[4] = Int32GetDatum((int32) (tok.char_start + tok.char_len + 1));
		tuplestore_putvalues(srf.store, srf.desc, values, nulls);
		pfree(DatumGetPointer(values[0]));
		pfree(DatumGetPointer(values[1]));
		pfree(DatumGetPointer(values[2]));
	}
	return (Datum) 0;
}

/*
 * pg_normalize.c — ar_normalize(input text, <fold> boolean …) → text.
 */
#include "pg_common.h"

#include "utils/builtins.h"
#include "utils/memutils.h"

#include "normalize.h"

PG_FUNCTION_INFO_V1(ar_normalize);

/*
 * The SQL signature lists one boolean per fold, in ArNormFlag bit order,
 * each defaulting to true (see arabic_news--0.1.sql); make test checks that
 * order against data/normalize_folds.tsv.
 */
Datum
ar_normalize(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);
	unsigned	flags = 0;
	int			i;
	ArBuf		out;

	ArRequireUtf8();
	ArCheckInputSize(len, "ar_normalize");
	for (i = 1; i < PG_NARGS(); i++)
		if (PG_GETARG_BOOL(i))
			flags |= 1u << (i - 1);

	ArBufInit(&out, len + VARHDRSZ);
	ArNormalize(s, len, flags, &out);
	if (out.len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("normalized text would be too long (%zu bytes)", out.len),
				 errhint("Split the text into smaller pieces.")));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, (int) out.len));
}

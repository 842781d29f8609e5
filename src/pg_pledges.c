/*
 * pg_pledges.c — ar_pledges(input text): the money and percentage mentions
 * that are commitments, with actor, cue and purpose.
 */
#include "pg_common.h"

#include "utils/builtins.h"
#include "utils/guc.h"

#include "pg_numbers.h"
#include "pledge_model.h"
#include "pledges.h"

PG_FUNCTION_INFO_V1(ar_pledges);

/* the setting arabic_news.pledge_model */
static bool pledge_model_setting = true;

static void
pledge_model_assign(bool newval, void *extra)
{
	ArPledgeModelSetEnabled(newval);
}

void
ArPledgeDefineSettings(void)
{
	DefineCustomBoolVariable("arabic_news.pledge_model",
							 "Whether ar_pledges uses the trained pledge classifier (off: the grammar alone).",
							 "For measurements: ar_pledges and ar_pledge_keys are IMMUTABLE because the "
							 "classifier is part of the installed extension. Rebuild indexes on "
							 "ar_pledge_keys after a change.",
							 &pledge_model_setting,
							 true,
							 PGC_SUSET,
							 0,
							 NULL, pledge_model_assign, NULL);
}

/* Text datum of the token range [first..last] of the input, as written. */
static Datum
token_range_datum(const ArLexStream *ls, int first, int last)
{
	size_t		b0 = ls->toks[first].byte_start;
	size_t		b1 = ls->toks[last].byte_start + ls->toks[last].byte_len;

	return ArTextDatum(ls->buf + b0, b1 - b0);
}

/* ar_pledges(input text) → TABLE(kind, value, unit, surface, start_pos,
 * end_pos, actor, cue, purpose, approx) */
Datum
ar_pledges(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *s = ArTextArg(fcinfo, 0, "ar_pledges", &len);
	ArSrf		srf;
	ArPledgeDoc doc;

	ArSrfBegin(fcinfo, &srf);
	ArPledgeDocRun(&doc, s, len);
	for (int i = 0; i < doc.pledges.n; i++)
	{
		const ArPledge *p = &doc.pledges.items[i];
		const ArNumItem *it = &doc.nums.items[p->item];
		Datum		values[10];
		bool		nulls[10] = {false};

		ArNumItemColumns(s, it, values, nulls);	/* columns 0-5 */
		if (p->actor_first >= 0)
			values[6] = token_range_datum(&doc.ls, p->actor_first, p->actor_last);
		else
			nulls[6] = true;
		values[7] = token_range_datum(&doc.ls, p->cue, p->cue);
		if (p->purpose_first >= 0)
			values[8] = token_range_datum(&doc.ls, p->purpose_first, p->purpose_last);
		else
			nulls[8] = true;
		values[9] = BoolGetDatum(it->approx);
		tuplestore_putvalues(srf.store, srf.desc, values, nulls);
	}
	ArPledgeDocFree(&doc);
	return (Datum) 0;
}

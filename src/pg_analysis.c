/*
 * pg_analysis.c — search meets analysis: ar_pledge_keys(input), the pledges
 * of a text as keys for a GIN index, and ar_actor_entity(actor), the entity a
 * pledge's actor names (for the BI views).
 *
 * Key scheme of ar_pledge_keys (distinct, sorted bytewise; one document's
 * keys are the union over its pledges):
 *   kind:money, kind:percent         the kind of a pledge
 *   unit:EUR, unit:percent           its unit (money without a clear currency: none)
 *   EUR>=1e0 … EUR>=1e9              every decade lower bound the amount reaches,
 *                                    so "at least a billion euros" is one key
 *   percent>=1 … percent>=10,        every threshold of 1,2,…,10,20,50,100
 *   percent>=20, >=50, >=100         that the percentage reaches
 *   actor:LOC:ألمانيا                KIND:canonical of each entity in the actor
 *                                    (the same keys as ar_entity_keys, prefixed)
 *   actor_text:المانيا               the actor as written, ar_normalize'd
 *   cue:تعهدت                        the cue as written, ar_normalize'd, without
 *                                    a conjunction or preposition glued to it
 *
 * IMMUTABLE like ar_entity_keys: everything comes from tables compiled into
 * the library and the entity model installed with it (pg_ner.c).
 */
#include "pg_common.h"

#include "utils/builtins.h"

#include "entities.h"
#include "normalize.h"
#include "pledges.h"

PG_FUNCTION_INFO_V1(ar_pledge_keys);
PG_FUNCTION_INFO_V1(ar_actor_entity);

/* A key prefix || s (NUL-terminated). */
static void
keys_addz(ArKeySet *ks, const char *prefix, const char *s)
{
	ArKeySetAdd(ks, prefix, s, strlen(s));
}

/*
 * Decimal exponent of the integer part of a non-negative value: 9 for
 * 2000000000, 0 for 3.5, -1 below 1 (and for values without one).
 */
static int
value_decade(const ArNumVal *v)
{
	if (v->overflow)
		return -1;
	if (v->big)
	{
		const char *p = v->big;
		int			d = 0;

		if (*p == '-')
			return -1;
		while (*p == '0')
			p++;
		while (p[d] >= '0' && p[d] <= '9')
			d++;
		return d - 1;
	}
	if (v->num < 0 || v->den <= 0)
		return -1;
	{
		ar_int128	ip = v->num / v->den;
		int			d = -1;

		while (ip > 0)
		{
			ip /= 10;
			d++;
		}
		return d;
	}
}

/* value >= t (for small integer thresholds). */
static bool
value_at_least(const ArNumVal *v, int t)
{
	if (v->overflow)
		return false;
	if (v->big)
		return v->big[0] != '-';
	if (v->den <= 0)
		return false;
	return v->num >= (ar_int128) t * v->den;
}

static const int percent_thresholds[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100};

/* Normalized text of s[0..len) as a key with the given prefix. */
static void
keys_add_normalized(ArKeySet *ks, const char *prefix, const char *s, size_t len)
{
	ArBuf		b;

	ArBufInit(&b, len + 8);
	ArNormalize(s, len, AR_NORM_DEFAULT, &b);
	if (b.len > 0)
		ArKeySetAdd(ks, prefix, b.data, b.len);
	ArFree(b.data);
}

/* ar_pledge_keys(input text) → text[] */
Datum
ar_pledge_keys(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *s = ArTextArg(fcinfo, 0, "ar_pledge_keys", &len);
	ArPledgeDoc doc;
	ArKeySet	ks = {0};
	ArrayType  *result;

	ArPledgeDocRun(&doc, s, len);
	for (int i = 0; i < doc.pledges.n; i++)
	{
		const ArPledge *p = &doc.pledges.items[i];
		const ArNumItem *it = &doc.nums.items[p->item];
		const ArLexTok *cue = &doc.ls.toks[p->cue];
		char		buf[64];

		keys_addz(&ks, "kind:", ArNumKindName(it->kind));
		if (it->unit)
			keys_addz(&ks, "unit:", it->unit);
		if (it->kind == AR_NUM_MONEY && it->unit)
		{
			int			d = value_decade(&it->val);

			for (int k = 0; k <= d; k++)
			{
				snprintf(buf, sizeof(buf), ">=1e%d", k);
				keys_addz(&ks, it->unit, buf);
			}
		}
		else if (it->kind == AR_NUM_PERCENT)
		{
			for (int k = 0; k < (int) lengthof(percent_thresholds); k++)
			{
				if (!value_at_least(&it->val, percent_thresholds[k]))
					break;
				snprintf(buf, sizeof(buf), "percent>=%d", percent_thresholds[k]);
				keys_addz(&ks, "", buf);
			}
		}
		if (p->actor_first >= 0)
		{
			size_t		b0 = doc.ls.toks[p->actor_first].byte_start;
			size_t		b1 = doc.ls.toks[p->actor_last].byte_start + doc.ls.toks[p->actor_last].byte_len;

			keys_add_normalized(&ks, "actor_text:", s + b0, b1 - b0);
			ArKeySetAddEntities(&ks, "actor:", s + b0, b1 - b0);
		}
		/* the cue without a conjunction or preposition glued to it (واتفق) */
		if (cue->key < 0 && cue->skey >= 0 && cue->prebytes < cue->byte_len)
			keys_add_normalized(&ks, "cue:", s + cue->byte_start + cue->prebytes,
								cue->byte_len - cue->prebytes);
		else
			keys_add_normalized(&ks, "cue:", s + cue->byte_start, cue->byte_len);
	}
	result = ArKeySetToArray(&ks);
	ArPledgeDocFree(&doc);
	PG_RETURN_ARRAYTYPE_P(result);
}

/*
 * ar_actor_entity(actor text) → TABLE(kind, canonical): the entity an actor
 * phrase names — its first person, organization or place, else its first
 * nationality adjective (as its country); no row when it names none.
 */
Datum
ar_actor_entity(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *s = ArTextArg(fcinfo, 0, "ar_actor_entity", &len);
	ArSrf		srf;
	ArEntityList list;
	const ArEntity *best = NULL;

	ArSrfBegin(fcinfo, &srf);
	ArNerRequireModel();
	ArEntityListInit(&list);
	ArEntitiesExtract(s, len, &list);
	for (size_t i = 0; i < list.n; i++)
	{
		const ArEntity *e = &list.items[i];

		if (e->kind != AR_ENT_NAT)
		{
			best = e;
			break;
		}
		if (!best)
			best = e;
	}
	if (best)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(ArEntKindName(best->kind));
		values[1] = ArTextDatum(list.canon.data + best->canon_off, best->canon_len);
		tuplestore_putvalues(srf.store, srf.desc, values, nulls);
	}
	ArEntityListFree(&list);
	return (Datum) 0;
}

/*
 * pg_common.h — glue shared by every arabic_news SQL function.
 *
 * Encoding checks, set-returning-function plumbing that works on
 * PostgreSQL 14–17, and the bridge from the plain-C core to palloc and
 * CHECK_FOR_INTERRUPTS (installed once in _PG_init, pg_arabic_news.c).
 */
#ifndef AR_PG_COMMON_H
#define AR_PG_COMMON_H

#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/tuplestore.h"

#include "arcore.h"

/*
 * Raise ERRCODE_FEATURE_NOT_SUPPORTED unless the database encoding is UTF8.
 * Every entry point calls this first (cheap: one integer compare).
 */
extern void ArRequireUtf8(void);

/* Reject inputs over the documented size limit with a clear error. */
extern void ArCheckInputSize(size_t nbytes, const char *funcname);

/*
 * The text argument argno of SQL function funcname, checked: the database
 * is UTF8 and the text within the size limit.  Returns its bytes (not
 * NUL-terminated) and their count in *len.
 */
extern const char *ArTextArg(FunctionCallInfo fcinfo, int argno, const char *funcname,
							 size_t *len);

/*
 * Materialize-mode SRF set-up: checks the caller accepts a tuplestore,
 * builds one in the per-query context and returns it with the result
 * descriptor.  Works on PostgreSQL 14 (no InitMaterializedSRF there).
 */
typedef struct ArSrf
{
	Tuplestorestate *store;
	TupleDesc	desc;
} ArSrf;

extern void ArSrfBegin(FunctionCallInfo fcinfo, ArSrf *srf);

/* Build a text datum from a byte range (no NUL needed). */
extern Datum ArTextDatum(const char *s, size_t len);

/*
 * Convert a decimal string such as "2000000000" or "3.5" to a numeric
 * datum (through numeric_in; the core never hands out binary floats).
 */
extern Datum ArNumericDatum(const char *decimal);

/*
 * The keys of a key function (ar_entity_keys, ar_pledge_keys) for GIN
 * indexes: add palloc'd text keys in any order, with repeats, then take
 * them as a text[] sorted bytewise (as "C" collation) and distinct.
 * Start from ArKeySet ks = {0}.
 */
typedef struct ArKeySet
{
	AR_ARRAY_FIELDS(text *);	/* on palloc through the core's hooks */
} ArKeySet;

/* Add the key prefix || s[0..len). */
extern void ArKeySetAdd(ArKeySet *ks, const char *prefix, const char *s, size_t len);

/* The keys sorted (qsort) and distinct (qunique) as a text[]. */
extern ArrayType *ArKeySetToArray(ArKeySet *ks);

/* prefix || KIND:canonical for every entity of s[0..len) — the keys of
 * ar_entity_keys (defined in pg_entities.c; ar_pledge_keys prefixes them). */
extern void ArKeySetAddEntities(ArKeySet *ks, const char *prefix, const char *s, size_t len);

/*
 * The entity tagger's model (pg_ner.c): ArNerRequireModel loads the file
 * arabic_news.ner_model names (the installed one by default) on the first
 * call and after the setting changes, or raises an error; every function
 * that calls ArEntitiesExtract calls it first.  ArNerDefineSettings defines
 * the setting (from _PG_init).
 */
extern void ArNerRequireModel(void);
extern void ArNerDefineSettings(void);

/* arabic_news.pledge_model (pg_pledges.c): whether ar_pledges and the pledge
 * keys use the trained classifier or the grammar alone (from _PG_init). */
extern void ArPledgeDefineSettings(void);

#endif							/* AR_PG_COMMON_H */

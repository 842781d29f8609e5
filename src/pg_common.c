/*
 * pg_common.c — glue shared by every arabic_news SQL function.
 */
#include "pg_common.h"

#include "catalog/pg_type.h"
#include "lib/qunique.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

/* Every function works on UTF-8 only: say so clearly instead of misreading bytes. */
void
ArRequireUtf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("arabic_news requires a UTF8 database"),
				 errdetail("The current database encoding is \"%s\".",
						   GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
}

/* Inputs are capped below the varlena limit so that outputs can be built. */
void
ArCheckInputSize(size_t nbytes, const char *funcname)
{
	if (nbytes > MaxAllocSize / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("input to %s is too long (%zu bytes)", funcname, nbytes),
				 errdetail("The maximum input size is %zu bytes.", (size_t) (MaxAllocSize / 2)),
				 errhint("Split the text into smaller pieces, for example by paragraph.")));
}

/* A checked text argument: UTF8 database, size within the limit. */
const char *
ArTextArg(FunctionCallInfo fcinfo, int argno, const char *funcname, size_t *len)
{
	text	   *input = PG_GETARG_TEXT_PP(argno);

	*len = VARSIZE_ANY_EXHDR(input);
	ArRequireUtf8();
	ArCheckInputSize(*len, funcname);
	return VARDATA_ANY(input);
}

/* Materialize-mode SRF set-up (works on 14, where InitMaterializedSRF is missing). */
void
ArSrfBegin(FunctionCallInfo fcinfo, ArSrf *srf)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext per_query,
				oldcxt;
	TupleDesc	desc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	per_query = rsinfo->econtext->ecxt_per_query_memory;
	oldcxt = MemoryContextSwitchTo(per_query);
	srf->desc = CreateTupleDescCopy(desc);
	srf->store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random,
									   false, work_mem);
	MemoryContextSwitchTo(oldcxt);

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = srf->store;
	rsinfo->setDesc = srf->desc;
}

/* text datum from a byte range */
Datum
ArTextDatum(const char *s, size_t len)
{
	return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
}

/* numeric datum from a plain decimal string */
Datum
ArNumericDatum(const char *decimal)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(decimal),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* Add the key prefix || s[0..len). */
void
ArKeySetAdd(ArKeySet *ks, const char *prefix, const char *s, size_t len)
{
	size_t		plen = strlen(prefix);
	text	   *t = palloc(VARHDRSZ + plen + len);

	SET_VARSIZE(t, VARHDRSZ + plen + len);
	memcpy(VARDATA(t), prefix, plen);
	memcpy(VARDATA(t) + plen, s, len);
	*ArArrayPush(ks) = t;
}

/* qsort/qunique comparator over keys (bytewise, as "C" collation). */
static int
key_cmp(const void *a, const void *b)
{
	const text *x = *(const text *const *) a;
	const text *y = *(const text *const *) b;
	int			lx = VARSIZE_ANY_EXHDR(x),
				ly = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(lx, ly));

	return c != 0 ? c : lx - ly;
}

/* The keys sorted and distinct as a text[] (the set keeps its keys). */
ArrayType *
ArKeySetToArray(ArKeySet *ks)
{
	Datum	   *elems = palloc(sizeof(Datum) * (ks->n + 1));

	if (ks->n > 1)
	{
		qsort(ks->items, ks->n, sizeof(text *), key_cmp);
		ks->n = qunique(ks->items, ks->n, sizeof(text *), key_cmp);
	}
	for (size_t i = 0; i < ks->n; i++)
		elems[i] = PointerGetDatum(ks->items[i]);
	return construct_array(elems, (int) ks->n, TEXTOID, -1, false, TYPALIGN_INT);
}

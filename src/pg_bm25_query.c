/*
 * pg_bm25_query.c — the bm25query type: which bm25 index scores a tsquery.
 *
 * A bm25query carries the OID of a bm25 index and a tsquery.  The index
 * supplies the statistics (N, average length, df) and the options (k1, b,
 * lead prior) a score needs, so the same value can be computed by an index
 * scan, by bm25_score() in a select list, or by the <=> operator in a
 * sequential scan.  The text form is "index_name:tsquery", where the name is
 * what regclass prints (quoted when needed), so it survives dump and restore.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_class.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "tsearch/ts_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

#include "pg_bm25.h"

PG_FUNCTION_INFO_V1(bm25query_in);
PG_FUNCTION_INFO_V1(bm25query_out);
PG_FUNCTION_INFO_V1(bm25query_make);

/* pg_class.relam of a relation (get_rel_relam exists only from PostgreSQL 16) */
static Oid
bm25_rel_am(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			amoid;

	if (!HeapTupleIsValid(tup))
		return InvalidOid;
	amoid = ((Form_pg_class) GETSTRUCT(tup))->relam;
	ReleaseSysCache(tup);
	return amoid;
}

/* Raise wrong_object_type unless indexoid names an index of the bm25 method. */
void
Bm25CheckIndexOid(Oid indexoid)
{
	char		relkind = get_rel_relkind(indexoid);
	Oid			amoid;

	if (relkind == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("relation with OID %u does not exist", indexoid),
				 errhint("Name an index created with USING bm25.")));
	if (relkind != RELKIND_INDEX)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not an index", get_rel_name(indexoid)),
				 errhint("Name an index created with USING bm25.")));
	amoid = get_index_am_oid("bm25", true);
	if (!OidIsValid(amoid) || bm25_rel_am(indexoid) != amoid)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a bm25 index", get_rel_name(indexoid)),
				 errhint("Name an index created with USING bm25.")));
}

/* Assemble a bm25query from an index OID and a tsquery. */
static Bm25QueryDatum *
bm25query_build(Oid indexoid, TSQuery query)
{
	Size		qlen = VARSIZE(query);
	Bm25QueryDatum  *result = palloc0(offsetof(Bm25QueryDatum, query) + qlen);

	SET_VARSIZE(result, offsetof(Bm25QueryDatum, query) + qlen);
	result->indexoid = indexoid;
	memcpy(result->query, query, qlen);
	return result;
}

/* bm25query(index regclass, query tsquery) */
Datum
bm25query_make(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	TSQuery		query = PG_GETARG_TSQUERY(1);

	Bm25CheckIndexOid(indexoid);
	PG_RETURN_POINTER(bm25query_build(indexoid, query));
}

/*
 * Where the index name ends: the first ':' outside double quotes (quoted
 * identifiers may contain ':' and doubled quotes).
 */
static const char *
bm25query_name_end(const char *s)
{
	bool		quoted = false;

	for (; *s; s++)
	{
		if (*s == '"')
			quoted = !quoted;
		else if (*s == ':' && !quoted)
			return s;
	}
	return NULL;
}

/* text input: "index_name:tsquery" */
Datum
bm25query_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	const char *colon = bm25query_name_end(input);
	char	   *name;
	Oid			indexoid;
	TSQuery		query;

	if (colon == NULL || colon == input)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type bm25query: \"%s\"", input),
				 errhint("Write index_name:tsquery, for example news_bm25:'word', "
						 "or call bm25query(index, tsquery).")));
	name = pnstrdup(input, colon - input);
	indexoid = DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(name)));
	Bm25CheckIndexOid(indexoid);
	query = DatumGetTSQuery(DirectFunctionCall1(tsqueryin, CStringGetDatum(colon + 1)));
	PG_RETURN_POINTER(bm25query_build(indexoid, query));
}

/* text output: the index as regclass prints it, ':', the tsquery */
Datum
bm25query_out(PG_FUNCTION_ARGS)
{
	Bm25QueryDatum  *q = PG_GETARG_BM25QUERY(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, DatumGetCString(DirectFunctionCall1(regclassout,
																	 ObjectIdGetDatum(q->indexoid))));
	appendStringInfoChar(&buf, ':');
	appendStringInfoString(&buf, DatumGetCString(DirectFunctionCall1(tsqueryout,
																	 PointerGetDatum(Bm25DatumTsquery(q)))));
	PG_RETURN_CSTRING(buf.data);
}

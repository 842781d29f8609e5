/*
 * pg_bm25.h — the PostgreSQL side of the bm25 index access method.
 *
 * Files: pg_bm25_query.c (bm25query type), pg_bm25_am.c (handler, options,
 * costs), pg_bm25_page.c (pages, metapage, WAL, page recycling),
 * pg_bm25_doc.c (tsvector → terms), pg_bm25_segment.c (segments on pages),
 * pg_bm25_pending.c (insert log), pg_bm25_build.c, pg_bm25_scan.c,
 * pg_bm25_score.c (bm25_score, <=>), pg_bm25_vacuum.c, pg_bm25_verify.c.
 */
#ifndef AR_PG_BM25_H
#define AR_PG_BM25_H

#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_type.h"

/*
 * bm25query: varlena header, the index OID, then a whole tsquery varlena
 * (int-aligned: the header and the OID take 8 bytes).
 */
typedef struct Bm25Query
{
	int32		vl_len_;
	Oid			indexoid;
	char		query[FLEXIBLE_ARRAY_MEMBER];
} Bm25Query;

#define PG_GETARG_BM25QUERY(n)	((Bm25Query *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))
#define Bm25QueryTsquery(q)		((TSQuery) (q)->query)

extern void Bm25CheckIndexOid(Oid indexoid);

#endif							/* AR_PG_BM25_H */

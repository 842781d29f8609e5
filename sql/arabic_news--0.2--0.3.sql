-- arabic_news 0.2 → 0.3: ranked search with the bm25 index access method.
\echo Use "ALTER EXTENSION arabic_news UPDATE TO '0.3'" to load this file. \quit

-- bm25query: which bm25 index scores a tsquery (the index holds the
-- statistics and options every score needs).  Text form: index_name:tsquery.
CREATE TYPE bm25query;
CREATE FUNCTION bm25query_in(cstring) RETURNS bm25query
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bm25query_out(bm25query) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE TYPE bm25query (
	INPUT = bm25query_in,
	OUTPUT = bm25query_out,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);

-- bm25query(index, query): wrong_object_type unless index is a bm25 index.
CREATE FUNCTION bm25query(index regclass, query tsquery) RETURNS bm25query
	AS 'MODULE_PATHNAME', 'bm25query_make' LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- ---------------------------------------------------------------------------
-- Rarity marks off by default (bm25-harness).  The '#xyz' mark lexemes were a
-- stand-in for the IDF that ts_rank lacks; the bm25 index has a real IDF and
-- ignores them, and counting them as terms made BM25 worse.  The shipped
-- dictionary stops emitting them, for fresh installs (which run this script
-- too) and updates alike.  RareMarks stays an option: ts_rank users who want
-- the marks back run
--     ALTER TEXT SEARCH DICTIONARY arabic_news_stem (RareMarks = true);
-- Either way, REINDEX indexes on to_tsvector('arabic_news', …) and recompute
-- stored tsvector columns after the change, or old rows keep their marks.
ALTER TEXT SEARCH DICTIONARY arabic_news_stem (RareMarks = false);

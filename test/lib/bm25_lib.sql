-- bm25_lib.sql — helpers for the bm25 index tests (pgTAP, test/bm25/*.sh,
-- test/reliability/bm25_*.sh).  Included with \ir; everything lives in the
-- schema bm25t, so a test database can hold it and a pgTAP transaction rolls
-- it back.
--
--   bm25t.gen_text(nwords, vocab)   Arabic-looking text, Zipf-like word ranks
--   bm25t.gen_query(nwords, vocab)  an OR tsquery ('simple') over the same words
--   bm25t.topk_index / topk_exhaustive / topk_diff   the index's top k against
--                                   ORDER BY bm25_score DESC, ctid (no index)
--   bm25t.oracle(tbl, col, q, idx)  BM25 of every row computed in SQL, idx's options
--   bm25t.problems(index)           bm25_verify's rows as 'area: problem'
--   bm25t.top10(tbl, col, idx, q)   ids of the index's top 10 as one text
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bm25t;
RESET client_min_messages;

-- Word number n as 3–5 Arabic letters, base 27 (distinct numbers, distinct words).
CREATE OR REPLACE FUNCTION bm25t.word(n int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(substr('بتثجحخدذرزسشصضطظعغفقكلمنهوي', (n / d) % 27 + 1, 1), '' ORDER BY d DESC)
	FROM unnest(CASE WHEN n < 729 THEN ARRAY[1, 27, 729]
					 WHEN n < 19683 THEN ARRAY[1, 27, 729, 19683]
					 ELSE ARRAY[1, 27, 729, 19683, 531441] END) d
$$;

-- A word rank drawn with a heavy head (rank = vocab * u^3): a few words are
-- in most texts, most words in few, as in news.
CREATE OR REPLACE FUNCTION bm25t.rank(vocab int) RETURNS int
LANGUAGE sql VOLATILE AS $$ SELECT floor(vocab * power(random(), 3))::int $$;

CREATE OR REPLACE FUNCTION bm25t.gen_text(nwords int, vocab int) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT coalesce(string_agg(bm25t.word(bm25t.rank(vocab)), ' '), '') FROM generate_series(1, nwords)
$$;

-- An OR-query of nwords words; every fifth query word is one the texts never
-- use (a rank beyond the vocabulary), so unknown lexemes are exercised.
CREATE OR REPLACE FUNCTION bm25t.gen_query(nwords int, vocab int) RETURNS tsquery
LANGUAGE sql VOLATILE AS $$
	SELECT string_agg(quote_literal(CASE WHEN random() < 0.2 THEN bm25t.word(vocab + g)
										 ELSE bm25t.word(bm25t.rank(vocab)) END), ' | ')::tsquery
	FROM generate_series(1, nwords) g
$$;

-- The first k rows of ORDER BY col <=> bm25query(idx, q): ctids and scores.
CREATE OR REPLACE FUNCTION bm25t.topk_index(tbl regclass, col text, idx regclass, q tsquery, k int,
											OUT ctids tid[], OUT scores float8[])
LANGUAGE plpgsql SET enable_seqscan = off SET enable_bitmapscan = off SET enable_indexscan = on
	SET enable_sort = off AS $$
BEGIN
	EXECUTE format('SELECT array_agg(c), array_agg(s) FROM (SELECT ctid AS c, -(%1$s <=> $1) AS s
					FROM %2$s ORDER BY %1$s <=> $1 LIMIT $2) t', col, tbl)
	INTO ctids, scores USING bm25query(idx, q), k;
END $$;

-- The same from bm25_score over every row, no index: score desc, ctid asc.
CREATE OR REPLACE FUNCTION bm25t.topk_exhaustive(tbl regclass, col text, idx regclass, q tsquery, k int,
												 OUT ctids tid[], OUT scores float8[])
LANGUAGE plpgsql SET enable_seqscan = on SET enable_bitmapscan = off SET enable_indexscan = off
	SET enable_indexonlyscan = off AS $$
BEGIN
	EXECUTE format('SELECT array_agg(c), array_agg(s) FROM (SELECT ctid AS c, bm25_score(%1$s, $1) AS s
					FROM %2$s ORDER BY 2 DESC, 1 LIMIT $2) t', col, tbl)
	INTO ctids, scores USING bm25query(idx, q), k;
END $$;

-- NULL when, for every k of ks, the index's top k is exactly the exhaustive
-- order (the index may stop at the documents that match no query term, score
-- 0); else what differs.  The exhaustive order is computed once, for max(ks).
CREATE OR REPLACE FUNCTION bm25t.topk_diff(tbl regclass, col text, idx regclass, q tsquery, ks int[])
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	i record;
	e record;
	k int;
	m int;
BEGIN
	SELECT * INTO e FROM bm25t.topk_exhaustive(tbl, col, idx, q, (SELECT max(x) FROM unnest(ks) x));
	FOREACH k IN ARRAY ks LOOP
		SELECT * INTO i FROM bm25t.topk_index(tbl, col, idx, q, k);
		m := coalesce(cardinality(i.ctids), 0);
		IF m > 0 AND (SELECT count(DISTINCT c) FROM unnest(i.ctids) c) <> m THEN
			RETURN format('k=%s q=%s: a row returned twice: %s', k, q, i.ctids);
		ELSIF m > k THEN
			RETURN format('k=%s q=%s: %s rows returned', k, q, m);
		ELSIF m > 0 AND i.ctids IS DISTINCT FROM e.ctids[1:m] THEN
			RETURN format('k=%s q=%s: index %s %s, exhaustive %s %s', k, q, i.ctids, i.scores,
						  e.ctids[1:m], e.scores[1:m]);
		ELSIF m > 0 AND i.scores IS DISTINCT FROM e.scores[1:m] THEN
			RETURN format('k=%s q=%s: scores index %s, bm25_score %s', k, q, i.scores, e.scores[1:m]);
		ELSIF m < k AND coalesce(e.scores[m + 1], 0) > 0 THEN
			RETURN format('k=%s q=%s: index gave %s rows, %s matching rows exist', k, q, m,
						  (SELECT count(*) FROM unnest(e.scores) s WHERE s > 0));
		END IF;
	END LOOP;
	RETURN NULL;
END $$;

-- An option of a bm25 index from its WITH (…), NULL when not given.
CREATE OR REPLACE FUNCTION bm25t.option(idx regclass, name text) RETURNS float8
LANGUAGE sql STABLE AS $$
	SELECT split_part(o, '=', 2)::float8 FROM pg_class, unnest(reloptions) o
	WHERE pg_class.oid = idx AND split_part(o, '=', 1) = name
$$;

-- BM25 of every matching row of tbl for the distinct lexemes of q, computed in
-- SQL from the table's contents (the formula of docs/ranked-search.md): an
-- oracle for bm25_score.  N = rows with a non-NULL tsvector, avgdl = their
-- mean sum of tf, df = rows holding the term; '#' lexemes are no terms.
-- Query lexemes are read from q's text form (plain lexemes only).
CREATE OR REPLACE FUNCTION bm25t.oracle(tbl regclass, col text, q tsquery, idx regclass)
RETURNS TABLE (c tid, score float8) LANGUAGE plpgsql AS $$
DECLARE
	k1 float8 := coalesce(bm25t.option(idx, 'k1'), 1.2);	-- the documented defaults
	b float8 := coalesce(bm25t.option(idx, 'b'), 0.75);
	lp int := coalesce(bm25t.option(idx, 'lead_positions'), 20);
	lw float8 := coalesce(bm25t.option(idx, 'lead_weight'), 1.25);
BEGIN
	RETURN QUERY EXECUTE format($f$
	WITH d AS (SELECT ctid AS c, %1$s AS tsv FROM %2$s WHERE %1$s IS NOT NULL),
	t AS (SELECT d.c, u.lexeme, greatest(coalesce(cardinality(u.positions), 0), 1)::float8 AS tf,
				 (SELECT count(*) FROM unnest(u.positions) p WHERE p <= $4)::float8 AS lead
		  FROM d, unnest(d.tsv) u WHERE u.lexeme NOT LIKE '#%%'),
	dl AS (SELECT d.c, coalesce(x.dl, 0) AS dl FROM d LEFT JOIN (SELECT t.c, sum(t.tf) AS dl FROM t GROUP BY t.c) x USING (c)),
	n AS (SELECT count(*)::float8 AS n, avg(dl.dl) AS avgdl FROM dl),
	qt AS (SELECT DISTINCT m[1] AS lexeme FROM regexp_matches($1::text, '''([^'']+)''', 'g') m
		   WHERE m[1] NOT LIKE '#%%'),
	df AS (SELECT qt.lexeme, count(t.c)::float8 AS df FROM qt LEFT JOIN t USING (lexeme) GROUP BY qt.lexeme)
	SELECT t.c, sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5))
				   * (t.tf + ($5 - 1) * t.lead) * ($2 + 1)
				   / ((t.tf + ($5 - 1) * t.lead) + $2 * (1 - $3 + $3 * dl.dl / n.avgdl)))
	FROM t JOIN df USING (lexeme) JOIN dl USING (c) CROSS JOIN n
	GROUP BY t.c$f$, col, tbl)
	USING q, k1, b, lp, lw;
END $$;

-- bm25_verify's findings, one text per problem (none: the index is sound).
CREATE OR REPLACE FUNCTION bm25t.problems(idx regclass) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY SELECT v.area || ': ' || v.problem FROM bm25_verify(idx) v;
END $$;

-- The ids of the index's top 10 for q, in order, as one text (for comparing
-- two moments, or a primary and a standby).
CREATE OR REPLACE FUNCTION bm25t.top10(tbl regclass, col text, idx regclass, q tsquery) RETURNS text
LANGUAGE plpgsql SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE r text;
BEGIN
	EXECUTE format('SELECT string_agg(id::text || ''@'' || round(s::numeric, 9), '' '') FROM
					(SELECT id, -(%1$s <=> $1) AS s FROM %2$s ORDER BY %1$s <=> $1 LIMIT 10) t', col, tbl)
	INTO r USING bm25query(idx, q);
	RETURN coalesce(r, '');
END $$;

-- Ranked search (0.3): the bm25 index access method, the bm25query type,
-- bm25_score, the <=> ordering operator, bm25_verify, options and errors.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- errors are shown as SQLSTATE: message
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE TABLE bm25_news (id int PRIMARY KEY, body text);
INSERT INTO bm25_news VALUES
	(1, 'أكد الأمين العام لحلف الناتو أن الدول الأعضاء ستزيد الإنفاق الدفاعي'),
	(2, 'قمة الناتو في لاهاي تناقش الإنفاق الدفاعي والدعم لأوكرانيا'),
	(3, 'ارتفعت أسعار النفط في الأسواق العالمية'),
	(4, 'وافق البرلمان على الموازنة الجديدة بعد نقاش طويل'),
	(5, 'الناتو الناتو الناتو'),
	(6, 'تراجعت أسعار الذهب بينما ارتفعت أسعار النفط والغاز'),
	(7, NULL);
CREATE INDEX bm25_news_idx ON bm25_news USING bm25 (to_tsvector('arabic_news', body));

-- the access method and its operator class
SELECT amname, amtype FROM pg_am WHERE amname = 'bm25';
SELECT opcname, opcdefault, opcintype::regtype FROM pg_opclass
WHERE opcmethod = (SELECT oid FROM pg_am WHERE amname = 'bm25');
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'bm25_tsvector_ops';

-- bm25query: text form index:tsquery, round trip
SELECT bm25query('bm25_news_idx', plainto_tsquery('arabic_news', 'الإنفاق الدفاعي للناتو'));
SELECT 'bm25_news_idx:''ناتو'' | ''نفط'''::bm25query;
SELECT bm25query('bm25_news_idx', 'a & !b')::text::bm25query;

-- ranked search through the index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM bm25_news
ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', plainto_tsquery('arabic_news', 'الإنفاق الدفاعي للناتو'))
LIMIT 10;
-- only rows holding a query term come back, best first
SELECT id, round((to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'انفاق | دفاعي | ناتو'))::numeric, 6) AS distance,
	round(bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_idx', 'انفاق | دفاعي | ناتو'))::numeric, 6) AS score
FROM bm25_news
ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'انفاق | دفاعي | ناتو')
LIMIT 10;
-- a query without that ORDER BY does not use the index
EXPLAIN (COSTS OFF) SELECT count(*) FROM bm25_news WHERE to_tsvector('arabic_news', body) @@ 'ناتو';
RESET enable_seqscan;

-- bm25_score anywhere: positive for matching rows, 0 otherwise, same value as the order
SELECT id, round(bm25_score(to_tsvector('arabic_news', body),
	bm25query('bm25_news_idx', 'نفط | سعر'))::numeric, 6) AS score
FROM bm25_news ORDER BY id;

-- OR semantics, NOT operands and '#' rarity marks are not terms, prefix = exact lexeme
SET enable_seqscan = off;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'نفط | ذهب') LIMIT 10;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', '!نفط') LIMIT 10;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'ذهب:*') LIMIT 10;
-- no known lexeme, only a rarity mark, an empty query: no rows, no error
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'zzzz') LIMIT 10;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', '''#a1''') LIMIT 10;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', plainto_tsquery('arabic_news', 'في')) LIMIT 10;
-- WHERE + LIMIT: the filter removes the best rows, LIMIT still gets its rows
SELECT id FROM bm25_news WHERE id > 2
ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'ناتو | نفط | سعر') LIMIT 3;

-- inserts (pending list), updates and deletes are seen by the next query
INSERT INTO bm25_news VALUES (8, 'النفط النفط والناتو');
UPDATE bm25_news SET body = 'لا شيء هنا' WHERE id = 5;
DELETE FROM bm25_news WHERE id = 3;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'ناتو | نفط') LIMIT 10;
SELECT * FROM bm25_verify('bm25_news_idx');
RESET enable_seqscan;

-- VACUUM drops the dead versions from N, avgdl and df
VACUUM bm25_news;
SELECT * FROM bm25_verify('bm25_news_idx');
CREATE INDEX bm25_news_fresh ON bm25_news USING bm25 (to_tsvector('arabic_news', body));
SELECT count(*) AS differing_scores FROM bm25_news
WHERE bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_idx', 'ناتو | نفط'))
	<> bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_fresh', 'ناتو | نفط'));
DROP INDEX bm25_news_fresh;

-- a huge document: positions stop at 16,383, the rest share that position
INSERT INTO bm25_news SELECT 9, 'الناتو ' || repeat('كلمة ', 20000) || 'النفط';
SELECT length(to_tsvector('arabic_news', body)) AS lexemes,
	(SELECT max(p) FROM unnest(to_tsvector('arabic_news', body)) u, unnest(u.positions) p) AS last_position
FROM bm25_news WHERE id = 9;
SET enable_seqscan = off;
SELECT id FROM bm25_news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('bm25_news_idx', 'نفط') LIMIT 10;
RESET enable_seqscan;
SELECT * FROM bm25_verify('bm25_news_idx');

-- options: in the index's reloptions, k1/b/lead_weight change scores at once
CREATE INDEX bm25_news_opts ON bm25_news USING bm25 (to_tsvector('arabic_news', body))
	WITH (k1 = 2.0, b = 0.5, lead_positions = 0, lead_weight = 1.0);
SELECT reloptions FROM pg_class WHERE relname = 'bm25_news_opts';
SELECT round(bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_opts', 'ناتو'))::numeric, 6)
FROM bm25_news WHERE id = 1;
ALTER INDEX bm25_news_opts SET (k1 = 0.5);
SELECT round(bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_opts', 'ناتو'))::numeric, 6)
FROM bm25_news WHERE id = 1;
-- two bm25 indexes on one expression: the bm25query decides whose statistics
-- and options rank, whichever index the plan scans
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
PREPARE ranked(regclass) AS SELECT id FROM bm25_news
ORDER BY to_tsvector('arabic_news', body) <=> bm25query($1, 'ناتو | نفط | كلمة') LIMIT 3;
EXECUTE ranked('bm25_news_idx');
EXECUTE ranked('bm25_news_opts');
SELECT id FROM bm25_news ORDER BY bm25_score(to_tsvector('arabic_news', body), bm25query('bm25_news_opts', 'ناتو | نفط | كلمة')) DESC NULLS LAST, ctid LIMIT 3;
DEALLOCATE ranked;
RESET plan_cache_mode;
RESET enable_seqscan;
DROP INDEX bm25_news_opts;

-- a call site that outlives a statement (a PL/pgSQL expression in a loop)
-- sees rows written between its calls; within one statement the statistics
-- stay fixed, also while that statement writes the index
CREATE TABLE bm25_loop (id serial PRIMARY KEY, tsv tsvector, score float8);
INSERT INTO bm25_loop (tsv) SELECT to_tsvector('simple', 'alpha beta ' || g) FROM generate_series(1, 50) g;
INSERT INTO bm25_loop (tsv) VALUES (to_tsvector('simple', 'gamma delta'));
CREATE INDEX bm25_loop_idx ON bm25_loop USING bm25 (tsv);
DO $$
DECLARE
	s float8;
	seen float8[] := '{}';
	fresh float8;
BEGIN
	FOR i IN 1..2 LOOP
		s := bm25_score(to_tsvector('simple', 'gamma delta'), bm25query('bm25_loop_idx', 'gamma'));
		seen := seen || s;
		IF i = 1 THEN
			INSERT INTO bm25_loop (tsv) SELECT to_tsvector('simple', 'gamma ' || g) FROM generate_series(1, 40) g;
		END IF;
	END LOOP;
	EXECUTE $q$SELECT bm25_score(to_tsvector('simple', 'gamma delta'), bm25query('bm25_loop_idx', 'gamma'))$q$ INTO fresh;
	RAISE NOTICE 'score fell after the inserts: %, second call = a fresh statement: %', seen[2] < seen[1], seen[2] = fresh;
END $$;
UPDATE bm25_loop SET score = bm25_score(tsv, bm25query('bm25_loop_idx', 'gamma')), tsv = tsv || 'gamma'::tsvector
WHERE tsv @@ 'gamma'::tsquery;
SELECT count(DISTINCT score) AS one_score_per_length FROM bm25_loop WHERE score IS NOT NULL AND length(tsv) = 2;
DROP TABLE bm25_loop;

-- errors, with their SQLSTATE
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (body)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body)) WITH (k1 = -1)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body)) WITH (b = 1.5)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body)) WITH (lead_positions = 20000)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body)) WITH (lead_weight = 101)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body)) WITH (k3 = 1)$$);
SELECT pg_temp.err($$CREATE INDEX ON bm25_news USING bm25 (to_tsvector('simple', body), id)$$);
SELECT pg_temp.err($$SELECT bm25query('bm25_news_pkey', 'ناتو')$$);
SELECT pg_temp.err($$SELECT bm25query('bm25_news', 'ناتو')$$);
SELECT pg_temp.err($$SELECT bm25query('no_such_index', 'ناتو')$$);
SELECT pg_temp.err($$SELECT 'bm25_news_pkey:ناتو'::bm25query$$);
SELECT pg_temp.err($$SELECT 'no colon'::bm25query$$);
SELECT pg_temp.err($$SELECT * FROM bm25_verify('bm25_news_pkey')$$);

DROP TABLE bm25_news;

-- pgTAP: the bm25 index's top k equals the exhaustive bm25_score order
-- (score desc, ctid asc) over random queries and k = 1, 10, 50, on generated
-- text with a heavy-headed word distribution, exact duplicates (ties),
-- tsvectors without positions and '#' marks; WHERE + LIMIT returns k rows
-- (pg_textsearch #143, #434); two bm25 indexes on one column each answer
-- with their own statistics.  The same check on the corpus sample, with
-- thousands of queries: test/bm25/topk_corpus.sh.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
\ir ../lib/bm25_lib.sql
\ir ../lib/plan_of.sql
SELECT plan(12);
SELECT setseed(0.1405);

CREATE TABLE docs (id int PRIMARY KEY, tsv tsvector);
INSERT INTO docs
SELECT g, to_tsvector('simple', bm25t.gen_text(1 + floor(power(random(), 2) * 120)::int, 1500))
FROM generate_series(1, 1500) g;
-- ties: exact copies of earlier documents
INSERT INTO docs SELECT 1500 + id, tsv FROM docs WHERE id % 10 = 0;
CREATE INDEX docs_bm25 ON docs USING bm25 (tsv);
-- after the build, through the insert path: tsvectors without positions,
-- rarity-mark lexemes (inserted, not updated: dead versions would count in
-- the statistics until a VACUUM, which a transaction block cannot run; an
-- UPDATE before CREATE INDEX would leave the index unusable here: indcheckxmin)
INSERT INTO docs SELECT 3000 + id, strip(tsv) FROM docs WHERE id % 17 = 0 AND id <= 1500;
INSERT INTO docs SELECT 5000 + id, '''#a01'':1 ''#b02'':2'::tsvector || tsv FROM docs WHERE id % 7 = 0 AND id <= 1500;
ANALYZE docs;

SELECT matches(pg_temp.plan_of($$SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', 'بتث'::tsquery) LIMIT 10$$),
	'Index Scan using docs_bm25', 'ORDER BY tsv <=> bm25query(…) LIMIT 10 is an index scan');

CREATE TEMP TABLE q1 AS
SELECT n, bm25t.gen_query(1 + (n % 6), 1500) AS q FROM generate_series(1, 300) n;
CREATE TEMP TABLE d1 AS
SELECT n, bm25t.topk_diff('docs', 'tsv', 'docs_bm25', q, ARRAY[1, 10, 50]) AS diff FROM q1;
SELECT is((SELECT count(*) FROM d1 WHERE diff IS NOT NULL), 0::bigint,
	'300 random OR-queries, k = 1, 10, 50: the index''s top k = bm25_score order (score desc, ctid asc)');
SELECT diag(diff) FROM d1 WHERE diff IS NOT NULL ORDER BY n LIMIT 5;

-- queries of frequent words only: long posting lists, many equal scores
CREATE TEMP TABLE q2 AS
SELECT n, (SELECT string_agg(quote_literal(bm25t.word(floor(power(random(), 2) * 12)::int)), ' | ')
		   FROM generate_series(0, n % 3))::tsquery AS q FROM generate_series(1, 100) n;
SELECT is((SELECT count(*) FROM q2 WHERE bm25t.topk_diff('docs', 'tsv', 'docs_bm25', q, ARRAY[1, 10, 50]) IS NOT NULL),
	0::bigint, '100 queries of the most frequent words (ties among copies): same order');

SELECT is((SELECT count(*) FROM (SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', '''زززززز'''::tsquery) LIMIT 10) s),
	0::bigint, 'a query with no known lexeme returns no rows');
SELECT is((SELECT count(*) FROM (SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', '''#a01'''::tsquery) LIMIT 10) s),
	0::bigint, 'a rarity mark is no term: a query of marks only returns no rows');

-- WHERE + LIMIT: the filter rejects most of the best rows; the index widens
-- and resumes until k rows qualify, never returning a row twice.  The plan is
-- pinned to the index scan: with a selective filter the planner may prefer a
-- sequential scan and a Sort on the <=> value alone, which returns equal
-- scores in any order (only the index breaks ties by TID), so the tie order
-- checked below would not be the index's.
SET enable_seqscan = off;
SET enable_sort = off;
SELECT matches(pg_temp.plan_of($$SELECT id FROM docs WHERE id % 13 = 0 ORDER BY tsv <=> bm25query('docs_bm25', 'ببب'::tsquery) LIMIT 10$$),
	'Index Scan using docs_bm25', 'WHERE id % 13 = 0 … ORDER BY <=> LIMIT 10 runs as the bm25 index scan here');
CREATE TEMP TABLE w AS
SELECT n, q,
	ARRAY(SELECT id FROM docs WHERE id % 13 = 0 ORDER BY tsv <=> bm25query('docs_bm25', q) LIMIT 10) AS got,
	ARRAY(SELECT id FROM docs WHERE id % 13 = 0 AND bm25_score(tsv, bm25query('docs_bm25', q)) > 0
		  ORDER BY bm25_score(tsv, bm25query('docs_bm25', q)) DESC, ctid LIMIT 10) AS want
FROM q2 WHERE n <= 60;
SELECT is((SELECT count(*) FROM w WHERE got IS DISTINCT FROM want), 0::bigint,
	'WHERE id % 13 = 0 … LIMIT 10: the 10 best qualifying rows, in order (#143, #434)');
SELECT ok((SELECT bool_and(cardinality(got) = 10) FROM w),
	'WHERE + LIMIT 10 returns 10 rows whenever 10 qualify');
-- LIMIT 500 asks for more rows than match: every qualifying matching row, in
-- order, once; rows matching no query word (score 0) may follow, as in a
-- sequential scan's ORDER BY.
CREATE TEMP TABLE w500 AS SELECT
	ARRAY(SELECT id FROM docs WHERE id % 13 = 0
		  ORDER BY tsv <=> bm25query('docs_bm25', (SELECT q FROM q2 WHERE n = 1)) LIMIT 500) AS got,
	ARRAY(SELECT id FROM docs WHERE id % 13 = 0 AND bm25_score(tsv, bm25query('docs_bm25', (SELECT q FROM q2 WHERE n = 1))) > 0
		  ORDER BY bm25_score(tsv, bm25query('docs_bm25', (SELECT q FROM q2 WHERE n = 1))) DESC, ctid) AS want;
RESET enable_seqscan;
RESET enable_sort;
SELECT ok((SELECT got[1:cardinality(want)] = want
				  AND cardinality(got) = (SELECT count(DISTINCT g) FROM unnest(got) g) FROM w500),
	'WHERE + LIMIT 500: every qualifying matching row, in order, once');

-- bm25_score equals BM25 computed in SQL from the table (N, avgdl, df exact)
SELECT is((SELECT count(*) FROM q1, bm25t.oracle('docs', 'tsv', q, 'docs_bm25') o
		   JOIN docs ON docs.ctid = o.c
		   WHERE n <= 40 AND abs(bm25_score(docs.tsv, bm25query('docs_bm25', q1.q)) - o.score) > 1e-9 * o.score),
	0::bigint, 'bm25_score = BM25 computed in SQL from the table contents (40 queries, every matching row)');

-- A second bm25 index on the same column with other options: a query naming
-- it is ranked by its options, whichever index the planner picks.
CREATE INDEX docs_bm25_flat ON docs USING bm25 (tsv) WITH (k1 = 0.8, b = 0.3, lead_positions = 0);
SELECT is((SELECT count(*) FROM q1 WHERE n <= 100
		   AND bm25t.topk_diff('docs', 'tsv', 'docs_bm25_flat', q, ARRAY[10]) IS NOT NULL),
	0::bigint, 'two bm25 indexes on one column: each query is ranked by the index it names');
SELECT is((SELECT count(*) FROM q1, bm25t.oracle('docs', 'tsv', q, 'docs_bm25_flat') o
		   JOIN docs ON docs.ctid = o.c
		   WHERE n <= 20 AND abs(bm25_score(docs.tsv, bm25query('docs_bm25_flat', q1.q)) - o.score) > 1e-9 * o.score),
	0::bigint, 'WITH (k1 = 0.8, b = 0.3, lead_positions = 0): bm25_score = the SQL formula with those options');

SELECT * FROM finish();
ROLLBACK;

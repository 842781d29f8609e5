-- pgTAP: the bm25 index under writes, outside a transaction block (VACUUM
-- cannot run inside one; everything lives in schema bm25mv, dropped at the end).
--   * deleted and updated versions are never returned, before VACUUM too;
--   * after inserts, deletes, updates and VACUUM the statistics describe exactly
--     the rows the table holds (pg_textsearch #350): bm25_score = BM25 computed
--     in SQL, and = the score through a freshly built index;
--   * a cursor open across a VACUUM that rewrites the index, followed by
--     inserts, still returns the rows it would have returned (pages are not
--     recycled under a running scan: #411, #418);
--   * bm25_verify finds nothing at each step.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
CREATE EXTENSION IF NOT EXISTS dblink;
DROP SCHEMA IF EXISTS bm25mv CASCADE;
CREATE SCHEMA bm25mv;
RESET client_min_messages;
\ir ../lib/bm25_lib.sql
SET search_path = bm25mv, public;
SELECT plan(12);
SELECT setseed(0.345);

CREATE TABLE t (id serial PRIMARY KEY, tsv tsvector);
INSERT INTO t (tsv) SELECT to_tsvector('simple', bm25t.gen_text(1 + floor(power(random(), 2) * 100)::int, 1200))
FROM generate_series(1, 2000);
CREATE INDEX t_bm25 ON t USING bm25 (tsv);
CREATE TABLE qs AS SELECT n, bm25t.gen_query(1 + n % 5, 1200) AS q FROM generate_series(1, 150) n;

DELETE FROM t WHERE id % 4 = 0;
UPDATE t SET tsv = to_tsvector('simple', bm25t.gen_text(30, 1200)) WHERE id % 10 = 1;
INSERT INTO t (tsv) SELECT to_tsvector('simple', bm25t.gen_text(1 + floor(power(random(), 2) * 100)::int, 1200))
FROM generate_series(1, 600);
SELECT is((SELECT count(*) FROM qs WHERE bm25t.topk_diff('bm25mv.t', 'tsv', 'bm25mv.t_bm25', q, ARRAY[1, 10, 50]) IS NOT NULL),
	0::bigint, 'before VACUUM: top k = bm25_score order over the live rows (no deleted or old version)');
SELECT is(ARRAY(SELECT bm25t.problems('bm25mv.t_bm25')), '{}'::text[], 'bm25_verify: no problem before VACUUM');

VACUUM t;
SELECT is(ARRAY(SELECT bm25t.problems('bm25mv.t_bm25')), '{}'::text[], 'bm25_verify: no problem after VACUUM');
SELECT is((SELECT count(*) FROM qs, bm25t.oracle('bm25mv.t', 'tsv', q, 'bm25mv.t_bm25') o
		   JOIN t ON t.ctid = o.c
		   WHERE n <= 30 AND abs(bm25_score(t.tsv, bm25query('bm25mv.t_bm25', qs.q)) - o.score) > 1e-9 * o.score),
	0::bigint, 'after inserts, deletes, updates, VACUUM: N, avgdl, df are the table''s (#350)');
CREATE INDEX t_fresh ON t USING bm25 (tsv);
SELECT is((SELECT count(*) FROM qs, t WHERE n <= 30
		   AND bm25_score(tsv, bm25query('bm25mv.t_bm25', q)) <> bm25_score(tsv, bm25query('bm25mv.t_fresh', q))),
	0::bigint, 'after VACUUM every score equals the score through a freshly built index, bit for bit');
DROP INDEX t_fresh;
SELECT is((SELECT count(*) FROM qs WHERE bm25t.topk_diff('bm25mv.t', 'tsv', 'bm25mv.t_bm25', q, ARRAY[1, 10, 50]) IS NOT NULL),
	0::bigint, 'after VACUUM: top k = bm25_score order');

-- A cursor across a VACUUM that rewrites the index (#411, #418).  Rows are
-- deleted and committed first, so the VACUUM (run from a second session
-- through dblink) can remove them while the cursor's transaction is open;
-- then that session inserts enough rows to fill any page freed too early.
DELETE FROM t WHERE id % 3 = 0;
CREATE FUNCTION conninfo() RETURNS text LANGUAGE sql AS $$
	SELECT format('dbname=%s host=%s port=%s user=%s', current_database(),
				  split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'), current_user) $$;
SELECT dblink_connect('other', conninfo());
BEGIN ISOLATION LEVEL REPEATABLE READ;
SET LOCAL enable_seqscan = off;
CREATE TEMP TABLE want AS
SELECT n, ARRAY(SELECT id FROM t ORDER BY tsv <=> bm25query('bm25mv.t_bm25', q) LIMIT 200) AS ids
FROM qs WHERE n IN (3, 4, 5);
DECLARE c3 CURSOR FOR SELECT id FROM t ORDER BY tsv <=> bm25query('bm25mv.t_bm25', (SELECT q FROM qs WHERE n = 3)) LIMIT 200;
DECLARE c4 CURSOR FOR SELECT id FROM t ORDER BY tsv <=> bm25query('bm25mv.t_bm25', (SELECT q FROM qs WHERE n = 4)) LIMIT 200;
CREATE TEMP TABLE got (n int, ord serial, id int);
CREATE FUNCTION fetch_into(n int, cur refcursor, cnt int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record; i int := 0;
BEGIN
	LOOP
		EXIT WHEN i >= cnt;
		FETCH cur INTO r;
		EXIT WHEN NOT FOUND;
		INSERT INTO got (n, id) VALUES (n, r.id);
		i := i + 1;
	END LOOP;
END $$;
SELECT fetch_into(3, 'c3', 5);
SELECT fetch_into(4, 'c4', 15);
SELECT is(dblink_exec('other', 'VACUUM (INDEX_CLEANUP ON) bm25mv.t'), 'VACUUM', 'VACUUM from another session while two scans are open');
SELECT is(dblink_exec('other', $$INSERT INTO bm25mv.t (tsv) SELECT to_tsvector('simple', bm25t.gen_text(60, 1200)) FROM generate_series(1, 3000)$$),
	'INSERT 0 3000', 'then 3,000 inserts from that session');
SELECT fetch_into(3, 'c3', 1000);
SELECT fetch_into(4, 'c4', 1000);
SELECT is(ARRAY(SELECT id FROM got WHERE n = 3 ORDER BY ord), (SELECT ids FROM want WHERE n = 3),
	'cursor 1 (5 rows read before the VACUUM) returns what it would have returned');
SELECT is(ARRAY(SELECT id FROM got WHERE n = 4 ORDER BY ord), (SELECT ids FROM want WHERE n = 4),
	'cursor 2 (15 rows read before the VACUUM, past the first batch) returns what it would have returned');
COMMIT;
SELECT dblink_disconnect('other');
SELECT is(ARRAY(SELECT bm25t.problems('bm25mv.t_bm25')), '{}'::text[], 'bm25_verify: no problem after the cursors closed');
VACUUM t;
SELECT is((SELECT count(*) FROM qs WHERE n <= 50
		   AND bm25t.topk_diff('bm25mv.t', 'tsv', 'bm25mv.t_bm25', q, ARRAY[10, 50]) IS NOT NULL),
	0::bigint, 'after the second VACUUM (pages freed by the first can be reused): top k = bm25_score order');

SELECT * FROM finish();
RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA bm25mv CASCADE;
DROP SCHEMA bm25t CASCADE;

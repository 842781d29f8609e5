-- pgTAP contracts of the bm25 index: its order is the exhaustive
-- bm25_score order, its statistics follow inserts, deletes and VACUUM
-- exactly, and bm25_verify finds nothing wrong along the way.
-- Not in one transaction: VACUUM cannot run inside one.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
DROP SCHEMA IF EXISTS bm25_tap CASCADE;
CREATE SCHEMA bm25_tap;
SET search_path = bm25_tap, public;
RESET client_min_messages;
SELECT plan(23);

-- Documents of 3 to 17 words from a 40-word vocabulary, many ties in score.
CREATE FUNCTION doc(g int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg((ARRAY['alpha','bravo','charlie','delta','echo','foxtrot','golf','hotel',
		'india','juliet','kilo','lima','mike','november','oscar','papa','quebec','romeo',
		'sierra','tango','uniform','victor','whiskey','xray','yankee','zulu','one','two',
		'three','four','five','six','seven','eight','nine','ten','red','green','blue','gray'])
		[1 + (g * 7 + j * j + (g / 13) * j) % 40], ' ')
	FROM generate_series(1, 3 + g % 15) j $$;
CREATE FUNCTION query(q int) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
	SELECT to_tsquery('simple', string_agg(w, ' | '))
	FROM (SELECT (regexp_split_to_array(doc(q * 17), ' '))[1 + i] AS w FROM generate_series(0, q % 3) i) s $$;

CREATE TABLE docs (id int PRIMARY KEY, tsv tsvector);
INSERT INTO docs SELECT g, to_tsvector('simple', doc(g)) FROM generate_series(1, 600) g;
CREATE INDEX docs_bm25 ON docs USING bm25 (tsv);
ANALYZE docs;

-- For each of 30 queries: does the index return the rows with a positive
-- bm25_score, in (score desc, ctid asc) order, limit lim (NULL = all)?
CREATE FUNCTION mismatches(lim int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE bad bigint := 0; via_index int[]; exhaustive int[];
BEGIN
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_sort = off;
	FOR q IN 1..30 LOOP
		SELECT array_agg(id) INTO via_index FROM (SELECT id FROM docs
			ORDER BY tsv <=> bm25query('docs_bm25', query(q)) LIMIT lim) s;
		SELECT array_agg(id ORDER BY s DESC, ctid) INTO exhaustive FROM (SELECT id, ctid, s
			FROM (SELECT id, ctid, bm25_score(tsv, bm25query('docs_bm25', query(q))) AS s FROM docs) x
			WHERE s > 0 ORDER BY s DESC, ctid LIMIT lim) y;
		IF via_index IS DISTINCT FROM exhaustive THEN bad := bad + 1; END IF;
	END LOOP;
	RETURN bad;
END $$;

\ir ../lib/plan_of.sql
SET enable_seqscan = off;
SELECT matches(pg_temp.plan_of($$SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', 'alpha') LIMIT 10$$),
	'Index Scan using docs_bm25', 'ORDER BY <=> LIMIT uses the bm25 index');
RESET enable_seqscan;
SELECT is(mismatches(10), 0::bigint, 'built index: top 10 equals the exhaustive bm25_score order');
SELECT is(mismatches(57), 0::bigint, 'built index: top 57 (past the first batch) equals the exhaustive order');
SELECT is(mismatches(NULL), 0::bigint, 'built index: every matching row, in order');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean after the build');

-- pending list: a few inserts stay in the log, scored exhaustively
INSERT INTO docs SELECT g, to_tsvector('simple', doc(g)) FROM generate_series(601, 700) g;
SELECT is(mismatches(10), 0::bigint, 'with pending documents: top 10 equals the exhaustive order');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean with a pending list');

-- many inserts: the pending list turns into segments, which merge
INSERT INTO docs SELECT g, to_tsvector('simple', doc(g) || ' ' || repeat('z' || (g % 97)::text || ' ', 20))
FROM generate_series(701, 4000) g;
SELECT is(mismatches(10), 0::bigint, 'after flushes and merges: top 10 equals the exhaustive order');
SELECT is(mismatches(NULL), 0::bigint, 'after flushes and merges: every matching row, in order');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean after flushes');

-- deletes and updates: dead versions are never returned
DELETE FROM docs WHERE id % 3 = 0;
UPDATE docs SET tsv = to_tsvector('simple', doc(id + 5)) WHERE id % 7 = 1;
SELECT is(mismatches(10), 0::bigint, 'after deletes and updates: top 10 equals the exhaustive order');
SELECT is((SELECT count(*) FROM (SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', 'alpha | bravo')) s
	WHERE id % 3 = 0), 0::bigint, 'deleted rows are never returned');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean with dead tuples awaiting VACUUM');

-- VACUUM: statistics exact again (equal to a fresh index on the same rows)
VACUUM docs;
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean after VACUUM');
SELECT is(mismatches(10), 0::bigint, 'after VACUUM: top 10 equals the exhaustive order');
-- the fresh index is built in several segments (1 MB of maintenance_work_mem)
SET maintenance_work_mem = '1MB';
CREATE INDEX docs_bm25_fresh ON docs USING bm25 (tsv);
RESET maintenance_work_mem;
SELECT is((SELECT count(*) FROM docs WHERE bm25_score(tsv, bm25query('docs_bm25', 'alpha | seven | gray'))
	<> bm25_score(tsv, bm25query('docs_bm25_fresh', 'alpha | seven | gray'))), 0::bigint,
	'after VACUUM the scores equal those of a fresh index (N, avgdl and df exact)');
SET enable_seqscan = off;
SELECT is((SELECT count(*) FROM generate_series(1, 30) q
	WHERE ARRAY(SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', query(q)) LIMIT 10)
	IS DISTINCT FROM ARRAY(SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25_fresh', query(q)) LIMIT 10)),
	0::bigint, 'an index built in several segments under a small maintenance_work_mem ranks the same');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25_fresh')$$, 'bm25_verify is clean on the multi-segment build');
RESET enable_seqscan;
DROP INDEX docs_bm25_fresh;

-- pages freed by VACUUM are reused, not appended: the index stops growing
VACUUM docs;
CREATE TABLE sizes AS SELECT pg_relation_size('docs_bm25') AS before;
UPDATE docs SET tsv = tsv || to_tsvector('simple', 'extra') WHERE id % 2 = 0;
VACUUM docs;
VACUUM docs;
UPDATE docs SET tsv = tsv || to_tsvector('simple', 'more') WHERE id % 2 = 0;
VACUUM docs;
SELECT cmp_ok(pg_relation_size('docs_bm25'), '<=', (SELECT before * 3 FROM sizes),
	'repeated update + VACUUM rounds reuse freed pages');
SELECT is_empty($$SELECT * FROM bm25_verify('docs_bm25')$$, 'bm25_verify is clean after page reuse');

-- REINDEX gives the same answers
CREATE TABLE before_reindex AS SELECT q, ARRAY(SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', query(q)) LIMIT 10) AS ids
FROM generate_series(1, 30) q;
REINDEX INDEX docs_bm25;
SELECT is((SELECT count(*) FROM before_reindex WHERE ids IS DISTINCT FROM
	ARRAY(SELECT id FROM docs ORDER BY tsv <=> bm25query('docs_bm25', query(q)) LIMIT 10)), 0::bigint,
	'REINDEX returns the same top 10 for every query');

-- WHERE + LIMIT: k rows whenever k rows qualify, none twice
SET enable_seqscan = off;
SELECT is((SELECT count(*) FROM (SELECT id FROM docs WHERE id % 10 = 1
	ORDER BY tsv <=> bm25query('docs_bm25', 'alpha | bravo | charlie') LIMIT 40) s), 40::bigint,
	'WHERE + LIMIT 40 returns 40 rows though most of the best rows are filtered out');
SELECT is((SELECT count(DISTINCT id) FROM (SELECT id FROM docs
	ORDER BY tsv <=> bm25query('docs_bm25', 'alpha | bravo | charlie')) s),
	(SELECT count(*) FROM docs WHERE bm25_score(tsv, bm25query('docs_bm25', 'alpha | bravo | charlie')) > 0),
	'a full index scan returns each matching row exactly once');
RESET enable_seqscan;

SELECT * FROM finish();
SET client_min_messages = warning;
DROP SCHEMA bm25_tap CASCADE;

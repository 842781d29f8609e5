-- pushdown.sql — on the coordinator of test/sharding/run.sh: news is hash
-- partitioned over two postgres_fdw shards (coordinator.sql), news_local
-- holds the same rows on the coordinator.  The extension's conditions must
-- run on the shards (in each foreign scan's Remote SQL, no Filter left on
-- the coordinator), and every answer must equal the local table's.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
RESET client_min_messages;
BEGIN;
SELECT plan(35);

-- The EXPLAIN (VERBOSE) lines of a query.
CREATE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP RETURN NEXT l; END LOOP;
END $$;

-- Where a query evaluates its condition: in how many Remote SQL lines the
-- condition (a regular expression) appears, and how many Filter lines the
-- coordinator runs itself.
CREATE FUNCTION pg_temp.evaluated(q text, pattern text) RETURNS text LANGUAGE sql AS $$
	SELECT format('in %s Remote SQL, %s Filter on the coordinator',
		count(*) FILTER (WHERE l ~ '^\s*Remote SQL: ' AND l ~ pattern),
		count(*) FILTER (WHERE l ~ '^\s*Filter: '))
	FROM pg_temp.explain(q) AS l
$$;

-- A pgTAP test that the query evaluates its condition as expected; on
-- failure the plan follows as diagnostics.
CREATE FUNCTION pg_temp.is_evaluated(q text, pattern text, expected text, what text)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE got text := pg_temp.evaluated(q, pattern);
BEGIN
	RETURN NEXT is(got, expected, what);
	IF got IS DISTINCT FROM expected THEN
		RETURN NEXT diag(string_agg(l, E'\n')) FROM pg_temp.explain(q) AS l;
	END IF;
END $$;

-- The ids of table t that satisfy cond, in order.
CREATE FUNCTION pg_temp.ids(t text, cond text) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE r bigint[];
BEGIN
	EXECUTE format('SELECT array_agg(id ORDER BY id) FROM %I WHERE %s', t, cond) INTO r;
	RETURN r;
END $$;

-- Three tests for a condition on body: it is shipped to both shards, the
-- sharded table answers with the local table's ids, and both shards have
-- some of them (so neither the union nor an empty answer passes by luck).
CREATE FUNCTION pg_temp.check_condition(cond text, pattern text, what text)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE shards bigint;
BEGIN
	RETURN QUERY SELECT pg_temp.is_evaluated('SELECT id FROM news WHERE ' || cond, pattern,
		'in 2 Remote SQL, 0 Filter on the coordinator', what || ': runs on both shards (Remote SQL)');
	RETURN NEXT is(pg_temp.ids('news', cond), pg_temp.ids('news_local', cond),
		what || ': the sharded table answers the local table''s ids');
	EXECUTE 'SELECT count(DISTINCT tableoid) FROM news WHERE ' || cond INTO shards;
	RETURN NEXT is(shards, 2::bigint, what || ': both shards have matching rows');
END $$;

SELECT ok((SELECT count(*) FROM news_0) > 0 AND (SELECT count(*) FROM news_1) > 0
		AND (SELECT count(*) FROM news) = (SELECT count(*) FROM news_local),
	'each shard holds part of news, and together they hold every local row');

-- ==== the extension's conditions run on the shards
SELECT pg_temp.check_condition(
	$$to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الإنفاق الدفاعي')$$,
	$$to_tsvector\('([a-z_]+\.)?arabic_news'::regconfig, body\) @@ '.+'::tsquery$$,
	'full text: to_tsvector(''arabic_news'', body) @@ websearch_to_tsquery(…)');
SELECT pg_temp.check_condition(
	$$ar_entity_keys(body) @> '{ORG:الاتحاد الأوروبي}'$$,
	$$ar_entity_keys\(body\) @> '\{"ORG:الاتحاد الأوروبي"\}'::text\[\]$$,
	'entities: ar_entity_keys(body) @> …');
SELECT pg_temp.check_condition(
	$$ar_pledge_keys(body) @> '{USD>=1e9}'$$,
	$$ar_pledge_keys\(body\) @> '\{USD>=1e9\}'::text\[\]$$,
	'pledges: ar_pledge_keys(body) @> …');
SELECT pg_temp.check_condition(
	$$ar_pledge_keys(body) && ARRAY['actor:LOC:السعودية', 'actor:LOC:قطر']$$,
	$$ar_pledge_keys\(body\) && '\{actor:LOC:السعودية,actor:LOC:قطر\}'::text\[\]$$,
	'pledges: ar_pledge_keys(body) && …');
SELECT pg_temp.check_condition(
	$$to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الإنفاق')
	  AND ar_entity_keys(body) @> '{ORG:حلف شمال الأطلسي}' AND ar_pledge_keys(body) @> '{kind:percent}'$$,
	$$WHERE (?=.*to_tsvector\('([a-z_]+\.)?arabic_news'::regconfig, body\) @@ )(?=.*ar_entity_keys\(body\) @> )(?=.*ar_pledge_keys\(body\) @> )$$,
	'all three in one WHERE');

SELECT pg_temp.check_condition(
	$$ar_normalize(body) LIKE '%الناتو%'$$,
	$$ar_normalize\(body, true(, true){10}\) ~~ '%الناتو%'::text$$,
	'normalized text: ar_normalize(body) LIKE …');

-- A condition on the partition key as well: one shard only.
SELECT pg_temp.is_evaluated(
	$$SELECT id FROM news WHERE id = 21 AND ar_pledge_keys(body) @> '{EUR>=1e9}'$$,
	$$WHERE \(\(id = 21\)\) AND \(\(public\.ar_pledge_keys\(body\) @> $$,
	'in 1 Remote SQL, 0 Filter on the coordinator',
	'with id = … too, the plan keeps the one shard that holds the id, and ships both conditions');

-- Ranking is an output column: the shards filter, the coordinator ranks the
-- bodies they send (postgres_fdw ships no output expressions of a scan).
SELECT pg_temp.is_evaluated(
	$$SELECT id, ts_rank(to_tsvector('arabic_news', body), q) AS rank
	  FROM news, websearch_to_tsquery('arabic_news', 'الإنفاق الدفاعي') AS q
	  WHERE to_tsvector('arabic_news', body) @@ q ORDER BY rank DESC LIMIT 5$$,
	$$^\s*Remote SQL: SELECT id, body FROM public\.news WHERE \(\(to_tsvector\($$,
	'in 2 Remote SQL, 0 Filter on the coordinator',
	'ts_rank … ORDER BY rank LIMIT: the shards filter and send the bodies of their matches, the coordinator ranks');

-- ==== per-actor pledge totals
CREATE TEMP VIEW local_totals AS
	SELECT p.actor, p.unit, sum(p.value) AS total, count(*) AS pledges
	FROM news_local n, ar_pledges(n.body) p GROUP BY 1, 2;
CREATE TEMP VIEW sharded_totals AS
	SELECT p.actor, p.unit, sum(p.value) AS total, count(*) AS pledges
	FROM news n, ar_pledges(n.body) p GROUP BY 1, 2;
SELECT ok((SELECT count(*) FROM local_totals) >= 3
		AND (SELECT count(DISTINCT n.tableoid) FROM news n, ar_pledges(n.body) p) = 2,
	'pledge totals: several actors and units, with pledges on both shards');
SELECT results_eq('SELECT * FROM sharded_totals ORDER BY actor, unit',
	'SELECT * FROM local_totals ORDER BY actor, unit',
	'pledge totals: ar_pledges(body) over the sharded table = over the local table');
-- ar_pledges is a set-returning function in FROM: postgres_fdw ships no
-- function scans, so the coordinator fetches every body and extracts there.
SELECT pg_temp.is_evaluated('SELECT * FROM sharded_totals',
	$$^\s*Remote SQL: SELECT body FROM public\.news$$,
	'in 2 Remote SQL, 0 Filter on the coordinator',
	'pledge totals from ar_pledges(n.body) in FROM: the shards send bodies (Remote SQL: SELECT body …)');
SELECT is((SELECT count(*) FROM pg_temp.explain('SELECT * FROM sharded_totals') l
		WHERE l ~ 'Function Scan on public\.ar_pledges'), 1::bigint,
	'pledge totals from ar_pledges(n.body) in FROM: ar_pledges runs on the coordinator');
-- The shards' view news_pledges (shard.sql) extracts next to the data.
SELECT results_eq($$SELECT actor, unit, sum(value), count(*) FROM news_pledges GROUP BY 1, 2 ORDER BY 1, 2$$,
	'SELECT * FROM local_totals ORDER BY actor, unit',
	'pledge totals through the shards'' pledge view = over the local table');
SELECT pg_temp.is_evaluated($$SELECT actor, unit, sum(value), count(*) FROM news_pledges GROUP BY 1, 2$$,
	$$^\s*Remote SQL: SELECT [a-z, ]+ FROM public\.news_pledges$$,
	'in 2 Remote SQL, 0 Filter on the coordinator',
	'pledge totals through the pledge view: the shards extract, only pledge rows cross');
-- Per-shard sums are aggregates postgres_fdw pushes down; the coordinator
-- adds the shards' sums.
CREATE TEMP VIEW two_phase_totals AS
	SELECT actor, unit, sum(total) AS total, sum(pledges)::bigint AS pledges FROM (
		SELECT actor, unit, sum(value) AS total, count(*) AS pledges FROM news_pledges_0 GROUP BY 1, 2
		UNION ALL
		SELECT actor, unit, sum(value), count(*) FROM news_pledges_1 GROUP BY 1, 2) AS per_shard
	GROUP BY 1, 2;
SELECT results_eq('SELECT * FROM two_phase_totals ORDER BY actor, unit',
	'SELECT * FROM local_totals ORDER BY actor, unit',
	'pledge totals as the sum of per-shard sums = over the local table');
SELECT pg_temp.is_evaluated('SELECT * FROM two_phase_totals',
	$$^\s*Remote SQL: SELECT actor, unit, sum\(value\), count\(\*\) FROM public\.news_pledges GROUP BY 1, 2$$,
	'in 2 Remote SQL, 0 Filter on the coordinator',
	'per-shard sums: each shard aggregates (Remote SQL … sum(value) … GROUP BY)');

-- ==== what stays on the coordinator
-- A server without extensions 'arabic_news': the extension's functions are not shipped.
DO $$
BEGIN
	EXECUTE format('CREATE SERVER shard1_plain FOREIGN DATA WRAPPER postgres_fdw OPTIONS (%s)',
		(SELECT string_agg(format('%I %L', option_name, option_value), ', ')
		 FROM pg_options_to_table((SELECT srvoptions FROM pg_foreign_server WHERE srvname = 'shard1'))
		 WHERE option_name <> 'extensions'));
	EXECUTE format('CREATE USER MAPPING FOR CURRENT_USER SERVER shard1_plain OPTIONS (user %L)',
		(SELECT option_value FROM pg_user_mappings, pg_options_to_table(umoptions)
		 WHERE srvname = 'shard1' AND option_name = 'user'));
END $$;
CREATE FOREIGN TABLE news_plain (id bigint, source text, body text)
	SERVER shard1_plain OPTIONS (table_name 'news');
-- PostgreSQL 15's postgres_fdw ships a text search configuration constant
-- like a built-in (its type regconfig is one), so full text still runs on the
-- shard (a shard without the extension would fail); other versions may check
-- the configuration against extensions.
SELECT pg_temp.is_evaluated(
		$$SELECT id FROM news_plain WHERE to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الإنفاق')$$,
		'to_tsvector', 'in 1 Remote SQL, 0 Filter on the coordinator',
		'without extensions ''arabic_news'', PostgreSQL 15 still ships to_tsvector(''arabic_news'', body) @@ …')
	WHERE current_setting('server_version_num')::int / 10000 = 15
UNION ALL
SELECT skip('how text search configurations are shipped differs between postgres_fdw versions')
	WHERE current_setting('server_version_num')::int / 10000 <> 15;
SELECT pg_temp.is_evaluated(
	$$SELECT id FROM news_plain WHERE ar_entity_keys(body) @> '{ORG:الاتحاد الأوروبي}'$$,
	'ar_entity_keys', 'in 0 Remote SQL, 1 Filter on the coordinator',
	'without extensions ''arabic_news'' on the server, ar_entity_keys runs on the coordinator');
-- STABLE functions are never shipped: ar_entity_keys_user reads user_entities
-- where it runs, and to_tsvector without a configuration reads
-- default_text_search_config.
SELECT pg_temp.is_evaluated(
	$$SELECT id FROM news WHERE ar_entity_keys_user(body) @> '{ORG:الاتحاد الأوروبي}'$$,
	'ar_entity_keys_user', 'in 0 Remote SQL, 2 Filter on the coordinator',
	'ar_entity_keys_user (STABLE) runs on the coordinator');
SET LOCAL default_text_search_config = 'arabic_news';
SELECT pg_temp.is_evaluated(
	$$SELECT id FROM news WHERE to_tsvector(body) @@ websearch_to_tsquery('الإنفاق')$$,
	'to_tsvector', 'in 0 Remote SQL, 2 Filter on the coordinator',
	'to_tsvector(body) without a configuration (STABLE) runs on the coordinator');
RESET default_text_search_config;
-- A generic plan: websearch_to_tsquery('arabic_news', $1) of a text
-- parameter is not shipped (its input collation does not come from a foreign
-- column), so neither is the @@; a tsquery parameter is.
SET LOCAL plan_cache_mode = force_generic_plan;
PREPARE search_text(text) AS
	SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', $1);
PREPARE search_query(tsquery) AS
	SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ $1;
SELECT pg_temp.is_evaluated($$EXECUTE search_text('الإنفاق')$$,
	'to_tsvector', 'in 0 Remote SQL, 2 Filter on the coordinator',
	'generic plan, text parameter: websearch_to_tsquery($1) and @@ run on the coordinator');
SELECT pg_temp.is_evaluated($$EXECUTE search_query(websearch_to_tsquery('arabic_news', 'الإنفاق'))$$,
	$$to_tsvector\('([a-z_]+\.)?arabic_news'::regconfig, body\) @@ \$1::tsquery$$,
	'in 2 Remote SQL, 0 Filter on the coordinator',
	'generic plan, tsquery parameter: @@ runs on both shards');

SELECT * FROM finish();
ROLLBACK;

-- Every function returns exactly what it returns serially when parallel
-- workers run it (PARALLEL SAFE must be true, not just declared), and
-- DROP EXTENSION leaves nothing behind.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
BEGIN;
SELECT plan(10);

CREATE TABLE par_docs (id int, body text);
INSERT INTO par_docs
SELECT i, format('تعهدت ألمانيا بتقديم %s مليار يورو لأوكرانيا في %s يونيو 2025، وقال الأمين العام لحلف الناتو مارك روته إن الحلف سيرفع الإنفاق إلى %s%% من الناتج. رقم %s',
                 i % 7 + 1, i % 28 + 1, i % 5 + 2, i)
FROM generate_series(1, 2000) i;
ANALYZE par_docs;

-- One serial snapshot of every function's output, then the same under forced parallelism.
CREATE TEMP TABLE serial AS
SELECT 'normalize' AS f, md5(string_agg(ar_normalize(body), '|' ORDER BY id)) AS h FROM par_docs
UNION ALL SELECT 'tokens', md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_tokens(body) t
UNION ALL SELECT 'tsvector', md5(string_agg(to_tsvector('arabic_news', body)::text, '|' ORDER BY id)) FROM par_docs
UNION ALL SELECT 'numbers', md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_numbers(body) t
UNION ALL SELECT 'dates', md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_dates(body, DATE '2025-01-01') t
UNION ALL SELECT 'pledges', md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_pledges(body) t
UNION ALL SELECT 'entities', md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_entities(body) t
UNION ALL SELECT 'entity_keys', md5(string_agg(ar_entity_keys(body)::text, '|' ORDER BY id)) FROM par_docs;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- force_parallel_mode was renamed debug_parallel_query in PostgreSQL 16.
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', true);
\ir ../lib/plan_of.sql
SELECT matches(pg_temp.plan_of($$SELECT ar_normalize(body) FROM par_docs$$), 'Gather',
               'the queries below really run in parallel workers');

SELECT is((SELECT h FROM serial WHERE f = 'normalize'),
          (SELECT md5(string_agg(ar_normalize(body), '|' ORDER BY id)) FROM par_docs), 'ar_normalize: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'tokens'),
          (SELECT md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_tokens(body) t), 'ar_tokens: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'tsvector'),
          (SELECT md5(string_agg(to_tsvector('arabic_news', body)::text, '|' ORDER BY id)) FROM par_docs), 'to_tsvector(arabic_news): parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'numbers'),
          (SELECT md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_numbers(body) t), 'ar_numbers: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'dates'),
          (SELECT md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_dates(body, DATE '2025-01-01') t), 'ar_dates: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'pledges'),
          (SELECT md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_pledges(body) t), 'ar_pledges: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'entities'),
          (SELECT md5(string_agg(t::text, '|' ORDER BY id, t.start_pos)) FROM par_docs, ar_entities(body) t), 'ar_entities: parallel = serial');
SELECT is((SELECT h FROM serial WHERE f = 'entity_keys'),
          (SELECT md5(string_agg(ar_entity_keys(body)::text, '|' ORDER BY id)) FROM par_docs), 'ar_entity_keys: parallel = serial');

-- DROP EXTENSION removes every object it created (checked inside this
-- transaction, which is rolled back).
DROP TABLE par_docs;
DROP EXTENSION arabic_news CASCADE;
SELECT is((SELECT count(*) FROM pg_proc WHERE proname LIKE 'ar\_%')
          + (SELECT count(*) FROM pg_ts_config WHERE cfgname = 'arabic_news')
          + (SELECT count(*) FROM pg_ts_dict WHERE dictname = 'arabic_news_stem')
          + (SELECT count(*) FROM pg_ts_parser WHERE prsname = 'arabic_news')
          + (SELECT count(*) FROM pg_ts_template WHERE tmplname = 'arabic_news_stem')
          + (SELECT count(*) FROM pg_class WHERE relname = 'user_entities'),
          0::bigint, 'DROP EXTENSION arabic_news CASCADE leaves nothing behind');

SELECT * FROM finish();
ROLLBACK;

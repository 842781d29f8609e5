-- Contracts of search meets analysis: ar_pledge_keys (key scheme, GIN use,
-- combined full-text + entity + pledge queries through indexes) and the
-- BI-ready statements documented in README.md (materialized views with a
-- concurrent refresh, and the trigger-maintained table).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
BEGIN;
SELECT plan(30);

SELECT volatility_is('ar_pledge_keys', ARRAY['text'], 'immutable', 'ar_pledge_keys is IMMUTABLE');
SELECT is_strict('ar_pledge_keys', ARRAY['text'], 'ar_pledge_keys is STRICT');
SELECT is((SELECT proparallel FROM pg_proc WHERE proname = 'ar_pledge_keys'), 's', 'ar_pledge_keys is PARALLEL SAFE');
SELECT volatility_is('ar_actor_entity', ARRAY['text'], 'immutable', 'ar_actor_entity is IMMUTABLE');
SELECT volatility_is('ar_pledge_rows', ARRAY['text', 'date'], 'immutable', 'ar_pledge_rows is IMMUTABLE');

-- The key scheme.
SELECT ok(ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا')
          @> '{kind:money,unit:EUR,EUR>=1e0,EUR>=1e9,actor:LOC:ألمانيا,actor_text:المانيا,cue:تعهدت}',
          'money pledge: kind, unit, every decade up to 1e9, actor entity and text, cue');
SELECT ok(NOT ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو') && '{EUR>=1e10}',
          'no bucket above the amount');
SELECT ok(ar_pledge_keys('واتفق الحلفاء على رفع الإنفاق الدفاعي إلى 3.5% من الناتج')
          @> '{kind:percent,unit:percent,percent>=1,percent>=3,cue:اتفق}'
          AND NOT ar_pledge_keys('واتفق الحلفاء على رفع الإنفاق الدفاعي إلى 3.5% من الناتج') && '{percent>=4}',
          'percent pledge: thresholds up to the value, cue without its glued conjunction');
SELECT is(ar_pledge_keys('وبلغ الإنفاق الأمريكي 900 مليار دولار'), '{}'::text[], 'a statistic gives no keys');
SELECT is(ar_pledge_keys('ولم تتعهد فرنسا بتقديم 3 مليارات يورو'), '{}'::text[], 'a negated promise gives no keys');
SELECT is(ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو'), ar_pledge_keys('تعهّدت المانيا بتقديم ٢ مليار يورو'),
          'spelling variants give the same keys');
SELECT is((SELECT count(*) FROM (VALUES ('تعهدت ألمانيا بتقديم ملياري يورو. واتفق الحلفاء على 5%')) v(t),
                  unnest(ar_pledge_keys(t)) WITH ORDINALITY u(k, i)
           WHERE i > 1 AND k COLLATE "C" <= (ar_pledge_keys(t))[i - 1] COLLATE "C"),
          0::bigint, 'keys are distinct and sorted bytewise');
SELECT is((SELECT kind || ':' || canonical FROM ar_actor_entity('وزير الخارجية الألماني يوهان فاديفول')),
          'PER:يوهان فاديفول', 'ar_actor_entity prefers a person to a nationality');

-- GIN: pledges of at least one billion euros, and combined queries.
CREATE TABLE news (id int PRIMARY KEY, published date, body text NOT NULL);
INSERT INTO news VALUES
	(1, '2025-06-25', 'في 24 حزيران/يونيو 2025 قال الأمين العام لحلف الناتو مارك روته إن ألمانيا تعهدت بتقديم ملياري يورو لأوكرانيا.'),
	(2, '2025-06-26', 'وتعهد الاتحاد الأوروبي بتقديم 500 مليون يورو لأوكرانيا.'),
	(3, '2025-06-27', 'وبلغ الإنفاق الأمريكي 900 مليار دولار في 2024.'),
	(4, NULL, 'ورصدت فرنسا 3 مليارات يورو للدفاع، واتفق الحلفاء في قمة الناتو على رفع الإنفاق إلى 5% من الناتج.');
INSERT INTO news SELECT 100 + g, DATE '2025-01-01' + g, 'خبر رقم ' || g || ' عن الطقس في المدينة' FROM generate_series(1, 300) g;
CREATE INDEX news_pledge_keys ON news USING gin (ar_pledge_keys(body));
ANALYZE news;
SET LOCAL enable_seqscan = off;
\ir ../lib/plan_of.sql
SELECT matches(pg_temp.plan_of($q$SELECT id FROM news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}'$q$),
               'Bitmap Index Scan on news_pledge_keys', 'EXPLAIN: @> on ar_pledge_keys uses the GIN index');
SELECT results_eq($q$SELECT id FROM news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}' ORDER BY id$q$,
                  ARRAY[1, 4], 'pledges of at least a billion euros: articles 1 and 4');
SELECT results_eq($q$SELECT id FROM news WHERE ar_pledge_keys(body) && '{actor:LOC:ألمانيا,actor:LOC:فرنسا}' ORDER BY id$q$,
                  ARRAY[1, 4], 'pledges by Germany or France (&&)');
SELECT results_eq($q$SELECT id FROM news WHERE ar_pledge_keys(body) @> '{kind:percent,percent>=5}' ORDER BY id$q$,
                  ARRAY[4], 'percentage pledges of at least 5%');

-- Full text + entity keys + pledge keys in one WHERE: one GIN index over
-- all three expressions serves every condition.
CREATE INDEX news_all ON news USING gin (to_tsvector('arabic_news', body), ar_entity_keys(body), ar_pledge_keys(body));
DROP INDEX news_pledge_keys;
ANALYZE news;
SELECT matches(pg_temp.plan_of($q$SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ plainto_tsquery('arabic_news', 'أوكرانيا')
	AND ar_entity_keys(body) @> '{ORG:حلف شمال الأطلسي}' AND ar_pledge_keys(body) @> '{EUR>=1e9}'$q$),
	'Index Cond: \(\(to_tsvector.*@@.*AND \(ar_entity_keys\(body\) @>.*AND \(ar_pledge_keys\(body\) @>',
	'EXPLAIN: the three conditions are all Index Cond of one GIN index');
SELECT results_eq($q$SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ plainto_tsquery('arabic_news', 'أوكرانيا')
	AND ar_entity_keys(body) @> '{ORG:حلف شمال الأطلسي}' AND ar_pledge_keys(body) @> '{EUR>=1e9}'$q$,
	ARRAY[1], 'combined query: NATO + Ukraine + a billion euros');
-- Separate indexes: each condition can be served by its own index (BitmapAnd
-- when several are selective; the planner may also keep the most selective
-- one and filter).
DROP INDEX news_all;
CREATE INDEX news_fts ON news USING gin (to_tsvector('arabic_news', body));
CREATE INDEX news_entity_keys ON news USING gin (ar_entity_keys(body));
CREATE INDEX news_pledge_keys ON news USING gin (ar_pledge_keys(body));
ANALYZE news;
SELECT doesnt_match(pg_temp.plan_of($q$SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ plainto_tsquery('arabic_news', 'أوكرانيا')
	AND ar_entity_keys(body) @> '{ORG:حلف شمال الأطلسي}' AND ar_pledge_keys(body) @> '{EUR>=1e9}'$q$),
	'Seq Scan', 'combined query with three separate indexes: no sequential scan');
RESET enable_seqscan;

-- BI: the statements of README.md, verbatim.
CREATE MATERIALIZED VIEW news_pledges AS
SELECT n.id AS document, n.published, r.*
FROM news n, ar_pledge_rows(n.body, n.published) r;
CREATE UNIQUE INDEX ON news_pledges (document, pledge_no);

CREATE MATERIALIZED VIEW news_entities AS
SELECT n.id AS document, n.published, e.mention::int, e.kind, e.canonical, e.surface, e.start_pos, e.end_pos
FROM news n, ar_entities(n.body) WITH ORDINALITY AS e(kind, surface, canonical, start_pos, end_pos, mention);
CREATE UNIQUE INDEX ON news_entities (document, mention);

SELECT results_eq($q$SELECT document, article_date, actor, actor_kind, actor_canonical, kind, value, unit, cue, surface
	FROM news_pledges ORDER BY document, pledge_no$q$,
	$q$VALUES (1, DATE '2025-06-24', 'ألمانيا', 'LOC', 'ألمانيا', 'money', 2000000000::numeric, 'EUR', 'تعهدت', 'ملياري يورو'),
	          (2, NULL, 'الاتحاد الأوروبي', 'ORG', 'الاتحاد الأوروبي', 'money', 500000000, 'EUR', 'وتعهد', '500 مليون يورو'),
	          (4, NULL, 'فرنسا', 'LOC', 'فرنسا', 'money', 3000000000, 'EUR', 'ورصدت', '3 مليارات يورو'),
	          (4, NULL, 'الحلفاء', NULL, NULL, 'percent', 5, 'percent', 'واتفق', '5%')$q$,
	'news_pledges: one row per pledge with actor entity and article date');
SELECT is((SELECT string_agg(format_type(atttypid, atttypmod), ',' ORDER BY attnum) FROM pg_attribute
           WHERE attrelid = 'news_pledges'::regclass AND attnum > 0),
          'integer,date,integer,date,text,text,text,text,numeric,text,text,text,text,boolean,integer,integer',
          'news_pledges has plain SQL-typed columns (no arrays, no JSON)');
SELECT ok((SELECT count(*) FROM news_entities WHERE document = 1 AND canonical = 'حلف شمال الأطلسي') = 1
          AND (SELECT count(*) FROM news_entities WHERE document = 1 AND kind = 'PER' AND canonical = 'مارك روته') = 1,
          'news_entities: one row per mention');
SELECT is((SELECT count(*) FROM news_entities e JOIN news n ON n.id = e.document
           WHERE substr(n.body, e.start_pos, e.end_pos - e.start_pos) <> e.surface), 0::bigint,
          'news_entities offsets point at the surface');

-- Refresh after new articles, without blocking readers.
INSERT INTO news VALUES (5, '2025-07-01', 'وخصصت بريطانيا 1.5 مليار جنيه إسترليني للدفاع الجوي.');
REFRESH MATERIALIZED VIEW CONCURRENTLY news_pledges;
REFRESH MATERIALIZED VIEW CONCURRENTLY news_entities;
SELECT results_eq($q$SELECT value, unit, actor_canonical FROM news_pledges WHERE document = 5$q$,
	$q$VALUES (1500000000::numeric, 'GBP', 'المملكة المتحدة')$q$, 'REFRESH … CONCURRENTLY picks the new article up');
SELECT results_eq($q$SELECT actor_canonical, unit, sum(value) FROM news_pledges WHERE kind = 'money'
	GROUP BY 1, 2 ORDER BY 3 DESC$q$,
	$q$VALUES ('فرنسا', 'EUR', 3000000000::numeric), ('ألمانيا', 'EUR', 2000000000), ('المملكة المتحدة', 'GBP', 1500000000),
	          ('الاتحاد الأوروبي', 'EUR', 500000000)$q$,
	'total pledged per actor and currency');

-- The incremental pattern: a table kept by a trigger.
CREATE TABLE news_pledge_rows AS
SELECT n.id AS document, n.published, r.* FROM news n, ar_pledge_rows(n.body, n.published) r;
ALTER TABLE news_pledge_rows ADD PRIMARY KEY (document, pledge_no);
CREATE FUNCTION news_pledge_rows_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN DELETE FROM news_pledge_rows WHERE document = OLD.id; END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO news_pledge_rows SELECT NEW.id, NEW.published, r.* FROM ar_pledge_rows(NEW.body, NEW.published) r;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER news_pledge_rows_sync AFTER INSERT OR DELETE OR UPDATE OF id, published, body ON news
	FOR EACH ROW EXECUTE FUNCTION news_pledge_rows_sync();

SELECT is((SELECT count(*) FROM news_pledge_rows), (SELECT count(*) FROM news_pledges), 'trigger table starts like the view');
INSERT INTO news VALUES (6, '2025-07-02', 'وتعهدت اليابان بتقديم 200 مليون دولار لإعادة الإعمار.');
SELECT results_eq($q$SELECT value, unit, actor_canonical FROM news_pledge_rows WHERE document = 6$q$,
	$q$VALUES (200000000::numeric, 'USD', 'اليابان')$q$, 'an insert adds its pledges');
UPDATE news SET body = 'وتعهدت اليابان بتقديم 300 مليون دولار.' WHERE id = 6;
SELECT results_eq($q$SELECT value FROM news_pledge_rows WHERE document = 6$q$,
	$q$VALUES (300000000::numeric)$q$, 'an update replaces them');
DELETE FROM news WHERE id = 6;
SELECT is((SELECT count(*) FROM news_pledge_rows WHERE document = 6), 0::bigint, 'a delete removes them');

SELECT * FROM finish();
ROLLBACK;

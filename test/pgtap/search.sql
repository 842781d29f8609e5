-- pgTAP contracts of the arabic_news text search configuration.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SELECT plan(8);

CREATE TABLE news (id int PRIMARY KEY, body text);
INSERT INTO news
SELECT g, CASE g % 5
	WHEN 0 THEN 'أكد الأمين العام لحلف الناتو أن الدول الأعضاء ستزيد الإنفاق الدفاعي إلى 5% من الناتج المحلي.'
	WHEN 1 THEN 'تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا في قمة برلين.'
	WHEN 2 THEN 'قالت الحكومة الفرنسية إن ماكرون سيزور السعودية الأسبوع المقبل.'
	WHEN 3 THEN 'ارتفعت أسعار النفط في الأسواق العالمية بنسبة ٣٫٥٪ أمس.'
	ELSE 'وافق البرلمان على الموازنة الجديدة بعد نقاش طويل في اللجنة المالية.' END || ' ' || g
FROM generate_series(1, 2000) g;
CREATE INDEX news_fts ON news USING gin (to_tsvector('arabic_news', body));
ANALYZE news;

SELECT has_index('news', 'news_fts', 'expression GIN index exists');

-- The planner uses the GIN index for @@ once sequential scans are off.
SET enable_seqscan = off;
\ir ../lib/plan_of.sql
SELECT matches(
	pg_temp.plan_of($$SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الإنفاق الدفاعي')$$),
	'Bitmap Index Scan on news_fts',
	'GIN index used for @@ with enable_seqscan = off');

-- Same answers with and without the index.
CREATE TEMP TABLE with_index AS
SELECT q, array_agg(id ORDER BY id) AS ids
FROM unnest(ARRAY['الإنفاق الدفاعي', 'حلف الناتو', 'ألمانيا', 'السعودية', '3.5%', 'البرلمان الموازنة', 'والحكومة']) q,
	LATERAL (SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ plainto_tsquery('arabic_news', q)) s
GROUP BY q;
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TEMP TABLE without_index AS
SELECT q, array_agg(id ORDER BY id) AS ids
FROM unnest(ARRAY['الإنفاق الدفاعي', 'حلف الناتو', 'ألمانيا', 'السعودية', '3.5%', 'البرلمان الموازنة', 'والحكومة']) q,
	LATERAL (SELECT id FROM news WHERE to_tsvector('arabic_news', body) @@ plainto_tsquery('arabic_news', q)) s
GROUP BY q;
RESET enable_bitmapscan;
RESET enable_indexscan;
SELECT is((SELECT count(*) FROM with_index)::int, 7, 'every query finds rows');
SELECT set_eq('SELECT * FROM with_index', 'SELECT * FROM without_index',
	'@@ gives the same rows with and without the index');

-- Phrase search across a stopword: إلى keeps its position.
SELECT ok(to_tsvector('arabic_news', 'رفع الإنفاق الدفاعي إلى 5%') @@ phraseto_tsquery('arabic_news', 'الدفاعي إلى 5%'),
	'phrase search matches across a stopword');
SELECT ok(NOT (to_tsvector('arabic_news', 'رفع الإنفاق الدفاعي 5%') @@ phraseto_tsquery('arabic_news', 'الدفاعي إلى 5%')),
	'the stopword still takes a position');

-- Clitic forms find each other.
SELECT ok(to_tsvector('arabic_news', 'وبالحلف') @@ to_tsquery('arabic_news', 'الحلف'), 'clitic forms match');

-- The configuration is built from the extension's own objects.
SELECT is((SELECT prsname::text FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser WHERE c.cfgname = 'arabic_news'), 'arabic_news', 'configuration uses the arabic_news parser');

SELECT * FROM finish();
ROLLBACK;

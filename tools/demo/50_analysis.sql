\echo '== Numbers meet in the index: "2 مليار يورو" finds "بملياري يورو", "ثلاثة مليارات" finds "3 مليارات"'
SELECT doc, ts_headline('arabic_news', body, q, 'MaxWords=14, MinWords=8') AS headline
FROM news, (VALUES (plainto_tsquery('arabic_news', '2 مليار يورو')), (plainto_tsquery('arabic_news', 'ثلاثة مليارات دولار'))) v(q)
WHERE to_tsvector('arabic_news', body) @@ q ORDER BY doc;

\echo '== Pledge keys: one GIN index answers "who pledged at least a billion euros"'
SELECT unnest(ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا، واتفق الحلفاء على رفع الإنفاق إلى 5%')) AS key;

CREATE INDEX news_pledge_keys ON news USING gin (ar_pledge_keys(body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT doc FROM news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}';
SELECT doc, title FROM news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}' ORDER BY doc;

\echo '== Full text + entities + pledges in one WHERE, one GIN index over all three'
DROP INDEX news_pledge_keys;
CREATE INDEX news_analysis ON news USING gin (to_tsvector('arabic_news', body), ar_entity_keys(body), ar_pledge_keys(body));
EXPLAIN (COSTS OFF) SELECT doc FROM news
WHERE to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الدفاع')
  AND ar_entity_keys(body) @> '{ORG:الاتحاد الأوروبي}' AND ar_pledge_keys(body) @> '{kind:money}';
RESET enable_seqscan;

\echo '== BI: one row per pledge (materialized view, refreshed concurrently)'
ALTER TABLE news ADD COLUMN published date;
CREATE MATERIALIZED VIEW news_pledges AS
SELECT n.id AS document, n.published, r.*
FROM news n, ar_pledge_rows(n.body, n.published) r;
CREATE UNIQUE INDEX ON news_pledges (document, pledge_no);
REFRESH MATERIALIZED VIEW CONCURRENTLY news_pledges;
SELECT document, article_date, actor, actor_canonical, kind, value, unit, cue, surface
FROM news_pledges ORDER BY document, pledge_no;

\echo '== Total pledged money per actor and currency'
SELECT coalesce(actor_canonical, actor, '(unnamed)') AS actor, unit, sum(value) AS pledged, count(*) AS pledges
FROM news_pledges WHERE kind = 'money'
GROUP BY 1, 2 ORDER BY unit NULLS LAST, pledged DESC;

\echo '== BI: one row per entity mention'
CREATE MATERIALIZED VIEW news_entities AS
SELECT n.id AS document, n.published, e.mention::int, e.kind, e.canonical, e.surface, e.start_pos, e.end_pos
FROM news n, ar_entities(n.body) WITH ORDINALITY AS e(kind, surface, canonical, start_pos, end_pos, mention);
CREATE UNIQUE INDEX ON news_entities (document, mention);
SELECT kind, canonical, count(*) AS mentions, count(DISTINCT document) AS articles
FROM news_entities GROUP BY kind, canonical ORDER BY mentions DESC, canonical LIMIT 10;

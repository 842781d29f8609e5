\echo '== Entities: people, organizations, places and nationalities with canonical names'
SELECT kind, surface, canonical, start_pos, end_pos
FROM ar_entities('قال الأمين العام للناتو مارك روته إن وزير الخارجية الألماني يوهان فاديفول زار برلين، وأكد روته أن حلف الناتو ووزارة الدفاع الأمريكية متفقان.');

\echo '== Top entities per article (NAT left out)'
SELECT doc, string_agg(format('%s:%s ×%s', kind, canonical, n), '، ' ORDER BY n DESC, canonical) AS top_entities
FROM (SELECT doc, kind, canonical, count(*) AS n,
             row_number() OVER (PARTITION BY doc ORDER BY count(*) DESC, canonical) AS r
      FROM news, ar_entities(body)
      WHERE kind <> 'NAT'
      GROUP BY doc, kind, canonical) s
WHERE r <= 5
GROUP BY doc ORDER BY doc;

\echo '== Articles mentioning the EU and the UN together, through a GIN index'
CREATE INDEX news_entity_keys ON news USING gin (ar_entity_keys(body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT doc FROM news WHERE ar_entity_keys(body) @> ARRAY['ORG:الاتحاد الأوروبي', 'ORG:الأمم المتحدة'];
SELECT doc, title FROM news
WHERE ar_entity_keys(body) @> ARRAY['ORG:الاتحاد الأوروبي', 'ORG:الأمم المتحدة'] ORDER BY doc;
RESET enable_seqscan;

-- Contracts of ar_entities / ar_entity_keys: labels, the offset contract,
-- GIN use, the seed articles (skipped when ../shared is absent), the user
-- gazetteer pattern.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
-- The five seed articles, empty strings when ../shared/seeds is not there.
\set s0 `cat ../shared/seeds/000_*.txt 2>/dev/null || true`
\set s1 `cat ../shared/seeds/001_*.txt 2>/dev/null || true`
\set s2 `cat ../shared/seeds/002_*.txt 2>/dev/null || true`
\set s3 `cat ../shared/seeds/003_*.txt 2>/dev/null || true`
\set s4 `cat ../shared/seeds/004_*.txt 2>/dev/null || true`
BEGIN;
SELECT plan(18);

SELECT volatility_is('ar_entities', ARRAY['text'], 'immutable', 'ar_entities is IMMUTABLE');
SELECT volatility_is('ar_entity_keys', ARRAY['text'], 'immutable', 'ar_entity_keys is IMMUTABLE');
SELECT is_strict('ar_entity_keys', ARRAY['text'], 'ar_entity_keys is STRICT');
SELECT is((SELECT bool_and(proparallel = 's') FROM pg_proc WHERE proname IN ('ar_entities', 'ar_entity_keys')),
          true, 'ar_entities and ar_entity_keys are PARALLEL SAFE');
SELECT volatility_is('ar_entities_user', ARRAY['text'], 'stable', 'ar_entities_user reads a table: STABLE');
SELECT volatility_is('ar_entity_keys_user', ARRAY['text'], 'stable', 'ar_entity_keys_user reads a table: STABLE');

CREATE TEMP TABLE seeds(n int, body text);
INSERT INTO seeds SELECT n, body FROM (VALUES (0, :'s0'), (1, :'s1'), (2, :'s2'), (3, :'s3'), (4, :'s4')) AS v(n, body)
WHERE body <> '';
CREATE TEMP TABLE docs(body text);
INSERT INTO docs VALUES
  ('قال الأمين العام للناتو مارك روته إن وزير الخارجية الألماني يوهان فاديفول زار برلين ولحلف الناتو.'),
  (E'وَبِالمُسْتَشَارِ الألمـاني أولاف شولتس\u200F في «بروكسل»، وللأمم المتحدة — NATO و EU.'),
  ('أعلنت وزارة الدفاع الأمريكية والحكومة العراقية وحركة حماس أن روته وشولتس سيلتقيان في لاهاي.');
INSERT INTO docs SELECT body FROM seeds;

SELECT is((SELECT count(*) FROM docs, ar_entities(body) e
           WHERE substr(body, e.start_pos, e.end_pos - e.start_pos) <> e.surface), 0::bigint,
          'substr(input, start_pos, end_pos - start_pos) = surface on every row (seeds included when present)');
SELECT is((SELECT count(*) FROM docs, ar_entities(body) e
           WHERE e.kind NOT IN ('PER', 'ORG', 'LOC', 'NAT') OR e.canonical = '' OR e.start_pos >= e.end_pos),
          0::bigint, 'every row has a known kind, a canonical and a non-empty span');
SELECT is((SELECT count(*) FROM docs
           WHERE ar_entity_keys(body) IS DISTINCT FROM
                 (SELECT coalesce(array_agg(k ORDER BY k COLLATE "C"), '{}')
                  FROM (SELECT DISTINCT kind || ':' || canonical AS k FROM ar_entities(body)) s)),
          0::bigint, 'ar_entity_keys = distinct sorted KIND:canonical of ar_entities');

-- GIN: "which articles mention NATO and Germany together" through the index.
CREATE TEMP TABLE news(id serial, body text);
INSERT INTO news(body) SELECT body FROM docs;
INSERT INTO news(body) SELECT 'خبر رقم ' || g || ' عن الطقس في المدينة' FROM generate_series(1, 200) g;
CREATE INDEX news_keys_idx ON news USING gin (ar_entity_keys(body));
ANALYZE news;
SET LOCAL enable_seqscan = off;
\ir ../lib/plan_of.sql
SELECT matches(pg_temp.plan_of($q$SELECT count(*) FROM news WHERE ar_entity_keys(body) @> ARRAY['ORG:حلف شمال الأطلسي', 'LOC:برلين']$q$),
               'news_keys_idx', 'EXPLAIN shows the GIN index for ar_entity_keys(body) @> ARRAY[...]');
SELECT is((SELECT count(*) FROM news WHERE ar_entity_keys(body) @> ARRAY['ORG:حلف شمال الأطلسي', 'LOC:برلين']),
          (SELECT count(*) FROM news WHERE 'ORG:حلف شمال الأطلسي' = ANY (ar_entity_keys(body))
                                       AND 'LOC:برلين' = ANY (ar_entity_keys(body))),
          'the index finds exactly the articles mentioning both');
RESET enable_seqscan;

-- Seed articles: every person, organization and place with the right canonical.
CREATE FUNCTION pg_temp.seed_has(k int, expected text[]) RETURNS text LANGUAGE sql AS $$
	SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM seeds WHERE n = k)
		THEN skip('../shared/seeds not available', 1)
		ELSE is((SELECT array(SELECT unnest(expected) EXCEPT SELECT unnest(ar_entity_keys(body)) ORDER BY 1)
				 FROM seeds WHERE n = k), '{}'::text[], format('seed %s: all expected entities found', k))
	END
$$;
SELECT pg_temp.seed_has(0, ARRAY['ORG:حلف شمال الأطلسي', 'PER:مارك روته', 'LOC:لاهاي', 'LOC:ألمانيا',
	'LOC:أوكرانيا', 'LOC:برلين', 'LOC:بروكسل', 'LOC:أوروبا']);
SELECT pg_temp.seed_has(1, ARRAY['ORG:حلف شمال الأطلسي', 'PER:مارك روته', 'PER:يوهان فاديفول',
	'PER:فريدريش ميرتس', 'PER:يوليا كلوكنر', 'ORG:البوندستاغ', 'LOC:ألمانيا', 'LOC:روسيا', 'LOC:لاهاي']);
SELECT pg_temp.seed_has(2, ARRAY['ORG:حلف شمال الأطلسي', 'ORG:الاتحاد الأوروبي', 'ORG:داعش',
	'PER:كايا كالاس', 'PER:أندريه سيبيها', 'LOC:الشرق الأوسط', 'LOC:البلقان', 'LOC:العراق',
	'LOC:سراييفو', 'LOC:كوسوفو', 'LOC:واشنطن', 'LOC:اليابان', 'LOC:نيوزيلندا', 'LOC:أستراليا']);
SELECT pg_temp.seed_has(3, ARRAY['ORG:حلف شمال الأطلسي', 'ORG:مجموعة السبع', 'ORG:المفوضية الأوروبية',
	'PER:مارك روته', 'PER:أورسولا فون دير لاين', 'PER:إيمانويل ماكرون', 'PER:جورجيا ميلوني',
	'PER:فرانك فالتر شتاينماير', 'PER:أولاف شولتس', 'PER:بوريس بيستوريوس', 'PER:كريستيان ليندنر',
	'PER:ألار كاريس', 'PER:كريستين ميخال', 'PER:مارجوس تساهكنا',
	'LOC:إستونيا', 'LOC:إيطاليا', 'LOC:روما', 'LOC:باريس', 'LOC:فرنسا', 'LOC:بروكسل']);
SELECT pg_temp.seed_has(4, ARRAY['ORG:حلف شمال الأطلسي', 'ORG:الاتحاد الأوروبي', 'PER:مارك روته',
	'PER:بيت هيغسيث', 'PER:دونالد ترامب', 'PER:جون هيلي', 'PER:دينيس شميهال', 'PER:كايا كالاس',
	'PER:دوايت أيزنهاور', 'LOC:الولايات المتحدة', 'LOC:المملكة المتحدة', 'LOC:كييف', 'LOC:كندا',
	'LOC:واشنطن', 'LOC:بروكسل', 'LOC:لاهاي']);

-- User gazetteer: a STABLE function cannot back an index, so keep its
-- result in a column maintained by a trigger and index the column.
INSERT INTO user_entities VALUES ('ORG', 'شركة الأمثلة', 'شركة الأمثلة القابضة');
CREATE TEMP TABLE mynews(id serial, body text, entity_keys text[]);
CREATE FUNCTION pg_temp.mynews_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.entity_keys := ar_entity_keys_user(NEW.body);
	RETURN NEW;
END $$;
CREATE TRIGGER mynews_keys BEFORE INSERT OR UPDATE OF body ON mynews
	FOR EACH ROW EXECUTE FUNCTION pg_temp.mynews_keys();
CREATE INDEX ON mynews USING gin (entity_keys);
INSERT INTO mynews(body) VALUES ('وقعت شركة الأمثلة عقدا مع الناتو في برلين');
SELECT is((SELECT entity_keys FROM mynews),
          ARRAY['LOC:برلين', 'ORG:حلف شمال الأطلسي', 'ORG:شركة الأمثلة القابضة'],
          'trigger-maintained keys include the user gazetteer');
SELECT is((SELECT count(*) FROM mynews WHERE entity_keys @> ARRAY['ORG:شركة الأمثلة القابضة']), 1::bigint,
          'the stored keys answer @> queries');

SELECT * FROM finish();
ROLLBACK;

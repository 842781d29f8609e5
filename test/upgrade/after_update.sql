-- Run after ALTER EXTENSION arabic_news UPDATE on the database that
-- before_update.sql prepared: the update reached the default version, and
-- the indexes, the generated column, the view and the user gazetteer built
-- on the old version give the same answers as a fresh install.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
RESET client_min_messages;
BEGIN;
SELECT plan(7);

SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'arabic_news'),
          :'default_version', 'ALTER EXTENSION UPDATE reaches the default version');

SET LOCAL enable_seqscan = off;
\ir ../lib/plan_of.sql
SELECT matches(pg_temp.plan_of($q$SELECT id FROM upgrade_news WHERE ar_entity_keys(body) @> ARRAY['LOC:برلين']$q$),
               'upgrade_news_keys', 'the planner still uses the expression index built before the update');
SELECT is(ARRAY(SELECT id FROM upgrade_news WHERE ar_entity_keys(body) @> ARRAY['LOC:برلين'] ORDER BY id),
          ARRAY[1], 'the entity-key GIN index built on the old version still answers');
SELECT is(ARRAY(SELECT id FROM upgrade_news WHERE tsv @@ plainto_tsquery('arabic_news', 'الناتو') ORDER BY id),
          ARRAY[1], 'the stored tsvector and its index still answer');
-- 0.3 switches the rarity marks off: stored tsvectors keep their marks until
-- they are recomputed (the documented step after the update), then match.
UPDATE upgrade_news SET body = body;
REINDEX INDEX upgrade_news_tsv;
SELECT is((SELECT count(*) FROM upgrade_news WHERE tsv <> to_tsvector('arabic_news', body)), 0::bigint,
          'after recomputing them, stored tsvectors equal what the updated configuration computes');
SELECT is(ARRAY(SELECT value FROM upgrade_pledges ORDER BY id), ARRAY[500000000::numeric],
          'a view over ar_pledges still works');
SELECT ok('ORG:مجموعة الرصد' = ANY (ar_entity_keys_user('قالت مجموعة الرصد إن')),
          'the user gazetteer kept its rows');

SELECT * FROM finish();
ROLLBACK;

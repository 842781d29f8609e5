SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- The key scheme on a text with a money pledge, an agreed percentage target
-- with parts, a statistic and a negated promise (neither is a pledge).
SELECT unnest(ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا. واتفق الحلفاء على رفع الإنفاق الدفاعي إلى 5% من الناتج المحلي الإجمالي، منها 3.5% للدفاع الأساسي و1.5% للبنية التحتية. وبلغ الإنفاق الأمريكي 900 مليار دولار. ولم تتعهد فرنسا بتقديم 3 مليارات يورو.')) AS key;

-- Spelling variants of the same pledge give the same keys.
SELECT ar_pledge_keys('تعهدت ألمانيا بتقديم ملياري يورو') = ar_pledge_keys('تعهّدت المانيا بتقديم ٢ مليار يورو') AS same_keys;

-- An actor that is a nationality, an organization, a person with a title.
SELECT unnest(ar_pledge_keys('وتعهد الاتحاد الأوروبي بتقديم 500 مليون يورو.')) AS key;
SELECT unnest(ar_pledge_keys('وقالت الحكومة إن وزير الخارجية الألماني يوهان فاديفول وعد بتقديم 300 مليون دولار.')) AS key;

-- Money whose currency the text leaves open has a kind but no unit or bucket.
SELECT ar_pledge_keys('وتعهدت الحكومة بتقديم 40 مليون دينار');

-- Small amounts and fractions: buckets up to the amount's own decade.
SELECT ar_pledge_keys('خصصت البلدية 12 دولارا');
SELECT ar_pledge_keys('وتعهدت بتقديم 0.5% من الناتج');

-- No pledge, empty, NULL.
SELECT ar_pledge_keys('وبلغ الإنفاق الأمريكي 900 مليار دولار.');
SELECT ar_pledge_keys('');
SELECT ar_pledge_keys(NULL);

-- ar_actor_entity: the entity an actor names.
SELECT * FROM ar_actor_entity('ألمانيا');
SELECT * FROM ar_actor_entity('وزير الخارجية الألماني يوهان فاديفول');
SELECT * FROM ar_actor_entity('الحكومة الألمانية');
SELECT * FROM ar_actor_entity('الحلفاء');
SELECT * FROM ar_actor_entity('');
SELECT * FROM ar_actor_entity(NULL);

-- Pledges of at least a billion euros, through a GIN index.
CREATE TABLE pk_news (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO pk_news VALUES
	(1, 'تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا.'),
	(2, 'وتعهد الاتحاد الأوروبي بتقديم 500 مليون يورو.'),
	(3, 'وبلغ الإنفاق الأمريكي 900 مليار دولار.'),
	(4, 'ورصدت فرنسا 3 مليارات يورو للدفاع.');
CREATE INDEX pk_news_keys ON pk_news USING gin (ar_pledge_keys(body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM pk_news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}';
SELECT id FROM pk_news WHERE ar_pledge_keys(body) @> '{EUR>=1e9}' ORDER BY id;
SELECT id FROM pk_news WHERE ar_pledge_keys(body) && '{actor:LOC:ألمانيا,actor:LOC:فرنسا}' ORDER BY id;
RESET enable_seqscan;
DROP TABLE pk_news;

-- Errors: the same as every other function (non-UTF8 databases are covered
-- by the encoding test); a wrong type.
SELECT ar_pledge_keys(42);

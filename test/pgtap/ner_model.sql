-- The entity tagger's model file (src/pg_ner.c): loaded once per backend,
-- the setting arabic_news.ner_model points at another file, and a missing,
-- empty, truncated or damaged file gives a clear error with its SQLSTATE on
-- every call, never a crash or a half-loaded model; RESET restores tagging.
--
-- The damaged copies are written into the data directory (the server's
-- working directory, which it can read and write) with lo_export; the
-- setting names them by relative path.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
-- the setting exists once the library is loaded (another test file may have
-- created the extension in this database: nothing has loaded it yet here)
LOAD 'arabic_news';
BEGIN;
SELECT plan(27);

-- the installed model, as the server sees it (pg_config follows the install's relocation)
CREATE TEMP TABLE model AS
SELECT pg_read_binary_file(setting || '/extension/arabic_news_ner.model') AS img
  FROM pg_config WHERE name = 'SHAREDIR';
CREATE FUNCTION pg_temp.write_model(path text, img bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	o oid := lo_from_bytea(0, img);
BEGIN
	PERFORM lo_export(o, path);
	PERFORM lo_unlink(o);
	RETURN path;
END $$;
CREATE TEMP TABLE written (path text);
-- the image with byte i (0-based) inverted
CREATE FUNCTION pg_temp.flipped(img bytea, i int) RETURNS bytea
LANGUAGE sql AS $$ SELECT set_byte(img, i, get_byte(img, i) # 255) $$;

\set doc 'قال الأمين العام للناتو مارك روته في لاهاي إن وزير الخارجية الألماني يوهان فاديفول زار برلين، وأكد روته أن وزارة الدفاع الأمريكية متفقة.'
\set q_entities 'SELECT count(*) FROM doc, ar_entities(body)'

SELECT is(current_setting('arabic_news.ner_model'), '', 'arabic_news.ner_model defaults to '''' (the installed model)');
SELECT ok((SELECT length(img) FROM model) > 64, 'the installed model file is there and not empty');
CREATE TEMP TABLE doc AS SELECT :'doc'::text AS body;
CREATE TEMP TABLE tagged AS SELECT * FROM ar_entities(:'doc');
CREATE TEMP TABLE keys AS SELECT ar_entity_keys(:'doc') AS k;
SELECT ok((SELECT count(*) FROM tagged WHERE kind = 'PER') > 0, 'the installed model tags the persons of a news sentence');

-- an intact copy under another name tags exactly as the installed file
INSERT INTO written SELECT pg_temp.write_model('arabic_news_ner_test_copy.model', img) FROM model;
SET arabic_news.ner_model = 'arabic_news_ner_test_copy.model';
SELECT results_eq('SELECT e.* FROM doc, ar_entities(body) e', 'SELECT * FROM tagged',
                  'a byte-identical copy named by the setting gives the same rows');

-- damaged copies and files that are not there or not files: each case is
-- written (when it has an image), named by the setting, and tagging fails
-- with its SQLSTATE (data_corrupted XX001, undefined_file 58P01,
-- wrong_object_type 42809)
CREATE TEMP TABLE cases (n int, path text, image bytea, sqlstate text, what text);
INSERT INTO cases
SELECT n, 'arabic_news_ner_test_' || name || '.model', image, 'XX001', what || ': data_corrupted'
  FROM model, LATERAL (VALUES
	(1, 'trunc_half', substring(img FROM 1 FOR length(img) / 2), 'truncated to half'),
	(2, 'trunc_last', substring(img FROM 1 FOR length(img) - 1), 'the last byte cut'),
	(3, 'trunc_head', substring(img FROM 1 FOR 10), 'shorter than its header'),
	(4, 'flip_magic', pg_temp.flipped(img, 0), 'first byte flipped (magic)'),
	(5, 'flip_middle', pg_temp.flipped(img, length(img) / 2), 'a byte flipped in the weights'),
	(6, 'flip_last', pg_temp.flipped(img, length(img) - 1), 'the last byte flipped'),
	(7, 'longer', img || '\x00'::bytea, 'a byte appended'),
	(8, 'empty', ''::bytea, 'an empty file')) AS c(n, name, image, what);
INSERT INTO cases VALUES
	(9, 'arabic_news_ner_test_no_such_file.model', NULL, '58P01', 'a missing file: undefined_file'),
	(10, '/nonexistent/dir/arabic_news_ner.model', NULL, '58P01', 'a missing directory: undefined_file'),
	(11, 'base', NULL, '42809', 'a directory: wrong_object_type');
INSERT INTO written SELECT pg_temp.write_model(path, image) FROM cases WHERE image IS NOT NULL;
-- tagging under the setting path (set_config is undone with throws_ok's subtransaction)
CREATE FUNCTION pg_temp.tag_with(path text) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('arabic_news.ner_model', path, false);
	RETURN (SELECT count(*) FROM doc, ar_entities(body));
END $$;
SELECT throws_ok(format('SELECT pg_temp.tag_with(%L)', path), sqlstate, NULL, what) FROM cases ORDER BY n;

-- a failed load leaves nothing behind: the next call fails the same way,
-- and every function that tags loads the model first
SET arabic_news.ner_model = 'arabic_news_ner_test_trunc_half.model';
SELECT throws_ok(:'q_entities', 'XX001', NULL, 'truncated to half: data_corrupted');
SELECT throws_ok(:'q_entities', 'XX001', NULL, 'truncated to half, called again: still data_corrupted (nothing half-loaded)');
SELECT throws_like(:'q_entities', '%arabic_news_ner_test_trunc_half.model" is damaged: %',
                   'the message names the file and says what is wrong');
SELECT throws_ok('SELECT ar_entity_keys(body) FROM doc', 'XX001', NULL,
                 'ar_entity_keys loads the model too');
SELECT throws_ok('SELECT * FROM ar_actor_entity(''وزير الخارجية الألماني'')', 'XX001', NULL,
                 'ar_actor_entity loads the model too');

-- back to the installed model: the same rows and keys as before
RESET arabic_news.ner_model;
SELECT results_eq('SELECT e.* FROM doc, ar_entities(body) e', 'SELECT * FROM tagged',
                  'after RESET, ar_entities tags as before');
SELECT is(ar_entity_keys(:'doc'), (SELECT k FROM keys), 'after RESET, ar_entity_keys as before');

-- only a superuser may change the model; the prefix arabic_news. is reserved
CREATE ROLE arabic_news_ner_test_user;
SET ROLE arabic_news_ner_test_user;
SELECT throws_ok('SET arabic_news.ner_model = ''x''', '42501', NULL,
                 'arabic_news.ner_model is superuser-only (PGC_SUSET)');
RESET ROLE;
SELECT throws_ok('SET arabic_news.no_such_setting = 1', '42602', NULL,
                 'unknown settings under arabic_news. are refused');
SELECT is(current_setting('arabic_news.ner_model'), '', 'the setting is back to ''''');

-- memory stays flat with the model loaded: 20,000 more calls after a
-- warm-up grow the backend by less than 4 MB (200 bytes a call would show;
-- make reliability-memory is the 200,000-row version over the corpus)
CREATE TEMP TABLE rss (phase text, kb bigint);
CREATE TEMP TABLE warm AS SELECT count(*) FROM doc, generate_series(1, 2000) g, ar_entities(body || g);
INSERT INTO rss SELECT 'before', substring(pg_read_file('/proc/self/status') FROM 'VmRSS:\s+(\d+)')::bigint;
CREATE TEMP TABLE ran AS
SELECT (SELECT count(*) FROM doc, generate_series(1, 10000) g, ar_entities(body || g)) AS n_entities,
       (SELECT sum(cardinality(ar_entity_keys(body || g))) FROM doc, generate_series(1, 10000) g) AS n_keys;
INSERT INTO rss SELECT 'after', substring(pg_read_file('/proc/self/status') FROM 'VmRSS:\s+(\d+)')::bigint;
SELECT cmp_ok((SELECT kb FROM rss WHERE phase = 'after') - (SELECT kb FROM rss WHERE phase = 'before'), '<', 4096::bigint,
              'RSS grows by less than 4 MB over 20,000 calls of ar_entities and ar_entity_keys');
SELECT ok((SELECT count(*) FROM ar_entities(:'doc')) = (SELECT count(*) FROM tagged),
          'tagging still works at the end');

SELECT * FROM finish();
ROLLBACK;

-- Contracts of the foundation: labels, the offset contract, big inputs, cancellation.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
BEGIN;
SELECT plan(19);

SELECT volatility_is('ar_normalize', ARRAY['text','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean'],
                     'immutable', 'ar_normalize is IMMUTABLE');
SELECT is_strict('ar_normalize', ARRAY['text','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean','boolean'],
                 'ar_normalize is STRICT');
SELECT volatility_is('ar_tokens', ARRAY['text','boolean'], 'immutable', 'ar_tokens is IMMUTABLE');
SELECT is((SELECT bool_and(proparallel = 's') FROM pg_proc WHERE proname IN ('ar_normalize', 'ar_tokens')),
          true, 'both are PARALLEL SAFE');

-- The offset contract on mixed news text, with white space rows included.
CREATE TEMP TABLE docs(body text);
INSERT INTO docs VALUES
  ('أعلنت المفوضية الأوروبية، الثلاثاء ١٥ يوليو/تموز ٢٠٢٥، عن تخصيص 150 مليار يورو (نحو 160 مليار دولار) للدفاع.'),
  (E'قال مسئول في حلف الناتو\u200F إن «الحلف» سيرفع الإنفاق إلى ٥٪ — راجعوا https://www.nato.int أو press@nato.int.'),
  (E'ﻻ\u00A0تعليق؛ مُحَمَّدٌ والـ76 وبـ3.5%، G7 و F-35.\n\nسطر جديد\tوعلامة تبويب');
SELECT is((SELECT count(*) FROM docs, ar_tokens(body, true) t
           WHERE substr(body, t.start_pos, t.end_pos - t.start_pos) <> t.token), 0::bigint,
          'substr(input, start_pos, end_pos - start_pos) = token for every row');
SELECT is((SELECT bool_and(covered) FROM (
             SELECT string_agg(token, '' ORDER BY start_pos) = body AS covered
             FROM docs, ar_tokens(body, true) GROUP BY body) s), true,
          'tokens with spaces reassemble the input exactly');
SELECT is((SELECT count(*) FROM docs, ar_tokens(body) t WHERE t.normalized <> ar_normalize(t.token)), 0::bigint,
          'the normalized column is ar_normalize of the token');

-- Big inputs work, in memory proportional to the input.
SELECT is(length(ar_normalize(repeat('بَـ', 20000000))), 20000000,
          'a 100 MB input normalizes (diacritics and tatweel removed)');
SELECT is((SELECT count(*) FROM ar_tokens(repeat('كلمة ', 1000000))), 1000000::bigint,
          'a million tokens');

-- A long call stops promptly on statement_timeout (CHECK_FOR_INTERRUPTS in the core).
-- pgTAP's throws_ok cannot trap query_canceled (WHEN OTHERS never does), so
-- a small helper catches it by name.
CREATE FUNCTION pg_temp.cancelled(q text) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE q;
	RETURN false;
EXCEPTION WHEN query_canceled THEN
	RETURN true;
END
$f$;
CREATE TEMP TABLE big AS SELECT repeat('تعهدت ألمانيا بتقديم ملياري يورو في 15 يونيو 2025 و5% ', 500000) AS s;
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM big, ar_tokens(big.s)$$),
          'ar_tokens is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT sum(length(ar_normalize(big.s || x::text))) FROM big, generate_series(1, 50) x$$),
          'ar_normalize is cancelled by statement_timeout');
-- Every other function, on one 27 MB text (each takes seconds on it).
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT length(to_tsvector('arabic_news', big.s)) FROM big$$),
          'to_tsvector(arabic_news) is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM big, ar_numbers(big.s)$$),
          'ar_numbers is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM big, ar_dates(big.s, DATE '2025-01-01')$$),
          'ar_dates is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM big, ar_pledges(big.s)$$),
          'ar_pledges is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT cardinality(ar_pledge_keys(big.s)) FROM big$$),
          'ar_pledge_keys is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM big, ar_entities(big.s)$$),
          'ar_entities is cancelled by statement_timeout');
SET LOCAL statement_timeout = '200ms';
SELECT ok(pg_temp.cancelled($$SELECT cardinality(ar_entity_keys(big.s)) FROM big$$),
          'ar_entity_keys is cancelled by statement_timeout');
RESET statement_timeout;

-- No leak across calls: per-call memory belongs to the executor's contexts.
SELECT lives_ok($$SELECT sum(length(ar_normalize(body || i::text))) FROM docs, generate_series(1, 20000) i$$,
                'many calls in one statement');

SELECT * FROM finish();
ROLLBACK;

-- Contracts of ar_numbers, ar_dates and ar_pledges: labels, the offset
-- contract on every row of the five seed articles (skipped when
-- ../shared/seeds is absent), bad input.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
\set seed0 `cat ../shared/seeds/000_*.txt 2>/dev/null`
\set seed1 `cat ../shared/seeds/001_*.txt 2>/dev/null`
\set seed2 `cat ../shared/seeds/002_*.txt 2>/dev/null`
\set seed3 `cat ../shared/seeds/003_*.txt 2>/dev/null`
\set seed4 `cat ../shared/seeds/004_*.txt 2>/dev/null`
BEGIN;
SELECT plan(16);

SELECT volatility_is('ar_numbers', ARRAY['text'], 'immutable', 'ar_numbers is IMMUTABLE');
SELECT is_strict('ar_numbers', ARRAY['text'], 'ar_numbers is STRICT');
SELECT volatility_is('ar_pledges', ARRAY['text'], 'immutable', 'ar_pledges is IMMUTABLE');
SELECT is_strict('ar_pledges', ARRAY['text'], 'ar_pledges is STRICT');
SELECT volatility_is('ar_dates', ARRAY['text', 'date'], 'immutable', 'ar_dates is IMMUTABLE (the reference is an argument)');
SELECT isnt_strict('ar_dates', ARRAY['text', 'date'], 'ar_dates is not STRICT (the reference may be NULL)');
SELECT is((SELECT bool_and(proparallel = 's') FROM pg_proc WHERE proname IN ('ar_numbers', 'ar_dates', 'ar_pledges')),
          true, 'all three are PARALLEL SAFE');

CREATE TEMP TABLE seeds (doc int, body text);
INSERT INTO seeds
SELECT * FROM (VALUES (0, :'seed0'), (1, :'seed1'), (2, :'seed2'), (3, :'seed3'), (4, :'seed4')) v(doc, body)
WHERE body <> '';

-- The offset contract on every row of every seed article.
SELECT CASE WHEN (SELECT count(*) FROM seeds) < 5 THEN skip('../shared/seeds not found', 1) ELSE
  is((SELECT count(*) FROM seeds s, ar_numbers(s.body) n
      WHERE substr(s.body, n.start_pos, n.end_pos - n.start_pos) <> n.surface), 0::bigint,
     'ar_numbers: substr(input, start_pos, end_pos - start_pos) = surface on every seed row') END;
SELECT CASE WHEN (SELECT count(*) FROM seeds) < 5 THEN skip('../shared/seeds not found', 1) ELSE
  is((SELECT count(*) FROM seeds s, ar_dates(s.body, DATE '2025-04-02') d
      WHERE substr(s.body, d.start_pos, d.end_pos - d.start_pos) <> d.surface), 0::bigint,
     'ar_dates: the offset contract on every seed row') END;
SELECT CASE WHEN (SELECT count(*) FROM seeds) < 5 THEN skip('../shared/seeds not found', 1) ELSE
  is((SELECT count(*) FROM seeds s, ar_pledges(s.body) p
      WHERE substr(s.body, p.start_pos, p.end_pos - p.start_pos) <> p.surface), 0::bigint,
     'ar_pledges: the offset contract on every seed row') END;
SELECT CASE WHEN (SELECT count(*) FROM seeds) < 5 THEN skip('../shared/seeds not found', 1) ELSE
  is((SELECT count(*) FROM seeds s, ar_numbers(s.body) n), 31::bigint,
     'ar_numbers finds the 31 numbers of the seed articles') END;
SELECT CASE WHEN (SELECT count(*) FROM seeds) < 5 THEN skip('../shared/seeds not found', 1) ELSE
  set_eq($$SELECT p.surface, p.value FROM seeds s, ar_pledges(s.body) p$$,
         $$VALUES ('2%', 2::numeric), ('ملياري يورو', 2000000000), ('5%', 5), ('3.5%', 3.5), ('1.5%', 1.5)$$,
         'the pledges of the seed articles') END;

-- ar_pledges rows are ar_numbers rows.
SELECT is((SELECT count(*) FROM (VALUES ('تعهدت ألمانيا بتقديم ملياري يورو ورفع الإنفاق إلى 5%')) t(b),
           ar_pledges(b) p
           WHERE NOT EXISTS (SELECT 1 FROM ar_numbers(b) n WHERE n.start_pos = p.start_pos
                             AND n.end_pos = p.end_pos AND n.value = p.value)), 0::bigint,
          'every pledge is also a row of ar_numbers');

-- Bad input: no crash, linear time.
SELECT is((SELECT count(*) FROM ar_numbers(repeat('ثلاثة وعشرون مليونا ', 20000))), 20000::bigint,
          '20,000 number phrases in one text');
SELECT is((SELECT count(*) FROM ar_dates(repeat('12 نوفمبر 2024 ', 20000))), 20000::bigint,
          '20,000 dates in one text');
SELECT throws_ok($$SELECT * FROM ar_dates('أمس', 'infinity')$$, '22023',
                 'reference date must be finite', 'an infinite reference is refused');

SELECT * FROM finish();
ROLLBACK;

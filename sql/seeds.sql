-- The five seed articles of ../shared/seeds: every pledge, amount,
-- percentage and date they contain.  Without ../shared the table stays
-- empty and every query returns no rows (expected/seeds_1.out).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SET datestyle = ISO;
\set seed0 `cat ../shared/seeds/000_*.txt 2>/dev/null`
\set seed1 `cat ../shared/seeds/001_*.txt 2>/dev/null`
\set seed2 `cat ../shared/seeds/002_*.txt 2>/dev/null`
\set seed3 `cat ../shared/seeds/003_*.txt 2>/dev/null`
\set seed4 `cat ../shared/seeds/004_*.txt 2>/dev/null`
CREATE TEMP TABLE seeds (doc int, body text);
INSERT INTO seeds
SELECT * FROM (VALUES (0, :'seed0'), (1, :'seed1'), (2, :'seed2'), (3, :'seed3'), (4, :'seed4')) v(doc, body)
WHERE body <> '';

-- Pledges: one row per commitment.
SELECT s.doc, p.kind, p.value, p.unit, p.surface, p.actor, p.cue, p.purpose
FROM seeds s, LATERAL ar_pledges(s.body) p ORDER BY s.doc, p.start_pos;

-- Amounts and percentages (pledged or not).
SELECT s.doc, n.kind, n.value, n.unit, n.surface, n.approx
FROM seeds s, LATERAL ar_numbers(s.body) n
WHERE n.kind IN ('money', 'percent') ORDER BY s.doc, n.start_pos;

-- Every other number, with its kind.
SELECT s.doc, n.kind, n.value, n.unit, n.surface
FROM seeds s, LATERAL ar_numbers(s.body) n
WHERE n.kind NOT IN ('money', 'percent') ORDER BY s.doc, n.start_pos;

-- Dates, resolved against the first full date each article gives (its
-- dateline); articles 0-2 have none, so they are read with an assumed
-- publication date of 2 April 2025 (relative words need some reference).
SELECT s.doc, d.value, d.surface, d.precision
FROM seeds s,
     LATERAL (SELECT coalesce((SELECT value FROM ar_dates(s.body) WHERE precision = 'day'
                               ORDER BY start_pos LIMIT 1), DATE '2025-04-02') AS value) r,
     LATERAL ar_dates(s.body, r.value) d
ORDER BY s.doc, d.start_pos;

-- Without a reference only the dates written in full remain.
SELECT s.doc, d.value, d.surface, d.precision
FROM seeds s, LATERAL ar_dates(s.body) d
ORDER BY s.doc, d.start_pos;

\echo '== Pledges in the news: who committed how much, to what'
SELECT doc, actor, cue, kind, value, unit, surface, purpose
FROM news, ar_pledges(body) ORDER BY doc, start_pos;

\echo '== Every amount and percentage, with its kind (pledged or not)'
SELECT doc, kind, value, unit, surface, approx
FROM news, ar_numbers(body) WHERE kind IN ('money', 'percent') ORDER BY doc, start_pos;

\echo '== Dates, read against each document''s first full date (or 1 July 2025)'
SELECT n.doc, d.value, d.precision, d.surface
FROM news n,
     LATERAL (SELECT coalesce((SELECT value FROM ar_dates(n.body) WHERE precision = 'day'
                               ORDER BY start_pos LIMIT 1), DATE '2025-07-01') AS value) r,
     LATERAL ar_dates(n.body, r.value) d
ORDER BY n.doc, d.start_pos;

\echo '== Total pledged money per currency'
SELECT unit, sum(value) AS pledged, count(*) AS pledges
FROM news, ar_pledges(body) WHERE kind = 'money' GROUP BY unit ORDER BY pledged DESC;

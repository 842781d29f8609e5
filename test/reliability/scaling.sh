#!/usr/bin/env bash
# scaling.sh — "make reliability-scaling": time of every function on the
# adversarial inputs of the hardening issue (diacritic, digit and tatweel
# runs, repeated scale words, mixed scripts) and on news text, at 0.5, 1 and
# 4 million characters.  Linear work shows as a 4M/0.5M ratio near 8; a
# quadratic one would give 64.  Measured, not asserted (noisy machines).
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE scaling" >/dev/null
an_psql -d scaling -c "CREATE EXTENSION arabic_news" >/dev/null
an_psql -d scaling -At <<'SQL'
SET client_min_messages = warning;
CREATE TABLE input_kind (kind text PRIMARY KEY, unit text);
-- each unit is repeated up to the wanted number of characters
INSERT INTO input_kind VALUES
	('diacritics', 'بَُِّْ'),
	('digits', '7'),
	('tatweels', 'ـ'),
	('scale words', 'مليون '),
	('mixed scripts', 'abcابج١٢٣۴۵ΩЖ中ﻻ‍'),
	('news text', 'تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا في 15 يونيو 2025، وقال الأمين العام لحلف الناتو مارك روته إن الحلف سيرفع الإنفاق إلى 5% ');
CREATE TABLE input_text AS
	SELECT kind, n, left(repeat(unit, n / length(unit) + 1), n) AS s
	FROM input_kind, unnest(ARRAY[500000, 1000000, 2000000, 4000000]) AS n;
CREATE TABLE fn (ord int, name text, q text);
INSERT INTO fn VALUES
	(1, 'ar_normalize', 'length(ar_normalize(s))'),
	(2, 'ar_tokens', '(SELECT count(*) FROM ar_tokens(s))'),
	(3, 'to_tsvector(''arabic_news'')', 'length(to_tsvector(''arabic_news'', s))'),
	(4, 'ar_numbers', '(SELECT count(*) FROM ar_numbers(s))'),
	(5, 'ar_dates', '(SELECT count(*) FROM ar_dates(s, DATE ''2025-01-01''))'),
	(6, 'ar_pledges', '(SELECT count(*) FROM ar_pledges(s))'),
	(7, 'ar_pledge_keys', 'cardinality(ar_pledge_keys(s))'),
	(8, 'ar_entities', '(SELECT count(*) FROM ar_entities(s))'),
	(9, 'ar_entity_keys', 'cardinality(ar_entity_keys(s))');
CREATE TABLE timing (kind text, fn int, n int, ms numeric);
DO $$
DECLARE r record; f record; t0 timestamptz; best numeric; k int;
BEGIN
	FOR r IN SELECT kind, n, s FROM input_text ORDER BY kind, n LOOP
		FOR f IN SELECT * FROM fn ORDER BY ord LOOP
			best := NULL;
			FOR k IN 1..2 LOOP	-- the better of two runs
				t0 := clock_timestamp();
				EXECUTE 'SELECT ' || f.q || ' FROM (SELECT $1::text AS s) AS i' USING r.s;
				best := least(coalesce(best, 1e9), extract(epoch FROM clock_timestamp() - t0) * 1000);
			END LOOP;
			INSERT INTO timing VALUES (r.kind, f.ord, r.n, best);
		END LOOP;
	END LOOP;
END $$;
SELECT '| input | function | 0.5M chars (ms) | 1M (ms) | 2M (ms) | 4M (ms) | 4M / 0.5M |';
SELECT '| --- | --- | ---: | ---: | ---: | ---: | ---: |';
SELECT format('| %s | %s | %s | %s | %s | %s | %s |', t.kind, fn.name,
	round(max(ms) FILTER (WHERE n = 500000), 1), round(max(ms) FILTER (WHERE n = 1000000), 1),
	round(max(ms) FILTER (WHERE n = 2000000), 1), round(max(ms) FILTER (WHERE n = 4000000), 1),
	round(max(ms) FILTER (WHERE n = 4000000) / nullif(max(ms) FILTER (WHERE n = 500000), 0), 1))
FROM timing t JOIN fn ON fn.ord = t.fn
GROUP BY t.kind, fn.ord, fn.name
ORDER BY (SELECT min(ctid::text) FROM input_kind WHERE input_kind.kind = t.kind), fn.ord;
SQL

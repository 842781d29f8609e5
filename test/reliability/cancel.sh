#!/usr/bin/env bash
# cancel.sh — "make reliability-cancel": with statement_timeout = '1s', how
# long each function takes to give up on a 100 MB input (measured, not
# asserted: tests never time things on a noisy machine).
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE cancel" >/dev/null
an_psql -d cancel -c "CREATE EXTENSION arabic_news" >/dev/null
# About 100 MB of news-like text, built once and stored (TOAST-compressed).
an_psql -d cancel -c "CREATE TABLE big AS SELECT repeat('تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا في 15 يونيو 2025، وقال الأمين العام لحلف الناتو مارك روته إن الحلف سيرفع الإنفاق إلى 5% ', 480000) AS s" >/dev/null
echo "input: $(an_psql -d cancel -Atc "SELECT pg_size_pretty(octet_length(s)::bigint) FROM big")"
echo "| function | statement_timeout | cancelled after |"
echo "| --- | --- | ---: |"
while IFS='|' read -r name q; do
	t=$(an_psql -d cancel -At 2>&1 <<SQL | tail -1
SET statement_timeout = '1s';
CREATE FUNCTION pg_temp.t() RETURNS text LANGUAGE plpgsql AS \$f\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	BEGIN
		PERFORM $q;
	EXCEPTION WHEN query_canceled THEN
		RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2) || ' s';
	END;
	RETURN 'completed in ' || round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2) || ' s';
END \$f\$;
SELECT pg_temp.t();
SQL
)
	echo "| $name | 1s | $t |"
done <<'LIST'
ar_normalize|length(ar_normalize(s)) FROM big
ar_tokens|count(*) FROM big, ar_tokens(s)
to_tsvector('arabic_news')|length(to_tsvector('arabic_news', s)) FROM big
ar_numbers|count(*) FROM big, ar_numbers(s)
ar_dates|count(*) FROM big, ar_dates(s, DATE '2025-01-01')
ar_pledges|count(*) FROM big, ar_pledges(s)
ar_pledge_keys|cardinality(ar_pledge_keys(s)) FROM big
ar_entities|count(*) FROM big, ar_entities(s)
ar_entity_keys|cardinality(ar_entity_keys(s)) FROM big
LIST

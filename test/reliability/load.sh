#!/usr/bin/env bash
# load.sh — "make reliability-load": pgbench, CLIENTS clients (default 8) for
# SECONDS_LOAD seconds (default 60), each transaction calling every
# arabic_news function on one random real article.  Prints pgbench's
# summary; fails if any transaction failed.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
sample="$shared/corpus/arabic_news_sample.tsv"
if [ -z "$shared" ] || [ ! -f "$sample" ]; then
	echo "reliability-load: ../shared/corpus not found; skipped"; exit 0
fi
CLIENTS=${CLIENTS:-8}
SECONDS_LOAD=${SECONDS_LOAD:-60}
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE load" >/dev/null
an_psql -d load -c "CREATE EXTENSION arabic_news" \
	-c "CREATE TABLE news (id text, source text, title text, body text)" >/dev/null
sed 's/\\/\\\\/g' "$sample" | an_psql -d load -c "\copy news FROM STDIN"
an_psql -d load -c "ALTER TABLE news ADD COLUMN n serial PRIMARY KEY" >/dev/null
cat >"$AN_TMP/load.sql" <<'SQL'
\set n random(1, 1000)
SELECT length(ar_normalize(body)) FROM news WHERE n = :n;
SELECT count(*) FROM news, ar_tokens(body) WHERE n = :n;
SELECT length(to_tsvector('arabic_news', body)) FROM news WHERE n = :n;
SELECT count(*) FROM news WHERE n = :n AND to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', title);
SELECT count(*) FROM news, ar_numbers(body) WHERE n = :n;
SELECT count(*) FROM news, ar_dates(body, DATE '2018-01-01') WHERE n = :n;
SELECT count(*) FROM news, ar_pledges(body) WHERE n = :n;
SELECT count(*) FROM news, ar_entities(body) WHERE n = :n;
SELECT cardinality(ar_entity_keys(body)) FROM news WHERE n = :n;
SQL
pgbench -n -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" -c "$CLIENTS" -j 2 -T "$SECONDS_LOAD" \
	-f "$AN_TMP/load.sql" load 2>&1 | tee "$AN_TMP/pgbench.out" | grep -E "clients|duration|transactions|failed|latency|tps"
if grep -qE "number of failed transactions: [1-9]" "$AN_TMP/pgbench.out"; then exit 1; fi

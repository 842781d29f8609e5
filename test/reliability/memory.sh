#!/usr/bin/env bash
# memory.sh — "make reliability-memory": every SQL function over ROWS rows
# (default 200,000: the 1,000 sample articles, 200 times) in ONE statement,
# and the backend's resident memory (VmRSS, VmHWM from /proc/self/status,
# read by the backend itself) before and after each.
# Flat memory means per-row work is freed per row, not per statement.
# The warm-up row loads what a backend keeps for good (the entity model,
# src/pg_ner.c), so "before" already holds it.
#
#   ROWS=n                    rows per function (default 200000)
#   MEM_FUNCS="ar_entities ar_entity_keys"   only these rows of the list
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
sample="$shared/corpus/arabic_news_sample.tsv"
if [ -z "$shared" ] || [ ! -f "$sample" ]; then
	echo "reliability-memory: ../shared/corpus not found; skipped"; exit 0
fi
ROWS=${ROWS:-200000}
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE mem" >/dev/null
an_psql -d mem -c "CREATE EXTENSION arabic_news" -c "CREATE TABLE news (id text, source text, title text, body text)" >/dev/null
sed 's/\\/\\\\/g' "$sample" | an_psql -d mem -c "\copy news FROM STDIN"
reps=$(( (ROWS + 999) / 1000 ))
echo "| function | rows | RSS before (MB) | RSS after (MB) | peak RSS (MB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
while IFS='|' read -r name expr; do
	if [ -n "${MEM_FUNCS:-}" ] && ! [[ " $MEM_FUNCS " == *" $name "* ]]; then continue; fi
	# One session per function: warm it up on one row, then the big statement.
	an_psql -d mem -At >"$AN_TMP/mem.out" <<SQL
SELECT count(x) FROM (SELECT $expr AS x FROM news LIMIT 1) s \g /dev/null
SELECT substring(pg_read_file('/proc/self/status') from 'VmRSS:\s+(\d+)');
SELECT count(x) FROM (SELECT $expr AS x FROM news, generate_series(1, $reps) g) s \g /dev/null
SELECT substring(pg_read_file('/proc/self/status') from 'VmRSS:\s+(\d+)');
SELECT substring(pg_read_file('/proc/self/status') from 'VmHWM:\s+(\d+)');
SQL
	mapfile -t kb <"$AN_TMP/mem.out"
	printf '| %s | %d | %.1f | %.1f | %.1f |\n' "$name" $((reps * 1000)) \
		"$(echo "${kb[0]} / 1024" | bc -l)" "$(echo "${kb[1]} / 1024" | bc -l)" "$(echo "${kb[2]} / 1024" | bc -l)"
done <<'LIST'
ar_normalize|length(ar_normalize(body))
ar_tokens|(SELECT count(*) FROM ar_tokens(body))
to_tsvector('arabic_news')|length(to_tsvector('arabic_news', body))
ar_numbers|(SELECT count(*) FROM ar_numbers(body))
ar_dates|(SELECT count(*) FROM ar_dates(body, DATE '2018-01-01'))
ar_pledges|(SELECT count(*) FROM ar_pledges(body))
ar_entities|(SELECT count(*) FROM ar_entities(body))
ar_entity_keys|cardinality(ar_entity_keys(body))
ar_pledge_keys|cardinality(ar_pledge_keys(body))
LIST

#!/usr/bin/env bash
# callgrind_sql.sh — `make bench-callgrind`: repeatable instruction counts of
# the benchmark's SQL steps, for comparing two versions of the code on a
# busy shared machine where wall-clock timings wobble.
#
# Loads BENCH_ROWS articles of the sample corpus (default 1000) into a
# throwaway cluster, stops it, then runs each statement in a single-user
# backend under `valgrind --tool=callgrind` and prints the instructions it
# took (a `SELECT 1` run is subtracted) and the ratio to
# to_tsvector('simple').  Instruction ratios track time ratios only roughly
# (cache misses and branch mispredictions are not counted); use them to see
# what a change did, and `make bench` for the figures to publish.
#
#   CALLGRIND_KEEP=dir   keep each step's callgrind.out in dir for callgrind_annotate
#   CALLGRIND_MATCH=re   only the steps whose SQL matches the regex re (and the
#                        to_tsvector('simple') step the ratios need), e.g. entit
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/cluster.sh"

BENCH_ROWS=${BENCH_ROWS:-1000}
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -f "$shared/corpus/arabic_news_sample.tsv" ]; then
	echo "bench-callgrind: SKIPPED — no ../shared/corpus next to this checkout"
	exit 0
fi
command -v valgrind >/dev/null || { echo "bench-callgrind: needs valgrind (apt-get install valgrind)"; exit 1; }

an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE TABLE news (id text, source text, title text, body text)"
an_psql -d postgres -c "CREATE EXTENSION arabic_news" >/dev/null 2>&1 || echo "(no arabic_news extension: built-ins only)"
{ head -n "$BENCH_ROWS" "$shared/corpus/arabic_news_sample.tsv" || true; } |
	sed 's/\\/\\\\/g' | an_psql -d postgres -c "\copy news FROM pstdin"
an_psql -d postgres -c "VACUUM ANALYZE news"
has() { an_psql -d postgres -At -c "SELECT count(*) FROM $1" | grep -qv '^0$'; }
steps=("SELECT sum(length(body)) FROM news"
	"SELECT sum(length(to_tsvector('simple', body))) FROM news"
	"SELECT sum(length(to_tsvector('arabic', body))) FROM news")
has "pg_proc WHERE proname = 'ar_normalize'" && steps+=("SELECT sum(length(ar_normalize(body))) FROM news")
has "pg_proc WHERE proname = 'ar_tokens'" && steps+=("SELECT count(*) FROM news, ar_tokens(body)")
has "pg_ts_config WHERE cfgname = 'arabic_news'" && steps+=("SELECT sum(length(to_tsvector('arabic_news', body))) FROM news")
for f in ar_numbers ar_dates ar_pledges ar_entities; do
	has "pg_proc WHERE proname = '$f'" && steps+=("SELECT count(*) FROM news, $f(body)")
done
for f in ar_pledge_keys ar_entity_keys; do
	has "pg_proc WHERE proname = '$f'" && steps+=("SELECT sum(cardinality($f(body))) FROM news")
done
if [ -n "${CALLGRIND_MATCH:-}" ]; then
	kept=()
	for q in "${steps[@]}"; do
		[[ $q == *"'simple'"* || $q =~ $CALLGRIND_MATCH ]] && kept+=("$q")
	done
	steps=("${kept[@]}")
fi
bytes=$(an_psql -d postgres -At -c "SELECT sum(octet_length(body)) FROM news")
(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_DATA" -m fast -w stop >/dev/null)

chmod 777 "$AN_TMP"
# Instructions of one statement in a fresh single-user backend.
irs() {
	local out="$AN_TMP/callgrind.out.$2"
	echo "SET max_parallel_workers_per_gather = 0; $1;" |
		(cd /tmp && an_run_as_server valgrind --tool=callgrind --callgrind-out-file="$out" \
			"$AN_BIN/postgres" --single -D "$AN_DATA" -c jit=off postgres) >/dev/null 2>&1
	sed -n 's/^summary: *//p' "$out"
	if [ -n "${CALLGRIND_KEEP:-}" ]; then mkdir -p "$CALLGRIND_KEEP"; cp "$out" "$CALLGRIND_KEEP/"; fi
}

base=$(irs "SELECT 1" base)
printf '%s articles, %s bytes of body text; instructions per statement (startup subtracted)\n\n' "$BENCH_ROWS" "$bytes"
echo "| step | instructions (M) | per body byte | × simple |"
echo "| --- | ---: | ---: | ---: |"
declare -a counts
simple=0
for i in "${!steps[@]}"; do
	counts[i]=$(( $(irs "${steps[i]}" "$i") - base ))
	[[ ${steps[i]} == *"'simple'"* ]] && simple=${counts[i]}
done
for i in "${!steps[@]}"; do
	awk -v q="${steps[i]}" -v n="${counts[i]}" -v b="$bytes" -v s="$simple" 'BEGIN {
		printf "| `%s` | %.1f | %.1f | %s |\n", q, n / 1e6, n / b, s ? sprintf("%.2f", n / s) : "" }'
done

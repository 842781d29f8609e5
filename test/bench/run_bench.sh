#!/usr/bin/env bash
# run_bench.sh — `make bench`: arabic_news speed over ../shared/corpus, as
# ratios to PostgreSQL's built-in text search measured in the same run.
#
# Starts a throwaway cluster (tools/cluster.sh), loads the corpus, times each
# step best of BENCH_RUNS inside one backend (the backend's CPU time, so a
# busy shared machine disturbs the ratios little; wall time is shown too),
# and prints Markdown tables
# (also written to BENCH_OUT).  Steps whose function or configuration is not
# in the installed extension yet print "n/a (not built yet)".
#
#   BENCH_CORPUS=full|sample  both big files (default) or the 1,000-article sample
#   BENCH_ROWS=n              only the first n articles (half from each big file)
#   BENCH_RUNS=2              timed runs per step; the best one counts
#   BENCH_QUERIES=1000        headline queries for the latency step (0: skip)
#   BENCH_QUERY_RUNS=1        timed passes over the queries (after a warm-up)
#   BENCH_OUT=.build/bench.md where the tables go
#   BENCH_ONLY=ranked         only the ranked-search part (make bench-ranked):
#                             stored tsvectors, GIN / bm25 / RUM builds and
#                             sizes, headline queries by each path and by the
#                             Lucene++ anchor, bm25 query time by corpus size
#                             (test/bench/bench_ranked.sh)
#   BENCH_ONLY=entities       only ar_entities and ar_entity_keys beside
#                             length() and to_tsvector('simple') (make
#                             bench-entities: the entity tagger's ratios)
#
# Settings: parallel query off, JIT off, maintenance_work_mem 256MB, one
# backend per step, warm cache (an untimed pass over the table first).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/cluster.sh"

BENCH_CORPUS=${BENCH_CORPUS:-full}
BENCH_ROWS=${BENCH_ROWS:-}
BENCH_RUNS=${BENCH_RUNS:-2}
BENCH_QUERIES=${BENCH_QUERIES:-1000}
BENCH_QUERY_RUNS=${BENCH_QUERY_RUNS:-1}
BENCH_OUT=${BENCH_OUT:-$AN_ROOT/.build/bench.md}
BENCH_ONLY=${BENCH_ONLY:-}

shared=$(an_shared_dir)
corpus=${shared:+$shared/corpus}
queries=${shared:+$shared/eval/retrieval/saudinewsnet_headlines/queries.tsv}
if [ -z "$shared" ] || [ ! -d "$corpus" ]; then
	echo "bench: SKIPPED — no ../shared/corpus next to this checkout (set AN_SHARED=dir to point at it)"
	exit 0
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- cluster -------------------------------------------------------------
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE bench"
an_psql -d postgres <<'SQL'
ALTER DATABASE bench SET max_parallel_workers_per_gather = 0;
ALTER DATABASE bench SET max_parallel_maintenance_workers = 0;
ALTER DATABASE bench SET jit = off;
ALTER DATABASE bench SET maintenance_work_mem = '256MB';
ALTER DATABASE bench SET client_min_messages = warning;
SQL
bpsql() { an_psql -d bench "$@"; }

if ! bpsql -c "CREATE EXTENSION arabic_news" 2>"$AN_TMP/ext.err"; then
	log "CREATE EXTENSION arabic_news failed, timing the built-ins only: $(head -1 "$AN_TMP/ext.err")"
fi
bpsql -f "$here/bench_lib.sql" >/dev/null

# ---- corpus --------------------------------------------------------------
# COPY's text format treats "\" as an escape: double every backslash.
copy_news() { sed 's/\\/\\\\/g' | bpsql -c "\copy news (id, source, title, body) FROM pstdin"; }
# First n lines of a file without tripping pipefail when head closes early.
first_lines() { { if [ -n "$2" ]; then zcat -f "$1" | head -n "$2"; else zcat -f "$1"; fi; } || true; }

bpsql -c "CREATE TABLE news (id text, source text, title text, body text)"
log "loading corpus ($BENCH_CORPUS${BENCH_ROWS:+, $BENCH_ROWS rows})"
if [ "$BENCH_CORPUS" = sample ]; then
	first_lines "$corpus/arabic_news_sample.tsv" "$BENCH_ROWS" | copy_news
else
	half=${BENCH_ROWS:+$(( (BENCH_ROWS + 1) / 2 ))}
	first_lines "$corpus/arabic_news_ant.tsv.gz" "$half" | copy_news
	first_lines "$corpus/arabic_news_saudinewsnet.tsv.gz" "${BENCH_ROWS:+$((BENCH_ROWS - half))}" | copy_news
fi
bpsql <<'SQL'
VACUUM ANALYZE news;
INSERT INTO bench_meta
SELECT 'rows', count(*)::text FROM news UNION ALL
SELECT 'body_bytes', sum(octet_length(body))::text FROM news UNION ALL
SELECT 'body_chars', sum(length(body))::text FROM news UNION ALL
SELECT 'table_mb', round(pg_total_relation_size('news') / 1e6, 1)::text UNION ALL
SELECT 'server', current_setting('server_version');
SQL

# Warm cache: read every body once (detoasted), untimed.  Per-backend caches
# (library, dictionaries) warm up in each step's first run; best of N counts.
log "warm-up pass"
bpsql -c "SELECT sum(length(body)) FROM news" >/dev/null

# ---- throughput steps ----------------------------------------------------
# step KEY LABEL NEEDS TARGET BASIS SQL [SETUP]
#   NEEDS   fn:<function> / cfg:<configuration> that must exist, else n/a
#   TARGET  time ratio the issues ask for, relative to the step BASIS
step() {
	local key=$1 label=$2 needs=$3 target=$4 basis=$5 sql=$6 setup=${7:-} t
	if [ "$BENCH_ONLY" = entities ] && ! [[ " length simple entities entity_keys " == *" $key "* ]]; then
		return 0
	fi
	log "step $label"
	t=$(bpsql -At -v key="$key" -v label="$label" -v needs="$needs" \
		-v target="${target:-}" -v basis="$basis" -v q="$sql" -v setup="$setup" \
		-v runs="$BENCH_RUNS" <<'SQL' 2>"$AN_TMP/step.err"
SELECT bench_step(:'key', :'label', :'needs', nullif(:'target', '')::float8,
				  nullif(:'basis', ''), :'q', :runs, nullif(:'setup', '')) \g /dev/null
SELECT coalesce(nullif(array_to_string(ARRAY(SELECT round(x::numeric, 2) FROM unnest(runs) x), ' / '), '')
				|| ' s CPU, best wall ' || round(wall::numeric, 2) || ' s', note)
  FROM bench_result WHERE key = :'key';
SQL
	) || {
		# The backend died (a crash in a function under test): record it, go on.
		t="failed: $(tail -1 "$AN_TMP/step.err")"
		sleep 2
		bpsql -c "INSERT INTO bench_result (key, label, target, basis, note)
			VALUES ('$key', \$\$$label\$\$, nullif('$target', '')::float8, nullif('$basis', ''), \$\$$t\$\$)" >/dev/null || true
	}
	log "      -> $t"
}

idx_drop="DROP INDEX IF EXISTS bench_gin_arabic, bench_gin_arabic_news"
if [ "$BENCH_ONLY" != ranked ]; then

#    key          label                                         needs                    target basis        SQL
step length       "sum(length(body))"                           ""                       ""   ""            "SELECT sum(length(body)) FROM news"
step simple       "to_tsvector('simple', body)"                 ""                       ""   ""            "SELECT sum(length(to_tsvector('simple', body))) FROM news"
step arabic       "to_tsvector('arabic', body)"                 ""                       ""   ""            "SELECT sum(length(to_tsvector('arabic', body))) FROM news"
step normalize    "ar_normalize(body)"                          "fn:ar_normalize"        0.3  simple        "SELECT sum(length(ar_normalize(body))) FROM news"
step tokens       "ar_tokens(body), count(*)"                   "fn:ar_tokens"           ""   ""            "SELECT count(*) FROM news, ar_tokens(body)"
step tsv_an       "to_tsvector('arabic_news', body)"            "cfg:arabic_news"        1.0  simple        "SELECT sum(length(to_tsvector('arabic_news', body))) FROM news"
step numbers      "ar_numbers(body), count(*)"                  "fn:ar_numbers"          1.0  simple        "SELECT count(*) FROM news, ar_numbers(body)"
step dates        "ar_dates(body), count(*)"                    "fn:ar_dates"            1.0  simple        "SELECT count(*) FROM news, ar_dates(body)"
step pledges      "ar_pledges(body), count(*)"                  "fn:ar_pledges"          ""   ""            "SELECT count(*) FROM news, ar_pledges(body)"
step pledge_keys  "ar_pledge_keys(body)"                        "fn:ar_pledge_keys"      1.0  simple        "SELECT sum(cardinality(ar_pledge_keys(body))) FROM news"
step entities     "ar_entities(body), count(*)"                 "fn:ar_entities"         2.0  simple        "SELECT count(*) FROM news, ar_entities(body)"
step entity_keys  "ar_entity_keys(body)"                        "fn:ar_entity_keys"      2.0  simple        "SELECT sum(cardinality(ar_entity_keys(body))) FROM news"
step gin_arabic   "GIN build, to_tsvector('arabic', body)"      ""                       ""   ""            "CREATE INDEX bench_gin_arabic ON news USING gin (to_tsvector('arabic', body))" "$idx_drop"
step gin_an       "GIN build, to_tsvector('arabic_news', body)" "cfg:arabic_news"        0.8  gin_arabic    "CREATE INDEX bench_gin_arabic_news ON news USING gin (to_tsvector('arabic_news', body))" "DROP INDEX IF EXISTS bench_gin_arabic_news"

# ---- index sizes and query latency -----------------------------------------
cfgs=arabic
bpsql -At -c "SELECT 1 FROM pg_ts_config WHERE cfgname = 'arabic_news'" | grep -q 1 && cfgs="arabic arabic_news"
[ "$BENCH_ONLY" = entities ] || bpsql <<'SQL'
INSERT INTO bench_size (label, mb, basis)
SELECT 'GIN, to_tsvector(''' || c || ''', body)',
	   round(pg_relation_size(to_regclass('bench_gin_' || c)) / 1e6, 1),
	   CASE c WHEN 'arabic_news' THEN 'GIN, to_tsvector(''arabic'', body)' END
  FROM unnest(ARRAY['arabic', 'arabic_news']) c
 WHERE to_regclass('bench_gin_' || c) IS NOT NULL;
INSERT INTO bench_size (label, note)
SELECT 'GIN, to_tsvector(''arabic_news'', body)', 'n/a (not built yet)'
 WHERE to_regclass('bench_gin_arabic_news') IS NULL;
DROP INDEX IF EXISTS bench_gin_arabic, bench_gin_arabic_news;
SQL
fi
[ "$BENCH_ONLY" = ranked ] && cfgs=arabic_news
source "$here/bench_ranked.sh"

if [ "$BENCH_ONLY" = entities ]; then
	log "query latency skipped (BENCH_ONLY=entities)"
elif [ "$BENCH_QUERIES" -gt 0 ] && [ -f "$queries" ]; then
	log "stored tsvector columns + GIN for the query step ($cfgs)"
	cols=$(for c in $cfgs; do printf ", to_tsvector('%s', body) AS tsv_%s" "$c" "$c"; done)
	bpsql -c "CREATE TABLE bench_tsv AS SELECT id$cols FROM news"
	for c in $cfgs; do
		# arabic_news: a timed build, with the bm25 and RUM builds beside it
		[ "$c" = arabic_news ] && ranked_builds || bpsql -c "CREATE INDEX ON bench_tsv USING gin (tsv_$c)"
		bpsql -c "UPDATE bench_size SET lexemes = (SELECT count(*) FROM ts_stat('SELECT tsv_$c FROM bench_tsv'))
			WHERE label = 'GIN, to_tsvector(''$c'', body)'"
	done
	bpsql -c "VACUUM ANALYZE bench_tsv"
	bpsql -c "CREATE TABLE bench_query (qid text, q text)"
	sed 's/\\/\\\\/g' "$queries" | bpsql -c "\copy bench_query FROM pstdin"
	for c in $cfgs; do
		log "queries, $c (warm-up: 50 queries)"
		bpsql -At -c "SELECT bench_queries('$c', 'tsv_$c', 50)" >/dev/null
		for ((i = 1; i <= BENCH_QUERY_RUNS; i++)); do
			bpsql -At -c "INSERT INTO bench_qresult
				SELECT '$c', n, total, cpu, p50, p95, hits FROM bench_queries('$c', 'tsv_$c', $BENCH_QUERIES)
				RETURNING round(total::numeric, 2) || ' s'" | sed 's/^/          -> /' >&2
		done
	done
	[[ $cfgs == *arabic_news* ]] || bpsql -c "INSERT INTO bench_qresult (cfg) VALUES ('arabic_news')"
	[[ $cfgs == *arabic_news* ]] && ranked_queries
else
	log "query latency skipped (BENCH_QUERIES=$BENCH_QUERIES or no queries.tsv)"
fi

# ---- report --------------------------------------------------------------
mkdir -p "$(dirname "$BENCH_OUT")"
{
	printf '## arabic_news benchmark\n\n'
	bpsql -At -v load="at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)" \
		-v elapsed="$(( ($(date +%s) - started + 30) / 60 ))" \
		-v cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) × $(nproc)" \
		-v commit="$(git -C "$AN_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
		-v corpus="$BENCH_CORPUS" -v runs="$BENCH_RUNS" -f "$here/bench_report.sql"
} | tee "$BENCH_OUT"
log "written to $BENCH_OUT"

#!/usr/bin/env bash
# bm25_load.sh — "make reliability-bm25-load": pgbench, CLIENTS clients
# (default 8) for SECONDS_LOAD s (default 60) mixing inserts, deletes and
# top-10 queries through the bm25 index, with autovacuum running every second;
# 0 failed transactions, then bm25_verify finds nothing, the top k is the
# bm25_score order, and after VACUUM every top 10 equals the one after a
# REINDEX.  FAST=1 (make test): 8 clients, 5 s.
source "$(dirname "$0")/bm25_common.sh"
CLIENTS=${CLIENTS:-8}
SECONDS_LOAD=${SECONDS_LOAD:-$([ "$FAST" = 1 ] && echo 5 || echo 60)}
an_cluster_start || exit 1
trap an_cluster_stop EXIT
an_psql -d postgres -c "ALTER SYSTEM SET autovacuum_naptime = '1s'" -c "SELECT pg_reload_conf()" >/dev/null
bm25_setup
bpsql -c "ALTER TABLE news SET (autovacuum_vacuum_threshold = 100, autovacuum_vacuum_scale_factor = 0.02,
	autovacuum_vacuum_insert_threshold = 200, autovacuum_vacuum_insert_scale_factor = 0.05)" >/dev/null
nsrc=$(bpsql -Atc "SELECT count(*) FROM news_src")
nq=$(bpsql -Atc "SELECT max(n) FROM bq")
cat >"$AN_TMP/insert.sql" <<SQL
\set s random(1, $nsrc)
INSERT INTO news (body) SELECT body FROM news_src WHERE id = :s;
SQL
cat >"$AN_TMP/delete.sql" <<SQL
\set d random(1, $((nsrc * 20)))
DELETE FROM news WHERE id = :d;
SQL
cat >"$AN_TMP/query.sql" <<SQL
\set n random(1, $nq)
SELECT id FROM news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('news_bm25', (SELECT q FROM bq WHERE n = :n)) LIMIT 10;
SQL
chmod a+r "$AN_TMP"/*.sql
plan=$(bpsql -At -c "EXPLAIN (COSTS OFF) SELECT id FROM news ORDER BY to_tsvector('arabic_news', body) <=> bm25query('news_bm25', (SELECT q FROM bq WHERE n = 1)) LIMIT 10")
grep -q "Index Scan using news_bm25" <<<"$plan"; tap $? "the top-10 query of the load is an index scan on news_bm25"
pgbench -n -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" -c "$CLIENTS" -j 2 -T "$SECONDS_LOAD" \
	-f "$AN_TMP/insert.sql@3" -f "$AN_TMP/delete.sql@2" -f "$AN_TMP/query.sql@5" bm25rel >"$AN_TMP/pgbench.out" 2>&1
rc=$?
grep -E "clients|duration|transactions actually|failed|latency average|tps|aborted" "$AN_TMP/pgbench.out" | sed 's/^/# /'
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$AN_TMP/pgbench.out")
tap $([ "$rc" = 0 ] && [ "${failed:-x}" = 0 ]; echo $?) "pgbench, $CLIENTS clients, ${SECONDS_LOAD} s of inserts, deletes and top-10 queries: 0 failed transactions, no client aborted"
[ "$rc" = 0 ] || grep -E "error|ERROR|abort" "$AN_TMP/pgbench.out" | head -5 | sed 's/^/# /'
echo "# autovacuum runs on news: $(bpsql -Atc "SELECT autovacuum_count FROM pg_stat_user_tables WHERE relname = 'news'"); rows now $(bpsql -Atc "SELECT count(*) FROM news")"
p=$(bm25_problems); tap $([ -z "$p" ]; echo $?) "after the load, before VACUUM: bm25_verify reports no problem${p:+: $(head -3 <<<"$p")}"
bm25_check_against_reindex "after the load"
p=$(bm25_log_problems "$AN_TMP/server.log")
tap $([ -z "$p" ]; echo $?) "the server log has no error, warning or FATAL${p:+: $(head -3 <<<"$p")}"
exit $bm25_failed

#!/usr/bin/env bash
# bm25_crash.sh — "make reliability-bm25-crash": kill -9 the postmaster while
# pgbench inserts (and deletes, and VACUUMs) rows under a bm25 index, restart
# (crash recovery), then bm25_verify finds no problem, the index's top k is
# the bm25_score order, and after VACUUM every top 10 equals the one after a
# REINDEX.  CYCLES crash cycles (default 3; FAST=1: 1 cycle, 3 s of load).
source "$(dirname "$0")/bm25_common.sh"
CYCLES=${CYCLES:-$([ "$FAST" = 1 ] && echo 1 || echo 3)}
LOAD_SECONDS=${LOAD_SECONDS:-$([ "$FAST" = 1 ] && echo 3 || echo 20)}
an_cluster_start || exit 1
trap an_cluster_stop EXIT
bm25_setup
nsrc=$(bpsql -Atc "SELECT count(*) FROM news_src")
cat >"$AN_TMP/insert.sql" <<SQL
\set s random(1, $nsrc)
INSERT INTO news (body) SELECT body FROM news_src WHERE id = :s;
SQL
cat >"$AN_TMP/delete.sql" <<'SQL'
\set d random(1, 50000)
DELETE FROM news WHERE id = :d;
SQL
echo "VACUUM news;" >"$AN_TMP/vacuum.sql"
chmod a+r "$AN_TMP"/*.sql
for ((c = 1; c <= CYCLES; c++)); do
	rows0=$(bpsql -Atc "SELECT count(*) FROM news")
	pgbench -n -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" -c 4 -j 2 -T $((LOAD_SECONDS * 4)) \
		-f "$AN_TMP/insert.sql@20" -f "$AN_TMP/delete.sql@4" -f "$AN_TMP/vacuum.sql@1" bm25rel \
		>"$AN_TMP/pgbench.out" 2>&1 &
	bench=$!
	sleep "$LOAD_SECONDS"
	an_cluster_kill9
	wait "$bench" 2>/dev/null
	echo "# cycle $c: postmaster killed with kill -9 after ${LOAD_SECONDS} s of inserts, deletes and VACUUMs ($rows0 rows before)"
	an_server_start; tap $? "cycle $c: the server restarts after kill -9 (crash recovery)"
	p=$(bm25_problems); tap $([ -z "$p" ]; echo $?) "cycle $c: bm25_verify reports no problem after recovery${p:+: $(head -3 <<<"$p")}"
	p=$(bm25_topk_mismatches); tap $([ -z "$p" ]; echo $?) "cycle $c: after recovery, top 10 and top 50 = bm25_score order${p:+: $(head -2 <<<"$p")}"
	echo "# $(bpsql -Atc "SELECT count(*) FROM news") rows after recovery"
	bm25_check_against_reindex "cycle $c"
done
exit $bm25_failed

#!/usr/bin/env bash
# bm25_walcheck.sh — "make reliability-bm25-walcheck": with
# wal_consistency_checking = 'generic' every generic WAL record carries the
# full page it produced, and whoever replays it compares that with the page
# replay made (a mismatch is a FATAL "inconsistent page found").  The bm25
# index is built, filled past its pending list, deleted from, VACUUMed,
# REINDEXed and filled again; the WAL is replayed twice: by a streaming
# standby, and by crash recovery after kill -9 of the primary (from the
# checkpoint before the workload).  Both server logs must stay clean.
source "$(dirname "$0")/bm25_common.sh"
ROUNDS=${ROUNDS:-$([ "$FAST" = 1 ] && echo 1 || echo 4)}
an_cluster_start || exit 1
trap 'an_standby_stop; an_cluster_stop' EXIT
an_psql -d postgres -c "ALTER SYSTEM SET wal_consistency_checking = 'generic'" \
	-c "ALTER SYSTEM SET checkpoint_timeout = '1h'" -c "ALTER SYSTEM SET max_wal_size = '4GB'" \
	-c "SELECT pg_reload_conf()" >/dev/null
an_standby_start || { echo "not ok - the standby starts"; exit 1; }
an_psql -d postgres -c "CHECKPOINT" >/dev/null
bm25_setup			# CREATE INDEX after the checkpoint: replayed by both
nsrc=$(bpsql -Atc "SELECT count(*) FROM news_src")
for ((r = 1; r <= ROUNDS; r++)); do
	# one row per statement: the inserter path (pending list, its flush to a segment)
	bpsql >/dev/null <<SQL
SELECT setseed(0.$r);
DO \$\$ BEGIN
	FOR i IN 1..$((nsrc / 2)) LOOP
		INSERT INTO news (body) SELECT body FROM news_src WHERE id = 1 + floor(random() * $nsrc)::int;
	END LOOP;
END \$\$;
DELETE FROM news WHERE id % $((r + 2)) = 0;
VACUUM news;
INSERT INTO news (body) SELECT body FROM news_src ORDER BY random() LIMIT $((nsrc / 4));
SQL
	[ "$r" = 2 ] && bpsql -c "REINDEX INDEX news_bm25" >/dev/null
done
an_standby_wait; tap $? "the standby replayed the whole workload ($ROUNDS rounds of inserts, deletes, VACUUM$([ "$ROUNDS" -ge 2 ] && echo ', REINDEX'))"
p=$(bm25_tops an_psql); s=$(bm25_tops an_standby_psql 2>&1)
tap $([ "$p" = "$s" ]; echo $?) "the standby's top 10 = the primary's"
before=$p
an_standby_stop
an_cluster_kill9
an_server_start; tap $? "crash recovery replays the workload from the checkpoint before it"
p=$(bm25_problems); tap $([ -z "$p" ]; echo $?) "bm25_verify reports no problem after recovery${p:+: $(head -3 <<<"$p")}"
s=$(bm25_tops an_psql)
tap $([ "$before" = "$s" ]; echo $?) "after recovery every top 10 equals the one before the crash"
for f in server standby; do
	p=$(bm25_log_problems "$AN_TMP/$f.log")
	tap $([ -z "$p" ]; echo $?) "wal_consistency_checking = 'generic': the $f log is clean${p:+: $(head -3 <<<"$p")}"
done
grep -c "" "$AN_TMP/server.log" "$AN_TMP/standby.log" | sed 's/^/# log lines: /'
exit $bm25_failed

#!/usr/bin/env bash
# bm25_standby.sh — "make reliability-bm25-standby": a streaming standby on
# the Unix socket (pg_basebackup -R) answers the same top 10 (ids and scores)
# as the primary after the index is built, after inserts, after deletes,
# after VACUUM, after inserts into pages VACUUM freed, and after REINDEX; a
# word that only new rows hold is found on the standby (its results are not
# frozen at the base backup: pg_textsearch #345).  FAST=1 for make test.
source "$(dirname "$0")/bm25_common.sh"
LOAD_SECONDS=${LOAD_SECONDS:-$([ "$FAST" = 1 ] && echo 2 || echo 30)}
an_cluster_start || exit 1
trap 'an_standby_stop; an_cluster_stop' EXIT
bm25_setup
an_standby_start || { echo "not ok - the standby starts"; exit 1; }
nsrc=$(bpsql -Atc "SELECT count(*) FROM news_src")

same_tops() {		# same_tops WHAT: wait for replay, compare every top 10
	local p s
	an_standby_wait || { tap 1 "$1: the standby catches up"; return; }
	p=$(bm25_tops an_psql)
	s=$(bm25_tops an_standby_psql 2>&1)
	tap $([ "$p" = "$s" ] && [ -n "$p" ]; echo $?) "$1: the standby's top 10 (ids and scores) = the primary's ($(wc -l <<<"$p") queries)"
	[ "$p" = "$s" ] || diff <(echo "$p") <(echo "$s") | head -6 | sed 's/^/# /'
}

same_tops "after CREATE INDEX and the base backup"
bpsql -c "INSERT INTO news (body) SELECT body FROM news_src ORDER BY random() LIMIT $((nsrc / 2))" >/dev/null
same_tops "after $((nsrc / 2)) inserts"
# a word no text holds until now: the standby must find the new row
bpsql -c "INSERT INTO news (body) VALUES ('خبر عن طائر الزقزاقيات النادر')" >/dev/null
an_standby_wait
n=$(an_standby_psql -d bm25rel -Atc "SELECT count(*) FROM (SELECT id FROM news ORDER BY to_tsvector('arabic_news', body)
	<=> bm25query('news_bm25', plainto_tsquery('arabic_news', 'الزقزاقيات')) LIMIT 10) s")
tap $([ "$n" = 1 ]; echo $?) "a row inserted on the primary after the base backup is found on the standby (#345)"
bpsql -c "DELETE FROM news WHERE id % 3 = 0" >/dev/null
same_tops "after deleting a third of the rows (before VACUUM)"
bpsql -c "VACUUM news" >/dev/null
same_tops "after VACUUM"
if [ "$FAST" != 1 ]; then
	cat >"$AN_TMP/write.sql" <<SQL
\set s random(1, $nsrc)
\set d random(1, 20000)
INSERT INTO news (body) SELECT body FROM news_src WHERE id = :s;
DELETE FROM news WHERE id = :d;
SQL
	chmod a+r "$AN_TMP/write.sql"
	pgbench -n -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" -c 4 -j 2 -T "$LOAD_SECONDS" -f "$AN_TMP/write.sql" bm25rel \
		| grep -E "transactions actually|failed" | sed 's/^/# /'
	same_tops "after ${LOAD_SECONDS} s of pgbench inserts and deletes (4 clients)"
	bpsql -c "VACUUM news" >/dev/null
	same_tops "after the second VACUUM"
fi
bpsql -c "INSERT INTO news (body) SELECT body FROM news_src ORDER BY random() LIMIT $((nsrc / 2))" >/dev/null
same_tops "after inserts into the pages VACUUM freed"
bpsql -c "REINDEX INDEX news_bm25" >/dev/null
same_tops "after REINDEX"
p=$(bm25_log_problems "$AN_TMP/standby.log")
tap $([ -z "$p" ]; echo $?) "the standby's log has no error, warning or FATAL${p:+: $(head -3 <<<"$p")}"
exit $bm25_failed

# bm25_common.sh — sourced by test/reliability/bm25_*.sh.
#
# FAST=1 (what make test runs): 2,000 generated Arabic-letter texts, seconds
# of load.  Otherwise the 1,000 articles of ../shared/corpus/arabic_news_sample.tsv
# (generated text when ../shared is missing, said so) and minutes of load.
# Results are TAP lines ("ok - …" / "not ok - …") that make test counts; the
# script exits non-zero when one failed.
set -uo pipefail
AN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
FAST=${FAST:-0}
bm25_failed=0

tap() {			# tap CONDITION-STATUS MESSAGE: status 0 = ok
	if [ "$1" -eq 0 ]; then echo "ok - $2"; else echo "not ok - $2"; bm25_failed=1; fi
}

bpsql() { an_psql -d bm25rel "$@"; }

# The test database: table news (id, body) with news_bm25 on
# to_tsvector('arabic_news', body); news_src, texts for inserts; bq (n, q),
# the queries whose top 10 the scripts compare.
bm25_setup() {
	local shared sample
	shared=$(an_shared_dir)
	sample=${shared:+$shared/corpus/arabic_news_sample.tsv}
	an_psql -d postgres -c "CREATE DATABASE bm25rel" >/dev/null
	bpsql -c "CREATE EXTENSION arabic_news" >/dev/null
	bpsql -f "$AN_ROOT/test/lib/bm25_lib.sql" >/dev/null
	bpsql -c "CREATE TABLE news_src (id serial PRIMARY KEY, title text, body text)" >/dev/null
	if [ "$FAST" != 1 ] && [ -n "$sample" ] && [ -f "$sample" ]; then
		echo "# data: the 1,000 articles of ../shared/corpus/arabic_news_sample.tsv"
		cut -f3,4 "$sample" | sed 's/\\/\\\\/g' | bpsql -c "\copy news_src (title, body) FROM pstdin"
	else
		[ "$FAST" = 1 ] || echo "# ../shared/corpus not found: generated text instead of the corpus sample"
		bpsql -c "SELECT setseed(0.25); INSERT INTO news_src (title, body)
			SELECT bm25t.gen_text(6, 3000), bm25t.gen_text(1 + floor(power(random(), 2) * 300)::int, 3000)
			FROM generate_series(1, 2000)" >/dev/null
	fi
	bpsql >/dev/null <<'SQL'
CREATE TABLE news (id bigserial PRIMARY KEY, body text);
INSERT INTO news (body) SELECT body FROM news_src ORDER BY id;
CREATE INDEX news_bm25 ON news USING bm25 (to_tsvector('arabic_news', body));
CREATE TABLE bq AS SELECT id AS n, plainto_tsquery('arabic_news', title) AS q FROM news_src
	WHERE id <= 200 AND numnode(plainto_tsquery('arabic_news', title)) > 0;
ANALYZE news;
SQL
}

# Every query's top 10 through the index, one line per query (psql function
# as $1: an_psql or an_standby_psql).
bm25_tops() {
	"${1:-an_psql}" -d bm25rel -At -c "SELECT n || ' ' || bm25t.top10('news', 'to_tsvector(''arabic_news'', body)', 'news_bm25', q) FROM bq ORDER BY n"
}

# Problems bm25_verify finds (empty: none).
bm25_problems() {
	bpsql -At -c "SELECT * FROM bm25t.problems('news_bm25')" 2>&1
}

# Queries whose index top 10 / top 50 differs from the bm25_score order: the
# first TOPK_CHECK queries (default 40; the exhaustive side computes
# to_tsvector for every row and query, which dominates the run time).
bm25_topk_mismatches() {
	bpsql -At -c "SELECT d FROM (SELECT bm25t.topk_diff('news', 'to_tsvector(''arabic_news'', body)', 'news_bm25', q, ARRAY[10, 50]) AS d
		FROM (SELECT q FROM bq ORDER BY n LIMIT ${TOPK_CHECK:-40}) s) t WHERE d IS NOT NULL" 2>&1
}

# VACUUM, then: bm25_verify clean, top k = bm25_score order, and every top 10
# equal after a REINDEX (the statistics describe exactly the live rows).
# INDEX_CLEANUP ON: when dead rows sit on under 2 % of the table's pages,
# a plain VACUUM may skip the indexes (PostgreSQL's bypass), and the dead
# entries stay counted in N, avgdl and df until a later VACUUM.
bm25_check_against_reindex() {
	local what=$1 p before after
	bpsql -c "VACUUM (INDEX_CLEANUP ON) news" >/dev/null
	p=$(bm25_problems); tap $([ -z "$p" ]; echo $?) "$what, VACUUM: bm25_verify reports no problem${p:+: $(head -3 <<<"$p")}"
	p=$(bm25_topk_mismatches); tap $([ -z "$p" ]; echo $?) "$what: top 10 and top 50 = bm25_score order (${TOPK_CHECK:-40} queries)${p:+: $(head -2 <<<"$p")}"
	before=$(bm25_tops)
	bpsql -c "REINDEX INDEX news_bm25" >/dev/null
	after=$(bm25_tops)
	tap $([ "$before" = "$after" ]; echo $?) "$what: every top 10 (ids and scores) equals the one after REINDEX"
	[ "$before" = "$after" ] || diff <(echo "$before") <(echo "$after") | head -6 | sed 's/^/# /'
}

# Server log lines that mean trouble (not: a walreceiver stopped with its
# standby, an autovacuum cancelled by a lock request such as REINDEX's).
bm25_log_problems() {
	grep -E "PANIC|FATAL|TRAP|inconsistent page|ERROR|WARNING" "$@" 2>/dev/null |
		grep -vE "terminating walreceiver process due to administrator command|canceling autovacuum task" || true
}

#!/usr/bin/env bash
# eval_search.sh — "make eval-search": retrieval quality of the arabic_news
# text search configuration against the built-in simple and arabic ones,
# following the protocol of ../shared/eval/retrieval/README.md:
#
#   each query becomes an OR of its lexemes (plainto_tsquery with every &
#   replaced by |); passages are matched against a stored tsvector column
#   through its GIN index; the top 10 are ranked by ts_rank (normalization
#   0 on the Wikipedia sets, 1 on saudinewsnet_headlines), ties broken by
#   passage id; MRR@10, R@1 and R@10 are printed for every set and config.
#
# When the extension has the bm25 index (0.3), each set also gets an
# "arabic_news + bm25" row: the same tsvector column under a bm25 index with
# its default options (EVAL_BM25_WITH="k1 = 1.2, b = 0.75" overrides them),
# the same OR-queries, top 10 by ORDER BY tsv <=> bm25query(index, q) — an
# index scan, ties by heap order = passage file order.  EVAL_BM25=0 skips it.
#
# Environment: EVAL_SETS (default: all three), EVAL_CONFIGS (default:
# "simple arabic arabic_news"; set but empty: score none), EVAL_QUERIES
# (use only the first N queries of each set; saudinewsnet_headlines query
# ids are a random order, so a prefix is a random sample), EVAL_DUMP (a directory: also write every
# passage's arabic_news tsvector, every query's tsquery and the qrels there,
# for test/eval/rank_sim.py; "make eval-search-sim").  Skips cleanly when
# ../shared is absent.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -d "$shared/eval/retrieval" ]; then
	echo "eval-search: ../shared/eval/retrieval not found; skipped"
	exit 0
fi
sets=${EVAL_SETS:-xquad_ar arcd saudinewsnet_headlines}
configs=${EVAL_CONFIGS-simple arabic arabic_news}
dump=${EVAL_DUMP:-}
if [ -n "$dump" ]; then
	mkdir -p "$dump"
	dump=$(cd "$dump" && pwd)
	: >"$dump/docs.tsv"; : >"$dump/queries.tsv"; : >"$dump/qrels.tsv"
	chmod a+w "$dump" "$dump"/*.tsv	# the server may run as nobody
fi
limit=${EVAL_QUERIES:-}

an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE eval" >/dev/null
an_psql -d eval -c "CREATE EXTENSION arabic_news" >/dev/null
an_psql -d eval >/dev/null <<'SQL'
CREATE TABLE result (set text, config text, queries int, mrr10 numeric, r1 numeric, r10 numeric, seconds numeric);
-- MRR@10, R@1, R@10 of the ranked table hits (qid, pid, rk) against qrels,
-- one result row for the set and configuration.
CREATE FUNCTION record_hits(setname text, config text, t0 timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO result
	WITH firsts AS (
		SELECT q.id, min(h.rk) FILTER (WHERE r.pid IS NOT NULL) AS fr
		FROM queries q
		LEFT JOIN hits h ON h.qid = q.id
		LEFT JOIN qrels r ON r.qid = h.qid AND r.pid = h.pid
		GROUP BY q.id)
	SELECT setname, config, count(*),
		round(avg(coalesce(1.0 / fr, 0)), 3),
		round(avg(CASE WHEN fr = 1 THEN 1 ELSE 0 END), 3),
		round(avg(CASE WHEN fr IS NOT NULL THEN 1 ELSE 0 END), 3),
		round(extract(epoch FROM clock_timestamp() - t0)::numeric, 1)
	FROM firsts;
END $$;
CREATE TABLE hits (qid text, pid text, rk bigint);
-- One configuration on the loaded set: stored tsvector + GIN, OR-queries, top 10.
CREATE FUNCTION run_config(setname text, cfg regconfig, norm int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	DROP TABLE IF EXISTS pv;
	CREATE TABLE pv AS SELECT id, to_tsvector(cfg, body) AS tsv FROM passages;
	CREATE INDEX pv_tsv ON pv USING gin (tsv);
	ANALYZE pv;
	TRUNCATE hits;
	INSERT INTO hits
	WITH qq AS (
		SELECT id, replace(plainto_tsquery(cfg, body)::text, '&', '|')::tsquery AS tq FROM queries)
	SELECT qq.id, h.pid, row_number() OVER (PARTITION BY qq.id ORDER BY h.r DESC, h.pid)
	FROM qq CROSS JOIN LATERAL (
		SELECT pv.id AS pid, ts_rank(pv.tsv, qq.tq, norm) AS r
		FROM pv WHERE pv.tsv @@ qq.tq
		ORDER BY r DESC, pv.id LIMIT 10) h;
	PERFORM record_hits(setname, cfg::text, t0);
END $$;
-- The same protocol ranked by the bm25 index (ts_rank's top 10 replaced by
-- the index's), config label 'arabic_news + bm25'.
CREATE FUNCTION run_bm25(setname text, opts text) RETURNS void
LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	DROP TABLE IF EXISTS pv;
	CREATE TABLE pv AS SELECT id, to_tsvector('arabic_news', body) AS tsv FROM passages;
	EXECUTE 'CREATE INDEX pv_bm25 ON pv USING bm25 (tsv)' || coalesce(' WITH (' || nullif(opts, '') || ')', '');
	ANALYZE pv;
	TRUNCATE hits;
	INSERT INTO hits
	WITH qq AS (
		SELECT id, replace(plainto_tsquery('arabic_news', body)::text, '&', '|')::tsquery AS tq FROM queries)
	SELECT qq.id, h.pid, h.rk
	FROM qq CROSS JOIN LATERAL (
		SELECT s.pid, row_number() OVER (ORDER BY s.d, s.c) AS rk FROM (
			SELECT pv.id AS pid, pv.tsv <=> bm25query('pv_bm25', qq.tq) AS d, pv.ctid AS c FROM pv
			ORDER BY pv.tsv <=> bm25query('pv_bm25', qq.tq) LIMIT 10) s) h;
	PERFORM record_hits(setname, 'arabic_news + bm25', t0);
END $$;
SQL
bm25=0
if [ "${EVAL_BM25:-1}" != 0 ] && [[ " $configs " == *" arabic_news "* ]]; then
	if [ "$(an_psql -d eval -Atc "SELECT count(*) FROM pg_am WHERE amname = 'bm25'")" = 1 ]; then
		bm25=1
	else
		echo "eval-search: this build has no bm25 index; bm25 rows skipped" >&2
	fi
fi

for s in $sets; do
	dir="$shared/eval/retrieval/$s"
	[ -d "$dir" ] || { echo "eval-search: $dir not found; skipped"; continue; }
	if [ -f "$dir/passages.tsv.gz" ]; then src="gzip -dc $dir/passages.tsv.gz"; else src="cat $dir/passages.tsv"; fi
	norm=0; [ "$s" = saudinewsnet_headlines ] && norm=1
	head_cmd=cat; [ -n "$limit" ] && head_cmd="head -n $limit"
	echo "== $s (ts_rank normalization $norm)" >&2
	an_psql -d eval >/dev/null <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS passages, queries, qrels;
CREATE TABLE passages (id text PRIMARY KEY, body text);
CREATE TABLE queries (id text PRIMARY KEY, body text);
CREATE TABLE qrels (qid text, pid text);
\copy passages FROM PROGRAM '$src' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
\copy queries FROM PROGRAM '$head_cmd $dir/queries.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
\copy qrels FROM '$dir/qrels.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
$(for c in $configs; do echo "SELECT run_config('$s', '$c', $norm);"; done)
$([ $bm25 = 1 ] && echo "SELECT run_bm25('$s', \$o\$${EVAL_BM25_WITH:-}\$o\$);")
SQL
	if [ -n "$dump" ]; then
		an_psql -d eval -q >/dev/null <<SQL
SET client_min_messages = warning;
\copy (SELECT '$s', id, to_tsvector('arabic_news', body) FROM passages) TO PROGRAM 'cat >>$dump/docs.tsv'
\copy (SELECT '$s', id, replace(plainto_tsquery('arabic_news', body)::text, '&', '|') FROM queries) TO PROGRAM 'cat >>$dump/queries.tsv'
\copy (SELECT '$s', qid, pid FROM qrels) TO PROGRAM 'cat >>$dump/qrels.tsv'
SQL
	fi
done
[ -n "$configs" ] || exit 0

echo
echo "Retrieval quality (OR-queries, top 10 by ts_rank; normalization 0, 1 on saudinewsnet_headlines;"
echo "'arabic_news + bm25': top 10 from the bm25 index${EVAL_BM25_WITH:+ WITH ($EVAL_BM25_WITH)})"
an_psql -d eval -P footer=off <<'SQL'
SELECT set, config, queries, mrr10 AS "MRR@10", r1 AS "R@1", r10 AS "R@10", seconds
FROM result ORDER BY CASE set WHEN 'xquad_ar' THEN 1 WHEN 'arcd' THEN 2 ELSE 3 END, set,
	CASE config WHEN 'simple' THEN 1 WHEN 'arabic' THEN 2 WHEN 'arabic_news' THEN 3 WHEN 'arabic_news + bm25' THEN 4 ELSE 5 END, config;
SQL

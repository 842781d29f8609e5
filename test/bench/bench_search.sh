#!/usr/bin/env bash
# bench_search.sh — speed of the arabic_news text search configuration as
# ratios to the built-in simple and arabic configurations, measured in the
# same run on the same cluster:
#
#   to_tsvector over every body        SELECT sum(length(to_tsvector(cfg, body)))
#   GIN build (expression index)       CREATE INDEX … USING gin (to_tsvector(cfg, body))
#   index size                          pg_relation_size of that index
#   headline queries                    every headline as an OR-query, top 10 by
#                                       ts_rank, against a stored tsvector column
#                                       with its GIN index, one statement
#
# Each timing is the median of 3 interleaved rounds.  BENCH_CORPUS=sample (default, the
# 1,000-article ../shared/corpus/arabic_news_sample.tsv) or full (both big
# corpora, 69,907 articles; headlines: the first 1,000).  Skips cleanly when
# ../shared is absent.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -f "$shared/corpus/arabic_news_sample.tsv" ]; then
	echo "bench-search: ../shared/corpus not found; skipped"
	exit 0
fi
corpus=${BENCH_CORPUS:-sample}
case "$corpus" in
	sample) src="cat $shared/corpus/arabic_news_sample.tsv" ;;
	full) src="gzip -dc $shared/corpus/arabic_news_ant.tsv.gz $shared/corpus/arabic_news_saudinewsnet.tsv.gz" ;;
	*) echo "bench-search: BENCH_CORPUS must be sample or full" >&2; exit 1 ;;
esac

[ -n "${AN_TMP:-}" ] || { an_cluster_start; trap an_cluster_stop EXIT; }
an_psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS bench_search" -c "CREATE DATABASE bench_search" >/dev/null
an_psql -d bench_search >/dev/null <<SQL
CREATE EXTENSION arabic_news;
CREATE TABLE news (id text, source text, title text, body text);
\copy news FROM PROGRAM '$src' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
CREATE TABLE headlines AS SELECT id, title FROM news WHERE title <> '' ORDER BY id LIMIT 1000;
VACUUM ANALYZE news;
CREATE TABLE timing (config text, what text, ms numeric);
-- Run a statement once and record its time in milliseconds.
CREATE FUNCTION time_it(cfg text, what text, stmt text) RETURNS void
LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE stmt;
	INSERT INTO timing VALUES (cfg, what, (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric);
END \$\$;
SQL

configs="simple arabic arabic_news"
for cfg in $configs; do
	an_psql -d bench_search >/dev/null <<SQL
CREATE TABLE stored_$cfg AS SELECT id, to_tsvector('$cfg', body) AS tsv FROM news;
CREATE INDEX ON stored_$cfg USING gin (tsv);
VACUUM ANALYZE stored_$cfg;
SQL
done
# Three rounds, the configurations interleaved in each, so that a busy
# machine slows them all alike; the median of the rounds is reported.
for round in 1 2 3; do
	for cfg in $configs; do
		an_psql -d bench_search >/dev/null <<SQL
SET client_min_messages = warning;
SELECT time_it('$cfg', 'to_tsvector', \$q\$SELECT sum(length(to_tsvector('$cfg', body))) FROM news\$q\$);
SELECT time_it('$cfg', 'gin_build', \$q\$DROP INDEX IF EXISTS news_fts; CREATE INDEX news_fts ON news USING gin (to_tsvector('$cfg', body))\$q\$);
INSERT INTO timing SELECT '$cfg', 'index_mb', round(pg_relation_size('news_fts') / 1e6, 1) WHERE $round = 1;
DROP INDEX news_fts;
SELECT time_it('$cfg', 'headline_queries', \$q\$
	SELECT count(*) FROM headlines h,
		LATERAL (SELECT n.id FROM stored_$cfg n,
			(SELECT replace(plainto_tsquery('$cfg', h.title)::text, '&', '|')::tsquery AS q) qq
			WHERE n.tsv @@ qq.q
			ORDER BY ts_rank(n.tsv, qq.q) DESC LIMIT 10) hits\$q\$);
SQL
	done
done

echo "Text search speed over $(an_psql -d bench_search -Atc 'SELECT count(*) FROM news') articles ($corpus), $(an_psql -d bench_search -Atc 'SELECT count(*) FROM headlines') headline queries; median of 3"
an_psql -d bench_search -P footer=off <<'SQL'
WITH p AS (
	SELECT config,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'to_tsvector') AS tv,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'gin_build') AS gin,
		max(ms) FILTER (WHERE what = 'index_mb') AS mb,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'headline_queries') AS q
	FROM timing GROUP BY config)
SELECT p.config,
	round(p.tv::numeric) AS "to_tsvector ms", round((p.tv / s.tv)::numeric, 2) AS "vs simple",
	round(p.gin::numeric) AS "GIN build ms", round((p.gin / a.gin)::numeric, 2) AS "vs arabic",
	p.mb AS "index MB",
	round(p.q::numeric) AS "queries ms", round((p.q / s.q)::numeric, 2) AS "vs simple "
FROM p, p s, p a
WHERE s.config = 'simple' AND a.config = 'arabic'
ORDER BY CASE p.config WHEN 'simple' THEN 1 WHEN 'arabic' THEN 2 ELSE 3 END;
SQL

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
# Each timing is the median of 3 runs.  BENCH_CORPUS=sample (default, the
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
an_psql -d postgres -c "DROP DATABASE IF EXISTS bench_search" -c "CREATE DATABASE bench_search" >/dev/null
an_psql -d bench_search >/dev/null <<SQL
CREATE EXTENSION arabic_news;
CREATE TABLE news (id text, source text, title text, body text);
\copy news FROM PROGRAM '$src' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
CREATE TABLE headlines AS SELECT id, title FROM news WHERE title <> '' ORDER BY id LIMIT 1000;
VACUUM ANALYZE news;
CREATE TABLE timing (config text, what text, ms numeric);
-- Run a statement n times and record the median in milliseconds.
CREATE FUNCTION time_it(cfg text, what text, stmt text, n int DEFAULT 3) RETURNS void
LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; runs numeric[] := '{}';
BEGIN
	FOR i IN 1..n LOOP
		t0 := clock_timestamp();
		EXECUTE stmt;
		runs := runs || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	INSERT INTO timing VALUES (cfg, what,
		(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r) FROM unnest(runs) r));
END \$\$;
SQL

for cfg in simple arabic arabic_news; do
	an_psql -d bench_search >/dev/null <<SQL
SET client_min_messages = warning;
SELECT time_it('$cfg', 'to_tsvector', \$q\$SELECT sum(length(to_tsvector('$cfg', body))) FROM news\$q\$);
SELECT time_it('$cfg', 'gin_build', \$q\$DROP INDEX IF EXISTS news_fts; CREATE INDEX news_fts ON news USING gin (to_tsvector('$cfg', body))\$q\$);
INSERT INTO timing SELECT '$cfg', 'index_mb', round(pg_relation_size('news_fts') / 1e6, 1);
DROP TABLE IF EXISTS stored;
CREATE TABLE stored AS SELECT id, to_tsvector('$cfg', body) AS tsv FROM news;
CREATE INDEX stored_fts ON stored USING gin (tsv);
VACUUM ANALYZE stored;
SELECT time_it('$cfg', 'headline_queries', \$q\$
	SELECT count(*) FROM headlines h,
		LATERAL (SELECT n.id FROM stored n,
			(SELECT replace(plainto_tsquery('$cfg', h.title)::text, '&', '|')::tsquery AS q) qq
			WHERE n.tsv @@ qq.q
			ORDER BY ts_rank(n.tsv, qq.q) DESC LIMIT 10) hits\$q\$);
DROP INDEX news_fts;
SQL
done

echo "Text search speed over $(an_psql -d bench_search -Atc 'SELECT count(*) FROM news') articles ($corpus), $(an_psql -d bench_search -Atc 'SELECT count(*) FROM headlines') headline queries; median of 3"
an_psql -d bench_search -P footer=off <<'SQL'
SELECT t.config,
	round(max(ms) FILTER (WHERE what = 'to_tsvector')) AS "to_tsvector ms",
	round(max(ms) FILTER (WHERE what = 'to_tsvector') / max(s.ms) FILTER (WHERE s.what = 'to_tsvector'), 2) AS "vs simple",
	round(max(ms) FILTER (WHERE what = 'gin_build')) AS "GIN build ms",
	round(max(ms) FILTER (WHERE what = 'gin_build') / max(a.ms) FILTER (WHERE a.what = 'gin_build'), 2) AS "build vs arabic",
	max(ms) FILTER (WHERE what = 'index_mb') AS "index MB",
	round(max(ms) FILTER (WHERE what = 'headline_queries')) AS "headline queries ms"
FROM timing t
JOIN timing s ON s.config = 'simple' AND s.what = t.what
JOIN timing a ON a.config = 'arabic' AND a.what = t.what
GROUP BY t.config ORDER BY CASE t.config WHEN 'simple' THEN 1 WHEN 'arabic' THEN 2 ELSE 3 END;
SQL

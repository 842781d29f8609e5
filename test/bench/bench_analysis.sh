#!/usr/bin/env bash
# bench_analysis.sh — cost of ar_pledge_keys as a ratio to to_tsvector('simple')
# measured in the same run, and the refresh times of the BI views of README.md
# ("one row per pledge", "one row per entity mention"):
#
#   keys       SELECT sum(cardinality(ar_pledge_keys(body)))  vs  to_tsvector('simple')
#   gin        CREATE INDEX … USING gin (ar_pledge_keys(body))
#   create     CREATE MATERIALIZED VIEW news_pledges / news_entities (+ unique index)
#   refresh    REFRESH MATERIALIZED VIEW CONCURRENTLY, nothing changed
#   refresh+1% the same after 1 % more articles
#   trigger    1 % more articles inserted into a table whose trigger keeps
#              news_pledge_rows up to date (the incremental pattern)
#
# Timings are the median of 3 rounds (ratios interleaved).  BENCH_CORPUS=sample
# (default, 1,000 articles), ant (40,003) or full (69,907).  Skips cleanly when
# ../shared is absent.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -f "$shared/corpus/arabic_news_sample.tsv" ]; then
	echo "bench-analysis: ../shared/corpus not found; skipped"
	exit 0
fi
corpus=${BENCH_CORPUS:-sample}
case "$corpus" in
	sample) src="cat $shared/corpus/arabic_news_sample.tsv" ;;
	ant) src="gzip -dc $shared/corpus/arabic_news_ant.tsv.gz" ;;
	full) src="gzip -dc $shared/corpus/arabic_news_ant.tsv.gz $shared/corpus/arabic_news_saudinewsnet.tsv.gz" ;;
	*) echo "bench-analysis: BENCH_CORPUS must be sample, ant or full" >&2; exit 1 ;;
esac

[ -n "${AN_TMP:-}" ] || { an_cluster_start; trap an_cluster_stop EXIT; }
an_psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS bench_analysis" -c "CREATE DATABASE bench_analysis" >/dev/null
an_psql -d bench_analysis >/dev/null <<SQL
CREATE EXTENSION arabic_news;
CREATE TABLE raw (id text, source text, title text, body text);
\copy raw FROM PROGRAM '$src' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
-- news(id, published, body); ANT ids end with the publication day
-- (YYYYMMDD or DDMMYYYY)
CREATE FUNCTION id_date(id text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS \$\$
BEGIN
	IF id ~ '-20[0-9]{6}\$' THEN RETURN to_date(right(id, 8), 'YYYYMMDD'); END IF;
	IF id ~ '-[0-9]{4}20[0-9]{2}\$' THEN RETURN to_date(right(id, 8), 'DDMMYYYY'); END IF;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN RETURN NULL;
END \$\$;
CREATE TABLE news (id int PRIMARY KEY, published date, body text NOT NULL);
INSERT INTO news SELECT row_number() OVER (ORDER BY id), id_date(id), body FROM raw;
-- 1 % more articles for the incremental refresh
CREATE TABLE extra AS SELECT id + 1000000 AS id, published, body FROM news ORDER BY id LIMIT greatest(1, (SELECT count(*) FROM news) / 100);
VACUUM ANALYZE news;
CREATE TABLE timing (what text, ms numeric);
CREATE FUNCTION time_it(what text, stmt text) RETURNS void LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE stmt;
	INSERT INTO timing VALUES (what, (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric);
END \$\$;
SQL

for round in 1 2 3; do
	an_psql -d bench_analysis >/dev/null <<'SQL'
SET client_min_messages = warning;
SELECT time_it('to_tsvector simple', $q$SELECT sum(length(to_tsvector('simple', body))) FROM news$q$);
SELECT time_it('ar_pledge_keys', $q$SELECT sum(cardinality(ar_pledge_keys(body))) FROM news$q$);
SELECT time_it('ar_entity_keys', $q$SELECT sum(cardinality(ar_entity_keys(body))) FROM news$q$);
SELECT time_it('GIN build ar_pledge_keys', $q$DROP INDEX IF EXISTS news_pk; CREATE INDEX news_pk ON news USING gin (ar_pledge_keys(body))$q$);
DROP MATERIALIZED VIEW IF EXISTS news_pledges;
DROP MATERIALIZED VIEW IF EXISTS news_entities;
DELETE FROM news WHERE id > 1000000;
SELECT time_it('news_pledges: create', $q$CREATE MATERIALIZED VIEW news_pledges AS
	SELECT n.id AS document, n.published, r.* FROM news n, ar_pledge_rows(n.body, n.published) r;
	CREATE UNIQUE INDEX ON news_pledges (document, pledge_no)$q$);
SELECT time_it('news_entities: create', $q$CREATE MATERIALIZED VIEW news_entities AS
	SELECT n.id AS document, n.published, e.mention::int, e.kind, e.canonical, e.surface, e.start_pos, e.end_pos
	FROM news n, ar_entities(n.body) WITH ORDINALITY AS e(kind, surface, canonical, start_pos, end_pos, mention);
	CREATE UNIQUE INDEX ON news_entities (document, mention)$q$);
SELECT time_it('news_pledges: refresh concurrently', 'REFRESH MATERIALIZED VIEW CONCURRENTLY news_pledges');
SELECT time_it('news_entities: refresh concurrently', 'REFRESH MATERIALIZED VIEW CONCURRENTLY news_entities');
INSERT INTO news SELECT * FROM extra;
SELECT time_it('news_pledges: refresh concurrently +1%', 'REFRESH MATERIALIZED VIEW CONCURRENTLY news_pledges');
DELETE FROM news WHERE id > 1000000;
DROP TABLE IF EXISTS news_pledge_rows CASCADE;
CREATE TABLE news_pledge_rows AS SELECT n.id AS document, n.published, r.* FROM news n, ar_pledge_rows(n.body, n.published) r;
ALTER TABLE news_pledge_rows ADD PRIMARY KEY (document, pledge_no);
CREATE OR REPLACE FUNCTION news_pledge_rows_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN DELETE FROM news_pledge_rows WHERE document = OLD.id; END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO news_pledge_rows SELECT NEW.id, NEW.published, r.* FROM ar_pledge_rows(NEW.body, NEW.published) r;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER news_pledge_rows_sync AFTER INSERT OR DELETE OR UPDATE OF id, published, body ON news
	FOR EACH ROW EXECUTE FUNCTION news_pledge_rows_sync();
SELECT time_it('news_pledge_rows: insert 1% (trigger)', 'INSERT INTO news SELECT * FROM extra');
DROP TRIGGER news_pledge_rows_sync ON news;
DELETE FROM news WHERE id > 1000000;
SQL
done

echo "Analysis over $(an_psql -d bench_analysis -Atc 'SELECT count(*) FROM news') articles ($corpus), +$(an_psql -d bench_analysis -Atc 'SELECT count(*) FROM extra') for the incremental cases; $(an_psql -d bench_analysis -Atc 'SELECT count(*) FROM news_pledges') pledges, $(an_psql -d bench_analysis -Atc 'SELECT count(*) FROM news_entities') entity mentions; median of 3"
an_psql -d bench_analysis -P footer=off <<'SQL'
WITH m AS (SELECT what, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms, min(ctid) AS first FROM timing GROUP BY what)
SELECT m.what, round(m.ms::numeric) AS ms, round((m.ms / s.ms)::numeric, 2) AS "vs to_tsvector simple"
FROM m, m s WHERE s.what = 'to_tsvector simple' ORDER BY m.first;
SQL

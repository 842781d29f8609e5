#!/usr/bin/env bash
# topk_corpus.sh — "make test-bm25-topk": the bm25 index's top k against the
# exhaustive bm25_score order (score desc, ctid asc) for k = 1, 10 and 50, over
# the 1,000 articles of ../shared/corpus/arabic_news_sample.tsv with
# to_tsvector('arabic_news', body): TOPK_QUERIES queries (default 3,000: every
# headline as an OR-query, then 1–8 lexemes drawn from random articles, a few
# from the whole vocabulary).  Half the rows are first loaded, the index
# built, then the rest inserted and a tenth deleted, so segments, the pending
# list and dead rows all take part.  Skips when ../shared is missing (make
# test also runs test/pgtap/bm25_topk.sql on generated text).  TAP lines.
set -uo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
sample=${shared:+$shared/corpus/arabic_news_sample.tsv}
if [ -z "$sample" ] || [ ! -f "$sample" ]; then
	echo "ok - # SKIP bm25 top k on the corpus sample: ../shared/corpus not found"
	exit 0
fi
TOPK_QUERIES=${TOPK_QUERIES:-3000}
an_cluster_start || exit 1
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE topk" >/dev/null
an_psql -d topk -c "CREATE EXTENSION arabic_news" -f "$AN_ROOT/test/lib/bm25_lib.sql" >/dev/null
cut -f3,4 "$sample" | sed 's/\\/\\\\/g' | an_psql -d topk -c "CREATE TABLE src (title text, body text)" -c "\copy src FROM pstdin"
t0=$(date +%s)
out=$(an_psql -d topk -At 2>&1 <<SQL
SET client_min_messages = warning;
SELECT setseed(0.434);
CREATE TABLE news (id serial PRIMARY KEY, body text);
INSERT INTO news (body) SELECT body FROM src ORDER BY random() LIMIT 500;
CREATE INDEX news_bm25 ON news USING bm25 (to_tsvector('arabic_news', body));
INSERT INTO news (body) SELECT body FROM src WHERE body NOT IN (SELECT body FROM news);
DELETE FROM news WHERE id % 10 = 3;
ANALYZE news;
CREATE TABLE lex AS SELECT DISTINCT lexeme FROM news, unnest(to_tsvector('arabic_news', body)) WHERE lexeme NOT LIKE '#%';
CREATE TABLE bq (n serial, q tsquery);
INSERT INTO bq (q) SELECT replace(plainto_tsquery('arabic_news', title)::text, '&', '|')::tsquery FROM src
	WHERE numnode(plainto_tsquery('arabic_news', title)) > 0;
INSERT INTO bq (q)
SELECT (SELECT string_agg(quote_literal(lexeme), ' | ') FROM (
		SELECT lexeme FROM unnest(to_tsvector('arabic_news', (SELECT body FROM news ORDER BY random() + g * 0 LIMIT 1)))
		WHERE lexeme NOT LIKE '#%' ORDER BY random() LIMIT 1 + g % 8) l)::tsquery
FROM generate_series(1, greatest($TOPK_QUERIES - (SELECT count(*) FROM bq), 0)) g;
UPDATE bq SET q = q || (SELECT quote_literal(lexeme) FROM lex ORDER BY random() + n * 0 LIMIT 1)::tsquery WHERE n % 5 = 0;
DELETE FROM bq WHERE n > $TOPK_QUERIES;
CREATE TABLE diffs AS
SELECT n, bm25t.topk_diff('news', 'to_tsvector(''arabic_news'', body)', 'news_bm25', q, ARRAY[1, 10, 50]) AS d FROM bq;
SELECT (SELECT count(*) FROM bq) || ' ' || (SELECT count(*) FROM diffs WHERE d IS NOT NULL);
SELECT '# ' || d FROM diffs WHERE d IS NOT NULL ORDER BY n LIMIT 5;
SQL
)
read -r nq nbad <<<"$(grep -E "^[0-9]+ [0-9]+$" <<<"$out" | head -1)"
if [ "${nbad:-x}" = 0 ]; then
	echo "ok - bm25 top k = bm25_score order on the corpus sample: $nq queries × k = 1, 10, 50 ($(( $(date +%s) - t0 )) s)"
else
	echo "not ok - bm25 top k = bm25_score order on the corpus sample: ${nbad:-?} of ${nq:-?} queries differ"
	grep -v -E "^[0-9]+ [0-9]+$|^$" <<<"$out" | sed 's/^\([^#]\)/# \1/' | cut -c1-400
	exit 1
fi

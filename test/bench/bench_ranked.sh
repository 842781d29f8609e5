# bench_ranked.sh — the ranked-search part of make bench, sourced by
# run_bench.sh (uses its bpsql, step, log, BENCH_* and the bench_tsv table).
#
#   ranked_builds    on the stored to_tsvector('arabic_news', body) column:
#                    GIN build (timed, best of BENCH_RUNS), bm25 build (target:
#                    no slower than GIN), RUM build; sizes (bm25 ≤ 1.5× GIN)
#   ranked_queries   the same BENCH_QUERIES headlines, top 10, by the bm25
#                    index, GIN + ts_rank (run_bench.sh's arabic_news row), RUM,
#                    and the Lucene++ anchor (../shared/tools/lucene_anchor.cpp,
#                    built into .build/; Lucene 3.0's classic similarity, ES-like
#                    Arabic analyzer) over the same articles, one process, warm;
#                    then bm25 query time on random 10k and 30k subsets
#                    (growth to the whole corpus)

ranked_builds() {
	local drop="DROP INDEX IF EXISTS bench_tsv_gin, bench_tsv_bm25, bench_tsv_rum"
	bpsql -c "CREATE EXTENSION IF NOT EXISTS rum" >/dev/null 2>&1 || log "RUM (postgresql-15-rum) not installed: its rows are n/a"
	step gin_tsv   "GIN build, stored arabic_news tsvectors"  ""         ""  ""      "CREATE INDEX bench_tsv_gin ON bench_tsv USING gin (tsv_arabic_news)" "DROP INDEX IF EXISTS bench_tsv_gin"
	step bm25_tsv  "bm25 build, the same tsvectors"           "am:bm25"  1.0 gin_tsv "CREATE INDEX bench_tsv_bm25 ON bench_tsv USING bm25 (tsv_arabic_news)" "DROP INDEX IF EXISTS bench_tsv_bm25"
	step rum_tsv   "RUM build, the same tsvectors"            "am:rum"   ""  ""      "CREATE INDEX bench_tsv_rum ON bench_tsv USING rum (tsv_arabic_news rum_tsvector_ops)" "DROP INDEX IF EXISTS bench_tsv_rum"
	bpsql <<'SQL'
INSERT INTO bench_size (label, mb, basis, ratio, note)
SELECT label, round(pg_relation_size(to_regclass(idx)) / 1e6, 1), basis, ratio,
	   CASE WHEN to_regclass(idx) IS NULL THEN 'n/a (not built)' END
  FROM (VALUES ('GIN, stored arabic_news tsvectors', 'bench_tsv_gin', NULL, 1),
			   ('bm25, the same tsvectors', 'bench_tsv_bm25', 'GIN, stored arabic_news tsvectors', 1.5),
			   ('RUM, the same tsvectors', 'bench_tsv_rum', NULL, 1)) v(label, idx, basis, ratio);
SQL
}

# bm25 queries on table $1 (index $2): one warm-up pass of 50, then the timed pass.
ranked_bm25_run() {
	local tbl=$1 idx=$2 docs
	docs=$(bpsql -Atc "SELECT count(*) FROM $tbl")
	bpsql -At -c "SELECT bench_queries('arabic_news', 'tsv_arabic_news', 50, 'bm25', '$tbl', '$idx')" >/dev/null
	bpsql -At -c "INSERT INTO bench_qresult (cfg, nq, total, cpu, p50, p95, hits, path, docs)
		SELECT 'arabic_news', n, total, cpu, p50, p95, hits, 'bm25 index', $docs
		  FROM bench_queries('arabic_news', 'tsv_arabic_news', $BENCH_QUERIES, 'bm25', '$tbl', '$idx')
		RETURNING 'bm25, $docs articles: ' || round(total::numeric, 2) || ' s'" | sed 's/^/          -> /' >&2
}

ranked_lucene() {
	local bin="$AN_ROOT/.build/lucene_anchor" src="$shared/tools/lucene_anchor.cpp" out
	if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
		mkdir -p "$AN_ROOT/.build"
		g++ -O2 -std=c++17 -o "$bin" "$src" $(pkg-config --cflags liblucene++ liblucene++-contrib 2>/dev/null) \
			-llucene++-contrib -llucene++ -lboost_system -lpthread 2>"$AN_TMP/lucene_build.log" || {
			log "Lucene++ anchor not built (needs liblucene++-dev, liblucene++-contrib0v5 and the Boost headers:"
			log "  apt-get install liblucene++-dev libboost-filesystem-dev libboost-thread-dev libboost-iostreams-dev): $(head -1 "$AN_TMP/lucene_build.log")"
			bpsql -c "INSERT INTO bench_qresult (cfg, path) VALUES ('arabic_news', 'Lucene++ anchor (not built)')"
			return 0; }
	fi
	log "Lucene++ anchor: indexing the same articles, then two passes over the queries"
	bpsql -c "\copy (SELECT id, body FROM news) TO '$AN_TMP/lucene_passages.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')"
	head -n "$BENCH_QUERIES" "$queries" >"$AN_TMP/lucene_queries.tsv"
	: >"$AN_TMP/lucene_qrels.tsv"
	# /usr/bin/time: the process's CPU share, to estimate the CPU time of its
	# (wall-clock timed) query pass on a busy machine
	out=$(/usr/bin/time -f "cpu_share	%P" "$bin" run --es "$AN_TMP/lucene_passages.tsv" "$AN_TMP/lucene_queries.tsv" \
		"$AN_TMP/lucene_qrels.tsv" "$AN_TMP/lucene_index" "$AN_TMP/lucene_run.tsv" 2>&1) \
		|| { log "Lucene++ anchor failed: $(tail -1 <<<"$out")"; return 0; }
	bpsql -v out="$out" -v nq="$(wc -l <"$AN_TMP/lucene_queries.tsv")" >/dev/null <<'SQL'
WITH kv AS (SELECT split_part(l, E'\t', 1) AS k, split_part(l, E'\t', 2) AS v
			  FROM regexp_split_to_table(:'out', E'\n') l)
INSERT INTO bench_qresult (cfg, nq, total, cpu, path, docs, hits)
SELECT 'arabic_news', :nq, (SELECT v::float8 FROM kv WHERE k = 'query_s'),
	   (SELECT v::float8 FROM kv WHERE k = 'query_s')
	   * (SELECT least(rtrim(v, '%')::float8 / 100, 1) FROM kv WHERE k = 'cpu_share'),
	   format('Lucene++ 3.0.8 anchor (index %s s + optimize %s s, %s MB; CPU = wall × the process''s CPU share)',
			  (SELECT v FROM kv WHERE k = 'index_s'), (SELECT v FROM kv WHERE k = 'optimize_s'),
			  (SELECT v FROM kv WHERE k = 'index_MB')),
	   (SELECT v::bigint FROM kv WHERE k = 'passages'), NULL;
SQL
	log "      -> Lucene++: $(grep -E '^(query_s|index_s)' <<<"$out" | tr '\n\t' '  ')"
}

ranked_queries() {
	local size
	bpsql -c "UPDATE bench_qresult SET docs = (SELECT count(*) FROM bench_tsv) WHERE path = 'GIN + ts_rank' AND docs IS NULL"
	if [ "$(bpsql -Atc "SELECT count(*) FROM pg_am WHERE amname = 'bm25'")" = 1 ]; then
		log "queries, arabic_news, bm25 index"
		ranked_bm25_run bench_tsv bench_tsv_bm25
	else
		bpsql -c "INSERT INTO bench_qresult (cfg, path) VALUES ('arabic_news', 'bm25 index (not built yet)')"
	fi
	if bpsql -Atc "SELECT to_regclass('bench_tsv_rum') IS NOT NULL" | grep -q t; then
		log "queries, arabic_news, RUM (warm-up: 50 queries)"
		bpsql -At -c "SELECT bench_queries('arabic_news', 'tsv_arabic_news', 50, 'rum')" >/dev/null
		bpsql -At -c "INSERT INTO bench_qresult (cfg, nq, total, cpu, p50, p95, hits, path, docs)
			SELECT 'arabic_news', n, total, cpu, p50, p95, hits, 'RUM index', (SELECT count(*) FROM bench_tsv)
			  FROM bench_queries('arabic_news', 'tsv_arabic_news', $BENCH_QUERIES, 'rum')
			RETURNING 'RUM: ' || round(total::numeric, 2) || ' s'" | sed 's/^/          -> /' >&2
	fi
	ranked_lucene
	# growth: the same queries on random subsets (md5 order of the ids)
	[ "$(bpsql -Atc "SELECT count(*) FROM pg_am WHERE amname = 'bm25'")" = 1 ] || return 0
	for size in 10000 30000; do
		[ "$(bpsql -Atc "SELECT count(*) > $size FROM bench_tsv")" = t ] || continue
		log "bm25 on a random $size-article subset"
		bpsql -c "CREATE TABLE bench_tsv_$size AS SELECT id, tsv_arabic_news FROM bench_tsv ORDER BY md5(id) LIMIT $size" \
			-c "CREATE INDEX bench_tsv_${size}_bm25 ON bench_tsv_$size USING bm25 (tsv_arabic_news)" \
			-c "VACUUM ANALYZE bench_tsv_$size" >/dev/null
		ranked_bm25_run "bench_tsv_$size" "bench_tsv_${size}_bm25"
	done
}

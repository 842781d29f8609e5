-- bench_report.sql — the Markdown tables printed by run_bench.sh.
-- psql variables: load, cpu, commit, corpus, runs, elapsed.

SELECT format('PostgreSQL %s, %s articles, %s MB of body text (%s M characters), table %s MB; '
			  'corpus %s; best of %s runs, one backend, parallel query off, JIT off, '
			  'maintenance_work_mem 256MB, warm cache. %s; load average %s '
			  '(the machine is shared). Commit %s, %s UTC, whole run %s min.',
			  max(v) FILTER (WHERE k = 'server'),
			  to_char(max(v) FILTER (WHERE k = 'rows')::bigint, 'FM999,999,999'),
			  round(max(v) FILTER (WHERE k = 'body_bytes')::numeric / 1e6, 1),
			  round(max(v) FILTER (WHERE k = 'body_chars')::numeric / 1e6, 1),
			  max(v) FILTER (WHERE k = 'table_mb'),
			  :'corpus', :'runs', :'cpu', :'load', :'commit',
			  to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), :'elapsed')
  FROM bench_meta;
SELECT '';
SELECT 'Times are the backend''s CPU seconds (Linux schedstat; wall clock where that is missing), '
	   'best of the runs; wall-clock best in its own column. MB/s = body bytes / best CPU time.';
SELECT '';
SELECT '| step | runs, CPU (s) | best CPU (s) | best wall (s) | MB/s | × simple | target | met |';
SELECT '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |';
WITH bytes AS (SELECT v::float8 AS b FROM bench_meta WHERE k = 'body_bytes'),
	 simple AS (SELECT seconds AS s FROM bench_result WHERE key = 'simple')
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |',
			  '`' || r.label || '`',
			  coalesce(nullif(array_to_string(ARRAY(SELECT to_char(x, 'FM9990.00')
														FROM unnest(r.runs) x), ' / '), ''),
					   r.note),
			  coalesce(to_char(r.seconds, 'FM9990.00'), ''),
			  coalesce(to_char(r.wall, 'FM9990.00'), ''),
			  coalesce(to_char(bytes.b / 1e6 / nullif(r.seconds, 0), 'FM99990.0'), ''),
			  coalesce(to_char(r.seconds / nullif(simple.s, 0), 'FM990.00'), ''),
			  coalesce('≤ ' || to_char(r.target, 'FM990.00') || '×'
					   || CASE WHEN r.basis <> 'simple' THEN ' `' || b.label || '`' ELSE ' simple' END, ''),
			  CASE WHEN r.target IS NULL OR r.seconds IS NULL OR b.seconds IS NULL THEN ''
				   WHEN r.seconds / b.seconds <= r.target THEN 'yes'
				   ELSE '**no**' END
			  || CASE WHEN r.basis <> 'simple' AND r.seconds IS NOT NULL AND b.seconds IS NOT NULL
					  THEN to_char(r.seconds / b.seconds, ' (FM990.00×)') ELSE '' END)
  FROM bench_result r
  LEFT JOIN bench_result b ON b.key = r.basis
  CROSS JOIN bytes LEFT JOIN simple ON true
 ORDER BY r.ord;
SELECT '';
SELECT '| index | size (MB) | distinct lexemes | target | met |';
SELECT '| --- | ---: | ---: | --- | --- |';
SELECT format('| %s | %s | %s | %s | %s |',
			  '`' || s.label || '`',
			  coalesce(to_char(s.mb, 'FM99990.0'), s.note),
			  coalesce(to_char(s.lexemes, 'FM999,999,999'), ''),
			  coalesce('≤ ' || CASE WHEN s.ratio <> 1 THEN to_char(s.ratio, 'FM990.0') || '× ' ELSE '' END
					   || '`' || s.basis || '`', ''),
			  CASE WHEN s.basis IS NULL OR s.mb IS NULL OR b.mb IS NULL THEN ''
				   WHEN s.mb <= s.ratio * b.mb THEN 'yes' ELSE '**no**' END
			  || CASE WHEN s.ratio <> 1 AND s.mb IS NOT NULL AND b.mb > 0
					  THEN to_char(s.mb / b.mb, ' (FM990.00×)') ELSE '' END)
  FROM bench_size s
  LEFT JOIN bench_size b ON b.label = s.basis
 ORDER BY s.ord;
SELECT count(*) > 0 AS has_queries FROM bench_qresult \gset
\if :has_queries
SELECT '';
SELECT '| headline queries (OR, top 10 by ts_rank norm. 1, stored tsvector + GIN) | queries | CPU (s) | wall (s) | mean wall (ms) | p50 (ms) | p95 (ms) | rows returned | × arabic (CPU) |';
SELECT '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
WITH best AS (SELECT DISTINCT ON (cfg) * FROM bench_qresult WHERE path = 'GIN + ts_rank'
				  ORDER BY cfg, coalesce(cpu, total) NULLS LAST),
	 base AS (SELECT coalesce(cpu, total) AS total FROM best WHERE cfg = 'arabic')
SELECT format('| `%s` | %s | %s | %s | %s | %s | %s | %s | %s |',
			  q.cfg,
			  coalesce(q.nq::text, 'n/a (not built yet)'),
			  coalesce(to_char(q.cpu, 'FM99990.00'), ''),
			  coalesce(to_char(q.total, 'FM99990.00'), ''),
			  coalesce(to_char(1000 * q.total / nullif(q.nq, 0), 'FM99990.0'), ''),
			  coalesce(to_char(q.p50, 'FM99990.0'), ''),
			  coalesce(to_char(q.p95, 'FM99990.0'), ''),
			  coalesce(q.hits::text, ''),
			  coalesce(to_char(coalesce(q.cpu, q.total) / nullif(base.total, 0), 'FM990.00'), ''))
  FROM best q LEFT JOIN base ON true
 ORDER BY q.cfg;
-- Ranked search: the same headlines, top 10, by every path over the same
-- articles; the bm25 target is at most 2× the Lucene++ anchor's time (wall
-- clock: the anchor is a separate process).
SELECT count(*) > 0 AS has_ranked FROM bench_qresult WHERE path <> 'GIN + ts_rank' \gset
\if :has_ranked
SELECT '';
SELECT '| ranked top 10, arabic_news tsvectors | articles | queries | wall (s) | CPU (s) | mean (ms) | p50 (ms) | p95 (ms) | × Lucene++ (wall) | × Lucene++ (CPU) | target |';
SELECT '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
WITH full_docs AS (SELECT max(docs) AS d FROM bench_qresult),
	 q AS (SELECT DISTINCT ON (path, docs) * FROM bench_qresult
			WHERE cfg = 'arabic_news' ORDER BY path, docs, total NULLS LAST),
	 lucene AS (SELECT total, cpu FROM q WHERE path LIKE 'Lucene%' AND total IS NOT NULL LIMIT 1)
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |',
			  q.path, coalesce(to_char(q.docs, 'FM999,999'), ''), coalesce(q.nq::text, 'n/a'),
			  coalesce(to_char(q.total, 'FM99990.00'), ''), coalesce(to_char(q.cpu, 'FM99990.00'), ''),
			  coalesce(to_char(1000 * q.total / nullif(q.nq, 0), 'FM99990.00'), ''),
			  coalesce(to_char(q.p50, 'FM99990.00'), ''), coalesce(to_char(q.p95, 'FM99990.00'), ''),
			  coalesce(to_char(q.total / nullif(lucene.total, 0), 'FM99990.00'), ''),
			  coalesce(to_char(q.cpu / nullif(lucene.cpu, 0), 'FM99990.00'), ''),
			  CASE WHEN q.path = 'bm25 index' THEN '≤ 2× Lucene++ (CPU) '
				   || CASE WHEN q.cpu IS NULL OR lucene.cpu IS NULL THEN ''
						   WHEN q.cpu <= 2 * lucene.cpu THEN 'yes' ELSE '**no**' END ELSE '' END)
  FROM q CROSS JOIN full_docs LEFT JOIN lucene ON true
 WHERE q.docs IS NULL OR q.docs = full_docs.d
 ORDER BY CASE WHEN q.path LIKE 'bm25%' THEN 1 WHEN q.path LIKE 'GIN%' THEN 2 WHEN q.path LIKE 'RUM%' THEN 3 ELSE 4 END;
SELECT count(*) > 1 AS has_growth FROM bench_qresult WHERE path = 'bm25 index' \gset
\if :has_growth
SELECT '';
SELECT '| bm25 index, articles (random subsets) | queries | wall (s) | CPU (s) | mean (ms) | p95 (ms) | × smallest (wall) |';
SELECT '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
WITH g AS (SELECT DISTINCT ON (docs) * FROM bench_qresult WHERE path = 'bm25 index' ORDER BY docs, total),
	 first AS (SELECT total FROM g ORDER BY docs LIMIT 1)
SELECT format('| %s | %s | %s | %s | %s | %s | %s |', to_char(g.docs, 'FM999,999'), g.nq,
			  to_char(g.total, 'FM99990.00'), coalesce(to_char(g.cpu, 'FM99990.00'), ''),
			  to_char(1000 * g.total / g.nq, 'FM99990.00'), to_char(g.p95, 'FM99990.00'),
			  to_char(g.total / first.total, 'FM990.00'))
  FROM g, first ORDER BY g.docs;
\endif
\endif
\endif

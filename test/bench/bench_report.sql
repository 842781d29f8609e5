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
  CROSS JOIN bytes CROSS JOIN simple
 ORDER BY r.ord;
SELECT '';
SELECT '| index | size (MB) | distinct lexemes | target | met |';
SELECT '| --- | ---: | ---: | --- | --- |';
SELECT format('| %s | %s | %s | %s | %s |',
			  '`' || s.label || '`',
			  coalesce(to_char(s.mb, 'FM99990.0'), s.note),
			  coalesce(to_char(s.lexemes, 'FM999,999,999'), ''),
			  coalesce('≤ `' || s.basis || '`', ''),
			  CASE WHEN s.basis IS NULL OR s.mb IS NULL THEN ''
				   WHEN s.mb <= b.mb THEN 'yes' ELSE '**no**' END)
  FROM bench_size s
  LEFT JOIN bench_size b ON b.label = s.basis
 ORDER BY s.ord;
SELECT count(*) > 0 AS has_queries FROM bench_qresult \gset
\if :has_queries
SELECT '';
SELECT '| headline queries (OR, top 10 by ts_rank norm. 1, stored tsvector + GIN) | queries | CPU (s) | wall (s) | mean wall (ms) | p50 (ms) | p95 (ms) | rows returned | × arabic (CPU) |';
SELECT '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
WITH best AS (SELECT DISTINCT ON (cfg) * FROM bench_qresult ORDER BY cfg, coalesce(cpu, total) NULLS LAST),
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
\endif

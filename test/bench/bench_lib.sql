-- bench_lib.sql — timing helpers for test/bench/run_bench.sh.
--
-- Loaded into the throwaway benchmark database only (never part of the
-- extension).  Every step is timed around EXECUTE inside one backend, so the
-- first run also warms per-backend caches (library, dictionaries,
-- gazetteer) and "best of N" discounts that.  Two clocks: wall time, and the
-- backend's own on-CPU time from /proc/self/schedstat, which other
-- processes on a busy shared machine barely disturb.  Ratios use CPU time
-- when the platform has it.

SET client_min_messages = warning;

CREATE TABLE bench_meta (k text PRIMARY KEY, v text);

CREATE TABLE bench_result (
	ord		serial,
	key		text UNIQUE,	-- short name other steps refer to
	label	text,			-- what the table shows
	target	float8,			-- time ratio the issues ask for (NULL: none)
	basis	text,			-- key of the step the target is relative to
	seconds float8,			-- best run, CPU time (wall time without schedstat); NULL when not run
	runs	float8[],		-- every run, same clock
	wall	float8,			-- best run, wall-clock time
	note	text			-- why it was not run
);

CREATE TABLE bench_size (
	ord		serial,
	label	text,
	mb		float8,			-- index size, MB (10^6 bytes)
	lexemes	bigint,			-- distinct lexemes in the stored column
	basis	text,			-- label of the index it is compared with
	ratio	float8 DEFAULT 1,	-- at most this many times the basis
	note	text
);

CREATE TABLE bench_qresult (
	cfg		text,
	nq		int,
	total	float8,			-- seconds for all queries, wall clock
	cpu		float8,			-- seconds for all queries, backend CPU time
	p50		float8,			-- milliseconds per query
	p95		float8,
	hits	bigint,			-- rows returned (sanity: both configs find things)
	path	text DEFAULT 'GIN + ts_rank',	-- how the top 10 is found
	docs	bigint			-- rows of the table searched
);

-- On-CPU time of this backend so far, in seconds (Linux schedstat: ns
-- resolution, excludes time spent waiting for a CPU); NULL elsewhere.
CREATE FUNCTION bench_cpu() RETURNS float8
LANGUAGE plpgsql AS $$
BEGIN
	RETURN split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::float8 / 1e9;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END $$;

-- True when every requirement in needs is installed:
-- "fn:ar_normalize" (a function of that name), "cfg:arabic_news" (a text
-- search configuration), "am:bm25" (an index access method).  Other helpers build those in parallel, so a step
-- whose object is missing reports n/a instead of failing.
CREATE FUNCTION bench_has(needs text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY regexp_split_to_array(coalesce(trim(needs), ''), '\s+') LOOP
		CONTINUE WHEN r = '';
		IF r LIKE 'fn:%' AND NOT EXISTS
			(SELECT 1 FROM pg_proc WHERE proname = substr(r, 4)) THEN
			RETURN false;
		ELSIF r LIKE 'cfg:%' AND NOT EXISTS
			(SELECT 1 FROM pg_ts_config WHERE cfgname = substr(r, 5)) THEN
			RETURN false;
		ELSIF r LIKE 'am:%' AND NOT EXISTS
			(SELECT 1 FROM pg_am WHERE amname = substr(r, 4)) THEN
			RETURN false;
		END IF;
	END LOOP;
	RETURN true;
END $$;

-- Run q `runs` times (setup, untimed, before each run) and record the best.
-- An error inside q is recorded, not raised, so one broken function does not
-- stop the whole benchmark.
CREATE FUNCTION bench_step(p_key text, p_label text, p_needs text, p_target float8,
						   p_basis text, q text, nruns int, setup text DEFAULT NULL)
RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0		timestamptz;
	c0		float8;
	walls	float8[] := '{}';
	cpus	float8[] := '{}';
BEGIN
	DELETE FROM bench_result WHERE key = p_key;
	IF NOT bench_has(p_needs) THEN
		INSERT INTO bench_result (key, label, target, basis, note)
		VALUES (p_key, p_label, p_target, p_basis, 'n/a (not built yet)');
		RETURN NULL;
	END IF;
	BEGIN
		FOR i IN 1..nruns LOOP
			IF setup IS NOT NULL THEN
				EXECUTE setup;
			END IF;
			c0 := bench_cpu();
			t0 := clock_timestamp();
			EXECUTE q;
			walls := walls || extract(epoch FROM clock_timestamp() - t0)::float8;
			cpus := cpus || (bench_cpu() - c0);
		END LOOP;
	EXCEPTION WHEN OTHERS THEN
		INSERT INTO bench_result (key, label, target, basis, note)
		VALUES (p_key, p_label, p_target, p_basis, 'error: ' || SQLERRM);
		RETURN NULL;
	END;
	IF cpus[1] IS NULL THEN
		cpus := walls;
	END IF;
	INSERT INTO bench_result (key, label, target, basis, seconds, runs, wall)
	VALUES (p_key, p_label, p_target, p_basis, (SELECT min(x) FROM unnest(cpus) x),
			cpus, (SELECT min(x) FROM unnest(walls) x));
	RETURN (SELECT min(x) FROM unnest(cpus) x);
END $$;

-- Run the first nq headline queries against tbl.<col> as OR-queries of the
-- query's lexemes, top 10, the way the retrieval evaluation does, by one of
-- three paths (kind):
--   gin   matched through the GIN index, ranked by ts_rank(…, 1), as make eval-search
--   bm25  ORDER BY col <=> bm25query(idx, q) LIMIT 10: the bm25 index scan
--   rum   WHERE col @@ q ORDER BY col <=> q LIMIT 10: the RUM index scan
-- The query text is parsed inside the timed section (once per query).
CREATE FUNCTION bench_queries(cfg text, col text, nq int, kind text DEFAULT 'gin',
							  tbl text DEFAULT 'bench_tsv', idx text DEFAULT NULL,
							  OUT n int, OUT total float8, OUT cpu float8, OUT p50 float8,
							  OUT p95 float8, OUT hits bigint)
LANGUAGE plpgsql AS $$
DECLARE
	r		record;
	qq		tsquery;
	t0		timestamptz;
	c0		float8 := bench_cpu();
	c		int;
	ds		float8[] := '{}';
	sql		text := CASE kind
		WHEN 'gin' THEN format('SELECT count(*) FROM (SELECT id FROM %2$I WHERE %1$I @@ $1 '
							   'ORDER BY ts_rank(%1$I, $1, 1) DESC, id LIMIT 10) s', col, tbl)
		WHEN 'bm25' THEN format('SELECT count(*) FROM (SELECT id FROM %2$I '
								'ORDER BY %1$I <=> bm25query(%3$L, $1) LIMIT 10) s', col, tbl, idx)
		WHEN 'rum' THEN format('SELECT count(*) FROM (SELECT id FROM %2$I WHERE %1$I @@ $1 '
							   'ORDER BY %1$I <=> $1 LIMIT 10) s', col, tbl) END;
BEGIN
	hits := 0;
	FOR r IN SELECT q FROM bench_query ORDER BY qid LIMIT nq LOOP
		t0 := clock_timestamp();
		qq := replace(plainto_tsquery(cfg::regconfig, r.q)::text, ' & ', ' | ')::tsquery;
		EXECUTE sql INTO c USING qq;
		ds := ds || extract(epoch FROM clock_timestamp() - t0)::float8;
		hits := hits + c;
	END LOOP;
	cpu := bench_cpu() - c0;
	n := cardinality(ds);
	SELECT sum(x), 1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY x),
		   1000 * percentile_cont(0.95) WITHIN GROUP (ORDER BY x)
	  INTO total, p50, p95
	  FROM unnest(ds) x;
END $$;

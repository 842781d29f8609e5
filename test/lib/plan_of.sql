-- pg_temp.plan_of(query): the query's EXPLAIN (COSTS OFF) text, for tests
-- that check which index or node a plan uses.  Included with \ir.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $plan_of$
DECLARE r text; acc text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP acc := acc || r || E'\n'; END LOOP;
	RETURN acc;
END $plan_of$;

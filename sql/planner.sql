-- Planner costs (0.2): the functions that read a whole text say so, on the
-- scale of to_tsvector (COST 100), so the planner does not take them for as
-- cheap as an integer comparison.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

SELECT extversion FROM pg_extension WHERE extname = 'arabic_news';

SELECT p.oid::regprocedure AS function, p.procost
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'arabic_news'
WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
  AND NOT 'internal'::regtype = ANY (p.proargtypes::regtype[]) AND p.prorettype <> 'internal'::regtype
ORDER BY p.proname;

-- Within one WHERE clause the cheap condition now runs first, whatever the
-- order it was written in (with COST 1 the first pair cost the same and the
-- written order stayed).
CREATE TABLE planner_news (id int, body text);
EXPLAIN (COSTS OFF)
SELECT id FROM planner_news
WHERE ar_entity_keys(body) @> ARRAY['LOC:برلين'] AND lower(body) <> '';
EXPLAIN (COSTS OFF)
SELECT id FROM planner_news
WHERE to_tsvector('simple', body) @@ 'x'::tsquery AND ar_normalize(body) = 'برلين';
DROP TABLE planner_news;

-- arabic_news 0.1 → 0.2: planner costs for the functions that read a text.
\echo Use "ALTER EXTENSION arabic_news UPDATE TO '0.2'" to load this file. \quit

-- With the default COST 1 the planner takes a call that reads a whole
-- article for as cheap as an integer comparison: it may evaluate it before
-- a cheap condition of the same WHERE clause, and it underrates what a
-- sequential scan that calls it costs, so parallel plans and expression
-- indexes look less attractive than they are.  Costs are in units of
-- cpu_operator_cost, on the scale of to_tsvector (COST 100), from the
-- per-article CPU times of "make bench" (ar_normalize 0.14×, ar_tokens
-- 0.43×, ar_entities 0.75×, the number grammar about 0.3× of
-- to_tsvector('simple')).
ALTER FUNCTION ar_normalize(text, boolean, boolean, boolean, boolean, boolean, boolean,
	boolean, boolean, boolean, boolean, boolean) COST 15;
ALTER FUNCTION ar_tokens(text, boolean) COST 45;
ALTER FUNCTION ar_entities(text) COST 75;
ALTER FUNCTION ar_entity_keys(text) COST 75;
ALTER FUNCTION ar_numbers(text) COST 30;
ALTER FUNCTION ar_dates(text, date) COST 30;
ALTER FUNCTION ar_pledges(text) COST 30;
ALTER FUNCTION ar_pledge_keys(text) COST 30;
-- actors are short phrases, not articles
ALTER FUNCTION ar_actor_entity(text) COST 5;

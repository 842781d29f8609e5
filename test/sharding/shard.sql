-- shard.sql — the schema of every shard server (test/sharding/run.sh).
-- A shard is an ordinary database with the extension: it stores its part of
-- news, indexes it, and evaluates the conditions the coordinator ships.
CREATE EXTENSION arabic_news;
CREATE TABLE news (id bigint PRIMARY KEY, source text NOT NULL, body text NOT NULL);
-- One GIN index holds all three kinds of condition (see README "Full text,
-- entities and pledges in one WHERE").
CREATE INDEX news_analysis ON news USING gin
	(to_tsvector('arabic_news', body), ar_entity_keys(body), ar_pledge_keys(body));
-- Pledges extracted next to the data: the coordinator reads this view as a
-- foreign table, so only pledge rows cross the network, not article bodies.
CREATE VIEW news_pledges AS
	SELECT n.id, p.kind, p.value, p.unit, p.actor, p.cue
	FROM news n, ar_pledges(n.body) p;

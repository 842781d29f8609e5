-- coordinator.sql — the coordinator of test/sharding/run.sh: news is hash
-- partitioned on id, and each partition is a postgres_fdw foreign table on
-- a shard.  psql variables: shard1_port, shard2_port, shard_user.
CREATE EXTENSION arabic_news;	-- the same version as on the shards
CREATE EXTENSION postgres_fdw;

-- extensions 'arabic_news': the extension's IMMUTABLE functions, operators
-- and text search configuration may be shipped to these servers.
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'shard1_port', dbname 'news', extensions 'arabic_news');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'shard2_port', dbname 'news', extensions 'arabic_news');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user :'shard_user');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user :'shard_user');

CREATE TABLE news (id bigint NOT NULL, source text NOT NULL, body text NOT NULL)
	PARTITION BY HASH (id);
CREATE FOREIGN TABLE news_0 PARTITION OF news FOR VALUES WITH (MODULUS 2, REMAINDER 0)
	SERVER shard1 OPTIONS (table_name 'news');
CREATE FOREIGN TABLE news_1 PARTITION OF news FOR VALUES WITH (MODULUS 2, REMAINDER 1)
	SERVER shard2 OPTIONS (table_name 'news');

-- The shards' pledge view, partitioned the same way.
CREATE TABLE news_pledges (id bigint NOT NULL, kind text, value numeric, unit text, actor text, cue text)
	PARTITION BY HASH (id);
CREATE FOREIGN TABLE news_pledges_0 PARTITION OF news_pledges FOR VALUES WITH (MODULUS 2, REMAINDER 0)
	SERVER shard1 OPTIONS (table_name 'news_pledges');
CREATE FOREIGN TABLE news_pledges_1 PARTITION OF news_pledges FOR VALUES WITH (MODULUS 2, REMAINDER 1)
	SERVER shard2 OPTIONS (table_name 'news_pledges');

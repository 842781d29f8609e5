-- arabic_news needs a UTF8 database: anything else is refused up front.
SELECT current_database() AS regression_db \gset
CREATE DATABASE arabic_news_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c arabic_news_latin1
CREATE EXTENSION arabic_news;
-- The C functions check too, in case someone wires them up by hand.
CREATE FUNCTION latin1_normalize(text) RETURNS text
	AS '$libdir/arabic_news', 'ar_normalize' LANGUAGE C STRICT;
SELECT latin1_normalize('abc');
CREATE FUNCTION latin1_tokens(text, OUT token text, OUT kind text, OUT normalized text, OUT start_pos int, OUT end_pos int)
	RETURNS SETOF record AS '$libdir/arabic_news', 'ar_tokens' LANGUAGE C STRICT;
SELECT * FROM latin1_tokens('abc');
\c :regression_db
DROP DATABASE arabic_news_latin1;

-- A UTF8 database is fine.
SELECT getdatabaseencoding();
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SELECT ar_normalize('أهلاً') AS works;

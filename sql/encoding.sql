-- arabic_news needs a UTF8 database: anything else is refused up front.
SELECT current_database() AS regression_db \gset
CREATE DATABASE arabic_news_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c arabic_news_latin1
CREATE EXTENSION arabic_news;
\c :regression_db
DROP DATABASE arabic_news_latin1;

-- A UTF8 database is fine.
SELECT getdatabaseencoding();
CREATE EXTENSION arabic_news;
SELECT ar_normalize('أهلاً') AS works;

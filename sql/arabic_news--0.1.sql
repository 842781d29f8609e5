/* arabic_news--0.1.sql — install script for arabic_news 0.1 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION arabic_news" to load this file. \quit

-- Every function reads text as UTF-8: refuse other databases up front.
DO $$
BEGIN
	IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
		RAISE EXCEPTION USING
			ERRCODE = 'feature_not_supported',
			MESSAGE = 'arabic_news requires a UTF8 database',
			DETAIL = format('The current database encoding is "%s".', pg_catalog.getdatabaseencoding()),
			HINT = 'Create the database with ENCODING ''UTF8''.';
	END IF;
END
$$;

-- ==== normalization and tokens ====

-- Search-form normalization.  Each fold can be switched off by name; the
-- argument order is the core's ArNormFlag bit order.  IMMUTABLE: the fold
-- table is compiled in, and NFKC of presentation forms is fixed by
-- Unicode's normalization stability policy.
CREATE FUNCTION ar_normalize(
	input text,
	strip_diacritics boolean DEFAULT true,
	strip_tatweel boolean DEFAULT true,
	fold_alef boolean DEFAULT true,
	fold_alef_maksura boolean DEFAULT true,
	fold_teh_marbuta boolean DEFAULT true,
	fold_hamza boolean DEFAULT true,
	fold_persian boolean DEFAULT true,
	fold_digits boolean DEFAULT true,
	fold_presentation_forms boolean DEFAULT true,
	strip_invisible boolean DEFAULT true,
	fold_spaces boolean DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'ar_normalize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION ar_normalize(text, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
'search-form normalization of Arabic text; each fold can be switched off by name';

-- The shared tokenizer, one row per token, with 1-based character offsets:
-- substr(input, start_pos, end_pos - start_pos) = token.
CREATE FUNCTION ar_tokens(
	input text,
	with_spaces boolean DEFAULT false,
	OUT token text,
	OUT kind text,
	OUT normalized text,
	OUT start_pos integer,
	OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION ar_tokens(text, boolean) IS
'the arabic_news tokenizer: token, kind, normalized form and character offsets';

-- ==== entities ====
-- People, organizations, places and nationality adjectives, from the
-- gazetteer compiled into the library (data/ → src/core/entities_table.h).
-- Built-in data only, so both functions are IMMUTABLE and index-safe.
CREATE FUNCTION ar_entities(
	input text,
	OUT kind text,
	OUT surface text,
	OUT canonical text,
	OUT start_pos integer,
	OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_entities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION ar_entities(text) IS
'named entities (PER, ORG, LOC, NAT) with canonical names and 1-based character offsets';

CREATE FUNCTION ar_entity_keys(input text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'ar_entity_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION ar_entity_keys(text) IS
'distinct sorted KIND:canonical keys of ar_entities(input), for GIN indexes and @> queries';

-- User gazetteer: names the built-in tables do not know.  Editable data, so
-- everything that reads it is STABLE and must not be used in an index
-- expression; store its result in a column instead (see README).
CREATE TABLE user_entities (
	kind text NOT NULL CHECK (kind IN ('PER', 'ORG', 'LOC')),
	name text NOT NULL,
	canonical text NOT NULL,
	PRIMARY KEY (kind, name)
);
SELECT pg_catalog.pg_extension_config_dump('user_entities', '');

COMMENT ON TABLE user_entities IS
'user-defined entity names for ar_entities_user / ar_entity_keys_user; name is matched after ar_normalize on word boundaries';

-- Built-in entities plus every user_entities name found in the text (on
-- word boundaries, after normalization; a user name overrides a built-in
-- entity it overlaps).
CREATE FUNCTION ar_entities_user(
	input text,
	OUT kind text,
	OUT surface text,
	OUT canonical text,
	OUT start_pos integer,
	OUT end_pos integer)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	WITH words AS (
		SELECT array_agg(t.normalized ORDER BY t.start_pos) AS w,
			   array_agg(t.start_pos ORDER BY t.start_pos) AS s,
			   array_agg(t.end_pos ORDER BY t.start_pos) AS e
		FROM @extschema@.ar_tokens(input) AS t
		WHERE t.kind IN ('arabic', 'latin')
	), names AS (
		SELECT u.kind, u.canonical,
			   regexp_split_to_array(@extschema@.ar_normalize(u.name), '\s+') AS nw
		FROM @extschema@.user_entities AS u
	), user_hits AS (
		SELECT n.kind, substr(input, w.s[i], w.e[i + cardinality(n.nw) - 1] - w.s[i]) AS surface,
			   n.canonical, w.s[i] AS start_pos, w.e[i + cardinality(n.nw) - 1] AS end_pos
		FROM words AS w
		CROSS JOIN generate_subscripts(w.w, 1) AS i
		JOIN names AS n ON n.nw[1] = w.w[i]
		WHERE w.w[i:i + cardinality(n.nw) - 1] = n.nw
	)
	SELECT h.kind, h.surface, h.canonical, h.start_pos, h.end_pos FROM user_hits AS h
	UNION ALL
	SELECT e.kind, e.surface, e.canonical, e.start_pos, e.end_pos
	FROM @extschema@.ar_entities(input) AS e
	WHERE NOT EXISTS (SELECT 1 FROM user_hits AS h
					  WHERE h.start_pos < e.end_pos AND e.start_pos < h.end_pos)
	ORDER BY 4, 5
$$;

COMMENT ON FUNCTION ar_entities_user(text) IS
'ar_entities plus the names in arabic_news.user_entities; STABLE (reads a table): store its result, do not index it';

CREATE FUNCTION ar_entity_keys_user(input text)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	SELECT coalesce(array_agg(k ORDER BY k COLLATE "C"), '{}')
	FROM (SELECT DISTINCT e.kind || ':' || e.canonical AS k
		  FROM @extschema@.ar_entities_user(input) AS e) AS s
$$;

COMMENT ON FUNCTION ar_entity_keys_user(text) IS
'ar_entity_keys including arabic_news.user_entities; STABLE: keep it in a column filled by a trigger and index that column';

-- ==== numbers, dates and pledges ====

-- Every numeric expression, in digits (any script) or words: kind is one of
-- money, percent, count, ordinal, year, time, duration, number; unit is an
-- ISO 4217 code for money, 'percent' or 'percentage point' for percentages,
-- a time unit for durations.  value is NULL for numbers of more than 1000
-- digits.  IMMUTABLE: the grammar and its word lists are compiled in.
CREATE FUNCTION ar_numbers(
	input text,
	OUT kind text,
	OUT value numeric,
	OUT unit text,
	OUT surface text,
	OUT start_pos integer,
	OUT end_pos integer,
	OUT approx boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_numbers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION ar_numbers(text) IS
'numbers, money, percentages, counts, ordinals, years, times and durations in Arabic text, with character offsets';

-- Calendar dates: value (a Gregorian date; Hijri dates converted with ICU's
-- Umm al-Qura calendar), the surface as written, its character offsets, and
-- the precision of the value: day, week (value = the Monday), month (value =
-- the first of the month, or the day named by منتصف/نهاية) or year (value =
-- 1 January).  reference resolves dates without a year and relative words
-- (اليوم، أمس، الأسبوع المقبل، قبل ثلاثة أيام); with NULL they are skipped.
-- Not STRICT (the reference may be NULL); a NULL input gives no rows.
-- IMMUTABLE: the reference is an argument, the calendars are compiled in.
CREATE FUNCTION ar_dates(
	input text,
	reference date DEFAULT NULL,
	OUT value date,
	OUT surface text,
	OUT start_pos integer,
	OUT end_pos integer,
	OUT "precision" text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_dates'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 5;

COMMENT ON FUNCTION ar_dates(text, date) IS
'calendar dates in Arabic text (Gregorian, Levantine, Maghrebi and Hijri months, numeric, relative to a reference date)';

-- The money and percentage mentions that are commitments (pledged,
-- promised, allocated, granted, agreed targets) — not prices, statistics,
-- past totals or negated commitments.  actor is the committing party as
-- written (NULL when the sentence does not name one), cue the trigger word
-- as written, purpose the ل- phrase after the amount when there is one.
CREATE FUNCTION ar_pledges(
	input text,
	OUT kind text,
	OUT value numeric,
	OUT unit text,
	OUT surface text,
	OUT start_pos integer,
	OUT end_pos integer,
	OUT actor text,
	OUT cue text,
	OUT purpose text,
	OUT approx boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_pledges'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION ar_pledges(text) IS
'money and percentage commitments in Arabic text, with actor, cue and purpose';

-- ==== full-text search ====

-- Parser over the shared tokenizer.  Token ids 1–23 mean what they mean in
-- the default parser (so prsd_headline, ts_debug and "MAPPING FOR word"
-- work as usual); 24 clitic, 25 percent and 26 url (a whole URL) are its own.
CREATE FUNCTION ar_parser_start(internal, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_parser_start'
LANGUAGE C STRICT;

CREATE FUNCTION ar_parser_gettoken(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_parser_gettoken'
LANGUAGE C STRICT;

CREATE FUNCTION ar_parser_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'ar_parser_end'
LANGUAGE C STRICT;

CREATE FUNCTION ar_parser_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_parser_lextype'
LANGUAGE C STRICT;

CREATE TEXT SEARCH PARSER arabic_news (
	START = ar_parser_start,
	GETTOKEN = ar_parser_gettoken,
	END = ar_parser_end,
	LEXTYPES = ar_parser_lextype,
	HEADLINE = pg_catalog.prsd_headline
);

COMMENT ON TEXT SEARCH PARSER arabic_news IS
'Arabic news parser over the arabic_news tokenizer (default parser token ids)';

-- Dictionary template: ar_normalize folds, curated stopwords, light stemmer.
CREATE FUNCTION ar_dict_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_dict_init'
LANGUAGE C STRICT;

CREATE FUNCTION ar_dict_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_dict_lexize'
LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE arabic_news_stem (
	INIT = ar_dict_init,
	LEXIZE = ar_dict_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE arabic_news_stem IS
'Arabic light stemmer: ar_normalize folds, stopwords, consistent clitic and suffix stripping';

CREATE TEXT SEARCH DICTIONARY arabic_news_stem (
	TEMPLATE = arabic_news_stem,
	StopWords = arabic_news
);

COMMENT ON TEXT SEARCH DICTIONARY arabic_news_stem IS
'Arabic light stemmer with the arabic_news stopword list';

CREATE TEXT SEARCH CONFIGURATION arabic_news (PARSER = arabic_news);

ALTER TEXT SEARCH CONFIGURATION arabic_news
	ADD MAPPING FOR word, uint, float, percent WITH arabic_news_stem;
ALTER TEXT SEARCH CONFIGURATION arabic_news
	ADD MAPPING FOR asciiword, numword WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION arabic_news
	ADD MAPPING FOR email, url WITH pg_catalog.simple;

COMMENT ON TEXT SEARCH CONFIGURATION arabic_news IS
'Arabic news search: arabic_news parser, arabic_news_stem for Arabic words and numbers, english_stem for Latin words';

-- ==== search meets analysis: pledge keys, actor entities ====

CREATE FUNCTION ar_pledge_keys(input text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'ar_pledge_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION ar_pledge_keys(text) IS
'Pledges of a text as GIN keys: kind:, unit:, <CUR>>=1eN decades, percent>=N, actor:KIND:canonical, actor_text:, cue:';

CREATE FUNCTION ar_actor_entity(actor text, OUT kind text, OUT canonical text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_actor_entity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;

COMMENT ON FUNCTION ar_actor_entity(text) IS
'The entity a pledge actor names: first PER/ORG/LOC, else first NAT (as its country); no row when none';

-- One row per pledge of one article, with plain SQL-typed columns for BI
-- views: the actor's entity (ar_actor_entity) and the article's first
-- day-precision date (ar_dates against the publication day), NULL when the
-- article gives none.
CREATE FUNCTION ar_pledge_rows(body text, published date DEFAULT NULL)
RETURNS TABLE (pledge_no int, article_date date, actor text, actor_kind text,
	actor_canonical text, kind text, value numeric, unit text, cue text,
	purpose text, surface text, approx boolean, start_pos int, end_pos int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	WITH d AS MATERIALIZED (	-- once per article, and only when it has a pledge
		SELECT d.value FROM @extschema@.ar_dates(body, published) d
		WHERE d.precision = 'day' ORDER BY d.start_pos LIMIT 1)
	SELECT p.pledge_no::int, (SELECT d.value FROM d),
		p.actor, a.kind, a.canonical, p.kind, p.value, p.unit, p.cue,
		p.purpose, p.surface, p.approx, p.start_pos, p.end_pos
	FROM @extschema@.ar_pledges(body) WITH ORDINALITY
		AS p(kind, value, unit, surface, start_pos, end_pos, actor, cue, purpose, approx, pledge_no)
	LEFT JOIN LATERAL @extschema@.ar_actor_entity(p.actor) a ON true
	ORDER BY p.pledge_no
$$;

COMMENT ON FUNCTION ar_pledge_rows(text, date) IS
'One row per pledge with the actor entity and the article''s first day-precision date; for BI views and trigger-maintained tables';

-- Numbers meet in the index: the parser hands whole number expressions
-- (token types money, percentage, numexpr) to arabic_news_number, which
-- reads them with the ar_numbers grammar and gives canonical lexemes.
CREATE FUNCTION ar_numdict_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'ar_numdict_lexize'
LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE arabic_news_number (
	INIT = ar_dict_init,
	LEXIZE = ar_numdict_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE arabic_news_number IS
'Number expressions: canonical value lexemes (2000000000, EUR:2000000000, 5%) or the stems of their words';

CREATE TEXT SEARCH DICTIONARY arabic_news_number (
	TEMPLATE = arabic_news_number,
	StopWords = arabic_news
);

COMMENT ON TEXT SEARCH DICTIONARY arabic_news_number IS
'Canonical lexemes of number expressions (money, percentage, numexpr tokens of the arabic_news parser)';

ALTER TEXT SEARCH CONFIGURATION arabic_news
	ADD MAPPING FOR money, percentage, numexpr WITH arabic_news_number;

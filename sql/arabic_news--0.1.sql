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

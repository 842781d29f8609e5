-- ar_tokens: the one tokenizer behind search, entities and numbers.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- Words, numbers and punctuation of a news sentence, with character offsets.
SELECT * FROM ar_tokens('تعهدت ألمانيا، بـ5% من الناتج.');

-- A conjunction or preposition glued to digits is its own token.
SELECT token, kind, normalized FROM ar_tokens('و5 دول ب3.5% الـ76');

-- Numbers in every digit script, with decimals and thousands separators.
SELECT token, kind, normalized FROM ar_tokens('٣٫٥٪ ۱۲۳ 1,000,000 ٢٬٥٠٠ 2,3');

-- Dates and times split into their parts; the number grammar reads them.
SELECT string_agg(token || '/' || kind, ' ' ORDER BY start_pos) FROM ar_tokens('15.10.2025 15/10/2025 10:30 2024-2026');

-- Diacritics, tatweel and zero-width joiners stay inside words.
SELECT token, kind, normalized FROM ar_tokens(E'مُسْتَقْبَل الأمـــن ال\u200Cناتو');

-- Latin words, URLs, e-mail addresses and currency signs.
SELECT token, kind FROM ar_tokens('NATO G7 F-35 €2bn https://www.nato.int/news. press@nato.int');

-- Presentation forms are Arabic words, normalized through NFKC.
SELECT token, kind, normalized FROM ar_tokens('ﻻ ﷲ');

-- White space on request.
SELECT token, kind FROM ar_tokens(E'حلف\u00A0الناتو', with_spaces => true);

-- The offset contract: substr(input, start_pos, end_pos - start_pos) = token.
WITH t(s) AS (VALUES ('قال الأمين العام مارك روته في 24 يونيو/حزيران 2025: «سنرفع الإنفاق إلى 5٪»، وأضاف…'))
SELECT bool_and(substr(s, start_pos, end_pos - start_pos) = token) AS offsets_hold,
       count(*) AS tokens
FROM t, ar_tokens(s, with_spaces => true);

-- Empty and NULL input give no rows.
SELECT count(*) FROM ar_tokens('');
SELECT count(*) FROM ar_tokens(NULL);

-- Labels.
SELECT provolatile, proisstrict, proparallel FROM pg_proc WHERE proname = 'ar_tokens';

-- Long runs stay linear and correct.
SELECT count(*) FROM ar_tokens(repeat('a.', 50000));
SELECT count(*), max(end_pos) FROM ar_tokens(repeat('١', 1000000));

-- Full-text search: the arabic_news parser, the arabic_news_stem dictionary
-- and the arabic_news configuration.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- The parser's token types: default-parser ids where the meaning matches.
SELECT * FROM ts_token_type('arabic_news');

-- A news sentence, token by token.
SELECT alias, token, dictionaries, lexemes
FROM ts_debug('arabic_news', 'أكّد الأمين العام لحلف الناتو أن الدول الأعضاء وافقت على رفع الإنفاق الدفاعي إلى 5% من الناتج المحلي.')
WHERE alias <> 'blank';

-- Clitics glued to numbers, numbers in every digit script, percentages,
-- Latin words, URLs and e-mail addresses.
SELECT alias, token, lexemes
FROM ts_debug('arabic_news', 'و5 دول ب3.5% و٣٫٥٪ ٢٬٥٠٠ ۱۲ NATO Summits G7 https://www.nato.int press@nato.int')
WHERE alias <> 'blank';

-- 3.5% and ٣٫٥٪ give the same lexemes.
SELECT to_tsvector('arabic_news', '3.5%') = to_tsvector('arabic_news', '٣٫٥٪') AS same_percent;

-- Every clitic form of a word gives one lexeme.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['حلف', 'الحلف', 'والحلف', 'للحلف', 'بالحلف', 'فالحلف', 'كالحلف', 'وللحلف', 'وبالحلف']) AS word;

-- Stemming rules: article, conjunction, pronouns, plurals, ة before suffixes.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['الكتاب', 'للتحالف', 'زوجها', 'بلادهم', 'مشروبات', 'اللاعبون', 'اللاعبين',
	'قالوا', 'كبيرة', 'حكومة', 'حكومتها', 'الحكومات', 'حكومتان', 'الدولتين', 'توجيه', 'توجيهات']) AS word;

-- Guards: names and short words are not chopped, nisba ي is kept.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['فرنسا', 'برلين', 'ماكرون', 'مارك', 'الأمين', 'لبنان', 'فلسطين', 'البرلمان',
	'رمضان', 'قانون', 'مليون', 'متهم', 'محاكم', 'الله', 'ولد', 'بيتها',
	'السعودية', 'سعود', 'المحلي', 'محل']) AS word;

-- A bare ب ل ك ف comes off before a listed name, a known short news word,
-- or a stem of five letters or more.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['بفرنسا', 'لبرلين', 'للبنان', 'لماكرون', 'لحلف', 'بقوة', 'بقلم', 'بمناسبة']) AS word;

-- لل before a word whose first ل is its own (counted in the news corpus) is
-- ل + the article: للجنة and للاعبين stem like اللجنة and اللاعبين.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['للجنة', 'اللجنة', 'لجنة', 'للاعبين', 'اللاعبين', 'للحلف']) AS word;

-- A nationality adjective takes its country's stem; other nisba words keep
-- their ي (السعودية, المحلي above).
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['مصر', 'المصريين', 'مصرية', 'فرنسا', 'الفرنسية', 'بالفرنسية', 'الصين',
	'الصينيون', 'أمريكا', 'الأمريكية', 'كندا', 'الكندي']) AS word;

-- The accusative alif of an indefinite noun comes off (عاما = عام), also
-- after a noun's own ن (مليونا, بيانا = البيان); ايانا is a plural with "our".
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['عاما', 'مليونا', 'بيانا', 'البيان', 'مكانا', 'قضايانا', 'روسيا', 'معا']) AS word;

-- Diacritics, alef forms, ى and ة are folded before stemming.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['الإنْفَاقُ', 'الانفاق', 'إلى', 'مستشفى', 'المدرسـة']) AS word;

-- Words of other scripts are lower-cased, not stemmed.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['NATO', 'Москва', 'ÉTÉ']) AS word;

-- Stopwords give an empty lexeme, with their clitic forms and pronoun forms.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['في', 'وفي', 'بأن', 'ولم', 'الذي', 'التى', 'بعدها', 'كلهم']) AS word;

-- A word that only looks like a stopword once the article or a plural ending
-- came off is a noun (الأحد ≠ أحد, الإمام ≠ أمام); the
-- listed article forms of quasi-function nouns stay stopwords, with a
-- particle in front too.
SELECT word, ts_lexize('arabic_news_stem', word) AS lexeme
FROM unnest(ARRAY['أحد', 'الأحد', 'أمام', 'الإمام', 'ولاية', 'الولايات', 'ولايات',
	'الرغم', 'بالرغم', 'الأول', 'والأول', 'للبعض']) AS word;

-- Stopwords keep their position: phrase search across them works.
SELECT to_tsvector('arabic_news', 'رفع الإنفاق إلى 5%') AS tsv;
SELECT to_tsvector('arabic_news', 'رفع الإنفاق إلى 5%') @@ phraseto_tsquery('arabic_news', 'الانفاق الى ٥٪') AS phrase_match;

-- Query forms.
SELECT plainto_tsquery('arabic_news', 'الإنفاق الدفاعي لدول الحلف');
SELECT phraseto_tsquery('arabic_news', 'حلف شمال الأطلسي');
SELECT websearch_to_tsquery('arabic_news', 'الإنفاق الدفاعي "حلف الناتو" -روسيا');
SELECT to_tsvector('arabic_news', 'المفاوضات والمفاوضين') @@ to_tsquery('arabic_news', 'مفاوض:*') AS prefix_match;
SELECT to_tsvector('arabic_news', 'وتعهدت ألمانيا بزيادة الإنفاق الدفاعي')
	@@ websearch_to_tsquery('arabic_news', 'انفاق دفاعي') AS match_without_article;

-- Headlines show the original text (diacritics and all) and mark words
-- matched through normalization and stemming.
SELECT ts_headline('arabic_news',
	'أكّدَ الأمينُ العامُّ لحلف شمال الأطلسي أنّ الدول الأعضاء ستزيد إنفاقها الدفاعي إلى 5% من الناتج المحلي بحلول عام 2035.',
	websearch_to_tsquery('arabic_news', 'الانفاق الدفاعي'));
SELECT ts_headline('arabic_news',
	'قالت الحكومة الألمانية إن برلين ستقدم ملياري يورو إضافية لأوكرانيا هذا العام، فيما أعلنت فرنسا عن حزمة جديدة. وأكد الوزير أن الحكومات الأوروبية متفقة.',
	to_tsquery('arabic_news', 'حكومة'), 'MaxWords=8, MinWords=4, MaxFragments=2');

-- URLs and e-mail addresses stay in headlines, whole.
SELECT ts_headline('arabic_news', 'نشر الحلف البيان على موقعه https://www.nato.int/news أمس', to_tsquery('arabic_news', 'البيان'));

-- Over-long words are normalized but not stemmed.
SELECT length((ts_lexize('arabic_news_stem', repeat('ب', 600) || 'ها'))[1]) AS chars;

-- A normalize-only dictionary from the same template.
CREATE TEXT SEARCH DICTIONARY arabic_news_nostem (
	TEMPLATE = arabic_news_stem, StopWords = arabic_news, Stemming = false);
SELECT ts_lexize('arabic_news_nostem', 'والحكومات'), ts_lexize('arabic_news_nostem', 'وفي');
CREATE TEXT SEARCH DICTIONARY arabic_news_nostop (TEMPLATE = arabic_news_stem, StopWords = '');
SELECT ts_lexize('arabic_news_nostop', 'وفي');
DROP TEXT SEARCH DICTIONARY arabic_news_nostem;
DROP TEXT SEARCH DICTIONARY arabic_news_nostop;

-- Rarity marks (option RareMarks): a stem that is not common in news
-- (data/search_common.tsv) gets a second lexeme at its position, "#" and three
-- hex digits, so a rare query word counts twice in ts_rank; common stems and
-- numbers get none.  Since 0.3 the shipped arabic_news_stem has RareMarks =
-- false (the bm25 index has a real IDF and ignores '#' lexemes): no marks.
SELECT ts_lexize('arabic_news_stem', 'الطحالب') AS shipped,
	to_tsvector('arabic_news', 'تعيش الطحالب في البحر') AS shipped_tsvector;
-- ts_rank users turn them on in a configuration of their own.
CREATE TEXT SEARCH DICTIONARY arabic_news_marks (
	TEMPLATE = arabic_news_stem, StopWords = arabic_news, RareMarks = true);
CREATE TEXT SEARCH CONFIGURATION arabic_news_marks (COPY = arabic_news);
ALTER TEXT SEARCH CONFIGURATION arabic_news_marks
	ALTER MAPPING REPLACE arabic_news_stem WITH arabic_news_marks;
SELECT ts_lexize('arabic_news_marks', 'الطحالب') AS rare,
	ts_lexize('arabic_news_marks', 'الحكومات') AS common,
	ts_lexize('arabic_news_marks', '2024') AS number;
SELECT to_tsvector('arabic_news_marks', 'تعيش الطحالب في البحر');
-- In a query the word is (stem & mark) | stem: ranked with both, matched by the stem,
-- so a prefix that looks rare (حكو) still finds a common word (حكومة, no mark).
SELECT plainto_tsquery('arabic_news_marks', 'الطحالب في البحر');
SELECT to_tsquery('arabic_news_marks', 'الحكو:*') AS q,
	to_tsvector('arabic_news_marks', 'الحكومة الجديدة') @@ to_tsquery('arabic_news_marks', 'الحكو:*') AS prefix_match,
	to_tsvector('arabic_news_marks', 'تعيش الطحالب في البحر') @@ phraseto_tsquery('arabic_news_marks', 'الطحالب في البحر') AS phrase_match;
-- Two passages with two query words each: with marks the one with the rare
-- word ranks first; without (the shipped configuration) they tie.
SELECT cfg, left(body, 20) AS passage, round(ts_rank(to_tsvector(cfg, body), q)::numeric, 4) AS rank
FROM (VALUES ('الطحالب تعيش في المياه'), ('تعيش في البحر مياه كثيرة')) AS p(body),
	unnest(ARRAY['arabic_news_marks', 'arabic_news']::regconfig[]) AS cfg,
	CAST(replace(plainto_tsquery(cfg, 'الطحالب في مياه البحر')::text, '&', '|') AS tsquery) AS q
ORDER BY cfg::text DESC, rank DESC, passage;
DROP TEXT SEARCH CONFIGURATION arabic_news_marks;
DROP TEXT SEARCH DICTIONARY arabic_news_marks;

-- Empty and NULL input.
SELECT to_tsvector('arabic_news', ''), to_tsvector('arabic_news', NULL::text);
SELECT ts_lexize('arabic_news_stem', '');

-- Bad dictionary options, each with its error.
CREATE TEXT SEARCH DICTIONARY bad1 (TEMPLATE = arabic_news_stem);
CREATE TEXT SEARCH DICTIONARY bad2 (TEMPLATE = arabic_news_stem, StopWords = arabic_news, StopWords = arabic_news);
CREATE TEXT SEARCH DICTIONARY bad3 (TEMPLATE = arabic_news_stem, StopWords = arabic_news, Language = arabic);
CREATE TEXT SEARCH DICTIONARY bad4 (TEMPLATE = arabic_news_stem, StopWords = arabic_news, Stemming = true, Stemming = false);
CREATE TEXT SEARCH DICTIONARY bad5 (TEMPLATE = arabic_news_stem, StopWords = arabic_news, Stemming = maybe);
CREATE TEXT SEARCH DICTIONARY bad5b (TEMPLATE = arabic_news_stem, StopWords = arabic_news, Stemming);
CREATE TEXT SEARCH DICTIONARY bad5c (TEMPLATE = arabic_news_stem, StopWords = arabic_news, RareMarks = off, RareMarks = on);
CREATE TEXT SEARCH DICTIONARY bad5d (TEMPLATE = arabic_news_stem, StopWords = arabic_news, RareMarks = sometimes);
CREATE TEXT SEARCH DICTIONARY bad6 (TEMPLATE = arabic_news_stem, StopWords = no_such_list);

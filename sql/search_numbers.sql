SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- Number expressions are one token each, with canonical lexemes (variant 1)
-- and the stems of their words (variant 2).
SELECT alias, token, lexemes
FROM ts_debug('arabic_news', 'تعهدت ألمانيا بتقديم ملياري يورو و€2bn و2000000000 يورو، ورفع الإنفاق إلى خمسة في المائة و5% و٥٪ مع ثلاثة وزراء و3.5 مليار')
WHERE alias <> 'blank';

-- The same amount written four ways meets in the index.
SELECT d, q, to_tsvector('arabic_news', d) @@ plainto_tsquery('arabic_news', q) AS hit
FROM (VALUES ('تعهدت ألمانيا بتقديم ملياري يورو'), ('قدمت €2bn'), ('رصدت 2 مليار يورو')) v(d),
     (VALUES ('ملياري يورو'), ('2 مليار يورو'), ('€2bn'), ('2000000000 يورو'), ('يورو'), ('3 مليارات يورو'), ('ملياري دولار')) w(q)
ORDER BY d, q;

-- Another amount with a "2" elsewhere in the text is not a match.
SELECT to_tsvector('arabic_news', 'خصص الاتحاد 150 مليار يورو للدفاع خلال 2 سنوات') @@ plainto_tsquery('arabic_news', '2 مليار يورو') AS other_amount;

-- Percentages and numbers in words.
SELECT q, to_tsvector('arabic_news', 'رفع الإنفاق إلى 5% من الناتج') @@ plainto_tsquery('arabic_news', q) AS hit
FROM (VALUES ('خمسة في المائة'), ('خمسة بالمئة'), ('٥٪'), ('5'), ('6%')) w(q);
SELECT to_tsvector('arabic_news', 'وصل ثلاثة وزراء') @@ plainto_tsquery('arabic_news', '3 وزراء') AS words_digits,
       to_tsvector('arabic_news', 'وصل 3 وزراء') @@ phraseto_tsquery('arabic_news', 'ثلاثة وزراء') AS digits_words;

-- The queries themselves: variants ORed, their lexemes ANDed.
SELECT plainto_tsquery('arabic_news', 'ملياري يورو لأوكرانيا');
SELECT phraseto_tsquery('arabic_news', 'ملياري يورو لأوكرانيا');
SELECT websearch_to_tsquery('arabic_news', '"خمسة في المائة" -دولار');

-- Positions: an expression takes one position, phrases across it work.
SELECT to_tsvector('arabic_news', 'تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا');
SELECT to_tsvector('arabic_news', 'بتقديم 2 مليار يورو لأوكرانيا') @@ phraseto_tsquery('arabic_news', 'ملياري يورو لأوكرانيا') AS phrase;

-- ts_headline marks the whole expression.
SELECT ts_headline('arabic_news', 'تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا، وقال الوزير إن المبلغ كبير',
                   plainto_tsquery('arabic_news', '2 مليار يورو'));
SELECT ts_headline('arabic_news', 'رفع الإنفاق الدفاعي إلى خمسة في المائة من الناتج', to_tsquery('arabic_news', '5%'));

-- Users can map the new token types like any other.
CREATE TEXT SEARCH CONFIGURATION an_nonum (COPY = arabic_news);
ALTER TEXT SEARCH CONFIGURATION an_nonum DROP MAPPING FOR money, percentage, numexpr;
SELECT to_tsvector('an_nonum', 'تعهدت ألمانيا بتقديم ملياري يورو و5%');
ALTER TEXT SEARCH CONFIGURATION an_nonum ADD MAPPING FOR money, percentage, numexpr WITH arabic_news_stem;
SELECT to_tsvector('an_nonum', 'تعهدت ألمانيا بتقديم ملياري يورو');
DROP TEXT SEARCH CONFIGURATION an_nonum;

-- The dictionary alone; an expression it cannot read gives the word stems only.
SELECT ts_lexize('arabic_news_number', 'ملياري يورو');
SELECT ts_lexize('arabic_news_number', 'في المائة');
SELECT ts_lexize('arabic_news_number', '');

\echo '== 4. Full-text search: one lexeme for every clitic form, names kept whole'
SELECT word, ts_lexize('arabic_news_stem', word) AS arabic_news, ts_lexize('arabic_stem', word) AS built_in_arabic
FROM unnest(ARRAY['الحلف', 'والحلف', 'لحلف', 'بالحلف', 'فرنسا', 'برلين', 'ماكرون', 'السعودية', 'المحلي']) AS word;

\echo '== 5. A GIN index and a ranked search with headlines'
CREATE INDEX news_fts ON news USING gin (to_tsvector('arabic_news', body));
SELECT doc, round(ts_rank(to_tsvector('arabic_news', body), q, 1)::numeric, 4) AS rank,
	ts_headline('arabic_news', body, q, 'MaxWords=18, MinWords=8') AS headline
FROM news, to_tsquery('arabic_news', 'الدعم | المليارات | الدفاعية') q
WHERE to_tsvector('arabic_news', body) @@ q
ORDER BY rank DESC, doc LIMIT 5;

\echo '== 6. The same question typed without hamza and with a percentage in Arabic digits'
SELECT doc, ts_headline('arabic_news', body, q, 'MaxWords=16, MinWords=10') AS headline
FROM news, websearch_to_tsquery('arabic_news', 'الانفاق ٥٪') q
WHERE to_tsvector('arabic_news', body) @@ q
ORDER BY ts_rank(to_tsvector('arabic_news', body), q, 1) DESC, doc LIMIT 3;

\echo '== 7. Ranked search with a bm25 index: BM25 (IDF, length normalization), top k without scoring every match'
CREATE INDEX news_bm25 ON news USING bm25 (to_tsvector('arabic_news', body));
-- On a handful of rows the planner would rather sort them all; a news table uses the index by itself.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT doc FROM news
ORDER BY to_tsvector('arabic_news', body) <=> bm25query('news_bm25', plainto_tsquery('arabic_news', 'الإنفاق الدفاعي لحلف الناتو')) LIMIT 3;
SELECT doc, round(bm25_score(to_tsvector('arabic_news', body),
		bm25query('news_bm25', plainto_tsquery('arabic_news', 'الإنفاق الدفاعي لحلف الناتو')))::numeric, 3) AS bm25,
	ts_headline('arabic_news', body, plainto_tsquery('arabic_news', 'الإنفاق الدفاعي لحلف الناتو'),
		'MaxWords=16, MinWords=8') AS headline
FROM news
ORDER BY to_tsvector('arabic_news', body) <=> bm25query('news_bm25', plainto_tsquery('arabic_news', 'الإنفاق الدفاعي لحلف الناتو'))
LIMIT 3;
RESET enable_seqscan;

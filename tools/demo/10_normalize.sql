\echo '== 1. Normalization: spelling variants meet'
SELECT w AS written, ar_normalize(w) AS normalized
FROM (VALUES ('الأمين العامّ'), ('حلف النّاتو'), ('مسئول'), ('مسؤول'), ('ﻻﻫﺎﻱ'), ('٣٫٥٪'), ('رُوتّه')) v(w);

\echo '== 2. The shared tokenizer: a clitic glued to a number is split off'
SELECT token, kind, normalized, start_pos, end_pos
FROM ar_tokens('منها 3.5% للدفاع الأساسي و1.5% للبنية التحتية');

\echo '== 3. Tokens per document'
SELECT doc, count(*) AS tokens, count(*) FILTER (WHERE kind = 'number') AS numbers
FROM news, ar_tokens(body) GROUP BY doc ORDER BY doc;

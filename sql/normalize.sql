-- ar_normalize: search-form normalization of Arabic text.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- Each default fold, one line per rule.
SELECT ar_normalize('مُحَمَّدٌ') AS harakat_removed;
SELECT ar_normalize('الرَّحْمٰنِ') AS superscript_alef_removed;
SELECT ar_normalize('بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝') AS quranic_marks_removed;
SELECT ar_normalize('الأمـــن') AS tatweel_removed;
SELECT ar_normalize('أحمد إبراهيم آمال ٱلله') AS alef_forms;
SELECT ar_normalize('مستشفى على') AS alef_maksura;
SELECT ar_normalize('القمة الدفاعية') AS teh_marbuta;
SELECT ar_normalize('مسئول شئون رئيس') AS hamza_seats;
SELECT ar_normalize('کتاب ی ہ ە ھ ۃ') AS persian_letters;
SELECT ar_normalize('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹') AS digits;
SELECT ar_normalize('٣٫٥٪ من ١٬٠٠٠') AS numeric_punctuation;
SELECT ar_normalize('ﻻ ﷲ ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ') AS presentation_forms;
SELECT ar_normalize(E'ال\u200Cنا\u200Dتو\u200E \u200Fحلف\u061C \uFEFFشمال\u00AD') AS invisible_marks;
SELECT ar_normalize(E'حلف\u00A0\u2003شمال \u202F الأطلسي NATO') AS unicode_spaces;
SELECT ar_normalize('NATO summit, 2025 (The Hague): +3.5%!') AS latin_unchanged;
SELECT ar_normalize('تعهّدت ألمانيا بتقديم مليارَيْ يورو لأوكرانيا عام ٢٠٢٥.') AS news_sentence;

-- Every fold can be switched off by name.
SELECT ar_normalize('مُحَمَّد', strip_diacritics => false) AS keep_diacritics;
SELECT ar_normalize('الأمـــن', strip_tatweel => false) AS keep_tatweel;
SELECT ar_normalize('أحمد', fold_alef => false) AS keep_alef;
SELECT ar_normalize('على', fold_alef_maksura => false) AS keep_alef_maksura;
SELECT ar_normalize('القمة', fold_teh_marbuta => false) AS keep_teh_marbuta;
SELECT ar_normalize('ۃ', fold_teh_marbuta => false) AS urdu_teh_to_teh_marbuta;
SELECT ar_normalize('مسئول', fold_hamza => false) AS keep_hamza_seat;
SELECT ar_normalize('کتاب', fold_persian => false) AS keep_persian;
SELECT ar_normalize('٣٫٥٪', fold_digits => false) AS keep_digits;
SELECT ar_normalize('ﻻ', fold_presentation_forms => false) AS keep_presentation_form;
SELECT ar_normalize(E'a\u200Cb', strip_invisible => false) = E'a\u200Cb' AS keep_invisible;
SELECT ar_normalize(E'a\u00A0b', fold_spaces => false) = E'a\u00A0b' AS keep_spaces;
SELECT ar_normalize('أَحْمَدُ', strip_diacritics => false, fold_alef => false) AS two_folds_off;

-- Normalization is idempotent and gives spelling variants one form.
SELECT ar_normalize(ar_normalize('إِسْتِراتِيجِيّة الأمـن')) = ar_normalize('إِسْتِراتِيجِيّة الأمـن') AS idempotent;
SELECT ar_normalize('الناتو') = ar_normalize('النّاتو') AND ar_normalize('مسئولية') = ar_normalize('مسؤولية') AS variants_meet;

-- NULL in, NULL out; empty in, empty out.
SELECT ar_normalize(NULL) IS NULL AS null_input;
SELECT ar_normalize('') = '' AS empty_input;
SELECT ar_normalize('مُحَمَّد', strip_diacritics => NULL) IS NULL AS null_option;

-- Long inputs: a million diacritics vanish, a million tatweels too.
SELECT length(ar_normalize(repeat(E'\u064E', 1000000))) AS million_diacritics;
SELECT length(ar_normalize('ب' || repeat('ـ', 1000000) || 'ت')) AS million_tatweels;
SELECT length(ar_normalize(repeat('ﻻ', 100000))) AS many_presentation_forms;

-- Labels are honest: immutable, strict, parallel safe.
SELECT provolatile, proisstrict, proparallel FROM pg_proc WHERE proname = 'ar_normalize';

-- Bad input.
SELECT ar_normalize('x', no_such_fold => false);
SELECT ar_normalize('x', fold_alef => 'maybe');
SELECT ar_normalize(convert_from('\xd8'::bytea, 'UTF8'));

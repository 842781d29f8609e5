-- ar_numbers: every numeric expression, one line per grammar rule.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SET datestyle = ISO;

-- The contract columns on the issue's own sentence.
SELECT * FROM ar_numbers('تعهدت ألمانيا بتقديم ملياري يورو، ورفع الإنفاق إلى 5% منها 3.5% للدفاع');

-- One line per rule: the rule, the input, and what comes out.
SELECT r.rule, n.kind, n.value, n.unit, n.surface, n.approx
FROM (VALUES
  (1, 'digits, ASCII', 'وصل 30 وزيرا'),
  (2, 'digits, Arabic-Indic', '١٢٣٤٥٦٧'),
  (3, 'digits, Persian', '۱۲۳'),
  (4, 'decimal point . and ٫', '3.5 و٣٫٥'),
  (5, 'thousands , and ٬', '1,000,000 و١٬٠٠٠٬٠٠٠'),
  (6, 'thousands in space groups', '100 000 دولار'),
  (7, 'Arabic comma thousands', '١،٢٣٤،٥٦٧'),
  (8, 'decimal comma', '٤,٨'),
  (9, 'leading decimal point', '.77'),
  (10, 'minus sign', '-7.5'),
  (11, 'minus in words', 'سالب خمسة'),
  (12, 'units, both genders', 'ثلاثة وثلاث'),
  (13, 'teens', 'أحد عشر وإحدى عشرة واثنا عشر'),
  (14, 'tens', 'خمسة وعشرون'),
  (15, 'hundreds', 'مئتان وخمسون'),
  (16, 'hundreds as two words', 'ثلاث مئة'),
  (17, 'hundreds as one word', 'ثلاثمائة'),
  (18, 'thousand, singular', 'ألف'),
  (19, 'thousand, dual', 'ألفان'),
  (20, 'thousand, construct dual', 'ألفا دولار'),
  (21, 'thousand, plural after a count', 'ثلاثة آلاف'),
  (22, 'thousands after eleven and up (accusative)', 'خمسة عشر ألفًا'),
  (23, 'million, construct dual', 'مليوني شخص'),
  (24, 'billion, construct dual', 'ملياري يورو'),
  (25, 'billion, dual', 'ملياران'),
  (26, 'billion, plural', 'خمسة مليارات'),
  (27, 'billion as بليون', 'بليون'),
  (28, 'trillion', 'تريليونا دولار'),
  (29, 'full number', 'ثلاثمائة وخمسة وعشرون مليونا وأربعمائة ألف ومئة'),
  (30, 'groups separated by commas', 'مائة مليون، ومائة ألف، ومائة'),
  (31, 'clitics ب and و and ل', 'بمليار ولمليوني وبثلاثة آلاف'),
  (32, 'digits with a scale word', '3.5 مليار، ٢ مليون، 250 ألف'),
  (32.5, 'digits and scales in one amount', '3 مليارات و200 مليون دولار'),
  (33, 'digits with a Latin scale', '€2bn'),
  (34, 'digits with a hundred', '٣ مئة'),
  (35, 'fraction alone', 'نصف'),
  (36, 'fraction of a scale', 'نصف مليون'),
  (37, 'and a half after a scale', 'مليار ونصف'),
  (38, 'two thirds', 'ثلثي'),
  (39, 'plural fraction', 'ثلاثة أرباع'),
  (40, 'decimal in words', 'خمسة فاصلة خمسة'),
  (41, 'repeated scale words stay apart', 'مليون مليون'),
  (42, 'money, currency after', '5 مليارات دولار'),
  (43, 'money, sign before', '$5 مليارات'),
  (44, 'money, sign after', '3.42$'),
  (45, 'money, code before', 'USD 10'),
  (46, 'money, country adjective', '250 ألف جنيه إسترليني'),
  (47, 'money, feminine adjective', '10 ليرات تركية'),
  (48, 'money, ambiguous dinar', '10 دنانير'),
  (49, 'money, subunit', 'عشرون ألف ريال و اثنتا عشرة هللة'),
  (50, 'money, noun then one', 'ليرة واحدة'),
  (51, 'money, dual noun alone', 'دولارين'),
  (52, 'percent sign', '5%'),
  (53, 'Arabic percent sign', '٣٫٥٪'),
  (54, 'في المائة', '10 في المائة'),
  (55, 'بالمئة', '12 بالمئة'),
  (56, 'بنسبة without a sign', 'بنسبة 7'),
  (57, 'percentage points', '3 نقاط مئوية'),
  (58, 'range with بين', 'بين 2 و3%'),
  (59, 'range with a dash and a scale', '2-3 مليارات دولار'),
  (60, 'range من … إلى', 'من 10 إلى 20 دولارا'),
  (61, 'count', '30 دولة وثلاثة وزراء'),
  (62, 'ordinal, masculine and feminine', 'الأول والثالثة'),
  (63, 'ordinal, teens', 'الحادي عشر والثانية عشرة'),
  (64, 'ordinal, compound', 'الخامس والعشرون'),
  (65, 'ordinal, hundreds', 'المئتين والخامس عشر'),
  (66, 'ordinal, الـ with digits', 'الـ 76'),
  (67, 'month names are not ordinals', 'كانون الثاني'),
  (68, 'year after عام', 'عام 2024 ولعام ١٩٤٩'),
  (69, 'year after a month', 'نوفمبر 2024'),
  (70, 'year range', '2024-2026'),
  (71, 'time with minutes', 'الساعة 10:30'),
  (72, 'time as an ordinal hour', 'العاشرة صباحاً والثالثة مساء'),
  (73, 'duration', 'ثلاث سنوات و10 أيام و70 عامًا'),
  (74, 'duration, dual noun', 'يومين'),
  (75, 'duration, one and a half', 'ساعة ونصف'),
  (76, 'duration of one after a cue', 'لمدة أسبوع'),
  (77, 'approx before', 'نحو 500 مليون دولار'),
  (78, 'approx with a preposition', 'أكثر من 20 ألف شخص'),
  (79, 'approx after', '10 آلاف تقريبا'),
  (80, 'mixed scripts in one text', 'G7 و٣ مليارات و3 billion'),
  (81, 'accusative scale + و + more: one', 'بلغت مليونا و300 ألف ريال ومليارا ونصف'),
  (82, 'accusative scale + noun: dual', 'مليونا دولار وألفا جندي'),
  (83, 'a Latin scale ends the number', '€2bn وخمسة و$5m وستة ملايين'),
  (84, 'a second sum takes the currency', 'جائزة بقيمة 10 ملايين ريال منها 4 ملايين للتعليم'),
  (85, 'not a count of people', 'رصدت 5 ملايين دولار لخدمة 3 ملايين نسمة'),
  (86, 'not after a share in between', 'وفر 5 ملايين يورو و5% من الأرباح و3 ملايين'),
  (87, 'not a count (لاجئ begins with ل)', 'تدعم الأردن بمبلغ 290 دولارا عن 650 ألف لاجئ')
) AS r(n, rule, input), LATERAL ar_numbers(r.input) n
ORDER BY r.n, n.start_pos;

-- The offset contract on every row above.
SELECT count(*) AS broken FROM (VALUES
  ('تعهدت ألمانيا بتقديم ملياري يورو، ورفع الإنفاق إلى 5% منها 3.5% للدفاع'),
  ('بمليار ولمليوني وبثلاثة آلاف والـ 76 و€2bn و US$ 5'),
  (E'مُسْتَقْبَل ٣٫٥٪ ونحو\u00A0250 ألف جنيه إسترليني')) AS d(body),
  LATERAL ar_numbers(body) n
WHERE substr(body, n.start_pos, n.end_pos - n.start_pos) <> n.surface;

-- Bad and odd inputs: nothing crashes, nothing goes quadratic.
SELECT count(*) FROM ar_numbers('');
SELECT count(*) FROM ar_numbers(NULL);
SELECT kind, length(value::text) AS digits FROM ar_numbers(repeat('9', 10000));
SELECT kind, value IS NULL AS capped, length(surface) FROM ar_numbers(repeat('9', 1001));
SELECT count(*), min(value), max(value) FROM ar_numbers(repeat('مليون ', 1000));
SELECT count(*) FROM ar_numbers(repeat('وثلاثة ', 1000));
SELECT count(*) FROM ar_numbers(repeat('١2۳', 1000));
SELECT count(*) FROM ar_numbers(repeat('فاصلة ', 1000));
SELECT count(*) FROM ar_numbers(repeat('-', 10000));

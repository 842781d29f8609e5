-- ar_dates: calendar dates, one line per grammar rule.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SET datestyle = ISO;

-- The contract columns.
SELECT * FROM ar_dates('في يوم الثلاثاء الموافق 12 نوفمبر 2024، سافر روته إلى باريس');

-- One line per rule, without a reference (dates that need none).
SELECT r.rule, d.value, d.surface, d.precision
FROM (VALUES
  (1, 'day month year, Gregorian', '12 نوفمبر 2024'),
  (2, 'spelling variants', '3 إبريل 2024 و3 أبريل 2024'),
  (3, 'Levantine month', '5 نيسان 2023'),
  (4, 'Levantine two-word month', '1 كانون الثاني 2020 و31 كانون الأول 2019'),
  (5, 'Maghrebi month', '14 جويلية 2024 و1 جانفي 2025'),
  (6, 'doubled month names', '3 آذار/مارس 2023'),
  (7, 'doubled in brackets', '17 تموز (يوليو) 2024'),
  (8, 'Arabic-Indic digits', '١٥ أكتوبر ٢٠٢٥'),
  (9, 'numeric, day first', '15/10/2025'),
  (10, 'numeric with dashes and dots', '21-04-2016 و16.11.2016'),
  (11, 'numeric, two-digit year', '18-9-15'),
  (12, 'ISO', '2025-06-24'),
  (13, 'year first with slashes', '2016/02/22'),
  (14, 'weekday and date', 'الأحد , 10 نوفمبر 2024'),
  (15, 'ordinal day', 'الرابع من أبريل 2024'),
  (16, 'day range', 'من 22 إلى 23 أكتوبر 2024'),
  (17, 'month and year', 'يونيو 2025'),
  (18, 'middle of a month', 'منتصف مارس 2024'),
  (19, 'month/year numeric', '2/2013'),
  (20, 'year after عام', 'عام 2024 ولعام ١٩٤٩'),
  (21, 'Gregorian year mark', '2024م'),
  (22, 'Hijri date', '١٥ رمضان ١٤٤٥ هـ'),
  (23, 'Hijri two-word month', '12 ربيع الأول 1446'),
  (24, 'Hijri year', '1446 هـ'),
  (25, 'no year and no reference: nothing', '22 أكتوبر'),
  (26, 'relative and no reference: nothing', 'أمس'),
  (27, 'impossible date: nothing', '31 فبراير 2024 و30/02/2023'),
  (28, 'impossible Hijri date: nothing', '31 رمضان 1445')
) AS r(n, rule, input), LATERAL ar_dates(r.input) d
ORDER BY r.n, d.start_pos;

-- With a reference date (Sunday 10 November 2024).
SELECT r.rule, d.value, d.surface, d.precision
FROM (VALUES
  (1, 'day and month, the reference year', 'الثلاثاء 22 أكتوبر'),
  (2, 'today, yesterday, tomorrow', 'اليوم وأمس وغداً'),
  (3, 'the day after tomorrow, before yesterday', 'بعد غد وأول أمس'),
  (4, 'next week (ISO week, value = Monday)', 'الأسبوع المقبل'),
  (5, 'last month, next year', 'الشهر الماضي والعام المقبل'),
  (6, 'month with الماضي/المقبل', 'أغسطس الماضي ويونيو المقبل'),
  (7, 'end of a month', 'في نهاية يونيو المقبل'),
  (8, 'after شهر', 'في شهر آب/أغسطس'),
  (9, 'ago', 'قبل ثلاثة أيام ومنذ أسبوعين وقبل عامين'),
  (10, 'in', 'بعد 3 أشهر'),
  (11, 'weekday with الماضي/المقبل', 'الأحد الماضي والجمعة المقبلة'),
  (12, 'weekday of next week', 'الجمعة من الأسبوع المقبل'),
  (13, 'weekday and day number', 'الخميس 21'),
  (14, 'day of next month', '20 من الشهر المقبل'),
  (15, 'a weekday alone: nothing', 'يوم الأربعاء')
) AS r(n, rule, input), LATERAL ar_dates(r.input, DATE '2024-11-10') d
ORDER BY r.n, d.start_pos;

-- The offset contract.
SELECT count(*) AS broken FROM (VALUES
  ('وفي يوم السبت (19 أكتوبر)، انضم. الأربعاء   15:59   15/10/2025'),
  ('والذي أُطلق في شهر آب/أغسطس الماضي وبالأمس وفي ١٥ رمضان ١٤٤٥ هـ')) AS t(body),
  LATERAL ar_dates(body, DATE '2024-11-10') d
WHERE substr(body, d.start_pos, d.end_pos - d.start_pos) <> d.surface;

-- Bad inputs.
SELECT count(*) FROM ar_dates(NULL);
SELECT count(*) FROM ar_dates(NULL, DATE '2024-01-01');
SELECT count(*) FROM ar_dates('');
SELECT count(*) FROM ar_dates(repeat('12 نوفمبر ', 1000));
SELECT count(*) FROM ar_dates(repeat('9', 10000) || ' نوفمبر 2024');
SELECT * FROM ar_dates('أمس', 'infinity');
SELECT * FROM ar_dates('12 نوفمبر', DATE '10000-01-01');

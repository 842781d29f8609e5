-- Currencies: every ISO 4217 currency's Arabic name from ICU/CLDR
-- (data/currencies_cldr.tsv), the derived dual, plural and agreement forms,
-- the hand rules of data/currencies.tsv, and the parser's money tokens.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- ar_numbers gives the ISO code of the CLDR name.
SELECT t.text, n.kind, n.value, n.unit, n.surface
FROM (VALUES
  (1, '300 مليون كرونة نرويجية'),
  (2, '500 مليون كرونة سويدية'),
  (3, '75 مليون كرونة نرويجية'),
  (4, '40 مليون فرنك سويسري'),
  (5, '5 مليارات ين ياباني'),
  (6, '3 ملايين يوان صيني'),
  (7, 'مليون دينار كويتي'),
  (8, '100 ليرة تركية'),
  (9, '50 دولار أسترالي'),
  (10, '2 مليار وون كوريا الجنوبية'),
  (11, '100 مليون دولار هونغ كونغ'),
  (12, '80 مليون بيزو أرجنتيني'),
  (13, '30 أوقية موريتانية'),
  (14, 'مليار روبية هندي'),
  (15, '3 ملايين شيكل إسرائيلي جديد')
) t(n, text), ar_numbers(t.text) n
ORDER BY t.n;

-- Derived forms: duals, plurals, the accusative, agreement and ال.
SELECT t.text, n.kind, n.value, n.unit, n.surface
FROM (VALUES
  (1, 'كرونتين نرويجيتين'),
  (2, 'دفع ديناران كويتيان'),
  (3, '10 فرنكات سويسرية'),
  (4, '20 فرنكا سويسريا'),
  (5, '7 دولارات أسترالية'),
  (6, '15 دولارا أميركيا'),
  (7, 'مليار روبية هندية'),
  (8, '12 كرونة سويدية'),
  (9, 'بلغ 200 مليون الكرونة النرويجية'),
  (10, '150 ألف ليرة لبنانية'),
  (11, '29 جنيها سودانيا'),
  (12, '250 ريالا قطريا')
) t(n, text), ar_numbers(t.text) n
ORDER BY t.n;

-- Bare nouns: open ones stay money without a code, news aliases give one,
-- and a CLDR noun that is also a common word needs its qualifier.
SELECT t.text, n.kind, n.value, n.unit, n.surface
FROM (VALUES
  (1, '100 مليون درهم'),
  (2, '500 دينار'),
  (3, '20 مليون دولار'),
  (4, 'ألف كرونة'),
  (5, 'تحتوي على 2400 أوقية من الذهب'),
  (6, 'اعتقال 10 أفغاني'),
  (7, 'باع 10 بير'),
  (8, 'وصل 6.5 مليون يمني'),
  (9, '10 آلاف أفغاني أفغانستاني')
) t(n, text), ar_numbers(t.text) n
ORDER BY t.n;

-- Latin codes (the news list in any case, the other ISO codes in capitals),
-- one-character signs and CLDR's Arabic abbreviations.
SELECT t.text, n.kind, n.value, n.unit, n.surface
FROM (VALUES
  (1, 'بلغ 20 NOK'),
  (2, 'بلغ 20 usd'),
  (3, 'بلغ 20 ALL'),
  (4, 'بلغ 20 all'),
  (5, 'بلغ 5 ₪'),
  (6, 'بلغ ₹ 300'),
  (7, 'بلغ €2bn'),
  (8, 'بلغ 10 ₺'),
  (9, 'بلغ 42 ج.م.'),
  (10, 'بلغ 500 ر.س للمتر'),
  (11, 'بلغ 3 د.إ و3 د.أ'),
  (12, 'عام 2024م.')
) t(n, text), ar_numbers(t.text) n
ORDER BY t.n, n.start_pos;

-- Search: the money token carries the code, in documents and in queries.
SELECT to_tsvector('arabic_news', 'رصدت النرويج 75 مليون كرونة نرويجية');
SELECT plainto_tsquery('arabic_news', '75 مليون كرونة نرويجية');
SELECT d, q, to_tsvector('arabic_news', d) @@ plainto_tsquery('arabic_news', q) AS hit
FROM (VALUES ('رصدت النرويج 75 مليون كرونة نرويجية'), ('قدمت السويد 75 مليون كرونة سويدية')) v(d),
     (VALUES ('75 مليون كرونة نرويجية'), ('75000000 كرونة نرويجية'), ('75 مليون NOK'),
             ('75 مليون كرونة سويدية')) w(q)
ORDER BY d, q;
SELECT to_tsvector('arabic_news', 'خصصت 300 مليون فرنك سويسري و5 مليارات ين ياباني و3 ملايين يوان صيني ومليون دينار كويتي و100 ليرة تركية و50 دولارا أستراليا');

-- The context rule: the nearest place (country, city or nationality
-- adjective) in the same sentence whose currency has the noun settles an
-- open noun; ريال keeps its news default (SAR); a sentence end stops it.
SELECT t.text, n.kind, n.value, n.unit, n.surface
FROM (VALUES
  (1, 'رصدت الإمارات 100 مليون درهم'),
  (2, 'البنك العالمي يمنح تونس 39.7 مليون دينار'),
  (3, 'خفضت وزارة المالية المصرية سعر الدولار الجمركي إلى 16 جنيها'),
  (4, 'أصدر المصريون في السودان غرامة 5 آلاف جنيه'),
  (5, 'بلغت قيمة التداول في دبي 80 مليار درهم وفي الكويت 3 ملايين دينار'),
  (6, 'رصدت الإمارات مبلغا. وبلغ 5 ملايين درهم'),
  (7, 'رصدت قطر 100 مليون ريال'),
  (8, 'وقعت مصر اتفاقا بقيمة 200 مليون دينار'),
  (9, 'تراجعت الليرة التركية إلى 4.5 ليرة للدولار')
) t(n, text), ar_numbers(t.text) n
ORDER BY t.n, n.start_pos;

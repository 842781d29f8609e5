-- ar_pledges: the money and percentage mentions that are commitments.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;
SET datestyle = ISO;

-- The contract columns.
SELECT * FROM ar_pledges('تعهدت ألمانيا بتقديم ملياري يورو لأوكرانيا.');

-- One line per rule: pledges …
SELECT r.rule, p.kind, p.value, p.unit, p.surface, p.actor, p.cue, p.purpose
FROM (VALUES
  (1, 'verb cue, actor after it', 'تعهدت ألمانيا بتقديم ملياري يورو'),
  (2, 'actor before the verb', 'وقالت إن ألمانيا ستقدم 3 مليارات يورو'),
  (3, 'verbal noun after أعلن', 'أعلنت وزارة الدفاع عن تخصيص 500 مليون دولار لدعم الجيش'),
  (4, 'agreed target with إلى, and its parts', 'أسفرت القمة عن اتفاق لرفع الإنفاق الدفاعي إلى 5% من الناتج المحلي الإجمالي، بواقع 3.5% للدفاع الأساسي و1.5% للمجالات الدفاعية'),
  (5, 'target with بنسبة', 'رفع ميزانيات الدفاع بنسبة 2% من الناتج المحلي'),
  (6, 'allocation', 'خصصت الحكومة السعودية 10 مليارات ريال للتعليم'),
  (7, 'grant', 'منح البنك الدولي مصر قرضا بقيمة 3 مليارات دولار'),
  (8, 'agreement with وافق', 'وافقت الدول الأعضاء على رفع الإنفاق إلى 2% بحلول 2030'),
  (9, 'promise', 'ووعد الرئيس بزيادة الرواتب بنسبة 10%'),
  (10, 'committed so far', 'وقد التزمت تلك الدول حتى الآن بتقديم ما مجموعه ملياري يورو')
) AS r(n, rule, input), LATERAL ar_pledges(r.input) p
ORDER BY r.n, p.start_pos;

-- … and what is not a pledge (no rows expected).
SELECT r.rule, p.surface
FROM (VALUES
  (1, 'past total', 'بلغ الإنفاق الدفاعي 300 مليار دولار العام الماضي'),
  (2, 'statistic', 'وارتفع التضخم إلى 5% في أكتوبر'),
  (3, 'price', 'سعر البرميل 80 دولارا'),
  (4, 'deal value', 'وقعت الشركة صفقة بقيمة 2 مليار دولار'),
  (5, 'negated commitment', 'لم تتعهد فرنسا بتقديم 5 مليارات يورو'),
  (5.5, 'negated after و', 'ولم تتعهد فرنسا بتقديم 3 مليارات يورو'),
  (6, 'a target word without إلى', 'رفع الإنفاق الذي يبلغ 2%'),
  (7, 'poll figure', 'أظهر استطلاع أن 60% من الناخبين يؤيدون'),
  (8, 'a count, not money', 'تعهدت الدول بإرسال 30 طائرة')
) AS r(n, rule, input), LATERAL ar_pledges(r.input) p;

-- The offset contract.
SELECT count(*) AS broken FROM (VALUES
  ('تعهدت ألمانيا بتقديم ملياري يورو، واتفق الحلفاء على رفع الإنفاق إلى ٥٪ منها ٣٫٥٪ للدفاع')) AS t(body),
  LATERAL ar_pledges(body) p
WHERE substr(body, p.start_pos, p.end_pos - p.start_pos) <> p.surface;

-- Bad inputs.
SELECT count(*) FROM ar_pledges(NULL);
SELECT count(*) FROM ar_pledges('');
SELECT count(*) FROM ar_pledges(repeat('تعهدت ', 5000) || '5%');
SELECT count(*) FROM ar_pledges(repeat('تعهدت ألمانيا بتقديم 5% ', 2000));

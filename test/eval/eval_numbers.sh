#!/usr/bin/env bash
# eval_numbers.sh — "make eval-numbers": ar_numbers and ar_dates against other
# projects' Arabic number, money, percent, duration and date cases in
# ../shared/eval/numbers (see its README for where each file comes from).
#
# A positive row passes when one result row has the expected value (relative
# tolerance 1e-6), the expected kind and, for money / percent / durations,
# the expected unit.  Expected "number" rows accept any cardinal kind (count,
# year, money … are refinements of a cardinal); "ordinal" rows need kind
# ordinal.  Dates go through ar_dates(text, ref) with the row's reference.
#
# In scope: Modern Standard Arabic news forms.  Out of scope, reported but
# not counted in the headline rate (reasons printed with the table):
#   files  duckling_numeral_eg (Egyptian colloquial), maha_numeral (mixed
#          Levantine/Gulf/Egyptian spellings), maha_numeral_nonstandard (number
#          words in any order), duckling_quantity / _volume / _temperature
#          (physical quantities are not a kind of ar_numbers)
#   rows   money in cents (unit cent), per-mille and ppm (في الألف، في المليون),
#          durations of several units totalled in seconds
# Negative files (*_negative.tsv) are scored separately: a row passes when
# nothing of its kind is returned.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -d "$shared/eval/numbers" ]; then
	echo "eval-numbers: ../shared/eval/numbers not found; skipped"
	exit 0
fi
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE eval" >/dev/null
{
cat <<'SQL'
\set QUIET on
CREATE EXTENSION arabic_news;
CREATE TABLE cases (file text, line serial, text text, value text, unit text, kind text, source text);
CREATE TEMP TABLE raw (text text, value text, unit text, kind text, source text);
SQL
for f in "$shared"/eval/numbers/*.tsv; do
	n=$(basename "$f" .tsv)
	echo "TRUNCATE raw;"
	echo "\\copy raw FROM PROGRAM 'tail -n +2 $f | sed \"s/\\\\\\\\/\\\\\\\\\\\\\\\\/g\"' WITH (FORMAT text)"
	echo "INSERT INTO cases (file, text, value, unit, kind, source) SELECT '$n', coalesce(text, ''), value, unit, kind, source FROM raw;"
done
cat <<'SQL'
-- Why a row is out of scope (NULL: in scope).
CREATE VIEW scoped AS
SELECT c.*, CASE
	WHEN file = 'duckling_numeral_eg' THEN 'Egyptian colloquial numerals'
	WHEN file = 'maha_numeral' THEN 'dialectal numeral spellings (Levantine/Gulf/Egyptian)'
	WHEN file = 'maha_numeral_nonstandard' THEN 'number words added in any order'
	WHEN file IN ('duckling_quantity', 'duckling_volume', 'duckling_temperature') THEN 'physical quantities'
	WHEN text ~ '(مية|ميه|ميتين|تلات|تمان|تمن|تاني|تانى|تالت|تامن|دقايق|حدعشر|احدعشر|طنعش|تعش)' THEN 'dialect spellings (ت for ث, مية for مئة …)'
	WHEN text ~ '(على|من|جزء|اجزاء|أجزاء|واحد و?عشرونات)' AND kind = 'number' AND value !~ '^-?[0-9]+$' THEN 'fractions phrased "X على Y" / "X من Y" / "جزء من" (translated specs; in news واحد من ثلاثة is "one of three")'
	WHEN text ~ '[0-9٠-٩]/[0-9٠-٩]' AND kind = 'number' THEN 'slash fractions (ambiguous with dates)'
	WHEN text ~ '(دزين|دست)' THEN 'dozens'
	WHEN kind = 'duration' AND value = '1' AND btrim(text) !~ '\s' THEN 'bare unit noun without a number (ساعة، أسبوع)'
	WHEN kind = 'date' AND text ~ '(عيد|رأس السنة|كريسماس)' THEN 'date: holiday names (calendar look-ups)'
	WHEN kind = 'date' AND text ~ '(بكرة|بكرا|امبارح|اليوم الي|اليوم القبل|نص شهر)' THEN 'date: dialect words (بكرة، امبارح)'
	WHEN kind = 'date' AND text ~ '^(في )?(هذا )?(ال)?(اثنين|ثلاثاء|اربعاء|أربعاء|خميس|جمعة|جمعه|سبت|احد|أحد)$' THEN 'date: a weekday alone (news uses it for past and coming days alike; no guess)'
	WHEN kind = 'date' AND text ~ '((اخر|آخر|أول|اول|ثاني|ثان|ثالث) (يوم )?(ال)?(اثنين|ثلاثاء|ثلاثا|اربعاء|اربعا|خميس|جمعة|سبت|احد)|(الاخير|الأخير)|(الأحد|الثلاثاء|الاربعاء) (الثاني|الأول|الأولى|الثالث|الثانية)( من|$))' THEN 'date: n-th weekday of a month (ثالث ثلاثاء من أيلول)'
	WHEN kind = 'date' AND text ~ 'شهر (ثلاث|ثلاثة|عشرة|[0-9])' THEN 'date: month given as a number (شهر عشرة)'
	WHEN kind = 'date' AND text ~ '(من الآن|بضعة|آخر يوم|اليوم التالي|يومي$)' THEN 'date: vague or narrative-relative (بضعة أيام، اليوم التالي) and multi-unit offsets from now'
	WHEN kind = 'date' AND text ~ '([0-9]/[0-9]+, |(يناير|سبتمبر) ?([0-9]|ال)|، ألفين)' THEN 'date: English month-first order and years in words (translated specs)'
	WHEN unit = 'cent' THEN 'money in cents'
	WHEN unit IN ('permille', 'ppm') THEN 'per mille / per million'
	WHEN kind = 'duration' AND unit = 'second' AND regexp_count(text, '(ثاني|ثوان|دقي|دقائق|دقايق|ساع|يوم|ايام|أيام|سبوع|سابيع|شهر|شهور|سنة|سنه|سنت|سنين|سنوات|عام|أعوام)') >= 2 THEN 'multi-unit duration totalled in seconds'
END AS excluded, file ~ '_negative$' AS negative
FROM cases c;

CREATE FUNCTION num_close(a numeric, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT abs(a - b::numeric) <= 1e-6 * greatest(1, abs(b::numeric)) $$;

CREATE TABLE scored AS
SELECT s.*, CASE
	WHEN negative THEN NOT EXISTS (
		SELECT 1 FROM ar_numbers(s.text) r
		WHERE (s.kind = 'number' AND r.kind <> 'ordinal') OR r.kind = s.kind)
		AND (s.kind <> 'date' OR NOT EXISTS (SELECT 1 FROM ar_dates(s.text, DATE '2013-02-12')))
	WHEN s.kind = 'date' THEN EXISTS (
		SELECT 1 FROM ar_dates(s.text, nullif(substring(s.unit FROM 'ref=(.*)'), '')::date) d
		WHERE d.value = s.value::date)
	ELSE EXISTS (
		SELECT 1 FROM ar_numbers(s.text) r
		WHERE num_close(r.value, s.value)
		AND CASE s.kind
			WHEN 'number' THEN r.kind <> 'ordinal'
			WHEN 'ordinal' THEN r.kind = 'ordinal'
			WHEN 'money' THEN r.kind = 'money' AND (r.unit = s.unit OR (s.unit ~ '^[a-z]' AND r.unit IS NULL))
			WHEN 'percent' THEN r.kind = 'percent' AND r.unit = s.unit
			WHEN 'duration' THEN r.kind = 'duration' AND r.unit = s.unit
			ELSE false END)
END AS pass
FROM scoped s;

\echo
\echo 'Positive cases, in scope (the headline rate):'
\echo '| file | rows | in scope | pass | rate |'
\echo '| --- | ---: | ---: | ---: | ---: |'
SELECT format('| %s | %s | %s | %s | %s%% |', file, count(*), count(*) FILTER (WHERE excluded IS NULL),
              count(*) FILTER (WHERE pass AND excluded IS NULL),
              coalesce(round(100.0 * count(*) FILTER (WHERE pass AND excluded IS NULL) / nullif(count(*) FILTER (WHERE excluded IS NULL), 0), 1)::text, '–'))
FROM scored WHERE NOT negative GROUP BY file ORDER BY file \g (format=unaligned tuples_only=on)
SELECT format('| **all in scope** | %s | %s | %s | **%s%%** |', count(*), count(*) FILTER (WHERE excluded IS NULL),
              count(*) FILTER (WHERE pass AND excluded IS NULL),
              round(100.0 * count(*) FILTER (WHERE pass AND excluded IS NULL) / count(*) FILTER (WHERE excluded IS NULL), 1))
FROM scored WHERE NOT negative \g (format=unaligned tuples_only=on)
\echo
\echo 'Out of scope (pass rate shown for information):'
\echo '| reason | rows | pass |'
\echo '| --- | ---: | ---: |'
SELECT format('| %s | %s | %s |', excluded, count(*), count(*) FILTER (WHERE pass))
FROM scored WHERE excluded IS NOT NULL AND NOT negative GROUP BY excluded ORDER BY count(*) DESC \g (format=unaligned tuples_only=on)
\echo
\echo 'Negative cases (nothing of that kind expected):'
\echo '| file | rows | pass |'
\echo '| --- | ---: | ---: |'
SELECT format('| %s | %s | %s |', file, count(*), count(*) FILTER (WHERE pass))
FROM scored WHERE negative GROUP BY file ORDER BY file \g (format=unaligned tuples_only=on)
\echo
SQL
if [ -n "${VERBOSE:-}" ]; then
cat <<'SQL'
\echo 'In-scope failures:'
SELECT file, text, value, unit, kind,
       (SELECT string_agg(format('%s %s %s', r.kind, r.value, r.unit), '; ') FROM ar_numbers(text) r) AS got
FROM scored WHERE NOT pass AND excluded IS NULL AND NOT negative AND kind <> 'date' ORDER BY file, line \g (format=unaligned)
SELECT file, text, value, unit,
       (SELECT string_agg(format('%s %s', d.value, d.surface), '; ') FROM ar_dates(text, nullif(substring(unit FROM 'ref=(.*)'), '')::date) d) AS got
FROM scored WHERE NOT pass AND excluded IS NULL AND kind = 'date' ORDER BY file, line \g (format=unaligned)
SELECT file, text, kind FROM scored WHERE NOT pass AND negative ORDER BY file, line \g (format=unaligned)
SQL
fi
} | an_psql -d eval

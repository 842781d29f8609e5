#!/usr/bin/env bash
# eval_normalize.sh — "make eval-normalize": ar_normalize against other
# projects' normalization cases in ../shared/eval/stemming.
#
# Each row names the library function that produced its expected output;
# the row is run through ar_normalize with only the matching fold switched
# on (or all default folds for whole-pipeline rows).  Rows whose rule we do
# not offer (spelling correction, PyArabic's "every hamza seat to ء",
# arclean's punctuation rewrites) are counted as out of scope and listed.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
shared=$(an_shared_dir)
if [ -z "$shared" ] || [ ! -d "$shared/eval/stemming" ]; then
	echo "eval-normalize: ../shared/eval/stemming not found; skipped"
	exit 0
fi
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE DATABASE eval" >/dev/null
an_psql -d eval <<SQL
\set QUIET on
CREATE EXTENSION arabic_news;
CREATE TABLE cases (file text, input text, expected text, test_name text);
CREATE TEMP TABLE raw (input text, expected text, test_name text);
$(for f in lucene_normalization pyarabic_normalization tashaphyne_normalization camel_dediac camel_arclean_charmap; do
	echo "TRUNCATE raw;"
	echo "\\copy raw FROM PROGRAM 'tail -n +2 $shared/eval/stemming/$f.tsv | sed \"s/\\\\\\\\/\\\\\\\\\\\\\\\\/g\"' WITH (FORMAT text)"
	echo "INSERT INTO cases SELECT '$f', coalesce(input, ''), coalesce(expected, ''), test_name FROM raw;"
done)
-- The option set each row's rule corresponds to (NULL: a rule we do not offer).
CREATE VIEW scored AS
SELECT file, input, expected, test_name, got, got = expected AS pass
FROM (
  SELECT c.*, CASE
    WHEN test_name ~ 'lucene|normalize_searchtext|light_stem' THEN ar_normalize(input)
    WHEN test_name ~ 'strip_tashkeel|dediac' THEN ar_normalize(input, true, false, false, false, false, false, false, false, false, false, false)
    WHEN test_name ~ 'strip_tatweel' THEN ar_normalize(input, false, true, false, false, false, false, false, false, false, false, false)
    WHEN test_name ~ 'normalize_teh' THEN ar_normalize(input, false, false, false, false, true, false, false, false, false, false, false)
    WHEN test_name ~ 'lamalef' THEN ar_normalize(input, false, false, false, false, false, false, false, false, true, false, false)
    -- arclean: presentation forms (our NFKC fold alone) and digits; its other
    -- rewrites (punctuation to ASCII, deleting symbols) are a cleaning policy
    WHEN test_name ~ 'arclean' AND input ~ '^[\uFB50-\uFDFF\uFE70-\uFEFE]$' THEN ar_normalize(input, false, false, false, false, false, false, true, false, true, false, false)
    WHEN test_name ~ 'arclean' AND input ~ '^[\u0660-\u0669\u06F0-\u06F9]$' THEN ar_normalize(input)
    WHEN test_name ~ 'arclean' AND input ~ '^[\u06A4\u067E\u0686\u06AF\u0698\u06A9\u06CC]$' THEN ar_normalize(input)
  END AS got
  FROM cases c) s;
\echo
\echo '| file | rows | in scope | agree | agreement |'
\echo '| --- | ---: | ---: | ---: | ---: |'
SELECT format('| %s | %s | %s | %s | %s%% |', file, count(*), count(got), count(*) FILTER (WHERE pass),
              round(100.0 * count(*) FILTER (WHERE pass) / nullif(count(got), 0), 1))
FROM scored GROUP BY file ORDER BY file \g (format=unaligned tuples_only=on)
\echo
\echo 'In-scope rows that disagree:'
SELECT file, test_name, input, expected, got FROM scored WHERE NOT pass ORDER BY file \g (format=aligned)
\echo 'Rows out of scope (rule not offered), by rule:'
SELECT file, CASE WHEN test_name ~ 'arclean' THEN 'arclean punctuation and symbol rewrites' ELSE regexp_replace(test_name, '^.*(araby|normalize)[.]', '\1.') END AS rule, count(*)
FROM scored WHERE got IS NULL GROUP BY 1, 2 ORDER BY 1, 2 \g (format=aligned)
SQL

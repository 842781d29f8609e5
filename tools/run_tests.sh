#!/usr/bin/env bash
# run_tests.sh — "make test": every test of arabic_news on a throwaway cluster.
#
#   1. core unit tests (plain C, then again under ASan+UBSan when clang/gcc
#      can build them), TAP lines counted one by one
#   2. pg_regress: sql/<feature>.sql against expected/<feature>.out (after 3)
#   3. libFuzzer targets in test/fuzz, a few seconds each (when clang exists)
#   4. pgTAP: test/pgtap/*.sql through pg_prove
#   4b. the bm25 index: top k vs bm25_score on the corpus sample (skipped
#      without ../shared), and short versions of the reliability targets
#      (kill -9, streaming standby, wal_consistency_checking, pgbench), each
#      on its own throwaway cluster, TAP lines counted
#   5. upgrade: the oldest install script, user objects on it
#      (test/upgrade/before_update.sql), ALTER EXTENSION UPDATE, the catalog
#      compared with a fresh install, test/upgrade/after_update.sql, and every
#      pg_regress test again on the updated database
#   6. sharding: news hash partitioned over two postgres_fdw shards, the
#      extension's conditions shipped, answers equal a local table's
#
# Prints regression.diffs on failure; the last line is "N passed, N failed".
set -uo pipefail
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$AN_ROOT"
source tools/cluster.sh

bash tools/deps.sh test || exit 1
make -s >/dev/null || { echo "build failed"; make; exit 1; }

passed=0
failed=0
count_tap() {		# count "ok" / "not ok" lines of a TAP stream on stdin
	local line
	while IFS= read -r line; do
		case "$line" in
			"not ok "*) failed=$((failed + 1)); echo "  $line" ;;
			"ok "*) passed=$((passed + 1)) ;;
			"#"*) echo "  $line" ;;
		esac
	done
}

report_tap() {		# print TAP lines indented and count them
	echo "$1" | sed 's/^/  /'
	count_tap >/dev/null <<<"$1"
}

echo "== core unit tests"
core_status=0
make -s core-tests >/dev/null 2>.build-core.log || { cat .build-core.log; core_status=1; }
rm -f .build-core.log
# Run one core test binary: count its TAP lines, and count a crash or a
# non-zero exit that printed no "not ok" line as one failure.
run_core_test() {		# binary label
	local out rc
	echo "-- $2"
	out=$(ASAN_OPTIONS=detect_leaks=1 "$1" 2>&1); rc=$?
	count_tap <<<"$out"
	if [ $rc -ne 0 ] && ! grep -q "^not ok" <<<"$out"; then
		echo "$out" | tail -20; failed=$((failed + 1))
	fi
}
for src in test/core/test_*.c; do
	name=$(basename "$src" .c)
	[ -x ".build/core/$name" ] && run_core_test ".build/core/$name" "$name"
done
# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer.
san_dir=.build/core-san
mkdir -p "$san_dir"
if echo 'int main(void){return 0;}' | cc -x c -fsanitize=address,undefined -o "$san_dir/probe" - 2>/dev/null; then
	for src in test/core/test_*.c; do
		name=$(basename "$src" .c)
		cc -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
			-Isrc/core -Itest/core $(pkg-config --cflags icu-uc icu-i18n) -o "$san_dir/$name" \
			"$src" src/core/*.c $(pkg-config --libs icu-uc icu-i18n) -lm || { failed=$((failed + 1)); continue; }
		run_core_test "$san_dir/$name" "$name (ASan+UBSan)"
	done
else
	echo "  (sanitizers unavailable on this compiler: skipped)"
fi
[ $core_status -eq 0 ] || failed=$((failed + 1))

echo "== fuzz targets (a short fixed-seed run each, so they stay alive)"
report_tap "$(FUZZ_SMOKE=${FUZZ_SMOKE:-20000} bash tools/fuzz.sh 2>&1)"

echo "== generated files: make regen reproduces the checked-in ones byte for byte"
regen_dir=.build/regen
rm -rf "$regen_dir"
# ok / not ok for every file a regen target wrote under $regen_dir.
compare_regen() {		# subdirectory (src/core or data)
	local f
	for f in "$regen_dir/$1"/*; do
		if cmp -s "$f" "$1/$(basename "$f")"; then
			echo "ok - $1/$(basename "$f")"
		else
			echo "not ok - $1/$(basename "$f") differs from what make regen writes"
		fi
	done
}
regen_log=.build/regen.log
mkdir -p .build
if make -s regen GEN_OUT="$regen_dir" >"$regen_log" 2>&1; then
	report_tap "$(compare_regen src/core)"
else
	cat "$regen_log"; failed=$((failed + 1))
fi
# The ICU/CLDR place and currency names depend on the ICU release that wrote them.
icu_now=$(pkg-config --modversion icu-uc 2>/dev/null)
if head -1 data/places_cldr.tsv | grep -q "from ICU $icu_now "; then
	rm -rf "$regen_dir/data"
	if make -s regen-places GEN_OUT="$regen_dir" >"$regen_log" 2>&1; then
		report_tap "$(compare_regen data)"
	else
		cat "$regen_log"; failed=$((failed + 1))
	fi
else
	echo "  # data/places_cldr.tsv: written by another ICU release than $icu_now (skipped)"
fi
# The corpus-counted lists need ../shared/corpus (regen-search-common also
# runs a throwaway cluster of its own).
if [ -n "$(an_shared_dir)" ] && [ -d "$(an_shared_dir)/corpus" ]; then
	rm -rf "$regen_dir/data"
	if make -s -j2 regen-stem-own regen-entities-common regen-search-common regen-ner-lexicon regen-ner-clusters \
		GEN_OUT="$regen_dir" >"$regen_log" 2>&1; then
		report_tap "$(compare_regen data)"
	else
		cat "$regen_log"; failed=$((failed + 1))
	fi
else
	echo "  # stem_own.tsv, entities_common.txt, search_common.tsv, ner_lexicon.tsv, ner_clusters.tsv: no ../shared/corpus (skipped)"
fi
# The entity model: training is deterministic and gives the committed bytes.
ner_train=$(an_shared_dir)/eval/ner/anercorp_camel_train/train.conll
if [ -n "$(an_shared_dir)" ] && [ -f "$ner_train" ]; then
	rm -rf "$regen_dir/data" "$regen_dir/again"
	if make -s train-ner GEN_OUT="$regen_dir" NER_TRAIN_CONLL="$ner_train" >"$regen_log" 2>&1 &&
		make -s train-ner GEN_OUT="$regen_dir/again" NER_TRAIN_CONLL="$ner_train" >>"$regen_log" 2>&1; then
		report_tap "$(cmp -s "$regen_dir/data/arabic_news_ner.model" "$regen_dir/again/data/arabic_news_ner.model" &&
			echo "ok - make train-ner twice gives the same model bytes" ||
			echo "not ok - make train-ner twice gives different model bytes"
			compare_regen data)"
	else
		cat "$regen_log"; failed=$((failed + 1))
	fi
else
	echo "  # arabic_news_ner.model: no ../shared/eval/ner train split (skipped)"
fi
# The pledge classifier: retrained from the judged sentences (their text in
# ../shared/corpus), it gives the committed weights byte for byte.
pledge_corpus=$(an_shared_dir)/corpus
if [ -n "$(an_shared_dir)" ] && [ -f "$pledge_corpus/arabic_news_ant.tsv.gz" ] &&
	[ -f "$pledge_corpus/arabic_news_saudinewsnet.tsv.gz" ]; then
	rm -rf "$regen_dir/data"
	if CORPUS_DIR="$pledge_corpus" make -s train-pledges GEN_OUT="$regen_dir" >"$regen_log" 2>&1; then
		report_tap "$(compare_regen data)"
	else
		cat "$regen_log"; failed=$((failed + 1))
	fi
else
	echo "  # pledge_model.tsv: no ../shared/corpus to retrain from (skipped)"
fi

echo "== packaging: META.json against the control file, make dist"
report_tap "$(python3 tools/check_meta.py META.json arabic_news.control)"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	dist=$(make -s dist DIST_DIR=.build/dist 2>&1 | tail -1)
	dist_files=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$dist" 2>/dev/null)
	prefix=$(basename "$dist" .zip)/
	if grep -qx "${prefix}META.json" <<<"$dist_files" && grep -qx "${prefix}arabic_news.control" <<<"$dist_files" &&
		grep -qx "${prefix}LICENSE" <<<"$dist_files" && ! grep -qE '\.(o|so)$' <<<"$dist_files"; then
		report_tap "ok - make dist: $dist holds $(grep -c . <<<"$dist_files") entries under $prefix, no build outputs"
	else
		report_tap "not ok - make dist: $dist is missing, or lacks META.json, the control file or LICENSE, or holds build outputs"
	fi
else
	echo "  # not a git checkout: make dist (git archive) skipped"
fi

echo "== pledge set: sample and judgments well formed, the scorer's matching (no corpus needed)"
report_tap "$(python3 test/eval/pledges/check.py 2>&1)"

echo "== entity dev set (ner_dev): sample and judgments well formed, to_conll's tagging (no corpus needed)"
report_tap "$(python3 test/eval/ner_dev/check.py 2>&1)"

echo "== starting a throwaway cluster"
an_cluster_start || { echo "0 passed, 1 failed"; exit 1; }
trap an_cluster_stop EXIT

# pg_regress over every test file against database $1 (created unless it
# exists: "existing"), results in $2; adds to passed/failed.
run_regress() {
	local db=$1 outdir=$2 mode=${3:-} out ok fail
	local use=()
	[ "$mode" = existing ] && use=(--use-existing)
	mkdir -p "$outdir"
	out=$("$pgxs_dir/../test/regress/pg_regress" --inputdir=. --outputdir="$outdir" \
		--bindir="$(pg_config --bindir)" --host="$AN_SOCK" --port="$AN_PORT" --user="$AN_USER" \
		"${use[@]}" --dbname="$db" $regress_tests 2>&1)
	echo "$out" | grep -E "\.\.\. (ok|FAILED)|^(not )?ok " | sed 's/^/  /'
	ok=$(grep -cE "\.\.\. ok|^ok " <<<"$out")
	fail=$(grep -cE "\.\.\. FAILED|^not ok " <<<"$out")
	passed=$((passed + ok))
	failed=$((failed + fail))
	if [ "$fail" -gt 0 ] && [ -f "$outdir/regression.diffs" ]; then
		echo "== $outdir/regression.diffs"
		cat "$outdir/regression.diffs"
	fi
}

# pg_prove over files $2… against database $1 (extra pg_prove options in
# TAP_OPTS); a file that dies before its plan completes counts as a failure.
run_tap() {
	local db=$1 out ok fail dubious
	shift
	out=$(cd "$AN_ROOT" && pg_prove --verbose -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" \
		-d "$db" ${TAP_OPTS:-} "$@" 2>&1)
	echo "$out" | grep -E "^test/|^not ok|^# |Failed|Dubious|Parse errors" | sed 's/^/  /'
	ok=$(grep -cE "^ok " <<<"$out")
	fail=$(grep -cE "^not ok " <<<"$out")
	dubious=$(grep -cE "Dubious|Parse errors|Bad plan" <<<"$out")
	passed=$((passed + ok))
	failed=$((failed + fail + dubious))
}

echo "== pg_regress"
regress_tests=$(for f in sql/*.sql; do n=$(basename "$f" .sql); case "$n" in arabic_news--*) ;; *) echo "$n" ;; esac; done | sort)
pgxs_dir=$(dirname "$(pg_config --pgxs)")
run_regress arabic_news_regression .

echo "== pgTAP"
if ls test/pgtap/*.sql >/dev/null 2>&1; then
	an_psql -d postgres -c "CREATE DATABASE arabic_news_tap" >/dev/null
	run_tap arabic_news_tap test/pgtap/*.sql
else
	echo "  (no pgTAP files)"
fi

echo "== fold order: the installed ar_normalize() takes its folds in data/normalize_folds.tsv order"
an_psql -d postgres -c "CREATE DATABASE arabic_news_docs" >/dev/null
an_psql -d arabic_news_docs -c "CREATE EXTENSION arabic_news" >/dev/null
installed_folds=$(an_psql -d arabic_news_docs -At -c "SELECT array_to_string(proargnames[2:], E'\n')
	FROM pg_proc WHERE oid = 'ar_normalize'::regproc")
if [ "$installed_folds" = "$(python3 data/gen_normalize_folds.py --sql-arguments data/normalize_folds.tsv)" ]; then
	report_tap "ok - ar_normalize(input, $(echo $installed_folds | tr ' ' ','))"
else
	report_tap "not ok - ar_normalize's arguments are not the folds of data/normalize_folds.tsv in order: $(echo $installed_folds)"
fi

echo "== documentation: the SQL examples print what they show, the README names every core file"
report_tap "$(python3 tools/check_examples.py arabic_news_docs README.md docs/*.md)"
unnamed=$(for f in src/core/*.c; do grep -qF "\`$(basename "$f")\`" README.md || basename "$f"; done)
if [ -z "$unnamed" ]; then
	report_tap "ok - README.md names every file of src/core/*.c"
else
	report_tap "not ok - README.md (How it is built) does not name: $(echo $unnamed)"
fi

echo "== bm25: top k on the corpus sample, short reliability runs (own clusters)"
for t in test/bm25/topk_corpus.sh test/reliability/bm25_crash.sh test/reliability/bm25_standby.sh \
	test/reliability/bm25_walcheck.sh test/reliability/bm25_load.sh; do
	echo "-- $t"
	out=$(FAST=1 TOPK_QUERIES=${TOPK_QUERIES:-300} bash "$t" 2>&1); rc=$?
	count_tap <<<"$out"
	if [ $rc -ne 0 ] && ! grep -q "^not ok" <<<"$out"; then
		echo "$out" | tail -15 | sed 's/^/  /'; failed=$((failed + 1))
	fi
done

echo "== upgrade: the oldest version, ALTER EXTENSION UPDATE, then the whole suite on it"
oldest=$(ls sql/arabic_news--*.sql | sed -n 's|^sql/arabic_news--\([0-9.]*\)\.sql$|\1|p' | sort -V | head -1)
default_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" arabic_news.control)
if [ "$oldest" = "$default_version" ]; then
	echo "  (one version only: nothing to update)"
else
	udb=arabic_news_upgrade
	an_psql -d postgres -c "CREATE DATABASE $udb" >/dev/null
	if an_psql -d "$udb" -c "CREATE EXTENSION arabic_news VERSION '$oldest'" >/dev/null &&
		an_psql -d "$udb" -f test/upgrade/before_update.sql >/dev/null &&
		an_psql -d "$udb" -c "ALTER EXTENSION arabic_news UPDATE" >/dev/null; then
		echo "  ok - $oldest installed, user objects built on it, updated to $default_version"
		passed=$((passed + 1))
		# the catalog after the update equals a fresh install's
		catalog_sql="SELECT string_agg(x, E'\n' ORDER BY x) FROM (
			SELECT pg_describe_object(classid, objid, 0) || ' ' ||
				coalesce((SELECT pg_get_functiondef(p.oid) || ' cost ' || p.procost || ' rows ' || p.prorows
					FROM pg_proc p WHERE classid = 'pg_proc'::regclass AND p.oid = objid AND p.prokind = 'f'), '') AS x
			FROM pg_depend WHERE deptype = 'e' AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'arabic_news')) s"
		an_psql -d postgres -c "CREATE DATABASE arabic_news_fresh" >/dev/null
		an_psql -d arabic_news_fresh -c "CREATE EXTENSION arabic_news" >/dev/null
		if [ "$(an_psql -d "$udb" -At -c "$catalog_sql")" = "$(an_psql -d arabic_news_fresh -At -c "$catalog_sql")" ]; then
			echo "  ok - the updated catalog equals a fresh install of $default_version"
			passed=$((passed + 1))
		else
			echo "  not ok - the updated catalog differs from a fresh install of $default_version"
			failed=$((failed + 1))
		fi
		TAP_OPTS="--set default_version=$default_version" run_tap "$udb" test/upgrade/after_update.sql
		# every pg_regress test again, on the updated install (the tests
		# create the extension only IF NOT EXISTS)
		run_regress "$udb" .build/upgrade existing
	else
		echo "  not ok - installing $oldest and updating it to $default_version failed"
		failed=$((failed + 1))
	fi
fi

echo "== sharding: two postgres_fdw shards and a coordinator on 127.0.0.1 (test/sharding)"
# run_core_test counts the TAP lines, and a silent non-zero exit as a failure.
run_core_test test/sharding/run.sh "test/sharding/run.sh"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

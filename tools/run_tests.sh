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
fuzz_out=$(FUZZ_SMOKE=${FUZZ_SMOKE:-20000} bash tools/fuzz.sh 2>&1)
echo "$fuzz_out" | sed 's/^/  /'
count_tap >/dev/null <<<"$fuzz_out"

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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

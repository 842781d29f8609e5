#!/usr/bin/env bash
# fuzz.sh — "make fuzz SECONDS=n": every libFuzzer target in test/fuzz/ for n
# seconds each (clang, -fsanitize=fuzzer,address,undefined).  Seeds come from
# test/fuzz/corpus/ plus, when ../shared is there, 200 corpus articles.
# Prints one line per target with its execution count; exits 1 on a finding.
#
# FUZZ_SMOKE=N instead runs N inputs per target with a fixed seed from the
# seeds alone, so the short run inside "make test" is the same on every
# machine and cannot turn CI red by chance; time-based runs are for make fuzz.
#
# FUZZ_RUNS=N runs N executions per target instead of a time budget (the
# 10-million-execution runs of the hardening issue); FUZZ_TARGETS="stem numbers"
# limits the run to those targets; FUZZ_MAX_LEN caps the input size (65536 by
# default: a long article; 4096, a news paragraph, is several times faster).
set -uo pipefail
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$AN_ROOT"
secs=${SECONDS_PER_TARGET:-${1:-10}}
CLANG=$(command -v clang || command -v clang-14 || true)
if [ -z "$CLANG" ]; then
	echo "fuzz: clang not found (apt-get install clang); skipped"
	exit 0
fi
# smoke runs build and log apart, so "make test" never touches a long run in progress
out=.build/fuzz; [ -n "${FUZZ_SMOKE:-}" ] && out=.build/fuzz-smoke
rm -rf "$out/seeds"; mkdir -p "$out/seeds"
cp test/fuzz/corpus/* "$out/seeds/"
shared=${AN_SHARED:-../shared}
if [ -z "${FUZZ_SMOKE:-}" ] && [ -f "$shared/corpus/arabic_news_sample.tsv" ] && [ ! -f "$out/seeds/article_000" ]; then
	head -200 "$shared/corpus/arabic_news_sample.tsv" | cut -f4 | cut -c1-2000 |
		split -l 1 -d -a 3 - "$out/seeds/article_"
fi
status=0
for src in test/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	if [ -n "${FUZZ_TARGETS:-}" ] && ! [[ " $FUZZ_TARGETS " == *" ${name#fuzz_} "* ]]; then
		continue
	fi
	"$CLANG" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Isrc/core $(pkg-config --cflags icu-uc icu-i18n) -o "$out/$name" "$src" \
		$(ls src/core/*.c) $(pkg-config --libs icu-uc icu-i18n) -lm || { status=1; continue; }
	log=$out/$name.log
	if [ -n "${FUZZ_SMOKE:-}" ]; then
		rm -rf "$out/smoke_$name"; mkdir -p "$out/smoke_$name"
		"$out/$name" -runs="$FUZZ_SMOKE" -seed=1 -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
			-artifact_prefix="$out/$name-" "$out/smoke_$name" "$out/seeds" >"$log" 2>&1
		rc=$?
		label="seed 1"
	else
		mkdir -p "$out/corpus_$name"
		if [ -n "${FUZZ_RUNS:-}" ]; then
			budget="-runs=$FUZZ_RUNS"; label="$FUZZ_RUNS runs"
		else
			budget="-max_total_time=$secs"; label="${secs}s"
		fi
		"$out/$name" $budget -max_len="${FUZZ_MAX_LEN:-65536}" -timeout=10 -rss_limit_mb=4096 \
			-print_final_stats=1 -artifact_prefix="$out/$name-" "$out/corpus_$name" "$out/seeds" >"$log" 2>&1
		rc=$?
		label="$label, max_len ${FUZZ_MAX_LEN:-65536}"
	fi
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
	[ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
	if [ $rc -eq 0 ]; then
		echo "ok - $name: ${execs:-?} executions (${label}), no finding"
	else
		echo "not ok - $name: finding after ${execs:-?} executions (${label}; see $log)"
		tail -30 "$log"
		status=1
	fi
done
exit $status

#!/usr/bin/env bash
# run_bench.sh — "make bench": every test/bench/bench_*.sh on one throwaway
# cluster, each printing its figures as ratios to built-in functions
# measured in the same run.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$AN_ROOT"
source tools/cluster.sh
an_cluster_start
trap an_cluster_stop EXIT
for b in test/bench/bench_*.sh; do
	echo "== $(basename "$b" .sh)"
	bash "$b"
done

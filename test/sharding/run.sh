#!/usr/bin/env bash
# run.sh — "make test-sharding" (and a phase of "make test"): arabic_news
# sharded with postgres_fdw.  Starts two shard clusters and a coordinator on
# 127.0.0.1 (tools/cluster.sh an_node_start), gives the shards
# test/sharding/shard.sql and the coordinator test/sharding/coordinator.sql,
# loads the same news documents into the sharded table and into a local
# table on the coordinator, and runs test/sharding/pushdown.sql there: the
# conditions of the extension are in the shards' Remote SQL, and the answers
# equal the local table's.
#
# Documents: every paragraph of data/demo/*.txt and each article whole; with
# ../shared also the paragraphs of ../shared/seeds/*.txt and the first
# SHARDING_CORPUS_ROWS (300) articles of ../shared/corpus/arabic_news_sample.tsv.
#
# Prints TAP lines ("ok …" / "not ok …"), then "N passed, N failed"; exits 1
# on any failure.
set -uo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$AN_ROOT"
source tools/cluster.sh
trap an_nodes_stop EXIT

passed=0
failed=0
tap() {		# status description: one TAP line of this script
	if [ "$1" -eq 0 ]; then echo "ok - $2"; passed=$((passed + 1)); else echo "not ok - $2"; failed=$((failed + 1)); fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# One line per document: source <TAB> text (COPY text format, so \ doubled).
# The demo articles come as paragraphs and then whole (so that pledges and
# entities fall on both shards even without ../shared), first, so that their
# ids do not depend on ../shared.
documents() {
	local shared f
	shared=$(an_shared_dir)
	for f in data/demo/*.txt; do doc_lines "$f"; done
	for f in data/demo/*.txt; do tr '\n' ' ' <"$f" | doc_lines /dev/stdin "$f"; done
	[ -n "$shared" ] || return 0
	for f in "$shared"/seeds/*.txt; do [ -f "$f" ] && doc_lines "$f"; done
	if [ -f "$shared/corpus/arabic_news_sample.tsv" ]; then
		head -n "${SHARDING_CORPUS_ROWS:-300}" "$shared/corpus/arabic_news_sample.tsv" |
			awk -F'\t' '{ gsub(/\\/, "\\\\", $4); print "corpus/" $1 "\t" $4 }'
	fi
}
doc_lines() {	# file [name]: each non-empty line of file as a document
	awk -v src="$(basename "$(dirname "${2:-$1}")")/$(basename "${2:-$1}" .txt)" \
		'NF { gsub(/\\/, "\\\\"); gsub(/\t/, " "); print src "\t" $0 }' "$1"
}

# Not in a $(…) subshell: an_node_start records each node in this shell.
log=$(mktemp)
{ an_node_start shard1 && an_node_start shard2 && an_node_start coordinator; } >"$log" 2>&1
tap $? "two shard clusters and a coordinator started on 127.0.0.1"
sed 's/^/# /' "$log"
rm -f "$log"
[ "$failed" -eq 0 ] || finish

setup() {
	local s
	for s in shard1 shard2; do
		an_node_psql "$s" -d postgres -c "CREATE DATABASE news" &&
			an_node_psql "$s" -d news -f test/sharding/shard.sql || return 1
	done
	an_node_psql coordinator -d postgres -c "CREATE DATABASE news" &&
		an_node_psql coordinator -d news -v shard1_port="$(an_node_port shard1)" \
			-v shard2_port="$(an_node_port shard2)" -v shard_user="$(an_server_user)" \
			-f test/sharding/coordinator.sql || return 1
	documents >"$AN_NODES_TMP/documents.tsv"
	# The same rows, ids included, in a local table and through the
	# partitioned table (INSERT routes each row to its shard).
	an_node_psql coordinator -d news <<SQL
CREATE TABLE news_local (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source text NOT NULL, body text NOT NULL);
\copy news_local (source, body) FROM '$AN_NODES_TMP/documents.tsv'
INSERT INTO news SELECT id, source, body FROM news_local;
SQL
}
out=$(setup 2>&1)
tap $? "shards and coordinator set up, $(an_node_psql coordinator -d news -Atc "SELECT count(*) FROM news_local" 2>/dev/null) documents loaded into the sharded and the local table"
[ "$failed" -eq 0 ] || { echo "$out" | sed 's/^/# /'; finish; }

# A shard answers the conditions it is sent from its own GIN index (with
# sequential scans off: a few hundred rows would not need the index).
index_check() {
	local remote
	remote=$(an_node_psql coordinator -d news -At -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM news
		WHERE to_tsvector('arabic_news', body) @@ websearch_to_tsquery('arabic_news', 'الإنفاق')
		AND ar_entity_keys(body) @> '{ORG:حلف شمال الأطلسي}' AND ar_pledge_keys(body) @> '{kind:percent}'" |
		sed -n 's/^ *Remote SQL: //p' | head -1)
	echo "$remote"
	an_node_psql shard1 -d news -At -c "SET enable_seqscan = off" -c "EXPLAIN (COSTS OFF) $remote"
}
out=$(index_check 2>&1)
grep -q "Bitmap Index Scan on news_analysis" <<<"$out"
tap $? "a shard runs the shipped conditions through its GIN index (Bitmap Index Scan on news_analysis)"
grep -q "Bitmap Index Scan on news_analysis" <<<"$out" || echo "$out" | sed 's/^/# /'

# pgTAP on the coordinator; a file that dies before its plan ends counts as a failure.
out=$(pg_prove --verbose -h 127.0.0.1 -p "$(an_node_port coordinator)" -U "$(an_server_user)" -d news \
	test/sharding/pushdown.sql 2>&1)
rc=$?
while IFS= read -r line; do
	case "$line" in
		"ok "*) passed=$((passed + 1)); echo "$line" ;;
		"not ok "*) failed=$((failed + 1)); echo "$line" ;;
		"#"*) echo "$line" ;;
	esac
done <<<"$out"
if [ $rc -ne 0 ] && ! grep -q "^not ok" <<<"$out"; then
	echo "$out" | tail -20 | sed 's/^/# /'
	tap 1 "test/sharding/pushdown.sql ran to the end of its plan"
fi
finish

#!/usr/bin/env bash
# demo.sh — "make demo": arabic_news doing its main job on a throwaway cluster.
#
#   make demo                 the news paragraphs shipped in data/demo/
#   make demo DOCS=dir        every *.txt in dir instead (first line = headline)
#   make demo KEEP=1          leave the cluster running and print how to connect
#
# Builds, installs into a private copy of the server tree, starts a cluster
# as a non-root user, loads the documents into a table "news" and prints the
# showcase queries of tools/demo/*.sql, in file order.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$AN_ROOT"
source tools/cluster.sh

DOCS=${DOCS:-data/demo}
KEEP=${KEEP:-}
[ -d "$DOCS" ] || { echo "demo: DOCS=$DOCS is not a directory" >&2; exit 1; }
DOCS=$(cd "$DOCS" && pwd)
ls "$DOCS"/*.txt >/dev/null 2>&1 || { echo "demo: no *.txt files in $DOCS" >&2; exit 1; }

bash tools/deps.sh build
echo "== building and starting a throwaway cluster"
an_cluster_start
if [ -z "$KEEP" ]; then trap an_cluster_stop EXIT; fi
an_psql -d postgres -c "CREATE DATABASE arabic_news_demo" >/dev/null

# Load each document: headline = first non-empty line, body = the rest.
load=$AN_TMP/load.sql
{
	echo "CREATE EXTENSION arabic_news;"
	echo "CREATE TABLE news (id serial PRIMARY KEY, doc text NOT NULL, title text, body text NOT NULL);"
	for f in "$DOCS"/*.txt; do
		printf "\\\\set doc '%s'\n" "$(basename "$f" .txt | sed "s/'/''/g")"
		printf "\\\\set content \`cat '%s'\`\n" "$f"
		echo "INSERT INTO news (doc, title, body) SELECT :'doc', split_part(btrim(:'content', E' \\n'), E'\\n', 1), btrim(substr(btrim(:'content', E' \\n'), length(split_part(btrim(:'content', E' \\n'), E'\\n', 1)) + 1), E' \\n');"
	done
} >"$load"
an_psql -d arabic_news_demo -f "$load" >/dev/null
echo "== loaded $(an_psql -d arabic_news_demo -Atc 'SELECT count(*) FROM news') documents from $DOCS"

for q in tools/demo/*.sql; do
	echo
	an_psql -d arabic_news_demo -P pager=off -f "$q"
done

if [ -n "$KEEP" ]; then
	echo
	echo "The cluster keeps running. Connect with:"
	echo "  psql -h $AN_SOCK -p $AN_PORT -U $AN_USER arabic_news_demo"
	echo "Stop it with:"
	if [ "$(id -u)" -eq 0 ]; then
		echo "  runuser -u nobody -- $AN_BIN/pg_ctl -D $AN_DATA stop && rm -rf $AN_TMP"
	else
		echo "  $AN_BIN/pg_ctl -D $AN_DATA stop && rm -rf $AN_TMP"
	fi
fi

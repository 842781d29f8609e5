#!/usr/bin/env bash
# eval_ner.sh — "make eval-ner": entity-level exact-span F1 of ar_entities on
# ../shared/eval/ner (conventions in its README and in ner_score.py).
#
# Each sentence (tokens joined by one space) goes through ar_entities() on a
# throwaway cluster; NAT rows and MISC/GRP/FAC gold are not scored.  The
# ANERcorp train split is a development figure, not a score.
#
# CONTEXT=N (default 0) is a separate, document-context variant: each
# sentence is tagged after the N sentences before it in the corpus (joined
# by newlines), as when ar_entities reads a whole article, and only the
# entities inside the sentence itself are scored.  Sentences of the next
# article can be in that window too.  The headline figure is CONTEXT=0.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$AN_ROOT"
NER=${NER_DIR:-../shared/eval/ner}
if [ ! -d "$NER" ]; then
	echo "eval-ner: $NER not found, skipped"
	exit 0
fi
source tools/cluster.sh
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -c "CREATE EXTENSION arabic_news" >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
for set in ${SETS:-anercorp_camel_test newsfane_gold anercorp_camel_train}; do
	if [ "$set" = ant_dev ]; then
		corpus=../shared/corpus/arabic_news_ant.tsv.gz
		[ -f "$corpus" ] || { echo "$set: $corpus missing, skipped"; continue; }
		gold="$work/ant_dev.conll"
		python3 test/eval/ner_dev/to_conll.py --out "$gold" ../shared/corpus
	else
		gold="$NER/$set/$( [ "$set" = anercorp_camel_train ] && echo train || echo test ).conll"
	fi
	[ -f "$gold" ] || { echo "$set: $gold missing, skipped"; continue; }
	ctx=${CONTEXT:-0}
	python3 test/eval/ner_score.py sentences "$gold" "$work/$set.txt" "$ctx"
	if [ "$ctx" -gt 0 ]; then
		an_psql -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS ner_sent;
CREATE TABLE ner_sent (sid serial PRIMARY KEY, ctx text, txt text);
\copy ner_sent (ctx, txt) FROM '$work/$set.txt'
\copy (SELECT s.sid, e.kind, e.start_pos - s.off, e.end_pos - s.off FROM (SELECT sid, txt, CASE WHEN ctx = '' THEN '' ELSE ctx || E'\\n' END AS pre, CASE WHEN ctx = '' THEN 0 ELSE length(ctx) + 1 END AS off FROM ner_sent) AS s, ar_entities(s.pre || s.txt) AS e WHERE e.start_pos > s.off ORDER BY s.sid, e.start_pos) TO '$work/$set.pred'
SQL
	else
		an_psql -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS ner_sent;
CREATE TABLE ner_sent (sid serial PRIMARY KEY, txt text);
\copy ner_sent (txt) FROM '$work/$set.txt'
\copy (SELECT s.sid, e.kind, e.start_pos, e.end_pos FROM ner_sent AS s, ar_entities(s.txt) AS e ORDER BY s.sid, e.start_pos) TO '$work/$set.pred'
SQL
	fi
	label=$set
	[ "$set" = anercorp_camel_train ] && label="$label (development split, not a score)"
	[ "$ctx" -gt 0 ] && label="$label (document context: $ctx sentences before)"
	python3 test/eval/ner_score.py score "$gold" "$work/$set.pred" "$label"
done
rm -rf "$work"

#!/usr/bin/env bash
# eval_ner.sh — "make eval-ner": entity-level exact-span F1 of ar_entities on
# ../shared/eval/ner (conventions in its README and in ner_score.py).
#
# Each sentence (tokens joined by one space) goes through ar_entities() on a
# throwaway cluster; NAT rows and MISC/GRP/FAC gold are not scored.  The
# ANERcorp train split is a development figure, not a score.
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
	gold="$NER/$set/$( [ "$set" = anercorp_camel_train ] && echo train || echo test ).conll"
	[ -f "$gold" ] || { echo "$set: $gold missing, skipped"; continue; }
	python3 test/eval/ner_score.py sentences "$gold" "$work/$set.txt"
	an_psql -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS ner_sent;
CREATE TABLE ner_sent (sid serial PRIMARY KEY, txt text);
\copy ner_sent (txt) FROM '$work/$set.txt'
\copy (SELECT s.sid, e.kind, e.start_pos, e.end_pos FROM ner_sent AS s, ar_entities(s.txt) AS e ORDER BY s.sid, e.start_pos) TO '$work/$set.pred'
SQL
	label=$set
	[ "$set" = anercorp_camel_train ] && label="$set (development split, not a score)"
	python3 test/eval/ner_score.py score "$gold" "$work/$set.pred" "$label"
done
rm -rf "$work"

#!/usr/bin/env bash
# eval_pledges.sh — "make eval-pledges": ar_pledges against the judged pledge
# set of test/eval/pledges/ (sampling, guideline and matching rules in its
# README.md, GUIDELINE.md and score.py).
#
# The sentences are recovered from ../shared/corpus by their ids and offsets
# (the repository keeps no corpus text), run through ar_pledges one sentence
# at a time on a throwaway cluster, and scored per half: dev (tuned on), dev2
# (the second dev set, drawn from the dev half's articles) and test (reported
# only).  HALF="dev", HALF=dev2 or HALF="dev dev2" scores only those halves
# (so tuning never shows the test figures); HALF=train scores the training set
# (sample_train.tsv, for a learned classifier), HALF=train2 and HALF=train3
# the second and third (sample_train2.tsv, sample_train3.tsv); none of them is
# among the default halves.  ERRORS=1 also lists the dev and
# dev2 misses, false pledges and wrong amounts/actors with their sentences;
# the test half's errors are never printed.  PLEDGE_MODEL=off scores the
# grammar alone (arabic_news.pledge_model; on, the default, is the trained
# classifier).  KEEP_WORK=1 keeps the sentences and
# predictions (pred.tsv) in a temporary directory it names.
set -euo pipefail
HALVES=${HALF:-dev dev2 test}
for h in $HALVES; do
	case $h in dev|dev2|train|train2|train3|test) ;; *) echo "eval-pledges: HALF must name dev, dev2, train, train2, train3 or test, not '$h'" >&2; exit 2 ;; esac
done
AN_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$AN_ROOT"
export CORPUS_DIR=${CORPUS_DIR:-../shared/corpus}
if [ ! -f "$CORPUS_DIR/arabic_news_ant.tsv.gz" ] || [ ! -f "$CORPUS_DIR/arabic_news_saudinewsnet.tsv.gz" ]; then
	echo "eval-pledges: $CORPUS_DIR not found, skipped"
	exit 0
fi
work=$(mktemp -d)
chmod 755 "$work"
python3 test/eval/pledges/score.py sentences "$work/sent.copy"
python3 test/eval/pledges/score.py actors "$work/actors.copy"
chmod 644 "$work/sent.copy" "$work/actors.copy"
source tools/cluster.sh
an_cluster_start
trap 'an_cluster_stop; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
[ -z "${KEEP_WORK:-}" ] || echo "eval-pledges: sentences and predictions kept in $work" >&2
an_psql -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION arabic_news;
SET arabic_news.pledge_model = ${PLEDGE_MODEL:-on};
CREATE TABLE pledge_sent (sid text PRIMARY KEY, txt text NOT NULL);
\copy pledge_sent FROM '$work/sent.copy'
CREATE TABLE pledge_actor (actor text);
\copy pledge_actor FROM '$work/actors.copy'
-- ar_actor_entity gives no row when the actor names no entity: LEFT JOIN it
\copy (SELECT s.sid, p.kind, p.value, p.unit, p.actor, p.cue, p.surface, e.canonical FROM pledge_sent AS s CROSS JOIN ar_pledges(s.txt) AS p LEFT JOIN LATERAL ar_actor_entity(p.actor) AS e ON true ORDER BY s.sid, p.start_pos) TO '$work/pred.tsv'
\copy (SELECT a.actor, e.canonical FROM pledge_actor AS a LEFT JOIN LATERAL ar_actor_entity(a.actor) AS e ON true) TO '$work/entities.tsv'
SQL
for h in $HALVES; do
	python3 test/eval/pledges/score.py score "$work/pred.tsv" "$h" "$work/entities.tsv" $( [ "${ERRORS:-0}" = 1 ] && echo --errors )
done

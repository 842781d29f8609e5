#!/usr/bin/env bash
# pledge_train.sh — "make train-pledges" and "make cv-pledges": the pledge
# classifier (src/core/pledge_model.h) from the judged training sentences.
#
#   pledge_train.sh train OUT     weights into OUT (data/pledge_model.tsv)
#   pledge_train.sh cv            cross-validation figures only
#   pledge_train.sh eval          train on PLEDGE_HALVES, then the grammar
#                                 alone and the model on each of PLEDGE_EVAL
#
# The sentences come from ../shared/corpus (test/eval/pledges/load.py):
# without it this says so and exits 0.  PLEDGE_HALVES (default "train train2")
# names the judged halves trained on, PLEDGE_EVAL the held-out ones (default
# "dev dev2"; never test); PLEDGE_TRAIN_ARGS the trainer's options.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
halves=${PLEDGE_HALVES:-train train2}
trainer=${PLEDGE_TRAINER:-$AN_ROOT/.build/tools/pledge_train}
corpus=${CORPUS_DIR:-$AN_ROOT/../shared/corpus}
if [ ! -f "$corpus/arabic_news_ant.tsv.gz" ] || [ ! -f "$corpus/arabic_news_saudinewsnet.tsv.gz" ]; then
	echo "pledge_train.sh: $corpus not found, skipped (the training sentences come from the corpus)"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# sentences, candidates and labels of some halves into $work/NAME.*
prepare() {		# name halves...
	local name=$1 h
	shift
	: >"$work/$name.txt"
	for h in "$@"; do
		case $h in test) echo "pledge_train.sh: never the test half" >&2; exit 2 ;; esac
		python3 "$AN_ROOT/test/eval/pledges/load.py" "$h" "$corpus" >>"$work/$name.txt"
	done
	"$trainer" cands "$work/$name.txt" >"$work/$name.cands"
	python3 "$AN_ROOT/tools/pledge_labels.py" labels "$work/$name.cands" "$@" >"$work/$name.labels"
}
# shellcheck disable=SC2086  # the options are words
case $mode in
	train)
		prepare train $halves
		"$trainer" train "$work/train.txt" "$work/train.labels" "$2" ${PLEDGE_TRAIN_ARGS:-} ;;
	cv)
		prepare train $halves
		"$trainer" cv "$work/train.txt" "$work/train.labels" ${PLEDGE_TRAIN_ARGS:-} >/dev/null ;;
	eval)
		prepare train $halves
		"$trainer" train "$work/train.txt" "$work/train.labels" "$work/model.tsv" ${PLEDGE_TRAIN_ARGS:-}
		for h in ${PLEDGE_EVAL:-dev dev2}; do
			prepare "$h" "$h"
			"$trainer" apply "$work/model.tsv" "$work/$h.txt" >"$work/$h.scores"
			python3 "$AN_ROOT/tools/pledge_labels.py" eval "$work/$h.cands" "$work/$h.scores" "$h"
		done ;;
	*) echo "usage: pledge_train.sh train OUT | cv | eval" >&2; exit 2 ;;
esac

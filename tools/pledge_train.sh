#!/usr/bin/env bash
# pledge_train.sh — "make train-pledges" and "make cv-pledges": the pledge
# classifier (src/core/pledge_model.h) from the judged training sentences.
#
#   pledge_train.sh train OUT     weights into OUT (data/pledge_model.tsv)
#   pledge_train.sh cv            cross-validation figures only
#   pledge_train.sh eval          train on PLEDGE_HALVES, then the grammar
#                                 alone and the model on each of PLEDGE_EVAL
#   pledge_train.sh curve         the learning curve: the odd-numbered
#                                 sentences of train3 held out, the model
#                                 trained on train, train + train2, and
#                                 train + train2 + the even half of train3
#
# The sentences come from ../shared/corpus (test/eval/pledges/load.py):
# without it this says so and exits 0.  PLEDGE_HALVES (default "train train2 train3")
# names the judged halves trained on, PLEDGE_EVAL the held-out ones (default
# "dev dev2"; never test); PLEDGE_TRAIN_ARGS the trainer's options.
set -euo pipefail
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
halves=${PLEDGE_HALVES:-train train2 train3}
trainer=${PLEDGE_TRAINER:-$AN_ROOT/.build/tools/pledge_train}
corpus=${CORPUS_DIR:-$AN_ROOT/../shared/corpus}
if [ ! -f "$corpus/arabic_news_ant.tsv.gz" ] || [ ! -f "$corpus/arabic_news_saudinewsnet.tsv.gz" ]; then
	echo "pledge_train.sh: $corpus not found, skipped (the training sentences come from the corpus)"
	exit 0
fi
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"' EXIT
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
	curve)
		prepare all train train2 train3
		# sentences, labels and candidates of one part: "held" (odd train3
		# sids) or the training sids of a step: t (train), tu (+ train2),
		# t3 (+ train3's even sids)
		part() {	# out sid_filter
			local ext
			for ext in txt labels cands; do
				awk -F'\t' -v f="$2" '
					function keep(sid,   n) { n = substr(sid, 2) + 0
						if (sid ~ /^v/) return (f == "held") ? n % 2 == 1 : (f == "t3" && n % 2 == 0)
						if (f == "held") return 0
						return (sid ~ /^t/) || (sid ~ /^u/ && f != "t") }
					keep($1)' "$work/all.$ext" >"$1.$ext"
			done
		}
		part "$work/held" held
		for step in t tu t3; do
			part "$work/$step" "$step"
			"$trainer" train "$work/$step.txt" "$work/$step.labels" "$work/$step.model" ${PLEDGE_TRAIN_ARGS:-} 2>/dev/null
			"$trainer" apply "$work/$step.model" "$work/held.txt" >"$work/$step.scores"
			echo "trained on $(case $step in t) echo train;; tu) echo train + train2;; t3) echo train + train2 + even train3;; esac) ($(wc -l <"$work/$step.txt") sentences, $(awk -F'\t' '$2 >= 0 && $3 == 1' "$work/$step.labels" | wc -l) pledge candidates); held out: odd train3 ($(wc -l <"$work/held.txt") sentences)"
			python3 "$AN_ROOT/tools/pledge_labels.py" eval "$work/held.cands" "$work/$step.scores" train3 "$work/held.txt" |
				sed 's/^train3: /  /'
		done ;;
	*) echo "usage: pledge_train.sh train OUT | cv | eval | curve" >&2; exit 2 ;;
esac

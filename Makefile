# Makefile — arabic_news, built with PGXS against the server pg_config finds.
#
#   make              build the extension
#   make install      install it into the server (needs write access there)
#   make demo         the main job on a throwaway cluster (DOCS=dir, KEEP=1)
#   make test         every test on a throwaway cluster; last line "N passed, N failed"
#   make test-sharding   only the postgres_fdw sharding test (two shards, a coordinator)
#   make bench        speed over ../shared/corpus, as ratios to built-in functions
#   make bench-ranked the ranked-search part of make bench alone (bm25, GIN +
#                     ts_rank, RUM, Lucene++ anchor; BENCH_CORPUS=sample: fast)
#   make bench-entities   ar_entities and ar_entity_keys alone, × to_tsvector('simple')
#   make bench-analysis   pledge keys, BI view creation and refresh (BENCH_CORPUS=ant)
#   make bench-core   MB/s of the plain-C core stages (bench-core-callgrind: profile)
#   make bench-bm25-core   bm25 core: build/decode/top-k speed, bytes per posting, pruning
#   make bench-callgrind  instruction counts of the SQL steps (stable on a busy machine)
#   make eval-search | eval-numbers | eval-ner   quality on ../shared/eval
#                     (SETS=ant_dev: the hand-judged ANT dev set, test/eval/ner_dev/)
#   make eval-pledges   ar_pledges on the judged pledge set (test/eval/pledges/,
#                     sentences from ../shared/corpus; HALF="dev dev2" scores only
#                     those halves, HALF=train, train2 or train3 the
#                     training sets; ERRORS=1 lists dev, dev2 and train errors)
#   make train-pledges   retrain the pledge classifier (data/pledge_model.tsv)
#                     from the judged training halves (PLEDGE_HALVES, text from
#                     ../shared/corpus); cv-pledges: its cross-validation;
#                     eval-pledges-model: grammar alone vs model on dev, dev2;
#                     curve-pledges: the learning curve on held-out train3
#   make eval-pledges-agreement   agreement of two judges on dev, dev2 and test
#                     (judgments only, no corpus; LIST=1 lists dev and dev2
#                     disagreements)
#   make eval-search-sim SIM="..."   ranking what-ifs on dumped tsvectors
#   make fuzz SECONDS=n   every libFuzzer target for n seconds each
#   make reliability-bm25-crash | -standby | -walcheck | -load   the bm25 index
#                     under kill -9, a streaming standby, wal_consistency_checking,
#                     pgbench (minutes each; make test runs short versions)
#   make test-bm25-topk   index top k vs exhaustive bm25_score, corpus sample
#   make regen        rebuild generated C tables from data/
#   make dist         the release archive of HEAD: arabic_news-<version>.zip

EXTENSION  = arabic_news
# The version lives in one place: the control file.
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = arabic_news
CORE_SRCS  = $(sort $(wildcard src/core/*.c))
GLUE_SRCS  = $(sort $(wildcard src/pg_*.c))
OBJS       = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The trained entity model (src/core/ner_model.h) is installed beside the
# install scripts: $(pg_config --sharedir)/extension/arabic_news_ner.model.
DATA         = $(wildcard sql/$(EXTENSION)--*.sql) data/arabic_news_ner.model
DATA_TSEARCH = $(wildcard data/*.stop)

# pg_regress runs every sql/<feature>.sql that is not an install script.
REGRESS      = $(sort $(notdir $(basename $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CONFIG ?= pg_config
ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)
PG_CPPFLAGS = -Isrc/core $(ICU_CFLAGS)
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
# libm: the bm25 core's IDF uses log()
CORE_LIBS   = $(ICU_LIBS) -lm
SHLIB_LINK  = $(CORE_LIBS)

EXTRA_CLEAN = .build results regression.diffs regression.out

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifeq ($(wildcard $(PGXS)),)
# No server headers yet: only the targets that can install them work.
.DEFAULT_GOAL := nopgxs
nopgxs:
	@bash tools/deps.sh build
	@$(MAKE) --no-print-directory
else
include $(PGXS)
endif

# PGXS does not track header dependencies: rebuild when any header changes.
$(OBJS): $(wildcard src/core/*.h src/*.h)

# ---- core (plain C) unit tests, built outside PGXS, optionally with sanitizers
CORE_TESTS   = $(sort $(basename $(notdir $(wildcard test/core/test_*.c))))
CORE_CC     ?= cc
CORE_CFLAGS ?= -O1 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
.build/core/%: test/core/%.c $(CORE_SRCS) $(wildcard src/core/*.h) test/core/unit.h
	@mkdir -p .build/core
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS)

core-tests: $(addprefix .build/core/,$(CORE_TESTS))

# ---- core microbenchmark: MB/s of each core stage on ../shared/corpus text,
# -O2 like the server build; the callgrind variant gives instruction counts.
BENCH_CFLAGS    ?= -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
BENCH_TSV       ?= ../shared/corpus/arabic_news_sample.tsv
BENCH_CORE_ARGS ?=
.build/bench/core_bench: test/bench/core_bench.c $(CORE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p .build/bench
	$(CORE_CC) $(BENCH_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS)

bench-core: .build/bench/core_bench
	.build/bench/core_bench $(BENCH_CORE_ARGS) $(BENCH_TSV)

# bm25 core: build, decode and top-k speed, bytes per posting, pruning
.build/bench/bm25_bench: test/bench/bm25_bench.c $(CORE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p .build/bench
	$(CORE_CC) $(BENCH_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS)

bench-bm25-core: .build/bench/bm25_bench
	.build/bench/bm25_bench $(BENCH_TSV)

bench-core-callgrind: .build/bench/core_bench
	valgrind --tool=callgrind --callgrind-out-file=.build/bench/callgrind.out \
		.build/bench/core_bench -n 1 $(BENCH_CORE_ARGS) $(BENCH_TSV)
	callgrind_annotate --inclusive=yes .build/bench/callgrind.out | head -40

bench-analysis:
	@bash test/bench/bench_analysis.sh

# ---- the tools of tools/*.c (trainers, corpus counters), with the core
# linked in and -O2 like the server build.
.build/tools/%: tools/%.c $(CORE_SRCS) $(wildcard src/core/*.h tools/*.h)
	@mkdir -p .build/tools
	$(CORE_CC) $(BENCH_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS)

# ---- the trained entity model: "make train-ner" retrains it from the
# ANERcorp train split into $(GEN_DATA) (settings chosen by "make cv-ner",
# cross-validation on that split only; docs/entities.md has the figures).
NER_TRAIN_CONLL ?= $(SHARED_DIR)/eval/ner/anercorp_camel_train/train.conll
NER_EPOCHS      ?= 6
NER_HASH_BITS   ?= 16
NER_TRAIN_ARGS   = -e $(NER_EPOCHS) -b $(NER_HASH_BITS)
.PHONY: train-ner cv-ner regen-ner-lexicon regen-ner-clusters
train-ner: .build/tools/ner_train
	@mkdir -p $(GEN_DATA)
	.build/tools/ner_train train $(NER_TRAIN_CONLL) $(GEN_DATA)/arabic_news_ner.model $(NER_TRAIN_ARGS)

# How often the rules tag each corpus word as PER/ORG/LOC, a feature of the
# model (reviewed, committed; make regen compiles it into ner_lexicon_table.h).
regen-ner-lexicon: .build/tools/ner_lexicon
	@mkdir -p $(GEN_DATA)
	.build/tools/ner_lexicon $(wildcard $(SHARED_DIR)/corpus/arabic_news_*.tsv.gz) > $(GEN_DATA)/ner_lexicon.tsv

# Word classes learnt from the words around each word in the ANT news
# corpus, a feature of the model (reviewed, committed; make regen compiles
# data/ner_clusters.tsv into ner_clusters_table.h).  About 5 minutes.
regen-ner-clusters: .build/tools/ner_clusters
	@mkdir -p $(GEN_DATA)
	.build/tools/ner_clusters $(ANT_CORPUS) > $(GEN_DATA)/ner_clusters.tsv

cv-ner: .build/tools/ner_train
	.build/tools/ner_train cv $(NER_TRAIN_CONLL) $(NER_TRAIN_ARGS) -k $(or $(FOLDS),5)

# ---- the trained pledge classifier: "make train-pledges" retrains it from
# the judged training sentences of test/eval/pledges/ (PLEDGE_HALVES, their
# text from ../shared/corpus) into $(GEN_DATA)/pledge_model.tsv, which "make
# regen" compiles into src/core/pledge_model_table.h; "make cv-pledges"
# prints its cross-validation figures, "make eval-pledges-model" the grammar
# alone and the model on dev and dev2 (docs/numbers.md has the figures).
PLEDGE_HALVES     ?= train train2 train3
PLEDGE_TRAIN_ARGS ?= -e 10 -k 10
.PHONY: train-pledges cv-pledges eval-pledges-model curve-pledges
train-pledges: .build/tools/pledge_train
	@mkdir -p $(GEN_DATA)
	@PLEDGE_HALVES="$(PLEDGE_HALVES)" PLEDGE_TRAIN_ARGS="$(PLEDGE_TRAIN_ARGS)" \
		bash tools/pledge_train.sh train $(GEN_DATA)/pledge_model.tsv
cv-pledges: .build/tools/pledge_train
	@PLEDGE_HALVES="$(PLEDGE_HALVES)" PLEDGE_TRAIN_ARGS="$(PLEDGE_TRAIN_ARGS)" bash tools/pledge_train.sh cv
eval-pledges-model: .build/tools/pledge_train
	@PLEDGE_HALVES="$(PLEDGE_HALVES)" PLEDGE_TRAIN_ARGS="$(PLEDGE_TRAIN_ARGS)" bash tools/pledge_train.sh eval
curve-pledges: .build/tools/pledge_train
	@PLEDGE_TRAIN_ARGS="$(PLEDGE_TRAIN_ARGS)" bash tools/pledge_train.sh curve

# Instruction counts of the SQL benchmark steps (single-user backend under callgrind).
bench-callgrind:
	@bash test/bench/callgrind_sql.sh

.PHONY: train-ner cv-ner regen-ner-lexicon dist bench-bm25-core bench-analysis reliability-scaling reliability-cancel reliability-load reliability-memory fuzz deps demo test bench bench-core bench-core-callgrind bench-callgrind eval-normalize eval-search eval-search-sim eval-numbers eval-ner regen regen-places regen-entities regen-entities-common regen-stem-own regen-search-common core-tests nopgxs bench-ranked reliability-bm25-crash reliability-bm25-standby reliability-bm25-walcheck reliability-bm25-load test-bm25-topk eval-pledges eval-pledges-agreement
deps:
	@bash tools/deps.sh test
demo:
	@bash tools/demo.sh
test:
	@bash tools/run_tests.sh
.PHONY: test-sharding
test-sharding:
	@bash test/sharding/run.sh
bench:
	@bash test/bench/run_bench.sh
bench-ranked:
	@BENCH_ONLY=ranked bash test/bench/run_bench.sh
.PHONY: bench-entities
bench-entities:
	@BENCH_ONLY=entities bash test/bench/run_bench.sh
eval-search:
	@bash test/eval/eval_search.sh
# What-ifs for ranking: dump the arabic_news tsvectors once, re-rank them as
# ts_rank would under each experiment of SIM (see test/eval/rank_sim.py).
SIM ?= baseline lead-dup:30:3 lead-echo:30:3:30 lead-echo:30:2:30 lead-mark:30 tf-cap:2
eval-search-sim:
	@EVAL_CONFIGS= EVAL_DUMP=.build/search_dump bash test/eval/eval_search.sh
	@if [ -s .build/search_dump/docs.tsv ]; then python3 test/eval/rank_sim.py .build/search_dump $(SIM); fi
eval-numbers:
	@bash test/eval/eval_numbers.sh
fuzz:
	@SECONDS_PER_TARGET=$(or $(SECONDS),60) bash tools/fuzz.sh
reliability-load:
	@bash test/reliability/load.sh
reliability-bm25-crash:
	@bash test/reliability/bm25_crash.sh
reliability-bm25-standby:
	@bash test/reliability/bm25_standby.sh
reliability-bm25-walcheck:
	@bash test/reliability/bm25_walcheck.sh
reliability-bm25-load:
	@bash test/reliability/bm25_load.sh
test-bm25-topk:
	@bash test/bm25/topk_corpus.sh
reliability-cancel:
	@bash test/reliability/cancel.sh
reliability-scaling:
	@bash test/reliability/scaling.sh
reliability-memory:
	@bash test/reliability/memory.sh
eval-normalize:
	@bash test/eval/eval_normalize.sh
eval-pledges:
	@bash test/eval/eval_pledges.sh
eval-pledges-agreement:
	@python3 test/eval/pledges/agreement.py $(if $(LIST),--list)
eval-ner:
	@bash test/eval/eval_ner.sh
# The release archive: HEAD as committed (git archive), named and rooted
# arabic_news-<version> with the version of the control file, in DIST_DIR.
DIST_DIR ?= dist
DIST      = $(DIST_DIR)/$(EXTENSION)-$(EXTVERSION).zip
dist:
	@git diff --quiet HEAD -- || echo "dist: uncommitted changes are not in the archive (it is HEAD)"
	@mkdir -p $(DIST_DIR)
	git archive --format=zip --prefix=$(EXTENSION)-$(EXTVERSION)/ --output=$(DIST) HEAD
	@echo "$(DIST)"

# Generated files are written under GEN_OUT (default: this tree), so that
# make test can regenerate them into a scratch directory and compare.
GEN_OUT ?= .
GEN_H    = $(GEN_OUT)/src/core
GEN_DATA = $(GEN_OUT)/data
SHARED_DIR = $(or $(AN_SHARED),../shared)

regen:
	@mkdir -p $(GEN_H)
	python3 data/gen_normalize_folds.py data/normalize_folds.tsv > $(GEN_H)/normalize_folds.h
	python3 data/gen_normalize_table.py data/normalize.tsv data/normalize_folds.tsv > $(GEN_H)/normalize_table.h
	python3 data/gen_stem_table.py data/stem_exceptions.tsv data/stem_known.tsv data/stem_waw.tsv data/stem_own.tsv > $(GEN_H)/stem_table.h
	python3 data/gen_entities_table.py data > $(GEN_H)/entities_table.h
	python3 data/gen_number_lexicon.py data > $(GEN_H)/numlex_table.h
	python3 data/gen_rare_table.py data/search_common.tsv > $(GEN_H)/rare_table.h
	python3 data/gen_ner_lexicon.py data/ner_lexicon.tsv data/ner_clusters.tsv > $(GEN_H)/ner_lexicon_table.h
	python3 data/gen_pledge_context.py data/pledge_context.tsv > $(GEN_H)/pledge_context_table.h
	python3 data/gen_pledge_model.py data/pledge_model.tsv > $(GEN_H)/pledge_model_table.h

# Words whose first ل is their own, counted in the news corpus (reviewed,
# then committed; "make regen" compiles them into the stemmer's table).
regen-stem-own:
	@mkdir -p $(GEN_DATA)
	python3 data/gen_stem_own.py $(wildcard $(SHARED_DIR)/corpus/arabic_news_*.tsv.gz) > $(GEN_DATA)/stem_own.tsv

# Lexemes common in news (in 1 of 5,000 ANT articles or more), counted with
# to_tsvector('arabic_news') on a throwaway cluster; the others get rarity
# marks (src/core/rare.h).  Reviewed, committed, compiled by "make regen".
ANT_CORPUS = $(SHARED_DIR)/corpus/arabic_news_ant.tsv.gz
regen-search-common:
	@mkdir -p $(GEN_DATA)
	bash tools/lexeme_df.sh $(ANT_CORPUS) | python3 data/gen_search_common.py $(ANT_CORPUS) > $(GEN_DATA)/search_common.tsv

# Arabic country and exemplar-city names, and the Arabic names of every
# ISO 4217 currency, from the ICU/CLDR on this machine (reviewed, then
# committed; regen-entities and regen compile them into C tables).
regen-places:
	@mkdir -p .build $(GEN_DATA)
	$(CXX) -O1 -o .build/gen_cldr_places data/gen_cldr_places.cpp $(ICU_CFLAGS) $(ICU_LIBS)
	.build/gen_cldr_places > $(GEN_DATA)/places_cldr.tsv
	$(CXX) -O1 -o .build/gen_cldr_currencies data/gen_cldr_currencies.cpp $(ICU_CFLAGS) $(ICU_LIBS)
	.build/gen_cldr_currencies > $(GEN_DATA)/currencies_cldr.tsv
# Common words of news text, counted in the corpus (needs ../shared/corpus).
regen-entities-common:
	@mkdir -p $(GEN_DATA)
	python3 data/gen_entities_common.py $(wildcard $(SHARED_DIR)/corpus/arabic_news_*.tsv.gz) > $(GEN_DATA)/entities_common.txt
regen-entities:
	@mkdir -p $(GEN_H)
	python3 data/gen_entities_table.py data > $(GEN_H)/entities_table.h

/*
 * pledge_model.h — the trained pledge classifier: which money and percent
 * mentions are pledges, decided by a linear model over the hashed features
 * of pledge_features.h, starting from the grammar's own reading.
 *
 * The model is an averaged perceptron (binary): a candidate is a pledge
 * when the sum of the weights of its features, plus a prior when the
 * grammar calls it a pledge (minus it when not), reaches the threshold;
 * prior and threshold are chosen by cross-validation, so the grammar's
 * decision stands unless the features argue strongly against it.  The
 * weights are trained by tools/pledge_train.c ("make train-pledges") from
 * the judged training sentences of test/eval/pledges/, written to
 * data/pledge_model.tsv and compiled into pledge_model_table.h ("make
 * regen"): a feature's low `hash_bits` bits pick its slot; slots with a
 * zero weight are left out.  Nothing is read at run time.
 */
#ifndef AR_PLEDGE_MODEL_H
#define AR_PLEDGE_MODEL_H

#include "pledges.h"

/* Weights over hash slots: sorted slots, one weight each. */
typedef struct ArPledgeWeights
{
	const uint32_t *slots;
	const int32_t *weights;
	size_t		n;
	uint32_t	hash_bits;
	int32_t		prior;			/* added when the grammar accepts, taken off when not */
	int32_t		threshold;		/* a pledge when the score reaches it */
} ArPledgeWeights;

/*
 * Does the model decide candidate c, or does the grammar's decision stand?
 * The grammar's stands for the parts of a pledge (منها 3.5%، و1.5%), which
 * follow their whole; for the mentions it turns down for a reason it reads
 * in the text (a negated, expected or requested cue, the start of a change,
 * a price), almost never overturned in the judged sets; and for
 * percentages: the judged training sentences hold too few percent pledges
 * (26 among 778 percentages) to learn them, and a model trained on them
 * turns down even the commitments the guideline gives as examples.
 */
static inline bool
ArPledgeModelDecides(ArPledgeRule rule, ArNumKind kind)
{
	return rule != AR_PLEDGE_CONTINUED && rule != AR_PLEDGE_CANCELLED &&
		rule != AR_PLEDGE_CHANGE_START && rule != AR_PLEDGE_PRICE && kind != AR_NUM_PERCENT;
}

/* The committed weights (pledge_model_table.h). */
extern const ArPledgeWeights *ArPledgeModelBuiltin(void);

/* The score of a candidate with nfeat feature hashes that the grammar
 * read as rule: the sum of its features' weights, ± the prior. */
extern int64_t ArPledgeModelScore(const ArPledgeWeights *w, const uint32_t *feats, int nfeat,
								  ArPledgeRule rule);

/*
 * Is the classifier used by ArPledgesExtract?  On by default when the
 * committed weights were trained on the current features
 * (AR_PLEDGE_FEATURE_VERSION); the glue switches it with the GUC
 * arabic_news.pledge_model.  Off, the grammar alone decides.
 */
extern bool ArPledgeModelEnabled(void);
extern void ArPledgeModelSetEnabled(bool on);

/*
 * Decide every candidate (c->pledge): by the model with weights w, or by
 * the grammar alone when w is NULL.  A part of a pledge (c->whole) follows
 * its whole either way.
 */
extern void ArPledgeDecide(const ArLexStream *ls, const ArNumList *nums, ArPledgeCandList *cands,
						   const ArPledgeWeights *w);

#endif							/* AR_PLEDGE_MODEL_H */

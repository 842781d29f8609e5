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

/* Does the model decide candidates the grammar read as rule?  Not those
 * the grammar turns down for a reason it reads in the text (a negated,
 * expected or requested cue, the start of a change, a price): the judged
 * sets hold too few of them to learn better, and none overturned. */
static inline bool
ArPledgeModelDecides(ArPledgeRule rule)
{
	return rule != AR_PLEDGE_CANCELLED && rule != AR_PLEDGE_CHANGE_START && rule != AR_PLEDGE_PRICE;
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

/* Does the model take candidate i of cands for a pledge? */
extern bool ArPledgeModelAccepts(const ArLexStream *ls, const ArNumList *nums,
								 const ArPledgeCandList *cands, int i);

#endif							/* AR_PLEDGE_MODEL_H */

/*
 * pledge_model.c — scoring pledge candidates with the committed weights
 * (see pledge_model.h).
 */
#include "pledge_model.h"

#include "pledge_features.h"
#include "pledge_model_table.h"

static const ArPledgeWeights builtin = {
	ar_pledge_model_slots, ar_pledge_model_weights, AR_PLEDGE_MODEL_N,
	AR_PLEDGE_MODEL_HASH_BITS, AR_PLEDGE_MODEL_PRIOR, AR_PLEDGE_MODEL_THRESHOLD
};

/* Weights trained on other features than these would score garbage. */
static bool model_on = AR_PLEDGE_MODEL_N > 0 &&
	AR_PLEDGE_MODEL_FEATURE_VERSION == AR_PLEDGE_FEATURE_VERSION;

const ArPledgeWeights *
ArPledgeModelBuiltin(void)
{
	return &builtin;
}

/* The weight of slot s (0 when not stored): a binary search. */
static int32_t
weight_of(const ArPledgeWeights *w, uint32_t s)
{
	size_t		lo = 0,
				hi = w->n;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (w->slots[mid] == s)
			return w->weights[mid];
		if (w->slots[mid] < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int64_t
ArPledgeModelScore(const ArPledgeWeights *w, const uint32_t *feats, int nfeat, ArPledgeRule rule)
{
	uint32_t	mask = w->hash_bits >= 32 ? 0xffffffffu : (1u << w->hash_bits) - 1;
	int64_t		score = ArPledgeRuleAccepts(rule) ? w->prior : -(int64_t) w->prior;

	for (int k = 0; k < nfeat; k++)
		score += weight_of(w, feats[k] & mask);
	return score;
}

bool
ArPledgeModelEnabled(void)
{
	return model_on;
}

void
ArPledgeModelSetEnabled(bool on)
{
	model_on = on && AR_PLEDGE_MODEL_N > 0 &&
		AR_PLEDGE_MODEL_FEATURE_VERSION == AR_PLEDGE_FEATURE_VERSION;
}

/* Does the model with weights w take candidate i for a pledge? */
static bool
model_accepts(const ArLexStream *ls, const ArNumList *nums, const ArPledgeCandList *cands, int i,
			  const ArPledgeWeights *w)
{
	uint32_t	feats[AR_PF_MAX_FEATS];
	int			n;

	if (!ArPledgeModelDecides(cands->items[i].rule, nums->items[cands->items[i].p.item].kind))
		return ArPledgeRuleAccepts(cands->items[i].rule);
	n = ArPledgeFeatures(ls, nums, cands, i, feats);
	return ArPledgeModelScore(w, feats, n, cands->items[i].rule) >= w->threshold;
}

void
ArPledgeDecide(const ArLexStream *ls, const ArNumList *nums, ArPledgeCandList *cands,
			   const ArPledgeWeights *w)
{
	for (size_t i = 0; i < cands->n; i++)
	{
		ArPledgeCand *c = &cands->items[i];

		/* a part of a pledge is a pledge when its whole is */
		if (c->whole >= 0)
			c->pledge = cands->items[c->whole].pledge;
		else if (w == NULL)
			c->pledge = ArPledgeRuleAccepts(c->rule);
		else
			c->pledge = model_accepts(ls, nums, cands, (int) i, w);
	}
}

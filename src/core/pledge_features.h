/*
 * pledge_features.h — what the pledge classifier (pledge_model.h) sees of
 * a money or percent mention: hashed features of the mention and its
 * sentence, computed from the token stream, the number grammar's reading
 * and the pledge grammar's own reading (ArPledgeCand).
 *
 * The features of a candidate:
 *   - the grammar's decision (ArPledgeRule), alone and with the unit kind;
 *     the cue it read (form, stem, lexicon flags, distance), the verb it
 *     found, whether it found an actor
 *   - the unit (kind and code), approximate, written in words, the scale
 *     word and the order of magnitude of the value
 *   - the two words before and after the mention (forms, stems, bigrams)
 *   - every word of the sentence before it (up to AR_PF_BEFORE tokens) and
 *     after it (up to AR_PF_AFTER): stem with a distance bucket, and stem
 *   - the pledge lexicon's classes in those windows (commitment cue verb or
 *     noun, statistic word, negation, expectation or appeal, actor verb,
 *     receiving verb, clause particle, passive particle, إلى …) with a
 *     distance bucket, and the context classes of data/pledge_context.tsv
 *     (deal, market, profit, cost, salary, fine, condition, request …)
 *   - the nearest verb before it (stem, form, tense from its prefix); the
 *     noun the amount qualifies past بقيمة، قدرها، تصل إلى (منحة بقيمة); the
 *     nearest cue whatever the grammar made of it, with the clause breaks
 *     and statistic words between it and the amount
 *   - punctuation: clause breaks between the cue and the amount, a bracket
 *     around the amount, a comma right before it
 *   - position: how many candidates come before it in its sentence, the
 *     grammar's decision on the previous one and the distance to it
 * Each feature is a 32-bit hash; the model keeps AR_PLEDGE_HASH_BITS bits.
 * No allocation: the caller gives room for AR_PF_MAX_FEATS hashes.
 */
#ifndef AR_PLEDGE_FEATURES_H
#define AR_PLEDGE_FEATURES_H

#include "pledges.h"

/* Bump when the features change: the committed weights must be retrained. */
#define AR_PLEDGE_FEATURE_VERSION	1
#define AR_PF_MAX_FEATS				320
#define AR_PF_BEFORE				24	/* tokens of the sentence before the mention */
#define AR_PF_AFTER					10	/* and after it */

/*
 * The features of candidate i of cands (read from ls and nums) into
 * feats[0 .. AR_PF_MAX_FEATS); returns how many.
 */
extern int	ArPledgeFeatures(const ArLexStream *ls, const ArNumList *nums,
							 const ArPledgeCandList *cands, int i, uint32_t *feats);

/* The distance bucket of a gap of d tokens (d >= 1): 0 … 5. */
extern int	ArPledgeDistBucket(int d);

#endif							/* AR_PLEDGE_FEATURES_H */

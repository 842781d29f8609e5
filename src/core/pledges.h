/*
 * pledges.h — the money and percentage mentions that are commitments,
 * behind ar_pledges().
 *
 * A money or percent mention is a pledge when, in its sentence, the nearest
 * cue before it is a commitment cue (تعهد، التزم، خصص، رصد، منح، قدم، وافق،
 * اتفق، رفع … إلى; data/pledge_cues.tsv), not negated (لم يتعهد), with no
 * reporting verb in between (بلغ، ارتفع، سجل … mark statistics and past
 * totals).  Each pledge carries the actor as written (the noun phrase of the
 * committing verb), the cue as written and, when the text says it, the
 * purpose (the ل- phrase after the amount: للدفاع الأساسي، لأوكرانيا).
 *
 * The grammar reads every money and percent mention (ArPledgeCandidates);
 * which of them are pledges is then decided by the trained classifier of
 * pledge_model.h, or by the grammar alone when that is switched off.
 */
#ifndef AR_PLEDGES_H
#define AR_PLEDGES_H

#include "numbers.h"

typedef struct ArPledge
{
	int			item;			/* index into the ArNumList */
	int			actor_first;	/* token range of the actor, -1 if none */
	int			actor_last;
	int			cue;			/* token of the cue */
	int			purpose_first;	/* token range of the purpose, -1 if none */
	int			purpose_last;
} ArPledge;

typedef struct ArPledgeList
{
	AR_ARRAY_FIELDS(ArPledge);
} ArPledgeList;

/* How the grammar read a money or percent mention. */
typedef enum ArPledgeRule
{
	AR_PLEDGE_CUE = 0,			/* a commitment cue before it: a pledge */
	AR_PLEDGE_CONTINUED,		/* a part of the pledge before it: a pledge */
	AR_PLEDGE_PASSIVE,			/* a passive cue after it (تم تخصيصها): a pledge */
	AR_PLEDGE_NO_CUE,			/* no commitment cue in its clause */
	AR_PLEDGE_UNSUPPORTED,		/* a cue that needs a committing verb and has none
								 * (يعني ضخ، حزمة بقيمة), or a prize received */
	AR_PLEDGE_CANCELLED,		/* its cue negated, expected, asked for, a statistic's */
	AR_PLEDGE_CHANGE_START,		/* where a change starts (من 4% إلى 6%) */
	AR_PLEDGE_PRICE,			/* named a fee or price right after it */
	AR_PLEDGE_NRULES
} ArPledgeRule;

#define ArPledgeRuleAccepts(r) ((r) <= AR_PLEDGE_PASSIVE)

/* A money or percent mention with the grammar's reading: p.cue is the cue
 * the grammar read (-1: none), p.actor_* its actor when it got that far;
 * whole, for a part (AR_PLEDGE_CONTINUED), the candidate it is a part of. */
typedef struct ArPledgeCand
{
	ArPledge	p;
	ArPledgeRule rule;
	int			whole;			/* index in the list, -1 when not a part */
	bool		pledge;			/* the decision of ArPledgesExtract */
} ArPledgeCand;

typedef struct ArPledgeCandList
{
	AR_ARRAY_FIELDS(ArPledgeCand);
} ArPledgeCandList;

/* Every money and percent mention of nums, in text order, with the
 * grammar's reading (appends to out; ArArrayInit/ArArrayFree it). */
extern void ArPledgeCandidates(const ArLexStream *ls, const ArNumList *nums, ArPledgeCandList *out);

extern void ArPledgeListInit(ArPledgeList *l);
extern void ArPledgeListFree(ArPledgeList *l);

/* Find the pledges among the numbers of a token stream: the candidates the
 * trained classifier accepts (pledge_model.h), or the grammar's alone when
 * the classifier is switched off. */
extern void ArPledgesExtract(const ArLexStream *ls, const ArNumList *nums, ArPledgeList *out);

/*
 * The whole pipeline for one text: its token stream, its numbers and the
 * pledges among them (pledges point into nums, nums and pledges into ls).
 */
typedef struct ArPledgeDoc
{
	ArLexStream ls;
	ArNumList	nums;
	ArPledgeList pledges;
} ArPledgeDoc;

extern void ArPledgeDocRun(ArPledgeDoc *doc, const char *s, size_t len);
extern void ArPledgeDocFree(ArPledgeDoc *doc);

#endif							/* AR_PLEDGES_H */

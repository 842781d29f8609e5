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

extern void ArPledgeListInit(ArPledgeList *l);
extern void ArPledgeListFree(ArPledgeList *l);

/* Find the pledges among the numbers of a token stream. */
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

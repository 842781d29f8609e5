/*
 * pg_bm25_doc.c — tsvectors and tsqueries as the bm25 core sees them:
 * a document's terms with (tf, lead) and its length, a query's terms, TIDs.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/itemptr.h"
#include "tsearch/ts_type.h"

#include "pg_bm25.h"

Bm25Tid
Bm25TidFromItemPointer(ItemPointer ip)
{
	return Bm25TidMake(ItemPointerGetBlockNumberNoCheck(ip),
					   ItemPointerGetOffsetNumberNoCheck(ip));
}

void
Bm25ItemPointerFromTid(const Bm25Tid *tid, ItemPointer ip)
{
	ItemPointerSet(ip, Bm25TidBlock(tid), Bm25TidOffset(tid));
}

/*
 * The terms of a tsvector (pointing into it): every lexeme but '#' marks,
 * tf = its positions (1 without positions), lead = those within
 * lead_positions; dl = the sum of tf.
 */
void
Bm25DocFromTsvector(const Bm25Params *p, TSVector tsv, Bm25Doc *doc)
{
	WordEntry  *entries = ARRPTR(tsv);
	Bm25Lexeme *lexemes = palloc(sizeof(Bm25Lexeme) * Max(tsv->size, 1));

	for (int i = 0; i < tsv->size; i++)
	{
		lexemes[i].lex = STRPTR(tsv) + entries[i].pos;
		lexemes[i].len = entries[i].len;
		lexemes[i].npos = POSDATALEN(tsv, &entries[i]);
		lexemes[i].pos = lexemes[i].npos ? (const uint16_t *) POSDATAPTR(tsv, &entries[i]) : NULL;
	}
	doc->terms = palloc(sizeof(Bm25DocTerm) * Max(tsv->size, 1));
	doc->nterms = Bm25DocTerms(p, lexemes, tsv->size, doc->terms, &doc->dl);
	pfree(lexemes);
}

/* Collect the operands of a tsquery item, skipping whatever is under NOT. */
static void
bm25_collect_operands(TSQuery query, QueryItem *item, Bm25Lexeme *out, int *n)
{
	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (item->type == QI_VAL)
	{
		QueryOperand *op = &item->qoperand;

		out[*n].lex = GETOPERAND(query) + op->distance;
		out[*n].len = op->length;
		out[*n].npos = 0;
		out[*n].pos = NULL;
		(*n)++;
		return;
	}
	if (item->qoperator.oper == OP_NOT)
		return;
	/* binary operator: right operand follows, left operand at +left */
	bm25_collect_operands(query, item + 1, out, n);
	bm25_collect_operands(query, item + item->qoperator.left, out, n);
}

/*
 * The core query for a tsquery: the distinct lexemes of its operands that
 * are not under NOT (prefix operands match their exact lexeme; weights are
 * ignored), in canonical order.
 */
Bm25Query *
Bm25QueryFromTsquery(const Bm25Params *p, TSQuery query)
{
	Bm25Lexeme *lexemes = palloc(sizeof(Bm25Lexeme) * Max(query->size, 1));
	int			n = 0;
	Bm25Query  *q;

	if (query->size > 0)
		bm25_collect_operands(query, GETQUERY(query), lexemes, &n);
	q = Bm25QueryCreate(p, lexemes, n);
	pfree(lexemes);
	return q;
}

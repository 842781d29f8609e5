/*
 * pg_numbers.h — the columns a number mention shares between ar_numbers and
 * ar_pledges: kind, value, unit, surface, start_pos, end_pos.
 */
#ifndef PG_NUMBERS_H
#define PG_NUMBERS_H

#include "postgres.h"

#include "numbers.h"

#define AR_NUM_ITEM_COLUMNS 6

/* Fill values/nulls[0 .. AR_NUM_ITEM_COLUMNS) for mention it of text s. */
extern void ArNumItemColumns(const char *s, const ArNumItem *it, Datum *values, bool *nulls);

#endif							/* PG_NUMBERS_H */

/*
 * fuzz_numbers.c — libFuzzer target for the number, date and pledge grammars.
 *
 * Any byte string: every number, date and pledge must lie inside the input,
 * its character offsets must agree with its byte offsets, values must print,
 * dates must be real calendar days.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "pledge_model.h"
#include "pledges.h"
#include "utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless [b0, b1) and [c0, c1) describe the same span of the input. */
static void
check_span(const uint8_t *data, size_t size, size_t b0, size_t b1, size_t c0, size_t c1)
{
	if (b0 >= b1 || b1 > size || c0 >= c1)
		abort();
	if (ArUtf8CharCount((const char *) data, b0) != c0 ||
		ArUtf8CharCount((const char *) data + b0, b1 - b0) != c1 - c0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArLexStream ls;
	ArNumList	nums;
	ArDateList	dates;
	ArPledgeList pl;
	ArDateRef	ref = {true, 2024, 2, 29};

	ArLexStreamInit(&ls, (const char *) data, size);
	ArNumListInit(&nums);
	ArNumbersExtract(&ls, &nums);
	for (int i = 0; i < nums.n; i++)
	{
		char	   *v = ArNumValString(&nums.items[i].val);

		check_span(data, size, nums.items[i].byte_start, nums.items[i].byte_end,
				   nums.items[i].char_start, nums.items[i].char_end);
		if (v == NULL && !nums.items[i].val.overflow)
			abort();
		free(v);
	}
	/* the trained classifier decides (the default), then the grammar alone */
	for (int model = 1; model >= 0; model--)
	{
		ArPledgeModelSetEnabled(model);
		ArPledgeListInit(&pl);
		ArPledgesExtract(&ls, &nums, &pl);
		for (int i = 0; i < pl.n; i++)
			if (pl.items[i].item < 0 || pl.items[i].item >= nums.n || pl.items[i].cue < 0 ||
				pl.items[i].cue >= ls.n || pl.items[i].actor_last >= ls.n ||
				pl.items[i].actor_first > pl.items[i].actor_last ||
				pl.items[i].purpose_last >= ls.n || pl.items[i].purpose_first > pl.items[i].purpose_last)
				abort();
		if (model)
			ArPledgeListFree(&pl);
	}
	ArPledgeModelSetEnabled(true);
	ArDateListInit(&dates);
	ArDatesExtract(&ls, &ref, &dates);
	for (int i = 0; i < dates.n; i++)
	{
		const ArDateItem *d = &dates.items[i];

		check_span(data, size, d->byte_start, d->byte_end, d->char_start, d->char_end);
		if (d->day < 1 || d->day > ArDaysInMonth(d->year, d->month))
			abort();
	}
	ArDateListFree(&dates);
	ArPledgeListFree(&pl);
	ArNumListFree(&nums);
	ArLexStreamFree(&ls);
	return 0;
}

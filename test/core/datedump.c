/* datedump — print ar_dates rows for each line of stdin; argv[1] = reference
 * date YYYY-MM-DD (developer tool). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"

int
main(int argc, char **argv)
{
	char		line[100000];
	ArDateRef	ref = {false, 0, 0, 0};

	if (argc > 1 && sscanf(argv[1], "%d-%d-%d", &ref.year, &ref.month, &ref.day) == 3)
		ref.has = true;
	while (fgets(line, sizeof line, stdin))
	{
		ArLexStream ls;
		ArDateList	l;
		size_t		n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = 0;
		ArLexStreamInit(&ls, line, n);
		ArDateListInit(&l);
		ArDatesExtract(&ls, &ref, &l);
		printf("%s\n", line);
		for (int i = 0; i < l.n; i++)
		{
			ArDateItem *it = &l.items[i];

			printf("  %04d-%02d-%02d %-5s %s [%.*s] %zu-%zu\n", it->year, it->month, it->day,
				   ArDatePrecisionName(it->precision), it->hijri ? "H" : " ",
				   (int) (it->byte_end - it->byte_start), line + it->byte_start,
				   it->char_start + 1, it->char_end + 1);
		}
		ArDateListFree(&l);
		ArLexStreamFree(&ls);
	}
	return 0;
}

/* numdump — print ar_numbers rows for each line of stdin (developer tool). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "numbers.h"
#include "utf8.h"

int
main(void)
{
	char		line[100000];

	while (fgets(line, sizeof line, stdin))
	{
		ArLexStream ls;
		ArNumList	l;
		size_t		n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = 0;
		ArLexStreamInit(&ls, line, n);
		ArNumListInit(&l);
		ArNumbersExtract(&ls, &l);
		printf("%s\n", line);
		for (int i = 0; i < l.n; i++)
		{
			ArNumItem  *it = &l.items[i];
			char	   *v = ArNumValString(&it->val);
			/* char offsets → byte offsets for printing */
			size_t		b0 = 0, b1 = 0, ch = 0, pos = 0;

			while (pos < n)
			{
				uint32_t	cp;
				int			k;

				if (ch == it->char_start) b0 = pos;
				k = ArUtf8Decode((unsigned char *) line + pos, n - pos, &cp);
				pos += k;
				ch++;
				if (ch == it->char_end) b1 = pos;
			}
			printf("  %-8s %-20s %-8s %s [%.*s] %zu-%zu\n", ArNumKindName(it->kind), v ? v : "NULL",
				   it->unit ? it->unit : "-", it->approx ? "~" : " ", (int) (b1 - b0), line + b0,
				   it->char_start + 1, it->char_end + 1);
			free(v);
		}
		ArNumListFree(&l);
		ArLexStreamFree(&ls);
	}
	return 0;
}

/*
 * test_rare.c — unit tests for rarity marks (src/core/rare.c) and the
 * hash they use.
 */
#include <stdlib.h>

#include "rare.h"
#include "unit.h"

/* The mark of lexeme s, or "" when it gets none. */
static const char *
mark_of(const char *s)
{
	static char mark[AR_RARE_MARK_LEN + 1];

	if (!ArRareMark(s, strlen(s), mark))
		return "";
	return mark;
}

int
main(void)
{
	const char *m;

	/* common news stems (data/search_common.tsv) get no mark */
	unit_str(mark_of("حكوم"), "", "حكوم is common");
	unit_str(mark_of("رئيس"), "", "رئيس is common");

	/* a rare stem gets "#" and three lower-case hex digits, always the same */
	m = mark_of("طحالب");
	unit_int((long long) strlen(m), AR_RARE_MARK_LEN, "طحالب has a mark");
	unit_ok(m[0] == '#' && strspn(m + 1, "0123456789abcdef") == 3, "mark is # and 3 hex digits");
	unit_str(mark_of("طحالب"), "#291", "the mark of طحالب");

	/* not Arabic, or nothing: no mark */
	unit_str(mark_of("nato"), "", "Latin lexeme");
	unit_str(mark_of("2024"), "", "number");
	unit_str(mark_of(""), "", "empty");
	unit_str(mark_of("ملياري يورو"), "", "an expression of several words");

	/* ArHashQuick: every tail length, and the value the generator computes */
	unit_ok(ArHashQuick("abcd", 4) != ArHashQuick("abc", 3), "length is hashed");
	unit_ok(ArHashQuick("abcde", 5) != ArHashQuick("abcdf", 5), "tail byte is hashed");
	unit_int(ArHashQuick("", 0), 0xAB3E7C0Bu, "hash of the empty string (as gen_rare_table.py)");

	return unit_done();
}

/*
 * test_entities.c — unit tests for the core entity matcher.
 *
 * Each case shows an input and the entities it must give, written as
 * "KIND:surface=canonical@start" joined by '|' (start 0-based, characters),
 * so a failure prints exactly what changed.  The first test checks that
 * the generated tables agree with the normalizer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "unit.h"
#include "utf8.h"

/* Entities of s as "KIND:surface=canonical@start|…". */
static char *
entities_of(const char *s)
{
	static char buf[8192];
	ArEntityList l;
	size_t		o = 0,
				i;

	ArEntityListInit(&l);
	ArEntitiesExtract(s, strlen(s), &l);
	buf[0] = '\0';
	for (i = 0; i < l.n; i++)
	{
		const ArEntity *e = &l.items[i];

		/* the offsets must describe the surface exactly */
		if (ArUtf8CharCount(s, e->byte_start) != e->char_start ||
			ArUtf8CharCount(s + e->byte_start, e->byte_len) != e->char_len)
			o += snprintf(buf + o, sizeof(buf) - o, "<bad offsets>");
		o += snprintf(buf + o, sizeof(buf) - o, "%s%s:%.*s=%.*s@%zu", i ? "|" : "",
					  ArEntKindName(e->kind), (int) e->byte_len, s + e->byte_start,
					  (int) e->canon_len, l.canon.data + e->canon_off, e->char_start);
	}
	ArEntityListFree(&l);
	return buf;
}

static void
check(const char *in, const char *want, const char *name)
{
	unit_str(entities_of(in), want, name);
}

int
main(void)
{
	char	   *big;
	size_t		i,
				n;
	ArEntityList l;

	unit_int((long long) ArEntitiesCheckTables(), 0,
			 "generated keys are normalized and found by their hash tables");

	check("زار برلين", "LOC:برلين=برلين@4", "gazetteer place");
	check("الناتو وحلف الناتو", "ORG:الناتو=حلف شمال الأطلسي@0|ORG:حلف الناتو=حلف شمال الأطلسي@8",
		  "aliases share the canonical");
	check("لحلف الناتو", "ORG:حلف الناتو=حلف شمال الأطلسي@1", "clitic ل outside the surface");
	check("وبرلين", "LOC:برلين=برلين@1", "clitic و outside the surface");
	check("للناتو", "ORG:لناتو=حلف شمال الأطلسي@1", "لل is ل + ال: the article's lam stays");
	check("بالمستشار الألماني أولاف شولتس",
		  "NAT:الألماني=ألمانيا@10|PER:أولاف شولتس=أولاف شولتس@19", "title with a clitic");
	check("الفرنسيين", "NAT:الفرنسيين=فرنسا@0", "nisba plural");
	check("الأميركية", "NAT:الأميركية=الولايات المتحدة@0", "nisba exception");
	check("قال الرئيس جوزيف كاباتو", "PER:جوزيف كاباتو=جوزيف كاباتو@11", "title then an unknown surname");
	check("وصل كارلوس بيريرا ثم قال بيريرا", "PER:كارلوس بيريرا=كارلوس بيريرا@4|PER:بيريرا=كارلوس بيريرا@25",
		  "coreference of a bare surname");
	check("وزارة الخارجية الأمريكية", "ORG:وزارة الخارجية الأمريكية=وزارة الخارجية الأمريكية@0",
		  "gazetteer wins over the government-body pattern");
	check("وزارة الصحة المصرية", "ORG:وزارة الصحة المصرية=وزارة الصحة (مصر)@0", "government body + nationality");
	check("جلس على الكرسي", "", "على is not the name علي");
	check("الرئيس يبحث", "", "no name after a title when a verb follows");
	check("", "", "empty input");
	check("مَارْك رُوتّه", "PER:مَارْك رُوتّه=مارك روته@0", "diacritics inside a name");

	/* a long input: linear work; coreference copies canonicals while the
	 * buffer grows (a use-after-free once, caught by ASan) */
	n = 5000;
	big = malloc(n * 64 + 1);
	{
		size_t		o = 0;

		for (i = 0; i < n; i++)
			o += sprintf(big + o, "وصل كارلوس بيريرا. قال بيريرا. ");
	}
	ArEntityListInit(&l);
	ArEntitiesExtract(big, strlen(big), &l);
	unit_int((long long) l.n, (long long) (2 * n), "5000 full names, 5000 resolved surnames");
	ArEntityListFree(&l);
	free(big);
	return unit_done();
}

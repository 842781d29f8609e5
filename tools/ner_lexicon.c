/*
 * ner_lexicon.c — how often the rules tag each word of the news corpus as
 * part of a person, organization or place (make regen-ner-lexicon).
 *
 *   ner_lexicon CORPUS.tsv[.gz] … > data/ner_lexicon.tsv
 *
 * The corpus files hold id, source, title, body per line.  The rule
 * matcher (no model) tags every title and body; each word (normalized
 * form) gets its number of occurrences and how many of them fall inside a
 * PER, ORG or LOC entity.  Words seen at least MIN_COUNT times and inside
 * entities at least MIN_SHARE of the time come out, sorted bytewise, as
 * "word TAB count TAB per TAB org TAB loc" (the last three in tenths of the
 * count).  The trained tagger reads these shares as features
 * (ner_features.c): a name the rules recognize after a title in one
 * article is a likely name where no cue stands next to it.  Only word
 * types and counts come out of the corpus, never its text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "ner_tag.h"

#define MIN_COUNT	5
#define MIN_SHARE	0.1

typedef struct Entry
{
	char	   *word;
	long		count;
	long		kind[3];
} Entry;

typedef struct Table
{
	Entry	   *e;
	size_t		cap;
	size_t		n;
} Table;

static Entry *
lookup(Table *t, const char *s, size_t len)
{
	uint32_t	h = ArHashBytes(s, len);
	size_t		i;

	if (2 * (t->n + 1) > t->cap)
	{
		Table		old = *t;
		size_t		k;

		t->cap = old.cap ? old.cap * 2 : 1 << 16;
		t->e = calloc(t->cap, sizeof(Entry));
		t->n = 0;
		for (k = 0; k < old.cap; k++)
			if (old.e[k].word)
			{
				Entry	   *x = lookup(t, old.e[k].word, strlen(old.e[k].word));

				*x = old.e[k];
			}
		free(old.e);
	}
	for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
	{
		if (t->e[i].word == NULL)
		{
			t->e[i].word = strndup(s, len);
			t->n++;
			return &t->e[i];
		}
		if (strlen(t->e[i].word) == len && memcmp(t->e[i].word, s, len) == 0)
			return &t->e[i];
	}
}

/* Count the words of one text. */
static void
count_text(Table *t, const char *s, size_t len, ArNerWords *w)
{
	ArEntityList l;
	size_t		k;

	ArEntityListInit(&l);
	ArEntitiesRules(s, len, &l, w);
	for (k = 0; k < w->n; k++)
	{
		const ArNerWord *x = &w->items[k];
		Entry	   *e;

		if (x->norm_len == 0 || x->latin)
			continue;
		e = lookup(t, w->norm.data + x->norm_off, x->norm_len);
		e->count++;
		if (x->rule != AR_NER_O && x->rule < AR_NER_RULE_B_NAT)
			e->kind[(x->rule - 1) / 2]++;
	}
	ArEntityListFree(&l);
}

static void
count_file(Table *t, const char *path)
{
	char		cmd[4096];
	FILE	   *f;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	ArNerWords	w;

	snprintf(cmd, sizeof(cmd), "gzip -dcf '%s'", path);
	if ((f = popen(cmd, "r")) == NULL)
	{
		fprintf(stderr, "ner_lexicon: cannot read %s\n", path);
		exit(2);
	}
	ArNerWordsInit(&w);
	while ((n = getline(&line, &cap, f)) > 0)
	{
		char	   *field[4];
		int			k;
		char	   *p = line;

		line[strcspn(line, "\n")] = '\0';
		for (k = 0; k < 4 && p; k++)
		{
			field[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (k < 4)
			continue;
		count_text(t, field[2], strlen(field[2]), &w);
		count_text(t, field[3], strlen(field[3]), &w);
	}
	ArNerWordsFree(&w);
	free(line);
	pclose(f);
}

static int
by_word(const void *a, const void *b)
{
	return strcmp(((const Entry *) a)->word, ((const Entry *) b)->word);
}

int
main(int argc, char **argv)
{
	Table		t = {NULL, 0, 0};
	Entry	   *out;
	size_t		k,
				n = 0;
	int			i;

	if (argc < 2)
	{
		fprintf(stderr, "usage: ner_lexicon CORPUS.tsv[.gz] ...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		count_file(&t, argv[i]);
	out = calloc(t.n + 1, sizeof(Entry));
	for (k = 0; k < t.cap; k++)
	{
		Entry	   *e = &t.e[k];

		if (e->word && e->count >= MIN_COUNT &&
			e->kind[0] + e->kind[1] + e->kind[2] >= MIN_SHARE * e->count)
			out[n++] = *e;
	}
	qsort(out, n, sizeof(Entry), by_word);
	printf("# word\tcount\tPER\tORG\tLOC (tenths of count inside entities the rules tag; make regen-ner-lexicon)\n");
	for (k = 0; k < n; k++)
		printf("%s\t%ld\t%ld\t%ld\t%ld\n", out[k].word, out[k].count,
			   out[k].kind[0] * 10 / out[k].count, out[k].kind[1] * 10 / out[k].count,
			   out[k].kind[2] * 10 / out[k].count);
	return 0;
}

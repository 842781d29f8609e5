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

#include "corpus_words.h"
#include "entities.h"
#include "ner_tag.h"

#define MIN_COUNT	5
#define MIN_SHARE	0.1

typedef struct Counting
{
	CorpusWords *t;
	ArNerWords *w;
} Counting;

/* Count the words of one text. */
static void
count_text(const char *s, size_t len, void *arg)
{
	Counting   *c = arg;
	ArEntityList l;
	size_t		k;

	ArEntityListInit(&l);
	ArEntitiesRules(s, len, &l, c->w);
	for (k = 0; k < c->w->n; k++)
	{
		const ArNerWord *x = &c->w->items[k];
		CorpusWord *e;

		if (x->norm_len == 0 || x->latin)
			continue;
		e = corpus_word(c->t, c->w->norm.data + x->norm_off, x->norm_len);
		e->count++;
		if (x->rule != AR_NER_O && x->rule < AR_NER_RULE_B_NAT)
			e->kind[(x->rule - 1) / 2]++;
	}
	ArEntityListFree(&l);
}

static int
by_word(const void *a, const void *b)
{
	return strcmp(((const CorpusWord *) a)->s, ((const CorpusWord *) b)->s);
}

int
main(int argc, char **argv)
{
	CorpusWords t = {NULL, 0, 0, 0};
	ArNerWords	w;
	Counting	c = {&t, &w};
	CorpusWord *out;
	size_t		k,
				n = 0;
	int			i;

	if (argc < 2)
	{
		fprintf(stderr, "usage: ner_lexicon CORPUS.tsv[.gz] ...\n");
		return 2;
	}
	ArNerWordsInit(&w);
	for (i = 1; i < argc; i++)
		corpus_each_text(argv[i], count_text, &c);
	ArNerWordsFree(&w);
	out = calloc(t.n + 1, sizeof(CorpusWord));
	for (k = 0; k < t.cap; k++)
	{
		CorpusWord *e = &t.e[k];

		if (e->s && e->count >= MIN_COUNT &&
			e->kind[0] + e->kind[1] + e->kind[2] >= MIN_SHARE * e->count)
			out[n++] = *e;
	}
	qsort(out, n, sizeof(CorpusWord), by_word);
	printf("# word\tcount\tPER\tORG\tLOC (tenths of count inside entities the rules tag; make regen-ner-lexicon)\n");
	for (k = 0; k < n; k++)
		printf("%s\t%ld\t%ld\t%ld\t%ld\n", out[k].s, out[k].count,
			   out[k].kind[0] * 10 / out[k].count, out[k].kind[1] * 10 / out[k].count,
			   out[k].kind[2] * 10 / out[k].count);
	return 0;
}

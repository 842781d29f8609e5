/*
 * corpus_words.h — what the corpus-counting tools share (ner_lexicon.c,
 * ner_clusters.c): a table of word types with their counts, and a reader
 * that hands every title and body of the news corpus files to a callback.
 *
 * The corpus files hold "id TAB source TAB title TAB body" per line, gzip
 * or plain (../shared/corpus/README.md).  Only word types and counts leave
 * these tools, never the text.
 */
#ifndef AR_TOOLS_CORPUS_WORDS_H
#define AR_TOOLS_CORPUS_WORDS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arcore.h"

typedef struct CorpusWord
{
	char	   *s;
	long		count;
	long		kind[3];		/* occurrences inside PER, ORG, LOC the rules tag */
	uint32_t	id;				/* first_id + order of first sight */
} CorpusWord;

typedef struct CorpusWords
{
	CorpusWord *e;				/* open addressing, a power of two */
	size_t		cap;
	size_t		n;
	uint32_t	first_id;
} CorpusWords;

/* The entry of s[0..len), added (count 0) when new. */
static CorpusWord *
corpus_word(CorpusWords *t, const char *s, size_t len)
{
	uint32_t	h = ArHashBytes(s, len);
	size_t		i;

	if (2 * (t->n + 1) > t->cap)
	{
		CorpusWords old = *t;
		size_t		k;

		t->cap = old.cap ? old.cap * 2 : 1 << 16;
		t->e = calloc(t->cap, sizeof(CorpusWord));
		if (t->e == NULL)
		{
			fprintf(stderr, "corpus_words: out of memory\n");
			exit(2);
		}
		t->n = 0;
		for (k = 0; k < old.cap; k++)
			if (old.e[k].s)
			{
				CorpusWord *x = corpus_word(t, old.e[k].s, strlen(old.e[k].s));

				*x = old.e[k];
			}
		free(old.e);
	}
	for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
	{
		if (t->e[i].s == NULL)
		{
			t->e[i].s = strndup(s, len);
			t->e[i].id = (uint32_t) (t->first_id + t->n);
			t->n++;
			return &t->e[i];
		}
		if (strlen(t->e[i].s) == len && memcmp(t->e[i].s, s, len) == 0)
			return &t->e[i];
	}
}

typedef void (*CorpusTextFn) (const char *text, size_t len, void *arg);

/* fn over the title and the body of every article of path; exits on a
 * file it cannot read. */
static void
corpus_each_text(const char *path, CorpusTextFn fn, void *arg)
{
	char		cmd[4096];
	FILE	   *f;
	char	   *line = NULL;
	size_t		cap = 0;

	snprintf(cmd, sizeof(cmd), "gzip -dcf '%s'", path);
	if ((f = popen(cmd, "r")) == NULL)
	{
		fprintf(stderr, "corpus_words: cannot read %s\n", path);
		exit(2);
	}
	while (getline(&line, &cap, f) > 0)
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
		fn(field[2], strlen(field[2]), arg);
		fn(field[3], strlen(field[3]), arg);
	}
	free(line);
	pclose(f);
}

#endif							/* AR_TOOLS_CORPUS_WORDS_H */

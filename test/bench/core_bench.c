/*
 * core_bench.c — throughput of the plain-C core on real news text.
 *
 * Reads the bodies (4th tab-separated field) of a corpus file such as
 * ../shared/corpus/arabic_news_sample.tsv into memory and times each core
 * stage over all of them, best of N passes, in MB/s of input.  No
 * PostgreSQL involved, so the numbers show what the core costs by itself;
 * run it under `valgrind --tool=callgrind` (make bench-core-callgrind) for
 * repeatable instruction counts per function.
 *
 *   core_bench [-n passes] [-m mode[,mode…]] [file.tsv]
 *
 * Modes: decode (UTF-8 decode only: the floor), normalize (ArNormalize,
 * default folds), normalize-noicu (all folds but presentation forms, to
 * separate the ICU share), tokenize (ArTokenizerNext over every body),
 * tokenize+normalize (tokenize, then normalize each word token: the shape of
 * the stemmer and entity paths).  Default: all of them.
 */
#include "arcore.h"
#include "normalize.h"
#include "tokenize.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct Body
{
	const char *s;
	size_t		len;
} Body;

typedef struct Corpus
{
	char	   *data;
	Body	   *bodies;
	size_t		n;
	size_t		bytes;
} Corpus;

/* What a pass returns so the compiler cannot drop the work. */
typedef struct PassResult
{
	uint64_t	units;			/* tokens, code points or output bytes */
	uint64_t	check;
} PassResult;

static unsigned long interrupt_calls;

/* Stand-in for CHECK_FOR_INTERRUPTS(): count calls, like the glue's hook is called. */
static void
count_interrupt(void)
{
	interrupt_calls++;
}

/* Read the whole file and point one Body at the 4th field of each line. */
static int
corpus_load(const char *path, Corpus *c)
{
	FILE	   *f = fopen(path, "rb");
	long		size;
	size_t		cap = 1024;
	char	   *line;
	char	   *end;

	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	c->data = malloc(size + 1);
	if (fread(c->data, 1, size, f) != (size_t) size)
	{
		fclose(f);
		return -1;
	}
	fclose(f);
	c->data[size] = '\0';
	c->bodies = malloc(cap * sizeof(Body));
	c->n = c->bytes = 0;
	for (line = c->data; line < c->data + size; line = end + 1)
	{
		char	   *field = line;
		int			tabs = 0;

		end = memchr(line, '\n', c->data + size - line);
		if (!end)
			end = c->data + size;
		while (tabs < 3 && (field = memchr(field, '\t', end - field)) != NULL)
		{
			field++;
			tabs++;
		}
		if (tabs < 3 || field >= end)
			continue;
		if (c->n == cap)
			c->bodies = realloc(c->bodies, (cap *= 2) * sizeof(Body));
		c->bodies[c->n].s = field;
		c->bodies[c->n].len = end - field;
		c->bytes += end - field;
		c->n++;
	}
	return 0;
}

/* Decode every code point: the cost floor of any UTF-8 pass. */
static PassResult
pass_decode(const Corpus *c)
{
	PassResult	r = {0, 0};

	for (size_t i = 0; i < c->n; i++)
	{
		const unsigned char *p = (const unsigned char *) c->bodies[i].s;
		size_t		len = c->bodies[i].len;
		size_t		pos = 0;

		while (pos < len)
		{
			uint32_t	cp;

			pos += ArUtf8Decode(p + pos, len - pos, &cp);
			r.check += cp;
			r.units++;
		}
	}
	return r;
}

/* ArNormalize each body with the given folds into a reused buffer. */
static PassResult
pass_normalize_flags(const Corpus *c, unsigned flags)
{
	PassResult	r = {0, 0};
	ArBuf		out;

	ArBufInit(&out, 4096);
	for (size_t i = 0; i < c->n; i++)
	{
		out.len = 0;
		ArNormalize(c->bodies[i].s, c->bodies[i].len, flags, &out);
		r.units += out.len;
		if (out.len)
			r.check += (unsigned char) out.data[out.len / 2];
	}
	ArFree(out.data);
	return r;
}

static PassResult
pass_normalize(const Corpus *c)
{
	return pass_normalize_flags(c, AR_NORM_DEFAULT);
}

static PassResult
pass_normalize_noicu(const Corpus *c)
{
	return pass_normalize_flags(c, AR_NORM_DEFAULT & ~AR_NORM_PRESENTATION);
}

/* Tokenize each body; optionally normalize every word token as consumers do. */
static PassResult
pass_tokenize_impl(const Corpus *c, bool normalize)
{
	PassResult	r = {0, 0};
	ArBuf		out;

	ArBufInit(&out, 256);
	for (size_t i = 0; i < c->n; i++)
	{
		ArTokenizer tz;
		ArToken		tok;

		ArTokenizerInit(&tz, c->bodies[i].s, c->bodies[i].len);
		while (ArTokenizerNext(&tz, &tok))
		{
			r.units++;
			r.check += tok.type + tok.char_len;
			if (normalize && (tok.type == AR_TOK_ARABIC || tok.type == AR_TOK_LATIN ||
							  tok.type == AR_TOK_WORD))
			{
				out.len = 0;
				ArNormalize(c->bodies[i].s + tok.byte_start, tok.byte_len,
							AR_NORM_DEFAULT, &out);
				r.check += out.len;
			}
		}
	}
	ArFree(out.data);
	return r;
}

static PassResult
pass_tokenize(const Corpus *c)
{
	return pass_tokenize_impl(c, false);
}

static PassResult
pass_tokenize_normalize(const Corpus *c)
{
	return pass_tokenize_impl(c, true);
}

typedef struct Mode
{
	const char *name;
	const char *units;
	PassResult	(*pass) (const Corpus *c);
} Mode;

static const Mode modes[] = {
	{"decode", "code points", pass_decode},
	{"normalize", "output bytes", pass_normalize},
	{"normalize-noicu", "output bytes", pass_normalize_noicu},
	{"tokenize", "tokens", pass_tokenize},
	{"tokenize+normalize", "tokens", pass_tokenize_normalize},
};

#define NMODES (sizeof(modes) / sizeof(modes[0]))

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* True when name is one of the comma-separated entries of list. */
static bool
in_list(const char *list, const char *name)
{
	size_t		n = strlen(name);

	for (const char *p = list; p && *p;)
	{
		const char *comma = strchr(p, ',');
		size_t		len = comma ? (size_t) (comma - p) : strlen(p);

		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}

int
main(int argc, char **argv)
{
	const char *path = "../shared/corpus/arabic_news_sample.tsv";
	const char *only = NULL;
	int			passes = 5;
	Corpus		c;
	ArCoreHooks hooks = {NULL, NULL, NULL, count_interrupt};

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			passes = atoi(argv[++i]);
		else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc)
			only = argv[++i];
		else if (argv[i][0] == '-')
		{
			fprintf(stderr, "usage: %s [-n passes] [-m mode[,mode...]] [file.tsv]\n", argv[0]);
			return 2;
		}
		else
			path = argv[i];
	}
	if (passes < 1)
		passes = 1;
	if (corpus_load(path, &c) != 0)
	{
		printf("core_bench: SKIPPED — cannot read %s\n", path);
		return 0;
	}
	ArCoreSetHooks(&hooks);

	printf("%zu bodies, %.2f MB; best of %d passes\n\n", c.n, c.bytes / 1e6, passes);
	printf("| stage | MB/s | ns/byte | units | interrupt checks/MB |\n");
	printf("| --- | ---: | ---: | ---: | ---: |\n");
	for (size_t m = 0; m < NMODES; m++)
	{
		double		best = 1e30;
		PassResult	r = {0, 0};

		if (only && !in_list(only, modes[m].name))
			continue;
		interrupt_calls = 0;
		for (int p = 0; p < passes; p++)
		{
			double		t0 = now_seconds();
			double		t;

			r = modes[m].pass(&c);
			t = now_seconds() - t0;
			if (t < best)
				best = t;
		}
		printf("| %s | %.1f | %.2f | %llu %s | %.1f |\n", modes[m].name,
			   c.bytes / 1e6 / best, best * 1e9 / c.bytes,
			   (unsigned long long) r.units, modes[m].units,
			   interrupt_calls / (double) passes / (c.bytes / 1e6));
		if (r.check == 42)		/* keep the result alive */
			putchar(' ');
	}
	free(c.bodies);
	free(c.data);
	return 0;
}

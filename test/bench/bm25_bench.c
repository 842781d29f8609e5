/*
 * bm25_bench.c — speed and size of the bm25 core on real news text.
 *
 * Reads a corpus .tsv (id, source, title, body), turns every body into
 * tsvector-like lexemes with the core's own tokenizer, normalizer and
 * stemmer (words only, positions 1.. capped at 16,383; no rarity marks),
 * then times, with no PostgreSQL involved:
 *   build    Bm25DocTerms + Bm25BuildAddDoc + Bm25BuildFinish (docs/s)
 *   decode   every posting of every term through a cursor (postings/s)
 *   query    every title as an OR query, top 10 by block-max WAND
 *            (queries/s), with how many documents were fully scored
 *            against how many hold a query term (the pruning ratio).
 *
 *   bm25_bench [-c chunk] [-k k] [file.tsv]
 */
#include "bm25_int.h"
#include "normalize.h"
#include "stem.h"
#include "tokenize.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* One document as lexemes with positions, or one query's lexemes. */
typedef struct Lexemes
{
	int			n;
	Bm25Lexeme *lx;
	char	   *bytes;
	uint16_t   *pos;
} Lexemes;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);	/* CPU time: the machine is shared */
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct Tok
{
	size_t		off;
	uint16_t	len;
	uint16_t	pos;
} Tok;

static const char *sort_base;

static int
cmp_tok(const void *a, const void *b)
{
	const Tok  *x = a,
			   *y = b;
	int			c = bm25_term_cmp(sort_base + x->off, x->len, sort_base + y->off, y->len);

	return c ? c : (int) x->pos - (int) y->pos;
}

/* Tokenize, normalize and stem text into sorted lexemes with positions. */
static void
lexemes_of(const char *text, size_t len, Lexemes *out)
{
	ArTokenizer tz;
	ArToken		tok;
	ArBuf		words,
				norm;
	Tok		   *toks = malloc(sizeof(Tok) * (len / 2 + 2));
	int			nt = 0,
				i;

	ArBufInit(&words, len + 16);
	ArBufInit(&norm, 64);
	ArTokenizerInit(&tz, text, len);
	while (ArTokenizerNext(&tz, &tok))
	{
		const char *st;
		size_t		sl;

		if (tok.type != AR_TOK_ARABIC && tok.type != AR_TOK_LATIN)
			continue;
		norm.len = 0;
		ArNormalize(text + tok.byte_start, tok.byte_len, AR_NORM_DEFAULT, &norm);
		st = ArStem(norm.data, norm.len, &sl);
		if (sl == 0 || sl > 200)
			continue;
		toks[nt].off = words.len;
		toks[nt].len = (uint16_t) sl;
		toks[nt].pos = (uint16_t) (nt + 1 < BM25_MAX_POSITION ? nt + 1 : BM25_MAX_POSITION);
		ArBufAppend(&words, st, sl);
		nt++;
	}
	sort_base = words.data;
	qsort(toks, nt, sizeof(Tok), cmp_tok);
	out->bytes = words.data;
	out->lx = malloc(sizeof(Bm25Lexeme) * (nt + 1));
	out->pos = malloc(sizeof(uint16_t) * (nt + 1));
	out->n = 0;
	for (i = 0; i < nt; i++)
	{
		Bm25Lexeme *l = &out->lx[out->n];

		if (out->n > 0 && l[-1].len == toks[i].len &&
			memcmp(l[-1].lex, words.data + toks[i].off, toks[i].len) == 0)
		{
			/* a lexeme's tokens are adjacent after the sort, so its positions
			 * fill out->pos from its first token on; tsvector keeps 256 */
			if (l[-1].npos < 256)
				((uint16_t *) l[-1].pos)[l[-1].npos++] = toks[i].pos;
			continue;
		}
		l->lex = words.data + toks[i].off;
		l->len = toks[i].len;
		l->pos = out->pos + i;
		out->pos[i] = toks[i].pos;
		l->npos = 1;
		out->n++;
	}
	free(toks);
	ArFree(norm.data);
}

static void
lexemes_free(Lexemes *l)
{
	ArFree(l->bytes);
	free(l->lx);
	free(l->pos);
}

/* Titles and bodies of a tsv file: field 3 and field 4 of each line. */
static int
load(const char *path, Lexemes **docs, Lexemes **titles, int *n)
{
	FILE	   *f = fopen(path, "rb");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			room = 1024;

	if (!f)
		return -1;
	*n = 0;
	*docs = malloc(sizeof(Lexemes) * room);
	*titles = malloc(sizeof(Lexemes) * room);
	while ((got = getline(&line, &cap, f)) > 0)
	{
		char	   *t = strchr(line, '\t'),
				   *b;

		t = t ? strchr(t + 1, '\t') : NULL;
		b = t ? strchr(t + 1, '\t') : NULL;
		if (!b)
			continue;
		if (*n == room)
		{
			room *= 2;
			*docs = realloc(*docs, sizeof(Lexemes) * room);
			*titles = realloc(*titles, sizeof(Lexemes) * room);
		}
		lexemes_of(t + 1, b - t - 1, &(*titles)[*n]);
		lexemes_of(b + 1, strcspn(b + 1, "\r\n"), &(*docs)[*n]);
		(*n)++;
	}
	free(line);
	fclose(f);
	return 0;
}

static const uint8_t *
mem_read(void *arg, uint32_t chunkno, uint8_t *buf)
{
	const Bm25Image *img = arg;

	return img->data + (size_t) chunkno * img->chunk_size;
}

/* Build one segment of every document; returns seconds. */
static double
bench_build(Lexemes *docs, int n, uint32_t chunk, const Bm25Params *p, Bm25Image *img)
{
	double		t0 = now();
	Bm25Builder *b = Bm25BuildCreate(p, chunk);
	Bm25DocTerm *terms = malloc(sizeof(Bm25DocTerm) * 70000);
	int			i;

	for (i = 0; i < n; i++)
	{
		uint32_t	dl;
		int			nt = Bm25DocTerms(p, docs[i].lx, docs[i].n, terms, &dl);
		Bm25Tid		tid = Bm25TidMake((uint32_t) i / 8, (uint16_t) (1 + i % 8));

		if (Bm25BuildAddDoc(b, &tid, terms, nt) != BM25_OK)
			fprintf(stderr, "doc %d: %s\n", i, Bm25BuildError(b));
	}
	if (Bm25BuildFinish(b, img) != BM25_OK)
		fprintf(stderr, "finish: %s\n", Bm25BuildError(b));
	Bm25BuildFree(b);
	free(terms);
	return now() - t0;
}

/* Read every posting of every term; returns seconds. */
static double
bench_decode(Bm25Image *img, uint64_t *postings)
{
	double		t0 = now();
	Bm25Reader *r;
	Bm25DictIter it;
	Bm25DictEntry e;

	*postings = 0;
	Bm25ReaderOpen(mem_read, img, img->chunk_size, img->nchunks, &r, NULL, 0);
	bm25_dict_iter_init(&it, r);
	while (bm25_dict_iter_next(&it, &e) == BM25_OK)
	{
		Bm25Cursor *c;

		Bm25CursorOpen(r, &e.info, &c);
		while (Bm25CursorNext(c) == BM25_OK)
			(*postings)++;
		Bm25CursorClose(c);
	}
	bm25_dict_iter_free(&it);
	Bm25ReaderClose(r);
	return now() - t0;
}

/* Every title as a top-k query; returns seconds. */
static double
bench_queries(Bm25Image *img, Lexemes *titles, int n, int k, const Bm25Params *p,
			  Bm25SearchStats *st)
{
	double		t0 = now();
	Bm25Reader *r;
	int			i,
				j;

	Bm25ReaderOpen(mem_read, img, img->chunk_size, img->nchunks, &r, NULL, 0);
	for (i = 0; i < n; i++)
	{
		Bm25Query  *q = Bm25QueryCreate(p, titles[i].lx, titles[i].n);
		Bm25TopK   *t = Bm25TopKCreate(k, NULL);
		uint64_t   *df = malloc(sizeof(uint64_t) * (Bm25QueryNumTerms(q) + 1));

		for (j = 0; j < Bm25QueryNumTerms(q); j++)
		{
			const char *lex;
			size_t		len;
			Bm25TermInfo info;

			Bm25QueryTerm(q, j, &lex, &len);
			df[j] = Bm25ReaderLookup(r, lex, len, &info) == BM25_OK ? info.df : 0;
		}
		Bm25QuerySetStats(q, img->ndocs, img->total_dl, df);
		Bm25Search(q, r, t, st);
		Bm25TopKFree(t);
		Bm25QueryFree(q);
		free(df);
	}
	Bm25ReaderClose(r);
	return now() - t0;
}

int
main(int argc, char **argv)
{
	const char *path = "../shared/corpus/arabic_news_sample.tsv";
	uint32_t	chunk = 8152;
	int			k = 10,
				n,
				i,
				nq;
	Lexemes    *docs,
			   *titles;
	Bm25Params	p;
	Bm25Image	img;
	Bm25SearchStats st = {0};
	uint64_t	postings;
	double		tb,
				td,
				tq;

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			chunk = (uint32_t) atoi(argv[++i]);
		else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc)
			k = atoi(argv[++i]);
		else
			path = argv[i];
	}
	if (load(path, &docs, &titles, &n) != 0 || n == 0)
	{
		fprintf(stderr, "bm25_bench: cannot read %s (needs ../shared/corpus)\n", path);
		return 0;
	}
	Bm25ParamsDefault(&p);
	tb = bench_build(docs, n, chunk, &p, &img);
	td = bench_decode(&img, &postings);
	nq = n < 1000 ? n : 1000;
	tq = bench_queries(&img, titles, nq, k, &p, &st);
	printf("documents        %d, %u terms, %llu postings, avg dl %.1f\n", n, img.nterms,
		   (unsigned long long) img.npostings, (double) img.total_dl / n);
	printf("build            %.3f s  (%.0f docs/s, %.2f M postings/s)\n", tb, n / tb, img.npostings / tb / 1e6);
	printf("segment          %.2f MB in %u chunks of %u: %.2f bytes per posting, all included\n",
		   img.len / 1048576.0, img.nchunks, chunk, (double) img.len / img.npostings);
	printf("sections         chunks: doc table %u, postings %u, dictionary %u, directory %u\n",
		   bm25_get32(img.data + BM25_HDR_POST_CHUNK) - 1,
		   bm25_get32(img.data + BM25_HDR_DICT_CHUNK) - bm25_get32(img.data + BM25_HDR_POST_CHUNK),
		   bm25_get32(img.data + BM25_HDR_DIR_CHUNK) - bm25_get32(img.data + BM25_HDR_DICT_CHUNK),
		   img.nchunks - bm25_get32(img.data + BM25_HDR_DIR_CHUNK));
	printf("decode           %.3f s  (%.1f M postings/s)\n", td, postings / td / 1e6);
	printf("queries          %d titles, top %d: %.3f s (%.0f queries/s)\n", nq, k, tq, nq / tq);
	printf("pruning          %llu docs scored of %llu postings of the query terms (%.1f%%); "
		   "blocks %llu decoded, %llu skipped\n",
		   (unsigned long long) st.docs_scored, (unsigned long long) st.postings_total,
		   100.0 * st.docs_scored / (st.postings_total ? st.postings_total : 1),
		   (unsigned long long) st.blocks_decoded, (unsigned long long) st.blocks_skipped);
	for (i = 0; i < n; i++)
	{
		lexemes_free(&docs[i]);
		lexemes_free(&titles[i]);
	}
	free(docs);
	free(titles);
	Bm25ImageFree(&img);
	return 0;
}

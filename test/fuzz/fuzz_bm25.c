/*
 * fuzz_bm25.c — libFuzzer target for the bm25 segment format.
 *
 * The first byte picks a mode:
 *   0  the rest is a segment image (chunks of 256 bytes): open, verify,
 *      look-ups, a top-k search and a merge never crash or read out of bounds;
 *   1  the rest describes documents: build a segment, read it back, and
 *      every document, term and frequency must equal the input (abort);
 *   2  documents as in 1, built, then damaged by (offset, byte) patches
 *      from the input: reader, verify, search and a merge into a new
 *      segment never crash.  Mode 2
 *      reaches deep into valid structure, where raw bytes (mode 0) rarely go.
 */
#include <stdlib.h>

#include "bm25_int.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_DOCS 48
#define MAX_TERMS 24

typedef struct In
{
	const uint8_t *p;
	const uint8_t *end;
} In;

static uint8_t
next_byte(In *in)
{
	return in->p < in->end ? *in->p++ : 0;
}

typedef struct FDoc
{
	Bm25Tid		tid;
	int			n;
	Bm25DocTerm t[MAX_TERMS];
	bool		accepted;
} FDoc;

typedef struct Mem
{
	const uint8_t *data;
	uint32_t	chunk;
} Mem;

static const uint8_t *
mem_read(void *arg, uint32_t chunkno, uint8_t *buf)
{
	Mem		   *m = arg;

	memcpy(buf, m->data + (size_t) chunkno * m->chunk, m->chunk);
	return buf;
}

/* Documents from the input: TIDs, terms of 1-6 input bytes, frequencies. */
static int
parse_docs(In *in, FDoc *docs)
{
	int			n = 1 + next_byte(in) % MAX_DOCS,
				i,
				j;

	for (i = 0; i < n; i++)
	{
		FDoc	   *d = &docs[i];
		uint32_t	block = next_byte(in);

		block |= (uint32_t) next_byte(in) << 8;
		d->tid = Bm25TidMake(block, (uint16_t) (next_byte(in) % 4));
		d->n = next_byte(in) % MAX_TERMS;
		for (j = 0; j < d->n; j++)
		{
			uint8_t		len = 1 + next_byte(in) % 6,
						f = next_byte(in);

			d->t[j].len = (uint16_t) (in->end - in->p < len ? in->end - in->p : len);
			d->t[j].lex = (const char *) in->p;
			in->p += d->t[j].len;
			d->t[j].freq.tf = (uint16_t) (f < 200 ? 1 + f % 3 : 1 + (f - 200) * 1000);
			d->t[j].freq.lead = (uint16_t) (next_byte(in) % (d->t[j].freq.tf + 1));
		}
	}
	return n;
}

/* Build the documents; false when the builder refused them (a TID twice). */
static bool
build(FDoc *docs, int n, uint32_t chunk, Bm25Image *img)
{
	Bm25Params	p;
	Bm25Builder *b;
	int			i,
				status;

	Bm25ParamsDefault(&p);
	b = Bm25BuildCreate(&p, chunk);
	for (i = 0; i < n; i++)
		docs[i].accepted = Bm25BuildAddDoc(b, &docs[i].tid, docs[i].t, docs[i].n) == BM25_OK;
	status = Bm25BuildFinish(b, img);
	Bm25BuildFree(b);
	if (status != BM25_OK && status != BM25_ERR_DUPLICATE)
		abort();
	return status == BM25_OK;
}

/* The ordinal of tid among the accepted documents (TID order). */
static uint32_t
ordinal_of(const FDoc *docs, int n, const Bm25Tid *tid)
{
	uint32_t	o = 0;
	int			i;

	for (i = 0; i < n; i++)
		o += docs[i].accepted && Bm25TidCmp(&docs[i].tid, tid) < 0;
	return o;
}

/* Every accepted document's dl and every term's posting read back. */
static void
check_doc(Bm25Reader *r, const FDoc *docs, int n, const FDoc *d)
{
	uint32_t	o = ordinal_of(docs, n, &d->tid),
				dl = 0,
				got_dl;
	Bm25Tid		tid;
	int			j;

	for (j = 0; j < d->n; j++)
	{
		Bm25TermInfo info;
		Bm25Cursor *c;

		if (!Bm25IsTerm(d->t[j].lex, d->t[j].len))
			continue;
		dl += d->t[j].freq.tf;
		if (Bm25ReaderLookup(r, d->t[j].lex, d->t[j].len, &info) != BM25_OK ||
			Bm25CursorOpen(r, &info, &c) != BM25_OK)
			abort();
		if (Bm25CursorAdvance(c, o) != BM25_OK || Bm25CursorOrd(c) != o ||
			Bm25CursorFreq(c).tf != d->t[j].freq.tf || Bm25CursorFreq(c).lead != d->t[j].freq.lead)
			abort();
		Bm25CursorClose(c);
	}
	if (Bm25ReaderDoc(r, o, &tid, &got_dl) != BM25_OK || Bm25TidCmp(&tid, &d->tid) != 0 || got_dl != dl)
		abort();
}

static void
roundtrip(FDoc *docs, int n, const Bm25Image *img)
{
	Mem			m = {img->data, img->chunk_size};
	Bm25Reader *r;
	char		msg[300];
	int			i;

	if (Bm25VerifySegment(mem_read, &m, img->chunk_size, img->nchunks, msg, sizeof(msg)) != BM25_OK ||
		Bm25ReaderOpen(mem_read, &m, img->chunk_size, img->nchunks, &r, NULL, 0) != BM25_OK)
		abort();
	for (i = 0; i < n; i++)
		if (docs[i].accepted)
			check_doc(r, docs, n, &docs[i]);
	Bm25ReaderClose(r);
}

/* Reader, verify, look-ups and a search over any image: must not crash. */
static void
probe(const uint8_t *data, uint32_t chunk, uint32_t nchunks, const FDoc *docs, int n)
{
	Mem			m = {data, chunk};
	Bm25Reader *r;
	Bm25Params	p;
	Bm25Lexeme	lx[MAX_TERMS];
	uint64_t	df[MAX_TERMS];
	char		msg[300];
	int			i,
				nq = 0;

	Bm25VerifySegment(mem_read, &m, chunk, nchunks, msg, sizeof(msg));
	if (Bm25ReaderOpen(mem_read, &m, chunk, nchunks, &r, NULL, 0) != BM25_OK)
		return;
	Bm25ParamsDefault(&p);
	for (i = 0; i < n && nq < MAX_TERMS; i++)
		if (docs[i].n > 0)
		{
			lx[nq].lex = docs[i].t[0].lex;
			lx[nq].len = docs[i].t[0].len;
			lx[nq].npos = 0;
			lx[nq].pos = NULL;
			df[nq++] = 1 + i;
		}
	{
		Bm25Query  *q = Bm25QueryCreate(&p, lx, nq);
		Bm25TopK   *t = Bm25TopKCreate(3, NULL);

		Bm25QuerySetStats(q, 100, 500, df);
		Bm25Search(q, r, t, NULL);
		Bm25TopKFree(t);
		Bm25QueryFree(q);
	}
	{
		/* VACUUM's rewrite reads the whole segment too */
		Bm25Builder *b = Bm25BuildCreate(&p, chunk);
		Bm25Image	img;

		if (Bm25BuildAddSegment(b, r, NULL, NULL) == BM25_OK && Bm25BuildFinish(b, &img) == BM25_OK)
			Bm25ImageFree(&img);
		Bm25BuildFree(b);
	}
	Bm25ReaderClose(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	In			in = {data, data + size};
	FDoc		docs[MAX_DOCS];
	Bm25Image	img;
	int			mode = next_byte(&in) % 3,
				n = 0;

	if (mode == 0)
	{
		size_t		len = in.end - in.p;
		uint8_t    *buf = calloc(1, len + BM25_MIN_CHUNK);

		memcpy(buf, in.p, len);
		if (len > 0)
			probe(buf, BM25_MIN_CHUNK, (uint32_t) ((len + BM25_MIN_CHUNK - 1) / BM25_MIN_CHUNK), docs, 0);
		free(buf);
		return 0;
	}
	{
		uint32_t	chunk = BM25_MIN_CHUNK + (next_byte(&in) % 8) * 97;

		n = parse_docs(&in, docs);
		if (!build(docs, n, chunk, &img))
			return 0;
	}
	if (mode == 1)
		roundtrip(docs, n, &img);
	else
	{
		/* (offset, byte) patches from the rest of the input */
		while (in.end - in.p >= 3)
		{
			uint32_t	off = (uint32_t) next_byte(&in) << 8 | next_byte(&in);

			img.data[off * 7 % img.len] = next_byte(&in);
		}
		probe(img.data, img.chunk_size, img.nchunks, docs, n);
	}
	Bm25ImageFree(&img);
	return 0;
}

/*
 * test_bm25.c — unit tests for the bm25 core (src/core/bm25*.c): scoring,
 * segment build/read round trips at several chunk sizes, chunk boundaries,
 * a huge document, corrupt images, the block bound, merging, and top-k
 * against exhaustive scoring over thousands of random queries.
 *
 * Randomness is a fixed-seed xorshift, so every run checks the same cases.
 */
#include <math.h>
#include <stdlib.h>

#include "bm25_int.h"
#include "unit.h"

/* ------------------------------------------------------------ helpers */

static uint64_t rng_state = 88172645463325252ull;

static uint64_t
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint32_t
rnd_below(uint32_t n)
{
	return (uint32_t) (rnd() % n);
}

/* An image in memory; the callback copies or lends chunks. */
typedef struct MemImage
{
	const uint8_t *data;
	uint32_t	chunk;
	bool		lend;
	uint32_t	fail_at;		/* chunk whose read fails (UINT32_MAX: none) */
	uint64_t	reads;
} MemImage;

static const uint8_t *
mem_read(void *arg, uint32_t chunkno, uint8_t *buf)
{
	MemImage   *m = arg;

	m->reads++;
	if (chunkno == m->fail_at)
		return NULL;
	if (m->lend)
		return m->data + (size_t) chunkno * m->chunk;
	memcpy(buf, m->data + (size_t) chunkno * m->chunk, m->chunk);
	return buf;
}

static MemImage
mem_of(const Bm25Image *img, bool lend)
{
	MemImage	m = {img->data, img->chunk_size, lend, UINT32_MAX, 0};

	return m;
}

/* A test collection: documents as term numbers into a vocabulary. */
typedef struct TDoc
{
	Bm25Tid		tid;
	int			n;
	int		   *term;
	Bm25Freq   *freq;
	uint32_t	dl;
} TDoc;

typedef struct TColl
{
	int			ndocs;
	TDoc	   *docs;
	int			nvocab;
	char	  **word;
	uint16_t   *wlen;
	double	   *zipf;			/* cumulative weights */
} TColl;

/* Word i: distinct bytes of varied length, Arabic letters and ASCII. */
static void
make_vocab(TColl *c, int nvocab)
{
	int			i;

	c->nvocab = nvocab;
	c->word = malloc(sizeof(char *) * nvocab);
	c->wlen = malloc(sizeof(uint16_t) * nvocab);
	c->zipf = malloc(sizeof(double) * nvocab);
	for (i = 0; i < nvocab; i++)
	{
		char		buf[64];
		int			n = 0,
					v = i,
					pad = (int) rnd_below(4);

		while (pad-- > 0)
		{
			buf[n++] = (char) 0xD8;
			buf[n++] = (char) (0xA7 + rnd_below(20));
		}
		do
		{
			buf[n++] = "abcdefghijklmnopqrstuvwxyz0123456789"[v % 36];
			v /= 36;
		} while (v);
		c->word[i] = malloc(n);
		memcpy(c->word[i], buf, n);
		c->wlen[i] = (uint16_t) n;
		c->zipf[i] = (i ? c->zipf[i - 1] : 0.0) + 1.0 / pow(i + 1.0, 1.1);
	}
}

static int
zipf_pick(const TColl *c)
{
	double		u = (double) (rnd() >> 11) / 9007199254740992.0 * c->zipf[c->nvocab - 1];
	int			lo = 0,
				hi = c->nvocab - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (c->zipf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One random document of about len distinct terms. */
static void
make_doc(TColl *c, TDoc *d, int len)
{
	int			i,
				j;

	d->term = malloc(sizeof(int) * (len + 1));
	d->freq = malloc(sizeof(Bm25Freq) * (len + 1));
	d->n = 0;
	d->dl = 0;
	for (i = 0; i < len; i++)
	{
		int			t = zipf_pick(c);

		for (j = 0; j < d->n && d->term[j] != t; j++)
			;
		if (j < d->n)
			continue;			/* a term once per document */
		d->term[d->n] = t;
		d->freq[d->n].tf = (uint16_t) (rnd_below(4) == 0 ? 1 + rnd_below(6) : 1);
		d->freq[d->n].lead = (uint16_t) rnd_below(d->freq[d->n].tf + 1);
		d->dl += d->freq[d->n].tf;
		d->n++;
	}
}

/*
 * ndocs random documents; every 17th repeats the previous one's terms (a
 * score tie broken by TID).  TIDs ascend with the index, with gaps.
 */
static TColl *
make_coll(int ndocs, int nvocab, int maxlen)
{
	TColl	   *c = calloc(1, sizeof(TColl));
	int			i;

	make_vocab(c, nvocab);
	c->ndocs = ndocs;
	c->docs = calloc(ndocs, sizeof(TDoc));
	for (i = 0; i < ndocs; i++)
	{
		TDoc	   *d = &c->docs[i];

		if (i > 0 && i % 17 == 0)
		{
			d->n = c->docs[i - 1].n;
			d->dl = c->docs[i - 1].dl;
			d->term = malloc(sizeof(int) * (d->n + 1));
			d->freq = malloc(sizeof(Bm25Freq) * (d->n + 1));
			memcpy(d->term, c->docs[i - 1].term, sizeof(int) * d->n);
			memcpy(d->freq, c->docs[i - 1].freq, sizeof(Bm25Freq) * d->n);
		}
		else
			make_doc(c, d, 1 + (int) rnd_below(maxlen));
		d->tid = Bm25TidMake((uint32_t) (i / 7), (uint16_t) (1 + i % 7 * 3));
	}
	return c;
}

static void
free_coll(TColl *c)
{
	int			i;

	for (i = 0; i < c->ndocs; i++)
	{
		free(c->docs[i].term);
		free(c->docs[i].freq);
	}
	for (i = 0; i < c->nvocab; i++)
		free(c->word[i]);
	free(c->docs);
	free(c->word);
	free(c->wlen);
	free(c->zipf);
	free(c);
}

static int
add_tdoc(Bm25Builder *b, const TColl *c, const TDoc *d)
{
	Bm25DocTerm *terms = malloc(sizeof(Bm25DocTerm) * (d->n + 1));
	int			i,
				status;

	for (i = 0; i < d->n; i++)
	{
		terms[i].lex = c->word[d->term[i]];
		terms[i].len = c->wlen[d->term[i]];
		terms[i].freq = d->freq[i];
	}
	status = Bm25BuildAddDoc(b, &d->tid, terms, d->n);
	free(terms);
	return status;
}

/* Build documents [from, to) of c, in a shuffled order when shuffle. */
static int
build_range(const TColl *c, int from, int to, uint32_t chunk, bool shuffle,
			const Bm25Params *p, Bm25Image *img)
{
	Bm25Builder *b = Bm25BuildCreate(p, chunk);
	int		   *order = malloc(sizeof(int) * (to - from + 1));
	int			i,
				status = BM25_OK;

	for (i = 0; i < to - from; i++)
		order[i] = from + i;
	for (i = to - from - 1; shuffle && i > 0; i--)
	{
		int			j = (int) rnd_below(i + 1),
					t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < to - from && status == BM25_OK; i++)
		status = add_tdoc(b, c, &c->docs[order[i]]);
	if (status == BM25_OK)
		status = Bm25BuildFinish(b, img);
	Bm25BuildFree(b);
	free(order);
	return status;
}

/* Postings of each vocabulary term over documents [from, to), by ordinal. */
typedef struct TInv
{
	int		   *df;
	int		  **ord;
	Bm25Freq  **freq;
	int			nvocab;
} TInv;

static TInv
invert(const TColl *c, int from, int to)
{
	TInv		v;
	int			i,
				j;

	v.nvocab = c->nvocab;
	v.df = calloc(c->nvocab, sizeof(int));
	v.ord = calloc(c->nvocab, sizeof(int *));
	v.freq = calloc(c->nvocab, sizeof(Bm25Freq *));
	for (i = from; i < to; i++)
		for (j = 0; j < c->docs[i].n; j++)
			v.df[c->docs[i].term[j]]++;
	for (i = 0; i < c->nvocab; i++)
	{
		v.ord[i] = malloc(sizeof(int) * (v.df[i] + 1));
		v.freq[i] = malloc(sizeof(Bm25Freq) * (v.df[i] + 1));
		v.df[i] = 0;
	}
	for (i = from; i < to; i++)
		for (j = 0; j < c->docs[i].n; j++)
		{
			int			t = c->docs[i].term[j];

			v.ord[t][v.df[t]] = i - from;
			v.freq[t][v.df[t]++] = c->docs[i].freq[j];
		}
	return v;
}

static void
free_inv(TInv *v)
{
	int			i;

	for (i = 0; i < v->nvocab; i++)
	{
		free(v->ord[i]);
		free(v->freq[i]);
	}
	free(v->df);
	free(v->ord);
	free(v->freq);
}

/* A term's postings read with Next, and with Advance to random targets. */
static bool
check_term_postings(Bm25Reader *r, const TInv *v, int t, const Bm25TermInfo *info)
{
	Bm25Cursor *cur;
	int			k = 0,
				status;
	uint32_t	target = 0;

	if (Bm25CursorOpen(r, info, &cur) != BM25_OK)
		return false;
	while ((status = Bm25CursorNext(cur)) == BM25_OK)
	{
		Bm25Freq	f = Bm25CursorFreq(cur);

		if (k >= v->df[t] || Bm25CursorOrd(cur) != (uint32_t) v->ord[t][k] ||
			f.tf != v->freq[t][k].tf || f.lead != v->freq[t][k].lead)
			break;
		k++;
	}
	Bm25CursorClose(cur);
	if (status != BM25_END || k != v->df[t])
		return false;
	if (Bm25CursorOpen(r, info, &cur) != BM25_OK)
		return false;
	k = 0;
	for (;;)
	{
		target += rnd_below(200);
		while (k < v->df[t] && (uint32_t) v->ord[t][k] < target)
			k++;
		status = Bm25CursorAdvance(cur, target);
		if (k == v->df[t] ? status != BM25_END :
			(status != BM25_OK || Bm25CursorOrd(cur) != (uint32_t) v->ord[t][k]))
			break;
		if (k == v->df[t])
			break;
	}
	Bm25CursorClose(cur);
	return k == v->df[t] && status == BM25_END;
}

/* Documents [from, to) of c read back from img exactly. */
static bool
check_roundtrip(const TColl *c, int from, int to, const Bm25Image *img, bool lend)
{
	MemImage	m = mem_of(img, lend);
	Bm25Reader *r;
	Bm25SegmentInfo si;
	TInv		v = invert(c, from, to);
	bool		ok = true;
	int			i;

	if (Bm25ReaderOpen(mem_read, &m, img->chunk_size, img->nchunks, &r, NULL, 0) != BM25_OK)
		return false;
	Bm25ReaderInfo(r, &si);
	ok = si.ndocs == (uint32_t) (to - from) && si.npostings == img->npostings;
	for (i = from; ok && i < to; i++)
	{
		Bm25Tid		tid;
		uint32_t	dl;

		ok = Bm25ReaderDoc(r, i - from, &tid, &dl) == BM25_OK &&
			Bm25TidCmp(&tid, &c->docs[i].tid) == 0 && dl == c->docs[i].dl;
	}
	for (i = 0; ok && i < c->nvocab; i++)
	{
		Bm25TermInfo info;
		int			status = Bm25ReaderLookup(r, c->word[i], c->wlen[i], &info);

		if (v.df[i] == 0)
			ok = status == BM25_NOT_FOUND;
		else
			ok = status == BM25_OK && info.df == (uint32_t) v.df[i] &&
				check_term_postings(r, &v, i, &info);
	}
	/* before the first term, after the last, between two */
	if (ok)
	{
		Bm25TermInfo info;

		ok = Bm25ReaderLookup(r, "", 0, &info) == BM25_NOT_FOUND &&
			Bm25ReaderLookup(r, "\xff\xff", 2, &info) == BM25_NOT_FOUND &&
			Bm25ReaderLookup(r, "a~", 2, &info) == BM25_NOT_FOUND;
	}
	Bm25ReaderClose(r);
	free_inv(&v);
	return ok;
}

static int
verify_image(const Bm25Image *img, char *msg, size_t size)
{
	MemImage	m = mem_of(img, false);

	return Bm25VerifySegment(mem_read, &m, img->chunk_size, img->nchunks, msg, size);
}

static void
test_roundtrip(void)
{
	static const uint32_t chunks[] = {BM25_MIN_CHUNK, 301, 1024, 8152};
	Bm25Params	p;
	TColl	   *c = make_coll(1500, 3000, 120);
	int			i;

	Bm25ParamsDefault(&p);
	for (i = 0; i < 4; i++)
	{
		Bm25Image	img;
		char		msg[300],
					name[100];
		int			status = build_range(c, 0, c->ndocs, chunks[i], i % 2 == 0, &p, &img);

		snprintf(name, sizeof(name), "round trip, chunk %u: build", chunks[i]);
		unit_int(status, BM25_OK, name);
		if (status != BM25_OK)
			continue;
		snprintf(name, sizeof(name), "round trip, chunk %u: every doc and posting reads back (%s)",
				 chunks[i], i % 2 ? "lent chunks" : "copied chunks");
		unit_ok(check_roundtrip(c, 0, c->ndocs, &img, i % 2 == 1), name);
		snprintf(name, sizeof(name), "round trip, chunk %u: verify", chunks[i]);
		unit_int(verify_image(&img, msg, sizeof(msg)), BM25_OK, name);
		if (chunks[i] == 8152)
			printf("# %u docs, %llu postings: %.2f bytes per posting, %u chunks of 8152\n",
				   img.ndocs, (unsigned long long) img.npostings,
				   (double) img.len / (double) img.npostings, img.nchunks);
		Bm25ImageFree(&img);
	}
	free_coll(c);
}

int
main(void)
{
	test_roundtrip();
	return unit_done();
}

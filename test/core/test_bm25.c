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

/* ------------------------------------------------------------ scoring */

static void
test_scoring(void)
{
	Bm25Params	p;
	char		msg[200];
	uint16_t	pos[5] = {3, 0x4000 | 30, 31, 0xC000 | 100, 16383};
	Bm25Lexeme	lx[4] = {
		{"abc", 3, 5, pos}, {"#1f2", 4, 1, pos}, {"", 0, 0, NULL}, {"xyz", 3, 0, NULL}
	};
	Bm25DocTerm out[4];
	Bm25Freq	f;
	uint32_t	dl;

	Bm25ParamsDefault(&p);
	unit_ok(Bm25ParamsCheck(&p, msg, sizeof(msg)), "defaults are valid");
	p.b = 1.5;
	unit_ok(!Bm25ParamsCheck(&p, msg, sizeof(msg)) && strstr(msg, "b must") != NULL, "b out of range named");
	p.b = 0.75;
	p.k1 = -1;
	unit_ok(!Bm25ParamsCheck(&p, msg, sizeof(msg)) && strstr(msg, "k1") != NULL, "k1 out of range named");
	p.k1 = 1.2;
	p.lead_positions = 20000;
	unit_ok(!Bm25ParamsCheck(&p, msg, sizeof(msg)), "lead_positions out of range");
	Bm25ParamsDefault(&p);

	unit_ok(fabs(Bm25Idf(100, 10) - log(1.0 + 90.5 / 10.5)) < 1e-15, "Lucene idf");
	unit_ok(Bm25Idf(10, 50) > 0 && isfinite(Bm25Idf(10, 50)), "df above N is clamped");
	f = Bm25FreqFromPositions(&p, pos, 5);
	unit_ok(f.tf == 5 && f.lead == 2, "tf counts positions, lead those <= 30 (weight bits ignored)");
	f = Bm25FreqFromPositions(&p, NULL, 0);
	unit_ok(f.tf == 1 && f.lead == 0, "no positions: tf 1");
	unit_int(Bm25DocTerms(&p, lx, 4, out, &dl), 2, "'#' and empty lexemes are not terms");
	unit_int(dl, 6, "dl sums the terms' tf");
	unit_ok(Bm25FreqWeight(&p, (Bm25Freq) {5, 2}) == 6.0, "tf' = tf + (lead_weight - 1) lead");
	unit_ok(Bm25TermScore(&p, 2.0, 1.0, 10, 10) == 2.0 * 2.2 / (1.0 + 1.2), "term score at dl = avgdl");
	unit_ok(Bm25TermScore(&p, 2.0, 0.0, 10, 10) == 0.0, "tf' 0 scores 0");
	p.k1 = 0;
	unit_ok(Bm25TermScore(&p, 2.0, 3.0, 10, 10) == 2.0, "k1 0: the idf");
}

/* A query over words; df from counts; checks dedup, order and the score. */
static void
test_query(void)
{
	Bm25Params	p;
	Bm25Lexeme	q[5] = {{"b", 1, 0, NULL}, {"a", 1, 0, NULL}, {"#x", 2, 0, NULL}, {"b", 1, 0, NULL}, {"ab", 2, 0, NULL}};
	Bm25DocTerm doc[3] = {{"ab", 2, {2, 1}}, {"zz", 2, {1, 0}}, {"b", 1, {1, 0}}};
	uint64_t	df[3] = {5, 1, 9};
	Bm25Query  *qq;
	const char *lex;
	size_t		len;
	double		s;
	Bm25Freq	fr[3] = {{0, 0}, {2, 1}, {1, 0}};

	Bm25ParamsDefault(&p);
	qq = Bm25QueryCreate(&p, q, 5);
	unit_int(Bm25QueryNumTerms(qq), 3, "query terms deduplicated, '#' dropped");
	Bm25QueryTerm(qq, 1, &lex, &len);
	unit_ok(len == 2 && memcmp(lex, "ab", 2) == 0, "canonical order is by bytes");
	Bm25QuerySetStats(qq, 10, 40, df);
	unit_int(Bm25QueryScoreDoc(qq, doc, 3, 4, &s), 2, "two query terms matched");
	unit_ok(s == Bm25ScoreFreqs(qq, fr, 4), "QueryScoreDoc = ScoreFreqs");
	unit_ok(s == Bm25TermScore(&p, Bm25Idf(10, 1), 2.5, 4, 4) + Bm25TermScore(&p, Bm25Idf(10, 9), 1, 4, 4),
			"score is the sum in canonical order");
	Bm25QueryFree(qq);
}

/* ------------------------------------------------------------ errors */

static void
test_errors(void)
{
	Bm25Params	p;
	Bm25Builder *b;
	Bm25Tid		t1 = Bm25TidMake(1, 1);
	Bm25DocTerm dup[2] = {{"a", 1, {1, 0}}, {"a", 1, {1, 0}}};
	Bm25DocTerm bad[1] = {{"a", 1, {0, 0}}};
	Bm25DocTerm lead[1] = {{"a", 1, {1, 2}}};
	Bm25DocTerm ok[2] = {{"a", 1, {1, 0}}, {"#mark", 5, {1, 0}}};
	char		longterm[300];
	Bm25DocTerm lt[1] = {{longterm, 0, {1, 0}}};
	Bm25Image	img;

	Bm25ParamsDefault(&p);
	unit_ok(Bm25BuildCreate(&p, BM25_MIN_CHUNK - 1) == NULL, "chunk size below the minimum refused");
	b = Bm25BuildCreate(&p, BM25_MIN_CHUNK);
	unit_int(Bm25BuildAddDoc(b, &t1, dup, 2), BM25_ERR_DUPLICATE, "a term twice in a document");
	unit_int(Bm25BuildAddDoc(b, &t1, bad, 1), BM25_ERR_ARG, "tf 0");
	unit_int(Bm25BuildAddDoc(b, &t1, lead, 1), BM25_ERR_ARG, "lead > tf");
	memset(longterm, 'x', sizeof(longterm));
	lt[0].len = (uint16_t) Bm25MaxTermLen(BM25_MIN_CHUNK) + 1;
	unit_int(Bm25BuildAddDoc(b, &t1, lt, 1), BM25_ERR_TERM_TOO_LONG, "term too long for the chunk");
	unit_int(Bm25BuildNumDocs(b), 0, "refused documents leave nothing");
	unit_int(Bm25BuildAddDoc(b, &t1, ok, 2), BM25_OK, "a document");
	unit_int(Bm25BuildAddDoc(b, &t1, ok, 2), BM25_OK, "the same TID again (found at finish)");
	unit_int(Bm25BuildFinish(b, &img), BM25_ERR_DUPLICATE, "duplicate TID refused");
	unit_ok(strlen(Bm25BuildError(b)) > 0, "with a message");
	Bm25BuildFree(b);

	b = Bm25BuildCreate(&p, BM25_MIN_CHUNK);
	Bm25BuildAddDoc(b, &t1, dup, 2);
	Bm25BuildAddDoc(b, &t1, ok, 2);
	unit_int(Bm25BuildFinish(b, &img), BM25_OK, "a refused document leaves no trace");
	unit_ok(img.ndocs == 1 && img.nterms == 1 && img.total_dl == 1, "one doc, one term ('#' skipped), dl 1");
	{
		MemImage	m = mem_of(&img, false);
		Bm25Reader *r;
		Bm25TermInfo info;

		m.fail_at = 1;
		unit_int(Bm25ReaderOpen(mem_read, &m, img.chunk_size, img.nchunks + 1, &r, NULL, 0),
				 BM25_ERR_CORRUPT, "wrong chunk count refused");
		unit_int(Bm25ReaderOpen(mem_read, &m, img.chunk_size, img.nchunks, &r, NULL, 0), BM25_OK, "open");
		unit_int(Bm25ReaderLookup(r, "a", 1, &info), BM25_OK, "look-up");
		{
			Bm25Tid		tid;
			uint32_t	dl;

			unit_int(Bm25ReaderDoc(r, 0, &tid, &dl), BM25_ERR_READ, "a failing read is reported");
			unit_int(Bm25ReaderDoc(r, 1, &tid, &dl), BM25_ERR_ARG, "ordinal past the end");
		}
		Bm25ReaderClose(r);
	}
	Bm25ImageFree(&img);
	Bm25BuildFree(b);
}

/* ------------------------------------------------------------ block bound */

/*
 * For random k1, b, lead_weight, idf and avgdl (far from the data's own),
 * every block's bound from its header is >= the true score of each of its
 * postings (pg_textsearch #225: a bound from the wrong length).
 */
static void
test_block_bound(void)
{
	Bm25Params	p;
	TColl	   *c = make_coll(2000, 500, 150);
	Bm25Image	img;
	MemImage	m;
	Bm25Reader *r;
	Bm25DictIter it;
	Bm25DictEntry e;
	uint64_t	checked = 0,
				below = 0,
				blocks = 0;
	int			trial;

	Bm25ParamsDefault(&p);
	build_range(c, 0, c->ndocs, 1024, false, &p, &img);
	m = mem_of(&img, true);
	Bm25ReaderOpen(mem_read, &m, img.chunk_size, img.nchunks, &r, NULL, 0);
	for (trial = 0; trial < 6; trial++)
	{
		double		avgdl = trial == 0 ? 1.0 : 1.0 + rnd_below(1000);
		double		idf = 0.1 + rnd_below(100) / 10.0;

		p.k1 = rnd_below(300) / 100.0;
		p.b = rnd_below(101) / 100.0;
		p.lead_weight = rnd_below(300) / 100.0;
		bm25_dict_iter_init(&it, r);
		while (bm25_dict_iter_next(&it, &e) == BM25_OK)
		{
			Bm25Cursor *cur;
			double		ub = 0;

			Bm25CursorOpen(r, &e.info, &cur);
			while (Bm25CursorNext(cur) == BM25_OK)
			{
				Bm25Freq	f = Bm25CursorFreq(cur);
				double		s = Bm25TermScore(&p, idf, Bm25FreqWeight(&p, f),
											  c->docs[Bm25CursorOrd(cur)].dl, avgdl);

				if (cur->idx == 0)
				{
					ub = Bm25TermScore(&p, idf, bm25_weight_bound(&p, cur->blk.max_tf, cur->blk.max_lead),
									   cur->blk.min_dl, avgdl);
					blocks++;
				}
				checked++;
				below += s > ub;
			}
			Bm25CursorClose(cur);
		}
		bm25_dict_iter_free(&it);
	}
	printf("# block bound: %llu postings in %llu blocks checked\n",
		   (unsigned long long) checked, (unsigned long long) blocks);
	unit_ok(checked > 100000 && below == 0, "every block bound >= its postings' true scores");
	Bm25ReaderClose(r);
	Bm25ImageFree(&img);
	free_coll(c);
}

/* ------------------------------------------------------------ top-k */

/* Doc terms of every document, for the exhaustive scorer. */
static Bm25DocTerm **
doc_terms(const TColl *c)
{
	Bm25DocTerm **dt = malloc(sizeof(Bm25DocTerm *) * c->ndocs);
	int			i,
				j;

	for (i = 0; i < c->ndocs; i++)
	{
		dt[i] = malloc(sizeof(Bm25DocTerm) * (c->docs[i].n + 1));
		for (j = 0; j < c->docs[i].n; j++)
		{
			dt[i][j].lex = c->word[c->docs[i].term[j]];
			dt[i][j].len = c->wlen[c->docs[i].term[j]];
			dt[i][j].freq = c->docs[i].freq[j];
		}
	}
	return dt;
}

static int
cmp_hit(const void *a, const void *b)
{
	return Bm25HitBefore(a, b) ? -1 : (Bm25HitBefore(b, a) ? 1 : 0);
}

/* A random query: 1-6 lexemes, Zipf-picked or uniform, sometimes unknown. */
static Bm25Query *
random_query(const TColl *c, const Bm25Params *p)
{
	Bm25Lexeme	lx[8];
	int			n = 1 + (int) rnd_below(6),
				i;

	for (i = 0; i < n; i++)
	{
		int			t = rnd_below(2) ? zipf_pick(c) : (int) rnd_below(c->nvocab);

		lx[i].lex = c->word[t];
		lx[i].len = c->wlen[t];
		lx[i].npos = 0;
		lx[i].pos = NULL;
	}
	if (rnd_below(5) == 0)
	{
		lx[n].lex = "unknown~";
		lx[n].len = 8;
		lx[n].npos = 0;
		lx[n++].pos = NULL;
	}
	return Bm25QueryCreate(p, lx, n);
}

/* The vocabulary number of a word, or -1. */
static int
word_of(const TColl *c, const char *lex, size_t len)
{
	int			t;

	for (t = 0; t < c->nvocab; t++)
		if (c->wlen[t] == len && memcmp(c->word[t], lex, len) == 0)
			return t;
	return -1;
}

/* Global stats over all of c: N, total dl, df of each query term. */
static void
set_stats(Bm25Query *q, const TColl *c, const TInv *v)
{
	uint64_t	df[16],
				total = 0;
	int			i;

	for (i = 0; i < c->ndocs; i++)
		total += c->docs[i].dl;
	for (i = 0; i < Bm25QueryNumTerms(q); i++)
	{
		const char *lex;
		size_t		len;
		int			t;

		Bm25QueryTerm(q, i, &lex, &len);
		t = word_of(c, lex, len);
		df[i] = t < 0 ? 0 : v->df[t];
	}
	Bm25QuerySetStats(q, c->ndocs, total, df);
}

/* Every document holding a query term, scored from the test's own
 * inverted lists and sorted: the truth. */
static int
exhaustive(const Bm25Query *q, const TColl *c, const TInv *v, Bm25Hit *out)
{
	int			nq = Bm25QueryNumTerms(q);
	Bm25Freq   *fr = calloc((size_t) c->ndocs * nq + 1, sizeof(Bm25Freq));
	char	   *seen = calloc(c->ndocs, 1);
	int			n = 0,
				i,
				k;

	for (i = 0; i < nq; i++)
	{
		const char *lex;
		size_t		len;
		int			t;

		Bm25QueryTerm(q, i, &lex, &len);
		t = word_of(c, lex, len);
		for (k = 0; t >= 0 && k < v->df[t]; k++)
		{
			seen[v->ord[t][k]] = 1;
			fr[(size_t) v->ord[t][k] * nq + i] = v->freq[t][k];
		}
	}
	for (i = 0; i < c->ndocs; i++)
		if (seen[i])
		{
			out[n].score = Bm25ScoreFreqs(q, fr + (size_t) i * nq, c->docs[i].dl);
			out[n++].tid = c->docs[i].tid;
		}
	free(seen);
	free(fr);
	qsort(out, n, sizeof(Bm25Hit), cmp_hit);
	return n;
}

/* Segments over consecutive document ranges of one collection. */
typedef struct Segs
{
	int			n;
	Bm25Image	img[4];
	MemImage	mem[4];
	Bm25Reader *r[4];
} Segs;

static void
open_segs(Segs *s, const TColl *c, const int *from, int n, uint32_t chunk, const Bm25Params *p)
{
	int			i;

	s->n = n;
	for (i = 0; i < n; i++)
	{
		build_range(c, from[i], from[i + 1], chunk, true, p, &s->img[i]);
		s->mem[i] = mem_of(&s->img[i], i % 2 == 0);
		Bm25ReaderOpen(mem_read, &s->mem[i], chunk, s->img[i].nchunks, &s->r[i], NULL, 0);
	}
}

static void
close_segs(Segs *s)
{
	int			i;

	for (i = 0; i < s->n; i++)
	{
		Bm25ReaderClose(s->r[i]);
		Bm25ImageFree(&s->img[i]);
	}
}

/* Top k after *after through the index path: pending documents
 * [pend, ndocs) offered directly, then every segment from segment first. */
static int
index_topk(const Bm25Query *q, const TColl *c, Bm25DocTerm **dt, int pend, Segs *s,
		   int first, int k, const Bm25Hit *after, Bm25Hit *out, Bm25SearchStats *st)
{
	Bm25TopK   *t = Bm25TopKCreate(k, after);
	const Bm25Hit *hits;
	int			i,
				n,
				status = BM25_OK;

	for (i = pend; i < c->ndocs; i++)
	{
		double		sc;

		if (Bm25QueryScoreDoc(q, dt[i], c->docs[i].n, c->docs[i].dl, &sc) > 0)
			Bm25TopKOffer(t, sc, &c->docs[i].tid);
	}
	for (i = 0; i < s->n && status == BM25_OK; i++)
		status = Bm25Search(q, s->r[(first + i) % s->n], t, st);
	n = Bm25TopKResults(t, &hits);
	memcpy(out, hits, sizeof(Bm25Hit) * n);
	Bm25TopKFree(t);
	return status == BM25_OK ? n : -1;
}

/* Same hits, same scores to the bit, same order. */
static bool
same_hits(const Bm25Hit *a, int na, const Bm25Hit *b, int nb)
{
	int			i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (memcmp(&a[i].score, &b[i].score, sizeof(double)) != 0 ||
			Bm25TidCmp(&a[i].tid, &b[i].tid) != 0)
			return false;
	return true;
}

/*
 * Thousands of random queries, k 1, 10 and 100, one in three resuming
 * after a random hit of the exhaustive order: the index path (3 segments
 * searched in a rotating order + pending documents) returns exactly the
 * exhaustive top k, ties (every 17th document repeats the previous one)
 * broken by TID.
 */
static void
test_topk_vs_exhaustive(void)
{
	static const int ks[3] = {1, 10, 100};
	static const int from[4] = {0, 1000, 2200, 2900};
	Bm25Params	p;
	TColl	   *c = make_coll(3000, 1500, 60);
	Bm25DocTerm **dt = doc_terms(c);
	TInv		v = invert(c, 0, c->ndocs);
	Bm25Hit    *truth = malloc(sizeof(Bm25Hit) * c->ndocs),
				got[100];
	Bm25SearchStats st = {0};
	Segs		s;
	int			qn,
				bad = 0,
				resumed = 0,
				ties = 0;

	Bm25ParamsDefault(&p);
	open_segs(&s, c, from, 3, 1024, &p);
	for (qn = 0; qn < 3000; qn++)
	{
		int			k = ks[qn % 3],
					start = 0,
					n,
					ne,
					i;
		Bm25Query  *q = random_query(c, &p);
		Bm25Hit		after;

		set_stats(q, c, &v);
		ne = exhaustive(q, c, &v, truth);
		if (qn % 3 == 1 && ne > 0)
		{
			start = 1 + (int) rnd_below(ne);
			after = truth[start - 1];
			resumed++;
		}
		n = index_topk(q, c, dt, from[3], &s, qn, k, start ? &after : NULL, got, &st);
		if (!same_hits(got, n, truth + start, ne - start < k ? ne - start : k))
			bad++;
		for (i = start + 1; i < start + n; i++)
			ties += truth[i].score == truth[i - 1].score;
		Bm25QueryFree(q);
	}
	printf("# 3000 queries (%d resumed, %d tied neighbours): %llu docs scored of %llu postings, "
		   "%llu blocks decoded, %llu skipped\n", resumed, ties,
		   (unsigned long long) st.docs_scored, (unsigned long long) st.postings_total,
		   (unsigned long long) st.blocks_decoded, (unsigned long long) st.blocks_skipped);
	unit_int(bad, 0, "top-k over segments + pending = exhaustive order (k 1/10/100, resume, ties)");
	unit_ok(ties > 0 && resumed > 500, "the run had ties and resumed queries");
	close_segs(&s);
	for (qn = 0; qn < c->ndocs; qn++)
		free(dt[qn]);
	free(dt);
	free(truth);
	free_inv(&v);
	free_coll(c);
}

int
main(void)
{
	test_scoring();
	test_query();
	test_errors();
	test_roundtrip();
	test_block_bound();
	test_topk_vs_exhaustive();
	return unit_done();
}

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

/* A collection in segments, with what the exhaustive scorer needs. */
typedef struct Fixture
{
	TColl	   *c;
	Bm25DocTerm **dt;
	TInv		v;
	Bm25Hit    *truth;
	Segs		s;
	Bm25SearchStats st;
} Fixture;

static void
fixture_open(Fixture *f, TColl *c, const int *from, int nseg, uint32_t chunk, const Bm25Params *p)
{
	memset(f, 0, sizeof(*f));
	f->c = c;
	f->dt = doc_terms(c);
	f->v = invert(c, 0, c->ndocs);
	f->truth = malloc(sizeof(Bm25Hit) * c->ndocs);
	open_segs(&f->s, c, from, nseg, chunk, p);
}

static void
fixture_close(Fixture *f)
{
	int			i;

	close_segs(&f->s);
	for (i = 0; i < f->c->ndocs; i++)
		free(f->dt[i]);
	free(f->dt);
	free(f->truth);
	free_inv(&f->v);
	free_coll(f->c);
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
	Fixture		f;
	Bm25Hit		got[100];
	int			qn,
				bad = 0,
				resumed = 0,
				ties = 0;

	Bm25ParamsDefault(&p);
	fixture_open(&f, make_coll(3000, 1500, 60), from, 3, 1024, &p);
	for (qn = 0; qn < 3000; qn++)
	{
		int			k = ks[qn % 3],
					start = 0,
					n,
					ne,
					i;
		Bm25Query  *q = random_query(f.c, &p);
		Bm25Hit		after;

		set_stats(q, f.c, &f.v);
		ne = exhaustive(q, f.c, &f.v, f.truth);
		if (qn % 3 == 1 && ne > 0)
		{
			start = 1 + (int) rnd_below(ne);
			after = f.truth[start - 1];
			resumed++;
		}
		n = index_topk(q, f.c, f.dt, from[3], &f.s, qn, k, start ? &after : NULL, got, &f.st);
		if (!same_hits(got, n, f.truth + start, ne - start < k ? ne - start : k))
			bad++;
		for (i = start + 1; i < start + n; i++)
			ties += f.truth[i].score == f.truth[i - 1].score;
		Bm25QueryFree(q);
	}
	printf("# 3000 queries (%d resumed, %d tied neighbours): %llu docs scored of %llu postings, "
		   "%llu blocks decoded, %llu skipped\n", resumed, ties,
		   (unsigned long long) f.st.docs_scored, (unsigned long long) f.st.postings_total,
		   (unsigned long long) f.st.blocks_decoded, (unsigned long long) f.st.blocks_skipped);
	unit_int(bad, 0, "top-k over segments + pending = exhaustive order (k 1/10/100, resume, ties)");
	unit_ok(ties > 0 && resumed > 500, "the run had ties and resumed queries");
	fixture_close(&f);
}

/*
 * Pruning: on a skewed collection (Zipf vocabulary, one big segment), top
 * 10 of 2-4-term Zipf-picked queries scores far fewer documents than hold
 * a query term, and still returns the exhaustive answer.
 */
static void
test_pruning(void)
{
	static const int from[2] = {0, 20000};
	Bm25Params	p;
	Fixture		f;
	Bm25Hit		got[10];
	uint64_t	matching = 0;
	int			qn,
				bad = 0;

	Bm25ParamsDefault(&p);
	fixture_open(&f, make_coll(20000, 5000, 80), from, 1, 8152, &p);
	for (qn = 0; qn < 200; qn++)
	{
		Bm25Lexeme	lx[4] = {{0}};
		int			n = 2 + (int) rnd_below(3),
					i,
					ne;
		Bm25Query  *q;

		for (i = 0; i < n; i++)
		{
			int			t = zipf_pick(f.c);

			lx[i].lex = f.c->word[t];
			lx[i].len = f.c->wlen[t];
		}
		q = Bm25QueryCreate(&p, lx, n);
		set_stats(q, f.c, &f.v);
		ne = exhaustive(q, f.c, &f.v, f.truth);
		matching += ne;
		bad += !same_hits(got, index_topk(q, f.c, f.dt, f.c->ndocs, &f.s, 0, 10, NULL, got, &f.st),
						  f.truth, ne < 10 ? ne : 10);
		Bm25QueryFree(q);
	}
	printf("# pruning, 200 queries top 10 over 20000 docs: scored %llu of %llu matching docs (%.1f%%), "
		   "%llu blocks decoded, %llu skipped by header\n",
		   (unsigned long long) f.st.docs_scored, (unsigned long long) matching,
		   100.0 * f.st.docs_scored / (matching ? matching : 1),
		   (unsigned long long) f.st.blocks_decoded, (unsigned long long) f.st.blocks_skipped);
	unit_int(bad, 0, "pruned top 10 = exhaustive top 10");
	unit_ok(f.st.docs_scored * 4 < matching, "block-max WAND scores under a quarter of the matching docs");
	unit_ok(f.st.blocks_skipped > 0, "whole blocks are skipped by their headers");
	fixture_close(&f);
}

/* ------------------------------------------------------------ edge cases */

/*
 * A huge document: 16,383 positions (PostgreSQL's cap) over 4,000
 * lexemes, one lexeme holding 16,383 positions itself, beside small ones.
 */
static void
test_huge_document(void)
{
	Bm25Params	p;
	uint16_t   *pos = malloc(sizeof(uint16_t) * BM25_MAX_POSITION);
	Bm25Lexeme *lx = malloc(sizeof(Bm25Lexeme) * 4001);
	Bm25DocTerm *terms = malloc(sizeof(Bm25DocTerm) * 4001);
	char	   (*words)[8] = malloc(8 * 4001);
	Bm25Builder *b;
	Bm25Image	img;
	Bm25Tid		tid = Bm25TidMake(7, 1),
				small = Bm25TidMake(8, 2);
	uint32_t	dl;
	int			i,
				n;
	char		msg[200];

	Bm25ParamsDefault(&p);
	for (i = 0; i < BM25_MAX_POSITION; i++)
		pos[i] = (uint16_t) (i + 1);
	for (i = 0; i < 4000; i++)
	{
		snprintf(words[i], 8, "w%04d", i);
		lx[i].lex = words[i];
		lx[i].len = 5;
		lx[i].npos = (uint16_t) (i < 3999 ? 4 : BM25_MAX_POSITION - 4 * 3999);
		lx[i].pos = pos + 4 * i;
	}
	snprintf(words[4000], 8, "all");
	lx[4000] = (Bm25Lexeme) {words[4000], 3, BM25_MAX_POSITION, pos};
	n = Bm25DocTerms(&p, lx, 4001, terms, &dl);
	unit_ok(n == 4001 && dl == 2 * BM25_MAX_POSITION, "huge document: 4,001 terms, dl = twice 16,383");
	unit_ok(terms[4000].freq.tf == BM25_MAX_POSITION && terms[4000].freq.lead == 30,
			"a lexeme with 16,383 positions: tf 16,383, lead 30");
	b = Bm25BuildCreate(&p, 8152);
	unit_int(Bm25BuildAddDoc(b, &tid, terms, n), BM25_OK, "huge document added");
	unit_int(Bm25BuildAddDoc(b, &small, terms + 4000, 1), BM25_OK, "and a small one");
	unit_int(Bm25BuildFinish(b, &img), BM25_OK, "built");
	unit_int(verify_image(&img, msg, sizeof(msg)), BM25_OK, "huge document: verify");
	{
		Bm25Lexeme	ql[2] = {{"all", 3, 0, NULL}, {"w0001", 5, 0, NULL}};
		Bm25Query  *q = Bm25QueryCreate(&p, ql, 2);
		uint64_t	df[2] = {2, 1};
		MemImage	m = mem_of(&img, false);
		Bm25Reader *r;
		Bm25TopK   *t = Bm25TopKCreate(10, NULL);
		const Bm25Hit *h;
		double		want;

		Bm25QuerySetStats(q, 2, img.total_dl, df);
		Bm25QueryScoreDoc(q, terms, n, dl, &want);
		Bm25ReaderOpen(mem_read, &m, img.chunk_size, img.nchunks, &r, NULL, 0);
		unit_int(Bm25Search(q, r, t, NULL), BM25_OK, "search a huge document");
		i = Bm25TopKResults(t, &h) == 2 && Bm25TidCmp(&h[1].tid, &tid) == 0;
		unit_ok(Bm25TopKResults(t, &h) == 2 && h[i].score == want && Bm25TidCmp(&h[i].tid, &tid) == 0,
				"both documents found, the huge one with bm25_score's score");
		Bm25TopKFree(t);
		Bm25ReaderClose(r);
		Bm25QueryFree(q);
	}
	Bm25ImageFree(&img);
	Bm25BuildFree(b);
	free(pos);
	free(lx);
	free(terms);
	free(words);
}

/*
 * Chunk boundaries: terms of the longest length a 256-byte chunk allows
 * (one dictionary entry per chunk, a directory of many chunks searched by
 * binary search), a chunk size that doc entries fill exactly (260), and
 * every record read back.
 */
static void
test_chunk_boundaries(void)
{
	Bm25Params	p;
	size_t		maxlen = Bm25MaxTermLen(BM25_MIN_CHUNK);
	char		(*words)[BM25_MIN_CHUNK] = malloc((size_t) 60 * BM25_MIN_CHUNK);
	Bm25Builder *b;
	Bm25Image	img;
	MemImage	m;
	Bm25Reader *r;
	char		msg[200];
	int			i,
				found = 0;

	Bm25ParamsDefault(&p);
	b = Bm25BuildCreate(&p, BM25_MIN_CHUNK);
	for (i = 0; i < 60; i++)
	{
		Bm25DocTerm t[2];
		Bm25Tid		tid = Bm25TidMake((uint32_t) i, 1);

		memset(words[i], 'a' + i % 26, maxlen);
		words[i][maxlen - 1] = (char) ('0' + i / 26);
		t[0] = (Bm25DocTerm) {words[i], (uint16_t) maxlen, {1, 0}};
		t[1] = (Bm25DocTerm) {"common", 6, {2, 1}};
		Bm25BuildAddDoc(b, &tid, t, 2);
	}
	unit_int(Bm25BuildFinish(b, &img), BM25_OK, "longest terms at the smallest chunk");
	unit_int(verify_image(&img, msg, sizeof(msg)), BM25_OK, "verify");
	m = mem_of(&img, false);
	Bm25ReaderOpen(mem_read, &m, img.chunk_size, img.nchunks, &r, NULL, 0);
	unit_ok(r->nchunks - r->dir_chunk > 8, "the directory spans many chunks");
	for (i = 0; i < 60; i++)
	{
		Bm25TermInfo info;

		found += Bm25ReaderLookup(r, words[i], maxlen, &info) == BM25_OK && info.df == 1;
		words[i][maxlen - 2] ^= 1;	/* a near miss */
		found -= Bm25ReaderLookup(r, words[i], maxlen, &info) != BM25_NOT_FOUND;
	}
	unit_int(found, 60, "every long term found, every near miss not");
	Bm25ReaderClose(r);
	Bm25ImageFree(&img);
	Bm25BuildFree(b);
	free(words);
	{
		TColl	   *c = make_coll(700, 400, 40);

		build_range(c, 0, c->ndocs, 260, true, &p, &img);
		unit_ok(check_roundtrip(c, 0, c->ndocs, &img, false) && verify_image(&img, msg, sizeof(msg)) == BM25_OK,
				"chunk 260: doc entries fill chunks exactly; round trip and verify");
		Bm25ImageFree(&img);
		free_coll(c);
	}
}

/* ------------------------------------------------------------ merge */

/* Document number of a test TID (make_coll's numbering). */
static int
tid_index(const Bm25Tid *t)
{
	return (int) Bm25TidBlock(t) * 7 + (Bm25TidOffset(t) - 1) / 3;
}

static bool
keep_not_fifth(void *arg, const Bm25Tid *t)
{
	return tid_index(t) % 5 != 0;
}

/* Build the documents of c whose index i passes want(i) (at most to). */
static Bm25Builder *
builder_of(const TColl *c, int to, bool (*want) (int), const Bm25Params *p)
{
	Bm25Builder *b = Bm25BuildCreate(p, 1024);
	int			i;

	for (i = 0; i < to; i++)
		if (want(i))
			add_tdoc(b, c, &c->docs[i]);
	return b;
}

static bool
is_even(int i)
{
	return i % 2 == 0;
}

static bool
is_odd(int i)
{
	return i % 2 == 1;
}

static bool
kept(int i)
{
	return i % 5 != 0;
}

/*
 * VACUUM's rewrite: two segments with interleaved TIDs, every fifth
 * document dropped, plus pending documents, give the same image byte for
 * byte as building the surviving documents directly.
 */
static void
test_merge(void)
{
	Bm25Params	p;
	TColl	   *c = make_coll(1300, 800, 50);
	Bm25Builder *ba,
			   *bb,
			   *bm,
			   *bd;
	Bm25Image	ia,
				ib,
				im,
				id;
	MemImage	ma,
				mb;
	Bm25Reader *ra,
			   *rb;
	int			i;

	Bm25ParamsDefault(&p);
	ba = builder_of(c, 1200, is_even, &p);
	bb = builder_of(c, 1200, is_odd, &p);
	bd = builder_of(c, 1300, kept, &p);
	Bm25BuildFinish(ba, &ia);
	Bm25BuildFinish(bb, &ib);
	Bm25BuildFinish(bd, &id);
	ma = mem_of(&ia, false);
	mb = mem_of(&ib, true);
	Bm25ReaderOpen(mem_read, &ma, 1024, ia.nchunks, &ra, NULL, 0);
	Bm25ReaderOpen(mem_read, &mb, 1024, ib.nchunks, &rb, NULL, 0);
	bm = Bm25BuildCreate(&p, 1024);
	unit_int(Bm25BuildAddSegment(bm, rb, keep_not_fifth, NULL), BM25_OK, "merge: odd segment");
	for (i = 1200; i < 1300; i++)
		if (kept(i))
			add_tdoc(bm, c, &c->docs[i]);
	unit_int(Bm25BuildAddSegment(bm, ra, keep_not_fifth, NULL), BM25_OK, "merge: even segment");
	unit_int(Bm25BuildFinish(bm, &im), BM25_OK, "merge: finish");
	unit_ok(im.len == id.len && memcmp(im.data, id.data, im.len) == 0,
			"merged image = image built from the surviving documents, byte for byte");
	Bm25BuildFree(bm);
	p.lead_positions = 10;
	bm = Bm25BuildCreate(&p, 1024);
	unit_int(Bm25BuildAddSegment(bm, ra, NULL, NULL), BM25_ERR_PARAMS, "merge refuses another lead_positions");
	Bm25BuildFree(bm);
	Bm25ReaderClose(ra);
	Bm25ReaderClose(rb);
	Bm25BuildFree(ba);
	Bm25BuildFree(bb);
	Bm25BuildFree(bd);
	Bm25ImageFree(&ia);
	Bm25ImageFree(&ib);
	Bm25ImageFree(&im);
	Bm25ImageFree(&id);
	free_coll(c);
}

/* ------------------------------------------------------------ corruption */

/* Open, verify, look up and search a (possibly corrupt) image: the status
 * of verify, or of open when that fails. */
static int
probe_image(const uint8_t *data, uint32_t chunk, uint32_t nchunks, const TColl *c, const Bm25Params *p)
{
	MemImage	m = {data, chunk, false, UINT32_MAX, 0};
	Bm25Reader *r;
	Bm25Query  *q;
	Bm25TopK   *t;
	uint64_t	df[8] = {3, 3, 3, 3, 3, 3, 3, 3};
	char		msg[300];
	int			status = Bm25VerifySegment(mem_read, &m, chunk, nchunks, msg, sizeof(msg)),
				i;

	if (Bm25ReaderOpen(mem_read, &m, chunk, nchunks, &r, NULL, 0) != BM25_OK)
		return status;
	for (i = 0; i < c->nvocab; i += 7)
	{
		Bm25TermInfo info;

		Bm25ReaderLookup(r, c->word[i], c->wlen[i], &info);
	}
	q = random_query(c, p);
	Bm25QuerySetStats(q, 100, 1000, df);
	t = Bm25TopKCreate(5, NULL);
	Bm25Search(q, r, t, NULL);
	Bm25TopKFree(t);
	Bm25QueryFree(q);
	Bm25ReaderClose(r);
	return status;
}

/* Change the first block's max tf (a varint after count, delta, length). */
static void
bump_first_block_max_tf(uint8_t *img, uint32_t chunk, uint32_t post_chunk)
{
	const uint8_t *p = img + (size_t) post_chunk * chunk + 1;
	uint64_t	v;

	bm25_get_varint(&p, p + 20, UINT64_MAX, &v);
	bm25_get_varint(&p, p + 20, UINT64_MAX, &v);
	img[p - img]++;
}

/*
 * Known corruptions are named by verify; thousands of random byte flips
 * never crash the reader, verify or the search (ASan checks the reads).
 */
static void
test_corrupt(void)
{
	Bm25Params	p;
	TColl	   *c = make_coll(300, 200, 30);
	Bm25Image	img;
	uint8_t    *bad;
	char		msg[300];
	int			i,
				flagged = 0;

	Bm25ParamsDefault(&p);
	build_range(c, 0, c->ndocs, BM25_MIN_CHUNK, false, &p, &img);
	bad = malloc(img.len);
	memcpy(bad, img.data, img.len);
	bad[0] ^= 1;
	unit_int(probe_image(bad, img.chunk_size, img.nchunks, c, &p), BM25_ERR_CORRUPT, "bad magic refused");
	memcpy(bad, img.data, img.len);
	bad[img.chunk_size + 6]++;
	unit_int(probe_image(bad, img.chunk_size, img.nchunks, c, &p), BM25_ERR_CORRUPT, "a changed dl found");
	memcpy(bad, img.data, img.len);
	bump_first_block_max_tf(bad, img.chunk_size, bm25_get32(img.data + BM25_HDR_POST_CHUNK));
	{
		MemImage	m = {bad, img.chunk_size, false, UINT32_MAX, 0};

		unit_ok(Bm25VerifySegment(mem_read, &m, img.chunk_size, img.nchunks, msg, sizeof(msg)) == BM25_ERR_CORRUPT &&
				strstr(msg, "max tf") != NULL, "a wrong block maximum found");
	}
	for (i = 0; i < 3000; i++)
	{
		int			flips = 1 + (int) rnd_below(4),
					f;

		memcpy(bad, img.data, img.len);
		for (f = 0; f < flips; f++)
			bad[rnd_below((uint32_t) img.len)] = (uint8_t) rnd();
		flagged += probe_image(bad, img.chunk_size, img.nchunks, c, &p) != BM25_OK;
	}
	printf("# 3000 randomly damaged images: verify flagged %d (others hit padding or unused bytes)\n", flagged);
	unit_ok(flagged > 1500, "random damage: no crash, most flagged by verify");
	free(bad);
	Bm25ImageFree(&img);
	free_coll(c);
}

/* ------------------------------------------------------------ hooks */

static long hook_live;			/* allocations not yet freed */
static long hook_interrupts;

static void *
count_alloc(size_t n)
{
	hook_live++;
	return malloc(n ? n : 1);
}

static void *
count_realloc(void *p, size_t n)
{
	return realloc(p, n ? n : 1);
}

static void
count_free(void *p)
{
	hook_live--;
	free(p);
}

static void
count_interrupt(void)
{
	hook_interrupts++;
}

/*
 * Through the glue's hooks: a build, a verify and searches allocate only
 * through them, give everything back, and call the interrupt hook in
 * their long loops (what lets a query or CREATE INDEX be cancelled).
 */
static void
test_hooks(void)
{
	ArCoreHooks h = {count_alloc, count_realloc, count_free, count_interrupt};
	ArCoreHooks none = {NULL, NULL, NULL, NULL};
	static const int from[2] = {0, 5000};
	Bm25Params	p;
	Fixture		f;
	char		msg[200];
	int			i;
	long		build_calls;

	Bm25ParamsDefault(&p);
	ArCoreSetHooks(&h);
	fixture_open(&f, make_coll(5000, 3000, 100), from, 1, 8152, &p);
	build_calls = hook_interrupts;
	unit_int(Bm25VerifySegment(mem_read, &f.s.mem[0], 8152, f.s.img[0].nchunks, msg, sizeof(msg)), BM25_OK,
			 "verify through the hooks");
	for (i = 0; i < 50; i++)
	{
		Bm25Hit		got[10];
		Bm25Query  *q = random_query(f.c, &p);

		set_stats(q, f.c, &f.v);
		index_topk(q, f.c, f.dt, f.c->ndocs, &f.s, 0, 10, NULL, got, &f.st);
		Bm25QueryFree(q);
	}
	close_segs(&f.s);
	memset(&f.s, 0, sizeof(f.s));
	printf("# interrupt checks: %ld in the build, %ld in all\n", build_calls, hook_interrupts);
	unit_ok(build_calls > 0 && hook_interrupts > build_calls, "build, verify and search check for interrupts");
	unit_int(hook_live, 0, "every core allocation freed");
	ArCoreSetHooks(&none);
	fixture_close(&f);
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
	test_pruning();
	test_huge_document();
	test_chunk_boundaries();
	test_merge();
	test_corrupt();
	test_hooks();
	return unit_done();
}

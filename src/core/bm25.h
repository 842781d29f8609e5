/*
 * bm25.h — plain-C core of the bm25 ranked-search index (issue 14).
 *
 * Four parts, used by the PostgreSQL glue (src/pg_bm25*.c), the unit tests
 * and the fuzzer; no PostgreSQL headers, memory through the arcore hooks,
 * cancellation through AR_CHECK_INTERRUPTS() in every input-sized loop:
 *
 *   scoring   Bm25Params, the (tf, lead) frequency of a term in a document,
 *             Lucene IDF, and ONE function that sums a document's score in
 *             canonical query-term order (Bm25ScoreFreqs).  The index scan
 *             and bm25_score() both end in it, so their scores are
 *             bit-identical.
 *   builder   documents in (6-byte TID, terms with frequencies), one
 *             immutable segment image out, cut in chunks of P bytes (P is
 *             the page payload the glue chooses) with no record crossing a
 *             chunk boundary, so the reader needs one chunk at a time.
 *   reader    term look-up, posting cursors and doc-table look-ups over a
 *             callback that supplies chunk #i; every decoder checks lengths
 *             and offsets, corrupt input gives BM25_ERR_CORRUPT and a
 *             message, never an out-of-bounds read.  Bm25VerifySegment()
 *             walks a whole segment (bm25_verify).
 *   top-k     block-max WAND over segments, one segment after another into
 *             one collector (Bm25TopK) that also takes the pending
 *             documents the glue scores itself; order (score desc, TID asc);
 *             optional resume strictly after a (score, TID) key.
 *
 * Typical glue flows:
 *
 *   build:   b = Bm25BuildCreate(&params, P);
 *            per heap tuple: n = Bm25DocTerms(&params, lexemes, nlex, terms, &dl);
 *                            Bm25BuildAddDoc(b, &tid, terms, n);
 *            Bm25BuildFinish(b, &img);  write img.nchunks pages of img.chunk_size
 *            bytes from img.data;  Bm25ImageFree(&img);  Bm25BuildFree(b);
 *   merge:   Bm25BuildAddSegment(b, reader, keep_fn, arg) per old segment,
 *            Bm25BuildAddDoc() per pending document, then Finish as above.
 *   query:   q = Bm25QueryCreate(&params, lexemes, n);         (dedup, sort, drop '#')
 *            df[i] = sum over segments of Bm25ReaderLookup(r, Bm25QueryTerm(q, i)).df
 *                    + pending documents holding term i;
 *            Bm25QuerySetStats(q, N, total_dl, df);
 *            t = Bm25TopKCreate(k, after_or_NULL);
 *            per pending doc: if (Bm25QueryScoreDoc(q, terms, n, dl, &s) > 0)
 *                                 Bm25TopKOffer(t, s, &tid);
 *            per segment:     Bm25Search(q, reader, t, &stats);
 *            n = Bm25TopKResults(t, &hits);   hits sorted best first
 *   score:   bm25_score(tsv, q) = Bm25DocTerms + Bm25QueryScoreDoc.
 *
 * Functions returning int return a Bm25Status.  Objects returned by the
 * *Create / *Open functions are freed by the matching *Free / *Close; when
 * the interrupt hook longjmps out, the glue's memory context owns it all.
 */
#ifndef AR_BM25_H
#define AR_BM25_H

#include "arcore.h"

#include <string.h>

/* ---------------------------------------------------------------- status */

typedef enum Bm25Status
{
	BM25_OK = 0,
	BM25_NOT_FOUND = 1,			/* Bm25ReaderLookup: the term is not in the segment */
	BM25_END = 2,				/* cursor: no more postings */
	BM25_ERR_CORRUPT = -1,		/* image inconsistent (message says where) */
	BM25_ERR_READ = -2,			/* the chunk callback returned NULL */
	BM25_ERR_ARG = -3,			/* bad argument: chunk size, tf 0, lead > tf, ... */
	BM25_ERR_TERM_TOO_LONG = -4,	/* term longer than Bm25MaxTermLen(chunk size) */
	BM25_ERR_DUPLICATE = -5,	/* same TID twice in a segment, or a term twice in a doc */
	BM25_ERR_PARAMS = -6,		/* segment built with another lead_positions */
	BM25_ERR_LIMIT = -7			/* more than BM25_MAX_DOCS documents in one segment */
} Bm25Status;

/* A short constant English name of a status ("corrupt segment", ...). */
extern const char *Bm25StatusText(int status);

/* ---------------------------------------------------------------- scoring */

#define BM25_DEFAULT_K1				1.2
#define BM25_DEFAULT_B				0.75
#define BM25_DEFAULT_LEAD_POSITIONS 30
#define BM25_DEFAULT_LEAD_WEIGHT	1.5

/* Largest position a tsvector holds (PostgreSQL's MAXENTRYPOS - 1). */
#define BM25_MAX_POSITION			16383

/*
 * Index options.  0 <= k1 <= 100, 0 <= b <= 1, 0 <= lead_positions <= 16383
 * (0 = no lead prior), 0 <= lead_weight <= 100 (see Bm25ParamsCheck).
 * k1, b and lead_weight are read at query time only; lead_positions is
 * baked into the stored lead counts, so a segment remembers it.
 */
typedef struct Bm25Params
{
	double		k1;
	double		b;
	int			lead_positions;
	double		lead_weight;
} Bm25Params;

/* Defaults above. */
extern void Bm25ParamsDefault(Bm25Params *p);

/* True when every option is in range; else false and a message naming the
 * option and its range in msg (the glue raises invalid_parameter_value). */
extern bool Bm25ParamsCheck(const Bm25Params *p, char *msg, size_t msgsize);

/*
 * The frequency of a term in a document: tf = positions of the lexeme
 * (1 when the tsvector has no positions), lead = how many of them are
 * <= lead_positions.  1 <= tf, lead <= tf.  Stored as two integers so the
 * weighted tf' = tf + (lead_weight - 1) * lead is computed the same way
 * (Bm25FreqWeight) wherever a score is made.
 */
typedef struct Bm25Freq
{
	uint16_t	tf;
	uint16_t	lead;
} Bm25Freq;

extern double Bm25FreqWeight(const Bm25Params *p, Bm25Freq f);

/* Lucene's BM25 idf = ln(1 + (N - df + 0.5) / (df + 0.5)); df is clamped
 * to N so a stale df can never make it NaN. */
extern double Bm25Idf(uint64_t N, uint64_t df);

/* One term's contribution: idf * tf'(k1 + 1) / (tf' + k1 (1 - b + b dl/avgdl));
 * 0 when tf' <= 0.  Non-decreasing in tf', non-increasing in dl. */
extern double Bm25TermScore(const Bm25Params *p, double idf, double tfw,
							double dl, double avgdl);

/* Lexemes starting with '#' (rarity marks) and empty ones are not terms. */
static inline bool
Bm25IsTerm(const char *lex, size_t len)
{
	return len > 0 && lex[0] != '#';
}

/* ------------------------------------------------- documents from tsvectors */

/*
 * One lexeme of a tsvector as the glue finds it: its bytes and its raw
 * WordEntryPos array (weight in the top 2 bits, ignored; position in the
 * low 14 bits), npos = 0 when the tsvector has no positions.
 */
typedef struct Bm25Lexeme
{
	const char *lex;
	uint16_t	len;
	uint16_t	npos;
	const uint16_t *pos;
} Bm25Lexeme;

/* A term of a document: bytes (not copied) and frequency. */
typedef struct Bm25DocTerm
{
	const char *lex;
	uint16_t	len;
	Bm25Freq	freq;
} Bm25DocTerm;

/* tf and lead count of one lexeme's positions. */
extern Bm25Freq Bm25FreqFromPositions(const Bm25Params *p,
									  const uint16_t *pos, int npos);

/*
 * The terms of a document: every lexeme that Bm25IsTerm, with its
 * frequency, in input order, into out[] (room for nlex); *dl = the sum of
 * their tf (the document length).  Returns how many terms were written.
 */
extern int	Bm25DocTerms(const Bm25Params *p, const Bm25Lexeme *lexemes, int nlex,
						 Bm25DocTerm *out, uint32_t *dl);

/* ------------------------------------------------------------------ TIDs */

/*
 * A heap TID as the core stores it: block number then offset, both
 * big-endian, so memcmp order is ItemPointerCompare order (ties in score
 * break by ascending TID).  The core never interprets it otherwise.
 */
typedef struct Bm25Tid
{
	uint8_t		b[6];
} Bm25Tid;

static inline Bm25Tid
Bm25TidMake(uint32_t block, uint16_t offset)
{
	Bm25Tid		t;

	t.b[0] = (uint8_t) (block >> 24);
	t.b[1] = (uint8_t) (block >> 16);
	t.b[2] = (uint8_t) (block >> 8);
	t.b[3] = (uint8_t) block;
	t.b[4] = (uint8_t) (offset >> 8);
	t.b[5] = (uint8_t) offset;
	return t;
}

static inline uint32_t
Bm25TidBlock(const Bm25Tid *t)
{
	return (uint32_t) t->b[0] << 24 | (uint32_t) t->b[1] << 16 |
		(uint32_t) t->b[2] << 8 | t->b[3];
}

static inline uint16_t
Bm25TidOffset(const Bm25Tid *t)
{
	return (uint16_t) (t->b[4] << 8 | t->b[5]);
}

static inline int
Bm25TidCmp(const Bm25Tid *a, const Bm25Tid *b)
{
	return memcmp(a->b, b->b, 6);
}

/* --------------------------------------------------------- segment image */

/* Smallest chunk size; the glue uses a page's payload (about 8,150 bytes). */
#define BM25_MIN_CHUNK		256
#define BM25_MAX_CHUNK		65536
/* Postings per block at most (a block may hold fewer to fit its chunk). */
#define BM25_BLOCK_SIZE		128
/* Documents per segment at most (ordinals are 32-bit). */
#define BM25_MAX_DOCS		0x7FFFFFFFu

/* Longest term a segment of this chunk size stores: chunk_size - 64
 * (2,047-byte lexemes, PostgreSQL's limit, need chunk_size >= 2,111). */
extern size_t Bm25MaxTermLen(uint32_t chunk_size);

/* A finished segment: nchunks * chunk_size bytes, chunk i at data + i * chunk_size. */
typedef struct Bm25Image
{
	uint8_t    *data;
	size_t		len;			/* nchunks * chunk_size */
	uint32_t	chunk_size;
	uint32_t	nchunks;
	uint32_t	ndocs;
	uint64_t	total_dl;		/* sum of the documents' dl */
	uint32_t	nterms;
	uint64_t	npostings;
} Bm25Image;

typedef struct Bm25Builder Bm25Builder;
typedef struct Bm25Reader Bm25Reader;

/* A builder for segments of chunk_size bytes per chunk (BM25_MIN_CHUNK ..
 * BM25_MAX_CHUNK); NULL when chunk_size is out of range. */
extern Bm25Builder *Bm25BuildCreate(const Bm25Params *p, uint32_t chunk_size);

/*
 * Add one document.  Terms are copied; non-terms ('#', empty) are skipped;
 * dl = sum of the remaining terms' tf.  Documents may come in any TID
 * order (the segment sorts them by TID once).  Errors: BM25_ERR_ARG (tf 0,
 * lead > tf), BM25_ERR_TERM_TOO_LONG, BM25_ERR_DUPLICATE (a term twice in
 * this document), BM25_ERR_LIMIT.  On error nothing of the document is kept.
 */
extern int	Bm25BuildAddDoc(Bm25Builder *b, const Bm25Tid *tid,
							const Bm25DocTerm *terms, int nterms);

/* Add every document of an existing segment for which keep(arg, tid) is
 * true (keep NULL = all): VACUUM's rewrite.  BM25_ERR_PARAMS when the
 * segment was built with another lead_positions; reader errors pass
 * through.  After an error other than BM25_ERR_PARAMS the builder can
 * only be freed. */
extern int	Bm25BuildAddSegment(Bm25Builder *b, Bm25Reader *r,
								bool (*keep) (void *arg, const Bm25Tid *tid),
								void *arg);

/* Documents added so far (to decide when to cut a segment). */
extern uint32_t Bm25BuildNumDocs(const Bm25Builder *b);

/* Produce the image (BM25_ERR_DUPLICATE when a TID was added twice).  The
 * builder can only be freed afterwards. */
extern int	Bm25BuildFinish(Bm25Builder *b, Bm25Image *img);
extern void Bm25ImageFree(Bm25Image *img);
extern void Bm25BuildFree(Bm25Builder *b);

/* The last error of a builder as a sentence ("" if none). */
extern const char *Bm25BuildError(const Bm25Builder *b);

/* ---------------------------------------------------------------- reader */

/*
 * Supplies chunk chunkno (< nchunks): either copies its chunk_size bytes
 * into buf and returns buf, or returns a pointer to them that stays valid
 * until the next call with the same buf (each cursor and the reader own a
 * buf of their own, so the glue may keep one pinned page per buf).  NULL
 * = could not read (BM25_ERR_READ).  The reader calls it only when the
 * chunk a buf holds changes.
 */
typedef const uint8_t *(*Bm25ReadChunk) (void *arg, uint32_t chunkno, uint8_t *buf);

/* Open a segment: checks the header against chunk_size and nchunks.  On
 * error *out is NULL and, if msg is not NULL, msg says why. */
extern int	Bm25ReaderOpen(Bm25ReadChunk read, void *arg, uint32_t chunk_size,
						   uint32_t nchunks, Bm25Reader **out,
						   char *msg, size_t msgsize);
extern void Bm25ReaderClose(Bm25Reader *r);

/* The last error of a reader or of one of its cursors, as a sentence. */
extern const char *Bm25ReaderError(const Bm25Reader *r);

/* Segment totals from the header. */
typedef struct Bm25SegmentInfo
{
	uint32_t	ndocs;
	uint64_t	total_dl;
	uint32_t	nterms;
	uint64_t	npostings;
	int			lead_positions;	/* the builder's */
} Bm25SegmentInfo;

extern void Bm25ReaderInfo(const Bm25Reader *r, Bm25SegmentInfo *info);

/* What the dictionary says about a term of a segment. */
typedef struct Bm25TermInfo
{
	uint32_t	df;				/* documents of this segment holding it */
	uint16_t	max_tf;			/* max tf over its postings */
	uint16_t	max_lead;		/* max lead over its postings */
	uint32_t	min_dl;			/* min dl of the documents holding it */
	uint64_t	postings;		/* byte offset of its first posting block */
} Bm25TermInfo;

/* BM25_OK and *info, or BM25_NOT_FOUND, or an error. */
extern int	Bm25ReaderLookup(Bm25Reader *r, const char *lex, size_t len,
							 Bm25TermInfo *info);

/* Document ordinal ord (0 .. ndocs-1; ordinals are in TID order). */
extern int	Bm25ReaderDoc(Bm25Reader *r, uint32_t ord, Bm25Tid *tid, uint32_t *dl);

/* A cursor over one term's postings, in ordinal order. */
typedef struct Bm25Cursor Bm25Cursor;

/* Open on a looked-up term; the cursor starts BEFORE the first posting. */
extern int	Bm25CursorOpen(Bm25Reader *r, const Bm25TermInfo *info, Bm25Cursor **out);
extern void Bm25CursorClose(Bm25Cursor *c);

/* Step to the next posting: BM25_OK, BM25_END or an error. */
extern int	Bm25CursorNext(Bm25Cursor *c);

/* Step to the first posting with ordinal >= target (never backwards),
 * skipping whole blocks by their headers: BM25_OK, BM25_END or an error. */
extern int	Bm25CursorAdvance(Bm25Cursor *c, uint32_t target);

/* The current posting (valid after BM25_OK). */
extern uint32_t Bm25CursorOrd(const Bm25Cursor *c);
extern Bm25Freq Bm25CursorFreq(const Bm25Cursor *c);

/*
 * Walk a whole segment: header, doc table (TIDs strictly ascending, dl
 * sums), directory, dictionary (sorted, counts), every posting block
 * (ordinals, lengths, block and term maxima equal to their postings').
 * BM25_OK, or the first problem's status and a sentence in msg.
 */
extern int	Bm25VerifySegment(Bm25ReadChunk read, void *arg, uint32_t chunk_size,
							  uint32_t nchunks, char *msg, size_t msgsize);

/* ----------------------------------------------------------------- query */

typedef struct Bm25Query Bm25Query;

/*
 * A query from its lexemes (bytes copied): non-terms dropped, duplicates
 * merged, sorted by bytes — the canonical order every score is summed in.
 * Then the glue fetches the global df of each term and calls
 * Bm25QuerySetStats before scoring anything.
 */
extern Bm25Query *Bm25QueryCreate(const Bm25Params *p, const Bm25Lexeme *lexemes, int n);
extern void Bm25QueryFree(Bm25Query *q);
extern int	Bm25QueryNumTerms(const Bm25Query *q);
extern void Bm25QueryTerm(const Bm25Query *q, int i, const char **lex, size_t *len);

/* N documents, total_dl their summed lengths (avgdl = total_dl / N, 1 when
 * either is 0), df[i] documents holding canonical term i. */
extern void Bm25QuerySetStats(Bm25Query *q, uint64_t N, uint64_t total_dl,
							  const uint64_t *df);

/*
 * THE score of a document: freqs[i] is the frequency of canonical term i
 * (tf 0 = absent), summed in term order.  Everything scores through this.
 */
extern double Bm25ScoreFreqs(const Bm25Query *q, const Bm25Freq *freqs, uint32_t dl);

/* Score a document given as terms (any order; e.g. from Bm25DocTerms or a
 * pending record): returns how many query terms it holds, *score its score
 * (0 when none). */
extern int	Bm25QueryScoreDoc(const Bm25Query *q, const Bm25DocTerm *terms, int n,
							  uint32_t dl, double *score);

/* ----------------------------------------------------------------- top-k */

typedef struct Bm25Hit
{
	double		score;
	Bm25Tid		tid;
} Bm25Hit;

/* True when hit a ranks before b: higher score, or equal score and lower TID. */
extern bool Bm25HitBefore(const Bm25Hit *a, const Bm25Hit *b);

typedef struct Bm25TopK Bm25TopK;

/* Collect the best k (>= 1) hits ranking strictly after *after (NULL =
 * from the top), across pending documents and any number of segments. */
extern Bm25TopK *Bm25TopKCreate(int k, const Bm25Hit *after);
extern void Bm25TopKFree(Bm25TopK *t);

/* Offer one scored document; true when it is (for now) among the best k. */
extern bool Bm25TopKOffer(Bm25TopK *t, double score, const Bm25Tid *tid);

/* The hits so far, best first, into *hits (owned by t, valid until the
 * next Offer/Search/Free); returns how many (<= k). */
extern int	Bm25TopKResults(Bm25TopK *t, const Bm25Hit **hits);

/* Counters, added to by Bm25Search, so tests and EXPLAIN can show pruning. */
typedef struct Bm25SearchStats
{
	uint64_t	docs_scored;	/* documents fully scored */
	uint64_t	blocks_decoded; /* posting blocks decoded */
	uint64_t	blocks_skipped; /* posting blocks passed by their header alone */
	uint64_t	postings_total; /* postings of the query terms in the segments */
} Bm25SearchStats;

/*
 * Block-max WAND over one segment into t, using q's global statistics and
 * the threshold t already holds (so segments can be searched one after
 * another).  Only documents holding at least one query term are offered.
 * BM25_ERR_PARAMS when the segment's lead_positions differs from q's.
 * stats may be NULL.
 */
extern int	Bm25Search(const Bm25Query *q, Bm25Reader *r, Bm25TopK *t,
					   Bm25SearchStats *stats);

#endif							/* AR_BM25_H */

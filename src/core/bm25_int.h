/*
 * bm25_int.h — the segment image format and the internals shared by the
 * builder, reader, verifier and top-k search (not for the glue).
 *
 * A segment is nchunks chunks of P bytes.  Sections start on a chunk
 * boundary, in this order, and no record crosses a chunk boundary:
 *
 *   chunk 0      header (fixed little-endian fields, BM25_HDR_*)
 *   doc table    10-byte entries: 6-byte TID, uint32 dl; floor(P / 10) per
 *                chunk, so ordinal -> (chunk, offset) is arithmetic
 *   postings     per term, its posting blocks one after another; a block
 *                that does not fit the rest of a chunk starts the next one
 *                and the gap is zero bytes (a block header never starts
 *                with 0: its first byte is its count, 1..128)
 *   dictionary   entries sorted by term bytes, packed, zero-padded, with
 *                a trailer of restart offsets (Bm25Keyed below)
 *   directory    one entry per dictionary chunk: its first term and its
 *                chunk number, laid out like the dictionary, so a look-up
 *                reads one directory chunk and one dictionary chunk, each
 *                searched by binary search over its restarts (plus a binary
 *                search over directory chunks when there are several)
 *
 * Block:      u8 count, varint last_ord - base, varint data_len,
 *             varint max_tf, varint max_lead, varint min_dl, then data_len
 *             bytes of postings; base = previous block's last ordinal + 1
 *             (0 for a term's first block).
 * Posting:    varint gap << 1 | extra, gap = ordinal - previous ordinal - 1
 *             (previous = base - 1 at a block start); when extra (the
 *             frequency is not tf 1 / lead 0): varint (tf - 1) << 1 | has_lead,
 *             then when has_lead varint lead - 1.  Most postings of news
 *             text (tf 1, small gaps) take one byte.
 * Dict entry: varint len, term bytes, varint df, varint max_tf,
 *             varint max_lead, varint min_dl, varint byte offset of the
 *             term's first block (from the start of the image).
 * Dir entry:  varint len, term bytes, varint dictionary chunk number.
 */
#ifndef AR_BM25_INT_H
#define AR_BM25_INT_H

#include "bm25.h"

#define BM25_MAGIC			0x35324D42u /* "BM25" little-endian */
#define BM25_VERSION		1

/* Header field offsets in chunk 0. */
#define BM25_HDR_MAGIC		0
#define BM25_HDR_VERSION	4
#define BM25_HDR_CHUNK		8
#define BM25_HDR_NCHUNKS	12
#define BM25_HDR_NDOCS		16
#define BM25_HDR_NTERMS		20
#define BM25_HDR_TOTAL_DL	24
#define BM25_HDR_NPOSTINGS	32
#define BM25_HDR_LEADPOS	40
#define BM25_HDR_POST_CHUNK 44
#define BM25_HDR_DICT_CHUNK 48
#define BM25_HDR_DIR_CHUNK	52
#define BM25_HDR_SIZE		56

#define BM25_DOC_ENTRY		10
/* Room a block header may take (1 + 5 * 5 bytes, rounded up). */
#define BM25_BLOCK_HDR_MAX	28
/* Bytes of a dict or dir entry beside the term (varints), rounded up. */
#define BM25_ENTRY_OVERHEAD 64
/* Every this many entries of a dictionary or directory chunk, a restart. */
#define BM25_RESTART		8

/* ---- little-endian fixed fields */

static inline void
bm25_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
	p[2] = (uint8_t) (v >> 16);
	p[3] = (uint8_t) (v >> 24);
}

static inline uint32_t
bm25_get32(const uint8_t *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 |
		(uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static inline void
bm25_put64(uint8_t *p, uint64_t v)
{
	bm25_put32(p, (uint32_t) v);
	bm25_put32(p + 4, (uint32_t) (v >> 32));
}

static inline uint64_t
bm25_get64(const uint8_t *p)
{
	return (uint64_t) bm25_get32(p) | (uint64_t) bm25_get32(p + 4) << 32;
}

/* ---- varints (LEB128) */

/* Write v at p (room for 10 bytes); returns the bytes written. */
static inline int
bm25_put_varint(uint8_t *p, uint64_t v)
{
	int			n = 0;

	while (v >= 0x80)
	{
		p[n++] = (uint8_t) (v | 0x80);
		v >>= 7;
	}
	p[n++] = (uint8_t) v;
	return n;
}

/*
 * Read a varint from [*p, end) that must be <= max: advances *p and
 * returns true, or returns false (truncated, over-long, or too large)
 * without reading past end.
 */
static inline bool
bm25_get_varint(const uint8_t **p, const uint8_t *end, uint64_t max, uint64_t *v)
{
	const uint8_t *s = *p;
	uint64_t	r = 0;
	int			shift = 0;

	if (s < end && *s < 0x80)
	{
		/* one byte: most gaps and lengths, so decoding takes this path */
		if (*s > max)
			return false;
		*v = *s;
		*p = s + 1;
		return true;
	}
	for (;;)
	{
		uint8_t		c;

		if (s >= end || shift > 63)
			return false;
		c = *s++;
		if (shift == 63 && (c & 0x7E))
			return false;		/* would overflow 64 bits */
		r |= (uint64_t) (c & 0x7F) << shift;
		if (!(c & 0x80))
			break;
		shift += 7;
	}
	if (r > max)
		return false;
	*v = r;
	*p = s;
	return true;
}

/* Byte order of terms: memcmp, then the shorter first. */
static inline int
bm25_term_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* Upper bound of tf' over postings whose tf <= max_tf and lead <= max_lead,
 * for any lead_weight (the block maxima are stored apart for that). */
static inline double
bm25_weight_bound(const Bm25Params *p, uint32_t max_tf, uint32_t max_lead)
{
	if (p->lead_weight >= 1.0)
		return (double) max_tf + (p->lead_weight - 1.0) * (double) max_lead;
	return (double) max_tf;
}

/* Fill msg with printf-style text (never overflows; msg may be NULL). */
extern void bm25_msg(char *msg, size_t size, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* ---- query internals (bm25_score.c) */

extern const Bm25Params *bm25_query_params(const Bm25Query *q);
extern double bm25_query_idf(const Bm25Query *q, int i);
extern double bm25_query_avgdl(const Bm25Query *q);
/* Index of lex in the query's canonical order, or -1. */
extern int	bm25_query_find(const Bm25Query *q, const char *lex, size_t len);

/* ---- top-k internals (bm25_topk.c) */

/* The score a document must reach to enter the collector (-inf until it
 * holds k hits; a tie may still enter by TID). */
extern double bm25_topk_threshold(const Bm25TopK *t);

/* ---- reader internals (bm25_read.c) */

/* A buffer holding one chunk for one user (the dictionary, the doc table,
 * a cursor). */
typedef struct Bm25Slot
{
	uint8_t    *buf;
	const uint8_t *data;
	int64_t		chunkno;		/* -1: none */
} Bm25Slot;

struct Bm25Reader
{
	Bm25ReadChunk read;
	void	   *arg;
	uint32_t	chunk_size;
	uint32_t	nchunks;
	uint32_t	ndocs;
	uint32_t	nterms;
	uint64_t	total_dl;
	uint64_t	npostings;
	int			lead_positions;
	uint32_t	post_chunk;		/* first chunk of each section */
	uint32_t	dict_chunk;
	uint32_t	dir_chunk;
	uint32_t	docs_per_chunk;
	Bm25Slot	dict_slot;
	Bm25Slot	doc_slot;
	int			last_fail;		/* status of the last bm25_fail */
	char		err[256];
};

/* One posting block's header as read. */
typedef struct Bm25Block
{
	uint64_t	pos;			/* byte offset of the header */
	uint64_t	data;			/* byte offset of the postings */
	uint64_t	next;			/* byte offset just past the postings */
	uint32_t	count;
	uint32_t	base;			/* first ordinal the block may hold */
	uint32_t	last;
	uint32_t	data_len;
	uint32_t	max_tf;
	uint32_t	max_lead;
	uint32_t	min_dl;
} Bm25Block;

struct Bm25Cursor
{
	Bm25Reader *r;
	Bm25Slot	slot;
	uint32_t	df;
	uint32_t	seen;			/* postings in the blocks before blk */
	bool		started;		/* blk holds a block header */
	bool		decoded;		/* ords/freqs hold blk's postings */
	bool		ended;
	Bm25Block	blk;
	int			idx;			/* current posting in ords/freqs */
	uint64_t	skipped;		/* blocks passed by header only */
	uint64_t	ndecoded;		/* blocks decoded */
	uint32_t	ords[BM25_BLOCK_SIZE];
	Bm25Freq	freqs[BM25_BLOCK_SIZE];
};

/* The chunk a slot should hold, read through the callback when it
 * changes; NULL on failure, with r->err and r->last_fail set. */
extern const uint8_t *bm25_slot_get(Bm25Reader *r, Bm25Slot *slot, uint32_t chunkno);
extern void bm25_slot_init(Bm25Reader *r, Bm25Slot *slot);
extern void bm25_slot_free(Bm25Slot *slot);

/* Move the cursor's block to the first block whose last ordinal >= target
 * without decoding it: BM25_OK, BM25_END or an error. */
extern int	bm25_cursor_seek_block(Bm25Cursor *c, uint32_t target);

/* A dictionary entry as parsed. */
typedef struct Bm25DictEntry
{
	const char *term;			/* points into the slot's chunk */
	size_t		len;
	Bm25TermInfo info;
} Bm25DictEntry;

/*
 * A dictionary or directory chunk: entries packed from byte 0 (zero
 * padding after the last), and at the chunk's end a trailer: the u16
 * offsets of every BM25_RESTART-th entry, then their count (u16), so a
 * look-up binary-searches the restarts and scans at most BM25_RESTART
 * entries.
 */
typedef struct Bm25Keyed
{
	const uint8_t *data;
	uint32_t	chunk;
	uint32_t	limit;			/* entries end before this offset */
	uint32_t	nr;
	const uint8_t *restarts;
} Bm25Keyed;

static inline uint32_t
bm25_keyed_restart(const Bm25Keyed *kc, uint32_t i)
{
	return kc->restarts[2 * i] | (uint32_t) kc->restarts[2 * i + 1] << 8;
}

/* Read keyed chunk number chunk through slot and check its restart count;
 * bm25_keyed_check checks every restart offset too (verify). */
extern int	bm25_keyed_open(Bm25Reader *r, Bm25Slot *slot, uint32_t chunk, Bm25Keyed *kc);
extern int	bm25_keyed_check(Bm25Reader *r, const Bm25Keyed *kc);

/* Parse the dictionary (directory) entry at *off of a keyed chunk:
 * BM25_OK, BM25_END at the chunk's padding, or BM25_ERR_CORRUPT. */
extern int	bm25_parse_dict_entry(Bm25Reader *r, const Bm25Keyed *kc, uint32_t *off,
								  Bm25DictEntry *e);
extern int	bm25_parse_dir_entry(Bm25Reader *r, const Bm25Keyed *kc, uint32_t *off,
								 const char **key, size_t *len, uint32_t *dict);

/* Walks every dictionary entry in order. */
typedef struct Bm25DictIter
{
	Bm25Reader *r;
	Bm25Slot	slot;
	uint32_t	chunk;
	uint32_t	off;
	uint32_t	count;			/* entries returned so far */
	char	   *prev;			/* previous term, to check the order */
	size_t		prev_len;
	size_t		prev_cap;
} Bm25DictIter;

extern void bm25_dict_iter_init(Bm25DictIter *it, Bm25Reader *r);
/* BM25_OK and *e (valid until the next call), BM25_END, or an error. */
extern int	bm25_dict_iter_next(Bm25DictIter *it, Bm25DictEntry *e);
extern void bm25_dict_iter_free(Bm25DictIter *it);

/* Set r->err and return status. */
extern int	bm25_fail(Bm25Reader *r, int status, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

#endif							/* AR_BM25_INT_H */

/*
 * bm25_cursor.c — a cursor over one term's posting blocks.
 *
 * A block is first known by its header alone (last ordinal, count, maxima):
 * enough for block-max WAND to decide to skip it, so bm25_cursor_seek_block
 * walks headers without decoding postings, and a block's postings are
 * decoded (and checked) only when a caller needs one of them.
 */
#include "bm25_int.h"

/* Read the header of the block at byte pos whose ordinals start at base. */
static int
read_block_header(Bm25Cursor *c, uint64_t pos, uint32_t base)
{
	Bm25Reader *r = c->r;
	uint64_t	chunk = pos / r->chunk_size;
	uint32_t	off = (uint32_t) (pos % r->chunk_size);
	const uint8_t *d;
	const uint8_t *p;
	uint64_t	delta,
				dlen,
				tf,
				lead,
				dl;

	if (chunk < r->post_chunk || chunk >= r->dict_chunk)
		return bm25_fail(r, BM25_ERR_CORRUPT, "posting block at byte %llu outside the posting section",
						 (unsigned long long) pos);
	if ((d = bm25_slot_get(r, &c->slot, (uint32_t) chunk)) == NULL)
		return r->last_fail;
	if (d[off] == 0)
	{
		/* zero padding: the block starts the next chunk */
		if (off == 0 || chunk + 1 >= r->dict_chunk)
			return bm25_fail(r, BM25_ERR_CORRUPT, "no posting block at byte %llu",
							 (unsigned long long) pos);
		return read_block_header(c, (chunk + 1) * r->chunk_size, base);
	}
	p = d + off + 1;
	c->blk.count = d[off];
	if (c->blk.count > BM25_BLOCK_SIZE || c->blk.count > c->df - c->seen ||
		!bm25_get_varint(&p, d + r->chunk_size, r->ndocs, &delta) ||
		!bm25_get_varint(&p, d + r->chunk_size, r->chunk_size, &dlen) ||
		!bm25_get_varint(&p, d + r->chunk_size, UINT16_MAX, &tf) || tf == 0 ||
		!bm25_get_varint(&p, d + r->chunk_size, tf, &lead) ||
		!bm25_get_varint(&p, d + r->chunk_size, UINT32_MAX, &dl) ||
		delta + 1 < c->blk.count || (uint64_t) base + delta >= r->ndocs ||
		dlen > (uint64_t) (d + r->chunk_size - p))
		return bm25_fail(r, BM25_ERR_CORRUPT, "chunk %u, byte %u: bad posting block header",
						 (uint32_t) chunk, off);
	c->blk.pos = chunk * r->chunk_size + off;
	c->blk.data = chunk * r->chunk_size + (uint64_t) (p - d);
	c->blk.next = c->blk.data + dlen;
	c->blk.base = base;
	c->blk.last = base + (uint32_t) delta;
	c->blk.data_len = (uint32_t) dlen;
	c->blk.max_tf = (uint32_t) tf;
	c->blk.max_lead = (uint32_t) lead;
	c->blk.min_dl = (uint32_t) dl;
	c->decoded = false;
	return BM25_OK;
}

/* Move to the next block (the first one when not started): BM25_END after
 * the term's df postings. */
static int
next_block(Bm25Cursor *c, uint64_t first)
{
	int			status;

	if (!c->started)
	{
		c->started = true;
		status = read_block_header(c, first, 0);
	}
	else
	{
		c->seen += c->blk.count;
		if (c->seen == c->df)
		{
			c->ended = true;
			return BM25_END;
		}
		if (c->blk.last + 1 >= c->r->ndocs)
			return bm25_fail(c->r, BM25_ERR_CORRUPT, "posting list runs past the last document");
		status = read_block_header(c, c->blk.next, c->blk.last + 1);
	}
	return status;
}

/* Decode the current block's postings into ords/freqs, checking each one
 * against the block header. */
static int
decode_block(Bm25Cursor *c)
{
	Bm25Reader *r = c->r;
	const uint8_t *d = bm25_slot_get(r, &c->slot, (uint32_t) (c->blk.data / r->chunk_size));
	const uint8_t *p,
			   *end;
	uint64_t	prev1 = c->blk.base;
	uint32_t	i;

	if (d == NULL)
		return r->last_fail;
	p = d + c->blk.data % r->chunk_size;
	end = p + c->blk.data_len;
	for (i = 0; i < c->blk.count; i++)
	{
		uint64_t	v,
					w = 0,
					lead = 0;

		if (!bm25_get_varint(&p, end, (uint64_t) UINT32_MAX << 1 | 1, &v) ||
			((v & 1) && !bm25_get_varint(&p, end, (uint64_t) (UINT16_MAX - 1) << 1 | 1, &w)) ||
			((w & 1) && !bm25_get_varint(&p, end, UINT16_MAX - 1, &lead)))
			break;
		prev1 += v >> 1;		/* the ordinal */
		if (prev1 > c->blk.last || (w >> 1) + 1 > c->blk.max_tf ||
			((w & 1) ? lead + 1 : 0) > (w >> 1) + 1 ||
			((w & 1) ? lead + 1 : 0) > c->blk.max_lead)
			break;
		c->ords[i] = (uint32_t) prev1;
		c->freqs[i].tf = (uint16_t) ((w >> 1) + 1);
		c->freqs[i].lead = (uint16_t) ((w & 1) ? lead + 1 : 0);
		prev1++;
	}
	if (i < c->blk.count || p != end || c->ords[i - 1] != c->blk.last)
		return bm25_fail(r, BM25_ERR_CORRUPT, "posting block at byte %llu: postings disagree with the header",
						 (unsigned long long) c->blk.pos);
	c->decoded = true;
	c->idx = 0;
	c->ndecoded++;
	return BM25_OK;
}

int
Bm25CursorOpen(Bm25Reader *r, const Bm25TermInfo *info, Bm25Cursor **out)
{
	Bm25Cursor *c;

	*out = NULL;
	if (info->df == 0 || info->df > r->ndocs)
		return bm25_fail(r, BM25_ERR_ARG, "a term's df must be 1 .. %u", r->ndocs);
	c = ArAlloc(sizeof(Bm25Cursor));
	memset(c, 0, offsetof(Bm25Cursor, ords));	/* the arrays are filled by decoding */
	c->r = r;
	c->df = info->df;
	c->blk.next = info->postings;
	bm25_slot_init(r, &c->slot);
	*out = c;
	return BM25_OK;
}

void
Bm25CursorClose(Bm25Cursor *c)
{
	if (c == NULL)
		return;
	bm25_slot_free(&c->slot);
	ArFree(c);
}

int
bm25_cursor_seek_block(Bm25Cursor *c, uint32_t target)
{
	int			status;

	if (c->ended)
		return BM25_END;
	if (!c->started && (status = next_block(c, c->blk.next)) != BM25_OK)
		return status;
	while (c->blk.last < target)
	{
		if (!c->decoded)
			c->skipped++;
		if ((status = next_block(c, 0)) != BM25_OK)
			return status;
	}
	return BM25_OK;
}

int
Bm25CursorNext(Bm25Cursor *c)
{
	int			status;

	if (c->ended)
		return BM25_END;
	if (c->started && c->decoded)
	{
		if (c->idx + 1 < (int) c->blk.count)
		{
			c->idx++;
			return BM25_OK;
		}
		if ((status = next_block(c, 0)) != BM25_OK)
			return status;
	}
	else if (!c->started && (status = next_block(c, c->blk.next)) != BM25_OK)
		return status;
	return decode_block(c);
}

int
Bm25CursorAdvance(Bm25Cursor *c, uint32_t target)
{
	int			status;

	if (c->ended)
		return BM25_END;
	if (c->started && c->decoded && c->ords[c->idx] >= target)
		return BM25_OK;			/* never backwards */
	if ((status = bm25_cursor_seek_block(c, target)) != BM25_OK)
		return status;
	if (!c->decoded && (status = decode_block(c)) != BM25_OK)
		return status;
	/* the block's last ordinal is >= target, so this stops inside it */
	while (c->ords[c->idx] < target)
		c->idx++;
	return BM25_OK;
}

uint32_t
Bm25CursorOrd(const Bm25Cursor *c)
{
	return c->ords[c->idx];
}

Bm25Freq
Bm25CursorFreq(const Bm25Cursor *c)
{
	return c->freqs[c->idx];
}

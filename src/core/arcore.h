/*
 * arcore.h — shared plumbing for the plain-C core of arabic_news.
 *
 * The core never includes PostgreSQL headers.  Whoever embeds it (the
 * PostgreSQL glue, the unit tests, the fuzzers, the benchmarks) installs
 * hooks for memory and for cancellation once, before calling anything:
 * the glue routes allocation to palloc in the current memory context and
 * the interrupt hook to CHECK_FOR_INTERRUPTS(), so a long call can be
 * cancelled and nothing leaks when it is (the memory context owns it).
 */
#ifndef ARCORE_H
#define ARCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ArCoreHooks
{
	void	   *(*alloc) (size_t size);			/* never returns NULL */
	void	   *(*realloc) (void *ptr, size_t size);	/* never returns NULL */
	void		(*free) (void *ptr);
	void		(*check_interrupts) (void);		/* may longjmp out */
} ArCoreHooks;

/* Install the hooks; NULL members fall back to libc / no-op. */
extern void ArCoreSetHooks(const ArCoreHooks *hooks);

extern void *ArAlloc(size_t size);
extern void *ArRealloc(void *ptr, size_t size);
extern void ArFree(void *ptr);

/* Called by input-length-dependent loops every AR_INTERRUPT_STRIDE steps. */
extern void (*ArCheckInterruptsHook) (void);

/*
 * The one interrupt-check stride of the core: every loop whose length
 * grows with the input calls AR_CHECK_INTERRUPTS_EVERY(step) with its own
 * step counter (a token index, a counter it increments), which checks at
 * step 0 and then once per AR_INTERRUPT_STRIDE steps.  A power of two, so
 * the test is a mask.
 */
#define AR_INTERRUPT_STRIDE 4096
#define AR_CHECK_INTERRUPTS() \
	do { if (ArCheckInterruptsHook) ArCheckInterruptsHook(); } while (0)
#define AR_CHECK_INTERRUPTS_EVERY(step) \
	do { \
		if (((step) & (AR_INTERRUPT_STRIDE - 1)) == 0) \
			AR_CHECK_INTERRUPTS(); \
	} while (0)
_Static_assert((AR_INTERRUPT_STRIDE & (AR_INTERRUPT_STRIDE - 1)) == 0,
			   "AR_INTERRUPT_STRIDE must be a power of two");

/*
 * The one growable array of the core: every result list (numbers, dates,
 * pledges, entities) and the lexer's token stream.  A list type embeds the
 * three fields, so its items keep their own type:
 *
 *     typedef struct ArNumList { AR_ARRAY_FIELDS(ArNumItem); } ArNumList;
 *
 *     ArArrayInit(&list, 16);              room for 16 items, n = 0
 *     *ArArrayPush(&list) = item;          or  ArNumItem *it = ArArrayPush(&list);
 *     ArArrayFree(&list);                  items = NULL, n = cap = 0
 *
 * The macros evaluate their list argument more than once: pass a plain
 * name or pointer, never an expression with side effects.
 */
#define AR_ARRAY_FIELDS(T) \
	T		   *items; \
	size_t		n;				/* items in use */ \
	size_t		cap				/* items allocated */

/* Reallocate items (NULL allowed) to hold at least need elements; updates *cap. */
extern void *ArArrayGrow(void *items, size_t *cap, size_t need, size_t elem_size);

#define ArArrayInit(a, initial) \
	((a)->n = 0, (a)->cap = (initial), \
	 (a)->items = ArAlloc(sizeof(*(a)->items) * (a)->cap))
#define ArArrayReserve(a, extra) \
	((a)->n + (extra) <= (a)->cap ? (void) 0 : \
	 (void) ((a)->items = ArArrayGrow((a)->items, &(a)->cap, \
									  (a)->n + (extra), sizeof(*(a)->items))))
#define ArArrayPush(a) \
	(ArArrayReserve((a), 1), &(a)->items[(a)->n++])
#define ArArrayFree(a) \
	(ArFree((a)->items), (a)->items = NULL, (a)->n = (a)->cap = 0)

/* A growable byte buffer built on the hooks above. */
typedef struct ArBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} ArBuf;

extern void ArBufInit(ArBuf *b, size_t initial);
extern void ArBufReserve(ArBuf *b, size_t extra);
extern void ArBufAppend(ArBuf *b, const char *s, size_t n);
extern void ArBufAppendChar(ArBuf *b, char c);

/* FNV-1a over len bytes: the hash of every compiled look-up table (the
 * generators in data/ hash the same way) and of the stopword set. */
static inline uint32_t
ArHashBytes(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

/* A feature id mixed with two values (murmur3's finalizer): the hashed
 * features of the trained models (ner_features.c, pledge_features.c). */
static inline uint32_t
ArHashMix(uint32_t id, uint32_t a, uint32_t b)
{
	uint32_t	h = id * 0xcc9e2d51u ^ a;

	h = (h ^ (h >> 16)) * 0x85ebca6bu ^ b;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	return h ^ (h >> 16);
}

/*
 * A hash that reads four bytes per step (little-endian, on every machine)
 * with a final mix: about a third of ArHashBytes's instructions on a
 * stem, for the look-ups made once per token (the stopword set, the
 * common-lexeme bitmap).  data/gen_rare_table.py computes the same.
 */
static inline uint32_t
ArHashQuick(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	uint32_t	h = 2166136261u ^ (uint32_t) len;
	uint32_t	w;

	while (len >= 4)
	{
		w = (uint32_t) p[0] | (uint32_t) p[1] << 8 |
			(uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
		h = (h ^ w) * 0x9E3779B1u;
		h = (h << 13) | (h >> 19);
		p += 4;
		len -= 4;
	}
	w = 0;
	switch (len)
	{
		case 3:
			w |= (uint32_t) p[2] << 16;
			/* fall through */
		case 2:
			w |= (uint32_t) p[1] << 8;
			/* fall through */
		case 1:
			w |= p[0];
			h = (h ^ w) * 0x9E3779B1u;
	}
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return h;
}

#endif							/* ARCORE_H */

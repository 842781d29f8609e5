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

#define AR_INTERRUPT_STRIDE 4096
#define AR_CHECK_INTERRUPTS() \
	do { if (ArCheckInterruptsHook) ArCheckInterruptsHook(); } while (0)

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

#endif							/* ARCORE_H */

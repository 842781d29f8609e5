/*
 * arcore.c — allocation and cancellation hooks shared by the core.
 *
 * Defaults are libc malloc and "never interrupted", which is what the unit
 * tests, fuzzers and benchmarks want; the PostgreSQL glue installs palloc
 * and CHECK_FOR_INTERRUPTS() from _PG_init().
 */
#include "arcore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *(*hook_alloc) (size_t) = NULL;
static void *(*hook_realloc) (void *, size_t) = NULL;
static void (*hook_free) (void *) = NULL;

void		(*ArCheckInterruptsHook) (void) = NULL;

/* Install the embedding program's hooks (NULL members keep the defaults). */
void
ArCoreSetHooks(const ArCoreHooks *hooks)
{
	hook_alloc = hooks->alloc;
	hook_realloc = hooks->realloc;
	hook_free = hooks->free;
	ArCheckInterruptsHook = hooks->check_interrupts;
}

/* libc fallback: the core has no way to report failure, so stop loudly. */
static void
out_of_memory(size_t size)
{
	fprintf(stderr, "arabic_news core: out of memory (%zu bytes)\n", size);
	abort();
}

/* Allocate size bytes; never returns NULL. */
void *
ArAlloc(size_t size)
{
	void	   *p;

	if (hook_alloc)
		return hook_alloc(size);
	p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

/* Resize ptr (NULL allowed); never returns NULL. */
void *
ArRealloc(void *ptr, size_t size)
{
	void	   *p;

	if (ptr == NULL)
		return ArAlloc(size);
	if (hook_realloc)
		return hook_realloc(ptr, size);
	p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

/* Free memory from ArAlloc/ArRealloc (NULL allowed). */
void
ArFree(void *ptr)
{
	if (ptr == NULL)
		return;
	if (hook_free)
		hook_free(ptr);
	else
		free(ptr);
}

/* Grow an ArArray's items to hold need elements, doubling the capacity
 * (from 16 when the array had none) so that pushes stay amortized O(1). */
void *
ArArrayGrow(void *items, size_t *cap, size_t need, size_t elem_size)
{
	size_t		c = *cap ? *cap : 16;

	while (c < need)
		c *= 2;
	*cap = c;
	return ArRealloc(items, c * elem_size);
}

/* Start an empty buffer with room for initial bytes. */
void
ArBufInit(ArBuf *b, size_t initial)
{
	b->cap = initial < 16 ? 16 : initial;
	b->data = ArAlloc(b->cap);
	b->len = 0;
	b->data[0] = '\0';
}

/* Make room for extra more bytes plus a terminating NUL. */
void
ArBufReserve(ArBuf *b, size_t extra)
{
	size_t		need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap *= 2;
	b->data = ArRealloc(b->data, b->cap);
}

/* Append n bytes and keep the buffer NUL-terminated. */
void
ArBufAppend(ArBuf *b, const char *s, size_t n)
{
	ArBufReserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append one byte. */
void
ArBufAppendChar(ArBuf *b, char c)
{
	ArBufReserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

/*
 * pg_arabic_news.c — module load: connect the plain-C core to PostgreSQL.
 *
 * The core allocates through hooks and checks for cancellation through a
 * hook; here they become palloc in the caller's memory context (so an
 * error or a cancel frees everything with the context) and
 * CHECK_FOR_INTERRUPTS().
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "arcore.h"
#include "pg_bm25.h"
#include "pg_common.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* palloc in the current context; "huge" so only our own limits apply */
static void *
ar_palloc(size_t size)
{
	return MemoryContextAllocExtended(CurrentMemoryContext, size ? size : 1,
									  MCXT_ALLOC_HUGE);
}

/* repalloc, huge-aware */
static void *
ar_repalloc(void *ptr, size_t size)
{
	return repalloc_huge(ptr, size ? size : 1);
}

/* pfree */
static void
ar_pfree(void *ptr)
{
	pfree(ptr);
}

/* the core's cancellation point */
static void
ar_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* Called once per backend when the library is loaded. */
void
_PG_init(void)
{
	static const ArCoreHooks hooks = {
		.alloc = ar_palloc,
		.realloc = ar_repalloc,
		.free = ar_pfree,
		.check_interrupts = ar_check_interrupts,
	};

	ArCoreSetHooks(&hooks);
	Bm25InitOptions();
	ArPledgeDefineSettings();
	ArNerDefineSettings();	/* last: it reserves the arabic_news prefix */
}

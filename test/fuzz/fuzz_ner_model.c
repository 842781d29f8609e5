/*
 * fuzz_ner_model.c — libFuzzer target for ArNerModelOpen on damaged model
 * images, and for tagging with whatever model it accepts.
 *
 * The real model (data/arabic_news_ner.model) is read once.  Beside it the
 * target keeps a small image in the same format cut from it (hash bits at
 * the minimum: the real transitions and the first rows of the real
 * emissions, checksum recomputed), so that damage plus a re-sealed
 * checksum is cheap enough to try millions of times.  The first input byte
 * picks a mode:
 *
 *   0  the rest of the input is the image;
 *   1  the real image cut to a length from the input (the rest poisoned
 *      for ASan): must be refused;
 *   2  the small image with (offset, xor) patches from the input; with an
 *      odd flag byte the checksum is re-sealed first, so the header checks
 *      and the decoder see damage the checksum would otherwise hide.  One
 *      changed byte without re-sealing must be refused (FNV-1a changes with
 *      every single byte, and every header field is checked exactly);
 *   3  the same on the whole real image (slow: only when the byte is 255).
 *
 * Whatever opens tags a news sentence and the rest of the input, and the
 * entities must satisfy entity_invariants.h: a model with any weights at
 * all is never a reason to crash or to break the offsets.
 */
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)	ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION(p, n)
#endif
#endif
#ifndef POISON
#define POISON(p, n)	((void) 0)
#define UNPOISON(p, n)	((void) 0)
#endif

#include "entity_invariants.h"
#include "ner_model.h"
#include "ner_model_file.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PATCHES 8

static uint8_t *real;			/* the shipped model, pristine */
static size_t real_len;
static uint8_t *real_work;		/* patched in place, restored after each input */
static uint8_t *small;			/* the small image, pristine */
static size_t small_len;
static uint8_t *small_work;

static const char sentence[] =
"قال الأمين العام للناتو مارك روته في لاهاي إن وزير الخارجية الألماني يوهان فاديفول زار برلين.";

static void
put_u32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t) (v >> (8 * i));
}

static void
put_u64(uint8_t *p, uint64_t v)
{
	put_u32(p, (uint32_t) v);
	put_u32(p + 4, (uint32_t) (v >> 32));
}

/* Recompute the header's checksum over whatever payload follows it. */
static void
reseal(uint8_t *image, size_t len)
{
	if (len >= AR_NER_HEADER_BYTES)
		put_u32(image + 32, ArNerChecksum(image + AR_NER_HEADER_BYTES, len - AR_NER_HEADER_BYTES));
}

/* The small image: the real header with the fewest hash bits, the real
 * transitions, the first 2^bits rows of the real emissions. */
static void
make_small_image(void)
{
	size_t		trans = (size_t) (AR_NER_NTAGS + 1) * AR_NER_NTAGS * 2;
	size_t		emit = ((size_t) 1 << AR_NER_MIN_HASH_BITS) * AR_NER_NTAGS * 2;

	small_len = AR_NER_HEADER_BYTES + trans + emit;
	small = malloc(small_len);
	small_work = malloc(small_len);
	memcpy(small, real, small_len);
	put_u32(small + 16, AR_NER_MIN_HASH_BITS);
	put_u64(small + 24, trans + emit);
	reseal(small, small_len);
	memcpy(small_work, small, small_len);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *err = NULL;
	ArNerModel *m;

	real = read_model_file(&real_len);
	real_work = malloc(real_len);
	memcpy(real_work, real, real_len);
	if ((m = ArNerModelOpen(real, real_len, &err)) == NULL)
	{
		fprintf(stderr, "fuzz_ner_model: the model file does not open: %s\n", err ? err : "?");
		exit(1);
	}
	ArNerModelClose(m);
	make_small_image();
	if ((m = ArNerModelOpen(small, small_len, &err)) == NULL)
	{
		fprintf(stderr, "fuzz_ner_model: the small image does not open: %s\n", err ? err : "?");
		exit(1);
	}
	ArNerModelClose(m);
	return 0;
}

/* Tag one text with m; the entities must be sound. */
static void
tag_with(const ArNerModel *m, const uint8_t *text, size_t len)
{
	ArEntitiesSetModel(m);
	tag_and_check(text, len);
	ArEntitiesSetModel(NULL);
}

/* Open image[0..len); tag with it if it opens.  Returns whether it did. */
static int
open_and_tag(const uint8_t *image, size_t len, const uint8_t *text, size_t text_len)
{
	const char *err = NULL;
	ArNerModel *m = ArNerModelOpen(image, len, &err);

	if (m == NULL)
	{
		if (err == NULL || err[0] == '\0')
			abort();			/* a refusal always says why */
		return 0;
	}
	tag_with(m, (const uint8_t *) sentence, sizeof(sentence) - 1);
	tag_with(m, text, text_len);
	ArNerModelClose(m);
	return 1;
}

static uint32_t
take_u32(const uint8_t **p, const uint8_t *end)
{
	uint32_t	v = 0;

	for (int i = 0; i < 4; i++)
		v |= (uint32_t) (*p < end ? *(*p)++ : 0) << (8 * i);
	return v;
}

/* Mode 2 and 3: patch work (a copy of pristine), maybe re-seal, open, restore. */
static void
patched(const uint8_t *pristine, uint8_t *work, size_t len, const uint8_t *p, const uint8_t *end)
{
	uint32_t	offs[MAX_PATCHES];
	int			npatch = 0,
				changed = 0;
	int			sealed = p < end && (*p++ & 1);

	while (npatch < MAX_PATCHES && end - p >= 5)
	{
		uint32_t	off = take_u32(&p, end) % len;
		uint8_t		x = *p++;

		offs[npatch++] = off;
		work[off] ^= x;
	}
	for (int i = 0; i < npatch; i++)
	{
		int			seen = 0;

		for (int j = 0; j < i; j++)
			seen |= offs[j] == offs[i];
		changed += !seen && work[offs[i]] != pristine[offs[i]];
	}
	if (sealed)
		reseal(work, len);
	if (open_and_tag(work, len, p, (size_t) (end - p)) && !sealed && changed == 1)
		abort();				/* one changed byte went unnoticed */
	for (int i = 0; i < npatch; i++)
		work[offs[i]] = pristine[offs[i]];
	memcpy(work + 32, pristine + 32, 4);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data + 1,
			   *end = data + size;

	if (size == 0)
		return 0;
	switch (data[0] == 255 ? 3 : data[0] % 3)
	{
		case 0:
			{
				/* an exact-size copy, so that ASan sees any read past the end */
				uint8_t    *copy = malloc(size - 1 ? size - 1 : 1);

				memcpy(copy, p, size - 1);
				open_and_tag(copy, size - 1, (const uint8_t *) sentence, 0);
				free(copy);
				break;
			}
		case 1:
			{
				/* the bytes after the cut are poisoned: ASan sees any read of them */
				size_t		cut = take_u32(&p, end) % real_len;

				POISON(real_work + cut, real_len - cut);
				if (open_and_tag(real_work, cut, p, (size_t) (end - p)))
					abort();	/* a cut image opened */
				UNPOISON(real_work + cut, real_len - cut);
				break;
			}
		case 2:
			patched(small, small_work, small_len, p, end);
			break;
		default:
			patched(real, real_work, real_len, p, end);
			break;
	}
	return 0;
}

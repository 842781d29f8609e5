/*
 * ner_model.c — opening a model image (every header field checked before
 * anything is read through it) and Viterbi decoding over its weights.
 * The format is described in ner_model.h.
 */
#include "ner_model.h"

#include <string.h>
#if defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <emmintrin.h>
#define NER_SSE2 1
#endif

#include "ner_features.h"

#define FORBIDDEN	(INT64_MIN / 4)	/* the score of an invalid BIO sequence */

struct ArNerModel
{
	const uint8_t *emit;		/* 2^hash_bits × ntags int16, little-endian */
	uint32_t	mask;			/* 2^hash_bits - 1 */
	uint32_t	feature_version;
	/* the transition weights, FORBIDDEN where BIO forbids the pair; row
	 * AR_NER_NTAGS is the sentence start */
	int64_t		trans[AR_NER_NTAGS + 1][AR_NER_NTAGS];
};

static inline uint32_t
read_u32(const uint8_t *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) |
		((uint32_t) p[3] << 24);
}

static inline uint64_t
read_u64(const uint8_t *p)
{
	return (uint64_t) read_u32(p) | ((uint64_t) read_u32(p + 4) << 32);
}

static inline int32_t
read_i16(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	int16_t		v;

	memcpy(&v, p, 2);			/* the file's byte order: one load */
	return v;
#else
	return (int16_t) (uint16_t) (p[0] | (p[1] << 8));
#endif
}

uint32_t
ArNerChecksum(const uint8_t *p, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* The header's defect, or NULL when image[0..len) is a whole model. */
static const char *
header_defect(const uint8_t *image, size_t len)
{
	uint32_t	bits;
	uint64_t	payload,
				want;

	if (image == NULL || len < AR_NER_HEADER_BYTES)
		return "the entity model file is shorter than its header";
	if (memcmp(image, AR_NER_MAGIC, 8) != 0)
		return "the entity model file does not start with the model magic \"ARNERMDL\"";
	if (read_u32(image + 8) != AR_NER_FORMAT_VERSION)
		return "the entity model file has an unknown format version";
	if (read_u32(image + 12) != AR_NER_NTAGS)
		return "the entity model file has the wrong number of tags";
	if (read_u32(image + 20) != AR_NER_FEATURE_VERSION)
		return "the entity model file was trained on another feature set than this library computes";
	bits = read_u32(image + 16);
	if (bits < AR_NER_MIN_HASH_BITS || bits > AR_NER_MAX_HASH_BITS)
		return "the entity model file has an out-of-range hash size";
	if (read_u32(image + 36) != 0)
		return "the entity model file has a non-zero reserved header field";
	payload = read_u64(image + 24);
	want = ((uint64_t) (AR_NER_NTAGS + 1) * AR_NER_NTAGS +
			((uint64_t) 1 << bits) * AR_NER_NTAGS) * 2;
	if (payload != want)
		return "the entity model file's payload length does not match its hash size";
	if (len - AR_NER_HEADER_BYTES < payload)
		return "the entity model file is truncated";
	if (len - AR_NER_HEADER_BYTES > payload)
		return "the entity model file has bytes after its payload";
	if (ArNerChecksum(image + AR_NER_HEADER_BYTES, (size_t) payload) != read_u32(image + 32))
		return "the entity model file's checksum does not match its contents";
	return NULL;
}

ArNerModel *
ArNerModelOpen(const uint8_t *image, size_t len, const char **err)
{
	const char *defect = header_defect(image, len);
	ArNerModel *m;

	if (defect != NULL)
	{
		if (err)
			*err = defect;
		return NULL;
	}
	m = ArNerModelWrap(image + AR_NER_HEADER_BYTES,
					   image + AR_NER_HEADER_BYTES + (AR_NER_NTAGS + 1) * AR_NER_NTAGS * 2,
					   read_u32(image + 16));
	if (err)
		*err = NULL;
	return m;
}

ArNerModel *
ArNerModelWrap(const uint8_t *trans, const uint8_t *emit, uint32_t hash_bits)
{
	ArNerModel *m = ArAlloc(sizeof(ArNerModel));

	m->emit = emit;
	m->mask = (uint32_t) ((1u << hash_bits) - 1);
	m->feature_version = AR_NER_FEATURE_VERSION;
	ArNerModelRefresh(m, trans);
	return m;
}

void
ArNerModelRefresh(ArNerModel *m, const uint8_t *trans)
{
	int			p,
				t;

	for (p = 0; p <= AR_NER_NTAGS; p++)
		for (t = 0; t < AR_NER_NTAGS; t++)
			m->trans[p][t] = ArNerTransitionAllowed(p, t) ?
				read_i16(trans + 2 * (p * AR_NER_NTAGS + t)) : FORBIDDEN;
}

void
ArNerModelClose(ArNerModel *m)
{
	if (m)
		ArFree(m);
}

uint32_t
ArNerModelFeatureVersion(const ArNerModel *m)
{
	return m->feature_version;
}

bool
ArNerTransitionAllowed(int from, int to)
{
	/* I-X (even tags from 2) continues B-X or I-X only */
	if (to == AR_NER_O || (to & 1))
		return true;
	return from != AR_NER_NTAGS && from != AR_NER_O && (from + 1) / 2 == to / 2;
}

size_t
ArNerScratchSize(size_t n)
{
	return n * AR_NER_NTAGS;
}

/* Emission scores of one word: the sum of its features' weight rows
 * (at most 255 features of at most 32767: an int32 sum cannot overflow). */
_Static_assert(AR_NER_NTAGS == 7, "emission() reads a row of seven weights as eight lanes");

static void
emission(const ArNerModel *m, const uint32_t *f, int nf, int64_t *e)
{
	int32_t		a[8] = {0, 0, 0, 0, 0, 0, 0, 0};
	int			k,
				t;
#ifdef NER_SSE2
	/* eight int16 at a time, widened to int32; the eighth is the next
	 * row's first weight and is ignored, so the last row goes alone */
	__m128i		lo = _mm_setzero_si128(),
				hi = _mm_setzero_si128();

	for (k = 0; k < nf; k++)
	{
		uint32_t	idx = f[k] & m->mask;
		const uint8_t *row = m->emit + (size_t) idx * AR_NER_NTAGS * 2;
		__m128i		v;

		if (idx == m->mask)
		{
			for (t = 0; t < AR_NER_NTAGS; t++)
				a[t] += read_i16(row + 2 * t);
			continue;
		}
		v = _mm_loadu_si128((const __m128i *) row);
		lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
		hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
	}
	{
		int32_t		l[4],
					h[4];

		_mm_storeu_si128((__m128i *) l, lo);
		_mm_storeu_si128((__m128i *) h, hi);
		for (t = 0; t < 4; t++)
		{
			a[t] += l[t];
			a[t + 4] += h[t];
		}
	}
#else
	for (k = 0; k < nf; k++)
	{
		const uint8_t *row = m->emit + (size_t) (f[k] & m->mask) * AR_NER_NTAGS * 2;

		for (t = 0; t < AR_NER_NTAGS; t++)
			a[t] += read_i16(row + 2 * t);
	}
#endif
	for (t = 0; t < AR_NER_NTAGS; t++)
		e[t] = a[t];
}

void
ArNerModelDecode(const ArNerModel *m, const uint32_t *feats, const uint8_t *nfeat,
				 size_t stride, size_t n, void *scratch, uint8_t *tags)
{
	uint8_t    *back = scratch;		/* n × ntags best previous tags */
	int64_t		prev[AR_NER_NTAGS],
				cur[AR_NER_NTAGS],
				e[AR_NER_NTAGS];
	size_t		w;
	int			t,
				p,
				best;

	if (n == 0)
		return;
	emission(m, feats, nfeat[0], e);
	for (t = 0; t < AR_NER_NTAGS; t++)
	{
		prev[t] = m->trans[AR_NER_NTAGS][t] == FORBIDDEN ? FORBIDDEN :
			m->trans[AR_NER_NTAGS][t] + e[t];
		back[t] = 0;
	}
	for (w = 1; w < n; w++)
	{
		emission(m, feats + w * stride, nfeat[w], e);
		for (t = 0; t < AR_NER_NTAGS; t++)
		{
			int64_t		top = prev[0] + m->trans[0][t];
			int			arg = 0;

			if (t != AR_NER_O && !(t & 1))
			{
				/* I-X: only B-X and I-X may come before (ties to B-X as below) */
				int64_t		s = prev[t] + m->trans[t][t];

				top = prev[t - 1] + m->trans[t - 1][t];
				arg = t - 1;
				if (s > top)
				{
					top = s;
					arg = t;
				}
				cur[t] = top + e[t];
				back[w * AR_NER_NTAGS + t] = (uint8_t) arg;
				continue;
			}
			for (p = 1; p < AR_NER_NTAGS; p++)
			{
				int64_t		s = prev[p] + m->trans[p][t];

				if (s > top)
				{
					top = s;
					arg = p;
				}
			}
			cur[t] = top + e[t];
			back[w * AR_NER_NTAGS + t] = (uint8_t) arg;
		}
		memcpy(prev, cur, sizeof(prev));
	}
	best = 0;
	for (t = 1; t < AR_NER_NTAGS; t++)
		if (prev[t] > prev[best])
			best = t;
	for (w = n; w-- > 0;)
	{
		tags[w] = (uint8_t) best;
		best = back[w * AR_NER_NTAGS + best];
	}
}

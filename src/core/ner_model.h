/*
 * ner_model.h — the trained entity tagger's weights: file format, opening
 * and Viterbi decoding.
 *
 * The model is an averaged perceptron over BIO tags of PER, ORG and LOC
 * (seven tags, AR_NER_O … AR_NER_I_LOC) with first-order transitions.  A
 * word's features are 32-bit hashes (ner_features.h); the low `hash_bits`
 * bits pick a row of seven int16 weights, one per tag.  Trained by
 * tools/ner_train.c (make train-ner), shipped as data/arabic_news_ner.model.
 *
 * File layout, every integer little-endian:
 *
 *   offset  size  field
 *        0     8  magic "ARNERMDL"
 *        8     4  format version (AR_NER_FORMAT_VERSION)
 *       12     4  number of tags (AR_NER_NTAGS)
 *       16     4  hash bits (AR_NER_MIN_HASH_BITS … AR_NER_MAX_HASH_BITS)
 *       20     4  feature-set version (AR_NER_FEATURE_VERSION): which
 *                 features the weights were trained on
 *       24     8  payload length in bytes
 *       32     4  FNV-1a 32 of the payload
 *       36     4  reserved, 0
 *       40     …  payload:
 *                   transitions: (ntags + 1) × ntags int16, row ntags is
 *                     the start of a sentence, row p column t scores p → t
 *                   emissions: 2^hash_bits × ntags int16
 *
 * The payload length must be exactly what the header's sizes imply and
 * the file must end there.  Opening copies nothing: the model points into
 * the caller's image.
 */
#ifndef AR_NER_MODEL_H
#define AR_NER_MODEL_H

#include "arcore.h"

#define AR_NER_MAGIC			"ARNERMDL"
#define AR_NER_FORMAT_VERSION	1
#define AR_NER_HEADER_BYTES		40
#define AR_NER_MIN_HASH_BITS	10
#define AR_NER_MAX_HASH_BITS	24

/* The tags, in weight-column order. */
typedef enum ArNerTag
{
	AR_NER_O = 0,
	AR_NER_B_PER,
	AR_NER_I_PER,
	AR_NER_B_ORG,
	AR_NER_I_ORG,
	AR_NER_B_LOC,
	AR_NER_I_LOC,
	AR_NER_NTAGS
} ArNerTag;

typedef struct ArNerModel ArNerModel;	/* read-only once opened */

/*
 * Validate and wrap a whole model file image.  The caller keeps `image`
 * alive as long as the model is used (the model points into it, no copy).
 * Returns NULL and sets *err to a static English sentence on any defect:
 * short file, bad magic, unknown version, size mismatch, checksum
 * mismatch, out-of-range header fields.  Never reads outside image[0..len).
 */
extern ArNerModel *ArNerModelOpen(const uint8_t *image, size_t len, const char **err);
extern void ArNerModelClose(ArNerModel *m);	/* frees the wrapper only */

/* The feature-set version the weights were trained on. */
extern uint32_t ArNerModelFeatureVersion(const ArNerModel *m);

/*
 * Best tag sequence for n words.  Word w has nfeat[w] feature hashes at
 * feats[w * stride …]; tags[0..n) receives the tags.  Only valid BIO
 * sequences come out (an I-X follows a B-X or an I-X).  scratch must hold
 * ArNerScratchSize(n) bytes (no allocation here).
 */
extern size_t ArNerScratchSize(size_t n);
extern void ArNerModelDecode(const ArNerModel *m, const uint32_t *feats,
							 const uint8_t *nfeat, size_t stride, size_t n,
							 void *scratch, uint8_t *tags);

/* May tag `to` follow tag `from` (from = AR_NER_NTAGS: sentence start)? */
extern bool ArNerTransitionAllowed(int from, int to);

/*
 * The model ArEntitiesExtract uses; NULL = rules only (the 0.2 behaviour).
 * Set once per backend by the glue; the model must stay open while set.
 */
extern void ArEntitiesSetModel(const ArNerModel *m);

/*
 * For the trainer (tools/ner_train.c): a model over weights it owns, in
 * the payload's layout (int16 little-endian), without a file around them.
 */
extern ArNerModel *ArNerModelWrap(const uint8_t *trans, const uint8_t *emit, uint32_t hash_bits);
/* Re-read the transition weights after the trainer changed them. */
extern void ArNerModelRefresh(ArNerModel *m, const uint8_t *trans);

/* FNV-1a 32 of a payload, as the header stores it. */
extern uint32_t ArNerChecksum(const uint8_t *p, size_t len);

#endif							/* AR_NER_MODEL_H */

/*
 * ner_tag.h — entity tagging with the trained model: the rules run first
 * (their decisions are features, ner_features.h), the model decides the
 * spans and kinds of PER, ORG and LOC, and the rules' results supply the
 * canonical names and the NAT rows (ner_tag.c).
 */
#ifndef AR_NER_TAG_H
#define AR_NER_TAG_H

#include "entities.h"
#include "ner_features.h"
#include "ner_model.h"

/* The model set by ArEntitiesSetModel, or NULL (rules only). */
extern const ArNerModel *ArEntitiesModel(void);

/* ArEntitiesExtract with model m. */
extern void ArNerTagExtract(const ArNerModel *m, const char *s, size_t len, ArEntityList *out);

/* entities.c: run the rules on s[0..len) (appending to *out) and describe
 * its words in *words for the tagger. */
extern void ArEntitiesRules(const char *s, size_t len, ArEntityList *out, ArNerWords *words);

/* entities.c: append src[bstart..bend) to canon as a surface canonical. */
extern void ArEntitiesSurfaceCanon(ArBuf *canon, const char *src, size_t bstart, size_t bend);

/*
 * Where the model and the rules disagree (see docs/entities.md); bits of
 * the policy.  The default lets a gazetteer entry or a foreign family name
 * beat an overlapping model span: cross-validation on the train split
 * scores it within 0.001 of keeping the model's span, and the gazetteer
 * keeps the whole name and its canonical (حلف الناتو, not الناتو).
 */
#define AR_NER_KEEP_GAZ_RULES	1	/* keep a gazetteer rule entity the model left out */
#define AR_NER_KEEP_ALL_RULES	2	/* keep any rule entity the model left out */
#define AR_NER_GAZ_WINS			4	/* a gazetteer or family-name rule entity beats an overlapping model span */
#define AR_NER_POLICY_DEFAULT	(AR_NER_KEEP_GAZ_RULES | AR_NER_GAZ_WINS)

/* For the trainer's experiments only: the policy used from now on. */
extern void ArNerTagSetPolicy(int policy);

#endif							/* AR_NER_TAG_H */

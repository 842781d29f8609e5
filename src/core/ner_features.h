/*
 * ner_features.h — what the trained tagger sees of each word: the words of
 * a text with what the rule matcher knows about them (ArNerWords, filled
 * by ArEntitiesRules in entities.c), and the hashed features computed from
 * them (ner_features.c).
 *
 * The features of word i: its normalized form, its form with proclitics
 * peeled, its stem, prefixes and suffixes, shape (Latin, length, article),
 * the words and stems around it (-2 … +2), the punctuation in between, the
 * word classes of the rule matcher's tables (given name, surname, verb of
 * saying, organization and place cues, common news word …) for i-1, i and
 * i+1, the gazetteer phrase covering it (kind and B/I position), the
 * rule matcher's own BIO decision for i-2 … i+2, how often the rules tag
 * the word as PER, ORG or LOC across the news corpus (ner_lexicon.tsv), the
 * word classes of i-1, i and i+1 learnt from the words around them in the
 * corpus (ner_clusters.tsv: a name the training data never saw still
 * shares a class with names it did), and whether the word is a currency.
 * Each feature is a 32-bit hash; the model keeps its low bits (ner_model.h).
 */
#ifndef AR_NER_FEATURES_H
#define AR_NER_FEATURES_H

#include "arcore.h"

/* Bump when the features change: a model trained on others is refused. */
#define AR_NER_FEATURE_VERSION	4
#define AR_NER_MAX_FEATS		80	/* per word */

/* Rule tags beyond the ArNerTag ones: nationality adjectives. */
#define AR_NER_RULE_B_NAT		7
#define AR_NER_RULE_I_NAT		8

/* Gap before a word. */
#define AR_NER_GAP_NONE			0	/* only white space since the previous word */
#define AR_NER_GAP_COMMA		1
#define AR_NER_GAP_OTHER		2	/* other punctuation, numbers, symbols */
#define AR_NER_GAP_START		3	/* the first word */

/* Why the rules tagged an entity (ner_tag.c merges by it; no feature). */
#define AR_NER_WHY_RULE			0	/* a name read from its context */
#define AR_NER_WHY_GAZETTEER	1	/* a gazetteer entry (known place, organization, person) */
#define AR_NER_WHY_CONVENTION	2	/* a government body or a club: the project's conventions */
#define AR_NER_WHY_SHAPE		3	/* a foreign family-name ending (-فيتش، -سكي) */

typedef struct ArNerWord
{
	size_t		byte_start;
	size_t		byte_len;
	size_t		char_start;
	size_t		char_len;
	size_t		norm_off;		/* normalized form: ArNerWords.norm.data + norm_off */
	uint32_t	norm_len;
	uint32_t	bare_skip;		/* bytes of proclitics in front of the bare form */
	uint32_t	flags;			/* word classes, read with proclitics peeled */
	uint8_t		name_byte_skip;	/* a proclitic in front of a known word (وبرلين): */
	uint8_t		name_char_skip;	/* where a name starting here starts */
	uint8_t		phrase;			/* gazetteer phrase: kind * 2 + 1 (first word), + 2 (later); 0 none */
	uint8_t		rule;			/* the rules' tag: an ArNerTag, or AR_NER_RULE_[BI]_NAT */
	uint8_t		gap;			/* AR_NER_GAP_* before the word */
	bool		latin;
	int32_t		rule_ent;		/* index in the output list of the rule entity starting here, or -1 */
	uint8_t		rule_why;		/* why the rules tagged that entity: AR_NER_WHY_* */
} ArNerWord;

/* Why the rules tagged an entity (ner_tag.c merges by it; no feature). */
#define AR_NER_WHY_RULE			0	/* a name read from its context */
#define AR_NER_WHY_GAZETTEER	1	/* a gazetteer entry (known place, organization, person) */
#define AR_NER_WHY_CONVENTION	2	/* a government body or a club: the project's conventions */
#define AR_NER_WHY_SHAPE		3	/* a foreign family-name ending (-فيتش، -سكي) */

typedef struct ArNerWords
{
	AR_ARRAY_FIELDS(ArNerWord);
	ArBuf		norm;
} ArNerWords;

extern void ArNerWordsInit(ArNerWords *w);
extern void ArNerWordsFree(ArNerWords *w);

/* Hash the forms of every word once (and look it up in the corpus
 * lexicon): word_hash holds AR_NER_WORD_HASHES × w->n. */
#define AR_NER_WORD_HASHES		9
extern void ArNerWordHashes(const ArNerWords *w, uint32_t *word_hash);

/* Is word i a currency noun of the number lexicon (ريال، دولار)? */
extern bool ArNerIsCurrency(const ArNerWords *w, size_t i);

/*
 * Feature hashes of words [from, to): word from + k gets nfeat[k] hashes
 * at feats[k * AR_NER_MAX_FEATS …].
 */
extern void ArNerFeatures(const ArNerWords *w, const uint32_t *word_hash,
						  size_t from, size_t to, uint32_t *feats, uint8_t *nfeat);

#endif							/* AR_NER_FEATURES_H */

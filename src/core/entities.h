/*
 * entities.h — named-entity tagging of Arabic news text: people (PER),
 * organizations (ORG), places (LOC) and nationality adjectives (NAT).
 *
 * One pass over the shared tokenizer's words.  Each word is normalized
 * (ArNormalizeChar) and looked up, with its proclitics (و ف ب ك ل, لل)
 * peeled off, in two compiled hash tables (entities_table.h, generated from
 * data/ by gen_entities_table.py): a word table (given names, stopwords,
 * connectors, the longest phrase a word can start) and a phrase table
 * (gazetteer names with their canonical, titles, government-body heads,
 * nationality adjectives).  The longest phrase wins; titles and given names
 * start person names; a later bare surname resolves to the full name seen
 * earlier in the same text.  Offsets point at the name itself, never at a
 * clitic in front of it.
 */
#ifndef AR_ENTITIES_H
#define AR_ENTITIES_H

#include "arcore.h"

typedef enum ArEntKind
{
	AR_ENT_PER = 0,
	AR_ENT_ORG,
	AR_ENT_LOC,
	AR_ENT_NAT,
	AR_ENT_TITLE,				/* internal: person title trigger */
	AR_ENT_GOV,					/* internal: government-body head, needs a country */
	AR_ENT_GOVSTRONG,			/* internal: government-body head, an ORG alone too */
	AR_ENT_TITLEC,				/* internal: title that governs a noun (رئيس، وزير) */
	AR_ENT_CLUB					/* internal: club named by an everyday word (النصر) */
} ArEntKind;

typedef struct ArEntity
{
	ArEntKind	kind;
	size_t		byte_start;		/* into the input */
	size_t		byte_len;
	size_t		char_start;		/* 0-based, in code points */
	size_t		char_len;
	size_t		canon_off;		/* canonical: ArEntityList.canon.data + canon_off */
	size_t		canon_len;
} ArEntity;

typedef struct ArEntityList
{
	AR_ARRAY_FIELDS(ArEntity);	/* the entities, in text order */
	ArBuf		canon;			/* canonical names of all items */
} ArEntityList;

/* Tag s[0..len) (UTF-8); results are appended to *out in text order. */
extern void ArEntitiesExtract(const char *s, size_t len, ArEntityList *out);

extern void ArEntityListInit(ArEntityList *list);
extern void ArEntityListFree(ArEntityList *list);

/*
 * Self-check of the compiled tables for the unit tests: the number of keys
 * that are not in normalized form (the generator's folding disagrees with
 * ArNormalizeChar) or that their own hash table cannot find.  0 when sane.
 */
extern size_t ArEntitiesCheckTables(void);

/* "PER", "ORG", "LOC", "NAT". */
extern const char *ArEntKindName(ArEntKind kind);

#endif							/* AR_ENTITIES_H */

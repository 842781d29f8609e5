/*
 * stem.h — light stemmer for Arabic search terms.
 *
 * Input is one word already in search form (ArNormalize with
 * AR_NORM_DEFAULT: no diacritics or tatweel, every alef written ا, ى
 * written ي, ة written ه).  The stemmer only ever removes letters from the
 * two ends of the word, so the stem is a substring of the input and no
 * memory is needed: ArStem returns a pointer into the word (or into the
 * compiled exception table) and its length.
 *
 * Design rules, in the order they are applied:
 *  1. Proclitics: ال and its combinations (وال فال بال كال لل) and the
 *     conjunction و are peeled one at a time; each remainder is treated
 *     exactly like a bare word, so حلف, الحلف, والحلف, للحلف, بالحلف give
 *     one stem.  و is kept when it belongs to the word (data/stem_waw.tsv:
 *     وزير, وافق — checked on the suffix-stripped stem, so وزارتها keeps it
 *     too).  لل before a word whose first ل is its own (data/stem_own.tsv,
 *     counted in the news corpus) is ل + the article: للجنة = اللجنة.  A bare ف ب ك ل is not stripped from a short word (فرنسا,
 *     برلين, كتاب) unless what remains is a listed name (بفرنسا → فرنسا)
 *     or a known short news word (data/stem_known.tsv: لحلف → حلف).
 *  2. Listed words (data/stem_exceptions.tsv: names and words whose endings
 *     look like suffixes) stop stemming and give their listed stem.
 *  3. Suffixes, outermost first: the accusative alif (عاما → عام), one
 *     pronoun (هما هم هن ها كما كم كن نا ه, the last also covering ة), then
 *     one plural/dual ending (ات ون ين تان وا), with ت left behind by ة
 *     before a suffix removed (حكومتها → حكوم = حكومة).  The nisba ي is
 *     kept: السعودية → سعودي, not سعود; المحلي → محلي, not محل.
 *  4. A bare ب ل ك ف before a stem of five letters or more (بمناسبة →
 *     مناسب), decided on the stem left after the suffixes so that every
 *     form of a word sees the same length.
 *  5. A nationality adjective of the entity data gets its country's stem
 *     (المصريين → مصر, الفرنسية → فرنسا); other nisba words keep their ي.
 *  Every removal keeps a minimum stem length, counted in letters.
 */
#ifndef AR_STEM_H
#define AR_STEM_H

#include "arcore.h"

/* Words longer than this many bytes are returned unchanged. */
#define AR_STEM_MAX_BYTES 256

/*
 * Stem word[0..len).  Returns a pointer to the stem (inside word, or a
 * compiled constant) and stores its byte length in *stem_len.  Words that
 * are not made of Arabic letters only come back unchanged.
 */
extern const char *ArStem(const char *word, size_t len, size_t *stem_len);

#endif							/* AR_STEM_H */

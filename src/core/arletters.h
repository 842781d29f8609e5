/*
 * arletters.h — the Arabic letters the core's rules name, once.
 *
 * Each letter as a code point (AR_CP_ALEF, for rules over decoded text) and
 * as its UTF-8 string (AR_STR_ALEF, for rules over bytes).  Every letter of
 * U+0621–U+064A is two bytes in UTF-8; adjacent string literals join at
 * compile time, so an affix is spelled with its letters (AR_STR_WAW
 * AR_STR_NOON is "ون") and costs nothing at run time.  Arabic punctuation
 * the rules test is named here too.
 */
#ifndef AR_LETTERS_H
#define AR_LETTERS_H

/* Code points. */
#define AR_CP_ALEF				0x0627	/* ا */
#define AR_CP_BEH				0x0628	/* ب */
#define AR_CP_TEH_MARBUTA		0x0629	/* ة */
#define AR_CP_TEH				0x062A	/* ت */
#define AR_CP_REH				0x0631	/* ر: also AFP's decimal mark, 2ر1 = 1.2 */
#define AR_CP_FEH				0x0641	/* ف */
#define AR_CP_KAF				0x0643	/* ك */
#define AR_CP_LAM				0x0644	/* ل */
#define AR_CP_MEEM				0x0645	/* م */
#define AR_CP_NOON				0x0646	/* ن */
#define AR_CP_HEH				0x0647	/* ه */
#define AR_CP_WAW				0x0648	/* و */
#define AR_CP_YEH				0x064A	/* ي */
#define AR_CP_FATHATAN			0x064B	/* ً tanween fath */

/* Punctuation. */
#define AR_CP_COMMA				0x060C	/* ، Arabic comma */
#define AR_CP_SEMICOLON			0x061B	/* ؛ Arabic semicolon */
#define AR_CP_QUESTION			0x061F	/* ؟ Arabic question mark */
#define AR_CP_DECIMAL_SEP		0x066B	/* ٫ Arabic decimal separator */
#define AR_CP_EN_DASH			0x2013	/* – in ranges */

/* UTF-8 strings. */
#define AR_STR_COMMA			"،"
#define AR_STR_ALEF_HAMZA_ABOVE	"أ"
#define AR_STR_ALEF_HAMZA_BELOW	"إ"
#define AR_STR_YEH_HAMZA		"ئ"
#define AR_STR_ALEF				"ا"
#define AR_STR_BEH				"ب"
#define AR_STR_TEH				"ت"
#define AR_STR_DAL				"د"
#define AR_STR_REH				"ر"
#define AR_STR_SEEN				"س"
#define AR_STR_SHEEN			"ش"
#define AR_STR_AIN				"ع"
#define AR_STR_FEH				"ف"
#define AR_STR_KAF				"ك"
#define AR_STR_LAM				"ل"
#define AR_STR_MEEM				"م"
#define AR_STR_NOON				"ن"
#define AR_STR_HEH				"ه"	/* also ة after normalization */
#define AR_STR_WAW				"و"
#define AR_STR_ALEF_MAKSURA		"ى"
#define AR_STR_YEH				"ي"
#define AR_STR_FATHATAN			"ً"	/* tanween of the accusative */

/* The definite article. */
#define AR_STR_AL				"ال"

#endif							/* AR_LETTERS_H */

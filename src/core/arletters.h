/*
 * arletters.h — the Arabic letters the core's rules name, once.
 *
 * Each letter as a code point (L_ALEF, for rules over decoded text) and as
 * its UTF-8 string (U8_ALEF, for rules over bytes).  Every letter of
 * U+0621–U+064A is two bytes in UTF-8; adjacent string literals join at
 * compile time, so an affix is spelled with its letters (U8_WAW U8_NOON is
 * "ون") and costs nothing at run time.
 */
#ifndef AR_LETTERS_H
#define AR_LETTERS_H

/* Code points. */
#define L_ALEF			0x0627	/* ا */
#define L_BEH			0x0628	/* ب */
#define L_TEH_MARBUTA	0x0629	/* ة */
#define L_TEH			0x062A	/* ت */
#define L_FEH			0x0641	/* ف */
#define L_KAF			0x0643	/* ك */
#define L_LAM			0x0644	/* ل */
#define L_MEEM			0x0645	/* م */
#define L_NOON			0x0646	/* ن */
#define L_HEH			0x0647	/* ه */
#define L_WAW			0x0648	/* و */
#define L_YEH			0x064A	/* ي */

/* UTF-8 strings. */
#define U8_COMMA				"\xD8\x8C"	/* ، */
#define U8_ALEF_HAMZA_ABOVE		"\xD8\xA3"	/* أ */
#define U8_ALEF_HAMZA_BELOW		"\xD8\xA5"	/* إ */
#define U8_YEH_HAMZA			"\xD8\xA6"	/* ئ */
#define U8_ALEF					"\xD8\xA7"	/* ا */
#define U8_BEH					"\xD8\xA8"	/* ب */
#define U8_TEH					"\xD8\xAA"	/* ت */
#define U8_DAL					"\xD8\xAF"	/* د */
#define U8_REH					"\xD8\xB1"	/* ر */
#define U8_SEEN					"\xD8\xB3"	/* س */
#define U8_SHEEN				"\xD8\xB4"	/* ش */
#define U8_AIN					"\xD8\xB9"	/* ع */
#define U8_FEH					"\xD9\x81"	/* ف */
#define U8_KAF					"\xD9\x83"	/* ك */
#define U8_LAM					"\xD9\x84"	/* ل */
#define U8_MEEM					"\xD9\x85"	/* م */
#define U8_NOON					"\xD9\x86"	/* ن */
#define U8_HEH					"\xD9\x87"	/* ه (also ة after normalization) */
#define U8_WAW					"\xD9\x88"	/* و */
#define U8_ALEF_MAKSURA			"\xD9\x89"	/* ى */
#define U8_YEH					"\xD9\x8A"	/* ي */
#define U8_FATHATAN				"\xD9\x8B"	/* ً (tanween of the accusative) */

/* The definite article ال. */
#define U8_AL					U8_ALEF U8_LAM

#endif							/* AR_LETTERS_H */

/*
 * test_tokenize.c — unit tests for the core tokenizer and normalizer.
 *
 * Each case shows an input and the tokens it must give, written as
 * "type:text" joined by '|' (white space omitted), so a failure prints
 * exactly what changed.
 */
#include <stdlib.h>

#include "normalize.h"
#include "tokenize.h"
#include "unit.h"
#include "utf8.h"

/* Tokens of s as "type:text|type:text…", spaces left out. */
static char *
tokens_of(const char *s)
{
	static char buf[4096];
	ArTokenizer tz;
	ArToken		t;
	size_t		o = 0;

	ArTokenizerInit(&tz, s, strlen(s));
	buf[0] = '\0';
	while (ArTokenizerNext(&tz, &t))
	{
		if (t.type == AR_TOK_SPACE)
			continue;
		o += snprintf(buf + o, sizeof(buf) - o, "%s%s:%.*s", o ? "|" : "",
					  ArTokenTypeName(t.type), (int) t.byte_len, s + t.byte_start);
	}
	return buf;
}

/* Normalize with the given flags into a static buffer. */
static const char *
norm(const char *s, unsigned flags)
{
	static ArBuf b;

	if (b.data)
		ArFree(b.data);
	ArBufInit(&b, 16);
	ArNormalize(s, strlen(s), flags, &b);
	return b.data;
}

/* Offsets must cover the input exactly, in order, with no gap; each
 * token's length in characters is that of its bytes. */
static void
check_cover(const char *s, size_t len, const char *name)
{
	ArTokenizer tz;
	ArToken		t;
	size_t		bytes = 0,
				chars = 0;
	int			ok = 1;

	ArTokenizerInit(&tz, s, len);
	while (ArTokenizerNext(&tz, &t))
	{
		if (t.byte_start != bytes || t.char_start != chars || t.byte_len == 0 ||
			t.byte_start + t.byte_len > len ||
			t.char_len != ArUtf8CharCount(s + t.byte_start, t.byte_len))
			ok = 0;
		bytes += t.byte_len;
		chars += t.char_len;
	}
	unit_ok(ok && bytes == len && chars == ArUtf8CharCount(s, len), name);
}

int
main(void)
{
	/* --- tokenizer: words, numbers, clitics */
	unit_str(tokens_of("تعهدت ألمانيا بتقديم ملياري يورو"),
			 "arabic:تعهدت|arabic:ألمانيا|arabic:بتقديم|arabic:ملياري|arabic:يورو", "arabic words");
	unit_str(tokens_of("مُسْتَقْبَل الأمـــن"), "arabic:مُسْتَقْبَل|arabic:الأمـــن",
			 "diacritics and tatweel stay inside words");
	unit_str(tokens_of("مي\u200Cخواهم"), "arabic:مي\u200Cخواهم", "ZWNJ does not split a word");
	unit_str(tokens_of("و5 دول"), "clitic:و|number:5|arabic:دول", "clitic glued to digits");
	unit_str(tokens_of("ب3.5%"), "clitic:ب|number:3.5|percent:%", "clitic, decimal, percent");
	unit_str(tokens_of("بـ5%"), "clitic:بـ|number:5|percent:%", "clitic with tatweel");
	unit_str(tokens_of("الـ76"), "clitic:الـ|number:76", "article on a number");
	unit_str(tokens_of("وبال3"), "clitic:وبال|number:3", "conjunction, preposition and article together");
	unit_str(tokens_of("عبر3"), "arabic:عبر|number:3", "a word that is not a clitic");
	unit_str(tokens_of("كتاب5"), "arabic:كتاب|number:5", "a word before digits is a word");
	unit_str(tokens_of("٣٫٥٪"), "number:٣٫٥|percent:٪", "Arabic-Indic decimal and percent");
	unit_str(tokens_of("۱۲۳"), "number:۱۲۳", "Persian digits");
	unit_str(tokens_of("1,000,000 و٢٬٥٠٠"), "number:1,000,000|clitic:و|number:٢٬٥٠٠", "thousands separators");
	unit_str(tokens_of("2,3"), "number:2|punct:,|number:3", "comma without three digits splits");
	unit_str(tokens_of("15.10.2025"), "number:15|punct:.|number:10|punct:.|number:2025", "dotted date is not a decimal");
	unit_str(tokens_of("15/10/2025"), "number:15|punct:/|number:10|punct:/|number:2025", "slashed date");
	unit_str(tokens_of("10:30"), "number:10|punct::|number:30", "time");
	unit_str(tokens_of("2024-2026"), "number:2024|punct:-|number:2026", "range");
	unit_str(tokens_of("قال: «نعم»، ولا؟"),
			 "arabic:قال|punct::|punct:«|arabic:نعم|punct:»|punct:،|arabic:ولا|punct:؟", "punctuation");
	unit_str(tokens_of("NATO G7 F-35"), "latin:NATO|latin:G7|latin:F|punct:-|number:35", "Latin words");
	unit_str(tokens_of("€2bn $5"), "symbol:€|number:2|latin:bn|symbol:$|number:5", "currency symbols");
	unit_str(tokens_of("زوروا https://www.nato.int/news. الآن"),
			 "arabic:زوروا|url:https://www.nato.int/news|punct:.|arabic:الآن", "URL without trailing dot");
	unit_str(tokens_of("راسلوا press.office@nato.int اليوم"),
			 "arabic:راسلوا|email:press.office@nato.int|arabic:اليوم", "e-mail address");
	unit_str(tokens_of("a.b.c.d"), "latin:a|punct:.|latin:b|punct:.|latin:c|punct:.|latin:d", "no e-mail without @");
	unit_str(tokens_of("ﻻ ﷲ"), "arabic:ﻻ|arabic:ﷲ", "presentation forms are Arabic letters");
	unit_str(tokens_of("Москва 東京"), "word:Москва|word:東京", "other scripts");
	unit_str(tokens_of("كلمة\u200F 5"), "arabic:كلمة|number:5", "trailing RLM is not part of the word");

	/* --- tokenizer: offsets cover the input, malformed bytes included */
	check_cover("تعهدت ألمانيا، بـ5% في 2025!", strlen("تعهدت ألمانيا، بـ5% في 2025!"), "offsets cover news text");
	check_cover("\xD8", 1, "truncated 2-byte sequence");
	check_cover("\xE2\x82", 2, "truncated 3-byte sequence");
	check_cover("\x80\x80\xBF", 3, "lone continuation bytes");
	check_cover("\xC0\xAF\xE0\x80\xAF", 5, "overlong forms");
	check_cover("\xED\xA0\x80", 3, "UTF-16 surrogate");
	check_cover("\xF4\x90\x80\x80", 4, "above U+10FFFF");
	check_cover("abc\xD9", 4, "truncated at the end after ASCII");
	{
		ArTokenizer tz;
		ArToken		t;
		int			n = 0;

		ArTokenizerInit(&tz, "\xD8\xA7\xD9", 3);	/* ا then a truncated byte */
		while (ArTokenizerNext(&tz, &t))
			n++;
		unit_int(n, 2, "truncated letter ends a word without over-read");
	}
	{
		char		out[32];
		size_t		n = ArNumberTokenAscii("٣٬٥٠٠٫٢٥", strlen("٣٬٥٠٠٫٢٥"), out);

		out[n] = '\0';
		unit_str(out, "3500.25", "number token to ASCII");
	}

	/* --- normalizer: every fold */
	unit_str(norm("مُحَمَّدٌ", AR_NORM_DEFAULT), "محمد", "harakat removed");
	unit_str(norm("رحمٰن", AR_NORM_DEFAULT), "رحمن", "superscript alef removed");
	unit_str(norm("الأمـــن", AR_NORM_DEFAULT), "الامن", "tatweel removed, alef folded");
	unit_str(norm("أإآٱ", AR_NORM_DEFAULT), "اااا", "alef forms");
	unit_str(norm("مستشفى", AR_NORM_DEFAULT), "مستشفي", "alef maksura");
	unit_str(norm("مدرسة", AR_NORM_DEFAULT), "مدرسه", "teh marbuta");
	unit_str(norm("مسئول شئون", AR_NORM_DEFAULT), "مسؤول شؤون", "hamza seat before waw");
	unit_str(norm("رئيس", AR_NORM_DEFAULT), "رئيس", "other hamza seats kept");
	unit_str(norm("کتاب یک ہ ە ھ", AR_NORM_DEFAULT), "كتاب يك ه ه ه", "Persian letters");
	unit_str(norm("ۃ", AR_NORM_DEFAULT), "ه", "Urdu teh marbuta goal chains to heh");
	unit_str(norm("ۃ", AR_NORM_DEFAULT & ~AR_NORM_TEH_MARBUTA), "ة", "chain stops when teh_marbuta is off");
	unit_str(norm("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", AR_NORM_DEFAULT), "0123456789 0123456789", "digits");
	unit_str(norm("٣٫٥٪ ١٬٠٠٠", AR_NORM_DEFAULT), "3.5% 1,000", "numeric punctuation");
	unit_str(norm("ﻻ ﷲ ﺍﻟﺴﻼﻡ", AR_NORM_DEFAULT), "لا الله السلام", "presentation forms via NFKC");
	unit_str(norm("ﺃﺣﻤﺪ", AR_NORM_DEFAULT), "احمد", "presentation alef with hamza then alef fold");
	unit_str(norm("ﺃﺣﻤﺪ", AR_NORM_DEFAULT & ~AR_NORM_ALEF), "أحمد", "presentation forms without alef fold");
	unit_str(norm("a\u200Cb\u200Dc\u200Ed\u200Fe\u061Cf\uFEFFg\u00ADh", AR_NORM_DEFAULT), "abcdefgh", "invisible marks");
	unit_str(norm("a\u00A0\u2003b \u202F c\td", AR_NORM_DEFAULT), "a b c\td", "Unicode space runs to one space");
	unit_str(norm("Hello, World! 2025 (x)", AR_NORM_DEFAULT), "Hello, World! 2025 (x)", "Latin untouched");
	unit_str(norm("مُحَمَّد", AR_NORM_DEFAULT & ~AR_NORM_DIACRITICS), "مُحَمَّد", "diacritics kept when off");
	unit_str(norm("مدرسة", AR_NORM_DEFAULT & ~AR_NORM_TEH_MARBUTA), "مدرسة", "teh marbuta kept when off");
	unit_str(norm("٣", AR_NORM_DEFAULT & ~AR_NORM_DIGITS), "٣", "digits kept when off");
	unit_str(norm("", AR_NORM_DEFAULT), "", "empty");
	unit_str(norm("\xD8", AR_NORM_DEFAULT), "\xD8", "malformed byte passes through");
	{
		/* 1 M diacritics normalize to nothing, in linear time */
		size_t		n = 1000000,
					i;
		char	   *big = malloc(2 * n + 1);

		for (i = 0; i < n; i++)
		{
			big[2 * i] = (char) 0xD9;
			big[2 * i + 1] = (char) 0x8E;	/* fatha */
		}
		big[2 * n] = '\0';
		unit_str(norm(big, AR_NORM_DEFAULT), "", "a million diacritics");
		check_cover(big, 2 * n, "a million diacritics tokenize");
		free(big);
	}
	/* character counts of every kind of token, also where the scan trims
	 * bidi controls or meets malformed bytes */
	{
		static const char *const cases[] = {
			"الحلف\u200F الأطلسي\u202C، قال: 5% و٣٫٥ $ ...",
			"مُسْتَقْبَل\u200E\u2066 \u200F\u200F  \u0651 NATO2 a@b.cz https://x.y/z",
			"عرب\xD8 \xD8\xD8عرب \x80\xBF كلمة\xE2\x80 \xF0\x9F\x98\x80 مرحبا",
		};
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		{
			char		name[64];

			snprintf(name, sizeof(name), "character counts, case %zu", i + 1);
			check_cover(cases[i], strlen(cases[i]), name);
		}
	}
	return unit_done();
}

/*
 * gen_cldr_currencies.cpp — write the Arabic names of every ISO 4217
 * currency, as ICU/CLDR ships them, with the forms news text writes that
 * CLDR does not list, to stdout as TSV (data/currencies_cldr.tsv).
 *
 * Build and run with `make regen-places` (like gen_cldr_places.cpp).  The
 * output is committed so the extension's tables never depend on the ICU of
 * the machine that builds it; rerun when ICU/CLDR is upgraded and review
 * the diff.  data/gen_number_lexicon.py compiles it, together with the hand
 * rules of data/currencies.tsv, into the number grammar's lexicon.
 *
 * Which currencies.  ucurr_openISOCurrencies(UCURR_ALL): the current codes
 * (state "current": UCURR_COMMON | UCURR_NON_DEPRECATED) and the withdrawn
 * ones (state "historic": مارك ألماني، فرنك فرنسي, which older articles
 * still quote).  Left out: the uncommon codes (funds, metals, units of
 * account, test codes: ذهب، فضة would turn every "5 غرامات ذهب" into
 * money), names CLDR has no Arabic for (the code itself), names with a
 * date or a note ("أفغاني - 1927-2002", "يوان صيني (في الخارج)"), and a
 * historic name that is also a current one's (ليرة تركي, TRL, against
 * ليرة تركية, TRY: the current code keeps every form).
 *
 * Rows:
 *   name   CODE state noun qualifier source english
 *          one way of writing the currency: its noun (the first word) and
 *          the words that qualify it (may be empty: يورو).  source says
 *          where the row comes from: "cldr" (ucurr_getName), "plural"
 *          (ucurr_getPluralName: ديناران جزائريان، دراهم مغربية) or
 *          "derived" (the rules below).
 *   noun   lemma form number
 *          a form of a currency noun (lemma = the noun of a CLDR name);
 *          number: sg, acc (the accusative after 11–99: دولارا), dual, plural,
 *          variant (another spelling CLDR's plural names use: لاري، مانت).
 *   symbol CODE symbol
 *          a one-character currency sign that names one current currency.
 *   abbrev CODE abbreviation
 *          the Arabic abbreviation CLDR gives as the currency's symbol in
 *          locale ar, two letters with dots: ج.م. (EGP), ر.س. (SAR).
 *   place  CODE region kind name
 *          a one-word name of a country (kind "country") or of one of its
 *          time-zone exemplar cities ("city") whose currency is CODE
 *          (ucurr_forLocale): تونس، الكويت، دبي.  The number grammar may let
 *          such a word settle an open currency noun near it (see
 *          docs/numbers.md).
 *
 * Derivation rules (where CLDR has no form):
 *   Nouns.  A noun ending in ة takes the sound feminine plural and the
 *     dual on ت: كرونة → كرونات، كرونتان، كرونتين.  A noun ending in a
 *     consonant takes the accusative ا, the dual ان / ين and the plural
 *     ات: فرنك → فرنكا، فرنكان، فرنكين، فرنكات.  A noun ending in a vowel
 *     letter (ا و ى ي, or يه: يورو، بيزو، تاكا، روفيه) is a loanword news leaves
 *     unchanged, and a noun of two letters (ين) has no derived forms.
 *     Broken plurals (دنانير، دراهم) are not derivable: CLDR's plural
 *     names give some, data/currencies.tsv the rest.
 *   Qualifiers.  A qualifier made only of nisba adjectives (words ending
 *     in ي or ية: نرويجية، أنتيلي هولندي) takes every agreement form of
 *     each word, since CLDR mixes genders (روبية هندي) and news makes the
 *     adjective agree with the noun and its number: هندي، هندية، هنديا،
 *     هنديان، هنديين، هنديتان، هنديتين, each also with ال (the definite
 *     amount: الكرونة النرويجية).  A qualifier with another word (a
 *     country name: دولار هونغ كونغ، وون كوريا الجنوبية) stays as CLDR
 *     writes it, plus its ال-less / ال form only where CLDR's plural names
 *     differ.
 */
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/strenum.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

using icu::UnicodeString;

/* UTF-8 of the letters the rules look at. */
#define TEH_MARBUTA "\xd8\xa9"	/* ة */
#define YEH "\xd9\x8a"			/* ي */
#define ALEF "\xd8\xa7"			/* ا */
#define WAW "\xd9\x88"			/* و */
#define ALEF_MAKSURA "\xd9\x89"	/* ى */
#define HEH "\xd9\x87"			/* ه */
#define AL "\xd8\xa7\xd9\x84"	/* ال */

struct NameRow
{
	std::string code, state, noun, qual, source, english;
};

static std::string
utf8(const UChar *s, int32_t len)
{
	std::string out;
	UnicodeString(s, len).toUTF8String(out);
	return out;
}

/* The name without Arabic marks (tanween of دينارًا جزائريًا), bidi marks
 * and outer spaces. */
static std::string
clean(const std::string &in)
{
	UnicodeString u = UnicodeString::fromUTF8(in), out;
	for (int32_t i = 0; i < u.length(); i++)
	{
		UChar		c = u.charAt(i);
		if ((c >= 0x064B && c <= 0x0652) || c == 0x200F || c == 0x200E || c == 0x061C)
			continue;
		out.append(c);
	}
	out.trim();
	return utf8(out.getBuffer(), out.length());
}

/* A name worth using: Arabic letters and spaces only (no code, date, note). */
static bool
usable(const std::string &name)
{
	UnicodeString u = UnicodeString::fromUTF8(name);
	if (u.isEmpty())
		return false;
	for (int32_t i = 0; i < u.length(); i++)
	{
		UChar		c = u.charAt(i);
		if (c != ' ' && (c < 0x0621 || c > 0x064A))
			return false;
	}
	return true;
}

static bool
ends_with(const std::string &s, const char *suf)
{
	size_t		n = strlen(suf);
	return s.size() >= n && s.compare(s.size() - n, n, suf) == 0;
}

static bool
starts_with(const std::string &s, const char *pre)
{
	return s.compare(0, strlen(pre), pre) == 0;
}

static size_t
letters(const std::string &s)
{
	return UnicodeString::fromUTF8(s).length();
}

static std::vector<std::string>
words(const std::string &s)
{
	std::vector<std::string> out;
	size_t		p = 0;
	while (p < s.size())
	{
		size_t		q = s.find(' ', p);
		if (q == std::string::npos)
			q = s.size();
		if (q > p)
			out.push_back(s.substr(p, q - p));
		p = q + 1;
	}
	return out;
}

/* A nisba adjective: ends in ي or ية, three letters or more. */
static bool
is_nisba(const std::string &w)
{
	return letters(w) >= 3 && !starts_with(w, AL) &&
		(ends_with(w, YEH) || ends_with(w, YEH TEH_MARBUTA));
}

/* Every agreement form of a nisba adjective, indefinite and with ال. */
static std::vector<std::string>
nisba_forms(const std::string &w)
{
	std::string stem = ends_with(w, TEH_MARBUTA) ? w.substr(0, w.size() - strlen(TEH_MARBUTA)) : w;
	static const char *const suffixes[] = {
		"", ALEF, TEH_MARBUTA, ALEF "\xd9\x86", YEH "\xd9\x86",
		"\xd8\xaa" ALEF "\xd9\x86", "\xd8\xaa" YEH "\xd9\x86", NULL
	};							/* -, ا, ة, ان, ين, تان, تين */
	std::vector<std::string> out;
	for (int i = 0; suffixes[i]; i++)
		out.push_back(stem + suffixes[i]);
	for (int i = 0; suffixes[i]; i++)
		out.push_back(AL + stem + suffixes[i]);
	return out;
}

/* The qualifier variants of a qualifier (all agreement forms when every
 * word is a nisba adjective; else the qualifier itself). */
static std::vector<std::string>
qualifier_forms(const std::string &qual)
{
	std::vector<std::string> ws = words(qual), out;
	for (const std::string &w : ws)
		if (!is_nisba(w))
			return {qual};
	out.push_back("");
	for (const std::string &w : ws)
	{
		std::vector<std::string> next;
		for (const std::string &prefix : out)
			for (const std::string &f : nisba_forms(w))
				next.push_back(prefix.empty() ? f : prefix + " " + f);
		out.swap(next);
	}
	return out;
}

/* The derived forms of a currency noun: (form, number). */
static std::vector<std::pair<std::string, std::string>>
noun_forms(const std::string &noun)
{
	std::vector<std::pair<std::string, std::string>> out = {{noun, "sg"}};
	if (letters(noun) < 3)
		return out;
	if (ends_with(noun, TEH_MARBUTA))
	{
		std::string stem = noun.substr(0, noun.size() - strlen(TEH_MARBUTA));
		out.push_back({stem + "\xd8\xaa" ALEF "\xd9\x86", "dual"});	/* تان */
		out.push_back({stem + "\xd8\xaa" YEH "\xd9\x86", "dual"});	/* تين */
		out.push_back({stem + ALEF "\xd8\xaa", "plural"});			/* ات */
		return out;
	}
	if (ends_with(noun, ALEF) || ends_with(noun, WAW) || ends_with(noun, ALEF_MAKSURA) ||
		ends_with(noun, YEH) || ends_with(noun, YEH HEH))
		return out;
	out.push_back({noun + ALEF, "acc"});
	out.push_back({noun + ALEF "\xd9\x86", "dual"});
	out.push_back({noun + YEH "\xd9\x86", "dual"});
	out.push_back({noun + ALEF "\xd8\xaa", "plural"});
	return out;
}

/* The first word of a plural name as a form of the lemma: its number. */
static const char *
plural_number(const std::string &form, const std::string &lemma)
{
	if (form == lemma)
		return "sg";
	if (ends_with(form, ALEF "\xd9\x86") || ends_with(form, YEH "\xd9\x86"))
		return "dual";
	if (form == lemma + ALEF)
		return "acc";
	/* longer (دراهم، دينارات) a plural; else a spelling (لاري for لارى) */
	return letters(form) > letters(lemma) || ends_with(form, ALEF "\xd8\xaa") ? "plural" : "variant";
}

/* "place" rows: the one-word Arabic names of every country whose currency
 * is a current code, and of its time-zone exemplar cities. */
static std::vector<std::string>
place_rows(const std::set<std::string> &current)
{
	std::vector<std::string> out;
	UErrorCode	st = U_ZERO_ERROR;
	icu::Locale ar("ar");
	icu::TimeZoneNames *tzn = icu::TimeZoneNames::createInstance(ar, st);
	const char *const *regions = icu::Locale::getISOCountries();

	for (int i = 0; U_SUCCESS(st) && regions[i]; i++)
	{
		const char *cc = regions[i];
		UChar		cur[4];
		std::string loc = std::string("und_") + cc;
		UErrorCode	cst = U_ZERO_ERROR;

		if (ucurr_forLocale(loc.c_str(), cur, 4, &cst) != 3 || U_FAILURE(cst))
			continue;
		char		code[4];
		u_UCharsToChars(cur, code, 3);
		code[3] = 0;
		if (!current.count(code))
			continue;
		UnicodeString name;
		icu::Locale("", cc).getDisplayCountry(ar, name);
		std::string n = clean(utf8(name.getBuffer(), name.length()));
		if (usable(n) && words(n).size() == 1)
			out.push_back(std::string("place\t") + code + "\t" + cc + "\tcountry\t" + n);
		icu::StringEnumeration *ids =
			icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, cc, NULL, st);
		const char *id;
		std::set<std::string> seen;
		while (U_SUCCESS(st) && (id = ids->next(NULL, st)) != NULL)
		{
			UnicodeString city;
			tzn->getExemplarLocationName(UnicodeString(id), city);
			std::string c = clean(utf8(city.getBuffer(), city.length()));
			if (usable(c) && words(c).size() == 1 && c != n && seen.insert(c).second)
				out.push_back(std::string("place\t") + code + "\t" + cc + "\tcity\t" + c);
		}
		delete ids;
	}
	delete tzn;
	if (U_FAILURE(st))
	{
		fprintf(stderr, "places: %s\n", u_errorName(st));
		exit(1);
	}
	return out;
}

/* What the generator collects before printing. */
struct Tables
{
	std::vector<NameRow> rows;
	std::map<std::string, std::string> owner;	/* noun + qualifier → code */
	std::map<std::string, std::set<std::pair<std::string, std::string>>> nouns;
	std::map<std::string, std::string> symbols;	/* symbol → code, "" if shared */
	std::vector<std::string> abbrevs;
};

/* The ISO codes of ucurr_openISOCurrencies(type). */
static std::vector<std::string>
iso_codes(uint32_t type)
{
	std::vector<std::string> out;
	UErrorCode	st = U_ZERO_ERROR;
	UEnumeration *en = ucurr_openISOCurrencies(type, &st);
	const char *code;

	while (U_SUCCESS(st) && (code = uenum_next(en, NULL, &st)) != NULL)
		out.push_back(code);
	uenum_close(en);
	if (U_FAILURE(st))
	{
		fprintf(stderr, "ucurr_openISOCurrencies: %s\n", u_errorName(st));
		exit(1);
	}
	return out;
}

/* The name rows and noun forms of currency c (nothing when its name is not
 * usable or is already another currency's). */
static void
add_names(Tables &t, const std::string &c, const UChar *uc, bool cur)
{
	static const char *const plural_cats[] = {"zero", "one", "two", "few", "many", "other", NULL};
	UErrorCode	st = U_ZERO_ERROR;
	UBool		ischoice;
	int32_t		len;
	const UChar *n = ucurr_getName(uc, "ar", UCURR_LONG_NAME, &ischoice, &len, &st);
	std::string name = clean(utf8(n, len));

	n = ucurr_getName(uc, "en", UCURR_LONG_NAME, &ischoice, &len, &st);
	std::string english = utf8(n, len);
	if (U_FAILURE(st) || !usable(name))
		return;
	std::string lemma = words(name)[0];
	/* (noun, qualifier, source) of the name and of its plural names */
	std::vector<std::vector<std::string>> found;
	found.push_back({lemma, name.size() > lemma.size() ? name.substr(lemma.size() + 1) : "", "cldr"});
	for (int k = 0; plural_cats[k]; k++)
	{
		st = U_ZERO_ERROR;
		n = ucurr_getPluralName(uc, "ar", &ischoice, plural_cats[k], &len, &st);
		std::string pn = clean(utf8(n, len));
		if (U_FAILURE(st) || !usable(pn) || pn == name)
			continue;
		std::string first = words(pn)[0];
		t.nouns[lemma].insert({first, plural_number(first, lemma)});
		found.push_back({first, pn.size() > first.size() ? pn.substr(first.size() + 1) : "", "plural"});
	}
	for (const auto &f : found)
	{
		auto		it = t.owner.find(lemma + "\t" + f[1]);
		if (it != t.owner.end() && it->second != c)
			return;				/* a current currency's name */
	}
	/* CLDR's own names first, then the derived qualifiers */
	for (int derived = 0; derived < 2; derived++)
		for (const auto &f : found)
			for (const std::string &q : derived ? qualifier_forms(f[1]) : std::vector<std::string>{f[1]})
			{
				std::string key = lemma + "\t" + q;
				if (t.owner.count(key))
					continue;
				t.owner[key] = c;
				t.rows.push_back({c, cur ? "current" : "historic", lemma, q,
								  derived ? "derived" : f[2], english});
			}
	for (const auto &nf : noun_forms(lemma))
		t.nouns[lemma].insert(nf);
}

/* The Arabic abbreviation (ج.م.) and the one-character sign of currency c. */
static void
add_signs(Tables &t, const std::string &c, const UChar *uc)
{
	UErrorCode	st = U_ZERO_ERROR;
	UBool		ischoice;
	int32_t		len;
	const UChar *n = ucurr_getName(uc, "ar", UCURR_SYMBOL_NAME, &ischoice, &len, &st);
	UnicodeString ab = UnicodeString::fromUTF8(clean(utf8(n, len)));

	/* letter, dot, letter, an optional dot */
	if (U_SUCCESS(st) && ab.length() >= 3 && ab.length() <= 4 && ab.charAt(1) == '.' &&
		(ab.length() == 3 || ab.charAt(3) == '.') &&
		ab.charAt(0) >= 0x0621 && ab.charAt(0) <= 0x064A &&
		ab.charAt(2) >= 0x0621 && ab.charAt(2) <= 0x064A)
	{
		UnicodeString two = ab.tempSubString(0, 3);
		t.abbrevs.push_back("abbrev\t" + c + "\t" + utf8(two.getBuffer(), two.length()));
	}
	/* one-character signs of one currency: ₪ ₹ ₺ … ($ £ ¥ are shared) */
	st = U_ZERO_ERROR;
	n = ucurr_getName(uc, "en", UCURR_NARROW_SYMBOL_NAME, &ischoice, &len, &st);
	UnicodeString sym(n, len);
	if (U_SUCCESS(st) && sym.countChar32() == 1 && sym.char32At(0) >= 0x80 &&
		u_charType(sym.char32At(0)) == U_CURRENCY_SYMBOL)
	{
		std::string s = utf8(n, len);
		t.symbols[s] = t.symbols.count(s) ? "" : c;
	}
}

int
main(void)
{
	std::vector<std::string> cur_list = iso_codes(UCURR_COMMON | UCURR_NON_DEPRECATED);
	std::vector<std::string> uncommon_list = iso_codes(UCURR_UNCOMMON);
	std::set<std::string> current(cur_list.begin(), cur_list.end());
	/* the uncommon codes: funds, metals, units of account, tests */
	std::set<std::string> uncommon(uncommon_list.begin(), uncommon_list.end());
	Tables		t;

	/* current codes first, so a historic name never takes a current one's */
	for (int pass = 0; pass < 2; pass++)
		for (const std::string &c : iso_codes(UCURR_ALL))
		{
			bool		cur = current.count(c) > 0;
			UChar		uc[4];

			if (cur != (pass == 0) || uncommon.count(c))
				continue;
			u_charsToUChars(c.c_str(), uc, 4);
			add_names(t, c, uc, cur);
			if (cur)
				add_signs(t, c, uc);
		}
	std::vector<std::string> places = place_rows(current);

	printf("# generated by data/gen_cldr_currencies.cpp from ICU %s (CLDR); do not edit\n",
		   U_ICU_VERSION);
	printf("# name\tcode\tstate\tnoun\tqualifier\tsource\tenglish\n");
	printf("# noun\tlemma\tform\tnumber\n");
	printf("# symbol\tcode\tsymbol\n");
	printf("# abbrev\tcode\tabbreviation\n");
	printf("# place\tcode\tregion\tkind\tname\n");
	for (const NameRow &r : t.rows)
		printf("name\t%s\t%s\t%s\t%s\t%s\t%s\n", r.code.c_str(), r.state.c_str(), r.noun.c_str(),
			   r.qual.c_str(), r.source.c_str(), r.english.c_str());
	for (const auto &n : t.nouns)
		for (const auto &f : n.second)
			printf("noun\t%s\t%s\t%s\n", n.first.c_str(), f.first.c_str(), f.second.c_str());
	for (const auto &s : t.symbols)
		if (!s.second.empty())
			printf("symbol\t%s\t%s\n", s.second.c_str(), s.first.c_str());
	for (const std::string &a : t.abbrevs)
		printf("%s\n", a.c_str());
	for (const std::string &p : places)
		printf("%s\n", p.c_str());
	return 0;
}

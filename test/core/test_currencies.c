/*
 * test_currencies.c — unit tests of the currency part of the number grammar
 * (src/core/numkind.c and the tables data/gen_number_lexicon.py compiles
 * from data/currencies_cldr.tsv and data/currencies.tsv), without PostgreSQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "unit.h"

/* All money of s as "value unit|…" (unit "-" when NULL), other kinds by name. */
static char *
money_of(const char *s)
{
	static char out[4096];
	ArLexStream ls;
	ArNumList	l;

	out[0] = '\0';
	ArLexStreamInit(&ls, s, strlen(s));
	ArNumListInit(&l);
	ArNumbersExtract(&ls, &l);
	for (int i = 0; i < l.n; i++)
	{
		char	   *v = ArNumValString(&l.items[i].val);

		if (l.items[i].kind == AR_NUM_MONEY)
			snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s %s", i ? "|" : "",
					 v ? v : "NULL", l.items[i].unit ? l.items[i].unit : "-");
		else
			snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s", i ? "|" : "",
					 ArNumKindName(l.items[i].kind));
		free(v);
	}
	ArNumListFree(&l);
	ArLexStreamFree(&ls);
	return out;
}

/*
 * Every qualifier of the compiled table is written the way the C core folds
 * text (data/search_form.py must agree with ArNormalizeChar), else it could
 * never match: tokenize and fold its words again and compare.
 */
static void
qualifiers_are_folded(void)
{
	size_t		n = sizeof(ar_cur_phrases) / sizeof(ar_cur_phrases[0]);
	size_t		bad = 0;

	for (size_t p = 0; p < n; p++)
	{
		const ArCurPhrase *ph = &ar_cur_phrases[p];
		ArLexStream ls;
		char		again[256] = "";
		char		w[AR_LEX_MAX_WORD + 8];

		ArLexStreamInit(&ls, ph->words, ph->len);
		for (int i = 0; i < ls.n; i++)
		{
			int			k = ArLexFoldAt(&ls, i, w);

			if (k < 0 || strlen(again) + k + 2 > sizeof(again))
				break;
			if (i)
				strcat(again, " ");
			strncat(again, w, k);
		}
		if (ls.n != ph->nwords || strlen(again) != ph->len || memcmp(again, ph->words, ph->len) != 0)
		{
			if (bad++ < 5)
				printf("#   qualifier %zu: \"%.*s\" folds to \"%s\"\n", p, ph->len, ph->words, again);
		}
		ArLexStreamFree(&ls);
	}
	unit_int(bad, 0, "every compiled qualifier is in the core's folded form");
	unit_ok(n > 2000, "the table holds the CLDR qualifiers and their derived forms");
}

int
main(void)
{
	qualifiers_are_folded();
	/* CLDR names and derived forms */
	unit_str(money_of("300 مليون كرونة نرويجية"), "300000000 NOK", "CLDR name");
	unit_str(money_of("500 مليون كرونة سويدية"), "500000000 SEK", "CLDR name, another country");
	unit_str(money_of("كرونتين نرويجيتين"), "2 NOK", "derived dual alone means two");
	unit_str(money_of("20 فرنكا سويسريا"), "20 CHF", "accusative noun and adjective");
	unit_str(money_of("مليار روبية هندية"), "1000000000 INR", "agreement CLDR lacks (روبية هندي)");
	unit_str(money_of("100 مليون دولار هونغ كونغ"), "100000000 HKD", "two-word qualifier");
	unit_str(money_of("3 ملايين شيكل إسرائيلي جديد"), "3000000 ILS", "longest qualifier");
	unit_str(money_of("دولار أمريكي"), "", "a noun and qualifier without a number");
	/* bare nouns */
	unit_str(money_of("10 دنانير"), "10 -", "bare dinar is open");
	unit_str(money_of("ألف كرونة"), "1000 -", "bare krone is open (hand rule)");
	unit_str(money_of("2400 أوقية من الذهب"), "count", "ounce is no money without موريتانية");
	unit_str(money_of("30 أوقية موريتانية"), "30 MRU", "ouguiya with its qualifier");
	unit_str(money_of("10 بير"), "count", "a CLDR noun without a hand row needs its qualifier");
	/* codes, signs, abbreviations */
	unit_str(money_of("20 NOK"), "20 NOK", "ISO code in capitals");
	unit_str(money_of("20 all"), "number", "an English word is no code in lower case");
	unit_str(money_of("5 ₪"), "5 ILS", "a one-currency sign");
	unit_str(money_of("42 ج.م."), "42 EGP", "Arabic abbreviation");
	unit_str(money_of("3 د.إ و3 د.أ"), "3 AED|3 JOD", "abbreviations compared as written");
	unit_str(money_of("5 ج. م"), "count", "a spaced abbreviation is not one");
	/* the context rule */
	unit_str(money_of("رصدت الإمارات 100 مليون درهم"), "100000000 AED", "a country before settles");
	unit_str(money_of("قدمت 5 ملايين دينار للبنك المركزي التونسي"), "5000000 TND",
			 "a nationality adjective after settles");
	unit_str(money_of("رصدت الإمارات مبلغا. وبلغ 5 ملايين درهم"), "5000000 -",
			 "a sentence end stops the rule");
	unit_str(money_of("رصدت قطر 100 مليون ريال"), "100000000 SAR", "ريال keeps its news default");
	unit_str(money_of("وقعت مصر اتفاقا بقيمة 200 مليون دينار"), "200000000 -",
			 "a place whose currency has another noun does not settle");
	{
		/* a long sentence of open nouns: the rule looks 40 tokens each way */
		size_t		n = 5000;
		char	   *rep = malloc(n * 16 + 64);
		ArLexStream ls;
		ArNumList	l;
		int			settled = 0;

		strcpy(rep, "تونس ");
		for (size_t i = 0; i < n; i++)
			strcat(rep, "5 دينار ");
		ArLexStreamInit(&ls, rep, strlen(rep));
		ArNumListInit(&l);
		ArNumbersExtract(&ls, &l);
		for (int i = 0; i < l.n; i++)
			settled += l.items[i].unit != NULL;
		unit_int(l.n, (long long) n, "5,000 amounts in one sentence");
		unit_int(settled, 20, "only those within 40 tokens of the place are settled");
		ArNumListFree(&l);
		ArLexStreamFree(&ls);
		free(rep);
	}
	return unit_done();
}

/*
 * test_ner_model.c — the trained entity model: opening refuses every
 * defective image (truncated, bad magic, version, sizes, checksum) without
 * reading outside it; tagging with the committed model finds the entities
 * of a few hand-written sentences and gives the same result every time.
 *
 * Run from the top of the tree (the model is data/arabic_news_ner.model).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "ner_model.h"
#include "unit.h"

#define MODEL_PATH "data/arabic_news_ner.model"

static uint8_t *
read_model(size_t *len)
{
	FILE	   *f = fopen(MODEL_PATH, "rb");
	uint8_t    *img;

	*len = 0;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t) ftell(f);
	fseek(f, 0, SEEK_SET);
	img = malloc(*len);
	if (fread(img, 1, *len, f) != *len)
		*len = 0;
	fclose(f);
	return img;
}

/* Does opening a copy of img[0..len) fail with a message containing want? */
static void
refused(const uint8_t *img, size_t len, const char *want, const char *name)
{
	/* an exact-size copy, so that ASan sees any read past the end */
	uint8_t    *copy = malloc(len ? len : 1);
	const char *err = NULL;
	ArNerModel *m;

	memcpy(copy, img, len);
	m = ArNerModelOpen(copy, len, &err);
	unit_ok(m == NULL && err != NULL && strstr(err, want) != NULL, name);
	if (m != NULL || err == NULL || strstr(err, want) == NULL)
		printf("#   got: %s\n", err ? err : "(opened)");
	ArNerModelClose(m);
	free(copy);
}

/* Entities of s as "KIND:surface|…". */
static char *
tagged(const char *s)
{
	static char buf[4096];
	ArEntityList l;
	size_t		o = 0,
				i;

	ArEntityListInit(&l);
	ArEntitiesExtract(s, strlen(s), &l);
	buf[0] = '\0';
	for (i = 0; i < l.n && o < sizeof(buf); i++)
		o += snprintf(buf + o, sizeof(buf) - o, "%s%s:%.*s", i ? "|" : "",
					  ArEntKindName(l.items[i].kind), (int) l.items[i].byte_len,
					  s + l.items[i].byte_start);
	ArEntityListFree(&l);
	return buf;
}

/* One byte of a good image changed, and the defect it must be refused for
 * (value: a new byte; -1 one less; 256 the lowest bit flipped; at 0: the
 * middle of the weights). */
static const struct
{
	size_t		at;
	int			value;
	const char *want;
	const char *name;
}			patches[] = {
	{1, 'X', "magic", "bad magic"},
	{8, 9, "format version", "unknown version"},
	{12, 5, "number of tags", "wrong number of tags"},
	{16, 40, "hash size", "hash bits out of range"},
	{16, -1, "payload length", "hash bits disagree with the payload"},
	{20, 99, "feature set", "another feature set"},
	{31, 1, "payload length", "huge payload length"},
	{0, 256, "checksum", "one flipped bit in the weights"},
	{37, 1, "reserved", "reserved field set"},
};

static void
open_checks(uint8_t *img, size_t len)
{
	uint8_t    *bad = malloc(len + 1);
	size_t		cut,
				k;
	int			all_refused = 1;

	refused(img, 0, "shorter than its header", "empty image");
	refused(img, AR_NER_HEADER_BYTES - 1, "shorter than its header", "header cut short");
	refused(img, len - 1, "truncated", "last byte missing");
	refused(img, AR_NER_HEADER_BYTES + 100, "truncated", "payload cut short");
	for (cut = 0; cut < len; cut += 4099)
	{
		const char *err;
		ArNerModel *m = ArNerModelOpen(img, cut, &err);

		all_refused &= m == NULL;
		ArNerModelClose(m);
	}
	unit_ok(all_refused, "every truncation is refused");

	memcpy(bad, img, len);
	bad[len] = 0;
	refused(bad, len + 1, "bytes after its payload", "trailing byte");
	for (k = 0; k < sizeof(patches) / sizeof(patches[0]); k++)
	{
		size_t		at = patches[k].at ? patches[k].at : len / 2;

		memcpy(bad, img, len);
		bad[at] = patches[k].value < 0 ? (uint8_t) (bad[at] + patches[k].value) :
			patches[k].value == 256 ? (uint8_t) (bad[at] ^ 1) : (uint8_t) patches[k].value;
		refused(bad, len, patches[k].want, patches[k].name);
	}
	free(bad);
}

int
main(void)
{
	size_t		len;
	uint8_t    *img = read_model(&len);
	const char *err = "no file";
	ArNerModel *m;
	char		first[4096],
				rules[4096];

	unit_ok(img != NULL && len > AR_NER_HEADER_BYTES, "the committed model file is readable");
	if (img == NULL || len <= AR_NER_HEADER_BYTES)
		return unit_done();
	m = ArNerModelOpen(img, len, &err);
	unit_ok(m != NULL, "the committed model opens");
	if (m == NULL)
	{
		printf("#   %s\n", err);
		return unit_done();
	}
	open_checks(img, len);

	strcpy(rules, tagged("قال مسؤول في وزارة الصحة إن سامي زار بيروت"));
	ArEntitiesSetModel(m);
	unit_str(tagged(""), "", "empty text");
	unit_str(tagged("وقال الرئيس الفرنسي إيمانويل ماكرون إن باريس ستستضيف القمة المقبلة"),
			 "NAT:الفرنسي|PER:إيمانويل ماكرون|LOC:باريس", "title, nationality, person, city");
	unit_str(tagged("أعلنت منظمة الصحة العالمية في جنيف عن برنامج جديد"),
			 "ORG:منظمة الصحة العالمية|LOC:جنيف", "organization and city");
	unit_str(tagged("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري في عمان"),
			 "NAT:الأردني|PER:أيمن الصفدي|NAT:المصري|LOC:عمان", "minister and capital");
	strcpy(first, tagged("وصل رئيس الوزراء الياباني إلى القاهرة ثم توجه إلى الرياض"));
	unit_str(tagged("وصل رئيس الوزراء الياباني إلى القاهرة ثم توجه إلى الرياض"), first,
			 "the same text tags the same way twice");
	ArEntitiesSetModel(NULL);
	unit_str(tagged("قال مسؤول في وزارة الصحة إن سامي زار بيروت"), rules,
			 "rules alone again after the model is unset");
	ArNerModelClose(m);
	free(img);
	return unit_done();
}

/*
 * ner_model_file.h — the real model file for the fuzz targets that need it
 * (fuzz_ner_tag.c, fuzz_ner_model.c).  Included by one .c each, hence
 * static.
 *
 * The file is data/arabic_news_ner.model under the directory the target
 * runs in (tools/fuzz.sh runs from the top of the tree), or $AN_NER_MODEL.
 */
#ifndef AR_FUZZ_NER_MODEL_FILE_H
#define AR_FUZZ_NER_MODEL_FILE_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file in a malloc'd buffer, its size in *len; exits when it
 * cannot be read (a fuzz run without the model would prove nothing). */
static uint8_t *
read_model_file(size_t *len)
{
	const char *path = getenv("AN_NER_MODEL") ? getenv("AN_NER_MODEL") : "data/arabic_news_ner.model";
	FILE	   *f = fopen(path, "rb");
	long		size;
	uint8_t    *buf;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		fprintf(stderr, "fuzz: cannot read the model file %s (set AN_NER_MODEL)\n", path);
		exit(1);
	}
	buf = malloc((size_t) size + 1);
	if (buf == NULL || fread(buf, 1, (size_t) size, f) != (size_t) size)
	{
		fprintf(stderr, "fuzz: short read of %s\n", path);
		exit(1);
	}
	fclose(f);
	*len = (size_t) size;
	return buf;
}

#endif							/* AR_FUZZ_NER_MODEL_FILE_H */

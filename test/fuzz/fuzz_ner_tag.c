/*
 * fuzz_ner_tag.c — libFuzzer target for the entity tagger with the trained
 * model (data/arabic_news_ner.model, opened once): any byte string — valid
 * UTF-8 news text, broken sequences, mutations of either — is tagged and
 * the entity list must satisfy entity_invariants.h, as with rules only.
 */
#include "entity_invariants.h"
#include "ner_model.h"
#include "ner_model_file.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Open the real model once; the image and the model live for the run. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static uint8_t *image;
	static ArNerModel *model;
	size_t		len;
	const char *err = NULL;

	image = read_model_file(&len);
	model = ArNerModelOpen(image, len, &err);
	if (model == NULL)
	{
		fprintf(stderr, "fuzz_ner_tag: the model file does not open: %s\n", err ? err : "?");
		exit(1);
	}
	ArEntitiesSetModel(model);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tag_and_check(data, size);
	return 0;
}

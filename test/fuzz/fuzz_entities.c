/*
 * fuzz_entities.c — libFuzzer target for the entity matcher, rules only
 * (no model set; fuzz_ner_tag.c runs it with the trained model).
 *
 * Any byte string: every entity lies inside the input, in text order and
 * without overlap, with character offsets that agree with ArUtf8CharCount,
 * a known kind and a non-empty canonical (entity_invariants.h).
 */
#include "entity_invariants.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tag_and_check(data, size);
	return 0;
}

/*
 * rare.h — rarity marks for search lexemes.
 *
 * ts_rank has no IDF: a passage scores about one point per distinct query
 * lexeme it contains, however common the word.  arabic_news_stem therefore
 * gives an Arabic lexeme that is not common in news (not in
 * data/search_common.tsv, counted in a news corpus) a second lexeme at the
 * same position, its rarity mark: "#" and three hex digits, one of 4,096
 * buckets chosen by the lexeme's hash.  A query word that is rare then
 * counts twice in ts_rank (its lexeme and its mark), a common one once.
 * Many rare words share a mark, so the marks add few GIN keys; a passage
 * that holds another rare word of the same bucket gets the mark's point
 * too (about one query word in a thousand).
 */
#ifndef AR_RARE_H
#define AR_RARE_H

#include "arcore.h"

/* Bytes of a mark, without the terminating NUL: "#" and three hex digits. */
#define AR_RARE_MARK_LEN 4

/*
 * True when lex[0..len) is an Arabic lexeme that is not common in news;
 * then writes its mark, NUL-terminated, into mark[AR_RARE_MARK_LEN + 1].
 */
bool		ArRareMark(const char *lex, size_t len, char *mark);

#endif							/* AR_RARE_H */

#!/usr/bin/env bash
# lexeme_df.sh — document frequency of every to_tsvector('arabic_news')
# lexeme over news corpus files (id, source, title, body per line; .gz or
# plain), on a throwaway cluster: "lexeme<TAB>articles" lines on stdout.
# Stopwords are counted too (a dictionary without the stopword list, and
# without rarity marks), so a user dictionary with StopWords = '' finds
# function words common.  Used by "make regen-search-common"
# (data/gen_search_common.py).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: lexeme_df.sh CORPUS.tsv[.gz] ..." >&2; exit 2; }
AN_ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$AN_ROOT/tools/cluster.sh"
an_cluster_start
trap an_cluster_stop EXIT
an_psql -d postgres -q >/dev/null <<'SQL'
CREATE EXTENSION arabic_news;
CREATE TEXT SEARCH DICTIONARY df_stem (TEMPLATE = arabic_news_stem, StopWords = '', RareMarks = false);
CREATE TEXT SEARCH CONFIGURATION df_cfg (COPY = arabic_news);
ALTER TEXT SEARCH CONFIGURATION df_cfg ALTER MAPPING FOR word, uint, float, percent WITH df_stem;
CREATE TABLE corpus (id text, source text, title text, body text);
SQL
for f in "$@"; do
	case "$f" in *.gz) src="gzip -dc $f" ;; *) src="cat $f" ;; esac
	an_psql -d postgres -q -c "\\copy corpus FROM PROGRAM '$src' WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01')"
done
an_psql -d postgres -At -F $'\t' -c "SELECT lexeme, count(*) FROM corpus, unnest(to_tsvector('df_cfg', body)) GROUP BY lexeme ORDER BY lexeme COLLATE \"C\""

/*
 * ner_train.c — trains, cross-validates and runs the entity model of
 * src/core/ner_model.h, with the core linked in (make train-ner).
 *
 *   ner_train train CONLL OUT [-e EPOCHS] [-b HASH_BITS]
 *        averaged perceptron over the whole file, weights written to OUT
 *   ner_train cv CONLL [-k FOLDS] [-e EPOCHS] [-b HASH_BITS]
 *        K contiguous folds (news articles stay together): exact-span
 *        micro F1 of the rules alone and of the model under each merge
 *        policy (ner_tag.h), per fold and averaged
 *   ner_train tag MODEL SENTENCES [-p POLICY]
 *        ArEntitiesExtract over each line of SENTENCES (as written by
 *        test/eval/ner_score.py sentences, with or without a context
 *        column), rows "sentence kind start end" for ner_score.py score;
 *        MODEL "-" runs the rules alone
 *
 * Sentences are the CoNLL tokens joined by one space, as make eval-ner
 * feeds them to ar_entities.  A word of the core tokenizer gets the tag of
 * the CoNLL token it starts in (B only for the first word of a B token);
 * MISC and other types are O.  Training is deterministic: the sentence
 * order of each epoch comes from a fixed-seed generator.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "ner_features.h"
#include "ner_model.h"
#include "ner_tag.h"
#include "utf8.h"

#define SEED			20071213u
#define MAX_TOKENS		2048

typedef struct Sent
{
	char	   *text;			/* tokens joined by one space */
	size_t		ntok;
	size_t	   *tok_start;		/* character offset of each token */
	char	  **tok_tag;		/* "O", "B-PER" … normalized: PER/ORG/LOC only */
	size_t		w0;				/* first word in the corpus-wide word arrays */
	size_t		nw;
} Sent;

typedef struct Corpus
{
	Sent	   *s;
	size_t		n;
	/* every word of every sentence */
	uint32_t   *feats;			/* nw × AR_NER_MAX_FEATS */
	uint32_t   *feats_norule;	/* the same with the rules' tags hidden */
	uint8_t    *nfeat;
	uint8_t    *gold;			/* ArNerTag */
	size_t		nw;
} Corpus;

typedef struct Options
{
	int			epochs;
	int			bits;
	int			folds;
	int			policy;
	int			dropout;		/* % of training sentences seen without the rules' tags */
} Options;

/* The weights being trained: current int16 image plus averaging sums. */
typedef struct Trainer
{
	uint8_t    *payload;		/* transitions then emissions, int16 LE */
	size_t		ntrans;			/* weights in the transition block */
	size_t		nweights;		/* all weights */
	int32_t    *cur;			/* current weights, unsaturated */
	double	   *sum;			/* sum over updates of (step × delta) */
	uint64_t	step;
	uint32_t	bits;
} Trainer;

static void *
xalloc(size_t n)
{
	void	   *p = calloc(1, n ? n : 1);

	if (!p)
	{
		fprintf(stderr, "ner_train: out of memory\n");
		exit(2);
	}
	return p;
}

/* ---- reading the corpus ------------------------------------------------ */

/* "B-PERS" → "B-PER"; MISC and anything else → "O". */
static const char *
norm_tag(const char *t)
{
	static const char *known[] = {"B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
	char		buf[16];
	int			k;

	if (strncmp(t, "B-PERS", 6) == 0 || strncmp(t, "I-PERS", 6) == 0)
	{
		snprintf(buf, sizeof(buf), "%c-PER", t[0]);
		t = buf;
	}
	for (k = 0; k < 6; k++)
		if (strcmp(t, known[k]) == 0)
			return known[k];
	return "O";
}

static void
add_sentence(Corpus *c, size_t *cap, char **tok, char **tag, size_t n)
{
	Sent	   *s;
	size_t		k,
				len = 0,
				chars = 0;

	if (n == 0)
		return;
	if (c->n == *cap)
	{
		*cap = *cap ? *cap * 2 : 1024;
		c->s = realloc(c->s, *cap * sizeof(Sent));
	}
	s = &c->s[c->n++];
	memset(s, 0, sizeof(*s));
	for (k = 0; k < n; k++)
		len += strlen(tok[k]) + 1;
	s->text = xalloc(len + 1);
	s->ntok = n;
	s->tok_start = xalloc(n * sizeof(size_t));
	s->tok_tag = xalloc(n * sizeof(char *));
	len = 0;
	for (k = 0; k < n; k++)
	{
		size_t		l = strlen(tok[k]);

		if (k)
			s->text[len++] = ' ', chars++;
		s->tok_start[k] = chars;
		memcpy(s->text + len, tok[k], l);
		len += l;
		chars += ArUtf8CharCount(tok[k], l);
		s->tok_tag[k] = (char *) norm_tag(tag[k]);
		free(tok[k]);
		free(tag[k]);
	}
	s->text[len] = '\0';
}

static void
read_conll(const char *path, Corpus *c)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];
	char	   *tok[MAX_TOKENS],
			   *tag[MAX_TOKENS];
	size_t		n = 0,
				cap = 0;

	if (!f)
	{
		fprintf(stderr, "ner_train: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	memset(c, 0, sizeof(*c));
	while (fgets(line, sizeof(line), f))
	{
		char	   *tab;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || n == MAX_TOKENS)
		{
			add_sentence(c, &cap, tok, tag, n);
			n = 0;
			if (line[0] == '\0')
				continue;
		}
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		tok[n] = strdup(line);
		tag[n] = strdup(tab + 1);
		n++;
	}
	add_sentence(c, &cap, tok, tag, n);
	fclose(f);
}

/* The token of s holding character offset pos. */
static size_t
token_at(const Sent *s, size_t pos)
{
	size_t		k = 0;

	while (k + 1 < s->ntok && s->tok_start[k + 1] <= pos)
		k++;
	return k;
}

/* Does a chunk open at token k (conlleval: B, or I after another type)? */
static bool
chunk_opens(const Sent *s, size_t k)
{
	const char *t = s->tok_tag[k];

	if (t[0] == 'O')
		return false;
	return t[0] == 'B' || k == 0 || strcmp(s->tok_tag[k - 1] + 1, t + 1) != 0 ||
		s->tok_tag[k - 1][0] == 'O';
}

static int
tag_id(char bi, const char *kind)
{
	int			base = strcmp(kind, "PER") == 0 ? AR_NER_B_PER :
		strcmp(kind, "ORG") == 0 ? AR_NER_B_ORG : AR_NER_B_LOC;

	return bi == 'B' ? base : base + 1;
}

/* The features of the words with the rules' tags hidden (for training
 * with dropout: the model must not lean on the rules alone, which were
 * written looking at this split and are better here than on new text). */
static void
hide_rules(ArNerWords *w, const uint32_t *wh, uint32_t *feats)
{
	uint8_t		nf[MAX_TOKENS * 4];
	size_t		k;

	for (k = 0; k < w->n; k++)
		w->items[k].rule = AR_NER_O;
	if (w->n <= sizeof(nf))
		ArNerFeatures(w, wh, 0, w->n, feats, nf);
}

/* Words, features and gold tags of every sentence. */
static void
prepare(Corpus *c)
{
	size_t		cap = 1 << 16,
				i,
				k;
	ArNerWords	w;
	uint32_t   *wh = NULL;
	size_t		whcap = 0;

	c->feats = xalloc(cap * AR_NER_MAX_FEATS * sizeof(uint32_t));
	c->feats_norule = xalloc(cap * AR_NER_MAX_FEATS * sizeof(uint32_t));
	c->nfeat = xalloc(cap);
	c->gold = xalloc(cap);
	ArNerWordsInit(&w);
	for (i = 0; i < c->n; i++)
	{
		Sent	   *s = &c->s[i];
		ArEntityList rules;
		size_t		prev_tok = (size_t) -1;

		ArEntityListInit(&rules);
		ArEntitiesRules(s->text, strlen(s->text), &rules, &w);
		ArEntityListFree(&rules);
		while (c->nw + w.n > cap)
		{
			cap *= 2;
			c->feats = realloc(c->feats, cap * AR_NER_MAX_FEATS * sizeof(uint32_t));
			c->feats_norule = realloc(c->feats_norule, cap * AR_NER_MAX_FEATS * sizeof(uint32_t));
			c->nfeat = realloc(c->nfeat, cap);
			c->gold = realloc(c->gold, cap);
		}
		if (AR_NER_WORD_HASHES * w.n > whcap)
		{
			whcap = AR_NER_WORD_HASHES * w.n;
			wh = realloc(wh, whcap * sizeof(uint32_t));
		}
		ArNerWordHashes(&w, wh);
		ArNerFeatures(&w, wh, 0, w.n, c->feats + c->nw * AR_NER_MAX_FEATS, c->nfeat + c->nw);
		hide_rules(&w, wh, c->feats_norule + c->nw * AR_NER_MAX_FEATS);
		s->w0 = c->nw;
		s->nw = w.n;
		for (k = 0; k < w.n; k++)
		{
			size_t		t = token_at(s, w.items[k].char_start);
			const char *tag = s->tok_tag[t];
			uint8_t		g = AR_NER_O;

			if (tag[0] != 'O')
				g = (uint8_t) tag_id(t != prev_tok && chunk_opens(s, t) ? 'B' : 'I', tag + 2);
			/* an I with no entity open before it (the word before lost its tag) */
			if (g != AR_NER_O && !(g & 1) && (k == 0 || c->gold[c->nw + k - 1] == AR_NER_O))
				g--;
			c->gold[c->nw + k] = g;
			prev_tok = t;
		}
		c->nw += w.n;
	}
	free(wh);
	ArNerWordsFree(&w);
}

/* ---- the averaged perceptron -------------------------------------------- */

static void
put_i16(uint8_t *p, int32_t v)
{
	if (v > 32767)
		v = 32767;
	if (v < -32767)
		v = -32767;
	p[0] = (uint8_t) (v & 0xff);
	p[1] = (uint8_t) ((v >> 8) & 0xff);
}

static void
trainer_init(Trainer *t, uint32_t bits)
{
	t->bits = bits;
	t->ntrans = (AR_NER_NTAGS + 1) * AR_NER_NTAGS;
	t->nweights = t->ntrans + ((size_t) 1 << bits) * AR_NER_NTAGS;
	t->payload = xalloc(t->nweights * 2);
	t->cur = xalloc(t->nweights * sizeof(int32_t));
	t->sum = xalloc(t->nweights * sizeof(double));
	t->step = 1;
}

static void
trainer_free(Trainer *t)
{
	free(t->payload);
	free(t->cur);
	free(t->sum);
}

static void
update(Trainer *t, size_t idx, int delta)
{
	t->cur[idx] += delta;
	t->sum[idx] += (double) t->step * delta;
	put_i16(t->payload + 2 * idx, t->cur[idx]);
}

/* Reward the gold tag and punish the predicted one of each wrong word. */
static void
learn_sentence(Trainer *t, const Corpus *c, const Sent *s, ArNerModel *m,
			   bool norule, uint8_t *pred, void *scratch)
{
	size_t		k,
				j;
	uint32_t	mask = ((uint32_t) 1 << t->bits) - 1;
	const uint8_t *gold = c->gold + s->w0;
	const uint32_t *feats = norule ? c->feats_norule : c->feats;

	ArNerModelDecode(m, feats + s->w0 * AR_NER_MAX_FEATS, c->nfeat + s->w0,
					 AR_NER_MAX_FEATS, s->nw, scratch, pred);
	for (k = 0; k < s->nw; k++)
	{
		int			gp = k == 0 ? AR_NER_NTAGS : gold[k - 1],
					pp = k == 0 ? AR_NER_NTAGS : pred[k - 1];
		const uint32_t *f = feats + (s->w0 + k) * AR_NER_MAX_FEATS;

		if (gold[k] != pred[k])
			for (j = 0; j < c->nfeat[s->w0 + k]; j++)
			{
				size_t		row = t->ntrans + (size_t) (f[j] & mask) * AR_NER_NTAGS;

				update(t, row + gold[k], 1);
				update(t, row + pred[k], -1);
			}
		if (gold[k] != pred[k] || gp != pp)
		{
			update(t, (size_t) gp * AR_NER_NTAGS + gold[k], 1);
			update(t, (size_t) pp * AR_NER_NTAGS + pred[k], -1);
		}
	}
	ArNerModelRefresh(m, t->payload);
	t->step++;
}

static uint32_t
next_random(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Train on the sentences whose index is outside [skip_from, skip_to). */
static void
train(Trainer *t, const Corpus *c, const Options *o, size_t skip_from, size_t skip_to)
{
	size_t	   *order = xalloc(c->n * sizeof(size_t));
	size_t		n = 0,
				i,
				maxw = 1;
	uint32_t	rng = SEED;
	uint8_t    *pred;
	void	   *scratch;
	ArNerModel *m = ArNerModelWrap(t->payload, t->payload + 2 * t->ntrans, t->bits);
	int			e;

	for (i = 0; i < c->n; i++)
		if (i < skip_from || i >= skip_to)
		{
			order[n++] = i;
			if (c->s[i].nw > maxw)
				maxw = c->s[i].nw;
		}
	pred = xalloc(maxw);
	scratch = xalloc(ArNerScratchSize(maxw));
	for (e = 0; e < o->epochs; e++)
	{
		for (i = n; i > 1; i--)
		{
			size_t		j = next_random(&rng) % i,
						x = order[i - 1];

			order[i - 1] = order[j];
			order[j] = x;
		}
		for (i = 0; i < n; i++)
		{
			bool		norule = o->dropout > 0 && (int) (next_random(&rng) % 100) < o->dropout;

			if (c->s[order[i]].nw > 0)
				learn_sentence(t, c, &c->s[order[i]], m, norule, pred, scratch);
		}
	}
	ArNerModelClose(m);
	free(order);
	free(pred);
	free(scratch);
}

/* Replace the current weights by the averaged ones, scaled into int16. */
static void
average(Trainer *t)
{
	double		top = 0,
				scale;
	size_t		i;

	for (i = 0; i < t->nweights; i++)
	{
		double		a = fabs(t->cur[i] - t->sum[i] / (double) t->step);

		if (a > top)
			top = a;
	}
	scale = top > 0 ? 32000.0 / top : 1.0;
	for (i = 0; i < t->nweights; i++)
	{
		double		a = (t->cur[i] - t->sum[i] / (double) t->step) * scale;

		put_i16(t->payload + 2 * i, (int32_t) lrint(a));
	}
}

/* A whole model file image of the trained weights (xalloc'd). */
static uint8_t *
model_image(const Trainer *t, size_t *len)
{
	size_t		plen = t->nweights * 2;
	uint8_t    *img = xalloc(AR_NER_HEADER_BYTES + plen);
	uint32_t	head[4] = {AR_NER_FORMAT_VERSION, AR_NER_NTAGS, t->bits, AR_NER_FEATURE_VERSION};
	uint32_t	sum = ArNerChecksum(t->payload, plen);
	int			k,
				b;

	memcpy(img, AR_NER_MAGIC, 8);
	for (k = 0; k < 4; k++)
		for (b = 0; b < 4; b++)
			img[8 + 4 * k + b] = (uint8_t) (head[k] >> (8 * b));
	for (b = 0; b < 8; b++)
		img[24 + b] = (uint8_t) ((uint64_t) plen >> (8 * b));
	for (b = 0; b < 4; b++)
		img[32 + b] = (uint8_t) (sum >> (8 * b));
	memcpy(img + AR_NER_HEADER_BYTES, t->payload, plen);
	*len = AR_NER_HEADER_BYTES + plen;
	return img;
}

/* ---- scoring ------------------------------------------------------------- */

typedef struct Score
{
	long		tp[3],
				fp[3],
				fn[3];
} Score;

/* Gold chunks of s as (kind, first token, last token), conlleval rules. */
static size_t
gold_chunks(const Sent *s, int (*out)[3])
{
	size_t		k,
				n = 0;

	for (k = 0; k < s->ntok; k++)
	{
		const char *t = s->tok_tag[k];

		if (t[0] == 'O')
			continue;
		if (chunk_opens(s, k))
		{
			out[n][0] = (tag_id('B', t + 2) - 1) / 2;
			out[n][1] = out[n][2] = (int) k;
			n++;
		}
		else if (n > 0)
			out[n - 1][2] = (int) k;
	}
	return n;
}

/* Score ArEntitiesExtract's output on s as ner_score.py does. */
static void
score_sentence(const Sent *s, Score *sc)
{
	int			(*gold)[3] = xalloc(s->ntok * sizeof(int[3]));
	size_t		ng = gold_chunks(s, gold),
				i,
				g;
	bool	   *hit = xalloc(ng + 1);
	ArEntityList l;

	ArEntityListInit(&l);
	ArEntitiesExtract(s->text, strlen(s->text), &l);
	for (i = 0; i < l.n; i++)
	{
		const ArEntity *e = &l.items[i];
		int			kind = (int) e->kind,
					a,
					b;
		bool		found = false;

		if (kind > AR_ENT_LOC)
			continue;
		a = (int) token_at(s, e->char_start);
		b = (int) token_at(s, e->char_start + e->char_len - 1);
		for (g = 0; g < ng; g++)
			if (!hit[g] && gold[g][0] == kind && gold[g][1] == a && gold[g][2] == b)
			{
				hit[g] = found = true;
				break;
			}
		(found ? sc->tp : sc->fp)[kind]++;
	}
	for (g = 0; g < ng; g++)
		if (!hit[g])
			sc->fn[gold[g][0]]++;
	ArEntityListFree(&l);
	free(gold);
	free(hit);
}

static double
micro_f1(const Score *sc)
{
	long		tp = sc->tp[0] + sc->tp[1] + sc->tp[2],
				fp = sc->fp[0] + sc->fp[1] + sc->fp[2],
				fn = sc->fn[0] + sc->fn[1] + sc->fn[2];

	return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0.0;
}

static double
type_f1(const Score *sc, int k)
{
	return sc->tp[k] ? 2.0 * sc->tp[k] / (2.0 * sc->tp[k] + sc->fp[k] + sc->fn[k]) : 0.0;
}

static void
score_range(const Corpus *c, size_t from, size_t to, Score *sc)
{
	size_t		i;

	memset(sc, 0, sizeof(*sc));
	for (i = from; i < to; i++)
		score_sentence(&c->s[i], sc);
}

/* ---- commands ------------------------------------------------------------ */

static void
write_file(const char *path, const uint8_t *p, size_t len)
{
	FILE	   *f = fopen(path, "wb");

	if (!f || fwrite(p, 1, len, f) != len || fclose(f) != 0)
	{
		fprintf(stderr, "ner_train: cannot write %s\n", path);
		exit(2);
	}
}

static int
cmd_train(const char *conll, const char *out, const Options *o)
{
	Corpus		c;
	Trainer		t;
	uint8_t    *img;
	size_t		len;

	read_conll(conll, &c);
	prepare(&c);
	trainer_init(&t, (uint32_t) o->bits);
	train(&t, &c, o, 0, 0);
	average(&t);
	img = model_image(&t, &len);
	write_file(out, img, len);
	fprintf(stderr, "ner_train: %zu sentences, %zu words, %d epochs, 2^%d buckets: %s (%zu bytes)\n",
			c.n, c.nw, o->epochs, o->bits, out, len);
	free(img);
	trainer_free(&t);
	return 0;
}

/* The policies compared by cv. */
static const int cv_policies[] = {0, AR_NER_KEEP_GAZ_RULES, AR_NER_KEEP_ALL_RULES, AR_NER_GAZ_WINS,
	AR_NER_KEEP_GAZ_RULES | AR_NER_GAZ_WINS};
#define NPOLICIES 5

static void
print_score(const char *label, const Score *sc)
{
	printf("  %-22s PER %.3f  ORG %.3f  LOC %.3f  micro %.4f\n", label,
		   type_f1(sc, 0), type_f1(sc, 1), type_f1(sc, 2), micro_f1(sc));
}

static void
add_score(Score *to, const Score *sc)
{
	int			k;

	for (k = 0; k < 3; k++)
	{
		to->tp[k] += sc->tp[k];
		to->fp[k] += sc->fp[k];
		to->fn[k] += sc->fn[k];
	}
}

static int
cmd_cv(const char *conll, const Options *o)
{
	Corpus		c;
	Score		total[NPOLICIES + 1],
				sc;
	int			f,
				p;
	char		label[64];

	read_conll(conll, &c);
	prepare(&c);
	memset(total, 0, sizeof(total));
	printf("cv: %d folds, %d epochs, 2^%d buckets, %zu sentences\n", o->folds, o->epochs, o->bits, c.n);
	for (f = 0; f < o->folds; f++)
	{
		size_t		from = c.n * f / o->folds,
					to = c.n * (f + 1) / o->folds;
		Trainer		t;
		ArNerModel *m;

		trainer_init(&t, (uint32_t) o->bits);
		train(&t, &c, o, from, to);
		average(&t);
		ArEntitiesSetModel(NULL);
		score_range(&c, from, to, &sc);
		add_score(&total[0], &sc);
		m = ArNerModelWrap(t.payload, t.payload + 2 * t.ntrans, t.bits);
		ArEntitiesSetModel(m);
		for (p = 0; p < NPOLICIES; p++)
		{
			ArNerTagSetPolicy(cv_policies[p]);
			score_range(&c, from, to, &sc);
			add_score(&total[p + 1], &sc);
		}
		ArEntitiesSetModel(NULL);
		ArNerModelClose(m);
		trainer_free(&t);
		fprintf(stderr, "fold %d done\n", f + 1);
	}
	print_score("rules alone", &total[0]);
	for (p = 0; p < NPOLICIES; p++)
	{
		snprintf(label, sizeof(label), "model, policy %d", cv_policies[p]);
		print_score(label, &total[p + 1]);
	}
	return 0;
}

/* Undo COPY text escapes of a context column (\n, \\). */
static void
unescape(char *s)
{
	char	   *o = s;

	for (; *s; s++)
	{
		if (s[0] == '\\' && s[1] == 'n')
			*o++ = '\n', s++;
		else if (s[0] == '\\' && s[1] == '\\')
			*o++ = '\\', s++;
		else
			*o++ = *s;
	}
	*o = '\0';
}

static int
cmd_tag(const char *model, const char *sentences, const Options *o)
{
	FILE	   *f = fopen(sentences, "r");
	static char line[1 << 20];
	uint8_t    *img = NULL;
	long		sid = 0;
	ArNerModel *m = NULL;

	if (!f)
	{
		fprintf(stderr, "ner_train: %s: %s\n", sentences, strerror(errno));
		return 2;
	}
	if (strcmp(model, "-") != 0)
	{
		FILE	   *mf = fopen(model, "rb");
		size_t		len = 0;
		const char *err;

		img = xalloc(64 << 20);
		if (mf)
		{
			len = fread(img, 1, 64 << 20, mf);
			fclose(mf);
		}
		if ((m = ArNerModelOpen(img, len, &err)) == NULL)
		{
			fprintf(stderr, "ner_train: %s: %s\n", model, err);
			return 2;
		}
	}
	ArEntitiesSetModel(m);
	ArNerTagSetPolicy(o->policy);
	while (fgets(line, sizeof(line), f))
	{
		char	   *txt = line,
				   *tab = strchr(line, '\t');
		char	   *doc;
		size_t		off = 0,
					choff = 0,
					i;
		ArEntityList l;

		line[strcspn(line, "\n")] = '\0';
		sid++;
		if (tab)
		{
			*tab = '\0';
			unescape(line);
			txt = tab + 1;
			if (line[0])
			{
				off = strlen(line) + 1;
				choff = ArUtf8CharCount(line, strlen(line)) + 1;
			}
		}
		unescape(txt);
		doc = xalloc(off + strlen(txt) + 1);
		if (off)
			sprintf(doc, "%s\n%s", line, txt);
		else
			strcpy(doc, txt);
		ArEntityListInit(&l);
		ArEntitiesExtract(doc, strlen(doc), &l);
		for (i = 0; i < l.n; i++)
			if (l.items[i].byte_start >= off)
				printf("%ld\t%s\t%zu\t%zu\n", sid, ArEntKindName(l.items[i].kind),
					   l.items[i].char_start - choff + 1,
					   l.items[i].char_start + l.items[i].char_len - choff + 1);
		ArEntityListFree(&l);
		free(doc);
	}
	fclose(f);
	ArEntitiesSetModel(NULL);
	ArNerModelClose(m);
	free(img);
	return 0;
}

int
main(int argc, char **argv)
{
	Options		o = {.epochs = 8,.bits = 18,.folds = 5,.policy = AR_NER_POLICY_DEFAULT};
	int			i,
				npos = 0;
	const char *pos[4] = {NULL, NULL, NULL, NULL};

	for (i = 1; i < argc; i++)
	{
		if (i + 1 < argc && strcmp(argv[i], "-e") == 0)
			o.epochs = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "-b") == 0)
			o.bits = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "-k") == 0)
			o.folds = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "-d") == 0)
			o.dropout = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "-p") == 0)
			o.policy = atoi(argv[++i]);
		else if (npos < 4)
			pos[npos++] = argv[i];
	}
	if (o.bits < AR_NER_MIN_HASH_BITS || o.bits > AR_NER_MAX_HASH_BITS || o.epochs < 1 || o.folds < 2)
		npos = 0;
	if (npos == 3 && strcmp(pos[0], "train") == 0)
		return cmd_train(pos[1], pos[2], &o);
	if (npos == 2 && strcmp(pos[0], "cv") == 0)
		return cmd_cv(pos[1], &o);
	if (npos == 3 && strcmp(pos[0], "tag") == 0)
		return cmd_tag(pos[1], pos[2], &o);
	fprintf(stderr, "usage: ner_train train CONLL OUT [-e N] [-b BITS]\n"
			"       ner_train cv CONLL [-k FOLDS] [-e N] [-b BITS]\n"
			"       ner_train tag MODEL|- SENTENCES [-p POLICY]\n");
	return 2;
}

#ifndef NU_LEARN_H
#define NU_LEARN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * The one learner of newsutils (design.md, "Learning"): an averaged
 * perceptron (Collins 2002) over hashed string features, multi-class, with
 * an optional first-order sequence decoder (Viterbi over label pairs).  It
 * serves every learned decision: where a page starts, what role a line
 * plays, which tokens form an entity.  The decision's own code turns its
 * item (a line, a token) into a struct nu_feats; the same code runs when
 * training and when predicting, so the two cannot drift.
 *
 * A feature is a string ("w0=hà", "shape=Xx", "dateline"); only its 64-bit
 * hash is kept.  Training is plain double arithmetic in an order only the
 * examples and the seed decide (updates are +-1 times the feature values,
 * no hash table order shows through), so a model trained twice on the
 * same data is byte-identical.
 */

/* ---- Features of one item ---- */

struct nu_feats {
	uint64_t	*h;		/* feature hashes */
	float		*v;		/* their values (1 unless set) */
	size_t		 n, cap;
};

/* The hash of the empty name (FNV-1a 64's offset basis). */
#define NU_FEAT_HASH_EMPTY	0xcbf29ce484222325ULL

/* Continue a hash over one more byte.  A feature named by a few small
 * numbers is hashed byte by byte with it, no name spelt out in memory:
 * a constant first byte (a tag) then folds at compile time. */
static inline uint64_t
nu_feat_hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;	/* FNV prime */
}

/* Continue a hash over more bytes (prefix + value without a copy).
 * Inline: the entity tagger hashes a dozen short strings per token. */
static inline uint64_t
nu_feat_hash_more(uint64_t h, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++)
		h = nu_feat_hash_byte(h, p[i]);
	return h;
}

/* Hash of a feature name: FNV-1a 64 over the bytes. */
static inline uint64_t
nu_feat_hash(const char *s, size_t n)
{
	return nu_feat_hash_more(NU_FEAT_HASH_EMPTY, s, n);
}

void	nu_feats_reset(struct nu_feats *f);
void	nu_feats_free(struct nu_feats *f);
/* Add the feature whose hash is h, with value 1 or v (a v that is not
 * finite is left out: it would poison the weights). */
void	nu_feats_addhv(struct nu_feats *f, uint64_t h, float v);
/* Room for one more feature (nu_feats_addh's slow path). */
void	nu_feats_grow(struct nu_feats *f);

/* Inline: a tagged token adds about 30 features, and the call per
 * feature showed in profiles of extract-entities. */
static inline void
nu_feats_addh(struct nu_feats *f, uint64_t h)
{
	if (f->n == f->cap)
		nu_feats_grow(f);
	f->h[f->n] = h;
	f->v[f->n++] = 1.0f;
}
/* Add a named feature: a C string, or prefix followed by s[0..n). */
void	nu_feats_add(struct nu_feats *f, const char *name);
void	nu_feats_add2(struct nu_feats *f, const char *prefix,
	    const char *s, size_t n);
/* printf-style name (for numbers, buckets); up to 255 bytes. */
void	nu_feats_addf(struct nu_feats *f, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Conjoin every feature already added with a tag (h ^ mix(tag)):
 * used to tie an item's features to, say, its position in a window.
 * Appends the conjoined copies of f->h[from..f->n).
 */
void	nu_feats_conjoin(struct nu_feats *f, size_t from, const char *tag);

/* ---- A model ---- */

struct nu_model;

/*
 * Load a model from a file (see newsutils-model(5) in
 * man/newsutils-train.1, "MODEL FILE") or from memory (a compiled-in
 * model; the bytes must outlive the model).  NULL on error with a message
 * in err ("bad magic", "truncated", ...).
 */
struct nu_model *nu_model_load(const char *path, char *err, size_t errlen);
struct nu_model *nu_model_from_memory(const void *p, size_t n,
	    char *err, size_t errlen);
/*
 * The compiled-in model of that file name ("entity-en.model"), its
 * tables built at build time (nu_prebuilt.h): no parsing, no index to
 * build.  NULL with a message in err when there is none.
 */
struct nu_model *nu_model_builtin(const char *name, char *err,
	    size_t errlen);
void	nu_model_free(struct nu_model *m);

/* What the model decides ("page-start", "line-role", "entity"). */
const char	*nu_model_task(const struct nu_model *m);
size_t		 nu_model_nlabels(const struct nu_model *m);
const char	*nu_model_label(const struct nu_model *m, size_t i);
/* Index of a label by name, or -1. */
int		 nu_model_label_index(const struct nu_model *m, const char *s);
/* A header value ("source", "trained", "dev-score"), or NULL. */
const char	*nu_model_meta(const struct nu_model *m, const char *key);

/* Scores of every label for one item: out[nlabels]. */
void	nu_model_scores(const struct nu_model *m, const struct nu_feats *f,
	    float *out);
/* The best label for one item (ties: the lower index). */
size_t	nu_model_predict(const struct nu_model *m, const struct nu_feats *f);
/*
 * Label a sequence of n items: Viterbi with the model's label-pair
 * weights when it has them, else each item alone.  out[n].
 */
void	nu_model_decode(const struct nu_model *m, const struct nu_feats *items,
	    size_t n, size_t *out);

/*
 * A file may hold several models, one per pass: the model of a next
 * pass labels the same items again, seeing besides their features the
 * labels the pass before gave the whole sequence (stacking: its own
 * label, its neighbours', the nearest item of each label above and
 * below, each label's share around it).  nu_model_decode runs every
 * pass; nu_model_scores and nu_model_predict only the first.  NULL when
 * m is the last.
 */
const struct nu_model	*nu_model_next(const struct nu_model *m);
/* Append next (owned by m from now on) as the last pass of m's chain. */
void	nu_model_chain(struct nu_model *m, struct nu_model *next);
/*
 * Append to items[0..n) the features a next pass sees, from the labels
 * lab[0..n) (each below L) the pass before gave them: what a next pass
 * is trained on, the same as nu_model_decode computes.
 */
void	nu_feats_stack(struct nu_feats *items, size_t n, const size_t *lab,
	    size_t L);

/* ---- Training ---- */

struct nu_trainer;

/*
 * A trainer for task with the given labels.  sequence: learn label-pair
 * weights and decode with Viterbi (a structured perceptron), else each
 * item is an example of its own.
 */
struct nu_trainer *nu_trainer_new(const char *task,
	    const char *const *labels, size_t nlabels, int sequence);
/* Header lines written into the model file ("source", "licence", ...). */
void	nu_trainer_meta(struct nu_trainer *t, const char *key,
	    const char *value);
/*
 * One example: a sequence of n items with their gold labels (n == 1 for a
 * lone item; every gold label below nlabels, else abort: a bug in the
 * caller).  The trainer keeps a copy; training happens in
 * nu_trainer_run, so examples are visited in a shuffled order that only
 * the seed decides.
 */
void	nu_trainer_add(struct nu_trainer *t, const struct nu_feats *items,
	    const size_t *gold, size_t n);
/* How many sequences (examples) were added. */
size_t	nu_trainer_nexamples(const struct nu_trainer *t);
/*
 * epochs passes over the examples (shuffled with seed), then the averaged
 * weights.  Features whose weights are all below prune in absolute value
 * are dropped (0: all but those whose weights are all 0).  progress, when
 * not NULL, gets one line per epoch (errors on the training data).  Once
 * per trainer.
 */
struct nu_model *nu_trainer_run(struct nu_trainer *t, int epochs,
	    uint64_t seed, float prune, FILE *progress);
/*
 * The same, runs times from zero weights with the seeds seed, seed + 1,
 * ..., seed + runs - 1: the model's weights are the mean of the runs'
 * averaged weights (a model less tied to one order of the examples).
 * runs 1 is nu_trainer_run.
 */
struct nu_model *nu_trainer_run_n(struct nu_trainer *t, int epochs,
	    uint64_t seed, int runs, float prune, FILE *progress);
void	nu_trainer_free(struct nu_trainer *t);

/* Write m to path atomically; 0 or -1 with errno. */
int	nu_model_save(const struct nu_model *m, const char *path);

#endif

/*
 * The averaged perceptron of nu_learn.h.  Two halves: a model (read-only
 * float weights in a hash table keyed by feature hash, what the programs
 * use) and a trainer (double weights and their running sums for the
 * averaging trick of Daume's thesis: w_avg = w - u / c, where every update
 * d made at step c also adds c * d to u).
 */
#if defined(__linux__)
#define _DEFAULT_SOURCE		/* madvise */
#endif
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_buf.h"
#include "nu_learn.h"
#include "nu_prebuilt.h"

#define MAGIC		"newsutils-model 1\n"
#define MAX_LABELS	256
/* Shipped models are a few MB (design.md); a user's, unpruned, maybe
 * tens.  A file past this is not a model to load. */
#define MAX_MODEL_BYTES	(256 << 20)
#define MAX_META	1024	/* meta lines of a model file */
#define MAX_PASSES	4	/* models chained in one file */

/* ---- Features ---- */

void
nu_feats_reset(struct nu_feats *f)
{
	f->n = 0;
}

void
nu_feats_free(struct nu_feats *f)
{
	free(f->h);
	free(f->v);
	f->h = NULL;
	f->v = NULL;
	f->n = f->cap = 0;
}

void
nu_feats_grow(struct nu_feats *f)
{
	f->cap = f->cap ? f->cap * 2 : 64;
	f->h = nu_ereallocarray(f->h, f->cap, sizeof(*f->h));
	f->v = nu_ereallocarray(f->v, f->cap, sizeof(*f->v));
}

void
nu_feats_addhv(struct nu_feats *f, uint64_t h, float v)
{
	/* A NaN or infinite value would poison every weight it is added to
	 * (and such a model is refused when loaded): the feature is left
	 * out, in training and prediction alike. */
	if (!isfinite(v))
		return;
	if (f->n == f->cap)
		nu_feats_grow(f);
	f->h[f->n] = h;
	f->v[f->n] = v;
	f->n++;
}

void
nu_feats_add(struct nu_feats *f, const char *name)
{
	nu_feats_addh(f, nu_feat_hash(name, strlen(name)));
}

void
nu_feats_add2(struct nu_feats *f, const char *prefix, const char *s,
    size_t n)
{
	uint64_t h = nu_feat_hash(prefix, strlen(prefix));

	nu_feats_addh(f, nu_feat_hash_more(h, s, n));
}

void
nu_feats_addf(struct nu_feats *f, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	nu_feats_addh(f, nu_feat_hash(tmp, (size_t)n));
}

/* A bijective 64-bit mixer (splitmix64's finaliser). */
static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

void
nu_feats_conjoin(struct nu_feats *f, size_t from, const char *tag)
{
	uint64_t t = mix64(nu_feat_hash(tag, strlen(tag)));
	size_t i, end = f->n;

	for (i = from; i < end; i++)
		nu_feats_addhv(f, f->h[i] ^ t, f->v[i]);
}

/* ---- A hash table from feature hash to row (open addressing) ---- */

struct ftab {
	uint64_t	*key;		/* 0 = empty */
	uint32_t	*row;
	size_t		 cap, n;	/* cap a power of two */
};

/* Hash 0 marks an empty slot, so a feature hashing to 0 is stored as 1. */
static uint64_t
nonzero(uint64_t h)
{
	return h ? h : 1;
}

static size_t
ftab_slot(const struct ftab *t, uint64_t h)
{
	size_t i = (size_t)mix64(h) & (t->cap - 1);

	while (t->key[i] != 0 && t->key[i] != h)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void
ftab_init(struct ftab *t, size_t n)
{
	t->cap = 16;
	while (t->cap < n * 2)
		t->cap *= 2;
	t->key = calloc(t->cap, sizeof(*t->key));
	t->row = calloc(t->cap, sizeof(*t->row));
	if (t->key == NULL || t->row == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	t->n = 0;
}

static void
ftab_free(struct ftab *t)
{
	free(t->key);
	free(t->row);
	memset(t, 0, sizeof(*t));
}

static void
ftab_grow(struct ftab *t)
{
	struct ftab old = *t;
	size_t i, j;

	ftab_init(t, old.cap);
	for (i = 0; i < old.cap; i++) {
		if (old.key[i] == 0)
			continue;
		j = ftab_slot(t, old.key[i]);
		t->key[j] = old.key[i];
		t->row[j] = old.row[i];
		t->n++;
	}
	ftab_free(&old);
}

/* The row of h, adding it as row t->n when absent (*added set). */
static uint32_t
ftab_intern(struct ftab *t, uint64_t h, int *added)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		ftab_grow(t);
	h = nonzero(h);
	i = ftab_slot(t, h);
	*added = t->key[i] == 0;
	if (*added) {
		t->key[i] = h;
		t->row[i] = (uint32_t)t->n++;
	}
	return t->row[i];
}

/* ---- The model ---- */

struct nu_model {
	char		 *task;
	char		**labels;
	size_t		  nlabels;
	int		  sequence;
	char		**meta;		/* key, value, key, value, ... */
	size_t		  nmeta;
	float		 *trans;	/* (nlabels + 1) x nlabels: row 0 is
					   the start, row p + 1 follows p */
	float		 *trans8;	/* the rows padded to 8 floats when
					   nlabels <= 8 (viterbi_steps8), or
					   NULL */
	/*
	 * Feature hash -> row, open addressing with 8-byte slots: the high
	 * half the top 32 bits of mix64(hash), the low half row + 1 (0 =
	 * empty).  A tag that matches is confirmed against hashes[row], so
	 * a lookup is exact; most lookups (features the model never kept)
	 * stop at an empty slot after one cache line, and the table is half
	 * the size of one holding the full keys.
	 */
	uint64_t	 *slot;
	size_t		  mask;		/* slots - 1, slots a power of two */
	uint64_t	 *hashes;	/* per row: nonzero(feature hash) */
	float		 *w;		/* rows x ws: a row's weights on one
					   cache line when nlabels <= 16 */
	size_t		  ws;		/* row stride: nlabels rounded up */
	size_t		  nrows;
	/*
	 * The rows the sequence decoder looked up lately (find_rows), by
	 * feature hash: a page's lines repeat most of their features (a
	 * length class, a place on the page), and this table of 48 KB
	 * stays in the cache, where a lookup in the index above (a MB for
	 * the line-role model) mostly missed it.  A cache only: a feature
	 * not found here is looked up in the index; written through a
	 * const model (decoding changes no answer of it).
	 */
	uint64_t	 *memo_h;	/* nonzero(hash); 0 = empty */
	int32_t		 *memo_row;	/* its row, or -1: not in the model */
	/* the next pass (nu_model_next): it sees this model's labels */
	struct nu_model	 *next;
	/* all but the memo and next lie in the program (nu_prebuilt.h):
	 * never written, never freed */
	int		  prebuilt;
};

/* Row stride for L labels: a power of two up to 16, so that an aligned
 * row never straddles two cache lines; past that a multiple of 16. */
static size_t
row_stride(size_t L)
{
	size_t s = 1;

	while (s < L && s < 16)
		s *= 2;
	return L <= 16 ? s : (L + 15) & ~(size_t)15;
}

/* Zeroed weights for rows x stride, 64-byte aligned. */
static float *
alloc_weights(size_t rows, size_t ws)
{
	size_t bytes = (rows ? rows : 1) * ws * sizeof(float);
	float *w;

	if (rows > SIZE_MAX / sizeof(float) / ws)
		bytes = SIZE_MAX;
	bytes = (bytes + 63) & ~(size_t)63;
	if ((w = aligned_alloc(64, bytes)) == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	memset(w, 0, bytes);
	return w;
}

#define MEMO_BITS	12	/* slots of the memo: 4096 */

/* An empty memo for m (memo_find). */
static void
memo_alloc(struct nu_model *m)
{
	free(m->memo_h);
	free(m->memo_row);
	m->memo_h = calloc((size_t)1 << MEMO_BITS, sizeof(*m->memo_h));
	m->memo_row = calloc((size_t)1 << MEMO_BITS, sizeof(*m->memo_row));
	if (m->memo_h == NULL || m->memo_row == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
}

/*
 * Build m->slot from m->hashes[0..nrows) and an empty memo: NULL, or
 * what is wrong with the
 * hashes (a file's: two rows with one hash, or hashes chosen to collide).
 */
static const char *
index_build(struct nu_model *m)
{
	size_t cap = 16, i, j, probes = 0;
	uint64_t x, h;

	while (cap < m->nrows * 2)
		cap *= 2;
	free(m->slot);
	m->slot = calloc(cap, sizeof(*m->slot));
	if (m->slot == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	m->mask = cap - 1;
	memo_alloc(m);
	for (i = 0; i < m->nrows; i++) {
		h = m->hashes[i];
		x = mix64(h);
		j = (size_t)x & m->mask;
		while (m->slot[j] != 0) {
			if ((m->slot[j] >> 32) == (x >> 32) &&
			    m->hashes[(uint32_t)m->slot[j] - 1] == h)
				return "a feature twice";
			j = (j + 1) & m->mask;
			/*
			 * Honest hashes land all over a table at most half
			 * full (about 1.5 steps each); hashes chosen to
			 * share a slot would make loading quadratic, a
			 * model file of a few MB a denial of service.  The
			 * bound is on the whole table: linear probing's
			 * total steps do not depend on the order of
			 * insertion, so a model that loads also loads
			 * again after nu_model_save sorted its rows (a
			 * bound on the rows so far did: fuzz_model found a
			 * file under it in one order and over it sorted).
			 */
			if (++probes > 16 * m->nrows + 1024)
				return "feature hashes that collide (a "
				    "crafted file?)";
		}
		m->slot[j] = (x & 0xFFFFFFFF00000000ULL) | (uint64_t)(i + 1);
	}
	return NULL;
}

/* The row of feature hash h, or -1. */
static inline long
model_find(const struct nu_model *m, uint64_t h)
{
	uint64_t x, s;
	size_t j;

	h = nonzero(h);
	x = mix64(h);
	j = (size_t)x & m->mask;
	while ((s = m->slot[j]) != 0) {
		if ((s >> 32) == (x >> 32) &&
		    m->hashes[(uint32_t)s - 1] == h)
			return (long)(uint32_t)s - 1;
		j = (j + 1) & m->mask;
	}
	return -1;
}

const char *
nu_model_task(const struct nu_model *m)
{
	return m->task;
}

size_t
nu_model_nlabels(const struct nu_model *m)
{
	return m->nlabels;
}

const char *
nu_model_label(const struct nu_model *m, size_t i)
{
	return i < m->nlabels ? m->labels[i] : NULL;
}

int
nu_model_label_index(const struct nu_model *m, const char *s)
{
	size_t i;

	for (i = 0; i < m->nlabels; i++)
		if (strcmp(m->labels[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
nu_model_meta(const struct nu_model *m, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < m->nmeta; i += 2)
		if (strcmp(m->meta[i], key) == 0)
			return m->meta[i + 1];
	return NULL;
}

void
nu_model_free(struct nu_model *m)
{
	size_t i;

	if (m == NULL)
		return;
	if (m->prebuilt) {
		free(m->memo_h);
		free(m->memo_row);
		nu_model_free(m->next);
		free(m);
		return;
	}
	free(m->task);
	for (i = 0; i < m->nlabels; i++)
		free(m->labels[i]);
	free(m->labels);
	for (i = 0; i < m->nmeta; i++)
		free(m->meta[i]);
	free(m->meta);
	free(m->trans);
	free(m->trans8);
	free(m->slot);
	free(m->memo_h);
	free(m->memo_row);
	free(m->hashes);
	free(m->w);
	nu_model_free(m->next);
	free(m);
}

const struct nu_model *
nu_model_next(const struct nu_model *m)
{
	return m->next;
}

void
nu_model_chain(struct nu_model *m, struct nu_model *next)
{
	while (m->next != NULL)
		m = m->next;
	m->next = next;
}

/* Ask for the slots of f's features ahead of model_find. */
static void
prefetch_slots(const struct nu_model *m, const struct nu_feats *f)
{
#if defined(__GNUC__)
	size_t i;

	for (i = 0; i < f->n; i++)
		__builtin_prefetch(&m->slot[(size_t)mix64(nonzero(f->h[i])) &
		    m->mask]);
#else
	(void)m;
	(void)f;
#endif
}

void
nu_model_scores(const struct nu_model *m, const struct nu_feats *f,
    float *out)
{
	size_t i, l, L = m->nlabels, ws = m->ws;
	const float *w;
	float acc[16], v;
	long r;

	/* a yes/no model (page starts) asks of every line of a stream:
	 * the slots' cache misses overlap when asked for first */
	prefetch_slots(m, f);
	if (ws == 8 || ws == 16) {
		/* the padding lanes are zeros: a fixed width lets the
		 * compiler use vector adds; each label's sum is still
		 * taken in feature order, so the scores are the same */
		for (l = 0; l < 16; l++)
			acc[l] = 0;
		for (i = 0; i < f->n; i++) {
			if ((r = model_find(m, f->h[i])) < 0)
				continue;
			w = m->w + (size_t)r * ws;
			v = f->v[i];
			if (ws == 8)
				for (l = 0; l < 8; l++)
					acc[l] += v * w[l];
			else
				for (l = 0; l < 16; l++)
					acc[l] += v * w[l];
		}
		for (l = 0; l < L; l++)
			out[l] = acc[l];
		return;
	}
	if (L == 2) {
		/* yes or no: the two sums in registers */
		float a = 0, b = 0;

		for (i = 0; i < f->n; i++) {
			if ((r = model_find(m, f->h[i])) < 0)
				continue;
			w = m->w + (size_t)r * ws;
			v = f->v[i];
			a += v * w[0];
			b += v * w[1];
		}
		out[0] = a;
		out[1] = b;
		return;
	}
	for (l = 0; l < L; l++)
		out[l] = 0;
	for (i = 0; i < f->n; i++) {
		if ((r = model_find(m, f->h[i])) < 0)
			continue;
		w = m->w + (size_t)r * ws;
		for (l = 0; l < L; l++)
			out[l] += f->v[i] * w[l];
	}
}

static size_t
argmax(const float *s, size_t n)
{
	size_t i, best = 0;

	for (i = 1; i < n; i++)
		if (s[i] > s[best])
			best = i;
	return best;
}

size_t
nu_model_predict(const struct nu_model *m, const struct nu_feats *f)
{
	float s[MAX_LABELS];

	nu_model_scores(m, f, s);
	return argmax(s, m->nlabels);
}

/*
 * First-order Viterbi: emit[i * L + l] are the item scores, trans as in
 * struct nu_model, tp8 trans padded by pad8 or NULL.  Writes the best path
 * to out.  Scratch is 2 * n * L.
 */
/* trans (L + 1 rows of L) with its rows padded to 8 floats, or NULL when
 * L > 8; into tp when not NULL, else a new array. */
static float *
pad8(const float *trans, size_t L, float *tp)
{
	size_t p;

	if (L > 8)
		return NULL;
	if (tp == NULL)
		tp = nu_ereallocarray(NULL, 9 * 8, sizeof(*tp));
	memset(tp, 0, 9 * 8 * sizeof(*tp));
	for (p = 0; p <= L; p++)
		memcpy(tp + p * 8, trans + p * L, L * sizeof(*tp));
	return tp;
}

#ifdef __SSE2__
/*
 * The steps of viterbi for up to 8 labels, 8 lanes at once (the entity
 * models have 7: this was a twentieth of extract-entities' work).  The
 * same sums and the same strict comparisons in the same order of p, so
 * the same scores and path as the scalar loop.
 */
static void
viterbi_steps8(const float *emit, const float *tp, size_t n, size_t L,
    float *score, size_t *back)
{
	float sc[8];
	int32_t bk[8];
	size_t i, l, p;
	__m128 s0, s1, t0, t1, g0, g1, pv;
	__m128i b0, b1, pi;

	/* tp: the transitions padded to 8 (pad8; lanes past L are never
	   read back) */
	for (i = 1; i < n; i++) {
		const float *prev = score + (i - 1) * L;

		pv = _mm_set1_ps(prev[0]);
		s0 = _mm_add_ps(pv, _mm_loadu_ps(tp + 8));
		s1 = _mm_add_ps(pv, _mm_loadu_ps(tp + 12));
		b0 = b1 = _mm_setzero_si128();
		for (p = 1; p < L; p++) {
			pv = _mm_set1_ps(prev[p]);
			t0 = _mm_add_ps(pv, _mm_loadu_ps(tp + (p + 1) * 8));
			t1 = _mm_add_ps(pv, _mm_loadu_ps(tp + (p + 1) * 8 + 4));
			g0 = _mm_cmpgt_ps(t0, s0);
			g1 = _mm_cmpgt_ps(t1, s1);
			s0 = _mm_or_ps(_mm_and_ps(g0, t0), _mm_andnot_ps(g0, s0));
			s1 = _mm_or_ps(_mm_and_ps(g1, t1), _mm_andnot_ps(g1, s1));
			pi = _mm_set1_epi32((int)p);
			b0 = _mm_or_si128(_mm_and_si128(_mm_castps_si128(g0), pi),
			    _mm_andnot_si128(_mm_castps_si128(g0), b0));
			b1 = _mm_or_si128(_mm_and_si128(_mm_castps_si128(g1), pi),
			    _mm_andnot_si128(_mm_castps_si128(g1), b1));
		}
		_mm_storeu_ps(sc, s0);
		_mm_storeu_ps(sc + 4, s1);
		_mm_storeu_si128((__m128i *)(void *)bk, b0);
		_mm_storeu_si128((__m128i *)(void *)(bk + 4), b1);
		for (l = 0; l < L; l++) {
			score[i * L + l] = sc[l] + emit[i * L + l];
			back[i * L + l] = (size_t)bk[l];
		}
	}
}
#endif

static void
viterbi(const float *emit, const float *trans, const float *tp8, size_t n,
    size_t L, size_t *out, float *score, size_t *back)
{
	size_t i, l, p, best;
	float s;

	if (n == 0)
		return;
	for (l = 0; l < L; l++)
		score[l] = trans[l] + emit[l];
#ifdef __SSE2__
	if (L <= 8) {
		float tp[9 * 8];

		viterbi_steps8(emit, tp8 != NULL ? tp8 : pad8(trans, L, tp), n,
		    L, score, back);
		goto path;
	}
#endif
	for (i = 1; i < n; i++) {
		for (l = 0; l < L; l++) {
			best = 0;
			s = score[(i - 1) * L] + trans[(1) * L + l];
			for (p = 1; p < L; p++) {
				float t = score[(i - 1) * L + p] +
				    trans[(p + 1) * L + l];
				if (t > s) {
					s = t;
					best = p;
				}
			}
			score[i * L + l] = s + emit[i * L + l];
			back[i * L + l] = best;
		}
	}
#ifdef __SSE2__
path:
#endif
	out[n - 1] = argmax(score + (n - 1) * L, L);
	for (i = n - 1; i > 0; i--)
		out[i - 1] = back[i * L + out[i]];
}

/* The row of feature hash h or -1, as model_find, through the memo. */
static inline long
memo_find(const struct nu_model *m, uint64_t h)
{
	/* the product's top bits see every bit of h */
	size_t j = (size_t)((h * 0x9e3779b97f4a7c15ULL) >> (64 - MEMO_BITS));
	long r;

	h = nonzero(h);
	if (m->memo_h[j] == h)
		return m->memo_row[j];
	r = model_find(m, h);
	m->memo_h[j] = h;
	m->memo_row[j] = (int32_t)r;
	return r;
}

/*
 * The rows of f's features that the model has, in feature order: the
 * feature's index into fi[], its row into row[]; their weights are asked
 * for from memory at once, to be summed later (sum_rows).
 */
static size_t
find_rows(const struct nu_model *m, const struct nu_feats *f, uint32_t *fi,
    uint32_t *row)
{
	size_t i, k = 0;
	long r;

	for (i = 0; i < f->n; i++) {
		if ((r = memo_find(m, f->h[i])) < 0)
			continue;
#if defined(__GNUC__)
		__builtin_prefetch(m->w + (size_t)r * m->ws);
#endif
		fi[k] = (uint32_t)i;
		row[k++] = (uint32_t)r;
	}
	return k;
}

/*
 * sum_rows for rows of W = 4 or 8 weights, W a constant at each call, so
 * the label loop is one vector add a row; each label's sum still in
 * feature order, so the same floats as below.
 */
static inline void
sum_rows_fixed(const struct nu_model *m, const struct nu_feats *f,
    const uint32_t *fi, const uint32_t *row, size_t k, float *out, size_t W)
{
	size_t i, l;
	const float *w;
	float acc[8], v;

	for (l = 0; l < W; l++)
		acc[l] = 0;
	for (i = 0; i < k; i++) {
		w = m->w + (size_t)row[i] * W;
		v = f->v[fi[i]];
		for (l = 0; l < W; l++)
			acc[l] += v * w[l];
	}
	for (l = 0; l < m->nlabels; l++)
		out[l] = acc[l];
}

/* Scores from find_rows' k rows: the sums of nu_model_scores, in the
 * same order, so the same floats. */
static void
sum_rows(const struct nu_model *m, const struct nu_feats *f,
    const uint32_t *fi, const uint32_t *row, size_t k, float *out)
{
	size_t i, l, L = m->nlabels, ws = m->ws;
	const float *w;
	float v;

	if (ws == 8) {
		sum_rows_fixed(m, f, fi, row, k, out, 8);
		return;
	}
	if (ws == 4) {
		/* three or four labels: the line-role model */
		sum_rows_fixed(m, f, fi, row, k, out, 4);
		return;
	}
	for (l = 0; l < L; l++)
		out[l] = 0;
	for (i = 0; i < k; i++) {
		w = m->w + (size_t)row[i] * ws;
		v = f->v[fi[i]];
		for (l = 0; l < L; l++)
			out[l] += v * w[l];
	}
}

/*
 * Stacking: the model of a next pass (nu_model_next) sees, besides an
 * item's own features, the labels the pass before gave the sequence:
 * its own, its neighbours', how far the nearest item of each label lies
 * above and below, each label's share of the items around it, whether
 * items of a label lie on both sides.  Each is tied to the item's own
 * earlier label.  One function makes them for training
 * (nu_feats_stack) and prediction (nu_model_decode), so the two cannot
 * drift.
 */
#define STACK_NEAR	30	/* items looked at for the nearest label */
#define STACK_LMAX	16	/* per-label features up to this many labels */
#define STACK_MAX	(6 + 5 * STACK_LMAX)

static unsigned
stack_dist(size_t d)
{
	return d == 0 ? 0 : d == 1 ? 1 : d == 2 ? 2 : d <= 5 ? 3 :
	    d <= 10 ? 4 : 5;
}

/* c of t in fifths: 0 none, 5 all, else 1-4 (t == 0: 6) */
static unsigned
stack_share(size_t c, size_t t)
{
	return t == 0 ? 6 : c == 0 ? 0 : c == t ? 5 : 1 + (unsigned)(4 * c / t)
	    - (4 * c / t == 4);
}

static uint64_t
stack_hash(unsigned char tag, unsigned a, unsigned b, unsigned c,
    unsigned d)
{
	/* 0xff 'S' first: no line, token or page feature starts so */
	unsigned char x[7] = { 0xff, 'S', tag, (unsigned char)a,
	    (unsigned char)b, (unsigned char)c, (unsigned char)d };

	return nu_feat_hash((const char *)x, sizeof(x));
}

/*
 * An item of label l at distance d, above or below: the nearest of its
 * label on that side (near[l]), and its count within 3 and 10 items.
 */
static void
stack_count(size_t l, size_t d, size_t *near, size_t *c3, size_t *c10,
    size_t *t3, size_t *t10)
{
	if (near[l] == 0)
		near[l] = d;
	if (d <= 10) {
		c10[l]++, (*t10)++;
		if (d <= 3)
			c3[l]++, (*t3)++;
	}
}

/*
 * The stacked features of item i of lab[0..n) into h[] (up to
 * STACK_MAX); before[l] counts the items of label l before i, tot[l]
 * all of them.  Returns how many.
 */
static size_t
stack_feats(const size_t *lab, size_t n, size_t L, size_t i,
    const size_t *before, const size_t *tot, uint64_t *h)
{
	size_t k = 0, l, d, c3[STACK_LMAX], c10[STACK_LMAX], t3 = 0, t10 = 0;
	size_t up[STACK_LMAX], down[STACK_LMAX], after;
	unsigned o = (unsigned)lab[i], none = (unsigned)L;

#define LAB(j)	((unsigned)lab[j])
	h[k++] = stack_hash('a', o, 0, 0, 0);
	h[k++] = stack_hash('b', o, i > 0 ? LAB(i - 1) : none, 0, 0);
	h[k++] = stack_hash('c', o, i + 1 < n ? LAB(i + 1) : none, 0, 0);
	h[k++] = stack_hash('d', o, i > 1 ? LAB(i - 2) : none, 0, 0);
	h[k++] = stack_hash('e', o, i + 2 < n ? LAB(i + 2) : none, 0, 0);
	h[k++] = stack_hash('f', o, i > 0 ? LAB(i - 1) : none,
	    i + 1 < n ? LAB(i + 1) : none, 0);
#undef LAB
	if (L > STACK_LMAX)
		return k;
	for (l = 0; l < L; l++)
		c3[l] = c10[l] = up[l] = down[l] = 0;
	for (d = 1; d <= STACK_NEAR; d++) {
		if (d <= i)
			stack_count(lab[i - d], d, up, c3, c10, &t3, &t10);
		if (i + d < n)
			stack_count(lab[i + d], d, down, c3, c10, &t3, &t10);
	}
	for (l = 0; l < L; l++) {
		after = tot[l] - before[l] - (lab[i] == l);
		h[k++] = stack_hash('g', o, (unsigned)l, stack_dist(up[l]),
		    before[l] > 0);
		h[k++] = stack_hash('h', o, (unsigned)l, stack_dist(down[l]),
		    after > 0);
		h[k++] = stack_hash('i', o, (unsigned)l, stack_share(c3[l], t3),
		    0);
		h[k++] = stack_hash('j', o, (unsigned)l,
		    stack_share(c10[l], t10), 0);
		h[k++] = stack_hash('k', o, (unsigned)l, before[l] > 0,
		    after > 0);
	}
	return k;
}

/* Label counts of lab[0..n) into tot[L] (L <= STACK_LMAX). */
static void
stack_totals(const size_t *lab, size_t n, size_t L, size_t *tot)
{
	size_t i;

	for (i = 0; i < L && i < STACK_LMAX; i++)
		tot[i] = 0;
	if (L > STACK_LMAX)
		return;
	for (i = 0; i < n; i++)
		tot[lab[i]]++;
}

void
nu_feats_stack(struct nu_feats *items, size_t n, const size_t *lab,
    size_t L)
{
	uint64_t h[STACK_MAX];
	size_t i, j, k, tot[STACK_LMAX], before[STACK_LMAX];

	stack_totals(lab, n, L, tot);
	for (j = 0; j < STACK_LMAX; j++)
		before[j] = 0;
	for (i = 0; i < n; i++) {
		k = stack_feats(lab, n, L, i, before, tot, h);
		for (j = 0; j < k; j++)
			nu_feats_addh(&items[i], h[j]);
		if (L <= STACK_LMAX)
			before[lab[i]]++;
	}
}

/* Add the weights of the stacked features h[0..k) to out[]. */
static void
add_stacked(const struct nu_model *m, const uint64_t *h, size_t k,
    float *out)
{
	size_t i, l;
	long r;

	for (i = 0; i < k; i++) {
		if ((r = model_find(m, h[i])) < 0)
			continue;
		for (l = 0; l < m->nlabels; l++)
			out[l] += m->w[(size_t)r * m->ws + l];
	}
}

static void	decode_pass(const struct nu_model *, const struct nu_feats *,
		    size_t, const size_t *, size_t *);

void
nu_model_decode(const struct nu_model *m, const struct nu_feats *items,
    size_t n, size_t *out)
{
	size_t stack[512], *prev;
	void *heap = NULL;

	decode_pass(m, items, n, NULL, out);
	if (m->next == NULL || n == 0)
		return;
	prev = n <= sizeof(stack) / sizeof(stack[0]) ? stack :
	    (heap = nu_ereallocarray(NULL, n, sizeof(*prev)));
	for (m = m->next; m != NULL; m = m->next) {
		memcpy(prev, out, n * sizeof(*prev));
		decode_pass(m, items, n, prev, out);
	}
	free(heap);
}

/*
 * One pass of nu_model_decode: the items' own features, and when prev
 * is not NULL the features stacked on the labels prev[] of the pass
 * before.
 */
static void
decode_pass(const struct nu_model *m, const struct nu_feats *items,
    size_t n, const size_t *prev, size_t *out)
{
	size_t i, L = m->nlabels, maxf = 0, k[2], need;
	float *emit, *score;
	size_t *back;
	uint32_t *fi[2], *row[2];
	/* a segment of tags fits here: no allocation per sentence */
	size_t stack[4096];
	void *heap = NULL;
	char *p;

	uint64_t sh[STACK_MAX];
	size_t tot[STACK_LMAX], before[STACK_LMAX], j;

	if (prev != NULL) {
		stack_totals(prev, n, L, tot);
		for (j = 0; j < STACK_LMAX; j++)
			before[j] = 0;
	}
	if (!m->sequence) {
		for (i = 0; i < n; i++) {
			float s[MAX_LABELS];

			nu_model_scores(m, &items[i], s);
			if (prev != NULL) {
				add_stacked(m, sh, stack_feats(prev, n, L, i,
				    before, tot, sh), s);
				if (L <= STACK_LMAX)
					before[prev[i]]++;
			}
			out[i] = argmax(s, L);
		}
		return;
	}
	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		if (items[i].n > maxf)
			maxf = items[i].n;
	need = n * L * (2 * sizeof(float) + sizeof(size_t)) +
	    4 * (maxf + 1) * sizeof(uint32_t) + 4 * sizeof(size_t);
	p = need <= sizeof(stack) ? (char *)stack :
	    (char *)(heap = nu_emalloc(need));
	back = (size_t *)p;
	p += n * L * sizeof(size_t);
	emit = (float *)p;
	p += n * L * sizeof(float);
	score = (float *)p;
	p += n * L * sizeof(float);
	for (i = 0; i < 2; i++) {
		fi[i] = (uint32_t *)p;
		p += (maxf + 1) * sizeof(uint32_t);
		row[i] = (uint32_t *)p;
		p += (maxf + 1) * sizeof(uint32_t);
	}
	/*
	 * A pipeline over the items, as the lookups are mostly cache
	 * misses: item i + 2's slots are prefetched, item i + 1's rows
	 * found (their weights prefetched), item i's weights summed.
	 */
	if (n > 1)
		prefetch_slots(m, &items[1]);
	k[0] = find_rows(m, &items[0], fi[0], row[0]);
	for (i = 0; i < n; i++) {
		if (i + 2 < n)
			prefetch_slots(m, &items[i + 2]);
		if (i + 1 < n)
			k[(i + 1) & 1] = find_rows(m, &items[i + 1],
			    fi[(i + 1) & 1], row[(i + 1) & 1]);
		sum_rows(m, &items[i], fi[i & 1], row[i & 1], k[i & 1],
		    emit + i * L);
		if (prev != NULL) {
			add_stacked(m, sh, stack_feats(prev, n, L, i, before,
			    tot, sh), emit + i * L);
			if (L <= STACK_LMAX)
				before[prev[i]]++;
		}
	}
	viterbi(emit, m->trans, m->trans8, n, L, out, score, back);
	free(heap);
}

/* ---- Model file ---- */

/*
 * The format (documented in newsutils-train(1), MODEL FILE): text header
 * lines, then binary little-endian weights.
 *   newsutils-model 1
 *   task NAME
 *   sequence 0|1
 *   labels N          followed by N lines, one label each
 *   meta KEY VALUE    any number (source, licence, trained, dev-score)
 *   features F
 *   end
 *   [(N + 1) * N float32: label-pair weights, when sequence is 1]
 *   F times: uint64 feature hash, N float32 weights (sorted by hash)
 */

struct reader {
	const unsigned char	*p;
	size_t			 n, pos;
};

/* The next header line (without '\n') into b; -1 when there is none. */
static int
read_line(struct reader *r, struct nu_buf *b)
{
	const unsigned char *nl;

	nu_buf_reset(b);
	if (r->pos >= r->n)
		return -1;
	nl = memchr(r->p + r->pos, '\n', r->n - r->pos);
	if (nl == NULL)
		return -1;
	nu_buf_add(b, r->p + r->pos, (size_t)(nl - (r->p + r->pos)));
	r->pos = (size_t)(nl - r->p) + 1;
	return 0;
}

/* Little-endian loads written out byte by byte: compilers make one load
 * of them on a little-endian machine (a model of a few MB is read at
 * every start, so the byte loops showed). */
static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static int
read_u64(struct reader *r, uint64_t *v)
{
	if (r->n - r->pos < 8)
		return -1;
	*v = (uint64_t)le32(r->p + r->pos) |
	    (uint64_t)le32(r->p + r->pos + 4) << 32;
	r->pos += 8;
	return 0;
}

static int
read_f32(struct reader *r, float *f)
{
	uint32_t u;

	if (r->n - r->pos < 4)
		return -1;
	u = le32(r->p + r->pos);
	r->pos += 4;
	memcpy(f, &u, sizeof(*f));
	return 0;
}

static struct nu_model *
fail(char *err, size_t errlen, const char *msg, struct nu_model *m,
    struct nu_buf *b)
{
	snprintf(err, errlen, "%s", msg);
	nu_model_free(m);
	nu_buf_free(b);
	return NULL;
}

/* Parse "WORD REST": returns REST when line starts with word + ' '. */
static const char *
after(const char *line, const char *word)
{
	size_t n = strlen(word);

	return strncmp(line, word, n) == 0 && line[n] == ' ' ? line + n + 1 :
	    NULL;
}

static struct nu_model *
parse_model(const unsigned char *p, size_t n, char *err, size_t errlen,
    int depth)
{
	struct reader r = { p, n, 0 };
	struct nu_model *m = calloc(1, sizeof(*m));
	struct nu_buf b = { 0 };
	const char *v;
	char *end;
	size_t i, l, L, nfeat = 0;
	uint64_t h;

	if (m == NULL)
		return fail(err, errlen, "out of memory", m, &b);
	if (n < sizeof(MAGIC) - 1 || memcmp(p, MAGIC, sizeof(MAGIC) - 1) != 0)
		return fail(err, errlen, "not a newsutils model (bad magic)",
		    m, &b);
	r.pos = sizeof(MAGIC) - 1;
	for (;;) {
		if (read_line(&r, &b) < 0)
			return fail(err, errlen, "truncated header", m, &b);
		if (strcmp(b.p, "end") == 0)
			break;
		if ((v = after(b.p, "task")) != NULL) {
			free(m->task);
			m->task = nu_estrdup(v);
		} else if ((v = after(b.p, "sequence")) != NULL) {
			m->sequence = strcmp(v, "1") == 0;
		} else if ((v = after(b.p, "labels")) != NULL) {
			L = strtoul(v, &end, 10);
			if (*end != 0 || L == 0 || L > MAX_LABELS ||
			    m->nlabels != 0)
				return fail(err, errlen, "bad labels line",
				    m, &b);
			m->labels = nu_ereallocarray(NULL, L,
			    sizeof(*m->labels));
			for (i = 0; i < L; i++) {
				if (read_line(&r, &b) < 0)
					return fail(err, errlen,
					    "truncated labels", m, &b);
				m->labels[i] = nu_estrdup(b.p);
				m->nlabels++;
			}
		} else if ((v = after(b.p, "meta")) != NULL) {
			const char *sp = strchr(v, ' ');
			/* each line costs two allocations: millions of tiny
			 * ones would take 13 times the file in memory */
			if (m->nmeta >= 2 * MAX_META)
				return fail(err, errlen, "more than 1024 meta "
				    "lines", m, &b);
			m->meta = nu_ereallocarray(m->meta, m->nmeta + 2,
			    sizeof(*m->meta));
			m->meta[m->nmeta] = nu_estrdup(v);
			m->meta[m->nmeta][sp ? (size_t)(sp - v) : strlen(v)]
			    = 0;
			m->meta[m->nmeta + 1] = nu_estrdup(sp ? sp + 1 : "");
			m->nmeta += 2;
		} else if ((v = after(b.p, "features")) != NULL) {
			nfeat = strtoul(v, &end, 10);
			if (*end != 0)
				return fail(err, errlen, "bad features line",
				    m, &b);
		} else {
			return fail(err, errlen, "unknown header line", m,
			    &b);
		}
	}
	if (m->task == NULL || m->nlabels == 0)
		return fail(err, errlen, "no task or labels", m, &b);
	L = m->nlabels;
	if (nfeat > (r.n - r.pos) / (8 + 4 * L))
		return fail(err, errlen, "truncated weights", m, &b);
	m->trans = calloc((L + 1) * L, sizeof(*m->trans));
	if (m->trans == NULL)
		return fail(err, errlen, "out of memory", m, &b);
	if (m->sequence)
		for (i = 0; i < (L + 1) * L; i++) {
			if (read_f32(&r, &m->trans[i]) < 0)
				return fail(err, errlen, "truncated weights",
				    m, &b);
			if (!isfinite(m->trans[i]))
				return fail(err, errlen, "a weight is not a "
				    "finite number", m, &b);
		}
	m->trans8 = pad8(m->trans, L, NULL);
	m->hashes = nu_ereallocarray(NULL, nfeat ? nfeat : 1,
	    sizeof(*m->hashes));
	m->ws = row_stride(L);
	m->w = alloc_weights(nfeat, m->ws);
	for (i = 0; i < nfeat; i++) {
		if (read_u64(&r, &h) < 0)
			return fail(err, errlen, "truncated weights", m, &b);
		for (l = 0; l < L; l++) {
			if (read_f32(&r, &m->w[i * m->ws + l]) < 0)
				return fail(err, errlen, "truncated weights",
				    m, &b);
			/* a NaN or infinity would make every score it
			 * touches NaN, and the decisions garbage */
			if (!isfinite(m->w[i * m->ws + l]))
				return fail(err, errlen, "a weight is not a "
				    "finite number", m, &b);
		}
		m->hashes[i] = nonzero(h);
	}
	m->nrows = nfeat;
	if ((v = index_build(m)) != NULL)
		return fail(err, errlen, v, m, &b);
	if (r.pos != r.n) {
		/*
		 * A model of the next pass may follow (nu_model_next), of
		 * the same task and labels; anything else is not a model.
		 */
		if (depth + 1 >= MAX_PASSES ||
		    r.n - r.pos < sizeof(MAGIC) - 1 ||
		    memcmp(r.p + r.pos, MAGIC, sizeof(MAGIC) - 1) != 0)
			return fail(err, errlen, "bytes after the weights",
			    m, &b);
		m->next = parse_model(r.p + r.pos, r.n - r.pos, err, errlen,
		    depth + 1);
		if (m->next == NULL) {
			nu_model_free(m);
			nu_buf_free(&b);
			return NULL;
		}
		if (strcmp(m->next->task, m->task) != 0 ||
		    m->next->nlabels != m->nlabels)
			return fail(err, errlen, "the next pass's model is of "
			    "another task or labels", m, &b);
		for (i = 0; i < L; i++)
			if (strcmp(m->next->labels[i], m->labels[i]) != 0)
				return fail(err, errlen, "the next pass's "
				    "model is of another task or labels", m,
				    &b);
	}
	nu_buf_free(&b);
	return m;
}

/*
 * Map the pages of p[0..n) now, in one call (Linux 5.14's
 * MADV_POPULATE_READ; elsewhere, or refused, they are mapped as touched).
 * A record's lookups land all over a model's index and weights, and each
 * first touch of a page of the program is a fault (tens of microseconds
 * in a virtual machine, a few pages mapped each).
 */
static void
populate(const void *p, size_t n)
{
#if defined(__linux__)
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#endif
	uintptr_t a = (uintptr_t)p & ~(uintptr_t)4095;

	(void)madvise((void *)a, n + ((uintptr_t)p - a), MADV_POPULATE_READ);
#else
	(void)p;
	(void)n;
#endif
}

/* A model whose tables are g's (the casts drop a const that
 * m->prebuilt keeps: nothing writes or frees them). */
static struct nu_model *
model_from_img(const struct nu_model_img *g)
{
	struct nu_model *m = calloc(1, sizeof(*m));

	if (m == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	m->prebuilt = 1;
	m->task = (char *)(uintptr_t)g->task;
	m->labels = (char **)(uintptr_t)g->labels;
	m->nlabels = g->nlabels;
	m->sequence = g->sequence;
	m->meta = (char **)(uintptr_t)g->meta;
	m->nmeta = g->nmeta;
	m->trans = (float *)(uintptr_t)g->trans;
	m->trans8 = (float *)(uintptr_t)g->trans8;
	m->slot = (uint64_t *)(uintptr_t)g->slot;
	m->mask = g->mask;
	m->hashes = (uint64_t *)(uintptr_t)g->hashes;
	m->w = (float *)(uintptr_t)g->w;
	m->ws = g->ws;
	m->nrows = g->nrows;
	memo_alloc(m);
	populate(m->slot, (m->mask + 1) * sizeof(*m->slot));
	populate(m->hashes, m->nrows * sizeof(*m->hashes));
	populate(m->w, m->nrows * m->ws * sizeof(*m->w));
	if (g->next != NULL)
		m->next = model_from_img(g->next);
	return m;
}

struct nu_model *
nu_model_builtin(const char *name, char *err, size_t errlen)
{
	const struct nu_model_img *const *g;

	for (g = nu_prebuilt_models; *g != NULL; g++)
		if (strcmp((*g)->name, name) == 0)
			return model_from_img(*g);
	snprintf(err, errlen, "not built in");
	return NULL;
}

/* An array of strings (labels, meta) for build/prebuilt.c. */
static void
emit_strs(FILE *fp, const char *id, char *const *v, size_t n)
{
	size_t i;

	fprintf(fp, "static const char *const %s[%zu] = {", id, n ? n : 1);
	for (i = 0; i < n; i++) {
		fputs("\n\t", fp);
		nu_emit_str(fp, v[i], strlen(v[i]));
		fputc(',', fp);
	}
	fputs(n ? "\n};\n" : "0};\n", fp);
}

/*
 * m's tables (each pass's) as const arrays and a struct nu_model_img
 * named id, of the file name, for build/prebuilt.c: what parse_model
 * and index_build made, to the byte.
 */
void
nu_model_emit(FILE *fp, const struct nu_model *m, const char *name,
    const char *id)
{
	char a[128], next[128] = "NULL";
	size_t L = m->nlabels;

	if (m->next != NULL) {
		snprintf(next, sizeof(next), "&%s_n", id);
		snprintf(a, sizeof(a), "%s_n", id);
		nu_model_emit(fp, m->next, name, a);
	}
	snprintf(a, sizeof(a), "%s_labels", id);
	emit_strs(fp, a, m->labels, L);
	snprintf(a, sizeof(a), "%s_meta", id);
	emit_strs(fp, a, m->meta, m->nmeta);
	snprintf(a, sizeof(a), "%s_trans", id);
	nu_emit_f32(fp, a, m->trans, (L + 1) * L, 1);
	if (m->trans8 != NULL) {
		snprintf(a, sizeof(a), "%s_trans8", id);
		nu_emit_f32(fp, a, m->trans8, 9 * 8, 1);
	}
	snprintf(a, sizeof(a), "%s_slot", id);
	nu_emit_u64(fp, a, m->slot, m->mask + 1);
	snprintf(a, sizeof(a), "%s_hashes", id);
	nu_emit_u64(fp, a, m->hashes, m->nrows);
	snprintf(a, sizeof(a), "%s_w", id);
	nu_emit_f32(fp, a, m->w, (m->nrows ? m->nrows : 1) * m->ws, 1);
	fprintf(fp, "static const struct nu_model_img %s = {\n\t", id);
	nu_emit_str(fp, name, strlen(name));
	fputs(", ", fp);
	nu_emit_str(fp, m->task, strlen(m->task));
	fprintf(fp, ",\n\t%s_labels, %zu, %d, %s_meta, %zu,\n"
	    "\t%s_trans, %s%s, %s_slot, %zu, %s_hashes, %s_w, %zu, %zu, %s\n"
	    "};\n", id, L, m->sequence, id, m->nmeta, id,
	    m->trans8 != NULL ? id : "NULL", m->trans8 != NULL ? "_trans8" : "",
	    id, m->mask, id, id, m->ws, m->nrows, next);
}

struct nu_model *
nu_model_from_memory(const void *p, size_t n, char *err, size_t errlen)
{
	return parse_model(p, n, err, errlen, 0);
}

struct nu_model *
nu_model_load(const char *path, char *err, size_t errlen)
{
	struct nu_buf b = { 0 };
	struct nu_model *m;
	char chunk[65536];
	struct stat st;
	ssize_t k;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	/* /dev/zero or a huge file would be read until memory runs out */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > MAX_MODEL_BYTES) {
		snprintf(err, errlen, "larger than %d MiB", MAX_MODEL_BYTES >> 20);
		close(fd);
		return NULL;
	}
	while ((k = read(fd, chunk, sizeof(chunk))) != 0) {
		if (k > 0 && b.len + (size_t)k > MAX_MODEL_BYTES) {
			snprintf(err, errlen, "larger than %d MiB",
			    MAX_MODEL_BYTES >> 20);
			close(fd);
			nu_buf_free(&b);
			return NULL;
		}
		if (k < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s", strerror(errno));
			close(fd);
			nu_buf_free(&b);
			return NULL;
		}
		nu_buf_add(&b, chunk, (size_t)k);
	}
	close(fd);
	m = parse_model((const unsigned char *)(b.p ? b.p : ""), b.len, err,
	    errlen, 0);
	nu_buf_free(&b);
	return m;
}

static void
put_u64(struct nu_buf *b, uint64_t v)
{
	unsigned char c[8];
	int i;

	for (i = 0; i < 8; i++)
		c[i] = (unsigned char)(v >> (8 * i));
	nu_buf_add(b, c, 8);
}

static void
put_f32(struct nu_buf *b, float f)
{
	unsigned char c[4];
	uint32_t u;
	int i;

	memcpy(&u, &f, sizeof(u));
	for (i = 0; i < 4; i++)
		c[i] = (unsigned char)(u >> (8 * i));
	nu_buf_add(b, c, 4);
}

static int
cmp_row(const void *a, const void *b, void *hashes)
{
	const uint64_t *h = hashes;
	uint64_t x = h[*(const size_t *)a], y = h[*(const size_t *)b];

	return x < y ? -1 : x > y;
}

/* Sort idx[0..n) by hashes[idx[i]]: an insertion-merge sort (no qsort_r
 * in C11). */
static void
sort_rows(size_t *idx, size_t n, const uint64_t *hashes)
{
	size_t *tmp, w, i, j, k, lo, mid, hi;

	tmp = nu_ereallocarray(NULL, n ? n : 1, sizeof(*tmp));
	for (w = 1; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = cmp_row(&idx[j], &idx[i],
				    (void *)hashes) < 0 ? idx[j++] : idx[i++];
			while (i < mid)
				tmp[k++] = idx[i++];
			while (j < hi)
				tmp[k++] = idx[j++];
		}
		memcpy(idx, tmp, n * sizeof(*idx));
	}
	free(tmp);
}

/*
 * Whether the header of m reads back as written: every string is one line
 * and a meta key has no space (the reader splits "meta KEY VALUE" at the
 * first one).
 */
static int
header_ok(const struct nu_model *m)
{
	size_t i;

	if (strchr(m->task, '\n') != NULL)
		return 0;
	for (i = 0; i < m->nlabels; i++)
		if (strchr(m->labels[i], '\n') != NULL)
			return 0;
	for (i = 0; i + 1 < m->nmeta; i += 2)
		if (strpbrk(m->meta[i], " \n") != NULL ||
		    strchr(m->meta[i + 1], '\n') != NULL)
			return 0;
	return 1;
}

/* m's bytes (header and weights) appended to b. */
static void
serialize(const struct nu_model *m, struct nu_buf *b)
{
	size_t i, l, L = m->nlabels, *idx;

	nu_buf_adds(b, MAGIC);
	nu_buf_printf(b, "task %s\nsequence %d\nlabels %zu\n", m->task,
	    m->sequence, L);
	for (i = 0; i < L; i++)
		nu_buf_printf(b, "%s\n", m->labels[i]);
	for (i = 0; i + 1 < m->nmeta; i += 2)
		nu_buf_printf(b, "meta %s %s\n", m->meta[i], m->meta[i + 1]);
	nu_buf_printf(b, "features %zu\nend\n", m->nrows);
	if (m->sequence)
		for (i = 0; i < (L + 1) * L; i++)
			put_f32(b, m->trans[i]);
	idx = nu_ereallocarray(NULL, m->nrows ? m->nrows : 1, sizeof(*idx));
	for (i = 0; i < m->nrows; i++)
		idx[i] = i;
	sort_rows(idx, m->nrows, m->hashes);
	for (i = 0; i < m->nrows; i++) {
		put_u64(b, m->hashes[idx[i]]);
		for (l = 0; l < L; l++)
			put_f32(b, m->w[idx[i] * m->ws + l]);
	}
	free(idx);
}

int
nu_model_save(const struct nu_model *m, const char *path)
{
	struct nu_buf b = { 0 };
	const struct nu_model *x;
	char *tmp;
	FILE *fp;
	mode_t mask;
	int fd, saved, ok;

	for (x = m; x != NULL; x = x->next)
		if (!header_ok(x)) {
			errno = EINVAL;
			return -1;
		}
	/* the passes one after another: the first is read as it always
	   was, the others follow its weights */
	for (x = m; x != NULL; x = x->next)
		serialize(x, &b);

	tmp = nu_emalloc(strlen(path) + 16);
	sprintf(tmp, "%s.tmpXXXXXX", path);
	mask = umask(0);
	umask(mask);
	fp = NULL;
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0666 & ~mask) != 0 ||
	    (fp = fdopen(fd, "wb")) == NULL) {
		saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		nu_buf_free(&b);
		errno = saved;
		return -1;
	}
	/* the file is closed whatever happened to the write */
	ok = fwrite(b.p, 1, b.len, fp) == b.len;
	saved = errno;
	if (fclose(fp) != 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = 0;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		free(tmp);
		nu_buf_free(&b);
		errno = saved;
		return -1;
	}
	free(tmp);
	nu_buf_free(&b);
	return 0;
}

/* ---- Training ---- */

struct nu_trainer {
	struct nu_model	 *m;		/* task, labels, meta; weights at the end */
	struct ftab	  tab;		/* feature hash -> row */
	uint64_t	 *hashes;	/* per row */
	double		 *w, *u;	/* rows x L: weights, c-weighted sums */
	double		 *tw, *tu;	/* (L + 1) x L label pairs */
	size_t		  rows, rowcap;
	/* the examples, flattened */
	size_t		 *seq_item;	/* first item of each sequence (+1) */
	size_t		  nseq, seqcap;
	size_t		 *item_feat;	/* first feature of each item (+1) */
	size_t		 *gold;		/* per item */
	size_t		  nitem, itemcap;
	uint32_t	 *feat_row;
	float		 *feat_val;
	size_t		  nfeat, featcap;
};

struct nu_trainer *
nu_trainer_new(const char *task, const char *const *labels, size_t nlabels,
    int sequence)
{
	struct nu_trainer *t = calloc(1, sizeof(*t));
	size_t i, L = nlabels;

	if (t == NULL || (t->m = calloc(1, sizeof(*t->m))) == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	if (L == 0 || L > MAX_LABELS)
		abort();
	t->m->task = nu_estrdup(task);
	t->m->labels = nu_ereallocarray(NULL, L, sizeof(*t->m->labels));
	for (i = 0; i < L; i++)
		t->m->labels[i] = nu_estrdup(labels[i]);
	t->m->nlabels = L;
	t->m->sequence = sequence;
	ftab_init(&t->tab, 1024);
	t->tw = calloc((L + 1) * L, sizeof(*t->tw));
	t->tu = calloc((L + 1) * L, sizeof(*t->tu));
	t->seq_item = nu_emalloc(sizeof(*t->seq_item));
	t->item_feat = nu_emalloc(sizeof(*t->item_feat));
	if (t->tw == NULL || t->tu == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	t->seq_item[0] = 0;
	t->item_feat[0] = 0;
	t->seqcap = t->itemcap = 1;
	return t;
}

void
nu_trainer_meta(struct nu_trainer *t, const char *key, const char *value)
{
	struct nu_model *m = t->m;
	size_t i;

	for (i = 0; i + 1 < m->nmeta; i += 2)
		if (strcmp(m->meta[i], key) == 0) {
			free(m->meta[i + 1]);
			m->meta[i + 1] = nu_estrdup(value);
			return;
		}
	m->meta = nu_ereallocarray(m->meta, m->nmeta + 2, sizeof(*m->meta));
	m->meta[m->nmeta++] = nu_estrdup(key);
	m->meta[m->nmeta++] = nu_estrdup(value);
}

static uint32_t
trainer_row(struct nu_trainer *t, uint64_t h)
{
	size_t L = t->m->nlabels;
	uint32_t r;
	int added;

	r = ftab_intern(&t->tab, h, &added);
	if (!added)
		return r;
	if (t->rows == t->rowcap) {
		t->rowcap = t->rowcap ? t->rowcap * 2 : 4096;
		t->hashes = nu_ereallocarray(t->hashes, t->rowcap,
		    sizeof(*t->hashes));
		t->w = nu_ereallocarray(t->w, t->rowcap * L, sizeof(*t->w));
		t->u = nu_ereallocarray(t->u, t->rowcap * L, sizeof(*t->u));
	}
	t->hashes[r] = nonzero(h);
	memset(t->w + (size_t)r * L, 0, L * sizeof(*t->w));
	memset(t->u + (size_t)r * L, 0, L * sizeof(*t->u));
	t->rows++;
	return r;
}

void
nu_trainer_add(struct nu_trainer *t, const struct nu_feats *items,
    const size_t *gold, size_t n)
{
	size_t i, j;

	if (n == 0)
		return;
	/* A gold label out of range is a bug in the task's examples
	 * function: training on a stand-in label would hide it. */
	for (i = 0; i < n; i++)
		if (gold[i] >= t->m->nlabels) {
			fprintf(stderr, "nu_trainer_add: gold label %zu of "
			    "task %s is out of range (%zu labels)\n", gold[i],
			    t->m->task, t->m->nlabels);
			abort();
		}
	if (t->nseq + 2 > t->seqcap) {
		t->seqcap = t->seqcap * 2 + 2;
		t->seq_item = nu_ereallocarray(t->seq_item, t->seqcap,
		    sizeof(*t->seq_item));
	}
	if (t->nitem + n + 1 > t->itemcap) {
		t->itemcap = (t->nitem + n + 1) * 2;
		t->item_feat = nu_ereallocarray(t->item_feat, t->itemcap,
		    sizeof(*t->item_feat));
		t->gold = nu_ereallocarray(t->gold, t->itemcap,
		    sizeof(*t->gold));
	}
	for (i = 0; i < n; i++) {
		if (t->nfeat + items[i].n > t->featcap) {
			t->featcap = (t->nfeat + items[i].n) * 2;
			t->feat_row = nu_ereallocarray(t->feat_row,
			    t->featcap, sizeof(*t->feat_row));
			t->feat_val = nu_ereallocarray(t->feat_val,
			    t->featcap, sizeof(*t->feat_val));
		}
		for (j = 0; j < items[i].n; j++) {
			t->feat_row[t->nfeat] = trainer_row(t, items[i].h[j]);
			t->feat_val[t->nfeat] = items[i].v[j];
			t->nfeat++;
		}
		t->gold[t->nitem] = gold[i];
		t->nitem++;
		t->item_feat[t->nitem] = t->nfeat;
	}
	t->nseq++;
	t->seq_item[t->nseq] = t->nitem;
}

size_t
nu_trainer_nexamples(const struct nu_trainer *t)
{
	return t->nseq;
}

/* Scores of item k under the current (not averaged) weights. */
static void
item_scores(const struct nu_trainer *t, size_t k, float *out)
{
	size_t f, l, L = t->m->nlabels;
	double s[MAX_LABELS] = { 0 };

	for (f = t->item_feat[k]; f < t->item_feat[k + 1]; f++) {
		const double *w = t->w + (size_t)t->feat_row[f] * L;
		for (l = 0; l < L; l++)
			s[l] += t->feat_val[f] * w[l];
	}
	for (l = 0; l < L; l++)
		out[l] = (float)s[l];
}

/* Add d times item k's features to label l's weights at step c. */
static void
update_item(struct nu_trainer *t, size_t k, size_t l, double d, double c)
{
	size_t f, L = t->m->nlabels;

	for (f = t->item_feat[k]; f < t->item_feat[k + 1]; f++) {
		size_t i = (size_t)t->feat_row[f] * L + l;
		double dv = d * t->feat_val[f];
		t->w[i] += dv;
		t->u[i] += c * dv;
	}
}

static void
update_pair(struct nu_trainer *t, size_t prev_row, size_t l, double d,
    double c)
{
	size_t i = prev_row * t->m->nlabels + l;

	t->tw[i] += d;
	t->tu[i] += c * d;
}

/* An averaged weight as the float the model keeps: finite always, so the
 * model file it goes to can be loaded. */
static float
to_f32(double a)
{
	if (isnan(a))
		return 0;
	if (a > FLT_MAX)
		return FLT_MAX;
	if (a < -FLT_MAX)
		return -FLT_MAX;
	return (float)a;
}

static uint64_t
splitmix(uint64_t *s)
{
	return mix64(*s += 0x9e3779b97f4a7c15ULL);
}

/*
 * One run of the perceptron: epochs passes over the examples in orders
 * rng gives, from zero weights; the averaged weights are added to acc
 * (rows x L) and tacc ((L + 1) x L).
 */
static void
train_once(struct nu_trainer *t, int epochs, uint64_t rng, double *acc,
    double *tacc, FILE *progress)
{
	struct nu_model *m = t->m;
	size_t L = m->nlabels, maxn = 1, s, i, r, e, *order, *pred, *back;
	size_t errors;
	float *emit, *score, *trans;
	double c = 1;

	if (t->rows > 0) {
		memset(t->w, 0, t->rows * L * sizeof(*t->w));
		memset(t->u, 0, t->rows * L * sizeof(*t->u));
	}
	memset(t->tw, 0, (L + 1) * L * sizeof(*t->tw));
	memset(t->tu, 0, (L + 1) * L * sizeof(*t->tu));
	for (s = 0; s < t->nseq; s++)
		if (t->seq_item[s + 1] - t->seq_item[s] > maxn)
			maxn = t->seq_item[s + 1] - t->seq_item[s];
	order = nu_ereallocarray(NULL, t->nseq ? t->nseq : 1, sizeof(*order));
	pred = nu_ereallocarray(NULL, maxn, sizeof(*pred));
	back = nu_ereallocarray(NULL, maxn * L, sizeof(*back));
	emit = nu_ereallocarray(NULL, maxn * L, sizeof(*emit));
	score = nu_ereallocarray(NULL, maxn * L, sizeof(*score));
	trans = nu_ereallocarray(NULL, (L + 1) * L, sizeof(*trans));
	for (s = 0; s < t->nseq; s++)
		order[s] = s;
	for (e = 0; e < (size_t)epochs; e++) {
		/* Fisher-Yates with our own generator: the same seed gives
		 * the same order on every machine. */
		for (s = t->nseq; s > 1; s--) {
			size_t j = (size_t)(splitmix(&rng) % s), x = order[s - 1];
			order[s - 1] = order[j];
			order[j] = x;
		}
		errors = 0;
		for (s = 0; s < t->nseq; s++) {
			size_t first = t->seq_item[order[s]];
			size_t n = t->seq_item[order[s] + 1] - first;
			for (i = 0; i < n; i++)
				item_scores(t, first + i, emit + i * L);
			if (m->sequence) {
				for (i = 0; i < (L + 1) * L; i++)
					trans[i] = (float)t->tw[i];
				viterbi(emit, trans, NULL, n, L, pred, score,
				    back);
			} else {
				for (i = 0; i < n; i++)
					pred[i] = argmax(emit + i * L, L);
			}
			for (i = 0; i < n; i++) {
				size_t g = t->gold[first + i];
				if (pred[i] != g) {
					errors++;
					update_item(t, first + i, g, 1, c);
					update_item(t, first + i, pred[i], -1,
					    c);
				}
				if (!m->sequence)
					continue;
				/* label pairs: gold path up, predicted down */
				size_t gp = i ? t->gold[first + i - 1] + 1 : 0;
				size_t pp = i ? pred[i - 1] + 1 : 0;
				if (gp != pp || g != pred[i]) {
					update_pair(t, gp, g, 1, c);
					update_pair(t, pp, pred[i], -1, c);
				}
			}
			c++;
		}
		if (progress != NULL)
			fprintf(progress, "epoch %zu: %zu of %zu items wrong "
			    "(%.2f%%)\n", e + 1, errors, t->nitem,
			    t->nitem ? 100.0 * (double)errors /
			    (double)t->nitem : 0.0);
	}
	free(order);
	free(pred);
	free(back);
	free(emit);
	free(score);
	free(trans);
	for (r = 0; r < t->rows * L; r++)
		acc[r] += t->w[r] - t->u[r] / c;
	for (i = 0; i < (L + 1) * L; i++)
		tacc[i] += t->tw[i] - t->tu[i] / c;
}

struct nu_model *
nu_trainer_run(struct nu_trainer *t, int epochs, uint64_t seed, float prune,
    FILE *progress)
{
	return nu_trainer_run_n(t, epochs, seed, 1, prune, progress);
}

struct nu_model *
nu_trainer_run_n(struct nu_trainer *t, int epochs, uint64_t seed, int runs,
    float prune, FILE *progress)
{
	struct nu_model *m = t->m;
	size_t L = m->nlabels, i, l, r, kept;
	double *acc, *tacc;
	int k;

	if (runs < 1)
		abort();
	acc = calloc(t->rows > 0 ? t->rows * L : 1, sizeof(*acc));
	tacc = calloc((L + 1) * L, sizeof(*tacc));
	if (acc == NULL || tacc == NULL) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	/* run k shuffles with seed + k; one run is the plain averaged
	   perceptron, several are averaged again (the mean of their
	   averaged weights: a model that depends less on one order) */
	for (k = 0; k < runs; k++) {
		if (progress != NULL && runs > 1)
			fprintf(progress, "run %d of %d (seed %llu)\n", k + 1,
			    runs, (unsigned long long)(seed + (uint64_t)k));
		train_once(t, epochs, seed + (uint64_t)k, acc, tacc, progress);
	}
	/* The examples are done with: give their memory back before the
	 * model is built beside the weights (a trainer runs once). */
	free(t->feat_row);
	free(t->feat_val);
	t->feat_row = NULL;
	t->feat_val = NULL;
	t->nfeat = t->featcap = 0;
	ftab_free(&t->tab);
	free(t->w);
	free(t->u);
	t->w = t->u = NULL;

	/* Average, prune, and move the weights into the model. */
	m->ws = row_stride(L);
	m->w = alloc_weights(t->rows, m->ws);
	m->hashes = nu_ereallocarray(NULL, t->rows ? t->rows : 1,
	    sizeof(*m->hashes));
	kept = 0;
	for (r = 0; r < t->rows; r++) {
		int keep = 0;
		for (l = 0; l < L; l++) {
			double a = acc[r * L + l] / runs;
			m->w[kept * m->ws + l] = to_f32(a);
			if (fabs(a) > prune && a != 0)
				keep = 1;
		}
		if (keep)
			m->hashes[kept++] = t->hashes[r];
		else
			memset(m->w + kept * m->ws, 0, L * sizeof(*m->w));
	}
	m->nrows = kept;
	free(acc);
	m->hashes = nu_ereallocarray(m->hashes, kept ? kept : 1,
	    sizeof(*m->hashes));
	if (kept < t->rows) {
		/* the pruned rows' room back */
		float *w = alloc_weights(kept, m->ws);
		memcpy(w, m->w, kept * m->ws * sizeof(*w));
		free(m->w);
		m->w = w;
	}
	m->trans = nu_ereallocarray(NULL, (L + 1) * L, sizeof(*m->trans));
	for (i = 0; i < (L + 1) * L; i++)
		m->trans[i] = m->sequence ? to_f32(tacc[i] / runs) : 0;
	free(tacc);
	m->trans8 = pad8(m->trans, L, NULL);
	if (index_build(m) != NULL)
		abort();	/* the trainer's rows have distinct hashes */
	t->m = NULL;
	return m;
}

void
nu_trainer_free(struct nu_trainer *t)
{
	if (t == NULL)
		return;
	nu_model_free(t->m);
	ftab_free(&t->tab);
	free(t->hashes);
	free(t->w);
	free(t->u);
	free(t->tw);
	free(t->tu);
	free(t->seq_item);
	free(t->item_feat);
	free(t->gold);
	free(t->feat_row);
	free(t->feat_val);
	free(t);
}

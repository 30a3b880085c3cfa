#ifndef NU_PREBUILT_H
#define NU_PREBUILT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "nu_pairset.h"

/*
 * What a program used to build at start-up from its compiled-in models
 * and lexicons, built once at build time instead: scripts/prebuild.c
 * loads them with the programs' own code and writes the tables it made
 * (a model's weights and feature index, the entity phrase tables, the
 * English word kinds, the large word sets) as const C arrays
 * (build/prebuilt.c).  Loading one is pointer setup; its pages are read
 * from the binary when first touched.  Only what the programs would have
 * built from the compiled-in data is here: a --model FILE or a
 * --lexicon-dir is loaded as before.  The tables are the machine's own
 * (byte order, sizes): they are built where the programs are.
 */

/* A model (nu_learn.c, struct nu_model's fields). */
struct nu_model_img {
	const char		*name;		/* the file: "entity-en.model" */
	const char		*task;
	const char *const	*labels;
	size_t			 nlabels;
	int			 sequence;
	const char *const	*meta;		/* key, value, ... */
	size_t			 nmeta;
	const float		*trans, *trans8;
	const uint64_t		*slot;
	size_t			 mask;
	const uint64_t		*hashes;
	const float		*w;
	size_t			 ws, nrows;
	const struct nu_model_img *next;
};
/* NULL-terminated. */
extern const struct nu_model_img *const nu_prebuilt_models[];

/* An entity phrase table (nu_entity.c) of the lexicons of a set of
 * languages (1 << NU_LANG_x each). */
struct nu_lexent {
	uint32_t	off, len;	/* key in arena */
	uint32_t	bits;
};
struct nu_lextab_img {
	unsigned		 langs;		/* 0 ends the list */
	const struct nu_lexent	*slot;
	size_t			 cap, nkeys;
	const char		*arena;
};
extern const struct nu_lextab_img nu_prebuilt_lextabs[];

/* The English word kinds (nu_entity_feat.c); mask 0: none built. */
struct nu_kindset_img {
	const uint32_t		*fp;
	const unsigned char	*kinds;
	size_t			 mask, n;
};
extern const struct nu_kindset_img nu_prebuilt_kinds;

/* A word set (nu_lexicon.c) of a compiled-in lexicon: slot i holds the
 * word at words + off1[i] - 1, len[i] bytes (off1 0: empty). */
struct nu_wordset_img {
	const char		*name;		/* NULL ends the list */
	int			 fold;
	const uint32_t		*off1, *len;
	const char		*words;
	size_t			 cap, n, maxlen;
	int			 empty;
	const struct nu_pairset	*pre;
};
extern const struct nu_wordset_img nu_prebuilt_wordsets[];

/* Writing build/prebuilt.c: a const array named id of n elements of
 * the type ("uint64_t", ...), aligned to 64 bytes when align. */
void	nu_emit_u64(FILE *fp, const char *id, const uint64_t *a, size_t n);
void	nu_emit_u32(FILE *fp, const char *id, const uint32_t *a, size_t n);
void	nu_emit_u8(FILE *fp, const char *id, const unsigned char *a,
	    size_t n);
void	nu_emit_f32(FILE *fp, const char *id, const float *a, size_t n,
	    int align);
/* A C string literal of s[0..n) (any bytes). */
void	nu_emit_str(FILE *fp, const char *s, size_t n);

/* Each module's tables, written by scripts/prebuild.c. */
struct nu_model;
void	nu_model_emit(FILE *fp, const struct nu_model *m, const char *name,
	    const char *id);
void	nu_ent_emit_lextabs(FILE *fp);
void	nu_kindset_emit(FILE *fp);
void	nu_wordset_emit(FILE *fp, const char *const *names, const int *fold,
	    size_t n);

#endif

#ifndef NU_ENTITY_TAG_H
#define NU_ENTITY_TAG_H

#include <stddef.h>

#include "nu_entity.h"
#include "nu_json.h"
#include "nu_learn.h"
#include "nu_task.h"

/*
 * The learned entity tagger (task "entity"): a BIO model over tokens
 * decides people, places and organisations; the rules' decisions are its
 * features.  See man/newsutils-train.1 for the annotated text it learns
 * from.
 */

/*
 * Tag with model m from now on: it serves the languages its "lang" header
 * names ("vi", "en", "vi,en"; none: both).  NULL: the built-in models
 * (common/models/entity-{vi,en}.model), each loaded when the first text
 * in its language comes.  A language with no model keeps the rules.  The
 * model must be one for task "entity" with the labels O, B-PER, I-PER,
 * B-LOC, I-LOC, B-ORG, I-ORG; else -1 with a message in err.  m must
 * outlive c's use.  Without a call, the rules alone decide.
 */
int	nu_ent_set_model(struct nu_ent_ctx *c, const struct nu_model *m,
	    char *err, size_t errlen);

/*
 * The task table's reader: one record {"text", "entities": [{"start",
 * "end", "type"}], "lang"?} (code-point offsets, types PER LOC ORG or
 * person place organisation; others ignored) as examples.
 */
int	nu_ent_examples(const struct nu_task *self, const struct nu_jdoc *d,
	    nu_emit_fn *emit, void *ctx, char *err, size_t errlen);

#endif

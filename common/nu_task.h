#ifndef NU_TASK_H
#define NU_TASK_H

#include <stddef.h>

#include "nu_json.h"
#include "nu_learn.h"

/*
 * A learned decision as newsutils-train sees it: its labels, whether it
 * labels sequences, how one labelled JSON Lines record becomes training
 * items, and its compiled-in model.  The features come from the same
 * function the program calls when it predicts, so training and
 * prediction cannot drift.  Each decision's module defines its task; the
 * table in nu_task.c lists them.
 */

/* Receives one example: n items with their gold label indices. */
typedef void nu_emit_fn(void *ctx, const struct nu_feats *items,
    const size_t *gold, size_t n);

struct nu_task {
	const char		*name;		/* "page-start", "line-role", "entity" */
	const char *const	*labels;
	size_t			 nlabels;
	int			 sequence;	/* Viterbi over label pairs */
	/*
	 * Turn one labelled record (parsed, root node 0) into examples,
	 * calling emit for each.  0, or -1 with a message in err naming
	 * what is wrong with the record.  self gives the labels.
	 */
	int	(*examples)(const struct nu_task *self,
		    const struct nu_jdoc *d, nu_emit_fn *emit, void *ctx,
		    char *err, size_t errlen);
	/*
	 * The compiled-in model the programs use when no --model is given:
	 * a file name under common/models/, or NULL when none is shipped.
	 */
	const char		*builtin;
	/*
	 * Whether a model of a next pass can be trained (newsutils-train
	 * --passes 2): the examples function then stacks the labels of the
	 * prior model (nu_task_prior) on each sequence (nu_feats_stack),
	 * over every item of it, labelled or not, as prediction sees it.
	 */
	int			 stacks;
};

/*
 * The model of the pass before, while newsutils-train gathers the
 * examples of a next pass (out of fold: it never saw those records);
 * NULL otherwise.
 */
void	nu_task_set_prior(const struct nu_model *m);
const struct nu_model	*nu_task_prior(void);

/* Index of the label s[0..n) of task t, or -1. */
int	nu_task_label(const struct nu_task *t, const char *s, size_t n);

/*
 * Whether m can serve task t: a model of t's name whose labels are t's,
 * same names in the same order (the programs index their labels by
 * number).  A task without labels of its own (nlabels 0) takes any.
 * 0, or -1 with a message in err.
 */
int	nu_task_check_model(const struct nu_task *t, const struct nu_model *m,
	    char *err, size_t errlen);

/* The task named name, or NULL; nu_tasks[] ends with a NULL name. */
const struct nu_task	*nu_task_find(const char *name);
extern const struct nu_task	nu_tasks[];

/*
 * The model a program uses for task: the one in path when path is not
 * NULL (an unreadable or wrong file is a usage error, exit 2), else the
 * compiled-in one (NULL when the task ships none).  Loaded once.
 */
struct nu_model	*nu_task_model(const char *task, const char *path);
/* The same, the usage error naming option opt ("--page-model") where a
   program takes a model of another task under another option. */
struct nu_model	*nu_task_model_opt(const char *task, const char *path,
	    const char *opt);

/* The examples function of each task (one per decision's module). */
int	nu_features_examples(const struct nu_task *, const struct nu_jdoc *,
	    nu_emit_fn *, void *, char *, size_t);

int	nu_page_start_examples(const struct nu_task *, const struct nu_jdoc *,
	    nu_emit_fn *, void *, char *, size_t);
extern const char *const nu_page_start_labels[2];

#endif

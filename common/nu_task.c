/*
 * The table of learned decisions (nu_task.h) and the loading of their
 * models, compiled-in or from --model FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_boiler_feat.h"
#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity_int.h"
#include "nu_entity_tag.h"
#include "nu_task.h"

/*
 * Each decision adds its line here: name, labels, sequence or not, the
 * function that turns a labelled record into examples, the shipped model.
 */
const struct nu_task nu_tasks[] = {
	/* Labels come from newsutils-train --labels; items carry their
	 * features by name (a learner for anyone's own features). */
	{ "features", NULL, 0, 1, nu_features_examples, NULL, 0 },
	/* Where a page starts: every line and glue point a candidate
	 * (nu_page_feat.c); split-article. */
	{ "page-start", nu_page_start_labels, 2, 0, nu_page_start_examples,
	    "page-start.model", 0 },
	/* strip-boilerplate: which lines of a page are kept (issue 13) */
	{ "line-role", nu_line_role_labels, NU_LR_NLABELS, 1,
	    nu_line_role_examples, "line-role.model", 1 },
	/* people, places, organisations: BIO over tokens (nu_entity_tag.c) */
	{ "entity", nu_tag_labels, NU_TAG_NLABELS, 1, nu_ent_examples,
	    "entity-en.model", 0 },
	{ NULL, NULL, 0, 0, NULL, NULL, 0 }
};

static const struct nu_model *prior;

void
nu_task_set_prior(const struct nu_model *m)
{
	prior = m;
}

const struct nu_model *
nu_task_prior(void)
{
	return prior;
}

const struct nu_task *
nu_task_find(const char *name)
{
	const struct nu_task *t;

	for (t = nu_tasks; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int
nu_task_label(const struct nu_task *t, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < t->nlabels; i++)
		if (strlen(t->labels[i]) == n && memcmp(t->labels[i], s, n) == 0)
			return (int)i;
	return -1;
}

/* "A,B,C" into b, for messages. */
static void
label_list(struct nu_buf *b, const char *const *labels, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		nu_buf_printf(b, "%s%s", i ? "," : "", labels[i]);
}

int
nu_task_check_model(const struct nu_task *t, const struct nu_model *m,
    char *err, size_t errlen)
{
	struct nu_buf want = { 0 }, have = { 0 };
	size_t i, L = nu_model_nlabels(m);
	int same;

	if (strcmp(nu_model_task(m), t->name) != 0) {
		snprintf(err, errlen, "a %s model, not %s", nu_model_task(m),
		    t->name);
		return -1;
	}
	if (t->nlabels == 0)
		return 0;
	same = L == t->nlabels;
	for (i = 0; same && i < L; i++)
		same = strcmp(nu_model_label(m, i), t->labels[i]) == 0;
	if (same)
		return 0;
	/* A model with other labels, or the same in another order, would
	 * have its label numbers read as the task's: wrong decisions, or an
	 * index past the end of a program's table. */
	label_list(&want, t->labels, t->nlabels);
	for (i = 0; i < L; i++)
		nu_buf_printf(&have, "%s%s", i ? "," : "",
		    nu_model_label(m, i));
	snprintf(err, errlen, "its labels %.100s are not the task's %.100s",
	    have.p, want.p);
	nu_buf_free(&want);
	nu_buf_free(&have);
	return -1;
}

/* Loaded models, one per task: a program asks once per record. */
static struct {
	const char	*task;
	struct nu_model	*model;
} cache[8];

static void
free_models(void)
{
	size_t i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		nu_model_free(cache[i].model);
}

struct nu_model *
nu_task_model(const char *task, const char *path)
{
	return nu_task_model_opt(task, path, "--model");
}

struct nu_model *
nu_task_model_opt(const char *task, const char *path, const char *opt)
{
	const struct nu_task *t = nu_task_find(task);
	struct nu_model *m = NULL;
	static int registered;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
		if (cache[i].task != NULL && strcmp(cache[i].task, task) == 0)
			return cache[i].model;
		if (cache[i].task == NULL)
			break;
	}
	if (path != NULL) {
		if ((m = nu_model_load(path, err, sizeof(err))) == NULL)
			nu_usage_error("%s %s: %s", opt, path, err);
		if (t != NULL && nu_task_check_model(t, m, err,
		    sizeof(err)) != 0)
			nu_usage_error("%s %s: %s", opt, path, err);
		if (t == NULL && strcmp(nu_model_task(m), task) != 0)
			nu_usage_error("%s %s: a %s model, not %s", opt,
			    path, nu_model_task(m), task);
	} else if (t != NULL && t->builtin != NULL &&
	    (m = nu_model_builtin(t->builtin, err, sizeof(err))) != NULL) {
		if (nu_task_check_model(t, m, err, sizeof(err)) != 0)
			nu_die(NU_EXIT_TROUBLE, "built-in model %s: %s",
			    t->builtin, err);
	}
	if (i < sizeof(cache) / sizeof(cache[0])) {
		cache[i].task = task;
		cache[i].model = m;
		if (!registered++)
			atexit(free_models);
	}
	return m;
}

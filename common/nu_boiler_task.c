/*
 * The "line-role" task (nu_boiler_feat.h): a page labelled line by line
 * becomes training sequences, through the same rules and the same
 * feature code strip-boilerplate runs when it predicts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_boiler.h"
#include "nu_boiler_feat.h"
#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_json.h"
#include "nu_task.h"

#define UNLABELLED	SIZE_MAX

/* The rules and features for training: made once, freed at exit. */
static struct nu_boiler *tb;
static struct nu_boiler_feat *tf;

static void
free_task(void)
{
	nu_boiler_feat_free(tf);
	nu_boiler_free(tb);
}

int
nu_line_role_examples(const struct nu_task *self, const struct nu_jdoc *d,
    void (*emit)(void *, const struct nu_feats *, const size_t *, size_t),
    void *ctx, char *err, size_t errlen)
{
	struct nu_buf text = { 0 }, role = { 0 };
	struct nu_bline *l = NULL;
	struct nu_feats *items;
	size_t arr, it, t, r, n = 0, i, k, j, a, e, *idx, *gold = NULL;
	size_t *off = NULL, m, *plab = NULL;
	int rc = -1, whole;

	(void)self;
	arr = d->nodes[0].type == NU_JOBJ ? nu_json_get(d, 0, "lines") : 0;
	if (arr == 0 || d->nodes[arr].type != NU_JARR) {
		snprintf(err, errlen, "no \"lines\" array");
		return -1;
	}
	if (tb == NULL) {
		tb = nu_boiler_new(NU_BOIL_LANG_AUTO);
		tf = nu_boiler_feat_new();
		atexit(free_task);
	}
	k = d->nodes[arr].count + 1;
	l = nu_ereallocarray(NULL, k, sizeof(*l));
	off = nu_ereallocarray(NULL, 2 * k, sizeof(*off));
	gold = nu_ereallocarray(NULL, k, sizeof(*gold));
	for (it = d->nodes[arr].child; it != 0; it = d->nodes[it].next, n++) {
		if (d->nodes[it].type != NU_JOBJ ||
		    (t = nu_json_get(d, it, "text")) == 0 ||
		    d->nodes[t].type != NU_JSTR ||
		    (r = nu_json_get(d, it, "role")) == 0 ||
		    d->nodes[r].type != NU_JSTR) {
			snprintf(err, errlen, "line %zu: needs \"role\" and "
			    "\"text\" (strings)", n + 1);
			goto out;
		}
		off[2 * n] = text.len;
		nu_json_str(d, t, &text);
		off[2 * n + 1] = text.len - off[2 * n];
		nu_buf_reset(&role);
		nu_json_str(d, r, &role);
		/* "-": a line nobody labelled (a corpus whose gold names
		   only some lines): its features are the page's, but it is
		   no example */
		gold[n] = role.len == 1 && role.p[0] == '-' ? UNLABELLED :
		    (size_t)nu_line_role_of(role.p ? role.p : "", role.len);
	}
	/* the classifier wants no NUL and no line breaks inside a line */
	for (i = 0; i < text.len; i++)
		if (text.p[i] == '\0' || text.p[i] == '\n' || text.p[i] == '\r')
			text.p[i] = ' ';
	for (i = 0; i < n; i++) {
		l[i].s = text.p ? text.p + off[2 * i] : "";
		l[i].n = off[2 * i + 1];
	}
	nu_boiler_classify(tb, l, n, NU_BOIL_TITLED | NU_BOIL_SPLIT);
	/* a rendered page is one sequence, as strip-boilerplate labels it */
	whole = nu_boiler_feat_rendered(tf, l, 0, n);
	for (a = 0; a < n; a = e) {
		for (e = a + 1; e < n && (whole || !l[e].page); e++)
			;
		k = nu_boiler_feat_page(tf, l, a, e, &items, &idx);
		if (k == 0)
			continue;
		if (nu_task_prior() != NULL) {
			/* a next pass: the prior's labels of the whole page,
			   unlabelled lines too, as strip-boilerplate decodes */
			plab = nu_ereallocarray(plab, k, sizeof(*plab));
			nu_model_decode(nu_task_prior(), items, k, plab);
			nu_feats_stack(items, k, plab, NU_LR_NLABELS);
		}
		/*
		 * The gold labels of the non-blank lines, in place; the
		 * unlabelled lines' items leave the sequence (swapped to its
		 * end: bf keeps owning them).  The labelled lines stay in
		 * page order, so the label pairs learnt are those of lines
		 * near each other.
		 */
		for (j = 0, m = 0; j < k; j++) {
			if (gold[idx[j]] == UNLABELLED)
				continue;
			if (m != j) {
				struct nu_feats x = items[m];

				items[m] = items[j];
				items[j] = x;
			}
			off[m++] = gold[idx[j]];
		}
		if (m > 0)
			emit(ctx, items, off, m);
	}
	nu_boiler_feat_forget(tf);
	rc = 0;
out:
	nu_buf_free(&text);
	nu_buf_free(&role);
	free(l);
	free(off);
	free(gold);
	free(plab);
	return rc;
}

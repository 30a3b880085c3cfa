/*
 * The "features" task: items that carry their own feature names, for
 * anyone who computes features outside newsutils and wants its learner.
 *   {"items": [{"f": ["w=the", "len=3"], "label": "B"}, ...]}
 * One record is one sequence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_task.h"

int
nu_features_examples(const struct nu_task *self, const struct nu_jdoc *d,
    nu_emit_fn *emit, void *ctx, char *err, size_t errlen)
{
	struct nu_feats *items = NULL;
	struct nu_buf s = { 0 };
	size_t arr, it, f, lab, n = 0, i, *gold = NULL;
	int l, rc = -1;

	arr = d->nodes[0].type == NU_JOBJ ? nu_json_get(d, 0, "items") : 0;
	if (arr == 0 || d->nodes[arr].type != NU_JARR) {
		snprintf(err, errlen, "no \"items\" array");
		return -1;
	}
	items = calloc(d->nodes[arr].count + 1, sizeof(*items));
	gold = calloc(d->nodes[arr].count + 1, sizeof(*gold));
	if (items == NULL || gold == NULL)
		goto out;
	for (it = d->nodes[arr].child; it != 0; it = d->nodes[it].next, n++) {
		if (d->nodes[it].type != NU_JOBJ ||
		    (f = nu_json_get(d, it, "f")) == 0 ||
		    d->nodes[f].type != NU_JARR ||
		    (lab = nu_json_get(d, it, "label")) == 0 ||
		    d->nodes[lab].type != NU_JSTR) {
			snprintf(err, errlen, "item %zu: needs \"f\" (array of "
			    "strings) and \"label\" (string)", n + 1);
			goto out;
		}
		nu_buf_reset(&s);
		nu_json_str(d, lab, &s);
		if ((l = nu_task_label(self, s.p ? s.p : "", s.len)) < 0) {
			snprintf(err, errlen, "item %zu: label \"%.40s\" is not "
			    "one of --labels", n + 1, s.p ? s.p : "");
			goto out;
		}
		gold[n] = (size_t)l;
		for (f = d->nodes[f].child; f != 0; f = d->nodes[f].next) {
			if (d->nodes[f].type != NU_JSTR) {
				snprintf(err, errlen, "item %zu: a feature is "
				    "not a string", n + 1);
				goto out;
			}
			nu_buf_reset(&s);
			nu_json_str(d, f, &s);
			nu_feats_addh(&items[n], nu_feat_hash(s.p ? s.p : "",
			    s.len));
		}
	}
	if (n > 0)
		emit(ctx, items, gold, n);
	rc = 0;
out:
	for (i = 0; items != NULL && i <= d->nodes[arr].count; i++)
		nu_feats_free(&items[i]);
	free(items);
	free(gold);
	nu_buf_free(&s);
	return rc;
}

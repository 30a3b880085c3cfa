/*
 * The page-start decision at one line (see nu_page_start.h).
 */
#include <stdlib.h>

#include "nu_page_start.h"

void
nu_page_decider_init(struct nu_page_decider *d, const struct nu_model *m)
{
	d->m = m;
	d->threshold = m != NULL ? nu_page_start_threshold(m, "threshold") : 0;
	d->veto = m != NULL ? nu_page_start_threshold(m, "rule-veto") : 0;
	d->feats.h = NULL;
	d->feats.v = NULL;
	d->feats.n = d->feats.cap = 0;
}

void
nu_page_decider_free(struct nu_page_decider *d)
{
	nu_feats_free(&d->feats);
}

int
nu_page_decide(struct nu_page_decider *d, const struct nu_pline *w,
    size_t nw, size_t i, const struct nu_pstate *st, size_t *col,
    struct nu_pline *tail, float *margin)
{
	struct nu_pline gh, gt;
	size_t pts[64], np, p;
	float best = d->threshold, sc;
	int how = 0;

	*margin = -1e30f;
	if (d->m == NULL)
		return 0;
	/* a paragraph after another is never asked (nor trained on) */
	if (nu_page_start_candidate(w, i)) {
		*margin = sc = nu_page_start_score(d->m, w, nw, i, 0, st,
		    &d->feats);
		if (sc > best) {
			best = sc;
			how = 1;
		}
	}
	/* each glue point: "28/09/2018Không ...": the date ends the last
	   page, the title opens the next, and the surest point wins */
	np = nu_page_glue_points(w[i].s, w[i].n, pts, 64);
	for (p = 0; p < np; p++) {
		if (nu_page_glue_none(w, nw, i, pts[p]))
			continue;
		nu_page_glue_lines(&w[i], pts[p], &gh, &gt);
		sc = nu_page_glue_score(d->m, w, nw, i, &gh, &gt, st,
		    &d->feats);
		if (sc > *margin)
			*margin = sc;
		if (sc > best) {
			best = sc;
			how = 2;
			*col = pts[p];
			*tail = gt;
		}
	}
	return how;
}

/*
 * The page-start decision at one line (see nu_page_start.h).
 */
#include <stdlib.h>

#include "nu_page_start.h"

#define NONE	(-1e30f)	/* the margin where a page cannot start */

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
    size_t nw, size_t i, const struct nu_pstate *st,
    const struct nu_page_ask *ask, struct nu_page_verdict *v)
{
	struct nu_pline gh, gt;
	size_t pts[64], np, p;
	float line = NONE, glue = NONE, sc, bar = d->threshold;

	v->how = 0;
	v->col = 0;
	v->nostart = 1;
	if (d->m == NULL)
		return 0;
	/* a paragraph after another is never asked (nor trained on) */
	if (!ask->first && nu_page_start_candidate(w, i))
		line = nu_page_start_score(d->m, w, nw, i, 0, st, &d->feats);
	/* each glue point: "28/09/2018Không ...": the date ends the last
	   page, the title opens the next; the first of the surest is kept */
	np = nu_page_glue_points(w[i].s, w[i].n, pts, 64);
	for (p = 0; p < np; p++) {
		if (nu_page_glue_none(w, nw, i, pts[p]))
			continue;
		nu_page_glue_lines(&w[i], pts[p], &gh, &gt);
		sc = nu_page_glue_score(d->m, w, nw, i, &gh, &gt, st,
		    &d->feats);
		if (sc > glue) {
			glue = sc;
			v->col = pts[p];
			v->head = gh;
			v->tail = gt;
		}
	}
	v->nostart = (ask->whole && glue > line ? glue : line) <= d->veto;
	if (line > bar) {
		v->how = 1;
		bar = line;
	} else if (ask->rules != NULL && line != NONE && !v->nostart &&
	    glue <= bar && ask->rules(ask->arg)) {
		v->how = 1;
		bar = line;
	}
	/* the surest wins: the line, or a glue point */
	if (glue > bar)
		v->how = 2;
	else
		v->col = 0;
	return v->how;
}

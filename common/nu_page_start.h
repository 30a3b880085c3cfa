#ifndef NU_PAGE_START_H
#define NU_PAGE_START_H

#include <stddef.h>

#include "nu_page_feat.h"

/*
 * The page-start decision at one line, made with the page-start model of
 * issue 12 (nu_page_feat.h), for a program that reads pages as a stream
 * of lines: the line itself, or a glue point inside it (a page with no
 * final newline run into the next), whichever the model is surest of
 * above its "threshold"; where a program's page rules see a start, it
 * stands unless the model's margin is under "rule-veto".  strip-boilerplate's
 * text mode asks it at every line (--page-model); split-article's
 * advance_model makes the same choice.
 */

/* The model and its margins, read once. */
struct nu_page_decider {
	const struct nu_model	*m;
	float			 threshold;	/* a start above this margin */
	float			 veto;		/* a rule's start below it */
	struct nu_feats		 feats;		/* scratch */
};

/* m: nu_task_model("page-start", path); NULL decides no page start. */
void	nu_page_decider_init(struct nu_page_decider *d,
	    const struct nu_model *m);
void	nu_page_decider_free(struct nu_page_decider *d);

/*
 * Does a page start at line i of the window w[0..nw) (non-blank lines: two
 * before i and NU_PAGE_AHEAD after it are read), st the page so far?
 * Returns 0 (no), 1 (at the line's first byte) or 2 (inside it: *col is
 * the byte where the new page's text begins, and *tail that text as a
 * line, for the caller's nu_pstate_add).  *margin is the model's surest
 * margin there (-1e30 where a page cannot start): under d->veto, the
 * model overrules a rule that sees a start.
 */
int	nu_page_decide(struct nu_page_decider *d, const struct nu_pline *w,
	    size_t nw, size_t i, const struct nu_pstate *st, size_t *col,
	    struct nu_pline *tail, float *margin);

#endif

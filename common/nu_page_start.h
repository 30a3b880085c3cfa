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
 * stands unless the model's margin is under "rule-veto".  split-article
 * (nu_page.c) and strip-boilerplate's text mode (--page-model) both ask
 * nu_page_decide; what differs between them is said in struct
 * nu_page_ask.
 */

/* The model and its margins, read once. */
struct nu_page_decider {
	const struct nu_model	*m;
	float			 threshold;	/* a start above this margin */
	float			 veto;		/* a rule's start below it */
	float			 word;		/* a glue point inside a word:
						   its margin less this */
	struct nu_feats		 feats;		/* scratch */
};

/* m: nu_task_model("page-start", path); NULL decides no page start. */
void	nu_page_decider_init(struct nu_page_decider *d,
	    const struct nu_model *m);
void	nu_page_decider_free(struct nu_page_decider *d);

/* What the program asking knows of the line, and how it uses the answer. */
struct nu_page_ask {
	/*
	 * A page starts at the line's first byte already (a hard start: an
	 * input's first line, after a form feed): the line is not asked,
	 * the points inside it are.
	 */
	int	 first;
	/*
	 * The program prints lines whole, so a page start inside the line
	 * is one at the line: the veto reads the surest margin of the line
	 * and of its glue points, not the line's own.
	 */
	int	 whole;
	/*
	 * The program's page rules, when it can ask them now: does a page
	 * start at the line?  Asked only when the answer counts (the line
	 * may start a page, the model neither takes it nor vetoes it, no
	 * glue point is over the threshold).  A start they see is taken at
	 * the line's margin, which a glue point must then beat.  NULL: the
	 * rules run later (strip-boilerplate's, on the whole window) and
	 * read nostart.
	 */
	int	(*rules)(void *arg);
	void	*arg;
};

/* The answer. */
struct nu_page_verdict {
	int		 how;	/* 0 no start, 1 at the line's first byte, 2
				   inside it */
	size_t		 col;	/* how 2: the byte where the new page's text
				   begins, */
	struct nu_pline	 head, tail;	/* and the line's two parts, for
					   the caller's split and
					   nu_pstate_add */
	/* the model is sure no page starts here (its margin, see whole, is
	   under d->veto): it overrules a rule that sees a start */
	int		 nostart;
};

/*
 * Does a page start at line i of the window w[0..nw) (non-blank lines: two
 * before i and NU_PAGE_AHEAD after it are read), st the page so far?  The
 * answer in *v; returns v->how.
 */
int	nu_page_decide(struct nu_page_decider *d, const struct nu_pline *w,
	    size_t nw, size_t i, const struct nu_pstate *st,
	    const struct nu_page_ask *ask, struct nu_page_verdict *v);

#endif

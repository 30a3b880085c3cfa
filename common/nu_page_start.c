/*
 * The page-start decision at one line (see nu_page_start.h).
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "nu_page_start.h"
#include "nu_utf8.h"

#define NONE	(-1e30f)	/* the margin where a page cannot start */

/* A letter: the side of an apostrophe inside a word ("Trump's"). */
static int
letter(const char *s, size_t n)
{
	long cp;
	int c;

	nu_utf8_decode(s, n, &cp);
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/*
 * Glue point col of s[0..n) comes right after an ASCII single quote that
 * opens the new page's title ("10/03/2018'Đại gia' mạnh tay ...", "...
 * những ngày qua.'Bạn gái tôi là sếp' - ..."): the text from col closes
 * one quote more than it opens.  Quotes with a letter on both sides are
 * apostrophes, not counted.
 */
static int
opening_quote(const char *s, size_t n, size_t col)
{
	size_t j, p, k = 0;

	if (col < 2 || s[col - 1] != '\'')
		return 0;
	for (j = col; j < n; j++) {
		if (s[j] != '\'')
			continue;
		for (p = j - 1; p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80;
		    p--)
			;
		k += !(j + 1 < n && letter(s + p, n - p) &&
		    letter(s + j + 1, n - j - 1));
	}
	return k % 2 == 1;
}

void
nu_page_decider_init(struct nu_page_decider *d, const struct nu_model *m)
{
	d->m = m;
	d->threshold = m != NULL ? nu_page_start_threshold(m, "threshold") : 0;
	d->veto = m != NULL ? nu_page_start_threshold(m, "rule-veto") : 0;
	d->word = m != NULL ? nu_page_start_threshold(m, "glue-word") : 0;
	d->feats.h = NULL;
	d->feats.v = NULL;
	d->feats.n = d->feats.cap = 0;
}

void
nu_page_decider_free(struct nu_page_decider *d)
{
	nu_feats_free(&d->feats);
}

/*
 * cur is a title under the signature sig that closed a page of prose
 * ("... (TH)", "Theo vnexpress.net"; with names, a writer's name alone:
 * "Minh Anh"), and next, the line under cur, is a dateline or a
 * paragraph: a new page unless the model is sure it is not (its score
 * under the rule veto), as where the rules see one.  A signature above
 * the page's first paragraphs is the page's own.
 */
static int
title_under(const struct nu_pline *sig, const struct nu_pline *cur,
    const struct nu_pline *next, const struct nu_pstate *st, int names)
{
	uint32_t f = cur->flags;
	uint32_t dated = NU_PL_DATELINE | NU_PL_LDATE | NU_PL_DATEONLY;
	uint32_t signs = NU_PL_BYLINE | (names ? NU_PL_NAME : 0);

	if (st->paras < 2 || !(sig->flags & signs) ||
	    (f & (NU_PL_BYLINE | NU_PL_DATELINE)))
		return 0;
	/* a title; or a long one that reads as a sentence ("... thực ra
	   là…"), a dateline under it */
	if (f & NU_PL_TITLE)
		return (next->flags & (dated | NU_PL_PARA)) != 0;
	return (f & NU_PL_PARA) && cur->ncp <= 160 &&
	    (next->flags & dated) != 0;
}

/*
 * s[0..n) ends with a word and a colon: it introduces what follows it (a
 * list, a quotation, a comment, a form's field: "15. Avatar Paige says:",
 * "Xem thêm:"), and no page opens with it.  A site's decoration after a
 * title ("... :: PIXNET ::") has no word before its colon.
 */
static int
introduces(const char *s, size_t n)
{
	size_t k;
	long cp;
	int c;

	nu_trim_blanks(&s, &n);
	if (n < 2 || s[n - 1] != ':')
		return 0;
	for (k = n - 2; k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80; k--)
		;
	nu_utf8_decode(s + k, n - 1 - k, &cp);
	c = nu_utf8_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int
nu_page_decide(struct nu_page_decider *d, const struct nu_pline *w,
    size_t nw, size_t i, const struct nu_pstate *st,
    const struct nu_page_ask *ask, struct nu_page_verdict *v)
{
	struct nu_pline gh, gt;
	size_t pts[64], np, p;
	float line = NONE, glue = NONE, graw = NONE, sc, bar = d->threshold;
	float rglue = NONE;
	size_t rcol = 0;

	v->how = 0;
	v->col = 0;
	v->nostart = 1;
	if (d->m == NULL)
		return 0;
	/* a paragraph after another is never asked (nor trained on), nor
	   a line that introduces what follows it */
	if (!ask->first && nu_page_start_candidate(w, i) &&
	    !introduces(w[i].s, w[i].n))
		line = nu_page_start_score(d->m, w, nw, i, 0, st, &d->feats);
	/* each glue point: "28/09/2018Không ...": the date ends the last
	   page, the title opens the next; the first of the surest is kept */
	np = nu_pline_glue_points(&w[i], pts, 64);
	for (p = 0; p < np; p++) {
		if (nu_page_glue_none(w, nw, i, pts[p]) ||
		    nu_page_glue_domain_dot(w[i].s, w[i].n, pts[p]))
			continue;
		nu_page_glue_lines(&w[i], pts[p], &gh, &gt);
		sc = nu_page_glue_score(d->m, w, nw, i, &gh, &gt, st,
		    &d->feats);
		if (sc > graw)
			graw = sc;
		if (d->word > 0 && nu_page_glue_in_word(w[i].s, w[i].n,
		    pts[p]))
			sc -= d->word;
		/* a title glued to the signature that closed the last page
		   ("Minh AnhTP HCM ...", "NGUYỄN HOÀNG“Cuộc chiến” ..."):
		   the head is the signature, the tail the title; a name
		   alone counts here, where it ends the line's first part */
		if (sc > d->veto && sc > rglue && i + 1 < nw &&
		    title_under(&gh, &gt, &w[i + 1], st, 1)) {
			rglue = sc;
			rcol = pts[p];
		}
		if (sc > glue) {
			glue = sc;
			v->col = pts[p];
			v->head = gh;
			v->tail = gt;
		}
	}
	v->nostart = (ask->whole && graw > line ? graw : line) <= d->veto;
	if (line > bar) {
		v->how = 1;
		bar = line;
	} else if (ask->rules != NULL && line != NONE && !v->nostart &&
	    glue <= bar && (ask->rules(ask->arg) || (i > 0 && i + 1 < nw &&
	    title_under(&w[i - 1], &w[i], &w[i + 1], st, 0)))) {
		v->how = 1;
		bar = line;
	}
	if (ask->rules != NULL && glue <= bar && v->how == 0 &&
	    rglue != NONE) {
		/* the signature's glue point, as the rules' start above */
		glue = bar + 1;
		v->col = rcol;
		nu_page_glue_lines(&w[i], v->col, &v->head, &v->tail);
	}
	/* the surest wins: the line, or a glue point; a page's title that
	   opens with an ASCII quote starts at the quote (the model may not
	   tell an opening quote from a closing one: which it is, the quotes
	   after it say) */
	if (glue > bar) {
		v->how = 2;
		if (opening_quote(w[i].s, w[i].n, v->col)) {
			v->col--;
			nu_page_glue_lines(&w[i], v->col, &v->head, &v->tail);
		}
	} else
		v->col = 0;
	return v->how;
}

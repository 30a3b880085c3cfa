#ifndef NU_PAGE_FEAT_H
#define NU_PAGE_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "nu_json.h"
#include "nu_learn.h"
#include "nu_task.h"

/*
 * Where a page starts (issue 12): the features of a candidate page start
 * and the decision made with the page-start model.  A candidate is a line
 * (a page starts at its first byte) or a point inside a line where a page
 * with no final newline ran into the next one ("...25/04/2022Đoàn công
 * tác ...").  Its features are those of the line or glued tail, of the
 * text before it, of the lines around it, and of the page so far.  The
 * same code runs in newsutils-train (task "page-start") and in
 * split-article, and strip-boilerplate may ask it too, so the three
 * cannot drift.
 */

/* What one line looks like, from today's recognisers: computed once. */
enum {
	NU_PL_PARA	= 1u << 0,	/* article paragraph */
	NU_PL_TITLE	= 1u << 1,	/* title-shaped */
	NU_PL_STRONG	= 1u << 2,	/* a sure title */
	NU_PL_DATELINE	= 1u << 3,	/* a dateline line */
	NU_PL_LDATE	= 1u << 4,	/* opens with a dated dateline */
	NU_PL_IMAGE	= 1u << 5,	/* an image file name */
	NU_PL_SHARE	= 1u << 6,	/* share buttons */
	NU_PL_HEADER	= 1u << 7,	/* a block header */
	NU_PL_RELATED	= 1u << 8,	/* a related-block header */
	NU_PL_COMMENT	= 1u << 9,	/* a comment header */
	NU_PL_URL	= 1u << 10,	/* a source URL */
	NU_PL_BYLINE	= 1u << 11,	/* a byline */
	NU_PL_NAV	= 1u << 12,	/* navigation, menu, label */
	NU_PL_STOP	= 1u << 13,	/* ends with a stop */
	NU_PL_CAPS	= 1u << 14,	/* no lowercase letter */
	NU_PL_CREDIT	= 1u << 15,	/* a photo credit */
	NU_PL_DATEONLY	= 1u << 16,	/* only a date */
	NU_PL_BLANK	= 1u << 17,	/* a blank line came before */
	NU_PL_UPPER	= 1u << 18,	/* opens with a capital or digit */
	NU_PL_COLON	= 1u << 19,	/* ends with a colon */
	NU_PL_TAGS	= 1u << 20,	/* a tags line */
	NU_PL_NAME	= 1u << 21,	/* a person's name alone */
	/* the layout of a rendered page (w3m -dump and the like) */
	NU_PL_INDENT	= 1u << 22,	/* opens with a space or tab */
	NU_PL_BULLET	= 1u << 23,	/* a list item: "  • Home", "12. " */
	NU_PL_FOOTER	= 1u << 24,	/* a copyright notice, a footer */
	NU_PL_MARKUP	= 1u << 25,	/* a form or image mark: "[ ]" */
	NU_PL_CLOCK	= 1u << 26,	/* a media player's clock: "00:00 / 01:45" */
	NU_PL_NFLAGS	= 27
};

/* Lines after a candidate its features read (the window must hold them). */
#define NU_PAGE_AHEAD	8
/* The word sets of nu_pstate: bits, and lines per set (two sets turn). */
#define NU_WORDS_BITS	2048
#define NU_WORDS_LINES	16

/* A line's topic words (4 bytes or more, no stop word), the
   first NU_PWORDS of them, as 16-bit hashes of their lowercase forms. */
#define NU_PWORDS	12
struct nu_pwords {
	unsigned char	n;
	uint16_t	h[NU_PWORDS];
};

struct nu_pline {
	const char	*s;
	size_t		 n;
	uint32_t	 flags;
	uint32_t	 ncp;		/* length in code points */
	/* NU_PL_BYLINE, NU_PL_NAME if asked of s[0..n) (a short line):
	   a clear bit there is a "no" the record need not ask again */
	uint32_t	 asked;
	struct nu_pwords words;
	/* the first glue point (nu_page_glue_points) of s[0..n), capped
	   below NU_GLUE_UNKNOWN; 0: none, and none need be looked for
	   again; NU_GLUE_UNKNOWN: not looked for (a glue point's head and
	   tail, nu_page_glue_lines) */
	uint16_t	 glue0;
};
#define NU_GLUE_UNKNOWN	UINT16_MAX

/* Fill l for s[0..n) (clean NFC text, no newline). */
void	nu_pline_init(struct nu_pline *l, const char *s, size_t n,
	    int after_blank);

/*
 * What a line window keeps of a line's nu_pline: all of it but the bytes,
 * which live in the window's buffer and move when it turns, and the
 * "asked" bits, which only the line's own record reads.  Kept once when
 * the line comes in, viewed again by every decision that reads the line.
 */
struct nu_pkept {
	size_t		 n;
	uint32_t	 flags, ncp;
	struct nu_pwords words;
	uint16_t	 glue0;
};

static inline void
nu_pline_keep(struct nu_pkept *k, const struct nu_pline *l)
{
	k->n = l->n;
	k->flags = l->flags;
	k->ncp = l->ncp;
	k->words = l->words;
	k->glue0 = l->glue0;
}

/* The kept line k, whose bytes are now at s, as a nu_pline. */
static inline void
nu_pline_view(struct nu_pline *l, const char *s, const struct nu_pkept *k)
{
	l->s = s;
	l->n = k->n;
	l->flags = k->flags;
	l->ncp = k->ncp;
	l->words = k->words;
	l->glue0 = k->glue0;
	l->asked = 0;
}

/* The page so far, as the decisions before this one left it. */
struct nu_pstate {
	unsigned	lines;		/* non-blank lines since the start */
	unsigned	paras;		/* paragraphs among them */
	unsigned	since_para;	/* lines since the last paragraph */
	unsigned	tail;		/* share, header, URL, byline after prose */
	unsigned	dated;		/* a dateline was seen */
	unsigned	images;
	unsigned	related;	/* a related or comment header after prose */
	unsigned	share;		/* a share bar after prose */
	unsigned	before;		/* paragraphs before the first of them */
	unsigned	footer;		/* 1 + lines since a footer line, 0 none */
	unsigned	listrun;	/* list items or indented lines just
					   before, in a row */
	uint32_t	longbits;	/* bit k: the line k+1 back was long */
	uint32_t	indbits;	/* bit k: ... was indented or an item */
	uint32_t	blankbits;	/* bit k: ... had a blank line above */
	/* the topic words of the last lines (NU_WORDS_LINES to twice
	   that), as bits of their hashes: the words a title shares with
	   the text before it (nu_page_start_feats) */
	unsigned	wlines;
	uint64_t	words[2][NU_WORDS_BITS / 64];
};

void	nu_pstate_start(struct nu_pstate *st);
/* Line l belongs to the page: update st. */
void	nu_pstate_add(struct nu_pstate *st, const struct nu_pline *l);

/*
 * Candidate points inside line l where a glued page may start: offsets of
 * a capital (or a digit, or an opening quote) right after a character of
 * another kind with no space between, within the last part of the line.
 * Writes up to max offsets in increasing order into out; returns how many.
 */
size_t	nu_page_glue_points(const char *s, size_t n, size_t *out, size_t max);
/* The same, one byte at a time, as on a machine without SSE2: the fuzzer
   checks that both give the same points (tests/fuzz/fuzz_page.c). */
size_t	nu_page_glue_points_bytewise(const char *s, size_t n, size_t *out,
	    size_t max);
/* nu_page_glue_points of line l, not looked for again where
   nu_pline_init found none (l->glue0): split-article and the trainer
   both ask this, so they see the same points. */
size_t	nu_pline_glue_points(const struct nu_pline *l, size_t *out,
	    size_t max);

/*
 * Whether the letters on both sides of glue point col of line i, as one
 * word, are written again as a whole word in the window around it (two
 * lines before, NU_PAGE_AHEAD after) or elsewhere in line i: "reqHeaders",
 * "[SeaMonkey]" then "SeaMonkey logo".  A word of the page, not two
 * pages' words run together: no glue point there.
 */
int	nu_page_glue_word_again(const struct nu_pline *w, size_t nw, size_t i,
	    size_t col);

/*
 * Whether glue point col of s[0..n) has a letter on both sides and the
 * text before it is nothing a page ends with (a byline, a name, a date, a
 * share bar, a URL, a block header): if no page starts there, a split
 * tears a word in two ("CNN|Money", "You|Tube").  nu_page_decide holds
 * such a point back by the model's "glue-word" margin.
 */
int	nu_page_glue_in_word(const char *s, size_t n, size_t col);

/*
 * Whether glue point col of line i is none after all, for what the window
 * says around it: nu_page_glue_word_again, or a byline line whose text
 * from col is a signature again ("Nguồn: MCV|Media L.H (T/h) Theo ...").
 * split-article and the training examples skip such points alike.
 */
int	nu_page_glue_none(const struct nu_pline *w, size_t nw, size_t i,
	    size_t col);

/*
 * Whether glue point col of s[0..n) comes right after the dot of a domain
 * name, a top-level domain and a capital after it ("Theo
 * Vnexpress.NetCụ bà ...", "Hoàng Yến/VOV.VNTết ..."): the page starts
 * after the domain, not inside it.  nu_page_decide skips such a point;
 * the training examples keep it, as the "no page starts here" it is (the
 * page-start model then stays what its recipe gave: retrained without
 * these examples it moved held-out pages by a start either way, NEWS.md).
 */
int	nu_page_glue_domain_dot(const char *s, size_t n, size_t col);

/*
 * The features of "a page starts at byte col of window line i" into f
 * (reset first).  w[0..nw) are the lines of the window (two before i and
 * NU_PAGE_AHEAD after it are read), st the page so far.  col 0: the line itself; col > 0: the text from col is the
 * candidate and the text before it the previous page's last line.
 */
void	nu_page_start_feats(const struct nu_pline *w, size_t nw, size_t i,
	    size_t col, const struct nu_pstate *st, struct nu_feats *f);

/*
 * The two lines a glue point at byte col of line l makes (0 < col < l->n):
 * head, the last line of the page before (with l's blank line before it),
 * and tail, the first line of the next page.  nu_page_start_feats makes
 * them itself; a caller that splits the line there may make them once
 * and keep them (nu_page_glue_feats, nu_page_glue_score).
 */
void	nu_page_glue_lines(const struct nu_pline *l, size_t col,
	    struct nu_pline *head, struct nu_pline *tail);

/* nu_page_start_feats at the glue point of line i whose lines
   nu_page_glue_lines made (its col: tail->s - w[i].s). */
void	nu_page_glue_feats(const struct nu_pline *w, size_t nw, size_t i,
	    const struct nu_pline *head, const struct nu_pline *tail,
	    const struct nu_pstate *st, struct nu_feats *f);

/*
 * Whether line i of w may start a page at all (a paragraph that does
 * not open with a date may not: it is never asked, in training or in use).
 */
int	nu_page_start_candidate(const struct nu_pline *w, size_t i);

/*
 * A margin the model file sets in a header line, tuned on the dev set
 * when it was trained, else 0: "threshold", above which a page starts;
 * "rule-veto", below which the model overrules the rules of nu_page.c.
 */
float	nu_page_start_threshold(const struct nu_model *m, const char *key);

/* The model's margin for a start there, to compare with the threshold. */
float	nu_page_start_score(const struct nu_model *m,
	    const struct nu_pline *w, size_t nw, size_t i, size_t col,
	    const struct nu_pstate *st, struct nu_feats *scratch);

/* nu_page_start_score at a glue point made by nu_page_glue_lines. */
float	nu_page_glue_score(const struct nu_model *m,
	    const struct nu_pline *w, size_t nw, size_t i,
	    const struct nu_pline *head, const struct nu_pline *tail,
	    const struct nu_pstate *st, struct nu_feats *scratch);

/*
 * The decision: does a page start at byte col of window line i?  m is the
 * page-start model (nu_task_model("page-start", path)); scratch holds the
 * features (the caller's, so threads share nothing).
 */
int	nu_page_starts_here(const struct nu_model *m,
	    const struct nu_pline *w, size_t nw, size_t i, size_t col,
	    const struct nu_pstate *st, struct nu_feats *scratch);

/* The examples function of task "page-start" and its labels are declared
   in nu_task.h, with the other tasks'. */

/* Whether a digit is among the first k bytes of s[0..n) (a date near the
   start of a line). */
int	nu_digit_within(const char *s, size_t n, size_t k);

/* Whether s[0..n) ends like a sentence: . ! ? or … , or a closing quote
   after one (no trailing blanks expected). */
int	nu_ends_stop(const char *s, size_t n);

#endif

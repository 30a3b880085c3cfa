#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pcre2.h>
#include <utf8proc.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_input.h"
#include "nu_json.h"
#include "nu_meta.h"
#include "nu_page.h"
#include "nu_page_feat.h"
#include "nu_page_start.h"
#include "nu_utf8.h"

#define LOOKAHEAD	24	/* non-blank lines a decision may read */
#define NAV_RUN		14	/* menu lines looked through for a title */
#define LOOSE_DL	10	/* lines looked through for a dateline */
#define BOX_TITLES	4	/* related titles in a box inside an article */
#define PAGE_CAP	(16u << 20)	/* a "page" this big is cut anyway, */
#define PAGE_LINES	200000		/* and one of this many lines */

/*
 * One non-blank line of the window; its text is arena[off, off + len).
 * Blank lines are not kept (a run of them costs nothing): the next line
 * notes that it came after one.
 */
struct wline {
	size_t		off, len;
	uint64_t	lineno;
	int		fixes;
	unsigned	after_blank:1;
	unsigned	starts:1;	/* a page starts here for sure */
	unsigned	separator:1;	/* a --separator line */
	unsigned	decided:1;	/* split check done (glue) */
	/* features, computed once when the line enters the window */
	unsigned	para:1;		/* paragraph_like */
	unsigned	title:1;	/* title_like */
	unsigned	image:1;	/* an image file name */
	unsigned	share:1;	/* share-button tokens */
	unsigned	header:1;	/* a block header (related, comments) */
	unsigned	tailmark:1;	/* header, URL or byline: the page's tail */
	unsigned	dline:1;	/* a dateline line */
	unsigned	ldate:1;	/* opens with a dated dateline */
	unsigned	glue_title:1;	/* the text after glue is title-like */
	unsigned	gluek:1;	/* glue, glue_title known (glue_of) */
	unsigned	no_byline:1, no_name:1;	/* see nu_page_line */
	unsigned	navk:1;		/* nav known (computed when asked) */
	unsigned	nav:1;		/* navigation (nu_page_nav_line) */
	size_t		navglue;	/* share/date glued to navigation */
	size_t		glue;		/* sentence-glue offset candidate, 0 */
	/* the page-start model's view of the line (nu_page_feat.h): its
	   flags, code points, words and length without the blanks at its
	   end */
	struct nu_pkept	pl;
};

struct nu_splitter {
	struct nu_page_opts	 o;
	nu_page_emit		 emit;
	void			*arg;
	const char		*source;
	struct nu_buf		 arena, nfc, out, tmp;
	struct wline		*w;
	size_t			 nw, capw;
	size_t			 scan;		/* next line to decide */
	void			*sep_md;	/* match data for --separator */
	int			 after_blank;	/* blank lines since the last */
	int			 pending_start;	/* a form feed or BOM came last */
	/* a --separator line waits for text after it before it starts a
	   page: a trailing one then ends the last page instead of making an
	   empty record */
	struct nu_buf		 sep;
	uint64_t		 sep_lineno;
	int			 sep_held, sep_fixes;
	int			 nff;		/* form feeds in this input */
	int			 heuristics;	/* off with explicit separators */
	int			 warned_cap;	/* the page cap was met */
	uint64_t		 records;
	/* state of the page being scanned */
	int			 npara, tail, after_end, prev_image;
	int			 share_run, tail_before;	/* see observe */
	int			 box;		/* related titles inside, +1 */
	int			 seen_title;
	size_t			 prev_off, prev_len;	/* last non-blank */
	/* the page-start model's state of the page, and the model */
	struct nu_pstate	 pst;
	struct nu_page_decider	 dec;
};

static const char *
text(const struct nu_splitter *sp, const struct wline *l)
{
	return sp->arena.p + l->off;
}

/* ---- line shapes ---- */

static size_t
cplen(const char *s, size_t n)
{
	return nu_utf8_count(s, n);
}

static int
is_upper_start(const char *s, size_t n)
{
	long cp;
	int cat;

	while (n > 0 && strchr("\"'“‘(«[", *s) && (unsigned char)*s < 0x80) {
		s++;
		n--;
	}
	if (n >= 3 && (memcmp(s, "“", 3) == 0 || memcmp(s, "‘", 3) == 0)) {
		s += 3;
		n -= 3;
	}
	if (n == 0)
		return 0;
	nu_utf8_decode(s, n, &cp);
	cat = utf8proc_category((utf8proc_int32_t)cp);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
	    cat == UTF8PROC_CATEGORY_ND;
}

/* Ends like a sentence: . ! ? … or a closing quote after one. */
static int
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return nu_ends_stop(s, n);
}

/* A paragraph of article text: long, or sentence-shaped. */
static int
paragraph_like(const char *s, size_t n)
{
	size_t k = cplen(s, n);

	return k >= 200 || (k >= 70 && ends_sentence(s, n));
}

/*
 * The shape of a title: capitalised, three words or more, not too short
 * or long, no final stop (s[0..n) without trailing blanks, k code points).
 */
static int
title_shape(const char *s, size_t n, size_t k)
{
	size_t i, words = 1;
	char last;

	if (k < 10 || k > 300 || n == 0)
		return 0;
	last = s[n - 1];
	if (last == '.' || last == ',' || last == ';' || last == ':')
		return 0;
	if (n >= 3 && memcmp(s + n - 3, "…", 3) == 0)
		return 0;
	for (i = 1; i < n && words < 3; i++)
		if (s[i] == ' ' && s[i - 1] != ' ')
			words++;
	if (words < 3)
		return 0;
	return is_upper_start(s, n);
}

/*
 * A title: one line, capitalised, three words or more, not too short or
 * long, no final stop; not a date, time stamp or person's name (a
 * commenter's name above a dated comment is not a new page).
 */
static int
title_like_dl(const char *s, size_t n, int dateline_known)
{
	size_t k = cplen(s, n);
	struct nu_byline b;
	struct nu_date d;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return title_shape(s, n, k) && !nu_meta_image_line(s, n) &&
	    !nu_meta_url_line(s, n) && !nu_meta_share_line(s, n) &&
	    !nu_meta_date_only(s, n) && nu_meta_header_role(s, n) == NULL &&
	    !nu_meta_reltime_line(s, n) && !nu_meta_name_line(s, n, &b) &&
	    (dateline_known || !nu_meta_dateline_line(s, n, &d));
}

int
nu_page_title_known(const char *s, size_t n, size_t ncp, uint32_t pl)
{
	return title_shape(s, n, ncp) && !(pl & (NU_PL_IMAGE | NU_PL_URL |
	    NU_PL_SHARE | NU_PL_DATEONLY | NU_PL_HEADER | NU_PL_NAME |
	    NU_PL_DATELINE)) && !nu_meta_reltime_line(s, n);
}

/*
 * A line that never starts a page though shaped like a title: a short
 * line in capitals ("VIEW ALL PHOTOS"), a link or widget label ("Read
 * more: ...", "Tags: ..."), a call to follow a link ("Theo dõi ... trên
 * Google News", "Follow us on ..."), a line with fewer than two words of
 * letters ("00:00 / 02:47").
 */
static int
false_start(const char *s, size_t n)
{
	static const char *const calls[] = { "theo dõi ", "follow ",
	    "read more", "read also", "also read", "see also", "xem thêm",
	    "đọc thêm", "Đọc thêm", "subscribe", "đăng ký ", "Đăng ký ",
	    "download ", "tải ứng dụng", "related:", "tags:", "topics:",
	    "từ khóa:", "tác giả:", "nguồn:", "source:", "watch:", "video:",
	    "listen:", NULL };
	size_t i, k, words = 0, alpha = 0, lower = 0;
	long cp;
	int cat;

	/* the calls open with one of a few letters: test that first, then
	   only the calls whose first byte matches, case aside */
	if (n > 0 && strchr("tTfFrRaAsSxXdDwWvVlLnN\xC4", s[0]) != NULL)
		for (k = 0; calls[k] != NULL; k++)
			if ((s[0] | 0x20) == (calls[k][0] | 0x20) &&
			    strlen(calls[k]) <= n &&
			    strncasecmp(s, calls[k], strlen(calls[k])) == 0)
				return 1;
	for (i = 0; i < n && !(lower > 0 && alpha >= 2); i += k) {
		k = nu_utf8_decode(s + i, n - i, &cp);
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (cat == UTF8PROC_CATEGORY_LL)
			lower++;
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) {
			words++;
			alpha += cat >= UTF8PROC_CATEGORY_LU &&
			    cat <= UTF8PROC_CATEGORY_LO;
		}
	}
	return alpha < 2 || (lower == 0 && words <= 4);
}

static int
title_like(const char *s, size_t n)
{
	return title_like_dl(s, n, 0);
}

int
nu_page_title_like(const char *s, size_t n)
{
	return title_like(s, n);
}

/*
 * The last point where a sentence runs into the next without a space, as
 * when a page with no final newline meets the next title
 * ("...phối hợp thực hiện.Hội đàm ..."): a lowercase letter, a stop, an
 * uppercase letter followed by a lowercase one.  Returns the offset of the
 * uppercase letter, or 0.
 */
static size_t
sentence_glue(const char *s, size_t n)
{
	size_t i, best = 0, k;
	long a, b, c;
	size_t la;

	/* the bytes a stop opens with ('…' is E2 80 A6): one test a byte
	   in this loop, which reads every byte of the input */
	static const unsigned char stop[256] = { ['.'] = 1, ['!'] = 1,
	    ['?'] = 1, [0xE2] = 1 };

	for (i = 1; i + 2 < n; i++) {
		if (!stop[(unsigned char)s[i]] || (s[i] == '\xE2' &&
		    !(i + 3 < n && memcmp(s + i, "…", 3) == 0)))
			continue;
		k = s[i] == '.' || s[i] == '!' || s[i] == '?' ? 1 : 3;
		/* the character before the stop */
		la = i;
		while (la > 0 && ((unsigned char)s[la - 1] & 0xC0) == 0x80)
			la--;
		if (la == 0)
			continue;
		la--;
		nu_utf8_decode(s + la, n - la, &a);
		if (utf8proc_category((utf8proc_int32_t)a) !=
		    UTF8PROC_CATEGORY_LL)
			continue;
		if (i + k >= n)
			continue;
		la = nu_utf8_decode(s + i + k, n - i - k, &b);
		if (utf8proc_category((utf8proc_int32_t)b) !=
		    UTF8PROC_CATEGORY_LU || i + k + la >= n)
			continue;
		nu_utf8_decode(s + i + k + la, n - i - k - la, &c);
		if (utf8proc_category((utf8proc_int32_t)c) !=
		    UTF8PROC_CATEGORY_LL)
			continue;
		best = i + k;
	}
	return best;
}

/* A Latin capital with a diacritic at s ("Đ", "Ấ"), roughly: a filter. */
static int
latin_capital(const char *s, size_t n)
{
	long cp;

	nu_utf8_decode(s, n, &cp);
	return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || cp == 0x1A0 ||
	    cp == 0x1AF || (cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0);
}

/* The first byte of s[0..n) that is in set, or NULL. */
static const char *
strpbrk_n(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr(set, s[i]) != NULL && s[i] != '\0')
			return s + i;
	return NULL;
}

/*
 * What line l (text s) is, for the rules and the model; known, when not
 * NULL, is nu_pline_init of the line already made (a glue point's head or
 * tail, scored before the split): the recognisers run once a line.
 */
static void
features(const struct nu_splitter *sp, struct wline *l, const char *s,
    const struct nu_pline *known)
{
	size_t n = l->len;
	struct nu_byline b;
	struct nu_date d;
	const char *ag;
	size_t aglen;
	struct nu_pline pl;

	l->navk = 0;
	l->no_byline = l->no_name = 0;
	if (sp->o.model != NULL) {
		/* the model's flags (nu_page_feat.c), and the rules' read
		   from them: the recognisers run once a line */
		if (known != NULL)
			pl = *known;
		else
			nu_pline_init(&pl, s, n, l->after_blank);
		nu_pline_keep(&l->pl, &pl);
		/* the record's "no" as the recognisers said it, when they
		   read the same bytes (no blank at the end) */
		l->no_byline = pl.n == n && (pl.asked & NU_PL_BYLINE) &&
		    !(pl.flags & NU_PL_BYLINE);
		l->no_name = pl.n == n && (pl.asked & NU_PL_NAME) &&
		    !(pl.flags & NU_PL_NAME);
		l->dline = (pl.flags & NU_PL_DATELINE) != 0;
		l->para = (pl.flags & NU_PL_PARA) != 0;
		l->image = (pl.flags & NU_PL_IMAGE) != 0;
		l->share = (pl.flags & NU_PL_SHARE) != 0;
		l->header = (pl.flags & NU_PL_HEADER) != 0;
		l->tailmark = (pl.flags & (NU_PL_HEADER | NU_PL_URL |
		    NU_PL_BYLINE)) != 0;
		l->title = (pl.flags & NU_PL_TITLE) && !l->tailmark &&
		    !false_start(s, n) && !(l->para && (pl.flags & NU_PL_STOP));
		l->ldate = !l->dline && (pl.flags & NU_PL_LDATE);
		/* glue and glue_title: only a rule the model doubts reads
		   them (article_follows), so they wait until asked */
		return;
	}
	l->dline = nu_meta_dateline_line(s, n, &d);
	l->para = paragraph_like(s, n);
	l->title = !l->dline && title_like_dl(s, n, 1) && !false_start(s, n) &&
	    !(l->para && ends_sentence(s, n));
	l->image = nu_meta_image_line(s, n);
	l->share = nu_meta_share_line(s, n);
	l->header = nu_meta_header_role(s, n) != NULL;
	l->tailmark = l->header || nu_meta_url_line(s, n) ||
	    nu_meta_byline(s, n, &b);
	if (l->tailmark)
		l->title = 0;	/* "By Jane Doe, Reuters" is no title */

	/* a dated lead has a digit near its start: test that before PCRE2 */
	l->ldate = !l->dline && nu_digit_within(s, n, 64) &&
	    nu_meta_dateline_lead(s, n, &d, &ag, &aglen) && d.date[0] != '\0';
	l->glue = sentence_glue(s, n);
	l->glue_title = l->glue && title_like(s + l->glue, n - l->glue);
	l->gluek = 1;
}

/* Line l's glue and glue_title, computed when first asked. */
static const struct wline *
glue_of(const struct nu_splitter *sp, struct wline *l)
{
	const char *s = text(sp, l);

	if (!l->gluek) {
		l->gluek = 1;
		l->glue = sentence_glue(s, l->len);
		l->glue_title = l->glue && title_like(s + l->glue,
		    l->len - l->glue);
	}
	return l;
}

/* ---- the window ---- */

/* Add a line to the window; a blank one (unless kept) only leaves a mark. */
static struct wline *
push(struct nu_splitter *sp, const char *s, size_t n, uint64_t lineno,
    int fixes, int keep)
{
	struct wline *l;
	size_t i;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == n && !keep) {
		sp->after_blank = 1;
		return NULL;
	}
	if (sp->nw == sp->capw) {
		sp->capw = sp->capw ? sp->capw * 2 : 256;
		sp->w = nu_ereallocarray(sp->w, sp->capw, sizeof(*sp->w));
	}
	l = &sp->w[sp->nw++];
	memset(l, 0, sizeof(*l));
	l->off = sp->arena.len;
	nu_buf_add(&sp->arena, s, n);
	l->len = n;
	l->lineno = lineno;
	l->fixes = fixes & NU_FIX_MASK;
	l->after_blank = sp->after_blank;
	sp->after_blank = 0;
	if (sp->pending_start) {
		l->starts = 1;
		sp->pending_start = 0;
	}
	features(sp, l, s, NULL);
	return l;
}

/*
 * Split window line i at byte k: the tail becomes line i + 1.  head and
 * tail, when not NULL, are the two lines' nu_pline_init (the model made
 * them to score the glue point).
 */
static void
split_at(struct nu_splitter *sp, size_t i, size_t k,
    const struct nu_pline *head, const struct nu_pline *tail)
{
	struct wline *l;

	if (sp->nw == sp->capw) {
		sp->capw *= 2;
		sp->w = nu_ereallocarray(sp->w, sp->capw, sizeof(*sp->w));
	}
	memmove(&sp->w[i + 2], &sp->w[i + 1],
	    (sp->nw - i - 1) * sizeof(*sp->w));
	sp->nw++;
	l = &sp->w[i + 1];
	*l = sp->w[i];
	l->off += k;
	l->len -= k;
	l->starts = 1;
	l->after_blank = 0;
	l->glue = 0;
	l->fixes = 0;
	sp->w[i].len = k;
	features(sp, &sp->w[i], text(sp, &sp->w[i]), head);
	features(sp, l, text(sp, l), tail);
	l->glue = 0;
	l->glue_title = 0;
	sp->w[i].glue = 0;
	sp->w[i].glue_title = 0;
	l->gluek = sp->w[i].gluek = 1;
	l->navglue = sp->w[i].navglue = 0;
}

/* A byline (not a block header or URL: those end a page). */
static int
byline_at(const struct wline *l)
{
	return l->tailmark && !l->header && !l->para;
}

/* Line i is a dateline, or the end of the window (not known). */
static int
dated_at(const struct nu_splitter *sp, size_t i)
{
	return i >= sp->nw || sp->w[i].dline;
}

/*
 * The paragraph at line i, after a title and a date, is a related item's
 * summary: a date follows it, or the next title and its date, or the
 * share bar or block header that closes the list.
 */
static int
summary_at(const struct nu_splitter *sp, size_t i)
{
	const struct wline *l;

	if (dated_at(sp, i + 1))
		return 1;
	l = &sp->w[i + 1];
	return l->share || l->header || (l->title && dated_at(sp, i + 2));
}

/*
 * What follows line i looks like the start of an article.  strong: only a
 * dateline line followed by a paragraph, or a lead opening with a dated
 * dateline followed by another paragraph, will do (inside an article,
 * where a false page break costs most).
 */
static int
article_follows(struct nu_splitter *sp, size_t i, int strong)
{
	size_t j = i + 1, k;
	const struct wline *a, *b;

	/* a byline may come between the title and the dateline */
	if (j < sp->nw && byline_at(&sp->w[j]))
		j++;
	if (j >= sp->nw)
		return 0;
	a = glue_of(sp, &sp->w[j]);
	if (a->dline) {
		/* the lead, maybe after a byline, an image and its credit */
		for (j++, k = 0; j < sp->nw && k < 5; j++, k++)
			if (sp->w[j].para)
				return !summary_at(sp, j);
			else if (sp->w[j].image) {
				/* its credit and caption */
				if (j + 1 < sp->nw && nu_meta_credit_line(
				    text(sp, &sp->w[j + 1]), sp->w[j + 1].len))
					j++, k++;
				j++, k++;
			} else if (!byline_at(&sp->w[j]) && sp->w[j].title)
				return 0;
		return 0;
	}
	/* a glued line counts as its head only: the tail is a new title */
	if ((a->glue && a->glue_title) || !a->para || (strong && !a->ldate))
		return 0;
	k = j + 1;
	if (k >= sp->nw)
		return 0;
	b = glue_of(sp, &sp->w[k]);
	if (b->glue && b->glue_title)
		return paragraph_like(text(sp, b), b->glue);
	return b->para || b->image;
}

/* Line i is navigation: a menu item, section label, breadcrumb, ticker. */
static int
nav_at(struct nu_splitter *sp, size_t i)
{
	struct wline *l = &sp->w[i];

	if (!l->navk) {
		l->navk = 1;
		l->nav = !l->para && !l->image && !l->header && !l->share &&
		    !l->dline && !l->starts &&
		    nu_page_nav_line(text(sp, l), l->len) &&
		    !nu_page_strong_title(text(sp, l), l->len);
	}
	return l->nav;
}

/* The rest of a glued line is navigation (not a share bar or header). */
static int
nav_text(const char *s, size_t n)
{
	size_t f;

	/* long text is navigation only as a menu: test that first */
	if (n > 240 && nu_page_menu_seps(s, n, &f) == 0)
		return 0;
	return n > 0 && nu_page_nav_line(s, n) &&
	    !nu_page_strong_title(s, n) && !nu_meta_share_line(s, n) &&
	    nu_meta_header_role(s, n) == NULL;
}

/* A block header that closes a page: related, comments, footer. */
static int
closing_block(const char *s, size_t n)
{
	const char *r = nu_meta_header_role(s, n);

	return r != NULL && (strncmp(r, "related", 7) == 0 ||
	    strncmp(r, "comment", 7) == 0 || strcmp(r, "footer") == 0);
}

/*
 * What follows line t looks like an article, by a looser test than
 * article_follows, for a title found right after glue (so a page has just
 * ended): within LOOSE_DL lines, past a standfirst, byline, agency or
 * share bar, a dateline followed by a paragraph, a lead opening with a
 * dated dateline, or two paragraphs.  A related list (titles or summaries
 * each followed by a date) is no article.
 */
static int
loose_article(struct nu_splitter *sp, size_t t)
{
	size_t j, end = t + 1 + LOOSE_DL;
	int npara = 0, dated = 0, titles = 0;
	const struct wline *l;

	for (j = t + 1; j < sp->nw && j < end; j++) {
		l = &sp->w[j];
		/* tags ("TOPICS:"), share bars, adverts may sit between
		   a dateline and the lead; a related or comment block or a
		   footer ends the search */
		if (l->starts || (l->header && closing_block(text(sp, l),
		    l->len)))
			return 0;
		if (l->dline) {
			if (!dated)	/* the lead may come after tags,
					   an image, a caption */
				end = j + 1 + LOOSE_DL;
			dated = 1;
		} else if (l->para) {
			if (l->ldate)
				return 1;
			/* after a dateline, the lead (a related item's
			   summary is followed by a date, or by the next
			   title and its date) */
			if (dated)
				return !summary_at(sp, j);
			if (++npara >= 2)
				return 1;
		} else if (l->title && !sp->w[j - 1].image &&
		    ((npara > 0 && !dated) || (dated && ++titles >= 2)))
			return 0;	/* titles with summaries or dates */
	}
	return 0;
}

/*
 * A title line among the NAV_RUN + 1 lines after i, before any line that
 * ends a menu run, with an article after it: what menu_article needs,
 * read from the flags (cheap: it gates the costlier tests).
 */
static int
title_ahead(struct nu_splitter *sp, size_t i)
{
	size_t j;
	const struct wline *l;

	for (j = i + 1; j < sp->nw && j <= i + NAV_RUN + 1; j++) {
		l = &sp->w[j];
		if (l->title)
			return loose_article(sp, j);
		if (l->para || l->image || l->dline || l->header || l->share ||
		    l->starts)
			return 0;
	}
	return 0;
}

/*
 * After line i, whose end is navigation glued to a page's tail: a run of
 * up to NAV_RUN more navigation lines, then a title with an article.
 */
static int
menu_article(struct nu_splitter *sp, size_t i)
{
	size_t j;
	const struct wline *t;

	if (!title_ahead(sp, i))
		return 0;
	for (j = i + 1; j < sp->nw && j <= i + NAV_RUN && nav_at(sp, j); j++)
		;
	if (j >= sp->nw)
		return 0;
	t = &sp->w[j];
	return !t->starts && t->title &&
	    nu_page_strong_title(text(sp, t), t->len) && loose_article(sp, j);
}

/*
 * Where the last line of a page's tail (a widget: "Thích (12)", "Xem thêm
 * bình luận", "... are marked *", a related title, a footer menu) runs
 * into the next page with no stop: the first uppercase-then-lowercase
 * letter pair right after a ')', ']', '*', digit or closing quote (head up
 * to 120 characters) or after a lowercase letter (head up to 40, or 120
 * when the head is a menu: "Terms of Use | Privacy | EEO Report"), whose
 * tail is either a title with an article after it (the page state's test,
 * or the loose one after a menu head) or navigation with a menu run, a
 * title and an article after it ("...sân PleikuThời sự").  0 if none.
 */
static size_t
widget_glue(struct nu_splitter *sp, size_t li)
{
	const struct wline *l = &sp->w[li];
	const char *s = text(sp, l);
	size_t n = l->len;
	size_t i, k, ncp = 0, lim = n < 480 ? n : 480, f;
	long a = 0, b, c;
	int follows, menu, head, lower, long_head;
	unsigned char x, y;

	/* what could accept a split, from the flags: a title with an
	   article after this line, or a menu run and a title */
	follows = article_follows(sp, li, !sp->tail);
	if (!follows && !title_ahead(sp, li) && !loose_article(sp, li))
		return 0;
	/* bytes first: a capital right after ')', ']', '*', a digit, an
	   ASCII lowercase letter or the last byte of a multibyte letter;
	   most lines have none */
	for (i = 1; i < lim; i++) {
		x = (unsigned char)s[i - 1];
		y = (unsigned char)s[i];
		if (!(x == ')' || x == ']' || x == '*' || (x >= '0' &&
		    x <= '9') || (x >= 'a' && x <= 'z') || (x >= 0x80 &&
		    x <= 0xBF)))
			continue;
		if ((y >= 'A' && y <= 'Z') || (((y >= 0xC3 && y <= 0xC6) ||
		    y == 0xE1) && latin_capital(s + i, lim - i)))
			break;
	}
	if (i >= lim)
		return 0;
	for (i = 0; i < lim && ncp <= 120; i += k, ncp++, a = b) {
		k = nu_utf8_decode(s + i, n - i, &b);
		if (i == 0 || ncp < 3 || i + k >= n || utf8proc_category(
		    (utf8proc_int32_t)b) != UTF8PROC_CATEGORY_LU)
			continue;
		nu_utf8_decode(s + i + k, n - i - k, &c);
		if (utf8proc_category((utf8proc_int32_t)c) !=
		    UTF8PROC_CATEGORY_LL)
			continue;
		head = a == ')' || a == ']' || a == '*' || a == 0x201D ||
		    (a >= '0' && a <= '9');
		lower = !head && utf8proc_category((utf8proc_int32_t)a) ==
		    UTF8PROC_CATEGORY_LL;
		if (!head && !lower)
			continue;
		/* a lowercase letter before: a head over 40 characters only
		   when it is a menu; the loose test only after a menu */
		long_head = lower && ncp > 40;
		menu = (long_head || !follows) &&
		    nu_page_menu_seps(s, i, &f) >= 2;
		if ((follows || menu) && !(long_head && !menu) &&
		    title_like(s + i, n - i) &&
		    (follows || loose_article(sp, li)))
			return i;
		if (nav_text(s + i, n - i) && menu_article(sp, li))
			return i;
	}
	return 0;
}

/*
 * Navigation glued to line i at byte g ("...reserved.Economy", "...Quốc
 * phòng an ninh", "...2216/GP-TTĐTTrang chủ | Tin tức") opens a page: a
 * menu run, a title and an article follow.
 */
static int
nav_glued(struct nu_splitter *sp, size_t i, size_t g)
{
	const struct wline *l = &sp->w[i];

	return title_ahead(sp, i) && nav_text(text(sp, l) + g, l->len - g) &&
	    menu_article(sp, i);
}

/* Enough look-ahead after line i to decide it (or the input has ended). */
static int
can_decide(const struct nu_splitter *sp, size_t i, int at_end)
{
	return at_end || sp->nw - i - 1 >= LOOKAHEAD;
}

static void
reset_state(struct nu_splitter *sp)
{
	sp->npara = sp->tail = sp->after_end = sp->prev_image = 0;
	sp->seen_title = sp->share_run = sp->tail_before = 0;
	sp->box = 0;
	sp->prev_len = (size_t)-1;
	nu_pstate_start(&sp->pst);
}

/* Does a new page start at line i (non-blank, not the page's first)? */
static int
page_starts(struct nu_splitter *sp, size_t i)
{
	struct wline *l = &sp->w[i];
	const char *s = text(sp, l);
	size_t n = l->len;

	if (l->starts)
		return 1;
	if (!sp->heuristics)
		return 0;
	if (sp->prev_image)
		return 0;		/* a caption */
	/* after the closing share bar, a page unless a related list (titles
	   and dates, no paragraphs) follows */
	if (sp->after_end && !l->share && !l->header &&
	    article_follows(sp, i, 0))
		return 1;
	/* a doubled line is a related-article title, not a new page */
	if (n == sp->prev_len && memcmp(s, sp->arena.p + sp->prev_off, n) == 0)
		return 0;
	if (l->title) {
		if (sp->tail && article_follows(sp, i, 0))
			return 1;
		/* after the closing share bar, a sure title may have its
		   byline, dateline, tags or picture before the lead */
		if (sp->after_end && nu_page_strong_title(s, n) &&
		    loose_article(sp, i))
			return 1;
		if (!sp->tail && sp->npara >= 2 && article_follows(sp, i, 1))
			return 1;
	}
	return 0;
}

/*
 * Line l is prose: a paragraph, or a long line ending in a stop or a
 * colon that opens a list ("... ba việc sau:").
 */
static int
prose_at(const struct nu_splitter *sp, const struct wline *l)
{
	const char *s = text(sp, l);
	size_t n = l->len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return l->para || (!l->title && !l->dline && !l->header &&
	    n > 0 && s[n - 1] == ':' && cplen(s, n) >= 60);
}

/* Update the page state with line i, which belongs to the page. */
static void
observe(struct nu_splitter *sp, size_t i)
{
	struct wline *l = &sp->w[i];
	int tool;

	sp->prev_off = l->off;
	sp->prev_len = l->len;
	tool = l->header && strcmp(nu_meta_header_role(text(sp, l), l->len),
	    "share") == 0;
	if (!sp->seen_title) {
		sp->seen_title = 1;
		return;
	}
	/* a share bar or byline above the first paragraph, or a caption
	   ("Ảnh: X"), is no tail */
	if (sp->prev_image)
		;
	else if (l->share) {
		if (sp->npara > 0) {
			if (!sp->share_run)
				sp->tail_before = sp->tail;
			sp->tail = sp->after_end = sp->share_run = 1;
		}
	} else if (tool && sp->npara > 0) {
		/* a print or e-mail tool ("In bài viết"): tail, but
		   not the closing share bar */
		if (!sp->share_run)
			sp->tail_before = sp->tail;
		sp->tail = sp->share_run = 1;
	} else if (sp->share_run && l->para) {
		/* a paragraph right after the share bar: it was a print
		   or e-mail tool under the lead, and the article goes on */
		sp->tail = sp->tail_before;
		sp->after_end = 0;
		if (!sp->tail)
			sp->npara++;
	} else if (sp->box > 0 && l->title && !l->para) {
		/* a related title in a box inside the article */
		sp->box = sp->box > BOX_TITLES ? 0 : sp->box + 1;
	} else if (sp->box > 1 && prose_at(sp, l) && !summary_at(sp, i) &&
	    (i + 1 >= sp->nw || !sp->w[i + 1].title)) {
		/* a paragraph after a few related titles, no summary of
		   theirs (no date, no title after it): the article goes
		   on after a box of links */
		sp->tail = 0;
		sp->npara++;
	} else if (l->tailmark) {
		if (sp->npara > 0 && !sp->tail && l->header && strcmp(
		    nu_meta_header_role(text(sp, l), l->len),
		    "related-header") == 0)
			sp->box = 1;
		if (sp->npara > 0)
			sp->tail = 1;
	} else if (l->para && !sp->tail)
		sp->npara++;
	if (sp->box > 0 && !l->header && !(l->title && !l->para))
		sp->box = 0;
	if (!l->share && !tool)
		sp->share_run = 0;
	/* a credit between an image and its caption */
	sp->prev_image = l->image || (sp->prev_image &&
	    nu_meta_credit_line(text(sp, l), l->len));
}

static void emit_page(struct nu_splitter *sp, size_t k);

/*
 * Line i is a section label or breadcrumb (not a header or share bar), or
 * a short label of up to four words with no digit or stop ("Bóng đá Việt
 * Nam").
 */
static int
label_line(struct nu_splitter *sp, size_t i)
{
	const struct wline *l = &sp->w[i];
	const char *s = text(sp, l);
	size_t f;

	if (l->header || l->share || l->para || l->image)
		return 0;
	return nu_page_section_label(s, l->len) || (cplen(s, l->len) < 25 &&
	    strpbrk_n(s, l->len, "0123456789.,:;!?") == NULL &&
	    nu_page_menu_seps(s, l->len, &f) == 0 && nav_at(sp, i));
}

/*
 * The lines around window line i as the page-start model sees them: up to
 * two before, NU_PAGE_AHEAD after.  *at is i's index in v.
 */
static size_t
model_view(const struct nu_splitter *sp, size_t i, struct nu_pline *v,
    size_t *at)
{
	size_t a = i >= 2 ? i - 2 : 0, j, b = i + 1 + NU_PAGE_AHEAD < sp->nw ?
	    i + 1 + NU_PAGE_AHEAD : sp->nw;

	for (j = a; j < b; j++) {
		nu_pline_view(&v[j - a], text(sp, &sp->w[j]), &sp->w[j].pl);
	}
	*at = i - a;
	return b - a;
}

static void cut_if_long(struct nu_splitter *sp);

/* The rules' say at a line the model asks them about (nu_page_ask). */
struct rules_at {
	struct nu_splitter	*sp;
	size_t			 i;
};

static int
rules_start(void *arg)
{
	const struct rules_at *r = arg;

	return page_starts(r->sp, r->i);
}

/*
 * Decide as many lines as the look-ahead allows, with the page-start
 * model (nu_page_decide): at each line, does a page start here, or inside
 * it (a page with no final newline glued to the next)?  The model's
 * surest candidate above its threshold wins.  The rules of page_starts
 * keep a say: where they see a page start (they were written on the
 * crawler's own pages), it stands unless the model is sure it is wrong
 * (its margin under "rule-veto").  Hard facts stay rules: an input's
 * first line, a form feed, a --separator line.
 */
static void
advance_model(struct nu_splitter *sp, int at_end)
{
	struct wline *l;
	struct nu_pline v[3 + NU_PAGE_AHEAD], pl;
	struct nu_page_verdict vd;
	struct nu_page_ask ask;
	struct rules_at ra;
	size_t nv, at;

	while (sp->scan < sp->nw) {
		l = &sp->w[sp->scan];
		if (!can_decide(sp, sp->scan, at_end))
			return;
		if (sp->seen_title && l->starts) {
			emit_page(sp, sp->scan);
			continue;
		}
		if (sp->heuristics && !l->decided) {
			l->decided = 1;
			nv = model_view(sp, sp->scan, v, &at);
			ra.sp = sp;
			ra.i = sp->scan;
			ask.first = !sp->seen_title;
			ask.whole = 0;
			ask.rules = rules_start;
			ask.arg = &ra;
			switch (nu_page_decide(&sp->dec, v, nv, at, &sp->pst,
			    &ask, &vd)) {
			case 1:
				emit_page(sp, sp->scan);
				continue;
			case 2:
				split_at(sp, sp->scan, vd.col, &vd.head,
				    &vd.tail);
				l = &sp->w[sp->scan];
				break;
			}
		}
		observe(sp, sp->scan);
		nu_pline_view(&pl, text(sp, l), &l->pl);
		nu_pstate_add(&sp->pst, &pl);
		sp->scan++;
		cut_if_long(sp);
	}
}

/* Bounded memory beats a perfect boundary: the page so far (not the
   look-ahead) is measured. */
static void
cut_if_long(struct nu_splitter *sp)
{
	if (sp->scan < sp->nw && (sp->w[sp->scan].off > PAGE_CAP ||
	    sp->scan >= PAGE_LINES)) {
		if (!sp->warned_cap++)
			nu_warn_at(sp->source, sp->w[sp->scan].lineno,
			    "page longer than %u MiB or %u lines, cut "
			    "here (and so on in this input)",
			    PAGE_CAP >> 20, PAGE_LINES);
		sp->w[sp->scan].starts = 1;
		/* and said in the record, not only on stderr */
		sp->w[sp->scan].fixes |= NU_FIX_CUT;
	}
}

/* Decide as many lines as the look-ahead allows. */
static void
advance(struct nu_splitter *sp, int at_end)
{
	struct wline *l;
	size_t g;

	if (sp->o.model != NULL) {
		advance_model(sp, at_end);
		return;
	}
	while (sp->scan < sp->nw) {
		l = &sp->w[sp->scan];
		if (!can_decide(sp, sp->scan, at_end))
			return;
		/* a share bar or date glued to navigation: split if a menu
		   run, a title and an article follow */
		if (sp->seen_title && sp->heuristics && l->navglue > 0 &&
		    !l->decided) {
			l->decided = 1;
			if (menu_article(sp, sp->scan)) {
				split_at(sp, sp->scan, l->navglue, NULL, NULL);
				l = &sp->w[sp->scan];
			}
		}
		/* in the tail, a widget glued to the next title ("Thích
		   (12)Cần Thơ ...") splits before the line could start a
		   page whole */
		if (sp->seen_title && sp->heuristics && !l->decided &&
		    !l->starts && !l->glue_title && !l->para &&
		    (sp->tail || sp->npara >= 2) &&
		    (g = widget_glue(sp, sp->scan)) > 0) {
			l->decided = 1;
			split_at(sp, sp->scan, g, NULL, NULL);
			l = &sp->w[sp->scan];
		}
		if (sp->seen_title && page_starts(sp, sp->scan)) {
			/* a section label above the title starts the page */
			emit_page(sp, sp->scan >= 2 && !l->starts &&
			    label_line(sp, sp->scan - 1) ?
			    sp->scan - 1 : sp->scan);
			continue;	/* scan is now 0, the new title */
		}
		/* a title glued to the end of this line? */
		if (sp->seen_title && sp->heuristics && !l->decided &&
		    (sp->tail || sp->npara >= 2)) {
			l->decided = 1;
			g = l->glue;
			/* a title after three paragraphs; navigation, which
			   needs a menu run, a title and an article, after
			   two (a short page: "...reserved.Home > World") */
			if (g && !(l->glue_title && (sp->tail ||
			    sp->npara >= 3) && (article_follows(sp, sp->scan,
			    0) || loose_article(sp, sp->scan))) &&
			    !nav_glued(sp, sp->scan, g))
				g = 0;
			/* a menu label glued after a non-paragraph or
			   into a menu line */
			if (g == 0 && title_ahead(sp, sp->scan) &&
			    (!l->para || memchr(text(sp, l), '|',
			    l->len) != NULL) &&
			    (g = nu_meta_nav_glue(text(sp, l), l->len)) > 0 &&
			    !nav_glued(sp, sp->scan, g))
				g = 0;
			if (g > 0) {
				split_at(sp, sp->scan, g, NULL, NULL);
				l = &sp->w[sp->scan];
			}
		}
		observe(sp, sp->scan);
		sp->scan++;
		cut_if_long(sp);
	}
}

struct nu_splitter *
nu_splitter_new(const struct nu_page_opts *o, nu_page_emit emit, void *arg)
{
	struct nu_splitter *sp = nu_emalloc(sizeof(*sp));

	memset(sp, 0, sizeof(*sp));
	sp->o = *o;
	sp->emit = emit;
	nu_page_decider_init(&sp->dec, o->model);
	sp->arg = arg;
	return sp;
}

void
nu_splitter_begin(struct nu_splitter *sp, const char *source)
{
	sp->source = source;
	sp->heuristics = sp->o.heuristics && sp->o.separator == NULL;
	sp->pending_start = sp->nff = sp->warned_cap = sp->sep_held = 0;
	sp->after_blank = 0;
	reset_state(sp);
}

static int
is_separator(struct nu_splitter *sp, const char *s, size_t n)
{
	if (sp->o.separator == NULL)
		return 0;
	if (sp->sep_md == NULL)
		sp->sep_md = pcre2_match_data_create(1, NULL);
	return pcre2_match(sp->o.separator, (PCRE2_SPTR)s, n, 0,
	    PCRE2_NO_UTF_CHECK, sp->sep_md, NULL) >= 0;
}

/* Push the held separator line; it starts a page when text follows. */
static void
put_separator(struct nu_splitter *sp, int starts)
{
	struct wline *l;
	int after_blank = sp->after_blank;

	if (!sp->sep_held)
		return;
	sp->sep_held = 0;
	sp->after_blank = 0;
	l = push(sp, sp->sep.p ? sp->sep.p : "", sp->sep.len, sp->sep_lineno,
	    sp->sep_fixes, 1);
	l->separator = 1;
	l->starts |= starts;
	sp->after_blank = after_blank;
}

static void
add_segment(struct nu_splitter *sp, const char *s, size_t n, uint64_t lineno,
    int fixes)
{
	struct wline *l;
	size_t g, nav;

	if (!(fixes & NU_TEXT_NFC) && !nu_utf8_is_nfc_quick(s, n)) {
		nu_buf_reset(&sp->nfc);
		nu_utf8_nfc(s, n, &sp->nfc);
		s = sp->nfc.p ? sp->nfc.p : "";
		n = sp->nfc.len;
	}
	if (is_separator(sp, s, n)) {
		/* it ends the page before it (so a trailing one makes no
		   empty record); the line after it starts the next page */
		put_separator(sp, 1);
		nu_buf_reset(&sp->sep);
		nu_buf_add(&sp->sep, s, n);
		sp->sep_lineno = lineno;
		sp->sep_fixes = fixes;
		sp->sep_held = 1;
		return;
	}
	/* a page that had no final newline, glued to the next title */
	g = nav = 0;
	if (sp->heuristics && n > 0 && sp->o.model == NULL) {
		g = nu_meta_share_glue(s, n);
		if (g == 0)
			g = nu_meta_date_glue(s, n);
		/* glued to the next page's menu: decided with look-ahead */
		if (g > 0 && !title_like(s + g, n - g)) {
			if (nav_text(s + g, n - g))
				nav = g;
			g = 0;
		}
	}
	if (sp->sep_held && n > strspn(s, " \t"))
		put_separator(sp, 1);
	l = push(sp, s, n, lineno, fixes, 0);
	if (l != NULL && g > 0)
		split_at(sp, sp->nw - 1, g, NULL, NULL);
	else if (l != NULL)
		l->navglue = nav;
}

/*
 * The first form feed or byte order mark in s[0..n), NULL if none.  Both
 * start a page: a form feed is the usual page separator of text dumps, a
 * BOM inside a stream is where a `cat` of Windows-made files put the next
 * file (the reader strips it only at an input's start).
 */
static const char *
page_mark(const char *s, size_t n, size_t *len)
{
	const char *p, *end = s + n;

	for (p = s; p < end; p++) {
		if (*p == '\f') {
			*len = 1;
			return p;
		}
		if (*p == '\xEF' && end - p >= 3 && p[1] == '\xBB' &&
		    p[2] == '\xBF') {
			*len = 3;
			return p;
		}
	}
	return NULL;
}

void
nu_splitter_line(struct nu_splitter *sp, const char *s, size_t n,
    uint64_t lineno, int fixes)
{
	const char *m;
	size_t k;

	/* fast path: neither a form feed nor a BOM byte in the line */
	if (memchr(s, '\f', n) == NULL && memchr(s, '\xEF', n) == NULL)
		add_segment(sp, s, n, lineno, fixes);
	else {
		while ((m = page_mark(s, n, &k)) != NULL) {
			if (m > s)
				add_segment(sp, s, (size_t)(m - s), lineno,
				    fixes);
			/* a stray form feed (a PDF dump) keeps the
			   heuristics; a second one means a form-feed stream */
			if (k == 1 && ++sp->nff >= 2)
				sp->heuristics = 0;
			sp->pending_start = 1;
			n -= (size_t)(m - s) + k;
			s = m + k;
		}
		if (n > 0)
			add_segment(sp, s, n, lineno, fixes);
	}
	advance(sp, 0);
}

void
nu_splitter_end(struct nu_splitter *sp)
{
	put_separator(sp, sp->nw == 0 && sp->records == 0);
	advance(sp, 1);
	emit_page(sp, sp->nw);
	sp->nw = sp->scan = 0;
	nu_buf_reset(&sp->arena);
}

uint64_t
nu_splitter_records(const struct nu_splitter *sp)
{
	return sp->records;
}

void
nu_splitter_free(struct nu_splitter *sp)
{
	nu_buf_free(&sp->arena);
	nu_buf_free(&sp->nfc);
	nu_buf_free(&sp->out);
	nu_buf_free(&sp->tmp);
	nu_buf_free(&sp->sep);
	free(sp->w);
	nu_page_decider_free(&sp->dec);
	pcre2_match_data_free(sp->sep_md);
	free(sp);
}

void
nu_page_id(const char *source, uint64_t line, const char *title, size_t tlen,
    char out[17])
{
	uint64_t h = 1469598103934665603ULL;
	char num[24];
	const char *parts[3];
	size_t lens[3], i, j;

	snprintf(num, sizeof(num), "%llu", (unsigned long long)line);
	parts[0] = source;
	lens[0] = strlen(source);
	parts[1] = num;
	lens[1] = strlen(num);
	parts[2] = title;
	lens[2] = tlen;
	for (i = 0; i < 3; i++) {
		for (j = 0; j < lens[i]; j++) {
			h ^= (unsigned char)parts[i][j];
			h *= 1099511628211ULL;
		}
		if (i < 2) {
			h ^= '\n';
			h *= 1099511628211ULL;
		}
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- building the record ---- */

#include "nu_page_record.h"

/* Emit window lines [0, k) as one record and drop them from the window. */
static void
emit_page(struct nu_splitter *sp, size_t k)
{
	struct nu_page_line *pl;
	size_t i, base, m = 0;

	pl = nu_ereallocarray(NULL, k ? k : 1, sizeof(*pl));
	for (i = 0; i < k; i++) {
		pl[m].s = text(sp, &sp->w[i]);
		pl[m].n = sp->w[i].len;
		pl[m].lineno = sp->w[i].lineno;
		pl[m].fixes = sp->w[i].fixes;
		pl[m].separator = sp->w[i].separator;
		/* a caption must follow its image with no blank line between */
		pl[m].after_blank = sp->w[i].after_blank;
		pl[m].no_byline = sp->w[i].no_byline;
		pl[m].no_name = sp->w[i].no_name;
		m++;
	}
	if (m > 0) {
		nu_buf_reset(&sp->out);
		nu_page_record(sp->source, pl, m, &sp->out, sp->emit, sp->arg);
		sp->emit(sp->out.p, sp->out.len, sp->arg);
		sp->emit("\n", 1, sp->arg);
		sp->records++;
	}
	free(pl);
	/* drop the emitted lines; keep the look-ahead */
	base = k < sp->nw ? sp->w[k].off : sp->arena.len;
	if (base > 0)	/* an empty arena may have no storage yet */
		memmove(sp->arena.p, sp->arena.p + base, sp->arena.len - base);
	sp->arena.len -= base;
	for (i = k; i < sp->nw; i++)
		sp->w[i].off -= base;
	if (k > 0)
		memmove(sp->w, sp->w + k, (sp->nw - k) * sizeof(*sp->w));
	sp->nw -= k;
	sp->scan = 0;
	if (sp->nw > 0)
		sp->w[0].starts = 0;
	reset_state(sp);
}

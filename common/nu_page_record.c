#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_buf.h"
#include "nu_input.h"
#include "nu_json.h"
#include "nu_meta.h"
#include "nu_page.h"
#include "nu_page_feat.h"
#include "nu_page_record.h"
#include "nu_utf8.h"

/* Where each line of the page went. */
enum place {
	P_TITLE, P_DATELINE, P_BODY, P_IMAGE, P_CAPTION, P_BOILER
};

struct slot {
	enum place	 place;
	const char	*role;		/* for P_BOILER */
	size_t		 image;		/* for P_CAPTION: the image line */
};

static int
same(const struct nu_page_line *a, const struct nu_page_line *b)
{
	const char *x = a->s, *y = b->s;
	size_t m = a->n, n = b->n;

	nu_trim_blanks(&x, &m);
	nu_trim_blanks(&y, &n);
	return m == n && memcmp(x, y, n) == 0;
}

/*
 * Near copies: a caption printed twice with a word changed.  The shared
 * prefix and suffix cover 85% of the longer line.
 */
static int
near_same(const struct nu_page_line *a, const struct nu_page_line *b)
{
	size_t m = a->n, n = b->n, max = m > n ? m : n, min = m < n ? m : n;
	size_t pre = 0, suf = 0;

	if (min < 20 || max > 1000 || min * 10 < max * 8)
		return 0;
	while (pre < min && a->s[pre] == b->s[pre])
		pre++;
	while (suf < min - pre && a->s[m - 1 - suf] == b->s[n - 1 - suf])
		suf++;
	return (pre + suf) * 100 >= max * 85;
}

/*
 * A section label or breadcrumb: one or two words ("Kinh tế", "World"),
 * or short parts joined by '>', '›', '»' or '/' ("Home > World").
 */
/* The shape of a section label, s[0..n) without blanks at its ends. */
/*
 * A byte of label_shape's line that is no letter byte (a-z, or from 0x80
 * but 0xC2 and 0xE2, which open » and ›): count it into *words and *seps;
 * 0 if it rules a label out.
 */
static int
label_byte(const char *s, size_t n, size_t i, size_t *words, size_t *seps)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ')
		(*words)++;
	if (c == '>' || c == '/' ||
	    (c == 0xC2 && i + 1 < n && memcmp(s + i, "»", 2) == 0) ||
	    (c == 0xE2 && i + 2 < n && memcmp(s + i, "›", 3) == 0))
		(*seps)++;
	return !(c == '.' || c == ',' || c == ':' || c == '?' ||
	    c == '!' || (c >= '0' && c <= '9'));
}

static int
label_shape(const char *s, size_t n)
{
	size_t i = 0, words = 1, seps = 0;

	if (n == 0 || n > 120)
		return 0;
#ifdef __SSE2__
	/* asked of most short lines, whose bytes are mostly letters: the
	   others found 16 at once */
	for (; i + 16 <= n; i += 16) {
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		__m128i az = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(y,
		    _mm_set1_epi8('a')), _mm_set1_epi8('z' - 'a')),
		    _mm_setzero_si128());
		__m128i hi = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(y,
		    _mm_set1_epi8((char)0xC2)), _mm_cmpeq_epi8(y,
		    _mm_set1_epi8((char)0xE2))), _mm_cmplt_epi8(y,
		    _mm_setzero_si128()));
		unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(az,
		    hi)) & 0xFFFF;

		for (; other != 0; other &= other - 1)
			if (!label_byte(s, n, i + (unsigned)__builtin_ctz(other),
			    &words, &seps))
				return 0;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 0x80 && c != 0xC2 &&
		    c != 0xE2))		/* most bytes: letters */
			continue;
		if (!label_byte(s, n, i, &words, &seps))
			return 0;
	}
	return !(words > 2 && (seps == 0 || words > 4 * (seps + 1)));
}

int
nu_page_section_label(const char *s, size_t n)
{
	nu_trim_blanks(&s, &n);
	return label_shape(s, n) && !nu_meta_image_line(s, n) &&
	    !nu_meta_url_line(s, n);
}

/* Whether the character at s[i] is a letter. */
static int
letter_at(const char *s, size_t n, size_t i)
{
	long cp;
	int c;

	nu_utf8_decode(s + i, n - i, &cp);
	c = nu_utf8_category(cp);
	return c <= UTF8PROC_CATEGORY_LO && c >= UTF8PROC_CATEGORY_LU;
}

/* Words (runs of non-space bytes) of s[0..n) and those opening with a letter. */
static size_t
count_words(const char *s, size_t n, size_t *alpha)
{
	return nu_utf8_words(s, n, letter_at, alpha);
}

/* Spaced menu separators (" | ", " / ", " > ", " • ") in s[0..n). */
size_t
nu_page_menu_seps(const char *s, size_t n, size_t *first)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} seps[] = { { " | ", 3 }, { " / ", 3 }, { " > ", 3 }, { " » ", 4 },
	    { " › ", 5 }, { " • ", 5 }, { " · ", 4 } };
	size_t i, k, c = 0;
	const char *p;

	*first = n;
	for (i = 0; i + 1 < n; i++) {
		/* every separator opens with a blank, then one of these:
		   the blanks are found by memchr */
		if (s[i] != ' ') {
			if ((p = memchr(s + i, ' ', n - 1 - i)) == NULL)
				break;
			i = (size_t)(p - s);
		}
		switch ((unsigned char)s[i + 1]) {
		case '|': case '/': case '>': case 0xC2: case 0xE2:
			break;
		default:
			continue;
		}
		for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
			if (seps[k].len <= n - i &&
			    memcmp(s + i, seps[k].s, seps[k].len) == 0) {
				if (c++ == 0)
					*first = i;
				break;
			}
	}
	return c;
}

/*
 * Navigation above a title: a section label or breadcrumb, a menu on one
 * line ("Home | News | Sport"), a short label of up to four words ("Watch
 * Live", "Bóng đá Việt Nam"), a ticker with fewer than three words of
 * letters ("VN-Index 1.312,45 +8,21").
 */
/* The part of nu_page_nav_line after the recognisers have said no. */
static int
nav_shape(const char *s, size_t n)
{
	size_t alpha, c, first, fa;

	count_words(s, n, &alpha);
	c = nu_page_menu_seps(s, n, &first);
	if (c >= 2 || (c == 1 && count_words(s, first, &fa) <= 3))
		return 1;
	if (alpha <= 4 && nu_utf8_count(s, n) < 25 && !strchr(".!?", s[n - 1]))
		return 1;
	return alpha < 3 && nu_utf8_count(s, n) < 60;
}

int
nu_page_nav_line(const char *s, size_t n)
{
	struct nu_date d;
	struct nu_byline b;

	nu_trim_blanks(&s, &n);
	if (n == 0 || nu_page_section_label(s, n))
		return 1;
	/* a dateline or byline means the title is above it */
	if (nu_meta_dateline_line(s, n, &d) || nu_meta_byline(s, n, &b) ||
	    nu_meta_image_line(s, n))
		return 0;
	return nav_shape(s, n);
}

int
nu_page_nav_known(const char *s, size_t n, uint32_t pl)
{
	/* blanks at the ends: the recognisers read other bytes */
	if (n == 0 || s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t')
		return nu_page_nav_line(s, n);
	if (label_shape(s, n) && !(pl & (NU_PL_IMAGE | NU_PL_URL)))
		return 1;
	if (pl & (NU_PL_DATELINE | NU_PL_BYLINE | NU_PL_IMAGE))
		return 0;
	return nav_shape(s, n);
}

/*
 * The title under navigation or a dateline: title-shaped, or a teaser
 * title that trails off ("... khi biết sự thật lại là…"): a stop ends no
 * title, an ellipsis may (the page-start features keep the stricter
 * shape: this only picks the title line of a page already found).
 */
static int
title_below(const char *s, size_t n)
{
	if (nu_page_title_like(s, n))
		return 1;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > 3 && memcmp(s + n - 3, "…", 3) == 0 &&
	    s[n - 4] != '.' && nu_page_title_like(s, n - 3);
}

/* A title sure enough to pass navigation for: long and shaped as a
 * title by the test given (a title below a header, or any title). */
static int
strong_title_shaped(const char *s, size_t n,
    int (*shaped)(const char *, size_t))
{
	size_t alpha;

	nu_trim_blanks(&s, &n);
	count_words(s, n, &alpha);
	return !nu_page_nav_line(s, n) && shaped(s, n) &&
	    alpha >= 3 && (alpha >= 5 || nu_utf8_count(s, n) >= 25);
}

static int
strong_title_below(const char *s, size_t n)
{
	return strong_title_shaped(s, n, title_below);
}

int
nu_page_strong_title(const char *s, size_t n)
{
	return strong_title_shaped(s, n, nu_page_title_like);
}

/*
 * Line j is the first of a paragraph wrapped into lines (w3m's dumps cut
 * at 100 columns): 80 characters or more, and the next line, with no
 * blank between, goes on in lowercase (a dateline aside).  No title, however it is shaped.
 */
static int
wrapped(const struct nu_page_line *pl, size_t j, size_t n)
{
	struct nu_date d;
	long cp;

	if (j + 1 >= n || pl[j + 1].after_blank || pl[j + 1].separator ||
	    pl[j].n < 80 || pl[j + 1].n == 0 ||
	    nu_utf8_count(pl[j].s, pl[j].n) < 80)
		return 0;
	nu_utf8_decode(pl[j + 1].s, pl[j + 1].n, &cp);
	/* "ngày 27 tháng 9 năm 2018 | 18:57" under a title is its dateline */
	return nu_utf8_category(cp) == UTF8PROC_CATEGORY_LL &&
	    !(pl[j + 1].n <= 120 && nu_meta_dateline_line(pl[j + 1].s,
	    pl[j + 1].n, &d));
}

/*
 * Lines [t, j) are all section labels or menus ("Trang chủ", "Thời sự",
 * "Kinh tế > Tài chính", "Trang chủ | Thời sự | Thế giới"); a short title ("Bão số 3 đổ bộ") is not one.
 */
static int
labels_only(const struct nu_page_line *pl, size_t t, size_t j)
{
	size_t first;

	for (; t < j; t++)
		if (!nu_page_section_label(pl[t].s, pl[t].n) &&
		    nu_page_menu_seps(pl[t].s, pl[t].n, &first) < 2)
			return 0;
	return 1;
}

/*
 * A short title with its writer's name under it ("Some Other Title",
 * "Jane Doe"): a title, not a label of the site's menu.
 */
static int
named_title(const struct nu_page_line *pl, size_t t, size_t n)
{
	struct nu_byline b;

	return t + 1 < n && !pl[t + 1].separator && pl[t + 1].n <= 60 &&
	    nu_page_title_like(pl[t].s, pl[t].n) &&
	    !nu_page_section_label(pl[t].s, pl[t].n) &&
	    nu_meta_name_under_title(pl[t + 1].s, pl[t + 1].n, &b);
}

/* A line of prose: 200 characters, or 70 ending in a stop or a colon. */
static int
prose_line(const char *s, size_t n)
{
	size_t k;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n < 70 || (k = nu_utf8_count(s, n)) < 70)
		return 0;
	return k >= 200 || strchr(".!?:", s[n - 1]) != NULL;
}

/*
 * A block header or share bar among lines (t, i) with no prose after it
 * (a box of related links inside the article is followed by more of
 * it): the tail has begun.
 */
static int
tail_before(const struct nu_page_line *pl, size_t t, size_t i)
{
	int tail = 0;

	for (t++; t < i; t++)
		if (nu_meta_header_role(pl[t].s, pl[t].n) != NULL ||
		    nu_meta_share_line(pl[t].s, pl[t].n))
			tail = 1;
		else if (tail && prose_line(pl[t].s, pl[t].n))
			tail = 0;
	return tail;
}

/*
 * A block header or share bar before line i: a related item's date under
 * it is not the article's.  Lines from *scan on are looked at, once per
 * record (*seen keeps the answer).
 */
static int
block_before(const struct nu_page_line *pl, size_t i, size_t *scan,
    int *seen)
{
	for (; !*seen && *scan < i; (*scan)++)
		*seen = nu_meta_header_role(pl[*scan].s, pl[*scan].n) != NULL ||
		    nu_meta_share_line(pl[*scan].s, pl[*scan].n);
	return *seen;
}

/* One of the k lines from j on is a paragraph (the lead is near). */
static int
para_within(const struct nu_page_line *pl, size_t j, size_t n, size_t k)
{
	for (; j < n && k > 0; j++, k--)
		if (pl[j].n >= 280 || (pl[j].n >= 70 &&
		    nu_utf8_count(pl[j].s, pl[j].n) >= 70))
			return 1;
	return 0;
}

/*
 * Only the page's tail (or nothing) from line j on: the article ended.  A
 * dateline line first is passed over ("Khánh Hương", "26/11/2018", then
 * "Tin khác": the name is the byline).
 */
static int
tail_follows(const struct nu_page_line *pl, size_t j, size_t n)
{
	struct nu_byline b;
	struct nu_date d;

	while (j < n && pl[j].separator)
		j++;
	if (j < n && pl[j].n <= 120 && nu_meta_dateline_line(pl[j].s,
	    pl[j].n, &d))
		for (j++; j < n && pl[j].separator; j++)
			;
	if (j >= n)
		return 1;
	return nu_meta_url_line(pl[j].s, pl[j].n) ||
	    nu_meta_share_line(pl[j].s, pl[j].n) ||
	    nu_meta_header_role(pl[j].s, pl[j].n) != NULL ||
	    nu_meta_tags_line(pl[j].s, pl[j].n) ||
	    nu_meta_byline(pl[j].s, pl[j].n, &b);
}

/*
 * The article ends before line j: only a byline, a name or a signature
 * or two (the author under the last paragraph: "Hải Anh", "L.H",
 * "TTXVN/Tin Tức", "PV."), then the page's tail or nothing.
 */
static int
article_ends(const struct nu_page_line *pl, size_t j, size_t n)
{
	struct nu_byline b;
	int k;

	for (k = 0; k < 3; k++) {
		while (j < n && pl[j].separator)
			j++;
		if (tail_follows(pl, j, n))
			return 1;
		if (!nu_meta_name_line(pl[j].s, pl[j].n, &b) &&
		    !nu_meta_byline(pl[j].s, pl[j].n, &b) &&
		    !(pl[j].n <= 100 && nu_meta_signature(pl[j].s, pl[j].n,
		    &b) != 0))
			return 0;
		j++;
	}
	return 0;
}

/*
 * Line i under an image file name is the writer's name, not the
 * picture's caption: a name or a signature, then the page's tail or
 * nothing ("anh-1.jpg", "Hữu Tuấn", "Tin khác").
 */
static int
name_under_image(const struct nu_page_line *pl, size_t i, size_t n)
{
	struct nu_byline b;

	return pl[i].n <= 100 && (nu_meta_name_line(pl[i].s, pl[i].n, &b) ||
	    nu_meta_signature(pl[i].s, pl[i].n, &b) != 0) &&
	    tail_follows(pl, i + 1, n);
}

/* A site's name as a source line gives it ("tinvn.info", "VOV.VN"). */
static int
site_name(const char *s, size_t n)
{
	size_t dot;

	nu_trim_blanks(&s, &n);
	if (n < 4 || memchr(s, ' ', n) != NULL)
		return 0;
	for (dot = n; dot > 0 && s[dot - 1] != '.'; dot--)
		;
	/* a dot inside, two letters or more after the last */
	return dot > 1 && n - dot >= 2;
}

/*
 * A line under an image file name that is no caption: the page's
 * dateline, or a byline or signature other than a photo credit ("Theo
 * soha.vn", "Hoàng (TH)" under the last picture; "Ảnh: Giang Huy" is the
 * picture's).
 */
static int
no_caption(const char *s, size_t len)
{
	struct nu_date d;
	struct nu_byline b;

	if (len > 100)
		return 0;
	if (len <= 64 && nu_meta_dateline_line(s, len, &d))
		return 1;
	/* "Nguồn: cafef.vn" names the page's source, not the picture's */
	if (nu_meta_byline(s, len, &b) && b.author == NULL &&
	    b.agency != NULL && site_name(b.agency, b.agency_len))
		return 1;
	return (nu_meta_byline(s, len, &b) ||
	    nu_meta_signature(s, len, &b) % 2 == 1) &&	/* MARKED, LABEL */
	    !nu_meta_credit_line(s, len);
}

/* Line i comes right after the title t, or after a dateline under it. */
static int
right_under_title(const struct slot *slot, size_t t, size_t i)
{
	size_t j;

	if (i > t + 2)
		return 0;
	for (j = t + 1; j < i; j++)
		if (slot[j].place != P_DATELINE && !(slot[j].place ==
		    P_BOILER && strcmp(slot[j].role, "dateline") == 0))
			return 0;
	return 1;
}

/*
 * The byline's author and agency, where none was taken yet.  A source
 * line naming a site and no writer ("Nguồn: tinvn.info" under the
 * article) stands over an outlet named before it that is no site (the
 * writer's own "(theo CNBC)", "Theo An Bình (Khám Phá)"): the page says
 * where it took the article from.
 */
static void
take_byline(const struct nu_byline *by, const char **author,
    size_t *author_len, const char **agency, size_t *agency_len)
{
	if (*author == NULL && by->author != NULL) {
		*author = by->author;
		*author_len = by->author_len;
	}
	if (*agency != NULL && by->author == NULL && by->agency != NULL &&
	    site_name(by->agency, by->agency_len) &&
	    !site_name(*agency, *agency_len)) {
		*agency = by->agency;
		*agency_len = by->agency_len;
	}
	if (*agency == NULL && by->agency != NULL) {
		*agency = by->agency;
		*agency_len = by->agency_len;
	}
}

/* Whether s[0..n) holds the text w[0..k) (k > 0). */
static int
has_text(const char *s, size_t n, const char *w, size_t k)
{
	const char *p, *e = s + n;

	for (p = s; k <= (size_t)(e - p) &&
	    (p = memchr(p, w[0], (size_t)(e - p) - k + 1)) != NULL; p++)
		if (memcmp(p, w, k) == 0)
			return 1;
	return 0;
}

/*
 * A dateline line above the title is the page's: its date, and the
 * line's place (boilerplate when the date is only part of it).
 */
static void
take_top_dateline(struct slot *sl, const struct nu_page_line *l,
    const struct nu_date *d, struct nu_date *dl, const char **dl_text,
    size_t *dl_len)
{
	sl->place = P_DATELINE;
	if (d->off > 0 || d->len < l->n) {
		sl->place = P_BOILER;
		sl->role = "dateline";
	}
	*dl = *d;
	*dl_text = l->s + d->off;
	*dl_len = d->len;
}

/* Lines under a repeated title looked through for its dateline. */
#define AGAIN_WITHIN	4

/*
 * Line i repeats the title t: the same text, or its first 30 bytes or
 * more where a narrow page wrapped it.
 */
static int
title_again(const struct nu_page_line *pl, size_t t, size_t i)
{
	const char *a = pl[t].s, *b = pl[i].s;
	size_t m = pl[t].n, k = pl[i].n;

	nu_trim_blanks(&a, &m);
	nu_trim_blanks(&b, &k);
	return k > 0 && (k == m || (k >= 30 && k < m && a[k] == ' ')) &&
	    memcmp(a, b, k) == 0;
}

/*
 * The title printed again below it (a page's header among its menus),
 * then within AGAIN_WITHIN lines a dateline line or a dated byline ("by
 * Jane Doe July 10, 2015"): that date is the page's, and the byline's
 * name its author when none was found.  A body line it comes from becomes
 * the dateline (boilerplate, role dateline or byline, when the date is
 * part of it): 1; a line already placed stays where it is: 0.
 */
static int
header_again(const struct nu_page_line *pl, struct slot *slot, size_t t,
    size_t n, struct nu_date *dl, const char **dl_text, size_t *dl_len,
    const char **author, size_t *author_len)
{
	struct nu_byline b;
	struct nu_date d;
	size_t i, j, k;
	int by;

	for (i = t + 1; i < n; i++) {
		if (pl[i].separator || !title_again(pl, t, i))
			continue;
		for (j = i + 1, k = 0; j < n && k < AGAIN_WITHIN; j++) {
			if (pl[j].separator)
				continue;
			k++;
			if (title_again(pl, t, j) || pl[j].n > 160)
				continue;
			by = 0;
			if (!(pl[j].n <= 120 && nu_meta_dateline_line(pl[j].s,
			    pl[j].n, &d) && d.by == NULL && d.agency == NULL) &&
			    !(by = nu_meta_byline_dated(pl[j].s, pl[j].n, 0, &b,
			    &d) && d.date[0] != '\0'))
				continue;
			*dl = d;
			*dl_text = pl[j].s + d.off;
			*dl_len = d.len;
			if (by && *author == NULL) {
				*author = b.author;
				*author_len = b.author_len;
			}
			if (slot[j].place != P_BODY)
				return 0;
			slot[j].place = P_DATELINE;
			if (by || d.off > 0 || d.len < pl[j].n) {
				slot[j].place = P_BOILER;
				slot[j].role = by ? "byline" : "dateline";
			}
			return 1;
		}
	}
	return 0;
}

/* Lines after the title looked through for a lead with an agency. */
#define LEAD_WITHIN	20

/* Lines after the title looked through for a dateline. */
#define DL_WITHIN	8

/* Navigation lines looked through for the title. */
#define NAV_MAX	16

#define FLUSH_AT	(1u << 20)

/* Where a record's pieces go once out is big (see nu_page_record). */
struct sink {
	struct nu_buf	*out;
	nu_page_emit	 flush;
	void		*arg;
};

static void
maybe_flush(struct sink *k)
{
	if (k->flush != NULL && k->out->len >= FLUSH_AT) {
		k->flush(k->out->p, k->out->len, k->arg);
		nu_buf_reset(k->out);
	}
}

/* A JSON string written in 1 MiB parts, so a huge line is not copied whole. */
static void
add_big_str(struct sink *k, const char *s, size_t n)
{
	size_t part;

	nu_buf_addc(k->out, '"');
	while (n > 0) {
		part = n < FLUSH_AT ? n : FLUSH_AT;
		nu_json_add_str_part(k->out, s, part);
		maybe_flush(k);
		s += part;
		n -= part;
	}
	nu_buf_addc(k->out, '"');
}

static void
add_str_field(struct sink *k, int *first, const char *key, const char *s,
    size_t n)
{
	if (n == 0)
		return;
	nu_json_add_key(k->out, first, key);
	add_big_str(k, s, n);
}

void
nu_page_record(const char *source, const struct nu_page_line *pl, size_t n,
    struct nu_buf *out, nu_page_emit flush, void *arg)
{
	struct sink sink = { out, flush, arg };
	struct slot *slot;
	struct nu_date dl = {0}, d;
	struct nu_byline by, b2;
	const char *author = NULL, *agency = NULL, *url = NULL;
	int weak_author = 0, weak;	/* the author is a label ("PV") or
					   a photo credit's */
	const char *dl_text = NULL, *ag;
	size_t author_len = 0, agency_len = 0, url_len = 0, dl_len = 0, ag_len;
	size_t i, t, j, uo, start, last_text = 0, nbody = 0, npara = 0;
	int first = 1, have_last = 0, k, dl_lead = 0, dl_open, isdl, sg;
	int blk_seen = 0, lead2, under;
	size_t blk_scan;
	char id[17];

	slot = nu_ereallocarray(NULL, n, sizeof(*slot));
	memset(slot, 0, n * sizeof(*slot));

	/* separators before the title */
	for (t = 0; t < n && pl[t].separator; t++) {
		slot[t].place = P_BOILER;
		slot[t].role = "separator";
	}
	start = t;
	/* a dateline above the title ("17/11/2018 12:15", then the title):
	   the page's first line but not its title */
	if (t + 1 < n && !pl[t + 1].separator &&
	    nu_meta_dateline_line(pl[t].s, pl[t].n, &d) && d.by == NULL &&
	    d.agency == NULL && title_below(pl[t + 1].s, pl[t + 1].n)) {
		take_top_dateline(&slot[t], &pl[t], &d, &dl, &dl_text, &dl_len);
		t++;
	}
	/* a section label or breadcrumb above the title ("Kinh tế",
	   "Home > World") is navigation; the title is the line after it */
	if (t + 1 < n && !pl[t + 1].separator && nu_page_section_label(pl[t].s, pl[t].n)
	    && title_below(pl[t + 1].s, pl[t + 1].n)) {
		slot[t].place = P_BOILER;
		slot[t].role = "navigation";
		t++;
	}
	/* menus and stacked labels above the title ("Home | News", "Economy",
	   "China Economy"): the title is the first long title-like line
	   after a run of navigation lines; or the run ends with the
	   dateline, the title under it ("Đời sống", "18-1-2019", the
	   title) */
	if (t < n && !strong_title_below(pl[t].s, pl[t].n) &&
	    !named_title(pl, t, n)) {
		for (j = t; j < n && j < t + NAV_MAX && !pl[j].separator &&
		    nu_page_nav_line(pl[j].s, pl[j].n) &&
		    !strong_title_below(pl[j].s, pl[j].n); j++)
			;
		if (j > t && j < n && !pl[j].separator &&
		    strong_title_below(pl[j].s, pl[j].n) &&
		    !wrapped(pl, j, n)) {
			for (; t < j; t++) {
				slot[t].place = P_BOILER;
				slot[t].role = "navigation";
			}
		} else if (j > t && j + 1 < n && dl_text == NULL &&
		    !pl[j].separator && !pl[j + 1].separator &&
		    pl[j].n <= 120 && labels_only(pl, t, j) &&
		    nu_meta_dateline_line(pl[j].s, pl[j].n, &d) &&
		    d.by == NULL && d.agency == NULL &&
		    strong_title_below(pl[j + 1].s, pl[j + 1].n)) {
			for (; t < j; t++) {
				slot[t].place = P_BOILER;
				slot[t].role = "navigation";
			}
			take_top_dateline(&slot[t], &pl[t], &d, &dl, &dl_text,
			    &dl_len);
			t++;
		}
	}
	if (t < n)
		slot[t].place = P_TITLE;
	if (t < n) {
		last_text = t;
		have_last = 1;
	}
	blk_scan = t + 1;
	for (i = t + 1; i < n; i++) {
		const char *s = pl[i].s;
		size_t len = pl[i].n;

		slot[i].place = P_BODY;
		if (pl[i].separator) {
			slot[i].place = P_BOILER;
			slot[i].role = "separator";
			continue;
		}
		/* between an image and its labelled caption, a credit line
		   ("Image source, PA Media") */
		if (i > t + 1 && slot[i - 1].place == P_IMAGE &&
		    !pl[i].after_blank && i + 1 < n && !pl[i + 1].after_blank &&
		    nu_meta_credit_line(s, len) &&
		    nu_meta_caption_label(pl[i + 1].s, pl[i + 1].n)) {
			slot[i].place = P_BOILER;
			slot[i].role = "credit";
			slot[i + 1].place = P_CAPTION;
			slot[i + 1].image = i - 1;
			last_text = ++i;
			have_last = 1;
			continue;
		}
		/* the line right after an image file name is its caption */
		if (i > t + 1 && slot[i - 1].place == P_IMAGE &&
		    !pl[i].after_blank && !nu_meta_image_line(s, len) &&
		    !nu_meta_url_line(s, len) &&
		    nu_meta_header_role(s, len) == NULL && !no_caption(s, len) &&
		    !name_under_image(pl, i, n)) {
			slot[i].place = P_CAPTION;
			slot[i].image = i - 1;
			last_text = i;
			have_last = 1;
			continue;
		}
		if (nu_meta_image_line(s, len)) {
			slot[i].place = P_IMAGE;
			continue;
		}
		if (have_last && (same(&pl[last_text], &pl[i]) ||
		    near_same(&pl[last_text], &pl[i]))) {
			slot[i].place = P_BOILER;
			slot[i].role = slot[last_text].place == P_CAPTION ?
			    "caption-duplicate" : "duplicate";
			continue;
		}
		/* the dateline, maybe after a standfirst and a byline, or
		   under the last paragraph (before the byline and the
		   page's tail: many sites print it there).  A dateline line
		   with a year stands over a date the lead opened with
		   ("Sáng 29/7, ..." and "00h00, 29/07/2018" under it) */
		/* with the lead's date, a plain dateline is short */
		dl_open = dl_text == NULL || (dl_lead && len <= 64);
		isdl = ((nbody == 0 || (dl_open && i <= t + DL_WITHIN)) &&
		    nu_meta_dateline_line(s, len, &d)) || (dl_open &&
		    nbody > 0 && nu_meta_dateline_line(s, len, &d) &&
		    article_ends(pl, i + 1, n) && !tail_before(pl, t, i));
		if (isdl && dl_lead && !((dl_lead == 2 || (d.date[0] >= '0' &&
		    d.date[0] <= '9')) && !block_before(pl, i, &blk_scan,
		    &blk_seen)))
			isdl = 0;
		if (isdl) {
			/* "Updated ..." after it */
			if (dl_text != NULL && !dl_lead) {
				slot[i].place = P_BOILER;
				slot[i].role = "dateline";
				continue;
			}
			dl_lead = 0;
			slot[i].place = P_DATELINE;
			dl = d;
			dl_text = s + d.off;
			dl_len = d.len;
			if (d.by != NULL || d.agency != NULL) {
				/* a date and a byline: the raw line is kept
				   as the byline */
				slot[i].place = P_BOILER;
				slot[i].role = "byline";
				by.author = d.by;
				by.author_len = d.by_len;
				by.agency = d.agency;
				by.agency_len = d.agency_len;
				take_byline(&by, &author, &author_len, &agency,
				    &agency_len);
			} else if (d.off > 0 || d.len < len) {
				/* the date is part of the line: keep it */
				slot[i].place = P_BOILER;
				slot[i].role = "dateline";
			}
			continue;
		}
		if (nbody == 0 && nu_meta_reltime_line(s, len)) {
			slot[i].place = P_BOILER;
			slot[i].role = "dateline";
			continue;
		}

		if ((uo = nu_meta_url_line(s, len)) > 0) {
			slot[i].place = P_BOILER;
			slot[i].role = "source-url";
			if (url == NULL) {
				url = s + uo - 1;
				url_len = len - (uo - 1);
				nu_trim_blanks(&url, &url_len);
			}
			continue;
		}
		/* the writer's name alone right under the title (or its
		   dateline), as English pages print it ("Nikhil Marathe",
		   then anything: a kicker, a picture, the lead) */
		under = nbody == 0 && author == NULL && len <= 160 ?
		    right_under_title(slot, t, i) : 0;
		memset(&d, 0, sizeof(d));
		/* the byline forms below come first ("Theo Webmaster
		   Vnexpress.Net" is no name and an agency) */
		if (nbody == 0 && author == NULL && len <= 160 && (under ||
		    (s[0] | 0x20) == 'b' || (s[0] | 0x20) == 'w') &&
		    ((under && len <= 60 &&
		    nu_meta_name_under_title(s, len, &by)) ||
		    nu_meta_byline_dated(s, len, under, &by, &d)) &&
		    (pl[i].no_byline || !nu_meta_byline(s, len, &b2))) {
			slot[i].place = P_BOILER;
			slot[i].role = "byline";
			take_byline(&by, &author, &author_len, &agency,
			    &agency_len);
			/* "By Jane Doe on January 5, 2024" */
			if (dl_text == NULL && d.date[0] != '\0') {
				dl = d;
				dl_text = s + d.off;
				dl_len = d.len;
			}
			continue;
		}
		/* a byline; a name alone above the lead or as the
		   article's last line (the page's tail or end after it); a
		   signature in the other forms sites print (nu_sign.c: one
		   with marks where a byline may stand, a name of one word
		   only as the last line) */
		sg = 0;
		if ((!pl[i].no_byline && nu_meta_byline(s, len, &by)) ||
		    (((!pl[i].no_name && nu_meta_name_line(s, len, &by)) ||
		    (len <= 100 && (sg = nu_meta_signature(s, len, &by)) != 0)) &&
		    (sg == NU_SIGN_MARKED || sg == NU_SIGN_LABEL || (nbody > 0 ?
		    tail_follows(pl, i + 1, n) : sg == 0 &&
		    para_within(pl, i + 1, n, 3))) && !tail_before(pl, t, i) &&
		    /* "BÌNH LUẬN" over the comments is no name */
		    nu_meta_header_role(s, len) == NULL)) {
			/* "Theo Hoàng": a pen name of one word, not an
			   agency */
			if (by.author == NULL && by.agency != NULL &&
			    nu_meta_name_word1(by.agency, by.agency_len) &&
			    !nu_meta_agency_shape(by.agency, by.agency_len)) {
				by.author = by.agency;
				by.author_len = by.agency_len;
				by.agency = NULL;
			}
			slot[i].place = P_BOILER;
			slot[i].role = "byline";
			/* "Nhóm PV" then "HẠ HUYỀN", "Ảnh: Getty." then
			   "Thế Long": the name signs, over a label or a
			   photo credit */
			weak = sg == NU_SIGN_LABEL ||
			    nu_meta_credit_line(s, len);
			if (weak_author && by.author != NULL && !weak) {
				author = NULL;
				weak_author = 0;
			}
			if (author == NULL && by.author != NULL && weak)
				weak_author = 1;
			take_byline(&by, &author, &author_len, &agency,
			    &agency_len);
			continue;
		}
		/* the lead paragraph may open with the dateline and agency;
		   a standfirst or widgets may come before it.  With no
		   dateline yet, a date opening the paragraph after a
		   standfirst is the lead's ("Sapo.", then "Chiều 24/6, ..."),
		   and so is one opening the first paragraph under short lines
		   (a name no list knows, a kicker) */
		lead2 = dl_text == NULL && ((nbody == 1 && npara == 1) ||
		    (nbody > 0 && npara == 0 && i <= t + DL_WITHIN));
		if ((nbody == 0 || lead2 || (agency == NULL &&
		    i <= t + LEAD_WITHIN && npara < 2)) &&
		    nu_meta_dateline_lead(s, len, &d, &ag, &ag_len)) {
			/* under short lines, not a related item's summary
			   under a block header ("Tin liên quan") */
			if ((nbody == 0 || lead2) && dl_text == NULL &&
			    d.date[0] != '\0' && !(npara == 0 && nbody > 0 &&
			    tail_before(pl, t, i))) {
				dl = d;
				dl_text = s + d.off;
				dl_len = d.len;
				/* 2: the second paragraph's, less sure: any
				   dateline line stands over it */
				dl_lead = lead2 ? 2 : 1;
			}
			if (ag != NULL && agency == NULL) {
				agency = ag;
				agency_len = ag_len;
			}
		}
		nbody++;
		/* 70 characters: sure from 280 bytes on (4 bytes at most
		   a character), counted below */
		npara += len >= 280 || (len >= 70 &&
		    nu_utf8_count(s, len) >= 70);
		last_text = i;
		have_last = 1;
	}

	/* no dateline yet: the page's header printed again further down
	   (the title, then within a few lines its dateline or dated
	   byline: "Follow", "Oct 15, 2015 · 18 min read") dates it */
	if (dl_text == NULL && t < n &&
	    header_again(pl, slot, t, n, &dl, &dl_text, &dl_len, &author,
	    &author_len))
		nbody--;	/* a body line is the dateline now */

	/* a dateline line whose text also opens or sits in a body line
	   ("Sáng 27/11" under the article, "Sáng 27/11, ..." its lead) is
	   kept in boilerplate too: the record tells which line it was
	   (a body line equal to it is a line of its own) */
	for (i = start; dl_text != NULL && i < n; i++)
		if (slot[i].place == P_DATELINE) {
			for (j = start; j < n; j++)
				if (slot[j].place == P_BODY && pl[j].n > dl_len &&
				    has_text(pl[j].s, pl[j].n, dl_text, dl_len)) {
					slot[i].place = P_BOILER;
					slot[i].role = "dateline";
					break;
				}
			break;
		}

	/* write the record */
	nu_buf_addc(out, '{');
	nu_json_add_key(out, &first, "id");
	nu_page_id(source, start < n ? pl[start].lineno : pl[0].lineno,
	    t < n ? pl[t].s : "", t < n ? pl[t].n : 0, id);
	nu_json_add_cstr(out, id);
	nu_json_add_key(out, &first, "source");
	nu_json_add_cstr(out, source);
	nu_json_add_key(out, &first, "line");
	nu_json_add_u64(out, pl[start < n ? start : 0].lineno);
	if (t < n) {
		add_str_field(&sink, &first, "title", pl[t].s, pl[t].n);
	}
	add_str_field(&sink, &first, "date", dl.date, strlen(dl.date));
	add_str_field(&sink, &first, "time", dl.time, strlen(dl.time));
	add_str_field(&sink, &first, "dateline", dl_text, dl_len);
	if (author != NULL)
		nu_trim_blanks(&author, &author_len);
	add_str_field(&sink, &first, "author", author, author_len);
	if (agency != NULL)
		nu_trim_blanks(&agency, &agency_len);
	add_str_field(&sink, &first, "agency", agency, agency_len);
	add_str_field(&sink, &first, "url", url, url_len);

	/* body: the body lines joined with '\n', as one JSON string */
	if (nbody > 0) {
		int any = 0;

		nu_json_add_key(out, &first, "body");
		nu_buf_addc(out, '"');
		for (i = 0; i < n; i++)
			if (slot[i].place == P_BODY) {
				if (any++)
					nu_buf_add(out, "\\n", 2);
				for (j = 0; j < pl[i].n; j += FLUSH_AT) {
					nu_json_add_str_part(out, pl[i].s + j,
					    pl[i].n - j < FLUSH_AT ?
					    pl[i].n - j : FLUSH_AT);
					maybe_flush(&sink);
				}
			}
		nu_buf_addc(out, '"');
	}

	k = 0;
	for (i = 0; i < n; i++) {
		const char *f = pl[i].s;
		size_t fl = pl[i].n;

		if (slot[i].place != P_IMAGE)
			continue;
		if (k++ == 0) {
			nu_json_add_key(out, &first, "images");
			nu_buf_addc(out, '[');
		} else
			nu_buf_addc(out, ',');
		nu_buf_adds(out, "{\"file\":");
		nu_json_add_str(out, f, fl);
		for (j = i + 1; j < n && j <= i + 2; j++)
			if (slot[j].place == P_CAPTION && slot[j].image == i) {
				nu_buf_adds(out, ",\"caption\":");
				add_big_str(&sink, pl[j].s, pl[j].n);
			}
		nu_buf_adds(out, ",\"line\":");
		nu_json_add_u64(out, pl[i].lineno);
		nu_buf_addc(out, '}');
	}
	if (k > 0)
		nu_buf_addc(out, ']');

	k = 0;
	for (i = 0; i < n; i++) {
		if (slot[i].place != P_BOILER)
			continue;
		if (k++ == 0) {
			nu_json_add_key(out, &first, "boilerplate");
			nu_buf_addc(out, '[');
		} else
			nu_buf_addc(out, ',');
		nu_buf_adds(out, "{\"line\":");
		nu_json_add_u64(out, pl[i].lineno);
		nu_buf_adds(out, ",\"role\":");
		nu_json_add_cstr(out, slot[i].role);
		nu_buf_adds(out, ",\"text\":");
		add_big_str(&sink, pl[i].s, pl[i].n);
		nu_buf_addc(out, '}');
	}
	if (k > 0)
		nu_buf_addc(out, ']');

	k = 0;
	for (i = 0; i < n; i++) {
		if (pl[i].fixes == 0)
			continue;
		if (k++ == 0) {
			nu_json_add_key(out, &first, "warnings");
			nu_buf_addc(out, '[');
		} else
			nu_buf_addc(out, ',');
		nu_buf_adds(out, "{\"line\":");
		nu_json_add_u64(out, pl[i].lineno);
		nu_buf_adds(out, ",\"what\":");
		nu_json_add_cstr(out, nu_fix_what(pl[i].fixes));
		nu_buf_addc(out, '}');
	}
	if (k > 0)
		nu_buf_addc(out, ']');
	nu_buf_addc(out, '}');
	free(slot);
}

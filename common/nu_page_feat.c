/*
 * The features of a page start and the page-start decision (issue 12):
 * see nu_page_feat.h.  The recognisers of nu_meta and nu_page become
 * flags of a line, computed once in nu_pline_init; a candidate's features
 * are those flags for the candidate, the text before it and the lines
 * around it, the page so far, and a few words (the first of the
 * candidate, the last before it, the two around a glue point).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_buf.h"
#include "nu_lexicon.h"
#include "nu_meta.h"
#include "nu_page.h"
#include "nu_page_feat.h"
#include "nu_utf8.h"

#define GLUE_TAIL	600	/* glue points only this near a line's end */
#define WORD_MAX	24	/* bytes of a word kept as a feature */

const char *const nu_page_start_labels[2] = { "no", "start" };

static int
cat_at(const char *s, size_t n, long *cp)
{
	nu_utf8_decode(s, n, cp);
	return nu_utf8_category(*cp);
}

/* The category of the character that ends at byte i > 0 of s[0..n). */
static int
cat_before(const char *s, size_t n, size_t i, long *cp)
{
	size_t j = i - 1;

	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return cat_at(s + j, n - j, cp);
}

int
nu_ends_stop(const char *s, size_t n)
{
	/* a closing quote ends a sentence only after a stop: titles often
	   end with a quoted phrase */
	if (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	else if (n >= 3 && (memcmp(s + n - 3, "”", 3) == 0 ||
	    memcmp(s + n - 3, "’", 3) == 0))
		n -= 3;
	if (n == 0)
		return 0;
	return strchr(".!?", s[n - 1]) != NULL ||
	    (n >= 3 && memcmp(s + n - 3, "…", 3) == 0);
}

int
nu_digit_within(const char *s, size_t n, size_t k)
{
	return nu_has_digit(s, k < n ? k : n);
}

/*
 * The marks of a copyright or licence notice, the line that closes most
 * rendered pages ("© 2019 The Atlantic Monthly Group", "Copyright (C)
 * 2012-2014 ...", "All Rights Reserved", "Bản quyền thuộc về ...").  Each
 * is looked for from one of its bytes that running text seldom has (at):
 * searched from its first byte, a common letter, one line in two asked
 * memcmp a dozen times, a tenth of split-article's work (issue 12 speed).
 */
static const struct mark {
	const char	*s;
	unsigned char	 len, at;
} marks[] = {
	{ "\xc2\xa9", 2, 0 },			/* © */
	{ "opyright", 8, 1 }, { "OPYRIGHT", 8, 1 },
	{ "ights reserved", 14, 11 }, { "ights Reserved", 14, 11 },
	{ "IGHTS RESERVED", 14, 11 },
	{ "(c) ", 4, 0 }, { "(C) ", 4, 0 },
	{ "\xe1\xba\xa3n quy\xe1\xbb\x81n", 12, 5 },	/* ản quyền */
	{ "\xe1\xba\xa2N QUY\xe1\xbb\x80N", 12, 5 }	/* ẢN QUYỀN */
};

/* Whether a mark whose byte at is s[j] is in s[0..n) there. */
static int
mark_at(const char *s, size_t n, size_t j)
{
	size_t k, a, k0, k1;

	switch ((unsigned char)s[j]) {	/* marks[k0..k1): in that order */
	case 0xC2: k0 = 0; k1 = 1; break;
	case 'p': k0 = 1; k1 = 2; break;
	case 'P': k0 = 2; k1 = 3; break;
	case 'v': k0 = 3; k1 = 5; break;
	case 'V': k0 = 5; k1 = 6; break;
	case '(': k0 = 6; k1 = 8; break;
	case 'q': k0 = 8; k1 = 9; break;
	case 'Q': k0 = 9; k1 = 10; break;
	default: return 0;
	}
	for (k = k0; k < k1; k++) {
		a = marks[k].at;
		if (j >= a && j - a + marks[k].len <= n &&
		    s[j - a] == marks[k].s[0] &&
		    memcmp(s + j - a, marks[k].s, marks[k].len) == 0)
			return 1;
	}
	return 0;
}

static int
footer_mark(const char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	/* 16 bytes at once: most lines have none of the bytes */
	for (; i + 16 <= n; i += 16) {
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		__m128i l = _mm_or_si128(y, _mm_set1_epi8(0x20));
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(l, _mm_set1_epi8('p')),
		    _mm_cmpeq_epi8(l, _mm_set1_epi8('v'))),
		    _mm_or_si128(_mm_cmpeq_epi8(l, _mm_set1_epi8('q')),
		    _mm_cmpeq_epi8(y, _mm_set1_epi8('(')))),
		    _mm_cmpeq_epi8(y, _mm_set1_epi8((char)0xC2))));

		while (bits != 0) {
			unsigned j = (unsigned)__builtin_ctz(bits);

			bits &= bits - 1;
			if (mark_at(s, n, i + j))
				return 1;
		}
	}
#endif
	for (; i < n; i++)
		if (((s[i] | 0x20) == 'p' || (s[i] | 0x20) == 'v' ||
		    (s[i] | 0x20) == 'q' || s[i] == '(' ||
		    (unsigned char)s[i] == 0xC2) && mark_at(s, n, i))
			return 1;
	return 0;
}

/* A list mark opens s[0..n): • ● ○ □ ■ ◦ · – or "* ", "- ", "+ ". */
static int
bullet(const char *s, size_t n)
{
	static const char e2[][2] = {	/* after 0xE2 */
		{ '\x80', '\xa2' }, { '\x97', '\x8f' }, { '\x97', '\x8b' },
		{ '\x96', '\xa1' }, { '\x96', '\xa0' }, { '\x97', '\xa6' },
		{ '\x80', '\x93' }
	};
	size_t k;

	if (n < 2)
		return 0;
	switch ((unsigned char)s[0]) {
	case '*':
	case '-':
	case '+':
		return s[1] == ' ';
	case 0xC2:
		return (unsigned char)s[1] == 0xB7;
	case 0xE2:
		for (k = 0; n >= 3 && k < sizeof(e2) / sizeof(e2[0]); k++)
			if (s[1] == e2[k][0] && s[2] == e2[k][1])
				return 1;
		return 0;
	}
	return 0;
}

/*
 * The layout of a line as a text browser renders a page: indented (lists,
 * quotes, code), a list item (a bullet or "12." after the indent), a form
 * or image mark ("[ ]", "[IMG]", "[u]").  At a page's end these sit just
 * above the next page's title, which a browser never indents.
 */
static uint32_t
layout_flags(const char *s, size_t n)
{
	uint32_t f = 0;
	size_t i = 0, k;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i > 0)
		f |= NU_PL_INDENT;
	if (i < n && s[i] == '[')
		f |= NU_PL_MARKUP;
	if (bullet(s + i, n - i))
		return f | NU_PL_BULLET;
	/* "12. ", "3) " */
	for (k = i; k < n && k < i + 4 && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k > i && k + 1 < n && (s[k] == '.' || s[k] == ')') &&
	    s[k + 1] == ' ')
		f |= NU_PL_BULLET;
	return f;
}

/* A time "0:00", "01:45", "1:02:03" at s[*i], *i moved past it. */
static int
clock_time(const char *s, size_t n, size_t *i)
{
	size_t k = *i, d, parts = 0;

	for (;;) {
		for (d = k; d < n && d - k < 2 && s[d] >= '0' && s[d] <= '9';
		    d++)
			;
		if (d == k || (parts > 0 && d - k != 2))
			return 0;
		parts++;
		k = d;
		if (k + 1 < n && s[k] == ':' && parts < 3)
			k++;
		else
			break;
	}
	*i = k;
	return parts >= 2;
}

/*
 * A media player's clock, the whole line: "00:00 / 01:45", "0:00/3:12".
 * A video sits inside an article and its clock under the video's title:
 * a time at a line's start, it is no dateline and starts no page (the
 * time of a dateline comes with a date, or alone, never as a pair).
 */
static int
clock_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (!clock_time(s, n, &i))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '/')
		return 0;
	for (i++; i < n && s[i] == ' '; i++)
		;
	if (!clock_time(s, n, &i))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n;
}

/* ---- the words a line shares with the lines around it ---- */

#define WORDS_HEAD	160	/* bytes of a line whose words are kept */
#define WORD_MIN	4	/* bytes of the shortest word kept */
#define STOP_BITS	65536	/* bits of the stop words' hashes */

/*
 * Call fn(hash, arg) for each word of s[0..n) at least WORD_MIN bytes
 * long (runs of ASCII letters and digits and non-ASCII bytes but for
 * U+00A0 and U+2000-U+203F: English words, Vietnamese syllables), with
 * the FNV-1a hash of the word in ASCII lowercase, until fn returns
 * nonzero.  Returns the number of words.  Cheaper than the line-role
 * model's content words (nu_boiler_feat.c), which decode and lowercase
 * every script: this runs on every line split-article reads.
 */
static size_t
each_word(const char *s, size_t n, int (*fn)(uint32_t, void *), void *arg)
{
	/* an ASCII byte in a word as it is hashed; 0: it separates */
	static unsigned char fold[128];
	const unsigned char *u = (const unsigned char *)s;
	size_t i, len = 0, nw = 0;
	uint32_t h = 2166136261u;
	unsigned c;

	if (fold['a'] == 0)
		for (c = 0; c < 128; c++)
			fold[c] = c >= 'A' && c <= 'Z' ? c + 32 : (c >= 'a' &&
			    c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
	for (i = 0; i <= n; i++) {
		c = i < n ? u[i] : ' ';
		if (c >= 0x80) {
			if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80)
				i += 2;		/* a dash, a quote */
			else if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xA0)
				i += 1;		/* no-break space */
			else {
				h = (h ^ c) * 16777619u;
				len++;
				continue;
			}
		} else if (fold[c]) {
			h = (h ^ fold[c]) * 16777619u;
			len++;
			continue;
		}
		if (len >= WORD_MIN) {
			nw++;
			if (fn(h, arg))
				break;
		}
		h = 2166136261u;
		len = 0;
	}
	return nw;
}

static int
first_word(uint32_t h, void *arg)
{
	*(uint32_t *)arg = h;
	return 1;
}

/* The stop words of English and Vietnamese, as bits of their hashes:
   the words of a line that say nothing of its topic. */
static uint64_t *stop_bits;

static void
add_stop(const char *e, size_t n, void *arg)
{
	uint32_t h;

	(void)arg;
	/* one word, long enough to be kept (a syllable pair is not) */
	if (each_word(e, n, first_word, &h) == 1 && memchr(e, ' ', n) == NULL) {
		h %= STOP_BITS;
		stop_bits[h / 64] |= (uint64_t)1 << (h % 64);
	}
}

static int
stop_word(uint32_t h)
{
	if (stop_bits == NULL) {
		stop_bits = nu_ereallocarray(NULL, STOP_BITS / 64,
		    sizeof(*stop_bits));
		memset(stop_bits, 0, STOP_BITS / 8);
		nu_lexicon_each("stopwords-en.txt", add_stop, NULL);
		nu_lexicon_each("stopwords-vi.txt", add_stop, NULL);
	}
	h %= STOP_BITS;
	return (stop_bits[h / 64] >> (h % 64)) & 1;
}

static int
add_pword(uint32_t h, void *arg)
{
	struct nu_pwords *w = arg;

	if (!stop_word(h))
		w->h[w->n++] = (uint16_t)(h ^ h >> 16);
	return w->n == NU_PWORDS;
}

static void
set_words(uint64_t *set, const struct nu_pwords *w)
{
	unsigned k;

	for (k = 0; k < w->n; k++) {
		unsigned b = w->h[k] % NU_WORDS_BITS;

		set[b / 64] |= (uint64_t)1 << (b % 64);
	}
}

static int
in_words(const uint64_t *set, uint16_t h)
{
	unsigned b = h % NU_WORDS_BITS;

	return (set[b / 64] >> (b % 64)) & 1;
}

/* The first glue point of s[0..n) as struct nu_pline keeps it. */
static uint16_t
first_glue(const char *s, size_t n)
{
	size_t pt;

	if (nu_page_glue_points(s, n, &pt, 1) == 0)
		return 0;
	return pt >= NU_GLUE_UNKNOWN ? NU_GLUE_UNKNOWN - 1 : (uint16_t)pt;
}

static void
pline_compute(struct nu_pline *l, const char *s, size_t n, int after_blank,
    int glue)
{
	struct nu_date d;
	struct nu_byline b;
	const char *role, *ag;
	size_t i, aglen;
	uint32_t f = 0;
	long cp;
	int c, lower = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	l->s = s;
	l->n = n;
	l->asked = 0;
	l->ncp = (uint32_t)nu_utf8_count(s, n);
	l->words.n = 0;
	each_word(s, n < WORDS_HEAD ? n : WORDS_HEAD, add_pword, &l->words);
	if (after_blank)
		f |= NU_PL_BLANK;
	/* once here, where the memo keeps it: the decisions on this line
	   skip the scan when there is none */
	l->glue0 = n == 0 ? 0 : glue ? first_glue(s, n) : NU_GLUE_UNKNOWN;
	if (n == 0) {
		l->flags = f;
		return;
	}
	if (nu_ends_stop(s, n))
		f |= NU_PL_STOP;
	if (s[n - 1] == ':')
		f |= NU_PL_COLON;
	if (l->ncp >= 200 || (l->ncp >= 70 && (f & NU_PL_STOP)))
		f |= NU_PL_PARA;
	f |= layout_flags(s, n);
	if (l->ncp < 200 && footer_mark(s, n))
		f |= NU_PL_FOOTER;
	for (i = 0; i < n && !lower; i++)
		lower = (s[i] >= 'a' && s[i] <= 'z') ||
		    ((unsigned char)s[i] >= 0xC3 && cat_at(s + i, n - i, &cp) ==
		    UTF8PROC_CATEGORY_LL);
	if (!lower)
		f |= NU_PL_CAPS;
	c = cat_at(s, n, &cp);
	if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_ND ||
	    c == UTF8PROC_CATEGORY_PI || s[0] == '"' || cp == 0x201C)
		f |= NU_PL_UPPER;
	/* the costlier recognisers only where they can say yes: a dateline
	   or date needs a digit or a month word, so ask them on short lines
	   and on lines with a digit near the start */
	if (l->ncp < 24 && (s[0] == ' ' || (s[0] >= '0' && s[0] <= '9')) &&
	    clock_line(s, n))
		f |= NU_PL_CLOCK;
	else if (l->ncp < 200 && nu_meta_dateline_line(s, n, &d))
		f |= NU_PL_DATELINE;
	else if (nu_digit_within(s, n, 64)) {
		/* a dated lead has a digit near its start */
		if (nu_meta_dateline_lead(s, n, &d, &ag, &aglen) &&
		    d.date[0] != '\0')
			f |= NU_PL_LDATE;
	}
	if (l->ncp < 200 && (f & NU_PL_PARA) && l->ncp >= 100) {
		/* a sentence-shaped paragraph: no title, menu, name or
		   byline; only what ends a page is asked */
		if (nu_meta_share_line(s, n))
			f |= NU_PL_SHARE;
		if (nu_meta_url_line(s, n))
			f |= NU_PL_URL;
	} else if (l->ncp < 200) {
		if (nu_meta_date_only(s, n))
			f |= NU_PL_DATEONLY;
		if (nu_meta_image_line(s, n))
			f |= NU_PL_IMAGE;
		if (nu_meta_share_line(s, n))
			f |= NU_PL_SHARE;
		if ((role = nu_meta_header_role(s, n)) != NULL) {
			f |= NU_PL_HEADER;
			if (strncmp(role, "related", 7) == 0)
				f |= NU_PL_RELATED;
			else if (strncmp(role, "comment", 7) == 0)
				f |= NU_PL_COMMENT;
			else if (strcmp(role, "footer") == 0)
				f |= NU_PL_FOOTER;
		}
		if (nu_meta_url_line(s, n))
			f |= NU_PL_URL;
		if (nu_meta_byline(s, n, &b))
			f |= NU_PL_BYLINE;
		l->asked = NU_PL_BYLINE | NU_PL_NAME;
		if (nu_meta_credit_line(s, n))
			f |= NU_PL_CREDIT;
		if (nu_meta_tags_line(s, n))
			f |= NU_PL_TAGS;
		if (nu_meta_name_line(s, n, &b))
			f |= NU_PL_NAME;
		/* menus and labels are short: the test is costly */
		if (!(f & (NU_PL_PARA | NU_PL_DATELINE | NU_PL_HEADER |
		    NU_PL_STOP)) && l->ncp < 80 && nu_page_nav_known(s, n, f))
			f |= NU_PL_NAV;
		if (!(f & (NU_PL_DATELINE | NU_PL_URL | NU_PL_BYLINE)) &&
		    nu_page_title_known(s, n, l->ncp, f))
			f |= NU_PL_TITLE;
	} else if (nu_meta_url_line(s, n))
		f |= NU_PL_URL;
	l->flags = f;
}

/*
 * A memo of nu_pline_init for short lines: a site's menus, section
 * labels, share bars and footers come back on each of its pages, and
 * the recognisers cost most on such lines (a fifth of the lines of the
 * real dev streams are seen again among the last few thousand).  Direct-
 * mapped on a hash of the bytes; an entry answers only for the same
 * bytes, compared whole, and the recognisers read nothing but the line
 * (and the lexicons, loaded before the first line): the same answers.
 */
#define MEMO_SLOTS	2048
#define MEMO_BYTES	120	/* longer lines are not kept */

struct memo {
	struct nu_pkept	 kept;		/* kept.n: without the trailing blanks */
	uint32_t	 asked;
	unsigned char	 len;		/* bytes as given; 0: an empty slot */
	unsigned char	 blank;		/* after_blank */
	char		 s[MEMO_BYTES];
};

static struct memo *memo;

static size_t
memo_slot(const char *s, size_t n, int blank)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL * (2 * n + (blank != 0) + 1), x;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (x = 0; i < n; i++)
		x = x << 8 | (unsigned char)s[i];
	h = (h ^ x) * 0xff51afd7ed558ccdULL;
	return (size_t)(h ^ h >> 32) & (MEMO_SLOTS - 1);
}

static void
pline_init(struct nu_pline *l, const char *s, size_t n, int after_blank,
    int glue)
{
	struct memo *e;

	after_blank = after_blank != 0;
	if (n == 0 || n > MEMO_BYTES) {
		pline_compute(l, s, n, after_blank, glue);
		return;
	}
	if (memo == NULL) {
		memo = nu_ereallocarray(NULL, MEMO_SLOTS, sizeof(*memo));
		memset(memo, 0, MEMO_SLOTS * sizeof(*memo));
	}
	e = &memo[memo_slot(s, n, after_blank)];
	if (e->len == n && e->blank == after_blank &&
	    memcmp(e->s, s, n) == 0) {
		if (glue && e->kept.glue0 == NU_GLUE_UNKNOWN)
			e->kept.glue0 = first_glue(s, e->kept.n);
		nu_pline_view(l, s, &e->kept);
		l->asked = e->asked;
		if (!glue)
			l->glue0 = NU_GLUE_UNKNOWN;
		return;
	}
	pline_compute(l, s, n, after_blank, glue);
	e->len = (unsigned char)n;
	e->blank = (unsigned char)after_blank;
	nu_pline_keep(&e->kept, l);
	e->asked = l->asked;
	memcpy(e->s, s, n);
}

void
nu_pline_init(struct nu_pline *l, const char *s, size_t n, int after_blank)
{
	pline_init(l, s, n, after_blank, 1);
}

void
nu_pstate_start(struct nu_pstate *st)
{
	memset(st, 0, sizeof(*st));
}

void
nu_pstate_add(struct nu_pstate *st, const struct nu_pline *l)
{
	uint32_t f = l->flags;

	st->lines++;
	if (f & (NU_PL_DATELINE | NU_PL_LDATE))
		st->dated = 1;
	if (f & NU_PL_IMAGE)
		st->images++;
	/* the page's tail sticks: a related list's summaries are
	   paragraphs too, and no reason to think the article goes on */
	if (st->paras > 0 && (f & (NU_PL_RELATED | NU_PL_COMMENT)) &&
	    !st->related) {
		st->related = 1;
		st->before = st->paras;
	}
	if (st->paras > 0 && (f & NU_PL_SHARE))
		st->share = 1;
	if (f & NU_PL_FOOTER)
		st->footer = 1;
	else if (st->footer > 0 && st->footer < 255)
		st->footer++;
	if (f & (NU_PL_INDENT | NU_PL_BULLET))
		st->listrun++;
	else
		st->listrun = 0;
	if (st->wlines++ % NU_WORDS_LINES == 0) {
		/* the older set goes, the newer becomes the older */
		memcpy(st->words[1], st->words[0], sizeof(st->words[0]));
		memset(st->words[0], 0, sizeof(st->words[0]));
	}
	set_words(st->words[0], &l->words);
	st->longbits = st->longbits << 1 | (l->ncp >= 60);
	st->indbits = st->indbits << 1 | ((f & (NU_PL_INDENT |
	    NU_PL_BULLET)) != 0);
	st->blankbits = st->blankbits << 1 | ((f & NU_PL_BLANK) != 0);
	if (f & NU_PL_PARA) {
		st->paras++;
		st->since_para = 0;
		st->tail = 0;
	} else {
		st->since_para++;
		if (st->paras > 0 && (f & (NU_PL_SHARE | NU_PL_HEADER |
		    NU_PL_URL | NU_PL_BYLINE | NU_PL_TAGS)))
			st->tail++;
	}
}

/* ---- glue points ---- */

/*
 * The word s[0..n) (a space after it when spaced) is one an English
 * title opens with and no brand ends with: "GETTYThe Modern ...", "The
 * Atlantic Monthly GroupThe 'birth lottery' ...".
 */
static int
title_opener(const char *s, size_t n, int spaced)
{
	static const char *const w[] = { "The", "A", "An", "How", "Why",
	    "What", "When", "Where", "Who", "Is", "Are", "Can", "Do",
	    "Does", "Will", "Should", "These", "Inside", "Meet" };
	size_t k;

	if (!spaced)
		return 0;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (strlen(w[k]) == n && memcmp(w[k], s, n) == 0)
			return 1;
	return 0;
}

/* Whether line s[0..n) reads as a title or a sentence, its list mark or
   indent aside ("  •These are the 8 coolest PlayStation VR games"); *title
   caches it (-1: not asked yet). */
static int
line_title(const char *s, size_t n, size_t i, int *title)
{
	size_t b0 = 0;

	if (*title >= 0)
		return *title;
	while (b0 < i && !((s[b0] >= 'A' && s[b0] <= 'Z') ||
	    (s[b0] >= 'a' && s[b0] <= 'z') || (s[b0] >= '0' &&
	    s[b0] <= '9') || ((unsigned char)s[b0] >= 0xC3 &&
	    (unsigned char)s[b0] < 0xE2)))
		b0++;
	*title = nu_page_title_like(s + b0, n - b0) || (n > 0 &&
	    (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?'));
	return *title;
}

/* Whether s[0..i) is what a page ends with: a byline, a name, a share
   bar, a URL, a date or dateline, a block header. */
static int
head_ends_page(const char *s, size_t i)
{
	struct nu_byline b;
	struct nu_date d;

	return nu_meta_byline(s, i, &b) || nu_meta_name_line(s, i, &b) ||
	    nu_meta_share_line(s, i) || nu_meta_url_line(s, i) ||
	    nu_meta_date_only(s, i) || nu_meta_dateline_line(s, i, &d) ||
	    nu_meta_header_role(s, i) != NULL;
}

/*
 * Whether s[0..i) is a menu's item of two to six words, its last word the
 * one glued at i ("  • Ad Tech Advisory Board|Replace javascript: links",
 * "  • Block for Lifehacker|LWN.net"): a rendered page ends with its
 * menus, and the next page's title runs into the last item.  An item's
 * words are capitalised, or short ("for", "of"); a sentence in a list
 * ("  •These are the 8 coolest Play|Station VR games") is no menu, and a
 * one-word item may be a brand's first half ("      □ You|Tube").
 */
static int
menu_item_head(const char *s, size_t i)
{
	size_t b = 0, e, words = 0;

	while (b < i && (s[b] == ' ' || s[b] == '\t'))
		b++;
	if (!(layout_flags(s, i) & NU_PL_BULLET))
		return 0;
	/* past the mark ("•", "*", "12.") and the blanks after it */
	if (s[b] >= '0' && s[b] <= '9')
		while (b < i && ((s[b] >= '0' && s[b] <= '9') || s[b] == '.' ||
		    s[b] == ')'))
			b++;
	else
		for (b++; b < i && ((unsigned char)s[b] & 0xC0) == 0x80; b++)
			;
	for (; b < i; b = e) {
		while (b < i && (s[b] == ' ' || s[b] == '\t'))
			b++;
		for (e = b; e < i && s[e] != ' ' && s[e] != '\t'; e++)
			;
		if (e == b)
			break;
		if (++words > 6 || (s[b] >= 'a' && s[b] <= 'z' && e - b > 3))
			return 0;
	}
	return words >= 2;
}

int
nu_page_glue_in_word(const char *s, size_t n, size_t col)
{
	long cp;
	int ca, cb;

	if (col == 0 || col >= n)
		return 0;
	ca = cat_before(s, n, col, &cp);
	cb = cat_at(s + col, n - col, &cp);
	if (ca < UTF8PROC_CATEGORY_LU || ca > UTF8PROC_CATEGORY_LO ||
	    cb < UTF8PROC_CATEGORY_LU || cb > UTF8PROC_CATEGORY_LO)
		return 0;
	/* a byline, a name, a date, a share bar before it: a page's end
	   ("... Minh Anh|Hà Nội ..."), no word goes on there */
	return !head_ends_page(s, col);
}

/*
 * May the text before byte i of a line end a page when a letter meets a
 * letter there?  Yes unless the whole line reads as a title or sentence
 * and the head is not something a page ends with.  *title caches the
 * line's title test (-1: not asked yet).
 */
static int
tail_head(const char *s, size_t n, size_t i, int *title)
{
	size_t a = i, z = i, k;
	long cp;

	while (a > 0 && s[a - 1] != ' ')
		a--;
	while (z < n && s[z] != ' ')
		z++;
	/* a short camel-case word: "VietJet", "iPad", "PlayStation",
	   "MediaTek"; its head is one capital and up to four letters (or
	   one lowercase letter), its tail up to seven letters */
	if (nu_utf8_count(s + a, i - a) > 5 || nu_utf8_count(s + i, z - i) > 7)
		return 1;
	if (title_opener(s + i, z - i, z < n) || menu_item_head(s, i))
		return 1;
	nu_utf8_decode(s + a, i - a, &cp);
	k = nu_utf8_count(s + a, i - a);
	if (!(utf8proc_category((utf8proc_int32_t)cp) ==
	    UTF8PROC_CATEGORY_LU || k == 1))
		return 1;
	/* a lone lowercase letter before a capital opens a brand, no
	   page ends with it: "iPhone và iPad ...", "eBay" */
	if (k == 1 && utf8proc_category((utf8proc_int32_t)cp) ==
	    UTF8PROC_CATEGORY_LL)
		return 0;
	/* a brand in running prose ("... động cơ EcoBoost V6", "my own
	   SmartyPants and ..."): eight words or more before it on the
	   line, the line is no title; the same test as for a title */
	if (!line_title(s, n, i, title) && nu_utf8_word_count(s, a) < 8)
		return 1;
	return head_ends_page(s, i);
}

/*
 * Whether the byte at s[i] (0 < i < n) may open a glue point, from the
 * bytes alone: a capital (Latin, with or without diacritics), a digit or
 * an opening quote (" “ ' ‘), right after a character that is not a space.
 */
static int
glue_byte(const char *s, size_t n, size_t i)
{
	unsigned char y = (unsigned char)s[i];
	unsigned char y1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
	unsigned char y2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;

	if (s[i - 1] == ' ' || s[i - 1] == '\t')
		return 0;
	if (y < 0x80)
		return (y >= 'A' && y <= 'Z') || (y >= '0' && y <= '9') ||
		    y == '"' || y == '\'';
	if (y == 0xC3)			/* À-Þ */
		return y1 >= 0x80 && y1 <= 0x9E;
	if (y == 0xC4 || y == 0xC5)	/* Ā-ž: even */
		return !(y1 & 1);
	if (y == 0xC6)			/* Ơ, Ư */
		return y1 == 0xA0 || y1 == 0xAF;
	if (y == 0xE1)			/* Ạ-Ỹ: even */
		return (y1 == 0xBA || y1 == 0xBB) && !(y2 & 1);
	if (y == 0xE2)			/* “ ‘ */
		return y1 == 0x80 && (y2 == 0x9C || y2 == 0x98);
	return 0;
}

#ifdef __SSE2__
/* x in [lo, hi], bytewise, unsigned */
static __m128i
in_range(__m128i x, unsigned char lo, unsigned char hi)
{
	__m128i d = _mm_sub_epi8(x, _mm_set1_epi8((char)lo));

	return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(hi - lo))),
	    _mm_setzero_si128());
}

/* x >= lo, bytewise, unsigned */
static __m128i
at_least(__m128i x, unsigned char lo)
{
	return _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)lo)), x);
}

static __m128i
eq(__m128i x, unsigned char c)
{
	return _mm_cmpeq_epi8(x, _mm_set1_epi8((char)c));
}

static __m128i
even(__m128i x)
{
	return _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(1)),
	    _mm_setzero_si128());
}

/*
 * glue_byte for the 16 bytes s[0..16) at once, as a bit mask (bit j: byte
 * j); s[-5..0) and s[16..18) must be readable.  Two bytes glue_byte takes are
 * left out because glue_at is sure to refuse them, and they are most of
 * its work: an ASCII capital not followed by a lowercase letter (an
 * acronym: "UBND") after an ASCII byte other than a lowercase letter or
 * '.' (glue_at takes an acronym after a site's name, a sentence's stop or
 * a lowercase word that ends a page only), and a digit after an ASCII byte other than a lowercase letter,
 * '.' or ')' (the digits of a number or date).  A byte from 0x80 may end
 * a lowercase letter: those stay.  So the bits are a superset of what
 * glue_at takes, wherever in the line the byte lies: the page fuzzer
 * checks it against nu_page_glue_points_bytewise.
 */
static unsigned
glue_bytes16(const char *s)
{
	__m128i p = _mm_loadu_si128((const __m128i *)(const void *)(s - 1));
	__m128i y = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i y1 = _mm_loadu_si128((const __m128i *)(const void *)(s + 1));
	__m128i y2 = _mm_loadu_si128((const __m128i *)(const void *)(s + 2));
	__m128i p5 = _mm_loadu_si128((const __m128i *)(const void *)(s - 5));
	__m128i lower = _mm_or_si128(_mm_or_si128(in_range(p, 'a', 'z'),
	    at_least(p, 0x80)), in_range(p, '0', '9'));
	__m128i ok;

	/* "lowercase" below: any byte from 'a' up (a non-ASCII one may
	   end a lowercase letter; glue_at refuses the rest).  An ASCII
	   capital after a lowercase letter (ASCII, or a byte from 0x80)
	   or a stop stays even before another capital (a site's name,
	   then an acronym: "vnexpress.netTP HCM"; a sentence, then one:
	   "laborum.RTL Test"; a share bar: "Chia sẻCA"), and a digit after a digit stays where the byte four
	   before is a date's separator (a date with its year, then the
	   next page's date: "12/01/201720/11/18") */
	ok = _mm_or_si128(_mm_and_si128(in_range(y, 'A', 'Z'),
	    _mm_or_si128(_mm_or_si128(at_least(y1, 'a'), lower),
	    eq(p, '.'))),
	    _mm_and_si128(in_range(y, '0', '9'),
	    _mm_or_si128(at_least(p, 'a'), _mm_or_si128(eq(p, '.'),
	    eq(p, ')')))));
	ok = _mm_or_si128(ok, _mm_and_si128(_mm_and_si128(in_range(y, '0',
	    '9'), in_range(p, '0', '9')), _mm_or_si128(eq(p5, '/'),
	    _mm_or_si128(eq(p5, '-'), eq(p5, '.')))));
	ok = _mm_or_si128(ok, _mm_or_si128(eq(y, '"'), eq(y, '\'')));
	ok = _mm_or_si128(ok, _mm_and_si128(eq(y, 0xC3),
	    in_range(y1, 0x80, 0x9E)));
	ok = _mm_or_si128(ok, _mm_and_si128(_mm_or_si128(eq(y, 0xC4),
	    eq(y, 0xC5)), even(y1)));
	ok = _mm_or_si128(ok, _mm_and_si128(eq(y, 0xC6),
	    _mm_or_si128(eq(y1, 0xA0), eq(y1, 0xAF))));
	ok = _mm_or_si128(ok, _mm_and_si128(_mm_and_si128(eq(y, 0xE1),
	    _mm_or_si128(eq(y1, 0xBA), eq(y1, 0xBB))), even(y2)));
	ok = _mm_or_si128(ok, _mm_and_si128(_mm_and_si128(eq(y, 0xE2),
	    eq(y1, 0x80)), _mm_or_si128(eq(y2, 0x9C), eq(y2, 0x98))));
	ok = _mm_andnot_si128(_mm_or_si128(eq(p, ' '), eq(p, '\t')), ok);
	return (unsigned)_mm_movemask_epi8(ok);
}
#endif

/* A date with a four-digit year ends at s[i] ("12/01/2017", "5-3-2018"). */
static int
year_before(const char *s, size_t i)
{
	size_t k, d;

	if (i < 8)
		return 0;
	for (k = 1; k <= 4; k++)
		if (s[i - k] < '0' || s[i - k] > '9')
			return 0;
	if (strchr("/-.", s[i - 5]) == NULL || s[i - 5] == '\0')
		return 0;
	/* the month: one or two digits, then the same separator */
	for (d = i - 6; d + 2 >= i - 6 && d > 0 && s[d] >= '0' && s[d] <= '9'; d--)
		;
	return d + 3 >= i - 6 && d < i - 6 && s[d] == s[i - 5];
}

/* A site's name ends at s[i]: the word before it has a dot and ends in
   two to four lowercase letters ("vnexpress.net", "tinvn.info"). */
static int
site_before(const char *s, size_t i)
{
	size_t k = i;

	while (k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z' && i - k <= 4)
		k--;
	return i - k >= 2 && i - k <= 4 && k >= 2 && s[k - 1] == '.' &&
	    ((s[k - 2] >= 'a' && s[k - 2] <= 'z') || (s[k - 2] >= '0' &&
	    s[k - 2] <= '9'));
}

/* Whether byte s[j] is an ASCII letter or part of a non-ASCII letter
   (the bytes from 0xC3 up: the Latin letters with marks). */
static int
letter_byte(unsigned char y)
{
	return (y >= 'a' && y <= 'z') || (y >= 'A' && y <= 'Z') || y >= 0x80;
}

/*
 * The tail's token, from s[j] (the byte after the glue point's capital)
 * to a space, changes from a lowercase ASCII letter to a capital or a
 * digit inside it, or to a bracket: "ThisImmediately", "HowlInTheNight",
 * "QubA1o", "True(total" (a call).  A page's title seldom opens with such
 * a word; code and user names do.
 */
static int
camel_tail(const char *s, size_t n, size_t j)
{
	size_t e = j + 32 < n ? j + 32 : n;

	for (; j + 1 < e && s[j] != ' '; j++)
		if (s[j] >= 'a' && s[j] <= 'z' && ((s[j + 1] >= 'A' &&
		    s[j + 1] <= 'Z') || (s[j + 1] >= '0' && s[j + 1] <= '9') ||
		    s[j + 1] == '('))
			return 1;
	return 0;
}

/*
 * s[i] is inside a URL: the word before it has "://" or "www." and the
 * word from s[i] on has a '/', '?', '=' or '&' before its end (a title's
 * first word has none).
 */
static int
inside_url(const char *s, size_t n, size_t i)
{
	size_t a = i, z = i, k;
	int url = 0, more = 0;

	while (a > 0 && s[a - 1] != ' ' && i - a < 512)
		a--;
	for (k = a; k + 3 < i && !url; k++)
		url = (s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/') ||
		    (memcmp(s + k, "www.", 4) == 0);
	if (!url)
		return 0;
	for (z = i; z < n && s[z] != ' ' && z - i < 64 && !more; z++)
		more = strchr("/?=&", s[z]) != NULL;
	if (more)
		return 1;
	/* a name written in camel case in the URL's path, a capital and
	   lowercase letters since the last mark: "facebook.com/Vietnam|
	   Airlines" (a page's URL ends with an id or a file's name) */
	for (k = i; k > a && s[k - 1] >= 'a' && s[k - 1] <= 'z'; k--)
		;
	return k < i && k >= a + 2 && s[k - 1] >= 'A' && s[k - 1] <= 'Z' &&
	    strchr("/=_", s[k - 2]) != NULL;
}

/*
 * The word from s[i] to the next blank is a path or a site's name: a '/'
 * inside it before a letter ("Beginners|Guide/Download"), or it ends
 * in a dot and two to four lowercase letters ("The|Atlantic.com"). A
 * glue point there would cut a wiki page's or a site's name in two; a
 * title's first word is neither.
 */
static int
path_or_site_tail(const char *s, size_t n, size_t i)
{
	size_t z, e, k;

	for (z = i; z < n && s[z] != ' ' && s[z] != '\t' && z - i < 64; z++)
		if (s[z] == '/' && z + 1 < n && ((s[z + 1] >= 'A' &&
		    s[z + 1] <= 'Z') || (s[z + 1] >= 'a' && s[z + 1] <= 'z')))
			return 1;
	e = z;
	while (e > i && strchr(",;:)'\"", s[e - 1]) != NULL)
		e--;
	for (k = e; k > i && s[k - 1] >= 'a' && s[k - 1] <= 'z'; k--)
		;
	return e - k >= 2 && e - k <= 4 && k >= i + 3 && s[k - 1] == '.' &&
	    ((s[k - 2] >= 'a' && s[k - 2] <= 'z') || (s[k - 2] >= 'A' &&
	    s[k - 2] <= 'Z'));
}

/* One lowercase ASCII letter before s[i], after a mark that is not a
   space: "Stout/iStock", "(eBay". */
static int
lone_lower(const char *s, size_t i)
{
	return i >= 2 && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
	    s[i - 2] != ' ' && s[i - 2] != '\t' &&
	    !letter_byte((unsigned char)s[i - 2]) &&
	    !(s[i - 2] >= '0' && s[i - 2] <= '9');
}

/*
 * A capital at s[i] (a lowercase letter after it) inside one word with
 * the capitals or digits before it: an acronym's plural ("GIFs",
 * "URLs": one lowercase 's' and the word ends), one capital at a word's
 * start ("ETag", "XCode"), or capitals and digits before ("TS4Life",
 * "MP3Player").  ca: the category of the character before s[i].
 */
static int
acronym_word(const char *s, size_t n, size_t i, int ca)
{
	size_t a = i;

	if (ca == UTF8PROC_CATEGORY_LU && i + 2 <= n && s[i + 1] == 's' &&
	    (i + 2 == n || !letter_byte((unsigned char)s[i + 2])) &&
	    i >= 2 && s[i - 2] >= 'A' && s[i - 2] <= 'Z')
		return 1;
	if (ca == UTF8PROC_CATEGORY_LU && s[i - 1] >= 'A' && s[i - 1] <= 'Z'
	    && (i == 1 || s[i - 2] == ' ' || s[i - 2] == '\t')) {
		/* at the line's start or after a lowercase word: a name
		   in capitals ends with an initial ("NGUYỄN A", then the
		   title) */
		while (a > 1 && (s[a - 2] == ' ' || s[a - 2] == '\t'))
			a--;
		if (a <= 1 || (s[a - 2] >= 'a' && s[a - 2] <= 'z'))
			return 1;
	}
	if (ca != UTF8PROC_CATEGORY_ND)
		return 0;
	while (a > 0 && s[a - 1] >= '0' && s[a - 1] <= '9' && i - a < 4)
		a--;
	return a > 0 && s[a - 1] >= 'A' && s[a - 1] <= 'Z';
}

/* One capital and an apostrophe before s[i], at a word's start:
   "O'Reilly", "D’Angelo". */
static int
name_quote(const char *s, size_t i)
{
	size_t q;

	if (s[i - 1] == '\'')
		q = i - 1;
	else if (i >= 3 && memcmp(s + i - 3, "’", 3) == 0)
		q = i - 3;
	else
		return 0;
	return q >= 1 && s[q - 1] >= 'A' && s[q - 1] <= 'Z' &&
	    (q == 1 || s[q - 2] == ' ' || s[q - 2] == '(' ||
	    s[q - 2] == '"');
}

/*
 * How many whole words end s[0..col) in capitals: words with a capital
 * and no lowercase letter, counted back from col, up to 3 ("MINH
 * ANH|Hà Nội": 2, a byline in capitals; "Nguồn: MCV|Media", "© 2024
 * NBC|Universal": 1, an acronym that may go on as a name).
 */
static unsigned char
caps_words(const char *s, size_t col)
{
	size_t e = col, a;
	unsigned char k = 0;
	long cp;

	while (k < 3 && e > 0) {
		int up = 0, lo = 0;
		size_t j;

		a = e;
		while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\t')
			a--;
		for (j = a; j < e; j += nu_utf8_decode(s + j, e - j, &cp)) {
			int c = cat_at(s + j, e - j, &cp);

			up |= c == UTF8PROC_CATEGORY_LU;
			lo |= c == UTF8PROC_CATEGORY_LL;
		}
		if (!up || lo)
			break;
		k++;
		while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
			a--;
		e = a;
	}
	return k;
}

/*
 * s[0..n) opens with the end of an English contraction or possessive in
 * capitals, a letter or none after it: "S", "T", "D", "M", "LL", "RE",
 * "VE" (the text after the apostrophe of "TPG'S", "DON'T").
 */
static int
caps_contraction(const char *s, size_t n)
{
	static const char *const e[] = { "S", "T", "D", "M", "LL", "RE",
	    "VE" };
	size_t k, m;

	for (k = 0; k < sizeof(e) / sizeof(e[0]); k++) {
		m = strlen(e[k]);
		if (n >= m && memcmp(s, e[k], m) == 0 && (n == m ||
		    !letter_byte((unsigned char)s[m])))
			return 1;
	}
	return 0;
}

/*
 * A capital at s[i] glued to a word before it that cannot end a page
 * there, as the rest of the line says (issue 12, torn lines):
 * - one acronym (2-5 capitals, the word before it not in capitals), a
 *   capitalised word after it and at most three words to the line's
 *   end: a name ("© 2024 NBC|Universal Media, LLC"); a byline in
 *   capitals has two words or more ("MINH ANH|Hà Nội") and a title
 *   runs longer;
 * - one or two lowercase letters that open the line: a word's head
 *   ("in|Read invented by Teads"), no page's last line.
 */
static int
glue_in_name(const char *s, size_t n, size_t i)
{
	size_t a = i, b = 0;

	while (b < i && (s[b] == ' ' || s[b] == '\t'))
		b++;
	if (i - b <= 2) {
		for (a = b; a < i && s[a] >= 'a' && s[a] <= 'z'; a++)
			;
		if (a == i)
			return 1;
	}
	for (a = i; a > 0 && s[a - 1] >= 'A' && s[a - 1] <= 'Z'; a--)
		;
	if (i - a < 2 || i - a > 5 || (a > 0 && s[a - 1] != ' ' &&
	    s[a - 1] != '\t'))
		return 0;
	return caps_words(s, i) == 1 && nu_utf8_word_count(s + i, n - i) <= 3;
}

/*
 * Whether a glue point is at s[i], a byte glue_byte accepts: the
 * characters around it, asked of utf8proc only now.  *title as in
 * tail_head.
 */
static int
glue_at(const char *s, size_t n, size_t i, int *title)
{
	size_t k;
	long a, b, c = 0;
	int ca, cb, cc;

	for (k = 1; i + k < n && ((unsigned char)s[i + k] & 0xC0) ==
	    0x80; k++)
		;
	cb = cat_at(s + i, n - i, &b);
	if (!(cb == UTF8PROC_CATEGORY_LU || cb == UTF8PROC_CATEGORY_ND ||
	    b == '"' || b == 0x201C || b == '\'' || b == 0x2018))
		return 0;
	ca = cat_before(s, n, i, &a);	/* the character before */
	cc = i + k < n ? cat_at(s + i + k, n - i - k, &c) : -1;
	/* a single quote opens a title only before a capital ("...vn'Xã
	   hội đen' Hải Phòng"); "don't", "'90s" go on.  (Which side of
	   an ASCII quote a title starts is the model's: telling an
	   opening quote from a closing one by their count in the line
	   scored lower on dev) */
	if ((b == '\'' || b == 0x2018) && cc != UTF8PROC_CATEGORY_LU)
		return 0;
	if (b == '\'' && (ca == UTF8PROC_CATEGORY_LU || ca ==
	    UTF8PROC_CATEGORY_LL) && caps_contraction(s + i + 1, n - i - 1))
		/* "TPG'S BONUS", "WHAT'S NEW", "DON'T MISS": an
		   apostrophe in capitals, no title's opening quote */
		return 0;
	/* an ASCII quote at the line's start or after a space, a bracket
	   or '=' opens a quotation, and no page ends with it ("'Thời khắc
	   Sputnik'", "[p]'Star Wars'", "alt=\"Quantcast\"") */
	if ((a == '\'' || a == '"') && (i == 1 || strchr(" \t([]=",
	    s[i - 2]) != NULL))
		return 0;
	if (ca == UTF8PROC_CATEGORY_ND && cb == UTF8PROC_CATEGORY_LU) {
		/* a count alone before a word ("  11Comments"): a
		   widget's label, no page's last line; so is a note's
		   number as a text browser prints a superscript ("^22
		   Sometimes known as ...": a list of notes) */
		size_t j = 0;

		while (j < i && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j < i && s[j] == '^')
			j++;
		while (j < i && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i)
			return 0;
	}
	if (cb == UTF8PROC_CATEGORY_LU && cc == UTF8PROC_CATEGORY_LL &&
	    acronym_word(s, n, i, ca))
		/* "GI|Fs", "E|Tag", "TS4|Life": one word */
		return 0;
	if (a == '.' && i >= 2) {
		/* no page ends with a short abbreviation: "UBND TP.Hà
		   Nội", "Q.Bình Thạnh", "U.S.Army" */
		size_t j = i - 1, caps = 0;

		while (j > 0 && s[j - 1] >= 'A' && s[j - 1] <= 'Z') {
			j--;
			caps++;
		}
		if (caps > 0 && caps <= 2 && (j == 0 || s[j - 1] == ' ' ||
		    s[j - 1] == '.' || s[j - 1] == '('))
			return 0;
	}
	if (cb == UTF8PROC_CATEGORY_ND) {
		/* a video's clock after its title ("Video: ...00:00 /
		   01:45") opens no page */
		if (clock_line(s + i, n - i))
			return 0;
		/* a date or time after letters or a stop ("tw22:03",
		   "Zalo19:46") or after a date with its year ("12/01/2017"
		   then "20/11/18 00:00": a related item's date and the next
		   page's dateline), not digits inside a word or number */
		if (ca != UTF8PROC_CATEGORY_LL && a != '.' && a != ')' &&
		    !year_before(s, i))
			return 0;
		/* a version or a number goes on: "LINE 7.0.0", "1.200" */
		if (a == '.' && i >= 2 && s[i - 2] >= '0' && s[i - 2] <= '9')
			return 0;
		/* and only a date or time: "22:03", "19/4", "8h30",
		   or a title that opens with a number after a word
		   ("Like Share10 tính năng ...", "(TH)79 vết thương",
		   "2017 Yamaha FZ6R"), not the number of a URL
		   ("post385421") */
		{
			size_t d = i;
			long cp;
			int cw;

			while (d < n && d < i + 2 && s[d] >= '0' &&
			    s[d] <= '9')
				d++;
			if (d + 1 < n && strchr(":/h.-", s[d]) &&
			    s[d + 1] >= '0' && s[d + 1] <= '9')
				;
			else {
				while (d < n && d < i + 4 && s[d] >= '0' &&
				    s[d] <= '9')
					d++;
				if (!(d + 1 < n && s[d] == ' ' && s[i] != '0' &&
				    (ca == UTF8PROC_CATEGORY_LL || a == ')')))
					return 0;
				cw = cat_at(s + d + 1, n - d - 1, &cp);
				if (cw != UTF8PROC_CATEGORY_LL &&
				    cw != UTF8PROC_CATEGORY_LU)
					return 0;
			}
		}
	} else if (!(ca == UTF8PROC_CATEGORY_LL ||
	    ca == UTF8PROC_CATEGORY_LU || ca == UTF8PROC_CATEGORY_ND ||
	    ca == UTF8PROC_CATEGORY_PE ||
	    ca == UTF8PROC_CATEGORY_PF || (ca == UTF8PROC_CATEGORY_PO &&
	    a != ',' && a != ';' && a != '/' && a != ':' && a != '#' &&
	    a != '@') ||
	    ca == UTF8PROC_CATEGORY_SO))
		/* no page ends with an opening bracket or quote, a
		   dash, a comma or a colon ("(Việt Nam)", "“Mối", "KT-XH",
		   "lần thứ III:Xây dựng"), nor with the mark of a tag or
		   a user's name ("#GameTechie", "@NBCNews") */
		return 0;
	else if (cb == UTF8PROC_CATEGORY_LU &&
	    cc != UTF8PROC_CATEGORY_LL && !site_before(s, i) &&
	    !(a == '.' && i >= 3 && s[i - 2] >= 'a' && s[i - 2] <= 'z' &&
	    s[i - 3] >= 'a' && s[i - 3] <= 'z') &&
	    !(ca == UTF8PROC_CATEGORY_LL && (head_ends_page(s, i) ||
	    menu_item_head(s, i))) &&
	    !(ca == UTF8PROC_CATEGORY_ND && year_before(s, i)))
		/* the capital opens a capitalised word ("NGUYỄN
		   ATiêu", "hiện.Hội"), not an acronym: "TP.HCM"; after a
		   site's name an acronym may open the title ("Theo
		   vnexpress.netTP HCM ...") or after a sentence's stop
		   ("... laborum.RTL Test"), or after a lowercase word that
		   ends a page: a share bar, a byline ("Chia sẻCA TP.HCM
		   ...", "TweetTIẾT LỘ: ..."), or a menu's last item
		   ("  • Block for LifehackerLWN.net Weekly ...") */
		return 0;
	if ((ca == UTF8PROC_CATEGORY_LL || ca == UTF8PROC_CATEGORY_LU ||
	    ca == UTF8PROC_CATEGORY_ND) && inside_url(s, n, i))
		/* "facebook.com/AmbassadeFrance|Vietnam/posts/1991": the
		   URL goes on after the capital */
		return 0;
	if ((ca == UTF8PROC_CATEGORY_LL || ca == UTF8PROC_CATEGORY_LU) &&
	    cb == UTF8PROC_CATEGORY_LU && (camel_tail(s, n, i + k) ||
	    lone_lower(s, i)))
		/* the tail is itself a camel-case token ("Process|
		   ThisImmediately", "AMournful|HowlInTheNight"): code or
		   a user's name, not a title's first word; or one lowercase
		   letter after a mark opens a brand ("Stout/i|Stock") */
		return 0;
	if ((ca == UTF8PROC_CATEGORY_LL || ca == UTF8PROC_CATEGORY_LU) &&
	    cb == UTF8PROC_CATEGORY_LU && path_or_site_tail(s, n, i))
		/* "Beginners|Guide/Download", "The|Atlantic.com" */
		return 0;
	if ((a == '\'' || a == 0x2019) && cb == UTF8PROC_CATEGORY_LU &&
	    name_quote(s, i))
		/* "O'Reilly", "D’Angelo": a name, no page ends there */
		return 0;
	if ((ca == UTF8PROC_CATEGORY_LL || ca == UTF8PROC_CATEGORY_LU) &&
	    cb == UTF8PROC_CATEGORY_LU && cc == UTF8PROC_CATEGORY_LL &&
	    glue_in_name(s, n, i))
		return 0;
	if ((ca == UTF8PROC_CATEGORY_LL || ca == UTF8PROC_CATEGORY_LU) &&
	    cb == UTF8PROC_CATEGORY_LU && !tail_head(s, n, i, title))
		/* a brand inside a title or a sentence ("phi công
		   VietJet sau sự cố", "iPad", "PlayStation") is no
		   glue: between two letters, only the end of a page
		   (a byline, a name, a share bar, a URL, a date) may
		   run into the next title (issue 12: torn words) */
		return 0;
	return 1;
}

/* The first byte nu_page_glue_points reads: GLUE_TAIL bytes from the
   end, on a character's first byte, never 0. */
static size_t
glue_from(const char *s, size_t n)
{
	size_t from = n > GLUE_TAIL ? n - GLUE_TAIL : 1;

	while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	return from == 0 ? 1 : from;
}

size_t
nu_page_glue_points(const char *s, size_t n, size_t *out, size_t max)
{
	size_t i, m = 0;
	int title = -1;

	i = glue_from(s, n);
	/* this reads most of the input, and one byte in five opens a
	   capital or a Vietnamese letter: test 16 bytes at once where the
	   machine can, then only the bytes that pass */
#ifdef __SSE2__
	for (; i < 5 && i < n && m < max; i++)
		if (glue_byte(s, n, i) && glue_at(s, n, i, &title))
			out[m++] = i;
	for (; i + 18 <= n && m < max; i += 16) {
		unsigned bits = glue_bytes16(s + i), j;

		while (bits != 0 && m < max) {
			j = (unsigned)__builtin_ctz(bits);
			bits &= bits - 1;
			if (glue_at(s, n, i + j, &title))
				out[m++] = i + j;
		}
	}
#endif
	for (; i < n && m < max; i++)
		if (glue_byte(s, n, i) && glue_at(s, n, i, &title))
			out[m++] = i;
	return m;
}

size_t
nu_pline_glue_points(const struct nu_pline *l, size_t *out, size_t max)
{
	return l->glue0 == 0 ? 0 : nu_page_glue_points(l->s, l->n, out, max);
}

size_t
nu_page_glue_points_bytewise(const char *s, size_t n, size_t *out,
    size_t max)
{
	size_t i, m = 0;
	int title = -1;

	for (i = glue_from(s, n); i < n && m < max; i++)
		if (glue_byte(s, n, i) && glue_at(s, n, i, &title))
			out[m++] = i;
	return m;
}

/* ---- features ---- */

/* The hash of a feature's fixed name: a constant once inlined. */
#define NAME(lit)	nu_feat_hash(lit, sizeof(lit) - 1)

static inline uint64_t
h2(uint64_t name, unsigned k)
{
	unsigned char b = (unsigned char)k;

	return nu_feat_hash_more(name, (char *)&b, 1);
}

/* One feature a flag of fl, named name and the flag's number. */
static void
flags(struct nu_feats *f, uint64_t name, uint32_t fl)
{
	size_t n;

	while (f->cap - f->n < 32)	/* room for every flag at once */
		nu_feats_grow(f);
	for (n = f->n; fl != 0; n++) {
		unsigned k = (unsigned)__builtin_ctz(fl);

		fl &= fl - 1;
		f->h[n] = h2(name, k);
		f->v[n] = 1.0f;
	}
	f->n = n;
}

/* What a line mostly is, as a small number (a feature value). */
enum { SH_NONE, SH_IMG, SH_SHARE, SH_REL, SH_COM, SH_HDR, SH_URL, SH_DATE,
	SH_DL, SH_BY, SH_LEAD, SH_PARA, SH_TITLE, SH_NAV, SH_CAPS, SH_LONG,
	SH_SHORT };

static unsigned char
shape(const struct nu_pline *l)
{
	uint32_t f;

	if (l == NULL)
		return SH_NONE;
	f = l->flags;
	if (f & NU_PL_IMAGE) return SH_IMG;
	if (f & NU_PL_SHARE) return SH_SHARE;
	if (f & NU_PL_RELATED) return SH_REL;
	if (f & NU_PL_COMMENT) return SH_COM;
	if (f & NU_PL_HEADER) return SH_HDR;
	if (f & NU_PL_URL) return SH_URL;
	if (f & NU_PL_DATEONLY) return SH_DATE;
	if (f & NU_PL_DATELINE) return SH_DL;
	if (f & NU_PL_BYLINE) return SH_BY;
	if (f & NU_PL_PARA) return (f & NU_PL_LDATE) ? SH_LEAD : SH_PARA;
	if (f & NU_PL_TITLE) return SH_TITLE;
	if (f & NU_PL_NAV) return SH_NAV;
	if (f & NU_PL_CAPS) return SH_CAPS;
	if (l->ncp >= 60) return SH_LONG;
	return SH_SHORT;
}

/*
 * A feature named name with small values v[0..k): the values are hashed
 * as bytes after the name (no printf on the hot path: split-article asks
 * for these on every line).
 */
static inline void
addv(struct nu_feats *f, uint64_t name, const unsigned char *v, size_t k)
{
	uint64_t h = name;

	/* nu_feat_hash_more spelt out for the k (a constant here) bytes:
	   the same hash, without a loop around each feature's few steps */
#define STEP(j)	if (k > (j)) h = (h ^ v[j]) * 0x100000001b3ULL
	if (k > 8) {
		nu_feats_addh(f, nu_feat_hash_more(name, (const char *)v, k));
		return;
	}
	STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6); STEP(7);
#undef STEP
	nu_feats_addh(f, h);
}

#define V(...)	(const unsigned char[]){ __VA_ARGS__ }, \
		sizeof((const unsigned char[]){ __VA_ARGS__ })

static unsigned char
cap(unsigned x, unsigned m)
{
	return (unsigned char)(x > m ? m : x);
}

#ifdef __SSE2__
/* Bit j: s[j] is a space, for the 16 bytes s[0..16). */
static unsigned
spaces16(const char *s)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)s), _mm_set1_epi8(' ')));
}
#endif

static unsigned
bucket(unsigned x)
{
	return x < 4 ? x : x < 8 ? 4 : x < 16 ? 5 : x < 32 ? 6 : x < 64 ? 7 :
	    x < 128 ? 8 : x < 256 ? 9 : 10;
}

/* The first word (bytes up to a space), lowercase ASCII folded. */
static void
word(struct nu_feats *f, uint64_t pfx, const char *s, size_t n, int last)
{
	char w[WORD_MAX + 1];
	size_t i, a, b;

	if (last) {
		b = n;
		a = n;
		while (a > 0 && s[a - 1] != ' ')
			a--;
	} else {
		a = 0;
		b = 0;
		while (b < n && s[b] != ' ')
			b++;
	}
	if (b - a > WORD_MAX)
		b = a + WORD_MAX;
	for (i = a; i < b; i++)
		w[i - a] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
	nu_feats_addh(f, nu_feat_hash_more(pfx, w, b - a));
}

/* Whether the word at s[j] opens with a capital. */
static int
cap_at(const char *s, size_t n, size_t j)
{
	long cp;

	return (s[j] >= 'A' && s[j] <= 'Z') || ((unsigned char)s[j] >= 0xC3 &&
	    cat_at(s + j, n - j, &cp) == UTF8PROC_CATEGORY_LU);
}


/* Whether a separator before a site's name opens at the space s[j]:
   " - ", " | ", " · ", " —", " –". */
static int
sep_at(const char *s, size_t n, size_t j)
{
	if (j + 3 > n)
		return 0;
	if ((s[j + 1] == '-' || s[j + 1] == '|') && s[j + 2] == ' ')
		return 1;
	return j + 5 <= n && (memcmp(s + j + 1, "\xc2\xb7 ", 3) == 0 ||
	    memcmp(s + j + 1, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s + j + 1, "\xe2\x80\x93", 3) == 0);
}

/* A site's name after a separator in the last 40 bytes of s[0..n). */
static int
site_suffix(const char *s, size_t n)
{
	size_t j = n > 40 ? n - 40 : 0;

#ifdef __SSE2__
	for (; j + 16 <= n; j += 16) {
		unsigned sp = spaces16(s + j);

		for (; sp != 0; sp &= sp - 1)
			if (sep_at(s, n, j + (unsigned)__builtin_ctz(sp)))
				return 1;
	}
#endif
	for (; j + 3 <= n; j++)
		if (s[j] == ' ' && sep_at(s, n, j))
			return 1;
	return 0;
}

void
nu_page_glue_lines(const struct nu_pline *l, size_t col,
    struct nu_pline *head, struct nu_pline *tail)
{
	/* their glue points are looked for when one becomes a line */
	pline_init(head, l->s, col, l->flags & NU_PL_BLANK, 0);
	pline_init(tail, l->s + col, l->n - col, 0, 0);
}

/* Whether s[0..n) holds t[0..k) as a whole word (letters on neither
   side), other than at byte skip; only the first 4 KiB are read. */
static int
has_word(const char *s, size_t n, const char *t, size_t k, size_t skip)
{
	const char *p;
	size_t j = 0;

	if (n > 4096)
		n = 4096;
	while (k > 0 && j + k <= n && (p = memchr(s + j, t[0],
	    n - j - k + 1)) != NULL) {
		j = (size_t)(p - s);
		if (j != skip && memcmp(p, t, k) == 0 && (j == 0 ||
		    !letter_byte((unsigned char)s[j - 1])) && (j + k == n ||
		    !letter_byte((unsigned char)s[j + k])))
			return 1;
		j++;
	}
	return 0;
}

int
nu_page_glue_word_again(const struct nu_pline *w, size_t nw, size_t i,
    size_t col)
{
	const char *s = w[i].s;
	size_t a = col, b = col, j, j1;

	while (a > 0 && col - a < WORD_MAX && letter_byte((unsigned char)
	    s[a - 1]))
		a--;
	while (b < w[i].n && b - col < WORD_MAX && letter_byte(
	    (unsigned char)s[b]))
		b++;
	if (col - a < 2 || b - col < 2)
		return 0;
	j1 = i + 1 + NU_PAGE_AHEAD < nw ? i + 1 + NU_PAGE_AHEAD : nw;
	for (j = i >= 2 ? i - 2 : 0; j < j1; j++)
		if (has_word(w[j].s, w[j].n, s + a, b - a, j == i ? a :
		    (size_t)-1) || (
		    /* a brand that opens with one lowercase letter, glued
		       to the word before: "TweetiPhone" where the page
		       writes "iPhone" (its start is at the 'i', which is
		       no glue point; the capital after it is none either) */
		    col - a > 2 && s[col - 1] >= 'a' && s[col - 1] <= 'z' &&
		    has_word(w[j].s, w[j].n, s + col - 1, b - col + 1,
		    (size_t)-1)))
			return 1;
	return 0;
}

/* Words in a few buckets: 1, 2, 3, 4-5, 6-9, 10 and more. */
static unsigned char
words_bucket(size_t k)
{
	return (unsigned char)(k <= 3 ? k : k <= 5 ? 4 : k <= 9 ? 5 : 6);
}

/*
 * What follows a glue point, against what ends before it (issue 12, torn
 * lines): is the tail a page's first line, or the rest of the word and
 * line?  A title runs for some words to the line's end, with no other
 * glue point after it (the last glue point of "Sơn TùngThể thao & Văn
 * hóaTennis: ..." is the page's); an acronym glued to one capitalised word
 * that ends the line ("© 2024 NBCUniversal Media, LLC") is a name.  (The
 * head's words and stop against the tail's words, as a feature, made a
 * copyright line's stop then a section label, "... này.Kinh tế", a
 * sentence run on: held-out dev3 lost two of its eight starts.)
 */
static void
glue_tail_feats(struct nu_feats *f, const char *s, size_t col,
    const struct nu_pline *tail, int cb)
{
	size_t pts[3], more;
	unsigned char tw, tstop, tcap;
	long cp;

	more = nu_page_glue_points(tail->s, tail->n, pts, 2);
	tw = words_bucket(nu_utf8_word_count(tail->s, tail->n));
	tstop = (unsigned char)nu_ends_stop(tail->s, tail->n);
	tcap = 0;
	if (cb == UTF8PROC_CATEGORY_LU && tail->n > 1) {
		size_t k = nu_utf8_decode(tail->s, tail->n, &cp);

		tcap = k < tail->n && cat_at(tail->s + k, tail->n - k, &cp) ==
		    UTF8PROC_CATEGORY_LL;
	}
	addv(f, NAME("g:more"), V((unsigned char)more,
	    cb == UTF8PROC_CATEGORY_LU));
	addv(f, NAME("g:caps"), V(caps_words(s, col), tw, tstop, tcap));
}

int
nu_page_glue_domain_dot(const char *s, size_t n, size_t col)
{
	static const char *const tld[] = { "com", "net", "org", "info", "vn",
	    "edu", "gov", "tv" };
	size_t t, k;
	long cp;

	if (col < 2 || s[col - 1] != '.' || !letter_byte((unsigned char)
	    s[col - 2]))
		return 0;
	for (t = 0; t < sizeof(tld) / sizeof(tld[0]); t++) {
		k = strlen(tld[t]);
		if (col + k < n && strncasecmp(s + col, tld[t], k) == 0 &&
		    cat_at(s + col + k, n - col - k, &cp) ==
		    UTF8PROC_CATEGORY_LU)
			return 1;
	}
	return 0;
}

int
nu_page_glue_none(const struct nu_pline *w, size_t nw, size_t i, size_t col)
{
	struct nu_byline b;
	const char *t = w[i].s + col;
	size_t k = w[i].n - col;

	if (nu_page_glue_word_again(w, nw, i, col))
		return 1;
	/* the whole line a byline, and what follows the glue point a
	   signature again: an agency's name run into the writer's ("Nguồn:
	   MCV|Media L.H (T/h) Theo Đời sống Plus"), one byline, no title */
	return (w[i].flags & NU_PL_BYLINE) && (nu_meta_signed(t, k, &b) ==
	    NU_SIGN_MARKED || nu_meta_byline(t, k, &b));
}

/* nu_page_start_feats with the glue point's lines made (col > 0). */
static void
start_feats(const struct nu_pline *w, size_t nw, size_t i, size_t col,
    const struct nu_pline *head, const struct nu_pline *tail,
    const struct nu_pstate *st, struct nu_feats *f)
{
	const struct nu_pline *cur, *prev, *prev2, *n1, *n2, *n3;
	unsigned char sc, sp, sn, pb;
	int again = 0;

	nu_feats_reset(f);
	if (col > 0) {
		cur = tail;
		prev = head;
		prev2 = i > 0 ? &w[i - 1] : NULL;
	} else {
		cur = &w[i];
		prev = i > 0 ? &w[i - 1] : NULL;
		prev2 = i > 1 ? &w[i - 2] : NULL;
	}
	n1 = i + 1 < nw ? &w[i + 1] : NULL;
	n2 = i + 2 < nw ? &w[i + 2] : NULL;
	n3 = i + 3 < nw ? &w[i + 3] : NULL;

	nu_feats_addh(f, NAME("bias"));
	nu_feats_addh(f, col > 0 ? NAME("glued") : NAME("line"));
	flags(f, col > 0 ? NAME("gc:") : NAME("c:"), cur->flags);
	if (prev != NULL)
		flags(f, col > 0 ? NAME("gp:") : NAME("p:"), prev->flags);
	if (prev2 != NULL)
		flags(f, NAME("p2:"), prev2->flags);
	if (n1 != NULL)
		flags(f, NAME("n1:"), n1->flags);
	if (n2 != NULL)
		flags(f, NAME("n2:"), n2->flags);
	if (n3 != NULL)
		flags(f, NAME("n3:"), n3->flags);
	nu_feats_addh(f, h2(NAME("c:len"), bucket(cur->ncp)));
	if (prev != NULL)
		nu_feats_addh(f, h2(NAME("p:len"), bucket(prev->ncp)));
	word(f, NAME("c:w0="), cur->s, cur->n, 0);
	if (prev != NULL && prev->n > 0)
		word(f, NAME("p:wl="), prev->s, prev->n, 1);

	/* the page so far */
	pb = cap(st->paras, 3);
	nu_feats_addh(f, h2(NAME("s:lines"), bucket(st->lines)));
	nu_feats_addh(f, h2(NAME("s:paras"), pb));
	nu_feats_addh(f, h2(NAME("s:since"), bucket(st->since_para)));
	nu_feats_addh(f, h2(NAME("s:tail"), st->tail > 3 ? 3 : st->tail));
	nu_feats_addh(f, h2(NAME("s:dated"), st->dated));
	nu_feats_addh(f, h2(NAME("s:rel"), st->related));
	nu_feats_addh(f, h2(NAME("s:share"), st->share));
	nu_feats_addh(f, h2(NAME("s:before"), bucket(st->before)));

	/* shapes in context: the conjunctions a linear model cannot make */
	sc = shape(cur);
	sp = shape(prev);
	sn = shape(n1);
	addv(f, NAME("sh3"), V(sp, sc, sn));
	addv(f, NAME("sh2n"), V(sc, sn));
	addv(f, NAME("sh2p"), V(sp, sc));
	addv(f, NAME("sh4"), V(sc, sn, shape(n2), shape(n3)));
	addv(f, NAME("ss"), V(sc, sn, pb, st->tail > 0));
	addv(f, NAME("ssp"), V(sp, sc, pb));
	addv(f, NAME("sr"), V(sc, sn, cap(st->related, 1), cap(st->share, 1),
	    cap(st->dated, 1)));
	{
		/* further ahead: an article has paragraphs, a related list
		   titles and dates */
		unsigned np = 0, nt = 0, nd = 0, ni = 0, al = 0, ai = 0;
		size_t j;

		/* one pass over the lines ahead for every count */
		for (j = i + 1; j < nw && j <= i + NU_PAGE_AHEAD; j++) {
			uint32_t fj = w[j].flags;

			np += (fj & NU_PL_PARA) != 0;
			nt += (fj & NU_PL_TITLE) != 0 && !(fj & NU_PL_PARA);
			nd += (fj & (NU_PL_DATEONLY | NU_PL_DATELINE)) != 0;
			ni += (fj & NU_PL_IMAGE) != 0;
			al += w[j].ncp >= 60;
			ai += (fj & (NU_PL_INDENT | NU_PL_BULLET)) != 0;
			/* the title printed again below it (a page's
			   heading after its <title>) */
			again |= j >= i + 2 && w[j].n == cur->n &&
			    cur->n > 8 && memcmp(w[j].s, cur->s, cur->n) == 0;
		}
		addv(f, NAME("ah"), V(sc, cap(np, 4), cap(nt, 3), cap(nd, 2),
		    cap(ni, 1)));
		/* prose behind and ahead: a rendered page wraps its
		   paragraphs into long lines with no stop, and a page
		   starts where the prose of the last one (or its menus
		   and footer) gives way to a title and new prose */
		{
			unsigned bl, bi;

			bl = (unsigned)__builtin_popcount(st->longbits & 0xff);
			bi = (unsigned)__builtin_popcount(st->indbits & 0xff);
			addv(f, NAME("dens"), V((unsigned char)(bl / 2),
			    (unsigned char)(al / 2), (cur->flags &
			    NU_PL_BLANK) != 0));
			addv(f, NAME("densi"), V((unsigned char)(bi / 2),
			    (unsigned char)(ai / 2), (cur->flags &
			    NU_PL_INDENT) != 0));
			addv(f, NAME("densc"), V((unsigned char)(bl / 3),
			    (unsigned char)(al / 3), sc, (n1 != NULL &&
			    (n1->flags & NU_PL_BLANK))));
		}
		{
			/* the blank lines' rhythm changes here (how many of
			   the page's last six lines and of the next four had
			   a blank line above them): a related list's items
			   stand apart, the next page's title, sapo and
			   paragraphs follow one another with none between
			   (pages each ending with a newline, one after
			   another) */
			unsigned bb = (unsigned)__builtin_popcount(
			    st->blankbits & 0x3f), ba = 0;

			for (j = i + 1; j < nw && j <= i + 4; j++)
				ba += (w[j].flags & NU_PL_BLANK) != 0;
			addv(f, NAME("breg"), V((unsigned char)((bb + 1) / 2),
			    (unsigned char)ba, (cur->flags & NU_PL_BLANK) != 0,
			    sc));
		}
		addv(f, NAME("ahr"), V(sc, cap(np, 4), cap(nt, 3),
		    cap(st->related, 1)));
		nu_feats_addh(f, h2(NAME("ah:p"), np));
		nu_feats_addh(f, h2(NAME("ah:t"), nt));
		nu_feats_addh(f, h2(NAME("ah:d"), nd));
	}
	{
		/* a rendered page's layout (w3m -dump): a title is not
		   indented, has a blank line under it, and the last page
		   ended in a list, a footer or a paragraph's last line;
		   inside a page a line with no blank above it continues a
		   wrapped paragraph or a list */
		uint32_t cf = cur->flags, pf = prev != NULL ? prev->flags : 0;
		unsigned char nb = n1 != NULL && (n1->flags & NU_PL_BLANK);

		addv(f, NAME("lay"), V((cf & NU_PL_BLANK) != 0, nb,
		    (cf & NU_PL_INDENT) != 0, (pf & (NU_PL_INDENT |
		    NU_PL_BULLET)) != 0, prev != NULL && prev->ncp >= 70,
		    (pf & NU_PL_STOP) != 0, (cf & NU_PL_STOP) != 0,
		    (cf & NU_PL_UPPER) != 0));
		addv(f, NAME("lays"), V((cf & NU_PL_BLANK) != 0, nb,
		    (cf & NU_PL_INDENT) != 0, sc, sp));
		addv(f, NAME("foot"), V(cap(st->footer, 8),
		    (cf & NU_PL_BLANK) != 0, (cf & NU_PL_INDENT) != 0));
		addv(f, NAME("list"), V(cap(st->listrun, 4),
		    (cf & (NU_PL_INDENT | NU_PL_BULLET)) != 0, nb));
		if (n1 != NULL)
			addv(f, NAME("lay1"), V(nb, shape(n1),
			    (n1->flags & NU_PL_INDENT) != 0, (cf &
			    NU_PL_INDENT) != 0));
	}
	{
		/* an English title's shape: most words capitalised ("Seven
		   Secrets Hotel Owners Don't Want"), a site's name after a
		   separator ("... - Breitbart", "... | IAB", "... · V8") */
		size_t nw0, ncap, sfx;

		nw0 = nu_utf8_words(cur->s, cur->n, cap_at, &ncap);
		sfx = site_suffix(cur->s, cur->n);
		addv(f, NAME("tcase"), V(nw0 ? (unsigned char)(4 * ncap /
		    nw0) : 9, (unsigned char)sfx, sc));
	}
	{
		/* the words of a page's title come again in its first
		   lines and were not in the lines before it (the last
		   page's); a heading inside a page shares its words with
		   both */
		uint64_t ahead[NU_WORDS_BITS / 64];
		unsigned nw1 = cur->words.n, na = 0, nb = 0, fresh = 0, k;
		size_t j;

		memset(ahead, 0, sizeof(ahead));
		for (j = i + 1; j < nw && j <= i + NU_PAGE_AHEAD; j++)
			set_words(ahead, &w[j].words);
		for (k = 0; k < nw1; k++) {
			uint16_t h = cur->words.h[k];
			int a = in_words(ahead, h), b = in_words(st->words[0],
			    h) || in_words(st->words[1], h);

			na += a;
			nb += b;
			fresh += a && !b;
		}
		if (nw1 > 0) {
			addv(f, NAME("coh"), V((unsigned char)cap(nw1, 4),
			    (unsigned char)(4 * fresh / nw1),
			    (unsigned char)(4 * nb / nw1)));
			addv(f, NAME("cohs"), V(sc, (unsigned char)(2 * fresh /
			    nw1), (unsigned char)(2 * nb / nw1),
			    (unsigned char)(2 * na / nw1)));
		} else
			nu_feats_addh(f, NAME("coh:none"));
	}
	if (col == 0 && !(cur->flags & NU_PL_PARA)) {
		/* a glue point near the line's start ("Hồng HạnhNgười đi
		   xe ...", "Duy KhôiThủ tướng ..."): the last page's
		   byline glued to the next title, where the page starts at
		   the glue point and not at the line */
		size_t pt = cur->glue0 == NU_GLUE_UNKNOWN ?
		    first_glue(cur->s, cur->n) : cur->glue0;

		if (pt > 0)
			addv(f, NAME("c:gp"), V((unsigned char)(pt <= 4 ? 0 :
			    pt <= 12 ? 1 : pt <= 24 ? 2 : pt <= 48 ? 3 : 4),
			    sc, memchr(cur->s, ' ', pt) != NULL));
	}
	if (again)
		nu_feats_addh(f, NAME("again"));
	if (prev != NULL && prev->n == cur->n && cur->n > 0 &&
	    memcmp(prev->s, cur->s, cur->n) == 0)
		nu_feats_addh(f, NAME("doubled"));
	if (n1 != NULL && n1->n == cur->n && cur->n > 0 &&
	    memcmp(n1->s, cur->s, cur->n) == 0)
		nu_feats_addh(f, NAME("doubled-next"));

	if (col > 0) {
		/* the glue point: the kinds of character on its two sides,
		   how long the head is, the two words it joins */
		long a, b;
		int ca, cb;

		ca = cat_before(w[i].s, w[i].n, col, &a);
		cb = cat_at(w[i].s + col, w[i].n - col, &b);
		addv(f, NAME("g:cats"), V((unsigned char)ca,
		    (unsigned char)cb));
		/* the whole line: a title or a sentence with a brand inside
		   ("phi công VietJet sau sự cố") is one line, not two */
		flags(f, NAME("gl:"), w[i].flags);
		addv(f, NAME("g:line"), V(shape(&w[i]), (unsigned char)ca,
		    (unsigned char)cb));
		if (a < 128)
			addv(f, NAME("g:before"), V((unsigned char)a));
		nu_feats_addh(f, h2(NAME("g:head"), bucket(head->ncp)));
		nu_feats_addh(f, h2(NAME("g:tail"), bucket(tail->ncp)));
		word(f, NAME("g:wl="), head->s, head->n, 1);
		{
			/* the whole token across the glue: "VnExpress" */
			size_t a0 = col, b0 = col;
			char t[2 * WORD_MAX + 1];

			while (a0 > 0 && w[i].s[a0 - 1] != ' ' &&
			    col - a0 < WORD_MAX)
				a0--;
			while (b0 < w[i].n && w[i].s[b0] != ' ' &&
			    b0 - col < WORD_MAX)
				b0++;
			memcpy(t, w[i].s + a0, b0 - a0);
			nu_feats_addh(f, nu_feat_hash_more(NAME("g:tok="), t,
			    b0 - a0));
		}
		addv(f, NAME("gs"), V(sp, sc, (unsigned char)ca,
		    (unsigned char)cb));
		/* the shape of the head's last token: "VietJet", "VnExpress"
		   glue a brand's halves (short, capitalised), "tw", "2022",
		   "SƠN BÌNH/TUOITRE.VN" a page's last word */
		{
			size_t a0 = col, j, up = 0, lo = 0, dg = 0, ot = 0;
			long cp;

			while (a0 > 0 && w[i].s[a0 - 1] != ' ')
				a0--;
			for (j = a0; j < col; j += nu_utf8_decode(w[i].s + j,
			    col - j, &cp)) {
				int c = cat_at(w[i].s + j, col - j, &cp);

				if (c == UTF8PROC_CATEGORY_LU)
					up++;
				else if (c == UTF8PROC_CATEGORY_LL)
					lo++;
				else if (c == UTF8PROC_CATEGORY_ND)
					dg++;
				else
					ot++;
			}
			addv(f, NAME("g:htok"), V(cap((unsigned)up, 2),
			    cap((unsigned)lo, 4), dg > 0, ot > 0, sc));
			addv(f, NAME("g:hwords"), V((unsigned char)bucket(
			    (unsigned)nu_utf8_word_count(w[i].s, col)), sp));
		}
		glue_tail_feats(f, w[i].s, col, tail, cb);
	}
}

void
nu_page_start_feats(const struct nu_pline *w, size_t nw, size_t i,
    size_t col, const struct nu_pstate *st, struct nu_feats *f)
{
	struct nu_pline head, tail;

	if (col == 0) {
		start_feats(w, nw, i, 0, NULL, NULL, st, f);
		return;
	}
	nu_page_glue_lines(&w[i], col, &head, &tail);
	start_feats(w, nw, i, col, &head, &tail, st, f);
}

void
nu_page_glue_feats(const struct nu_pline *w, size_t nw, size_t i,
    const struct nu_pline *head, const struct nu_pline *tail,
    const struct nu_pstate *st, struct nu_feats *f)
{
	start_feats(w, nw, i, (size_t)(tail->s - w[i].s), head, tail, st, f);
}

/*
 * Whether s[0..n) ends with a stop a title may end with: '!', '?' or an
 * ellipsis ("... mới câm nín vì bên trong thực ra là…", "... khởi tố
 * không?"), a closing quote aside; a full stop is a sentence's.
 */
static int
title_stop(const char *s, size_t n)
{
	if (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	else if (n >= 3 && (memcmp(s + n - 3, "”", 3) == 0 ||
	    memcmp(s + n - 3, "’", 3) == 0))
		n -= 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	return s[n - 1] == '!' || s[n - 1] == '?' || (n >= 3 &&
	    (memcmp(s + n - 3, "…", 3) == 0 ||
	    memcmp(s + n - 3, "...", 3) == 0));
}

/* Whether s[0..n) holds a sentence's stop before its end: '!', '?', an
   ellipsis or a full stop after a lowercase letter, then a space and more
   ("Why? Because ..."); an abbreviation's stop ("U.S. ", "TP. HCM") is
   none. */
static int
inner_stop(const char *s, size_t n)
{
	size_t j;

	for (j = 1; j + 2 < n; j++) {
		if (s[j + 1] != ' ' || s[j + 2] == ' ')
			continue;
		if (s[j] == '!' || s[j] == '?' || (s[j] == '.' &&
		    s[j - 1] >= 'a' && s[j - 1] <= 'z') || (j >= 2 &&
		    memcmp(s + j - 2, "…", 3) == 0))
			return 1;
		if (s[j] == '.' && ((unsigned char)s[j - 1] & 0x80)) {
			/* after a letter with a mark: "mới." */
			long cp;

			if (cat_before(s, n, j, &cp) == UTF8PROC_CATEGORY_LL)
				return 1;
		}
	}
	return 0;
}

int
nu_page_start_candidate(const struct nu_pline *w, size_t i)
{
	/* no page opens with a paragraph (a title, a menu or a dateline
	   comes first), unless it opens with its date: most lines of a
	   page, and the model need not be asked (speed) */
	if (i > 0 && (w[i].flags & (NU_PL_IMAGE | NU_PL_CLOCK)))
		return 0;	/* an image file name: a title comes first;
				   a video's clock: inside an article */
	/* a short line in capitals right under a paragraph that ends a
	   sentence: a label ("SEE THE PHOTOS", "READ MORE"); none of the
	   133 such lines of the real dev sets opens a page */
	if (i > 0 && (w[i].flags & NU_PL_CAPS) && !(w[i].flags &
	    (NU_PL_DATELINE | NU_PL_DATEONLY | NU_PL_LDATE)) &&
	    w[i].ncp < 40 && (w[i - 1].flags & NU_PL_PARA) &&
	    (w[i - 1].flags & NU_PL_STOP) &&
	    nu_utf8_word_count(w[i].s, w[i].n) <= 4)
		return 0;
	/* a list item right under another ("8. Italy", "9. Spain"): the
	   same list goes on */
	if (i > 0 && (w[i].flags & NU_PL_BULLET) && (w[i - 1].flags &
	    NU_PL_BULLET) && !(w[i].flags & NU_PL_BLANK))
		return 0;
	/* a long title may end with '!', '?' or an ellipsis as a sentence
	   does ("Sốc với những loại “bùa ngải” có thật ... phòng tránh !"):
	   shorter than 200 characters and one sentence, such a line is
	   asked */
	if (i > 0 && (w[i].flags & NU_PL_PARA) && w[i].ncp < 200 &&
	    title_stop(w[i].s, w[i].n) && !inner_stop(w[i].s, w[i].n))
		return 1;
	return !(i > 0 && (w[i].flags & NU_PL_PARA) &&
	    !(w[i].flags & NU_PL_LDATE));
}

float
nu_page_start_threshold(const struct nu_model *m, const char *key)
{
	const char *t = nu_model_meta(m, key);

	return t != NULL ? strtof(t, NULL) : 0;
}

float
nu_page_start_score(const struct nu_model *m, const struct nu_pline *w,
    size_t nw, size_t i, size_t col, const struct nu_pstate *st,
    struct nu_feats *f)
{
	float sc[2];

	if (m == NULL || nu_model_nlabels(m) != 2)
		return -1;
	nu_page_start_feats(w, nw, i, col, st, f);
	nu_model_scores(m, f, sc);
	return sc[1] - sc[0];
}

float
nu_page_glue_score(const struct nu_model *m, const struct nu_pline *w,
    size_t nw, size_t i, const struct nu_pline *head,
    const struct nu_pline *tail, const struct nu_pstate *st,
    struct nu_feats *f)
{
	float sc[2];

	if (m == NULL || nu_model_nlabels(m) != 2)
		return -1;
	nu_page_glue_feats(w, nw, i, head, tail, st, f);
	nu_model_scores(m, f, sc);
	return sc[1] - sc[0];
}

int
nu_page_starts_here(const struct nu_model *m, const struct nu_pline *w,
    size_t nw, size_t i, size_t col, const struct nu_pstate *st,
    struct nu_feats *f)
{
	return nu_page_start_score(m, w, nw, i, col, st, f) >
	    nu_page_start_threshold(m, "threshold");
}

/* ---- training examples ---- */

/* Byte offset of code point cp in s[0..n), n when past the end. */
static size_t
cp_offset(const char *s, size_t n, size_t cp)
{
	size_t i = 0;

	for (; i < n && cp > 0; cp--)
		for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
			;
	return i;
}

/*
 * {"lines": ["...", ...], "starts": [[line, col], ...]}: the lines of a
 * stream (a page, or pages one after another, glued or not) and where
 * each page starts, line index from 0 and column in code points (0: at
 * the line's start).  Every candidate (every line but the first, every
 * glue point) is an example, with the page so far as the gold starts
 * left it: the decisions before are taken as right, as split-article
 * takes its own.
 */
int
nu_page_start_examples(const struct nu_task *self, const struct nu_jdoc *d,
    nu_emit_fn *emit, void *ctx, char *err, size_t errlen)
{
	struct nu_buf text = { 0 }, tmp = { 0 };
	struct nu_pline *w = NULL;
	struct nu_feats f = { 0 };
	struct nu_pstate st;
	size_t la, sa, it, nl, k, nb = 0, *off = NULL, *orig = NULL;
	size_t (*starts)[2] = NULL, ns = 0, j, pts[64], np, p;
	size_t *map = NULL;
	int blank = 0, rc = -1, g;

	static int ready;

	(void)self;
	if (!ready++)
		nu_meta_init();		/* the recognisers' lexicons */
	if (d->nodes[0].type != NU_JOBJ ||
	    (la = nu_json_get(d, 0, "lines")) == 0 ||
	    d->nodes[la].type != NU_JARR ||
	    (sa = nu_json_get(d, 0, "starts")) == 0 ||
	    d->nodes[sa].type != NU_JARR) {
		snprintf(err, errlen, "needs \"lines\" (array of strings) and "
		    "\"starts\" (array of [line, column])");
		return -1;
	}
	nl = d->nodes[la].count;
	off = calloc(nl + 1, sizeof(*off));
	w = calloc(nl + 1, sizeof(*w));
	orig = calloc(nl + 1, sizeof(*orig));
	map = calloc(nl + 1, sizeof(*map));
	starts = calloc(d->nodes[sa].count + 1, sizeof(*starts));
	if (off == NULL || w == NULL || orig == NULL || map == NULL ||
	    starts == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	/* all lines into one buffer first: pointers only once it is done */
	for (it = d->nodes[la].child, k = 0; it != 0; it = d->nodes[it].next,
	    k++) {
		if (d->nodes[it].type != NU_JSTR) {
			snprintf(err, errlen, "line %zu is not a string", k);
			goto out;
		}
		off[k] = text.len;
		nu_json_str(d, it, &text);
	}
	off[nl] = text.len;
	for (it = d->nodes[sa].child; it != 0; it = d->nodes[it].next) {
		size_t a = d->nodes[it].child, b;

		if (d->nodes[it].type != NU_JARR || d->nodes[it].count != 2 ||
		    d->nodes[a].type != NU_JNUM ||
		    d->nodes[b = d->nodes[a].next].type != NU_JNUM) {
			snprintf(err, errlen, "a start is not [line, column]");
			goto out;
		}
		starts[ns][0] = strtoul(d->text + d->nodes[a].start, NULL, 10);
		starts[ns][1] = strtoul(d->text + d->nodes[b].start, NULL, 10);
		ns++;
	}
	for (k = 0; k < nl; k++) {
		const char *s = text.p + off[k];
		size_t n = off[k + 1] - off[k], i;

		for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
			;
		if (i == n) {
			blank = 1;
			continue;
		}
		nu_pline_init(&w[nb], s, n, blank);
		blank = 0;
		orig[nb] = k;
		map[k] = nb + 1;
		nb++;
	}
	/* gold starts as (non-blank index, byte offset) */
	for (j = 0; j < ns; j++) {
		size_t L = starts[j][0];

		if (L >= nl || map[L] == 0) {
			starts[j][0] = (size_t)-1;
			continue;
		}
		starts[j][0] = map[L] - 1;
		starts[j][1] = cp_offset(text.p + off[L], off[L + 1] - off[L],
		    starts[j][1]);
	}
	nu_pstate_start(&st);
	for (k = 0; k < nb; k++) {
		size_t gold = 0;

		for (j = 0; j < ns; j++)
			if (starts[j][0] == k && starts[j][1] == 0)
				gold = 1;
		if (k > 0 && nu_page_start_candidate(w, k)) {
			nu_page_start_feats(w, nb, k, 0, &st, &f);
			emit(ctx, &f, &gold, 1);
		}
		if (gold)
			nu_pstate_start(&st);
		np = nu_pline_glue_points(&w[k], pts, 64);
		for (p = 0, g = 0; p < np && !g; p++) {
			size_t lab = 0;

			if (nu_page_glue_none(w, nb, k, pts[p]))
				continue;	/* as split-article */
			for (j = 0; j < ns; j++)
				if (starts[j][0] == k && starts[j][1] == pts[p])
					lab = 1;
			nu_page_start_feats(w, nb, k, pts[p], &st, &f);
			emit(ctx, &f, &lab, 1);
			if (lab) {
				/* as split-article does: the head ends the
				   page, the tail is a line of its own */
				struct nu_pline hd;

				nu_pline_init(&hd, w[k].s, pts[p], 0);
				nu_pstate_add(&st, &hd);
				nu_pstate_start(&st);
				nu_pline_init(&w[k], w[k].s + pts[p],
				    w[k].n - pts[p], 0);
				g = 1;
			}
		}
		nu_pstate_add(&st, &w[k]);
	}
	rc = 0;
out:
	nu_feats_free(&f);
	nu_buf_free(&text);
	nu_buf_free(&tmp);
	free(off);
	free(w);
	free(orig);
	free(map);
	free(starts);
	return rc;
}

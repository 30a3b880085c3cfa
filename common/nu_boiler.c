/*
 * The boilerplate line classifier (see nu_boiler.h).
 *
 * A page is read as: a title, then the article region (lead, paragraphs,
 * image file names followed by captions, datelines, bylines, source
 * URLs), then a tail that starts at a block header ("Tin cùng chuyên
 * mục", "Related stories", "Comments") and holds related titles (often
 * doubled), summaries and dates, and ends with share buttons.  Per-line
 * features are computed once (length, sentence shape, a hash for
 * duplicates, the kind of structural line); a small state machine per
 * page then gives the roles.  In a stream, a page also ends where a share
 * line closes the tail, where a line is glued to the next page's title
 * ("fb yt zl twLào Cai ..."), or where article paragraphs follow each
 * other inside a tail (a related block holds titles between summaries).
 */
#include <stdlib.h>
#include <string.h>

#include "nu_boiler.h"
#include "nu_buf.h"
#include "nu_lexicon.h"
#include "nu_meta.h"
#include "nu_utf8.h"

#include <utf8proc.h>

/* What a line is, from its own text. */
enum {
	K_BLANK, K_TEXT, K_IMAGE, K_URL, K_SHARE, K_GLUE, K_DATE, K_DATELINE,
	K_BYLINE, K_HDR_REL, K_HDR_COMMENT, K_NAV, K_ADVERT
};

/* Its shape: a title-like line, an article-like paragraph, or between. */
enum { S_MID, S_TITLE, S_PARA };

#define TITLE_MAX	160	/* code points: longer is not a title */
#define PARA_MIN	200	/* a paragraph, whatever its end */
#define SENT_MIN	100	/* a sentence-ended line this long is one too */
#define STRUCT_MAX	4096	/* bytes: longer lines are plain text */
#define HDR_MAX		80	/* bytes: longer lines are not headers */
#define NEAR_MAX	2000	/* bytes: near-duplicate check limit */

struct phrase {
	char	*s;
	size_t	 n;
	int	 kind;
};

struct nu_boiler {
	struct phrase	*ph;
	size_t		 nph, cph, phmax;	/* phmax: longest phrase */
	struct nu_wordset *stop;
	struct nu_wordset *share;	/* share tokens, lowercase, exact */
	unsigned char	 share_first[256];	/* first bytes of share tokens */
	struct nu_buf	 low, fix;
	/* duplicate table of the page being classified */
	uint32_t	*slot;
	size_t		 nslot;
};

static const char *role_names[NU_BR_NROLES] = {
	"blank", "title", "content", "caption", "dateline", "byline",
	"source-url", "image", "caption-duplicate", "duplicate",
	"related-header", "related-title", "related-summary", "related-date",
	"comment-header", "share", "navigation", "advert", "other"
};

const char *
nu_boiler_role_name(int role)
{
	return role >= 0 && role < NU_BR_NROLES ? role_names[role] : "other";
}

int
nu_boiler_role_kept(int role, int no_meta)
{
	switch (role) {
	case NU_BR_TITLE:
	case NU_BR_CONTENT:
	case NU_BR_CAPTION:
		return 1;
	case NU_BR_DATELINE:
	case NU_BR_BYLINE:
	case NU_BR_SOURCE_URL:
		return !no_meta;
	default:
		return 0;
	}
}

static void
add_phrase(const char *e, size_t n, void *arg)
{
	struct nu_boiler *b = arg;
	const char *tab = memchr(e, '\t', n);
	size_t rl;
	int kind;

	if (tab == NULL)
		return;
	rl = (size_t)(tab - e);
	if (rl == 14 && memcmp(e, "related-header", 14) == 0)
		kind = K_HDR_REL;
	else if (rl == 14 && memcmp(e, "comment-header", 14) == 0)
		kind = K_HDR_COMMENT;
	else if (rl == 5 && memcmp(e, "share", 5) == 0)
		kind = K_SHARE;
	else if (rl == 10 && memcmp(e, "navigation", 10) == 0)
		kind = K_NAV;
	else if (rl == 6 && memcmp(e, "advert", 6) == 0)
		kind = K_ADVERT;
	else
		return;
	if (b->nph == b->cph) {
		b->cph = b->cph ? 2 * b->cph : 128;
		b->ph = nu_ereallocarray(b->ph, b->cph, sizeof(*b->ph));
	}
	b->ph[b->nph].n = n - rl - 1;
	b->ph[b->nph].s = nu_emalloc(n - rl);
	memcpy(b->ph[b->nph].s, tab + 1, n - rl - 1);
	b->ph[b->nph].s[n - rl - 1] = '\0';
	b->ph[b->nph].kind = kind;
	if (n - rl - 1 > b->phmax)
		b->phmax = n - rl - 1;
	b->nph++;
}

static void
add_stop(const char *e, size_t n, void *arg)
{
	nu_wordset_add(arg, e, n);
}

static void
add_share(const char *e, size_t n, void *arg)
{
	struct nu_boiler *b = arg;
	const char *sp = memchr(e, ' ', n);

	/* the first word is what the quick test looks at */
	nu_wordset_add(b->share, e, sp ? (size_t)(sp - e) : n);
	b->share_first[(unsigned char)e[0]] = 1;
}

/*
 * Can the line be a share-button line, or start with share tokens glued
 * to a title?  A quick look at the first word, so that the exact tests of
 * nu_meta (which lowercase and look up words) run on few lines: an ASCII
 * first word must be a share token or have one before an uppercase
 * letter; a word with other bytes must at least start like one.
 */
static int
share_maybe(const struct nu_boiler *b, const char *s, size_t n)
{
	char w[16];
	size_t i, k;

	for (i = 0; i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '|'; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return b->share_first[s[0] >= 'A' && s[0] <= 'Z' ?
			    (unsigned char)(s[0] | 0x20) : (unsigned char)s[0]];
		if (i == sizeof(w))
			return 0;
		w[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
	}
	for (k = i; k > 0 && (w[k - 1] == ':' || w[k - 1] == ','); k--)
		;
	if (k > 0 && nu_wordset_has(b->share, w, k))
		return 1;
	for (k = 1; k < i; k++)
		if (s[k] >= 'A' && s[k] <= 'Z' && nu_wordset_has(b->share, w, k))
			return 1;
	return 0;
}

struct nu_boiler *
nu_boiler_new(int lang)
{
	struct nu_boiler *b = nu_emalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	nu_meta_init();
	b->stop = nu_wordset_new(1);
	b->share = nu_wordset_new(0);
	nu_lexicon_each("share-tokens.txt", add_share, b);
	if (lang != NU_BOIL_LANG_EN) {
		nu_lexicon_each("boilerplate-vi.txt", add_phrase, b);
		nu_lexicon_each("stopwords-vi.txt", add_stop, b->stop);
	}
	if (lang != NU_BOIL_LANG_VI) {
		nu_lexicon_each("boilerplate-en.txt", add_phrase, b);
		nu_lexicon_each("stopwords-en.txt", add_stop, b->stop);
	}
	return b;
}

void
nu_boiler_free(struct nu_boiler *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nph; i++)
		free(b->ph[i].s);
	free(b->ph);
	nu_wordset_free(b->stop);
	nu_wordset_free(b->share);
	nu_buf_free(&b->low);
	nu_buf_free(&b->fix);
	free(b->slot);
	free(b);
}

static int
blank(int c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

static void
trim(const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t n = *np;

	/* a BOM is encoding, and U+00A0 is how many pages indent */
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	for (;;) {
		if (n > 0 && blank((unsigned char)s[0]))
			s++, n--;
		else if (n >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
			s += 2, n -= 2;
		else
			break;
	}
	for (;;) {
		if (n > 0 && blank((unsigned char)s[n - 1]))
			n--;
		else if (n >= 2 && memcmp(s + n - 2, "\xc2\xa0", 2) == 0)
			n -= 2;
		else
			break;
	}
	*sp = s;
	*np = n;
}

static uint64_t
mix(uint64_t h, const char *s, size_t n)
{
	uint64_t w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/*
 * A hash of the first 256 and last 64 bytes and the length, eight bytes
 * at a time: duplicates are confirmed with memcmp, so it only has to
 * spread well, and be cheap on long paragraphs.
 */
static uint64_t
hash_line(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	size_t m = n < 256 ? n : 256, t;

	h = mix(h, s, m);
	if (n > m) {
		t = n - 64 > m ? n - 64 : m;
		h = mix(h, s + t, n - t);
	}
	return h ^ (h >> 29);
}

/* Code points in s[0..n): bytes less UTF-8 continuation bytes. */
static size_t
count_cp(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL;
	uint64_t w, c;
	size_t i, cont = 0;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		c = (w & ~(w << 1) & hi) >> 7;	/* 1 per 10xxxxxx byte */
		cont += (size_t)((c * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

/* Does the text end a sentence: '.', '!', '?', '…', perhaps inside quotes? */
static int
sentence_end(const char *s, size_t n)
{
	for (;;) {
		if (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' ||
		    s[n - 1] == ')'))
			n--;
		else if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 ||
		    memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0))
			n -= 3;
		else
			break;
	}
	if (n == 0)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
		return 1;
	return n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0;
}

/* A title does not end like a clause that goes on. */
static int
title_end(const char *s, size_t n)
{
	int c = (unsigned char)s[n - 1];

	if (c == '.' || c == ',' || c == ';' || c == ':')
		return 0;
	return !(n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0);
}

static int
header_kind(struct nu_boiler *b, const char *s, size_t n)
{
	size_t i = 0, k;
	struct nu_buf *lo = &b->low;

	nu_buf_reset(lo);
	nu_utf8_lower(s, n, lo);
	while (lo->len > 0 && strchr(" \t:>»›|-", lo->p[lo->len - 1]) &&
	    lo->p[lo->len - 1] != '\0')
		lo->len--;
	while (i < lo->len && strchr(" \t<«‹|-", lo->p[i]) && lo->p[i] != '\0')
		i++;
	for (k = 0; k < b->nph; k++)
		if (b->ph[k].n == lo->len - i &&
		    memcmp(b->ph[k].s, lo->p + i, lo->len - i) == 0)
			return b->ph[k].kind;
	return K_TEXT;
}

/*
 * A navigation line without a lexicon phrase: short segments between '|',
 * '»' or '›' ("Home | World | Business"), or four or more capitalised
 * ASCII words none of which is a stop word ("World Business Markets
 * Sport"): menus, not sentences.
 */
static int
nav_shape(struct nu_boiler *b, const char *s, size_t n)
{
	size_t i, j, seps = 0, words = 0, caps = 0, stops = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '|' || (i + 1 < n && (memcmp(s + i, "\xc2\xbb", 2) ==
		    0 || (i + 2 < n && memcmp(s + i, "\xe2\x80\xba", 3) == 0))))
			seps++;
	if (seps >= 2 && n / (seps + 1) <= 24)
		return 1;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '.' || s[i] == ',')
			return 0;
	for (i = 0; i < n; i = j) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		words++;
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		if (nu_wordset_has(b->stop, s + i, j - i))
			stops++;
	}
	return words >= 4 && caps == words && stops == 0;
}

static void
features(struct nu_boiler *b, struct nu_bline *l)
{
	const char *s = l->s;
	size_t n = l->n, cp = 0;
	struct nu_byline by;
	struct nu_date d;
	int k, share;

	trim(&s, &n);
	l->kind = K_BLANK;
	l->shape = S_MID;
	l->ncp = 0;
	l->hash = 0;
	if (n == 0)
		return;
	/* a code point takes at most 4 bytes: long lines need no count */
	if (n / 4 >= PARA_MIN)
		cp = n / 4;
	else
		cp = count_cp(s, n);
	l->ncp = (uint32_t)cp;	/* at least, for long lines */
	l->hash = hash_line(s, n);
	if (cp >= PARA_MIN || (cp >= SENT_MIN && sentence_end(s, n)))
		l->shape = S_PARA;
	else if (cp <= TITLE_MAX && title_end(s, n))
		l->shape = S_TITLE;
	l->kind = K_TEXT;
	if (n > STRUCT_MAX)
		return;
	if (nu_meta_image_line(s, n))
		l->kind = K_IMAGE;
	else if (nu_meta_url_line(s, n))
		l->kind = K_URL;
	else if ((share = share_maybe(b, s, n)) && nu_meta_share_line(s, n))
		l->kind = K_SHARE;
	else if ((share && nu_meta_share_glue(s, n)) ||
	    nu_meta_date_glue(s, n))
		l->kind = K_GLUE;
	else if (n <= b->phmax + 12 && (k = header_kind(b, s, n)) != K_TEXT)
		l->kind = (unsigned char)k;
	else if (nu_meta_date_only(s, n))
		l->kind = K_DATE;
	else if (n <= HDR_MAX && nu_meta_dateline_line(s, n, &d))
		l->kind = K_DATELINE;
	else if (nu_meta_byline(s, n, &by))
		l->kind = K_BYLINE;
	else if (n <= HDR_MAX && l->shape != S_PARA && nav_shape(b, s, n))
		l->kind = K_NAV;
}

/* The trimmed text of a line. */
static void
text_of(const struct nu_bline *l, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->n;
	trim(s, n);
}

static int
same_text(const struct nu_bline *a, const struct nu_bline *c)
{
	const char *s, *t;
	size_t n, m;

	if (a->hash != c->hash)
		return 0;
	text_of(a, &s, &n);
	text_of(c, &t, &m);
	return n == m && memcmp(s, t, n) == 0;
}

/*
 * Near copies: a caption printed twice with a word changed or cut ("...
 * trong thời tới…" / "... trong thời gian tới…").  The common prefix and
 * suffix cover 80% of the longer line.
 */
static int
near_copy(const struct nu_bline *a, const struct nu_bline *c)
{
	const char *s, *t;
	size_t n, m, p = 0, q = 0, mx, mn;

	text_of(a, &s, &n);
	text_of(c, &t, &m);
	mx = n > m ? n : m;
	mn = n > m ? m : n;
	if (mn < 24 || mx > NEAR_MAX || mn * 5 < mx * 4)
		return 0;
	while (p < mn && s[p] == t[p])
		p++;
	while (q < mn - p && s[n - 1 - q] == t[m - 1 - q])
		q++;
	return (p + q) * 5 >= mx * 4;
}

/* Index of the next non-blank line after i in [i+1, n), or n. */
static size_t
next_text(const struct nu_bline *l, size_t i, size_t n)
{
	for (i++; i < n && l[i].kind == K_BLANK; i++)
		;
	return i;
}

/* The first earlier line of the page with the same text, or SIZE_MAX. */
static size_t
dup_find(struct nu_boiler *b, const struct nu_bline *l, size_t i)
{
	size_t h = (size_t)l[i].hash & (b->nslot - 1);

	while (b->slot[h] != 0) {
		if (same_text(&l[b->slot[h] - 1], &l[i]))
			return b->slot[h] - 1;
		h = (h + 1) & (b->nslot - 1);
	}
	return SIZE_MAX;
}

static void
dup_add(struct nu_boiler *b, const struct nu_bline *l, size_t i)
{
	size_t h = (size_t)l[i].hash & (b->nslot - 1);

	while (b->slot[h] != 0)
		h = (h + 1) & (b->nslot - 1);
	b->slot[h] = (uint32_t)(i + 1);
}

/*
 * Does the line end with a title glued to it: a lowercase letter directly
 * followed by an uppercase one ("... công trình thanĐoàn công tác ..."),
 * and a title-like rest?  That is how a page without a final newline runs
 * into the next page's title.
 */
static int
glued_title(const struct nu_bline *l)
{
	const char *s;
	size_t n, i, len, cut = 0, cp = 0;
	long c;
	int lower = 0, stop = 0, cat;

	text_of(l, &s, &n);
	if (n > STRUCT_MAX)
		return 0;
	/* the title is at most TITLE_MAX code points: look at the end only */
	i = n > 4 * TITLE_MAX + 4 ? n - 4 * TITLE_MAX - 4 : 0;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	for (; i < n; i += len) {
		if ((unsigned char)s[i] < 0x80) {
			len = 1;
			c = (unsigned char)s[i];
			cat = c >= 'a' && c <= 'z' ? UTF8PROC_CATEGORY_LL :
			    c >= 'A' && c <= 'Z' ? UTF8PROC_CATEGORY_LU :
			    UTF8PROC_CATEGORY_PO;
		} else {
			len = nu_utf8_decode(s + i, n - i, &c);
			cat = utf8proc_category((utf8proc_int32_t)c);
		}
		if (cat == UTF8PROC_CATEGORY_LU && (lower || stop))
			cut = i;
		/* "...thực hiện.Hội đàm": a sentence end glued too */
		stop = lower && (c == '.' || c == '!' || c == '?' ||
		    c == 0x2026 || c == 0x201d || c == '"');
		lower = cat == UTF8PROC_CATEGORY_LL;
	}
	if (cut == 0)
		return 0;
	for (i = cut; i < n; i++)
		cp += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cp >= 10 && cp <= TITLE_MAX && title_end(s + cut, n - cut);
}

/*
 * In a tail, does a new page start at line i?  A related block puts a
 * title between summaries; an article puts paragraphs in a row.  So: a
 * title followed by two paragraphs (or a paragraph and an image), a title
 * followed by a dateline with a time, or a paragraph right after a
 * summary and followed by another (the title was glued to the summary).
 * Returns 1 when the page starts at i, 2 when it starts at the summary
 * before i, which holds the glued title (a line is printed whole or not
 * at all, and the title matters more), else 0.
 */
static int
tail_breaks(const struct nu_bline *l, size_t prev, size_t i, size_t n)
{
	size_t j = next_text(l, i, n), k = j < n ? next_text(l, j, n) : n;

	if (l[i].kind == K_DATELINE) {
		if (j >= n || l[j].kind != K_TEXT || l[j].shape != S_PARA)
			return 0;
		return prev != SIZE_MAX && l[prev].role == NU_BR_REL_SUMMARY &&
		    glued_title(&l[prev]) ? 2 : 1;
	}
	if (l[i].kind != K_TEXT && l[i].kind != K_GLUE)
		return 0;
	if (l[i].shape == S_TITLE && j < n) {
		if (l[j].kind == K_DATELINE)
			return 1;
		return l[j].kind == K_TEXT && l[j].shape == S_PARA && k < n &&
		    ((l[k].kind == K_TEXT && l[k].shape == S_PARA) ||
		    l[k].kind == K_IMAGE) && !glued_title(&l[j]);
	}
	if (l[i].shape == S_PARA && prev != SIZE_MAX &&
	    l[prev].role == NU_BR_REL_SUMMARY && l[prev].shape == S_PARA &&
	    j < n && ((l[j].kind == K_TEXT && l[j].shape == S_PARA) ||
	    l[j].kind == K_IMAGE))
		return glued_title(&l[prev]) ? 2 : 1;
	return 0;
}

/*
 * Classify one page starting at a; return where the next page starts (n
 * when the page runs to the end).
 */
static size_t
page(struct nu_boiler *b, struct nu_bline *l, size_t a, size_t n, int flags)
{
	size_t i, prev = SIZE_MAX, d, want;
	int tail = 0, split = flags & NU_BOIL_SPLIT, titled;
	int paras = 0, role, brk;

	want = 16;
	while (want < 2 * (n - a) + 2)
		want *= 2;
	if (want > b->nslot) {
		free(b->slot);
		b->slot = nu_ereallocarray(NULL, want, sizeof(*b->slot));
		b->nslot = want;
	}
	memset(b->slot, 0, b->nslot * sizeof(*b->slot));
	titled = flags & NU_BOIL_TITLED;
	for (i = a; i < n; i++) {
		struct nu_bline *x = &l[i];

		if (x->kind == K_BLANK) {
			x->role = NU_BR_BLANK;
			continue;
		}
		if (split && prev != SIZE_MAX) {
			if (x->kind == K_GLUE)
				return i;
			if (tail && (brk = tail_breaks(l, prev, i, n)) != 0)
				return brk == 2 && prev > a ? prev : i;
		}
		if (titled && (x->kind == K_TEXT || x->kind == K_GLUE ||
		    x->kind == K_BYLINE)) {
			x->role = NU_BR_TITLE;
			titled = 0;
			dup_add(b, l, i);
			prev = i;
			continue;
		}
		switch (x->kind) {
		case K_IMAGE:
			role = NU_BR_IMAGE;
			break;
		case K_URL:
			role = tail ? NU_BR_OTHER : NU_BR_SOURCE_URL;
			break;
		case K_SHARE:
			x->role = NU_BR_SHARE;
			/* share buttons close a page's tail */
			if (split && (tail || paras >= 3)) {
				d = next_text(l, i, n);
				if (d < n)
					return d;
			}
			prev = i;
			continue;
		case K_HDR_REL:
			role = NU_BR_REL_HEADER;
			tail = 1;
			break;
		case K_HDR_COMMENT:
			role = NU_BR_COMMENT_HEADER;
			tail = 1;
			break;
		case K_NAV:
			role = NU_BR_NAVIGATION;
			break;
		case K_ADVERT:
			role = NU_BR_ADVERT;
			break;
		case K_DATE:
		case K_DATELINE:
			role = tail ? NU_BR_REL_DATE : NU_BR_DATELINE;
			break;
		case K_BYLINE:
			role = tail ? NU_BR_OTHER : NU_BR_BYLINE;
			break;
		default:
			if ((d = dup_find(b, l, i)) != SIZE_MAX ||
			    (prev != SIZE_MAX && l[prev].kind == K_TEXT &&
			    l[prev].role != NU_BR_REL_SUMMARY &&
			    near_copy(&l[prev], x) && (d = prev, 1))) {
				role = l[d].role == NU_BR_CAPTION ?
				    NU_BR_CAPTION_DUP : NU_BR_DUP;
				break;
			}
			dup_add(b, l, i);
			if (tail)
				role = x->shape == S_PARA ? NU_BR_REL_SUMMARY :
				    NU_BR_REL_TITLE;
			else if (prev != SIZE_MAX && l[prev].kind == K_IMAGE)
				role = NU_BR_CAPTION;
			else {
				role = NU_BR_CONTENT;
				paras += x->shape == S_PARA;
			}
			break;
		}
		x->role = (unsigned char)role;
		prev = i;
	}
	return n;
}

size_t
nu_boiler_classify(struct nu_boiler *b, struct nu_bline *l, size_t n,
    int flags)
{
	size_t i, a = 0, next, last = 0, p, q;
	int no_meta = (flags & NU_BOIL_NO_META) != 0;

	for (i = 0; i < n; i++) {
		features(b, &l[i]);
		l[i].page = 0;
	}
	while (a < n) {
		l[a].page = 1;
		last = a;
		next = page(b, l, a, n, flags | (a > 0 ? NU_BOIL_TITLED : 0));
		a = next;
	}
	/* a blank line is kept between two kept lines of the same page */
	for (i = 0; i < n; i++)
		l[i].keep = l[i].role != NU_BR_BLANK &&
		    nu_boiler_role_kept(l[i].role, no_meta);
	for (i = 0, p = SIZE_MAX; i < n; i++) {
		if (l[i].page)
			p = SIZE_MAX;
		if (l[i].role != NU_BR_BLANK) {
			p = i;
			continue;
		}
		q = next_text(l, i, n);
		l[i].keep = p != SIZE_MAX && l[p].keep && q < n && l[q].keep &&
		    !l[q].page;
	}
	return (flags & NU_BOIL_SPLIT) ? last : 0;
}

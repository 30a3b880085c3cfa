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
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "nu_boiler.h"
#include "nu_boiler_feat.h"
#include "nu_buf.h"
#include "nu_lexicon.h"
#include "nu_meta.h"
#include "nu_utf8.h"

#include <utf8proc.h>

/* What a line is, from its own text. */
enum {
	K_BLANK, K_TEXT, K_IMAGE, K_URL, K_SHARE, K_GLUE, K_DATE, K_DATELINE,
	K_BYLINE, K_HDR_REL, K_HDR_COMMENT, K_NAV, K_ADVERT, K_HDR_TAGS,
	K_TAGS, K_COMMENT, K_CREDIT, K_FOOTER, K_OTHER, K_REL_LINE
};

/* What the lines after a block header are. */
enum { T_NONE, T_REL, T_COMMENT, T_FOOT };

/* Its shape: a title-like line, an article-like paragraph, or between. */
enum { S_MID, S_TITLE, S_PARA };

#define TITLE_MAX	160	/* code points: longer is not a title */
#define PARA_MIN	200	/* a paragraph, whatever its end */
#define SENT_MIN	100	/* a sentence-ended line this long is one too */
#define STRUCT_MAX	4096	/* bytes: longer lines are plain text */
#define HDR_MAX		80	/* bytes: longer lines are not headers */
#define NEAR_MAX	2000	/* bytes: near-duplicate check limit */
#define GLOB_MAX	240	/* bytes: longer lines meet no pattern */
#define CREDIT_MAX	60	/* code points: a longer line is a caption */
#define TAG_MAX		40	/* code points of one tag on its own line */
#define HEAD_LABEL	40	/* code points of a block header by position */
#define WIDGET_MAX	64	/* bytes: longer lines are no widget or promo */
#define MENU_CP		30	/* code points of a menu item or section label */

/*
 * A lexicon phrase: the whole (lowercased, trimmed) line, or a pattern
 * with '*' (any text) and '#' (one or more digits).
 */
struct phrase {
	char	*s;
	size_t	 n;
	size_t	 lit;	/* a pattern's bytes before its first '*' or '#' */
	size_t	 ord;	/* order read: of two equal phrases the first wins */
	int	 kind;
};

struct nu_boiler {
	struct phrase	*ph, *gl;	/* exact phrases, patterns */
	size_t		 nph, cph, phmax;	/* phmax: longest phrase */
	size_t		 ngl, cgl;
	/* patterns by the first byte they need: gl[gidx[c]..gidx[c+1]) */
	size_t		 gidx[257];
	/*
	 * The quick test of lex_maybe: the first words of all phrases and
	 * patterns, the first bytes of those that start with no word.
	 */
	struct nu_wordset *firstw, *firstw2;
	uint64_t	 pair[1024];	/* bit per first two bytes, folded */
	unsigned char	 first_other[256];
	int		 any_first;	/* a pattern in a first word */
	struct nu_wordset *stop;
	struct nu_wordset *share;	/* share tokens, lowercase, exact */
	struct nu_wordset *share_fold;	/* the same, case-folded, whole */
	struct nu_wordset *share_pfx;	/* see add_share_pfx */
	struct nu_wordset *share_head;	/* first HEAD_CH characters */
	int		 share_head_off, ph_head_off;
	struct nu_wordset *ph_head;	/* first PH_HEAD characters */
	struct nu_buf	 tmp;
	/* first bytes of datelines and bylines (head_maybe); [0x80]: no
	   filter for E1 BA-BB */
	unsigned char	 dl_heads[256], bl_heads[256];
	int		 share_pfx0;	/* the empty prefix is one */
	unsigned char	 share_first[256];	/* first bytes of share tokens */
	struct nu_buf	 low, fix;
	/* duplicate table of the page being classified */
	uint32_t	*slot, *sgen;	/* a slot is used when sgen == gen */
	size_t		 nslot;
	uint32_t	 gen;
	/* the line-role model (issue 13), when one is set */
	const struct nu_model *model;
	struct nu_boiler_feat *feat;
	int		 rendered_only;	/* the model's "pages" meta */
};

static const char *role_names[NU_BR_NROLES] = {
	"blank", "title", "content", "caption", "dateline", "byline",
	"source-url", "image", "caption-duplicate", "duplicate",
	"related-header", "related-title", "related-summary", "related-date",
	"comment-header", "share", "navigation", "advert", "tags", "comment",
	"credit", "footer", "other"
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

static const struct {
	const char	*name;
	int		 kind, glob_kind;	/* a whole line, a pattern */
} lex_roles[] = {
	{ "related-header", K_HDR_REL, K_HDR_REL },
	/* "Read more: <title>" inside an article: one line, no block */
	{ "related", K_REL_LINE, K_REL_LINE },
	{ "comment-header", K_HDR_COMMENT, K_HDR_COMMENT },
	{ "share", K_SHARE, K_SHARE },
	{ "navigation", K_NAV, K_NAV },
	{ "advert", K_ADVERT, K_ADVERT },
	/* "Tags:" alone heads a list of tags; "Tags: a, b" is one */
	{ "tags", K_HDR_TAGS, K_TAGS },
	{ "comment", K_COMMENT, K_COMMENT },
	{ "credit", K_CREDIT, K_CREDIT },
	{ "footer", K_FOOTER, K_FOOTER },
	{ "other", K_OTHER, K_OTHER }
};

/* The bucket of a pattern or a line: its first byte, digits as one. */
static unsigned
gkey(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return '0';
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/*
 * The length of the first word of s: ASCII letters and digits and any
 * byte of a multibyte character ("chia", "©", "don").
 */
static size_t
first_word(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (!(c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			break;
	}
	return i;
}

/*
 * The first two bytes of a word, ASCII letters folded: the same for "Ảnh"
 * and "ảnh", "BÌNH" and "bình" (a Latin letter's cases share their lead
 * byte), so a 64 Kbit table rules most words out before any lowercasing.
 */
static unsigned
pair_key(const char *w, size_t k)
{
	unsigned c0 = (unsigned char)w[0], c1 = k > 1 ? (unsigned char)w[1] : 0;

	if (c0 >= 0x80)
		c1 = 0;
	if (c0 >= 'A' && c0 <= 'Z')
		c0 |= 0x20;
	if (c1 >= 'A' && c1 <= 'Z')
		c1 |= 0x20;
	return c0 << 8 | c1;
}

/* Characters of a first word that firstw2 holds. */
#define HEAD_CH	3
/* Characters of a phrase that ph_head holds. */
#define PH_HEAD	12

/*
 * The first nch characters of s[0..n) (all if it has fewer: *whole is
 * then set), lowercased character by character as nu_utf8_lower does,
 * into w (4 * nch bytes at least); returns their length.
 */
static size_t
lower_chars(const char *s, size_t n, size_t nch, char *w, int *whole)
{
	size_t i = 0, m = 0, k;
	long c;

	for (; nch > 0 && i < n; nch--) {
		if ((unsigned char)s[i] < 0x80) {
			w[m++] = s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] | 0x20) : s[i];
			i++;
			continue;
		}
		k = nu_utf8_decode(s + i, n - i, &c);
		i += k;
		m += nu_utf8_encode(utf8proc_tolower((utf8proc_int32_t)c),
		    w + m);
	}
	*whole = i >= n;
	return m;
}

static size_t
lower_head(const char *s, size_t n, char *w)
{
	int whole;

	return lower_chars(s, n, HEAD_CH, w, &whole);
}

/* The bytes of the first nch characters of s[0..n). */
static size_t
head_len(const char *s, size_t n, size_t nch)
{
	size_t i = 0;

	for (; nch > 0 && i < n; nch--)
		for (i++; i < n && ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

/*
 * Add s[0..n) to a set that must hold it byte for byte: nu_wordset_add
 * stores the NFC form, so a string that is not NFC turns the filter that
 * uses the set off (*off).
 */
static void
add_exact(struct nu_boiler *b, struct nu_wordset *ws, const char *s,
    size_t n, int *off)
{
	nu_buf_reset(&b->tmp);
	nu_utf8_nfc(s, n, &b->tmp);
	if (b->tmp.len != n || memcmp(b->tmp.p, s, n) != 0)
		*off = 1;
	else
		nu_wordset_add(ws, s, n);
}

/*
 * firstw2 holds the first HEAD_CH characters of the first words in firstw
 * (as stored: in NFC), so a word with other bytes than ASCII is
 * lowercased whole only when its head can match.
 */
static void
add_first_word(struct nu_boiler *b, const char *s, size_t k)
{
	size_t i = 0;
	int nch;

	nu_wordset_add(b->firstw, s, k);
	nu_buf_reset(&b->fix);
	nu_utf8_nfc(s, k, &b->fix);
	for (nch = 0; nch < HEAD_CH && i < b->fix.len; nch++) {
		i++;
		while (i < b->fix.len &&
		    ((unsigned char)b->fix.p[i] & 0xc0) == 0x80)
			i++;
	}
	if (i > 0)
		nu_wordset_add(b->firstw2, b->fix.p, i);
}

static void
add_phrase(const char *e, size_t n, void *arg)
{
	struct nu_boiler *b = arg;
	const char *tab = memchr(e, '\t', n);
	struct phrase *p;
	size_t rl, k, pl;
	unsigned pk;
	int glob;

	if (tab == NULL || tab + 1 == e + n)
		return;
	rl = (size_t)(tab - e);
	for (k = 0; k < sizeof(lex_roles) / sizeof(lex_roles[0]); k++)
		if (strlen(lex_roles[k].name) == rl &&
		    memcmp(e, lex_roles[k].name, rl) == 0)
			break;
	if (k == sizeof(lex_roles) / sizeof(lex_roles[0]))
		return;
	pl = n - rl - 1;
	glob = memchr(tab + 1, '*', pl) != NULL || memchr(tab + 1, '#', pl);
	if (glob) {
		if (b->ngl == b->cgl) {
			b->cgl = b->cgl ? 2 * b->cgl : 64;
			b->gl = nu_ereallocarray(b->gl, b->cgl, sizeof(*b->gl));
		}
		p = &b->gl[b->ngl];
		p->ord = b->ngl++;
		p->kind = lex_roles[k].glob_kind;
	} else {
		if (b->nph == b->cph) {
			b->cph = b->cph ? 2 * b->cph : 128;
			b->ph = nu_ereallocarray(b->ph, b->cph, sizeof(*b->ph));
		}
		p = &b->ph[b->nph];
		p->ord = b->nph++;
		p->kind = lex_roles[k].kind;
		if (pl > b->phmax)
			b->phmax = pl;
		add_exact(b, b->ph_head, tab + 1, head_len(tab + 1, pl, PH_HEAD),
		    &b->ph_head_off);
	}
	p->n = pl;
	p->s = nu_emalloc(pl + 1);
	memcpy(p->s, tab + 1, pl);
	p->s[pl] = '\0';
	for (p->lit = 0; p->lit < pl && p->s[p->lit] != '*' &&
	    p->s[p->lit] != '#'; p->lit++)
		;
	k = first_word(p->s, pl);
	if (p->s[0] == '*')
		b->any_first = 1;	/* every short line is lowercased */
	else if (k == 0)
		b->first_other[p->s[0] == '#' ? '0' : (unsigned char)p->s[0]] = 1;
	else if (k < pl && (p->s[k] == '*' || p->s[k] == '#'))
		b->any_first = 1;
	else {
		add_first_word(b, p->s, k);
		pk = pair_key(p->s, k);
		b->pair[pk >> 6] |= 1ULL << (pk & 63);
	}
}

static unsigned
pkey(const struct phrase *p)
{
	return p->s[0] == '*' ? 256 : p->s[0] == '#' ? '0' :
	    gkey((unsigned char)p->s[0]);
}

static int
cmp_glob(const void *x, const void *y)
{
	const struct phrase *p = x, *q = y;
	unsigned a = pkey(p), c = pkey(q);

	if (a != c)
		return a < c ? -1 : 1;
	/* in a bucket, the order read: of two patterns that match, the
	   first read wins, as with exact phrases */
	return p->ord < q->ord ? -1 : p->ord > q->ord;
}

/* Exact phrases by length, then bytes, then the order they were read. */
static int
cmp_phrase(const void *x, const void *y)
{
	const struct phrase *p = x, *q = y;
	int r;

	if (p->n != q->n)
		return p->n < q->n ? -1 : 1;
	if ((r = memcmp(p->s, q->s, p->n)) != 0)
		return r;
	return p->ord < q->ord ? -1 : p->ord > q->ord;
}

/*
 * Sort the exact phrases for binary search and the patterns into their
 * buckets once all lexicons are read.
 */
static void
index_globs(struct nu_boiler *b)
{
	size_t i, c;

	if (b->nph > 0)
		qsort(b->ph, b->nph, sizeof(*b->ph), cmp_phrase);
	if (b->ngl > 0)
		qsort(b->gl, b->ngl, sizeof(*b->gl), cmp_glob);
	for (c = 0, i = 0; c <= 256; c++) {
		b->gidx[c] = i;
		while (i < b->ngl && pkey(&b->gl[i]) == c)
			i++;
	}
	/* gidx[c]..gidx[c+1] for c < 256; bucket 256 runs to ngl */
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
 * The prefixes of a lowercased share token that end before a character
 * other than ASCII, or before 'i' or 'k' (the lowercase of U+0130 and
 * U+212A, the only wider characters that lowercase to ASCII).  A word
 * whose ASCII head is not among them cannot lowercase to a token:
 * lowercasing maps each character to one character.  share_head gets
 * the token's first HEAD_CH characters, the next test.
 */
static void
add_share_pfx(const char *e, size_t n, void *arg)
{
	struct nu_boiler *b = arg;
	size_t j;

	nu_buf_reset(&b->fix);
	nu_buf_reset(&b->low);
	nu_utf8_nfc(e, n, &b->fix);
	nu_utf8_lower(b->fix.p, b->fix.len, &b->low);
	if ((j = head_len(b->low.p, b->low.len, HEAD_CH)) > 0)
		add_exact(b, b->share_head, b->low.p, j, &b->share_head_off);
	for (j = 0; j < b->low.len; j++) {
		if ((unsigned char)b->low.p[j] < 0x80 && b->low.p[j] != 'i' &&
		    b->low.p[j] != 'k')
			continue;
		if (j == 0)
			b->share_pfx0 = 1;
		else
			nu_wordset_add(b->share_pfx, b->low.p, j);
		if ((unsigned char)b->low.p[j] >= 0x80)
			break;
	}
}

/*
 * share_maybe for a first word with non-ASCII bytes ("Thích", "Chiều"):
 * both nu_meta tests need the first word, less a final ':' or ',', to be
 * a share token, so look it up as they do (lowercased).  A first word
 * that runs on past a '|' or a tab is left to them.
 */
static int
share_maybe_wide(const struct nu_boiler *b, const char *s, size_t n)
{
	size_t i, k;

	char w[16];

	if (!b->share_first[s[0] >= 'A' && s[0] <= 'Z' ?
	    (unsigned char)(s[0] | 0x20) : (unsigned char)s[0]])
		return 0;
	/* the ASCII letters before the first other byte must be a prefix
	   that share_pfx knows */
	for (i = 0; (unsigned char)s[i] < 0x80; i++) {
		if (i == sizeof(w) || s[i] == ' ' || s[i] == '\t' || s[i] == '|')
			return 1;	/* (not reached: s has a wide byte) */
		w[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
	}
	if (i == 0 ? !b->share_pfx0 : !nu_wordset_has(b->share_pfx, w, i))
		return 0;
	for (i = 0; i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '|'; i++)
		;
	if (i < n && s[i] != ' ')
		return 1;
	for (k = i; k > 0 && (s[k - 1] == ':' || s[k - 1] == ','); k--)
		;
	if (k == 0 || (!b->share_head_off &&
	    !nu_wordset_has(b->share_head, w, lower_head(s, k, w))))
		return 0;
	return nu_wordset_has(b->share_fold, s, k);
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
			return share_maybe_wide(b, s, n);
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

/* Mark the first letters in str, both cases, in heads. */
static void
set_heads(unsigned char *heads, const char *str)
{
	for (; *str != '\0'; str++) {
		heads[(unsigned char)*str] = 1;
		if (*str >= 'a' && *str <= 'z')
			heads[(unsigned char)(*str - 32)] = 1;
	}
}

static void
add_month_head(const char *e, size_t n, void *arg)
{
	struct nu_boiler *b = arg;
	unsigned c = (unsigned char)e[0];

	(void)n;
	if (c >= 0x80 || c == 'k' || c == 'K' || c == 's' || c == 'S')
		b->dl_heads[0x80] = 1;	/* wide or folding: no filter */
	b->dl_heads[c < 0x80 ? c : 0x80] = 1;
	if (c >= 'a' && c <= 'z')
		b->dl_heads[c - 32] = 1;
	else if (c >= 'A' && c <= 'Z')
		b->dl_heads[c + 32] = 1;
}

struct nu_boiler *
nu_boiler_new(int lang)
{
	struct nu_boiler *b = nu_emalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	nu_meta_init();
	b->stop = nu_wordset_new(1);
	b->share = nu_wordset_new(0);
	b->firstw = nu_wordset_new(0);
	b->firstw2 = nu_wordset_new(0);
	nu_lexicon_each("share-tokens.txt", add_share, b);
	b->share_fold = nu_wordset_load("share-tokens.txt", 1);
	b->share_pfx = nu_wordset_new(0);
	b->share_head = nu_wordset_new(0);
	b->ph_head = nu_wordset_new(0);
	/*
	 * The words nu_meta's dateline patterns open with: "cập nhật",
	 * "đăng", "ngày", "thời gian", "thứ", "chủ nhật", "published",
	 * "updated", "posted", "last updated", weekdays, a digit, a month
	 * (months-en.txt); bylines: see byline_maybe.
	 */
	set_heads(b->dl_heads, "0123456789cntpulmwfs");
	nu_lexicon_each("months-en.txt", add_month_head, b);
	set_heads(b->bl_heads, "tbrwvcnps");
	nu_lexicon_each("share-tokens.txt", add_share_pfx, b);
	if (lang != NU_BOIL_LANG_EN) {
		nu_lexicon_each("boilerplate-vi.txt", add_phrase, b);
		nu_lexicon_each("stopwords-vi.txt", add_stop, b->stop);
	}
	if (lang != NU_BOIL_LANG_VI) {
		nu_lexicon_each("boilerplate-en.txt", add_phrase, b);
		nu_lexicon_each("stopwords-en.txt", add_stop, b->stop);
	}
	/* other languages' labels (de, fr, es, ...): a page in them is
	   neither --lang=vi nor en */
	if (lang == NU_BOIL_LANG_AUTO)
		nu_lexicon_each("boilerplate-intl.txt", add_phrase, b);
	index_globs(b);
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
	for (i = 0; i < b->ngl; i++)
		free(b->gl[i].s);
	free(b->gl);
	nu_wordset_free(b->stop);
	nu_wordset_free(b->share);
	nu_wordset_free(b->share_fold);
	nu_wordset_free(b->share_pfx);
	nu_wordset_free(b->share_head);
	nu_wordset_free(b->ph_head);
	nu_buf_free(&b->tmp);
	nu_wordset_free(b->firstw);
	nu_wordset_free(b->firstw2);
	nu_buf_free(&b->low);
	nu_buf_free(&b->fix);
	free(b->slot);
	free(b->sgen);
	nu_boiler_feat_free(b->feat);
	free(b);
}

void
nu_boiler_set_model(struct nu_boiler *b, const struct nu_model *m)
{
	const char *pages = m != NULL ? nu_model_meta(m, "pages") : NULL;

	b->model = m;
	b->rendered_only = pages != NULL && strcmp(pages, "rendered") == 0;
	if (m != NULL && b->feat == NULL)
		b->feat = nu_boiler_feat_new();
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
 * A hash of the first 64 and last 32 bytes and the length, eight bytes
 * at a time: duplicates are confirmed with memcmp (and the first copy
 * found does not depend on the hash), so it only has to spread well, and
 * be cheap on long paragraphs.
 */
static uint64_t
hash_line(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	size_t m = n < 64 ? n : 64, t;

	h = mix(h, s, m);
	if (n > m) {
		t = n - 32 > m ? n - 32 : m;
		h = mix(h, s + t, n - t);
	}
	return h ^ (h >> 29);
}

/*
 * Code points in s[0..n): bytes less UTF-8 continuation bytes.  Once the
 * count is sure to reach enough (a code point takes 4 bytes at most),
 * that lower bound is returned instead.
 */
static size_t
count_cp(const char *s, size_t n, size_t enough)
{
	const uint64_t hi = 0x8080808080808080ULL;
	const uint64_t m16 = 0x00ff00ff00ff00ffULL;
	uint64_t w, acc;
	size_t i = 0, k, cont = 0;

	while (i + 8 <= n) {
		/* a 1 per 10xxxxxx byte, summed bytewise, 64 bytes a round */
		for (acc = 0, k = 0; k < 8 && i + 8 <= n; k++, i += 8) {
			memcpy(&w, s + i, 8);
			acc += (w & ~(w << 1) & hi) >> 7;
		}
		acc = (acc & m16) + ((acc >> 8) & m16);
		cont += (size_t)((acc * 0x0001000100010001ULL) >> 48);
		if (i - cont + (n - i) / 4 >= enough)
			return i - cont + (n - i) / 4;
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

/*
 * Does s[0..n) match pattern p[0..m)?  '*' is any text, '#' one or more
 * ASCII digits; the rest is literal.  Patterns are short, with few stars.
 */
static int
glob_match(const char *p, size_t m, const char *s, size_t n)
{
	size_t i, j;

	for (i = 0, j = 0; i < m; i++) {
		if (p[i] == '*') {
			for (; j <= n; j++)
				if (glob_match(p + i + 1, m - i - 1, s + j, n - j))
					return 1;
			return 0;
		}
		if (p[i] == '#') {
			if (j >= n || s[j] < '0' || s[j] > '9')
				return 0;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			continue;
		}
		if (j >= n || s[j] != p[i])
			return 0;
		j++;
	}
	return j == n;
}

/*
 * The code point of the UTF-8 character ending at s[n-1] and its length
 * in *len (0 when n is 0).
 */
static long
last_char(const char *s, size_t n, size_t *len)
{
	size_t k = 1;
	long c;

	*len = 0;
	if (n == 0)
		return -1;
	while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xc0) == 0x80)
		k++;
	if (nu_utf8_decode(s + n - k, k, &c) != k)
		k = 1, c = (unsigned char)s[n - 1];
	*len = k;
	return c;
}

/* Bullets, arrows, dashes and colons around a header ("» Tin liên quan:"). */
static int
edge_char(long c, int end)
{
	switch (c) {
	case ' ': case '\t': case '|': case '-': case '*':
	case 0xa0: case 0xab: case 0xbb: case 0xb7:	/* nbsp « » · */
	case 0x2013: case 0x2014: case 0x2022:		/* – — • */
	case 0x2039: case 0x203a: case 0x2192:		/* ‹ › → */
	case 0x25b6: case 0x25ba: case 0x276f:		/* ▶ ► ❯ */
		return 1;
	case ':': case '>': case 0xff1a: case 0x2026:	/* ： … */
		return end;
	case '<':
		return !end;
	default:
		return 0;
	}
}

/*
 * Trim the edge characters of a header from p[0..*len), whole UTF-8
 * characters at a time; *cnt is set when a count "(12)" or "[12]" ended
 * the text (it is cut off).  Returns the start offset; *len becomes the
 * end.  Edge characters, digits and brackets have no case and no other
 * character lowercases to one, so trimming before or after lowercasing
 * keeps the same characters.
 */
static size_t
edge_trim(const char *p, size_t *lenp, int *cnt)
{
	size_t i = 0, k, len = *lenp, clen;
	long c;

	*cnt = 0;
	for (;;) {
		while ((c = last_char(p + i, len - i, &clen)) >= 0 &&
		    edge_char(c, 1))
			len -= clen;
		/* a count: "Bình luận (3)", "Comments [12]" */
		k = len;
		if (*cnt || k < 3 || (p[k - 1] != ')' && p[k - 1] != ']'))
			break;
		for (k--; k > i && p[k - 1] >= '0' && p[k - 1] <= '9'; k--)
			;
		if (k == len - 1 || k == i ||
		    (p[k - 1] != '(' && p[k - 1] != '['))
			break;
		len = k - 1;
		*cnt = 1;
	}
	while (i < len) {
		if ((unsigned char)p[i] < 0x80)
			c = (unsigned char)p[i], clen = 1;
		else
			clen = nu_utf8_decode(p + i, len - i, &c);
		if (!edge_char(c, 0))
			break;
		i += clen;
	}
	*lenp = len;
	return i;
}

/*
 * Lowercase s[0..n) into b->low and trim the edge characters of a header
 * (edge_trim).  Returns the start offset.
 */
static size_t
header_text(struct nu_boiler *b, const char *s, size_t n, int *cnt)
{
	struct nu_buf *lo = &b->low;
	size_t i;

	nu_buf_reset(lo);
	nu_utf8_lower(s, n, lo);
	i = edge_trim(lo->p, &lo->len, cnt);
	return i;
}

/* Can pattern p match a text whose lowercased head is h[0..hb)? */
static int
glob_head_ok(const struct phrase *p, const char *h, size_t hb, int whole)
{
	size_t lit = p->lit;

	if (memcmp(p->s, h, lit < hb ? lit : hb) != 0)
		return 0;
	return !(lit > hb && whole);
}

/*
 * Can phrase_kind find a phrase or pattern in s[0..n)?  It trims the
 * header's edges (no lowercasing needed for that) and lowercases the
 * first PH_HEAD characters only: a phrase must start with them, a
 * pattern with its literal head.
 */
static int
phrase_maybe(struct nu_boiler *b, const char *s, size_t n)
{
	char h[4 * PH_HEAD];
	size_t a, e = n, hb, k;
	unsigned key;
	int cnt, whole;

	a = edge_trim(s, &e, &cnt);
	if (a >= e)
		return 0;
	hb = lower_chars(s + a, e - a, PH_HEAD, h, &whole);
	if (b->ph_head_off || nu_wordset_has(b->ph_head, h, hb))
		return 1;
	key = gkey((unsigned char)h[0]);
	for (k = b->gidx[key]; k < b->gidx[key + 1]; k++)
		if (glob_head_ok(&b->gl[k], h, hb, whole))
			return 1;
	for (k = b->gidx[256]; k < b->ngl; k++)
		if (glob_head_ok(&b->gl[k], h, hb, whole))
			return 1;
	return 0;
}

/*
 * The kind a lexicon gives the line: a whole-line phrase ("Tin liên
 * quan", "Bình luận (3)") or a pattern ("updated # hours ago"); K_TEXT if
 * none.
 */
static int
phrase_kind(struct nu_boiler *b, const char *s, size_t n)
{
	const struct phrase *p;
	const char *t;
	size_t i, k, m, lo, hi;
	int cnt;

	if (!phrase_maybe(b, s, n))
		return K_TEXT;
	i = header_text(b, s, n, &cnt);
	t = b->low.p + i;
	m = b->low.len - i;
	if (m == 0)
		return K_TEXT;
	if (m <= b->phmax) {
		/* the first phrase not less than t: equal, or none is */
		for (lo = 0, hi = b->nph; lo < hi; ) {
			k = lo + (hi - lo) / 2;
			p = &b->ph[k];
			if (p->n < m || (p->n == m && memcmp(p->s, t, m) < 0))
				lo = k + 1;
			else
				hi = k;
		}
		if (lo < b->nph && b->ph[lo].n == m &&
		    memcmp(b->ph[lo].s, t, m) == 0)
			return b->ph[lo].kind;
	}
	lo = b->gidx[gkey((unsigned char)t[0])];
	hi = b->gidx[gkey((unsigned char)t[0]) + 1];
	for (k = lo; k < hi; k++) {
		p = &b->gl[k];
		if (glob_match(p->s, p->n, t, m))
			return p->kind;
	}
	for (k = b->gidx[256]; k < b->ngl; k++) {
		p = &b->gl[k];
		if (glob_match(p->s, p->n, t, m))
			return p->kind;
	}
	return K_TEXT;
}

/* The bytes a separator of nav_sep starts with. */
static const unsigned char nav_byte[256] = {
	['|'] = 1, ['>'] = 1, ['/'] = 1, [0xc2] = 1, [0xe2] = 1
};

/* Does any of the 8 bytes at s equal one of nav_byte's? */
static int
nav_block(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = ones << 7;
	uint64_t w, x, z = 0;

	memcpy(&w, s, 8);
#define NAV_EQ(c) (x = w ^ (ones * (c)), z |= (x - ones) & ~x & hi)
	NAV_EQ('|');
	NAV_EQ('>');
	NAV_EQ('/');
	NAV_EQ(0xc2);
	NAV_EQ(0xe2);
#undef NAV_EQ
	return z != 0;
}

/* A menu or breadcrumb separator at s[i]: '|', '»', '›', " > ", " / ". */
static size_t
nav_sep(const char *s, size_t n, size_t i)
{
	if (s[i] == '|')
		return 1;
	if (i + 1 < n && memcmp(s + i, "\xc2\xbb", 2) == 0)
		return 2;
	if (i + 2 < n && memcmp(s + i, "\xe2\x80\xba", 3) == 0)
		return 3;
	if ((s[i] == '>' || s[i] == '/') && i > 0 && i + 1 < n &&
	    s[i - 1] == ' ' && s[i + 1] == ' ')
		return 1;
	return 0;
}

/*
 * A navigation line without a lexicon phrase: short segments between '|',
 * '»', '›' or a spaced '>' or '/' ("Home | World | Business", "Trang chủ
 * / Thời sự"; one separator is enough after a navigation phrase or when
 * it is an arrow: "Thời sự › Giao thông"), or four
 * or more capitalised ASCII words none of which is a stop word ("World
 * Business Markets Sport"): menus and breadcrumbs, not sentences.
 */
static int
nav_shape(struct nu_boiler *b, const char *s, size_t n)
{
	size_t i, j, k, seps = 0, words = 0, caps = 0, stops = 0, first = 0;
	size_t arrows = 0, spaced = 0;
	unsigned c;

	for (i = 0; i < n; i++) {
		if ((i & 7) == 0 && i + 8 <= n && !nav_block(s + i)) {
			i += 7;
			continue;
		}
		c = (unsigned char)s[i];
		if (!nav_byte[c])
			continue;
		if ((k = nav_sep(s, n, i)) != 0) {
			if (seps++ == 0)
				first = i;
			arrows += c != '|' && c != '/';
			spaced += c == '>' || c == '/';
			i += k - 1;
		}
	}
	/* "prices > 5% / year": spaced signs between numbers are maths */
	for (i = 0; spaced > 0 && i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			seps = 0, arrows = 0, spaced = 0;
	if (seps >= 2 && n / (seps + 1) <= 24)
		return 1;
	/* "Thời sự › Giao thông": arrows are not in sentences */
	if (arrows >= 1 && arrows == seps && n / (seps + 1) <= 24 &&
	    !sentence_end(s, n))
		return 1;
	if (seps >= 1 && first > 0 && n / (seps + 1) <= 32 &&
	    phrase_kind(b, s, first) == K_NAV)
		return 1;
	if (n > HDR_MAX)
		return 0;
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

/*
 * Can a lexicon phrase or pattern be the line?  A quick test of its length
 * and first word (lowercased here, alone), so that few lines are
 * lowercased whole.
 */
static int
lex_maybe(struct nu_boiler *b, const char *s, size_t n)
{
	char w[32];
	size_t k, i, m;
	unsigned pk;
	long c;

	if (n > GLOB_MAX && n > b->phmax + 16)
		return 0;
	if (b->any_first)
		return 1;
	if ((unsigned char)s[0] >= 0x80) {
		/* "» Tin liên quan": an edge character is trimmed first */
		nu_utf8_decode(s, n, &c);
		if (edge_char(c, 0))
			return 1;
	}
	k = first_word(s, n);
	if (k == 0)
		return b->first_other[(unsigned char)s[0]] ||
		    edge_char((unsigned char)s[0], 0);
	if (s[0] >= '0' && s[0] <= '9' && b->first_other['0'])
		return 1;
	if (k > sizeof(w))
		return 0;
	pk = pair_key(s, k);
	if (!(b->pair[pk >> 6] >> (pk & 63) & 1))
		return 0;
	for (i = 0; i < k && (unsigned char)s[i] < 0x80; i++)
		w[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
	if (i == k)
		return nu_wordset_has(b->firstw, w, k);
	/* its first characters, lowercased, must start a first word */
	m = lower_head(s, k, w);
	if (!nu_wordset_has(b->firstw2, w, m))
		return 0;
	nu_buf_reset(&b->low);
	nu_utf8_lower(s, k, &b->low);
	return nu_wordset_has(b->firstw, b->low.p, b->low.len);
}

/*
 * Cheap tests that rule lines out before the patterns of nu_meta run.
 * Each is a necessary condition of the test it guards, never more:
 * a line it lets through is still judged by nu_meta alone.
 */

/* nu_meta_url_line: "http" or "www." opens the line or follows a ':'. */
static int
url_maybe(const char *s, size_t n)
{
	int c = (unsigned char)s[0] | 0x20;

	return c == 'h' || c == 'w' || memchr(s, ':', n < 12 ? n : 12);
}

/*
 * Can a pattern of nu_meta anchored at the line's start, after white
 * space, match a line whose first character is s[0]?  heads[c] says so
 * for an ASCII first byte (the patterns' first letters, either case);
 * a wide first character can be white space, a digit of another script
 * or a letter such as 'đ', save the common Vietnamese letters (C3, C6,
 * E1 BA-BB) and Latin-1 ones, which case-fold to no ASCII letter.
 */
static int
head_maybe(const unsigned char *heads, const char *s, size_t n)
{
	unsigned c = (unsigned char)s[0], d = n > 1 ? (unsigned char)s[1] : 0;

	if (c < 0x80)
		return heads[c];
	return !(c == 0xc3 || c == 0xc6 || (c == 0xe1 && (d == 0xba ||
	    d == 0xbb) && !heads[0x80]));
}

/*
 * Can nu_meta_byline take a line that opens with an ASCII letter without
 * a ':'?  Its patterns then need "theo" first ("Theo TTXVN"), "by"
 * ("By Jane Doe", "Reporting by ..."), a ')' ("Lê Anh (TH)") or a dash
 * ("Lê Anh - Theo VnExpress"); its other tests a short line: " in "
 * ("Jane Doe in London", 60 bytes at most) or four words of 40 bytes at
 * most (an agency alone).  Long sentences have none of these.
 */
static int
byline_shape(const char *s, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	if (n >= 4 && (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'h' &&
	    (s[2] | 0x20) == 'e' && (s[3] | 0x20) == 'o')
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ':' || c == ')' || c == '-' || c == 0xe2 ||
		    ((c | 0x20) == 'b' && i + 1 < n && (s[i + 1] | 0x20) == 'y'))
			return 1;
		if (c == ' ') {
			in |= i + 3 < n && s[i + 1] == 'i' && s[i + 2] == 'n' &&
			    s[i + 3] == ' ';
		} else
			words += i == 0 || s[i - 1] == ' ';
	}
	return (in && n <= 60) || (n <= 40 && words <= 4);
}

/*
 * nu_meta_byline: "tin|bài|ảnh|video|clip|đồ họa|thực hiện|nhóm|pv|phóng
 * viên|ptv|ctv ... :", "theo", "nguồn:", "by", "reporting by", "written
 * by", "source(s):" after white space.  Those without "theo" or the
 * English ones need a ':'.  'ả' (E1 BA A3) is the one E1 BA-BB letter.
 */
static int
byline_maybe(const struct nu_boiler *b, const char *s, size_t n)
{
	unsigned c = (unsigned char)s[0], d = n > 1 ? (unsigned char)s[1] : 0;

	if (c < 0x80) {
		if (!b->bl_heads[c])
			return 0;
		switch (c | 0x20) {
		case 't': case 'b': case 'r': case 'w':
			return byline_shape(s, n);
		}
		return memchr(s, ':', n) != NULL;
	}
	/* white space (not trimmed): C2, E1 9A, E1 A0, E2, E3 */
	if (c == 0xc2 || c == 0xe2 || c == 0xe3 ||
	    (c == 0xe1 && (d == 0x9a || d == 0xa0)))
		return 1;
	if (c == 0xe1 && d == 0xba && n >= 3 &&
	    ((unsigned char)s[2] == 0xa2 || (unsigned char)s[2] == 0xa3))
		return memchr(s, ':', n) != NULL;	/* "ảnh:" */
	return head_maybe(b->bl_heads, s, n) && memchr(s, ':', n) != NULL;
}

/*
 * Can s hold a decimal digit (\d of a UCP pattern)?  ASCII digits, or a
 * lead byte that starts some script's digits: U+0660-07FF (D9-DF), U+0800
 * -0FFF (E0), U+1000-1DFF less the Vietnamese letters (E1 below B8), A620
 * -ABFF (EA), the full-width digits (EF) and the four-byte planes.
 */
static int
digit_maybe(const char *s, size_t n)
{
	size_t i;
	unsigned c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c >= '0' && c <= '9')
				return 1;
			continue;
		}
		if ((c >= 0xd9 && c <= 0xe0) || c == 0xea || c >= 0xef ||
		    (c == 0xe1 && i + 1 < n && (unsigned char)s[i + 1] < 0xb8))
			return 1;
	}
	return 0;
}

/* An ASCII digit: a date's day and month are read by atoi. */
static int
ascii_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/*
 * A credit names its source: after "Photo:" or "Image source," come a few
 * words, or a few capitalised ones, or an agency with a slash ("Ann Kerr",
 * "Getty Images", "VGP/Nhật Bắc", "tư liệu"), not a sentence ("Photo: A
 * protester holds a sign", "Ảnh: Lễ ký kết tuyên bố chung ..."): that is
 * a caption.  A lexicon phrase with no ':' or ',' is a credit as it is.
 */
static int
credit_tail(const char *s, size_t n)
{
	const char *p = memchr(s, ':', n), *c = memchr(s, ',', n);
	size_t i, words = 0;
	int caps = 1, slash = 0;
	long cp;
	utf8proc_category_t cat;

	if (c != NULL && (p == NULL || c < p))
		p = c;
	if (p == NULL)
		return 1;
	for (i = (size_t)(p - s) + 1; i < n; ) {
		while (i < n && (s[i] == ' ' || s[i] == '(' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		words++;
		nu_utf8_decode(s + i, n - i, &cp);
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_ND)
			caps = 0;
		for (; i < n && s[i] != ' ' && s[i] != '\t'; i++)
			slash |= s[i] == '/';
	}
	return words <= 3 || (words <= 6 && (caps || slash));
}

/*
 * A widget line of numbers: a standings row ("1. Nam Định 11 8 2 1 26"),
 * a ticker ("VN-Index 1.312,45 +8,21 (+0,63%)"), a player's clock
 * ("00:00 / 02:47"), a gallery counter ("1/3").  Tokens that are numbers
 * (digits and punctuation, no letter) outnumber the words, three or more
 * of them, or there is no word at all (but not one number alone).
 */
static int
numeric_line(const char *s, size_t n)
{
	size_t i = 0, nums = 0, words = 0;
	int dig, let, sep = 0;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		dig = let = 0;
		for (; i < n && s[i] != ' ' && s[i] != '\t'; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c == '/' || c == ':')
				sep = 1;
			if (c >= '0' && c <= '9')
				dig = 1;
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				let = 1;
			else if (c >= 0xc0)
				let = 1;	/* a letter's lead byte, mostly */
		}
		if (dig && !let)
			nums++;
		else if (let)
			words++;
	}
	/* no word at all: a counter ("1/3"), a rule ("___", "* * *"); a
	   lone number ("2024", "1.") may be the article's */
	return (nums >= 3 && nums > words) ||
	    (words == 0 && (nums != 1 || sep));
}

/* A hashtag alone on a line: "#" and a word ("# Vân Nam", "#ClimateCrisis"). */
static int
hashtag_line(const char *s, size_t n)
{
	size_t i = 1, k;

	if (n < 2 || s[0] != '#' || sentence_end(s, n))
		return 0;
	/* a tag is a name, no clause (and a short line: WIDGET_MAX) */
	for (k = 2; k < n; k++)
		if (s[k] == ':' || s[k] == ',' || s[k] == '?' || s[k] == '!')
			return 0;
	if (s[1] == ' ')
		i++;
	if (i >= n)
		return 0;
	/* a letter: ASCII, or the lead byte of a Latin letter */
	return ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
	    ((unsigned char)s[i] >= 0xc3 && (unsigned char)s[i] < 0xe2);
}

/*
 * A short line in capitals: a call to action or a section label ("GET
 * STARTED", "VIEW ALL PHOTOS", "LOCAL NEWS"): no ASCII lowercase letter,
 * four uppercase ones or more, at most eight words.
 */
static int
caps_line(const char *s, size_t n)
{
	size_t i, up = 0, words = 1;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			up++;
		else if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ')
			words++;
	}
	return up >= 4 && words <= 8;
}

/*
 * A share bar in other shapes: only share tokens, with "share", "via",
 * "to", "on" and "Chia sẻ" between ("Facebook", "Share toFacebook",
 * "Chia sẻ: fb zalo twitter").  Words glued at a capital are split.
 */
static int
social_line(const struct nu_boiler *b, const char *s, size_t n)
{
	char w[16];
	size_t i = 0, j, k, nets = 0;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '|' ||
		    s[i] == ',' || s[i] == ':'))
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && s[j] != ' ' && s[j] != '\t' &&
		    s[j] != '|' && s[j] != ',' && s[j] != ':'; j++)
			;
		if (j - i == 4 && memcmp(s + i, "s\xe1\xba\xbb", 4) == 0) {
			i = j;
			continue;
		}
		/* ASCII pieces split before a capital after a lowercase
		   ("Share toFacebook"), unless the rest is a token whole
		   ("LinkedIn") */
		while (i < j) {
			for (k = 0; i + k < j && k < sizeof(w) &&
			    (unsigned char)s[i + k] < 0x80; k++)
				w[k] = (char)(s[i + k] >= 'A' && s[i + k] <= 'Z' ?
				    s[i + k] | 0x20 : s[i + k]);
			if (i + k == j && nu_wordset_has(b->share, w, k)) {
				nets++;
				break;
			}
			for (k = 0; i + k < j; k++) {
				unsigned char c = (unsigned char)s[i + k];

				if (c >= 0x80 || k == sizeof(w))
					return 0;
				if (k > 0 && c >= 'A' && c <= 'Z' &&
				    s[i + k - 1] >= 'a' && s[i + k - 1] <= 'z')
					break;
				w[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
			}
			if ((k == 5 && memcmp(w, "share", 5) == 0) ||
			    (k == 3 && memcmp(w, "via", 3) == 0) ||
			    (k == 2 && (memcmp(w, "to", 2) == 0 ||
			    memcmp(w, "on", 2) == 0)) ||
			    (k == 4 && memcmp(w, "chia", 4) == 0))
				;
			else if (nu_wordset_has(b->share, w, k))
				nets++;
			else
				return 0;
			i += k;
		}
		i = j;
	}
	return nets > 0;
}

/* A link line: ">> title", "» title". */
static int
arrow_link(const char *s, size_t n)
{
	return (n > 3 && s[0] == '>' && s[1] == '>' && s[2] == ' ') ||
	    (n > 3 && memcmp(s, "\xc2\xbb ", 3) == 0);
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
		cp = count_cp(s, n, PARA_MIN);
	l->ncp = (uint32_t)cp;	/* at least, when PARA_MIN or more */
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
	else if (url_maybe(s, n) && nu_meta_url_line(s, n))
		l->kind = K_URL;
	else if ((share = share_maybe(b, s, n)) && nu_meta_share_line(s, n))
		l->kind = K_SHARE;
	else if ((share && nu_meta_share_glue(s, n)) ||
	    nu_meta_date_glue(s, n))
		l->kind = K_GLUE;
	else if (lex_maybe(b, s, n) && (k = phrase_kind(b, s, n)) != K_TEXT &&
	    (k != K_CREDIT || (cp <= CREDIT_MAX && credit_tail(s, n))))
		l->kind = (unsigned char)k;
	else if (n <= 40 && digit_maybe(s, n) && nu_meta_date_only(s, n))
		l->kind = K_DATE;
	else if (n <= HDR_MAX && head_maybe(b->dl_heads, s, n) &&
	    ascii_digit(s, n) && nu_meta_dateline_line(s, n, &d))
		l->kind = K_DATELINE;
	else if (n <= 120 && byline_maybe(b, s, n) &&
	    nu_meta_byline(s, n, &by))
		l->kind = K_BYLINE;
	else if ((n <= HDR_MAX || (n <= 2 * HDR_MAX && l->shape == S_TITLE)) &&
	    l->shape != S_PARA && nav_shape(b, s, n))
		l->kind = K_NAV;
	else if (arrow_link(s, n))
		l->kind = K_REL_LINE;
	else if (n <= WIDGET_MAX && l->shape != S_PARA) {
		if (numeric_line(s, n) || caps_line(s, n))
			l->kind = K_OTHER;
		else if (hashtag_line(s, n))
			l->kind = K_TAGS;
		else if (social_line(b, s, n))
			l->kind = K_SHARE;
	}
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

	while (b->sgen[h] == b->gen) {
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

	while (b->sgen[h] == b->gen)
		h = (h + 1) & (b->nslot - 1);
	b->slot[h] = (uint32_t)(i + 1);
	b->sgen[h] = b->gen;
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
	/* the last characters, from the end back: start, code point, class */
	size_t pos[TITLE_MAX + 2];
	long cpv[TITLE_MAX + 2];
	unsigned char cls[TITLE_MAX + 2];
	const char *s;
	size_t n, i, k, m, j;
	long c;
	int cat;

	text_of(l, &s, &n);
	if (n > STRUCT_MAX)
		return 0;
	/* the title is at most TITLE_MAX code points: look at the end only */
	i = n > 4 * TITLE_MAX + 4 ? n - 4 * TITLE_MAX - 4 : 0;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	/*
	 * The cut is the last uppercase letter that follows a lowercase one
	 * (or a sentence end after one), and the rest must be a title: so
	 * only the last TITLE_MAX characters can hold it, and the two
	 * before each are what it needs to see.
	 */
	for (m = 0, k = n; k > i && m < TITLE_MAX + 2; m++) {
		j = k - 1;
		while (j > i && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;
		if ((unsigned char)s[j] < 0x80) {
			c = (unsigned char)s[j];
			cat = c >= 'a' && c <= 'z' ? UTF8PROC_CATEGORY_LL :
			    c >= 'A' && c <= 'Z' ? UTF8PROC_CATEGORY_LU :
			    UTF8PROC_CATEGORY_PO;
		} else {
			nu_utf8_decode(s + j, k - j, &c);
			cat = utf8proc_category((utf8proc_int32_t)c);
		}
		pos[m] = j;
		cpv[m] = c;
		cls[m] = cat == UTF8PROC_CATEGORY_LL ? 1 :
		    cat == UTF8PROC_CATEGORY_LU ? 2 : 0;
		k = j;
	}
	for (j = 0; j < m && j < TITLE_MAX; j++) {
		if (cls[j] != 2 || j + 1 >= m)
			continue;
		if (cls[j + 1] == 1)
			break;
		/* "...thực hiện.Hội đàm": a sentence end glued too */
		c = cpv[j + 1];
		if (j + 2 < m && cls[j + 2] == 1 && (c == '.' || c == '!' ||
		    c == '?' || c == 0x2026 || c == 0x201d || c == '"'))
			break;
	}
	if (j >= m || j >= TITLE_MAX || pos[j] == 0)
		return 0;
	/* j + 1 code points from the cut to the end */
	return j + 1 >= 10 && title_end(s + pos[j], n - pos[j]);
}

static int	related_run(const struct nu_bline *, size_t, size_t);
static int	bullet(const char *, size_t);

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
		/* title and date pairs in a row are links, not pages */
		if (l[j].kind == K_DATELINE) {
			if (related_run(l, i, n))
				return 0;
			/* the last pair of such a run: a new page has its
			   article next */
			if (prev != SIZE_MAX && l[prev].role == NU_BR_REL_DATE)
				return k < n && (l[k].kind == K_IMAGE ||
				    (l[k].kind == K_TEXT &&
				    l[k].shape == S_PARA));
			return 1;
		}
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
 * A list of related titles without a header: from i, two or more titles
 * each followed by a date alone on a line (a copy of the title or one
 * summary may stand between), with no article paragraph between.  An
 * article has at most one title and dateline in a row.
 */
static int
related_run(const struct nu_bline *l, size_t i, size_t n)
{
	size_t j = i, pairs = 0, t;

	while (j < n && pairs < 2) {
		if ((l[j].kind != K_TEXT && l[j].kind != K_GLUE) ||
		    l[j].shape != S_TITLE)
			return 0;
		t = j;
		j = next_text(l, j, n);
		if (j < n && l[j].kind == K_TEXT && same_text(&l[t], &l[j]))
			j = next_text(l, j, n);
		if (j < n && l[j].kind == K_TEXT)
			j = next_text(l, j, n);
		if (j >= n || (l[j].kind != K_DATE && (l[j].kind != K_DATELINE ||
		    l[j].ncp > 40)))
			return 0;
		pairs++;
		j = next_text(l, j, n);
	}
	return pairs >= 2;
}

/*
 * Does what follows a page's closing share line at d look like a new
 * page: a title, then an article paragraph or an image within a few
 * lines, before any block header or a second date?  Related titles with
 * dates and block headers stay in the page's tail.
 */
static int
page_like(const struct nu_bline *l, size_t d, size_t n)
{
	size_t j, seen, dates = 0;

	if (l[d].kind != K_TEXT && l[d].kind != K_GLUE && l[d].kind != K_BYLINE)
		return 0;
	if (related_run(l, d, n))
		return 0;
	for (j = next_text(l, d, n), seen = 0; j < n && seen < 8;
	    j = next_text(l, j, n), seen++) {
		switch (l[j].kind) {
		case K_TEXT:
		case K_GLUE:
			if (l[j].shape == S_PARA)
				return 1;
			break;
		case K_IMAGE:
			return 1;
		case K_DATE:
		case K_DATELINE:
			if (++dates > 1)
				return 0;
			break;
		case K_BYLINE:
		case K_URL:
			break;
		default:
			return 0;
		}
	}
	return 0;
}

/*
 * Does an article paragraph follow a share bar directly at d?  Then the
 * bar stood inside the article (a related title would come first).
 */
static int
para_follows(const struct nu_bline *l, size_t d, size_t n)
{
	/* an image and its caption may come first */
	if (l[d].kind == K_IMAGE) {
		d = next_text(l, d, n);
		if (d < n && l[d].kind == K_CREDIT)
			d = next_text(l, d, n);
		if (d < n)
			d = next_text(l, d, n);
		if (d >= n)
			return 0;
	}
	return (l[d].kind == K_TEXT || l[d].kind == K_GLUE) &&
	    l[d].shape == S_PARA;
}

/* A tag alone on a line after "Tags:", or a line of comma-separated tags. */
static int
tag_item(const struct nu_bline *l)
{
	const char *s;
	size_t n, i, seps = 0;

	if (l->kind != K_TEXT || l->shape != S_TITLE)
		return 0;
	if (l->ncp <= TAG_MAX)
		return 1;
	text_of(l, &s, &n);
	for (i = 0; i < n; i++)
		seps += s[i] == ',' || s[i] == '|' || s[i] == ';';
	return l->ncp <= TITLE_MAX && seps >= 2 && n / (seps + 1) <= 32;
}

/*
 * A comment's action ("Reply", "Thích (12)") at i: the comment above it
 * is a name, a date or time and the text; give those lines the role
 * comment when the date is found within a few lines.
 */
static void
comment_back(struct nu_bline *l, size_t a, size_t i)
{
	size_t j = i, k, seen = 0, date = SIZE_MAX;

	while (j > a && seen < 6) {
		j--;
		if (l[j].kind == K_BLANK)
			continue;
		seen++;
		if (l[j].role != NU_BR_CONTENT && l[j].role != NU_BR_DATELINE &&
		    l[j].role != NU_BR_BYLINE)
			break;
		if (l[j].kind == K_DATE || l[j].kind == K_DATELINE) {
			date = j;
			break;
		}
	}
	if (date == SIZE_MAX)
		return;
	/* the commenter's name: a short line just above the date */
	for (k = date; k > a && l[k - 1].kind == K_BLANK; k--)
		;
	if (k > a && l[k - 1].kind == K_TEXT && l[k - 1].role == NU_BR_CONTENT &&
	    l[k - 1].shape == S_TITLE && l[k - 1].ncp <= TAG_MAX)
		date = k - 1;
	for (k = date; k < i; k++)
		if (l[k].kind != K_BLANK)
			l[k].role = NU_BR_COMMENT;
}

/*
 * In a thread of comments, a name and a time look like a new page's title
 * and dateline: a short line, or a comment's action ("Reply") within the
 * next lines, says it is one more comment.
 */
static int
comment_near(const struct nu_bline *l, size_t i, size_t n)
{
	size_t j, seen;

	if (l[i].ncp < 24)
		return 1;
	for (j = next_text(l, i, n), seen = 0; j < n && seen < 6;
	    j = next_text(l, j, n), seen++)
		if (l[j].kind == K_COMMENT)
			return 1;
	return 0;
}

/*
 * Words of a line: runs of bytes between spaces, counted up to cap.  A run
 * of ASCII punctuation alone ("-", "|", "&") is no word.
 */
static size_t
word_count(const struct nu_bline *l, size_t cap)
{
	const char *s;
	size_t n, i, w = 0;
	int word;

	text_of(l, &s, &n);
	for (i = 0; i < n && w < cap; ) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		for (word = 0; i < n && s[i] != ' ' && s[i] != '\t'; i++)
			if (!ispunct((unsigned char)s[i]))
				word = 1;
		w += word;
	}
	return w;
}

/* A menu item or section label: one to four words, no sentence. */
static int
menu_label(const struct nu_bline *l)
{
	const char *s;
	size_t n;

	if (l->kind != K_TEXT || l->shape == S_PARA || l->ncp > MENU_CP)
		return 0;
	text_of(l, &s, &n);
	if (sentence_end(s, n))
		return 0;
	return word_count(l, 5) <= 4;
}

/*
 * A headline: five words or more, no longer than a title, and not ending
 * like a statement or a clause (a lead paragraph ends with a full stop).
 */
static int
headline(const struct nu_bline *l)
{
	const char *s;
	size_t n;

	if (l->kind != K_TEXT || l->ncp > TITLE_MAX || word_count(l, 5) < 5)
		return 0;
	text_of(l, &s, &n);
	/* a question or an exclamation may be a headline */
	return title_end(s, n) && (!sentence_end(s, n) ||
	    s[n - 1] == '?' || s[n - 1] == '!');
}

/*
 * Before the title: is the short line at i part of a menu or a section
 * label?  Three or more short lines in a row (numbers, tickers and share
 * lines between do not count) are a menu; fewer are labels when a longer
 * title-like line follows them ("Economy", "China Economy", then the
 * headline) and opens the article.  A short title followed by a
 * paragraph or a name stays one.
 */
static int
menu_lead(const struct nu_bline *l, size_t i, size_t n)
{
	size_t j, run = 0, seen;

	if (!menu_label(&l[i]))
		return 0;
	for (j = i, seen = 0; j < n && seen < 12; j = next_text(l, j, n),
	    seen++) {
		if (l[j].kind == K_NAV || l[j].kind == K_OTHER ||
		    l[j].kind == K_SHARE)
			continue;
		if (!menu_label(&l[j]))
			break;
		if (++run >= 3)
			return 1;
	}
	if (j >= n || !headline(&l[j]) || l[j].ncp <= l[i].ncp)
		return 0;
	/* and that line opens the article: a dateline, a byline, an
	   image or a paragraph follows it, maybe after a subtitle or the
	   author's name alone on a line -- then, under one label alone
	   (it might be a short title above its subtitle), only a dateline
	   or a byline will do */
	for (seen = 0; (j = next_text(l, j, n)) < n && seen < 3; seen++) {
		if (l[j].kind == K_DATELINE || l[j].kind == K_DATE ||
		    l[j].kind == K_BYLINE)
			return 1;
		if (l[j].kind == K_IMAGE ||
		    (l[j].kind == K_TEXT && l[j].shape == S_PARA))
			return seen == 0 || run >= 2;
		if (l[j].kind != K_TEXT)
			return 0;
	}
	return 0;
}

/* A copyright notice: "©", "(c)", "copyright", "bản quyền", "rights reserved". */
static int
copyright_line(const struct nu_bline *l)
{
	static const char *const marks[] = {
		"\xc2\xa9", "(c)", "(C)", "opyright", "OPYRIGHT", "b\xe1\xba\xa3n quy\xe1\xbb\x81n",
		"B\xe1\xba\xa3n quy\xe1\xbb\x81n", "ights reserved", "ights Reserved",
		"IGHTS RESERVED"
	};
	const char *s;
	size_t n, i, k, m;

	text_of(l, &s, &n);
	for (i = 0; i < n; i++)
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
			m = strlen(marks[k]);
			if (s[i] == marks[k][0] && n - i >= m &&
			    memcmp(s + i, marks[k], m) == 0)
				return 1;
		}
	return 0;
}

/* A unit of an article's text: a paragraph or an item of a list. */
static int
article_unit(const struct nu_bline *l)
{
	return l->kind == K_TEXT && (l->shape == S_PARA || bullet(l->s, l->n));
}

/*
 * Inside a related block, does the article go on at i?  A related block
 * puts titles, summaries and dates in turn (bulleted titles, thumbnails
 * between summaries); a paragraph ending in a colon that opens a list, or
 * three paragraphs or items in a row, are the article's again (a "Related"
 * box stood in the middle of it).
 */
static int
article_resumes(const struct nu_bline *l, size_t i, size_t n)
{
	const char *s;
	size_t j, k, m;

	if (l[i].kind != K_TEXT || bullet(l[i].s, l[i].n))
		return 0;
	if ((j = next_text(l, i, n)) >= n)
		return 0;
	text_of(&l[i], &s, &m);
	if (l[i].ncp >= 40 && s[m - 1] == ':' && l[j].kind == K_TEXT &&
	    bullet(l[j].s, l[j].n))
		return 1;
	k = next_text(l, j, n);
	return l[i].shape == S_PARA && article_unit(&l[j]) && k < n &&
	    article_unit(&l[k]);
}

/*
 * Classify one page starting at a; return where the next page starts (n
 * when the page runs to the end).
 */
static size_t
page(struct nu_boiler *b, struct nu_bline *l, size_t a, size_t n, int flags)
{
	size_t i, prev = SIZE_MAX, d, want;
	int tail = T_NONE, split = flags & NU_BOIL_SPLIT, titled, tags = 0;
	int paras = 0, role, brk, model = split && (flags & NU_BOIL_MODEL);

	want = nu_pow2_size(16, 2 * (n - a) + 2);
	/* a new generation empties the table without clearing it */
	if (want > b->nslot || ++b->gen == 0) {
		if (want > b->nslot) {
			b->slot = nu_erenew(b->slot, want, sizeof(*b->slot));
			b->sgen = nu_erenew(b->sgen, want, sizeof(*b->sgen));
			b->nslot = want;
		}
		memset(b->sgen, 0, b->nslot * sizeof(*b->sgen));
		b->gen = 1;
	}
	titled = flags & NU_BOIL_TITLED;
	for (i = a; i < n; i++) {
		struct nu_bline *x = &l[i];

		if (x->kind == K_BLANK) {
			x->role = NU_BR_BLANK;
			continue;
		}
		if (split && prev != SIZE_MAX) {
			/* the page-start model's start, then the rules' where
			   it does not overrule them */
			if (model && x->page)
				return i;
			if (x->kind == K_GLUE && !(model && x->nostart))
				return i;
			if (tail && (tail != T_COMMENT ||
			    !comment_near(l, i, n)) &&
			    (brk = tail_breaks(l, prev, i, n)) != 0) {
				d = brk == 2 && prev > a ? prev : i;
				if (!(model && l[d].nostart))
					return d;
			}
		}
		if (titled && x->kind == K_TEXT && menu_lead(l, i, n)) {
			x->role = NU_BR_NAVIGATION;
			prev = i;
			continue;
		}
		/* (a headline may open with a hashtag: "#MeToo ...") */
		if (titled && (x->kind == K_TEXT || x->kind == K_GLUE ||
		    x->kind == K_BYLINE || (x->kind == K_TAGS &&
		    x->n > 0 && x->s[0] == '#'))) {
			x->role = NU_BR_TITLE;
			titled = 0;
			dup_add(b, l, i);
			prev = i;
			continue;
		}
		if (tags && tag_item(x)) {
			x->role = NU_BR_TAGS;
			prev = i;
			continue;
		}
		tags = 0;
		switch (x->kind) {
		case K_IMAGE:
			role = NU_BR_IMAGE;
			break;
		case K_URL:
			role = tail == T_COMMENT ? NU_BR_COMMENT :
			    tail ? NU_BR_OTHER : NU_BR_SOURCE_URL;
			break;
		case K_SHARE:
			x->role = NU_BR_SHARE;
			/* share buttons close a page's tail */
			if (tail || paras >= 3) {
				d = next_text(l, i, n);
				if (split && d < n && page_like(l, d, n) &&
				    !(model && l[d].nostart))
					return d;
				/* after the article: what follows is its tail */
				if (!tail && d < n && !page_like(l, d, n) &&
				    !para_follows(l, d, n))
					tail = T_REL;
			}
			prev = i;
			continue;
		case K_HDR_REL:
			role = NU_BR_REL_HEADER;
			tail = T_REL;
			break;
		case K_HDR_COMMENT:
			/* before any paragraph it is a section label ("Ý
			   kiến", the opinion pages), not the comments */
			if (paras == 0) {
				role = NU_BR_NAVIGATION;
				break;
			}
			role = NU_BR_COMMENT_HEADER;
			tail = T_COMMENT;
			break;
		case K_HDR_TAGS:
			role = NU_BR_TAGS;
			tags = 1;
			break;
		case K_TAGS:
			role = NU_BR_TAGS;
			break;
		case K_COMMENT:
			role = NU_BR_COMMENT;
			if (tail != T_COMMENT) {
				comment_back(l, a, i);
				tail = T_COMMENT;
			}
			break;
		case K_CREDIT:
			/* "Image source, ..." between an image and its caption */
			x->role = NU_BR_CREDIT;
			if (prev == SIZE_MAX || l[prev].kind != K_IMAGE)
				prev = i;
			continue;
		case K_FOOTER:
			role = NU_BR_FOOTER;
			/* a copyright line after the article closes it: an
			   author's box or a masthead may follow, not text (a
			   short "© AFP" is a credit; a hotline or a photo
			   credit with a paragraph after it is inside the
			   article) */
			if (!tail && paras >= 2 && x->ncp >= 24 &&
			    copyright_line(x) && ((d = next_text(l, i, n)) >= n ||
			    !para_follows(l, d, n)))
				tail = T_FOOT;
			break;
		case K_OTHER:
			role = NU_BR_OTHER;
			break;
		case K_REL_LINE:
			role = NU_BR_REL_TITLE;
			break;
		case K_NAV:
			role = NU_BR_NAVIGATION;
			break;
		case K_ADVERT:
			role = NU_BR_ADVERT;
			break;
		case K_DATE:
		case K_DATELINE:
			role = tail == T_COMMENT ? NU_BR_COMMENT :
			    tail == T_FOOT ? NU_BR_OTHER :
			    tail ? NU_BR_REL_DATE : NU_BR_DATELINE;
			break;
		case K_BYLINE:
			role = tail == T_COMMENT ? NU_BR_COMMENT :
			    tail ? NU_BR_OTHER : NU_BR_BYLINE;
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
			/* a short line above title and date pairs heads them,
			   whatever its words ("Also from this source") */
			if (!tail && x->shape != S_PARA && x->ncp <= HEAD_LABEL &&
			    (d = next_text(l, i, n)) < n &&
			    related_run(l, d, n)) {
				role = NU_BR_REL_HEADER;
				tail = T_REL;
				break;
			}
			if (!tail && x->shape == S_TITLE && related_run(l, i, n))
				tail = T_REL;
			if (tail == T_REL && article_resumes(l, i, n))
				tail = T_NONE;
			if (tail == T_COMMENT)
				role = NU_BR_COMMENT;
			else if (tail == T_FOOT && x->shape == S_PARA) {
				/* a paragraph: the article went on after all */
				tail = T_NONE;
				role = NU_BR_CONTENT;
				paras++;
			} else if (tail == T_FOOT)
				role = NU_BR_OTHER;
			else if (tail)
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

/* Does the line start like an item of a list: "- ", "• ", "+ ", "1. "? */
static int
bullet(const char *s, size_t n)
{
	size_t i = 0;

	trim(&s, &n);
	if (n >= 2 && (s[0] == '-' || s[0] == '+' || s[0] == '*') &&
	    s[1] == ' ')
		return 1;
	if (n >= 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0)
		return 1;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

/*
 * A line of the article's own lists or quotes, not a link: it opens with
 * a quote mark, or with a date or number and a colon ("March 2023: ...",
 * "2. ...:").
 */
static int
list_item(const struct nu_bline *l)
{
	const char *s, *c;
	size_t n;

	text_of(l, &s, &n);
	if (n >= 1 && (s[0] == '"' || s[0] == '\''))
		return 1;
	if (n >= 3 && (memcmp(s, "“", 3) == 0 || memcmp(s, "‘", 3) == 0))
		return 1;
	c = memchr(s, ':', n < 24 ? n : 24);
	return c != NULL && c > s && c[-1] >= '0' && c[-1] <= '9';
}

/*
 * Does a line of this role, after title-like lines that follow the
 * article's last paragraph, show them to be a list of links?  The page's
 * furniture does: a share bar, navigation, an advert, a footer, comments,
 * a line the page printed before, related links found otherwise (title
 * and date pairs), other dropped lines.  A block header
 * does not (a site that heads its related and comment blocks heads its
 * lists of links too: the lines above the header are the article's, the
 * captions of a photo story), nor the article's own image, photo credit
 * or doubled caption, nor the page's end (NEWS.md, 2026-12-07: real
 * VFND photo stories lost their captions as related titles).
 */
static int
links_close(int role)
{
	return role == NU_BR_SHARE || role == NU_BR_NAVIGATION ||
	    role == NU_BR_ADVERT || role == NU_BR_FOOTER ||
	    role == NU_BR_COMMENT || role == NU_BR_OTHER || role == NU_BR_DUP ||
	    role == NU_BR_REL_TITLE || role == NU_BR_REL_SUMMARY ||
	    role == NU_BR_REL_DATE;
}

/*
 * After the article's last paragraph at last, three or more title-like
 * lines in a row (each longer than a name or a byline) running into the
 * page's furniture (links_close) are a list of links.  A run followed by
 * more article text is the article's.
 */
static void
link_run(struct nu_bline *l, size_t last, size_t e)
{
	size_t i, run = 0, start = 0;

	for (i = last + 1; i <= e; i++) {
		if (i < e && l[i].kind == K_BLANK)
			continue;
		if (i < e && l[i].role == NU_BR_CONTENT && l[i].kind == K_TEXT &&
		    l[i].shape == S_TITLE && l[i].ncp >= 25 &&
		    !bullet(l[i].s, l[i].n) && !list_item(&l[i])) {
			if (run++ == 0)
				start = i;
			continue;
		}
		if (run >= 3 && i < e && links_close(l[i].role))
			for (; start < i; start++)
				if (l[start].kind != K_BLANK)
					l[start].role = NU_BR_REL_TITLE;
		run = 0;
	}
}

/*
 * Related titles without a header or dates: after the article's last
 * paragraph, title-like lines (each longer than a name or a byline),
 * maybe under short labels of their own ("Top News", "Photos"), and
 * nothing else of the article's, are lists of links: three titles, or
 * two under a label, when the page's furniture follows them (links_close)
 * -- a fact box or a recipe at the page's end is the article's, and so
 * are the captions of a photo story above a block header.  A title shaped
 * "Length: ..." is a fact, not a link.
 */
static void
trailing_titles(struct nu_bline *l, size_t a, size_t e)
{
	size_t i, last = SIZE_MAX, links = 0, labelled = 0, labels = 0;
	size_t end = 0, tail = 0;
	const char *s, *c;
	size_t n;

	for (i = a; i < e; i++)
		if (l[i].role == NU_BR_CONTENT && l[i].shape == S_PARA)
			last = i;
	if (last == SIZE_MAX)
		return;
	/* "... three priorities:" announces a list of the article's own */
	text_of(&l[last], &s, &n);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n > 0 && s[n - 1] == ':')
		return;
	link_run(l, last, e);
	for (i = last + 1; i < e; i++) {
		if (l[i].role != NU_BR_CONTENT)
			continue;
		if (l[i].kind != K_TEXT || bullet(l[i].s, l[i].n) ||
		    list_item(&l[i]))
			return;
		text_of(&l[i], &s, &n);
		end = i;
		if (l[i].shape == S_TITLE && l[i].ncp >= 25) {
			c = memchr(s, ':', n < 24 ? n : 24);
			if (c != NULL)
				return;
			links++;
			labelled += labels > 0;
		} else if (l[i].shape != S_PARA && l[i].ncp <= HEAD_LABEL &&
		    !sentence_end(s, n) && word_count(&l[i], 5) <= 4)
			labels++;
		else
			return;
	}
	if (links < 3 && (links < 2 || labelled < 2))
		return;
	/* the page's furniture after them (its first line decides) */
	for (i = end + 1; i < e && tail == 0; i++)
		if (l[i].role >= NU_BR_IMAGE)
			tail = links_close(l[i].role) ? 1 : 2;
	if (tail != 1)
		return;
	for (i = last + 1; i < e; i++)
		if (l[i].role == NU_BR_CONTENT)
			l[i].role = l[i].shape == S_TITLE && l[i].ncp >= 25 ?
			    NU_BR_REL_TITLE : NU_BR_REL_HEADER;
}

size_t
nu_boiler_classify(struct nu_boiler *b, struct nu_bline *l, size_t n,
    int flags)
{
	size_t i, a = 0, next, last = 0, p, q;
	int no_meta = (flags & NU_BOIL_NO_META) != 0;

	/*
	 * A page that ends at a share line gives the blank lines after it
	 * to no page: they are blank lines all the same (the caller's array
	 * may hold an earlier window's roles).
	 */
	for (i = 0; i < n; i++) {
		features(b, &l[i]);
		if (!(flags & NU_BOIL_MODEL))
			l[i].page = 0;
		l[i].role = NU_BR_BLANK;
	}
	while (a < n) {
		l[a].page = 1;
		last = a;
		next = page(b, l, a, n, flags | (a > 0 ? NU_BOIL_TITLED : 0));
		trailing_titles(l, a, next);
		a = next;
	}
	/*
	 * The model labels a rendered page whole: the rules' page splits,
	 * made for crawler streams, cut a rendered page into pieces whose
	 * shape (where the prose is, how many bullets) misleads it.
	 */
	if (b->model != NULL && nu_boiler_feat_rendered(b->feat, l, 0, n))
		nu_boiler_feat_apply(b->feat, b->model, 0, l, 0, n);
	else if (b->model != NULL)
		for (a = 0; a < n; a = next) {
			for (next = a + 1; next < n && !l[next].page; next++)
				;
			nu_boiler_feat_apply(b->feat, b->model,
			    b->rendered_only, l, a, next);
		}
	if (b->model != NULL)
		nu_boiler_feat_forget(b->feat);
	/* a blank line is kept between two kept lines of the same page */
	for (i = 0; i < n; i++)
		l[i].keep = l[i].role != NU_BR_BLANK &&
		    nu_boiler_role_kept(l[i].role, no_meta);
	for (i = 0, p = SIZE_MAX, q = 0; i < n; i++) {
		if (l[i].page)
			p = SIZE_MAX;
		if (l[i].role != NU_BR_BLANK) {
			p = i;
			continue;
		}
		/* the text after a run of blanks is found once for the run */
		if (q <= i)
			q = next_text(l, i, n);
		l[i].keep = p != SIZE_MAX && l[p].keep && q < n && l[q].keep &&
		    !l[q].page;
	}
	return (flags & NU_BOIL_SPLIT) ? last : 0;
}

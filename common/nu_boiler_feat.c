/*
 * Features of the line-role model (see nu_boiler_feat.h).
 *
 * What tells a menu from an article on a rendered page is mostly shape:
 * jusText's two measures (length, share of stop words), whether the line
 * ends a sentence, bullets and indents that renderers put before list
 * items, runs of short lines (a menu is a run of them), and where the
 * line lies relative to the page's prose (before the first long
 * paragraph, between, after the last; inside the main cluster of
 * paragraphs or out, with a tight and a wide gap so that lists and code
 * between paragraphs stay inside), runs of list items, how often the
 * line's text recurs on the page (menus repeat), blocks of code or
 * tables (an article's listing), how many of the line's content words
 * the article's lines use (lexical cohesion: a teaser of another story
 * shares few).  The rules' role of the
 * line is a feature too, tied to the page's kind (mostly short lines: a
 * rendered page; mostly paragraphs: crawler text, where the rules are
 * right).  Lexical features are kept few: the first word, and a short
 * line whole.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_boiler_feat.h"
#include "nu_buf.h"
#include "nu_lexicon.h"
#include "nu_utf8.h"

const char *const nu_line_role_labels[NU_LR_NLABELS] = {
	"content", "title", "boilerplate"
};

/* What the features need of one line, computed once per page. */
struct lf {
	uint32_t	 run;		/* the short-line run it is in */
	uint32_t	 cum;		/* prose lines before it */
	uint32_t	 cp;		/* code points, trimmed, capped */
	uint16_t	 words, stop;	/* counted in the first MAXW words */
	uint8_t		 lenb, end, bullet, indent, caps, digits, punct;
	uint8_t		 prose;		/* 1, 0 or PROSE_UNSURE (settle) */
	uint8_t		 shortl, pipes, blank_before, blank_after;
	uint8_t		 role, counted, dup, sym, cjk;
	uint8_t		 code;		/* code-like: see detail() */
	uint8_t		 crun;		/* its listing block: see blocks() */
	uint32_t	 brun;		/* the run of list items it is in */
	uint8_t		 coh, ncw;	/* its content words in the article */
	uint8_t		 wprose;	/* in a narrow column's paragraph:
					   see narrow_prose() */
	uint64_t	 hash;		/* of the trimmed text (nu_bline) */
	uint64_t	 w0, whole, wl;	/* hashes: first word, line, last */
	const char	*s;		/* the trimmed text */
	size_t		 n;
};

/*
 * The stop words as keys of up to STOP_MAX bytes, zero-padded to three
 * words: a probe is compared whole in three loads, without hashing its
 * bytes one by one (most words of a line are probed).  The words of up
 * to 8 bytes, most of the lexicons' and most probes, are one word each
 * in a table of their own (short_slot): 32 KB that stay in the cache,
 * where the one table of every length took 400 KB and most probes
 * missed it.
 */
#define STOP_MAX	24
struct stop_key {
	uint64_t	 w[3];
};

struct nu_boiler_feat {
	struct stop_key	*stop;		/* all zero: an empty slot */
	size_t		 smask, nstop;
	uint64_t	*stop8;		/* the words of up to 8 bytes: */
	size_t		 s8mask, nstop8;	/* 0, an empty slot */
	unsigned	 s8shift;	/* 64 - log2(slots) */
	char		 word_ascii[128];	/* content_words: see there */
	struct nu_feats	*items;
	size_t		*idx;
	struct lf	*lf;
	size_t		 cap, *lab;
	/* the last page's shape (nu_boiler_feat_page) */
	size_t		 k, first, last, nbul, nprose;
	size_t		 ma, mb;	/* the main prose cluster [ma, mb] */
	size_t		 wa, wb;	/* the same with a wider gap */
	uint64_t	*dh;		/* duplicate counting: hashes */
	uint32_t	*dc;		/* and counts */
	size_t		 dcap;
	uint64_t	*wh;		/* the article's words (cohesion): */
	uint32_t	*wc;		/* hashes and counts */
	size_t		 wcap, wmask;
	uint64_t	*cw;		/* the words of the cluster's lines, */
	uint8_t		*cwn;		/* COH_W a line, and how many */
	size_t		 cwcap;		/* lines */
	/*
	 * The lines nu_boiler_feat_rendered scanned: nu_boiler_feat_apply
	 * on a page inside them takes its lines' shapes from here instead
	 * of measuring them again (nu_boiler_feat_forget drops them).
	 */
	const struct nu_bline *cl;	/* NULL: none */
	size_t		 ca, ce, ck;	/* the lines cl[ca..ce), ck non-blank */
	struct lf	*clf;
	size_t		*cidx, ccap;
};

#define MAXW		32	/* words looked at for stop-word density */
#define CP_CAP		400
#define SHORT_CP	40	/* a menu item, a label */
#define WHOLE_MAX	40
#define SMALL_PAGE	12	/* non-blank lines */	/* bytes: a line this short is a feature whole */

static size_t
stop_slot(const struct nu_boiler_feat *bf, const struct stop_key *k)
{
	uint64_t h = k->w[0] * 0x9e3779b97f4a7c15ULL ^
	    k->w[1] * 0xc2b2ae3d27d4eb4fULL ^ k->w[2] * 0x165667b19e3779f9ULL;
	size_t i;

	h ^= h >> 29;
	for (i = (size_t)h & bf->smask; bf->stop[i].w[0] != 0 &&
	    (bf->stop[i].w[0] != k->w[0] || bf->stop[i].w[1] != k->w[1] ||
	    bf->stop[i].w[2] != k->w[2]); i = (i + 1) & bf->smask)
		;
	return i;
}

/* The slot of a word of up to 8 bytes (zero-padded) in bf->stop8. */
static size_t
short_slot(const struct nu_boiler_feat *bf, uint64_t k)
{
	/* Fibonacci hashing: the product's top bits see every byte */
	size_t i = (size_t)((k * 0x9e3779b97f4a7c15ULL) >> bf->s8shift);

	while (bf->stop8[i] != 0 && bf->stop8[i] != k)
		i = (i + 1) & bf->s8mask;
	return i;
}

static void
short_insert(struct nu_boiler_feat *bf, uint64_t k)
{
	uint64_t *old = bf->stop8;
	size_t i, n = bf->s8mask + 1;

	if (2 * (bf->nstop8 + 1) > n) {	/* half full at most */
		bf->s8mask = 2 * n - 1;
		bf->s8shift--;
		bf->stop8 = nu_ereallocarray(NULL, 2 * n, sizeof(*bf->stop8));
		memset(bf->stop8, 0, 2 * n * sizeof(*bf->stop8));
		for (i = 0; i < n; i++)
			if (old[i] != 0)
				bf->stop8[short_slot(bf, old[i])] = old[i];
		free(old);
	}
	i = short_slot(bf, k);
	if (bf->stop8[i] == 0) {
		bf->stop8[i] = k;
		bf->nstop8++;
	}
}

static void
stop_insert(struct nu_boiler_feat *bf, const struct stop_key *k)
{
	struct stop_key *old = bf->stop;
	size_t i, n = bf->smask + 1;

	if (4 * (bf->nstop + 1) > n) {	/* a quarter full: short probes */
		bf->smask = 2 * n - 1;
		bf->stop = nu_ereallocarray(NULL, 2 * n, sizeof(*bf->stop));
		memset(bf->stop, 0, 2 * n * sizeof(*bf->stop));
		for (i = 0; i < n; i++)
			if (old[i].w[0] != 0)
				bf->stop[stop_slot(bf, &old[i])] = old[i];
		free(old);
	}
	i = stop_slot(bf, k);
	if (bf->stop[i].w[0] == 0) {
		bf->stop[i] = *k;
		bf->nstop++;
	}
}

/*
 * A lexicon's word, NFC as a word set keeps it; one longer than STOP_MAX
 * bytes is never probed (stop_word).
 */
static void
add_stop(const char *e, size_t n, void *arg)
{
	struct nu_boiler_feat *bf = arg;
	struct stop_key k;
	struct nu_buf nfc = { 0 };

	nu_utf8_nfc(e, n, &nfc);
	if (nfc.len > 0 && nfc.len <= STOP_MAX) {
		memset(&k, 0, sizeof(k));
		memcpy(k.w, nfc.p, nfc.len);
		if (nfc.len <= 8)
			short_insert(bf, k.w[0]);
		else
			stop_insert(bf, &k);
	}
	nu_buf_free(&nfc);
}

/* An ASCII letter lowercased, a digit as it is, else 0: the table
 * bf->word_ascii content_words reads a byte of a word from. */
static char
word_ascii(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c | 0x20);
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return (char)c;
	return 0;
}

struct nu_boiler_feat *
nu_boiler_feat_new(void)
{
	struct nu_boiler_feat *bf = nu_emalloc(sizeof(*bf));
	size_t i;

	memset(bf, 0, sizeof(*bf));

	/*
	 * One set for every language: the density of function words tells
	 * prose from labels whatever the language, and pages are mixed.
	 */
	/* entries are lowercase; probes are ASCII-folded (stop_word) */
	bf->smask = 63;
	bf->stop = nu_ereallocarray(NULL, bf->smask + 1, sizeof(*bf->stop));
	memset(bf->stop, 0, (bf->smask + 1) * sizeof(*bf->stop));
	for (i = 0; i < 128; i++)
		bf->word_ascii[i] = word_ascii((unsigned char)i);
	bf->s8mask = 63;
	bf->s8shift = 64 - 6;
	bf->stop8 = nu_ereallocarray(NULL, bf->s8mask + 1, sizeof(*bf->stop8));
	memset(bf->stop8, 0, (bf->s8mask + 1) * sizeof(*bf->stop8));
	nu_lexicon_each("stopwords-en.txt", add_stop, bf);
	nu_lexicon_each("stopwords-vi.txt", add_stop, bf);
	nu_lexicon_each("function-words.txt", add_stop, bf);
	return bf;
}

void
nu_boiler_feat_free(struct nu_boiler_feat *bf)
{
	size_t i;

	if (bf == NULL)
		return;
	for (i = 0; i < bf->cap; i++)
		nu_feats_free(&bf->items[i]);
	free(bf->items);
	free(bf->idx);
	free(bf->lf);
	free(bf->lab);
	free(bf->dh);
	free(bf->dc);
	free(bf->wh);
	free(bf->wc);
	free(bf->cw);
	free(bf->cwn);
	free(bf->clf);
	free(bf->cidx);
	free(bf->stop);
	free(bf->stop8);
	free(bf);
}

int
nu_line_role_of(const char *role, size_t n)
{
	static const char *const kept[] = { "content", "caption", "dateline",
	    "byline", "source-url" };
	size_t i;

	if (n == 5 && memcmp(role, "title", 5) == 0)
		return NU_LR_TITLE;
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (strlen(kept[i]) == n && memcmp(role, kept[i], n) == 0)
			return NU_LR_CONTENT;
	return NU_LR_BOILER;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The hash of the name tag, v & 255, v >> 8 (three bytes). */
static inline uint64_t
hash_v(uint64_t h, char tag, unsigned v)
{
	h = nu_feat_hash_byte(h, (unsigned char)tag);
	h = nu_feat_hash_byte(h, (unsigned char)(v & 255));
	return nu_feat_hash_byte(h, (unsigned char)(v >> 8));
}

/* A feature named by a tag and a small number: no formatting. */
static inline void
addv(struct nu_feats *f, char tag, unsigned v)
{
	nu_feats_addh(f, hash_v(NU_FEAT_HASH_EMPTY, tag, v));
}

/* Two tags and numbers joined (a conjunction). */
static inline void
addv2(struct nu_feats *f, char t1, unsigned v1, char t2, unsigned v2)
{
	nu_feats_addh(f, hash_v(hash_v(NU_FEAT_HASH_EMPTY, t1, v1), t2, v2));
}

static unsigned
len_bucket(uint32_t cp)
{
	static const uint32_t edge[] = { 3, 10, 20, 40, 70, 100, 150, 200,
	    400 };
	unsigned i;

	for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
		if (cp < edge[i])
			return i;
	return i;
}

/* A lowercase hash of s[0..n): ASCII folded, other bytes as they are. */
static uint64_t
low_hash(char tag, const char *s, size_t n)
{
	uint64_t h = nu_feat_hash(&tag, 1);
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = nu_feat_hash_more(h, &c, 1);
	}
	return h;
}

/* The bullet a renderer or a writer put before a list item: 1-6. */
static unsigned
bullet_of(const char *s, size_t n)
{
	if (n >= 3 && (unsigned char)s[0] == 0xe2) {
		/* • ● □ ■ ◦ ○ ▪ ► » are all E2 xx xx */
		return 1;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xbb)
		return 2;	/* » */
	if (n >= 2 && (s[0] == '*' || s[0] == '+' || s[0] == '-' ||
	    s[0] == 'o') && s[1] == ' ')
		return s[0] == '*' ? 3 : s[0] == '+' ? 4 : s[0] == 'o' ? 4 : 5;
	if (n >= 3 && s[0] >= '0' && s[0] <= '9' &&
	    (s[1] == '.' || s[1] == ')' ||
	    (s[1] >= '0' && s[1] <= '9' && (s[2] == '.' || s[2] == ')'))))
		return 6;
	if (s[0] == '[')
		return 7;	/* w3m's [image] and form fields */
	if (s[0] == '|')
		return 8;
	return 0;
}

/* ASCII capitals of eight bytes lowercased, other bytes as they are. */
static uint64_t
fold8(uint64_t x)
{
	const uint64_t hi = 0x8080808080808080ULL, lo7 = ~hi;
	uint64_t ge_a = (x & lo7) + 0x3f3f3f3f3f3f3f3fULL;	/* >= 'A' */
	uint64_t gt_z = (x & lo7) + 0x2525252525252525ULL;	/* > 'Z' */

	return x | ((ge_a & ~gt_z & ~x & hi) >> 2);
}

/* stop_word for a word of 9 bytes and more, or one at the line's end. */
static int
stop_word_slow(const struct nu_boiler_feat *bf, const char *w, size_t k)
{
	struct stop_key key = { { 0, 0, 0 } };
	size_t i;

	if (k == 0 || k > STOP_MAX || memchr(w, 0, k) != NULL)
		return 0;
	memcpy(key.w, w, k);
	for (i = 0; i < (k + 7) / 8; i++)
		key.w[i] = fold8(key.w[i]);
	if (k <= 8)
		return bf->stop8[short_slot(bf, key.w[0])] != 0;
	return bf->stop[stop_slot(bf, &key)].w[0] != 0;
}

/* Whether w[0..k) is a function word; a sentence's first word is
   capitalised, so ASCII capitals are folded first.  The line ends at e.
   Inline: most words of a line are probed, most of them short. */
static inline int
stop_word(const struct nu_boiler_feat *bf, const char *w, size_t k,
    const char *e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x;

	if (k >= 1 && k <= 8 && e - w >= 8) {
		/* most words: one load from the line, the bytes past k off */
		memcpy(&x, w, 8);
		/* a NUL in the word (a record's \u0000) would pass for the
		 * zero padding: "the\0" is no "the" (exact in the first k
		 * bytes: the lowest flagged byte is always a real zero) */
		if ((x - 0x0101010101010101ULL) & ~x &
		    0x8080808080808080ULL & (~0ULL >> (64 - 8 * k)))
			return 0;
		x = fold8(x) & (~0ULL >> (64 - 8 * k));
		return bf->stop8[short_slot(bf, x)] != 0;
	}
#else
	(void)e;
#endif
	return stop_word_slow(bf, w, k);
}

/* Words and stop words of f's text, the first MAXW, byte by byte. */
static void
count_words_slow(const struct nu_boiler_feat *bf, struct lf *f)
{
	const char *s = f->s, *w, *e;
	size_t n = f->n, k;

	e = s + n;
	for (w = s; w < e && f->words < MAXW; ) {
		while (w < e && is_space((unsigned char)*w))
			w++;
		if (w == e)
			break;
		for (k = 0; w + k < e && !is_space((unsigned char)w[k]); k++)
			;
		if (f->words == 0)
			f->w0 = low_hash('w', w, k < 24 ? k : 24);
		w += k;
		/* trailing punctuation off for the stop-word test */
		while (k > 1 && (w[-1] == ',' || w[-1] == '.' ||
		    w[-1] == ';' || w[-1] == ':'))
			k--, w--;
		f->words++;
		f->stop += stop_word(bf, w - k, k, e);
		while (w < e && !is_space((unsigned char)*w))
			w++;
	}
}

#define SPACE_MAX	2048	/* bytes: a longer line is counted slowly */

/* A bit per white-space byte (is_space) of s[0..n), n <= SPACE_MAX. */
static void
space_bits(const char *s, size_t n, uint64_t *sp)
{
	size_t i = 0;

	memset(sp, 0, (n + 63) / 64 * sizeof(*sp));
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* ' ', or 9-13 less '\n' */
		__m128i c = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x,
		    _mm_set1_epi8(9)), _mm_set1_epi8(4)), _mm_setzero_si128());

		c = _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), c);
		c = _mm_or_si128(c, _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
		sp[i / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(c) << (i % 64);
	}
#endif
	for (; i < n; i++)
		if (is_space((unsigned char)s[i]))
			sp[i / 64] |= 1ULL << (i % 64);
}

/* The first i >= from with bit i of sp equal to want, or n. */
static size_t
next_bit(const uint64_t *sp, size_t from, size_t n, int want)
{
	size_t j = from / 64;
	uint64_t b;

	if (from >= n)
		return n;
	b = (want ? sp[j] : ~sp[j]) >> (from % 64);
	if (b != 0)
		from += (size_t)__builtin_ctzll(b);
	else
		for (from = 64 * (j + 1); from < n; from += 64) {
			b = want ? sp[from / 64] : ~sp[from / 64];
			if (b != 0) {
				from += (size_t)__builtin_ctzll(b);
				break;
			}
		}
	return from < n ? from : n;
}

/*
 * Words and stop words of f's text, the first MAXW: the words' edges
 * from a bitmap of its white space, made 16 bytes at a time.
 */
static void
count_words(const struct nu_boiler_feat *bf, struct lf *f)
{
	uint64_t sp[SPACE_MAX / 64];
	const char *s = f->s, *w, *e = f->s + f->n;
	size_t n = f->n, a = 0, b, k;

	f->counted = 1;
	if (n > SPACE_MAX) {
		count_words_slow(bf, f);
		return;
	}
	space_bits(s, n, sp);
	while (f->words < MAXW && (a = next_bit(sp, a, n, 0)) < n) {
		b = next_bit(sp, a, n, 1);
		w = s + a;
		k = b - a;
		if (f->words == 0)
			f->w0 = low_hash('w', w, k < 24 ? k : 24);
		/* trailing punctuation off for the stop-word test */
		while (k > 1 && (w[k - 1] == ',' || w[k - 1] == '.' ||
		    w[k - 1] == ';' || w[k - 1] == ':'))
			k--;
		f->words++;
		f->stop += stop_word(bf, w, k, e);
		a = b;
	}
}

#ifdef __SSE2__
/* The sum of the 16 byte counters in x. */
static size_t
byte_sum(__m128i x)
{
	__m128i t = _mm_sad_epu8(x, _mm_setzero_si128());

	return (size_t)_mm_cvtsi128_si32(t) +
	    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(t, 8));
}
#endif

/*
 * Code points of s[0..n) and, in *cjk, the lead bytes of U+3000-U+D7FF
 * (kana, han, hangul) and U+F000- (full-width forms): 16 bytes at a time.
 */
static uint32_t
count_cp_cjk(const char *s, size_t n, uint32_t *cjk)
{
	size_t i = 0, cont = 0, wide = 0;

#ifdef __SSE2__
	while (i + 16 <= n) {
		/* byte counters: a matching byte's mask is -1, subtracted */
		__m128i nc = _mm_setzero_si128(), nh = _mm_setzero_si128();
		size_t r;

		for (r = 0; r < 255 && i + 16 <= n; r++, i += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			__m128i c = _mm_cmpeq_epi8(_mm_and_si128(x,
			    _mm_set1_epi8((char)0xc0)), _mm_set1_epi8((char)0x80));
			__m128i h = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x,
			    _mm_set1_epi8((char)0xe3)), _mm_set1_epi8(0xed - 0xe3)),
			    _mm_setzero_si128());

			h = _mm_or_si128(h, _mm_cmpeq_epi8(x,
			    _mm_set1_epi8((char)0xef)));
			nc = _mm_sub_epi8(nc, c);
			nh = _mm_sub_epi8(nh, h);
		}
		cont += byte_sum(nc);
		wide += byte_sum(nh);
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		cont += (c & 0xc0) == 0x80;
		wide += (unsigned)(c - 0xe3) <= 0xed - 0xe3 || c == 0xef;
	}
	*cjk = (uint32_t)wide;
	return (uint32_t)(n - cont);
}

/* A line of 70 to 200 code points whose stop words are not counted yet. */
#define PROSE_UNSURE	2

/* Count the stop words of the lines lf[0..k) that need them for prose. */
static void
settle(const struct nu_boiler_feat *bf, struct lf *lf, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (lf[j].prose == PROSE_UNSURE) {
			count_words(bf, &lf[j]);
			lf[j].prose = lf[j].words >= 8 &&
			    lf[j].stop * 10 >= lf[j].words * 2;
		}
}

/*
 * What the gate and the features need first: length, words and stop
 * words (the first MAXW), bullet, last character.  Cheap: crawler pages
 * stop here.
 */
static void
line_of(const struct nu_bline *x, struct lf *f)
{
	const char *s = x->s;
	size_t n = x->n, lead = 0;
	uint32_t cp = 0, cjk = 0;

	memset(f, 0, sizeof(*f));
	while (lead < n && is_space((unsigned char)s[lead]))
		lead++;
	while (n > lead && is_space((unsigned char)s[n - 1]))
		n--;
	f->indent = lead == 0 ? 0 : lead <= 2 ? 1 : lead <= 4 ? 2 : 3;
	s += lead;
	n -= lead;
	f->s = s;
	f->n = n;
	f->role = x->role;
	f->hash = x->hash;
	f->bullet = (uint8_t)bullet_of(s, n);
	/*
	 * The rules counted the code points up to 200 (ncp); past that the
	 * bytes stand in for them (the last bucket starts at 400).
	 */
	if (x->ncp < 200) {
		cp = count_cp_cjk(s, n, &cjk);
	} else
		cp = n < CP_CAP ? (uint32_t)n : CP_CAP;
	/*
	 * A han character is about a word: in Chinese, Japanese or Korean
	 * a line reads three times as long as its code points (readability
	 * and jusText weigh text by length, so a CJK paragraph would
	 * otherwise look like a menu item).
	 */
	f->cjk = cjk * 2 >= cp && cjk > 0;
	cp += 2 * cjk;
	if (cp > CP_CAP)
		cp = CP_CAP;
	f->cp = cp;
	f->lenb = (uint8_t)len_bucket(cp);
	if (n > 0) {
		char c = s[n - 1];

		f->end = c == '.' || c == '!' || c == '?' ? 1 :
		    c == ':' ? 2 : c == '"' || c == ')' ? 3 :
		    (unsigned char)c >= 0x80 ? 4 : c == ',' ? 5 : 0;
	}
	/*
	 * prose: jusText's "good" paragraph, loosely.  Only a middle-sized
	 * line needs its stop words for that, counted when asked (settle).
	 */
	f->prose = cp >= 200 || (f->cjk && cp >= 90) ? 1 :
	    cp >= 70 ? PROSE_UNSURE : 0;
	f->shortl = cp < SHORT_CP && f->end != 1;
}

/* The rest of a line's shape, for the features only. */
/* The bytes of a line detail() counts, by class. */
struct byte_classes {
	size_t	 up, low, dig;		/* A-Z, a-z, 0-9 */
	size_t	 punct, pipe;		/* , . ;  and | */
	size_t	 strong, paren;		/* { } = < >  and ( ) */
	size_t	 lead;			/* 0xC0 and up: a letter's lead */
	size_t	 e2;			/* 0xE2 among them: maybe a box rule */
};

static void
byte_class_add(struct byte_classes *bc, unsigned char c)
{
	bc->up += c >= 'A' && c <= 'Z';
	bc->low += c >= 'a' && c <= 'z';
	bc->dig += c >= '0' && c <= '9';
	bc->punct += c == ',' || c == '.' || c == ';';
	bc->pipe += c == '|';
	bc->strong += c == '{' || c == '}' || c == '=' || c == '<' || c == '>';
	bc->paren += c == '(' || c == ')';
	bc->lead += c >= 0xc0;
	bc->e2 += c == 0xe2;
}

#ifdef __SSE2__
/* Bytes of x in [lo, hi]: -1 each, else 0. */
static __m128i
in_range(__m128i x, char lo, unsigned char span)
{
	return _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x, _mm_set1_epi8(lo)),
	    _mm_set1_epi8((char)span)), _mm_setzero_si128());
}

static __m128i
is_byte(__m128i x, char c)
{
	return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}
#endif

/*
 * The classes of s[0..n)'s bytes, 16 at a time (the byte loop took as
 * long as the rest of detail()); the last bytes are copied into a block
 * padded with zeros, which are in no class, so that a menu's short line
 * is one block too.
 */
static void
byte_classes(const char *s, size_t n, struct byte_classes *bc)
{
	size_t i = 0;

	memset(bc, 0, sizeof(*bc));
#ifdef __SSE2__
	while (i < n) {
		/* byte counters: a matching byte's mask is -1, subtracted */
		__m128i up = _mm_setzero_si128(), low = up, dig = up;
		__m128i punct = up, pipe = up, strong = up, paren = up;
		__m128i lead = up, e2 = up;
		size_t r;

		for (r = 0; r < 255 && i < n; r++, i += 16) {
			char pad[16] = { 0 };
			__m128i x;

			if (i + 16 <= n)
				x = _mm_loadu_si128((const __m128i *)(const void *)
				    (s + i));
			else {
				memcpy(pad, s + i, n - i);
				x = _mm_loadu_si128((const __m128i *)(void *)pad);
			}

			up = _mm_sub_epi8(up, in_range(x, 'A', 'Z' - 'A'));
			low = _mm_sub_epi8(low, in_range(x, 'a', 'z' - 'a'));
			dig = _mm_sub_epi8(dig, in_range(x, '0', '9' - '0'));
			punct = _mm_sub_epi8(punct, _mm_or_si128(_mm_or_si128(
			    is_byte(x, ','), is_byte(x, '.')), is_byte(x, ';')));
			pipe = _mm_sub_epi8(pipe, is_byte(x, '|'));
			strong = _mm_sub_epi8(strong, _mm_or_si128(_mm_or_si128(
			    _mm_or_si128(is_byte(x, '{'), is_byte(x, '}')),
			    _mm_or_si128(is_byte(x, '<'), is_byte(x, '>'))),
			    is_byte(x, '=')));
			paren = _mm_sub_epi8(paren, _mm_or_si128(is_byte(x, '('),
			    is_byte(x, ')')));
			lead = _mm_sub_epi8(lead, _mm_cmpeq_epi8(_mm_max_epu8(x,
			    _mm_set1_epi8((char)0xc0)), x));
			e2 = _mm_sub_epi8(e2, is_byte(x, (char)0xe2));
		}
		bc->up += byte_sum(up);
		bc->low += byte_sum(low);
		bc->dig += byte_sum(dig);
		bc->punct += byte_sum(punct);
		bc->pipe += byte_sum(pipe);
		bc->strong += byte_sum(strong);
		bc->paren += byte_sum(paren);
		bc->lead += byte_sum(lead);
		bc->e2 += byte_sum(e2);
	}
#endif
	for (; i < n; i++)	/* without SSE2 */
		byte_class_add(bc, (unsigned char)s[i]);
}

static void
detail(const struct nu_boiler_feat *bf, struct lf *f)
{
	const char *s = f->s;
	size_t n = f->n, i, up, letters, dig, punct;
	size_t pipes, sym, box = 0, strong, k;
	struct byte_classes bc;

	if (n > 4 * CP_CAP)
		n = 4 * CP_CAP;
	byte_classes(s, n, &bc);
	for (i = 0; i < n && bc.e2 > 0; i++)
		if ((unsigned char)s[i] == 0xe2 && i + 1 < n &&
		    ((unsigned char)s[i + 1] == 0x94 ||
		    (unsigned char)s[i + 1] == 0x95))
			box++;	/* U+2500-U+257F: a rendered table's rules */
	up = bc.up;
	letters = bc.up + bc.low + bc.lead - box;	/* a rule's E2 no letter */
	dig = bc.dig;
	punct = bc.punct;
	pipes = bc.pipe;
	strong = bc.strong;
	sym = bc.strong + bc.paren;
	f->caps = letters >= 4 && up * 10 >= letters * 9 ? 2 :
	    (n > 0 && s[0] >= 'A' && s[0] <= 'Z') ? 1 : 0;
	f->digits = f->cp == 0 ? 0 : dig * 2 >= f->cp ? 2 : dig > 0 ? 1 : 0;
	f->punct = punct == 0 ? 0 : punct < 3 ? 1 : punct < 8 ? 2 : 3;
	f->pipes = pipes >= 2;
	f->sym = sym == 0 ? 0 : sym < 3 ? 1 : 2;
	/*
	 * Code or a table: rules drawn in boxes, braces, '=' or angle
	 * brackets, an unbulleted line ending as code does, or parentheses
	 * in a line that is no sentence (prose has them too).  A block of
	 * them between paragraphs is the article's listing; menus are
	 * rarely either.
	 */
	if (f->n > 0) {
		char e = s[f->n - 1];

		f->code = box > 0 || strong > 0 || (f->bullet == 0 &&
		    (e == '{' || e == '(' || e == ';' || e == '\\')) ||
		    (sym > 0 && !f->prose && f->end != 1);
	}
	if (!f->counted)
		count_words(bf, f);
	n = f->n;
	if (n <= WHOLE_MAX)
		f->whole = low_hash('l', s, n);
	/* the last word */
	for (k = 0; k < n && !is_space((unsigned char)s[n - 1 - k]); k++)
		;
	f->wl = low_hash('z', s + n - k, k < 24 ? k : 24);
}

/*
 * Blocks (lines between blank lines) of code or tables: a block with two
 * code-like lines or more, a third of its lines, is a listing, and each
 * of its lines gets the block's size (crun), so that a listing's plain
 * lines ("FROM", "  series") go with its code.  (Features for a related
 * list's turns of short title and longer summary, and for box drawing
 * alone, did not help on dev: NEWS.md, 2026-12-06.)
 */
static unsigned
run_bucket(size_t r)
{
	return r <= 1 ? 0 : r == 2 ? 1 : r <= 4 ? 2 : r <= 9 ? 3 : 4;
}

static void
blocks(struct nu_boiler_feat *bf)
{
	struct lf *lf = bf->lf;
	size_t k = bf->k, j, a, b, nc;

	for (a = 0; a < k; a = b) {
		nc = lf[a].code;
		for (b = a + 1; b < k && !lf[b].blank_before; b++)
			nc += lf[b].code;
		for (j = a; j < b; j++)
			lf[j].crun = (uint8_t)(nc >= 2 && 3 * nc >= b - a ?
			    1 + run_bucket(b - a) : 0);
	}
}

/* jusText's classes: length short/medium/long by stop-word density. */
static unsigned
justext(const struct lf *f)
{
	unsigned len = f->cp < 70 ? 0 : f->cp < 200 ? 1 : 2;
	unsigned dens = f->words < 3 ? 3 : f->stop * 100 >= f->words * 32 ? 2 :
	    f->stop * 100 >= f->words * 20 ? 1 : 0;

	return len * 4 + dens;
}

static unsigned
dist_bucket(size_t d)
{
	return d == 0 ? 0 : d == 1 ? 1 : d == 2 ? 2 : d <= 5 ? 3 :
	    d <= 10 ? 4 : d <= 30 ? 5 : 6;
}

static void	main_cluster(const struct nu_boiler_feat *, size_t,
		    size_t *, size_t *);

static void
grow(struct nu_boiler_feat *bf, size_t n)
{
	size_t c = bf->cap;

	if (n <= c)
		return;
	while (c < n)
		c = c ? 2 * c : 256;
	bf->items = nu_ereallocarray(bf->items, c, sizeof(*bf->items));
	memset(bf->items + bf->cap, 0, (c - bf->cap) * sizeof(*bf->items));
	bf->idx = nu_ereallocarray(bf->idx, c, sizeof(*bf->idx));
	bf->lf = nu_ereallocarray(bf->lf, c, sizeof(*bf->lf));
	bf->lab = nu_ereallocarray(bf->lab, c, sizeof(*bf->lab));
	bf->cap = c;
}

/* A neighbour's shape, conjoined with its offset. */
static void
neighbour(struct nu_feats *f, const struct lf *g, char off)
{
	addv2(f, off, 'L', 'v', g->lenb);
	addv2(f, off, 'E', 'v', g->end);
	addv2(f, off, 'R', 'v', g->role);
	addv2(f, off, 'B', 'v', g->bullet);
	addv2(f, off, 'J', 'v', justext(g));
}

/*
 * Each line told the length of the run it is in: of short lines (list 0:
 * a menu is one) or of list items, bulleted or numbered (list 1).
 */
static int
in_run(const struct lf *f, int list)
{
	return list ? f->bullet >= 1 && f->bullet <= 6 : f->shortl;
}

static void
mark_runs(struct lf *lf, size_t k, int list)
{
	size_t i, j, r;
	uint32_t len;

	for (j = 0; j < k; j = r) {
		for (r = j; r < k && in_run(&lf[r], list); r++)
			;
		len = (uint32_t)(r - j);
		if (r == j)
			r = j + 1;	/* in no run: 0 */
		for (i = j; i < r; i++)
			*(list ? &lf[i].brun : &lf[i].run) = len;
	}
}

/*
 * The shapes of the non-blank lines of l[a..e) into lf[], their indexes
 * into idx[]; returns how many.
 */
static size_t
measure(const struct nu_bline *l, size_t a, size_t e, struct lf *lf,
    size_t *idx)
{
	size_t i, k = 0;
	int blank = 1;

	for (i = a; i < e; i++) {
		if (l[i].role == NU_BR_BLANK || l[i].n == 0) {
			if (k > 0)
				lf[k - 1].blank_after = 1;
			blank = 1;
			continue;
		}
		idx[k] = i;
		line_of(&l[i], &lf[k]);
		lf[k].blank_before = (uint8_t)blank;
		blank = 0;
		k++;
	}
	return k;
}

/* The page's shape from its k measured lines lf[]: where the prose is,
   bullets, runs. */
static void
shape(struct nu_boiler_feat *bf, struct lf *lf, size_t k)
{
	size_t j, nbul = 0;

	bf->first = SIZE_MAX;
	bf->last = 0;
	bf->nprose = 0;
	for (j = 0; j < k; j++) {
		lf[j].cum = (uint32_t)bf->nprose;
		nbul += lf[j].bullet >= 1 && lf[j].bullet <= 5;
		if (lf[j].prose) {
			bf->nprose++;
			if (bf->first == SIZE_MAX)
				bf->first = j;
			bf->last = j;
		}
	}
	mark_runs(lf, k, 0);
	mark_runs(lf, k, 1);
	bf->k = k;
	bf->nbul = nbul;
}

/*
 * The lines' shapes and the page's: what the features are made of.
 * Linear in the page's lines.
 */
static size_t
scan(struct nu_boiler_feat *bf, const struct nu_bline *l, size_t a,
    size_t e)
{
	size_t k;

	grow(bf, e - a + 1);
	k = measure(l, a, e, bf->lf, bf->idx);
	settle(bf, bf->lf, k);
	shape(bf, bf->lf, k);
	return k;
}

/* The first of the k cached lines whose index is i or more. */
static size_t
cached_from(const struct nu_boiler_feat *bf, size_t i)
{
	size_t lo = 0, hi = bf->ck, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (bf->cidx[m] < i)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/*
 * The lines of l[a..e), among those nu_boiler_feat_rendered measured,
 * into bf->lf as measure() would put them: a line's shape is its own;
 * only the blank before the first line depends on the page.
 */
static size_t
measure_cached(struct nu_boiler_feat *bf, size_t a, size_t e)
{
	size_t ka = cached_from(bf, a), k = cached_from(bf, e) - ka;

	grow(bf, k + 1);
	memcpy(bf->lf, bf->clf + ka, k * sizeof(*bf->lf));
	memcpy(bf->idx, bf->cidx + ka, k * sizeof(*bf->idx));
	if (k > 0)
		bf->lf[0].blank_before = 1;
	return k;
}

/* How often each line's text occurs on the page: menus repeat. */
static void
dup_counts(struct nu_boiler_feat *bf)
{
	size_t j, h, k = bf->k, m = nu_pow2_size(16, 2 * k);

	if (m > bf->dcap) {
		bf->dh = nu_erenew(bf->dh, m, sizeof(*bf->dh));
		bf->dc = nu_erenew(bf->dc, m, sizeof(*bf->dc));
		bf->dcap = m;
	}
	memset(bf->dc, 0, m * sizeof(*bf->dc));
	for (j = 0; j < k; j++) {
		for (h = bf->lf[j].hash & (m - 1); bf->dc[h] != 0 &&
		    bf->dh[h] != bf->lf[j].hash; h = (h + 1) & (m - 1))
			;
		bf->dh[h] = bf->lf[j].hash;
		bf->dc[h]++;
	}
	for (j = 0; j < k; j++) {
		for (h = bf->lf[j].hash & (m - 1); bf->dh[h] != bf->lf[j].hash;
		    h = (h + 1) & (m - 1))
			;
		bf->lf[j].dup = (uint8_t)(bf->dc[h] == 1 ? 0 :
		    bf->dc[h] == 2 ? 1 : bf->dc[h] <= 4 ? 2 : 3);
	}
}

/*
 * The article's place: prose lines closer than GAP lines to each other
 * form a cluster; the cluster with the most prose text is the article
 * (readability's best candidate, on lines).  Comments and related
 * summaries form smaller clusters of their own.
 */
#define GAP	8
#define WIDE_GAP	24	/* lists and code between paragraphs */

static void
main_cluster(const struct nu_boiler_feat *bf, size_t gap, size_t *ma,
    size_t *mb)
{
	size_t j, a = 0, prev = SIZE_MAX, mass = 0, best = 0;

	*ma = *mb = SIZE_MAX;
	for (j = 0; j < bf->k; j++) {
		if (!bf->lf[j].prose)
			continue;
		if (prev == SIZE_MAX || j - prev > gap) {
			a = j;
			mass = 0;
		}
		mass += bf->lf[j].cp;
		prev = j;
		if (mass > best) {
			best = mass;
			*ma = a;
			*mb = j;
		}
	}
}

/* Prose lines within w lines of j, j itself left out. */
static size_t
prose_near(const struct nu_boiler_feat *bf, size_t j, size_t w)
{
	size_t lo = j > w ? j - w : 0, hi = j + w + 1 < bf->k ? j + w + 1 :
	    bf->k;
	size_t c = (hi < bf->k ? bf->lf[hi].cum : bf->nprose) - bf->lf[lo].cum;

	return c - bf->lf[j].prose;
}

/*
 * Lexical cohesion: how many of a line's content words occur in the
 * article, the lines of the main cluster (the line's own words left
 * out).  The article's short lines (its title, subheadings, captions,
 * a listing's lines) share its words; a menu, another story's teaser
 * and most readers' comments share few.  Words are runs of letters, marks
 * and digits of any script, lowercased (a capitalised word is the word:
 * a sentence's first, a title's, Vietnamese and Greek and Cyrillic as
 * English); function words and words under three bytes are left out.
 */
#define COH_W		48	/* content words of a line looked at */
#define COH_B		32	/* bytes of a lowercased word hashed */

/* Whether cp, past ASCII, is a letter, a mark or a digit. */
static int
word_cp(long cp)
{
	int cat = nu_utf8_category(cp);

	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* The content words of f into h[] (nonzero hashes); how many. */
static size_t
content_words(const struct nu_boiler_feat *bf, const struct lf *f,
    uint64_t *h)
{
	const char *s = f->s, *e = f->s + f->n;
	/* the word lowercased; 8 bytes over for stop_word's loads */
	char w[COH_B + 8] = { 0 }, c;
	size_t k, m, l, nw = 0, seen = 0;
	long cp;

	while (s < e && nw < COH_W && seen < 2 * COH_W) {
		k = m = 0;	/* bytes of the word in s; lowercased, in w */
		while (s < e) {
			if ((unsigned char)*s < 0x80) {
				/* one load for what the byte is and its
				   lowercase: most bytes of most lines */
				if ((c = bf->word_ascii[(unsigned char)*s]) == 0) {
					if (k > 0)
						break;
					s++;
					continue;
				}
				if (m < COH_B)
					w[m++] = c;
				s++;
				k++;
				continue;
			}
			l = nu_utf8_decode(s, (size_t)(e - s), &cp);
			if (!word_cp(cp)) {
				if (k > 0)
					break;
				s += l;
				continue;
			}
			if (m + 4 <= COH_B)	/* past it, the first bytes only */
				m += nu_utf8_encode(nu_utf8_lower_cp(cp), w + m);
			s += l;
			k += l;
		}
		if (k == 0)
			break;
		seen++;
		if (k >= 3 && !stop_word(bf, w, m, w + sizeof(w)))
			h[nw++] = low_hash('c', w, m) | 1;
	}
	return nw;
}

/* The slot of word hash x in the article's table. */
static size_t
coh_slot(const struct nu_boiler_feat *bf, uint64_t x)
{
	size_t h;

	for (h = (size_t)(x ^ x >> 31) & bf->wmask; bf->wh[h] != 0 &&
	    bf->wh[h] != x; h = (h + 1) & bf->wmask)
		;
	return h;
}

/* Add d to the counts of the n words w[] in the article's table. */
static void
coh_add(struct nu_boiler_feat *bf, const uint64_t *w, size_t n, int d)
{
	size_t i, h;

	for (i = 0; i < n; i++) {
		h = coh_slot(bf, w[i]);
		bf->wh[h] = w[i];
		bf->wc[h] += (uint32_t)d;
	}
}

static void
cohesion(struct nu_boiler_feat *bf)
{
	struct lf *lf = bf->lf;
	size_t j, i, n, m, hit, nc;
	uint64_t w[COH_W], *cw;

	for (j = 0; j < bf->k; j++)
		lf[j].coh = lf[j].ncw = 0;
	if (bf->ma == SIZE_MAX)
		return;
	m = nu_pow2_size(64, 2 * COH_W * (bf->mb - bf->ma + 1));
	if (m > bf->wcap) {
		bf->wh = nu_erenew(bf->wh, m, sizeof(*bf->wh));
		bf->wc = nu_erenew(bf->wc, m, sizeof(*bf->wc));
		bf->wcap = m;
	}
	bf->wmask = m - 1;
	memset(bf->wh, 0, m * sizeof(*bf->wh));
	memset(bf->wc, 0, m * sizeof(*bf->wc));
	/* the cluster's words, kept: each of its lines is looked up too */
	nc = bf->mb - bf->ma + 1;
	if (nc > bf->cwcap) {
		free(bf->cw);
		free(bf->cwn);
		bf->cw = nu_ereallocarray(NULL, nc, COH_W * sizeof(*bf->cw));
		bf->cwn = nu_ereallocarray(NULL, nc, sizeof(*bf->cwn));
		bf->cwcap = nc;
	}
	for (j = bf->ma; j <= bf->mb; j++) {
		cw = bf->cw + (j - bf->ma) * COH_W;
		n = content_words(bf, &lf[j], cw);
		bf->cwn[j - bf->ma] = (uint8_t)n;
		coh_add(bf, cw, n, 1);
	}
	for (j = 0; j < bf->k; j++) {
		int own = j >= bf->ma && j <= bf->mb;

		if (own) {
			cw = bf->cw + (j - bf->ma) * COH_W;
			n = bf->cwn[j - bf->ma];
			coh_add(bf, cw, n, -1);
		} else {
			cw = w;
			n = content_words(bf, &lf[j], w);
		}
		for (i = hit = 0; i < n; i++)
			hit += bf->wc[coh_slot(bf, cw[i])] > 0;
		if (own)
			coh_add(bf, cw, n, 1);
		lf[j].ncw = (uint8_t)(n == 0 ? 0 : n <= 2 ? 1 : n <= 6 ? 2 : 3);
		/* 0: no content word; else 1-5, the share found */
		lf[j].coh = (uint8_t)(n == 0 ? 0 : hit * 5 / (n + 1) + 1);
	}
}

/*
 * A short line the page prints again and again ("Advertisement", "Read
 * more", between the paragraphs of an article): a line's neighbours are
 * the lines past it (two at most), as if it were a blank line.
 */
static int
interrupts(const struct lf *g)
{
	return g->dup >= 2 && g->shortl;
}

/* The neighbour of line j before it (dir < 0) or after it, or SIZE_MAX. */
static size_t
near_line(const struct nu_boiler_feat *bf, size_t j, int dir)
{
	size_t i = j, hops = 0;

	for (;;) {
		if (dir < 0 ? i == 0 : i + 1 >= bf->k)
			return SIZE_MAX;
		i = dir < 0 ? i - 1 : i + 1;
		if (!interrupts(&bf->lf[i]) || ++hops > 2)
			return i;
	}
}

/* The feature vectors of the scanned page. */
static void
build(struct nu_boiler_feat *bf)
{
	size_t j, k = bf->k, first = bf->first, last = bf->last;
	size_t d, prev_prose, next_prose, nbul = bf->nbul;
	unsigned kind, q, m;

	/*
	 * The page's kind.  Crawler text (menus gone) has its prose near the
	 * top, few list bullets and few lines: there the rules are right.  A
	 * rendered page opens with menus, has bulleted lists and hundreds of
	 * lines: there the rules keep too much.
	 */
	kind = (first == SIZE_MAX ? 3 : first <= 3 ? 0 : first <= 10 ? 1 : 2) *
	    9 + (nbul == 0 ? 0 : nbul <= 3 ? 1 : 2) * 3 +
	    (k < 40 ? 0 : k < 120 ? 1 : 2);
	for (j = 0; j < k; j++)
		detail(bf, &bf->lf[j]);
	main_cluster(bf, GAP, &bf->ma, &bf->mb);
	main_cluster(bf, WIDE_GAP, &bf->wa, &bf->wb);
	dup_counts(bf);
	blocks(bf);
	cohesion(bf);
	for (j = 0; j < k; j++) {
		struct nu_feats *f = &bf->items[j];
		const struct lf *g = &bf->lf[j];

		nu_feats_reset(f);
		addv(f, 'b', 0);
		addv(f, 'L', g->lenb);
		addv(f, 'J', justext(g));
		addv(f, 'E', g->end);
		addv(f, 'P', g->punct);
		addv(f, 'B', g->bullet);
		addv(f, 'I', g->indent);
		addv(f, 'C', g->caps);
		addv(f, 'D', g->digits);
		addv(f, 'X', g->pipes);
		addv(f, 'R', g->role);
		addv2(f, 'K', kind, 'R', g->role);
		addv2(f, 'K', kind, 'J', justext(g));
		addv(f, 'K', kind);
		addv2(f, 'K', kind, 'O', first == SIZE_MAX ? 0 :
		    j < first ? 1 : j > last ? 2 : 3);
		addv2(f, 'B', g->bullet, 'L', g->lenb);
		addv2(f, 'E', g->end, 'L', g->lenb);
		addv2(f, 'Q', g->blank_before, 'q', g->blank_after);
		nu_feats_addh(f, g->w0);
		if (g->whole)
			nu_feats_addh(f, g->whole);
		if (g->words > 1)
			nu_feats_addh(f, g->wl);
		/* the run of short lines this line is in: a menu's shape */
		addv2(f, 'S', g->shortl, 'r', run_bucket(g->run));
		/* where the prose is */
		if (first == SIZE_MAX)
			q = 0;
		else
			q = j < first ? 1 : j > last ? 2 : 3;
		addv(f, 'O', q);
		addv2(f, 'O', q, 'J', justext(g));
		for (d = 0, prev_prose = SIZE_MAX; d < 12 && d <= j; d++)
			if (bf->lf[j - d].prose) {
				prev_prose = d;
				break;
			}
		for (d = 0, next_prose = SIZE_MAX; d < 12 && j + d < k; d++)
			if (bf->lf[j + d].prose) {
				next_prose = d;
				break;
			}
		prev_prose = prev_prose == SIZE_MAX ? 9 : dist_bucket(prev_prose);
		next_prose = next_prose == SIZE_MAX ? 9 : dist_bucket(next_prose);
		addv(f, 'p', (unsigned)prev_prose);
		addv(f, 'n', (unsigned)next_prose);
		addv2(f, 'p', (unsigned)prev_prose, 'n', (unsigned)next_prose);
		/* prose around: an article's short lines (subheadings, list
		   items) sit among paragraphs, a menu's among menu items */
		addv(f, 'V', (unsigned)prose_near(bf, j, 3));
		addv2(f, 'v', (unsigned)prose_near(bf, j, 10) / 2,
		    'S', g->shortl);
		/* inside the article's cluster, or how far before or after */
		if (bf->ma == SIZE_MAX)
			addv(f, 'M', 0);
		else if (j < bf->ma) {
			addv(f, 'M', 10 + dist_bucket(bf->ma - j));
			addv2(f, 'M', 1, 'J', justext(g));
		} else if (j > bf->mb) {
			addv(f, 'M', 20 + dist_bucket(j - bf->mb));
			addv2(f, 'M', 2, 'J', justext(g));
		} else {
			addv(f, 'M', 3);
			addv2(f, 'M', 3, 'J', justext(g));
			addv2(f, 'M', 3, 'R', g->role);
		}
		/* the region again, with the line's shape: a list or a
		   subheading inside the article is the article's */
		m = bf->ma == SIZE_MAX ? 0 : j < bf->ma ? 1 : j > bf->mb ? 2 : 3;
		addv2(f, 'm', m, 'B', g->bullet);
		addv2(f, 'm', m, 'L', g->lenb);
		addv2(f, 'm', m, 'r', run_bucket(g->brun));
		addv2(f, 'm', m, 'd', g->dup);
		m = bf->wa == SIZE_MAX ? 0 : j < bf->wa ? 1 : j > bf->wb ? 2 : 3;
		addv2(f, 'G', m, 'J', justext(g));
		addv2(f, 'G', m, 'B', g->bullet);
		addv(f, 'U', g->dup);
		addv2(f, 'H', g->cjk, 'L', g->lenb);
		addv2(f, 'U', g->dup, 'L', g->lenb);
		addv2(f, 'Y', g->sym, 'I', g->indent);
		addv2(f, 'l', run_bucket(g->brun), 'L', g->lenb);
		/* a listing's block (code, a table), in the wide cluster or
		   out of it */
		m = bf->wa == SIZE_MAX ? 0 : j < bf->wa ? 1 : j > bf->wb ? 2 : 3;
		addv2(f, 'c', g->crun, 'G', m);
		addv2(f, 'c', g->crun, 'y', g->code);
		/* its words in the article's, with its place and its class */
		m = bf->ma == SIZE_MAX ? 0 : j < bf->ma ? 1 : j > bf->mb ? 2 : 3;
		addv2(f, 'o', g->coh * 4 + g->ncw, 'm', m);
		addv2(f, 'o', g->coh * 4 + g->ncw, 'J', justext(g));
		addv(f, 'o', g->coh);
		/* relative position on the page, in eighths */
		addv(f, 'W', (unsigned)(j * 8 / (k + 1)));
		addv(f, 'w', (unsigned)(bf->nprose == 0 ? 0 : bf->nprose < 3 ?
		    1 : bf->nprose < 10 ? 2 : 3));
		if ((d = near_line(bf, j, -1)) != SIZE_MAX)
			neighbour(f, &bf->lf[d], '<');
		else
			addv(f, '<', 99);
		if ((d = near_line(bf, j, 1)) != SIZE_MAX)
			neighbour(f, &bf->lf[d], '>');
		else
			addv(f, '>', 99);
		if (j > 1)
			addv2(f, '[', 'L', 'v', bf->lf[j - 2].lenb);
		if (j + 2 < k)
			addv2(f, ']', 'L', 'v', bf->lf[j + 2].lenb);
	}
}

size_t
nu_boiler_feat_page(struct nu_boiler_feat *bf, const struct nu_bline *l,
    size_t a, size_t e, struct nu_feats **items, size_t **idx)
{
	size_t k = scan(bf, l, a, e);

	build(bf);
	*items = bf->items;
	*idx = bf->idx;
	return k;
}

/*
 * Crawler text: menus gone, prose from the first lines on, no bulleted
 * lists.  The rules were written for it and score near 1.0 there
 * (tests/heldout.bats); a model trained mostly on rendered pages does
 * worse, so a model meant for rendered pages leaves it to them.
 */
/* What the gate looks at: lines, bullets, where the prose is. */
struct gate {
	size_t	 k, nbul, first, nprose;
};

static int
crawler_like(const struct gate *g)
{
	if (g->nbul > 4)
		return 0;
	/* a dozen lines are no rendered page: no menus to drop */
	if (g->k <= SMALL_PAGE)
		return 1;
	/* prose near the top, and a short page or a prose-rich one */
	return g->first <= 16 && (g->k <= 60 || g->nprose * 5 >= g->k);
}

/* Whether lines labelled as one page read as a page rendered whole. */
static int
rendered_like(const struct gate *g)
{
	if (crawler_like(g))
		return 0;
	/*
	 * A stream of crawler pages gathers a few bullets from each: rare
	 * among its lines, with prose from the top, it stays the rules'
	 * pages.
	 */
	return !(g->nbul * 50 <= g->k && g->first <= 16 &&
	    g->nprose * 5 >= g->k);
}

/* The gate of lines lf[0..k), with the unsure lines (see settle) taken
   as prose or not, and the lines of a narrow column's paragraphs
   (narrow_prose) as prose when narrow is set. */
static void
gate_of(const struct lf *lf, size_t k, int unsure, int narrow,
    struct gate *g)
{
	size_t j;

	g->k = k;
	g->nbul = 0;
	g->first = SIZE_MAX;
	g->nprose = 0;
	for (j = 0; j < k; j++) {
		int p = lf[j].prose == PROSE_UNSURE ? unsure : lf[j].prose;

		if (narrow && lf[j].wprose)
			p = 1;

		g->nbul += lf[j].bullet >= 1 && lf[j].bullet <= 5;
		if (p) {
			g->nprose++;
			if (g->first == SIZE_MAX)
				g->first = j;
		}
	}
}

/*
 * test() of the gate of lf[0..k).  Both tests only ever change one way
 * as lines become prose, so when the unsure lines give the same answer
 * taken all as prose and none, that is the answer, and their stop words
 * need not be counted (crawler pages are mostly decided so).
 */
static int
gate_prose(const struct nu_boiler_feat *bf, struct lf *lf, size_t k,
    int (*test)(const struct gate *), int narrow)
{
	struct gate g;
	int r;

	gate_of(lf, k, 0, narrow, &g);
	r = test(&g);
	gate_of(lf, k, 1, narrow, &g);
	if (test(&g) == r)
		return r;
	settle(bf, lf, k);
	gate_of(lf, k, 0, narrow, &g);
	return test(&g);
}

/* The code points of a line's first word. */
static size_t
first_word_cp(const struct lf *f)
{
	size_t i, c = 0;

	for (i = 0; i < f->n && f->s[i] != ' '; i++)
		c += ((unsigned char)f->s[i] & 0xc0) != 0x80;
	return c;
}

/*
 * A page rendered or saved in a column narrower than a prose line (a
 * table cell of 40 columns, text wrapped at 60): the gate's prose test
 * reads lines of NARROW_MAX code points or more, and no line is that
 * long.  A paragraph of such a column is a chain of lines in a block
 * with no blank between them, each as full as the block's widest within
 * a quarter and too full to have taken the next line's first word: three
 * lines or more, NARROW_MAX code points in all, no list item starting
 * inside it, no line of han characters (no spaces between their words).
 * Marks its lines wprose; returns how many.
 */
#define NARROW_MIN	20
#define NARROW_MAX	70	/* the gate's prose line: see line_of() */

static size_t
narrow_prose(struct lf *lf, size_t k)
{
	size_t j, a, b, c, i, marked = 0;
	uint32_t w, tot;

	for (a = 0; a < k; a = b) {
		lf[a].wprose = 0;
		for (b = a + 1; b < k && !lf[b].blank_before; b++)
			lf[b].wprose = 0;
		for (w = 0, j = a; j + 1 < b; j++)
			if (lf[j].cp > w)
				w = lf[j].cp;
		if (b - a < 3 || w < NARROW_MIN || w >= NARROW_MAX)
			continue;
		for (j = a; j + 1 < b; j = c + 1) {
			for (c = j, tot = lf[j].cp; c + 1 < b &&
			    lf[c].cp * 4 >= w * 3 && lf[c + 1].bullet == 0 &&
			    !lf[c].cjk && !lf[c + 1].cjk &&
			    lf[c].cp + 1 + first_word_cp(&lf[c + 1]) > w; c++)
				tot += lf[c + 1].cp;
			if (c - j + 1 < 3 || tot < NARROW_MAX)
				continue;
			for (i = j; i <= c; i++)
				lf[i].wprose = 1;
			marked += c - j + 1;
		}
	}
	return marked;
}

/*
 * The gate; one page it would give the model is asked again with the
 * lines of a narrow column's paragraphs as prose (crawler text wrapped
 * at 40 columns is still crawler text: the rules know its related
 * blocks, the model, which learnt from pages of 80 columns and wider,
 * keeps them).  Not a stream of pages (narrow is 0): the rules' page
 * starts, found by line shapes, are lost when every line is short, and
 * the model reading the stream whole loses less.  Crawler pages are
 * decided by the first question alone.
 */
static int
gate(const struct nu_boiler_feat *bf, struct lf *lf, size_t k,
    int (*test)(const struct gate *), int narrow)
{
	int r = gate_prose(bf, lf, k, test, 0);

	if (!narrow || r == (test == crawler_like) ||
	    narrow_prose(lf, k) == 0)
		return r;
	return gate_prose(bf, lf, k, test, 1);
}

int
nu_boiler_feat_rendered(struct nu_boiler_feat *bf, const struct nu_bline *l,
    size_t a, size_t e)
{
	size_t c = bf->ccap, k, i, pages;

	if (e - a + 1 > c) {
		while (c < e - a + 1)
			c = c ? 2 * c : 256;
		bf->clf = nu_ereallocarray(bf->clf, c, sizeof(*bf->clf));
		bf->cidx = nu_ereallocarray(bf->cidx, c, sizeof(*bf->cidx));
		bf->ccap = c;
	}
	k = measure(l, a, e, bf->clf, bf->cidx);
	bf->cl = l;
	bf->ca = a;
	bf->ce = e;
	bf->ck = k;
	/* one page, or a stream of them (the rules' page starts)? */
	for (i = a, pages = 0; i < e && pages < 2; i++)
		pages += l[i].page != 0;
	return k > 0 && gate(bf, bf->clf, k, rendered_like, pages <= 1);
}

void
nu_boiler_feat_forget(struct nu_boiler_feat *bf)
{
	bf->cl = NULL;
}

/*
 * The model labels each line with the features of its neighbourhood, yet
 * inside an article it drops a few of the article's short lines (a
 * one-word subheading, a short list, a repeated caption or code line)
 * and outside it keeps a few short lines among dropped ones (a teaser's
 * title, a comment count).  Runs that short, with the same label on
 * either side, take that label: measured on the dev split of the real
 * pages (NEWS.md, 2026-12-07), each a gain, with the model unchanged.
 */
#define FILL_MAX	3	/* article lines dropped between kept ones */
#define ISLAND_MAX	2	/* short lines kept between dropped ones */

/*
 * A run of at most FILL_MAX short lines (no paragraph: a paragraph the
 * model drops among the article's is most often another story's, which
 * the lexical cohesion told apart) the model drops and the rules read as
 * text or as a repeated line (no advert, share, menu, related or comment
 * line among them), between two lines it keeps as content, is the
 * article's.  Most of them sit where a list or a listing broke the
 * article's cluster, outside it.
 */
static void
fill(struct nu_boiler_feat *bf, const struct nu_bline *l, const size_t *idx,
    size_t k)
{
	size_t j, e, i;

	for (j = 1; j < k; j = e) {
		if (bf->lab[j] != NU_LR_BOILER || bf->lab[j - 1] != NU_LR_CONTENT) {
			e = j + 1;
			continue;
		}
		for (e = j; e < k && e - j <= FILL_MAX &&
		    bf->lab[e] == NU_LR_BOILER && !bf->lf[e].prose &&
		    (l[idx[e]].role == NU_BR_CONTENT ||
		    l[idx[e]].role == NU_BR_DUP); e++)
			;
		if (e > j && e < k && e - j <= FILL_MAX &&
		    bf->lab[e] == NU_LR_CONTENT)
			for (i = j; i < e; i++)
				bf->lab[i] = NU_LR_CONTENT;
		if (e == j)
			e = j + 1;
	}
}

/*
 * A run of at most ISLAND_MAX short lines (no paragraph) kept as content
 * outside the article's cluster, the rules' text, between two dropped
 * lines, is dropped too: a teaser's or a widget's, not the article's.
 */
static void
islands(struct nu_boiler_feat *bf, const struct nu_bline *l,
    const size_t *idx, size_t k)
{
	size_t j, e, i;
	int ok;

	if (bf->ma == SIZE_MAX)
		return;
	for (j = 1; j < k; j = e) {
		if (bf->lab[j] != NU_LR_CONTENT || bf->lab[j - 1] != NU_LR_BOILER ||
		    (j >= bf->ma && j <= bf->mb)) {
			e = j + 1;
			continue;
		}
		ok = 1;
		for (e = j; e < k && e - j <= ISLAND_MAX &&
		    bf->lab[e] == NU_LR_CONTENT; e++)
			if (bf->lf[e].prose || (e >= bf->ma && e <= bf->mb) ||
			    l[idx[e]].role != NU_BR_CONTENT)
				ok = 0;
		if (ok && e < k && e - j <= ISLAND_MAX &&
		    bf->lab[e] == NU_LR_BOILER)
			for (i = j; i < e; i++)
				bf->lab[i] = NU_LR_BOILER;
		if (e == j)
			e = j + 1;
	}
}

void
nu_boiler_feat_apply(struct nu_boiler_feat *bf, const struct nu_model *m,
    int rendered_only, struct nu_bline *l, size_t a, size_t e)
{
	struct nu_feats *items;
	size_t *idx, k, j;
	int lab, role, kept;

	if (bf->cl == l && a >= bf->ca && e <= bf->ce)
		k = measure_cached(bf, a, e);
	else {
		grow(bf, e - a + 1);
		k = measure(l, a, e, bf->lf, bf->idx);
	}
	if (k == 0 || (rendered_only && gate(bf, bf->lf, k, crawler_like, 1)))
		return;
	settle(bf, bf->lf, k);
	shape(bf, bf->lf, k);
	build(bf);
	items = bf->items;
	idx = bf->idx;
	nu_model_decode(m, items, k, bf->lab);
	fill(bf, l, idx, k);
	islands(bf, l, idx, k);
	for (j = 0; j < k; j++) {
		struct nu_bline *x = &l[idx[j]];

		lab = (int)bf->lab[j];
		role = x->role;
		if (role == NU_BR_IMAGE)
			continue;	/* a hard fact */
		kept = nu_boiler_role_kept(role, 0);
		if (lab == NU_LR_TITLE)
			x->role = NU_BR_TITLE;
		else if (lab == NU_LR_CONTENT && !kept)
			x->role = NU_BR_CONTENT;
		else if (lab == NU_LR_CONTENT && role == NU_BR_TITLE)
			x->role = NU_BR_CONTENT;
		else if (lab == NU_LR_BOILER && kept)
			x->role = NU_BR_OTHER;
	}
}

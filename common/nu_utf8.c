#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_buf.h"
#include "nu_utf8.h"

/*
 * Bytes of the maximal invalid subpart at s: the lead byte plus the
 * continuation bytes that could still have completed it.
 */
static size_t
badlen(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t want, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c >= 0xC2 && c <= 0xDF)
		want = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		want = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		want = 4;
	else
		return 1;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	for (i = 1; i < want && i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			break;
		lo = 0x80;
		hi = 0xBF;
	}
	return i;
}

/*
 * The validators are shift-based DFAs: a state is a multiple of 6 (0 to 54)
 * and the table entry of a byte holds, in bits st..st+5, the state that
 * byte leads to from state st, so one step is a load and a shift (the
 * "& 63" of a step is free on x86, whose shifts mask their count so; the
 * bits above the state are never looked at).  Both DFAs share the accepting state (between characters) and the
 * error state, which absorbs everything.
 *
 * dfa_utf8: UTF-8 without NUL, by the table of well-formed sequences
 * (Unicode chapter 3): C1..C3 wait for that many continuation bytes, the
 * others for a second byte in a narrower range.
 *
 * dfa_quick: the same for the characters nu_utf8_is_nfc_quick lets through
 * (ASCII, U+0080-U+02FF, U+1E00-U+1EFF, U+2002-U+206F, U+2500-U+27BF,
 * U+FFFD); any other
 * well-formed lead or second byte goes to NQ, which absorbs everything
 * too: the scan then finds where that character starts and goes on with
 * dfa_utf8.
 */
enum {
	S_OK, S_ERR, S_NQ,
	S_C1, S_C2, S_C3, S_E0, S_ED, S_F0, S_F4,		/* dfa_utf8 */
	S_QE1 = S_C2, S_QE2, S_QE2_80, S_QE2_81, S_QEF, S_QEF_BF	/* dfa_quick */
};

#define SH(st)		((unsigned)(st) * 6)
#define STATE(x)	((unsigned)((x) & 63))

static uint64_t	dfa_utf8[256], dfa_quick[256];
static int	dfa_ready;

/* In table t, bytes lo..hi lead from state from to state to. */
static void
edge(uint64_t *t, unsigned from, unsigned lo, unsigned hi, unsigned to)
{
	unsigned b;

	for (b = lo; b <= hi; b++) {
		t[b] &= ~((uint64_t)63 << SH(from));
		t[b] |= (uint64_t)SH(to) << SH(from);
	}
}

static void
dfa_tables(void)
{
	static const unsigned want[][4] = {	/* state, lo, hi, next */
		{ S_C1, 0x80, 0xBF, S_OK }, { S_C2, 0x80, 0xBF, S_C1 },
		{ S_C3, 0x80, 0xBF, S_C2 }, { S_E0, 0xA0, 0xBF, S_C1 },
		{ S_ED, 0x80, 0x9F, S_C1 }, { S_F0, 0x90, 0xBF, S_C2 },
		{ S_F4, 0x80, 0x8F, S_C2 }
	};
	uint64_t *u = dfa_utf8, *q = dfa_quick;
	size_t i;
	int b;

	/* everything is an error unless listed (S_ERR is state 1) */
	for (b = 0; b < 256; b++) {
		u[b] = q[b] = 0;
		for (i = 0; i < 10; i++) {
			u[b] |= (uint64_t)SH(S_ERR) << SH(i);
			q[b] |= (uint64_t)SH(S_ERR) << SH(i);
		}
	}
	edge(u, S_NQ, 0, 255, S_NQ);
	edge(q, S_NQ, 0, 255, S_NQ);
	edge(u, S_OK, 0x01, 0x7F, S_OK);
	edge(u, S_OK, 0xC2, 0xDF, S_C1);
	edge(u, S_OK, 0xE0, 0xE0, S_E0);
	edge(u, S_OK, 0xE1, 0xEC, S_C2);
	edge(u, S_OK, 0xED, 0xED, S_ED);
	edge(u, S_OK, 0xEE, 0xEF, S_C2);
	edge(u, S_OK, 0xF0, 0xF0, S_F0);
	edge(u, S_OK, 0xF1, 0xF3, S_C3);
	edge(u, S_OK, 0xF4, 0xF4, S_F4);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		edge(u, want[i][0], want[i][1], want[i][2], want[i][3]);

	/* well-formed leads are NQ unless quick */
	edge(q, S_OK, 0x01, 0x7F, S_OK);
	edge(q, S_OK, 0xC2, 0xF4, S_NQ);
	edge(q, S_OK, 0xC2, 0xCB, S_C1);
	edge(q, S_OK, 0xE1, 0xE1, S_QE1);
	edge(q, S_OK, 0xE2, 0xE2, S_QE2);
	edge(q, S_OK, 0xEF, 0xEF, S_QEF);
	edge(q, S_C1, 0x80, 0xBF, S_OK);
	edge(q, S_QE1, 0x80, 0xBF, S_NQ);
	edge(q, S_QE1, 0xB8, 0xBB, S_C1);
	edge(q, S_QE2, 0x80, 0xBF, S_NQ);
	edge(q, S_QE2, 0x80, 0x80, S_QE2_80);
	edge(q, S_QE2_80, 0x80, 0x81, S_NQ);
	edge(q, S_QE2_80, 0x82, 0xBF, S_OK);
	edge(q, S_QE2, 0x94, 0x9E, S_C1);
	edge(q, S_QE2, 0x81, 0x81, S_QE2_81);
	edge(q, S_QE2_81, 0x80, 0xAF, S_OK);
	edge(q, S_QE2_81, 0xB0, 0xBF, S_NQ);
	edge(q, S_QEF, 0x80, 0xBF, S_NQ);
	edge(q, S_QEF, 0xBF, 0xBF, S_QEF_BF);
	edge(q, S_QEF_BF, 0x80, 0xBF, S_NQ);
	edge(q, S_QEF_BF, 0xBD, 0xBD, S_OK);
	dfa_ready = 1;
}

/* Whether the 8 bytes at s are ASCII without NUL. */
static inline int
ascii8(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	/* no high bit, so adding 0x7F sets it in every byte but a NUL */
	return (~w & (w + 0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL) ==
	    0x8080808080808080ULL;
}

/*
 * Start of the character that byte p ended in S_ERR or S_NQ: p itself if
 * the DFA was between characters before it, else the lead byte before p.
 */
static size_t
char_start(const unsigned char *s, size_t p, unsigned before)
{
	if (before == S_OK)
		return p;
	while (p > 0 && (s[p - 1] & 0xC0) == 0x80)
		p--;
	return p - 1;
}

/*
 * Run table t over s[*ip..n) from state *stp until the end or S_ERR or
 * S_NQ.  Returns the state reached; on S_ERR or S_NQ, *ip is the start of
 * the character at fault, else n.
 */
static unsigned
dfa_run(const uint64_t *t, const unsigned char *s, size_t *ip, size_t n,
    unsigned st0)
{
	size_t i = *ip;
	uint64_t st = SH(st0), x;
	unsigned k;

	for (;;) {
		if (st == 0)
			while (i + 8 <= n && ascii8(s + i))
				i += 8;
		if (i + 16 > n)
			break;
		/* unrolled by hand: gcc -O2 keeps a loop here */
#define STEP(j)	x = t[s[i + (j)]] >> (x & 63)
		x = st;
		STEP(0); STEP(1); STEP(2); STEP(3);
		STEP(4); STEP(5); STEP(6); STEP(7);
		STEP(8); STEP(9); STEP(10); STEP(11);
		STEP(12); STEP(13); STEP(14); STEP(15);
#undef STEP
		k = STATE(x);
		if (k == SH(S_ERR) || k == SH(S_NQ))
			break;	/* this block again, a byte at a time */
		st = k;
		i += 16;
	}
	for (; i < n; i++) {
		x = t[s[i]] >> st;
		k = STATE(x);
		if (k == SH(S_ERR) || k == SH(S_NQ)) {
			*ip = char_start(s, i, (unsigned)st / 6);
			return k / 6;
		}
		st = k;
	}
	*ip = n;
	return (unsigned)st / 6;
}

/* Whether the 16 bytes at s are ASCII without NUL. */
static inline int
ascii16(const unsigned char *s)
{
	return ascii8(s) && ascii8(s + 8);
}

/*
 * dfa_run with two chains at once.  A step waits for the one before it
 * (a load, then a shift by what it loaded), so one chain runs at the
 * latency of a load a byte; two independent chains, over the two halves
 * of s[*ip..n), overlap.  The second half starts at a character boundary
 * in S_OK, as the first chain must arrive there on well-formed text;
 * wherever that is not so (a fault, the first half ending inside a
 * character), the answer is dfa_run's own, from where it differs.
 */
static unsigned
dfa_run2(const uint64_t *t, const unsigned char *s, size_t *ip, size_t n,
    unsigned st0)
{
	size_t a = *ip, b, mid, k;
	uint64_t sa = SH(st0), sb = SH(S_OK), xa, xb;
	unsigned ka, kb, st;

	if (n - a < 4096)
		return dfa_run(t, s, ip, n, st0);
	mid = a + (n - a) / 2;
	for (k = 0; k < 4 && (s[mid] & 0xC0) == 0x80; k++)
		mid++;
	if ((s[mid] & 0xC0) == 0x80)	/* not UTF-8 there: one chain */
		return dfa_run(t, s, ip, n, st0);
	b = mid;
	while (a + 16 <= mid && b + 16 <= n) {
		if (sa == 0 && sb == 0 && ascii16(s + a) && ascii16(s + b)) {
			a += 16;
			b += 16;
			continue;
		}
		xa = sa;
		xb = sb;
#define STEP(j)	xa = t[s[a + (j)]] >> (xa & 63); xb = t[s[b + (j)]] >> (xb & 63)
		STEP(0); STEP(1); STEP(2); STEP(3);
		STEP(4); STEP(5); STEP(6); STEP(7);
		STEP(8); STEP(9); STEP(10); STEP(11);
		STEP(12); STEP(13); STEP(14); STEP(15);
#undef STEP
		ka = STATE(xa);
		kb = STATE(xb);
		if (ka == SH(S_ERR) || ka == SH(S_NQ) || kb == SH(S_ERR) ||
		    kb == SH(S_NQ))
			break;	/* these blocks again, by dfa_run */
		sa = ka;
		sb = kb;
		a += 16;
		b += 16;
	}
	st = dfa_run(t, s, &a, mid, (unsigned)sa / 6);
	if (st == S_ERR || st == S_NQ) {	/* in the first half */
		*ip = a;
		return st;
	}
	if (st != S_OK) {	/* inside a character at mid: go on from there */
		*ip = mid;
		return dfa_run(t, s, ip, n, st);
	}
	st = dfa_run(t, s, &b, n, (unsigned)sb / 6);
	*ip = b;
	return st;
}

size_t
nu_utf8_scan(const char *str, size_t n, size_t *nq)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	unsigned st;

	if (!dfa_ready)
		dfa_tables();
	if (nq != NULL) {
		st = dfa_run2(dfa_quick, s, &i, n, S_OK);
		*nq = i;
		if (st != S_NQ)
			goto end;
	}
	st = dfa_run2(dfa_utf8, s, &i, n, S_OK);
end:
	if (st != S_OK && st != S_ERR && i == n)	/* truncated at the end */
		i = char_start(s, n, st);
	if (nq != NULL && *nq > i)
		*nq = i;
	return i;
}

size_t
nu_utf8_clean_prefix(const char *str, size_t n)
{
	return nu_utf8_scan(str, n, NULL);
}

size_t
nu_utf8_check(const char *str, size_t n, int *nfc)
{
	size_t k, nq;

	k = nu_utf8_scan(str, n, &nq);
	*nfc = nq == k;
	return k;
}

size_t
nu_utf8_quick_prefix(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	if (!dfa_ready)
		dfa_tables();
	dfa_run(dfa_quick, s, &i, n, S_OK);
	return i;
}

int
nu_utf8_repair(const char *str, size_t n, struct nu_buf *out,
    size_t *ninvalid, size_t *nnul)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, ok, bad = 0, nul = 0;
	int fixes = 0;

	while (i < n) {
		ok = nu_utf8_clean_prefix(str + i, n - i);
		nu_buf_add(out, str + i, ok);
		i += ok;
		if (i >= n)
			break;
		if (s[i] == 0) {
			nul++;
			fixes |= NU_FIX_NUL;
			i++;
		} else {
			bad++;
			fixes |= NU_FIX_INVALID;
			nu_buf_add(out, "\xEF\xBF\xBD", 3);
			i += badlen(s + i, n - i);
		}
	}
	if (ninvalid)
		*ninvalid = bad;
	if (nnul)
		*nnul = nul;
	return fixes;
}

/* The categories of ASCII (Unicode never changes them; a test compares
   the table with utf8proc). */
#define C(x)	UTF8PROC_CATEGORY_##x
const unsigned char nu_ascii_category[128] = {
	C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC),
	C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC),
	C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC),
	C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC), C(CC),
	C(ZS), C(PO), C(PO), C(PO), C(SC), C(PO), C(PO), C(PO),
	C(PS), C(PE), C(PO), C(SM), C(PO), C(PD), C(PO), C(PO),
	C(ND), C(ND), C(ND), C(ND), C(ND), C(ND), C(ND), C(ND),
	C(ND), C(ND), C(PO), C(PO), C(SM), C(SM), C(SM), C(PO),
	C(PO), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU),
	C(LU), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU),
	C(LU), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU), C(LU),
	C(LU), C(LU), C(LU), C(PS), C(PO), C(PE), C(SK), C(PC),
	C(SK), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL),
	C(LL), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL),
	C(LL), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL), C(LL),
	C(LL), C(LL), C(LL), C(PS), C(SM), C(PE), C(SM), C(CC),
};
#undef C

int
nu_utf8_category_slow(long cp)
{
	return utf8proc_category((utf8proc_int32_t)cp);
}

/* nu_utf8_decode, inlined where a loop decodes every character */
static inline size_t
decode(const unsigned char *s, size_t n, long *cp)
{
	if (s[0] < 0x80 || n < 2) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xE0) {
		*cp = ((long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] < 0xF0 || n < 4) {
		if (n < 3) {
			*cp = 0xFFFD;
			return n;
		}
		*cp = ((long)(s[0] & 0x0F) << 12) | ((long)(s[1] & 0x3F) << 6) |
		    (s[2] & 0x3F);
		return 3;
	}
	*cp = ((long)(s[0] & 0x07) << 18) | ((long)(s[1] & 0x3F) << 12) |
	    ((long)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return 4;
}

size_t
nu_utf8_decode(const char *str, size_t n, long *cp)
{
	return decode((const unsigned char *)str, n, cp);
}

/* nu_utf8_encode, inlined likewise */
static inline size_t
encode(long cp, unsigned char *u)
{
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
nu_utf8_encode(long cp, char *o)
{
	return encode(cp, (unsigned char *)o);
}

size_t
nu_utf8_count(const char *s, size_t n)
{
	size_t i = 0, cont = 0;
	uint64_t w;

#ifdef __SSE2__
	/* 16 at a time where the machine can (split-article counts every
	   line): a continuation byte is below -64 as a signed byte; each
	   byte lane counts up to 255 blocks, then the lanes are summed */
	while (i + 16 <= n) {
		__m128i acc = _mm_setzero_si128(), sad;
		size_t k;

		for (k = 0; k < 255 && i + 16 <= n; k++, i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(_mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i)),
			    _mm_set1_epi8(-64)));
		sad = _mm_sad_epu8(acc, _mm_setzero_si128());
		cont += (size_t)_mm_cvtsi128_si32(sad) +
		    (size_t)_mm_extract_epi16(sad, 4);
	}
#endif
	/* count continuation bytes (10xxxxxx), 8 at a time */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		w = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		cont += (size_t)((w * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

size_t
nu_utf8_lead_bytes(const char *s, size_t n, size_t k)
{
	size_t i = 0, len, j;
	unsigned char c;

	while (k-- > 0 && i < n) {
		c = (unsigned char)s[i];
		len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 :
		    c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
		if (len == 0 || len > n - i)
			return 0;
		for (j = 1; j < len; j++)
			if (((unsigned char)s[i + j] & 0xC0) != 0x80)
				return 0;
		i += len;
	}
	return i;
}

void
nu_trim_blanks(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

size_t
nu_utf8_dash(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && (memcmp(s, "\xe2\x80\x93", 3) == 0 ||	/* – */
	    memcmp(s, "\xe2\x80\x94", 3) == 0))		/* — */
		return 3;
	return 0;
}

int
nu_has_digit(const char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	/* asked of most lines: 16 bytes at once */
	for (; i + 16 <= n; i += 16) {
		__m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)
		    (const void *)(s + i)), _mm_set1_epi8('0'));

		/* d in [0, 9] unsigned: a digit */
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_subs_epu8(d,
		    _mm_set1_epi8(9)), _mm_setzero_si128())) != 0)
			return 1;
	}
#endif
	for (; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

size_t
nu_utf8_words(const char *s, size_t n,
    int (*first)(const char *, size_t, size_t), size_t *nfirst)
{
	size_t i = 0, w = 0, c = 0;
	unsigned prev = 1;	/* a space before: the text's start */

#ifdef __SSE2__
	/* asked of most short lines, and of long ones: the spaces 16
	   bytes at once, then only the words' first bytes */
	for (; i + 16 <= n; i += 16) {
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i)),
		    _mm_set1_epi8(' ')));
		unsigned st = ~sp & ((sp << 1) | prev) & 0xFFFF;

		prev = sp >> 15;
		for (; st != 0; st &= st - 1) {
			w++;
			c += first(s, n, i + (unsigned)__builtin_ctz(st)) != 0;
		}
	}
#endif
	for (; i < n; i++) {
		if (s[i] != ' ' && prev) {
			w++;
			c += first(s, n, i) != 0;
		}
		prev = s[i] == ' ';
	}
	*nfirst = c;
	return w;
}

/* Any byte at all: nu_utf8_words counting words only. */
static int
any_byte(const char *s, size_t n, size_t i)
{
	(void)s;
	(void)n;
	(void)i;
	return 1;
}

size_t
nu_utf8_word_count(const char *s, size_t n)
{
	size_t k;

	return nu_utf8_words(s, n, any_byte, &k);
}

/*
 * Code points that are NFC and stay NFC whatever precedes them, as long as
 * no combining mark follows (a mark lies outside these ranges and sends the
 * text to utf8proc): ASCII, Latin-1, Latin Extended-A/B, precomposed
 * Vietnamese (U+1E00-U+1EFF), general punctuation but U+2000 and U+2001
 * (en and em quad, which NFC turns into U+2002 and U+2003), U+FFFD, and
 * the box drawing, blocks, geometric shapes, symbols and dingbats of
 * U+2500-U+27BF (the bullets and rules of pages rendered to text: none
 * decomposes, none has a combining class, none is the second of a
 * canonical pair, by utf8proc's own tables).
 */
int
nu_utf8_is_nfc_quick(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	unsigned char c;

	while (i < n) {
		c = s[i];
		if (c < 0x80)
			i++;
		else if (c >= 0xC2 && c <= 0xCB)	/* U+0080-U+02FF */
			i += 2;
		else if (c == 0xE1 && i + 1 < n && s[i + 1] >= 0xB8 &&
		    s[i + 1] <= 0xBB)			/* U+1E00-U+1EFF */
			i += 3;
		else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    s[i + 2] >= 0x82)
			i += 3;				/* U+2002-U+203F */
		else if (c == 0xE2 && i + 1 < n && s[i + 1] >= 0x94 &&
		    s[i + 1] <= 0x9E)
			i += 3;				/* U+2500-U+27BF */
		else if (c == 0xE2 && i + 1 < n && s[i + 1] == 0x81 &&
		    i + 2 < n && s[i + 2] <= 0xAF)
			i += 3;				/* U+2040-U+206F */
		else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF &&
		    s[i + 2] == 0xBD)
			i += 3;				/* U+FFFD */
		else
			return 0;
	}
	return 1;
}

#define NFC_PIECE	(1u << 16)

static void	nfc_piece(const char *, size_t, struct nu_buf *);

void
nu_utf8_nfc(const char *s, size_t n, struct nu_buf *out)
{
	size_t k;

	if (nu_utf8_is_nfc_quick(s, n)) {
		nu_buf_add(out, s, n);
		return;
	}
	/*
	 * utf8proc works on a copy of 4 bytes per code point and more: a
	 * long text goes in pieces, each cut before an ASCII byte (an ASCII
	 * character is a starter that composes with nothing before it, so
	 * the pieces' NFC is the whole's).  Memory stays bounded on a 100 MB
	 * decomposed line.
	 */
	while (n > NFC_PIECE) {
		for (k = NFC_PIECE; k < n && (unsigned char)s[k] >= 0x80; k++)
			;
		nfc_piece(s, k, out);
		s += k;
		n -= k;
	}
	nfc_piece(s, n, out);
}

static void
nfc_piece(const char *s, size_t n, struct nu_buf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m;

	if (n == 0 || nu_utf8_is_nfc_quick(s, n)) {
		nu_buf_add(out, s, n);
		return;
	}
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m < 0) {
		nu_buf_add(out, s, n);	/* not valid UTF-8: caller repairs first */
		return;
	}
	nu_buf_add(out, nfc, (size_t)m);
	free(nfc);
}

/*
 * Lowercase of U+0000-U+024F and U+1E00-U+1EFF (Latin with Vietnamese),
 * filled from utf8proc on first use (the programs are single-threaded).
 */
static uint16_t	lower_lo[0x250], lower_vi[0x100];
static int	lower_ready;

static void
lower_tables(void)
{
	int c;

	for (c = 0; c < 0x250; c++)
		lower_lo[c] = (uint16_t)utf8proc_tolower(c);
	for (c = 0; c < 0x100; c++)
		lower_vi[c] = (uint16_t)utf8proc_tolower(0x1E00 + c);
	lower_ready = 1;
}

long
nu_utf8_lower_cp(long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (!lower_ready)
		lower_tables();
	if (cp < 0x250)
		return lower_lo[cp];
	if (cp >= 0x1E00 && cp < 0x1F00)
		return lower_vi[cp - 0x1E00];
	return utf8proc_tolower((utf8proc_int32_t)cp);
}

void
nu_utf8_lower(const char *s, size_t n, struct nu_buf *out)
{
	size_t i = 0, k;
	long cp;
	char *o;

	/* a lowercase letter is at most 1.5 times the bytes of its capital
	   (U+023A, 2 bytes, lowers to U+2C65, 3 bytes): reserve once */
	nu_buf_reserve(out, 2 * n + 4);
	o = out->p + out->len;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			char c = s[i++];

			*o++ = c >= 'A' && c <= 'Z' ? c + 32 : c;
			continue;
		}
		k = decode((const unsigned char *)s + i, n - i, &cp);
		i += k;
		o += encode(nu_utf8_lower_cp(cp), (unsigned char *)o);
	}
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

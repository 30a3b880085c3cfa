#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "nu_buf.h"
#include "nu_utf8.h"

/*
 * Length of a valid UTF-8 sequence starting at s (n bytes available), or 0
 * if it is invalid (overlong, surrogate, above U+10FFFF, truncated).
 */
static size_t
seqlen(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] > 0x9F)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] > 0x8F)
			return 0;
		return 4;
	}
	return 0;
}

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

size_t
nu_utf8_clean_prefix(const char *str, size_t n)
{
	int nfc;

	return nu_utf8_check(str, n, &nfc);
}

size_t
nu_utf8_check(const char *str, size_t n, int *nfc)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k;
	uint64_t w;

	*nfc = 1;
	while (i < n) {
		/* ASCII fast path, 8 bytes at a time: no high bit and no NUL */
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			w = (w & 0x8080808080808080ULL) |
			    ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL);
			if (w != 0) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				/* skip the ASCII bytes before the first flag
				   (the lowest flag is exact, see nu_json) */
				i += (size_t)__builtin_ctzll(w) / 8;
#endif
				break;
			}
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] == 0)
			return i;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		/* the common Vietnamese cases inline: U+0080-U+07FF and
		   U+1000-U+1FFF (precomposed letters) */
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80) {
			if (s[i] > 0xCB)	/* U+0300 and up: see below */
				*nfc = 0;
			i += 2;
			continue;
		}
		if (s[i] == 0xE1 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i + 2] & 0xC0) == 0x80) {
			if (s[i + 1] < 0xB8 || s[i + 1] > 0xBB)
				*nfc = 0;	/* outside U+1E00-U+1EFF */
			i += 3;
			continue;
		}
		if ((k = seqlen(s + i, n - i)) == 0)
			return i;
		if (*nfc && !nu_utf8_is_nfc_quick((const char *)s + i, k))
			*nfc = 0;
		i += k;
	}
	return n;
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

size_t
nu_utf8_decode(const char *str, size_t n, long *cp)
{
	const unsigned char *s = (const unsigned char *)str;

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
nu_utf8_encode(long cp, char *o)
{
	unsigned char *u = (unsigned char *)o;

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
nu_utf8_count(const char *s, size_t n)
{
	size_t i = 0, cont = 0;
	uint64_t w;

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

/*
 * Code points that are NFC and stay NFC whatever precedes them, as long as
 * no combining mark follows (a mark lies outside these ranges and sends the
 * text to utf8proc): ASCII, Latin-1, Latin Extended-A/B, precomposed
 * Vietnamese (U+1E00-U+1EFF), general punctuation, U+FFFD.
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
		else if (c == 0xE2 && i + 1 < n && s[i + 1] == 0x80)
			i += 3;				/* U+2000-U+203F */
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

void
nu_utf8_nfc(const char *s, size_t n, struct nu_buf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m;

	if (nu_utf8_is_nfc_quick(s, n)) {
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

void
nu_utf8_lower(const char *s, size_t n, struct nu_buf *out)
{
	size_t i = 0, k;
	long cp;
	char *o;

	if (!lower_ready)
		lower_tables();
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
		k = nu_utf8_decode(s + i, n - i, &cp);
		i += k;
		if (cp < 0x250)
			cp = lower_lo[cp];
		else if (cp >= 0x1E00 && cp < 0x1F00)
			cp = lower_vi[cp - 0x1E00];
		else
			cp = utf8proc_tolower((utf8proc_int32_t)cp);
		o += nu_utf8_encode(cp, o);
	}
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

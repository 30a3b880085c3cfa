#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nu_json.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* Whether any of the 8 bytes at s is '"', '\\' or a control character. */
static int
needs_escape8(const char *s)
{
	uint64_t w, q, bs;

	memcpy(&w, s, 8);
	q = w ^ (ONES * '"');
	bs = w ^ (ONES * '\\');
	/* the classic "has zero byte" and "has byte less than n" tests;
	   bytes >= 0x80 are masked out of the less-than test */
	return (((q - ONES) & ~q) | ((bs - ONES) & ~bs) |
	    ((w - ONES * 0x20) & ~w)) & HIGHS ? 1 : 0;
}

#ifdef __SSE2__
/* The same for 16 bytes, exactly (where the machine has SSE2). */
static int
needs_escape16(const char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i c = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));

	/* x <= 0x1F, unsigned: max(x, 0x1F) == 0x1F */
	c = _mm_or_si128(c, _mm_cmpeq_epi8(_mm_max_epu8(x,
	    _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F)));
	return _mm_movemask_epi8(c) != 0;
}
#endif

void
nu_json_add_str(struct nu_buf *b, const char *s, size_t n)
{
	nu_buf_reserve(b, n + 2);
	nu_buf_addc(b, '"');
	nu_json_add_str_part(b, s, n);
	nu_buf_addc(b, '"');
}

void
nu_json_add_str_part(struct nu_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;
	unsigned char c;

	nu_buf_reserve(b, n);
	for (i = 0; i < n; i++) {
		/* skip 16 or 8 bytes at a time while none is '"', '\\' or
		   < 0x20 (most text has none) */
#ifdef __SSE2__
		while (i + 16 <= n && !needs_escape16(s + i))
			i += 16;
#endif
		while (i + 8 <= n && !needs_escape8(s + i))
			i += 8;
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		nu_buf_add(b, s + run, i - run);
		run = i + 1;
		nu_buf_addc(b, '\\');
		switch (c) {
		case '"': nu_buf_addc(b, '"'); break;
		case '\\': nu_buf_addc(b, '\\'); break;
		case '\n': nu_buf_addc(b, 'n'); break;
		case '\t': nu_buf_addc(b, 't'); break;
		case '\r': nu_buf_addc(b, 'r'); break;
		case '\b': nu_buf_addc(b, 'b'); break;
		case '\f': nu_buf_addc(b, 'f'); break;
		default:
			nu_buf_add(b, "u00", 3);
			nu_buf_addc(b, hex[c >> 4]);
			nu_buf_addc(b, hex[c & 15]);
		}
	}
	nu_buf_add(b, s + run, n - run);
}

void
nu_json_add_cstr(struct nu_buf *b, const char *s)
{
	nu_json_add_str(b, s, strlen(s));
}

void
nu_json_add_key(struct nu_buf *b, int *first, const char *key)
{
	if (!*first)
		nu_buf_addc(b, ',');
	*first = 0;
	nu_json_add_cstr(b, key);
	nu_buf_addc(b, ':');
}

void
nu_json_add_u64(struct nu_buf *b, uint64_t v)
{
	/* by hand: extract-entities writes four numbers per entity, and
	 * snprintf's machinery showed in its profile */
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	nu_buf_add(b, tmp + i, sizeof(tmp) - i);
}

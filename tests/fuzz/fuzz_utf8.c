/*
 * The UTF-8 validators (table-driven DFAs with an ASCII fast path) against
 * a plain reference written from the definition: decode each code point,
 * reject NUL, bad leads, missing continuation bytes, overlong forms,
 * surrogates and values above U+10FFFF.  Checked: nu_utf8_clean_prefix,
 * nu_utf8_check (and its NFC flag against nu_utf8_is_nfc_quick),
 * nu_utf8_quick_prefix, and that nu_utf8_repair leaves clean text alone
 * and cleans the rest.  The first byte chooses a prefix (ASCII, quick or
 * not, of several lengths) so the faulty byte falls at every position of
 * the validators' 8- and 16-byte blocks.
 */
#include <string.h>

#include "fuzz.h"

/* Reference: length of the valid UTF-8, NUL-free prefix; *nq as above. */
static size_t
ref_prefix(const unsigned char *s, size_t n, size_t *nq)
{
	size_t i = 0, len, j;
	long cp, min;
	int quick;

	*nq = SIZE_MAX;
	while (i < n) {
		if (s[i] == 0)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF)
			len = 2, cp = s[i] & 0x1F, min = 0x80;
		else if (s[i] >= 0xE0 && s[i] <= 0xEF)
			len = 3, cp = s[i] & 0x0F, min = 0x800;
		else if (s[i] >= 0xF0 && s[i] <= 0xF4)
			len = 4, cp = s[i] & 0x07, min = 0x10000;
		else
			break;
		if (n - i < len)
			break;
		for (j = 1; j < len; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				break;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (j < len || cp < min || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			break;
		quick = cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
		    (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFFFD;
		if (!quick && *nq == SIZE_MAX)
			*nq = i;
		i += len;
	}
	if (*nq == SIZE_MAX)
		*nq = i;
	return i;
}

static const char *const prefixes[] = {
	"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg",
	"abcdefgh", "0123456789abcde", "0123456789abcdef",
	"\xC3\xA9", "x\xE1\xBB\x87", "\xE2\x80\x9Cq\xE2\x80\x9D",
	"\xEF\xBF\xBD", "\xCE\xB1", "abc\xE4\xB8\xAD", "\xF0\x9F\x98\x80zz",
	"\xCC\x81", "Vi\xE1\xBB\x87t Nam, ng\xC3\xA0y 3 th\xC3\xA1ng"
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf text, fixed, again;
	const char *p;
	size_t n, k, nq, rk, rnq, ninv, nnul;
	int nfc, fixes;

	if (size == 0)
		return 0;
	p = prefixes[data[0] % (sizeof(prefixes) / sizeof(prefixes[0]))];
	nu_buf_reset(&text);
	nu_buf_add(&text, p, strlen(p));
	nu_buf_add(&text, (const char *)data + 1, size - 1);
	p = text.p;
	n = text.len;

	rk = ref_prefix((const unsigned char *)p, n, &rnq);
	FUZZ_CHECK(nu_utf8_clean_prefix(p, n) == rk);
	k = nu_utf8_check(p, n, &nfc);
	FUZZ_CHECK(k == rk);
	FUZZ_CHECK(nfc == (rnq == rk));
	FUZZ_CHECK(nfc == nu_utf8_is_nfc_quick(p, k));
	nq = nu_utf8_quick_prefix(p, k);
	FUZZ_CHECK(nq == rnq);
	/* every prefix and suffix of the valid part is valid */
	FUZZ_CHECK(nu_utf8_clean_prefix(p, k / 2) <= k / 2);
	FUZZ_CHECK(nu_utf8_clean_prefix(p + nq, k - nq) == k - nq);

	nu_buf_reset(&fixed);
	fixes = nu_utf8_repair(p, n, &fixed, &ninv, &nnul);
	FUZZ_CHECK((fixes == 0) == (rk == n));
	FUZZ_CHECK((ninv == 0) == !(fixes & NU_FIX_INVALID));
	FUZZ_CHECK((nnul == 0) == !(fixes & NU_FIX_NUL));
	FUZZ_CHECK(fixed.len >= rk && (rk == 0 || memcmp(fixed.p, p, rk) == 0));
	FUZZ_CHECK(ref_prefix((const unsigned char *)(fixed.p ? fixed.p : ""),
	    fixed.len, &rnq) == fixed.len);
	nu_buf_reset(&again);
	FUZZ_CHECK(nu_utf8_repair(fixed.p ? fixed.p : "", fixed.len, &again,
	    NULL, NULL) == 0);
	return 0;
}

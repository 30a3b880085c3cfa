#ifndef NU_UTF8_H
#define NU_UTF8_H

#include <stddef.h>

#include "nu_buf.h"

/* What nu_utf8_repair changed (bit set). */
enum {
	NU_FIX_INVALID = 1 << 0,	/* invalid UTF-8 replaced with U+FFFD */
	NU_FIX_NUL = 1 << 1,		/* NUL bytes dropped */
	NU_FIX_CUT = 1 << 2,		/* split-article: a page cut here */
	NU_FIX_MASK = NU_FIX_INVALID | NU_FIX_NUL | NU_FIX_CUT,
	/* not a repair: nu_input_clean found the text certainly NFC */
	NU_TEXT_NFC = 1 << 8
};

/*
 * Length of the valid, NUL-free UTF-8 prefix of s[0..n): n when the whole
 * text is clean and needs no repair.
 */
size_t	nu_utf8_clean_prefix(const char *s, size_t n);

/*
 * nu_utf8_clean_prefix that also sets *nfc when the prefix is certainly
 * NFC by nu_utf8_is_nfc_quick's test (one pass for both).
 */
size_t	nu_utf8_check(const char *s, size_t n, int *nfc);

/*
 * nu_utf8_clean_prefix that also sets *nq (when nq is not NULL) to the
 * offset of the first character of the prefix that is not certainly NFC
 * by nu_utf8_is_nfc_quick's test, or to the prefix length if there is
 * none.  Made for long texts: a read buffer's worth at a time.
 */
size_t	nu_utf8_scan(const char *s, size_t n, size_t *nq);

/*
 * Length of the prefix of valid UTF-8 s[0..n) that is certainly NFC by
 * nu_utf8_is_nfc_quick's test: the offset of the first other character.
 */
size_t	nu_utf8_quick_prefix(const char *s, size_t n);

/*
 * Append s[0..n) to out with each invalid UTF-8 sequence replaced by U+FFFD
 * (one per maximal invalid subpart, as Unicode recommends) and NUL bytes
 * dropped.  Returns the NU_FIX_* bits of what changed; *ninvalid and *nnul
 * (may be NULL) count the occurrences.
 */
int	nu_utf8_repair(const char *s, size_t n, struct nu_buf *out,
	    size_t *ninvalid, size_t *nnul);

/*
 * Append the NFC form of valid UTF-8 s[0..n) to out.  Text already in NFC
 * (nearly all news text: ASCII, Latin, precomposed Vietnamese) is copied
 * without calling utf8proc.
 */
void	nu_utf8_nfc(const char *s, size_t n, struct nu_buf *out);

/*
 * Whether valid UTF-8 s[0..n) is certainly NFC by a quick scan (no
 * utf8proc call): nu_utf8_nfc would copy it unchanged.
 */
int	nu_utf8_is_nfc_quick(const char *s, size_t n);

/* Number of code points in valid UTF-8 s[0..n) (how offsets are counted). */
size_t	nu_utf8_count(const char *s, size_t n);

/*
 * Bytes of the first k characters of s[0..n) (all of s if it has fewer),
 * or 0 where one of them is not well-formed UTF-8 or is cut short.
 */
size_t	nu_utf8_lead_bytes(const char *s, size_t n, size_t k);

/* Strip spaces and tabs at both ends of *s[0..*n). */
void	nu_trim_blanks(const char **s, size_t *n);

/* The bytes of a dash opening s[0..n) ('-' 1, en or em dash 3), or 0. */
size_t	nu_utf8_dash(const char *s, size_t n);

/* Whether s[0..n) has an ASCII digit (the recognisers' first test). */
int	nu_has_digit(const char *s, size_t n);

/*
 * The words of s[0..n) (runs of bytes other than a space); *nfirst gets
 * how many of them first(s, n, i) says yes of, i a word's first byte.
 */
size_t	nu_utf8_words(const char *s, size_t n,
	    int (*first)(const char *, size_t, size_t), size_t *nfirst);

/* The words of s[0..n) alone: nu_utf8_words with nothing asked of them. */
size_t	nu_utf8_word_count(const char *s, size_t n);

/*
 * Decode one code point at s (valid UTF-8, n > 0); stores it in *cp and
 * returns its length in bytes.
 */
size_t	nu_utf8_decode(const char *s, size_t n, long *cp);

/*
 * The Unicode general category of cp, as utf8proc_category gives it (a
 * UTF8PROC_CATEGORY_* value), with ASCII from a table: the line
 * recognisers ask it of most characters they read.
 */
extern const unsigned char nu_ascii_category[128];
int	nu_utf8_category_slow(long cp);

static inline int
nu_utf8_category(long cp)
{
	return cp >= 0 && cp < 128 ? nu_ascii_category[cp] :
	    nu_utf8_category_slow(cp);
}

/* Encode cp as UTF-8 into out (4 bytes room); returns the length. */
size_t	nu_utf8_encode(long cp, char *out);

/* The simple lowercase of code point cp, as utf8proc_tolower maps it. */
long	nu_utf8_lower_cp(long cp);

/*
 * Append the simple lowercase of valid UTF-8 s[0..n) to out (code point by
 * code point, as utf8proc_tolower maps it).
 */
void	nu_utf8_lower(const char *s, size_t n, struct nu_buf *out);

#endif

#ifndef NU_BUF_H
#define NU_BUF_H

#include <stddef.h>
#include <string.h>

/*
 * A growable byte buffer.  p is always NUL-terminated (p[len] == 0) once
 * anything has been added, so it can be handed to C string functions, but
 * it may also hold NUL bytes of its own: len is the truth.
 * Growth doubles up to 1 MiB, then goes in 1 MiB steps (sds's rule) so a
 * 100 MB line does not cost 200 MB.  Allocation failure exits with status 2.
 */
struct nu_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* Make room for n more bytes (plus the terminating NUL). */
void	nu_buf_reserve(struct nu_buf *b, size_t n);
/* The growing paths of nu_buf_add and nu_buf_addc. */
void	nu_buf_add_grow(struct nu_buf *b, const void *s, size_t n);
void	nu_buf_addc_grow(struct nu_buf *b, int c);
void	nu_buf_adds(struct nu_buf *b, const char *s);

/*
 * Appends, inline when the room is there: the entity tagger and the JSON
 * writer append a few bytes at a time, millions of times per 20 MB.
 * (n < cap - len is len + n + 1 <= cap without overflow; cap >= len + 1
 * once anything was added, and 0 == len == cap before.)
 */
static inline void
nu_buf_add(struct nu_buf *b, const void *s, size_t n)
{
	if (n < b->cap - b->len) {
		if (n)
			memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
	} else
		nu_buf_add_grow(b, s, n);
}

static inline void
nu_buf_addc(struct nu_buf *b, int c)
{
	if (b->len + 2 <= b->cap) {
		b->p[b->len++] = (char)c;
		b->p[b->len] = '\0';
	} else
		nu_buf_addc_grow(b, c);
}
/* printf-style append. */
void	nu_buf_printf(struct nu_buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	nu_buf_reset(struct nu_buf *b);
void	nu_buf_free(struct nu_buf *b);

/* malloc/realloc/strdup that exit with "out of memory" (status 2). */
void	*nu_emalloc(size_t n);
void	*nu_erealloc(void *p, size_t n);
void	*nu_ereallocarray(void *p, size_t nmemb, size_t size);
char	*nu_estrdup(const char *s);
/*
 * For hash tables kept in parallel arrays: the smallest power of two that
 * is >= min and >= need, and a fresh array in place of an old one whose
 * contents the caller clears anyway (realloc would copy them for nothing).
 */
size_t	 nu_pow2_size(size_t min, size_t need);
void	*nu_erenew(void *p, size_t nmemb, size_t size);

#endif

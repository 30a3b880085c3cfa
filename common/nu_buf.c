#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_cli.h"

#define LINEAR_STEP	(1024 * 1024)

void *
nu_emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	return p;
}

void *
nu_erealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	return q;
}

void *
nu_ereallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	return nu_erealloc(p, nmemb * size);
}

size_t
nu_pow2_size(size_t min, size_t need)
{
	size_t m = min;

	while (m < need)
		m *= 2;
	return m;
}

void *
nu_erenew(void *p, size_t nmemb, size_t size)
{
	free(p);
	return nu_ereallocarray(NULL, nmemb, size);
}

char *
nu_estrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(nu_emalloc(n), s, n);
}

void
nu_buf_reserve(struct nu_buf *b, size_t n)
{
	size_t need, cap;

	if (n > SIZE_MAX - b->len - 1)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < need) {
		if (cap < LINEAR_STEP)
			cap *= 2;
		else if (cap > SIZE_MAX - LINEAR_STEP)
			cap = need;
		else
			cap += LINEAR_STEP;
	}
	b->p = nu_erealloc(b->p, cap);
	b->cap = cap;
}

void
nu_buf_add_grow(struct nu_buf *b, const void *s, size_t n)
{
	nu_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
nu_buf_adds(struct nu_buf *b, const char *s)
{
	nu_buf_add(b, s, strlen(s));
}

void
nu_buf_addc_grow(struct nu_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		nu_buf_reserve(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

void
nu_buf_printf(struct nu_buf *b, const char *fmt, ...)
{
	va_list ap;
	char probe;
	int n;

	/* measure first; a one-byte buffer rather than NULL keeps
	   -fsanitize=undefined's nonnull checks quiet */
	va_start(ap, fmt);
	n = vsnprintf(&probe, 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	nu_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
nu_buf_reset(struct nu_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void
nu_buf_free(struct nu_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

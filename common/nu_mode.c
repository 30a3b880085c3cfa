/*
 * Records or text, decided on several lines (see nu_mode.h).
 */
#include <stdlib.h>
#include <string.h>

#include "nu_cli.h"
#include "nu_mode.h"

/*
 * Does a JSON object open at p[a]: '{' and then a member's name or '}'?
 * A line of TeX such as "{\displaystyle x}" (Wikipedia's formulas in a
 * text browser's dump) opens with a brace and is no record.
 */
static int
opens_object(const char *p, size_t a, size_t n)
{
	if (a >= n || p[a] != '{')
		return 0;
	for (a++; a < n && (p[a] == ' ' || p[a] == '\t'); a++)
		;
	return a == n || p[a] == '"' || p[a] == '}';
}

/* 2: {...}, 1: a record cut at one end, 0: text, -1: blank. */
static int
score(const char *p, size_t n)
{
	size_t a = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		a = 3;
	while (a < n && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
		a++;
	while (n > a && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	    p[n - 1] == '\r'))
		n--;
	if (a == n)
		return -1;
	return opens_object(p, a, n) + (p[n - 1] == '}');
}

static void
hold(struct nu_peek *pk, const struct nu_line *ln, int copy)
{
	struct nu_peek_held *h;

	if (pk->nh == pk->ch) {
		pk->ch = pk->ch ? 2 * pk->ch : 16;
		pk->h = nu_ereallocarray(pk->h, pk->ch, sizeof(*pk->h));
	}
	h = &pk->h[pk->nh++];
	h->lineno = ln->lineno;
	h->has_nl = ln->has_nl;
	h->nuls = ln->nuls;
	h->len = ln->len;
	h->off = pk->held.len;
	if (copy)
		nu_buf_add(&pk->held, ln->p, ln->len);
	else {
		pk->direct = 1;
		pk->dline = *ln;
	}
}

int
nu_peek_mode(struct nu_peek *pk, struct nu_input *in)
{
	struct nu_line ln;
	int sc, lines = 0, sum = 0;

	nu_buf_reset(&pk->held);
	pk->nh = pk->next = 0;
	pk->direct = 0;
	pk->rc = 1;
	pk->watch = 0;
	pk->nrec = pk->first_rec = 0;
	while (lines < NU_MODE_LINES) {
		if ((pk->rc = nu_input_line(in, &ln)) <= 0)
			break;
		if (pk->held.len + ln.len > NU_MODE_BYTES) {
			/* a long line is the last evidence: not copied */
			hold(pk, &ln, 0);
			if ((sc = score(ln.p, ln.len)) >= 0) {
				lines++;
				sum += sc;
			}
			break;
		}
		hold(pk, &ln, 1);
		if ((sc = score(ln.p, ln.len)) >= 0) {
			lines++;
			sum += sc;
		}
	}
	if (lines > 0 && sum >= lines)
		return NU_MODE_RECORDS;
	pk->watch = 1;
	return NU_MODE_TEXT;
}

int
nu_peek_line(struct nu_peek *pk, struct nu_input *in, struct nu_line *ln)
{
	const struct nu_peek_held *h;
	int rc;

	if (pk->next < pk->nh) {
		h = &pk->h[pk->next++];
		if (pk->direct && pk->next == pk->nh)
			*ln = pk->dline;
		else {
			ln->p = pk->held.p != NULL ? pk->held.p + h->off : "";
			ln->len = h->len;
			ln->lineno = h->lineno;
			ln->has_nl = h->has_nl;
			ln->nuls = h->nuls;
		}
		rc = 1;
	} else if (pk->nh > 0 && pk->rc <= 0) {
		rc = pk->rc;	/* the read ahead met the end or an error */
	} else {
		pk->nh = pk->next = 0;
		rc = nu_input_line(in, ln);
	}
	if (rc > 0 && pk->watch && score(ln->p, ln->len) == 2 &&
	    pk->nrec++ == 0)
		pk->first_rec = ln->lineno;
	return rc;
}

void
nu_peek_end(struct nu_peek *pk, const char *name)
{
	if (pk->nrec > 0)
		nu_warn_at(name, pk->first_rec, "a JSON record read as text "
		    "(%llu more in this input; --records reads records)",
		    (unsigned long long)(pk->nrec - 1));
	pk->nrec = 0;
	pk->nh = pk->next = 0;
	pk->watch = 0;
	pk->rc = 1;
}

void
nu_peek_free(struct nu_peek *pk)
{
	nu_buf_free(&pk->held);
	free(pk->h);
}

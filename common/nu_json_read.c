/*
 * JSON reader: one JSON text into a flat tape of nodes with raw spans.
 *
 * The parser is iterative with its own stack (two size_t per open
 * container: the container's node and its last child so far), so hostile
 * nesting is an error message, never a C stack overflow (jq caps at 10000
 * too).  Strings are validated on the way (UTF-8, escapes, no raw control
 * characters) but not decoded: most programs copy most values through and
 * decode only the few strings they look at.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_json.h"
#include "nu_utf8.h"

/* Formatted messages (lone surrogate, unexpected byte) live here. */
static _Thread_local char errbuf[64];

/* Bytes that end a plain run in a string: '"', '\\', < 0x20, >= 0x80. */
static const unsigned char stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#define ISWS(c)	((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static int
fail(struct nu_jdoc *d, size_t pos, const char *msg)
{
	d->err_col = pos + 1;
	d->err_msg = msg;
	return -1;
}

static int
fail_byte(struct nu_jdoc *d, size_t pos, const char *what)
{
	unsigned char c = (unsigned char)d->text[pos];

	if (c > 0x20 && c < 0x7f)
		snprintf(errbuf, sizeof(errbuf), "%s '%c'", what, c);
	else
		snprintf(errbuf, sizeof(errbuf), "%s (byte 0x%02x)", what, c);
	return fail(d, pos, errbuf);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 4 hex digits at s (caller checked room); -1 if not hex. */
static long
hex4(const char *s)
{
	int a = hexval((unsigned char)s[0]), b = hexval((unsigned char)s[1]);
	int c = hexval((unsigned char)s[2]), e = hexval((unsigned char)s[3]);

	if ((a | b | c | e) < 0)
		return -1;
	return (long)a << 12 | b << 8 | c << 4 | e;
}

/*
 * Length of the valid UTF-8 sequence at s[0..n) (s[0] >= 0x80), 0 if
 * invalid: overlongs, surrogates and code points above U+10FFFF are
 * rejected, as RFC 3629 says.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c >= 0xc2 && c <= 0xdf) {
		if (n >= 2 && (s[1] & 0xc0) == 0x80)
			return 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		unsigned lo = c == 0xe0 ? 0xa0 : 0x80;
		unsigned hi = c == 0xed ? 0x9f : 0xbf;

		if (n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80)
			return 3;
	} else if (c >= 0xf0 && c <= 0xf4) {
		unsigned lo = c == 0xf0 ? 0x90 : 0x80;
		unsigned hi = c == 0xf4 ? 0x8f : 0xbf;

		if (n >= 4 && s[1] >= lo && s[1] <= hi &&
		    (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80)
			return 4;
	}
	return 0;
}

/*
 * Scan the string whose opening quote is at *pos; on success *pos is just
 * past the closing quote.
 */
static int
scan_str(struct nu_jdoc *d, size_t *pos)
{
	const unsigned char *s = (const unsigned char *)d->text;
	size_t n = d->len, i = *pos + 1, k;
	long cp, lo;

	for (;;) {
		/* Plain runs: the common case, four bytes a turn. */
		while (i + 4 <= n && !stop[s[i]] && !stop[s[i + 1]] &&
		    !stop[s[i + 2]] && !stop[s[i + 3]])
			i += 4;
		while (i < n && !stop[s[i]])
			i++;
		if (i >= n)
			return fail(d, n, "unexpected end of input");
		switch (s[i]) {
		case '"':
			*pos = i + 1;
			return 0;
		case '\\':
			if (i + 1 >= n)
				return fail(d, n, "unexpected end of input");
			switch (s[i + 1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				i += 2;
				continue;
			case 'u':
				break;
			default:
				return fail(d, i, "invalid escape in string");
			}
			if (i + 6 > n)
				return fail(d, n, "unexpected end of input");
			if ((cp = hex4((const char *)s + i + 2)) < 0)
				return fail(d, i, "invalid \\u escape in string");
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (i + 12 <= n && s[i + 6] == '\\' &&
				    s[i + 7] == 'u' &&
				    (lo = hex4((const char *)s + i + 8)) >= 0xdc00 &&
				    lo <= 0xdfff) {
					i += 12;
					continue;
				}
			} else if (cp < 0xdc00 || cp > 0xdfff) {
				i += 6;
				continue;
			}
			snprintf(errbuf, sizeof(errbuf),
			    "lone surrogate escape \\u%04lx", cp);
			return fail(d, i, errbuf);
		default:
			if (s[i] < 0x20)
				return fail(d, i,
				    "unescaped control character in string");
			if ((k = utf8_seq(s + i, n - i)) == 0)
				return fail(d, i, "invalid UTF-8 in string");
			i += k;
		}
	}
}

/* Number per RFC 8259 section 6, starting at *pos. */
static int
scan_num(struct nu_jdoc *d, size_t *pos)
{
	const char *s = d->text;
	size_t n = d->len, i = *pos;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n)
		return fail(d, n, "unexpected end of input");
	if (s[i] == '0')
		i++;
	else if (s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return fail(d, i, "invalid number");
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return fail(d, i, "invalid number");
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return fail(d, i, "invalid number");
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	*pos = i;
	return 0;
}

static size_t
new_node(struct nu_jdoc *d, enum nu_jtype t, size_t start)
{
	struct nu_jnode *nd;

	if (d->nnodes == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->nodes = nu_ereallocarray(d->nodes, d->cap, sizeof(*d->nodes));
	}
	nd = &d->nodes[d->nnodes];
	nd->type = t;
	nd->start = start;
	nd->end = start;
	nd->key_start = nd->key_end = 0;
	nd->next = nd->child = nd->count = 0;
	return d->nnodes++;
}

int
nu_json_parse(struct nu_jdoc *d, const char *text, size_t len)
{
	const char *s = text;
	size_t i = 0, depth = 0, nd, par, kstart = 0, kend = 0;
	int c;

	d->text = text;
	d->len = len;
	d->nnodes = 0;
	d->err_col = 0;
	d->err_msg = NULL;

value:
	while (i < len && ISWS(s[i]))
		i++;
	if (i >= len)
		return fail(d, len, "unexpected end of input");
	c = (unsigned char)s[i];
	switch (c) {
	case '{':
		nd = new_node(d, NU_JOBJ, i);
		break;
	case '[':
		nd = new_node(d, NU_JARR, i);
		break;
	case '"':
		nd = new_node(d, NU_JSTR, i);
		if (scan_str(d, &i) < 0)
			return -1;
		break;
	case 't':
		if (len - i < 4 || memcmp(s + i, "true", 4) != 0)
			return fail_byte(d, i, "unexpected");
		nd = new_node(d, NU_JTRUE, i);
		i += 4;
		break;
	case 'f':
		if (len - i < 5 || memcmp(s + i, "false", 5) != 0)
			return fail_byte(d, i, "unexpected");
		nd = new_node(d, NU_JFALSE, i);
		i += 5;
		break;
	case 'n':
		if (len - i < 4 || memcmp(s + i, "null", 4) != 0)
			return fail_byte(d, i, "unexpected");
		nd = new_node(d, NU_JNULL, i);
		i += 4;
		break;
	default:
		if (c != '-' && (c < '0' || c > '9'))
			return fail_byte(d, i, "unexpected");
		nd = new_node(d, NU_JNUM, i);
		if (scan_num(d, &i) < 0)
			return -1;
		break;
	}
	d->nodes[nd].end = i;
	if (depth > 0) {
		size_t *top = &d->stack[2 * (depth - 1)];

		par = top[0];
		if (top[1])
			d->nodes[top[1]].next = nd;
		else
			d->nodes[par].child = nd;
		top[1] = nd;
		d->nodes[par].count++;
		if (d->nodes[par].type == NU_JOBJ) {
			d->nodes[nd].key_start = kstart;
			d->nodes[nd].key_end = kend;
		}
	}
	if (c == '{' || c == '[') {
		if (depth == NU_JSON_MAX_DEPTH) {
			snprintf(errbuf, sizeof(errbuf),
			    "nesting deeper than %d", NU_JSON_MAX_DEPTH);
			return fail(d, i, errbuf);
		}
		if (2 * (depth + 1) > d->stack_cap) {
			d->stack_cap = d->stack_cap ? d->stack_cap * 2 : 64;
			d->stack = nu_ereallocarray(d->stack, d->stack_cap,
			    sizeof(*d->stack));
		}
		d->stack[2 * depth] = nd;
		d->stack[2 * depth + 1] = 0;
		depth++;
		i++;
		while (i < len && ISWS(s[i]))
			i++;
		if (i >= len)
			return fail(d, len, "unexpected end of input");
		if (c == '[') {
			if (s[i] != ']')
				goto value;
		} else if (s[i] != '}')
			goto key;
		goto close;
	}

after:
	if (depth == 0) {
		while (i < len && ISWS(s[i]))
			i++;
		if (i < len)
			return fail(d, i, "unexpected data after the JSON value");
		return 0;
	}
	while (i < len && ISWS(s[i]))
		i++;
	if (i >= len)
		return fail(d, len, "unexpected end of input");
	par = d->stack[2 * (depth - 1)];
	if (s[i] == ',') {
		i++;
		if (d->nodes[par].type == NU_JARR)
			goto value;
		while (i < len && ISWS(s[i]))
			i++;
		if (i >= len)
			return fail(d, len, "unexpected end of input");
		goto key;
	}
	if (d->nodes[par].type == NU_JARR ? s[i] != ']' : s[i] != '}')
		return fail(d, i, d->nodes[par].type == NU_JARR ?
		    "expected ',' or ']'" : "expected ',' or '}'");

close:
	/* s[i] is the closing bracket of the innermost container. */
	par = d->stack[2 * (depth - 1)];
	depth--;
	i++;
	d->nodes[par].end = i;
	goto after;

key:
	/* s[i] is not whitespace, i < len. */
	if (s[i] != '"')
		return fail(d, i, "expected '\"' to start an object key");
	kstart = i;
	if (scan_str(d, &i) < 0)
		return -1;
	kend = i;
	while (i < len && ISWS(s[i]))
		i++;
	if (i >= len)
		return fail(d, len, "unexpected end of input");
	if (s[i] != ':')
		return fail(d, i, "expected ':'");
	i++;
	goto value;
}

void
nu_json_free(struct nu_jdoc *d)
{
	free(d->nodes);
	free(d->stack);
	d->nodes = NULL;
	d->stack = NULL;
	d->nnodes = d->cap = d->stack_cap = 0;
}

/*
 * Decode one unit of a validated string body at s[*i] into out (up to 4
 * bytes); returns the byte count.
 */
static size_t
decode_unit(const char *s, size_t *i, char *out)
{
	long cp, lo;
	size_t k = *i;

	if (s[k] != '\\') {
		out[0] = s[k];
		*i = k + 1;
		return 1;
	}
	switch (s[k + 1]) {
	case 'b': out[0] = '\b'; break;
	case 'f': out[0] = '\f'; break;
	case 'n': out[0] = '\n'; break;
	case 'r': out[0] = '\r'; break;
	case 't': out[0] = '\t'; break;
	case 'u':
		cp = hex4(s + k + 2);
		k += 6;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			lo = hex4(s + k + 2);
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			k += 6;
		}
		*i = k;
		return nu_utf8_encode(cp, out);
	default: out[0] = s[k + 1]; break;
	}
	*i = k + 2;
	return 1;
}

static void
decode(const char *s, size_t a, size_t b, struct nu_buf *out)
{
	const char *bs;
	char u[4];
	size_t n;

	while (a < b) {
		bs = memchr(s + a, '\\', b - a);
		if (bs == NULL) {
			nu_buf_add(out, s + a, b - a);
			return;
		}
		nu_buf_add(out, s + a, (size_t)(bs - s) - a);
		a = (size_t)(bs - s);
		n = decode_unit(s, &a, u);
		nu_buf_add(out, u, n);
	}
}

void
nu_json_str(const struct nu_jdoc *d, size_t i, struct nu_buf *out)
{
	const struct nu_jnode *nd = &d->nodes[i];

	if (nd->type == NU_JSTR)
		decode(d->text, nd->start + 1, nd->end - 1, out);
}

void
nu_json_key(const struct nu_jdoc *d, size_t i, struct nu_buf *out)
{
	const struct nu_jnode *nd = &d->nodes[i];

	if (nd->key_end > nd->key_start)
		decode(d->text, nd->key_start + 1, nd->key_end - 1, out);
}

int
nu_json_key_is(const struct nu_jdoc *d, size_t i, const char *key)
{
	const struct nu_jnode *nd = &d->nodes[i];
	const char *s = d->text;
	size_t a, b, klen, n, j = 0;
	char u[4];

	if (nd->key_end <= nd->key_start)
		return 0;
	a = nd->key_start + 1;
	b = nd->key_end - 1;
	klen = strlen(key);
	if (memchr(s + a, '\\', b - a) == NULL)
		return b - a == klen && memcmp(s + a, key, klen) == 0;
	while (a < b) {
		n = decode_unit(s, &a, u);
		if (n > klen - j || memcmp(u, key + j, n) != 0)
			return 0;
		j += n;
	}
	return j == klen;
}

size_t
nu_json_get(const struct nu_jdoc *d, size_t obj, const char *key)
{
	size_t i, found = 0;

	if (obj >= d->nnodes || d->nodes[obj].type != NU_JOBJ)
		return 0;
	/* the last of duplicate keys, as jq reads them */
	for (i = d->nodes[obj].child; i != 0; i = d->nodes[i].next)
		if (nu_json_key_is(d, i, key))
			found = i;
	return found;
}

/*
 * Keys are compared raw (quotes included) when neither holds an escape,
 * else decoded.  Objects of up to DUP_SCAN members are checked pair by
 * pair; larger ones through a sorted index of their raw keys, so a
 * hostile object of a million keys costs n log n, not n squared.
 */
#define DUP_SCAN	64

static int
same_key(const struct nu_jdoc *d, size_t a, size_t b, struct nu_buf *ka,
    struct nu_buf *kb)
{
	const struct nu_jnode *x = &d->nodes[a], *y = &d->nodes[b];
	size_t nx = x->key_end - x->key_start, ny = y->key_end - y->key_start;

	if (memchr(d->text + x->key_start, '\\', nx) == NULL &&
	    memchr(d->text + y->key_start, '\\', ny) == NULL)
		return nx == ny &&
		    memcmp(d->text + x->key_start, d->text + y->key_start,
		    nx) == 0;
	nu_buf_reset(ka);
	nu_buf_reset(kb);
	nu_json_key(d, a, ka);
	nu_json_key(d, b, kb);
	return ka->len == kb->len && memcmp(ka->p, kb->p, ka->len) == 0;
}

static const struct nu_jdoc *sort_doc;

static int
cmp_raw_key(const void *a, const void *b)
{
	const struct nu_jnode *x = &sort_doc->nodes[*(const size_t *)a];
	const struct nu_jnode *y = &sort_doc->nodes[*(const size_t *)b];
	size_t nx = x->key_end - x->key_start, ny = y->key_end - y->key_start;
	int c = memcmp(sort_doc->text + x->key_start,
	    sort_doc->text + y->key_start, nx < ny ? nx : ny);

	if (c != 0)
		return c;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	/* equal keys in member order: the first of them is found first */
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t
nu_json_dup_key(const struct nu_jdoc *d, size_t obj)
{
	struct nu_buf ka = {0}, kb = {0};
	size_t i, j, n, k, *ix, found = 0;
	int esc = 0;

	if (obj >= d->nnodes || d->nodes[obj].type != NU_JOBJ)
		return 0;
	n = d->nodes[obj].count;
	for (i = d->nodes[obj].child; i != 0 && !esc; i = d->nodes[i].next)
		esc = memchr(d->text + d->nodes[i].key_start, '\\',
		    d->nodes[i].key_end - d->nodes[i].key_start) != NULL;
	if (n <= DUP_SCAN || esc) {
		/* escaped keys are rare: decoded pairwise, whatever the size
		   (a hostile object of escaped keys is slow, not wrong) */
		for (i = d->nodes[obj].child; i != 0 && !found;
		    i = d->nodes[i].next)
			for (j = d->nodes[i].next; j != 0; j = d->nodes[j].next)
				if (same_key(d, i, j, &ka, &kb)) {
					found = i;
					break;
				}
		nu_buf_free(&ka);
		nu_buf_free(&kb);
		return found;
	}
	ix = nu_ereallocarray(NULL, n, sizeof(*ix));
	for (k = 0, i = d->nodes[obj].child; i != 0 && k < n;
	    i = d->nodes[i].next)
		ix[k++] = i;
	sort_doc = d;
	qsort(ix, k, sizeof(*ix), cmp_raw_key);
	for (j = 1; j < k; j++)
		if (same_key(d, ix[j - 1], ix[j], &ka, &kb) &&
		    (found == 0 || ix[j - 1] < found))
			found = ix[j - 1];
	free(ix);
	nu_buf_free(&ka);
	nu_buf_free(&kb);
	return found;
}

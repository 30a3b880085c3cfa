/*
 * to-tsv's cells: column paths, value rendering and escaping.
 *
 * Escaping has two layers.  The join layer (arrays of scalars, multi-valued
 * paths) turns values into one text: values separated by '|', with '\\'
 * doubled and '|' as "\|" inside a value so the split can be undone.  The
 * TSV layer then escapes that text as PostgreSQL's text COPY and mlr read
 * it back: "\\" "\t" "\n" "\r".  A database therefore stores exactly the
 * join-layer text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_json.h"
#include "nu_tsv.h"
#include "nu_utf8.h"

/* ---- paths ---- */

static char *
take(struct nu_buf *b)
{
	char *s = nu_estrdup(b->len ? b->p : "");

	nu_buf_reset(b);
	return s;
}

int
nu_jpath_parse(struct nu_jpath *p, const char *s, const char **err)
{
	struct nu_buf b = { 0 };
	struct nu_jseg *sg;
	const char *eq;
	char *end;

	memset(p, 0, sizeof(*p));
	*err = NULL;
	for (;;) {
		p->seg = nu_ereallocarray(p->seg, p->nseg + 1, sizeof(*p->seg));
		sg = &p->seg[p->nseg++];
		memset(sg, 0, sizeof(*sg));
		while (*s != '\0' && *s != '.' && *s != '[') {
			if (*s == '\\' && s[1] != '\0')
				s++;
			nu_buf_addc(&b, *s++);
		}
		if (b.len == 0) {
			*err = "empty key";
			goto bad;
		}
		sg->key = take(&b);
		if (*s == '[') {
			s++;
			if (*s == ']') {
				sg->sel = NU_SEL_ALL;
			} else if (*s >= '0' && *s <= '9') {
				sg->sel = NU_SEL_INDEX;
				sg->index = strtoul(s, &end, 10);
				s = end;
				if (*s != ']') {
					*err = "expected ']' after the index";
					goto bad;
				}
			} else {
				sg->sel = NU_SEL_MATCH;
				while (*s != '\0' && *s != '=' && *s != ']') {
					if (*s == '\\' && s[1] != '\0')
						s++;
					nu_buf_addc(&b, *s++);
				}
				eq = s;
				if (*eq != '=' || b.len == 0) {
					*err = "expected [], [N] or [key=value]";
					goto bad;
				}
				sg->mkey = take(&b);
				s++;
				while (*s != '\0' && *s != ']') {
					if (*s == '\\' && s[1] != '\0')
						s++;
					nu_buf_addc(&b, *s++);
				}
				sg->mval = take(&b);
				if (*s != ']') {
					*err = "missing ']'";
					goto bad;
				}
			}
			s++;
			if (sg->sel != NU_SEL_INDEX)
				p->multi = 1;
			if (*s != '\0' && *s != '.') {
				*err = "expected '.' after ']'";
				goto bad;
			}
		}
		if (*s == '\0')
			break;
		s++;			/* '.' */
	}
	nu_buf_free(&b);
	return 0;
bad:
	nu_buf_free(&b);
	nu_jpath_free(p);
	return -1;
}

void
nu_jpath_free(struct nu_jpath *p)
{
	size_t i;

	for (i = 0; i < p->nseg; i++) {
		free(p->seg[i].key);
		free(p->seg[i].mkey);
		free(p->seg[i].mval);
	}
	free(p->seg);
	memset(p, 0, sizeof(*p));
}

static void
push(struct nu_jvals *out, size_t i)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = nu_ereallocarray(out->v, out->cap, sizeof(*out->v));
	}
	out->v[out->n++] = i;
}

/* Whether element e is an object whose member k is written as v. */
static int
matches(const struct nu_jdoc *d, size_t e, const char *k, const char *v)
{
	static _Thread_local struct nu_buf tmp;
	const struct nu_jnode *m;
	size_t i, vl = strlen(v);

	if ((i = nu_json_get(d, e, k)) == 0)
		return 0;
	m = &d->nodes[i];
	if (m->type != NU_JSTR)
		return m->end - m->start == vl &&
		    memcmp(d->text + m->start, v, vl) == 0;
	nu_buf_reset(&tmp);
	nu_json_str(d, i, &tmp);
	return tmp.len == vl && memcmp(tmp.p, v, vl) == 0;
}

static void
next(const struct nu_jdoc *d, const struct nu_jseg *seg, size_t nseg,
    size_t r, struct nu_jvals *out)
{
	if (nseg == 1)
		push(out, r);
	else
		nu_jpath_walk(d, seg + 1, nseg - 1,
		    nu_json_get(d, r, seg[1].key), out);
}

void
nu_jpath_walk(const struct nu_jdoc *d, const struct nu_jseg *seg,
    size_t nseg, size_t node, struct nu_jvals *out)
{
	size_t e, k;

	if (node == 0)
		return;
	if (seg->sel == NU_SEL_NONE) {
		next(d, seg, nseg, node, out);
		return;
	}
	if (d->nodes[node].type != NU_JARR)
		return;
	if (seg->sel != NU_SEL_INDEX)
		out->found = 1;
	for (e = d->nodes[node].child, k = 0; e != 0;
	    e = d->nodes[e].next, k++) {
		if (seg->sel == NU_SEL_INDEX) {
			if (k == seg->index) {
				next(d, seg, nseg, e, out);
				return;
			}
		} else if (seg->sel == NU_SEL_ALL ||
		    matches(d, e, seg->mkey, seg->mval))
			next(d, seg, nseg, e, out);
	}
}

void
nu_jpath_eval(const struct nu_jdoc *d, const struct nu_jseg *seg,
    size_t nseg, size_t obj, struct nu_jvals *out)
{
	if (nseg == 0)
		push(out, obj);
	else
		nu_jpath_walk(d, seg, nseg, nu_json_get(d, obj, seg->key), out);
}

/* ---- rendering ---- */

/* One decoded character c (a byte) under the escaping rules. */
static void
put(struct nu_buf *out, int c, int esc, int join, size_t *nuls)
{
	if (c == '\0') {
		(*nuls)++;
		return;
	}
	if (join && (c == '|' || c == '\\')) {
		nu_buf_adds(out, esc == NU_ESC_TSV ?
		    (c == '|' ? "\\\\|" : "\\\\\\\\") :
		    (c == '|' ? "\\|" : "\\\\"));
		return;
	}
	if (esc == NU_ESC_TSV) {
		switch (c) {
		case '\\': nu_buf_add(out, "\\\\", 2); return;
		case '\t': nu_buf_add(out, "\\t", 2); return;
		case '\n': nu_buf_add(out, "\\n", 2); return;
		case '\r': nu_buf_add(out, "\\r", 2); return;
		}
	}
	nu_buf_addc(out, c);
}

/* A run of decoded text with no '\\', '\t', '\n', '\r' or NUL... maybe '|'. */
static void
run(struct nu_buf *out, const char *s, size_t n, int esc, int join,
    size_t *nuls)
{
	const char *bar;

	while (join && (bar = memchr(s, '|', n)) != NULL) {
		nu_buf_add(out, s, (size_t)(bar - s));
		put(out, '|', esc, join, nuls);
		n -= (size_t)(bar - s) + 1;
		s = bar + 1;
	}
	nu_buf_add(out, s, n);
}

static long
hex4(const char *s)
{
	long v = 0;
	int i, c;

	for (i = 0; i < 4; i++) {
		c = (unsigned char)s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else
			v |= c - 'A' + 10;
	}
	return v;
}

/*
 * The body s[a..b) of a validated JSON string, decoded and escaped.  Raw
 * runs hold no control characters (the reader rejects them) and no '\\'
 * (that starts an escape), so they are copied as they are.
 */
static void
emit_str(struct nu_buf *out, const char *s, size_t a, size_t b, int esc,
    int join, size_t *nuls)
{
	const char *bs;
	char u[4];
	size_t n, k;
	long cp;

	while (a < b) {
		if ((bs = memchr(s + a, '\\', b - a)) == NULL) {
			run(out, s + a, b - a, esc, join, nuls);
			return;
		}
		run(out, s + a, (size_t)(bs - s) - a, esc, join, nuls);
		a = (size_t)(bs - s);
		switch (s[a + 1]) {
		case 'b': put(out, '\b', esc, join, nuls); break;
		case 'f': put(out, '\f', esc, join, nuls); break;
		case 'n': put(out, '\n', esc, join, nuls); break;
		case 'r': put(out, '\r', esc, join, nuls); break;
		case 't': put(out, '\t', esc, join, nuls); break;
		case 'u':
			cp = hex4(s + a + 2);
			if (cp >= 0xd800 && cp <= 0xdbff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (hex4(s + a + 8) - 0xdc00);
				a += 6;
			}
			a += 6;
			n = nu_utf8_encode(cp, u);
			for (k = 0; k < n; k++)
				put(out, (unsigned char)u[k], esc, join, nuls);
			continue;
		default: put(out, (unsigned char)s[a + 1], esc, join, nuls);
		}
		a += 2;
	}
}

/* Raw JSON s[a..b) without insignificant whitespace, escaped. */
static void
compact(struct nu_buf *out, const char *s, size_t a, size_t b, int esc,
    int join, size_t *nuls)
{
	size_t r;
	int instr = 0;

	for (r = a; a < b; a++) {
		int c = (unsigned char)s[a];

		if (instr) {
			if (c == '\\') {
				run(out, s + r, a - r, esc, join, nuls);
				put(out, '\\', esc, join, nuls);
				put(out, (unsigned char)s[++a], esc, join, nuls);
				r = a + 1;
			} else if (c == '"')
				instr = 0;
		} else if (c == '"')
			instr = 1;
		else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			run(out, s + r, a - r, esc, join, nuls);
			r = a + 1;
		}
	}
	run(out, s + r, b - r, esc, join, nuls);
}

static int
scalars(const struct nu_jdoc *d, size_t arr)
{
	size_t e;

	for (e = d->nodes[arr].child; e != 0; e = d->nodes[e].next)
		if (d->nodes[e].type >= NU_JARR)
			return 0;
	return 1;
}

static void
value(struct nu_buf *out, const struct nu_jdoc *d, size_t i, int esc,
    int join, size_t *nuls)
{
	const struct nu_jnode *nd = &d->nodes[i];

	switch (nd->type) {
	case NU_JNULL:
		break;
	case NU_JSTR:
		emit_str(out, d->text, nd->start + 1, nd->end - 1, esc, join,
		    nuls);
		break;
	case NU_JNUM: case NU_JTRUE: case NU_JFALSE:
		nu_buf_add(out, d->text + nd->start, nd->end - nd->start);
		break;
	default:
		compact(out, d->text, nd->start, nd->end, esc, join, nuls);
	}
}

void
nu_tsv_value(struct nu_buf *out, const struct nu_jdoc *d, size_t i, int esc,
    const char *null, size_t *nuls)
{
	static _Thread_local struct nu_jvals kids;
	size_t e;

	if (d->nodes[i].type == NU_JNULL) {
		nu_buf_adds(out, null);
	} else if (d->nodes[i].type == NU_JARR && scalars(d, i)) {
		kids.n = 0;
		for (e = d->nodes[i].child; e != 0; e = d->nodes[e].next)
			push(&kids, e);
		nu_tsv_join(out, d, kids.v, kids.n, esc, nuls);
	} else
		value(out, d, i, esc, 0, nuls);
}

void
nu_tsv_join(struct nu_buf *out, const struct nu_jdoc *d, const size_t *v,
    size_t n, int esc, size_t *nuls)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (k > 0)
			nu_buf_addc(out, '|');
		value(out, d, v[k], esc, 1, nuls);
	}
}

void
nu_tsv_escape(struct nu_buf *out, const char *s, size_t n, int esc,
    size_t *nuls)
{
	size_t k;

	for (k = 0; k < n; k++)
		put(out, (unsigned char)s[k], esc, 0, nuls);
}

void
nu_csv_field(struct nu_buf *out, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (s[k] == ',' || s[k] == '"' || s[k] == '\n' || s[k] == '\r')
			break;
	if (k == n) {
		nu_buf_add(out, s, n);
		return;
	}
	nu_buf_addc(out, '"');
	for (k = 0; k < n; k++) {
		if (s[k] == '"')
			nu_buf_addc(out, '"');
		nu_buf_addc(out, s[k]);
	}
	nu_buf_addc(out, '"');
}

/* ---- key map ---- */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

size_t
nu_keymap_get(const struct nu_keymap *m, const char *s, size_t n)
{
	size_t i;

	if (m->cap == 0)
		return NU_KEYMAP_NONE;
	for (i = hash(s, n) & (m->cap - 1); m->slot[i].k != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->slot[i].n == n && memcmp(m->slot[i].k, s, n) == 0)
			return m->slot[i].val;
	return NU_KEYMAP_NONE;
}

size_t
nu_keymap_put(struct nu_keymap *m, const char *s, size_t n, size_t val)
{
	struct nu_kmslot *old;
	size_t i, oldcap;

	if ((i = nu_keymap_get(m, s, n)) != NU_KEYMAP_NONE)
		return i;
	if (2 * (m->used + 1) > m->cap) {
		old = m->slot;
		oldcap = m->cap;
		m->cap = m->cap ? m->cap * 2 : 32;
		m->slot = nu_ereallocarray(NULL, m->cap, sizeof(*m->slot));
		memset(m->slot, 0, m->cap * sizeof(*m->slot));
		for (i = 0; i < oldcap; i++) {
			size_t j;

			if (old[i].k == NULL)
				continue;
			for (j = hash(old[i].k, old[i].n) & (m->cap - 1);
			    m->slot[j].k != NULL; j = (j + 1) & (m->cap - 1))
				;
			m->slot[j] = old[i];
		}
		free(old);
	}
	for (i = hash(s, n) & (m->cap - 1); m->slot[i].k != NULL;
	    i = (i + 1) & (m->cap - 1))
		;
	m->slot[i].k = nu_emalloc(n + 1);
	memcpy(m->slot[i].k, s, n);
	m->slot[i].k[n] = '\0';
	m->slot[i].n = n;
	m->slot[i].val = val;
	m->used++;
	return val;
}

void
nu_keymap_free(struct nu_keymap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->slot[i].k);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

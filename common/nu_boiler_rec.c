/*
 * Record mode of strip-boilerplate (see nu_boiler_rec.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_boiler_rec.h"
#include "nu_cli.h"
#include "nu_json.h"
#include "nu_record.h"

struct item {
	size_t	title, summary, date;	/* line index + 1, 0 = none */
};

struct nu_boiler_rec {
	struct nu_boiler *b;
	int		 no_meta;
	const char	*source;
	struct nu_jdoc	 doc;
	struct nu_recin	 in;
	struct nu_buf	 body, out, key;
	struct nu_bline	*bl;
	size_t		 cbl;
	struct item	*it;
	size_t		 nit, cit;
};

/* The design card's key order; keys not listed keep their place. */
static const char *order[] = {
	"id", "source", "line", "title", "date", "time", "dateline", "author",
	"agency", "url", "body", "images", "related", "boilerplate",
	"entities", "warnings"
};
#define RANK_RELATED	12
#define RANK_BOILER	13
#define RANK_WARN	15

struct nu_boiler_rec *
nu_boiler_rec_new(struct nu_boiler *b, int no_meta)
{
	struct nu_boiler_rec *r = nu_emalloc(sizeof(*r));

	memset(r, 0, sizeof(*r));
	r->b = b;
	r->no_meta = no_meta;
	r->source = "-";
	return r;
}

void
nu_boiler_rec_free(struct nu_boiler_rec *r)
{
	if (r == NULL)
		return;
	nu_json_free(&r->doc);
	nu_recin_free(&r->in);
	nu_buf_free(&r->body);
	nu_buf_free(&r->out);
	nu_buf_free(&r->key);
	free(r->bl);
	free(r->it);
	free(r);
}

void
nu_boiler_rec_begin(struct nu_boiler_rec *r, const char *source)
{
	r->source = source;
	nu_recin_begin(&r->in, source);
}

void
nu_boiler_rec_end(struct nu_boiler_rec *r)
{
	nu_recin_end(&r->in);
}

static int
rank(struct nu_boiler_rec *r, size_t m)
{
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (nu_json_key_is(&r->doc, m, order[i]))
			return (int)i;
	return -1;
}

static void
add_line_str(struct nu_buf *o, const struct nu_bline *l)
{
	nu_json_add_str(o, l->s, l->n);
}

/* The new related entries, comma-separated, no brackets. */
static void
related_items(struct nu_boiler_rec *r, struct nu_buf *o, int first)
{
	size_t i;

	for (i = 0; i < r->nit; i++) {
		int f = 1;

		if (!first)
			nu_buf_addc(o, ',');
		first = 0;
		nu_buf_addc(o, '{');
		if (r->it[i].title) {
			nu_json_add_key(o, &f, "title");
			add_line_str(o, &r->bl[r->it[i].title - 1]);
		}
		if (r->it[i].summary) {
			nu_json_add_key(o, &f, "summary");
			add_line_str(o, &r->bl[r->it[i].summary - 1]);
		}
		if (r->it[i].date) {
			nu_json_add_key(o, &f, "date");
			add_line_str(o, &r->bl[r->it[i].date - 1]);
		}
		nu_buf_addc(o, '}');
	}
}

static int
in_related(int role)
{
	return role == NU_BR_REL_TITLE || role == NU_BR_REL_SUMMARY ||
	    role == NU_BR_REL_DATE;
}

/* The last line (index + 1) an item holds. */
static size_t
item_last(const struct item *it)
{
	size_t m = it->title;

	if (it->summary > m)
		m = it->summary;
	return it->date > m ? it->date : m;
}

/*
 * Lines of related items are in r->it; every other dropped line here.
 * Items hold lines in page order and do not interleave, so one walk
 * through them finds a line's item (a scan per line was quadratic).
 */
static size_t
boiler_items(struct nu_boiler_rec *r, size_t nl, struct nu_buf *o, int first)
{
	size_t i, k = 0, j = 0;
	int f;

	for (i = 0; i < nl; i++) {
		const struct nu_bline *l = &r->bl[i];

		if (l->keep || l->role == NU_BR_BLANK || l->n == 0)
			continue;
		if (in_related(l->role)) {
			while (j < r->nit && item_last(&r->it[j]) < i + 1)
				j++;
			if (j < r->nit && (r->it[j].title == i + 1 ||
			    r->it[j].summary == i + 1 ||
			    r->it[j].date == i + 1))
				continue;
		}
		if (o == NULL) {
			k++;
			continue;
		}
		if (!first)
			nu_buf_addc(o, ',');
		first = 0;
		f = 1;
		nu_buf_addc(o, '{');
		nu_json_add_key(o, &f, "role");
		nu_json_add_cstr(o, nu_boiler_role_name(l->role));
		nu_json_add_key(o, &f, "text");
		add_line_str(o, l);
		nu_buf_addc(o, '}');
		k++;
	}
	return k;
}

static void
group_related(struct nu_boiler_rec *r, size_t nl)
{
	size_t i;
	struct item *cur = NULL;

	r->nit = 0;
	for (i = 0; i < nl; i++) {
		int role = r->bl[i].role;

		if (r->bl[i].keep || !in_related(role))
			continue;
		if (role == NU_BR_REL_TITLE || cur == NULL ||
		    (role == NU_BR_REL_SUMMARY && (cur->summary || cur->date)) ||
		    (role == NU_BR_REL_DATE && cur->date)) {
			if (role != NU_BR_REL_TITLE)
				continue;	/* stays in boilerplate */
			if (r->nit == r->cit) {
				r->cit = r->cit ? 2 * r->cit : 16;
				r->it = nu_ereallocarray(r->it, r->cit,
				    sizeof(*r->it));
			}
			cur = &r->it[r->nit++];
			memset(cur, 0, sizeof(*cur));
			cur->title = i + 1;
			continue;
		}
		if (role == NU_BR_REL_SUMMARY)
			cur->summary = i + 1;
		else
			cur->date = i + 1;
	}
}

/* Append the members' raw elements of array node a (no brackets). */
static int
raw_elements(struct nu_boiler_rec *r, size_t a, struct nu_buf *o)
{
	const struct nu_jnode *nd = &r->doc.nodes[a];
	size_t c;
	int first = 1;

	if (nd->type != NU_JARR)
		return 1;
	for (c = nd->child; c; c = r->doc.nodes[c].next) {
		if (!first)
			nu_buf_addc(o, ',');
		first = 0;
		nu_buf_add(o, r->doc.text + r->doc.nodes[c].start,
		    r->doc.nodes[c].end - r->doc.nodes[c].start);
	}
	return first;
}

static void
put_array(struct nu_boiler_rec *r, struct nu_buf *o, int *firstm,
    const char *key, size_t existing, size_t nl, int which)
{
	int first = 1;

	nu_json_add_key(o, firstm, key);
	nu_buf_addc(o, '[');
	if (existing)
		first = raw_elements(r, existing, o);
	if (which == RANK_RELATED)
		related_items(r, o, first);
	else
		boiler_items(r, nl, o, first);
	nu_buf_addc(o, ']');
}

/* "warnings":[...] with the repair of this record's line */
static void
put_warnings(struct nu_boiler_rec *r, struct nu_buf *o, int *firstm,
    size_t existing, uint64_t lineno, int fixes)
{
	nu_json_add_key(o, firstm, "warnings");
	nu_buf_addc(o, '[');
	nu_rec_warnings(o, &r->doc, existing, lineno, fixes);
	nu_buf_addc(o, ']');
}

int
nu_boiler_rec_clean(struct nu_boiler_rec *r, const char *p, size_t n,
    struct nu_buf *o, const char **err, size_t *col)
{
	return nu_boiler_rec_clean_line(r, p, n, 0, 0, o, err, col);
}

int
nu_boiler_rec_clean_line(struct nu_boiler_rec *r, const char *p, size_t n,
    uint64_t lineno, int fixes, struct nu_buf *o, const char **err,
    size_t *col)
{
	struct nu_jdoc *d = &r->doc;
	size_t k, m, body = 0, rel = 0, bp = 0, warn = 0, nl, i, s0;
	int firstm = 1, did_rel = 0, did_bp = 0, did_warn = 0, need_rel;
	int need_bp, need_warn, rk, first;

	for (k = 0; k < n && (p[k] == ' ' || p[k] == '\t'); k++)
		;
	if (k == n || p[k] != '{') {
		*err = "not a JSON object";
		*col = k + 1;
		return -1;
	}
	if (nu_json_parse(d, p, n) < 0) {
		*err = d->err_msg;
		*col = d->err_col;
		return -1;
	}
	nu_recin_check(&r->in, d, lineno);
	/* of duplicate keys the last, as jq reads them (nu_record.h) */
	for (m = d->nodes[0].child; m; m = d->nodes[m].next) {
		if (nu_json_key_is(d, m, "body"))
			body = m;
		else if (nu_json_key_is(d, m, "related"))
			rel = m;
		else if (nu_json_key_is(d, m, "boilerplate"))
			bp = m;
		else if (nu_json_key_is(d, m, "warnings"))
			warn = m;
	}
	need_warn = nu_rec_has_warning(fixes);
	if (need_warn && (*err = nu_rec_type_error(d, warn, "warnings",
	    NU_JARR)) != NULL) {
		nu_buf_add(o, p, n);
		return 1;
	}
	if (!body || d->nodes[body].type != NU_JSTR) {
		if (!need_warn) {
			nu_buf_add(o, p, n);
			return 0;
		}
		/* nothing to clean; the repair still goes in */
		nu_buf_addc(o, '{');
		for (m = d->nodes[0].child; m; m = d->nodes[m].next) {
			if (m == warn)
				continue;
			if (!firstm)
				nu_buf_addc(o, ',');
			firstm = 0;
			nu_buf_add(o, p + d->nodes[m].key_start,
			    d->nodes[m].end - d->nodes[m].key_start);
		}
		put_warnings(r, o, &firstm, warn, lineno, fixes);
		nu_buf_addc(o, '}');
		return 0;
	}
	nu_buf_reset(&r->body);
	nu_json_str(d, body, &r->body);
	/* split the body into lines */
	nl = 0;
	for (i = 0, s0 = 0; i <= r->body.len; i++) {
		if (i < r->body.len && r->body.p[i] != '\n')
			continue;
		if (nl == r->cbl) {
			r->cbl = r->cbl ? 2 * r->cbl : 64;
			r->bl = nu_ereallocarray(r->bl, r->cbl, sizeof(*r->bl));
		}
		r->bl[nl].s = r->body.p + s0;
		r->bl[nl].n = i - s0;
		if (r->bl[nl].n > 0 && r->bl[nl].s[r->bl[nl].n - 1] == '\r')
			r->bl[nl].n--;
		nl++;
		s0 = i + 1;
	}
	nu_boiler_classify(r->b, r->bl, nl, r->no_meta ? NU_BOIL_NO_META : 0);
	group_related(r, nl);
	need_rel = r->nit > 0;
	need_bp = boiler_items(r, nl, NULL, 1) > 0;
	/*
	 * Dropped lines go into arrays: a "related" or "boilerplate" of
	 * another type would lose them.  The record passes through untouched
	 * (every line still in its body), reported.
	 */
	if ((need_rel && (*err = nu_rec_type_error(d, rel, "related",
	    NU_JARR)) != NULL) || (need_bp && (*err = nu_rec_type_error(d, bp,
	    "boilerplate", NU_JARR)) != NULL)) {
		nu_buf_add(o, p, n);
		return 1;
	}
	nu_buf_addc(o, '{');
	for (m = d->nodes[0].child; m; m = d->nodes[m].next) {
		const struct nu_jnode *nd = &d->nodes[m];

		rk = rank(r, m);
		if (rk > RANK_RELATED && need_rel && !did_rel && !rel) {
			put_array(r, o, &firstm, "related", 0, nl, RANK_RELATED);
			did_rel = 1;
		}
		if (rk > RANK_BOILER && need_bp && !did_bp && !bp) {
			put_array(r, o, &firstm, "boilerplate", 0, nl,
			    RANK_BOILER);
			did_bp = 1;
		}
		if (m == warn && need_warn) {
			put_warnings(r, o, &firstm, warn, lineno, fixes);
			did_warn = 1;
			continue;
		}
		if (m == body) {
			nu_json_add_key(o, &firstm, "body");
			nu_buf_addc(o, '"');
			first = 1;
			for (i = 0; i < nl; i++) {
				if (!r->bl[i].keep || r->bl[i].n == 0)
					continue;
				if (!first)
					nu_buf_adds(o, "\\n");
				first = 0;
				/* the quotes of the string are dropped */
				s0 = o->len;
				nu_json_add_str(o, r->bl[i].s, r->bl[i].n);
				memmove(o->p + s0, o->p + s0 + 1, o->len - s0 - 2);
				o->len -= 2;
			}
			nu_buf_addc(o, '"');
			continue;
		}
		if (m == rel && need_rel && nd->type == NU_JARR) {
			put_array(r, o, &firstm, "related", rel, nl, RANK_RELATED);
			did_rel = 1;
			continue;
		}
		if (m == bp && need_bp && nd->type == NU_JARR) {
			put_array(r, o, &firstm, "boilerplate", bp, nl,
			    RANK_BOILER);
			did_bp = 1;
			continue;
		}
		if (!firstm)
			nu_buf_addc(o, ',');
		firstm = 0;
		nu_buf_add(o, p + nd->key_start, nd->key_end - nd->key_start);
		nu_buf_addc(o, ':');
		nu_buf_add(o, p + nd->start, nd->end - nd->start);
	}
	if (need_rel && !did_rel && !(rel && d->nodes[rel].type != NU_JARR))
		put_array(r, o, &firstm, "related", 0, nl, RANK_RELATED);
	if (need_bp && !did_bp && !(bp && d->nodes[bp].type != NU_JARR))
		put_array(r, o, &firstm, "boilerplate", 0, nl, RANK_BOILER);
	if (need_warn && !did_warn)
		put_warnings(r, o, &firstm, 0, lineno, fixes);
	nu_buf_addc(o, '}');
	return 0;
}

int
nu_boiler_rec_line(struct nu_boiler_rec *r, const char *p, size_t n,
    uint64_t lineno, int fixes)
{
	const char *err, *q;
	size_t col, k, qn;
	int rc;

	for (k = 0; k < n && (p[k] == ' ' || p[k] == '\t'); k++)
		;
	if (k == n)
		return NU_EXIT_OK;
	nu_recin_text(&r->in, p, n, fixes, &q, &qn);
	nu_buf_reset(&r->out);
	rc = nu_boiler_rec_clean_line(r, q, qn, lineno, fixes, &r->out, &err,
	    &col);
	if (rc < 0) {
		nu_warn("%s:%llu:%zu: %s, record skipped", r->source,
		    (unsigned long long)lineno, col, err);
		return NU_EXIT_DATA;
	}
	nu_buf_addc(&r->out, '\n');
	fwrite(r->out.p, 1, r->out.len, stdout);
	if (rc > 0) {
		nu_warn_at(r->source, lineno, "%s, record passed through "
		    "uncleaned", err);
		return NU_EXIT_DATA;
	}
	return NU_EXIT_OK;
}

/*
 * The record rules every program shares (see nu_record.h).
 */
#include <stdio.h>
#include <string.h>

#include "nu_cli.h"
#include "nu_input.h"
#include "nu_record.h"
#include "nu_utf8.h"

void
nu_recin_begin(struct nu_recin *r, const char *source)
{
	r->source = source;
	r->dup_line = r->ndup = 0;
}

void
nu_recin_text(struct nu_recin *r, const char *p, size_t n, int fixes,
    const char **q, size_t *qn)
{
	/* a BOM at the start of any record: `cat` of files that begin with
	   one (encoding, not content) */
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		n -= 3;
	}
	*q = p;
	*qn = n;
	if ((fixes & NU_TEXT_NFC) || nu_utf8_is_nfc_quick(p, n))
		return;
	nu_buf_reset(&r->nfc);
	nu_utf8_nfc(p, n, &r->nfc);
	*q = r->nfc.p;
	*qn = r->nfc.len;
}

void
nu_recin_check(struct nu_recin *r, const struct nu_jdoc *d, uint64_t lineno)
{
	size_t m = nu_json_dup_key(d, 0);

	if (m == 0)
		return;
	if (r->ndup++ == 0) {
		r->dup_line = lineno;
		nu_buf_reset(&r->key);
		nu_json_key(d, m, &r->key);
	}
}

void
nu_recin_end(struct nu_recin *r)
{
	if (r->ndup > 0)
		nu_warn_at(r->source, r->dup_line, "duplicate key '%s', the last "
		    "one is used (%llu more in this input)",
		    r->key.p != NULL ? r->key.p : "",
		    (unsigned long long)(r->ndup - 1));
	r->ndup = 0;
}

void
nu_recin_free(struct nu_recin *r)
{
	nu_buf_free(&r->nfc);
	nu_buf_free(&r->key);
}

int
nu_rec_has_warning(int fixes)
{
	return (fixes & NU_FIX_MASK) != 0;
}

void
nu_rec_warnings(struct nu_buf *o, const struct nu_jdoc *d, size_t w,
    uint64_t lineno, int fixes)
{
	size_t c;
	int first = 1;

	if (w != 0 && d->nodes[w].type == NU_JARR)
		for (c = d->nodes[w].child; c; c = d->nodes[c].next) {
			if (!first)
				nu_buf_addc(o, ',');
			first = 0;
			nu_buf_add(o, d->text + d->nodes[c].start,
			    d->nodes[c].end - d->nodes[c].start);
		}
	if (!nu_rec_has_warning(fixes))
		return;
	if (!first)
		nu_buf_addc(o, ',');
	nu_buf_adds(o, "{\"line\":");
	nu_json_add_u64(o, lineno);
	nu_buf_adds(o, ",\"what\":");
	nu_json_add_cstr(o, nu_fix_what(fixes));
	nu_buf_addc(o, '}');
}

const char *
nu_rec_type_error(const struct nu_jdoc *d, size_t m, const char *key,
    int want)
{
	static char msg[96];

	if (m == 0 || (int)d->nodes[m].type == want)
		return NULL;
	snprintf(msg, sizeof(msg), "\"%s\" is not %s", key,
	    want == NU_JARR ? "an array" : want == NU_JSTR ? "a string" :
	    "an object");
	return msg;
}

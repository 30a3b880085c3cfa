/*
 * strip-boilerplate's classifier and record mode.  The bytes, cleaned as
 * the line reader does, are cut into lines and classified (the first byte
 * chooses the flags); then they go through record mode, either as the body
 * of a record or as a record themselves.  Invariants: every line gets a
 * known role, keep agrees with the role, the returned page start is a
 * marked page start inside the window; a cleaned record is a JSON object
 * whose body and dropped lines hold every non-blank body line once.
 */
#include <string.h>

#include "nu_boiler.h"
#include "nu_boiler_rec.h"
#include "nu_cli.h"
#include "nu_json.h"
#include "fuzz.h"

static struct nu_boiler		*boil;
static struct nu_boiler_rec	*rec;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_boiler");
	boil = nu_boiler_new(NU_BOIL_LANG_AUTO);
	rec = nu_boiler_rec_new(boil, 0);
	nu_boiler_rec_begin(rec, "fuzz");
	return 0;
}

static void
classify(const char *text, size_t len, int flags)
{
	static struct nu_bline *l;
	static size_t cap;
	size_t n = 0, i, ret;
	const char *s = text, *end = text + len, *e;

	while (s < end) {
		if ((e = memchr(s, '\n', end - s)) == NULL)
			e = end;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			l = nu_ereallocarray(l, cap, sizeof(*l));
		}
		memset(&l[n], 0, sizeof(l[n]));
		l[n].s = s;
		l[n].n = e - s;
		if (l[n].n > 0 && s[l[n].n - 1] == '\r')
			l[n].n--;
		/* the model's starts: here, the lines opening with '#'; its
		   vetoes, those opening with '!' */
		l[n].page = (flags & NU_BOIL_MODEL) && l[n].n > 0 && s[0] == '#';
		l[n].nostart = (flags & NU_BOIL_MODEL) && l[n].n > 0 &&
		    s[0] == '!';
		n++;
		s = e + 1;
	}
	if (n == 0)
		return;
	ret = nu_boiler_classify(boil, l, n, flags);
	FUZZ_CHECK(ret < n);
	if (flags & NU_BOIL_SPLIT)
		FUZZ_CHECK(ret == 0 || l[ret].page);
	else
		FUZZ_CHECK(ret == 0);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(l[i].role < NU_BR_NROLES);
		FUZZ_CHECK(nu_boiler_role_name(l[i].role) != NULL);
		if (l[i].role != NU_BR_BLANK)
			FUZZ_CHECK(l[i].keep == nu_boiler_role_kept(l[i].role,
			    (flags & NU_BOIL_NO_META) != 0));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf tmp, text, in, out;
	static struct nu_jdoc d;
	const char *err;
	size_t col;
	int mode, flags;

	if (size == 0)
		return 0;
	mode = data[0];
	fuzz_clean((const char *)data + 1, size - 1, &tmp, &text);
	flags = mode & (NU_BOIL_TITLED | NU_BOIL_SPLIT | NU_BOIL_NO_META |
	    NU_BOIL_MODEL);
	classify(text.p == NULL ? "" : text.p, text.len, flags);

	nu_buf_reset(&in);
	if (mode & 0x80) {
		nu_buf_add(&in, text.p == NULL ? "" : text.p, text.len);
	} else {
		nu_buf_adds(&in, "{\"id\":\"0\",\"body\":");
		nu_json_add_str(&in, text.p == NULL ? "" : text.p, text.len);
		nu_buf_adds(&in, ",\"x\":[1]}");
	}
	nu_buf_reset(&out);
	if (nu_boiler_rec_clean(rec, in.p, in.len, &out, &err, &col) < 0) {
		FUZZ_CHECK(mode & 0x80);
		FUZZ_CHECK(err != NULL);
		return 0;
	}
	FUZZ_CHECK(nu_json_parse(&d, out.p, out.len) == 0);
	FUZZ_CHECK(d.nodes[0].type == NU_JOBJ);
	return 0;
}

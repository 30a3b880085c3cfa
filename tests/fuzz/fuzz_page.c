/*
 * split-article's page parser: the bytes are cut into lines, cleaned as
 * the line reader does, and fed to the page splitter (after nu_meta_init);
 * a form feed or a glued line makes several pages.  Invariants: every
 * record is one valid JSON object on one line with an "id" of 16 hex
 * digits, the count of records is what the splitter says, and an input
 * with a non-blank line gives at least one record.  (That each line lands
 * in exactly one field is checked on real pages by tests/robust.bats.)
 * Both deciders run: the page-start model and the rules alone.
 */
#include <string.h>

#include "nu_cli.h"
#include "nu_json.h"
#include "nu_meta.h"
#include "nu_page.h"
#include "nu_page_feat.h"
#include "nu_task.h"
#include "fuzz.h"

static struct nu_buf	out;

static void
emit(const char *json, size_t len, void *arg)
{
	(void)arg;
	nu_buf_add(&out, json, len);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_page");
	nu_meta_init();
	return 0;
}

static void
check_records(uint64_t nrec)
{
	static struct nu_jdoc d;
	static struct nu_buf id;
	const char *s = out.p == NULL ? "" : out.p, *e, *end = s + out.len;
	size_t i;
	uint64_t n = 0;

	while (s < end) {
		e = memchr(s, '\n', end - s);
		FUZZ_CHECK(e != NULL);
		FUZZ_CHECK(nu_json_parse(&d, s, e - s) == 0);
		FUZZ_CHECK(d.nodes[0].type == NU_JOBJ);
		i = nu_json_get(&d, 0, "id");
		FUZZ_CHECK(i != 0 && d.nodes[i].type == NU_JSTR);
		nu_buf_reset(&id);
		nu_json_str(&d, i, &id);
		FUZZ_CHECK(id.len == 16 &&
		    strspn(id.p, "0123456789abcdef") == 16);
		s = e + 1;
		n++;
	}
	FUZZ_CHECK(n == nrec);
}

/* The glue points of a line do not depend on the 16-byte scan: where a
   point lies in the line, and whether the machine has SSE2, changes
   nothing. */
static void
check_glue(const char *s, size_t n)
{
	size_t a[64], b[64], na, nb;

	na = nu_page_glue_points(s, n, a, 64);
	nb = nu_page_glue_points_bytewise(s, n, b, 64);
	FUZZ_CHECK(na == nb && memcmp(a, b, na * sizeof(a[0])) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf tmp, line;
	struct nu_page_opts po = { .heuristics = 1, .separator = NULL };
	struct nu_splitter *sp;
	const char *s = (const char *)data, *end = s + size, *e;
	uint64_t lineno = 0;
	int nonblank = 0, fixes;

	if (size > 0 && (data[0] & 0x80))
		po.heuristics = 0;
	/* the page-start model (split-article's default) or the rules
	   alone (--model none), by the first byte's low bit */
	if (size > 0 && (data[0] & 1))
		po.model = nu_task_model("page-start", NULL);
	nu_buf_reset(&out);
	sp = nu_splitter_new(&po, emit, NULL);
	nu_splitter_begin(sp, "fuzz");
	while (s < end) {
		if ((e = memchr(s, '\n', end - s)) == NULL)
			e = end;
		nu_buf_reset(&tmp);
		nu_buf_reset(&line);
		fixes = nu_utf8_repair(s, e - s, &tmp, NULL, NULL);
		nu_utf8_nfc(tmp.p == NULL ? "" : tmp.p, tmp.len, &line);
		if (strspn(line.p == NULL ? "" : line.p, " \t\r\f\v") <
		    line.len)
			nonblank = 1;
		check_glue(line.p == NULL ? "" : line.p, line.len);
		nu_splitter_line(sp, line.p == NULL ? "" : line.p, line.len,
		    ++lineno, fixes);
		s = e + 1;
	}
	nu_splitter_end(sp);
	check_records(nu_splitter_records(sp));
	if (nonblank)
		FUZZ_CHECK(nu_splitter_records(sp) > 0);
	nu_splitter_free(sp);
	return 0;
}

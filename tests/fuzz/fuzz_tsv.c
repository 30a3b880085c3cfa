/*
 * to-tsv's cell rendering and column paths.  The first line of the input
 * is a column path, the rest a JSON record: the path is compiled, walked
 * over the record, and every value rendered as a TSV cell, a joined cell
 * and a CSV field.  Invariants: a TSV cell never holds a raw tab, newline
 * or carriage return (the row keeps the header's column count).
 */
#include <string.h>

#include "nu_cli.h"
#include "nu_json.h"
#include "nu_tsv.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_tsv");
	return 0;
}

static void
no_raw_breaks(const struct nu_buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		FUZZ_CHECK(b->p[i] != '\t' && b->p[i] != '\n' &&
		    b->p[i] != '\r');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf pathbuf, cell, csv;
	static struct nu_jdoc d;
	static struct nu_jvals vals;
	struct nu_jpath jp;
	const char *s = (const char *)data, *nl, *err;
	size_t i, nuls = 0;

	if ((nl = memchr(s, '\n', size)) == NULL)
		return 0;
	nu_buf_reset(&pathbuf);
	nu_buf_add(&pathbuf, s, nl - s);
	if (strlen(pathbuf.p) != pathbuf.len)
		return 0;	/* option values are C strings */
	if (nu_json_parse(&d, nl + 1, size - (nl + 1 - s)) < 0)
		return 0;
	for (i = 0; i < d.nnodes; i++) {
		nu_buf_reset(&cell);
		nu_tsv_value(&cell, &d, i, NU_ESC_TSV, "\\N", &nuls);
		no_raw_breaks(&cell);
		nu_buf_reset(&csv);
		nu_tsv_value(&csv, &d, i, NU_ESC_NONE, "", &nuls);
		nu_buf_reset(&cell);
		nu_csv_field(&cell, csv.p == NULL ? "" : csv.p, csv.len);
	}
	if (nu_jpath_parse(&jp, pathbuf.p, &err) < 0)
		return 0;
	vals.n = 0;
	vals.found = 0;
	if (d.nodes[0].type == NU_JOBJ) {
		nu_jpath_eval(&d, jp.seg, jp.nseg, 0, &vals);
		for (i = 0; i < vals.n; i++)
			FUZZ_CHECK(vals.v[i] < d.nnodes);
		nu_buf_reset(&cell);
		nu_tsv_join(&cell, &d, vals.v, vals.n, NU_ESC_TSV, &nuls);
		no_raw_breaks(&cell);
	}
	nu_jpath_free(&jp);
	return 0;
}

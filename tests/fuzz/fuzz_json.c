/*
 * The JSON reader: any bytes to nu_json_parse.  On success the tape must
 * be well formed (spans inside the text, children inside their parent,
 * counts right), every string and key must decode to valid UTF-8, and a
 * decoded string written back with the JSON writer must parse again to the
 * same value.  On failure the error column must be inside the text.
 */
#include <string.h>

#include "nu_cli.h"
#include "nu_json.h"
#include "fuzz.h"

static struct nu_jdoc	doc, doc2;
static struct nu_buf	str, str2, enc;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_json");
	return 0;
}

static void
roundtrip(size_t i)
{
	nu_buf_reset(&str);
	nu_json_str(&doc, i, &str);
	FUZZ_CHECK(nu_utf8_clean_prefix(str.p == NULL ? "" : str.p, str.len)
	    == str.len || memchr(str.p, '\0', str.len) != NULL);
	nu_buf_reset(&enc);
	nu_json_add_str(&enc, str.p == NULL ? "" : str.p, str.len);
	FUZZ_CHECK(nu_json_parse(&doc2, enc.p, enc.len) == 0);
	FUZZ_CHECK(doc2.nodes[0].type == NU_JSTR);
	nu_buf_reset(&str2);
	nu_json_str(&doc2, 0, &str2);
	FUZZ_CHECK(str2.len == str.len &&
	    (str.len == 0 || memcmp(str.p, str2.p, str.len) == 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct nu_jnode *nd;
	size_t i, k, count, last;

	if (nu_json_parse(&doc, text, size) < 0) {
		FUZZ_CHECK(doc.err_msg != NULL);
		FUZZ_CHECK(doc.err_col >= 1 && doc.err_col <= size + 1);
		return 0;
	}
	FUZZ_CHECK(doc.nnodes >= 1);
	for (i = 0; i < doc.nnodes; i++) {
		nd = &doc.nodes[i];
		FUZZ_CHECK(nd->start < nd->end && nd->end <= size);
		FUZZ_CHECK(nd->next == 0 || (nd->next > i &&
		    nd->next < doc.nnodes));
		if (nd->key_end != 0) {
			FUZZ_CHECK(nd->key_start < nd->key_end &&
			    nd->key_end <= nd->start);
			FUZZ_CHECK(text[nd->key_start] == '"');
			nu_buf_reset(&str);
			nu_json_key(&doc, i, &str);
		}
		switch (nd->type) {
		case NU_JSTR:
			FUZZ_CHECK(text[nd->start] == '"' &&
			    text[nd->end - 1] == '"');
			roundtrip(i);
			break;
		case NU_JARR:
		case NU_JOBJ:
			FUZZ_CHECK(text[nd->start] ==
			    (nd->type == NU_JARR ? '[' : '{'));
			count = 0;
			last = i;
			for (k = nd->child; k != 0; k = doc.nodes[k].next) {
				FUZZ_CHECK(k > last && k < doc.nnodes);
				FUZZ_CHECK(doc.nodes[k].start > nd->start &&
				    doc.nodes[k].end < nd->end);
				FUZZ_CHECK((doc.nodes[k].key_end != 0) ==
				    (nd->type == NU_JOBJ));
				last = k;
				count++;
			}
			FUZZ_CHECK(count == nd->count);
			if (nd->type == NU_JOBJ && nd->child != 0) {
				nu_buf_reset(&str);
				nu_json_key(&doc, nd->child, &str);
				k = nu_json_get(&doc, i, str.p);
				FUZZ_CHECK(k != 0 || memchr(str.p, '\0',
				    str.len) != NULL);
			}
			break;
		default:
			break;
		}
	}
	return 0;
}

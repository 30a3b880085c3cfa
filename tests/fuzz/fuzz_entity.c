/*
 * extract-entities: clean NFC text to nu_ent_extract (rules alone, or with
 * the built-in tagger models), each entity written
 * with nu_ent_write.  Invariants: entities sorted by start, byte spans on
 * character boundaries inside the text, code point offsets agreeing with
 * the byte spans, and every written entity a JSON object whose "text" is
 * exactly the span.
 */
#include <string.h>

#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_tag.h"
#include "nu_json.h"
#include "fuzz.h"

static struct nu_ent_ctx	*rules, *tagged;	/* rules alone; the models */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_entity");
	char err[256];

	rules = nu_ent_new(NU_ENT_ALL, NU_LANG_AUTO);
	tagged = nu_ent_new(NU_ENT_ALL, NU_LANG_AUTO);
	nu_ent_set_model(tagged, NULL, err, sizeof(err));
	return 0;
}

static int
boundary(const char *s, size_t n, size_t i)
{
	return i == 0 || i == n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf tmp, text, js, str;
	static struct nu_entlist l;
	static struct nu_jdoc d;
	const struct nu_entity *e;
	struct nu_ent_ctx *ctx;
	const char *s;
	size_t i, n, k;

	if (size == 0)
		return 0;
	fuzz_clean((const char *)data + 1, size - 1, &tmp, &text);
	s = text.p == NULL ? "" : text.p;
	n = text.len;
	/* bit 4 of the first byte: the learned tagger's path (issue 14) */
	ctx = (data[0] & 4) ? tagged : rules;
	if ((data[0] & 1) == 0)
		nu_ent_forget(ctx);
	nu_ent_extract(ctx, s, n, (data[0] & 2) ? "2022-04-27" : NULL, &l);
	for (i = 0; i < l.n; i++) {
		e = &l.v[i];
		FUZZ_CHECK(e->type >= 0 && e->type < NU_ENT_NTYPES);
		FUZZ_CHECK(e->bstart < e->bend && e->bend <= n);
		FUZZ_CHECK(boundary(s, n, e->bstart) &&
		    boundary(s, n, e->bend));
		FUZZ_CHECK(e->start == nu_utf8_count(s, e->bstart));
		FUZZ_CHECK(e->end - e->start ==
		    nu_utf8_count(s + e->bstart, e->bend - e->bstart));
		FUZZ_CHECK(memchr(s + e->bstart, '\n', e->bend - e->bstart)
		    == NULL);
		if (i > 0)
			FUZZ_CHECK(l.v[i - 1].start <= e->start);
		for (k = 0; k < e->pos_n; k++) {
			size_t a, b;

			FUZZ_CHECK(e->pos_off + 2 * k + 1 < l.npossp);
			a = l.possp[e->pos_off + 2 * k];
			b = l.possp[e->pos_off + 2 * k + 1];
			FUZZ_CHECK(a < b && b <= n);
		}
		nu_buf_reset(&js);
		nu_ent_write(&l, e, s, (data[0] & 4) ? "body" : NULL, 7, &js);
		FUZZ_CHECK(nu_json_parse(&d, js.p, js.len) == 0);
		FUZZ_CHECK(d.nodes[0].type == NU_JOBJ);
		k = nu_json_get(&d, 0, "text");
		FUZZ_CHECK(k != 0 && d.nodes[k].type == NU_JSTR);
		nu_buf_reset(&str);
		nu_json_str(&d, k, &str);
		FUZZ_CHECK(str.len == e->bend - e->bstart &&
		    memcmp(str.p, s + e->bstart, str.len) == 0);
	}
	return 0;
}

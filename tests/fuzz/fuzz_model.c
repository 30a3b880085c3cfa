/*
 * The model reader: any bytes to nu_model_from_memory.  A model that loads
 * must answer every query inside its bounds, decode a sequence to labels
 * it has, and save and load again to the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nu_cli.h"
#include "nu_learn.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_model");
	return 0;
}

/* The bytes of the file at path into b. */
static void
slurp(const char *path, struct nu_buf *b)
{
	char chunk[4096];
	size_t k;
	FILE *fp = fopen(path, "rb");

	FUZZ_CHECK(fp != NULL);
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		nu_buf_add(b, chunk, k);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nu_feats items[3] = { { 0 } };
	struct nu_model *m, *m2;
	char err[256], path[] = "/tmp/fuzz_model.XXXXXX";
	size_t i, out[3];
	int fd;

	if ((m = nu_model_from_memory(data, size, err, sizeof(err))) == NULL) {
		FUZZ_CHECK(err[0] != 0);
		return 0;
	}
	FUZZ_CHECK(nu_model_nlabels(m) >= 1);
	for (i = 0; i < 3; i++) {
		nu_feats_add(&items[i], "w=a");
		nu_feats_addf(&items[i], "pos=%zu", i);
	}
	nu_model_decode(m, items, 3, out);
	for (i = 0; i < 3; i++)
		FUZZ_CHECK(out[i] < nu_model_nlabels(m));
	FUZZ_CHECK(nu_model_label(m, nu_model_nlabels(m)) == NULL);
	/* save, load, save: the second save equals the first */
	if ((fd = mkstemp(path)) >= 0) {
		struct nu_buf a = { 0 }, b = { 0 };
		close(fd);
		FUZZ_CHECK(nu_model_save(m, path) == 0);
		m2 = nu_model_load(path, err, sizeof(err));
		FUZZ_CHECK(m2 != NULL);
		FUZZ_CHECK(nu_model_nlabels(m2) == nu_model_nlabels(m));
		slurp(path, &a);
		FUZZ_CHECK(nu_model_save(m2, path) == 0);
		slurp(path, &b);
		FUZZ_CHECK(a.len == b.len && memcmp(a.p, b.p, a.len) == 0);
		nu_buf_free(&a);
		nu_buf_free(&b);
		nu_model_free(m2);
		unlink(path);
	}
	for (i = 0; i < 3; i++)
		nu_feats_free(&items[i]);
	nu_model_free(m);
	return 0;
}

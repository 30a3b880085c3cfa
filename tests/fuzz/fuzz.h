/*
 * Shared helpers of the libFuzzer targets: turning fuzz bytes into the
 * clean text the library's parsers are specified for, and an abort that
 * names the broken invariant (libFuzzer saves the input as a crash).
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "nu_buf.h"
#include "nu_utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(c) do { \
	if (!(c)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s\n", \
		    __FILE__, __LINE__, #c); \
		abort(); \
	} \
} while (0)

/* Repair s[0..n) as nu_input_clean does, then NFC: into out (reset). */
static inline void
fuzz_clean(const char *s, size_t n, struct nu_buf *tmp, struct nu_buf *out)
{
	nu_buf_reset(tmp);
	nu_buf_reset(out);
	nu_utf8_repair(s, n, tmp, NULL, NULL);
	nu_utf8_nfc(tmp->p == NULL ? "" : tmp->p, tmp->len, out);
	FUZZ_CHECK(nu_utf8_clean_prefix(out->p == NULL ? "" : out->p,
	    out->len) == out->len);
}

#endif

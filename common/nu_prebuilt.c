/*
 * Writing the tables of build/prebuilt.c (nu_prebuilt.h): const arrays
 * of C literals, exact (floats in hexadecimal).
 */
#include <math.h>
#include <stdio.h>

#include "nu_prebuilt.h"

#define PER_LINE	8

static void
head(FILE *fp, const char *type, const char *id, size_t n, int align)
{
	fprintf(fp, "static %sconst %s %s[%zu] = {", align ?
	    "_Alignas(64) " : "", type, id, n ? n : 1);
}

static void
sep(FILE *fp, size_t i)
{
	fputs(i % PER_LINE == 0 ? "\n" : " ", fp);
}

void
nu_emit_u64(FILE *fp, const char *id, const uint64_t *a, size_t n)
{
	size_t i;

	head(fp, "uint64_t", id, n, 0);
	for (i = 0; i < n; i++) {
		sep(fp, i);
		if (a[i] == 0)
			fputs("0,", fp);
		else
			fprintf(fp, "0x%llxu,", (unsigned long long)a[i]);
	}
	fputs(n ? "\n};\n" : "0};\n", fp);
}

void
nu_emit_u32(FILE *fp, const char *id, const uint32_t *a, size_t n)
{
	size_t i;

	head(fp, "uint32_t", id, n, 0);
	for (i = 0; i < n; i++) {
		sep(fp, i);
		fprintf(fp, "%lu,", (unsigned long)a[i]);
	}
	fputs(n ? "\n};\n" : "0};\n", fp);
}

void
nu_emit_u8(FILE *fp, const char *id, const unsigned char *a, size_t n)
{
	size_t i;

	head(fp, "unsigned char", id, n, 0);
	for (i = 0; i < n; i++) {
		if (i % 32 == 0)
			fputs("\n", fp);
		fprintf(fp, "%u,", a[i]);
	}
	fputs(n ? "\n};\n" : "0};\n", fp);
}

void
nu_emit_f32(FILE *fp, const char *id, const float *a, size_t n, int align)
{
	size_t i;

	head(fp, "float", id, n, align);
	for (i = 0; i < n; i++) {
		sep(fp, i);
		if (a[i] == 0 && !signbit(a[i]))
			fputs("0,", fp);
		else
			fprintf(fp, "%af,", (double)a[i]);
	}
	fputs(n ? "\n};\n" : "0};\n", fp);
}

void
nu_emit_str(FILE *fp, const char *s, size_t n)
{
	size_t i;

	fputc('"', fp);
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 64 == 0)
			fputs("\"\n\"", fp);
		fprintf(fp, "\\%03o", (unsigned char)s[i]);
	}
	fputc('"', fp);
}

#ifndef NU_RECORD_H
#define NU_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"
#include "nu_json.h"

/*
 * What every program that reads records does the same way (design.md,
 * the README's bad-input table):
 * - a BOM at the start of a record line is dropped without a word;
 * - a record line is NFC-normalised before it is parsed (records are NFC;
 *   a line is valid UTF-8 after nu_input_clean, and NFC changes no JSON
 *   structure: no ASCII character composes with what precedes it);
 * - of duplicate keys the last one is used, as jq reads them; the earlier
 *   ones pass through untouched; reported once per input;
 * - a repair of the line (invalid UTF-8, NUL) goes into the record's
 *   "warnings" as {"line": N, "what": "..."}, after the entries it had.
 */
struct nu_recin {
	const char	*source;
	struct nu_buf	 nfc, key;
	uint64_t	 dup_line, ndup;	/* first duplicate, count */
};

/* Start an input named source (for messages). */
void	nu_recin_begin(struct nu_recin *r, const char *source);

/*
 * The text to parse for the record line p[0..n) that nu_input_clean
 * returned with fixes: *q is p itself when already NFC, else the NFC copy.
 */
void	nu_recin_text(struct nu_recin *r, const char *p, size_t n, int fixes,
	    const char **q, size_t *qn);

/* Note the parsed record's duplicate keys, if any (line lineno). */
void	nu_recin_check(struct nu_recin *r, const struct nu_jdoc *d,
	    uint64_t lineno);

/*
 * End the input: "PROGRAM: SOURCE:LINE: duplicate key 'K', the last one
 * is used (N more in this input)" once, if there was any.
 */
void	nu_recin_end(struct nu_recin *r);
void	nu_recin_free(struct nu_recin *r);

/*
 * Whether the record needs a "warnings" member for a line repaired with
 * fixes (NU_FIX_* bits).
 */
int	nu_rec_has_warning(int fixes);

/*
 * Append the elements (no brackets) of the record's "warnings": those of
 * the existing member w (an array; 0 if none) and then the one for line
 * lineno repaired with fixes.
 */
void	nu_rec_warnings(struct nu_buf *o, const struct nu_jdoc *d, size_t w,
	    uint64_t lineno, int fixes);

/*
 * The member key of node m is not of type want (NU_JARR, ...) although
 * the program must add to it: the message's text, e.g. "\"boilerplate\"
 * is not an array".  Returns NULL when the type is right.
 */
const char	*nu_rec_type_error(const struct nu_jdoc *d, size_t m,
		    const char *key, int want);

#endif

#ifndef NU_BOILER_REC_H
#define NU_BOILER_REC_H

#include <stddef.h>
#include <stdint.h>

#include "nu_boiler.h"
#include "nu_buf.h"

/*
 * Record mode of strip-boilerplate: one JSON Lines record in, the same
 * record out with its `body` cleaned.  The lines dropped from the body go
 * to `related` (related titles with their summaries and dates, as
 * {"title", "summary", "date"}) or to `boilerplate` as {"role", "text"}
 * (the body does not carry line numbers, so "line" is absent).  Existing
 * `related` and `boilerplate` entries are kept, new ones appended; a
 * missing array is inserted at its place in the design card's key order.
 * Every other member is copied through byte for byte, in place.
 */
struct nu_boiler_rec;

/* b is borrowed; no_meta moves datelines, bylines and URLs out too. */
struct nu_boiler_rec	*nu_boiler_rec_new(struct nu_boiler *b, int no_meta);
void	nu_boiler_rec_free(struct nu_boiler_rec *r);

/* Name the input whose lines follow (for messages); end it. */
void	nu_boiler_rec_begin(struct nu_boiler_rec *r, const char *source);
void	nu_boiler_rec_end(struct nu_boiler_rec *r);

/*
 * Clean the record p[0..n) (valid UTF-8, no newline; fixes: what
 * nu_input_clean repaired in it, for its "warnings") and write it with a
 * newline to standard output.  A line that is not a JSON object is
 * reported as "PROGRAM: SOURCE:LINE:COL: message, record skipped" and
 * NU_EXIT_DATA returned; a record whose "related", "boilerplate" or
 * "warnings" is not an array goes through uncleaned, reported, also
 * NU_EXIT_DATA; a blank line is ignored.  Returns NU_EXIT_OK otherwise.
 * The rules of nu_record.h apply (NFC, duplicate keys, warnings).
 */
int	nu_boiler_rec_line(struct nu_boiler_rec *r, const char *p, size_t n,
	    uint64_t lineno, int fixes);

/*
 * The same on a buffer: append the cleaned record (no newline) to out.
 * Returns 0, or -1 with *err set to a message (and *col to the 1-based
 * byte column) when p is not a JSON object.
 */
int	nu_boiler_rec_clean(struct nu_boiler_rec *r, const char *p, size_t n,
	    struct nu_buf *out, const char **err, size_t *col);
/*
 * With the line's number and repairs; returns 1 (p copied to out as it
 * is, *err the reason) when a member to add to is not an array.
 */
int	nu_boiler_rec_clean_line(struct nu_boiler_rec *r, const char *p,
	    size_t n, uint64_t lineno, int fixes, struct nu_buf *out,
	    const char **err, size_t *col);

#endif

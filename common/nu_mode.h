#ifndef NU_MODE_H
#define NU_MODE_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"
#include "nu_input.h"

/*
 * Records or text?  Decided per input on the evidence of its first
 * non-blank lines (up to NU_MODE_LINES of them, or NU_MODE_BYTES), so one
 * cut record at the start (`head -c N | tail -c M`, a block of
 * `parallel --pipe`) cannot flip a whole input.  A line scores 2 when it
 * opens a JSON object ('{' and then '"' or '}') and ends with '}' (a
 * record), 1 when it does one of the two (a record cut at one end), 0
 * otherwise; the input is records when
 * the lines score 1 or more on average.  The lines read to decide are
 * held and handed out again by nu_peek_line, so nothing is lost.  When
 * the input was taken as text, lines that look like whole records (score
 * 2) are counted and reported once at the end, as repairs are:
 * "PROGRAM: FILE:LINE: a JSON record read as text (N more in this input;
 * --records reads records)".
 */
#define NU_MODE_LINES	8
#define NU_MODE_BYTES	(1u << 20)

enum { NU_MODE_TEXT = 1, NU_MODE_RECORDS = 2 };

struct nu_peek_held {
	size_t		 off, len;	/* in held, unless direct */
	uint64_t	 lineno;
	int		 has_nl;
	size_t		 nuls;
};

struct nu_peek {
	struct nu_buf	 held;
	struct nu_peek_held *h;
	size_t		 nh, ch, next;
	int		 direct;	/* the last held line is in the input's
					   buffer, not copied (a long one) */
	struct nu_line	 dline;
	int		 rc;		/* nu_input_line's after the held lines */
	int		 watch;		/* count record-like lines (auto text) */
	uint64_t	 first_rec, nrec;
};

/*
 * Read ahead in `in` and decide; returns NU_MODE_TEXT or NU_MODE_RECORDS
 * and, for text, starts watching for record-like lines.
 */
int	nu_peek_mode(struct nu_peek *pk, struct nu_input *in);

/* nu_input_line, the held lines first. */
int	nu_peek_line(struct nu_peek *pk, struct nu_input *in,
	    struct nu_line *ln);

/* Report the record-like lines read as text (if any); ready for reuse. */
void	nu_peek_end(struct nu_peek *pk, const char *name);
void	nu_peek_free(struct nu_peek *pk);

#endif

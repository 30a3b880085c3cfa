#ifndef NU_INPUT_H
#define NU_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"

#define NU_INPUT_COPIED	((size_t)-1)

/*
 * A line reader over one input (a file or "-" for standard input).  Memory
 * is one read buffer plus the longest line that crossed a buffer boundary:
 * a line of any length is handled.
 */
struct nu_input {
	const char	*name;		/* as given; "-" for standard input */
	int		 fd;
	char		*rbuf;		/* read buffer */
	size_t		 rlen, rpos;	/* bytes in rbuf, next unread byte */
	struct nu_buf	 line;		/* a line that crossed a read boundary */
	struct nu_buf	 fixed;		/* the repaired copy of the last line */
	uint64_t	 lineno;	/* of the line last returned */
	uint64_t	 bytes;		/* read so far */
	uint64_t	 size_hint;	/* file size when known, else 0 */
	int		 eof, error;
	/*
	 * The last line returned lies at rbuf + loff (NU_INPUT_COPIED if it
	 * was put together in line).  Checks done a read buffer at a time,
	 * from a line start: rbuf[vfrom..vto) is valid UTF-8 without NUL,
	 * rbuf[qfrom..qto) is certainly NFC (empty ranges when unknown).
	 */
	size_t		 loff;
	size_t		 vfrom, vto, qfrom, qto;
	/*
	 * NUL bytes are taken out of each read buffer as it is filled (a
	 * 1 GiB run of NULs must not become a 1 GiB line): nul[k] is a
	 * position in the compacted rbuf where nulcnt[k] of them stood.
	 */
	size_t		*nulpos, *nulcnt;
	size_t		 nnulrun, cnulrun, nulcur;
	/* repairs, reported once by nu_input_close */
	uint64_t	 first_invalid, first_nul;	/* line numbers */
	uint64_t	 ninvalid, nnul;
};

/*
 * One line as read: bytes without the '\n' (a '\r' before it is kept) and
 * without NUL bytes: those are dropped as they are read, in every mode, and
 * counted in nuls (nu_input_clean reports them).
 */
struct nu_line {
	const char	*p;
	size_t		 len;
	uint64_t	 lineno;	/* 1-based */
	int		 has_nl;	/* 0 only for a last line without '\n' */
	size_t		 nuls;		/* NUL bytes dropped from this line */
};

/*
 * Open path ("-" = standard input).  On failure says "PROGRAM: path:
 * strerror" and returns NULL (the caller goes on with the next file, and
 * exits 2 at the end).
 */
struct nu_input	*nu_input_open(const char *path);

/*
 * Read the next line.  Returns 1 and fills ln, 0 at end of input, -1 on a
 * read error (reported).  ln->p stays valid until the next call.
 */
int	nu_input_line(struct nu_input *in, struct nu_line *ln);

/*
 * The line as records carry it: a leading BOM (line 1; a later one, from
 * `cat` of files that begin with one, is where a file started, which
 * split-article needs to see: record readers drop it, nu_record.h) and a
 * '\r' before '\n' removed silently (encoding, not content), NUL bytes
 * dropped and invalid UTF-8 replaced with U+FFFD (content: counted for
 * the warning).
 * Returns the NU_FIX_* bits of content repairs, plus NU_TEXT_NFC when the
 * text is certainly NFC already; *p and *len point at the clean text (the
 * line itself when nothing changed, else in->fixed).
 */
int	nu_input_clean(struct nu_input *in, const struct nu_line *ln,
	    const char **p, size_t *len);

/*
 * The warning text for a content repair of one line (for a record's
 * "warnings"): "invalid UTF-8 replaced with U+FFFD", ...
 */
const char	*nu_fix_what(int fixes);

/*
 * With strict set, a repair is an error: returns 1 if any repair was made
 * so far.  Close the input, report its repairs once
 * ("PROGRAM: FILE:LINE: invalid UTF-8 replaced with U+FFFD (N more in this
 * input)") and free it.  Returns the exit status this input earned: 2 on a
 * read error, 1 if strict and anything was repaired, else 0.
 */
int	nu_input_close(struct nu_input *in, int strict);

#endif

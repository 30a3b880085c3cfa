#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nu_cli.h"
#include "nu_input.h"
#include "nu_utf8.h"

#define READ_SIZE	(1 << 17)

struct nu_input *
nu_input_open(const char *path)
{
	struct nu_input *in;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1) {
		nu_warn("%s:", path);
		return NULL;
	}
	in = nu_emalloc(sizeof(*in));
	memset(in, 0, sizeof(*in));
	in->name = path;
	in->fd = fd;
	in->rbuf = nu_emalloc(READ_SIZE);
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			nu_warn("%s:", path);
			free(in->rbuf);
			free(in);
			close(fd);
			return NULL;
		}
		if (S_ISREG(st.st_mode))
			in->size_hint = (uint64_t)st.st_size;
	}
	return in;
}

/*
 * Take the NUL bytes out of the n bytes just read, remembering where each
 * run stood (one pass with memchr: nothing to do in clean text).
 */
static size_t
drop_nuls(struct nu_input *in, size_t n)
{
	char *b = in->rbuf, *z;
	size_t r = 0, w = 0, k, run;

	in->nnulrun = in->nulcur = 0;
	while ((z = memchr(b + r, '\0', n - r)) != NULL) {
		k = (size_t)(z - (b + r));
		memmove(b + w, b + r, k);
		w += k;
		r += k;
		for (run = 0; r < n && b[r] == '\0'; r++)
			run++;
		if (in->nnulrun == in->cnulrun) {
			in->cnulrun = in->cnulrun ? 2 * in->cnulrun : 64;
			in->nulpos = nu_ereallocarray(in->nulpos, in->cnulrun,
			    sizeof(*in->nulpos));
			in->nulcnt = nu_ereallocarray(in->nulcnt, in->cnulrun,
			    sizeof(*in->nulcnt));
		}
		in->nulpos[in->nnulrun] = w;
		in->nulcnt[in->nnulrun++] = run;
	}
	if (in->nnulrun == 0)
		return n;
	memmove(b + w, b + r, n - r);
	return w + (n - r);
}

/* NULs that stood in rbuf[a..e] (e: the newline, or rlen). */
static size_t
nuls_in(struct nu_input *in, size_t a, size_t e)
{
	size_t c = 0;

	while (in->nulcur < in->nnulrun && in->nulpos[in->nulcur] <= e) {
		if (in->nulpos[in->nulcur] >= a)
			c += in->nulcnt[in->nulcur];
		in->nulcur++;
	}
	return c;
}

static int
fill(struct nu_input *in)
{
	ssize_t n;

	if (in->eof)
		return 0;
	do
		n = read(in->fd, in->rbuf, READ_SIZE);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		nu_warn("%s: read error:", in->name);
		in->error = 1;
		in->eof = 1;
		return -1;
	}
	if (n == 0) {
		in->eof = 1;
		return 0;
	}
	in->bytes += (uint64_t)n;
	in->rlen = drop_nuls(in, (size_t)n);
	in->rpos = 0;
	in->vfrom = in->qfrom = 1;	/* nothing known of the new bytes */
	in->vto = in->qto = 0;
	return 1;
}

int
nu_input_line(struct nu_input *in, struct nu_line *ln)
{
	char *start, *nl;
	size_t avail;
	int r, spanned = 0;

	nu_buf_reset(&in->line);
	ln->nuls = 0;
	for (;;) {
		if (in->rpos >= in->rlen) {
			/* NULs after the buffer's last newline: this line's */
			ln->nuls += nuls_in(in, in->rpos, in->rlen);
			if ((r = fill(in)) <= 0) {
				if (r < 0)
					return -1;
				if (!spanned && ln->nuls == 0)
					return 0;
				/* last line without a final newline */
				in->loff = NU_INPUT_COPIED;
				ln->p = in->line.p != NULL ? in->line.p : "";
				ln->len = in->line.len;
				ln->lineno = ++in->lineno;
				ln->has_nl = 0;
				return 1;
			}
		}
		start = in->rbuf + in->rpos;
		avail = in->rlen - in->rpos;
		nl = memchr(start, '\n', avail);
		if (nl != NULL) {
			size_t k = (size_t)(nl - start);

			ln->nuls += nuls_in(in, in->rpos, in->rpos + k);
			in->rpos += k + 1;
			ln->lineno = ++in->lineno;
			ln->has_nl = 1;
			if (!spanned) {
				/* the common case: no copy */
				in->loff = (size_t)(start - in->rbuf);
				ln->p = start;
				ln->len = k;
				return 1;
			}
			nu_buf_add(&in->line, start, k);
			in->loff = NU_INPUT_COPIED;
			ln->p = in->line.p != NULL ? in->line.p : "";
			ln->len = in->line.len;
			return 1;
		}
		ln->nuls += nuls_in(in, in->rpos, in->rlen);
		nu_buf_add(&in->line, start, avail);
		in->rpos = in->rlen;
		spanned = 1;
	}
}

/*
 * Whether the line at rbuf + a, len bytes, is valid UTF-8 without NUL, by
 * checking the read buffer from the line's start on when that part is not
 * known yet (one pass over the buffer for all its clean lines).  Sets
 * *nfc when the line is certainly NFC.
 */
static int
clean_in_buffer(struct nu_input *in, size_t a, size_t len, int *nfc)
{
	size_t e = a + len, nq;

	if (a < in->vfrom || a > in->vto) {
		in->vfrom = in->qfrom = a;
		in->vto = a + nu_utf8_scan(in->rbuf + a, in->rlen - a, &nq);
		in->qto = a + nq;
	}
	if (e > in->vto)
		return 0;	/* the invalid sequence at vto is in the line */
	if (a < in->qfrom || a > in->qto) {
		in->qfrom = a;
		in->qto = a + nu_utf8_quick_prefix(in->rbuf + a, in->vto - a);
	}
	*nfc = e <= in->qto;
	return 1;
}

int
nu_input_clean(struct nu_input *in, const struct nu_line *ln,
    const char **p, size_t *len)
{
	const char *s = ln->p;
	size_t n = ln->len, nbad, nnul;
	int fixes, nuls, nfc, bom = 0;

	if (ln->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
		bom = 1;
	}
	if (n > 0 && s[n - 1] == '\r')	/* CRLF, or CR at the very end */
		n--;
	*p = s;
	*len = n;
	nuls = 0;
	if (ln->nuls > 0) {	/* dropped by the reader, reported here */
		if (in->nnul == 0)
			in->first_nul = ln->lineno;
		in->nnul += ln->nuls;
		nuls = NU_FIX_NUL;
	}
	/* a '\r' dropped is ASCII: it changes neither validity nor NFC */
	if (!bom && in->loff != NU_INPUT_COPIED && in->loff < in->rlen &&
	    ln->p == in->rbuf + in->loff && ln->len <= in->rlen - in->loff &&
	    clean_in_buffer(in, in->loff, ln->len, &nfc))
		return nuls | (nfc ? NU_TEXT_NFC : 0);
	if (nu_utf8_check(s, n, &nfc) == n)
		return nuls | (nfc ? NU_TEXT_NFC : 0);
	nu_buf_reset(&in->fixed);
	fixes = nuls | nu_utf8_repair(s, n, &in->fixed, &nbad, &nnul);
	if (nbad) {
		if (in->ninvalid == 0)
			in->first_invalid = ln->lineno;
		in->ninvalid += nbad;
	}
	if (nnul) {
		if (in->nnul == 0)
			in->first_nul = ln->lineno;
		in->nnul += nnul;
	}
	*p = in->fixed.p;
	*len = in->fixed.len;
	return fixes;
}

const char *
nu_fix_what(int fixes)
{
	static char what[160];

	what[0] = '\0';
	if (fixes & NU_FIX_INVALID)
		strcat(what, ", invalid UTF-8 replaced with U+FFFD");
	if (fixes & NU_FIX_NUL)
		strcat(what, ", NUL bytes dropped");
	if (fixes & NU_FIX_CUT)	/* PAGE_CAP, PAGE_LINES of nu_page.c */
		strcat(what, ", page longer than 16 MiB or 200000 lines cut "
		    "before this line");
	return what[0] ? what + 2 : what;
}

static void
report(const struct nu_input *in, uint64_t line, uint64_t count,
    const char *what, int strict)
{
	if (count == 0)
		return;
	nu_warn_at(in->name, line, "%s%s (%llu more in this input)",
	    strict ? "error: " : "", what, (unsigned long long)(count - 1));
}

int
nu_input_close(struct nu_input *in, int strict)
{
	int st = NU_EXIT_OK;

	report(in, in->first_invalid, in->ninvalid,
	    "invalid UTF-8 replaced with U+FFFD", strict);
	report(in, in->first_nul, in->nnul, "NUL bytes dropped", strict);
	if (strict && (in->ninvalid || in->nnul))
		st = NU_EXIT_DATA;
	if (in->error)
		st = NU_EXIT_TROUBLE;
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->rbuf);
	nu_buf_free(&in->line);
	nu_buf_free(&in->fixed);
	free(in->nulpos);
	free(in->nulcnt);
	free(in);
	return st;
}

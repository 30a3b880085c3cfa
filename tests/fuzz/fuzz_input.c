/*
 * The line reader with its repairs: the bytes are written to a file,
 * read back with nu_input_line and cleaned with nu_input_clean.  The first
 * byte chooses a padding so that the data straddles the reader's 128 KiB
 * read boundary (a line crossing it takes the reader's other path).
 * Invariants: the lines put back together give the input without its NUL
 * bytes (a final '\n' aside), and the lines' nuls count those; every
 * cleaned line is valid UTF-8 without NUL, without '\n', and
 * cleaning again changes nothing; the UTF-8 helpers agree on it.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "nu_cli.h"
#include "nu_input.h"
#include "fuzz.h"

#define READ_SIZE	(1 << 17)

static char	path[64];
static int	fd = -1;
static int	devnull = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	nu_cli_init("fuzz_input");
	snprintf(path, sizeof(path), "/tmp/fuzz_input.%ld", (long)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	devnull = open("/dev/null", O_WRONLY);
	if (fd < 0 || devnull < 0)
		abort();
	unlink(path);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nu_buf pad, back, again, nfc, want;
	struct nu_input *in;
	struct nu_line ln;
	const char *p;
	size_t n, padlen = 0, ninv, nnul;
	uint64_t lines = 0;
	size_t nuls = 0, i;
	int fixes, err2, rc;

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		/* end the padding k bytes before the boundary */
		size_t k = 1 + (size > 1 ? data[1] % size : 0);

		padlen = READ_SIZE > k ? READ_SIZE - k : 0;
		/* one long line: the reader's grown-line path too */
		if (pad.len != padlen) {
			nu_buf_reset(&pad);
			nu_buf_reserve(&pad, padlen);
			memset(pad.p, 'x', padlen);
			pad.p[padlen - 1] = '\n';
			pad.len = padlen;
		}
	}
	data++, size--;
	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0 ||
	    (padlen && write(fd, pad.p, padlen) != (ssize_t)padlen) ||
	    (size && write(fd, data, size) != (ssize_t)size))
		abort();
	if ((in = nu_input_open(path)) == NULL)
		abort();
	nu_buf_reset(&back);
	while ((rc = nu_input_line(in, &ln)) > 0) {
		FUZZ_CHECK(ln.lineno == ++lines);
		FUZZ_CHECK(memchr(ln.p, '\n', ln.len) == NULL);
		FUZZ_CHECK(memchr(ln.p, '\0', ln.len) == NULL);
		nuls += ln.nuls;
		nu_buf_add(&back, ln.p, ln.len);
		if (ln.has_nl)
			nu_buf_addc(&back, '\n');
		fixes = nu_input_clean(in, &ln, &p, &n);
		if (padlen && lines == 1)
			continue;	/* the padding: plain ASCII */
		FUZZ_CHECK((fixes & ~(NU_FIX_MASK | NU_TEXT_NFC)) == 0);
		FUZZ_CHECK(nu_utf8_clean_prefix(p, n) == n);
		FUZZ_CHECK(memchr(p, '\n', n) == NULL);
		nu_buf_reset(&again);
		FUZZ_CHECK(nu_utf8_repair(p, n, &again, &ninv, &nnul) == 0);
		FUZZ_CHECK(again.len == n && ninv == 0 && nnul == 0);
		nu_buf_reset(&nfc);
		nu_utf8_nfc(p, n, &nfc);
		if (fixes & NU_TEXT_NFC)
			FUZZ_CHECK(nfc.len == n && memcmp(nfc.p, p, n) == 0);
		FUZZ_CHECK(nu_utf8_clean_prefix(nfc.p == NULL ? "" : nfc.p,
		    nfc.len) == nfc.len);
		FUZZ_CHECK(nu_utf8_count(p, n) <= n);
	}
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(in->bytes == padlen + size);
	nu_buf_reset(&want);
	for (i = 0; i < size; i++)
		if (data[i] != '\0')
			nu_buf_addc(&want, (char)data[i]);
	FUZZ_CHECK(nuls == size - want.len);
	FUZZ_CHECK(back.len == padlen + want.len);
	FUZZ_CHECK(want.len == 0 ||
	    memcmp(back.p + padlen, want.p, want.len) == 0);
	/* the repair report goes to stderr: silence it */
	err2 = dup(2);
	dup2(devnull, 2);
	nu_input_close(in, 0);
	dup2(err2, 2);
	close(err2);
	return 0;
}

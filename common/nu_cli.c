/* realpath(3) is XSI in glibc's eyes */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <getopt.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <pcre2.h>
#include <utf8proc.h>

#include "nu_buf.h"
#include "nu_cli.h"

static const char *progname = "newsutils";
static char *out_path;		/* -o target, NULL for stdout */
static char *out_tmp;		/* temp file renamed to out_path at finish */
static char stdout_buf[1 << 16];

int
nu_exit_worst(int a, int b)
{
	return a > b ? a : b;
}

void
nu_cli_init(const char *argv0)
{
	const char *slash;

	if (argv0 != NULL && *argv0 != '\0') {
		slash = strrchr(argv0, '/');
		progname = slash ? slash + 1 : argv0;
	}
	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));
}

const char *
nu_progname(void)
{
	return progname;
}

static void
vmessage(const char *file, uint64_t line, const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fprintf(stderr, "%s: ", progname);
	if (file != NULL) {
		if (line > 0)
			fprintf(stderr, "%s:%llu: ", file, (unsigned long long)line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
nu_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
}

void
nu_warn_at(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

void
nu_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	if (out_tmp != NULL)
		unlink(out_tmp);
	exit(status);
}

void
nu_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(NU_EXIT_TROUBLE);
}

void
nu_bad_option(int c, char *const argv[])
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";

	if (c == ':')
		nu_usage_error("option '%s' needs an argument", arg);
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		nu_usage_error("unknown option '-%c'", optopt);
	nu_usage_error("unknown option '%s'", arg);
}

uint64_t
nu_inputs_size(char *const paths[], int n)
{
	struct stat st;
	uint64_t total = 0;
	int i;

	if (n == 0)
		return fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) ?
		    (uint64_t)st.st_size : 0;
	for (i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0) {
			if (fstat(STDIN_FILENO, &st) == 0 &&
			    S_ISREG(st.st_mode))
				total += (uint64_t)st.st_size;
		} else if (stat(paths[i], &st) == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	}
	return total;
}

void
nu_print_version(void)
{
	printf("%s (newsutils) %s\n", progname, NU_VERSION);
	printf("PCRE2 %d.%d, utf8proc %s\n", PCRE2_MAJOR, PCRE2_MINOR,
	    utf8proc_version());
}

long
nu_parse_long(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || v < min || v > max)
		nu_usage_error("%s: '%s' is not a number in %ld-%ld", opt, s,
		    min, max);
	return v;
}

/* A signal that ends us takes the temp file of -o with it. */
static void
on_signal(int sig)
{
	if (out_tmp != NULL)
		unlink(out_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
nu_output_to(const char *path)
{
	struct nu_buf tmp = {0};
	struct stat st;
	mode_t mask, mode;
	char *real = NULL;
	int fd, exists;

	if (*path == '\0')
		nu_usage_error("-o: empty file name");
	/* -o LINK writes LINK's target, as the shell's > does: the link
	   stays a link */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		path = real;
	exists = stat(path, &st) == 0;
	/* a device or FIFO (-o /dev/null) is written in place: renaming a
	   temp file over it would replace the device with a plain file */
	if (exists && !S_ISREG(st.st_mode)) {
		if ((fd = open(path, O_WRONLY | O_TRUNC)) == -1)
			nu_die(NU_EXIT_TROUBLE, "%s:", path);
		fflush(stdout);
		if (dup2(fd, STDOUT_FILENO) == -1)
			nu_die(NU_EXIT_TROUBLE, "%s:", path);
		close(fd);
		free(real);
		return;
	}
	nu_buf_printf(&tmp, "%s.tmpXXXXXX", path);
	/* messages name FILE: the temp file is ours, not the user's */
	if ((fd = mkstemp(tmp.p)) == -1)
		nu_die(NU_EXIT_TROUBLE, "%s:", path);
	out_tmp = tmp.p;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	/* mkstemp makes 0600; the file keeps the mode FILE had, or gets the
	   one a shell's > gives a new file */
	mask = umask(0);
	umask(mask);
	mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
	if (fchmod(fd, mode) == -1)
		nu_die(NU_EXIT_TROUBLE, "%s:", path);
	fflush(stdout);
	if (dup2(fd, STDOUT_FILENO) == -1)
		nu_die(NU_EXIT_TROUBLE, "%s:", path);
	close(fd);
	out_path = nu_estrdup(path);
	free(real);
}

static void
write_failed(void)
{
	if (errno == EPIPE) {
		if (out_tmp != NULL)
			unlink(out_tmp);
		_exit(NU_EXIT_OK);
	}
	nu_die(NU_EXIT_TROUBLE, "write error:");
}

void
nu_check_output(void)
{
	if (ferror(stdout))
		write_failed();
}

int
nu_cli_finish(int st)
{
	nu_progress_end();
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed();
	if (fclose(stdout) != 0)
		write_failed();
	if (out_tmp != NULL && st == NU_EXIT_TROUBLE) {
		/* an input could not be read: yesterday's good FILE stays */
		nu_warn("%s: left as it was (errors above)", out_path);
		unlink(out_tmp);
	} else if (out_tmp != NULL) {
		if (rename(out_tmp, out_path) == -1) {
			nu_warn("%s:", out_path);
			unlink(out_tmp);
			return NU_EXIT_TROUBLE;
		}
		free(out_tmp);
		free(out_path);
		out_tmp = out_path = NULL;
	}
	return st;
}

/* Progress reporting. */
static int progress_on;
static struct timespec progress_t0, progress_last;
static uint64_t progress_bytes, progress_records;

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void
nu_progress_start(int force, uint64_t hint_bytes)
{
	if (!force && !(isatty(STDERR_FILENO) && hint_bytes > (64u << 20)))
		return;
	progress_on = 1;
	clock_gettime(CLOCK_MONOTONIC, &progress_t0);
	progress_last = progress_t0;
}

static void
progress_draw(int final)
{
	double el = seconds_since(&progress_t0);
	double mb = (double)progress_bytes / 1e6;

	fprintf(stderr, "\r%s: %.1f MB, %llu records, %.1f MB/s%s", progname,
	    mb, (unsigned long long)progress_records,
	    el > 0 ? mb / el : 0.0, final ? "\n" : "");
	clock_gettime(CLOCK_MONOTONIC, &progress_last);
}

void
nu_progress_update(uint64_t bytes, uint64_t records)
{
	progress_bytes = bytes;
	progress_records = records;
	/* cheap enough at record granularity; draw at most 4 times a second */
	if (progress_on && seconds_since(&progress_last) >= 0.25)
		progress_draw(0);
}

void
nu_progress_end(void)
{
	if (progress_on) {
		progress_draw(1);
		progress_on = 0;
	}
}

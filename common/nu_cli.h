#ifndef NU_CLI_H
#define NU_CLI_H

#include <stddef.h>
#include <stdint.h>

#define NU_VERSION	"0.1.0"

/* Exit statuses, shared by every program (see each man page). */
enum {
	NU_EXIT_OK = 0,		/* all input read and used (repairs are warnings) */
	NU_EXIT_DATA = 1,	/* some input could not be used: skipped, reported */
	NU_EXIT_TROUBLE = 2	/* usage, unreadable file, read/write error, memory */
};

/* The worst of two statuses (2 > 1 > 0). */
int	nu_exit_worst(int a, int b);

/*
 * Set the program name from argv[0], restore SIGPIPE to its default (an
 * ignored disposition survives exec, and `| head` must end us quietly) and
 * give stdout a large buffer.
 */
void	nu_cli_init(const char *argv0);
const char *nu_progname(void);

/*
 * Diagnostics, one line on stderr, "PROGRAM: message".  A format ending in
 * ':' gets ": strerror(errno)" appended (sbase's eprintf rule).
 * nu_warn_at prefixes "FILE:LINE: " (LINE omitted when 0).
 */
void	nu_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	nu_warn_at(const char *file, uint64_t line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	nu_die(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
/* "PROGRAM: message" + "Try 'PROGRAM --help' for more information.", exit 2. */
void	nu_usage_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/*
 * After getopt_long returned c ('?' or ':', with opterr = 0 and an
 * optstring starting with ':'): the usage error for argv[optind - 1],
 * worded the same in every program and naming the program, not its path.
 */
void	nu_bad_option(int c, char *const argv[]) __attribute__((noreturn));

/*
 * The bytes the named inputs hold (regular files; "-" is standard input),
 * for --progress to decide whether a run is long.  0 when unknown.
 */
uint64_t	nu_inputs_size(char *const paths[], int n);

/* Print "PROGRAM (newsutils) VERSION" and library versions; exit via finish. */
void	nu_print_version(void);

/*
 * Parse a decimal option value in [min, max]; a bad value is a usage error
 * naming the option and the allowed range.
 */
long	nu_parse_long(const char *opt, const char *s, long min, long max);

/*
 * Send standard output to path, written atomically: a temp file beside it,
 * renamed over it by nu_cli_finish when everything went well, removed if
 * not.  Call before any output.  Failure: message, exit 2.
 */
void	nu_output_to(const char *path);

/*
 * After each record: stop at once if stdout has failed.  EPIPE ends the
 * program quietly (the reader went away: `| head`); any other error is
 * "write error: ...", status 2.
 */
void	nu_check_output(void);

/*
 * Flush and close stdout, finish -o, and return the status to exit with:
 * st, or 2 if writing failed.
 */
int	nu_cli_finish(int st);

/*
 * Progress on stderr: bytes, records, MB/s, redrawn at most 4 times a
 * second.  Active when asked (force) or when stderr is a terminal and the
 * input is large (hint_bytes above 64 MiB).
 */
void	nu_progress_start(int force, uint64_t hint_bytes);
void	nu_progress_update(uint64_t bytes, uint64_t records);
void	nu_progress_end(void);

#endif

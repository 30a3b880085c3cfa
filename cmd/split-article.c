/*
 * split-article: a stream of news pages to one JSON Lines record per
 * article, every input line kept somewhere in it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "nu_cli.h"
#include "nu_input.h"
#include "nu_lexicon.h"
#include "nu_meta.h"
#include "nu_page.h"
#include "nu_task.h"

struct opts {
	int		 strict;
	int		 progress;
	int		 unbuffered;
	const char	*output;
	const char	*model;		/* --model FILE, "none", or NULL */
	pcre2_code	*separator;
};

struct run {
	const struct opts	*o;
	uint64_t		 bytes_done;	/* of finished inputs */
	uint64_t		 records;
	struct nu_input		*in;
};

static void	usage(void);
static int	split_input(const struct opts *, struct nu_splitter *,
		    struct run *, const char *);
static void	emit(const char *, size_t, void *);
static pcre2_code *compile_separator(const char *);

static const struct option longopts[] = {
	{ "separator",	 required_argument, NULL, 's' },
	{ "output",	 required_argument, NULL, 'o' },
	{ "lang",	 required_argument, NULL, 'L' },
	{ "lexicon-dir", required_argument, NULL, 'D' },
	{ "model",	 required_argument, NULL, 'M' },
	{ "strict",	 no_argument,	    NULL, 'S' },
	{ "progress",	 no_argument,	    NULL, 'P' },
	{ "unbuffered",	 no_argument,	    NULL, 'u' },
	{ "help",	 no_argument,	    NULL, 'h' },
	{ "version",	 no_argument,	    NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct opts o = {0};
	struct nu_page_opts po = {0};
	struct nu_splitter *sp;
	struct run r = {0};
	int c, i, st = NU_EXIT_OK;

	nu_cli_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:s:u", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			o.separator = compile_separator(optarg);
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'L':
			if (strcmp(optarg, "vi") != 0 && strcmp(optarg, "en") != 0
			    && strcmp(optarg, "auto") != 0)
				nu_usage_error("--lang: '%s' is not one of vi, en, "
				    "auto", optarg);
			break;
		case 'D':
			nu_lexicon_set_dir(optarg);
			break;
		case 'M':
			o.model = optarg;
			break;
		case 'S':
			o.strict = 1;
			break;
		case 'P':
			o.progress = 1;
			break;
		case 'u':
			o.unbuffered = 1;
			break;
		case 'h':
			usage();
			return nu_cli_finish(NU_EXIT_OK);
		case 'V':
			nu_print_version();
			return nu_cli_finish(NU_EXIT_OK);
		default:
			nu_bad_option(c, argv);
		}
	}
	nu_meta_init();
	if (o.output != NULL)
		nu_output_to(o.output);
	po.heuristics = 1;
	po.separator = o.separator;
	/* where pages start: the page-start model (built in, or --model),
	   or with --model none (or no model built in) the rules alone */
	if (o.model == NULL || strcmp(o.model, "none") != 0)
		po.model = nu_task_model("page-start", o.model);
	r.o = &o;
	sp = nu_splitter_new(&po, emit, &r);
	nu_progress_start(o.progress,
	    nu_inputs_size(argv + optind, argc - optind));
	if (optind == argc)
		st = split_input(&o, sp, &r, "-");
	for (i = optind; i < argc; i++)
		st = nu_exit_worst(st, split_input(&o, sp, &r, argv[i]));
	nu_splitter_free(sp);
	pcre2_code_free(o.separator);
	return nu_cli_finish(st);
}

static int
split_input(const struct opts *o, struct nu_splitter *sp, struct run *r,
    const char *path)
{
	struct nu_line ln;
	const char *s;
	size_t n;
	int fixes, got;

	if ((r->in = nu_input_open(path)) == NULL)
		return NU_EXIT_TROUBLE;
	nu_splitter_begin(sp, path);
	while ((got = nu_input_line(r->in, &ln)) > 0) {
		fixes = nu_input_clean(r->in, &ln, &s, &n);
		nu_splitter_line(sp, s, n, ln.lineno, fixes);
	}
	nu_splitter_end(sp);
	r->bytes_done += r->in->bytes;
	nu_progress_update(r->bytes_done, r->records);	/* the final line's */
	return nu_input_close(r->in, o->strict);
}

static void
emit(const char *json, size_t len, void *arg)
{
	struct run *r = arg;

	fwrite(json, 1, len, stdout);
	nu_check_output();
	if (len == 1 && *json == '\n') {	/* the end of a record */
		r->records++;
		if (r->o->unbuffered)
			fflush(stdout);
		nu_progress_update(r->bytes_done + r->in->bytes, r->records);
	}
}

static pcre2_code *
compile_separator(const char *re)
{
	pcre2_code *code;
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];
	pcre2_match_data *md;

	code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	if (code == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		nu_usage_error("--separator: %s at offset %zu", (char *)msg,
		    (size_t)off);
	}
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	/* '' or '^' would make every line, blank ones too, a page */
	md = pcre2_match_data_create(1, NULL);
	if (pcre2_match(code, (PCRE2_SPTR)"", 0, 0, 0, md, NULL) >= 0)
		nu_usage_error("--separator: '%s' matches an empty line "
		    "(every line would start a page)", re);
	pcre2_match_data_free(md);
	return code;
}

static void
usage(void)
{
	printf(
"Usage: split-article [OPTION]... [FILE]...\n"
"Split a stream of news pages into one JSON Lines record per article.\n"
"With no FILE, or when FILE is -, read standard input.  Each FILE starts a\n"
"page; pages glued together inside a file or stream are found and split.\n"
"\n"
"  -s, --separator=REGEX  a line matching REGEX starts a page (and turns off\n"
"                         the page-anatomy heuristics); form feeds always do\n"
"  -o, --output=FILE      write FILE atomically instead of standard output\n"
"      --strict           invalid UTF-8 or NUL bytes are errors (exit 1)\n"
"      --lang=LANG        vi, en or auto (default auto: both rule sets)\n"
"      --lexicon-dir=DIR  add the entries of DIR/NAME.txt to each lexicon\n"
"      --model=FILE       the page-start model to use instead of the built-in\n"
"                         one (newsutils-train -t page-start); none: rules only\n"
"      --progress         show bytes, records and MB/s on standard error\n"
"  -u, --unbuffered       flush after every record\n"
"      --help             show this help and exit\n"
"      --version          show version and exit\n"
"\n"
"Example: cat pages/*.txt | split-article | jq -r .title\n"
"Exit status: 0 ok, 1 some input bad (--strict), 2 usage or I/O error.\n");
}

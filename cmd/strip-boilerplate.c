/*
 * strip-boilerplate: keep a news page's article lines, like grep keeps
 * matches; or clean the `body` of split-article records.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_boiler.h"
#include "nu_boiler_rec.h"
#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_input.h"
#include "nu_lexicon.h"
#include "nu_mode.h"
#include "nu_page_start.h"
#include "nu_task.h"
#include "nu_utf8.h"

enum { M_AUTO, M_TEXT, M_RECORDS };

struct opts {
	const char	*output, *lexdir, *model, *page_model_file;
	int		 invert, number, roles, no_meta, mode, lang, progress;
	int		 strict, nfiles, no_model, page_model;
};

/*
 * A line held in the page window: offsets into the window's buffer, and
 * what the page-start model sees of it (nu_pline_init, computed once when
 * the line comes in).
 */
struct wline {
	size_t		 raw, rawlen;	/* as read, newline included */
	size_t		 cls, clslen;	/* the clean text classified */
	uint64_t	 lineno;
	struct nu_pkept	 pl;		/* pl.n is 0 for a blank line */
	unsigned char	 start;		/* the model: a page starts here */
	unsigned char	 nostart;	/* the model: surely none starts */
};

struct state {
	const struct opts *o;
	struct nu_boiler *b;
	struct nu_boiler_rec *rec;
	struct nu_peek	 peek;
	struct nu_buf	 win, out;
	struct nu_buf	 nfc;		/* a text line in NFC, classified */
	struct wline	*wl;
	struct nu_bline	*bl;
	size_t		 nwl, cwl;
	uint64_t	 bytes, lines;
	/* where pages start: the shared page-start model (issue 12), asked
	   at each line once NU_PAGE_AHEAD non-blank lines follow it */
	struct nu_page_decider dec;
	struct nu_pstate pst;		/* the page so far */
	size_t		 scan;		/* the next window line to decide */
	/* the text lines seen after it, counted in wl[scan + 1, look): the
	   count goes on where it stopped, so a run of blank lines is
	   counted once, not again for every line that comes */
	size_t		 look, nlook;
	int		 fresh;		/* the next text line starts a page */
	int		 after_blank;
};

/*
 * The window holds at most one page of a stream plus what follows it;
 * past these limits it is flushed whole (a page that long has no
 * boundaries we can see).  Memory stays under the limits plus the longest
 * line.
 */
#define WIN_LINES	4096
#define WIN_BYTES	(4u << 20)

static int	parse_opts(struct opts *, int, char *[]);
static int	run(struct state *, const char *);
static void	add_line(struct state *, const struct nu_line *, const char *,
		    size_t);
static void	decide(struct state *, int);
static void	flush(struct state *, const char *, int);
static void	huge_line(struct state *, const char *, const struct nu_line *,
		    const char *, size_t);
static void	put_line(struct state *, const char *, const struct wline *,
		    const struct nu_bline *);
static void	put_lines(struct state *, size_t);
static void	usage(FILE *);

int
main(int argc, char *argv[])
{
	struct opts o;
	struct state s;
	int i, st = NU_EXIT_OK;

	nu_cli_init(argv[0]);
	i = parse_opts(&o, argc, argv);
	o.nfiles = argc - i;
	nu_lexicon_set_dir(o.lexdir);
	memset(&s, 0, sizeof(s));
	s.o = &o;
	s.b = nu_boiler_new(o.lang);
	/* the line-role model (issue 13): --model FILE, else the built-in */
	if (!o.no_model)
		nu_boiler_set_model(s.b, nu_task_model("line-role", o.model));
	s.rec = nu_boiler_rec_new(s.b, o.no_meta);
	/* text mode: pages start where split-article's model says, when
	   asked (--page-model); else where the page rules of nu_boiler.c do */
	nu_page_decider_init(&s.dec, o.page_model ? nu_task_model_opt(
	    "page-start", o.page_model_file, "--page-model") : NULL);
	if (o.output != NULL)
		nu_output_to(o.output);
	nu_progress_start(o.progress, nu_inputs_size(argv + i, argc - i));
	if (i == argc)
		st = run(&s, "-");
	for (; i < argc; i++)
		st = nu_exit_worst(st, run(&s, argv[i]));
	nu_progress_end();
	nu_boiler_rec_free(s.rec);
	nu_boiler_free(s.b);
	nu_page_decider_free(&s.dec);
	nu_buf_free(&s.win);
	nu_buf_free(&s.out);
	nu_buf_free(&s.nfc);
	free(s.wl);
	free(s.bl);
	nu_peek_free(&s.peek);
	return nu_cli_finish(st);
}

static int
parse_opts(struct opts *o, int argc, char *argv[])
{
	enum { O_ROLES = 256, O_NOMETA, O_RECORDS, O_TEXT, O_LANG, O_LEXDIR,
	    O_PROGRESS, O_STRICT, O_HELP, O_VERSION, O_MODEL, O_NOMODEL,
	    O_PAGEMODEL };
	static const struct option longopts[] = {
		{ "invert", no_argument, NULL, 'v' },
		{ "line-number", no_argument, NULL, 'n' },
		{ "roles", no_argument, NULL, O_ROLES },
		{ "no-meta", no_argument, NULL, O_NOMETA },
		{ "records", no_argument, NULL, O_RECORDS },
		{ "text", no_argument, NULL, O_TEXT },
		{ "lang", required_argument, NULL, O_LANG },
		{ "lexicon-dir", required_argument, NULL, O_LEXDIR },
		{ "model", required_argument, NULL, O_MODEL },
		{ "no-model", no_argument, NULL, O_NOMODEL },
		{ "page-model", optional_argument, NULL, O_PAGEMODEL },
		{ "output", required_argument, NULL, 'o' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "strict", no_argument, NULL, O_STRICT },
		{ "help", no_argument, NULL, O_HELP },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof(*o));
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":vno:", longopts, NULL)) != -1) {
		switch (c) {
		case 'v': o->invert = 1; break;
		case 'n': o->number = 1; break;
		case 'o': o->output = optarg; break;
		case O_ROLES: o->roles = 1; break;
		case O_NOMETA: o->no_meta = 1; break;
		case O_RECORDS: o->mode = M_RECORDS; break;
		case O_TEXT: o->mode = M_TEXT; break;
		case O_LEXDIR: o->lexdir = optarg; break;
		case O_MODEL: o->model = optarg; break;
		case O_NOMODEL: o->no_model = 1; break;
		case O_PAGEMODEL:
			o->page_model = 1;
			o->page_model_file = optarg;
			break;
		case O_PROGRESS: o->progress = 1; break;
		case O_STRICT: o->strict = 1; break;
		case O_LANG:
			if (strcmp(optarg, "vi") == 0)
				o->lang = NU_BOIL_LANG_VI;
			else if (strcmp(optarg, "en") == 0)
				o->lang = NU_BOIL_LANG_EN;
			else if (strcmp(optarg, "auto") == 0)
				o->lang = NU_BOIL_LANG_AUTO;
			else
				nu_usage_error("--lang: '%s' is not vi, en or auto",
				    optarg);
			break;
		case O_HELP:
			usage(stdout);
			exit(nu_cli_finish(NU_EXIT_OK));
		case O_VERSION:
			nu_print_version();
			exit(nu_cli_finish(NU_EXIT_OK));
		default:
			nu_bad_option(c, argv);
		}
	}
	if (o->invert && o->roles)
		nu_usage_error("-v and --roles cannot be used together");
	if (o->model != NULL && o->no_model)
		nu_usage_error("--model and --no-model cannot be used together");
	if (o->page_model && o->mode == M_RECORDS)
		nu_usage_error("--page-model finds pages in text; --records "
		    "input has one page a record");
	return optind;
}

static int
run(struct state *s, const char *path)
{
	struct nu_input *in;
	struct nu_line ln;
	const char *p;
	size_t n;
	int mode = s->o->mode, st = NU_EXIT_OK, r, fixes;

	if ((in = nu_input_open(path)) == NULL)
		return NU_EXIT_TROUBLE;
	s->fresh = 1;		/* an input's first line starts a page */
	s->after_blank = 0;
	if (mode == M_AUTO)	/* on several lines' evidence: nu_mode.h */
		mode = nu_peek_mode(&s->peek, in) == NU_MODE_RECORDS ?
		    M_RECORDS : M_TEXT;
	if (mode == M_RECORDS && s->o->page_model) {
		/* not silently ignored: the records are pages already */
		nu_warn("%s: --page-model finds pages in text, and this input "
		    "is JSON Lines records, one page each (--text reads it as "
		    "text); skipped", path);
		nu_peek_end(&s->peek, path);
		nu_input_close(in, 0);
		return NU_EXIT_TROUBLE;
	}
	nu_boiler_rec_begin(s->rec, path);
	while ((r = nu_peek_line(&s->peek, in, &ln)) > 0) {
		fixes = nu_input_clean(in, &ln, &p, &n);
		if (mode == M_RECORDS) {
			st = nu_exit_worst(st, nu_boiler_rec_line(s->rec, p, n,
			    ln.lineno, fixes));
			s->bytes += ln.len + ln.has_nl;
			s->lines++;
			if ((s->lines & 255) == 0) {
				nu_check_output();
				nu_progress_update(s->bytes, s->lines);
			}
			continue;
		}
		if (ln.len > WIN_BYTES) {
			/* a huge line is a page of its own, never copied */
			flush(s, path, 1);
			huge_line(s, path, &ln, p, n);
			s->fresh = 1;	/* and what follows it starts one */
			continue;
		}
		/*
		 * Decomposed text ("La\xcc\x80o Cai", NFD as some editors save
		 * Vietnamese): the rules, lexicons and both models read NFC,
		 * as split-article and record mode give it them; the line is
		 * still printed as read.  (A huge line above is a page of its
		 * own whatever its form: not copied again.)
		 */
		if (!(fixes & NU_TEXT_NFC) && !nu_utf8_is_nfc_quick(p, n)) {
			nu_buf_reset(&s->nfc);
			nu_utf8_nfc(p, n, &s->nfc);
			p = s->nfc.p != NULL ? s->nfc.p : "";
			n = s->nfc.len;
		}
		add_line(s, &ln, p, n);
		decide(s, 0);
		if (s->nwl >= WIN_LINES || s->win.len >= WIN_BYTES)
			flush(s, path, 0);
	}
	flush(s, path, 1);
	nu_boiler_rec_end(s->rec);
	nu_peek_end(&s->peek, path);
	nu_progress_update(s->bytes, s->lines);	/* the final line's */
	if (r < 0)
		st = NU_EXIT_TROUBLE;
	return nu_exit_worst(st, nu_input_close(in, s->o->strict));
}

static void
add_line(struct state *s, const struct nu_line *ln, const char *p, size_t n)
{
	struct wline *w;
	struct nu_pline pl;

	if (s->nwl == s->cwl) {
		s->cwl = s->cwl ? 2 * s->cwl : 256;
		s->wl = nu_ereallocarray(s->wl, s->cwl, sizeof(*s->wl));
		s->bl = nu_ereallocarray(s->bl, s->cwl, sizeof(*s->bl));
	}
	w = &s->wl[s->nwl++];
	w->lineno = ln->lineno;
	w->raw = s->win.len;
	/* one copy: the line and its newline are contiguous in the input */
	nu_buf_reserve(&s->win, ln->len + 1);
	memcpy(s->win.p + s->win.len, ln->p, ln->len);
	s->win.len += ln->len;
	if (ln->has_nl)
		s->win.p[s->win.len++] = '\n';
	s->win.p[s->win.len] = '\0';
	w->rawlen = s->win.len - w->raw;
	if (p == ln->p) {
		/* clean: classify the raw text (a final '\r' stripped) */
		w->cls = w->raw;
		w->clslen = n;
	} else {
		w->cls = s->win.len;
		nu_buf_add(&s->win, p, n);
		w->clslen = n;
	}
	w->start = w->nostart = 0;
	if (s->dec.m == NULL) {
		s->bytes += ln->len + ln->has_nl;
		s->lines++;
		return;
	}
	/* the line's features for the page-start model, once */
	nu_pline_init(&pl, s->win.p + w->cls, n, s->after_blank);
	nu_pline_keep(&w->pl, &pl);
	if (pl.n > 0 && s->fresh) {
		w->start = 1;
		s->fresh = 0;
		nu_pstate_start(&s->pst);
	}
	s->after_blank = pl.n == 0;
	s->bytes += ln->len + ln->has_nl;
	s->lines++;
}

static void
put_line(struct state *s, const char *path, const struct wline *w,
    const struct nu_bline *b)
{
	const char *raw = s->win.p + w->raw;
	size_t len = w->rawlen;

	if (s->o->number) {
		if (s->o->nfiles > 1)
			printf("%s:", path);
		printf("%llu:", (unsigned long long)w->lineno);
	}
	if (s->o->roles) {
		fputs(nu_boiler_role_name(b->role), stdout);
		putchar('\t');
	}
	fwrite(raw, 1, len, stdout);
	if (len == 0 || raw[len - 1] != '\n')
		putchar('\n');
}

/*
 * Print the chosen lines of wl[0..upto) as they were read: a run of
 * lines that lie one after the other in the window, each with its
 * newline, goes out in one fwrite.
 */
static void
put_lines(struct state *s, size_t upto)
{
	const struct wline *w;
	size_t i, start = 0, end = 0;

	for (i = 0; i < upto; i++) {
		if (s->bl[i].keep == s->o->invert)
			continue;
		w = &s->wl[i];
		if (w->raw != end || end == start) {
			if (end > start)
				fwrite(s->win.p + start, 1, end - start, stdout);
			start = w->raw;
		}
		end = w->raw + w->rawlen;
		if (w->rawlen == 0 || s->win.p[end - 1] != '\n') {
			/* the last line of an input without its newline */
			fwrite(s->win.p + start, 1, end - start, stdout);
			putchar('\n');
			start = end = 0;
		}
	}
	if (end > start)
		fwrite(s->win.p + start, 1, end - start, stdout);
}

static void
huge_line(struct state *s, const char *path, const struct nu_line *ln,
    const char *p, size_t n)
{
	struct nu_bline b;
	struct wline w;
	struct nu_buf save = s->win;

	memset(&b, 0, sizeof(b));
	b.s = p;
	b.n = n;
	nu_boiler_classify(s->b, &b, 1, NU_BOIL_TITLED | NU_BOIL_SPLIT |
	    (s->o->no_meta ? NU_BOIL_NO_META : 0));
	if (s->o->roles || b.keep != s->o->invert) {
		/* put_line prints from the window: lend it the input's line */
		s->win.p = (char *)ln->p;
		s->win.len = ln->len;
		w.raw = 0;
		w.rawlen = ln->len;
		w.lineno = ln->lineno;
		put_line(s, path, &w, &b);
		s->win = save;
	}
	s->bytes += ln->len + ln->has_nl;
	s->lines++;
	nu_check_output();
}

/* Window line w as the page-start model sees it. */
static void
view(const struct state *s, const struct wline *w, struct nu_pline *v)
{
	nu_pline_view(v, s->win.p + w->cls, &w->pl);
}

/*
 * Decide where pages start, line by line, as far as the look-ahead allows
 * (at the end of an input, all of it): the page-start model reads the two
 * text lines before a line and NU_PAGE_AHEAD after it, and the page so
 * far.  The same decision as split-article's, so `cat pages |
 * strip-boilerplate` and `cat pages | split-article | strip-boilerplate
 * --records` see the same pages.  A page glued to the next inside a line
 * (no final newline) starts at that line: a line is printed whole, and
 * the new page's title matters more than the old page's last words.
 * After a full window is flushed, the lines before it are gone: the
 * first lines after it are decided without those two.
 */
static void
decide(struct state *s, int at_end)
{
	struct nu_pline v[3 + NU_PAGE_AHEAD];
	struct nu_page_verdict vd;
	struct wline *w;
	size_t i, j, k, nv, at = 0;
	/* lines are printed whole: a start inside one is a start at it; the
	   rules of nu_boiler.c run later, on the window, and read nostart */
	static const struct nu_page_ask ask = { 0, 1, NULL, NULL };

	if (s->dec.m == NULL)
		return;
	for (; s->scan < s->nwl; s->scan++) {
		i = s->scan;
		w = &s->wl[i];
		if (w->pl.n == 0)
			continue;
		if (s->look <= i) {
			s->look = i + 1;
			s->nlook = 0;
		}
		for (; s->look < s->nwl && s->nlook < NU_PAGE_AHEAD; s->look++)
			s->nlook += s->wl[s->look].pl.n > 0;
		if (s->nlook < NU_PAGE_AHEAD && !at_end)
			return;
		s->look = 0;	/* the next line counts anew */
		if (w->start) {		/* an input's first line */
			view(s, w, &v[0]);
			nu_pstate_add(&s->pst, &v[0]);
			continue;
		}
		/* two text lines before, the line, NU_PAGE_AHEAD after */
		for (j = i, k = 0; j > 0 && k < 2; )
			k += s->wl[--j].pl.n > 0;
		for (nv = 0, k = 0; j < s->nwl && k <= NU_PAGE_AHEAD; j++) {
			if (s->wl[j].pl.n == 0)
				continue;
			if (j == i)
				at = nv;
			k += j >= i;
			view(s, &s->wl[j], &v[nv++]);
		}
		nu_page_decide(&s->dec, v, nv, at, &s->pst, &ask, &vd);
		w->nostart = vd.nostart;
		if (vd.how != 0) {
			w->start = 1;
			nu_pstate_start(&s->pst);
		}
		nu_pstate_add(&s->pst, vd.how == 2 ? &vd.tail : &v[at]);
	}
}

/*
 * Classify the window; print what is decided: everything at the end of an
 * input (or when the window is full and holds a single page), else up to
 * the start of the last page, which stays for the next round.
 */
static void
flush(struct state *s, const char *path, int all)
{
	size_t i, upto, base, nb;

	if (s->nwl == 0)
		return;
	if (all)
		decide(s, 1);
	/*
	 * The page-start model has not judged the lines from scan on yet
	 * (a full window): no page starts there, not even where the rules
	 * see one, so the window's last page is the last that starts
	 * before them; and should the window be flushed whole, they are
	 * printed as the end of that page (the model goes on after them).
	 */
	for (i = 0; i < s->nwl; i++) {
		s->bl[i].s = s->win.p + s->wl[i].cls;
		s->bl[i].n = s->wl[i].clslen;
		s->bl[i].page = s->wl[i].start;
		s->bl[i].nostart = s->wl[i].nostart || (s->dec.m != NULL &&
		    i >= s->scan);
	}
	upto = nu_boiler_classify(s->b, s->bl, s->nwl, NU_BOIL_TITLED |
	    NU_BOIL_SPLIT | (s->dec.m != NULL ? NU_BOIL_MODEL : 0) |
	    (s->o->no_meta ? NU_BOIL_NO_META : 0));
	/*
	 * A last page that fills half the window would be classified again
	 * for every line that follows: flush it too.
	 */
	if (all || upto == 0 || s->nwl - upto > WIN_LINES / 2 ||
	    s->win.len - s->wl[upto].raw > WIN_BYTES / 2)
		upto = s->nwl;
	if (s->o->roles || s->o->number) {
		for (i = 0; i < upto; i++)
			if (s->o->roles || s->bl[i].keep != s->o->invert)
				put_line(s, path, &s->wl[i], &s->bl[i]);
	} else
		put_lines(s, upto);
	nu_check_output();
	nu_progress_update(s->bytes, s->lines);
	if (upto == s->nwl) {
		/* (lines the model had not decided are printed: it goes on
		   with the next line) */
		s->nwl = s->scan = s->look = 0;
		nu_buf_reset(&s->win);
		return;
	}
	base = s->wl[upto].raw;
	nb = s->win.len - base;
	memmove(s->win.p, s->win.p + base, nb);
	s->win.len = nb;
	memmove(s->wl, s->wl + upto, (s->nwl - upto) * sizeof(*s->wl));
	s->nwl -= upto;
	s->scan -= upto;
	if (s->look > 0)
		s->look -= upto;
	for (i = 0; i < s->nwl; i++) {
		s->wl[i].raw -= base;
		s->wl[i].cls -= base;
	}
}

static void
usage(FILE *f)
{
	fprintf(f,
	    "Usage: %s [OPTION]... [FILE]...\n"
	    "Print the article lines of news pages (title, paragraphs, captions),\n"
	    "dropping boilerplate; or clean the body of split-article records.\n"
	    "With no FILE, or when FILE is -, read standard input.\n"
	    "\n"
	    "  -v, --invert          print the lines that would be dropped\n"
	    "  -n, --line-number     prefix lines with their line number\n"
	    "      --roles           print ROLE<TAB>LINE for every line\n"
	    "      --no-meta         drop datelines, bylines and source URLs too\n"
	    "      --records         input is JSON Lines records\n"
	    "      --text            input is page text\n"
	    "                        (default: records when most of the first\n"
	    "                        lines look like JSON objects)\n"
	    "      --lang=LANG       vi, en or auto (default auto)\n"
	    "      --lexicon-dir=DIR add the lexicons in DIR to the built-in ones\n"
	    "      --model=FILE      the line-role model to use (newsutils-train)\n"
	    "      --no-model        the rules alone, no line-role model\n"
	    "      --page-model[=FILE] find where pages start in a stream with\n"
	    "                        split-article's page-start model (FILE from\n"
	    "                        newsutils-train -t page-start); the page rules\n"
	    "                        keep a say unless it is sure they err: slower\n"
	    "  -o, --output=FILE     write FILE atomically instead of standard output\n"
	    "      --strict          invalid UTF-8 or NUL in the input is an error\n"
	    "      --progress        show bytes, lines and MB/s on standard error\n"
	    "      --help            show this help and exit\n"
	    "      --version         show version and exit\n"
	    "\n"
	    "Example: split-article pages/*.txt | strip-boilerplate | to-tsv -f title,body\n"
	    "Exit status: 0 ok, 1 some input bad (reported), 2 usage or I/O error.\n",
	    nu_progname());
}

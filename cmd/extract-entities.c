/*
 * extract-entities: add named entities and normalised dates, money and
 * the like to JSON Lines records, or list them for plain text.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_tag.h"
#include "nu_input.h"
#include "nu_json.h"
#include "nu_lexicon.h"
#include "nu_mode.h"
#include "nu_record.h"
#include "nu_task.h"
#include "nu_utf8.h"

enum { MODE_AUTO, MODE_TEXT, MODE_RECORDS };

struct opts {
	unsigned	 types;
	int		 lang, mode, keep_bad, strict, unbuffered, progress;
	int		 no_model;
	const char	*output, *date, *lexdir, *model;
};

struct state {
	const struct opts	*o;
	struct nu_ent_ctx	*ctx;
	struct nu_entlist	 ents;
	struct nu_jdoc		 doc;
	struct nu_recin		 in;
	struct nu_peek		 peek;
	struct nu_buf		 out, field, date, name;
	uint64_t		 bytes, records;
};

static int	parse_opts(struct opts *, int, char *[]);
static int	valid_date(const char *);
static int	run(struct state *, const char *);
static int	record(struct state *, const char *, uint64_t, const char *,
		    size_t, int);
static void	emit(struct state *, const char *, size_t);
static void	text_line(struct state *, uint64_t, const char *, size_t);
static void	usage(FILE *);

int
main(int argc, char *argv[])
{
	struct opts o;
	struct state s;
	int i, st = NU_EXIT_OK;

	nu_cli_init(argv[0]);
	i = parse_opts(&o, argc, argv);
	memset(&s, 0, sizeof(s));
	s.o = &o;
	s.ctx = nu_ent_new(o.types, o.lang);
	if (!o.no_model) {
		char err[256];

		/* the built-in models, each loaded when its language first
		 * comes; --model replaces those of its languages */
		nu_ent_set_model(s.ctx, NULL, err, sizeof(err));
		if (o.model != NULL && nu_ent_set_model(s.ctx,
		    nu_task_model("entity", o.model), err, sizeof(err)) < 0)
			nu_usage_error("--model %s: %s", o.model, err);
	}
	if (o.lexdir != NULL)
		nu_ent_preload(s.ctx);	/* a bad file stops us before output */
	if (o.output != NULL)
		nu_output_to(o.output);
	nu_progress_start(o.progress, nu_inputs_size(argv + i, argc - i));
	if (i == argc)
		st = run(&s, "-");
	for (; i < argc; i++)
		st = nu_exit_worst(st, run(&s, argv[i]));
	nu_progress_end();
	nu_ent_free(s.ctx);
	nu_entlist_free(&s.ents);
	nu_json_free(&s.doc);
	nu_recin_free(&s.in);
	nu_peek_free(&s.peek);
	nu_buf_free(&s.out);
	nu_buf_free(&s.field);
	nu_buf_free(&s.date);
	nu_buf_free(&s.name);
	return nu_cli_finish(st);
}

static int
parse_opts(struct opts *o, int argc, char *argv[])
{
	enum { O_TYPES = 256, O_LANG, O_TEXT, O_RECORDS, O_KEEPBAD, O_LEXDIR,
	    O_DATE, O_STRICT, O_PROGRESS, O_HELP, O_VERSION, O_MODEL,
	    O_NOMODEL };
	static const struct option longopts[] = {
		{ "types", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, O_LANG },
		{ "text", no_argument, NULL, O_TEXT },
		{ "records", no_argument, NULL, O_RECORDS },
		{ "keep-bad", no_argument, NULL, O_KEEPBAD },
		{ "lexicon-dir", required_argument, NULL, O_LEXDIR },
		{ "date", required_argument, NULL, O_DATE },
		{ "strict", no_argument, NULL, O_STRICT },
		{ "model", required_argument, NULL, O_MODEL },
		{ "no-model", no_argument, NULL, O_NOMODEL },
		{ "output", required_argument, NULL, 'o' },
		{ "unbuffered", no_argument, NULL, 'u' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, O_HELP },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *bad;
	int c;

	memset(o, 0, sizeof(*o));
	o->types = NU_ENT_ALL;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:o:u", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (nu_ent_parse_types(optarg, &o->types, &bad) < 0)
				nu_usage_error("--types: unknown type '%.*s' "
				    "(known: person, place, organisation, "
				    "position, date, time, money, percent, url, "
				    "email, phone)", (int)strcspn(bad, ","), bad);
			break;
		case O_LANG:
			if (strcmp(optarg, "vi") == 0)
				o->lang = NU_LANG_VI;
			else if (strcmp(optarg, "en") == 0)
				o->lang = NU_LANG_EN;
			else if (strcmp(optarg, "auto") == 0)
				o->lang = NU_LANG_AUTO;
			else
				nu_usage_error("--lang: '%s' is not vi, en or "
				    "auto", optarg);
			break;
		case O_TEXT: o->mode = MODE_TEXT; break;
		case O_RECORDS: o->mode = MODE_RECORDS; break;
		case O_KEEPBAD: o->keep_bad = 1; break;
		case O_LEXDIR:
			nu_lexicon_set_dir(optarg);
			o->lexdir = optarg;
			break;
		case O_DATE: o->date = optarg; break;
		case O_STRICT: o->strict = 1; break;
		case O_MODEL: o->model = optarg; break;
		case O_NOMODEL: o->no_model = 1; break;
		case 'o': o->output = optarg; break;
		case 'u': o->unbuffered = 1; break;
		case O_PROGRESS: o->progress = 1; break;
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
	if (o->model != NULL && o->no_model)
		nu_usage_error("--model and --no-model exclude each other");
	if (o->date != NULL && !valid_date(o->date))
		nu_usage_error("--date: '%s' is not a date like 2024-03-05 "
		    "(or 2024-03, 2024)", o->date);
	return optind;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a day that exists. */
static int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, leap;
	size_t n = strlen(s);

	if (strspn(s, "0123456789-") != n || (n != 4 && n != 7 && n != 10) ||
	    strspn(s, "0123456789") != 4)
		return 0;
	y = atoi(s);
	if (n == 4)
		return 1;
	if (s[4] != '-' || strspn(s + 5, "0123456789") != 2)
		return 0;
	m = atoi(s + 5);
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	if (s[7] != '-' || strspn(s + 8, "0123456789") != 2)
		return 0;
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d >= 1 && d <= (m == 2 && !leap ? 28 : mdays[m - 1]);
}

static int
run(struct state *s, const char *path)
{
	struct nu_input *in;
	struct nu_line ln;
	const char *p;
	size_t n;
	int st = NU_EXIT_OK, mode = s->o->mode, rc, fixes;

	if ((in = nu_input_open(path)) == NULL)
		return NU_EXIT_TROUBLE;
	nu_ent_forget(s->ctx);
	nu_recin_begin(&s->in, path);
	if (mode == MODE_AUTO)	/* on several lines' evidence: nu_mode.h */
		mode = nu_peek_mode(&s->peek, in) == NU_MODE_RECORDS ?
		    MODE_RECORDS : MODE_TEXT;
	while ((rc = nu_peek_line(&s->peek, in, &ln)) > 0) {
		fixes = nu_input_clean(in, &ln, &p, &n);
		if (mode == MODE_RECORDS)
			st = nu_exit_worst(st, record(s, path, ln.lineno, p, n,
			    fixes));
		else
			text_line(s, ln.lineno, p, n);
		if (s->out.len > 0) {
			fwrite(s->out.p, 1, s->out.len, stdout);
			nu_buf_reset(&s->out);
			if (s->o->unbuffered)
				fflush(stdout);
		}
		nu_check_output();
		nu_progress_update(s->bytes + in->bytes, s->records);
	}
	nu_recin_end(&s->in);
	nu_peek_end(&s->peek, path);
	s->bytes += in->bytes;
	nu_progress_update(s->bytes, s->records);	/* the final line's */
	if (rc < 0)
		st = NU_EXIT_TROUBLE;
	return nu_exit_worst(st, nu_input_close(in, s->o->strict));
}

/*
 * Output goes out in pieces of at most OUT_MAX bytes, so a record with a
 * 100 MB body is not held a second time (nor its entities at all).
 */
#define OUT_MAX		(1u << 20)

static void
emit(struct state *s, const char *p, size_t n)
{
	if (s->out.len + n <= OUT_MAX) {
		nu_buf_add(&s->out, p, n);
		return;
	}
	fwrite(s->out.p, 1, s->out.len, stdout);
	nu_buf_reset(&s->out);
	fwrite(p, 1, n, stdout);
	nu_check_output();
}

static void
emit_pending(struct state *s)
{
	if (s->out.len > OUT_MAX)
		emit(s, "", 0);
}

/*
 * Text is given to the extractor a piece of at most CHUNK bytes at a time:
 * its working memory (tokens, candidates: some 20 bytes for each byte of
 * text) then stays bounded whatever the length of a field or line.  A
 * piece ends after a line break when one is near (entities never cross
 * one), else after a sentence (". " after a lowercase or non-ASCII
 * letter, so "TP. Hồ Chí Minh" stays whole), else at a space.
 */
#define CHUNK		(1u << 20)

static size_t
chunk_end(const char *p, size_t off, size_t n)
{
	size_t lim = off + CHUNK, k;

	if (n - off <= CHUNK)
		return n;
	for (k = lim; k > off + CHUNK / 2; k--)
		if (p[k - 1] == '\n')
			return k;
	for (k = lim; k > off + CHUNK / 2; k--)
		if (p[k - 1] == ' ' && k >= off + 3 && (p[k - 2] == '.' ||
		    p[k - 2] == '?' || p[k - 2] == '!') &&
		    ((p[k - 3] >= 'a' && p[k - 3] <= 'z') ||
		    (unsigned char)p[k - 3] >= 0x80))
			return k;
	for (k = lim; k > off + CHUNK / 2; k--)
		if (p[k - 1] == ' ')
			return k;
	for (k = lim; k > off && ((unsigned char)p[k] & 0xC0) == 0x80; k--)
		;
	return k;
}

/* Entities of p[0..n), a field (name) or a text line (lineno). */
static void
entities(struct state *s, const char *p, size_t n, const char *refdate,
    const char *name, uint64_t lineno, int *first)
{
	size_t off = 0, end, cps = 0, k;
	struct nu_entity *e;

	do {
		end = chunk_end(p, off, n);
		nu_ent_extract(s->ctx, p + off, end - off, refdate, &s->ents);
		for (k = 0; k < s->ents.n; k++) {
			e = &s->ents.v[k];
			e->start += cps;
			e->end += cps;
			if (first != NULL && !*first)
				nu_buf_addc(&s->out, ',');
			if (first != NULL)
				*first = 0;
			nu_ent_write(&s->ents, e, p + off, name, lineno,
			    &s->out);
			if (first == NULL)
				nu_buf_addc(&s->out, '\n');
		}
		emit_pending(s);
		if (end < n)
			cps += nu_utf8_count(p + off, end - off);
		off = end;
	} while (off < n);
}

static void
text_line(struct state *s, uint64_t lineno, const char *p, size_t n)
{
	entities(s, p, n, s->o->date, NULL, lineno, NULL);
	s->records++;
}

/* Entities of string node i, written as field name. */
static void
field(struct state *s, size_t i, const char *name, const char *refdate,
    int *first)
{
	nu_buf_reset(&s->field);
	nu_json_str(&s->doc, i, &s->field);
	entities(s, s->field.p, s->field.len, refdate, name, 0, first);
}

static int
record(struct state *s, const char *path, uint64_t lineno, const char *p,
    size_t n, int fixes)
{
	struct nu_jdoc *d = &s->doc;
	const char *refdate = s->o->date, *terr = NULL;
	size_t i, k, img, cap, warn;
	int first = 1, ents_first = 1, idx, need_warn;

	if (strspn(p, " \t") == n)
		return NU_EXIT_OK;
	nu_recin_text(&s->in, p, n, fixes, &p, &n);
	if (nu_json_parse(d, p, n) < 0 || d->nodes[0].type != NU_JOBJ) {
		if (d->nodes != NULL && d->err_msg == NULL)
			nu_warn_at(path, lineno, "not a JSON object, record "
			    "skipped");
		else
			nu_warn("%s:%llu:%zu: %s, record skipped", path,
			    (unsigned long long)lineno, d->err_col, d->err_msg);
		if (s->o->keep_bad) {
			nu_buf_add(&s->out, p, n);
			nu_buf_addc(&s->out, '\n');
		}
		return NU_EXIT_DATA;
	}
	nu_recin_check(&s->in, d, lineno);
	warn = nu_json_get(d, 0, "warnings");
	need_warn = nu_rec_has_warning(fixes);
	if (need_warn && (terr = nu_rec_type_error(d, warn, "warnings",
	    NU_JARR)) != NULL) {
		/* the repair is on stderr; the member stays as it was */
		nu_warn_at(path, lineno, "%s, the repair is not recorded",
		    terr);
		need_warn = 0;
	}
	nu_ent_forget(s->ctx);
	if ((i = nu_json_get(d, 0, "date")) != 0 && d->nodes[i].type == NU_JSTR) {
		nu_buf_reset(&s->date);
		nu_json_str(d, i, &s->date);
		if (s->date.len >= 4 && strspn(s->date.p, "0123456789") >= 4)
			refdate = s->date.p;
	}
	nu_buf_addc(&s->out, '{');
	for (i = d->nodes[0].child; i != 0; i = d->nodes[i].next) {
		if (nu_json_key_is(d, i, "entities") ||
		    (need_warn && i == warn))
			continue;
		if (!first)
			nu_buf_addc(&s->out, ',');
		first = 0;
		emit(s, p + d->nodes[i].key_start,
		    d->nodes[i].end - d->nodes[i].key_start);
	}
	if (!first)
		nu_buf_addc(&s->out, ',');
	nu_buf_adds(&s->out, "\"entities\":[");
	if ((i = nu_json_get(d, 0, "title")) != 0 && d->nodes[i].type == NU_JSTR)
		field(s, i, "title", refdate, &ents_first);
	if ((i = nu_json_get(d, 0, "body")) != 0 && d->nodes[i].type == NU_JSTR)
		field(s, i, "body", refdate, &ents_first);
	if ((img = nu_json_get(d, 0, "images")) != 0 &&
	    d->nodes[img].type == NU_JARR) {
		idx = 0;
		for (k = d->nodes[img].child; k != 0; k = d->nodes[k].next,
		    idx++) {
			if (d->nodes[k].type != NU_JOBJ ||
			    (cap = nu_json_get(d, k, "caption")) == 0 ||
			    d->nodes[cap].type != NU_JSTR)
				continue;
			nu_buf_reset(&s->name);
			nu_buf_printf(&s->name, "images[%d].caption", idx);
			field(s, cap, s->name.p, refdate, &ents_first);
		}
	}
	nu_buf_addc(&s->out, ']');
	if (need_warn) {
		nu_buf_adds(&s->out, ",\"warnings\":[");
		nu_rec_warnings(&s->out, d, warn, lineno, fixes);
		nu_buf_addc(&s->out, ']');
	}
	nu_buf_adds(&s->out, "}\n");
	s->records++;
	return terr != NULL ? NU_EXIT_DATA : NU_EXIT_OK;
}

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: %s [OPTION]... [FILE]...\n"
"Find people, positions, places, organisations, dates, times, money,\n"
"percentages, URLs, e-mail addresses and phone numbers.  Records (JSON\n"
"Lines) get an \"entities\" array; plain text gives one entity per line.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -t, --types=LIST        entity types to find, e.g. person,place,date\n"
"                          (default: all)\n"
"      --lang=LANG         vi, en or auto (default: auto, per field)\n"
"      --text              read plain text, whatever it looks like\n"
"      --records           read JSON Lines records\n"
"      --date=DATE         year for dates that give none (records: their\n"
"                          \"date\" key wins)\n"
"      --keep-bad          pass lines that are not JSON objects through\n"
"      --lexicon-dir=DIR   add the entries of DIR/NAME.txt to the lexicons\n"
"      --model=FILE        tag people, places and organisations with this\n"
"                          model (newsutils-train -t entity) instead of\n"
"                          the built-in one\n"
"      --no-model          find them by the rules alone\n"
"      --strict            invalid UTF-8 or NUL bytes are errors (exit 1)\n"
"  -o, --output=FILE       write FILE atomically instead of standard output\n"
"  -u, --unbuffered        flush after every record\n"
"      --progress          show bytes, records and MB/s on standard error\n"
"      --help              show this help and exit\n"
"      --version           show version and exit\n"
"\n"
"Example: split-article pages/*.txt | strip-boilerplate | extract-entities\n"
"Exit status: 0 ok, 1 some input bad (reported), 2 usage or I/O error.\n",
	    nu_progname());
}

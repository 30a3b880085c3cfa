/*
 * to-tsv: JSON Lines (any objects) to TSV or CSV with a header row.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_input.h"
#include "nu_json.h"
#include "nu_record.h"
#include "nu_tsv.h"

struct opts {
	const char	*fields, *explode, *null, *output;
	int		 all_keys, no_header, csv, unbuffered, progress;
};

struct col {
	char		*name;		/* header text */
	struct nu_jpath	 path;
	size_t		 top;		/* slot of the first key */
	const struct nu_jseg *rel;	/* in --explode: the path after the
					   exploded field, else NULL */
	size_t		 nrel;
	int		 relmulti;
};

struct tsv {
	const struct opts *o;
	struct col	*col;
	size_t		 ncol;
	int		 have_cols;	/* columns fixed (-f, or a first record) */
	struct nu_keymap top;		/* first keys -> slot */
	size_t		 ntop;
	size_t		*slot;		/* per record: member node per slot */
	struct nu_jpath	 ex;		/* --explode field */
	size_t		 ex_top;
	struct nu_jdoc	 doc;
	struct nu_recin	 in;
	struct nu_buf	 row, cell, key;
	struct nu_jvals	 vals;
	int		 header_done, warned_new;
	uint64_t	 records, bytes;
	size_t		 nuls;
};

static int	parse_opts(struct opts *, int, char *[]);
static void	setup(struct tsv *, const struct opts *);
static void	teardown(struct tsv *);
static void	header(struct tsv *);
static int	run(struct tsv *, const char *, const char *);
static int	prescan(struct tsv *, char **, int, int *, char **);
static int	handle(struct tsv *, const char *, const struct nu_line *);
static void	add_col(struct tsv *, const char *, const struct nu_jpath *);
static int	is_record(const struct nu_jdoc *);
static void	add_record_cols(struct tsv *);
static void	record_order(struct tsv *);
static void	render(struct tsv *, size_t);
static void	usage(FILE *);

int
main(int argc, char *argv[])
{
	struct opts o;
	struct tsv t;
	char *stdin_copy = NULL;
	int i, j, st = NU_EXIT_OK, *skip;

	nu_cli_init(argv[0]);
	i = parse_opts(&o, argc, argv);
	setup(&t, &o);
	if (o.output != NULL)
		nu_output_to(o.output);
	nu_progress_start(o.progress, nu_inputs_size(argv + i, argc - i));
	skip = calloc((size_t)(argc - i) + 1, sizeof(*skip));
	if (skip == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	if (o.all_keys)
		st = prescan(&t, argv + i, argc - i, skip, &stdin_copy);
	for (j = 0; j < (i == argc ? 1 : argc - i); j++) {
		const char *path = i == argc ? "-" : argv[i + j];

		if (skip[j])
			continue;
		if (strcmp(path, "-") == 0 && stdin_copy != NULL)
			st = nu_exit_worst(st, run(&t, stdin_copy, "-"));
		else
			st = nu_exit_worst(st, run(&t, path, path));
	}
	if (stdin_copy != NULL) {
		unlink(stdin_copy);
		free(stdin_copy);
	}
	free(skip);
	/* with -f the columns are known: an empty input still gets its
	   header, so a loader sees a table with no rows, not no table */
	if (o.fields != NULL && !t.header_done)
		header(&t);
	teardown(&t);
	nu_progress_end();
	return nu_cli_finish(st);
}

static int
parse_opts(struct opts *o, int argc, char *argv[])
{
	enum { O_ALL = 256, O_EXPLODE, O_NULL, O_NOHDR, O_CSV, O_PROGRESS,
	    O_HELP, O_VERSION };
	static const struct option longopts[] = {
		{ "fields", required_argument, NULL, 'f' },
		{ "all-keys", no_argument, NULL, O_ALL },
		{ "explode", required_argument, NULL, O_EXPLODE },
		{ "null", required_argument, NULL, O_NULL },
		{ "no-header", no_argument, NULL, O_NOHDR },
		{ "csv", no_argument, NULL, O_CSV },
		{ "output", required_argument, NULL, 'o' },
		{ "unbuffered", no_argument, NULL, 'u' },
		{ "progress", no_argument, NULL, O_PROGRESS },
		{ "help", no_argument, NULL, O_HELP },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->null = "";
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:u", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': o->fields = optarg; break;
		case 'o': o->output = optarg; break;
		case 'u': o->unbuffered = 1; break;
		case O_ALL: o->all_keys = 1; break;
		case O_EXPLODE: o->explode = optarg; break;
		case O_NULL: o->null = optarg; break;
		case O_NOHDR: o->no_header = 1; break;
		case O_CSV: o->csv = 1; break;
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
	if (o->fields != NULL && o->all_keys)
		nu_usage_error("--all-keys and -f cannot be used together");
	if (o->fields != NULL && *o->fields == '\0')
		nu_usage_error("-f: empty list of fields");
	return optind;
}

/* Compile -f and --explode (usage errors before any input is read). */
static void
setup(struct tsv *t, const struct opts *o)
{
	struct nu_jpath p;
	struct nu_buf one = { 0 };
	const char *s, *err;

	memset(t, 0, sizeof(*t));
	t->o = o;
	if (o->explode != NULL) {
		if (nu_jpath_parse(&t->ex, o->explode, &err) < 0)
			nu_usage_error("--explode: '%s': %s", o->explode, err);
		if (t->ex.seg[t->ex.nseg - 1].sel == NU_SEL_ALL)
			t->ex.seg[t->ex.nseg - 1].sel = NU_SEL_NONE;
		t->ex_top = nu_keymap_put(&t->top, t->ex.seg[0].key,
		    strlen(t->ex.seg[0].key), t->ntop);
		if (t->ex_top == t->ntop)
			t->ntop++;
	}
	if (o->fields == NULL)
		return;
	for (s = o->fields; ; s++) {
		/* a comma ends a path unless escaped with a backslash */
		if (*s == '\\' && s[1] != '\0') {
			nu_buf_addc(&one, *s++);
			nu_buf_addc(&one, *s);
			continue;
		}
		if (*s != ',' && *s != '\0') {
			nu_buf_addc(&one, *s);
			continue;
		}
		nu_buf_addc(&one, '\0');
		if (nu_jpath_parse(&p, one.p, &err) < 0)
			nu_usage_error("-f: '%s': %s", one.p, err);
		add_col(t, one.p, &p);
		nu_buf_reset(&one);
		if (*s == '\0')
			break;
	}
	nu_buf_free(&one);
	t->have_cols = 1;
}

/* Free what setup and the records built (leak checkers stay quiet). */
static void
teardown(struct tsv *t)
{
	size_t i;

	nu_recin_free(&t->in);
	for (i = 0; i < t->ncol; i++) {
		free(t->col[i].name);
		nu_jpath_free(&t->col[i].path);
	}
	free(t->col);
	if (t->o->explode != NULL)
		nu_jpath_free(&t->ex);
	nu_keymap_free(&t->top);
	free(t->slot);
	free(t->vals.v);
	nu_json_free(&t->doc);
	nu_buf_free(&t->row);
	nu_buf_free(&t->cell);
	nu_buf_free(&t->key);
}

/* Add a column; path is taken over.  name is the header text. */
static void
add_col(struct tsv *t, const char *name, const struct nu_jpath *p)
{
	struct col *c;
	const struct nu_jpath *e = &t->ex;
	size_t k;

	t->col = nu_ereallocarray(t->col, t->ncol + 1, sizeof(*t->col));
	c = &t->col[t->ncol++];
	memset(c, 0, sizeof(*c));
	c->name = nu_estrdup(name);
	c->path = *p;
	c->top = nu_keymap_put(&t->top, p->seg[0].key, strlen(p->seg[0].key),
	    t->ntop);
	if (c->top == t->ntop)
		t->ntop++;
	t->slot = nu_ereallocarray(t->slot, t->ntop, sizeof(*t->slot));
	if (e->nseg == 0 || p->nseg < e->nseg)
		return;
	/* relative to the exploded element: same keys, same selectors */
	for (k = 0; k < e->nseg; k++)
		if (strcmp(p->seg[k].key, e->seg[k].key) != 0 ||
		    (p->seg[k].sel != e->seg[k].sel &&
		    !(k == e->nseg - 1 && p->seg[k].sel == NU_SEL_ALL)))
			return;
	c->rel = p->seg + e->nseg;
	c->nrel = p->nseg - e->nseg;
	for (k = 0; k < c->nrel; k++)
		if (c->rel[k].sel == NU_SEL_ALL || c->rel[k].sel == NU_SEL_MATCH)
			c->relmulti = 1;
}

/* A top-level key as a default column (a literal key, not a path). */
static void
add_key_col(struct tsv *t, const char *k, size_t n)
{
	struct nu_jpath p;

	memset(&p, 0, sizeof(p));
	p.seg = nu_ereallocarray(NULL, 1, sizeof(*p.seg));
	memset(p.seg, 0, sizeof(*p.seg));
	p.seg[0].key = nu_emalloc(n + 1);
	memcpy(p.seg[0].key, k, n);
	p.seg[0].key[n] = '\0';
	p.nseg = 1;
	add_col(t, p.seg[0].key, &p);
}

/* The decoded key of member m in t->key. */
static void
member_key(struct tsv *t, size_t m)
{
	nu_buf_reset(&t->key);
	nu_json_key(&t->doc, m, &t->key);
	nu_buf_addc(&t->key, '\0');
	t->key.len--;
}

/*
 * --all-keys: read everything once to collect the top-level keys in
 * first-seen order.  Standard input is copied to a temporary file for the
 * second pass.  Unreadable files are reported here and skipped later.
 */
static int
prescan(struct tsv *t, char **files, int n, int *skip, char **copy)
{
	struct nu_input *in;
	struct nu_line ln;
	FILE *fp = NULL;
	const char *tmpdir;
	int i, fd, st = NU_EXIT_OK;
	size_t m;
	int first = 1, ours = 0;

	for (i = 0; i < (n ? n : 1); i++) {
		const char *path = n ? files[i] : "-";

		if (strcmp(path, "-") == 0 && fp == NULL && *copy == NULL) {
			tmpdir = getenv("TMPDIR");
			*copy = nu_emalloc(strlen(tmpdir ? tmpdir : "/tmp") + 32);
			sprintf(*copy, "%s/to-tsv.XXXXXX",
			    tmpdir && *tmpdir ? tmpdir : "/tmp");
			if ((fd = mkstemp(*copy)) < 0 ||
			    (fp = fdopen(fd, "w")) == NULL)
				nu_die(NU_EXIT_TROUBLE, "%s:", *copy);
		} else if (strcmp(path, "-") == 0) {
			continue;
		}
		if ((in = nu_input_open(path)) == NULL) {
			skip[i] = 1;
			st = NU_EXIT_TROUBLE;
			continue;
		}
		while (nu_input_line(in, &ln) > 0) {
			if (strcmp(path, "-") == 0 &&
			    (fwrite(ln.p, 1, ln.len, fp) != ln.len ||
			    (ln.has_nl && putc('\n', fp) == EOF)))
				nu_die(NU_EXIT_TROUBLE, "%s:", *copy);
			nu_input_clean(in, &ln, &ln.p, &ln.len);
			if (nu_json_parse(&t->doc, ln.p, ln.len) < 0 ||
			    t->doc.nodes[0].type != NU_JOBJ)
				continue;
			if (first)
				ours = is_record(&t->doc);
			first = 0;
			for (m = t->doc.nodes[0].child; m; m = t->doc.nodes[m].next) {
				member_key(t, m);
				if (nu_keymap_get(&t->top, t->key.p, t->key.len) ==
				    NU_KEYMAP_NONE)
					add_key_col(t, t->key.p, t->key.len);
			}
		}
		in->ninvalid = in->nnul = 0;	/* reported by the second pass */
		if (nu_input_close(in, 0) == NU_EXIT_TROUBLE)
			st = NU_EXIT_TROUBLE;
	}
	if (fp != NULL && fclose(fp) == EOF)
		nu_die(NU_EXIT_TROUBLE, "%s:", *copy);
	if (ours)
		record_order(t);
	t->have_cols = 1;
	return st;
}

/*
 * newsutils records (design.md) get the record keys as default columns,
 * all of them and in the record order, whatever the first record holds:
 * split-article leaves out the keys a page lacks, so the first record's
 * keys dropped a later record's author or time (issue 16), and a fixed
 * header is the same for every block of a parallel run.  Other keys follow
 * in first-seen order.
 */
static const char *const rec_keys[] = {
	"id", "source", "line", "title", "date", "time", "dateline", "author",
	"agency", "url", "body", "images", "related", "boilerplate",
	"entities", "warnings"
};
#define NREC_KEYS	(sizeof(rec_keys) / sizeof(rec_keys[0]))

/*
 * A newsutils record opens with "id" (16 hex digits), "source" (a string)
 * and "line" (a number), as every program writes it; an object that does
 * not (a jq projection, anyone's JSON) keeps the first-seen rule.
 */
static int
is_record(const struct nu_jdoc *d)
{
	static const char *const head[] = { "id", "source", "line" };
	static const enum nu_jtype type[] = { NU_JSTR, NU_JSTR, NU_JNUM };
	const struct nu_jnode *nd;
	size_t m = d->nodes[0].child, k;

	for (k = 0; k < 3; k++, m = nd->next) {
		if (m == 0)
			return 0;
		nd = &d->nodes[m];
		if (nd->type != type[k] || !nu_json_key_is(d, m, head[k]))
			return 0;
	}
	nd = &d->nodes[d->nodes[0].child];
	if (nd->end - nd->start != 18)
		return 0;
	for (k = nd->start + 1; k < nd->end - 1; k++)
		if (strchr("0123456789abcdef", d->text[k]) == NULL)
			return 0;
	return 1;
}

/* The record keys as columns (an --explode field already has its slot). */
static void
add_record_cols(struct tsv *t)
{
	size_t k, n;

	for (k = 0; k < NREC_KEYS; k++) {
		n = strlen(rec_keys[k]);
		if (nu_keymap_get(&t->top, rec_keys[k], n) == NU_KEYMAP_NONE)
			add_key_col(t, rec_keys[k], n);
	}
}

/* Rank of a default column: its place among the record keys, or after. */
static size_t
rec_rank(const struct col *c)
{
	size_t k;

	for (k = 0; k < NREC_KEYS; k++)
		if (strcmp(c->name, rec_keys[k]) == 0)
			return k;
	return NREC_KEYS;
}

/*
 * --all-keys on records: the keys seen, record keys first in the record
 * order, then the others as first seen (a stable insertion sort; the
 * columns keep their slots).
 */
static void
record_order(struct tsv *t)
{
	struct col c;
	size_t i, j;

	for (i = 1; i < t->ncol; i++) {
		c = t->col[i];
		for (j = i; j > 0 && rec_rank(&t->col[j - 1]) > rec_rank(&c); j--)
			t->col[j] = t->col[j - 1];
		t->col[j] = c;
	}
}

static int
run(struct tsv *t, const char *path, const char *name)
{
	struct nu_input *in;
	struct nu_line ln;
	int st = NU_EXIT_OK;
	uint64_t first_nul = 0;
	size_t nuls0 = t->nuls;
	int fixes;

	if ((in = nu_input_open(path)) == NULL)
		return NU_EXIT_TROUBLE;
	in->name = name;	/* the stdin copy of --all-keys is still "-" */
	nu_recin_begin(&t->in, name);
	while (nu_input_line(in, &ln) > 0) {
		size_t before = t->nuls;

		/* repaired as every program repairs (invalid UTF-8, NUL),
		   reported at the end of the input, never skipped; NFC */
		fixes = nu_input_clean(in, &ln, &ln.p, &ln.len);
		nu_recin_text(&t->in, ln.p, ln.len, fixes, &ln.p, &ln.len);
		st = nu_exit_worst(st, handle(t, in->name, &ln));
		if (t->nuls != before && first_nul == 0)
			first_nul = ln.lineno;
		if ((++t->records & 4095) == 0)
			nu_progress_update(t->bytes + in->bytes, t->records);
	}
	t->bytes += in->bytes;
	nu_progress_update(t->bytes, t->records);	/* the final line's */
	nu_recin_end(&t->in);
	if (t->nuls > nuls0)
		nu_warn_at(in->name, first_nul,
		    "NUL character (\\u0000) in a string dropped "
		    "(%zu more in this input)", t->nuls - nuls0 - 1);
	return nu_exit_worst(st, nu_input_close(in, 0));
}

static void
header(struct tsv *t)
{
	size_t k;

	t->header_done = 1;
	if (t->o->no_header)
		return;
	nu_buf_reset(&t->row);
	for (k = 0; k < t->ncol; k++) {
		if (k > 0)
			nu_buf_addc(&t->row, t->o->csv ? ',' : '\t');
		if (t->o->csv)
			nu_csv_field(&t->row, t->col[k].name,
			    strlen(t->col[k].name));
		else
			nu_tsv_escape(&t->row, t->col[k].name,
			    strlen(t->col[k].name), NU_ESC_TSV, &t->nuls);
	}
	nu_buf_adds(&t->row, t->o->csv ? "\r\n" : "\n");
	fwrite(t->row.p, 1, t->row.len, stdout);
}

static int
handle(struct tsv *t, const char *name, const struct nu_line *ln)
{
	const struct nu_jnode *nd;
	const char *p = ln->p;
	size_t n = ln->len, off = 0, m, s, e, k;

	/* a BOM is encoding, not content; `cat a.jsonl b.jsonl` may put
	   one at the start of any line */
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	for (k = off; k < n && strchr(" \t\r", p[k]) != NULL; k++)
		;
	if (k == n)
		return NU_EXIT_OK;		/* blank line */
	if (p[k] != '{') {
		if (p[k] > 0x20 && p[k] < 0x7f)
			nu_warn("%s:%llu:%zu: not a JSON object (starts with "
			    "'%c'), line skipped", name,
			    (unsigned long long)ln->lineno, k + 1, p[k]);
		else
			nu_warn("%s:%llu:%zu: not a JSON object (starts with "
			    "byte 0x%02x), line skipped", name,
			    (unsigned long long)ln->lineno, k + 1,
			    (unsigned char)p[k]);
		return NU_EXIT_DATA;
	}
	if (nu_json_parse(&t->doc, p + off, n - off) < 0) {
		nu_warn("%s:%llu:%zu: %s, line skipped", name,
		    (unsigned long long)ln->lineno, t->doc.err_col + off,
		    t->doc.err_msg);
		return NU_EXIT_DATA;
	}
	if (!t->have_cols) {
		if (is_record(&t->doc))
			add_record_cols(t);
		for (m = t->doc.nodes[0].child; m; m = t->doc.nodes[m].next) {
			member_key(t, m);
			if (nu_keymap_get(&t->top, t->key.p, t->key.len) ==
			    NU_KEYMAP_NONE || (t->ex.nseg && t->ntop == 1 &&
			    t->ncol == 0 && strcmp(t->key.p, t->ex.seg[0].key) == 0))
				add_key_col(t, t->key.p, t->key.len);
		}
		t->have_cols = 1;
	}
	if (!t->header_done)
		header(t);
	/* one pass over the members fills the slots; of duplicate keys the
	   last one wins, as jq reads them (nu_record.h) */
	nu_recin_check(&t->in, &t->doc, ln->lineno);
	memset(t->slot, 0, t->ntop * sizeof(*t->slot));
	for (m = t->doc.nodes[0].child; m; m = t->doc.nodes[m].next) {
		nd = &t->doc.nodes[m];
		if (memchr(t->doc.text + nd->key_start + 1, '\\',
		    nd->key_end - nd->key_start - 2) == NULL)
			s = nu_keymap_get(&t->top, t->doc.text + nd->key_start + 1,
			    nd->key_end - nd->key_start - 2);
		else {
			member_key(t, m);
			s = nu_keymap_get(&t->top, t->key.p, t->key.len);
		}
		if (s != NU_KEYMAP_NONE) {
			t->slot[s] = m;
		} else if (s == NU_KEYMAP_NONE && !t->warned_new &&
		    t->o->fields == NULL) {
			member_key(t, m);
			nu_warn_at(name, ln->lineno, "new key '%s' not in the "
			    "header (use -f or --all-keys)", t->key.p);
			t->warned_new = 1;
		}
	}
	if (t->ex.nseg == 0) {
		render(t, 0);
	} else {
		t->vals.n = 0;
		nu_jpath_walk(&t->doc, t->ex.seg, t->ex.nseg, t->slot[t->ex_top],
		    &t->vals);
		if (t->vals.n == 1 && (e = t->vals.v[0]) != 0) {
			nd = &t->doc.nodes[e];
			if (nd->type != NU_JARR && nd->type != NU_JNULL)
				render(t, e);
			else if (nd->type == NU_JARR)
				for (e = nd->child; e; e = t->doc.nodes[e].next)
					render(t, e);
		}
	}
	if (t->o->unbuffered)
		fflush(stdout);
	nu_check_output();
	return NU_EXIT_OK;
}

/* Write one row; elem is the exploded element (0 when not exploding). */
static void
render(struct tsv *t, size_t elem)
{
	const struct opts *o = t->o;
	struct nu_buf *out;
	struct col *c;
	size_t k;
	int esc = o->csv ? NU_ESC_NONE : NU_ESC_TSV, multi, isnull;

	nu_buf_reset(&t->row);
	for (k = 0; k < t->ncol; k++) {
		c = &t->col[k];
		if (k > 0)
			nu_buf_addc(&t->row, o->csv ? ',' : '\t');
		t->vals.n = 0;
		t->vals.found = 0;
		if (c->rel != NULL && elem != 0) {
			nu_jpath_eval(&t->doc, c->rel, c->nrel, elem, &t->vals);
			multi = c->relmulti;
		} else {
			nu_jpath_walk(&t->doc, c->path.seg, c->path.nseg,
			    t->slot[c->top], &t->vals);
			multi = c->path.multi;
		}
		isnull = multi ? !t->vals.found : t->vals.n == 0 ||
		    t->doc.nodes[t->vals.v[0]].type == NU_JNULL;
		if (isnull) {
			nu_buf_adds(&t->row, o->null);
			continue;
		}
		out = o->csv ? &t->cell : &t->row;
		if (o->csv)
			nu_buf_reset(out);
		if (multi)
			nu_tsv_join(out, &t->doc, t->vals.v, t->vals.n, esc,
			    &t->nuls);
		else
			nu_tsv_value(out, &t->doc, t->vals.v[0], esc, o->null,
			    &t->nuls);
		if (o->csv)
			nu_csv_field(&t->row, out->p ? out->p : "", out->len);
	}
	nu_buf_adds(&t->row, o->csv ? "\r\n" : "\n");
	fwrite(t->row.p, 1, t->row.len, stdout);
}

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: to-tsv [-u] [-f LIST] [-o FILE] [--all-keys] [--csv] [--explode FIELD]\n"
"              [--no-header] [--null STR] [--progress] [FILE]...\n"
"Convert JSON Lines records (any JSON objects) to TSV with a header row.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -f, --fields=LIST     columns: comma-separated paths such as id,title,\n"
"                        images[].file,entities[type=person].text\n"
"                        (default: newsutils records: every record key\n"
"                        in the record order; other JSON: the first\n"
"                        record's top-level keys)\n"
"      --all-keys        columns: every top-level key of every record (reads\n"
"                        the input twice; standard input goes to a temp file)\n"
"      --explode=FIELD   one row per element of array FIELD; paths under FIELD\n"
"                        (FIELD.type, FIELD[].text) name the element's values\n"
"      --null=STR        write STR for null and absent values (default: empty;\n"
"                        --null '\\N' for PostgreSQL COPY)\n"
"      --no-header       no header row\n"
"      --csv             RFC 4180 CSV instead of TSV\n"
"  -o, --output=FILE     write FILE atomically instead of standard output\n"
"  -u, --unbuffered      flush after every record\n"
"      --progress        show bytes, records and MB/s on standard error\n"
"      --help            show this help and exit\n"
"      --version         show version and exit\n"
"\n"
"TSV cells escape backslash, tab, newline and CR as \\\\ \\t \\n \\r; arrays of\n"
"scalars are joined with '|' (a '|' or '\\' inside a value gets a backslash);\n"
"objects are compact JSON.\n"
"\n"
"Example: split-article pages/*.txt | to-tsv -f id,date,title > articles.tsv\n"
"Exit status: 0 ok, 1 some input bad (reported), 2 usage or I/O error.\n");
}

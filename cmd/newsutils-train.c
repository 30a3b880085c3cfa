/*
 * newsutils-train: learn a model for one of the newsutils decisions from
 * labelled JSON Lines (or pages labelled as strip-boilerplate --roles
 * prints them), or score a model on labelled data.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_input.h"
#include "nu_json.h"
#include "nu_learn.h"
#include "nu_task.h"

#define MAX_LABELS	256

struct opts {
	const char	*task, *output, *model, *dev, *labels;
	int		 epochs, eval, progress, passes, folds, runs;
	unsigned long	 seed;
	double		 prune;
	char		**meta;
	size_t		 nmeta;
};

/* Per-label counts for --eval and --dev. */
struct score {
	const struct nu_model	*m;
	size_t	 tp[MAX_LABELS], fp[MAX_LABELS], fn[MAX_LABELS];
	size_t	 items, right;
	size_t	*pred;
	size_t	 cap;
};

static void	usage(FILE *);
/* Which records a reading takes (--passes: folds by record group). */
struct folds {
	int	 want;		/* -1 all; else fold is, or is not, want */
	int	 only;		/* 1: only fold want; 0: all but it */
	int	 k;		/* folds */
};
static const struct folds ALL = { -1, 0, 0 };

static int	read_inputs(const struct nu_task *, char *[], int,
		    nu_emit_fn *, void *);
static int	read_folds(const struct nu_task *, char *[], int,
		    nu_emit_fn *, void *, const struct folds *);
static struct nu_model *learn(const struct nu_task *, const struct opts *,
		    char *[], int, const struct folds *, int, int *);
static struct nu_model *learn_passes(const struct nu_task *,
		    const struct opts *, char *[], int, int *);
static void	to_trainer(void *, const struct nu_feats *, const size_t *,
		    size_t);
static void	to_score(void *, const struct nu_feats *, const size_t *,
		    size_t);
static void	print_score(const struct score *, FILE *);
static void	list_tasks(void);
static void	parse_labels(struct nu_task *, const char *);
static double	parse_prune(const char *);
static time_t	train_time(void);
static void	free_labels(struct nu_task *, const struct nu_task *);

static const struct option longopts[] = {
	{ "task",	required_argument, NULL, 't' },
	{ "output",	required_argument, NULL, 'o' },
	{ "epochs",	required_argument, NULL, 'e' },
	{ "seed",	required_argument, NULL, 'S' },
	{ "runs",	required_argument, NULL, 'R' },
	{ "prune",	required_argument, NULL, 'p' },
	{ "labels",	required_argument, NULL, 'l' },
	{ "meta",	required_argument, NULL, 'M' },
	{ "dev",	required_argument, NULL, 'd' },
	{ "eval",	no_argument,	   NULL, 'E' },
	{ "model",	required_argument, NULL, 'm' },
	{ "list",	no_argument,	   NULL, 'L' },
	{ "progress",	no_argument,	   NULL, 'P' },
	{ "passes",	required_argument, NULL, 'A' },
	{ "folds",	required_argument, NULL, 'F' },
	{ "help",	no_argument,	   NULL, 'h' },
	{ "version",	no_argument,	   NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct opts o = { .epochs = 10, .seed = 1, .passes = 1, .folds = 4,
	    .runs = 1 };
	struct nu_task task;
	const struct nu_task *tp;
	struct nu_model *m;
	struct score sc;
	char err[256];
	int c, st;

	nu_cli_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:o:e:", longopts, NULL)) != -1) {
		switch (c) {
		case 't': o.task = optarg; break;
		case 'o': o.output = optarg; break;
		case 'e':
			o.epochs = (int)nu_parse_long("--epochs", optarg, 1,
			    1000);
			break;
		case 'S':
			o.seed = (unsigned long)nu_parse_long("--seed", optarg,
			    0, 2147483647);
			break;
		case 'R':
			o.runs = (int)nu_parse_long("--runs", optarg, 1, 100);
			break;
		case 'p':
			o.prune = parse_prune(optarg);
			break;
		case 'l': o.labels = optarg; break;
		case 'M':
			/* the model header holds "meta KEY VALUE\n": a key
			 * with a space or a newline anywhere would not read
			 * back as written */
			if (strchr(optarg, '=') == NULL || optarg[0] == '=' ||
			    strcspn(optarg, " \t\r=") < strcspn(optarg, "=") ||
			    strpbrk(optarg, "\n\r") != NULL)
				nu_usage_error("--meta: expects KEY=VALUE on "
				    "one line, KEY without spaces");
			if (o.nmeta == 1000)	/* the reader takes 1024 */
				nu_usage_error("--meta: more than 1000");
			o.meta = nu_ereallocarray(o.meta, o.nmeta + 1,
			    sizeof(*o.meta));
			o.meta[o.nmeta++] = optarg;
			break;
		case 'd': o.dev = optarg; break;
		case 'E': o.eval = 1; break;
		case 'm': o.model = optarg; break;
		case 'L': list_tasks(); return nu_cli_finish(NU_EXIT_OK);
		case 'P': o.progress = 1; break;
		case 'A':
			o.passes = (int)nu_parse_long("--passes", optarg, 1,
			    2);
			break;
		case 'F':
			o.folds = (int)nu_parse_long("--folds", optarg, 2,
			    10);
			break;
		case 'h': usage(stdout); return nu_cli_finish(NU_EXIT_OK);
		case 'V':
			nu_print_version();
			return nu_cli_finish(NU_EXIT_OK);
		default: nu_bad_option(c, argv);
		}
	}
	if (o.task == NULL)
		nu_usage_error("no --task given (--list shows them)");
	if ((tp = nu_task_find(o.task)) == NULL)
		nu_usage_error("--task: no task '%s' (--list shows them)",
		    o.task);
	task = *tp;
	if (o.labels != NULL)
		parse_labels(&task, o.labels);
	if (task.nlabels == 0)
		nu_usage_error("task %s needs --labels A,B,...", task.name);
	if (!o.eval && o.output == NULL)
		nu_usage_error("no -o MODEL to write (or --eval to score)");

	if (o.eval) {
		memset(&sc, 0, sizeof(sc));
		sc.m = nu_task_model(task.name, o.model);
		if (sc.m == NULL)
			nu_usage_error("task %s has no built-in model: give "
			    "--model FILE", task.name);
		/* gold labels are numbered as --labels gives them */
		if (nu_task_check_model(&task, sc.m, err, sizeof(err)) != 0)
			nu_usage_error("--model %s: %s", o.model ? o.model :
			    "(built-in)", err);
		st = read_inputs(&task, argv + optind, argc - optind, to_score,
		    &sc);
		print_score(&sc, stdout);
		free(sc.pred);
		free_labels(&task, tp);
		free(o.meta);
		return nu_cli_finish(st);
	}

	if (o.passes > 1) {
		if (!task.stacks)
			nu_usage_error("--passes: task %s has one pass only",
			    task.name);
		/* the inputs are read twice per fold and once more */
		if (optind == argc)
			nu_usage_error("--passes: reads its inputs several "
			    "times: give files, not standard input");
		for (c = optind; c < argc; c++)
			if (strcmp(argv[c], "-") == 0)
				nu_usage_error("--passes: reads its inputs "
				    "several times: give files, not standard "
				    "input");
	}
	(void)train_time();	/* a bad SOURCE_DATE_EPOCH before the work */
	st = NU_EXIT_OK;
	m = o.passes > 1 ? learn_passes(&task, &o, argv + optind,
	    argc - optind, &st) : learn(&task, &o, argv + optind,
	    argc - optind, &ALL, 1, &st);
	if (o.dev != NULL) {
		char *devs[1] = { (char *)o.dev };
		memset(&sc, 0, sizeof(sc));
		sc.m = m;
		st = nu_exit_worst(st, read_inputs(&task, devs, 1, to_score,
		    &sc));
		fprintf(stderr, "%s: scores on %s:\n", nu_progname(), o.dev);
		print_score(&sc, stderr);
		free(sc.pred);
	}
	if (nu_model_save(m, o.output) != 0)
		nu_die(NU_EXIT_TROUBLE, "%s:", o.output);
	nu_model_free(m);
	free(o.meta);
	free_labels(&task, tp);
	return nu_cli_finish(st);
}

/*
 * Learn one model from the records of files that sel takes; with meta,
 * its header gets the date, epochs and --meta lines.  Dies when no
 * example was found.
 */
static struct nu_model *
learn(const struct nu_task *task, const struct opts *o, char *files[],
    int n, const struct folds *sel, int meta, int *st)
{
	struct nu_trainer *tr;
	struct nu_model *m;
	char date[32], num[32];
	time_t now = train_time();
	size_t k;

	tr = nu_trainer_new(task->name, task->labels, task->nlabels,
	    task->sequence);
	*st = nu_exit_worst(*st, read_folds(task, files, n, to_trainer, tr,
	    sel));
	if (nu_trainer_nexamples(tr) == 0) {
		/* every record in one fold: its records are left out of
		   the second pass (learn_passes) */
		if (sel->want >= 0) {
			nu_trainer_free(tr);
			return NULL;
		}
		/* an unreadable file stays 2 */
		nu_die(nu_exit_worst(*st, NU_EXIT_DATA),
		    "no labelled examples in the input");
	}
	if (meta) {
		strftime(date, sizeof(date), "%Y-%m-%d", gmtime(&now));
		nu_trainer_meta(tr, "trained", date);
		snprintf(num, sizeof(num), "%d", o->epochs);
		nu_trainer_meta(tr, "epochs", num);
		if (o->runs > 1) {
			snprintf(num, sizeof(num), "%d", o->runs);
			nu_trainer_meta(tr, "runs", num);
		}
		for (k = 0; k < o->nmeta; k++) {
			char *eq = strchr(o->meta[k], '=');
			*eq = 0;
			nu_trainer_meta(tr, o->meta[k], eq + 1);
			*eq = '=';
		}
	}
	m = nu_trainer_run_n(tr, o->epochs, o->seed, o->runs,
	    (float)o->prune, o->progress ? stderr : NULL);
	nu_trainer_free(tr);
	return m;
}

/*
 * Two passes (stacking): the first pass learnt from every record; the
 * second from every record again, its sequences carrying the labels a
 * first pass gave them that never saw them (one model per fold, trained
 * on the other folds), so that it learns from the first pass's real
 * mistakes, not from labels it had learnt by heart.  The file holds
 * both, the second after the first (nu_model_chain).
 */
static struct nu_model *
learn_passes(const struct nu_task *task, const struct opts *o,
    char *files[], int n, int *st)
{
	struct nu_trainer *tr;
	struct nu_model *first, *fold, *second;
	struct folds sel;
	char date[32], num[32];
	time_t now = train_time();
	int k;

	first = learn(task, o, files, n, &ALL, 1, st);
	tr = nu_trainer_new(task->name, task->labels, task->nlabels,
	    task->sequence);
	for (k = 0; k < o->folds; k++) {
		if (o->progress)
			fprintf(stderr, "%s: fold %d of %d\n", nu_progname(),
			    k + 1, o->folds);
		sel = (struct folds){ k, 0, o->folds };
		if ((fold = learn(task, o, files, n, &sel, 0, st)) == NULL)
			continue;
		sel.only = 1;
		nu_task_set_prior(fold);
		*st = nu_exit_worst(*st, read_folds(task, files, n,
		    to_trainer, tr, &sel));
		nu_task_set_prior(NULL);
		nu_model_free(fold);
	}
	if (nu_trainer_nexamples(tr) == 0)
		nu_die(nu_exit_worst(*st, NU_EXIT_DATA), "--passes 2: all "
		    "records fell in one fold (%d folds by \"group\", else "
		    "\"source\"): no first pass to learn from", o->folds);
	strftime(date, sizeof(date), "%Y-%m-%d", gmtime(&now));
	nu_trainer_meta(tr, "trained", date);
	snprintf(num, sizeof(num), "%d", o->epochs);
	nu_trainer_meta(tr, "epochs", num);
	if (o->runs > 1) {
		snprintf(num, sizeof(num), "%d", o->runs);
		nu_trainer_meta(tr, "runs", num);
	}
	nu_trainer_meta(tr, "pass", "2");
	snprintf(num, sizeof(num), "%d", o->folds);
	nu_trainer_meta(tr, "folds", num);
	second = nu_trainer_run_n(tr, o->epochs, o->seed, o->runs,
	    (float)o->prune, o->progress ? stderr : NULL);
	nu_trainer_free(tr);
	nu_model_chain(first, second);
	return first;
}

/* The labels parse_labels gave task, if it did. */
static void
free_labels(struct nu_task *task, const struct nu_task *tp)
{
	size_t k;

	if (task->labels == tp->labels)
		return;
	for (k = 0; k < task->nlabels; k++)
		free((char *)task->labels[k]);
	free((void *)task->labels);
	task->labels = tp->labels;
	task->nlabels = tp->nlabels;
}

static void
parse_labels(struct nu_task *t, const char *s)
{
	const char **labels = NULL;
	size_t n = 0;
	const char *p = s, *comma;

	do {
		comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0)
			nu_usage_error("--labels: an empty label in '%s'", s);
		/* a label is a line of the model header */
		if (memchr(p, '\n', len) != NULL || memchr(p, '\r', len) != NULL)
			nu_usage_error("--labels: a label on two lines");
		for (size_t i = 0; i < n; i++)
			if (strlen(labels[i]) == len &&
			    memcmp(labels[i], p, len) == 0)
				nu_usage_error("--labels: '%s' twice", labels[i]);
		if (n == MAX_LABELS)
			nu_usage_error("--labels: more than %d", MAX_LABELS);
		labels = nu_ereallocarray(labels, n + 1, sizeof(*labels));
		char *l = nu_emalloc(len + 1);
		memcpy(l, p, len);
		l[len] = 0;
		labels[n++] = l;
		p = comma ? comma + 1 : NULL;
	} while (p != NULL);
	t->labels = labels;
	t->nlabels = n;
}

/*
 * The date written as "meta trained": SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), so that retraining the shipped models
 * on another day can give the same bytes; else now.
 */
static time_t
train_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s == NULL || *s == 0)
		return time(NULL);
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != 0 || errno != 0 || v < 0 ||
	    v > 253402300799LL)	/* 9999-12-31 */
		nu_usage_error("SOURCE_DATE_EPOCH: '%s' is not a number of "
		    "seconds", s);
	return (time_t)v;
}

/* --prune X: a number, 0 or more (atof took "abc" as 0 and "nan" as a
 * threshold no weight passes: an empty model). */
static double
parse_prune(const char *s)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(s, &end);
	if (end == s || *end != 0 || errno != 0 || !isfinite(x) || x < 0)
		nu_usage_error("--prune: '%s' is not a number, 0 or more", s);
	return x;
}

static void
to_trainer(void *ctx, const struct nu_feats *items, const size_t *gold,
    size_t n)
{
	nu_trainer_add(ctx, items, gold, n);
}

static void
to_score(void *ctx, const struct nu_feats *items, const size_t *gold,
    size_t n)
{
	struct score *s = ctx;
	size_t i, L = nu_model_nlabels(s->m);

	if (n > s->cap) {
		s->cap = n;
		s->pred = nu_ereallocarray(s->pred, n, sizeof(*s->pred));
	}
	nu_model_decode(s->m, items, n, s->pred);
	for (i = 0; i < n; i++) {
		s->items++;
		if (gold[i] >= L || s->pred[i] >= L)
			continue;
		if (s->pred[i] == gold[i]) {
			s->right++;
			s->tp[gold[i]]++;
		} else {
			s->fp[s->pred[i]]++;
			s->fn[gold[i]]++;
		}
	}
}

static void
print_score(const struct score *s, FILE *fp)
{
	size_t l, L = nu_model_nlabels(s->m);

	fprintf(fp, "label\tprecision\trecall\tf1\tgold\n");
	for (l = 0; l < L; l++) {
		double p = s->tp[l] + s->fp[l] ?
		    (double)s->tp[l] / (double)(s->tp[l] + s->fp[l]) : 0;
		double r = s->tp[l] + s->fn[l] ?
		    (double)s->tp[l] / (double)(s->tp[l] + s->fn[l]) : 0;
		fprintf(fp, "%s\t%.4f\t%.4f\t%.4f\t%zu\n",
		    nu_model_label(s->m, l), p, r,
		    p + r > 0 ? 2 * p * r / (p + r) : 0, s->tp[l] + s->fn[l]);
	}
	fprintf(fp, "accuracy\t%.4f\t\t\t%zu\n",
	    s->items ? (double)s->right / (double)s->items : 0, s->items);
}

/*
 * Pages labelled as strip-boilerplate --roles prints them (ROLE<TAB>LINE;
 * a form feed line or the end of the file ends a page) become the record
 * {"lines": [{"role": ROLE, "text": LINE}, ...]} the line-role task reads.
 */
static void
roles_line(struct nu_buf *rec, const char *p, size_t n, int *first)
{
	const char *tab = memchr(p, '\t', n);

	if (tab == NULL)
		tab = p + n;
	nu_buf_adds(rec, *first ? "" : ",");
	*first = 0;
	nu_buf_adds(rec, "{\"role\":");
	nu_json_add_str(rec, p, (size_t)(tab - p));
	nu_buf_adds(rec, ",\"text\":");
	nu_json_add_str(rec, tab < p + n ? tab + 1 : tab,
	    tab < p + n ? (size_t)(p + n - tab - 1) : 0);
	nu_buf_adds(rec, "}");
}

struct reading {
	const struct nu_task	*task;
	nu_emit_fn		*emit;
	void			*ctx;
	struct nu_jdoc		 doc;
	int			 st;
	const struct folds	*sel;
};

/*
 * The fold of a record: a hash of its "group" (a site, say: the pages of
 * one site are alike, and would teach the first pass the others' labels),
 * else of its "source", else of where it was read: the file's name
 * without its directory, and the line, so the model is the same wherever
 * the files lie.
 */
static int
fold_of(const struct nu_jdoc *d, const char *name, uint64_t lineno, int k)
{
	struct nu_buf b = { 0 };
	size_t g = 0;
	uint64_t h;
	const char *base = strrchr(name, '/');

	if (d->nodes[0].type == NU_JOBJ &&
	    (g = nu_json_get(d, 0, "group")) == 0)
		g = nu_json_get(d, 0, "source");
	if (g != 0 && d->nodes[g].type == NU_JSTR)
		nu_json_str(d, g, &b);
	else
		nu_buf_printf(&b, "%s:%llu", base != NULL ? base + 1 : name,
		    (unsigned long long)lineno);
	h = nu_feat_hash(b.p ? b.p : "", b.len);
	nu_buf_free(&b);
	return (int)((h ^ h >> 32) % (uint64_t)k);
}

static void
one_record(struct reading *r, const char *name, uint64_t lineno,
    const char *p, size_t n)
{
	char err[256];

	if (nu_json_parse(&r->doc, p, n) != 0) {
		nu_warn_at(name, lineno, "bad JSON at column %zu: %s",
		    r->doc.err_col, r->doc.err_msg);
		r->st = nu_exit_worst(r->st, NU_EXIT_DATA);
		return;
	}
	if (r->sel->want >= 0 && (fold_of(&r->doc, name, lineno, r->sel->k) ==
	    r->sel->want) != r->sel->only)
		return;
	err[0] = 0;
	if (r->task->examples(r->task, &r->doc, r->emit, r->ctx, err,
	    sizeof(err)) != 0) {
		nu_warn_at(name, lineno, "%s", err[0] ? err : "bad record");
		r->st = nu_exit_worst(r->st, NU_EXIT_DATA);
	}
}

static int
read_one(struct reading *r, const char *path)
{
	struct nu_input *in;
	struct nu_line ln;
	struct nu_buf rec = { 0 };
	const char *p;
	size_t n;
	uint64_t page_line = 0;
	int mode = 0, first = 1, st;	/* mode: 0 unknown, 1 JSON, 2 roles */

	if ((in = nu_input_open(path)) == NULL)
		return NU_EXIT_TROUBLE;
	while (nu_input_line(in, &ln) > 0) {
		nu_input_clean(in, &ln, &p, &n);
		if (mode == 0) {
			size_t i = 0;
			while (i < n && (p[i] == ' ' || p[i] == '\t'))
				i++;
			if (i == n)
				continue;
			mode = p[i] == '{' ? 1 : 2;
		}
		if (mode == 1) {
			/* a line of blanks is no record (as in to-tsv) */
			size_t i = 0;
			while (i < n && (p[i] == ' ' || p[i] == '\t' ||
			    p[i] == '\r'))
				i++;
			if (i < n)
				one_record(r, in->name, ln.lineno, p, n);
			continue;
		}
		if (n == 1 && p[0] == '\f') {
			if (!first) {
				nu_buf_adds(&rec, "]}");
				one_record(r, in->name, page_line, rec.p,
				    rec.len);
			}
			first = 1;
			continue;
		}
		/* the record's error would name the page's first line: this
		 * one is named here, and left out of the page */
		if (memchr(p, '\t', n) == NULL) {
			nu_warn_at(in->name, ln.lineno, "no TAB: a line of "
			    "pages labelled by role is ROLE<TAB>LINE");
			r->st = nu_exit_worst(r->st, NU_EXIT_DATA);
			continue;
		}
		if (first) {
			nu_buf_reset(&rec);
			nu_buf_adds(&rec, "{\"lines\":[");
			page_line = ln.lineno;
		}
		roles_line(&rec, p, n, &first);
	}
	if (mode == 2 && !first) {
		nu_buf_adds(&rec, "]}");
		one_record(r, in->name, page_line, rec.p, rec.len);
	}
	nu_buf_free(&rec);
	st = nu_input_close(in, 0);
	return st;
}

static int
read_inputs(const struct nu_task *task, char *paths[], int n,
    nu_emit_fn *emit, void *ctx)
{
	return read_folds(task, paths, n, emit, ctx, &ALL);
}

static int
read_folds(const struct nu_task *task, char *paths[], int n,
    nu_emit_fn *emit, void *ctx, const struct folds *sel)
{
	struct reading r = { task, emit, ctx, { 0 }, NU_EXIT_OK, sel };
	int i;

	if (n == 0)
		r.st = read_one(&r, "-");
	for (i = 0; i < n; i++)
		r.st = nu_exit_worst(r.st, read_one(&r, paths[i]));
	nu_json_free(&r.doc);
	return r.st;
}

static void
list_tasks(void)
{
	const struct nu_task *t;
	size_t i;

	for (t = nu_tasks; t->name != NULL; t++) {
		printf("%s\t%s\t", t->name, t->sequence ? "sequence" : "items");
		for (i = 0; i < t->nlabels; i++)
			printf("%s%s", i ? "," : "", t->labels[i]);
		if (t->nlabels == 0)
			printf("(--labels)");
		printf("\t%s\n", t->builtin ? t->builtin : "-");
	}
}

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: newsutils-train -t TASK -o MODEL [OPTION]... [FILE]...\n"
"       newsutils-train -t TASK --eval [--model MODEL] [FILE]...\n"
"Learn a model for one newsutils decision from labelled examples, or\n"
"score a model on them.  FILE holds labelled JSON Lines, or pages labelled\n"
"as 'strip-boilerplate --roles' prints them (ROLE<TAB>LINE).\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -t, --task=TASK       the decision (--list shows them)\n"
"  -o, --output=MODEL    write the model to MODEL (atomically)\n"
"  -e, --epochs=N        passes over the examples (default 10)\n"
"      --seed=N          the shuffling seed (default 1)\n"
"      --runs=N          train N times (--seed, its next N-1) and average\n"
"      --prune=X         drop features whose weights are all under X\n"
"      --labels=A,B,...  the labels (task 'features' only)\n"
"      --meta=KEY=VALUE  a header line of the model (source, licence)\n"
"      --dev=FILE        score the new model on FILE (stderr)\n"
"      --eval            score --model (or the built-in one) on FILE\n"
"      --model=MODEL     the model for --eval\n"
"      --list            list the tasks, their labels and models\n"
"      --passes=N        1, or 2: a second pass sees the first's labels\n"
"                        (line-role; inputs read 2 x --folds + 1 times)\n"
"      --folds=K         folds of the second pass's examples (default 4)\n"
"      --progress        one line per epoch on standard error\n"
"      --help            show this help and exit\n"
"      --version         show version and exit\n"
"\n"
"Example: strip-boilerplate --roles mysite/*.txt > labels.tsv; edit it;\n"
"  newsutils-train -t line-role -o mysite.model labels.tsv\n"
"  strip-boilerplate --model mysite.model mysite/new.txt\n"
"Exit status: 0 ok, 1 some input bad (reported), 2 usage or I/O error.\n");
}

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_lexicon.h"
#include "nu_pairset.h"
#include "nu_prebuilt.h"
#include "nu_utf8.h"

/* Made by scripts/embed-lexicons from common/lexicons/ (build/lexicons.c). */
struct nu_lexicon_file {
	const char	*name;
	const char	*data;
	size_t		 len;
};
extern const struct nu_lexicon_file nu_lexicon_files[];
extern const size_t nu_lexicon_nfiles;

static const char *lexicon_dir;

/*
 * The lexicons whose lines have fields: ROLE<TAB>TEXT, where the roles are
 * those the compiled-in file uses, and NAME<TAB>NUMBER.
 */
enum { F_ROLE = 1, F_NUMBER };
static const struct {
	const char	*name;
	int		 format;
} formats[] = {
	{ "boilerplate-en.txt", F_ROLE },
	{ "boilerplate-intl.txt", F_ROLE },
	{ "boilerplate-vi.txt", F_ROLE },
	{ "months-en.txt", F_NUMBER },
};

/* Whether role r[0..n) starts a line of the compiled-in text of name. */
static int
known_role(const char *name, const char *r, size_t n)
{
	const char *s, *end, *eol;
	size_t len;

	s = nu_lexicon_builtin(name, &len);
	for (end = s + len; s != NULL && s < end; s = eol + 1) {
		if ((eol = memchr(s, '\n', (size_t)(end - s))) == NULL)
			eol = end;
		if ((size_t)(eol - s) > n && memcmp(s, r, n) == 0 &&
		    s[n] == '\t')
			return 1;
	}
	return 0;
}

/* Check one line of DIR/name (format fmt); NULL or what is wrong. */
static const char *
bad_line(const char *name, int fmt, const char *a, size_t n)
{
	const char *tab = memchr(a, '\t', n);
	size_t k;

	if (fmt == 0)
		return NULL;
	if (tab == NULL || tab == a || tab + 1 == a + n)
		return fmt == F_ROLE ? "not ROLE<TAB>TEXT" :
		    "not NAME<TAB>NUMBER";
	if (fmt == F_ROLE && !known_role(name, a, (size_t)(tab - a)))
		return "unknown role";
	if (fmt == F_NUMBER) {
		for (k = (size_t)(tab - a) + 1; k < n; k++)
			if (a[k] < '0' || a[k] > '9')
				return "not NAME<TAB>NUMBER";
	}
	return NULL;
}

/*
 * Read the list file at path whole into text: -1 when it cannot be opened
 * (errno set), 0 when read; a read error or invalid UTF-8 is exit 2
 * naming the file.
 */
static int
read_list_file(const char *path, struct nu_buf *text)
{
	char chunk[65536];
	size_t got;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		nu_buf_add(text, chunk, got);
	if (ferror(fp))
		nu_die(NU_EXIT_TROUBLE, "%s: read error:", path);
	fclose(fp);
	if (nu_utf8_clean_prefix(text->p, text->len) != text->len)
		nu_die(NU_EXIT_TROUBLE, "%s: not valid UTF-8", path);
	return 0;
}

/*
 * Read DIR/name whole, check it (valid UTF-8, lines in the lexicon's
 * format); any fault is an error naming the file and line, exit 2.
 */
static void
check_file(const char *dir, const char *name, int fmt)
{
	struct nu_buf path = {0}, text = {0};
	const char *s, *end, *eol, *a, *b, *why;
	unsigned long line = 0;

	nu_buf_printf(&path, "%s/%s", dir, name);
	if (read_list_file(path.p, &text) < 0)
		nu_die(NU_EXIT_TROUBLE, "%s:", path.p);
	for (s = text.p, end = s + text.len; s != NULL && s < end;
	    s = eol + 1) {
		line++;
		if ((eol = memchr(s, '\n', (size_t)(end - s))) == NULL)
			eol = end;
		for (a = s; a < eol && (*a == ' ' || *a == '\t'); a++)
			;
		for (b = eol; b > a && (b[-1] == ' ' || b[-1] == '\t' ||
		    b[-1] == '\r'); b--)
			;
		if (b > a && *a != '#' &&
		    (why = bad_line(name, fmt, a, (size_t)(b - a))) != NULL)
			nu_die(NU_EXIT_TROUBLE, "%s:%lu: %s: '%.*s'", path.p,
			    line, why, (int)(b - a), a);
	}
	nu_buf_free(&path);
	nu_buf_free(&text);
}

/*
 * A --lexicon-dir that cannot be used is a usage error before any output
 * (a typo must not quietly run without the user's entries): it must be a
 * readable directory, each NAME.txt in it the name of a compiled-in
 * lexicon, each file valid UTF-8 in its lexicon's format.  Other files
 * (a README) are not read.
 */
void
nu_lexicon_set_dir(const char *dir)
{
	struct dirent *de;
	DIR *d;
	size_t i, k, len;
	int fmt;

	lexicon_dir = dir;
	if (dir == NULL)
		return;
	if ((d = opendir(dir)) == NULL)
		nu_usage_error("--lexicon-dir: '%s': %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		for (i = 0; i < nu_lexicon_nfiles; i++)
			if (strcmp(nu_lexicon_files[i].name, de->d_name) == 0)
				break;
		if (i == nu_lexicon_nfiles)
			nu_usage_error("--lexicon-dir: %s/%s: no lexicon of that "
			    "name", dir, de->d_name);
		fmt = 0;
		for (k = 0; k < sizeof(formats) / sizeof(formats[0]); k++)
			if (strcmp(formats[k].name, de->d_name) == 0)
				fmt = formats[k].format;
		check_file(dir, de->d_name, fmt);
	}
	closedir(d);
}

const char *
nu_lexicon_dir(void)
{
	return lexicon_dir;
}

const char *
nu_lexicon_builtin(const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < nu_lexicon_nfiles; i++)
		if (strcmp(nu_lexicon_files[i].name, name) == 0) {
			*len = nu_lexicon_files[i].len;
			return nu_lexicon_files[i].data;
		}
	*len = 0;
	return NULL;
}

static size_t
each_line(const char *s, size_t n,
    void (*fn)(const char *, size_t, void *), void *arg)
{
	const char *end = s + n, *eol, *a, *b;
	size_t count = 0;

	while (s < end) {
		eol = memchr(s, '\n', (size_t)(end - s));
		if (eol == NULL)
			eol = end;
		a = s;
		b = eol;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (b > a && *a != '#') {
			fn(a, (size_t)(b - a), arg);
			count++;
		}
		s = eol + 1;
	}
	return count;
}

static size_t	dir_each(const char *,
    void (*)(const char *, size_t, void *), void *);

size_t
nu_lexicon_each(const char *name,
    void (*fn)(const char *entry, size_t len, void *arg), void *arg)
{
	const char *data;
	size_t len, count;

	data = nu_lexicon_builtin(name, &len);
	count = data ? each_line(data, len, fn, arg) : 0;
	return count + dir_each(name, fn, arg);
}

/* The entries of NAME in the lexicon directory (nu_lexicon_dir), if any. */
static size_t
dir_each(const char *name,
    void (*fn)(const char *entry, size_t len, void *arg), void *arg)
{
	size_t count = 0;
	struct nu_buf path = {0}, text = {0};

	if (lexicon_dir == NULL)
		return 0;
	nu_buf_printf(&path, "%s/%s", lexicon_dir, name);
	if (read_list_file(path.p, &text) == 0)
		count += each_line(text.p, text.len, fn, arg);
	nu_buf_free(&path);
	nu_buf_free(&text);
	return count;
}

/*
 * Open addressing over a power-of-two table; entries are copies in the
 * set's chunks, or point into a built-in list when it is NFC already.
 */
struct nu_wordset {
	/* a prebuilt set (nu_prebuilt.h) looked in until a word is added,
	 * else NULL and the table below */
	const struct nu_wordset_img *img;
	const char **slot;
	size_t	 *slen;
	size_t	  cap, n;
	size_t	  maxlen;	/* bytes of the longest word */
	/* the first two bytes of the words: most probes open as no word
	   does (pre: own_pre, or the prebuilt set's) */
	const struct nu_pairset *pre;
	struct nu_pairset own_pre;
	int	  empty;	/* the empty word is in */
	int	  fold;
	struct nu_buf tmp, nfc;
	/* the words' bytes, in chunks: one allocation per 64 KiB, not one
	 * per word (62,910 English words load at start-up) */
	char	**chunk;
	size_t	  nchunk;
	char	 *cur;
	size_t	  left;
};

#define WS_CHUNK	65536

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* A zeroed set: calloc, so that the pair set's 8 KiB of fresh memory
 * are not written (a prebuilt set never uses them). */
static struct nu_wordset *
ws_alloc(void)
{
	struct nu_wordset *ws = calloc(1, sizeof(*ws));

	if (ws == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	return ws;
}

struct nu_wordset *
nu_wordset_new(int fold)
{
	struct nu_wordset *ws = ws_alloc();

	ws->fold = fold;
	ws->pre = &ws->own_pre;
	ws->cap = 64;
	ws->slot = calloc(ws->cap, sizeof(*ws->slot));
	ws->slen = calloc(ws->cap, sizeof(*ws->slen));
	if (ws->slot == NULL || ws->slen == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	return ws;
}

static size_t
find(const struct nu_wordset *ws, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (ws->cap - 1);

	while (ws->slot[i] != NULL &&
	    !(ws->slen[i] == n && memcmp(ws->slot[i], s, n) == 0))
		i = (i + 1) & (ws->cap - 1);
	return i;
}

/* Whether the prebuilt set img has s[0..n): find() on its table. */
static int
img_has(const struct nu_wordset_img *img, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (img->cap - 1);

	for (; img->off1[i] != 0; i = (i + 1) & (img->cap - 1))
		if (img->len[i] == n &&
		    memcmp(img->words + img->off1[i] - 1, s, n) == 0)
			return 1;
	return 0;
}

/* Whether the set has s[0..n). */
static int
present(const struct nu_wordset *ws, const char *s, size_t n)
{
	if (ws->img != NULL)
		return img_has(ws->img, s, n);
	return ws->slot[find(ws, s, n)] != NULL;
}

/* May a word open as s[0..n) does? */
static int
has_pre(const struct nu_wordset *ws, const char *s, size_t n)
{
	if (n == 0)
		return ws->empty;
	return nu_pairset_has(ws->pre, (unsigned char)s[0],
	    n > 1 ? (unsigned char)s[1] : 0);
}

static void	insert(struct nu_wordset *, const char *, size_t, int);

/* Before a word is added to a prebuilt set: its words in a table of its
 * own (they lie in the program, so none is copied). */
static void
own_table(struct nu_wordset *ws)
{
	const struct nu_wordset_img *img = ws->img;
	size_t i;

	if (img == NULL)
		return;
	ws->img = NULL;
	ws->cap = 64;
	while (ws->cap < 2 * img->n + 2)
		ws->cap *= 2;
	ws->slot = calloc(ws->cap, sizeof(*ws->slot));
	ws->slen = calloc(ws->cap, sizeof(*ws->slen));
	if (ws->slot == NULL || ws->slen == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	ws->n = 0;
	ws->pre = &ws->own_pre;
	for (i = 0; i < img->cap; i++)
		if (img->off1[i] != 0)
			insert(ws, img->words + img->off1[i] - 1, img->len[i],
			    0);
}

static void
insert(struct nu_wordset *ws, const char *s, size_t n, int copy)
{
	size_t i, j, oldcap;
	const char **oslot;
	size_t *oslen;

	own_table(ws);
	oldcap = ws->cap;
	oslot = ws->slot;
	oslen = ws->slen;
	if ((ws->n + 1) * 2 > ws->cap) {
		ws->cap *= 2;
		ws->slot = calloc(ws->cap, sizeof(*ws->slot));
		ws->slen = calloc(ws->cap, sizeof(*ws->slen));
		if (ws->slot == NULL || ws->slen == NULL)
			nu_die(NU_EXIT_TROUBLE, "out of memory");
		for (j = 0; j < oldcap; j++)
			if (oslot[j] != NULL) {
				i = find(ws, oslot[j], oslen[j]);
				ws->slot[i] = oslot[j];
				ws->slen[i] = oslen[j];
			}
		free(oslot);
		free(oslen);
	}
	i = find(ws, s, n);
	if (ws->slot[i] != NULL)
		return;
	ws->slen[i] = n;
	ws->n++;
	if (n > ws->maxlen)
		ws->maxlen = n;
	if (n == 0)
		ws->empty = 1;
	else
		nu_pairset_add(&ws->own_pre, (unsigned char)s[0],
		    n > 1 ? (unsigned char)s[1] : 0);
	if (!copy) {
		ws->slot[i] = s;	/* built-in: lives as long as we do */
		return;
	}
	if (ws->left < n + 1) {
		ws->chunk = nu_ereallocarray(ws->chunk, ws->nchunk + 1,
		    sizeof(*ws->chunk));
		ws->left = n + 1 > WS_CHUNK ? n + 1 : WS_CHUNK;
		ws->cur = ws->chunk[ws->nchunk++] = nu_emalloc(ws->left);
	}
	memcpy(ws->cur, s, n);
	ws->cur[n] = '\0';
	ws->slot[i] = ws->cur;
	ws->cur += n + 1;
	ws->left -= n + 1;
}

void
nu_wordset_add(struct nu_wordset *ws, const char *s, size_t n)
{
	struct nu_buf *nfc = &ws->nfc;

	nu_buf_reset(nfc);
	nu_utf8_nfc(s, n, nfc);
	if (ws->fold) {
		nu_buf_reset(&ws->tmp);
		nu_utf8_lower(nfc->p, nfc->len, &ws->tmp);
		insert(ws, ws->tmp.p, ws->tmp.len, 1);
	} else
		insert(ws, nfc->p, nfc->len, 1);
}

static void
add_entry(const char *s, size_t n, void *arg)
{
	nu_wordset_add(arg, s, n);
}

/*
 * A built-in entry is used where it lies: the lists are NFC (checked by
 * scripts/build-lexicons), so only a folded set needs its own copy.
 */
static void
add_builtin(const char *s, size_t n, void *arg)
{
	struct nu_wordset *ws = arg;

	if (!ws->fold)
		insert(ws, s, n, 0);
	else
		nu_wordset_add(ws, s, n);
}

/* The prebuilt set of lexicon name, or NULL. */
static const struct nu_wordset_img *
prebuilt(const char *name, int fold)
{
	const struct nu_wordset_img *w;

	if (lexicon_dir != NULL)
		return NULL;	/* the directory may extend it */
	for (w = nu_prebuilt_wordsets; w->name != NULL; w++)
		if (w->fold == fold && strcmp(w->name, name) == 0)
			return w;
	return NULL;
}

struct nu_wordset *
nu_wordset_load(const char *name, int fold)
{
	const struct nu_wordset_img *img = prebuilt(name, fold != 0);
	struct nu_wordset *ws;
	const char *data, *p, *end;
	size_t len, lines = 0;

	if (img != NULL) {
		ws = ws_alloc();
		ws->img = img;
		ws->fold = fold;
		ws->n = img->n;
		ws->maxlen = img->maxlen;
		ws->empty = img->empty;
		ws->pre = img->pre;
		return ws;
	}
	ws = nu_wordset_new(fold);

	/* the table sized once for the built-in list: no rehashing */
	if ((data = nu_lexicon_builtin(name, &len)) != NULL) {
		for (p = data, end = data + len; (p = memchr(p, '\n',
		    (size_t)(end - p))) != NULL; p++)
			lines++;
		while (ws->cap < 2 * lines + 2)
			ws->cap *= 2;
		ws->slot = nu_ereallocarray(ws->slot, ws->cap,
		    sizeof(*ws->slot));
		ws->slen = nu_ereallocarray(ws->slen, ws->cap,
		    sizeof(*ws->slen));
		memset(ws->slot, 0, ws->cap * sizeof(*ws->slot));
		memset(ws->slen, 0, ws->cap * sizeof(*ws->slen));
		each_line(data, len, add_builtin, ws);
	}
	dir_each(name, add_entry, ws);
	return ws;
}

int
nu_wordset_has(const struct nu_wordset *ws, const char *s, size_t n)
{
	struct nu_buf *tmp;
	char a[64];
	size_t i, k;

	if (ws->fold) {
		/* an ASCII probe (most are) lowers to as many bytes, on the
		   stack; a longer one than every word is none of them
		   (speed: the recognisers ask a set of most words of
		   most short lines) */
		for (i = 0; i < n && i < sizeof(a) &&
		    (unsigned char)s[i] < 0x80; i++)
			a[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
		if (i == n)
			return n <= ws->maxlen && has_pre(ws, a, n) &&
			    present(ws, a, n);
		/* the scratch buffer is an implementation detail, not state */
		tmp = (struct nu_buf *)&ws->tmp;
		nu_buf_reset(tmp);
		/* the first two characters lowered first (lowering is one
		   character at a time): most probes stop there */
		/* (a byte not where well-formed UTF-8 puts it: the whole
		   probe is lowered at once, as before) */
		if ((k = nu_utf8_lead_bytes(s, n, 2)) == 0)
			k = n;
		nu_utf8_lower(s, k, tmp);
		if (tmp->len >= 2 || k == n) {
			if (!has_pre(ws, tmp->p, tmp->len))
				return 0;
		}
		nu_utf8_lower(s + k, n - k, tmp);
		s = tmp->p;
		n = tmp->len;
	}
	return n <= ws->maxlen && has_pre(ws, s, n) && present(ws, s, n);
}

size_t
nu_wordset_size(const struct nu_wordset *ws)
{
	return ws->n;
}

void
nu_wordset_free(struct nu_wordset *ws)
{
	size_t i;

	if (ws == NULL)
		return;
	for (i = 0; i < ws->nchunk; i++)
		free(ws->chunk[i]);
	free(ws->chunk);
	free(ws->slot);
	free(ws->slen);
	nu_buf_free(&ws->tmp);
	nu_buf_free(&ws->nfc);
	free(ws);
}

/*
 * The word sets of the compiled-in lexicons names[0..n) (folded or not,
 * fold[i]) as nu_wordset_load makes them, for build/prebuilt.c: the same
 * table (slots in the same places), its words in one array.
 */
void
nu_wordset_emit(FILE *fp, const char *const *names, const int *fold,
    size_t n)
{
	struct nu_wordset *ws;
	struct nu_buf words = { 0 }, list = { 0 };
	uint32_t *off1, *len;
	char id[32];
	size_t k, i;

	for (k = 0; k < n; k++) {
		ws = nu_wordset_load(names[k], fold[k]);
		own_table(ws);
		off1 = nu_ereallocarray(NULL, ws->cap, sizeof(*off1));
		len = nu_ereallocarray(NULL, ws->cap, sizeof(*len));
		nu_buf_reset(&words);
		for (i = 0; i < ws->cap; i++) {
			off1[i] = ws->slot[i] ? (uint32_t)words.len + 1 : 0;
			len[i] = ws->slot[i] ? (uint32_t)ws->slen[i] : 0;
			if (ws->slot[i] != NULL)
				nu_buf_add(&words, ws->slot[i], ws->slen[i]);
		}
		snprintf(id, sizeof(id), "wsoff%zu", k);
		nu_emit_u32(fp, id, off1, ws->cap);
		snprintf(id, sizeof(id), "wslen%zu", k);
		nu_emit_u32(fp, id, len, ws->cap);
		fprintf(fp, "static const struct nu_pairset wspre%zu = {{", k);
		for (i = 0; i < sizeof(ws->own_pre.bit); i++)
			fprintf(fp, "%s%u,", i % 32 == 0 ? "\n" : "",
			    ws->own_pre.bit[i]);
		fputs("\n}};\n", fp);
		fprintf(fp, "static const char wswords%zu[] = ", k);
		nu_emit_str(fp, words.p ? words.p : "", words.len);
		fputs(";\n", fp);
		nu_buf_printf(&list, "\t{ \"%s\", %d, wsoff%zu, wslen%zu, "
		    "wswords%zu, %zu, %zu, %zu, %d, &wspre%zu },\n", names[k],
		    fold[k] != 0, k, k, k, ws->cap, ws->n, ws->maxlen,
		    ws->empty, k);
		free(off1);
		free(len);
		nu_wordset_free(ws);
	}
	fputs("const struct nu_wordset_img nu_prebuilt_wordsets[] = {\n", fp);
	if (list.len > 0)
		fputs(list.p, fp);
	fputs("\t{ NULL, 0, NULL, NULL, NULL, 0, 0, 0, 0, NULL }\n};\n", fp);
	nu_buf_free(&words);
	nu_buf_free(&list);
}

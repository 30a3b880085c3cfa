#ifndef NU_TSV_H
#define NU_TSV_H

#include <stddef.h>

#include "nu_buf.h"
#include "nu_json.h"

/*
 * Column paths and cell rendering for to-tsv.
 *
 * A path is dot-separated keys, each optionally followed by one selector:
 *   title               member "title" of the record
 *   a.b                 member "b" of object "a"
 *   images[].file       "file" of every element of array "images"
 *   entities[type=person].text
 *                       "text" of the elements whose "type" is "person"
 *                       (a string equal to v, or a number, true, false or
 *                       null written exactly as v)
 *   images[0].file      element 0 (counted from 0)
 * A backslash makes the next character ordinary (a key with a dot:
 * "a\.b").  A path with [] or [k=v] is multi-valued: its values are joined
 * with '|'.
 */
enum { NU_SEL_NONE, NU_SEL_ALL, NU_SEL_INDEX, NU_SEL_MATCH };

struct nu_jseg {
	char	*key;		/* decoded key, NUL-terminated */
	int	 sel;		/* NU_SEL_* */
	size_t	 index;		/* NU_SEL_INDEX */
	char	*mkey, *mval;	/* NU_SEL_MATCH: [mkey=mval] */
};

struct nu_jpath {
	struct nu_jseg	*seg;
	size_t		 nseg;
	int		 multi;	/* some segment has [] or [k=v] */
};

/*
 * Compile path s.  Returns 0, or -1 with *err set to a short message
 * ("empty key", "missing ']'", ...).  Free with nu_jpath_free.
 */
int	nu_jpath_parse(struct nu_jpath *p, const char *s, const char **err);
void	nu_jpath_free(struct nu_jpath *p);

/* The values a path reached: node indices in document order. */
struct nu_jvals {
	size_t	*v;
	size_t	 n, cap;
	int	 found;		/* a [] or [k=v] selector met a real array */
};

/*
 * Walk segments seg[0..nseg) of a path from node, the value of seg[0]'s
 * key (0 when absent): apply seg[0]'s selector, then look up the next key
 * and so on.  Appends what it reaches to out (not reset).
 */
void	nu_jpath_walk(const struct nu_jdoc *d, const struct nu_jseg *seg,
	    size_t nseg, size_t node, struct nu_jvals *out);

/*
 * The same, starting with the lookup of seg[0]'s key in object obj; with
 * nseg 0, obj itself is the value.
 */
void	nu_jpath_eval(const struct nu_jdoc *d, const struct nu_jseg *seg,
	    size_t nseg, size_t obj, struct nu_jvals *out);

/* Cell text escaping. */
enum { NU_ESC_TSV, NU_ESC_NONE };

/*
 * Append the cell text of node i: strings decoded, numbers as written,
 * true/false, null as the null string, arrays of scalars joined with '|'
 * (see nu_tsv_join), other arrays and objects as compact JSON.  With
 * NU_ESC_TSV the text is escaped as PostgreSQL's text COPY and mlr read
 * it: '\\' '\t' '\n' '\r' as \\ \t \n \r.  NUL characters (from \u0000)
 * are dropped and counted in *nuls.
 */
void	nu_tsv_value(struct nu_buf *out, const struct nu_jdoc *d, size_t i,
	    int esc, const char *null, size_t *nuls);

/*
 * Append nodes v[0..n) joined with '|': each value's text with '\\'
 * doubled and '|' written as "\|" (so the join can be undone), then
 * escaped as esc says.  Null elements are empty; object and array
 * elements are compact JSON.
 */
void	nu_tsv_join(struct nu_buf *out, const struct nu_jdoc *d,
	    const size_t *v, size_t n, int esc, size_t *nuls);

/* Append s[0..n) escaped as esc says (NUL dropped and counted). */
void	nu_tsv_escape(struct nu_buf *out, const char *s, size_t n, int esc,
	    size_t *nuls);

/* Append s[0..n) as one RFC 4180 CSV field (quoted when needed). */
void	nu_csv_field(struct nu_buf *out, const char *s, size_t n);

/*
 * A map from strings (any bytes) to small integers, for column lookup by
 * key.  Grows as needed; keys are copied.
 */
struct nu_keymap {
	struct nu_kmslot { char *k; size_t n; size_t val; } *slot;
	size_t	 cap, used;
};

/* The value stored for s[0..n), or -1 cast to size_t when absent. */
size_t	nu_keymap_get(const struct nu_keymap *m, const char *s, size_t n);
/* Store val for s[0..n) unless present; returns the stored value. */
size_t	nu_keymap_put(struct nu_keymap *m, const char *s, size_t n,
	    size_t val);
void	nu_keymap_free(struct nu_keymap *m);

#define NU_KEYMAP_NONE	((size_t)-1)

#endif

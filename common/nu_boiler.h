#ifndef NU_BOILER_H
#define NU_BOILER_H

#include <stddef.h>
#include <stdint.h>

/*
 * The line classifier of strip-boilerplate: which lines of a news page are
 * the article (title, lead, paragraphs, captions), which are neutral
 * metadata (datelines, bylines, source URLs) and which are boilerplate
 * (image file names, duplicated captions and lines, related-article
 * blocks, comment headers, share buttons, navigation, adverts).
 *
 * The evidence is general: line length and sentence shape, duplicates
 * (exact and near copies), position relative to block headers and to the
 * page end, file names, URLs, dates alone on a line, share tokens, and the
 * phrase lexicons common/lexicons/boilerplate-{vi,en}.txt,
 * share-tokens.txt and stopwords-{vi,en}.txt (extendable with
 * --lexicon-dir).  It works on an array of lines, so text mode (a window
 * of a stream of pages) and record mode (a record's body lines) share it.
 */

enum nu_brole {
	NU_BR_BLANK,
	NU_BR_TITLE,		/* kept */
	NU_BR_CONTENT,		/* kept */
	NU_BR_CAPTION,		/* kept: the line after an image file name */
	NU_BR_DATELINE,		/* meta: kept unless no_meta */
	NU_BR_BYLINE,		/* meta */
	NU_BR_SOURCE_URL,	/* meta */
	NU_BR_IMAGE,		/* dropped from here on */
	NU_BR_CAPTION_DUP,
	NU_BR_DUP,
	NU_BR_REL_HEADER,
	NU_BR_REL_TITLE,
	NU_BR_REL_SUMMARY,
	NU_BR_REL_DATE,
	NU_BR_COMMENT_HEADER,
	NU_BR_SHARE,
	NU_BR_NAVIGATION,
	NU_BR_ADVERT,
	NU_BR_TAGS,		/* "Tags: a, b", a tag list's header and tags */
	NU_BR_COMMENT,		/* readers' comments, names, "Reply" */
	NU_BR_CREDIT,		/* "Ảnh: ...", "Image source, ..." alone */
	NU_BR_FOOTER,		/* "© 2026 ...", "All rights reserved" */
	NU_BR_OTHER,
	NU_BR_NROLES
};

/* One line handed to the classifier. */
struct nu_bline {
	const char	*s;	/* the text, without '\n' and a final '\r' */
	size_t		 n;
	/* set by nu_boiler_classify */
	unsigned char	 role;	/* enum nu_brole */
	unsigned char	 keep;	/* 1: an article line (blank lines too,
				   when both neighbours are kept) */
	unsigned char	 page;	/* 1: a page starts at this line */
	unsigned char	 nostart;	/* NU_BOIL_MODEL: the model is sure
					   no page starts here (set by the
					   caller; read, never written) */
	/* internal: features */
	unsigned char	 kind, shape;
	uint32_t	 ncp;	/* code points of the trimmed text, capped */
	uint64_t	 hash;
};

enum {
	NU_BOIL_LANG_AUTO = 0,
	NU_BOIL_LANG_VI = 1,
	NU_BOIL_LANG_EN = 2
};

/* Flags for nu_boiler_classify. */
enum {
	NU_BOIL_TITLED = 1 << 0,	/* the first non-blank line is a title
					   (text mode; a record's body is not) */
	NU_BOIL_SPLIT = 1 << 1,		/* the lines may hold several pages:
					   find where pages start */
	NU_BOIL_NO_META = 1 << 2,	/* drop datelines, bylines, URLs */
	NU_BOIL_MODEL = 1 << 3		/* with NU_BOIL_SPLIT: the page-start
					   model was asked (nu_page_start.h):
					   a page starts where the caller set
					   l[].page, and where the page rules
					   see one unless l[].nostart */
};

struct nu_boiler;

/*
 * Load the lexicons for lang (NU_BOIL_LANG_*; auto loads both languages)
 * and compile the patterns (nu_meta_init).  Call once, after
 * nu_lexicon_set_dir.  Exits 2 on failure.
 */
struct nu_boiler	*nu_boiler_new(int lang);
void	nu_boiler_free(struct nu_boiler *b);

/*
 * Let the line-role model m (borrowed; NULL: rules alone) decide which
 * lines of each page are kept (nu_boiler_feat.h).  The rules still run
 * first: their roles are the model's strongest features.
 */
struct nu_model;
void	nu_boiler_set_model(struct nu_boiler *b, const struct nu_model *m);

/*
 * Classify lines l[0..n): set role, keep and page of every line.  With
 * NU_BOIL_SPLIT, l[0] starts a page and later page starts are marked; the
 * return value is the index of the last page start (0 if one page), so a
 * caller holding a window of a stream can flush l[0..ret) and keep the
 * rest.  Without it, the lines are one page and 0 is returned.  Lines
 * With NU_BOIL_MODEL too, the page-start model decides as it does in
 * split-article: a page starts at the lines the caller marked (page set:
 * the model's margin over its threshold), and the rules keep a say where
 * the model is not sure against them (nostart clear).  Lines
 * must be valid UTF-8 without NUL bytes (nu_input_clean gives that).
 * Memory: scratch space grows with n and is kept in b.
 */
size_t	nu_boiler_classify(struct nu_boiler *b, struct nu_bline *l, size_t n,
	    int flags);

/* The role's name as printed by --roles and in records ("related-title"). */
const char	*nu_boiler_role_name(int role);

/* Whether a non-blank line of this role is kept. */
int	nu_boiler_role_kept(int role, int no_meta);

#endif

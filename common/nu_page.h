#ifndef NU_PAGE_H
#define NU_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"

/*
 * The page splitter of split-article: lines of one input go in, one JSON
 * record per page comes out through a callback.  A page boundary is found
 * from explicit separators (form feed, --separator), from glued lines (a
 * file without a final newline runs into the next page's title:
 * "fb yt zl twLào Cai ...", "25/04/2022Đoàn ..."), and from page anatomy
 * (a title-like line after the page's tail, followed by a dateline or by
 * article paragraphs).  Memory is one page plus a few lines of look-ahead.
 */

struct nu_model;

struct nu_page_opts {
	int	 heuristics;	/* 0: only separators and inputs split pages */
	void	*separator;	/* pcre2_code * for --separator, or NULL */
	/* the page-start model (issue 12): it decides where a page starts,
	   at a line or inside a glued one; NULL: the rules of nu_page.c */
	const struct nu_model *model;
};

struct nu_splitter;

/*
 * Called with the output, a piece at a time: a record may come in several
 * pieces (so a 100 MB line is not held twice), and each record ends with a
 * piece "\n".
 */
typedef void (*nu_page_emit)(const char *json, size_t len, void *arg);

struct nu_splitter	*nu_splitter_new(const struct nu_page_opts *o,
			    nu_page_emit emit, void *arg);

/* Start a new input: its first line starts a page; name is its source. */
void	nu_splitter_begin(struct nu_splitter *sp, const char *source);

/*
 * Add one clean line (repaired, no newline, any NFC) with its line number
 * and the NU_FIX_* repairs made to it (recorded in the record's warnings).
 */
void	nu_splitter_line(struct nu_splitter *sp, const char *s, size_t n,
	    uint64_t lineno, int fixes);

/* End the input: emit what is left. */
void	nu_splitter_end(struct nu_splitter *sp);

/* Records emitted so far. */
uint64_t	nu_splitter_records(const struct nu_splitter *sp);

void	nu_splitter_free(struct nu_splitter *sp);

/*
 * A line shaped like a title: capitalised, 3 words or more, 10-300
 * characters, no final stop, and not a date, dateline, relative time,
 * person's name, image, URL, share bar or block header.
 */
int	nu_page_title_like(const char *s, size_t n);

/*
 * A section label or breadcrumb line: one or two words ("Kinh tế",
 * "World") or short parts joined by '>', '›', '»', '/' ("Home > World").
 */
int	nu_page_section_label(const char *s, size_t n);

/*
 * Spaced menu separators (" | ", " / ", " > ", " » ", " › ", " • ", " · ")
 * in s[0..n); *first is the offset of the first (n if none).
 */
size_t	nu_page_menu_seps(const char *s, size_t n, size_t *first);

/*
 * Navigation that may sit above a title: a section label or breadcrumb, a
 * menu on one line ("Home | News | Sport"), a short label of up to four
 * words ("Watch Live", "Bóng đá Việt Nam"), a ticker with fewer than three
 * words of letters ("VN-Index 1.312,45 +8,21").  Not a dateline or byline.
 */
int	nu_page_nav_line(const char *s, size_t n);

/*
 * nu_page_title_like and nu_page_nav_line for a line whose recognisers
 * have run (nu_pline_init): pl holds their NU_PL_* flags, ncp the line's
 * length in code points; s[0..n) has no trailing blank.  Same answers,
 * without asking the recognisers again.
 */
int	nu_page_title_known(const char *s, size_t n, size_t ncp,
	    uint32_t pl);
int	nu_page_nav_known(const char *s, size_t n, uint32_t pl);

/* A title sure enough to pass navigation for: long, title-shaped, no nav. */
int	nu_page_strong_title(const char *s, size_t n);

/*
 * The 16-hex-digit record id: FNV-1a 64 of source, '\n', line number in
 * decimal, '\n', title.
 */
void	nu_page_id(const char *source, uint64_t line, const char *title,
	    size_t tlen, char out[17]);

#endif

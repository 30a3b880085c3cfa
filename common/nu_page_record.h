#ifndef NU_PAGE_RECORD_H
#define NU_PAGE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "nu_buf.h"
#include "nu_page.h"

/* One non-blank line of a page, as the splitter hands it over. */
struct nu_page_line {
	const char	*s;		/* clean NFC text */
	size_t		 n;
	uint64_t	 lineno;
	int		 fixes;		/* NU_FIX_* repairs, for "warnings" */
	int		 separator;	/* a --separator line */
	int		 after_blank;	/* a blank line came before it */
	/* the splitter's recognisers found s[0..n) no byline, no name
	   alone (so the record need not ask again) */
	unsigned	 no_byline:1, no_name:1;
};

/*
 * Append the JSON record (no newline) of a page made of lines pl[0..n) of
 * input source to out: title, date/time/dateline, author/agency, url, body,
 * images with captions, boilerplate (bylines, source URLs, duplicates,
 * separators) and warnings, keys in design-card order.  Every line lands in
 * exactly one place.  When out grows past 1 MiB its content is handed to
 * flush(out->p, out->len, arg) and out is emptied.
 */
void	nu_page_record(const char *source, const struct nu_page_line *pl,
	    size_t n, struct nu_buf *out, nu_page_emit flush, void *arg);

#endif

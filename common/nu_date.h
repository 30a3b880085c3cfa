#ifndef NU_DATE_H
#define NU_DATE_H

#include <stddef.h>

/*
 * One grammar for the dates and times news pages print, Vietnamese and
 * English: a tokenizer of date/time pieces (numeric dates "27/04/2022",
 * "08.02.17", "2026-11-19"; "ngày 5 tháng 3 năm 2018"; "March 5, 2024",
 * "5th March 2024"; times "18:55", "17h40", "8:52 AM", "06.00 GMT",
 * zones "(GMT+7)", "UTC-05:00"; weekdays "Thứ Ba", "CHỦ NHẬT", "Mon.";
 * day parts "Chiều", "rạng sáng nay"; labels "Cập nhật lúc", "Published
 * on") and a combiner that takes them in any order, with blanks, commas,
 * '|', dashes, slashes and brackets between them.  Words come from
 * date-words.txt and months-en.txt.
 */

struct nu_when {
	int	y, mo, d;	/* -1 when absent (y: no year printed) */
	int	h, mi;		/* 24-hour; -1 when no time */
	int	context;	/* a weekday, day part, label or time was seen */
	size_t	start;		/* offset of the first date or time piece */
	size_t	by;		/* offset of " by NAME" after the date, or 0 */
	size_t	end;		/* where a second date's label cuts the
				   line ("... Last modified on ..."), or 0 */
};

/* Load the word lists (called by nu_meta_init; exits 2 on error). */
void	nu_date_init(void);

/*
 * Whether the whole of s[0..n) is one date expression with a day and a
 * month (and, without a year, something more than the bare numbers:
 * "Tối 25/11" is a dateline, "25/11" alone is not).  Numbers are day
 * first; month first only where the day cannot be first ("11/22/2026");
 * two-digit years are of 1970-2069.  An English "... by Jane Doe" after
 * the date stops the expression: w->by is where " by" starts; so does a
 * label after a whole date ("... 06.00 EST Last modified on ..."): w->end
 * is where the label starts.
 */
int	nu_date_line(const char *s, size_t n, struct nu_when *w);

#endif

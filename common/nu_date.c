/*
 * The date/time grammar of datelines (nu_date.h): a tokenizer that reads
 * one piece at a time (a number group, a word from the lexicons, a zone,
 * a separator) and a combiner that fills day, month, year, hour and
 * minute from the pieces in whatever order the site printed them.  One
 * small grammar instead of a list of patterns: a new site's order of the
 * same pieces needs no new code.
 */
#include <stdlib.h>
#include <string.h>

#include "nu_buf.h"
#include "nu_date.h"
#include "nu_lexicon.h"
#include "nu_utf8.h"

enum kind { K_WEEKDAY = 1, K_DAYPART, K_LINK, K_LABEL, K_AMPM, K_MONTH };

struct word {
	char	*s;		/* lowercase, NFC */
	size_t	 n;
	int	 kind;
	int	 val;		/* the month's number */
};

static struct word *words;
static size_t nwords, capwords;

/* A dateline is short: longer lines are never one (nu_meta's limit). */
#define LINE_MAX_BYTES	240

static void
add_word(const char *s, size_t n, int kind, int val)
{
	struct nu_buf low = {0};

	if (nwords == capwords) {
		capwords = capwords ? 2 * capwords : 128;
		words = nu_ereallocarray(words, capwords, sizeof(*words));
	}
	nu_utf8_lower(s, n, &low);
	words[nwords].s = nu_emalloc(low.len + 1);
	memcpy(words[nwords].s, low.p, low.len);
	words[nwords].s[low.len] = '\0';
	words[nwords].n = low.len;
	words[nwords].kind = kind;
	words[nwords].val = val;
	nwords++;
	nu_buf_free(&low);
}

/* "weekday\tthứ hai" */
static void
add_kind(const char *s, size_t n, void *arg)
{
	static const char *const kinds[] = { "weekday", "daypart", "link",
	    "label", "ampm" };
	const char *tab = memchr(s, '\t', n);
	size_t k, i;

	(void)arg;
	if (tab == NULL)
		return;
	k = (size_t)(tab - s);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i]) == k && memcmp(kinds[i], s, k) == 0)
			add_word(tab + 1, n - k - 1, (int)i + K_WEEKDAY, 0);
}

/* "March\t3" */
static void
add_month(const char *s, size_t n, void *arg)
{
	const char *tab = memchr(s, '\t', n);

	(void)arg;
	if (tab != NULL && tab > s)
		add_word(s, (size_t)(tab - s), K_MONTH, atoi(tab + 1));
}

/* Longest first, so "thứ hai" is tried before "thứ" and "ngày đăng" before "ngày". */
static int
longer_first(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->s, y->s);
}

void
nu_date_init(void)
{
	if (words != NULL)
		return;
	nu_lexicon_each("date-words.txt", add_kind, NULL);
	nu_lexicon_each("months-en.txt", add_month, NULL);
	qsort(words, nwords, sizeof(*words), longer_first);
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Whether s[i] continues a word (a letter or digit; bytes of the
   separators '–', '—', '•', '·' and no-break space are not letters). */
static int
word_at(const char *s, size_t n, size_t i)
{
	unsigned char c;

	if (i >= n)
		return 0;
	c = (unsigned char)s[i];
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    digit((char)c);
	if (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x80)
		return 0;
	if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xB7 ||
	    (unsigned char)s[i + 1] == 0xA0))
		return 0;
	return 1;
}

/* Bytes of a separator between pieces at s[i], 0 if none. */
static size_t
separator(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i], d, e;

	if (strchr(" \t,|()/;:-[]", c) != NULL && c != '\0')
		return 1;
	/* a full stop ends an abbreviation ("Nov.", "Mon."), not a date */
	if (c == '.' && i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
	    (s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
		return 1;
	d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
	e = i + 2 < n ? (unsigned char)s[i + 2] : 0;
	if (c == 0xE2 && d == 0x80 && (e == 0x93 || e == 0x94 || e == 0xA2))
		return 3;	/* – — • */
	if (c == 0xC2 && (d == 0xB7 || d == 0xA0))
		return 2;	/* · no-break space */
	return 0;
}

/* The word of the lexicons at low[i] (lowercased line), or NULL. */
static const struct word *
word_of(const char *low, size_t n, size_t i)
{
	size_t k;

	for (k = 0; k < nwords; k++)
		if (words[k].s[0] == low[i] && words[k].n <= n - i &&
		    memcmp(words[k].s, low + i, words[k].n) == 0 &&
		    !(word_at(low, n, i + words[k].n) &&
		    words[k].s[words[k].n - 1] != '.'))
			return &words[k];
	return NULL;
}

/* The digits at s[*i] as a number (at most 4 digits); *nd their count. */
static int
number(const char *s, size_t n, size_t *i, int *nd)
{
	int v = 0;

	*nd = 0;
	while (*i < n && digit(s[*i])) {
		if (++*nd > 4)
			return -1;
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	return v;
}

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* The word w (lowercase ASCII or UTF-8) at low[i] then a blank, or 0. */
static size_t
word_then(const char *low, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);

	i = skip_blanks(low, n, i);
	if (k <= n - i && memcmp(low + i, w, k) == 0 && !word_at(low, n, i + k))
		return skip_blanks(low, n, i + k);
	return 0;
}

/* What the combiner knows so far. */
struct state {
	struct nu_when	*w;
	int		 weekday, label, time_end;	/* time_end: i after a time, else 0 */
	int		 ampm;
	/* the day and month came from "17.40", which may be a time: the
	   hour and minute if a date comes after it, else -1 */
	int		 dot_h, dot_mi;
};

/*
 * A date after "17.40" ("17.40 27/04/2022", "17.40, ngày 5 tháng 3"):
 * the pair was the time.  1 when it was, and the day and month are free
 * again.
 */
static int
dot_was_time(struct state *st)
{
	struct nu_when *w = st->w;

	if (st->dot_h < 0 || w->h >= 0 || w->y >= 0)
		return 0;
	w->h = st->dot_h;
	w->mi = st->dot_mi;
	w->d = w->mo = -1;
	w->context = 1;
	st->dot_h = -1;
	return 1;
}

/*
 * A month written "tháng 3" or "thg 3" (thg: the short form many sites
 * and Google print, "5 thg 3, 2018") at low[i]: its number, *end the
 * offset after it; 0 if none.
 */
static int
month_word(const char *s, const char *low, size_t n, size_t i, size_t *end)
{
	size_t k;
	int v, nv;

	if ((k = word_then(low, n, i, "tháng")) == 0 &&
	    (k = word_then(low, n, i, "thg")) == 0)
		return 0;
	if (k >= n || !digit(s[k]))
		return 0;
	v = number(s, n, &k, &nv);
	if (nv < 1 || nv > 2 || v < 1 || v > 12 || word_at(s, n, k))
		return 0;
	*end = k;
	return v;
}

static int
year_of(int v, int nd)
{
	if (nd == 2)
		return v < 70 ? 2000 + v : 1900 + v;
	return nd == 4 ? v : -1;
}

/*
 * A number group at s[*i]: a time ("18:55", "17h40", "06.00" after a
 * date), a numeric date ("27/04/2022", "2026-11-19", "27.4"), a
 * Vietnamese "5 tháng 3 năm 2018", or a bare day or year beside an
 * English month.  0 when the group fits no piece or repeats one.
 */
static int
number_piece(const char *s, const char *low, size_t n, size_t *i,
    struct state *st)
{
	struct nu_when *w = st->w;
	size_t j = *i, k;
	int a, b, c, na, nb, nc;
	char sep;

	a = number(s, n, &j, &na);
	if (a < 0)
		return 0;
	/* a time: H:MM, HhMM, HgMM, Hh */
	if (j < n && na <= 2 && (s[j] == ':' || low[j] == 'h' || low[j] == 'g')) {
		sep = low[j];
		k = j + 1;
		b = number(s, n, &k, &nb);
		if (nb == 2 || (nb == 0 && sep != ':' && !word_at(s, n, k))) {
			if (w->h >= 0 || a > 24 || b > 59)
				return 0;
			w->h = a;
			w->mi = nb == 2 ? b : 0;
			/* seconds and their fraction */
			if (k + 2 < n && s[k] == ':' && digit(s[k + 1]) && digit(s[k + 2])) {
				k += 3;
				if (k + 1 < n && s[k] == '.' && digit(s[k + 1]))
					for (k++; k < n && digit(s[k]); k++)
						;
			}
			/* "8:05am": the am/pm may be glued on */
			if (word_at(s, n, k) && low[k] != 'z' &&
			    !((low[k] == 'a' || low[k] == 'p') && k + 1 < n &&
			    (low[k + 1] == 'm' || low[k + 1] == '.')))
				return 0;
			w->context = 1;
			*i = k;
			st->time_end = (int)k;
			return 1;
		}
		return 0;
	}
	/* a time in words: "17 giờ 40", "17 giờ 40 phút", "8 giờ" */
	if (na <= 2 && !word_at(s, n, j) &&
	    (k = word_then(low, n, j, "giờ")) > 0) {
		b = 0;
		if (k < n && digit(s[k])) {
			b = number(s, n, &k, &nb);
			if (nb < 1 || nb > 2 || word_at(s, n, k))
				return 0;
			j = word_then(low, n, k, "phút");
			if (j > 0)
				k = j;
		}
		j = k;
		if (w->h >= 0 || a > 24 || b > 59)
			return 0;
		w->h = a;
		w->mi = b;
		w->context = 1;
		while (j > *i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			j--;
		*i = j;
		st->time_end = (int)j;
		return 1;
	}
	/* a numeric date: D/M/Y, D.M.YY, Y-M-D, D/M */
	if (j + 1 < n && (s[j] == '/' || s[j] == '.' || s[j] == '-') &&
	    digit(s[j + 1])) {
		sep = s[j];
		k = j + 1;
		b = number(s, n, &k, &nb);
		if (b < 0)
			return 0;
		c = -1;
		nc = 0;
		if (k + 1 < n && s[k] == sep && digit(s[k + 1])) {
			k++;
			c = number(s, n, &k, &nc);
			if (c < 0)
				return 0;
		}
		if (word_at(s, n, k) && !(s[k] == 'T' && k + 1 < n && digit(s[k + 1])))
			return 0;
		if (c < 0 && sep == '.' && nb == 2 && w->d >= 0 && w->h < 0 &&
		    a <= 23 && b <= 59) {
			/* "Mon 23 Nov 2026 06.00 GMT": after the date, a time */
			w->h = a;
			w->mi = b;
			w->context = 1;
			st->time_end = (int)k;
			*i = k;
			return 1;
		}
		if ((w->d >= 0 || w->mo >= 0) && !dot_was_time(st))
			return 0;
		if (c < 0 && sep == '.' && na <= 2 && nb == 2 && a <= 23 &&
		    b <= 59 && w->h < 0) {
			st->dot_h = a;	/* "17.40": a time if a date follows */
			st->dot_mi = b;
		}
		if (c >= 0 && na == 4) {		/* 2026-11-19 */
			if (nb > 2 || nc > 2)
				return 0;
			w->y = a;
			w->mo = b;
			w->d = c;
		} else if (c >= 0) {			/* 27/04/2022, 08.02.17 */
			if (na > 2 || nb > 2 || (w->y = year_of(c, nc)) < 0)
				return 0;
			w->d = a;
			w->mo = b;
		} else {				/* 27/4 */
			if (sep == '-' || na > 2 || nb > 2)
				return 0;	/* "5-3" is a score */
			w->d = a;
			w->mo = b;
		}
		/* day first; month first only where the day cannot be */
		if (w->mo > 12 && w->d <= 12 && na <= 2) {
			c = w->mo;
			w->mo = w->d;
			w->d = c;
		}
		*i = k;
		return 1;
	}
	/* ordinal: 5th, 21st */
	if (j + 1 < n && na <= 2 && ((low[j] == 's' && low[j + 1] == 't') ||
	    (low[j] == 'n' && low[j + 1] == 'd') || (low[j] == 'r' &&
	    low[j + 1] == 'd') || (low[j] == 't' && low[j + 1] == 'h')) &&
	    !word_at(s, n, j + 2))
		j += 2;
	if (word_at(s, n, j))
		return 0;
	/* ngày 5 tháng 3 (năm 2018), 5 thg 3, 2018 */
	if (na <= 2 && (b = month_word(s, low, n, j, &k)) > 0) {
		if ((w->d >= 0 || w->mo >= 0) && !dot_was_time(st))
			return 0;
		w->d = a;
		w->mo = b;
		j = k;
		if ((k = word_then(low, n, k, "năm")) > 0 && k < n && digit(s[k])) {
			c = number(s, n, &k, &nc);
			if (nc != 4 || word_at(s, n, k))
				return 0;
			w->y = c;
			j = k;
		}
		*i = j;
		return 1;
	}
	if (na == 4 && w->y < 0 && (w->mo >= 0 || w->d >= 0)) {
		w->y = a;		/* "March 5, 2024", "5 March 2024" */
	} else if (na <= 2 && w->d < 0) {
		w->d = a;		/* "March 5", or "5" before "March" */
	} else
		return 0;
	*i = j;
	return 1;
}

/* A zone after a time: "GMT", "(GMT+7)", "UTC-05:00", "+07:00", "Z". */
static size_t
zone(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && k - i < 5 && upper_ascii(s[k]))
		k++;
	if (k - i == 1 && s[i] != 'Z')
		return 0;
	if (k - i > 0 && word_at(s, n, k))
		return 0;
	if (k < n && (s[k] == '+' || s[k] == '-') && k + 1 < n && digit(s[k + 1])) {
		for (k++; k < n && digit(s[k]); k++)
			;
		if (k + 2 < n && s[k] == ':' && digit(s[k + 1]) && digit(s[k + 2]))
			k += 3;
	}
	return k > i && !word_at(s, n, k) ? k - i : 0;
}

/* Capitalised words to the end: the name of "... by Jane Doe". */
static int
name_rest(const char *s, size_t n, size_t i)
{
	int nw = 0;

	while ((i = skip_blanks(s, n, i)) < n) {
		if (!upper_ascii(s[i]) && (unsigned char)s[i] < 0xC0)
			return 0;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (++nw > 5)
			return 0;
	}
	return nw > 0;
}

/* Lowercased lines: one for the line, one for a second date in it. */
static struct nu_buf lowbufs[2];
static int depth;

/*
 * The hour h said before a part of the day named by word (its lexicon
 * form): the afternoon's and evening's hours are past noon ("5 giờ
 * chiều", "8 giờ tối"), the night's from 7 too ("10 giờ đêm": 22:00) and
 * its 12 is midnight ("12 giờ đêm", "12 giờ khuya"), noon's 1 and 2 are
 * after it ("1 giờ trưa").  The morning's hours stay.
 */
static int
daypart_hour(const char *word, int h)
{
	int night = strncmp(word, "đêm", strlen("đêm")) == 0 ||
	    strncmp(word, "nửa đêm", strlen("nửa đêm")) == 0 ||
	    strncmp(word, "khuya", strlen("khuya")) == 0;

	if (strncmp(word, "tối", strlen("tối")) == 0 ||
	    strncmp(word, "chiều", strlen("chiều")) == 0)
		return h >= 1 && h <= 11 ? h + 12 : h;
	if (night)
		return h == 12 ? 0 : h >= 7 && h <= 11 ? h + 12 : h;
	if (strncmp(word, "trưa", strlen("trưa")) == 0)
		return h >= 1 && h <= 2 ? h + 12 : h;
	return h;
}

/* Whether s[0..n) is a date line of its own ("Last modified on Wed 16
   Jan 2019"): asked once, from inside nu_date_line. */
static int
second_date(const char *s, size_t n)
{
	struct nu_when w2;
	int r;

	if (depth > 0)
		return 0;
	depth++;
	r = nu_date_line(s, n, &w2);
	depth--;
	return r;
}

int
nu_date_line(const char *s, size_t n, struct nu_when *w)
{
	struct nu_buf *lowbuf = &lowbufs[depth];
	struct state st = {0};
	const struct word *wd;
	const char *low;
	size_t i, k;
	int started = 0, v;

	memset(w, 0, sizeof(*w));
	w->y = w->mo = w->d = w->h = w->mi = -1;
	if (n == 0 || n > LINE_MAX_BYTES)
		return 0;
	if (!nu_has_digit(s, n))	/* every date has a number */
		return 0;
	/* a dateline has few words of letters ("Posted on March 5, 2024 by
	   Jane Doe Smith" has eight); a sentence has many: no lowercasing */
	for (i = 0, k = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ' && !digit(s[i]) &&
		    ++k > 14)
			return 0;
	nu_buf_reset(lowbuf);
	nu_utf8_lower(s, n, lowbuf);
	/* a lowercase of another length (rare letters) keeps the case */
	low = lowbuf->len == n ? lowbuf->p : s;
	st.w = w;
	st.dot_h = -1;
	for (i = 0; i < n; ) {
		if ((k = separator(s, n, i)) > 0) {
			i += k;
			continue;
		}
		if (digit(s[i])) {
			if (!started++)
				w->start = i;
			if (!number_piece(s, low, n, &i, &st))
				return 0;
			continue;
		}
		/* ISO: the T between date and time */
		if (s[i] == 'T' && w->d >= 0 && w->h < 0 && i + 1 < n &&
		    digit(s[i + 1])) {
			i++;
			continue;
		}
		if (w->d >= 0 && w->mo >= 0 && (k = word_then(low, n, i, "by")) > 0 &&
		    name_rest(s, n, k)) {
			w->by = i;
			break;
		}
		/* "Tháng 3 5, 2018": the month first, in words */
		if (w->mo < 0 && w->d < 0 && (v = month_word(s, low, n, i, &k)) > 0) {
			if (!started++)
				w->start = i;
			w->mo = v;
			i = k;
			continue;
		}
		if ((wd = word_of(low, n, i)) == NULL) {
			if (st.time_end > 0 && (k = zone(s, n, i)) > 0) {
				i += k;
				continue;
			}
			return 0;
		}
		if (!started && (wd->kind == K_WEEKDAY || wd->kind == K_MONTH)) {
			started = 1;
			w->start = i;
		}
		/* "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan
		   2019": a second date's label after a whole date ends
		   the first */
		if (wd->kind == K_LABEL && w->d >= 0 && w->mo >= 0 &&
		    (w->y >= 0 || w->h >= 0) && second_date(s + i, n - i)) {
			w->end = i;
			break;
		}
		/* "8 giờ tối", "10 giờ đêm": the part of the day right
		   after an hour says which half of the day it is in */
		if (wd->kind == K_DAYPART && st.time_end > 0 &&
		    skip_blanks(s, n, (size_t)st.time_end) == i)
			w->h = daypart_hour(wd->s, w->h);
		switch (wd->kind) {
		case K_WEEKDAY:
			if (st.weekday++)
				return 0;
			w->context = 1;
			break;
		case K_AMPM:
			/* right after the time: "8:52 AM", "15:48 PM" */
			if (st.time_end == 0 || st.ampm++ ||
			    skip_blanks(s, n, (size_t)st.time_end) != i)
				return 0;
			if (wd->s[0] == 'p' || wd->s[0] == 'c') {
				if (w->h < 12)
					w->h += 12;
			} else if (w->h == 12)
				w->h = 0;
			break;
		case K_MONTH:
			if (w->mo >= 0)
				return 0;
			w->mo = wd->val;
			break;
		default:	/* day part, label, link word */
			w->context = 1;
			break;
		}
		i += wd->n;
	}
	if (w->d < 1 || w->d > 31 || w->mo < 1 || w->mo > 12 ||
	    (w->y >= 0 && (w->y < 1800 || w->y > 2200)))
		return 0;
	if (w->h > 23)
		return 0;
	return w->y >= 0 || w->context;
}

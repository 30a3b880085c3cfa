/*
 * Pattern entities: dates, times, money, percentages, URLs, e-mail
 * addresses, phone numbers.  One PCRE2 pattern per rule, compiled with JIT
 * once; each match goes through a handler that checks it and writes the
 * normalised value.  Patterns use \h, never \s, so nothing crosses a line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_entity.h"
#include "nu_entity_int.h"

enum rule {
	R_RANGE, R_RANGE_D, R_RANGE_M, R_DMY, R_DMY_WORDS, R_DM_SLASH, R_DM_DOT, R_MY, R_M,
	R_QUARTER, R_YEAR, R_YEARS, R_TIME_COLON, R_TIME_H, R_TIME_GIO,
	R_EN_MDY, R_EN_MRANGE, R_EN_DRANGE, R_EN_MMRANGE, R_EN_DMY, R_EN_MY,
	R_EN_QUARTER, R_ISO, R_EN_YEARS, R_EN_YEAR, R_TIME_EN,
	R_MONEY_SYM, R_MONEY, R_PERCENT, R_URL, R_EMAIL, R_PHONE, R_NRULES
};

/* day part words, included in a Vietnamese date's text ("Chiều 26/1") */
#define DP "(?:(?:rạng\\h+sáng|sáng\\h+sớm|chiều\\h+tối|sáng|trưa|chiều|" \
	"tối|đêm|hôm)\\h+(?:nay\\h+|qua\\h+)?(?:ngày\\h+)?|ngày\\h+)?"
#define MONTHS "(January|February|March|April|May|June|July|August|" \
	"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|" \
	"Sept|Sep|Oct|Nov|Dec)\\.?"
/* no house number before a date (số 14/5), no percent after it; a range
 * followed by a street word is a house number too (12-14/5 đường ...) */
#define NOADDR "(?<!nhà\\h|số\\h|ngõ\\h|hẻm\\h|kiệt\\h|ngách\\h)"
#define NOTPCT "(?!\\h*(?:%|phần\\h+trăm|percent))"
#define NOSTREET "(?!\\h+(?:đường|phố|ngõ|hẻm|ngách|kiệt)\\h+(?:(?-i:\\p{Lu})|[0-9]|số\\h))"
#define NUM "([0-9]{1,3}(?:[.,][0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"

static const struct {
	enum rule	 rule;
	int		 caseless;
	const char	*re;
} rules[R_NRULES] = {
	{ R_RANGE, 1, "(?<![\\w/.])(?:từ\\h+)?(?:ngày\\h+)?([0-9]{1,2})[/.]([0-9]{1,2})"
	    "(?:[/.]([0-9]{4}))?\\h*(?:đến|tới|-|–)\\h*(?:ngày\\h+)?"
	    "([0-9]{1,2})[/.]([0-9]{1,2})(?:[/.]([0-9]{4}))?(?![\\w/]|[.,][0-9])"
	    NOTPCT },
	/* days of one month: "từ ngày 18 đến 20/3", "26-27/5/2025"; the bare
	 * "N-N" form takes '.' before the month only with a year (6-7.5% is
	 * a percentage), and no house numbers (số 12-14/5 đường ...) */
	{ R_RANGE_D, 1, "(?<![\\w/.,])(?:(?:từ\\h+)?ngày\\h+([0-9]{1,2})\\h*"
	    "(?:đến|tới|-|–)|từ\\h+([0-9]{1,2})\\h*(?:đến|tới)|" NOADDR "([0-9]{1,2})"
	    "\\h*[-–])\\h*(?:ngày\\h+)?([0-9]{1,2})(?:/|(?(3)\\.(?=[0-9]{1,2}"
	    "[/.][0-9]{4})|\\.))([0-9]{1,2})(?:[/.]([0-9]{4}))?(?![\\w/]|[.,][0-9])"
	    NOTPCT NOSTREET },
	/* months: "từ tháng 1 đến tháng 2/2025" */
	{ R_RANGE_M, 1, "(?<!\\w)(?:từ\\h+)?tháng\\h+([0-9]{1,2})\\h*"
	    "(?:đến|tới|-|–)\\h*(?:tháng\\h+)?([0-9]{1,2})"
	    "(?:(?:[/-]|\\h+năm\\h+)([0-9]{4}))?(?![\\w/]|[.,][0-9])" },
	{ R_DMY, 1, "(?<![\\w/.])" DP "([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?![\\w/])" },
	{ R_DMY_WORDS, 1, "(?<!\\w)ngày\\h+([0-9]{1,2})\\h+tháng\\h+([0-9]{1,2})"
	    "(?:\\h*(?:năm|,)\\h*([0-9]{4}))?(?!\\w)" },
	{ R_DM_SLASH, 1, "(?<![\\w/.,]|[0-9][-–])" NOADDR DP "([0-9]{1,2})/([0-9]{1,2})"
	    "(?![\\w/.,][0-9]|\\w)" NOTPCT },
	{ R_DM_DOT, 1, "(?<![\\w/.,])(?:(?:rạng\\h+sáng|sáng|trưa|chiều|tối|đêm)"
	    "\\h+(?:nay\\h+)?(?:ngày\\h+)?|ngày\\h+)([0-9]{1,2})\\.([0-9]{1,2})"
	    "(?![\\w/]|[.,][0-9])" },
	{ R_MY, 1, "(?<!\\w)tháng\\h+([0-9]{1,2})(?:[/-]|\\h+năm\\h+)([0-9]{4})(?!\\w)" },
	{ R_M, 1, "(?<!\\w)tháng\\h+([0-9]{1,2})(?![\\w/]|[.,][0-9])" },
	{ R_QUARTER, 1, "(?<!\\w)quý\\h+(IV|III|II|I|[1-4])(?:\\h*[/-]\\h*|"
	    "\\h+(?:năm\\h+)?)([0-9]{4})(?!\\w)" },
	{ R_YEAR, 1, "(?<!\\w)năm\\h+([0-9]{4})(?![\\w/]|[.,][0-9]|\\h*[-–]\\h*[0-9])" },
	{ R_YEARS, 1, "(?<!\\w)(?:giai\\h+đoạn|nhiệm\\h+kỳ|thời\\h+kỳ|năm|từ\\h+năm)"
	    "\\h+\\K([0-9]{4})\\h*[-–]\\h*([0-9]{4})(?!\\w)" },
	{ R_TIME_COLON, 0, "(?<![\\w:.])([0-9]{1,2}):([0-9]{2})(?![\\w:]|\\h*[ap]\\.?m\\b)" },
	{ R_TIME_H, 0, "(?<![\\w:.])([0-9]{1,2})h([0-9]{2})?(?!\\w)" },
	{ R_TIME_GIO, 1, "(?<!\\w)lúc\\h+\\K([0-9]{1,2})\\h*giờ(?:\\h*([0-9]{1,2})"
	    "\\h*phút)?(?!\\w)" },
	{ R_EN_MDY, 0, "(?<!\\w)" MONTHS "\\h+([0-9]{1,2})(?:st|nd|rd|th)?"
	    "(?:,?\\h+([0-9]{4}))?(?![\\w:])" },
	/* "June 24-25", "June 24 to 26, 2025" */
	{ R_EN_MRANGE, 0, "(?<!\\w)(?:(?:[Ff]rom|[Bb]etween)\\h+)?" MONTHS
	    "\\h+([0-9]{1,2})\\h*(?:-|–|to\\h|and\\h|until\\h|through\\h)"
	    "\\h*([0-9]{1,2})(?:,?\\h+([0-9]{4}))?(?![\\w:])" },
	/* "24-25 June", "from 3 to 5 March 2025" */
	{ R_EN_DRANGE, 0, "(?<![\\w/.])(?:([0-9]{1,2})\\h*[-–]|(?:[Ff]rom|[Bb]etween)"
	    "\\h+([0-9]{1,2})\\h+(?:to|and|until))\\h*([0-9]{1,2})\\h+" MONTHS
	    "(?:,?\\h+([0-9]{4}))?(?!\\w)" },
	/* "between January and April 2025", "from May to July" */
	{ R_EN_MMRANGE, 0, "(?<!\\w)(?:[Ff]rom|[Bb]etween)\\h+" MONTHS
	    "\\h+(?:to|and|until|through)\\h+" MONTHS "(?:,?\\h+([0-9]{4}))?(?!\\w)" },
	{ R_EN_DMY, 0, "(?<![\\w/.])([0-9]{1,2})(?:st|nd|rd|th)?\\h+(?:of\\h+)?"
	    MONTHS "(?:,?\\h+([0-9]{4}))?(?!\\w)" },
	{ R_EN_MY, 0, "(?<!\\w)" MONTHS "\\h+([0-9]{4})(?!\\w)" },
	/* "fourth quarter of 2025", "Q3 2024" */
	{ R_EN_QUARTER, 0, "(?<!\\w)(?:([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|"
	    "3rd|4th)\\h+quarter\\h+(?:of\\h+)?|Q([1-4])\\h+)((?:19|20)[0-9]{2})(?!\\w)" },
	{ R_ISO, 0, "(?<![\\w-])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![\\w-])" },
	/* "from 2008 to 2013", "between 2020 and 2024" */
	{ R_EN_YEARS, 0, "(?<!\\w)(?:[Ff]rom|[Bb]etween)\\h+((?:19|20)[0-9][0-9])"
	    "\\h+(?:to|and|until|through)\\h+((?:19|20)[0-9][0-9])(?![\\w/-]|[.,][0-9])" },
	{ R_EN_YEAR, 0, "(?<!\\w)(?:[Ii]n|[Ss]ince|by|until|[Ff]rom|of|during|"
	    "before|after|[Ee]arly|[Ll]ate|[Mm]id)\\h+\\K((?:19|20)[0-9][0-9])"
	    "(?![\\w/-]|[.,][0-9]|\\h*%)" },
	{ R_TIME_EN, 1, "(?<![\\w:.])([0-9]{1,2})(?::([0-9]{2}))?\\h*([ap])\\.?m\\.?(?!\\w)" },
	{ R_MONEY_SYM, 0, "(?<![\\w$])(US\\$|S\\$|A\\$|\\$|€|£|¥)\\h?" NUM
	    "(?:\\h*(thousand|million|billion|trillion|bn|mn|m|k)\\b)?" },
	{ R_MONEY, 1, "(?<![\\w.,])" NUM "\\h*(nghìn|ngàn|triệu|tỷ|tỉ|thousand|"
	    "million|billion|trillion)?\\h*(đồng|VNĐ|VND|USD|đô\\h+la\\h+Mỹ|"
	    "đô\\h+la|đô|euro|EUR|nhân\\h+dân\\h+tệ|NDT|CNY|yên|JPY|bảng\\h+Anh|"
	    "GBP|dollars?|euros?|yuan|yen|pounds?|won|baht|kíp|rupees?)(?!\\w)" },
	{ R_PERCENT, 1, "(?<![\\w.,])" NUM "\\h?(%|phần\\h+trăm|percent|per\\h+cent)"
	    "(?!\\w)" },
	{ R_URL, 1, "(?<![\\w@])(?:https?://|www\\.)[^\\s<>\"“”‘’]+" },
	{ R_EMAIL, 1, "(?<![\\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*"
	    "\\.[a-z]{2,}(?!\\w)" },
	{ R_PHONE, 0, "(?<![\\w.,/+-])(?:\\+[0-9]{1,3}[\\h.-]?(?:\\([0-9]{1,4}\\)[\\h.-]?)?|"
	    "\\(0[0-9]{1,3}\\)\\h?|0)[0-9]{1,4}(?:[\\h.-]?[0-9]{2,4}){1,4}(?![\\w.,/-]*[0-9])" },
};

struct region {
	size_t		b, e;	/* scan from b, subject cut at e */
	uint64_t	bytes;	/* which of the needed bytes it holds */
};

struct patstate {
	pcre2_code		*re[R_NRULES];
	int			 jit[R_NRULES];
	pcre2_match_data	*md;
	struct region		*reg;	/* digit windows of the text */
	size_t			 capreg;
};

void
nu_ent_pat_init(struct nu_ent_ctx *c)
{
	struct patstate *ps = nu_emalloc(sizeof(*ps));

	memset(ps, 0, sizeof(*ps));
	ps->md = pcre2_match_data_create(16, NULL);
	if (ps->md == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	c->pat = ps;
}

/* Compile rule r (with JIT) the first time a text needs it. */
static void
compile(struct patstate *ps, int r)
{
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];
	uint32_t opt;

	opt = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
	if (rules[r].caseless)
		opt |= PCRE2_CASELESS;
	ps->re[r] = pcre2_compile((PCRE2_SPTR)rules[r].re,
	    PCRE2_ZERO_TERMINATED, opt, &err, &off, NULL);
	if (ps->re[r] == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		nu_die(NU_EXIT_TROUBLE, "internal error: pattern %d: %s at %zu",
		    r, (char *)msg, (size_t)off);
	}
	ps->jit[r] = pcre2_jit_compile(ps->re[r], PCRE2_JIT_COMPLETE) == 0;
}

void
nu_ent_pat_free(struct nu_ent_ctx *c)
{
	struct patstate *ps = c->pat;
	int i;

	if (ps == NULL)
		return;
	for (i = 0; i < R_NRULES; i++)
		pcre2_code_free(ps->re[i]);
	pcre2_match_data_free(ps->md);
	free(ps->reg);
	free(ps);
	c->pat = NULL;
}

/* ---- helpers ---- */

/* ASCII case-insensitive equality of n bytes. */
static int
ieq(const char *a, const char *b, size_t n)
{
	size_t i;
	int x, y;

	for (i = 0; i < n; i++) {
		x = (unsigned char)a[i];
		y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

struct m {
	const char	*s;
	PCRE2_SIZE	*ov;
	int		 n;
};

static int
has(const struct m *m, int g)
{
	return g < m->n && m->ov[2 * g] != PCRE2_UNSET &&
	    m->ov[2 * g + 1] > m->ov[2 * g];
}

static long
gnum(const struct m *m, int g)
{
	long v = 0;
	size_t i;

	if (!has(m, g))
		return -1;
	for (i = m->ov[2 * g]; i < m->ov[2 * g + 1]; i++) {
		if (m->s[i] < '0' || m->s[i] > '9')
			return -1;
		v = v * 10 + (m->s[i] - '0');
		if (v > 100000)
			return -1;
	}
	return v;
}

static int
gis(const struct m *m, int g, const char *w)
{
	size_t n = strlen(w);

	return has(m, g) && m->ov[2 * g + 1] - m->ov[2 * g] == n &&
	    ieq(m->s + m->ov[2 * g], w, n);
}

static int
valid_dm(long d, long mo)
{
	static const int mdays[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	return mo >= 1 && mo <= 12 && d >= 1 && d <= mdays[mo];
}

static int
valid_y(long y)
{
	return y >= 1000 && y <= 2999;
}

/* The year of refdate ("2022-04-27"), or -1. */
static long
ref_year(const struct nu_ent_ctx *c)
{
	const char *r = c->refdate;
	long y = 0;
	int i;

	if (r == NULL)
		return -1;
	for (i = 0; i < 4; i++) {
		if (r[i] < '0' || r[i] > '9')
			return -1;
		y = y * 10 + (r[i] - '0');
	}
	return y;
}

static void
add_date(struct nu_ent_ctx *c, int score, size_t b, size_t e, long y,
    long mo, long d)
{
	char v[96];
	size_t i;

	if (y < 0 && mo > 0)
		y = ref_year(c);
	if (y >= 0 && mo > 0 && d > 0)
		snprintf(v, sizeof(v), "\"%04ld-%02ld-%02ld\"", y, mo, d);
	else if (mo > 0 && d > 0)
		snprintf(v, sizeof(v), "\"--%02ld-%02ld\"", mo, d);
	else if (y >= 0 && mo > 0)
		snprintf(v, sizeof(v), "\"%04ld-%02ld\"", y, mo);
	else if (mo > 0)
		snprintf(v, sizeof(v), "\"--%02ld\"", mo);
	else
		snprintf(v, sizeof(v), "\"%04ld\"", y);
	i = nu_cand_add(c, NU_ENT_DATE, score, b, e);
	nu_cand_value(c, i, v, strlen(v));
}

void
nu_date_add(struct nu_ent_ctx *c, int score, size_t b, size_t e, long y,
    long mo, long d)
{
	add_date(c, score, b, e, y, mo, d);
}

/* A date value without quotes, as add_date writes it. */
static void
fmt_date(const struct nu_ent_ctx *c, char *v, size_t nv, long y, long mo,
    long d)
{
	if (y < 0 && mo > 0 && y != -2)
		y = ref_year(c);
	if (y >= 0 && mo > 0 && d > 0)
		snprintf(v, nv, "%04ld-%02ld-%02ld", y, mo, d);
	else if (mo > 0 && d > 0)
		snprintf(v, nv, "--%02ld-%02ld", mo, d);
	else if (y >= 0 && mo > 0)
		snprintf(v, nv, "%04ld-%02ld", y, mo);
	else
		snprintf(v, nv, "--%02ld", mo);
}

/* A range "A/B" of two dates; the second's year stands for both. */
static void
add_range(struct nu_ent_ctx *c, int score, size_t b, size_t e, long y,
    long m1, long d1, long m2, long d2)
{
	char v[160], a[64], z[64];
	size_t i;

	if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || (y >= 0 && !valid_y(y)))
		return;
	if (d1 >= 0 && (!valid_dm(d1, m1) || !valid_dm(d2, m2)))
		return;
	if (d1 >= 0 ? (m1 == m2 && d2 <= d1) : m2 <= m1)
		return;
	fmt_date(c, a, sizeof(a), y, m1, d1 < 0 ? 0 : d1);
	fmt_date(c, z, sizeof(z), y, m2, d2 < 0 ? 0 : d2);
	snprintf(v, sizeof(v), "\"%s/%s\"", a, z);
	i = nu_cand_add(c, NU_ENT_DATE, score, b, e);
	nu_cand_value(c, i, v, strlen(v));
}

static long
month_en(const struct m *m, int g)
{
	static const char *names[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	const char *p;
	int i;

	if (!has(m, g))
		return -1;
	p = m->s + m->ov[2 * g];
	for (i = 0; i < 12; i++)
		if (ieq(p, names[i], 3))
			return i + 1;
	return -1;
}

/*
 * The value of a number written with the conventions of lang: Vietnamese
 * "1.500,5", English "1,500.5".  A separator followed by exactly three
 * digits and matching the language's thousands mark groups thousands;
 * otherwise it is the decimal mark ("1.2 tỷ" in a Vietnamese text is 1.2).
 */
static double
parse_num(const char *s, size_t n, int lang)
{
	char thou = lang == NU_LANG_VI ? '.' : ',';
	double v = 0, scale = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (scale > 0) {
				v += (s[i] - '0') * scale;
				scale /= 10;
			} else
				v = v * 10 + (s[i] - '0');
			continue;
		}
		for (j = i + 1; j < n && s[j] >= '0' && s[j] <= '9'; j++)
			;
		if (s[i] == thou && j - i - 1 == 3 && scale == 0)
			continue;
		if (scale == 0)
			scale = 0.1;
	}
	return v;
}

static void
fmt_num(char *out, size_t sz, double v)
{
	/* the range first: converting a double out of long long's range
	 * is undefined (the fuzzer's "eight" run of 50 digits) */
	if (v > -9e18 && v < 9e18 && v == (double)(long long)v)
		snprintf(out, sz, "%lld", (long long)v);
	else
		snprintf(out, sz, "%.10g", v);
}

static double
multiplier(const char *w, size_t n)
{
	static const struct { const char *w; double m; } t[] = {
		{ "nghìn", 1e3 }, { "ngàn", 1e3 }, { "triệu", 1e6 },
		{ "tỷ", 1e9 }, { "tỉ", 1e9 }, { "thousand", 1e3 },
		{ "million", 1e6 }, { "billion", 1e9 }, { "trillion", 1e12 },
		{ "bn", 1e9 }, { "mn", 1e6 }, { "m", 1e6 }, { "k", 1e3 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strlen(t[i].w) == n && ieq(w, t[i].w, n))
			return t[i].m;
	return 1;
}

static const char *
currency(const char *w, size_t n)
{
	static const struct { const char *w, *code; } t[] = {
		{ "đồng", "VND" }, { "vnđ", "VND" }, { "vnd", "VND" },
		{ "usd", "USD" }, { "đô", "USD" }, { "dollar", "USD" },
		{ "$", "USD" }, { "us$", "USD" }, { "s$", "SGD" },
		{ "a$", "AUD" }, { "euro", "EUR" }, { "eur", "EUR" },
		{ "€", "EUR" }, { "nhân", "CNY" }, { "ndt", "CNY" },
		{ "cny", "CNY" }, { "yuan", "CNY" }, { "yên", "JPY" },
		{ "jpy", "JPY" }, { "yen", "JPY" }, { "¥", "JPY" },
		{ "bảng", "GBP" }, { "gbp", "GBP" }, { "pound", "GBP" },
		{ "£", "GBP" }, { "won", "KRW" }, { "baht", "THB" },
		{ "kíp", "LAK" }, { "rupee", "INR" },
	};
	size_t i, k;
	char low[16];

	for (k = 0; k < n && k < sizeof(low) - 1; k++)
		low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
	low[k] = '\0';
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strncmp(low, t[i].w, strlen(t[i].w)) == 0)
			return t[i].code;
	return "XXX";
}

static void
add_money(struct nu_ent_ctx *c, size_t b, size_t e, const struct m *m,
    int gnum_, int gmul, int gcur)
{
	char v[96], num[40];
	double x;
	size_t i;

	x = parse_num(m->s + m->ov[2 * gnum_], m->ov[2 * gnum_ + 1] -
	    m->ov[2 * gnum_], c->curlang);
	if (has(m, gmul))
		x *= multiplier(m->s + m->ov[2 * gmul], m->ov[2 * gmul + 1] -
		    m->ov[2 * gmul]);
	fmt_num(num, sizeof(num), x);
	snprintf(v, sizeof(v), "{\"amount\":%s,\"currency\":\"%s\"}", num,
	    currency(m->s + m->ov[2 * gcur], m->ov[2 * gcur + 1] -
	    m->ov[2 * gcur]));
	i = nu_cand_add(c, NU_ENT_MONEY, 92, b, e);
	nu_cand_value(c, i, v, strlen(v));
}

static long
roman(const struct m *m, int g)
{
	static const char *r[] = { "I", "II", "III", "IV" };
	long v = gnum(m, g);
	int i;

	if (v > 0)
		return v;
	for (i = 3; i >= 0; i--)
		if (gis(m, g, r[i]))
			return i + 1;
	return -1;
}

static size_t
count_digits(const char *s, size_t b, size_t e)
{
	size_t k = 0;

	for (; b < e; b++)
		k += s[b] >= '0' && s[b] <= '9';
	return k;
}

/* One match of rule r over bytes [b, e). */
static void
handle(struct nu_ent_ctx *c, enum rule r, const struct m *m, size_t b,
    size_t e)
{
	long d, mo, y, h, mi;
	char v[128];
	size_t i;
	const char *s = m->s;

	switch (r) {
	case R_RANGE:
		/* without a year the range needs its "từ" or "ngày" (a bare
		 * "30/5 - 1/6" may be a score or a fraction) */
		if (!has(m, 6) && s[b] >= '0' && s[b] <= '9')
			return;
		d = gnum(m, 1), mo = gnum(m, 2);
		y = has(m, 6) ? gnum(m, 6) : ref_year(c);
		if (!valid_dm(d, mo) || !valid_dm(gnum(m, 4), gnum(m, 5)))
			return;
		if (!valid_y(y)) {
			if (has(m, 6))
				return;
			snprintf(v, sizeof(v), "\"--%02ld-%02ld/--%02ld-%02ld\"",
			    mo, d, gnum(m, 5), gnum(m, 4));
			i = nu_cand_add(c, NU_ENT_DATE, 97, b, e);
			nu_cand_value(c, i, v, strlen(v));
			break;
		}
		snprintf(v, sizeof(v), "\"%04ld-%02ld-%02ld/%04ld-%02ld-%02ld\"",
		    has(m, 3) ? gnum(m, 3) : y, mo, d, y, gnum(m, 5),
		    gnum(m, 4));
		i = nu_cand_add(c, NU_ENT_DATE, 97, b, e);
		nu_cand_value(c, i, v, strlen(v));
		break;
	case R_RANGE_D:
		d = has(m, 1) ? gnum(m, 1) : has(m, 2) ? gnum(m, 2) : gnum(m, 3);
		mo = gnum(m, 5);
		add_range(c, 97, b, e, has(m, 6) ? gnum(m, 6) : -1, mo, d, mo,
		    gnum(m, 4));
		break;
	case R_RANGE_M:
		add_range(c, 96, b, e, has(m, 3) ? gnum(m, 3) : -2, gnum(m, 1),
		    -1, gnum(m, 2), -1);
		break;
	case R_EN_MRANGE:
		mo = month_en(m, 1);
		add_range(c, 97, b, e, has(m, 4) ? gnum(m, 4) : -1, mo,
		    gnum(m, 2), mo, gnum(m, 3));
		break;
	case R_EN_DRANGE:
		mo = month_en(m, 4);
		add_range(c, 97, b, e, has(m, 5) ? gnum(m, 5) : -1, mo,
		    has(m, 1) ? gnum(m, 1) : gnum(m, 2), mo, gnum(m, 3));
		break;
	case R_EN_MMRANGE:
		add_range(c, 96, b, e, has(m, 3) ? gnum(m, 3) : -2,
		    month_en(m, 1), -1, month_en(m, 2), -1);
		break;
	case R_EN_QUARTER:
		y = gnum(m, 3);
		if (has(m, 2))
			h = gnum(m, 2);
		else if (s[m->ov[2]] >= '1' && s[m->ov[2]] <= '4')
			h = s[m->ov[2]] - '0';
		else	/* first, second, third, fourth: 2nd letter */
			h = s[m->ov[2] + 1] == 'i' ? 1 : s[m->ov[2] + 1] == 'e' ?
			    2 : s[m->ov[2] + 1] == 'h' ? 3 : 4;
		if (!valid_y(y))
			return;
		snprintf(v, sizeof(v), "\"%04ld-Q%ld\"", y, h);
		i = nu_cand_add(c, NU_ENT_DATE, 93, b, e);
		nu_cand_value(c, i, v, strlen(v));
		break;
	case R_DMY:
		d = gnum(m, 1), mo = gnum(m, 2), y = gnum(m, 3);
		if (valid_dm(d, mo) && valid_y(y))
			add_date(c, 95, b, e, y, mo, d);
		break;
	case R_DMY_WORDS:
		d = gnum(m, 1), mo = gnum(m, 2), y = gnum(m, 3);
		if (valid_dm(d, mo) && (y < 0 || valid_y(y)))
			add_date(c, 95, b, e, y, mo, d);
		break;
	case R_DM_SLASH:
	case R_DM_DOT:
		d = gnum(m, 1), mo = gnum(m, 2);
		/* "26.3 âm lịch": a lunar date has no Gregorian value */
		if (e + 3 < c->n && strncmp(s + e, " âm", 4) == 0)
			return;
		if (valid_dm(d, mo))
			add_date(c, 90, b, e, -1, mo, d);
		break;
	case R_MY:
		mo = gnum(m, 1), y = gnum(m, 2);
		if (mo >= 1 && mo <= 12 && valid_y(y))
			add_date(c, 93, b, e, y, mo, 0);
		break;
	case R_M:
		mo = gnum(m, 1);
		if (mo >= 1 && mo <= 12)
			add_date(c, 91, b, e, -2, mo, 0);
		break;
	case R_QUARTER:
		y = gnum(m, 2);
		if ((h = roman(m, 1)) < 1 || !valid_y(y))
			return;
		snprintf(v, sizeof(v), "\"%04ld-Q%ld\"", y, h);
		i = nu_cand_add(c, NU_ENT_DATE, 93, b, e);
		nu_cand_value(c, i, v, strlen(v));
		break;
	case R_YEAR:
	case R_EN_YEAR:
		if (valid_y(y = gnum(m, 1)))
			add_date(c, 91, b, e, y, 0, 0);
		break;
	case R_YEARS:
	case R_EN_YEARS:
		y = gnum(m, 1), h = gnum(m, 2);
		if (!valid_y(y) || !valid_y(h) || h <= y)
			return;
		snprintf(v, sizeof(v), "\"%04ld/%04ld\"", y, h);
		i = nu_cand_add(c, NU_ENT_DATE, 93, b, e);
		nu_cand_value(c, i, v, strlen(v));
		break;
	case R_TIME_COLON:
	case R_TIME_H:
	case R_TIME_GIO:
	case R_TIME_EN:
		h = gnum(m, 1);
		mi = has(m, 2) ? gnum(m, 2) : 0;
		if (r == R_TIME_EN) {
			if (h < 1 || h > 12)
				return;
			if (gis(m, 3, "p") && h != 12)
				h += 12;
			else if (gis(m, 3, "a") && h == 12)
				h = 0;
		}
		if (h < 0 || h > 23 || mi < 0 || mi > 59)
			return;
		snprintf(v, sizeof(v), "\"%02ld:%02ld\"", h, mi);
		i = nu_cand_add(c, NU_ENT_TIME, 94, b, e);
		nu_cand_value(c, i, v, strlen(v));
		break;
	case R_EN_MDY:
		mo = month_en(m, 1), d = gnum(m, 2), y = gnum(m, 3);
		if (valid_dm(d, mo) && (y < 0 || valid_y(y)))
			add_date(c, 95, b, e, y, mo, d);
		break;
	case R_EN_DMY:
		d = gnum(m, 1), mo = month_en(m, 2), y = gnum(m, 3);
		if (valid_dm(d, mo) && (y < 0 || valid_y(y)))
			add_date(c, 95, b, e, y, mo, d);
		break;
	case R_EN_MY:
		mo = month_en(m, 1), y = gnum(m, 2);
		if (mo > 0 && valid_y(y))
			add_date(c, 93, b, e, y, mo, 0);
		break;
	case R_ISO:
		y = gnum(m, 1), mo = gnum(m, 2), d = gnum(m, 3);
		if (valid_dm(d, mo) && valid_y(y))
			add_date(c, 95, b, e, y, mo, d);
		break;
	case R_MONEY_SYM:
		add_money(c, b, e, m, 2, 3, 1);
		break;
	case R_MONEY:
		add_money(c, b, e, m, 1, 2, 3);
		break;
	case R_PERCENT: {
		char num[40];

		fmt_num(num, sizeof(num), parse_num(s + m->ov[2],
		    m->ov[3] - m->ov[2], c->curlang));
		i = nu_cand_add(c, NU_ENT_PERCENT, 92, b, e);
		nu_cand_value(c, i, num, strlen(num));
		break;
	}
	case R_URL:
		while (e > b && strchr(".,;:!?)]}'\"", s[e - 1]) != NULL)
			e--;
		nu_cand_add(c, NU_ENT_URL, 99, b, e);
		break;
	case R_EMAIL:
		nu_cand_add(c, NU_ENT_EMAIL, 99, b, e);
		break;
	case R_PHONE:
		i = count_digits(s, b, e);
		if (i >= 9 && i <= 13)
			nu_cand_add(c, NU_ENT_PHONE, 89, b, e);
		break;
	case R_NRULES:
		break;
	}
}

static unsigned
rule_types(enum rule r)
{
	if (r <= R_YEARS || (r >= R_EN_MDY && r <= R_EN_YEAR))
		return 1u << NU_ENT_DATE;
	if (r <= R_TIME_GIO || r == R_TIME_EN)
		return 1u << NU_ENT_TIME;
	if (r <= R_MONEY)
		return 1u << NU_ENT_MONEY;
	if (r == R_PERCENT)
		return 1u << NU_ENT_PERCENT;
	if (r == R_URL)
		return 1u << NU_ENT_URL;
	if (r == R_EMAIL)
		return 1u << NU_ENT_EMAIL;
	return 1u << NU_ENT_PHONE;
}

/*
 * Where to look.  Every match of a rule but URL and e-mail holds an ASCII
 * digit, starts at most a few tokens before its first digit (day parts
 * "rạng sáng nay ngày 26", "US$ 5", "quý IV 2024") and ends, with its
 * lookaheads, a few tokens after its last one ("5 triệu đô la Mỹ").  So
 * those rules run only over windows of BACK tokens before and FWD tokens
 * after each token with a digit, merged; the subject is cut at the first
 * blank after a window, where no lookahead can see further.  A search from
 * a window's start finds the same leftmost match as a search from the
 * text's start would, so the matches are the ones a whole-text scan finds.
 */
#define BACK	10
#define FWD	10

/*
 * Which rules a window may match, from the bytes it holds (speed: most
 * windows hold a number and few of the words around it, and every rule
 * rescanned every window).  A rule needs a byte of its literal text: ':'
 * for a time, '/' or '.' between day and month, the letters of "tháng"
 * ("á" is C3 A1, "Á" C3 81: caseless matching folds only those), and so
 * on.  A window without the bytes cannot match, so it is not asked.  The
 * table gives each byte its own bit; need() is a rule's test.
 */
static const unsigned char need_bytes[] = "/.-:h%$pPmM"
	"\xC2\xC3\xC4\xE1\xE2\xA1\x81\xA0\x80\xBD\x9D\x83\x82\xBA"
	"\x9A\x9C\xAC\xA3\xA5\x93";
static uint64_t byte_bit[256];

#define B(c)	(byte_bit[(unsigned char)(c)])

static void
need_init(void)
{
	size_t i;

	for (i = 0; need_bytes[i] != '\0'; i++)
		byte_bit[need_bytes[i]] = 1ull << i;
	/* one bit for both cases where a pattern is caseless */
	byte_bit['P'] = byte_bit['p'];
	byte_bit['M'] = byte_bit['m'];
}

/* The bits of the needed bytes in s[b..e). */
static uint64_t
bytes_of(const char *s, size_t b, size_t e)
{
	uint64_t m = 0;

	for (; b < e; b++)
		m |= B(s[b]);
	return m;
}

/* Do the bytes m allow a match of rule r? */
static int
may_match(enum rule r, uint64_t m)
{
	/* á Á (tháng), à À (ngày), ý Ý (quý), ă Ă (năm), ú Ú (lúc), ờ Ờ
	   (giờ), – (E2 80 93), € (E2 82 AC), £ ¥ (C2 A3, C2 A5) */
	int thang = (m & B(0xC3)) && (m & (B(0xA1) | B(0x81)));
	int ngay = (m & B(0xC3)) && (m & (B(0xA0) | B(0x80)));
	int dash = (m & B('-')) || ((m & B(0xE2)) && (m & B(0x80)) &&
	    (m & B(0x93)));

	switch (r) {
	case R_RANGE:
	case R_RANGE_D:
		return (m & (B('/') | B('.'))) != 0;
	case R_RANGE_M:
	case R_MY:
	case R_M:
		return thang;
	case R_DMY:
		return (m & (B('/') | B('.') | B('-'))) != 0;
	case R_DMY_WORDS:
		return thang && ngay;
	case R_DM_SLASH:
		return (m & B('/')) != 0;
	case R_DM_DOT:
		return (m & B('.')) != 0;
	case R_QUARTER:
		return (m & B(0xC3)) && (m & (B(0xBD) | B(0x9D)));
	case R_YEAR:
		return (m & B(0xC4)) && (m & (B(0x83) | B(0x82)));
	case R_YEARS:
		return dash;
	case R_TIME_COLON:
		return (m & B(':')) != 0;
	case R_TIME_H:
		return (m & B('h')) != 0;
	case R_TIME_GIO:
		return (m & B(0xC3)) && (m & (B(0xBA) | B(0x9A))) &&
		    (m & B(0xE1)) && (m & (B(0x9D) | B(0x9C)));
	case R_ISO:
		return (m & B('-')) != 0;
	case R_TIME_EN:
		return (m & B('m')) != 0;
	case R_MONEY_SYM:
		return (m & B('$')) || ((m & B(0xE2)) && (m & B(0x82)) &&
		    (m & B(0xAC))) || ((m & B(0xC2)) && (m & (B(0xA3) |
		    B(0xA5))));
	case R_PERCENT:
		return (m & (B('%') | B('p'))) != 0;
	default:
		return 1;	/* no byte all its matches need */
	}
}

/* The digit windows of the text into ps->reg; returns how many. */
static size_t
digit_regions(struct nu_ent_ctx *c, struct patstate *ps)
{
	size_t i, lo, hi, b, e, nr = 0;
	const char *s = c->s;

	for (i = 0; i < c->ntok; i++) {
		if (!(c->tok[i].fl & T_DIG))
			continue;
		lo = i > BACK ? i - BACK : 0;
		hi = i + FWD < c->ntok ? i + FWD : c->ntok - 1;
		/* a later digit within the window extends it */
		while (i + 1 < c->ntok && i + 1 <= hi) {
			i++;
			if (c->tok[i].fl & T_DIG)
				hi = i + FWD < c->ntok ? i + FWD : c->ntok - 1;
		}
		b = c->tok[lo].b;
		e = c->tok[hi].e;
		while (e < c->n && s[e] != ' ' && s[e] != '\t' && s[e] != '\n')
			e++;
		if (nr > 0 && b <= ps->reg[nr - 1].e) {
			ps->reg[nr - 1].e = e;
			continue;
		}
		if (nr == ps->capreg) {
			ps->capreg = ps->capreg ? ps->capreg * 2 : 64;
			ps->reg = nu_ereallocarray(ps->reg, ps->capreg,
			    sizeof(*ps->reg));
		}
		ps->reg[nr].b = b;
		ps->reg[nr].e = e;
		nr++;
	}
	return nr;
}

/* Whether the text may hold a URL: "://" or "www." in any case. */
static int
may_url(const struct nu_ent_ctx *c)
{
	const char *p = c->s, *end = c->s + c->n;

	while ((p = memchr(p, ':', (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && p[1] == '/' && p[2] == '/')
			return 1;
		p++;
	}
	p = c->s;
	while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
		if (p - c->s >= 3 && (p[-1] | 32) == 'w' && (p[-2] | 32) == 'w' &&
		    (p[-3] | 32) == 'w')
			return 1;
		p++;
	}
	return 0;
}

/* All matches of rule r starting in [b, e), the subject cut at e. */
static void
scan(struct nu_ent_ctx *c, struct patstate *ps, enum rule r, size_t b,
    size_t e, PCRE2_SIZE *pos)
{
	struct m m;
	int rc;

	m.s = c->s;
	if (ps->re[r] == NULL)
		compile(ps, r);
	if (*pos < b)
		*pos = b;
	while (*pos <= e) {
		if (ps->jit[r])
			rc = pcre2_jit_match(ps->re[r], (PCRE2_SPTR)c->s, e,
			    *pos, PCRE2_NO_UTF_CHECK, ps->md, NULL);
		else
			rc = pcre2_match(ps->re[r], (PCRE2_SPTR)c->s, e, *pos,
			    PCRE2_NO_UTF_CHECK, ps->md, NULL);
		if (rc < 0)
			break;
		m.ov = pcre2_get_ovector_pointer(ps->md);
		m.n = rc;
		if (m.ov[1] > m.ov[0])
			handle(c, r, &m, m.ov[0], m.ov[1]);
		*pos = m.ov[1] > m.ov[0] ? m.ov[1] : m.ov[1] + 1;
		/* step over a whole UTF-8 sequence */
		while (*pos < c->n && ((unsigned char)c->s[*pos] & 0xC0) == 0x80)
			(*pos)++;
	}
}

void
nu_ent_patterns(struct nu_ent_ctx *c)
{
	struct patstate *ps = c->pat;
	PCRE2_SIZE pos;
	size_t k, nr;
	int r;

	nr = digit_regions(c, ps);
	if (byte_bit['/'] == 0)
		need_init();
	for (k = 0; k < nr; k++)
		ps->reg[k].bytes = bytes_of(c->s, ps->reg[k].b, ps->reg[k].e);
	for (r = 0; r < R_NRULES; r++) {
		if (!(c->types & rule_types(r)))
			continue;
		pos = 0;
		if (r == R_URL) {
			if (may_url(c))
				scan(c, ps, r, 0, c->n, &pos);
			continue;
		}
		if (r == R_EMAIL) {
			if (memchr(c->s, '@', c->n) != NULL)
				scan(c, ps, r, 0, c->n, &pos);
			continue;
		}
		if (((r >= R_EN_MDY && r <= R_EN_QUARTER) || r == R_EN_YEAR) &&
		    c->curlang != NU_LANG_EN)
			continue;
		/* a window skipped would have left pos where the next one
		   sets it: the matches are the same */
		for (k = 0; k < nr; k++)
			if (pos < ps->reg[k].e && may_match(r, ps->reg[k].bytes))
				scan(c, ps, r, ps->reg[k].b, ps->reg[k].e, &pos);
	}
}

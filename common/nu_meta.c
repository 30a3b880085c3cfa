#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pcre2.h>
#include <utf8proc.h>

#include "nu_buf.h"
#include "nu_cli.h"
#include "nu_date.h"
#include "nu_learn.h"
#include "nu_lexicon.h"
#include "nu_meta.h"
#include "nu_pairset.h"
#include "nu_utf8.h"

/* A compiled pattern with its match data, made once at start-up, and the
   numbers of the named groups asked for so far (asking PCRE2 by name on
   every match cost as much as the match) */
#define PAT_NAMES	8
struct pat {
	pcre2_code		*re;
	pcre2_match_data	*md;
	const char		*name[PAT_NAMES];
	int			 num[PAT_NAMES];
};

static struct pat p_lead_vi, p_lead_en, p_lead_wire, p_lead_agency;
static struct pat p_byline_vi, p_byline_theo, p_byline_en, p_byline_source;
static struct pat p_byline_th, p_byline_dash, p_byline_name_theo;
static struct pat p_url, p_date_glue, p_date_only;
static struct pat p_credit, p_caption_label, p_reltime;
static struct nu_wordset *share_tokens, *image_exts;
/* for person names: loaded the first time a name is in question */
static struct nu_wordset *surnames_vi, *first_names_en, *stop_en,
    *agencies, *provinces_vn, *cities_vn, *given_vi, *places_world;

/* Month names and their numbers, from months-en.txt ("March\t3"). */
struct month {
	char	name[16];
	int	num;
};
static struct month months[64];
static size_t nmonths;

/* Block headers from boilerplate-*.txt ("related-header\ttin liên quan"). */
struct header {
	char	*phrase;	/* lowercase */
	size_t	 len;
	char	*role;
	int	 digits;	/* has '#', one or more digits */
};
static struct header *headers;
static size_t nheaders;
/*
 * An index of the headers (speed: nu_meta_header_role runs on most
 * lines): a hash table from phrase to its first header, and the headers
 * with '#' in list order.
 */
static size_t *header_slot;	/* index + 1, 0 empty */
static size_t header_cap;
static size_t *header_digits, nheader_digits;

static size_t
header_find(const char *p, size_t len)
{
	size_t i = (size_t)nu_feat_hash(p, len) & (header_cap - 1), h;

	while ((h = header_slot[i]) != 0 && !(headers[h - 1].len == len &&
	    memcmp(headers[h - 1].phrase, p, len) == 0))
		i = (i + 1) & (header_cap - 1);
	return i;
}

/*
 * The first two bytes the headers open with (the second 0 for a phrase of
 * one byte; any digit where a phrase has '#'): most lines open
 * as no header does, and are told so without lowering the whole line.
 */
static struct nu_pairset header_pre;

/*
 * The pairs a line matching phrase p[0..len) may open with: '#' is one
 * or more digits, so "# bình luận" opens with a digit and then a digit
 * or a blank.
 */
static void
header_pre_add(const char *p, size_t len)
{
	unsigned first[10], second[12], a, b;
	size_t nf = 0, ns = 0;

	if (len == 0)
		return;
	if (p[0] == '#') {
		for (a = '0'; a <= '9'; a++)
			first[nf++] = a;
		for (a = '0'; a <= '9'; a++)
			second[ns++] = a;
		second[ns++] = len > 1 && p[1] != '#' ?
		    (unsigned char)p[1] : 0;
	} else {
		first[nf++] = (unsigned char)p[0];
		if (len == 1)
			second[ns++] = 0;
		else if (p[1] == '#')
			for (a = '0'; a <= '9'; a++)
				second[ns++] = a;
		else
			second[ns++] = (unsigned char)p[1];
	}
	for (a = 0; a < nf; a++)
		for (b = 0; b < ns; b++)
			nu_pairset_add(&header_pre, first[a], second[b]);
}

static void
index_headers(void)
{
	size_t i, j;

	free(header_slot);	/* made again if the lexicons are */
	free(header_digits);
	nheader_digits = 0;
	memset(&header_pre, 0, sizeof(header_pre));
	for (i = 0; i < nheaders; i++)
		header_pre_add(headers[i].phrase, headers[i].len);
	for (header_cap = 16; header_cap < 2 * nheaders; header_cap *= 2)
		;
	header_slot = calloc(header_cap, sizeof(*header_slot));
	header_digits = calloc(nheaders + 1, sizeof(*header_digits));
	if (header_slot == NULL || header_digits == NULL)
		nu_die(NU_EXIT_TROUBLE, "out of memory");
	for (i = 0; i < nheaders; i++) {
		j = header_find(headers[i].phrase, headers[i].len);
		if (header_slot[j] == 0)	/* the first one wins */
			header_slot[j] = i + 1;
		if (headers[i].digits)
			header_digits[nheader_digits++] = i;
	}
}

static void
compile(struct pat *p, const char *pattern, uint32_t extra)
{
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	p->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | extra, &err, &off,
	    NULL);
	if (p->re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		nu_die(NU_EXIT_TROUBLE, "internal pattern error at %zu: %s",
		    (size_t)off, (char *)msg);
	}
	pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE);	/* no JIT: still works */
	memset(p->name, 0, sizeof(p->name));	/* group numbers: asked anew */
	p->md = pcre2_match_data_create_from_pattern(p->re, NULL);
}

static int
match(struct pat *p, const char *s, size_t n)
{
	int rc;

	/* the JIT's own entry skips pcre2_match's checks and set-up (a
	   recogniser asks several patterns of most lines, and most fail at
	   once); a pattern the JIT could not compile says so, and goes the
	   usual way */
	rc = pcre2_jit_match(p->re, (PCRE2_SPTR)s, n, 0, 0, p->md, NULL);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(p->re, (PCRE2_SPTR)s, n, 0,
		    PCRE2_NO_UTF_CHECK, p->md, NULL);
	return rc >= 0;
}

/* The span of named group name in the last match, or 0 if it is unset. */
static int
group(struct pat *p, const char *name, const char *s, const char **g,
    size_t *glen)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
	size_t k;
	int i = -1;

	for (k = 0; k < PAT_NAMES && p->name[k] != NULL; k++)
		if (strcmp(p->name[k], name) == 0) {
			i = p->num[k];
			break;
		}
	if (k == PAT_NAMES || p->name[k] == NULL) {
		i = pcre2_substring_number_from_name(p->re, (PCRE2_SPTR)name);
		if (k < PAT_NAMES) {
			p->name[k] = name;	/* callers pass literals */
			p->num[k] = i;
		}
	}
	if (i < 0 || ov[2 * i] == PCRE2_UNSET)
		return 0;
	*g = s + ov[2 * i];
	*glen = ov[2 * i + 1] - ov[2 * i];
	return *glen > 0;
}

static int
group_int(struct pat *p, const char *name, const char *s)
{
	const char *g;
	size_t n;
	char tmp[8];

	if (!group(p, name, s, &g, &n) || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, g, n);
	tmp[n] = '\0';
	return atoi(tmp);
}

static int
month_number(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && s[n - 1] == '.')
		n--;
	for (i = 0; i < nmonths; i++)
		if (strlen(months[i].name) == n &&
		    strncasecmp(months[i].name, s, n) == 0)
			return months[i].num;
	return -1;
}

static void
add_month(const char *s, size_t n, void *arg)
{
	const char *tab = memchr(s, '\t', n);
	size_t k;

	(void)arg;
	if (tab == NULL || nmonths >= sizeof(months) / sizeof(months[0]))
		return;
	k = (size_t)(tab - s);
	if (k == 0 || k >= sizeof(months[0].name))
		return;
	memcpy(months[nmonths].name, s, k);
	months[nmonths].name[k] = '\0';
	months[nmonths].num = atoi(tab + 1);
	nmonths++;
}

/* Roles of a line that heads the blocks after an article. */
static int
block_role(const char *r, size_t k)
{
	static const char *const roles[] = { "related-header",
	    "comment-header", "comment", "share", "tags" };
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strlen(roles[i]) == k && memcmp(r, roles[i], k) == 0)
			return 1;
	return 0;
}

static void
add_header(const char *s, size_t n, void *arg)
{
	const char *tab = memchr(s, '\t', n);
	struct nu_buf low = {0};
	size_t k;

	(void)arg;
	if (tab == NULL)
		return;
	k = (size_t)(tab - s);
	/* only the block headers that end an article; '*' patterns (any
	   text) are strip-boilerplate's; '#' (digits) is matched here */
	if (!block_role(s, k) || memchr(tab, '*', n - k) != NULL)
		return;
	headers = nu_ereallocarray(headers, nheaders + 1, sizeof(*headers));
	headers[nheaders].role = nu_emalloc(k + 1);
	memcpy(headers[nheaders].role, s, k);
	headers[nheaders].role[k] = '\0';
	nu_utf8_lower(tab + 1, n - k - 1, &low);
	headers[nheaders].phrase = low.p ? low.p : nu_estrdup("");
	headers[nheaders].len = low.len;
	headers[nheaders].digits = memchr(headers[nheaders].phrase, '#',
	    low.len) != NULL;
	nheaders++;
}

/* The alternation of month names for the English patterns, longest first. */
static void
month_alternation(struct nu_buf *b)
{
	size_t i, j, best, used[64] = {0};

	for (i = 0; i < nmonths; i++) {
		best = nmonths;
		for (j = 0; j < nmonths; j++)
			if (!used[j] && (best == nmonths ||
			    strlen(months[j].name) > strlen(months[best].name)))
				best = j;
		used[best] = 1;
		if (i > 0)
			nu_buf_addc(b, '|');
		nu_buf_adds(b, months[best].name);
	}
	if (nmonths == 0)
		nu_buf_adds(b, "(?!)");
}

/* Menu-opening labels (nav-start.txt), for nu_meta_nav_glue. */
#define NAV_STARTS	32
static struct {
	char	s[32];
	size_t	n;
}	nav_starts[NAV_STARTS];
static size_t nnav_starts;

static void
add_nav_start(const char *s, size_t n, void *arg)
{
	(void)arg;
	if (nnav_starts == NAV_STARTS || n == 0 ||
	    n >= sizeof(nav_starts[0].s))
		return;
	memcpy(nav_starts[nnav_starts].s, s, n);
	nav_starts[nnav_starts++].n = n;
}

/* A time zone after a time: "GMT", "GMT+7", "(UTC-05:00)", "EST". */
#define TZ	"(?:\\s*\\(?(?-i:[A-Z]{2,5})(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?\\)?)?"

void
nu_meta_init(void)
{
	struct nu_buf re = {0}, mon = {0};

	nu_lexicon_each("months-en.txt", add_month, NULL);
	nu_lexicon_each("boilerplate-vi.txt", add_header, NULL);
	nu_lexicon_each("boilerplate-en.txt", add_header, NULL);
	index_headers();
	share_tokens = nu_wordset_load("share-tokens.txt", 1);
	image_exts = nu_wordset_load("image-exts.txt", 1);
	nu_lexicon_each("nav-start.txt", add_nav_start, NULL);
	month_alternation(&mon);

	nu_date_init();

	/* BHG - Chiều 27.4, ... | Ngày 12/8, ... | sáng nay (15/6), ... */
	compile(&p_lead_vi,
	    "^(?:(?:(?-i:(?<ag>[A-ZĐ][A-ZĐ0-9.]{1,9}))"
	    "|\\((?-i:(?<ag2>\\p{Lu}[\\p{L}\\d .&'-]{0,24}?))\\))\\s*[-–—]\\s*)?"
	    "(?<dl>(?:rạng\\s+)?(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)"
	    "(?:\\s+(?:nay|qua|mai))?\\s*\\(?\\s*"
	    "(?<d>\\d{1,2})[/.](?<mo>\\d{1,2})(?:[/.](?<y>\\d{4}))?\\s*\\)?)"
	    "(?=[\\s,;:.]|$)", PCRE2_CASELESS);
	/* LONDON, March 5 (Reuters) - ... | (AP) — ... | (Dân trí) - ... */
	nu_buf_reset(&re);
	nu_buf_printf(&re,
	    "^(?:(?<place>[A-Z][A-Za-z .'-]{1,40}?(?:,\\s*[A-Z][A-Za-z.'-]{1,12})?)"
	    "(?:,\\s*(?<dl>(?<mon>%s)\\.?\\s+(?<d>\\d{1,2})))?\\s*)?"
	    "\\((?<ag>\\p{Lu}[\\p{L}\\d .&'-]{0,24}?)\\)\\s*[-–—]", mon.p);
	compile(&p_lead_en, re.p, 0);
	/* GREENVILLE, S.C., Nov. 24, 2026 /PRNewswire/ -- ... */
	nu_buf_reset(&re);
	nu_buf_printf(&re,
	    "^[A-Z][A-Za-z .,'-]{1,60}?,\\s*(?<dl>(?<mon>%s)\\.?\\s+"
	    "(?<d>\\d{1,2}),?\\s+(?<y>\\d{4}))\\s*/\\s*"
	    "(?<ag>\\p{L}[\\p{L}\\d .&-]{1,30}?)\\s*/\\s*(?:--|[-–—])", mon.p);
	compile(&p_lead_wire, re.p, 0);
	compile(&p_lead_agency,
	    "^(?<ag>[A-ZĐ][A-ZĐ0-9.]{1,9})\\s+[-–—]\\s+\\S", 0);

	/* The byline and credit patterns below are asked only of lines
	   whose bytes may match (byline_need, first_in in nu_meta_byline
	   and nu_meta_credit_line): a new opening word or required
	   character must be added there too. */
	/* Tin, ảnh: Phi Anh | Bài và ảnh: ... | PV: ... */
	compile(&p_byline_vi,
	    "^\\s*(?:(?:tin|bài|ảnh|video|clip|đồ họa|thực hiện|tác giả)"
	    "(?:\\s*(?:,|và|\\+|-|/|&)\\s*(?:tin|bài|ảnh|video|clip))*"
	    "|(?:nhóm\\s+)?(?:pv|phóng viên|ptv|ctv))\\s*:\\s*"
	    "(?<au>[^:]{2,80}?)\\s*$", PCRE2_CASELESS);
	/* Theo Hữu Huỳnh/baolaocai.vn | Theo TTXVN | Nguồn: VTV */
	compile(&p_byline_theo,
	    "^\\s*(?:theo|nguồn\\s*:)\\s+(?-i:(?=\\p{Lu}|[a-z0-9.-]+\\.[a-z]{2,}))"
	    "(?:(?<au>[^/()|,;:.]{2,60}?)\\s*(?:/|\\(|\\s-\\s|\\|)\\s*)?"
	    "(?<ag>[^/()|,;:]{2,60}?)\\s*\\)?\\s*$", PCRE2_CASELESS);
	/* By Jane Doe | By Jane Doe and John Roe, Reuters */
	compile(&p_byline_en,
	    "^\\s*(?i:by|reporting by|written by)\\s+"
	    "(?<au>\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|&|de|van|"
	    "von|der|da|bin|al))*)(?:\\s+in\\s+\\p{Lu}[\\p{L}.'’-]*"
	    "(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2})?"
	    "(?:\\s*[,|;]\\s*(?<ag>[^,|;]{2,60}?))?"
	    "(?:\\s*[;,]\\s*(?i:editing by).*)?\\s*$", 0);
	/* (TH) | (t/h) | Hạ Huyền (TH) | Lê Anh (Theo zing.vn): compiled
	   from other sites (issue 12) */
	compile(&p_byline_th,
	    "^\\s*(?:(?<au>[^()]{2,50}?)\\s*)?\\(\\s*(?:th|t/h|t\\.h|tổng hợp|"
	    "theo\\s+(?<ag>[^()]{2,60}?))\\s*\\)\\s*$", PCRE2_CASELESS);
	/* Lê Anh - Nguồn: laodong.vn | Lê Anh - Theo VnExpress */
	compile(&p_byline_dash,
	    "^\\s*(?<au>[^-–—:()]{2,50}?)\\s+[-–—]\\s+(?:nguồn|theo)\\s*:?\\s*"
	    "(?<ag>[^:]{2,60}?)\\s*$", PCRE2_CASELESS);
	/* Tri Thu (t/h) Theo Đời sống Plus | An Nhiên Theo Đời sống Plus |
	   Minh Trang theo Phonearena: the writer, then the source (issue
	   12: the forms baomoi's sites print) */
	compile(&p_byline_name_theo,
	    "^\\s*(?<au>[^-–—()/|,;:.!?\"“”]{2,40}?)\\s*(?:\\(\\s*(?:th|t/h|t\\.h|"
	    "tổng hợp)\\s*\\)\\s*)?(?i:theo)\\s+"
	    "(?<ag>\\p{Lu}[^()|,;:!?\"“”]{1,59}?)\\s*$", 0);
	compile(&p_byline_source,
	    "^\\s*(?i:source|sources|nguồn)\\s*:\\s*(?<ag>[^:]{2,60}?)\\s*$", 0);

	/* a URL, maybe after a short label of letters ("Nguồn:", "Link
	   bài gốc:", "Nguồn tin:", "Source:", "Read the original at:") */
	compile(&p_url, "^\\s*(?:\\p{L}+(?:\\s+\\p{L}+){0,4}\\s*:\\s*)?"
	    "(?<u>(?:https?://|www\\.)\\S+)\\s*$", PCRE2_CASELESS);
	/* 25/04/2022Đoàn | 2 MaySingapore | November 23, 2026How */
	nu_buf_reset(&re);
	nu_buf_printf(&re, "^(?:\\d{1,2}/\\d{1,2}/\\d{4}"
	    "|\\d{1,2}\\s+(?:%s)(?:\\s+\\d{4})?"
	    "|(?:%s)\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)(?=\\p{Lu}\\p{Ll})",
	    mon.p, mon.p);
	compile(&p_date_glue, re.p, 0);
	/* Image source, PA Media | Photo: Reuters | Ảnh: Giang Huy */
	compile(&p_credit, "^\\s*(?:image source|image credit|photo credit|"
	    "photo|photograph|picture|credit|ảnh|nguồn ảnh|nguồn)\\s*[,:]\\s*\\S",
	    PCRE2_CASELESS);
	compile(&p_caption_label, "^\\s*(?:image caption|caption|chú thích)"
	    "\\s*[,:]\\s*\\S", PCRE2_CASELESS);
	/* Updated 2 hours ago | 5 phút trước | Cập nhật 1 ngày trước */
	compile(&p_reltime, "^\\s*(?:(?:last\\s+)?(?:updated|published|posted)"
	    "|cập nhật|đăng)?\\s*:?\\s*(?:\\d{1,3}|an?|one)\\s*(?:seconds?|secs?|"
	    "minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|giây|phút|giờ|"
	    "tiếng|ngày|tuần|tháng|năm)\\s+(?:ago|trước)\\s*$", PCRE2_CASELESS);
	nu_buf_reset(&re);
	nu_buf_printf(&re,
	    "^\\s*(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}(?:\\s+\\d{1,2}:\\d{2})?"
	    "|\\d{4}-\\d{2}-\\d{2}|(?:%s)\\.?\\s+\\d{1,2},?\\s+\\d{4}"
	    "|\\d{1,2}\\s+(?:%s)\\.?,?\\s+\\d{4})\\s*$", mon.p, mon.p);
	compile(&p_date_only, re.p, PCRE2_CASELESS);
	nu_buf_free(&re);
	nu_buf_free(&mon);
}

static int
valid_date(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y < 0 ||
	    (y >= 1800 && y <= 2200));
}

/* Two decimal digits of v (< 100) at o. */
static char *
put2(char *o, unsigned v)
{
	o[0] = (char)('0' + v / 10);
	o[1] = (char)('0' + v % 10);
	return o + 2;
}

/*
 * "2022-04-27" or "--04-27" (no year).  Written by hand: snprintf was a
 * twentieth of the recognisers' work on dated pages.  The modulos keep
 * each part to its digits, as the "%04u"/"%02u" they replace did.
 */
static void
set_date(struct nu_date *d, int y, int m, int day)
{
	char *o = d->date;
	unsigned yy = (unsigned)y % 10000;

	if (y > 0) {
		o = put2(o, yy / 100);
		o = put2(o, yy % 100);
	} else {
		*o++ = '-';
	}
	*o++ = '-';
	o = put2(o, (unsigned)m % 100);
	*o++ = '-';
	o = put2(o, (unsigned)day % 100);
	*o = '\0';
}

static void
set_time(struct nu_date *d, int h, int m)
{
	if (h >= 0 && h <= 23 && m >= 0 && m <= 59) {
		put2(d->time, (unsigned)h);
		d->time[2] = ':';
		put2(d->time + 3, (unsigned)m);
		d->time[5] = '\0';
	}
}

static void	load_names(void);
static int	upper_at(const char *s, size_t n);
static int	agency_shape(const char *s, size_t n);
static int	place_vn(const char *s, size_t n);

/*
 * "Editor: Liu Fang", "Biên tập: X": a short label, a colon, some text;
 * or a reading time ("3 min read", "5 phút đọc").
 */
static int
reading_time(const char *s, size_t n)
{
	static const char *const reads[] = { " min read", " mins read",
	    " minute read", " minutes read", " phút đọc", NULL };
	size_t i, k;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > 0 && i <= 3)
		for (k = 0; reads[k] != NULL; k++)
			if (n - i == strlen(reads[k]) &&
			    strncasecmp(s + i, reads[k], n - i) == 0)
				return 1;
	return 0;
}

static int
label_field(const char *s, size_t n)
{
	const char *c = memchr(s, ':', n);
	size_t i, blanks = 0;

	if (reading_time(s, n))
		return 1;
	if (c == NULL || c == s || c - s > 24 || (size_t)(c - s) + 2 > n)
		return 0;
	for (i = 0; s + i < c; i++)
		blanks += s[i] == ' ';
	return blanks <= 2;
}

/* The end of the field at s (a '|', '·' or '•', or s + n); *sep its bytes. */
static const char *
field_end(const char *s, size_t n, size_t *sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '|') {
			*sep = 1;
			return s + i;
		}
		if (i + 1 < n && memcmp(s + i, "·", 2) == 0) {
			*sep = 2;
			return s + i;
		}
		if (i + 2 < n && memcmp(s + i, "•", 3) == 0) {
			*sep = 3;
			return s + i;
		}
	}
	*sep = 1;
	return s + n;
}

/* Is there a field separator ('|', '·', '•') in s[0..n)? */
static int
has_field_sep(const char *s, size_t n)
{
	const char *p, *e = s + n;

	if (memchr(s, '|', n) != NULL)
		return 1;
	/* memchr from lead byte to lead byte: a line of text has few */
	for (p = s; (p = memchr(p, '\xC2', (size_t)(e - p))) != NULL; p++)
		if (p + 1 < e && p[1] == '\xB7')
			return 1;
	for (p = s; (p = memchr(p, '\xE2', (size_t)(e - p))) != NULL; p++)
		if (p + 2 < e && p[1] == '\x80' && p[2] == '\xA2')
			return 1;
	return 0;
}

/*
 * A line of metadata fields between '|' ("Source: Xinhua| 2026-11-20
 * 16:05:12|Editor: Liu Fang", "By Jane Doe in Paris | example.com |
 * Updated: 2026-11-19 09:12"): one field or more is a dateline (the
 * first is taken) and every other one a byline, a name, a site or code, or
 * a short "Label: text".  d gets the dateline field's date and span and
 * the byline's author and agency.
 */
static int
dateline_fields(const char *s, size_t n, struct nu_date *d)
{
	struct nu_date f;
	struct nu_byline b;
	const char *p, *e;
	size_t i, k, sep, digits = 0;
	int dates = 0;

	for (i = 0; i < n; i++)
		digits += s[i] >= '0' && s[i] <= '9';
	if (digits < 4)		/* a dateline has a year */
		return 0;
	load_names();
	for (p = s; p <= s + n; p = e + sep) {
		e = field_end(p, (size_t)(s + n - p), &sep);
		k = (size_t)(e - p);
		nu_trim_blanks(&p, &k);
		if (k == 0)
			continue;
		if (nu_meta_dateline_line(p, k, &f)) {
			if (f.by != NULL)
				return 0;
			if (dates++ > 0)	/* "Published: X | Updated: Y" */
				continue;
			memcpy(d->date, f.date, sizeof(d->date));
			memcpy(d->time, f.time, sizeof(d->time));
			d->off = (size_t)(p - s) + f.off;
			d->len = f.len;
		} else if (nu_meta_byline(p, k, &b)) {
			if (b.author != NULL && d->by == NULL) {
				d->by = b.author;
				d->by_len = b.author_len;
			}
			if (b.agency != NULL && d->agency == NULL) {
				d->agency = b.agency;
				d->agency_len = b.agency_len;
			}
		} else if (agency_shape(p, k)) {
			if (d->agency == NULL) {
				d->agency = p;
				d->agency_len = k;
			}
		} else if (nu_meta_name_line(p, k, &b)) {
			if (d->by == NULL) {
				d->by = b.author;
				d->by_len = b.author_len;
			}
			if (b.agency != NULL && d->agency == NULL) {
				d->agency = b.agency;
				d->agency_len = b.agency_len;
			}
		} else if (!label_field(p, k))
			return 0;
	}
	return dates > 0;
}

/*
 * Whether the word before a dateline's dash names its source: a known
 * agency, or a code or site (agency_shape) that is no place: a town's
 * name or code there is where the story was filed ("TP.HCM - 17:40
 * 05/03/2018", "(Hà Nội) - ...", "WASHINGTON - ..."), no agency, and
 * the date after it stands.
 */
static int
dateline_source(const char *s, size_t n)
{
	load_names();
	if (nu_wordset_has(agencies, s, n))
		return 1;
	if (!agency_shape(s, n) || place_vn(s, n) ||
	    nu_wordset_has(places_world, s, n))
		return 0;
	/* "TP.HCM", "TP HCM", "TPHCM": the city's own codes */
	return !(n >= 3 && (s[0] == 'T' || s[0] == 't') && s[1] == 'P' &&
	    (s[2] == '.' || s[2] == ' ' || s[2] == 'H'));
}

/*
 * An agency before a dateline ("TTXVN - 17:40 27/04/2022", "(Dân trí) -
 * 27/04/2022 17:40"): a code in capitals or a short name in brackets,
 * then a dash between blanks.  The bytes up to the date, 0 if none; *ag,
 * *agn the agency, NULL when the word is a place (dateline_source).
 */
static size_t
agency_before_date(const char *s, size_t n, const char **ag, size_t *agn)
{
	size_t i = 0, k;

	if (n < 8)
		return 0;
	if (s[0] == '(') {
		const char *c = memchr(s, ')', n < 28 ? n : 28);

		if (c == NULL || c - s < 3 || !upper_at(s + 1, n - 1))
			return 0;
		*ag = s + 1;
		*agn = (size_t)(c - s) - 1;
		i = (size_t)(c - s) + 1;
	} else {
		while (i < n && i < 12 && ((s[i] >= 'A' && s[i] <= 'Z') ||
		    (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ||
		    (i + 1 < n && memcmp(s + i, "Đ", 2) == 0 && ++i)))
			i++;
		if (i < 2 || i >= 12)
			return 0;
		*ag = s;
		*agn = i;
	}
	if (i >= n || s[i] != ' ')
		return 0;
	if (!dateline_source(*ag, *agn))
		*ag = NULL, *agn = 0;	/* a place: the date stays */
	while (i < n && s[i] == ' ')
		i++;
	if ((k = nu_utf8_dash(s + i, n - i)) == 0)
		return 0;
	i += k;
	if (i >= n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i < n && s[i] >= '0' && s[i] <= '9' ? i : 0;
}

/* A dateline's text up to n without the blanks and separators after it. */
static size_t
trim_date_tail(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] != '\0' && strchr(" \t,|/-", s[n - 1]) != NULL)
		n--;
	return n;
}

int
nu_meta_dateline_line(const char *s, size_t n, struct nu_date *d)
{
	struct nu_when w;
	const char *ag;
	size_t agn, k;

	memset(d, 0, sizeof(*d));
	if (n > 120) {
		if (n <= 240 && has_field_sep(s, n) &&
		    dateline_fields(s, n, d))
			return 1;
		memset(d, 0, sizeof(*d));
		return 0;
	}
	if (nu_date_line(s, n, &w)) {
		set_date(d, w.y, w.mo, w.d);
		if (w.h >= 0)
			set_time(d, w.h, w.mi);
		d->len = n;
		/* "... 06.00 EST Last modified on ...": the first date */
		if (w.end > 0) {
			d->len = trim_date_tail(s, w.end);
		}
		/* "Posted on March 5, 2024 by Jane Doe": the date is the
		   dateline, the name the author */
		if (w.by > 0) {
			d->by_len = n - w.by - 2;
			d->by = s + w.by + 2;
			nu_trim_blanks(&d->by, &d->by_len);
			d->off = w.start;
			d->len = w.by - w.start;
			while (d->len > 0 && strchr(" \t,", s[d->off + d->len - 1]) != NULL)
				d->len--;
		}
		return 1;
	}
	if (has_field_sep(s, n) && dateline_fields(s, n, d))
		return 1;
	memset(d, 0, sizeof(*d));
	if ((k = agency_before_date(s, n, &ag, &agn)) > 0 &&
	    nu_date_line(s + k, n - k, &w) && w.by == 0) {
		set_date(d, w.y, w.mo, w.d);
		if (w.h >= 0)
			set_time(d, w.h, w.mi);
		d->off = k;
		d->len = trim_date_tail(s + k, w.end > 0 ? w.end : n - k);
		d->agency = ag;
		d->agency_len = agn;
		return 1;
	}
	return 0;
}

/*
 * Whether s[0..n) may hold p_lead_vi's day and month: a '/' or '.' with
 * a digit on each side.  Its \d is any decimal digit (UCP): a byte from
 * 0x80 may end or open one, so it counts as a digit here.
 */
static int
day_month_at(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i + 1 < n; i++)
		if ((s[i] == '/' || s[i] == '.') &&
		    ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
		    (unsigned char)s[i - 1] >= 0x80) &&
		    ((s[i + 1] >= '0' && s[i + 1] <= '9') ||
		    (unsigned char)s[i + 1] >= 0x80))
			return 1;
	return 0;
}

int
nu_meta_dateline_lead(const char *s, size_t n, struct nu_date *d,
    const char **agency, size_t *agency_len)
{
	const char *g;
	size_t gl;
	int y, m, day;

	memset(d, 0, sizeof(*d));
	*agency = NULL;
	*agency_len = 0;
	if (n > 200)
		n = 200;	/* a dateline is at the very start */
	while (n > 0 && (s[n - 1] & 0xC0) == 0x80)
		n--;		/* do not cut a character in two */
	if (n > 0 && (unsigned char)s[n - 1] >= 0xC0)
		n--;
	/* each pattern only where its bytes are (speed: asked of every
	   line with a digit near its start; most have none of these) */
	if (day_month_at(s, n) && match(&p_lead_vi, s, n)) {
		if (!group(&p_lead_vi, "ag", s, agency, agency_len))
			group(&p_lead_vi, "ag2", s, agency, agency_len);
		y = group_int(&p_lead_vi, "y", s);
		m = group_int(&p_lead_vi, "mo", s);
		day = group_int(&p_lead_vi, "d", s);
		if (!valid_date(y, m, day))
			return 0;
		set_date(d, y, m, day);
		group(&p_lead_vi, "dl", s, &g, &gl);
		d->off = (size_t)(g - s);
		d->len = gl;
		return 1;
	}
	if (memchr(s, '(', n) != NULL && match(&p_lead_en, s, n)) {
		group(&p_lead_en, "ag", s, agency, agency_len);
		if (group(&p_lead_en, "mon", s, &g, &gl)) {
			m = month_number(g, gl);
			day = group_int(&p_lead_en, "d", s);
			if (valid_date(-1, m, day)) {
				set_date(d, -1, m, day);
				group(&p_lead_en, "dl", s, &g, &gl);
				d->off = (size_t)(g - s);
				d->len = gl;
			}
		}
		return 1;
	}
	/* "/PRNewswire/": test for a slash before PCRE2 */
	if (memchr(s, '/', n) != NULL && match(&p_lead_wire, s, n)) {
		group(&p_lead_wire, "ag", s, agency, agency_len);
		group(&p_lead_wire, "mon", s, &g, &gl);
		m = month_number(g, gl);
		day = group_int(&p_lead_wire, "d", s);
		y = group_int(&p_lead_wire, "y", s);
		if (valid_date(y, m, day)) {
			set_date(d, y, m, day);
			group(&p_lead_wire, "dl", s, &g, &gl);
			d->off = (size_t)(g - s);
			d->len = gl;
		}
		return 1;
	}
	if (n > 2 && ((s[0] >= 'A' && s[0] <= 'Z') ||
	    ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90)) &&
	    match(&p_lead_agency, s, n)) {
		group(&p_lead_agency, "ag", s, agency, agency_len);
		return 1;
	}
	return 0;
}

/* An e-mail address names the writer's mailbox, not a news agency. */
static void
no_email_agency(struct nu_byline *b)
{
	if (b->agency != NULL && memchr(b->agency, '@', b->agency_len)) {
		b->agency = NULL;
		b->agency_len = 0;
	}
}

static int	name_kind(const char *s, size_t n);

/*
 * "Sarah Brown in London": an English name (known first name) and one to
 * three capitalised words of place, nothing else.
 */
static int
name_in_place(const char *s, size_t n, struct nu_byline *b)
{
	const char *in = NULL, *p;
	size_t i, words = 1;

	if (n > 60 || n < 8)
		return 0;
	for (i = 0; i + 4 <= n; i++)
		if (memcmp(s + i, " in ", 4) == 0)
			in = s + i;
	if (in == NULL || in == s || name_kind(s, (size_t)(in - s)) != 2)
		return 0;
	p = in + 4;
	if (p >= s + n || *p < 'A' || *p > 'Z')
		return 0;
	for (i = 0; p + i < s + n; i++)
		if (p[i] == ' ' && p + i + 1 < s + n) {
			words++;
			if (p[i + 1] < 'A' || p[i + 1] > 'Z')
				return 0;
		}
	if (words > 3)
		return 0;
	b->author = s;
	b->author_len = (size_t)(in - s);
	return 1;
}

/*
 * After a byline's comma, an agency: a known one, a code or site
 * (agency_shape), or a name with an agency word ("Press", "News"); a
 * place ("Bengaluru") is none of these.
 */
static int
agency_like(const char *s, size_t n)
{
	static const char *const w[] = { "news", "press", "agency", "service",
	    "wire", "times", "post", "media", "network", "radio", "tv",
	    "television", "journal", "herald", "tribune", "daily", "bureau",
	    "gazette", "telegraph", "newswire", "broadcasting", NULL };
	size_t i, j, k;

	load_names();
	if (agency_shape(s, n))
		return 1;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		for (k = 0; w[k] != NULL; k++)
			if (strlen(w[k]) == j - i &&
			    strncasecmp(w[k], s + i, j - i) == 0)
				return 1;
	}
	return 0;
}

/*
 * What the byline patterns need, from one pass over the line's bytes:
 * the first byte after ASCII blanks (folded to lowercase, 0x80 for any
 * non-ASCII byte: a Unicode space, 'ả', 'Đ' or 'ſ' may match, so PCRE2
 * decides those), and whether ':', '(' and a dash ('-', '–', '—') occur.
 * A pattern whose needs are missing cannot match; most lines are ruled
 * out here (speed: these patterns were a tenth of split-article's work,
 * asked of every short line and most fail).
 */
struct byline_need {
	unsigned char	first;	/* 0: blank line */
	unsigned	colon:1, paren:1, dash:1;
};

static void
byline_need(const char *s, size_t n, struct byline_need *k)
{
	const char *p, *e = s + n;
	size_t i;
	unsigned char c;

	memset(k, 0, sizeof(*k));
	for (i = 0; i < n && ((s[i] >= '\t' && s[i] <= '\r') || s[i] == ' ');
	    i++)
		;
	if (i < n) {
		c = (unsigned char)s[i];
		k->first = c >= 0x80 ? 0x80 : (c >= 'A' && c <= 'Z') ?
		    (unsigned char)(c + 32) : c;
	}
	k->colon = memchr(s, ':', n) != NULL;
	k->paren = memchr(s, '(', n) != NULL;
	k->dash = memchr(s, '-', n) != NULL;
	for (p = s; !k->dash && (p = memchr(p, 0xE2, (size_t)(e - p))) != NULL;
	    p++)		/* '–' E2 80 93, '—' E2 80 94 */
		k->dash = e - p >= 3 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x93 ||
		    (unsigned char)p[2] == 0x94);
}

/* May the line's first letter open one of the words in set? */
static int
first_in(const struct byline_need *k, const char *set)
{
	return k->first == 0x80 || (k->first != 0 &&
	    strchr(set, k->first) != NULL);
}

/* Does s[0..n) hold "theo " after its first byte (any case of t)? */
static int
has_theo(const char *s, size_t n)
{
	const char *p = s + 1, *e = s + n;

	while ((p = memchr(p, 'h', (size_t)(e - p))) != NULL && e - p >= 4) {
		if ((p[-1] == 't' || p[-1] == 'T') && memcmp(p, "heo ", 4) == 0)
			return 1;
		p++;
	}
	return 0;
}

int
nu_meta_byline(const char *s, size_t n, struct nu_byline *b)
{
	struct pat *p;
	struct byline_need k;

	memset(b, 0, sizeof(*b));
	if (n > 120)
		return 0;
	byline_need(s, n, &k);
	/* tin bài ảnh video clip đồ thực tác nhóm pv phóng ptv ctv, ':' */
	if (k.colon && first_in(&k, "tbvcnp") && match(&p_byline_vi, s, n)) {
		group(&p_byline_vi, "au", s, &b->author, &b->author_len);
		/* names, not a caption ("Ảnh: Lễ ký kết tuyên bố chung ...") */
		if (nu_utf8_word_count(b->author, b->author_len) <= 8)
			return 1;
		memset(b, 0, sizeof(*b));
	}
	if (first_in(&k, "tn") && match(&p_byline_theo, s, n)) {
		group(&p_byline_theo, "au", s, &b->author, &b->author_len);
		group(&p_byline_theo, "ag", s, &b->agency, &b->agency_len);
		/* "Theo Hữu Huỳnh": a person's name alone is the author */
		load_names();
		if (b->author == NULL && !agency_shape(b->agency,
		    b->agency_len) && name_kind(b->agency, b->agency_len)) {
			b->author = b->agency;
			b->author_len = b->agency_len;
			b->agency = NULL;
			b->agency_len = 0;
		}
		return 1;
	}
	if (first_in(&k, "brw") && match(&p_byline_en, s, n)) {
		group(&p_byline_en, "au", s, &b->author, &b->author_len);
		group(&p_byline_en, "ag", s, &b->agency, &b->agency_len);
		no_email_agency(b);
		/* "By Meera Nair, Bengaluru": a place, not an agency */
		if (b->agency != NULL && !agency_like(b->agency,
		    b->agency_len)) {
			b->agency = NULL;
			b->agency_len = 0;
		}
		return 1;
	}
	if (k.colon && first_in(&k, "sn") &&
	    match(&p_byline_source, s, n)) {
		group(&p_byline_source, "ag", s, &b->agency, &b->agency_len);
		no_email_agency(b);
		return 1;
	}
	if ((p = k.paren && match(&p_byline_th, s, n) ? &p_byline_th :
	    k.dash && match(&p_byline_dash, s, n) ? &p_byline_dash : NULL) !=
	    NULL) {
		struct nu_byline nb;

		group(p, "au", s, &b->author, &b->author_len);
		group(p, "ag", s, &b->agency, &b->agency_len);
		/* the name before "(TH)" or " - Nguồn:" is a person's */
		if (b->author == NULL || nu_meta_name_line(b->author,
		    b->author_len, &nb))
			return 1;
		memset(b, 0, sizeof(*b));
	}
	if (has_theo(s, n) && match(&p_byline_name_theo, s, n)) {
		struct nu_byline nb;

		group(&p_byline_name_theo, "au", s, &b->author, &b->author_len);
		group(&p_byline_name_theo, "ag", s, &b->agency, &b->agency_len);
		/* a person's name before "theo", a name or an agency after
		   it: not a sentence ("Giá vàng tăng theo USD") */
		if (nu_meta_name_line(b->author, b->author_len, &nb) &&
		    nu_utf8_word_count(b->agency, b->agency_len) <= 5)
			return 1;
		memset(b, 0, sizeof(*b));
	}
	if (name_in_place(s, n, b))
		return 1;
	/* a byline that is only an agency's name ("Reuters", "AFP") */
	nu_trim_blanks(&s, &n);
	if (n < 2 || n > 40 || nu_utf8_word_count(s, n) > 4)
		return 0;
	load_names();
	if (nu_wordset_has(agencies, s, n)) {
		b->agency = s;
		b->agency_len = n;
		return 1;
	}
	return 0;
}

/* Does s[0..n) start with "http" or "www." (any case)?  Asked of every
   line: the bytes compared here, case folded by the 0x20 bit (exact for
   these letters), not by two calls of strncasecmp. */
static int
url_head(const char *s, size_t n)
{
	return n >= 4 && (((s[0] | 0x20) == 'h' && (s[1] | 0x20) == 't' &&
	    (s[2] | 0x20) == 't' && (s[3] | 0x20) == 'p') ||
	    ((s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' &&
	    (s[2] | 0x20) == 'w' && s[3] == '.'));
}

size_t
nu_meta_url_line(const char *s, size_t n)
{
	const char *u;
	size_t ulen;

	const char *c;
	size_t i;

	/* cheap test first: the URL opens the line or follows a short
	   "Label:" (every line comes here, most have nothing of the kind) */
	if (n >= 4096)
		return 0;
	for (i = 0; i < n && s[i] == ' '; i++)
		;
	if (!url_head(s + i, n - i)) {
		if ((c = memchr(s + i, ':', n - i < 40 ? n - i : 40)) == NULL)
			return 0;
		for (i = (size_t)(c - s) + 1; i < n && s[i] == ' '; i++)
			;
		if (!url_head(s + i, n - i))
			return 0;
	}
	if (!match(&p_url, s, n))
		return 0;
	group(&p_url, "u", s, &u, &ulen);
	return (size_t)(u - s) + 1;
}

int
nu_meta_image_line(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 3 || n > 400)
		return 0;
	for (i = n; i > 0 && n - i < 6; i--)
		if (s[i - 1] == '.')
			return i < n && i > 1 &&
			    nu_wordset_has(image_exts, s + i, n - i);
	return 0;
}

/* Is the word s[0..n) a share token?  Trailing ':' is ignored. */
static int
share_word(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ','))
		n--;
	return n > 0 && nu_wordset_has(share_tokens, s, n);
}

int
nu_meta_share_line(const char *s, size_t n)
{
	size_t i = 0, j, words = 0;

	if (n > 200)
		return 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '|'))
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '|';
		    j++)
			;
		if (!share_word(s + i, j - i))
			return 0;
		words++;
		i = j;
	}
	return words >= 2;
}

/* Is there an uppercase letter at s (n bytes)?  ASCII is told without
   utf8proc (most lines asked are ASCII at that byte). */
static int
upper_at(const char *s, size_t n)
{
	long cp;

	if (n == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80)
		return s[0] >= 'A' && s[0] <= 'Z';
	nu_utf8_decode(s, n, &cp);
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

size_t
nu_meta_share_glue(const char *s, size_t n)
{
	size_t i = 0, j, k, words = 0;

	if (n > 100000)
		n = 100000;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		/* the last word: a share token glued to an uppercase letter */
		for (k = i + 1; k < j && k - i <= 12; k++)
			if (upper_at(s + k, n - k) && share_word(s + i, k - i))
				return words >= 1 ? k : 0;
		if (!share_word(s + i, j - i))
			return 0;
		words++;
		i = j;
	}
	return 0;
}

size_t
nu_meta_nav_glue(const char *s, size_t n)
{
	size_t i, k, best = 0;
	const char *p, *e;
	char c;

	for (k = 0; k < nnav_starts; k++) {
		e = nav_starts[k].s;
		for (i = 1; i + nav_starts[k].n <= n && (best == 0 || i < best);
		    i = (size_t)(p - s) + 1) {
			p = memchr(s + i, e[0], n - i - nav_starts[k].n + 1);
			if (p == NULL)
				break;
			if (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '|' ||
			    memcmp(p, e, nav_starts[k].n) != 0)
				continue;
			c = (size_t)(p - s) + nav_starts[k].n < n ?
			    p[nav_starts[k].n] : ' ';
			if (c == ' ' || c == '\t' || c == '|') {
				best = (size_t)(p - s);
				break;
			}
		}
	}
	return best;
}

size_t
nu_meta_date_glue(const char *s, size_t n)
{
	PCRE2_SIZE *ov;

	size_t k;

	if (n < 7)
		return 0;
	if (s[0] < '0' || s[0] > '9') {
		if (s[0] == '\0' || strchr("ADFJMNOSadfjmnos", s[0]) == NULL)
			return 0;
		/* "November 23, 2026Title": a month name first */
		for (k = 0; k < n && k < 12 && ((s[k] >= 'a' && s[k] <= 'z') ||
		    (s[k] >= 'A' && s[k] <= 'Z')); k++)
			;
		if (k < 3 || month_number(s, k) < 0)
			return 0;
	}
	if (n > 64) {		/* look at the head only, cut at a character */
		n = 64;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (!match(&p_date_glue, s, n))
		return 0;
	ov = pcre2_get_ovector_pointer(p_date_glue.md);
	return ov[1];
}

int
nu_meta_date_only(const char *s, size_t n)
{
	return n <= 40 && match(&p_date_only, s, n);
}

/*
 * Bytes of the bracket or separator character that ends (at_end) or
 * starts s[0..n), 0 when none.  Whole characters: a byte test would cut
 * the last byte of "sẻ" (E1 BA BB) as if it were "»" (C2 BB).
 */
static size_t
header_punct(const char *s, size_t n, int at_end)
{
	static const char *const marks[] = { "»", "›", "«", "‹", "→" };
	size_t i, k;
	char c;

	if (n == 0)
		return 0;
	c = at_end ? s[n - 1] : s[0];
	if (c != '\0' && strchr(" \t:>|<", c) != NULL)
		return 1;
	/* most lines: no mark's first (C2, E2) or last byte (BB BA AB B9
	   92) there (speed: asked twice of every short line) */
	if (at_end ? strchr("\xBB\xBA\xAB\xB9\x92", c) == NULL || c == '\0' :
	    c != '\xC2' && c != '\xE2')
		return 0;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		k = strlen(marks[i]);
		if (n >= k && memcmp(at_end ? s + n - k : s, marks[i], k) == 0)
			return k;
	}
	return 0;
}

/* Does text t equal phrase p, where '#' in p stands for 1+ digits? */
static int
digits_match(const char *p, size_t pn, const char *t, size_t tn)
{
	size_t i = 0, j = 0;

	while (i < pn) {
		if (p[i] == '#') {
			if (j >= tn || t[j] < '0' || t[j] > '9')
				return 0;
			while (j < tn && t[j] >= '0' && t[j] <= '9')
				j++;
			i++;
		} else if (j < tn && p[i] == t[j]) {
			i++;
			j++;
		} else
			return 0;
	}
	return j == tn;
}

/*
 * Whether s[0..n) may be a header, from its first two characters after
 * the marks nu_meta_header_role strips (lowering leaves the marks as they
 * are, so they are stripped here from the line as it is): a count
 * stripped at the end may leave one byte, so (b0, end) is asked too.
 */
static int
header_may_open(const char *s, size_t n)
{
	static struct nu_buf low;
	size_t k, i;
	unsigned b0, b1;

	while ((k = header_punct(s, n, 1)) > 0)
		n -= k;
	while ((k = header_punct(s, n, 0)) > 0) {
		s += k;
		n -= k;
	}
	if (n == 0)
		return 1;
	if ((unsigned char)s[0] < 0x80 && (n == 1 ||
	    (unsigned char)s[1] < 0x80)) {	/* ASCII: lowered here */
		b0 = (unsigned char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 :
		    s[0]);
		b1 = n == 1 ? 0 : (unsigned char)(s[1] >= 'A' && s[1] <= 'Z' ?
		    s[1] + 32 : s[1]);
		return nu_pairset_has(&header_pre, b0, b1) ||
		    nu_pairset_has(&header_pre, b0, 0);
	}
	/* two characters, whole: a byte that opens none, or a character
	   cut short, and the line is lowered in full as before */
	if ((i = nu_utf8_lead_bytes(s, n, 2)) == 0)
		return 1;
	nu_buf_reset(&low);
	nu_utf8_lower(s, i, &low);
	b0 = (unsigned char)low.p[0];
	b1 = low.len > 1 ? (unsigned char)low.p[1] : 0;
	return nu_pairset_has(&header_pre, b0, b1) ||
	    nu_pairset_has(&header_pre, b0, 0);
}

const char *
nu_meta_header_role(const char *s, size_t n)
{
	static struct nu_buf low;	/* reused: called for every line */
	const char *p;
	size_t i, k, len;

	if (n > 80 || !header_may_open(s, n))
		return NULL;
	nu_buf_reset(&low);
	nu_utf8_lower(s, n, &low);
	p = low.p ? low.p : "";
	len = low.len;
	while ((k = header_punct(p, len, 1)) > 0)
		len -= k;
	while ((k = header_punct(p, len, 0)) > 0) {
		p += k;
		len -= k;
	}
	/* a count after the phrase: "Bình luận (3)", "Ý kiến (12)" */
	if (len > 3 && p[len - 1] == ')') {
		for (k = len - 1; k > 0 && p[k - 1] >= '0' && p[k - 1] <= '9'; k--)
			;
		if (k < len - 1 && k > 1 && p[k - 1] == '(') {
			len = k - 1;
			while (len > 0 && p[len - 1] == ' ')
				len--;
		}
	}
	if (header_slot != NULL && (i = header_slot[header_find(p, len)]) != 0)
		return headers[i - 1].role;
	if (memchr(p, ' ', len) == NULL || strpbrk(low.p, "0123456789") == NULL)
		return NULL;	/* the '#' phrases need digits and a space */
	for (k = 0; k < nheader_digits; k++) {
		i = header_digits[k];
		if (digits_match(headers[i].phrase, headers[i].len, p, len))
			return headers[i].role;
	}
	return NULL;
}

int
nu_meta_tags_line(const char *s, size_t n)
{
	const char *c, *r;
	long cp;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n >= 2 && *s == '#') {	/* "#Kinh tế", "# Đường sắt" */
		s++;
		n--;
		if (*s == ' ') {
			s++;
			n--;
		}
		if (n == 0)
			return 0;
		nu_utf8_decode(s, n, &cp);
		return utf8proc_category((utf8proc_int32_t)cp) >=
		    UTF8PROC_CATEGORY_LU && utf8proc_category(
		    (utf8proc_int32_t)cp) <= UTF8PROC_CATEGORY_LO;
	}
	if ((c = memchr(s, ':', n < 32 ? n : 32)) == NULL || c == s)
		return 0;
	r = nu_meta_header_role(s, (size_t)(c - s));
	return r != NULL && strcmp(r, "tags") == 0;
}

int
nu_meta_credit_line(const char *s, size_t n)
{
	struct byline_need k;

	if (n > 100)
		return 0;
	/* image photo picture credit nguồn (ảnh: not ASCII), then ',' or
	   ':' (most lines: no, before PCRE2) */
	byline_need(s, n, &k);
	return first_in(&k, "ipcn") && (k.colon || memchr(s, ',', n)) &&
	    match(&p_credit, s, n);
}

int
nu_meta_caption_label(const char *s, size_t n)
{
	if (n > 64) {		/* the label is at the start */
		n = 64;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return match(&p_caption_label, s, n);
}

int
nu_meta_reltime_line(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* it ends in "ago" or "trước" */
	if (n > 48 || n < 5 || (strncasecmp(s + n - 3, "ago", 3) != 0 &&
	    (n < 8 || memcmp(s + n - 7, "trước", 7) != 0)))
		return 0;
	return match(&p_reltime, s, n);
}

/* ---- person names ---- */

static void
load_names(void)
{
	if (surnames_vi != NULL)
		return;
	surnames_vi = nu_wordset_load("surnames-vi.txt", 1);
	first_names_en = nu_wordset_load("first-names-en.txt", 1);
	stop_en = nu_wordset_load("stopwords-en.txt", 1);
	agencies = nu_wordset_load("agencies.txt", 1);
	provinces_vn = nu_wordset_load("provinces-vn.txt", 1);
	cities_vn = nu_wordset_load("cities-vn.txt", 1);
	given_vi = nu_wordset_load("given-names-vi.txt", 1);
	places_world = nu_wordset_load("capitals-world.txt", 1);
}

/* A Vietnamese province or town ("Hà Nội", "Móng Cái"): no person. */
static int
place_vn(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return nu_wordset_has(provinces_vn, s, n) ||
	    nu_wordset_has(cities_vn, s, n);
}

/*
 * The shape of one word of a name: 1 capitalised ("Hải"), 2 all capitals
 * ("LỰC"), 3 one capital letter, maybe with a stop ("R."), 0 not a name
 * word (digits, lowercase start, other signs).
 */
static int
name_word(const char *s, size_t n)
{
	long cp;
	size_t i, k, letters = 0;
	int lower = 0, upper = 0, cat;

	for (i = 0; i < n; i += k) {
		k = nu_utf8_decode(s + i, n - i, &cp);
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (i == 0 && cat != UTF8PROC_CATEGORY_LU)
			return 0;
		if (cat == UTF8PROC_CATEGORY_LU)
			upper++;
		else if (cat == UTF8PROC_CATEGORY_LL)
			lower++;
		else if (cp == '.' && i + k == n)
			continue;
		else if ((cp == '-' || cp == '\'' || cp == 0x2019) && i > 0 &&
		    i + k < n)
			continue;
		else
			return 0;
		letters++;
	}
	if (letters == 1)
		return 3;
	if (upper == 1)
		return 1;
	return lower == 0 ? 2 : 0;
}

/*
 * A word shaped like one Vietnamese syllable: 1-7 Latin letters; 2 when
 * one of them has a Vietnamese diacritic (ă â đ ê ô ơ ư, tone marks), 1
 * when all are plain ASCII, 0 otherwise.  (syllables-vi.txt is not
 * compiled in: its licence keeps it out of the programs.)
 */
static int
viet_syllable(const char *s, size_t n)
{
	long cp;
	size_t i, k, letters = 0;
	int marked = 0;

	for (i = 0; i < n; i += k, letters++) {
		k = nu_utf8_decode(s + i, n - i, &cp);
		if (cp < 0x80) {
			if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')))
				return 0;
		} else if ((cp >= 0xC0 && cp <= 0x1B0 && cp != 0xD7 &&
		    cp != 0xF7) || (cp >= 0x1EA0 && cp <= 0x1EF9))
			marked = 1;
		else
			return 0;
	}
	if (letters == 0 || letters > 7)
		return 0;
	return marked ? 2 : 1;
}

/*
 * Is the ASCII word s[0..n) spelt as a Vietnamese syllable written without
 * its marks ("Minh", "Khang", "NGUYEN")?  An onset, one to three vowels,
 * a coda that Vietnamese spelling allows: "Read", "Sign", "Watch" are not.
 */
static int
viet_ascii_syllable(const char *s, size_t n)
{
	static const char *const onsets[] = { "ngh", "ng", "nh", "ch", "gh",
	    "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k",
	    "l", "m", "n", "p", "r", "s", "t", "v", "x", "", NULL };
	static const char *const codas[] = { "ng", "nh", "ch", "c", "m", "n",
	    "p", "t", "", NULL };
	char w[8];
	size_t i, k, v;

	if (n == 0 || n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
		w[i] = (char)(s[i] | 0x20);
	}
	w[n] = '\0';
	for (k = 0; onsets[k] != NULL; k++) {
		size_t o = strlen(onsets[k]);

		if (strncmp(w, onsets[k], o) != 0)
			continue;
		for (v = o; v < n && strchr("aeiouy", w[v]) != NULL; v++)
			;
		if (v == o || v - o > 3)
			continue;
		for (i = 0; codas[i] != NULL; i++)
			if (strcmp(w + v, codas[i]) == 0)
				return 1;
	}
	return 0;
}

/*
 * Is s[0..n) a person's name: 2-5 words, all capitalised or all in
 * capitals?  1 a Vietnamese name (a surname first, or every word shaped
 * like a Vietnamese syllable and one with a diacritic: pen names like "Tấn
 * Lực"), 2 an English one (a known first name, ASCII, no stop word), 0 no.
 */
static int
name_kind(const char *s, size_t n)
{
	static struct nu_buf low;
	size_t i, j, words = 0, first = 0, ascii = 1;
	int caps = 0, title = 0, k, syl = 1, stop = 0, marked = 0, vsyl = 1;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	if (n < 4 || n > 48)
		return 0;
	load_names();
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			if ((unsigned char)s[j] >= 0x80)
				ascii = 0;
		if (j == i || (k = name_word(s + i, j - i)) == 0)
			return 0;
		if (k == 1)
			title = 1;
		else if (k == 2)
			caps = 1;
		if (words++ == 0)
			first = j;
		nu_buf_reset(&low);
		nu_utf8_lower(s + i, j - i, &low);
		if (low.len > 0 && low.p[low.len - 1] == '.')
			low.len--;
		if (!viet_ascii_syllable(s + i, j - i))
			vsyl = 0;
		if ((k = viet_syllable(s + i, j - i)) == 0)
			syl = 0;
		else if (k == 2)
			marked = 1;
		if (nu_wordset_has(stop_en, low.p, low.len))
			stop = 1;
	}
	if (words < 2 || words > 5 || (caps && title))
		return 0;
	if (!ascii && (nu_wordset_has(surnames_vi, s, first) ||
	    (syl && marked)))
		return 1;
	if (ascii && !stop && nu_wordset_has(first_names_en, s, first))
		return 2;
	if (ascii && !stop && nu_wordset_has(surnames_vi, s, first))
		return 1;	/* "Mai Anh", a name without tone marks */
	/* "Minh Khang": a pen name without its marks, every word a
	   Vietnamese syllable */
	if (ascii && !stop && vsyl && words <= 4)
		return 1;
	return 0;
}

/* An agency after a name: a code (TTXVN), a site (VTV.vn), a known one. */
static int
agency_shape(const char *s, size_t n)
{
	size_t i, dots = 0, lower = 0;

	if (n < 2 || n > 40)
		return 0;
	if (nu_wordset_has(agencies, s, n))
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] >= 'a' && s[i] <= 'z')
			lower++;
		else if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    (unsigned char)s[i] >= 0x80))
			return 0;
	}
	/* a site: letters.letters; a code: capitals only */
	return (dots > 0 && s[0] != '.' && s[n - 1] != '.') || lower == 0;
}

/*
 * What every name line has, tested before the costlier walk (speed: most
 * short lines are asked, few are names): two words or more (the name
 * before any cut is two to five words), the first opening with a
 * capital, and the second too unless a '/' in the first word cuts the
 * name there.  A cut at the second word leaves one word: no name either.
 */
static int
name_opening(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);

	if (sp == NULL || !upper_at(s, n))
		return 0;
	return memchr(s, '/', (size_t)(sp - s)) != NULL ||
	    upper_at(sp + 1, n - (size_t)(sp + 1 - s));
}

int
nu_meta_name_line(const char *s, size_t n, struct nu_byline *b)
{
	size_t i, cut = 0, skip = 0;
	const char *ag;
	size_t agn;

	memset(b, 0, sizeof(*b));
	nu_trim_blanks(&s, &n);
	if (n < 4 || n > 90 || !name_opening(s, n))
		return 0;
	/* "Name/AGENCY" or "Name - AGENCY": the first '/', " - ", " – "
	   or " — " after the first byte */
	for (i = 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c != '/' && c != '-' && c != 0xE2)
			continue;
		if (c == '/') {
			cut = i, skip = 1;
			break;
		}
		if (s[i - 1] != ' ')
			continue;
		if (c == '-' && i + 1 < n && s[i + 1] == ' ') {
			cut = i, skip = 1;
			break;
		}
		if (c == 0xE2 && i + 3 < n && nu_utf8_dash(s + i, n - i) == 3 &&
		    s[i + 3] == ' ') {
			cut = i, skip = 3;
			break;
		}
	}
	if (cut == 0)
		cut = n;
	if (!name_kind(s, cut) || place_vn(s, cut))
		return 0;
	if (cut < n) {
		ag = s + cut + skip;
		agn = n - cut - skip;
		while (agn > 0 && *ag == ' ') {
			ag++;
			agn--;
		}
		/* two writers ("Thu Hằng - Trọng Hiếu"): both are the
		   author; a place after the dash ("Lào Cai - Hà Khẩu",
		   a route) is no writer */
		if (skip != 1 || s[cut] != '-' || agency_shape(ag, agn) ||
		    name_kind(ag, agn) != 1 || name_kind(s, cut) != 1 ||
		    place_vn(ag, agn)) {
			if (!agency_shape(ag, agn))
				return 0;
			b->agency = ag;
			b->agency_len = agn;
		} else
			cut = n;
	}
	b->author = s;
	b->author_len = cut;
	while (b->author_len > 0 && s[b->author_len - 1] == ' ')
		b->author_len--;
	return 1;
}

/*
 * A word of a name printed under an English title that no list knows
 * ("Nikhil", "Marathe"): capitalised or in capitals, ASCII letters
 * only (Vietnamese names are name_kind's), no stop word
 * and no common English word unless a known first name ("Archer").  An
 * initial ("C.") passes.
 */
static struct nu_wordset *common_en;

/* The common English words, loaded on first use. */
static const struct nu_wordset *
english_words(void)
{
	if (common_en == NULL)
		common_en = nu_wordset_load("common-words-en.txt", 1);
	return common_en;
}

static int
unknown_name_word(const char *s, size_t n)
{
	static struct nu_buf low;
	size_t i;
	int k = name_word(s, n);

	const char *h;

	if (k == 3)
		return 1;
	/* "Roberts-Grey": each part a name word */
	if (k == 0 && n > 2 && (h = memchr(s + 1, '-', n - 2)) != NULL)
		return unknown_name_word(s, (size_t)(h - s)) &&
		    unknown_name_word(h + 1, n - (size_t)(h + 1 - s));
	if (k == 0)
		return 0;
	/* ASCII only: a name with marks is name_kind's (Vietnamese
	   words such as "Nhóm" would pass otherwise) */
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	nu_buf_reset(&low);
	nu_utf8_lower(s, n, &low);
	if (nu_wordset_has(stop_en, low.p, low.len))
		return 0;
	return !nu_wordset_has(english_words(), low.p, low.len) ||
	    nu_wordset_has(first_names_en, low.p, low.len);
}

int
nu_meta_name_under_title(const char *s, size_t n, struct nu_byline *b)
{
	size_t i, j, words = 0, len;
	int caps = 0, title = 0, k;

	if (nu_meta_name_line(s, n, b))
		return 1;
	memset(b, 0, sizeof(*b));
	nu_trim_blanks(&s, &n);
	if (n < 4 || n > 48)
		return 0;
	load_names();
	/* "Prensa Latina", "Associated Press": an agency, no writer */
	if (agency_like(s, n))
		return 0;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		len = j - i;
		if (len == 0 || !unknown_name_word(s + i, len))
			return 0;
		k = name_word(s + i, len);
		if (k == 1)
			title = 1;
		else if (k == 2 && len > 2)
			caps = 1;
		words++;
	}
	/* an initial alone does not make a word of the count */
	if (words < 2 || words > 4 || (caps && title) ||
	    name_word(s, (size_t)(memchr(s, ' ', n) == NULL ? n :
	    (size_t)((const char *)memchr(s, ' ', n) - s))) == 3)
		return 0;
	b->author = s;
	b->author_len = n;
	return 1;
}

/* One writer's name or two joined by "and" or "&" ("Jane Doe and John Roe"). */
static int
names_under_title(const char *s, size_t n)
{
	struct nu_byline b;
	size_t i;

	if (nu_meta_name_under_title(s, n, &b) && b.agency == NULL)
		return 1;
	for (i = 1; i + 5 < n; i++)
		if (s[i] == ' ' && (memcmp(s + i, " and ", 5) == 0 ||
		    memcmp(s + i, " & ", 3) == 0))
			return nu_meta_name_under_title(s, i, &b) &&
			    b.agency == NULL && names_under_title(s + i +
			    (s[i + 1] == '&' ? 3 : 5), n - i -
			    (s[i + 1] == '&' ? 3 : 5));
	return 0;
}

/* Does s[0..n) open with "by " or "written by " (any case)?  Its length. */
static size_t
by_prefix(const char *s, size_t n)
{
	if (n > 3 && strncasecmp(s, "by ", 3) == 0)
		return 3;
	if (n > 11 && strncasecmp(s, "written by ", 11) == 0)
		return 11;
	return 0;
}

int
nu_meta_byline_dated(const char *s, size_t n, int bare,
    struct nu_byline *b, struct nu_date *d)
{
	const char *p, *r, *e;
	size_t pre, c, k, rn;
	struct nu_date f;

	memset(b, 0, sizeof(*b));
	memset(d, 0, sizeof(*d));
	nu_trim_blanks(&s, &n);
	if (n < 6 || n > 160)
		return 0;
	pre = by_prefix(s, n);
	if (pre == 0 && !bare)
		return 0;
	p = s + pre;
	e = s + n;
	load_names();
	if (bare && names_under_title(p, (size_t)(e - p))) {
		b->author = p;
		b->author_len = (size_t)(e - p);
		return 1;
	}
	/* the name ends at a blank or a comma (within 48 bytes, the
	   longest name); the rest is a date, an agency or a reading time,
	   after ',', '·', '|', a dash or "on" */
	if (!upper_at(p, (size_t)(e - p)))
		return 0;
	for (c = 1; p + c < e && c <= 49; c++) {
		if (p[c] != ' ' && p[c] != ',')
			continue;
		k = c;
		while (k > 0 && p[k - 1] == ',')
			k--;
		/* "Bradley M. Kuhn": no name ends with an initial */
		if (k < 2 || p[k - 1] == '.' || !names_under_title(p, k))
			continue;
		r = p + c;
		rn = (size_t)(e - r);
		while (rn > 0 && (*r == ' ' || *r == ',' || *r == '|' ||
		    *r == '-')) {
			r++;
			rn--;
		}
		if (rn >= 2 && memcmp(r, "·", 2) == 0) {
			r += 2;
			rn -= 2;
		} else if (nu_utf8_dash(r, rn) == 3) {
			r += 3;
			rn -= 3;
		} else if (rn > 3 && strncasecmp(r, "on ", 3) == 0) {
			r += 3;
			rn -= 3;
		}
		nu_trim_blanks(&r, &rn);
		if (rn == 0)
			continue;
		if (nu_meta_dateline_line(r, rn, &f) && f.by == NULL &&
		    f.agency == NULL) {
			*d = f;
			d->off += (size_t)(r - s);
		} else if (agency_like(r, rn)) {
			b->agency = r;
			b->agency_len = rn;
		} else if (!reading_time(r, rn))
			continue;
		b->author = p;
		b->author_len = k;
		return 1;
	}
	return 0;
}

int
nu_meta_name_kind(const char *s, size_t n)
{
	return name_kind(s, n);
}

int
nu_meta_agency_shape(const char *s, size_t n)
{
	load_names();
	return agency_shape(s, n);
}

int
nu_meta_english_word(const char *s, size_t n)
{
	load_names();
	return nu_wordset_has(english_words(), s, n);
}

int
nu_meta_place_vn(const char *s, size_t n)
{
	load_names();
	return place_vn(s, n);
}

int
nu_meta_name_word1(const char *s, size_t n)
{
	int k = name_word(s, n);

	load_names();
	return (k == 1 || (k == 2 && n >= 2)) &&
	    (nu_wordset_has(given_vi, s, n) || nu_wordset_has(surnames_vi, s, n));
}

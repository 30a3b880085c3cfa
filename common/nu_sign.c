#include <string.h>

#include <utf8proc.h>

#include "nu_meta.h"
#include "nu_utf8.h"

/*
 * Signatures in the forms Vietnamese sites print them, beyond those of
 * nu_meta_byline and nu_meta_name_line (issue 12: the bylines of real
 * pages): a name with marks after it ("Hoàng (TH)", "Tuệ Minh (lược
 * dịch)", "Văn Đức (TTXVN)", "Trung Nguyễn (vnexpress)", "Trọng Phú/VOV.VN",
 * "Trần Huyền/VOV-Đông Bắc", "Chu Huyền Theo Đời sống Plus", "Thu Hằng -
 * Trọng Hiếu - Nguồn: baomoi.com"), a label alone ("PV", "Nhóm PV",
 * "Tổng hợp"), a one-word pen name ("Hoàng").  Asked only by the record
 * writer, of short lines the other recognisers said no to: the page-start
 * features and strip-boilerplate's line kinds do not change with it.
 */

#define SIGN_MAX	100	/* bytes: a signature is short */
#define AGENCY_MAX	60

/* Does s[0..n) open with the lowercase word w, any case?  Its bytes. */
static size_t
opens_with(const char *s, size_t n, const char *w)
{
	size_t i = 0, j = 0, wn = strlen(w), k, m;
	long a, b;

	/* most words differ in their first byte: ASCII or not */
	if (n == 0 || ((unsigned char)w[0] < 0x80 && (s[0] | 0x20) != w[0]))
		return 0;
	while (j < wn) {
		if (i >= n)
			return 0;
		k = nu_utf8_decode(s + i, n - i, &a);
		m = nu_utf8_decode(w + j, wn - j, &b);
		if (utf8proc_tolower((utf8proc_int32_t)a) != b)
			return 0;
		i += k;
		j += m;
	}
	return i;
}

/* Is s[0..n) the lowercase word w, any case? */
static int
is_word(const char *s, size_t n, const char *w)
{
	return n > 0 && opens_with(s, n, w) == n;
}

/* Is s[0..n) one of the words of the NULL-ended list, any case? */
static int
is_word_in(const char *s, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (is_word(s, n, *list))
			return 1;
	return 0;
}

/* A dash at the end ("Nguyên Hồng -"): its bytes with the blank, or 0. */
static size_t
end_dash(const char *s, size_t n)
{
	if (n >= 2 && s[n - 1] == '-' && s[n - 2] == ' ')
		return 2;
	if (n >= 4 && s[n - 4] == ' ' && nu_utf8_dash(s + n - 3, 3) == 3)
		return 4;
	return 0;
}

/* What a writer did, in brackets: "(TH)", "(lược dịch)", "(tổng hợp)". */
static int
role_word(const char *s, size_t n)
{
	static const char *const roles[] = { "th", "t/h", "t.h", "st",
	    "tổng hợp", "lược dịch", "sưu tầm", "thực hiện", "ghi", "dịch",
	    "biên dịch", "lược thuật", "tổng hợp và dịch", "theo dõi", NULL };

	if (is_word_in(s, n, roles))
		return 1;
	/* "(Tổng hợp theo báo VOV, Tiền Phong)" */
	return opens_with(s, n, "tổng hợp ") > 0;
}

/* The last '(' in s[0..n), or NULL. */
static const char *
last_open(const char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == '(')
			return s + n;
	return NULL;
}

/* A role after a name without brackets ("Quốc Bảo thực hiện", "Sơn Tùng
   Tổng hợp"): where it opens, or 0. */
static size_t
role_after(const char *s, size_t n)
{
	static const char *const roles[] = { "thực hiện", "tổng hợp",
	    "sưu tầm", "lược dịch", NULL };
	size_t i, k;

	for (i = n; i > 1; i--)
		if (s[i - 1] == ' ')
			break;
	if (i <= 1)
		return 0;
	/* the role is the last two words */
	for (i--; i > 1; i--)
		if (s[i - 1] == ' ')
			break;
	if (i <= 1)
		return 0;
	for (k = 0; roles[k] != NULL; k++)
		if (is_word(s + i, n - i, roles[k]))
			return i - 1;
	return 0;
}

/* A signature that is a label alone: "PV", "Nhóm PV", "(Tổng hợp)".
   2 where the label names the writers ("PV", "Nhóm phóng viên"): it is
   the author the page gives; 1 a role alone ("(Tổng hợp)"). */
static int
label_alone(const char *s, size_t n)
{
	static const char *const labels[] = { "pv", "nhóm pv", "ptv",
	    "nhóm phóng viên", "phóng viên", "ctv", "nhóm ctv", NULL };

	if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
		s++;
		n -= 2;
		nu_trim_blanks(&s, &n);
	}
	if (role_word(s, n))
		return 1;
	return is_word_in(s, n, labels) ? 2 : 0;
}

/* Whether s[0..n) has a letter (any byte of a non-ASCII one counts). */
static int
has_letter(const char *s, size_t n)
{
	for (; n > 0; s++, n--)
		if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')
			return 1;
		else if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* An agency or source as printed after a name: a short capitalised name,
   a code or a site ("TTXVN", "Sciencealert", "vnexpress", "Đời sống Plus"). */
static int
agency_text(const char *s, size_t n)
{
	long cp;

	if (n < 2 || n > AGENCY_MAX || nu_utf8_word_count(s, n) > 6 ||
	    !has_letter(s, n))		/* "2026/27": a season, no outlet */
		return 0;
	if (nu_meta_agency_shape(s, n))
		return 1;
	nu_utf8_decode(s, n, &cp);
	if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU)
		return 1;
	/* one lowercase word of letters, digits and dots: a site's name */
	for (; n > 0; s++, n--)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '.' || *s == '-'))
			return 0;
	return 1;
}

/* " Theo X", " - Nguồn: X", " - Theo X" after a name: where it opens
   (the blank before it, dash included) and *ag, *agn the X. */
static size_t
source_after(const char *s, size_t n, const char **ag, size_t *agn)
{
	size_t i, k, cut;

	for (i = 1; i + 1 < n; i++) {
		if (s[i - 1] != ' ')
			continue;
		k = opens_with(s + i, n - i, "theo ");
		if (k == 0 && (k = opens_with(s + i, n - i, "nguồn")) > 0) {
			if (i + k + 1 < n && s[i + k] == ' ' && s[i + k + 1] == ':')
				k++;
			if (i + k < n && s[i + k] == ':')
				k++;
			else if (i + k < n && s[i + k] != ' ')
				k = 0;
		}
		/* "Hoàng Cường Ảnh: Paultan", "Đông Linh - Ảnh: Reuters":
		   a photo credit after the name, no agency */
		if (k == 0 && opens_with(s + i, n - i, "ảnh:") > 0) {
			cut = i - 1;
			while (cut > 0 && s[cut - 1] == ' ')
				cut--;
			cut -= end_dash(s, cut);
			*ag = NULL;
			*agn = 0;
			return cut;
		}
		if (k == 0)
			continue;
		cut = i - 1;	/* the blank before the word */
		*ag = s + i + k;
		*agn = n - i - k;
		nu_trim_blanks(ag, agn);
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		cut -= end_dash(s, cut);	/* "Lê Anh - Nguồn: X" */
		return agency_text(*ag, *agn) ? cut : 0;
	}
	return 0;
}

/* One word that is a person's name in a signature: a Vietnamese given
   name or surname, capitalised or in capitals ("Hoàng", "VY"). */
static int
one_word_name(const char *s, size_t n)
{
	return memchr(s, ' ', n) == NULL && nu_meta_name_word1(s, n);
}

/* Initials ("NM", "XĐ") or a capitalised word ("Lily"), for a name
   with marks after it. */
static int
initials_or_word(const char *s, size_t n)
{
	size_t i, k, letters = 0, caps = 0;
	long cp;
	int cat;

	if (memchr(s, ' ', n) != NULL)
		return 0;
	for (i = 0; i < n; i += k, letters++) {
		k = nu_utf8_decode(s + i, n - i, &cp);
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (cat == UTF8PROC_CATEGORY_LU)
			caps++;
		else if (cat != UTF8PROC_CATEGORY_LL || i == 0)
			return 0;
	}
	/* a capitalised word: ASCII ("Lily", "Suva"); Vietnamese names
	   of one word are the lexicon's (one_word_name) */
	for (i = 0; caps == 1 && i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return (caps == letters && letters >= 2 && letters <= 4) ||
	    (caps == 1 && letters >= 3 && letters <= 12);
}

/*
 * A name written with initials, as many Vietnamese writers sign ("T.Lê",
 * "H. Nam", "Đ.Thắng", "N.T.Hà", "L.TUYẾT", "T.L", "S.H", "T. Q"): one
 * to three capital letters each with a dot, then a capitalised word or
 * one more capital.  A site has a word of two letters or more before its
 * first dot and a lowercase end ("t.co", "VOV.VN" are no initials).
 */
static int
initials_name(const char *s, size_t n)
{
	size_t i = 0, k, inits = 0, low = 0, caps = 0;
	long cp;
	int cat;

	if (n < 3 || n > 30)
		return 0;
	while (i < n && inits < 4) {
		k = nu_utf8_decode(s + i, n - i, &cp);
		if (nu_utf8_category(cp) != UTF8PROC_CATEGORY_LU ||
		    i + k >= n || s[i + k] != '.')
			break;
		i += k + 1;
		inits++;
		if (i < n && s[i] == ' ')
			i++;
	}
	if (inits == 0 || inits > 3 || i >= n)
		return 0;
	/* the last word: a capital, then lowercase letters or capitals */
	for (k = i; k < n; k += nu_utf8_decode(s + k, n - k, &cp)) {
		nu_utf8_decode(s + k, n - k, &cp);
		cat = nu_utf8_category(cp);
		if (cat == UTF8PROC_CATEGORY_LU)
			caps++;
		else if (cat == UTF8PROC_CATEGORY_LL && k > i)
			low++;
		else
			return 0;
	}
	nu_utf8_decode(s + i, n - i, &cp);
	return caps > 0 && (caps == 1 || low == 0) &&
	    nu_utf8_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* A writer's code in capitals alone as the last line ("TTH", "LV"): two
   or three ASCII capitals. */
static int
caps_code(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* An abbreviated degree or title ("BS", "ThS", "CKII", "PGS"). */
static int
title_abbrev(const char *s, size_t n)
{
	static const char *const abbrevs[] = { "bs", "bsck", "ck", "cki",
	    "ckii", "ts", "ths", "pgs", "gs", "ls", "ks", "kts", "cn", "ds",
	    "nsnd", "nsưt", "tskh", NULL };

	return is_word_in(s, n, abbrevs);
}

/*
 * Degrees written with stops before a name, for the record writer:
 * "BS.CKII. ", "ThS.BS ", "PGS.TS. ": abbreviations (title_abbrev) each
 * ended by a stop, the last maybe by a blank only.  Its bytes with the
 * blank, or 0.
 */
static size_t
title_chain(const char *s, size_t n)
{
	size_t i = 0, j, parts = 0;

	while (i < n) {
		for (j = i; j < n && s[j] != '.' && s[j] != ' '; j++)
			;
		if (j == i || j >= n || !title_abbrev(s + i, j - i))
			return 0;
		parts++;
		if (s[j] == '.')
			j++;
		if (j < n && s[j] == ' ') {
			while (j < n && s[j] == ' ')
				j++;
			return parts > 0 && j < n ? j : 0;
		}
		if (j > 0 && s[j - 1] != '.')
			return 0;
		i = j;
	}
	return 0;
}

/* A title before a name: "CTV Quang Dũng", "BS Thu Vân", "Độc giả X";
   with rec, a chain of degrees ("BS.CKII. ") and titles in words
   ("Bác sĩ ", "Nhà văn "). */
static size_t
title_before(const char *s, size_t n, int rec)
{
	static const char *const titles[] = { "ctv ", "pv ", "bs ", "bs. ",
	    "ts ", "ts. ", "ths ", "ths. ", "pgs ", "pgs. ", "gs ", "gs. ",
	    "ls ", "ls. ", "độc giả ", "lương y ", "nhà báo ", "theo ",
	    "bài & ảnh ", "bài và ảnh ", NULL };
	static const char *const words[] = { "bác sĩ ", "bác sỹ ",
	    "luật sư ", "nhà văn ", "nhà thơ ", "nhà giáo ", "tiến sĩ ",
	    "thạc sĩ ", "kỹ sư ", "kiến trúc sư ", "nhạc sĩ ", "họa sĩ ",
	    "nhà nghiên cứu ", "giáo sư ", "dược sĩ ", NULL };
	size_t k, m;

	for (k = 0; titles[k] != NULL; k++)
		if ((m = opens_with(s, n, titles[k])) > 0 && m < n)
			return m;
	if (!rec)
		return 0;
	for (k = 0; words[k] != NULL; k++)
		if ((m = opens_with(s, n, words[k])) > 0 && m < n)
			return m;
	return title_chain(s, n);
}

/* A dash at s[i] ('-', '–', '—'): its bytes, or 0. */
static size_t
dash_at(const char *s, size_t n, size_t i)
{
	return i < n ? nu_utf8_dash(s + i, n - i) : 0;
}

/*
 * A dash at s[i] that joins two names written without the blanks on
 * both sides ("KHOA- QUỐC", "Nguyệt-Thái", "Hải –Linh"): the name from
 * start to it and the one after it (to the next joiner or the end) are
 * each a name of two words or more.  Its bytes with the blanks, or 0.
 */
static size_t
dash_joins(const char *s, size_t n, size_t start, size_t i)
{
	size_t k = i, d, e, end;
	int blank = 0;

	if (s[k] == ' ') {
		blank = 1;
		k++;
	}
	if ((d = dash_at(s, n, k)) == 0 || (e = k + d) >= n)
		return 0;
	if (s[e] == ' ') {
		if (blank)
			return 0;	/* " - ": the usual joiner */
		e++;
	}
	for (end = e; end < n && s[end] != '/' && s[end] != ',' &&
	    dash_at(s, n, end) == 0; end++)
		;
	while (end > e && s[end - 1] == ' ')
		end--;
	return nu_meta_name_kind(s + start, i - start) &&
	    nu_meta_name_kind(s + e, end - e) ? e - i : 0;
}

/*
 * Names joined by " - ", " – ", ", " or " và ", maybe after a title: each
 * a name (2-5 words), a one-word given name or surname, and with marks
 * after them (marked) initials or a capitalised word.  A place's name
 * ("Thái Bình") is a pen name too where it signs, but not every part.
 * *full (when not NULL): two parts or more joined by dashes, each a name
 * or a one-word name, none a place.
 */
static int
names(const char *s, size_t n, int marked, int rec, int *full)
{
	size_t i, start, skip, parts = 0, places = 0, k;
	int whole = 0, listed = 0;	/* listed: joined by ", " or " và " */

	k = title_before(s, n, rec);
	s += k;
	n -= k;
	start = 0;
	for (i = 0; i <= n; i++) {
		skip = 0;
		if (i == n)
			skip = 1;
		else if (i + 2 < n && s[i] == ' ' && s[i + 1] == '-' &&
		    s[i + 2] == ' ')
			skip = 3;
		else if (i + 4 < n && s[i] == ' ' &&
		    nu_utf8_dash(s + i + 1, n - i - 1) == 3 && s[i + 4] == ' ')
			skip = 5;
		/* "NGUYỄN KHOA- QUỐC HÙNG", "Hải -Linh", "Ánh Nguyệt-Thái
		   Ngân": a dash with a blank on one side or none, between
		   two names of two words or more (dash_joins) */
		else if (rec && i > start && (s[i] == ' ' || s[i] == '-' ||
		    (unsigned char)s[i] == 0xE2) &&
		    (k = dash_joins(s, n, start, i)) > 0)
			skip = k;
		else if (i + 1 < n && s[i] == ',' && s[i + 1] == ' ')
			skip = 2, listed = 1;
		else if (i + 4 < n && memcmp(s + i, " và ", 5) == 0)
			skip = 5, listed = 1;
		if (skip == 0)
			continue;
		if (nu_meta_name_kind(s + start, i - start) ||
		    one_word_name(s + start, i - start))
			whole++;
		else if (!((rec && initials_name(s + start, i - start)) ||
		    (marked && initials_or_word(s + start, i - start))))
			return 0;
		parts++;
		places += nu_meta_place_vn(s + start, i - start) != 0;
		start = i + skip;
		i = start - 1;
	}
	if (full != NULL)
		*full = parts >= 2 && whole == (int)parts && places == 0 &&
		    !listed;
	return parts > 0 && (places < parts || parts == 1);
}

/* Short text that may sign: up to six words, a letter first, no
   sentence punctuation ("Webmaster Vnexpress.Net", "hoàng anh"). */
static int
signer_text(const char *s, size_t n)
{
	long cp;
	size_t i;

	if (n < 2 || n > 60 || nu_utf8_word_count(s, n) > 6)
		return 0;
	nu_utf8_decode(s, n, &cp);
	if (utf8proc_category((utf8proc_int32_t)cp) > UTF8PROC_CATEGORY_LO)
		return 0;
	for (i = 0; i < n; i++) {
		if (strchr(",;:!?\"()", s[i]) != NULL)
			return 0;
		/* a number of its own ("V.League 2026"): no signer */
		if (s[i] >= '0' && s[i] <= '9' && (i == 0 || s[i - 1] == ' '))
			return 0;
	}
	return 1;
}

/* One to three words, each capitalised or a site ("Vnexpress.Net",
   "kenh14.vn"), one of them a site. */
static int
site_signer(const char *s, size_t n)
{
	size_t i, j, k, sites = 0;
	const char *dot;

	if (n > 40 || nu_utf8_word_count(s, n) > 3)
		return 0;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		k = j - i;
		dot = memchr(s + i, '.', k);
		if (dot != NULL && dot > s + i && dot < s + j - 2 &&
		    nu_meta_agency_shape(s + i, k))
			sites++;
		else if (!nu_meta_name_word1(s + i, k) &&
		    !initials_or_word(s + i, k))
			return 0;
	}
	return sites > 0;
}

/*
 * One pass over the bytes before the real tests (speed: the record
 * writer asks every short line the other recognisers left): a letter or
 * bracket first, no sentence stop at the end, and outside brackets at most
 * three words that open with a lowercase letter ("theo" and "và" aside;
 * "sống" in "Đời sống Plus", "thực hiện"), two without a bracket or slash,
 * where a sentence has many.
 */
static int
may_sign(const char *s, size_t n)
{
	size_t i, low = 0, marks = 0;
	int depth = 0;
	long cp;

	if (strchr(".!?:;,\"", s[n - 1]) != NULL || (s[0] >= '0' &&
	    s[0] <= '9'))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '(' || s[i] == '/')
			marks++;
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')')
			depth--;
		else if (depth == 0 && s[i] != ' ' && (i == 0 ||
		    s[i - 1] == ' ') && !(n - i >= 5 &&
		    memcmp(s + i, "theo ", 5) == 0) && !(n - i >= 4 &&
		    memcmp(s + i, "và ", 4) == 0)) {
			if ((unsigned char)s[i] < 0x80)
				cp = s[i];
			else
				nu_utf8_decode(s + i, n - i, &cp);
			if (nu_utf8_category(cp) == UTF8PROC_CATEGORY_LL &&
			    ++low > 3)
				return 0;
		}
	}
	/* without a bracket or slash: "Quốc Bảo thực hiện" at most */
	return marks > 0 || low < 3;
}

/*
 * A source named alone in brackets as the last line ("(Bongdaso)",
 * "(TTXVN)", "(vnexpress.net)"): a code, a site or a known agency, or
 * one capitalised ASCII word that is no word of the dictionary and names
 * no kind of content ("(Video)", "(Updated)", "(Continued)", "(Podcast)").
 */
static int
source_word(const char *s, size_t n)
{
	static const char *const kinds[] = { "video", "clip", "photo",
	    "infographic", "podcast", "audio", "update", "live", NULL };
	size_t i;

	if (n < 2 || memchr(s, ' ', n) != NULL)
		return 0;
	if (nu_meta_agency_shape(s, n))
		return 1;
	if (n < 4 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return !is_word_in(s, n, kinds) && !nu_meta_english_word(s, n);
}

/*
 * rec: the record writer asks (nu_meta_signature): initials, a code in
 * capitals, a stop after a label and "(Tổng hợp theo X)" sign, and a
 * label names the author (NU_SIGN_LABEL).  Without it the answers are
 * those the page-start glue points were learnt with (nu_meta_signed).
 */
static int
signed_at(const char *s, size_t n, struct nu_byline *b, int rec)
{
	const char *ag = NULL, *x, *o;
	size_t agn = 0, xn, k;
	int marked = 0, strong = 0, roled = 0, round, sourced = 0, full = 0;

	memset(b, 0, sizeof(*b));
	nu_trim_blanks(&s, &n);
	/* "PV.", "T.L.": a stop after a label or initials */
	if (rec && n >= 3 && n <= 24 && s[n - 1] == '.' &&
	    (label_alone(s, n - 1) || initials_name(s, n - 1)))
		n--;
	if (n < 2 || n > SIGN_MAX || !may_sign(s, n))
		return 0;
	/* initials alone ("T.Lê", "N.T.Hà", "T.H" without brackets: no
	   role): a name by their shape, where a name may stand */
	if (rec && s[0] != '(' && initials_name(s, n)) {
		b->author = s;
		b->author_len = n;
		return NU_SIGN_MARKED;
	}
	if (n <= 24 && (k = (size_t)label_alone(s, n)) != 0) {
		if (k == 2 && rec) {
			b->author = s;
			b->author_len = n;
			return NU_SIGN_LABEL;
		}
		return NU_SIGN_MARKED;
	}
	if (rec && caps_code(s, n)) {
		b->author = s;
		b->author_len = n;
		return NU_SIGN_BARE;
	}
	for (round = 0; round < 3; round++) {
		if ((k = end_dash(s, n)) > 0) {		/* "Nguyên Hồng -" */
			n -= k;
			nu_trim_blanks(&s, &n);
			marked = 1;
		}
		if (n > 0 && s[n - 1] == ')' &&
		    (o = last_open(s, n)) != NULL) {
			x = o + 1;
			xn = (size_t)(s + n - 1 - x);
			nu_trim_blanks(&x, &xn);
			if (opens_with(x, xn, "ảnh:") > 0 ||
			    opens_with(x, xn, "nguồn ảnh") > 0) {
				/* a photo credit: no agency */
			} else if ((k = opens_with(x, xn, "theo ")) > 0 ||
			    /* "(Tổng hợp theo báo VOV, Tiền Phong)" */
			    (rec && ((k = opens_with(x, xn,
			    "tổng hợp theo ")) > 0 || (k = opens_with(x, xn,
			    "tổng hợp từ ")) > 0)) ||
			    (k = opens_with(x, xn, "nguồn:")) > 0 ||
			    (k = opens_with(x, xn, "nguồn ")) > 0 ||
			    (k = opens_with(x, xn, "dịch từ ")) > 0 ||
			    (k = opens_with(x, xn, "từ ")) > 0) {
				x += k;
				xn -= k;
				nu_trim_blanks(&x, &xn);
				if (rec && (k = opens_with(x, xn, "báo ")) > 0 &&
				    k < xn) {
					x += k;
					xn -= k;
				}
				if (!agency_text(x, xn))
					return 0;
				sourced = 1;
				if (ag == NULL)
					ag = x, agn = xn;
			} else if (!role_word(x, xn) && !(rec &&
			    is_word(x, xn, "t/hợp"))) {
				if (!agency_text(x, xn) || nu_utf8_word_count(x, xn) > 3)
					return 0;
				if (ag == NULL)
					ag = x, agn = xn;
			}
			/* "(TH)", "(Theo X)": what signs may be other than
			   a name; "(TTXVN)", "(lược dịch)": names only */
			if (sourced || is_word(x, xn, "th") || is_word(x, xn,
			    "t/h") || is_word(x, xn, "t.h"))
				roled = 1;
			n = (size_t)(o - s);
			nu_trim_blanks(&s, &n);
			marked = strong = 1;
			/* "(Bongdaso)", "(TTXVN)" alone, for the record
			   writer: the source, as the article's last line */
			if (n == 0 && ag != NULL && !sourced && rec &&
			    round == 0 && source_word(ag, agn)) {
				b->agency = ag;
				b->agency_len = agn;
				return NU_SIGN_BARE;
			}
			if (n == 0 && ag != NULL && !sourced)
				return 0;	/* "(Còn nữa)", "(Reuters)" */
			continue;
		}
		if ((k = source_after(s, n, &x, &xn)) > 0) {
			if (xn > 0)	/* no photo credit */
				roled = 1;
			if (ag == NULL && xn > 0)
				ag = x, agn = xn;
			n = k;
			nu_trim_blanks(&s, &n);
			marked = strong = 1;
			continue;
		}
		if ((k = role_after(s, n)) > 0) {	/* "Quốc Bảo thực hiện" */
			n = k;
			nu_trim_blanks(&s, &n);
			marked = strong = 1;
			continue;
		}
		break;
	}
	/* "Trọng Phú/VOV.VN", "Trần Huyền/VOV-Đông Bắc": the outlet after
	   the slash is the agency */
	if ((o = memchr(s, '/', n)) != NULL && o > s) {
		x = o + 1;
		xn = (size_t)(s + n - x);
		nu_trim_blanks(&x, &xn);
		k = (size_t)(o - s);
		while (k > 0 && s[k - 1] == ' ')
			k--;
		if (nu_meta_agency_shape(s, k) && names(x, xn, 0, rec, NULL)) {
			/* "TTXVN/Văn Đức": the agency first */
			b->author = x;
			b->author_len = xn;
			b->agency = s;
			b->agency_len = k;
			return NU_SIGN_MARKED;
		}
		if (!agency_text(x, xn))
			return 0;
		ag = x;
		agn = xn;
		n = k;
		marked = strong = 1;
		roled |= nu_meta_agency_shape(x, xn);
	}
	if (n == 0) {		/* "(Theo Reuters)": the source alone */
		if (!marked || ag == NULL)
			return 0;
		b->agency = ag;
		b->agency_len = agn;
		return NU_SIGN_MARKED;
	}
	if (label_alone(s, n)) {	/* "PV/VOV": the agency alone */
		b->agency = ag;
		b->agency_len = agn;
		return NU_SIGN_MARKED;
	}
	/* a writer's role or source after it ("(TH)", " - Nguồn: X",
	   "/VOV.VN"): what signs may be a site or desk as well as a
	   person ("Zing.vn (TH)", "Ban Thời sự - Nguồn: X") */
	if (!names(s, n, strong, rec, &full) && !(roled > 0 &&
	    signer_text(s, n))) {
		/* the article's last line a site's name, maybe with a
		   word before it ("Zing.vn", "Webmaster Vnexpress.Net") */
		if (marked || !site_signer(s, n))
			return 0;
		if (memchr(s, ' ', n) == NULL) {
			b->agency = s;
			b->agency_len = n;
			return NU_SIGN_BARE;
		}
	}
	/* "Theo Vũ Nga (Khám phá)": the name after "Theo" */
	if ((k = opens_with(s, n, "theo ")) > 0 && k < n) {
		s += k;
		n -= k;
	}
	b->author = s;
	b->author_len = n;
	b->agency = ag;
	b->agency_len = agn;
	/* unmarked: a name of one word ("Hoàng"), a pen name that is also
	   a place ("Thái Bình"): only as the article's last line; two
	   names joined ("Nhâm Thân – Duy Cường", "Dương - Hằng"), no
	   place among them, sign as a name line does */
	return marked || (rec && full) ? NU_SIGN_MARKED : NU_SIGN_BARE;
}

int
nu_meta_signed(const char *s, size_t n, struct nu_byline *b)
{
	return signed_at(s, n, b, 0);
}

int
nu_meta_signature(const char *s, size_t n, struct nu_byline *b)
{
	return signed_at(s, n, b, 1);
}

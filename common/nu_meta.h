#ifndef NU_META_H
#define NU_META_H

#include <stddef.h>

/*
 * Page metadata recognisers for split-article: datelines, bylines, source
 * URLs, image file names.  Patterns are PCRE2 (UTF mode, JIT) compiled once
 * by nu_meta_init; every function takes NFC UTF-8 text.
 */

struct nu_date {
	char	date[11];	/* "2022-04-27", "--01-26", or "" */
	char	time[6];	/* "18:55" or "" */
	size_t	off;		/* where that text starts in the line */
	size_t	len;		/* bytes of the text the date came from */
	const char *by;		/* "... by Jane Doe": the author, or NULL */
	size_t	by_len;
	const char *agency;	/* "By X | example.com | <date>": or NULL */
	size_t	agency_len;
};

struct nu_byline {
	const char	*author;	/* into the line, or NULL */
	size_t		 author_len;
	const char	*agency;
	size_t		 agency_len;
};

/* Compile the patterns and load the lexicons they use (exits 2 on error). */
void	nu_meta_init(void);

/*
 * A line that is only a dateline ("18:55, 27/04/2022", "March 5, 2024",
 * "Thứ Hai, 27/04/2022 18:55 (GMT+7)", "Published: 2024-03-05 14:30",
 * "Updated 3:45 PM GMT+7, November 21, 2026", "Mon 23 Nov 2026 06.00 GMT").
 * Times are made 24-hour.  "Posted on March 5, 2024 by Jane Doe" sets
 * d->by to the name and d->off, d->len to the date text only.  A line of
 * fields between '|', '·' or '•' with a dateline (the first of two) among
 * bylines, names, sites and short "Label: text" fields ("By Jane Doe in Paris | example.com | Updated:
 * 2026-11-19 09:12") gives that field's date and span, d->by the author
 * and d->agency the agency.  Numeric dates are day first; month first
 * only where the day cannot be first ("11/22/2026").
 */
int	nu_meta_dateline_line(const char *s, size_t n, struct nu_date *d);

/*
 * A dateline at the start of a lead paragraph ("Chiều 26/1, ...",
 * "BHG - Chiều 27.4, ...", "LONDON, March 5 (Reuters) - ...").  d->len is
 * the length of the dateline text (agency prefix excluded); *agency gets
 * the agency or site code if the lead names one.
 */
int	nu_meta_dateline_lead(const char *s, size_t n, struct nu_date *d,
	    const char **agency, size_t *agency_len);

/*
 * A whole line that is a byline ("Tin, ảnh: Phi Anh", "By Jane Doe",
 * "Sarah Brown in London").  An e-mail address is never the agency.
 */
int	nu_meta_byline(const char *s, size_t n, struct nu_byline *b);

/*
 * A whole line that is one URL, maybe after a label ("Nguồn: https://...",
 * "Source: www...", "Link bài gốc: http://..."; a label is up to five
 * words of letters): returns 1 + the byte offset where the URL starts, 0
 * when the line is not one.
 */
size_t	nu_meta_url_line(const char *s, size_t n);

/*
 * A line that is only a person's name, maybe with an agency after '/' or
 * " - " ("Võ Hải", "TẤN LỰC", "Hoàng Thu - TTXVN", "Ngọc Lan/VTV.vn",
 * "Jane Doe"): 2-5 words all capitalised or all in capitals, a Vietnamese
 * surname or Vietnamese syllables (with marks, or 2-4 words spelt as
 * Vietnamese syllables without them: "Minh Khang"), or an English first
 * name first.  Two
 * Vietnamese names joined by " - " are one author ("Thu Hằng - Trọng
 * Hiếu"); a Vietnamese province or town (provinces-vn.txt, cities-vn.txt)
 * is no name ("Lào Cai - Hà Khẩu" is a route).  Where such a line is a byline (the article's last line, above the lead) is the
 * caller's call: alone it could be a heading.
 */
int	nu_meta_name_line(const char *s, size_t n, struct nu_byline *b);

/*
 * The line right under a title that names its writer: a name line as
 * above, or two to four capitalised words no list knows ("Nikhil
 * Marathe", "NATALIYA VASILYEVA", "John C. Welch"): ASCII letters,
 * no stop word, no common English word unless a first
 * name.  Only the record writer asks it, of that one line.
 */
int	nu_meta_name_under_title(const char *s, size_t n, struct nu_byline *b);

/*
 * A byline with more after the writer's name, as English pages print it
 * under the title: a date ("By GILLIAN MOHNEY March 11, 2015 3:46 PM",
 * "By Jane Doe on January 5, 2024"), an agency ("Jane Doe, Reuters") or
 * a reading time ("Jane Doe · 5 min read"); two names may be joined by
 * "and" or "&".  Without "By" in front only where bare is set (the line
 * under the title).  b gets the author and agency; d the date when one
 * was there (d->date[0] != 0; d->off, d->len its text in s).
 */
int	nu_meta_byline_dated(const char *s, size_t n, int bare,
	    struct nu_byline *b, struct nu_date *d);

/*
 * A signature in a form the recognisers above leave (nu_sign.c): a name
 * with marks after it ("Hoàng (TH)", "Tuệ Minh (lược dịch)", "Văn Đức
 * (TTXVN)", "Trọng Phú/VOV.VN", "Trần Huyền/VOV-Đông Bắc", "Chu Huyền
 * Theo Đời sống Plus", "Thu Hằng - Trọng Hiếu - Nguồn: baomoi.com") or a
 * label alone ("PV", "Nhóm PV", "(Tổng hợp)"): NU_SIGN_MARKED; a name of
 * one word alone ("Hoàng"): NU_SIGN_BARE, a byline only where a name alone
 * is one; 0 none.  b gets the author and agency.
 */
#define NU_SIGN_MARKED	1
#define NU_SIGN_BARE	2
#define NU_SIGN_LABEL	3	/* "PV", "Nhóm PV": the author, until a
				   name signs under it */
int	nu_meta_signed(const char *s, size_t n, struct nu_byline *b);

/*
 * nu_meta_signed as the record writer asks it: also a name written with
 * initials ("T.Lê", "H. Nam", "T.L": NU_SIGN_MARKED), a code in capitals
 * alone ("TTH": NU_SIGN_BARE), a stop after a label ("PV."), a source
 * after "(Tổng hợp theo báo X, Y)", and a label naming the writers ("PV",
 * "Nhóm PV") as the author: NU_SIGN_LABEL.  nu_meta_signed keeps the
 * answers the page-start glue points were learnt with.
 */
int	nu_meta_signature(const char *s, size_t n, struct nu_byline *b);

/* For nu_sign.c: nu_meta_name_line's name test (2-5 words; 1 Vietnamese,
   2 English, 0 none), its agency shape (a code, a site, a known agency),
   a Vietnamese province or town, and a one-word name (a Vietnamese given
   name or surname, capitalised or in capitals). */
int	nu_meta_name_kind(const char *s, size_t n);
int	nu_meta_agency_shape(const char *s, size_t n);
int	nu_meta_place_vn(const char *s, size_t n);
/* A word of the English dictionary (common-words-en.txt), any case. */
int	nu_meta_english_word(const char *s, size_t n);
int	nu_meta_name_word1(const char *s, size_t n);

/* A line of tags: "Từ khóa: a, b", "Tags: x", "# Kinh tế" (a tag). */
int	nu_meta_tags_line(const char *s, size_t n);

/* A photo credit line ("Image source, PA Media", "Ảnh: Giang Huy"). */
int	nu_meta_credit_line(const char *s, size_t n);

/* A line opening with a caption label ("Image caption, ...", "Caption:"). */
int	nu_meta_caption_label(const char *s, size_t n);

/* A relative time stamp ("Updated 2 hours ago", "5 phút trước"). */
int	nu_meta_reltime_line(const char *s, size_t n);

/* A line that is an image file name ("lc 1.jpg", "ảnh chụp..jpg"). */
int	nu_meta_image_line(const char *s, size_t n);

/* A line of share-button tokens only ("fb yt zl tw", "Share: Facebook"). */
int	nu_meta_share_line(const char *s, size_t n);

/*
 * Length of a share-token run at the start of s that is glued to a title
 * ("fb yt zl twLào Cai ..." -> 11), or 0.
 */
size_t	nu_meta_share_glue(const char *s, size_t n);

/*
 * Length of a date at the start of s glued to a title
 * ("25/04/2022Đoàn ..." -> 10), or 0.
 */
size_t	nu_meta_date_glue(const char *s, size_t n);

/*
 * Offset of a label that opens a site's menu (lexicon nav-start.txt:
 * "Trang chủ", "Home") glued to the text before it ("...2216/GP-TTĐTTrang
 * chủ | Tin tức" -> the offset of "Trang"): the first such label after a
 * non-blank character and before a blank, '|' or the end of s; 0 if none.
 */
size_t	nu_meta_nav_glue(const char *s, size_t n);

/* A line that is only a date ("27/04/2022", "March 5, 2024"). */
int	nu_meta_date_only(const char *s, size_t n);

/*
 * The role of a block header ("Tin cùng chuyên mục" -> "related-header",
 * "Ý kiến bạn đọc" -> "comment-header"), or NULL.
 */
const char	*nu_meta_header_role(const char *s, size_t n);

#endif

#!/usr/bin/env python3
"""Build the real-data page-split sets of issue 12 (tests/realdata/split/).

Real article text and metadata (title, date, authors, sapo, paragraphs, URL)
from public corpora, laid out the way news sites print pages (where the
dateline, byline, sapo, source link, captions, related blocks and share bars
sit, and the date and byline forms real sites use), then glued into streams
as `cat` gives them: each page ending with a newline ("nl") or not ("glued").
English: real saved pages rendered with `w3m -dump`, the article (title and
readability's extracted text) first, then the page's menus and footers.

The layouts are synthetic; the words are not.  Which layout a page gets is
decided by a hash of its URL, so the build is deterministic: the same
corpora give byte-identical output (checked by the manifest's checksums).

    build.py --out DIR [--vfnd GITDIR] [--readability GITDIR]
             [--vietnews GITDIR] [--baomoi GITDIR]

Each GITDIR is a clone (or bare git dir) of the repository named in
MANIFEST; files are read at the commit MANIFEST names.  Output, per set
and split (dev/test by source site):
    SET-SPLIT-nl.txt, SET-SPLIT-glued.txt   the streams
    SET-SPLIT.gold.jsonl    one object per page: site, start line in each
                            stream form (glued: line and column, code
                            points), title, date, time, url, author, agency;
                            article: the article's paragraph lines (sapo,
                            lead and paragraphs, Vietnamese sets)
    SET-SPLIT.label.jsonl   training form: {"lines": [...], "starts":
                            [[line, col], ...]} windows of both streams
Python 3 standard library only (Debian 12 python3).
"""
import argparse, hashlib, json, os, random, re, subprocess, sys, unicodedata
import html as htmlmod
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

def nfc(s):
    return unicodedata.normalize("NFC", s)

def h(s):
    return int(hashlib.md5(s.encode()).hexdigest(), 16)

def git_files(gitdir, commit, prefix):
    out = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "-r",
                          "--name-only", commit, prefix],
                         capture_output=True, check=True, text=True).stdout
    return sorted(out.split("\n")[:-1])

def git_show(gitdir, commit, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show",
                           commit + ":" + path], capture_output=True,
                          check=True).stdout.decode("utf-8", "replace")

def gitdir_of(path):
    if os.path.isdir(os.path.join(path, ".git")):
        return os.path.join(path, ".git")
    return path

def manifest_commits():
    c = {}
    for line in open(os.path.join(HERE, "MANIFEST"), encoding="utf-8"):
        m = re.match(r"source\s+(\S+)\s+([0-9a-f]{40})", line)
        if m:
            c[m.group(1)] = m.group(2)
    return c

def site_of(url):
    host = re.sub(r"^https?://", "", url or "").split("/")[0].lower()
    host = re.sub(r"^www\.", "", host)
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("com", "net", "org", "gov", "edu"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:]) if len(parts) >= 2 else host

# ---- Vietnamese articles -------------------------------------------------

def load_vfnd(gitdir, commit):
    arts = []
    for kind in ("Real", "Fake"):
        for p in git_files(gitdir, commit, "Dataset/%s/Article_Contents" % kind):
            if not p.endswith(".json"):
                continue
            try:
                j = json.loads(git_show(gitdir, commit, p))
            except ValueError:
                continue
            url = j.get("url") or ""
            if "web.archive.org" in url:
                url = re.sub(r"^https?://web\.archive\.org/web/\d+/", "", url)
            title = nfc((j.get("title") or "").strip())
            text = nfc(j.get("text") or "")
            paras = [re.sub(r"\s+", " ", x).strip() for x in text.split("\n")]
            paras = [x for x in paras if x]
            # news-please often repeats the title as the first paragraph
            while paras and paras[0] == title.strip():
                paras.pop(0)
            if not title or len(paras) < 2 or not url:
                continue
            d = j.get("date_publish") or j.get("publish_date")
            date = None
            if isinstance(d, str):
                m = re.match(r"(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)", d)
                if m:
                    date = datetime(*map(int, m.groups()))
            sapo = nfc((j.get("description") or j.get("summary") or "").strip())
            sapo = re.sub(r"\s+", " ", sapo)
            authors = [nfc(a.strip()) for a in (j.get("authors") or [])
                       if a and 2 <= len(a.strip()) <= 40
                       and not re.search(r"[0-9@/:]", a)]
            img = j.get("image_url") or j.get("top_img") or ""
            arts.append(dict(id=p, corpus="vfnd", url=url, site=site_of(url),
                             title=title, date=date, sapo=sapo, paras=paras,
                             authors=authors[:2], image=img))
    return arts

UNC_DIR = "resources/CP_Vietnamese-UNC/datasets/CP_Vietnamese-UNC"

def writer_names(n):
    """n writers' names as Vietnamese papers print them: two given-name
    syllables ("Thảo Mai"), a full name, an initial and a syllable ("T.Lê",
    "N. Hà"), from the name lexicons (vietnamese-namedb, MIT), by hash."""
    lex = os.path.join(ROOT, "common", "lexicons")
    # (the list spells some Đ as the look-alike Ð)
    given = [x.strip().replace("Ð", "Đ") for x in open(os.path.join(lex, "given-names-vi.txt"), encoding="utf-8")
             if x.strip() and not x.startswith("#")]
    sur = []
    for x in open(os.path.join(lex, "surname-counts-vi.txt"), encoding="utf-8"):
        f = x.rstrip("\n").split("\t")
        if len(f) == 2 and not x.startswith("#"):
            sur += [f[0]] * max(1, int(f[1]) // 20)
    names = []
    for i in range(n):
        k = h("writer:%d" % i)
        g1, g2 = given[k % len(given)], given[k // 997 % len(given)]
        form = k // 1000003 % 20
        if form < 12:
            names.append("%s %s" % (g1, g2))
        elif form < 17:
            names.append("%s %s %s" % (sur[k // 7 % len(sur)], g1, g2))
        else:
            names.append("%s.%s%s" % (g1[0], " " if form == 19 else "", g2))
    return names

def load_unc(gitdir, commit, names):
    """Articles of the Underthesea News Corpus (dantri.com.vn, 2020-21,
    GPL-3.0): "# url", "# date" (a day), then title, sapo, paragraphs.
    The corpus keeps no byline: seven in ten articles get, by the hash of
    their file, one of names (writer_names)."""
    arts = []
    for p in git_files(gitdir, commit, UNC_DIR):
        if not p.endswith(".txt"):
            continue
        t = nfc(git_show(gitdir, commit, p))
        head = dict(re.findall(r"^# (\w+) = (.*)$", t, re.M))
        lines = [x.strip() for x in t.split("\n") if x.strip() and not x.startswith("#")]
        # many files open with the sapo, the title left out: a title is
        # one short sentence with no full stop
        if len(lines) < 4 or not 10 <= len(lines[0]) <= 160 or \
                lines[0].endswith((".", ":", ")")) or re.search(r"[.!?…] [A-ZĐ]", lines[0]):
            continue
        m = re.fullmatch(r"(\d{4})(\d\d)(\d\d)", head.get("date", ""))
        k = h("unc:" + p)
        date = datetime(*map(int, m.groups()), k % 24, k // 24 % 60) if m else None
        authors = [names[k // 1440 % len(names)]] if names and k % 10 < 7 else []
        arts.append(dict(id=p, corpus="unc", url=head.get("url", ""),
                         site=site_of(head.get("url", "")), title=lines[0],
                         date=date, sapo=lines[1], paras=lines[2:],
                         authors=authors, image=""))
    return arts

def unseg(s):
    s = s.replace("_", " ")
    s = re.sub(r" ([,.;:!?…)\]”])", r"\1", s)
    s = re.sub(r"([(\[“]) ", r"\1", s)
    s = re.sub(r"“ ", "“", s)
    return s.strip()

def load_vietnews(gitdir, commit, n):
    arts = []
    for sub, split in (("data/val_tokenized", "dev"), ("data/test_tokenized", "test")):
        files = git_files(gitdir, commit, sub)[: n // 2]
        for p in files:
            t = nfc(git_show(gitdir, commit, p))
            blocks = [b for b in t.split("\n\n") if b.strip()]
            if len(blocks) < 3:
                continue
            title = unseg(blocks[0])
            sapo = unseg(blocks[1].replace("\n", " "))
            paras = [unseg(x) for x in "\n".join(blocks[2:]).split("\n") if x.strip()]
            # the corpus cuts sentences into lines: join them back into
            # paragraphs of 2-4 sentences, as pages print them
            rnd = random.Random(h(p))
            joined, cur = [], []
            for x in paras:
                if x.lower().startswith(("ảnh:", "nguồn")):
                    continue
                cur.append(x)
                if len(cur) >= rnd.randint(2, 4):
                    joined.append(" ".join(cur)); cur = []
            if cur:
                joined.append(" ".join(cur))
            if len(title) < 10 or len(joined) < 2:
                continue
            arts.append(dict(id=p, corpus="vietnews", url="", site="vietnews-" + split,
                             split=split, title=title, date=None, sapo=sapo,
                             paras=joined, authors=[], image=""))
    return arts

def baomoi_paras(body, p):
    """The corpus's body is one line: cut it into paragraphs of 2-4
    sentences at sentence ends (the file p seeds how many)."""
    sents = re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ“\"])", body)
    rnd = random.Random(h(p))
    paras, cur = [], []
    for s in sents:
        cur.append(s)
        if len(cur) >= rnd.randint(2, 4):
            paras.append(" ".join(cur)); cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras

def load_baomoi(gitdir, commit, n, skip=0, bylines=False):
    """Baomoi articles of files skip..skip+n, dev/test by hash of the file.
    bylines: only those whose body ends with a byline (the vb set), the
    byline cut off and kept with its gold fields."""
    arts = []
    files = git_files(gitdir, commit, "vn_news/data")[skip:skip + n]
    for p in files:
        t = nfc(git_show(gitdir, commit, p))
        lines = [x.strip() for x in t.split("\n") if x.strip()]
        if len(lines) < 3:
            continue
        title, sapo, body = lines[0], lines[1], " ".join(lines[2:])
        extra = {}
        if bylines:
            bt = byline_tail(body)
            if bt is None:
                continue
            body, tail = bt
            extra["byline"] = ([tail],) + byline_gold(tail)
        paras = baomoi_paras(body, p)
        if len(paras) < 2 or len(title) < 10:
            continue
        split = "test" if h(p) % 2 else "dev"
        arts.append(dict(id=p, corpus="baomoi", url="", site="baomoi-" + split,
                         split=split, title=title, date=None, sapo=sapo,
                         paras=paras, authors=[], image="", **extra))
    return arts

# ---- real bylines: the baomoi corpus keeps each page's byline ------------
# The corpus's body is one line and ends with the byline the site printed
# ("... ông nói. Kim Anh (TTXVN)", "... Theo VNE", "... Phương Nhi (theo
# Japantimes)"): real byline forms of many sites.  The tail after the last
# sentence is taken as the byline when it is short and reads as one (no
# sentence mark, capitalised, no caption or photo credit); the gold fields
# come from it by the labelling rule of byline_gold (checked by eye on the
# dev pages); the page prints it on its own line, as the sites do.

# the tail may hold initials ("N. Hà", "H.Long", "L.C")
BYTAIL = re.compile(r'(?<=[.!?…"”)\]])\s+((?:[^.!?…"”]|(?<=[A-ZĐ])\.){2,60}?)\s*$')
MARKS = r"\((?:t/h|t/hợp|th|tổng hợp|lược dịch|thực hiện|tổng hợp, lược dịch)\)"

def byline_tail(body):
    """(rest, tail) when body ends with a byline, else None."""
    m = BYTAIL.search(body)
    if not m:
        return None
    tail = re.sub(r"\s+", " ", m.group(1)).strip()
    words = tail.split()
    if not words or len(words) > 9 or not (tail[0].isupper() or tail[0] == "("):
        return None
    low = tail.lower()
    # a marker alone names nobody (St: sưu tầm, collected); a tail the
    # corpus glued to its next word ("Trung PhạmTổng hợp") is no print
    if low.count("(") != low.count(")") or low.startswith("xem tiếp"):
        return None
    if re.fullmatch(r"\(?(st|sưu tầm|tổng hợp|t/h)\)?", low) or re.search(r"[a-zà-ỹ](Theo|Tổng|Nguồn)", tail):
        return None
    if low.startswith(("ảnh", "video", "xem thêm", "clip", "(ảnh", "nguồn ảnh", "(còn tiếp", "(ghi")):
        return None
    # a caption or a score ("Man City - Swansea 2-1: Châu Tuấn") is no byline
    if re.search(r"\d", tail) and not re.search(r"\(theo [^)]*\d", low):
        return None
    if ":" in tail and not re.match(r"(nguồn|tin, ảnh|tin và ảnh|bài và ảnh|bài, ảnh|bài và ảnh)\s*:", low):
        return None
    # the name words are capitalised ("Thùy Dương", "TUẤN HÀ", "Theo Trí
    # thức trẻ"): at most two lowercase words outside brackets and the
    # Theo/theo, và, Nhóm, Tin, ảnh words
    plain = re.sub(r"\([^)]*\)", " ", tail)
    lows = [w for w in plain.split() if w[:1].islower()
            and w not in ("theo", "và", "ảnh:", "ảnh", "thức", "trẻ", "sống", "luật", "nhân", "dân")]
    if len(lows) > 1:
        return None
    return body[:m.start()].rstrip(), tail

def byline_gold(b):
    """(author, agency) a reader takes from the printed byline b: the
    labelling rule.  Markers of compilation ((T/h), (tổng hợp)) are no
    names; "Theo X" alone and "Nguồn: X" name a source (agency); "N (Theo
    X)", "N theo X", "N/X" and "N (AGENCY)" a writer and a source."""
    b = re.sub(r"\s+", " ", b).strip().rstrip(" -–")
    b = re.sub(r"\s+tổng hợp$", "", b, flags=re.I)
    m = re.match(r"^(.*?)\s*\(tổng hợp (?:từ|theo) ([^)]+)\)$", b, re.I)
    if m and m.group(1):
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^theo ([^(]+?)\s*\(.*\(([^()]+)\)$|^theo ([^(]+?)\s*\(([^()]+)\)$", b, re.I)
    if m:
        return (m.group(1) or m.group(3)).strip(), (m.group(2) or m.group(4)).strip()
    b = re.sub(r"^(?:tin, ảnh|tin và ảnh|bài và ảnh|bài, ảnh)\s*:\s*", "", b, flags=re.I)
    m = re.match(r"^\(?\s*nguồn\s*:?\s*(.+?)\)?$", b, re.I)
    if m:
        return None, m.group(1).strip()
    # "(Theo Daily Mail)", "(Bongdaso)": a source alone
    m = re.match(r"^\((?:theo )?([^()]+)\)$", b, re.I)
    if m:
        return None, m.group(1).strip()

    m = re.match(r"^(.*?)\s*" + MARKS + r"\s*(.*)$", b, re.I)
    if m:
        b = (m.group(1) + " " + m.group(2)).strip()
    b = b.rstrip(".")                   # "PV."
    # "Tâm Hiếu/VOV-Trung tâm Tin Theo Reuters": the outlet that printed
    # it is the one after the slash
    m = re.match(r"^([^/]+)/\s*([^/]+?) theo .+$", b, re.I)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^(.*?)\s*\((?:tổng hợp )?theo ([^)]+)\)$", b, re.I)
    if m and m.group(1):
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^theo (.+)$", b, re.I)
    if m:
        return None, m.group(1).strip()
    m = re.match(r"^(.+?) theo (.+)$", b, re.I)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^(.+?) \(([^)]+)\)$", b)
    if m and re.fullmatch(r"[A-ZĐ0-9&+ ./-]{2,}", m.group(2)):
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^([^/]+)/([^/]+)$", b)
    if m:
        a, g = m.group(1).strip(), m.group(2).strip()
        if re.fullmatch(r"[A-ZĐ&]{2,}", a):
            return None, b
        return a, g
    return b, None

# ---- Vietnamese page layouts ---------------------------------------------

WEEKDAY = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

def dateline(d, form, rnd):
    """(text, date, time): a dateline in one of the forms sites print."""
    D, M, Y, hh, mm = d.day, d.month, d.year, d.hour, d.minute
    iso, tm = "%04d-%02d-%02d" % (Y, M, D), "%02d:%02d" % (hh, mm)
    wd = WEEKDAY[d.weekday()]
    h12 = hh % 12 or 12
    ap = "AM" if hh < 12 else "PM"
    forms = [
        ("%02d/%02d/%04d %02d:%02d" % (D, M, Y, hh, mm), iso, tm),
        ("%02d:%02d %02d/%02d/%04d" % (hh, mm, D, M, Y), iso, tm),
        ("%s, %d/%d/%04d, %02d:%02d (GMT+7)" % (wd, D, M, Y, hh, mm), iso, tm),
        ("%02d/%02d/%04d | %02d:%02d" % (D, M, Y, hh, mm), iso, tm),
        ("%02dh%02d, %02d/%02d/%04d" % (hh, mm, D, M, Y), iso, tm),
        ("Ngày %d tháng %d năm %04d" % (D, M, Y), iso, None),
        ("%02d-%02d-%04d %02d:%02d:%02d" % (D, M, Y, hh, mm, rnd.randint(0, 59)), iso, tm),
        ("%02d.%02d.%02d - %02d:%02d" % (D, M, Y % 100, hh, mm), iso, tm),
        ("Cập nhật: %02d:%02d %s %02d/%02d/%04d" % (h12, mm, ap, D, M, Y), iso, tm),
        ("%s, NGÀY %02d/%02d/%04d - %02d:%02d" % (wd.upper(), D, M, Y, hh, mm), iso, tm),
        ("%s, %d/%d/%04d | %02d:%02d GMT+7" % (wd, D, M, Y, hh, mm), iso, tm),
        ("%02d/%02d/%02d %02d:%02d" % (D, M, Y % 100, hh, mm), iso, tm),
        ("%d:%02d %s, %02d/%02d/%04d" % (h12, mm, ap, D, M, Y), iso, tm),
        ("%s, %02d/%02d/%04d - %02d:%02d" % (wd.lower().capitalize(), D, M, Y, hh, mm), iso, tm),
        ("Thứ %s ngày %02d/%02d/%04d %02d:%02d" % (
            ["hai", "ba", "tư", "năm", "sáu", "bảy", "nhật"][d.weekday()], D, M, Y, hh, mm), iso, tm),
        ("%02d:%02d | %02d/%02d/%04d" % (hh, mm, D, M, Y), iso, tm),
        ("ngày %d tháng %d năm %04d | %02d:%02d" % (D, M, Y, hh, mm), iso, tm),
        ("%02dh%02d ngày %02d/%02d/%04d" % (hh, mm, D, M, Y), iso, tm),
        ("Đăng lúc: %02d/%02d/%04d %02d:%02d" % (D, M, Y, hh, mm), iso, tm),
        ("%02d/%02d/%04d" % (D, M, Y), iso, None),
        ("%d-%d-%04d" % (D, M, Y), iso, None),
        ("Cập nhật lúc %02d:%02d, %s, %02d/%02d/%04d" % (hh, mm, wd, D, M, Y), iso, tm),
    ]
    return forms[form % len(forms)]

def lead_date(d, rnd):
    """(dateline, date, time, prefix) of a date opening the lead."""
    part = rnd.choice(["Sáng", "Chiều", "Tối", "Trưa", "Ngày", "Đêm"])
    k = rnd.randint(0, 5)
    if k == 0:
        dl = "Ngày %d/%d/%04d" % (d.day, d.month, d.year)
        return dl, "%04d-%02d-%02d" % (d.year, d.month, d.day), None, dl + ", "
    if k == 1:
        dl = "%s %d.%d" % (part, d.day, d.month)
    else:
        dl = "%s %d/%d" % (part, d.day, d.month)
    return dl, "--%02d-%02d" % (d.month, d.day), None, dl + ", "

def site_code(site):
    stem = site.split(".")[0]
    return stem.upper() + ".VN" if site.endswith(".vn") else stem

def byline(a, form, rnd):
    """(lines, author, agency) of a byline in one of the forms sites print."""
    site = a["site"]
    name = a["authors"][0] if a["authors"] else None
    dom = site if site and "." in site else None
    if name is None:
        forms = [(["(TH)"], None, None), (["Theo %s" % dom], None, dom),
                 (["Nguồn: %s" % dom], None, dom), (["(t/h)"], None, None),
                 ([], None, None)]
        if not dom:
            forms = [forms[0], forms[3], forms[4]]
        return forms[form % len(forms)]
    forms = [
        ([name], name, None),
        ([name.upper()], name, None),
        (["%s (TH)" % name], name, None),
        (["%s (t/h)" % name], name, None),
        (["Theo %s" % name], name, None),
        (["Tin, ảnh: %s" % name], name, None),
        (["Bài và ảnh: %s" % name], name, None),
        (["%s/%s" % (name, site_code(dom))], name, site_code(dom)) if dom else ([name], name, None),
        (["%s - Nguồn: %s" % (name, dom)], name, dom) if dom else ([name], name, None),
        (["Theo %s/%s" % (name, dom)], name, dom) if dom else ([name], name, None),
        (["%s (Theo %s)" % (name, dom)], name, dom) if dom else ([name], name, None),
        (["Nhóm PV", name.upper()], name, None),
    ]
    return forms[form % len(forms)]

NAV = [["Trang chủ", "Thời sự", "Xã hội"], ["Kinh tế > Tài chính"],
       ["Trang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao"],
       ["Pháp luật"], ["Thời sự › Chính trị"], ["Đời sống"],
       ["Tin tức / Xã hội"], ["Giáo dục", "Tuyển sinh"]]
RELATED = ["Tin cùng chuyên mục", "Có thể bạn quan tâm", "Tin Liên Quan",
           "Tin liên quan", "Đọc thêm", "Tin khác", "Bài viết liên quan",
           "TIN LIÊN QUAN", "Xem thêm"]
COMMENT = ["Ý kiến bạn đọc", "Bình luận (0)", "Gửi bình luận",
           "Ý kiến của bạn", "BÌNH LUẬN"]
SHARE = ["fb yt zl tw", "Chia sẻ", "Facebook Twitter Zalo", "Like Share",
         "Chia sẻ bài viết", "Tweet"]
URLFORM = ["%s", "Nguồn: %s", "Link bài gốc: %s", "Nguồn tin: %s"]

def vi_page(a, pool, rnd):
    """Lines of a page and its gold fields."""
    lines, gold = [], {"title": a["title"]}
    blank = rnd.random() < 0.5
    def add(x, blk=None):
        lines.append(x)
        if (blank if blk is None else blk):
            lines.append("")
    if rnd.random() < 0.25:
        for x in rnd.choice(NAV):
            add(x, False)
    date = a["date"]
    if date is None:
        date = datetime(2016, 1, 1) + timedelta(minutes=rnd.randint(0, 4 * 525600))
    dl, iso, tm = dateline(date, rnd.randint(0, 1000), rnd)
    if rnd.random() < 0.08:           # no year: "Chiều 26/1", "Ngày 12/8"
        dl = "%s %d/%d" % (rnd.choice(["Chiều", "Sáng", "Tối"]), date.day, date.month)
        iso, tm = "--%02d-%02d" % (date.month, date.day), None
    dpos = rnd.choice(["before", "after", "after", "after", "end", "lead", "lead"])
    by, author, agency = byline(a, rnd.randint(0, 1000), rnd)
    if a.get("byline"):
        by, author, agency = a["byline"]
    bpos = rnd.choice(["top", "end", "end", "end"])
    if dpos == "before":
        add(dl)
    add(a["title"])
    if bpos == "top" and by:
        for x in by:
            add(x, False)
    if dpos == "after":
        add(dl)
    paras = list(a["paras"])
    if a["sapo"] and not paras[0].startswith(a["sapo"][:30]) and rnd.random() < 0.7:
        sapo = a["sapo"]
        if rnd.random() < 0.3 and a["site"] and "." in a["site"]:
            sapo = "(%s) - %s" % (a["site"].split(".")[0].capitalize(), sapo)
        paras.insert(0, sapo)
    if dpos == "lead":
        # no dateline line: the lead opens with the date, as many local
        # papers print it ("Chiều 26/1, đoàn công tác ...")
        dl, iso, tm, lead = lead_date(date, rnd)
        p0 = paras[0]
        if len(p0) > 1 and p0[1].islower():
            p0 = p0[0].lower() + p0[1:]
        paras[0] = lead + p0
    nimg = rnd.choice([0, 0, 1, 2, 3])
    slots = sorted(rnd.sample(range(1, len(paras) + 1), min(nimg, len(paras))))
    body = []
    for i, p in enumerate(paras):
        body.append(("p", p))
        if i + 1 in slots:
            body.append(("img", None))
    for kind, p in body:
        if kind == "p":
            add(p)
        else:
            cap = rnd.choice(paras)
            cap = re.split(r"(?<=[.!?])\s", cap)[0][:160]
            if rnd.random() < 0.5:
                f = cap[:60].rstrip(" .") + ".jpg"
            else:
                f = "%s-%d.jpg" % (rnd.choice(["anh", "IMG", "z", "photo"]), rnd.randint(100, 99999999))
            add(f, False)
            if rnd.random() < 0.85:
                add(cap, False)
                if rnd.random() < 0.15:
                    add(cap, False)          # caption doubled
            if blank:
                lines.append("")
    if dpos == "end":
        add(dl)
    if bpos == "end" and by:
        for x in by:
            add(x, False)
    url = None
    if a["url"] and rnd.random() < 0.4:
        url = a["url"]
        add(rnd.choice(URLFORM) % url)
    # the crawler anatomy: tags, related blocks (titles often twice, with
    # summaries and dates), comment header, share bar
    if rnd.random() < 0.6:
        if rnd.random() < 0.3:
            add("Từ khóa: " + ", ".join(rnd.sample(["Hà Nội", "giao thông", "kinh tế", "thời tiết", "bóng đá", "pháp luật"], 2)))
        if rnd.random() < 0.3:
            add(rnd.choice(COMMENT))
        add(rnd.choice(RELATED))
        dbl = rnd.random() < 0.5
        summ = rnd.random() < 0.6
        rdate = rnd.random() < 0.5
        for r in rnd.sample(pool, min(len(pool), rnd.randint(2, 6))):
            if r is a:
                continue
            add(r["title"])
            if dbl:
                add(r["title"])
            if summ and r["sapo"]:
                sm = r["sapo"]
                if rnd.random() < 0.4:
                    rd = date - timedelta(days=rnd.randint(0, 5))
                    sm = lead_date(rd, rnd)[3] + (sm[0].lower() + sm[1:] if len(sm) > 1 and sm[1].islower() else sm)
                add(sm)
            if rdate:
                rd = date - timedelta(days=rnd.randint(0, 5))
                add("%02d/%02d/%04d" % (rd.day, rd.month, rd.year))
        if rnd.random() < 0.4:
            add(rnd.choice(COMMENT))
    if rnd.random() < 0.5:
        add(rnd.choice(SHARE))
    while lines and lines[-1] == "":
        lines.pop()
    gold.update(date=iso, time=tm, dateline=dl, url=url, author=author, agency=agency,
                article=[p for kind, p in body if kind == "p"])
    return lines, gold

def plain_page(a, rnd):
    """Lines and gold fields of a page in the plain layout many pages and
    the issue's own set use: title, dateline (or a lead that opens with the
    date), sapo, paragraphs, sometimes a source link, the byline last; no
    menu, related block or share bar."""
    date = a["date"]
    if date is None:
        date = datetime(2016, 1, 1) + timedelta(minutes=rnd.randint(0, 4 * 525600))
    dl, iso, tm = dateline(date, rnd.randint(0, 1000), rnd)
    by, author, agency = byline(a, rnd.randint(0, 1000), rnd)
    blank = rnd.random() < 0.3
    lines = [a["title"]]
    paras = list(a["paras"])
    if a["sapo"] and not paras[0].startswith(a["sapo"][:30]) and rnd.random() < 0.7:
        paras.insert(0, a["sapo"])
    if rnd.random() < 0.2:
        dl, iso, tm, lead = lead_date(date, rnd)
        p0 = paras[0]
        if len(p0) > 1 and p0[1].islower():
            p0 = p0[0].lower() + p0[1:]
        paras[0] = lead + p0
    else:
        lines.append(dl)
    if by and rnd.random() < 0.2:
        lines += by
        by = []
    lines += paras
    url = None
    if a["url"] and rnd.random() < 0.4:
        url = a["url"]
        lines.append(rnd.choice(URLFORM) % url)
    lines += by
    if blank:
        lines = [x for l in lines for x in (l, "")][:-1]
    return lines, {"title": a["title"], "date": iso, "time": tm, "dateline": dl,
                   "url": url, "author": author, "agency": agency, "article": paras}

# ---- English: readability's saved pages through w3m ------------------------

def w3m(html):
    r = subprocess.run(["w3m", "-dump", "-T", "text/html", "-cols", "100",
                        "-O", "UTF-8", "-I", "UTF-8"],
                       input=html.encode(), capture_output=True, check=True)
    return [x.rstrip() for x in nfc(r.stdout.decode("utf-8", "replace")).split("\n")]

def squeezed(lines):
    """Blank runs squeezed to one blank line, blank edges dropped."""
    out = []
    for x in lines:
        if x.strip() == "" and (not out or out[-1] == ""):
            continue
        out.append(x)
    while out and out[-1] == "":
        out.pop()
    return out

def load_readability(gitdir, commit, in_english=True):
    """readability's test pages in English (in_english), else those in the
    other languages."""
    pages = []
    dirs = sorted({p.split("/")[2] for p in git_files(gitdir, commit, "test/test-pages")})
    for dname in dirs:
        base = "test/test-pages/%s/" % dname
        try:
            meta = json.loads(git_show(gitdir, commit, base + "expected-metadata.json"))
            src = git_show(gitdir, commit, base + "source.html")
            exp = git_show(gitdir, commit, base + "expected.html")
        except (subprocess.CalledProcessError, ValueError):
            continue
        lang = (meta.get("lang") or "en").lower()
        title = nfc(re.sub(r"\s+", " ", meta.get("title") or "").strip())
        if lang.startswith("en") != in_english or not title:
            continue
        art = [x for x in w3m(exp)]
        full = w3m(src)
        if sum(1 for x in art if x.strip()) < 3:
            continue
        seen = {x.strip() for x in art if x.strip()}
        rest = [x for x in full if x.strip() not in seen][:400]
        lines = [title, ""]
        gold = {"title": title, "date": None, "time": None, "url": None,
                "author": None, "agency": None}
        # the date the page's metadata gives (its own local date): the
        # printed dateline should say the same day
        pt = meta.get("publishedTime") or ""
        if re.match(r"\d{4}-\d{2}-\d{2}", pt):
            gold["date"] = pt[:10]
        if meta.get("byline"):
            b = nfc(re.sub(r"\s+", " ", meta["byline"]).strip())
            if len(b) < 80:
                lines += [b, ""]
                gold["author"] = re.sub(r"^[Bb]y\s+", "", b)
        lines += art + [""] + rest
        pages.append(dict(site=dname, lines=squeezed(lines), gold=gold))
    return pages

# ---- English: trafilatura's saved pages through w3m ------------------------

ENGLISH = set("the of and to in is that for it was with on as by are this "
              "be at from have has not but".split())

def english(text):
    """Most of the words of running English text are these few."""
    w = re.findall(r"[a-z]+", text.lower())[:2000]
    return len(w) >= 50 and sum(x in ENGLISH for x in w) / len(w) > 0.15

def decoded(raw):
    """A saved page's text, in the charset its <meta> names (else UTF-8)."""
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4096])
    try:
        return raw.decode(m.group(1).decode("ascii") if m else "utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw.decode("utf-8", "replace")

def page_title(html):
    """The title a page gives itself: og:title, else <title>."""
    m = (re.search(r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\'<>]+)', html, re.I)
         or re.search(r'<meta[^>]+content=["\']([^"\'<>]+)["\'][^>]+property=["\']og:title', html, re.I)
         or re.search(r"<title[^>]*>([^<]+)</title>", html, re.I))
    if not m:
        return ""
    return nfc(re.sub(r"\s+", " ", htmlmod.unescape(m.group(1))).strip())

def words_of(s):
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", s).lower()))

def load_trafilatura(gitdir, commit, in_english=True):
    """trafilatura's evaluation pages in English (in_english, else those
    in the other languages, most of them German): the title the page gives
    itself, then the rendered lines from the first to the last that hold a
    snippet the page's article must keep (its "with" list), then the other
    lines of the page in their order (menus, footers), as the readability
    pages are laid out.  One site, one host."""
    ev = json.loads(git_show(gitdir, commit, "tests/evaldata.json"))
    have = {}
    for d in ("tests/eval", "tests/cache"):
        for f in git_files(gitdir, commit, d):
            have[f.split("/")[-1]] = f
    pages = []
    for url in sorted(ev):
        g = ev[url]
        if g.get("file") not in have or not g.get("with"):
            continue
        raw = subprocess.run(["git", "--git-dir", gitdir, "show",
                              commit + ":" + have[g["file"]]],
                             capture_output=True, check=True).stdout
        html = decoded(raw)
        title = page_title(html)
        full = w3m(html)
        if not title or english(" ".join(full)) != in_english:
            continue
        norm = [words_of(x) for x in full]
        hits = []
        for snip in g["with"]:
            ws = words_of(snip)
            hits += [i for i, x in enumerate(norm) if ws and ws in x]
        if not hits:
            continue
        a, b = min(hits), max(hits)
        art = [x for x in full[a:b + 1]]
        if sum(1 for x in art if x.strip()) < 3:
            continue
        rest = [x for x in full[:a] + full[b + 1:] if x.strip() != title][:400]
        lines = [title, ""] + art + [""] + rest
        out = squeezed(lines)
        host = re.sub(r"^www\d?\.", "", re.sub(r"^[a-z]+://", "", url).split("/")[0].lower())
        pages.append(dict(site=host, lines=out,
                          gold={"title": title, "date": None, "time": None,
                                "url": None, "author": None, "agency": None}))
    return pages

# ---- streams -------------------------------------------------------------

def write_labels(path, pages, mode="w"):
    """Training windows: runs of up to 6 pages, glued and with newlines."""
    with open(path, mode, encoding="utf-8") as f:
        for form in ("nl", "glued"):
            for k in range(0, len(pages), 6):
                chunk = pages[k:k + 6]
                lines, starts = [], []
                for j, (pl, _) in enumerate(chunk):
                    if form == "glued" and lines and j > 0:
                        starts.append([len(lines) - 1, len(lines[-1])])
                        lines[-1] += pl[0]
                        lines += pl[1:]
                    else:
                        starts.append([len(lines), 0])
                        lines += pl
                f.write(json.dumps({"lines": lines, "starts": starts}, ensure_ascii=False) + "\n")

def train_recipe():
    """What tests/realdata/split/train hands newsutils-train: the learner's
    options (--epochs, --runs, --seed), its margins as --meta pairs, and
    the names of the training files in the order it passes them."""
    opts, meta, files, on = [], [], [], False
    for line in open(os.path.join(HERE, "train"), encoding="utf-8"):
        on = on or "newsutils-train" in line   # its arguments from here
        for w in line.split() if on else ():
            w = w.strip('"\\')
            if w.startswith(("--epochs=", "--runs=", "--seed=")):
                opts.append(w)
            elif w.startswith(("threshold=", "rule-veto=", "glue-word=")):
                meta += ["--meta", w]
            elif w.endswith(".train.jsonl"):
                files.append(os.path.basename(w))
    return opts, meta, files

def write_layouts(path, arts, variants, prefix, field, page):
    """Append to path the training windows of arts in that many layouts:
    layout v orders the articles and seeds each page(a, rnd) by the hash
    of prefix, v and the article's field."""
    for v in range(1, variants + 1):
        def key(a):
            return h("%s%d:%s" % (prefix, v, a[field]))
        write_labels(path, [page(a, random.Random(key(a))) for a in sorted(arts, key=key)], "a")

def write_set(outdir, name, pages):
    """pages: list of (lines, gold).  Writes both stream forms, the gold and
    the training windows."""
    golds = []
    for form in ("nl", "glued"):
        text, lineno, col = [], 1, 0
        starts = []
        for lines, gold in pages:
            starts.append((lineno, col))
            body = "\n".join(lines)
            text.append(body)
            nlines = body.count("\n")
            if form == "nl":
                text.append("\n")
                lineno += nlines + 1
                col = 0
            else:
                if nlines == 0:
                    col += len(body)
                else:
                    lineno += nlines
                    col = len(lines[-1])
        with open(os.path.join(outdir, "%s-%s.txt" % (name, form)), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(text))
        for i, (lines, gold) in enumerate(pages):
            if form == "nl":
                golds.append(dict(page=i, **{"nl": {"line": starts[i][0]}}))
            golds[i]["glued" if form == "glued" else "nl"] = {"line": starts[i][0], "col": starts[i][1]}
    with open(os.path.join(outdir, "%s.gold.jsonl" % name), "w", encoding="utf-8") as f:
        for i, (lines, gold) in enumerate(pages):
            g = dict(golds[i])
            g.update({k: v for k, v in gold.items() if v is not None})
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    write_labels(os.path.join(outdir, "%s.label.jsonl" % name), pages)

def split_of(site):
    # sites are split, not pages: the test set is sites never tuned on
    return "test" if h("split:" + site) % 3 == 0 else "dev"

def write_rendered(out, name, pg, variants):
    """Rendered pages split by site into NAME-dev and NAME-test; the dev
    pages also as training windows, in that many orders."""
    for sp in ("dev", "test"):
        sel = [p for p in pg if split_of(p["site"]) == sp]
        write_set(out, "%s-%s" % (name, sp), [(p["lines"], p["gold"]) for p in sel])
        if sp == "dev":
            path = os.path.join(out, name + "-dev.train.jsonl")
            open(path, "w").close()
            for v in range(1, variants + 1):
                order = sorted(sel, key=lambda p: h("%d:%s" % (v, p["site"])))
                write_labels(path, [(p["lines"], p["gold"]) for p in order], "a")
        print("%s-%s: %d pages, %d sites" % (name, sp, len(sel), len({p["site"] for p in sel})))

def vfnd_test_sites(arts):
    """VFND's test sites: sites in hash order, to test until it holds a
    third of the pages."""
    count = {}
    for a in arts:
        count[a["site"]] = count.get(a["site"], 0) + 1
    test, nt = set(), 0
    for s in sorted(count, key=lambda s: h("split:" + s)):
        if nt + count[s] <= len(arts) * 0.36:
            test.add(s); nt += count[s]
    return test

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--vfnd"); ap.add_argument("--readability")
    ap.add_argument("--trafilatura")
    ap.add_argument("--vietnews"); ap.add_argument("--baomoi")
    ap.add_argument("--volume", type=int, default=400)
    ap.add_argument("--only", help="build this set alone (vi, vn, vb, vt, en, et, ro, to)")
    ap.add_argument("--bylines", type=int, default=2400,
                    help="baomoi files read for the real-byline set (vb)")
    ap.add_argument("--unc", help="undertheseanlp/resources: the UNC articles "
                    "as training volume (vt)")
    ap.add_argument("--vt-variants", type=int, default=3,
                    help="layouts of each UNC article for training")
    ap.add_argument("--variants", type=int, default=8,
                    help="layouts of each dev article for training")
    ap.add_argument("--plain-variants", type=int, default=4,
                    help="plain layouts of each dev article for training")
    # a rendered page has one layout, its own: the English pages are
    # trained on in more orders (other neighbours, other glue points)
    ap.add_argument("--en-variants", type=int, default=18,
                    help="orders of the English dev pages for training")
    ap.add_argument("--et-variants", type=int, default=3,
                    help="orders of trafilatura's English dev pages for training")
    ap.add_argument("--other-variants", type=int, default=2,
                    help="orders of the other languages' dev pages for training")
    o = ap.parse_args()
    commits = manifest_commits()
    os.makedirs(o.out, exist_ok=True)
    def want(x):
        return o.only is None or o.only == x
    if o.vfnd and want("vi"):
        arts = load_vfnd(gitdir_of(o.vfnd), commits["VFND/VFND-vietnamese-fake-news-datasets"])
        test = vfnd_test_sites(arts)
        for sp in ("dev", "test"):
            sel = [a for a in arts if (a["site"] in test) == (sp == "test")]
            sel.sort(key=lambda a: h(a["url"]))
            pages = [vi_page(a, sel, random.Random(h(a["url"]))) for a in sel]
            write_set(o.out, "vi-" + sp, pages)
            # training: the same articles in more layouts (other seeds,
            # other neighbours), so the model sees layouts, not pages
            if sp == "dev":
                path = os.path.join(o.out, "vi-dev.train.jsonl")
                open(path, "w").close()
                write_layouts(path, sel, o.variants, "", "url",
                              lambda a, rnd: vi_page(a, sel, rnd))
                write_layouts(path, sel, o.plain_variants, "plain ", "url", plain_page)
            print("vi-%s: %d pages, %d sites" % (sp, len(pages), len({a["site"] for a in sel})))
            # the plain layout, measured apart (one per article)
            write_set(o.out, "vp-" + sp, [plain_page(a, random.Random(h("plain:" + a["url"])))
                                          for a in sel])
    vol = []
    if o.vietnews and want("vn"):
        vol += load_vietnews(gitdir_of(o.vietnews), commits["ThanhChinhBK/vietnews"], o.volume)
    if o.baomoi and want("vn"):
        vol += load_baomoi(gitdir_of(o.baomoi), commits["magizbox/scraper"], o.volume)
    if vol:
        for sp in ("dev", "test"):
            sel = [a for a in vol if a["split"] == sp]
            sel.sort(key=lambda a: h(a["id"]))
            pages = [vi_page(a, sel, random.Random(h(a["id"]))) for a in sel]
            write_set(o.out, "vn-" + sp, pages)
            print("vn-%s: %d pages" % (sp, len(pages)))
    if o.baomoi and o.bylines and want("vb"):
        vb = load_baomoi(gitdir_of(o.baomoi), commits["magizbox/scraper"],
                         o.bylines, skip=o.volume, bylines=True)
        for sp in ("dev", "test"):
            sel = [a for a in vb if a["split"] == sp]
            sel.sort(key=lambda a: h(a["id"]))
            pages = [vi_page(a, sel, random.Random(h("vb:" + a["id"]))) for a in sel]
            write_set(o.out, "vb-" + sp, pages)
            print("vb-%s: %d pages" % (sp, len(pages)))
    if o.unc and want("vt"):
        # training volume (2026-12-07): 458 real articles of one more
        # site (GPL-3.0, like VFND) in the vi layouts, 3 each, their
        # bylines in names made from the name lexicons; no page of any
        # measured set is among them
        names = writer_names(600)
        sel = load_unc(gitdir_of(o.unc), commits["undertheseanlp/resources"], names)
        path = os.path.join(o.out, "vt-dev.train.jsonl")
        open(path, "w").close()
        write_layouts(path, sel, o.vt_variants, "vt ", "id",
                      lambda a, rnd: vi_page(a, sel, rnd))
        print("vt-dev.train: %d articles in %d layouts, %d writers' names" % (
            len(sel), o.vt_variants, len(names)))
    if o.readability and want("en"):
        write_rendered(o.out, "en", load_readability(
            gitdir_of(o.readability), commits["mozilla/readability"]), o.en_variants)
    if o.trafilatura and want("et"):
        # more English pages (2026-12-06): a set of their own ("et"), so
        # en-test stays the set it was; trained on with en-dev
        write_rendered(o.out, "et", load_trafilatura(
            gitdir_of(o.trafilatura), commits["adbar/trafilatura"]), o.et_variants)
    # rendered pages in the other languages (2026-12-07), German most of
    # them: a page's layout (title, article, then its menus and footer)
    # is not English; trained on, and scored apart ("ro", "to")
    if o.readability and want("ro"):
        write_rendered(o.out, "ro", load_readability(
            gitdir_of(o.readability), commits["mozilla/readability"], in_english=False),
            o.other_variants)
    if o.trafilatura and want("to"):
        write_rendered(o.out, "to", load_trafilatura(
            gitdir_of(o.trafilatura), commits["adbar/trafilatura"], in_english=False),
            o.other_variants)

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""strip-boilerplate TEXT mode on the glued real streams of split/ (issue 13).

    score-text.py [--bin DIR] [--out DIR] [--split dev|test] [--misses N] [SET...]

The Vietnamese sets build.py makes (vi: VFND articles in the crawler
anatomy of the sample pages -- related blocks with doubled titles,
summaries and dates, comment headers, share bars, doubled captions; vp:
the plain layout; vn: vietnews and baomoi articles in the crawler anatomy)
are streams of many pages, each ending with a newline (nl) or glued as
`cat` glues files without one (glued).  strip-boilerplate reads the whole
stream as text, as `cat crawl/*.txt | strip-boilerplate` does, so it must
find where each page starts on its own.  Printed: line precision, recall
and F1 of the kept lines, with `awk 'length($0)>80'` (mawk) in the same
run.

Each line's gold role comes from the page's own gold (build.py): the
title and the article's paragraphs (sapo, lead, paragraphs, in order) are
article; before the title, navigation is boilerplate; an image file name,
a caption printed twice, and from the first tags line, related or comment
header or share bar after the last paragraph everything is boilerplate;
the rest (datelines, bylines, source links, the first copy of a caption,
a paragraph printed before as a caption) is metadata or caption, which
strip-boilerplate keeps by default, and counts neither way.  A line two pages share (glued) is article when
either part is.
Python 3 standard library only.
"""
import argparse, json, os, re, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
from build import RELATED, COMMENT, SHARE  # the tail lines build.py writes

TAIL = set(RELATED) | set(COMMENT) | set(SHARE)
IMAGE = re.compile(r"\.(jpe?g|png|gif|webp)$", re.I)

def nfc(s):
    return unicodedata.normalize("NFC", s)

def page_roles(parts, g):
    """Roles of a page's lines: 1 article, 0 boilerplate, None neither."""
    title, art = nfc(g.get("title") or ""), [nfc(x) for x in g.get("article", [])]
    matched, k = set(), 0
    for i, t in enumerate(parts):
        if k < len(art) and t == art[k]:
            matched.add(i)
            k += 1
    last = max(matched) if matched else -1
    roles, seen, tail, prev_img, caption = [], False, False, False, None
    captions = set()
    for i, t in enumerate(parts):
        r = None
        if not t.strip():
            roles.append(None)
            continue
        if not seen:
            if t == title:
                r, seen = 1, True
            elif t != nfc(g.get("dateline") or ""):
                r = 0
        elif i in matched:
            # a paragraph printed before as a caption (build.py takes
            # captions from the article): either copy may be the one kept
            r = None if t in captions else 1
        elif tail or (i > last and (t in TAIL or t.startswith("Từ khóa: "))):
            tail, r = True, 0
        elif IMAGE.search(t):
            r = 0
        elif prev_img:
            caption = t
            captions.add(t)
        elif caption is not None and t == caption:
            r = 0
        prev_img = r == 0 and IMAGE.search(t) is not None
        roles.append(r)
    return roles

def gold_roles(lines, gold, form):
    """Role of every stream line (0-based)."""
    roles = [None] * len(lines)
    starts = [(g[form]["line"] - 1, g[form]["col"]) for g in gold]
    for p, g in enumerate(gold):
        l0, c0 = starts[p]
        l1, c1 = starts[p + 1] if p + 1 < len(gold) else (len(lines) - 1, None)
        parts = []
        for ln in range(l0, l1 + 1):
            t = lines[ln]
            a = c0 if ln == l0 else 0
            if ln == l1 and c1 is not None:
                if c1 == 0:
                    break
                t = t[:c1]
            parts.append((ln, t[a:]))
        for (ln, _), r in zip(parts, page_roles([t for _, t in parts], g)):
            if r is None:
                continue
            roles[ln] = r if roles[ln] is None else max(roles[ln], r)
    return roles

def kept(cmd, path):
    out = subprocess.run(cmd + [path], stdout=subprocess.PIPE, check=True).stdout
    return {int(x.split(b":", 1)[0]) - 1 for x in out.split(b"\n") if x[:1].isdigit()}

def prf(roles, keep):
    tp = sum(1 for i, r in enumerate(roles) if r == 1 and i in keep)
    fp = sum(1 for i, r in enumerate(roles) if r == 0 and i in keep)
    fn = sum(1 for i, r in enumerate(roles) if r == 1 and i not in keep)
    P = tp / (tp + fp) if tp + fp else 1.0
    R = tp / (tp + fn) if tp + fn else 1.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0

def streams(out, split, sets):
    """(name, gold, form, path) of each stream build.py made."""
    for s in sets:
        name = "%s-%s" % (s, split)
        try:
            gold = [json.loads(x) for x in open(os.path.join(out, name + ".gold.jsonl"),
                                                encoding="utf-8")]
        except FileNotFoundError:
            continue
        for form in ("nl", "glued"):
            yield name, gold, form, os.path.join(out, "%s-%s.txt" % (name, form))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("NU_BIN", os.path.join(ROOT, "bin")))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--misses", type=int, default=0, help="print N wrong lines")
    ap.add_argument("--prog", help="the command to score instead (with its options)")
    ap.add_argument("sets", nargs="*", default=["vi", "vp", "vn"])
    o = ap.parse_args()
    prog = o.prog.split() if o.prog else [os.path.join(o.bin, "strip-boilerplate")]
    print("| set | form | pages | article / boilerplate lines | P | R | line F1 | awk F1 |")
    print("|---|---|---:|---|---|---|---|---|")
    for name, gold, form, path in streams(o.out, o.split, o.sets):
        lines = [nfc(x) for x in open(path, encoding="utf-8").read().split("\n")]
        roles = gold_roles(lines, gold, form)
        keep = kept(prog + ["-n", "--text"], path)
        awk = kept(["mawk", "length($0)>80 {print NR \":\"}"], path)
        P, R, F = prf(roles, keep)
        print("| %s | %s | %d | %d / %d | %.3f | %.3f | %.3f | %.3f |" % (
            name, form, len(gold), roles.count(1), roles.count(0), P, R, F,
            prf(roles, awk)[2]))
        shown = 0
        for i, r in enumerate(roles):
            if shown >= o.misses:
                break
            if r is not None and (r == 1) != (i in keep):
                print("  %s %s:%d %s" % ("FN" if r else "FP", form, i + 1,
                                         lines[i][:120]), file=sys.stderr)
                shown += 1

if __name__ == "__main__":
    main()

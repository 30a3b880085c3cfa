#!/usr/bin/env python3
"""Score split-article on the sets build.py made (issue 12).

    score.py [--bin DIR] [--out DIR] [--split dev|test] [SET...]

For each set (vi, vp, vn, en, et: trafilatura's English pages) and stream form (nl: pages end with a newline,
glued: as `cat` glues files without one), runs split-article on the stream
and prints: records and pages, page-start precision/recall/F1 (a start is a
line and a column inside it), the fields of the pages whose start was found
(date, time, url, author/agency: right / checked), lines lost or extra
(tests/check-lines --starts: a line in two pieces where no page of the
gold starts is lost), lines torn inside a word (a line cut in two where
no page starts, with a letter on both sides of the cut), and for the
Vietnamese sets the line F1 of `split-article | strip-boilerplate
--records`: the article lines each page keeps in its own record.
"""
import argparse, json, os, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

def pieces(r):
    out = []
    if r.get("title"):
        out.append(r["title"])
    out += [x for x in (r.get("body") or "").split("\n") if x]
    for i in r.get("images") or []:
        out.append(i.get("file", ""))
        if i.get("caption"):
            out.append(i["caption"])
    out += [b.get("text", "") for b in r.get("boilerplate") or []]
    for x in r.get("related") or []:
        out += [x.get(k) for k in ("title", "summary", "date") if x.get(k)]
    if r.get("dateline"):
        out.append(r["dateline"])
    return out

def starts_of(recs, lines):
    """(line, col) where each record starts, col in code points."""
    res = []
    for r in recs:
        ln = r["line"]
        t = lines[ln - 1] if 0 < ln <= len(lines) else ""
        ps = pieces(r)
        col = 0
        if t not in ps and t.strip() not in ps:
            best = None
            for p in ps:
                if p and len(p) < len(t) and t.endswith(p):
                    if best is None or len(p) > len(best):
                        best = p
            if best is not None:
                col = len(t) - len(best)
        res.append((ln, col))
    return res

def norm(s):
    return unicodedata.normalize("NFC", s or "").casefold().strip()

def field_ok(name, g, r):
    if name in ("date", "time", "url"):
        return (r.get(name) or None) == g.get(name)
    # author/agency, one field (issue 12): each name the source gives,
    # writer or outlet, found in the record's author or agency.  Which
    # of the two a signature is can be moot ("WEBMASTER VNEXPRESS.NET",
    # "Theo tinvn.info" are in VFND's authors): the name is what counts
    ga, gg = norm(g.get("author")), norm(g.get("agency"))
    ra, rg = norm(r.get("author")), norm(r.get("agency"))

    def found(want):
        return any(want in x or (x != "" and x in want and len(x) > 3)
                   for x in (ra, rg))
    return (not ga or found(ga)) and (not gg or found(gg))

def torn(lines, recs, gold_starts):
    """Lines cut where no page starts, inside a word."""
    gs = set(gold_starts)
    n = 0
    for (ln, col) in starts_of(recs, lines):
        if col == 0 or (ln, col) in gs:
            continue
        t = lines[ln - 1]
        if col < len(t) and t[col - 1].isalnum() and t[col].isalnum():
            n += 1
    return n

MODEL = []

def run(bindir, path):
    p = subprocess.run([os.path.join(bindir, "split-article")] + MODEL + [path],
                       capture_output=True, check=True)
    return [json.loads(x) for x in p.stdout.decode().split("\n") if x]

def body_lines(bindir, recfile):
    """(body lines, signature) of each record after `strip-boilerplate
    --records`; the signature is the record's author and agency."""
    p = subprocess.run([os.path.join(bindir, "strip-boilerplate"), "--records", recfile],
                       capture_output=True, check=True)
    out = []
    for r in p.stdout.decode().split("\n"):
        if not r:
            continue
        r = json.loads(r)
        out.append(([unicodedata.normalize("NFC", x) for x in (r.get("body") or "").split("\n") if x],
                    {norm(r.get(k)) for k in ("author", "agency") if r.get(k)}))
    return out

def body_f1(gold, gs, ps, bodies):
    """Line F1 of the article lines kept in each page's own record: a
    record's body line is right when the record starts where the page does
    and the line is one of that page's article lines.  An article line
    that is the writer's name (VFND keeps the signature as the article's
    last paragraph: "Sơn Hoà") is in its own record when that record's
    author or agency is it: the program moved it there, it is not lost."""
    byst = {st: b for st, b in zip(ps, bodies)}
    tp = npred = ngold = 0
    for b, _ in bodies:
        npred += len(b)
    for g, st in zip(gold, gs):
        want = {}
        for x in g["article"]:
            x = unicodedata.normalize("NFC", x)
            want[x] = want.get(x, 0) + 1
        ngold += sum(want.values())
        body, sig = byst.get(st, ([], set()))
        for x in body:
            if want.get(x, 0) > 0:
                want[x] -= 1
                tp += 1
        for x, k in want.items():
            if k > 0 and norm(x) in sig:
                tp += 1
                npred += 1
    P = tp / npred if npred else 0
    R = tp / ngold if ngold else 0
    return 2 * P * R / (P + R) if P + R else 0

def lost(path, recfile, lines, gs):
    """Lines lost or extra (tests/check-lines), a line in two pieces
    counting as kept only where a page of the gold starts inside it."""
    gpath = recfile + ".starts"
    with open(gpath, "w", encoding="utf-8") as f:
        for (ln, col) in gs:
            if col > 0:
                f.write("%d\t%d\n" % (ln, len(lines[ln - 1][:col].encode("utf-8"))))
    p = subprocess.run([os.path.join(ROOT, "tests", "check-lines"), "--starts", gpath, path],
                       stdin=open(recfile, "rb"), capture_output=True)
    out = p.stdout.decode().split("\n")
    return (sum(1 for x in out if x.startswith("missing: ")),
            sum(1 for x in out if x.startswith("extra: ")))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "bin"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    ap.add_argument("--model", help="split-article --model")
    ap.add_argument("sets", nargs="*", default=["vi", "vp", "vn", "vb", "en", "et", "to"])
    o = ap.parse_args()
    if o.model:
        MODEL[:] = ["--model", o.model]
    env_path = o.bin + os.pathsep + os.environ.get("PATH", "")
    os.environ["PATH"] = env_path
    print("| set | form | pages | records | P | R | F1 | date | time | url | author | lost | torn | body F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    allres = []
    for s in o.sets:
        name = "%s-%s" % (s, o.split)
        gpath = os.path.join(o.out, name + ".gold.jsonl")
        if not os.path.exists(gpath):
            continue
        gold = [json.loads(x) for x in open(gpath, encoding="utf-8")]
        for form in ("nl", "glued"):
            path = os.path.join(o.out, "%s-%s.txt" % (name, form))
            recs = run(o.bin, path)
            recfile = path + ".jsonl"
            with open(recfile, "w", encoding="utf-8") as f:
                for r in recs:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            text = open(path, encoding="utf-8").read()
            lines = [unicodedata.normalize("NFC", x) for x in text.split("\n")]
            gs = [(g[form]["line"], g[form]["col"]) for g in gold]
            ps = starts_of(recs, lines)
            # the first line of a stream starts a page whatever happens
            tp = len(set(gs) & set(ps))
            P = tp / len(ps) if ps else 0
            R = tp / len(gs) if gs else 0
            F = 2 * P * R / (P + R) if P + R else 0
            byst = {st: r for st, r in zip(ps, recs)}
            fields = {"date": [0, 0], "time": [0, 0], "url": [0, 0], "author": [0, 0]}
            misses = []
            for g, st in zip(gold, gs):
                r = byst.get(st)
                for k in fields:
                    want = g.get(k) if k != "author" else (g.get("author") or g.get("agency"))
                    # a field the source does not give is not scored
                    if want is None:
                        continue
                    fields[k][1] += 1
                    if r is not None and field_ok(k, g, r):
                        fields[k][0] += 1
                    elif o.show and len(misses) < o.show:
                        misses.append("%s %s: want %r got %r" % (k, st, want, r and (r.get(k) if k != "author" else (r.get("author"), r.get("agency")))))
            ml, ex = lost(path, recfile, lines, gs)
            # split-article | strip-boilerplate: the article lines of each
            # page in its own record (issue 12: >= 0.95)
            bf = None
            if gold and "article" in gold[0]:
                bf = body_f1(gold, gs, ps, body_lines(o.bin, recfile))
            tw = torn(lines, recs, gs)
            res = dict(set=s, split=o.split, form=form, pages=len(gold), records=len(recs),
                       P=P, R=R, F1=F, fields={k: v for k, v in fields.items()},
                       lost=ml, extra=ex, torn=tw, body=bf)
            allres.append(res)
            fs = " | ".join("%d/%d" % tuple(fields[k]) for k in ("date", "time", "url", "author"))
            print("| %s | %s | %d | %d | %.3f | %.3f | %.3f | %s | %d+%d | %d | %s |" % (
                name, form, len(gold), len(recs), P, R, F, fs, ml, ex, tw,
                "%.3f" % bf if bf is not None else ""))
            if o.show:
                miss = sorted(set(gs) - set(ps))[: o.show]
                fp = sorted(set(ps) - set(gs))[: o.show]
                for st in miss:
                    print("  missed %s: %s" % (st, lines[st[0] - 1][:100]), file=sys.stderr)
                for st in fp:
                    print("  false  %s: %s" % (st, lines[st[0] - 1][:100]), file=sys.stderr)
                for m in misses:
                    print("  " + m, file=sys.stderr)
    if o.json:
        print(json.dumps(allres))

if __name__ == "__main__":
    main()

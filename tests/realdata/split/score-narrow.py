#!/usr/bin/env python3
"""strip-boilerplate on crawler pages printed in a narrow column (issue 13).

    score-narrow.py [--bin DIR] [--out DIR] [--split dev|test] [--stream]
                    [--misses] WIDTH [SET...]

The Vietnamese streams of build.py (vi: VFND articles in the samples'
crawler anatomy, vn: vietnews and baomoi articles in it; the newline form),
every line word-wrapped at WIDTH code points as a narrow column or a
renderer's table cell prints it (WIDTH 0: as they are), each piece with its
line's gold role (score-text.py's).  Each page is scored alone, as
`strip-boilerplate -n --text PAGE` reads one file; --stream reads the whole
set's stream at once.  Prints line precision, recall and F1 of the kept
lines per set and over all.  --misses prints the wrong lines to stderr.
Python 3 standard library only.
"""
import argparse, importlib.util, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
spec = importlib.util.spec_from_file_location("score_text", os.path.join(HERE, "score-text.py"))
st = importlib.util.module_from_spec(spec)
spec.loader.exec_module(st)


def wrap(t, width):
    """t in lines of at most width code points, broken at spaces."""
    if width <= 0 or len(t) <= width:
        return [t]
    out, cur = [], ""
    for w in t.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    out.append(cur)
    return out


def prf(tp, fp, fn):
    P = tp / (tp + fp) if tp + fp else 1.0
    R = tp / (tp + fn) if tp + fn else 1.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("NU_BIN", os.path.join(ROOT, "bin")))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--stream", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("width", type=int)
    ap.add_argument("sets", nargs="*", default=["vi", "vn"])
    o = ap.parse_args()
    prog = [os.path.join(o.bin, "strip-boilerplate"), "-n", "--text"]
    total = [0, 0, 0]
    print("| set | width | pages | P | R | line F1 |")
    print("|---|---:|---:|---|---|---|")
    for s in o.sets:
        name = "%s-%s" % (s, o.split)
        gold = [json.loads(x) for x in open(os.path.join(o.out, name + ".gold.jsonl"), encoding="utf-8")]
        lines = [st.nfc(x) for x in
                 open(os.path.join(o.out, name + "-nl.txt"), encoding="utf-8").read().split("\n")]
        roles = st.gold_roles(lines, gold, "nl")
        starts = [0] if o.stream else [g["nl"]["line"] - 1 for g in gold]
        starts.append(len(lines))
        c = [0, 0, 0]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "page.txt")
            for p in range(len(starts) - 1):
                text, rr = [], []
                for i in range(starts[p], starts[p + 1]):
                    for piece in wrap(lines[i], o.width):
                        text.append(piece)
                        rr.append(roles[i])
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(text) + "\n")
                keep = st.kept(prog, path)
                for i, r in enumerate(rr):
                    if r is None:
                        continue
                    k = i in keep
                    c[0] += r == 1 and k
                    c[1] += r == 0 and k
                    c[2] += r == 1 and not k
                    if o.misses and (r == 1) != k:
                        print("%s %s page %d line %d: %s" % ("FN" if r else "FP", name, p,
                                                             i + 1, text[i]), file=sys.stderr)
        print("| %s | %d | %d | %.3f | %.3f | %.3f |" % ((name, o.width, len(gold)) + prf(*c)))
        total = [a + b for a, b in zip(total, c)]
    print("| all | %d | | %.3f | %.3f | %.3f |" % ((o.width,) + prf(*total)))


if __name__ == "__main__":
    main()

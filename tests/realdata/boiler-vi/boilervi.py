"""Shared by join and score: read a page's rendering with its committed standoff labels."""
import hashlib, os

HERE = os.path.dirname(os.path.abspath(__file__))
# where labels/ and out/ are: this folder, or a scratch one for the tests
DATA = os.environ.get("BOILER_VI_DIR", HERE)
# the roles a reader copies as the story: strip-boilerplate should keep these lines
ARTICLE = {"title", "content", "caption", "dateline", "byline", "source-url"}


def pages():
    d = os.path.join(DATA, "labels")
    return sorted(f[:-4] for f in os.listdir(d) if f.endswith(".tsv"))


def labelled(page, out=None):
    """[(role, line)] of PAGE, or raise ValueError naming the first line whose sha1 differs."""
    out = out or os.path.join(DATA, "out")
    with open(os.path.join(out, "w3m", page + ".txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")[:-1]
    res = []
    with open(os.path.join(DATA, "labels", page + ".tsv"), encoding="utf-8") as f:
        for n, rec in enumerate(f, 1):
            num, role, sha = rec.rstrip("\n").split("\t")
            num = int(num)
            if num != n or num > len(lines):
                raise ValueError(f"labels/{page}.tsv:{n}: line {num} out of order or past the rendering")
            if hashlib.sha1(lines[num - 1].encode("utf-8")).hexdigest() != sha:
                raise ValueError(f"labels/{page}.tsv:{n}: out/w3m/{page}.txt line {num} is not the text labelled (sha1 differs)")
            res.append((role, lines[num - 1]))
    if len(res) != len(lines):
        raise ValueError(f"labels/{page}.tsv: {len(res)} labels for {len(lines)} lines")
    return res

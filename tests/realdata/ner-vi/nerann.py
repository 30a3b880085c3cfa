"""The inline annotation format of tests/realdata/ner-vi (see README.md), shared by convert,
join and agree.  One .ann line: ID<TAB>sentence with entities written [PER ...], [LOC ...],
[ORG ...]; a literal [ ] or \\ of the sentence is written \\[ \\] \\\\ ."""
import hashlib, html, json, os, re, subprocess, sys, unicodedata

TYPES = ("PER", "LOC", "ORG")
# NER_VI_DIR: another folder holding out/, ann/, spans/ (the tests use a scratch one)
HERE = os.environ.get("NER_VI_DIR") or os.path.dirname(os.path.abspath(__file__))


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True).stdout


def clean(s):
    """NFC, HTML entities decoded (some sites left &#39; in their JSON), zero-width and soft
    hyphens dropped, white space collapsed (Python's \\s: every Unicode space and break)."""
    s = unicodedata.normalize("NFC", html.unescape(s))
    s = re.sub(r"[\u200b-\u200d\ufeff\u00ad]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def write_batches(out, rows, bounds, size):
    """out/batches/NNN.txt (ID<TAB>SENTENCE) of rows (id, split, site, sentence), size a batch;
    each part rows[bounds[k]:bounds[k+1]] starts a batch of its own, so a part added later
    leaves the earlier parts' batches byte for byte.  -> the number of batches."""
    d = os.path.join(out, "batches")
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    starts = [(b, min(b + size, hi)) for lo, hi in zip(bounds, bounds[1:])
              for b in range(lo, hi, size)]
    for n, (b, end) in enumerate(starts):
        with open(os.path.join(d, f"{n:03d}.txt"), "w", encoding="utf-8") as f:
            f.write("".join(f"{r[0]}\t{r[3]}\n" for r in rows[b:end]))
    return len(starts)


def write_manifest(out, here, man):
    """out/manifest.tsv: the (key, value) rows of man and a checksum per batch; a warning when
    it differs from the committed here/manifest.tsv (the ids in ann/ may not match)."""
    d = os.path.join(out, "batches")
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), "rb") as f:
            man.append((f"batch.{name}", hashlib.sha1(f.read()).hexdigest()))
    text = "".join(f"{k}\t{v}\n" for k, v in man)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write(text)
    committed = os.path.join(here, "manifest.tsv")
    if os.path.exists(committed):
        with open(committed, encoding="utf-8") as f:
            if f.read() != text:
                print("build: warning: out/manifest.tsv differs from the committed manifest.tsv "
                      "(another snapshot or a changed script: the ids in ann/ may not match)",
                      file=sys.stderr)


def sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def parse(marked, where):
    """Marked sentence -> (plain text, [[start, end, type], ...]) in code points.
    Raises ValueError naming `where` and the column on any malformed mark."""
    out, ents, open_at, typ, i = [], [], None, None, 0
    while i < len(marked):
        c = marked[i]
        if c == "\\":
            if i + 1 >= len(marked) or marked[i + 1] not in "[]\\":
                raise ValueError(f"{where}: col {i + 1}: '\\' must escape [ ] or \\")
            out.append(marked[i + 1])
            i += 2
            continue
        if c == "[":
            if open_at is not None:
                raise ValueError(f"{where}: col {i + 1}: entity inside an entity (mark the outermost only)")
            t = marked[i + 1:i + 5]
            if t[:3] not in TYPES or t[3:] != " ":
                raise ValueError(f"{where}: col {i + 1}: '[' must start [PER , [LOC  or [ORG  (a literal [ is \\[)")
            open_at, typ = len(out), t[:3]
            i += 5
            continue
        if c == "]":
            if open_at is None:
                raise ValueError(f"{where}: col {i + 1}: ']' closes nothing (a literal ] is \\])")
            span = "".join(out[open_at:])
            if not span.strip():
                raise ValueError(f"{where}: col {i + 1}: empty entity")
            if span != span.strip():
                raise ValueError(f"{where}: col {i + 1}: entity '{span}' starts or ends with a space")
            ents.append([open_at, len(out), typ])
            open_at = None
            i += 1
            continue
        out.append(c)
        i += 1
    if open_at is not None:
        raise ValueError(f"{where}: entity opened at offset {open_at} is not closed")
    return "".join(out), ents


def read_ann(path):
    """-> list of (id, text, entities); raises ValueError naming file and line."""
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                raise ValueError(f"{path}:{n}: no TAB between id and sentence")
            sid, marked = line.split("\t", 1)
            text, ents = parse(marked, f"{path}:{n}")
            recs.append((sid, text, ents))
    return recs


def read_sentences(out_dir):
    """id -> (split, text) from build's out/sentences.tsv."""
    path = os.path.join(out_dir, "sentences.tsv")
    if not os.path.exists(path):
        sys.exit(f"{path}: missing: run ./build GIT_DIR first")
    sents = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            sid, split, _site, text = line.rstrip("\n").split("\t", 3)
            sents[sid] = (split, text)
    return sents

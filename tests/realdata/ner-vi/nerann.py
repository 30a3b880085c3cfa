"""The inline annotation format of tests/realdata/ner-vi (see README.md), shared by convert,
join and agree.  One .ann line: ID<TAB>sentence with entities written [PER ...], [LOC ...],
[ORG ...]; a literal [ ] or \\ of the sentence is written \\[ \\] \\\\ ."""
import hashlib, json, os, sys

TYPES = ("PER", "LOC", "ORG")
# NER_VI_DIR: another folder holding out/, ann/, spans/ (the tests use a scratch one)
HERE = os.environ.get("NER_VI_DIR") or os.path.dirname(os.path.abspath(__file__))


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

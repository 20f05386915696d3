#!/usr/bin/env python3
"""How far two labellers agree on the evaluation corpus.

Compares the corpus's labels (tests/data/corpus/*.tsv) with the independent
second labelling in tests/data/second-labelling.tsv, with the measure
`rapport eval` uses (micro F1 over every label, with "(none)" for a line
without labels), per split. That agreement is the ceiling a scorer can be
expected to reach against either labelling. Prints figures only: the sealed
split's lines are never shown.

Usage: python3 scripts/agreement.py [--write FILE]
  --write FILE   also writes the twice-labelled lines with the second labels,
                 in the corpus's format, so that `rapport eval FILE --split
                 sealed` measures the scorer against the second labeller.
"""
import collections
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def normalise(address):
    a = address.strip().lower()
    for scheme in ("https://", "http://"):
        if a.startswith(scheme):
            a = a[len(scheme):]
            break
    if a.startswith("www."):
        a = a[4:]
    return a.rstrip("/")


def sealed(address):
    """The split of src/scoring/eval.rs: FNV-1a 64 of the address, mod 10 < 3."""
    h = 0xCBF29CE484222325
    for b in normalise(address).encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 10 < 3


def labels(text):
    found = set(text.split()) - {"-"}
    return found or {"(none)"}


def main():
    second = {}
    for line in (ROOT / "tests/data/second-labelling.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, number, labelled = line.split("\t")
        second[(name, int(number))] = labelled
    pairs = collections.defaultdict(list)
    rewritten = []
    for path in sorted((ROOT / "tests/data/corpus").glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (path.name, number) not in second:
                continue
            cols = line.split("\t")
            side = "sealed" if sealed(cols[0]) else "dev"
            pairs[side].append((labels(cols[2]), labels(second[(path.name, number)])))
            rewritten.append("\t".join([cols[0], cols[1], second[(path.name, number)], *cols[3:]]))
    if "--write" in sys.argv[1:]:
        out = pathlib.Path(sys.argv[sys.argv.index("--write") + 1])
        out.write_text("\n".join(rewritten) + "\n", encoding="utf-8")
    for side in ("dev", "sealed"):
        tp = fp = fn = 0
        per = collections.defaultdict(lambda: [0, 0, 0])
        for first, other in pairs[side]:
            for label in first | other:
                if label in first and label in other:
                    tp += 1
                    per[label][0] += 1
                elif label in other:
                    fp += 1
                    per[label][1] += 1
                else:
                    fn += 1
                    per[label][2] += 1
        f1 = {l: 2 * a / (2 * a + b + c) for l, (a, b, c) in per.items()}
        print(f"{side}: {len(pairs[side])} lines labelled twice; agreement {2 * tp / (2 * tp + fp + fn):.3f}, "
              f"macro F1 {sum(f1.values()) / len(f1):.2f}")
        print("  " + ", ".join(f"{l} {v:.2f}" for l, v in sorted(f1.items())))


if __name__ == "__main__":
    main()

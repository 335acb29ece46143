#!/usr/bin/env python3
"""Deterministic large criteria frameworks for benchmarks, built from the real
one in the corpus: Section B of seed 004 repeated with renumbered topic codes
(LMAC5A, LMAC6A, LMAC7A, ...) until about N criteria, and, with --revise, a
revision of it: every 40th numbered criterion reworded (a word inserted
after its number).

Usage: gen_framework.py OUT.txt [--criteria N] [--revise]
"""
import argparse
import pathlib
import re

SEED = pathlib.Path(__file__).resolve().parent.parent / "corpus" / "criteria-skills-for-care-level5-lmac-2021.txt"
PER_COPY = 287


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--criteria", type=int, default=10100)
    ap.add_argument("--revise", action="store_true")
    a = ap.parse_args()
    text = SEED.read_text(encoding="utf-8")
    head, rest = text.split("\nSection B\n", 1)
    body, tail = rest.split("\nSection C:\n", 1)
    copies = max(1, -(-a.criteria // PER_COPY))
    parts = [head, "\nSection B\n"]
    for k in range(copies):
        parts.append(re.sub(r"LMAC5([A-H])", lambda m: f"LMAC{5 + k}{m.group(1)}", body))
    parts += ["\nSection C:\n", tail]
    out = "".join(parts)
    if a.revise:
        lines = out.split("\n")
        criterion = re.compile(r"^\s*-?\s*\d+\. ")
        seen = 0
        for i, line in enumerate(lines):
            if criterion.match(line):
                seen += 1
                if seen % 40 == 0:
                    m = criterion.match(line)
                    lines[i] = line[:m.end()] + "newly " + line[m.end():]
        out = "\n".join(lines)
    pathlib.Path(a.out).write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()

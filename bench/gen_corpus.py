#!/usr/bin/env python3
"""Deterministic benchmark libraries built from the real corpus documents:
unit specifications, criteria frameworks and structure lists, repeated with
renumbered codes and lightly perturbed text, until the folder holds about the
size asked for (40% unit specifications, 40% frameworks, 20% structure lists
by bytes).

Usage: gen_corpus.py OUT_DIR SIZE_MB
"""
import pathlib
import random
import re
import sys

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "corpus"
UNIT = (CORPUS / "unit-spec-F36J04-LMC-B2.txt").read_text(encoding="utf-8")
FRAMEWORK = (CORPUS / "criteria-skills-for-care-level5-lmac-2021.txt").read_text(encoding="utf-8")
STRUCTURE = (CORPUS / "structure-list-nvq4-leadership-management-care.txt").read_text(encoding="utf-8")
SWAPS = [("manage", "oversee"), ("support", "assist"), ("ensure", "make sure"), ("people", "individuals"),
         ("review", "evaluate"), ("workers", "staff")]


def perturb(text, rng):
    """Swaps a few words: realistic variation without changing the layout."""
    a, b = SWAPS[rng.randrange(len(SWAPS))]
    return re.sub(rf"\b{a}\b", b, text, count=rng.randrange(1, 20))


def unit(k, rng):
    letter = "ABCDEFGH"[k % 8]
    number = k // 8 + 1
    text = UNIT.replace("LMC B2", f"LMC {letter}{number}").replace("F36J 04", f"F{k % 1000:03d}J {k % 90 + 10:02d}")
    return perturb(text, rng)


def framework(k, rng):
    return perturb(re.sub(r"LMAC5([A-H])", lambda m: f"LMAC{5 + k}{m.group(1)}", FRAMEWORK), rng)


def structure(k, rng):
    text = re.sub(r"\(([A-Z])/(\d{3})/(\d{4})\)", lambda m: f"({m.group(1)}/{(int(m.group(2)) + k) % 1000:03d}/{m.group(3)})",
                  STRUCTURE)
    return perturb(text.replace("LMC ", f"L{k % 100:02d} "), rng)


def main():
    out, size_mb = pathlib.Path(sys.argv[1]), float(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20211)
    target = int(size_mb * 1024 * 1024)
    shares = [("unit", unit, 0.4), ("framework", framework, 0.4), ("structure", structure, 0.2)]
    total = 0
    for name, make, share in shares:
        written, k = 0, 0
        while written < target * share:
            text = make(k, rng)
            path = out / f"{name}-{k:05d}.txt"
            path.write_text(text, encoding="utf-8")
            written += len(text.encode("utf-8"))
            k += 1
        total += written
    print(f"{out}: {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

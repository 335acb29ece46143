#!/usr/bin/env python3
"""The apprenticeship standard's two web pages against the K/S/B catalogue compiled apart from them
(corpus/external/ifate-ST0499-autocare-technician-ksb-catalogue.json): every knowledge, skill and
behaviour qspec reads from a version's page has the catalogue's code and statement for that version,
and none is missing or extra.

Usage: ksb_catalogue_test.py QSPEC CORPUS_DIR
"""
import json
import pathlib
import subprocess
import sys

qspec, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
external = corpus / "external"
catalogue = json.loads((external / "ifate-ST0499-autocare-technician-ksb-catalogue.json").read_text(encoding="utf-8"))
KINDS = {"knowledge_point": "knowledge", "skill": "skills", "behaviour": "behaviours"}

failures = []
for version in ("1.2", "1.3"):
    page = external / f"ifate-ST0499-autocare-technician-v{version}.html"
    run = subprocess.run([qspec, "parse", str(page), "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"v{version}: qspec exited {run.returncode}: {run.stderr.strip()[:300]}")
        continue
    read = {}

    def walk(node):
        if node.get("kind") in KINDS:
            read[node["code"]] = (KINDS[node["kind"]], node["text"])
        for child in node.get("children", []):
            walk(child)

    walk(json.loads(run.stdout))
    entry = next(v for v in catalogue["versions"] if version in v["apprenticeshipVersions"])
    expected = {k["code"]: (k["kind"], k["statement"]) for k in entry["ksbs"]}
    counts = {kind: sum(1 for k, _ in read.values() if k == kind) for kind in KINDS.values()}
    if counts != entry["counts"]:
        failures.append(f"v{version}: counts {counts} != the catalogue's {entry['counts']}")
    for code in sorted(set(expected) | set(read)):
        if expected.get(code) != read.get(code):
            failures.append(f"v{version} {code}: read {read.get(code)!r}, the catalogue has {expected.get(code)!r}")
    print(f"v{version}: {len(read)} K/S/B read, {len(expected)} in the catalogue")

for f in failures[:40]:
    print("FAIL", f)
sys.exit(1 if failures else 0)

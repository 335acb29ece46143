#!/usr/bin/env python3
"""Checks every `*.facts.yaml` of corpus/layouts and corpus/external (format:
corpus/FACTS.md) against what qspec makes of the document beside it.

    facts_check.py QSPEC CORPUS_DIR PENDING_FILE [--report]

A document listed in PENDING_FILE (one file name a line, `#` comments giving
the reason) is one whose facts qspec does not meet yet: the test fails when a
listed document starts meeting them (take it off the list) as well as when an
unlisted one fails, so the list stays the truth. --report prints every
mismatch of every document and exits 0.
"""
import json
import pathlib
import subprocess
import sys

import yaml


def parse(qspec, path, kind=None, profile=None):
    cmd = [qspec, "parse", str(path), "-f", "json"]
    if kind:
        cmd += ["--kind", kind]
    if profile:
        cmd += ["--profile", str(profile)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"qspec exit {r.returncode}: {r.stderr[-400:]}")
    return json.loads(r.stdout)


def children(node, kinds=None):
    return [c for c in node.get("children", []) if kinds is None or c["kind"] in kinds]


NOT_ITEMS = {"paragraph", "list", "list_item", "section", "field", "part", "diagnostic", "furniture"}


def items_of(node):
    return [c for c in node.get("children", []) if c["kind"] not in NOT_ITEMS]


def source_lines(doc):
    """For a document read from a format that is not text (HTML, DOCX…): the
    source line each line of the block stream came from (its catalogue's
    source_map), so that a fact's `line:` (a line of the file) compares with
    a span (a line of the block stream). None for a text document."""
    for c in doc.get("children", []):
        if c["kind"] == "source_map":
            lines = []
            for where in c.get("lines", []):
                parts = dict(p.strip().rsplit(" ", 1) for p in where.split(",") if p.strip())
                lines.append(int(parts["line"]) if "line" in parts else None)
            return lines
    return None


def file_line(node, mapping):
    """The line of the file a node's span begins on."""
    line = node.get("span", {}).get("line")
    if line is None or mapping is None:
        return line
    return mapping[line - 1] if 0 < line <= len(mapping) else None


def compare_items(expected, actual, where, errors, mapping=None):
    """expected: facts items (with optional groups); actual: qspec nodes."""
    if len(expected) != len(actual):
        errors.append(f"{where}: {len(expected)} items expected, {len(actual)} found "
                      f"(codes found: {[a.get('code', a.get('title')) for a in actual][:30]})")
    for i, (e, a) in enumerate(zip(expected, actual)):
        if "group" in e:
            if a["kind"] != "item_group":
                errors.append(f"{where}[{i}]: group \"{e['group']}\" expected, found {a['kind']} {a.get('code')}")
                continue
            if a.get("title") != e["group"]:
                errors.append(f"{where}[{i}]: group title {a.get('title')!r} != {e['group']!r}")
            compare_items(e.get("items", []), items_of(a), f"{where}/{e['group'][:20]}", errors, mapping)
            continue
        code = str(e.get("code", ""))
        here = f"{where}/{code}"
        if a["kind"] == "item_group":
            errors.append(f"{here}: item expected, found group {a.get('title')!r}")
            continue
        if code and a.get("code") != code:
            errors.append(f"{here}: code {a.get('code')!r}")
        if "text" in e and a.get("text") != e["text"]:
            errors.append(f"{here}: text\n      expected {e['text']!r}\n      found    {a.get('text')!r}")
        for flag in ("incomplete", "label_inferred"):
            if bool(e.get(flag)) != bool(a.get(flag)):
                errors.append(f"{here}: {flag} {bool(a.get(flag))}, expected {bool(e.get(flag))}")
        if "refs" in e and a.get("refs", []) != e["refs"]:
            errors.append(f"{here}: refs {a.get('refs')} != {e['refs']}")
        if mapping is not None and "line" in e and file_line(a, mapping) != e["line"]:
            errors.append(f"{here}: line {file_line(a, mapping)} of the file, expected {e['line']}")
        compare_items(e.get("children", []), items_of(a), here, errors, mapping)


def check_standard(facts, doc, errors):
    standards = children(doc, {"standard"})
    if len(standards) != 1:
        errors.append(f"one standard expected, {len(standards)} found")
        return
    st = standards[0]
    for key in ("title", "code"):
        if key in facts and st.get(key) != facts[key]:
            errors.append(f"{key}: {st.get(key)!r} != {facts[key]!r}")
    fields = {}
    for f in children(st, {"field"}):
        fields.setdefault(f["name"], f["value"])
    for name, value in (facts.get("fields") or {}).items():
        if name in ("title",) and "title" in facts:
            continue
        if fields.get(name) != str(value):
            errors.append(f"field {name}: {fields.get(name)!r} != {str(value)!r}")
    parts = children(st, {"part"})
    # parts whose items are plain strings (a list of job titles) are prose: only parts of items count
    expected_parts = [p for p in facts.get("parts") or [] if p.get("items") and isinstance(p["items"][0], dict)]
    actual_parts = [p for p in parts if items_of(p)]
    if [p["role"] for p in expected_parts] != [p["role"] for p in actual_parts]:
        errors.append(f"parts with items: {[p['role'] for p in actual_parts]} != {[p['role'] for p in expected_parts]}")
    mapping = source_lines(doc)
    for e, a in zip(expected_parts, actual_parts):
        if mapping is not None and "line" in e and file_line(a, mapping) != e["line"]:
            errors.append(f"{e['role']}: heading on line {file_line(a, mapping)} of the file, expected {e['line']}")
        compare_items(e["items"], items_of(a), e["role"], errors, mapping)


def collapsed(text):
    return " ".join(str(text).split()) if text is not None else None


def compare_groups(expected, actual, where, errors):
    """expected: facts groups (kind: qualification_structure); actual: unit_group nodes."""
    if len(expected) != len(actual):
        errors.append(f"{where}: {len(expected)} groups expected, {len(actual)} found "
                      f"({[collapsed(a.get('name')) for a in actual]})")
    for i, (e, a) in enumerate(zip(expected, actual)):
        here = f"{where}[{i}]"
        if a.get("type") != e["type"]:
            errors.append(f"{here}: type {a.get('type')!r} != {e['type']!r}")
        if e["type"] == "pathway" and "pathway" in e:
            if collapsed(a.get("name")) != collapsed(e["pathway"]):
                errors.append(f"{here}: pathway {a.get('name')!r} != {e['pathway']!r}")
            if collapsed(a.get("statement")) != collapsed(e.get("rule")):
                errors.append(f"{here}: rule {a.get('statement')!r} != {e.get('rule')!r}")
        else:
            name = " ".join(x for x in (collapsed(a.get("name")), collapsed(a.get("statement"))) if x) or None
            wanted = " ".join(x for x in (collapsed(e.get("name")), collapsed(e.get("rule"))) if x) or None
            if name != wanted:
                errors.append(f"{here}: name {name!r} != {wanted!r}")
        for key in ("min_units", "max_units", "min_credits"):
            if a.get(key) != e.get(key):
                errors.append(f"{here}: {key} {a.get(key)} != {e.get(key)}")
        units = children(a, {"unit"})
        if len(units) != len(e.get("units", [])):
            errors.append(f"{here}: {len(e.get('units', []))} units expected, {len(units)} found")
        for k, (eu, au) in enumerate(zip(e.get("units", []), units)):
            expected_unit = {"code": eu.get("code"), "developer_code": eu.get("developer_code"),
                             "local_code": str(eu["unit_number"]) if "unit_number" in eu else None,
                             "title": eu.get("title"), "level": eu.get("level"), "credit": eu.get("credit")}
            for key, value in expected_unit.items():
                if au.get(key) != value:
                    errors.append(f"{here}/unit[{k}]: {key} {au.get(key)!r} != {value!r}")
        compare_groups(e.get("groups", []), children(a, {"unit_group"}), here, errors)


def check_structure(facts, doc, errors):
    quals = children(doc, {"qualification"})
    if len(quals) != 1:
        errors.append(f"one qualification expected, {len(quals)} found")
        return
    q = quals[0]
    if "title" in facts and q.get("title") != facts["title"]:
        errors.append(f"title: {q.get('title')!r} != {facts['title']!r}")
    if q.get("number") != facts.get("code"):
        errors.append(f"code: {q.get('number')!r} != {facts.get('code')!r}")
    compare_groups(facts.get("groups", []), children(q, {"unit_group"}), "groups", errors)


def check(qspec, facts_path, doc_path=None):
    """doc_path: another rendering of the facts' document (corpus/formats/<format>/), whose
    `line:` facts are not compared (they count lines of the original)."""
    facts = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    if doc_path is not None:
        facts = strip_lines(facts)
    doc_path = doc_path or facts_path.parent / facts["document"]
    errors = []
    doc = parse(qspec, doc_path, profile=facts_path.parent / facts["profile"] if facts.get("profile") else None)
    if facts.get("same_as"):
        # a hand-made variant of a seed: the same units, elements, criteria and knowledge
        seed = parse(qspec, (facts_path.parent / facts["same_as"]).resolve())
        if doc["document_kind"] != seed["document_kind"]:
            errors.append(f"kind {doc['document_kind']} != {seed['document_kind']}")
            return errors

        def shape(n):
            keep = {k: v for k, v in n.items() if k in ("kind", "id", "code", "local_code", "title", "number", "text",
                                                        "label", "term")}
            keep["children"] = [shape(c) for c in n.get("children", [])
                                if c["kind"] in ("unit", "element", "performance_criterion", "knowledge_specification",
                                                 "knowledge_group", "knowledge_point", "sub_item")]
            return keep

        a = [shape(u) for u in children(doc, {"unit"})]
        b = [shape(u) for u in children(seed, {"unit"})]
        if a != b:
            errors.append("units, elements, criteria and knowledge differ from the seed's")
        return errors
    if doc["document_kind"] != facts["kind"]:
        errors.append(f"kind {doc['document_kind']} != {facts['kind']}")
        return errors
    if facts["kind"] == "unknown":
        return errors
    if doc["unclassified_lines"]:
        errors.append(f"{doc['unclassified_lines']} unclassified lines")
    if "parts" in facts or any(c["kind"] == "standard" for c in doc.get("children", [])):
        check_standard(facts, doc, errors)
    elif facts["kind"] == "qualification_structure" and "groups" in facts:
        check_structure(facts, doc, errors)
    return errors


def strip_lines(node):
    if isinstance(node, dict):
        return {k: strip_lines(v) for k, v in node.items() if k != "line"}
    if isinstance(node, list):
        return [strip_lines(v) for v in node]
    return node


def renderings(corpus):
    """(name, facts file, document): each document of corpus/formats/<format>/ with the facts of
    the text document of the same name (corpus/formats/html/nos-web-p-labels.html is
    corpus/layouts/nos-web-p-labels.txt made a web page: the same facts, other spans)."""
    by_stem = {f.name[:-len(".facts.yaml")]: f for d in ("layouts", "external") for f in (corpus / d).glob("*.facts.yaml")}
    out = []
    for doc in sorted((corpus / "formats").glob("*/*")):
        if doc.is_file() and doc.stem in by_stem:
            out.append((f"formats/{doc.parent.name}/{doc.name}", by_stem[doc.stem], doc))
    return out


def main():
    qspec, corpus, pending_file = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    report = "--report" in sys.argv
    pending = {}
    for line in pending_file.read_text().splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            pending[name.strip()] = why.strip()
    facts_files = sorted(list((corpus / "layouts").glob("*.facts.yaml")) + list((corpus / "external").glob("*.facts.yaml")))
    cases = [(f.name, f, None) for f in facts_files] + renderings(corpus)
    failed, met, passed = [], [], 0
    for name, f, doc in cases:
        try:
            errors = check(qspec, f, doc)
        except Exception as e:  # noqa: BLE001 - any failure is a finding
            errors = [f"{type(e).__name__}: {e}"]
        if report and errors:
            print(f"--- {name}")
            for e in errors[:25]:
                print("   ", e)
        if errors and name not in pending:
            failed.append((name, errors))
        elif not errors and name in pending:
            met.append(name)
        elif not errors:
            passed += 1
    if report:
        print(f"{passed} meet their facts, {len(cases) - passed} do not")
        return 0
    for name, errors in failed:
        print(f"FAIL {name}")
        for e in errors[:25]:
            print("   ", e)
    for name in met:
        print(f"FAIL {name} meets its facts now: take it off {pending_file.name}")
    print(f"{passed} passed, {len(failed) + len(met)} failed, {len(pending)} skipped")
    return 1 if failed or met else 0


if __name__ == "__main__":
    sys.exit(main())

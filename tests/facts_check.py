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


NOT_ITEMS = {"paragraph", "list", "list_item", "section", "field", "part", "diagnostic", "furniture", "quantity"}


def items_of(node):
    return [c for c in node.get("children", []) if c["kind"] not in NOT_ITEMS]


def source_line(doc, node):
    """The line of the source file where a node begins: its span's line, mapped
    through the catalogue's source_map when the document was not text."""
    line = (node.get("span") or {}).get("line")
    smap = next((c for c in doc.get("children", []) if c["kind"] == "source_map"), None)
    if line is None or smap is None:
        return line
    origin = smap["lines"][line - 1] if 0 < line <= len(smap["lines"]) else ""
    words = origin.split(", ")
    for w in words:
        if w.startswith("line "):
            return int(w[5:])
    return None


def compare_items(expected, actual, where, errors, doc=None):
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
            compare_items(e.get("items", []), items_of(a), f"{where}/{e['group'][:20]}", errors, doc)
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
        if "line" in e and doc is not None and source_line(doc, a) != e["line"]:
            errors.append(f"{here}: line {source_line(doc, a)} != {e['line']}")
        if "band" in e and a.get("band") != e["band"]:
            errors.append(f"{here}: band {a.get('band')!r} != {e['band']!r}")
        compare_quantities(e, a, here, errors)
        inner = items_of(a)
        if "criteria" in e:
            # graded criteria (a band each: level_1, pass, merit, distinction) among the item's items
            compare_items(e["criteria"], [c for c in inner if "band" in c], f"{here}/criteria", errors, doc)
            inner = [c for c in inner if "band" not in c]
        compare_items(e.get("children", []), inner, here, errors, doc)


def compare_quantities(expected, actual, where, errors):
    """The numbers a part's prose or an item states (quantity nodes), when the facts give them."""
    if "quantities" not in expected:
        return
    found = [{"measure": q["measure"], "min": q["min"], "max": q["max"]} for q in children(actual, {"quantity"})]
    if found != expected["quantities"]:
        errors.append(f"{where}: quantities {found} != {expected['quantities']}")


def check_standard(facts, doc, errors, lines=True):
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
    for e, a in zip(expected_parts, actual_parts):
        if "id" in e and a.get("id") != e["id"]:
            errors.append(f"{e['role']}: id {a.get('id')!r} != {e['id']!r}")
        for key in ("heading", "lead_in"):
            # null: the document prints none (an XML element's name may stand for it)
            if e.get(key) is not None and a.get(key) != e[key]:
                errors.append(f"{e['role']}: {key} {a.get(key)!r} != {e[key]!r}")
        compare_quantities(e, a, e["role"], errors)
        compare_items(e["items"], items_of(a), e["role"], errors, doc if lines else None)
    found = check_item_sections(expected_parts, children(st, {"section"}), errors)
    check_counts(facts.get("counts") or {}, st, parts, errors, found)


def flat_list(lst):
    """A facts list with its sub-lists, as one flat list: its number of items and its last item."""
    count, last = lst["items"], lst["last"]
    for sub in lst.get("sub_lists", []):
        n, sub_last = flat_list(sub)
        count += n
        if sub["under"] == lst["last"]:
            last = sub_last
    return count, last


def check_item_sections(expected_parts, sections, errors):
    """An item's content topics and assignment outlines (a unit's learning aims) are sections of the
    standard, in document order, not nested under the item: each topic a section headed by its title
    holding each list as its description paragraph and then the list (sub-lists flattened into it);
    each assignment a section headed by its title holding the codes it covers and its evidence as lists.
    Returns how many of each were found."""
    found = {"content_topics": 0, "assignment_outlines": 0}
    at = 0

    def next_section(title, where):
        nonlocal at
        for i in range(at, len(sections)):
            if sections[i].get("heading") == title:
                at = i + 1
                return sections[i]
        errors.append(f"{where}: no section headed {title!r} after the last one found")
        return None

    for part in expected_parts:
        for item in part["items"]:
            where = f"{part['role']}/{item.get('code', '')}"
            for topic in item.get("content", []):
                sec = next_section(topic["title"], f"{where}/content")
                if sec is None:
                    continue
                found["content_topics"] += 1
                blocks = children(sec, {"paragraph", "list"})
                for lst in topic.get("lists", []):
                    k = next((i for i, b in enumerate(blocks) if b["kind"] == "paragraph" and b.get("text") == lst["description"]), None)
                    if k is None or k + 1 >= len(blocks) or blocks[k + 1]["kind"] != "list":
                        errors.append(f"{where}/{topic['title'][:30]}: no list after {lst['description']!r}")
                        continue
                    got = [li.get("text") for li in children(blocks[k + 1], {"list_item"})]
                    count, last = flat_list(lst)
                    if (len(got), got[0] if got else None, got[-1] if got else None) != (count, lst["first"], last):
                        errors.append(f"{where}/{lst['description'][:30]}: list of {len(got)} items "
                                      f"{got[:1]}…{got[-1:]} != {count} {lst['first']!r}…{last!r}")
            for outline in item.get("assignments", []):
                sec = next_section(outline["title"], f"{where}/assignments")
                if sec is None:
                    continue
                found["assignment_outlines"] += 1
                lists = [[li.get("text") for li in children(b, {"list_item"})] for b in children(sec, {"list"})]
                for key in ("criteria_covered", "evidence"):
                    if outline.get(key) and outline[key] not in lists:
                        errors.append(f"{where}/{outline['title']}: no list {outline[key]} (lists: {lists})")
    return found


def descendants(node):
    for c in node.get("children", []):
        yield c
        yield from descendants(c)


def check_counts(counts, st, parts, errors, sections_found=None):
    """counts: a part's role counts that part's items; "criteria" the graded
    criteria (nodes with a band) and "criteria_by_band" them by band; a
    plural of a node kind ("assessment_criteria", "knowledge_points") the
    nodes of that kind. A count of anything else is reported as unchecked."""
    nodes = list(descendants(st))
    for key, value in counts.items():
        part = next((p for p in parts if p.get("role") == key), None)
        if key == "criteria_by_band":
            found = {}
            for n in nodes:
                if "band" in n:
                    found[n["band"]] = found.get(n["band"], 0) + 1
            if found != dict(value):
                errors.append(f"counts: criteria by band {found} != {dict(value)}")
            continue
        if key == "criteria":
            actual = sum(1 for n in nodes if "band" in n)
        elif key in (sections_found or {}):
            actual = sections_found[key]
        elif part is not None:
            actual = len(items_of(part))
        elif key == "learning_aims":
            part = next((p for p in parts if p.get("role") == "learning_outcomes"), None)
            actual = len(items_of(part)) if part else 0
        else:
            # the kind a plural names: assessment_criteria -> assessment_criterion, duties -> duty
            kind = key[:-1] + "on" if key.endswith("ia") else key[:-3] + "y" if key.endswith("ies") else key.rstrip("s")
            actual = sum(1 for n in nodes if n["kind"] == kind)
            if not actual:
                errors.append(f"counts: {key} is not checked: no part has that role and no node that kind")
                continue
        if actual != value:
            errors.append(f"counts: {key} {actual} != {value}")


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


# what two renderings of one document must share: the structure and its words, not where they stand
SHAPE_KEYS = ("kind", "id", "code", "local_code", "title", "number", "text", "label", "term", "name", "value",
              "definition", "role", "level", "credit", "type")
NOT_SHAPE = {"source_map", "diagnostic", "furniture"}


UNIT_STRUCTURE = {"unit", "element", "performance_criterion", "knowledge_specification", "knowledge_group",
                  "knowledge_point", "sub_item"}


def shape(n, kinds=None):
    """A node and its descendants without spans, line counts and origins (only those of `kinds` when given)."""
    keep = {k: v for k, v in n.items() if k in SHAPE_KEYS}
    keep["children"] = [shape(c, kinds) for c in n.get("children", [])
                        if c["kind"] not in NOT_SHAPE and (kinds is None or c["kind"] in kinds)]
    return keep


def first_difference(a, b, where="document"):
    """Where two shapes first differ, said plainly; None when they are the same."""
    for k in SHAPE_KEYS:
        if a.get(k) != b.get(k):
            return f"{where}: {k} {a.get(k)!r} != {b.get(k)!r}"
    ca, cb = a["children"], b["children"]
    for i, (x, y) in enumerate(zip(ca, cb)):
        d = first_difference(x, y, f"{where}/{y.get('id', i)}")
        if d:
            return d
    if len(ca) != len(cb):
        extra = (ca if len(ca) > len(cb) else cb)[min(len(ca), len(cb))]
        return f"{where}: {len(ca)} children != {len(cb)} (first unmatched: {extra.get('id')})"
    return None


def check(qspec, facts_path, doc_path=None):
    """doc_path: another rendering of the facts' document (a DOCX made from it) that must give the same facts."""
    facts = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    doc_path = doc_path or facts_path.parent / facts["document"]
    errors = []
    doc = parse(qspec, doc_path, profile=facts_path.parent / facts["profile"] if facts.get("profile") else None)
    if facts.get("same_as"):
        # a hand-made variant of a seed: the same units, elements, criteria and knowledge (its other
        # words may differ: a variant without markup has no lists inside its glossary's definitions)
        seed = parse(qspec, (facts_path.parent / facts["same_as"]).resolve())
        if doc["document_kind"] != seed["document_kind"]:
            errors.append(f"kind {doc['document_kind']} != {seed['document_kind']}")
            return errors

        a = {"children": [shape(u, UNIT_STRUCTURE) for u in children(doc, {"unit"})]}
        b = {"children": [shape(u, UNIT_STRUCTURE) for u in children(seed, {"unit"})]}
        d = first_difference(a, b, "units")
        if d:
            errors.append(f"the units differ from the seed's: {d}")
        return errors
    if doc["document_kind"] != facts["kind"]:
        errors.append(f"kind {doc['document_kind']} != {facts['kind']}")
        return errors
    if facts["kind"] == "unknown":
        return errors
    if doc["unclassified_lines"]:
        errors.append(f"{doc['unclassified_lines']} unclassified lines")
    if "parts" in facts or any(c["kind"] == "standard" for c in doc.get("children", [])):
        # a document in another format is read into lines of its own: the facts' lines are the text's
        check_standard(facts, doc, errors, lines=doc_path == facts_path.parent / facts["document"])
    elif facts["kind"] == "qualification_structure" and "groups" in facts:
        check_structure(facts, doc, errors)
    # facts no check reads yet: a document stating them cannot meet its facts by what is left
    for key in ("structures", "suite"):
        if key in facts:
            errors.append(f"the {key} facts are not checked yet: no node of the model holds them")
    return errors


def format_versions(corpus):
    """corpus/formats/FORMAT/NAME.EXT (or NAME--VARIANT.EXT, another layout of it): the document NAME of the
    corpus in another format. Each pairs with the facts
    file of the text document NAME (corpus/layouts or corpus/external), or, where NAME has none (a seed at the
    corpus root), with the seed itself: then the units, elements, criteria and knowledge must be the seed's.
    Spans are not compared (they count lines of the reader's block stream)."""
    facts_by_name = {}
    for f in list((corpus / "layouts").glob("*.facts.yaml")) + list((corpus / "external").glob("*.facts.yaml")):
        facts_by_name[f.name[: -len(".facts.yaml")]] = f
    pairs = []
    for doc in sorted((corpus / "formats").glob("*/*")):
        if doc.name.endswith(".facts.yaml") or doc.name == "README.md" or not doc.is_file():
            continue
        name = doc.stem.split("--")[0]  # NAME--VARIANT.EXT: the same document in another layout
        label = f"formats/{doc.parent.name}/{doc.name}"
        if name in facts_by_name:
            pairs.append((label, facts_by_name[name], doc))
        else:
            seeds = sorted(corpus.glob(name + ".*"))
            pairs.append((label, seeds[0] if seeds else None, doc))
    return pairs


def check_against_seed(qspec, seed, doc_path):
    """A seed in another format: the same kind, and the same tree (ids, codes, titles, texts) as the seed's."""
    if seed is None:
        return ["no facts file and no text document of the same name"]
    doc = parse(qspec, doc_path)
    ref = parse(qspec, seed)
    if doc["document_kind"] != ref["document_kind"]:
        return [f"kind {doc['document_kind']} != {ref['document_kind']}"]
    d = first_difference(shape(doc), shape(ref))
    return [f"differs from {seed.name}: {d}"] if d else []


def main():
    qspec, corpus, pending_file = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    report = "--report" in sys.argv
    pending = {}
    for line in pending_file.read_text().splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            pending[name.strip()] = why.strip()
    facts_files = sorted(list((corpus / "layouts").glob("*.facts.yaml")) + list((corpus / "external").glob("*.facts.yaml")))
    failed, met, passed = [], [], 0
    checks = [(f.name, f, None) for f in facts_files] + format_versions(corpus)
    for name, f, doc in checks:
        try:
            if doc is None:
                errors = check(qspec, f)
            elif f is not None and f.name.endswith(".facts.yaml"):
                errors = check(qspec, f, doc)
            else:
                errors = check_against_seed(qspec, f, doc)
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
        print(f"{passed} meet their facts, {len(checks) - passed} do not")
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

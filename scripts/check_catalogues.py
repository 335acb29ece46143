#!/usr/bin/env python3
"""Parses every corpus document into JSON, YAML and XML with qspec, validates
each against the schemas (jsonschema for JSON and YAML, xmllint for XML) and
checks the three carry identical content. Also checks that two runs give
byte-identical output. Does the same for merged catalogues (`qspec
catalogue`) of the qualification documents with and without the unit
specification, and of the whole corpus. Exit 0 when all holds.

Usage: check_catalogues.py QSPEC_BINARY CORPUS_DIR SCHEMA_DIR
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from gen_schemas import KINDS, I, B, SPAN, L  # noqa: E402

NS = "{urn:qspec:catalogue:1}"


def span_of(el):
    return {k: int(el.get(k)) for k in ("line", "column", "end_line", "end_column")}


def xml_node(el):
    """The JSON shape of an XML node, typed by the schema table."""
    kind = el.tag[len(NS):]
    fields, _ = KINDS[kind]
    types = {name: typ for name, typ, _, _ in fields}
    node = {"kind": kind, "id": el.get("id"), "span": span_of(el)}
    for child in el:
        name = child.tag[len(NS):]
        if name == "children":
            node["children"] = [xml_node(c) for c in child]
        elif types[name] == SPAN:
            node[name] = span_of(child)
        elif types[name] == I:
            node[name] = int(child.text)
        elif types[name] == L:
            node[name] = [item.text or "" for item in child]
        elif types[name] == B:
            node[name] = child.text == "true"
        else:
            node[name] = child.text or ""
    return node


def xml_safe(node):
    """What XML 1.0 can hold: C0 controls other than tab and line ends become U+FFFD, as the XML
    emitter writes them."""
    if isinstance(node, dict):
        return {k: xml_safe(v) for k, v in node.items()}
    if isinstance(node, list):
        return [xml_safe(v) for v in node]
    if isinstance(node, str):
        return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in node)
    return node


def run(qspec, args, fmt, out):
    r = subprocess.run([qspec, *args, "-f", fmt, "-o", str(out)], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"qspec failed on {args} ({fmt}): exit {r.returncode}\n{r.stderr}")
    return out.read_bytes()


def main():
    qspec, corpus, schemas = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    schema = json.loads((schemas / "qspec-catalogue.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    failed_docs = 0
    # text documents, and the structure grids given as CSV
    docs = sorted(corpus.rglob("*.txt")) + sorted(corpus.rglob("*.csv"))
    jobs = [(doc.name, ["parse", str(doc)]) for doc in docs]
    qualification_docs = [str(corpus / n) for n in ("structure-list-nvq4-leadership-management-care.txt",
                                                     "datasheet-ocr-04639-nvq4-leadership-management-care.txt")]
    jobs.append(("catalogue of 000+001", ["catalogue", *qualification_docs]))
    jobs.append(("catalogue of 000+001+002", ["catalogue", *qualification_docs,
                                              str(corpus / "unit-spec-F36J04-LMC-B2.txt")]))
    jobs.append(("catalogue of the corpus", ["catalogue", *[str(d) for d in sorted(corpus.glob("*.txt"))]]))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for name, args in jobs:
            before = failures
            outputs = {}
            for fmt in ("json", "yaml", "xml"):
                first = run(qspec, args, fmt, tmp / f"a.{fmt}")
                second = run(qspec, args, fmt, tmp / f"b.{fmt}")
                if first != second:
                    print(f"FAIL {name}: {fmt} output differs between two runs")
                    failures += 1
                outputs[fmt] = tmp / f"a.{fmt}"
            as_json = json.loads(outputs["json"].read_text())
            as_yaml = yaml.safe_load(outputs["yaml"].read_text())
            for label, data in (("json", as_json), ("yaml", as_yaml)):
                errors = list(validator.iter_errors(data))
                if errors:
                    print(f"FAIL {name}: {label} catalogue does not validate: {errors[0].message}")
                    failures += 1
            r = subprocess.run(["xmllint", "--noout", "--schema", str(schemas / "qspec-catalogue.xsd"),
                                str(outputs["xml"])], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"FAIL {name}: xml catalogue does not validate:\n{r.stderr[:2000]}")
                failures += 1
            root = ET.parse(outputs["xml"]).getroot()
            as_xml = xml_node(next(iter(root)))
            if as_yaml != as_json:
                print(f"FAIL {name}: YAML content differs from JSON")
                failures += 1
            if as_xml != xml_safe(as_json):
                print(f"FAIL {name}: XML content differs from JSON")
                failures += 1
            failed_docs += failures != before
            print(f"{'ok  ' if failures == before else 'FAIL'} {name}")
    print(f"{len(jobs) - failed_docs} passed, {failed_docs} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes schemas/qspec-catalogue.schema.json (JSON Schema 2020-12, for the
JSON and YAML catalogues) and schemas/qspec-catalogue.xsd (for the XML
catalogue) from one table of node kinds, so the two cannot drift apart; also
schemas/qspec-diff.schema.json and readers/src/field_types.inc.

Each kind lists its fields in the order the emitters write them, then the
kinds its children may have. Run: python3 scripts/gen_schemas.py [--out DIR]
(with --out, the four files are written into DIR instead, side by side).
"""
import argparse
import json
import pathlib

import yaml

S, I, B, SPAN, L = "string", "integer", "boolean", "span", "list"
REQ, OPT = True, False

TOP = pathlib.Path(__file__).resolve().parent.parent


def load_profiles():
    """The built-in profiles (profiles/*.yaml): their document kinds and item kinds."""
    kinds, items = [], []
    for f in sorted((TOP / "profiles").glob("*.yaml")):
        p = yaml.safe_load(f.read_text(encoding="utf-8"))
        if p.get("document_kind"):
            kinds.append(p["document_kind"])
        for part in p.get("parts") or []:
            for level in part.get("levels") or []:
                if level["kind"] not in items:
                    items.append(level["kind"])
                # a level with fields has children of kind item_field ("GCSE English: No")
                if level.get("fields") and "item_field" not in items:
                    items.append("item_field")
    return kinds, items


PROFILE_KINDS, ITEM_KINDS = load_profiles()

# kind: (fields [(name, type, required, enum or None)], child kinds)
DOCUMENT_KINDS = ["unit_specification", "qualification_structure", "qualification_datasheet", "programme_overview",
                  "criteria_framework", "unknown"] + PROFILE_KINDS
LINES = [("lines", I, REQ, None), ("blank_lines", I, REQ, None), ("content_lines", I, REQ, None),
         ("furniture_lines", I, REQ, None), ("unclassified_lines", I, REQ, None)]
ROOTS = ["document", "merged_catalogue"]

KINDS = {
    "document": ([("catalogue_version", S, REQ, ["1"]), ("source", S, REQ, None),
                  ("document_kind", S, REQ, DOCUMENT_KINDS)] + LINES +
                 [("source_format", S, OPT, ["html", "xml", "docx", "xlsx", "pdf"])],
                 ["source_map", "standard", "framework", "qualification", "unit", "section", "furniture", "diagnostic"]),
    # for a file that was not text: where each line of the text read came from
    "source_map": ([("lines", L, REQ, None)], []),
    "framework": ([("title", S, OPT, None), ("label", S, OPT, None), ("level", I, OPT, None),
                   ("publisher", S, OPT, None), ("date", S, OPT, None), ("audience", S, OPT, None)],
                  ["section", "hours_rule", "topic"]),
    "hours_rule": ([("measure", S, REQ, ["total_qualification_time", "minimum_content", "optional_content", "other"]),
                    ("min", I, REQ, None), ("max", I, REQ, None), ("unit", S, REQ, ["hours"]), ("text", S, REQ, None)],
                   []),
    "topic": ([("code", S, REQ, None), ("title", S, REQ, None)], ["subtopic"]),
    "subtopic": ([("code", S, REQ, None), ("title", S, REQ, None),
                  ("requirement_type", S, OPT, ["knowledge", "skill", "knowledge_and_skill"]),
                  ("requirement_label", S, OPT, None), ("guidance_statement", S, OPT, None)],
                 ["outcome", "guidance_term"]),
    "outcome": ([("letter", S, REQ, None), ("statement", S, REQ, None)], ["criterion"]),
    "criterion": ([("number", I, REQ, None), ("number_inferred", B, OPT, None), ("text", S, REQ, None)],
                  ["sub_item", "term_reference"]),
    "guidance_term": ([("term", S, REQ, None)], ["paragraph", "list"]),
    "merged_catalogue": ([("catalogue_version", S, REQ, ["1"]), ("documents", I, REQ, None)],
                         ["source_document", "standard", "framework", "qualification", "unit", "section",
                          "diagnostic"]),
    "source_document": ([("source", S, REQ, None), ("document_kind", S, REQ, DOCUMENT_KINDS)] + LINES, []),
    "qualification": ([("title", S, OPT, None), ("award_title", S, OPT, None), ("type", S, OPT, None),
                       ("level", I, OPT, None), ("number", S, OPT, None),
                       ("awarding_body", S, OPT, None), ("awarding_body_name", S, OPT, None),
                       ("regulator", S, OPT, None), ("regulator_name", S, OPT, None),
                       ("standards", S, OPT, None), ("standards_name", S, OPT, None),
                       ("standards_developer", S, OPT, None), ("standards_developer_name", S, OPT, None),
                       ("total_units", I, OPT, None), ("total_credits", I, OPT, None),
                       ("min_credits", I, OPT, None), ("max_credits", I, OPT, None),
                       ("tqt", I, OPT, None), ("glh", I, OPT, None)],
                      ["appearance", "conflict", "section", "credit_rule", "unit_group", "barred_combination",
                       "recommendation", "pathway", "job_role", "note"]),
    "appearance": ([("document", S, REQ, None),
                    ("role", S, REQ, ["structure", "datasheet", "programme", "specification", "document"])], []),
    "conflict": ([("field", S, REQ, None)], ["conflict_value"]),
    "conflict_value": ([("document", S, REQ, None), ("value", S, REQ, None)], []),
    "credit_rule": ([("measure", S, REQ, ["credits", "units"]), ("count", I, REQ, None),
                     ("applies_to", S, REQ, ["qualification", "group", "pathway"]), ("group", S, OPT, None),
                     ("text", S, REQ, None)], []),
    "unit_group": ([("type", S, REQ, ["mandatory", "optional", "pathway", "additional"]), ("name", S, OPT, None),
                    ("statement", S, OPT, None), ("min_units", I, OPT, None), ("max_units", I, OPT, None),
                    ("min_credits", I, OPT, None), ("max_credits", I, OPT, None)], ["unit", "unit_group"]),
    "barred_combination": ([("units", L, REQ, None)], ["paragraph"]),
    "recommendation": ([("audience", S, OPT, None), ("units", L, REQ, None), ("text", S, REQ, None)], []),
    "pathway": ([("name", S, REQ, None), ("min_credits", I, OPT, None)], []),
    "job_role": ([("text", S, REQ, None)], []),
    "note": ([("number", I, REQ, None), ("text", S, REQ, None)], []),
    "unit": ([("code", S, OPT, None), ("local_code", S, OPT, None), ("title", S, REQ, None),
              ("reference", S, OPT, None), ("reference_span", SPAN, OPT, None), ("imported_code", S, OPT, None),
              ("marker", S, OPT, None), ("developer_code", S, OPT, None), ("level", I, OPT, None),
              ("credit", I, OPT, None)],
             ["appearance", "conflict", "section", "scope", "values_statement", "glossary", "evidence_requirements",
              "general_guidance", "knowledge_specification", "element"]),
    "section": ([("heading", S, OPT, None), ("role", S, OPT, None)], ["paragraph", "list"]),
    "paragraph": ([("text", S, REQ, None)], []),
    "list": ([], ["list_item"]),
    "list_item": ([("text", S, REQ, None)], []),
    "scope": ([("heading", S, REQ, None)], ["paragraph", "scope_item"]),
    "scope_item": ([("term", S, REQ, None), ("relation", S, REQ, None), ("text", S, REQ, None)], []),
    "values_statement": ([("heading", S, REQ, None)], ["paragraph"]),
    "glossary": ([("heading", S, REQ, None)], ["paragraph", "glossary_term"]),
    "glossary_term": ([("term", S, REQ, None), ("emphasis", S, REQ, ["bold", "italic", "none"])],
                      ["paragraph", "list"]),
    "evidence_requirements": ([("heading", S, REQ, None)], ["evidence_requirement", "evidence_type"]),
    "evidence_requirement": ([("category", S, REQ, ["simulation", "mandatory", "general"]),
                              ("label", S, OPT, None), ("text", S, REQ, None), ("permitted", B, OPT, None)], []),
    "evidence_type": ([("name", S, REQ, None), ("description", S, REQ, None)], []),
    "general_guidance": ([("heading", S, REQ, None)], ["list_item"]),
    "knowledge_specification": ([("heading", S, REQ, None), ("lead_in", S, OPT, None),
                                 ("evidence_column", S, OPT, None)], ["paragraph", "knowledge_group"]),
    "knowledge_group": ([("title", S, OPT, None)], ["knowledge_point"]),
    "knowledge_point": ([("number", I, OPT, None), ("text", S, REQ, None)], ["sub_item", "term_reference"]),
    "element": ([("code", S, REQ, None), ("title", S, REQ, None)], ["evidence_method", "performance_criterion"]),
    "evidence_method": ([("code", S, REQ, None), ("name", S, OPT, None), ("legend_span", SPAN, OPT, None)], []),
    "performance_criterion": ([("number", I, OPT, None), ("text", S, REQ, None)], ["sub_item", "term_reference"]),
    "sub_item": ([("label", S, OPT, None), ("text", S, REQ, None)], ["term_reference"]),
    "term_reference": ([("text", S, REQ, None), ("target", S, OPT, None)], []),
    "furniture": ([("role", S, REQ, ["page_header", "repeated_table_header", "sign_off_form", "table_header",
                                     "navigation", "stray_label", "boilerplate", "table_rule", "rule", "site", "running_footer", "lead_in", "heading", "conversion_debris",
                                     "garbled_heading", "stray_number", "table_title", "qualification_metadata",
                                     "empty_row", "page_footer", "bullet"]),
                   ("text", S, REQ, None)], ["form_field"]),
    "form_field": ([("label", S, REQ, None)], []),
    "diagnostic": ([("code", S, REQ, None), ("severity", S, REQ, ["note", "warning", "error"]),
                    ("message", S, REQ, None), ("original", S, OPT, None), ("repaired", S, OPT, None),
                    ("document", S, OPT, None)], []),
}

# Standards read by the outline engine from a profile (qspec/model/standard.hpp).
KINDS["standard"] = ([("family", S, REQ, None), ("code", S, OPT, None), ("title", S, OPT, None)],
                     ["field", "section", "part"])
KINDS["field"] = ([("name", S, REQ, None), ("label", S, REQ, None), ("value", S, REQ, None)], [])
KINDS["part"] = ([("role", S, REQ, None), ("heading", S, OPT, None), ("lead_in", S, OPT, None)],
                 ["paragraph", "list"] + ITEM_KINDS + ["item_group", "quantity"])
# A number of units, hours or credits a statement gives (a profile's measures).
KINDS["quantity"] = ([("measure", S, REQ, None), ("min", I, REQ, None), ("max", I, REQ, None), ("text", S, REQ, None)], [])
KINDS["item_group"] = ([("label", S, OPT, None), ("code", S, OPT, None), ("title", S, REQ, None)], ITEM_KINDS)
# An outline item: the fields the engine writes, in its order; a kind the
# typed recognisers also write (performance_criterion…) takes them as optional.
OUTLINE_FIELDS = [("label", S, OPT, None), ("code", S, OPT, None), ("text", S, REQ, None),
                  ("incomplete", B, OPT, None), ("label_inferred", B, OPT, None), ("band", S, OPT, None),
                  ("refs", L, OPT, None)]
for item in ITEM_KINDS:
    fields, children = KINDS.get(item, ([], []))
    # a typed kind writes its number first; label and text are in OUTLINE_FIELDS
    merged = [f for f in fields if f[0] == "number"] + OUTLINE_FIELDS
    KINDS[item] = (merged, children + [c for c in ITEM_KINDS if c not in children] + ["quantity"])

# The diff report (qspec diff --format json|yaml): one record per change.
OPS = ["added", "removed", "modified", "moved", "renumbered"]
DIFF_KINDS = {
    "diff": ([("old", S, REQ, None), ("new", S, REQ, None), ("changes", I, REQ, None)] +
             [(o, I, REQ, None) for o in OPS], ["change"]),
    "change": ([("op", S, REQ, OPS), ("node_kind", S, REQ, None),
                ("old_id", S, OPT, None), ("old_span", SPAN, OPT, None), ("old_number", S, OPT, None),
                ("new_id", S, OPT, None), ("new_span", SPAN, OPT, None), ("new_number", S, OPT, None),
                ("detail", S, OPT, None), ("label", S, REQ, None), ("context", L, REQ, None)], ["field_change"]),
    "field_change": ([("field", S, REQ, None), ("before", S, REQ, None), ("after", S, REQ, None)], ["word_run"]),
    "word_run": ([("op", S, REQ, ["equal", "removed", "added"]), ("text", S, REQ, None)], []),
}

BANNER = "generated by scripts/gen_schemas.py - do not edit"


def dispatch(kinds):
    """A node of one of `kinds`, checked against its kind's definition alone:
    "if kind is K then K" rather than anyOf, which would descend into every
    alternative (exponential in the depth of the tree)."""
    return {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": list(kinds)}},
            "allOf": [{"if": {"properties": {"kind": {"const": k}}}, "then": {"$ref": f"#/$defs/{k}"}}
                      for k in kinds]}


def json_schema(kinds=None, roots=None, title="qspec catalogue (JSON and YAML)", urn="urn:qspec:catalogue:1"):
    kinds = KINDS if kinds is None else kinds
    roots = ROOTS if roots is None else roots
    defs = {
        "span": {
            "type": "object",
            "properties": {k: {"type": "integer", "minimum": 0} for k in ("line", "column", "end_line", "end_column")},
            "required": ["line", "column", "end_line", "end_column"],
            "additionalProperties": False,
        }
    }
    for kind, (fields, children) in kinds.items():
        props = {"kind": {"const": kind}, "id": {"type": "string", "minLength": 1}, "span": {"$ref": "#/$defs/span"}}
        required = ["kind", "id", "span"]
        for name, typ, req, enum in fields:
            if typ == SPAN:
                p = {"$ref": "#/$defs/span"}
            elif typ == L:
                p = {"type": "array", "items": {"type": "string"}}
            else:
                p = {"type": typ}
            if enum:
                p["enum"] = enum
            props[name] = p
            if req:
                required.append(name)
        if children:
            props["children"] = {"type": "array", "minItems": 1, "items": dispatch(children)}
        defs[kind] = {"type": "object", "properties": props, "required": required, "additionalProperties": False}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": urn,
        "$comment": BANNER,
        "title": title,
        **dispatch(roots),
        "$defs": defs,
    }


XSD_TYPES = {S: "xs:string", I: "xs:integer", B: "xs:boolean"}


def xsd():
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<!-- {BANNER} -->",
           '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:q="urn:qspec:catalogue:1"',
           '           targetNamespace="urn:qspec:catalogue:1" elementFormDefault="qualified">',
           '  <xs:attributeGroup name="span">']
    for a in ("line", "column", "end_line", "end_column"):
        out.append(f'    <xs:attribute name="{a}" type="xs:unsignedInt" use="required"/>')
    out += ['  </xs:attributeGroup>',
            '  <xs:complexType name="span"><xs:attributeGroup ref="q:span"/></xs:complexType>',
            '  <xs:element name="catalogue">',
            '    <xs:complexType>',
            '      <xs:choice>' + "".join(f'<xs:element ref="q:{r}"/>' for r in ROOTS) + '</xs:choice>',
            '      <xs:attribute name="version" type="xs:string" use="required"/>',
            '    </xs:complexType>',
            '  </xs:element>']
    for kind, (fields, children) in KINDS.items():
        out.append(f'  <xs:element name="{kind}">')
        out.append('    <xs:complexType>')
        out.append('      <xs:sequence>')
        for name, typ, req, enum in fields:
            occurs = "" if req else ' minOccurs="0"'
            if typ == SPAN:
                out.append(f'        <xs:element name="{name}" type="q:span"{occurs}/>')
            elif typ == L:
                out.append(f'        <xs:element name="{name}"{occurs}>')
                out.append('          <xs:complexType><xs:sequence>')
                out.append('            <xs:element name="item" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>')
                out.append('          </xs:sequence></xs:complexType>')
                out.append('        </xs:element>')
            elif enum:
                out.append(f'        <xs:element name="{name}"{occurs}>')
                out.append(f'          <xs:simpleType><xs:restriction base="xs:string">')
                for v in enum:
                    out.append(f'            <xs:enumeration value="{v}"/>')
                out.append('          </xs:restriction></xs:simpleType>')
                out.append('        </xs:element>')
            else:
                out.append(f'        <xs:element name="{name}" type="{XSD_TYPES[typ]}"{occurs}/>')
        if children:
            out.append('        <xs:element name="children" minOccurs="0">')
            out.append('          <xs:complexType>')
            out.append('            <xs:choice maxOccurs="unbounded">')
            for c in children:
                out.append(f'              <xs:element ref="q:{c}"/>')
            out.append('            </xs:choice>')
            out.append('          </xs:complexType>')
            out.append('        </xs:element>')
        out.append('      </xs:sequence>')
        out.append('      <xs:attribute name="id" type="xs:string" use="required"/>')
        out.append('      <xs:attributeGroup ref="q:span"/>')
        out.append('    </xs:complexType>')
        out.append('  </xs:element>')
    out.append('</xs:schema>')
    return "\n".join(out) + "\n"


def field_types():
    """The fields that are not text, for the XML reader (XML does not say)."""
    code = {I: "integer", B: "boolean", SPAN: "span", L: "list"}
    out = [f"// {BANNER}", "// kind, field, type of every field that is not text"]
    for kind, (fields, _) in KINDS.items():
        for name, typ, _, _ in fields:
            if typ in code:
                out.append(f'{{"{kind}", "{name}", field_type::{code[typ]}}},')
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Writes the catalogue and diff schemas and the readers' field types.")
    parser.add_argument("--out", type=pathlib.Path, help="folder to write the four files into")
    out = parser.parse_args().out
    top = TOP
    root = out or top / "schemas"
    root.mkdir(exist_ok=True)
    (root / "qspec-catalogue.schema.json").write_text(json.dumps(json_schema(), indent=2) + "\n")
    (root / "qspec-catalogue.xsd").write_text(xsd())
    diff = json_schema(DIFF_KINDS, ["diff"], "qspec diff report (JSON and YAML)", "urn:qspec:diff:1")
    (root / "qspec-diff.schema.json").write_text(json.dumps(diff, indent=2) + "\n")
    (out or top / "readers" / "src").joinpath("field_types.inc").write_text(field_types())


if __name__ == "__main__":
    main()

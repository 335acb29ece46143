#!/usr/bin/env python3
"""The qspec command line: exit codes, outputs, diagnostics, coverage.

Usage: cli_test.py QSPEC_BINARY CORPUS_DIR
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

QSPEC, CORPUS = sys.argv[1], pathlib.Path(sys.argv[2])
UNIT = str(CORPUS / "unit-spec-F36J04-LMC-B2.txt")
passed = failed = 0


def run(*args, stdin=None):
    return subprocess.run([QSPEC, *args], input=stdin, capture_output=True)


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    r = run("parse", UNIT)
    check("parse to stdout exits 0", r.returncode == 0, r.stderr.decode())
    doc = json.loads(r.stdout)
    check("stdout is the JSON catalogue", doc["kind"] == "document" and doc["children"][0]["id"] == "LMC-B2")

    r = run("parse", UNIT, "--strict")
    check("--strict fails on warnings", r.returncode == 1)

    r = run("parse", UNIT, "--diagnostics", "json", "-o", str(tmp / "u.json"))
    diags = json.loads(r.stderr)
    rejoined = [d for d in diags if d["code"] == "Q-W201"]
    check("--diagnostics json lists the rejoins", len(rejoined) == 4, str(len(rejoined)))
    at228 = [d for d in rejoined if d.get("span", {}).get("line") == 228]
    check("a diagnostic's span is shaped as in the catalogue, and it carries the original",
          len(at228) == 1 and at228[0]["span"] == {"line": 228, "column": 2, "end_line": 228, "end_column": 9}
          and at228[0]["original"] == "\tworkers.\t\t\t\t\t\t\t\t" and "line" not in at228[0], str(at228))
    catalogue = json.loads((tmp / "u.json").read_text())
    in_catalogue = [n["span"] for n in catalogue["children"] if n["kind"] == "diagnostic"]
    check("--diagnostics json gives the spans the catalogue gives",
          len(in_catalogue) == len(diags) and
          all(d.get("span", {"line": 0, "column": 0, "end_line": 0, "end_column": 0}) == c
              for d, c in zip(diags, in_catalogue)), str(len(in_catalogue)))
    whole = [d for d in diags if d["code"] == "Q-N101"]
    check("a diagnostic about the whole document has no span",
          len(whole) == 1 and "span" not in whole[0] and "line" not in whole[0], str(whole))

    r = run("parse", UNIT, "-o", str(tmp / "u.json"))
    text = r.stderr.decode()
    check("text diagnostics are file:line:col: severity: [code]",
          f"{UNIT}:228:2: warning: [Q-W201]" in text, text[:300])

    r = run("parse", UNIT, "--coverage", "-o", str(tmp / "u.json"))
    check("--coverage tells structure from generic sections, furniture, unclassified and blank lines",
          "coverage of 266 lines: 148 in recognised structure, 2 kept only as generic sections, "
          "33 furniture or boilerplate, 0 unclassified, 83 blank" in r.stderr.decode(), r.stderr.decode())
    check("--coverage lists the lines of each kind",
          "\n  performance_criterion       16\n" in r.stderr.decode() and "\n  glossary_term               28\n" in
          r.stderr.decode(), r.stderr.decode())
    r = run("parse", str(CORPUS / "layouts" / "unknown-kind-meeting-agenda.txt"), "--coverage", "-o", str(tmp / "a.json"))
    check("--coverage of a document of no known kind: everything kept only as generic sections",
          " 0 in recognised structure, " in r.stderr.decode() and "[Q-W120]" in r.stderr.decode(), r.stderr.decode())

    r = run("parse", "-", "--format", "yaml", stdin=pathlib.Path(UNIT).read_bytes())
    check("stdin to YAML", r.returncode == 0 and b'kind: "unit"' in r.stdout)

    SUPPORTED = (".txt", ".md", ".csv", ".html", ".htm", ".xhtml", ".xml", ".docx", ".xlsx", ".pdf")

    pdf = tmp / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...")
    r = run("parse", str(pdf))
    check("a PDF that is no PDF exits 3 with a reason",
          r.returncode == 3 and b"the PDF is damaged or truncated" in r.stderr, r.stderr.decode())

    r = run("parse", str(tmp / "missing.txt"))
    check("a missing file exits 3", r.returncode == 3)

    r = run("parse", UNIT, "--format", "toml")
    check("a bad format is a usage error", r.returncode == 2)
    r = run()
    check("no subcommand is a usage error", r.returncode == 2)
    r = run("parse", UNIT, "-o", str(tmp / "no" / "such" / "dir" / "x.json"))
    check("-o into a missing folder is a clear error", r.returncode == 2 and b"does not exist" in r.stderr)
    # a folder with no document in it: said plainly, exit 3, with or without -o
    empty = tmp / "empty-folder"
    (empty / "sub").mkdir(parents=True)
    (empty / "sub" / "notes.odt").write_text("not a document")
    for extra in ([], ["-o", str(tmp)]):
        r = run("parse", str(empty), *extra)
        check(f"a folder with no documents exits 3 and says so {extra}",
              r.returncode == 3 and r.stdout == b"" and r.stderr.decode() ==
              f"qspec: the folder '{empty}' holds no documents (no file of a supported format in it or below it)\n", r.stderr.decode())
    r = run("catalogue", str(empty))
    check("catalogue of a folder with no documents exits 3 and says so",
          r.returncode == 3 and b"holds no documents" in r.stderr and r.stdout == b"", r.stderr.decode())

    # an empty file: said plainly, no line counted
    blank = tmp / "empty.txt"
    blank.write_bytes(b"")
    r = run("parse", str(blank), "--diagnostics", "json")
    doc = json.loads(r.stdout)
    check("an empty file says it is empty and counts 0 lines",
          r.returncode == 0 and doc["lines"] == 0 and json.loads(r.stderr) ==
          [{"file": str(blank), "severity": "warning", "code": "Q-W121",
            "message": "the file is empty: there is nothing to parse"}], r.stderr.decode())

    r = run("--help")
    check("--help names the exit codes", r.returncode == 0 and b"3 unreadable or unsupported input" in r.stdout)

    r = run("parse", "--help")
    help_text = r.stdout.decode()
    check("parse --help lists every extension a folder is searched for",
          "(every " + ", ".join(SUPPORTED[:-1]) + " and " + SUPPORTED[-1] + " below)" in help_text, help_text)
    check("--from's help names each format with what it is",
          "text (plain text, Markdown or CSV)" in help_text and "or pdf (PDF documents with a text layer)" in help_text
          and "--from TEXT:{text,html,xml,docx,xlsx,pdf}" in help_text, help_text)

    out = tmp / "out"
    out.mkdir()
    r = run("parse", str(CORPUS), "-o", str(out), "--format", "xml")
    lines = r.stdout.decode().strip().splitlines()
    # every file of a supported format, but those made to be refused (corpus/hostile/not-text.*)
    docs = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*")
                  if p.is_file() and p.suffix in SUPPORTED and not p.name.startswith("not-text."))
    check("a folder gives one summary line per document", len(lines) == len(docs), r.stdout.decode())
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    check("a folder gives one catalogue per document, subfolders kept",
          written == sorted(str(pathlib.PurePath(d).with_suffix(".xml")) for d in docs), str(written))
    check("the summary line counts the unit",
          any("unit_specification, 1 unit, 3 elements, 22 criteria, 32 knowledge points, 27 glossary terms" in l
              for l in lines), "\n".join(lines))
    check("no temporary files left", not any(p.name.endswith(".qspec-tmp") for p in out.rglob("*")))
    svq = CORPUS / "external" / "svq-GL6F23-fabrication-welding-grid.csv"
    one = tmp / "one"
    one.mkdir()
    r = run("parse", str(svq), "-o", str(one))
    check("one input with -o naming a folder writes its catalogue into it",
          r.returncode == 0 and (one / "svq-GL6F23-fabrication-welding-grid.json").is_file(), r.stderr.decode())
    check("the summary line counts the units of a pathway's option groups, and the pathways",
          "63 units in 24 groups" in r.stdout.decode() and "6 pathways" in r.stdout.decode(), r.stdout.decode())

    twin = tmp / "twin"
    twin.mkdir()
    (twin / "unit-spec-F36J04-LMC-B2.txt").write_bytes(pathlib.Path(UNIT).read_bytes())
    r = run("parse", UNIT, str(twin / "unit-spec-F36J04-LMC-B2.txt"), "-o", str(out))
    check("two inputs that would write one catalogue are refused",
          r.returncode == 2 and b"would write the same catalogue" in r.stderr, r.stderr.decode())

    copy = tmp / "self.txt"
    copy.write_bytes(pathlib.Path(UNIT).read_bytes())
    r = run("parse", str(copy), "-o", str(copy))
    check("never overwrites its input", r.returncode == 2 and copy.read_bytes() == pathlib.Path(UNIT).read_bytes())

    fifo = tmp / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    r = run("parse", UNIT, "-o", str(fifo))
    piped = reader.communicate(timeout=30)[0]
    check("-o to a pipe writes into it and leaves it a pipe",
          r.returncode == 0 and piped.startswith(b"{") and fifo.is_fifo())

    # qspec catalogue
    SL = str(CORPUS / "structure-list-nvq4-leadership-management-care.txt")
    DS = str(CORPUS / "datasheet-ocr-04639-nvq4-leadership-management-care.txt")
    r = run("catalogue", SL, DS, UNIT)
    check("catalogue exits 0 with conflicts (they are warnings)", r.returncode == 0, r.stderr.decode())
    cat = json.loads(r.stdout)
    check("catalogue root and its three documents",
          cat["kind"] == "merged_catalogue" and cat["documents"] == 3
          and [c["document_kind"] for c in cat["children"][:3]]
          == ["qualification_structure", "qualification_datasheet", "unit_specification"])
    conflicts = [line for line in r.stderr.decode().splitlines() if "[Q-W301]" in line]
    check("two conflicts on stderr, each naming both documents",
          len(conflicts) == 2 and all(SL in c and DS in c for c in conflicts), "\n".join(conflicts))
    r = run("catalogue", SL, DS, "--strict")
    check("catalogue --strict fails on the conflicts", r.returncode == 1)
    r = run("catalogue", SL, DS, "-f", "xml", "-o", str(tmp / "cat.xml"))
    check("catalogue -o writes the file", r.returncode == 0 and (tmp / "cat.xml").read_bytes().startswith(b"<?xml"))
    r = run("catalogue", SL, "-o", str(tmp / "missing" / "cat.json"))
    check("catalogue -o into a missing folder is refused", r.returncode == 2 and b"does not exist" in r.stderr)
    r = run("catalogue", SL, str(tmp / "absent.txt"))
    check("catalogue with an unreadable input exits 3 and still writes the rest",
          r.returncode == 3 and json.loads(r.stdout)["documents"] == 1)
    r = run("parse", SL, "--kind", "qualification_structure")
    check("--kind forces a qualification layout", r.returncode == 0
          and json.loads(r.stdout)["document_kind"] == "qualification_structure", r.stderr.decode())
    r = run("parse", SL, "--kind", "programme_overview")
    check("--kind forcing a layout whose structure is absent is an error", r.returncode == 1
          and json.loads(r.stdout)["document_kind"] == "programme_overview" and b"[Q-E122]" in r.stderr,
          r.stderr.decode())
    r = run("parse", str(CORPUS / "criteria-skills-for-care-level5-lmac-2021.txt"), "--kind", "nos")
    check("--kind nos on the criteria framework is an error", r.returncode == 1
          and json.loads(r.stdout)["document_kind"] == "national_occupational_standard" and b"[Q-E122]" in r.stderr,
          r.stderr.decode())
    # detection, shown; profiles added from a file
    nos = str(CORPUS / "layouts" / "nos-web-p-labels.txt")
    r = run("detect", nos, SL)
    out = r.stdout.decode()
    check("detect names the kind, the profile, its score and the deciding lines",
          r.returncode == 0 and out.startswith(f"{nos}: national_occupational_standard (profile nos, score ")
          and "  line 2: field \"URN\" (+3)\n" in out and "heading \"Performance criteria\" (+3)" in out
          and f"{SL}: qualification_structure (built-in layout)" in out, out)
    own = CORPUS / "layouts" / "own-layout-wd-unit.txt"
    profile = CORPUS / "layouts" / "own-layout-wd-unit.profile.yaml"
    r = run("parse", str(own), "--profile", str(profile))
    doc = json.loads(r.stdout) if r.returncode in (0, 1) else {}
    items = [c for p in doc.get("children", [{}])[0].get("children", []) if p.get("kind") == "part"
             for c in p.get("children", []) if c.get("kind") in ("performance_criterion", "knowledge_point")]
    check("a profile file alone reads an awarding body's own layout",
          r.returncode == 0 and doc.get("document_kind") == "awarding_body_unit" and len(items) == 12
          and items[0]["code"] == "WD1" and items[-1]["code"] == "WK6", r.stderr.decode())
    r = run("parse", "--profile", str(profile), str(own), "-f", "yaml")
    check("--profile takes one file each time: the input after it stays an input",
          r.returncode == 0 and b'document_kind: "awarding_body_unit"' in r.stdout, r.stderr.decode())
    # qspec text: the lines the recognisers read, numbered as spans count them
    r = run("text", nos)
    first = r.stdout.decode().splitlines()[:2]
    check("qspec text numbers a text file's lines as they are, no origin for text",
          r.returncode == 0 and first == ["     1  Prepare and maintain a clinical treatment area",
                                          "     2  URN: SFHGEN117"], "\n".join(first))
    # a document whose lines end in a lone CR: `qspec text` and the review page
    # number its lines as the catalogue's spans do (and as they do with LF)
    lf_lines = run("text", UNIT).stdout.decode().split("\n")[:-1]
    lone_cr = tmp / "unit-cr.txt"
    lone_cr.write_bytes(pathlib.Path(UNIT).read_bytes().replace(b"\n", b"\r"))
    r = run("text", str(lone_cr))
    cr_lines = r.stdout.decode().split("\n")[:-1]
    check("qspec text splits a lone-CR document into the lines of its LF original",
          r.returncode == 0 and len(cr_lines) == 266 and cr_lines == lf_lines, f"{len(cr_lines)} lines")
    text_of_line = {int(l[:6]): l[8:] for l in cr_lines}

    def nodes(n):
        yield n
        for c in n.get("children", []):
            yield from nodes(c)
    cr_tree = json.loads(run("parse", str(lone_cr)).stdout)
    lf_tree = json.loads(run("parse", UNIT).stdout)
    check("a lone-CR document's spans are those of its LF original",
          [(n["id"], n.get("span")) for n in nodes(cr_tree)] == [(n["id"], n.get("span")) for n in nodes(lf_tree)])
    numbered = [n for n in nodes(cr_tree) if n["kind"] in ("performance_criterion", "knowledge_point")]
    misplaced = [(n["id"], n["span"]["line"]) for n in numbered
                 if not text_of_line.get(n["span"]["line"], "")[n["span"]["column"] - 1:]
                 .startswith(f"{n['number']}. " + n["text"].split()[0])]
    check("each numbered item's span names the qspec text line that prints it",
          len(numbered) == 54 and not misplaced, f"{len(numbered)} items, misplaced: {misplaced[:3]}")
    check("criterion 1 of LMC B2.1 is on line 184",
          text_of_line.get(184, "").startswith("1. You create an environment which empowers")
          and [n["span"]["line"] for n in numbered if n["id"] == "LMC-B2/B2.1/pc-1"] == [184], text_of_line.get(184, "")[:60])
    r = run("review", str(lone_cr), "-o", str(tmp / "cr.html"))

    class SourceLines(HTMLParser):
        """Each source line of a review page: its number and its text, diagnostics left out."""

        def __init__(self):
            super().__init__()
            self.lines, self.line, self.depth = {}, None, 0

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if self.line is not None:
                self.depth += 1
            elif tag == "span" and a.get("class") == "t" and self.number is not None:
                self.line, self.depth, self.lines[self.number] = self.number, 0, ""
            self.number = int(a["data-line"]) if tag == "div" and "data-line" in a else getattr(self, "number", None)

        def handle_endtag(self, tag):
            if self.line is not None:
                if self.depth == 0:
                    self.line = None
                else:
                    self.depth -= 1

        def handle_data(self, data):
            if self.line is not None and self.depth == 0:
                self.lines[self.line] += data
    page = SourceLines()
    page.feed((tmp / "cr.html").read_text())
    check("the review page of a lone-CR document shows the lines qspec text shows, numbered alike",
          r.returncode == 0 and page.lines == text_of_line, f"{len(page.lines)} lines")
    r = run("text", str(tmp / "absent.txt"))
    check("qspec text on a missing file exits 3", r.returncode == 3 and b"cannot open" in r.stderr, r.stderr.decode())
    # the format comes from the content, never from the name; --from forces one
    disguised = tmp / "standard.txt"
    disguised.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    r = run("parse", str(disguised))
    check("a PDF named .txt is read as a PDF (here: refused as a broken one), not as text",
          r.returncode == 3 and b"PDF" in r.stderr.upper(), r.stderr.decode())
    bare = tmp / "unit.txt"
    bare.write_bytes(b"<unit>\n  <title>Prepare the work area</title>\n  <level>2</level>\n</unit>\n")
    r = run("text", str(bare))
    check("markup with no prolog that closes its first element at its end is read as XML",
          r.returncode == 0 and r.stdout.decode().splitlines() == ["     1  [line 2, column 3]  Title: Prepare the work area",
                                                                   "     2  [line 3, column 3]  Level: 2"],
          r.stdout.decode() + r.stderr.decode())
    page = tmp / "page.txt"
    page.write_bytes(b"<!doctype html>\n<p>Prepare the work area</p>\n")
    r = run("text", str(page), "--from", "text")
    check("--from text reads a page named .txt as the text it holds, tags and all",
          r.returncode == 0 and r.stdout.decode().splitlines() == ["     1  <!doctype html>",
                                                                   "     2  <p>Prepare the work area</p>"],
          r.stdout.decode() + r.stderr.decode())
    r = run("parse", nos, "--from", "rtf")
    check("--from an unknown format is a usage error", r.returncode == 2, r.stderr.decode())
    r = run("detect", str(CORPUS))
    check("detect on a folder says it takes files, exit 3",
          r.returncode == 3 and b"is a folder: detect takes files" in r.stderr, r.stderr.decode())
    # a built-in recogniser's words replaced by a profile file: a structure list whose mandatory group
    # is called "Compulsory" is read once the vocabulary names that word
    compulsory = tmp / "structure-compulsory.txt"
    compulsory.write_text(pathlib.Path(SL).read_text(encoding="utf-8").replace("Mandatory", "Compulsory"),
                          encoding="utf-8")
    words = tmp / "qualification-words.yaml"
    words.write_text((CORPUS.parent / "profiles" / "qualification.yaml").read_text(encoding="utf-8")
                     .replace('mandatory: ["mandatory"]', 'mandatory: ["compulsory"]'), encoding="utf-8")

    def groups_of(result):
        doc = json.loads(result.stdout) if result.returncode in (0, 1) else {}
        q = next((c for c in doc.get("children", []) if c.get("kind") == "qualification"), {})
        return [(g.get("type"), len(g.get("children", []))) for g in q.get("children", []) if g.get("kind") == "unit_group"]

    plain = groups_of(run("parse", str(compulsory), "--kind", "qualification_structure"))
    worded = groups_of(run("parse", str(compulsory), "--kind", "qualification_structure", "--profile", str(words)))
    check("a vocabulary profile replaces a built-in recogniser's words (group types of a structure list)",
          ("mandatory", 4) not in plain and worded[:1] == [("mandatory", 4)], f"{plain} / {worded}")
    bad = tmp / "bad-profile.yaml"
    bad.write_text("profile: x\ndocument_kind: y\nparts:\n  - role: a\n    lead_in: [\"You must\"]\n")
    r = run("parse", str(own), "--profile", str(bad))
    check("a misspelt key in a profile is a usage error naming the file, line and key",
          r.returncode == 2 and f"{bad}:5:5: unknown key 'lead_in' in a part".encode() in r.stderr, r.stderr.decode())
    bad.write_text("profile: x\ndocument_kind: y\ncode_field: urm\nfields:\n  - {name: urn, labels: [URN]}\n")
    r = run("parse", str(own), "--profile", str(bad))
    check("a code_field naming no field is a usage error", r.returncode == 2 and b"'urm' names no field" in r.stderr,
          r.stderr.decode())
    r = run("parse", SL, "--kind", "no_such_kind")
    check("--kind with an unknown kind is a usage error naming the known ones", r.returncode == 2
          and b"national_occupational_standard" in r.stderr, r.stderr.decode())

    # the repairs of seed 004, for a qualification developer to check by hand
    r = run("parse", str(CORPUS / "criteria-skills-for-care-level5-lmac-2021.txt"), "--diagnostics", "json",
            "-o", str(tmp / "004.json"))
    repairs = json.loads(r.stderr)
    codes = {d["code"] for d in repairs}
    check("004 --diagnostics json lists every kind of repair",
          {"Q-W213", "Q-W214", "Q-W215", "Q-W216", "Q-W217", "Q-W209", "Q-W201"} <= codes, str(sorted(codes)))
    located = [d for d in repairs if d["code"] in ("Q-W213", "Q-W214", "Q-W215", "Q-W216")]
    valued = [d for d in repairs if d["code"] in ("Q-W213", "Q-W215", "Q-W216")]
    check("each repair has its span, original and repaired value",
          len(located) == 42 and len(valued) == 33
          and all(d["span"]["line"] > 0 and d.get("original") for d in located)
          and all(d.get("repaired") for d in valued), f"{len(located)} {len(valued)}")
    check("no repaired value merely repeats the original",
          [d for d in repairs if d.get("repaired") and d["repaired"] == d.get("original")] == [])

    # qspec diff: exit codes as diff(1), reports in every format
    REV = CORPUS / "revisions"
    r = run("diff", SL, SL)
    check("diff of a document with itself exits 0", r.returncode == 0 and b"0 changes" in r.stdout, r.stdout.decode())
    r = run("diff", SL, str(REV / "structure-list-nvq4-leadership-management-care-rev2.txt"))
    check("diff with changes exits 1 and prints the summary",
          r.returncode == 1 and b"3 changes: 2 modified, 1 moved" in r.stdout, r.stdout.decode())
    check("no colour when the output is not a terminal", b"\x1b[" not in r.stdout)
    r = run("diff", SL, str(REV / "structure-list-nvq4-leadership-management-care-rev2.txt"), "--color", "always")
    check("--color always colours", b"\x1b[31m" in r.stdout)
    # the parse warnings of each side, as `qspec parse` prints them: a revision whose criterion 4 of
    # B2.1 was dropped has a numbering gap, and the diff must not hide it
    gapped = tmp / "unit-spec-gap.txt"
    lines = pathlib.Path(UNIT).read_bytes().split(b"\n")
    fourth = [i for i, l in enumerate(lines) if l.startswith(b"4. You work with people, workers")]
    check("the unit specification has one B2.1 criterion 4 to drop", len(fourth) == 1, str(fourth))
    gapped.write_bytes(b"\n".join(lines[:fourth[0]] + lines[fourth[0] + 1:]))
    r = run("diff", UNIT, str(gapped))
    gap = [l for l in r.stderr.decode().splitlines() if "[Q-W205]" in l]
    check("diff shows the parse warnings of both documents, prefixed by the file, as parse does",
          r.returncode == 1 and r.stderr == run("parse", UNIT, "-o", os.devnull).stderr
          + run("parse", str(gapped), "-o", os.devnull).stderr
          and gap == [f"{gapped}:187:1: warning: [Q-W205] performance criterion 5 of LMC B2.1 follows 3"],
          r.stderr.decode())
    r = run("diff", SL, str(tmp / "absent.txt"))
    check("diff with a missing input exits 2", r.returncode == 2 and b"absent.txt" in r.stderr)
    r = run("diff", SL, SL, "--threshold", "2")
    check("a threshold outside 0-1 is a usage error", r.returncode == 2)
    bad = tmp / "bad.json"
    bad.write_text('{"kind": "document", "id": ')
    r = run("diff", SL, str(bad))
    check("a broken catalogue is trouble, with a reason", r.returncode == 2 and b"JSON" in r.stderr, r.stderr.decode())
    r = run("parse", UNIT, "-f", "xml", "-o", str(tmp / "unit.xml"))
    r = run("diff", UNIT, str(tmp / "unit.xml"))
    check("a document against its own XML catalogue: no differences", r.returncode == 0, r.stdout.decode())
    import jsonschema, yaml
    schema = json.loads((CORPUS.parent / "schemas" / "qspec-diff.schema.json").read_text())
    UNIT_REV = str(REV / "unit-spec-F36J04-LMC-B2-rev2.txt")
    r = run("diff", UNIT, UNIT_REV, "-f", "json")
    report = json.loads(r.stdout)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
    check("the JSON diff report validates against schemas/qspec-diff.schema.json", not errors,
          errors[0].message if errors else "")
    check("one record per change with op, kind, ids", report["changes"] == 9 and
          sorted(c["op"] for c in report["children"]) ==
          sorted(["added"] * 2 + ["removed", "modified", "moved"] + ["renumbered"] * 4))
    r = run("diff", UNIT, UNIT_REV, "-f", "yaml")
    check("the YAML diff report says the same as the JSON one", yaml.safe_load(r.stdout) == report)

    # a real revision, read from the two published web pages: version 1.2 of the autocare technician
    # standard against 1.3 (corpus/external/ifate-ST0499-autocare-technician-v1.3.facts.yaml, revision:)
    EXT = CORPUS / "external"
    r = run("diff", str(EXT / "ifate-ST0499-autocare-technician-v1.2.html"),
            str(EXT / "ifate-ST0499-autocare-technician-v1.3.html"), "-f", "json")
    report = json.loads(r.stdout)
    ksb = [c for c in report["children"] if c["node_kind"] in ("knowledge_point", "skill", "behaviour")]
    removed = [(c["old_id"], c["label"]) for c in ksb if c["op"] == "removed"]
    check("the 1.2 -> 1.3 revision removes one skill, S9, with its 1.2 text",
          removed == [("OCC0499/skills/s9", "Remove and replace vehicle tyre and balance wheel assemblies on car, car "
                       "derived van or light goods vehicle. For example, ultra-low profile, directional, asymmetric, "
                       "run-flat tyres.")], str(removed))
    renumbered = [(c["old_id"].rsplit("/", 1)[1], c["new_id"].rsplit("/", 1)[1]) for c in ksb if c["op"] == "renumbered"]
    check("the skills after it are renumbered, S10 -> S9 … S26 -> S25, their texts unchanged",
          renumbered == [(f"s{n}", f"s{n - 1}") for n in range(10, 27)] and
          all({f["field"] for f in c.get("children", [])} <= {"label", "code"} for c in ksb if c["op"] == "renumbered"),
          str(renumbered))
    check("nothing else changes among knowledge, skills and behaviours (no statement reworded)",
          len(ksb) == 18 and report["added"] == 0 and report["moved"] == 0, str([(c["op"], c["node_kind"]) for c in ksb]))
    duties = [c for c in report["children"] if c["node_kind"] == "duty"]
    check("the duties change only their references (the renumbered skills)",
          len(duties) == 10 and all(c["op"] == "modified" and [f["field"] for f in c["children"]] == ["refs"]
                                    for c in duties))

    # --jobs: the same catalogues and the same report as one job; a progress bar only on a terminal
    one, two = tmp / "jobs1", tmp / "jobs2"
    one.mkdir()
    two.mkdir()
    r1 = run("parse", str(CORPUS), "-o", str(one))
    r2 = run("parse", str(CORPUS), "-o", str(two), "--jobs", "2")
    same_files = sorted(p.relative_to(one) for p in one.rglob("*")) == sorted(p.relative_to(two) for p in two.rglob("*"))
    written = sorted(one.rglob("*.json"))
    same_bytes = same_files and all((one / p.relative_to(one)).read_bytes() == (two / p.relative_to(one)).read_bytes()
                                    for p in written)
    check("--jobs 2 writes the same catalogues as one job",
          r1.returncode == r2.returncode and same_bytes and len(written) == len(docs), f"{len(written)} {len(docs)}")
    check("--jobs 2 prints the same, in input order",
          r2.stdout.decode().replace(str(two), str(one)) == r1.stdout.decode() and r2.stderr == r1.stderr)
    check("no progress bar when stderr is not a terminal", b"\r[" not in r2.stderr)
    import pty
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(QSPEC, [QSPEC, "parse", str(CORPUS), "-o", str(two), "--jobs", "2"])
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.waitpid(pid, 0)
    check("a progress bar on a terminal", b"\r[" in seen and b" files, " in seen)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""The SQLite catalogue: `qspec catalogue DIR --format sqlite -o DB` on a folder
of corpus documents, run again unchanged, then again after one document is
replaced by its revision. Runs the three queries of the README (its ```sql
blocks, taken from the README itself so that the README shows what is tested)
and checks their rows, the tables against the JSON catalogues, and the
summary each run prints.

Usage: store_test.py QSPEC_BINARY CORPUS_DIR README
"""
import json
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile

QSPEC, CORPUS, README = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}:\n  got  {got!r}\n  want {want!r}")


def readme_queries():
    """The ```sql blocks of the README, by the name on their first line ("-- NAME: …")."""
    queries, block = {}, None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.strip() == "```sql":
            block = []
        elif block is not None and line.strip() == "```":
            name = block[0].removeprefix("--").split(":")[0].strip()
            queries[name] = "\n".join(block)
            block = None
        elif block is not None:
            block.append(line)
    return queries


def run(*args, status=0):
    r = subprocess.run([QSPEC, *args], capture_output=True, text=True)
    if r.returncode != status:
        sys.exit(f"qspec {' '.join(args)}: exit {r.returncode}, wanted {status}\n{r.stderr[-2000:]}")
    return r


queries = readme_queries()
check("the README's queries", sorted(queries), ["changes", "credits", "safeguarding"])

documents = ["criteria-skills-for-care-level5-lmac-2021.txt", "unit-spec-F36J04-LMC-B2.txt",
             "external/svq-GJ1924-site-management-structure.csv"]
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    library = tmp / "library"
    library.mkdir()
    for d in documents:
        shutil.copy(CORPUS / d, library / pathlib.Path(d).name)
    db = tmp / "standards.db"

    # usage: a database needs -o; a file that is not a qspec catalogue is refused untouched
    r = run("catalogue", str(library), "--format", "sqlite", status=2)
    check("sqlite without -o", "name it with -o" in r.stderr, True)
    other = tmp / "other.db"
    other.write_text("not a database, but text\n")
    r = run("catalogue", str(library), "--format", "sqlite", "-o", str(other), status=3)
    check("a text file as the database", ("not an SQLite database" in r.stderr, other.read_text()),
          (True, "not a database, but text\n"))

    r = run("catalogue", str(library), "--format", "sqlite", "-o", str(db))
    check("first run", r.stdout, f"{db}: run 1: 3 documents parsed (3 new), 0 reused unchanged, 0 failed; "
                                 "0 changes in the documents parsed again\n")
    con = sqlite3.connect(db)
    check("documents", con.execute("SELECT path, kind, format FROM documents ORDER BY path").fetchall(), [
        (str(library / "criteria-skills-for-care-level5-lmac-2021.txt"), "criteria_framework", "text"),
        (str(library / "svq-GJ1924-site-management-structure.csv"), "qualification_structure", "text"),
        (str(library / "unit-spec-F36J04-LMC-B2.txt"), "unit_specification", "text")])

    # every node of each JSON catalogue is a row, each diagnostic a diagnostics row, in the same order
    for d in documents:
        path = str(library / pathlib.Path(d).name)
        catalogue = json.loads(subprocess.run([QSPEC, "parse", path, "-f", "json"], capture_output=True,
                                              text=True).stdout)
        nodes, diagnostics = [], []

        def walk(n):
            if n["kind"] == "diagnostic":
                diagnostics.append((n["code"], n["severity"], n["message"]))
            else:
                nodes.append((n["id"], n["kind"]))
            for c in n.get("children", []):
                walk(c)
        walk(catalogue)
        doc = con.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()[0]
        check(f"nodes of {d}", con.execute("SELECT id, kind FROM nodes WHERE document = ? ORDER BY node",
                                          (doc,)).fetchall(), nodes)
        check(f"diagnostics of {d}", con.execute("SELECT code, severity, message FROM diagnostics "
                                                "WHERE document = ? ORDER BY rowid", (doc,)).fetchall(), diagnostics)
    # the unit specification's unit, its fields and its place
    check("the unit", con.execute("SELECT kind, code, text, parent, position, line, end_line FROM nodes "
                                  "WHERE id = 'LMC-B2'").fetchall(),
          [("unit", "F36J 04", "Lead and manage provision of care services that promotes the well being of people",
            con.execute("SELECT node FROM nodes WHERE id = 'document/LMC-B2'").fetchone()[0], 1, 3, 232)])
    check("a criterion's fields", con.execute(
        "SELECT f.name, f.value FROM fields f JOIN nodes n ON n.node = f.node WHERE n.id = 'LMC-B2/B2.1/pc-2' "
        "ORDER BY f.position").fetchall(),
        [("number", 2),
         ("text", "You support workers to manage and access resources that meet the outcomes people wish to achieve.")])
    check("an evidence method's fields", con.execute(
        "SELECT f.name, f.value FROM fields f JOIN nodes n ON n.node = f.node WHERE n.id = 'LMC-B2/B2.1/method/DO' "
        "ORDER BY f.position").fetchall(),
        [("code", "DO"), ("name", "Direct Observation"), ("legend_span", "191:1-191:23")])

    check("safeguarding", con.execute(queries["safeguarding"]).fetchall(), [
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/A/1",
         "current legislative framework and national guidance that underpins the safeguarding of adults"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/A/2",
         "local systems, procedures and agencies relating to adult safeguarding and own role within these"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/A/3",
         "how national and local guidelines, policies and procedures for safeguarding affect:"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/A/7",
         "how and when to engage others in relation to responding to safeguarding concerns"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/A/9",
         "local systems, procedures and agencies relating to children's safeguarding and own role within these."),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/B/2",
         "embed safeguarding principles throughout all practices, policies and procedures"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/B/3",
         "support team members to develop the knowledge and skills they need to safeguard adults at risk"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/B/4",
         "ensure team members understand their role in responding to concerns about the safeguarding of a child "
         "or young person"),
        ("LMAC5C/SG", "Safeguarding", "LMAC5C/SG/B/5",
         "plan and implement the review and revision of person-centred practices, policies and procedures to "
         "ensure continuous improvement in safeguarding of adults at risk of abuse or neglect"),
        ("LMAC5C/CC", "Comments and complaints", "LMAC5C/CC/A/1",
         "the relationship between the management of comments and complaints, risk management and safeguarding"),
    ])
    check("credits", con.execute(queries["credits"]).fetchall(), [
        (15, 3, "F3H504 F3H604 F3HE04"),
        (12, 4, "F3GY04 F3HF04 F3HG04 F3HH04"),
        (11, 4, "F3H204 F3H304 F3H704 F3HJ04"),
        (10, 4, "F3GW04 F3H404 F3HA04 H6AW04"),
        (9, 3, "F3GS04 F3H904 H6AY04"),
        (8, 5, "F3GT04 F3H004 F3HB04 F3HD04 H6AX04"),
        (7, 2, "F3H804 H6AV04"),
    ])
    check("changes after the first run", con.execute(queries["changes"]).fetchall(), [
        (str(library / pathlib.Path(d).name), "added", "document", None, i, str(library / pathlib.Path(d).name))
        for d, i in sorted(zip(documents, ["document/framework/level-5-diploma-in-leading-and-managing-an-adult-care-service",
                                           "document/LMC-B2", "document/qualification/GJ1924"]),
                           key=lambda p: pathlib.Path(p[0]).name)])
    nodes_before = con.execute("SELECT count(*) FROM nodes").fetchone()[0]
    con.close()

    # nothing changed: nothing parsed, no changes, the same rows
    r = run("catalogue", str(library), "--format", "sqlite", "-o", str(db))
    check("second run", r.stdout, f"{db}: run 2: 0 documents parsed (0 new), 3 reused unchanged, 0 failed; "
                                  "0 changes in the documents parsed again\n")
    con = sqlite3.connect(db)
    check("changes after an unchanged run", con.execute(queries["changes"]).fetchall(), [])
    check("nodes after an unchanged run", con.execute("SELECT count(*) FROM nodes").fetchone()[0], nodes_before)
    con.close()

    # the unit specification replaced by its revision: only it is parsed again, and the
    # changes are those `qspec diff` finds between the two
    spec = library / "unit-spec-F36J04-LMC-B2.txt"
    shutil.copy(CORPUS / "revisions" / "unit-spec-F36J04-LMC-B2-rev2.txt", spec)
    r = run("catalogue", str(library), "--format", "sqlite", "-o", str(db))
    check("third run", r.stdout, f"{db}: run 3: 1 documents parsed (0 new), 2 reused unchanged, 0 failed; "
                                 "9 changes in the documents parsed again (2 added, 1 modified, 1 moved, 1 removed, "
                                 "4 renumbered)\n")
    con = sqlite3.connect(db)
    s = str(spec)
    check("changes after the revision", con.execute(queries["changes"]).fetchall(), [
        (s, "moved", "knowledge_point", "LMC-B2/knowledge/values/kp-5", "LMC-B2/knowledge/legislation-and-policy/kp-5",
         "from LMC-B2/knowledge/values to LMC-B2/knowledge/legislation-and-policy"),
        (s, "added", "performance_criterion", None, "LMC-B2/B2.1/pc-3",
         "You make sure that each person’s wishes about their outcomes are recorded in their plan and reviewed with "
         "them."),
        (s, "renumbered", "performance_criterion", "LMC-B2/B2.1/pc-3", "LMC-B2/B2.1/pc-4",
         "You review policies and audit practice to ensure each person:"),
        (s, "renumbered", "performance_criterion", "LMC-B2/B2.1/pc-4", "LMC-B2/B2.1/pc-5",
         "You work with people, workers and relevant others to monitor, evaluate and recognise achievements."),
        (s, "renumbered", "performance_criterion", "LMC-B2/B2.1/pc-5", "LMC-B2/B2.1/pc-6",
         "You ensure that workers are trained and competent to support people to:"),
        (s, "renumbered", "performance_criterion", "LMC-B2/B2.1/pc-6", "LMC-B2/B2.1/pc-7",
         "You ensure that records and reports on the agreement and achievement of outcomes for each person are "
         "accurate, up-to-date and regularly checked."),
        (s, "modified", "performance_criterion", "LMC-B2/B2.3/pc-2", "LMC-B2/B2.3/pc-2",
         "text: You implement systems, practice and procedures to promote positive outcomes for people’s health. -> "
         "You implement systems, practice and procedures that promote positive outcomes for people’s physical and "
         "mental health."),
        (s, "added", "element", None, "LMC-B2/B2.4", "Lead and manage provision that promotes people’s independence"),
        (s, "removed", "glossary_term", "LMC-B2/glossary/governance", None, "Governance"),
    ])
    # the full-text index follows the revision: the new criterion is found, the removed term is not
    check("the index after the revision", (
        con.execute("SELECT n.id FROM node_text JOIN nodes n ON n.node = node_text.rowid "
                    "WHERE node_text MATCH '\"wishes about their outcomes\"'").fetchall(),
        con.execute("SELECT count(*) FROM node_text JOIN nodes n ON n.node = node_text.rowid "
                    "WHERE node_text MATCH 'governance' AND n.kind = 'glossary_term'").fetchone()[0],
        con.execute("SELECT count(*) FROM node_text WHERE rowid NOT IN (SELECT node FROM nodes)").fetchone()[0],
        con.execute("SELECT count(*) FROM node_text").fetchone()[0] ==
        con.execute("SELECT count(*) FROM nodes WHERE text IS NOT NULL").fetchone()[0]),
        ([("LMC-B2/B2.1/pc-3",)], 0, 0, True))
    check("runs", con.execute("SELECT id, parsed, reused, failed FROM runs").fetchall(),
          [(1, 3, 0, 0), (2, 0, 3, 0), (3, 1, 2, 0)])
    con.close()

    # what besides its bytes decides a document's catalogue is stored with it: the same
    # file catalogued again with another --profile, or with --from, is parsed again
    own = tmp / "own"
    own.mkdir()
    shutil.copy(CORPUS / "layouts" / "own-layout-wd-unit.txt", own)
    profile = CORPUS / "layouts" / "own-layout-wd-unit.profile.yaml"
    same_bytes = tmp / "elsewhere.yaml"
    same_bytes.write_bytes(profile.read_bytes())
    edited = tmp / "edited.yaml"
    edited.write_bytes(profile.read_bytes() + b"\n# the same layout, one comment more\n")
    db2 = tmp / "own.db"

    def summary(*options):
        out = run("catalogue", str(own), "--format", "sqlite", "-o", str(db2), *options).stdout
        return out.removeprefix(f"{db2}: ").split(";")[0]

    def stored_kind():
        con = sqlite3.connect(db2)
        row = con.execute("SELECT kind, settings FROM documents").fetchall()
        con.close()
        return row[0][0], len(row[0][1])
    check("own layout, built-in profiles", (summary(), stored_kind()),
          ("run 1: 1 documents parsed (1 new), 0 reused unchanged, 0 failed", ("regulated_unit", 16)))
    check("another --profile: parsed again", (summary("--profile", str(profile)), stored_kind()),
          ("run 2: 1 documents parsed (0 new), 0 reused unchanged, 0 failed", ("awarding_body_unit", 16)))
    check("the same --profile: reused", summary("--profile", str(profile)),
          "run 3: 0 documents parsed (0 new), 1 reused unchanged, 0 failed")
    check("the same profile bytes from another file: reused", summary("--profile", str(same_bytes)),
          "run 4: 0 documents parsed (0 new), 1 reused unchanged, 0 failed")
    check("the profile edited: parsed again", summary("--profile", str(edited)),
          "run 5: 1 documents parsed (0 new), 0 reused unchanged, 0 failed")
    check("--from text: parsed again", summary("--profile", str(edited), "--from", "text"),
          "run 6: 1 documents parsed (0 new), 0 reused unchanged, 0 failed")
    check("--from text again: reused", summary("--profile", str(edited), "--from", "text"),
          "run 7: 0 documents parsed (0 new), 1 reused unchanged, 0 failed")
    check("no profile again: parsed again", (summary(), stored_kind()),
          ("run 8: 1 documents parsed (0 new), 0 reused unchanged, 0 failed", ("regulated_unit", 16)))
    # a store of schema 1 kept no settings: it gains the column and parses each document again once
    con = sqlite3.connect(db2)
    con.execute("ALTER TABLE documents DROP COLUMN settings")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    check("a schema 1 store: parsed again once", (summary(), summary()),
          ("run 9: 1 documents parsed (0 new), 0 reused unchanged, 0 failed",
           "run 10: 0 documents parsed (0 new), 1 reused unchanged, 0 failed"))
    con = sqlite3.connect(db2)
    check("a schema 1 store becomes schema 2", con.execute("PRAGMA user_version").fetchone()[0], 2)
    con.close()

if failures:
    sys.exit("\n".join(failures))
print("sqlite catalogue ok: 3 runs, the README's 3 queries; 10 runs under changing settings")

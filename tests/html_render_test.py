#!/usr/bin/env python3
"""Renders the HTML diff report of the 002 revision in headless Chromium and
checks that the rendered page holds the expected changes.

Usage: html_render_test.py QSPEC_BINARY CORPUS_DIR CHROMIUM
"""
import pathlib
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

QSPEC, CORPUS, CHROMIUM = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]


class Text(HTMLParser):
    """The visible text of the rendered DOM, and the class of every change box."""

    def __init__(self):
        super().__init__()
        self.parts, self.changes, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self.skip += 1
        cls = dict(attrs).get("class", "")
        if cls.startswith("change "):
            self.changes.append(cls.split()[1])

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


with tempfile.TemporaryDirectory() as tmp:
    page = pathlib.Path(tmp) / "diff.html"
    r = subprocess.run([QSPEC, "diff", str(CORPUS / "unit-spec-F36J04-LMC-B2.txt"),
                        str(CORPUS / "revisions" / "unit-spec-F36J04-LMC-B2-rev2.txt"), "-f", "html", "-o", str(page)],
                       capture_output=True, text=True)
    if r.returncode != 1:
        sys.exit(f"qspec diff should exit 1 (differences): {r.returncode} {r.stderr}")
    html = page.read_text(encoding="utf-8")
    if "http://" in html or "https://" in html or "<script" in html or "<link" in html:
        sys.exit("the report is not self-contained")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + tmp,
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    if dom.returncode != 0 or "<body" not in dom.stdout:
        sys.exit(f"chromium did not render the page: {dom.returncode}\n{dom.stderr[-2000:]}")
    text = Text()
    text.feed(dom.stdout)
    visible = " ".join(" ".join(text.parts).split())
    expected = [
        "9 changes: 2 added, 1 removed, 1 modified, 1 moved, 4 renumbered",
        "performance_criterion LMC-B2/B2.1/pc-3",
        "old: LMC-B2/B2.1/pc-3 (186:1-186:514), number 3",
        "new: LMC-B2/B2.1/pc-4 (187:1-187:514), number 4",
        "from LMC-B2/knowledge/values to LMC-B2/knowledge/legislation-and-policy",
        "glossary_term LMC-B2/glossary/governance",
        "element LMC-B2/B2.4",
        "physical and mental",
    ]
    missing = [e for e in expected if e not in visible]
    ops = sorted(text.changes)
    want = sorted(["op-added"] * 2 + ["op-removed", "op-modified", "op-moved"] + ["op-renumbered"] * 4)
    if missing or ops != want:
        print("rendered text:", visible[:3000])
        sys.exit(f"missing {missing}; change boxes {ops}")
    print("rendered diff ok:", len(text.changes), "changes")

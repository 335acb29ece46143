#!/usr/bin/env python3
"""Hostile inputs: each gets a clear error or valid output, never a crash, a
hang or lost text. The small ones live in corpus/hostile/; the large ones (a
50 MB single line, 20 MB of repeated page headers, 100,000 nested sub-item
markers) are generated here, in a temporary folder.

Usage: hostile_test.py QSPEC_BINARY CORPUS_DIR SCHEMA_DIR
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import jsonschema
import yaml

QSPEC, CORPUS, SCHEMAS = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
HOSTILE = CORPUS / "hostile"
validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "qspec-catalogue.schema.json").read_text()))
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}"[:3000])


def parse(path, fmt="json", timeout=300):
    """Runs qspec parse; returns (exit code, output text or None, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / f"out.{fmt}"
        try:
            r = subprocess.run([QSPEC, "parse", str(path), "-f", fmt, "-o", str(out)], capture_output=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return "hang", None, b""
        text = out.read_text(encoding="utf-8") if out.exists() else None
        return r.returncode, text, r.stderr


def texts(node, out=None):
    """Every text value of a catalogue, in order."""
    out = [] if out is None else out
    for k, v in node.items():
        if k in ("text", "heading", "title") and isinstance(v, str):
            out.append(v)
    for c in node.get("children", []):
        if c["kind"] != "diagnostic":
            texts(c, out)
    return out


def valid(name, code, text):
    """Exit 0 or 1, a catalogue that validates, and every line accounted for."""
    if code not in (0, 1) or text is None:
        check(f"{name}: parses", False, f"exit {code}")
        return None
    doc = json.loads(text)
    errors = list(validator.iter_errors(doc))
    check(f"{name}: catalogue validates", not errors, errors[0].message if errors else "")
    check(f"{name}: every line accounted for",
          doc["lines"] == doc["blank_lines"] + doc["content_lines"] + doc["furniture_lines"] + doc["unclassified_lines"])
    return doc


# --- refused, with a reason --------------------------------------------------------------
# not-text.docx: a package whose word/document.xml is an empty w:document, with no body to read
for name, words in (("nul-bytes.bin", b"NUL byte"), ("not-text.pdf", b"PDF"), ("not-text.docx", b"no document body")):
    code, text, err = parse(HOSTILE / name)
    check(f"{name}: refused with exit 3 and a reason", code == 3 and words in err and text is None, err.decode())

# --- valid output ------------------------------------------------------------------------
for name, lines, message in (("empty.txt", 0, "the file is empty: there is nothing to parse"),
                              ("whitespace-only.txt", 4, "the file holds only blank lines (4): there is nothing to parse")):
    code, text, err = parse(HOSTILE / name)
    doc = valid(name, code, text)
    check(f"{name}: no content, {lines} lines, and a diagnostic that says so",
          doc is not None and doc["lines"] == lines and doc["blank_lines"] == lines and doc["content_lines"] == 0
          and doc["unclassified_lines"] == 0
          and err.decode() == f"{HOSTILE / name}: warning: [Q-W121] {message}\n", err.decode())

code, text, err = parse(HOSTILE / "invalid-utf8.txt")
doc = valid("invalid-utf8.txt", code, text)
check("invalid UTF-8 is read as Windows-1252, with a note", doc is not None and
      any("Caf\u00e9 au lait \u20ac costs \u00a35" in t for t in texts(doc)) and
      any(c.get("code") == "Q-N001" for c in doc["children"]), str(texts(doc) if doc else ""))

expected = ["Unit heading", "Care \u201cwith\u201d people\u2019s rights \u2013 always.", "Second line"]
for name in ("utf16le-bom.txt", "utf16be-bom.txt", "windows-1252-smart-quotes.txt"):
    code, text, _ = parse(HOSTILE / name)
    doc = valid(name, code, text)
    check(f"{name}: decoded exactly", doc is not None and texts(doc) == expected, str(texts(doc) if doc else ""))

reference = json.loads(parse(HOSTILE / "lf-line-endings.txt")[1])
for name in ("crlf-line-endings.txt", "lone-cr-line-endings.txt"):
    code, text, _ = parse(HOSTILE / name)
    doc = valid(name, code, text)
    same = doc is not None and texts(doc) == texts(reference) and doc["lines"] == reference["lines"]
    check(f"{name}: the same content and lines as with LF endings", same)

code, text, _ = parse(HOSTILE / "numbering-backwards-and-repeated.txt")
doc = valid("numbering-backwards-and-repeated.txt", code, text)
if doc:
    codes = [c.get("code") for c in doc["children"] if c["kind"] == "diagnostic"]
    numbers = []

    def criteria(n):
        if n["kind"] == "performance_criterion" and n["id"].startswith("LMC-B2/B2.1/"):
            numbers.append(n["number"])
        for c in n.get("children", []):
            criteria(c)
    criteria(doc)
    check("numbering that goes backwards or repeats is reported and kept as printed",
          codes.count("Q-W205") == 3 and numbers == [1, 2, 5, 2, 5, 6], f"{codes.count('Q-W205')} {numbers}")

for name in ("lone-surrogate-utf8.txt", "lone-surrogate-utf16le.txt", "xml-hostile.txt"):
    for fmt in ("json", "xml"):
        code, text, err = parse(HOSTILE / name, fmt)
        if fmt == "json":
            valid(name, code, text)
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".xml", encoding="utf-8") as f:
            f.write(text or "")
            f.flush()
            r = subprocess.run(["xmllint", "--noout", "--schema", str(SCHEMAS / "qspec-catalogue.xsd"), f.name],
                               capture_output=True)
        check(f"{name}: XML output is well-formed and valid", code in (0, 1) and r.returncode == 0, r.stderr.decode())

code, text, _ = parse(HOSTILE / "xml-hostile.txt")
check("markup-like text is kept as text", "A closing ]]> and an opening <!-- comment --> and bold & ampersand."
      in texts(json.loads(text)), str(texts(json.loads(text))))

hostile = ["yes", "no", "null", "~", "a: b", "#", "*starred", "&anchor", "!tag", "%directive", "@at", "true", "0x1F",
           "1e3", "'quoted'", "\"double\"", "{flow}", "[list]", "? key", "| block", "> folded", "---", "..."]
code, text, _ = parse(HOSTILE / "yaml-hostile.txt", "yaml")
as_yaml = yaml.safe_load(text)
got = texts(as_yaml)
check("YAML-hostile strings come back as the same strings", all(h in got for h in hostile) and "x" in got and
      all(isinstance(t, str) for t in got), str(got))

# --- generated: large and deep -----------------------------------------------------------
# (checked through --coverage and counts in the output: loading catalogues this size into Python to
# validate them would measure Python, not qspec)
def coverage(path, timeout=300):
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out.json"
        try:
            r = subprocess.run([QSPEC, "parse", str(path), "-o", str(out), "--coverage"], capture_output=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return "hang", {}, ""
        m = re.search(r"coverage of (\d+) lines: (\d+) in recognised structure, (\d+) kept only as generic "
                      r"sections, (\d+) furniture or boilerplate, (\d+) unclassified, (\d+) blank", r.stderr.decode())
        numbers = {}
        if m:
            lines, structure, sections, furniture, unclassified, blank = map(int, m.groups())
            numbers = {"content": structure + sections, "structure": structure, "sections": sections,
                       "furniture": furniture, "unclassified": unclassified, "blank": blank, "lines": lines}
        text = out.read_text(encoding="utf-8") if out.exists() else ""
        return r.returncode, numbers, text


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    big = tmp / "single-line-50mb.txt"
    word = "competence "
    big.write_text(word * (50 * 1024 * 1024 // len(word)) + "end", encoding="utf-8")
    code, c, text = coverage(big)
    check("a 50 MB single line: exit 0, one line in a node", code == 0 and c.get("content") == 1, f"{code} {c}")
    check("the 50 MB line is kept whole", texts(json.loads(text)) == [big.read_text(encoding="utf-8")] if text else False)
    del text

    headers = tmp / "repeated-page-headers-20mb.txt"
    header = "F99Z 04 (ABC D1) A page header that repeats on every page of the document\n\n"
    block = header + "Some text of the page that is different on page {n}.\n\n"
    with headers.open("w", encoding="utf-8") as f:
        n = 0
        while f.tell() < 20 * 1024 * 1024:
            f.write(block.format(n=n))
            n += 1
    code, c, text = coverage(headers)
    furniture = text.count('"kind": "furniture"')
    # the first header is the document's first line: kept as its title; every later one is furniture
    check("20 MB of repeated page headers: every later header is furniture, every page's text kept",
          code == 0 and furniture == n - 1 and c.get("content") == n + 1 and c.get("unclassified") == 0,
          f"{code} {furniture} headers of {n}, {c}")
    check("no page's text is lost", all(f"different on page {k}." in text for k in (0, n // 2, n - 1)))
    del text

    # pages of three lines each, parted by form feeds: every line at a page's edge, and the middle
    # line's number running with the pages; a "header" that is a quarter of the text is its content
    pages = tmp / "form-feed-pages-of-three-lines.txt"
    pages.write_text("".join(f"\fHeader line 2024 page\nP{i} item text here\nPage {i}\n" for i in range(1, 30001)),
                     encoding="utf-8")
    code, c, text = coverage(pages)
    # (the "Page N" lines are a page's number wherever they stand: the shared site furniture)
    check("30,000 pages of three lines: exit 0, the headers and items kept as content, the page numbers furniture",
          code == 0 and c.get("content") == 60000 and c.get("furniture") == 30000 and c.get("unclassified") == 0,
          f"{code} {c}")
    del text

    # one paragraph hard-wrapped over 300,000 lines (20 MB), no blank line: joined into one paragraph
    # in bounded time and memory (kept once, not again at each line)
    wrapped = tmp / "one-paragraph-hard-wrapped.txt"
    line = "the learner keeps records of the work and of the care given to each person and"
    wrapped.write_text("About the qualification\n\n" + "\n".join([line] * 300000) + " that ends here.\n",
                       encoding="utf-8")
    start = time.monotonic()
    code, c, text = coverage(wrapped, timeout=120)
    check("a paragraph hard-wrapped over 300,000 lines: one paragraph, every line placed",
          code in (0, 1) and c.get("unclassified") == 0 and text.count('"kind": "paragraph"') == 1 and
          "care given to each person and that ends here." in text, f"{code} {c} {time.monotonic() - start:.1f}s")
    del text

    # one text of 200,000 lines with a page's footer in its run every 50 lines (4,000 pages, no form
    # feed, no blank line), as prose and as one criterion of a NOS: each footer is furniture and the
    # text goes on over it, said at each break -- kept once and said in a bounded excerpt, not again
    # whole at each of the 4,000 breaks (that took 44 s and 7 GB as prose, 144 s and 24 GB as an item)
    measure = ("import resource, subprocess, sys\n"
               "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
               "sys.stderr.buffer.write(r.stderr)\n"
               "sys.stderr.write('\\npeak_kb=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "sys.exit(r.returncode)\n")
    for name, head in (("prose", ["Unit title", ""]),
                       ("a NOS criterion", ["Keep records", "URN: ABC123", "", "Performance criteria",
                                            "You must be able to:", "P1 keep the records"])):
        footers = tmp / "one-text-over-4000-page-footers.txt"
        rows = list(head)
        for i in range(200000):
            rows.append("the learner must describe how the process works in practice and why it")
            if i % 50 == 0:
                rows.append(f"Version 2 \u2013 March 2019                    {i // 50 + 1}")
        footers.write_text("\n".join(rows) + "\n", encoding="utf-8")
        del rows
        try:
            r = subprocess.run([sys.executable, "-c", measure, QSPEC, "parse", str(footers), "-o",
                                str(tmp / "footers.json"), "--coverage"], capture_output=True, timeout=300)
            err = r.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired:
            r, err = None, "hang"
        peak = re.search(r"peak_kb=(\d+)", err)
        check(f"{name} over 4,000 running footers set in its run: the footers furniture, in bounded memory",
              r is not None and r.returncode in (0, 1) and "4000 furniture or boilerplate, 0 unclassified" in err and
              peak and int(peak.group(1)) <= 1024 * 1024, f"{err[-300:]}")

    nested = tmp / "nested-sub-item-markers.txt"
    nested.write_text("F36J 04 (LMC B2) Title\n\nLMC B2.1 Element\n\nPerformance criteria\tDO\n1. You do: " +
                      " ".join(f"({'abcdefghijklmnopqrstuvwxyz'[i % 26]})" for i in range(100000)) + " end\n",
                      encoding="utf-8")
    code, c, text = coverage(nested, timeout=120)
    # (a) to (z) are sub-items; a label out of sequence is text of the sub-item before it, kept
    check("100,000 nested sub-item markers: no hang, every line placed, no text lost",
          code in (0, 1) and c.get("unclassified") == 0 and text.count('"kind": "sub_item"') == 26 and
          text.count("(a)") == 100000 // 26 and "(d) end" in text, f"{code} {c}")

    many = tmp / "nine-thousand-criteria-on-one-line.txt"
    many.write_text("Keep records\nURN: ABC123\n\nPerformance criteria\nYou must be able to:\n" +
                    " ".join(f"P{i} keep record number {i}." for i in range(1, 9001)) + "\n", encoding="utf-8")
    code, c, text = coverage(many, timeout=120)
    check("9,000 criteria run together on one line: no hang, each split off and kept, one diagnostic",
          code in (0, 1) and c.get("unclassified") == 0 and text.count('"kind": "performance_criterion"') == 9000
          and '"text": "keep record number 9000."' in text and text.count('"code": "Q-W219"') == 1, f"{code} {c}")
    del text

# --- XML: refused with the place, or read in bounded time and memory ----------------------
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)

    def run(args, timeout=60):
        try:
            return subprocess.run([QSPEC] + args, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    deep = tmp / "nested-100000-deep.xml"
    deep.write_text('<?xml version="1.0"?>\n' + "<d>" * 100000 + "x" + "</d>" * 100000, encoding="utf-8")
    code, text, err = parse(deep, timeout=60)
    check("XML nested 100,000 deep: refused with exit 3, the limit and the place",
          code == 3 and text is None and b"more than 2000 deep (at line 2, column 6001)" in err, err.decode()[:300])

    laughs = tmp / "billion-laughs.xml"
    dtd = "".join(f' <!ENTITY lol{i} "' + ("&lol;" if i == 1 else f"&lol{i - 1};") * 10 + '">\n' for i in range(1, 10))
    laughs.write_text('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' + dtd +
                      ']>\n<lolz><p>&lol9;</p></lolz>\n', encoding="utf-8")
    code, text, err = parse(laughs, timeout=60)
    doc = valid("billion laughs", code, text)
    # entities of the DTD are not expanded: the reference stays one short paragraph
    check("billion laughs: nothing expanded", doc is not None and texts(doc) == ["&lol9;"] and len(text) < 20000,
          str(texts(doc))[:200] if doc else "")

    bad = tmp / "malformed.xml"
    bad.write_text('<?xml version="1.0"?>\n<unit>\n  <title>x</titel>\n</unit>\n', encoding="utf-8")
    code, text, err = parse(bad)
    check("malformed XML: exit 3 with line and column",
          code == 3 and text is None and b"not well-formed at line 3, column 13: Start-end tags mismatch" in err,
          err.decode())

    catalogue = tmp / "catalogue.xml"
    r = run(["parse", str(CORPUS / "unit-spec-F36J04-LMC-B2.txt"), "-f", "xml", "-o", str(catalogue)])
    code, text, err = parse(catalogue)
    check("a qspec catalogue in XML given to parse: exit 3, named as a catalogue",
          r is not None and code == 3 and b"is a qspec catalogue, not a document" in err, err.decode())

    wide = tmp / "wide-100000-sections.xml"
    wide.write_text('<?xml version="1.0"?>\n<r>' + "".join(
        f"<s><t>Title {i}</t><x><p>para {i}</p><p>two</p></x></s>\n" for i in range(100000)) + "</r>\n",
        encoding="utf-8")
    r = run(["text", str(wide)], timeout=120)
    out = r.stdout.decode() if r else ""
    check("100,000 sibling sections: every title and paragraph kept, in bounded time",
          r is not None and r.returncode == 0 and out.count("# Title ") == 100000 and "para 99999" in out,
          f"{r.returncode if r else 'hang'}")

# --- DOCX packages: bombs, damage, a ZIP that is no Word document ----------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_HEAD = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode()
DOCUMENT_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"


def refused(path, words, timeout=60):
    """qspec text: exit 3, the words in its message, within the time, in bounded memory (peak of the child)."""
    # a small Python in between measures qspec's peak alone (RUSAGE_CHILDREN of this process holds earlier runs)
    measure = ("import resource, subprocess, sys\n"
               "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
               "sys.stdout.buffer.write(r.stdout)\n"
               "sys.stderr.buffer.write(r.stderr)\n"
               "sys.stderr.write('\\npeak_kb=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "sys.exit(r.returncode)\n")
    try:
        r = subprocess.run([sys.executable, "-c", measure, QSPEC, "text", str(path)], capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "hang"
    err = r.stderr.decode(errors="replace")
    peak = re.search(r"peak_kb=(\d+)", err)
    peak_kb = int(peak.group(1)) if peak else -1
    ok = r.returncode == 3 and not r.stdout and any(w in err for w in words) and 0 <= peak_kb <= 256 * 1024
    return ok, f"exit {r.returncode}, peak {peak_kb} KB: {err[:300]}"


def patch_sizes(data, member, size):
    """The uncompressed size `member` claims, in its local header and its central directory entry."""
    data = bytearray(data)
    name = member.encode()
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        n = int.from_bytes(data[local + 26:local + 28], "little")
        if data[local + 30:local + 30 + n] == name:
            data[local + 22:local + 26] = size.to_bytes(4, "little")
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        n = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + n] == name:
            data[central + 24:central + 28] = size.to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


with tempfile.TemporaryDirectory() as tmp:
    import zipfile
    tmp = pathlib.Path(tmp)
    # a member that expands to 520 MB (past read_limits::max_unpacked, 512 MB) from half a megabyte
    bomb = tmp / "zip-bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            f.write(DOCUMENT_HEAD)
            chunk = b"a" * (1 << 20)
            for _ in range(520):
                f.write(chunk)
            f.write(DOCUMENT_TAIL)
    ok, detail = refused(bomb, ["zip bomb"])
    check("a DOCX zip bomb (520 MB from 0.5 MB) is refused before it expands", ok, detail)

    small = tmp / "small.docx"
    with zipfile.ZipFile(small, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", DOCUMENT_HEAD + b"a" * 4096 + DOCUMENT_TAIL)
    claims = tmp / "claims-gigabytes.docx"
    claims.write_bytes(patch_sizes(small.read_bytes(), "word/document.xml", 0xFFFFFFF0))
    ok, detail = refused(claims, ["zip bomb"])
    check("a DOCX member claiming 4 GB is refused from its claim", ok, detail)

    lying = tmp / "claims-little-expands-much.docx"
    lying.write_bytes(patch_sizes(bomb.read_bytes(), "word/document.xml", 1000))
    ok, detail = refused(lying, ["zip bomb", "damaged", "not well-formed"])
    check("a DOCX member claiming 1000 bytes that expands to 520 MB is refused, in bounded memory", ok, detail)

    not_zip = tmp / "not-a-zip.docx"
    not_zip.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    ok, detail = refused(not_zip, ["cannot be opened"])
    check("a .docx that is no ZIP (ZIP magic, then noise) is refused with a reason", ok, detail)

    no_document = tmp / "no-document.docx"
    with zipfile.ZipFile(no_document, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}"/>')
    ok, detail = refused(no_document, ["neither word/document.xml"])
    check("a ZIP without word/document.xml is refused with a reason", ok, detail)

    fixture = CORPUS / "formats" / "docx" / "nos-web-p-labels.docx"
    truncated = tmp / "truncated.docx"
    truncated.write_bytes(fixture.read_bytes()[: fixture.stat().st_size // 2])
    ok, detail = refused(truncated, ["cannot be opened"])
    check("a truncated DOCX is refused with a reason", ok, detail)

    corrupt = tmp / "corrupt-xml.docx"
    with zipfile.ZipFile(corrupt, "w") as z:
        z.writestr("word/document.xml", DOCUMENT_HEAD + b"unclosed <w:r>")
    ok, detail = refused(corrupt, ["word/document.xml is not well-formed XML"])
    check("a DOCX whose document.xml is not XML is refused with a reason", ok, detail)

# --- PDF: refused with a reason, or read within bounds -----------------------------------------
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import tiny_pdf  # noqa: E402


def qspec_text(path, timeout=120):
    try:
        r = subprocess.run([QSPEC, "text", str(path)], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", "", ""
    return r.returncode, r.stdout.decode(), r.stderr.decode()


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    drawn = tmp / "drawing-only.pdf"
    drawn.write_bytes(tiny_pdf.pdf([b"0 0 1 rg 100 100 200 300 re f", b"0 0 m 500 700 l S"]))
    code, text, err = parse(drawn)
    check("a PDF with no text (drawings only): refused, exit 3, the reason named",
          code == 3 and text is None and "no text layer" in err.decode() and "2 pages" in err.decode(), err.decode())

    locked = tmp / "encrypted.pdf"
    locked.write_bytes(tiny_pdf.pdf([tiny_pdf.text_page([(700, "Secret criterion text")])], user_password=b"secret"))
    code, text, err = parse(locked)
    check("an encrypted PDF that needs a password: refused, exit 3, the reason named",
          code == 3 and text is None and b"encrypted and needs a password" in err, err.decode())

    # encrypted with an empty user password (only the owner's is set): readable, and read
    owner_only = tmp / "encrypted-owner-password-only.pdf"
    owner_only.write_bytes(tiny_pdf.pdf([tiny_pdf.text_page([(700, "Open criterion text")])], user_password=b""))
    code, out, err = qspec_text(owner_only)
    check("an encrypted PDF with an empty user password is decrypted and read",
          code == 0 and "[page 1, line 1]  Open criterion text" in out, f"{code} {out} {err}")

    pages = 5000
    many = tmp / "five-thousand-pages.pdf"
    many.write_bytes(tiny_pdf.pdf([tiny_pdf.text_page([(400, f"Criterion text on page number {k}"),
                                                        (30, f"Page {k} of {pages}")]) for k in range(1, pages + 1)]))
    t0 = time.monotonic()
    code, out, err = qspec_text(many, timeout=120)
    seconds = time.monotonic() - t0
    lines = out.splitlines()
    check(f"a PDF of {pages} pages: every page read, its footer left out, in bounded time ({seconds:.1f} s)",
          code == 0 and len(lines) == pages and lines[-1].endswith(f"[page {pages}, line 1]  Criterion text on page "
                                                                   f"number {pages}")
          and "Page 1 of" not in out and seconds < 60, f"{code} {len(lines)} lines {err[:300]}")
    code, c, _ = coverage(many)
    check(f"a PDF of {pages} pages parses: every line placed", code in (0, 1) and c.get("lines") == pages
          and c.get("unclassified") == 0, f"{code} {c}")

    # a mutation fuzz_pdf found: text set in a font poppler cannot load (asking poppler for fonts crashed it)
    code, out, err = qspec_text(HOSTILE / "pdf-text-in-font-that-fails-to-load.pdf")
    check("a PDF whose text is in a font that fails to load is read, no crash",
          code == 0 and "[page 1, line 2]  Prepare and maintain a clinical treatment area" in out, f"{code} {err}")

    whole = (CORPUS / "formats" / "pdf" / "nos-web-p-labels.pdf").read_bytes()
    for keep in (16, 1000, len(whole) // 2, len(whole) - 100):
        cut = tmp / f"truncated-{keep}.pdf"
        cut.write_bytes(whole[:keep])
        code, text, err = parse(cut)
        # poppler rebuilds what it can: a clear refusal, or a catalogue of what was read
        ok = (code == 3 and text is None and b"PDF" in err) or (code in (0, 1) and valid(cut.name, code, text))
        check(f"a PDF cut after {keep} of {len(whole)} bytes: refused with a reason or read", ok,
              f"{code} {err.decode()[:300]}")

    # HTML pages: nesting a hundred thousand deep (gumbo, the parser, is quadratic in the nesting and
    # frees its tree recursively: the reader stops at read_limits::max_depth and says so), a huge
    # attribute, and everything left unclosed
    pages = {
        "deep-div.html": "<!doctype html><p>Before the nesting</p>\n" + "<div>" * 100000 + "x" + "</div>" * 100000,
        "deep-table.html": "<!doctype html><p>Before the nesting</p>\n" + "<table><tr><td>" * 100000 + "x",
        "deep-list.html": "<!doctype html><p>Before the nesting</p>\n" + "<ul><li>" * 100000 + "x",
        "deep-bold.html": "<!doctype html><p>Before the nesting</p>\n" + "<b>" * 100000 + "x",
    }
    for name, page in pages.items():
        path = tmp / name
        path.write_text(page, encoding="utf-8")
        with tempfile.TemporaryDirectory() as out_dir:
            out = pathlib.Path(out_dir) / "out.json"
            try:
                r = subprocess.run([QSPEC, "parse", str(path), "-o", str(out)], capture_output=True, timeout=60)
            except subprocess.TimeoutExpired:
                check(f"{name}: no hang", False)
                continue
            doc = valid(name, r.returncode, out.read_text(encoding="utf-8") if out.exists() else None)
            check(f"{name}: nested 100,000 deep, read up to the limit, with a warning",
                  doc is not None and texts(doc) == ["Before the nesting"] and
                  b"[Q-W132] the page's elements nest deeper than 2000 levels at line 2 of the file" in r.stderr,
                  r.stderr.decode()[:500])

    huge = tmp / "huge-attribute.html"
    huge.write_text('<!doctype html><p title="' + "a" * (30 * 1024 * 1024) + '">After a huge attribute</p>',
                    encoding="utf-8")
    code, text, err = parse(huge, timeout=60)
    doc = valid("a 30 MB attribute", code, text)
    check("a 30 MB attribute: the text after it is read", doc is not None and texts(doc) == ["After a huge attribute"],
          err.decode()[:300])

    unclosed = tmp / "unclosed-everything.html"
    # (the parser closes these as a browser does: the page stays 26 levels deep, and is read whole;
    # with a <dd> after each <span> it would nest 120,000 deep, and be cut)
    unclosed.write_text("<!doctype html>" + "".join(f"<b><i><u><font><a href=x><p>item {i}<li><td><span>"
                                                    for i in range(20000)), encoding="utf-8")
    code, text, err = parse(unclosed, timeout=120)
    doc = valid("unclosed everything", code, text)
    check("unclosed everything: every item read, no nesting cut", doc is not None and b"Q-W132" not in err and
          all(f"item {i}" in " ".join(texts(doc)) for i in (0, 9999, 19999)), err.decode()[:300])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""Throughput of the DOCX reader: a Word document of about SIZE MB of WordprocessingML is made by repeating
the body of corpus/formats/docx/ifate-ST0116-software-developer-ksbs.docx (ordered lists with Word numbering,
headings, bold runs) and of corpus/formats/docx/rqf-…-assessment-plan.docx (a table), then read with
`qspec text` (unzip, XML, block stream) and `qspec parse`, best of three; `pandoc -f docx -t plain` on the same
file for comparison when pandoc is there. MB/s count the unpacked word/document.xml. Numbers are for the
record, never assertions.

Usage: python3 bench/bench_docx.py [SIZES_MB...]   (default: 10 50; needs a Release build in ./build)
"""
import pathlib
import re
import shutil
import subprocess
import sys
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
QSPEC = ROOT / "build" / "qspec"
WORK = ROOT / "build-bench"
SOURCES = [ROOT / "corpus/formats/docx/ifate-ST0116-software-developer-ksbs.docx",
           ROOT / "corpus/formats/docx/rqf-M6502307-equality-diversity-inclusion-assessment-plan.docx"]


def make(size_mb, target):
    base = zipfile.ZipFile(SOURCES[0])
    document = base.read("word/document.xml").decode()
    head, body, tail = re.match(r"(?s)(.*?<w:body>)(.*)(<w:sectPr.*)", document).groups()
    other = zipfile.ZipFile(SOURCES[1]).read("word/document.xml").decode()
    table = re.search(r"(?s)<w:tbl>.*?</w:tbl>", other).group(0)
    piece = body + table
    copies = max(1, int(size_mb * 1e6 / len(piece.encode())))
    xml = (head + piece * copies + tail).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else base.read(info.filename))
    return len(xml)


def best(cmd, n=3):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if r.returncode not in (0, 1):
            return None
    return min(times)


def main():
    sizes = [float(s) for s in sys.argv[1:]] or [10, 50]
    WORK.mkdir(exist_ok=True)
    print("| document.xml | file | `qspec text` | `qspec parse` | `pandoc -f docx -t plain` |")
    print("|---|---|---|---|---|")
    for size in sizes:
        target = WORK / f"bench-{size:g}mb.docx"
        unpacked = make(size, target)
        mb = unpacked / 1e6
        text = best([str(QSPEC), "text", str(target)])
        parse = best([str(QSPEC), "parse", str(target), "-o", str(WORK / "bench-docx.json")])
        pandoc = best(["pandoc", "-f", "docx", "-t", "plain", "-o", "/dev/null", str(target)], 1) \
            if shutil.which("pandoc") else None
        cell = lambda t: f"{t:.2f} s ({mb / t:.1f} MB/s)" if t else "—"
        print(f"| {mb:.1f} MB | {target.stat().st_size / 1e6:.1f} MB | {cell(text)} | {cell(parse)} | {cell(pandoc)} |")


if __name__ == "__main__":
    main()

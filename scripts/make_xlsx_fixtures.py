#!/usr/bin/env python3
"""Makes the XLSX versions of the SVQ structure grids (corpus/external/svq-*.csv) in corpus/formats/xlsx/:
one workbook per CSV, its one sheet holding the CSV's records cell for cell, written with zipfile (no
spreadsheet library). Each NAME.xlsx is checked against the facts of NAME.csv (tests/facts_check.py).

Cells are written as a spreadsheet program stores them: a plain decimal number as a number (`<v>6</v>`), other
text as a shared string, and the text cells of every third row as inline strings, so that both ways of storing
text are read; a line break inside a cell is stored as a line feed. Empty cells are not written.

    python3 scripts/make_xlsx_fixtures.py             # rewrites corpus/formats/xlsx/*.xlsx
    python3 scripts/make_xlsx_fixtures.py --out DIR   # writes them to DIR instead (tests/generated_files_test.py)
"""
import csv
import pathlib
import sys
import re
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
# a fixed time for every member: the same CSV always makes the same bytes
STAMP = (2024, 1, 1, 0, 0, 0)


def column_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(ord("A") + r) + name
    return name


def text_xml(s):
    space = ' xml:space="preserve"' if s != s.strip() or "\n" in s else ""
    return f"<t{space}>{escape(s)}</t>"


def workbook(records, sheet_name):
    shared, index = [], {}
    rows = []
    for r, record in enumerate(records, start=1):
        cells = []
        for c, value in enumerate(record):
            if value == "":
                continue
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            ref = f"{column_name(c)}{r}"
            if NUMBER.fullmatch(value):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif r % 3 == 0:
                cells.append(f'<c r="{ref}" t="inlineStr"><is>{text_xml(value)}</is></c>')
            else:
                if value not in index:
                    index[value] = len(shared)
                    shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        if cells:
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(shared)}" '
           f'uniqueCount="{len(shared)}">' + "".join(f"<si>{text_xml(s)}</si>" for s in shared) + "</sst>")
    book = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
                 f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                 f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    return {"[Content_Types].xml": ct, "_rels/.rels": rels, "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": book_rels, "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}


def main():
    out = ROOT / "corpus" / "formats" / "xlsx"
    if "--out" in sys.argv:
        out = pathlib.Path(sys.argv[sys.argv.index("--out") + 1])
    out.mkdir(parents=True, exist_ok=True)
    for src in sorted((ROOT / "corpus" / "external").glob("svq-*.csv")):
        with open(src, newline="", encoding="utf-8-sig") as f:
            records = list(csv.reader(f))
        target = out / (src.stem + ".xlsx")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in workbook(records, "Structure").items():
                info = zipfile.ZipInfo(name, STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, content.encode("utf-8"))
        print(target)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The PDF reader's layout rules on pages laid out here, line by line (tests/tiny_pdf.py): each page
isolates one thing a print may do (lines set closer than their font's height, a heading in the
body's size), so that a rule the printed corpus no longer needs still has a test that fails when
the rule does.

Usage: pdf_layout_test.py QSPEC_BINARY
"""
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import tiny_pdf  # noqa: E402
from checks import Checks  # noqa: E402

QSPEC = sys.argv[1]
check = Checks()


def stream(tmp, name, lines, links=None, drawing=b""):
    """The block stream qspec reads from a PDF of `lines` (one page's, or a list of pages' lines), with `links`
    (tiny_pdf.pdf's) and `drawing` (content stream operators drawn on each page before its text): its lines'
    texts, blank ones kept."""
    pages = lines if lines and isinstance(lines[0], list) else [lines]
    path = tmp / f"{name}.pdf"
    path.write_bytes(tiny_pdf.pdf([drawing + tiny_pdf.text_page(p) for p in pages], links=links))
    r = subprocess.run([QSPEC, "text", str(path)], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        return [f"exit {r.returncode}: {r.stderr}"]
    return [re.sub(r"^\s*\d+  \[[^]]*\]  ?", "", l) for l in r.stdout.splitlines()]


def body(y, text, **o):
    return (y, text, o)


FULL = "Learners plan each session with their supervisor, agree the aims of the work and then"  # to 527 of 540
# full lines all different (a line printed three times is taken for a running header left in the text)
WHO = ["assessor", "mentor", "tutor", "manager", "trainer", "coach"]
PARAGRAPHS = [[f"Learners plan each session with their {w}, agree the aims of the work and then set",
               f"outlining the steps to be taken and the records to be kept by the {w} at each step, in",
               f"documenting what the {w} agreed."] for w in WHO]  # next words too long for the room left


def page_of(blocks, pitch, space):
    """Lines from the top of a page: each block's lines `pitch` points apart, `space` more between blocks."""
    y, out = 720, []
    for block in blocks:
        for line in block:
            out.append(line if isinstance(line, tuple) else body(y, line))
            out[-1] = (y,) + out[-1][1:]
            y -= pitch
        y -= space
    return out


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    p = PARAGRAPHS
    # a word processor's print: lines 9.5 points apart in a 12-point font, so that each line's box
    # overlaps the box above; paragraphs parted by 9 points more. The space between paragraphs is
    # still told from the space within one.
    s = stream(tmp, "tight-lines", page_of([["Context"], p[0], p[1], ["Assessment"], p[2], p[3]], 9.5, 9))
    joined = [" ".join(x) for x in p]
    check("lines set closer than their font's height: paragraphs parted by space, a heading a line apart",
          s == ["Context", "", joined[0], "", joined[1], "", "Assessment", "", joined[2], "", joined[3]], "\n".join(s))

    # a heading in the body's size set right under a paragraph, no space between them: all in bold, under
    # a line that ends a sentence, it begins anew, though that line is full to its edge
    ends = "Learners keep a log of the work they do in the setting, which the assessor signs."  # to 498
    last = [FULL, ends, body(0, "Evidence requirements", bold=True), p[5][0], p[5][2]]
    s = stream(tmp, "bold-heading-no-space", page_of([["Context"], p[0], p[1], p[2], p[3], p[4], last], 9.5, 9))
    check("a line all in bold under a sentence's end begins anew",
          f"{FULL} {ends}" in s and s[s.index(f"{FULL} {ends}") + 1] == "**Evidence requirements**", "\n".join(s))
    # (the control: the same line not in bold, under the same full line, is read as that line's wrapped
    # text -- in the body's type and weight, nothing on the page tells it from the paragraph's last words)
    last[2] = "Evidence requirements"
    s = stream(tmp, "plain-line-no-space", page_of([["Context"], p[0], p[1], p[2], p[3], p[4], last], 9.5, 9))
    check("the same line not in bold runs on from the full line above it",
          f"{FULL} {ends} Evidence requirements" in s, "\n".join(s))

    # a field's name at a line's start ("Unit reference: …"), or a list's short lead-in ("The learner can:"),
    # begins anew under a full line in a document that parts its paragraphs by space
    title = "Support the development of communication and language in the early years of a child"  # to 528
    block = [title, "Unit reference: T/650/4417", "Level: 3"]
    s = stream(tmp, "field-under-full-line", page_of([["Context"], p[0], p[1], p[2], p[3], block], 9.5, 9))
    check("a field's name under a full line begins anew", s[-3:] == block, "\n".join(s))

    # numbers alone at the pages' edges: a criterion's label at one page's foot ("3.1") and the next one's
    # at the next page's head ("3.2") are text; the pages' own numbers ("1", "2", the cover not numbered,
    # so one less than the page's index) are footers
    pages = []
    for k, (foot, head, number) in enumerate([("3.1", None, None), (None, "3.2", "1"), (None, None, "2")], start=1):
        lines = [body(770, head)] if head else []
        lines += [body(700 - 13 * i, f"Line {i} of the text on page {k}, set as a paragraph would be.") for i in range(4)]
        lines += [body(80, foot)] if foot else []
        lines += [body(40, number, x=300)] if number else []
        pages.append(lines)
    out = stream(tmp, "numbers-at-edges", pages)
    check("labels alone at the pages' edges are text, the pages' numbers are footers",
          "3.1" in out and "3.2" in out and "1" not in out and "2" not in out, "\n".join(out))

    # a web page's print: a link that ends three paragraphs or more with the same words ("Back to top") is
    # the page's furniture; the same words printed as text, not a link, stay
    lines, rects, y = [], [], 700
    for i, w in enumerate(WHO[:4]):
        lines += [body(y, f"Learners agree the plan with their {w} and keep a record of it."),
                  body(y, "Back to top", x=460)]
        if i < 3:
            rects.append((456, y - 4, 530, y + 12))
        y -= 30
    out = stream(tmp, "repeated-links", lines, links=[rects])
    check("a link repeated at the ends of lines is left out, the same words as text kept",
          [l for l in out if l] == [f"Learners agree the plan with their {w} and keep a record of it." for w in WHO[:3]] +
          ["Learners agree the plan with their manager and keep a record of it.\tBack to top"], "\n".join(out))

    # a bordered table: a vertical rule drawn between two cells parts them however near their words stand
    # (here a third of an em apart, a word space's width)
    near = [body(700, "Knowledge of the sector"), body(700, "Skills to use", x=206)]
    # the row's cells drawn as a browser draws them: a bar for each side
    grid = (b"0 0 0 rg 70 714 340 0.75 re f 70 690 340 0.75 re f "
            b"70 690 0.75 24.75 re f 204.5 690 0.75 24.75 re f 409.25 690 0.75 24.75 re f\n")
    check("near words with no rule between them are one line of text",
          [l for l in stream(tmp, "near-cells", near) if l] == ["Knowledge of the sector Skills to use"])
    check("a table's border drawn between them parts two cells",
          [l for l in stream(tmp, "ruled-cells", near, drawing=grid) if l] == ["Knowledge of the sector\tSkills to use"])
    # the same as a word processor strokes a table's grid: a rectangle round each cell
    stroked = b"0 0 0 RG 0.5 w 70 690 134.5 24 re S 204.5 690 205 24 re S\n"
    check("a stroked rectangle round each cell parts them too",
          [l for l in stream(tmp, "stroked-cells", near, drawing=stroked) if l] == ["Knowledge of the sector\tSkills to use"])

    # a browser's print of a list draws its bullets as shapes, not text: a small disc before each item is
    # read as the item's bullet, and the line under an item's text, at its hanging indent, is the item's
    # even where it begins with a capital; a disc with no text beside it (a drawing's) is nothing
    def disc(cx, cy, r=2.0, k=1.1):  # four curves round (cx, cy)
        d = r * 0.5523
        return (f"{cx + r} {cy} m {cx + r} {cy + d} {cx + d} {cy + r} {cx} {cy + r} c "
                f"{cx - d} {cy + r} {cx - r} {cy + d} {cx - r} {cy} c {cx - r} {cy - d} {cx - d} {cy - r} {cx} {cy - r} c "
                f"{cx + d} {cy - r} {cx + r} {cy - d} {cx + r} {cy} c f ").encode()
    wide = "hold or be working towards, an appropriate assessor qualification, within the"  # to the edge
    items = [body(700, "Learners will show:"), body(680, "improved organisational image", x=90),
             body(666, wide, x=90), body(652, "Achievement of the qualification is within agreed times", x=90),
             body(638, "recognition of personal competence", x=90)]
    discs = b"0 0 0 rg " + disc(82, 684) + disc(82, 670) + disc(82, 642) + disc(300, 400) + b"\n"
    s = [l for l in stream(tmp, "drawn-bullets", items, drawing=discs) if l]
    check("bullets drawn as discs are the items' bullets, a line at the hanging indent the item's",
          s == ["Learners will show:", "- improved organisational image",
                f"- {wide} Achievement of the qualification is within agreed times",
                "- recognition of personal competence"], "\n".join(s))
    # (the control: with no discs drawn, the indented lines are guessed a list whose bullets were drawn as
    # something else, each beginning anew an item, and a note says so)
    s = [l for l in stream(tmp, "undrawn-bullets", items) if l]
    check("with no discs, indented lines that each begin anew are read as items",
          s == ["Learners will show:", "- improved organisational image", f"- {wide}",
                "- Achievement of the qualification is within agreed times", "- recognition of personal competence"],
          "\n".join(s))

check.finish()

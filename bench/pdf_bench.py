#!/usr/bin/env python3
"""PDF throughput: qspec's reader (`qspec text`), and reader + parse (`qspec parse`), beside poppler's own
`pdftotext` (poppler-utils) on the same files in the same run. Best of N runs each; pages per second.

    python3 bench/pdf_bench.py QSPEC [RUNS]

Files: the PDF fixtures of corpus/formats/pdf/ (Chromium's print of pandoc's HTML), and a generated
PDF of 5,000 pages (tests/tiny_pdf.py: one line of text and a footer a page).
"""
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import tiny_pdf  # noqa: E402


def pages_of(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))


def best(cmd, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    qspec = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        big = pathlib.Path(tmp) / "generated-5000-pages.pdf"
        big.write_bytes(tiny_pdf.pdf([tiny_pdf.text_page([(400, f"Criterion text on page number {k}"),
                                                          (30, f"Page {k} of 5000")]) for k in range(1, 5001)]))
        files = [ROOT / "corpus/formats/pdf/unit-spec-F36J04-LMC-B2.pdf",
                 ROOT / "corpus/formats/pdf/ifate-ST0116-software-developer-ksbs.pdf",
                 ROOT / "corpus/formats/pdf/nos-web-p-labels--two-columns.pdf", big]
        print("| file | pages | qspec text s | pages/s | qspec parse s | pages/s | pdftotext s | pages/s | "
              "pdftotext -layout s | pages/s |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for f in files:
            n = pages_of(f)
            row = [f.name, str(n)]
            for cmd in ([qspec, "text", str(f)], [qspec, "parse", str(f), "-o", str(pathlib.Path(tmp) / "out.json")],
                        ["pdftotext", str(f), "-"], ["pdftotext", "-layout", str(f), "-"]):
                s = best(cmd, runs)
                row += [f"{s:.3f}", f"{n / s:.0f}"]
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

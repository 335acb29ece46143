#!/usr/bin/env python3
"""Throughput of qspec beside what a user would otherwise run, on the
libraries bench/gen_corpus.py builds (about 1, 10 and 100 MB). Per size and
output format: MB/s of input, peak RSS, and the time of `wc -l` (the floor:
reading the bytes) and of `pandoc -f markdown -t json` (a general document
structurer) on the same input, each as a ratio to qspec. Then 1 job against
2. Prints a markdown table; numbers are for the record, never assertions.

Usage: python3 bench/run_bench.py [SIZES_MB...]   (default: 1 10 100)
Needs: a Release build in ./build, pandoc and GNU time (/usr/bin/time).
"""
import pathlib
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
QSPEC = ROOT / "build" / "qspec"
WORK = ROOT / "build-bench"
PANDOC_TIMEOUT = 1800


def timed(cmd, timeout=None, **kw):
    """Wall seconds and peak RSS (KB) of a command, through GNU time."""
    stats = WORK / "time.txt"
    kw.setdefault("stdout", subprocess.DEVNULL)
    kw.setdefault("stderr", subprocess.DEVNULL)
    start = time.perf_counter()
    t = subprocess.run(["/usr/bin/time", "-o", str(stats), "-f", "%M", *cmd], timeout=timeout, **kw)
    wall = time.perf_counter() - start
    return wall, int(stats.read_text().strip().splitlines()[-1]), t.returncode


def best_of(n, cmd, **kw):
    runs = [timed(cmd, **kw) for _ in range(n)]
    return min(runs, key=lambda r: r[0])


def main():
    sizes = [float(s) for s in sys.argv[1:]] or [1, 10, 100]
    WORK.mkdir(exist_ok=True)
    rows, jobs_rows = [], []
    for size in sizes:
        lib = WORK / f"lib-{size:g}mb"
        if not lib.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(lib), str(size)], check=True)
        files = sorted(lib.glob("*.txt"))
        nbytes = sum(f.stat().st_size for f in files)
        mb = nbytes / 1e6
        joined = WORK / f"lib-{size:g}mb.md"
        if not joined.exists():
            with joined.open("wb") as out:
                for f in files:
                    out.write(f.read_bytes())
        repeats = 3 if size <= 10 else 1
        wc = best_of(repeats, ["wc", "-l", *map(str, files)])[0]
        try:  # at most 16 GB of address space, so that pandoc on 100 MB cannot take the machine down
            secs, rss, code = timed(["bash", "-c", 'ulimit -v 16000000; exec pandoc -f markdown -t json -o /dev/null "$0"',
                                     str(joined)], timeout=PANDOC_TIMEOUT)
            pandoc = secs if code == 0 else None
        except subprocess.TimeoutExpired:
            pandoc = None
        for fmt in ("json", "xml", "yaml"):
            out = WORK / f"out-{size:g}-{fmt}"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            secs, rss, code = best_of(repeats, [str(QSPEC), "parse", str(lib), "-o", str(out), "-f", fmt])
            rows.append((size, mb, len(files), fmt, secs, mb / secs, rss / 1024, wc / secs,
                         (pandoc / secs) if pandoc else None, pandoc))
        for jobs in (1, 2):
            out = WORK / f"out-{size:g}-jobs"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            secs = best_of(repeats, [str(QSPEC), "parse", str(lib), "-o", str(out), "--jobs", str(jobs)])[0]
            jobs_rows.append((size, jobs, secs, mb / secs))
    print("| input | files | format | qspec s | MB/s | peak RSS MB | wc -l time / qspec | pandoc time / qspec |")
    print("|---|---|---|---|---|---|---|---|")
    for size, mb, n, fmt, secs, rate, rss, wc_ratio, pandoc_ratio, pandoc in rows:
        p = f"{pandoc_ratio:.1f} ({pandoc:.1f} s)" if pandoc_ratio else f"did not finish ({PANDOC_TIMEOUT} s, 16 GB)"
        print(f"| {mb:.1f} MB | {n} | {fmt} | {secs:.2f} | {rate:.1f} | {rss:.0f} | {wc_ratio:.3f} | {p} |")
    print()
    print("| input | jobs | seconds (json) | MB/s | speed-up |")
    print("|---|---|---|---|---|")
    base = {}
    for size, jobs, secs, rate in jobs_rows:
        base.setdefault(size, secs)
        print(f"| {size:g} MB | {jobs} | {secs:.2f} | {rate:.1f} | {base[size] / secs:.2f}x |")


if __name__ == "__main__":
    main()

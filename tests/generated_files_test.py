#!/usr/bin/env python3
"""Generated files are current: the schemas, the readers' field_types.inc and
corpus/revisions/ are made again into a temporary folder by their generators
and must equal, byte for byte, what is committed.

Usage: generated_files_test.py REPOSITORY_ROOT
"""
import pathlib
import subprocess
import sys
import tempfile

top = pathlib.Path(sys.argv[1]).resolve()
# generator -> {generated name: committed file}
generated = {
    "gen_schemas.py": {
        "qspec-catalogue.schema.json": top / "schemas" / "qspec-catalogue.schema.json",
        "qspec-catalogue.xsd": top / "schemas" / "qspec-catalogue.xsd",
        "qspec-diff.schema.json": top / "schemas" / "qspec-diff.schema.json",
        "field_types.inc": top / "readers" / "src" / "field_types.inc",
    },
    "make_revisions.py": {p.name: p for p in sorted((top / "corpus" / "revisions").glob("*.txt"))},
    "make_xlsx_fixtures.py": {p.name: p for p in sorted((top / "corpus" / "formats" / "xlsx").glob("*.xlsx"))},
}

failures = []
with tempfile.TemporaryDirectory() as tmp:
    for script, files in generated.items():
        out = pathlib.Path(tmp) / script
        run = subprocess.run([sys.executable, str(top / "scripts" / script), "--out", str(out)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            failures.append(f"{script} failed: {run.stderr.strip()}")
            continue
        made = {p.name for p in out.iterdir()}
        if made != set(files):  # a file made and not committed, or committed and no longer made
            failures.append(f"{script} makes {sorted(made)}, committed are {sorted(files)}")
        for name, committed in files.items():
            fresh = out / name
            if fresh.exists() and fresh.read_bytes() != committed.read_bytes():
                failures.append(f"{committed.relative_to(top)} is not what {script} makes: run it and commit")

for f in failures:
    print("FAIL", f)
if failures:
    sys.exit(1)
print(f"generated files current: {sum(len(f) for f in generated.values())} files")

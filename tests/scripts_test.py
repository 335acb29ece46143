#!/usr/bin/env python3
"""The quick-start scripts: scripts/run.sh shows the build's progress (a first build takes about a
minute: silence looks like a hang), and the README says where the command is and how to install it.

run.sh is run in a copy of the repository's layout where setup, build and qspec are stubs, so the
test checks run.sh's own plumbing without building anything.

Usage: scripts_test.py REPOSITORY_ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(sys.argv[1])
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    (tmp / "scripts").mkdir()
    (tmp / "build").mkdir()
    (tmp / "corpus").mkdir()
    shutil.copy(ROOT / "scripts" / "run.sh", tmp / "scripts" / "run.sh")
    (tmp / "scripts" / "setup.sh").write_text("#!/usr/bin/env bash\n")
    # what ninja prints while it builds, on standard output as ninja does
    (tmp / "scripts" / "build.sh").write_text("#!/usr/bin/env bash\necho '[12/49] Building CXX object cli/main.cpp.o'\n")
    qspec = tmp / "build" / "qspec"
    qspec.write_text("#!/usr/bin/env bash\nexit 0\n")
    qspec.chmod(0o755)
    r = subprocess.run(["bash", str(tmp / "scripts" / "run.sh")], capture_output=True, cwd=tmp)
    check("run.sh succeeds with a build that succeeds", r.returncode == 0, r.stderr.decode())
    check("run.sh shows the build's progress on stderr", b"[12/49] Building CXX object" in r.stderr,
          r.stderr.decode())
    check("run.sh says where the command is", b"build/qspec" in r.stdout, r.stdout.decode())

readme = (ROOT / "README.md").read_text()
check("the README says where the qspec binary is", "The command is then `build/qspec`" in readme)
check("the README shows how to install it on PATH", "cmake --install build --prefix" in readme)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

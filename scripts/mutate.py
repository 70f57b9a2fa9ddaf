"""Mutation testing of one engine package or module with mutmut: how many small faults planted
in the code (a comparison flipped, ``and`` made ``or``, a constant changed, a string emptied,
an argument dropped) the tests that exercise it notice, and which they do not.

    .venv/bin/python scripts/mutate.py src/presskit/storage [--tests tests/storage ...]
        [--sample 150] [--seed 22] [--fresh]

(``make mutate TARGET=src/presskit/storage`` runs this.) The tests default to the folder that
mirrors the target (``tests/storage`` for ``src/presskit/storage`` or any module in it);
``--tests`` names others where a module's tests live elsewhere (``formats/bundle.py``'s are
in ``tests/storage/bundle``). With ``--sample N`` a seeded random sample of N mutants is
tested where there are more, else all of them; the sample is kept in the work folder, so
later runs count the same mutants. A mutant an earlier run killed is not tested again while
its function's code is unchanged (tests added can only kill more; mutmut forgets the results
of a function whose code changed); ``--fresh`` tests everything again, as after a test was
removed or weakened. One worker, under ``nice``, and each mutant's tests stop at the first
failure.

The work is done in ``build/mutate/<target>/``: mutmut copies the package there into
``mutants/``, weaves every mutant in behind a switch, runs the tests once to learn which
tests reach which function, then runs only those tests against each mutant. ``--fresh``
starts that folder anew (after a change to the tests' fixtures that mutmut would not see).

It prints the kill rate and each mutant that survived, as a diff. Mutants listed in
``docs/testing.md`` as equivalent (no test can observe them: see there) are left out of the
rate and printed apart. Exit status 0 whatever the rate: this measures, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: Linked into the work folder: the code, its tests, and what the tests read beside them.
LINKED = ("src", "tests", "examples", "resources", "bench", "scripts", "docs")
#: mutmut's names for a mutant's fate (``mutmut.stats.status_by_exit_code``) that mean a test
#: noticed it: a test failed, the tests hung, or the test process died.
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
#: Beside the copied tests: Hypothesis tries the same inputs on every run and never fails a
#: test for being slow (everything is slower woven with mutants, and the machine is shared),
#: so a mutant is killed by what it does, not by chance or a deadline; and no property tries
#: more than ``MAX_EXAMPLES`` inputs (``make test`` tries 50, a few tests up to 150): derandomized,
#: the first inputs are the same ones, and a mutant that only an input after the 25th would show
#: is rare, while every survivor pays for all of them. The tests run fastest first, as timed
#: by mutmut's first run (``mutmut-stats.json``), so a killed mutant stops early (mutmut's fork
#: server passes them in no order). A test is cut short (skipped) where it starts another
#: process: that process imports presskit afresh, without the mutant, so it cannot tell; and
#: those tests (kills mid-save, the command line) are the slowest, which a surviving mutant
#: would pay for in full.
MAX_EXAMPLES = 25
CONFTEST = """import json
import subprocess

import pytest
from hypothesis import HealthCheck, settings

MAX_EXAMPLES = {MAX_EXAMPLES}
settings.register_profile("mutate", deadline=None, derandomize=True, database=None,
                          max_examples=MAX_EXAMPLES, suppress_health_check=list(HealthCheck))
settings.load_profile("mutate")


@pytest.fixture(autouse=True)
def _only_this_process(monkeypatch):
    def refuse(*args, **kwargs):
        pytest.skip("starts another process, which would run presskit without the mutant")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # tests/conftest.py loads its own profile after this file, and some tests name their own
    # count: both are capped here, after every module is imported.
    for item in items:
        test = getattr(item, "obj", None)
        chosen = getattr(test, "_hypothesis_internal_use_settings", None)
        if chosen is not None:
            test._hypothesis_internal_use_settings = settings(
                chosen, max_examples=min(chosen.max_examples, MAX_EXAMPLES), deadline=None,
                derandomize=True, database=None)
    try:
        with open("mutmut-stats.json", encoding="utf-8") as stats:
            seconds = json.load(stats)["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return
    items.sort(key=lambda item: seconds.get(item.nodeid, 0.0))
""".replace("{MAX_EXAMPLES}", str(MAX_EXAMPLES))
#: What each mutant's process would otherwise import anew: the test tools and the libraries.
PRELOAD = ("pytest", "_pytest.python", "hypothesis", "hypothesis.strategies", "yaml",
           "reportlab.pdfgen.canvas", "reportlab.platypus", "PIL.Image", "pypdf", "svglib.svglib",
           "openpyxl", "python_calamine", "lxml.etree", "platformdirs", "pytestqt.plugin",
           "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtTest")
#: A mutant name in docs/testing.md's table of equivalent mutants.
EQUIVALENT_ROW = re.compile(r"^\|\s*`(presskit\.[\w.]+__mutmut_\d+)`")

#: mutmut's own first step (its ``run`` command without the test runs): copy the package into
#: mutants/ and write every mutant of the target into it, on one process.
GENERATE = """
import os
from pathlib import Path
import mutmut.__main__ as m
m.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir()
m.copy_also_copy_files()
m.setup_source_paths()
m.create_mutants(1)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="a package folder or a module under src/")
    parser.add_argument("--tests", type=Path, nargs="+",
                        help="the test folders or files to run (default: the mirror)")
    parser.add_argument("--sample", type=int, default=0, help="test a sample of N mutants")
    parser.add_argument("--seed", type=int, default=22, help="the sample's seed")
    parser.add_argument("--fresh", action="store_true", help="start the work folder anew")
    args = parser.parse_args(argv)

    target = _relative(args.target)
    tests = [_relative(t) for t in args.tests] if args.tests else [_mirror_tests(target)]
    named = " ".join(map(str, [target, *(tests if args.tests else [])]))
    work = ROOT / "build" / "mutate" / re.sub(r"[^\w.-]+", "_", named)
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    _lay_out(work, target, tests)

    print(f"mutating {target} against {' '.join(map(str, tests))} "
          f"(in {work.relative_to(ROOT)})", flush=True)
    _call([str(BIN / "python"), "-c", GENERATE], work, quiet=True)
    names = sorted(_results(work))
    if args.sample and len(names) > args.sample:
        chosen = _sample(work, names, args.sample, args.seed)
        print(f"{len(names)} mutants; testing a sample of {len(chosen)} (seed {args.seed})")
    else:
        chosen = names
        print(f"{len(names)} mutants; testing all of them")
    before = _results(work)
    # A test added can only kill more, and mutmut forgets the results of a function whose
    # code changed: so a mutant killed before stays killed, and only the others run again.
    todo = [n for n in chosen if _status(before.get(n)) not in KILLED]
    if len(todo) < len(chosen):
        print(f"{len(chosen) - len(todo)} of them killed by an earlier run of the same code "
              f"(--fresh tests them again); testing the other {len(todo)}")
    log = work / "mutmut.log"
    print(f"running mutmut with one worker (its output: {log.relative_to(ROOT)}) ...",
          flush=True)
    if todo:
        with log.open("w") as out:
            _call(["nice", "-n", "10", str(BIN / "mutmut"), "run", "--max-children", "1",
                   *todo], work, stdout=out)
    _report(work, chosen, _equivalents())
    return 0


def _sample(work: Path, names: list[str], size: int, seed: int) -> list[str]:
    """``size`` of ``names`` drawn with ``seed``, and the same ones on the next run: the draw
    is kept in the work folder, so a run after tests were added (or a bug fixed, which adds
    or renumbers a function's mutants and would shift a fresh draw entirely) counts the same
    mutants as the one before. Mutants gone since are replaced by others drawn with the seed."""
    kept = work / f"sample-{seed}-{size}.txt"
    known = set(names)
    chosen = [n for n in kept.read_text(encoding="utf-8").split()] if kept.exists() else []
    chosen = [n for n in chosen if n in known]
    if len(chosen) < size:
        rest = sorted(known - set(chosen))
        chosen += random.Random(seed).sample(rest, min(size - len(chosen), len(rest)))
    kept.write_text("\n".join(sorted(chosen)) + "\n", encoding="utf-8")
    return sorted(chosen)


def _relative(path: Path) -> Path:
    resolved = path.resolve()
    if not resolved.exists():
        sys.exit(f"mutate: {path} does not exist")
    return resolved.relative_to(ROOT)


def _mirror_tests(target: Path) -> Path:
    """``tests/storage`` for ``src/presskit/storage/atomic/temps.py``: the deepest folder of
    tests that mirrors the target's place in the package."""
    parts = target.with_suffix("").parts[2:]  # past src/presskit
    for end in range(len(parts), 0, -1):
        candidate = Path("tests", *parts[:end])
        if (ROOT / candidate).is_dir():
            return candidate
    sys.exit(f"mutate: no test folder mirrors {target}; name one with --tests")


def _lay_out(work: Path, target: Path, tests: list[Path]) -> None:
    """The work folder: links to the checkout and a pyproject.toml whose [tool.mutmut] names
    the target (mutmut reads its settings from nowhere else)."""
    work.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        link = work / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    only = str(target) if target.suffix == ".py" else f"{target}/*"
    settings = {
        "source_paths": ["src"],
        "only_mutate": [only],
        "pytest_add_cli_args_test_selection": [str(t) for t in tests],
        # No cache files in the checkout's copy; no xdist: one worker.
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "no:xdist"],
        "also_copy": ["examples", "resources", "bench", "scripts", "docs", "conftest.py"],
        "use_git_change_detection": False,
        # A mutant's process may take (its tests' timed seconds + constant) × multiplier of
        # wall time. mutmut's constant of 1 s is less than starting a process that imports
        # pytest, presskit and its tests on a shared, loaded machine (5 to 15 s): quick
        # tests then "timed out", which counts as killed. 10 s × 5 leaves room for that and
        # still stops a mutant that loops within a minute or two.
        "timeout_constant": 10.0,
        "timeout_multiplier": 5.0,
        # Each mutant's tests in a process that ran no pytest session before: a second
        # session in one process fails to find tests whose ids hold escapes (test_dumper's,
        # test_roundtrip's), which would count their mutants wrongly.
        "process_isolation": "forkserver",
        # The server imports only libraries before forking: presskit itself is imported by
        # each mutant's process, so what a module computes at import is mutated too.
        "forkserver_warmup": "import",
        "preload_modules_file": str(work / "preload.txt"),
    }
    (work / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (work / "preload.txt").write_text("\n".join(PRELOAD) + "\n", encoding="utf-8")
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = "\n[tool.mutmut]\n" + "".join(
        f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    (work / "pyproject.toml").write_text(project + section, encoding="utf-8")


def _call(command: list[str], cwd: Path, *, quiet: bool = False, stdout: object = None) -> None:
    # Compiled modules are kept, in the work folder only: without them each mutant's process
    # compiled the woven package (every mutant of it, megabytes) and the tests anew, more than
    # half of its time.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cwd / "pycache")
    done = subprocess.run(command, cwd=cwd, env=env, text=True,
                          stdout=subprocess.PIPE if quiet else stdout,
                          stderr=subprocess.STDOUT)
    if done.returncode != 0:
        if quiet:
            print(done.stdout)
        sys.exit(f"mutate: {command[1] if len(command) > 1 else command[0]} failed "
                 f"(exit {done.returncode})")


def _results(work: Path) -> dict[str, int | None]:
    """Every mutant of the target and its exit code (``None``: not tested yet)."""
    results: dict[str, int | None] = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        results.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return results


def _equivalents() -> set[str]:
    doc = ROOT / "docs" / "testing.md"
    if not doc.exists():
        return set()
    lines = doc.read_text(encoding="utf-8").splitlines()
    return {m.group(1) for line in lines if (m := EQUIVALENT_ROW.match(line))}


def _report(work: Path, chosen: list[str], equivalent: set[str]) -> None:
    results = _results(work)
    killed = [n for n in chosen if _status(results.get(n)) in KILLED]
    alive = [n for n in chosen if n not in killed]
    listed = [n for n in alive if n in equivalent]
    survivors = [n for n in alive if n not in equivalent]
    counted = len(chosen) - len(listed)
    rate = 100.0 * len(killed) / counted if counted else 100.0
    for name in survivors:
        shown = subprocess.run([str(BIN / "mutmut"), "show", name], cwd=work, text=True,
                               capture_output=True, check=False)
        print(f"\n--- survived ({_status(results.get(name))}): {name}")
        print(shown.stdout.strip())
    if listed:
        print("\nequivalent (docs/testing.md), not counted:")
        for name in listed:
            print(f"  {name}")
    print(f"\n{len(chosen)} mutants tested: {len(killed)} killed, {len(survivors)} survived, "
          f"{len(listed)} equivalent")
    print(f"kill rate: {rate:.1f} % of {counted} non-equivalent mutants")


def _status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code  # the dev tool, installed by `make mutate`

    return str(status_by_exit_code[code])


if __name__ == "__main__":
    sys.exit(main())

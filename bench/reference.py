"""``presskit export`` against a hand-written ReportLab script printing the same advisory.

The reference (``bench/advisory/``, copied from the project's shared bench-reference) is a
platypus script that prints a designed media advisory: logo, running rule, footer with page
numbers, brand colours, a tinted callout box, name and title kept with the quote, one
bookmark per expert, an embedded TTF. ``content.py`` makes the same words for N experts;
:func:`advisory_kit` puts them into the example kit (its experts and quotes replaced, one
approved quote per expert, bios hidden), so both print the same content.

Both run as whole processes in presskit's own environment (so the reference gets
``rl-accel`` too), byte-code compiled beforehand and ``PYTHONDONTWRITEBYTECODE`` unset, in
interleaved rounds; each ratio is taken within a round and the median of the rounds is
reported, in wall and in CPU time (the child's own rusage).

    python -m bench.reference [N ...] [--rounds R] [--before SRC]   # default N: 8 and 1000

``--before SRC`` times a second presskit (the ``src`` folder of an older commit) in the same
rounds, for a before/after ratio measured under the same load. That presskit finds its fonts
in the ``resources`` folder beside ``src``, so take both:
``git archive COMMIT src resources | tar -x -C /tmp/before``, then ``--before /tmp/before/src``.
"""

from __future__ import annotations

import compileall
import copy
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.kits import EXAMPLE, ROOT, write_kit

REFERENCE = ROOT / "bench" / "advisory"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
#: Budget of issue 21: presskit ÷ reference, at each size.
BUDGET = 1.15
SIZES = (8, 1000)
PY = sys.executable

Run = Callable[[list[str]], tuple[float, float, float]]


def missing() -> str | None:
    """Why the reference cannot run here, or None."""
    if not (FONT_DIR / "LiberationSans-Regular.ttf").is_file():
        return (f"the reference script needs Liberation Sans in {FONT_DIR}: install the "
                "Debian package fonts-liberation2 (sudo apt-get install fonts-liberation2)")
    return None


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "expert"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def advisory_kit(content: dict[str, object], logo: Path) -> object:
    """The example kit with ``content``'s experts, one approved quote each, in place of its
    own; bios hidden; the reference's logo."""
    from presskit.model.kit import Approval, ApprovalState, Expert, Quote
    from presskit.model.sections import BiosSection, QuotesSection
    from presskit.storage import load_kit

    kit = copy.deepcopy(load_kit(EXAMPLE).kit)
    template = kit.quotes[0]
    kit.brand.logo = logo
    kit.experts, kit.quotes = [], []
    taken: set[str] = set()
    experts = content["experts"]
    assert isinstance(experts, list)
    for index, person in enumerate(experts):
        expert_id = _slug(person["name"], taken)
        kit.experts.append(Expert(id=expert_id, name=person["name"], title=person["title"]))
        kit.quotes.append(Quote(
            id=f"quote-{index + 1:05}", expert=expert_id, text=person["quote"],
            topic=template.topic, date=template.date,
            approval=Approval(ApprovalState.APPROVED, "Press office", template.date),
        ))
    for resource in kit.resources:
        resource.expert = ""
    for section in kit.sections:
        if isinstance(section, QuotesSection):
            section.quotes = [q.id for q in kit.quotes]
        if isinstance(section, BiosSection):
            section.hidden = True
    return kit


def prepare(sizes: tuple[int, ...], folder: Path) -> dict[int, tuple[Path, Path]]:
    """For each N: (the .presskit kit, the reference's content JSON), in ``folder``."""
    logo = folder / "logo.png"
    subprocess.run([PY, str(REFERENCE / "make_logo.py"), str(logo)], check=True)
    made = {}
    for n in sizes:
        content_path = folder / f"content{n}.json"
        subprocess.run([PY, str(REFERENCE / "content.py"), str(n), str(content_path),
                        "--logo", str(logo)], check=True)
        content = json.loads(content_path.read_text(encoding="utf-8"))
        kit = advisory_kit(content, logo)
        made[n] = (write_kit(kit, folder / f"advisory{n}.presskit"), content_path)  # type: ignore[arg-type]
    return made


def compile_sources() -> None:
    """Byte-code for presskit and the reference, as an installed program has (pip compiles
    at install time)."""
    for folder in (ROOT / "src", REFERENCE):
        compileall.compile_dir(folder, quiet=1)


def commands(kit: Path, content: Path, folder: Path) -> tuple[list[str], list[str]]:
    presskit = Path(PY).with_name("presskit")
    ours = ([str(presskit)] if presskit.exists() else [PY, "-m", "presskit"])
    return ([*ours, "export", str(kit), "-o", str(folder / "presskit.pdf")],
            [PY, str(REFERENCE / "render_reportlab.py"), str(content),
             str(folder / "reference.pdf")])


def compare(kit: Path, content: Path, folder: Path, rounds: int, run: Run,
            before: Path | None = None) -> dict[str, list[float]]:
    """Interleaved rounds (the order rotates each round); per round the wall and CPU times
    of each and the ratios to the reference. ``before``: a second presskit source tree
    (``src`` of an older commit) timed in the same rounds, as ``before``."""
    ours, reference = commands(kit, content, folder)
    named = {"ours": ours, "reference": reference}
    if before is not None:
        named["before"] = ["env", f"PYTHONPATH={before}:{ROOT}", *ours]
    for command in named.values():  # warm-up: file cache, font and image cache, .pyc
        run(command)
    figures: dict[str, list[float]] = {}
    for index in range(rounds):
        names = list(named)
        names = names[index % len(names):] + names[:index % len(names)]
        times = {name: run(named[name]) for name in names}
        for name, (wall, _memory, cpu) in times.items():
            figures.setdefault(name, []).append(wall)
            figures.setdefault(f"{name}_cpu", []).append(cpu)
        for name in named:
            if name != "reference":
                suffix = "" if name == "ours" else f"_{name}"
                figures.setdefault(f"ratio{suffix}", []).append(
                    times[name][0] / times["reference"][0])
                figures.setdefault(f"ratio_cpu{suffix}", []).append(
                    times[name][2] / times["reference"][2])
    return figures


def _environment(home: Path) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPATH": str(ROOT),
            **{f"XDG_{kind}_HOME": str(home / kind.lower())
               for kind in ("CONFIG", "DATA", "STATE", "CACHE")}}


def runner(env: dict[str, str]) -> Run:
    def run(args: list[str]) -> tuple[float, float, float]:
        start = time.perf_counter()
        child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            error = child.stderr.read().decode() if child.stderr else ""
            raise SystemExit(f"{args} failed: {error}")
        return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    return run


def _line(label: str, figures: dict[str, list[float]], suffix: str) -> str:
    med = statistics.median
    wall, cpu = figures[f"ratio{suffix}"], figures[f"ratio_cpu{suffix}"]
    name = suffix.lstrip("_") or "ours"
    return (f"{label:<18} {med(figures[name]):6.3f} s (CPU {med(figures[name + '_cpu']):.3f} s)"
            f"  ÷ reference: wall {med(wall):.3f} [{min(wall):.2f}–{max(wall):.2f}]"
            f"  CPU {med(cpu):.3f} [{min(cpu):.2f}–{max(cpu):.2f}]")


def main(argv: list[str]) -> int:
    rounds = 9
    before: Path | None = None
    for option in ("--rounds", "--before"):
        if option in argv:
            at = argv.index(option)
            if option == "--rounds":
                rounds = int(argv[at + 1])
            else:
                before = Path(argv[at + 1]).resolve()
            del argv[at:at + 2]
    sizes = tuple(int(a) for a in argv) or SIZES
    problem = missing()
    if before is not None and not (before.parent / "resources" / "fonts").is_dir():
        problem = (f"--before {before}: no resources folder beside it (its fonts); take it "
                   "too: git archive COMMIT src resources | tar -x -C FOLDER")
    if problem:
        print(f"bench.reference: {problem}", file=sys.stderr)
        return 2
    import shutil

    home = Path(tempfile.mkdtemp(prefix="presskit-reference-"))
    try:
        compile_sources()
        if before is not None:
            compileall.compile_dir(before, quiet=1)
        run = runner(_environment(home))
        for n, (kit, content) in prepare(sizes, home).items():
            f = compare(kit, content, home, rounds, run, before)
            med = statistics.median
            print(f"N = {n}, {rounds} rounds; reference {med(f['reference']):.3f} s "
                  f"(CPU {med(f['reference_cpu']):.3f} s); budget ≤ {BUDGET}")
            print(_line("  presskit", f, ""))
            if before is not None:
                print(_line("  presskit before", f, "_before"))
            sys.stdout.flush()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Where one ``presskit export`` process spends its CPU time, step by step.

    python -m bench.breakdown KIT [RUNS]

Each run is a fresh process (``PYTHONDONTWRITEBYTECODE`` unset, byte-code already
written) that imports the command line, then exports with the main steps wrapped in
timers: reading the kit, typesetting, the glyph check, the story (flowables), the layout and
drawing (``doc.build``) and, of that, writing the file (the PDF's objects formatted).
Interpreter start-up is the CPU time before the first line runs, teardown the whole
process's CPU time (its rusage) after the last. Medians over the runs, in milliseconds
of CPU time; no profiler, so the figures add up to the real export.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import json, sys, time
clock = time.process_time
marks = {"start": clock()}
import presskit.cli.main as cli
import presskit.cli.export, presskit.render.document as document, presskit.render.page as page
marks["imports"] = clock() - marks["start"]
spent = {}

def timed(name, function, whole=False):
    def wrapper(*args, **kwargs):
        begun = clock()
        try:
            made = function(*args, **kwargs)
            return list(made) if whole else made  # a generator: its items made here
        finally:
            spent[name] = spent.get(name, 0.0) + clock() - begun
    return wrapper

presskit.cli.export.load_kit = timed("read the kit", presskit.cli.export.load_kit)
document.typeset = timed("typeset", document.typeset)
document.missing_glyphs = timed("glyph check", document.missing_glyphs)
document.font_registry.resolve = timed("fonts", document.font_registry.resolve)
document.story = timed("story", document.story, whole=True)
document.KitDocTemplate.build = timed("build (layout, drawing, save)",
                                      document.KitDocTemplate.build)
save = page.FolioCanvas.save
page.FolioCanvas.save = timed("… of which save", save)
import atexit

def report():
    spent["export in all"] = clock() - begun
    spent["imports"] = marks["imports"]
    spent["interpreter start-up"] = marks["start"]
    spent["until exit"] = clock()
    print(json.dumps(spent), flush=True)

atexit.register(report)  # the command line may end the process itself, after exit functions
sys.argv = ["presskit", "export", sys.argv[1], "-o", sys.argv[2]]
begun = clock()
sys.exit(cli.main())
"""


def run_once(kit: Path, out: Path, env: dict[str, str]) -> dict[str, float]:
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(kit), str(out)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(child.pid, 0)
    assert child.stdout is not None
    stdout = child.stdout.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed: {child.stderr.read() if child.stderr else ''}")
    spent: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    total = usage.ru_utime + usage.ru_stime
    spent["process in all"] = total
    spent["interpreter teardown"] = total - spent.pop("until exit")
    return spent


def main(argv: list[str]) -> int:
    kit = Path(argv[0])
    runs = int(argv[1]) if len(argv) > 1 else 7
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.pdf"
        run_once(kit, out, env)  # warm-up: byte-code, caches
        results = [run_once(kit, out, env) for _ in range(runs)]
    order = ["process in all", "interpreter start-up", "imports", "export in all",
             "read the kit", "typeset", "fonts", "glyph check", "story",
             "build (layout, drawing, save)", "… of which save", "interpreter teardown"]
    for name in order:
        values = [r.get(name, 0.0) * 1000 for r in results]
        print(f"{name:32} {statistics.median(values):8.1f} ms  "
              f"[{min(values):.1f}–{max(values):.1f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

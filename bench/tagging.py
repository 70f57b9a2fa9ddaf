"""``python -m bench.tagging``: what tagged PDF costs, tagged against untagged in one run.

Each kit (the example, generated kits of 100 and 1,000 quotes) is rendered in this process
with ``render_pdf(tagged=True)`` and ``tagged=False`` in alternation, after a warm-up of each,
so a busy moment on the machine hits both alike; each ratio is taken within one round. The
issue's budgets: at most 10 % more time, at most 15 % more bytes. Time is the process's CPU
time (``time.process_time``): on a machine shared with other work the wall-clock ratio of one
round swings by ±20 % whatever the code does, the CPU time by a percent or two. The wall times
are printed beside it.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.kits import EXAMPLE, generated_kit
from presskit.render import render_pdf
from presskit.storage import load_kit

TIME_BUDGET = 1.10
SIZE_BUDGET = 1.15


def measure(kit: object, rounds: int) -> dict[str, float]:
    for tagged in (True, False):  # warm-up: fonts, images, byte code
        render_pdf(kit, tagged=tagged)  # type: ignore[arg-type]
    ratios, tagged_s, untagged_s, wall_ratios = [], [], [], []
    sizes = (0, 0)
    for _ in range(rounds):
        t, w = time.process_time(), time.perf_counter()
        plain = render_pdf(kit, tagged=False)  # type: ignore[arg-type]
        middle, wall_middle = time.process_time(), time.perf_counter()
        marked = render_pdf(kit, tagged=True)  # type: ignore[arg-type]
        end, wall_end = time.process_time(), time.perf_counter()
        untagged_s.append(middle - t)
        tagged_s.append(end - middle)
        ratios.append((end - middle) / (middle - t))
        wall_ratios.append((wall_end - wall_middle) / (wall_middle - w))
        sizes = (len(plain.data), len(marked.data))
    return {"untagged_s": statistics.median(untagged_s),
            "tagged_s": statistics.median(tagged_s),
            "time_ratio": statistics.median(ratios),
            "wall_ratio": statistics.median(wall_ratios),
            "untagged_bytes": sizes[0], "tagged_bytes": sizes[1],
            "size_ratio": sizes[1] / sizes[0]}


def kits(folder: Path) -> dict[str, tuple[object, int]]:
    return {"example": (load_kit(EXAMPLE).kit, 15),
            "100 quotes": (generated_kit(100, folder), 7),
            "1000 quotes": (generated_kit(1000, folder), 3)}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = {name: measure(kit, rounds) for name, (kit, rounds) in kits(Path(folder)).items()}
    print(f"{'kit':<12} {'untagged':>9} {'tagged':>9} {'CPU':>7} {'wall':>7} {'untagged':>10} "
          f"{'tagged':>10} {'size':>7}")
    for name, r in results.items():
        print(f"{name:<12} {r['untagged_s']:>8.3f}s {r['tagged_s']:>8.3f}s "
              f"{r['time_ratio']:>6.3f}× {r['wall_ratio']:>6.3f}× {r['untagged_bytes']:>10,} "
              f"{r['tagged_bytes']:>10,} {r['size_ratio']:>6.3f}×")
    print("time: CPU seconds, median of the rounds")
    print(f"budgets: time ≤ {TIME_BUDGET}×, size ≤ {SIZE_BUDGET}×")
    print(json.dumps(results))
    ok = all(r["time_ratio"] <= TIME_BUDGET and r["size_ratio"] <= SIZE_BUDGET
             for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

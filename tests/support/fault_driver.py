"""A process to kill: saves a kit, the roster or a PDF over and over until it is SIGKILLed.

Run by ``test_faults_saving`` as ``python tests/support/fault_driver.py MODE TARGET FIRST EXPERTS
[SAVES]``. Each save is a new version ``FIRST, FIRST + 1, …`` (in the kit's title, the first
expert's name, or which of the PDFs in ``TARGET``'s folder is written), so the test can tell
which version survived a kill. ``ready`` is printed once everything is built, ``saved N``
after each save returns (flushed, so the test sees every save that completed). With SAVES it
stops after that many saves instead of running until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.kits import generated_kit  # noqa: E402
from presskit.library import Roster, save_roster  # noqa: E402
from presskit.storage import atomic_write, save_kit  # noqa: E402

PDF_VARIANTS = 3


def pdf_variant(folder: Path, version: int) -> Path:
    return folder / f"variant-{version % PDF_VARIANTS}.pdf.bytes"


def main(mode: str, target: Path, first: int, experts: int, saves: int | None) -> None:
    kit = generated_kit(experts, target.parent, photos=[])
    pdfs = [pdf_variant(target.parent, n).read_bytes() for n in range(PDF_VARIANTS)] \
        if mode == "pdf" else []
    print("ready", flush=True)
    version = first
    while saves is None or version < first + saves:
        # Every save differs a little, in its text and in its length.
        if mode == "kit":
            kit.title = f"version {version}"
            kit.experts[-1].bio = "x" * (version % 97)
            save_kit(kit, target)
        elif mode == "roster":
            kit.experts[0].name = f"version {version}"
            save_roster(Roster(experts=kit.experts, quotes=kit.quotes[: version % 50]), target)
        else:
            atomic_write(target, pdfs[version % PDF_VARIANTS])
        print(f"saved {version}", flush=True)
        version += 1


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], Path(args[1]), int(args[2]), int(args[3]),
         int(args[4]) if len(args) > 4 else None)

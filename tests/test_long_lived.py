"""The collector's pauses always end, and leave it as it was."""

from __future__ import annotations

import gc
from pathlib import Path

from support.examples import CNAS_KIT, copy_folder

from presskit import long_lived
from presskit.cli import main as cli


def test_reading_pauses_the_collector_and_leaves_it_as_it_was() -> None:
    assert gc.isenabled()
    with long_lived.reading():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with long_lived.reading():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_an_export_run_in_process_gives_the_collector_everything_back(tmp_path: Path) -> None:
    """The command line freezes the kit while it renders; a caller in the same process (a
    script, these tests) finds nothing frozen and the collector on afterwards."""
    kit = copy_folder(CNAS_KIT.parent, tmp_path / "kit") / CNAS_KIT.name
    gc.unfreeze()  # what a window opened by an earlier test in this process may have frozen
    assert cli.main(["export", str(kit), "-o", str(tmp_path / "kit.pdf")]) == 0
    assert (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF")
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    # What the build left behind (set aside, frozen, while the file was written) is the
    # collector's again: ReportLab's document, held in a cycle with its canvas, is freed.
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o).__name__ == "PDFDocument"]


def test_an_export_run_in_process_leaves_the_callers_own_freeze_alone(tmp_path: Path) -> None:
    kit = copy_folder(CNAS_KIT.parent, tmp_path / "kit") / CNAS_KIT.name
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert cli.main(["export", str(kit), "-o", str(tmp_path / "kit.pdf")]) == 0
        assert gc.get_freeze_count() > frozen * 0.9  # still frozen (a few freed since)
    finally:
        gc.unfreeze()

"""What ``presskit.storage`` offers its callers: the writer is loaded only when something is
saved, and a kit's source map says which places are in the file."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from presskit.model import Kit

NAME = Path("kit.presskit")


def test_save_kit_and_dumps_kit_come_from_the_package_when_first_asked_for(
    tmp_path: Path,
) -> None:
    storage = importlib.import_module("presskit.storage")
    kit = Kit(title="Lazy")
    text = storage.dumps_kit(kit, tmp_path / "kit.presskit")
    storage.save_kit(kit, tmp_path / "kit.presskit")
    assert (tmp_path / "kit.presskit").read_text(encoding="utf-8") == text
    assert storage.load_kit(tmp_path / "kit.presskit").kit.title == "Lazy"
    assert {"dumps_kit", "save_kit"} <= set(dir(storage))


def test_an_export_never_loads_the_writer() -> None:
    code = ("import sys, presskit.storage as s; s.load_kit; "
            "print('presskit.storage.writer' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_the_source_map_knows_which_places_are_in_the_file() -> None:
    from presskit.storage import loads_kit

    loaded = loads_kit("presskit: 1\nkit:\n  title: X\nexperts:\n- id: kim\n  name: Kim\n",
                       NAME)
    assert ("kit", "title") in loaded.source_map
    assert ("experts", 0, "name") in loaded.source_map
    assert ("experts", 1) not in loaded.source_map
    assert ("kit", "embargo") not in loaded.source_map

"""Shared test set-up: headless Qt, per-user folders in a temp dir, the example kits."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Qt aborts without a display unless told to draw offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CNAS_KIT = EXAMPLES / "cnas-responds" / "cnas-responds.presskit"
NORTHBRIDGE_KIT = EXAMPLES / "northbridge-briefing" / "northbridge-briefing.presskit"
SEED = ROOT / "tests" / "fixtures" / "cnas-responds-2019-09-20.txt"  # copy of shared/seeds


def copy_folder(source: Path, folder: Path) -> Path:
    """``source`` (an example's folder: kit and assets) copied to ``folder``, without the
    lock file a presskit that has the example open meanwhile keeps beside it."""
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*.lock"))
    return folder


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every platformdirs folder at a temp dir so tests never touch the real profile."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    # A developer's own roster must never be read by the tests.
    monkeypatch.delenv("PRESSKIT_ROSTER", raising=False)

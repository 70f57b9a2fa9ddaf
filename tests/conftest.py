"""Set-up for every test: Qt draws offscreen and every per-user folder is a temp dir.

Helpers shared by many tests (the example kits, PDF readers, GUI actions) are in ``support/``;
the GUI fixtures are in ``gui/conftest.py``."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Properties without their own example count try 50 inputs in `make test` (Hypothesis's
# default is 100), to keep the suite under five minutes on two cores; the fuzz targets have
# their own counts (`make fuzz` tries 20,000 each), and failing inputs found once are kept in
# .hypothesis/ and tried first every time.
settings.register_profile("presskit", max_examples=50)
settings.load_profile("presskit")

# Qt aborts without a display unless told to draw offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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

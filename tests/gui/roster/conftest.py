"""The roster every roster test starts from: a dozen experts in a "shared" team folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.roster_data import write_roster

from presskit.library.paths import ROSTER_ENV


@pytest.fixture(autouse=True)
def roster_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dozen experts in a "shared" folder, named by ``$PRESSKIT_ROSTER``."""
    path = tmp_path / "team" / "roster.yaml"
    path.parent.mkdir()
    write_roster(path)
    monkeypatch.setenv(ROSTER_ENV, str(path))
    return path

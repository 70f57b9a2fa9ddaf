"""The code keeps the shape docs/development.md describes, so a newcomer can walk it: imports
point one way (the app and the command on the engine, the engine in layers), the engine never
imports Qt, nothing imports in a circle, and no folder grows past what one can read at a glance.

The import rules are import-linter contracts in pyproject.toml (`make lint` runs them too).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter import cli
from support.examples import ROOT

SOURCE = ROOT / "src" / "presskit"
#: Modules per folder, counting ``__init__.py``: about a dozen is what a newcomer reads at a
#: glance (issue 14).
MOST_MODULES = 14


def test_the_import_contracts_hold(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # where lint-imports finds the package's source
    status = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert status == 0, report
    assert "Contracts: 3 kept, 0 broken." in report, report


@pytest.mark.parametrize(
    "folder",
    sorted({path.parent for path in SOURCE.rglob("*.py")}),
    ids=lambda folder: folder.relative_to(SOURCE.parent).as_posix(),
)
def test_no_folder_holds_more_modules_than_one_reads_at_a_glance(folder: Path) -> None:
    modules = sorted(path.name for path in folder.glob("*.py"))
    assert len(modules) <= MOST_MODULES, f"{folder.relative_to(ROOT)}: {modules}"

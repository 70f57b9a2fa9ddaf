"""A new user's first start: the welcome kit in their documents folder, their folders made,
and Help ▸ About saying the version, what is bundled and where their files live."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from support.examples import CNAS_KIT

import presskit
from presskit.gui.dialogs.about import AboutDialog
from presskit.gui.first_run import copy_welcome_kit, create_user_folders, user_folders, welcome_kit
from presskit.gui.preview import render_process
from presskit.gui.preview.render_process import RenderProcess
from presskit.gui.self_test import run_self_test
from presskit.gui.settings import Settings
from presskit.storage import load_kit


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(folder))
    return folder


def test_the_first_start_copies_the_welcome_kit_into_the_documents_folder_once(
    documents: Path, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.json")
    kit = welcome_kit(settings)
    assert kit == documents / "presskit" / "cnas-responds" / "cnas-responds.presskit"
    assert kit.is_file() and (kit.parent / "assets" / "logo.png").is_file()
    assert load_kit(kit).kit.title == load_kit(presskit.example_kit_path()).kit.title
    # Not inside the installation: the shipped example is where it was, untouched.
    assert presskit.example_kit_path() != kit
    # A second start opens no welcome kit, and a later start keeps the user's edits.
    kit.write_text(kit.read_text(encoding="utf-8") + "\n# my notes\n", encoding="utf-8")
    assert welcome_kit(Settings(tmp_path / "settings.json")) is None
    assert copy_welcome_kit(documents / "presskit") == kit
    assert kit.read_text(encoding="utf-8").endswith("# my notes\n")


def test_the_per_user_folders_are_created_and_listed(documents: Path) -> None:
    folders = create_user_folders()
    for folder in (folders.kits, folders.settings, folders.data, folders.autosave):
        assert folder.is_dir(), folder
    assert folders.kits == documents / "presskit"


def test_about_names_the_version_the_bundled_licences_and_the_users_folders(
    qtbot: Any, documents: Path
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    version = dialog.findChild(QLabel, "aboutVersion")
    assert version is not None and f"presskit {presskit.__version__}" in version.text()
    for expected in ("WenQuanYi Micro Hei", "Apache License 2.0", "DejaVu", "ReportLab",
                     "PySide6", "LGPL-3.0", str(documents / "presskit"),
                     str(user_folders().data)):
        assert expected in text, expected


def test_the_self_test_opens_the_example_and_renders_its_preview(
    qtbot: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rendered in this process (as when no render process can start) to keep the test
    # short; make dist-check runs the real one, with its render process, on the built app.
    monkeypatch.setattr(render_process, "_shared", RenderProcess(command=["/nonexistent"]))
    assert run_self_test() == 0
    out = capsys.readouterr().out
    assert f"presskit {presskit.__version__}: window with {CNAS_KIT.name}" in out
    assert "preview of 3 pages" in out


def test_presskit_self_test_runs_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    from presskit.cli import main as cli
    from presskit.gui import self_test

    ran: list[float | None] = []
    monkeypatch.setattr(self_test, "run_self_test", lambda started=None: ran.append(started) or 3)
    assert cli.main(["--self-test"]) == 3
    assert ran == [cli.STARTED]

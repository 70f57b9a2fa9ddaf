"""Fixtures for the GUI tests: a main window on a copy of an example, and answered dialogs.

Every test under ``tests/gui/`` has them. Every dialog the window can raise goes through
``Prompts`` or ``PreflightDialog.review``; the ``dialogs`` fixture replaces each with a
scripted answer and records what was asked, and an unscripted dialog fails the test instead
of blocking it. The thread pool is drained at
teardown so no render outlives its test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import support.gui_dialogs as gui_dialogs
from PySide6.QtCore import QThreadPool
from support.examples import CNAS_KIT, copy_folder
from support.gui_actions import Dialogs, close_quietly

from presskit.gui.dialogs.draft_options import DraftOptionsDialog
from presskit.gui.dialogs.preflight import PreflightDialog
from presskit.gui.widgets.prompts import ChangedOnDiskChoice, Prompts, UnsavedChoice
from presskit.gui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def _dialog_waits_end_with_their_test() -> Iterator[None]:
    yield
    gui_dialogs.generation[0] += 1


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    script = Dialogs()

    def unsaved(_parent: Any, name: str) -> tuple[UnsavedChoice, bool]:
        choice = script._reply("unsaved_changes", name)
        return choice, choice is not UnsavedChoice.CANCEL

    def path_prompt(kind: str) -> Any:
        def ask(_parent: Any, *suggested: Path) -> tuple[Path | None, bool]:
            path = script._reply(kind, *suggested)
            return path, path is not None
        return ask

    def error(_parent: Any, text: str, details: str = "") -> tuple[None, bool]:
        # Errors are recorded, not scripted: tests assert on what was shown.
        script.asked.setdefault("error", []).append((text, details))
        return None, True

    def warnings(_parent: Any, text: str, lines: list[str]) -> tuple[None, bool]:
        script.asked.setdefault("warnings", []).append((text, lines))
        return None, True

    def save_first(_parent: Any, name: str) -> tuple[bool, bool]:
        save = script._reply("save_before_bundling", name)
        return save, save

    def recover(_parent: Any, original: Path | None, saved_at: str) -> tuple[bool, bool]:
        return script._reply("recover_autosave", original, saved_at), True

    def changed(_parent: Any, name: str) -> tuple[ChangedOnDiskChoice, bool]:
        choice = script._reply("changed_on_disk", name)
        return choice, choice is not ChangedOnDiskChoice.CANCEL

    def in_use(_parent: Any, name: str, owner: str) -> tuple[bool, bool]:
        go = script._reply("kit_in_use", name, owner)
        return go, go

    def draft_options(_parent: Any, attach_pdf: bool, sender: str) -> tuple[bool | None, bool]:
        attach = script._reply("draft_options", attach_pdf, sender)
        return attach, attach is not None

    def review(_parent: Any, kit: Any, problems: Any, on_select: Any = None,
               *, exporting: bool = True, **_options: Any) -> tuple[bool, bool]:
        go = script._reply("preflight", list(problems), on_select)
        return go, go

    monkeypatch.setattr(Prompts, "unsaved_changes", classmethod(lambda cls, *a: unsaved(*a)))
    for kind in ("open_path", "save_path", "export_path", "draft_path", "email_page_path",
                 "bundle_save_path",
                 "bundle_open_path", "unpack_folder"):
        ask = path_prompt(kind)
        monkeypatch.setattr(Prompts, kind, classmethod(lambda cls, *a, _ask=ask: _ask(*a)))
    monkeypatch.setattr(Prompts, "error", classmethod(lambda cls, *a: error(*a)))
    monkeypatch.setattr(Prompts, "warnings", classmethod(lambda cls, *a: warnings(*a)))
    monkeypatch.setattr(Prompts, "save_before_bundling",
                        classmethod(lambda cls, *a: save_first(*a)))
    monkeypatch.setattr(Prompts, "recover_autosave", classmethod(lambda cls, *a: recover(*a)))
    monkeypatch.setattr(Prompts, "changed_on_disk", classmethod(lambda cls, *a: changed(*a)))
    monkeypatch.setattr(Prompts, "kit_in_use", classmethod(lambda cls, *a: in_use(*a)))
    monkeypatch.setattr(DraftOptionsDialog, "ask",
                        classmethod(lambda cls, *a: draft_options(*a)))
    monkeypatch.setattr(
        PreflightDialog, "review", classmethod(lambda cls, *a, **k: review(*a, **k))
    )
    return script


def copy_example(source: Path, destination: Path) -> Path:
    """A private copy of an example folder (kit + assets), so tests may save over it; not
    the lock file of a presskit that has the example open meanwhile."""
    folder = destination / source.parent.name
    copy_folder(source.parent, folder)
    return folder / source.name


@pytest.fixture
def cnas_copy(tmp_path: Path) -> Path:
    return copy_example(CNAS_KIT, tmp_path)


@pytest.fixture
def make_window(qtbot: Any, dialogs: Dialogs) -> Iterator[Any]:
    """A factory of shown main windows (preview and autosave off unless asked for: a preview
    render per window cost every GUI test a PDF; tests/gui/preview asks for it)."""
    windows: list[MainWindow] = []

    def make(size: tuple[int, int] | None = (1400, 900), **options: Any) -> MainWindow:
        """``size=None`` keeps the size the window restored from the settings."""
        options.setdefault("preview_delay_ms", 3_600_000)
        options.setdefault("autosave_interval_ms", 3_600_000)
        window = MainWindow(**options)
        # pytest-qt closes its widgets before fixtures are torn down: make that close quiet.
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        close_quietly(window)
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    return make_window()


@pytest.fixture
def cnas_window(window: MainWindow, cnas_copy: Path) -> MainWindow:
    assert window.open_project(cnas_copy)
    return window

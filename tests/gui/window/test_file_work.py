"""Reading and writing a kit happen off the GUI thread, as they must for an institute's kit
of thousands of experts (a second to read): the window keeps painting meanwhile, the file
commands wait, and an edit made while a save is being written is not marked saved."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from presskit.gui.document.commands import SetValue
from presskit.gui.window import main_window as main_window_module
from presskit.gui.window.main_window import MainWindow
from presskit.storage import load_kit


def slowed(monkeypatch: Any, name: str, seconds: float, seen: dict[str, Any]) -> None:
    """Make ``main_window.<name>`` (load_kit or save_kit) take ``seconds`` longer, and note
    the thread it ran on."""
    real = getattr(main_window_module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        seen["thread"] = threading.current_thread()
        seen["working"] = True
        try:
            time.sleep(seconds)
            return real(*args, **kwargs)
        finally:
            seen["working"] = False

    monkeypatch.setattr(main_window_module, name, slow)


def ticking(window: MainWindow, seen: dict[str, Any]) -> QTimer:
    """A GUI-thread timer counting its ticks and what the file commands looked like."""
    timer = QTimer(window)
    timer.setInterval(10)

    def tick() -> None:
        if not seen.get("working"):
            return  # only what the window did while the file was read or written
        seen["ticks"] = seen.get("ticks", 0) + 1
        seen.setdefault("open enabled", []).append(window.actions_.open.isEnabled())
        seen.setdefault("save enabled", []).append(window.actions_.save.isEnabled())

    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_a_kit_is_read_in_the_pool_while_the_window_keeps_running(
    window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    seen: dict[str, Any] = {}
    slowed(monkeypatch, "load_kit", 0.3, seen)
    timer = ticking(window, seen)
    assert window.open_project(cnas_copy)
    timer.stop()
    assert seen["thread"] is not threading.main_thread()
    assert seen["ticks"] >= 3  # the event loop ran while the file was read
    assert not any(seen["open enabled"])  # a second Open could not start meanwhile
    assert window.actions_.open.isEnabled()
    assert window.document.path == cnas_copy.absolute()
    assert window.document.kit.title == load_kit(cnas_copy).kit.title


def test_a_save_is_written_in_the_pool_and_an_edit_made_meanwhile_stays_unsaved(
    cnas_window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Saved title"))
    seen: dict[str, Any] = {}
    slowed(monkeypatch, "save_kit", 0.3, seen)
    # The user goes on typing while the file is written.
    QTimer.singleShot(50, lambda: document.push(SetValue(document, ("title",), "Typed later")))
    timer = ticking(cnas_window, seen)
    assert cnas_window.save_project()
    timer.stop()
    assert seen["thread"] is not threading.main_thread()
    assert not any(seen["save enabled"])
    assert load_kit(cnas_copy).kit.title == "Saved title"  # the kit as it was at Save
    assert document.kit.title == "Typed later"
    assert cnas_window.isWindowModified() and document.is_modified
    # No state on the undo stack is known to be the file now (both edits of the title are
    # one undo step), so undoing does not pretend to be saved either; the next save is.
    cnas_window.actions_.undo.trigger()
    assert document.kit.title != "Typed later" and document.is_modified
    cnas_window.actions_.redo.trigger()
    monkeypatch.undo()
    assert cnas_window.save_project()
    assert not document.is_modified and not cnas_window.isWindowModified()


def test_a_save_with_no_edit_meanwhile_marks_the_kit_saved(
    cnas_window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Saved title"))
    slowed(monkeypatch, "save_kit", 0.1, {})
    assert cnas_window.save_project()
    assert not document.is_modified and not cnas_window.isWindowModified()
    assert load_kit(cnas_copy).kit.title == "Saved title"


def test_a_new_kit_cannot_replace_the_one_being_saved(
    cnas_window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Saved title"))
    slowed(monkeypatch, "save_kit", 0.3, {})
    attempts: list[bool] = []
    # File ▸ New or New Kit from Text… chosen while the file is written.
    QTimer.singleShot(50, lambda: attempts.append(cnas_window.new_project()))
    assert cnas_window.save_project()
    assert attempts == [False]
    assert cnas_window.document is document and not document.is_modified
    assert cnas_window.document.path == cnas_copy.absolute()


def test_closing_after_save_with_an_edit_made_meanwhile_keeps_the_window_open(
    cnas_window: MainWindow, cnas_copy: Path, monkeypatch: Any, dialogs: Any
) -> None:
    from presskit.gui.widgets.prompts import UnsavedChoice

    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Saved title"))
    slowed(monkeypatch, "save_kit", 0.3, {})
    dialogs.answer("unsaved_changes", UnsavedChoice.SAVE)
    QTimer.singleShot(50, lambda: document.push(
        SetValue(document, ("series",), "Typed while saving")))
    assert not cnas_window.close()  # the typed edit is not in the file: nothing is lost
    assert cnas_window.isVisible() and document.is_modified
    assert document.kit.series == "Typed while saving"
    assert load_kit(cnas_copy).kit.title == "Saved title"

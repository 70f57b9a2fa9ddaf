"""Autosave and crash recovery: a modified kit is copied to the state dir on a timer, the copy
goes away on save or a clean close, and after a crash the next start offers it back."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from support.gui_actions import Dialogs, click_check_box, drag_row, outline_view, section_ids

from presskit.gui.app import run
from presskit.gui.document import autosave as autosave_module
from presskit.gui.document.autosave import autosave_dir, find_autosaves
from presskit.gui.widgets.prompts import UnsavedChoice
from presskit.gui.window.main_window import MainWindow
from presskit.storage import load_kit


def test_a_modified_kit_is_autosaved_and_the_copy_goes_away_on_save(
    qtbot: Any, make_window: Any, cnas_copy: Path
) -> None:
    window = make_window(autosave_interval_ms=100)
    window.open_project(cnas_copy)
    copy = window.autosaver.kit_path
    qtbot.wait(250)
    assert not copy.exists()  # nothing to save yet

    with qtbot.waitSignal(window.autosaver.written, timeout=5000):  # written in the pool
        click_check_box(qtbot, outline_view(window), 0)
    assert copy.exists()
    assert copy.parent == autosave_dir()
    assert str(autosave_dir()).startswith(os.environ["XDG_STATE_HOME"])
    sidecar = json.loads(window.autosaver.sidecar_path.read_text(encoding="utf-8"))
    assert sidecar["original"] == str(cnas_copy)
    assert load_kit(copy).kit.sections[0].hidden
    # The copy's asset paths still point at the kit's own assets.
    assert load_kit(copy).kit.brand.logo == cnas_copy.parent / "assets" / "logo.png"

    window.save_project()
    # A copy the timer started before the save may still be in the pool: it deletes itself
    # when done (the kit is no longer modified). Asserting at once failed under load.
    qtbot.waitUntil(lambda: not window.autosaver.writing, timeout=5000)
    assert not copy.exists() and not window.autosaver.sidecar_path.exists()


def slow_copies(monkeypatch: Any, seconds: float,
                until: threading.Event | None = None) -> list[threading.Thread]:
    """Make writing the autosave copy take ``seconds`` longer (or last ``until`` the event is
    set, at most 10 s); returns the writing threads."""
    threads: list[threading.Thread] = []
    real = autosave_module.dumps_kit

    def slow(*args: Any) -> str:
        threads.append(threading.current_thread())
        if until is not None:
            until.wait(10)
        else:
            time.sleep(seconds)
        return real(*args)

    monkeypatch.setattr(autosave_module, "dumps_kit", slow)
    return threads


def test_the_timed_copy_is_written_in_the_pool_from_the_kit_as_it_was(
    qtbot: Any, make_window: Any, cnas_copy: Path, monkeypatch: Any
) -> None:
    window = make_window()
    window.open_project(cnas_copy)
    threads = slow_copies(monkeypatch, 0.3)
    click_check_box(qtbot, outline_view(window), 0)  # hide the first section
    with qtbot.waitSignal(window.autosaver.written, timeout=10_000) as written:
        assert window.autosaver.save_in_background()
        assert not window.autosaver.save_in_background()  # one copy at a time
        click_check_box(qtbot, outline_view(window), 1)  # typed after the snapshot
    assert written.args == [True]
    assert threads and threads[0] is not threading.main_thread()
    copy = load_kit(window.autosaver.kit_path).kit
    assert copy.sections[0].hidden and not copy.sections[1].hidden


def test_a_copy_still_being_written_when_the_kit_is_saved_is_removed(
    qtbot: Any, make_window: Any, cnas_copy: Path, monkeypatch: Any
) -> None:
    window = make_window()
    window.open_project(cnas_copy)
    saved = threading.Event()  # the copy is written only once the kit has been saved
    slow_copies(monkeypatch, 0, until=saved)
    click_check_box(qtbot, outline_view(window), 0)
    with qtbot.waitSignal(window.autosaver.written, timeout=10_000) as written:
        assert window.autosaver.save_in_background()
        assert window.save_project()  # while the copy is being written
        saved.set()
    assert written.args == [False]
    assert not window.autosaver.kit_path.exists()
    assert not window.autosaver.sidecar_path.exists()
    assert find_autosaves() == []


def test_a_clean_close_deletes_the_copy(
    qtbot: Any, make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    window = make_window()
    window.open_project(cnas_copy)
    click_check_box(qtbot, outline_view(window), 0)
    assert window.autosaver.save_if_modified()
    dialogs.answer("unsaved_changes", UnsavedChoice.DISCARD)
    assert window.close()
    assert find_autosaves() == []


def test_after_a_crash_the_next_start_offers_the_work_back(
    qtbot: Any, make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    crashed = make_window()
    crashed.open_project(cnas_copy)
    view = outline_view(crashed)
    drag_row(qtbot, view, source=4, before=0)
    click_check_box(qtbot, view, 1)
    edited = section_ids(crashed)
    assert crashed.autosaver.save_if_modified()
    # The process dies here: no close, no cleanup. The next start finds the copy.

    fresh = make_window()
    dialogs.answer("recover_autosave", True)
    assert fresh.offer_recovery()
    [(original, saved_at)] = dialogs.asked["recover_autosave"]
    assert original == cnas_copy and saved_at

    assert section_ids(fresh) == edited
    assert fresh.document.kit.sections[1].hidden
    assert fresh.document.path == cnas_copy
    assert fresh.document.is_modified and fresh.isWindowModified()
    assert fresh.windowTitle() == "cnas-responds.presskit[*] — presskit"
    # The recovered copy now belongs to the new session; the old one is gone.
    assert fresh.autosaver.kit_path.exists()
    assert not crashed.autosaver.kit_path.exists()
    # Saving puts the work back where it came from.
    fresh.save_project()
    assert [s.id for s in load_kit(cnas_copy).kit.sections] == edited


def test_declining_recovery_deletes_the_copy(
    qtbot: Any, make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    crashed = make_window()
    crashed.open_project(cnas_copy)
    click_check_box(qtbot, outline_view(crashed), 0)
    crashed.autosaver.save_if_modified()
    fresh = make_window()
    dialogs.answer("recover_autosave", False)
    assert not fresh.offer_recovery()
    assert fresh.document.path is None
    assert not crashed.autosaver.kit_path.exists()


def test_the_app_opens_a_kit_from_the_command_line_and_offers_recovery(
    qtbot: Any, make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    crashed = make_window()
    crashed.open_project(cnas_copy)
    click_check_box(qtbot, outline_view(crashed), 0)
    crashed.autosaver.save_if_modified()
    crashed.autosaver.stop()
    crashed.hide()
    seen: list[MainWindow] = []
    deadline = time.monotonic() + 60

    def look_and_quit() -> None:
        """Once the app has opened the kit (reading it is off the GUI thread, and a busy
        machine may take seconds), look at its window and close it; never wait for ever."""
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        opened = windows and all(w.document.path is not None for w in windows)
        if not opened and time.monotonic() < deadline:
            QTimer.singleShot(100, look_and_quit)
            return
        seen.extend(windows)
        for window in windows:
            window.document.undo_stack.setClean()
            window.close()
        if not opened:
            QApplication.quit()  # the kit never opened: end the app, and the test fails

    dialogs.answer("recover_autosave", False)
    QTimer.singleShot(100, look_and_quit)
    assert run([str(cnas_copy)]) == 0
    [window] = seen
    assert window.document.path == cnas_copy  # declined recovery, so the argument was opened
    assert dialogs.count("recover_autosave") == 1
    assert not QApplication.windowIcon().isNull()


def test_a_copy_that_fails_unexpectedly_does_not_stop_later_copies(
    qtbot: Any, make_window: Any, cnas_copy: Path, monkeypatch: Any
) -> None:
    window = make_window()
    window.open_project(cnas_copy)
    click_check_box(qtbot, outline_view(window), 0)
    real = autosave_module.dumps_kit

    def broken(*_args: Any) -> str:
        raise ValueError("a bug")

    monkeypatch.setattr(autosave_module, "dumps_kit", broken)
    with qtbot.waitSignal(window.autosaver.written, timeout=10_000) as written:
        assert window.autosaver.save_in_background()
    assert written.args == [False]
    monkeypatch.setattr(autosave_module, "dumps_kit", real)
    with qtbot.waitSignal(window.autosaver.written, timeout=10_000) as written:
        assert window.autosaver.save_in_background()  # the next timer tick writes again
    assert written.args == [True]
    assert load_kit(window.autosaver.kit_path).kit.sections[0].hidden

"""Nothing lost, nothing broken, as a user sees it: a failed save says why and keeps the kit
modified; a window killed with unsaved edits gets them back at the next start; a kit open in
another presskit is flagged, and nobody's saved changes are written over without asking."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from support.examples import SUPPORT
from support.gui_actions import Dialogs

from presskit.gui.document.commands import SetValue
from presskit.gui.widgets.prompts import ChangedOnDiskChoice
from presskit.gui.window.main_window import MainWindow
from presskit.storage import load_kit, save_kit
from presskit.storage.locks.kit import KitLock, lock_path, read_owner, this_process

CRASH_DRIVER = SUPPORT / "crash_driver.py"
#: A process that holds a kit's lock until its stdin closes: another running presskit.
LOCK_HOLDER = (
    "import sys; from pathlib import Path; from presskit.storage.locks.kit import KitLock; "
    "lock = KitLock(Path(sys.argv[1])); assert lock.acquire() is None; "
    "print('locked', flush=True); sys.stdin.read()"
)


def retitle(window: MainWindow, title: str) -> None:
    """Type a new kit title (the kit form pushes exactly this command)."""
    window.document.push(SetValue(window.document, ("title",), title))


def test_a_save_on_a_full_disk_shows_why_and_the_kit_stays_modified(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, monkeypatch: Any
) -> None:
    before = cnas_copy.read_bytes()
    retitle(cnas_window, "Not on disk yet")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    cnas_window.actions_.save.trigger()
    monkeypatch.undo()
    [(text, details)] = dialogs.asked["error"]
    assert text == f"“{cnas_copy.name}” could not be saved."
    assert details == f"cannot write {cnas_copy}: no space left on device"
    assert cnas_copy.read_bytes() == before
    assert cnas_window.document.is_modified and cnas_window.isWindowModified()

    cnas_window.actions_.save.trigger()  # space again: the same save now goes through
    assert load_kit(cnas_copy).kit.title == "Not on disk yet"
    assert not cnas_window.document.is_modified


def test_a_window_killed_with_unsaved_edits_gets_them_back_at_the_next_start(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    before = cnas_copy.read_bytes()
    crashed = subprocess.Popen(
        [sys.executable, str(CRASH_DRIVER), str(cnas_copy), "Recovered title", "Ann Kim"],
        stdout=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        assert crashed.stdout is not None
        assert crashed.stdout.readline().strip() == "autosaved"
    finally:
        # The whole session: the window and any helper it started.
        os.killpg(crashed.pid, signal.SIGKILL)
        crashed.wait()
        if crashed.stdout is not None:
            crashed.stdout.close()
    assert cnas_copy.read_bytes() == before  # never saved
    assert read_owner(cnas_copy) is not None  # the dead window's lock is still there

    fresh = make_window()
    dialogs.answer("recover_autosave", True)
    assert fresh.offer_recovery()
    [(original, _saved_at)] = dialogs.asked["recover_autosave"]
    assert original == cnas_copy
    assert fresh.document.kit.title == "Recovered title"
    assert fresh.document.kit.experts[0].name == "Ann Kim"
    assert fresh.document.path == cnas_copy
    assert fresh.document.is_modified and fresh.isWindowModified()
    # The dead process's lock was taken over without a word (no "kit in use" question).
    assert read_owner(cnas_copy) == this_process()


def test_opening_a_kit_another_presskit_has_open_warns_and_a_dead_ones_lock_does_not(
    window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(cnas_copy)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert other.stdin is not None and other.stdout is not None
    try:
        assert other.stdout.readline().strip() == "locked"
        dialogs.answer("kit_in_use", False)
        assert not window.open_project(cnas_copy)
        [(name, owner)] = dialogs.asked["kit_in_use"]
        assert name == cnas_copy.name and f"process {other.pid} on " in owner
        assert window.document.path is None

        dialogs.answer("kit_in_use", True)
        assert window.open_project(cnas_copy)  # the user may still look, and edit
        assert window.document.path == cnas_copy
        assert read_owner(cnas_copy) is not None and read_owner(cnas_copy).pid == other.pid
    finally:
        other.stdin.close()
        other.wait()
        other.stdout.close()

    # The other presskit is gone, its lock left behind: reopening takes it over silently.
    assert window.close_project()
    assert window.open_project(cnas_copy)
    assert dialogs.count("kit_in_use") == 2
    assert read_owner(cnas_copy) == this_process()
    assert window.close_project()
    assert not lock_path(cnas_copy).exists()  # closing the kit releases it


def test_saving_over_a_kit_someone_else_saved_asks_first(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    theirs = load_kit(cnas_copy).kit
    theirs.title = "Their title"
    save_kit(theirs, cnas_copy)  # another presskit saves the same kit
    their_bytes = cnas_copy.read_bytes()
    retitle(cnas_window, "My title")

    dialogs.answer("changed_on_disk", ChangedOnDiskChoice.CANCEL)
    cnas_window.actions_.save.trigger()
    assert dialogs.asked["changed_on_disk"] == [(cnas_copy.name,)]
    assert cnas_copy.read_bytes() == their_bytes
    assert cnas_window.document.is_modified

    mine = cnas_copy.with_name("mine.presskit")
    dialogs.answer("changed_on_disk", ChangedOnDiskChoice.SAVE_AS)
    dialogs.answer("save_path", mine)
    cnas_window.actions_.save.trigger()
    assert cnas_copy.read_bytes() == their_bytes
    assert load_kit(mine).kit.title == "My title"
    assert cnas_window.document.path == mine and not cnas_window.document.is_modified


def test_overwrite_replaces_their_save_and_later_saves_do_not_ask_again(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    theirs = load_kit(cnas_copy).kit
    theirs.title = "Their title"
    save_kit(theirs, cnas_copy)
    retitle(cnas_window, "My title")
    dialogs.answer("changed_on_disk", ChangedOnDiskChoice.OVERWRITE)
    cnas_window.actions_.save.trigger()
    assert load_kit(cnas_copy).kit.title == "My title"

    retitle(cnas_window, "My second title")
    cnas_window.actions_.save.trigger()  # the file is the one we wrote: no question
    assert dialogs.count("changed_on_disk") == 1
    assert load_kit(cnas_copy).kit.title == "My second title"


def test_a_file_only_touched_or_copied_back_unchanged_is_not_a_conflict(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    same = cnas_copy.read_bytes()
    cnas_copy.write_bytes(same)
    os.utime(cnas_copy, (1_000_000_000, 1_000_000_000))
    retitle(cnas_window, "My title")
    cnas_window.actions_.save.trigger()
    assert dialogs.count("changed_on_disk") == 0
    assert load_kit(cnas_copy).kit.title == "My title"


def test_two_windows_on_one_kit_never_overwrite_each_other_silently(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    first, second = make_window(), make_window()
    assert first.open_project(cnas_copy) and second.open_project(cnas_copy)
    retitle(first, "First's title")
    retitle(second, "Second's title")
    first.actions_.save.trigger()
    dialogs.answer("changed_on_disk", ChangedOnDiskChoice.CANCEL)
    second.actions_.save.trigger()
    assert dialogs.count("changed_on_disk") == 1
    assert load_kit(cnas_copy).kit.title == "First's title"
    assert second.document.is_modified
    KitLock(cnas_copy).release()  # not ours to release: a lock object that never acquired
    assert lock_path(cnas_copy).exists()

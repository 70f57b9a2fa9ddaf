"""Work left by a crash is offered back even after a reboot, when the crashed process's id
belongs to another running process by now; a note no presskit could have written is skipped,
never an error; opening a kit never writes through a link planted at its lock's name; and
the open kit's lock is kept fresh for presskits on other hosts, until another one takes it
over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from support.gui_actions import Dialogs, click_check_box, outline_view

from presskit.gui.document import lock_keeper
from presskit.gui.document.autosave import find_autosaves
from presskit.gui.window.main_window import MainWindow
from presskit.storage.locks.kit import lock_path, read_owner, this_process
from presskit.storage.locks.owner import start_token


def crash_with_edits(make_window: Any, qtbot: Any, kit: Path) -> MainWindow:
    """A window with an unsaved edit, autosaved: the process then "dies"."""
    crashed: MainWindow = make_window()
    assert crashed.open_project(kit)
    click_check_box(qtbot, outline_view(crashed), 0)
    assert crashed.autosaver.save_if_modified()
    return crashed


def rewrite_note(window: MainWindow, **changes: Any) -> None:
    note = window.autosaver.sidecar_path
    info = json.loads(note.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key == "owner":
            info.setdefault("owner", {}).update(value)
        else:
            info[key] = value
    note.write_text(json.dumps(info), encoding="utf-8")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="start times from /proc")
def test_work_left_by_a_crash_is_offered_when_its_process_id_now_belongs_to_another_process(
    qtbot: Any, make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    crashed = crash_with_edits(make_window, qtbot, cnas_copy)
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        # After a reboot the dead presskit's id went to an unrelated, running process.
        rewrite_note(crashed, pid=stranger.pid,
                     owner={"pid": stranger.pid, "started": "another-boot/12345"})
        [offered] = find_autosaves(crashed.autosaver.directory)
        assert offered.original == cnas_copy

        fresh: MainWindow = make_window()
        dialogs.answer("recover_autosave", True)
        assert fresh.offer_recovery()
        assert fresh.document.kit.sections[0].hidden and fresh.document.is_modified

        # The same process, recorded as it really started: its copy is still being kept.
        fresh.autosaver.save_now()
        rewrite_note(fresh, pid=stranger.pid,
                     owner={"pid": stranger.pid, "started": start_token(stranger.pid)})
        assert find_autosaves(fresh.autosaver.directory) == []
    finally:
        stranger.kill()
        stranger.wait()


ABSURD_NOTES = {
    "a pid of 40 digits": '{"pid": 1000000000000000000000000000000000000000, "original": ""}',
    "pid 1e30": '{"pid": 1e30}',
    "a negative pid": '{"pid": -5}',
    "nested deep": "[" * 100_000 + "]" * 100_000,
    "huge": '{"pid": 1, "original": "' + "x" * 1_000_000 + '"}',
    "not JSON": "\x00\x01binary",
    "an owner that is a list": '{"pid": 1, "owner": [1, 2]}',
}


@pytest.mark.parametrize("note", ABSURD_NOTES.values(), ids=ABSURD_NOTES.keys())
def test_an_absurd_autosave_note_is_skipped_or_offered_never_an_error(
    tmp_path: Path, note: str
) -> None:
    (tmp_path / "0123456789ab.presskit").write_text("presskit: 1\n", encoding="utf-8")
    (tmp_path / "0123456789ab.json").write_text(note, encoding="utf-8")
    found = find_autosaves(tmp_path)  # what the app asks at start-up
    assert all(a.original is None for a in found)


def test_opening_a_kit_never_writes_through_a_link_planted_at_its_lock_name(
    make_window: Any, cnas_copy: Path, tmp_path: Path, dialogs: Dialogs
) -> None:
    outside = tmp_path / "home" / ".bashrc"
    outside.parent.mkdir()
    outside.write_bytes(b"alias ls='ls --color'\n")
    lock_path(cnas_copy).symlink_to(outside)
    window: MainWindow = make_window()
    assert window.open_project(cnas_copy)
    assert outside.read_bytes() == b"alias ls='ls --color'\n"
    assert dialogs.count("kit_in_use") == 0  # a link is never a presskit's lock
    assert not lock_path(cnas_copy).is_symlink()
    assert read_owner(cnas_copy) == this_process()
    assert window.close_project()
    assert outside.read_bytes() == b"alias ls='ls --color'\n"
    assert not lock_path(cnas_copy).exists()


def test_a_kit_whose_lock_names_an_absurd_process_opens_after_a_question_not_a_crash(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    lock_path(cnas_copy).write_text(json.dumps({"pid": 1e30, "host": socket.gethostname()}),
                                    encoding="utf-8")
    window: MainWindow = make_window()
    dialogs.answer("kit_in_use", True)  # just written: perhaps a presskit is writing it
    assert window.open_project(cnas_copy)
    assert dialogs.asked["kit_in_use"] == [(cnas_copy.name, "an unknown process")]
    assert window.document.path == cnas_copy


def age_lock(kit: Path, seconds: float) -> float:
    """Make the kit's lock look last refreshed ``seconds`` ago; returns that time."""
    then = time.time() - seconds
    os.utime(lock_path(kit), (then, then))
    return then


def test_the_open_kits_lock_is_refreshed_while_the_window_has_it_open(
    make_window: Any, cnas_copy: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock_keeper, "REFRESH_MS", 50)
    window: MainWindow = make_window()
    assert window.open_project(cnas_copy)
    written = lock_path(cnas_copy).read_bytes()
    then = age_lock(cnas_copy, 3600)  # as if no refresh had come for an hour
    qtbot.waitUntil(lambda: lock_path(cnas_copy).stat().st_mtime > then + 3000, timeout=5000)
    assert lock_path(cnas_copy).read_bytes() == written
    assert read_owner(cnas_copy) == this_process()

    assert window.close_project()
    assert not lock_path(cnas_copy).exists()
    assert not window.lock_keeper.timer.isActive()
    qtbot.wait(200)  # no refresh after closing makes the lock again
    assert not lock_path(cnas_copy).exists()


def test_a_lock_taken_over_by_another_presskit_is_left_to_it_and_the_user_is_told(
    make_window: Any, cnas_copy: Path, qtbot: Any
) -> None:
    window: MainWindow = make_window()
    assert window.open_project(cnas_copy)
    assert window.lock_keeper.timer.interval() == lock_keeper.REFRESH_MS == 60_000
    # This laptop slept for an hour; Ann's presskit found the lock stale and took it over.
    theirs = json.dumps({"pid": 4242, "host": "colleagues-laptop", "user": "ann",
                         "started": "t/1"})
    lock_path(cnas_copy).unlink()
    lock_path(cnas_copy).write_text(theirs, encoding="utf-8")
    then = age_lock(cnas_copy, 30)
    with qtbot.waitSignal(window.lock_keeper.lost, timeout=5000):
        window.lock_keeper.timer.timeout.emit()  # the minute is up
    assert lock_path(cnas_copy).read_text(encoding="utf-8") == theirs
    assert lock_path(cnas_copy).stat().st_mtime == pytest.approx(then)
    assert window.statusBar().currentMessage() == (
        f"{cnas_copy.name} has been taken over by process 4242 on ann@colleagues-laptop; "
        "saving here will ask before writing over its changes")
    assert not window.lock_keeper.timer.isActive()
    assert window.close_project()
    assert lock_path(cnas_copy).read_text(encoding="utf-8") == theirs  # not ours to remove

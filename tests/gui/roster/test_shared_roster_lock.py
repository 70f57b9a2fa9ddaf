"""A roster shared by a team, in the app: saving to it while a colleague's presskit is
changing it waits a moment, then says who is changing it, and writes nothing."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.gui_actions import Dialogs

from presskit.gui.window.main_window import MainWindow
from presskit.library import load_roster
from presskit.library import roster_file as roster_file_module

#: Holds the roster's lock until its standard input closes: a colleague's change in progress.
HOLDER = """
import sys
from pathlib import Path
from presskit.library.roster_file import roster_locked
with roster_locked(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def shared_roster(roster_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The team's roster (``conftest.roster_file``), with a short wait for its lock."""
    monkeypatch.setattr(roster_file_module, "LOCK_WAIT_S", 0.3)
    return roster_file


def test_saving_to_a_roster_a_colleague_is_changing_says_who_and_writes_nothing(
    qtbot: Any, make_window: Any, cnas_copy: Path, shared_roster: Path, dialogs: Dialogs
) -> None:
    window: MainWindow = make_window()
    assert window.open_project(cnas_copy)
    before = shared_roster.read_bytes()
    colleague = subprocess.Popen([sys.executable, "-c", HOLDER, str(shared_roster)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert colleague.stdin is not None and colleague.stdout is not None
    try:
        assert colleague.stdout.readline() == "locked\n"
        window.experts.experts.select_row(2)  # Kristine Lee, not in the roster yet
        window.library.save_to_roster.trigger()
    finally:
        colleague.stdin.close()
        colleague.wait(timeout=30)
        colleague.stdout.close()
    [(text, details)] = dialogs.asked["error"]
    assert text == "The roster could not be saved."
    assert details.startswith("the roster is being changed by ")
    assert details.endswith(f"@{socket.gethostname()} (process {colleague.pid}); try again")
    assert shared_roster.read_bytes() == before

    window.library.save_to_roster.trigger()  # the colleague is done: it goes through now
    assert load_roster(shared_roster).roster.find(name="Kristine Lee") is not None

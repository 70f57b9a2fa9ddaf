"""The roster's lock as colleagues on a shared folder meet it: one left by a crash is taken
over (at once on this machine, after two minutes from another), one in use is waited for and
then named, and a roster folder that cannot hold a lock says so instead of writing unlocked."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from presskit.library.roster import Roster
from presskit.library.roster_file import (
    LOCK_STALE_ELSEWHERE_S,
    LoadedRoster,
    load_roster,
    modify_roster,
    roster_lock_path,
    save_roster,
)
from presskit.model import PresskitError
from presskit.model.kit import Expert


def add(name: str) -> Callable[[LoadedRoster], tuple[Roster, None]]:
    """The change "add the expert ``name``" to the roster as it is on disk."""
    def change(loaded: LoadedRoster) -> tuple[Roster, None]:
        loaded.roster.experts.append(Expert(id=name.lower(), name=name))
        return loaded.roster, None
    return change


def plant(roster: Path, record: dict[str, object], age_s: float) -> None:
    lock = roster_lock_path(roster)
    lock.write_text(json.dumps(record), encoding="utf-8")
    then = time.time() - age_s
    os.utime(lock, (then, then))


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "team" / "roster.yaml"
    save_roster(Roster(experts=[Expert(id="ann", name="Ann")]), path)
    return path


def test_a_lock_left_by_a_crash_on_this_machine_is_taken_over_at_once(roster: Path) -> None:
    # Its process id is in use again (by this very test run), but by a process of another boot.
    plant(roster, {"pid": os.getpid(), "host": socket.gethostname(), "user": "bo",
                   "started": "another-boot/99"}, age_s=0)
    modify_roster(roster, add("Bo"), wait_s=0)
    assert [e.name for e in load_roster(roster).roster.experts] == ["Ann", "Bo"]
    assert not roster_lock_path(roster).exists()


def test_a_lock_from_another_machine_is_waited_for_then_named_and_taken_over_when_old(
    roster: Path,
) -> None:
    colleague = {"pid": 4242, "host": "colleagues-laptop", "user": "cy", "started": "t/1"}
    plant(roster, colleague, age_s=LOCK_STALE_ELSEWHERE_S / 2)
    before = roster.read_bytes()
    with pytest.raises(PresskitError) as refused:
        modify_roster(roster, add("Cy"), wait_s=0.1)
    assert str(refused.value) == ("the roster is being changed by cy@colleagues-laptop "
                                  "(process 4242); try again")
    assert roster.read_bytes() == before

    plant(roster, colleague, age_s=LOCK_STALE_ELSEWHERE_S + 60)  # its machine crashed
    modify_roster(roster, add("Cy"), wait_s=0)
    assert [e.name for e in load_roster(roster).roster.experts] == ["Ann", "Cy"]


def test_a_colleague_running_presskit_as_a_containers_first_process_is_named(
    roster: Path,
) -> None:
    # In a container, presskit itself may be process 1: still a process to name.
    plant(roster, {"pid": 1, "host": "build-box", "user": "ci", "started": "t/1"},
          age_s=LOCK_STALE_ELSEWHERE_S / 2)
    with pytest.raises(PresskitError) as refused:
        modify_roster(roster, add("Ci"), wait_s=0.1)
    assert str(refused.value) == ("the roster is being changed by ci@build-box (process 1); "
                                  "try again")


@pytest.mark.parametrize("record", [
    {"pid": 5, "host": "otherhost", "user": "mallory", "started": "t/1"},
    "garbage, not a lock",
])
def test_a_lock_dated_years_ahead_never_holds_the_roster(
    roster: Path, record: dict[str, object] | str
) -> None:
    """A lock ``touch``-ed to 2035 (or written by a machine whose clock is years ahead) would
    otherwise never grow old enough to be stale: every change would wait and fail."""
    lock = roster_lock_path(roster)
    lock.write_text(record if isinstance(record, str) else json.dumps(record), encoding="utf-8")
    future = time.time() + 10 * 365 * 24 * 3600
    os.utime(lock, (future, future))
    modify_roster(roster, add("Di"), wait_s=0.1)
    assert [e.name for e in load_roster(roster).roster.experts] == ["Ann", "Di"]


def test_a_roster_folder_that_cannot_hold_a_lock_says_so_and_writes_nothing(
    roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = roster.read_bytes()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(PresskitError) as refused:
        modify_roster(roster, add("Di"), wait_s=0)
    assert str(refused.value) == f"cannot lock {roster_lock_path(roster)}: permission denied"
    assert roster.read_bytes() == before

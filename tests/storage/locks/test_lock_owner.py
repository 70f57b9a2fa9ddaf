"""Who a kit's lock names, and what taking it costs: a lock written without a user still
names its process and host, a presskit whose user has no name records the user id, asking
about a lock whose name cannot exist answers nobody, the lock file is readable by all but
executable by none, and a takeover in progress elsewhere never makes an opener wait seconds."""

from __future__ import annotations

import getpass
import json
import os
import socket
import stat
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from presskit.storage.locks import file_lock
from presskit.storage.locks.kit import KitLock, lock_path, read_owner
from presskit.storage.locks.owner import Owner, this_process

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX modes and user ids")


def make_kit(folder: Path, name: str = "kit.presskit") -> Path:
    kit = folder / name
    kit.write_text("presskit: 1\n")
    return kit


@pytest.fixture
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_lock_written_without_a_user_still_names_its_process_and_host(tmp_path: Path) -> None:
    kit = make_kit(tmp_path)
    lock_path(kit).write_text(json.dumps({"pid": 4242, "host": "studio-mac"}))

    assert read_owner(kit) == Owner(4242, "studio-mac")
    owner = KitLock(kit).acquire()  # fresh, from another host: held
    assert owner is not None and owner.describe() == "process 4242 on studio-mac"


@posix_only
def test_a_presskit_whose_user_has_no_name_is_named_by_its_user_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_name() -> str:
        raise OSError("No username set in the environment")  # a container without passwd

    monkeypatch.setattr(getpass, "getuser", no_name)
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    try:
        owner = read_owner(kit)
        assert owner is not None
        assert owner.describe() == (f"process {os.getpid()} on {os.getuid()}@"
                                    f"{socket.gethostname()}")
    finally:
        lock.release()


def test_a_kit_whose_lock_name_would_be_too_long_opens_unlocked_and_names_no_owner(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path, "k" * 242 + ".presskit")  # its lock's name takes 257 bytes
    assert KitLock(kit).acquire() is None
    assert read_owner(kit) is None


@posix_only
def test_a_lock_file_is_readable_by_everyone_on_the_share_and_executable_by_nobody(
    tmp_path: Path, usual_umask: None
) -> None:
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    try:
        assert stat.S_IMODE(os.stat(lock_path(kit)).st_mode) == 0o644
    finally:
        lock.release()


def test_a_takeover_another_machine_is_in_the_middle_of_costs_an_opener_no_more_than_a_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale lock (its process id was reused) whose breaker a presskit on another machine
    just made: every attempt to take it waits for that one, each time only briefly."""
    kit = make_kit(tmp_path)
    path = lock_path(kit)
    path.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                "user": "someone", "started": "0000/1"}))
    path.with_name(path.name + ".break").write_text(json.dumps({
        "pid": 4242, "host": "studio-mac", "user": "ana", "started": ""}))
    waits: list[float] = []
    monkeypatch.setattr(file_lock, "time", types.SimpleNamespace(
        time=time.time, monotonic=time.monotonic, sleep=waits.append))

    owner = KitLock(kit).acquire()

    assert owner is not None and owner.user == "someone" and owner != this_process()
    assert waits, "the takeover in progress was not waited for"
    assert sum(waits) < 0.5, waits

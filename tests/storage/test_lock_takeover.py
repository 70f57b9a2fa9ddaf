"""Taking over a lock a presskit left behind when it died: what the lock records about its
process, and the leftovers of a takeover that was itself cut short."""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from pathlib import Path

import pytest

from presskit.storage.locks import owner as owners
from presskit.storage.locks.kit import KitLock, lock_path, read_owner

on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"),
                              reason="start times come from /proc")


def make_kit(tmp_path: Path) -> Path:
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\n")
    return kit


def plant(path: Path, started: str, age_s: float = 0.0) -> None:
    """A lock (or a breaker) naming this test's own process id with another start: the id
    was reused since the presskit that wrote it died, so it is stale."""
    path.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                "user": "someone", "started": started}))
    if age_s:
        then = path.stat().st_mtime - age_s
        os.utime(path, (then, then))


@on_linux
def test_a_lock_records_its_process_boot_and_start_time_so_a_reused_id_is_not_taken_for_it(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    try:
        recorded = read_owner(kit)
        assert recorded is not None
        boot, ticks = owners.boot_id(), owners.linux_start_ticks(os.getpid())
        assert boot and ticks.isdigit()
        assert recorded.started == f"{boot}/{ticks}"
        assert owners.is_running(recorded)
        # The same id started at another moment is another process: not this lock's owner.
        assert not owners.is_running(owners.Owner(recorded.pid, recorded.host, recorded.user,
                                                  f"{boot}/{int(ticks) + 1}"))
    finally:
        lock.release()


@on_linux
def test_a_presskit_whose_process_name_is_not_ascii_still_records_its_start_time() -> None:
    comm = Path("/proc/self/comm")
    old = comm.read_bytes()
    try:
        comm.write_bytes("prêss-kit".encode())
    except OSError:
        pytest.skip("this system does not let a process rename itself")
    try:
        assert owners.linux_start_ticks(os.getpid()).isdigit()
    finally:
        comm.write_bytes(old.rstrip(b"\n"))


def test_a_takeover_cut_short_leaves_a_breaker_the_next_takeover_clears(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    plant(lock_path(kit), "00000000-0000-0000-0000-000000000000/1")
    breaker = lock_path(kit).with_name(lock_path(kit).name + ".break")
    plant(breaker, "00000000-0000-0000-0000-000000000000/1", age_s=3600)
    lock = KitLock(kit)
    assert lock.acquire() is None  # taken over, the dead breaker cleared on the way
    try:
        assert not breaker.exists()
        recorded = read_owner(kit)
        assert recorded is not None and recorded.user != "someone"
    finally:
        lock.release()


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOENT])
def test_a_stale_lock_that_cannot_be_deleted_once_moved_aside_does_not_stop_the_kit_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    kit = make_kit(tmp_path)
    plant(lock_path(kit), "00000000-0000-0000-0000-000000000000/1")
    real_unlink = os.unlink

    def unlink(path: str | Path, *args: object, **kwargs: object) -> None:
        if ".stale-" in os.fspath(path):  # gone already, or a file system that says EPERM
            raise OSError(code, os.strerror(code), os.fspath(path))
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", unlink)
    lock = KitLock(kit)
    assert lock.acquire() is None
    lock.release()

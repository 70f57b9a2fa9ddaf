"""Who has a kit open, told right on a shared folder: exactly one of two presskits opening a
kit at once takes its lock, a lock left by a dead process (or one whose id was reused after a
reboot) is taken over, so is one from another host that its presskit stopped refreshing (a
laptop that crashed on a shared drive), a link planted at the lock's name is never written
through, and no lock file's contents, however absurd, stop a kit from opening."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.storage.locks.kit import (
    STALE_ELSEWHERE_S,
    KitLock,
    lock_path,
    read_owner,
    this_process,
)

#: Takes the kit's lock at each "go" line, answers "won" or "lost", releases at "done".
RACER = """
import sys
from pathlib import Path
from presskit.storage.locks.kit import KitLock
kit = Path(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:
    lock = KitLock(kit)
    print("won" if lock.acquire() is None else "lost", flush=True)
    sys.stdin.readline()
    lock.release()
    print("released", flush=True)
"""
ROUNDS = 16


def plant_stale_lock(kit: Path) -> None:
    """A lock naming a live process of this host (the test runner) with another start time:
    its id was reused, as after a reboot, so the lock is stale."""
    lock_path(kit).write_text(json.dumps({
        "pid": os.getpid(), "host": socket.gethostname(), "user": "someone",
        "started": "00000000-0000-0000-0000-000000000000/1",
    }))


def make_kit(tmp_path: Path) -> Path:
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\n")
    return kit


def test_of_two_presskits_opening_a_kit_at_once_exactly_one_gets_the_lock(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(kit)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for racer in racers:
            assert racer.stdout is not None and racer.stdout.readline() == "ready\n"
        for round_ in range(ROUNDS):
            if round_ % 2:
                plant_stale_lock(kit)  # every other round, both race to take over a stale one
            for racer in racers:
                assert racer.stdin is not None
                racer.stdin.write("go\n")
                racer.stdin.flush()
            answers = [r.stdout.readline().strip() for r in racers if r.stdout is not None]
            assert sorted(answers) == ["lost", "won"], f"round {round_}: {answers}"
            for racer in racers:
                assert racer.stdin is not None and racer.stdout is not None
                racer.stdin.write("done\n")
                racer.stdin.flush()
                assert racer.stdout.readline() == "released\n"
            assert not lock_path(kit).exists()
    finally:
        for racer in racers:
            assert racer.stdin is not None and racer.stdout is not None
            racer.stdin.close()
            racer.wait(timeout=30)
            racer.stdout.close()


def test_a_lock_whose_process_id_now_belongs_to_another_process_is_taken_over(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    plant_stale_lock(kit)
    lock = KitLock(kit)
    assert lock.acquire() is None
    assert read_owner(kit) == this_process()
    lock.release()
    assert not lock_path(kit).exists()


def test_a_live_presskit_on_this_host_or_a_fresh_lock_from_another_host_counts_as_held(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", RACER, str(kit)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "ready\n"
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "won\n"
        owner = KitLock(kit).acquire()
        assert owner is not None and owner.pid == holder.pid
        assert f"process {holder.pid} on " in owner.describe()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()

    plant_lock_from_elsewhere(kit, age_s=STALE_ELSEWHERE_S - 30)
    owner = KitLock(kit).acquire()
    assert owner is not None and owner.describe() == "process 4242 on ann@colleagues-laptop"
    assert lock_path(kit).read_text() == COLLEAGUES_LOCK  # left as it was


def plant_lock_from_elsewhere(kit: Path, age_s: float) -> None:
    """Ann's presskit on her laptop, which last marked its lock ``age_s`` seconds ago."""
    lock_path(kit).write_text(COLLEAGUES_LOCK)
    then = time.time() - age_s
    os.utime(lock_path(kit), (then, then))


COLLEAGUES_LOCK = json.dumps({"pid": 4242, "host": "colleagues-laptop", "user": "ann",
                              "started": "t/1"})


@pytest.mark.parametrize("age_s", [STALE_ELSEWHERE_S + 30, 7 * 24 * 3600, -10 * 365 * 24 * 3600],
                         ids=["just past the limit", "a week", "dated ten years ahead"])
def test_a_lock_from_another_host_no_longer_refreshed_is_taken_over(
    tmp_path: Path, age_s: float
) -> None:
    kit = make_kit(tmp_path)
    plant_lock_from_elsewhere(kit, age_s)
    lock = KitLock(kit)
    assert lock.acquire() is None and lock.owned
    assert read_owner(kit) == this_process()
    lock.release()
    assert not lock_path(kit).exists()


def test_a_refresh_keeps_our_lock_from_going_stale_for_other_hosts(tmp_path: Path) -> None:
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    written = lock_path(kit).read_bytes()
    long_ago = time.time() - 2 * STALE_ELSEWHERE_S
    os.utime(lock_path(kit), (long_ago, long_ago))  # as if this presskit had slept
    assert lock.refresh()
    assert time.time() - lock_path(kit).stat().st_mtime < 60
    assert lock_path(kit).read_bytes() == written  # only its time is changed
    assert lock.owned and read_owner(kit) == this_process()


def test_a_refresh_after_another_presskit_took_the_lock_over_leaves_theirs_alone(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    # This machine slept; Ann's presskit found the lock stale and took it over.
    lock_path(kit).unlink()
    plant_lock_from_elsewhere(kit, age_s=90)
    theirs = lock_path(kit).stat()
    assert not lock.refresh()
    assert not lock.owned
    assert lock_path(kit).read_text() == COLLEAGUES_LOCK
    assert lock_path(kit).stat().st_mtime_ns == theirs.st_mtime_ns
    assert not lock.refresh()  # and it stays theirs
    lock.release()
    assert lock_path(kit).read_text() == COLLEAGUES_LOCK


def test_a_refresh_never_recreates_a_removed_lock_nor_touches_a_link_in_its_place(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    lock = KitLock(kit)
    assert lock.acquire() is None
    ours = lock_path(kit).read_bytes()
    lock_path(kit).unlink()
    assert not lock.refresh() and not lock_path(kit).exists()

    assert lock.acquire() is None
    outside = tmp_path / "ours-elsewhere"
    outside.write_bytes(ours)  # our very contents, behind a link
    long_ago = time.time() - 3600
    os.utime(outside, (long_ago, long_ago))
    lock_path(kit).unlink()
    lock_path(kit).symlink_to(outside)
    assert not lock.refresh()
    assert outside.stat().st_mtime == pytest.approx(long_ago)
    assert lock_path(kit).is_symlink()


def test_a_link_planted_at_the_lock_name_is_never_written_through(tmp_path: Path) -> None:
    kit = make_kit(tmp_path)
    outside = tmp_path / "home" / ".bashrc"
    outside.parent.mkdir()
    outside.write_bytes(b"export PATH=$HOME/bin:$PATH\n")
    lock_path(kit).symlink_to(outside)
    missing = tmp_path / "home" / ".profile"

    lock = KitLock(kit)
    assert lock.acquire() is None
    assert outside.read_bytes() == b"export PATH=$HOME/bin:$PATH\n"
    assert not lock_path(kit).is_symlink() and read_owner(kit) == this_process()
    lock.release()

    lock_path(kit).symlink_to(missing)  # a dangling link must not create its target either
    assert KitLock(kit).acquire() is None
    assert not missing.exists()


ABSURD = {
    "pid 1e30": b'{"pid": 1e30, "host": "HOST"}',
    "a pid of 40 digits": b'{"pid": 1000000000000000000000000000000000000000, "host": "HOST"}',
    "a negative pid": b'{"pid": -1, "host": "HOST"}',
    "pid as text": b'{"pid": "123", "host": "HOST"}',
    "not JSON": b"locked by ann\n",
    "binary": bytes(range(256)) * 4,
    "nested deep": b"[" * 200_000 + b"]" * 200_000,
    "huge": b'{"pid": 1, "host": "' + b"x" * 5_000_000 + b'"}',
    "empty": b"",
    "a list": b"[1, 2, 3]",
}


@pytest.mark.parametrize("contents", ABSURD.values(), ids=ABSURD.keys())
def test_absurd_lock_contents_are_an_unknown_owner_never_an_exception(
    tmp_path: Path, contents: bytes
) -> None:
    kit = make_kit(tmp_path)
    lock_path(kit).write_bytes(contents.replace(b"HOST", socket.gethostname().encode()))
    # Just written: it may be a lock still being written, so it is held by someone unknown.
    owner = KitLock(kit).acquire()
    assert owner is not None and owner.describe() == "an unknown process"
    assert read_owner(kit) is None
    # Left there a while: nobody is writing it, so it is stale and taken over.
    a_minute_ago = time.time() - 60
    os.utime(lock_path(kit), (a_minute_ago, a_minute_ago))
    assert KitLock(kit).acquire() is None
    assert read_owner(kit) == this_process()


SPECIAL_FILE = """
import os, sys
from pathlib import Path
from presskit.storage.locks.kit import KitLock, read_owner, this_process
kit = Path(sys.argv[1])
os.mkfifo(kit.with_name("." + kit.name + ".lock"))
print(KitLock(kit).acquire() is None and read_owner(kit) == this_process())
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_at_the_lock_name_neither_hangs_nor_stops_the_kit_opening(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path)
    # In a process of its own: reading a FIFO would block for ever.
    done = subprocess.run([sys.executable, "-c", SPECIAL_FILE, str(kit)], capture_output=True,
                          text=True, timeout=20)
    assert done.stdout == "True\n", done.stderr


def test_a_folder_that_cannot_hold_a_lock_opens_the_kit_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = make_kit(tmp_path)
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    lock = KitLock(kit)
    assert lock.acquire() is None and not lock.owned
    assert not lock_path(kit).exists()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["pid", "host", "user", "started", "x"]), children,
                      max_size=5),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(contents=st.binary(max_size=600) | JSON_VALUES.map(
    lambda v: json.dumps(v).encode()))
def test_any_lock_contents_let_the_kit_open_once_left_a_while(contents: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        kit = make_kit(Path(folder))
        lock_path(kit).write_bytes(contents)
        KitLock(kit).acquire()  # held or not, never an exception
        a_day_ago = time.time() - 24 * 3600
        if lock_path(kit).exists():
            os.utime(lock_path(kit), (a_day_ago, a_day_ago))
        # Not even a sensible lock of another machine's presskit counts as held after a day.
        assert KitLock(kit).acquire() is None

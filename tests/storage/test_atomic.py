"""Saving never loses work: a failed or interrupted write leaves the previous file intact.

Tests run as root, for whom file permissions do not block writes, so failures are simulated
by making the operating system calls themselves fail.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from presskit.model import Kit
from presskit.model.problems import PresskitError
from presskit.storage import StorageError, atomic_write, load_kit, save_kit
from presskit.storage.atomic import temps


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_gets_exactly_the_bytes_or_the_utf8_text(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.bin", b"\x00\xff")
    atomic_write(tmp_path / "b.txt", "Ελένη\n")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\xff"
    assert (tmp_path / "b.txt").read_bytes() == "Ελένη\n".encode()
    assert leftovers(tmp_path) == []


def test_replacing_a_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "kit.presskit"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions_not_a_private_temp_files(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.pdf", b"%PDF")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o644


def test_when_the_final_rename_fails_the_old_file_is_intact_and_no_temp_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kit.presskit"
    target.write_text("previous version")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError) as caught:
        atomic_write(target, "half-baked")
    assert str(caught.value) == f"cannot write {target}: permission denied"
    assert isinstance(caught.value, PresskitError)
    assert target.read_text() == "previous version"
    assert leftovers(tmp_path) == []


def test_when_the_disk_fills_up_during_the_write_the_old_file_is_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.pdf"
    target.write_bytes(b"old pdf")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StorageError, match="no space left on device"):
        atomic_write(target, b"new pdf" * 1000)
    assert target.read_bytes() == b"old pdf"
    assert leftovers(tmp_path) == []


def test_an_interrupted_save_leaves_no_temp_file_and_is_not_disguised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kit.presskit"
    target.write_text("previous version")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "previous version"
    assert leftovers(tmp_path) == []


def test_writing_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "kit.pdf"
    with pytest.raises(StorageError) as caught:
        atomic_write(target, b"x")
    assert str(caught.value) == (
        f"cannot write {target}: the folder {target.parent} does not exist"
    )


def test_writing_over_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(StorageError, match=r"cannot write .*taken: is a directory"):
        atomic_write(tmp_path / "taken", b"x")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("points_at", ["a file outside", "nothing (dangling)"])
def test_a_link_where_presskit_would_write_is_refused_and_never_written_through(
    tmp_path: Path, points_at: str
) -> None:
    outside = tmp_path / "elsewhere" / ".bashrc"
    outside.parent.mkdir()
    if points_at == "a file outside":
        outside.write_bytes(b"export PATH=/usr/bin\n")
    link = tmp_path / "kit.pdf"
    link.symlink_to(outside)
    with pytest.raises(StorageError) as caught:
        atomic_write(link, b"%PDF-1.4 the kit's text")
    assert str(caught.value).startswith(f"cannot write {link}: it is a symbolic link;")
    assert "does not write through links" in str(caught.value)
    assert link.is_symlink() and os.readlink(link) == str(outside)
    if points_at == "a file outside":
        assert outside.read_bytes() == b"export PATH=/usr/bin\n"
    else:
        assert not outside.exists()
    assert leftovers(tmp_path) == []


def test_a_failed_project_save_keeps_the_previous_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "kit.presskit"
    save_kit(Kit(title="First version"), project)

    def crash(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StorageError, match="input/output error"):
        save_kit(Kit(title="Second version"), project)
    monkeypatch.undo()
    assert load_kit(project).kit.title == "First version"
    assert leftovers(tmp_path) == []


def test_a_pipe_or_device_at_the_target_is_refused_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/full`` run as root must not swap the device for a regular file."""
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(StorageError, match="not a regular file"):
        atomic_write(fifo, b"%PDF")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_the_temp_file_holds_the_data_only_with_the_targets_own_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 0600 file's new content is never readable by others, not even before the rename
    (nor in a temp left by a kill, which is what the temp is at the moment of fsync)."""
    target = tmp_path / "private.presskit"
    target.write_text("old secret")
    target.chmod(0o600)
    seen: list[int] = []
    real_fsync = os.fsync

    def observing(fd: int) -> None:
        status = os.fstat(fd)
        if stat.S_ISREG(status.st_mode) and status.st_size:
            seen.append(stat.S_IMODE(status.st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", observing)
    umask = os.umask(0o022)
    try:
        atomic_write(target, "new secret")
    finally:
        os.umask(umask)
    assert seen == [0o600]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == "new secret"


@pytest.mark.parametrize("name", [
    "a" * 251 + ".pdf",  # 255 bytes: the longest name ext4, XFS, APFS and NTFS take
    "Ελένη" * 24 + "-press-kit.md",  # 253 bytes of two-byte characters
])
def test_any_name_the_folder_accepts_can_be_written_even_at_the_length_limit(
    tmp_path: Path, name: str
) -> None:
    assert 240 <= len(name.encode()) <= 255
    atomic_write(tmp_path / name, b"old")
    atomic_write(tmp_path / name, b"new")
    assert (tmp_path / name).read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_a_killed_write_to_a_long_name_leaves_a_temp_the_next_write_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / ("b" * 250 + ".pdf")
    target.write_bytes(b"old")

    def killed(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda path: None)  # a killed process removes nothing
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    monkeypatch.undo()
    (left,) = leftovers(tmp_path)
    assert len(left.encode()) <= 255
    os.utime(tmp_path / left, ns=(0, 0))  # from a process that ran before this one
    atomic_write(target, b"newer")
    assert target.read_bytes() == b"newer"
    assert leftovers(tmp_path) == []


def test_a_name_too_long_for_any_folder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    target = tmp_path / ("c" * 253 + ".pdf")
    with pytest.raises(StorageError) as caught:
        atomic_write(target, b"x")
    assert str(caught.value) == (
        f"cannot write {target}: its name is 257 bytes long, more than the 255 its folder "
        "allows; choose a shorter name"
    )


def test_an_app_open_all_day_cleans_up_after_a_command_killed_since_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(temps, "_STARTED_NS", 0)  # this process has run since long ago
    target = tmp_path / "kit.pdf"
    old, recent = tmp_path / ".kit.pdf.0123abcd.tmp", tmp_path / ".kit.pdf.89abcdef.tmp"
    old.write_bytes(b"killed an hour ago")
    recent.write_bytes(b"being written right now")
    an_hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(old, ns=(an_hour_ago, an_hour_ago))
    atomic_write(target, b"new")
    assert not old.exists() and recent.exists()

"""Saving never loses work: a failed or interrupted write leaves the previous file intact.

Tests run as root, for whom file permissions do not block writes, so failures are simulated
by making the operating system calls themselves fail.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from presskit.model import Kit
from presskit.model.problems import PresskitError
from presskit.storage import StorageError, atomic_write, load_kit, save_kit


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


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.presskit"
    real.write_text("old")
    link = tmp_path / "link.presskit"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


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

"""Files that belong together are replaced together, and files that must be new are made
only where nothing is: an e-mail's HTML and text are both the new pair or both the old one,
and a lock file is never written over anything, not even a dangling link.

Failures are injected into the operating system calls themselves (the tests run as root,
for whom permissions do not block writes).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from presskit.storage import StorageError, create_new, replace_all


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail_on(monkeypatch: pytest.MonkeyPatch, name: str, call: str = "replace") -> None:
    """Make ``os.<call>`` fail (disk error) for the target called ``name``, as a full or
    failing disk would on the second file of a set."""
    real = getattr(os, call)

    def failing(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if Path(str(dst)).name == name:
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, call, failing)


def test_when_the_second_file_of_a_pair_cannot_be_put_in_place_the_old_pair_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    html.write_text("<p>old</p>")
    txt.write_text("old")
    fail_on(monkeypatch, "kit.txt")
    with pytest.raises(StorageError) as caught:
        replace_all({html: "<p>new</p>", txt: "new"})
    assert str(caught.value) == f"cannot write {txt}: input/output error"
    assert html.read_text() == "<p>old</p>" and txt.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_when_the_second_file_cannot_be_written_the_first_is_not_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    html.write_text("<p>old</p>")
    txt.write_text("old")
    inode = html.stat().st_ino
    calls = []

    def disk_full_on_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full_on_second)
    with pytest.raises(StorageError, match=f"cannot write {txt}: no space left on device"):
        replace_all({html: "<p>new</p>", txt: "new"})
    assert html.read_text() == "<p>old</p>" and html.stat().st_ino == inode
    assert txt.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_a_new_pair_that_fails_half_way_leaves_neither_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    fail_on(monkeypatch, "kit.txt")
    with pytest.raises(StorageError):
        replace_all({html: "<p>new</p>", txt: "new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_link_at_any_name_of_a_set_refuses_the_whole_set_before_anything_is_written(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    html.write_text("<p>old</p>")
    txt.symlink_to(outside)
    with pytest.raises(StorageError, match=f"cannot write {txt}: it is a symbolic link"):
        replace_all({html: "<p>new</p>", txt: "new"})
    assert html.read_text() == "<p>old</p>" and outside.read_text() == "keep me"
    assert txt.is_symlink() and leftovers(tmp_path) == []


def test_a_whole_new_set_replaces_the_old_one(tmp_path: Path) -> None:
    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    html.write_text("<p>old</p>")
    html.chmod(0o640)
    replace_all({html: "<p>new</p>", txt: b"new"})
    assert html.read_text() == "<p>new</p>" and txt.read_text() == "new"
    assert html.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_file_that_must_be_new_is_made_whole_where_nothing_is(tmp_path: Path) -> None:
    lock = tmp_path / ".kit.presskit.lock"
    create_new(lock, b'{"pid": 42}\n')
    assert lock.read_bytes() == b'{"pid": 42}\n'
    with pytest.raises(FileExistsError):
        create_new(lock, b'{"pid": 43}\n')
    assert lock.read_bytes() == b'{"pid": 42}\n'
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("planted", ["a dangling link", "a link to a file", "a folder"])
def test_a_file_that_must_be_new_is_never_made_over_or_through_anything(
    tmp_path: Path, planted: str
) -> None:
    outside = tmp_path / "profile"
    lock = tmp_path / ".kit.presskit.lock"
    if planted == "a folder":
        lock.mkdir()
    else:
        if planted == "a link to a file":
            outside.write_text("keep me")
        lock.symlink_to(outside)
    with pytest.raises(FileExistsError):
        create_new(lock, b'{"pid": 42}\n')
    if planted == "a dangling link":
        assert not outside.exists()
    elif planted == "a link to a file":
        assert outside.read_text() == "keep me"
    assert leftovers(tmp_path) == []


def test_a_file_that_must_be_new_is_made_where_hard_links_are_not_supported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    lock = tmp_path / "lock"
    create_new(lock, b"mine")
    assert lock.read_bytes() == b"mine"
    with pytest.raises(FileExistsError):
        create_new(lock, b"theirs")
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError):
        create_new(dangling, b"theirs")
    assert not (tmp_path / "nowhere").exists() and leftovers(tmp_path) == []


def test_a_file_that_must_be_new_names_itself_when_it_cannot_be_written(tmp_path: Path) -> None:
    lock = tmp_path / "missing" / "lock"
    with pytest.raises(StorageError, match=f"cannot write {lock}: no such file or directory"):
        create_new(lock, b"x")

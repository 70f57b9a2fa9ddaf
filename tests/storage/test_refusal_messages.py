"""What a refused file says, word for word, and where it points: the message is all a press
officer gets to find and mend the line, so a changed word or a lost place is a regression."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from presskit.storage import ProjectFileError, load_kit, loads_kit
from presskit.storage.inputs import InputError, read_bounded, read_input
from presskit.storage.locks import file_lock
from presskit.storage.locks.owner import this_process
from presskit.storage.reader import MAX_YAML_BYTES

KIT = "presskit: 1\nkit: {title: Briefing}\n"


@pytest.mark.parametrize(("text", "message", "where", "line", "column"), [
    ("presskit: 1\n", "missing required field 'kit' (title, date…)", ("kit",), 1, 1),
    ("presskit: 99\nkit: {title: a}\n",
     "this file was written by a newer presskit (format version 99); this presskit reads "
     "format version 1 — update presskit", ("presskit",), 1, 11),
    ("presskit: 0\nkit: {title: a}\n",
     "presskit: there is no format version 0 (the first is 1)", ("presskit",), 1, 11),
    (KIT + "sections: 3\n",
     "sections: expected a list of items (lines starting with '- '), got '3'",
     ("sections",), 3, 11),
    (KIT + "sections: [3]\n", "sections[0]: expected an item (key: value lines), got '3'",
     ("sections", 0), 3, 12),
    (KIT + "sections: [{type: nope, id: a}]\n",
     "sections[0].type: unknown section type 'nope'; the section types are lead, contact, "
     "callout, quotes, text, bios, about", ("sections", 0, "type"), 3, 19),
])
def test_a_refused_kit_says_what_is_wrong_and_points_at_its_line_and_field(
        tmp_path: Path, text: str, message: str, where: tuple[object, ...], line: int,
        column: int) -> None:
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, tmp_path / "kit.presskit")
    [error] = [p for p in caught.value.problems if p.severity.name == "ERROR"]
    assert error.message == message
    assert error.where == where
    assert (getattr(error, "line", None), getattr(error, "column", None)) == (line, column)
    assert f"kit.presskit:{line}:{column}: error: {message}" in str(caught.value)


def test_a_huge_file_is_refused_as_no_presskit_file_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.presskit"
    big.write_bytes(b"#" * (MAX_YAML_BYTES + 1))
    with pytest.raises(ProjectFileError) as caught:
        load_kit(big)
    assert str(caught.value) == (
        f"{big}: error: the file is larger than 50 MB, far more than any presskit file; it "
        "was not read (is it really a kit?)")


def test_a_file_that_cannot_be_opened_says_why(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300)
    with pytest.raises(InputError) as caught:
        read_input(path, 1000)
    assert str(caught.value).endswith("cannot be read (file name too long)")


class _FailingRead(io.FileIO):
    def read(self, size: int | None = -1) -> bytes:
        raise OSError(errno.EIO, "Input/output error")


def test_a_file_whose_reading_fails_says_why(tmp_path: Path) -> None:
    path = tmp_path / "kit.presskit"
    path.write_text(KIT)
    with _FailingRead(path) as stream, pytest.raises(InputError) as caught:
        read_bounded(stream, path, 1000)
    assert str(caught.value).endswith("cannot be read (input/output error)")


def _own_lock(path: Path) -> None:
    file_lock.create(path, this_process())


def test_a_lock_is_kept_fresh_where_a_handle_cannot_be_touched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows touches the lock by its name, once it is seen to be the same file."""
    lock = tmp_path / ".kit.presskit.lock"
    _own_lock(lock)
    os.utime(lock, (0, 0))
    monkeypatch.setattr(os, "supports_fd", set())
    assert file_lock.refresh(lock)
    assert lock.stat().st_mtime > 1e9


def test_a_stale_lock_removed_meanwhile_by_another_is_no_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lock = tmp_path / ".kit.presskit.lock"
    lock.write_text("{}")
    ident = (lock.stat().st_dev, lock.stat().st_ino)
    real_unlink = os.unlink

    def gone_meanwhile(path: object, *args: object, **kwargs: object) -> None:
        real_unlink(path)  # type: ignore[arg-type]
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))

    monkeypatch.setattr(os, "unlink", gone_meanwhile)
    file_lock._remove(lock, ident)  # no error: it is gone, as wanted
    assert not lock.exists()


def test_a_stale_lock_that_cannot_be_removed_for_another_reason_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lock = tmp_path / ".kit.presskit.lock"
    lock.write_text("{}")
    ident = (lock.stat().st_dev, lock.stat().st_ino)

    def busy(path: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy", str(path))

    monkeypatch.setattr(os, "unlink", busy)
    with pytest.raises(OSError) as caught:
        file_lock._remove(lock, ident)
    assert caught.value.errno == errno.EBUSY

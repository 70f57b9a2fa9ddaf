"""The cache folder's entries, helper by helper in one process: the folders made private one
level at a time, a link, a file or another user's folder where one should be said once in the
log and never used, and an entry that is a link, a pipe or a folder never read or written
through. (``test_cache_folders.py`` exports in processes of their own.)"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from support.special_files import fifo, refused_without_blocking

from presskit.render import cache_entries
from presskit.render.images import cache as image_cache


def cache_folder_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the log said about cache folders it would not use."""
    return [r.getMessage() for r in caplog.records if "cache folder" in r.getMessage()]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache home, and the "said so once" memory of the log forgotten."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache_entries, "_reported", set())
    return tmp_path / "cache"


def test_the_cache_folders_are_made_private_one_level_at_a_time(cache_home: Path) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"kept")
    for level in (cache_home / "presskit", cache_home / "presskit" / "images"):
        assert level.is_dir() and not level.is_symlink()
        assert level.stat().st_mode & 0o777 == 0o700, oct(level.stat().st_mode)
    assert cache_entries.read_entry(entry, 4) == b"kept"  # exactly the limit: read
    assert cache_entries.read_entry(entry, 3) is None  # one byte more than allowed


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
@pytest.mark.parametrize("level", ["presskit", "presskit/images"])
def test_a_link_for_a_cache_folder_is_said_once_and_never_used(
    cache_home: Path, level: str, caplog: pytest.LogCaptureFixture
) -> None:
    elsewhere = cache_home.parent / "elsewhere"
    (elsewhere / "images").mkdir(parents=True)
    (elsewhere / "images" / "a.image").write_bytes(b"planted")
    (cache_home / level).parent.mkdir(parents=True, exist_ok=True)
    (cache_home / level).symlink_to(elsewhere / ("images" if "/" in level else ""),
                                    target_is_directory=True)
    entry = image_cache.cache_dir() / "a.image"
    for _ in range(3):
        assert cache_entries.read_entry(entry, 100) is None
        assert not cache_entries.write_entry(entry.with_name("b.image"), b"ours")
    assert not (elsewhere / "images" / "b.image").exists()
    assert not (elsewhere / "b.image").exists()
    said = cache_folder_messages(caplog)
    assert said == [f"not using the cache folder {cache_home / level}: it is a symbolic link; "
                    "presskit does not write through links"]


def test_a_file_where_a_cache_folder_should_be_is_said_once(
    cache_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (cache_home / "presskit").mkdir(parents=True)
    (cache_home / "presskit" / "fonts").write_bytes(b"not a folder")
    entry = cache_entries.cache_folder("fonts") / "a.font"
    assert not cache_entries.write_entry(entry, b"ours")
    assert not cache_entries.write_entry(entry, b"ours")
    said = cache_folder_messages(caplog)
    assert said == [f"not using the cache folder {cache_home / 'presskit' / 'fonts'}: "
                    "it is not a folder"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder owners are POSIX")
def test_a_cache_folder_of_another_user_is_said_to_be_theirs(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"ours")
    someone_else = os.getuid() + 1
    monkeypatch.setattr(os, "getuid", lambda: someone_else)
    assert not cache_entries.write_entry(entry, b"theirs")
    said = cache_folder_messages(caplog)
    assert said == [f"not using the cache folder {cache_home / 'presskit'}: "
                    "it belongs to another user"]


def test_a_home_where_nothing_can_be_made_is_quietly_no_cache(
    cache_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache_home.mkdir()
    cache_home.chmod(0o500)
    try:
        if os.access(cache_home, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        assert not cache_entries.write_entry(image_cache.cache_dir() / "a.image", b"ours")
    finally:
        cache_home.chmod(0o700)
    assert not [r for r in caplog.records if "cache folder" in r.getMessage()]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_an_entry_that_is_a_link_a_pipe_or_a_folder_is_not_read(cache_home: Path) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"ours")
    target = cache_home.parent / "target"
    target.write_bytes(b"planted")
    link = entry.with_name("link.image")
    link.symlink_to(target)
    pipe = fifo(entry.with_name("pipe.image"))
    folder = entry.with_name("folder.image")
    folder.mkdir()
    with refused_without_blocking(pipe):
        assert [cache_entries.read_entry(p, 100) for p in (link, pipe, folder)] == [None] * 3
    assert cache_entries.read_entry(entry, 100) == b"ours"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_writing_and_touching_an_entry_that_is_a_link_leaves_its_target_alone(
    cache_home: Path,
) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry.with_name("other.image"), b"make the folders")
    target = cache_home.parent / "target"
    target.write_bytes(b"planted")
    os.utime(target, ns=(10**9, 10**9))
    entry.symlink_to(target)
    os.utime(entry, ns=(10**9, 10**9), follow_symlinks=False)
    cache_entries.touch(entry)  # the link itself, not what it points to
    assert target.stat().st_mtime_ns == 10**9
    assert entry.lstat().st_mtime_ns > 10**9
    assert cache_entries.write_entry(entry, b"ours")
    assert not entry.is_symlink() and entry.read_bytes() == b"ours"
    assert target.read_bytes() == b"planted"
    os.utime(entry, ns=(10**9, 10**9))
    cache_entries.touch(entry)
    assert entry.stat().st_mtime_ns > 10**9


def test_reading_from_a_cache_not_made_yet_makes_nothing_and_says_nothing(
    cache_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert cache_entries.read_entry(image_cache.cache_dir() / "a.image", 100) is None
    assert not cache_home.exists()
    cache_entries.touch(image_cache.cache_dir() / "a.image")  # gone meanwhile: nothing
    assert not [r for r in caplog.records if "cache folder" in r.getMessage()]


def test_a_cache_home_under_folders_not_made_yet_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "new" / "home" / "cache"))
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"ours")
    assert entry.read_bytes() == b"ours"


def test_a_cache_home_that_is_a_file_is_said_once_with_the_systems_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(cache_entries, "_reported", set())
    home = tmp_path / "cache"
    home.write_bytes(b"a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.read_entry(entry, 100) is None
    assert not cache_entries.write_entry(entry, b"ours")
    said = cache_folder_messages(caplog)
    assert said == [f"not using the cache folder {home / 'presskit'}: Not a directory"]


def test_an_entry_that_cannot_be_written_is_said_not_written(cache_home: Path) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry.with_name("b.image"), b"make the folders")
    entry.mkdir()  # a folder in the entry's place
    assert not cache_entries.write_entry(entry, b"ours")


def test_an_entry_that_grew_after_it_was_measured_is_not_read_beyond_its_limit(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, bytes(1000))
    real_fstat, real_fdopen = os.fstat, os.fdopen
    asked: list[int] = []

    def measured_small(fd: int) -> os.stat_result:  # as if it grew after os.fstat
        status = real_fstat(fd)
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:]))

    def spying_fdopen(fd: int, *args: object) -> object:
        stream = real_fdopen(fd, *args)
        real_read = stream.read

        def read(size: int | None = -1) -> bytes:
            asked.append(-1 if size is None else size)
            return real_read(size)

        stream.read = read
        return stream

    monkeypatch.setattr(os, "fstat", measured_small)
    monkeypatch.setattr(os, "fdopen", spying_fdopen)
    assert cache_entries.read_entry(entry, 100) is None
    assert asked == [101]


def test_reading_an_entry_closes_the_file_it_opened_and_nothing_else(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, bytes(1000))
    closed: list[int] = []
    real_close = os.close
    monkeypatch.setattr(os, "close", lambda fd: (closed.append(fd), real_close(fd)))
    assert cache_entries.read_entry(entry, 1000) == bytes(1000)
    assert closed == []  # the stream closed its own descriptor
    # Opened as descriptor 0 (a process started without standard input) and refused:
    saved = os.dup(0)
    real_close(0)
    try:
        assert cache_entries.read_entry(entry, 10) is None
        assert closed == [0]
        with pytest.raises(OSError):
            os.fstat(0)
    finally:
        os.dup2(saved, 0)
        real_close(saved)


def test_a_junction_for_a_cache_folder_is_refused_as_a_link(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """On Windows a junction is a folder that ``lstat`` marks as a reparse point, not as a
    link: it is refused as one all the same (its attribute is faked here, on any system)."""
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"ours")  # the folders exist, and are ours
    real_lstat = os.lstat

    def as_junction(path: Any) -> Any:
        status = real_lstat(path)
        if Path(path) != entry.parent:
            return status
        return SimpleNamespace(st_mode=status.st_mode, st_uid=status.st_uid,
                               st_file_attributes=stat.FILE_ATTRIBUTE_REPARSE_POINT | 0x10)

    monkeypatch.setattr(cache_entries.os, "lstat", as_junction)
    assert cache_entries.read_entry(entry, 100) is None
    said = cache_folder_messages(caplog)
    assert said == [f"not using the cache folder {entry.parent}: it is a symbolic link; "
                    "presskit does not write through links"]

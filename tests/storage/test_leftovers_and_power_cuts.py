"""What a save leaves on disk beside its target, and what survives a power cut.

A save clears away the temp files a killed writer left (``.NAME.<8 hex digits>.tmp``), and
only those: a user's own file that merely looks like one stays. A save survives a power cut
because the new data is on the disk before the rename makes it the file, and the rename
itself is on the disk (its folder synced) before the save says it is done.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from presskit.storage import atomic_write
from presskit.storage.atomic import create_new, replace_all, temps

#: Names beside ``kit.presskit`` that look like its temps but are not: a user's files.
LOOK_ALIKES = (
    ".kit.presskit.notes.tmp",          # not 8 hex digits
    ".kit.presskit.0123ABCD.tmp",       # upper case: presskit writes lower case
    ".kit.presskit.0123abc.tmp",        # 7 digits
    ".kit.presskit.0123abcde.tmp",      # 9 digits
    ".kit.presskit..tmp",               # no token at all
    ".kit.presskit.0123abcd.tmp.bak",   # a backup of one
    ".kit.presskit.0123abcd.txt",       # another suffix
    "kit.presskit.0123abcd.tmp",        # not hidden
    ".kit.presskitx0123abcd.tmp",       # not a dot after the name
    "..kit.presskit.0123abcd.tmp",      # two dots before it
    ".xkit.presskit.0123abcd.tmp",      # another name ending the same way
    ".kit.pressk.0123abcd.tmp",         # a name the target's begins with
    ".other.presskit.0123abcd.tmp",     # another file's temp
)
LEFTOVER = ".kit.presskit.0123abcd.tmp"


def plant_old(folder: Path, names: tuple[str, ...]) -> None:
    """Files last touched before this process started, as a killed writer's would be."""
    for name in names:
        (folder / name).write_text(f"the user's {name}")
        os.utime(folder / name, ns=(0, 0))


def test_look_alike_files_beside_a_target_survive_a_save_and_only_the_leftover_goes(
    tmp_path: Path,
) -> None:
    plant_old(tmp_path, (*LOOK_ALIKES, LEFTOVER))
    atomic_write(tmp_path / "kit.presskit", "new")
    assert (tmp_path / "kit.presskit").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*LOOK_ALIKES, "kit.presskit"])
    for name in LOOK_ALIKES:
        assert (tmp_path / name).read_text() == f"the user's {name}"


def test_look_alike_files_survive_a_killed_save_and_the_save_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kit.presskit"
    target.write_text("old")
    plant_old(tmp_path, LOOK_ALIKES)

    def killed(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda path: None)  # a killed process removes nothing
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    monkeypatch.undo()
    left = {p.name for p in tmp_path.iterdir()} - {*LOOK_ALIKES, "kit.presskit"}
    (temp,) = left
    assert temps.is_temp_of(temp, target)
    os.utime(tmp_path / temp, ns=(0, 0))  # the killed writer was another, earlier process
    atomic_write(target, "newer")
    assert target.read_text() == "newer"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*LOOK_ALIKES, "kit.presskit"])


def test_a_leftover_of_this_process_or_of_the_last_ten_minutes_is_kept_an_older_one_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kit.presskit"
    now = temps.time.time_ns()
    monkeypatch.setattr(temps, "_STARTED_NS", now - 3600 * 10**9)  # an app open for an hour
    ages = {"0000000a": 11 * 60, "0000000b": 9 * 60, "0000000c": 5}
    for token, seconds in ages.items():
        path = tmp_path / f".kit.presskit.{token}.tmp"
        path.write_text("half")
        os.utime(path, ns=(now - seconds * 10**9, now - seconds * 10**9))
    removed = temps.remove_stale_temps(target)
    assert [p.name for p in removed] == [".kit.presskit.0000000a.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".kit.presskit.0000000b.tmp", ".kit.presskit.0000000c.tmp"]


class Disk:
    """A spy on the calls that decide what a power cut leaves: which file or folder each
    ``fsync`` reached, with what data, and every rename, in order; and the folder
    descriptors opened and not closed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[str, int, bytes | None]] = []  # (kind, inode, data)
        self.open_folders: set[int] = set()
        real_fsync, real_replace = os.fsync, os.replace
        real_open, real_close = os.open, os.close

        def fsync(fd: int) -> None:
            status = os.fstat(fd)
            data = None
            if stat.S_ISREG(status.st_mode):
                data = Path(os.readlink(f"/proc/self/fd/{fd}")).read_bytes()
            kind = "sync folder" if stat.S_ISDIR(status.st_mode) else "sync file"
            self.events.append((kind, status.st_ino, data))
            real_fsync(fd)

        def replace(src: str | Path, dst: str | Path) -> None:
            self.events.append(("rename", os.stat(src).st_ino, None))
            real_replace(src, dst)

        def open_(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
            fd = real_open(path, flags, *args, **kwargs)
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                self.open_folders.add(fd)
            return fd

        def close(fd: int) -> None:
            self.open_folders.discard(fd)
            real_close(fd)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "open", open_)
        monkeypatch.setattr(os, "close", close)

    def index(self, kind: str, inode: int) -> int:
        return next(i for i, (k, ino, _) in enumerate(self.events) if (k, ino) == (kind, inode))

    def synced_data(self, inode: int, before: int) -> bytes | None:
        """What a power cut just before event ``before`` keeps of the file ``inode``."""
        kept = [data for kind, ino, data in self.events[:before]
                if kind == "sync file" and ino == inode]
        return kept[-1] if kept else None


needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="reads which file a descriptor is from /proc")


@needs_proc
@pytest.mark.parametrize("existed", [False, True], ids=["new file", "replaced file"])
def test_a_save_has_its_data_on_disk_before_the_rename_and_the_rename_before_it_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existed: bool
) -> None:
    target = tmp_path / "kit.presskit"
    if existed:
        target.write_bytes(b"old")
    disk = Disk(monkeypatch)
    atomic_write(target, b"the whole new kit")
    monkeypatch.undo()
    inode = target.stat().st_ino
    rename = disk.index("rename", inode)
    # A power cut at the rename: the name points at data that is on the disk, all of it.
    assert disk.synced_data(inode, before=rename) == b"the whole new kit"
    # The rename is on the disk before the save returns: the folder was synced after it.
    assert disk.index("sync folder", tmp_path.stat().st_ino) > rename
    assert disk.open_folders == set()


@needs_proc
def test_a_set_of_files_is_on_disk_before_any_of_it_is_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, text = tmp_path / "mail.html", tmp_path / "mail.txt"
    html.write_text("old html")
    text.write_text("old text")
    disk = Disk(monkeypatch)
    replace_all({html: "<p>new</p>", text: "new"})
    monkeypatch.undo()
    first_rename = min(disk.index("rename", p.stat().st_ino) for p in (html, text))
    assert disk.synced_data(html.stat().st_ino, before=first_rename) == b"<p>new</p>"
    assert disk.synced_data(text.stat().st_ino, before=first_rename) == b"new"
    last_rename = max(disk.index("rename", p.stat().st_ino) for p in (html, text))
    folder_syncs = [i for i, (kind, ino, _) in enumerate(disk.events)
                    if (kind, ino) == ("sync folder", tmp_path.stat().st_ino)]
    assert folder_syncs and folder_syncs[-1] > last_rename
    assert disk.open_folders == set()


@needs_proc
def test_a_new_file_such_as_a_lock_is_whole_on_disk_and_its_name_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / ".kit.presskit.lock"
    disk = Disk(monkeypatch)
    create_new(lock, b"pid 42")
    monkeypatch.undo()
    inode = lock.stat().st_ino
    synced = [i for i, (kind, ino, data) in enumerate(disk.events)
              if kind == "sync file" and ino == inode and data == b"pid 42"]
    folder = [i for i, (kind, ino, _) in enumerate(disk.events)
              if (kind, ino) == ("sync folder", tmp_path.stat().st_ino)]
    assert synced and folder and folder[-1] > synced[0]
    assert disk.open_folders == set()


def test_a_record_of_exactly_the_largest_size_is_still_finished_one_byte_more_is_not(
    tmp_path: Path,
) -> None:
    from presskit.model.limits import MAX_SET_RECORD_BYTES

    for extra, finished in ((0, True), (1, False)):
        folder = tmp_path / f"plus-{extra}"
        folder.mkdir()
        (folder / "kit.txt").write_text("old")
        (folder / ".kit.txt.0123abcd.tmp").write_text("new, written before the kill")
        (folder / ".kit.html.0123abcd.tmp").write_text("<p>new</p>")
        record = {"presskit-set": 1, "files": [["kit.html", ".kit.html.0123abcd.tmp"],
                                               ["kit.txt", ".kit.txt.0123abcd.tmp"]]}
        text = json.dumps(record)
        padded = text[:-1] + " " * (MAX_SET_RECORD_BYTES + extra - len(text)) + "}"
        (folder / ".presskit-set.0123456789abcdef.json").write_text(padded)
        assert (folder / ".presskit-set.0123456789abcdef.json").stat().st_size == (
            MAX_SET_RECORD_BYTES + extra)
        for path in folder.iterdir():
            os.utime(path, ns=(0, 0))
        atomic_write(folder / "kit.html", "<p>next write</p>")
        expected = "new, written before the kill" if finished else "old"
        assert (folder / "kit.txt").read_text() == expected


def test_a_set_without_pictures_makes_no_pictures_folder(tmp_path: Path) -> None:
    from presskit.storage import replace_with_folder

    html, pictures = tmp_path / "kit.html", tmp_path / "kit-pictures"
    replace_with_folder({html: "<p>no pictures</p>"}, pictures, {})
    assert html.read_text() == "<p>no pictures</p>"
    assert not pictures.exists()
    replace_with_folder({html: "<p>one</p>"}, pictures, {"logo.png": b"png"})
    assert (pictures / "logo.png").read_bytes() == b"png"


def test_without_hard_links_a_set_that_fails_half_way_still_gets_its_old_files_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system with no hard links (FAT, some network shares) the old content is
    kept as a copy instead, and put back from it."""
    from presskit.storage import StorageError

    html, txt = tmp_path / "kit.html", tmp_path / "kit.txt"
    html.write_bytes(b"<p>old \x00\xff</p>")
    txt.write_text("old")
    real_replace = os.replace

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == txt:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(StorageError):
        replace_all({html: "<p>new</p>", txt: "new"})
    monkeypatch.undo()
    assert html.read_bytes() == b"<p>old \x00\xff</p>" and txt.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit.html", "kit.txt"]

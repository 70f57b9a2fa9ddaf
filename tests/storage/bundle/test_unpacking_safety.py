"""Unpacking writes only into the folder the user named, never through a link planted there
(even while it unpacks), cleans up after an unbundle that was killed, and never blocks on, or
reads, a bundle path that is a pipe or a device."""

from __future__ import annotations

import errno
import os
import signal
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from support.bundle_archives import KIT_NAME, MINIMAL_KIT, listing, member, write_archive
from support.examples import CNAS_KIT

import presskit.storage.bundle.placing as placing
import presskit.storage.bundle.reader as reader
from presskit.formats.bundle import BundleError, read_bundle, write_bundle
from presskit.storage.bundle.format import MAX_ENTRIES

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX files")
LONG_AGO = 1_000_000_000  # 2001: before any process running these tests started


@pytest.fixture
def good_bundle(tmp_path: Path) -> Path:
    bundle: Path = write_bundle(CNAS_KIT, tmp_path / "cnas.presskitz").path
    return bundle


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    chosen = tmp_path / "colleague"
    chosen.mkdir()
    return chosen


def leftover(folder: Path, name: str) -> Path:
    """What an unbundle killed long ago left: its working folder, half full."""
    work = folder / name
    (work / "photos").mkdir(parents=True)
    (work / "photos" / "big.jpg").write_bytes(b"\xff" * 4096)
    for path in (work / "photos" / "big.jpg", work / "photos", work):
        os.utime(path, (LONG_AGO, LONG_AGO))
    return work


def test_the_working_folder_an_unbundle_killed_long_ago_left_is_removed_by_the_next_one(
    good_bundle: Path, folder: Path
) -> None:
    stale = leftover(folder, ".presskit-unbundle-k1ll3d_x")
    read_bundle(good_bundle, folder)
    assert not os.path.lexists(stale)
    assert not [n for n in os.listdir(folder) if n.startswith(".presskit-unbundle-")]


@posix_only
def test_folders_and_links_presskit_did_not_make_are_never_removed(
    good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    mine = leftover(folder, ".presskit-unbundle-my-notes")      # not presskit's name pattern
    other = leftover(folder, "presskit-unbundle-k1ll3d_x")      # no leading dot
    longer = leftover(folder, ".presskit-unbundle-k1ll3d_xy")   # one character more
    running = folder / ".presskit-unbundle-runs_now"            # another unbundle, still busy
    (running / "photos").mkdir(parents=True)
    target = leftover(tmp_path, "precious")
    link = folder / ".presskit-unbundle-l1nk3d_x"
    link.symlink_to(target, target_is_directory=True)
    os.utime(link, (LONG_AGO, LONG_AGO), follow_symlinks=False)
    plain = folder / ".presskit-unbundle-f1l3d_xx"
    plain.write_text("a file of the user's")
    os.utime(plain, (LONG_AGO, LONG_AGO))
    kept = listing(tmp_path)

    read_bundle(good_bundle, folder)
    after = listing(tmp_path)
    for path in (mine, other, longer, running, target, link, plain):
        key = path.relative_to(tmp_path).as_posix()
        assert after[key] == kept[key]
        assert {k: v for k, v in after.items() if k.startswith(key + "/")} == {
            k: v for k, v in kept.items() if k.startswith(key + "/")}


@pytest.mark.parametrize("way", ["posix", "no-hard-links", "by-path-as-on-windows"])
def test_a_bundle_unpacks_beside_the_files_already_in_the_folder(
    way: str, tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moving_like(way, monkeypatch)
    (folder / "photos").mkdir()
    (folder / "photos" / "mine.jpg").write_bytes(b"mine")
    kit = MINIMAL_KIT + b"experts:\n- id: kim\n  name: Kim\n  photo: photos/kim.jpg\n"
    bundle = write_archive(tmp_path / "b.presskitz", [
        member(KIT_NAME, kit), member("photos/kim.jpg", b"kim"), member("assets/logo.png")],
        with_kit=False)
    assert read_bundle(bundle, folder) == folder / KIT_NAME
    assert listing(folder) == {
        KIT_NAME: kit, "photos": "folder", "photos/mine.jpg": b"mine",
        "photos/kim.jpg": b"kim", "assets": "folder", "assets/logo.png": b"data"}


def test_a_refused_unbundle_leaves_no_working_folder(
    good_bundle: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> None:
        raise reader.BundleError("stopped")

    monkeypatch.setattr(reader, "loads_kit", broken)
    with pytest.raises(BundleError):
        read_bundle(good_bundle, folder)
    assert listing(folder) == {}


def test_a_bundle_whose_entry_is_named_like_presskits_working_folder_is_refused(
    tmp_path: Path, folder: Path
) -> None:
    bundle = write_archive(tmp_path / "sly.presskitz",
                           [member(".presskit-unbundle-abcd1234/x.jpg")])
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert "the entry '.presskit-unbundle-abcd1234/x.jpg'" in str(caught.value)
    assert listing(folder) == {}


@posix_only
@pytest.mark.parametrize("way", ["posix", "no-hard-links", "by-path-as-on-windows"])
@pytest.mark.parametrize("planted", ["assets", "assets/logo.png", "photos", "photos/kim.jpg"])
def test_a_link_planted_while_it_unpacks_is_never_written_through(
    planted: str, way: str, tmp_path: Path, folder: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program plants a link where a file or folder of the bundle will go, after the
    folder was checked and before the files are moved into place: to a folder elsewhere, or
    dangling (a write through it would make the file it names)."""
    moving_like(way, monkeypatch)
    kit = MINIMAL_KIT + b"experts:\n- id: kim\n  name: Kim\n  photo: photos/kim.jpg\n"
    bundle = write_archive(tmp_path / "b.presskitz", [
        member(KIT_NAME, kit), member("photos/kim.jpg"), member("assets/logo.png")],
        with_kit=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real_loads_kit = reader.loads_kit

    def plant_then_load(*args: Any) -> Any:
        place = folder / planted
        place.parent.mkdir(exist_ok=True)
        place.symlink_to(elsewhere if "/" not in planted else elsewhere / "file")
        return real_loads_kit(*args)

    monkeypatch.setattr(reader, "loads_kit", plant_then_load)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert "nothing was written" in str(caught.value)
    assert listing(elsewhere) == {}
    assert set(listing(folder)) == {planted, *({planted.split("/")[0]} - {planted})}
    assert os.path.islink(folder / planted)


@posix_only
def test_a_pipe_given_as_the_bundle_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, folder: Path
) -> None:
    pipe = tmp_path / "inbox.presskitz"
    os.mkfifo(pipe)
    with _alarm(20), pytest.raises(BundleError) as caught:
        read_bundle(pipe, folder)
    assert str(caught.value) == (f"{pipe}: not unpacked: it is not a file (a pipe or a device)"
                                 f"; nothing was written to {folder}")
    assert listing(folder) == {}


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_given_as_the_bundle_is_refused_before_it_is_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipfile, "ZipFile", _never)
    with pytest.raises(BundleError) as caught:
        read_bundle(Path("/dev/zero"), folder)
    assert "it is not a file (a pipe or a device)" in str(caught.value)


def test_a_central_directory_listing_too_many_entries_is_refused_before_it_is_parsed(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "many.presskitz"
    with zipfile.ZipFile(bundle, "w") as archive:
        for n in range(MAX_ENTRIES + 1):
            archive.writestr(f"{n}", b"")
    monkeypatch.setattr(zipfile, "ZipFile", _never)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert f"it has {MAX_ENTRIES + 1} entries, more than a bundle may hold" in str(caught.value)


def test_a_central_directory_far_larger_than_its_entries_need_is_refused_before_it_is_parsed(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A few entries whose headers each carry a 60 kB comment: a 100 MB central directory of
    them would become 100 MB of Python objects before any entry count is known."""
    bundle = tmp_path / "wide.presskitz"
    with zipfile.ZipFile(bundle, "w") as archive:
        for n in range(400):
            info = zipfile.ZipInfo(f"{n}")
            info.comment = b"x" * 60_000
            archive.writestr(info, b"")
    monkeypatch.setattr(zipfile, "ZipFile", _never)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert "its table of contents is larger than any bundle's" in str(caught.value)


def test_a_zip64_table_of_contents_claiming_a_billion_entries_is_refused_before_it_is_parsed(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = write_archive(tmp_path / "plain.presskitz", [member("photos/kim.jpg")])
    data = bundle.read_bytes()
    end = data.rindex(b"PK\x05\x06")
    table, offset = struct.unpack_from("<2L", data, end + 12)
    zip64_at = end
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 10**9, 10**9,
                         table, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, zip64_at, 1)
    last = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                       0xFFFFFFFF, 0)
    bundle.write_bytes(data[:end] + record + locator + last)
    monkeypatch.setattr(zipfile, "ZipFile", _never)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert f"it has {10**9} entries, more than a bundle may hold" in str(caught.value)


def moving_like(way: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Move files into place as on a POSIX disk, on one without hard links (FAT, some
    network shares), or by path as on Windows."""
    if way == "no-hard-links":
        def no_links(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(placing, "_BY_DESCRIPTOR", way != "by-path-as-on-windows")


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("zipfile was handed the file")


class _Hung(BaseException):
    pass


class _alarm:  # noqa: N801 - used as a context manager, named as one
    """Turns a call that would block for ever into a failure instead of a hung test run."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        def hung(*args: object) -> None:
            raise _Hung("blocked on the pipe")

        self.previous = signal.signal(signal.SIGALRM, hung)
        signal.alarm(self.seconds)

    def __exit__(self, *args: object) -> None:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self.previous)


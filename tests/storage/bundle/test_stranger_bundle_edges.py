"""Edges of a stranger's bundle: a manifest version below 1 is refused saying so, a headshot
of more than a megabyte that does not compress (a real JPEG) unpacks, a table of contents
whose own numbers happen to hold the zip end signature is still read where zipfile reads it
(so its entry count is checked), and a link planted deep in the chosen folder is reported by
the path it blocks."""

from __future__ import annotations

import os
import random
import struct
import zipfile
from pathlib import Path

import pytest
from support.bundle_archives import (
    KIT_NAME,
    MINIMAL_KIT,
    listing,
    manifest,
    member,
    write_archive,
)

from presskit.formats.bundle import BundleError, read_bundle
from presskit.storage.bundle.format import MAX_ENTRIES, RATIO_FLOOR
from presskit.storage.bundle.placing import Blocked, move_into_place


@pytest.mark.parametrize("version", [0, -1])
def test_a_manifest_whose_version_is_below_1_is_refused_saying_so(
    tmp_path: Path, version: int
) -> None:
    photo = member("photos/kim.jpg", b"\xff\xd8\xff photo")
    everything = [member(KIT_NAME, MINIMAL_KIT), photo]
    bundle = write_archive(tmp_path / "odd.presskitz", [photo],
                           manifest_data=manifest(everything, version=version))
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, tmp_path / "colleague")
    assert ("'manifest.json' is not a valid manifest: it has no valid \"version\""
            in str(caught.value)), caught.value
    assert not (tmp_path / "colleague").exists()


def test_a_headshot_larger_than_a_megabyte_that_does_not_compress_is_unpacked(
    tmp_path: Path,
) -> None:
    # A camera JPEG is already compressed: stored, it packs at 1 : 1, far from a zip bomb.
    data = b"\xff\xd8\xff\xe0" + random.Random(7).randbytes(RATIO_FLOOR + 64 * 1024)
    bundle = write_archive(tmp_path / "big.presskitz",
                           [member("photos/kim.jpg", data, compress=zipfile.ZIP_STORED)])
    kit = read_bundle(bundle, tmp_path / "colleague")
    assert (kit.parent / "photos" / "kim.jpg").read_bytes() == data


def test_a_table_of_contents_whose_numbers_hold_the_end_signature_is_still_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end record's entry counts are 0x4b50 ("PK") and its table size begins with 05 06:
    the signature shows up again inside the record. zipfile reads the record at the very
    end; so must the check, or the 19280 entries reach zipfile uncounted."""
    bundle = write_archive(tmp_path / "plain.presskitz", [member("photos/kim.jpg")])
    data = bundle.read_bytes()
    end = data.rindex(b"PK\x05\x06")
    offset = struct.unpack_from("<L", data, end + 16)[0]
    last = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0x4B50, 0x4B50, 0x0605, offset, 0)
    assert last[10:14] == b"PK\x05\x06"
    bundle.write_bytes(data[:end] + last)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("zipfile was handed the file")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, tmp_path / "colleague")
    assert (f"it has {0x4B50} entries, more than a bundle may hold ({MAX_ENTRIES})"
            in str(caught.value)), caught.value


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX links")
def test_a_link_planted_two_folders_deep_is_refused_naming_its_path(tmp_path: Path) -> None:
    work, chosen, elsewhere = tmp_path / "work", tmp_path / "chosen", tmp_path / "elsewhere"
    (work / "fonts" / "house").mkdir(parents=True)
    (work / "fonts" / "house" / "house.ttf").write_bytes(b"\x00\x01\x00\x00")
    (chosen / "fonts").mkdir(parents=True)
    elsewhere.mkdir()
    (chosen / "fonts" / "house").symlink_to(elsewhere)

    with pytest.raises(Blocked) as caught:
        move_into_place(work, chosen, ["fonts/house/house.ttf"])
    assert str(caught.value) == "fonts/house"
    assert listing(elsewhere) == {}

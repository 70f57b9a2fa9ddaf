"""A bundle from a stranger (or a damaged one) is refused with a message naming the entry and
the reason, and the folder the user chose is left exactly as it was: nothing written there,
nothing written outside it, nothing overwritten."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.bundle_archives import KIT_NAME, MINIMAL_KIT, listing, manifest, member, write_archive
from support.examples import CNAS_KIT

from presskit.formats.bundle import BundleError, read_bundle, write_bundle
from presskit.storage.bundle.format import MAX_ENTRIES

MB = 1024 * 1024


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The colleague's folder, already holding a file of theirs."""
    chosen = tmp_path / "colleague"
    chosen.mkdir()
    (chosen / "notes.txt").write_text("mine\n")
    return chosen


@pytest.fixture
def good_bundle(tmp_path: Path) -> Path:
    bundle: Path = write_bundle(CNAS_KIT, tmp_path / "cnas.presskitz").path
    return bundle


def assert_refused(bundle: Path, folder: Path, *needles: str) -> str:
    """Unpacking is refused with every needle in the message, and the folder is unchanged."""
    before = listing(folder.parent)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    message = str(caught.value)
    for needle in needles:
        assert needle in message, message
    assert "nothing was written" in message or "no such file" in message
    assert listing(folder.parent) == before
    return message


@pytest.mark.parametrize(("name", "reason"), [
    ("../evil", "has '..' in its path, which would put it outside the folder"),
    ("photos/../../evil", "has '..' in its path, which would put it outside the folder"),
    ("/etc/x", "has an absolute path"),
    ("C:\\x", "has a backslash in its name (bundles separate folders with '/')"),
    ("C:x", "starts with a drive letter"),
    ("c:/windows/x", "starts with a drive letter"),
    ("photos\\..\\..\\evil", "has a backslash in its name (bundles separate folders with '/')"),
    ("..\\evil", "has a backslash in its name (bundles separate folders with '/')"),
    ("photos//x.jpg", "has an empty or '.' part in its path"),
    ("./x", "has an empty or '.' part in its path"),
    ("photos/./x", "has an empty or '.' part in its path"),
    ("CON.txt", "uses the reserved device name 'CON.txt'"),
    ("photos/aux", "uses the reserved device name 'aux'"),
    ("a:b", "starts with a drive letter"),
    ("photos/x.jpg ", "has a part ending in a space or a dot ('x.jpg ')"),
    ("photos/x.", "has a part ending in a space or a dot ('x.')"),
    ("x\x01y", "has the character '\\x01' in its name, which not every system allows"),
    ("/".join(["deep"] * 9) + "/x", "is more than 8 folders deep"),
])
def test_an_entry_that_could_land_outside_the_folder_or_misbehave_is_refused(
    name: str, reason: str, tmp_path: Path, folder: Path
) -> None:
    bundle = write_archive(tmp_path / "evil.presskitz", [member(name)])
    assert_refused(bundle, folder, f"the entry {name!r} {reason}; nothing was written")


@pytest.mark.parametrize("name", [
    ".ssh/authorized_keys", ".bash_profile", "notes.txt", "bin/run.sh", "photos/.hidden",
    "photos/sub/x.jpg", "assets/.bashrc", "other.pdf",
])
def test_an_entry_the_kit_never_names_outside_the_bundles_own_places_is_refused(
    name: str, tmp_path: Path, folder: Path
) -> None:
    """A bundle listing ``.ssh/authorized_keys`` in its manifest would add a stranger's key to
    the home folder it is unpacked into: only the kit, its PDF and files in the picture and
    font folders are ever unpacked."""
    bundle = write_archive(tmp_path / "evil.presskitz", [member(name, b"ssh-ed25519 AAAA x")])
    assert_refused(bundle, folder, f"the entry {name!r}", "not a place a bundle holds files")
    assert not (folder / ".ssh").exists()


@pytest.mark.parametrize(("kind", "reason"), [
    (stat.S_IFLNK | 0o777, "is a symbolic link"),
    (stat.S_IFIFO | 0o644, "is not a regular file"),
    (stat.S_IFCHR | 0o644, "is not a regular file"),
    (stat.S_IFDIR | 0o755, "is not a regular file"),  # a folder without the trailing '/'
])
def test_links_and_other_entries_that_are_not_plain_files_are_refused(
    kind: int, reason: str, tmp_path: Path, folder: Path
) -> None:
    bundle = write_archive(tmp_path / "link.presskitz", [member("photos/kim.jpg", b"/etc/passwd",
                                                                mode=kind)])
    assert_refused(bundle, folder, "the entry 'photos/kim.jpg'", reason)


@pytest.mark.parametrize("second", ["photos/kim.jpg", "photos/KIM.jpg", "Photos/kim.jpg"])
def test_a_name_twice_is_refused_also_when_only_its_case_differs(
    second: str, tmp_path: Path, folder: Path
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        bundle = write_archive(tmp_path / "twice.presskitz",
                               [member("photos/kim.jpg", b"one"), member(second, b"two")])
    said = assert_refused(bundle, folder, f"the entry {second!r} is in it twice")
    # The same name says just that; another spelling says which entry it clashes with.
    also = "" if second == "photos/kim.jpg" else " (also as 'photos/kim.jpg')"
    assert f"is in it twice{also}" in said
    assert ("(also as" in said) == bool(also)


def test_a_name_that_is_both_a_file_and_a_folder_is_refused(tmp_path: Path,
                                                             folder: Path) -> None:
    bundle = write_archive(tmp_path / "both.presskitz",
                           [member("photos", b"file"), member("photos/kim.jpg")])
    assert_refused(bundle, folder, "the entry 'photos' is both a file and a folder")


def test_more_entries_than_any_kit_has_are_refused(tmp_path: Path, folder: Path) -> None:
    members = [member(f"photos/{n}.jpg", b"") for n in range(MAX_ENTRIES)]
    bundle = write_archive(tmp_path / "many.presskitz", members)
    assert_refused(bundle, folder, f"it has {MAX_ENTRIES + 2} entries", str(MAX_ENTRIES))


def streamed_bomb(path: Path, declared: int) -> Path:
    """A kit bundle with an entry of zeros written by streaming, whose central directory
    then declares ``declared`` bytes: a 2 GB bomb that takes a megabyte to make."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest([member(KIT_NAME, MINIMAL_KIT)]))
        archive.writestr(KIT_NAME, MINIMAL_KIT)
        info = zipfile.ZipInfo("photos/bomb.jpg")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            for _ in range(4):
                stream.write(bytes(256 * 1024))
        archive.filelist[-1].file_size = declared
    return path


def test_a_zip_bomb_declaring_2_gb_is_refused_before_anything_is_unpacked(
    tmp_path: Path, folder: Path
) -> None:
    bundle = streamed_bomb(tmp_path / "bomb.presskitz", declared=2 * 1024 * MB)
    assert bundle.stat().st_size < MB
    with zipfile.ZipFile(bundle) as archive:
        assert archive.getinfo("photos/bomb.jpg").file_size == 2 * 1024 * MB
    assert_refused(bundle, folder, "the entry 'photos/bomb.jpg'", "zip bomb")


def test_an_honestly_declared_but_absurd_compression_ratio_is_refused(
    tmp_path: Path, folder: Path
) -> None:
    bundle = write_archive(tmp_path / "ratio.presskitz",
                           [member("photos/flat.jpg", bytes(16 * MB))])
    assert_refused(bundle, folder, "the entry 'photos/flat.jpg'", "more than 100 times")


@pytest.mark.parametrize("lie", ["file_size", "compress_size"])
def test_a_header_that_lies_about_sizes_is_caught_while_reading(
    lie: str, tmp_path: Path, folder: Path
) -> None:
    """The declared sizes look harmless (1 KB unpacked, or packed as large as unpacked), but
    the data inflates to 8 MB: the bytes that really come out are what counts."""
    data = bytes(8 * MB)

    def patch(info: zipfile.ZipInfo) -> None:
        if lie == "file_size":
            info.file_size = 1024
        else:
            info.compress_size = info.file_size

    members = [member("photos/flat.jpg", data)]
    listed = manifest([member(KIT_NAME, MINIMAL_KIT), member("photos/flat.jpg", data[:1024])
                       if lie == "file_size" else members[0]])
    bundle = write_archive(tmp_path / "lie.presskitz", members, manifest_data=listed,
                           patch=patch)
    assert_refused(bundle, folder, "the entry 'photos/flat.jpg'")


@pytest.mark.parametrize(("sizes", "needle"), [
    ([300 * MB], "is too large (300 MB; at most 256 MB)"),
    ([250 * MB] * 5, "takes the unpacked size above 1024 MB"),
])
def test_declared_sizes_beyond_the_limits_are_refused(
    sizes: list[int], needle: str, tmp_path: Path, folder: Path
) -> None:
    path = tmp_path / "large.presskitz"
    names = [f"photos/{n}.jpg" for n in range(len(sizes))]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", manifest(
            [member(KIT_NAME, MINIMAL_KIT)], files=[
                {"path": name, "size": size, "sha256": "0" * 64}
                for name, size in zip(names, sizes, strict=True)]))
        archive.writestr(KIT_NAME, MINIMAL_KIT)
        for name, size in zip(names, sizes, strict=True):
            archive.writestr(name, b"tiny")
            archive.filelist[-1].file_size = archive.filelist[-1].compress_size = size
    assert_refused(path, folder, f"the entry {names[-1]!r}", needle)


def rebuilt(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """``source`` with the entries in ``change`` replaced (or left out, for ``None``)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename in change:
                data = change[info.filename]
                if data is not None:
                    copy.writestr(info, data)
            else:
                copy.writestr(info, original.read(info))
    return target


def test_a_file_that_does_not_match_its_checksum_is_refused(
    good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    with zipfile.ZipFile(good_bundle) as archive:
        logo = bytearray(archive.read("assets/logo.png"))
    logo[-1] ^= 0xFF  # same size, other bytes
    bundle = rebuilt(good_bundle, tmp_path / "altered.presskitz", {"assets/logo.png": bytes(logo)})
    assert_refused(bundle, folder, "the entry 'assets/logo.png' does not match the manifest",
                   "SHA-256")


def test_a_refusal_after_unpacking_began_leaves_no_folder_it_made(
    good_bundle: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(good_bundle) as archive:
        logo = bytearray(archive.read("assets/logo.png"))
    logo[0] ^= 0xFF
    bundle = rebuilt(good_bundle, tmp_path / "altered.presskitz", {"assets/logo.png": bytes(logo)})
    assert_refused(bundle, tmp_path / "new" / "deeper", "does not match the manifest")
    assert not (tmp_path / "new").exists()


def good_manifest(bundle: Path) -> dict[str, object]:
    with zipfile.ZipFile(bundle) as archive:
        document: dict[str, object] = json.loads(archive.read("manifest.json"))
    return document


@pytest.mark.parametrize(("change", "needle"), [
    (None, "it has no manifest.json"),
    (b"{not json", "'manifest.json' is not a valid manifest: it is not JSON"),
    (b"[]", "is not a valid manifest"),
    ({"format": "something-else"}, "does not say \"format\": \"presskit-bundle\""),
    ({"version": 2}, "bundle format 2, from a newer presskit"),
    ({"version": "1"}, "no valid \"version\""),
    ({"files": {}}, "no \"files\" list"),
    ({"files": [{"path": "x", "size": -1, "sha256": "0" * 64}]}, "no valid \"size\""),
    ({"kit": "cnas-responds.pdf"}, "it holds no kit file"),
    ({"kit": "elsewhere.presskit"}, "it holds no kit file"),
    ({"kit": None}, "names no kit file"),
])
def test_a_missing_or_malformed_manifest_is_refused(
    change: dict[str, object] | bytes | None, needle: str, good_bundle: Path, tmp_path: Path,
    folder: Path,
) -> None:
    if isinstance(change, dict):
        data: bytes | None = json.dumps({**good_manifest(good_bundle), **change}).encode()
    else:
        data = change
    bundle = rebuilt(good_bundle, tmp_path / "changed.presskitz", {"manifest.json": data})
    assert_refused(bundle, folder, needle)


def test_a_manifest_listing_a_file_twice_is_refused_saying_so(
    good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    document = good_manifest(good_bundle)
    files = document["files"]
    assert isinstance(files, list)
    twice = {**document, "files": [*files, files[0]]}
    bundle = rebuilt(good_bundle, tmp_path / "twice.presskitz",
                     {"manifest.json": json.dumps(twice).encode()})
    assert_refused(bundle, folder, "'manifest.json' is not a valid manifest: it lists a file "
                   "twice")


def test_a_file_the_manifest_does_not_list_is_refused(
    good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    document = good_manifest(good_bundle)
    files = document["files"]
    assert isinstance(files, list)
    document["files"] = [f for f in files if f["path"] != "assets/logo.png"]
    bundle = rebuilt(good_bundle, tmp_path / "unlisted.presskitz",
                     {"manifest.json": json.dumps(document).encode()})
    assert_refused(bundle, folder, "the entry 'assets/logo.png' is not listed in the manifest")


def test_a_file_the_manifest_lists_but_the_bundle_lacks_is_refused(
    good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    bundle = rebuilt(good_bundle, tmp_path / "short.presskitz", {"assets/logo.png": None})
    assert_refused(bundle, folder, "the manifest lists 'assets/logo.png', which is not in")


def test_a_bundle_without_a_kit_file_is_refused(tmp_path: Path, folder: Path) -> None:
    members = [member("photos/kim.jpg")]
    bundle = write_archive(tmp_path / "nokit.presskitz", members, with_kit=False,
                           manifest_data=manifest(members, kit="kit.presskit"))
    assert_refused(bundle, folder, "it holds no kit file")


@pytest.mark.parametrize("content", [b"", b"hello, this is not a zip", b"%PDF-1.4\n" * 50,
                                     b"PK\x03\x04" + b"\0" * 40])
def test_a_file_that_is_not_a_zip_is_refused(content: bytes, tmp_path: Path,
                                             folder: Path) -> None:
    bundle = tmp_path / "not.presskitz"
    bundle.write_bytes(content)
    assert_refused(bundle, folder, "it is not a presskit bundle (not a zip archive)")


def test_a_bundle_that_does_not_exist_is_a_clear_error(tmp_path: Path, folder: Path) -> None:
    assert_refused(tmp_path / "gone.presskitz", folder, "gone.presskitz: no such file")


def test_files_already_in_the_folder_are_never_overwritten(
    good_bundle: Path, folder: Path
) -> None:
    (folder / "cnas-responds.presskit").write_text("my own kit\n")
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.png").write_bytes(b"my logo")
    message = assert_refused(good_bundle, folder, "the folder already holds",
                             "assets/logo.png", "cnas-responds.presskit")
    assert "cnas-responds.pdf" not in message


@pytest.mark.parametrize("obstacle", ["file", "link"])
def test_a_file_or_a_link_where_a_folder_would_go_is_refused(
    obstacle: str, good_bundle: Path, tmp_path: Path, folder: Path
) -> None:
    if obstacle == "file":
        (folder / "assets").write_text("not a folder")
    else:
        (tmp_path / "elsewhere").mkdir()
        (folder / "assets").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert_refused(good_bundle, folder, "the folder already holds assets,")
    assert not os.listdir(tmp_path / "elsewhere") if obstacle == "link" else True


def test_a_target_that_is_a_file_is_refused(good_bundle: Path, folder: Path) -> None:
    assert_refused(good_bundle, folder / "notes.txt", "notes.txt is not a folder")


@pytest.mark.parametrize("photo", ["../../outside.jpg", "/etc/hostname"])
def test_a_kit_naming_files_outside_the_bundle_is_refused(
    photo: str, tmp_path: Path, folder: Path
) -> None:
    kit = MINIMAL_KIT + f"experts:\n- id: kim\n  name: Kim\n  photo: {photo}\n".encode()
    members = [member(KIT_NAME, kit)]
    bundle = write_archive(tmp_path / "peek.presskitz", members, with_kit=False)
    assert_refused(bundle, folder, f"{KIT_NAME}:7:10: photo of 'Kim': "
                   f"{os.path.normpath(folder / photo)} is not a file of this bundle")


def test_a_kit_that_cannot_be_opened_is_refused(tmp_path: Path, folder: Path) -> None:
    members = [member(KIT_NAME, b"presskit: 99\nkit:\n  title: From the future\n")]
    bundle = write_archive(tmp_path / "future.presskitz", members, with_kit=False)
    assert_refused(bundle, folder, f"the kit file {KIT_NAME!r} cannot be opened", "99")


def test_an_encrypted_entry_is_refused(good_bundle: Path, tmp_path: Path,
                                       folder: Path) -> None:
    data = bytearray(good_bundle.read_bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("assets/logo.png")
    central = data.find(b"assets/logo.png", data.find(b"PK\x01\x02")) - 46
    assert data[central:central + 4] == b"PK\x01\x02" and info.flag_bits & 1 == 0
    data[central + 8] |= 0x01  # the central directory's "encrypted" flag
    bundle = tmp_path / "locked.presskitz"
    bundle.write_bytes(bytes(data))
    assert_refused(bundle, folder, "the entry 'assets/logo.png' is encrypted")


names = st.one_of(st.text(max_size=40), st.text(alphabet="./\\:aC ~\x00é", max_size=24),
                  st.lists(st.sampled_from(["..", ".", "", "a", "C:", "photos", "\\"]),
                           max_size=6).map("/".join))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names)
def test_whatever_an_entry_is_called_nothing_is_written_outside_the_folder(name: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        sandbox = base / "a" / "b" / "c"
        folder = sandbox / "target"
        sandbox.mkdir(parents=True)
        try:
            info, data = member(name, b"evil")
        except ValueError:  # zipfile itself refuses the name
            return
        bundle = base / "evil.presskitz"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            write_archive(bundle, [(info, data)])
        try:
            read_bundle(bundle, folder)
        except BundleError:
            unpacked = False
        else:
            unpacked = True
        written = listing(base)
        outside = [p for p in written if p not in ("a", "a/b", "a/b/c", "evil.presskitz")
                   and not p.startswith("a/b/c/target")]
        assert outside == []
        if unpacked:
            assert ".." not in info.filename.split("/")
            landed = folder / info.filename
            assert landed.read_bytes() == b"evil"
            assert os.path.commonpath([folder.resolve(), landed.resolve()]) == str(
                folder.resolve())
        else:
            assert listing(sandbox) == {}


def test_the_checksums_are_those_of_the_bytes_unpacked(good_bundle: Path, folder: Path) -> None:
    kit = read_bundle(good_bundle, folder)
    for entry in good_manifest(good_bundle)["files"]:  # type: ignore[attr-defined]
        data = (folder / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert kit == folder / "cnas-responds.presskit"


def test_a_bundle_exactly_at_the_size_limit_unpacks_and_one_byte_over_is_refused(
    good_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import presskit.storage.bundle.reader as bundle_reader

    with zipfile.ZipFile(good_bundle) as archive:
        total = sum(info.file_size for info in archive.infolist() if not info.is_dir())
    monkeypatch.setattr(bundle_reader, "MAX_TOTAL_BYTES", total)
    read_bundle(good_bundle, tmp_path / "at-the-limit")
    monkeypatch.setattr(bundle_reader, "MAX_TOTAL_BYTES", total - 1)
    folder = tmp_path / "over"
    folder.mkdir()
    assert_refused(good_bundle, folder, "takes the unpacked size above")

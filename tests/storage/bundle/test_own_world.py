"""A bundle holds its own world: every file its kit names (photos, logo, fonts) must be one of
the bundle's own files. A kit naming anything else — a file already in the folder it is
unpacked into, such as ``.ssh/id_rsa`` in a home folder — is refused at the line and column
that names it, with nothing written, so the next ``presskit bundle`` can never pack it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.bundle_archives import KIT_NAME, MINIMAL_KIT, listing, member, write_archive

from presskit.formats.bundle import BundleError, read_bundle
from presskit.storage import load_kit
from presskit.storage.bundle.assets import kit_assets

KIM = b"experts:\n- id: kim\n  name: Kim\n  photo: photos/kim.jpg\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home folder holding a private key and other files of its owner."""
    folder = tmp_path / "home"
    (folder / ".ssh").mkdir(parents=True)
    (folder / ".ssh" / "id_rsa").write_text("-----BEGIN PRIVATE KEY-----\n")
    (folder / "notes.txt").write_text("mine\n")
    (folder / "photos-old").mkdir()
    (folder / "photos-old" / "me.jpg").write_bytes(b"me")
    return folder


def kit_bundle(tmp_path: Path, tail: str, *entries: str) -> Path:
    """A bundle whose kit ends with the YAML ``tail``, with ``entries`` as its other files."""
    kit = MINIMAL_KIT + tail.encode()
    members = [member(KIT_NAME, kit), *(member(name, b"\xff\xd8 picture") for name in entries)]
    return write_archive(tmp_path / "from-a-stranger.presskitz", members, with_kit=False)


def refused(bundle: Path, folder: Path) -> str:
    before = listing(folder.parent)
    with pytest.raises(BundleError) as caught:
        read_bundle(bundle, folder)
    assert listing(folder.parent) == before
    message = str(caught.value)
    assert "nothing was written" in message
    return message


def photo_tail(photo: str) -> str:
    return f"experts:\n- id: kim\n  name: Kim\n  photo: {photo}\n"


def test_a_kit_naming_a_private_key_in_the_folder_it_lands_in_is_refused_where_it_names_it(
    tmp_path: Path, home: Path
) -> None:
    bundle = kit_bundle(tmp_path, photo_tail(".ssh/id_rsa"), "photos/kim.jpg")
    message = refused(bundle, home)
    assert message == (f"{bundle}: not unpacked: {KIT_NAME}:7:10: photo of 'Kim': .ssh/id_rsa "
                       f"is not a file of this bundle; nothing was written to {home}")


@pytest.mark.parametrize("photo", [
    "notes.txt",                     # a file of the folder's owner, beside where it unpacks
    "photos/../notes.txt",           # the same through an entry's folder
    "./notes.txt",
    "photos-old/me.jpg",             # a folder of the owner's whose name starts like an entry's
    "../home/notes.txt",             # out of the folder and back in
    "manifest.json",                 # the bundle's manifest is presskit's, not the kit's
    "photos",                        # a folder the bundle makes, not a file of it
    "photos/",
    "PHOTOS/KIM.JPG",                # an entry on a case-insensitive disk, another file elsewhere
    "photos//kim.jpg/..",
])
def test_a_kit_naming_a_file_that_exists_there_but_is_not_an_entry_is_refused(
    photo: str, tmp_path: Path, home: Path
) -> None:
    bundle = kit_bundle(tmp_path, photo_tail(photo), "photos/kim.jpg")
    message = refused(bundle, home)
    assert f"{KIT_NAME}:7:10: photo of 'Kim': " in message
    assert "is not a file of this bundle" in message


@pytest.mark.parametrize("planted", ["photos/planted.jpg", "fonts/planted.ttf"])
def test_a_file_already_where_the_bundle_keeps_its_files_is_not_taken_for_one_of_them(
    planted: str, tmp_path: Path, home: Path
) -> None:
    """A bundle may name the place of a photo its sender could not pack (it then shows as
    missing), but never a file already there in the folder it is unpacked into."""
    (home / planted).parent.mkdir()
    (home / planted).write_bytes(b"the owner's")
    bundle = kit_bundle(tmp_path, photo_tail(planted), "photos/kim.jpg")
    message = refused(bundle, home)
    assert f"photo of 'Kim': {planted} is not a file of this bundle" in message


def test_an_absolute_path_into_the_folder_is_refused(tmp_path: Path, home: Path) -> None:
    key = home / ".ssh" / "id_rsa"
    bundle = kit_bundle(tmp_path, photo_tail(str(key)), "photos/kim.jpg")
    message = refused(bundle, home)
    assert "photo of 'Kim': .ssh/id_rsa is not a file of this bundle" in message


@pytest.mark.parametrize(("tail", "what", "where"), [
    ("brand:\n  logo: notes.txt\n", "logo", "5:9"),
    ("brand:\n  fonts:\n    body: notes.ttf\n", "body font", "6:11"),
    ("brand:\n  fonts:\n    heading_bold: ../outside/Bold.ttf\n", "heading bold font", "6:19"),
])
def test_the_brand_may_only_name_files_of_the_bundle_too(
    tail: str, what: str, where: str, tmp_path: Path, home: Path
) -> None:
    (home / "notes.ttf").write_bytes(b"not a font of the bundle")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "Bold.ttf").write_bytes(b"someone's font")
    bundle = kit_bundle(tmp_path, tail, "photos/kim.jpg")
    message = refused(bundle, home)
    assert f"{KIT_NAME}:{where}: {what}: " in message, message
    assert "is not a file of this bundle" in message


def test_a_kit_naming_only_its_own_files_unpacks(tmp_path: Path, home: Path) -> None:
    bundle = kit_bundle(tmp_path, KIM.decode(), "photos/kim.jpg")
    kit = read_bundle(bundle, home)
    assert kit == home / KIT_NAME
    assert (home / "photos" / "kim.jpg").read_bytes() == b"\xff\xd8 picture"
    assert (home / ".ssh" / "id_rsa").read_text().startswith("-----BEGIN")


def test_a_file_outside_the_folder_is_still_refused_by_where_the_kit_names_it(
    tmp_path: Path, home: Path
) -> None:
    (tmp_path / "outside.jpg").write_bytes(b"elsewhere")
    bundle = kit_bundle(tmp_path, photo_tail("../outside.jpg"), "photos/kim.jpg")
    message = refused(bundle, home)
    assert (f"{KIT_NAME}:7:10: photo of 'Kim': {os.path.normpath(tmp_path / 'outside.jpg')} "
            "is not a file of this bundle") in message
    assert "is not a file of this bundle" in message


segments = st.sampled_from(["..", ".", "", "photos", "fonts", "assets", "kim.jpg", "notes.txt",
                            ".ssh", "id_rsa", "PHOTOS", "manifest.json", "photos-old", "me.jpg",
                            "home", "~", "x\\y"])


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(photo=st.lists(segments, min_size=1, max_size=5).map("/".join),
       absolute=st.booleans())
def test_whatever_a_kit_names_it_unpacks_only_naming_its_own_files(
    photo: str, absolute: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = tmp_path_factory.mktemp("any")
    home = base / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("key")
    (home / "notes.txt").write_text("mine")
    (home / "photos-old").mkdir()
    (home / "photos-old" / "me.jpg").write_bytes(b"me")
    value = f"{home}/{photo}" if absolute else photo
    bundle = kit_bundle(base, photo_tail(json.dumps(value)), "photos/kim.jpg")
    owned = {k: v for k, v in listing(base).items() if k.startswith("home")}
    try:
        kit_path = read_bundle(bundle, home)
    except BundleError:
        assert {k: v for k, v in listing(base).items() if k.startswith("home")} == owned
        return
    kit = load_kit(kit_path).kit
    for asset in kit_assets(kit):
        relative = Path(os.path.abspath(asset.file)).relative_to(home).as_posix()
        assert relative == "photos/kim.jpg" or not os.path.lexists(asset.file), relative
    for name, data in owned.items():
        assert listing(base)[name] == data

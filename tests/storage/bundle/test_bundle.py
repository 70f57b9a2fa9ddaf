"""A colleague takes a kit over: ``write_bundle`` puts the kit, its pictures, fonts and PDF in
one ``.presskitz`` file, ``read_bundle`` unpacks it anywhere, and the kit prints the same."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.bundle_archives import listing
from support.examples import CNAS_KIT, EXAMPLES, NORTHBRIDGE_KIT, copy_folder
from support.font_files import SERIF_FACES, SHIPPED, font_collection
from support.pdf_reading import fonts, page_texts

from presskit.formats.bundle import BundleError, read_bundle, write_bundle
from presskit.model.validation import validate
from presskit.render import render_pdf
from presskit.storage import ProjectFileError, StorageError, load_kit
from presskit.storage.bundle.assets import kit_assets
from presskit.storage.bundle.format import name_problem, safe_file_name

ASSETS = EXAMPLES / "northbridge-briefing" / "assets"


def copy_example(kit: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "original" / kit.parent.name
    copy_folder(kit.parent, folder)
    return folder / kit.name


def missing_file_warnings(kit_path: Path) -> list[str]:
    kit = load_kit(kit_path).kit
    return [p.message for p in validate(kit, exists=Path.is_file) if "not found" in p.message]


def assert_all_inside(kit_path: Path, folder: Path) -> None:
    kit = load_kit(kit_path).kit
    assets = list(kit_assets(kit))
    assert assets
    for asset in assets:
        assert asset.file.resolve().is_relative_to(folder.resolve()), asset


def entry_names(bundle: Path) -> list[str]:
    with zipfile.ZipFile(bundle) as archive:
        return archive.namelist()


@pytest.mark.parametrize("example", [CNAS_KIT, NORTHBRIDGE_KIT], ids=["cnas", "northbridge"])
def test_an_example_kit_travels_in_one_file_and_prints_the_same_after_unpacking(
    example: Path, tmp_path: Path
) -> None:
    kit_path = copy_example(example, tmp_path)
    printed = page_texts(render_pdf(load_kit(kit_path).kit).data)
    (tmp_path / "mail").mkdir()
    bundle = tmp_path / "mail" / (kit_path.stem + ".presskitz")

    report = write_bundle(kit_path, bundle)
    shutil.rmtree(tmp_path / "original")  # the sender's folder is gone
    unpacked = read_bundle(bundle, tmp_path / "colleague")

    assert report.warnings == []
    assert unpacked == tmp_path / "colleague" / kit_path.name
    assert missing_file_warnings(unpacked) == []
    assert_all_inside(unpacked, tmp_path / "colleague")
    again = render_pdf(load_kit(unpacked).kit)
    assert again.warnings == []
    assert page_texts(again.data) == printed
    assert page_texts(unpacked.with_suffix(".pdf")) == printed  # the PDF that came along


def test_the_manifest_lists_every_file_with_its_size_and_checksum(tmp_path: Path) -> None:
    kit_path = copy_example(NORTHBRIDGE_KIT, tmp_path)
    bundle = tmp_path / "northbridge.presskitz"
    report = write_bundle(kit_path, bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        contents = {name: archive.read(name) for name in archive.namelist()}
    assert manifest["format"] == "presskit-bundle" and manifest["version"] == 1
    assert manifest["kit"] == "northbridge-briefing.presskit"
    assert manifest["pdf"] == "northbridge-briefing.pdf"
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(contents) - {"manifest.json"}
    for name, entry in listed.items():
        assert entry["size"] == len(contents[name])
        assert entry["sha256"] == hashlib.sha256(contents[name]).hexdigest()
    assert [e.name for e in report.entries] == list(listed)
    for number in range(1, 13):
        photo = f"photos/expert-{number:02d}.jpg"
        assert contents[photo] == (ASSETS / f"expert-{number:02d}.jpg").read_bytes()
    assert contents["assets/logo.png"] == (ASSETS / "logo.png").read_bytes()


def test_a_file_used_twice_is_bundled_once(tmp_path: Path) -> None:
    kit_path = copy_example(NORTHBRIDGE_KIT, tmp_path)
    text = kit_path.read_text(encoding="utf-8")
    kit_path.write_text(text.replace("assets/expert-02.jpg", "assets/expert-01.jpg")
                        .replace("assets/expert-03.jpg", "./assets/../assets/expert-01.jpg"),
                        encoding="utf-8")
    bundle = write_bundle(kit_path, tmp_path / "kit.presskitz").path

    names = entry_names(bundle)
    assert len(names) == len(set(names))
    assert [n for n in names if n.startswith("photos/")] == [
        f"photos/expert-{n:02d}.jpg" for n in (1, *range(4, 13))]
    experts = load_kit(read_bundle(bundle, tmp_path / "colleague")).kit.experts
    shared = tmp_path / "colleague" / "photos" / "expert-01.jpg"
    assert [e.photo for e in experts[:3]] == [shared, shared, shared]


def house_kit(tmp_path: Path) -> Path:
    """A kit with a brand family of its own (one face outside the kit's folder), two photos
    called ``x.jpg`` from two other folders and keys presskit does not know."""
    folder, fonts_folder = tmp_path / "kit", tmp_path / "kit" / "fonts"
    fonts_folder.mkdir(parents=True)
    shutil.copy(SHIPPED / SERIF_FACES["regular"], fonts_folder / "House.ttf")
    (tmp_path / "brand").mkdir()
    shutil.copy(SHIPPED / SERIF_FACES["bold"], tmp_path / "brand" / "House.ttf")  # same name
    for place, photo in (("elsewhere", "expert-01.jpg"), ("other", "expert-02.jpg")):
        (tmp_path / place).mkdir()
        shutil.copy(ASSETS / photo, tmp_path / place / "x.jpg")
    kit = folder / "house.presskit"
    kit.write_text(
        "presskit: 1\n"
        "kit:\n  title: A kit in the house style\n  mood: calm\n"
        "brand:\n  organisation: House\n"
        "  fonts:\n    body: fonts/House.ttf\n    body_bold: ../brand/House.ttf\n"
        "contacts:\n- id: desk\n  name: Press desk\n  email: press@example.org\n"
        "experts:\n"
        "- id: kim\n  name: Duyeon Kim\n  title: Fellow\n  photo: ../elsewhere/x.jpg\n"
        "  desk: 4B\n"
        "- id: lee\n  name: Jun Lee\n  title: Fellow\n  photo: ../other/x.jpg\n"
        "sections:\n- type: lead\n  id: lead\n  text: Plain words and **firm ones**.\n"
        "- type: bios\n  id: bios\n  experts: [kim, lee]\n"
        "shelf: [a, b]\n",
        encoding="utf-8",
    )
    return kit


def test_a_house_font_and_photos_from_other_folders_are_unpacked_inside_the_folder(
    tmp_path: Path,
) -> None:
    kit_path = house_kit(tmp_path / "sender")
    printed = render_pdf(load_kit(kit_path).kit)
    assert printed.warnings == []
    bundle = write_bundle(kit_path, tmp_path / "house.presskitz").path
    shutil.rmtree(tmp_path / "sender")

    folder = tmp_path / "colleague"
    loaded = load_kit(read_bundle(bundle, folder))
    kit = loaded.kit
    assert kit.brand.fonts.body == folder / "fonts" / "House.ttf"
    assert kit.brand.fonts.body_bold == folder / "fonts" / "House-2.ttf"  # first one kept it
    assert (folder / "fonts" / "House-2.ttf").read_bytes() == (
        SHIPPED / SERIF_FACES["bold"]).read_bytes()
    assert [e.photo for e in kit.experts] == [folder / "photos" / "x.jpg",
                                             folder / "photos" / "x-2.jpg"]
    assert (folder / "photos" / "x-2.jpg").read_bytes() == (ASSETS / "expert-02.jpg").read_bytes()
    assert (kit.extra["kit"], kit.extra["shelf"]) == ({"mood": "calm"}, ["a", "b"])
    assert kit.experts[0].extra == {"desk": "4B"}
    assert missing_file_warnings(folder / "house.presskit") == []
    again = render_pdf(kit)
    assert again.warnings == []
    assert page_texts(again.data) == page_texts(printed.data)
    used = {re.sub(r"-[0-9a-f]{8}$", "", name.split("+")[-1]) for name in fonts(again.data)}
    assert {"DejaVuSerif", "DejaVuSerif-Bold"} <= used


def test_a_font_collection_is_bundled_once_and_keeps_the_index_of_its_font(
    tmp_path: Path,
) -> None:
    (tmp_path / "kit").mkdir()
    font_collection([SHIPPED / SERIF_FACES["regular"], SHIPPED / SERIF_FACES["bold"]],
                    tmp_path / "kit" / "House.ttc")
    kit_path = tmp_path / "kit" / "kit.presskit"
    kit_path.write_text("presskit: 1\nkit:\n  title: Collected\nbrand:\n  fonts:\n"
                        "    body: House.ttc\n    heading: House.ttc#1\n", encoding="utf-8")
    bundle = write_bundle(kit_path, tmp_path / "kit.presskitz").path

    assert [n for n in entry_names(bundle) if n.startswith("fonts/")] == ["fonts/House.ttc"]
    unpacked = read_bundle(bundle, tmp_path / "colleague")
    assert "    body: fonts/House.ttc\n    heading: fonts/House.ttc#1\n" in unpacked.read_text()
    assert render_pdf(load_kit(unpacked).kit).warnings == []


def test_a_missing_file_is_a_warning_and_everything_else_is_bundled(tmp_path: Path) -> None:
    kit_path = copy_example(NORTHBRIDGE_KIT, tmp_path)
    (kit_path.parent / "assets" / "expert-05.jpg").unlink()
    text = kit_path.read_text(encoding="utf-8")
    kit_path.write_text(text.replace("    body: DejaVu Serif\n",
                                     "    body: DejaVu Serif\n    heading: ../gone/Gone.ttc#2\n"),
                        encoding="utf-8")

    report = write_bundle(kit_path, tmp_path / "kit.presskitz")

    messages = report.messages()
    photo = (f"{kit_path}:83:10: warning: photo of 'Mikołaj Wójcik': "
             f"{kit_path.parent / 'assets' / 'expert-05.jpg'} is not in the bundle: no such "
             "file or directory")
    assert photo in messages, messages
    assert any(f"heading font: {kit_path.parent.parent / 'gone' / 'Gone.ttc'} is not in the "
               "bundle" in m for m in messages), messages
    names = entry_names(report.path)
    assert "photos/expert-05.jpg" not in names and "photos/expert-06.jpg" in names
    folder = tmp_path / "colleague"
    unpacked = read_bundle(report.path, folder)
    assert "heading: fonts/Gone.ttc#2\n" in unpacked.read_text(encoding="utf-8")
    assert_all_inside(unpacked, folder)  # the missing ones too: nothing points outside
    assert sorted(missing_file_warnings(unpacked)) == [
        f"heading font file not found: {folder / 'fonts' / 'Gone.ttc#2'}; DejaVu Sans is used "
        "instead", f"photo of 'Mikołaj Wójcik' not found: {folder / 'photos' / 'expert-05.jpg'}"]


def test_a_kit_with_errors_is_not_bundled_and_an_old_bundle_stays(tmp_path: Path) -> None:
    kit_path = copy_example(CNAS_KIT, tmp_path)
    bundle = write_bundle(kit_path, tmp_path / "kit.presskitz").path
    before = bundle.read_bytes()
    kit_path.write_text(kit_path.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    with pytest.raises(ProjectFileError):
        write_bundle(kit_path, bundle)
    assert bundle.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["kit.presskitz", "original"]


def test_a_bundle_is_never_written_over_the_kit_or_its_files(tmp_path: Path) -> None:
    kit_path = copy_example(CNAS_KIT, tmp_path)
    before = listing(kit_path.parent)
    for target in (kit_path, kit_path.parent / "assets" / "logo.png"):
        with pytest.raises(BundleError, match="which the bundle holds"):
            write_bundle(kit_path, target)
    assert listing(kit_path.parent) == before


def test_a_bundle_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    kit_path = copy_example(CNAS_KIT, tmp_path)
    with pytest.raises(StorageError, match="does not exist"):
        write_bundle(kit_path, tmp_path / "nowhere" / "kit.presskitz")


def test_unpacking_into_a_folder_with_other_files_keeps_them(tmp_path: Path) -> None:
    kit_path = copy_example(CNAS_KIT, tmp_path)
    bundle = write_bundle(kit_path, tmp_path / "kit.presskitz").path
    folder = tmp_path / "colleague"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "mine.png").write_bytes(b"mine")
    read_bundle(bundle, folder)
    assert sorted(listing(folder)) == ["assets", "assets/logo.png", "assets/mine.png",
                                       "cnas-responds.pdf", "cnas-responds.presskit"]
    assert (folder / "assets" / "mine.png").read_bytes() == b"mine"


@given(st.text(max_size=80))
def test_every_name_the_writer_makes_is_one_the_reader_accepts(name: str) -> None:
    made = safe_file_name(name, fallback="file")
    assert name_problem(made) is None
    assert name_problem(f"photos/{made}") is None
    assert "/" not in made

"""Brand presets as single files: exported in one user's folders with their logo and fonts,
imported in another's to print the same look; hostile files refused with nothing written."""

from __future__ import annotations

import io
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from support.pdf_reading import fonts, reader
from support.render_fixtures import make_logo, seed_kit

import presskit
from presskit.cli.main import main
from presskit.library import BrandPreset, Roster, load_roster, save_roster
from presskit.library.brand_presets import (
    BrandPresetError,
    export_preset,
    import_preset,
    preset_bytes,
    preset_folder_name,
    with_preset,
    without_preset,
)
from presskit.library.paths import brands_dir, default_roster_path
from presskit.model import Brand, Fonts
from presskit.render import render_pdf

SHIPPED = Path(presskit.resources_path() / "fonts")
SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">'
    '<rect x="0" y="0" width="60" height="60" fill="#1f3a5f"/>'
    '<circle cx="120" cy="30" r="25" fill="#c8102e"/></svg>'
)


def house_brand(folder: Path, logo: str = "png") -> Brand:
    folder.mkdir(parents=True, exist_ok=True)
    body = Path(shutil.copy(SHIPPED / "DejaVuSerif.ttf", folder / "House.ttf"))
    bold = Path(shutil.copy(SHIPPED / "DejaVuSerif-Bold.ttf", folder / "House-Bold.ttf"))
    if logo == "svg":
        logo_path = folder / "logo.svg"
        logo_path.write_text(SVG_LOGO)
    else:
        logo_path = make_logo(folder / "logo.png")
    return Brand(organisation="Center for a New American Security", short_name="CNAS",
                 logo=logo_path, fonts=Fonts(body=body, heading=body, body_bold=bold,
                                             heading_bold=bold))


def use_data_home(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))


def image_xobjects(pdf: bytes) -> list[object]:
    resources = reader(pdf).pages[0]["/Resources"]
    xobjects = resources.get("/XObject") or {}
    return [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]


@pytest.mark.parametrize("logo", ["png", "svg"])
def test_a_preset_moves_between_two_user_folders_and_prints_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    logo: str,
) -> None:
    # Alice: a preset in her roster, exported with the command line.
    use_data_home(monkeypatch, tmp_path / "alice")
    brand = house_brand(tmp_path / "alice-files", logo)
    save_roster(Roster(brands=[BrandPreset("CNAS Responds", brand)]), default_roster_path())
    shared = tmp_path / "shared" / "cnas.presskit-brand"
    shared.parent.mkdir()
    assert main(["brand", "export", "cnas responds", "-o", str(shared)]) == 0
    assert "3 files" in capsys.readouterr().out
    alice_kit = seed_kit()
    alice_kit.brand = load_roster(default_roster_path()).roster.brands[0].brand
    alice_pdf = render_pdf(alice_kit, strict=True)

    # Bob: another user folder, where Alice's files do not exist.
    shutil.rmtree(tmp_path / "alice-files")  # Bob cannot see them
    use_data_home(monkeypatch, tmp_path / "bob")
    assert main(["brand", "import", str(shared)]) == 0
    assert main(["brand", "list"]) == 0
    listed = capsys.readouterr().out
    assert "CNAS Responds" in listed and "House.ttf" in listed
    [preset] = load_roster(default_roster_path()).roster.brands
    assert preset.name == "CNAS Responds"
    for path in (preset.brand.logo, preset.brand.fonts.body, preset.brand.fonts.body_bold):
        assert isinstance(path, Path) and path.is_file()
        assert path.is_relative_to(tmp_path / "bob" / "presskit" / "brands")
    assert brands_dir() == tmp_path / "bob" / "presskit" / "brands"
    bob_kit = seed_kit()
    bob_kit.brand = preset.brand
    bob_pdf = render_pdf(bob_kit, strict=True)

    alice_fonts, bob_fonts = fonts(alice_pdf.data), fonts(bob_pdf.data)
    assert alice_fonts == bob_fonts
    assert any("House" in name or "DejaVuSerif" in name for name in bob_fonts)
    assert all(bob_fonts.values())  # embedded
    if logo == "png":
        [a_logo] = image_xobjects(alice_pdf.data)
        [b_logo] = image_xobjects(bob_pdf.data)
        assert a_logo.get_object().get_data() == b_logo.get_object().get_data()
    else:
        assert image_xobjects(alice_pdf.data) == image_xobjects(bob_pdf.data) == []
    # Importing again under the same name is refused unless asked to replace.
    assert main(["brand", "import", str(shared)]) == 2
    assert "already a brand preset" in capsys.readouterr().err
    assert main(["brand", "import", str(shared), "--replace"]) == 0


def test_exporting_twice_gives_the_same_bytes_and_paths_are_rewritten(tmp_path: Path) -> None:
    preset = BrandPreset("House", house_brand(tmp_path / "files"))
    data = preset_bytes(preset)
    assert data == preset_bytes(preset)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist())
        brand_text = archive.read("brand.yaml").decode()
    assert names == ["assets/House-Bold.ttf", "assets/House.ttf", "assets/logo.png",
                     "brand.yaml", "preset.yaml"]
    assert "assets/logo.png" in brand_text and str(tmp_path) not in brand_text


def test_a_preset_whose_files_take_more_than_a_preset_may_hold_is_not_exported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    brand = house_brand(tmp_path / "files")
    files = {brand.logo, brand.fonts.body, brand.fonts.body_bold}
    total = sum(Path(f).stat().st_size for f in files if f is not None)
    monkeypatch.setattr("presskit.library.brand_presets.MAX_TOTAL_BYTES", total)
    assert len(preset_bytes(BrandPreset("House", brand))) > 0  # as much as it may hold
    monkeypatch.setattr("presskit.library.brand_presets.MAX_TOTAL_BYTES", 512 * 1024)
    target = tmp_path / "out.presskit-brand"
    with pytest.raises(BrandPresetError) as refused:
        export_preset(BrandPreset("House", brand), target)
    assert str(refused.value) == ("the brand preset 'House' cannot be exported: its files take "
                                  "more than 512 kB, more than a preset may hold")
    assert not target.exists()


def test_a_preset_with_a_missing_file_is_not_exported(tmp_path: Path) -> None:
    brand = house_brand(tmp_path / "files")
    (tmp_path / "files" / "House-Bold.ttf").unlink()
    target = tmp_path / "out.presskit-brand"
    with pytest.raises(BrandPresetError, match="House-Bold.ttf"):
        export_preset(BrandPreset("House", brand), target)
    assert not target.exists()


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return path


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


GOOD_META = b"presskit-brand: 1\nname: Evil\n"
GOOD_BRAND = b"organisation: Evil\n"


@pytest.mark.parametrize(("entries", "message"), [
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("../escape.txt", b"x")],
     "'..'"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("assets/../../x", b"x")],
     "'..'"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("/etc/evil", b"x")],
     "absolute"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("C:/evil", b"x")],
     "absolute"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), (_link("assets/logo.png"),
                                                                b"/etc/passwd")], "link"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("other/file", b"x")],
     "unexpected"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND), ("fonts/", b"")],
     r"evil.presskit-brand: not imported: unexpected folder 'fonts/'; nothing was written"),
    ([("preset.yaml", GOOD_META)], "brand.yaml is missing"),
    ([("preset.yaml", b"name: x\n"), ("brand.yaml", GOOD_BRAND)], "version"),
    ([("preset.yaml", b"presskit-brand: 9\nname: x\n"), ("brand.yaml", GOOD_BRAND)], "newer"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", b"logo: ../../../etc/passwd\n")],
     "not a file in the preset"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", b"logo: /etc/passwd\n")],
     "not a file in the preset"),
    ([("preset.yaml", GOOD_META), ("brand.yaml", b"colors: [oops\n")], "errors"),
])
def test_hostile_preset_files_are_refused_and_nothing_is_written(
    tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]], message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = _zip(tmp_path / "evil.presskit-brand", entries)
    with pytest.raises(BrandPresetError, match=message) as caught:
        import_preset(hostile)
    assert "nothing was written" in str(caught.value)
    assert not brands_dir().exists()
    assert main(["brand", "import", str(hostile)]) == 2
    err = capsys.readouterr().err
    assert "not imported" in err and "Traceback" not in err
    assert not default_roster_path().exists() and not brands_dir().exists()
    assert not (tmp_path / "escape.txt").exists()


def test_absurd_sizes_and_non_zips_are_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip(tmp_path / "bomb.presskit-brand", [
        ("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND),
        ("assets/big.ttf", b"\0" * 2_000_000)])
    monkeypatch.setattr("presskit.library.brand_presets.MAX_ENTRY_BYTES", 1_000_000)
    with pytest.raises(BrandPresetError, match="too large"):
        import_preset(bomb)
    many = _zip(tmp_path / "many.presskit-brand", [
        ("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND),
        *((f"assets/{n}.bin", b"x") for n in range(100))])
    with pytest.raises(BrandPresetError, match="entries"):
        import_preset(many)
    text = tmp_path / "text.presskit-brand"
    text.write_text("hello")
    with pytest.raises(BrandPresetError) as refused:
        import_preset(text)
    assert str(refused.value) == (f"{text}: not imported: it is not a presskit brand preset (not "
                                  "a zip archive presskit can read); nothing was written")
    assert not brands_dir().exists()


def test_roster_presets_are_added_replaced_and_removed_by_name() -> None:
    roster = with_preset(Roster(), BrandPreset("Sharper", Brand(short_name="A")))
    with pytest.raises(BrandPresetError, match="already"):
        with_preset(roster, BrandPreset("sharper", Brand()))
    roster = with_preset(roster, BrandPreset("sharper", Brand(short_name="B")), replace=True)
    assert [(b.name, b.brand.short_name) for b in roster.brands] == [("sharper", "B")]
    assert without_preset(roster, "SHARPER").brands == []
    with pytest.raises(BrandPresetError, match=r"^there is no brand preset called 'Responds'$"):
        without_preset(roster, "Responds")


def test_import_unpacks_with_its_own_name_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "house.presskit-brand"
    export_preset(BrandPreset("House", house_brand(tmp_path / "files")), source)
    imported = import_preset(source, name="House 2")
    assert imported.preset.name == "House 2"
    assert imported.folder == brands_dir() / preset_folder_name("House 2")
    assert sorted(os.listdir(imported.folder / "assets")) == [
        "House-Bold.ttf", "House.ttf", "logo.png"]


def _with_encrypted_flag(path: Path, name: bytes) -> Path:
    """``path`` with the central directory saying ``name`` is encrypted (bit 0 of its
    flags), as a zip made with a password says; Python's zipfile cannot write one."""
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")
    while data[at + 46:at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    data[at + 8] |= 0x1
    path.write_bytes(bytes(data))
    return path


def test_a_preset_with_an_encrypted_entry_is_refused_saying_which(tmp_path: Path) -> None:
    hostile = _with_encrypted_flag(_zip(tmp_path / "locked.presskit-brand", [
        ("preset.yaml", GOOD_META), ("brand.yaml", GOOD_BRAND),
        ("assets/logo.png", b"x")]), b"assets/logo.png")
    with pytest.raises(BrandPresetError) as caught:
        import_preset(hostile)
    assert str(caught.value) == (f"{hostile}: not imported: the entry 'assets/logo.png' is "
                                 "encrypted; nothing was written")
    assert not brands_dir().exists()


def test_a_preset_whose_archive_lists_its_folder_first_imports_every_file(
        tmp_path: Path) -> None:
    source = tmp_path / "house.presskit-brand"
    export_preset(BrandPreset("House", house_brand(tmp_path / "files")), source)
    with zipfile.ZipFile(source) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    foldered = _zip(tmp_path / "foldered.presskit-brand", [("assets/", b""), *entries])
    imported = import_preset(foldered)
    assert imported.preset == import_preset(source, name="House").preset
    assert sorted(os.listdir(imported.folder / "assets")) == [
        "House-Bold.ttf", "House.ttf", "logo.png"]


def test_a_preset_that_cannot_get_a_folder_says_which_and_why(tmp_path: Path) -> None:
    source = tmp_path / "house.presskit-brand"
    export_preset(BrandPreset("House", house_brand(tmp_path / "files")), source)
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "House"
    with pytest.raises(BrandPresetError) as caught:
        import_preset(source, destination=target)
    assert str(caught.value).startswith(f"cannot create the folder {target}: ")
    assert len(str(caught.value)) > len(f"cannot create the folder {target}: ")


"""A kit's logo travels in its bundle whatever folder it lives in and whatever its name: the
bundle holds it under ``assets/``, the unpacked kit points at that copy (never back at the
sender's disk), an SVG logo counts as a picture, and a name Windows keeps for a device is
changed to one every system can unpack."""

from __future__ import annotations

from pathlib import Path

from presskit.formats.bundle import read_bundle, write_bundle
from presskit.storage.reader import load_kit

SVG_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
            b'<rect width="120" height="40" fill="#1a4d8f"/></svg>\n')


def kit_with_logo(tmp_path: Path, logo: str) -> Path:
    """A small kit in ``tmp_path/kit`` whose logo is ``logo`` (relative to the kit)."""
    folder = tmp_path / "kit"
    folder.mkdir()
    kit = folder / "kit.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: House logo\nbrand:\n  organisation: Example\n"
                   f"  logo: {logo}\n", encoding="utf-8")
    return kit


def test_an_svg_logo_from_outside_the_kit_folder_is_packed_and_the_unpacked_kit_uses_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "house.svg").write_bytes(SVG_LOGO)
    kit = kit_with_logo(tmp_path, "../shared/house.svg")

    report = write_bundle(kit, tmp_path / "kit.presskitz")

    assert not [m for m in report.messages() if "house.svg" in m], report.messages()
    assert "assets/house.svg" in {entry.name for entry in report.entries}
    unpacked = read_bundle(tmp_path / "kit.presskitz", tmp_path / "colleague")
    logo = load_kit(unpacked).kit.brand.logo
    assert logo == tmp_path / "colleague" / "assets" / "house.svg"
    assert logo.read_bytes() == SVG_LOGO


def test_a_logo_named_like_a_windows_device_is_packed_under_a_name_windows_accepts(
    tmp_path: Path,
) -> None:
    kit = kit_with_logo(tmp_path, "aux.svg")
    (kit.parent / "aux.svg").write_bytes(SVG_LOGO)

    report = write_bundle(kit, tmp_path / "kit.presskitz")

    assert "assets/aux-file.svg" in {entry.name for entry in report.entries}, report.entries
    unpacked = read_bundle(tmp_path / "kit.presskitz", tmp_path / "colleague")
    assert (unpacked.parent / "assets" / "aux-file.svg").read_bytes() == SVG_LOGO

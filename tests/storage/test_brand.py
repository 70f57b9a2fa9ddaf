"""A brand kept in a file of its own — the default brand File ▸ New starts from — is read like
the ``brand:`` of a kit: same keys, same checks, same ``file:line:col`` messages; and a new kit
made in it is a draft that saves and reopens without errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from presskit import resources_path
from presskit.model import Brand, PageSize, Status, validate
from presskit.model.operations import NEW_KIT_TITLE, new_kit
from presskit.storage import ProjectFileError, load_brand, load_kit, save_kit

DEFAULT_BRAND = Path(str(resources_path())) / "brand" / "default.yaml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_default_brand_reads_as_a_brand() -> None:
    brand = load_brand(DEFAULT_BRAND)
    assert brand.organisation == "Your Organisation"
    assert (brand.colors.primary, brand.colors.accent) == ("#1F3A5F", "#C8102E")
    assert brand.page_size is PageSize.LETTER
    assert (brand.margins.top, brand.margins.bottom) == (20, 22)


def test_a_brand_file_keeps_its_logo_relative_to_itself_and_its_unknown_keys(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "brands"
    folder.mkdir()
    path = write(folder / "house.yaml", (
        "organisation: Institute for Water Security\n"
        "logo: assets/logo.png\n"
        "colors:\n  primary: '#0B6E4F'\n"
        "page_size: a4\n"
        "mascot: heron\n"
    ))
    brand = load_brand(path)
    assert brand.logo == folder / "assets" / "logo.png"
    assert brand.colors.primary == "#0B6E4F" and brand.colors.accent == Brand().colors.accent
    assert brand.page_size is PageSize.A4
    assert brand.extra == {"mascot": "heron"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("organisation: X\ncolors:\n  primary: green\n",
         ":3:12: error: colour 'green' is not a colour"),
        ("organisation: X\npage_size: legal\n", ":2:12: error: page_size: "),
        ("organisation: [X\n", ":1:15: error: invalid YAML"),
        ("- organisation: X\n", ":1:1: error: expected a brand"),
        ("", ": error: the file is empty"),
    ],
)
def test_a_broken_brand_file_is_refused_with_where_it_is_wrong(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path / "brand.yaml", text)
    with pytest.raises(ProjectFileError) as raised:
        load_brand(path)
    assert f"{path}{expected}" in str(raised.value)


def test_a_missing_brand_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot read the file"):
        load_brand(tmp_path / "nowhere.yaml")


def test_a_new_kit_is_a_dated_draft_in_a_copy_of_the_brand_that_saves_and_reopens(
    tmp_path: Path,
) -> None:
    brand = load_brand(DEFAULT_BRAND)
    kit = new_kit(brand, today=dt.date(2026, 3, 2))
    assert (kit.title, kit.date, kit.status) == (NEW_KIT_TITLE, dt.date(2026, 3, 2), Status.DRAFT)
    assert [s.type.value for s in kit.sections] == ["lead", "quotes", "about"]
    assert kit.brand == brand and kit.brand is not brand
    assert not [p for p in validate(kit) if p.is_error]
    save_kit(kit, tmp_path / "new.presskit")
    assert load_kit(tmp_path / "new.presskit").kit.brand.colors == brand.colors

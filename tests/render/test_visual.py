"""The example kits still look the way they were approved to look: every page is rendered and
compared with its reference image in tests/visual/ (40 dpi grey, see visual_pages.py), so a
change of layout fails here until the references are regenerated on purpose with
scripts/update_visual_references.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import support.visual_pages as visual_pages
from PIL import Image

pytestmark = pytest.mark.skipif(visual_pages.pdftoppm() is None,
                                reason="pdftoppm (poppler-utils) is not installed")

UPDATE = "run scripts/update_visual_references.py if the change is intended"


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[Image.Image]]:
    return {name: visual_pages.example_pages(name) for name in visual_pages.EXAMPLES}


@pytest.mark.parametrize("name", sorted(visual_pages.EXAMPLES))
def test_each_example_has_as_many_pages_as_its_references(
        name: str, rendered: dict[str, list[Image.Image]]) -> None:
    references = visual_pages.references(name)
    assert references, f"no reference images for {name}; {UPDATE}"
    assert len(rendered[name]) == len(references), f"{name}: page count changed; {UPDATE}"


@pytest.mark.parametrize("name", sorted(visual_pages.EXAMPLES))
def test_example_pages_look_like_their_reference_renderings(
        name: str, rendered: dict[str, list[Image.Image]], tmp_path: Path) -> None:
    failures = []
    for number, (page, path) in enumerate(
            zip(rendered[name], visual_pages.references(name), strict=False), start=1):
        with Image.open(path) as reference:
            difference = visual_pages.compare(page, reference.convert("L"))
        if not difference.matches:
            page.save(tmp_path / f"{name}-{number}-actual.png")
            difference.image.save(tmp_path / f"{name}-{number}-difference.png")
            failures.append(f"page {number}: {difference}")
    assert not failures, (f"{name} looks different from tests/visual ({'; '.join(failures)}); "
                          f"actual pages and differences are in {tmp_path}; {UPDATE}")


def test_a_layout_change_is_noticed(rendered: dict[str, list[Image.Image]]) -> None:
    """The comparison is strict enough to see a paragraph reflow, loose enough to pass the
    same layout: a page shifted by two pixels (under 4 points) does not match."""
    page = rendered["cnas-responds"][0]
    assert visual_pages.compare(page, page.copy()).matches
    shifted = Image.new("L", page.size, 255)
    shifted.paste(page, (0, 2))
    assert not visual_pages.compare(shifted, page).matches


def test_reference_images_are_small() -> None:
    for path in visual_pages.REFERENCES.glob("*.png"):
        assert path.stat().st_size < 100_000, path.name

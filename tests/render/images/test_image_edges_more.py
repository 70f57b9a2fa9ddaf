"""More edges of preparing pictures and SVG logos: the exact words of each refusal (a folder
named as the picture, a missing SVG, a file that is no SVG, an SVG with no height, a damaged
picture inside an SVG, too many elements), a camera's MPO photo treated as the JPEG it is,
a wide photo shrunk strip by strip with every strip in its place, the prepared-image folder
(its entries read back at their size, an entry wider than presskit makes not trusted, old
entries trimmed from it), and an SVG whose ids are given twice counted as it is drawn."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from presskit.render.images import cache as image_cache
from presskit.render.images.cache import (
    DiskImages,
    ImageProblem,
    PreparedImage,
    largest_prepared,
)
from presskit.render.images.prepare import prepare_headshot, prepare_logo
from presskit.render.images import svg
from presskit.render.images.svg import prepare_svg_logo
from presskit.render.images.svg_raster import rasterise_svg_data

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}">{body}</svg>'
BLUE_SQUARE = '<rect width="100" height="100" fill="blue"/>'
RED = (200, 30, 30)
BLUE = (30, 30, 200)


def decoded(prepared: PreparedImage) -> Image.Image:
    image = Image.open(io.BytesIO(prepared.data))
    image.load()
    return image


def refusal(make: object, *args: object) -> str:
    with pytest.raises(ImageProblem) as err:
        make(*args)  # type: ignore[operator]
    return str(err.value)


def test_a_folder_named_as_a_picture_or_an_svg_logo_is_refused_saying_so(tmp_path: Path) -> None:
    (tmp_path / "photo.png").mkdir()
    (tmp_path / "logo.svg").mkdir()
    assert refusal(prepare_headshot, tmp_path / "photo.png", 50) == \
        "it is a folder, not a picture file"
    assert refusal(prepare_svg_logo, tmp_path / "logo.svg") == "it is a folder, not a SVG logo"
    assert refusal(prepare_svg_logo, tmp_path / "gone.svg") == "file not found"


@pytest.mark.parametrize("content", [b"", b"a logo, honest"], ids=["empty", "text"])
def test_a_file_that_is_no_svg_drawing_is_refused_in_exact_words(tmp_path: Path,
                                                                  content: bytes) -> None:
    path = tmp_path / "logo.svg"
    path.write_bytes(content)
    assert refusal(prepare_svg_logo, path) == "not a readable SVG drawing (damaged, or not SVG)"


@pytest.mark.parametrize("width, height", [(0, 100), (100, 0)])
def test_an_svg_logo_with_no_width_or_no_height_is_refused_saying_what_to_set(
        tmp_path: Path, width: int, height: int) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(SVG.format(w=width, h=height, body=BLUE_SQUARE))
    assert refusal(prepare_svg_logo, path) == \
        "the SVG drawing has no size (set width and height or a viewBox)"


def test_a_damaged_picture_inside_an_svg_logo_is_refused_naming_the_failure(
        tmp_path: Path) -> None:
    junk = base64.b64encode(b"not really a picture" * 5).decode()
    path = tmp_path / "logo.svg"
    path.write_text(SVG.format(w=100, h=100, body=f'<image width="10" height="10" '
                                                  f'href="data:image/png;base64,{junk}"/>'))
    assert refusal(prepare_svg_logo, path) == \
        "the SVG drawing embeds a damaged picture (UnidentifiedImageError)"


def test_an_svg_logo_of_more_elements_than_any_logo_is_refused_in_exact_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(svg, "MAX_ELEMENTS", 1000)  # the limit itself is 100,000: slow to parse
    path = tmp_path / "logo.svg"
    path.write_text(SVG.format(w=100, h=100, body="<g/>" * 1000))
    assert refusal(prepare_svg_logo, path) == \
        "the SVG drawing has more than 1,000 elements, far more than any logo"

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
from presskit.render.images.svg import MAX_ELEMENTS, prepare_svg_logo
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

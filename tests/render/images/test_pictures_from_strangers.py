"""More edges of preparing pictures and SVG logos: the exact words of each refusal (a folder
named as the picture, a missing SVG, a file that is no SVG, an SVG with no height, a damaged
picture inside an SVG, too many elements), a camera's MPO photo treated as the JPEG it is,
a wide photo shrunk strip by strip with every strip in its place, the prepared-image folder
(its entries read back at their size, an entry wider than presskit makes not trusted, old
entries trimmed from it), an SVG whose ids are given twice counted as it is drawn, and the
TIFFs once refused as damaged: 16-bit big-endian grey, grey with premultiplied alpha."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from presskit.render.images import cache as image_cache
from presskit.render.images import svg
from presskit.render.images.cache import (
    DiskImages,
    ImageProblem,
    Pixels,
    PreparedImage,
    largest_prepared,
)
from presskit.render.images.prepare import prepare_headshot, prepare_logo
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
    assert refusal(prepare_svg_logo, tmp_path / "logo.svg") == "it is a folder, not an SVG logo"
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


def test_a_cameras_mpo_photo_is_decoded_at_reduced_scale_as_the_same_jpeg_is(
        tmp_path: Path) -> None:
    # An MPO (a camera's JPEG with a second picture after it) is a JPEG: libjpeg decodes it at
    # a quarter of its size here, and the headshot is the same as from the photo as a JPEG.
    photo = Image.radial_gradient("L").resize((800, 600)).convert("RGB")
    photo.save(tmp_path / "photo.jpg", "JPEG", quality=90)
    photo.save(tmp_path / "photo.mpo", "MPO", quality=90, save_all=True, append_images=[photo])
    with Image.open(tmp_path / "photo.mpo") as opened:
        assert opened.format == "MPO"
    assert prepare_headshot(tmp_path / "photo.mpo", 24).data == \
        prepare_headshot(tmp_path / "photo.jpg", 24).data


def test_a_wide_photo_shrunk_strip_by_strip_keeps_every_strip_in_its_place(
        tmp_path: Path) -> None:
    # 1200×600 for a 50-pixel square: shrunk by 12 (its height decides) in three strips of
    # source rows; the top half is red, the bottom half blue.
    image = Image.new("RGB", (1200, 600), RED)
    image.paste(BLUE, (0, 300, 1200, 600))
    image.save(tmp_path / "team.png")
    square = decoded(prepare_headshot(tmp_path / "team.png", 12))
    assert square.size == (50, 50)
    assert near(square.getpixel((25, 2)), RED) and near(square.getpixel((25, 47)), BLUE)


def near(colour: object, expected: tuple[int, ...], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=True))  # type: ignore[call-overload]


def _jpeg(width: int, height: int) -> PreparedImage:
    out = io.BytesIO()
    Image.new("RGB", (width, height), BLUE).save(out, "JPEG")
    return PreparedImage(out.getvalue(), width, height)


def test_a_stored_image_larger_than_presskit_makes_for_its_box_is_not_read(
        tmp_path: Path) -> None:
    """For a 24-point square (100 pixels), a JPEG used as it is may be 150 pixels across; an
    entry claiming more was not made by presskit for it. One that fits is read back at its
    size."""
    photo = tmp_path / "photo.png"
    Image.new("RGB", (10, 10)).save(photo)
    status, bound = photo.stat(), largest_prepared(24, 24)
    for width, height in [(151, 1), (152, 1), (1, 151), (1, 152)]:
        DiskImages().store(photo, status, ("headshot", width, height), _jpeg(width, height))
    found = {size: DiskImages().load(photo, status, ("headshot", *size), bound)
             for size in [(151, 1), (152, 1), (1, 151), (1, 152)]}
    assert found[(152, 1)] is None and found[(1, 152)] is None
    for (width, height) in [(151, 1), (1, 151)]:
        read = found[(width, height)]
        assert read is not None and (read.width_px, read.height_px) == (width, height)


def test_a_stored_entry_with_fewer_pixel_rows_than_its_size_is_not_read(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (4, 4), (*BLUE, 128)).save(logo)
    status = logo.stat()
    whole = prepare_logo(logo, 300, 40)
    assert whole.pixels is not None and len(whole.pixels.data) == 4 * 4 * 3
    short = PreparedImage(whole.data, 4, 4, Pixels("RGB", whole.pixels.data[:-3],
                                                   whole.pixels.alpha))
    DiskImages().store(logo, status, ("whole",), whole)
    DiskImages().store(logo, status, ("short",), short)
    assert DiskImages().load(logo, status, ("whole",)) == whole
    assert DiskImages().load(logo, status, ("short",)) is None


def test_the_first_store_trims_old_entries_from_the_image_folder(tmp_path: Path) -> None:
    folder = image_cache.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "old.image"
    old.write_bytes(b"x" * 100_000)
    os.utime(old, (1_000_000, 1_000_000))  # long unused
    photo = tmp_path / "photo.png"
    Image.new("RGB", (10, 10)).save(photo)
    DiskImages(max_bytes=50_000).store(photo, photo.stat(), ("logo",), _jpeg(20, 20))
    assert not old.exists() and len(list(folder.glob("*.image"))) == 1


def test_an_svg_logo_asked_for_one_pixel_high_is_drawn_one_pixel_high() -> None:
    picture = rasterise_svg_data(SVG.format(w=100, h=100, body=BLUE_SQUARE).encode(), 100, 1)
    assert (picture.width_px, picture.height_px) == (1, 1)


def test_an_id_given_twice_is_counted_as_its_first_element_which_is_what_is_drawn(
        tmp_path: Path) -> None:
    """Each level draws the one before ten times: through the first ``a`` (ten shapes)
    that is over 100,000 elements; through the second (one shape), a fifth of that."""
    levels = ['<g id="a">' + '<rect width="1" height="1"/>' * 9 + "</g>"]
    for name, used in zip("bcde", "abcd", strict=True):
        levels.append(f'<g id="{name}">' + f'<use href="#{used}"/>' * 10 + "</g>")
    path = tmp_path / "logo.svg"
    path.write_text(SVG.format(w=100, h=100, body="".join(levels) + '<rect id="a"/>'))
    assert refusal(prepare_svg_logo, path) == (
        f"the SVG drawing repeats its shapes (<use>) to more than {svg.MAX_ELEMENTS:,} "
        "elements, far more than any logo")


def test_a_16_bit_big_endian_grey_tiff_is_printed_in_its_grey(tmp_path: Path) -> None:
    # A Mac or scanner TIFF stores 16-bit grey big-endian ("MM"); it was refused as
    # "the image data is damaged (point operation not supported for this mode)".
    path = tmp_path / "scan.tif"
    Image.new("I;16B", (300, 300), 40_000).save(path, "TIFF")  # 40,000/65,535 → 156 of 255
    with Image.open(path) as opened:
        assert opened.mode == "I;16B"
    grey = (156, 156, 156)
    assert near(decoded(prepare_headshot(path, 12)).getpixel((25, 25)), grey, 2)
    assert near(decoded(prepare_logo(path, 12, 12)).getpixel((25, 25)), grey, 2)


def _premultiplied_grey_tiff(path: Path) -> Path:
    """A TIFF of grey and alpha whose grey is premultiplied (ExtraSamples = 1, "associated
    alpha"), as some scanners and editors write it: a grey square, half transparent, in a
    transparent border. Pillow writes only unassociated alpha, so the tag is changed after."""
    image = Image.new("LA", (60, 60), (0, 0))
    image.paste((50, 128), (15, 15, 45, 45))  # grey 100 at alpha 128, premultiplied: 50
    out = io.BytesIO()
    image.save(out, "TIFF")
    data = out.getvalue()
    extra_samples = bytes.fromhex("52010300010000000200")  # tag 338, SHORT, 1, value 2
    assert data.startswith(b"II") and data.count(extra_samples) == 1
    path.write_bytes(data.replace(extra_samples, extra_samples[:8] + b"\x01\x00"))
    return path


def test_a_grey_tiff_with_premultiplied_alpha_keeps_its_transparency(tmp_path: Path) -> None:
    # It was refused as "the image data is damaged (conversion from La to L not supported)".
    path = _premultiplied_grey_tiff(tmp_path / "logo.tif")
    with Image.open(path) as opened:
        assert opened.mode == "La"
    logo = decoded(prepare_logo(path, 300, 40)).convert("LA")
    assert logo.getpixel((2, 2))[1] == 0 and near(logo.getpixel((30, 30)), (100, 128), 2)
    photo = decoded(prepare_headshot(path, 50)).convert("RGB")  # on white: 100/2 + 255/2
    assert near(photo.getpixel((2, 2)), (255, 255, 255), 3)
    assert near(photo.getpixel((photo.width // 2,) * 2), (177, 177, 177), 3)

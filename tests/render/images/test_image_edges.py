"""The edges of preparing pictures: the exact words of a refusal, transparency kept whatever
form it takes in the file (a palette entry, one grey or RGB colour, a palette with alpha),
an opaque logo printed as a JPEG, a logo thinner than a pixel, the filter a transparent
logo is shrunk with, how often the image folder is trimmed and where it is, and the
e-mail's picture of an SVG logo: read from its file, never larger than the box asked for,
refused in one line saying why, and drawn without any filter however it is named."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PIL import Image
from support.render_fixtures import make_logo

from presskit.render.images import cache as image_cache
from presskit.render.images.cache import DiskImages, ImageProblem, PreparedImage, pixels_for
from presskit.render.images.prepare import prepare_headshot, prepare_logo
from presskit.render.images.svg_raster import rasterise_svg, rasterise_svg_data

NAVY = (31, 58, 95)
WHITE = (255, 255, 255)


def near(colour: tuple[int, ...], expected: tuple[int, ...], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=True))


def decoded(prepared: PreparedImage) -> Image.Image:
    image = Image.open(io.BytesIO(prepared.data))
    image.load()
    return image


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width``×``height`` pixels (a decompression bomb's)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                     + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    return path


def test_an_unreadable_or_enormous_picture_is_refused_in_exact_words(tmp_path: Path) -> None:
    garbage = tmp_path / "logo.png"
    garbage.write_bytes(b"not a picture at all " * 50)
    with pytest.raises(ImageProblem) as err:
        prepare_logo(garbage, 300, 40)
    assert str(err.value) == "not a readable image (corrupt, or not PNG/JPEG)"
    with pytest.raises(ImageProblem) as err:
        prepare_headshot(png_claiming(tmp_path / "bomb.png", 10_000, 6_000), 50)
    assert str(err.value) == "the image is too large (10000×6000 pixels, more than 50 megapixels)"


def test_a_grey_square_jpeg_of_about_the_printed_size_goes_in_as_it_is(tmp_path: Path) -> None:
    photo = tmp_path / "kim.jpg"
    grey = Image.linear_gradient("L").resize((250, 250))
    grey.save(photo, "JPEG", quality=90)
    assert prepare_headshot(photo, 50).data == photo.read_bytes()


def _keyed(mode: str) -> Image.Image:
    """A 60×60 picture: a navy square in the middle of a transparent border, its
    transparency in the form ``mode`` keeps it."""
    if mode == "RGB":  # one RGB colour (magenta) is transparent
        image = Image.new("RGB", (60, 60), (255, 0, 255))
        image.paste(NAVY, (15, 15, 45, 45))
        image.info["transparency"] = (255, 0, 255)
        return image
    if mode == "L":  # one grey (black) is transparent
        image = Image.new("L", (60, 60), 0)
        image.paste(90, (15, 15, 45, 45))
        image.info["transparency"] = 0
        return image
    image = Image.new(mode, (60, 60), 0 if mode == "P" else (0, 0))  # index 0 is black
    image.putpalette([0, 0, 0, *NAVY])
    image.paste(1 if mode == "P" else (1, 255), (15, 15, 45, 45))
    if mode == "P":
        image.info["transparency"] = 0  # palette entry 0 is transparent
    return image


KEYED = {  # name → (mode, file format)
    "palette PNG": ("P", "PNG"),
    "GIF": ("P", "GIF"),
    "RGB PNG with one transparent colour": ("RGB", "PNG"),
    "grey PNG with one transparent grey": ("L", "PNG"),
    "palette with alpha (TIFF)": ("PA", "TIFF"),
}


@pytest.mark.parametrize("case", sorted(KEYED))
def test_transparency_kept_in_any_form_stays_transparent_on_the_page(tmp_path: Path,
                                                                      case: str) -> None:
    mode, fmt = KEYED[case]
    path = tmp_path / f"picture.{fmt.lower()}"
    image = _keyed(mode)
    image.save(path, fmt, **({"transparency": image.info["transparency"]}
                             if "transparency" in image.info else {}))
    with Image.open(path) as opened:
        assert opened.mode == mode  # the form this case is about
    logo = prepare_logo(path, 300, 40)
    assert logo.pixels is not None and logo.pixels.alpha is not None  # the PDF's soft mask
    shown = decoded(logo).convert("RGBA")
    assert shown.getpixel((2, 2))[3] == 0 and shown.getpixel((30, 30))[3] == 255
    photo = decoded(prepare_headshot(path, 50)).convert("RGB")  # flattened on white
    assert near(photo.getpixel((2, 2)), WHITE)
    assert not near(photo.getpixel((photo.width // 2,) * 2), WHITE, 60)


def test_a_big_picture_with_one_transparent_colour_is_shrunk_without_a_fringe_of_it(
        tmp_path: Path) -> None:
    # Shrunk by half first (the box is 1250×167 pixels); averaging magenta into the navy
    # edge would leave an opaque purple outline round the logo.
    image = Image.new("RGB", (2600, 400), (255, 0, 255))
    image.paste(NAVY, (301, 101, 2301, 301))
    path = tmp_path / "logo.png"
    image.save(path, "PNG", transparency=(255, 0, 255))
    shown = decoded(prepare_logo(path, 300, 40)).convert("RGBA")
    seen = [pixel for _count, pixel in shown.getcolors(1 << 24) or [] if pixel[3] >= 128]
    assert seen and all(red < 80 for red, _green, _blue, _alpha in seen)


@pytest.mark.parametrize("fmt", ["PNG", "GIF"])
def test_an_opaque_palette_logo_is_printed_as_a_jpeg_without_a_mask(tmp_path: Path,
                                                                    fmt: str) -> None:
    image = Image.new("P", (60, 60), 0)
    image.putpalette([*WHITE, *NAVY])
    image.paste(1, (15, 15, 45, 45))
    path = tmp_path / f"logo.{fmt.lower()}"
    image.save(path, fmt)
    logo = prepare_logo(path, 300, 40)
    assert logo.data[:2] == b"\xff\xd8" and logo.pixels is None


def test_a_logo_printed_thinner_than_a_pixel_gets_one_pixel_not_more(tmp_path: Path) -> None:
    logo = prepare_logo(make_logo(tmp_path / "logo.png"), 300, 0.1)  # 640×200
    assert (logo.width_px, logo.height_px) == (3, 1)


def test_a_transparent_logo_is_shrunk_with_lanczos_as_an_opaque_one_is(tmp_path: Path) -> None:
    path = make_logo(tmp_path / "logo.png")
    box = (pixels_for(300), pixels_for(20))
    with Image.open(path) as source:
        lanczos, bicubic = source.convert("RGBA"), source.convert("RGBA")
    lanczos.thumbnail(box, Image.Resampling.LANCZOS)
    bicubic.thumbnail(box, Image.Resampling.BICUBIC)
    assert lanczos.tobytes() != bicubic.tobytes()  # the two filters differ on this logo
    assert decoded(prepare_logo(path, 300, 20)).tobytes() == lanczos.tobytes()


def test_prepared_images_are_kept_in_the_images_folder_of_the_user_cache(
        tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png")
    DiskImages().store(logo, logo.stat(), ("logo", 300.0, 40.0), prepare_logo(logo, 300, 40))
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "presskit" / "images"
    assert len(list(folder.glob("*.image"))) == 1


def test_the_image_folder_is_trimmed_at_the_first_store_then_after_each_eighth_added(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trimming reads the whole folder: it is done when this store first adds to it, and
    again only once more than an eighth of the folder's size has been added since."""
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (40, 40), NAVY).save(photo, "JPEG")
    prepared, status = PreparedImage(photo.read_bytes(), 40, 40), photo.stat()
    DiskImages().store(photo, status, ("size",), prepared)
    [entry] = image_cache.cache_dir().glob("*.image")
    size = entry.stat().st_size  # every entry below is this size
    trims: list[int] = []
    monkeypatch.setattr(image_cache, "trim", lambda folder, max_bytes: trims.append(stored))
    store = DiskImages(max_bytes=24 * size)  # an eighth: three entries
    for stored in range(9):
        store.store(photo, status, ("logo", stored), prepared)
    assert trims == [0, 4, 8]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}">{body}</svg>'
BLUE_SQUARE = '<rect width="100" height="100" fill="blue"/>'
BLUE = (0, 0, 255, 255)


def colours(prepared: PreparedImage) -> list[tuple[int, tuple[int, ...]]]:
    return sorted(decoded(prepared).convert("RGBA").getcolors() or [])


def test_an_svg_logo_file_is_drawn_as_a_picture_in_its_proportions(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(SVG.format(w=200, h=100, body='<rect width="200" height="100" '
                                                  'fill="blue"/>'))
    picture = rasterise_svg(path, 100, 100)
    assert (picture.width_px, picture.height_px) == (100, 50)
    assert colours(picture) == [(100 * 50, BLUE)]


@pytest.mark.parametrize("complaint, reason", [
    ("invalid\n   size", "invalid size"),
    ("", "RuntimeError"),
])
def test_a_drawing_resvg_refuses_is_refused_in_one_line_with_its_reason(
        monkeypatch: pytest.MonkeyPatch, complaint: str, reason: str) -> None:
    import resvg_py

    def refuse(**_ask: Any) -> bytes:
        raise RuntimeError(complaint)

    monkeypatch.setattr(resvg_py, "svg_to_bytes", refuse)
    with pytest.raises(ImageProblem) as err:
        rasterise_svg_data(SVG.format(w=100, h=100, body=BLUE_SQUARE).encode(), 100, 100)
    assert str(err.value) == f"the SVG drawing cannot be drawn as a picture ({reason})"


@pytest.mark.parametrize("size", [(101, 100), (100, 101)])
def test_a_picture_larger_than_the_box_either_way_is_refused(
        monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    import resvg_py

    made = io.BytesIO()
    Image.new("RGBA", size).save(made, "PNG")
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **_ask: made.getvalue())
    with pytest.raises(ImageProblem) as err:
        rasterise_svg_data(SVG.format(w=100, h=100, body=BLUE_SQUARE).encode(), 100, 100)
    assert str(err.value) == (f"the SVG drawing came out {size[0]}×{size[1]} pixels, larger "
                              f"than the 100×100 asked for")


FLOOD = '<filter id="f"><feFlood flood-color="red"/></filter>'
NAMESPACES = ('xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
              'xmlns:x="urn:x" xmlns:b="urn:a}b"')


@pytest.mark.parametrize("use", [
    '<rect width="100" height="100" fill="blue" svg:filter="url(#f)"/>',
    '<rect width="100" height="100" fill="blue" xlink:filter="url(#f)"/>',
    '<rect width="100" height="100" fill="blue" xml:style="filter:url(#f)"/>',
    '<rect width="100" height="100" fill="blue" svg:style="filter:url(#f)"/>',
    '<x:style>rect { filter: url(#f) }</x:style>' + BLUE_SQUARE,
    '<b:style>rect { filter: url(#f) }</b:style>' + BLUE_SQUARE,
    '<rect width="100" height="100" fill="blue" b:filter="url(#f)" b:style="filter:none"/>',
], ids=["svg:filter", "xlink:filter", "xml:style", "svg:style", "sheet in another namespace",
        "sheet in a namespace with a brace", "attributes in a namespace with a brace"])
def test_a_filter_named_through_a_namespace_prefix_is_left_out_and_the_shape_drawn(
        use: str) -> None:
    # resvg reads these as ``filter`` and ``style``; a use of the filter that is gone would
    # hide the shape. A namespace with a brace in it (svglib's parser lets it through)
    # cannot be named to lxml again, and must not make the logo fail.
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" {NAMESPACES} width="100" height="100">'
           f'{FLOOD}{use}</svg>')
    assert colours(rasterise_svg_data(svg.encode(), 100, 100)) == [(100 * 100, BLUE)]


def test_a_style_naming_a_filter_whose_id_has_a_colon_is_left_out_and_the_shape_drawn() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
           '<filter id="a:b"><feFlood flood-color="red"/></filter>'
           '<rect width="100" height="100" fill="blue" style="filter:url(#a:b)"/></svg>')
    assert colours(rasterise_svg_data(svg.encode(), 100, 100)) == [(100 * 100, BLUE)]


def test_no_filter_nested_in_a_prefixed_svg_reaches_resvg(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever names it, a filter (a turbulence of a million octaves keeps resvg busy for
    good) is not in the drawing resvg is given."""
    import resvg_py

    given: list[str] = []
    draw = resvg_py.svg_to_bytes

    def spy(**ask: Any) -> Any:
        given.append(ask["svg_string"])
        return draw(**ask)

    monkeypatch.setattr(resvg_py, "svg_to_bytes", spy)
    svg = ('<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="100" height="100">'
           '<svg:defs><svg:g><svg:filter id="f"><svg:feTurbulence baseFrequency="0.1" '
           'numOctaves="1000000"/></svg:filter></svg:g></svg:defs>'
           '<svg:rect width="100" height="100" fill="blue" svg:filter="url(#f)"/></svg:svg>')
    assert colours(rasterise_svg_data(svg.encode(), 100, 100)) == [(100 * 100, BLUE)]
    [text] = given
    tree = etree.fromstring(text.encode())
    names = [node.tag for node in tree.iter()]
    names += [name for node in tree.iter() for name in node.attrib]
    assert names and not [name for name in names if "filter" in name.lower()]

"""What a prepared picture holds, pixel by pixel: a transparent photo flattened on white, a
CMYK photo turned into the RGB colour it shows, pictures reduced before they are copied,
opaque pixels drawn without a mask, and the image cache reading back an entry of exactly
the largest size, and no more of a photo than its recorded size."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from support.pdf_reading import reader

from presskit.render.images import cache as image_cache
from presskit.render.images import prepare as images
from presskit.render.images.cache import Pixels, PreparedImage, largest_prepared, pixels_for
from presskit.render.images.prepare import prepare_headshot, prepare_logo


def decoded(prepared: PreparedImage) -> Image.Image:
    image = Image.open(io.BytesIO(prepared.data))
    image.load()
    return image


def near(colour: tuple[int, ...], expected: tuple[int, ...], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=True))


def test_a_transparent_photo_is_printed_on_white(tmp_path: Path) -> None:
    path = tmp_path / "cut-out.png"
    photo = Image.new("RGBA", (200, 200), (0, 0, 0, 0))  # transparent all round ...
    photo.paste((180, 40, 40, 255), (50, 50, 150, 150))  # ... but for a red square
    photo.save(path)
    square = decoded(prepare_headshot(path, 30))
    assert square.mode == "RGB"
    assert near(square.getpixel((2, 2)), (255, 255, 255))
    middle = square.width // 2
    assert near(square.getpixel((middle, middle)), (180, 40, 40))


def test_a_cmyk_photo_and_logo_come_out_in_the_rgb_colour_they_show(tmp_path: Path) -> None:
    path = tmp_path / "agency.jpg"
    Image.new("CMYK", (400, 400), (0, 255, 255, 0)).save(path, "JPEG", quality=95)  # red
    with Image.open(path) as original:
        shown = original.convert("RGB").getpixel((200, 200))
    for prepared in (prepare_headshot(path, 30), prepare_logo(path, 60, 60)):
        picture = decoded(prepared)
        assert picture.mode == "RGB"
        assert near(picture.getpixel((picture.width // 2, picture.height // 2)), shown)


def test_a_picture_is_reduced_for_its_box_as_it_will_be_shown() -> None:
    """Reduced right after decoding, by as much as the box allows, so the copies made on the
    way down are small; a sideways phone picture (EXIF orientation 6) is measured turned."""
    stripes = Image.new("L", (1200, 200), 0)  # one-pixel stripes, black and white
    for x in range(0, 1200, 2):
        stripes.paste(255, (x, 0, x + 1, 200))
    reduced = images._shrink(stripes, (300, 50))
    assert reduced.size == (300, 50)
    assert reduced.getcolors() == [(300 * 50, 128)]  # averaged to grey, not picked black or white
    palette = stripes.convert("P")
    picked = images._shrink(palette, (300, 50))  # colours that are not in a palette: picked
    assert (picked.mode, picked.size) == ("P", (300, 50))
    sideways = Image.new("L", (200, 1200), 128)
    exif = sideways.getexif()
    exif[0x0112] = 6
    sideways.info["exif"] = exif.tobytes()
    sideways = Image.open(io.BytesIO(_png(sideways)))
    assert images._shrink(sideways, (300, 50)).size == (50, 300)


def test_a_picture_reduced_strip_by_strip_keeps_each_band_where_it_was() -> None:
    """Bands of four rows, black and white by turns, reduced four times: each shrunk row is
    one band, black or white, never a grey of two bands read across a strip's edge."""
    bands = Image.new("L", (400, 1200), 255)
    for y in range(0, 1200, 8):
        bands.paste(0, (0, y, 400, y + 4))
    reduced = images._shrink(bands, (100, 300))
    assert reduced.size == (100, 300)
    assert [reduced.getpixel((50, y)) for y in range(300)] == [0, 255] * 150


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", exif=image.info["exif"])
    return out.getvalue()


def drawn_xobject(prepared: PreparedImage) -> object:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(100, 100))
    canvas.drawImage(prepared.reader(), 0, 0, 100, 100, mask="auto")
    canvas.showPage()
    canvas.save()
    [xobject] = reader(out.getvalue()).pages[0]["/Resources"]["/XObject"].values()
    return xobject.get_object()


def test_opaque_pixels_are_drawn_without_a_mask_and_with_alpha_with_one() -> None:
    rgb = bytes([10, 200, 30]) * 4
    opaque = drawn_xobject(PreparedImage(b"\x89PNG", 2, 2, Pixels("RGB", rgb)))
    assert "/SMask" not in opaque and opaque["/ColorSpace"] == "/DeviceRGB"
    assert opaque.get_data() == rgb
    masked = drawn_xobject(PreparedImage(b"\x89PNG", 2, 2, Pixels("RGB", rgb, b"\x80" * 4)))
    assert masked["/SMask"].get_object().get_data() == b"\x80" * 4


def test_an_entry_of_exactly_the_largest_size_prepared_is_read_back(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"stands for the logo file")
    width, height = largest_prepared(300, 40)
    rows = Image.new("RGBA", (width, height), (10, 20, 30, 128))
    png = io.BytesIO()
    rows.save(png, "PNG")
    prepared = PreparedImage(png.getvalue(), width, height,
                             Pixels("RGB", rows.convert("RGB").tobytes(),
                                    rows.getchannel("A").tobytes()))
    store = image_cache.DiskImages()
    status, key = logo.stat(), ("logo", 300.0, 40.0)
    store.store(logo, status, key, prepared)
    assert store.load(logo, status, key, (width, height)) == prepared
    assert store.load(logo, status, key, (width - 1, height)) is None
    assert store.load(logo, status, key, (width, height - 1)) is None


def test_a_photo_used_as_it_is_is_read_from_the_cache_no_further_than_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry of a JPEG that went into the PDF as it is holds no copy: the photo is read
    again, and no more of it than the size it had, whatever it has grown to since."""
    photo = tmp_path / "kim.jpg"
    side = pixels_for(50)
    Image.new("RGB", (side, side), (20, 90, 160)).save(photo, "JPEG")
    prepared = prepare_headshot(photo, 50)
    assert prepared.data == photo.read_bytes()  # used as it is
    store = image_cache.DiskImages()
    status, key = photo.stat(), ("headshot", 50.0)
    store.store(photo, status, key, prepared)
    with photo.open("ab") as grown:  # after the stamp was taken, as a copy still running
        grown.write(b"\0" * 1_000_000)
    asked: list[int] = []
    real_open = open

    def spying_open(path: os.PathLike[str], mode: str = "r") -> object:
        stream = real_open(path, mode)
        real_read = stream.read

        def read(size: int = -1) -> bytes:
            asked.append(-1 if size is None else size)
            return real_read(size)

        stream.read = read  # type: ignore[method-assign]
        return stream

    monkeypatch.setattr(image_cache, "open", spying_open, raising=False)
    assert store.load(photo, status, key) is None  # not the photo the entry was made for
    assert asked and all(0 <= size <= status.st_size + 1 for size in asked), asked

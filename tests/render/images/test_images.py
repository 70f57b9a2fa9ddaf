"""Headshots and logos: bad files give a placeholder and a warning (an error when strict),
EXIF orientation is honoured, photos are shrunk so a kit of 5 MB photos stays small."""

from __future__ import annotations

import functools
import io
import math
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from support.pdf_reading import page_texts, reader
from support.render_fixtures import make_headshot, make_logo, seed_kit

from presskit.model import Expert, HeadshotShape, Kit, Quote, QuotesSection
from presskit.render import ImageCache, RenderError, render_pdf
from presskit.render.images import cache as image_cache
from presskit.render.images import prepare as images
from presskit.render.images.prepare import (
    MAX_PIXELS,
    ImageProblem,
    pixels_for,
    prepare_headshot,
    prepare_logo,
)
from presskit.storage.writer import save_kit


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that claims ``width``×``height`` pixels: a decompression bomb's header."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                     + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    return path


def truncated_jpeg(path: Path) -> Path:
    good = make_headshot(path.with_suffix(".full.jpg"), 1).read_bytes()
    path.write_bytes(good[: len(good) // 3])
    return path


def ico_file(path: Path) -> Path:
    Image.new("RGB", (32, 32), "red").save(path, "ICO")
    return path


BAD_PHOTOS = {
    "missing": (lambda p: p / "nowhere.jpg", "file not found"),
    "garbage": (lambda p: _write(p / "garbage.jpg", os.urandom(5000)), "not a readable image"),
    "svg": (lambda p: _write(p / "face.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "not a readable image"),
    "truncated": (lambda p: truncated_jpeg(p / "cut.jpg"), "damaged"),
    "unsupported": (lambda p: ico_file(p / "face.ico"), "ICO images are not supported"),
    "bomb-60mp": (lambda p: png_header(p / "bomb60.png", 10_000, 6_000), "too large"),
    "bomb-400mp": (lambda p: png_header(p / "bomb400.png", 20_000, 20_000), "too large"),
    "folder": (lambda p: p, "folder"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def with_photo(kit: Kit, index: int, photo: Path, photos: bool = True) -> Kit:
    kit.experts[index].photo = photo
    kit.sections[3].photos = photos  # the quotes section
    return kit


@pytest.mark.parametrize("case", sorted(BAD_PHOTOS))
def test_a_bad_photo_gives_a_placeholder_and_a_warning_naming_file_and_problem(
        tmp_path: Path, case: str) -> None:
    make, reason = BAD_PHOTOS[case]
    path = make(tmp_path)
    kit = with_photo(seed_kit(), 0, path)
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("experts", 0, "photo")
    assert str(path) in warning.message
    assert reason in warning.message
    assert "Duyeon Kim" in warning.message
    assert "DK" in page_texts(pdf.data)[0]  # the placeholder's initials
    with pytest.raises(RenderError, match="experts.0.photo"):
        render_pdf(kit, strict=True)


def test_global_pillow_limit_is_left_alone(tmp_path: Path) -> None:
    before = Image.MAX_IMAGE_PIXELS
    render_pdf(with_photo(seed_kit(), 0, png_header(tmp_path / "b.png", 10_000, 6_000)))
    assert before == Image.MAX_IMAGE_PIXELS
    assert (before or 0) > MAX_PIXELS


def test_a_bad_photo_is_reported_once_even_when_used_twice(tmp_path: Path) -> None:
    kit = with_photo(seed_kit(), 0, tmp_path / "gone.jpg")
    kit.sections[3].quotes.append("duyeon-kim-1")
    assert len(render_pdf(kit).warnings) == 1


def test_a_good_photo_is_drawn_without_warnings(tmp_path: Path) -> None:
    kit = with_photo(seed_kit(), 0, make_headshot(tmp_path / "kim.jpg", 3))
    pdf = render_pdf(kit, strict=True)
    assert pdf.warnings == []
    xobjects = reader(pdf.data).pages[0]["/Resources"]["/XObject"]
    images = [x.get_object() for x in xobjects.values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    assert "/DCTDecode" in images[0]["/Filter"]  # the JPEG is passed through, not re-coded
    assert images[0]["/Width"] == images[0]["/Height"] == pixels_for(50)


def _embedded_images(pdf: bytes) -> list[bytes]:
    xobjects = reader(pdf).pages[0]["/Resources"]["/XObject"]
    return [x.get_object().get_data() for x in xobjects.values()
            if x.get_object()["/Subtype"] == "/Image"]


def test_a_square_jpeg_of_about_the_printed_size_goes_in_as_it_is(tmp_path: Path) -> None:
    """No second JPEG generation (and no time spent on one): the picture the press office
    chose is the one the journalist sees, bit for bit."""
    photo = tmp_path / "kim.jpg"
    make_headshot(tmp_path / "big.jpg", 3, size=(600, 600))
    with Image.open(tmp_path / "big.jpg") as big:
        big.resize((250, 250)).save(photo, "JPEG", quality=90)
    kit = with_photo(seed_kit(), 0, photo)
    assert _embedded_images(render_pdf(kit, strict=True).data) == [photo.read_bytes()]


@pytest.mark.parametrize("size, orientation", [((250, 310), 1), ((600, 600), 1),
                                               ((250, 250), 6)])
def test_other_jpegs_are_cropped_shrunk_or_turned_first(tmp_path: Path, size: tuple[int, int],
                                                        orientation: int) -> None:
    photo = tmp_path / "kim.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.new("RGB", size, (200, 30, 30)).save(photo, "JPEG", exif=exif.tobytes())
    [embedded] = _embedded_images(render_pdf(with_photo(seed_kit(), 0, photo)).data)
    assert embedded != photo.read_bytes()
    with Image.open(io.BytesIO(embedded)) as shown:
        assert shown.width == shown.height <= pixels_for(50)


def test_a_cut_off_small_jpeg_is_caught_before_it_reaches_the_pdf(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((200, 200), 60).convert("RGB").save(whole, "JPEG", quality=95)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:4000])
    pdf = render_pdf(with_photo(seed_kit(), 0, cut))
    [warning] = pdf.warnings
    assert "damaged" in warning.message
    assert _embedded_images(pdf.data) == []  # the placeholder is drawn, not a broken image


def test_photos_are_hidden_unless_the_quotes_section_asks_for_them(tmp_path: Path) -> None:
    kit = with_photo(seed_kit(), 0, tmp_path / "gone.jpg", photos=False)
    pdf = render_pdf(kit)
    assert pdf.warnings == []  # never read
    assert "DK" not in page_texts(pdf.data)[0]


def test_a_missing_logo_warns_and_the_masthead_is_printed_without_it(tmp_path: Path) -> None:
    kit = seed_kit(logo=tmp_path / "logo.png")
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("brand", "logo")
    assert str(tmp_path / "logo.png") in warning.message
    assert "CNAS Responds" in page_texts(pdf.data)[0]
    with pytest.raises(RenderError):
        render_pdf(kit, strict=True)


def test_a_transparent_logo_keeps_its_transparency(tmp_path: Path) -> None:
    prepared = prepare_logo(make_logo(tmp_path / "logo.png"), 300, 40)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.format == "PNG" and image.mode == "RGBA"
        assert image.height <= pixels_for(40)
    pdf = render_pdf(seed_kit(logo=tmp_path / "logo.png"), strict=True)
    xobjects = reader(pdf.data).pages[0]["/Resources"]["/XObject"]
    assert any("/SMask" in x.get_object() for x in xobjects.values())


def test_headshots_are_cropped_square_downsampled_and_turned_upright(tmp_path: Path) -> None:
    image = Image.new("RGB", (3000, 1500), (255, 0, 0))
    image.paste((0, 0, 255), (1500, 0, 3000, 1500))  # right half blue
    exif = Image.Exif()
    exif[0x0112] = 3  # stored upside down: rotate 180° to show
    path = tmp_path / "upside-down.jpg"
    image.save(path, "JPEG", exif=exif.tobytes())
    prepared = prepare_headshot(path, 50)
    assert prepared.width_px == prepared.height_px == pixels_for(50)
    with Image.open(io.BytesIO(prepared.data)) as shot:
        assert shot.format == "JPEG"
        red, _, blue = shot.convert("RGB").getpixel((5, shot.height // 2))
        assert blue > 200 and red < 60  # upright: the blue half is now on the left


def test_a_sideways_phone_photo_is_upright_in_the_pdf(tmp_path: Path) -> None:
    """A phone stores a portrait photo as a landscape image plus EXIF orientation 6 ("turn
    90° clockwise to show"); the headshot in the PDF is the upright, centre-cropped photo."""
    stored = Image.new("RGB", (1200, 800), (220, 0, 0))
    stored.paste((0, 0, 220), (0, 400, 1200, 800))  # stored: red on top, blue below
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "phone.jpg"
    stored.save(path, "JPEG", exif=exif.tobytes())
    kit = with_photo(seed_kit(), 0, path)
    kit.sections = [kit.sections[3]]
    pdf = render_pdf(kit, strict=True)
    [shown] = reader(pdf.data).pages[0].images
    picture = shown.image.convert("RGB")
    assert picture.width == picture.height  # cropped square around the centre
    middle = picture.height // 2
    left, right = picture.getpixel((3, middle)), picture.getpixel((picture.width - 4, middle))
    assert left[2] > 150 and left[0] < 80  # turned upright: blue on the left …
    assert right[0] > 150 and right[2] < 80  # … red on the right


def headshot_coverage(pdf: bytes, tmp_path: Path) -> float:
    """How much of its bounding box the (pure red) headshot fills on the rendered page."""
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", str(source),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    with Image.open(png) as page:
        rgb = page.convert("RGB")
    red = Image.eval(rgb.getchannel("R"), lambda v: 255 if v > 235 else 0)  # not the accent
    green = Image.eval(rgb.getchannel("G"), lambda v: 255 if v < 40 else 0)
    blue = Image.eval(rgb.getchannel("B"), lambda v: 255 if v < 40 else 0)
    mask = ImageChops.multiply(ImageChops.multiply(red, green), blue)
    box = mask.getbbox()
    assert box is not None, "no headshot on the page"
    filled = mask.crop(box).histogram()[255]
    return filled / ((box[2] - box[0]) * (box[3] - box[1]))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
@pytest.mark.parametrize("shape, coverage", [(HeadshotShape.SQUARE, 1.0),
                                             (HeadshotShape.CIRCLE, math.pi / 4)])
def test_headshots_are_cropped_to_the_brands_shape(
        tmp_path: Path, shape: HeadshotShape, coverage: float) -> None:
    photo = tmp_path / "red.jpg"
    Image.new("RGB", (900, 1200), (255, 0, 0)).save(photo, "JPEG")
    kit = with_photo(seed_kit(), 0, photo)
    kit.sections = [kit.sections[3]]
    kit.brand.headshots = shape
    assert headshot_coverage(render_pdf(kit, strict=True).data, tmp_path) == \
        pytest.approx(coverage, abs=0.04)


def test_a_circle_placeholder_for_a_missing_photo_keeps_the_initials(tmp_path: Path) -> None:
    kit = with_photo(seed_kit(), 0, tmp_path / "gone.jpg")
    kit.brand.headshots = HeadshotShape.CIRCLE
    pdf = render_pdf(kit)
    assert "DK" in page_texts(pdf.data)[0]


def test_a_small_photo_is_not_upsampled(tmp_path: Path) -> None:
    path = make_headshot(tmp_path / "tiny.jpg", 2, size=(80, 120))
    assert prepare_headshot(path, 50).width_px == 80


def test_prepare_raises_image_problem_for_a_bomb(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match="10000×6000"):
        prepare_headshot(png_header(tmp_path / "b.png", 10_000, 6_000), 50)


@pytest.fixture(scope="session")
def big_photos(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """100 distinct ~5 MB JPEGs of noise (noise does not compress: the worst case).

    Encoding a 5 MB JPEG takes longer than presskit takes to shrink it, so one picture of
    noise is encoded and the others are made from it by changing the DC value of its two
    quantisation tables: every pixel of each decodes differently, at every scale (the DC
    is all a 1/8-scale decode reads), and each costs a whole decode, as a real photo does.
    """
    folder = tmp_path_factory.mktemp("big-photos")
    width, height = 1500, 1125
    noise = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    encoded = io.BytesIO()
    noise.save(encoded, "JPEG", quality=97, subsampling=0)
    base = encoded.getvalue()
    dc = []  # where each quantisation table's first (DC) value is
    at = base.find(b"\xff\xdb")
    while at >= 0:
        end = at + 2 + int.from_bytes(base[at + 2:at + 4], "big")
        dc += range(at + 5, end, 65)  # after each table's precision/id byte; 8-bit tables
        at = base.find(b"\xff\xdb", end)
    assert len(dc) == 2, "expected a luma and a chroma table"
    paths = []
    for n in range(100):
        data = bytearray(base)
        data[dc[0]], data[dc[1]] = 1 + n // 10, 1 + n % 10
        path = folder / f"photo-{n:03}.jpg"
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_a_kit_with_100_photos_of_5_mb_stays_a_few_mb(big_photos: list[Path]) -> None:
    assert min(p.stat().st_size for p in big_photos) > 4_500_000
    kit = seed_kit()
    kit.experts = [Expert(id=f"e{n}", name=f"Expert {n}", title="Fellow", photo=path)
                   for n, path in enumerate(big_photos)]
    kit.quotes = [Quote(id=f"q{n}", expert=f"e{n}", text="A short approved quote.")
                  for n in range(len(big_photos))]
    kit.sections[3] = QuotesSection(id="experts", photos=True, quotes=[q.id for q in kit.quotes])
    pdf = render_pdf(kit, strict=True)
    images = {
        x.idnum for page in reader(pdf.data).pages
        for x in (page["/Resources"].get("/XObject") or {}).values()
        if x.get_object()["/Subtype"] == "/Image"
    }
    assert len(images) == 100  # a picture of its own for each expert
    assert len(pdf.data) < 8_000_000, f"{len(pdf.data) / 1e6:.1f} MB"
    # No time bound: speed is measured by make bench, and a bound here failed on a loaded
    # machine.


@pytest.mark.parametrize("kind", ["headshot", "logo"])
def test_a_huge_png_costs_its_decoded_size_once_not_several_times(
        tmp_path: Path, kind: str) -> None:
    """A 200 KB PNG of 6000×6000 pixels decodes to 144 MB; shrinking it must not copy that
    three more times (orientation, premultiplied alpha, flattening) on the way down."""
    path = tmp_path / "huge.png"
    Image.new("RGBA", (6000, 6000), (30, 90, 160, 200)).save(path)
    decoded_mb = 6000 * 6000 * 4 / 2**20
    probe = textwrap.dedent(
        f"""
        import resource
        from pathlib import Path
        from presskit.render.images.prepare import prepare_headshot, prepare_logo
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if {kind!r} == "logo":
            prepare_logo(Path({str(path)!r}), 300, 40)
        else:
            prepare_headshot(Path({str(path)!r}), 50)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) < 1.5 * decoded_mb


def counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """Every image prepared from its file from now on (headshots and logos)."""
    prepared: list[tuple[str, Path]] = []
    for name in ("prepare_headshot", "prepare_logo"):
        real = getattr(images, name)

        def counting(path: Path, *args: float, real=real, name=name) -> images.PreparedImage:
            prepared.append((name, path))
            return real(path, *args)

        monkeypatch.setattr(images, name, counting)
    return prepared


def test_a_caller_that_keeps_an_image_cache_prepares_each_photo_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview renders after every pause in typing: an unchanged photo is decoded once
    for all of them, and a photo the user replaces is read again."""
    photo = make_headshot(tmp_path / "kim.jpg", 3)
    kit = with_photo(seed_kit(), 0, photo)
    prepared = counted(monkeypatch)
    cache = ImageCache(disk=False)
    first = render_pdf(kit, invariant=True, image_cache=cache)
    assert render_pdf(kit, invariant=True, image_cache=cache).data == first.data
    assert len(prepared) == 1
    make_headshot(photo, 5)
    stamp = photo.stat().st_mtime_ns + 2_000_000_000
    os.utime(photo, ns=(stamp, stamp))
    assert render_pdf(kit, invariant=True, image_cache=cache).data != first.data
    assert len(prepared) == 2
    render_pdf(kit, image_cache=ImageCache(disk=False))
    assert len(prepared) == 3


def test_prepared_images_are_kept_on_disk_for_the_next_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second export (another process, as far as the cache knows) prepares nothing and
    makes the same PDF; a photo or logo changed on disk is prepared again."""
    photo = make_headshot(tmp_path / "kim.jpg", 3)  # re-encoded: not the size printed
    small = tmp_path / "small.jpg"
    Image.new("RGB", (pixels_for(50),) * 2, (20, 90, 160)).save(small, "JPEG")  # as it is
    kit = with_photo(with_photo(seed_kit(logo=make_logo(tmp_path / "logo.png")), 0, photo),
                     1, small)
    prepared = counted(monkeypatch)
    first = render_pdf(kit, invariant=True, strict=True)
    made = sorted(prepared)
    assert [name for name, _path in made] == ["prepare_headshot"] * 2 + ["prepare_logo"]
    prepared.clear()
    again = render_pdf(kit, invariant=True, strict=True)
    assert prepared == [] and again.data == first.data
    entries = sorted(p.stat().st_size for p in image_cache.cache_dir().glob("*.image"))
    assert len(entries) == 3 and entries[0] < 200  # the JPEG used as it is: just a note
    make_headshot(photo, 5)
    stamp = photo.stat().st_mtime_ns + 2_000_000_000
    os.utime(photo, ns=(stamp, stamp))
    changed = render_pdf(kit, invariant=True, strict=True)
    assert prepared == [("prepare_headshot", photo)] and changed.data != first.data


def test_a_damaged_or_unwritable_image_cache_costs_only_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = with_photo(seed_kit(logo=make_logo(tmp_path / "logo.png")), 0,
                     make_headshot(tmp_path / "kim.jpg", 3))
    first = render_pdf(kit, invariant=True, strict=True)
    entries = sorted(image_cache.cache_dir().glob("*.image"))
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:-7])  # cut off
    entries[1].write_bytes(b"presskit prepared image\n{\"width\": 3}\n")  # nonsense
    prepared = counted(monkeypatch)
    assert render_pdf(kit, invariant=True, strict=True).data == first.data
    assert len(prepared) == 2
    shutil.rmtree(image_cache.cache_dir())
    image_cache.cache_dir().write_text("a file where the folder should be")
    prepared.clear()
    assert render_pdf(kit, invariant=True, strict=True).data == first.data
    assert len(prepared) == 2


def test_a_cut_off_image_entry_is_never_taken_for_a_picture(tmp_path: Path) -> None:
    """Whatever length a write was cut at (a full disk, a kill), the entry is refused."""
    logo = make_logo(tmp_path / "logo.png")
    status, key = logo.stat(), ("logo", 300.0, 40.0)
    store = image_cache.DiskImages()
    store.store(logo, status, key, prepare_logo(logo, 300, 40))
    [entry] = image_cache.cache_dir().glob("*.image")
    whole = entry.read_bytes()
    assert store.load(logo, status, key) is not None
    for cut in [*range(0, 80), *range(80, len(whole), 997)]:
        entry.write_bytes(whole[:cut])
        assert store.load(logo, status, key) is None


def test_an_export_with_every_picture_cached_does_not_decode_any(tmp_path: Path) -> None:
    """The example's PNG logo: Pillow's PNG reader (and the decimal module it pulls in) is
    not even imported once it is prepared, and the PDF still has its transparency."""
    kit_path = tmp_path / "kit.presskit"
    save_kit(seed_kit(logo=make_logo(tmp_path / "logo.png")), kit_path)
    script = textwrap.dedent(f"""
        import sys
        from presskit.storage import load_kit
        from presskit.render import render_pdf
        pdf = render_pdf(load_kit({str(kit_path)!r}).kit, strict=True)
        sys.stdout.buffer.write(pdf.data)
        print("PIL.PngImagePlugin" in sys.modules, file=sys.stderr)
    """)
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           env=os.environ) for _ in range(2)]
    assert [run.stderr.decode().split() for run in runs] == [["True"], ["False"]]
    assert runs[0].stdout[:4] == b"%PDF" and runs[1].stdout.count(b"/SMask") == 1
    first, second = (reader(run.stdout).pages[0]["/Resources"]["/XObject"] for run in runs)
    assert [x.get_object().get_data() for x in first.values()] == [
        x.get_object().get_data() for x in second.values()]


def test_the_image_folder_is_trimmed_to_its_size_oldest_first(tmp_path: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    for index in range(6):
        entry = folder / f"{index}.image"
        entry.write_bytes(bytes(1_000))
        os.utime(entry, ns=(index * 10**9, index * 10**9))
    (folder / "notes.txt").write_bytes(bytes(5_000))  # not an entry: left alone
    image_cache.trim(folder, 3_500)
    assert sorted(p.name for p in folder.iterdir()) == ["3.image", "4.image", "5.image",
                                                        "notes.txt"]


def test_the_image_cache_keeps_the_most_recently_used_pictures_within_its_size(
    tmp_path: Path,
) -> None:
    cache = ImageCache(max_bytes=3_000, disk=False)
    paths = []
    for index in range(5):
        path = tmp_path / f"photo-{index}.jpg"
        path.write_bytes(b"x")
        paths.append(path)
    made: list[int] = []

    def prepare(index: int) -> images.PreparedImage:
        made.append(index)
        return images.PreparedImage(bytes(1_000), 10, 10)

    for index in (0, 1, 2):
        cache.get(paths[index], (), lambda i=index: prepare(i))
    cache.get(paths[0], (), lambda: prepare(0))  # used again: now the most recent
    cache.get(paths[3], (), lambda: prepare(3))  # over 3,000 bytes: photo 1 goes
    assert len(cache) == 3
    made.clear()
    for index in (0, 2, 3):
        cache.get(paths[index], (), lambda i=index: prepare(i))
    assert made == []  # all still held
    cache.get(paths[1], (), lambda: prepare(1))
    assert made == [1]


def _cached_kit(tmp_path: Path) -> tuple[Kit, bytes, list[Path]]:
    """A kit with a logo and a re-encoded photo, its PDF, and the two cache entries made."""
    kit = with_photo(seed_kit(logo=make_logo(tmp_path / "logo.png")), 0,
                     make_headshot(tmp_path / "kim.jpg", 3))
    first = render_pdf(kit, invariant=True, strict=True).data
    entries = sorted(image_cache.cache_dir().glob("*.image"))
    assert len(entries) == 2
    return kit, first, entries


@functools.cache
def _gigabyte_of_zeros() -> bytes:
    """A gigabyte of zeros, deflated (once: it took 5 s each time, at level 9)."""
    deflater, block = zlib.compressobj(1), bytes(1 << 20)
    return b"".join(deflater.compress(block) for _ in range(1024)) + deflater.flush()


def _bomb(entry: Path) -> bytes:
    """An entry that claims 1,000 × 1,000 pixels and inflates to a gigabyte."""
    gigabyte = _gigabyte_of_zeros()
    header = image_cache._HEADER.pack(1000, 1000, False, False, 1, 8, len(gigabyte), 0)
    return image_cache._MAGIC + header + b"\x89PNG\r\n\x1a\n" + gigabyte


def _big_pixels() -> bytes:
    """A well-formed entry of 7,000 × 7,000 pixels with alpha: 196 MB once inflated, under
    the 50-megapixel cap, far over what a headshot or a logo is prepared at."""
    rows, alpha = zlib.compress(bytes(7000 * 7000 * 3), 9), zlib.compress(bytes(7000 * 7000), 9)
    header = image_cache._HEADER.pack(7000, 7000, False, True, 1, 8, len(rows), len(alpha))
    return image_cache._MAGIC + header + b"\x89PNG\r\n\x1a\n" + rows + alpha


PLANTED = {
    "pipe": lambda entry, tmp: os.mkfifo(entry),
    "link to an endless file": lambda entry, tmp: entry.symlink_to("/dev/zero"),
    "folder": lambda entry, tmp: entry.mkdir(),
    "decompression bomb": lambda entry, tmp: entry.write_bytes(_bomb(entry)),
    "pixels a headshot never has": lambda entry, tmp: entry.write_bytes(_big_pixels()),
    "too many pixels": lambda entry, tmp: entry.write_bytes(
        image_cache._MAGIC + image_cache._HEADER.pack(10_000, 10_000, False, False, 0, 4, 0, 0)
        + b"\xff\xd8\xff\xd9"),
    "not a picture": lambda entry, tmp: entry.write_bytes(
        image_cache._MAGIC + image_cache._HEADER.pack(200, 200, False, False, 0, 64, 0, 0)
        + b"\xff\xd8" + os.urandom(62)),
}


@pytest.mark.parametrize("planted", sorted(PLANTED))
def test_whatever_is_found_in_the_image_cache_only_costs_time(
        tmp_path: Path, planted: str) -> None:
    """The folder is the user's, but a cut-off write, another version or a planted file
    must never hang, crash, bloat or change an export."""
    import concurrent.futures
    import tracemalloc

    kit, first, entries = _cached_kit(tmp_path)
    for entry in entries:
        entry.unlink()
        PLANTED[planted](entry, tmp_path)
    tracemalloc.start()
    try:
        pool = concurrent.futures.ThreadPoolExecutor(1)  # a pipe would block for ever:
        try:  # the test fails after a minute instead
            again = pool.submit(render_pdf, kit, invariant=True, strict=True).result(60)
        finally:
            pool.shutdown(wait=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert again.data == first
    assert peak < 100_000_000


def test_an_entry_is_written_in_place_of_a_planted_link_not_through_it(tmp_path: Path) -> None:
    kit, first, entries = _cached_kit(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's own file")
    for entry in entries:
        entry.unlink()
        entry.symlink_to(victim)
    assert render_pdf(kit, invariant=True, strict=True).data == first
    assert victim.read_text() == "the user's own file"
    assert all(entry.is_file() and not entry.is_symlink() for entry in entries)


def test_a_photo_copied_over_with_the_same_size_and_time_is_not_the_cached_one(
        tmp_path: Path) -> None:
    """``cp -p``, an unzip or rsync can replace a photo keeping its size and time stamp."""
    old, new = tmp_path / "old.jpg", tmp_path / "new.jpg"
    Image.new("RGB", (400, 500), (0, 0, 250)).save(old, "JPEG", quality=90)
    Image.new("RGB", (400, 500), (250, 0, 0)).save(new, "JPEG", quality=90)
    size = max(old.stat().st_size, new.stat().st_size)
    for path in (old, new):  # the same length: bytes after a JPEG's end are ignored
        path.write_bytes(path.read_bytes().ljust(size, b"\0"))
    photo = tmp_path / "kim.jpg"
    shutil.copy2(old, photo)
    kit = with_photo(seed_kit(), 0, photo)
    render_pdf(kit, strict=True)  # prepared and kept, in memory and on disk
    stamp = photo.stat().st_mtime_ns
    photo.unlink()
    shutil.copy2(new, photo)
    os.utime(photo, ns=(stamp, stamp))
    assert photo.stat().st_size == size and photo.stat().st_mtime_ns == stamp
    [data] = _embedded_images(render_pdf(kit, strict=True).data)
    with Image.open(io.BytesIO(data)) as shown:
        red, _green, blue = shown.convert("RGB").getpixel((shown.width // 2, shown.height // 2))
    assert red > 200 and blue < 50


def test_a_photo_that_is_a_link_is_found_in_the_cache_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Links are refused in the cache folder, not in the user's own files."""
    real = tmp_path / "photos" / "kim.jpg"
    real.parent.mkdir()
    Image.new("RGB", (pixels_for(50),) * 2, (20, 90, 160)).save(real, "JPEG")  # used as it is
    link = tmp_path / "kim-link.jpg"
    link.symlink_to(real)
    kit = with_photo(seed_kit(), 0, link)
    first = render_pdf(kit, invariant=True, strict=True)
    prepared = counted(monkeypatch)
    assert render_pdf(kit, invariant=True, strict=True).data == first.data
    assert prepared == []


def test_trimming_the_folder_survives_links_and_entries_removed_meanwhile(
        tmp_path: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.image").write_bytes(bytes(1_000))
    (folder / "gone.image").symlink_to(tmp_path / "nowhere")
    image_cache.trim(folder, 1_000)
    assert len(list(folder.glob("[0-9].image"))) == 1

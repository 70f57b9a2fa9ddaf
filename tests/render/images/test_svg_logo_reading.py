"""An SVG logo as the PDF holds it, read back in this process (pypdf, no other program): its
lettering in the shipped DejaVu faces of the weight and slant it asked for, embedded; a
picture it names outside itself left out; and each refusal saying exactly why."""

from __future__ import annotations

import base64
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from support.pdf_reading import fonts, reader

from presskit.model import limits
from presskit.render.images import svg as svg_module
from presskit.render.images.cache import ImageCache, ImageProblem
from presskit.render.images.prepare import prepare_logo
from presskit.render.images.svg import VectorLogo, check_svg

OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">'


def logo_pdf(tmp_path: Path, svg: str) -> bytes:
    """The logo drawn into a PDF page of its own, as the masthead draws it."""
    path = tmp_path / "logo.svg"
    path.write_text(svg, encoding="utf-8")
    logo = prepare_logo(path, 400, 60)
    assert isinstance(logo, VectorLogo)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 60))
    logo.draw_on(canvas, 0, 0, 400, 60)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def words_in_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """Each piece of text on the page and the font it is drawn in (subset tag left off)."""
    found: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object) -> None:
        if text.strip() and font is not None:
            found.append((text.strip(), re.sub(r"^/([A-Z]{6}\+)?", "", str(font["/BaseFont"]))))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def test_lettering_keeps_its_weight_and_slant_in_embedded_shipped_faces(tmp_path: Path) -> None:
    # Helvetica: one of svglib's own names, which it maps to ReportLab's unembedded fonts.
    pdf = logo_pdf(tmp_path, OPEN + "".join(
        f'<text x="{x}" y="40" font-family="Helvetica" font-size="20" {style}>{word}</text>'
        for x, style, word in [(0, "", "PLAIN"), (100, 'font-weight="bold"', "HEAVY"),
                               (200, 'font-style="italic"', "SLANT"),
                               (300, 'font-weight="bold" font-style="italic"', "BOTH")])
        + "</svg>")
    assert words_in_fonts(pdf) == [
        ("PLAIN", "DejaVuSans"), ("HEAVY", "DejaVuSans-Bold"), ("SLANT", "DejaVuSans-Oblique"),
        ("BOTH", "DejaVuSans-BoldOblique")]
    used = fonts(pdf)
    assert all(embedded for name, embedded in used.items() if "DejaVu" in name), used


def test_lettering_inside_groups_is_set_in_the_shipped_face_too(tmp_path: Path) -> None:
    pdf = logo_pdf(tmp_path, OPEN + '<g><g><text x="0" y="40" font-family="Times" '
                   'font-size="20">NESTED</text></g></g></svg>')
    assert words_in_fonts(pdf) == [("NESTED", "DejaVuSans")]


def test_a_picture_the_logo_names_outside_itself_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"))
    pdf = logo_pdf(tmp_path, OPEN + '<image href="elsewhere.png" width="60" height="60"/>'
                   '<rect x="100" width="60" height="60" fill="navy"/></svg>')
    resources = reader(pdf).pages[0].get("/Resources") or {}
    assert "/XObject" not in resources  # no picture: only the rectangle's path


def header_only_png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def test_an_embedded_picture_beyond_pillows_own_guard_is_refused_in_whole_megapixels(
    tmp_path: Path,
) -> None:
    """400 megapixels: Pillow refuses to open it at all; the message still says the cap."""
    uri = "data:image/png;base64," + base64.b64encode(header_only_png(20_000, 20_000)).decode()
    path = tmp_path / "logo.svg"
    path.write_text(f'{OPEN}<image href="{uri}" width="10" height="10"/></svg>',
                    encoding="utf-8")
    cap = limits.MAX_SVG_IMAGE_PIXELS // 1_000_000
    with pytest.raises(ImageProblem) as err:
        prepare_logo(path, 400, 60)
    assert str(err.value) == f"the SVG drawing embeds a picture of more than {cap} megapixels"


def test_a_shape_reportlab_cannot_write_is_refused_with_its_complaint(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(f'{OPEN}<rect width="1e400" height="60"/></svg>', encoding="utf-8")
    with pytest.raises(ImageProblem) as err:
        prepare_logo(path, 400, 60)
    message = str(err.value)
    assert message.startswith("the SVG drawing cannot be drawn (ValueError: ")
    assert len(message) > len("the SVG drawing cannot be drawn (ValueError: )") + 5, message


def test_an_svg_file_over_the_size_limit_is_refused_unparsed() -> None:
    over = b"<svg>" + b" " * limits.MAX_SVG_BYTES
    with pytest.raises(ImageProblem) as err:
        check_svg(over)
    assert str(err.value) == (
        f"the SVG file is larger than {limits.MAX_SVG_BYTES // (1024 * 1024)} MB")


def test_a_logo_of_exactly_the_most_elements_allowed_is_drawn_one_more_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svg_module, "MAX_ELEMENTS", 10)  # the real limit, 100,000, is slow
    root_and_nine = OPEN + '<rect width="10" height="10"/>' * 9 + "</svg>"
    assert check_svg(root_and_nine.encode()) is not None
    with pytest.raises(ImageProblem, match="^the SVG drawing has more than 10 elements"):
        check_svg(root_and_nine.replace("</svg>", "<g/></svg>").encode())


def test_embedded_pictures_over_the_cap_together_are_refused_in_whole_megapixels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svg_module, "MAX_PICTURE_PIXELS", 2_000_000)  # 50 MP decodes slowly
    out = io.BytesIO()
    Image.new("L", (1200, 1000)).save(out, "PNG")  # 1.2 megapixels
    uri = "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()
    two = "".join(f'<image href="{uri}" x="{x}" width="10" height="10"/>' for x in (0, 20))
    with pytest.raises(ImageProblem) as err:
        check_svg(f"{OPEN}{two}</svg>".encode())
    assert str(err.value) == "the SVG drawing's embedded pictures come to more than 2 megapixels"


def test_a_drawing_svglib_cannot_read_is_refused_naming_the_failure(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(f'{OPEN}<path d="M 0 0 L 1"/></svg>', encoding="utf-8")  # L lacks its y
    with pytest.raises(ImageProblem) as err:
        prepare_logo(path, 400, 60)
    assert str(err.value) == "not a readable SVG drawing (TypeError)"


def test_an_svg_logo_does_not_push_photos_out_of_the_memory_cache(tmp_path: Path) -> None:
    photo, logo = tmp_path / "photo.jpg", tmp_path / "logo.svg"
    Image.new("RGB", (300, 300), (20, 90, 160)).save(photo, "JPEG")
    logo.write_text(f'{OPEN}<rect width="10" height="10"/></svg>', encoding="utf-8")
    prepared: list[str] = []

    def prepare(path: Path) -> object:
        prepared.append(path.name)
        return prepare_logo(path, 400, 60)

    first = prepare_logo(photo, 400, 60)
    cache = ImageCache(max_bytes=first.nbytes, disk=False)  # room for the photo alone
    cache.get(photo, ("logo",), lambda: prepare(photo))
    cache.get(logo, ("logo",), lambda: prepare(logo))
    cache.get(photo, ("logo",), lambda: prepare(photo))
    assert prepared == ["photo.jpg", "logo.svg"]  # the photo was still there

"""Pictures made to hang or exhaust memory: a pipe as a photo or logo, an SVG logo embedding
huge pictures or holding absurd trees, an SVG whose size is not a number. Each is left out at
once with a warning naming the file and the reason; the page still prints (a placeholder for
a photo), and ``presskit validate`` says so too."""

from __future__ import annotations

import base64
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from support.pdf_reading import page_texts
from support.render_fixtures import seed_kit
from support.special_files import fifo, refused_without_blocking
from support.svg_files import use_fan_out

from presskit.render import render_pdf
from presskit.render.images.cache import ImageProblem
from presskit.render.images.prepare import prepare_logo


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A greyscale PNG of ``width`` × ``height``; without ``rows`` its data is cut short, so
    only its header is any good (nothing here ever needs to decode it)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    data = zlib.compress(rows if rows is not None else b"\0" * 64, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height,
                                                               8, 0, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def blank_png(width: int, height: int) -> bytes:
    return png(width, height, (b"\0" * (width + 1)) * height)


def svg(body: str, size: str = 'width="200" height="60"') -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            f' {size}>{body}</svg>')


def data_uri(picture: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(picture).decode("ascii")


def logo_warning(tmp_path: Path, text: str) -> str:
    path = tmp_path / "logo.svg"
    path.write_text(text, encoding="utf-8")
    pdf = render_pdf(seed_kit(logo=path))
    [warning] = pdf.warnings
    assert warning.where == ("brand", "logo")
    assert str(path) in warning.message and "without it" in warning.message
    assert "CNAS Responds" in page_texts(pdf.data)[0]
    return warning.message


@pytest.mark.parametrize("name", ["logo.png", "logo.svg"])
def test_a_pipe_given_as_a_logo_is_left_out_at_once(tmp_path: Path, name: str) -> None:
    pipe = fifo(tmp_path / name)
    with refused_without_blocking(pipe):
        pdf = render_pdf(seed_kit(logo=pipe))
    [warning] = pdf.warnings
    assert f"logo {pipe} cannot be used: it is not a regular file" in warning.message


def test_a_pipe_given_as_a_photo_gives_a_placeholder_at_once(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "kim.jpg")
    kit = seed_kit()
    kit.experts[0].photo = pipe
    kit.sections[3].photos = True  # the quotes section
    with refused_without_blocking(pipe):
        pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert str(pipe) in warning.message and "is not a regular file" in warning.message
    assert "DK" in page_texts(pdf.data)[0]  # the placeholder's initials


def test_an_svg_logo_embedding_a_100_megapixel_picture_is_refused_undecoded(
        tmp_path: Path) -> None:
    message = logo_warning(tmp_path, svg(
        f'<image width="200" height="60" xlink:href="{data_uri(png(10_000, 10_000))}"/>'))
    assert "embeds a picture of 10000×10000 pixels, more than 50 megapixels" in message


def test_an_svg_logo_using_one_embedded_picture_again_and_again_is_refused(
        tmp_path: Path) -> None:
    uses = "".join('<use href="#p"/>' for _ in range(3))
    message = logo_warning(tmp_path, svg(
        f'<defs><image id="p" width="20" height="6" href="{data_uri(blank_png(5000, 5000))}"/>'
        f'</defs>{uses}'))
    assert "embedded pictures come to more than 50 megapixels" in message


def test_an_svg_logo_embedding_a_damaged_picture_is_refused_before_printing(
        tmp_path: Path) -> None:
    message = logo_warning(tmp_path, svg(
        f'<image width="200" height="60" href="{data_uri(png(300, 300))}"/>'))
    assert "embeds a damaged picture" in message


@pytest.mark.parametrize("size", ['width="nan" height="60"', 'width="200" height="inf"',
                                  'width="1e300" height="60"'])
def test_an_svg_logo_whose_size_is_not_a_real_length_is_refused(tmp_path: Path,
                                                                size: str) -> None:
    message = logo_warning(tmp_path, svg('<rect width="10" height="10"/>', size))
    assert "the SVG drawing's size is not a number" in message or "claims a size of" in message


def test_validate_reports_an_svg_logo_of_width_nan_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(svg('<rect width="10" height="10"/>',
                                           'width="nan" height="60"'), encoding="utf-8")
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: Blank logo\nbrand:\n  logo: logo.svg\n",
                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "presskit", "validate", str(kit)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert f"{kit}:5:9: warning: logo {tmp_path / 'logo.svg'} cannot be used: the SVG " \
           "drawing's size is not a number" in result.stderr
    assert "no problems" not in result.stdout


def test_an_svg_logo_of_more_elements_than_any_logo_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(svg('<rect width="1" height="1"/>' * 100_001), encoding="utf-8")
    with pytest.raises(ImageProblem, match="more than 100,000 elements"):
        prepare_logo(path, 300, 40)


def test_an_svg_logo_nested_deeper_than_any_logo_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(svg("<g>" * 200 + '<rect width="1" height="1"/>' + "</g>" * 200),
                    encoding="utf-8")
    with pytest.raises(ImageProblem, match="nested more than 64 levels deep"):
        prepare_logo(path, 300, 40)


def test_an_svg_logo_repeating_itself_through_use_is_refused_before_drawing(
        tmp_path: Path) -> None:
    # 4 kB that draw 10 million triangles: svglib took 14 s on it, QtSvg a minute (issue 15).
    path = tmp_path / "logo.svg"
    path.write_text(use_fan_out(7, 10), encoding="utf-8")
    assert path.stat().st_size < 5000
    with pytest.raises(ImageProblem, match=r"repeats its shapes \(<use>\) to more than 100,000"):
        prepare_logo(path, 300, 40)
    path.write_text(use_fan_out(2, 10), encoding="utf-8")  # 100 triangles: a logo
    assert prepare_logo(path, 300, 40) is not None


def test_an_svg_logo_whose_use_leads_back_to_itself_or_nests_deep_is_refused(
        tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(svg('<g id="a"><g id="b"><use xlink:href="#a"/></g></g>'), encoding="utf-8")
    with pytest.raises(ImageProblem, match="uses itself"):
        prepare_logo(path, 300, 40)
    chain = '<rect id="g0" width="1" height="1"/>' + "".join(
        f'<use id="g{i}" xlink:href="#g{i - 1}"/>' for i in range(1, 200))
    path.write_text(svg(chain), encoding="utf-8")
    with pytest.raises(ImageProblem, match="nest more than 64 levels deep"):
        prepare_logo(path, 300, 40)


def test_an_svg_logo_with_an_infinitely_wide_shape_is_left_out_not_the_whole_pdf(
        tmp_path: Path) -> None:
    # Found by fuzzing: svglib accepts it, and ReportLab stopped the PDF writing it.
    message = logo_warning(tmp_path, svg('<rect width="1e400" height="60"/>'))
    assert "the SVG drawing cannot be drawn" in message

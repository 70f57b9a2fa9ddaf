"""The pictures of an e-mail as its readers get them: files with readable names beside the
HTML or at a hosted address, ``cid:`` parts of a draft, an SVG logo as a PNG, and never a
``data:`` URI (Gmail and Outlook for Windows do not show one)."""

from __future__ import annotations

import io
from email.message import EmailMessage
from pathlib import Path

import pytest
from PIL import Image
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import read_html, read_message

from presskit.formats import draft_message, email_parts, export
from presskit.formats.mail import hosted_base, picture_base
from presskit.model import Severity
from presskit.render.images.cache import ImageProblem
from presskit.render.images.svg_raster import rasterise_svg, rasterise_svg_data
from presskit.storage import load_kit

LOGO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60">'
            '<rect width="240" height="60" fill="#c8102e"/>'
            '<text x="12" y="42" font-size="32" font-family="sans-serif" fill="#fff">'
            'NORTH</text></svg>')


def html_part(message: EmailMessage) -> EmailMessage:
    part = message.get_body(preferencelist=("html",))
    assert isinstance(part, EmailMessage)
    return part


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT])
def test_the_eml_holds_each_picture_as_a_related_part_the_html_names(path: Path) -> None:
    message = read_message(draft_message(load_kit(path).kit))
    html = html_part(message).get_content()
    related = next(p for p in message.walk() if p.get_content_type() == "multipart/related")
    parts = {str(p["Content-ID"]).strip("<>"): p for p in related.iter_parts()
             if p.get_content_maintype() == "image"}
    cids = {src.removeprefix("cid:") for src in read_html(html).attribute("src")}
    assert cids and cids == set(parts)
    assert "data:" not in html
    for part in parts.values():
        Image.open(io.BytesIO(part.get_content())).verify()  # each part is the picture
        assert part.get_filename() in ("logo.png", "logo.jpg") or str(
            part.get_filename()).startswith("photo-")


def test_the_email_export_gives_its_pictures_by_file_name_for_the_folder() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    exported = export(kit, "email", image_base=picture_base("My advisory_files"))
    html = exported.files[".html"].decode("utf-8")
    sources = set(read_html(html).attribute("src"))
    # Relative, and escaped as an address: the space of the folder's name is %20.
    assert sources == {f"My%20advisory_files/{name}" for name in exported.pictures}
    assert "data:" not in html


def test_hosted_pictures_are_referred_to_at_their_address() -> None:
    kit = load_kit(CNAS_KIT).kit
    base = hosted_base("https://cdn.example.org/press/cnas")
    parts = email_parts(kit, "files", image_base=base)
    assert read_html(parts.html).attribute("src") == ["https://cdn.example.org/press/cnas/logo.png"]


@pytest.mark.parametrize("url", [
    "https://x.org/\u202e/",
    "ftp://example.org/x", "javascript:alert(1)", "file:///etc", "https://example.org/x?v=1",
    "https://example.org/a#b", "https://user:pw@example.org/", "https://example.org/a b",
    'https://example.org/"onerror="x', "https:///nohost", "example.org/pictures",
])
def test_only_a_plain_web_address_hosts_the_pictures(url: str) -> None:
    with pytest.raises(ValueError):
        hosted_base(url)


def test_an_svg_logo_reaches_the_email_and_the_draft_as_a_png(tmp_path: Path) -> None:
    kit = load_kit(CNAS_KIT).kit
    logo = tmp_path / "logo.svg"
    logo.write_text(LOGO_SVG, encoding="utf-8")
    kit.brand.logo = logo
    parts = email_parts(kit, "files", image_base="out_files/")
    assert not [w for w in parts.warnings if "logo" in w.message]
    [picture] = parts.images
    assert picture.filename == "logo.png" and picture.mime_type == "image/png"
    with Image.open(io.BytesIO(picture.data)) as image:
        assert image.format == "PNG"
        assert image.size == (352, 88)  # twice the 176 × 44 it is shown at: sharp on phones
        assert image.convert("RGB").getpixel((4, 4)) == (0xC8, 0x10, 0x2E)  # the drawing
    [img] = [attrs for tag, attrs in read_html(parts.html).tags if tag == "img"]
    assert (img["src"], img["width"], img["height"]) == ("out_files/logo.png", "176", "44")
    message = read_message(draft_message(kit))
    images = [p for p in message.walk() if p.get_content_maintype() == "image"]
    assert [p.get_content_type() for p in images] == ["image/png"]


def test_an_svg_never_draws_a_file_it_names(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), (0, 0, 255)).save(secret)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="8" height="8"><image width="8" height="8" xlink:href="{secret}"/>'
           f'<image width="8" height="8" href="{secret.as_uri()}"/></svg>')
    drawn = rasterise_svg_data(svg.encode(), 8, 8)
    with Image.open(io.BytesIO(drawn.data)) as image:
        assert image.convert("RGBA").getpixel((4, 4))[3] == 0  # nothing: not the blue file


def test_an_svg_over_the_limits_is_refused_before_it_is_drawn(tmp_path: Path) -> None:
    from support.svg_files import use_fan_out

    with pytest.raises(ImageProblem, match="repeats its shapes"):
        rasterise_svg_data(use_fan_out(7, 10).encode(), 520, 88)
    missing = tmp_path / "gone.svg"
    with pytest.raises(ImageProblem, match="not found"):
        rasterise_svg(missing, 520, 88)


def test_an_unusable_svg_logo_is_one_warning_on_one_line(tmp_path: Path) -> None:
    kit = load_kit(CNAS_KIT).kit
    logo = tmp_path / "logo.svg"
    # resvg's own complaint about a broken drawing spans lines; the warning must not.
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>',
                    encoding="utf-8")
    kit.brand.logo = logo
    parts = email_parts(kit, "files", image_base="x_files/")
    [warning] = [w for w in parts.warnings if "logo" in w.message]
    assert warning.severity is Severity.WARNING and warning.where == ("brand", "logo")
    assert "\n" not in warning.message and "cannot be used" in warning.message
    assert parts.images == [] and "<img" not in parts.html


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT])
def test_the_body_stays_well_under_gmails_clipping_size(path: Path) -> None:
    # Gmail hides whatever follows the first 102 kB of a body behind "View entire message";
    # Northbridge has twelve experts, each photo shown twice (quote and bio).
    exported = export(load_kit(path).kit, "email", image_base="advisory_files/")
    assert len(exported.files[".html"]) < 60_000


def test_an_svg_filter_is_left_out_so_a_logo_cannot_keep_the_export_busy() -> None:
    # A 190-byte logo whose turbulence filter has a million octaves kept resvg busy for good.
    logo = (b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
            b"<style>rect { filter: url(#f) }</style>"
            b'<filter id="f"><feTurbulence baseFrequency="0.9" numOctaves="1000000"/></filter>'
            b'<rect width="100" height="100" fill="red" filter="url(#f)" '
            b'style="filter:url(#f)"/></svg>')
    prepared = rasterise_svg_data(logo, 520, 88)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.size == (88, 88)
        assert image.convert("RGB").getpixel((44, 44)) == (255, 0, 0)  # drawn, unfiltered

"""The e-mail at its edges: a kit without a logo, pictures given by bare file names, a name
with nothing to spell a file name from, the CSS every paragraph carries, and a block the
HTML writer does not know."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PIL import Image
from support.format_reading import read_html
from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.formats.html import Picture, html_body
from presskit.formats.mail import look
from presskit.formats.walk import build_document
from presskit.model import Expert, Kit, Quote, QuotesSection

#: A CSS margin as the e-mail writes it: one to four lengths (``0``, ``14px``) or ``auto``.
_LENGTH = r"(?:-?\d+(?:\.\d+)?(?:px|em|%)?|auto)"
MARGIN = re.compile(rf"{_LENGTH}(?: {_LENGTH}){{0,3}}")


def _without_logo(series: str, organisation: str) -> Kit:
    kit = seed_kit()
    kit.brand = replace(kit.brand, logo=None, organisation=organisation, short_name="")
    kit.series = series
    return kit


def test_a_kit_without_a_logo_heads_the_mail_with_its_series_and_nothing_else() -> None:
    kit = _without_logo("Briefing Notes", "")
    page = read_html(email_parts(kit).html)
    assert "logo" not in " ".join(page.attribute("src"))
    body = page.text
    # The first thing a reader sees after the hidden preheader is the series.
    assert body.index("Briefing Notes") < body.index(kit.title)
    top = body[:body.index("Briefing Notes")]
    assert "XX" not in top and kit.title not in top


def test_a_kit_without_logo_series_or_organisation_has_no_masthead_at_all() -> None:
    kit = _without_logo("", "")
    html = email_parts(kit).html
    column = html.split("max-width:640px", 1)[1].split(">", 1)[1]
    # Nothing a reader sees comes before the date line: no empty or stray masthead.
    above = read_html(column.split("September 20, 2019", 1)[0]).text
    assert above.strip() == ""


def test_every_margin_in_the_mail_is_a_css_length() -> None:
    html = email_parts(seed_kit()).html
    margins = re.findall(r"margin:\s*([^;\"]+)", html)
    assert len(margins) > 10
    assert [m for m in margins if not MARGIN.fullmatch(m.strip())] == []
    # The body's paragraphs keep their gap below: the default every paragraph gets.
    assert "margin:0 0 14px" in html


def test_pictures_given_as_files_are_named_by_their_bare_file_names(tmp_path: Path) -> None:
    photo = tmp_path / "headshot.jpg"
    Image.new("RGB", (120, 160), (120, 90, 60)).save(photo)
    kit = seed_kit()
    kit.experts[0] = replace(kit.experts[0], photo=photo)
    section = next(s for s in kit.sections if isinstance(s, QuotesSection))
    section.photos = True
    parts = email_parts(kit, inline_images="files")
    sources = set(read_html(parts.html).attribute("src"))
    assert sources and sources == {image.filename for image in parts.images}
    assert all("/" not in name for name in sources)


def test_a_photo_whose_name_and_file_spell_nothing_is_called_photo_expert(
        tmp_path: Path) -> None:
    photo = tmp_path / "★.jpg"
    Image.new("RGB", (120, 160), (120, 90, 60)).save(photo)
    kit = seed_kit()
    kit.experts = [Expert(id="star", name="★ ★", title="Fellow", photo=photo)]
    kit.quotes = [Quote(id="q", expert="star", text="A short approved quote.")]
    kit.sections = [QuotesSection(id="experts", photos=True, quotes=["q"])]
    parts = email_parts(kit, inline_images="files")
    photos = [image.filename for image in parts.images if image.filename.startswith("photo-")]
    assert photos == ["photo-expert.jpg"]


@dataclass
class _Unknown:
    heading: str = "?"


def test_a_block_the_html_writer_does_not_know_is_named_in_the_error() -> None:
    kit = seed_kit()
    document, _ = build_document(kit)
    document.blocks.append(_Unknown())  # type: ignore[arg-type]
    styles, _ = look(kit.brand)
    with pytest.raises(TypeError, match="no HTML for _Unknown"):
        html_body(document, styles, lambda _path, kind: Picture(f"{kind}.png", 10, 10))

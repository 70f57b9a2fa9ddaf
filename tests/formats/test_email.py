"""The e-mail body as a mail client reads it: HTML parsed with html.parser, in the kit's order,
saying what the PDF says, safe to open, 640 px at most, in the brand's colours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import read_html, words
from support.pdf_reading import assert_in_order, text
from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.model import Kit, QuotesSection, Resource
from presskit.model.wording import display_name
from presskit.render import render_pdf
from presskit.render.typography import smarten
from presskit.storage import load_kit

EXAMPLES = [CNAS_KIT, NORTHBRIDGE_KIT]


def quoted(kit: Kit) -> list[tuple[str, str]]:
    """(display name, first words of the quote) of every quote in a visible section."""
    found = []
    for section in kit.visible_sections():
        if isinstance(section, QuotesSection):
            for quote_id in section.quotes:
                quote = kit.quote(quote_id)
                assert quote is not None
                expert = kit.expert(quote.expert)
                assert expert is not None
                found.append((smarten(display_name(expert)),
                              smarten(" ".join(quote.text.split()[:6]))))
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_html_says_what_the_pdf_says_in_the_same_order(path: Path) -> None:
    kit = load_kit(path).kit
    page = read_html(email_parts(kit).html)
    needles = [smarten(kit.title)]
    for name, opening in quoted(kit):
        needles += [name, opening]
    assert len(needles) > 5
    assert_in_order(page.text, needles)
    assert_in_order(text(render_pdf(kit).data), needles)


def test_hidden_sections_are_left_out_and_the_rest_follow_the_kit() -> None:
    cnas = read_html(email_parts(load_kit(CNAS_KIT).kit).html).text
    assert "About CNAS" not in cnas and "independent, bipartisan" not in cnas
    assert_in_order(cnas, ["After months of stalled", "As the renewal", "Need a cheat sheet?",
                           "Duyeon Kim", "Sharper", "All CNAS experts are available"])
    northbridge = read_html(email_parts(load_kit(NORTHBRIDGE_KIT).kit).html).text
    assert "Notes for the press office" not in northbridge and "live television" not in northbridge
    assert_in_order(northbridge, ["EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026",
                                  "DRAFT", "Security and diplomacy",
                                  "Shipping, energy and climate", "About our experts",
                                  "About the Northbridge Institute"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_html_is_an_email_body_with_inline_styles_and_no_wider_than_640(path: Path) -> None:
    html = email_parts(load_kit(path).kit).html
    page = read_html(html)
    tags = {tag for tag, _attrs in page.tags}
    assert not tags & {"script", "link", "iframe", "object", "form"}
    # <style> only in the head (Gmail drops it from the body), and only as an improvement:
    # the layout's styles are inline.
    head, body = html.split("</head>", 1)
    assert "<style" not in body and head.count("<style>") == 2  # everyone's, Outlook's
    assert not [name for _t, attrs in page.tags for name in attrs if name.startswith("on")]
    widths = [int(w) for w in page.attribute("width") if w.isdigit()]
    widths += [int(w) for style in page.attribute("style")
               for w in re.findall(r"(?:^|[;\s])(?:max-)?width:\s*(\d+)px", style)]
    assert widths and max(widths) <= 640
    assert "table" in tags


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_links_are_live_and_only_web_or_mail(path: Path) -> None:
    kit = load_kit(path).kit
    hrefs = read_html(email_parts(kit).html).attribute("href")
    assert "mailto:press@example.org" in hrefs
    assert kit.resources[0].url in hrefs
    assert all(re.match(r"(https?|mailto|tel):", href) for href in hrefs)
    # A phone number to dial is a tel: link, its digits only, as in the PDF.
    phones = [h for h in hrefs if h.startswith("tel:")]
    assert all(re.fullmatch(r"tel:\+?\d{3,20}", h) for h in phones)
    assert bool(phones) == any(c.phone for c in kit.contacts)


def test_the_brand_colours_and_logo_are_used() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    parts = email_parts(kit)
    assert "#0b4f4a" in parts.html.lower() and "#e0a100" in parts.html.lower()
    logo = [attrs for tag, attrs in read_html(parts.html).tags
            if tag == "img" and attrs.get("alt") == f"{kit.brand.organisation} logo"]
    assert logo and logo[0]["src"].startswith("cid:")


def test_markup_typed_by_the_user_is_shown_literally() -> None:
    kit = seed_kit()
    kit.title = "Tom <b>&amp; Jerry</b> & co"
    kit.experts[0].name = "Kim <script>alert(1)</script>"
    kit.quotes[0].text = "It is <i>not</i> & never was **bold** here."
    parts = email_parts(kit)
    page = read_html(parts.html)
    assert "Tom <b>&amp; Jerry</b> & co" in page.text
    assert "Kim <script>alert(1)</script>" in page.text
    assert "It is <i>not</i> & never was bold here." in words(page.text)
    assert not {"b", "i", "script"} & {tag for tag, _ in page.tags}
    assert "strong" in {tag for tag, _ in page.tags}  # the **bold** the markup allows


def test_an_unsafe_address_is_written_as_text_not_as_a_link() -> None:
    kit = seed_kit()
    kit.resources = [Resource(id=r.id, title="Click me", url="javascript:alert(1)")
                     for r in kit.resources[:1]]
    kit.brand.website = "file:///etc/passwd"
    page = read_html(email_parts(kit).html)
    assert "Click me" in page.text
    assert not [h for h in page.attribute("href") if not re.match(r"(https?|mailto):", h)]


def test_images_are_cid_parts_or_named_files_never_data_uris(tmp_path: Path) -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    parts = email_parts(kit)
    sources = read_html(parts.html).attribute("src")
    assert len(sources) == 25  # the logo, and twelve headshots beside quotes and bios
    assert len(parts.images) == 13  # each picture sent once
    assert {src.removeprefix("cid:") for src in sources} == {image.cid for image in parts.images}
    assert {image.mime_type for image in parts.images} <= {"image/png", "image/jpeg"}
    files = email_parts(kit, inline_images="files", image_base="advisory_files/")
    names = {image.filename for image in files.images}
    assert {src for src in read_html(files.html).attribute("src")} == {
        f"advisory_files/{name}" for name in names}
    assert "data:" not in files.html and "data:" not in parts.html
    # Readable names: the logo, and each photo after its expert (the file's name for a name
    # in another script, which folds to nothing readable).
    assert {"logo.png", "photo-aino-karjalainen.jpg", "photo-expert-01.jpg"} <= names


def test_a_broken_headshot_is_a_warning_and_shows_initials(tmp_path: Path) -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    kit.experts[0].photo = broken
    parts = email_parts(kit)
    assert any("photo of" in w.message and w.where == ("experts", 0, "photo")
               for w in parts.warnings)
    assert "ΕΠ" in read_html(parts.html).text  # Ελένη Παπαδοπούλου's initials


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT])
def test_the_page_says_its_language_and_describes_every_picture(path: Path) -> None:
    kit = load_kit(path).kit
    kit.language = "en-GB"
    page = read_html(email_parts(kit).html)
    assert [attrs for tag, attrs in page.tags if tag == "html"] == [{"lang": "en-GB"}]
    alts = [attrs.get("alt") for tag, attrs in page.tags if tag == "img"]
    names = {f"Photo of {smarten(display_name(expert))}" for expert in kit.experts}
    assert alts and all(alt in names or alt == f"{kit.brand.organisation} logo" for alt in alts)
    assert (path == CNAS_KIT) or names & set(alts)  # Northbridge's quotes have headshots
    kit.language = "English"  # no language tag: the page says English rather than nonsense
    assert '<html lang="en">' in email_parts(kit).html

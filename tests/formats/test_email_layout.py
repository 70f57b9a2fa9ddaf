"""The e-mail body is built for the clients journalists read it in: Outlook for Windows
(Word's engine: no margins on tables, no padding or borders on divs, no max-width), Gmail's
apps that drop <style>, phones 320 to 480 px wide, inboxes that show a preview line, and
clients that darken what they show. See docs/email-layout.md."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import read_html, words
from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.formats.html import Picture, first_sentence, html_body
from presskit.formats.mail import look
from presskit.formats.walk import build_document
from presskit.model import Contact, Kit, QuotesSection
from presskit.storage import load_kit

EXAMPLES = [CNAS_KIT, NORTHBRIDGE_KIT]
#: What a 12-expert kit's HTML may weigh without its pictures: Gmail clips a body over
#: 102 kB and the pictures are files beside it, so this leaves room for long quotes.
MARKUP_BUDGET = 45_000


def _styles(html: str, tag: str) -> list[str]:
    return [attrs.get("style", "") for name, attrs in read_html(html).tags if name == tag]


def _markup(html: str) -> str:
    """The HTML with every picture's address cut to one character: what the markup weighs."""
    return re.sub(r'src="[^"]*"', 'src="p"', html)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_spacing_is_cell_padding_which_outlook_keeps(path: Path) -> None:
    html = email_parts(load_kit(path).kit).html
    tables = _styles(html, "table")
    assert len(tables) > 10
    assert not [style for style in tables if "margin" in style]
    # A div carries only the hidden preheader: never padding, a border or a margin.
    assert not [style for style in _styles(html, "div")
                if re.search(r"padding|border|margin", style)]
    assert "padding:" in " ".join(_styles(html, "td"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_outlook_gets_a_fixed_640_column_in_a_conditional_comment(path: Path) -> None:
    html = email_parts(load_kit(path).kit).html
    ghost = re.search(r"<!--\[if mso\]>\s*<table [^>]*width=\"640\"[^>]*>\s*<tr>\s*<td>\s*"
                      r"<!\[endif\]-->(.*)<!--\[if mso\]>\s*</td>\s*</tr>\s*</table>\s*"
                      r"<!\[endif\]-->", html, re.S)
    assert ghost is not None
    assert "max-width:640px" in ghost.group(1)  # the column everyone else gets
    outlook = re.search(r"<!--\[if mso\]>\s*<style>(.*?)</style>", html.split("</head>")[0], re.S)
    assert outlook is not None
    # Fonts Windows has (it uses a stack's first font only), exact line heights, and the
    # body's size and colour, which Outlook does not inherit into nested tables.
    assert "font-family:Georgia,serif!important" in outlook.group(1) or (
        "font-family:Arial,sans-serif!important" in outlook.group(1))
    assert "mso-line-height-rule:exactly" in outlook.group(1)
    assert re.search(r"td,p\{font-size:16px;line-height:1\.6;color:#[0-9a-f]{6};\}",
                     outlook.group(1))


def test_the_preheader_is_the_leads_first_sentence_and_hidden() -> None:
    html = email_parts(load_kit(NORTHBRIDGE_KIT).kit).html
    body = html.split("<body", 1)[1]
    hidden = re.search(r'<div style="([^"]*)">([^<]*)</div>', body)
    assert hidden is not None and body.index("<div") < body.index("<table")
    style, text = hidden.groups()
    for rule in ("display:none", "mso-hide:all", "max-height:0", "overflow:hidden"):
        assert rule in style
    assert words(read_html(text).text).startswith(
        "Satellite data published this morning show the Northern Sea Route open to "
        "unescorted traffic three weeks earlier than in any previous year.")
    assert "Shipping companies" not in text


def test_first_sentence_does_not_stop_at_abbreviations_or_initials() -> None:
    assert first_sentence("After months of talks, the U.S. and North Korea agreed. Next, "
                          "more.") == "After months of talks, the U.S. and North Korea agreed."
    assert first_sentence("Dr. Kim said so! The rest.") == "Dr. Kim said so!"
    assert first_sentence("It is 3.5 times larger. Next") == "It is 3.5 times larger."
    assert first_sentence("One “quoted.” Two.") == "One “quoted.”"
    long = "word " * 100
    assert len(first_sentence(long)) <= 201 and first_sentence(long).endswith("…")


def test_a_kit_without_a_lead_has_no_preheader() -> None:
    kit = seed_kit()
    kit.sections = [s for s in kit.sections if s.type.value != "lead"]
    assert "mso-hide:all" not in email_parts(kit).html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_page_declares_its_language_and_a_light_colour_scheme(path: Path) -> None:
    page = read_html(email_parts(load_kit(path).kit).html)
    assert [attrs["lang"] for tag, attrs in page.tags if tag == "html"] == ["en"]
    metas = {attrs.get("name"): attrs.get("content") for tag, attrs in page.tags
             if tag == "meta"}
    assert metas["color-scheme"] == "light" and metas["supported-color-schemes"] == "light"
    # Every ground a text sits on is set on its cell, so an inverting client keeps the pairs.
    assert all("background-color" in attrs.get("style", "") for tag, attrs in page.tags
               if tag == "td" and "bgcolor" in attrs)


def _with_phone(phone: str) -> Kit:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    kit.contacts[0] = Contact(id=kit.contacts[0].id, name="Ingrid Halvorsen",
                              role="Head of Media Relations", email="press@example.org",
                              phone=phone)
    return kit


@pytest.mark.parametrize("phone", ["+47 22 00 00 00", "(202) 555 0100", "+1 202-555-0100"])
def test_a_phone_number_never_wraps_inside(phone: str) -> None:
    html = email_parts(_with_phone(phone)).html
    number = re.search(r'<span style="white-space:nowrap;">([^<]*)</span>', html)
    assert number is not None
    # Non-breaking spaces for Outlook for Windows, which ignores white-space.
    assert read_html(number.group(1)).text == phone.replace(" ", "\xa0")


def test_short_numbers_and_dates_are_left_to_wrap() -> None:
    kit = seed_kit()
    kit.title = "Talks on 20 September at 10 30 in room 4 12"
    assert "nowrap" not in email_parts(kit).html.split("<body", 1)[1].split("</h1>")[0]


def test_a_twelve_expert_kit_stays_far_below_gmails_clipping() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    assert len(kit.experts) == 12 and all(expert.photo for expert in kit.experts)
    html = email_parts(kit).html
    assert html.count("<img") == 25  # the logo, and a headshot per quote and per bio
    markup = len(_markup(html).encode("utf-8"))
    assert markup < MARKUP_BUDGET


def test_each_further_quote_costs_little_markup() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    before = len(_markup(email_parts(kit).html).encode("utf-8"))
    quote = kit.quotes[0]
    section = next(s for s in kit.sections if isinstance(s, QuotesSection))
    for n in range(10):
        kit.quotes.append(replace(quote, id=f"extra-{n}"))
        section.quotes.append(f"extra-{n}")
    after = len(_markup(email_parts(kit).html).encode("utf-8"))
    text = len(" ".join(quote.text.split()).encode("utf-8"))
    assert (after - before) / 10 < text + 1000  # the quote's text and at most 1 kB of tags


@pytest.mark.parametrize("width", [44, 120, 121, 260])
def test_a_wide_logo_sits_above_the_series_a_small_one_beside_it(width: int) -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    document, _ = build_document(kit)
    styles, _ = look(kit.brand)
    html = html_body(document, styles, lambda _path, kind: Picture(f"{kind}.png", width, 44))
    masthead = html[html.index('src="logo.png"'):html.index("Northbridge Briefing</p>")]
    assert ("</tr><tr>" in masthead) == (width > 120)
    # Either way it shrinks on a screen narrower than itself (Outlook keeps the width).
    assert "max-width:100%;height:auto" in html


def test_a_number_in_the_headline_is_kept_whole_but_the_title_stays_text() -> None:
    kit = seed_kit()
    kit.title = "Hotline 800 555 0199 opens"
    html = email_parts(kit).html
    title = re.search(r"<title>(.*?)</title>", html)
    assert title is not None and "<span" not in title.group(1)
    assert "800&nbsp;555&nbsp;0199" in html.split("<h1", 1)[1].split("</h1>")[0]

"""Every piece of text is legible: at least 4.5:1 against what it is set on (WCAG 2 AA), in
the e-mail and in the PDF, whatever colours the brand chose (a pale grey text colour, a light
blue primary, an amber accent). A brand colour too pale to carry text is darkened in its own
hue just enough, never swapped for another."""

from __future__ import annotations

import colorsys
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT

from presskit.formats import email_parts
from presskit.model import Colors
from presskit.render.styles import WHITE, contrast, palette
from presskit.storage import load_kit

VOID = {"img", "br", "meta", "hr", "link", "input", "col", "area", "base", "source", "wbr"}
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{6})")
_BACKGROUND = re.compile(r"background-color\s*:\s*(#[0-9a-fA-F]{6})")


class _Inks(HTMLParser):
    """Each run of visible text with the colour it is drawn in and the colour beneath it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, str, bool]] = [("", "#000000", "#ffffff", False)]
        self.runs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _, color, ground, hidden = self.stack[-1]
        found = dict(attrs)
        style = found.get("style") or ""
        if (match := _COLOR.search(style)) is not None:
            color = match.group(1)
        if (match := _BACKGROUND.search(style)) is not None:
            ground = match.group(1)
        hidden = (hidden or found.get("aria-hidden") == "true" or tag in {"head", "title"}
                  or "display:none" in style.replace(" ", ""))  # the inbox's preview line
        if tag not in VOID:
            self.stack.append((tag, color, ground, hidden))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        _, color, ground, hidden = self.stack[-1]
        if data.strip(" \n\t\xa0") and not hidden:
            self.runs.append((data.strip(), color, ground))


def inks(html: str) -> list[tuple[str, str, str]]:
    parser = _Inks()
    parser.feed(html)
    return parser.runs


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT])
@pytest.mark.parametrize("colors", [
    None,  # the example's own brand
    Colors(primary="#9fc5e8", accent="#ffd966", text="#999999"),  # all pale
    Colors(primary="#777777", accent="#3d85c6", text="#222222"),  # mid-grey bands
])
def test_every_text_of_the_email_reads_at_4_5_to_1_on_its_background(
    path: Path, colors: Colors | None
) -> None:
    kit = load_kit(path).kit
    if colors is not None:
        kit.brand.colors = colors
    runs = inks(email_parts(kit).html)
    assert len(runs) > 30
    poor = [(text[:30], ink, ground, round(contrast(HexColor(ink), HexColor(ground)), 2))
            for text, ink, ground in runs if contrast(HexColor(ink), HexColor(ground)) < 4.5]
    assert poor == []


HEX = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@settings(max_examples=150, deadline=None)
@given(primary=HEX, accent=HEX, text=HEX)
def test_every_text_colour_of_any_brand_reads_at_4_5_to_1(
    primary: str, accent: str, text: str
) -> None:
    colors, _ = palette(Colors(primary=primary, accent=accent, text=text))
    grounds = (WHITE, colors.primary_tint, colors.accent_tint)
    for ink in (colors.text, colors.muted, colors.heading_ink, colors.accent_ink, colors.link):
        assert all(contrast(ink, ground) >= 4.5 for ground in grounds)
    assert contrast(colors.on_primary, colors.primary) >= 4.5
    assert contrast(colors.on_accent, colors.accent) >= 4.5


def _inverted(color: str) -> HexColor:
    """``color`` as a client that inverts a message for dark mode draws it (Gmail's app on
    iOS, Outlook for Windows in dark mode): its lightness turned over, its hue kept."""
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    return HexColor("#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in colorsys.hls_to_rgb(
        hue, 1 - lightness, saturation))))


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT])
@pytest.mark.parametrize("colors", [
    None,
    Colors(primary="#9fc5e8", accent="#ffd966", text="#999999"),
    Colors(primary="#777777", accent="#3d85c6", text="#222222"),
])
def test_every_text_still_reads_at_4_5_to_1_when_a_dark_mode_inverts_the_colours(
    path: Path, colors: Colors | None
) -> None:
    kit = load_kit(path).kit
    if colors is not None:
        kit.brand.colors = colors
    runs = inks(email_parts(kit).html)
    poor = [(text[:30], ink, ground) for text, ink, ground in runs
            if contrast(_inverted(ink), _inverted(ground)) < 4.5]
    assert poor == []

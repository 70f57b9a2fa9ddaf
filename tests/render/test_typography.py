"""Print polish: typographic quotes and dashes (on by default, never saved), a long headline
balanced over its lines, long web addresses broken at their boundaries, no heading, box heading
or single line of a quote left alone at a page break, names never hyphenated."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from support.examples import CNAS_KIT
from support.pdf_reading import link_uris, page_texts, squash, text
from support.render_fixtures import seed_kit

from presskit.model import (
    CalloutSection,
    ContactSection,
    Expert,
    LeadSection,
    Quote,
    QuotesSection,
    Resource,
)
from presskit.render import render_pdf
from presskit.render import styles as house_style
from presskit.render.fonts import registry as font_registry
from presskit.render.typography import smarten
from presskit.render.urls import break_points
from presskit.storage import dumps_kit, load_kit, loads_kit

TYPED = "\"Don't wait,\" she said -- it's the '90s - and 'big for big' failed."
PRINTED = "“Don’t wait,” she said — it’s the ’90s – and ‘big for big’ failed."


def lead_text(kit_text: str, smart: bool = True) -> str:
    kit = seed_kit()
    kit.brand.typography.smart_quotes = smart
    kit.sections = [LeadSection(id="lead", text=kit_text)]
    return "\n".join(page_texts(render_pdf(kit).data))


@pytest.mark.parametrize("typed, printed", [
    (TYPED, PRINTED),
    ("O'Connell's report", "O’Connell’s report"),
    ("(\"quoted\")", "(“quoted”)"),
    ("**\"Bold\"** and *'it'*", "**“Bold”** and *‘it’*"),
    ("1990-2000, +1 202-555-0100, Álvarez-Núñez", "1990-2000, +1 202-555-0100, Álvarez-Núñez"),
    ("write to o'neil@example.org or \"https://example.org/a--b\"",
     "write to o'neil@example.org or “https://example.org/a--b”"),
])
def test_straight_quotes_and_dashes_become_typographic(typed: str, printed: str) -> None:
    assert smarten(typed) == printed
    assert smarten(printed) == printed  # applying it twice changes nothing


def test_smart_quotes_are_on_by_default_and_only_in_the_pdf(tmp_path: Path) -> None:
    kit = seed_kit()
    kit.sections[0] = LeadSection(id="lead", text=TYPED)
    kit.experts[0].name = "Siobhán O'Connell"
    before = dumps_kit(kit, tmp_path / "kit.presskit")
    printed = text(render_pdf(kit).data)
    assert PRINTED in printed and "Siobhán O’Connell" in printed
    assert kit.sections[0].text == TYPED  # the kit the caller holds is untouched …
    assert dumps_kit(kit, tmp_path / "kit.presskit") == before  # … and so is what is saved


def test_every_field_typed_straight_prints_curly_and_the_callers_kit_keeps_them_straight(
    tmp_path: Path,
) -> None:
    # Only the parts of the kit that change are copied for printing: two quotes of one list,
    # an expert, the brand's footer; the rest is shared with the caller's kit, untouched.
    kit = seed_kit()
    kit.quotes[0].text, kit.quotes[2].text = "It's \"first\".", "It's \"third\"."
    kit.experts[1].name = "Siobhán O'Connell"
    kit.brand.footer = "CNAS -- Washington"
    before = dumps_kit(kit, tmp_path / "kit.presskit")
    printed = squash(text(render_pdf(kit).data))
    for shown in ("It’s “first”.", "It’s “third”.", "Siobhán O’Connell", "CNAS — Washington"):
        assert squash(shown) in printed
    assert dumps_kit(kit, tmp_path / "kit.presskit") == before


def test_smart_quotes_can_be_turned_off_in_the_brand() -> None:
    assert TYPED in lead_text(TYPED, smart=False)
    assert PRINTED in lead_text(TYPED, smart=True)


def test_smart_quotes_off_is_read_from_and_written_to_the_project_file(tmp_path: Path) -> None:
    kit = seed_kit()
    kit.brand.typography.smart_quotes = False
    saved = dumps_kit(kit, tmp_path / "kit.presskit")
    assert "  typography:\n    smart_quotes: false\n" in saved
    assert loads_kit(saved, tmp_path / "kit.presskit").kit.brand.typography.smart_quotes is False
    on = seed_kit()
    assert "typography" not in dumps_kit(on, tmp_path / "kit.presskit")  # the default


def test_addresses_keep_their_straight_quotes_and_double_hyphens() -> None:
    kit = seed_kit()
    kit.contacts[0].email = "press--desk@example.org"
    kit.contacts[0].phone = "+1 202 - 555 - 0100"
    kit.resources = [Resource(id="r", title="Report", url="https://example.org/a--b?q='x'")]
    kit.sections = [ContactSection(id="c", contact="cole", text="{email} or {phone}"),
                    CalloutSection(id="co", resource="r", text="See {url} or o'neil@example.org.")]
    pdf = render_pdf(kit).data
    assert "mailto:press--desk@example.org" in link_uris(pdf)
    assert "https://example.org/a--b?q='x'" in link_uris(pdf)
    printed = text(pdf)
    for typed in ("press--desk@example.org", "+1 202 - 555 - 0100", "a--b?q='x'",
                  "o'neil@example.org"):
        assert typed in printed


def headline_lines(title: str) -> list[str]:
    kit = seed_kit()
    kit.title = title
    first = page_texts(render_pdf(kit).data)[0]
    # A tagged PDF ends each wrapped line with its space (render.tagging.line_ends).
    lines = [line.rstrip(" ") for line in first.splitlines()]
    start = lines.index("September 20, 2019") + 1
    words = title.split()
    taken, found = 0, []
    while taken < len(words):
        line = lines[start + len(found)]
        found.append(line)
        taken += len(line.split())
    return found


@pytest.mark.parametrize("title", [
    "U.S., North Korea Consider Renewed Talks",
    "Record-Early Opening of the Northern Sea Route Tests Arctic Diplomacy",
    "Allies Agree on a Framework for Sanctions Relief Talks",
])
def test_a_two_line_headline_is_balanced_not_left_with_a_short_last_line(title: str) -> None:
    lines = headline_lines(title)
    assert len(lines) == 2 and " ".join(lines) == title
    font = font_registry.builtin_family().bold
    widths = [stringWidth(line, font, 23) for line in lines]
    assert min(widths) / max(widths) > 0.6, lines


def test_a_short_headline_stays_on_one_line() -> None:
    assert headline_lines("Talks Resume") == ["Talks Resume"]


LONG_URL = ("https://cnas.example.org/publications/reports/negotiating-toward-a-"
            "denuclearization-peace-roadmap/full-text?utm_source=press&utm_medium=kit")


def test_break_points_of_an_address_are_after_slashes_and_before_punctuation() -> None:
    url = "https://a.org/b-c?d=1&e"
    heads = [url[:p] for p in break_points(url)]
    assert heads == ["https://a", "https://a.org/", "https://a.org/b", "https://a.org/b-c",
                     "https://a.org/b-c?d", "https://a.org/b-c?d=1"]


@pytest.fixture(scope="module")
def url_pdf() -> bytes:
    kit = seed_kit()
    kit.resources = [Resource(id="r", title="The roadmap", url=LONG_URL)]
    kit.sections = [
        LeadSection(id="lead", text=f"The report is online at {LONG_URL} for everyone, and so "
                                    "is www.example.org/a/very/long/path/that/keeps/going/and/"
                                    "going/on/and/on/to/the/end/of/the/line/and/then/some."),
        CalloutSection(id="c", heading="Read", resource="r", text="Read it at {url} today."),
    ]
    return render_pdf(kit).data


def test_long_addresses_break_at_their_boundaries_and_stay_inside_the_margins(
        url_pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "urls.pdf"
    source.write_bytes(url_pdf)
    program = shutil.which("pdftotext")
    layout = subprocess.run([program, "-layout", str(source), "-"], capture_output=True,
                            text=True).stdout if program else ""
    lines = page_texts(url_pdf)[0].splitlines()
    body = lines[lines.index("Consider Renewed Talks") + 1:]
    breaks = 0
    for before, after in zip(body, body[1:], strict=False):
        tail = before.split()[-1] if before.split() else ""
        if re.search(r"example\.org|/", tail) and not tail.endswith(("=kit", "some.")):
            # The address goes on: the line ends after a "/" or before . - _ ? # & = ~ %,
            # never between two letters of a word.
            assert tail.endswith("/") or after[0] in ".-_?#&=~%", (before, after)
            breaks += 1
    assert breaks >= 3
    assert squash(LONG_URL) in squash(text(url_pdf))  # nothing added, nothing lost
    # Each line of the broken link is clickable, and each goes to the whole address.
    assert set(link_uris(url_pdf)) == {LONG_URL} and len(link_uris(url_pdf)) >= 2
    if layout:
        assert max(len(line) for line in layout.splitlines()) < 110  # nothing runs off


def test_a_quote_never_leaves_a_single_line_at_a_page_foot_or_head() -> None:
    palette, _ = house_style.palette(seed_kit().brand.colors)
    styles = house_style.build(palette, font_registry.resolve(seed_kit().brand.fonts)[0])
    quote = Paragraph(" ".join(["Sanctions relief must be sequenced."] * 30), styles.quote)
    _, height = quote.wrap(400, 10_000)
    lines = len(quote.blPara.lines)
    leading = styles.quote.leading
    assert quote.split(400, leading * 1.5) == []  # one line would fit: the quote moves on
    head, tail = quote.split(400, leading * (lines - 0.5))  # all but one line would fit
    for part in (head, tail):
        part.wrap(400, 10_000)
        assert len(part.blPara.lines) >= 2


def test_a_box_heading_is_never_left_alone_at_the_foot_of_a_page() -> None:
    kit = seed_kit()
    for words in range(560, 680, 12):  # push the box across the page foot step by step
        kit.sections = [
            LeadSection(id="lead", text=" ".join(f"w{n}" for n in range(words))),
            CalloutSection(id="c", heading="Need a cheat sheet?", resource="roadmap-report",
                           text=" ".join(["A long callout sentence."] * 50)),
        ]
        pages = page_texts(render_pdf(kit).data)
        for page in pages[:-1]:
            assert not page.rstrip().endswith("Need a cheat sheet?"), words


def test_names_are_never_hyphenated_or_split_inside_a_word() -> None:
    kit = seed_kit()
    long_name = "Maximiliane Wolfeschlegelsteinhausenbergerdorff-Núñez"
    kit.experts = [Expert(id="m", name=long_name, title="Fellow for " + "Policy " * 12)]
    kit.quotes = [Quote(id="q", expert="m", text="Short.")]
    kit.sections = [QuotesSection(id="experts", quotes=["q"])]
    assert long_name in page_texts(render_pdf(kit).data)[0]


def test_the_example_headline_is_balanced_in_the_cnas_kit() -> None:
    kit = load_kit(CNAS_KIT).kit
    first = page_texts(render_pdf(kit).data)[0]
    assert "U.S., North Korea \nConsider Renewed Talks" in first  # the space ends line 1

"""The plain-text body as a text-only mail client shows it: 72 columns, links as numbered
references after their paragraph, every quote followed by its attribution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import words
from support.pdf_reading import assert_in_order
from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.model import QuotesSection
from presskit.model.wording import affiliation
from presskit.render.typography import smarten
from presskit.storage import load_kit

REFERENCE = re.compile(r"^\[\d+\] ")


def attributions(text: str) -> list[str]:
    """Each ``— …`` line with its indented continuation lines joined on."""
    found: list[str] = []
    for line in text.splitlines():
        if line.startswith("— "):
            found.append(line)
        elif found and not found[-1].endswith("\0") and line.startswith("  ") and line.strip():
            found[-1] += " " + line.strip()
        elif found and not found[-1].endswith("\0"):
            found[-1] += "\0"
    return [line.rstrip("\0") for line in found]


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_no_line_is_longer_than_72_columns_but_an_address(path: Path) -> None:
    text = email_parts(load_kit(path).kit).text
    assert len(text.splitlines()) > 40
    for line in text.splitlines():
        assert len(line) <= 72 or len(REFERENCE.sub("", line).split()) == 1, line


def test_a_long_address_stays_whole_on_its_own_line() -> None:
    kit = seed_kit()
    kit.resources[0].url = "https://www.example.org/" + "very-long-path/" * 8
    text = email_parts(kit).text
    lines = [line for line in text.splitlines() if kit.resources[0].url in line]
    assert lines == [f"[1] {kit.resources[0].url}"]  # whole, after its number


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_every_quote_is_attributed_with_name_and_title(path: Path) -> None:
    kit = load_kit(path).kit
    expected = []
    for section in kit.visible_sections():
        if isinstance(section, QuotesSection):
            for quote_id in section.quotes:
                quote = kit.quote(quote_id)
                expert = kit.expert(quote.expert) if quote else None
                assert expert is not None
                name = " ".join(p for p in (expert.honorific, expert.name) if p)
                pronouns = f" ({expert.pronouns})" if expert.pronouns else ""
                expected.append(smarten(
                    f"— {name}{pronouns}, {affiliation(expert, kit.brand)}"))
    assert attributions(email_parts(kit).text) == expected


def test_links_are_numbered_references_after_the_paragraph_not_inside_the_title() -> None:
    kit = load_kit(CNAS_KIT).kit
    text = email_parts(kit).text
    resource = kit.resources[0]
    flowing = words(text)
    assert f"“{resource.title} [1],”" in flowing  # the title whole, its number inside
    paragraphs = text.split("\n\n")
    [cited] = [n for n, p in enumerate(paragraphs) if "[1]," in p]
    assert paragraphs[cited + 1].splitlines()[0] == f"[1] {resource.url}"
    assert f"<{resource.url}>" not in text and text.count(resource.url) == 1
    assert "contact Cole Stevens at press@example.org." in flowing  # its own title: inline


def test_the_text_follows_the_kit_and_leaves_hidden_sections_out() -> None:
    text = email_parts(load_kit(NORTHBRIDGE_KIT).kit).text
    assert "Notes for the press office" not in text
    assert_in_order(text, ["Northbridge Briefing", "EMBARGOED until", "DRAFT", "July 14, 2026",
                           "Record-Early Opening", "Satellite data", "To book an interview",
                           "Background reading", "Security and diplomacy",
                           "Shipping, energy and climate", "About our experts",
                           "About the Northbridge Institute", "Karl Johans gate"])

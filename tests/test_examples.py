"""The example kits are the product's showcase: they load cleanly, export, and the CNAS kit
says everything the real advisory in the seed said, in the same order."""

from __future__ import annotations

import re

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT, SEED
from support.page_lines import story_text
from support.pdf_reading import assert_in_order, fonts, link_uris, outline_titles, page_texts, text

from presskit.model import (
    ApprovalState,
    BiosSection,
    CalloutSection,
    ContactSection,
    LeadSection,
    PageSize,
    QuotesSection,
    Status,
    TextSection,
)
from presskit.render import render_pdf
from presskit.render.typography import smarten
from presskit.storage import dumps_kit, load_kit

EXPERT_LINE = re.compile(r'^- (?P<name>[^,]+), (?P<title>[^:]+): "(?P<quote>.*)"$')


def seed_fragments() -> tuple[list[str], list[str]]:
    """The seed's header (dateline, series, headline) and the rest, as it must appear."""
    lines = [
        line.replace("[email protected]", "press@example.org")
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    dateline, headline, *body = lines
    series, title = headline.split(": ", 1)
    fragments: list[str] = []
    for line in body:
        match = EXPERT_LINE.match(line)
        if match:
            fragments += [match["name"], match["title"], match["quote"]]
        else:
            fragments.append(line.rstrip(":"))
    return [dateline, series, title], fragments


@pytest.fixture(scope="module")
def cnas_pdf() -> bytes:
    return render_pdf(load_kit(CNAS_KIT).kit, invariant=True).data


def test_cnas_example_loads_without_any_problem() -> None:
    loaded = load_kit(CNAS_KIT)
    assert loaded.problems == []


def test_cnas_example_uses_the_right_section_types_in_the_seed_order() -> None:
    kit = load_kit(CNAS_KIT).kit
    visible = [type(s) for s in kit.visible_sections()]
    assert visible == [
        LeadSection, ContactSection, CalloutSection, QuotesSection, TextSection, ContactSection
    ]
    quotes = next(s for s in kit.sections if isinstance(s, QuotesSection))
    assert [kit.quote(q).expert for q in quotes.quotes] == [  # type: ignore[union-attr]
        "duyeon-kim", "elizabeth-rosenberg", "kristine-lee", "van-jackson", "neil-bhatiya"
    ]


def test_cnas_pdf_says_every_sentence_of_the_seed_in_order(cnas_pdf: bytes) -> None:
    header, body = seed_fragments()
    first_page = page_texts(cnas_pdf)[0]
    for fragment in header:
        assert_in_order(first_page, [smarten(fragment)])
    # The seed's straight quotes print as typographic ones (smart quotes are on by default).
    # Read without the page furniture: a quote may run on from one page to the next.
    assert_in_order(story_text(cnas_pdf), [smarten(fragment) for fragment in body])


def test_cnas_pdf_links_the_press_contact_and_the_report(cnas_pdf: bytes) -> None:
    uris = link_uris(cnas_pdf)
    assert "mailto:press@example.org" in uris
    assert any(uri.startswith("https://") and "roadmap" in uri for uri in uris)


def test_cnas_pdf_has_bookmarks_for_sections_and_experts(cnas_pdf: bytes) -> None:
    titles = [title for _depth, title in outline_titles(cnas_pdf)]
    for name in ("Duyeon Kim", "Elizabeth Rosenberg", "Kristine Lee", "Van Jackson",
                 "Neil Bhatiya", "Sharper", "Need a cheat sheet?"):
        assert name in titles
    assert "About CNAS" not in titles  # the about section is hidden


def test_cnas_pdf_embeds_every_font(cnas_pdf: bytes) -> None:
    used = fonts(cnas_pdf)
    assert used and all(used.values()), used


def test_cnas_example_is_already_in_saved_form() -> None:
    """Saving the example changes nothing, so it doubles as a byte-stability fixture."""
    assert dumps_kit(load_kit(CNAS_KIT).kit, CNAS_KIT) == CNAS_KIT.read_text(encoding="utf-8")


def test_northbridge_example_covers_what_the_seed_does_not() -> None:
    loaded = load_kit(NORTHBRIDGE_KIT)
    kit = loaded.kit
    assert loaded.problems == []
    assert kit.brand.page_size is PageSize.A4
    assert kit.status is Status.DRAFT and kit.embargo is not None
    assert len(kit.experts) >= 12
    assert all(e.photo is not None and e.photo.is_file() for e in kit.experts)
    assert any(isinstance(s, BiosSection) for s in kit.visible_sections())
    assert any(isinstance(s, QuotesSection) and s.photos for s in kit.sections)
    assert any(any("\u0370" <= ch <= "\u04ff" for ch in e.name) for e in kit.experts)
    assert all(q.approval.state is ApprovalState.APPROVED for q in kit.quotes)
    assert dumps_kit(kit, NORTHBRIDGE_KIT) == NORTHBRIDGE_KIT.read_text(encoding="utf-8")


def test_northbridge_pdf_is_three_pages_with_markings_and_every_name() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    rendered = render_pdf(kit, invariant=True)
    assert rendered.warnings == []
    pages = page_texts(rendered.data)
    assert len(pages) >= 3
    for page in pages:
        assert "DRAFT" in page
    assert "EMBARGOED" in pages[0]
    everything = text(rendered.data)
    for expert in kit.experts:
        assert_in_order(everything, [smarten(expert.name)])  # O'Connell prints O’Connell

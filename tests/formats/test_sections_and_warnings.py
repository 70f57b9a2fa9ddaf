"""What a reader and a press officer get at more of the kit's edges: a text section without
a heading, a callout's ``{url}`` with its resource, and where the warning about a missing
quote points (a missing resource: ``test_document_edges.py``)."""

from __future__ import annotations

from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.formats.commonmark import markdown_text
from presskit.formats.walk import build_document
from presskit.model import CalloutSection, QuotesSection, TextSection
from presskit.model.kit import Resource


def test_a_text_section_without_a_heading_keeps_its_words_under_no_empty_heading() -> None:
    kit = seed_kit()
    kit.sections = [TextSection(id="t", heading="", text="Words with no title above them.")]
    document, _ = build_document(kit)
    markdown = markdown_text(document)
    assert "Words with no title above them." in markdown
    assert [line for line in markdown.splitlines() if line.startswith("##")] == []


def test_a_callout_spells_its_resource_address_where_the_text_says_url() -> None:
    kit = seed_kit()
    kit.resources = [Resource(id="r", title="The Long Season", url="https://x.example/r")]
    kit.sections = [CalloutSection(id="c", heading="Read it", resource="r",
                                   text="Find it at {url} today.")]
    text = " ".join(email_parts(kit).text.split())
    assert "Find it at https://x.example/r" in text


def test_a_missing_quote_is_reported_at_its_place_in_the_section() -> None:
    kit = seed_kit()
    kit.sections = [QuotesSection(id="q", heading="Quotes", quotes=["nowhere"])]
    _, problems = build_document(kit)
    assert [p.where for p in problems if "nowhere" in p.message] == [
        ("sections", 0, "quotes", 0)]

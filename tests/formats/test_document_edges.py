"""What the e-mail and plain-text twins say at the kit's edges: no date, a draft in another
language, a callout with or without its resource, a contact section naming no one, several
links in one paragraph, pronouns of several words and a draft's date."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime

from support.render_fixtures import seed_kit

from presskit.formats import draft_message, email_parts
from presskit.formats.walk import build_document
from presskit.model import CalloutSection, ContactSection, LeadSection, Status
from presskit.model.kit import Resource


def test_a_kit_without_a_date_has_no_dateline() -> None:
    kit = seed_kit()
    kit.date = None
    document, _ = build_document(kit)
    assert document.dateline == ""


def test_a_draft_in_german_says_so_in_german() -> None:
    kit = seed_kit()
    kit.status = Status.DRAFT
    english, _ = build_document(kit)
    kit.language = "de"
    german, _ = build_document(kit)
    assert german.draft and german.draft_banner != english.draft_banner
    assert german.draft_banner in email_parts(kit).text


def test_a_callout_with_a_resource_and_no_text_says_read_title_by_author() -> None:
    kit = seed_kit()
    kit.resources = [Resource(id="report", title="The Long Season", url="https://x.example/r",
                              author="Ann Lee")]
    kit.sections = [CalloutSection(id="c", heading="Cheat sheet", resource="report")]
    text = " ".join(email_parts(kit).text.split())
    assert "Cheat sheet Read “The Long Season [1]” by Ann Lee. [1] https://x.example/r" in text


def test_a_callout_whose_resource_is_missing_keeps_its_own_words() -> None:
    kit = seed_kit()
    kit.sections = [CalloutSection(id="c", heading="Cheat sheet", resource="gone",
                                   text="Our own words about {title}, at {url}.")]
    _, problems = build_document(kit)
    text = " ".join(email_parts(kit).text.split())
    assert "Our own words about , at ." in text
    assert [(p.message, p.where) for p in problems if "gone" in p.message] == [
        ("section 'c' refers to resource 'gone', which is not defined",
         ("sections", 0, "resource"))]


def test_a_contact_section_naming_no_one_is_left_out_pointing_at_its_field() -> None:
    kit = seed_kit()
    kit.sections = [LeadSection(id="lead", text="Hello."),
                    ContactSection(id="who", contact="nobody")]
    _, problems = build_document(kit)
    assert [p.where for p in problems if "nobody" in p.message] == [("sections", 1, "contact")]


def test_two_linked_titles_are_numbered_one_and_two() -> None:
    kit = seed_kit()
    kit.resources = [Resource(id="a", title="First report", url="https://a.example/1"),
                     Resource(id="b", title="Second report", url="https://b.example/2")]
    kit.sections = [CalloutSection(id="ca", heading="One", resource="a"),
                    CalloutSection(id="cb", heading="Two", resource="b")]
    text = email_parts(kit).text
    assert "[1] https://a.example/1" in text and "[2] https://b.example/2" in text


def test_pronouns_of_several_words_keep_their_spaces_in_plain_text() -> None:
    kit = seed_kit()
    kit.experts[0].pronouns = "she  or  they"
    assert "(she or they)" in email_parts(kit).text


def test_a_draft_message_is_dated_when_asked() -> None:
    when = dt.datetime(2026, 7, 14, 6, 0, tzinfo=dt.UTC)
    message = message_from_bytes(draft_message(seed_kit(), now=when), policy=policy.default)
    assert parsedate_to_datetime(str(message["Date"])) == when


def test_a_callout_with_only_a_heading_prints_its_heading() -> None:
    kit = seed_kit()
    kit.sections = [CalloutSection(id="c", heading="Coming soon")]
    text = email_parts(kit).text
    assert "Coming soon" in text


def test_emphasis_and_language_around_a_contact_placeholder_cover_the_whole_phrase() -> None:
    kit = seed_kit()
    kit.sections = [ContactSection(id="ask", contact="cole",
                                   text="*Ask {name} today.*\n\n[Fragen Sie {name}.]{lang=de}")]
    html = email_parts(kit).html
    assert "<em>Ask Cole Stevens today.</em>" in html
    assert '<span lang="de">Fragen Sie Cole Stevens.</span>' in html

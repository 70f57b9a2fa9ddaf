"""Small words every output shares: a headshot's initials, a dialable phone link, paragraphs,
the contact line, the About heading, a quote's own marks and the experts a kit quotes."""

from __future__ import annotations

import pytest

from presskit.model.kit import Brand, Contact, Expert, Kit, Quote
from presskit.model.printable import one_line, shortened, tip
from presskit.model.sections import AboutSection, QuotesSection
from presskit.model.text import clean, initials, linkable, phone_uri, split_paragraphs
from presskit.model.wording import (
    about_heading,
    callout_default,
    contact_text,
    has_own_quote_marks,
    quoted_experts,
)


@pytest.mark.parametrize(("name", "letters"), [
    ("Duyeon Kim", "DK"), ("Anna Smirnova-Petrova", "AP"), ("van der Berg, Jan", "VJ"),
    ("Zoë", "Z"), ("  ", "?"), ("42 Analysts", "A"),
])
def test_a_placeholder_headshot_shows_the_first_and_last_initial(name: str, letters: str) -> None:
    assert initials(name) == letters


@pytest.mark.parametrize(("number", "uri"), [
    ("+47 22 00 00 00", "tel:+4722000000"), ("(212) 555-0188", "tel:2125550188"),
    ("ext. twelve", ""), ("12", ""),
])
def test_a_phone_number_becomes_a_link_with_its_plus(number: str, uri: str) -> None:
    assert phone_uri(number) == uri


def test_paragraphs_are_split_at_blank_lines_and_trimmed() -> None:
    assert split_paragraphs("  One line\nstill one.\n\n \n  Two.  \n\n") == [
        "One line\nstill one.", "Two."]


def test_the_default_contact_line_gives_the_phone_only_when_there_is_no_address() -> None:
    assert contact_text("", Contact("c", "Cole", email="c@example.org")) == (
        "To arrange an interview, contact {name} at {email}.")
    assert contact_text(" ", Contact("c", "Cole", phone="+1 212 555 0188")) == (
        "To arrange an interview, contact {name} at {phone}.")
    assert contact_text("", Contact("c", "Cole", email="c@example.org", phone="+1 212")) == (
        "To arrange an interview, contact {name} at {email}.")
    assert contact_text("Call {name}.", Contact("c", "Cole")) == "Call {name}."


def test_a_callouts_default_line_names_the_author_if_there_is_one() -> None:
    assert callout_default("") == "Read “{title}”."
    assert callout_default(" Duyeon Kim ") == "Read “{title}” by {author}."


def test_text_is_cleaned_of_carriage_returns_and_tabs_and_links_are_checked() -> None:
    assert clean("a\r\nb\rc\td") == "a\nb\nc d"
    assert linkable("  https://cnas.org/x  ") == "https://cnas.org/x"
    assert linkable("javascript:alert(1)") == "" and linkable("https://a b") == ""


def test_control_and_reordering_characters_show_as_escapes_and_long_text_is_cut() -> None:
    assert one_line("Evil\x1b]0;x\x07 \u202eok") == "Evil\\x1b]0;x\\x07 \\u202eok"
    assert shortened("abcde", 5) == "abcde" and shortened("abcdef", 5) == "abcd…"
    assert tip("line one\nline two\x1b", 12) == "line one\nli…"
    assert tip("x" * 30, 10) == "x" * 9 + "…"


def test_the_about_heading_names_the_organisation_unless_the_section_has_its_own() -> None:
    kit = Kit(title="T", brand=Brand(organisation=" CNAS "))
    assert about_heading(AboutSection(id="about"), kit) == "About CNAS"
    assert about_heading(AboutSection(id="about", heading="Who we are"), kit) == "Who we are"
    assert about_heading(AboutSection(id="about"), Kit(title="T", brand=Brand())) == "About us"


@pytest.mark.parametrize(("text", "own"), [
    ("“We will see.”", True), ('"We will see."', True), ("«On verra.»", True),
    ("„Wir werden sehen.“", True), ("We will see.", False), ("“We will see.", False),
])
def test_typed_quotation_marks_are_recognised_at_both_ends(text: str, own: bool) -> None:
    assert has_own_quote_marks(text) is own


def test_the_experts_quoted_are_those_of_visible_quotes_sections_in_order() -> None:
    kim, lee = Expert("kim", "Duyeon Kim"), Expert("lee", "Kristine Lee")
    kit = Kit(title="T", experts=[lee, kim, Expert("idle", "Not Quoted")],
              quotes=[Quote("q1", "kim", "One."), Quote("q2", "lee", "Two."),
                      Quote("q3", "kim", "Three."), Quote("q4", "idle", "Four.")],
              sections=[QuotesSection(id="a", quotes=["q1", "q2", "q3", "gone"]),
                        QuotesSection(id="b", quotes=["q4"], hidden=True)])
    assert quoted_experts(kit) == [kim, lee]


"""The plain-text twin wrapped at 72 columns as a journalist reads it and dials from it: a phone
number, an e-mail address, a web address or a short quoted title is never split across two
lines, whatever words surround it and wherever the line happens to end."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.render_fixtures import seed_kit

from presskit.formats.plain import WIDTH, plain_text, wrap
from presskit.formats.walk import build_document

PHONE = "+47 22 00 00 00"
ADDRESS = "press-office@northbridge.example.org"
URL = "https://northbridge.example.org/reports/long-season"
TITLE = "“The Long Season, Revisited”"
UNBREAKABLE = [PHONE, ADDRESS, URL, TITLE, "(202) 555-0100", "+1 202 555 0100"]

word = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéø,.;:–-"), min_size=1,
               max_size=14)
words = st.lists(word, max_size=30).map(" ".join)


def assert_whole(lines: list[str], span: str) -> None:
    found = [line for line in lines if span in line]
    assert found, (span, lines)


@settings(max_examples=150, deadline=None)
@given(before=words, after=words, span=st.sampled_from(UNBREAKABLE),
       indent=st.sampled_from(["", "  "]))
def test_a_number_address_or_title_is_never_split_by_the_wrapper(
    before: str, after: str, span: str, indent: str
) -> None:
    lines = wrap(f"{before} {span} {after}".strip(), indent)
    assert_whole(lines, span)
    for line in lines:
        assert len(line) <= WIDTH or len(line.split()) == 1, line
    assert " ".join(" ".join(lines).split()) == " ".join(f"{before} {span} {after}".split())


def test_the_number_that_was_split_before_stays_on_one_line() -> None:
    # The line broke between "+47" and "22 00 00 00" in the Northbridge contact box.
    text = ("To book an interview in English, Norwegian, Greek or Russian, contact "
            "Ingrid Halvorsen, Head of Media Relations, at press@example.org or "
            f"{PHONE}.")
    lines = wrap(text)
    assert any(line.endswith(f"{PHONE}.") for line in lines)
    assert not any(line.rstrip().endswith("+47") for line in lines)


def test_a_title_too_long_for_one_line_still_wraps_within_72_columns() -> None:
    title = "“" + " ".join(["Negotiating"] * 9) + "”"
    lines = wrap(f"Read the report {title} today.")
    assert all(len(line) <= WIDTH for line in lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=words, after=words)
def test_the_contact_line_of_a_kit_keeps_the_phone_and_address_whole(
    before: str, after: str
) -> None:
    kit = seed_kit()
    contact = kit.contacts[0]
    contact.phone, contact.email = PHONE, ADDRESS
    kit.sections[1].text = (  # type: ignore[attr-defined]
        f"{before} {{name}} at {{email}} or {{phone}} {after}")
    lines = plain_text(build_document(kit)[0]).splitlines()
    assert_whole(lines, PHONE)
    assert_whole(lines, ADDRESS)

"""A press officer pastes an advisory and gets a kit that says the same thing."""

from __future__ import annotations

import copy
import datetime as dt
import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.examples import CNAS_KIT, SEED
from support.pdf_reading import squash, text

from presskit.library.advisory.parse import parse_advisory
from presskit.library.advisory.text import paragraphs
from presskit.library.roster import Roster
from presskit.model import (
    ApprovalState,
    CalloutSection,
    ContactSection,
    Kit,
    LeadSection,
    QuotesSection,
    Status,
    TextSection,
    validate,
)
from presskit.render import render_pdf
from presskit.storage import load_kit, loads_kit
from presskit.storage.writer import dumps_kit

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def example() -> Kit:
    return load_kit(CNAS_KIT).kit


def test_the_seed_becomes_a_kit_whose_pdf_says_what_the_example_kit_says(example: Kit) -> None:
    result = parse_advisory(SEED_TEXT, brand=example.brand, contact_email="press@example.org")
    assert result.problems == []
    # It starts as a draft, as File ▸ New does; marked final it prints as the example.
    assert result.kit.status is Status.DRAFT
    result.kit.status = Status.FINAL
    expected = text(render_pdf(example, invariant=True).data)
    produced = text(render_pdf(result.kit, invariant=True).data)
    assert squash(produced) == squash(expected)


def test_the_seed_kit_has_the_examples_sections_in_the_seed_order(example: Kit) -> None:
    kit = parse_advisory(SEED_TEXT).kit
    assert [type(s) for s in kit.sections] == [type(s) for s in example.visible_sections()]
    assert [type(s) for s in kit.sections] == [
        LeadSection, ContactSection, CalloutSection, QuotesSection, TextSection, ContactSection]
    assert (kit.series, kit.title, kit.date) == (example.series, example.title, example.date)
    assert [(e.name, e.title) for e in kit.experts] == [(e.name, e.title)
                                                        for e in example.experts]
    assert [q.text for q in kit.quotes] == [q.text for q in example.quotes]
    assert kit.sections[-1].id == "closing"
    resource = kit.resources[0]
    assert resource.title == example.resources[0].title
    assert (resource.author, resource.expert) == ("Duyeon Kim", "duyeon-kim")


def test_the_address_hidden_by_the_web_page_is_reported_not_invented() -> None:
    result = parse_advisory(SEED_TEXT)
    [problem] = result.problems
    assert problem.line == 4
    assert "[email protected]" in problem.message and "--contact-email" in problem.message
    assert result.kit.contacts[0].email == ""
    # The kit is still a valid kit that saves and reopens; the check flags the gap.
    reopened = loads_kit(dumps_kit(result.kit, SEED.with_suffix(".presskit")), SEED)
    assert any("neither an e-mail address nor a phone" in p.message for p in reopened.problems)


def test_quotes_are_drafts_unless_the_text_is_said_to_be_approved() -> None:
    assert {q.approval.state for q in parse_advisory(SEED_TEXT).kit.quotes} == \
        {ApprovalState.DRAFT}
    approved = parse_advisory(SEED_TEXT, approved=True).kit
    assert all(q.approval.state is ApprovalState.APPROVED and q.approval.by
               for q in approved.quotes)
    assert not [p for p in validate(approved) if "approved" in p.message]


def test_experts_already_in_the_roster_are_linked_not_duplicated(example: Kit) -> None:
    roster = Roster(experts=copy.deepcopy(example.experts), quotes=copy.deepcopy(example.quotes))
    roster.experts[0].bio = "Duyeon Kim is an adjunct senior fellow."
    roster.experts[0].name = "DUYEON KIM"  # matched by name, however it is written
    result = parse_advisory(SEED_TEXT, roster=roster)
    kim = result.kit.experts[0]
    assert kim.id == "duyeon-kim" and kim.bio == "Duyeon Kim is an adjunct senior fellow."
    assert result.linked == [e.id for e in example.experts]
    # A quote the bank holds with the same words keeps its id and its approval.
    assert result.kit.quotes[0].id == "kim-summit-framing"
    assert result.kit.quotes[0].approval.state is ApprovalState.APPROVED


def test_a_hard_wrapped_email_reads_the_same_as_one_line_per_paragraph() -> None:
    wrapped = "\n\n".join(
        textwrap.fill(line, 72, break_on_hyphens=False, break_long_words=False)
        for line in SEED_TEXT.splitlines()
    ).replace("[email protected]", "press@example.org")
    plain = SEED_TEXT.replace("[email protected]", "press@example.org")
    assert max(len(line) for line in wrapped.splitlines()) <= 72
    assert parse_advisory(wrapped).kit == parse_advisory(plain).kit


def test_a_forwarded_advisory_with_reply_marks_and_windows_line_ends_reads_the_same() -> None:
    forwarded = "\r\n".join("> " + line for line in SEED_TEXT.splitlines())
    assert parse_advisory(forwarded).kit == parse_advisory(SEED_TEXT).kit


def test_old_mac_line_ends_and_indented_reply_marks_read_the_same() -> None:
    expected = parse_advisory(SEED_TEXT).kit
    assert parse_advisory(SEED_TEXT.replace("\n", "\r")).kit == expected
    assert parse_advisory("\n".join("  > " + line for line in SEED_TEXT.splitlines())).kit == (
        expected)


ADVISORY = """\
MEDIA ADVISORY
EMBARGOED UNTIL 6:00 a.m. EDT, June 4, 2024

Heat Wave Puts Grid Reliability in Question
June 3, 2024

Utilities are bracing for record demand this week.

Media contact: Sam Lee | slee@example.org | 212-555-0188

What our experts say:

Jordan Whitfield-Ng, Director, Climate & Energy Program:
“Every summer we relearn the same lesson.

“The grid was built for a climate we no longer have.”

• Dr. Priya Raman (she/her), Senior Fellow: 'Demand response is the cheapest plant.'
- Grid watchers, everywhere: "this line names no person"
- Ольга Иванова, Fellow: «Сеть выдержит.»

Background:
The last heat wave cut power to 2 million customers.

###
"""


def test_a_typical_advisory_with_labels_embargo_and_varied_expert_lines() -> None:
    result = parse_advisory(ADVISORY)
    kit = result.kit
    assert (kit.series, kit.title, kit.date) == ("Media Advisory",
                                                "Heat Wave Puts Grid Reliability in Question",
                                                dt.date(2024, 6, 3))
    assert kit.embargo is not None and kit.embargo.zone == "America/New_York"
    assert kit.embargo.until == dt.datetime(2024, 6, 4, 6, 0)
    assert [(c.name, c.email, c.phone) for c in kit.contacts] == [
        ("Sam Lee", "slee@example.org", "212-555-0188")]
    assert [(e.honorific, e.name, e.pronouns, e.title) for e in kit.experts] == [
        ("", "Jordan Whitfield-Ng", "", "Director, Climate & Energy Program"),
        ("Dr.", "Priya Raman", "she/her", "Senior Fellow"),
        ("", "Ольга Иванова", "", "Fellow"),
    ]
    assert kit.quotes[0].text == ("Every summer we relearn the same lesson.\n\n"
                                  "The grid was built for a climate we no longer have.")
    kinds = [(type(s).__name__, getattr(s, "heading", "")) for s in kit.sections]
    assert kinds == [
        ("LeadSection", ""), ("ContactSection", ""),
        ("QuotesSection", "What our experts say"),
        ("TextSection", ""),  # the line that could not be read, kept where it was
        ("QuotesSection", ""), ("TextSection", "Background"),
    ]
    unread = kit.sections[3]
    assert isinstance(unread, TextSection)
    assert unread.text == '- Grid watchers, everywhere: "this line names no person"'
    messages = {p.line: p.message for p in result.problems}
    assert "kept as text" in messages[19]
    assert "'###' was left out" in messages[25]


def _kit_words(kit: Kit) -> str:
    """Every word the kit prints, with contact and resource fields filled in."""
    parts = [kit.title, kit.series, kit.brand.organisation]
    for section in kit.sections:
        body = getattr(section, "text", "")
        contact = kit.contact(getattr(section, "contact", ""))
        if contact is not None:
            for key in ("name", "email", "phone", "role"):
                body = body.replace("{" + key + "}", getattr(contact, key))
        resource = kit.resource(getattr(section, "resource", ""))
        if resource is not None:
            body = body.replace("{title}", resource.title).replace("{url}", resource.url)
        parts += [getattr(section, "heading", ""), body]
    for expert in kit.experts:
        parts += [expert.honorific, expert.name, expert.pronouns, expert.title]
    parts += [q.text for q in kit.quotes]
    return " ".join(parts)


_BLOCKS = st.sampled_from([
    'Duyeon Kim, Adjunct Senior Fellow: "Talks need a chance."',
    "- Van Jackson, Fellow, Asia & Pacific: “Summits are not talks.”",
    "• Ольга Иванова (she/her), Fellow: «Сеть выдержит.»",
    "- Grid watchers, everywhere: \"no person here\"",
    "Sharper:",
    "BACKGROUND",
    "To book an interview, contact Cole Stevens at press@example.org.",
    "Need a cheat sheet? Read the report “Negotiating Toward a Roadmap,” out now.",
    "Washington and Pyongyang have yet to agree on what denuclearization means.",
    "- a plain bullet about sanctions relief",
    "“An orphan quotation paragraph.”",
    "“A quote said first.” — Jane Doe, Fellow",
    "— Dr. Priya Raman, Senior Fellow",
    "Sam Lee", "Communications Manager", "212-555-0188", "slee@example.org",
    "- Ana Ruiz, Analyst: Prices will spike on Tuesday.",
    "Center for Grid Studies",
    "For interviews, call the CNAS Press Office at 202-457-9400.",
])
_WORDS = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=60)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_BLOCKS, _WORDS), min_size=1, max_size=12),
       st.sampled_from(["\n", "\n\n"]))
def test_nothing_pasted_is_ever_dropped_without_a_message(blocks: list[str], gap: str) -> None:
    pasted = "Experts React: A Headline\n" + gap.join(blocks)
    result = parse_advisory(pasted)
    # A problem is reported on the first line of its paragraph; wrapped lines go with it.
    starts = [p.line for p in paragraphs(pasted)] + [len(pasted.splitlines()) + 1]
    reported = {line for p in result.problems
                for start, end in zip(starts, starts[1:], strict=False)
                if start == p.line for line in range(start, end)}
    kept = squash(_kit_words(result.kit)).casefold()
    for number, line in enumerate(pasted.splitlines(), start=1):
        if number in reported:
            continue
        for word in re.findall(r"[^\W_]+", line):
            assert word.casefold() in kept, (word, line)


RELEASE = """\
Center for Grid Studies
Grid Watch: Heat Wave Tests the Northeast
July 1, 2024

Contact:
Sam Lee
Communications Manager
212-555-0188
slee@example.org

Utilities are bracing for record demand.

“The grid was built for a climate we no longer have.” — Jordan Whitfield-Ng, Director, Climate

“Demand response is the cheapest plant we have.”
— Dr. Priya Raman, Senior Fellow

- Ana Ruiz, Analyst: Prices will spike on Tuesday.

All experts are available. Contact Sam Lee at slee@example.org.
"""


def test_letterhead_a_contact_block_and_quotes_attributed_after_the_quote() -> None:
    result = parse_advisory(RELEASE)
    kit = result.kit
    assert kit.brand.organisation == "Center for Grid Studies"  # letterhead, not headline
    assert (kit.series, kit.title) == ("Grid Watch", "Heat Wave Tests the Northeast")
    [contact] = kit.contacts
    assert (contact.name, contact.role, contact.phone, contact.email) == (
        "Sam Lee", "Communications Manager", "212-555-0188", "slee@example.org")
    assert [(e.honorific, e.name, e.title) for e in kit.experts] == [
        ("", "Jordan Whitfield-Ng", "Director, Climate"), ("Dr.", "Priya Raman", "Senior Fellow")]
    assert [q.text for q in kit.quotes] == ["The grid was built for a climate we no longer have.",
                                            "Demand response is the cheapest plant we have."]
    assert [type(s).__name__ for s in kit.sections] == [
        "ContactSection", "LeadSection", "QuotesSection", "TextSection", "ContactSection"]
    first = kit.sections[0]
    assert isinstance(first, ContactSection)
    assert first.text == "Contact:\n{name}\n{role}\n{phone}\n{email}"
    [problem] = result.problems
    assert problem.line == 18 and "not in quotation marks" in problem.message


def test_one_paragraph_per_line_with_blank_lines_between_is_not_taken_for_wrapping() -> None:
    spaced = "\n\n".join(SEED_TEXT.splitlines())
    assert parse_advisory(spaced).kit == parse_advisory(SEED_TEXT).kit


def test_unreadable_lines_in_a_row_are_kept_as_the_paragraphs_of_one_text_section() -> None:
    result = parse_advisory(
        "Heat Wave Puts Grid Reliability in Question\n\nUtilities brace for demand.\n\n"
        '- Grid watchers, everywhere: "this line names no person"\n'
        '- Line crews, all night: "nor does this one"\n')
    unread = result.kit.sections[-1]
    assert isinstance(unread, TextSection)
    assert unread.text == ('- Grid watchers, everywhere: "this line names no person"\n\n'
                           '- Line crews, all night: "nor does this one"')
    reason = ("this looks like an expert line but the part before the first comma is not a "
              "person's name; kept as text in section 'unread-text'")
    assert [(p.line, p.message) for p in result.problems] == [(5, reason), (6, reason)]


def test_limits_of_a_headline_a_program_and_a_two_word_attribution_are_inclusive() -> None:
    headline = ("Grid " * 60)[:249] + "x"  # 250 characters: the longest headline read as one
    result = parse_advisory(
        f"{headline}\n\nUtilities brace for demand.\n\n"
        # A name of two words, no colon: still an attribution, with its quote below it.
        "Duyeon Kim, Senior Fellow for Energy, Economics, Security and Power Grids in Summer\n"
        "“Every summer we relearn the same lesson.”\n\n"
        "Duyeon Kim, Adjunct Fellow:\n“The grid was built for a climate we no longer have.”\n")
    kit = result.kit
    assert kit.title == headline
    [expert] = kit.experts
    assert (expert.id, expert.title, expert.program) == (
        "duyeon-kim", "Senior Fellow for Energy, Economics, Security and Power Grids in Summer",
        "Energy, Economics, Security and Power Grids in Summer")  # eight words
    assert [(q.id, q.expert, q.text) for q in kit.quotes] == [
        ("kim-quote", "duyeon-kim", "Every summer we relearn the same lesson."),
        ("kim-quote-2", "duyeon-kim", "The grid was built for a climate we no longer have."),
    ]
    assert [(p.line, p.message) for p in result.problems] == [
        (8, "Duyeon Kim is quoted again with the title 'Adjunct Fellow'; the kit keeps the "
            "first one, 'Senior Fellow for Energy, Economics, Security and Power Grids in "
            "Summer'")]


def test_a_quote_signed_below_with_a_full_stop_and_text_after_the_end_mark() -> None:
    result = parse_advisory(
        "Heat Wave Puts Grid Reliability in Question\n\nUtilities brace for demand.\n\n"
        "“Every summer we relearn the same lesson.”\n— Duyeon Kim, Senior Fellow.\n\n"
        "###\n\nAbout the Institute: we study grids.\n")
    kit = result.kit
    assert [(e.name, e.title) for e in kit.experts] == [("Duyeon Kim", "Senior Fellow")]
    assert [q.text for q in kit.quotes] == ["Every summer we relearn the same lesson."]
    last = kit.sections[-1]
    assert isinstance(last, TextSection)
    assert last.text == "About the Institute: we study grids."  # after the mark, still read
    assert [(p.line, p.message) for p in result.problems] == [
        (8, "the end mark '###' was left out")]


HEAT = "Heat Wave Puts Grid Reliability in Question\n\nUtilities brace for demand.\n\n"
SUMMER = "“Every summer we relearn the same lesson.”"


def test_sections_and_contacts_get_plain_ids_even_where_their_words_make_none() -> None:
    # A question of no letters (an arrow) and a name no letter of which has a Latin spelling
    # (Hebrew alef and ayin) give no slug: their ids are the plain words a kit uses.
    kit = parse_advisory(
        f"{HEAT}Duyeon Kim, Senior Fellow: {SUMMER}\n\nBACKGROUND\n\nThe grid is old.\n\n"
        "→ ? Read “The Grid Primer” at https://example.org/primer.\n\n"
        "Media contact: אע עא, press@example.org\n").kit
    assert [s.id for s in kit.sections] == ["lead", "experts", "background", "callout",
                                            "closing"]
    assert [(c.id, c.name) for c in kit.contacts] == [("contact", "אע עא")]


def test_an_attribution_line_above_its_quote_is_read_up_to_200_characters() -> None:
    line = "Duyeon Kim, Senior Fellow for Energy, " + "Grid " * 40
    line = line[:200].rstrip() + "s" * (200 - len(line[:200].rstrip()))
    assert len(line) == 200
    kit = parse_advisory(f"{HEAT}{line}\n\n{SUMMER}\n").kit
    assert [(e.name, e.title) for e in kit.experts] == [("Duyeon Kim", line[12:])]
    longer = parse_advisory(f"{HEAT}{line}s\n\n{SUMMER}\n").kit  # 201: a paragraph
    assert (longer.experts, longer.quotes) == ([], [])
    lead = longer.sections[0]
    assert isinstance(lead, LeadSection) and lead.text.endswith(f"{line}s\n\n{SUMMER}")


def test_a_one_word_name_above_a_quote_is_an_attribution_only_with_a_colon() -> None:
    kit = parse_advisory(f"{HEAT}Kim:\n\n{SUMMER}\n\nLee\n\n“Talks need a chance.”\n").kit
    assert [(e.name, e.title) for e in kit.experts] == [("Kim", "")]
    assert [q.text for q in kit.quotes] == ["Every summer we relearn the same lesson."]
    last = kit.sections[-1]
    assert isinstance(last, TextSection) and last.text == "Lee\n\n“Talks need a chance.”"


def test_a_sentence_in_capitals_above_the_contact_line_is_not_the_contacts_name() -> None:
    kit = parse_advisory(f"{HEAT}THE UTILITY DECLINED TO COMMENT.\n\n"
                         "Media contact: Sam Lee, slee@example.org\n").kit
    assert [(c.id, c.name, c.email) for c in kit.contacts] == [
        ("sam-lee", "Sam Lee", "slee@example.org")]
    lead, closing = kit.sections
    assert isinstance(lead, LeadSection) and lead.text.endswith("THE UTILITY DECLINED TO COMMENT.")
    assert isinstance(closing, ContactSection) and closing.text == "Media contact: {name}, {email}"
    # A name ending in an initial or a suffix is still a name, one detail per line below it.
    for name in ("Sam Lee Jr.", "Sam Lee, Ph.D.", "Sam J."):
        [contact] = parse_advisory(f"{HEAT}{name}\n\nCommunications Manager\n\n"
                                   "slee@example.org\n").kit.contacts
        assert (contact.name, contact.role) == (name, "Communications Manager")


def test_a_text_without_a_headline_gives_a_kit_with_no_title_and_says_so() -> None:
    result = parse_advisory(f"Duyeon Kim, Senior Fellow: {SUMMER}\n")
    assert result.kit.title == ""
    assert [(p.line, p.message) for p in result.problems] == [
        (1, "no headline found (a short line before the first paragraph); the kit has none yet")]


def test_a_heading_of_no_letters_gives_its_text_the_plain_id_text() -> None:
    kit = parse_advisory(f"{HEAT}## →\n\nThe grid is old.\n").kit
    assert [(s.id, getattr(s, "heading", None)) for s in kit.sections] == [
        ("lead", None), ("text", "→")]


def test_letterhead_of_up_to_80_characters_above_a_series_headline_is_the_organisation() -> None:
    org = "Center for Grid Reliability Studies and Energy Security of the Pacific Northwest"
    assert len(org) == 80
    rest = "\n\nGrid Watch: Heat Wave Puts Grid Reliability in Question\n\nUtilities brace.\n"
    kit = parse_advisory(org + rest).kit
    assert (kit.brand.organisation, kit.series, kit.title) == (
        org, "Grid Watch", "Heat Wave Puts Grid Reliability in Question")
    longer = parse_advisory(org + "s" + rest).kit  # 81: the headline, not a letterhead
    assert (longer.brand.organisation, longer.series, longer.title) == ("", "", org + "s")


def test_a_second_number_for_the_same_contact_is_printed_as_written() -> None:
    kit = parse_advisory(f"{HEAT}Contact Jane Doe at jane@example.org or 202-555-0100.\n\n"
                         "After hours, call Jane Doe at 202-555-0199.\n").kit
    assert [(c.id, c.phone) for c in kit.contacts] == [("jane-doe", "202-555-0100")]
    assert [(s.id, s.text) for s in kit.sections if isinstance(s, ContactSection)] == [
        ("contact", "Contact {name} at {email} or {phone}."),
        ("closing", "After hours, call {name} at 202-555-0199.")]

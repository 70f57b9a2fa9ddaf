"""Every message the kit check gives, word for word, with the place it points to, in the
order it gives them: errors first, then warnings, each in the kit's own order. The command
line prints the message and the place; the app's pre-flight list shows the plain sentence
and jumps to the place; a message lost, reworded or pointing elsewhere shows here."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from support.examples import CNAS_KIT

from presskit.model import ApprovalState, Kit
from presskit.model.kit import Embargo, Expert, Quote, QuoteRequest
from presskit.model.sections import AboutSection, BiosSection, CalloutSection, TextSection
from presskit.model.validation import validate
from presskit.storage import load_kit

MISSING = {Path("assets/gone-logo.png"), Path("fonts/House.ttf"),
           Path("fonts/House-Italic.ttf"), Path("photos/gone.jpg")}


@pytest.fixture(scope="module")
def cnas() -> Kit:
    return load_kit(CNAS_KIT).kit


def rows(kit: Kit) -> list[tuple[str, tuple[str | int, ...], str, str]]:
    problems = validate(kit, lambda path: path not in MISSING)
    return [(p.severity.value, p.where, p.message, p.plain) for p in problems]


def troubled(cnas: Kit) -> Kit:
    """The CNAS kit with one of nearly every fault the check knows."""
    kit = copy.deepcopy(cnas)
    kit.title = " "
    kit.embargo = Embargo(dt.datetime(2026, 7, 14, 6), "Mars/Olympus_Mons")
    kit.language = "english"
    kit.brand.colors.accent = "red"
    kit.brand.website = "ftp://example.org"
    kit.brand.logo = Path("assets/gone-logo.png")
    kit.brand.fonts.body = Path("fonts/House.ttf")
    kit.brand.fonts.heading_italic = Path("fonts/House-Italic.ttf")
    kit.contacts[0].email = "not-an-address"
    desk = copy.deepcopy(kit.contacts[0])
    desk.id, desk.name, desk.email, desk.phone = "second desk", "", "", ""
    kit.contacts.append(desk)
    kit.experts[0].photo = Path("photos/gone.jpg")
    kit.experts[2].title = ""
    kit.experts[3].bio = "Fluent in [bonjour]{lang=frenchish}."
    twin = copy.deepcopy(kit.experts[4])
    twin.name = ""
    kit.experts.append(twin)
    report = kit.resources[0]
    report.url, report.expert = "javascript:alert(1)", "nobody"
    untitled = copy.deepcopy(report)
    untitled.id, untitled.title, untitled.url, untitled.expert = "untitled", "", "", None
    kit.resources.append(untitled)
    kit.quotes[0].approval.state = ApprovalState.PENDING
    kit.quotes[1].expert = "ghost"
    kit.quotes[2].text = ""
    kit.quotes[3].text = ""
    kit.quotes[3].request = QuoteRequest(asked=dt.date(2026, 7, 10),
                                         deadline=dt.date(2026, 7, 1), length=-5)
    sections = {section.id: section for section in kit.sections}
    sections["booking"].contact = ""  # type: ignore[attr-defined]
    sections["closing"].contact = "ghost-desk"  # type: ignore[attr-defined]
    sections["cheat-sheet"].resource = "no-such-report"  # type: ignore[attr-defined]
    sections["experts"].quotes.append("no-such-quote")  # type: ignore[attr-defined]
    sections["sharper"].text = ""  # type: ignore[attr-defined]
    return kit


def test_every_fault_of_a_troubled_kit_is_said_in_its_words_at_its_place(cnas: Kit) -> None:
    assert rows(troubled(cnas)) == [
        ("error", ("contacts", 1, "id"),
         "id 'second desk' is not valid: use letters, digits, '-', '_' or '.'", ""),
        ("error", ("experts", 5, "id"),
         "duplicate id 'neil-bhatiya' in experts: item 6 has the same id as item 5", ""),
        ("error", ("kit", "embargo", "zone"),
         "unknown time zone 'Mars/Olympus_Mons': use a name like 'America/New_York', "
         "'Europe/Brussels' or 'UTC'", ""),
        ("error", ("brand", "colors", "accent"),
         "colour 'red' is not a colour: write it as #rrggbb, e.g. #1F3A5F", ""),
        ("error", ("resources", 0, "expert"),
         "resource 'roadmap-report' refers to expert 'nobody', which is not defined",
         "The resource “Negotiating Toward a Denuclearization-Peace Roadmap on the…” "
         "names an author who is not among the kit's experts"),
        ("error", ("quotes", 1, "expert"),
         "quote 'rosenberg-inducements' refers to expert 'ghost', which is not defined",
         "The quote “In the talks ahead…” is by an expert who is not in the kit"),
        ("error", ("quotes", 3, "request", "deadline"),
         "quote 'jackson-fourth-meeting': the request's deadline (1 July) comes before the "
         "day it was asked (10 July)", ""),
        ("error", ("quotes", 3, "request", "length"),
         "quote 'jackson-fourth-meeting': the request's length must be a number of words, "
         "not -5", ""),
        ("error", ("sections", 2, "resource"),
         "section 'cheat-sheet' refers to resource 'no-such-report', which is not defined",
         "The section “Need a cheat sheet?” points to a resource that is not in the kit"),
        ("error", ("sections", 3, "quotes", 5),
         "section 'experts' refers to quote 'no-such-quote', which is not defined",
         "The Expert quotes section lists a quote that is not in the kit (number 6)"),
        ("error", ("sections", 5, "contact"),
         "section 'closing' refers to contact 'ghost-desk', which is not defined",
         "The Media contact section names a contact who is not in the kit"),
        ("warning", ("kit", "title"), "the kit has no headline", "The kit has no headline"),
        ("warning", ("kit", "language"),
         "unknown language 'english': use a language tag like 'en', 'fr', 'de-CH', 'pt-BR' "
         "or 'zh-Hant'; until then the outputs say English ('en')", ""),
        ("warning", ("brand", "website"),
         "website 'ftp://example.org' is not an http(s) address and will not be a link", ""),
        ("warning", ("brand", "logo"), "logo file not found: assets/gone-logo.png", ""),
        ("warning", ("brand", "fonts", "body"),
         "body font file not found: fonts/House.ttf; DejaVu Sans is used instead", ""),
        ("warning", ("brand", "fonts", "heading_italic"),
         "heading italic font file not found: fonts/House-Italic.ttf; the heading font's "
         "regular face is used instead", ""),
        ("warning", ("contacts", 0, "email"),
         "contact 'cole-stevens': 'not-an-address' does not look like an e-mail address",
         "Cole Stevens's e-mail address “not-an-address” does not look like one"),
        ("warning", ("contacts", 1, "name"), "contact 'second desk' has no name",
         "Media contact 2 has no name"),
        ("warning", ("contacts", 1),
         "contact 'second desk' has neither an e-mail address nor a phone number",
         "Media contact 2 has neither an e-mail address nor a phone number"),
        ("warning", ("experts", 0, "photo"), "photo of 'Duyeon Kim' not found: photos/gone.jpg",
         "Duyeon Kim's photo is not at photos/gone.jpg any more"),
        ("warning", ("experts", 2, "title"), "expert 'Kristine Lee' has no title",
         "Kristine Lee has no title (quotes print it under the name)"),
        ("warning", ("experts", 5, "name"), "expert 'neil-bhatiya' has no name",
         "Expert 6 has no name"),
        ("warning", ("resources", 0, "url"),
         "resource 'roadmap-report': 'javascript:alert(1)' is not an http(s) address and "
         "will not be a link",
         "The address of “Negotiating Toward a Denuclearization-Peace Roadmap on the…” "
         "is not a web address, so it will not be a link"),
        ("warning", ("resources", 1, "title"), "resource 'untitled' has no title",
         "Resource 2 has no title"),
        ("warning", ("quotes", 0, "approval"),
         "quote 'kim-summit-framing' is used in the kit but is pending, not approved",
         "Duyeon Kim's quote “My concern is Pyongyang…” is pending approval"),
        ("warning", ("quotes", 2, "text"), "quote 'lee-strategic-asset' is empty",
         "A quote by Kristine Lee has no words yet"),
        ("warning", ("quotes", 3, "text"),
         "Van Jackson has not answered the request of 10 July (deadline 1 July)",
         "Van Jackson has not answered the request of 10 July (deadline 1 July)"),
        ("warning", ("sections", 1, "contact"), "section 'booking' does not name a contact yet",
         "The Media contact section does not say whom to contact yet"),
        ("warning", ("sections", 4), "section 'sharper' (text) is empty",
         "The section “Sharper” is empty"),
        ("warning", ("experts", 3, "bio"),
         "[bonjour]{lang=frenchish}: 'frenchish' is no language tag (use one like 'fr', "
         "'de-CH' or 'zh-Hant'); the words are printed without marking their language",
         "“bonjour” is marked with 'frenchish', which is no language; it prints without "
         "saying its language to screen readers"),
    ]


def test_empty_sections_and_no_way_to_reach_a_contact_are_said_at_their_place(
    cnas: Kit,
) -> None:
    kit = copy.deepcopy(cnas)
    kit.sections = [s for s in kit.sections if s.type != "contact"]
    kit.sections[0].text = ""  # type: ignore[attr-defined]  # the lead
    kit.sections[2].quotes.clear()  # type: ignore[attr-defined]
    kit.sections[4].text = ""  # type: ignore[attr-defined]  # about, and no boilerplate
    kit.sections[4].hidden = False
    kit.brand.boilerplate = ""
    kit.sections.append(BiosSection(id="bios", heading="Who they are",
                                    experts=["duyeon-kim", "nobody"]))
    assert rows(kit) == [
        ("error", ("sections", 5, "experts", 1),
         "section 'bios' refers to expert 'nobody', which is not defined",
         "The section “Who they are” lists an expert who is not in the kit (number 2)"),
        ("warning", ("sections", 0), "section 'lead' (lead) is empty",
         "The Lead section is empty"),
        ("warning", ("sections", 2), "section 'experts' (quotes) is empty",
         "The Expert quotes section is empty"),
        ("warning", ("sections", 4), "section 'about' (about) is empty",
         "The section “About CNAS” is empty"),
        ("warning", ("sections",), "no visible section tells journalists whom to contact",
         "No section tells journalists whom to contact"),
    ]


def test_a_kit_without_contacts_says_so_once(cnas: Kit) -> None:
    kit = copy.deepcopy(cnas)
    kit.contacts.clear()
    kit.sections = [s for s in kit.sections if s.type != "contact"]
    assert rows(kit) == [
        ("warning", ("contacts",), "the kit has no media contact",
         "The kit has no media contact for journalists to call or write to"),
    ]


def test_a_very_long_name_is_cut_to_eighty_characters_in_the_plain_sentence() -> None:
    name = " ".join(["Maximiliane"] * 10)
    kit = Kit(title="T", experts=[Expert("m", name)], quotes=[Quote("q", "m", "Yes.")])
    [untitled] = [p for p in validate(kit) if p.where == ("experts", 0, "title")]
    assert untitled.plain == (
        "Maximiliane Maximiliane Maximiliane Maximiliane Maximiliane Maximiliane Maximil… "
        "has no title (quotes print it under the name)")
    assert len(untitled.plain.split("…")[0]) == 79


def test_hidden_contact_sections_point_to_the_first_one_and_a_blurbs_tag_to_the_blurb(
    cnas: Kit,
) -> None:
    kit = copy.deepcopy(cnas)
    for section in kit.sections:
        section.hidden = section.hidden or section.type == "contact"
    kit.resources[0].blurb = "Read it [en bref]{lang=frenchish}."
    assert rows(kit) == [
        ("warning", ("sections", 1, "hidden"),
         "no visible section tells journalists whom to contact",
         "The Media contact section is hidden, so no section tells journalists whom to "
         "contact"),
        ("warning", ("resources", 0, "blurb"),
         "[en bref]{lang=frenchish}: 'frenchish' is no language tag (use one like 'fr', "
         "'de-CH' or 'zh-Hant'); the words are printed without marking their language",
         "“en bref” is marked with 'frenchish', which is no language; it prints without "
         "saying its language to screen readers"),
    ]


def test_an_about_section_is_empty_only_without_its_own_text_and_the_boilerplate() -> None:
    def about_warnings(text: str, boilerplate: str) -> list[str]:
        kit = Kit(title="T", sections=[AboutSection(id="about", text=text)])
        kit.brand.boilerplate = boilerplate
        return [p.plain for p in validate(kit) if p.where == ("sections", 0)]

    assert about_warnings("", "") == ["The About us section is empty"]
    assert about_warnings("", "CNAS is an independent think tank.") == []
    assert about_warnings("We study security.", "") == []


def test_a_bad_or_duplicate_quote_id_points_to_that_quotes_id() -> None:
    kit = Kit(title="T", experts=[Expert("kim", "Duyeon Kim", title="Fellow")],
              quotes=[Quote("q 1", "kim", "Yes."), Quote("q2", "kim", "No."),
                      Quote("q2", "kim", "Maybe.")])
    assert [(p.message, p.where) for p in validate(kit) if p.is_error] == [
        ("id 'q 1' is not valid: use letters, digits, '-', '_' or '.'", ("quotes", 0, "id")),
        ("duplicate id 'q2' in quotes: item 3 has the same id as item 2", ("quotes", 2, "id")),
    ]


def test_an_empty_callout_and_a_bad_tag_in_a_sections_text_are_said_at_their_place() -> None:
    kit = Kit(title="T", sections=[CalloutSection(id="read", heading="Read more"),
                                   TextSection(id="note", text="Say [hej]{lang=swedish}.")])
    assert [(p.where, p.plain) for p in validate(kit) if p.where[:1] == ("sections",)] == [
        (("sections", 0), "The section “Read more” is empty"),
        (("sections", 1, "text"), "“hej” is marked with 'swedish', which is no language; it "
                                  "prints without saying its language to screen readers"),
    ]

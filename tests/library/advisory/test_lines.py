"""Reading the lines of a pasted advisory: every way press offices write an expert line, a
contact, a heading, a dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.library.advisory.contacts import (
    Callout,
    contact_block,
    find_contact,
    parse_callout,
)
from presskit.library.advisory.patterns import (
    heading_of,
    parse_dateline,
    parse_embargo,
    parse_expert_line,
    parse_quote_first,
)

QUOTE = "Talks need a chance to work."


@pytest.mark.parametrize("bullet", ["", "- ", "– ", "— ", "• ", "* ", "  -  ", "1. ", "2) "])
def test_expert_lines_are_read_with_or_without_a_bullet(bullet: str) -> None:
    line = parse_expert_line(f'{bullet}Duyeon Kim, Adjunct Senior Fellow: "{QUOTE}"')
    assert line is not None
    assert (line.person.name, line.title, line.quote) == ("Duyeon Kim",
                                                          "Adjunct Senior Fellow", QUOTE)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("«", "»"), ("„", "“"), ("「", "」")],
)
def test_quotes_in_straight_curly_single_or_national_marks_are_read(
    opening: str, closing: str
) -> None:
    line = parse_expert_line(f"- Van Jackson, Fellow: {opening}{QUOTE}{closing}")
    assert line is not None and line.quote == QUOTE and line.closed


def test_quotation_marks_and_apostrophes_inside_the_quote_are_kept() -> None:
    text = "Negotiations aren’t ‘allowed’ to fail; \"big for big\" is dead."
    line = parse_expert_line(f"- Neil Bhatiya, Associate Fellow: “{text}”")
    assert line is not None and line.quote == text


def test_a_period_after_the_closing_mark_moves_inside_the_quote() -> None:
    line = parse_expert_line('Van Jackson, Fellow: "Talks need a chance to work".')
    assert line is not None and line.quote == "Talks need a chance to work."


@pytest.mark.parametrize(
    "title",
    ["Director & Senior Fellow for Energy, Economics, and Security",
     "Senior Fellow, Program on Markets: Trade Policy",
     "Director, Women’s Program: Security & Society, Europe",
     "Professor (Emerita), Law & Economics"],
)
def test_titles_may_hold_commas_ampersands_and_colons_before_the_quote_opens(title: str) -> None:
    line = parse_expert_line(f"- Elizabeth Rosenberg, {title}: “{QUOTE}”")
    assert line is not None
    assert (line.person.name, line.title, line.quote) == ("Elizabeth Rosenberg", title, QUOTE)


@pytest.mark.parametrize(
    ("written", "name"),
    [("Γιώργος Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
     ("Ольга Иванова", "Ольга Иванова"),
     ("王小明", "王小明"),
     ("김정은", "김정은"),
     ("محمد العلي", "محمد العلي"),
     ("Conor O'Neil", "Conor O'Neil"),
     ("Siobhán Ní Bhriain", "Siobhán Ní Bhriain"),
     ("D’Arcy McAllister", "D’Arcy McAllister"),
     ("Mary-Kate Olsen-Wu", "Mary-Kate Olsen-Wu"),
     ("J.R. Smith", "J.R. Smith"),
     ("Mary K. Jones", "Mary K. Jones"),
     ("Robert (Bob) Smith", "Robert (Bob) Smith"),
     ("Kim Jong-un (김정은)", "Kim Jong-un (김정은)"),
     ("Jan van der Berg", "Jan van der Berg"),
     ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
     ("Nuno Álvares de Sá", "Nuno Álvares de Sá")],
)
def test_names_in_any_script_with_apostrophes_hyphens_periods_parentheses(
    written: str, name: str
) -> None:
    line = parse_expert_line(f"- {written}, Senior Fellow: “{QUOTE}”")
    assert line is not None
    assert (line.person.name, line.title) == (name, "Senior Fellow")


def test_an_honorific_and_pronouns_are_split_from_the_name() -> None:
    line = parse_expert_line(f"• Dr. Ольга Иванова (she/her), Fellow, Eurasia Program: «{QUOTE}»")
    assert line is not None
    person = line.person
    assert (person.honorific, person.name, person.pronouns) == ("Dr.", "Ольга Иванова", "she/her")
    assert line.title == "Fellow, Eurasia Program"


def test_cjk_commas_and_colons_are_separators_too() -> None:
    line = parse_expert_line("王小明，研究员：「市場は冷静だ。」")
    assert line is not None
    assert (line.person.name, line.title, line.quote) == ("王小明", "研究员", "市場は冷静だ。")


def test_an_expert_without_a_title_is_still_an_expert() -> None:
    line = parse_expert_line(f'- Van Jackson: "{QUOTE}"')
    assert line is not None and (line.person.name, line.title) == ("Van Jackson", "")


@pytest.mark.parametrize(
    "text",
    ['The bottom line, experts say: "Talks matter."',
     'In 2019, the talks: "stalled."',
     "Sharper: Washington and Pyongyang have yet to agree.",
     'He said, "Talks matter."',
     "- Read the report, it is short: https://example.org"],
)
def test_sentences_that_merely_contain_colons_and_quotes_are_not_expert_lines(
    text: str,
) -> None:
    assert parse_expert_line(text) is None


def test_an_unclosed_quote_is_read_and_marked_open() -> None:
    line = parse_expert_line("- Van Jackson, Fellow: “First paragraph of a long quote.")
    assert line is not None and not line.closed
    assert line.quote == "First paragraph of a long quote."


# -- contacts, callouts, headings, dates -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "email", "phone", "template"),
    [
        ("To arrange an interview, contact Cole Stevens at press@example.org.",
         "Cole Stevens", "press@example.org", "",
         "To arrange an interview, contact {name} at {email}."),
        ("Media contact: Sam Lee | slee@example.org | 212-555-0188",
         "Sam Lee", "slee@example.org", "212-555-0188",
         "Media contact: {name} | {email} | {phone}"),
        ("Contact Jane O'Neil (jane@example.org, +1 (202) 555-0143) for interviews.",
         "Jane O'Neil", "jane@example.org", "+1 (202) 555-0143",
         "Contact {name} ({email}, {phone}) for interviews."),
        ("Please email Dr. Ana de la Cruz <ana@example.org>.",
         "Dr. Ana de la Cruz", "ana@example.org", "", "Please email {name} <{email}>."),
        ("For interviews, call the CNAS Press Office at 202-457-9400.",
         "CNAS Press Office", "", "202-457-9400", "For interviews, call the {name} at {phone}."),
    ],
)
def test_the_media_contact_is_found_however_the_line_is_phrased(
    text: str, name: str, email: str, phone: str, template: str
) -> None:
    found = find_contact(text)
    assert found is not None
    assert (found.name, found.email, found.phone, found.template) == (name, email, phone,
                                                                      template)


def test_a_hidden_address_is_recognised_as_hidden_not_taken_as_an_address() -> None:
    found = find_contact("please contact Cole Stevens at [email protected].")
    assert found is not None
    assert (found.name, found.email, found.hidden_email) == ("Cole Stevens", "", True)
    assert found.template == "please contact {name} at {email}."


@pytest.mark.parametrize("text", ["Media inquiries: press@example.org",
                                  "The report came out in 2019 and 2020."])
def test_an_address_without_a_name_is_not_a_contact(text: str) -> None:
    assert find_contact(text) is None


def test_a_short_question_pointing_at_a_quoted_title_is_a_callout() -> None:
    callout = parse_callout("Need a cheat sheet? Read Duyeon Kim's report, “Negotiating "
                            "Toward a Roadmap,” which outlines steps.")
    assert callout is not None
    assert callout.heading == "Need a cheat sheet?"
    assert callout.title == "Negotiating Toward a Roadmap"
    assert callout.template == "Read Duyeon Kim's report, “{title},” which outlines steps."
    assert parse_callout("What happened? North Korea announced talks.") is None


def test_a_callout_with_a_title_and_a_link_keeps_both_in_their_places() -> None:
    assert parse_callout("Need a cheat sheet? Read “Negotiating Toward Peace” at "
                         "https://cnas.org/roadmap today.") == Callout(
        heading="Need a cheat sheet?", template="Read “{title}” at {url} today.",
        title="Negotiating Toward Peace", url="https://cnas.org/roadmap")
    # A link alone is the title too.
    assert parse_callout("Want the data? It is at https://cnas.org/data.") == Callout(
        heading="Want the data?", template="It is at {title}.", title="https://cnas.org/data",
        url="https://cnas.org/data")


@pytest.mark.parametrize(
    ("text", "heading"),
    [("Sharper:", "Sharper"), ("Background:", "Background"), ("## Background", "Background"),
     ("**What to watch**", "What to watch"), ("BACKGROUND", "BACKGROUND"),
     ("Washington and Pyongyang have yet to agree.", None),
     ("Duyeon Kim, Adjunct Senior Fellow:", None),
     # Capitals that end a sentence are a shouted sentence, not a heading.
     ("THE UTILITY DECLINED TO COMMENT.", None), ("WHY NOW?", None), ("NO COMMENT!", None)],
)
def test_headings_on_their_own_line(text: str, heading: str | None) -> None:
    assert heading_of(text) == heading


@pytest.mark.parametrize(
    "text",
    ["September 20, 2019", "Sept. 20, 2019", "Friday, September 20, 2019", "20 September 2019",
     "2019-09-20", "09/20/2019", "20.09.2019", "Sep 20th, 2019"],
)
def test_datelines_in_common_forms(text: str) -> None:
    found = parse_dateline(text)
    assert found is not None and found.date == dt.date(2019, 9, 20) and found.rest == ""


def test_an_embargo_line_becomes_a_time_and_zone() -> None:
    assert parse_embargo("EMBARGOED UNTIL 9:00 a.m. EDT, September 20, 2019") == (
        dt.datetime(2019, 9, 20, 9, 0), "America/New_York")
    assert parse_embargo("Embargoed until 00:01 GMT on 20 September 2019") == (
        dt.datetime(2019, 9, 20, 0, 1), "UTC")


@pytest.mark.parametrize("time", ["24:00", "23:60", "25:30"])
def test_an_embargo_at_a_time_no_clock_shows_is_no_embargo(time: str) -> None:
    assert parse_embargo(f"Embargoed until {time} GMT on 20 September 2019") is None


@pytest.mark.parametrize(("time", "hour", "minute"), [
    ("12:30 a.m.", 0, 30), ("12:30 AM", 0, 30), ("1:15 a.m.", 1, 15), ("12:00 p.m.", 12, 0),
    ("1:15 p.m.", 13, 15), ("9 PM", 21, 0), ("11:59 pm", 23, 59),
])
def test_an_embargo_in_twelve_hour_time_is_read_as_the_clock_says(
        time: str, hour: int, minute: int) -> None:
    assert parse_embargo(f"Embargoed until {time} ET, September 20, 2019") == (
        dt.datetime(2019, 9, 20, hour, minute), "America/New_York")


def test_the_last_minute_of_a_day_is_an_embargo_time() -> None:
    assert parse_embargo("Embargoed until 23:59 GMT on 20 September 2019") == (
        dt.datetime(2019, 9, 20, 23, 59), "UTC")


def test_the_shortest_capitals_heading_and_the_longest_dateline_place_are_read() -> None:
    assert heading_of("FAQ") == "FAQ" and heading_of("AB") is None
    found = parse_dateline("June 3, 2024 one two three four")
    assert found is not None and found.rest == "one two three four"  # four words: a place
    assert parse_dateline("June 3, 2024 one two three four five") is None


def test_an_embargo_naming_its_zone_as_a_region_and_city_keeps_that_zone() -> None:
    # "Zurich" holds a capital Z, the military letter for UTC: only whole words are zones.
    assert parse_embargo("Embargoed until 9:00 a.m. Europe/Zurich, September 20, 2019") == (
        dt.datetime(2019, 9, 20, 9, 0), "Europe/Zurich")
    assert parse_embargo("Embargoed until 9:00 a.m. Z, September 20, 2019") == (
        dt.datetime(2019, 9, 20, 9, 0), "UTC")


def test_a_quote_signed_on_its_own_line_with_a_full_stop_keeps_the_title_without_it() -> None:
    found = parse_quote_first(f"“{QUOTE}” — Duyeon Kim, Adjunct Senior Fellow.")
    assert found is not None
    line, used_following = found
    assert (line.person.name, line.title, line.quote, used_following) == (
        "Duyeon Kim", "Adjunct Senior Fellow", QUOTE, False)


def test_a_role_line_of_up_to_60_characters_in_a_contact_block_is_the_role() -> None:
    role = "Director of Communications and Public Affairs, Grid Institut"
    assert len(role) == 60
    found = contact_block(["Jane Doe", role, "jane@example.org"])
    assert found is not None
    mention, taken = found
    assert (mention.name, mention.role, mention.email, mention.template, taken) == (
        "Jane Doe", role, "jane@example.org", "{name}\n{role}\n{email}", 3)
    # 61 characters: a line of text, not a role, so no block (the address is read as text).
    assert contact_block(["Jane Doe", role + "e", "jane@example.org"]) is None

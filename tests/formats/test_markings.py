"""The embargo and the draft status where journalists look: the Subject, the page's title and
the banner of every format, in the same words as the PDF's band — local time with the zone's
abbreviation for that date, then UTC — so a desk in another zone never works the time out."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from support.format_reading import read_html, read_message, unescape_markdown, words
from support.pdf_reading import page_texts
from support.render_fixtures import seed_kit

from presskit.formats import draft_message, email_parts, markdown
from presskit.model import Embargo, Kit, Status
from presskit.model.markings import PHRASES, embargo_line, long_date, phrases
from presskit.render import render_pdf

SUMMER_OSLO = "EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026"
WINTER_OSLO = "EMBARGOED until 06:00 CET (05:00 UTC), 14 January 2026"
TOKYO = "EMBARGOED until 06:00 JST, 14 July 2026 (21:00 UTC, 13 July 2026)"


@pytest.mark.parametrize(("until", "zone", "expected"), [
    (dt.datetime(2026, 7, 14, 6, 0), "Europe/Oslo", SUMMER_OSLO),  # summer time
    (dt.datetime(2026, 1, 14, 6, 0), "Europe/Oslo", WINTER_OSLO),  # the same zone in winter
    (dt.datetime(2026, 7, 14, 6, 0), "Asia/Tokyo", TOKYO),  # no summer time; UTC the day before
    (dt.datetime(2026, 7, 14, 6, 0), "UTC", "EMBARGOED until 06:00 UTC, 14 July 2026"),
    (dt.datetime(2026, 7, 14, 9, 0), "America/New_York",
     "EMBARGOED until 09:00 EDT (13:00 UTC), 14 July 2026"),
    (dt.datetime(2026, 7, 14, 6, 0), "Europe/Istanbul",  # a zone named only by its offset
     "EMBARGOED until 06:00 UTC+3 (03:00 UTC), 14 July 2026"),
])
def test_the_embargo_says_local_time_with_the_zones_abbreviation_and_utc(
    until: dt.datetime, zone: str, expected: str
) -> None:
    assert embargo_line(until, zone) == expected


def test_an_unknown_zone_is_shown_as_typed_rather_than_guessed() -> None:
    line = embargo_line(dt.datetime(2026, 7, 14, 6, 0), "Mars/Olympus")
    assert line == "EMBARGOED until 06:00 Mars/Olympus, 14 July 2026"


@pytest.mark.parametrize(("until", "zone"), [
    (dt.datetime(1, 1, 1), "Asia/Tokyo"), (dt.datetime(9999, 12, 31, 23, 59), "America/New_York"),
])
def test_a_time_whose_utc_falls_off_the_calendar_is_shown_without_utc(
    until: dt.datetime, zone: str
) -> None:
    line = embargo_line(until, zone)
    assert line.startswith(f"EMBARGOED until {until:%H:%M} ") and "UTC" not in line


def test_the_wording_comes_from_one_table_with_english_for_a_language_it_lacks() -> None:
    assert {"en", "de", "fr", "es", "nb"} <= set(PHRASES)
    assert phrases("de-CH") is phrases("de") is not phrases("en")
    assert phrases("ja") is phrases("en") is phrases("not a tag")


@pytest.mark.parametrize(("tag", "expected"), [
    ("de", "SPERRFRIST bis 06:00 CEST (04:00 UTC), 14. Juli 2026"),
    ("fr", "SOUS EMBARGO jusqu’au 14 juillet 2026 à 06 h 00 CEST (04 h 00 UTC)"),
    ("es", "EMBARGADO hasta las 06:00 CEST (04:00 UTC) del 14 de julio de 2026"),
    ("nb", "SPERREFRIST til kl. 06.00 CEST (04.00 UTC), 14. juli 2026"),
])
def test_a_kit_in_another_language_says_embargo_draft_and_page_in_it(
    tag: str, expected: str
) -> None:
    kit = kit_with("Europe/Oslo", dt.datetime(2026, 7, 14, 6, 0), Status.DRAFT)
    kit.language = tag
    words = phrases(tag)
    assert embargo_line(dt.datetime(2026, 7, 14, 6, 0), "Europe/Oslo", tag) == expected
    seen = formats(kit)
    for name in ("html", "text", "pdf"):
        assert expected in seen[name], name
    pages = page_texts(render_pdf(kit).data)
    assert words.page.format(number=1, pages=len(pages)) in pages[0]
    assert words.draft in seen["pdf"] and "DRAFT" not in seen["pdf"]
    # The dateline too (the seed kit is dated 20 September 2019).
    assert long_date(kit.date, tag) in seen["pdf"] and "September 20," not in seen["pdf"]


def kit_with(zone: str | None, until: dt.datetime, status: Status) -> Kit:
    kit = seed_kit()
    kit.embargo = Embargo(until, zone) if zone else None
    kit.status = status
    return kit


def formats(kit: Kit) -> dict[str, str]:
    """What a reader sees of each format, whitespace made single spaces."""
    parts = email_parts(kit)
    message = read_message(draft_message(kit))
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    return {
        "html": words(read_html(parts.html).text),
        "text": words(parts.text),
        "markdown": words(unescape_markdown(markdown(kit))),
        "eml text": words(plain.get_content()),
        "eml html": words(read_html(html.get_content()).text),
        "pdf": words(" ".join(page_texts(render_pdf(kit).data))),
    }


@pytest.mark.parametrize(("zone", "until", "expected"), [
    ("Europe/Oslo", dt.datetime(2026, 7, 14, 6, 0), SUMMER_OSLO),
    ("Asia/Tokyo", dt.datetime(2026, 7, 14, 6, 0), TOKYO),
], ids=["dst", "no-dst"])
def test_every_format_and_the_pdf_band_show_the_same_embargo_line(
    zone: str, until: dt.datetime, expected: str
) -> None:
    seen = formats(kit_with(zone, until, Status.FINAL))
    for name, text in seen.items():
        assert expected in text, name
        assert "DRAFT" not in text, name


def test_a_kit_without_embargo_or_draft_says_neither_anywhere() -> None:
    for name, text in formats(kit_with(None, dt.datetime(2026, 1, 1), Status.FINAL)).items():
        assert "EMBARGOED" not in text and "DRAFT" not in text, name


@pytest.mark.parametrize(("zone", "status", "marks"), [
    (None, Status.FINAL, ""),
    (None, Status.DRAFT, "DRAFT · "),
    ("Europe/Oslo", Status.FINAL, f"{SUMMER_OSLO} · "),
    ("Europe/Oslo", Status.DRAFT, f"DRAFT · {SUMMER_OSLO} · "),
], ids=["final", "draft", "embargoed", "draft-and-embargoed"])
def test_the_subject_and_the_pages_title_lead_with_the_status(
    zone: str | None, status: Status, marks: str
) -> None:
    kit = kit_with(zone, dt.datetime(2026, 7, 14, 6, 0), status)
    expected = f"{marks}{kit.series}: {kit.title}"
    message = read_message(draft_message(kit))
    assert message["Subject"] == expected
    html = email_parts(kit).html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title == expected.replace("&", "&amp;")


@pytest.mark.parametrize("zone", ["Europe/Oslo", "America/New_York", "UTC"])
def test_the_embargo_line_pasted_back_into_presskit_is_the_same_moment(zone: str) -> None:
    """New Kit from Text… reads an advisory presskit wrote: the embargo survives it."""
    from presskit.library.advisory.patterns import parse_embargo

    until = dt.datetime(2026, 7, 14, 22, 0)
    parsed = parse_embargo(embargo_line(until, zone))
    assert parsed is not None
    moment = until.replace(tzinfo=ZoneInfo(zone))
    assert parsed[0].replace(tzinfo=ZoneInfo(parsed[1])) == moment

"""The embargo line and the subject line every output starts with: the wall-clock time in the
kit's zone with that zone's name on the day, the same moment in UTC (and its own date when it
falls on another day), and the marks before the headline."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.model import markings, text
from presskit.model.markings import embargo_line, subject_line

JULY_14_6AM = dt.datetime(2026, 7, 14, 6, 0)


@pytest.mark.parametrize(("until", "zone", "tag", "line"), [
    (JULY_14_6AM, "Europe/Brussels", "en",
     "EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026"),
    (JULY_14_6AM, "Europe/Brussels", "de",
     "SPERRFRIST bis 06:00 CEST (04:00 UTC), 14. Juli 2026"),
    (JULY_14_6AM, "UTC", "en", "EMBARGOED until 06:00 UTC, 14 July 2026"),
    (JULY_14_6AM, "Etc/UTC", "en", "EMBARGOED until 06:00 UTC, 14 July 2026"),
    (JULY_14_6AM, "Etc/UCT", "en", "EMBARGOED until 06:00 UTC, 14 July 2026"),
    (JULY_14_6AM, "Zulu", "en", "EMBARGOED until 06:00 UTC, 14 July 2026"),
    # A regional tag is said in its language.
    (JULY_14_6AM, "Europe/Zurich", "de-CH",
     "SPERRFRIST bis 06:00 CEST (04:00 UTC), 14. Juli 2026"),
    # A zone no database knows is shown as typed (validation reports it); none, not at all.
    (JULY_14_6AM, " Mars/Olympus_Mons ", "en",
     "EMBARGOED until 06:00 Mars/Olympus_Mons, 14 July 2026"),
    (JULY_14_6AM, "", "en", "EMBARGOED until 06:00, 14 July 2026"),
    # Early morning in Tokyo is the day before in UTC: each time says its own date.
    (dt.datetime(2026, 7, 14, 1, 30), "Asia/Tokyo", "en",
     "EMBARGOED until 01:30 JST, 14 July 2026 (16:30 UTC, 13 July 2026)"),
    # Zones the database names only by offset ("+04", "-0430"): said as UTC±h[:mm].
    (dt.datetime(2026, 7, 14, 9, 0), "Asia/Dubai", "en",
     "EMBARGOED until 09:00 UTC+4 (05:00 UTC), 14 July 2026"),
    (dt.datetime(2026, 7, 14, 9, 0), "Asia/Kathmandu", "en",
     "EMBARGOED until 09:00 UTC+5:45 (03:15 UTC), 14 July 2026"),
    (dt.datetime(2026, 7, 14, 9, 0), "America/Caracas", "en",
     "EMBARGOED until 09:00 UTC-4 (13:00 UTC), 14 July 2026"),
    (dt.datetime(2010, 1, 1, 9, 0), "America/Caracas", "en",
     "EMBARGOED until 09:00 UTC-4:30 (13:30 UTC), 1 January 2010"),
    # The first day a date holds has no UTC before it: the local time alone.
    (dt.datetime(1, 1, 1, 0, 30), "Asia/Tokyo", "en", "EMBARGOED until 00:30 LMT, 1 January 1"),
])
def test_the_embargo_line_says_the_local_time_its_zone_and_utc(
    until: dt.datetime, zone: str, tag: str, line: str
) -> None:
    assert embargo_line(until, zone, tag) == line


def test_the_subject_line_puts_draft_and_embargo_before_the_headline() -> None:
    embargo = "EMBARGOED until 06:00 UTC, 14 July 2026"
    assert subject_line("CNAS: Talks", embargo=embargo, draft=True) == (
        "DRAFT · EMBARGOED until 06:00 UTC, 14 July 2026 · CNAS: Talks")
    assert subject_line("CNAS: Talks", draft=True, tag="fr") == "BROUILLON · CNAS: Talks"
    assert subject_line("", embargo=embargo) == embargo
    assert subject_line("CNAS: Talks") == "CNAS: Talks"


def test_a_date_is_written_out_in_the_kits_language() -> None:
    day = dt.date(2026, 7, 14)
    assert text.long_date(day) == "July 14, 2026"
    assert text.long_date(day, "de-CH") == "14. Juli 2026"
    assert text.long_date(day, "fr") == "14 juillet 2026"
    assert markings.long_date(day, "de") == "14. Juli 2026"

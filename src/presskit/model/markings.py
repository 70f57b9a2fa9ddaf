"""The words that mark a kit's status wherever a reader looks first: the embargo line, the
draft marking and the subject line, in the kit's language; and what a language is: BCP 47
tags and the ``[words]{lang=fr}`` markup that gives words another language than the kit's
(read by ``model.text`` for every output, checked by ``model.validation``).

Every channel takes them from here: the PDF's band (``render.document`` through
``model.text.embargo_line``), the e-mail's banner and ``<title>``, the plain text, Markdown
and the ``.eml`` draft's Subject. A London or Washington desk reads the embargo without
working out the time itself: local time with the zone's abbreviation *for that date*
(``CEST`` in July, ``CET`` in January, from the IANA database through :mod:`zoneinfo`), then
the same moment in UTC, then the day.

The phrases live in one table per language, :data:`PHRASES`: English, German, French,
Spanish and Norwegian (Bokmål) today, with the PDF's "Page X of Y". A language is added by
adding its :class:`Phrases` (words, month names, the order of day and month) under its
primary subtag; a kit in a language without one gets English. No I/O, and
nothing else from ``model`` (``model.text`` hands its callers on to here), so both the PDF and
the other formats can reach it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zoneinfo

# -- language tags, and words marked as another language --------------------------------

#: A well-formed BCP 47 language tag (RFC 5646's syntax; the primary language of two or
#: three letters, as every registered one is, so "English" or "german" are caught): extended
#: languages, script, region, variants, extensions, private use.
_LANGUAGE_TAG = re.compile(
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``en``, ``de-CH``, ``zh-Hant``)."""
    return _LANGUAGE_TAG.fullmatch(tag) is not None


#: ``[Bonjour tout le monde]{lang=fr}``: words in another language than the kit's (Pandoc's
#: bracketed span with only its ``lang`` attribute; quotes around the tag, straight or curly,
#: are allowed). The words hold no brackets and no line break; spans do not nest.
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
LANG_SPAN = re.compile(
    rf"\[([^\[\]\n]+)\]\{{lang=[{_QUOTES}]?([^\s{{}}{_QUOTES}]*)[{_QUOTES}]?\}}")


def language_spans(text: str) -> list[tuple[str, str]]:
    """Every ``[words]{lang=tag}`` in ``text``: its words and its tag, as typed."""
    return [(match.group(1), match.group(2)) for match in LANG_SPAN.finditer(text)]


# -- the status words ---------------------------------------------------------------------

@dataclass(frozen=True)
class Phrases:
    """One language's status words. ``{time}``, ``{utc}``, ``{date}`` and ``{utc_date}``
    are filled in by :func:`embargo_line`; ``{marks}`` and ``{subject}`` by
    :func:`subject_line`."""

    #: The embargo line: local time and zone, the UTC time, the local date.
    embargoed: str
    #: The same when the UTC time falls on another day than the local one.
    embargoed_other_day: str
    #: When the zone is UTC itself, or unknown (then the zone is shown as typed).
    embargoed_plain: str
    #: The short mark before the subject while the kit is a draft.
    draft: str
    #: The banner in the body while the kit is a draft.
    draft_banner: str
    #: Between the marks and the subject.
    separator: str
    months: tuple[str, ...]
    #: ``{day}``, ``{month}`` (a name from :attr:`months`) and ``{year}``.
    date: str
    #: ``{hour}`` and ``{minute}``, both zero-padded.
    clock: str
    #: The folio in the PDF's footer: ``{number}`` and ``{pages}``.
    page: str = "Page {number} of {pages}"


ENGLISH = Phrases(
    embargoed="EMBARGOED until {time} ({utc}), {date}",
    embargoed_other_day="EMBARGOED until {time}, {date} ({utc}, {utc_date})",
    embargoed_plain="EMBARGOED until {time}, {date}",
    draft="DRAFT",
    draft_banner="DRAFT · NOT FOR DISTRIBUTION",
    separator=" · ",
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    date="{day} {month} {year}",
    clock="{hour:02d}:{minute:02d}",
)

GERMAN = Phrases(
    embargoed="SPERRFRIST bis {time} ({utc}), {date}",
    embargoed_other_day="SPERRFRIST bis {time}, {date} ({utc}, {utc_date})",
    embargoed_plain="SPERRFRIST bis {time}, {date}",
    draft="ENTWURF",
    draft_banner="ENTWURF · NICHT ZUR VERÖFFENTLICHUNG",
    separator=" · ",
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember"),
    date="{day}. {month} {year}",
    clock="{hour:02d}:{minute:02d}",
    page="Seite {number} von {pages}",
)

FRENCH = Phrases(
    embargoed="SOUS EMBARGO jusqu’au {date} à {time} ({utc})",
    embargoed_other_day="SOUS EMBARGO jusqu’au {date} à {time} ({utc} le {utc_date})",
    embargoed_plain="SOUS EMBARGO jusqu’au {date} à {time}",
    draft="BROUILLON",
    draft_banner="BROUILLON · NE PAS DIFFUSER",
    separator=" · ",
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"),
    date="{day} {month} {year}",
    clock="{hour:02d} h {minute:02d}",
    page="Page {number} sur {pages}",
)

SPANISH = Phrases(
    embargoed="EMBARGADO hasta las {time} ({utc}) del {date}",
    embargoed_other_day="EMBARGADO hasta las {time} del {date} ({utc} del {utc_date})",
    embargoed_plain="EMBARGADO hasta las {time} del {date}",
    draft="BORRADOR",
    draft_banner="BORRADOR · NO DIFUNDIR",
    separator=" · ",
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"),
    date="{day} de {month} de {year}",
    clock="{hour:02d}:{minute:02d}",
    page="Página {number} de {pages}",
)

NORWEGIAN = Phrases(
    embargoed="SPERREFRIST til kl. {time} ({utc}), {date}",
    embargoed_other_day="SPERREFRIST til kl. {time}, {date} ({utc}, {utc_date})",
    embargoed_plain="SPERREFRIST til kl. {time}, {date}",
    draft="UTKAST",
    draft_banner="UTKAST · IKKE FOR PUBLISERING",
    separator=" · ",
    months=("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"),
    date="{day}. {month} {year}",
    clock="{hour:02d}.{minute:02d}",
    page="Side {number} av {pages}",
)

#: Primary language subtag → its phrases. Add a language here (and nowhere else).
PHRASES: dict[str, Phrases] = {"en": ENGLISH, "de": GERMAN, "fr": FRENCH, "es": SPANISH,
                               "nb": NORWEGIAN, "no": NORWEGIAN}


def phrases(tag: str = "en") -> Phrases:
    """The phrases for the BCP 47 ``tag`` (``de-CH`` → ``de``); English for a language
    without phrases yet, or for something that is no tag."""
    return PHRASES.get(tag.strip().split("-")[0].lower(), ENGLISH)


def _date(words: Phrases, day: dt.date) -> str:
    return words.date.format(day=day.day, month=words.months[day.month - 1], year=day.year)


def long_date(day: dt.date, tag: str = "en") -> str:
    """``day`` written out in the language ``tag`` (``"14. Juli 2026"``)."""
    return _date(phrases(tag), day)


def _clock(words: Phrases, moment: dt.datetime | dt.time) -> str:
    return words.clock.format(hour=moment.hour, minute=moment.minute)


def _abbreviation(moment: dt.datetime) -> str:
    """``CEST``; a zone the database names only by offset (``+03``) as ``UTC+3``."""
    name = moment.tzname() or ""
    if name[:1] not in "+-" or not name:
        return name
    offset = moment.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _zone(name: str) -> zoneinfo.ZoneInfo | None:
    import zoneinfo  # here: only an embargo needs it, and it pulls in sysconfig (3 ms)

    try:
        return zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return None  # validation reports it; the line shows the zone as typed


def embargo_line(until: dt.datetime, zone: str, tag: str = "en") -> str:
    """``"EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026"``: the wall-clock time
    ``until`` in the IANA ``zone``, that zone's abbreviation on that date, and UTC."""
    words = phrases(tag)
    zone = zone.strip()
    local_day = until.date()
    info = _zone(zone) if zone else None
    if info is None or zone.upper() in ("UTC", "ETC/UTC", "Z", "ETC/UCT", "UCT", "ZULU"):
        label = "UTC" if info is not None else zone
        time = f"{_clock(words, until)} {label}".strip()
        return words.embargoed_plain.format(time=time, date=_date(words, local_day))
    local = until.replace(tzinfo=info)
    try:
        in_utc = local.astimezone(dt.UTC)
    except OverflowError:  # the first or last day a datetime holds: no UTC to give
        time = f"{_clock(words, local)} {_abbreviation(local)}".strip()
        return words.embargoed_plain.format(time=time, date=_date(words, local_day))
    time = f"{_clock(words, local)} {_abbreviation(local)}".strip()
    utc = f"{_clock(words, in_utc)} UTC"
    if in_utc.date() != local_day:
        return words.embargoed_other_day.format(
            time=time, utc=utc, date=_date(words, local_day),
            utc_date=_date(words, in_utc.date()))
    return words.embargoed.format(time=time, utc=utc, date=_date(words, local_day))


def subject_line(subject: str, *, embargo: str = "", draft: bool = False,
                 tag: str = "en") -> str:
    """``"DRAFT · EMBARGOED until … · Series: Headline"``: what a journalist sees in the
    inbox and a browser's tab, the status before the news."""
    words = phrases(tag)
    marks = [*([words.draft] if draft else []), *([embargo] if embargo else [])]
    return words.separator.join([*marks, subject]) if subject else words.separator.join(marks)

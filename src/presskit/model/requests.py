"""Quotes asked for and not yet answered: the words for a request's days and deadline, and
the list the experts table and the pre-flight show ("Duyeon Kim has not answered the request
of 3 December (deadline 5 December)").

A request is recorded on the quote it asked for (``Quote.request``); the quote waits for an
answer while its text is empty. Pure functions of the kit and of the day it is today, which
the caller hands in, so nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from presskit.model.kit import Kit, Quote, QuoteRequest
from presskit.model.problems import Where
from presskit.model.wording import display_name

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_words(day: dt.date, *, weekday: bool = False) -> str:
    """``3 December`` (``Thursday 3 December`` with ``weekday``): no year, as people say it
    of days a few weeks apart; the locale is never asked, so every machine says the same."""
    words = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{_WEEKDAYS[day.weekday()]} {words}" if weekday else words


def time_words(moment: dt.datetime) -> str:
    """``17:00``: the 24-hour clock, unambiguous in every country a kit goes to."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def deadline_words(deadline: dt.date | dt.datetime, *, weekday: bool = False) -> str:
    """``5 December`` or ``Saturday 5 December, 17:00``."""
    words = day_words(deadline, weekday=weekday)
    if isinstance(deadline, dt.datetime):
        words += f", {time_words(deadline)}"
    return words


def deadline_day(request: QuoteRequest) -> dt.date | None:
    """The last day an answer is on time, or ``None`` if the request set no deadline."""
    deadline = request.deadline
    if isinstance(deadline, dt.datetime):
        return deadline.date()
    return deadline


@dataclass(frozen=True)
class Unanswered:
    """One quote asked for and not answered: who, since when, by when, and where it is."""

    quote_id: str
    expert_id: str
    name: str  # the expert's display name ("Expert 3" if blank), or the expert id if the kit has
    # no such expert
    request: QuoteRequest
    overdue: bool
    where: Where

    @property
    def sentence(self) -> str:
        """``Duyeon Kim has not answered the request of 3 December (deadline 5 December,
        passed)``: plain words, no ids, for the pre-flight and the experts table."""
        text = f"{self.name} has not answered the request of {day_words(self.request.asked)}"
        if self.request.deadline is not None:
            passed = ", passed" if self.overdue else ""
            text += f" (deadline {deadline_words(self.request.deadline)}{passed})"
        return text

    @property
    def waiting(self) -> str:
        """``Waiting since 3 Dec``: short, for a table cell."""
        asked = self.request.asked
        return f"Waiting since {asked.day} {_MONTHS[asked.month - 1][:3]}"


def is_overdue(request: QuoteRequest, today: dt.date) -> bool:
    day = deadline_day(request)
    return day is not None and today > day


def unanswered_requests(kit: Kit, today: dt.date | None = None) -> list[Unanswered]:
    """Every quote of ``kit`` asked for and still without text, in the kit's order.

    ``today`` decides which are overdue (past the deadline's day); without it none is.
    """
    found = (unanswered(kit, index, today) for index in range(len(kit.quotes)))
    return [waiting for waiting in found if waiting is not None]


def unanswered(kit: Kit, index: int, today: dt.date | None = None) -> Unanswered | None:
    """The ``index``-th quote of ``kit`` as an unanswered request, or ``None`` if it was not
    asked for or has its answer."""
    quote = kit.quotes[index]
    if quote.request is None or not quote.awaits_answer:
        return None
    return Unanswered(quote.id, quote.expert, _name(kit, quote), quote.request,
                      today is not None and is_overdue(quote.request, today),
                      ("quotes", index, "text"))


def _name(kit: Kit, quote: Quote) -> str:
    expert = kit.expert(quote.expert)
    if expert is None:
        return quote.expert
    # No id in plain words: an unnamed expert is the place the experts table shows them at,
    # as the check's own "Expert 3 has no name" says.
    if display_name(expert):
        return display_name(expert)
    place = next(i for i, known in enumerate(kit.experts) if known is expert)
    return f"Expert {place + 1}"

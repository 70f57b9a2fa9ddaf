"""Quotes asked for and not answered yet: what validation and the pre-flight's list say about
them, in plain words, and when an empty quote is only waiting for its answer."""

from __future__ import annotations

import datetime as dt

from presskit.model import (
    Approval,
    ApprovalState,
    Expert,
    Kit,
    Quote,
    QuoteRequest,
    Severity,
    validate,
)
from presskit.model.requests import deadline_words, unanswered_requests

ASKED = dt.date(2026, 12, 3)


def kit_with(*quotes: Quote) -> Kit:
    return Kit(title="Talks", experts=[Expert("duyeon-kim", "Duyeon Kim", honorific="Dr."),
                                       Expert("van-jackson", "Van Jackson")],
               quotes=list(quotes))


def asked(quote_id: str, expert: str, text: str = "",
          deadline: dt.date | dt.datetime | None = dt.date(2026, 12, 5)) -> Quote:
    return Quote(quote_id, expert, text, approval=Approval(ApprovalState.PENDING),
                 request=QuoteRequest(ASKED, deadline, "the talks"))


def test_an_unanswered_request_is_a_waiting_warning_not_an_empty_quote() -> None:
    problems = validate(kit_with(asked("q1", "duyeon-kim")))
    messages = [p.message for p in problems]
    assert "Dr. Duyeon Kim has not answered the request of 3 December (deadline 5 December)" \
        in messages
    assert not any("is empty" in m for m in messages)
    [waiting] = [p for p in problems if "not answered" in p.message]
    assert waiting.severity is Severity.WARNING and waiting.where == ("quotes", 0, "text")


def test_an_empty_quote_without_a_request_is_still_empty() -> None:
    messages = [p.message for p in validate(kit_with(Quote("q1", "van-jackson", "")))]
    assert "quote 'q1' is empty" in messages


def test_a_pasted_answer_ends_the_wait_and_keeps_the_request() -> None:
    quote = asked("q1", "duyeon-kim", text="Talks will be hard.")
    kit = kit_with(quote)
    assert unanswered_requests(kit) == []
    assert not any("not answered" in p.message for p in validate(kit))
    assert quote.request is not None


def test_a_deadline_before_the_day_asked_is_an_error_at_the_deadline() -> None:
    kit = kit_with(asked("q1", "duyeon-kim", deadline=dt.date(2026, 12, 1)))
    errors = [p for p in validate(kit) if p.is_error]
    assert [p.where for p in errors] == [("quotes", 0, "request", "deadline")]
    assert "comes before the day it was asked (3 December)" in errors[0].message


def test_the_list_says_who_is_overdue_on_the_day_after_the_deadline() -> None:
    kit = kit_with(asked("q1", "duyeon-kim"), asked("q2", "van-jackson", deadline=None),
                   asked("q3", "van-jackson", text="Answered."))
    on_time = unanswered_requests(kit, today=dt.date(2026, 12, 5))
    late = unanswered_requests(kit, today=dt.date(2026, 12, 6))
    assert [w.quote_id for w in late] == ["q1", "q2"]
    assert [w.overdue for w in on_time] == [False, False]
    assert [w.overdue for w in late] == [True, False]
    assert late[0].sentence == ("Dr. Duyeon Kim has not answered the request of 3 December "
                                "(deadline 5 December, passed)")
    assert late[1].sentence == "Van Jackson has not answered the request of 3 December"
    assert late[1].waiting == "Waiting since 3 Dec"


def test_a_deadline_with_a_time_is_said_with_its_weekday_and_hour() -> None:
    assert deadline_words(dt.datetime(2026, 12, 5, 17, 0), weekday=True) == \
        "Saturday 5 December, 17:00"


def test_an_unnamed_experts_request_is_said_with_the_experts_place_not_the_id() -> None:
    kit = kit_with(asked("q1", "expert-2"))
    kit.experts.append(Expert("expert-2", "  "))
    [waiting] = unanswered_requests(kit)
    assert waiting.sentence == ("Expert 3 has not answered the request of 3 December "
                                "(deadline 5 December)")

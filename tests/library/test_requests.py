"""One ask, many personal letters: each expert greeted by name, the kit's news, the deadline
in words, the length wanted, signed by the kit's media contact; and one pending quote per
expert to record in the kit."""

from __future__ import annotations

import datetime as dt

import pytest
from support.examples import NORTHBRIDGE_KIT

from presskit.library.requests import (
    Ask,
    AskError,
    add_requests,
    default_news,
    letters,
    pending_quotes,
)
from presskit.model import ApprovalState, Kit, validate
from presskit.storage import load_kit

TODAY = dt.date(2026, 7, 10)
ASK = Ask(topic="the early opening of the Northern Sea Route", asked=TODAY,
          deadline=dt.datetime(2026, 7, 13, 17, 0), length=80)


@pytest.fixture
def kit() -> Kit:
    return load_kit(NORTHBRIDGE_KIT).kit


def test_each_expert_gets_a_personal_letter_with_the_news_deadline_and_length(kit: Kit) -> None:
    made, problems = letters(kit, ASK, ["eleni-papadopoulou", "anna-smirnova"])
    assert problems == []
    eleni, anna = made
    assert eleni.paragraphs[0] == "Dear Dr. Παπαδοπούλου,"
    assert anna.paragraphs[0] == "Dear Анна Смирнова,"
    assert eleni.to == "eleni-papadopoulou@example.org"
    assert eleni.subject == ("Request for comment: the early opening of the Northern Sea Route "
                             "— by Monday 13 July, 17:00")
    text = eleni.text
    assert f"“{kit.title}”" in text
    assert default_news(kit) in text and default_news(kit)
    assert "About 80 words would be ideal." in text
    assert "We need it by Monday 13 July, 17:00." in text
    assert text.rstrip().endswith("Ingrid Halvorsen\nHead of Media Relations, Northbridge "
                                  "Institute for International Affairs\npress@example.org · "
                                  "+47 22 00 00 00")


def test_a_typed_news_text_replaces_the_leads_paragraph(kit: Kit) -> None:
    ask = Ask(topic="ice", asked=TODAY, news="The route opened three weeks early.")
    [made], _ = letters(kit, ask, ["zoe-odegard"])
    assert "The route opened three weeks early." in made.text
    assert default_news(kit) not in made.text
    assert "We need it by" not in made.text  # no deadline asked for, none invented


def test_an_expert_without_an_address_still_gets_a_letter_and_a_warning(kit: Kit) -> None:
    kit.experts[1].email = ""
    [made], problems = letters(kit, ASK, ["anna-smirnova"])
    assert made.to == ""
    assert [p.where for p in problems] == [("experts", 1, "email")]
    assert "Анна Смирнова has no e-mail address" in problems[0].message


@pytest.mark.parametrize(("ask", "ids", "message"), [
    (ASK, [], "choose at least one expert"),
    (ASK, ["nobody"], "the kit has no expert 'nobody'"),
    (Ask(topic=" ", asked=TODAY), ["zoe-odegard"], "the request needs a topic"),
    (Ask(topic="ice", asked=TODAY, deadline=dt.date(2026, 7, 9)), ["zoe-odegard"],
     "the deadline (9 July) is before today (10 July)"),
])
def test_an_ask_that_cannot_go_out_says_what_to_change(kit: Kit, ask: Ask, ids: list[str],
                                                      message: str) -> None:
    with pytest.raises(AskError, match=message.replace("(", r"\(").replace(")", r"\)")):
        letters(kit, ask, ids)


def test_an_expert_asked_for_in_a_kit_without_experts_is_said_so() -> None:
    with pytest.raises(AskError) as caught:
        letters(Kit(title="T"), ASK, ["nobody"])
    assert str(caught.value) == "the kit has no expert 'nobody' (its experts: none)"


def test_pending_quotes_record_the_request_and_wait_for_the_answer(kit: Kit) -> None:
    before = len(kit.quotes)
    quotes = pending_quotes(kit, ASK, ["zoe-odegard", "zoe-odegard", "anna-smirnova"])
    assert [q.expert for q in quotes] == ["zoe-odegard", "anna-smirnova"]
    assert len({q.id for q in [*kit.quotes, *quotes]}) == before + 2
    assert all(q.text == "" and q.approval.state is ApprovalState.PENDING for q in quotes)
    assert quotes[0].request == ASK.request()
    add_requests(kit, quotes)
    assert not [p for p in validate(kit) if p.is_error]
    again = pending_quotes(kit, ASK, ["zoe-odegard"])
    assert again[0].id not in {q.id for q in kit.quotes}  # a second ask never reuses an id


def test_a_kit_without_a_visible_lead_gives_a_letter_without_a_news_paragraph(kit: Kit) -> None:
    for section in kit.sections:
        if section.type == "lead":
            section.hidden = True
    ask = Ask(topic="ice", asked=TODAY)
    assert default_news(kit) == ""
    [made], _ = letters(kit, ask, ["zoe-odegard"])
    assert made.paragraphs[1:] == (f"We are preparing a press kit: “{kit.title}”.",
                                   "Would you give us a quote on ice?",
                                   "A reply to this e-mail is all it takes.", "Many thanks,")



def test_a_pending_quotes_id_cut_to_length_never_ends_in_a_dash(kit: Kit) -> None:
    # "<expert>-<topic>" is cut at 64 characters; here the cut falls right after a word.
    expert = kit.experts[0]
    topic = "x" * (63 - len(expert.id) - 1) + " sanctions relief"
    [quote] = pending_quotes(kit, Ask(topic=topic, asked=TODAY, deadline=ASK.deadline,
                                      length=80), [expert.id])
    assert quote.id == f"{expert.id}-{'x' * (63 - len(expert.id) - 1)}"
    assert len(quote.id) == 63

"""Request e-mails as drafts: one ``.eml`` per expert, addressed to the expert, from the
kit's media contact, opened by mail clients as unsent, with the letter as text and HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from support.examples import NORTHBRIDGE_KIT

from presskit.formats.requests import drafts, letter_html
from presskit.library.requests import Ask, letters
from presskit.storage import load_kit

ASK = Ask(topic="the <early> opening", asked=dt.date(2026, 7, 10),
          deadline=dt.date(2026, 7, 13), length=60)
NOW = dt.datetime(2026, 7, 10, 9, 30, tzinfo=dt.UTC)


def parsed(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def test_each_expert_gets_an_unsent_draft_addressed_to_them() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    kit.experts[1].email = ""
    made, _ = letters(kit, ASK, ["eleni-papadopoulou", "anna-smirnova"])
    eleni, anna = drafts(kit, made, now=NOW)
    assert (eleni.filename, anna.filename) == ("request-eleni-papadopoulou.eml",
                                               "request-anna-smirnova.eml")
    message = parsed(eleni.data)
    [to] = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Dr. Ελένη Παπαδοπούλου",
                                               "eleni-papadopoulou@example.org")
    assert message["From"] == "Ingrid Halvorsen <press@example.org>"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Request for comment: the <early> opening — by Monday 13 July"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert "Dear Dr. Παπαδοπούλου," in text.get_content()
    assert "About 60 words would be ideal." in text.get_content()
    assert "the &lt;early&gt; opening" in html.get_content()  # escaped, never markup
    assert parsed(anna.data)["To"] is None  # no address: a draft all the same, To left empty


def test_the_html_letter_keeps_paragraphs_and_signature_lines() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    [made], _ = letters(kit, ASK, ["zoe-odegard"])
    html = letter_html(made)
    assert html.count("<p>") == len(made.paragraphs) + 1
    assert "Ingrid Halvorsen<br>\nHead of Media Relations" in html


def test_a_draft_for_an_id_with_nothing_to_spell_is_named_for_an_expert() -> None:
    # An id of punctuation only (a kit being edited by hand) leaves no letter for the name.
    kit = load_kit(NORTHBRIDGE_KIT).kit
    made, _ = letters(kit, ASK, ["eleni-papadopoulou", "anna-smirnova"])
    odd = [dataclasses.replace(letter, expert_id=expert_id)
           for letter, expert_id in zip(made, ["…", "--"], strict=True)]
    assert [d.filename for d in drafts(kit, odd, now=NOW)] == [
        "request-expert.eml", "request-expert-2.eml"]

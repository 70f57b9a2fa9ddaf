"""Asking experts for quotes: one ask, written once, becomes a personal letter to each expert
and a pending quote per expert recorded in the kit (``Quote.request``).

The letter greets the expert by name (with the honorific, if any), gives the news (the
kit's headline and the lead's first paragraph, or a text the press officer typed), asks the
question, says the deadline in words with its weekday and time and the length wanted, and is
signed by the kit's first media contact. ``formats.requests`` turns letters into ``.eml``
drafts and clipboard HTML; the app and ``presskit request`` record the pending quotes with
:func:`pending_quotes` and :func:`add_requests`. No I/O and no clock: the day asked is part
of the :class:`Ask`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presskit.model.ids import slugify, unique_id
from presskit.model.kit import Approval, ApprovalState, Contact, Expert, Kit, Quote, QuoteRequest
from presskit.model.problems import PresskitError, Problem, warning
from presskit.model.requests import day_words, deadline_day, deadline_words
from presskit.model.sections import LeadSection
from presskit.model.text import one_line, split_paragraphs
from presskit.model.wording import display_name

#: The longest topic and news an ask may carry: a letter, not a report.
MAX_TOPIC = 300
MAX_NEWS = 5_000


class AskError(PresskitError):
    """An ask that cannot be sent: no expert, no topic, a deadline before today."""


@dataclass(frozen=True)
class Ask:
    """What the press officer asks every chosen expert, once."""

    topic: str
    asked: dt.date
    deadline: dt.date | dt.datetime | None = None
    #: Words wanted; 0 leaves it open.
    length: int = 0
    #: The news the letter gives; empty: the kit's headline and the lead's first paragraph.
    news: str = ""

    def check(self) -> None:
        """Raise ``AskError`` with what to change if this ask cannot go out."""
        if not one_line(self.topic):
            raise AskError("the request needs a topic: what should the experts comment on?")
        if len(self.topic) > MAX_TOPIC:
            raise AskError(f"the topic is {len(self.topic)} characters long; keep it under "
                           f"{MAX_TOPIC} and put the rest in the news")
        if len(self.news) > MAX_NEWS:
            raise AskError(f"the news is {len(self.news)} characters long; keep it under "
                           f"{MAX_NEWS}: a request is read on a phone")
        if not 0 <= self.length <= 100_000:
            raise AskError(f"the length must be a number of words, not {self.length}")
        day = deadline_day(self.request())
        if day is not None and day < self.asked:
            raise AskError(f"the deadline ({deadline_words(day)}) is before today "
                           f"({day_words(self.asked)})")

    def request(self) -> QuoteRequest:
        return QuoteRequest(self.asked, self.deadline, one_line(self.topic), self.length)


@dataclass(frozen=True)
class Letter:
    """One expert's request, ready for an e-mail: whom to, the subject and the paragraphs
    (greeting first, the signature's lines last, one paragraph each)."""

    expert_id: str
    name: str
    #: The expert's address, ``""`` if the kit has none (the draft then has no To).
    to: str
    subject: str
    paragraphs: tuple[str, ...]
    signature: tuple[str, ...]

    @property
    def text(self) -> str:
        """The letter as plain text, paragraphs separated by blank lines."""
        return "\n\n".join([*self.paragraphs, "\n".join(self.signature)]).rstrip() + "\n"


def default_news(kit: Kit) -> str:
    """The news as the kit tells it: the lead's first paragraph (the headline is said in the
    letter's first line); empty when the kit has no lead yet."""
    for section in kit.visible_sections():
        if isinstance(section, LeadSection):
            paragraphs = split_paragraphs(section.text)
            if paragraphs:
                return paragraphs[0]
    return ""


def greeting(expert: Expert) -> str:
    """``Dear Dr. Kim,`` with an honorific (and the last word of the name), else ``Dear
    Duyeon Kim,``: a first name alone assumes an order of names not every culture uses."""
    name = one_line(expert.name)
    honorific = one_line(expert.honorific)
    if honorific and name:
        return f"Dear {honorific} {name.split()[-1]},"
    return f"Dear {name or 'colleague'},"


def subject(ask: Ask) -> str:
    """``Request for comment: North Korea talks — by Saturday 5 December, 17:00``."""
    text = f"Request for comment: {one_line(ask.topic)}"
    if ask.deadline is not None:
        text += f" — by {deadline_words(ask.deadline, weekday=True)}"
    return text


def signature(kit: Kit, fallback: str = "") -> tuple[str, ...]:
    """The kit's first media contact as a signature (name; role and organisation; e-mail and
    phone), else ``fallback`` (the user's name from Preferences), else the organisation."""
    contact: Contact | None = kit.contacts[0] if kit.contacts else None
    organisation = one_line(kit.brand.organisation)
    if contact is None:
        return tuple(line for line in (one_line(fallback), organisation) if line)
    role = ", ".join(part for part in (one_line(contact.role), organisation) if part)
    reach = " · ".join(part for part in (one_line(contact.email), one_line(contact.phone))
                       if part)
    return tuple(line for line in (one_line(contact.name), role, reach) if line)


def letter(kit: Kit, expert: Expert, ask: Ask, *, sender_name: str = "") -> Letter:
    """``expert``'s personal request for ``ask``."""
    headline = one_line(kit.title)
    news = ask.news.strip() or default_news(kit)
    paragraphs = [greeting(expert)]
    if headline:
        paragraphs.append(f"We are preparing a press kit: “{headline}”.")
    paragraphs.extend(split_paragraphs(news))
    question = f"Would you give us a quote on {one_line(ask.topic)}?"
    if ask.length:
        question += f" About {ask.length} words would be ideal."
    paragraphs.append(question)
    if ask.deadline is not None:
        paragraphs.append(f"We need it by {deadline_words(ask.deadline, weekday=True)}. "
                          "A reply to this e-mail is all it takes.")
    else:
        paragraphs.append("A reply to this e-mail is all it takes.")
    paragraphs.append("Many thanks,")
    return Letter(expert.id, display_name(expert) or expert.id, one_line(expert.email),
                  subject(ask), tuple(paragraphs), signature(kit, sender_name))


def letters(kit: Kit, ask: Ask, expert_ids: Sequence[str], *,
            sender_name: str = "") -> tuple[list[Letter], list[Problem]]:
    """A letter per expert, in the order given, and a warning for each expert without an
    e-mail address (their draft has no To). Raises ``AskError`` for an ask that cannot go
    out or an id that is not one of the kit's experts."""
    ask.check()
    chosen = _experts(kit, expert_ids)
    found: list[Letter] = []
    problems: list[Problem] = []
    for expert in chosen:
        made = letter(kit, expert, ask, sender_name=sender_name)
        found.append(made)
        if not made.to:
            index = kit.experts.index(expert)
            problems.append(warning(
                f"{made.name} has no e-mail address: the draft has no recipient; add one "
                "in the mail client", "experts", index, "email"))
    return found, problems


def pending_quotes(kit: Kit, ask: Ask, expert_ids: Sequence[str]) -> list[Quote]:
    """A new quote per expert, waiting for the answer: no text yet, pending approval, the
    request recorded. Ids are ``<expert>-<topic>`` made unique in the kit; nothing is added
    to the kit (:func:`add_requests` does, or the app's undo command)."""
    ask.check()
    taken = {q.id for q in kit.quotes}
    quotes = []
    for expert in _experts(kit, expert_ids):
        quote_id = unique_id(f"{expert.id}-{slugify(ask.topic, 'quote')}"[:64].rstrip("-"),
                             taken)
        taken.add(quote_id)
        quotes.append(Quote(quote_id, expert.id, "", topic=one_line(ask.topic),
                            approval=Approval(ApprovalState.PENDING), request=ask.request()))
    return quotes


def add_requests(kit: Kit, quotes: Iterable[Quote]) -> None:
    kit.quotes.extend(quotes)


def _experts(kit: Kit, expert_ids: Sequence[str]) -> list[Expert]:
    if not expert_ids:
        raise AskError("choose at least one expert to ask")
    chosen: list[Expert] = []
    for expert_id in dict.fromkeys(expert_ids):  # each expert once, in the order given
        expert = kit.expert(expert_id)
        if expert is None:
            known = ", ".join(e.id for e in kit.experts[:12]) or "none"
            raise AskError(f"the kit has no expert {expert_id!r} (its experts: {known})")
        chosen.append(expert)
    return chosen

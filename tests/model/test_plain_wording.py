"""What the app's pre-flight check says (``Problem.plain``) and what the command line says
(``Problem.message``) about the same problems: the app speaks in sentences without ids, the
command line keeps the ids a reader of the file needs."""

from __future__ import annotations

import copy

import pytest
from support.examples import CNAS_KIT

from presskit.model import ApprovalState, Kit, Status
from presskit.model.problems import in_words
from presskit.model.validation import excerpt, export_notes, validate
from presskit.storage import load_kit


@pytest.fixture(scope="module")
def cnas() -> Kit:
    return load_kit(CNAS_KIT).kit


def troubled(kit: Kit) -> Kit:
    """The CNAS kit with one of nearly everything the check finds."""
    kit = copy.deepcopy(kit)
    kit.quotes[0].approval.state = ApprovalState.PENDING
    kit.quotes[4].approval.state = ApprovalState.DRAFT
    kit.quotes[1].expert = "nobody-at-all"
    kit.experts[2].title = ""
    kit.contacts[0].email = "not-an-address"
    kit.sections[3].quotes.append("no-such-quote")  # type: ignore[attr-defined]
    kit.sections[4].text = ""  # type: ignore[attr-defined]
    for section in kit.sections:
        if section.type == "contact":
            section.hidden = True
    return kit


def test_the_pending_quote_is_named_by_its_expert_and_first_words(cnas: Kit) -> None:
    kit = copy.deepcopy(cnas)
    kit.quotes[0].approval.state = ApprovalState.PENDING
    [problem] = validate(kit)
    assert problem.plain == "Duyeon Kim's quote “My concern is Pyongyang…” is pending approval"
    assert "'kim-summit-framing'" in problem.message  # the command line keeps the id


def test_no_plain_sentence_names_an_id(cnas: Kit) -> None:
    kit = troubled(cnas)
    problems = validate(kit)
    ids = {item.id for items in (kit.quotes, kit.experts, kit.contacts, kit.sections)
           for item in items} | {"nobody-at-all", "no-such-quote"}
    assert len(problems) >= 8
    for problem in problems:
        assert problem.plain, problem.message
        words = set(problem.plain.replace("“", " ").replace("”", " ").split())
        assert not words & ids, problem.plain
    plain = {p.plain for p in problems}
    assert "The section “Sharper” is empty" in plain  # by its heading
    assert "Neil Bhatiya's quote “At the heart of…” is a draft, not yet approved" in plain
    assert any(p.startswith("The Media contact section is hidden") for p in plain)


def test_the_command_line_messages_are_unchanged_by_the_plain_wording(cnas: Kit) -> None:
    kit = copy.deepcopy(cnas)
    kit.sections[3].quotes.clear()  # type: ignore[attr-defined]
    [problem] = validate(kit)
    assert problem.message == "section 'experts' (quotes) is empty"
    assert in_words(problem) == "The Expert quotes section is empty"


def test_a_draft_kit_says_so_before_export_only(cnas: Kit) -> None:
    kit = copy.deepcopy(cnas)
    assert export_notes(kit) == []
    kit.status = Status.DRAFT
    assert validate(kit) == []  # not a fault in the file: the CLI's check stays quiet
    [note] = export_notes(kit)
    assert note.plain == "The kit is still marked Draft, so every page says DRAFT"
    assert note.where == ("kit", "status")


def test_an_excerpt_is_the_first_words_and_bounded() -> None:
    assert excerpt("Short one.") == "Short one."
    assert excerpt("One, two, three, four, five") == "One, two, three, four…"
    assert len(excerpt("x" * 10_000)) <= 201

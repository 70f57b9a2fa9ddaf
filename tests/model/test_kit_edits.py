"""What the editor's commands are made of: a new kit, a copy that shares nothing, a new
contact with an id of its own, the four edits by path that undo reverses, look-ups by id, and
the sentence a refused kit is reported with."""

from __future__ import annotations

import datetime as dt

from presskit.model.kit import Brand, Contact, Expert, Kit, Quote, Resource
from presskit.model.operations import (
    copy_kit,
    duplicated_section,
    new_contact,
    new_kit,
    new_quote,
    new_resource,
    new_section,
)
from presskit.model.paths import get_at, insert_at, move_at, remove_at, set_at
from presskit.model.problems import KitProblems, error, warning
from presskit.model.sections import LeadSection, QuotesSection, SectionType


def test_a_new_kit_is_dated_the_day_given_else_today() -> None:
    brand = Brand(organisation="CNAS")
    kit = new_kit(brand, today=dt.date(2026, 7, 14))
    assert kit.date == dt.date(2026, 7, 14)
    before = dt.date.today()
    assert new_kit(brand).date in {before, dt.date.today()}  # at midnight, either day
    assert kit.brand == brand and kit.brand is not brand


def test_a_copied_kit_is_equal_and_shares_nothing() -> None:
    kit = Kit(title="T", experts=[Expert("kim", "Duyeon Kim", topics=["Korea"])])
    copied = copy_kit(kit)
    assert copied == kit
    copied.experts[0].topics.append("Japan")
    assert kit.experts[0].topics == ["Korea"]


def test_a_new_contact_gets_an_id_no_other_contact_has() -> None:
    kit = Kit(title="T", contacts=[Contact("cole-stevens", "Cole Stevens")])
    contact = new_contact(kit, "Cole Stevens")
    assert (contact.id, contact.name) == ("cole-stevens-2", "Cole Stevens")


def test_edits_by_path_set_insert_move_and_remove_and_say_what_undo_needs() -> None:
    kit = Kit(title="T", experts=[Expert("a", "A"), Expert("b", "B")])
    assert set_at(kit, ("experts", 1, "title"), "Fellow") == ""
    assert kit.experts[1].title == "Fellow"
    assert set_at(kit, ("experts", 0), Expert("z", "Z")) == Expert("a", "A")
    insert_at(kit, ("experts",), 1, Expert("c", "C"))
    assert [e.id for e in kit.experts] == ["z", "c", "b"]
    move_at(kit, ("experts",), 0, 2)
    assert [e.id for e in kit.experts] == ["c", "b", "z"]
    assert remove_at(kit, ("experts",), 1).id == "b"
    assert get_at(kit, ("experts", 1, "name")) == "Z"


def test_items_are_found_by_id_in_their_own_list() -> None:
    kit = Kit(title="T", contacts=[Contact("desk", "Desk")],
              resources=[Resource("report", "Report")],
              sections=[LeadSection(id="lead"), QuotesSection(id="desk")])
    assert kit.contact("desk") is kit.contacts[0]
    assert kit.resource("report") is kit.resources[0]
    assert kit.section("desk") is kit.sections[1]
    assert kit.section("report") is None and kit.contact("lead") is None


def test_a_refused_kit_is_reported_by_its_first_error() -> None:
    problems = [warning("the kit has no headline"), error("duplicate id 'a'"),
                error("colour 'red' is not a colour")]
    assert str(KitProblems(problems)) == "duplicate id 'a'"
    assert str(KitProblems([warning("the kit has no headline")])) == "invalid kit"


def test_new_items_get_ids_of_their_own_from_what_they_are() -> None:
    kit = Kit(title="T", sections=[LeadSection(id="lead")],
              quotes=[Quote("kim-quote", "kim", "Yes.")])
    assert new_section(kit, SectionType.LEAD).id == "lead-2"
    assert new_section(kit, SectionType.QUOTES).id == "quotes"
    assert duplicated_section(kit, 0).id == "lead-2"
    assert new_quote(kit, "kim-duyeon").id == "kim-quote-2"
    assert new_quote(kit, "lee").id == "lee-quote"
    assert new_resource(kit, "The Annual Report on Everything in 2026").id == (
        "the-annual-report-on-eve")
    assert [(s.id, s.type) for s in new_kit(Brand()).sections] == [
        ("lead", SectionType.LEAD), ("quotes", SectionType.QUOTES), ("about", SectionType.ABOUT)]

"""A new item's id is made from the name typed, not from its placeholder, until something
refers to it or the user has chosen another id."""

from __future__ import annotations

from presskit.model.kit import Contact, Expert, Kit, Quote
from presskit.model.operations import followed_id, new_expert
from presskit.model.sections import BiosSection, ContactSection


def kit_with(*experts: Expert) -> Kit:
    return Kit(title="T", experts=list(experts))


def test_a_placeholder_id_follows_the_first_name_typed() -> None:
    kit = Kit(title="T")
    kit.experts.append(new_expert(kit, "New expert"))
    assert kit.experts[0].id == "new-expert"
    assert followed_id(kit, "experts", 0, "Duyeon Kim") == "duyeon-kim"


def test_the_new_id_is_unique_and_an_unchanged_id_is_none() -> None:
    kit = kit_with(Expert(id="duyeon-kim", name="Duyeon Kim"),
                   Expert(id="new-expert", name="New expert"))
    assert followed_id(kit, "experts", 1, "Duyeon Kim") == "duyeon-kim-2"
    assert followed_id(kit, "experts", 0, "Duyeon  Kim") is None  # same slug


def test_an_id_chosen_by_the_user_or_used_elsewhere_stays() -> None:
    kit = kit_with(Expert(id="dk", name="Duyeon Kim"))
    assert followed_id(kit, "experts", 0, "Duyeon Kim-Lee") is None
    kit = kit_with(Expert(id="duyeon-kim", name="Duyeon Kim"))
    kit.quotes.append(Quote(id="q", expert="duyeon-kim", text="…"))
    assert followed_id(kit, "experts", 0, "Duyeon Kim-Lee") is None
    kit = kit_with(Expert(id="duyeon-kim", name="Duyeon Kim"))
    kit.sections.append(BiosSection(id="bios", experts=["duyeon-kim"]))
    assert followed_id(kit, "experts", 0, "Duyeon Kim-Lee") is None


def test_a_contact_in_a_contact_section_keeps_its_id() -> None:
    kit = Kit(title="T", contacts=[Contact(id="new-contact", name="New contact")])
    assert followed_id(kit, "contacts", 0, "Cole Stevens") == "cole-stevens"
    kit.sections.append(ContactSection(id="media", contact="new-contact"))
    assert followed_id(kit, "contacts", 0, "Cole Stevens") is None


def test_names_in_other_scripts_keep_a_readable_fallback() -> None:
    kit = kit_with(Expert(id="new-expert", name="New expert"))
    assert followed_id(kit, "experts", 0, "김민준") == "expert"

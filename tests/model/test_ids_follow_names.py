"""A new item's id is made from the name typed, not from its placeholder, until something
refers to it or the user has chosen another id."""

from __future__ import annotations

import pytest

from presskit.model.ids import is_valid_id, slugify
from presskit.model.kit import Contact, Expert, Kit, Quote, Resource
from presskit.model.operations import followed_id, new_expert
from presskit.model.sections import BiosSection, CalloutSection, ContactSection


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


def test_a_resource_in_a_callout_keeps_its_id() -> None:
    kit = Kit(title="T", resources=[Resource(id="new-resource", title="New resource")])
    assert followed_id(kit, "resources", 0, "Annual Report") == "annual-report"
    kit.sections.append(CalloutSection(id="read", resource="new-resource"))
    assert followed_id(kit, "resources", 0, "Annual Report") is None


def test_names_in_other_scripts_get_a_transliterated_id_not_a_placeholder() -> None:
    kit = kit_with(Expert(id="new-expert", name="New expert"))
    assert followed_id(kit, "experts", 0, "김민준") == "gimminjun"
    assert followed_id(kit, "experts", 0, "Сергей Иванов") == "sergey-ivanov"
    assert followed_id(kit, "experts", 0, "Ελένη Παπαδοπούλου") == "eleni-papadopoyloy"
    assert new_expert(kit, "山田 花子").id == "shantian-huazi"  # Mandarin readings of the Han
    assert new_expert(kit, "श्रेया").id == "sreya"


@pytest.mark.parametrize("name", ["김민준", "Сергей Иванов", "محمد علي", "Nguyễn Thị Minh",
                                  "王小明 (Wang Xiaoming)", "Zoë Ødegård", "☃", "—"])
def test_every_id_made_from_a_name_is_an_ascii_slug(name: str) -> None:
    made = slugify(name, "expert")
    assert is_valid_id(made) and made.isascii() and made == made.lower()


def test_a_name_with_latin_letters_keeps_the_id_it_always_had() -> None:
    assert slugify("王小明 (Wang Xiaoming)") == "wang-xiaoming"
    assert slugify("Zoë Ødegård") == "zoe-odegard"
    assert slugify("Nguyễn Thị Minh") == "nguyen-thi-minh"


def test_an_id_an_older_version_made_for_such_a_name_never_changes() -> None:
    # Saved when such names got a placeholder: editing the name leaves the id alone.
    kit = kit_with(Expert(id="expert", name="김민준"), Expert(id="expert-2", name="김민준"))
    assert followed_id(kit, "experts", 0, "김민준 (Kim Min-jun)") is None
    assert followed_id(kit, "experts", 1, "Kim Min-jun") is None

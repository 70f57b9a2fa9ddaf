"""Moving experts and quotes between the roster and a kit: "Add to kit", "Update from roster",
"Save to roster" — never a duplicate, always a preview of what will change."""

from __future__ import annotations

import copy

import pytest
from support.examples import CNAS_KIT

from presskit.library.merge import (
    FieldChange,
    add_to_kit,
    apply_addition,
    save_to_roster,
    updates_from_roster,
    with_changes,
)
from presskit.library.roster import Roster
from presskit.model import Expert, Kit, Quote, validate
from presskit.storage import load_kit


@pytest.fixture
def roster() -> Roster:
    kit = load_kit(CNAS_KIT).kit
    return Roster(experts=kit.experts, quotes=kit.quotes)


def test_add_to_kit_copies_the_chosen_experts_and_quotes_into_a_new_kit(roster: Roster) -> None:
    kit = Kit(title="Sanctions")
    addition = add_to_kit(kit, roster, ["elizabeth-rosenberg"],
                          ["rosenberg-inducements", "bhatiya-sanctions-relief"])
    # A chosen quote brings its expert along.
    assert [e.id for e in addition.experts] == ["elizabeth-rosenberg", "neil-bhatiya"]
    assert [q.expert for q in addition.quotes] == ["elizabeth-rosenberg", "neil-bhatiya"]
    apply_addition(kit, addition)
    assert not [p for p in validate(kit) if p.is_error]
    kit.experts[0].title = "Changed in the kit only"
    assert roster.expert("elizabeth-rosenberg").title != "Changed in the kit only"  # type: ignore[union-attr]


def test_adding_an_expert_the_kit_already_has_links_instead_of_duplicating(
    roster: Roster,
) -> None:
    kit = Kit(title="T", experts=[Expert(id="dk", name="DUYEON KIM")],
              quotes=[Quote(id="mine", expert="dk", text=roster.quotes[0].text)])
    addition = add_to_kit(kit, roster, ["duyeon-kim"], ["kim-summit-framing"])
    assert addition.experts == [] and addition.quotes == []
    assert addition.expert_ids == {"duyeon-kim": "dk"}
    assert addition.quote_ids == {"kim-summit-framing": "mine"}


def test_a_banked_quote_is_the_kits_own_only_when_the_same_expert_said_the_same_words(
    roster: Roster,
) -> None:
    # The kit quotes Duyeon Kim on something else, and a colleague in the words of her
    # banked quote (a joint statement): neither is her banked quote, which is added.
    words = roster.quote("kim-summit-framing").text  # type: ignore[union-attr]
    kit = Kit(title="T", experts=[Expert(id="dk", name="Duyeon Kim"),
                                  Expert(id="vj", name="Van Jackson")],
              quotes=[Quote(id="older", expert="dk", text="Talks need a chance to work."),
                      Quote(id="joint", expert="vj", text=words)])
    addition = add_to_kit(kit, roster, [], ["kim-summit-framing"])
    assert addition.experts == []
    assert [(q.id, q.expert, q.text) for q in addition.quotes] == [
        ("kim-summit-framing", "dk", words)]
    assert addition.quote_ids == {"kim-summit-framing": "kim-summit-framing"}


def test_added_items_get_fresh_ids_when_the_kit_uses_theirs_for_someone_else(
    roster: Roster,
) -> None:
    kit = Kit(title="T", experts=[Expert(id="duyeon-kim", name="Somebody Else")],
              quotes=[Quote(id="kim-summit-framing", expert="duyeon-kim", text="Other.")])
    addition = add_to_kit(kit, roster, [], ["kim-summit-framing"])
    assert [e.id for e in addition.experts] == ["duyeon-kim-2"]
    assert [(q.id, q.expert) for q in addition.quotes] == [("kim-summit-framing-2",
                                                            "duyeon-kim-2")]


def test_update_from_roster_shows_what_would_change_first(roster: Roster) -> None:
    kit = Kit(title="T", experts=[copy.deepcopy(roster.experts[0])])
    changed = copy.deepcopy(roster)
    changed.experts[0].title = "Senior Fellow"
    changed.experts[0].bio = ""  # empty in the roster: never erases the kit's bio
    kit.experts[0].bio = "Kit bio."
    updates = updates_from_roster(kit, changed)
    assert len(updates) == 1
    assert updates[0].expert_id == updates[0].roster_id == "duyeon-kim"
    assert updates[0].changes == (FieldChange(
        "title", "Adjunct Senior Fellow for Asia-Pacific Security", "Senior Fellow"),)
    assert with_changes(kit.experts[0], updates[0].changes).title == "Senior Fellow"
    assert updates_from_roster(kit, roster) == []  # nothing changed: nothing to update


def test_save_to_roster_adds_a_new_expert_with_their_quotes_once() -> None:
    kit = load_kit(CNAS_KIT).kit
    outcome = save_to_roster(Roster(), kit, "duyeon-kim")
    assert outcome.added and outcome.expert_id == "duyeon-kim"
    assert outcome.quotes_added == ["kim-summit-framing"]
    again = save_to_roster(outcome.roster, kit, "duyeon-kim")
    assert not again.added and again.changes == [] and again.quotes_added == []
    assert len(again.roster.experts) == 1 and len(again.roster.quotes) == 1


def test_save_to_roster_updates_the_existing_entry(roster: Roster) -> None:
    kit = load_kit(CNAS_KIT).kit
    kit.experts[0].email = "dkim@example.org"
    outcome = save_to_roster(roster, kit, "duyeon-kim", quote_ids=[])
    assert not outcome.added
    assert outcome.changes == [FieldChange("email", "", "dkim@example.org")]
    assert outcome.roster.expert("duyeon-kim").email == "dkim@example.org"  # type: ignore[union-attr]
    assert roster.expert("duyeon-kim").email == ""  # type: ignore[union-attr]

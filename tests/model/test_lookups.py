"""A kit finds its items by id quickly (an institute's kit holds thousands) and always finds
what a scan of the list would, however the lists were edited since the last look-up."""

from __future__ import annotations

import copy
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.model import Kit
from presskit.model.kit import Expert, Quote

IDS = st.sampled_from([f"id-{n}" for n in range(8)])
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 10), IDS),
        st.tuples(st.just("delete"), st.integers(0, 10), IDS),
        st.tuples(st.just("rename"), st.integers(0, 10), IDS),
        st.tuples(st.just("move"), st.integers(0, 10), st.integers(0, 10)),
        st.tuples(st.just("replace list"), st.integers(0, 3), IDS),
        st.tuples(st.just("look up"), st.integers(0, 0), IDS),
    ),
    max_size=40,
)


def scan(items: list[Expert], wanted: str) -> Expert | None:
    return next((item for item in items if item.id == wanted), None)


@settings(max_examples=150, deadline=None)
@given(EDITS)
def test_a_look_up_finds_what_a_scan_finds_after_any_edits(edits: list[tuple]) -> None:
    kit = Kit(title="t", experts=[Expert(id=f"id-{n}", name=str(n)) for n in range(4)])
    for kind, position, value in edits:
        experts = kit.experts
        if kind == "insert":
            experts.insert(position, Expert(id=value, name="new"))
        elif kind == "delete" and experts:
            del experts[position % len(experts)]
        elif kind == "rename" and experts:
            experts[position % len(experts)].id = value
        elif kind == "move" and experts:
            experts.insert(value % len(experts), experts.pop(position % len(experts)))
        elif kind == "replace list":
            kit.experts = [Expert(id=value, name="only")] * position
        ids = {e.id for e in kit.experts} | {value if isinstance(value, str) else "id-0"}
        for wanted in sorted(ids) + ["id-absent"]:
            if len({e.id for e in kit.experts}) == len(kit.experts):  # no duplicate ids
                assert kit.expert(wanted) is scan(kit.experts, wanted)
            else:  # duplicates (a validation error): some item with that id
                found = kit.expert(wanted)
                assert (found is None) == (scan(kit.experts, wanted) is None)
                assert found is None or found.id == wanted


def test_copies_and_snapshots_carry_no_index_and_build_their_own() -> None:
    kit = Kit(title="t", quotes=[Quote(id=f"q{n}", expert="e", text="x") for n in range(100)])
    assert kit.quote("q50") is kit.quotes[50]  # builds the index
    for copied in (pickle.loads(pickle.dumps(kit)), copy.deepcopy(kit), copy.copy(kit)):
        assert copied == kit
        assert copied.quote("q50") is copied.quotes[50]
    assert b"_indexes_by_id" not in pickle.dumps(kit)


def test_an_item_moved_or_renamed_in_place_is_found_under_its_new_id() -> None:
    kit = Kit(title="t", experts=[Expert(id=f"e{n}", name=str(n)) for n in range(10)])
    assert kit.expert("e3") is kit.experts[3]
    kit.experts[3].id = "renamed"
    assert kit.expert("e3") is None
    assert kit.expert("renamed") is kit.experts[3]
    kit.experts.reverse()
    assert kit.expert("e0") is kit.experts[9]

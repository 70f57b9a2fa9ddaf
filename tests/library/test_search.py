"""Roster search folds text so that letter case, accents and runs of any kind of space do
not count, on the fast path (plain ASCII) exactly as on the full one."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.library.names import fold
from presskit.library.roster import Roster, matches, search
from presskit.model.kit import Expert, Quote

CHARS = list("aZé e\u0301 \t\n\r\x0b\x0c\x1c\x1f\u00a0\u2000\u2029\u3000İßﬁ-_.") + ["Ǆ"]


def reference_fold(text: str) -> str:
    """The definition: casefold, drop combining marks after NFKD, one space per run."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", bare).strip()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(CHARS), max_size=40))
def test_folding_ignores_case_accents_and_runs_of_any_space(text: str) -> None:
    assert fold(text) == reference_fold(text)


def test_a_search_finds_every_word_whatever_the_case_accents_and_spacing() -> None:
    roster = Roster(experts=[
        Expert(id="a", name="José  Núñez", title="Fellow,\tAsia-Pacific Security"),
        Expert(id="b", name="Ana Example", title="Fellow, Defense"),
    ])
    assert [e.id for e in search(roster, "jose   SECUR")] == ["a"]
    assert [e.id for e in search(roster, "fellow")] == ["a", "b"]
    assert search(roster, "nunez defense") == []


def test_a_search_sees_an_edit_made_since_the_last_keystroke() -> None:
    """Folded texts are kept between keystrokes; an edited expert is searched as they are
    now, never as they were."""
    expert = Expert(id="a", name="José Núñez", title="Fellow, Defense", topics=["cyber"])
    roster = Roster(experts=[expert])
    assert [e.id for e in search(roster, "nunez cyber")] == ["a"]
    expert.name = "Ana Example"
    expert.topics.append("trade")
    assert search(roster, "nunez") == []
    assert [e.id for e in search(roster, "ana trade")] == ["a"]


def test_a_search_matches_every_word_in_the_expert_or_the_topics_of_their_quotes() -> None:
    kim = Expert("kim", "Duyeon Kim", title="Fellow")
    assert matches(kim, "kim korea", [Quote("q", "kim", "Talks.", topic="Korea")])
    assert not matches(kim, "kim korea")

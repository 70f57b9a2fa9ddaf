"""Whatever is pasted as an advisory, the parser gives a kit, and every warning names a line
of the pasted text: no exception, no hang."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from support.examples import SEED
from support.fuzz_settings import FUZZ, mutated, watchdog
from support.roster_data import dozen_experts

from presskit.library.advisory.parse import parse_advisory
from presskit.model import Kit

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEEDS = [
    SEED_TEXT,
    SEED_TEXT.replace("\n", "\r\n"),
    "\n".join(SEED_TEXT.splitlines()[:30]),
    "NEWS ADVISORY\nExperts available\n\nDuyeon Kim, Senior Fellow: \u201cTalks matter.\u201d\n"
    "Media Contact: Cole Stevens, press@example.org, 202-555-0100\n###\n",
]
ROSTER = dozen_experts()
ANY_TEXT = st.text(st.characters(codec=None), max_size=3000)


def assert_parses_with_placed_warnings(text: str, with_roster: bool) -> None:
    with watchdog(text):
        result = parse_advisory(text, roster=ROSTER if with_roster else None,
                                contact_email="press@example.org")
    assert isinstance(result.kit, Kit)
    lines = text.count("\n") + text.count("\r") + 1
    for problem in result.problems:
        assert 1 <= problem.line <= lines and problem.message, (problem, text)


@FUZZ
@given(mutated(SEEDS, text=ANY_TEXT), st.booleans())
def test_a_mutated_advisory_parses_with_every_warning_at_a_line(
        text: str, with_roster: bool) -> None:
    assert_parses_with_placed_warnings(text, with_roster)


# -- what the hostile-input tests found --------------------------------------------------------

def test_a_100_000_character_run_of_apostrophes_parses_without_hanging() -> None:
    # The e-mail pattern tried every apostrophe of the run as a start: 80 s.
    assert_parses_with_placed_warnings("'" * 100_000, with_roster=False)

"""Ctrl+B / Ctrl+I's text rule: the marked words print bold or italic, and the key again takes
the marks off, whatever the selection."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from presskit.gui.widgets.markup_keys import BOLD, ITALIC, toggle
from presskit.model.text import spans


def pressed(text: str, start: int, end: int, marker: str) -> str | None:
    edit = toggle(text, start, end, marker)
    return None if edit is None else text[:edit.start] + edit.replacement + text[edit.end:]


def styled(text: str) -> list[tuple[str, bool, bool]]:
    return [(s.text, s.bold, s.italic) for s in spans(text) if s.text.strip()]


def test_a_selected_word_prints_bold_and_the_spaces_beside_it_stay_plain() -> None:
    assert pressed("say hello world", 3, 10, BOLD) == "say **hello** world"
    assert styled("say **hello** world") == [("say ", False, False), ("hello", True, False),
                                             (" world", False, False)]


def test_with_no_selection_the_word_at_the_cursor_is_marked() -> None:
    assert pressed("say hello world", 6, 6, ITALIC) == "say *hello* world"
    assert pressed("say  world", 4, 4, BOLD) == "say **** world"


def test_the_key_again_takes_the_marks_off_with_or_without_the_stars_selected() -> None:
    assert pressed("say **hello** world", 6, 11, BOLD) == "say hello world"
    assert pressed("say **hello** world", 4, 13, BOLD) == "say hello world"


def test_each_paragraph_of_a_selection_is_marked_on_its_own() -> None:
    text = "one two\n\nthree four"
    assert pressed(text, 0, len(text), ITALIC) == "*one two*\n\n*three four*"


def test_bold_italic_is_refused_because_three_stars_would_print() -> None:
    assert pressed("say **hello** world", 6, 11, ITALIC) is None
    assert pressed("say *hello* world", 4, 11, BOLD) is None


words = st.text(alphabet="abcdé字 ", min_size=1, max_size=12).filter(lambda w: w.strip())


@given(before=words, word=words, after=words, marker=st.sampled_from([BOLD, ITALIC]))
def test_marking_then_unmarking_gives_the_text_back(
    before: str, word: str, after: str, marker: str
) -> None:
    text = f"{before} {word} {after}"
    start = len(before) + 1
    once = pressed(text, start, start + len(word), marker)
    assert once is not None
    core = word.strip()
    flag = (True, False) if marker == BOLD else (False, True)
    assert (core, *flag) in [(t.strip(), b, i) for t, b, i in styled(once)]
    edit = toggle(text, start, start + len(word), marker)
    assert edit is not None
    again = pressed(once, *edit.selection, marker)
    assert again == text

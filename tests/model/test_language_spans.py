"""``[words]{lang=tag}`` marks words in another language than the kit's (Pandoc's bracketed
span). The shared parser gives each piece of text its language; a tag that is none leaves the
words unmarked and is a warning at the line that holds it; the file keeps the markup as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.model.text import Span, spans
from presskit.storage import dumps_kit, format_problem, loads_kit


def test_a_span_gives_its_words_their_language_inside_the_emphasis() -> None:
    assert spans("She said [Bonjour *tout* le monde]{lang=fr}, **[ja]{lang=de-CH}**.") == [
        Span("She said "),
        Span("Bonjour ", lang="fr"),
        Span("tout", italic=True, lang="fr"),
        Span(" le monde", lang="fr"),
        Span(", "),
        Span("ja", bold=True, lang="de-CH"),
        Span("."),
    ]


def test_a_placeholder_inside_a_span_is_in_its_language() -> None:
    assert spans("[Écrivez à {email}]{lang=fr}", ["email"]) == [
        Span("Écrivez à ", lang="fr"), Span("", field="email", lang="fr")]


@pytest.mark.parametrize("text", [
    "[Bonjour]{lang=french}", "[Bonjour]{lang=}", "[Bonjour]{lang=f r}",
])
def test_a_span_whose_tag_is_no_language_tag_prints_its_words_unmarked(text: str) -> None:
    result = spans(text)
    assert "".join(span.text for span in result) in ("Bonjour", text)
    assert all(span.lang == "" for span in result)


@pytest.mark.parametrize("text", [
    "an [array]{index} of [brackets]", "[two\nlines]{lang=fr}", "a [nested [span]]{lang=fr}",
])
def test_what_is_not_a_span_stays_as_typed(text: str) -> None:
    result = spans(text)
    assert "".join(span.text for span in result) == text
    assert all(span.lang == "" for span in result)


KIT = """presskit: 1
kit:
  title: Headline
experts:
- id: kim
  name: Duyeon Kim
quotes:
- id: q1
  expert: kim
  text: |-
    She said [Bonjour]{lang=fr} twice.

    Then [hello]{lang=english} again.
"""


def test_a_bad_tag_is_a_warning_at_its_line_and_the_file_keeps_the_markup() -> None:
    loaded = loads_kit(KIT, Path("kit.presskit"))
    (problem,) = [p for p in loaded.problems if "lang=" in p.message]
    assert problem.where == ("quotes", 0, "text")
    assert format_problem(problem, "kit.presskit", loaded.source_map) == (
        "kit.presskit:10:9: warning: [hello]{lang=english}: 'english' is no language tag "
        "(use one like 'fr', 'de-CH' or 'zh-Hant'); the words are printed without marking "
        "their language")
    assert dumps_kit(loaded.kit, Path("kit.presskit")) == KIT


def test_neighbouring_spans_of_one_language_are_one_piece_in_that_language() -> None:
    assert spans("[Bonjour]{lang=fr}[ le monde]{lang=fr}, [ja]{lang=de}") == [
        Span("Bonjour le monde", lang="fr"), Span(", "), Span("ja", lang="de")]

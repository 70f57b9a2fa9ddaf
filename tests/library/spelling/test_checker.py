"""A kit's text is checked like a press officer would want: real misspellings are found,
and the names, addresses, placeholders and acronyms a kit is full of are left alone."""

from __future__ import annotations

import json

import pytest

from presskit.library.spelling import (
    Checker,
    dictionary_language,
    kit_names,
    load_dictionary,
    name_words,
    words_to_check,
)
from presskit.model import Brand, Contact, Expert, Kit


@pytest.fixture(scope="module")
def english() -> Checker:
    return Checker(load_dictionary("en"), "en")


def flagged(checker: Checker, text: str) -> list[str]:
    return [text[w.start:w.end] for w in checker.misspelled(text)]


def test_misspelled_words_are_found_where_they_are(english: Checker) -> None:
    text = "The goverment said teh talks will resume."
    words = english.misspelled(text)
    assert [w.text for w in words] == ["goverment", "teh"]
    assert [text[w.start:w.end] for w in words] == ["goverment", "teh"]


def test_addresses_placeholders_markup_numbers_and_acronyms_are_not_checked(
    english: Checker,
) -> None:
    text = ("Write to {name} at kim@cnas.org or see https://www.cnas.org/reserch, cnas.org/x "
            "and www.exmple.com. **Bold** and *italic* stay; NATO, DPRK, F-35, 3rd, COVID19, "
            "iPhone and McKinsey too; [en el mundo]{lang=es} is Spanish.")
    assert flagged(english, text) == []


def test_words_inside_markup_and_hyphens_are_still_checked(english: Checker) -> None:
    assert flagged(english, "**Mispeled** and *wrnog* and well-knwn") == [
        "Mispeled", "wrnog", "knwn"]
    assert flagged(english, "a pre-summit talk, a co-founder, and a pre alone") == ["pre"]


def test_the_kits_own_names_are_not_underlined() -> None:
    kit = Kit(
        title="t",
        brand=Brand(organisation="Haverford Institut", short_name="HVRI"),
        experts=[Expert(id="kim", name="Duyeon Kim")],
        contacts=[Contact(id="c", name="Jo Wrzesniewski")],
    )
    checker = Checker(load_dictionary("en"), "en", name_words(kit_names(kit)))
    text = "Duyeon Kim's view, says Wrzesniewski of Haverford Institut; Duyeon’s point."
    assert flagged(checker, text) == []
    assert flagged(Checker(load_dictionary("en"), "en"), text) == [
        "Duyeon", "Wrzesniewski", "Haverford", "Institut", "Duyeon’s"]


def test_british_spelling_passes_unless_the_kit_is_american(english: Checker) -> None:
    text = "The organisation's favourite colour, the theatre centre, defence analysed."
    assert flagged(english, text) == []
    assert flagged(Checker(load_dictionary("en"), "en-US"), text) == [
        "organisation's", "favourite", "colour", "centre", "defence", "analysed"]


def test_suggestions_offer_the_right_word_first_in_the_words_capitalisation(
    english: Checker,
) -> None:
    assert english.suggestions("goverment")[0] == "government"
    assert english.suggestions("Recieve")[0] == "Receive"
    assert english.suggestions("teh")[0] == "the"
    assert len(english.suggestions("teh", limit=3)) == 3


def test_the_kits_language_picks_the_dictionary_by_its_primary_subtag() -> None:
    assert dictionary_language("en-GB") == "en"
    assert dictionary_language("de-CH") == "de"
    assert dictionary_language("pt-BR") == "pt"
    assert dictionary_language("ja") is None
    assert dictionary_language("zh-Hant") is None
    with pytest.raises(ValueError, match="no spelling dictionary"):
        load_dictionary("ja")


def test_a_foreign_passage_is_checked_when_it_is_in_the_kits_language() -> None:
    text = "Il a dit [bonjour le mondee]{lang=fr} hier"
    assert [w.text for w in words_to_check(text, "fr")] == [
        "Il", "dit", "bonjour", "le", "mondee", "hier"]
    assert [w.text for w in words_to_check(text, "en")] == ["Il", "dit", "hier"]


def test_a_huge_field_is_checked_only_up_to_a_bound() -> None:
    words = words_to_check("word " * 1_000_000)
    assert 0 < len(words) <= 20_000 // 5


def test_a_pathological_address_like_text_is_checked_in_linear_time() -> None:
    # "a.a.a.…" never ends in a top-level domain; a backtracking pattern took seconds.
    assert words_to_check("a." * 9_000 + " done")[-1].text == "done"


def test_a_word_list_is_parsed_in_slices_that_hold_every_entry_once() -> None:
    from presskit.library.spelling.dictionaries import _slices

    text = '{\n"a": 1,\n"b, \\"c": 2,\n"D": 3, "e": 4}'
    pieces = list(_slices(text, size=3))
    assert len(pieces) > 1
    merged: dict[str, int] = {}
    for piece in pieces:
        merged.update(json.loads(piece))
    assert merged == json.loads(text)


@pytest.mark.parametrize("typo", ["governmen", "governmenr", "governmentt"])
def test_a_slip_at_the_end_of_a_word_is_suggested_away_too(english: Checker,
                                                         typo: str) -> None:
    # A letter missing, wrong or doubled at the very end: one edit at the last places.
    assert english.suggestions(typo)[0] == "government"


def test_a_list_with_capitals_is_read_lower_cased_and_a_word_in_two_cases_adds_its_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gzip

    from presskit.library.spelling import dictionaries

    listed = {"The": 3, "the": 5, "Kim": 2, "talks": 7}
    packed = gzip.compress(json.dumps(listed).encode())
    monkeypatch.setattr(dictionaries.pkgutil, "get_data", lambda package, name: packed)
    words = dictionaries._read_list("xx")
    assert words == {"the": 8, "kim": 2, "talks": 7}
    assert dictionaries.Dictionary("xx", words).suggestions("thr")[:1] == ["the"]

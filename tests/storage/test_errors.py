"""A bad project file is refused with ``file:line:col: error: what`` for every problem in it.

Each test feeds one kind of bad input and checks the exact message and position a user would
see in the terminal or the error dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.model import KitProblems, PresskitError, Problem, Severity
from presskit.storage import ProjectFileError, format_problem, load_kit, loads_kit

NAME = Path("kit.presskit")


def refusal(text: str) -> list[str]:
    """The error lines a user sees when opening ``text`` as ``kit.presskit``."""
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, NAME)
    return str(caught.value).splitlines()


def test_a_yaml_syntax_error_is_reported_at_the_markers_line_and_column() -> None:
    assert refusal("presskit: 1\nkit:\n  title: U.S.: talks\n") == [
        "kit.presskit:3:14: error: invalid YAML: a ': ' is not allowed here: put text that "
        "contains ': ' in quotes, or indent this line like the lines it belongs to"
    ]


def test_an_unclosed_bracket_is_a_syntax_error_and_stops_reading_at_once() -> None:
    lines = refusal("presskit: 1\nkit: {title: X\nbrand: [\n")
    assert len(lines) == 1
    assert lines[0].startswith("kit.presskit:3:6: error: invalid YAML:")


def test_a_bracket_or_quote_never_closed_is_reported_where_it_was_opened() -> None:
    assert refusal("presskit: 1\nkit: [unclosed\n") == [
        "kit.presskit:2:6: error: invalid YAML: a flow sequence starting here is never closed "
        "(expected ',' or ']', but got '<stream end>')"
    ]
    assert refusal("presskit: 1\nkit:\n  title: 'Talks\n\n") == [
        "kit.presskit:3:10: error: invalid YAML: a quoted string starting here is never closed "
        "(found unexpected end of stream)"
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("presskit: 1\nexperts:\n- id: kim\n name: Kim\n",
     "kit.presskit:4:2: error: invalid YAML: this line is indented differently from the lines "
     "above it"),
    ("presskit: 1\nkit:\n  title: X\n  text: |\n  a line of text\n  date: 2019-09-20\n",
     "kit.presskit:5:3: error: invalid YAML: this line is neither 'key: value' nor part of the "
     "text above it: add the ':' or indent it like the lines it belongs to"),
    ("presskit: 1\nkit:\n\ttitle: X\n",
     "kit.presskit:3:1: error: invalid YAML: a tab cannot indent a line; use spaces"),
])
def test_common_slips_of_hand_editing_are_explained_in_plain_words(
        text: str, expected: str) -> None:
    assert refusal(text) == [expected]


def test_a_control_character_in_the_file_is_refused_with_its_position() -> None:
    assert refusal("presskit: 1\nkit:\n  title: bell\x07\n") == [
        "kit.presskit:3:14: error: invalid YAML: the character U+0007 may not appear in a "
        'YAML file (write it inside double quotes as an escape, e.g. "\\x01")'
    ]


def test_an_empty_file_is_refused_without_a_position() -> None:
    assert refusal("") == [
        "kit.presskit: error: the file is empty; a presskit file starts with 'presskit: 1'"
    ]


def test_a_top_level_that_is_not_a_mapping_is_refused() -> None:
    assert refusal("- presskit\n- 1\n") == [
        "kit.presskit:1:1: error: expected a presskit document (key: value lines starting "
        "with 'presskit: 1'), got a list"
    ]


def test_a_missing_format_version_is_an_error_that_says_how_to_fix_it() -> None:
    assert refusal("kit:\n  title: X\n") == [
        "kit.presskit:1:1: error: missing required field 'presskit' (the format version): "
        "add 'presskit: 1' as the first line"
    ]


def test_a_file_from_a_newer_presskit_is_refused_naming_both_versions() -> None:
    assert refusal("presskit: 3\nkit:\n  title: X\n  shiny_new_thing: true\n") == [
        "kit.presskit:1:11: error: this file was written by a newer presskit (format version "
        "3); this presskit reads format version 1 — update presskit"
    ]


def test_a_format_version_that_is_not_a_number_is_an_error() -> None:
    assert refusal("presskit: one\nkit: {title: X}\n") == [
        "kit.presskit:1:11: error: presskit: the format version must be a whole number like "
        "1, got 'one'"
    ]


WRONG_TYPES = """\
presskit: 1
kit:
  title: X
  date: next tuesday
  status: done
  embargo:
    zone: UTC
brand:
  margins: {top: wide}
  page_size: A5
experts:
- id: kim
  name: Kim
  topics: North Korea
- id: lee
  topics: [alliances, {China: 1}]
- just a name
sections:
- type: lead
  hidden: maybe
- type: sidebar
- id: nameless
"""


def test_every_wrong_value_in_a_file_is_reported_at_once_each_at_its_place() -> None:
    assert refusal(WRONG_TYPES) == [
        "kit.presskit:4:9: error: kit.date: expected a date like 2019-09-20, got 'next tuesday'",
        "kit.presskit:5:11: error: kit.status: expected one of draft, final, got 'done'",
        "kit.presskit:7:5: error: kit.embargo: missing required field 'until'",
        "kit.presskit:9:18: error: brand.margins.top: expected a number of millimetres "
        "(0 or more), got 'wide'",
        "kit.presskit:10:14: error: brand.page_size: expected one of letter, a4, got 'A5'",
        "kit.presskit:14:11: error: experts[0].topics: expected a list, got 'North Korea'",
        "kit.presskit:15:3: error: experts[1] ('lee'): missing required field 'name'",
        "kit.presskit:16:23: error: experts[1].topics[1]: expected text, got a mapping",
        "kit.presskit:17:3: error: experts[2]: expected an item (key: value lines), "
        "got 'just a name'",
        "kit.presskit:20:11: error: sections[0].hidden: expected true or false, got 'maybe'",
        "kit.presskit:21:9: error: sections[1].type: unknown section type 'sidebar'; the "
        "section types are lead, contact, callout, quotes, text, bios, about",
        "kit.presskit:22:3: error: sections[2]: missing required field 'type' (one of lead, "
        "contact, callout, quotes, text, bios, about)",
    ]


def test_an_impossible_date_and_a_malformed_embargo_time_are_refused() -> None:
    assert refusal(
        "presskit: 1\nkit:\n  title: X\n  date: 2019-02-30\n  embargo:\n    until: 9am\n"
    ) == [
        "kit.presskit:4:9: error: kit.date: expected a date like 2019-09-20, got '2019-02-30' "
        "(there is no such day)",
        "kit.presskit:6:12: error: kit.embargo.until: expected a date and time like "
        "2019-09-20 09:00, got '9am'",
    ]


def test_text_where_a_mapping_belongs_is_an_error() -> None:
    assert refusal("presskit: 1\nkit: Renewed talks\n") == [
        "kit.presskit:2:6: error: kit: expected a mapping (key: value lines), "
        "got 'Renewed talks'"
    ]


def test_a_missing_required_field_names_the_item_that_lacks_it() -> None:
    text = "presskit: 1\nkit: {title: X}\nquotes:\n- id: kim-1\n  text: Hello\n"
    assert refusal(text) == [
        "kit.presskit:4:3: error: quotes[0] ('kim-1'): missing required field 'expert'"
    ]


def test_a_duplicate_key_is_reported_at_the_second_occurrence() -> None:
    assert refusal("presskit: 1\nkit:\n  title: X\n  series: A\n  series: B\n") == [
        "kit.presskit:5:3: error: duplicate key 'series' (first at line 4); this one is ignored"
    ]


def test_anchors_and_aliases_are_refused_where_they_are_written() -> None:
    assert refusal("presskit: 1\nkit:\n  title: &t Talks\n  series: *t\n") == [
        "kit.presskit:3:10: error: YAML anchors/aliases are not supported (&t)",
        "kit.presskit:4:11: error: YAML anchors/aliases are not supported (*t)",
    ]


def test_a_billion_laughs_file_is_refused_quickly_without_expanding_it() -> None:
    layers = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    layers += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    lines = refusal("presskit: 1\nkit: {title: X}\n" + "\n".join(layers) + "\n")
    assert len(lines) == 10 + 9 * 10
    assert all("YAML anchors/aliases are not supported" in line for line in lines)


def test_yaml_tags_are_refused_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        "presskit: 1\n"
        "kit:\n"
        f"  title: !!python/object/apply:os.system ['touch {marker}']\n"
        "  series: !!str 2020\n"
    )
    assert refusal(text) == [
        "kit.presskit:3:10: error: YAML tags such as !!python/object/apply:os.system are not "
        "allowed",
        "kit.presskit:4:11: error: YAML tags such as !!str are not allowed",
    ]
    assert not marker.exists()


def test_merge_keys_and_list_keys_are_refused() -> None:
    assert refusal("presskit: 1\nkit:\n  title: X\n  <<: {series: Y}\n  ? [a, b]\n  : c\n") == [
        "kit.presskit:4:3: error: YAML merge keys ('<<') are not supported",
        "kit.presskit:5:5: error: a key must be a plain word, not a list or mapping",
    ]


def test_a_dangling_reference_is_reported_at_the_reference_naming_both_ends() -> None:
    text = (
        "presskit: 1\n"
        "kit: {title: X}\n"
        "experts:\n"
        "- {id: kim, name: Kim}\n"
        "quotes:\n"
        "- id: kim-1\n"
        "  expert: dkim\n"
        "  text: Hello\n"
        "sections:\n"
        "- type: quotes\n"
        "  quotes: [kim-1, gone]\n"
    )
    assert refusal(text) == [
        "kit.presskit:7:11: error: quote 'kim-1' refers to expert 'dkim', which is not defined",
        "kit.presskit:11:19: error: section 'quotes' refers to quote 'gone', which is not "
        "defined",
    ]


def test_validation_positions_follow_document_items_even_after_a_skipped_one() -> None:
    text = (
        "presskit: 1\n"
        "kit: {title: X}\n"
        "sections:\n"
        "- type: sidebar\n"
        "- type: quotes\n"
        "  quotes: [gone]\n"
    )
    assert refusal(text)[1] == (
        "kit.presskit:6:12: error: section 'quotes' refers to quote 'gone', which is not defined"
    )


def test_duplicate_ids_are_reported_at_the_second_id() -> None:
    text = (
        "presskit: 1\n"
        "kit: {title: X}\n"
        "contacts:\n"
        "- {id: cole, name: Cole, email: press@example.org}\n"
        "- {id: cole, name: Nicole, email: nicole@example.org}\n"
    )
    assert refusal(text) == [
        "kit.presskit:5:8: error: duplicate id 'cole' in contacts: item 2 has the same id as "
        "item 1"
    ]


def test_a_problem_is_not_reported_twice_by_reading_and_by_validation() -> None:
    # The missing name is one error, not also "expert 'kim' has no name".
    assert refusal("presskit: 1\nkit: {title: X}\nexperts:\n- id: kim\n") == [
        "kit.presskit:4:3: error: experts[0] ('kim'): missing required field 'name'"
    ]


def test_the_error_carries_problems_path_and_source_map_for_the_gui_and_cli() -> None:
    with pytest.raises(ProjectFileError) as caught:
        loads_kit("presskit: 1\nkit:\n  title: X\n  date: soon\nsurprise: 1\n", NAME)
    error = caught.value
    assert isinstance(error, KitProblems) and isinstance(error, PresskitError)
    assert error.path == NAME
    assert [p.where for p in error.problems] == [("kit", "date"), ("contacts",), ("surprise",)]
    assert [format_problem(p, error.path, error.source_map) for p in error.problems][2] == (
        "kit.presskit:5:1: warning: unknown key 'surprise' at the top level (kept as is)"
    )


def test_a_missing_file_is_refused_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "gone.presskit"
    with pytest.raises(ProjectFileError) as caught:
        load_kit(missing)
    assert str(caught.value) == (
        f"{missing}: error: cannot read the file: no such file or directory"
    )


def test_a_folder_is_not_a_project_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as caught:
        load_kit(tmp_path)
    assert str(caught.value) == f"{tmp_path}: error: cannot read the file: is a directory"


def test_a_file_that_is_not_utf8_is_refused_at_the_bad_byte(tmp_path: Path) -> None:
    project = tmp_path / "latin1.presskit"
    project.write_bytes("presskit: 1\nkit:\n  title: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ProjectFileError) as caught:
        load_kit(project)
    assert str(caught.value) == (
        f"{project}:3:13: error: the file is not UTF-8 text (byte 0xe9); "
        "save it with UTF-8 encoding"
    )


def test_a_required_text_field_of_the_wrong_kind_is_an_error_not_a_crash() -> None:
    text = (
        "presskit: 1\n"
        "kit: {title: X}\n"
        "experts:\n"
        "- {id: kim, name: [Duyeon, Kim]}\n"
        "quotes:\n"
        "- id: kim-1\n"
        "  expert: kim\n"
        "  text: {said: Hello}\n"
    )
    assert refusal(text) == [
        "kit.presskit:4:19: error: experts[0].name: expected text, got a list",
        "kit.presskit:8:9: error: quotes[0].text: expected text, got a mapping",
    ]


def test_an_expert_without_a_name_is_named_by_id_in_the_other_messages() -> None:
    text = (
        "presskit: 1\n"
        "kit: {title: X}\n"
        "experts:\n"
        "- id: kim\n"
        "quotes:\n"
        "- {id: kim-1, expert: kim, text: Hello}\n"
    )
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, NAME)
    messages = [p.message for p in caught.value.problems]
    assert "expert 'kim' has no title" in messages
    assert "expert '' has no title" not in messages


def test_a_message_spanning_lines_is_reported_on_one_line() -> None:
    # A library's complaint may span lines (ReportLab's renderPM did); each problem stays one
    # ``file:line:col`` line, so editors and CI annotations read every one of them.
    problem = Problem(Severity.WARNING, "logo x.svg cannot be used: cannot draw\n  backend\r\n"
                      "missing; the masthead is shown without it", ("brand", "logo"))
    assert format_problem(problem, "kit.presskit", None) == (
        "kit.presskit: warning: logo x.svg cannot be used: cannot draw backend missing; the "
        "masthead is shown without it")

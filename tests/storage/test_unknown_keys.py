"""Keys presskit does not know are warned about, kept, and written back: nothing typed is lost.

A press officer (or a newer tool) may add notes to a file by hand; opening and saving it in
this presskit must not throw them away.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.storage import dumps_kit, format_problem, loads_kit

NAME = Path("kit.presskit")

ANNOTATED = """\
presskit: 1
kit:
  title: Talks
  desk_note: check with legal
  embargo:
    until: 2019-09-20 09:00
    zone: UTC
    reason: summit
brand:
  organisation: CNAS
  colors:
    highlight: '#FFEE00'
  print_shop: Acme
contacts:
- id: cole
  name: Cole Stevens
  email: press@example.org
  slack: '@cole'
experts:
- id: kim
  name: Duyeon Kim
  title: Fellow
  office: {room: 12, floor: 3}
quotes:
- id: kim-1
  expert: kim
  text: Hello.
  approval:
    state: approved
    ticket: 123
  word_count: 1
sections:
- type: contact
  id: contact
  hidden: false
  contact: cole
  layout: wide
- type: quotes
  id: quotes
  hidden: false
  quotes: [kim-1]
workflow:
  reviewed: 2019-09-19
  reviewers: [ana, ben]
"""


def test_unknown_keys_are_reported_as_warnings_with_their_position() -> None:
    loaded = loads_kit(ANNOTATED, NAME)
    lines = [format_problem(p, NAME, loaded.source_map) for p in loaded.problems]
    assert lines == [
        "kit.presskit:4:3: warning: unknown key 'desk_note' in kit (kept as is)",
        "kit.presskit:8:5: warning: unknown key 'reason' in kit.embargo (kept as is)",
        "kit.presskit:12:5: warning: unknown key 'highlight' in brand.colors (kept as is)",
        "kit.presskit:13:3: warning: unknown key 'print_shop' in brand (kept as is)",
        "kit.presskit:18:3: warning: unknown key 'slack' in contacts[0] (kept as is)",
        "kit.presskit:23:3: warning: unknown key 'office' in experts[0] (kept as is)",
        "kit.presskit:30:5: warning: unknown key 'ticket' in quotes[0].approval (kept as is)",
        "kit.presskit:31:3: warning: unknown key 'word_count' in quotes[0] (kept as is)",
        "kit.presskit:37:3: warning: unknown key 'layout' in sections[0] (kept as is)",
        "kit.presskit:42:1: warning: unknown key 'workflow' at the top level (kept as is)",
    ]
    assert {p.severity.value for p in loaded.problems} == {"warning"}


def test_unknown_keys_are_kept_in_the_extra_dict_of_their_owner() -> None:
    kit = loads_kit(ANNOTATED, NAME).kit
    assert kit.extra == {
        "kit": {"desk_note": "check with legal", "embargo": {"reason": "summit"}},
        "workflow": {"reviewed": dt.date(2019, 9, 19), "reviewers": ["ana", "ben"]},
    }
    assert kit.brand.extra == {"colors": {"highlight": "#FFEE00"}, "print_shop": "Acme"}
    assert kit.contacts[0].extra == {"slack": "@cole"}
    assert kit.experts[0].extra == {"office": {"room": 12, "floor": 3}}
    assert kit.quotes[0].extra == {"approval": {"ticket": 123}, "word_count": 1}
    assert kit.sections[0].extra == {"layout": "wide"}


def test_unknown_keys_are_written_back_at_the_end_of_their_mapping() -> None:
    saved = dumps_kit(loads_kit(ANNOTATED, NAME).kit, NAME)
    assert "  title: Talks\n  embargo:\n    until: 2019-09-20 09:00\n    zone: UTC\n" \
           "    reason: summit\n  desk_note: check with legal\n" in saved
    assert "  colors:\n    highlight: '#FFEE00'\n  print_shop: Acme\n" in saved
    assert "  email: press@example.org\n  slack: '@cole'\n" in saved
    assert "  office:\n    room: 12\n    floor: 3\n" in saved
    assert "  approval:\n    state: approved\n    ticket: 123\n  word_count: 1\n" in saved
    assert "  contact: cole\n  layout: wide\n" in saved
    assert saved.endswith("workflow:\n  reviewed: 2019-09-19\n  reviewers:\n  - ana\n  - ben\n")


def test_a_file_with_unknown_keys_is_stable_from_its_first_save_on() -> None:
    saved = dumps_kit(loads_kit(ANNOTATED, NAME).kit, NAME)
    again = loads_kit(saved, NAME)
    assert again.kit == loads_kit(ANNOTATED, NAME).kit
    assert dumps_kit(again.kit, NAME) == saved


def test_unknown_values_keep_their_yaml_meaning_even_odd_ones() -> None:
    text = "presskit: 1\nkit: {title: T}\nodd: {2: two, 'yes': 0b_, on: ~, 1: one}\n"
    kit = loads_kit(text, NAME).kit
    # ``1`` would clash with ``True`` (``on``) as a Python key, so it is kept as the text "1".
    assert kit.extra == {"odd": {2: "two", "yes": "0b_", True: None, "1": "one"}}

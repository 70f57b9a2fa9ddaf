"""Project files written by libyaml are byte for byte what PyYAML's Python emitter wrote.

Files users already have were written by the pure-Python emitter; the faster libyaml path must
never change a byte of them. Every comparison here is against ``yaml_reference``, a frozen copy
of the original dumper, on arbitrary documents, on kits with arbitrary text in every text field
of every record of the schema, and on what reopening a saved kit and saving it again gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.yaml_reference import reference_dumps

from presskit.library import roster_file
from presskit.library.roster import BrandPreset, Roster
from presskit.model import BUILTIN_FONTS, Colors, Embargo, Expert, Kit, Margins, Quote
from presskit.storage import dumper, load_kit, loads_kit, save_kit
from presskit.storage.dumper import (
    DateTimeText,
    FlowList,
    FlowMap,
    LiteralText,
    NeedsPython,
    c_dumps,
    dumps_data,
    python_dumps,
)
from presskit.storage.schema import (
    BRAND,
    CONTACT,
    EXPERT,
    KIT,
    QUOTE,
    RESOURCE,
    SECTIONS,
    Field,
    Kind,
    Record,
)
from presskit.storage.writer import _date_time_text, _DocumentWriter, dumps_kit

PROJECT = Path("/projects/advisories/kit.presskit")  # never touched on disk
BASE = PROJECT.parent

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

# --- strategies ---------------------------------------------------------------------------

#: Where the two emitters could part ways: YAML's indicators and line breaks, spaces, control
#: characters, the BOM and non-characters, the private-use area (the C path's placeholders),
#: characters past U+FFFF (U+10FFFF, which Python finds unprintable, among them), surrogates.
AWKWARD_CHARS = [
    "\n", "\n", "\r", " ", " ", "\t", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\xa0",
    "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ue000", "\ue001", "\uf8ff", "😀", "𠀋",
    "\U0001f3f3", "\U0010fffe", "\U0010ffff", "é", "中", ":", "#", "-", "?", "'", '"', "|", ">",
    "[", "]", "{", "}", ",", "&", "*", "!", "%", "@", "`", ".", "0", "1", "~", "y", "N", "\\",
]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
#: Whole strings the alphabet rarely hits: lookalikes of other types, document markers, keys
#: at the simple-key limits of both emitters, long lines (the width is unlimited).
AWKWARD_STRINGS = [
    "", "yes", "No", "null", "~", "1e3", "0x1F", "0o17", "1_000", "12:30", ".5", "-.inf",
    "2019-09-20", "2019-09-20 09:00:00", "<<", "=", "---", "...", "- x", "? x", ": x", "a: b",
    "a #b", "123\n", "x\n\n", "\n", "\n\n", " \n", "a \nb", "\na", " a", "a ",
    "2000-01-01 00:00:00.000001",
]
#: Repeated at draw time (as text in the strategy they would swamp Hypothesis's reports).
REPEATED = st.builds(
    lambda unit, times: (unit * times).strip(),
    st.sampled_from(["k", "中", "😀", "word ", "x"]),
    st.sampled_from([25, 26, 33, 34, 42, 43, 100, 101, 122, 123, 128, 129, 1000, 5000]),
)


def alphabet(surrogates: bool) -> st.SearchStrategy[str]:
    chars = AWKWARD_CHARS + (SURROGATES if surrogates else [])
    return st.sampled_from(chars) | st.characters(exclude_categories=("Cs",))


def texts(surrogates: bool = False) -> st.SearchStrategy[str]:
    awkward = st.sampled_from(AWKWARD_STRINGS) | REPEATED
    return (
        st.text(alphabet(surrogates), max_size=12)
        | awkward
        | st.builds(lambda a, b: a + b, awkward, st.text(alphabet(surrogates), max_size=4))
    )


def key_texts(surrogates: bool = False, odd: bool = True) -> st.SearchStrategy[str]:
    """Mostly keys the C path writes itself; with ``odd`` now and then one it hands to Python
    (empty, with ``\\r``, past the simple-key limits), which would otherwise hide the rest."""
    usual = st.text(alphabet(surrogates), min_size=1, max_size=10).filter(lambda k: "\r" not in k)
    return usual | usual | usual | usual | texts(surrogates) if odd else usual


TEXT = texts()
ANY_TEXT = texts(surrogates=True)
DATE_TIMES = st.datetimes(timezones=st.none() | st.just(dt.UTC))
SCALARS = (
    ANY_TEXT | ANY_TEXT.map(LiteralText) | DATE_TIMES.map(_date_time_text).map(DateTimeText)
    | st.none() | st.booleans() | st.integers() | st.floats() | st.dates() | DATE_TIMES
)
KEYS = (key_texts(surrogates=True) | st.integers() | st.none() | st.booleans() | st.dates()
        | st.floats())
DOCUMENTS = st.dictionaries(key_texts(surrogates=True), st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.lists(inner, max_size=3).map(FlowList)
    | st.dictionaries(KEYS, inner, max_size=3)
    | st.dictionaries(KEYS, inner, max_size=3).map(FlowMap),
    max_leaves=10,
), min_size=1, max_size=4)


def plain(keys: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Unknown keys' values: what the reader builds from YAML (no marker types)."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | TEXT | st.dates() | DATE_TIMES | st.floats(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
        max_leaves=5,
    )


#: A kit holds a score of these, so an odd key in any would send nearly every kit to Python:
#: the odd keys are the document property's business.
USUAL_KEYS = key_texts(odd=False) | st.integers() | st.none() | st.booleans() | st.dates()
EXTRAS = st.dictionaries(USUAL_KEYS, plain(USUAL_KEYS), max_size=2)
#: Keys of other types can clash in a file (``null`` and ``None``, ``1`` and ``'1'``).
FILE_EXTRAS = st.dictionaries(key_texts(odd=False), plain(key_texts(odd=False)), max_size=2)
SEGMENT = TEXT.map(lambda s: s.replace("/", "").replace("\x00", "") or "x").filter(
    lambda s: s not in (".", "..")
)
PATHS = st.builds(
    lambda folder, name: folder / name,
    st.sampled_from([BASE, BASE / "assets", BASE.parent / "shared", Path("/elsewhere")]), SEGMENT,
)


def field_values(field: Field) -> st.SearchStrategy[Any]:
    """Anything a model field of this kind can hold; every text is arbitrary text."""
    match field.kind:
        case Kind.TEXT | Kind.LONG_TEXT:
            return TEXT
        case Kind.TEXT_LIST:
            return st.lists(TEXT, max_size=3)
        case Kind.PATH:
            return st.none() | PATHS
        case Kind.FONT:
            return st.sampled_from(BUILTIN_FONTS) | PATHS
        case Kind.BOOL:
            return st.booleans()
        case Kind.NUMBER:
            return st.integers(-(2**60), 2**60) | st.floats()
        case Kind.DATE:
            return st.dates() if field.required else st.none() | st.dates()
        case Kind.DATE_TIME:
            return st.datetimes()
        case Kind.DAY_OR_TIME:
            return st.none() | st.dates() | st.datetimes()
        case Kind.COUNT:
            return st.integers(0, 100_000)
        case Kind.CHOICE:
            assert field.choices is not None
            return st.sampled_from(list(field.choices))
        case Kind.RECORD:
            assert field.record is not None
            nested = records(field.record)
            return st.none() | nested if field.key in ("embargo", "request") else nested
    raise AssertionError(field.kind)


@st.composite
def records(draw: st.DrawFn, record: Record, extras: st.SearchStrategy[Any] = EXTRAS) -> Any:
    values = {f.key: draw(field_values(f)) for f in record.fields}
    if record.has_extra:
        values["extra"] = draw(extras)
    return record.cls(**values)


@st.composite
def any_kits(draw: st.DrawFn, extras: st.SearchStrategy[Any] = EXTRAS) -> Kit:
    """A kit with arbitrary text in every text field of every record (ids and references
    included: writing does not check them)."""
    values = {f.key: draw(field_values(f)) for f in KIT.fields}
    lists = {key: draw(st.lists(records(record, extras), max_size=2)) for key, record in (
        ("contacts", CONTACT), ("experts", EXPERT), ("quotes", QUOTE), ("resources", RESOURCE))}
    sections = draw(st.lists(st.sampled_from(list(SECTIONS.values())).flatmap(
        lambda record: records(record, extras)), max_size=3))
    extra = draw(extras)
    if draw(st.booleans()):
        extra["kit"] = draw(extras)
    return Kit(**values, brand=draw(records(BRAND, extras)), **lists, sections=sections,
               extra=extra)


@st.composite
def valid_kits(draw: st.DrawFn) -> Kit:
    """``any_kits`` made valid for reopening: real ids, references that resolve, names and
    titles that are not blank, colours, zones and margins the reader accepts."""
    kit = draw(any_kits(FILE_EXTRAS))
    ids = (f"id-{n}" for n in itertools.count())

    def named(text: str) -> str:
        return text if text.strip() else f"N{text}"

    kit.title = named(kit.title)
    for item in (*kit.contacts, *kit.experts, *kit.quotes, *kit.resources, *kit.sections):
        item.id = next(ids)
    for item in (*kit.contacts, *kit.experts):
        item.name = named(item.name)
    expert_ids = [e.id for e in kit.experts]
    kit.quotes = [dataclasses.replace(q, expert=draw(st.sampled_from(expert_ids)))
                  for q in kit.quotes] if expert_ids else []
    for quote in kit.quotes:  # a deadline before the day asked is an error
        request = quote.request
        if request is not None and request.deadline is not None and (
                dt.date(request.deadline.year, request.deadline.month, request.deadline.day)
                < request.asked):
            quote.request = dataclasses.replace(request, deadline=None)
    for resource in kit.resources:
        resource.title = named(resource.title)
        resource.expert = draw(st.sampled_from(["", *expert_ids]))
    references = {"contact": [c.id for c in kit.contacts],
                  "resource": [r.id for r in kit.resources]}
    for section in kit.sections:
        for key, choices in references.items():
            if hasattr(section, key):
                setattr(section, key, draw(st.sampled_from(["", *choices])))
        if hasattr(section, "quotes"):
            section.quotes = draw(st.lists(st.sampled_from([q.id for q in kit.quotes] or [""]),
                                           max_size=2)) if kit.quotes else []
        if hasattr(section, "experts"):
            section.experts = draw(st.lists(st.sampled_from(expert_ids or [""]),
                                            max_size=2)) if expert_ids else []
    colors = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)
    kit.brand.colors = Colors(draw(colors), draw(colors), draw(colors))
    kit.brand.margins = Margins(*(draw(st.floats(0, 500)) for _ in range(4)))
    if kit.embargo is not None:
        kit.embargo = Embargo(kit.embargo.until, draw(st.sampled_from(["UTC", "Asia/Seoul"])))
    return kit


def document(kit: Kit) -> dict[str, Any]:
    return _DocumentWriter(os.path.dirname(os.path.abspath(PROJECT))).document(kit)


PROPERTY = settings(max_examples=75, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: A kit has a hundred-odd text fields, so each example checks many texts at once.
KIT_PROPERTY = settings(PROPERTY, max_examples=25)

# --- the properties -------------------------------------------------------------------------


@PROPERTY
@given(DOCUMENTS)
def test_any_document_is_written_exactly_as_the_python_emitter_wrote_it(
    data: dict[Any, Any],
) -> None:
    expected = reference_dumps(data)
    assert dumps_data(data) == expected
    assert python_dumps(data) == expected  # the fallback, too
    if dumper.c_emitter_checked():
        try:
            text = c_dumps(data)
        except NeedsPython:
            return  # written by the Python emitter, compared above
        assert text == expected


@KIT_PROPERTY
@given(any_kits())
def test_arbitrary_text_in_every_field_of_a_kit_is_written_as_before(kit: Kit) -> None:
    assert dumps_kit(kit, PROJECT) == reference_dumps(document(kit))


@KIT_PROPERTY
@given(valid_kits())
def test_save_reopen_save_gives_the_same_bytes_as_before(kit: Kit) -> None:
    text = dumps_kit(kit, PROJECT)
    assert text == reference_dumps(document(kit))
    assert dumps_kit(loads_kit(text, PROJECT).kit, PROJECT) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(EXPERT), max_size=3), st.lists(records(QUOTE), max_size=3),
       st.lists(st.builds(BrandPreset, TEXT, records(BRAND)), max_size=2))
def test_the_roster_file_is_written_as_before(
    experts: list[Expert], quotes: list[Quote], brands: list[BrandPreset]
) -> None:
    if not experts:
        quotes = []
    quotes = [dataclasses.replace(q, expert=experts[n % len(experts)].id)
              for n, q in enumerate(quotes)]
    roster = Roster(experts=experts, quotes=quotes, brands=brands)
    path = BASE / "roster.yaml"
    text = roster_file.dumps_roster(roster, path)
    with mock.patch.object(roster_file, "dumps_data", reference_dumps):
        assert text == roster_file.dumps_roster(roster, path)


# --- the cases found by reading both emitters, by name -------------------------------------


@needs_libyaml
@pytest.mark.parametrize("data", [
    {"k": "emoji 😀 plain"}, {"k": LiteralText("emoji 😀\nin a block")},
    {"k": "emoji 😀\u2028double-quoted"}, {"k": FlowList(["😀", "a 😀 ", "😀\n"])},
    {"😀 key": FlowMap({"😀": "😀"})}, {"k": "\U0010ffff unprintable to both"},
    {"k": "𠀋 and 😀 and 😀 \n"}, {"k": "😀\x01"},
    {"a": LiteralText("kept\n\n"), "b": "later"}, {"a": [LiteralText("kept\n\n")], "b": []},
    {"a": "x", "b": LiteralText("kept last\n\n")}, {"a": FlowList([LiteralText("kept\n\n")])},
], ids=repr)
def test_what_libyaml_writes_differently_is_corrected_on_the_fast_path(
    data: dict[str, Any],
) -> None:
    assert c_dumps(data) == reference_dumps(data)


@needs_libyaml
@pytest.mark.parametrize("data", [
    {"": 1}, {"a\rb": 1}, {"k" * 123: 1}, {"中" * 42: 1}, {"k": "lone \ud800"},
    {"\ud800": []}, {"k": FlowMap({"\udfff" * 40: 1})},
    {"k": "\ue000 and 😀"}, {"k": b"bytes"}, {"k": {1, 2}},
], ids=repr)
def test_what_libyaml_cannot_write_identically_goes_to_the_python_emitter(
    data: dict[str, Any],
) -> None:
    with pytest.raises(NeedsPython):
        c_dumps(data)
    if all(type(v) not in (bytes, set) for v in data.values()):
        assert dumps_data(data) == reference_dumps(data)


@needs_libyaml
def test_the_installed_libyaml_is_one_whose_output_was_checked() -> None:
    # Skipped (listed in the summary of every run) when a new libyaml is installed: run this
    # file's properties against it and add it to ``_CHECKED_LIBYAML``; until then every save
    # takes the slow Python emitter, which ``make bench`` shows.
    if not dumper.c_emitter_checked():
        pytest.skip(f"libyaml {dumper.get_version()} has not been compared with PyYAML's "
                    "emitter yet; saving uses the Python emitter")


def test_an_unchecked_libyaml_release_gets_the_python_emitter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dumper, "get_version", lambda: (0, 2, 1), raising=False)
    monkeypatch.setattr(dumper, "c_dumps", mock.Mock(side_effect=AssertionError("used")))
    data = document(load_kit(CNAS_KIT).kit)
    assert not dumper.c_emitter_checked()
    assert dumps_data(data) == reference_dumps(data)


@needs_libyaml
@pytest.mark.parametrize("kit_path", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_the_example_kits_take_the_fast_path_and_stay_byte_identical(
    kit_path: Path, tmp_path: Path,
) -> None:
    kit = load_kit(kit_path).kit
    assert c_dumps(_DocumentWriter(str(kit_path.parent)).document(kit)) == kit_path.read_text(
        encoding="utf-8")
    copy = tmp_path / kit_path.name
    copy.write_bytes(kit_path.read_bytes())
    save_kit(load_kit(copy).kit, copy)  # relative asset paths now point elsewhere: reopen
    first = copy.read_bytes()
    save_kit(load_kit(copy).kit, copy)
    assert copy.read_bytes() == first


@needs_libyaml
def test_a_big_kit_with_emoji_is_written_by_libyaml_and_reads_as_the_old_writer_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A thousand experts with astral characters in every name still take the fast path (how
    fast is for ``make bench`` to say, not a test) and give the old writer's bytes."""
    if not dumper.c_emitter_checked():
        pytest.skip("this libyaml has not been compared with PyYAML's emitter yet")
    experts = [Expert(f"e{n}", f"Expert {n} 😀", title="Senior Fellow", topics=["a", "b"],
                      bio="First line.\nSecond line.") for n in range(1000)]
    quotes = [Quote(f"q{n}", f"e{n}", "A sentence that says something.\n" * 4)
              for n in range(1000)]
    kit = Kit(title="Big", experts=experts, quotes=quotes)
    path = tmp_path / "big.presskit"
    monkeypatch.setattr(dumper, "python_dumps", mock.Mock(side_effect=AssertionError("slow")))
    save_kit(kit, path)
    assert path.read_text(encoding="utf-8") == reference_dumps(document(kit))

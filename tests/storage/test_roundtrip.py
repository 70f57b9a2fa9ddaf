"""Save → reopen gives back exactly the kit that was saved, and saving it again the same bytes.

Property tests build arbitrary valid kits (any Unicode text but lone surrogates, ids, dates,
paths, unknown keys) and push them through the file format; example tests pin the annoying
strings by name, and the annotated example in docs/file-format.md is read from the markdown
itself so the documentation cannot drift from what presskit reads and writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.examples import ROOT

from presskit.model import (
    BUILTIN_FONTS,
    SECTION_CLASSES,
    AboutSection,
    Approval,
    ApprovalState,
    BiosSection,
    Brand,
    CalloutSection,
    Colors,
    Contact,
    ContactSection,
    Embargo,
    Expert,
    Fonts,
    HeadshotShape,
    Kit,
    LeadSection,
    Margins,
    PageSize,
    Quote,
    QuoteRequest,
    QuotesSection,
    Resource,
    Section,
    Status,
    TextSection,
    Typography,
)
from presskit.storage import FORMAT_VERSION, dumps_kit, load_kit, loads_kit, save_kit

DOC = ROOT / "docs" / "file-format.md"
FORMAT_FIXTURES = ROOT / "tests" / "fixtures" / "formats"
PROJECT = Path("/projects/advisories/kit.presskit")  # never touched on disk
BASE = PROJECT.parent

# --- strategies ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NON_BLANK = TEXT.filter(lambda s: bool(s.strip()))
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,10}", fullmatch=True)
COLORS = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)
ZONES = st.sampled_from(["UTC", "America/New_York", "Europe/Oslo", "Asia/Seoul"])
SEGMENT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1,
    max_size=12,
).filter(lambda s: s not in (".", ".."))
FOLDERS = st.sampled_from([BASE, BASE / "assets", BASE.parent / "shared", Path("/elsewhere")])
PATHS = st.builds(lambda folder, name: folder / name, FOLDERS, SEGMENT)
MILLIMETRES = st.floats(min_value=0, max_value=500, allow_nan=False, allow_infinity=False)
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT | st.dates()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def extras(*owners: type, min_size: int = 0) -> st.SearchStrategy[dict[Any, Any]]:
    """Unknown keys for a mapping that fills ``owners`` (file keys are attribute names).

    Nested ones (``min_size=1``) are never empty: ``{"colors": {}}`` means no unknown keys.
    """
    known = {"presskit", "type", *(f.name for cls in owners for f in dataclasses.fields(cls))}
    return st.dictionaries(TEXT.filter(lambda k: k not in known), PLAIN, min_size=min_size,
                           max_size=2)


def unique_ids(size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(IDS, min_size=size, max_size=size, unique=True)


@st.composite
def kits(draw: st.DrawFn) -> Kit:
    """A valid kit: every reference resolves, every required field is filled."""
    contacts = [
        Contact(cid, draw(NON_BLANK), draw(TEXT), draw(TEXT), draw(TEXT),
                extra=draw(extras(Contact)))
        for cid in draw(st.integers(0, 2).flatmap(unique_ids))
    ]
    experts = [
        Expert(
            eid, draw(NON_BLANK), honorific=draw(TEXT), pronouns=draw(TEXT), title=draw(TEXT),
            program=draw(TEXT), bio=draw(TEXT), photo=draw(st.none() | PATHS),
            email=draw(TEXT), phone=draw(TEXT), topics=draw(st.lists(TEXT, max_size=3)),
            extra=draw(extras(Expert)),
        )
        for eid in draw(st.integers(0, 3).flatmap(unique_ids))
    ]
    expert_ids = [e.id for e in experts]
    quotes = []
    if expert_ids:
        for qid in draw(st.integers(0, 3).flatmap(unique_ids)):
            approval = Approval(draw(st.sampled_from(ApprovalState)), draw(TEXT),
                                draw(st.none() | st.dates()))
            extra = draw(extras(Quote))
            if draw(st.booleans()):
                extra["approval"] = draw(extras(Approval, min_size=1))
            request = draw(st.none() | st.builds(
                QuoteRequest, st.dates(max_value=dt.date(2999, 1, 1)),
                st.none() | st.dates(min_value=dt.date(2999, 1, 1))
                | st.datetimes(min_value=dt.datetime(2999, 1, 1)), TEXT,
                st.integers(0, 100_000)))
            if request is not None and draw(st.booleans()):
                extra["request"] = draw(extras(QuoteRequest, min_size=1))
            quotes.append(Quote(qid, draw(st.sampled_from(expert_ids)), draw(TEXT),
                                topic=draw(TEXT), date=draw(st.none() | st.dates()),
                                source=draw(TEXT), approval=approval, request=request,
                                extra=extra))
    resources = [
        Resource(rid, draw(NON_BLANK), url=draw(TEXT), author=draw(TEXT),
                 expert=draw(st.sampled_from(["", *expert_ids])), blurb=draw(TEXT))
        for rid in draw(st.integers(0, 2).flatmap(unique_ids))
    ]
    sections: list[Section] = []
    for sid in draw(st.integers(0, 7).flatmap(unique_ids)):
        kind = draw(st.sampled_from(["lead", "contact", "callout", "quotes", "text", "bios",
                                     "about"]))
        common: dict[str, Any] = {"id": sid, "hidden": draw(st.booleans()),
                                  "extra": draw(extras(*SECTION_CLASSES.values()))}
        if kind == "contact" and contacts:
            sections.append(ContactSection(**common, text=draw(TEXT),
                                           contact=draw(st.sampled_from(contacts)).id))
        elif kind == "callout":
            sections.append(CalloutSection(
                **common, heading=draw(TEXT), text=draw(TEXT),
                resource=draw(st.sampled_from(["", *(r.id for r in resources)]))))
        elif kind == "quotes":
            sections.append(QuotesSection(
                **common, heading=draw(TEXT), photos=draw(st.booleans()),
                quotes=draw(st.lists(st.sampled_from([q.id for q in quotes] or ["x"]),
                                     max_size=4)) if quotes else []))
        elif kind == "bios":
            sections.append(BiosSection(**common, heading=draw(TEXT), experts=draw(
                st.lists(st.sampled_from(expert_ids), max_size=3)) if expert_ids else []))
        elif kind in ("text", "about"):
            cls = TextSection if kind == "text" else AboutSection
            sections.append(cls(**common, heading=draw(TEXT), text=draw(TEXT)))
        else:
            sections.append(LeadSection(**common, text=draw(TEXT)))
    brand_extra = draw(extras(Brand))
    for nested in ("colors", "fonts", "margins", "typography"):
        if draw(st.booleans()):
            brand_extra[nested] = draw(extras(Colors, Fonts, Margins, Typography, min_size=1))
    font = st.sampled_from(BUILTIN_FONTS) | PATHS
    face = st.none() | PATHS
    brand = Brand(
        organisation=draw(TEXT), short_name=draw(TEXT), logo=draw(st.none() | PATHS),
        colors=Colors(draw(COLORS), draw(COLORS), draw(COLORS)),
        fonts=Fonts(draw(font), draw(font), body_bold=draw(face), body_italic=draw(face),
                    heading_bold_italic=draw(face)),
        page_size=draw(st.sampled_from(PageSize)),
        margins=Margins(*(draw(MILLIMETRES) for _ in range(4))), footer=draw(TEXT),
        boilerplate=draw(TEXT), website=draw(TEXT),
        typography=Typography(smart_quotes=draw(st.booleans())),
        headshots=draw(st.sampled_from(HeadshotShape)), extra=brand_extra,
    )
    embargo = draw(st.none() | st.builds(Embargo, st.datetimes(), ZONES))
    kit_extra = draw(extras(Kit))
    if draw(st.booleans()):
        kit_extra["kit"] = draw(extras(Kit, min_size=1))
        if embargo is not None and draw(st.booleans()):
            kit_extra["kit"]["embargo"] = draw(extras(Embargo, min_size=1))
    return Kit(
        title=draw(NON_BLANK), series=draw(TEXT), date=draw(st.none() | st.dates()),
        embargo=embargo, status=draw(st.sampled_from(Status)), brand=brand,
        language=draw(st.sampled_from(["en", "de-CH", "zh-Hant", ""]) | TEXT),
        contacts=contacts, experts=experts, quotes=quotes, resources=resources,
        sections=sections, extra=kit_extra,
    )


#: Each example is a whole kit of a hundred-odd fields, and generating one is most of the
#: cost: 20 of them in `make test` (a failing one is kept in .hypothesis/ and tried first).
ROUND_TRIP = settings(max_examples=20, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(kits())
def test_reopening_a_saved_kit_gives_back_exactly_the_same_kit(kit: Kit) -> None:
    assert loads_kit(dumps_kit(kit, PROJECT), PROJECT).kit == kit


@ROUND_TRIP
@given(kits())
def test_saving_a_reopened_kit_again_gives_the_same_bytes(kit: Kit) -> None:
    text = dumps_kit(kit, PROJECT)
    assert dumps_kit(loads_kit(text, PROJECT).kit, PROJECT) == text
    assert text.endswith("\n")


@settings(max_examples=50, deadline=None)
@given(TEXT, TEXT)
def test_any_text_survives_in_every_kind_of_field(short: str, long: str) -> None:
    kit = Kit(
        title="Headline", series=short,
        experts=[Expert("e", "Name", bio=long, topics=[short, long])],
        quotes=[Quote("q", "e", long, source=short)],
        sections=[QuotesSection(id="s", heading=short, quotes=["q"]),
                  LeadSection(id="lead", text=long)],
        brand=Brand(boilerplate=long, footer=short), extra={f"x-{short}": long},
    )
    assert loads_kit(dumps_kit(kit, PROJECT), PROJECT).kit == kit


AWKWARD_TEXT = [
    "", " ", "  leading spaces", "trailing spaces  ", "line\n  indented next line",
    "trailing space on a line \nnext", "\n", "\n\nstarts with blank lines", "ends with\n\n\n",
    "windows\r\nline ends", "lone \r return", "tab\tinside", "\x00 nul", "\x01\x7f\x9f controls",
    "<b>bold</b> & &amp; < >", "**bold** *italic*", "yes", "no", "on", "null", "~", "true",
    "- x", "#", "a # b", ": ", "a: b", "{", "[", '"', "'", "|", ">", "!tag", "&anchor",
    "*alias", "%", "@", "`", "? q", "---", "...", "a\n---\nb", "0123", "1e3", "0x1F", "1_000",
    "12:30", ".5", "2019-09-20", "2019-09-20 09:00:00", "\ufeffbom", "\x85 next line",
    "\u2028 line sep", "\u2029 para sep", "\ufffe\uffff", "emoji 😀 \U0010ffff",
    "Ελένη Παπαδοπούλου", "Анна", "北朝鮮", "x" * 5000, ("word " * 2000).strip(),
]


@pytest.mark.parametrize("text", AWKWARD_TEXT, ids=[repr(t)[:30] for t in AWKWARD_TEXT])
def test_awkward_text_is_kept_exactly_in_plain_and_literal_fields(text: str) -> None:
    kit = Kit(title="Headline", series=text, brand=Brand(boilerplate=text),
              experts=[Expert("e", "Name", bio=text, topics=[text])])
    saved = dumps_kit(kit, PROJECT)
    assert loads_kit(saved, PROJECT).kit == kit
    assert dumps_kit(loads_kit(saved, PROJECT).kit, PROJECT) == saved


def test_text_that_a_literal_block_cannot_hold_falls_back_to_double_quotes() -> None:
    kit = Kit(title="Headline", brand=Brand(boilerplate="ends in spaces   \nsecond line"))
    saved = dumps_kit(kit, PROJECT)
    assert '  boilerplate: "ends in spaces   \\nsecond line"\n' in saved
    assert loads_kit(saved, PROJECT).kit.brand.boilerplate == "ends in spaces   \nsecond line"


def test_control_characters_are_written_as_escapes_so_the_file_stays_readable() -> None:
    kit = Kit(title="Headline", series="bell\x07 and nul\x00")
    saved = dumps_kit(kit, PROJECT)
    assert '  series: "bell\\a and nul\\0"\n' in saved
    assert "\x07" not in saved and "\x00" not in saved


def test_line_separators_are_escaped_instead_of_becoming_newlines() -> None:
    kit = Kit(title="Headline", brand=Brand(boilerplate="one\u2028two\x85three\nfour"))
    saved = dumps_kit(kit, PROJECT)
    assert '"one\\Ltwo\\Nthree\\nfour"' in saved
    assert loads_kit(saved, PROJECT).kit.brand.boilerplate == "one\u2028two\x85three\nfour"


def test_long_text_is_a_literal_block_and_long_lines_are_never_folded() -> None:
    long_title = " ".join(["word"] * 400)
    kit = Kit(title=long_title, brand=Brand(boilerplate="First paragraph.\n\nSecond.\n"))
    saved = dumps_kit(kit, PROJECT)
    assert f"  title: {long_title}\n" in saved
    assert "  boilerplate: |\n    First paragraph.\n\n    Second.\n" in saved


def test_empty_optional_fields_are_left_out_but_hidden_is_always_written() -> None:
    kit = Kit(title="Headline", sections=[LeadSection(id="lead")])
    assert dumps_kit(kit, PROJECT) == (
        "presskit: 1\n"
        "kit:\n"
        "  title: Headline\n"
        "sections:\n"
        "- type: lead\n"
        "  id: lead\n"
        "  hidden: false\n"
    )


def test_dates_times_numbers_and_lists_are_written_in_their_documented_form() -> None:
    kit = Kit(
        title="Headline", date=dt.date(2019, 9, 20), status=Status.DRAFT,
        embargo=Embargo(dt.datetime(2019, 9, 20, 9, 0), "America/New_York"),
        brand=Brand(margins=Margins(top=18, right=18.5), page_size=PageSize.A4),
        experts=[Expert("kim", "Duyeon Kim", topics=["North Korea", "talks, summits"])],
    )
    saved = dumps_kit(kit, PROJECT)
    assert "  date: 2019-09-20\n" in saved
    assert "  embargo:\n    until: 2019-09-20 09:00\n    zone: America/New_York\n" in saved
    assert "  status: draft\n" in saved
    assert "  page_size: a4\n  margins: {top: 18, right: 18.5}\n" in saved
    assert "  topics: [North Korea, 'talks, summits']\n" in saved
    with_seconds = Embargo(dt.datetime(2019, 9, 20, 9, 0, 30), "UTC")
    kit.embargo = with_seconds
    assert "    until: 2019-09-20 09:00:30\n" in dumps_kit(kit, PROJECT)
    assert loads_kit(dumps_kit(kit, PROJECT), PROJECT).kit.embargo == with_seconds


# --- the documented example and the per-version fixtures -----------------------------------


def annotated_example() -> str:
    """The YAML block under "Annotated example" in docs/file-format.md, as a user sees it."""
    match = re.search(r"## Annotated example\s+```yaml\n(.*?)```", DOC.read_text("utf-8"), re.S)
    assert match, "docs/file-format.md lost its annotated example"
    return match.group(1)


def test_the_documented_example_opens_without_any_problem() -> None:
    loaded = loads_kit(annotated_example(), BASE / "kit.presskit")
    assert loaded.problems == []
    kit = loaded.kit
    assert kit.title == "U.S., North Korea Consider Renewed Talks"
    assert kit.embargo == Embargo(dt.datetime(2019, 9, 20, 9, 0), "America/New_York")
    assert kit.brand.logo == BASE / "assets" / "logo.png"
    assert kit.brand.fonts == Fonts("DejaVu Sans", BASE / "fonts" / "House.ttf",
                                    heading_bold=BASE / "fonts" / "House-Bold.ttf")
    assert kit.brand.typography == Typography(smart_quotes=True)
    assert kit.brand.headshots is HeadshotShape.CIRCLE
    assert kit.brand.margins == Margins(20, 20, 22, 20)
    assert [type(s) for s in kit.sections] == [
        LeadSection, ContactSection, CalloutSection, QuotesSection, TextSection, BiosSection,
        AboutSection,
    ]
    assert kit.quote("kim-1").approval == Approval(  # type: ignore[union-attr]
        ApprovalState.APPROVED, "Duyeon Kim", dt.date(2019, 9, 19))


def test_saving_the_documented_example_keeps_every_value_it_states() -> None:
    """Each value in the example is in the saved file, unless it is an empty or default one."""
    example = yaml.safe_load(annotated_example())
    saved = yaml.safe_load(dumps_kit(loads_kit(annotated_example(), PROJECT).kit, PROJECT))
    defaults = {"final", "en", "letter", "DejaVu Sans", "#1F3A5F", "#C8102E", "#222222", False, "",
                20, 22, True}
    written = dict(_leaves(saved))
    for where, value in _leaves(example):
        if where in written:
            assert written[where] == value, where
        else:
            assert value in defaults, f"{where} = {value!r} was dropped"


def test_the_documented_example_is_byte_stable_after_the_first_save(tmp_path: Path) -> None:
    project = tmp_path / "kit.presskit"
    project.write_text(annotated_example(), encoding="utf-8")
    save_kit(load_kit(project).kit, project)
    first = project.read_bytes()
    save_kit(load_kit(project).kit, project)
    assert project.read_bytes() == first


def _leaves(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*where, k))]
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*where, i))]
    return [(where, data)]


@pytest.mark.parametrize("version", range(1, FORMAT_VERSION + 1))
def test_a_file_from_every_format_version_still_opens(version: int) -> None:
    fixture = FORMAT_FIXTURES / f"v{version}.presskit"
    loaded = load_kit(fixture)
    assert loaded.problems == []
    assert len(loaded.kit.sections) == 7
    assert loaded.kit.brand.logo == fixture.parent / "assets" / "logo.png"


def test_the_current_format_fixture_is_in_saved_form() -> None:
    fixture = FORMAT_FIXTURES / f"v{FORMAT_VERSION}.presskit"
    assert dumps_kit(load_kit(fixture).kit, fixture) == fixture.read_text(encoding="utf-8")

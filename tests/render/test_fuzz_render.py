"""Whatever text is in whichever field of a kit (any Unicode, lone surrogates, combining
marks, right-to-left runs, emoji, control characters, ReportLab markup, very long words), the
renderer makes a PDF and never raises."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from support.fuzz_settings import FUZZ, watchdog
from support.pdf_reading import page_texts
from support.render_fixtures import seed_kit

from presskit.model import AboutSection, BiosSection, Colors, Fonts, Kit, QuotesSection
from presskit.render import render_pdf

#: Fields that hold ids, references, colours or a time zone rather than text a person reads.
NOT_TEXT = {"id", "expert", "experts", "quotes", "contact", "resource", "zone", "extra"}

SPECIAL = st.sampled_from([
    "\u0301\u0308\u20dd", "e\u0301\u0327\u0336", "\u202eevil\u202c", "\u05e9\u05dc\u05d5\u05dd",
    "\u0627\u0644\u0633\u0644\u0627\u0645", "\U0001f469\u200d\U0001f52c\U0001f3fd", "\ufe0f",
    "\x00\x01\x07\x1b\x7f\x85", "\ud800", "\udfff\ud800", "W" * 5000, "\u00ad" * 300,
    "<font name=x>", "<img src=/etc/passwd/>", "&lt;b&gt;", "<para>", "&#0;", "&#xD800;",
    '<a href="javascript:alert(1)">x</a>', "*", "**", "{email}", "{name}", "{unknown}",
    "\t\n\r\x0b\x0c", "\u2028\u2029", "\U0010ffff", "\ufffe", "\u0e01\u0e34\u0e4d",
])
ANY_TEXT = st.lists(
    st.one_of(st.text(st.characters(codec=None), max_size=60), SPECIAL), max_size=5,
).map("".join)


def text_fields(kit: Kit) -> list[tuple[Any, str, bool]]:
    """(object, field name, is a list of text) for every text field in the kit."""
    found: list[tuple[Any, str, bool]] = []
    objects: list[Any] = [kit]
    while objects:
        item = objects.pop()
        if isinstance(item, Colors | Fonts):
            continue  # checked values (colours, font files), never printed as text
        for field in dataclasses.fields(item):
            if field.name in NOT_TEXT:
                continue
            value = getattr(item, field.name)
            if isinstance(value, str):
                found.append((item, field.name, False))
            elif isinstance(value, list) and all(isinstance(v, str) for v in value) and value:
                found.append((item, field.name, True))
            elif isinstance(value, list):
                objects += [v for v in value if dataclasses.is_dataclass(v)]
            elif dataclasses.is_dataclass(value) and not isinstance(value, type):
                objects.append(value)
    return found


def full_kit(experts: int = 5) -> Kit:
    """The seed kit with every section type, its first ``experts`` experts and their quotes
    (fewer make a fuzz input quicker to render; every kind of text field is still there)."""
    kit = seed_kit()
    kit.experts = kit.experts[:experts]
    kit.quotes = [q for q in kit.quotes if q.expert in {e.id for e in kit.experts}]
    for section in kit.sections:
        if isinstance(section, QuotesSection):
            section.quotes = [q.id for q in kit.quotes]
    kit.sections.append(BiosSection(id="bios", heading="Bios",
                                    experts=[e.id for e in kit.experts]))
    kit.sections.append(AboutSection(id="about", heading="About", text="About us"))
    for expert in kit.experts:
        expert.bio = "A bio."
        expert.topics = ["one", "two"]
    return kit


FUZZ_EXPERTS = 2
FIELDS = len(text_fields(full_kit(FUZZ_EXPERTS)))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, FIELDS - 1), ANY_TEXT), min_size=1, max_size=12))
def test_any_text_in_any_field_renders_to_a_pdf(changes: list[tuple[int, str]]) -> None:
    kit = full_kit(FUZZ_EXPERTS)
    fields = text_fields(kit)
    for index, value in changes:
        item, name, is_list = fields[index]
        setattr(item, name, [value, value[::-1]] if is_list else value)
    with watchdog(changes):
        pdf = render_pdf(kit)
    assert pdf.data.startswith(b"%PDF") and pdf.page_count >= 1


# -- what the fuzzing found ------------------------------------------------------------------

def test_a_lone_surrogate_in_the_title_is_dropped_and_the_pdf_is_made() -> None:
    kit = full_kit()
    kit.title = "\ud800Talks\udfff resume"
    pdf = render_pdf(kit)
    assert "Talks resume" in page_texts(pdf.data)[0]


def test_a_heading_with_nothing_after_it_at_a_page_foot_goes_whole_to_the_next_page() -> None:
    # Found by `make fuzz`: changes=[(3, ''), (4, '\x08'), (22, '0\n\r0\n0')]: the About
    # section's text is invisible, so its three-line heading ("About 0 / 0 / 0") ends the kit.
    kit = full_kit()
    about = kit.sections[-1]
    assert isinstance(about, AboutSection)
    about.heading, about.text = "", "\x08"
    kit.brand.organisation = "0\n\r0\n0"
    texts = page_texts(render_pdf(kit).data)
    # (A tagged PDF ends each of the heading's hand-broken lines with a space: line_ends.)
    assert [line.rstrip() for line in texts[-1].rstrip().splitlines()[-3:]] == [
        "About 0", "0", "0"]

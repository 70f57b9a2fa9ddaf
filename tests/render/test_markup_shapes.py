"""Paragraphs made from a shape parsed once look exactly like paragraphs parsed whole."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, paraparser

from presskit.render.markup_shapes import MarkupShapes
from presskit.render.text import plain

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=14)
TEMPLATES = [
    "{0}",
    '<nobr><b>{0}</b></nobr>, <font color="#767676"><i>{1}</i></font>',
    "<nobr><b>{0}</b></nobr> ({1}), {2}",
    "{0}<br/>{1}",
    "“{0}<font name=\"Courier\">{1}</font>{2}”",
]
#: Text as users type it: words, spaces and newlines, markup characters, accents, symbols.
TEXT = st.text(st.characters(exclude_categories=("Cs", "Co", "Cn")), max_size=80)


def styled_lines(paragraph: Paragraph, width: float) -> tuple[float, list[list[tuple[Any, ...]]]]:
    """Height at ``width`` and, per line, its runs of (text, font, size, colour), with
    neighbouring runs of the same look joined: how the lines are printed."""
    height = paragraph.wrap(width, 10_000)[1]
    lines = []
    para = paragraph.blPara
    for line in para.lines:
        if para.kind == 0:
            runs = [(" ".join(line[1]), paragraph.style.fontName, paragraph.style.fontSize,
                     str(paragraph.style.textColor))]
        else:
            runs = [(word.text, word.fontName, word.fontSize, str(word.textColor))
                    for word in line.words]
        joined: list[tuple[Any, ...]] = []
        for run in runs:
            if joined and joined[-1][1:] == run[1:]:
                joined[-1] = (joined[-1][0] + run[0], *run[1:])
            else:
                joined.append(run)
        lines.append([(" ".join(text.split()), *rest) for text, *rest in joined])
    return height, lines


def attributes(frags: list[Any]) -> list[dict[str, Any]]:
    """Each fragment's attributes, colours by value."""
    return [{name: str(value) if name == "textColor" else value
             for name, value in vars(frag).items()} for frag in frags]


@settings(max_examples=200, deadline=None)
@given(template=st.sampled_from(TEMPLATES), texts=st.lists(TEXT, min_size=3, max_size=3))
def test_a_paragraph_from_its_shape_is_the_paragraph_parsed_whole(
        template: str, texts: list[str]) -> None:
    """Fragment for fragment, attribute for attribute, so ReportLab lays out and prints
    both the same (lines, fonts, colours, word spacing)."""
    markup = template.format(*(plain(text) for text in texts))
    try:
        whole = Paragraph(markup, STYLE)
    except ValueError:
        return  # ReportLab refuses it whole; the renderer then prints it as plain text
    shapes = MarkupShapes()
    shapes.frags(template.format("a", "b", "c"), STYLE)  # the shape is known already
    frags = shapes.frags(markup, STYLE)
    if frags is None:
        return  # parsed whole, as before
    assert attributes(frags) == attributes(whole.frags)
    made = Paragraph(markup, STYLE, frags=frags)
    for width in (40, 150, 450):
        assert styled_lines(made, width) == styled_lines(whole, width)


def test_a_thousand_names_are_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parses: list[str] = []
    real = paraparser.ParaParser.parse

    def counting(self: paraparser.ParaParser, text: str, style: Any) -> Any:
        parses.append(text)
        return real(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", counting)
    shapes = MarkupShapes()
    names = [shapes.frags(TEMPLATES[1].format(plain(f"Ana Example{n} & Co"), "Fellow"), STYLE)
             for n in range(1000)]
    assert len(parses) == 1
    assert [frag.text for frag in names[7] or []] == ["Ana Example7 ", "&", " Co", ", ", "Fellow"]
    assert names[7][0].fontName == "Helvetica-Bold" and names[7][4].fontName == (
        "Helvetica-Oblique")


def test_text_with_references_it_cannot_vouch_for_is_parsed_whole() -> None:
    assert MarkupShapes().frags("Caf&eacute; &#233;", STYLE) is None

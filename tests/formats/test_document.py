"""The one walk every format shares: the PDF's rules for emphasis, placeholders, defaults and
hidden sections, as a format-free document."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from support.render_fixtures import seed_kit

from presskit.formats import build_document
from presskit.formats.document import ContactBox, Quotes, Run
from presskit.model import ContactSection, TextSection
from presskit.model.text import spans, split_paragraphs
from presskit.render.text import paragraphs as pdf_paragraphs


class _Marked(HTMLParser):
    """ReportLab paragraph markup as (character, bold, italic) triples."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bold = self.italic = 0
        self.chars: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "br":
            self.chars.append(("\n", False, False))
        self.bold += tag == "b"
        self.italic += tag == "i"

    def handle_endtag(self, tag: str) -> None:
        self.bold -= tag == "b"
        self.italic -= tag == "i"

    def handle_data(self, data: str) -> None:
        self.chars += [(c, self.bold > 0, self.italic > 0) for c in data]


def _pdf_chars(markup: str) -> list[tuple[str, bool, bool]]:
    parser = _Marked()
    parser.feed(markup)
    return parser.chars


def _span_chars(paragraph: str) -> list[tuple[str, bool, bool]]:
    return [(c, s.bold and c != "\n", s.italic and c != "\n")
            for s in spans(paragraph) for c in s.text]


emphasis_text = st.text(alphabet=st.sampled_from("ab *\n<&_{}"), max_size=40)


@settings(max_examples=150, deadline=None)
@given(text=emphasis_text)
def test_spans_read_emphasis_exactly_as_the_pdf_does(text: str) -> None:
    markups = pdf_paragraphs(text)
    assert len(markups) == len(split_paragraphs(text))
    for markup, paragraph in zip(markups, split_paragraphs(text), strict=True):
        assert _span_chars(paragraph) == _pdf_chars(markup)


def test_placeholders_are_filled_with_links_and_keep_their_emphasis() -> None:
    kit = seed_kit()
    kit.sections[1] = ContactSection(id="c", contact=kit.contacts[0].id,
                                     text="Call **{email}** or {unknown}.")
    document, _warnings = build_document(kit)
    box = next(b for b in document.blocks if isinstance(b, ContactBox))
    email = kit.contacts[0].email
    assert box.paragraphs == [(Run("Call "), Run(email, bold=True, url=f"mailto:{email}"),
                               Run(" or {unknown}."))]


def test_hidden_sections_are_left_out_and_the_default_contact_line_is_used() -> None:
    kit = seed_kit()
    kit.sections[1] = ContactSection(id="c", contact=kit.contacts[0].id)
    kit.sections.append(TextSection(id="secret", heading="Secret", text="x", hidden=True))
    document, _warnings = build_document(kit)
    assert "Secret" not in [getattr(block, "heading", "") for block in document.blocks]
    box = next(b for b in document.blocks if isinstance(b, ContactBox))
    assert "".join(r.text for r in box.paragraphs[0]).startswith("To arrange an interview")


def test_quotes_get_quotation_marks_unless_typed_and_missing_ones_warn() -> None:
    kit = seed_kit()
    kit.quotes[0].text = "“Already quoted.”"
    quotes_section = next(s for s in kit.sections if s.type == "quotes")
    quotes_section.quotes.append("no-such-quote")  # type: ignore[attr-defined]
    document, warnings = build_document(kit)
    block = next(b for b in document.blocks if isinstance(b, Quotes))
    assert [r.text for r in block.entries[0].paragraphs[0]] == ["“Already quoted.”"]
    assert block.entries[1].paragraphs[0][0].text.startswith("“")
    assert any("no-such-quote" in w.message for w in warnings)

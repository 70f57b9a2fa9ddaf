"""Names and quotes in any script print as real glyphs, in the same line as Latin text, and come
back out of the PDF as they were typed; what cannot be printed right is reported at its field."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from support.pdf_reading import fonts, page_texts, reader, squash, text
from support.render_fixtures import MIXED_SCRIPT_PEOPLE, mixed_script_kit, seed_kit

from presskit.model import Expert, LeadSection, Quote, QuotesSection
from presskit.render import RenderedPdf, RenderError, render_pdf
from presskit.render.typography import smarten

CJK_FONT = "WenQuanYiMicroHei"


@pytest.fixture(scope="module")
def mixed_pdf() -> RenderedPdf:
    return render_pdf(mixed_script_kit(), invariant=True)


def typed_fields() -> list[str]:
    return [field for _id, name, title, quote in MIXED_SCRIPT_PEOPLE
            for field in (name, title, smarten(quote))]


def test_names_and_quotes_in_every_script_render_without_a_warning(
        mixed_pdf: RenderedPdf) -> None:
    assert mixed_pdf.warnings == []


def test_mixed_script_names_and_quotes_come_back_from_the_pdf_as_typed(
        mixed_pdf: RenderedPdf) -> None:
    extracted = squash(text(mixed_pdf.data))  # line breaks are the layout's, not the text's
    for field in typed_fields():
        assert squash(field) in extracted, field
    printed = "\n".join(page_texts(mixed_pdf.data))
    # A name with a Latin part stays one line, in order, as typed: no box, no reordering.
    assert "王小明 (Wang Xiaoming)" in printed
    assert "山田 太郎" in printed and "김민준" in printed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdftotext_also_reads_the_names_as_typed(mixed_pdf: RenderedPdf, tmp_path) -> None:
    path = tmp_path / "kit.pdf"
    path.write_bytes(mixed_pdf.data)
    extracted = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                               capture_output=True, text=True, check=True).stdout
    for _id, name, _title, _quote in MIXED_SCRIPT_PEOPLE:
        assert name in extracted, name


def test_headline_series_and_running_header_print_cjk_too(mixed_pdf: RenderedPdf) -> None:
    pages = page_texts(mixed_pdf.data)
    assert "北朝鮮 and 한국: Talks Resume in 東京" in pages[0]
    assert "CNAS Responds · 専門家" in pages[0]  # the masthead, drawn on the canvas
    # The running header; the series names the organisation, so it is not said twice.
    assert "CNAS Responds · 専門家: 北朝鮮 and 한국" in pages[1]
    assert "CNAS · CNAS" not in pages[1]


def test_each_run_is_drawn_by_a_font_that_has_its_glyphs(mixed_pdf: RenderedPdf) -> None:
    runs: list[tuple[str, str]] = []

    def visit(chunk: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if chunk.strip() and font:
            runs.append((str(font["/BaseFont"]), chunk))  # type: ignore[index]

    for page in reader(mixed_pdf.data).pages:
        page.extract_text(visitor_text=visit)
    cjk = [chunk for font, chunk in runs if CJK_FONT in font]
    assert "王小明" in "".join(cjk) and "김민준" in "".join(cjk)
    latin = "".join(chunk for font, chunk in runs if CJK_FONT not in font)
    assert "(Wang Xiaoming)" in latin  # Latin stays in the brand's font, in the same line
    assert not any("\x00" in chunk for _font, chunk in runs)  # no .notdef box anywhere


def test_the_cjk_font_is_embedded_only_when_a_kit_needs_it(mixed_pdf: RenderedPdf) -> None:
    used = fonts(mixed_pdf.data)
    assert any(CJK_FONT in name for name in used) and all(used.values())
    latin_only = render_pdf(seed_kit(), invariant=True)  # accents, Greek, Cyrillic: DejaVu
    assert not any(CJK_FONT in name for name in fonts(latin_only.data))
    assert len(latin_only.data) < len(mixed_pdf.data)


def test_a_cjk_name_gets_cjk_initials_on_its_placeholder() -> None:
    kit = seed_kit()
    kit.experts = [Expert(id="wang", name="王小明")]
    kit.quotes = [Quote(id="q", expert="wang", text="短い引用。")]
    kit.sections = [QuotesSection(id="experts", photos=True, quotes=["q"])]
    pdf = render_pdf(kit)
    assert pdf.warnings == []
    assert any(CJK_FONT in name for name in fonts(pdf.data))


def test_emoji_are_a_warning_naming_the_field_and_the_characters() -> None:
    kit = mixed_script_kit()
    kit.experts[2].name = "김민준 🇰🇷"
    kit.quotes[0].text += " 👍"
    pdf = render_pdf(kit)
    found = {p.where: p.message for p in pdf.warnings}
    assert set(found) == {("experts", 2, "name"), ("quotes", 0, "text")}
    assert "🇰 (U+1F1F0), 🇷 (U+1F1F7)" in found[("experts", 2, "name")]
    assert "👍 (U+1F44D)" in found[("quotes", 0, "text")]
    assert "empty box" in found[("quotes", 0, "text")]
    assert "김민준" in text(pdf.data)  # the rest of the name still prints
    with pytest.raises(RenderError, match=r"experts\.2\.name"):
        render_pdf(kit, strict=True)


@pytest.mark.parametrize("name, script", [("محمد الأحمد", "Arabic"), ("שרה לוי", "Hebrew")])
def test_right_to_left_names_are_reported_as_unsupported_not_silently_misprinted(
        name: str, script: str) -> None:
    kit = seed_kit()
    kit.experts[0].name = name
    pdf = render_pdf(kit)
    [warning] = [p for p in pdf.warnings if p.where == ("experts", 0, "name")]
    assert "right-to-left" in warning.message and "not supported" in warning.message
    assert script in warning.message
    with pytest.raises(RenderError, match="right-to-left"):
        render_pdf(kit, strict=True)


def test_latin_text_next_to_a_right_to_left_word_is_not_reported() -> None:
    kit = seed_kit()
    kit.sections = [LeadSection(id="lead", text="Plain English, Ελληνικά, Русский, Tiếng Việt.")]
    assert render_pdf(kit).warnings == []


def test_accents_typed_as_separate_marks_print_composed() -> None:
    """"Nguyễn" pasted from a Mac file name is "e" plus two combining marks; it prints (and
    copies) as the composed letter the font draws properly, the same text to a reader."""
    typed = unicodedata.normalize("NFD", "Nguyễn Thị Minh, Zoë Ødegård, Ελένη")
    kit = seed_kit()
    kit.experts[0].name = typed
    printed = page_texts(render_pdf(kit).data)[0]
    assert unicodedata.normalize("NFC", typed) in printed
    assert typed not in printed

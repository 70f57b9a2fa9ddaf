"""What the user typed is what the PDF shows: escaping, the tiny inline markup, line breaks,
placeholders and very long words."""

from __future__ import annotations

import datetime as dt

import pytest
from support.pdf_reading import fonts, links, page_texts, squash
from support.render_fixtures import seed_kit

from presskit.model import ContactSection, LeadSection, QuotesSection, TextSection
from presskit.model.limits import MAX_SHORT_TEXT_CHARS
from presskit.render import RenderError, render_pdf
from presskit.render.text import (
    email_link,
    embargo_line,
    emphasis,
    escape,
    initials,
    link,
    long_date,
    paragraphs,
    plain,
)
from presskit.render.typography import smarten


def pdf_text_of(*sections: object) -> str:
    kit = seed_kit()
    kit.sections = list(sections)  # type: ignore[arg-type]
    return "\n".join(page_texts(render_pdf(kit).data))


@pytest.mark.parametrize("typed, markup", [
    ("**bold**", "<b>bold</b>"),
    ("*italic*", "<i>italic</i>"),
    ("a **bold** and *italic* word", "a <b>bold</b> and <i>italic</i> word"),
    ("*a **b** c*", "<i>a <b>b</b> c</i>"),
    ("5 * 3 = 15", "5 * 3 = 15"),
    ("2*3*4", "2*3*4"),
    ("* not italic *", "* not italic *"),
    ("**a *b** c*", "<b>a *b</b> c*"),  # crossing runs: the inner one stays literal
    ("***", "***"),
    ("*<b>*", "<i>&lt;b&gt;</i>"),
])
def test_only_stars_touching_words_become_emphasis(typed: str, markup: str) -> None:
    assert emphasis(escape(typed)) == markup


def test_paragraphs_split_on_blank_lines_and_newlines_become_line_breaks() -> None:
    assert paragraphs("one\ntwo\n\n\n  three  \r\n\r\nfour") == [
        "one<br/>two", "three", "four"]
    assert paragraphs("   \n\n ") == []


def test_placeholders_are_filled_with_markup_and_never_escaped_twice() -> None:
    fields = {"name": "Cole &amp; Co", "email": '<a href="mailto:x@y.org">x@y.org</a>'}
    assert paragraphs("**{name}** at {email} & {other}", fields) == [
        '<b>Cole &amp; Co</b> at <a href="mailto:x@y.org">x@y.org</a> &amp; {other}']


def test_only_web_and_mail_urls_become_links() -> None:
    assert link("https://example.org/?a=1&b=2", "x", "#000000") == (
        '<a href="https://example.org/?a=1&amp;b=2" color="#000000">x</a>')
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "",
                'https://example.org/" onclick="x'):
        assert link(url, "x", "#000000") == "x"
    assert email_link('bad"@example.org', "#000000") == 'bad"@example.org'  # no link
    assert email_link("press@example.org", "#000000") == (
        '<a href="mailto:press@example.org" color="#000000">press@example.org</a>')


def test_dates_are_english_whatever_the_locale() -> None:
    assert long_date(dt.date(2019, 9, 20)) == "September 20, 2019"
    assert embargo_line(dt.datetime(2026, 12, 2, 6, 0), "Europe/Brussels") == (
        "EMBARGOED until 06:00 CET (05:00 UTC), 2 December 2026")


def test_initials_for_placeholders() -> None:
    assert initials("Duyeon Kim") == "DK"
    assert initials("Αλέξανδρος Παπαδόπουλος") == "ΑΠ"
    assert initials("  ") == "?"


def test_markup_characters_typed_by_the_user_appear_literally_in_the_pdf() -> None:
    typed = "Use <b>&amp; <script>alert('x')</script> & \"quotes\" > 3"
    valid_markup = "<b>not bold</b> &amp; <i>not italic</i> &lt;"  # would parse if unescaped
    text = pdf_text_of(LeadSection(id="lead", text=typed + "\n\n" + valid_markup),
                       TextSection(id="t", heading="<i>Heading</i> & co", text="a < b"))
    assert smarten(typed) in text  # the quotes print as typographic ones, the rest as typed
    assert valid_markup in text
    assert "<i>Heading</i> & co" in text
    assert "a < b" in text


def test_markup_in_names_titles_and_headline_is_literal() -> None:
    kit = seed_kit()
    kit.title = "<b>Not bold</b> & **not bold either**"
    kit.experts[0].name = "Kim <font color=red>"
    kit.experts[0].title = "Fellow & *Chair*"
    text = "\n".join(page_texts(render_pdf(kit).data))
    assert squash("<b>Not bold</b> & **not bold either**") in squash(text)
    assert "Kim <font color=red>, Fellow & *Chair*" in text


def test_emphasis_markers_do_not_reach_the_pdf() -> None:
    text = pdf_text_of(LeadSection(id="lead", text="A **bold** claim, an *italic* aside, 5 * 3."))
    assert "A bold claim, an italic aside, 5 * 3." in text


def test_emphasis_uses_the_brand_fonts_italic_and_bold_faces() -> None:
    def faces(lead: str) -> set[str]:
        kit = seed_kit()
        kit.title, kit.series, kit.brand.organisation = "T", "", ""
        kit.sections = [LeadSection(id="lead", text=lead)]
        return {name.split("+")[-1] for name in fonts(render_pdf(kit).data)}

    plain_faces = faces("plain words")
    assert "DejaVuSans-Oblique" not in plain_faces
    assert "DejaVuSans-Oblique" in faces("plain *words*")
    assert "DejaVuSans-BoldOblique" in faces("**bold and *italic* inside**")


def test_a_300_character_word_wraps_and_is_fully_present() -> None:
    word = "".join(chr(ord("a") + n % 26) for n in range(300))
    text = pdf_text_of(LeadSection(id="lead", text=f"Before {word} after."),
                       TextSection(id="t", heading="H", text=word + word.upper()))
    flat = squash(text)
    assert f"Before{word}after." in flat
    assert word + word.upper() in flat


def test_emoji_and_scripts_dejavu_lacks_do_not_crash() -> None:
    text = pdf_text_of(LeadSection(id="lead", text="Hi 👋🏽 — 北朝鮮 — مرحبا — \u200d\ufeff end"))
    assert "Hi" in text and "end" in text


def test_control_characters_are_dropped_not_fatal() -> None:
    text = pdf_text_of(LeadSection(id="lead", text="bell\x07 null\x00 esc\x1b tab\tend\ue000"))
    assert "bell null esc tab end" in text


def test_email_placeholder_with_odd_address_is_text_not_a_broken_link() -> None:
    kit = seed_kit()
    kit.contacts[0].email = "press at example dot org"
    kit.sections = [ContactSection(id="c", contact="cole")]
    pdf = render_pdf(kit)
    # (wherever the lines break; its last two words are bound by a no-break space)
    assert "press at example dot org" in " ".join("\n".join(page_texts(pdf.data)).split())
    assert not [uri for _, uri in links(pdf.data) if uri.startswith("mailto:")]


def test_a_phone_number_is_a_tel_link_and_a_note_in_its_place_is_text() -> None:
    kit = seed_kit()
    kit.contacts[0].phone = "+1 (202) 555-0188"
    kit.sections = [ContactSection(id="c", contact="cole", text="Call {phone} or write.")]
    pdf = render_pdf(kit).data
    assert [uri for _, uri in links(pdf)] == ["tel:+12025550188"]
    assert "+1 (202) 555-0188" in " ".join("\n".join(page_texts(pdf)).split())
    kit.contacts[0].phone = "ask the front desk"
    assert links(render_pdf(kit).data) == []


def test_characters_no_font_has_are_a_warning_at_their_field_not_silent_boxes() -> None:
    kit = seed_kit()
    kit.title = "Talks resume 🎉"
    kit.quotes[0].text = "Hi 👋 and 北朝鮮, Ελληνικά and Кириллица are fine."
    kit.quotes[1].text = "Unused quotes are not printed: 🎉"
    kit.sections[3] = QuotesSection(id="experts", quotes=[kit.quotes[0].id])
    kit.sections.append(TextSection(id="hidden", hidden=True, text="not printed 🎉"))
    pdf = render_pdf(kit)
    fallbacks = "the fallback fonts DejaVu Sans and WenQuanYi Micro Hei"
    assert [(p.where, p.message) for p in pdf.warnings] == [
        (("kit", "title"), f"no font has a glyph for 🎉 (U+1F389) (neither the heading font nor "
                           f"{fallbacks}): it prints as an empty box"),
        (("quotes", 0, "text"), f"no font has a glyph for 👋 (U+1F44B) (neither the body font "
                                f"nor {fallbacks}): it prints as an empty box"),
    ]
    # Printed in place (as the font's empty glyph), not dropped: the warning is the signal.
    assert "Talks resume" in page_texts(pdf.data)[0]
    with pytest.raises(RenderError, match="quotes.0.text"):
        render_pdf(kit, strict=True)


def test_a_control_character_in_the_series_never_reaches_the_running_header() -> None:
    kit = seed_kit()
    kit.series = "CNAS\x07 Responds\n"
    later_page = page_texts(render_pdf(kit).data)[1]
    assert "CNAS Responds: U.S., North Korea" in later_page
    assert "\x00" not in later_page and "\x07" not in later_page


def test_a_name_of_one_enormous_word_is_printed_cut_short() -> None:
    # A stranger's kit whose expert is called one 200,000-letter word: ReportLab's cost grows
    # faster than such a text (a million letters took hours), so short texts are cut.
    assert plain("W" * 1_000_000) == "W" * (MAX_SHORT_TEXT_CHARS - 1) + "…"
    assert plain("Duyeon Kim") == "Duyeon Kim"
    kit = seed_kit()
    kit.experts[0].name = "W" * 200_000
    text = "".join(page_texts(render_pdf(kit).data))
    assert 0 < text.count("W") < MAX_SHORT_TEXT_CHARS + 100

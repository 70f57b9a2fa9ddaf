"""The exported PDF as a journalist (and pypdf) sees it: text in order, outline, links,
metadata, fonts, page furniture and markings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from support.pdf_reading import assert_in_order, fonts, links, outline, page_texts, reader, squash
from support.render_fixtures import SEED_SENTENCES, international_kit, seed_kit

import presskit
from presskit.model import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    Embargo,
    PageSize,
    PresskitError,
    Resource,
    Status,
    markings,
)
from presskit.render import RenderedPdf, RenderError, render_pdf
from presskit.render.document import running_head
from presskit.render.typography import smarten

FONTS = Path(presskit.resources_path() / "fonts")  # a real folder in checkout and wheel


@pytest.fixture(scope="module")
def seed_pdf() -> RenderedPdf:
    return render_pdf(seed_kit(), invariant=True)


def test_seed_kit_reads_like_the_seed_in_the_same_order(seed_pdf: RenderedPdf) -> None:
    assert seed_pdf.warnings == []
    # Straight quotes typed in the seed print as typographic ones (on by default).
    assert_in_order("\n".join(page_texts(seed_pdf.data)), [smarten(s) for s in SEED_SENTENCES])


def test_the_headline_and_the_series_are_on_the_first_page(seed_pdf: RenderedPdf) -> None:
    first = page_texts(seed_pdf.data)[0]
    assert "CNAS Responds" in first
    assert "Center for a New American Security" in first
    assert squash("U.S., North Korea Consider Renewed Talks") in squash(first)


def test_page_count_matches_the_pdf_and_every_page_says_page_x_of_y(
        seed_pdf: RenderedPdf) -> None:
    texts = page_texts(seed_pdf.data)
    assert seed_pdf.page_count == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "CNAS · 1152 15th St NW" in text  # the brand footer


def test_later_pages_carry_a_running_header(seed_pdf: RenderedPdf) -> None:
    texts = page_texts(seed_pdf.data)
    head = "CNAS Responds: U.S., North Korea Consider Renewed Talks"
    assert head not in texts[0]
    assert all(head in text for text in texts[1:])
    # The series already names the organisation: the header does not say it twice.
    assert not any("CNAS · CNAS" in text for text in texts)


def test_the_running_header_names_the_organisation_only_where_it_adds_something() -> None:
    kit = seed_kit()  # CNAS, "Center for a New American Security"
    kit.series = "Weekly Briefing"
    assert running_head(kit).startswith("CNAS · Weekly Briefing: U.S., North Korea")
    kit.series = "The Center for a New American Security Weekly"
    assert running_head(kit).startswith("The Center for a New American Security Weekly: U.S.")
    kit.series, kit.title = "", "CNAS experts on the talks"
    assert running_head(kit) == "CNAS experts on the talks"
    kit.title = "CNASA launches a probe"  # a word that merely begins with it is not it
    assert running_head(kit) == "CNAS · CNASA launches a probe"


def test_reordered_quotes_appear_in_that_order_in_the_pdf() -> None:
    kit = seed_kit()
    quotes = kit.sections[3]
    quotes.quotes = list(reversed(quotes.quotes))
    text = "\n".join(page_texts(render_pdf(kit).data))
    assert_in_order(text, ["Neil Bhatiya, Associate Fellow", "Van Jackson, Adjunct",
                           "Kristine Lee, Associate", "Elizabeth Rosenberg, Director",
                           "Duyeon Kim, Adjunct"])
    assert [t for level, t, _ in outline(render_pdf(kit).data) if level == 1] == [
        "Neil Bhatiya", "Van Jackson", "Kristine Lee", "Elizabeth Rosenberg", "Duyeon Kim"]


def test_outline_has_one_entry_per_section_and_per_quoted_expert(
        seed_pdf: RenderedPdf) -> None:
    entries = outline(seed_pdf.data)
    assert [(level, title) for level, title, _ in entries] == [
        # The lead under the headline's words; the two contact boxes told apart: the
        # second by its id and its first words.
        (0, "U.S., North Korea Consider Renewed Talks"), (0, "Media contact: Cole Stevens"),
        (0, "Need a cheat sheet?"), (0, "Expert quotes"),
        (1, "Duyeon Kim"), (1, "Elizabeth Rosenberg"), (1, "Kristine Lee"),
        (1, "Van Jackson"), (1, "Neil Bhatiya"), (0, "Sharper"),
        (0, "Closing: All CNAS experts are available for interviews…"),
    ]
    texts = page_texts(seed_pdf.data)
    for level, title, page in entries:
        if level == 1:  # each bookmark points at the page where the expert's quote is
            assert f"{title}, " in texts[page]
    assert entries[-2][2] == next(i for i, t in enumerate(texts) if "Sharper" in t)


def test_an_expert_quoted_twice_gets_one_bookmark() -> None:
    kit = seed_kit()
    kit.sections[3].quotes.append("duyeon-kim-1")
    titles = [t for level, t, _ in outline(render_pdf(kit).data) if level == 1]
    assert titles.count("Duyeon Kim") == 1


def test_hidden_section_is_neither_printed_nor_in_the_outline() -> None:
    kit = seed_kit()
    kit.sections[4].hidden = True  # Sharper
    pdf = render_pdf(kit)
    text = squash("\n".join(page_texts(pdf.data)))
    assert squash("Sharper") not in text
    assert squash("Washington and Pyongyang have yet to agree") not in text
    assert "Sharper" not in [t for _, t, _ in outline(pdf.data)]
    assert squash("All CNAS experts are available for interviews.") in text


def test_contact_email_is_a_live_mailto_link(seed_pdf: RenderedPdf) -> None:
    uris = links(seed_pdf.data)
    assert (0, "mailto:press@example.org") in uris
    assert uris.count((0, "mailto:press@example.org")) >= 1
    assert any(uri == "https://cnas.example.org/reports/roadmap" for _, uri in uris)


def test_javascript_and_file_urls_are_printed_but_never_linked() -> None:
    kit = seed_kit()
    kit.resources = [
        Resource(id="evil", title="Evil report", url="javascript:alert(1)"),
        Resource(id="local", title="Local report", url="file:///etc/passwd"),
    ]
    kit.sections[2] = CalloutSection(id="a", heading="Read", resource="evil",
                                     text="See {title} at {url}.")
    kit.sections.insert(3, CalloutSection(id="b", resource="local", text="See {title} at {url}."))
    pdf = render_pdf(kit)
    text = squash("\n".join(page_texts(pdf.data)))
    assert squash("See Evil report at javascript:alert(1).") in text
    assert squash("See Local report at file:///etc/passwd.") in text
    uris = [uri for _, uri in links(pdf.data)]
    assert uris and all(uri.startswith(("mailto:", "https:", "http:")) for uri in uris)


def test_metadata_names_the_kit_the_organisation_and_the_topics(
        seed_pdf: RenderedPdf) -> None:
    meta = reader(seed_pdf.data).metadata
    assert meta is not None
    assert "U.S., North Korea Consider Renewed Talks" in meta.title
    assert meta.author == "Center for a New American Security"
    assert meta.subject == "CNAS Responds"
    assert meta["/Creator"] == f"presskit {presskit.__version__}"
    keywords = [k.strip() for k in meta["/Keywords"].split(",")]
    for topic in ("North Korea", "sanctions", "China", "North Korea talks", "sanctions relief"):
        assert topic in keywords
    assert len(keywords) == len({k.casefold() for k in keywords})  # deduplicated


def test_the_pdf_title_is_the_headline_and_the_series_is_its_subject(
        seed_pdf: RenderedPdf) -> None:
    meta = reader(seed_pdf.data).metadata
    assert meta is not None
    assert (meta.title, meta.subject) == (
        "U.S., North Korea Consider Renewed Talks", "CNAS Responds"
    )


def test_every_font_is_embedded_and_none_is_a_standard_font(seed_pdf: RenderedPdf,
                                                            tmp_path: Path) -> None:
    kit = international_kit(tmp_path)
    for data in (seed_pdf.data, render_pdf(kit).data):
        found = fonts(data)
        assert found, "no fonts found"
        assert all(found.values()), found
        standard = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
        assert not [name for name in found if name.lstrip("/").startswith(standard)]


def test_page_size_follows_the_brand(seed_pdf: RenderedPdf) -> None:
    letter = reader(seed_pdf.data).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    kit = seed_kit()
    kit.brand.page_size = PageSize.A4
    a4 = reader(render_pdf(kit).data).pages[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)


def test_draft_kit_is_marked_draft_on_every_page() -> None:
    kit = seed_kit()
    kit.status = Status.DRAFT
    texts = page_texts(render_pdf(kit).data)
    assert len(texts) >= 2
    assert all("DRAFT" in text for text in texts)


def test_final_kit_has_no_draft_or_embargo_marking(seed_pdf: RenderedPdf) -> None:
    text = "\n".join(page_texts(seed_pdf.data))
    assert "DRAFT" not in text
    assert "EMBARGOED" not in text


def test_embargoed_kit_says_until_when_on_every_page() -> None:
    kit = seed_kit()
    kit.embargo = Embargo(until=dt.datetime(2026, 12, 2, 6, 0), zone="Europe/Brussels")
    texts = page_texts(render_pdf(kit).data)
    assert all("EMBARGOED until 06:00 CET (05:00 UTC), 2 December 2026" in t for t in texts)


GERMAN = dataclasses.replace(
    markings.ENGLISH,
    embargoed="SPERRFRIST bis {time} ({utc}), {date}",
    draft="ENTWURF",
    draft_banner="ENTWURF · NICHT ZUR WEITERGABE",
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember"),
    date="{day}. {month} {year}",
)


def test_draft_label_and_embargo_band_speak_the_kits_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every marking on the page comes from the kit's language's phrases (``de-AT`` finds
    ``de``): the band, the first page's draft label, the running head's and the watermark."""
    monkeypatch.setitem(markings.PHRASES, "de", GERMAN)
    kit = seed_kit()
    kit.language = "de-AT"
    kit.status = Status.DRAFT
    kit.embargo = Embargo(until=dt.datetime(2026, 12, 2, 6, 0), zone="Europe/Brussels")
    texts = page_texts(render_pdf(kit).data)
    assert len(texts) >= 2
    assert all("SPERRFRIST bis 06:00 CET (05:00 UTC), 2. Dezember 2026" in t for t in texts)
    assert "ENTWURF · NICHT ZUR WEITERGABE" in texts[0]
    assert all(t.count("ENTWURF") >= 2 for t in texts)  # the label or head, the watermark
    assert not any("DRAFT" in t or "EMBARGOED" in t for t in texts)


def test_a_kit_in_a_language_without_phrases_is_marked_in_english() -> None:
    kit = seed_kit()
    kit.language = "sw"
    kit.status = Status.DRAFT
    texts = page_texts(render_pdf(kit).data)
    assert "DRAFT · NOT FOR DISTRIBUTION" in texts[0]


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    kit = international_kit(tmp_path)  # long enough to put headings near page ends
    pdf = render_pdf(kit)
    texts = page_texts(pdf.data)
    first_words = {
        "What our experts say": "Duyeon Kim",
        "Sharper": "Washington and Pyongyang",
        "About the experts": "Duyeon Kim",
        "About Center for a New American Security": "The Center for a New American",
    }
    pages = {title: page for level, title, page in outline(pdf.data) if level == 0}
    for title, words in first_words.items():
        text = texts[pages[title]]
        assert title in text
        assert words in text[text.index(title):], f"{title!r} is parted from its text"


def test_invariant_renders_are_byte_identical() -> None:
    assert render_pdf(seed_kit(), invariant=True).data == render_pdf(
        seed_kit(), invariant=True).data


def test_bios_default_to_every_quoted_expert_in_order_of_first_quote() -> None:
    kit = seed_kit()
    kit.experts[4].bio = "Neil writes about sanctions."
    kit.experts[0].bio = "Duyeon writes about Korea."
    kit.sections[3].quotes = ["neil-bhatiya-1", "duyeon-kim-1"]
    kit.sections.append(BiosSection(id="bios"))
    text = "\n".join(page_texts(render_pdf(kit).data))
    bios = text[text.index("About the experts"):]
    assert_in_order(bios, ["Neil Bhatiya", "Neil writes about sanctions.", "Duyeon Kim",
                           "Duyeon writes about Korea."])
    assert "Van Jackson" not in bios


def test_about_section_prints_the_brand_boilerplate_under_a_default_heading() -> None:
    kit = seed_kit()
    kit.sections.append(AboutSection(id="about"))
    pdf = render_pdf(kit)
    text = "\n".join(page_texts(pdf.data))
    assert_in_order(text, ["About Center for a New American Security",
                           "develops strong, pragmatic and principled"])
    assert outline(pdf.data)[-1][:2] == (0, "About Center for a New American Security")


def test_contact_section_without_text_uses_the_default_sentence() -> None:
    kit = seed_kit()
    kit.sections = [ContactSection(id="c", contact="cole")]
    text = "\n".join(page_texts(render_pdf(kit).data))
    assert squash("To arrange an interview, contact Cole Stevens at press@example.org.") in \
        squash(text)


def test_contact_placeholders_are_filled_and_unknown_ones_left_as_typed() -> None:
    kit = seed_kit()
    kit.sections = [ContactSection(id="c", contact="cole",
                                   text="Call {name} ({role}) on {phone}; {nothing} else.")]
    text = squash("\n".join(page_texts(render_pdf(kit).data)))
    assert squash("Call Cole Stevens (Communications Manager) on +1 202 555 0100; "
                  "{nothing} else.") in text


def test_reference_to_a_missing_contact_is_a_warning_not_a_crash() -> None:
    kit = seed_kit()
    kit.sections[1] = ContactSection(id="contact", contact="nobody")
    kit.sections[3].quotes.append("no-such-quote")
    pdf = render_pdf(kit)
    wheres = {p.where for p in pdf.warnings}
    assert ("sections", 1, "contact") in wheres
    assert ("sections", 3, "quotes", 5) in wheres
    with pytest.raises(RenderError):
        render_pdf(kit, strict=True)


def test_a_brand_ttf_file_is_embedded(tmp_path: Path) -> None:
    font = shutil.copy(FONTS / "DejaVuSerif.ttf", tmp_path / "House Serif.ttf")
    kit = seed_kit()
    kit.brand.fonts.heading = Path(font)
    pdf = render_pdf(kit)
    assert pdf.warnings == []
    assert any("DejaVuSerif" in name for name in fonts(pdf.data))


@pytest.mark.parametrize("content, reason", [
    (None, "file not found"),
    (b"this is not a font at all" * 40, "not a usable TrueType font"),
    (b"OTTO" + b"\0" * 400, "PostScript"),
])
def test_an_unusable_font_file_falls_back_to_dejavu_sans_with_a_warning(
        tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "Broken.ttf"
    if content is not None:
        path.write_bytes(content)
    kit = seed_kit()
    kit.brand.fonts.body = path
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("brand", "fonts", "body")
    assert str(path) in warning.message and reason in warning.message
    assert "DejaVu Sans is used instead" in warning.message
    assert all(fonts(pdf.data).values())
    with pytest.raises(RenderError, match="Broken.ttf"):
        render_pdf(kit, strict=True)


def test_two_brands_with_different_fonts_in_one_process_do_not_clash(tmp_path: Path) -> None:
    serif = tmp_path / "a" / "House.ttf"
    sans = tmp_path / "b" / "House.ttf"  # same file name, different font
    serif.parent.mkdir()
    sans.parent.mkdir()
    shutil.copy(FONTS / "DejaVuSerif-Bold.ttf", serif)
    shutil.copy(FONTS / "DejaVuSans-Oblique.ttf", sans)
    first, second = seed_kit(), seed_kit()
    first.brand.fonts.body = serif
    second.brand.fonts.body = sans
    assert any("Serif-Bold" in f for f in fonts(render_pdf(first).data))
    second_fonts = fonts(render_pdf(second).data)
    assert any("Oblique" in f for f in second_fonts)
    assert not any("Serif" in f for f in second_fonts)


def test_an_unknown_built_in_font_name_warns_and_falls_back() -> None:
    kit = seed_kit()
    kit.brand.fonts.body = "Comic Sans"
    pdf = render_pdf(kit)
    assert [p.where for p in pdf.warnings] == [("brand", "fonts", "body")]
    assert "'Comic Sans' is not a built-in font" in pdf.warnings[0].message


def test_bad_brand_colour_warns_and_uses_the_default() -> None:
    kit = seed_kit()
    kit.brand.colors.primary = "navy"
    pdf = render_pdf(kit)
    assert [p.where for p in pdf.warnings] == [("brand", "colors", "primary")]


def test_render_error_is_a_presskit_error() -> None:
    assert issubclass(RenderError, PresskitError)


def test_a_pale_accent_hands_links_and_small_text_to_the_primary_colour() -> None:
    from presskit.model import Colors
    from presskit.render.styles import WHITE, palette

    red, _ = palette(Colors(accent="#C8102E"))
    assert red.link == red.accent == red.accent_ink and red.on_accent == WHITE
    amber, _ = palette(Colors(accent="#E0A100"))
    assert amber.link == amber.primary == amber.accent_ink
    assert amber.on_accent == amber.text  # dark text on the amber embargo banner

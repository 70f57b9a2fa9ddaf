"""Every exported PDF is a tagged PDF a screen reader can read: a structure tree in reading
order, every mark on a page tagged or an artifact, figures described, links named.

The tree is read back with pikepdf, poppler (``pdfinfo -struct-text``) and the ``pdfua``
checker, none of which shares code with the ReportLab objects that wrote it. The reviewed
reading of the CNAS example is ``cnas-struct-text.txt`` beside this file; after an intended
change regenerate it with ``PRESSKIT_UPDATE_STRUCT_TEXT=1 .venv/bin/pytest
tests/render/tagging -k reference``, read the diff, and commit it.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.pdf_reading import assert_in_order, squash
from support.render_fixtures import international_kit, mixed_script_kit, seed_kit
from support.struct_tree import TaggedPdf, struct_text

from presskit.model import BiosSection, ContactSection, Kit, Quote, QuotesSection
from presskit.model.wording import visible_sections
from presskit.render import render_pdf
from presskit.render.typography import smarten
from presskit.storage import load_kit

REFERENCE = Path(__file__).with_name("cnas-struct-text.txt")
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None,
                                   reason="needs poppler-utils (pdfinfo)")


def long_quote_kit(folder: Path) -> Kit:
    """The seed kit whose second quote is longer than a page, so it must split."""
    kit = seed_kit()
    quote = kit.quotes[1]
    kit.quotes[1] = Quote(id=quote.id, expert=quote.expert,
                          text=" ".join([quote.text] * 12), topic=quote.topic)
    return kit


def spans_and_links_kit(_folder: Path) -> Kit:
    """The seed kit with words in other languages (one span wraps across a line, one holds a
    link) and a contact box that is nothing but the e-mail link."""
    kit = seed_kit()
    kit.sections[0].text = (  # the lead
        "Asked in Paris, the minister said [Bonjour tout le monde, **mes amis**]{lang=fr} "
        "and left for Geneva, where the talks will resume on Monday under the chair of "
        "[Frau Doktor Anna Müller-Lüdenscheidt von der Schweizerischen Eidgenossenschaft]"
        "{lang=de-CH}.")
    contacts = [s for s in kit.sections if isinstance(s, ContactSection)]
    contacts[0].text = "{email}"
    contacts[1].text = "[Écrivez à {email}]{lang=fr} for the French briefing."
    return kit


KITS: dict[str, Callable[[Path], Kit]] = {
    "cnas": lambda _folder: load_kit(CNAS_KIT).kit,
    "northbridge": lambda _folder: load_kit(NORTHBRIDGE_KIT).kit,
    "international": international_kit,  # draft, embargoed, headshots and placeholders, bios
    "mixed-scripts": mixed_script_kit,  # CJK, Greek, Cyrillic in fallback fonts
    "long-quote": long_quote_kit,
    "spans-and-links": spans_and_links_kit,
}


@pytest.fixture(scope="module", params=list(KITS))
def exported(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[Kit, TaggedPdf]:
    kit = KITS[request.param](tmp_path_factory.mktemp(request.param))
    return kit, TaggedPdf(render_pdf(kit, invariant=True).data)


def test_every_export_says_it_is_a_tagged_pdf_in_its_language_with_its_title(
        exported: tuple[Kit, TaggedPdf]) -> None:
    kit, tagged = exported
    root = tagged.pdf.Root
    assert root.MarkInfo.Marked is True
    assert tagged.root is not None
    assert [kid.role for kid in tagged.root.kids] == ["Document"]
    language = kit.language or "en"
    assert str(root.Lang) == language
    assert root.ViewerPreferences.DisplayDocTitle is True
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li>" in xmp
    with tagged.pdf.open_metadata() as meta:
        assert meta["dc:title"] == str(tagged.pdf.docinfo["/Title"]) == kit.title.strip()
        assert meta["dc:creator"] == [kit.brand.organisation.strip()]


def test_every_marked_content_id_is_in_the_tree_and_the_parent_tree_exactly_once(
        exported: tuple[Kit, TaggedPdf]) -> None:
    _kit, tagged = exported
    assert tagged.root is not None
    elements = tagged.root.walk()
    in_tree = Counter(item for element in elements for item in element.content)
    assert in_tree and max(in_tree.values()) == 1
    parents = tagged.parent_tree()
    by_objgen = {element.obj.objgen: element for element in elements}
    keys = set()
    for number, page in enumerate(tagged.pdf.pages, 1):
        mcids, _loose = tagged.marked_content(number)
        assert len(mcids) == len(set(mcids)), f"page {number}: an MCID opened twice"
        assert sorted(mcids) == sorted(m for p, m in in_tree if p == number)
        key = int(page.obj.StructParents)
        keys.add(key)
        owners = parents[key]
        assert len(owners) == len(mcids)
        for mcid in mcids:
            assert (number, mcid) in by_objgen[owners[mcid].objgen].content
    next_key = int(tagged.pdf.Root.StructTreeRoot.ParentTreeNextKey)
    assert all(key < next_key for key in parents)
    assert len(keys) == len(tagged.pdf.pages)


def test_everything_painted_on_a_page_is_tagged_content_or_an_artifact(
        exported: tuple[Kit, TaggedPdf]) -> None:
    _kit, tagged = exported
    loose = [op for n in range(1, len(tagged.pdf.pages) + 1) for op in tagged.marked_content(n)[1]]
    assert loose == []


def test_every_picture_is_a_figure_with_a_description(exported: tuple[Kit, TaggedPdf]) -> None:
    kit, tagged = exported
    assert tagged.root is not None
    figures = [e for e in tagged.root.walk() if e.role == "Figure"]
    assert all(figure.alt for figure in figures)
    alts = {figure.alt for figure in figures}
    if kit.brand.logo is not None:
        assert f"{' '.join(kit.brand.organisation.split())} logo" in alts
    for expert in kit.experts:
        # Every pictured expert who is quoted is described by name, as printed.
        if expert.photo is not None and f"Photo of {smarten(expert.name)}" not in alts:
            assert all(q.expert != expert.id for q in kit.quotes)


def test_every_link_names_its_destination_and_belongs_to_a_link_element(
        exported: tuple[Kit, TaggedPdf]) -> None:
    _kit, tagged = exported
    assert tagged.root is not None
    parents = tagged.parent_tree()
    links = [e for e in tagged.root.walk() if e.role == "Link"]
    annotated = {a.objgen for e in links for a in e.annotations}
    total = 0
    for page in tagged.pdf.pages:
        annots = page.obj.get("/Annots", [])
        if len(annots):
            assert page.obj.Tabs == "/S"
        for annot in annots:
            total += 1
            assert annot.objgen in annotated
            assert str(annot.Contents).startswith(("Link to ", "E-mail ", "Call "))
            owner = parents[int(annot.StructParent)]
            assert owner.S == "/Link"
            assert annot.objgen in [a.objgen for a in
                                    next(e for e in links if e.obj.objgen == owner.objgen)
                                    .annotations]
    assert total == len(annotated) > 0
    # The link's words are in its element, beside the annotation (PDF/UA 7.18.5).
    assert all(link.content for link in links)


@needs_poppler
def test_a_link_element_holds_its_own_words() -> None:
    reading = struct_text(render_pdf(load_kit(CNAS_KIT).kit, invariant=True).data)
    assert ('contact Cole Stevens at "\n      Link (inline)\n        "press@example.org"\n'
            '        Object') in reading
    # A title that wraps onto a second line is one link: its words on both, an annotation
    # for each line.
    link = reading.split("report, “\"\n      Link (inline)\n")[1].split('      ",”')[0]
    assert link.count("Object") == 2
    assert squash(re.sub(r"Object \d+ \d+", "", link).replace('"', "")) == squash(
        "Negotiating Toward a Denuclearization-Peace Roadmap on the Korean Peninsula")


@needs_poppler
def test_words_in_another_language_are_a_span_with_its_language(tmp_path: Path) -> None:
    tagged = TaggedPdf(render_pdf(spans_and_links_kit(tmp_path), invariant=True).data)
    assert tagged.root is not None
    spans = [e for e in tagged.root.walk() if e.role == "Span"]
    assert [str(e.obj.Lang) for e in spans] == ["fr", "de-CH", "fr"]
    reading = tagged.struct_text()
    # (the space after the span's last word is its own when the line breaks there)
    assert re.search(r'Span \(inline\)\n      "Bonjour tout le monde, mes amis ?"', reading)
    german = reading.split('Span (inline)\n      "Frau')[1].split("Span")[0]
    assert squash(german.replace('"', "")).startswith(
        squash("Doktor Anna Müller-Lüdenscheidt von der Schweizerischen Eidgenossenschaft"))
    # A link inside a span is in the span; a paragraph that is only a link holds the link.
    assert re.search(r'Span \(inline\)\s+"Écrivez à "\s+Link \(inline\)\s+'
                     r'"press@example.org"\s+Object \d+ 0\n\s+" for the French', reading)
    assert re.search(r'P \(block\)\s+Link \(inline\)\s+"press@example.org"\s+Object \d+ 0\n'
                     r'\s+Div', reading)
    # The words print as typed, without the markup.
    page = subprocess.run(["pdftotext", "-", "-"], input=tagged.data, check=True,
                          capture_output=True).stdout.decode()
    assert "{lang=" not in page and "[Bonjour" not in page
    assert "said Bonjour tout le monde, mes amis and left" in " ".join(page.split())


def reading_order(kit: Kit) -> list[str]:
    """What a reader meets, in order: the headline, then each section's heading, the names
    and quotes of its experts."""
    experts = {e.id: e for e in kit.experts}
    quotes = {q.id: q for q in kit.quotes}
    order = [smarten(kit.title)]
    for _index, section in visible_sections(kit):
        heading = getattr(section, "heading", "")
        if heading.strip() and section.type != "callout":
            order.append(smarten(heading))
        if isinstance(section, QuotesSection):
            for quote_id in section.quotes:
                quote = quotes[quote_id]
                order += [smarten(experts[quote.expert].name), smarten(quote.text)[:60]]
    return order


def test_headings_make_an_outline_one_level_at_a_time(exported: tuple[Kit, TaggedPdf]) -> None:
    """One H1, the headline; H2 for sections and boxes; H3 for each name in a bios section,
    so a screen reader's heading list is the kit's outline and never skips a level."""
    kit, tagged = exported
    assert tagged.root is not None
    roles = [e.role.lstrip("/") for e in tagged.root.walk()]
    levels = [int(role[1]) for role in roles if role in ("H1", "H2", "H3")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    bios = [s for _i, s in visible_sections(kit) if isinstance(s, BiosSection)]
    if bios:
        assert roles.count("H3") >= len(bios) and 3 in levels


@needs_poppler
def test_the_tree_reads_in_the_order_of_the_kit(exported: tuple[Kit, TaggedPdf]) -> None:
    kit, tagged = exported
    reading = tagged.struct_text()
    assert reading.startswith("Document\n")
    assert_in_order(reading, reading_order(kit))
    # Page furniture is not read out: no folio, no running head.
    assert "Page 1 of" not in reading


@needs_poppler
def test_a_quote_split_across_pages_is_one_element_with_content_on_both(
        tmp_path: Path) -> None:
    kit = long_quote_kit(tmp_path)
    tagged = TaggedPdf(render_pdf(kit, invariant=True).data)
    assert tagged.root is not None
    split = [e for e in tagged.root.walk()
             if e.role == "P" and len({page for page, _mcid in e.content}) > 1]
    assert split  # the long quote, and any other paragraph that runs on to the next page
    quote = squash(smarten(kit.quotes[1].text))
    # poppler quotes each piece of marked content: "…leverage to" "act in case…"
    text = squash(tagged.struct_text()).replace('""', "")
    assert text.count(quote) == 1  # the whole quote, in one piece


def test_the_pdfua_checker_finds_nothing(exported: tuple[Kit, TaggedPdf]) -> None:
    pdfua = pytest.importorskip("pdfua")
    _kit, tagged = exported
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kit.pdf"
        path.write_bytes(tagged.data)
        report = pdfua.validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    # A rule the checker could not run on the file is no pass either.
    assert [(o.rule_id, o.skipped_reason) for o in report.outcomes
            if "raised" in (o.skipped_reason or "")] == []


def fonts_of(resources: object) -> list[object]:
    found = []
    fonts = resources.get("/Font", {})  # type: ignore[attr-defined]
    found += [fonts[name] for name in fonts]
    xobjects = resources.get("/XObject", {})  # type: ignore[attr-defined]
    for name in xobjects:
        form = xobjects[name]
        if form.get("/Subtype") == "/Form" and "/Resources" in form:
            found += fonts_of(form.Resources)
    return found


@needs_poppler
def test_every_glyph_maps_back_to_the_text_typed(exported: tuple[Kit, TaggedPdf]) -> None:
    kit, tagged = exported
    for page in tagged.pdf.pages:
        for font in fonts_of(page.Resources):
            assert "/ToUnicode" in font, f"{font.get('/BaseFont')} has no ToUnicode map"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kit.pdf"
        path.write_bytes(tagged.data)
        copied = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                text=True).stdout
    copied = squash(copied)
    for expert in kit.experts:
        if any(q.expert == expert.id for q in kit.quotes):
            assert squash(smarten(expert.name)) in copied
    assert squash(smarten(kit.title)) in copied
    # Every quote, in every script the fallback fonts cover, word for word (read through the
    # tree, where a quote that runs onto the next page has no footer in the middle).
    read = squash(tagged.struct_text()).replace('""', "")
    for quote in kit.quotes:
        if "*" not in quote.text:
            assert squash(smarten(quote.text)) in read


def test_an_untagged_render_writes_no_structure() -> None:
    data = render_pdf(seed_kit(), invariant=True, tagged=False).data
    untagged = TaggedPdf(data)
    assert untagged.root is None and "/MarkInfo" not in untagged.pdf.Root
    assert b"BDC" not in b"".join(page.obj.Contents.read_bytes()
                                  for page in untagged.pdf.pages)


@needs_poppler
def test_the_cnas_example_reads_as_the_reviewed_reference() -> None:
    reading = struct_text(render_pdf(load_kit(CNAS_KIT).kit, invariant=True).data)
    if os.environ.get("PRESSKIT_UPDATE_STRUCT_TEXT"):
        REFERENCE.write_text(reading, encoding="utf-8")
    assert reading == REFERENCE.read_text(encoding="utf-8")


@needs_poppler
def test_a_wrapped_paragraph_reads_word_by_word_across_its_line_ends() -> None:
    kit = load_kit(CNAS_KIT).kit
    reading = struct_text(render_pdf(kit, invariant=True).data)
    lead = next(s for _i, s in visible_sections(kit) if s.type == "lead")
    for paragraph in smarten(lead.text).split("\n\n"):  # type: ignore[attr-defined]
        assert " ".join(paragraph.split()) in reading
    assert f'"{" ".join(smarten(kit.title).split())}"' in reading


def test_a_kit_in_another_language_says_so_in_the_catalog_and_the_metadata() -> None:
    kit = seed_kit()
    kit.language = "de-CH"
    tagged = TaggedPdf(render_pdf(kit, invariant=True).data)
    assert str(tagged.pdf.Root.Lang) == "de-CH"
    xmp = bytes(tagged.pdf.Root.Metadata.read_bytes()).decode("utf-8")
    assert "<dc:language><rdf:Bag><rdf:li>de-CH</rdf:li>" in xmp
    assert '<rdf:li xml:lang="de-CH">' in xmp


def many_quotes_kit(count: int) -> Kit:
    """The seed kit quoting its experts ``count`` times, in one quotes section."""
    kit = seed_kit()
    quotes = [Quote(id=f"q{n}", expert=kit.quotes[n % len(kit.quotes)].expert,
                    text=kit.quotes[n % len(kit.quotes)].text) for n in range(count)]
    kit.quotes = quotes
    section = next(s for s in kit.sections if isinstance(s, QuotesSection))
    section.quotes = [quote.id for quote in quotes]
    return kit


def test_the_tree_is_one_compressed_object_stream_every_reader_finds() -> None:
    """The structure tree goes into a Flate object stream of a hybrid-reference file, so a
    long kit's thousands of elements cost little: every reader here must still find it."""
    data = render_pdf(many_quotes_kit(40), invariant=True).data
    assert data.startswith(b"%PDF-1.7")
    assert b"/S/BlockQuote" not in data and b"/StructTreeRoot" in data  # the catalog's key
    tagged = TaggedPdf(data)
    assert tagged.pdf.check_pdf_syntax() == [] and tagged.pdf.get_warnings() == []
    assert tagged.root is not None
    assert [e.role for e in tagged.root.walk()].count("BlockQuote") == 40
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()["/S"] == "/Document"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kit.pdf"
        path.write_bytes(data)
        done = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                              text=True, check=True)
    assert done.stderr == "" and done.stdout.count("BlockQuote") == 40


@pytest.mark.parametrize("quotes", [0, 150])
def test_tagging_adds_at_most_fifteen_percent_to_the_pdf(quotes: int) -> None:
    """The issue's size budget, on the CNAS example and a kit of 150 quotes (``make bench``
    measures 1,000 and the time)."""
    kit = load_kit(CNAS_KIT).kit if not quotes else many_quotes_kit(quotes)
    tagged = len(render_pdf(kit, invariant=True).data)
    untagged = len(render_pdf(kit, invariant=True, tagged=False).data)
    assert tagged / untagged <= 1.15


"""The structure tree and the XMP metadata read back in this process, as a screen reader and a
PDF/UA checker find them: each language span holds its own words and no more, and the
metadata packet is well-formed XML whose every field matches the document information.
(``test_tagged_pdf.py`` reads the tree with poppler too, in another process.)"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
from support.pdf_reading import reader
from support.render_fixtures import make_headshot, seed_kit
from support.struct_reading import Read, artifact_texts, read_tree
from support.struct_tree import TaggedPdf

from presskit.model import ContactSection, Kit, LeadSection, QuotesSection
from presskit.render import render_pdf
from presskit.render.text import initials

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def spans_and_links_kit() -> Kit:
    """The seed kit with two language spans in its lead (one ending mid-line, one that
    wraps), a contact box that is nothing but a link, and one that links twice."""
    kit = seed_kit()
    kit.sections[0].text = (
        "Asked in Paris, the minister said [Bonjour tout le monde, **mes amis**]{lang=fr} "
        "and left for Geneva, where the talks will resume on Monday under the chair of "
        "[Frau Doktor Anna Müller-Lüdenscheidt von der Schweizerischen Eidgenossenschaft]"
        "{lang=de-CH}.")
    first, second = [s for s in kit.sections if isinstance(s, ContactSection)]
    first.text = "{email}"
    second.text = "{email} first, then more words, then {email} again at the end"
    return kit


@pytest.fixture(scope="module")
def tagged_pdf() -> bytes:
    return render_pdf(spans_and_links_kit(), invariant=True).data


def test_a_span_in_another_language_holds_its_own_words_and_no_more(tagged_pdf: bytes) -> None:
    tree = read_tree(tagged_pdf)
    lead = next(n for n, read in enumerate(tree) if read.text.startswith("Asked in Paris"))
    assert tree[lead:lead + 3] == [
        Read("P", "", "Asked in Paris, the minister said and left for Geneva, where the talks "
                      "will resume on Monday under the chair of ."),
        Read("Span", "fr", "Bonjour tout le monde, mes amis"),
        Read("Span", "de-CH", "Frau Doktor Anna Müller-Lüdenscheidt von der Schweizerischen "
                              "Eidgenossenschaft"),
    ]


def test_the_metadata_packet_is_xml_that_says_what_the_document_information_says() -> None:
    kit = seed_kit()
    kit.title = 'R&D <briefing> "on" Korea\'s talks'
    kit.language = "fr"
    pdf = pikepdf.open(io.BytesIO(render_pdf(kit, invariant=True).data))
    info = pdf.docinfo
    root = ET.fromstring(pdf.Root.Metadata.read_bytes())  # well-formed, namespaces bound
    [about] = root.findall("rdf:RDF/rdf:Description", NS)

    def alternatives(name: str) -> dict[str, str]:
        return {li.get(XML_LANG, ""): li.text or "" for li in
                about.findall(f"{name}/rdf:Alt/rdf:li", NS)}

    assert alternatives("dc:title") == {"x-default": str(info.Title), "fr": str(info.Title)}
    assert str(info.Title) == "R&D <briefing> \u201con\u201d Korea\u2019s talks"  # smart quotes
    assert alternatives("dc:description") == {"x-default": str(info.Subject),
                                              "fr": str(info.Subject)}
    assert about.findtext("dc:format", namespaces=NS) == "application/pdf"
    assert [li.text for li in about.findall("dc:creator/rdf:Seq/rdf:li", NS)] == [
        str(info.Author)]
    assert [li.text for li in about.findall("dc:language/rdf:Bag/rdf:li", NS)] == ["fr"]
    keywords = [li.text for li in about.findall("dc:subject/rdf:Bag/rdf:li", NS)]
    assert keywords and ", ".join(keywords) == str(info.Keywords)
    assert about.findtext("pdf:Keywords", namespaces=NS) == str(info.Keywords)
    # The same producer in both: PDF/A and PDF/UA checkers compare them.
    assert about.findtext("pdf:Producer", namespaces=NS) == str(info.Producer)
    assert about.findtext("xmp:CreatorTool", namespaces=NS) == str(info.Creator)
    assert about.findtext("pdfuaid:part", namespaces=NS) == "1"


def test_a_paragraph_that_is_only_a_link_holds_a_link_element_with_its_words(
    tagged_pdf: bytes,
) -> None:
    tree = read_tree(tagged_pdf)
    at = next(n for n, read in enumerate(tree) if "press@example.org" in read.text)
    assert tree[at - 1:at + 1] == [Read("P", "", ""), Read("Link", "", "press@example.org")]


def placed_words(data: bytes) -> list[tuple[str, float, float]]:
    """Every piece of text on every page with where it starts on the page."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            x, y = tm[4], tm[5]
            found.append((text.strip(), round(x * cm[0] + y * cm[2] + cm[4], 1),
                          round(x * cm[1] + y * cm[3] + cm[5], 1)))

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_tagging_moves_no_word_on_the_page(tagged_pdf: bytes) -> None:
    """Paragraphs with links and language spans are drawn by a text object of their own in a
    tagged PDF; every word stays where the untagged PDF has it."""
    tagged = placed_words(tagged_pdf)
    assert any("press@example.org first, then" in text for text, _x, _y in tagged)
    untagged = render_pdf(spans_and_links_kit(), invariant=True, tagged=False).data
    assert tagged == placed_words(untagged)


def test_each_link_element_holds_its_linked_words_and_its_paragraph_the_rest(
    tagged_pdf: bytes,
) -> None:
    tree = read_tree(tagged_pdf)
    links = [read.text for read in tree if read.role == "Link"]
    assert links and set(links) == {
        "press@example.org", "Negotiating Toward a Denuclearization-Peace Roadmap on the "
        "Korean Peninsula"}
    assert Read("P", "", "first, then more words, then again at the end") in tree
    assert Read("P", "", "Read CNAS Adjunct Senior Fellow Duyeon Kim\u2019s recent report, "
                         "\u201c ,\u201d which outlines practical steps to help guide Washington "
                         "as the Trump administration navigates a range of options in "
                         "negotiations with North Korea.") in tree


def test_every_link_element_has_its_words_and_every_annotation_of_them(
    tagged_pdf: bytes,
) -> None:
    """A link that wraps is one element with an annotation per line; two links to the same
    address in one paragraph are two elements, each with its own annotation."""
    tagged = TaggedPdf(tagged_pdf)
    assert tagged.root is not None
    links = [element for element in tagged.root.walk() if element.role == "Link"]
    assert all(element.content and element.annotations for element in links)
    wrapped = [element for element in links if len(element.annotations) > 1]
    assert wrapped, "the report's title wraps: one element, two annotations"
    annotations = [annot for page in tagged.pdf.pages for annot in page.get("/Annots", [])
                   if annot.get("/Subtype") == "/Link"]
    assert len(annotations) == sum(len(element.annotations) for element in links)


# Each test below renders its own small kit in its body (a few hundredths of a second), so
# ``make mutate`` counts it among the tests of the tagging code it runs: mutmut ties a test to
# the code it called, and a render in a module-scoped fixture is tied to the first test only.

def small_kit(lead: str, *contacts: str, folder: Path | None = None) -> Kit:
    """The seed kit cut to its lead and a contact box for each of ``contacts`` (their
    ``{email}`` is press@example.org); with ``folder``, a quote with the expert's headshot."""
    kit = seed_kit()
    kit.sections = [LeadSection(id="lead", text=lead)] + [
        ContactSection(id=f"contact-{n}", contact="cole", text=text)
        for n, text in enumerate(contacts)]
    kit.quotes = kit.quotes[:1] if folder is not None else []
    if folder is not None:
        kit.experts[0].photo = make_headshot(folder / "photo.jpg", 1)
        kit.sections.append(QuotesSection(id="experts", quotes=[kit.quotes[0].id],
                                          photos=True))
    return kit


def link_elements(data: bytes) -> list[tuple[str, int]]:
    """Each ``Link`` element's words, with how many link annotations it holds."""
    words = iter(read.text for read in read_tree(data) if read.role == "Link")
    tagged = TaggedPdf(data)
    assert tagged.root is not None
    return [(next(words), len(element.annotations)) for element in tagged.root.walk()
            if element.role == "Link"]


def test_a_contact_box_that_is_only_an_address_reads_as_a_link_with_its_annotation() -> None:
    data = render_pdf(small_kit("The talks resume.", "{email}"), invariant=True).data
    tree = read_tree(data)
    at = tree.index(Read("Link", "", "press@example.org"))
    assert tree[at - 1] == Read("P", "", "")  # the box's paragraph: nothing but the link
    assert link_elements(data) == [("press@example.org", 1)]
    # A page with a link says its tab order is the structure's (PDF/UA 7.18.3).
    pdf = pikepdf.open(io.BytesIO(data))
    assert pdf.pages[0].obj.Tabs == "/S"


def test_a_link_inside_a_sentence_holds_its_words_and_the_sentence_the_rest() -> None:
    data = render_pdf(small_kit("The talks resume.", "Write to {email} for a seat."),
                      invariant=True).data
    assert Read("P", "", "Write to for a seat.") in read_tree(data)
    assert link_elements(data) == [("press@example.org", 1)]


def test_two_links_to_one_address_in_a_sentence_each_hold_their_own_annotation() -> None:
    data = render_pdf(small_kit("The talks resume.", "{email} or {email}"), invariant=True).data
    assert link_elements(data) == [("press@example.org", 1), ("press@example.org", 1)]


def test_a_paragraph_with_links_over_several_lines_puts_its_words_where_untagged_does() -> None:
    kit = small_kit("The talks resume.", " ".join(["Write to {email} for a seat at the talks,"]
                                                  * 6))
    tagged = placed_words(render_pdf(kit, invariant=True).data)
    assert len({y for _text, _x, y in tagged}) > 5  # the box's lines, and the page's others
    assert tagged == placed_words(render_pdf(kit, invariant=True, tagged=False).data)


def test_a_headshot_is_a_figure_whose_picture_is_its_content(tmp_path: Path) -> None:
    tagged = TaggedPdf(render_pdf(small_kit("The talks resume.", folder=tmp_path),
                                  invariant=True).data)
    assert tagged.root is not None
    [figure] = [element for element in tagged.root.walk() if element.role == "Figure"]
    assert figure.content and figure.alt
    pages = range(1, len(tagged.pdf.pages) + 1)
    assert [op for n in pages for op in tagged.marked_content(n)[1]] == []


def test_wrapped_lines_read_word_by_word_from_the_spaces_drawn() -> None:
    """A reader that takes the text as drawn (no word break guessed at a line's end) still
    reads every word of a wrapped headline, lead and styled paragraph: each line ends in a
    drawn space."""
    lead = ("The talks resume in Geneva on Monday under the chair of the Swiss, who have "
            "offered to host them for as long as the delegations need to agree on a roadmap.")
    styled = ("Reporters *accredited for the summit* may ask **any of our experts** for a "
              "briefing before the talks, and *after them* for a reading of what was agreed.")
    tree = read_tree(render_pdf(small_kit(lead, styled), invariant=True).data, moves=False)
    assert Read("H1", "", "U.S., North Korea Consider Renewed Talks") in tree  # two lines
    assert Read("P", "", lead) in tree  # three lines, one style
    assert Read("P", "", styled.replace("*", "")) in tree  # three lines, three styles


def test_a_line_of_one_long_word_is_drawn_and_the_lines_after_it_read_as_words() -> None:
    """A plain paragraph whose first lines hold one word each (two long words, then one too
    long for a line, cut in pieces) is drawn, every line's word read apart from the next."""
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"
    lead = (f"{word} {word} {word * 3} and then the talks resume in Geneva on Monday under "
            "the Swiss chair.")
    tree = read_tree(render_pdf(small_kit(lead), invariant=True).data, moves=False)
    assert Read("P", "", lead) in tree


def test_a_typed_line_break_reads_as_a_break_between_words() -> None:
    """Lines the user broke by hand end in a drawn space too: "lead second", not "leadsecond";
    and every word stays where the untagged PDF puts it."""
    lead = "First line of the lead\nsecond line *in italics* here\nthird and last"
    kit = small_kit(lead, "Press office\nWashington\n{email}")
    data = render_pdf(kit, invariant=True).data
    tree = read_tree(data, moves=False)
    assert Read("P", "", "First line of the lead second line in italics here third and last") \
        in tree
    assert Read("P", "", "Press office Washington") in tree  # then the link, its own element
    assert placed_words(data) == placed_words(render_pdf(kit, invariant=True, tagged=False).data)


def test_a_web_address_broken_over_lines_reads_as_one_word() -> None:
    """A long address is broken after a slash or before a dot: no space goes in at those
    breaks, so it reads (and copies) as the address; the lines after it are words again, down
    to one broken by hand."""
    url = ("https://cnas.example.org/reports/2019/09/negotiating-toward-a-denuclearization-"
           "peace-roadmap-on-the-korean-peninsula/full-text.html")
    lead = f"Read {url} {'and more ' * 6}words\nNext"
    data = render_pdf(small_kit(lead), invariant=True).data
    assert Read("P", "", lead.replace("\n", " ")) in read_tree(data, moves=False)
    placed = placed_words(data)
    assert len({y for text, _x, y in placed if "roadmap" in text or "cnas" in text
                or "full-text" in text}) == 3  # the address is on three lines
    assert "words" in [text for text, _x, _y in placed]  # alone on its line, broken by hand


def test_an_address_too_long_for_its_line_reads_as_one_word() -> None:
    """Its pieces on two lines get no space between them: it is one word, not two."""
    kit = small_kit("The talks resume.", "{email}")
    kit.contacts[0].email = address = f"press.{'x' * 90}@example.org"
    data = render_pdf(kit, invariant=True).data
    assert [read.text for read in read_tree(data, moves=False) if read.role == "Link"] == [
        address]
    assert len({y for text, _x, y in placed_words(data) if "x" * 20 in text}) == 2


def test_the_trailer_and_the_cross_reference_stream_describe_the_same_file() -> None:
    """The packed structure tree is found through a cross-reference stream; it and the
    trailer agree on the file's size, and the trailer keeps the file identifier (PDF/A and
    PDF/UA checkers require one)."""
    pdf = pikepdf.open(io.BytesIO(render_pdf(small_kit("The talks resume."),
                                             invariant=True).data))
    trailer = pdf.trailer
    highest = max(number for number, _generation in (obj.objgen for obj in pdf.objects))
    xref = pdf.get_object((highest, 0))
    assert xref.Type == "/XRef"  # written last
    assert int(xref.Size) == int(trailer.Size) == highest + 1
    first, second = (bytes(part) for part in trailer.ID)
    assert len(first) == 16 and first == second


def test_a_two_page_kit_is_a_tree_whose_every_mark_and_link_a_reader_finds(
    tmp_path: Path,
) -> None:
    """A lead that runs onto the second page (one element, content on both), a language span,
    links, a headshot: every marked-content id is in the tree and the parent tree once, under
    its element; every link annotation is named and leads back to its ``Link`` element;
    nothing is painted outside tagged content or an artifact."""
    lead = " ".join(["The talks resume in Geneva on Monday under the chair of the Swiss."] * 40)
    kit = small_kit(lead + " [Bonjour tout le monde]{lang=fr} and left.",
                    "{email}", "Write to {email} or {email} for a seat.", folder=tmp_path)
    data = render_pdf(kit, invariant=True).data
    tagged = TaggedPdf(data)
    assert tagged.root is not None
    assert [kid.role for kid in tagged.root.kids] == ["Document"]
    elements = tagged.root.walk()
    by_objgen = {element.obj.objgen: element for element in elements}
    placed = [item for element in elements for item in element.content]
    assert len(placed) == len(set(placed))
    parents = tagged.parent_tree()
    pages = tagged.pdf.pages
    assert len(pages) == 2
    for number, page in enumerate(pages, 1):
        mcids, loose = tagged.marked_content(number)
        assert loose == []
        assert sorted(mcids) == sorted(m for p, m in placed if p == number)
        owners = parents[int(page.obj.StructParents)]
        assert len(owners) == len(mcids)
        for mcid in mcids:
            assert (number, mcid) in by_objgen[owners[mcid].objgen].content
    [paragraph] = [e for e in elements if {p for p, _m in e.content} == {1, 2}]
    assert paragraph.role == "P"
    annotations = [(number, annot) for number, page in enumerate(pages, 1)
                   for annot in page.obj.get("/Annots", [])]
    assert len(annotations) == 3
    for number, annot in annotations:
        assert pages[number - 1].obj.Tabs == "/S"
        assert str(annot.Contents) == "E-mail press@example.org"
        owner = by_objgen[parents[int(annot.StructParent)].objgen]
        assert owner.role == "Link" and [a.objgen for a in owner.annotations] == [annot.objgen]
    assert int(tagged.pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parents) + 1
    for element in elements:  # marked content on other pages than /Pg in MCR dictionaries
        kids = element.obj.get("/K", [])
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                assert kid.Pg.objgen != element.obj.Pg.objgen  # else a bare number: compact
    [figure] = [e for e in elements if e.role == "Figure"]
    assert figure.alt == f"Photo of {kit.experts[0].name}"
    tree = read_tree(data)
    assert Read("Span", "fr", "Bonjour tout le monde") in tree
    assert Read("P", "", lead + " and left.") in tree


def test_page_furniture_and_decoration_are_artifacts_of_their_kind(tmp_path: Path) -> None:
    """A screen reader skips both; a checker tells them apart: the footer and folio are
    pagination, a headshot's placeholder (its initials), the masthead band and a box's
    background are layout."""
    kit = small_kit("The talks resume.", "{email}", folder=tmp_path)
    missing = kit.experts[1]  # quoted, no photo: a placeholder with initials
    kit.quotes.append(seed_kit().quotes[1])
    assert kit.quotes[1].expert == missing.id and missing.photo is None
    kit.sections[-1] = QuotesSection(id="experts", quotes=[q.id for q in kit.quotes],
                                     photos=True)
    found = artifact_texts(render_pdf(kit, invariant=True).data)
    kinds = {what: kind for _page, kind, what in found}
    assert kinds.pop("[pkFooter][pkFolio1]") == "Pagination"
    assert kinds.pop(f"~{initials(missing.name)}") == "Layout"
    assert len(kinds) >= 2 and set(kinds.values()) == {"Layout"}

"""Pages as a print designer checks them: no hole at a page's foot, no lone short word ending a
paragraph, a comfortable measure. Everything is measured from the rendered PDF (text lines read
back with pypdf, the ink of each page from poppler's rasteriser), on kits generated with
quotes and leads from one line to two pages, photos on and off, on A4 and Letter."""

from __future__ import annotations

import random

import pytest
import support.visual_pages as visual_pages
from support.examples import NORTHBRIDGE_KIT, ROOT
from support.page_lines import Line, page_lines, paragraphs
from support.render_fixtures import seed_kit

from presskit.model import (
    BiosSection,
    Brand,
    Kit,
    LeadSection,
    PageSize,
    Quote,
    QuotesSection,
    TextSection,
)
from presskit.render import render_pdf
from presskit.render.styles import BODY_LEADING
from presskit.storage import load_brand, load_kit

MM = 72 / 25.4
#: Words of ordinary lengths (1 to 14 letters), for text that wraps like prose.
WORDS = (
    "a an of to in is on at by we it as or be the and for not are but has was our its "
    "talks peace north korea sanctions relief nuclear program policy process deadline "
    "diplomatic negotiations administration denuclearization verifiable intermediate "
    "washington pyongyang regional alliance security shipping arctic council insurance "
    "framework proportional commitments consequences summit statement roadmap")
VOCABULARY = WORDS.split()


def prose(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    return text[0].upper() + text[1:] + "."


# -- holes -----------------------------------------------------------------------------------

#: Quote and lead lengths in words: one line, a few lines, a paragraph, a page, two pages;
#: mostly short, so that many entries meet a page's foot.
LENGTHS = (6, 10, 14, 20, 28, 36, 45, 60, 80, 110, 170, 430, 900)


def generated_kit(seed: int, page_size: PageSize, photos: bool) -> Kit:
    """The seed kit's brand and people, with a lead and a run of quotes of random lengths."""
    rng = random.Random(seed)
    kit = seed_kit()
    kit.brand.page_size = page_size
    quotes = []
    for n in range(8):
        expert = kit.experts[n % len(kit.experts)]
        quotes.append(Quote(id=f"q{n}", expert=expert.id, text=prose(rng, rng.choice(LENGTHS))))
    kit.quotes = quotes
    kit.sections = [
        LeadSection(id="lead", text=prose(rng, rng.choice(LENGTHS))),
        QuotesSection(id="quotes", quotes=[q.id for q in quotes], photos=photos),
    ]
    return kit


def foot_gaps(pdf: bytes, bottom: float, top: float) -> list[float]:
    """Points of empty paper between the lowest ink in the text block and its foot, for every
    page but the last (header and footer sit outside the block)."""
    gaps = []
    points = 72 / visual_pages.DPI  # a pixel's height
    for page in visual_pages.rasterise(pdf)[:-1]:
        first_row = int(top / points) + 1
        last_row = page.height - int(bottom / points) - 1
        pixels, width = page.tobytes(), page.width
        # Ink: text, a picture, a box's tint (the palest thing printed, about 240 of 255).
        rows = [y for y in range(first_row, last_row)
                if min(pixels[y * width:(y + 1) * width]) < 245]
        assert rows, "an empty page"
        gaps.append((last_row - rows[-1]) * points)
    return gaps


#: Seeds, page sizes and photos: each of these left a hole of 5 to 32 lines before.
CASES = [(1, PageSize.A4, False), (3, PageSize.LETTER, True), (4, PageSize.A4, True),
         (4, PageSize.LETTER, False)]


@pytest.mark.skipif(visual_pages.pdftoppm() is None, reason="needs poppler-utils (pdftoppm)")
@pytest.mark.parametrize(("seed", "page_size", "photos"), CASES)
def test_no_page_ends_with_more_than_four_empty_lines(seed: int, page_size: PageSize,
                                                      photos: bool) -> None:
    kit = generated_kit(seed, page_size, photos)
    pdf = render_pdf(kit, invariant=True).data
    margins = kit.brand.margins
    gaps = foot_gaps(pdf, max(margins.bottom, 14) * MM, max(margins.top, 14) * MM)
    # Four empty lines of body text, and the ink of the last line's descenders (2.5 points).
    assert all(gap < 4 * BODY_LEADING + BODY_LEADING - 0.01 + 2.5 for gap in gaps), (
        [round(gap / BODY_LEADING, 1) for gap in gaps])


def test_a_long_quote_and_a_long_lead_split_and_keep_two_lines_each_side() -> None:
    kit = seed_kit()
    rng = random.Random(7)
    kit.sections[0] = LeadSection(id="lead", text=prose(rng, 480))  # one paragraph, ~1 page
    kit.quotes[0].text = prose(rng, 170)  # about 17 lines, right after the lead
    pdf = render_pdf(kit, invariant=True).data
    pages = page_lines(pdf)

    def lines_of(text: str, size: float) -> list[int]:
        """How many lines of ``text`` each page holds."""
        flat = " ".join(text.split())
        return [sum(1 for line in page if line.size == size
                    and " ".join(line.text.replace("“", "").replace("”", "").split()) in flat)
                for page in pages]

    lead, quote = lines_of(kit.sections[0].text, 11), lines_of(kit.quotes[0].text, 10.5)
    # The lead starts on page 1 (no page of masthead and headline alone) and runs on.
    assert lead[0] >= 2 and lead[1] >= 2 and sum(1 for n in lead if n) == 2, lead
    # The quote starts on the page where the lead ends, under its name, and runs on.
    assert quote[1] >= 2 and quote[2] >= 2 and sum(1 for n in quote if n) == 2, quote
    assert any(line.text.startswith(kit.experts[0].name) for line in pages[1])


# -- lone words ------------------------------------------------------------------------------

def lone_words(lines: list[list[Line]]) -> list[str]:
    """The last lines that are one short word, where the line above had words to spare."""
    found = []
    for para in lines:
        if len(para) < 2:
            continue
        last, above = para[-1].text.split(), para[-2].text.split()
        if len(last) == 1 and len(para[-1].text) < 10 and len(above) >= 2:
            found.append(f"{para[-2].text} / {para[-1].text}")
    return found


def test_no_paragraph_ends_on_a_lone_short_word() -> None:
    rng = random.Random(11)
    kit = seed_kit()
    kit.sections = [TextSection(id="text", text="\n\n".join(
        prose(rng, rng.randint(8, 90)) for _ in range(40)))]
    pdf = render_pdf(kit, invariant=True).data
    body = [para for page in page_lines(pdf)
            for para in paragraphs(page, 10.5, BODY_LEADING)]
    assert len(body) >= 30
    assert lone_words(body) == []


# -- measure ---------------------------------------------------------------------------------

def brands() -> dict[str, Brand]:
    """The brands presskit ships: the house brand new kits start with (DejaVu Sans, 20 mm
    margins; the CNAS example's brand has the same type and margins) and the Northbridge
    example's (DejaVu Serif, 18 mm margins)."""
    return {"house": load_brand(ROOT / "resources" / "brand" / "default.yaml"),
            "northbridge": load_kit(NORTHBRIDGE_KIT).kit.brand}


def measure_kit(brand: Brand, page_size: PageSize) -> Kit:
    rng = random.Random(3)
    kit = seed_kit()
    brand.page_size = page_size
    brand.logo = None
    kit.brand = brand
    for quote in kit.quotes:
        quote.text = prose(rng, 60)
    for expert in kit.experts:
        expert.bio = prose(rng, 45)
    kit.sections = [LeadSection(id="lead", text=prose(rng, 90)),
                    TextSection(id="text", text=prose(rng, 150)),
                    QuotesSection(id="quotes", quotes=[q.id for q in kit.quotes[:2]]),
                    BiosSection(id="bios", experts=[e.id for e in kit.experts[:2]])]
    return kit


@pytest.mark.parametrize("page_size", [PageSize.A4, PageSize.LETTER])
@pytest.mark.parametrize("name", ["house", "northbridge"])
def test_body_text_runs_60_to_80_characters_a_line(name: str, page_size: PageSize) -> None:
    kit = measure_kit(brands()[name], page_size)
    pages = page_lines(render_pdf(kit, invariant=True).data)
    for what, size, leading in (("lead", 11, 17), ("body and quotes", 10.5, BODY_LEADING),
                                ("bios", 9.5, 13.5)):
        full = [line for page in pages for para in paragraphs(page, size, leading)
                for line in para[:-1]]
        assert len(full) >= 4, what
        average = sum(len(line.text) for line in full) / len(full)
        assert 60 <= average <= 80, f"{name}, {page_size.value}: {what} {average:.1f}"


"""The program an expert belongs to is printed after the title in every format, unless the
brand leaves programs out, and never twice."""

from __future__ import annotations

import copy

from support.examples import NORTHBRIDGE_KIT
from support.pdf_reading import text

from presskit.formats import export
from presskit.render import render_pdf
from presskit.storage import load_kit


def squashed(words: str) -> str:
    return " ".join(words.split())


def test_the_program_follows_the_title_in_the_pdf_and_the_text_formats() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    pdf = squashed(text(render_pdf(kit).data))
    assert "Chair in Climate Economics · Climate and Economy" in pdf
    # "Senior Fellow, Maritime Security" names its program: printed once.
    assert "Maritime Security · Maritime Security" not in pdf
    exported = export(kit, "email").files
    for words in (exported[".txt"], export(kit, "markdown").files[".md"]):
        assert "Chair in Climate Economics · Climate and Economy" in squashed(words.decode())


def test_a_brand_that_leaves_programs_out_prints_titles_alone() -> None:
    kit = copy.deepcopy(load_kit(NORTHBRIDGE_KIT).kit)
    kit.brand.show_program = False
    pdf = squashed(text(render_pdf(kit).data))
    assert "Chair in Climate Economics" in pdf and "Climate and Economy" not in pdf

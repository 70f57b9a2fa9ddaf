"""The warning for a brand font file that cannot be used, word for word: which font and face,
the file, the reason, and what prints instead (a built-in family's own face, the regular face
of a brand's family, or DejaVu Sans)."""

from __future__ import annotations

from pathlib import Path

from presskit.model import Fonts, Severity
from presskit.render.fonts.registry import resolve


def test_a_missing_bold_file_for_a_built_in_family_falls_back_to_its_own_bold(
        tmp_path: Path) -> None:
    missing = tmp_path / "Display-Bold.ttf"
    fonts, problems = resolve(Fonts(heading="DejaVu Serif", heading_bold=missing))
    [problem] = problems
    assert problem.severity is Severity.WARNING
    assert problem.where == ("brand", "fonts", "heading_bold")
    assert problem.message == (f"heading bold font file {missing} cannot be used: file not "
                               "found; the heading font's own bold face is used instead")
    assert fonts.heading.bold == "PK-DejaVuSerif-Bold"


def test_a_woff2_file_is_named_a_web_font(tmp_path: Path) -> None:
    web = tmp_path / "House.woff2"
    web.write_bytes(b"wOF2" + b"\0" * 400)
    fonts, problems = resolve(Fonts(body=web))
    [problem] = problems
    assert problem.where == ("brand", "fonts", "body")
    assert problem.message == (f"body font file {web} cannot be used: a web font (WOFF); use "
                               "the TrueType (.ttf) version of the font; DejaVu Sans is used "
                               "instead")
    assert fonts.body.regular == "PK-DejaVuSans"

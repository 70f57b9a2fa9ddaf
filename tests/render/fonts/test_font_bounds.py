"""A font file made to hang or exhaust memory is refused before ReportLab parses it: a warning
names the file and the reason, and the text prints in the fallback font as for any unusable
font."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.font_files import SHIPPED, with_cmap_group
from support.render_fixtures import seed_kit
from support.special_files import fifo, refused_without_blocking

from presskit.model import Fonts
from presskit.render import render_pdf
from presskit.render.fonts import cache as font_cache


@pytest.fixture
def no_parse_of_hostile_fonts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """ReportLab's parser, made to refuse (and record) any font but the shipped ones, so a
    font that would take gigabytes costs nothing even where it is not refused first."""
    parsed: list[str] = []
    real = font_cache.TTFont

    def guarded(name: str, source: object, **kwargs: object) -> object:
        where = str(getattr(source, "name", source))
        if not where.startswith(str(SHIPPED)):
            parsed.append(where)
            raise MemoryError("ReportLab was given a hostile font")
        return real(name, source, **kwargs)

    monkeypatch.setattr(font_cache, "TTFont", guarded)
    return parsed


def test_a_font_whose_character_map_spans_2_to_the_28_characters_is_refused_unparsed(
        tmp_path: Path, no_parse_of_hostile_fonts: list[str]) -> None:
    font = with_cmap_group(SHIPPED / "DejaVuSans.ttf", tmp_path / "Greedy.ttf", 0, 0x0FFFFFFF)
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=font)
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("brand", "fonts", "body")
    assert str(font) in warning.message
    assert "character map claims more than 1,114,112 characters" in warning.message
    assert "DejaVu Sans is used instead" in warning.message
    assert no_parse_of_hostile_fonts == []


def test_a_character_map_group_that_runs_backwards_is_refused(
        tmp_path: Path, no_parse_of_hostile_fonts: list[str]) -> None:
    font = with_cmap_group(SHIPPED / "DejaVuSans.ttf", tmp_path / "Back.ttf", 0x500, 0x41)
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=font)
    [warning] = render_pdf(kit).warnings
    assert "a group runs backwards" in warning.message
    assert no_parse_of_hostile_fonts == []


def test_a_font_whose_tables_lie_past_its_end_is_refused(
        tmp_path: Path, no_parse_of_hostile_fonts: list[str]) -> None:
    font = tmp_path / "Cut.ttf"
    font.write_bytes((SHIPPED / "DejaVuSans.ttf").read_bytes()[:50_000])
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=font)
    [warning] = render_pdf(kit).warnings
    assert "cut off or damaged" in warning.message and "past the end" in warning.message
    assert no_parse_of_hostile_fonts == []


def test_a_pipe_given_as_a_font_is_refused_at_once_and_the_text_still_prints(
        tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "House.ttf")
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=pipe)
    with refused_without_blocking(pipe):
        pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert f"body font file {pipe} cannot be used: it is not a regular file" in warning.message
    assert "DejaVu Sans is used instead" in warning.message


def test_a_pipe_given_to_the_font_loader_itself_is_refused(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "House.ttf")
    with refused_without_blocking(pipe), pytest.raises(ValueError, match="not a regular file"):
        font_cache.load_font("PK-Pipe", pipe)


_DEV_ZERO_FONT = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from support.render_fixtures import seed_kit
from presskit.model import Fonts
from presskit.render import render_pdf
kit = seed_kit()
kit.brand.fonts = Fonts(body=Path("/dev/zero"))
print(render_pdf(kit).warnings[0].message)
"""


def test_dev_zero_as_a_font_is_refused_without_reading_it() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    tests = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", _DEV_ZERO_FONT], capture_output=True,
                            text=True, timeout=60, cwd=tests,
                            env={**os.environ, "PYTHONPATH": str(tests)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "body font file /dev/zero cannot be used: it is not a regular file" in result.stdout


def _limited_memory() -> None:
    # On code that hands the font to ReportLab unchecked, the parse dies here (MemoryError)
    # instead of taking the machine's 8 GB.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


@pytest.mark.parametrize("command", ["validate", "bundle"])
def test_the_command_line_warns_about_a_greedy_font_and_goes_on(
        tmp_path: Path, command: str) -> None:
    with_cmap_group(SHIPPED / "DejaVuSans.ttf", tmp_path / "Greedy.ttf", 0, 0x0FFFFFFF)
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: Greedy font\nbrand:\n  fonts:\n"
                   "    body: Greedy.ttf\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "presskit", command, str(kit)],
                            capture_output=True, text=True, timeout=120,
                            preexec_fn=_limited_memory)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Greedy.ttf cannot be used: not a usable TrueType font (its character map claims " \
           "more than 1,114,112 characters" in result.stderr
    assert "internal error" not in result.stderr

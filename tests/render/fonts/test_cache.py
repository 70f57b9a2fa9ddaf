"""Fonts parsed once are restored from the per-user cache in later runs, and the PDF is the
same either way; a damaged, stale or planted cache entry is never trusted."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from support.examples import CNAS_KIT

from presskit import resources_path
from presskit.render.fonts import cache as font_cache

DEJAVU = resources_path() / "fonts" / "DejaVuSans.ttf"

# Each run is a new process: ReportLab's font registry lives as long as the process does.
_EXPORT = """
import sys
from reportlab.pdfbase import ttfonts
if sys.argv[2] == "no-parsing":
    def refuse(*args, **kwargs):
        raise AssertionError("a font was parsed, not restored from the cache")
    ttfonts.TTFontFile.extractInfo = refuse
from presskit.storage import load_kit
from presskit.render import render_pdf
sys.stdout.buffer.write(render_pdf(load_kit(sys.argv[1]).kit, invariant=True).data)
"""


def _export(kit: Path, cache: Path, mode: str = "") -> bytes:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", _EXPORT, str(kit), mode], env=env,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_a_second_export_reads_no_font_tables_and_makes_the_same_pdf(tmp_path: Path) -> None:
    first = _export(CNAS_KIT, tmp_path)
    assert len(list((tmp_path / "presskit" / "fonts").glob("*.font"))) >= 4
    again = _export(CNAS_KIT, tmp_path, "no-parsing")
    assert again == first


def test_a_restored_font_measures_and_embeds_like_a_parsed_one(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsed = font_cache.load_font("PK-test-parsed", DEJAVU)
    restored = font_cache.load_font("PK-test-restored", DEJAVU)
    fresh = TTFont("PK-test-fresh", str(DEJAVU))
    assert restored.face is not parsed.face
    assert set(vars(restored)) == set(vars(fresh))
    assert set(vars(restored.face)) == set(vars(fresh.face))
    text = "Duyeon Kim — Ελληνικά, кириллица, æøå"
    assert restored.stringWidth(text, 10) == fresh.stringWidth(text, 10)
    subset = list(range(32, 127))
    assert restored.face.makeSubset(subset) == fresh.face.makeSubset(subset)


def test_an_edited_font_file_is_parsed_again(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = tmp_path / "House.ttf"
    shutil.copyfile(DEJAVU, font)
    font_cache.load_font("PK-test-a", font)
    shutil.copyfile(resources_path() / "fonts" / "DejaVuSerif.ttf", font)
    assert font_cache.load_font("PK-test-b", font).face.familyName.ustr == "DejaVu Serif"


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "presskit" / "fonts").glob("*.font"))


def test_a_font_loaded_before_is_restored_without_reading_its_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same within one process as across runs (the export test above): the preview
    registers a brand's edited family again after each pause in typing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsed = font_cache.load_font("PK-test-parse", DEJAVU)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a font was parsed, not restored from the cache")

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", refuse)
    restored = font_cache.load_font("PK-test-restore", DEJAVU)
    assert restored.stringWidth("Duyeon Kim", 10) == parsed.stringWidth("Duyeon Kim", 10)


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05garbage"])
def test_a_damaged_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          content: bytes) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    font_cache.load_font("PK-test-c", DEJAVU)
    [entry] = _entries(tmp_path)
    entry.write_bytes(content)
    font = font_cache.load_font("PK-test-d", DEJAVU)
    assert font.stringWidth("Kim", 10) == TTFont("PK-test-e", str(DEJAVU)).stringWidth("Kim", 10)


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted-by-the-cache",))


def test_a_planted_cache_entry_cannot_run_code(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    font_cache.load_font("PK-test-f", DEJAVU)
    [entry] = _entries(tmp_path)
    entry.write_bytes(pickle.dumps(({"x": _Planted()}, {})))
    font = font_cache.load_font("PK-test-g", DEJAVU)
    assert not (tmp_path / "planted-by-the-cache").exists()
    assert font.face.unitsPerEm == 2048


def test_an_unwritable_cache_only_costs_time(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert font_cache.load_font("PK-test-h", DEJAVU).face.unitsPerEm == 2048


@pytest.mark.parametrize("planted", ["empty tables", "no units per em", "wrong types"])
def test_an_entry_that_unpickles_but_is_no_font_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str) -> None:
    """Plain values the unpickler may build, in a shape no parsed font has: restoring it
    stopped every export until the cache was cleared."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    font_cache.load_font("PK-test-i", DEJAVU)
    [entry] = _entries(tmp_path)
    font_state, face_state = font_cache._Unpickler(io.BytesIO(entry.read_bytes())).load()
    if planted == "empty tables":
        font_state, face_state = {}, {}
    elif planted == "no units per em":
        face_state["unitsPerEm"] = 0
    else:
        face_state["charWidths"] = "not a table"
    entry.write_bytes(pickle.dumps((font_state, face_state)))
    font = font_cache.load_font("PK-test-j", DEJAVU)
    assert font.stringWidth("Kim", 10) == TTFont("PK-test-k", str(DEJAVU)).stringWidth("Kim", 10)

"""The per-user cache folder is never written through a link: when the cache root
(``~/.cache/presskit``) or its ``fonts`` or ``images`` folder is a symbolic link, planted by
anyone who can write to a shared home, or a folder that is not the user's, the export still
succeeds, uncached, and nothing is written where the link points; a real folder caches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.examples import CNAS_KIT

from presskit.render import cache_entries
from presskit.render.fonts import cache as font_cache
from presskit.render.images import cache as image_cache

LEVELS = {
    "the cache root": "presskit",
    "the fonts folder": "presskit/fonts",
    "the images folder": "presskit/images",
}


def export(cache: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``presskit export`` in a process of its own (ReportLab keeps fonts per process)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "presskit", "export", str(CNAS_KIT), "-o", str(out)],
        env=env, capture_output=True, text=True, timeout=120, check=False)


def everything_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def test_a_real_cache_folder_keeps_fonts_and_images(tmp_path: Path) -> None:
    done = export(tmp_path / "cache", tmp_path / "kit.pdf")
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "cache" / "presskit" / "fonts").glob("*.font"))) >= 4
    assert list((tmp_path / "cache" / "presskit" / "images").glob("*.image"))
    assert "cache folder" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
@pytest.mark.parametrize("level", LEVELS.values(), ids=LEVELS.keys())
def test_a_link_in_the_cache_folder_is_never_written_through(
    tmp_path: Path, level: str
) -> None:
    cache = tmp_path / "cache"
    elsewhere = tmp_path / "someone-elses-folder"
    elsewhere.mkdir()
    link = cache / level
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere, target_is_directory=True)

    done = export(cache, tmp_path / "kit.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF-")
    assert everything_in(elsewhere) == []
    assert link.is_symlink()  # left for the user to look at, not replaced behind their back
    assert "it is a symbolic link" in done.stderr  # the log says why, once per folder
    assert done.stderr.count("it is a symbolic link") <= 2


@pytest.mark.parametrize("level", LEVELS.values(), ids=LEVELS.keys())
def test_a_file_where_a_cache_folder_should_be_costs_only_the_time(
    tmp_path: Path, level: str
) -> None:
    cache = tmp_path / "cache"
    blocker = cache / level
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_bytes(b"not a folder")
    done = export(cache, tmp_path / "kit.pdf")
    assert done.returncode == 0, done.stderr
    assert blocker.read_bytes() == b"not a folder"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_link_planted_after_the_cache_was_made_is_not_read_or_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In one long-lived process (the app): the folders are checked at every read and write,
    not once."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fonts = font_cache.cache_dir()
    assert cache_entries.write_entry(fonts / "a.font", b"made while the folder was real")
    elsewhere = tmp_path / "elsewhere"
    fonts.rename(elsewhere)
    fonts.symlink_to(elsewhere, target_is_directory=True)
    assert cache_entries.read_entry(fonts / "a.font", 1000) is None
    assert not cache_entries.write_entry(fonts / "b.font", b"through the link")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["a.font"]
    # The images folder beside it is real, so it is still used.
    assert cache_entries.write_entry(image_cache.cache_dir() / "c.image", b"a real folder")
    assert cache_entries.read_entry(image_cache.cache_dir() / "c.image", 1000) == (
        b"a real folder")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder owners are POSIX")
def test_a_cache_folder_of_another_user_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    entry = image_cache.cache_dir() / "a.image"
    assert cache_entries.write_entry(entry, b"ours")
    someone_else = os.getuid() + 1
    monkeypatch.setattr(os, "getuid", lambda: someone_else)
    assert cache_entries.read_entry(entry, 1000) is None
    assert not cache_entries.write_entry(entry.with_name("b.image"), b"theirs")
    assert not entry.with_name("b.image").exists()

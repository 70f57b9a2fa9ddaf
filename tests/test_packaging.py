"""The engine stands alone: it ships its resources and runs without Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

from conftest import CNAS_KIT, ROOT
from no_qt import run_without_qt

import presskit

RESOURCES = [
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/DejaVuSans-Oblique.ttf",
    "fonts/DejaVuSans-BoldOblique.ttf",
    "fonts/DejaVuSerif.ttf",
    "fonts/LICENSE-DejaVu.txt",
    "brand/default.yaml",
    "icons/presskit.svg",
]


def test_resources_are_found_from_the_checkout() -> None:
    folder = presskit.resources_path()
    for name in RESOURCES:
        assert (folder / name).is_file(), name


def test_resources_ship_inside_the_wheel_and_are_found_from_it(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("presskit-*.whl"))
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in RESOURCES:
            assert f"presskit/resources/{name}" in names, name
        # pyproject.toml lists the packages by hand: setuptools still copies one left out of
        # it, as "data", with a warning that says it will stop doing so.
        for package in sorted((ROOT / "src" / "presskit").glob("*/__init__.py")):
            name = f"presskit.{package.parent.name}"
            assert f"presskit/{package.parent.name}/__init__.py" in names, name
            assert f"Package '{name}' is absent" not in build.stderr, (
                f"add {name} to the packages in pyproject.toml")
        archive.extractall(unpacked)
    probe = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(unpacked)!r})
        import presskit
        folder = presskit.resources_path()
        assert str(folder).startswith({str(unpacked)!r}), folder
        print(all((folder / n).is_file() for n in {RESOURCES!r}))
        """
    )
    result = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr


def test_the_engine_exports_a_kit_without_pyside6(tmp_path: Path) -> None:
    """Block every PySide6 import, then load, validate and render the example, and make the
    e-mail of it too."""
    result = run_without_qt(
        f"""
        import sys
        from pathlib import Path
        import presskit.cli, presskit.model, presskit.storage, presskit.render, presskit.formats
        loaded = presskit.storage.load_kit(Path({str(CNAS_KIT)!r}))
        pdf = presskit.render.render_pdf(loaded.kit)
        assert presskit.formats.draft_message(loaded.kit).startswith(b"Subject:")
        print(pdf.page_count > 0, [m for m in sys.modules if m.startswith("PySide6")])
        """
    )
    assert result.stdout.strip() == "True []", result.stderr

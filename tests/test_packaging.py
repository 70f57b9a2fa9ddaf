"""The engine stands alone: it ships its resources and runs without Qt."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from support.examples import CNAS_KIT, ROOT
from support.no_qt import run_without_qt

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
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    # Installing printed ~150 lines of BuildBackendWarning once; a user reads any warning as
    # "broken" (issue 14).
    assert "warning" not in (build.stdout + build.stderr).lower(), build.stdout + build.stderr
    wheel = next(tmp_path.glob("presskit-*.whl"))
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        # Packages are discovered, not listed: every module at every depth ships, and every
        # file of resources/ (fonts, licences, the default brand, icons).
        source = ROOT / "src" / "presskit"
        for module in sorted(source.rglob("*.py")):
            assert f"presskit/{module.relative_to(source).as_posix()}" in names, module
        shipped = ROOT / "resources"
        for resource in sorted(shipped.rglob("*")):
            if resource.is_file() and "__pycache__" not in resource.parts:
                name = resource.relative_to(shipped).as_posix()
                assert f"presskit/resources/{name}" in names, name
        for name in RESOURCES:
            assert f"presskit/resources/{name}" in names, name
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


def test_an_editable_install_builds_without_a_warning(tmp_path: Path) -> None:
    """What `make run` and `pip install -e .` run: the build backend's editable hook, with
    every Python warning shown."""
    build = subprocess.run(
        [sys.executable, "-W", "always", "-c",
         f"import hatchling.build as b; print(b.build_editable({str(tmp_path)!r}))"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert build.stderr == "", build.stderr
    assert (tmp_path / build.stdout.strip()).is_file()


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
        assert b"\\r\\nSubject: " in presskit.formats.draft_message(loaded.kit)
        print(pdf.page_count > 0, [m for m in sys.modules if m.startswith("PySide6")])
        """
    )
    assert result.stdout.strip() == "True []", result.stderr


def test_the_version_is_written_once_in_pyproject_and_read_from_the_metadata() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert presskit.__version__ == version
    # Not again in the code, where it would go stale: presskit --version, the About box and
    # the artefacts' names all come from the metadata.
    for module in (ROOT / "src" / "presskit").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        if version not in source:
            continue
        tree = ast.parse(source)  # in a docstring's example it is fine; as a value it is not
        literals = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)}
        assert version not in literals, module


def test_the_welcome_kit_ships_inside_the_wheel_layout() -> None:
    kit = presskit.example_kit_path()
    assert kit.is_file() and (kit.parent / "assets" / "logo.png").is_file()


def test_a_frozen_app_serves_as_its_own_render_process(monkeypatch: Any) -> None:
    """The packaged app has no Python to run ``-m``: its render child is the app itself,
    told by the environment to serve renders instead of opening a window."""
    from presskit.cli import main as cli
    from presskit.gui.preview import render_process

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    command = render_process.RenderProcess().command
    assert command == [sys.executable]
    env = render_process._child_env()
    assert env[render_process.CHILD_VARIABLE] == "1"

    served: list[bool] = []
    monkeypatch.setattr(render_process, "main", lambda: served.append(True))
    monkeypatch.setenv(render_process.CHILD_VARIABLE, "1")
    assert cli.main(["--version-that-is-never-parsed"]) == 0
    assert served == [True]
    assert render_process.CHILD_VARIABLE not in os.environ  # not passed on to its children

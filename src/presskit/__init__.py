"""presskit: branded PDF press kits from reusable project files.

The engine (``model``, ``storage``, ``render``, ``library``) never imports Qt; ``gui`` is a thin
layer over it and ``cli`` drives the same engine from the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    __version__: str


def __getattr__(name: str) -> str:
    """``__version__``, read on first use.

    The version is written once, in ``pyproject.toml``; the installed package's metadata
    carries it here (a wheel, an editable install, the packaged app, which bundles the
    metadata), and from here to ``presskit --version``, the About box and the artefacts'
    names. Read when first asked for, not on import: ``importlib.metadata`` imports the
    e-mail package and more, which the desktop app's start does without.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("presskit")
    except metadata.PackageNotFoundError:  # imported from a checkout that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version


def resources_path() -> Path:
    """The shipped resources folder (fonts, default brand, icons).

    An installed presskit (a wheel, the packaged app) carries it inside the package as
    ``presskit/resources``; a source checkout keeps it once, at the top of the repository,
    which is where an editable install (importing from ``src/``) finds it. Both are real
    folders, so callers use plain paths (``tests/test_packaging.py``).
    """
    package = Path(__file__).resolve().parent
    for folder in (package / "resources", package.parent.parent / "resources"):
        if (folder / "brand" / "default.yaml").is_file():
            return folder
    raise RuntimeError(f"presskit is not installed completely: no resources folder in {package}")


#: The example kit a new user meets first (and ``presskit --self-test`` opens).
EXAMPLE_KIT = Path("examples") / "cnas-responds" / "cnas-responds.presskit"


def example_kit_path() -> Path:
    """The CNAS example kit shipped with presskit: inside the installed package
    (``presskit/resources/examples``), or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    for top in (package / "resources", package.parent.parent):
        if (top / EXAMPLE_KIT).is_file():
            return top / EXAMPLE_KIT
    raise RuntimeError(f"presskit is not installed completely: no example kit in {package}")

"""presskit: branded PDF press kits from reusable project files.

The engine (``model``, ``storage``, ``render``, ``library``) never imports Qt; ``gui`` is a thin
layer over it and ``cli`` drives the same engine from the command line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING


def _version() -> str:
    """presskit's version, from the installed package's metadata.

    The ``Version:`` line of the first ``presskit-*.dist-info/METADATA`` on ``sys.path``, the
    one ``importlib.metadata.version`` reads, found without importing ``importlib.metadata``:
    that module and what it imports (``email``, ``zipfile``, ``csv``) took 30–40 ms of CPU,
    a tenth of a small export. Anything else (an egg, a zip) is left to ``importlib.metadata``.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("presskit-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as file:
                        for line in file:
                            if line.startswith("Version:"):
                                return line[len("Version:"):].strip()
                            if not line.strip():  # the headers end at the first blank line
                                break
                except OSError:
                    pass
    from importlib import metadata

    try:
        return metadata.version("presskit")
    except metadata.PackageNotFoundError:  # imported from a checkout that was never installed
        return "0+unknown"


if TYPE_CHECKING:
    __version__: str


def __getattr__(name: str) -> str:
    """``__version__``, read on first use.

    The version is written once, in ``pyproject.toml``; the installed package's metadata
    carries it here (a wheel, an editable install, the packaged app, which bundles the
    metadata), and from here to ``presskit --version``, the About box and the artefacts'
    names. Read when first asked for, not on import.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    version = _version()
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

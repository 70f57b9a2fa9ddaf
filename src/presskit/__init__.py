"""presskit: branded PDF press kits from reusable project files.

The engine (``model``, ``storage``, ``render``, ``library``) never imports Qt; ``gui`` is a thin
layer over it and ``cli`` drives the same engine from the command line.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


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

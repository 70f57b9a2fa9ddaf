"""presskit: branded PDF press kits from reusable project files.

The engine (``model``, ``storage``, ``render``, ``library``) never imports Qt; ``gui`` is a thin
layer over it and ``cli`` drives the same engine from the command line.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__version__ = "0.1.0"


def resources_path() -> Path:
    """The shipped resources folder (fonts, default brand, icons), checkout or wheel alike.

    The import system knows where the ``presskit.resources`` package is (an editable install
    maps it to ``resources/`` of the checkout), and it is a real folder in both cases
    (``tests/test_packaging.py``), so it is used as a plain path: ``importlib.resources``
    would add a hundredth of a second to every command's start for nothing.
    """
    spec = importlib.util.find_spec("presskit.resources")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("presskit is not installed completely: presskit.resources is missing")
    return Path(next(iter(spec.submodule_search_locations)))

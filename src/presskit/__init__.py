"""presskit: branded PDF press kits from reusable project files.

The engine (``model``, ``storage``, ``render``, ``library``) never imports Qt; ``gui`` is a thin
layer over it and ``cli`` drives the same engine from the command line.
"""

from __future__ import annotations

from importlib import resources as _resources
from importlib.abc import Traversable

__version__ = "0.1.0"


def resources_path() -> Traversable:
    """The shipped resources folder (fonts, default brand, icons), checkout or wheel alike."""
    return _resources.files("presskit.resources")

"""Running engine code in a fresh Python that cannot import Qt: the proof that the engine (and
the command line on it) works on a server without a display or PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap

_BLOCK_QT = """
import importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not allowed in the engine: " + name)
sys.meta_path.insert(0, NoQt())
"""


def run_without_qt(code: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``code`` (dedented) run by a new interpreter in which every Qt import fails."""
    return subprocess.run([sys.executable, "-c", _BLOCK_QT + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=timeout)

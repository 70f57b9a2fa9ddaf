"""The desktop app: a PySide6 main window over the engine (model, storage, render).

This is the only package that imports Qt. ``MainWindow`` is loaded on first use rather than
here, so importing a small piece such as ``presskit.gui.document.commands`` does not build the whole
window's import graph (storage, render, every editor).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presskit.gui.window.main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from presskit.gui.window.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

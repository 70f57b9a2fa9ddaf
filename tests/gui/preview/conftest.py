"""The preview's tests want the preview to render: their windows refresh it 50 ms after a
change (the other GUI tests' windows leave it alone, which saves a render per test)."""

from __future__ import annotations

from typing import Any

import pytest

from presskit.gui.window.main_window import MainWindow


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    window: MainWindow = make_window(preview_delay_ms=50)
    return window

"""*Help ▸ About presskit*: the version, what is bundled under which licence, and where the
user's files live.

The versions are read from the installed packages' metadata (the packaged app bundles it),
so the box says what this installation really carries; the licences are the projects' own
(their texts ship beside them: the fonts' in ``resources/fonts``, the libraries' in their
``*.dist-info`` folders).
"""

from __future__ import annotations

import html
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit import __version__, resources_path
from presskit.gui.first_run import user_folders

#: The bundled fonts: name, licence, the licence file in ``resources/fonts``.
FONTS = [
    ("DejaVu Sans and DejaVu Serif", "Bitstream Vera licence and public domain",
     "LICENSE-DejaVu.txt"),
    ("WenQuanYi Micro Hei (Chinese, Japanese, Korean)", "Apache License 2.0",
     "LICENSE-WenQuanYi.txt"),
]

#: The libraries presskit runs on: the distribution whose version is shown, its licence.
LIBRARIES = [
    ("Qt 6 and PySide6", "PySide6-Essentials", "LGPL-3.0"),
    ("ReportLab", "reportlab", "BSD"),
    ("rl-accel", "rl-accel", "BSD"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("PyYAML", "PyYAML", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("svglib", "svglib", "LGPL-3.0-or-later"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("resvg-py", "resvg-py", "MIT (resvg: Apache-2.0 or MIT)"),
    ("pyspellchecker", "pyspellchecker", "MIT"),
    ("python-calamine", "python-calamine", "MIT"),
    ("tzdata", "tzdata", "Apache-2.0"),
    ("anyascii", "anyascii", "ISC"),
]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def about_html() -> str:
    """The About box's text."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    fonts = resources_path() / "fonts"
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(_version(dist))}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for name, dist, licence in LIBRARIES
    )
    font_rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td colspan='2'>{html.escape(licence)}<br>"
        f"<small>{html.escape(str(fonts / file))}</small></td></tr>"
        for name, licence, file in FONTS
    )
    folders = "".join(
        f"<tr><td>{html.escape(label)}</td><td colspan='2'>{html.escape(str(path))}</td></tr>"
        for label, path in user_folders().listed()
    )
    installed = Path(sys.executable).parent if getattr(sys, "frozen", False) else resources_path()
    return (
        "<p>Branded PDF press kits from reusable project files: experts, quotes, contacts "
        "and sections in the order you choose.</p>"
        "<p>presskit is free software under the MIT licence.</p>"
        "<h4>Where your files live</h4>"
        f"<table cellspacing='4'>{folders}</table>"
        "<h4>Fonts bundled</h4>"
        f"<table cellspacing='4'>{font_rows}</table>"
        f"<h4>Libraries bundled (with Python {python})</h4>"
        "<table cellspacing='4'><tr><th align='left'>library</th><th align='left'>version</th>"
        f"<th align='left'>licence</th></tr>{rows}</table>"
        f"<p><small>Installed in {html.escape(str(installed))}</small></p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About presskit")
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>presskit {html.escape(__version__)}</h2>", self)
        title.setObjectName("aboutVersion")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        self.text = QTextBrowser(self)
        self.text.setObjectName("aboutText")
        self.text.setOpenLinks(False)
        self.text.setHtml(about_html())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 600)

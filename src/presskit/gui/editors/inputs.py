"""Small input widgets the editors share: an optional date, a colour button, an image picker
with a thumbnail and drop target, and a font chooser.

Each offers ``value()``, ``set_value()`` and an ``edited`` signal emitted only for user
actions, which is what ``binding.Binder`` needs to bind it. Dialogs go through Qt's static
helpers (``QColorDialog.getColor``, ``QFileDialog.getOpenFileName``) so tests can replace them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import describe
from presskit.gui.widgets.icons import themed_icon
from presskit.model import BUILTIN_FONTS
from presskit.model.printable import one_line, tip
from presskit.storage.inputs import InputError, read_input

DATE_FORMAT = "d MMM yyyy"  # unambiguous in every locale, unlike the short locale format
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}
#: Logos may also be SVG drawings (printed as vectors).
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg)"
LOGO_SUFFIXES = IMAGE_SUFFIXES | {".svg"}


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so a tall form never forces a tall window."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date that may be absent: a checkbox says whether there is one, a picker says which.

    A checkbox is clearer than a "no date" special value, whose calendar popup would open on
    the year 1900.
    """

    edited = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = QCheckBox(self)
        describe(self._check, f"Set {name.lower()}", f"Untick to leave the {name.lower()} out")
        self._edit = QDateEdit(self)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat(DATE_FORMAT)
        self._edit.setKeyboardTracking(False)  # a typed date is one edit, not one per digit
        self._edit.setDate(QDate.currentDate())
        describe(self._edit, name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._check)
        layout.addWidget(self._edit, 1)
        self.setFocusProxy(self._check)
        self._check.toggled.connect(self._on_toggled)
        self._edit.dateChanged.connect(lambda _d: self.edited.emit(self.value()))
        self._edit.setEnabled(False)

    def value(self) -> dt.date | None:
        return from_qdate(self._edit.date()) if self._check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        with QSignalBlocker(self._check), QSignalBlocker(self._edit):
            self._check.setChecked(value is not None)
            self._edit.setEnabled(value is not None)
            # Without a date the greyed picker shows today, which ticking the box starts
            # from, not the date of whatever item this editor showed before.
            self._edit.setDate(to_qdate(value) if value is not None else QDate.currentDate())

    def _on_toggled(self, checked: bool) -> None:
        self._edit.setEnabled(checked)
        self.edited.emit(self.value())


def swatch(color: str, size: int = 16) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return pixmap


class ColorButton(QPushButton):
    """Shows a brand colour (swatch and ``#rrggbb``); clicking opens the colour dialog."""

    edited = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._color = "#000000"
        describe(self, f"{name} colour", f"Choose the {name.lower()} colour")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._choose)

    def value(self) -> str:
        return self._color

    def set_value(self, value: str | None) -> None:
        self._color = value or "#000000"
        self.setText(self._color.upper())
        self.setIcon(swatch(self._color))
        self.setAccessibleDescription(self._color.upper())

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, f"{self._name} colour")
        if not chosen.isValid():
            return
        value = chosen.name().upper()
        if value != self._color.upper():
            self.set_value(value)
            self.edited.emit(value)


def image_file(urls: list[Any], suffixes: set[str] | None = None) -> Path | None:
    """The first local image file among dropped URLs (PNG or JPEG, what the PDF can embed;
    ``suffixes`` to accept others)."""
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in (suffixes or IMAGE_SUFFIXES):
                return path
    return None


class ThumbnailRefused(Exception):
    """A picture is not previewed: it is outside the engine's limits (the reason says which)."""


#: Thumbnails drawn, by file, size, modification time and box: every edit of the kit loads
#: every field again, and a logo drawn anew each time froze the window for seconds.
#: Kept as QImage: a QPixmap outliving the application (this cache does) crashes at exit.
_drawn: dict[tuple[str, int, int, int, int], QImage | None | ThumbnailRefused] = {}
_MAX_DRAWN = 64


def thumbnail(path: Path, box: QSize) -> QPixmap | None:
    """``path`` at thumbnail size (``None`` if it cannot be read), drawn once for each
    version of the file; ``ThumbnailRefused`` for a file the engine's limits refuse."""
    try:
        status = path.stat()
    except OSError:
        return None
    key = (str(path), status.st_size, status.st_mtime_ns, box.width(), box.height())
    if key not in _drawn:
        if len(_drawn) >= _MAX_DRAWN:
            _drawn.pop(next(iter(_drawn)))
        try:
            pixmap = draw_thumbnail(path, box)
            _drawn[key] = None if pixmap is None else pixmap.toImage()
        except ThumbnailRefused as refused:
            _drawn[key] = refused
    found = _drawn[key]
    if isinstance(found, ThumbnailRefused):
        raise found
    return None if found is None else QPixmap.fromImage(found)


def draw_thumbnail(path: Path, box: QSize) -> QPixmap | None:
    """``path`` decoded straight at thumbnail size; a 5 MB photo never lands in memory whole.
    An SVG is checked as the engine checks it, then drawn by QtSvg."""
    if path.suffix.lower() == ".svg":
        return svg_thumbnail(path, box)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


def svg_thumbnail(path: Path, box: QSize) -> QPixmap | None:
    """The SVG logo drawn by QtSvg, from the bytes the engine's limits checked
    (``render.images.svg.check_svg``: size, elements and nesting, ``<use>`` repeats
    included, embedded pictures); ``ThumbnailRefused`` if they refuse it. A 4 kB logo
    repeating itself through ``<use>`` kept QtSvg busy for a minute on the GUI thread."""
    try:
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:  # QtSvg missing from this Qt: a generic icon instead
        return themed_icon("image-x-generic").pixmap(box)
    # Imported here, not with the window: ``presskit.render`` imports ReportLab (0.1 s).
    from presskit.render.images.cache import ImageProblem
    from presskit.render.images.svg import MAX_SVG_BYTES, check_svg

    try:
        data = read_input(path, MAX_SVG_BYTES, what="SVG logo")
    except InputError as exc:
        if exc.missing:
            return None
        raise ThumbnailRefused(exc.reason) from None
    try:
        root = check_svg(data)
    except ImageProblem as problem:
        raise ThumbnailRefused(str(problem)) from None
    if any(_names_a_file(element) for element in root.iter()):
        # QtSvg would read it (the engine never does): a pipe or another user's file.
        raise ThumbnailRefused("the SVG drawing names other files to draw")
    renderer = QSvgRenderer(QByteArray(data))
    size = renderer.defaultSize()
    if not renderer.isValid() or size.isEmpty():
        return None
    image = QImage(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


def _names_a_file(element: Any) -> bool:
    """An ``<image>`` whose picture is not embedded in the file itself."""
    tag = getattr(element, "tag", "")
    if not isinstance(tag, str) or tag.rpartition("}")[2] != "image":
        return False
    hrefs = [element.get(name) for name in ("{http://www.w3.org/1999/xlink}href", "href")]
    return any(href and not href.strip().startswith("data:") for href in hrefs)


class ImagePicker(QWidget):
    """A thumbnail with Choose…/Clear buttons; an image file dropped on it is chosen too."""

    edited = Signal(object)
    THUMB = QSize(96, 96)

    def __init__(
        self, name: str, start_dir: Callable[[], str] = lambda: "", parent: QWidget | None = None,
        *, svg: bool = False,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._suffixes = LOGO_SUFFIXES if svg else IMAGE_SUFFIXES
        self._filter = LOGO_FILTER if svg else IMAGE_FILTER
        kinds = "PNG, JPEG or SVG" if svg else "PNG or JPEG"
        self._start_dir = start_dir
        self._path: Path | None = None
        self.setAcceptDrops(True)
        self._thumb = QLabel(self)
        self._thumb.setFixedSize(self.THUMB)
        self._thumb.setFrameShape(QFrame.Shape.StyledPanel)
        self._thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._thumb.setWordWrap(True)
        self._drop_hint = f"Drop a {kinds} file here to use it as {name.lower()}"
        describe(self._thumb, f"{name} preview", self._drop_hint)
        self._file = QLabel(self)
        self._file.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(self._file, f"{name} file")
        self._choose = QPushButton("Choose…", self)
        describe(
            self._choose,
            f"Choose {name.lower()}",
            f"Pick a {kinds} file for the {name.lower()}",
        )
        self._clear = QPushButton("Clear", self)
        describe(self._clear, f"Clear {name.lower()}", f"Remove the {name.lower()}")
        buttons = QHBoxLayout()
        buttons.addWidget(self._choose)
        buttons.addWidget(self._clear)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self._file)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._thumb)
        layout.addLayout(side, 1)
        self.setFocusProxy(self._choose)
        self._choose.clicked.connect(self._pick)
        self._clear.clicked.connect(lambda: self._user_set(None))
        self.set_value(None)

    def value(self) -> Path | None:
        return self._path

    def set_value(self, value: Path | None) -> None:
        self._path = value
        self._clear.setEnabled(value is not None)
        if value is None:
            self._thumb.setPixmap(QPixmap())
            self._thumb.setText("No image")
            self._thumb.setToolTip(self._drop_hint)
            self._file.setText("")
            self._file.setToolTip("")
            return
        self._file.setText(value.name)
        self._file.setToolTip(str(value))
        try:
            pixmap = (thumbnail(value, self.THUMB * self.devicePixelRatioF())
                      if value.is_file() else None)
        except ThumbnailRefused as refused:
            self._thumb.setPixmap(QPixmap())
            self._thumb.setText("Not previewed")
            self._thumb.setToolTip(f"Not previewed: {refused}")
            return
        self._thumb.setToolTip(self._drop_hint)
        if pixmap is None:
            self._thumb.setPixmap(QPixmap())
            self._thumb.setText("Missing or unreadable file")
        else:
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self._thumb.setPixmap(pixmap)

    def _pick(self) -> None:
        start = str(self._path.parent) if self._path else self._start_dir()
        chosen, _filter = QFileDialog.getOpenFileName(
            self, f"Choose {self._name.lower()}", start, self._filter
        )
        if chosen:
            self._user_set(Path(chosen).resolve())

    def _user_set(self, value: Path | None) -> None:
        if value != self._path:
            self.set_value(value)
            self.edited.emit(value)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.isEnabled() and image_file(event.mimeData().urls(), self._suffixes) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = image_file(event.mimeData().urls(), self._suffixes)
        if path is not None:
            event.acceptProposedAction()
            self._user_set(path.resolve())


CHOOSE_FONT = "__choose__"


class FontCombo(QComboBox):
    """A built-in font family, a TTF file already chosen, or "Choose TTF file…"."""

    edited = Signal(object)

    def __init__(
        self, name: str, start_dir: Callable[[], str] = lambda: "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._start_dir = start_dir
        self._value: str | Path = BUILTIN_FONTS[0]
        describe(
            self,
            f"{name} font",
            f"A built-in family, or a TrueType file for the {name.lower()} text",
        )
        self.activated.connect(self._on_activated)
        self.set_value(self._value)

    def value(self) -> str | Path:
        return self._value

    def set_value(self, value: str | Path | None) -> None:
        self._value = value if value else BUILTIN_FONTS[0]
        with QSignalBlocker(self):
            self.clear()
            for family in BUILTIN_FONTS:
                self.addItem(family, family)
            current = self._value
            if isinstance(current, Path):
                self.addItem(f"{current.name} (file)", str(current))
                self.setItemData(self.count() - 1, tip(str(current)), Qt.ItemDataRole.ToolTipRole)
            elif current not in BUILTIN_FONTS:
                self.addItem(one_line(current), current)  # a family this version does not ship
            self.insertSeparator(self.count())
            self.addItem("Choose TTF file…", CHOOSE_FONT)
            self.setCurrentIndex(self.findData(str(current)))

    def _on_activated(self, row: int) -> None:
        data = self.itemData(row)
        if data == CHOOSE_FONT:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                f"Choose {self._name.lower()} font",
                self._start_dir(),
                "TrueType fonts (*.ttf)",
            )
            new: str | Path = Path(chosen).resolve() if chosen else self._value
        else:
            new = Path(data) if isinstance(self._value, Path) and data == str(self._value) else data
        changed = new != self._value
        self.set_value(new)
        if changed:
            self.edited.emit(new)


class FaceCombo(FontCombo):
    """One face (bold, italic, bold italic) of a brand's own font: a TTF file, or none.

    With none, the face comes from the regular file, or from the built-in family's own face
    (``render.fonts``), so only a designer's separate face files need choosing here.
    """

    SAME = "same"

    def __init__(
        self, name: str, start_dir: Callable[[], str] = lambda: "", parent: QWidget | None = None
    ) -> None:
        self._face_value: Path | None = None
        super().__init__(name, start_dir, parent)
        describe(self, f"{name} face", f"A TrueType file for the {name.lower()} face, if the "
                 "font family has one of its own")

    def value(self) -> Path | None:  # type: ignore[override]
        return self._face_value

    def set_value(self, value: str | Path | None) -> None:
        self._face_value = value if isinstance(value, Path) else None
        self._value = self._face_value or ""
        with QSignalBlocker(self):
            self.clear()
            self.addItem("From the family", self.SAME)
            if self._face_value is not None:
                self.addItem(f"{self._face_value.name} (file)", str(self._face_value))
                self.setItemData(
                    self.count() - 1, tip(str(self._face_value)), Qt.ItemDataRole.ToolTipRole)
            self.insertSeparator(self.count())
            self.addItem("Choose TTF file…", CHOOSE_FONT)
            self.setCurrentIndex(1 if self._face_value is not None else 0)

    def _on_activated(self, row: int) -> None:
        data = self.itemData(row)
        new: Path | None = self._face_value
        if data == CHOOSE_FONT:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, f"Choose {self._name.lower()} face", self._start_dir(),
                "TrueType fonts (*.ttf)",
            )
            if chosen:
                new = Path(chosen).resolve()
        elif data == self.SAME:
            new = None
        changed = new != self._face_value
        self.set_value(new)
        if changed:
            self.edited.emit(new)


class _Choices(QAbstractListModel):
    """An ``IdCombo``'s rows, (label, id) each: a model rather than combo items, so that an
    institute's 2,000 experts are shown by swapping a list, not by adding 2,000 items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str]] = []
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        if rows == self.rows:
            return
        self.beginResetModel()
        self.rows = rows
        self._row_of = {}
        for row, (_label, item_id) in enumerate(rows):
            self._row_of.setdefault(item_id, row)
        self.endResetModel()

    def row_of(self, item_id: str) -> int:
        return self._row_of.get(item_id, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        label, item_id = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(label)  # bounded: a stranger's 10 MB name froze the combo
        if role == Qt.ItemDataRole.EditRole:
            return label
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        return None


class IdCombo(QComboBox):
    """Chooses an item of one of the kit's lists by id, e.g. the contact of a contact section.

    It rebuilds itself whenever that list changes (an expert renamed or added, an undo) and
    keeps the chosen id, so it never needs its form to tell it.
    """

    edited = Signal(object)

    def __init__(
        self,
        list_name: str,
        label: Callable[[Any], str],
        none_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._list_name = list_name
        self._label = label
        self._none_text = none_text
        self._document: Any = None
        self._choices = _Choices(self)
        self.setModel(self._choices)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.activated.connect(lambda _row: self.edited.emit(self.value()))

    def value(self) -> str:
        row = self.currentIndex()
        rows = self._choices.rows
        return rows[row][1] if 0 <= row < len(rows) else ""

    def set_value(self, value: str | None) -> None:
        self.rebuild(value or "")

    def set_document(self, document: Any) -> None:
        if self._document is not None:
            for signal in self._signals(self._document):
                signal.disconnect(self._on_change)
        self._document = document
        if document is not None:
            for signal in self._signals(document):
                signal.connect(self._on_change)
        self.rebuild()

    @staticmethod
    def _signals(document: Any) -> list[Any]:
        return [document.value_changed, document.inserted, document.removed, document.moved]

    def _on_change(self, where: tuple[Any, ...], *_indexes: int) -> None:
        if not where or where[0] == self._list_name:
            self.rebuild()

    def rebuild(self, chosen: str | None = None) -> None:
        if chosen is None:
            chosen = self.value()
        items = getattr(self._document.kit, self._list_name) if self._document else []
        rows = [(self._none_text, "")] if self._none_text else []
        rows += [(self._label(item), item.id) for item in items]
        if chosen and not any(item.id == chosen for item in items):
            # A reference to a missing item stays visible rather than silently changing.
            rows.append((f"(missing: {chosen})", chosen))
        with QSignalBlocker(self):
            self._choices.set_rows(rows)  # only when the choices changed: most edits don't
            self.setCurrentIndex(max(self._choices.row_of(chosen), 0))

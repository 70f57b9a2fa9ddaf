"""The form for what the kit is: headline, series label, dateline, status, embargo and the
language it is written in.

The embargo is edited as a whole (``Embargo`` or nothing) so that switching it off and on
again is one undo step each, and a half-typed time zone never reaches the kit: the zone is
committed only when it names a real IANA zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QLocale,
    QSignalBlocker,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from presskit.gui.editors.binding import Binder, describe
from presskit.gui.editors.inputs import OptionalDateEdit
from presskit.gui.widgets.spelling import Speller, find_speller
from presskit.model import Embargo, Status
from presskit.model.operations import NEW_KIT_TITLE
from presskit.model.text import DEFAULT_LANGUAGE
from presskit.model.validation import is_language_tag

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


@functools.cache
def time_zones() -> list[str]:
    """The IANA zone names, from the ``tzdata`` package's list (one small file, read before
    the window shows), not ``zoneinfo.available_timezones()``, which also opens every file
    under ``/usr/share/zoneinfo`` (20–150 ms of a start) only to add ``localtime``."""
    try:
        listed = (resources.files("tzdata") / "zones").read_text(encoding="utf-8").split()
    except (ImportError, OSError, UnicodeDecodeError):  # tzdata left out of an install
        return sorted(zoneinfo.available_timezones())
    return sorted(set(listed))


def system_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if name in time_zones() else "UTC"


class EmbargoEditor(QWidget):
    """Embargoed or not; if so, until when (wall-clock time) in which IANA time zone."""

    edited = Signal(object)

    def __init__(self, default_day: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_day = default_day
        self._value: Embargo | None = None
        self.check = QCheckBox("Embargoed until", self)
        describe(self.check, "Embargoed",
                 "Print “EMBARGOED until …” on every page and in the e-mail's subject")
        self.until = QDateTimeEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("d MMM yyyy HH:mm")
        self.until.setKeyboardTracking(False)
        describe(self.until, "Embargo until", "Local time in the zone on the right")
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(time_zones())
        self.zone.setMinimumContentsLength(12)
        self.zone.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        completer = QCompleter(time_zones(), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "york" finds America/New_York
        self.zone.setCompleter(completer)
        describe(
            self.zone,
            "Embargo time zone",
            "An IANA time zone such as America/New_York; type to search",
        )
        # The check box above the time and zone: on one line they made the Kit tab 580 px
        # wide, cut off sideways in a dock at 1280 × 800.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check, 0, 0, 1, 2)
        layout.addWidget(self.until, 1, 0)
        layout.addWidget(self.zone, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._on_toggled)
        self.until.dateTimeChanged.connect(lambda _v: self._commit())
        self.zone.activated.connect(lambda _row: self._commit())
        zone_text = self.zone.lineEdit()
        assert zone_text is not None  # the combo is editable
        zone_text.editingFinished.connect(self._commit)
        self.set_value(None)

    def value(self) -> Embargo | None:
        return self._value

    def set_value(self, value: Embargo | None) -> None:
        self._value = value
        # Unset, the greyed-out controls show what ticking the box would start from.
        shown = value or self._default()
        with QSignalBlocker(self.check), QSignalBlocker(self.until), QSignalBlocker(self.zone):
            self.check.setChecked(value is not None)
            self.until.setEnabled(value is not None)
            self.zone.setEnabled(value is not None)
            u = shown.until
            self.until.setDateTime(
                QDateTime(QDate(u.year, u.month, u.day), QTime(u.hour, u.minute))
            )
            self.zone.setCurrentText(shown.zone)

    def _default(self) -> Embargo:
        # 9:00 in the user's own zone is the commonest embargo; the user adjusts from there.
        day = self._default_day()
        return Embargo(dt.datetime(day.year, day.month, day.day, 9, 0), system_zone())

    def _on_toggled(self, checked: bool) -> None:
        new = self._default() if checked else None
        self.set_value(new)
        self.edited.emit(new)

    def _commit(self) -> None:
        if self._value is None:
            return
        zone = self.zone.currentText().strip()
        if zone not in time_zones():
            with QSignalBlocker(self.zone):  # not a zone (yet): show the one in force
                self.zone.setCurrentText(self._value.zone)
            zone = self._value.zone
        q = self.until.dateTime()
        d, t = q.date(), q.time()
        new = Embargo(dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), zone)
        if new != self._value:
            self._value = new
            self.edited.emit(new)


#: The languages offered in the list; any other BCP 47 tag can be typed.
COMMON_LANGUAGES = (
    "en", "en-GB", "en-US", "fr", "de", "es", "it", "pt", "pt-BR", "nl", "sv", "da", "nb",
    "fi", "pl", "cs", "hu", "ro", "el", "tr", "ru", "uk", "ar", "he", "hi", "ja", "ko",
    "zh-Hans", "zh-Hant",
)


def language_label(tag: str) -> str:
    """``German (Switzerland) — de-CH``: the language's English name, then its tag."""
    locale = QLocale(tag.replace("-", "_"))
    name = QLocale.languageToString(locale.language())
    if "-" in tag and len(tag.split("-")[-1]) in (2, 3):  # a region: en-GB, es-419
        name += f" ({QLocale.territoryToString(locale.territory())})"
    elif "-" in tag:  # a script: zh-Hant
        name += f" ({QLocale.scriptToString(locale.script())})"
    return f"{name} — {tag}"


class LanguageEditor(QComboBox):
    """The kit's language: chosen from a list of common ones by name, or typed as a tag."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for tag in COMMON_LANGUAGES:
            self.addItem(language_label(tag), tag)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "germ" finds German — de
        self.setCompleter(completer)
        self._value = DEFAULT_LANGUAGE
        self.activated.connect(lambda row: self._commit(str(self.itemData(row))))
        text = self.lineEdit()
        assert text is not None  # the combo is editable
        text.editingFinished.connect(
            lambda: self._commit(self._typed_tag(self.currentText().strip()))
        )

    def value(self) -> str:
        return self._value

    def set_value(self, value: str | None) -> None:
        self._value = value or DEFAULT_LANGUAGE
        with QSignalBlocker(self):
            row = self.findData(self._value)
            if row >= 0:
                self.setCurrentIndex(row)
            else:
                self.setCurrentIndex(-1)
                self.setEditText(self._value)

    def _commit(self, tag: str) -> None:
        if tag and is_language_tag(tag) and tag != self._value:
            self._value = tag
            self.edited.emit(tag)
        self.set_value(self._value)  # the list's name for a typed tag; no tag: the one in force

    def _typed_tag(self, text: str) -> str:
        """The tag meant by ``text``: a list entry (by its label, name or tag), else the
        text itself (ignored unless it is a language tag)."""
        for row in range(self.count()):
            label, tag = self.itemText(row), str(self.itemData(row))
            name = label.rsplit(" — ", 1)[0]
            if text.casefold() in {label.casefold(), name.casefold(), tag.casefold()}:
                return tag
        return text.rsplit(" — ", 1)[-1].strip()


class PlaceholderTitleEdit(QLineEdit):
    """The headline field: while it still says File ▸ New's “Untitled press kit”, clicking
    into it selects those words, so what is typed replaces them instead of adding to them."""

    def select_placeholder(self) -> None:
        if self.text() == NEW_KIT_TITLE:
            self.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        # After the click that gave the focus has placed the cursor.
        QTimer.singleShot(0, self.select_placeholder)


class KitForm(QWidget):
    """Headline, series, dateline, status and embargo of the open kit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kitForm")
        self.document: KitDocument | None = None
        self.binder = Binder(self, lambda: ())
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}

        def row(label: str, name: str, widget: QWidget, tooltip: str = "", **kw: object) -> None:
            describe(widget, label.replace("&", "").rstrip(":"), tooltip)
            form.addRow(label, widget)
            self.fields[name] = widget
            self.binder.bind(widget, name, **kw)  # type: ignore[arg-type]

        self.headline = PlaceholderTitleEdit()
        row("&Headline:", "title", self.headline,
            "The kit's title, printed under the series label")
        row(
            "&Series label:",
            "series",
            QLineEdit(),
            "Printed before the headline, e.g. “CNAS Responds”",
        )
        row("&Date:", "date", OptionalDateEdit("Date"), "The dateline")
        status = QComboBox()
        status.addItem("Draft (marked DRAFT on every page)", Status.DRAFT.value)
        status.addItem("Final", Status.FINAL.value)
        row(
            "S&tatus:",
            "status",
            status,
            "A draft kit is marked DRAFT on every page",
            to_widget=str,
            to_model=Status,
        )
        self.embargo = EmbargoEditor(self._default_day)
        row("&Embargo:", "embargo", self.embargo, "Not for publication before this time")
        row(
            "&Language:",
            "language",
            LanguageEditor(),
            "The language the kit is written in: screen readers read it in this language, "
            "and spelling is checked in it",
        )
        # Says whether the kit's language has a spelling dictionary (most do not).
        self.spelling_status = QLabel()
        self.spelling_status.setObjectName("spellingStatus")
        self.spelling_status.setWordWrap(True)
        self.spelling_status.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", self.spelling_status)
        self._speller: Speller | None = None

    def select_placeholder_title(self) -> None:
        """Select the headline while it is File ▸ New's “Untitled press kit”, so that typing
        replaces it."""
        self.headline.select_placeholder()

    def _default_day(self) -> dt.date:
        kit_date = self.document.kit.date if self.document else None
        return kit_date or dt.date.today()

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            self.document.value_changed.disconnect(self._on_value_changed)
        self.document = document
        if document is not None:
            document.value_changed.connect(self._on_value_changed)
        self.binder.set_document(document)
        self.show_spelling_status()

    def _on_value_changed(self, where: tuple[object, ...]) -> None:
        if where[:1] == ("language",):
            self.show_spelling_status()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.show_spelling_status()  # Preferences may have turned spelling on or off
        super().showEvent(event)

    def show_spelling_status(self) -> None:
        if self._speller is None:
            self._speller = find_speller(self)
            if self._speller is not None:
                self._speller.changed.connect(self.show_spelling_status)
        language = self.document.kit.language if self.document else DEFAULT_LANGUAGE
        self.spelling_status.setText(
            self._speller.status(language) if self._speller is not None else "")

"""Item models for the roster panel: the roster's experts, the search over them, and the quote
bank of the experts the user selected.

``RosterModel`` is a table of experts (name, title, program, topics, banked quotes; a tick by
the names already in the open kit). Its ``SEARCH_ROLE`` is ``library.search_text`` — name,
title, program and topics with letter case and accents folded away — and ``RosterFilter``, a
``QSortFilterProxyModel``, keeps the rows holding every word the user typed, folded the same
way, so "sanchez" finds "Sánchez". ``BankModel`` lists the banked quotes of the selected
experts with a check box each: the ones to bring into the kit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from presskit.gui.document.kit_models import first_words
from presskit.library import Roster
from presskit.library.names import fold
from presskit.library.roster import search_text
from presskit.model import ApprovalState, Expert, Quote
from presskit.model.printable import MAX_TIP_CHARS, one_line, tip

AnyIndex = QModelIndex | QPersistentModelIndex

#: The folded text a search looks through (``library.roster.search_text``).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's roster id (an expert's or a quote's).
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: What the column sorts by (numbers as numbers, text folded).
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

ROSTER_HEADERS = ("Name", "Title", "Program", "Topics", "Quotes")
NAME, TITLE, PROGRAM, TOPICS, QUOTES = range(len(ROSTER_HEADERS))


class RosterModel(QAbstractTableModel):
    """The roster's experts, one row each, in roster order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.roster = Roster()
        self._search: list[str] = []
        self._counts: list[int] = []
        #: Roster ids of the experts the open kit already has (a copy, or the same person).
        self.in_kit: set[str] = set()

    def set_roster(self, roster: Roster) -> None:
        self.beginResetModel()
        self.roster = roster
        banked = roster.quotes_by_expert()
        self._search = [search_text(e, banked.get(e.id, [])) for e in roster.experts]
        self._counts = [len(banked.get(e.id, [])) for e in roster.experts]
        self.endResetModel()

    def rows_matching(self, words: list[str]) -> set[int]:
        """The rows whose search text holds every one of ``words`` (folded already)."""
        return {row for row, text in enumerate(self._search)
                if all(word in text for word in words)}

    def set_in_kit(self, ids: Iterable[str]) -> None:
        ids = set(ids)
        if ids != self.in_kit:
            self.in_kit = ids
            if self.rowCount():
                self.dataChanged.emit(self.index(0, NAME), self.index(self.rowCount() - 1, NAME))

    def expert(self, row: int) -> Expert:
        return self.roster.experts[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.roster.experts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(ROSTER_HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.roster.experts):
            return None
        row, column = index.row(), index.column()
        expert = self.roster.experts[row]
        if role == SEARCH_ROLE:
            return self._search[row]
        if role == ID_ROLE:
            return expert.id
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(self._text(expert, row, column))  # bounded: 10 MB names froze it
        if role == Qt.ItemDataRole.EditRole:
            return self._text(expert, row, column)
        if role == SORT_ROLE:
            if column == QUOTES:
                return self._counts[row]
            return fold(self._text(expert, row, column)[:MAX_TIP_CHARS])
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self._tooltip(expert, column))
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return self._in_kit_icon() if expert.id in self.in_kit else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUOTES:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _in_kit_icon(self) -> QIcon:
        style = QApplication.style()
        return style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton) if style else QIcon()

    def _text(self, expert: Expert, row: int, column: int) -> str:
        if column == NAME:
            return f"{expert.honorific} {expert.name}".strip()
        if column == TITLE:
            return expert.title
        if column == PROGRAM:
            return expert.program
        if column == TOPICS:
            return ", ".join(expert.topics)
        return str(self._counts[row])

    def _tooltip(self, expert: Expert, column: int) -> str:
        lines = [f"{expert.name} — {expert.title}" if expert.title else expert.name]
        lines += [v for v in (expert.program, expert.email, expert.phone) if v]
        if expert.topics:
            lines.append("Topics: " + ", ".join(expert.topics))
        if expert.id in self.in_kit:
            lines.append("✓ Already in the kit: adding links to that entry, no second copy")
        return "\n".join(lines)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ROSTER_HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {NAME: "✓ marks experts already in the open kit",
                    QUOTES: "Quotes in the bank"}.get(section)
        return None


class RosterFilter(QSortFilterProxyModel):
    """Rows whose ``SEARCH_ROLE`` text holds every word typed (case and accents folded).

    Qt asks about every row on each keystroke; fetching each row's text through an index and
    ``data()`` cost 40 ms for 5,000 experts, so the matching rows of a ``RosterModel`` are
    found in one pass over its texts and each row's answer is a set look-up. The set is
    made again whenever the roster's rows change.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._rows: set[int] | None = None
        self.setFilterRole(SEARCH_ROLE)
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        previous = self.sourceModel()
        if previous is not None:
            for signal in self._changes(previous):
                signal.disconnect(self._forget)
        self._forget()
        super().setSourceModel(model)
        if model is not None:
            for signal in self._changes(model):
                signal.connect(self._forget)

    @staticmethod
    def _changes(model: Any) -> tuple[Any, ...]:
        return (model.modelAboutToBeReset, model.rowsAboutToBeInserted,
                model.rowsAboutToBeRemoved, model.layoutAboutToBeChanged, model.dataChanged)

    def _forget(self, *_args: object) -> None:
        self._rows = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self._rows = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, RosterModel):  # any other model: ask each row
            haystack = model.index(source_row, 0, source_parent).data(self.filterRole()) or ""
            return all(word in haystack for word in self._words)
        if self._rows is None:
            self._rows = model.rows_matching(self._words)
        return source_row in self._rows


BANK_HEADERS = ("Quote", "Approval", "Topic", "Date", "Expert")
B_TEXT, B_APPROVAL, B_TOPIC, B_DATE, B_EXPERT = range(len(BANK_HEADERS))


def approval_label(quote: Quote) -> str:
    approval = quote.approval
    label = str(approval.state).capitalize()
    if approval.state is ApprovalState.APPROVED and approval.by:
        label += f" by {approval.by}"
    return label


class BankModel(QAbstractTableModel):
    """The banked quotes of some experts; the check box in the first column marks the quotes
    to bring along. Ticks are remembered by quote id while the user selects other experts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.roster = Roster()
        self.quotes: list[Quote] = []
        self.checked: set[str] = set()

    def show(self, roster: Roster, expert_ids: Iterable[str]) -> None:
        wanted = list(expert_ids)
        self.beginResetModel()
        self.roster = roster
        self.quotes = [q for expert_id in wanted for q in roster.quotes_by(expert_id)]
        known = {q.id for q in roster.quotes}
        self.checked &= known
        self.endResetModel()

    def checked_ids(self) -> list[str]:
        """The ticked quotes among those shown, in the order shown."""
        return [q.id for q in self.quotes if q.id in self.checked]

    def set_checked(self, quote_ids: Iterable[str], checked: bool = True) -> None:
        for quote_id in quote_ids:
            row = next((i for i, q in enumerate(self.quotes) if q.id == quote_id), None)
            if row is not None:
                self.setData(self.index(row, 0), Qt.CheckState.Checked if checked
                             else Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.quotes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(BANK_HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == B_TEXT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.quotes):
            return None
        quote, column = self.quotes[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == B_TEXT:
            return Qt.CheckState.Checked if quote.id in self.checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return quote.id
        if role == Qt.ItemDataRole.DisplayRole:
            expert = self.roster.expert(quote.expert)
            return one_line((
                first_words(quote.text, 90),
                approval_label(quote),
                quote.topic,
                quote.date.isoformat() if quote.date else "",
                expert.name if expert else quote.expert,
            )[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == B_TEXT:
                return tip(quote.text)
            if column == B_APPROVAL:
                when = quote.approval.date.isoformat() if quote.approval.date else ""
                return tip(f"{approval_label(quote)} {when}".strip())
        return None

    def setData(  # noqa: N802 - Qt override
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        quote_id = self.quotes[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(quote_id)
        else:
            self.checked.discard(quote_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return BANK_HEADERS[section]
        return None

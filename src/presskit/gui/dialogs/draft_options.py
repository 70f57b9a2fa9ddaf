"""File ▸ Save as E-mail Draft…: what goes into the draft, asked before where it goes.

One choice for now, *Attach the PDF*, remembered between uses in ``Settings``
(:data:`ATTACH_PDF_SETTING`), and a line that says whom the draft will be from: the kit's
first media contact with an address, else the user's own address from Preferences
(:data:`SENDER_SETTING`), else nobody (the mail client puts its account there). ``ask`` is a
classmethod returning ``(attach_pdf, accepted)`` like the other prompts, so the window's
tests answer it without a modal dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import describe

#: Settings key: attach the kit's PDF to the next e-mail draft (a bool).
ATTACH_PDF_SETTING = "draft_attach_pdf"
#: Settings key: the user's own address, ``Name <address>`` or an address (a string).
SENDER_SETTING = "sender_address"
#: Settings key: the web address where the e-mail's pictures are hosted (a string, "" for
#: none); Copy for E-mail then refers to them there instead of in a local folder.
IMAGE_BASE_SETTING = "image_base_url"


class DraftOptionsDialog(QDialog):
    """See the module docstring."""

    def __init__(self, attach_pdf: bool, sender: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftOptions")
        self.setWindowTitle("Save as E-mail Draft")
        self.attach_pdf = QCheckBox("&Attach the PDF", self)
        self.attach_pdf.setObjectName("attachPdf")
        self.attach_pdf.setChecked(attach_pdf)
        describe(self.attach_pdf, "Attach the PDF",
                 "Attach the kit's PDF to the draft, as it would be exported now")
        self.sender_label = QLabel(sender, self)
        self.sender_label.setObjectName("draftSender")
        self.sender_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Choose File…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.attach_pdf)
        layout.addWidget(self.sender_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, attach_pdf: bool, sender: str
            ) -> tuple[bool | None, bool]:
        """``(attach_pdf, accepted)``; ``sender`` says whom the draft will be from."""
        dialog = cls(attach_pdf, sender, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.attach_pdf.isChecked() if accepted else None), accepted
        finally:
            dialog.deleteLater()


def sender_description(contact: str, own: str) -> str:
    """The line under the check box: whom the draft is from, and why."""
    if contact:
        return f"From: {contact}, the kit's first media contact."
    if own:
        return f"From: {own}, your address in Preferences."
    return ("No sender: the kit has no media contact with an e-mail address, and you have not "
            "set yours in Preferences. Your mail client will fill it in.")

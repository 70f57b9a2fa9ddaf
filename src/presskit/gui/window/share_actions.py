"""File ▸ Copy for E-mail, Save as E-mail Draft…, Export E-mail Body…, Save as Bundle… and
Open Bundle….

``ShareActions`` is made by the window before its menus, which place its actions in the File
menu. Each command is a short flow: take a snapshot of the kit (or, for a bundle, the kit file
as saved), ask what (``DraftOptionsDialog``: attach the PDF?) and where through ``Prompts``,
hand the engine's work (``formats.email_parts``, ``formats.mail.message``, ``render_pdf`` for
an attached PDF, ``bundle.write_bundle`` / ``read_bundle``) to ``run_in_background``, then
report in the status bar, with warnings and errors in the window's dialogs. Each starts with
the pre-flight check (``review_before``), before any other question or file dialog: a kit
with errors is refused there, and warnings (or a kit still marked Draft) are shown, with
their fixes, until the user goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from presskit.gui.dialogs.draft_options import (
    ATTACH_PDF_SETTING,
    IMAGE_BASE_SETTING,
    SENDER_SETTING,
    DraftOptionsDialog,
    sender_description,
)
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.window.background import describe_error, run_in_background
from presskit.gui.window.host import WindowHost
from presskit.model import Kit, Problem
from presskit.model.ids import slugify
from presskit.storage import StorageError, atomic_write, replace_with_folder
from presskit.storage.bundle.format import BUNDLE_SUFFIX, megabytes

if TYPE_CHECKING:
    from presskit.formats import EmailParts, Exported
    from presskit.render import ImageCache

# The engine's formats and renderer (ReportLab, the e-mail package) are imported by the
# commands that use them, not with the window, whose start does without them.

T = TypeVar("T")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class ShareActions:
    """See the module docstring."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window
        # Photos are prepared once for every copy made while the app runs (each copy goes
        # through the same headshots); the cache notices a file changed on disk.
        self._image_cache: ImageCache | None = None
        self.copy_action = self._action(
            "Copy for E-&mail", "Copy the kit as a formatted e-mail, with a plain-text twin, "
            "to paste into a new message", self.copy_email, "edit-copy",
            QKeySequence("Ctrl+Shift+C"))
        self.draft_action = self._action(
            "Save as E-mail Dra&ft…", "Save the kit as an e-mail draft (.eml) to open in a "
            "mail client", self.save_email_draft, "mail-message-new")
        self.email_page_action = self._action(
            "Export E-mail Bod&y…", "Save the kit as an e-mail body (.html and .txt) with its "
            "pictures in a folder beside it, to upload to an e-mail service",
            self.export_email_body, "text-html")
        self.save_bundle_action = self._action(
            "Save as B&undle…", "Save the kit with its pictures, fonts and PDF in one "
            f"{BUNDLE_SUFFIX} file", self.save_as_bundle, "package-x-generic")
        self.open_bundle_action = self._action(
            "Open &Bundle…", f"Unpack a {BUNDLE_SUFFIX} bundle into a folder and open its kit",
            self.open_bundle_dialog, "document-open")

    @property
    def _images(self) -> ImageCache:
        if self._image_cache is None:
            from presskit.render import ImageCache

            self._image_cache = ImageCache()
        return self._image_cache

    def _action(self, text: str, tip: str, slot: Callable[[], object], icon: str,
                keys: QKeySequence | None = None) -> QAction:
        action = QAction(themed_icon(icon), text, self.window)
        if keys is not None:
            action.setShortcut(keys)
            tip_keys = keys.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({tip_keys})")
        else:
            action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.copy_action, self.draft_action, self.email_page_action,
                self.save_bundle_action, self.open_bundle_action]

    # -- shared steps ---------------------------------------------------------------------

    def _checked_snapshot(self, action: str, refused: str) -> Kit | None:
        """A snapshot of the kit once the pre-flight check lets it go, or ``None``: an
        e-mail of a kit that cannot be exported would say something the PDF cannot."""
        window = self.window
        if window.review_before(action, refused) is None:
            return None
        return window.document.snapshot()

    def _run(self, work: Callable[[], T], failure: str) -> T | None:
        """``work()`` off the GUI thread; on failure the error dialog and ``None``."""
        window = self.window
        if window.is_busy:
            window.show_status("Still working on the last command; try again in a moment")
            return None
        try:
            with window.working(*self.actions, window.actions_.export):
                return run_in_background(work)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message, not a crash
            window.prompts.error(window, failure, describe_error(exc))
            return None

    def _report(self, message: str, warnings: list[str]) -> None:
        window = self.window
        if not warnings:
            window.show_status(message)
            return
        window.show_status(f"{message} ({_plural(len(warnings), 'warning')})")
        window.prompts.warnings(window, f"{message}, with {_plural(len(warnings), 'warning')}:",
                                warnings)

    def _stem(self) -> str:
        document = self.window.document
        return document.path.stem if document.path else slugify(document.kit.title, "press-kit")

    # -- e-mail ---------------------------------------------------------------------------

    def copy_email(self) -> bool:
        """File ▸ Copy for E-mail: HTML and plain text as one clipboard item, so a mail
        client that takes formatting pastes the HTML and any other the text.

        The HTML refers to the pictures as files: written to this kit's folder in the
        per-user cache and referred to by ``file://`` address (Outlook for Windows and Mac
        and Apple Mail take such files into the message they are pasted into), or, with a
        web address in Preferences, where the user hosts them (which every client keeps,
        Gmail and Outlook on the web included). Never ``data:`` (Outlook for Windows and
        Gmail do not show it) nor ``cid:`` (a pasted reference to a part points nowhere).
        README.md, "Copy for E-mail", says which client does what and why."""
        from presskit.formats import email_parts
        from presskit.formats.mail import hosted_base

        kit = self._checked_snapshot("Copy", "Not copied")
        if kit is None:
            return False
        images = self._images
        hosted = str(self.window.settings.get(IMAGE_BASE_SETTING, "") or "")
        folder = self._picture_folder()

        def work() -> EmailParts:
            try:
                base = hosted_base(hosted) if hosted else ""
            except ValueError:
                base = ""  # a setting edited by hand: the local files are still right
            if base:
                return email_parts(kit, "files", image_base=base, image_cache=images)
            parts = email_parts(kit, "files", image_base=folder.as_uri() + "/",
                                image_cache=images)
            _write_pictures(folder, parts)
            return parts

        parts = self._run(work, "The e-mail could not be made.")
        if parts is None:
            return False
        data = QMimeData()
        data.setHtml(parts.html)
        data.setText(parts.text)
        QGuiApplication.clipboard().setMimeData(data)
        self._report(f"Copied “{parts.subject}” for e-mail: paste it into a new message",
                     _messages(parts.warnings))
        return True

    def _picture_folder(self) -> Path:
        """Where this kit's pictures are written for the clipboard: a folder of its own in
        the per-user cache (named for the kit's file, so copying another kit does not take
        the pictures a pasted message still refers to), kept after presskit quits since the
        clipboard may be pasted later."""
        from presskit.render.cache_entries import cache_folder

        path = self.window.document.path
        key = str(path.absolute()) if path else f"untitled-{self._stem()}"
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return cache_folder("email-pictures") / f"{slugify(self._stem(), 'kit')}-{digest}"

    def save_email_draft(self) -> bool:
        """File ▸ Save as E-mail Draft…: the ``.eml`` a mail client opens as a draft, with
        the PDF attached if the user ticks (or last ticked) *Attach the PDF*."""
        from presskit.formats import Attachment, email_parts
        from presskit.formats.mail import message, sender
        from presskit.render import render_pdf

        window = self.window
        kit = self._checked_snapshot("Continue", "No draft saved")
        if kit is None:
            return False
        settings = window.settings
        own = str(settings.get(SENDER_SETTING, "") or "")
        contact = sender(kit)
        attach, accepted = DraftOptionsDialog.ask(
            window, bool(settings.get(ATTACH_PDF_SETTING, False)),
            sender_description(str(contact) if contact else "", str(sender(kit, own) or "")))
        if not accepted or attach is None:
            return False
        settings.set(ATTACH_PDF_SETTING, attach)
        path, accepted = window.prompts.draft_path(
            window, window.start_folder("draft") / f"{self._stem()}.eml")
        if not accepted or path is None:
            return False
        window.remember_folder("draft", path.parent)
        target = path.absolute()
        clash = window.output_clash(target)
        if clash is not None:  # a draft written over the kit, its logo or the roster
            window.prompts.error(window, f"“{target.name}” could not be written.",
                                 f"{clash}; choose another name for the draft")
            return False
        images = self._images
        pdf_name = f"{target.stem}.pdf"

        def work() -> list[Problem]:
            from email import policy  # not before the window shows: 15 ms of a start

            pdf: Attachment | None = None
            warnings: list[Problem] = []
            if attach:
                rendered = render_pdf(kit, image_cache=images)
                pdf, warnings = Attachment(pdf_name, rendered.data), list(rendered.warnings)
            parts = email_parts(kit, image_cache=images)
            draft = message(parts, sender=sender(kit, own), pdf=pdf)
            atomic_write(target, draft.as_bytes(policy=policy.SMTP))
            # The PDF and the e-mail prepare the same pictures: a photo missing is said once.
            return warnings + [w for w in parts.warnings if w not in warnings]

        warnings = self._run(work, f"“{target.name}” could not be written.")
        if warnings is None:
            return False
        with_pdf = " with the PDF attached" if attach else ""
        self._report(f"Saved the e-mail draft {target.name}{with_pdf}", _messages(warnings))
        return True

    def export_email_body(self) -> bool:
        """File ▸ Export E-mail Body…: what ``presskit export --format email`` writes, the
        HTML, its plain-text twin and the pictures in ``NAME_files/`` beside them (named
        relatively, or at the address in Preferences), as one set."""
        from presskit.formats import Exported, email_parts
        from presskit.formats.exports import picture_folder
        from presskit.formats.mail import hosted_base, picture_base

        window = self.window
        kit = self._checked_snapshot("Continue", "Not exported")
        if kit is None:
            return False
        path, accepted = window.prompts.email_page_path(
            window, window.start_folder("email") / f"{self._stem()}.html")
        if not accepted or path is None:
            return False
        window.remember_folder("email", path.parent)
        html = path.absolute()
        if html.suffix.lower() not in (".html", ".htm"):
            html = html.with_name(f"{html.name}.html")
        text, folder = html.with_suffix(".txt"), picture_folder(html)
        for target in (html, text, folder):
            clash = window.output_clash(target)
            if clash is not None:  # written over the kit, its logo or the roster
                window.prompts.error(window, f"“{html.name}” could not be written.",
                                     f"{clash}; choose another name for the e-mail")
                return False
        hosted = str(window.settings.get(IMAGE_BASE_SETTING, "") or "")
        images = self._images

        def make() -> Exported:
            try:
                base = hosted_base(hosted) if hosted else picture_base(folder.name)
            except ValueError:
                base = picture_base(folder.name)
            parts = email_parts(kit, "files", image_base=base, image_cache=images)
            return Exported({".html": parts.html.encode("utf-8"),
                             ".txt": parts.text.encode("utf-8")}, parts.warnings,
                            {image.filename: image.data for image in parts.images})

        failure = f"“{html.name}” could not be written."
        exported = self._run(make, failure)
        if exported is None:
            return False
        for name in exported.pictures:  # a picture over one of the kit's own files
            clash = window.output_clash(folder / name)
            if clash is not None:
                window.prompts.error(window, failure,
                                     f"{clash}; choose another name for the e-mail")
                return False
        pictures = exported.pictures
        outputs = {html: exported.files[".html"], text: exported.files[".txt"]}

        def write() -> bool:
            replace_with_folder(outputs, folder, pictures)
            return True

        if self._run(write, failure) is None:
            return False
        noun = _plural(len(pictures), "picture")
        self._report(f"Saved the e-mail body {html.name} and {text.name}, with {noun} in "
                     f"{folder.name}", _messages(exported.warnings))
        return True

    # -- bundles --------------------------------------------------------------------------

    def save_as_bundle(self) -> bool:
        """File ▸ Save as Bundle…: the kit file as saved, its pictures, fonts and PDF."""
        window = self.window
        if window.review_before("Continue", "No bundle saved") is None:
            return False
        document = window.document
        if document.path is None or document.is_modified:
            name = document.path.name if document.path else "Untitled"
            save, _ = window.prompts.save_before_bundling(window, name)
            if not save or not window.save_project():
                return False
        kit_path = window.document.path
        if kit_path is None:
            return False
        suggested = window.start_folder("bundle") / f"{kit_path.stem}{BUNDLE_SUFFIX}"
        path, accepted = window.prompts.bundle_save_path(window, suggested)
        if not accepted or path is None:
            return False
        window.remember_folder("bundle", path.parent)
        target = path.absolute()
        clash = window.output_clash(target)
        if clash is not None:  # a bundle written over the kit, its files or the roster
            window.prompts.error(window, f"“{target.name}” could not be made.",
                                 f"{clash}; choose another name for the bundle")
            return False
        from presskit.formats.bundle import write_bundle

        report = self._run(lambda: write_bundle(kit_path, target),
                           f"“{target.name}” could not be made.")
        if report is None:
            return False
        files = _plural(len(report.entries), "file")
        self._report(f"Saved the bundle {target.name} ({files}, {megabytes(report.size)})",
                     report.messages())
        return True

    def open_bundle_dialog(self) -> bool:
        window = self.window
        path, accepted = window.prompts.bundle_open_path(window, window.start_folder("bundle"))
        if not accepted or path is None:
            return False
        window.remember_folder("bundle", path.parent)
        return self.open_bundle(path)

    def open_bundle(self, bundle: Path | str) -> bool:
        """Unpack ``bundle`` into a folder the user chooses and open its kit; a refused
        bundle leaves the folder untouched and the open kit open."""
        window = self.window
        bundle = Path(bundle).absolute()
        folder, accepted = window.prompts.unpack_folder(window, bundle, bundle.parent)
        if not accepted or folder is None:
            return False
        # Asked before unpacking, so that Cancel leaves nothing behind in the folder.
        if not window.confirm_discard():
            return False
        document, asked_at = window.document, window.document.undo_stack.index()
        target = folder.absolute()
        from presskit.formats.bundle import read_bundle

        kit_path = self._run(lambda: read_bundle(bundle, target),
                             f"“{bundle.name}” could not be opened.")
        if kit_path is None:
            window.show_status(f"Could not open {bundle.name}")
            return False
        # Edits made while it unpacked were not covered by the answer: ask again then.
        changed = window.document is not document or document.undo_stack.index() != asked_at
        if not window.open_project(kit_path, ask=changed):
            return False
        window.show_status(f"Unpacked {bundle.name} into {target} and opened {kit_path.name}")
        return True


def _write_pictures(folder: Path, parts: EmailParts) -> None:
    """The pictures of ``parts`` as files in ``folder``, in place of those of an earlier copy
    (a photo since removed from the kit is deleted: the folder is presskit's own)."""
    from presskit.render.cache_entries import usable_folder

    if not usable_folder(folder.parent, create=True):
        raise StorageError(f"cannot write the pictures to {folder.parent}: it is not a folder "
                           "of yours, or is a link")
    pictures = {image.filename: image.data for image in parts.images}
    replace_with_folder({}, folder, pictures)
    for entry in os.scandir(folder):
        if entry.name not in pictures and entry.is_file(follow_symlinks=False) and (
                entry.name.endswith((".png", ".jpg"))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _messages(problems: list[Problem]) -> list[str]:
    return [p.message for p in problems]

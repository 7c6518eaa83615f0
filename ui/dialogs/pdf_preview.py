"""Preview a PDF inside the app, and print it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

# A page at a readable size; less when the screen is smaller.
WANTED = QSize(820, 980)
# The window manager's title bar and borders, until the shown window tells the real ones.
FRAME_GUESS = QSize(16, 48)


def fitted_geometry(wanted: QSize, available: QRect, frame: QSize) -> QRect:
    """The window's inside (without ``frame``) at most ``wanted``, whole on ``available``.

    The window with its frame is centred on the available part of the screen (the
    screen less its task bars), so its Print and Close buttons are never below it.
    """
    width = max(1, min(wanted.width(), available.width() - frame.width()))
    height = max(1, min(wanted.height(), available.height() - frame.height()))
    left = available.x() + (available.width() - width - frame.width()) // 2
    top = available.y() + (available.height() - height - frame.height()) // 2
    return QRect(QPoint(left, top), QSize(width, height))


class PdfPreview(QDialog):
    """The rendered report in a scrollable view, with a Print button; fits its screen."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(path.name)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        layout = QVBoxLayout(self)
        view = QPdfView(self)
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(view, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(self.print_document)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._framed = False  # fitted again once, with the real frame, when first shown
        self._fit(FRAME_GUESS)

    def _available(self) -> QRect:
        """The part of this window's screen that task bars and docks leave free."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _fit(self, frame: QSize) -> None:
        geometry = fitted_geometry(WANTED, self._available(), frame)
        self.resize(geometry.size())
        self.move(geometry.topLeft())

    def showEvent(self, event: QShowEvent) -> None:
        """Fit again with the frame the window manager really drew."""
        super().showEvent(event)
        if self._framed:
            return  # where the user has since put it is theirs
        self._framed = True
        frame = self.frameGeometry().size() - self.geometry().size()
        if frame.isValid() and not frame.isNull():
            self._fit(frame)

    def print_document(self) -> None:
        """Ask for a printer and print every page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        target = printer.pageRect(QPrinter.Unit.DevicePixel).size().toSize()
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            image = self.document.render(page, QSize(target.width(), target.height()))
            painter.drawImage(QPointF(0, 0), image)
        painter.end()


def offer_pdf(parent: QWidget, path: Path, message: str) -> None:
    """Say a PDF was saved, and offer to open it, or to preview and print it here."""
    offer_pdfs(parent, [path], message)


def offer_pdfs(parent: QWidget, paths: Sequence[Path], message: str) -> None:
    """Say PDFs were saved, and offer to open them, or to preview and print each here."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("PdfPreview", "Report ready"))
    box.setText(message)
    open_button = box.addButton(
        QCoreApplication.translate("PdfPreview", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    preview_button = box.addButton(
        QCoreApplication.translate("PdfPreview", "Preview and print"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        for path in paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is preview_button:
        for path in paths:  # one after the other: each is closed before the next
            PdfPreview(path, parent).exec()

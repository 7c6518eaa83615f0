"""Preview a PDF inside the app, and print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget


class PdfPreview(QDialog):
    """The rendered report in a scrollable view, with a Print button."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(path.name)
        self.resize(820, 980)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        layout = QVBoxLayout(self)
        view = QPdfView(self)
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(self.print_document)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is preview_button:
        PdfPreview(path, parent).exec()

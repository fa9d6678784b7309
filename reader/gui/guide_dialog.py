"""The short user guide, in Chinese or English, from resources/help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from reader.core.paths import asset_dir


def guide_text(language: str) -> str:
    """The guide's Markdown for 'zh' or 'en' (English if the Chinese one is missing)."""
    folder = asset_dir("resources") / "help"
    for name in (f"guide_{language}.md", "guide_en.md"):
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    """A non-modal window with the guide."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Duidu Guide"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        # the guide's language is the interface's: the translation says which one it is
        language = QCoreApplication.translate("GuideDialog", "en")
        self.browser.setMarkdown(guide_text("zh" if language == "zh" else "en"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)

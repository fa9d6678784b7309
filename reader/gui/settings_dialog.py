"""The settings dialog: library location, language, colours, reading font, shared phrasing, export fonts."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDoubleSpinBox, QFileDialog, QFontComboBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from reader.core.reuse import DEFAULT_MIN_CHARS
from reader.gui.forms import choice_combo, dialog_buttons
from reader.gui.settings import Settings


class SettingsDialog(QDialog):
    """Edits the declared settings; `apply()` writes them and returns the keys that changed."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.library_folder = QLineEdit(settings.get("library/folder"))
        self.library_folder.setPlaceholderText(self.tr("Default (the local data folder)"))
        self.library_folder.setMinimumWidth(   # the placeholder is read whole, in either language
            self.library_folder.fontMetrics().horizontalAdvance(self.library_folder.placeholderText()) + 24)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.library_folder, 1)
        row.addWidget(browse)
        self.language = choice_combo([("system", self.tr("Follow the system")), ("zh", "中文"), ("en", "English")],
                                    settings.get("ui/language"))
        self.color_scheme = choice_combo([("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                                         ("dark", self.tr("Dark"))], settings.get("ui/color_scheme"))
        self.font_family = QFontComboBox()
        if settings.get("reading/font_family"):
            self.font_family.setCurrentText(settings.get("reading/font_family"))
        else:
            self.font_family.setCurrentIndex(-1)
            self.font_family.setEditText("")
        self.font_family.lineEdit().setPlaceholderText(self.tr("Best Chinese font on this computer"))
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 40)
        self.font_size.setValue(settings.get("reading/font_size"))
        self.line_spacing = QSpinBox()
        self.line_spacing.setRange(100, 250)
        self.line_spacing.setSingleStep(10)
        self.line_spacing.setSuffix(" %")
        self.line_spacing.setValue(settings.get("reading/line_spacing"))
        self.min_chars = QSpinBox()
        self.min_chars.setRange(6, 80)
        self.min_chars.setValue(settings.get("shared/min_chars") or DEFAULT_MIN_CHARS)
        self.stock_share = QDoubleSpinBox()
        self.stock_share.setRange(0, 100)
        self.stock_share.setDecimals(0)
        self.stock_share.setSuffix(" %")
        self.stock_share.setSpecialValueText(self.tr("Adapt to the library's size"))
        self.stock_share.setValue(settings.get("shared/stock_threshold") * 100)
        self.stock_score = QDoubleSpinBox()
        self.stock_score.setRange(0.05, 1.0)
        self.stock_score.setDecimals(2)
        self.stock_score.setSingleStep(0.05)
        self.stock_score.setValue(settings.get("shared/stock_score"))
        self.stock_score.setToolTip(self.tr("0: everything shared is stock; 1: only wording every official text "
                                            "repeats. Scores come from national official texts and your library."))
        self.export_preset = choice_combo([("plain", self.tr("Plain")),
                                          ("official", self.tr("Official document (GB/T 9704)"))],
                                         settings.get("export/preset"))
        self.fonts = {key: QLineEdit(settings.get(key)) for key in
                      ("export/body_font", "export/heading1_font", "export/heading2_font", "export/title_font")}

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("Library folder"), folder_row)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Colours"), self.color_scheme)
        reading = QGroupBox(self.tr("Reading"))
        form = QFormLayout(reading)
        form.addRow(self.tr("Font"), self.font_family)
        form.addRow(self.tr("Size"), self.font_size)
        form.addRow(self.tr("Line spacing"), self.line_spacing)
        shared = QGroupBox(self.tr("Shared phrasing"))
        form = QFormLayout(shared)
        form.addRow(self.tr("Shortest passage (characters)"), self.min_chars)
        form.addRow(self.tr("Stock formula when in at least"), self.stock_share)
        form.addRow(self.tr("Stock formula from a score of"), self.stock_score)
        export = QGroupBox(self.tr("Export to Word"))
        form = QFormLayout(export)
        form.addRow(self.tr("Preset"), self.export_preset)
        form.addRow(self.tr("Body font"), self.fonts["export/body_font"])
        form.addRow(self.tr("Level-one headings"), self.fonts["export/heading1_font"])
        form.addRow(self.tr("Level-two headings"), self.fonts["export/heading2_font"])
        form.addRow(self.tr("Title font"), self.fonts["export/title_font"])
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        for box in (general, reading, shared, export):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library Folder"), self.library_folder.text())
        if folder:
            self.library_folder.setText(folder)

    def values(self) -> dict:
        """The dialog's values, by setting key."""
        values = {
            "library/folder": self.library_folder.text().strip(),
            "ui/language": self.language.currentData(),
            "ui/color_scheme": self.color_scheme.currentData(),
            "reading/font_family": self.font_family.currentText().strip(),
            "reading/font_size": self.font_size.value(),
            "reading/line_spacing": self.line_spacing.value(),
            "shared/min_chars": self.min_chars.value(),
            "shared/stock_threshold": self.stock_share.value() / 100,
            "shared/stock_score": round(self.stock_score.value(), 2),
            "export/preset": self.export_preset.currentData(),
        }
        values.update({key: edit.text().strip() or self.settings.get(key) for key, edit in self.fonts.items()})
        return values

    def apply(self) -> set[str]:
        """Write the values; return the keys whose value changed."""
        changed = set()
        for key, value in self.values().items():
            if value != self.settings.get(key):
                self.settings.set(key, value)
                changed.add(key)
        self.settings.sync()
        return changed

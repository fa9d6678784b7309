"""Qt's own dialogs speak Chinese in the Chinese interface; English counts read "1 speech", "5 speeches"."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.gui import translations

ROOT = Path(__file__).resolve().parents[2]
EN_TS = ROOT / "resources" / "i18n" / "duidu_en.ts"


@pytest.fixture
def installed(qapp):
    added = []

    def install(language):
        added.extend(translations.install_translators(QApplication.instance(), language))
        return added
    yield install
    for translator in added:
        QApplication.instance().removeTranslator(translator)


def test_the_chinese_interface_loads_qts_own_translation(installed):
    loaded = installed("zh")
    assert any(Path(t.filePath()).name == "qtbase_zh_CN.qm" for t in loaded)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["打开", "取消"])
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"


def test_the_english_interface_uses_plural_forms(installed, sample_library, settings, qtbot):
    installed("en")
    from reader.gui.main_window import MainWindow

    window = MainWindow(sample_library, settings)
    qtbot.addWidget(window)
    assert window.status_label.text() == "5 speeches in the library"
    assert window.tr("%n speech(es) in the library", "", 1) == "1 speech in the library"
    assert QCoreApplication.translate("OverviewView", "%n formula(e)", "", 1) == "1 formula"


def test_every_plural_message_has_english_forms(scanned_ts):
    fresh = scanned_ts("-pluralonly")

    def numerus(path):
        return {(c.find("name").text, m.find("source").text): [f.text for f in m.iter("numerusform")]
                for c in ET.parse(path).iter("context") for m in c.iter("message") if m.get("numerus") == "yes"}

    wanted, known = numerus(fresh), numerus(EN_TS)
    assert set(wanted) - set(known) == set(), "add the English singular and plural to resources/i18n/duidu_en.ts"
    for key, forms in known.items():
        assert len(forms) == 2 and not any("(s)" in f or "(es)" in f or "(e)" in f for f in forms), key

"""The whole interface is translated: no English left on a Chinese system."""

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.gui import translations

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "duidu_zh_CN.ts"


def messages(ts_path):
    tree = ET.parse(ts_path)
    for context in tree.iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


def test_every_message_has_a_chinese_translation():
    untranslated = []
    for context, message in messages(TS):
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip()
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            untranslated.append((context, message.find("source").text))
    assert untranslated == []


def test_the_ts_file_knows_every_string_of_the_source(scanned_ts):
    fresh = scanned_ts()
    wanted = {(c, m.find("source").text) for c, m in messages(fresh)}
    known = {(c, m.find("source").text) for c, m in messages(TS)
             if m.find("translation").get("type") not in ("vanished", "obsolete")}
    assert wanted - known == set(), "run pyside6-lupdate on reader/gui and translate the new strings"


def test_window_speaks_chinese_with_the_translation(qtbot, sample_library, settings, tmp_path):
    qm = translations.qm_file(build_dir=tmp_path)
    assert qm is not None and qm.is_file()
    app = QApplication.instance()
    installed = translations.install_translators(app, "zh")
    try:
        from reader.gui.main_window import MainWindow

        window = MainWindow(sample_library, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert window.library_pane.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
        assert "5" in window.status_label.text() and "讲话" in window.status_label.text()
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_the_cached_translation_follows_the_source_not_its_date(tmp_path, monkeypatch):
    """An upgrade can install a .ts older than the .qm another version cached: the content decides."""
    import os

    assets = tmp_path / "assets"
    (assets / "i18n").mkdir(parents=True)
    source = assets / "i18n" / "duidu_zh_CN.ts"
    shutil.copy(TS, source)
    monkeypatch.setattr(translations, "asset_dir", lambda name: assets)
    monkeypatch.setattr(translations, "cache_dir", lambda: tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    first = translations.qm_file()
    assert first is not None and first.is_file()
    changed = source.read_text(encoding="utf-8").replace("文件(&amp;F)", "档案(&amp;F)")
    assert changed != source.read_text(encoding="utf-8")
    source.write_text(changed, encoding="utf-8")
    os.utime(source, (1, 1))    # older than the cached .qm
    second = translations.qm_file()
    assert second is not None and second != first and second.read_bytes() != first.read_bytes()

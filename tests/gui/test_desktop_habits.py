"""Desktop habits: settings, drops, recent items, the guide, icons in both colour schemes."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPalette

from reader.gui.guide_dialog import guide_text
from reader.gui.icons import themed_icon
from reader.gui.settings_dialog import SettingsDialog


def test_settings_dialog_applies_the_reading_font(main_window, monkeypatch):
    def choose(dialog):
        dialog.font_size.setValue(19)
        dialog.min_chars.setValue(15)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    main_window.show_settings()
    assert main_window.settings.get("reading/font_size") == 19
    assert main_window.reading_pane.text_view.font().pointSize() == 19
    assert main_window.compare_view.min_chars.value() == 15


def test_settings_survive_a_restart(settings):
    from reader.gui.settings import Settings

    settings.set("ui/language", "zh")
    settings.sync()
    assert Settings(settings.path).get("ui/language") == "zh"


def test_dropping_files_imports_them(main_window, qtbot, tmp_path):
    speech = tmp_path / "dropped.txt"
    speech.write_text("同志们：\n一、拖进来的讲话\n内容很重要。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(speech))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: main_window.library_pane.model.rowCount() == 6, timeout=20000)


def test_recent_items(main_window):
    main_window.open_documents([1, 3])
    main_window.open_documents([2])
    assert main_window.recent_items()[:2] == [[2], [1, 3]]
    main_window._fill_recent_menu()
    assert len(main_window.actions.recent_menu.actions()) >= 2


def test_guide_in_both_languages():
    assert "对读" in guide_text("zh") and "相同表述" in guide_text("zh")
    assert "Duidu guide" in guide_text("en")


def test_icons_follow_the_palette(qtbot):
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.ButtonText, Qt.GlobalColor.black)
    dark.setColor(QPalette.ColorRole.ButtonText, Qt.GlobalColor.white)
    on_light = themed_icon("compare", light).pixmap(24).toImage()
    on_dark = themed_icon("compare", dark).pixmap(24).toImage()
    assert not on_light.isNull() and on_light != on_dark
    # some pixel is drawn dark on the light palette and light on the dark palette
    dark_pixels = [on_light.pixelColor(x, y) for x in range(24) for y in range(24) if on_light.pixelColor(x, y).alpha() > 200]
    assert dark_pixels and max(p.lightness() for p in dark_pixels) < 80


def test_dark_and_light_colour_schemes(qtbot):
    from PySide6.QtWidgets import QApplication

    from reader.gui.theme import apply_color_scheme

    app = QApplication.instance()
    before = app.palette()
    try:
        apply_color_scheme("dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        apply_color_scheme("light")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() >= 128
    finally:
        app.setPalette(before)

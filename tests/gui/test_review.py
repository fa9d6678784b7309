"""The window after a speech's text changes: the count, the list, the candidate's diff, versions, export, plain text."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from reader.core.importer import load_text
from reader.gui import plain
from reader.gui.export_dialog import ExportDialog
from reader.gui.review_dialog import ACCEPT, ReviewDialog, diff_html
from reader.gui.versions_dialog import VersionsDialog

SENTENCE = "城乡建设是一项系统性长期性工程"
SHOTS = os.environ.get("DUIDU_SHOTS")   # a folder: also save screenshots there to look at


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def changed(main_window, sample_library, tmp_path, qtbot, no_modal_dialogs):
    """Speech 4 with two excerpts; a new version changes one of them; the window has re-anchored."""
    editor = main_window.editor
    tag = editor.create_tag("规划")
    text = sample_library.get_document(4).text
    start = text.index(SENTENCE)
    editor.add_excerpts([(4, start, start + len(SENTENCE))], [tag.id])
    kept = text.index("。", start + 200) + 1
    editor.add_excerpts([(4, kept, kept + 12)], [tag.id])
    new = tmp_path / "新版本.txt"
    new.write_text(text.replace(SENTENCE, "城乡建设是一项系统性、长期性的工程"), encoding="utf-8")
    main_window.open_documents([4])
    main_window.import_new_version(4, str(new))
    qtbot.waitUntil(lambda: not main_window.jobs.jobs, timeout=30000)
    return main_window


def test_the_window_counts_and_lists_excerpts_that_need_review(changed, no_modal_dialogs):
    window = changed
    assert window.review_button.isVisible() and window.review_button.text().startswith("1 ")
    assert "1 stayed, 0 moved, 1 need review" in window.status_label.text()
    assert window.excerpts_panel.review_filter.isChecked()
    [row] = window.excerpts_panel.model.rows
    assert row.quote == SENTENCE and row.status == "review"
    assert window.excerpts_panel.model.index(0, 3).data().startswith("[needs review] ")
    assert any(kind == "information" and "need review" in text for kind, _t, text in no_modal_dialogs)
    shot(window, "review-window")
    window.show_excerpt(row)                    # in context: the candidate is selected, not stale offsets
    from reader.core.anchor import candidate

    start, end, words, _score = candidate(window.editor.codebook, row.id)
    assert window.reading_pane.text_view.selected_range() == (start, end)


def test_the_review_dialog_shows_the_diff_and_accepting_is_undoable(changed, qtbot, monkeypatch):
    window = changed
    [excerpt] = window.excerpts_panel.model.rows
    from reader.core.anchor import candidate

    found = candidate(window.editor.codebook, excerpt.id)
    dialog = ReviewDialog(excerpt, found, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "城乡建设是一项系统性" in dialog.diff.toPlainText() and "、" in dialog.diff.toPlainText()
    assert dialog.findChild(QLabel, "storedQuote").textFormat() == Qt.TextFormat.PlainText
    shot(dialog, "review-dialog")
    dialog.close()

    def choose(self):
        self.choice = ACCEPT
        return 1

    monkeypatch.setattr(ReviewDialog, "exec", choose)
    window.review_excerpt(excerpt)
    accepted = window.editor.codebook.get_excerpt(excerpt.id)
    assert (accepted.status, accepted.quote) == ("ok", "城乡建设是一项系统性、长期性的工程")
    assert not window.review_button.isVisible()
    window.editor.stack.undo()
    assert window.editor.codebook.get_excerpt(excerpt.id).quote == SENTENCE
    assert window.review_button.isVisible()


def test_versions_dialog_shows_the_old_text_and_goes_back(changed, sample_library, qtbot, monkeypatch):
    window = changed
    from reader.core.versions import list_versions

    versions = list_versions(sample_library, 4)
    dialog = VersionsDialog(sample_library, "讲话", versions, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and SENTENCE in dialog.text.toPlainText()
    shot(dialog, "versions-dialog")
    dialog.back.click()
    assert dialog.chosen == versions[0].id
    window.revert_speech(4, dialog.chosen)
    qtbot.waitUntil(lambda: not window.jobs.jobs, timeout=30000)
    assert not window.review_button.isVisible()
    assert SENTENCE in sample_library.get_document(4).text


def test_export_dialog_marks_or_leaves_out_review_excerpts(changed, tmp_path, monkeypatch):
    window = changed
    excerpts = window.editor.codebook.list_excerpts()
    for choice, name in (("mark", "marked.txt"), ("omit", "omitted.txt")):
        target = tmp_path / name
        dialog = ExportDialog(excerpts, window.editor.codebook.list_tags(), window.settings, window)
        assert dialog.review.isVisibleTo(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData("txt"))
        dialog.review.setCurrentIndex(dialog.review.findData(choice))
        monkeypatch.setattr(ExportDialog, "choose_path", lambda self, fmt, start, t=target: str(t))
        dialog.save()
    assert "NEEDS REVIEW" in (tmp_path / "marked.txt").read_bytes().decode("utf-8-sig")
    assert SENTENCE not in (tmp_path / "omitted.txt").read_bytes().decode("utf-8-sig")


HOSTILE = '<a href="http://example.com/">点我</a><h1>大标题</h1><img src="http://example.com/x.png">'


def test_speech_text_and_titles_show_as_characters(main_window, sample_library, qtbot, no_modal_dialogs):
    doc_id, _ = sample_library.add_document(load_text(f"{HOSTILE}\n一、总体要求\n正文。" * 3))
    sample_library.update_metadata(doc_id, title=HOSTILE)
    main_window.refresh_library()
    model = main_window.library_pane.model
    row = model.row_of(doc_id)
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<a href" not in tip and "&lt;a href" in tip
    plain.warning(main_window, "t", HOSTILE)
    assert no_modal_dialogs[-1][2].count("&lt;") == HOSTILE.count("<") and "<a href" not in no_modal_dialogs[-1][2]
    box = plain.message_box(main_window, QMessageBox.Icon.Warning, "t", HOSTILE)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert main_window.status_label.textFormat() == Qt.TextFormat.PlainText
    # a rich-text widget given `literal` shows exactly the characters
    shown = QLabel(plain.literal(HOSTILE))
    assert shown.textFormat() == Qt.TextFormat.AutoText
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(plain.literal(HOSTILE))
    assert document.toPlainText() == HOSTILE
    assert diff_html(HOSTILE, HOSTILE + "x").count("<a href") == 0
    # every label in the window that shows the speech's words shows them as plain text
    other, _ = sample_library.add_document(load_text("另一篇讲话\n一、" + HOSTILE + "\n正文。" * 3))
    main_window.refresh_library()
    main_window.open_documents([doc_id])
    main_window.open_documents([doc_id, other])
    showing = [w for w in main_window.findChildren(QLabel) if "<a href" in w.text() or "&lt;a" in w.text()]
    assert showing and all(w.textFormat() == Qt.TextFormat.PlainText or "&lt;a" in w.text() for w in showing)
    outline = main_window.reading_pane.outline_model if hasattr(main_window.reading_pane, "outline_model") else None
    for item in (outline.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive) if outline else []):
        assert "<a href" not in item.toolTip()


def test_a_file_with_the_same_title_and_name_is_offered_as_a_new_version(main_window, sample_library, tmp_path,
                                                                         qtbot, monkeypatch):
    path = tmp_path / "讲话.txt"
    path.write_text("关于城乡建设的讲话\n一、总体要求\n要推进城乡建设。" + SENTENCE + "。\n", encoding="utf-8")
    main_window.import_in_background([str(path)])
    qtbot.waitUntil(lambda: not main_window.jobs.jobs, timeout=30000)
    [old] = [d.id for d in sample_library.list_documents() if d.title == "关于城乡建设的讲话"]
    main_window.editor.add_excerpts([(old, 0, 9)], [main_window.editor.create_tag("城乡").id])
    path.write_text("关于城乡建设的讲话\n一、总体要求\n要加快推进城乡建设。" + SENTENCE + "。\n", encoding="utf-8")
    asked = []
    monkeypatch.setattr(plain, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(plain, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    main_window.import_in_background([str(path)])
    qtbot.waitUntil(lambda: not main_window.jobs.jobs and "stayed" in main_window.status_label.text(), timeout=30000)
    assert len(asked) == 1 and "new version" in asked[0]
    assert [d.id for d in sample_library.list_documents() if d.title == "关于城乡建设的讲话"] == [old]
    assert "加快推进" in sample_library.get_document(old).text
    assert main_window.editor.codebook.list_excerpts(doc_id=old)[0].status == "ok"


def test_restore_from_the_window_keeps_the_current_file(main_window, sample_library, monkeypatch, no_modal_dialogs):
    from PySide6.QtWidgets import QApplication

    from reader.core import backup
    from reader.gui.recovery_dialog import RESTORE, RecoveryDialog

    sample_library.backup("manual")
    folder = sample_library.folder

    def choose(self):
        assert "kept" in self.findChildren(QLabel)[0].text() and not self.new_button.isVisibleTo(self)
        self.choice = RESTORE
        return RecoveryDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", choose)
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(1))
    main_window.restore_from_backup()
    assert quits and main_window.library_restored == folder
    assert list(folder.glob("library-damaged-*.sqlite3"))              # the file it replaced, kept
    assert any(b.reason == "pre-restore" for b in backup.list_backups(folder))
    assert "restored" in no_modal_dialogs[-1][2]


def test_a_database_error_in_a_slot_becomes_a_message(main_window, no_modal_dialogs, monkeypatch):
    import sqlite3
    import sys

    from reader.gui.app import install_database_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_database_error_hook(main_window)
    error = sqlite3.OperationalError("database is locked")
    sys.excepthook(type(error), error, None)
    kind, _title, text = no_modal_dialogs[-1]
    assert kind == "critical" and "locked by another program" in text


def test_a_garbling_encoding_from_the_details_dialog_is_asked_about(main_window, sample_library, monkeypatch,
                                                                    no_modal_dialogs):
    from reader.gui.document_dialog import DocumentDialog

    before = sample_library.get_document(1).text
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: DocumentDialog.DialogCode.Accepted)
    monkeypatch.setattr(DocumentDialog, "changes", lambda self: {"encoding": "latin-1"})
    main_window.edit_document(1)                        # the recorded question answers "Ok", not "Yes"
    kind, _title, text = no_modal_dialogs[-1]
    assert kind == "question" and "unusual characters" in text
    assert sample_library.get_document(1).text == before
    monkeypatch.setattr(plain, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    main_window.edit_document(1)
    assert sample_library.get_document(1).text != before
    from reader.core.versions import list_versions

    assert [v.reason for v in list_versions(sample_library, 1)] == ["encoding"]

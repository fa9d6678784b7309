"""Editing a speech's details, undoing its cleaning, and removing speeches from the library."""

from PySide6.QtWidgets import QMessageBox

from reader.gui.document_dialog import DocumentDialog


def test_edit_details_and_undo_cleaning(main_window, monkeypatch, sample_library):
    def fill(dialog):
        dialog.title.setText("新标题")
        dialog.place.setText("某市")
        dialog.cleaned.setChecked(False)  # bring the site junk back
        return DocumentDialog.DialogCode.Accepted

    monkeypatch.setattr(DocumentDialog, "exec", fill)
    main_window.edit_document(5)
    doc = sample_library.get_document(5)
    assert (doc.title, doc.place) == ("新标题", "某市")
    assert "zciku" in doc.text and doc.removed == []
    assert main_window.library_pane.model.rows[[r.id for r in main_window.library_pane.model.rows].index(5)].title == "新标题"

    def clean_again(dialog):
        dialog.cleaned.setChecked(True)
        return DocumentDialog.DialogCode.Accepted

    monkeypatch.setattr(DocumentDialog, "exec", clean_again)
    main_window.edit_document(5)
    doc = sample_library.get_document(5)
    assert "zciku" not in doc.text and doc.removed
    assert doc.text.startswith("在2024年全市高品质城市建设工作推进会议上的讲话\n同志们：")


def test_remove_asks_and_removes(main_window, monkeypatch, sample_library, qtbot):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    main_window.remove_documents([2])
    assert sample_library.has_document(2)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    main_window.open_documents([2])
    job = None
    main_window.remove_documents([2])
    assert not sample_library.has_document(2)
    assert main_window.library_pane.model.rowCount() == 4
    assert main_window.reading_pane.document is None
    qtbot.waitUntil(lambda: not main_window.jobs.jobs, timeout=20000)
    from reader.core.reuse import ReuseIndex

    assert 2 not in ReuseIndex(sample_library.conn).document_ids()
    del job

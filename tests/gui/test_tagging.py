"""Tagging in the views, the codebook panel, undo/redo, export and the clipboard."""

import zipfile

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader.gui.export_dialog import ExportDialog
from reader.gui.tag_dialog import TagDialog
from reader.gui.tagging import EXCERPT_LAYER


@pytest.fixture
def answer_tag_dialog(monkeypatch):
    """Make the tag dialog answer with a new tag name and a note."""
    def answer(name="城市规划", note="好句子", counterparts=True):
        def exec_(dialog):
            dialog.new_tag.setText(name)
            dialog.note.setPlainText(note)
            dialog.counterparts.setChecked(counterparts)
            return TagDialog.DialogCode.Accepted
        monkeypatch.setattr(TagDialog, "exec", exec_)
    return answer


def select(view, start, end):
    view.setTextCursor(view.cursor_for(start, end))


def test_tag_a_selection_in_the_reading_pane_then_undo_and_redo(main_window, answer_tag_dialog):
    answer_tag_dialog()
    main_window.open_documents([1])
    view = main_window.reading_pane.text_view
    text = main_window.reading_pane.document.text
    start = text.index("规划科学是最大的效益")
    select(view, start, start + 10)
    view.setFocus()
    main_window.actions.tag_selection.trigger()
    excerpts = main_window.editor.codebook.list_excerpts()
    assert [(e.quote, e.note, e.tag_names) for e in excerpts] == [("规划科学是最大的效益", "好句子", ["城市规划"])]
    assert [(h.start, h.end) for h in view.layer(EXCERPT_LAYER)] == [(start, start + 10)]
    panel = main_window.excerpts_panel
    assert panel.model.rowCount() == 1 and panel.model.rows[0].section.startswith("二、")
    first_id = excerpts[0].id

    main_window.actions.undo.trigger()   # the excerpt
    main_window.actions.undo.trigger()   # the new tag
    assert main_window.editor.codebook.list_excerpts() == []
    assert main_window.editor.codebook.list_tags() == []
    assert view.layer(EXCERPT_LAYER) == []
    main_window.actions.redo.trigger()
    main_window.actions.redo.trigger()
    again = main_window.editor.codebook.list_excerpts()
    assert [e.id for e in again] == [first_id] and again[0].tag_names == ["城市规划"]


def test_tag_counterparts_as_one_group_in_the_comparison(main_window, qtbot, answer_tag_dialog):
    answer_tag_dialog(name="民生")
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    left = view.panes[0].speech
    text = left.document.text
    start = text.index("享有更多城市发展")
    view.tag_requested.emit(0, start, start + 20)
    excerpts = main_window.editor.codebook.list_excerpts()
    assert len(excerpts) == 2
    assert excerpts[0].group_id is not None and excerpts[0].group_id == excerpts[1].group_id
    assert {e.doc_id for e in excerpts} == {1, 3}
    assert all(e.quote.startswith("享有更多城市发展") for e in excerpts)
    assert view.panes[1].speech.text_view.layer(EXCERPT_LAYER)


def test_codebook_panel_create_rename_nest_merge_delete(main_window, monkeypatch):
    panel = main_window.excerpts_panel
    editor = main_window.editor
    answers = iter(["规划", "民生", "规划建设"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (next(answers), True)))
    panel.select_tag(None)
    panel.new_tag()
    panel.select_tag(None)
    panel.new_tag()
    tags = {t.name: t for t in editor.codebook.list_tags()}
    panel.select_tag(tags["规划"].id)
    panel.rename_tag()
    tags = {t.name: t for t in editor.codebook.list_tags()}
    assert set(tags) == {"规划建设", "民生"}
    text = main_window.library.get_document(1).text
    editor.add_excerpts([(1, 0, 10)], [tags["民生"].id])
    editor.move_tag(tags["民生"].id, tags["规划建设"].id)
    nested = {t.name: t for t in editor.codebook.list_tags()}
    assert nested["民生"].parent_id == tags["规划建设"].id and nested["规划建设"].total == 1
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes))
    panel.merge_into(nested["民生"].id, nested["规划建设"].id)
    assert "1" in asked[-1]
    assert [t.name for t in editor.codebook.list_tags()] == ["规划建设"]
    assert editor.codebook.list_excerpts()[0].tag_names == ["规划建设"]
    panel.select_tag(nested["规划建设"].id)
    panel.delete_tag()
    assert editor.codebook.list_tags() == [] and len(editor.codebook.list_excerpts()) == 1
    for _ in range(3):
        editor.stack.undo()
    assert {t.name for t in editor.codebook.list_tags()} == {"规划建设", "民生"}
    assert text  # the speech itself was never touched


def test_export_to_word_and_to_a_locked_target(main_window, tmp_path, monkeypatch, no_modal_dialogs):
    editor = main_window.editor
    tag = editor.create_tag("规划")
    editor.add_excerpts([(1, 5, 30)], [tag.id], "注")
    locked = tmp_path / "locked.docx"
    locked.mkdir()
    target = tmp_path / "out.docx"
    paths = iter([str(locked), str(target)])   # a folder cannot be written as a file: choose again
    monkeypatch.setattr(ExportDialog, "choose_path", lambda self, fmt, start: next(paths))
    monkeypatch.setattr(ExportDialog, "exec", lambda self: self.save())
    dialog = main_window.export_excerpts(main_window.excerpts_panel.chosen_excerpts())
    assert dialog.written == target
    assert any(kind == "warning" for kind, *_ in no_modal_dialogs)
    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert main_window.library.get_document(1).text[5:15] in xml
    assert 'w:eastAsia="' in xml


def test_copy_to_clipboard_sets_html_and_text(main_window):
    editor = main_window.editor
    tag = editor.create_tag("规划")
    editor.add_excerpts([(1, 5, 30)], [tag.id], "<b>注</b>")
    main_window.excerpts_panel.copy_button.click()
    mime = QGuiApplication.clipboard().mimeData()
    quote = main_window.library.get_document(1).text[5:30]
    assert mime.hasHtml() and quote in mime.html()
    assert "&lt;b&gt;" in mime.html()      # a note is text, never markup
    assert quote in mime.text() and "在市委新型城镇化工作推进会上的讲话" in mime.text()


def test_double_click_opens_the_excerpt_in_context(main_window):
    editor = main_window.editor
    tag = editor.create_tag("规划")
    text = main_window.library.get_document(3).text
    start = text.index("远眺前行的路")
    editor.add_excerpts([(3, start, start + 6)], [tag.id])
    panel = main_window.excerpts_panel
    panel.open_requested.emit(panel.model.rows[0])
    assert main_window.reading_pane.document.id == 3
    assert main_window.reading_pane.text_view.selected_range() == (start, start + 6)


def test_an_excerpt_under_review_is_placed_by_hand(main_window, sample_library):
    from types import SimpleNamespace

    from reader.core.versions import replace_text_and_reanchor

    editor = main_window.editor
    tag = editor.create_tag("规划")
    text = sample_library.get_document(4).text
    start = text.index("城乡建设是一项系统性长期性工程")
    editor.add_excerpts([(4, start, start + 15)], [tag.id])
    rewritten = text.replace("城乡建设是一项系统性长期性工程", "这句话被整个改写了，面目全非")
    replace_text_and_reanchor(sample_library, 4, SimpleNamespace(
        raw_text=rewritten, text=rewritten, encoding="utf-8", fmt="txt", removed=[]))
    excerpt = editor.codebook.list_excerpts()[0]
    assert excerpt.status == "review"
    main_window.excerpts_panel.review_filter.setChecked(True)
    assert main_window.excerpts_panel.model.rowCount() == 1
    main_window.place_excerpt(excerpt)            # opens the speech and asks for a selection
    assert main_window.reading_pane.document.id == 4
    new_start = rewritten.index("这句话被整个改写了")
    main_window.reading_pane.text_view.setTextCursor(main_window.reading_pane.text_view.cursor_for(new_start, new_start + 9))
    main_window.place_excerpt(excerpt)
    placed = editor.codebook.get_excerpt(excerpt.id)
    assert (placed.status, placed.quote) == ("ok", "这句话被整个改写了")
    editor.stack.undo()
    assert editor.codebook.get_excerpt(excerpt.id).status == "review"

"""Real files in the window: inline lists lighter, restarting runs grouped, appendices as parts, a page's source."""

import importlib.util
from pathlib import Path

from PySide6.QtGui import QPalette

from reader.core.importer import load_text

_spec = importlib.util.spec_from_file_location(
    "outline_texts", Path(__file__).resolve().parents[1] / "core" / "test_outline_parts.py")
texts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(texts)


def _open(main_window, text):
    doc_id, _ = main_window.library.add_document(load_text(text, source="report.txt"))
    main_window.open_documents([doc_id])
    return main_window.reading_pane


def test_outline_pane_groups_runs_and_shows_inline_items_lighter(main_window, qtbot, tmp_path):
    pane = _open(main_window, texts.TEXT)
    model = pane.outline_model
    captions = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert captions[-2:] == ["附件1 2024年十件民生实事", "名词解释"]
    review = model.index(1, 0)
    groups = [model.index(r, 0, review) for r in range(model.rowCount(review))]
    assert [g.data() for g in groups] == ["一是 … 四是", "一是 … 四是"]
    assert [model.rowCount(g) for g in groups] == [4, 4]
    # a group row carries its run's first item, so clicking it goes there
    assert model.section_at(groups[1]).title == "经济恢复基础还不牢固"
    first_item = model.itemFromIndex(model.index(0, 0, groups[0]))
    heading = model.itemFromIndex(review)
    lighter = main_window.palette().color(QPalette.ColorRole.PlaceholderText)
    assert first_item.foreground().color() == lighter
    assert heading.foreground().color() != lighter
    # every item of the outline is still found from its section (the outline follows the scroll)
    second_run_item = pane.sections[1].children[5]
    assert model.section_at(model.index_of(second_run_item)) is second_run_item
    pane.outline.expandAll()
    main_window.grab().save(str(tmp_path / "outline.png"))


def test_details_dialog_shows_and_edits_where_a_page_comes_from(main_window, qtbot, tmp_path):
    from reader.core.importer import load_file
    from reader.gui.document_dialog import DocumentDialog

    spec = importlib.util.spec_from_file_location("web_pages", Path(__file__).resolve().parents[1] / "core" / "web_pages.py")
    web_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(web_pages)
    path = tmp_path / "page.html"
    path.write_bytes(web_pages.aspnet_form())
    doc_id, _ = main_window.library.add_document(load_file(path))
    dialog = DocumentDialog(main_window.library.get_document(doc_id), main_window)
    qtbot.addWidget(dialog)
    assert dialog.origin.text() == "市政府办公室" and dialog.date.text() == "2024-03-05"
    dialog.origin.setText("市人民政府办公室")
    assert dialog.changes() == {"origin": "市人民政府办公室"}
    main_window.library.update_metadata(doc_id, **dialog.changes())
    assert main_window.library.get_document(doc_id).origin == "市人民政府办公室"


def test_line_start_lists_that_restart_are_grouped_too(main_window):
    text = ("一、工作安排\n要做好以下工作：\n1.抓规划。\n2.抓建设。\n3.抓管理。\n存在的问题有：\n1.资金不足。\n2.人才短缺。\n"
            "二、保障措施\n（一）加强领导。\n（二）强化考核。\n")
    pane = _open(main_window, text)
    model = pane.outline_model
    first = model.index(0, 0)
    assert [model.index(r, 0, first).data() for r in range(model.rowCount(first))] == ["1. … 3.", "1. … 2."]
    second = model.index(1, 0)
    assert [model.index(r, 0, second).data() for r in range(model.rowCount(second))] == ["（一）加强领导", "（二）强化考核"]

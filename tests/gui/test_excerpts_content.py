"""What the excerpts panel shows (headings, every tag colour), the export dialog's heading option, and
removing an alignment correction by hand."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from reader.gui import plain
from reader.gui.export_dialog import ExportDialog


def row_of(panel, excerpt_id: int) -> int:
    return next(r for r, x in enumerate(panel.model.rows) if x.id == excerpt_id)


def test_section_shows_its_headings_and_every_tag_colour(main_window):
    editor, panel = main_window.editor, main_window.excerpts_panel
    text = main_window.library.get_document(1).text
    start = text.index("（三）要在城市组团发展上重点突破") + 20
    parent = editor.create_tag("城镇化")
    child = editor.create_tag("意义", parent_id=parent.id)
    other = editor.create_tag("城市更新", color="#ffff00")
    [excerpt] = editor.add_excerpts([(1, start, start + 15)], [child.id, other.id], "")
    model, row = panel.model, row_of(panel, excerpt.id)
    section = model.data(model.index(row, 2))
    assert section == "二、着力统筹推进、重点突破… / （三）要在城市组团发展上重点突破"
    assert section != "二、（三）"
    tip = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain.tooltip("二、着力统筹推进、重点突破，建设宜居宜业现代化城市\n（三）要在城市组团发展上重点突破")
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == plain.tooltip("城镇化 / 意义\n城市更新")
    chips = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(chips, QPixmap) and chips.width() > 2 * chips.height()
    image = chips.toImage()
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
    assert {child.color, "#ffff00"} <= colours           # both tags' colours, not only the first
    # the opening has no headings: the cell stays empty rather than inventing one
    [opening] = editor.add_excerpts([(1, 0, 8)], [child.id], "")
    assert model.data(model.index(row_of(panel, opening.id), 2)) == ""


def test_markup_in_a_quote_is_shown_as_text_in_its_tooltip(main_window):
    editor, panel = main_window.editor, main_window.excerpts_panel
    tag = editor.create_tag("t")
    [excerpt] = editor.add_excerpts([(1, 3, 20)], [tag.id], "<b>粗</b> & 注")
    model = panel.model
    tip = model.data(model.index(row_of(panel, excerpt.id), 4), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;粗&lt;/b&gt; &amp; 注" in tip and "<b>" not in tip


@pytest.mark.parametrize("checked", [True, False])
def test_export_dialog_cites_headings_when_asked(main_window, tmp_path, monkeypatch, checked):
    editor = main_window.editor
    text = main_window.library.get_document(1).text
    start = text.index("（三）要在城市组团发展上重点突破") + 20
    tag = editor.create_tag("规划")
    editor.add_excerpts([(1, start, start + 15)], [tag.id], "")
    target = tmp_path / "out.docx"
    monkeypatch.setattr(ExportDialog, "choose_path", lambda self, fmt, s: str(target))

    def run(dialog):
        dialog.headings.setChecked(checked)
        dialog.save()

    monkeypatch.setattr(ExportDialog, "exec", run)
    main_window.export_excerpts(main_window.excerpts_panel.chosen_excerpts())
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert ("（三）要在城市组团发展上重点突破" in xml) is checked
    assert main_window.settings.get("export/headings") is checked
    dialog = ExportDialog(main_window.excerpts_panel.chosen_excerpts(), [], main_window.settings)
    assert dialog.headings.isChecked() is checked           # remembered for the next export


def test_an_alignment_correction_can_be_removed(compare, qtbot, main_window):
    library = main_window.library
    left, right = compare.panes
    first = next(s for s in left.speech.sections if s.label == "一、")
    third = next(s for s in right.speech.sections if s.label == "三、")
    automatic = compare.comparison.counterpart(0, first, 1)
    assert automatic is not None and automatic.start != third.start
    right.speech.outline.setCurrentIndex(right.speech.outline_model.index_of(third))
    with qtbot.waitSignal(compare.comparison_ready, timeout=30000):
        compare.link_selected(left, first)
    assert compare.comparison.counterpart(0, first, 1).start == third.start
    assert compare.corrected_partners(left, first) == [3]
    assert compare.corrected_partners(right, third) == [1]        # seen from the other side too
    with qtbot.waitSignal(compare.comparison_ready, timeout=30000):
        compare.unlink_section(right, third)
    assert library.section_links(1, 3) == [] and compare.corrected_partners(left, first) == []
    assert compare.comparison.counterpart(0, first, 1).start == automatic.start


def test_unlink_sections_in_the_store_touches_only_that_section(sample_library):
    sample_library.link_sections(1, 10, 3, 20)
    sample_library.link_sections(1, 50, 3, 60)
    sample_library.link_sections(1, 10, 5, 70)
    assert sample_library.unlink_sections(3, 20, 1) == 1          # either order of the pair
    assert sample_library.section_links(1, 3) == [(50, 60)]
    assert sample_library.section_links(1, 5) == [(10, 70)]
    assert sample_library.unlink_sections(1, 999, 3) == 0
    assert sample_library.unlink_sections(1, 50, 3) == 1 and sample_library.section_links(3, 1) == []


def test_the_speech_filter_offers_the_speeches_holding_excerpts(main_window):
    editor, panel = main_window.editor, main_window.excerpts_panel
    offered = lambda: [panel.speech_filter.itemData(i) for i in range(panel.speech_filter.count())]  # noqa: E731
    assert len(main_window.library.list_documents()) >= 3 and offered() == [None]   # no walk of the library
    tag = editor.create_tag("城镇化")
    editor.add_excerpts([(3, 0, 8)], [tag.id], "")
    assert offered() == [None, 3]
    panel.speech_filter.setCurrentIndex(1)
    [second] = editor.add_excerpts([(1, 0, 8)], [tag.id], "")
    dates = {d.id: d.date for d in main_window.library.list_documents()}
    assert offered() == [None] + sorted([1, 3], key=lambda i: (dates[i] is None, dates[i] or "", i))
    assert panel.speech_filter.currentData() == 3                    # the chosen speech stays chosen
    assert [x.doc_id for x in panel.model.rows] == [3]

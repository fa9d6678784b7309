"""The synoptic view: opened from the comparison, keyboard navigation, options, moved links, copy and export."""

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from reader.core.sentence_align import align_sentences
from reader.core.synoptic import group_rows
from reader.gui.diff_dialog import DiffDialog
from reader.gui.synoptic_dialog import SynopticDialog
from reader.gui.synoptic_view import SynopticView

A = ("同志们：\n第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。"
     "第三句讲生态环境保护要久久为功持续用力。第四句讲XX市要抓好乡村振兴，推动城乡融合发展。第五句是结束语谢谢大家。")
B = ("同志们：\n第三句讲生态环境保护要久久为功持续用力。第一句讲城市更新行动要全面推进。第二句讲基础设施建设要加快补齐短板。"
     "第四句讲**市要抓好乡村振兴、推动城乡融合发展。新加的一句讲要防范化解重大风险。第五句是结束语谢谢大家。")


@pytest.fixture
def view(qtbot):
    widget = SynopticView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    alignment = align_sentences(A, B)
    widget.set_alignment(alignment, ("旧稿", "新稿"), group_rows(alignment, [], []), "en")
    return widget


def kinds(view):
    return [r.kind for r in view.alignment.rows]


def test_rows_and_summary(view):
    assert kinds(view) == ["same", "moved", "same", "changed", "moved", "changed", "b_only", "same"]
    assert view.summary.text().startswith("3 sentences the same, 2 changed, 1 added, 0 removed, 1 moved")
    assert view.browser.toPlainText().count("第一句讲城市更新行动要全面推进。") == 2


def test_keyboard_steps_through_changes_and_wraps(view, qtbot):
    changes = view.changes()
    assert len(changes) == 5
    view.browser.setFocus()
    visited = []
    for _ in range(len(changes) + 1):
        qtbot.keyClick(view.browser, Qt.Key.Key_F8)
        visited.append(view.current)
    assert visited == changes + changes[:1]
    qtbot.keyClick(view.browser, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current == changes[-1]
    # the current row's cells are marked without touching the document
    assert len(view.browser.extraSelections()) == 3
    selections = view.browser.extraSelections()
    cursor = selections[2].cursor
    row = view.alignment.rows[changes[-1]]
    assert cursor.selectedText() == view.alignment.text_b[row.b[0]:row.b[1]] == "新加的一句讲要防范化解重大风险。"


def test_ignore_punctuation_and_hide_identical(view):
    changed = [k for k, r in enumerate(view.alignment.rows) if r.kind == "changed" and r.similarity == 1.0]
    assert len(changed) == 1           # XX市…， vs **市…、: only a placeholder and a comma
    assert changed[0] in view.changes()
    view.quiet_action.setChecked(True)
    assert changed[0] not in view.changes()
    assert view.summary.text().startswith("4 sentences the same, 1 changed")
    before = view.shown_rows()
    view.hide_same_action.setChecked(True)
    after = view.shown_rows()
    assert set(after) == set(view.changes()) and len(after) < len(before)
    assert "identical sentence(s) hidden" in view.browser.toPlainText()
    view.hide_same_action.setChecked(False)
    assert view.shown_rows() == before


def link_position(view, target_row):
    block = view.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"#row-{target_row}":
                return fragment.position() + 1
            it += 1
        block = block.next()
    return None


def test_clicking_a_moved_sentence_jumps_to_its_counterpart(view, qtbot):
    moved = next(k for k, r in enumerate(view.alignment.rows) if r.kind == "moved" and r.a)
    counterpart = view.alignment.rows[moved].counterpart
    assert view.alignment.rows[counterpart].counterpart == moved
    position = link_position(view, counterpart)
    assert position is not None
    cursor = QTextCursor(view.browser.document())
    cursor.setPosition(position)
    view.browser.ensureCursorVisible()
    point = view.browser.cursorRect(cursor).center()
    qtbot.mouseClick(view.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.current == counterpart
    # and back again from the other side
    position = link_position(view, moved)
    cursor.setPosition(position)
    qtbot.mouseClick(view.browser.viewport(), Qt.MouseButton.LeftButton, pos=view.browser.cursorRect(cursor).center())
    assert view.current == moved


def test_speech_text_is_never_markup(qtbot):
    widget = SynopticView()
    qtbot.addWidget(widget)
    alignment = align_sentences("<a href='#row-0'>要推进</a>城市更新。", "<a href='#row-0'>要推进</a>城市建设。")
    widget.set_alignment(alignment, ("<b>A</b>", "B"), group_rows(alignment, [], []))
    text = widget.browser.toPlainText()
    assert "<a href='#row-0'>" in text and "<b>A</b>" in text


def choose_section(compare, label):
    speech = compare.panes[0].speech
    section = next(s for s in speech.sections if s.label == label or s.kind == label)
    index = speech.outline_model.index_of(section)
    speech.outline.setCurrentIndex(index)
    speech._on_outline_clicked(index)
    compare.active_pane = 0
    return section


def test_ctrl_d_opens_the_section_side_by_side(compare, qtbot, tmp_path):
    section = choose_section(compare, "二、")
    compare.panes[0].speech.text_view.setFocus()
    opened = []
    original = SynopticDialog.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        opened.append(self)
    SynopticDialog.__init__ = spy
    try:
        qtbot.keyClick(compare.panes[0].speech.text_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    finally:
        SynopticDialog.__init__ = original
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.waitUntil(lambda: dialog.view.alignment is not None, timeout=30000)
    rows = dialog.view.alignment.rows
    assert all(section.start <= r.a[0] < section.end for r in rows if r.a)
    assert dialog.view.groups[0].caption_a.startswith("二、")
    assert "changed" in dialog.view.summary.text()
    # copy: HTML table and tab-separated text
    mime = dialog.copy_table()
    assert "<table" in mime.html() and QGuiApplication.clipboard().mimeData().hasHtml()
    assert mime.text().splitlines()[0].count("\t") == 1
    # export to Word, landscape
    target = tmp_path / "section.docx"
    dialog.choose_path = lambda start: str(target)
    assert dialog.export_word() == target
    document = docx.Document(str(target))
    assert len(document.tables[0].columns) == 2
    assert document.sections[0].page_width > document.sections[0].page_height
    dialog.close()


def test_whole_speeches(compare, qtbot):
    dialog = compare.show_synoptic(whole=True)
    qtbot.waitUntil(lambda: dialog.view.alignment is not None, timeout=30000)
    al = dialog.view.alignment
    assert sum(r.a_parts for r in al.rows) == len(al.a) and sum(r.b_parts for r in al.rows) == len(al.b)
    assert len(dialog.view.groups) > 3
    assert not dialog.char_diff_button.isVisible()
    dialog.close()


def test_the_character_diff_is_one_click_away(compare, qtbot):
    section = choose_section(compare, "closing")     # a short section: the character diff is quick
    dialog = compare.show_synoptic()
    assert dialog.char_diff_button.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.view.alignment is not None, timeout=30000)
    dialog.char_diff_button.click()
    diff = next(w for w in compare.findChildren(DiffDialog))
    qtbot.waitUntil(lambda: diff.diffs is not None, timeout=60000)
    assert diff.text_a == compare.documents[0].text[section.start:section.end]
    diff.close()
    dialog.close()


def test_closing_before_the_alignment_is_ready_is_harmless(compare, qtbot):
    dialog = compare.show_synoptic(whole=True)
    job = dialog.job
    dialog.close()
    qtbot.waitUntil(lambda: job not in compare.jobs.jobs, timeout=30000)   # its result arrives to no window
    qtbot.wait(100)

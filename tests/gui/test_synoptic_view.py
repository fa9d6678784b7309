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
    assert view.summary.text().startswith("Sentences: 3 the same, 2 changed, 1 added, 0 removed, 1 moved")
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
    assert view.summary.text().startswith("Sentences: 4 the same, 1 changed")
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


def whole_samples(seed_texts):
    from reader.core.importer import load_text
    from reader.core.outline import parse_outline
    from reader.core.synoptic import build_synoptic

    a, b = load_text(seed_texts[0]).text, load_text(seed_texts[2]).text
    return build_synoptic(a, parse_outline(a), b, parse_outline(b), lang="zh")


def test_a_whole_speech_is_drawn_a_chunk_at_a_time_and_the_window_keeps_answering(qtbot, seed_texts):
    from PySide6.QtCore import QTimer

    from reader.gui import synoptic_view

    alignment, groups = whole_samples(seed_texts)
    assert len(alignment.lines()) > synoptic_view.FIRST_LINES + 2 * synoptic_view.CHUNK_LINES
    widget = SynopticView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    answered = []
    QTimer.singleShot(0, lambda: answered.append(widget.is_complete()))
    widget.set_alignment(alignment, ("一", "三"), groups, "zh")
    assert not widget.is_complete()
    first = len(widget._row_cells)
    assert 0 < first < len(widget.shown_rows())
    with qtbot.waitSignal(widget.rendered, timeout=30000):
        pass
    assert answered == [False]         # an event ran while the table was still being drawn
    assert sorted(widget._row_cells) == widget.shown_rows() == list(range(len(alignment.rows)))
    last = alignment.rows[-1]
    assert alignment.text_b[last.b[0]:last.b[1]].strip() in widget.browser.toPlainText()
    # every line appears once: the chunks add to the table, never repeat it
    plain = widget.browser.toPlainText()
    assert plain.count(alignment.text_a[slice(*alignment.rows[1].a)]) == 1


def test_navigation_reaches_rows_not_drawn_yet(qtbot, seed_texts):
    alignment, groups = whole_samples(seed_texts)
    widget = SynopticView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.set_alignment(alignment, ("一", "三"), groups, "zh")
    assert not widget.is_complete()
    last_change = widget.changes()[-1]
    assert last_change not in widget._row_cells
    assert widget.step_change(-1) == last_change    # wraps to the last change, drawing up to it
    assert widget.current == last_change and last_change in widget._row_cells
    assert len(widget.browser.extraSelections()) == 3
    # moved links and options still work on the drawn-later part
    widget.hide_same_action.setChecked(True)
    assert widget.current == last_change and widget.go_to_row(last_change)
    qtbot.waitUntil(widget.is_complete, timeout=30000)


def test_lines_facing_unmatched_sentences_share_a_table_row(view, qtbot):
    alignment = align_sentences("相同的开头一句。甲一讲的是财政预算管理。甲二讲的是教育事业发展。相同的结尾一句。",
                                "相同的开头一句。乙一讲的是交通运输安全。乙二讲的是医疗卫生服务。相同的结尾一句。")
    view.set_alignment(alignment, ("A", "B"), group_rows(alignment, [], []), "en")
    assert alignment.lines() == [(0, 0), (1, 2), (3, 4), (5, 5)]
    assert view._row_cells[1] == view._row_cells[2]          # one number cell holds both rows' anchors
    view.go_to_row(2)
    cells = [s.cursor.selectedText() for s in view.browser.extraSelections()]
    assert cells == ["2", "甲一讲的是财政预算管理。", "乙一讲的是交通运输安全。"]
    # next/previous change go line by line: the facing sentence is the same stop
    view.current = None
    assert [view.step_change(1) for _ in range(3)] == [1, 3, 1]
    assert [view.step_change(-1) for _ in range(2)] == [3, 1]


def test_view_options_are_remembered(compare, qtbot, settings):
    from reader.gui.settings import Settings

    dialog = compare.show_synoptic(whole=True)
    assert not dialog.view.quiet() and not dialog.view.hide_same_action.isChecked() and dialog.landscape.isChecked()
    qtbot.waitUntil(lambda: dialog.view.alignment is not None, timeout=30000)
    dialog.view.quiet_action.setChecked(True)
    dialog.view.hide_same_action.setChecked(True)
    dialog.landscape.setChecked(False)
    dialog.close()
    settings.sync()
    again = Settings(settings.path)          # as the next session reads them
    assert again.get("synoptic/quiet") and again.get("synoptic/hide_same") and not again.get("synoptic/landscape")
    dialog = compare.show_synoptic(whole=True)
    assert dialog.view.quiet() and dialog.view.hide_same_action.isChecked() and not dialog.landscape.isChecked()
    qtbot.waitUntil(lambda: dialog.view.alignment is not None, timeout=30000)
    assert "identical sentence(s) hidden" in dialog.view.browser.toPlainText() or \
        "省略相同语句" in dialog.view.browser.toPlainText()
    dialog.close()

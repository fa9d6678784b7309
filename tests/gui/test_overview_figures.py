"""The overview's figures read on their own: the map's colour key, labels and hover; the phrase timeline's axis."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from reader.gui import plain
from reader.gui.heatmap import ANGLE, COLUMN_LABEL, TOP
from reader.gui.timeline import TimelineWidget, date_value, place_marks, year_ticks


@pytest.fixture
def overview(main_window, qtbot):
    main_window.resize(1280, 800)
    main_window.show_overview()
    view = main_window.overview
    qtbot.waitUntil(lambda: view.heatmap.matrix is not None, timeout=60000)
    qtbot.wait(50)
    return view


def move(widget, pos: QPoint) -> None:
    event = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    widget.mouseMoveEvent(event)


def test_the_map_uses_its_room_and_keeps_its_labels(overview):
    heatmap = overview.heatmap
    area = heatmap.parentWidget()
    assert heatmap.cell >= 40   # five speeches: big cells, not 28-pixel ones in a corner
    assert heatmap.width() <= area.width() + 2 and heatmap.height() <= area.height() + 2
    # rotated column labels stay inside the widget: their height fits above the cells
    import math
    assert TOP >= COLUMN_LABEL * math.sin(math.radians(ANGLE))
    assert heatmap.sizeHint().width() > heatmap.cell_center(0, len(heatmap.matrix.doc_ids) - 1).x() + \
        COLUMN_LABEL * math.cos(math.radians(ANGLE)) - heatmap.cell


def test_colour_scale_names_the_top_figure(overview):
    scale = overview.colour_scale
    assert scale.top == pytest.approx(overview.heatmap.top) and scale.top > 0
    assert "‰" in scale.caption()
    assert not scale.grab().isNull()


def test_hover_names_the_pair_and_its_figure(overview):
    heatmap, matrix = overview.heatmap, overview.heatmap.matrix
    row, col = matrix.doc_ids.index(1), matrix.doc_ids.index(3)
    move(heatmap, heatmap.cell_center(row, col))
    text = overview.map_hover.text()
    titles = {d.id: d.display_title() for d in overview.library.list_documents()}
    assert titles[1] in text and titles[3] in text and "‰" in text
    assert heatmap.label_at(QPoint(10, heatmap.cell_center(row, 0).y())) == matrix.labels[row]


def test_tooltips_show_titles_as_text():
    assert plain.tooltip("<b>讲话</b>\n2022") == '<p style="white-space:pre-wrap">&lt;b&gt;讲话&lt;/b&gt;<br>2022</p>'


def test_timeline_marks_each_speech_on_a_date_axis():
    marks, axis, (low, high) = place_marks([("2022-03-01", 1, 2), ("2022-11-20", 2, 5), (None, 3, 1)])
    assert axis == "date" and len(marks) == 2
    assert marks[0].x < marks[1].x   # one year, still two places
    assert low < date_value("2022-03-01") < date_value("2022-11-20") < high
    assert 2022 in year_ticks(low, high, 10)


def test_timeline_without_dates_uses_the_library_order():
    marks, axis, _range = place_marks([(None, 7, 1), (None, 3, 4)], order=[3, 5, 7])
    assert axis == "order"
    assert [(m.doc_id, m.x) for m in marks] == [(7, 1.0), (3, 0.0)]


def test_timeline_tooltip_and_undated_count(qtbot):
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(500, 120)
    timeline.set_uses([("2022", 1, 2), ("2022", 2, 1), (None, 3, 1)], {1: "甲讲话", 2: "乙讲话"})
    assert timeline.undated == 1
    first, second = timeline.marks
    assert timeline.mark_x(first) != timeline.mark_x(second)   # the same date: side by side, not on top
    assert timeline.mark_near(timeline.mark_x(second)) is second
    assert "乙讲话" in timeline.describe(second) and "2022" in timeline.describe(second)
    assert not timeline.grab().isNull()

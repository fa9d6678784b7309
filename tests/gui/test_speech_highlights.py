"""A speech's highlights go to Qt near the view only, and follow the scrolling: none is ever missing on screen."""

from PySide6.QtGui import QTextCharFormat

from reader.gui.speech_view import Highlight, SpeechTextView


def _covered(view) -> set[int]:
    return {view.display.from_qt(s.cursor.selectionStart()) for s in view.extraSelections()}


def _on_screen(view, highlights) -> set[int]:
    first, last = view.top_offset(), view.offset_at(view.viewport().rect().bottomRight())
    return {h.start for h in highlights if h.end >= first and h.start <= last}


def test_highlights_near_the_view_are_painted_wherever_it_scrolls(qtbot):
    paragraph = "推进新型城镇化，建设宜居韧性智慧城市，统筹城乡融合发展。"
    text = "\n".join(f"{i}、{paragraph * 3}" for i in range(400))
    view = SpeechTextView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    view.set_speech_text(text)
    starts = list(range(0, len(text) - 10, 97))
    spots = [Highlight(s, s + 6, QTextCharFormat()) for s in starts]
    whole = Highlight(5, len(text) - 5, QTextCharFormat())
    view.set_layer("shared", 10, spots)
    view.set_layer("excerpt", 20, [whole])
    assert len(view.layer("shared")) == len(spots)                 # the layer keeps every one
    assert len(view.extraSelections()) < len(spots) // 4          # Qt is given those near the view
    bar = view.verticalScrollBar()
    for value in (0, bar.maximum() // 3, bar.maximum() // 3 + view.viewport().height() // 2, bar.maximum(), 0):
        bar.setValue(value)
        covered = _covered(view)
        assert _on_screen(view, spots) <= covered and whole.start in covered
    view.resize(900, 700)                       # rewrapped and taller: what is on screen now is painted
    assert _on_screen(view, spots) <= _covered(view)
    view.scroll_to_offset(starts[-3])
    assert _on_screen(view, spots) <= _covered(view) and starts[-3] in _covered(view)
